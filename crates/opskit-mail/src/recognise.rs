//! The recognisers. Fields are read from the most structured place first: the legacy
//! `X-SM-COMMUNICATION-TYPE` header, the managed notification's client-request-id header
//! and field grid, an SNS-delivered EventBridge event (JSON) or its input-transformer lines;
//! whatever is still missing comes from the body wording (account tags, "in the `<region>`
//! region", "between `<t>` and `<t>`", resource ids). The kind then follows from the event code,
//! the subject and the body, in the order of the reference notes.

use super::text::{self, field, times_in};
use super::{Event, Outcome, Severity};
use jiff::Timestamp;
use mail_parser::{Message, PartType};
use regex::Regex;
use std::sync::LazyLock;

/// Links and resources kept per event, so a mail listing thousands cannot bloat a finding.
const MAX_LINKS: usize = 10;
const MAX_RESOURCES: usize = 500;
/// How far after the start time an end time may appear and still belong to it.
const WINDOW_GAP: usize = 80;

/// The AWS domains a notice's sender address may be at (subdomains included). Not
/// amazonses.com: Amazon SES signs every customer's mail with it, so neither an address
/// there nor a DKIM pass for it says anything about AWS.
const AWS_DOMAINS: &[&str] = &["amazon.com", "aws.com", "amazonaws.com"];

/// Where a mailing list, a distribution list or a ticket system that forwarded a notice
/// leaves the original sender when it puts its own address in `From` (or drops `From`),
/// in the order they are trusted to name it.
const FORWARDED_SENDER_HEADERS: &[&str] = &["X-Original-From", "X-Original-Sender", "Reply-To", "Sender"];

/// The parts of a message the recognisers look at.
pub struct Mail {
    pub subject: Option<String>,
    pub from_addr: Option<String>,
    pub(crate) from_raw: Option<String>,
    headers: Vec<(String, String)>,
    /// Plain text, or the HTML part as text with one grid cell per line.
    pub(crate) text: String,
    /// The raw HTML parts, for links.
    html: String,
}

impl Mail {
    pub fn from_message(msg: &Message) -> Mail {
        let from = msg.from().and_then(|a| a.first());
        let from_addr = from.and_then(|a| a.address()).map(|a| a.trim().to_ascii_lowercase());
        let from_raw = from.and_then(|a| a.name()).map(str::to_string);
        let headers = msg.headers_raw().map(|(k, v)| (k.to_string(), v.trim().to_string())).collect();
        let mut text = String::new();
        let mut html = String::new();
        for part in msg.text_bodies().chain(msg.html_bodies()) {
            match &part.body {
                PartType::Text(t) if text.trim().is_empty() => text.push_str(t),
                PartType::Html(h) => {
                    if text.trim().is_empty() {
                        text = text::html_to_text(h);
                    }
                    if html.len() < 4 << 20 {
                        html.push_str(h);
                    }
                }
                _ => {}
            }
        }
        Mail { subject: msg.subject().map(str::to_string), from_addr, from_raw, headers, text, html }
    }

    /// The From address, or the raw From name when it has none.
    pub fn shown_sender(&self) -> Option<String> {
        self.from_addr.clone().or_else(|| self.from_raw.clone())
    }

    /// The AWS address the mail is from, and the header that names it: `From` when it is
    /// AWS's, else the first AWS address in the headers a list that forwarded the notice
    /// keeps the original sender in. Only a claim: [`super::Policy::verify`] checks it.
    pub fn aws_sender(&self) -> Option<(&'static str, String)> {
        if let Some(a) = self.from_addr.as_deref().filter(|a| is_aws_address(a)) {
            return Some(("From", a.to_string()));
        }
        FORWARDED_SENDER_HEADERS
            .iter()
            .find_map(|&h| self.headers_named(h).filter_map(address_in).find(|a| is_aws_address(a)).map(|a| (h, a)))
    }

    /// The headers only AWS's notice mails carry (legacy Health mails and managed
    /// notifications); a list forwarding a notice keeps them.
    pub(crate) fn has_aws_notice_headers(&self) -> bool {
        self.header("X-SM-COMMUNICATION-TYPE").is_some() || self.has_header_prefix("X-NOTIFICATIONS-")
    }

    /// Every value of a header, top first.
    pub(crate) fn headers_named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.headers.iter().filter(move |(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }

    fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }

    fn has_header_prefix(&self, prefix: &str) -> bool {
        self.headers.iter().any(|(k, _)| k.get(..prefix.len()).is_some_and(|h| h.eq_ignore_ascii_case(prefix)))
    }

