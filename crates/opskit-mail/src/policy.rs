//! What a team decides about its mail, applied on top of the built-in recognisers: which
//! senders count as verified (DKIM and the allow list), user rules that recognise,
//! re-grade or ignore mails the built-ins do not know, and events nobody wants told.
//!
//! The sender check decides what a notice may *do*, never whether it is seen: an
//! AWS-looking notice whose sender cannot be verified is still recognised (or unparsed) and
//! told, marked unverified; only a verified one may act on its own (silence a resource).

use super::recognise::Mail;
use super::{Event, Outcome, Severity};
use regex::Regex;

/// The policy [`super::parse_with`] applies. `Policy::default()` has no rules and no
/// suppression, and verifies a sender by the topmost `Authentication-Results` alone.
#[derive(Debug, Clone, Default)]
pub struct Policy {
    /// The AWS senders a notice may be verified from: `name@example.com`, `@example.com` or
    /// `*@example.com` (lowercase, subdomains of a domain entry included). Empty: any AWS
    /// address. A notice from elsewhere is still told, as unverified.
    pub allow_senders: Vec<String>,
    /// Only `Authentication-Results` headers of this server count (its authserv-id, the
    /// header's first token); without it, only the topmost header counts, the one the
    /// receiving server added.
    pub authserv_id: Option<String>,
    /// First match wins.
    pub rules: Vec<Rule>,
    pub suppress: Suppress,
}

/// Recognised events that are not told. Entries may use `*`.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Suppress {
    pub event_codes: Vec<String>,
    /// An event is suppressed when every account it names is listed.
    pub accounts: Vec<String>,
    pub services: Vec<String>,
}

/// One user rule: every matcher given must match.
#[derive(Debug, Clone)]
pub struct Rule {
    pub name: String,
    pub from: Option<Regex>,
    pub subject: Option<Regex>,
    /// Over the body as text (an HTML body as its text, one grid cell per line).
    pub body: Option<Regex>,
    /// Header name (any case) → regex over its value; a missing header does not match.
    pub headers: Vec<(String, Regex)>,
    pub action: RuleAction,
}

#[derive(Debug, Clone)]
pub enum RuleAction {
    /// Not a notice: the mail is ignored.
    Ignore,
    /// A notice: recognised (when the built-ins did not) and graded as given.
    Set { category: Option<String>, severity: Option<Severity>, event_code: Option<String> },
}

impl Rule {
    fn matches(&self, mail: &Mail) -> bool {
        let on = |re: &Option<Regex>, value: Option<&str>| match re {
            None => true,
            Some(re) => value.is_some_and(|v| re.is_match(v)),
        };
        // A list's forward matches on its own From and on the AWS address it forwarded.
        let aws = mail.aws_sender().map(|(_, a)| a);
        let from = mail.from_addr.as_deref().or(mail.from_raw.as_deref());
        (on(&self.from, from) || (self.from.is_some() && on(&self.from, aws.as_deref())))
            && on(&self.subject, mail.subject.as_deref())
            && on(&self.body, Some(&mail.text))
            && self.headers.iter().all(|(name, re)| mail.headers_named(name).any(|v| re.is_match(v)))
    }
}

/// Whether a notice's sender was verified, and how or why not.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Verification {
    /// The AWS address the mail is from: `From`, or for a notice a list forwarded, the
    /// first AWS address of `X-Original-From`, `X-Original-Sender`, `Reply-To`, `Sender`.
    pub sender: Option<String>,
    /// The header `sender` was read from.
    pub sender_header: Option<String>,
    /// The receiving server found a DKIM signature of the sender's AWS domain valid, and the
    /// sender is on `allow_senders` (when there is one).
    pub verified: bool,
    /// How it was verified, or why it could not be.
    pub verification: String,
}

