//! AWS Health events as findings, whichever way AWS told them: the Health API
//! (`health watch`, per account or per organization), EventBridge through SQS
//! (`health ingest`) or a notice mail (`maintenance-mail ingest`).
//!
//! **One event, one finding.** Every channel builds an [`Event`] and asks an [`Index`] of
//! the findings already kept for the key: the same event ARN in the same account, or (a
//! legacy mail gives no ARN) the same [`match_key`]: event type code, account, resources
//! and window. A new event gets `health/<account>/<CODE>/<hash>`, the hash of its ARN (or
//! of its match key). The fingerprint covers only what every channel knows alike (the
//! window and the resources), so a mail and the API describing the same event give one
//! notification, in either order; a moved window or a new resource is news from any of
//! them. The API's richer text replaces a mail's without a message; a mail never replaces
//! what the API or EventBridge said (they are authoritative), except that a verified
//! cancellation resolves.
//!
//! Findings of mails kept before the sources were joined (source `maintenance-mail`) are
//! moved here by [`migrate_mail_findings`], with what each sink was told, so nothing is told
//! twice. Routes and silences naming source `maintenance-mail` match `health` findings too
//! (see `spine::policy`).

pub mod eventbridge;
pub mod silence;

use crate::config::{Config, ConfigError, Dur};
use crate::spine::finding::{Finding, Link, Severity, Status};
use crate::state::{FindingRecord, StateStore};
use jiff::Timestamp;
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

/// The source of every AWS event finding, and the `[commands.health]` section.
pub const SOURCE: &str = "health";
/// The source mail findings had before the channels were joined.
pub const LEGACY_MAIL_SOURCE: &str = "maintenance-mail";

/// The finding field holding when an event starts, UTC (the timeline of `report status`).
pub const STARTS_FIELD: &str = "starts";
/// The finding field holding when an event is over (its end, else its start), UTC.
pub const ENDS_FIELD: &str = "ends";
/// The finding field holding the event ARN.
pub const ARN_FIELD: &str = "event arn";
/// The finding field holding the [`match_key`].
pub const MATCH_FIELD: &str = "match key";
/// The finding field naming the channel that last described the event.
pub const CHANNEL_FIELD: &str = "told by";
/// The finding field holding the event's `lastUpdatedTime` (API and EventBridge).
pub const UPDATED_FIELD: &str = "last updated";

/// The description quoted in a finding, at most (the API's can run to pages).
const DESCRIPTION_CHARS: usize = 700;

/// How AWS told us about an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Channel {
    /// `DescribeEvents` in the account itself.
    Api,
    /// The organizational view, from the management or delegated-administrator account.
    Organization,
    /// An EventBridge event delivered through SQS.
    EventBridge,
    /// A notice mail whose sender was verified.
    Mail,
}

impl Channel {
    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Api => "health api",
            Channel::Organization => "health api (organization)",
            Channel::EventBridge => "eventbridge",
            Channel::Mail => "mail",
        }
    }

    /// The API and EventBridge speak for AWS by construction (a signed call, a rule on
    /// AWS's own bus); a mail only as far as its verification went.
    pub fn authoritative(self) -> bool {
        !matches!(self, Channel::Mail)
    }
}

/// One AWS Health event as it concerns one account.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    pub arn: Option<String>,
    /// `eventTypeCode` (a mail without one: its kind).
    pub code: String,
    /// `scheduledChange`, `issue`, `accountNotification` or `investigation`.
    pub category: Option<String>,
    pub service: Option<String>,
    pub region: Option<String>,
    /// `open`, `upcoming` or `closed`; a mail does not say.
    pub status: Option<String>,
    pub start: Option<Timestamp>,
    pub end: Option<Timestamp>,
    pub last_updated: Option<Timestamp>,
    pub description: Option<String>,
    /// The affected account's id (or its configured name).
    pub account: Option<String>,
    /// Affected entities: instance ids, dxcon/dxvif ids, ARNs.
    pub resources: Vec<String>,
    pub links: Vec<String>,
    /// A notice that the event was cancelled (a `_CANCELLED` mail).
    pub cancelled: bool,
    pub channel: Channel,
    /// The severity the channel gave (a mail's, graded by its rules), used when no
    /// `[commands.health.severity]` pattern names the code.
    pub severity: Option<Severity>,
}

