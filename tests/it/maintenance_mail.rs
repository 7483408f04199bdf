//! `opskit maintenance-mail ingest` and `parse` end to end: the built binary, the fixture
//! corpus, Slack in the sandbox, dx-vif against the sandbox's Direct Connect. Time is pinned
//! (`OPSKIT_NOW`), so windows in the fixtures are in the future whatever the date.

use crate::common;

use common::cli::*;
use opskit_sandbox::{self as sandbox, Fault};

use common::cli::mail_fixture as fixture;

fn setup(b: &Bench) {
    b.write_config(&format!(
        "{}{}\n[[routes]]\nsources = [\"maintenance-mail\"]\nsinks = [\"slack\"]\n",
        b.defaults(),
        b.sandbox.sinks_toml()
    ));
}

/// Before every window of the fixtures.
const NOW: &str = "2026-11-22T00:00:00Z";

/// `opskit` at a pinned time.
fn mail_now(b: &Bench, now: &str) -> assert_cmd::Command {
    let mut c = b.opskit();
    c.env("OPSKIT_NOW", now);
    c
}

fn mail(b: &Bench, now: &str) -> assert_cmd::Command {
    let mut c = mail_now(b, now);
    c.args(["mail"]);
    c
}

fn ingest_stdin(b: &Bench, raw: Vec<u8>) -> assert_cmd::assert::Assert {
    mail(b, NOW).arg("ingest").write_stdin(raw).assert()
}

fn ingest(b: &Bench, args: &[&str]) -> assert_cmd::assert::Assert {
    mail(b, NOW).arg("ingest").args(args).assert()
}

/// A copy of a fixture with one header replaced (or added at the top when absent).
fn with_header(raw: &[u8], name: &str, value: &str) -> Vec<u8> {
    let text = String::from_utf8_lossy(raw);
    let prefix = format!("{name}:");
    let mut found = false;
    let lines: Vec<String> = text
        .split_inclusive('\n')
        .map(|l| {
            if !found && l.starts_with(&prefix) {
                found = true;
                format!("{name}: {value}\n")
            } else {
                l.to_string()
            }
        })
        .collect();
    let out = lines.concat();
    if found { out.into_bytes() } else { format!("{name}: {value}\n{out}").into_bytes() }
}

fn maildir(b: &Bench) -> std::path::PathBuf {
    let md = b.path("Maildir");
    for d in ["new", "cur", "tmp"] {
        std::fs::create_dir_all(md.join(d)).unwrap();
    }
    md
}

fn names(dir: &std::path::Path) -> Vec<String> {
    let mut v: Vec<String> =
        std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    v.sort();
    v
}

#[test]
fn a_reminder_of_a_seen_event_sends_nothing_and_its_cancellation_resolves_it() {
    let b = Bench::new();
    setup(&b);
    ingest_stdin(&b, fixture("legacy_dx_maintenance.eml")).success();
    let msgs = b.slack_texts();
    assert_eq!(msgs.len(), 1);
    assert!(
        msgs[0].contains("AWS_DIRECTCONNECT_MAINTENANCE_SCHEDULED") && msgs[0].contains("dxvif-ab12cd34"),
        "{}",
        msgs[0]
    );
    ingest_stdin(&b, fixture("legacy_dx_maintenance.eml")).success();
    assert_eq!(b.slack_texts().len(), 1, "the same notice again (a reminder) is not news");
    ingest_stdin(&b, fixture("legacy_dx_cancelled.eml")).success();
    let msgs = b.slack_texts();
    assert_eq!(msgs.len(), 2);
    assert!(msgs[1].contains("RESOLVED") && msgs[1].contains("Cancelled"), "{}", msgs[1]);
    // Not a notice: nothing; an AWS notice opskit cannot read: a warning, nothing lost.
    ingest_stdin(&b, fixture("ignored_not_aws.eml")).success();
    assert_eq!(b.slack_texts().len(), 2);
    ingest_stdin(&b, fixture("unparsed_notice.eml")).success();
    let msgs = b.slack_texts();
    assert_eq!(msgs.len(), 3);
    assert!(msgs[2].contains("could not read"), "{}", msgs[2]);
}

#[test]
fn a_maildir_message_stays_in_new_until_its_notification_is_delivered_then_is_told_once() {
    let b = Bench::new();
    setup(&b);
    let md = b.path("Maildir");
    for d in ["new", "cur", "tmp"] {
        std::fs::create_dir_all(md.join(d)).unwrap();
    }
    std::fs::write(md.join("new/1700000000.1.host"), fixture("legacy_ec2_retirement.eml")).unwrap();
    std::fs::write(md.join("new/1700000001.2.host"), fixture("ignored_aws_newsletter.eml")).unwrap();
    b.sandbox.inject(Fault::status(sandbox::SLACK_PATH, 503, 0));
    let a = ingest(&b, &[md.to_str().unwrap()]);
    assert_eq!(code(&a), 3, "Slack down: the run failed");
    let names = |d: &str| -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(md.join(d))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    };
    assert_eq!(names("new"), ["1700000000.1.host"], "the notice waits in new/; the newsletter is done");
    assert_eq!(names("cur"), ["1700000001.2.host:2,S"]);
    b.sandbox.clear();
    let before = b.slack_texts().len();
    ingest(&b, &[md.to_str().unwrap()]).success();
    let msgs = b.slack_texts();
    assert_eq!(msgs.len(), before + 1, "told exactly once");
    assert!(msgs.last().unwrap().contains("AWS_EC2_INSTANCE_RETIREMENT_SCHEDULED"));
    assert!(names("new").is_empty());
    assert!(names("cur").contains(&"1700000000.1.host:2,S".to_string()));
    ingest(&b, &[md.to_str().unwrap()]).success();
    assert_eq!(b.slack_texts().len(), before + 1);
}

