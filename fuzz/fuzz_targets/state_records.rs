//! Any bytes as a stored record (finding observation, delivery record, silence, lock
//! holder, snapshot time): decoding never panics, an error names the record's table and
//! key, and a decoded record encodes and decodes back equal.
#![no_main]

use libfuzzer_sys::fuzz_target;
use opskit_core::state::{
    DeliveryRecord, FindingRecord, LockHolder, Silence, decode_record, decode_snapshot_at, encode_record,
};

fn check<T: serde::Serialize + serde::de::DeserializeOwned + PartialEq + std::fmt::Debug>(table: &str, text: &str) {
    let key = [("key", "fuzz-key")];
    match decode_record::<T>("fuzz", table, &key, text) {
        Ok(record) => {
            let encoded = encode_record(&record).expect("a decoded record encodes");
            let again: T = decode_record("fuzz", table, &key, &encoded)
                .unwrap_or_else(|e| panic!("{table}: a re-encoded record does not decode: {e}\n{encoded}"));
            assert_eq!(record, again, "{table}: changed through a round trip");
        }
        Err(e) => {
            let shown = e.to_string();
            assert!(shown.contains(table) && shown.contains("fuzz-key"), "{table}: error names no record: {shown}");
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    check::<FindingRecord>("findings", text);
    check::<DeliveryRecord>("deliveries", text);
    check::<Silence>("silences", text);
    check::<LockHolder>("locks", text);
    match decode_snapshot_at("fuzz", "fuzz-snap", text) {
        Ok(at) => assert_eq!(decode_snapshot_at("fuzz", "fuzz-snap", &at.to_string()).ok(), Some(at)),
        Err(e) => assert!(e.to_string().contains("fuzz-snap")),
    }
});
