//! Understanding AWS maintenance and warning mails: one raw message in, a [`Parsed`] out,
//! whose [`Outcome`] is one of three never confused: a recognised [`Event`], ignored (not a
//! notice we handle) or unparsed (looks like an AWS notice, but its fields could not be
//! extracted). MIME decoding is mail-parser's; the recognisers follow the three delivery
//! formats of the reference notes (§6): legacy plain-text Health mails
//! (`X-SM-COMMUNICATION-TYPE`), AWS managed notifications (`X-NOTIFICATIONS-*`, a single
//! HTML part with a field grid) and EventBridge → SNS mails, then the body wording of
//! Direct Connect, EC2, RDS, "[Action Required]" and security mails.
//!
//! A notice a list forwarded (its `From` the list's address, or none, AWS's address in
//! `X-Original-From`, `X-Original-Sender`, `Reply-To` or `Sender`) is read like the
//! original. Whether its sender is verified is said beside the outcome ([`Verification`]),
//! never instead of it: an unverified notice is still a notice.
//!
//! [`parse`] never panics and never fails: whatever the bytes, it returns a [`Parsed`].

pub mod mbox;
mod policy;
mod recognise;
#[cfg(test)]
mod tests;
pub mod text;

pub use policy::{Policy, Rule, RuleAction, Suppress, Verification};

use jiff::Timestamp;
use serde::Serialize;
use sha2::{Digest, Sha256};

/// How bad a notice is; the caller maps it onto its own scale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Critical,
}

/// How deep forwarded `message/rfc822` attachments are followed.
const MAX_NESTING: usize = 3;

/// One message as understood.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Parsed {
    pub message_id: Option<String>,
    /// SHA-256 of the raw bytes, lowercase hex: the idempotence key when Message-ID is missing.
    pub content_hash: String,
    pub subject: Option<String>,
    /// The sender's address (lowercase), or the raw From header when it has none.
    pub from: Option<String>,
    pub date: Option<Timestamp>,
    #[serde(flatten)]
    pub outcome: Outcome,
    #[serde(flatten)]
    pub verification: Verification,
    /// A recognised event the policy says not to tell, and why.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suppressed: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "outcome", rename_all = "lowercase")]
pub enum Outcome {
    /// A notice we handle, with its fields.
    Recognised(Box<Event>),
    /// Not a notice we handle (plainly not from AWS, a newsletter, not a message at all).
    Ignored { reason: String },
    /// AWS-looking and notice-like, but the fields could not be extracted.
    Unparsed { reason: String },
}

impl Outcome {
    pub fn label(&self) -> &'static str {
        match self {
            Outcome::Recognised(_) => "recognised",
            Outcome::Ignored { .. } => "ignored",
            Outcome::Unparsed { .. } => "unparsed",
        }
    }

    pub fn event(&self) -> Option<&Event> {
        match self {
            Outcome::Recognised(e) => Some(e),
            _ => None,
        }
    }
}

/// What a recognised notice says.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Event {
    /// `health`, `ec2-retirement`, `ec2-maintenance`, `dx-maintenance`,
    /// `dx-maintenance-cancelled`, `rds-maintenance`, `action-required` or `security`.
    pub kind: String,
    /// Which recogniser read it: `legacy`, `managed`, `sns` or `body`.
    pub format: String,
    pub event_type_code: Option<String>,
    /// Health event type category (`scheduledChange`, `issue`, `accountNotification`).
    pub category: Option<String>,
    pub accounts: Vec<String>,
    pub region: Option<String>,
    pub service: Option<String>,
    pub start: Option<Timestamp>,
    pub end: Option<Timestamp>,
    /// Instance, volume, dxcon/dxvif/dxlag and DB identifiers, in order of appearance.
    pub resources: Vec<String>,
    pub event_arn: Option<String>,
    pub links: Vec<String>,
    pub cancelled: bool,
    pub severity: Severity,
    /// The user rule that recognised or graded it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
}

impl Event {
    /// The key a reminder or a cancellation of the same event shares: the event ARN when
    /// present, else the event code (a `_CANCELLED` code counts as its `_SCHEDULED` one) with
    /// the accounts, resources and window.
    pub fn dedupe_key(&self) -> String {
        if let Some(arn) = &self.event_arn {
            return arn.clone();
        }
        let code = self.event_type_code.as_deref().unwrap_or(&self.kind);
        let code = match code.strip_suffix("_CANCELLED") {
            Some(base) => format!("{base}_SCHEDULED"),
            None => code.to_string(),
        };
        let t = |t: Option<Timestamp>| t.map(|t| t.to_string()).unwrap_or_default();
        format!("{code}|{}|{}|{}/{}", self.accounts.join(","), self.resources.join(","), t(self.start), t(self.end))
    }
}

/// Parse one raw message with the built-in recognisers only. Never panics, whatever the bytes.
pub fn parse(raw: &[u8]) -> Parsed {
    parse_with(raw, &Policy::default())
}

/// Parse one raw message and apply a team's [`Policy`]: senders, DKIM, rules, suppression.
/// Never panics, whatever the bytes.
pub fn parse_with(raw: &[u8], policy: &Policy) -> Parsed {
    let content_hash = hex::encode(Sha256::digest(raw));
    let Some(msg) = mail_parser::MessageParser::default().parse(raw) else {
        return Parsed {
            message_id: None,
            content_hash,
            subject: None,
            from: None,
            date: None,
            outcome: Outcome::Ignored { reason: "not a mail message".into() },
            verification: Verification {
                sender: None,
                sender_header: None,
                verified: false,
                verification: "not a mail message".into(),
            },
            suppressed: None,
        };
    };
    let outer = recognise::Mail::from_message(&msg);
    let (outcome, from_attachment) = classify_nested(&msg, &outer);
    let outcome = match policy.rule_for(&outer) {
        Some(rule) => policy::apply_rule(rule, &outer, outcome),
        None => outcome,
    };
    Parsed {
        message_id: msg.message_id().map(str::to_string),
        content_hash,
        subject: outer.subject.clone(),
        from: outer.shown_sender(),
        date: msg.date().and_then(|d| Timestamp::from_second(d.to_timestamp()).ok()),
        suppressed: outcome.event().and_then(|e| policy.suppressed(e)),
        verification: policy.verify(&outer, from_attachment),
        outcome,
    }
}

/// The built-in recognisers over the message, then over a notice forwarded as an
/// attachment when the outer message is not itself one (then `true`).
fn classify_nested(msg: &mail_parser::Message, outer: &recognise::Mail) -> (Outcome, bool) {
    let outcome = recognise::classify(outer);
    if outcome.event().is_some() {
        return (outcome, false);
    }
    match attached_messages(msg, 0)
        .into_iter()
        .map(|m| recognise::classify(&recognise::Mail::from_message(m)))
        .find(|o| o.event().is_some())
    {
        Some(inner) => (inner, true),
        None => (outcome, false),
    }
}

fn attached_messages<'a>(msg: &'a mail_parser::Message<'a>, depth: usize) -> Vec<&'a mail_parser::Message<'a>> {
    if depth >= MAX_NESTING {
        return Vec::new();
    }
    let mut out = Vec::new();
    for part in msg.parts.iter() {
        if let Some(inner) = part.message() {
            out.push(inner);
            out.extend(attached_messages(inner, depth + 1));
        }
    }
    out
}
