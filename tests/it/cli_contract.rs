//! The CLI contract of DESIGN.md through the built binary: config errors exit 2 naming
//! file, line and key; commands of later issues say so and exit 2; no secret reaches any
//! output, even at -vvv and in failures; `config check` masks and probes; the demo runs
//! with no credentials and no network.

use crate::common;

use common::cli::*;
use opskit_sandbox::{self as sandbox, Fault};

#[test]
fn commands_without_what_they_need_say_what_to_configure_and_exit_2() {
    let b = Bench::new();
    // inventory publish without a Backlog project says what to configure.
    let a = b.opskit().args(["inventory", "publish"]).assert();
    assert_eq!(code(&a), 2);
    assert!(stderr(&a).contains("[commands.inventory.publish] project"), "{}", stderr(&a));
    // Built watchers with nothing to watch say what to configure.
    for (args, says) in
        [(&["dx-vif", "poll"][..], "no (account, region) to poll"), (&["ta", "notify"], "no account to check")]
    {
        let a = b.opskit().args(args).assert();
        assert_eq!(code(&a), 2);
        assert!(stderr(&a).contains(says) && stderr(&a).contains("hint:"), "{}", stderr(&a));
    }
}

#[test]
fn mail_parse_prints_each_file_and_exits_2_when_one_cannot_be_read() {
    let b = Bench::new();
    let dir = format!("{}/tests/fixtures/mail", env!("CARGO_MANIFEST_DIR"));
    let dx = format!("{dir}/legacy_dx_maintenance.eml");
    let a = b.opskit().args(["mail", "parse", &dx, "-o", "json"]).assert().success();
    let v: serde_json::Value = serde_json::from_slice(&a.get_output().stdout).unwrap();
    assert_eq!(v[0]["kind"], "dx-maintenance");
    assert_eq!(v[0]["resources"][1], "dxvif-ab12cd34");
    let a = b.opskit().args(["maintenance-mail", "parse", &dx, "/nonexistent/x.eml"]).assert();
    assert_eq!(code(&a), 2);
    assert!(stderr(&a).contains("cannot read /nonexistent/x.eml"), "{}", stderr(&a));
    let out = String::from_utf8_lossy(&a.get_output().stdout).to_string();
    assert!(out.contains("AWS_DIRECTCONNECT_MAINTENANCE_SCHEDULED"), "{out}");
    let a = b.opskit().args(["mail", "parse"]).write_stdin(std::fs::read(&dx).unwrap()).assert().success();
    assert!(String::from_utf8_lossy(&a.get_output().stdout).contains("recognised"));
}

/// An mboxrd of these fixtures, in order.
fn mbox_of(files: &[&str]) -> Vec<u8> {
    let dir = format!("{}/tests/fixtures/mail", env!("CARGO_MANIFEST_DIR"));
    let mut mbox = Vec::new();
    for (i, f) in files.iter().enumerate() {
        mbox.extend_from_slice(format!("From MAILER-DAEMON Mon Nov 23 00:00:0{i} 2026\n").as_bytes());
        let raw = std::fs::read(format!("{dir}/{f}")).unwrap();
        // mboxrd: body lines starting with "From " are quoted.
        for line in raw.split_inclusive(|b| *b == b'\n') {
            if line.starts_with(b"From ") {
                mbox.push(b'>');
            }
            mbox.extend_from_slice(line);
        }
        mbox.extend_from_slice(b"\n");
    }
    mbox
}

#[test]
fn mail_parse_streams_an_mbox_message_by_message() {
    let b = Bench::new();
    let mbox = mbox_of(&["legacy_dx_maintenance.eml", "ignored_not_aws.eml", "legacy_ec2_retirement.eml"]);
    let path = b.path("inbox.mbox");
    std::fs::write(&path, &mbox).unwrap();
    let a = b.opskit().args(["mail", "parse", path.to_str().unwrap(), "-o", "jsonl"]).assert().success();
    let rows: Vec<serde_json::Value> = stdout(&a).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(rows.len(), 3, "{rows:?}");
    assert!(rows[0]["file"].as_str().unwrap().ends_with("inbox.mbox#1"));
    assert_eq!(rows[0]["kind"], "dx-maintenance");
    assert_eq!(rows[1]["outcome"], "ignored");
    assert_eq!(rows[2]["kind"], "ec2-retirement");
}

