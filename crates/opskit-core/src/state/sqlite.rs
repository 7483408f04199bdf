//! The default state store: one SQLite file (rusqlite, bundled, WAL).
//!
//! Records are kept as JSON in narrow tables keyed the way the spine reads them, so a new
//! field in a record needs no migration. The run lock is a row with an expiry, refreshed by
//! long runs; a holder whose process is gone (same host) or whose lease lapsed is replaced.
//! Fenced writes check the lock rows in the same transaction as the write.

use super::{
    DeliveryRecord, FindingRecord, HeldLocks, LockHolder, MarkRecord, Silence, SnapshotRecord, StateDump, StateError,
    StateResult, StateStore, corrupt_record, duplicate_silence, lock_takeable, lost_lock, same_holder, sort_silences,
};
use async_trait::async_trait;
use jiff::Timestamp;
use rusqlite::{Connection, OptionalExtension, params};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

const SCHEMA_VERSION: i64 = 1;

const SCHEMA: &str = "CREATE TABLE IF NOT EXISTS findings (
         source TEXT NOT NULL, key TEXT NOT NULL, record TEXT NOT NULL,
         PRIMARY KEY (source, key));
     CREATE TABLE IF NOT EXISTS deliveries (
         source TEXT NOT NULL, key TEXT NOT NULL, sink TEXT NOT NULL, record TEXT NOT NULL,
         PRIMARY KEY (source, key, sink));
     CREATE TABLE IF NOT EXISTS silences (id TEXT PRIMARY KEY, record TEXT NOT NULL);
     CREATE TABLE IF NOT EXISTS snapshots (name TEXT PRIMARY KEY, at TEXT NOT NULL, data BLOB NOT NULL);
     CREATE TABLE IF NOT EXISTS locks (name TEXT PRIMARY KEY, holder TEXT NOT NULL, expires INTEGER NOT NULL);
     CREATE TABLE IF NOT EXISTS marks (
         namespace TEXT NOT NULL, key TEXT NOT NULL, at INTEGER NOT NULL,
         PRIMARY KEY (namespace, key));
     PRAGMA user_version = 1;";

pub struct SqliteStore {
    path: PathBuf,
    conn: Mutex<Connection>,
    held: HeldLocks,
}

/// Why a write did not happen: SQLite failed, or a fence did.
enum WriteError {
    Sql(rusqlite::Error),
    Fenced(StateError),
}

impl From<rusqlite::Error> for WriteError {
    fn from(e: rusqlite::Error) -> Self {
        WriteError::Sql(e)
    }
}

impl SqliteStore {
    /// Open (creating the file and its directory if needed) and migrate.
    pub fn open(path: &Path) -> StateResult<SqliteStore> {
        let loc = format!("sqlite:{}", path.display());
        if let Some(dir) = path.parent()
            && !dir.as_os_str().is_empty()
        {
            crate::private_fs::create_dir_all(dir)
                .map_err(|e| StateError::backend(&loc, format!("cannot create {}: {e}", dir.display())))?;
        }
        // The file is made 0600 here, before SQLite would make it at the umask's 0644; the
        // -wal and -shm files SQLite's unix VFS creates take the database file's mode.
        match crate::private_fs::open_options().write(true).create_new(true).open(path) {
            Ok(_) => {}
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(StateError::backend(&loc, format!("cannot create {}: {e}", path.display()))),
        }
        let conn = Connection::open(path).map_err(|e| StateError::backend(&loc, e))?;
        conn.busy_timeout(std::time::Duration::from_secs(10)).map_err(|e| StateError::backend(&loc, e))?;
        // Two processes opening a new file at once can see SQLITE_BUSY from the switch to
        // WAL without the busy handler being asked (two timers firing together on a fresh
        // host): retry the setup for as long as the busy timeout would have waited.
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        let mut pause = std::time::Duration::from_millis(5);
        loop {
            match setup(&conn) {
                Ok(()) => break,
                Err(Setup::Sql(e)) if is_busy(&e) && std::time::Instant::now() < deadline => {
                    std::thread::sleep(pause);
                    pause = (pause * 2).min(std::time::Duration::from_millis(200));
                }
                Err(Setup::Sql(e)) => return Err(StateError::backend(&loc, e)),
                Err(Setup::Newer(version)) => {
                    return Err(StateError::backend(
                        &loc,
                        format!("written by a newer opskit (schema {version}, this one knows {SCHEMA_VERSION})"),
                    ));
                }
            }
        }
        Ok(SqliteStore { path: path.to_path_buf(), conn: Mutex::new(conn), held: HeldLocks::default() })
    }

