//! `opskit trusted-advisor` end to end: the built binary against the sandbox's Trusted
//! Advisor API (read by the real SDK), with Backlog issues and Slack as sinks, and the
//! legacy Support API on moto server.

use crate::common;

use common::cli::*;
use common::moto::MotoServer;
use opskit_sandbox::{self as sandbox, Fault};
use serde_json::json;

const ACME: &str = sandbox::TA_DEMO_ACCOUNT;
const GLOBEX: &str = sandbox::TA_SECOND_ACCOUNT;
const INITECH: &str = sandbox::TA_UNSUPPORTED_ACCOUNT;

fn account(name: &str, id: &str) -> String {
    account_toml(name, id, &["ap-northeast-1"])
}

/// Three accounts (initech without Business support); red items to Backlog, all to Slack.
fn setup(b: &Bench) {
    b.aws_profiles(&[("acme", ACME), ("globex", GLOBEX), ("initech", INITECH)]);
    b.write_config(&format!(
        "{}{}{}{}{}\n[[routes]]\nsources = [\"trusted-advisor\"]\nmin_severity = \"critical\"\nsinks = [\"backlog\"]\n\n\
         [[routes]]\nsources = [\"trusted-advisor\"]\nsinks = [\"slack\"]\n",
        b.defaults(),
        account("acme", ACME),
        account("globex", GLOBEX),
        account("initech", INITECH),
        b.sandbox.sinks_toml(),
    ));
}

fn ta(b: &Bench) -> assert_cmd::Command {
    let mut c = b.opskit_aws();
    c.args(["ta", "notify"]);
    c
}

fn run(b: &Bench, extra: &[&str]) -> assert_cmd::assert::Assert {
    let a = ta(b).args(extra).assert();
    let all = format!("{}{}", stdout(&a), stderr(&a));
    for s in sandbox_secrets() {
        assert!(!all.contains(s), "`{s}` leaked:\n{all}");
    }
    a
}

fn ta_calls(b: &Bench, path_suffix: &str) -> usize {
    b.sandbox.requests().iter().filter(|r| r.path.starts_with("/v1/") && r.path.ends_with(path_suffix)).count()
}

#[test]
fn show_is_an_audit_table_that_tells_no_one_and_saves_nothing() {
    let b = Bench::new();
    setup(&b);
    let a = b.opskit_aws().args(["ta", "show"]).assert();
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    let table = stdout(&a);
    let acme = table.lines().find(|l| l.starts_with("| acme ") && l.contains(sandbox::TA_SG_RECOMMENDATION_NAME));
    let acme = acme.unwrap_or_else(|| panic!("no acme row:\n{table}"));
    assert!(acme.contains("security") && acme.contains("Action recommended") && acme.contains("| 2 "), "{acme}");
    assert!(table.contains("| globex ") && !table.contains("| initech"), "{table}");
    assert!(stderr(&a).contains("note: initech: no Business support"), "{}", stderr(&a));
    // Nothing reached a sink, nothing was remembered.
    assert!(b.slack_texts().is_empty() && b.sandbox.backlog_issues().is_empty(), "ta show notified someone");
    assert!(b.state_findings("trusted-advisor").is_empty(), "ta show saved findings");

    // JSON carries the account id; `notify` is what tells the routes.
    let a = b.opskit_aws().args(["ta", "show", "-o", "json", "--account", "acme"]).assert();
    let items: serde_json::Value = serde_json::from_slice(&a.get_output().stdout).unwrap();
    assert!(items.as_array().is_some_and(|v| !v.is_empty() && v.iter().all(|i| i["account"] == ACME)), "{items}");
    assert_eq!(code(&run(&b, &["-q"])), 0);
    assert!(!b.slack_texts().is_empty() && !b.state_findings("trusted-advisor").is_empty());
}

#[test]
fn the_old_check_name_still_notifies_and_points_to_notify_and_show() {
    let b = Bench::new();
    setup(&b);
    let a = b.opskit_aws().args(["ta", "check", "-q"]).assert();
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    assert!(!b.slack_texts().is_empty(), "`ta check` notifies as before");
    let err = stderr(&a);
    assert!(
        err.contains("`trusted-advisor check` is now `trusted-advisor notify`") && err.contains("ta show"),
        "{err}"
    );
    // It no longer shows in the help: the names there say which one notifies.
    let help = stdout(&b.opskit().args(["ta", "--help"]).assert());
    assert!(help.contains("notify") && help.contains("show") && !help.contains("  check "), "{help}");
}

