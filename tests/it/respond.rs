//! First-response scenarios end to end: the built binary, `findings push` of a monitoring
//! system's disk alert, the sandbox's SSM Run Command (scripted outputs and latencies) on
//! the demo's EC2 instances, Slack and PagerDuty as sinks, the audit trail read back with
//! `opskit respond log`. Time is pinned with OPSKIT_NOW (silences and the recover period
//! are judged on it); the sandbox's SSM runs on the wall clock, as AWS does.

use crate::common;

use common::cli::*;
use opskit_sandbox::{self as sandbox, SsmResult};
use serde_json::json;

const NOW: &str = "2026-12-01T03:00:00Z";
const LATER: &str = "2026-12-01T03:05:00Z";
const ACCOUNT: &str = sandbox::DX_DEMO_ACCOUNT;
const WEB_1: &str = sandbox::EC2_DEMO_WEB_1;
const WEB_2: &str = sandbox::EC2_DEMO_WEB_2;

const SCENARIO: &str = r#"
[[routes]]
name = "chat hears everything, and what the automation handled"
sinks = ["slack"]
notify_recovered = true

[[routes]]
name = "page on critical"
min_severity = "critical"
sinks = ["pagerduty"]

[respond]
budget = "15s"

[[scenarios]]
name = "disk-full"
sources = ["monitoring"]
keys = ["disk/*"]
allow_recover = true
recover_once_per = "6h"
[[scenarios.steps]]
role = "gather"
name = "disk usage"
ssm = ["df -h /"]
[[scenarios.steps]]
role = "recover"
name = "clear rotated logs"
ssm = ["find /var/log/app -name '*.gz' -delete"]
[[scenarios.steps]]
role = "verify"
name = "root below 90%"
wait = "1s"
ssm = ["test $(df --output=pcent / | tail -1 | tr -dc 0-9) -lt 90"]
"#;

fn setup(b: &Bench) {
    b.aws_profiles(&[("acme-prod", ACCOUNT)]);
    b.write_config(&format!(
        "{}{}{}{SCENARIO}",
        b.defaults(),
        account_toml("acme-prod", ACCOUNT, &[sandbox::DX_DEMO_REGION]),
        b.sandbox.sinks_toml()
    ));
}

/// web-1's disk fills and the logs clear; web-2's file system is read-only.
fn script(b: &Bench) {
    let sb = &b.sandbox;
    sb.ssm_script(
        "*",
        "df -h",
        vec![SsmResult::success(
            "Filesystem  Size  Used Avail Use% Mounted on\n/dev/nvme0n1p1  20G  19G  1.0G  97% /\n",
            300,
        )],
    );
    sb.ssm_script(WEB_1, "find /var/log/app", vec![SsmResult::success("", 200)]);
    sb.ssm_script(WEB_1, "test $(df", vec![SsmResult::success("", 200)]);
    sb.ssm_script(
        WEB_2,
        "find /var/log/app",
        vec![SsmResult::failed(1, "find: cannot delete '/var/log/app/a.gz': Read-only file system", 200)],
    );
    sb.ssm_script(WEB_2, "test $(df", vec![SsmResult::failed(1, "", 200)]);
}

fn alert(instance: &str) -> serde_json::Value {
    json!({
        "key": format!("disk/{instance}"),
        "severity": "critical",
        "title": format!("Disk / at 97% on {instance}"),
        "account": ACCOUNT,
        "region": sandbox::DX_DEMO_REGION,
        "resources": [instance],
    })
}

fn push(b: &Bench, at: &str, alerts: &[serde_json::Value], extra: &[&str]) -> assert_cmd::assert::Assert {
    let mut c = b.opskit_aws();
    c.env("OPSKIT_NOW", at).args(["findings", "push", "--source", "monitoring"]).args(extra);
    c.write_stdin(serde_json::Value::Array(alerts.to_vec()).to_string()).assert()
}

fn commands_on(b: &Bench, instance: &str, word: &str) -> usize {
    b.sandbox
        .ssm_commands()
        .iter()
        .filter(|c| c.instance_ids.iter().any(|i| i == instance) && c.commands.join("\n").contains(word))
        .count()
}

