//! One behaviour suite for every state store: each check is written once over
//! `&dyn StateStore` and runs against SQLite (a temp file), memory, and DynamoDB on moto
//! server (one server per test), so the stores cannot drift apart. Then what only
//! DynamoDB has: chunked snapshots replaced cleanly, TTL on lock items, the missing-table
//! hint, and a sqlite → dynamodb → sqlite round trip of a dump.

use crate::common;

use common::moto::{self, MotoServer};
use jiff::{SignedDuration, Timestamp};
use opskit::aws::dynamodb::DynamoStore;
use opskit::spine::finding::{Finding, Severity, Status, TransitionKind};
use opskit::state::memory::MemoryStore;
use opskit::state::sqlite::SqliteStore;
use opskit::state::{
    DeliveryRecord, FindingRecord, LockHolder, MarkRecord, Silence, SilenceMatcher, StateDump, StateError, StateStore,
};
use std::collections::BTreeSet;
use std::sync::Arc;

const TABLE: &str = "opskit-state";

/// A store under test, and how to open a second handle on the same state (another
/// process, another host).
struct Fixture {
    open: Box<dyn Fn() -> Arc<dyn StateStore> + Send + Sync>,
    _dir: Option<tempfile::TempDir>,
    _moto: Option<MotoServer>,
}

impl Fixture {
    fn store(&self) -> Arc<dyn StateStore> {
        (self.open)()
    }
}

fn sqlite() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.db");
    Fixture { open: Box::new(move || Arc::new(SqliteStore::open(&path).unwrap())), _dir: Some(dir), _moto: None }
}

fn memory() -> Fixture {
    let first = MemoryStore::new();
    Fixture { open: Box::new(move || Arc::new(first.share())), _dir: None, _moto: None }
}

async fn dynamodb() -> Fixture {
    // Serial: the store's lock and lease checks race acquirers, see MotoServer::start_serial.
    let moto = MotoServer::start_serial();
    let config = moto::sdk_config(&moto.endpoint()).await;
    let outcome = DynamoStore::with_sdk_config(TABLE, &config).init_table().await.unwrap();
    assert!(outcome.created);
    Fixture {
        open: Box::new(move || Arc::new(DynamoStore::with_sdk_config(TABLE, &config))),
        _dir: None,
        _moto: Some(moto),
    }
}

/// Each check against each store: `behaviour!(name, check)` makes `name::sqlite`,
/// `name::memory` and `name::dynamodb`.
macro_rules! behaviour {
    ($name:ident, $check:path) => {
        mod $name {
            use super::*;

            #[tokio::test(flavor = "multi_thread")]
            async fn sqlite() {
                $check(&super::sqlite()).await;
            }

            #[tokio::test(flavor = "multi_thread")]
            async fn memory() {
                $check(&super::memory()).await;
            }

            #[tokio::test(flavor = "multi_thread")]
            async fn dynamodb() {
                $check(&super::dynamodb().await).await;
            }
        }
    };
}

behaviour!(findings_are_upserted_kept_and_kept_apart_by_source, check_findings);
behaviour!(deliveries_are_one_per_key_and_sink, check_deliveries);
behaviour!(silences_are_added_listed_removed_and_ids_are_unique, check_silences);
behaviour!(snapshots_round_trip_at_any_size_and_are_replaced_whole, check_snapshots);
behaviour!(marks_are_namespaced_and_pruned_by_age, check_marks);
behaviour!(a_held_lock_refuses_others_renews_and_is_released_only_by_its_holder, check_lock_basics);
behaviour!(a_lapsed_lease_or_a_dead_holder_is_taken_over, check_lock_takeover);
behaviour!(of_racing_acquirers_exactly_one_wins, check_lock_race);
behaviour!(a_holder_whose_lease_was_taken_over_cannot_record, check_fencing);
behaviour!(a_dump_loads_into_an_empty_store_unchanged, check_dump_load);
behaviour!(forgotten_findings_go_with_their_deliveries_and_nothing_else, check_forget);

fn finding(source: &str, key: &str, title: &str) -> Finding {
    let mut f = Finding::new(source, key, Severity::Warning, title).field("used", "91%");
    f.ensure_fingerprint();
    f
}

