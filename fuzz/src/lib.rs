//! What every fuzz target does with one message: parse it through the one entry point below
//! and check what must hold of any result. The targets differ only in how they cut the
//! input into messages.

use opskit_mail::{Outcome, Parsed};

/// Parse one raw message and check the result. The only call into the parser: switching
/// the targets to another entry point (a policy, say) is a change of this line.
pub fn parse_and_check(raw: &[u8]) -> Parsed {
    let parsed = opskit_mail::parse(raw);
    check(&parsed);
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
    let json = serde_json::to_string(p).expect("a Parsed serialises");
    let back: serde_json::Value = serde_json::from_str(&json).expect("its JSON reads back");
    assert_eq!(back["outcome"]["outcome"].as_str(), Some(p.outcome.label()), "{json}");
}