fn log_json(b: &Bench) -> Vec<serde_json::Value> {
    let a = b.opskit().env("OPSKIT_NOW", LATER).args(["respond", "log", "--output", "json"]).assert();
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    json_array(&a)
}

#[test]
fn a_recovered_disk_resolves_with_nobody_paged_and_the_audit_shows_every_step() {
    let b = Bench::new();
    setup(&b);
    script(&b);
    let a = push(&b, NOW, &[alert(WEB_1)], &[]);
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    assert!(b.sandbox.pagerduty_events().is_empty(), "paged: {:?}", b.sandbox.pagerduty_events());
    let slack = b.slack_texts();
    assert_eq!(slack.len(), 1, "{slack:?}");
    assert!(slack[0].contains("RESOLVED") && slack[0].contains("Recovered by scenario disk-full"), "{}", slack[0]);
    assert!(slack[0].contains("*First response:* disk-full: recovered"), "{}", slack[0]);
    assert_eq!(b.state_findings("monitoring"), vec![(format!("disk/{WEB_1}"), "resolved".to_string())]);
    // Each step ran once, on web-1, in this order.
    let sent: Vec<String> = b.sandbox.ssm_commands().iter().map(|c| c.commands.join(" ")).collect();
    assert_eq!(sent.len(), 3, "{sent:?}");
    assert!(sent[0].starts_with("df -h") && sent[1].starts_with("find") && sent[2].starts_with("test"), "{sent:?}");
    assert!(
        b.sandbox
            .ssm_commands()
            .iter()
            .all(|c| c.instance_ids == vec![WEB_1.to_string()] && c.document_name == "AWS-RunShellScript")
    );

    let log = log_json(&b);
    assert_eq!(log.len(), 1);
    assert_eq!(log[0]["status"], "recovered");
    let steps = log[0]["steps"].as_array().unwrap();
    let seen: Vec<(&str, &str)> =
        steps.iter().map(|s| (s["name"].as_str().unwrap(), s["outcome"].as_str().unwrap())).collect();
    assert_eq!(seen, vec![("disk usage", "ok"), ("clear rotated logs", "ok"), ("root below 90%", "ok")]);
    assert!(steps[0]["output"].as_str().unwrap().contains("97% /"), "{}", steps[0]);
    assert!(steps.iter().all(|s| s["started"].is_string() && s["ended"].is_string() && s["input"].is_string()));
    // The verify waited its second.
    let verify_start: jiff::Timestamp = steps[2]["started"].as_str().unwrap().parse().unwrap();
    let recover_end: jiff::Timestamp = steps[1]["ended"].as_str().unwrap().parse().unwrap();
    assert!(verify_start.duration_since(recover_end) >= jiff::SignedDuration::from_millis(900));
    let text = stdout(&b.opskit().env("OPSKIT_NOW", LATER).args(["respond", "log", "--steps"]).assert());
    assert!(
        text.contains("disk-full: recovered") && text.contains("| /dev/nvme0n1p1") && text.contains(WEB_1),
        "{text}"
    );
}

#[test]
fn a_failed_recovery_pages_once_with_the_evidence_in_pagerduty_and_slack() {
    let b = Bench::new();
    setup(&b);
    script(&b);
    let a = push(&b, NOW, &[alert(WEB_2)], &[]);
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    let events = b.sandbox.pagerduty_events();
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(events[0]["event_action"], "trigger");
    let details = &events[0]["payload"]["custom_details"];
    let text = details.to_string();
    assert!(text.contains("disk-full: escalated (verify `root below 90%` failed)"), "{text}");
    assert!(text.contains("97% /") && text.contains("Read-only file system"), "the evidence of every step: {text}");
    let slack = b.sandbox.requests_to(sandbox::SLACK_PATH);
    assert_eq!(slack.len(), 1);
    let text = slack[0].json()["text"].as_str().unwrap().to_string();
    assert!(text.contains("*First response:* disk-full: escalated"), "{text}");
    let blocks = slack[0].json()["blocks"].to_string();
    assert!(blocks.contains("Read-only file system") && blocks.contains("97% /"), "every step's output: {blocks}");
    // Still broken a minute later: nobody is paged again, nothing runs again.
    push(&b, LATER, &[alert(WEB_2)], &[]);
    assert_eq!(b.sandbox.pagerduty_events().len(), 1);
    assert_eq!(commands_on(&b, WEB_2, "find /var/log/app"), 1);
}

