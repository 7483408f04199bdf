//! An in-memory store: `--state none`, for stateless one-off audits (every open finding is
//! New, nothing is remembered) and for unit tests of the spine.

use super::{DeliveryRecord, FindingRecord, LockHolder, Silence, StateError, StateResult, StateStore, lock_takeable};
use async_trait::async_trait;
use jiff::Timestamp;
use std::collections::BTreeMap;
use std::sync::Mutex;

#[derive(Default)]
struct Inner {
    findings: BTreeMap<(String, String), FindingRecord>,
    deliveries: BTreeMap<(String, String, String), DeliveryRecord>,
    silences: Vec<Silence>,
    snapshots: BTreeMap<String, (Timestamp, Vec<u8>)>,
    locks: BTreeMap<String, (LockHolder, i64)>,
    marks: BTreeMap<(String, String), Timestamp>,
}

#[derive(Default)]
pub struct MemoryStore {
    inner: Mutex<Inner>,
}

impl MemoryStore {
    pub fn new() -> MemoryStore {
        MemoryStore::default()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
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
        for r in records {
            g.findings.insert((r.finding.source.clone(), r.finding.key.clone()), r.clone());
        }
        Ok(())
    }

    async fn deliveries(&self, source: &str) -> StateResult<Vec<DeliveryRecord>> {
        Ok(self.lock().deliveries.values().filter(|d| d.source == source).cloned().collect())
    }

    async fn put_delivery(&self, r: &DeliveryRecord) -> StateResult<()> {
        self.lock().deliveries.insert((r.source.clone(), r.key.clone(), r.sink.clone()), r.clone());
        Ok(())
    }

    async fn silences(&self) -> StateResult<Vec<Silence>> {
        Ok(self.lock().silences.clone())
    }

    async fn add_silence(&self, s: &Silence) -> StateResult<()> {
        self.lock().silences.push(s.clone());
        Ok(())
    }

    async fn remove_silence(&self, id: &str) -> StateResult<bool> {
        let mut g = self.lock();
        let before = g.silences.len();
        g.silences.retain(|s| s.id != id);
        Ok(g.silences.len() != before)
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
            g.marks.insert((namespace.to_string(), k.clone()), at);
        }
        Ok(())
    }

    async fn prune_marks(&self, namespace: &str, before: Timestamp) -> StateResult<usize> {
        let mut g = self.lock();
        let n = g.marks.len();
        g.marks.retain(|(ns, _), at| ns != namespace || *at >= before);
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
        Ok(())
    }

    async fn release_lock(&self, name: &str, me: &LockHolder) -> StateResult<()> {
        let mut g = self.lock();
        if g.locks.get(name).is_some_and(|(h, _)| h.host == me.host && h.pid == me.pid) {
            g.locks.remove(name);
        }
        Ok(())
    }
}
