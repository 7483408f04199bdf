//! `opskit support` end to end: the built binary against the sandbox's Support cases (read
//! by the real SDK) with Slack and a webhook as sinks, and against moto server's Support
//! backend. Time is injected with OPSKIT_NOW, never slept.

use crate::common;

use common::cli::*;
use common::moto::MotoServer;
use jiff::Timestamp;
use opskit_sandbox as sandbox;
use serde_json::json;

const ACME: &str = sandbox::SUPPORT_DEMO_ACCOUNT;
const AWS: &str = sandbox::SUPPORT_AWS_SUBMITTER;
const US: &str = sandbox::SUPPORT_CUSTOMER_SUBMITTER;
const T0: &str = "2026-11-22T00:00:00Z";

fn at(offset_minutes: i64) -> Timestamp {
    T0.parse::<Timestamp>().unwrap() + jiff::SignedDuration::from_mins(offset_minutes)
}

fn setup(b: &Bench) {
    b.aws_profiles(&[("acme", ACME)]);
    b.write_config(&format!(
        "{}{}{}\n[[routes]]\nsources = [\"support\"]\nsinks = [\"slack\", \"webhook\"]\n\n\
         [commands.support]\nremind_after = \"4h\"\nremind_every = \"24h\"\n",
        b.defaults(),
        account_toml("acme", ACME, &["ap-northeast-1"]),
        b.sandbox.sinks_toml(),
    ));
}

fn watch(b: &Bench, now: Timestamp) -> assert_cmd::assert::Assert {
    let a = b.opskit_aws().env("OPSKIT_NOW", now.to_string()).args(["support", "watch"]).assert();
    assert_eq!(common::cli::code(&a), 0, "{}", stderr(&a));
    a
}

#[test]
fn an_aws_reply_is_told_once_with_its_text_a_customer_reply_not_at_all_and_resolution_resolves() {
    let b = Bench::new();
    setup(&b);
    watch(&b, at(0));
    let first = b.slack_texts();
    assert_eq!(first.len(), 3, "three open cases: {first:?}");
    assert!(first.iter().any(|t| t.contains(sandbox::SUPPORT_DX_CASE_DISPLAY_ID)), "{first:?}");
    watch(&b, at(1));
    assert_eq!(b.slack_texts().len(), 3, "nothing new, nothing sent");

    b.sandbox
        .support_add_communication(
            sandbox::SUPPORT_DX_CASE,
            AWS,
            "We found a flapping BGP session on the AWS side.\nA fix is deployed; please confirm the VIF is stable.",
            Some(at(2)),
            &["bgp-log.txt"],
        )
        .unwrap();
    watch(&b, at(5));
    let msgs = b.slack_texts();
    assert_eq!(msgs.len(), 4, "one message for the reply: {msgs:?}");
    let m = &msgs[3];
    assert!(m.contains("AWS replied on case") && m.contains(sandbox::SUPPORT_DX_CASE_DISPLAY_ID), "{m}");
    assert!(m.contains("flapping BGP session on the AWS side") && m.contains("bgp-log.txt"), "{m}");
    watch(&b, at(6));
    assert_eq!(b.slack_texts().len(), 4, "the same reply is not told twice");

    b.sandbox
        .support_add_communication(sandbox::SUPPORT_DX_CASE, US, "Confirmed, stable since 09:00.", Some(at(7)), &[])
        .unwrap();
    watch(&b, at(10));
    assert_eq!(b.slack_texts().len(), 4, "our own reply is not news");

    b.sandbox.support_set_status(sandbox::SUPPORT_BILLING_CASE, "resolved").unwrap();
    watch(&b, at(11));
    let msgs = b.slack_texts();
    assert_eq!(msgs.len(), 5);
    assert!(msgs[4].contains("RESOLVED") && msgs[4].contains(sandbox::SUPPORT_BILLING_CASE_DISPLAY_ID), "{}", msgs[4]);
}

#[test]
fn a_baseline_run_records_the_open_cases_and_only_later_changes_are_told() {
    let b = Bench::new();
    setup(&b);
    let a = b.opskit_aws().env("OPSKIT_NOW", at(0).to_string()).args(["support", "watch", "--baseline"]).assert();
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    assert!(stdout(&a).contains("baselined"), "{}", stdout(&a));
    assert!(b.slack_texts().is_empty() && b.sandbox.requests_to(sandbox::WEBHOOK_PATH).is_empty(), "nothing is sent");
    watch(&b, at(1));
    assert!(b.slack_texts().is_empty(), "the baseline counts as told");
    b.sandbox.support_add_communication(sandbox::SUPPORT_DX_CASE, AWS, "Fixed on our side.", Some(at(2)), &[]).unwrap();
    watch(&b, at(3));
    let msgs = b.slack_texts();
    assert_eq!(msgs.len(), 1, "{msgs:?}");
    assert!(msgs[0].contains("Fixed on our side."), "{}", msgs[0]);
}

