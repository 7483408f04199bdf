//! Any bytes as one message: `parse` never panics and its result is usable.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    opskit_mail_fuzz::parse_and_check(data);
});
