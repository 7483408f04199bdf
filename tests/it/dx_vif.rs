//! `opskit dx-vif` end to end: the built binary against the sandbox's Direct Connect (its
//! answers parsed by the real AWS SDK), with Slack and PagerDuty as sinks. Each test checks
//! what a network engineer would notice: who was told what, the board, the exit code.

use crate::common;

use common::cli::*;
use opskit_sandbox::{self as sandbox, Fault};

const ACME: &str = "111122223333";
const TOKYO: &str = "ap-northeast-1";
const TRANSIT: &str = sandbox::DX_DEMO_TRANSIT_VIF;

fn dx(b: &Bench) -> assert_cmd::Command {
    let mut c = b.opskit_aws();
    c.arg("dx-vif");
    c
}

fn account(name: &str, id: &str, regions: &[&str]) -> String {
    account_toml(name, id, regions)
}

/// The ladder: Slack at once, PagerDuty after `pager_after` bad polls.
fn ladder(b: &Bench, pager_after: u32) {
    b.aws_profiles(&[("acme-prod", ACME)]);
    b.write_config(&format!(
        "{}{}{}\n[[routes]]\nname = \"dx chat\"\nsources = [\"dx-vif\"]\nsinks = [\"slack\"]\n\n\
         [[routes]]\nname = \"dx pager\"\nsources = [\"dx-vif\"]\nmin_severity = \"critical\"\nnotify_after = {pager_after}\nsinks = [\"pagerduty\"]\n",
        b.defaults(),
        account("acme-prod", ACME, &[TOKYO]),
        b.sandbox.sinks_toml(),
    ));
}

fn poll(b: &Bench, extra: &[&str]) -> assert_cmd::assert::Assert {
    let a = dx(b).arg("poll").args(extra).assert();
    no_secrets(b, &a);
    a
}

/// BGP keys and router configs never leave the API answer; sink secrets never print.
fn no_secrets(b: &Bench, a: &assert_cmd::assert::Assert) {
    let all = format!("{}{}", stdout(a), stderr(a));
    for s in [sandbox::DX_AUTH_KEY_MARKER, sandbox::DX_ROUTER_CONFIG_MARKER].iter().chain(sandbox_secrets().iter()) {
        assert!(!all.contains(s), "`{s}` leaked into the output:\n{all}");
    }
    for r in b.sandbox.requests() {
        if r.header("x-amz-target").is_none() {
            let body = r.text();
            assert!(!body.contains(sandbox::DX_AUTH_KEY_MARKER) && !body.contains(sandbox::DX_ROUTER_CONFIG_MARKER));
        }
    }
}

#[test]
fn bgp_down_goes_to_slack_at_once_pages_after_three_polls_and_recovery_resolves_both() {
    let b = Bench::new();
    ladder(&b, 3);

    // Healthy: the board lists every VIF and connection, nobody is told anything.
    let a = poll(&b, &["--output", "table"]);
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    let board = stdout(&a);
    for id in [TRANSIT, sandbox::DX_DEMO_PRIVATE_VIF, sandbox::DX_DEMO_PUBLIC_VIF, sandbox::DX_DEMO_CONNECTION_A] {
        assert!(board.contains(id), "{id} missing from the board:\n{board}");
    }
    assert!(board.contains("| HEALTH") && board.contains("ipv4 up, ipv6 up"), "{board}");
    assert_eq!(board.matches("| ok ").count(), 5, "{board}");
    assert!(b.slack_texts().is_empty() && b.sandbox.pagerduty_events().is_empty());

    // One BGP session drops: Slack on the first bad poll, the pager waits.
    b.sandbox.dx_set_bgp(TRANSIT, Some(sandbox::DX_DEMO_TRANSIT_PEER_IPV6), "down").unwrap();
    let a = poll(&b, &["--fail-on", "critical"]);
    assert_eq!(code(&a), 1, "--fail-on critical with a critical finding open");
    let slack = b.slack_texts();
    assert_eq!(slack.len(), 1, "{slack:?}");
    assert!(slack[0].contains(sandbox::DX_DEMO_TRANSIT_VIF_NAME) && slack[0].contains("BGP peer ipv6"), "{}", slack[0]);
    assert!(b.sandbox.pagerduty_events().is_empty(), "no page on the first bad poll");

    let a = poll(&b, &[]);
    assert_eq!(code(&a), 0);
    assert!(stdout(&a).contains("damped"), "{}", stdout(&a));
    assert_eq!(b.slack_texts().len(), 1, "Slack is not told twice");
    assert!(b.sandbox.pagerduty_events().is_empty());

    // Third bad poll: one incident, keyed by the VIF.
    poll(&b, &[]).success();
    // The dedup key is `source/key`: unique across sources (the key already begins with it).
    let key = format!("dx-vif/dx-vif/{ACME}/{TOKYO}/{TRANSIT}");
    let pd = b.sandbox.pagerduty_events();
    assert_eq!(pd.len(), 1, "{pd:?}");
    assert_eq!((pd[0]["event_action"].as_str(), pd[0]["dedup_key"].as_str()), (Some("trigger"), Some(key.as_str())));
    assert_eq!(pd[0]["payload"]["severity"], "critical");
    poll(&b, &[]).success();
    assert_eq!(b.sandbox.pagerduty_events().len(), 1, "still one incident on the fourth bad poll");

    // Recovery: resolve on the same dedup_key, and Slack hears it recovered.
    b.sandbox.dx_set_bgp(TRANSIT, None, "up").unwrap();
    poll(&b, &[]).success();
    let pd = b.sandbox.pagerduty_events();
    assert_eq!(pd.len(), 2);
    assert_eq!((pd[1]["event_action"].as_str(), pd[1]["dedup_key"].as_str()), (Some("resolve"), Some(key.as_str())));
    let slack = b.slack_texts();
    assert_eq!(slack.len(), 2);
    assert!(slack[1].contains("RESOLVED") && slack[1].contains("Recovered"), "{}", slack[1]);
}

