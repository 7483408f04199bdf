//! `opskit maintenance-mail ingest` end to end (first slice: stdin, files, mbox, Maildir):
//! the built binary, the fixture corpus, Slack in the sandbox.

mod common;

use common::cli::*;
use opskit::sandbox::{self, Fault};

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("{}/tests/fixtures/mail/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn setup(b: &Bench) {
    b.write_config(&format!(
        "{}{}\n[[routes]]\nsources = [\"maintenance-mail\"]\nsinks = [\"slack\"]\n",
        b.defaults(),
        b.sandbox.sinks_toml()
    ));
}

fn slack(b: &Bench) -> Vec<String> {
    b.sandbox
        .requests_to(sandbox::SLACK_PATH)
        .iter()
        .map(|r| r.json()["text"].as_str().unwrap_or("").to_string())
        .collect()
}

fn ingest_stdin(b: &Bench, raw: Vec<u8>) -> assert_cmd::assert::Assert {
    b.opskit().args(["mail", "ingest"]).write_stdin(raw).assert()
}

#[test]
fn a_reminder_of_a_seen_event_sends_nothing_and_its_cancellation_resolves_it() {
    let b = Bench::new();
    setup(&b);
    ingest_stdin(&b, fixture("legacy_dx_maintenance.eml")).success();
    let msgs = slack(&b);
    assert_eq!(msgs.len(), 1);
    assert!(
        msgs[0].contains("AWS_DIRECTCONNECT_MAINTENANCE_SCHEDULED") && msgs[0].contains("dxvif-ab12cd34"),
        "{}",
        msgs[0]
    );
    ingest_stdin(&b, fixture("legacy_dx_maintenance.eml")).success();
    assert_eq!(slack(&b).len(), 1, "the same notice again (a reminder) is not news");
    ingest_stdin(&b, fixture("legacy_dx_cancelled.eml")).success();
    let msgs = slack(&b);
    assert_eq!(msgs.len(), 2);
    assert!(msgs[1].contains("RESOLVED") && msgs[1].contains("Cancelled"), "{}", msgs[1]);
    // Not a notice: nothing; an AWS notice opskit cannot read: a warning, nothing lost.
    ingest_stdin(&b, fixture("ignored_not_aws.eml")).success();
    assert_eq!(slack(&b).len(), 2);
    ingest_stdin(&b, fixture("unparsed_notice.eml")).success();
    let msgs = slack(&b);
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
    let a = b.opskit().args(["mail", "ingest", md.to_str().unwrap()]).assert();
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
    let before = slack(&b).len();
    b.opskit().args(["mail", "ingest", md.to_str().unwrap()]).assert().success();
    let msgs = slack(&b);
    assert_eq!(msgs.len(), before + 1, "told exactly once");
    assert!(msgs.last().unwrap().contains("AWS_EC2_INSTANCE_RETIREMENT_SCHEDULED"));
    assert!(names("new").is_empty());
    assert!(names("cur").contains(&"1700000000.1.host:2,S".to_string()));
    b.opskit().args(["mail", "ingest", md.to_str().unwrap()]).assert().success();
    assert_eq!(slack(&b).len(), before + 1);
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
    let msgs = slack(&b);
    assert_eq!(msgs.len(), 1, "{msgs:?}");
    assert!(msgs[0].contains("AWS_EC2_INSTANCE_RETIREMENT_SCHEDULED"));
    ingest_stdin(&b, fixture("ignored_aws_newsletter.eml")).success();
    assert_eq!(slack(&b).len(), 1, "and only once");
}
