//! `opskit findings push`: bad input changes nothing, sources keep their keys apart, and
//! runs of one source exclude each other while different sources do not.

use crate::common;
use crate::spine_e2e::start_slow_push;

use common::cli::*;

#[test]
fn bad_input_exits_2_names_the_item_and_changes_nothing() {
    let b = Bench::new();
    b.standard_config();
    let a = b
        .push("s", r#"[{"key":"a","severity":"warning","title":"t"},{"key":"b","severity":"hot","title":"t"}]"#)
        .assert();
    assert_eq!(code(&a), 2);
    assert!(stderr(&a).contains("findings[1].severity"), "{}", stderr(&a));
    assert!(b.sandbox.requests().is_empty());
    assert!(!b.path("state.db").exists(), "rejected input never reaches the state");
}

#[test]
fn two_sources_with_the_same_key_page_apart_and_one_recovering_leaves_the_other_open() {
    let b = Bench::new();
    b.standard_config();
    for source in ["backup-check", "disk-check"] {
        let a = b.push(source, &one("db-1", "critical", &format!("{source} failed on db-1"))).assert();
        assert_eq!(code(&a), 0, "stderr: {}", stderr(&a));
    }
    assert_eq!(b.sandbox.pagerduty_open_alerts(), ["backup-check/db-1", "disk-check/db-1"]);
    // backup-check recovers: its alert resolves, disk-check's stays open.
    assert_eq!(code(&b.push("backup-check", "[]").assert()), 0);
    assert_eq!(b.sandbox.pagerduty_open_alerts(), ["disk-check/db-1"]);
    // disk-check is still owed nothing: its page is not sent again, and it resolves on its own.
    let before = b.sandbox.pagerduty_events().len();
    b.push("disk-check", &one("db-1", "critical", "disk-check failed on db-1")).assert().success();
    assert_eq!(b.sandbox.pagerduty_events().len(), before);
    b.push("disk-check", "[]").assert().success();
    assert!(b.sandbox.pagerduty_open_alerts().is_empty());
}

#[test]
fn an_alert_opened_under_the_old_bare_key_is_resolved_under_it() {
    let b = Bench::new();
    b.standard_config();
    b.push("backup-check", &one("db-1", "critical", "backup failed on db-1")).assert().success();
    // What an opskit before source-qualified keys recorded: the alert under the bare key.
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        use opskit::state::StateStore;
        let st = opskit::state::sqlite::SqliteStore::open(&b.path("state.db")).unwrap();
        for mut d in st.deliveries("backup-check").await.unwrap() {
            if d.sink == "pagerduty" {
                d.external_ref = Some("db-1".into());
                st.put_delivery(&d).await.unwrap();
            }
        }
    });
    b.push("backup-check", "[]").assert().success();
    let last = b.sandbox.pagerduty_events().pop().unwrap();
    assert_eq!((last["event_action"].as_str(), last["dedup_key"].as_str()), (Some("resolve"), Some("db-1")));
}

#[test]
fn runs_of_different_push_sources_do_not_exclude_each_other_and_of_one_source_do() {
    let b = Bench::new();
    let cfg = b.standard_config();
    std::fs::write(b.path("f.json"), one("k1", "warning", "disk full")).unwrap();
    let first = start_slow_push(&b, "backup-check", &cfg);
    let other = b
        .opskit()
        .args(["findings", "push", "--source", "disk-check", "--config"])
        .arg(&cfg)
        .arg(b.path("f.json"))
        .assert();
    assert_eq!(code(&other), 0, "another source is other work: {}", stderr(&other));
    let same = b
        .opskit()
        .args(["findings", "push", "--source", "backup-check", "--config"])
        .arg(&cfg)
        .arg(b.path("f.json"))
        .assert();
    assert_eq!(code(&same), 4, "{}", stderr(&same));
    assert!(first.wait_with_output().unwrap().status.success());
}

#[test]
fn with_no_home_and_no_state_setting_a_push_refuses_rather_than_keep_state_in_the_working_directory() {
    let b = Bench::new();
    // The standard config names a state file; this one leaves the state to the default.
    let cfg = b.write_config(&format!(
        "[defaults]\ntimezone = \"Asia/Tokyo\"\n{}\n[[routes]]\nsinks = [\"pagerduty\"]\n",
        b.sandbox.sinks_toml()
    ));
    std::fs::write(b.path("f.json"), one("k1", "warning", "disk full")).unwrap();
    let a = b
        .opskit()
        .env_remove("HOME")
        .env_remove("XDG_STATE_HOME")
        .args(["findings", "push", "--source", "disk-check", "--config"])
        .arg(&cfg)
        .arg(b.path("f.json"))
        .assert();
    assert_eq!(code(&a), 2, "{}", stderr(&a));
    assert!(stderr(&a).contains("HOME") && stderr(&a).contains("hint: pass --state"), "{}", stderr(&a));
    assert!(!b.path("opskit").exists(), "no state kept in the directory the run started in");
    assert!(b.sandbox.pagerduty_events().is_empty(), "nothing is told without a state to remember it");
}