#[test]
fn baseline_is_refused_for_watch_and_works_for_poll() {
    let b = Bench::new();
    ladder(&b, 1);
    let a = dx(&b).args(["watch", "--baseline"]).assert();
    assert_eq!(code(&a), 2);
    assert!(stderr(&a).contains("dx-vif poll --baseline"), "{}", stderr(&a));
    b.sandbox.dx_set_vif_state(TRANSIT, "down").unwrap();
    poll(&b, &["--baseline"]).success();
    poll(&b, &[]).success();
    assert!(b.slack_texts().is_empty() && b.sandbox.pagerduty_events().is_empty(), "known at adoption: not told");
    b.sandbox.dx_set_vif_state(TRANSIT, "available").unwrap();
    poll(&b, &[]).success();
    assert_eq!(b.sandbox.pagerduty_events().len(), 1, "its recovery is: the resolve");
}

#[test]
fn a_one_poll_blip_never_pages() {
    let b = Bench::new();
    ladder(&b, 2);
    poll(&b, &[]).success();
    b.sandbox.dx_set_vif_state(sandbox::DX_DEMO_PRIVATE_VIF, "down").unwrap();
    poll(&b, &[]).success();
    b.sandbox.dx_set_vif_state(sandbox::DX_DEMO_PRIVATE_VIF, "available").unwrap();
    poll(&b, &[]).success();
    assert!(b.sandbox.pagerduty_events().is_empty(), "the pager never heard of it");
    let slack = b.slack_texts();
    assert_eq!(slack.len(), 2, "down, then recovered: {slack:?}");
    assert!(slack[0].contains("VIF is down"), "{}", slack[0]);
}

#[test]
fn a_silenced_vif_going_down_notifies_nobody_and_shows_silenced_on_the_board() {
    let b = Bench::new();
    ladder(&b, 1);
    let a = b
        .opskit()
        .args(["silence", "add", "--source", "dx-vif", "--resource", TRANSIT, "--until", "2h"])
        .args(["--reason", "Equinix TY2 maintenance CHG-4411"])
        .assert();
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    b.sandbox.dx_set_bgp(TRANSIT, None, "down").unwrap();
    let a = poll(&b, &["--output", "table"]);
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    assert!(b.slack_texts().is_empty() && b.sandbox.pagerduty_events().is_empty());
    let board = stdout(&a);
    let row = board.lines().find(|l| l.contains(TRANSIT)).unwrap();
    assert!(row.contains("critical (silenced"), "{row}");
    assert!(board.contains("suppressed"), "{board}");
}

