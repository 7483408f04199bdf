//! The spine end to end: the built binary, driven by `opskit findings push`, against the
//! embedded sandbox (Slack, PagerDuty, Backlog, webhook) and moto server (SNS → SQS).
//! Each test asserts what a user would notice: what each sink received, the exit code,
//! what the next run does.

use crate::common;

use common::cli::*;
use common::moto::{MotoServer, TopicQueue};
use opskit_sandbox::{self as sandbox, Fault};

pub(crate) fn slack_count(b: &Bench) -> usize {
    b.sandbox.requests_to(sandbox::SLACK_PATH).len()
}

#[test]
fn a_new_finding_reaches_every_sink_is_not_repeated_and_resolves_when_absent() {
    let b = Bench::new();
    let moto = MotoServer::start();
    let rt = tokio::runtime::Runtime::new().unwrap();
    let tq = rt.block_on(TopicQueue::create(&moto.endpoint(), "opskit-alerts"));
    b.write_config(&format!(
        "{}{}\n[sinks.sns]\ntype = \"sns\"\ntopic_arn = \"{}\"\n\n[[routes]]\nsinks = [\"slack\", \"pagerduty\", \"backlog\", \"webhook\", \"sns\"]\n",
        b.defaults(),
        b.sandbox.sinks_toml(),
        tq.topic_arn
    ));
    let push = |json: &str| {
        b.push("backup-check", json)
            .env("AWS_ENDPOINT_URL", moto.endpoint())
            .env("AWS_ACCESS_KEY_ID", "test")
            .env("AWS_SECRET_ACCESS_KEY", "test")
            .assert()
    };

    // Run 1: New, everywhere.
    let a = push(&one("backup/db-1", "critical", "Nightly backup failed on db-1"));
    assert_eq!(code(&a), 0, "stderr: {}", stderr(&a));
    assert!(stdout(&a).contains("| new "), "{}", stdout(&a));
    let slack = b.sandbox.requests_to(sandbox::SLACK_PATH);
    assert_eq!(slack.len(), 1);
    assert!(slack[0].json()["text"].as_str().unwrap().contains("Nightly backup failed on db-1"));
    let pd = b.sandbox.pagerduty_events();
    assert_eq!(pd.len(), 1);
    assert_eq!(pd[0]["event_action"], "trigger");
    assert_eq!(pd[0]["dedup_key"], "backup-check/backup/db-1");
    let issues = b.sandbox.backlog_issues();
    assert_eq!(issues.len(), 1);
    assert!(issues[0]["summary"].as_str().unwrap().contains("Nightly backup failed on db-1"));
    assert_eq!(b.sandbox.requests_to(sandbox::WEBHOOK_PATH).len(), 1);
    let sns = rt.block_on(tq.drain(&moto.endpoint()));
    assert_eq!(sns.len(), 1, "{sns:?}");
    assert!(sns[0]["Message"].as_str().unwrap().contains("Nightly backup failed on db-1"));
    assert_eq!(sns[0]["MessageAttributes"]["kind"]["Value"], "new");

    // Run 2: the same finding sends nothing anywhere.
    let before = b.sandbox.requests().len();
    let a = push(&one("backup/db-1", "critical", "Nightly backup failed on db-1"));
    assert_eq!(code(&a), 0);
    assert_eq!(b.sandbox.requests().len(), before, "nothing is re-sent");
    assert!(rt.block_on(tq.drain(&moto.endpoint())).is_empty());

    // Run 3: absent, so resolved: PagerDuty resolve with the same key, Backlog comment.
    let a = push("[]");
    assert_eq!(code(&a), 0, "stderr: {}", stderr(&a));
    assert!(stdout(&a).contains("resolved"));
    let pd = b.sandbox.pagerduty_events();
    assert_eq!(pd.len(), 2);
    assert_eq!(pd[1]["event_action"], "resolve");
    assert_eq!(pd[1]["dedup_key"], "backup-check/backup/db-1");
    let key = issues[0]["issueKey"].as_str().unwrap();
    let comments = b.sandbox.backlog_comments(key);
    assert!(comments.iter().any(|c| c["content"].as_str().unwrap_or("").contains("RESOLVED")), "{comments:?}");
    assert_eq!(b.sandbox.backlog_issues()[0]["status"]["name"], "Closed");
    assert!(slack_count(&b) == 2 && b.sandbox.requests_to(sandbox::SLACK_PATH)[1].text().contains("RESOLVED"));
    let sns = rt.block_on(tq.drain(&moto.endpoint()));
    assert_eq!(sns.len(), 1);
    assert_eq!(sns[0]["MessageAttributes"]["kind"]["Value"], "resolved");
}

