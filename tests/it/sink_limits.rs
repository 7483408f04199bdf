//! Sinks' size limits end to end: a finding far over every sink's documented limits (a
//! 100,000-character title, 5 MB of summary, a 1 MB field, 5,000 resources) pushed through
//! the built binary is delivered once to each sink, within the limit, with the truncation
//! marker, and with its key facts intact. The sandbox's fakes refuse what the real services
//! refuse (PagerDuty over 512 KB, Slack's block limits, Backlog's field lengths), so an
//! oversized request would fail the run instead of passing unnoticed.

use crate::common;

use common::cli::*;
use common::moto::{MotoServer, TopicQueue};
use opskit_sandbox as sandbox;

const MARKER: &str = "[truncated by opskit: ";

/// The oversized finding as a script would push it.
fn huge_finding() -> String {
    let title = format!("Disk full on db-1 {}", "x".repeat(100_000));
    // Multi-byte text, so every cut falls inside a character somewhere.
    let summary = "詳細ログ🦀".repeat(5_000_000 / 16);
    let resources: Vec<String> = (0..5000).map(|i| format!("vol-{i:05}")).collect();
    serde_json::json!([{
        "key": "db-1",
        "severity": "critical",
        "title": title,
        "summary": summary,
        "account": "111122223333",
        "region": "ap-northeast-1",
        "resources": resources,
        "fields": {"used": "100%", "log": "L".repeat(1_000_000)},
    }])
    .to_string()
}

#[test]
fn a_finding_far_over_every_limit_is_delivered_once_within_each_sinks_limits() {
    let b = Bench::new();
    b.write_config(&format!(
        "{}{}\n[[routes]]\nsinks = [\"slack\", \"pagerduty\", \"backlog\", \"webhook\"]\n",
        b.defaults(),
        b.sandbox.sinks_toml()
    ));
    let input = huge_finding();
    assert!(input.len() > 5_000_000);
    let a = b.push("big", &input).assert();
    assert_eq!(code(&a), 0, "stderr: {}", stderr(&a));

    // PagerDuty: one event, under 512 KB, summary cut to 1024 with the marker; severity,
    // source, dedup key and the short field untouched; the long text cut in the details.
    let reqs = b.sandbox.requests_to(sandbox::PAGERDUTY_PATH);
    assert_eq!(reqs.len(), 1, "delivered once");
    assert_eq!(reqs[0].status, 202, "{}", reqs[0].text());
    assert!(reqs[0].body.len() <= 512_000, "{} bytes", reqs[0].body.len());
    let ev = reqs[0].json();
    let p = &ev["payload"];
    let summary = p["summary"].as_str().unwrap();
    assert!(summary.chars().count() <= 1024 && summary.contains("Disk full on db-1"), "{summary}");
    assert!(summary.contains(MARKER), "{summary}");
    assert_eq!(p["severity"], "critical");
    assert_eq!(p["source"], "111122223333/ap-northeast-1");
    assert_eq!(p["component"], "vol-00000");
    assert_eq!(ev["dedup_key"], "big/db-1");
    assert_eq!(p["custom_details"]["used"], "100%");
    assert!(p["custom_details"]["summary"].as_str().unwrap().contains(MARKER));
    assert!(p["custom_details"]["log"].as_str().unwrap().contains(MARKER));

    // Slack: accepted (the fake refuses invalid blocks), the facts in the blocks, the cut marked.
    let reqs = b.sandbox.requests_to(sandbox::SLACK_PATH);
    assert_eq!(reqs.len(), 1);
    assert_eq!(reqs[0].status, 200, "{}", reqs[0].text());
    let body = reqs[0].json();
    let blocks = body["blocks"].as_array().unwrap();
    assert!(blocks.len() <= 50);
    let header = blocks[0]["text"]["text"].as_str().unwrap();
    assert!(header.contains("CRITICAL: Disk full on db-1") && header.chars().count() <= 150, "{header}");
    let all = body.to_string();
    for fact in ["111122223333", "ap-northeast-1", "opskit · big · `db-1`", "*used*: 100%", MARKER] {
        assert!(all.contains(fact), "{fact} missing from the slack message");
    }
    assert!(body["text"].as_str().unwrap().chars().count() <= 3000);

    // Backlog: one issue, summary and description within Backlog's lengths.
    let issues = b.sandbox.backlog_issues();
    assert_eq!(issues.len(), 1);
    let summary = issues[0]["summary"].as_str().unwrap();
    assert!(summary.chars().count() <= 255 && summary.contains("Disk full on db-1"), "{summary}");
    assert!(summary.contains(MARKER), "{summary}");
    let description = issues[0]["description"].as_str().unwrap();
    assert!(description.chars().count() <= 100_000);
    for fact in ["111122223333", "ap-northeast-1", "| used | 100% |", "vol-00000", MARKER] {
        assert!(description.contains(fact), "{fact} missing from the description");
    }

    // The webhook receiver gets the whole finding: it has no documented limit to fit.
    assert_eq!(b.sandbox.requests_to(sandbox::WEBHOOK_PATH).len(), 1);

    // Delivered means committed: the next run sends nothing again.
    let before = b.sandbox.requests().len();
    let a = b.push("big", &input).assert();
    assert_eq!(code(&a), 0, "stderr: {}", stderr(&a));
    assert_eq!(b.sandbox.requests().len(), before, "nothing is re-sent");
}

#[test]
fn a_finding_far_over_the_sns_limit_is_published_within_256_kb() {
    let b = Bench::new();
    let moto = MotoServer::start();
    let rt = tokio::runtime::Runtime::new().unwrap();
    let tq = rt.block_on(TopicQueue::create(&moto.endpoint(), "opskit-big"));
    b.write_config(&format!(
        "{}\n[sinks.sns]\ntype = \"sns\"\ntopic_arn = \"{}\"\n\n[[routes]]\nsinks = [\"sns\"]\n",
        b.defaults(),
        tq.topic_arn
    ));
    let a = b
        .push("big", &huge_finding())
        .env("AWS_ENDPOINT_URL", moto.endpoint())
        .env("AWS_ACCESS_KEY_ID", "test")
        .env("AWS_SECRET_ACCESS_KEY", "test")
        .assert();
    assert_eq!(code(&a), 0, "stderr: {}", stderr(&a));
    let sns = rt.block_on(tq.drain(&moto.endpoint()));
    assert_eq!(sns.len(), 1, "{}", sns.len());
    let message = sns[0]["Message"].as_str().unwrap();
    assert!(message.len() <= 262_144, "{} bytes", message.len());
    for fact in ["Disk full on db-1", "Account:  111122223333", "Region:   ap-northeast-1", "Key:      db-1", MARKER] {
        assert!(message.contains(fact), "{fact} missing from the SNS message");
    }
    let subject = sns[0]["Subject"].as_str().unwrap();
    assert!(subject.len() <= 100 && subject.is_ascii(), "{subject}");
    assert_eq!(sns[0]["MessageAttributes"]["severity"]["Value"], "critical");
}