#[test]
fn a_piped_mail_whose_notification_failed_is_told_by_the_next_ingest() {
    let b = Bench::new();
    setup(&b);
    b.sandbox.inject(Fault::status(sandbox::SLACK_PATH, 503, 0));
    let a = ingest_stdin(&b, fixture("legacy_ec2_retirement.eml"));
    assert_eq!(code(&a), 3);
    b.sandbox.clear();
    // The next mail through the pipe is not a notice, but the owed one goes out with it.
    ingest_stdin(&b, fixture("ignored_aws_newsletter.eml")).success();
    let msgs = b.slack_texts();
    assert_eq!(msgs.len(), 1, "{msgs:?}");
    assert!(msgs[0].contains("AWS_EC2_INSTANCE_RETIREMENT_SCHEDULED"));
    ingest_stdin(&b, fixture("ignored_aws_newsletter.eml")).success();
    assert_eq!(b.slack_texts().len(), 1, "and only once");
}

#[test]
fn a_mail_read_again_from_another_source_is_never_told_twice() {
    let b = Bench::new();
    setup(&b);
    let raw = fixture("legacy_ec2_retirement.eml");
    let file = b.path("retirement.eml");
    std::fs::write(&file, &raw).unwrap();
    ingest(&b, &[file.to_str().unwrap()]).success();
    assert_eq!(b.slack_texts().len(), 1);
    // The same mail delivered to a Maildir too (an extra Received header: other bytes, same
    // Message-ID), and the same file again: nothing more, and the Maildir copy is done.
    let md = maildir(&b);
    std::fs::write(md.join("new/1.host"), with_header(&raw, "Received", "from mx2.example.net")).unwrap();
    let a = ingest(&b, &[md.to_str().unwrap(), file.to_str().unwrap()]);
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    assert_eq!(b.slack_texts().len(), 1);
    assert_eq!(names(&md.join("cur")), ["1.host:2,S"]);
    // A copy without a Message-ID is known by its content.
    let no_id = String::from_utf8(raw.clone()).unwrap().replace("Message-ID:", "X-Old-Message-ID:");
    std::fs::write(b.path("a.eml"), &no_id).unwrap();
    ingest(&b, &[b.path("a.eml").to_str().unwrap()]).success();
    ingest(&b, &[b.path("a.eml").to_str().unwrap()]).success();
    assert_eq!(b.slack_texts().len(), 1, "same event, so the first of these is a reminder, the second a repeat");
    // One mbox holding the mail twice: told once between them.
    let other = fixture("managed_rds_maintenance.eml");
    let mut mbox = Vec::new();
    for _ in 0..2 {
        mbox.extend_from_slice(b"From MAILER-DAEMON Sat Nov 21 00:00:00 2026\n");
        mbox.extend_from_slice(&other);
        mbox.extend_from_slice(b"\n");
    }
    std::fs::write(b.path("box.mbox"), mbox).unwrap();
    let a = ingest(&b, &["-v", b.path("box.mbox").to_str().unwrap()]);
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    assert_eq!(b.slack_texts().len(), 2);
    assert!(stderr(&a).contains("already ingested"), "{}", stderr(&a));
}