#[test]
fn a_sink_failing_three_times_then_accepting_is_delivered_and_committed_once() {
    let b = Bench::new();
    b.standard_config();
    b.sandbox.inject(Fault::status(sandbox::SLACK_PATH, 500, 3));
    let a = b.push("s", &one("k1", "warning", "disk full")).assert();
    assert_eq!(code(&a), 0, "stderr: {}", stderr(&a));
    let slack = b.sandbox.requests_to(sandbox::SLACK_PATH);
    assert_eq!(slack.iter().map(|r| r.status).collect::<Vec<_>>(), vec![500, 500, 500, 200]);
    assert!(stdout(&a).contains("delivered (4 attempts)"), "{}", stdout(&a));
    // Committed once: the next run sends Slack nothing.
    b.push("s", &one("k1", "warning", "disk full")).assert().success();
    assert_eq!(slack_count(&b), 4);
}

#[test]
fn a_sink_that_stays_down_exits_3_commits_nothing_for_it_and_the_next_run_delivers() {
    let b = Bench::new();
    b.standard_config();
    b.sandbox.inject(Fault::status(sandbox::SLACK_PATH, 503, 0));
    let a = b.push("s", &one("k1", "warning", "disk full")).assert();
    assert_eq!(code(&a), 3, "a failed delivery is a failed run; stderr: {}", stderr(&a));
    assert_eq!(slack_count(&b), 5, "delivery_attempts = 5");
    assert_eq!(b.sandbox.pagerduty_events().len(), 1, "the other sinks got it");
    b.sandbox.clear();
    let a = b.push("s", &one("k1", "warning", "disk full")).assert();
    assert_eq!(code(&a), 0, "stderr: {}", stderr(&a));
    let slack = b.sandbox.requests_to(sandbox::SLACK_PATH);
    assert_eq!(slack.len(), 1);
    assert!(slack[0].json()["text"].as_str().unwrap().contains("disk full"), "the owed New is delivered");
    assert!(b.sandbox.pagerduty_events().len() == 1, "PagerDuty, already told, is not told again");
}

#[test]
fn a_429_with_retry_after_is_honoured() {
    let b = Bench::new();
    b.standard_config();
    b.sandbox.inject(Fault::rate_limited(sandbox::SLACK_PATH, 2, 1));
    let a = b.push("s", &one("k1", "warning", "disk full")).assert();
    assert_eq!(code(&a), 0, "stderr: {}", stderr(&a));
    let slack = b.sandbox.requests_to(sandbox::SLACK_PATH);
    assert_eq!(slack.iter().map(|r| r.status).collect::<Vec<_>>(), vec![429, 200]);
    let waited = slack[1].at.duration_since(slack[0].at);
    assert!(waited >= jiff::SignedDuration::from_millis(1950), "waited only {waited:?}");
}