#[test]
fn the_board_lists_red_items_of_supported_accounts_and_names_the_unsupported_one() {
    let b = Bench::new();
    setup(&b);
    let a = run(&b, &["--output", "table", "--fail-on", "error", "--dry-run"]);
    assert_eq!(code(&a), 1, "red items open with --fail-on error: {}", stderr(&a));
    let board = stdout(&a);
    let row = |needle: &str| {
        board.lines().find(|l| l.contains(needle)).unwrap_or_else(|| panic!("{needle}:\n{board}")).to_string()
    };
    let sg = row("| acme ");
    assert!(board.contains(sandbox::TA_ROOT_MFA_RECOMMENDATION_NAME), "{board}");
    assert!(sg.contains("security") && sg.contains("Action recommended"), "{sg}");
    let globex = row("| globex ");
    assert!(globex.contains("Security Groups"), "{globex}");
    // The excluded SG resource is left out: two of three are flagged.
    let sg_row =
        board.lines().find(|l| l.contains(sandbox::TA_SG_RECOMMENDATION_NAME) && l.contains("| acme")).unwrap();
    assert!(sg_row.contains("| 2 "), "{sg_row}");
    assert!(!board.contains("Low Utilization"), "warnings are below the default --min-status: {board}");
    assert!(!board.contains("| initech"), "{board}");
    let err = stderr(&a);
    assert!(err.contains("note: initech: no Business support: Trusted Advisor API unavailable"), "{err}");
    // Said once, on stderr: stdout is the report a pipe reads.
    assert!(!board.contains("skipped"), "{board}");
    assert_eq!(err.matches("no Business support").count(), 1, "{err}");

    let a = run(&b, &["--fail-on", "never", "--dry-run", "-q"]);
    assert_eq!(code(&a), 0);
    let a = run(&b, &["--strict", "--dry-run", "-q"]);
    assert_eq!(code(&a), 3, "--strict makes a missing plan a failure");
    // Resources are fetched only for red recommendations: 3 in acme+globex, not the others.
    b.sandbox.clear();
    run(&b, &["--dry-run", "-q"]).success();
    assert_eq!(ta_calls(&b, "/resources"), 3, "{:?}", b.sandbox.requests().iter().map(|r| &r.path).collect::<Vec<_>>());
}

#[test]
fn a_backlog_issue_per_red_item_then_silence_then_a_comment_for_a_new_resource_then_resolved() {
    let b = Bench::new();
    setup(&b);
    let a = run(&b, &[]);
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    let issues = b.sandbox.backlog_issues();
    assert_eq!(issues.len(), 3, "acme: root MFA + SG, globex: SG");
    let sg = issues
        .iter()
        .find(|i| {
            i["summary"].as_str().unwrap().contains(sandbox::TA_SG_RECOMMENDATION_NAME)
                && i["description"].as_str().unwrap().contains("acme")
        })
        .unwrap();
    let desc = sg["description"].as_str().unwrap();
    assert!(desc.contains("### Flagged resources"), "{desc}");
    assert!(desc.contains("| Resource | Region | Status |"), "{desc}");
    assert!(desc.contains("ap-northeast-1") && desc.contains("| 3306 |"), "the check's own columns: {desc}");
    let slack_before = b.sandbox.requests_to(sandbox::SLACK_PATH).len();
    assert_eq!(slack_before, 3);

    // Unchanged: nothing anywhere.
    let before = b.sandbox.requests().iter().filter(|r| !r.path.starts_with("/v1/")).count();
    run(&b, &[]).success();
    let after = b.sandbox.requests().iter().filter(|r| !r.path.starts_with("/v1/")).count();
    assert_eq!(before, after, "an unchanged run sends nothing");

    // A newly flagged security group: one comment naming it.
    b.sandbox
        .ta_put_resource(
            ACME,
            sandbox::TA_SG_RECOMMENDATION,
            json!({"awsResourceId": "sg-0newly0flagged0", "regionCode": "ap-northeast-1", "status": "error",
                   "metadata": {"Security Group ID": "sg-0newly0flagged0", "Protocol": "tcp", "From Port": "5432", "To Port": "5432"}}),
        )
        .unwrap();
    run(&b, &[]).success();
    let key = sg["issueKey"].as_str().unwrap();
    let comments = b.sandbox.backlog_comments(key);
    assert_eq!(comments.len(), 1, "{comments:?}");
    let c = comments[0]["content"].as_str().unwrap();
    assert!(c.contains("resource added") && c.contains("sg-0newly0flagged0"), "{c}");
    assert_eq!(b.sandbox.backlog_issues().len(), 3, "no new issue");

    // The check turns green: resolved comment, issue closed.
    b.sandbox.ta_set_status(ACME, sandbox::TA_SG_RECOMMENDATION, "ok").unwrap();
    run(&b, &[]).success();
    let comments = b.sandbox.backlog_comments(key);
    let last = comments.last().unwrap()["content"].as_str().unwrap();
    assert!(last.contains("RESOLVED") && last.contains("no longer flagged"), "{last}");
    let issue = b.sandbox.backlog_issues().into_iter().find(|i| i["issueKey"] == key).unwrap();
    assert_eq!(issue["status"]["name"], "Closed");
}