    fn with<T>(&self, f: impl FnOnce(&mut Connection) -> rusqlite::Result<T>) -> StateResult<T> {
        let mut conn = self.conn.lock().unwrap_or_else(|e| e.into_inner());
        f(&mut conn).map_err(|e| self.sql_error(e))
    }

    /// A SQLite error as the store's: a record that did not parse ([`from_json`]) named by
    /// its table and key, anything else as SQLite said it.
    fn sql_error(&self, e: rusqlite::Error) -> StateError {
        if let rusqlite::Error::FromSqlConversionFailure(_, _, inner) = &e
            && let Some(c) = inner.downcast_ref::<Corrupt>()
        {
            let key: Vec<(&str, &str)> = c.key.iter().map(|(n, v)| (*n, v.as_str())).collect();
            return corrupt_record(self.location(), c.table, &key, &c.message);
        }
        StateError::backend(self.location(), e)
    }

    /// A write that must not happen once a lock this store took is another holder's:
    /// `f` runs in an IMMEDIATE transaction after the lock rows were checked.
    fn fenced(&self, f: impl FnOnce(&rusqlite::Transaction) -> rusqlite::Result<()>) -> StateResult<()> {
        let held = self.held.list();
        let mut conn = self.conn.lock().unwrap_or_else(|e| e.into_inner());
        let run = |c: &mut Connection| -> Result<(), WriteError> {
            let tx = c.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            for (name, me) in &held {
                let holder: Option<String> =
                    tx.query_row("SELECT holder FROM locks WHERE name = ?1", [name], |r| r.get(0)).optional()?;
                let holder: Option<LockHolder> =
                    holder.map(|h| from_json(&h, "locks", &[("name", name)])).transpose()?;
                if !holder.as_ref().is_some_and(|h| same_holder(h, me)) {
                    return Err(WriteError::Fenced(lost_lock(self.location(), name, holder.as_ref())));
                }
            }
            f(&tx)?;
            tx.commit()?;
            Ok(())
        };
        run(&mut conn).map_err(|e| match e {
            WriteError::Sql(e) => self.sql_error(e),
            WriteError::Fenced(e) => e,
        })
    }
}

enum Setup {
    Sql(rusqlite::Error),
    /// The file's schema version, newer than this build knows.
    Newer(i64),
}

/// WAL, the tables, the schema version: idempotent, so it can be retried.
fn setup(conn: &Connection) -> Result<(), Setup> {
    conn.pragma_update(None, "journal_mode", "WAL").map_err(Setup::Sql)?;
    conn.pragma_update(None, "synchronous", "NORMAL").map_err(Setup::Sql)?;
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0)).map_err(Setup::Sql)?;
    if version > SCHEMA_VERSION {
        return Err(Setup::Newer(version));
    }
    conn.execute_batch(SCHEMA).map_err(Setup::Sql)
}

fn is_busy(e: &rusqlite::Error) -> bool {
    matches!(e.sqlite_error_code(), Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked))
}

fn to_json<T: serde::Serialize>(v: &T) -> rusqlite::Result<String> {
    super::encode_record(v).map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))
}

/// A record of `table` whose JSON did not parse, and its key: carried through rusqlite's
/// error to [`SqliteStore::sql_error`], which names them.
#[derive(Debug)]
struct Corrupt {
    table: &'static str,
    key: Vec<(&'static str, String)>,
    message: String,
}

impl std::fmt::Display for Corrupt {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "corrupt record in {} {:?}: {}", self.table, self.key, self.message)
    }
}

impl std::error::Error for Corrupt {}