impl Event {
    /// Closed by AWS, or cancelled.
    pub fn closed(&self) -> bool {
        self.cancelled || self.status.as_deref() == Some("closed")
    }

    /// When the event is over, so its finding resolves: the end of its window; for planned
    /// work with only a start (a retirement date), that start. An issue's or a
    /// notification's start says when something began, not when it is over.
    pub fn over_at(&self) -> Option<Timestamp> {
        let planned = match self.category.as_deref() {
            Some(c) => c == "scheduledChange",
            None => true,
        };
        self.end.or(self.start.filter(|_| planned))
    }
}

/// A time to the minute: mails print times to the minute, the API to the millisecond.
fn minute(t: Option<Timestamp>) -> String {
    t.map(|t| Timestamp::from_second(t.as_second() - t.as_second().rem_euclid(60)).unwrap_or(t).to_string())
        .unwrap_or_default()
}

/// An event type code as its event is known (a `_CANCELLED` code is its `_SCHEDULED` one).
pub fn base_code(code: &str) -> String {
    match code.strip_suffix("_CANCELLED") {
        Some(base) => format!("{base}_SCHEDULED"),
        None => code.to_string(),
    }
}

/// What identifies an event without its ARN: code, account, resources and window.
pub fn match_key(e: &Event) -> String {
    let mut resources = e.resources.clone();
    resources.sort();
    resources.dedup();
    format!(
        "{}|{}|{}|{}/{}",
        base_code(&e.code),
        e.account.as_deref().unwrap_or("-"),
        resources.join(","),
        minute(e.start),
        minute(e.end)
    )
}

/// What a sink compares: the parts every channel tells alike.
pub fn fingerprint(e: &Event) -> String {
    let mut resources = e.resources.clone();
    resources.sort();
    resources.dedup();
    format!("{}|{}|{}", minute(e.start), minute(e.end), resources.join(","))
}

fn short(s: &str) -> String {
    use sha2::Digest as _;
    hex::encode(&sha2::Sha256::digest(s.as_bytes())[..5])
}

/// The key of a new event's finding.
fn fresh_key(e: &Event) -> String {
    let identity = e.arn.clone().unwrap_or_else(|| match_key(e));
    format!("{SOURCE}/{}/{}/{}", e.account.as_deref().unwrap_or("-"), base_code(&e.code), short(&identity))
}

fn field<'a>(f: &'a Finding, name: &str) -> Option<&'a str> {
    f.fields.iter().find(|x| x.name == name).map(|x| x.value.as_str())
}

/// The kept findings of AWS events, by ARN (per account) and by match key.
#[derive(Debug, Default)]
pub struct Index {
    by_arn: BTreeMap<(String, String), String>,
    by_match: BTreeMap<String, String>,
    records: BTreeMap<String, FindingRecord>,
}

impl Index {
    pub fn new(previous: Vec<FindingRecord>) -> Index {
        let mut ix = Index::default();
        for r in previous {
            let f = &r.finding;
            // An unverified mail's finding is never another channel's: it may not be
            // changed, cancelled or resolved by what AWS said, nor stand for it.
            if !speaks_for_aws(&f.key) {
                ix.records.insert(f.key.clone(), r);
                continue;
            }
            let account = f.account.clone().unwrap_or_else(|| "-".into());
            if let Some(arn) = field(f, ARN_FIELD).filter(|a| !a.is_empty()) {
                ix.by_arn.insert((account, arn.to_string()), f.key.clone());
            }
            if let Some(m) = field(f, MATCH_FIELD).filter(|m| !m.is_empty()) {
                ix.by_match.insert(m.to_string(), f.key.clone());
            }
            ix.records.insert(f.key.clone(), r);
        }
        ix
    }