    fn is_sns(&self) -> bool {
        self.aws_sender().is_some_and(|(_, a)| a.ends_with("@sns.amazonaws.com"))
    }

    fn subject_lower(&self) -> String {
        self.subject.as_deref().unwrap_or("").to_lowercase()
    }

    fn notice_like(&self) -> bool {
        static NOTICE: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(
                r"(?i)maintenance|retire|action required|scheduled|aws health|direct connect|compromis|abuse|exposed|security (notice|alert|warning)|\[AWS Account|\bAWS_[A-Z0-9_]{4,}",
            )
            .unwrap()
        });
        self.header("X-SM-COMMUNICATION-TYPE").is_some()
            || self.has_header_prefix("X-NOTIFICATIONS-")
            || self.subject.as_deref().is_some_and(|s| NOTICE.is_match(s))
    }
}

/// Fields gathered before the kind is decided.
#[derive(Default)]
struct Fields {
    format: &'static str,
    code: Option<String>,
    category: Option<String>,
    accounts: Vec<String>,
    region: Option<String>,
    service: Option<String>,
    start: Option<Timestamp>,
    end: Option<Timestamp>,
    resources: Vec<String>,
    event_arn: Option<String>,
    links: Vec<String>,
}

static CODE_RE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\bAWS_[A-Z0-9]+(?:_[A-Z0-9]+)+\b").unwrap());
static ARN_RE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"arn:aws[a-z-]*:health:[a-z0-9-]+::event/[A-Za-z0-9_.:/-]+[A-Za-z0-9_]").unwrap());
static REGION_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:us-gov|us|eu|ap|sa|ca|me|af|il|mx|cn)-(?:north|south|east|west|central|northeast|southeast|northwest|southwest)-\d\b").unwrap()
});
static ACCOUNT_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:\[AWS Account ?(?:ID)?: ?|\(AWS Account ID: ?|\bin Account |\bAccount Id: ?|\bAffected account:? ?\n?)(\d{12})\b")
        .unwrap()
});
static RESOURCE_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:i-[0-9a-f]{8}(?:[0-9a-f]{9})?|vol-[0-9a-f]{8}(?:[0-9a-f]{9})?|dx(?:con|vif|lag)-[0-9a-z]{8})\b")
        .unwrap()
});
static DB_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bDB (?:instance|cluster)(?: identifier)?s?:?[ \t]+([A-Za-z][A-Za-z0-9-]{0,62})\b").unwrap()
});
static LINK_RE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r#"https?://[^\s"'<>)\]]+"#).unwrap());

/// Whether an address is at one of AWS's domains.
pub(crate) fn is_aws_address(addr: &str) -> bool {
    let domain = addr.rsplit_once('@').map(|(_, d)| d).unwrap_or("");
    AWS_DOMAINS.iter().any(|d| domain == *d || domain.ends_with(&format!(".{d}")))
}

/// The address in a raw address header (`Name <a@b>`, `a@b`, `a@b (Name)`), lowercase;
/// the first one when it lists several.
fn address_in(value: &str) -> Option<String> {
    let first = value.split(',').find(|p| p.contains('@'))?;
    let addr = match (first.find('<'), first.rfind('>')) {
        (Some(i), Some(j)) if i < j => &first[i + 1..j],
        _ => first.split_whitespace().find(|w| w.contains('@'))?,
    };
    let addr = addr.trim().trim_matches(['"', '\'', '(', ')']).to_ascii_lowercase();
    let (local, domain) = addr.split_once('@')?;
    let ok = !local.is_empty()
        && domain.contains('.')
        && !domain.contains('@')
        && domain.chars().all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-');
    ok.then_some(addr)
}

pub fn classify(mail: &Mail) -> Outcome {
    // Plainly not an AWS notice: no AWS address anywhere a sender is named (a list's
    // forward included) and none of the headers only AWS's notices carry.
    if mail.aws_sender().is_none() && !mail.has_aws_notice_headers() {
        let reason = match mail.shown_sender() {
            Some(who) => format!("sender {who} is not AWS and the mail carries no AWS notice headers"),
            None => "no sender address and no AWS notice headers".into(),
        };
        return Outcome::Ignored { reason };
    }
    let f = extract(mail);
    let kind = kind_of(mail, &f);
    let substance = f.code.is_some() || !f.resources.is_empty() || f.start.is_some();
    match kind {
        Some((kind, cancelled)) if substance || (kind == "security" && !f.accounts.is_empty()) => {
            let severity = severity(kind, cancelled, f.category.as_deref(), f.code.as_deref());
            let format = f.format;
            Outcome::Recognised(Box::new(f.into_event(kind, format, cancelled, severity)))
        }
        Some((kind, _)) => Outcome::Unparsed {
            reason: format!("looks like a {kind} notice but has no event code, resource id or time"),
        },
        None if mail.notice_like() => Outcome::Unparsed {
            reason: "an AWS mail with a notice-like subject, but no known notice format matched".into(),
        },
        None => {
            Outcome::Ignored { reason: "from AWS but not a notice (no notice headers, subject not notice-like)".into() }
        }
    }
}