fn record(f: Finding, streak: u32) -> FindingRecord {
    let now: Timestamp = "2026-03-01T00:00:00Z".parse().unwrap();
    FindingRecord {
        finding: f,
        since: now,
        last_seen: now,
        streak,
        last_transition: Some(TransitionKind::New),
        last_transition_at: Some(now),
    }
}

fn delivery(source: &str, key: &str, sink: &str, status: Status) -> DeliveryRecord {
    DeliveryRecord {
        source: source.into(),
        key: key.into(),
        sink: sink.into(),
        status,
        fingerprint: "fp".into(),
        kind: if status == Status::Open { TransitionKind::New } else { TransitionKind::Resolved },
        at: "2026-03-01T00:00:00Z".parse().unwrap(),
        external_ref: Some(format!("{sink}-{key}")),
        // What the sink was told travels with the record in every store.
        told: Some(Finding::new(source, key, Severity::Warning, format!("{key} as told to {sink}"))),
    }
}

fn silence(id: &str, created: &str) -> Silence {
    Silence {
        id: id.into(),
        matcher: SilenceMatcher { source: Some("dx-vif".into()), ..Default::default() },
        starts: "2026-03-01T00:00:00Z".parse().unwrap(),
        until: "2026-03-02T00:00:00Z".parse().unwrap(),
        reason: "planned work".into(),
        created_by: "tester".into(),
        created_at: created.parse().unwrap(),
    }
}

fn holder(host: &str, pid: u32) -> LockHolder {
    LockHolder { host: host.into(), pid, command: "findings-push".into(), since: Timestamp::now() }
}

/// Bytes that do not compress (a real inventory compresses; a test must not rely on it).
fn noise(len: usize, seed: u64) -> Vec<u8> {
    let mut x = seed | 1;
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x as u8
        })
        .collect()
}