#[test]
fn a_reminder_with_its_own_message_id_updates_the_same_finding() {
    let b = Bench::new();
    setup(&b);
    let first = fixture("managed_dx_maintenance.eml");
    ingest_stdin(&b, first.clone()).success();
    let reminder =
        with_header(&with_header(&first, "Message-ID", "<reminder-2@aws>"), "Date", "Mon, 7 Dec 2026 10:00:00 +0000");
    let a = mail(&b, NOW).args(["ingest", "-o", "json"]).write_stdin(reminder).assert();
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    assert_eq!(b.slack_texts().len(), 1, "a reminder is not news");
    let report: serde_json::Value = serde_json::from_str(&stdout(&a)).unwrap();
    let findings = report["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 1, "one event, one finding: {findings:?}");
    assert!(findings[0]["change"].is_null(), "{:?}", findings[0]);
}

#[test]
fn events_resolve_when_their_window_has_ended_and_security_ones_stay_open() {
    let b = Bench::new();
    setup(&b);
    ingest_stdin(&b, fixture("managed_rds_maintenance.eml")).success(); // 25 Nov 01:00–05:00 UTC
    ingest_stdin(&b, fixture("security_abuse_report.eml")).success(); // activity seen 21 Nov
    assert_eq!(b.slack_texts().len(), 2, "{:?}", b.slack_texts());
    // A timer during the window: nothing; after it: the RDS event resolves, not the abuse report.
    mail(&b, "2026-11-25T03:00:00Z").args(["ingest", "--pending"]).assert().success();
    assert_eq!(b.slack_texts().len(), 2);
    mail(&b, "2026-11-25T05:01:00Z").args(["ingest", "--pending"]).assert().success();
    let msgs = b.slack_texts();
    assert_eq!(msgs.len(), 3, "{msgs:?}");
    assert!(msgs[2].contains("RESOLVED") && msgs[2].contains("AWS_RDS_MAINTENANCE_SCHEDULED"), "{}", msgs[2]);
    // The abuse report resolves only 30 days after it was told.
    mail(&b, "2026-12-20T00:00:00Z").args(["ingest", "--pending"]).assert().success();
    assert_eq!(b.slack_texts().len(), 3);
    mail(&b, "2026-12-23T00:00:00Z").args(["ingest", "--pending"]).assert().success();
    assert_eq!(b.slack_texts().len(), 4);
    // A reminder arriving after the window does not reopen it.
    let late = with_header(&fixture("managed_rds_maintenance.eml"), "Message-ID", "<late@aws>");
    mail(&b, "2026-11-26T00:00:00Z").arg("ingest").write_stdin(late).assert().success();
    assert_eq!(b.slack_texts().len(), 4);
}

fn rules_config(b: &Bench, section: &str) {
    b.write_config(&format!(
        "{}{}\n[[routes]]\nsources = [\"maintenance-mail\"]\nsinks = [\"slack\"]\n\n{section}",
        b.defaults(),
        b.sandbox.sinks_toml()
    ));
}

#[test]
fn rules_suppression_and_the_sender_allow_list_from_the_config() {
    let b = Bench::new();
    rules_config(
        &b,
        r#"[commands.maintenance-mail]
allow_senders = ["@aws.com", "no-reply-aws@amazon.com"]

[commands.maintenance-mail.suppress]
event_codes = ["AWS_EC2_SYSTEM_REBOOT_*"]

[[commands.maintenance-mail.rules]]
name = "console-only DX notices"
subject = "(?i)direct connect planned maintenance"
body = "details are in the console"
severity = "critical"
event_code = "ACME_DX_CONSOLE_NOTICE"
"#,
    );
    // The rule turns an unparsed notice into a critical event with its code.
    ingest_stdin(&b, fixture("unparsed_notice.eml")).success();
    let msgs = b.slack_texts();
    assert_eq!(msgs.len(), 1);
    assert!(msgs[0].contains("ACME_DX_CONSOLE_NOTICE") && !msgs[0].contains("could not read"), "{}", msgs[0]);
    // Suppressed by code: recognised, not told.
    let a = mail(&b, NOW).args(["ingest", "-v"]).write_stdin(fixture("legacy_ec2_maintenance.eml")).assert();
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    assert_eq!(b.slack_texts().len(), 1);
    assert!(
        stderr(&a).contains("suppressed: event code AWS_EC2_SYSTEM_REBOOT_MAINTENANCE_SCHEDULED"),
        "{}",
        stderr(&a)
    );
    // A sender off the list is not verified, but its notice is still told, marked so.
    ingest_stdin(&b, fixture("legacy_dx_maintenance.eml")).success();
    assert_eq!(b.slack_texts().len(), 2);
    let a = mail(&b, NOW).args(["ingest", "-v"]).write_stdin(fixture("sns_health_json.eml")).assert();
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    let msgs = b.slack_texts();
    assert_eq!(msgs.len(), 3);
    assert!(
        msgs[2].contains("AWS_EC2_INSTANCE_STOP_SCHEDULED")
            && msgs[2].contains("(unverified sender)")
            && msgs[2].contains("sender no-reply@sns.amazonaws.com is not on allow_senders"),
        "{}",
        msgs[2]
    );
    assert!(stderr(&a).contains("not on allow_senders"), "{}", stderr(&a));
    // `parse` shows what the rules make of a mail, and sends nothing.
    let a = mail(&b, NOW).args(["parse", "-o", "json"]).write_stdin(fixture("unparsed_notice.eml")).assert();
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    let v: serde_json::Value = serde_json::from_str(&stdout(&a)).unwrap();
    assert_eq!(
        (v[0]["outcome"].as_str(), v[0]["rule"].as_str()),
        (Some("recognised"), Some("console-only DX notices"))
    );
    assert_eq!(v[0]["severity"], "critical");
    let a = mail(&b, NOW).args(["parse"]).write_stdin(fixture("legacy_ec2_maintenance.eml")).assert();
    assert!(stdout(&a).contains("suppressed"), "{}", stdout(&a));
    assert_eq!(b.slack_texts().len(), 3);
}

/// The receiving server's verdict, as it adds it on top of a mail.
const DKIM_PASS: &str = "mx.example.net; spf=pass smtp.mailfrom=amazonses.com; dkim=pass header.d=amazon.com";

#[test]
fn a_notice_whose_dkim_the_server_did_not_pass_is_told_marked_unverified_and_a_verified_one_plainly() {
    let b = Bench::new();
    rules_config(&b, "[commands.maintenance-mail]\nrequire_dkim = true\nauthserv_id = \"mx.example.net\"\n");
    let raw = fixture("legacy_ec2_retirement.eml");
    let failed = with_header(&raw, "Authentication-Results", "mx.example.net; dkim=fail header.d=amazon.com");
    let a = mail(&b, NOW).args(["ingest", "-o", "json"]).write_stdin(failed).assert();
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    let msgs = b.slack_texts();
    assert_eq!(msgs.len(), 1, "an unverified notice is still a notice");
    assert!(
        msgs[0].contains("AWS_EC2_INSTANCE_RETIREMENT_SCHEDULED")
            && msgs[0].contains("(unverified sender)")
            && msgs[0].contains("no Authentication-Results header of mx.example.net says dkim=pass for amazon.com"),
        "{}",
        msgs[0]
    );
    let report: serde_json::Value = serde_json::from_str(&stdout(&a)).unwrap();
    let f = &report["findings"][0];
    assert!(f["key"].as_str().unwrap().starts_with("health/unverified/"), "{f}");
    let verified = f["fields"].as_array().unwrap().iter().find(|x| x["name"] == "verified").unwrap();
    assert!(verified["value"].as_str().unwrap().starts_with("no: "), "{f}");

    let ok = with_header(&with_header(&raw, "Authentication-Results", DKIM_PASS), "Message-ID", "<second@aws>");
    ingest_stdin(&b, ok).success();
    let msgs = b.slack_texts();
    assert_eq!(msgs.len(), 2, "the verified mail is its own finding, never changed by an unverified one");
    assert!(
        msgs[1].contains("AWS_EC2_INSTANCE_RETIREMENT_SCHEDULED")
            && !msgs[1].contains("unverified")
            && msgs[1].contains("From no-reply-aws@amazon.com: verified."),
        "{}",
        msgs[1]
    );
}

/// The findings `ingest -o json` reported, by key.
fn report_findings(a: &assert_cmd::assert::Assert) -> Vec<serde_json::Value> {
    let report: serde_json::Value = serde_json::from_str(&stdout(a)).unwrap_or_else(|e| panic!("{e}: {}", stdout(a)));
    report["findings"].as_array().cloned().unwrap_or_default()
}

#[test]
fn a_notice_a_mailing_list_forwarded_is_told_with_every_field_and_so_is_its_cancellation() {
    let b = Bench::new();
    setup(&b);
    // `parse` reads the Google Group's copy like the original, and says who it is from.
    let a = mail(&b, NOW)
        .args(["parse", "-o", "json"])
        .write_stdin(fixture("list_google_group_dx_maintenance.eml"))
        .assert();
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    let v: serde_json::Value = serde_json::from_str(&stdout(&a)).unwrap();
    let p = &v[0];
    assert_eq!(p["outcome"], "recognised", "{p}");
    assert_eq!(p["kind"], "dx-maintenance");
    assert_eq!(p["event_type_code"], "AWS_DIRECTCONNECT_MAINTENANCE_SCHEDULED");
    assert_eq!(p["accounts"], serde_json::json!(["111122223333"]));
    assert_eq!(p["region"], "eu-central-1");
    assert_eq!((p["start"].as_str(), p["end"].as_str()), (Some("2026-12-09T23:00:00Z"), Some("2026-12-10T05:00:00Z")));
    assert_eq!(p["resources"], serde_json::json!(["dxcon-fg5678gh", "dxvif-ab12cd34", "dxlag-ffabc123"]));
    assert_eq!(
        (p["from"].as_str(), p["sender"].as_str()),
        (Some("aws-notices@example.net"), Some("no-reply-aws@amazon.com"))
    );
    assert_eq!((p["sender_header"].as_str(), p["verified"].as_bool()), (Some("X-Original-From"), Some(false)));

    // `ingest` tells it, marked: the list broke AWS's signature, so nothing verifies it.
    let a = mail(&b, NOW)
        .args(["ingest", "-o", "json"])
        .write_stdin(fixture("list_google_group_dx_maintenance.eml"))
        .assert();
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    let msgs = b.slack_texts();
    assert_eq!(msgs.len(), 1, "{msgs:?}");
    for part in [
        "AWS_DIRECTCONNECT_MAINTENANCE_SCHEDULED",
        "eu-central-1",
        "dxcon-fg5678gh, dxvif-ab12cd34, dxlag-ffabc123",
        "no-reply-aws@amazon.com (forwarded by aws-notices@example.net, AWS's address in X-Original-From)",
        "(unverified sender)",
    ] {
        assert!(msgs[0].contains(part), "lacks {part}: {}", msgs[0]);
    }
    let findings = report_findings(&a);
    assert_eq!(findings.len(), 1);
    assert_eq!(findings[0]["account"], "111122223333");

    // The cancellation, through a Mailman list this time (AWS's address in Reply-To): resolved.
    let a = mail(&b, NOW).args(["ingest", "-o", "json"]).write_stdin(fixture("list_mailman_dx_cancelled.eml")).assert();
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    let msgs = b.slack_texts();
    assert_eq!(msgs.len(), 2, "{msgs:?}");
    assert!(msgs[1].contains("RESOLVED") && msgs[1].contains("Cancelled"), "{}", msgs[1]);
    assert_eq!(report_findings(&a)[0]["key"], findings[0]["key"], "the same event");
}

#[test]
fn a_cancellation_of_an_event_never_told_here_is_told_not_dropped() {
    let b = Bench::new();
    setup(&b);
    // The notice came verified (its own finding); the cancellation only through a list.
    let notice = with_header(&fixture("legacy_dx_maintenance.eml"), "Authentication-Results", DKIM_PASS);
    ingest_stdin(&b, notice).success();
    assert!(!b.slack_texts()[0].contains("unverified"), "{}", b.slack_texts()[0]);
    let cancel = with_header(&fixture("list_mailman_dx_cancelled.eml"), "Message-ID", "<ticket-7@desk.example.net>");
    ingest_stdin(&b, cancel).success();
    let msgs = b.slack_texts();
    assert_eq!(msgs.len(), 2, "{msgs:?}");
    assert!(
        msgs[1].contains("Cancelled: AWS_DIRECTCONNECT_MAINTENANCE_CANCELLED")
            && msgs[1].contains("(unverified sender)"),
        "{}",
        msgs[1]
    );
    assert!(!msgs[1].contains("RESOLVED"), "an unverified mail resolves nothing a verified one said: {}", msgs[1]);
}

#[test]
fn an_aws_looking_mail_without_from_that_cannot_be_read_is_an_unparsed_warning_and_a_plain_non_aws_mail_is_ignored() {
    let b = Bench::new();
    setup(&b);
    let a = mail(&b, NOW).args(["parse", "-o", "json"]).write_stdin(fixture("no_from_unparsed_notice.eml")).assert();
    let v: serde_json::Value = serde_json::from_str(&stdout(&a)).unwrap();
    assert_eq!((v[0]["outcome"].as_str(), v[0]["sender"].as_str()), (Some("unparsed"), Some("health@aws.com")), "{v}");
    let a = mail(&b, NOW).args(["ingest", "-v"]).write_stdin(fixture("no_from_unparsed_notice.eml")).assert();
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    let msgs = b.slack_texts();
    assert_eq!(msgs.len(), 1, "{msgs:?}");
    assert!(
        msgs[0].contains("WARNING")
            && msgs[0]
                .contains("An AWS notice opskit could not read: AWS Direct Connect Planned Maintenance Notification")
            && msgs[0].contains("health@aws.com (in Sender; the mail has no From)"),
        "{}",
        msgs[0]
    );
    assert!(stderr(&a).contains("1 unparsed (1 of them from an unverified sender)"), "{}", stderr(&a));
    // A person's mail about a notice, and a list post by one: plainly not AWS notices.
    let post = with_header(&fixture("ignored_not_aws.eml"), "From", "AWS notices <aws-notices@example.net>");
    let post = with_header(&with_header(&post, "Reply-To", "lead@example.net"), "Message-ID", "<post-2@example.net>");
    for raw in [fixture("ignored_not_aws.eml"), post] {
        let a = mail(&b, NOW).args(["ingest", "-v"]).write_stdin(raw).assert();
        assert_eq!(code(&a), 0, "{}", stderr(&a));
        assert!(stderr(&a).contains("is not AWS and the mail carries no AWS notice headers"), "{}", stderr(&a));
    }
    assert_eq!(b.slack_texts().len(), 1);
}

#[test]
fn bad_rules_are_config_errors_naming_the_key() {
    let b = Bench::new();
    rules_config(&b, "[[commands.maintenance-mail.rules]]\nname = \"x\"\nsubject = \"(unclosed\"\n");
    let a = mail(&b, NOW).args(["parse"]).write_stdin(fixture("unparsed_notice.eml")).assert();
    assert_eq!(code(&a), 2);
    assert!(
        stderr(&a).contains("commands.maintenance-mail.rules[0].subject") && stderr(&a).contains("regex"),
        "{}",
        stderr(&a)
    );
    rules_config(&b, "[[commands.maintenance-mail.rules]]\nseverity = \"critical\"\n");
    let a = b.opskit().args(["config", "check"]).assert();
    assert_eq!(code(&a), 2);
    assert!(stderr(&a).contains("at least one of from, subject, body or headers"), "{}", stderr(&a));
}

#[test]
fn mta_pipe_exit_codes_keep_the_mail_until_it_is_safe() {
    let b = Bench::new();
    setup(&b);
    // Slack down: the mail is safe in the state store, so the MTA may drop it (exit 0) ...
    b.sandbox.inject(Fault::status(sandbox::SLACK_PATH, 503, 0));
    let a = mail(&b, NOW).args(["ingest", "--mta"]).write_stdin(fixture("legacy_ec2_retirement.eml")).assert();
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    b.sandbox.clear();
    // ... and the timer tells it.
    mail(&b, NOW).args(["ingest", "--pending"]).assert().success();
    assert_eq!(b.slack_texts().len(), 1);
    // The state store cannot be written: 75, the MTA keeps the mail and retries.
    std::fs::write(b.path("not-a-dir"), "").unwrap();
    let a = mail(&b, NOW)
        .args(["--state", b.path("not-a-dir/state.db").to_str().unwrap(), "ingest", "--mta"])
        .write_stdin(fixture("managed_rds_maintenance.eml"))
        .assert();
    assert_eq!(code(&a), 75, "{}", stderr(&a));
    // A broken config is not the mail's fault either.
    b.write_config("[defaults\n");
    let a = mail(&b, NOW).args(["ingest", "--mta"]).write_stdin(fixture("managed_rds_maintenance.eml")).assert();
    assert_eq!(code(&a), 75);
}

/// A Direct Connect maintenance mail naming the sandbox's transit VIF and its connection,
/// as the receiving server verified it.
fn dx_mail(name: &str, message_id: &str) -> Vec<u8> {
    let text = String::from_utf8(fixture(name)).unwrap();
    let text = text
        .replace("dxvif-ab12cd34", sandbox::DX_DEMO_TRANSIT_VIF)
        .replace("dxcon-fg5678gh", sandbox::DX_DEMO_CONNECTION_A);
    with_header(&with_header(text.as_bytes(), "Message-ID", message_id), "Authentication-Results", DKIM_PASS)
}

/// A legacy Direct Connect maintenance notice for the sandbox's transit VIF and its
/// connection announcing the window `start`–`end` (RFC 1123), `headers` on top.
fn dx_notice(message_id: &str, start: &str, end: &str, headers: &str) -> Vec<u8> {
    format!(
        "{headers}From: \"Amazon Web Services, Inc.\" <no-reply-aws@amazon.com>\r\n\
         To: ops@example.net\r\n\
         Subject: AWS Direct Connect Planned Maintenance Notification [AWS Account: 111122223333]\r\n\
         Date: Mon, 23 Nov 2026 10:00:00 +0000\r\nMessage-ID: {message_id}\r\n\
         X-SM-COMMUNICATION-TYPE: AWS_DIRECTCONNECT_MAINTENANCE_SCHEDULED\r\n\
         Content-Type: text/plain; charset=UTF-8\r\n\r\n\
         Hello,\r\n\r\nPlanned maintenance has been scheduled on an AWS Direct Connect router in Equinix TY2,\r\n\
         Tokyo, JP from {start} to {end}. During this maintenance window, your AWS Direct\r\n\
         Connect services listed below may become unavailable.\r\n\r\n{conn}\r\n{vif}\r\n\r\n\
         This maintenance is scheduled in the ap-northeast-1 region.\r\n",
        conn = sandbox::DX_DEMO_CONNECTION_A,
        vif = sandbox::DX_DEMO_TRANSIT_VIF,
    )
    .into_bytes()
}

const ACME: &str = "111122223333";
const TOKYO: &str = "ap-northeast-1";

/// acme-prod in the sandbox, dx-vif and maintenance-mail routed to Slack, and `section`.
fn dx_config(b: &Bench, section: &str) {
    b.aws_profiles(&[("acme-prod", ACME)]);
    b.write_config(&format!(
        "{}{}{}\n[[routes]]\nsources = [\"dx-vif\", \"maintenance-mail\"]\nsinks = [\"slack\"]\n\n{section}",
        b.defaults(),
        account_toml("acme-prod", ACME, &[TOKYO]),
        b.sandbox.sinks_toml(),
    ));
}

/// The silences in force at `now`.
fn silences_at(b: &Bench, now: &str) -> Vec<serde_json::Value> {
    let a = mail_now(b, now).args(["silence", "list", "-o", "json"]).assert();
    serde_json::from_str::<serde_json::Value>(&stdout(&a)).unwrap().as_array().cloned().unwrap()
}

/// One dx-vif poll at `now`: the transit VIF's finding.
fn poll_transit_vif(b: &Bench, now: &str) -> serde_json::Value {
    let a = b.opskit_aws().env("OPSKIT_NOW", now).args(["dx-vif", "poll", "-o", "json"]).assert();
    let r: serde_json::Value = serde_json::from_str(&stdout(&a)).unwrap_or_else(|e| panic!("{e}: {}", stderr(&a)));
    r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["resources"][0] == sandbox::DX_DEMO_TRANSIT_VIF)
        .unwrap()
        .clone()
}