#[test]
fn cases_aws_no_longer_knows_resolve_and_do_not_fail_later_runs() {
    let b = Bench::new();
    setup(&b);
    watch(&b, at(0));
    assert_eq!(b.slack_texts().len(), 3);
    // The seeded cases are gone for good (replaced); looking them up answers CaseIdNotFound.
    b.sandbox.support_generate(ACME, 1, 1);
    watch(&b, at(1));
    let msgs = b.slack_texts();
    let gone: Vec<&String> = msgs[3..].iter().filter(|m| m.contains("is no longer open")).collect();
    assert_eq!(gone.len(), 3, "{msgs:?}");
    watch(&b, at(2));
}

#[test]
fn a_case_waiting_on_us_reminds_only_after_the_interval() {
    let b = Bench::new();
    setup(&b);
    let id = b
        .sandbox
        .support_add_case(
            ACME,
            json!({"subject": "RDS storage limit increase", "status": "pending-customer-action", "severityCode": "normal",
                   "timeCreated": "2026-11-21T23:00:00.000Z",
                   "communications": [{"submittedBy": US, "body": "Please raise it to 100 TB.", "timeCreated": "2026-11-21T23:00:00.000Z"}]}),
        )
        .unwrap();
    b.sandbox.support_add_communication(&id, AWS, "Which DB instance identifier?", Some(at(20)), &[]).unwrap();
    let display = b.sandbox.support_cases(ACME).into_iter().find(|c| c["caseId"] == id.as_str()).unwrap()["displayId"]
        .as_str()
        .unwrap()
        .to_string();
    let about = |b: &Bench| b.slack_texts().into_iter().filter(|t| t.contains(&display)).collect::<Vec<_>>();
    watch(&b, at(60));
    assert_eq!(about(&b).len(), 1, "first sight");
    watch(&b, at(4 * 60));
    assert_eq!(about(&b).len(), 1, "not yet due: AWS replied 3h40m ago");
    watch(&b, at(4 * 60 + 30));
    let msgs = about(&b);
    assert_eq!(msgs.len(), 2, "{msgs:?}");
    assert!(msgs[1].contains("Reminder") && msgs[1].contains("waited on us for 4h 10m"), "{}", msgs[1]);
    watch(&b, at(5 * 60));
    watch(&b, at(27 * 60));
    assert_eq!(about(&b).len(), 2, "no second reminder within remind_every");
    watch(&b, at(28 * 60 + 30));
    let msgs = about(&b);
    assert_eq!(msgs.len(), 3);
    assert!(msgs[2].contains("Reminder #2"), "{}", msgs[2]);
    // Someone answers: the status moves on and reminders stop.
    b.sandbox.support_add_communication(&id, US, "db-prod-1", Some(at(29 * 60)), &[]).unwrap();
    b.sandbox.support_set_status(&id, "customer-action-completed").unwrap();
    watch(&b, at(29 * 60 + 5));
    watch(&b, at(60 * 60));
    let msgs = about(&b);
    assert_eq!(msgs.len(), 4, "one status change, then quiet: {msgs:?}");
    let headline = msgs[3].lines().next().unwrap();
    assert!(!headline.contains("Reminder") && headline.contains("customer-action-completed"), "{headline}");
}

#[test]
fn more_than_five_new_communications_are_all_seen_in_order() {
    let b = Bench::new();
    setup(&b);
    watch(&b, at(0));
    for i in 1..=120 {
        let who = if i % 3 == 0 { US } else { AWS };
        b.sandbox
            .support_add_communication(sandbox::SUPPORT_DX_CASE, who, &format!("update {i:03}"), Some(at(i)), &[])
            .unwrap();
    }
    b.sandbox.clear();
    watch(&b, at(200));
    let pages = b
        .sandbox
        .requests()
        .iter()
        .filter(|r| r.header("x-amz-target") == Some("AWSSupport_20130415.DescribeCommunications"))
        .count();
    assert_eq!(pages, 2, "120 communications after the last seen one: two pages of 100");
    let hook = b.sandbox.requests_to(sandbox::WEBHOOK_PATH);
    assert_eq!(hook.len(), 1);
    let rows = hook[0].json()["finding"]["details"]["rows"].as_array().unwrap().clone();
    let texts: Vec<String> = rows.iter().map(|r| r[2].as_str().unwrap().to_string()).collect();
    let expected: Vec<String> = (1..=120).filter(|i| i % 3 != 0).map(|i| format!("update {i:03}")).collect();
    assert_eq!(texts, expected, "every AWS reply, oldest first, none of ours");
}