impl Policy {
    /// Check the sender of `mail`; `from_attachment` when the notice was read from a
    /// forwarded `message/rfc822` part, whose authentication nobody checked.
    pub fn verify(&self, mail: &Mail, from_attachment: bool) -> Verification {
        let found = mail.aws_sender();
        let (sender_header, sender) = match &found {
            Some((h, a)) => (Some(h.to_string()), Some(a.clone())),
            None => (None, None),
        };
        let not = |why: String| Verification {
            sender: sender.clone(),
            sender_header: sender_header.clone(),
            verified: false,
            verification: why,
        };
        if from_attachment {
            return not("the notice was forwarded as an attachment: its sender cannot be checked".into());
        }
        let Some((_, addr)) = found else {
            return not("no AWS address in From, X-Original-From, X-Original-Sender, Reply-To or Sender".into());
        };
        if !self.allow_senders.is_empty() && !self.allow_senders.iter().any(|a| sender_allowed(a, &addr)) {
            return not(format!("sender {addr} is not on allow_senders"));
        }
        let domain = addr.rsplit_once('@').map(|(_, d)| d).unwrap_or("");
        if !self.dkim_passed(mail, domain) {
            return not(match &self.authserv_id {
                Some(id) => format!("no Authentication-Results header of {id} says dkim=pass for {domain}"),
                None if mail.headers_named("Authentication-Results").next().is_none() => {
                    "the mail has no Authentication-Results header: nothing checked its DKIM".into()
                }
                None => format!("the topmost Authentication-Results header does not say dkim=pass for {domain}"),
            });
        }
        let server = match &self.authserv_id {
            Some(id) => format!("{id}'s Authentication-Results header"),
            None => "the topmost Authentication-Results header".into(),
        };
        Verification {
            verified: true,
            verification: format!("dkim=pass for {domain} in {server}"),
            ..not(String::new())
        }
    }

    fn dkim_passed(&self, mail: &Mail, domain: &str) -> bool {
        let mut results = mail.headers_named("Authentication-Results");
        let ours: Vec<&str> = match &self.authserv_id {
            Some(id) => results
                .filter(|v| v.split([';', ' ']).next().is_some_and(|first| first.eq_ignore_ascii_case(id)))
                .collect(),
            None => results.next().into_iter().collect(),
        };
        ours.iter().any(|v| dkim_pass_for(v, domain))
    }

    /// The rule that decides this mail, if any.
    pub(crate) fn rule_for(&self, mail: &Mail) -> Option<&Rule> {
        self.rules.iter().find(|r| r.matches(mail))
    }

    /// Why a recognised event is not told, if it is suppressed.
    pub fn suppressed(&self, e: &Event) -> Option<String> {
        let s = &self.suppress;
        if let Some(code) = e.event_type_code.as_deref()
            && let Some(p) = s.event_codes.iter().find(|p| wildcard(p, code))
        {
            return Some(format!("event code {code} matches suppress.event_codes {p}"));
        }
        if let Some(service) = e.service.as_deref()
            && let Some(p) = s.services.iter().find(|p| wildcard(p, service))
        {
            return Some(format!("service {service} matches suppress.services {p}"));
        }
        if !e.accounts.is_empty() && e.accounts.iter().all(|a| s.accounts.iter().any(|p| wildcard(p, a))) {
            return Some(format!("account {} in suppress.accounts", e.accounts.join(", ")));
        }
        None
    }
}

/// Apply a rule's grading to what the built-ins made of the mail.
pub(crate) fn apply_rule(rule: &Rule, mail: &Mail, outcome: Outcome) -> Outcome {
    let RuleAction::Set { category, severity, event_code } = &rule.action else {
        return Outcome::Ignored { reason: format!("rule {} ignores it", rule.name) };
    };
    let mut event = match outcome {
        Outcome::Recognised(e) => e,
        _ => Box::new(super::recognise::event_of_rule(mail)),
    };
    if let Some(c) = category {
        event.category = Some(c.clone());
    }
    if let Some(s) = severity {
        event.severity = *s;
    }
    if let Some(c) = event_code {
        event.event_type_code = Some(c.clone());
    }
    event.rule = Some(rule.name.clone());
    Outcome::Recognised(event)
}