#[test]
fn a_deleted_vif_leaves_no_open_incident_and_is_not_called_recovered() {
    let b = Bench::new();
    ladder(&b, 1);
    // Deleted while down: AWS still lists it, as `deleted`, for a while.
    b.sandbox.dx_set_vif_state(TRANSIT, "down").unwrap();
    poll(&b, &[]).success();
    b.sandbox.dx_set_vif_state(TRANSIT, "deleted").unwrap();
    poll(&b, &[]).success();
    let pd = b.sandbox.pagerduty_events();
    assert_eq!(pd.iter().map(|e| e["event_action"].as_str().unwrap()).collect::<Vec<_>>(), ["trigger", "resolve"]);
    let slack = b.slack_texts();
    assert!(slack[1].contains("was deleted") && !slack[1].contains("Recovered"), "{}", slack[1]);
    b.sandbox.dx_remove(TRANSIT).unwrap();
    poll(&b, &[]).success();
    assert_eq!(b.sandbox.pagerduty_events().len(), 2, "nothing more once it is gone");

    // Gone from the listing altogether while down (deleted between two polls).
    b.sandbox.dx_set_vif_state(sandbox::DX_DEMO_PUBLIC_VIF, "down").unwrap();
    poll(&b, &[]).success();
    b.sandbox.dx_remove(sandbox::DX_DEMO_PUBLIC_VIF).unwrap();
    poll(&b, &[]).success();
    let pd = b.sandbox.pagerduty_events();
    assert_eq!(pd.len(), 4);
    assert_eq!(pd[3]["event_action"], "resolve");
    let last = b.slack_texts().pop().unwrap();
    assert!(last.contains("no longer exists") && last.contains("deleted"), "{last}");
}

#[test]
fn denied_and_timed_out_targets_are_named_the_others_reported_and_the_run_exits_3() {
    let b = Bench::new();
    b.aws_profiles(&[("acme-prod", ACME), ("globex", "444455556666")]);
    let regions = [TOKYO, "eu-west-1", "us-east-1"];
    b.write_config(&format!(
        "{}timeout = \"2s\"\n{}{}",
        b.defaults(),
        account("acme-prod", ACME, &regions),
        account("globex", "444455556666", &regions)
    ));
    b.sandbox.dx_generate("444455556666", TOKYO, 2, 1).unwrap();
    b.sandbox.inject(
        Fault::aws_error(
            None,
            400,
            "AccessDeniedException",
            "User: arn:aws:sts::444455556666:assumed-role/opskit/x is not authorized to perform: directconnect:DescribeVirtualInterfaces",
            0,
        )
        .for_account("444455556666"),
    );
    b.sandbox.inject(Fault::latency("/", 10_000, 0).for_account(ACME).in_region("eu-west-1"));
    let a = poll(&b, &["--output", "json"]);
    assert_eq!(code(&a), 3, "{}", stderr(&a));
    let err = stderr(&a);
    // Denied in every region alike: one error for the account, naming the missing action.
    assert!(
        err.contains("error: globex (all 3 regions): ")
            && err.contains(
                ": AccessDeniedException: not authorized to perform directconnect:DescribeVirtualInterfaces\n"
            ),
        "{err}"
    );
    assert!(!err.contains("globex/"), "{err}");
    assert!(err.contains("error: acme-prod/eu-west-1: timed out after 2s\nhint: raise --timeout"), "{err}");
    assert!(err.contains("iam-policy.json"), "a hint for the missing permission: {err}");
    let report: serde_json::Value = serde_json::from_str(&stdout(&a)).unwrap();
    let keys: Vec<&str> = report["findings"].as_array().unwrap().iter().map(|f| f["key"].as_str().unwrap()).collect();
    assert_eq!(keys.len(), 5, "acme's Tokyo VIFs and connections: {keys:?}");
    assert!(keys.iter().all(|k| k.starts_with(&format!("dx-vif/{ACME}/{TOKYO}/"))), "{keys:?}");
    assert_eq!(report["errors"].as_array().unwrap().len(), 2);
}

#[test]
fn more_than_a_hundred_vifs_in_one_region_are_all_seen() {
    let b = Bench::new();
    b.aws_profiles(&[("big", "777788889999")]);
    b.write_config(&format!("{}{}", b.defaults(), account("big", "777788889999", &["us-west-2"])));
    b.sandbox.dx_generate("777788889999", "us-west-2", 250, 0).unwrap();
    let a = poll(&b, &["--output", "json", "--state", "none"]);
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    let report: serde_json::Value = serde_json::from_str(&stdout(&a)).unwrap();
    let vifs = report["findings"].as_array().unwrap().iter().filter(|f| f["key"].as_str().unwrap().contains("/dxvif-"));
    assert_eq!(vifs.count(), 250);
    let pages = b
        .sandbox
        .requests()
        .iter()
        .filter(|r| r.header("x-amz-target") == Some("OvertureService.DescribeVirtualInterfaces"))
        .count();
    assert_eq!(pages, 3, "100 + 100 + 50");
}