/// What a user rule recognises in a mail the built-ins did not: the fields the wording
/// gives, graded a warning unless the rule says otherwise.
pub(crate) fn event_of_rule(mail: &Mail) -> Event {
    extract(mail).into_event("rule", "rule", false, Severity::Warning)
}

impl Fields {
    fn into_event(self, kind: &str, format: &str, cancelled: bool, severity: Severity) -> Event {
        Event {
            kind: kind.into(),
            format: format.into(),
            event_type_code: self.code,
            category: self.category,
            accounts: self.accounts,
            region: self.region,
            service: self.service,
            start: self.start,
            end: self.end,
            resources: self.resources,
            event_arn: self.event_arn,
            links: self.links,
            cancelled,
            severity,
            rule: None,
        }
    }
}

fn extract(mail: &Mail) -> Fields {
    let mut f = Fields { format: "body", ..Fields::default() };
    let text = &mail.text;
    if let Some(code) = mail.header("X-SM-COMMUNICATION-TYPE") {
        f.format = "legacy";
        f.code = CODE_RE.find(code).map(|m| m.as_str().to_string());
    } else if mail.has_header_prefix("X-NOTIFICATIONS-") {
        f.format = "managed";
        f.code =
            mail.header("X-NOTIFICATIONS-CLIENT-REQUEST-ID").and_then(|v| CODE_RE.find(v)).map(|m| m.as_str().into());
    } else if mail.is_sns() {
        f.format = "sns";
        sns_json(text, &mut f);
        rds_event(text, &mut f);
    }
    // The managed grid and the SNS input-transformer lines; harmless on other formats.
    let grid = |labels: &[&str]| labels.iter().find_map(|l| field(text, l));
    if f.code.is_none() {
        f.code = grid(&["Event type code"]).and_then(|v| CODE_RE.find(&v).map(|m| m.as_str().to_string()));
    }
    if f.category.is_none() {
        f.category = grid(&["Event type category"]).filter(|v| !v.contains(' '));
    }
    if f.service.is_none() {
        f.service = grid(&["Service"]).filter(|v| !v.contains(' ') && v.len() <= 40);
    }
    if f.region.is_none() {
        f.region = grid(&["Event region", "Region"]).and_then(|v| {
            if v.eq_ignore_ascii_case("global") {
                return Some("global".to_string());
            }
            REGION_RE.find(&v).map(|m| m.as_str().into())
        });
    }
    if f.start.is_none() {
        f.start = grid(&["Start time"]).and_then(|v| text::parse_time(&v));
    }
    if f.end.is_none() {
        f.end = grid(&["End time"]).and_then(|v| text::parse_time(&v));
    }
    // Aggregated organisation notices may list several accounts in the cell.
    static TWELVE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\d{12}(?:[\s,;]+\d{12})*$").unwrap());
    if let Some(v) =
        grid(&["Affected account", "Affected accounts", "Account Id", "Account"]).filter(|v| TWELVE.is_match(v))
    {
        for a in v.split(|c: char| !c.is_ascii_digit()).filter(|a| a.len() == 12) {
            push_unique(&mut f.accounts, a.to_string());
        }
    }
    // Then the wording.
    if f.code.is_none() {
        let subject = mail.subject.as_deref().unwrap_or("");
        f.code = CODE_RE.find(subject).or_else(|| CODE_RE.find(text)).map(|m| m.as_str().to_string());
    }
    for hay in [mail.subject.as_deref().unwrap_or(""), text.as_str()] {
        for c in ACCOUNT_RE.captures_iter(hay) {
            push_unique(&mut f.accounts, c[1].to_string());
        }
    }
    if f.region.is_none() {
        static IN_REGION: LazyLock<Regex> =
            LazyLock::new(|| Regex::new(r"(?i)\bin the ([a-z0-9-]+) region|[?&#]region=([a-z0-9-]+)").unwrap());
        f.region = IN_REGION
            .captures_iter(text)
            .filter_map(|c| c.get(1).or(c.get(2)).map(|m| m.as_str().to_string()))
            .find(|r| REGION_RE.is_match(r))
            .or_else(|| REGION_RE.find(text).map(|m| m.as_str().to_string()));
    }
    if f.start.is_none() {
        // The 2016 EC2 wording: "on 2016-03-15 for 2 hours starting at 00:00 UTC".
        static ON_FOR: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"(?i)\bon (\d{4}-\d{2}-\d{2}) for (\d{1,2}) hours? starting at (\d{1,2}:\d{2}) (?:UTC|GMT)")
                .unwrap()
        });
        if let Some(c) = ON_FOR.captures(text)
            && let Some(start) = text::parse_time(&format!("{} {} UTC", &c[1], &c[3]))
        {
            let hours: i64 = c[2].parse().unwrap_or(0);
            f.start = Some(start);
            f.end = start.checked_add(jiff::SignedDuration::from_hours(hours)).ok();
        }
    }
    if f.start.is_none() {
        let times = times_in(text);
        if let Some(&(pos, start)) = times.first() {
            f.start = Some(start);
            if f.end.is_none()
                && let Some(&(pos2, end)) = times.get(1)
                && pos2 - pos <= WINDOW_GAP + 40
                && end >= start
            {
                f.end = Some(end);
            }
        }
    }
    for m in RESOURCE_RE.find_iter(text) {
        if f.resources.len() < MAX_RESOURCES {
            push_unique(&mut f.resources, m.as_str().to_string());
        }
    }
    for c in DB_RE.captures_iter(text) {
        if f.resources.len() < MAX_RESOURCES {
            push_unique(&mut f.resources, c[1].to_string());
        }
    }
    // Links: hrefs of the HTML, then URLs in the text; only AWS ones, no unsubscribe links.
    let hrefs = LINK_RE.find_iter(&mail.html).chain(LINK_RE.find_iter(text));
    for m in hrefs {
        let link = text::decode_entities(m.as_str());
        let host = link.split('/').nth(2).unwrap_or("");
        let aws = ["amazon.com", "aws.com", "amazonaws.com", "aws.amazon.com"].iter().any(|d| host.ends_with(d));
        let footer =
            ["unsubscribe", "/privacy", "/terms"].iter().any(|p| link.contains(p)) || link.ends_with("/support");
        if aws && !footer && f.links.len() < MAX_LINKS {
            push_unique(&mut f.links, link);
        }
    }
    if f.event_arn.is_none() {
        let decoded: Vec<String> = f.links.iter().map(|l| text::percent_decode(l)).collect();
        f.event_arn = std::iter::once(text.as_str())
            .chain(decoded.iter().map(String::as_str))
            .find_map(|h| ARN_RE.find(h))
            .map(|m| m.as_str().to_string());
    }
    if f.service.is_none() {
        f.service = f
            .event_arn
            .as_deref()
            .and_then(|a| a.split("::event/").nth(1))
            .and_then(|rest| rest.split('/').next())
            .map(str::to_string)
            .or_else(|| f.code.as_deref().and_then(|c| c.split('_').nth(1)).map(str::to_string));
    }
    f
}

