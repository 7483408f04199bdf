//! AWS failures as a person reads them (issue 18 item 2), through the built binary against
//! the sandbox: one line naming the account, region and operation, a `hint:` line, no Rust
//! `Debug` output; one error per account when all its regions fail alike; each error shown
//! once (stderr), and as JSON with `--log-format json` (as is the error a run ends with).

use crate::common;

use common::cli::*;
use opskit_sandbox::Fault;

const ACME: &str = "111122223333";
const GLOBEX: &str = "444455556666";
const REGIONS: [&str; 3] = ["ap-northeast-1", "eu-west-1", "us-east-1"];

/// `acme-prod` with a profile the AWS config files lack (a typo), `globex` a good one.
fn misspelled_profile(b: &Bench) {
    b.aws_profiles(&[("acme-prod", ACME), ("globex", GLOBEX)]);
    let acme = account_toml("acme-prod", ACME, &REGIONS).replace("profile = \"acme-prod\"", "profile = \"acme-prdo\"");
    b.write_config(&format!("{}{acme}{}", b.defaults(), account_toml("globex", GLOBEX, &["ap-northeast-1"])));
    b.sandbox.dx_generate(GLOBEX, "ap-northeast-1", 1, 0).unwrap();
}

fn poll(b: &Bench, extra: &[&str]) -> assert_cmd::assert::Assert {
    b.opskit_aws().args(["dx-vif", "poll", "--state", "none"]).args(extra).assert()
}

/// Every `error:` line: short, and free of what only a Rust programmer could read.
fn error_lines(err: &str) -> Vec<&str> {
    let lines: Vec<&str> = err.lines().filter(|l| l.starts_with("error: ")).collect();
    for l in &lines {
        assert!(l.chars().count() < 300, "too long ({}): {l}", l.len());
        for bad in ["{", "DispatchFailure", "ConnectorError", "hyper", "already taken", "Some("] {
            assert!(!l.contains(bad), "`{bad}` in {l}");
        }
    }
    lines
}

#[test]
fn a_misspelled_profile_is_one_error_for_its_account_with_a_hint_and_the_others_are_reported() {
    let b = Bench::new();
    misspelled_profile(&b);
    let a = poll(&b, &[]);
    assert_eq!(code(&a), 3, "{}", stderr(&a));
    let err = stderr(&a);
    let lines = error_lines(&err);
    assert_eq!(
        lines,
        [
            "error: acme-prod (all 3 regions): DescribeVirtualInterfaces: profile `acme-prdo` is not in the AWS config files"
        ],
        "{err}"
    );
    assert!(err.contains("\nhint: check `profile` of the account"), "{err}");
    assert_eq!(err.lines().count(), 2, "the error and its hint, nothing else: {err}");
    let out = stdout(&a);
    assert!(out.contains("globex"), "the good account is reported: {out}");
    assert!(!out.contains("acme-prdo"), "the error is shown once, on stderr: {out}");
    assert!(out.contains("1 error: see the `error:` line on stderr"), "{out}");
    // Nothing of acme went out: without credentials its calls never left the process.
    let acme_key = opskit_sandbox::sandbox_access_key(ACME);
    assert!(b.sandbox.requests().iter().all(|r| r.header("authorization").is_none_or(|h| !h.contains(&acme_key))));
}

#[test]
fn the_whole_source_chain_shows_only_at_debug_verbosity() {
    let b = Bench::new();
    misspelled_profile(&b);
    let quiet = stderr(&poll(&b, &[]));
    assert!(!quiet.contains("AWS call failed"), "{quiet}");
    let a = poll(&b, &["-vv"]);
    assert_eq!(code(&a), 3);
    let err = stderr(&a);
    assert!(err.contains("AWS call failed") && err.contains("was not defined"), "the SDK's own words at -vv: {err}");
}

#[test]
fn json_logs_carry_errors_as_json_with_account_region_operation_kind_and_hint() {
    let b = Bench::new();
    misspelled_profile(&b);
    let a = poll(&b, &["--log-format", "json", "--output", "json"]);
    assert_eq!(code(&a), 3, "{}", stderr(&a));
    let err = stderr(&a);
    let logged: Vec<serde_json::Value> =
        err.lines().map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}"))).collect();
    assert_eq!(logged.len(), 1, "{err}");
    let l = &logged[0];
    assert_eq!(l["level"], "ERROR", "{l}");
    let f = &l["fields"];
    assert_eq!(f["account"], "acme-prod", "{l}");
    assert_eq!(f["region"], "3 regions", "{l}");
    assert_eq!(f["operation"], "DescribeVirtualInterfaces", "{l}");
    assert_eq!(f["kind"], "unknown-profile", "{l}");
    assert_eq!(f["message"], "DescribeVirtualInterfaces: profile `acme-prdo` is not in the AWS config files", "{l}");
    assert!(f["hint"].as_str().unwrap().starts_with("check `profile`"), "{l}");
    // The report keeps its errors array, classified.
    let report: serde_json::Value = serde_json::from_str(&stdout(&a)).unwrap();
    assert_eq!(report["errors"].as_array().unwrap().len(), 1, "{report}");
    assert_eq!(report["errors"][0]["kind"], "unknown-profile");
}

