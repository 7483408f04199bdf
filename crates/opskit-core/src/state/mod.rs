//! The state store: what the spine remembers between runs.
//!
//! It holds the last observation of every finding, what each sink was last told about it
//! (the delivery record, committed only after the sink accepted), operators' silences,
//! snapshots that commands keep (inventory, backup manifests), and the run lock.
//! `sqlite` is the default store; `memory` backs `--state none`; DynamoDB (in the app's AWS
//! layer, `opskit::aws::dynamodb`) is shared by several hosts. All three pass one behaviour
//! suite (`tests/it/state_stores.rs`).
//!
//! Writes are fenced: a store remembers the run locks it holds, and once another holder
//! has taken one of them over (the lease lapsed), `put_findings` and `put_delivery` fail
//! instead of committing over the new holder's work.

pub mod memory;
pub mod sqlite;

use crate::spine::finding::{Finding, Status, TransitionKind};
use async_trait::async_trait;
use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Mutex;

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
    /// The finding as this sink was told it: what the next Changed message compares with
    /// (`previous` in templates and webhook payloads). Absent in records written before
    /// opskit kept it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub told: Option<Finding>,
}

/// What a silence matches. Every given part must match; at least one must be given.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SilenceMatcher {
    pub source: Option<String>,
    /// A glob over the finding's full key `SOURCE/KEY` or, with `source` given and the
    /// glob not starting with it, over the key within that source (see
    /// `spine::policy::silence_key_matches`).
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

/// One snapshot, as a dump carries it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SnapshotRecord {
    pub name: String,
    pub at: Timestamp,
    pub data: Vec<u8>,
}

/// One mark, as a dump carries it (stores keep mark times to the second).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MarkRecord {
    pub namespace: String,
    pub key: String,
    /// Epoch seconds.
    pub at: i64,
}

/// Everything a store holds but its locks: what `opskit state migrate` copies.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct StateDump {
    pub findings: Vec<FindingRecord>,
    pub deliveries: Vec<DeliveryRecord>,
    pub silences: Vec<Silence>,
    pub snapshots: Vec<SnapshotRecord>,
    pub marks: Vec<MarkRecord>,
}

/// How many records of each kind a dump holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct DumpCounts {
    pub findings: usize,
    pub deliveries: usize,
    pub silences: usize,
    pub snapshots: usize,
    pub marks: usize,
}

impl DumpCounts {
    pub fn total(&self) -> usize {
        self.findings + self.deliveries + self.silences + self.snapshots + self.marks
    }
}

