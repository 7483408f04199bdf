//! `opskit pagerduty remind` end to end: a finding paged through the real PagerDuty sink
//! (Events v2 in the sandbox), then read back through the sandbox's REST API; a reminder to
//! Slack once the incident has waited `remind_after` unacknowledged, never twice, and none
//! for an incident someone acknowledged. Time: the sandbox stamps incidents with the real
//! clock, so OPSKIT_NOW is set relative to it.

use crate::common;

use common::cli::*;
use jiff::{SignedDuration, Timestamp};

fn setup(b: &Bench) {
    b.write_config(&format!(
        "{}{}\n[[routes]]\nsources = [\"nightly\"]\nsinks = [\"pagerduty\"]\n\n\
         [[routes]]\nname = \"reminders to the second channel\"\nsources = [\"pagerduty\"]\nsinks = [\"slack\"]\n\n\
         [commands.pagerduty]\nremind_after = \"15m\"\n",
        b.defaults(),
        b.sandbox.sinks_toml()
    ));
}

fn page(b: &Bench, key: &str) {
    std::fs::write(b.path("f.json"), one(key, "critical", "Nightly backup failed")).unwrap();
    let a = b.opskit().args(["findings", "push", "--source", "nightly"]).arg(b.path("f.json")).assert();
    assert_eq!(code(&a), 0, "{}", stderr(&a));
}

fn remind(b: &Bench, after: SignedDuration) -> assert_cmd::assert::Assert {
    let at = Timestamp::now() + after;
    let a = b.opskit().env("OPSKIT_NOW", at.to_string()).args(["pagerduty", "remind"]).assert();
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    a
}

#[test]
fn an_unacknowledged_incident_is_reminded_once_and_an_acknowledged_one_never() {
    let b = Bench::new();
    setup(&b);
    page(&b, "db-1");
    assert_eq!(b.sandbox.pagerduty_events().len(), 1, "paged");
    remind(&b, SignedDuration::from_mins(5));
    assert!(b.slack_texts().is_empty(), "5 minutes: not yet");
    remind(&b, SignedDuration::from_mins(20));
    let msgs = b.slack_texts();
    assert_eq!(msgs.len(), 1, "{msgs:?}");
    assert!(
        msgs[0].contains("Nobody has acknowledged PagerDuty incident") && msgs[0].contains("Nightly backup failed"),
        "{}",
        msgs[0]
    );
    remind(&b, SignedDuration::from_mins(25));
    assert_eq!(b.slack_texts().len(), 1, "one reminder, not one a minute");

    // Someone takes it: the reminder resolves; no further reminder.
    assert!(b.sandbox.pagerduty_acknowledge("nightly/db-1", "Tanaka"));
    remind(&b, SignedDuration::from_mins(30));
    let msgs = b.slack_texts();
    assert_eq!(msgs.len(), 2, "{msgs:?}");
    assert!(msgs[1].contains("RESOLVED") && msgs[1].contains("acknowledged by Tanaka"), "{}", msgs[1]);
    remind(&b, SignedDuration::from_mins(60));
    assert_eq!(b.slack_texts().len(), 2);

    // Acknowledged before the reminder was due: never reminded.
    page(&b, "db-2");
    assert!(b.sandbox.pagerduty_acknowledge("nightly/db-2", "Sato"));
    remind(&b, SignedDuration::from_mins(20));
    assert_eq!(b.slack_texts().len(), 2, "{:?}", b.slack_texts());

    // The history keeps each incident's first acknowledgement, once, for `report ops`.
    use opskit::state::StateStore as _;
    let store = opskit::state::sqlite::SqliteStore::open(&b.path("state.db")).unwrap();
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    let events = rt.block_on(opskit::history::events_since(&store, Timestamp::UNIX_EPOCH)).unwrap();
    let acks: Vec<(String, String)> = events
        .iter()
        .filter(|e| e.kind == opskit::history::EventKind::Acknowledged)
        .map(|e| (e.key.clone(), e.by.clone().unwrap_or_default()))
        .collect();
    assert_eq!(acks, vec![("db-1".to_string(), "Tanaka".to_string()), ("db-2".to_string(), "Sato".to_string())]);
    let opened = events.iter().filter(|e| e.kind == opskit::history::EventKind::New && e.source == "nightly").count();
    assert_eq!(opened, 2, "{events:?}");
    let _ = store.location();
}

#[test]
fn pagerduty_failing_resolves_no_reminder_and_exits_3() {
    let b = Bench::new();
    setup(&b);
    page(&b, "db-1");
    remind(&b, SignedDuration::from_mins(20));
    assert_eq!(b.slack_texts().len(), 1);
    b.sandbox.inject(opskit_sandbox::Fault::status("/pagerduty/api", 500, 100));
    let at = Timestamp::now() + SignedDuration::from_mins(30);
    let a = b.opskit().env("OPSKIT_NOW", at.to_string()).args(["pagerduty", "remind"]).assert();
    assert_eq!(code(&a), 3, "{}", stderr(&a));
    assert!(stderr(&a).contains("sink pagerduty"), "{}", stderr(&a));
    assert_eq!(b.slack_texts().len(), 1, "an outage of PagerDuty is not an acknowledgement: {:?}", b.slack_texts());
}
