//! Customer text on a terminal: a finding whose title and key carry terminal escape
//! sequences (OSC 52 clipboard write, OSC 8 link, screen clear, colour, BEL, CR, a C1 CSI,
//! a bidi override), pushed through the built binary, shows them escaped (`\u{1b}`) in the
//! table on stdout and in the log lines on stderr, never as raw control characters; JSON
//! output keeps the exact text.

use crate::common;

use common::cli::*;
use opskit_sandbox::{self as sandbox, Fault};

const TITLE: &str = "VIF dxvif-1 \u{1b}]52;c;ZXZpbA==\u{7} down \u{1b}[2J\u{1b}]8;;http://evil.example\u{1b}\\click\u{1b}]8;;\u{1b}\\ \r\u{8}\u{9b}31m \u{202e}exe.txt";
const KEY: &str = "vif/\u{1b}[31mred\u{1b}[0m/\u{7}";

fn document() -> String {
    serde_json::json!([{"key": KEY, "severity": "critical", "title": TITLE, "account": "111122223333",
        "region": "ap-northeast-1\u{1b}[8m", "fields": {"bgp": "down\u{1b}[2K"}}])
    .to_string()
}

/// No byte a terminal would act on: C0 but LF/TAB, DEL, C1 (as UTF-8), bidi controls.
fn assert_inert(what: &str, text: &str) {
    let bad: Vec<char> = text
        .chars()
        .filter(|c| {
            (c.is_control() && *c != '\n' && *c != '\t')
                || ('\u{202a}'..='\u{202e}').contains(c)
                || ('\u{2066}'..='\u{2069}').contains(c)
        })
        .collect();
    assert!(bad.is_empty(), "{what} carries raw control characters {bad:?}:\n{text}");
}

#[test]
fn escape_sequences_in_customer_text_are_shown_escaped_in_tables_and_logs() {
    let b = Bench::new();
    b.write_config(&format!("{}{}\n[[routes]]\nsinks = [\"slack\"]\n", b.defaults(), b.sandbox.sinks_toml()));
    // Slack refuses, so the delivery failure is logged with the finding's key.
    b.sandbox.inject(Fault::status(sandbox::SLACK_PATH, 400, 0));
    let a = b.push("esc", &document()).assert();
    assert_eq!(code(&a), 3, "stderr: {}", stderr(&a));
    let (out, err) = (stdout(&a), stderr(&a));
    assert_inert("stdout", &out);
    assert_inert("stderr", &err);
    assert!(out.contains(r"VIF dxvif-1 \u{1b}]52;c;ZXZpbA==\u{7} down \u{1b}[2J"), "{out}");
    assert!(out.contains(r"\u{202e}exe.txt"), "{out}");
    assert!(out.contains(r"vif/\u{1b}[31mred\u{1b}[0m/\u{7}"), "{out}");
    assert!(err.contains("delivery failed") && err.contains(r"vif/\u{1b}[31mred\u{1b}[0m/\u{7}"), "{err}");

    // Markdown is for people too.
    let a = b.push("esc2", &document()).args(["--output", "markdown"]).assert();
    assert_inert("markdown stdout", &stdout(&a));
    assert_inert("stderr", &stderr(&a));
    assert!(stdout(&a).contains(r"\u{1b}]52;c;"), "{}", stdout(&a));

    // JSON is data: the exact text, escaped by JSON itself.
    let a = b.push("esc3", &document()).args(["--output", "json"]).assert();
    let out = stdout(&a);
    assert!(!out.contains('\u{1b}'), "JSON escapes ESC itself");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"));
    let f = &v["findings"][0];
    let f = if f["finding"].is_object() { &f["finding"] } else { f };
    assert_eq!(f["title"], TITLE);
    assert_eq!(f["key"], KEY);
}