#[test]
fn no_credentials_at_all_says_so_in_one_line_with_what_to_do() {
    let b = Bench::new();
    b.aws_profiles(&[]);
    b.write_config(&format!(
        "{}[[accounts]]\nname = \"acme-prod\"\nid = \"{ACME}\"\nregions = [\"ap-northeast-1\"]\n",
        b.defaults()
    ));
    let a = poll(&b, &[]);
    assert_eq!(code(&a), 3, "{}", stderr(&a));
    let err = stderr(&a);
    assert_eq!(
        error_lines(&err),
        ["error: acme-prod/ap-northeast-1: DescribeVirtualInterfaces: no AWS credentials found"],
        "{err}"
    );
    assert!(err.contains("\nhint: name a `profile` for the account"), "{err}");
    assert!(err.len() < 400, "not the provider chain's story: {err}");
}

#[test]
fn an_unreachable_endpoint_and_throttling_name_the_target_and_what_to_do() {
    let b = Bench::new();
    b.aws_profiles(&[("acme-prod", ACME)]);
    b.write_config(&format!("{}{}", b.defaults(), account_toml("acme-prod", ACME, &REGIONS[..2])));
    // A loopback port nobody listens on: refused at once, no internet needed.
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", closed.local_addr().unwrap());
    drop(closed);
    let a = b.opskit_aws().args(["dx-vif", "poll", "--state", "none"]).env("AWS_ENDPOINT_URL", &url).assert();
    assert_eq!(code(&a), 3, "{}", stderr(&a));
    let err = stderr(&a);
    let lines = error_lines(&err);
    assert_eq!(lines.len(), 1, "both regions fail alike: {err}");
    // DescribeVirtualInterfaces and DescribeConnections go at once: either may fail first.
    assert!(
        lines[0].starts_with("error: acme-prod (all 2 regions): Describe")
            && lines[0].contains(": cannot reach the endpoint: "),
        "{err}"
    );
    assert!(err.contains("\nhint: check the network path to AWS"), "{err}");

    // Throttled in one region only: that target alone, named with its region.
    b.sandbox.inject(
        Fault::aws_error(
            Some("OvertureService.DescribeVirtualInterfaces"),
            400,
            "ThrottlingException",
            "Rate exceeded",
            100,
        )
        .for_account(ACME)
        .in_region("eu-west-1"),
    );
    let a = poll(&b, &[]);
    assert_eq!(code(&a), 3, "{}", stderr(&a));
    let err = stderr(&a);
    assert_eq!(
        error_lines(&err),
        ["error: acme-prod/eu-west-1: DescribeVirtualInterfaces: ThrottlingException: Rate exceeded"],
        "{err}"
    );
    assert!(err.contains("\nhint: AWS throttled the calls"), "{err}");
}

#[test]
fn json_logs_carry_the_error_a_run_ends_with_as_json_too() {
    let b = Bench::new();
    misspelled_profile(&b);
    let a = poll(&b, &["--log-format", "json", "--account", "nope"]);
    assert_eq!(code(&a), 2, "{}", stderr(&a));
    let err = stderr(&a);
    let logged: Vec<serde_json::Value> =
        err.lines().map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}"))).collect();
    assert_eq!(logged.len(), 1, "{err}");
    let f = &logged[0]["fields"];
    assert_eq!(logged[0]["level"], "ERROR");
    assert_eq!(f["message"], "--account: no account `nope` in the config", "{err}");
    assert_eq!(f["hint"], "configured accounts: acme-prod, globex", "{err}");
}

#[test]
fn a_misspelled_aws_profile_fails_every_region_with_the_real_cause() {
    let b = Bench::new();
    b.aws_profiles(&[("acme-prod", ACME)]);
    b.write_config(&format!(
        "{}[[accounts]]\nname = \"acme-prod\"\nid = \"{ACME}\"\nregions = [\"ap-northeast-1\", \"eu-west-1\"]\n",
        b.defaults()
    ));
    let a = b.opskit_aws().args(["dx-vif", "poll", "--state", "none"]).env("AWS_PROFILE", "acme-prdo").assert();
    assert_eq!(code(&a), 3, "{}", stderr(&a));
    let err = stderr(&a);
    let lines = error_lines(&err);
    assert_eq!(lines.len(), 1, "both regions fail alike: {err}");
    assert!(lines[0].starts_with("error: acme-prod (all 2 regions): DescribeVirtualInterfaces: "), "{err}");
}
