//! Any bytes as `findings push` input: parsing never panics, and what it accepts
//! round-trips (opskit's own JSON of the findings parses back to the same findings).
#![no_main]

use libfuzzer_sys::fuzz_target;
use opskit_core::spine::input::parse;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(findings) = parse(text, "fuzz") else { return };
    let json = serde_json::to_string(&serde_json::json!({ "findings": findings })).expect("findings serialize");
    let again = parse(&json, "fuzz").unwrap_or_else(|e| panic!("accepted findings do not parse back: {e}\n{json}"));
    assert_eq!(findings, again, "findings changed through a round trip");
});