/// The `[commands.maintenance-mail]` section of the example configuration, without its IMAP
/// mailbox.
fn example_mail_section() -> String {
    let example =
        std::fs::read_to_string(format!("{}/commands/opskit.example.toml", env!("CARGO_MANIFEST_DIR"))).unwrap();
    let start = example.find("[commands.maintenance-mail]\n").expect("the example has a maintenance-mail section");
    let end = example[start..].find("[commands.maintenance-mail.imap]").map_or(example.len(), |i| start + i);
    example[start..end].to_string()
}

#[test]
fn a_forged_dx_notice_is_told_unverified_and_silences_nothing_even_with_auto_silence() {
    // What the example configuration said before (AWS's domains allowed, auto_silence on: a
    // forged mail silenced a VIF until 2040), and what it says now.
    let before = "[commands.maintenance-mail]\nallow_senders = [\"@aws.com\", \"@amazon.com\", \"@amazonaws.com\"]\n\
                  auto_silence = true\n";
    for section in [before.to_string(), example_mail_section()] {
        let b = Bench::new();
        dx_config(&b, &section);
        // Anyone can write From: no-reply-aws@amazon.com; only AWS can make amazon.com's DKIM pass.
        let forged = dx_notice(
            "<forged-1@evil.example>",
            "Wed, 9 Dec 2026 23:00:00 GMT",
            "Mon, 10 Dec 2040 05:00:00 GMT",
            "Authentication-Results: mx.example.com; dkim=pass header.d=evil.example\r\n",
        );
        let a = mail(&b, NOW).args(["ingest", "-v"]).write_stdin(forged).assert();
        assert_eq!(code(&a), 0, "{}", stderr(&a));
        let msgs = b.slack_texts();
        assert_eq!(msgs.len(), 1, "told: {msgs:?}");
        assert!(msgs[0].contains("(unverified sender)") && msgs[0].contains("may not silence anything"), "{}", msgs[0]);
        assert!(stderr(&a).contains("silences nothing: its sender is unverified"), "{}", stderr(&a));
        assert_eq!(silences_at(&b, NOW), Vec::<serde_json::Value>::new(), "{section}");
        // The VIF goes down in the "window": the operators hear of it.
        b.sandbox.dx_set_vif_state(sandbox::DX_DEMO_TRANSIT_VIF, "down").unwrap();
        let vif = poll_transit_vif(&b, "2026-12-10T01:00:00Z");
        assert!(vif["silenced_by"].is_null(), "{vif}");
        let msgs = b.slack_texts();
        assert_eq!(msgs.len(), 2, "{msgs:?}");
        assert!(msgs[1].contains(sandbox::DX_DEMO_TRANSIT_VIF_NAME), "{}", msgs[1]);
    }
}