#[test]
fn mail_parse_written_as_it_reads_is_one_json_array_an_aligned_table_and_quiet_still_fails_on_an_unreadable_file() {
    let b = Bench::new();
    let path = b.path("inbox.mbox");
    std::fs::write(&path, mbox_of(&["legacy_ec2_retirement.eml", "ignored_not_aws.eml", "legacy_dx_maintenance.eml"]))
        .unwrap();
    let path = path.to_str().unwrap();
    let a = b.opskit().args(["mail", "parse", path, path, "-o", "json"]).assert().success();
    let rows: Vec<serde_json::Value> = serde_json::from_str(&stdout(&a)).unwrap();
    let files: Vec<&str> = rows.iter().map(|r| r["file"].as_str().unwrap().rsplit('/').next().unwrap()).collect();
    assert_eq!(files, ["inbox.mbox#1", "inbox.mbox#2", "inbox.mbox#3", "inbox.mbox#1", "inbox.mbox#2", "inbox.mbox#3"]);
    assert_eq!(rows[5]["kind"], "dx-maintenance");
    assert!(stdout(&a).starts_with("[\n  {\n    \"") && stdout(&a).ends_with("\n  }\n]\n"), "{}", stdout(&a));

    // The table's columns fit the widest cell of any row, the last one's too.
    let a = b.opskit().args(["mail", "parse", path]).assert().success();
    let out = stdout(&a);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 5, "{out}");
    assert!(lines[0].starts_with("| FILE") && lines[4].contains("AWS_DIRECTCONNECT_MAINTENANCE_SCHEDULED"), "{out}");
    assert!(lines.iter().all(|l| l.chars().count() == lines[0].chars().count()), "{out}");
    // Through a pipe, read once, the same table.
    let a = b.opskit().args(["mail", "parse", "/dev/stdin"]).write_stdin(std::fs::read(path).unwrap()).assert();
    let piped = stdout(&a.success());
    let lines: Vec<&str> = piped.lines().collect();
    assert_eq!(lines.len(), 5, "{piped}");
    assert!(lines[4].starts_with("| /dev/stdin#3 ") && lines[4].contains("dxvif-ab12cd34"), "{piped}");
    assert!(lines.iter().all(|l| l.chars().count() == lines[0].chars().count()), "{piped}");

    // --quiet prints nothing but still reads every input, and says which it could not.
    let a = b.opskit().args(["mail", "parse", "-q", path, "/nonexistent/y.mbox"]).assert();
    assert_eq!(code(&a), 2);
    assert_eq!(stdout(&a), "");
    assert!(stderr(&a).contains("cannot read /nonexistent/y.mbox"), "{}", stderr(&a));
}

#[test]
fn no_secret_appears_in_any_output_even_at_vvv_and_in_failures() {
    let b = Bench::new();
    b.standard_config();
    let secrets = sandbox_secrets();
    let mut outputs = Vec::new();
    let mut run = |cmd: &mut assert_cmd::Command| {
        let a = cmd.assert();
        outputs.push(format!("{}\n{}", stdout(&a), stderr(&a)));
    };
    // Deliveries that fail in every way a sink can: 500s, a refused request, a dropped connection.
    b.sandbox.inject(Fault::status(sandbox::SLACK_PATH, 500, 0));
    b.sandbox.inject(Fault::status(sandbox::PAGERDUTY_PATH, 400, 0));
    b.sandbox.inject(Fault {
        path_prefix: sandbox::WEBHOOK_PATH.into(),
        drop_connection: true,
        times: 0,
        ..Default::default()
    });
    b.sandbox.inject(Fault::status("/backlog/api/v2/issues", 401, 0));
    for fmt in ["table", "json"] {
        run(b.push("s", &one("k1", "critical", "VIF down")).args(["-vvv", "-o", fmt]));
    }
    run(b.push("s", &one("k2", "critical", "VIF down")).args(["-vvv", "--dry-run"]));
    run(b.push("s", &one("k2", "critical", "VIF down")).args(["-vvv", "--log-format", "json"]));
    run(b.opskit().args(["-vvv", "config", "check"]));
    run(b.opskit().args(["-vvv", "config", "check", "-o", "json"]));
    for sink in ["slack", "pagerduty", "backlog", "webhook"] {
        run(b.opskit().args(["-vvv", "notify", "test", "--sink", sink]));
        run(b.opskit().args(["-vvv", "notify", "test", "--dry-run", "--sink", sink]));
    }
    // A heartbeat URL is a secret too.
    run(b.push("s", "[]").args(["-vvv", "--heartbeat-url", &b.sandbox.url("/ping/hb-secret-uuid-0123")]));
    let all = outputs.join("\n");
    assert!(all.contains("TRACE") || all.contains("DEBUG"), "-vvv really logged");
    assert!(all.contains("failed"), "the failures really happened");
    for s in secrets.iter().chain(&["hb-secret-uuid-0123"]) {
        assert!(
            !all.contains(s),
            "secret `{s}` leaked:\n{}",
            all.lines().filter(|l| l.contains(s)).take(5).collect::<Vec<_>>().join("\n")
        );
    }
}