#[test]
fn a_state_this_build_does_not_know_is_a_warning_with_the_raw_value() {
    let b = Bench::new();
    ladder(&b, 1);
    b.sandbox.dx_set_vif_state(sandbox::DX_DEMO_PRIVATE_VIF, "degraded-new-state").unwrap();
    b.sandbox.dx_set_bgp(TRANSIT, Some(sandbox::DX_DEMO_TRANSIT_PEER_IPV4), "flapping").unwrap();
    let a = poll(&b, &["--output", "jsonl", "--fail-on", "warning"]);
    assert_eq!(code(&a), 1, "{}", stderr(&a));
    let out = stdout(&a);
    let line = out.lines().find(|l| l.contains(sandbox::DX_DEMO_PRIVATE_VIF)).unwrap();
    let f: serde_json::Value = serde_json::from_str(line).unwrap();
    assert_eq!((f["severity"].as_str(), f["status"].as_str()), (Some("warning"), Some("open")));
    assert!(f["title"].as_str().unwrap().contains("`degraded-new-state`"), "{f}");
    let line = out.lines().find(|l| l.contains(TRANSIT)).unwrap();
    assert!(line.contains("`flapping`") && line.contains("\"warning\""), "{line}");
    // Warnings go to chat, never to the pager.
    assert_eq!(b.slack_texts().len(), 2);
    assert!(b.sandbox.pagerduty_events().is_empty());
}

#[cfg(unix)]
mod watch {
    use super::*;
    use std::process::{Child, Command, Stdio};
    use std::time::{Duration, Instant};

    fn spawn_watch(b: &Bench, interval: &str) -> Child {
        spawn_watch_with(b, interval, &[])
    }

    fn spawn_watch_with(b: &Bench, interval: &str, extra: &[&str]) -> Child {
        let bin = assert_cmd::cargo::cargo_bin("opskit");
        let mut cmd = Command::new(bin);
        pass_clock(cmd.env_clear());
        cmd.env("HOME", b.dir.path())
            .env("XDG_STATE_HOME", b.path("xdg-state"))
            .env("NO_COLOR", "1")
            .env("AWS_EC2_METADATA_DISABLED", "true")
            .env("AWS_CONFIG_FILE", b.path("aws-config"))
            .env("AWS_SHARED_CREDENTIALS_FILE", b.path("aws-credentials"))
            .env("AWS_ENDPOINT_URL", b.sandbox.url(""))
            .current_dir(b.dir.path())
            .args(["dx-vif", "watch", "--interval", interval, "-v"])
            .args(extra)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    }