    /// The key `e` is (or becomes) known by.
    pub fn key_of(&self, e: &Event) -> String {
        let account = e.account.clone().unwrap_or_else(|| "-".into());
        if let Some(k) = e.arn.as_ref().and_then(|a| self.by_arn.get(&(account, a.clone()))) {
            return k.clone();
        }
        if let Some(k) = self.by_match.get(&match_key(e)) {
            // A legacy mail of an event the API told, or the API of an event a legacy
            // mail told: unless both know ARNs and they differ.
            let other = self.records.get(k).and_then(|r| field(&r.finding, ARN_FIELD)).filter(|a| !a.is_empty());
            if e.arn.is_none() || other.is_none() || other == e.arn.as_deref() {
                return k.clone();
            }
        }
        fresh_key(e)
    }

    pub fn get(&self, key: &str) -> Option<&FindingRecord> {
        self.records.get(key)
    }

    /// Every kept finding, by key.
    pub fn records(&self) -> impl Iterator<Item = &FindingRecord> {
        self.records.values()
    }

    /// Remember a finding made in this run, so a second channel of the same run finds it.
    pub fn note(&mut self, f: &Finding) {
        if !speaks_for_aws(&f.key) {
            return;
        }
        let account = f.account.clone().unwrap_or_else(|| "-".into());
        if let Some(arn) = field(f, ARN_FIELD).filter(|a| !a.is_empty()) {
            self.by_arn.insert((account, arn.to_string()), f.key.clone());
        }
        if let Some(m) = field(f, MATCH_FIELD).filter(|m| !m.is_empty()) {
            self.by_match.insert(m.to_string(), f.key.clone());
        }
    }
}

/// Whether a finding's key is one of AWS's events (not an unverified or unparsed mail's).
pub fn speaks_for_aws(key: &str) -> bool {
    !key.starts_with(&format!("{SOURCE}/unverified/")) && !key.starts_with(&format!("{SOURCE}/unparsed/"))
}

/// Whether a kept finding was last described by the API or EventBridge.
pub fn told_by_authority(f: &Finding) -> bool {
    field(f, CHANNEL_FIELD).is_some_and(|c| c != Channel::Mail.as_str())
}

/// The event ARN a finding carries, if any.
pub fn arn_of(f: &Finding) -> Option<&str> {
    field(f, ARN_FIELD).filter(|a| !a.is_empty())
}

// ---------------------------------------------------------------------------------------
// Settings
// ---------------------------------------------------------------------------------------

/// `[commands.health]`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Settings {
    /// The configured account (name or id) whose organizational view `health watch` reads
    /// instead of asking every account.
    pub organization: Option<String>,
    /// The event type categories told (default: `scheduledChange`, `issue`,
    /// `accountNotification`).
    pub categories: Vec<String>,
    /// Event type code (a `*` glob) → severity; of the patterns that match, the most
    /// specific (the most characters besides `*`) wins.
    pub severity: toml::Table,
    /// Events nobody wants told, whichever channel tells them.
    pub suppress: crate::mail::Suppress,
    /// A Direct Connect maintenance event silences its dxcon/dxvif/dxlag in dx-vif.
    pub auto_silence: bool,
    pub silence_max_window: Option<Dur>,
    pub silence_margin_before: Option<Dur>,
    pub silence_margin_after: Option<Dur>,
    /// The region Health is asked in (default us-east-1, failing over to us-east-2).
    pub region: Option<String>,
    #[serde(skip)]
    pub severities: Vec<(crate::globs::Globs, String, Severity)>,
}