#[test]
fn demo_runs_with_no_credentials_and_no_network_and_shows_findings_and_deliveries() {
    let b = Bench::new();
    let a = b.opskit().arg("demo").assert();
    assert_eq!(code(&a), 0, "stderr: {}", stderr(&a));
    let out = stdout(&a);
    for expected in [
        "| critical | open   | new",
        "pagerduty | new  | damped",
        "pagerduty  <- 202 trigger dedup_key=nightly-checks/backup/db-1",
        "delivered (3 attempts)",
        "suppressed",
        "pagerduty  <- 202 resolve dedup_key=nightly-checks/backup/db-1",
        "OPS-1  [Closed]",
        // dx-vif: a BGP session drops, is escalated, recovers and resolves.
        "ipv4 up, ipv6 down | critical | new",
        "pagerduty  <- 202 trigger dedup_key=dx-vif/dx-vif/111122223333/ap-northeast-1/dxvif-fgtr1234",
        "pagerduty  <- 202 resolve dedup_key=dx-vif/dx-vif/111122223333/ap-northeast-1/dxvif-fgtr1234",
        "OPS-3  [Closed]",
        // trusted-advisor: red items become issues, a new flagged resource a comment, a fix resolves.
        "backlog    <- 201 POST /issues/OPS-5/comments \"**CHANGED (critical): Security Groups",
        "RESOLVED: MFA on Root Account: no longer flagged in acme-prod",
        "OPS-4  [Closed]",
        // support: an AWS reply is a comment on the case's issue; reminders for cases waiting on us.
        "backlog    <- 201 POST /issues/OPS-6/comments \"**CHANGED (warning): AWS replied on case 17731262840",
        "Reminder #3: AWS Support case 17731140501",
        // maintenance-mail: two notices and an unreadable one told, a newsletter not; the DX
        // notice silences the VIF it names, so its outage during the window is held back.
        "[WARNING] AWS_EC2_INSTANCE_RETIREMENT_SCHEDULED",
        "[WARNING] AWS_DIRECTCONNECT_MAINTENANCE_SCHEDULED",
        "[WARNING] An AWS notice opskit could not read",
        "critical (silenced s-health-",
        "| slack     | reopened | suppressed | dx-vif/111122223333/ap-northeast-1/dxvif-fgtr1234",
        // inventory: a page created, then nothing written, then one PATCH and a change log.
        "backlog    <- 201 POST /wikis page \"Inventory/111122223333\"",
        "backlog    <- 201 POST /wikis page \"Inventory/111122223333/Changelog\"",
        "inventory changed in acme-prod (111122223333): +2 −2 ~0",
        "- − instance `i-0c1a2b3c4d5e6f772` (web-2) in ap-northeast-1",
        // wiki: a generation, an unchanged night that reads only the list, verified, restored.
        "wiki requests: 1 page list, 0 page and attachment reads",
        "objects, ",
        ": ok\n",
        "Runbooks/Direct Connect.attachments/dx-topology.png",
        // organizations and shards: discovered through the sandbox's Organizations and STS,
        // split over two hosts; a refused role and a suspended account named, not fatal.
        "initech-old        400000000005  SUSPENDED skipped  shard 1/2",
        "== 34. dx-vif poll --shard 0/2 on ops-a",
        "initech-legacy/ap-northeast-1: cannot assume arn:aws:iam::400000000004:role/OpsKitReadOnly: AccessDenied",
        "slack     | new  | delivered | dx-vif/400000000001/ap-northeast-1/",
        "initech-old (400000000005): account is SUSPENDED in organization initech: skipped",
        "slack     | new  | delivered | dx-vif/400000000002/ap-northeast-1/",
    ] {
        assert!(out.contains(expected), "demo output lacks `{expected}`:\n{out}");
    }
    assert!(!out.contains("AWS Weekly Roundup"), "the newsletter is never told:\n{out}");
    // calendar: the planned swap is announced, the VIF held back during it, paged after it.
    let cal = &out[out.find("== 19. calendar sync").unwrap()..out.find("#### inventory").unwrap()];
    let during = &cal[cal.find("== 20.").unwrap()..cal.find("== 21.").unwrap()];
    let after = &cal[cal.find("== 21.").unwrap()..cal.find("== 22.").unwrap()];
    assert!(
        cal.contains("| slack   | new  | delivered | calendar/planned-work/router-swap@demo.example/once"),
        "{cal}"
    );
    assert!(
        during.contains(
            "| pagerduty | reopened | suppressed | dx-vif/111122223333/ap-northeast-1/dxvif-fgtr1234 | silence s-cal-"
        ),
        "{during}"
    );
    assert!(!during.contains("| delivered |"), "nobody is told during the window: {during}");
    assert!(after.contains("pagerduty  <- 202 trigger"), "{after}");
    assert!(!out.contains("private-5f1c0a9e7d3b48c2a6e4f0b1d9c8a7e6"), "the calendar's secret address is never shown");
    // health: the Health API's view of the two events the mails told tells nothing again; the
    // event only the API knew is told.
    let health_part = &out[out.find("== 18. health watch").unwrap()..out.find("#### inventory").unwrap()];
    assert!(
        health_part.contains("| slack   | new  | delivered | health/111122223333/AWS_RDS_MAINTENANCE_SCHEDULED/"),
        "{health_part}"
    );
    for code in ["AWS_DIRECTCONNECT_MAINTENANCE_SCHEDULED", "AWS_EC2_INSTANCE_RETIREMENT_SCHEDULED"] {
        let told = out
            .lines()
            .filter(|l| l.contains("| delivered |") && l.contains(&format!("health/111122223333/{code}/")))
            .count();
        assert_eq!(told, 3, "{code}: told once per sink (slack, webhook, backlog), by the mail:\n{out}");
    }
    assert_eq!(out.matches("PATCH /wikis/").count(), 1, "only the changed run writes the page again:\n{out}");
    let org_part = &out[out.find("== 34.").unwrap()..out.find("== Backlog issues in project").unwrap()];
    assert_eq!(org_part.matches("slack      <- 200").count(), 2, "each shard tells its own VIF once:\n{org_part}");
    assert!(!org_part.contains("111122223333/"), "the organization's hosts leave acme-prod alone:\n{org_part}");
}

