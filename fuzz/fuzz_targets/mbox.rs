//! Any bytes as an mbox stream: the splitter never panics, never invents bytes, and every
//! message it yields parses. A small read buffer puts lines across buffer boundaries.
#![no_main]

use libfuzzer_sys::fuzz_target;
use opskit_mail::mbox::{Mbox, looks_like_mbox};
use std::io::BufReader;

fuzz_target!(|data: &[u8]| {
    let _ = looks_like_mbox(data);
    let mut total = 0;
    for message in Mbox::new(BufReader::with_capacity(64, data)) {
        let message = message.expect("reading a slice never fails");
        total += message.len();
        opskit_mail_fuzz::parse_and_check(&message);
    }
    // Envelope lines and one `>` of quoting are dropped, nothing is added.
    assert!(total <= data.len(), "{total} bytes out of {}", data.len());
});
