//! The state store: what the spine remembers between runs.
//!
//! It holds the last observation of every finding, what each sink was last told about it
//! (the delivery record, committed only after the sink accepted), operators' silences,
//! snapshots that commands keep (inventory, backup manifests), and the run lock.
//! `sqlite` is the default store; `memory` backs `--state none`.

pub mod memory;
pub mod sqlite;

use crate::spine::finding::{Finding, Status, TransitionKind};
use async_trait::async_trait;
use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use std::path::Path;

/// The last observation of one finding.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FindingRecord {
    pub finding: Finding,
    /// When the current streak of the same status began (for an open finding: since when it is bad).
    pub since: Timestamp,
    /// When it was last observed, to within a day: an unchanged observation is rewritten
    /// only once a day (see the spine's `worth_writing`).
    pub last_seen: Timestamp,
    /// Consecutive observations in the current status (the damping counter).
    pub streak: u32,
    pub last_transition: Option<TransitionKind>,
    pub last_transition_at: Option<Timestamp>,
}

/// What one sink was last told about one finding. Written only after the sink accepted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeliveryRecord {
    pub source: String,
    pub key: String,
    pub sink: String,
    pub status: Status,
    pub fingerprint: String,
    pub kind: TransitionKind,
    pub at: Timestamp,
    /// A handle the sink gave back, e.g. the Backlog issue key it created.
    pub external_ref: Option<String>,
}

/// What a silence matches. Every given part must match; at least one must be given.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SilenceMatcher {
    pub source: Option<String>,
    /// A glob over the finding key (`*` and `?`, `dx-vif/1111*`).
    pub key: Option<String>,
    pub account: Option<String>,
    /// A resource id the finding names (exact, or a glob).
    pub resource: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Silence {
    pub id: String,
    pub matcher: SilenceMatcher,
    pub starts: Timestamp,
    pub until: Timestamp,
    pub reason: String,
    pub created_by: String,
    pub created_at: Timestamp,
}

/// Who holds a run lock, shown to the run that could not take it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LockHolder {
    pub host: String,
    pub pid: u32,
    pub command: String,
    pub since: Timestamp,
}

impl std::fmt::Display for LockHolder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "pid {} on {} (`{}`, since {})",
            self.pid,
            self.host,
            self.command,
            self.since.strftime("%Y-%m-%dT%H:%M:%SZ")
        )
    }
}

#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StateError {
    #[error("another run holds the lock `{name}`: {holder}")]
    Locked { name: String, holder: LockHolder },
    #[error("state store {location}: {message}")]
    Backend { location: String, message: String },
}

impl StateError {
    pub fn backend(location: impl Into<String>, e: impl std::fmt::Display) -> Self {
        StateError::Backend { location: location.into(), message: e.to_string() }
    }
}

pub type StateResult<T> = Result<T, StateError>;

/// The state every command shares. Implementations must make each method atomic.
#[async_trait]
pub trait StateStore: Send + Sync {
    /// Where the store lives, for messages (`sqlite:/var/lib/opskit/state.db`).
    fn location(&self) -> String;

    async fn findings(&self, source: &str) -> StateResult<Vec<FindingRecord>>;
    /// Upsert observations (one per key); records absent from `records` are kept.
    async fn put_findings(&self, records: &[FindingRecord]) -> StateResult<()>;

    async fn deliveries(&self, source: &str) -> StateResult<Vec<DeliveryRecord>>;
    /// Commit one delivery: called right after a sink accepted a message.
    async fn put_delivery(&self, record: &DeliveryRecord) -> StateResult<()>;

    async fn silences(&self) -> StateResult<Vec<Silence>>;
    async fn add_silence(&self, silence: &Silence) -> StateResult<()>;
    /// Returns whether a silence with that id existed.
    async fn remove_silence(&self, id: &str) -> StateResult<bool>;

    async fn snapshot(&self, name: &str) -> StateResult<Option<(Timestamp, Vec<u8>)>>;
    async fn put_snapshot(&self, name: &str, at: Timestamp, data: &[u8]) -> StateResult<()>;

    /// Which of `keys` were marked done in `namespace` (the Message-IDs and content hashes
    /// of mails already ingested).
    async fn marked(&self, namespace: &str, keys: &[String]) -> StateResult<std::collections::BTreeSet<String>>;
    /// Mark `keys` done at `at` (marking again moves the time on).
    async fn put_marks(&self, namespace: &str, keys: &[String], at: Timestamp) -> StateResult<()>;
    /// Forget marks made before `before`; returns how many.
    async fn prune_marks(&self, namespace: &str, before: Timestamp) -> StateResult<usize>;

    /// Take the run lock `name`, or fail with [`StateError::Locked`]. A lock whose holder
    /// has not refreshed it within `ttl` (or whose process is gone, on this host) is stale
    /// and taken over.
    async fn acquire_lock(&self, name: &str, holder: &LockHolder, ttl: jiff::SignedDuration) -> StateResult<()>;
    async fn release_lock(&self, name: &str, holder: &LockHolder) -> StateResult<()>;
}

// Lock rules shared by every store, so they cannot drift apart.

/// Whether a process of this host with that pid still runs. Only Linux can tell cheaply;
/// elsewhere a holder is presumed alive until its lease lapses.
fn process_alive(pid: u32) -> bool {
    if cfg!(target_os = "linux") { Path::new(&format!("/proc/{pid}")).exists() } else { true }
}

/// This host's name, as lock holders and test messages name it.
pub fn hostname() -> String {
    std::fs::read_to_string("/proc/sys/kernel/hostname")
        .map(|s| s.trim().to_string())
        .ok()
        .filter(|s| !s.is_empty())
        .or_else(|| std::env::var("HOSTNAME").ok())
        .unwrap_or_else(|| "localhost".into())
}

/// Whether a lock held by `current` (expiring at `expires`) may be taken by `me`.
pub(crate) fn lock_takeable(current: &LockHolder, expires: i64, me: &LockHolder, now: Timestamp) -> bool {
    let same_holder = current.host == me.host && current.pid == me.pid;
    let lapsed = expires <= now.as_second();
    let dead = current.host == me.host && !process_alive(current.pid);
    same_holder || lapsed || dead
}
