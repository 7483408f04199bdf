//! `opskit maintenance-mail ingest --imap` end to end: the built binary against a real
//! Dovecot on loopback (implicit TLS, a test CA), Slack in the sandbox. What a user would
//! notice: each notice told once, the mailbox's messages marked seen (or moved) only after
//! that, failures that name the mailbox, and a password that never shows. Time is pinned
//! (`OPSKIT_NOW`) before the fixtures' windows, so their notices are news whatever the date.

use crate::common;

use common::cli::*;
use common::dovecot::{self, Dovecot, PASSWORD, PASSWORD_CORE, PASSWORD_ENV};
use opskit_sandbox::{self as sandbox, Fault};

const RETIREMENT: &str = "AWS_EC2_INSTANCE_RETIREMENT_SCHEDULED";

use common::cli::mail_fixture as fixture;

/// Maintenance mail routed to Slack, and `imap` as the mailbox table.
fn setup(b: &Bench, imap: &str) {
    b.write_config(&format!(
        "{}{}\n[[routes]]\nsources = [\"maintenance-mail\"]\nsinks = [\"slack\"]\n\n{imap}",
        b.defaults(),
        b.sandbox.sinks_toml()
    ));
}

/// Before every window of the fixtures: a notice whose window has ended is (rightly) told
/// as nothing new, so an unpinned clock would make these tests fail once the dates pass.
const NOW: &str = "2026-11-22T00:00:00Z";

fn opskit(b: &Bench) -> assert_cmd::Command {
    let mut c = b.opskit();
    c.env("OPSKIT_NOW", NOW);
    c
}

fn ingest(b: &Bench, extra: &[&str]) -> assert_cmd::assert::Assert {
    opskit(b).env(PASSWORD_ENV, PASSWORD).args(["mail", "ingest", "--imap"]).args(extra).assert()
}

fn no_password(a: &assert_cmd::assert::Assert) {
    let all = format!("{}{}", stdout(a), stderr(a));
    assert!(!all.contains(PASSWORD_CORE), "the password leaked:\n{all}");
}

#[test]
fn notices_are_told_once_and_only_then_marked_seen_on_the_server() {
    let d = Dovecot::start();
    let b = Bench::new();
    setup(&b, &d.imap_toml(true, ""));
    d.append("INBOX", &fixture("legacy_ec2_retirement.eml"));
    d.append("INBOX", &fixture("ignored_aws_newsletter.eml"));

    let a = ingest(&b, &["--dry-run"]).success();
    assert!(stdout(&a).contains(RETIREMENT), "a dry run shows what would be told:\n{}", stdout(&a));
    assert!(b.slack_texts().is_empty(), "a dry run sends nothing");
    assert_eq!(d.search("INBOX", "UNSEEN"), [1, 2], "and marks nothing");

    let a = ingest(&b, &["-vvv"]).success();
    no_password(&a);
    let msgs = b.slack_texts();
    assert_eq!(msgs.len(), 1, "{msgs:?}");
    assert!(msgs[0].contains(RETIREMENT) && msgs[0].contains("i-0abc1234def567890"), "{}", msgs[0]);
    assert!(d.search("INBOX", "UNSEEN").is_empty(), "the notice and the newsletter are both done");
    assert_eq!(d.search("INBOX", "SEEN"), [1, 2]);

    ingest(&b, &[]).success();
    assert_eq!(b.slack_texts().len(), 1, "a second run tells nothing again");

    d.append("INBOX", &fixture("legacy_dx_maintenance.eml"));
    ingest(&b, &[]).success();
    let msgs = b.slack_texts();
    assert_eq!(msgs.len(), 2, "only the new mail is told: {msgs:?}");
    assert!(msgs[1].contains("AWS_DIRECTCONNECT_MAINTENANCE_SCHEDULED"), "{}", msgs[1]);
    assert_eq!(d.search("INBOX", "SEEN"), [1, 2, 3]);
}

#[test]
fn a_notice_whose_delivery_failed_stays_unseen_and_is_told_once_the_sink_recovers() {
    let d = Dovecot::start();
    let b = Bench::new();
    setup(&b, &d.imap_toml(true, ""));
    d.append("INBOX", &fixture("legacy_ec2_retirement.eml"));
    d.append("INBOX", &fixture("ignored_aws_newsletter.eml"));

    b.sandbox.inject(Fault::status(sandbox::SLACK_PATH, 503, 0));
    let a = ingest(&b, &[]);
    assert_eq!(code(&a), 3, "Slack down: the run failed\n{}", stderr(&a));
    assert_eq!(d.search("INBOX", "UNSEEN"), [1], "the notice waits, unseen; the newsletter is done");

    b.sandbox.clear();
    ingest(&b, &[]).success();
    let msgs = b.slack_texts();
    assert_eq!(msgs.len(), 1, "told exactly once: {msgs:?}");
    assert!(msgs[0].contains(RETIREMENT), "{}", msgs[0]);
    assert!(d.search("INBOX", "UNSEEN").is_empty());

    ingest(&b, &[]).success();
    assert_eq!(b.slack_texts().len(), 1);
}

