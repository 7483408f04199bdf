//! `opskit health watch` end to end: the built binary against the sandbox's AWS Health API
//! (Smithy RPC v2 CBOR, read by the real aws-sdk-health), per account and per organization,
//! Slack and a webhook as sinks; and the same event told by mail and by the API, once.
//! Time is pinned with OPSKIT_NOW; event windows are fixed dates after it.

use crate::common;

use common::cli::*;
use opskit_sandbox::{self as sandbox, Fault};
use serde_json::json;

const NOW: &str = "2026-11-22T00:00:00Z";
const A1: &str = "500000000001";
const A2: &str = "500000000002";
const A3: &str = "500000000003";
/// An account without the support plan the Health API needs.
const NO_PLAN: &str = "500000000004";
const DX: &str = "AWS_DIRECTCONNECT_MAINTENANCE_SCHEDULED";
const RETIREMENT: &str = "AWS_EC2_INSTANCE_RETIREMENT_SCHEDULED";

fn health_ops(b: &Bench) -> Vec<String> {
    b.sandbox
        .requests_to("/service/AWSHealth_20160804/operation/")
        .iter()
        .map(|r| r.path.rsplit('/').next().unwrap_or_default().to_string())
        .collect()
}

fn watch(b: &Bench) -> assert_cmd::assert::Assert {
    b.opskit_aws().env("OPSKIT_NOW", NOW).args(["health", "watch"]).assert()
}

fn retirement(instance: &str) -> serde_json::Value {
    json!({
        "service": "EC2",
        "eventTypeCode": RETIREMENT,
        "eventTypeCategory": "scheduledChange",
        "region": "ap-northeast-1",
        "statusCode": "upcoming",
        "startTime": "2026-12-15T01:00:00Z",
        "description": format!("Your instance {instance} will be retired on 2026-12-15 because of degraded hardware."),
        "entities": [{"entityValue": instance}],
    })
}

fn accounts_config(b: &Bench, route_sources: &str, section: &str) {
    b.aws_profiles(&[("one", A1), ("two", A2), ("three", A3), ("noplan", NO_PLAN)]);
    b.write_config(&format!(
        "{}{}{}{}{}{}\n[[routes]]\nsources = [{route_sources}]\nsinks = [\"slack\", \"webhook\"]\n\n{section}",
        b.defaults(),
        account_toml("one", A1, &["ap-northeast-1"]),
        account_toml("two", A2, &["ap-northeast-1"]),
        account_toml("three", A3, &["ap-northeast-1"]),
        account_toml("noplan", NO_PLAN, &["ap-northeast-1"]),
        b.sandbox.sinks_toml(),
    ));
}

#[test]
fn events_of_three_accounts_are_told_once_a_rerun_asks_one_page_each_a_closed_one_resolves_no_plan_is_noted() {
    let b = Bench::new();
    accounts_config(&b, "\"health\"", "");
    b.sandbox.ta_set_support(NO_PLAN, false);
    let arns: Vec<String> = [(A1, "i-0aaa1111"), (A2, "i-0bbb2222"), (A3, "i-0ccc3333")]
        .iter()
        .map(|(a, i)| b.sandbox.health_put_event(&[a], retirement(i)).unwrap())
        .collect();
    // An event of an account we do not watch: never seen.
    b.sandbox.health_put_event(&["599999999999"], retirement("i-0fff9999")).unwrap();

    let a = watch(&b);
    assert_eq!(code(&a), 0, "an account without the plan does not fail the run: {}", stderr(&a));
    assert!(stderr(&a).contains("noplan") && stderr(&a).contains("no Business support"), "{}", stderr(&a));
    let msgs = b.slack_texts();
    assert_eq!(msgs.len(), 3, "{msgs:?}");
    for (i, name) in [("i-0aaa1111", "one"), ("i-0bbb2222", "two"), ("i-0ccc3333", "three")] {
        let m = msgs.iter().find(|m| m.contains(i)).unwrap_or_else(|| panic!("{i} not told: {msgs:?}"));
        assert!(m.contains(RETIREMENT) && m.contains(name) && m.contains("degraded hardware"), "{m}");
    }
    assert_eq!(b.sandbox.requests_to(sandbox::WEBHOOK_PATH).len(), 3);

    // Nothing changed: one DescribeEvents per account, nothing told.
    b.sandbox.clear();
    let a = watch(&b);
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    assert!(b.slack_texts().is_empty(), "{:?}", b.slack_texts());
    let mut ops = health_ops(&b);
    ops.sort();
    assert_eq!(ops, vec!["DescribeEvents"; 4], "one call per account when nothing changed");

    // AWS closes one event: it resolves, once.
    b.sandbox.health_set_status(&arns[1], "closed").unwrap();
    let a = watch(&b);
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    let msgs = b.slack_texts();
    assert_eq!(msgs.len(), 1, "{msgs:?}");
    assert!(msgs[0].contains("RESOLVED") && msgs[0].contains("i-0bbb2222"), "{}", msgs[0]);
    b.sandbox.clear();
    watch(&b);
    assert!(b.slack_texts().is_empty());
}

