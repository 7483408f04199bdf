//! Several hosts, one state store: the run lock as a lease. Two processes started together
//! on the same findings must tell every transition exactly once; a process killed with
//! SIGKILL while holding the lease must be taken over, after the lease lapses, by a run on
//! another host, which delivers what the dead one left owed.
//!
//! Each scenario runs on SQLite (a file two processes share) and on DynamoDB (moto server),
//! the store several hosts really share. "Hosts" are told apart by `OPSKIT_HOSTNAME`: a
//! holder on another host cannot be checked for liveness, only its lease can lapse.

use crate::common;

use common::cli::*;
use common::moto::MotoServer;
use opskit_sandbox as sandbox;
use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::process::Stdio;
use std::time::{Duration, Instant};

/// Where the state lives for one scenario; a DynamoDB one keeps its moto server alive.
struct Store {
    url: String,
    moto: Option<MotoServer>,
}

impl Store {
    fn sqlite(b: &Bench) -> Store {
        Store { url: format!("sqlite:{}", b.path("shared.db").display()), moto: None }
    }

    fn dynamodb(b: &Bench) -> Store {
        let moto = MotoServer::start_serial();
        let url = "dynamodb://opskit-state?region=us-east-1".to_string();
        let mut init = b.opskit_process();
        moto_env(&mut init, &moto);
        let out = init.args(["state", "init", "--state", &url]).output().unwrap();
        assert!(out.status.success(), "state init: {}", String::from_utf8_lossy(&out.stderr));
        Store { url, moto: Some(moto) }
    }

    fn env(&self, c: &mut std::process::Command) {
        c.env("OPSKIT_STATE", &self.url);
        if let Some(m) = &self.moto {
            moto_env(c, m);
        }
    }
}

fn moto_env(c: &mut std::process::Command, m: &MotoServer) {
    c.env("AWS_ENDPOINT_URL_DYNAMODB", m.endpoint())
        .env("AWS_ACCESS_KEY_ID", "testing")
        .env("AWS_SECRET_ACCESS_KEY", "testing")
        .env("AWS_REGION", "us-east-1");
}

/// Config: the sandbox's webhook as the only sink (its JSON names key and kind), a short
/// lease so a crashed holder's lapses within the test.
fn config(b: &Bench, webhook_url: &str, lease: &str) {
    b.write_config(&format!(
        "[defaults]\ntimezone = \"UTC\"\nretry_backoff = \"20ms\"\ndelivery_attempts = 2\nlease = \"{lease}\"\n\n\
         [sinks.hook]\ntype = \"webhook\"\nurl = \"{webhook_url}\"\n\n[[routes]]\nsinks = [\"hook\"]\n"
    ));
}

fn findings_json(keys: &[String]) -> String {
    let items: Vec<serde_json::Value> = keys
        .iter()
        .map(|k| serde_json::json!({"key": k, "severity": "critical", "title": format!("finding {k}"), "account": "111122223333"}))
        .collect();
    serde_json::Value::Array(items).to_string()
}

/// `opskit findings push --source race` as host `host`, findings on stdin.
fn push_process(b: &Bench, store: &Store, host: &str, extra: &[&str]) -> std::process::Command {
    let mut c = b.opskit_process();
    store.env(&mut c);
    c.env("OPSKIT_HOSTNAME", host)
        .args(["findings", "push", "--source", "race", "-o", "json"])
        .args(extra)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    c
}

fn spawn_with_stdin(mut c: std::process::Command, stdin: &str) -> std::process::Child {
    let mut child = c.spawn().expect("spawning opskit");
    child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
    child
}

/// Every (key, kind) the webhook accepted (status 200), with how many times.
fn accepted(b: &Bench) -> BTreeMap<(String, String), usize> {
    let mut out = BTreeMap::new();
    for r in b.sandbox.requests_to(sandbox::WEBHOOK_PATH) {
        if r.status == 200 {
            let j = r.json();
            let key = (j["finding"]["key"].as_str().unwrap().to_string(), j["kind"].as_str().unwrap().to_string());
            *out.entry(key).or_default() += 1;
        }
    }
    out
}

fn two_hosts_race_and_every_transition_is_told_once(b: &Bench, store: &Store, rounds: usize) {
    config(b, &b.sandbox.url(sandbox::WEBHOOK_PATH), "30s");
    for i in 0..rounds {
        // Round i: finding i opens, finding i-1 is gone (resolved).
        let stdin = findings_json(&[format!("k{i:02}")]);
        let started = Instant::now();
        let children: Vec<_> = ["host-a", "host-b"]
            .iter()
            .map(|h| spawn_with_stdin(push_process(b, store, h, &["--wait-lock", "60s"]), &stdin))
            .collect();
        for c in children {
            let out = c.wait_with_output().unwrap();
            assert!(
                out.status.success(),
                "round {i}: {:?} after {:?}\n{}",
                out.status,
                started.elapsed(),
                String::from_utf8_lossy(&out.stderr)
            );
        }
    }
    let told = accepted(b);
    for i in 0..rounds {
        let key = format!("k{i:02}");
        assert_eq!(told.get(&(key.clone(), "new".into())), Some(&1), "{key} opened: {told:?}");
        if i + 1 < rounds {
            assert_eq!(told.get(&(key.clone(), "resolved".into())), Some(&1), "{key} resolved: {told:?}");
        }
    }
    assert_eq!(told.values().sum::<usize>(), 2 * rounds - 1, "nothing else was told: {told:?}");
}

/// A sink that takes the connection and never answers: the run that sends to it is stuck
/// in the middle of delivering, holding the lease, until it is killed.
struct Blackhole {
    listener: std::net::TcpListener,
}