    fn wait_for(what: &str, mut cond: impl FnMut() -> bool) {
        let deadline = Instant::now() + Duration::from_secs(30);
        while !cond() {
            assert!(Instant::now() < deadline, "timed out waiting for {what}");
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn sigterm_and_wait(child: &mut Child) -> (i32, String) {
        let status = Command::new("kill").args(["-TERM", &child.id().to_string()]).status().unwrap();
        assert!(status.success());
        let deadline = Instant::now() + Duration::from_secs(20);
        let code = loop {
            if let Some(s) = child.try_wait().unwrap() {
                break s.code().unwrap_or(-1);
            }
            assert!(Instant::now() < deadline, "watch did not stop after SIGTERM");
            std::thread::sleep(Duration::from_millis(50));
        };
        let mut err = String::new();
        std::io::Read::read_to_string(child.stderr.as_mut().unwrap(), &mut err).unwrap();
        (code, err)
    }

    #[test]
    fn sigterm_between_polls_exits_0_and_the_last_poll_is_committed() {
        let b = Bench::new();
        ladder(&b, 1);
        b.sandbox.dx_set_vif_state(TRANSIT, "down").unwrap();
        let mut child = spawn_watch(&b, "1h");
        wait_for("the first poll's page", || !b.sandbox.pagerduty_events().is_empty());
        wait_for("the poll to finish", || b.sandbox.requests_to(sandbox::SLACK_PATH).len() == 1);
        std::thread::sleep(Duration::from_millis(300));
        let (code, err) = sigterm_and_wait(&mut child);
        assert_eq!(code, 0, "{err}");
        assert!(err.contains("stopped by a signal"), "{err}");
        // Committed: a poll afterwards owes nobody anything.
        poll(&b, &[]).success();
        assert_eq!(b.sandbox.pagerduty_events().len(), 1);
        assert_eq!(b.slack_texts().len(), 1);
    }

    #[test]
    fn sigterm_during_a_poll_lets_it_finish_and_commit() {
        let b = Bench::new();
        ladder(&b, 1);
        b.sandbox.dx_set_vif_state(TRANSIT, "down").unwrap();
        // Every Direct Connect answer takes 1.5 s: the signal lands mid-poll.
        b.sandbox.inject(Fault::latency("/", 1_500, 0).for_target("OvertureService.*"));
        let started = Instant::now();
        let mut child = spawn_watch(&b, "1h");
        std::thread::sleep(Duration::from_millis(700));
        assert!(b.sandbox.pagerduty_events().is_empty(), "still polling when the signal comes");
        let (code, err) = sigterm_and_wait(&mut child);
        assert_eq!(code, 0, "{err}");
        assert!(started.elapsed() >= Duration::from_millis(1_500), "it waited for the poll");
        assert_eq!(b.sandbox.pagerduty_events().len(), 1, "the poll delivered: {err}");
        poll(&b, &[]).success();
        assert_eq!(b.sandbox.pagerduty_events().len(), 1, "and committed");
    }

    #[test]
    fn a_pager_route_by_duration_fires_once_the_vif_has_been_down_that_long() {
        let b = Bench::new();
        b.aws_profiles(&[("acme-prod", ACME)]);
        b.write_config(&format!(
            "{}{}{}\n[[routes]]\nsources = [\"dx-vif\"]\nmin_severity = \"critical\"\nnotify_after_duration = \"2s\"\nsinks = [\"pagerduty\"]\n",
            b.defaults(),
            account("acme-prod", ACME, &[TOKYO]),
            b.sandbox.sinks_toml(),
        ));
        b.sandbox.dx_set_vif_state(TRANSIT, "down").unwrap();
        let started = Instant::now();
        let mut child = spawn_watch(&b, "1s");
        // Each poll reads the clock afresh: the VIF has been down 2 s by the third poll.
        wait_for("the page", || !b.sandbox.pagerduty_events().is_empty());
        assert!(started.elapsed() >= Duration::from_secs(2), "not before it was down 2 s");
        let (code, err) = sigterm_and_wait(&mut child);
        assert_eq!(code, 0, "{err}");
        assert_eq!(b.sandbox.pagerduty_events().len(), 1);
    }

    #[test]
    fn watch_polls_on_its_interval_and_tells_each_change_once() {
        let b = Bench::new();
        ladder(&b, 1);
        let ping = b.sandbox.url(&format!("{}watch-uuid", sandbox::HEARTBEAT_PREFIX));
        let metrics = b.path("dx.prom");
        let mut child =
            spawn_watch_with(&b, "1s", &["--heartbeat-url", &ping, "--metrics-file", metrics.to_str().unwrap()]);
        let dvi = |b: &Bench| {
            b.sandbox
                .requests()
                .iter()
                .filter(|r| r.header("x-amz-target") == Some("OvertureService.DescribeVirtualInterfaces"))
                .count()
        };
        wait_for("the first poll", || dvi(&b) >= 1);
        b.sandbox.dx_set_vif_state(TRANSIT, "down").unwrap();
        wait_for("a page", || !b.sandbox.pagerduty_events().is_empty());
        let n = dvi(&b);
        wait_for("two more polls", || dvi(&b) >= n + 2);
        b.sandbox.dx_set_vif_state(TRANSIT, "available").unwrap();
        wait_for("the resolve", || b.sandbox.pagerduty_events().len() == 2);
        let (code, err) = sigterm_and_wait(&mut child);
        assert_eq!(code, 0, "{err}");
        assert_eq!(b.slack_texts().len(), 2, "down once, recovered once");
        // A dead-man's switch hears of every poll: a start and an end ping each.
        let pings = b.sandbox.requests_to(sandbox::HEARTBEAT_PREFIX);
        let starts = pings.iter().filter(|r| r.path.ends_with("/start")).count();
        let ends = pings.iter().filter(|r| r.path.ends_with("/watch-uuid")).count();
        assert!(starts >= 4 && ends == starts, "{starts} starts, {ends} ends");
        let prom = std::fs::read_to_string(&metrics).unwrap();
        assert!(prom.contains("command=\"dx-vif-watch\""), "{prom}");
    }
}

/// Direct Connect API calls the sandbox answered so far.
fn dx_calls(b: &Bench) -> usize {
    b.sandbox
        .requests()
        .iter()
        .filter(|r| r.header("x-amz-target").is_some_and(|t| t.starts_with("OvertureService")))
        .count()
}

#[test]
fn a_poll_started_while_another_runs_exits_4_without_calling_aws_or_pinging() {
    let b = Bench::new();
    ladder(&b, 3);
    b.sandbox.dx_set_bgp(TRANSIT, Some(sandbox::DX_DEMO_TRANSIT_PEER_IPV6), "down").unwrap();
    // The first poll's Slack message takes 3 s: it holds the lock meanwhile.
    b.sandbox.inject(Fault::latency(sandbox::SLACK_PATH, 3000, 1));
    let mut first =
        b.opskit_aws_process().args(["dx-vif", "poll"]).stdout(std::process::Stdio::null()).spawn().unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while dx_calls(&b) < 2 {
        assert!(std::time::Instant::now() < deadline, "the first poll never listed its VIFs");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let listed = dx_calls(&b);
    let hb = b.sandbox.url("/ping/5bd1c0de-0000-4000-8000-00000000f00d");
    let metrics = b.path("standby.prom");
    let a = dx(&b).args(["poll", "--heartbeat-url", &hb, "--metrics-file"]).arg(&metrics).assert();
    assert_eq!(code(&a), 4, "stderr: {}", stderr(&a));
    assert!(stderr(&a).contains(&format!("pid {}", first.id())), "the holder is named: {}", stderr(&a));
    assert_eq!(dx_calls(&b), listed, "the locked-out poll called Direct Connect");
    assert!(b.sandbox.requests_to("/ping/").is_empty(), "exit 4 pings nothing: the holder reports");
    let m = std::fs::read_to_string(&metrics).unwrap();
    assert!(m.contains("opskit_run_success{command=\"dx-vif-poll\"} 1"), "{m}");
    assert!(m.contains("opskit_run_locked{command=\"dx-vif-poll\"} 1"), "{m}");
    assert!(first.wait().unwrap().success());
    assert_eq!(b.slack_texts().len(), 1, "told once");
}

/// One account without `regions`, whose profile says `profile_region` (or nothing), with
/// `[defaults] regions` as given; Slack as the only sink.
fn regionless(b: &Bench, profile_region: Option<&str>, default_regions: &str) {
    let region_line = profile_region.map(|r| format!("region = {r}\n")).unwrap_or_default();
    std::fs::write(
        b.path("aws-config"),
        format!(
            "[profile acme-prod]\naws_access_key_id = {}\naws_secret_access_key = sandbox-secret\n{region_line}",
            sandbox::sandbox_access_key(ACME)
        ),
    )
    .unwrap();
    std::fs::write(b.path("aws-credentials"), "").unwrap();
    b.write_config(&format!(
        "{}regions = [{default_regions}]\n[[accounts]]\nname = \"acme-prod\"\nid = \"{ACME}\"\nprofile = \"acme-prod\"\n\n{}\n[[routes]]\nsinks = [\"slack\"]\n",
        b.defaults(),
        b.sandbox.sinks_toml(),
    ));
}

/// The regions Direct Connect was asked about (the SigV4 credential scope's region).
fn dx_regions(b: &Bench) -> std::collections::BTreeSet<String> {
    b.sandbox
        .requests()
        .iter()
        .filter(|r| r.header("x-amz-target").is_some_and(|t| t.starts_with("OvertureService")))
        .filter_map(|r| r.header("authorization")?.split('/').nth(2).map(str::to_string))
        .collect()
}

#[test]
fn an_account_without_regions_is_polled_in_its_profiles_region_not_in_virginia() {
    let b = Bench::new();
    regionless(&b, Some(TOKYO), "");
    b.sandbox.dx_set_bgp(TRANSIT, Some(sandbox::DX_DEMO_TRANSIT_PEER_IPV6), "down").unwrap();
    // AWS_REGION names another region: the account's own profile wins.
    let a = dx(&b).args(["poll"]).env("AWS_REGION", "us-east-1").assert();
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    assert_eq!(dx_regions(&b), [TOKYO.to_string()].into(), "polled where the profile says");
    assert!(b.slack_texts().iter().any(|t| t.contains(sandbox::DX_DEMO_TRANSIT_VIF_NAME)), "{:?}", b.slack_texts());
    // config check shows the region and where it came from.
    let a = b.opskit_aws().args(["config", "check"]).env("AWS_REGION", "us-east-1").assert();
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    assert!(stdout(&a).contains("ap-northeast-1 (from profile acme-prod)"), "{}", stdout(&a));
}

#[test]
fn without_a_profile_region_the_environment_then_defaults_regions_decide() {
    let b = Bench::new();
    regionless(&b, None, "\"eu-west-1\"");
    let a = dx(&b).args(["poll"]).env("AWS_REGION", TOKYO).assert();
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    assert_eq!(dx_regions(&b), [TOKYO.to_string()].into());
    let a = b.opskit_aws().args(["config", "check"]).assert();
    assert!(stdout(&a).contains("eu-west-1 (from defaults.regions)"), "{}", stdout(&a));
}

#[test]
fn an_account_no_region_can_be_resolved_for_is_refused_by_name() {
    let b = Bench::new();
    regionless(&b, None, "");
    let a = dx(&b).args(["poll"]).assert();
    assert_eq!(code(&a), 2, "{}", stderr(&a));
    let err = stderr(&a);
    assert!(
        err.contains("account `acme-prod`: no region") && err.contains("profile `acme-prod` names no region"),
        "{err}"
    );
    assert!(err.contains("hint:"), "{err}");
    assert!(dx_regions(&b).is_empty(), "nothing was polled");
    let a = b.opskit_aws().args(["config", "check"]).assert();
    assert_eq!(code(&a), 2, "config check refuses it too: {}", stderr(&a));
    assert!(stderr(&a).contains("account `acme-prod`"), "{}", stderr(&a));
    // --region names one explicitly.
    let a = dx(&b).args(["poll", "--region", TOKYO]).assert();
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    assert_eq!(dx_regions(&b), [TOKYO.to_string()].into());
}

/// A proxy, a captive portal or a wrong endpoint override answering `{}` with HTTP 200 is
/// not "every VIF is gone": the poll fails for that target, naming it, and nothing resolves.
#[test]
fn an_empty_answer_fails_the_target_and_resolves_nothing() {
    let b = Bench::new();
    ladder(&b, 1);
    b.sandbox.dx_set_vif_state(TRANSIT, "down").unwrap();
    poll(&b, &[]).success();
    assert_eq!(b.slack_texts().len(), 1);
    assert_eq!(b.sandbox.pagerduty_events().len(), 1);
    let key = format!("dx-vif/{ACME}/{TOKYO}/{TRANSIT}");
    let open = (key.clone(), "open".to_string());
    assert!(b.state_findings("dx-vif").contains(&open));

    b.sandbox.inject(Fault::ok_with_body("/", "{}", 1).for_target("OvertureService.DescribeVirtualInterfaces"));
    let a = poll(&b, &["--output", "json"]);
    assert_eq!(code(&a), 3, "{}", stderr(&a));
    let err = stderr(&a);
    assert!(
        err.contains(
            "error: acme-prod/ap-northeast-1: DescribeVirtualInterfaces: the answer has no virtualInterfaces list \
             (HTTP 200, body not a DescribeVirtualInterfaces answer)"
        ),
        "{err}"
    );
    assert!(err.contains("hint: ") && err.contains("endpoint override"), "{err}");
    let report: serde_json::Value = serde_json::from_str(&stdout(&a)).unwrap();
    assert_eq!(report["findings"].as_array().map(Vec::len), Some(0), "{report}");
    assert_eq!(b.slack_texts().len(), 1, "no RESOLVED reached Slack: {:?}", b.slack_texts());
    assert_eq!(b.sandbox.pagerduty_events().len(), 1, "the incident stays open");
    assert!(b.state_findings("dx-vif").contains(&open), "the state still has it open");

    // The next good answer: still down, so nothing is owed to anyone.
    let a = poll(&b, &["--output", "json"]);
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    assert_eq!(b.slack_texts().len(), 1, "{:?}", b.slack_texts());
    assert_eq!(b.sandbox.pagerduty_events().len(), 1);
    assert!(b.state_findings("dx-vif").contains(&open));
}