#[test]
fn a_failing_account_resolves_nothing_and_fails_the_run() {
    let b = Bench::new();
    accounts_config(&b, "\"health\"", "");
    b.sandbox.health_put_event(&[A1], retirement("i-0aaa1111")).unwrap();
    assert_eq!(code(&watch(&b)), 0);
    // Both Health regions answer 500 (every retry): the account failed; its event stays open.
    b.sandbox.clear();
    b.sandbox.inject(Fault::status("/service/", 500, 100).for_target("AWSHealth_20160804.DescribeEvents"));
    let a = watch(&b);
    assert_eq!(code(&a), 3, "{}", stderr(&a));
    assert!(stderr(&a).contains("one") && stderr(&a).contains("us-east-2"), "{}", stderr(&a));
    assert!(b.slack_texts().is_empty(), "nothing resolved: {:?}", b.slack_texts());
}

#[test]
fn health_fails_over_to_us_east_2_when_us_east_1_does_not_answer() {
    let b = Bench::new();
    accounts_config(&b, "\"health\"", "");
    b.sandbox.health_put_event(&[A1], retirement("i-0aaa1111")).unwrap();
    // The SDK's three attempts in us-east-1 fail; the passive region answers.
    b.sandbox.inject(Fault::status("/service/", 500, 3).for_target("AWSHealth_20160804.DescribeEvents"));
    let a = b.opskit_aws().env("OPSKIT_NOW", NOW).args(["health", "watch", "--account", "one"]).assert();
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    assert!(stderr(&a).contains("asking us-east-2"), "{}", stderr(&a));
    assert_eq!(b.slack_texts().len(), 1);
    let scopes: Vec<bool> = b
        .sandbox
        .requests_to("/service/AWSHealth_20160804/operation/DescribeEvents")
        .iter()
        .map(|r| r.headers.iter().any(|(k, v)| k == "authorization" && v.contains("/us-east-2/health/")))
        .collect();
    assert_eq!(scopes, vec![false, false, false, true], "three tries in us-east-1, then us-east-2");
}

const MGMT: &str = "600000000000";
const M1: &str = "600000000001";
const M2: &str = "600000000002";

/// An organization (management account `mgmt`, members shop and blog, only shop configured)
/// with organizational view on, and one event affecting both members; returns its ARN.
fn organization(b: &Bench) -> String {
    let (_, root) = b.sandbox.org_create(MGMT).unwrap();
    for (id, name) in [(M1, "shop"), (M2, "blog")] {
        b.sandbox.org_put_account(MGMT, Some(&root), id, name).unwrap();
    }
    b.sandbox.health_set_org_view(MGMT, true);
    b.aws_profiles(&[("mgmt", MGMT)]);
    b.write_config(&format!(
        "{}{}[[accounts]]\nname = \"shop\"\nid = \"{M1}\"\nregions = [\"ap-northeast-1\"]\n\n{}\n[[routes]]\nsources = \
         [\"health\"]\nsinks = [\"slack\"]\n\n[commands.health]\norganization = \"mgmt\"\n",
        b.defaults(),
        account_toml("mgmt", MGMT, &["ap-northeast-1"]),
        b.sandbox.sinks_toml(),
    ));
    let mut shared = retirement("i-0shared1");
    shared["entities"] =
        json!([{"entityValue": "i-0shop001", "awsAccountId": M1}, {"entityValue": "i-0blog001", "awsAccountId": M2}]);
    b.sandbox.health_put_event(&[M1, M2], shared).unwrap()
}

#[test]
fn account_picks_the_organization_accounts_told() {
    let b = Bench::new();
    organization(&b);
    let a = b.opskit_aws().env("OPSKIT_NOW", NOW).args(["health", "watch", "--account", "shop"]).assert();
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    let msgs = b.slack_texts();
    assert_eq!(msgs.len(), 1, "{msgs:?}");
    assert!(msgs[0].contains(M1), "{}", msgs[0]);
    // The rest is told by a run for all.
    assert_eq!(code(&watch(&b)), 0);
    assert_eq!(b.slack_texts().len(), 2);
}

