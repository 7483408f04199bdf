//! One scenario's run on one finding's episode (an [`Execution`]), as the state store
//! keeps it: the audit trail `opskit respond log` shows, and what lets a scenario that
//! outlives a run's budget go on in the next run.

use crate::respond::scenario::Role;
use crate::spine::finding::{Field, Finding, Status};
use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// Where executions live among the state store's snapshots.
pub const PREFIX: &str = "respond/run/";
/// When a scenario last ran a recover step on a finding: `respond/recovered/<scenario>/<source>/<hash>`.
pub const RECOVERED_PREFIX: &str = "respond/recovered/";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ExecStatus {
    /// Not started: a silence or quiet hours hold it (`reason` says which).
    Waiting,
    /// Started, not done: the next run goes on.
    Running,
    /// Verified: the finding resolved "recovered by scenario".
    Recovered,
    /// Not recovered (no verify, a verify failed, a recover could not run): the finding
    /// goes to its sinks with the evidence.
    Escalated,
    /// The finding resolved on its own before the scenario ended.
    Cancelled,
    /// A dry run: shown, nothing that acts was run, nothing kept.
    DryRun,
}

impl ExecStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            ExecStatus::Waiting => "waiting",
            ExecStatus::Running => "running",
            ExecStatus::Recovered => "recovered",
            ExecStatus::Escalated => "escalated",
            ExecStatus::Cancelled => "cancelled",
            ExecStatus::DryRun => "dry-run",
        }
    }

    pub fn ended(self) -> bool {
        matches!(self, ExecStatus::Recovered | ExecStatus::Escalated | ExecStatus::Cancelled)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum StepOutcome {
    /// Started, its answer not in yet (an SSM command still running).
    Pending,
    /// Its condition held (exit 0, metric within bounds, probe passed).
    Ok,
    /// It ran and its condition did not hold.
    Failed,
    /// It could not run (access denied, no such instance, no managed instance).
    Error,
    /// Its timeout passed before it ended.
    TimedOut,
    /// Not run, and why (`output`): recover switched off, already run this period.
    Skipped,
    /// A dry run: what would have run.
    WouldRun,
}

impl StepOutcome {
    pub fn as_str(self) -> &'static str {
        match self {
            StepOutcome::Pending => "pending",
            StepOutcome::Ok => "ok",
            StepOutcome::Failed => "failed",
            StepOutcome::Error => "error",
            StepOutcome::TimedOut => "timed-out",
            StepOutcome::Skipped => "skipped",
            StepOutcome::WouldRun => "would-run",
        }
    }
}

/// One step as it ran: its input, output, duration and outcome.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StepRecord {
    pub index: usize,
    pub role: Role,
    pub name: String,
    /// The action's kind (`ssm`, `metric`, ..).
    pub action: String,
    /// What was asked: the commands, the metric, the address.
    pub input: String,
    /// Where: the instance, account and region, when the action has them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
    pub started: Timestamp,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ended: Option<Timestamp>,
    pub outcome: StepOutcome,
    /// What came back (trimmed), or why it did not run.
    pub output: String,
    /// What the next run needs to go on (an SSM command id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub handle: Option<String>,
}

impl StepRecord {
    pub fn duration_ms(&self) -> Option<i64> {
        self.ended.map(|e| e.duration_since(self.started).as_millis() as i64)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Execution {
    pub id: String,
    pub scenario: String,
    pub source: String,
    pub key: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instance: Option<String>,
    /// When the finding's episode began (its `since`).
    pub opened: Timestamp,
    pub created: Timestamp,
    pub status: ExecStatus,
    /// Why it waits, was escalated or cancelled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// The next step to run (== steps in the scenario when all ran).
    pub next_step: usize,
    /// The next step does not start before this (its `wait`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_before: Option<Timestamp>,
    pub steps: Vec<StepRecord>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ended: Option<Timestamp>,
    /// The host (and process) that last advanced it.
    pub host: String,
}

/// A short stable hash of a finding's key, for snapshot names (keys hold `/`).
pub fn key_hash(key: &str) -> String {
    hex::encode(&Sha256::digest(key.as_bytes())[..10])
}

/// The id of the execution of a finding's episode that began at `opened`.
pub fn execution_id(source: &str, key: &str, opened: Timestamp) -> String {
    format!("{source}/{}/{}", key_hash(key), opened.as_second())
}

pub fn snapshot_name(id: &str) -> String {
    format!("{PREFIX}{id}")
}

pub fn recovered_name(scenario: &str, source: &str, key: &str) -> String {
    format!("{RECOVERED_PREFIX}{scenario}/{source}/{}", key_hash(key))
}

/// The most a step's output adds to a finding (the audit trail keeps [`MAX_OUTPUT`]).
pub const EVIDENCE_CHARS: usize = 1500;
/// The most of a step's output the audit trail keeps.
pub const MAX_OUTPUT: usize = 8000;

/// The name of the field that says which scenario ran and how it ended.
pub const SCENARIO_FIELD: &str = "scenario";

impl Execution {
    /// One line: `disk-full: escalated (verify failed)`.
    pub fn headline(&self) -> String {
        let mut s = format!("{}: {}", self.scenario, self.status.as_str());
        if let Some(r) = &self.reason {
            s.push_str(&format!(" ({r})"));
        }
        s
    }

    /// Add this execution's evidence to `f`: a `scenario` field, one field per step that
    /// ran, and, once it ended, a fingerprint that says so (the sinks told the finding
    /// before it ended are told the evidence once; later runs add the same).
    pub fn attach(&self, f: &mut Finding) {
        f.fields.retain(|fl| fl.name != SCENARIO_FIELD && !fl.name.starts_with("step "));
        f.fields.push(Field { name: SCENARIO_FIELD.into(), value: self.headline() });
        for s in &self.steps {
            let took = s.duration_ms().map(|ms| format!(" in {:.1} s", ms as f64 / 1000.0)).unwrap_or_default();
            let mut value = format!("{}{took}: {}", s.outcome.as_str(), s.input);
            if !s.output.trim().is_empty() {
                value.push('\n');
                value.push_str(&crate::text::truncate_chars(s.output.trim(), EVIDENCE_CHARS));
            }
            f.fields.push(Field { name: format!("step {} {} ({})", s.index + 1, s.name, s.role.as_str()), value });
        }
        if self.status.ended() && self.status != ExecStatus::Cancelled {
            let mut h = Sha256::new();
            h.update(f.fingerprint.as_bytes());
            h.update(b"|respond|");
            h.update(self.id.as_bytes());
            h.update(self.status.as_str().as_bytes());
            f.fingerprint = hex::encode(&h.finalize()[..12]);
        }
        if self.status == ExecStatus::Recovered {
            f.status = Status::Resolved;
            f.summary = format!("Recovered by scenario {}. {}", self.scenario, f.summary).trim_end().to_string();
        }
    }
}
