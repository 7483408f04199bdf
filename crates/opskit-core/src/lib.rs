//! opskit's core: what every command shares and nothing in it knows AWS.
//!
//! Every watching command collects [`spine::finding::Finding`]s and hands them to the
//! spine, which diffs them against the [`state`] store, applies routes, quiet hours,
//! silences and damping, delivers to [`sinks`] with retries, commits what was delivered
//! and reports. The [`config`] file says which sinks, routes and accounts there are. See
//! `crates/README.md` for what this crate may not depend on, and why.

pub mod backlog;
pub mod config;
pub mod env_vars;
pub mod globs;
pub mod history;
pub mod http;
pub mod pagerduty_rest;
pub mod private_fs;
pub mod redact;
pub mod respond;
pub mod shard;
pub mod sinks;
pub mod spine;
pub mod state;
pub mod text;
pub mod time;