fn strings(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

const TTL: SignedDuration = SignedDuration::from_mins(15);

async fn check_findings(fx: &Fixture) {
    let s = fx.store();
    assert!(s.findings("src").await.unwrap().is_empty());
    // Keys a key-value store could trip on: a `#` start, a separator, one too long for a sort key.
    let long = format!("dx-vif/{}", "x".repeat(1500));
    let keys = ["k2", "#k1", "a/b#c", long.as_str()];
    let recs: Vec<FindingRecord> = keys.iter().map(|k| record(finding("src", k, "t"), 1)).collect();
    s.put_findings(&recs).await.unwrap();
    s.put_findings(&[record(finding("other", "k2", "elsewhere"), 1)]).await.unwrap();
    s.put_findings(&[]).await.unwrap();

    let got = s.findings("src").await.unwrap();
    let mut want: Vec<&str> = keys.to_vec();
    want.sort();
    assert_eq!(got.iter().map(|r| r.finding.key.as_str()).collect::<Vec<_>>(), want, "sorted by key");
    assert_eq!(got.iter().find(|r| r.finding.key == long).unwrap(), &recs[3], "a long key round-trips whole");

    // An upsert of one record keeps the others; the same key twice in one call keeps the last.
    let mut changed = record(finding("src", "k2", "changed"), 2);
    changed.last_transition = Some(TransitionKind::Changed);
    s.put_findings(&[record(finding("src", "k2", "first"), 5), changed.clone()]).await.unwrap();
    let got = s.findings("src").await.unwrap();
    assert_eq!(got.len(), 4);
    assert_eq!(got.iter().find(|r| r.finding.key == "k2").unwrap(), &changed);
    let other = s.findings("other").await.unwrap();
    assert_eq!(other.len(), 1);
    assert_eq!(other[0].finding.title, "elsewhere", "sources are kept apart");

    // Many at once: DynamoDB writes them in batches of 25, several in flight.
    let many: Vec<FindingRecord> = (0..1200).map(|i| record(finding("bulk", &format!("k{i:05}"), "t"), 1)).collect();
    s.put_findings(&many).await.unwrap();
    let got = s.findings("bulk").await.unwrap();
    assert_eq!(got.len(), 1200);
    assert_eq!(got, many, "every record, in key order");
    // A second handle (another process) reads what the first wrote.
    assert_eq!(fx.store().findings("bulk").await.unwrap().len(), 1200);
}

async fn check_deliveries(fx: &Fixture) {
    let s = fx.store();
    s.put_delivery(&delivery("src", "k2", "slack", Status::Open)).await.unwrap();
    s.put_delivery(&delivery("src", "k1", "slack", Status::Open)).await.unwrap();
    s.put_delivery(&delivery("src", "k1", "pagerduty", Status::Open)).await.unwrap();
    // Key and sink never run together: ("k1", "x") and ("k1x", "") are different records.
    s.put_delivery(&delivery("src", "k1\",\"x", "slack", Status::Open)).await.unwrap();
    s.put_delivery(&delivery("other", "k1", "slack", Status::Open)).await.unwrap();
    let resolved = delivery("src", "k1", "slack", Status::Resolved);
    s.put_delivery(&resolved).await.unwrap();

    let got = s.deliveries("src").await.unwrap();
    let ids: Vec<(&str, &str)> = got.iter().map(|d| (d.key.as_str(), d.sink.as_str())).collect();
    assert_eq!(ids, vec![("k1", "pagerduty"), ("k1", "slack"), ("k1\",\"x", "slack"), ("k2", "slack")]);
    assert_eq!(got[1], resolved, "the last record of a (key, sink) wins");
    assert_eq!(s.deliveries("other").await.unwrap().len(), 1);
    assert!(s.deliveries("none").await.unwrap().is_empty());
}

async fn check_forget(fx: &Fixture) {
    let s = fx.store();
    let recs: Vec<FindingRecord> = ["k1", "k2", "k3"].iter().map(|k| record(finding("src", k, "t"), 1)).collect();
    s.put_findings(&recs).await.unwrap();
    s.put_findings(&[record(finding("other", "k1", "t"), 1)]).await.unwrap();
    for (k, sink) in [("k1", "slack"), ("k1", "pagerduty"), ("k2", "slack"), ("k3", "slack")] {
        s.put_delivery(&delivery("src", k, sink, Status::Resolved)).await.unwrap();
    }
    s.put_delivery(&delivery("other", "k1", "slack", Status::Resolved)).await.unwrap();
    let told =
        vec![("k1".to_string(), "slack".to_string()), ("k1".into(), "pagerduty".into()), ("k2".into(), "slack".into())];
    s.forget_findings("src", &strings(&["k1", "k2"]), &told).await.unwrap();
    let keys: Vec<String> = s.findings("src").await.unwrap().into_iter().map(|r| r.finding.key).collect();
    assert_eq!(keys, strings(&["k3"]));
    let left: Vec<(String, String)> = s.deliveries("src").await.unwrap().into_iter().map(|d| (d.key, d.sink)).collect();
    assert_eq!(left, vec![("k3".to_string(), "slack".to_string())]);
    assert_eq!(s.findings("other").await.unwrap().len(), 1, "another source's k1 stays");
    assert_eq!(s.deliveries("other").await.unwrap().len(), 1);
    s.forget_findings("src", &strings(&["k1", "gone"]), &[]).await.expect("forgetting twice is fine");
    s.forget_findings("src", &[], &[]).await.expect("and nothing at all");
}

async fn check_silences(fx: &Fixture) {
    let s = fx.store();
    assert!(s.silences().await.unwrap().is_empty());
    let later = silence("b-later", "2026-03-01T02:00:00Z");
    let earlier = silence("z-earlier", "2026-03-01T01:00:00Z");
    s.add_silence(&later).await.unwrap();
    s.add_silence(&earlier).await.unwrap();
    assert_eq!(s.silences().await.unwrap(), vec![earlier.clone(), later.clone()], "oldest first");

    let mut dup = silence("b-later", "2026-03-01T03:00:00Z");
    dup.reason = "another".into();
    match s.add_silence(&dup).await {
        Err(e @ StateError::Backend { .. }) => {
            assert!(e.to_string().contains("a silence with id `b-later` exists already"), "{e}")
        }
        other => panic!("a duplicate id must be refused, got {other:?}"),
    }
    assert_eq!(s.silences().await.unwrap()[1], later, "the first silence with the id stays");

    assert!(s.remove_silence("b-later").await.unwrap());
    assert!(!s.remove_silence("b-later").await.unwrap(), "removing twice finds nothing");
    assert!(!s.remove_silence("never").await.unwrap());
    assert_eq!(s.silences().await.unwrap(), vec![earlier]);
}

async fn check_snapshots(fx: &Fixture) {
    let s = fx.store();
    assert_eq!(s.snapshot("inventory/acme").await.unwrap(), None);
    let t1: Timestamp = "2026-03-01T00:00:00.123456789Z".parse().unwrap();
    let t2: Timestamp = "2026-03-02T00:00:00Z".parse().unwrap();
    let t3: Timestamp = "2026-03-03T00:00:00Z".parse().unwrap();

    s.put_snapshot("inventory/acme", t1, b"small").await.unwrap();
    s.put_snapshot("wiki/OPS", t1, b"other").await.unwrap();
    assert_eq!(s.snapshot("inventory/acme").await.unwrap(), Some((t1, b"small".to_vec())));

    // 2 MB: more than a DynamoDB item holds, so chunked there.
    let big = noise(2 * 1024 * 1024 + 17, 7);
    s.put_snapshot("inventory/acme", t2, &big).await.unwrap();
    assert_eq!(s.snapshot("inventory/acme").await.unwrap(), Some((t2, big.clone())));
    assert_eq!(fx.store().snapshot("inventory/acme").await.unwrap(), Some((t2, big)), "another handle reads it");

    let smaller = noise(700_000, 9);
    s.put_snapshot("inventory/acme", t3, &smaller).await.unwrap();
    assert_eq!(s.snapshot("inventory/acme").await.unwrap(), Some((t3, smaller)), "replaced whole by a smaller one");
    s.put_snapshot("inventory/acme", t3, b"").await.unwrap();
    assert_eq!(s.snapshot("inventory/acme").await.unwrap(), Some((t3, Vec::new())), "an empty snapshot is one");
    assert_eq!(s.snapshot("wiki/OPS").await.unwrap(), Some((t1, b"other".to_vec())), "names are kept apart");
}

async fn check_marks(fx: &Fixture) {
    let s = fx.store();
    let old: Timestamp = "2026-01-01T00:00:00Z".parse().unwrap();
    let new: Timestamp = "2026-11-01T00:00:00Z".parse().unwrap();
    assert!(s.marked("mail", &strings(&["mid:a"])).await.unwrap().is_empty());
    s.put_marks("mail", &strings(&["mid:a", "sha:1"]), old).await.unwrap();
    s.put_marks("mail", &strings(&["mid:b"]), new).await.unwrap();
    s.put_marks("other", &strings(&["mid:c"]), old).await.unwrap();
    s.put_marks("mail", &[], new).await.unwrap();
    let asked = strings(&["mid:a", "mid:b", "mid:c", "sha:1", "mid:a"]);
    let set = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<BTreeSet<_>>();
    assert_eq!(s.marked("mail", &asked).await.unwrap(), set(&["mid:a", "mid:b", "sha:1"]));

    // More keys than one BatchGetItem takes (100), most of them absent.
    let many: Vec<String> = (0..260).map(|i| format!("mid:{i}")).collect();
    s.put_marks("bulk", &many[..130], old).await.unwrap();
    assert_eq!(s.marked("bulk", &many).await.unwrap(), many[..130].iter().cloned().collect());

    // Marking again moves the time on, so pruning keeps it.
    s.put_marks("mail", &strings(&["sha:1"]), new).await.unwrap();
    assert_eq!(s.prune_marks("mail", "2026-06-01T00:00:00Z".parse().unwrap()).await.unwrap(), 1);
    assert_eq!(s.marked("mail", &asked).await.unwrap(), set(&["mid:b", "sha:1"]));
    assert_eq!(s.marked("other", &asked).await.unwrap(), set(&["mid:c"]), "other namespaces stay");
    assert_eq!(s.prune_marks("bulk", new).await.unwrap(), 130);
    assert!(s.marked("bulk", &many).await.unwrap().is_empty());
}

async fn check_lock_basics(fx: &Fixture) {
    let (a, b) = (fx.store(), fx.store());
    let me = holder("host-a", 1001);
    let other = holder("host-b", 2002);
    a.acquire_lock("run", &me, TTL).await.unwrap();
    a.acquire_lock("run", &me, TTL).await.expect("the holder renews its own lease");
    match b.acquire_lock("run", &other, TTL).await {
        Err(StateError::Locked { name, holder }) => {
            assert_eq!(name, "run");
            assert_eq!((holder.host.as_str(), holder.pid), ("host-a", 1001), "the error names the holder");
        }
        other => panic!("expected Locked, got {other:?}"),
    }
    b.acquire_lock("another-run", &other, TTL).await.expect("locks are per name");
    b.release_lock("run", &other).await.unwrap();
    assert!(b.acquire_lock("run", &other, TTL).await.is_err(), "only the holder releases");
    a.release_lock("run", &me).await.unwrap();
    a.release_lock("run", &me).await.expect("releasing a free lock is fine");
    b.acquire_lock("run", &other, TTL).await.expect("free after its holder released it");
}

async fn check_lock_takeover(fx: &Fixture) {
    let (a, b) = (fx.store(), fx.store());
    // A lease that lapsed is taken over by another host.
    a.acquire_lock("lapsed", &holder("host-x", 1), SignedDuration::from_secs(-1)).await.unwrap();
    b.acquire_lock("lapsed", &holder("host-y", 2), TTL).await.expect("a lapsed lease is taken over");
    assert!(a.acquire_lock("lapsed", &holder("host-x", 1), TTL).await.is_err(), "and then it is held");
    // A renewed lease is not lapsed.
    a.acquire_lock("renewed", &holder("host-x", 1), SignedDuration::from_secs(-1)).await.unwrap();
    a.acquire_lock("renewed", &holder("host-x", 1), TTL).await.unwrap();
    assert!(b.acquire_lock("renewed", &holder("host-y", 2), TTL).await.is_err(), "renewal extends the lease");
    // A holder on this host whose process is gone is replaced at once.
    let here = opskit::state::hostname();
    a.acquire_lock("dead", &holder(&here, 4_000_000_000 - 1), TTL).await.unwrap();
    let r = b.acquire_lock("dead", &holder(&here, std::process::id()), TTL).await;
    if cfg!(target_os = "linux") {
        r.expect("a holder whose process is gone on this host is replaced");
    }
}

async fn check_lock_race(fx: &Fixture) {
    for round in 0..5 {
        let name = format!("race-{round}");
        let tasks: Vec<_> = (0..8u32)
            .map(|i| {
                let (s, name) = (fx.store(), name.clone());
                tokio::spawn(async move {
                    let me = holder(&format!("host-{i}"), 100 + i);
                    (me.clone(), s.acquire_lock(&name, &me, TTL).await)
                })
            })
            .collect();
        let mut winners = Vec::new();
        let mut named = BTreeSet::new();
        for t in tasks {
            match t.await.unwrap() {
                (me, Ok(())) => winners.push(me),
                (_, Err(StateError::Locked { holder, .. })) => {
                    named.insert((holder.host, holder.pid));
                }
                (_, Err(e)) => panic!("round {round}: {e}"),
            }
        }
        assert_eq!(winners.len(), 1, "round {round}: exactly one of 8 racing acquirers wins");
        let w = &winners[0];
        assert_eq!(named, BTreeSet::from([(w.host.clone(), w.pid)]), "round {round}: every loser names the winner");
    }
}

async fn check_fencing(fx: &Fixture) {
    let (a, b) = (fx.store(), fx.store());
    let old = holder("host-a", 1001);
    let new = holder("host-b", 2002);
    a.acquire_lock("run", &old, TTL).await.unwrap();
    a.put_delivery(&delivery("src", "k1", "slack", Status::Open)).await.expect("the holder records");
    a.put_findings(&[record(finding("src", "k1", "t"), 1)]).await.expect("the holder records");
    // The lease lapses (the host was suspended, say) and another host takes over.
    a.acquire_lock("run", &old, SignedDuration::from_secs(-1)).await.unwrap();
    b.acquire_lock("run", &new, TTL).await.expect("a lapsed lease is taken over");

    let late = delivery("src", "k2", "slack", Status::Open);
    match a.put_delivery(&late).await {
        Err(e @ StateError::Backend { .. }) => {
            let msg = e.to_string();
            assert!(msg.contains("lost the run lock `run` to pid 2002 on host-b"), "{msg}");
        }
        other => panic!("the old holder must not record a delivery, got {other:?}"),
    }
    let err = a.put_findings(&[record(finding("src", "k2", "t"), 1)]).await.unwrap_err();
    assert!(err.to_string().contains("lost the run lock `run`"), "{err}");
    let err = a.forget_findings("src", &strings(&["k1"]), &[]).await.unwrap_err();
    assert!(err.to_string().contains("lost the run lock `run`"), "forgetting is fenced too: {err}");
    assert_eq!(b.deliveries("src").await.unwrap().len(), 1, "nothing of the old holder's late writes landed");
    assert_eq!(b.findings("src").await.unwrap().len(), 1);

    b.put_delivery(&late).await.expect("the new holder records");
    b.release_lock("run", &new).await.unwrap();
    let err = a.put_delivery(&late).await.unwrap_err();
    assert!(err.to_string().contains("lost the run lock `run`: nobody holds it"), "{err}");
    // A store that holds no lock writes unfenced; one that gave its lock back does too.
    fx.store().put_delivery(&late).await.unwrap();
    a.release_lock("run", &old).await.unwrap();
    a.put_delivery(&late).await.expect("released: no longer fenced");
}

/// A state with one of everything (and a lock, which a dump leaves out).
async fn fill(s: &dyn StateStore) -> StateDump {
    let at: Timestamp = "2026-03-01T00:00:00.5Z".parse().unwrap();
    let findings: Vec<FindingRecord> =
        (0..60).map(|i| record(finding(if i % 2 == 0 { "a" } else { "b" }, &format!("k{i}"), "t"), i)).collect();
    s.put_findings(&findings).await.unwrap();
    for i in 0..30 {
        s.put_delivery(&delivery("a", &format!("k{}", i * 2), "slack", Status::Open)).await.unwrap();
    }
    s.add_silence(&silence("s1", "2026-03-01T00:00:00Z")).await.unwrap();
    s.add_silence(&silence("s2", "2026-03-01T00:00:01Z")).await.unwrap();
    s.put_snapshot("inventory/acme", at, &noise(2 * 1024 * 1024, 3)).await.unwrap();
    s.put_snapshot("wiki/OPS", at, b"manifest").await.unwrap();
    s.put_marks("mail", &strings(&["mid:a", "sha:1"]), at).await.unwrap();
    s.acquire_lock("run", &holder("host-a", 1), TTL).await.unwrap();
    s.release_lock("run", &holder("host-a", 1)).await.unwrap();
    s.acquire_lock("held", &holder("host-a", 1), TTL).await.unwrap();
    s.dump().await.unwrap()
}

async fn check_dump_load(fx: &Fixture) {
    let d = fill(fx.store().as_ref()).await;
    let c = d.counts();
    assert_eq!((c.findings, c.deliveries, c.silences, c.snapshots, c.marks), (60, 30, 2, 2, 2));
    assert_eq!(
        d.marks[0],
        MarkRecord { namespace: "mail".into(), key: "mid:a".into(), at: 1772323200 },
        "mark times are seconds"
    );
    assert_eq!(d.snapshots[0].name, "inventory/acme");
    let fresh = MemoryStore::new();
    assert!(fresh.dump().await.unwrap().is_empty());
    fresh.load(&d).await.unwrap();
    assert_eq!(fresh.dump().await.unwrap(), d);
    // Loading into the store it came from changes nothing.
    fx.store().load(&d).await.unwrap();
    assert_eq!(fx.store().dump().await.unwrap(), d);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_dump_round_trips_sqlite_to_dynamodb_to_sqlite() {
    let (from, via, to) = (sqlite(), dynamodb().await, sqlite());
    let d = fill(from.store().as_ref()).await;
    via.store().load(&d).await.unwrap();
    let through = via.store().dump().await.unwrap();
    assert_eq!(through, d, "DynamoDB holds what SQLite held");
    to.store().load(&through).await.unwrap();
    assert_eq!(to.store().dump().await.unwrap(), d, "and gives it back whole");
    // The lock stayed behind.
    to.store().acquire_lock("held", &holder("host-b", 2), TTL).await.expect("locks are not migrated");
}

// What only the DynamoDB store has.

async fn scan(moto: &MotoServer) -> Vec<std::collections::HashMap<String, aws_sdk_dynamodb::types::AttributeValue>> {
    let client = aws_sdk_dynamodb::Client::new(&moto::sdk_config(&moto.endpoint()).await);
    let mut out = Vec::new();
    let mut start = None;
    loop {
        let page = client.scan().table_name(TABLE).set_exclusive_start_key(start).send().await.unwrap();
        out.extend(page.items.unwrap_or_default());
        start = page.last_evaluated_key;
        if start.is_none() {
            return out;
        }
    }
}

fn pk(item: &std::collections::HashMap<String, aws_sdk_dynamodb::types::AttributeValue>) -> String {
    item["pk"].as_s().unwrap().clone()
}

/// A record whose JSON does not parse is named by its kind and item key, in the words the
/// SQLite store uses for its table and key.
#[tokio::test(flavor = "multi_thread")]
async fn dynamodb_names_a_corrupt_record_by_kind_and_key() {
    let fx = dynamodb().await;
    let moto = fx._moto.as_ref().unwrap();
    let s = fx.store();
    s.put_findings(&[record(finding("s", "vif/dxvif-1", "BGP down"), 1)]).await.unwrap();
    let item = scan(moto).await.into_iter().find(|i| pk(i).starts_with("finding#s#")).expect("the finding's item");
    let mut bad = item.clone();
    bad.insert("record".into(), aws_sdk_dynamodb::types::AttributeValue::S("{\"finding\": tru".into()));
    let client = aws_sdk_dynamodb::Client::new(&moto::sdk_config(&moto.endpoint()).await);
    client.put_item().table_name(TABLE).set_item(Some(bad)).send().await.unwrap();
    let err = s.findings("s").await.unwrap_err().to_string();
    let want = format!("corrupt record in findings (pk `{}`, sk `vif/dxvif-1`)", pk(&item));
    assert!(err.contains(&want), "{err}");
    assert!(err.contains("hint: delete that record"), "{err}");
}

#[tokio::test(flavor = "multi_thread")]
async fn dynamodb_keeps_big_snapshots_in_chunks_and_deletes_a_generation_one_write_after_it_was_replaced() {
    let fx = dynamodb().await;
    let moto = fx._moto.as_ref().unwrap();
    let s = fx.store();
    let at = Timestamp::now();
    let chunks = |items: Vec<std::collections::HashMap<String, _>>| {
        items
            .iter()
            .filter(|i| pk(i) == "snapshot#inv")
            .map(|i| i["sk"].as_s().unwrap().clone())
            .collect::<BTreeSet<_>>()
    };
    s.put_snapshot("inv", at, &noise(2 * 1024 * 1024, 1)).await.unwrap();
    let first = chunks(scan(moto).await);
    assert_eq!(first.len(), 6, "2 MiB in 350 kB chunks, and no pending marker left: {first:?}");
    s.put_snapshot("inv", at, &noise(1024 * 1024, 2)).await.unwrap();
    let both = chunks(scan(moto).await);
    assert_eq!(both.len(), 9, "the replaced generation stays for readers that still hold its head: {both:?}");
    assert!(first.is_subset(&both));
    s.put_snapshot("inv", at, b"tiny").await.unwrap();
    let after = chunks(scan(moto).await);
    assert_eq!(after, &both - &first, "the generation before the replaced one is gone");
    s.put_snapshot("inv", at, b"tinier").await.unwrap();
    assert!(chunks(scan(moto).await).is_empty(), "small snapshots live in their head item; nothing is left over");
    assert_eq!(s.snapshot("inv").await.unwrap(), Some((at, b"tinier".to_vec())));
}

#[tokio::test(flavor = "multi_thread")]
async fn dynamodb_readers_never_see_half_a_snapshot_while_it_is_replaced() {
    let fx = dynamodb().await;
    let (w, r) = (fx.store(), fx.store());
    let versions = [noise(1_500_000, 11), noise(1_100_000, 12)];
    w.put_snapshot("inv", Timestamp::now(), &versions[0]).await.unwrap();
    let writer = {
        let versions = versions.clone();
        tokio::spawn(async move {
            for i in 0..6 {
                w.put_snapshot("inv", Timestamp::now(), &versions[i % 2]).await.unwrap();
            }
        })
    };
    let mut reads = 0;
    while !writer.is_finished() {
        let (_, data) = r.snapshot("inv").await.unwrap().unwrap();
        assert!(data == versions[0] || data == versions[1], "read {} bytes of neither version", data.len());
        reads += 1;
    }
    writer.await.unwrap();
    assert!(reads > 0);
}

#[tokio::test(flavor = "multi_thread")]
async fn dynamodb_lock_items_expire_by_ttl_a_day_after_their_lease() {
    let fx = dynamodb().await;
    let s = fx.store();
    let before = Timestamp::now().as_second();
    s.acquire_lock("run", &holder("host-a", 1), TTL).await.unwrap();
    let item = scan(fx._moto.as_ref().unwrap()).await.into_iter().find(|i| pk(i) == "lock").unwrap();
    let num = |k: &str| item[k].as_n().unwrap().parse::<i64>().unwrap();
    assert!((before + 900..=before + 902).contains(&num("expires")), "the lease: 15 minutes");
    assert_eq!(num("expires_at"), num("expires") + 24 * 3600, "TTL cleans up a crashed host's lock a day later");
    assert_eq!(item["host"].as_s().unwrap(), "host-a");
}

#[tokio::test(flavor = "multi_thread")]
async fn dynamodb_a_missing_table_says_how_to_create_it() {
    let moto = MotoServer::start();
    let config = moto::sdk_config(&moto.endpoint()).await;
    let s = DynamoStore::with_sdk_config("no-such-table", &config);
    let e = s.findings("src").await.unwrap_err().to_string();
    assert!(e.contains("dynamodb://no-such-table (us-east-1)"), "names table and region: {e}");
    assert!(e.contains("table `no-such-table` does not exist in us-east-1"), "{e}");
    assert!(
        e.contains("hint: create it with `opskit state init --state dynamodb://no-such-table?region=us-east-1`"),
        "{e}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn dynamodb_init_accepts_its_own_table_and_refuses_another_key_schema() {
    let fx = dynamodb().await;
    let moto = fx._moto.as_ref().unwrap();
    let config = moto::sdk_config(&moto.endpoint()).await;
    let again = DynamoStore::with_sdk_config(TABLE, &config).init_table().await.unwrap();
    assert!(!again.created && !again.ttl_enabled_now, "{again:?}");

    let client = aws_sdk_dynamodb::Client::new(&config);
    use aws_sdk_dynamodb::types::{AttributeDefinition, BillingMode, KeySchemaElement, KeyType, ScalarAttributeType};
    client
        .create_table()
        .table_name("someone-elses")
        .billing_mode(BillingMode::PayPerRequest)
        .attribute_definitions(
            AttributeDefinition::builder().attribute_name("id").attribute_type(ScalarAttributeType::S).build().unwrap(),
        )
        .key_schema(KeySchemaElement::builder().attribute_name("id").key_type(KeyType::Hash).build().unwrap())
        .send()
        .await
        .unwrap();
    let e = DynamoStore::with_sdk_config("someone-elses", &config).init_table().await.unwrap_err().to_string();
    assert!(e.contains("exists with another key schema (id (S, HASH))"), "{e}");
}
