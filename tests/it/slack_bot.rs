//! Slack as a bot (`type = "slack_bot"`) through the built binary against the sandbox's
//! Web API fake: one message per incident, posted once and then updated in place; Slack's
//! refusals fail the run by name with a hint and without the token; an answer that is not
//! Slack's acceptance leaves the message owed.

use crate::common;
use common::cli::*;
use opskit_sandbox::{Fault, SLACK_API_PREFIX, SLACK_BOT_TOKEN, SLACK_CHANNEL_ID, SLACK_CHANNEL2_ID};

const POST: &str = "/api/chat.postMessage";
const UPDATE: &str = "/api/chat.update";

/// Defaults, the bot sink `chat` (plus `extra` lines of it) and one route to it.
fn bot_config(b: &Bench, extra: &str) {
    b.write_config(&format!(
        "{}{}{extra}\n[[routes]]\nsinks = [\"chat\"]\n",
        b.defaults(),
        b.sandbox.slack_bot_sink_toml("chat")
    ));
}

/// What the state remembers as told to `chat` about `key`: its external_ref.
fn told_ref(b: &Bench, source: &str, key: &str) -> Option<String> {
    use opskit::state::StateStore as _;
    let store = opskit::state::sqlite::SqliteStore::open(&b.path("state.db")).unwrap();
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    let records = rt.block_on(store.deliveries(source)).unwrap();
    records.into_iter().find(|r| r.sink == "chat" && r.key.ends_with(key)).and_then(|r| r.external_ref)
}

fn assert_no_secrets(a: &assert_cmd::assert::Assert) {
    let all = format!("{}{}", stdout(a), stderr(a));
    for s in sandbox_secrets() {
        assert!(!all.contains(s), "secret {s} in output:\n{all}");
    }
}

#[test]
fn a_finding_posts_once_then_its_change_and_resolve_update_that_same_message() {
    let b = Bench::new();
    bot_config(&b, "");
    let a = b.push("disk-check", &one("db-1", "warning", "disk 91% on db-1")).assert();
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    assert_no_secrets(&a);
    let posts = b.sandbox.requests_to(POST);
    assert_eq!(posts.len(), 1);
    assert_eq!(posts[0].header("authorization"), Some(format!("Bearer {SLACK_BOT_TOKEN}").as_str()));
    assert_eq!(posts[0].json()["channel"], "#ops-alerts");
    let msgs = b.sandbox.slack_messages();
    assert_eq!(msgs.len(), 1);
    let ts = msgs[0].ts.clone();
    assert_eq!(told_ref(&b, "disk-check", "db-1"), Some(format!("{SLACK_CHANNEL_ID}/{ts}")));

    // Worse: the same message now says critical; nothing new is posted.
    let a = b.push("disk-check", &one("db-1", "critical", "disk 99% on db-1")).assert();
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    assert_eq!(b.sandbox.requests_to(POST).len(), 1, "a change must not post a new message");
    let updates = b.sandbox.requests_to(UPDATE);
    assert_eq!(updates.len(), 1);
    assert_eq!(
        (updates[0].json()["channel"].as_str(), updates[0].json()["ts"].as_str()),
        (Some(SLACK_CHANNEL_ID), Some(ts.as_str()))
    );
    let msgs = b.sandbox.slack_messages();
    assert_eq!(msgs.len(), 1);
    assert!(msgs[0].text.contains("99%"), "{}", msgs[0].text);

    // Recovered: still the one message, which now says RESOLVED.
    let a = b.push("disk-check", "[]").assert();
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    assert_eq!(b.sandbox.requests_to(POST).len(), 1);
    assert_eq!(b.sandbox.requests_to(UPDATE).len(), 2);
    let msgs = b.sandbox.slack_messages();
    assert_eq!(msgs.len(), 1, "{msgs:?}");
    assert_eq!(msgs[0].ts, ts);
    assert!(msgs[0].text.contains("RESOLVED"), "{}", msgs[0].text);
}