impl Blackhole {
    fn new() -> Blackhole {
        Blackhole { listener: std::net::TcpListener::bind("127.0.0.1:0").unwrap() }
    }

    fn url(&self) -> String {
        format!("http://{}/hook", self.listener.local_addr().unwrap())
    }

    /// Wait for a request to arrive and keep its connection open (returned).
    fn await_request(&self, within: Duration) -> std::net::TcpStream {
        self.listener.set_nonblocking(true).unwrap();
        let deadline = Instant::now() + within;
        loop {
            match self.listener.accept() {
                Ok((mut s, _)) => {
                    s.set_nonblocking(false).unwrap();
                    s.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
                    let mut buf = [0u8; 4096];
                    let n = s.read(&mut buf).unwrap_or(0);
                    assert!(String::from_utf8_lossy(&buf[..n]).starts_with("POST /hook"), "a delivery arrived");
                    return s;
                }
                Err(e) if e.kind() == std::io::ErrorKind::WouldBlock && Instant::now() < deadline => {
                    std::thread::sleep(Duration::from_millis(20));
                }
                Err(e) => panic!("no delivery reached the blackhole sink: {e}"),
            }
        }
    }
}

fn a_killed_holder_is_taken_over_after_its_lease_and_what_it_owed_is_delivered(b: &Bench, store: &Store) {
    let lease = Duration::from_secs(4);
    let hole = Blackhole::new();
    config(b, &hole.url(), "4s");
    let stdin = findings_json(&["k1".into(), "k2".into()]);

    // Host A takes the lease, starts delivering, and hangs in the sink; then it is killed.
    let mut a = spawn_with_stdin(push_process(b, store, "host-a", &[]), &stdin);
    let _held = hole.await_request(Duration::from_secs(60));
    a.kill().expect("SIGKILL");
    let killed_at = Instant::now();
    let out = a.wait_with_output().unwrap();
    assert!(!out.status.success(), "host A was killed");

    // Host B, same config (the same file, now pointing at the working sink): without
    // waiting it is refused, naming host A; with --wait-lock it takes over once the lease
    // lapsed, and delivers both findings.
    config(b, &b.sandbox.url(sandbox::WEBHOOK_PATH), "4s");
    let refused = spawn_with_stdin(push_process(b, store, "host-b", &[]), &stdin).wait_with_output().unwrap();
    assert_eq!(refused.status.code(), Some(4), "locked: {}", String::from_utf8_lossy(&refused.stderr));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("host-a"), "names the holder");
    let took_over = push_process(b, store, "host-b", &["--wait-lock", "60s"]);
    let out = spawn_with_stdin(took_over, &stdin).wait_with_output().unwrap();
    assert!(out.status.success(), "host B: {}", String::from_utf8_lossy(&out.stderr));
    let waited = killed_at.elapsed();
    // A renewed its lease every third of it, so up to a third may have run down already.
    assert!(waited >= lease * 2 / 3 - Duration::from_millis(300), "took over only after the lease lapsed ({waited:?})");
    let told = accepted(b);
    assert_eq!(told.get(&("k1".into(), "new".into())), Some(&1), "{told:?}");
    assert_eq!(told.get(&("k2".into(), "new".into())), Some(&1), "{told:?}");

    // And the state says both are told: a third run tells nothing.
    let again = push_process(b, store, "host-c", &[]);
    let out = spawn_with_stdin(again, &stdin).wait_with_output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(accepted(b).values().sum::<usize>(), 2);
}

#[test]
fn sqlite_two_processes_started_together_fifty_times_tell_each_transition_once() {
    let b = Bench::new();
    let store = Store::sqlite(&b);
    two_hosts_race_and_every_transition_is_told_once(&b, &store, 50);
}

#[test]
fn sqlite_a_sigkilled_lease_holder_is_taken_over_by_another_host() {
    let b = Bench::new();
    let store = Store::sqlite(&b);
    a_killed_holder_is_taken_over_after_its_lease_and_what_it_owed_is_delivered(&b, &store);
}

#[test]
fn dynamodb_two_processes_started_together_fifty_times_tell_each_transition_once() {
    let b = Bench::new();
    let store = Store::dynamodb(&b);
    two_hosts_race_and_every_transition_is_told_once(&b, &store, 50);
}

#[test]
fn dynamodb_a_sigkilled_lease_holder_is_taken_over_by_another_host() {
    let b = Bench::new();
    let store = Store::dynamodb(&b);
    a_killed_holder_is_taken_over_after_its_lease_and_what_it_owed_is_delivered(&b, &store);
}

#[test]
fn dynamodb_hosts_with_their_config_at_different_paths_share_one_lock() {
    // Host A's config at /etc/opskit/config.toml, host B's at /opt/opskit.toml: on a shared
    // table they must still exclude each other.
    let b = Bench::new();
    let store = Store::dynamodb(&b);
    let hole = Blackhole::new();
    config(&b, &hole.url(), "30s");
    let other = b.path("elsewhere/opskit.toml");
    std::fs::create_dir_all(other.parent().unwrap()).unwrap();
    std::fs::copy(b.path("opskit.toml"), &other).unwrap();
    let stdin = findings_json(&["k1".into()]);
    let mut a = spawn_with_stdin(push_process(&b, &store, "host-a", &[]), &stdin);
    let _held = hole.await_request(Duration::from_secs(60));
    let mut on_b = push_process(&b, &store, "host-b", &[]);
    on_b.env("OPSKIT_CONFIG", &other);
    let out = spawn_with_stdin(on_b, &stdin).wait_with_output().unwrap();
    a.kill().unwrap();
    let _ = a.wait();
    assert_eq!(out.status.code(), Some(4), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stderr).contains("host-a"));
}