impl StateDump {
    pub fn counts(&self) -> DumpCounts {
        DumpCounts {
            findings: self.findings.len(),
            deliveries: self.deliveries.len(),
            silences: self.silences.len(),
            snapshots: self.snapshots.len(),
            marks: self.marks.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.counts().total() == 0
    }

    /// The one order every store dumps in, so dumps of equal states compare equal.
    pub fn sort(&mut self) {
        self.findings.sort_by(|a, b| (&a.finding.source, &a.finding.key).cmp(&(&b.finding.source, &b.finding.key)));
        self.deliveries.sort_by(|a, b| (&a.source, &a.key, &a.sink).cmp(&(&b.source, &b.key, &b.sink)));
        sort_silences(&mut self.silences);
        self.snapshots.sort_by(|a, b| a.name.cmp(&b.name));
        self.marks.sort_by(|a, b| (&a.namespace, &a.key).cmp(&(&b.namespace, &b.key)));
    }
}

/// Silences in the order every store lists them: oldest first, ties by id.
pub fn sort_silences(v: &mut [Silence]) {
    v.sort_by(|a, b| (a.created_at, &a.id).cmp(&(b.created_at, &b.id)));
}

/// Put `s` in place of the silence with its id, unless `kept` (the silences read at the
/// start of the run, kept up to date by this function) already holds it unchanged: a
/// producer that owns silences (auto_silence, a calendar) re-states them every run, and
/// must not rewrite them every run (on DynamoDB every write is billed). Returns whether it
/// wrote. `created_at` is not compared: re-stating a silence is not changing it.
pub async fn put_silence_if_changed(state: &dyn StateStore, kept: &mut Vec<Silence>, s: &Silence) -> StateResult<bool> {
    let same = |k: &Silence| {
        k.id == s.id && k.matcher == s.matcher && k.starts == s.starts && k.until == s.until && k.reason == s.reason
    };
    if kept.iter().any(same) {
        return Ok(false);
    }
    state.remove_silence(&s.id).await?;
    state.add_silence(s).await?;
    kept.retain(|k| k.id != s.id);
    kept.push(s.clone());
    Ok(true)
}

/// The error of adding a silence whose id exists already, the same from every store.
pub fn duplicate_silence(location: impl Into<String>, id: &str) -> StateError {
    StateError::backend(location, format!("a silence with id `{id}` exists already"))
}

/// A stored record that does not parse, named the same from every store: what it is (its
/// table in SQLite, its kind in DynamoDB) and its key, as `name `value`` pairs.
pub fn corrupt_record(
    location: impl Into<String>,
    table: &str,
    key: &[(&str, &str)],
    e: impl std::fmt::Display,
) -> StateError {
    let key: Vec<String> = key.iter().map(|(n, v)| format!("{n} `{v}`")).collect();
    StateError::backend(
        location,
        format!(
            "corrupt record in {table} ({}): {e}\nhint: delete that record or restore the state from a copy (a finding whose record is deleted is told as new again)",
            key.join(", ")
        ),
    )
}

/// How every store writes a record (finding observation, delivery record, silence, lock
/// holder): JSON text, the same in SQLite's `record` column and DynamoDB's `record` attribute.
pub fn encode_record<T: Serialize>(record: &T) -> Result<String, serde_json::Error> {
    serde_json::to_string(record)
}

/// Read back what [`encode_record`] wrote; the error is the parser's, for the store to
/// name the record with (SQLite carries it through rusqlite's error first).
pub fn parse_record<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, String> {
    serde_json::from_str(text).map_err(|e| e.to_string())
}

/// Read one stored record of `table` at `key` (as `name`, `value` pairs); a record that
/// does not parse is a [`corrupt_record`] error naming both. Arbitrary text never panics
/// (the fuzz target `state_records` checks it).
pub fn decode_record<T: serde::de::DeserializeOwned>(
    location: &str,
    table: &str,
    key: &[(&str, &str)],
    text: &str,
) -> StateResult<T> {
    parse_record(text).map_err(|e| corrupt_record(location, table, key, e))
}

/// A snapshot's time as the stores keep it (RFC 3339 text, [`Timestamp`]'s `Display`);
/// one that does not parse names the snapshot.
pub fn decode_snapshot_at(location: &str, name: &str, text: &str) -> StateResult<Timestamp> {
    text.parse().map_err(|e| corrupt_record(location, "snapshots", &[("name", name)], e))
}

/// The state every command shares. Implementations must make each method atomic.
#[async_trait]
pub trait StateStore: Send + Sync {
    /// Where the store lives, for messages (`sqlite:/var/lib/opskit/state.db`).
    fn location(&self) -> String;

    async fn findings(&self, source: &str) -> StateResult<Vec<FindingRecord>>;
    /// Upsert observations (one per key); records absent from `records` are kept.
    async fn put_findings(&self, records: &[FindingRecord]) -> StateResult<()>;

    /// Forget findings for good: the observations of `keys` and what each sink was told
    /// about them (`deliveries`, as (key, sink)). For resolved findings long gone, so the
    /// state does not grow without end. Fenced like `put_findings`.
    async fn forget_findings(&self, source: &str, keys: &[String], deliveries: &[(String, String)]) -> StateResult<()>;

    async fn deliveries(&self, source: &str) -> StateResult<Vec<DeliveryRecord>>;
    /// Commit one delivery: called right after a sink accepted a message.
    async fn put_delivery(&self, record: &DeliveryRecord) -> StateResult<()>;

    async fn silences(&self) -> StateResult<Vec<Silence>>;
    async fn add_silence(&self, silence: &Silence) -> StateResult<()>;
    /// Returns whether a silence with that id existed.
    async fn remove_silence(&self, id: &str) -> StateResult<bool>;

    async fn snapshot(&self, name: &str) -> StateResult<Option<(Timestamp, Vec<u8>)>>;
    async fn put_snapshot(&self, name: &str, at: Timestamp, data: &[u8]) -> StateResult<()>;
    /// Every snapshot whose name starts with `prefix`, as (name, time, data), by name. The
    /// default reads the whole store ([`StateStore::dump`]): for audits, not hot paths.
    async fn snapshots_under(&self, prefix: &str) -> StateResult<Vec<(String, Timestamp, Vec<u8>)>> {
        let mut out: Vec<(String, Timestamp, Vec<u8>)> = self
            .dump()
            .await?
            .snapshots
            .into_iter()
            .filter(|s| s.name.starts_with(prefix))
            .map(|s| (s.name, s.at, s.data))
            .collect();
        out.sort_by(|a, b| a.0.cmp(&b.0));
        Ok(out)
    }