/// An EventBridge Health event delivered as the SNS mail body (no input transformer).
fn sns_json(text: &str, f: &mut Fields) {
    let Some(i) = text.find('{') else { return };
    let Some(Ok(v)) = serde_json::Deserializer::from_str(&text[i..]).into_iter::<serde_json::Value>().next() else {
        return;
    };
    if v.get("source").and_then(|s| s.as_str()) != Some("aws.health") {
        return;
    }
    let d = &v["detail"];
    let s = |x: &serde_json::Value| x.as_str().filter(|s| !s.is_empty()).map(str::to_string);
    f.code = s(&d["eventTypeCode"]);
    f.category = s(&d["eventTypeCategory"]);
    f.service = s(&d["service"]);
    f.region = s(&d["eventRegion"]).or_else(|| s(&v["region"]));
    f.start = s(&d["startTime"]).and_then(|t| text::parse_time(&t));
    f.end = s(&d["endTime"]).and_then(|t| text::parse_time(&t));
    f.event_arn = s(&d["eventArn"]);
    for acct in [s(&d["affectedAccount"]), s(&v["account"])].into_iter().flatten() {
        push_unique(&mut f.accounts, acct);
    }
    for e in d["affectedEntities"].as_array().into_iter().flatten() {
        if f.resources.len() < MAX_RESOURCES
            && let Some(id) = s(&e["entityValue"])
        {
            push_unique(&mut f.resources, id);
        }
    }
    for r in v["resources"].as_array().into_iter().flatten() {
        if f.resources.len() < MAX_RESOURCES
            && let Some(id) = s(r).filter(|r| !r.starts_with("arn:"))
        {
            push_unique(&mut f.resources, id);
        }
    }
}

