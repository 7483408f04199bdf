//! An in-memory store: `--state none`, for stateless one-off audits (every open finding is
//! New, nothing is remembered) and for unit tests of the spine.

use super::{
    DeliveryRecord, FindingRecord, HeldLocks, LockHolder, MarkRecord, Silence, SnapshotRecord, StateDump, StateError,
    StateResult, StateStore, duplicate_silence, lock_takeable, lost_lock, same_holder, sort_silences,
};
use async_trait::async_trait;
use jiff::Timestamp;
use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

#[derive(Default)]
struct Inner {
    findings: BTreeMap<(String, String), FindingRecord>,
    deliveries: BTreeMap<(String, String, String), DeliveryRecord>,
    silences: BTreeMap<String, Silence>,
    snapshots: BTreeMap<String, (Timestamp, Vec<u8>)>,
    locks: BTreeMap<String, (LockHolder, i64)>,
    /// Epoch seconds, as the other stores keep them.
    marks: BTreeMap<(String, String), i64>,
}

#[derive(Default)]
pub struct MemoryStore {
    inner: Arc<Mutex<Inner>>,
    held: HeldLocks,
}

impl MemoryStore {
    pub fn new() -> MemoryStore {
        MemoryStore::default()
    }

    /// Another handle on the same state with its own held locks, as a second process
    /// would have on a shared store (for tests of locks and fencing).
    pub fn share(&self) -> MemoryStore {
        MemoryStore { inner: self.inner.clone(), held: HeldLocks::default() }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Fail when a lock this store took is now another holder's.
    fn fence(&self, g: &Inner) -> StateResult<()> {
        for (name, me) in self.held.list() {
            match g.locks.get(&name) {
                Some((h, _)) if same_holder(h, &me) => {}
                other => return Err(lost_lock(self.location(), &name, other.map(|(h, _)| h))),
            }
        }
        Ok(())
    }
}

#[async_trait]
impl StateStore for MemoryStore {
    fn location(&self) -> String {
        "none (in memory)".into()
    }

    async fn findings(&self, source: &str) -> StateResult<Vec<FindingRecord>> {
        Ok(self.lock().findings.iter().filter(|((s, _), _)| s == source).map(|(_, r)| r.clone()).collect())
    }

    async fn put_findings(&self, records: &[FindingRecord]) -> StateResult<()> {
        let mut g = self.lock();
        self.fence(&g)?;
        for r in records {
            g.findings.insert((r.finding.source.clone(), r.finding.key.clone()), r.clone());
        }
        Ok(())
    }

    async fn forget_findings(&self, source: &str, keys: &[String], deliveries: &[(String, String)]) -> StateResult<()> {
        let mut g = self.lock();
        self.fence(&g)?;
        for k in keys {
            g.findings.remove(&(source.to_string(), k.clone()));
        }
        for (k, sink) in deliveries {
            g.deliveries.remove(&(source.to_string(), k.clone(), sink.clone()));
        }
        Ok(())
    }

    async fn deliveries(&self, source: &str) -> StateResult<Vec<DeliveryRecord>> {
        Ok(self.lock().deliveries.values().filter(|d| d.source == source).cloned().collect())
    }

    async fn put_delivery(&self, r: &DeliveryRecord) -> StateResult<()> {
        let mut g = self.lock();
        self.fence(&g)?;
        g.deliveries.insert((r.source.clone(), r.key.clone(), r.sink.clone()), r.clone());
        Ok(())
    }

    async fn silences(&self) -> StateResult<Vec<Silence>> {
        let mut v: Vec<Silence> = self.lock().silences.values().cloned().collect();
        sort_silences(&mut v);
        Ok(v)
    }

    async fn add_silence(&self, s: &Silence) -> StateResult<()> {
        let mut g = self.lock();
        if g.silences.contains_key(&s.id) {
            return Err(duplicate_silence(self.location(), &s.id));
        }
        g.silences.insert(s.id.clone(), s.clone());
        Ok(())
    }