fn sender_allowed(entry: &str, addr: &str) -> bool {
    let entry = entry.trim().to_ascii_lowercase();
    let domain = entry.strip_prefix("*@").or_else(|| entry.strip_prefix('@'));
    match domain {
        Some(d) => {
            let have = addr.rsplit_once('@').map(|(_, h)| h).unwrap_or("");
            have == d || have.ends_with(&format!(".{d}"))
        }
        None => entry == addr,
    }
}

/// Whether one `Authentication-Results` value holds `dkim=pass` whose `header.d` (or
/// `header.i`) is the sender's domain or a parent of it. A pass naming no domain does not
/// count: it may be a list's own signature.
fn dkim_pass_for(value: &str, from_domain: &str) -> bool {
    value.split(';').skip(1).any(|res| {
        let mut words = res.split_whitespace();
        let Some(method) = words.next() else { return false };
        if !method.eq_ignore_ascii_case("dkim=pass") {
            return false;
        }
        let signer = words.find_map(|w| {
            let (k, v) = w.split_once('=')?;
            (k.eq_ignore_ascii_case("header.d") || k.eq_ignore_ascii_case("header.i"))
                .then(|| v.rsplit('@').next().unwrap_or(v).trim_matches('"').to_ascii_lowercase())
        });
        signer.is_some_and(|d| !from_domain.is_empty() && (from_domain == d || from_domain.ends_with(&format!(".{d}"))))
    })
}

/// `*` matches any run of characters; case-insensitive.
fn wildcard(pattern: &str, value: &str) -> bool {
    let (p, v) = (pattern.to_ascii_lowercase(), value.to_ascii_lowercase());
    let parts: Vec<&str> = p.split('*').collect();
    if parts.len() == 1 {
        return p == v;
    }
    let (first, last) = (parts[0], parts[parts.len() - 1]);
    if !v.starts_with(first) || !v[first.len()..].ends_with(last) || v.len() < first.len() + last.len() {
        return false;
    }
    let mut rest = &v[first.len()..v.len() - last.len()];
    for mid in &parts[1..parts.len() - 1] {
        match rest.find(mid) {
            Some(i) => rest = &rest[i + mid.len()..],
            None => return false,
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wildcards() {
        assert!(wildcard("AWS_VPN_*", "aws_vpn_redundancy_loss"));
        assert!(wildcard("*_LOSS", "AWS_VPN_REDUNDANCY_LOSS"));
        assert!(wildcard("AWS_*_REDUNDANCY_*", "AWS_VPN_REDUNDANCY_LOSS"));
        assert!(!wildcard("AWS_EC2_*", "AWS_VPN_REDUNDANCY_LOSS"));
        assert!(wildcard("111122223333", "111122223333"));
        assert!(!wildcard("a*a", "a"));
    }

    #[test]
    fn senders() {
        assert!(sender_allowed("@amazonaws.com", "no-reply@sns.amazonaws.com"));
        assert!(sender_allowed("*@aws.com", "health@aws.com"));
        assert!(sender_allowed("Health@AWS.com", "health@aws.com"));
        assert!(!sender_allowed("@aws.com", "evil@notaws.com"));
        assert!(!sender_allowed("health@aws.com", "other@aws.com"));
    }

    #[test]
    fn dkim_results() {
        let v = "mx.example.net; spf=pass smtp.mailfrom=amazonses.com; dkim=pass header.d=aws.com header.s=x; dkim=pass header.i=@amazonses.com";
        assert!(dkim_pass_for(v, "aws.com"));
        assert!(dkim_pass_for(v, "health.aws.com"));
        assert!(!dkim_pass_for(v, "example.org"), "a pass for another domain is not the sender's");
        assert!(!dkim_pass_for("mx.example.net; dkim=fail header.d=aws.com", "aws.com"));
        assert!(!dkim_pass_for("mx.example.net; dkim=none", "aws.com"));
        assert!(!dkim_pass_for("mx.example.net; dkim=pass", "aws.com"), "a pass for nobody in particular");
        assert!(!dkim_pass_for("dkim=pass header.d=aws.com", "aws.com"), "the first token is the server, not a result");
    }
}
