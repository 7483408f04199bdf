//! `opskit inventory publish` and `diff` end to end: the built binary against the embedded
//! sandbox's EC2 (read by opskit's own Query client) and its Backlog Wiki, with Slack as the sink
//! for the "inventory changed" finding. The sandbox's request log shows every Wiki write.

use crate::common;

use common::cli::*;
use opskit_sandbox::{self as sandbox, Fault};

const ACME: &str = sandbox::DX_DEMO_ACCOUNT;
const TOKYO: &str = sandbox::DX_DEMO_REGION;
const PAGE: &str = "Inventory/111122223333";
const CHANGELOG: &str = "Inventory/111122223333/Changelog";
const TYPES: &str = "instance,volume,vpc,subnet,security-group,elastic-ip,nat-gateway,route-table,internet-gateway";

fn setup(b: &Bench, extra: &str) {
    b.aws_profiles(&[("acme-prod", ACME)]);
    b.write_config(&format!(
        "{}{}{}\n[[routes]]\nsources = [\"inventory\"]\nsinks = [\"slack\"]\n\n\
         [commands.inventory]\nresource_types = [{}]\n\n[commands.inventory.publish]\nproject = \"{}\"\n{extra}",
        b.defaults(),
        account_toml("acme-prod", ACME, &[TOKYO]),
        b.sandbox.sinks_toml(),
        TYPES.split(',').map(|t| format!("\"{t}\"")).collect::<Vec<_>>().join(", "),
        sandbox::BACKLOG_PROJECT_KEY,
    ));
}

fn inventory(b: &Bench, args: &[&str]) -> assert_cmd::assert::Assert {
    b.opskit_aws().arg("inventory").args(args).assert()
}

/// Wiki writes (create and update) since the sandbox's log began: (method, page name or id).
fn wiki_writes(b: &Bench) -> Vec<(String, String)> {
    b.sandbox
        .requests()
        .iter()
        .filter(|r| r.path.starts_with(&format!("{}/api/v2/wikis", sandbox::BACKLOG_PREFIX)))
        .filter(|r| r.method == "POST" || r.method == "PATCH")
        .filter(|r| r.status < 300)
        .map(|r| {
            let form = r.form();
            let name = form.iter().find(|(k, _)| k == "name").map(|(_, v)| v.clone());
            (r.method.clone(), name.unwrap_or_else(|| r.path.rsplit('/').next().unwrap_or("").to_string()))
        })
        .collect()
}

fn page(b: &Bench, name: &str) -> String {
    let p = b.sandbox.backlog_wiki_page(sandbox::BACKLOG_PROJECT_KEY, name).unwrap_or_else(|| panic!("no page {name}"));
    p["content"].as_str().unwrap().to_string()
}