/// Told messages leave the folder for `move_to`, seen; a message still owed stays.
fn settled_messages_move(d: &Dovecot) {
    let b = Bench::new();
    setup(&b, &d.imap_toml(true, "move_to = \"Processed\"\n"));
    d.create_folder("Processed");
    d.append("INBOX", &fixture("legacy_ec2_retirement.eml"));
    d.append("INBOX", &fixture("ignored_aws_newsletter.eml"));
    d.append("INBOX", &fixture("legacy_dx_maintenance.eml"));
    b.sandbox.inject(Fault::status(sandbox::SLACK_PATH, 503, 0));
    let a = ingest(&b, &[]);
    assert_eq!(code(&a), 3, "{}", stderr(&a));
    assert_eq!(d.search("INBOX", "ALL"), [1, 3], "the owed notices stay where they were");
    assert_eq!(d.search("INBOX", "UNSEEN"), [1, 3]);
    assert_eq!(d.search("Processed", "ALL").len(), 1, "the newsletter is done");

    b.sandbox.clear();
    ingest(&b, &[]).success();
    assert_eq!(b.slack_texts().len(), 2);
    assert!(d.search("INBOX", "ALL").is_empty());
    assert_eq!(d.search("Processed", "SEEN").len(), 3, "moved messages are seen");
}

/// Dovecot's logout line of the session that fetched `bodies` message bodies: opskit's
/// last run (the test's own sessions fetch none).
fn session_that_fetched(d: &Dovecot, bodies: usize) -> String {
    let needle = format!("body_count={bodies} ");
    let log = d.log_with(&needle);
    log.lines().find(|l| l.contains(&needle)).unwrap_or_else(|| panic!("no session fetched {bodies}:\n{log}")).into()
}

#[test]
fn move_to_moves_told_messages_to_the_folder() {
    let d = Dovecot::start();
    settled_messages_move(&d);
    let line = session_that_fetched(&d, 2);
    assert!(line.contains("deleted=0 expunged=0"), "MOVE, nothing flagged deleted: {line}");
}

#[test]
fn move_to_without_the_move_extension_copies_then_expunges() {
    // Dovecot still understands MOVE, but opskit must not use what is not advertised.
    let d = Dovecot::start_with("imap_capability = IMAP4rev1 LITERAL+\n");
    settled_messages_move(&d);
    let line = session_that_fetched(&d, 2);
    assert!(line.contains("deleted=2 expunged=2"), "COPY, STORE \\Deleted, EXPUNGE: {line}");
}

#[test]
fn failures_to_reach_the_mailbox_name_it_exit_3_and_never_show_the_password() {
    let d = Dovecot::start();
    let b = Bench::new();
    let place = format!("alice@127.0.0.1:{}", d.port);

    // A wrong password: the server's words, the mailbox, and no password at any verbosity.
    setup(&b, &d.imap_toml(true, ""));
    let a = opskit(&b).env(PASSWORD_ENV, "wrong-s3cret-password").args(["mail", "ingest", "--imap", "-vvv"]).assert();
    assert_eq!(code(&a), 3, "{}", stderr(&a));
    let err = stderr(&a);
    assert!(err.contains(&place) && err.contains("login as alice failed"), "{err}");
    assert!(err.contains("AUTHENTICATIONFAILED"), "the server's own words: {err}");
    assert!(err.contains(&format!("hint: check `user` and the password in ${PASSWORD_ENV}")), "{err}");
    no_password(&a);

    // A folder that does not exist.
    setup(&b, &d.imap_toml(true, "folder = \"aws-notices\"\n"));
    let a = ingest(&b, &[]);
    assert_eq!(code(&a), 3, "{}", stderr(&a));
    assert!(stderr(&a).contains(&format!("{place}/aws-notices: cannot open folder `aws-notices`")), "{}", stderr(&a));

    // A move_to folder that does not exist: refused before anything is told.
    d.append("INBOX", &fixture("legacy_ec2_retirement.eml"));
    setup(&b, &d.imap_toml(true, "move_to = \"Processed\"\n"));
    let a = ingest(&b, &[]);
    assert_eq!(code(&a), 3, "{}", stderr(&a));
    assert!(stderr(&a).contains("cannot use move_to folder `Processed`"), "{}", stderr(&a));
    assert!(b.slack_texts().is_empty());
    assert_eq!(d.search("INBOX", "UNSEEN"), [1]);

    // A self-signed (test CA) certificate without tls_ca_file.
    setup(&b, &d.imap_toml(false, ""));
    let a = ingest(&b, &[]);
    assert_eq!(code(&a), 3, "{}", stderr(&a));
    let err = stderr(&a);
    assert!(err.contains(&format!("{place}/INBOX: TLS handshake failed")), "{err}");
    assert!(err.contains("UnknownIssuer") && err.contains("hint:") && err.contains("tls_ca_file"), "{err}");

    // Nothing listening.
    let closed = dovecot::free_port();
    setup(&b, &d.imap_toml(true, "").replace(&format!("port = {}", d.port), &format!("port = {closed}")));
    let a = ingest(&b, &[]);
    assert_eq!(code(&a), 3, "{}", stderr(&a));
    assert!(stderr(&a).contains(&format!("alice@127.0.0.1:{closed}/INBOX: cannot connect")), "{}", stderr(&a));
    no_password(&a);
}

#[test]
fn imap_without_its_settings_or_password_is_a_config_error() {
    let b = Bench::new();
    setup(&b, "");
    let a = ingest(&b, &[]);
    assert_eq!(code(&a), 2, "{}", stderr(&a));
    assert!(stderr(&a).contains("[commands.maintenance-mail.imap]"), "{}", stderr(&a));

    setup(&b, "[commands.maintenance-mail.imap]\nhost = \"127.0.0.1\"\nuser = \"alice\"\npassword_env = \"IMAP_PW\"\n");
    let a = opskit(&b).args(["mail", "ingest", "--imap"]).assert();
    assert_eq!(code(&a), 2, "{}", stderr(&a));
    let err = stderr(&a);
    assert!(err.contains("key `commands.maintenance-mail.imap.password_env`") && err.contains("IMAP_PW"), "{err}");

    // The password is read only for --imap: other commands run without it.
    opskit(&b).args(["mail", "ingest"]).write_stdin(fixture("ignored_aws_newsletter.eml")).assert().success();
}