#[test]
fn help_and_version_work_and_every_env_var_is_documented() {
    let b = Bench::new();
    let a = b.opskit().arg("--help").assert().success();
    assert!(stdout(&a).contains("Exit codes"));
    b.opskit().arg("--version").assert().success();
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    for (var, _) in opskit::env_vars::ALL {
        assert!(readme.contains(var), "README does not document {var}");
    }
}

/// Issue 18 item 5: `-h` shows a command's own options first and the global ones under
/// their own heading, short; `--help` ends with examples, which the man page has too.
#[test]
fn help_puts_a_commands_own_options_first_and_ends_its_long_help_with_examples() {
    let b = Bench::new();
    let short = stdout(&b.opskit().args(["ta", "notify", "-h"]).assert());
    let own = short.find("--min-status").expect("own option listed");
    let global = short.find("Global options:").expect("a Global options heading");
    let config = short.find("--config").expect("--config listed");
    assert!(own < global && global < config, "own options first, then the global ones:\n{short}");
    let poll = stdout(&b.opskit().args(["dx-vif", "poll", "-h"]).assert());
    assert!(poll.lines().count() <= 30, "dx-vif poll -h is {} lines:\n{poll}", poll.lines().count());
    assert!(!poll.contains("--heartbeat-url") && !poll.contains("Examples:"), "{poll}");

    let long = stdout(&b.opskit().args(["dx-vif", "poll", "--help"]).assert());
    assert!(long.contains("--heartbeat-url"), "--help shows every global option:\n{long}");
    let examples = long.rfind("Examples:").expect("examples in --help");
    assert!(long[examples..].contains("opskit dx-vif poll --dry-run"), "{long}");
    let man = stdout(&b.opskit().args(["man"]).assert());
    assert!(!man.is_empty());
    let dir = b.path("man");
    b.opskit().args(["man", "--out-dir"]).arg(&dir).assert().success();
    let page = std::fs::read_to_string(dir.join("opskit-dx-vif-poll.1")).unwrap();
    assert!(page.contains("opskit dx\\-vif poll \\-\\-dry\\-run"), "{page}");
}
