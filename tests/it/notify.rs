//! `opskit notify test`: one test message to a named sink.

use crate::common;

use common::cli::*;
use opskit_sandbox::{self as sandbox, Fault};

#[test]
fn notify_test_reaches_the_named_sink_and_names_unknown_ones() {
    let b = Bench::new();
    b.standard_config();
    let a = b.opskit().args(["notify", "test", "--sink", "slack"]).assert();
    assert_eq!(code(&a), 0, "stderr: {}", stderr(&a));
    let slack = b.sandbox.requests_to(sandbox::SLACK_PATH);
    assert_eq!(slack.len(), 1);
    assert!(slack[0].text().to_lowercase().contains("test"));
    let a = b.opskit().args(["notify", "test", "--sink", "slak"]).assert();
    assert_eq!(code(&a), 2);
    assert!(stderr(&a).contains("defined sinks: backlog, pagerduty, slack, webhook"), "{}", stderr(&a));
    b.sandbox.inject(Fault::status(sandbox::PAGERDUTY_PATH, 400, 0));
    let a = b.opskit().args(["notify", "test", "--sink", "pagerduty"]).assert();
    assert_eq!(code(&a), 3);
}