#[test]
fn moto_support_cases_are_listed_and_watched_without_error() {
    let b = Bench::new();
    let moto = MotoServer::start();
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        let cfg = common::moto::sdk_config(&moto.endpoint()).await;
        let support = aws_sdk_support::Client::new(&cfg);
        for subject in ["EC2 limit increase", "S3 bucket cannot be deleted"] {
            support
                .create_case()
                .subject(subject)
                .communication_body("Please help")
                .service_code("amazon-ec2")
                .category_code("general-guidance")
                .severity_code("low")
                .send()
                .await
                .expect("moto creates a case");
        }
    });
    b.write_config(&format!("{}[[accounts]]\nname = \"acme\"\nid = \"123456789012\"\n", b.defaults()));
    let with_moto = |args: &[&str]| {
        b.opskit()
            .env("AWS_ENDPOINT_URL", moto.endpoint())
            .env("AWS_ACCESS_KEY_ID", "test")
            .env("AWS_SECRET_ACCESS_KEY", "test")
            .args(args)
            .assert()
    };
    let a = with_moto(&["support", "cases"]);
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    let out = stdout(&a);
    assert!(out.contains("EC2 limit increase") && out.contains("S3 bucket cannot be deleted"), "{out}");
    let a = with_moto(&["support", "watch", "--output", "json"]);
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    let report: serde_json::Value = serde_json::from_str(&stdout(&a)).unwrap();
    assert_eq!(report["findings"].as_array().unwrap().len(), 2, "{report}");
    let a = with_moto(&["support", "watch", "--output", "json"]);
    assert_eq!(code(&a), 0, "a second run against moto works too: {}", stderr(&a));
}

#[test]
fn an_account_without_business_support_is_noted_not_failed() {
    let b = Bench::new();
    b.aws_profiles(&[("acme", ACME), ("initech", sandbox::TA_UNSUPPORTED_ACCOUNT)]);
    b.write_config(&format!(
        "{}{}{}",
        b.defaults(),
        account_toml("acme", ACME, &["ap-northeast-1"]),
        account_toml("initech", sandbox::TA_UNSUPPORTED_ACCOUNT, &["ap-northeast-1"])
    ));
    let a = b.opskit_aws().args(["support", "cases"]).assert();
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    assert!(stdout(&a).contains(sandbox::SUPPORT_LIMIT_CASE_DISPLAY_ID), "{}", stdout(&a));
    assert!(
        stderr(&a).contains("note: initech: no Business support")
            && stderr(&a).contains("SubscriptionRequiredException")
    );
    let a = b.opskit_aws().args(["support", "watch", "--strict", "--dry-run"]).assert();
    assert_eq!(code(&a), 3);
}

/// `{}` with HTTP 200 for DescribeCases (a proxy, a wrong endpoint override) is not "every
/// case was closed": the account fails, naming the operation, and no case resolves.
#[test]
fn an_empty_answer_fails_the_account_and_resolves_no_case() {
    let b = Bench::new();
    setup(&b);
    watch(&b, at(0));
    assert_eq!(b.slack_texts().len(), 3);
    let state = b.state_findings("support");
    assert_eq!(state.iter().filter(|(_, s)| s == "open").count(), 3, "{state:?}");
    // Both the open listing and the look-up of the cases it lacks answer `{}`.
    b.sandbox.inject(sandbox::Fault::ok_with_body("/", "{}", 2).for_target("AWSSupport_20130415.DescribeCases"));
    let a = b.opskit_aws().env("OPSKIT_NOW", at(1).to_string()).args(["support", "watch"]).assert();
    assert_eq!(code(&a), 3, "{}", stderr(&a));
    assert!(
        stderr(&a).contains(
            "error: acme: DescribeCases: the answer has no cases list (HTTP 200, body not a DescribeCases answer)"
        ),
        "{}",
        stderr(&a)
    );
    assert_eq!(b.slack_texts().len(), 3, "no case told resolved: {:?}", b.slack_texts());
    assert_eq!(b.state_findings("support"), state, "the state still has them open");

    // The next good answer: nothing changed, nothing is sent.
    b.sandbox.clear();
    watch(&b, at(2));
    assert!(b.slack_texts().is_empty(), "{:?}", b.slack_texts());
    assert_eq!(b.state_findings("support"), state);
}