#[test]
fn two_overlapping_runs_one_exits_4_and_nothing_is_delivered_twice() {
    let b = Bench::new();
    b.standard_config();
    // The first run's Slack delivery takes 3 s, so it holds the lock meanwhile.
    b.sandbox.inject(Fault::latency(sandbox::SLACK_PATH, 3000, 1));
    let bin = assert_cmd::cargo::cargo_bin("opskit");
    let cfg = b.path("opskit.toml");
    let input = b.path("f.json");
    std::fs::write(&input, one("k1", "warning", "disk full")).unwrap();
    let first = std::process::Command::new(&bin)
        .args(["findings", "push", "--source", "s", "--config"])
        .arg(&cfg)
        .arg(&input)
        .env("HOME", b.dir.path())
        .env("NO_COLOR", "1")
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    // The sandbox records a request when it answers: the fast Backlog delivery shows the
    // first run is delivering while its Slack call is still held.
    while b.sandbox.backlog_issues().is_empty() {
        assert!(std::time::Instant::now() < deadline, "the first run never reached Backlog");
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let a = b.opskit().args(["findings", "push", "--source", "s", "--config"]).arg(&cfg).arg(&input).assert();
    assert_eq!(code(&a), 4, "stderr: {}", stderr(&a));
    assert!(stderr(&a).contains(&format!("pid {}", first.id())), "the holder is named: {}", stderr(&a));
    let status = first.wait_with_output().unwrap().status;
    assert!(status.success(), "{status}");
    assert_eq!(slack_count(&b), 1);
    assert_eq!(b.sandbox.pagerduty_events().len(), 1);
    assert_eq!(b.sandbox.backlog_issues().len(), 1);
    // --wait-lock waits instead; afterwards nothing is owed, so nothing is sent.
    b.opskit()
        .args(["findings", "push", "--source", "s", "--wait-lock", "10s", "--config"])
        .arg(&cfg)
        .arg(&input)
        .assert()
        .success();
    assert_eq!(slack_count(&b), 1);
}

#[test]
fn dry_run_sends_nothing_commits_nothing_and_prints_what_it_would_send() {
    let b = Bench::new();
    b.standard_config();
    let a = b.push("s", &one("k1", "critical", "VIF down")).arg("--dry-run").assert();
    assert_eq!(code(&a), 0, "stderr: {}", stderr(&a));
    let out = stdout(&a);
    assert!(out.contains("dry run: 4 message(s) would be sent"), "{out}");
    assert!(out.contains("--- pagerduty (new k1) ---") && out.contains("\"dedup_key\": \"s/k1\""), "{out}");
    assert!(b.sandbox.requests().is_empty(), "nothing was sent");
    assert!(!b.path("state.db").exists(), "a dry run creates no state file");
    // Nothing was committed: the real run still sees the finding as New.
    let a = b.push("s", &one("k1", "critical", "VIF down")).assert().success();
    assert!(stdout(&a).contains("| new "), "{}", stdout(&a));
    assert_eq!(slack_count(&b), 1);
}

#[test]
fn quiet_hours_defer_and_the_first_run_after_the_window_delivers() {
    let b = Bench::new();
    b.write_config(&format!(
        "{}{}\n[[routes]]\nsinks = [\"slack\"]\n[routes.quiet_hours]\ntimezone = \"Asia/Tokyo\"\nwindows = [{{ days = [\"all\"], start = \"22:00\", end = \"07:00\" }}]\n",
        b.defaults(),
        b.sandbox.sinks_toml()
    ));
    // 2026-11-20 23:30 JST: quiet.
    let a = b.push("s", &one("k1", "warning", "disk full")).env("OPSKIT_NOW", "2026-11-20T14:30:00Z").assert();
    assert_eq!(code(&a), 0, "stderr: {}", stderr(&a));
    assert!(stdout(&a).contains("deferred") && stdout(&a).contains("2026-11-21 07:00 JST"), "{}", stdout(&a));
    assert_eq!(slack_count(&b), 0);
    // 06:59 JST: still quiet.
    b.push("s", &one("k1", "warning", "disk full")).env("OPSKIT_NOW", "2026-11-20T21:59:00Z").assert().success();
    assert_eq!(slack_count(&b), 0);
    // 07:01 JST: the first run after the window delivers it.
    let a =
        b.push("s", &one("k1", "warning", "disk full")).env("OPSKIT_NOW", "2026-11-20T22:01:00Z").assert().success();
    assert_eq!(slack_count(&b), 1, "{}", stdout(&a));
}

#[test]
fn fail_on_sets_exit_1_only_at_or_above_the_threshold() {
    let b = Bench::new();
    b.write_config(&b.defaults());
    let warn = one("k1", "warning", "w");
    assert_eq!(code(&b.push("s", &warn).args(["--fail-on", "critical"]).assert()), 0);
    assert_eq!(code(&b.push("s", &warn).args(["--fail-on", "warning"]).assert()), 1);
    assert_eq!(code(&b.push("s", &warn).env("OPSKIT_FAIL_ON", "warning").assert()), 1, "the env var mirrors the flag");
    assert_eq!(code(&b.push("s", &warn).assert()), 0, "--fail-on defaults to never");
}

#[test]
fn heartbeat_pings_start_and_end_with_the_report_and_fail_on_failure() {
    let b = Bench::new();
    b.standard_config();
    let hb = b.sandbox.url("/ping/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0");
    b.push("s", &one("k1", "warning", "disk full")).args(["--heartbeat-url", &hb]).assert().success();
    let pings = b.sandbox.requests_to("/ping/");
    assert_eq!(
        pings.iter().map(|r| r.path.rsplit('/').next().unwrap().to_string()).collect::<Vec<_>>(),
        vec!["start", "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0"]
    );
    assert!(pings[1].text().contains("disk full"), "the end ping carries the report: {}", pings[1].text());
    b.sandbox.inject(Fault::status(sandbox::SLACK_PATH, 500, 0));
    let a = b.push("s", &one("k2", "warning", "cpu")).args(["--heartbeat-url", &hb]).assert();
    assert_eq!(code(&a), 3);
    assert!(b.sandbox.requests_to("/ping/").last().unwrap().path.ends_with("/fail"));
}

#[test]
fn metrics_file_records_the_run() {
    let b = Bench::new();
    b.standard_config();
    let m = b.path("opskit.prom");
    b.push("s", &one("k1", "critical", "VIF down")).arg("--metrics-file").arg(&m).assert().success();
    let text = std::fs::read_to_string(&m).unwrap();
    assert!(
        text.contains("opskit_findings_open{command=\"findings-push\",source=\"s\",severity=\"critical\"} 1"),
        "{text}"
    );
    assert!(
        text.contains("opskit_deliveries{command=\"findings-push\",source=\"s\",outcome=\"delivered\"} 4"),
        "{text}"
    );
    assert!(text.contains("opskit_run_exit_code{command=\"findings-push\"} 0"), "{text}");
}

#[test]
fn json_output_is_the_documented_shape() {
    let b = Bench::new();
    b.standard_config();
    let a = b.push("s", &one("k1", "warning", "disk full")).args(["-o", "json"]).assert().success();
    let v: serde_json::Value = serde_json::from_str(&stdout(&a)).unwrap();
    assert_eq!(v["version"], 1);
    assert_eq!(v["source"], "s");
    assert_eq!(v["findings"][0]["key"], "k1");
    assert_eq!(v["findings"][0]["change"], "new");
    assert_eq!(v["findings"][0]["fields"][0]["name"], "used");
    assert_eq!(v["summary"]["deliveries"]["delivered"], 4);
    assert_eq!(v["deliveries"].as_array().unwrap().len(), 4);
    let a = b.push("s", &one("k1", "warning", "disk full")).args(["-o", "jsonl"]).assert().success();
    assert_eq!(stdout(&a).lines().count(), 1);
    let a = b.push("s", &one("k1", "warning", "disk, full")).args(["-o", "csv"]).assert().success();
    assert!(stdout(&a).starts_with("severity,status,change,account,region,key,title"));
    assert!(stdout(&a).contains("\"disk, full\""));
}

/// The `previous` of every webhook payload the sandbox received, with its kind.
fn webhook_previous_titles(b: &Bench) -> Vec<(String, Option<String>)> {
    b.sandbox
        .requests_to(sandbox::WEBHOOK_PATH)
        .iter()
        .filter(|r| r.status == 200)
        .map(|r| {
            let v = r.json();
            (v["kind"].as_str().unwrap().to_string(), v["previous"]["title"].as_str().map(str::to_string))
        })
        .collect()
}

#[test]
fn a_changed_message_compares_with_what_that_sink_was_told_not_with_the_last_poll() {
    let b = Bench::new();
    b.write_config(&format!(
        "{}{}\n[[routes]]\nsinks = [\"webhook\"]\n",
        b.defaults().replace("delivery_attempts = 5", "delivery_attempts = 1"),
        b.sandbox.sinks_toml()
    ));
    b.push("s", &one("k1", "warning", "disk 91% full")).assert().success();
    // The webhook is down while the finding changes: nothing is told.
    b.sandbox.inject(Fault::status(sandbox::WEBHOOK_PATH, 503, 1));
    assert_eq!(code(&b.push("s", &one("k1", "warning", "disk 95% full")).assert()), 3);
    b.push("s", &one("k1", "warning", "disk 99% full")).assert().success();
    assert_eq!(
        webhook_previous_titles(&b),
        [("new".to_string(), None), ("changed".to_string(), Some("disk 91% full".to_string()))],
        "the change is told against 91%, the last thing the receiver heard"
    );
}

#[test]
fn a_new_message_sent_late_has_no_previous() {
    let b = Bench::new();
    b.write_config(&format!(
        "{}{}\n[[routes]]\nsinks = [\"webhook\"]\nnotify_after = 2\n",
        b.defaults(),
        b.sandbox.sinks_toml()
    ));
    b.push("s", &one("k1", "warning", "disk full")).assert().success();
    assert!(webhook_previous_titles(&b).is_empty(), "damped on the first observation");
    b.push("s", &one("k1", "warning", "disk full")).assert().success();
    assert_eq!(webhook_previous_titles(&b), [("new".to_string(), None)]);
    let raw = b.sandbox.requests_to(sandbox::WEBHOOK_PATH)[0].json();
    assert!(raw["previous"].is_null(), "{raw}");
}

/// Start `findings push --source SOURCE` reading its findings from `f.json`, with the
/// config at `config`, whose first Slack message takes 3 s; returns once it holds the lock
/// (its Backlog delivery, which comes first and fast, was answered).
pub(crate) fn start_slow_push(b: &Bench, source: &str, config: &std::path::Path) -> std::process::Child {
    b.sandbox.inject(Fault::latency(sandbox::SLACK_PATH, 3000, 1));
    let before = b.sandbox.backlog_issues().len();
    let child = b
        .opskit_process()
        .args(["findings", "push", "--source", source, "--config"])
        .arg(config)
        .arg(b.path("f.json"))
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while b.sandbox.backlog_issues().len() == before {
        assert!(std::time::Instant::now() < deadline, "the first run never reached Backlog");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    child
}

#[test]
fn the_same_config_through_a_copy_or_a_symlink_is_the_same_run() {
    let b = Bench::new();
    let cfg = b.standard_config();
    std::fs::write(b.path("f.json"), one("k1", "warning", "disk full")).unwrap();
    let copy = b.path("copy.toml");
    std::fs::copy(&cfg, &copy).unwrap();
    let linked_dir = b.path("etc-opskit");
    std::os::unix::fs::symlink(b.dir.path(), &linked_dir).unwrap();
    for (round, other) in [copy, linked_dir.join("opskit.toml")].into_iter().enumerate() {
        // Each round a new finding, so the first run has something to tell.
        std::fs::write(b.path("f.json"), one(&format!("k{round}"), "warning", "disk full")).unwrap();
        let first = start_slow_push(&b, "s", &cfg);
        let a = b
            .opskit()
            .args(["findings", "push", "--source", "s", "--config"])
            .arg(&other)
            .arg(b.path("f.json"))
            .assert();
        assert_eq!(code(&a), 4, "{} is the same work: {}", other.display(), stderr(&a));
        assert!(first.wait_with_output().unwrap().status.success());
    }
    let texts = b.slack_texts();
    let told = texts.iter().filter(|t| t.contains("WARNING: disk full")).count();
    assert_eq!(told, 2, "each round's finding told once: {texts:?}");
}

/// Twenty findings for `findings push`.
fn twenty() -> String {
    let items: Vec<String> = (0..20)
        .map(|i| format!(r#"{{"key":"db-{i:02}","severity":"critical","title":"backup failed on db-{i:02}"}}"#))
        .collect();
    format!("[{}]", items.join(","))
}

#[test]
fn a_sink_that_never_answers_costs_one_timeout_and_holds_no_other_sink_or_message_hostage() {
    let b = Bench::new();
    b.write_config(&format!(
        "{}sink_timeout = \"1s\"\n{}\n[[routes]]\nsinks = [\"slack\", \"pagerduty\"]\n",
        b.defaults(),
        b.sandbox.sinks_toml()
    ));
    // Slack accepts the connection and never answers.
    b.sandbox.inject(Fault::latency(sandbox::SLACK_PATH, 600_000, 0));
    let a = b.push("backup-check", &twenty()).args(["--output", "json"]).assert();
    assert_eq!(code(&a), 3, "{}", stderr(&a));
    let report: serde_json::Value = serde_json::from_str(&stdout(&a)).unwrap();
    let of = |sink: &str| -> Vec<serde_json::Value> {
        report["deliveries"].as_array().unwrap().iter().filter(|d| d["sink"] == sink).cloned().collect()
    };
    let slack = of("slack");
    assert_eq!(slack.len(), 20);
    let tried: Vec<_> = slack.iter().filter(|d| d["attempts"].as_u64() != Some(0)).collect();
    assert_eq!(tried.len(), 1, "one message timed out, the rest were not tried: {slack:?}");
    assert!(tried[0]["detail"].as_str().unwrap().contains("no answer within 1s"), "{:?}", tried[0]);
    assert_eq!(tried[0]["attempts"], 1, "a timeout is not retried in the run");
    assert!(
        slack.iter().filter(|d| d["attempts"] == 0).all(|d| d["outcome"] == "failed"
            && d["detail"].as_str().unwrap().contains("not tried: sink `slack` did not answer in time")),
        "{slack:?}"
    );
    let pd = of("pagerduty");
    assert!(pd.len() == 20 && pd.iter().all(|d| d["outcome"] == "delivered"), "PagerDuty was served: {pd:?}");
    assert_eq!(b.sandbox.pagerduty_open_alerts().len(), 20);

    // Slack back: the next run owes it all 20, PagerDuty nothing.
    b.sandbox.clear();
    let paged = b.sandbox.pagerduty_events().len();
    let a = b.push("backup-check", &twenty()).assert();
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    assert_eq!(b.slack_texts().len(), 20);
    assert_eq!(b.sandbox.pagerduty_events().len(), paged, "nothing owed to PagerDuty any more");
}

#[test]
fn a_sinks_own_timeout_bounds_a_hanging_sink_well_under_the_default_and_owes_its_messages() {
    let b = Bench::new();
    // No `defaults.sink_timeout`: the default (15s) applies to every sink but Slack.
    let sinks = b.sandbox.sinks_toml().replace("type = \"slack\"\n", "type = \"slack\"\ntimeout = \"2s\"\n");
    assert!(sinks.contains("timeout = \"2s\""));
    b.write_config(&format!("{}{sinks}\n[[routes]]\nsinks = [\"slack\", \"pagerduty\"]\n", b.defaults()));
    b.sandbox.inject(Fault::latency(sandbox::SLACK_PATH, 600_000, 0));
    let started = std::time::Instant::now();
    let a = b.push("backup-check", &twenty()).args(["--output", "json"]).assert();
    let took = started.elapsed();
    assert_eq!(code(&a), 3, "{}", stderr(&a));
    let report: serde_json::Value = serde_json::from_str(&stdout(&a)).unwrap();
    let slack: Vec<&serde_json::Value> =
        report["deliveries"].as_array().unwrap().iter().filter(|d| d["sink"] == "slack").collect();
    let tried: Vec<_> = slack.iter().filter(|d| d["attempts"].as_u64() != Some(0)).collect();
    assert_eq!(tried.len(), 1, "{slack:?}");
    let detail = tried[0]["detail"].as_str().unwrap();
    assert!(detail.contains("no answer within 2s (sinks.slack.timeout)"), "{detail}");
    // PagerDuty got every page; the state owes Slack all 20 and PagerDuty nothing.
    assert_eq!(b.sandbox.pagerduty_open_alerts().len(), 20);
    let told = b.state_told("backup-check");
    assert_eq!(told.iter().filter(|(s, _)| s == "pagerduty").count(), 20, "{told:?}");
    assert!(told.iter().all(|(s, _)| s != "slack"), "nothing counts as told to Slack: {told:?}");
    // Generous: one 2s timeout plus start-up, against 15s of the default timeout.
    assert!(took < std::time::Duration::from_secs(12), "the run took {took:?}");
}

/// A listener whose accept queue is full: the kernel answers no more SYNs, so a connect
/// to it hangs, as to a host that drops packets. The returned streams keep the queue full.
fn a_port_that_never_accepts() -> (std::net::TcpListener, Vec<tokio::net::TcpStream>, u16) {
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    rt.block_on(async {
        let socket = tokio::net::TcpSocket::new_v4().unwrap();
        socket.bind("127.0.0.1:0".parse().unwrap()).unwrap();
        let listener = socket.listen(0).unwrap();
        let port = listener.local_addr().unwrap().port();
        let mut held = Vec::new();
        for _ in 0..4 {
            let c = tokio::net::TcpStream::connect(("127.0.0.1", port));
            if let Ok(Ok(s)) = tokio::time::timeout(std::time::Duration::from_millis(300), c).await {
                held.push(s);
            }
        }
        (listener.into_std().unwrap(), held, port)
    })
}

#[test]
fn a_sink_that_does_not_take_the_connection_fails_at_its_connect_timeout() {
    let b = Bench::new();
    let (_listener, _held, port) = a_port_that_never_accepts();
    // The attempt may take 30s; connecting may take 1s.
    b.write_config(&format!(
        "{}delivery_attempts = 1\n\n[sinks.hook]\ntype = \"webhook\"\nurl = \"http://127.0.0.1:{port}/hook\"\n\
         timeout = \"30s\"\nconnect_timeout = \"1s\"\n\n[[routes]]\nsinks = [\"hook\"]\n",
        b.defaults().replace("delivery_attempts = 5\n", "")
    ));
    let started = std::time::Instant::now();
    let a = b.push("s", &one("k1", "warning", "disk full")).args(["--output", "json"]).assert();
    let took = started.elapsed();
    assert_eq!(code(&a), 3, "{}", stderr(&a));
    let report: serde_json::Value = serde_json::from_str(&stdout(&a)).unwrap();
    let d = &report["deliveries"][0];
    assert_eq!(d["outcome"], "failed", "{d:?}");
    let detail = d["detail"].as_str().unwrap();
    assert!(detail.contains("could not connect within the connect timeout"), "{detail}");
    assert!(b.state_told("s").is_empty(), "the message is owed");
    assert!(took < std::time::Duration::from_secs(20), "the run took {took:?}");
}

#[test]
fn a_run_stops_delivering_at_its_deadline_and_owes_the_rest() {
    let b = Bench::new();
    b.write_config(&format!(
        "{}sink_timeout = \"2s\"\ndelivery_deadline = \"2s\"\n{}\n[[routes]]\nsinks = [\"slack\"]\n",
        b.defaults(),
        b.sandbox.sinks_toml()
    ));
    // Each Slack message takes 0.4 s: well within the sink timeout, but 20 of them are not
    // within the run's 2 s.
    b.sandbox.inject(Fault::latency(sandbox::SLACK_PATH, 400, 0));
    let a = b.push("backup-check", &twenty()).args(["--output", "json"]).assert();
    assert_eq!(code(&a), 3, "{}", stderr(&a));
    let report: serde_json::Value = serde_json::from_str(&stdout(&a)).unwrap();
    let deliveries = report["deliveries"].as_array().unwrap();
    let delivered = deliveries.iter().filter(|d| d["outcome"] == "delivered").count();
    let past = deliveries
        .iter()
        .filter(|d| d["detail"].as_str().is_some_and(|t| t.contains("the run's delivery deadline (2s) passed")))
        .count();
    assert!((1..20).contains(&delivered), "{deliveries:?}");
    assert!(past >= 1 && delivered + past >= 19, "the rest is owed, said so: {deliveries:?}");
    assert_eq!(b.slack_texts().len(), delivered, "what was delivered is what Slack got");
    // The next runs deliver the rest, each message once.
    b.sandbox.clear();
    for _ in 0..20 {
        if code(&b.push("backup-check", &twenty()).assert()) == 0 {
            break;
        }
    }
    assert_eq!(b.slack_texts().len(), 20 - delivered);
}

/// Every output of a run, for grepping: stdout and stderr.
pub(crate) fn outputs(a: &assert_cmd::assert::Assert) -> String {
    format!("{}\n{}", stdout(a), stderr(a))
}

#[test]
fn a_redirect_from_a_sink_is_not_followed_fails_the_delivery_and_the_next_run_delivers_once() {
    for path in [sandbox::SLACK_PATH, sandbox::PAGERDUTY_PATH, sandbox::WEBHOOK_PATH] {
        for status in [302, 307] {
            let case = format!("{status} from {path}");
            let b = Bench::new();
            b.standard_config();
            // The sink's own path under another prefix: for Slack and the webhook the
            // Location then holds the secret token, which the error must not show.
            let moved = format!("{}{}", sandbox::MOVED_PREFIX.trim_end_matches('/'), path);
            b.sandbox.inject(Fault::redirect(path, status, &b.sandbox.url(&moved), 0));
            let a = b.push("s", &one("k1", "warning", "disk full")).assert();
            assert_eq!(code(&a), 3, "{case}: a redirect is a failed delivery: {}", outputs(&a));
            let out = outputs(&a);
            assert!(out.contains(&format!("answered {status} redirecting to http://127.0.0.1:")), "{case}: {out}");
            assert!(out.contains("/moved/"), "{case}: the error names the Location: {out}");
            assert!(out.contains("hint: configure the address the sink really answers at"), "{case}: {out}");
            for secret in sandbox_secrets() {
                assert!(!out.contains(secret), "{case}: secret {secret} in: {out}");
            }
            let moved_got = b.sandbox.requests_to(sandbox::MOVED_PREFIX);
            assert!(moved_got.is_empty(), "{case}: the redirect target got nothing: {moved_got:?}");
            assert!(
                b.sandbox.requests().iter().all(|r| r.header("referer").is_none()),
                "{case}: no request carries a Referer"
            );
            assert_eq!(b.sandbox.requests_to(path).len(), 1, "{case}: a redirect is not retried within the run");

            // The sink fixed: the owed New is delivered, once, to it alone.
            b.sandbox.clear();
            let a = b.push("s", &one("k1", "warning", "disk full")).assert();
            assert_eq!(code(&a), 0, "{case}: {}", outputs(&a));
            let got = b.sandbox.requests_to(path);
            assert_eq!(got.len(), 1, "{case}: delivered once next run");
            assert!(got[0].text().contains("disk full"), "{case}: {}", got[0].text());
            for other in [sandbox::SLACK_PATH, sandbox::PAGERDUTY_PATH, sandbox::WEBHOOK_PATH] {
                if other != path {
                    assert!(b.sandbox.requests_to(other).is_empty(), "{case}: {other} was told already");
                }
            }
            assert!(b.sandbox.requests_to(sandbox::MOVED_PREFIX).is_empty());
            b.push("s", &one("k1", "warning", "disk full")).assert().success();
            assert_eq!(b.sandbox.requests_to(path).len(), 1, "{case}: committed once delivered");
        }
    }
}

#[test]
fn an_html_page_answered_200_in_place_of_slack_or_pagerduty_is_not_a_delivery() {
    for path in [sandbox::SLACK_PATH, sandbox::PAGERDUTY_PATH] {
        let b = Bench::new();
        b.standard_config();
        b.sandbox.inject(Fault::html_ok(path, 0));
        let a = b.push("s", &one("k1", "warning", "disk full")).assert();
        assert_eq!(code(&a), 3, "{path}: a captive portal's page is a failed delivery: {}", outputs(&a));
        let out = outputs(&a);
        assert!(
            out.contains("so the message was not accepted") || out.contains("so the event was not accepted"),
            "{path}: {out}"
        );
        assert!(out.contains("Sign in to the network"), "{path}: the answer is shown: {out}");
        let got = b.sandbox.requests_to(path);
        assert_eq!(got.len(), 5, "{path}: retryable, so tried delivery_attempts times");
        assert!(got.iter().all(|r| r.status == 200), "{path}: every answer was a 200");

        // The portal gone: the owed New is delivered once.
        b.sandbox.clear();
        let a = b.push("s", &one("k1", "warning", "disk full")).assert();
        assert_eq!(code(&a), 0, "{path}: {}", outputs(&a));
        assert_eq!(b.sandbox.requests_to(path).len(), 1, "{path}: delivered next run");
        b.push("s", &one("k1", "warning", "disk full")).assert().success();
        assert_eq!(b.sandbox.requests_to(path).len(), 1, "{path}: and committed");
    }
    // Slack's documented acceptance (`ok`) and PagerDuty's (`"status": "success"`) still are.
    let b = Bench::new();
    b.standard_config();
    let a = b.push("s", &one("k1", "warning", "disk full")).assert();
    assert_eq!(code(&a), 0, "{}", outputs(&a));
    assert_eq!(slack_count(&b), 1);
    assert_eq!(b.sandbox.pagerduty_events().len(), 1);
}

#[test]
fn a_heartbeat_ping_that_redirects_is_not_followed_and_says_where_it_pointed() {
    let b = Bench::new();
    b.standard_config();
    let token = "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";
    let hb = b.sandbox.url(&format!("/ping/{token}"));
    let moved = b.sandbox.url(&format!("/moved/ping/{token}"));
    b.sandbox.inject(Fault::redirect("/ping/", 307, &moved, 0));
    let a = b.push("s", &one("k1", "warning", "disk full")).args(["--heartbeat-url", &hb]).assert();
    assert_eq!(code(&a), 0, "a heartbeat failure is logged, not fatal: {}", stderr(&a));
    assert!(b.sandbox.requests_to(sandbox::MOVED_PREFIX).is_empty(), "the ping (and its report) went nowhere else");
    assert_eq!(b.sandbox.requests_to("/ping/").len(), 2, "start and end, each once");
    let err = stderr(&a);
    assert!(err.contains("heartbeat ping answered 307 redirecting to http://127.0.0.1:"), "{err}");
    assert!(err.contains("/moved/ping/****"), "the ping URL's token is masked: {err}");
    assert!(!err.contains(token), "{err}");
}