#[test]
fn new_only_fails_ci_only_for_red_items_not_seen_on_the_last_run() {
    let b = Bench::new();
    setup(&b);
    run(&b, &["-q"]).success();
    let a = run(&b, &["-q", "--fail-on", "error", "--new-only"]);
    assert_eq!(code(&a), 0, "all red items were seen last run");
    b.sandbox
        .ta_put_recommendation(
            GLOBEX,
            json!({"id": "7e57ab1e-0000-4000-8000-000000000001", "name": "IAM Access Key Rotation", "status": "error",
                   "pillars": ["security"], "checkArn": "arn:aws:trustedadvisor:::check/DqdJqYeRm5"}),
        )
        .unwrap();
    let a = run(&b, &["-q", "--fail-on", "error", "--new-only"]);
    assert_eq!(code(&a), 1, "{}", stderr(&a));
}

#[test]
fn filters_from_flags_and_config_and_warnings_on_request() {
    let b = Bench::new();
    setup(&b);
    let cfg = std::fs::read_to_string(b.path("opskit.toml")).unwrap()
        + "\n[commands.trusted-advisor]\nexclude_checks = [\"MFA on Root*\"]\n";
    b.write_config(&cfg);
    let a = run(&b, &["--output", "json", "--dry-run", "--min-status", "warning"]);
    let report: serde_json::Value = serde_json::from_str(&stdout(&a)).unwrap();
    let titles: Vec<&str> =
        report["findings"].as_array().unwrap().iter().map(|f| f["title"].as_str().unwrap()).collect();
    assert!(
        titles.iter().any(|t| t.contains("Low Utilization") && t.contains("Investigation recommended")),
        "{titles:?}"
    );
    assert!(!titles.iter().any(|t| t.contains("MFA on Root")), "excluded by the config: {titles:?}");
    assert!(!titles.iter().any(|t| t.contains("EBS Snapshots") && t.contains("in acme")), "dismissed: {titles:?}");
    let a = run(&b, &["--output", "json", "--dry-run", "--pillar", "cost_optimizing", "--min-status", "warning"]);
    let report: serde_json::Value = serde_json::from_str(&stdout(&a)).unwrap();
    assert_eq!(report["findings"].as_array().unwrap().len(), 1, "{report}");
    let a = ta(&b).args(["--pillar", "securty"]).assert();
    assert_eq!(code(&a), 2);
}