pub const CATEGORIES: [&str; 4] = ["scheduledChange", "issue", "accountNotification", "investigation"];
pub const DEFAULT_CATEGORIES: [&str; 3] = ["scheduledChange", "issue", "accountNotification"];

impl Settings {
    pub fn load(config: &Config) -> Result<Settings, ConfigError> {
        let mut s: Settings = config.command_settings(SOURCE)?;
        let err = |key: String, message: String, hint: &str| ConfigError {
            key: Some(format!("commands.{SOURCE}.{key}")),
            file: config.file.clone(),
            hint: (!hint.is_empty()).then(|| hint.to_string()),
            ..ConfigError::plain(message)
        };
        for (i, c) in s.categories.iter().enumerate() {
            if !CATEGORIES.contains(&c.as_str()) {
                return Err(err(
                    format!("categories[{i}]"),
                    format!("unknown event type category `{c}`"),
                    "use scheduledChange, issue, accountNotification or investigation",
                ));
            }
        }
        if s.categories.is_empty() {
            s.categories = DEFAULT_CATEGORIES.iter().map(|c| c.to_string()).collect();
        }
        for (pattern, v) in &s.severity {
            let key = format!("severity.\"{pattern}\"");
            let Some(text) = v.as_str() else {
                return Err(err(key, "must be a string".into(), "info, warning or critical"));
            };
            let sev = text.parse::<Severity>().map_err(|e| err(key.clone(), e, ""))?;
            let globs = crate::globs::Globs::new(std::slice::from_ref(pattern)).map_err(|e| err(key, e, ""))?;
            s.severities.push((globs, pattern.clone(), sev));
        }
        // A TOML table has no order to rely on: the most specific pattern first.
        s.severities.sort_by_key(|(_, p, _)| std::cmp::Reverse(p.chars().filter(|c| *c != '*').count()));
        if let Some(org) = &s.organization
            && config.account(org).is_none()
        {
            return Err(err(
                "organization".into(),
                format!("no configured account `{org}`"),
                "name the [[accounts]] entry (name or id) of the management or delegated-administrator account",
            ));
        }
        Ok(s)
    }

    /// The severity the settings give `code`, if a pattern matches.
    pub fn severity_of(&self, code: &str) -> Option<Severity> {
        self.severities.iter().find(|(g, _, _)| g.is_match(code)).map(|(_, _, s)| *s)
    }

    /// Why `e` is not told, if it is suppressed.
    pub fn suppressed(&self, e: &Event) -> Option<String> {
        let s = &self.suppress;
        let globs = |v: &[String]| crate::globs::Globs::new(v).ok();
        if let Some(g) = globs(&s.event_codes).filter(|g| !g.is_empty())
            && g.is_match(&e.code)
        {
            return Some(format!("event code {} is in suppress.event_codes", e.code));
        }
        if let (Some(g), Some(svc)) = (globs(&s.services).filter(|g| !g.is_empty()), &e.service)
            && g.is_match(svc)
        {
            return Some(format!("service {svc} is in suppress.services"));
        }
        if let (Some(g), Some(a)) = (globs(&s.accounts).filter(|g| !g.is_empty()), &e.account)
            && g.is_match(a)
        {
            return Some(format!("account {a} is in suppress.accounts"));
        }
        None
    }

    pub fn margins(&self) -> (jiff::SignedDuration, jiff::SignedDuration) {
        (
            or_default(self.silence_margin_before, silence::DEFAULT_MARGIN_BEFORE),
            or_default(self.silence_margin_after, silence::DEFAULT_MARGIN_AFTER),
        )
    }

    pub fn max_window(&self) -> jiff::SignedDuration {
        or_default(self.silence_max_window, silence::DEFAULT_MAX_WINDOW)
    }
}

/// A configured duration, or its default, as the signed duration timestamps take.
pub fn or_default(d: Option<Dur>, default: Duration) -> jiff::SignedDuration {
    jiff::SignedDuration::try_from(d.map_or(default, |d| d.0)).unwrap_or_default()
}