    /// Which of `keys` were marked done in `namespace` (the Message-IDs and content hashes
    /// of mails already ingested).
    async fn marked(&self, namespace: &str, keys: &[String]) -> StateResult<std::collections::BTreeSet<String>>;
    /// Mark `keys` done at `at` (marking again moves the time on).
    async fn put_marks(&self, namespace: &str, keys: &[String], at: Timestamp) -> StateResult<()>;
    /// The marks of `namespace` made at or after `since`, as (key, epoch seconds), in no
    /// particular order.
    async fn marks_since(&self, namespace: &str, since: Timestamp) -> StateResult<Vec<(String, i64)>>;
    /// Forget marks made before `before`; returns how many.
    async fn prune_marks(&self, namespace: &str, before: Timestamp) -> StateResult<usize>;

    /// Take the run lock `name`, or fail with [`StateError::Locked`]. A lock whose holder
    /// has not refreshed it within `ttl` (or whose process is gone, on this host) is stale
    /// and taken over.
    /// Taking it also fences this store's later `put_findings` and `put_delivery` on it:
    /// once another holder has taken the lock over, they fail (see [`lost_lock`]).
    async fn acquire_lock(&self, name: &str, holder: &LockHolder, ttl: jiff::SignedDuration) -> StateResult<()>;
    /// Give the lock back if `holder` still holds it (and stop fencing writes on it).
    async fn release_lock(&self, name: &str, holder: &LockHolder) -> StateResult<()>;

    /// Everything but the locks, in [`StateDump::sort`] order.
    async fn dump(&self) -> StateResult<StateDump>;
    /// Write every record of `dump` (replacing records with the same identity; others
    /// are kept). Not fenced: a migration runs with no lock held.
    async fn load(&self, dump: &StateDump) -> StateResult<()>;
}

/// Copy everything but the locks from `from` into `to` (only count it when `write` is
/// false); returns what was (or would be) copied.
pub async fn migrate(from: &dyn StateStore, to: &dyn StateStore, write: bool) -> StateResult<DumpCounts> {
    let dump = from.dump().await?;
    if write {
        to.load(&dump).await?;
    }
    Ok(dump.counts())
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
        .or_else(|| crate::env_vars::get("HOSTNAME"))
        .unwrap_or_else(|| "localhost".into())
}

/// Whether a lock held by `current` (expiring at `expires`) may be taken by `me`.
pub fn lock_takeable(current: &LockHolder, expires: i64, me: &LockHolder, now: Timestamp) -> bool {
    let lapsed = expires <= now.as_second();
    let dead = current.host == me.host && !process_alive(current.pid);
    same_holder(current, me) || lapsed || dead
}

/// Holders are the same process when host and pid are (the command and start time are
/// for people).
pub fn same_holder(a: &LockHolder, b: &LockHolder) -> bool {
    a.host == b.host && a.pid == b.pid
}

/// The error of a write fenced off because the run lock `name` is no longer ours: `now`
/// is who holds it instead (none when it was released or cleaned up).
pub fn lost_lock(location: impl Into<String>, name: &str, now: Option<&LockHolder>) -> StateError {
    let whom = match now {
        Some(h) => format!("lost the run lock `{name}` to {h}"),
        None => format!("lost the run lock `{name}`: nobody holds it any more"),
    };
    StateError::backend(
        location,
        format!(
            "{whom}; not recording over the new holder's work\nhint: this run's lease lapsed before it was \
             renewed (the process was suspended, or cut off from the state store for longer than the lease)"
        ),
    )
}

/// The run locks a store holds, which fence its writes. Set by a successful acquire,
/// cleared by release; a lease lost to another holder stays here so the writes fail.
#[derive(Default)]
pub struct HeldLocks(Mutex<BTreeMap<String, LockHolder>>);

impl HeldLocks {
    pub fn hold(&self, name: &str, me: &LockHolder) {
        self.0.lock().unwrap_or_else(|e| e.into_inner()).insert(name.to_string(), me.clone());
    }

    pub fn forget(&self, name: &str, me: &LockHolder) {
        let mut g = self.0.lock().unwrap_or_else(|e| e.into_inner());
        if g.get(name).is_some_and(|h| same_holder(h, me)) {
            g.remove(name);
        }
    }

    pub fn list(&self) -> Vec<(String, LockHolder)> {
        self.0.lock().unwrap_or_else(|e| e.into_inner()).iter().map(|(n, h)| (n.clone(), h.clone())).collect()
    }
}