#[test]
fn first_run_creates_the_page_an_unchanged_run_writes_nothing_a_change_patches_once_and_logs_it() {
    let b = Bench::new();
    b.sandbox.backlog_set_text_formatting_rule(sandbox::BACKLOG_PROJECT_KEY, "markdown").unwrap();
    setup(&b, "");

    let a = inventory(&b, &["publish"]);
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    assert_eq!(wiki_writes(&b), [("POST".to_string(), PAGE.to_string())]);
    let text = page(&b, PAGE);
    for id in
        [sandbox::EC2_DEMO_WEB_1, sandbox::EC2_DEMO_WEB_2, sandbox::EC2_DEMO_BATCH_1, sandbox::EC2_DEMO_SG_SSH_OPEN]
    {
        assert!(text.contains(id), "{id} missing:\n{text}");
    }
    assert!(text.contains("### EC2 instances (3)") && text.contains("| id | name |"), "{text}");
    assert!(b.slack_texts().is_empty(), "the first inventory is a baseline, not a change");

    // Nothing changed: not one write (and the page is not even read).
    b.sandbox.clear();
    let a = inventory(&b, &["publish"]);
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    assert!(wiki_writes(&b).is_empty(), "{:?}", wiki_writes(&b));
    let reads = b.sandbox.requests().iter().filter(|r| r.method == "GET" && r.path.contains("/wikis/")).count();
    assert_eq!(reads, 0);
    let a = inventory(&b, &["diff", "--fail-on", "info"]);
    assert_eq!(code(&a), 0, "no drift: {}", stdout(&a));

    // web-2 is terminated and a new instance appears: one PATCH of the page, a change log
    // with one entry naming both, and the finding in Slack.
    b.sandbox.ec2_terminate(sandbox::EC2_DEMO_WEB_2).unwrap();
    let new = b
        .sandbox
        .ec2_put_instance(ACME, TOKYO, serde_json::json!({"instanceType": "t3.large", "tags": {"Name": "web-3"}}))
        .unwrap();
    let a = inventory(&b, &["diff", "--fail-on", "info", "-o", "json"]);
    assert_eq!(code(&a), 1, "drift: {}", stdout(&a));
    let report: serde_json::Value = serde_json::from_str(&stdout(&a)).unwrap();
    let titles: Vec<&str> =
        report["findings"].as_array().unwrap().iter().map(|f| f["title"].as_str().unwrap()).collect();
    assert!(titles.contains(&format!("− instance {} (web-2)", sandbox::EC2_DEMO_WEB_2).as_str()), "{titles:?}");
    assert!(titles.contains(&format!("+ instance {new} (web-3)").as_str()), "{titles:?}");
    b.sandbox.clear();
    let a = inventory(&b, &["publish"]);
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    let writes = wiki_writes(&b);
    let patches = writes.iter().filter(|(m, _)| m == "PATCH").count();
    assert_eq!(patches, 1, "one PATCH for the one affected page: {writes:?}");
    assert!(writes.contains(&("POST".to_string(), CHANGELOG.to_string())), "{writes:?}");
    let text = page(&b, PAGE);
    assert!(text.contains(&new) && !text.contains(sandbox::EC2_DEMO_WEB_2), "{text}");
    // The instances and their root volumes: web-3 and its volume came, web-2 and its volume went.
    assert!(text.contains("Last changed: ") && text.contains("+2 −2 ~0"), "{text}");
    let log = page(&b, CHANGELOG);
    assert_eq!(log.matches("\n## ").count(), 1, "one entry:\n{log}");
    assert!(log.contains(&format!("+ instance `{new}` (web-3)")), "{log}");
    assert!(log.contains(&format!("− instance `{}` (web-2)", sandbox::EC2_DEMO_WEB_2)), "{log}");
    let msgs = b.slack_texts();
    assert_eq!(msgs.len(), 1, "{msgs:?}");
    assert!(msgs[0].contains("inventory changed in acme-prod (111122223333)"), "{}", msgs[0]);
    // Mail notification is off by default: no write asked Backlog to mail anyone.
    for r in b.sandbox.requests().iter().filter(|r| r.method == "POST" || r.method == "PATCH") {
        if r.path.contains("/wikis") {
            assert!(r.form().iter().all(|(k, v)| k != "mailNotify" || v == "false"), "{:?}", r.form());
        }
    }
}

#[test]
fn a_backlog_notation_project_gets_backlog_tables() {
    let b = Bench::new();
    b.sandbox.backlog_set_text_formatting_rule(sandbox::BACKLOG_PROJECT_KEY, "backlog").unwrap();
    setup(&b, "");
    inventory(&b, &["publish"]).success();
    let text = page(&b, PAGE);
    assert!(text.starts_with("* Inventory: acme-prod (111122223333)"), "{text}");
    assert!(text.contains("*** EC2 instances (3)") && text.contains("|id|name|type|state|"), "{text}");
    assert!(text.lines().any(|l| l.starts_with("|id|name|") && l.ends_with("|h")), "{text}");
    assert!(!text.contains("| --- |") && !text.contains("|---|"), "{text}");
}

#[test]
fn backlog_rate_limiting_makes_the_run_wait_and_complete() {
    let b = Bench::new();
    setup(&b, "");
    b.sandbox.inject(Fault::rate_limited(&format!("{}/api/v2/wikis", sandbox::BACKLOG_PREFIX), 1, 1));
    let started = std::time::Instant::now();
    let a = inventory(&b, &["publish"]);
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    assert!(started.elapsed() >= std::time::Duration::from_millis(900), "it waited for the reset");
    let statuses: Vec<u16> =
        b.sandbox.requests().iter().filter(|r| r.path.contains("/api/v2/wikis")).map(|r| r.status).collect();
    assert_eq!(statuses.first(), Some(&429), "{statuses:?}");
    assert!(statuses.iter().skip(1).all(|s| *s < 300), "{statuses:?}");
    assert_eq!(wiki_writes(&b), [("POST".to_string(), PAGE.to_string())]);
}