/// An event category's severity when no setting names its code.
pub fn default_severity(category: Option<&str>) -> Severity {
    match category {
        Some("issue") => Severity::Critical,
        Some("accountNotification") => Severity::Info,
        _ => Severity::Warning,
    }
}

// ---------------------------------------------------------------------------------------
// The finding
// ---------------------------------------------------------------------------------------

/// How a finding of an event reads; `account_name` is the configured or discovered name of
/// its account, if known.
pub fn finding(e: &Event, key: String, severity: Severity, account_name: Option<&str>, timezone: &str) -> Finding {
    let when = |t: Option<Timestamp>| t.map(|t| crate::time::local_time(t, timezone)).unwrap_or_else(|| "-".into());
    let window = match (e.start, e.end) {
        (Some(_), Some(_)) => format!("{} – {}", when(e.start), when(e.end)),
        (Some(_), None) => format!("from {}", when(e.start)),
        _ => "no window given".into(),
    };
    let who = match (account_name, e.account.as_deref()) {
        (Some(n), Some(id)) if n != id => format!(" for {n} ({id})"),
        (_, Some(id)) => format!(" for {id}"),
        _ => String::new(),
    };
    let mut summary = format!(
        "{window}; {}",
        if e.resources.is_empty() { "no resources named".into() } else { e.resources.join(", ") }
    );
    if let Some(d) = e.description.as_deref().map(str::trim).filter(|d| !d.is_empty()) {
        summary.push_str("\n> ");
        summary.push_str(&crate::text::truncate_chars(d, DESCRIPTION_CHARS).replace('\n', "\n> "));
    }
    let mut links: Vec<Link> = e.links.iter().map(|l| Link { text: "AWS".into(), href: l.clone() }).collect();
    if let Some(arn) = &e.arn {
        let href = format!("https://health.aws.amazon.com/health/home#/account/event-log?eventID={arn}");
        if !links.iter().any(|l| l.href == href) {
            links.push(Link { text: "AWS Health Dashboard".into(), href });
        }
    }
    let mut f = Finding {
        status: if e.closed() { Status::Resolved } else { Status::Open },
        summary,
        account: e.account.clone(),
        region: e.region.clone(),
        resources: e.resources.clone(),
        links,
        fingerprint: fingerprint(e),
        ..Finding::new(
            SOURCE,
            key,
            severity,
            format!(
                "{}{who}: {window}{}",
                e.code,
                e.region.as_ref().filter(|r| *r != "global").map(|r| format!(" in {r}")).unwrap_or_default()
            ),
        )
    };
    if e.cancelled {
        f.title = format!("Cancelled: {}", f.title);
    }
    f = f
        .field("account name", account_name.or(e.account.as_deref()).unwrap_or("-"))
        .field("event code", &e.code)
        .field("category", e.category.as_deref().unwrap_or("-"))
        .field("service", e.service.as_deref().unwrap_or("-"))
        .field("status", e.status.as_deref().unwrap_or(if e.cancelled { "cancelled" } else { "-" }))
        .field("window", &window)
        .field(CHANNEL_FIELD, e.channel.as_str())
        .field(ARN_FIELD, e.arn.as_deref().unwrap_or_default())
        .field(MATCH_FIELD, match_key(e));
    if let Some(t) = e.last_updated {
        f = f.field(UPDATED_FIELD, t.to_string());
    }
    if let Some(t) = e.start {
        f = f.field(STARTS_FIELD, t.to_string());
    }
    if let Some(t) = e.over_at() {
        f = f.field(ENDS_FIELD, t.to_string());
    }
    f
}

/// When a kept finding's event is over, per its `ends` field.
pub fn ends_of(f: &Finding) -> Option<Timestamp> {
    field(f, ENDS_FIELD).and_then(|v| v.parse().ok())
}

