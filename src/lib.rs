//! opskit: cloud-operations commands for people who run other people's infrastructure.
//!
//! Every watching command collects [`spine::finding::Finding`]s and hands them to the
//! spine, which diffs them against the [`state`] store, applies routes, quiet hours,
//! silences and damping, delivers to [`sinks`] with retries, commits what was delivered
//! and reports. See DESIGN.md in the shared folder for the shape.

pub mod aws;
pub mod backlog;
pub mod cli;
pub mod commands;
pub mod config;
pub mod context;
pub mod cron;
pub mod env_vars;
pub mod error;
pub mod globs;
pub mod http;
pub mod imap;
pub mod inventory;
pub use opskit_mail as mail;
pub mod organizations;
pub mod output;
pub mod private_fs;
pub mod redact;
pub mod sandbox;
pub mod shard;
pub mod sinks;
pub mod spine;
pub mod state;
pub mod storage;
pub mod text;
pub mod time;
pub mod wiki_backup;