#[test]
fn a_failed_region_is_not_read_as_everything_removed() {
    let b = Bench::new();
    setup(&b, "");
    inventory(&b, &["publish"]).success();
    b.sandbox.clear();
    // Every EC2 call fails now: the run exits 3, the page keeps its resources, no change log.
    b.sandbox.inject(Fault::ec2_error(None, 403, "UnauthorizedOperation", "not allowed", 1000));
    let a = inventory(&b, &["publish"]);
    assert_eq!(code(&a), 3, "{}", stderr(&a));
    assert!(stderr(&a).contains("acme-prod/ap-northeast-1"), "{}", stderr(&a));
    assert!(wiki_writes(&b).is_empty(), "{:?}", wiki_writes(&b));
    assert!(b.slack_texts().is_empty());
    assert!(page(&b, PAGE).contains(sandbox::EC2_DEMO_WEB_2));
}

#[test]
fn dry_run_writes_no_page_and_no_snapshot() {
    let b = Bench::new();
    setup(&b, "");
    let a = inventory(&b, &["publish", "--dry-run"]);
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    assert!(wiki_writes(&b).is_empty());
    inventory(&b, &["publish"]).success();
    assert_eq!(wiki_writes(&b).len(), 1, "the real run still creates the page: the dry run stored nothing");
}

/// An EC2 answer that parses but holds no `reservationSet` (a stub or proxy behind an
/// endpoint override) is not "every instance was terminated": diff and publish fail for
/// that (account, region, type), naming it, and conclude nothing was removed.
#[test]
fn an_answer_without_its_set_removes_nothing_from_diff_or_page() {
    let b = Bench::new();
    setup(&b, "");
    let a = inventory(&b, &["publish"]);
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    let before = page(&b, PAGE);
    assert!(before.contains(sandbox::EC2_DEMO_WEB_1), "{before}");

    let odd = r#"<DescribeInstancesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>5c8a-proxy</requestId></DescribeInstancesResponse>"#;
    b.sandbox.clear();
    b.sandbox.inject(Fault::ok_with_body("/", odd, 2).for_target("AmazonEC2.DescribeInstances"));
    let a = inventory(&b, &["diff", "--fail-on", "info", "-o", "json"]);
    assert_eq!(code(&a), 3, "{}\n{}", stdout(&a), stderr(&a));
    let err = stderr(&a);
    assert!(
        err.contains(
            "acme-prod/ap-northeast-1: DescribeInstances: the answer has no reservationSet (HTTP 200, body not a \
             DescribeInstances answer)"
        ),
        "{err}"
    );
    assert!(err.contains("hint: "), "{err}");
    let report: serde_json::Value = serde_json::from_str(&stdout(&a)).unwrap();
    let titles: Vec<&str> = report["findings"].as_array().unwrap().iter().filter_map(|f| f["title"].as_str()).collect();
    assert!(!titles.iter().any(|t| t.starts_with('−')), "nothing removed: {titles:?}");

    let a = inventory(&b, &["publish"]);
    assert_eq!(code(&a), 3, "{}", stderr(&a));
    assert!(wiki_writes(&b).is_empty(), "{:?}", wiki_writes(&b));
    assert_eq!(page(&b, PAGE), before, "the page still lists every instance");
    assert!(b.slack_texts().is_empty(), "no change told: {:?}", b.slack_texts());

    // The next good answer: the same inventory, nothing to write.
    let a = inventory(&b, &["publish"]);
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    assert!(wiki_writes(&b).is_empty(), "{:?}", wiki_writes(&b));
    assert!(b.slack_texts().is_empty());
}