#[test]
fn a_verified_dx_notice_silences_only_its_own_window_and_margins_and_never_an_absurd_one() {
    let b = Bench::new();
    let section = |extra: &str| {
        format!("[commands.maintenance-mail]\nauto_silence = true\nauthserv_id = \"mx.example.net\"\n{extra}")
    };
    let verified = format!("Authentication-Results: {DKIM_PASS}\r\n");
    let ingest_mail = |raw: Vec<u8>| {
        let a = mail(&b, NOW).args(["ingest"]).write_stdin(raw).assert();
        assert_eq!(code(&a), 0, "{}", stderr(&a));
        stderr(&a)
    };
    dx_config(&b, &section("silence_max_window = \"4h\"\n"));
    // A window longer than silence_max_window (6h > 4h).
    let err = ingest_mail(dx_notice(
        "<w-1@aws>",
        "Fri, 11 Dec 2026 23:00:00 GMT",
        "Sat, 12 Dec 2026 05:00:00 GMT",
        &verified,
    ));
    assert!(err.contains("is longer than silence_max_window (4h)"), "{err}");
    assert!(silences_at(&b, NOW).is_empty());

    dx_config(&b, &section(""));
    // A window reaching to 2040 (longer than the default 12h), one starting in 2040.
    let err =
        ingest_mail(dx_notice("<w-2@aws>", "Wed, 9 Dec 2026 23:00:00 GMT", "Mon, 10 Dec 2040 05:00:00 GMT", &verified));
    assert!(err.contains("is longer than silence_max_window (12h)"), "{err}");
    let err =
        ingest_mail(dx_notice("<w-3@aws>", "Sun, 9 Dec 2040 23:00:00 GMT", "Mon, 10 Dec 2040 05:00:00 GMT", &verified));
    assert!(err.contains("more than a year ahead"), "{err}");
    // AWS's address, a DKIM pass, Direct Connect wording, but no AWS notice header: a support
    // case's CC mail carries anyone's words.
    let case = String::from_utf8(dx_notice(
        "<w-4@aws>",
        "Wed, 9 Dec 2026 23:00:00 GMT",
        "Thu, 10 Dec 2026 05:00:00 GMT",
        &verified,
    ))
    .unwrap()
    .replace("X-SM-COMMUNICATION-TYPE: AWS_DIRECTCONNECT_MAINTENANCE_SCHEDULED\r\n", "");
    let err = ingest_mail(case.into_bytes());
    assert!(err.contains("not from AWS's notice headers"), "{err}");
    assert!(silences_at(&b, NOW).is_empty(), "{:?}", silences_at(&b, NOW));

    // A 6-hour window: silenced from 15 minutes before to 30 minutes after, no longer.
    ingest_mail(dx_notice("<w-5@aws>", "Wed, 9 Dec 2026 23:00:00 GMT", "Thu, 10 Dec 2026 05:00:00 GMT", &verified));
    let silences = silences_at(&b, NOW);
    assert_eq!(silences.len(), 2, "{silences:?}");
    for s in &silences {
        assert_eq!(
            (s["starts"].as_str(), s["until"].as_str()),
            (Some("2026-12-09T22:45:00Z"), Some("2026-12-10T05:30:00Z"))
        );
    }
    assert_eq!(b.slack_texts().len(), 5, "every notice is told: {:?}", b.slack_texts());
}

