//! What every fuzz target does with one message: parse it through the one entry point below
//! and check what must hold of any result. The targets differ only in how they cut the
//! input into messages.

use opskit_mail::{Outcome, Parsed, Policy, Rule, RuleAction, Severity, Suppress};
use std::sync::LazyLock;

/// A policy that exercises every part of it: an allow list and a server for the sender
/// check, rules that recognise, re-grade and ignore (on sender, subject, body and a
/// header), and suppression.
static POLICY: LazyLock<Policy> = LazyLock::new(|| {
    let re = |s: &str| Some(regex::Regex::new(s).expect("static regex"));
    let rule = |name: &str, action| Rule {
        name: name.into(),
        from: None,
        subject: None,
        body: None,
        headers: Vec::new(),
        action,
    };
    let mut grade = rule(
        "grade",
        RuleAction::Set {
            category: Some("issue".into()),
            severity: Some(Severity::Critical),
            event_code: Some("X".into()),
        },
    );
    grade.subject = re("(?i)maintenance|notice");
    grade.body = re("(?i)account");
    let mut by_header =
        rule("header", RuleAction::Set { category: None, severity: Some(Severity::Info), event_code: None });
    by_header.headers =
        vec![("X-SM-COMMUNICATION-TYPE".into(), regex::Regex::new("RETIREMENT").expect("static regex"))];
    let mut ignore = rule("ignore", RuleAction::Ignore);
    ignore.from = re("newsletter|marketing");
    Policy {
        allow_senders: vec!["@amazon.com".into(), "@aws.com".into(), "@amazonaws.com".into(), "@example.net".into()],
        authserv_id: Some("mx.example.net".into()),
        rules: vec![ignore, by_header, grade],
        suppress: Suppress { event_codes: vec!["AWS_VPN_*".into()], accounts: vec!["9999*".into()], services: vec![] },
    }
});

/// Parse one raw message twice (built-ins only, and with a policy) and check both results.
/// The only calls into the parser.
pub fn parse_and_check(raw: &[u8]) -> Parsed {
    let with_policy = opskit_mail::parse_with(raw, &POLICY);
    check(&with_policy);
    let parsed = opskit_mail::parse(raw);
    check(&parsed);
    assert_eq!(parsed.content_hash, with_policy.content_hash);
    parsed
}

/// What holds whatever the bytes: a hash, an outcome whose parts are usable, and a result
/// that serialises to the JSON `mail parse --output json` prints.
fn check(p: &Parsed) {
    assert_eq!(p.content_hash.len(), 64, "content hash {:?}", p.content_hash);
    assert!(p.content_hash.bytes().all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase()));
    match &p.outcome {
        Outcome::Recognised(event) => {
            assert!(p.outcome.event().is_some());
            let key = event.dedupe_key();
            assert!(!key.is_empty());
            if let Some(arn) = &event.event_arn {
                assert_eq!(&key, arn);
            }
            assert!(event.links.len() <= 10, "{} links", event.links.len());
        }
        Outcome::Ignored { reason } | Outcome::Unparsed { reason } => {
            assert!(p.outcome.event().is_none());
            assert!(!reason.is_empty());
        }
    }
    let v = &p.verification;
    if v.verified {
        assert!(v.sender.as_deref().is_some_and(|s| s.contains('@')), "verified without a sender: {v:?}");
    }
    assert_eq!(v.sender.is_some(), v.sender_header.is_some(), "{v:?}");
    assert!(!v.verification.is_empty());
    let json = serde_json::to_string(p).expect("a Parsed serialises");
    let back: serde_json::Value = serde_json::from_str(&json).expect("its JSON reads back");
    assert_eq!(back["outcome"].as_str(), Some(p.outcome.label()), "{json}");
}