/// An RDS event-subscription mail (SNS, not Health): `SourceId:`, `Notification time :`,
/// `Message :` and `Event ID : …#RDS-EVENT-00NN` lines.
fn rds_event(text: &str, f: &mut Fields) {
    static ID: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?m)^\s*Event ID\s*:.*#(RDS-EVENT-\d{4})\b").unwrap());
    let Some(c) = ID.captures(text) else { return };
    f.code = Some(c[1].to_string());
    f.service = Some("RDS".into());
    f.category = Some("rdsEvent".into());
    let line = |label: &str| {
        text.lines()
            .map(str::trim)
            .find_map(|l| l.strip_prefix(label).map(|r| r.trim_start().trim_start_matches(':').trim().to_string()))
            .filter(|v| !v.is_empty())
    };
    if let Some(id) = line("SourceId") {
        push_unique(&mut f.resources, id);
    }
    // The account is the SNS topic's, in the unsubscribe link.
    static TOPIC: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"arn:aws[a-z-]*:sns:[a-z0-9-]+:(\d{12}):").unwrap());
    if let Some(c) = TOPIC.captures(text) {
        push_unique(&mut f.accounts, c[1].to_string());
    }
    // "2026-11-21 06:00:13.836": UTC, as SNS writes it.
    f.start = line("Notification time")
        .or_else(|| line("Event Time"))
        .and_then(|t| text::parse_time(&format!("{} UTC", t.split('.').next().unwrap_or(&t))));
}

/// The kind and whether the mail cancels the event.
fn kind_of(mail: &Mail, f: &Fields) -> Option<(&'static str, bool)> {
    let code = f.code.as_deref().unwrap_or("");
    let subject = mail.subject_lower();
    let body = mail.text.to_lowercase();
    let has = |s: &str| subject.contains(s) || body.contains(s);
    let cancelled = code.ends_with("_CANCELLED")
        || subject.contains("cancel")
        || ["has been cancelled", "has been canceled", "maintenance cancellation"].iter().any(|p| body.contains(p));
    let security = ["ABUSE", "RISK_CREDENTIALS", "COMPROMISED", "EXPOSED"].iter().any(|c| code.contains(c))
        || ["compromised", "exposed", "abuse report", "unauthorized activity", "suspicious activity"]
            .iter()
            .any(|p| subject.contains(p));
    let kind = if security {
        "security"
    } else if code.contains("DIRECTCONNECT") || (has("direct connect") && has("maintenance")) {
        if cancelled { "dx-maintenance-cancelled" } else { "dx-maintenance" }
    } else if code.contains("RETIREMENT") || subject.contains("retirement") {
        "ec2-retirement"
    } else if (code.starts_with("AWS_EC2_") && ["MAINTENANCE", "REBOOT", "STOP"].iter().any(|c| code.contains(c)))
        || (subject.contains("ec2") && subject.contains("maintenance"))
    {
        "ec2-maintenance"
    } else if code.starts_with("RDS-EVENT-") {
        "rds-event"
    } else if code.starts_with("AWS_RDS_")
        || (subject.contains("rds") && (subject.contains("maintenance") || subject.contains("upgrade")))
    {
        "rds-maintenance"
    } else if subject.trim_start().starts_with("[action required]") {
        "action-required"
    } else if !code.is_empty() {
        "health"
    } else {
        return None;
    };
    Some((kind, cancelled && kind != "security"))
}

fn severity(kind: &str, cancelled: bool, category: Option<&str>, code: Option<&str>) -> Severity {
    // RDS events that mean an outage or a failure; the rest (backups, patches) inform.
    const RDS_TROUBLE: &[&str] = &[
        "0004", "0006", "0013", "0015", "0031", "0034", "0035", "0036", "0049", "0050", "0058", "0065", "0221", "0222",
        "0223", "0224",
    ];
    match kind {
        "rds-event" => match code.and_then(|c| c.strip_prefix("RDS-EVENT-")) {
            Some(n) if RDS_TROUBLE.contains(&n) => Severity::Warning,
            _ => Severity::Info,
        },
        "security" => Severity::Critical,
        _ if cancelled => Severity::Info,
        "health" if category != Some("issue") => Severity::Info,
        _ => Severity::Warning,
    }
}

fn push_unique(v: &mut Vec<String>, s: String) {
    if !v.contains(&s) {
        v.push(s);
    }
}