#[test]
fn a_recover_step_is_not_repeated_within_its_period() {
    let b = Bench::new();
    setup(&b);
    script(&b);
    push(&b, NOW, &[alert(WEB_1)], &[]);
    assert!(b.sandbox.pagerduty_events().is_empty());
    // The disk fills again five minutes later: the checks run, the recover step does not.
    b.sandbox.ssm_script(WEB_1, "test $(df", vec![SsmResult::failed(1, "", 100)]);
    let a = push(&b, LATER, &[alert(WEB_1)], &[]);
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    assert_eq!(commands_on(&b, WEB_1, "find /var/log/app"), 1, "{:?}", b.sandbox.ssm_commands());
    assert_eq!(commands_on(&b, WEB_1, "df -h"), 2);
    let events = b.sandbox.pagerduty_events();
    assert_eq!(events.len(), 1, "this time a person is paged: {events:?}");
    assert!(events[0]["payload"]["custom_details"].to_string().contains("at most once per 6h"), "{}", events[0]);
    let log = log_json(&b);
    assert_eq!(log.len(), 2);
    assert_eq!(log[0]["status"], "escalated");
    assert_eq!(log[0]["steps"][1]["outcome"], "skipped");
}

#[test]
fn a_scenario_does_not_run_inside_a_silence() {
    let b = Bench::new();
    setup(&b);
    script(&b);
    let a = b
        .opskit()
        .env("OPSKIT_NOW", NOW)
        .args(["silence", "add", "--source", "monitoring", "--until", "2h", "--reason", "disk migration"])
        .assert();
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    let a = push(&b, NOW, &[alert(WEB_1)], &[]);
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    assert!(b.sandbox.ssm_commands().is_empty(), "ran in a silence: {:?}", b.sandbox.ssm_commands());
    assert!(b.sandbox.pagerduty_events().is_empty() && b.slack_texts().is_empty());
    let log = log_json(&b);
    assert_eq!(log[0]["status"], "waiting");
    assert!(log[0]["reason"].as_str().unwrap().contains("inside silence"), "{}", log[0]);
}

#[test]
fn a_dry_run_runs_no_recover_step_and_keeps_nothing() {
    let b = Bench::new();
    setup(&b);
    script(&b);
    let a = push(&b, NOW, &[alert(WEB_1)], &["--dry-run"]);
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    assert!(b.sandbox.ssm_commands().is_empty(), "a dry run sent {:?}", b.sandbox.ssm_commands());
    let out = stdout(&a);
    assert!(out.contains("disk-full: dry-run") && out.contains("clear rotated logs would-run"), "{out}");
    assert!(b.sandbox.pagerduty_events().is_empty() && b.slack_texts().is_empty());
    assert!(!b.path("state.db").exists() || log_json(&b).is_empty());
}

#[test]
fn two_runs_at_once_run_the_scenario_once() {
    let b = Bench::new();
    setup(&b);
    script(&b);
    let input = b.path("alerts.json");
    std::fs::write(&input, serde_json::Value::Array(vec![alert(WEB_1)]).to_string()).unwrap();
    let spawn = || {
        let mut c = b.opskit_aws_process();
        c.env("OPSKIT_NOW", NOW)
            .args(["--wait-lock", "60s", "findings", "push", "--source", "monitoring"])
            .arg(&input)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::piped());
        c.spawn().unwrap()
    };
    let (one, two) = (spawn(), spawn());
    for child in [one, two] {
        let out = child.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    }
    assert_eq!(commands_on(&b, WEB_1, "find /var/log/app"), 1, "{:?}", b.sandbox.ssm_commands());
    assert_eq!(commands_on(&b, WEB_1, "df -h"), 1);
    assert_eq!(b.slack_texts().len(), 1, "{:?}", b.slack_texts());
    assert_eq!(log_json(&b).len(), 1);
}