#[test]
fn the_organization_view_tells_each_affected_account_once_by_its_name() {
    let b = Bench::new();
    let arn = organization(&b);

    let a = watch(&b);
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    let msgs = b.slack_texts();
    assert_eq!(msgs.len(), 2, "one per affected account: {msgs:?}");
    let shop = msgs.iter().find(|m| m.contains(M1)).unwrap();
    assert!(shop.contains("shop") && shop.contains("i-0shop001") && !shop.contains("i-0blog001"), "{shop}");
    assert!(msgs.iter().any(|m| m.contains(M2) && m.contains("i-0blog001")), "{msgs:?}");
    assert!(
        !health_ops(&b).contains(&"DescribeEvents".to_string()),
        "the member accounts are not asked one by one: {:?}",
        health_ops(&b)
    );

    b.sandbox.clear();
    assert_eq!(code(&watch(&b)), 0);
    assert!(b.slack_texts().is_empty());
    assert_eq!(
        health_ops(&b),
        vec!["DescribeEventsForOrganization", "DescribeAffectedAccountsForOrganization"],
        "when nothing changed: the list, and the accounts of its one event"
    );

    b.sandbox.health_set_status(&arn, "closed").unwrap();
    assert_eq!(code(&watch(&b)), 0);
    let msgs = b.slack_texts();
    assert_eq!(msgs.len(), 2, "{msgs:?}");
    assert!(msgs.iter().all(|m| m.contains("RESOLVED")), "{msgs:?}");

    // The view switched off: the run fails naming the account and what to do; nothing resolves.
    b.sandbox.health_set_org_view(MGMT, false);
    let a = watch(&b);
    assert_eq!(code(&a), 3, "{}", stderr(&a));
    assert!(stderr(&a).contains("mgmt") && stderr(&a).contains("enable-health-service-access"), "{}", stderr(&a));
}

#[test]
fn a_dx_maintenance_event_silences_its_vif_in_dx_vif_for_the_window() {
    let b = Bench::new();
    const ACME: &str = sandbox::DX_DEMO_ACCOUNT;
    b.aws_profiles(&[("acme-prod", ACME)]);
    b.write_config(&format!(
        "{}{}{}\n[[routes]]\nsources = [\"dx-vif\", \"health\"]\nsinks = [\"slack\"]\n\n[commands.health]\nauto_silence = true\n",
        b.defaults(),
        account_toml("acme-prod", ACME, &[sandbox::DX_DEMO_REGION]),
        b.sandbox.sinks_toml(),
    ));
    b.sandbox
        .health_put_event(
            &[ACME],
            json!({
                "service": "DIRECTCONNECT", "eventTypeCode": DX, "eventTypeCategory": "scheduledChange",
                "region": sandbox::DX_DEMO_REGION, "statusCode": "upcoming",
                "startTime": "2026-12-09T23:00:00Z", "endTime": "2026-12-10T05:00:00Z",
                "entities": [{"entityValue": sandbox::DX_DEMO_TRANSIT_VIF}],
            }),
        )
        .unwrap();
    assert_eq!(code(&watch(&b)), 0);
    assert_eq!(b.slack_texts().len(), 1, "the event is told");
    let a = b.opskit().env("OPSKIT_NOW", NOW).args(["silence", "list", "-o", "json"]).assert();
    let silences: serde_json::Value = serde_json::from_str(&stdout(&a)).unwrap();
    let s = &silences[0];
    assert_eq!(silences.as_array().unwrap().len(), 1, "{silences}");
    assert_eq!(s["matcher"]["source"], "dx-vif");
    assert_eq!(s["matcher"]["resource"], sandbox::DX_DEMO_TRANSIT_VIF);
    assert_eq!(
        (s["starts"].as_str(), s["until"].as_str()),
        (Some("2026-12-09T22:45:00Z"), Some("2026-12-10T05:30:00Z"))
    );
    assert!(s["id"].as_str().unwrap().starts_with("s-health-"), "{s}");

    // The VIF goes down inside the window: nobody is told; after it, it pages.
    b.sandbox.dx_set_vif_state(sandbox::DX_DEMO_TRANSIT_VIF, "down").unwrap();
    let poll = |now: &str| b.opskit_aws().env("OPSKIT_NOW", now).args(["dx-vif", "poll"]).assert();
    poll("2026-12-10T01:00:00Z");
    assert_eq!(b.slack_texts().len(), 1, "{:?}", b.slack_texts());
    poll("2026-12-10T05:31:00Z");
    let msgs = b.slack_texts();
    assert_eq!(msgs.len(), 2, "{msgs:?}");
    assert!(msgs[1].contains(sandbox::DX_DEMO_TRANSIT_VIF_NAME), "{}", msgs[1]);
}

/// The legacy Direct Connect notice of the fixtures (account 111122223333, no event ARN),
/// verified, and the Health API's description of the same event.
const DKIM_PASS: &str = "mx.example.net; spf=pass smtp.mailfrom=amazonses.com; dkim=pass header.d=amazon.com";

fn dx_notice_mail() -> Vec<u8> {
    let mut raw = format!("Authentication-Results: {DKIM_PASS}\r\n").into_bytes();
    raw.extend(mail_fixture("legacy_dx_maintenance.eml"));
    raw
}