#[test]
fn more_than_one_page_of_recommendations_and_of_resources_are_all_seen() {
    let b = Bench::new();
    b.aws_profiles(&[("big", "101010101010")]);
    b.write_config(&format!("{}{}", b.defaults(), account("big", "101010101010")));
    // 300 recommendations (a third red), each red one with 1,200 resources: 2 pages each.
    b.sandbox.ta_generate("101010101010", 300, 1200).unwrap();
    let a = run(&b, &["--output", "json", "--state", "none"]);
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    let report: serde_json::Value = serde_json::from_str(&stdout(&a)).unwrap();
    let findings = report["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 100, "every red recommendation over two pages");
    let field = |f: &serde_json::Value, name: &str| {
        f["fields"].as_array().unwrap().iter().find(|x| x["name"] == name).unwrap()["value"]
            .as_str()
            .unwrap()
            .to_string()
    };
    let flagged: Vec<String> = findings.iter().map(|f| field(f, "flagged")).collect();
    assert!(flagged.iter().all(|n| *n == "1200"), "{:?}", &flagged[..3]);
    assert_eq!(ta_calls(&b, "/v1/recommendations"), 2);
    assert_eq!(ta_calls(&b, "/resources"), 200, "two pages for each of 100 red recommendations");
}

#[test]
fn a_failing_account_is_named_and_the_others_reported() {
    let b = Bench::new();
    setup(&b);
    b.sandbox.inject(
        Fault::rest_json_error("/v1/", 500, "InternalServerException", "try again later", 0).for_account(GLOBEX),
    );
    let a = run(&b, &["--output", "json", "--dry-run"]);
    assert_eq!(code(&a), 3);
    assert!(stderr(&a).contains("error: globex: ListRecommendations: InternalServerException"), "{}", stderr(&a));
    let report: serde_json::Value = serde_json::from_str(&stdout(&a)).unwrap();
    assert!(report["findings"].as_array().unwrap().iter().all(|f| f["account"] == ACME));
}

#[test]
fn the_legacy_api_keys_findings_like_the_new_one_so_switching_changes_nothing() {
    let b = Bench::new();
    setup(&b);
    let keys = |a: &assert_cmd::assert::Assert| -> Vec<String> {
        let report: serde_json::Value = serde_json::from_str(&stdout(a)).unwrap();
        let mut k: Vec<String> =
            report["findings"].as_array().unwrap().iter().map(|f| f["key"].as_str().unwrap().to_string()).collect();
        k.sort();
        k
    };
    let a = run(&b, &["--api", "legacy", "--output", "json"]);
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    let legacy = keys(&a);
    assert_eq!(legacy.len(), 3, "{legacy:?}");
    assert!(
        stderr(&a).contains("note: initech: no Business support")
            && stderr(&a).contains("SubscriptionRequiredException")
    );
    let issues = b.sandbox.backlog_issues();
    let sg = issues.iter().find(|i| i["description"].as_str().unwrap().contains("HCP4007jGY")).unwrap();
    assert!(sg["description"].as_str().unwrap().contains("| 3306 |"), "positional metadata under its headers");
    // The same recommendations through the new API: same keys, nothing new to tell.
    let before = b.sandbox.backlog_issues().len();
    let a = run(&b, &["--output", "json"]);
    assert_eq!(keys(&a), legacy);
    assert_eq!(b.sandbox.backlog_issues().len(), before);
    let report: serde_json::Value = serde_json::from_str(&stdout(&a)).unwrap();
    assert!(report["findings"].as_array().unwrap().iter().all(|f| f["change"].is_null()), "{report}");
    // The catalogue, for writing filters.
    let a = b.opskit_aws().args(["ta", "checks", "--account", "acme"]).assert();
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    assert!(stdout(&a).contains("HCP4007jGY") && stdout(&a).contains("7DAFEmoDos"), "{}", stdout(&a));
}

#[test]
fn legacy_api_on_moto_lists_checks_and_fails_cleanly_where_moto_stops() {
    let b = Bench::new();
    let moto = MotoServer::start();
    b.write_config(&format!("{}[[accounts]]\nname = \"acme\"\nid = \"123456789012\"\n", b.defaults()));
    let with_moto = |args: &[&str]| {
        b.opskit()
            .env("AWS_ENDPOINT_URL", moto.endpoint())
            .env("AWS_ACCESS_KEY_ID", "test")
            .env("AWS_SECRET_ACCESS_KEY", "test")
            .args(args)
            .assert()
    };
    let a = with_moto(&["ta", "checks", "--api", "legacy"]);
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    let out = stdout(&a);
    assert!(out.contains("Qch7DwouX1") && out.contains("Low Utilization Amazon EC2 Instances"), "{out}");
    assert!(out.contains("checks in account acme"), "{out}");
    // moto has no DescribeTrustedAdvisorCheckSummaries: a clear error naming it, no panic.
    let a = with_moto(&["ta", "check", "--api", "legacy", "--dry-run"]);
    assert_eq!(code(&a), 3);
    let err = stderr(&a);
    assert!(err.contains("error: acme: DescribeTrustedAdvisorCheckSummaries: HTTP 500"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}

/// `{}` with HTTP 200 (a proxy, a captive portal, a wrong endpoint override) is not "every
/// recommendation was resolved": the account fails, named with the operation, and nothing
/// of it resolves; the other accounts are reported as usual.
#[test]
fn an_empty_answer_fails_the_account_and_resolves_nothing() {
    let b = Bench::new();
    setup(&b);
    run(&b, &[]).success();
    let (issues, slack) = (b.sandbox.backlog_issues(), b.slack_texts());
    assert_eq!((issues.len(), slack.len()), (3, 3));
    let state = b.state_findings("trusted-advisor");
    assert_eq!(state.iter().filter(|(_, s)| s == "open").count(), 3, "{state:?}");

    b.sandbox.inject(Fault::ok_with_body("/v1/recommendations", "{}", 1).for_account(ACME));
    let a = run(&b, &["--output", "json"]);
    assert_eq!(code(&a), 3, "{}", stderr(&a));
    let err = stderr(&a);
    assert!(
        err.contains(
            "error: acme: ListRecommendations: the answer has no recommendationSummaries list (HTTP 200, body not a \
             ListRecommendations answer)"
        ),
        "{err}"
    );
    assert!(err.contains("hint: "), "{err}");
    assert_eq!(b.slack_texts(), slack, "no RESOLVED reached Slack");
    assert_eq!(b.sandbox.backlog_issues(), issues, "no issue closed or commented");
    assert_eq!(b.state_findings("trusted-advisor"), state, "the state still has them open");

    // The next good answer: nothing changed, so nothing is sent.
    let before = b.sandbox.requests().iter().filter(|r| !r.path.starts_with("/v1/")).count();
    run(&b, &[]).success();
    assert_eq!(b.sandbox.requests().iter().filter(|r| !r.path.starts_with("/v1/")).count(), before);
    assert_eq!(b.state_findings("trusted-advisor"), state);
}

/// A nextToken that comes back again: the SDK's paginator would stop there and take the
/// pages so far (none of acme's recommendations) for the whole listing.
#[test]
fn a_repeated_next_token_fails_the_account_and_resolves_nothing() {
    let b = Bench::new();
    setup(&b);
    run(&b, &[]).success();
    let (slack, state) = (b.slack_texts(), b.state_findings("trusted-advisor"));
    let page = r#"{"recommendationSummaries": [], "nextToken": "again"}"#;
    b.sandbox.inject(Fault::ok_with_body("/v1/recommendations", page, 2).for_account(ACME));
    let a = run(&b, &[]);
    assert_eq!(code(&a), 3, "{}", stderr(&a));
    assert!(
        stderr(&a).contains("error: acme: ListRecommendations: page 2 repeated an earlier nextToken"),
        "{}",
        stderr(&a)
    );
    assert_eq!(b.slack_texts(), slack, "no RESOLVED reached Slack");
    assert_eq!(b.state_findings("trusted-advisor"), state);
}

/// The legacy Support API's summaries answered `{}`: the SDK fills the required list in as
/// empty, so only the raw answer tells; the account fails and nothing resolves.
#[test]
fn an_empty_legacy_answer_fails_the_account_and_resolves_nothing() {
    let b = Bench::new();
    setup(&b);
    run(&b, &["--api", "legacy"]).success();
    let (slack, state) = (b.slack_texts(), b.state_findings("trusted-advisor"));
    assert_eq!(state.iter().filter(|(_, s)| s == "open").count(), 3, "{state:?}");
    b.sandbox.inject(
        Fault::ok_with_body("/", "{}", 1)
            .for_target("AWSSupport_20130415.DescribeTrustedAdvisorCheckSummaries")
            .for_account(ACME),
    );
    let a = run(&b, &["--api", "legacy"]);
    assert_eq!(code(&a), 3, "{}", stderr(&a));
    assert!(
        stderr(&a).contains("error: acme: DescribeTrustedAdvisorCheckSummaries: the answer has no summaries list"),
        "{}",
        stderr(&a)
    );
    assert_eq!(b.slack_texts(), slack, "no RESOLVED reached Slack");
    assert_eq!(b.state_findings("trusted-advisor"), state);
}