#[test]
fn with_thread_replies_a_change_and_a_resolve_also_reply_in_the_thread() {
    let b = Bench::new();
    bot_config(&b, "thread_replies = true\n");
    b.push("disk-check", &one("db-1", "warning", "disk 91% on db-1")).assert().success();
    let ts = b.sandbox.slack_messages()[0].ts.clone();
    b.push("disk-check", &one("db-1", "critical", "disk 99% on db-1")).assert().success();
    b.push("disk-check", "[]").assert().success();
    let msgs = b.sandbox.slack_messages();
    let top: Vec<_> = msgs.iter().filter(|m| m.thread_ts.is_none()).collect();
    let replies: Vec<_> = msgs.iter().filter(|m| m.thread_ts.as_deref() == Some(ts.as_str())).collect();
    assert_eq!(top.len(), 1, "{msgs:?}");
    assert!(top[0].text.contains("RESOLVED"), "{}", top[0].text);
    assert_eq!(replies.len(), 2, "{msgs:?}");
    assert!(replies[0].text.contains("99%") && replies[1].text.contains("RESOLVED"), "{replies:?}");
}

#[test]
fn a_deleted_message_is_posted_anew_and_the_run_says_so() {
    let b = Bench::new();
    bot_config(&b, "");
    b.push("disk-check", &one("db-1", "warning", "disk 91% on db-1")).assert().success();
    let first = b.sandbox.slack_messages()[0].ts.clone();
    b.sandbox.slack_delete_message(&first);
    let a = b.push("disk-check", &one("db-1", "critical", "disk 99% on db-1")).assert();
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    assert!(stderr(&a).contains("was deleted; posting"), "{}", stderr(&a));
    let msgs = b.sandbox.slack_messages();
    assert_eq!(msgs.len(), 1);
    assert_ne!(msgs[0].ts, first);
    assert_eq!(told_ref(&b, "disk-check", "db-1"), Some(format!("{SLACK_CHANNEL_ID}/{}", msgs[0].ts)));
}

#[test]
fn a_wrong_token_fails_the_run_naming_the_sink_with_a_hint_and_never_shows_the_token() {
    let b = Bench::new();
    let wrong = "xoxb-9999999999-wrongTokenValue42";
    b.write_config(&format!(
        "{}{}\n[[routes]]\nsinks = [\"chat\"]\n",
        b.defaults(),
        b.sandbox.slack_bot_sink_toml("chat").replace(SLACK_BOT_TOKEN, wrong)
    ));
    let a = b.push("disk-check", &one("db-1", "warning", "disk 91% on db-1")).assert();
    assert_eq!(code(&a), 3, "{}", stderr(&a));
    let err = stderr(&a);
    assert!(err.contains("slack_bot sink `chat`") && err.contains("invalid_auth"), "{err}");
    assert!(err.contains("hint: the bot token is wrong"), "{err}");
    assert!(!err.contains(wrong) && !stdout(&a).contains(wrong), "{err}");
    for line in err.lines() {
        assert!(line.chars().count() <= 400, "long line: {line}");
        assert!(!line.contains("Permanent {") && !line.contains("message: \""), "Debug output: {line}");
    }
    assert_no_secrets(&a);
    assert!(b.sandbox.slack_messages().is_empty());
    assert!(told_ref(&b, "disk-check", "db-1").is_none(), "a refused message is owed");
}

#[test]
fn an_answer_other_than_slacks_acceptance_is_owed_and_delivered_next_run() {
    let b = Bench::new();
    bot_config(&b, "");
    // A captive portal answers 200 with a page, then Slack answers ok:false.
    b.sandbox.inject(Fault::html_ok(SLACK_API_PREFIX, 0));
    let a = b.push("disk-check", &one("db-1", "warning", "disk 91% on db-1")).assert();
    assert_eq!(code(&a), 3, "{}", stderr(&a));
    assert!(stderr(&a).contains("without Slack's JSON"), "{}", stderr(&a));
    assert!(told_ref(&b, "disk-check", "db-1").is_none());
    b.sandbox.clear();
    b.sandbox.inject(Fault {
        body: r#"{"ok":false,"error":"internal_error"}"#.into(),
        headers: vec![("content-type".into(), "application/json".into())],
        ..Fault::status(SLACK_API_PREFIX, 200, 0)
    });
    let a = b.push("disk-check", &one("db-1", "warning", "disk 91% on db-1")).assert();
    assert_eq!(code(&a), 3, "{}", stderr(&a));
    assert!(stderr(&a).contains("refused: internal_error"), "{}", stderr(&a));
    assert!(told_ref(&b, "disk-check", "db-1").is_none());
    assert!(b.sandbox.slack_messages().is_empty());

    b.sandbox.clear();
    let a = b.push("disk-check", &one("db-1", "warning", "disk 91% on db-1")).assert();
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    assert_eq!(b.sandbox.slack_messages().len(), 1, "the owed message is delivered");
    assert!(told_ref(&b, "disk-check", "db-1").is_some());
    assert_no_secrets(&a);
}