/// What a finding of an event that left the API's list of open and upcoming events says.
pub fn closed(mut f: Finding) -> Finding {
    f.title = format!("Closed: {}", f.title.trim_start_matches("Closed: "));
    f.summary = format!(
        "AWS Health no longer lists this event as open or upcoming (it closed).\n{}",
        f.summary.lines().next().unwrap_or_default()
    );
    f
}

// ---------------------------------------------------------------------------------------
// Migration of mail findings kept under `maintenance-mail`
// ---------------------------------------------------------------------------------------

/// Move the findings (and what each sink was told of them) that `maintenance-mail ingest`
/// kept under its own source before the channels were joined into `health`, re-keyed and
/// re-fingerprinted the way [`finding`] keys them, so no sink is told anything twice. A
/// sink that was up to date stays up to date; one still owed a change stays owed. Safe to
/// repeat (a crash between writing and forgetting moves the same records again). Returns
/// how many findings moved.
pub async fn migrate_mail_findings(state: &dyn StateStore) -> crate::state::StateResult<usize> {
    let old = state.findings(LEGACY_MAIL_SOURCE).await?;
    if old.is_empty() {
        return Ok(0);
    }
    let deliveries = state.deliveries(LEGACY_MAIL_SOURCE).await?;
    let mut moved = Vec::new();
    let mut renamed: BTreeMap<String, (String, String, String)> = BTreeMap::new();
    for r in &old {
        let (key, fingerprint, event) = migrated_identity(&r.finding);
        let mut n = r.clone();
        n.finding.source = SOURCE.into();
        n.finding.key = key.clone();
        n.finding.fingerprint = fingerprint.clone();
        // What the index finds events by, as every finding of this source carries it.
        if let Some(e) = event {
            n.finding = n
                .finding
                .field(CHANNEL_FIELD, Channel::Mail.as_str())
                .field(ARN_FIELD, e.arn.as_deref().unwrap_or_default())
                .field(MATCH_FIELD, match_key(&e));
        }
        renamed.insert(r.finding.key.clone(), (key, r.finding.fingerprint.clone(), fingerprint));
        moved.push(n);
    }
    state.put_findings(&moved).await?;
    let mut forget = Vec::new();
    for d in &deliveries {
        let Some((key, old_fp, new_fp)) = renamed.get(&d.key) else { continue };
        let mut n = d.clone();
        n.source = SOURCE.into();
        n.key = key.clone();
        if &d.fingerprint == old_fp {
            n.fingerprint = new_fp.clone();
        }
        if let Some(t) = &mut n.told {
            t.source = SOURCE.into();
            t.key = key.clone();
            if &t.fingerprint == old_fp {
                t.fingerprint = new_fp.clone();
            }
        }
        state.put_delivery(&n).await?;
        forget.push((d.key.clone(), d.sink.clone()));
    }
    let keys: Vec<String> = old.iter().map(|r| r.finding.key.clone()).collect();
    state.forget_findings(LEGACY_MAIL_SOURCE, &keys, &forget).await?;
    tracing::info!(
        "moved {} finding(s) of maintenance-mail to source `{SOURCE}` (one finding per event, whichever channel tells it)",
        keys.len()
    );
    Ok(keys.len())
}

