//! The integration tests of the `opskit` binary and library: one test binary (one link of
//! the app and the AWS SDK instead of one per file), one module per command or topic, with
//! the shared harness in `common/`.

// The tests read their environment (emulator paths, the pinned clock) directly.
#![allow(clippy::disallowed_methods)]

mod common;

mod ad_hoc;
// AWS failures: one line, once per account, with a hint.
mod aws_errors;
// The Backlog issue sink: notation per project, assignee, notified users, category.
mod backlog_issue;
// Calendar sources (file, secret address, CalDAV on Radicale) read back the same occurrences.
mod calendar;
mod calendar_sources;
mod cli_contract;
mod config;
mod demo;
mod dx_vif;
mod findings;
mod generated;
mod health;
mod health_ingest;
mod inventory;
mod inventory_publish;
// RDS, ACM and IAM in the inventory, against moto.
mod inventory_aws;
mod inventory_global;
// Google Cloud projects (Compute Engine) in the inventory, against the sandbox.
mod inventory_gcp;
// Load balancers, Lambda functions and Auto Scaling groups in the inventory, against moto.
mod inventory_services;
mod leases;
mod maintenance_mail;
mod maintenance_mail_imap;
mod notify;
mod organizations;
mod pagerduty_remind;
mod pagerduty_rest;
mod private_files;
// The status page: built from a real state, looked at in headless Chromium.
mod report;
// `report ops`: the operation's numbers from 30 simulated days of history, against a model of it.
mod report_ops;
mod respond;
// First-response scenarios' AWS steps (SSM, CloudWatch, EC2) against moto.
mod respond_aws;
mod shard;
mod silence;
// Slack as a bot: post once, then update that message.
mod sink_limits;
mod sink_sns;
mod slack_bot;
mod spine_e2e;
mod state_cli;
mod state_corrupt;
mod state_stores;
mod storage;
mod support;
mod systemd;
mod tables;
mod terminal_escapes;
mod trusted_advisor;
mod wiki;
mod wiki_cloud;
