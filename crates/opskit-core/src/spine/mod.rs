//! The spine every watching command shares: findings, diff against state, policy
//! (routes, quiet hours, silences, damping), delivery with retries, commit, report.

pub mod deliver;
pub mod engine;
pub mod finding;
pub mod holidays_jp;
pub mod input;
pub mod policy;
pub mod quiet;