/// The key and fingerprint a finding of the old `maintenance-mail` source gets here, and
/// the event it describes (none for an unverified or unparsed mail's).
///
/// Its fields hold what it was keyed by: `dedupe key` (the event ARN, or
/// `CODE|accounts|resources|start/end`) and its fingerprint `kind|code|start|end|resources`.
fn migrated_identity(f: &Finding) -> (String, String, Option<Event>) {
    let tail = |k: &str| k.strip_prefix(&format!("{LEGACY_MAIL_SOURCE}/")).unwrap_or(k).to_string();
    if f.key.starts_with(&format!("{LEGACY_MAIL_SOURCE}/unverified/"))
        || f.key.starts_with(&format!("{LEGACY_MAIL_SOURCE}/unparsed/"))
    {
        return (format!("{SOURCE}/{}", tail(&f.key)), f.fingerprint.clone(), None);
    }
    let Some(dedupe) = field(f, "dedupe key") else {
        return (format!("{SOURCE}/mail/{}", tail(&f.key)), f.fingerprint.clone(), None);
    };
    let parts: Vec<&str> = f.fingerprint.split('|').collect();
    let t = |s: Option<&&str>| s.and_then(|s| s.parse::<Timestamp>().ok());
    let (start, end) = (t(parts.get(2)), t(parts.get(3)));
    let resources: Vec<String> = match parts.get(4) {
        Some(r) if !r.is_empty() => r.split(',').map(str::to_string).collect(),
        _ => f.resources.clone(),
    };
    let code = field(f, "event code").unwrap_or("-").to_string();
    let e = Event {
        arn: dedupe.starts_with("arn:").then(|| dedupe.to_string()),
        code,
        category: None,
        service: None,
        region: f.region.clone(),
        status: None,
        start,
        end,
        last_updated: None,
        description: None,
        account: f.account.clone(),
        resources,
        links: Vec::new(),
        cancelled: false,
        channel: Channel::Mail,
        severity: None,
    };
    (fresh_key(&e), fingerprint(&e), Some(e))
}

/// The keys that a run of an authoritative channel over `covered` accounts speaks for: the
/// open findings with an event ARN in those accounts. Others (a legacy mail's event without
/// an ARN, an account the run could not read) are left alone.
pub fn spoken_for(index: &Index, covered: &BTreeSet<String>) -> BTreeSet<String> {
    index
        .records()
        .filter(|r| r.finding.status == Status::Open)
        .filter(|r| arn_of(&r.finding).is_some())
        .filter(|r| r.finding.account.as_ref().is_some_and(|a| covered.contains(a)))
        .map(|r| r.finding.key.clone())
        .collect()
}

/// The finding `e` makes, given what is kept, or why it makes none (suppressed).
///
/// - Its key: the kept finding of the same event, else a new one ([`Index::key_of`]).
/// - A mail about an event the API or EventBridge described keeps their finding (they are
///   authoritative); its verified cancellation still resolves it.
/// - An event whose window has ended resolves.
pub fn event_finding(
    index: &Index,
    settings: &Settings,
    e: &Event,
    account_name: Option<&str>,
    timezone: &str,
    now: Timestamp,
) -> Result<Finding, String> {
    if let Some(why) = settings.suppressed(e) {
        return Err(why);
    }
    let key = index.key_of(e);
    let kept = index.get(&key).map(|r| &r.finding);
    let mut f = match kept {
        Some(k) if e.channel == Channel::Mail && told_by_authority(k) => {
            let mut k = k.clone();
            if e.closed() {
                k.status = Status::Resolved;
            }
            k
        }
        _ => {
            let severity =
                settings.severity_of(&e.code).or(e.severity).unwrap_or_else(|| default_severity(e.category.as_deref()));
            finding(e, key, severity, account_name, timezone)
        }
    };
    if ends_of(&f).is_some_and(|t| t <= now) {
        f.status = Status::Resolved;
    }
    Ok(f)
}

/// The kept open findings whose window has ended, resolved: what every channel's run adds
/// besides its own events, so an event resolves on time whichever channel runs.
pub fn ended(index: &Index, told: &BTreeSet<String>, now: Timestamp) -> Vec<Finding> {
    index
        .records()
        .filter(|r| r.finding.status == Status::Open && !told.contains(&r.finding.key))
        .filter(|r| ends_of(&r.finding).is_some_and(|t| t <= now))
        .map(|r| {
            let mut f = r.finding.clone();
            f.status = Status::Resolved;
            f
        })
        .collect()
}

#[cfg(test)]
mod tests;