#[test]
fn dx_maintenance_silences_the_named_vif_in_dx_vif_for_its_window_and_a_cancellation_lifts_it() {
    let b = Bench::new();
    dx_config(
        &b,
        "[commands.maintenance-mail]\nauto_silence = true\nsilence_margin_before = \"30m\"\n\
         authserv_id = \"mx.example.net\"\n",
    );
    let poll = |now: &str| {
        let a = b.opskit_aws().env("OPSKIT_NOW", now).args(["dx-vif", "poll", "-o", "json"]).assert();
        serde_json::from_str::<serde_json::Value>(&stdout(&a)).unwrap()
    };
    // Window 9 Dec 23:00 – 10 Dec 05:00 UTC; the silence runs 22:30 – 05:30.
    ingest_stdin(&b, dx_mail("legacy_dx_maintenance.eml", "<dx-1@aws>")).success();
    assert_eq!(b.slack_texts().len(), 1, "the notice itself is told");
    // `silence list` hides expired silences: pinned, or this fails once the window has passed.
    let a = mail_now(&b, NOW).args(["silence", "list", "-o", "json"]).assert();
    let silences: serde_json::Value = serde_json::from_str(&stdout(&a)).unwrap();
    let resources: Vec<&str> =
        silences.as_array().unwrap().iter().filter_map(|s| s["matcher"]["resource"].as_str()).collect();
    assert_eq!(resources.len(), 3, "{silences}");
    assert!(resources.contains(&sandbox::DX_DEMO_TRANSIT_VIF) && resources.contains(&sandbox::DX_DEMO_CONNECTION_A));
    assert_eq!(silences[0]["until"], "2026-12-10T05:30:00Z");

    // The VIF goes down during the work: nobody is told.
    b.sandbox.dx_set_vif_state(sandbox::DX_DEMO_TRANSIT_VIF, "down").unwrap();
    let r = poll("2026-12-09T22:45:00Z");
    let vif = r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["resources"][0] == sandbox::DX_DEMO_TRANSIT_VIF)
        .unwrap()
        .clone();
    assert!(vif["silenced_by"].as_str().is_some_and(|s| s.starts_with("s-health-")), "{vif}");
    assert_eq!(b.slack_texts().len(), 1);
    // Still down after the window and its margin: now it is news.
    poll("2026-12-10T05:31:00Z");
    let msgs = b.slack_texts();
    assert_eq!(msgs.len(), 2, "{msgs:?}");
    assert!(msgs[1].contains(sandbox::DX_DEMO_TRANSIT_VIF_NAME), "{}", msgs[1]);

    // A second notice, then its cancellation: the silence goes, so an outage pages again.
    b.sandbox.dx_set_vif_state(sandbox::DX_DEMO_TRANSIT_VIF, "available").unwrap();
    poll("2026-12-10T06:00:00Z");
    ingest_stdin(&b, dx_mail("legacy_dx_maintenance.eml", "<dx-3@aws>")).success();
    let count = |b: &Bench| {
        let a = mail_now(b, NOW).args(["silence", "list", "-o", "json"]).assert();
        serde_json::from_str::<serde_json::Value>(&stdout(&a)).unwrap().as_array().unwrap().len()
    };
    assert_eq!(count(&b), 3, "the reminder replaces, never duplicates");
    ingest_stdin(&b, dx_mail("legacy_dx_cancelled.eml", "<dx-2@aws>")).success();
    assert_eq!(count(&b), 0, "{}", stdout(&mail_now(&b, NOW).args(["silence", "list", "--all"]).assert()));
}

#[test]
fn the_example_rule_set_is_a_valid_config() {
    let b = Bench::new();
    let rules =
        std::fs::read_to_string(format!("{}/commands/maintenance-mail/rules.example.toml", env!("CARGO_MANIFEST_DIR")))
            .unwrap();
    rules_config(&b, &rules);
    let a = b.opskit().args(["config", "check"]).assert();
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    // Its marketing rule ignores the newsletter; its suppression mutes RDS backups.
    let a = mail(&b, NOW).args(["parse", "-o", "json"]).write_stdin(fixture("ignored_aws_newsletter.eml")).assert();
    let v: serde_json::Value = serde_json::from_str(&stdout(&a)).unwrap();
    assert_eq!(v[0]["outcome"], "ignored");
}