    async fn remove_silence(&self, id: &str) -> StateResult<bool> {
        Ok(self.lock().silences.remove(id).is_some())
    }

    async fn snapshot(&self, name: &str) -> StateResult<Option<(Timestamp, Vec<u8>)>> {
        Ok(self.lock().snapshots.get(name).cloned())
    }

    async fn put_snapshot(&self, name: &str, at: Timestamp, data: &[u8]) -> StateResult<()> {
        self.lock().snapshots.insert(name.to_string(), (at, data.to_vec()));
        Ok(())
    }

    async fn marked(&self, namespace: &str, keys: &[String]) -> StateResult<std::collections::BTreeSet<String>> {
        let g = self.lock();
        Ok(keys.iter().filter(|k| g.marks.contains_key(&(namespace.to_string(), k.to_string()))).cloned().collect())
    }

    async fn put_marks(&self, namespace: &str, keys: &[String], at: Timestamp) -> StateResult<()> {
        let mut g = self.lock();
        for k in keys {
            g.marks.insert((namespace.to_string(), k.clone()), at.as_second());
        }
        Ok(())
    }

    async fn marks_since(&self, namespace: &str, since: Timestamp) -> StateResult<Vec<(String, i64)>> {
        let g = self.lock();
        Ok(g.marks
            .iter()
            .filter(|((ns, _), at)| ns == namespace && **at >= since.as_second())
            .map(|((_, k), at)| (k.clone(), *at))
            .collect())
    }

    async fn prune_marks(&self, namespace: &str, before: Timestamp) -> StateResult<usize> {
        let mut g = self.lock();
        let n = g.marks.len();
        g.marks.retain(|(ns, _), at| ns != namespace || *at >= before.as_second());
        Ok(n - g.marks.len())
    }

    async fn acquire_lock(&self, name: &str, me: &LockHolder, ttl: jiff::SignedDuration) -> StateResult<()> {
        let now = Timestamp::now();
        let mut g = self.lock();
        if let Some((holder, expires)) = g.locks.get(name)
            && !lock_takeable(holder, *expires, me, now)
        {
            return Err(StateError::Locked { name: name.to_string(), holder: holder.clone() });
        }
        g.locks.insert(name.to_string(), (me.clone(), now.as_second() + ttl.as_secs()));
        self.held.hold(name, me);
        Ok(())
    }

    async fn release_lock(&self, name: &str, me: &LockHolder) -> StateResult<()> {
        let mut g = self.lock();
        if g.locks.get(name).is_some_and(|(h, _)| same_holder(h, me)) {
            g.locks.remove(name);
        }
        self.held.forget(name, me);
        Ok(())
    }

    async fn dump(&self) -> StateResult<StateDump> {
        let g = self.lock();
        let mut d = StateDump {
            findings: g.findings.values().cloned().collect(),
            deliveries: g.deliveries.values().cloned().collect(),
            silences: g.silences.values().cloned().collect(),
            snapshots: g
                .snapshots
                .iter()
                .map(|(name, (at, data))| SnapshotRecord { name: name.clone(), at: *at, data: data.clone() })
                .collect(),
            marks: g
                .marks
                .iter()
                .map(|((ns, key), at)| MarkRecord { namespace: ns.clone(), key: key.clone(), at: *at })
                .collect(),
        };
        d.sort();
        Ok(d)
    }

    async fn load(&self, d: &StateDump) -> StateResult<()> {
        let mut g = self.lock();
        for r in &d.findings {
            g.findings.insert((r.finding.source.clone(), r.finding.key.clone()), r.clone());
        }
        for r in &d.deliveries {
            g.deliveries.insert((r.source.clone(), r.key.clone(), r.sink.clone()), r.clone());
        }
        for s in &d.silences {
            g.silences.insert(s.id.clone(), s.clone());
        }
        for s in &d.snapshots {
            g.snapshots.insert(s.name.clone(), (s.at, s.data.clone()));
        }
        for m in &d.marks {
            g.marks.insert((m.namespace.clone(), m.key.clone()), m.at);
        }
        Ok(())
    }
}
