//! Any bytes as a sink's answer (status, headers, body): Slack's (webhook and bot) and PagerDuty's acceptance,
//! Backlog's answer decoding, its rate-limit headers and `Retry-After` never panic; only the
//! documented acceptance is a delivery, and an error quotes at most an excerpt of the body.
#![no_main]

use libfuzzer_sys::fuzz_target;
use opskit_core::backlog::{Issue, RateWindow, decode_answer, rate::wait_after_429};
use opskit_core::http::retry_after_at;
use opskit_core::sinks::{pagerduty, slack, slack_bot};
use reqwest::StatusCode;
use reqwest::header::{HeaderMap, HeaderName, HeaderValue};

/// Longest error a sink may produce from any body (the excerpt is 300 characters).
const MAX_ERROR: usize = 2000;

fuzz_target!(|data: &[u8]| {
    // Layout: 2 bytes status, then header lines `name: value` up to an empty line, then the body.
    if data.len() < 2 {
        return;
    }
    let code = 100 + u16::from_le_bytes([data[0], data[1]]) % 500;
    let Ok(status) = StatusCode::from_u16(code) else { return };
    let rest = String::from_utf8_lossy(&data[2..]);
    let (head, body) = rest.split_once("\n\n").unwrap_or(("", &rest));
    let mut headers = HeaderMap::new();
    for line in head.lines() {
        if let Some((n, v)) = line.split_once(':')
            && let (Ok(n), Ok(v)) = (HeaderName::try_from(n.trim()), HeaderValue::from_str(v.trim()))
        {
            headers.append(n, v);
        }
    }
    let now = jiff::Timestamp::from_second(1_800_000_000).expect("a fixed time");

    let s = slack::accept_answer("sink `s`", status, &headers, body);
    assert_eq!(s.is_ok(), status.is_success() && body.trim() == "ok", "slack: {s:?}");
    if let Err(e) = &s {
        assert!(e.to_string().len() < MAX_ERROR, "slack error too long");
    }

    // The bot: only a 2xx JSON `ok: true` with a well-formed channel and ts is accepted.
    let bot = slack_bot::accept_api_answer("sink `b`", "chat.postMessage", "#c", status, &headers, body);
    let v = serde_json::from_str::<serde_json::Value>(body).ok();
    let ok_true = v.as_ref().is_some_and(|v| v.get("ok") == Some(&serde_json::Value::Bool(true)));
    let posted = v.as_ref().and_then(|v| {
        let (c, t) = (v.get("channel")?.as_str()?, v.get("ts")?.as_str()?);
        slack_bot::Posted::parse(&format!("{c}/{t}"))
    });
    let accepted = status.is_success() && ok_true && posted.is_some();
    assert_eq!(bot.is_ok(), accepted, "slack_bot: {:?}", bot.as_ref().map_err(|f| f.error.to_string()));
    if let Err(f) = &bot {
        assert!(f.error.to_string().len() < MAX_ERROR, "slack_bot error too long");
    }

    let p = pagerduty::accept_answer("sink `p`", status, &headers, body, "fuzz/key");
    let success = serde_json::from_str::<serde_json::Value>(body)
        .ok()
        .is_some_and(|v| v.get("status").and_then(|s| s.as_str()) == Some("success"));
    assert_eq!(p.is_ok(), status.is_success() && success, "pagerduty: {p:?}");
    if let Err(e) = &p {
        assert!(e.to_string().len() < MAX_ERROR, "pagerduty error too long");
    }

    let b = decode_answer::<Issue>("POST", "/issues", code, body);
    if !status.is_success() {
        assert!(b.is_err(), "backlog accepted status {code}");
    }
    let _ =
        decode_answer::<Vec<opskit_core::backlog::Named>>("GET", "/priorities", code, body).map_err(|e| e.to_string());
    let _ = RateWindow::from_headers(&headers).map(|w| w.until_reset(now));
    let _ = wait_after_429(&headers, now);
    let _ = retry_after_at(&headers, now);
});