#[test]
fn an_unknown_channel_is_named_with_a_hint() {
    let b = Bench::new();
    b.write_config(&format!(
        "{}{}\n[[routes]]\nsinks = [\"chat\"]\n",
        b.defaults(),
        b.sandbox.slack_bot_sink_toml("chat").replace("#ops-alerts", "#nowhere")
    ));
    let a = b.push("disk-check", &one("db-1", "warning", "disk 91% on db-1")).assert();
    assert_eq!(code(&a), 3, "{}", stderr(&a));
    let err = stderr(&a);
    assert!(err.contains("channel_not_found") && err.contains("hint: check `channel` (#nowhere)"), "{err}");
}

#[test]
fn a_route_with_its_own_channel_posts_there_and_updates_there() {
    let b = Bench::new();
    b.write_config(&format!(
        "{}{}\n[[routes]]\nsources = [\"db-check\"]\nsinks = [\"chat\"]\nslack_channel = \"#db-team\"\n\n\
         [[routes]]\nsinks = [\"chat\"]\n",
        b.defaults(),
        b.sandbox.slack_bot_sink_toml("chat")
    ));
    b.push("db-check", &one("db-1", "warning", "replication lag on db-1")).assert().success();
    b.push("disk-check", &one("web-1", "warning", "disk 91% on web-1")).assert().success();
    let msgs = b.sandbox.slack_messages();
    let channels: Vec<(&str, bool)> = msgs.iter().map(|m| (m.channel.as_str(), m.text.contains("db-1"))).collect();
    assert_eq!(channels, [(SLACK_CHANNEL2_ID, true), (SLACK_CHANNEL_ID, false)], "{msgs:?}");

    let a = b.push("db-check", "[]").assert();
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    let update = b.sandbox.requests_to(UPDATE).pop().expect("the resolve updates the message");
    assert_eq!(update.json()["channel"], SLACK_CHANNEL2_ID);
    let msgs = b.sandbox.slack_messages();
    assert_eq!(msgs.len(), 2);
    assert!(msgs[0].text.contains("RESOLVED") && !msgs[1].text.contains("RESOLVED"), "{msgs:?}");

    // `config check` shows the route's channel beside its sinks.
    let a = b.opskit().args(["config", "check", "-o", "wide"]).assert();
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    assert!(stdout(&a).contains("chat (slack channel #db-team)"), "{}", stdout(&a));
}

#[test]
fn a_route_channel_without_a_bot_sink_is_a_config_error() {
    let b = Bench::new();
    let cfg = b.write_config(&format!(
        "{}{}\n[[routes]]\nsinks = [\"slack\"]\nslack_channel = \"#db-team\"\n",
        b.defaults(),
        b.sandbox.sinks_toml()
    ));
    let a = b.opskit().args(["config", "check", "--config"]).arg(&cfg).assert();
    assert_eq!(code(&a), 2, "{}", stderr(&a));
    let err = stderr(&a);
    assert!(err.contains("routes[0].slack_channel") && err.contains("hint: "), "{err}");
}

#[test]
fn config_check_shows_the_bot_sink_with_its_token_masked() {
    let b = Bench::new();
    bot_config(&b, "thread_replies = true\n");
    let a = b.opskit().args(["config", "check"]).assert();
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    let out = stdout(&a);
    assert!(out.contains("slack_bot") && out.contains("bot in #ops-alerts") && out.contains("token ****"), "{out}");
    assert!(out.contains("thread replies"), "{out}");
    assert_no_secrets(&a);
}