/// EC2 calls made by opskit's own Query client (src/aws/query.rs), as the sandbox recorded
/// them: (Action, the Authorization header).
fn ec2_calls(b: &Bench, action: &str) -> Vec<String> {
    b.sandbox
        .requests()
        .iter()
        .filter(|r| r.method == "POST" && r.path == "/")
        .filter(|r| r.form().iter().any(|(k, v)| k == "Action" && v == action))
        .map(|r| r.header("authorization").unwrap_or_default().to_string())
        .collect()
}

/// EC2's throttling (`503 RequestLimitExceeded`) is retried as the SDK's standard mode did:
/// the listing completes, nothing fails. The calls are SigV4-signed for `ec2` in the
/// target's region with the account's key (the sandbox reads the credential scope and
/// lists the account's resources by it; it does not recompute the signature, which the unit
/// test against the SigV4 test suite covers).
#[test]
fn a_throttled_ec2_call_is_retried_and_the_inventory_is_complete() {
    let b = Bench::new();
    setup(&b, "");
    b.sandbox.inject(Fault::ec2_error(
        Some("DescribeInstances"),
        503,
        "RequestLimitExceeded",
        "Request limit exceeded.",
        1,
    ));
    let a = inventory(&b, &["publish"]);
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    let text = page(&b, PAGE);
    for id in [sandbox::EC2_DEMO_WEB_1, sandbox::EC2_DEMO_WEB_2, sandbox::EC2_DEMO_BATCH_1] {
        assert!(text.contains(id), "{id} missing:\n{text}");
    }
    let calls = ec2_calls(&b, "DescribeInstances");
    assert!(calls.len() >= 2, "the throttled call was asked again: {calls:?}");
    for auth in &calls {
        assert!(auth.starts_with("AWS4-HMAC-SHA256 Credential="), "{auth}");
        assert!(auth.contains(&format!("/{TOKYO}/ec2/aws4_request, SignedHeaders=")), "{auth}");
        assert!(auth.contains(ACME), "signed with the account's key: {auth}");
    }
}

/// A 200 whose body is not EC2's XML (a captive portal's HTML) fails that call of that
/// target, naming it, exit 3; the other region's resources are still printed.
#[test]
fn an_ec2_answer_that_is_not_its_xml_fails_its_target_and_the_others_are_printed() {
    let b = Bench::new();
    b.aws_profiles(&[("acme-prod", ACME)]);
    b.write_config(&format!("{}{}", b.defaults(), account_toml("acme-prod", ACME, &[TOKYO, "us-east-1"])));
    b.sandbox.inject(Fault::html_ok("/", 100).for_target("AmazonEC2.DescribeInstances").in_region("us-east-1"));
    let a = inventory(&b, &["show", "--resource-types", "instance"]);
    assert_eq!(code(&a), 3, "{}\n{}", stdout(&a), stderr(&a));
    let err = stderr(&a);
    assert!(
        err.contains("acme-prod/us-east-1: DescribeInstances: the answer is <html>, not <DescribeInstancesResponse>"),
        "{err}"
    );
    assert!(err.contains("hint: something other than AWS may have answered"), "{err}");
    assert!(!err.contains(&format!("acme-prod/{TOKYO}")), "{err}");
    assert!(stdout(&a).contains(sandbox::EC2_DEMO_WEB_1), "Tokyo is still printed: {}", stdout(&a));
}

/// `AWS_ENDPOINT_URL_EC2` wins over `AWS_ENDPOINT_URL` for EC2, as in the SDK: the general
/// override points at a closed port here, so only EC2's own reaches the sandbox.
#[test]
fn ec2s_own_endpoint_override_wins_over_the_general_one() {
    let b = Bench::new();
    setup(&b, "");
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let dead = format!("http://{}", closed.local_addr().unwrap());
    drop(closed);
    let a = b
        .opskit_aws()
        .env("AWS_ENDPOINT_URL", &dead)
        .env("AWS_ENDPOINT_URL_EC2", b.sandbox.url(""))
        .args(["inventory", "show", "--resource-types", "instance,vpc"])
        .assert();
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    assert!(stdout(&a).contains(sandbox::EC2_DEMO_WEB_1), "{}", stdout(&a));
    assert_eq!(ec2_calls(&b, "DescribeVpcs").len(), 1);
}