fn dx_event_by_api(b: &Bench) -> String {
    b.sandbox
        .health_put_event(
            &["111122223333"],
            json!({
                "service": "DIRECTCONNECT", "eventTypeCode": DX, "eventTypeCategory": "scheduledChange",
                "region": "eu-central-1", "statusCode": "upcoming",
                "startTime": "2026-12-09T23:00:00Z", "endTime": "2026-12-10T05:00:00Z",
                "description": "Planned maintenance has been scheduled on an AWS Direct Connect router in Equinix FR5.",
                "entities": [{"entityValue": "dxcon-fg5678gh"}, {"entityValue": "dxvif-ab12cd34"}, {"entityValue": "dxlag-ffabc123"}],
            }),
        )
        .unwrap()
}

fn both_channels_config(b: &Bench, route_source: &str) {
    b.aws_profiles(&[("acme-prod", "111122223333")]);
    b.write_config(&format!(
        "{}{}{}\n[[routes]]\nsources = [\"{route_source}\"]\nsinks = [\"slack\", \"webhook\"]\n\n\
         [commands.maintenance-mail]\nauthserv_id = \"mx.example.net\"\n",
        b.defaults(),
        account_toml("acme-prod", "111122223333", &["eu-central-1"]),
        b.sandbox.sinks_toml(),
    ));
}

fn told(b: &Bench) -> (usize, usize) {
    (b.slack_texts().len(), b.sandbox.requests_to(sandbox::WEBHOOK_PATH).len())
}

fn ingest_mail(b: &Bench, raw: Vec<u8>) {
    let a = b.opskit().env("OPSKIT_NOW", NOW).args(["mail", "ingest"]).write_stdin(raw).assert();
    assert_eq!(code(&a), 0, "{}", stderr(&a));
}

#[test]
fn the_same_event_by_mail_then_by_the_api_is_told_once_per_sink() {
    let b = Bench::new();
    // A route written before the channels were joined still matches.
    both_channels_config(&b, "maintenance-mail");
    ingest_mail(&b, dx_notice_mail());
    assert_eq!(told(&b), (1, 1));
    dx_event_by_api(&b);
    let a = b.opskit_aws().env("OPSKIT_NOW", NOW).args(["health", "watch", "-o", "json"]).assert();
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    assert_eq!(told(&b), (1, 1), "the API's view of the event the mail told: {:?}", b.slack_texts());
    // One finding, now with the API's text and ARN.
    let report: serde_json::Value = serde_json::from_str(&stdout(&a)).unwrap();
    let findings = report["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 1, "{report}");
    let f = findings[0].to_string();
    assert!(f.contains("arn:aws:health:") && f.contains("Equinix FR5"), "{f}");
    // A reminder mail later changes nothing either.
    let mut again = dx_notice_mail();
    again = String::from_utf8(again).unwrap().replace("legacy-dx-1@", "legacy-dx-2@").into_bytes();
    ingest_mail(&b, again);
    assert_eq!(told(&b), (1, 1));
}

#[test]
fn the_same_event_by_the_api_then_by_mail_is_told_once_per_sink() {
    let b = Bench::new();
    both_channels_config(&b, "health");
    let arn = dx_event_by_api(&b);
    assert_eq!(code(&watch(&b)), 0);
    assert_eq!(told(&b), (1, 1));
    ingest_mail(&b, dx_notice_mail());
    assert_eq!(told(&b), (1, 1), "{:?}", b.slack_texts());
    // AWS closes it: resolved once, on both sinks.
    b.sandbox.health_set_status(&arn, "closed").unwrap();
    assert_eq!(code(&watch(&b)), 0);
    assert_eq!(told(&b), (2, 2));
    assert!(b.slack_texts()[1].contains("RESOLVED"), "{}", b.slack_texts()[1]);
}

#[test]
fn an_event_whose_window_ended_is_not_read_again_while_aws_still_lists_it() {
    let b = Bench::new();
    accounts_config(&b, "\"health\"", "");
    let mut over = retirement("i-0aaa1111");
    over["startTime"] = json!("2026-11-10T01:00:00Z");
    over["endTime"] = json!("2026-11-10T02:00:00Z");
    over["statusCode"] = json!("open");
    b.sandbox.health_put_event(&[A1], over).unwrap();
    let a = b.opskit_aws().env("OPSKIT_NOW", NOW).args(["health", "watch", "--account", "one"]).assert();
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    assert!(b.slack_texts().is_empty(), "over before it was seen: nothing to tell");
    b.sandbox.clear();
    let a = b.opskit_aws().env("OPSKIT_NOW", NOW).args(["health", "watch", "--account", "one"]).assert();
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    assert_eq!(health_ops(&b), vec!["DescribeEvents"], "its details are not asked again");
}