/// Parse the JSON record of `table` at `key`.
fn from_json<T: serde::de::DeserializeOwned>(
    s: &str,
    table: &'static str,
    key: &[(&'static str, &str)],
) -> rusqlite::Result<T> {
    super::parse_record(s).map_err(|message| {
        let key = key.iter().map(|(n, v)| (*n, v.to_string())).collect();
        let corrupt = Corrupt { table, key, message };
        rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(corrupt))
    })
}

#[async_trait]
impl StateStore for SqliteStore {
    fn location(&self) -> String {
        format!("sqlite:{}", self.path.display())
    }

    async fn findings(&self, source: &str) -> StateResult<Vec<FindingRecord>> {
        self.with(|c| {
            let mut st = c.prepare_cached("SELECT key, record FROM findings WHERE source = ?1 ORDER BY key")?;
            let rows = st.query_map([source], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
            rows.map(|r| r.and_then(|(k, s)| from_json(&s, "findings", &[("source", source), ("key", &k)]))).collect()
        })
    }

    async fn put_findings(&self, records: &[FindingRecord]) -> StateResult<()> {
        self.fenced(|tx| {
            let mut st =
                tx.prepare_cached("INSERT OR REPLACE INTO findings (source, key, record) VALUES (?1, ?2, ?3)")?;
            for r in records {
                st.execute(params![r.finding.source, r.finding.key, to_json(r)?])?;
            }
            Ok(())
        })
    }

    async fn forget_findings(&self, source: &str, keys: &[String], deliveries: &[(String, String)]) -> StateResult<()> {
        self.fenced(|tx| {
            let mut st = tx.prepare_cached("DELETE FROM findings WHERE source = ?1 AND key = ?2")?;
            for k in keys {
                st.execute(params![source, k])?;
            }
            let mut st = tx.prepare_cached("DELETE FROM deliveries WHERE source = ?1 AND key = ?2 AND sink = ?3")?;
            for (k, sink) in deliveries {
                st.execute(params![source, k, sink])?;
            }
            Ok(())
        })
    }

    async fn deliveries(&self, source: &str) -> StateResult<Vec<DeliveryRecord>> {
        self.with(|c| {
            let mut st =
                c.prepare_cached("SELECT key, sink, record FROM deliveries WHERE source = ?1 ORDER BY key, sink")?;
            let rows = st.query_map([source], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?))
            })?;
            rows.map(|r| {
                r.and_then(|(k, sink, s)| {
                    from_json(&s, "deliveries", &[("source", source), ("key", &k), ("sink", &sink)])
                })
            })
            .collect()
        })
    }

    async fn put_delivery(&self, r: &DeliveryRecord) -> StateResult<()> {
        self.fenced(|c| {
            c.execute(
                "INSERT OR REPLACE INTO deliveries (source, key, sink, record) VALUES (?1, ?2, ?3, ?4)",
                params![r.source, r.key, r.sink, to_json(r)?],
            )
            .map(|_| ())
        })
    }

    async fn silences(&self) -> StateResult<Vec<Silence>> {
        self.with(|c| {
            let mut st = c.prepare_cached("SELECT id, record FROM silences")?;
            let rows = st.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
            let mut v: Vec<Silence> = rows
                .map(|r| r.and_then(|(id, s)| from_json(&s, "silences", &[("id", &id)])))
                .collect::<Result<_, _>>()?;
            sort_silences(&mut v);
            Ok(v)
        })
    }

    async fn add_silence(&self, s: &Silence) -> StateResult<()> {
        let added = self.with(|c| {
            c.execute("INSERT OR IGNORE INTO silences (id, record) VALUES (?1, ?2)", params![s.id, to_json(s)?])
        })?;
        if added == 0 {
            return Err(duplicate_silence(self.location(), &s.id));
        }
        Ok(())
    }

    async fn remove_silence(&self, id: &str) -> StateResult<bool> {
        self.with(|c| c.execute("DELETE FROM silences WHERE id = ?1", [id]).map(|n| n > 0))
    }

    async fn snapshot(&self, name: &str) -> StateResult<Option<(Timestamp, Vec<u8>)>> {
        let row: Option<(String, Vec<u8>)> = self.with(|c| {
            c.query_row("SELECT at, data FROM snapshots WHERE name = ?1", [name], |r| Ok((r.get(0)?, r.get(1)?)))
                .optional()
        })?;
        row.map(|(at, data)| {
            let at = super::decode_snapshot_at(&self.location(), name, &at)?;
            Ok((at, data))
        })
        .transpose()
    }

    async fn put_snapshot(&self, name: &str, at: Timestamp, data: &[u8]) -> StateResult<()> {
        self.with(|c| {
            c.execute(
                "INSERT OR REPLACE INTO snapshots (name, at, data) VALUES (?1, ?2, ?3)",
                params![name, at.to_string(), data],
            )
            .map(|_| ())
        })
    }

    async fn snapshots_under(&self, prefix: &str) -> StateResult<Vec<(String, Timestamp, Vec<u8>)>> {
        let rows: Vec<(String, String, Vec<u8>)> = self.with(|c| {
            // `name >= prefix AND substr(name, 1, len) = prefix`: the index range, exactly.
            let mut st = c.prepare(
                "SELECT name, at, data FROM snapshots WHERE name >= ?1 AND substr(name, 1, ?2) = ?1 ORDER BY name",
            )?;
            st.query_map(params![prefix, prefix.chars().count() as i64], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
                .collect::<Result<Vec<_>, _>>()
        })?;
        rows.into_iter()
            .map(|(name, at, data)| {
                let at = super::decode_snapshot_at(&self.location(), &name, &at)?;
                Ok((name, at, data))
            })
            .collect()
    }

    async fn marked(&self, namespace: &str, keys: &[String]) -> StateResult<std::collections::BTreeSet<String>> {
        self.with(|c| {
            let mut stmt = c.prepare_cached("SELECT 1 FROM marks WHERE namespace = ?1 AND key = ?2")?;
            let mut out = std::collections::BTreeSet::new();
            for k in keys {
                if stmt.exists(params![namespace, k])? {
                    out.insert(k.clone());
                }
            }
            Ok(out)
        })
    }

    async fn put_marks(&self, namespace: &str, keys: &[String], at: Timestamp) -> StateResult<()> {
        self.with(|c| {
            let tx = c.transaction()?;
            {
                let mut stmt =
                    tx.prepare_cached("INSERT OR REPLACE INTO marks (namespace, key, at) VALUES (?1, ?2, ?3)")?;
                for k in keys {
                    stmt.execute(params![namespace, k, at.as_second()])?;
                }
            }
            tx.commit()
        })
    }

    async fn marks_since(&self, namespace: &str, since: Timestamp) -> StateResult<Vec<(String, i64)>> {
        self.with(|c| {
            let mut st = c.prepare_cached("SELECT key, at FROM marks WHERE namespace = ?1 AND at >= ?2")?;
            st.query_map(params![namespace, since.as_second()], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<Result<Vec<_>, _>>()
        })
    }

    async fn prune_marks(&self, namespace: &str, before: Timestamp) -> StateResult<usize> {
        self.with(|c| {
            c.execute("DELETE FROM marks WHERE namespace = ?1 AND at < ?2", params![namespace, before.as_second()])
        })
    }

    async fn acquire_lock(&self, name: &str, me: &LockHolder, ttl: jiff::SignedDuration) -> StateResult<()> {
        let now = Timestamp::now();
        let outcome: Result<(), LockHolder> = self.with(|c| {
            // IMMEDIATE takes the write lock up front, so two runs cannot both see "free".
            let tx = c.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            let current: Option<(String, i64)> = tx
                .query_row("SELECT holder, expires FROM locks WHERE name = ?1", [name], |r| Ok((r.get(0)?, r.get(1)?)))
                .optional()?;
            if let Some((holder, expires)) = current {
                let holder: LockHolder = from_json(&holder, "locks", &[("name", name)])?;
                if !lock_takeable(&holder, expires, me, now) {
                    return Ok(Err(holder));
                }
            }
            let expires = now.as_second() + ttl.as_secs();
            tx.execute(
                "INSERT OR REPLACE INTO locks (name, holder, expires) VALUES (?1, ?2, ?3)",
                params![name, to_json(me)?, expires],
            )?;
            tx.commit()?;
            Ok(Ok(()))
        })?;
        outcome.map_err(|holder| StateError::Locked { name: name.to_string(), holder })?;
        self.held.hold(name, me);
        Ok(())
    }

    async fn release_lock(&self, name: &str, me: &LockHolder) -> StateResult<()> {
        self.with(|c| {
            let holder: Option<String> =
                c.query_row("SELECT holder FROM locks WHERE name = ?1", [name], |r| r.get(0)).optional()?;
            if let Some(h) = holder {
                let h: LockHolder = from_json(&h, "locks", &[("name", name)])?;
                if same_holder(&h, me) {
                    c.execute("DELETE FROM locks WHERE name = ?1", [name])?;
                }
            }
            Ok(())
        })?;
        self.held.forget(name, me);
        Ok(())
    }

    async fn dump(&self) -> StateResult<StateDump> {
        let mut d = self
            .with(|c| {
                // Each row: its key columns, then the record (the last column).
                let records = |sql: &str, n: usize| -> rusqlite::Result<Vec<Vec<String>>> {
                    let mut st = c.prepare(sql)?;
                    let rows = st.query_map([], |r| (0..n).map(|i| r.get::<_, String>(i)).collect())?;
                    rows.collect()
                };
                let findings = records("SELECT source, key, record FROM findings", 3)?
                    .iter()
                    .map(|r| from_json(&r[2], "findings", &[("source", &r[0]), ("key", &r[1])]))
                    .collect::<Result<_, _>>()?;
                let deliveries = records("SELECT source, key, sink, record FROM deliveries", 4)?
                    .iter()
                    .map(|r| from_json(&r[3], "deliveries", &[("source", &r[0]), ("key", &r[1]), ("sink", &r[2])]))
                    .collect::<Result<_, _>>()?;
                let silences = records("SELECT id, record FROM silences", 2)?
                    .iter()
                    .map(|r| from_json(&r[1], "silences", &[("id", &r[0])]))
                    .collect::<Result<_, _>>()?;
                let mut st = c.prepare("SELECT name, at, data FROM snapshots")?;
                let snapshots = st
                    .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, Vec<u8>>(2)?)))?
                    .collect::<Result<Vec<_>, _>>()?;
                let mut st = c.prepare("SELECT namespace, key, at FROM marks")?;
                let marks = st
                    .query_map([], |r| Ok(MarkRecord { namespace: r.get(0)?, key: r.get(1)?, at: r.get(2)? }))?
                    .collect::<Result<Vec<_>, _>>()?;
                Ok((findings, deliveries, silences, snapshots, marks))
            })
            .and_then(|(findings, deliveries, silences, snapshots, marks)| {
                let snapshots = snapshots
                    .into_iter()
                    .map(|(name, at, data)| {
                        let at = super::decode_snapshot_at(&self.location(), &name, &at)?;
                        Ok(SnapshotRecord { name, at, data })
                    })
                    .collect::<StateResult<_>>()?;
                Ok(StateDump { findings, deliveries, silences, snapshots, marks })
            })?;
        d.sort();
        Ok(d)
    }

    async fn load(&self, d: &StateDump) -> StateResult<()> {
        self.with(|c| {
            let tx = c.transaction()?;
            {
                let mut st =
                    tx.prepare_cached("INSERT OR REPLACE INTO findings (source, key, record) VALUES (?1, ?2, ?3)")?;
                for r in &d.findings {
                    st.execute(params![r.finding.source, r.finding.key, to_json(r)?])?;
                }
                let mut st = tx.prepare_cached(
                    "INSERT OR REPLACE INTO deliveries (source, key, sink, record) VALUES (?1, ?2, ?3, ?4)",
                )?;
                for r in &d.deliveries {
                    st.execute(params![r.source, r.key, r.sink, to_json(r)?])?;
                }
                let mut st = tx.prepare_cached("INSERT OR REPLACE INTO silences (id, record) VALUES (?1, ?2)")?;
                for s in &d.silences {
                    st.execute(params![s.id, to_json(s)?])?;
                }
                let mut st =
                    tx.prepare_cached("INSERT OR REPLACE INTO snapshots (name, at, data) VALUES (?1, ?2, ?3)")?;
                for s in &d.snapshots {
                    st.execute(params![s.name, s.at.to_string(), s.data])?;
                }
                let mut st =
                    tx.prepare_cached("INSERT OR REPLACE INTO marks (namespace, key, at) VALUES (?1, ?2, ?3)")?;
                for m in &d.marks {
                    st.execute(params![m.namespace, m.key, m.at])?;
                }
            }
            tx.commit()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spine::finding::{Finding, Severity, Status, TransitionKind};

    fn holder(host: &str, pid: u32) -> LockHolder {
        LockHolder { host: host.into(), pid, command: "findings-push".into(), since: Timestamp::now() }
    }

    fn store() -> (tempfile::TempDir, SqliteStore) {
        let dir = tempfile::tempdir().unwrap();
        let s = SqliteStore::open(&dir.path().join("sub/state.db")).unwrap();
        (dir, s)
    }

    #[tokio::test]
    async fn a_held_lock_refuses_others_and_names_its_holder() {
        let (_d, s) = store();
        let ttl = jiff::SignedDuration::from_mins(15);
        let me = holder("host-a", std::process::id());
        s.acquire_lock("l", &me, ttl).await.unwrap();
        s.acquire_lock("l", &me, ttl).await.expect("the holder renews its own lease");
        let other = holder("host-b", 4242);
        match s.acquire_lock("l", &other, ttl).await {
            Err(StateError::Locked { holder, .. }) => assert_eq!(holder.host, "host-a"),
            other => panic!("expected Locked, got {other:?}"),
        }
        s.release_lock("l", &other).await.unwrap();
        assert!(s.acquire_lock("l", &other, ttl).await.is_err(), "only the holder releases");
        s.release_lock("l", &me).await.unwrap();
        s.acquire_lock("l", &other, ttl).await.unwrap();
    }

    #[tokio::test]
    async fn a_lapsed_lease_or_a_dead_holder_is_taken_over() {
        let (_d, s) = store();
        let gone = holder("host-a", 4_000_000_000 - 1);
        s.acquire_lock("lapsed", &holder("host-x", 1), jiff::SignedDuration::from_secs(-1)).await.unwrap();
        s.acquire_lock("lapsed", &holder("host-y", 2), jiff::SignedDuration::from_mins(5)).await.expect("lapsed");
        s.acquire_lock("dead", &gone, jiff::SignedDuration::from_mins(15)).await.unwrap();
        let me = holder("host-a", std::process::id());
        let r = s.acquire_lock("dead", &me, jiff::SignedDuration::from_mins(15)).await;
        if cfg!(target_os = "linux") {
            r.expect("a holder whose process is gone on this host is replaced");
        }
    }

    #[tokio::test]
    async fn records_round_trip_and_survive_reopening() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.db");
        let mut f = Finding::new("src", "k1", Severity::Critical, "t").field("a", "b");
        f.ensure_fingerprint();
        let now = Timestamp::now();
        {
            let s = SqliteStore::open(&path).unwrap();
            let rec = FindingRecord {
                finding: f.clone(),
                since: now,
                last_seen: now,
                streak: 2,
                last_transition: Some(TransitionKind::New),
                last_transition_at: Some(now),
            };
            s.put_findings(&[rec]).await.unwrap();
            let d = DeliveryRecord {
                source: "src".into(),
                key: "k1".into(),
                sink: "slack".into(),
                status: Status::Open,
                fingerprint: f.fingerprint.clone(),
                kind: TransitionKind::New,
                at: now,
                external_ref: Some("OPS-1".into()),
                told: Some(f.clone()),
            };
            s.put_delivery(&d).await.unwrap();
            s.put_snapshot("inv", now, b"data").await.unwrap();
        }
        let s = SqliteStore::open(&path).unwrap();
        let recs = s.findings("src").await.unwrap();
        assert_eq!(recs.len(), 1);
        assert_eq!(recs[0].finding, f);
        assert_eq!(recs[0].streak, 2);
        assert!(s.findings("other").await.unwrap().is_empty());
        assert_eq!(s.deliveries("src").await.unwrap()[0].external_ref.as_deref(), Some("OPS-1"));
        assert_eq!(s.snapshot("inv").await.unwrap().unwrap().1, b"data");
    }

    #[tokio::test]
    async fn marks_are_namespaced_survive_reopening_and_prune_by_age() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.db");
        let old: Timestamp = "2026-01-01T00:00:00Z".parse().unwrap();
        let new: Timestamp = "2026-11-01T00:00:00Z".parse().unwrap();
        let keys = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        {
            let s = SqliteStore::open(&path).unwrap();
            s.put_marks("mail", &keys(&["mid:a", "sha:1"]), old).await.unwrap();
            s.put_marks("mail", &keys(&["mid:b"]), new).await.unwrap();
            s.put_marks("other", &keys(&["mid:c"]), old).await.unwrap();
        }
        let s = SqliteStore::open(&path).unwrap();
        let asked = keys(&["mid:a", "mid:b", "mid:c", "sha:1"]);
        assert_eq!(s.marked("mail", &asked).await.unwrap(), keys(&["mid:a", "mid:b", "sha:1"]).into_iter().collect());
        assert_eq!(s.prune_marks("mail", "2026-06-01T00:00:00Z".parse().unwrap()).await.unwrap(), 2);
        assert_eq!(s.marked("mail", &asked).await.unwrap(), keys(&["mid:b"]).into_iter().collect());
        assert_eq!(
            s.marked("other", &asked).await.unwrap(),
            keys(&["mid:c"]).into_iter().collect(),
            "other namespaces stay"
        );
    }
}
