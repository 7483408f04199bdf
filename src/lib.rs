//! opskit: cloud-operations commands for people who run other people's infrastructure.
//!
//! The app: the CLI ([`cli`]), one module per command ([`commands`]), the run [`context`],
//! [`output`], and the AWS layer ([`aws`]: the session, each service's model and listings,
//! Organizations, the DynamoDB state store, the SNS sink). Findings, the spine, state,
//! the non-AWS sinks and config live in `opskit-core`, re-exported here under their own
//! names so that `opskit::spine`, `opskit::config` and the rest read as one library. See
//! `crates/README.md` for the crates and the rule each boundary keeps.

pub use opskit_core::{
    backlog, config, env_vars, globs, history, http, pagerduty_rest, private_fs, redact, shard, sinks, spine, state,
    text, time,
};
pub use opskit_mail as mail;

pub mod aws;
pub mod calendar;
pub mod cli;
pub mod commands;
pub mod context;
pub mod cron;
pub mod error;
pub mod gcp;
pub mod health;
pub mod imap;
pub mod inventory;
pub mod organizations;
pub mod output;
pub mod reminders;
pub mod report;
pub mod respond;
pub mod storage;
pub mod wiki;
