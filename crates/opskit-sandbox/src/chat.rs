//! Fakes of the notification endpoints: Slack incoming webhooks, Slack's Web API as a bot
//! (`chat.postMessage`, `chat.update`), PagerDuty Events API v2, generic webhooks and
//! healthchecks.io-style heartbeat pings.
//!
//! Answers follow `reference/sinks.md`: Slack answers plain text (`ok`, `no_text`,
//! `invalid_payload`, `no_service`); PagerDuty answers `202` with the `dedup_key`, or
//! `400 invalid event` with the list of what is wrong.

use super::{Recorded, Reply, SLACK_PATH, Shared, lock};
use serde_json::{Value, json};
use sha2::Digest as _;

pub(crate) fn slack(rec: &Recorded) -> Reply {
    if rec.path != SLACK_PATH {
        return Reply::text(404, "no_service");
    }
    if rec.method != "POST" {
        return Reply::text(405, "invalid_method");
    }
    let Ok(body) = serde_json::from_slice::<Value>(&rec.body) else {
        return Reply::text(400, "invalid_payload");
    };
    if let Some(blocks) = body["blocks"].as_array()
        && !blocks_valid(blocks)
    {
        return Reply::text(400, "invalid_blocks");
    }
    let has_text = body["text"].as_str().is_some_and(|t| !t.trim().is_empty());
    let has_blocks = body["blocks"].as_array().is_some_and(|b| !b.is_empty());
    match (body.is_object(), has_text || has_blocks) {
        (false, _) => Reply::text(400, "invalid_payload"),
        (true, false) => Reply::text(400, "no_text"),
        (true, true) => Reply::text(200, "ok"),
    }
}

/// The Slack Web API's `chat.postMessage` and `chat.update` as a bot sees them
/// (https://api.slack.com/methods/chat.postMessage, …/chat.update): `POST
/// /api/<method>` with `Authorization: Bearer xoxb-…` and a JSON body. Slack answers
/// `200` whatever the outcome, `{"ok": true, "channel", "ts", "message"}` or `{"ok":
/// false, "error": "<code>"}`; `chat.update` takes only a channel ID (a name is
/// `channel_not_found`), `chat.postMessage` also a name.
pub(crate) fn slack_api(shared: &Shared, rec: &Recorded) -> Reply {
    let method = &rec.path[super::SLACK_API_PREFIX.len()..];
    let fail = |error: &str| Reply::json(200, &json!({"ok": false, "error": error}));
    let auth = rec.header("authorization").unwrap_or("");
    let Some(token) = auth.strip_prefix("Bearer ") else {
        return fail("not_authed");
    };
    if token != super::SLACK_BOT_TOKEN {
        return fail("invalid_auth");
    }
    let Ok(body) = serde_json::from_slice::<Value>(&rec.body) else {
        return fail("invalid_json");
    };
    let mut slack = lock(&shared.slack);
    let channel_arg = body["channel"].as_str().unwrap_or("");
    let channels =
        [(super::SLACK_CHANNEL_ID, super::SLACK_CHANNEL_NAME), (super::SLACK_CHANNEL2_ID, super::SLACK_CHANNEL2_NAME)];
    let by_id = channels.iter().find(|(id, _)| *id == channel_arg).map(|(id, _)| *id);
    let by_name = channels
        .iter()
        .find(|(_, name)| channel_arg.strip_prefix('#').unwrap_or(channel_arg) == *name)
        .map(|(id, _)| *id);
    if let Some(blocks) = body["blocks"].as_array()
        && !blocks_valid(blocks)
    {
        return fail("invalid_blocks");
    }
    let has_text = body["text"].as_str().is_some_and(|t| !t.trim().is_empty());
    let has_blocks = body["blocks"].as_array().is_some_and(|b| !b.is_empty());
    let text = body["text"].as_str().unwrap_or("").to_string();
    let blocks = body["blocks"].clone();
    match method {
        "/chat.postMessage" => {
            let Some(channel) = by_id.or(by_name) else {
                return fail("channel_not_found");
            };
            if !has_text && !has_blocks {
                return fail("no_text");
            }
            slack.posted += 1;
            let ts = format!("1700000000.{:06}", 100 * slack.posted);
            let thread_ts = body["thread_ts"].as_str().map(str::to_string);
            let message = json!({"type": "message", "bot_id": "B0SANDBOX", "text": text, "blocks": blocks,
                                 "ts": ts, "thread_ts": thread_ts});
            slack.messages.push(SlackMessage { channel: channel.into(), ts: ts.clone(), text, blocks, thread_ts });
            Reply::json(200, &json!({"ok": true, "channel": channel, "ts": ts, "message": message}))
        }
        "/chat.update" => {
            let Some(channel) = by_id else {
                return fail("channel_not_found");
            };
            let ts = body["ts"].as_str().unwrap_or("");
            let Some(m) = slack.messages.iter_mut().find(|m| m.ts == ts && m.channel == channel) else {
                return fail("message_not_found");
            };
            if !has_text && !has_blocks {
                return fail("no_text");
            }
            m.text = text.clone();
            m.blocks = blocks.clone();
            let message = json!({"type": "message", "bot_id": "B0SANDBOX", "text": text, "blocks": blocks});
            Reply::json(200, &json!({"ok": true, "channel": m.channel, "ts": m.ts, "text": text, "message": message}))
        }
        _ => Reply::json(
            404,
            &json!({"ok": false, "error": "unknown_method", "req_method": method.trim_start_matches('/')}),
        ),
    }
}

/// The Web API fake's channel: its messages, and how many were ever posted (a `ts` is
/// never handed out twice, even after a deletion).
#[derive(Debug, Default)]
pub(crate) struct SlackChannel {
    pub messages: Vec<SlackMessage>,
    pub posted: usize,
}

/// One message in the sandbox's Slack channel, as it reads now (an update replaces its
/// text and blocks).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct SlackMessage {
    pub channel: String,
    pub ts: String,
    pub text: String,
    pub blocks: Value,
    /// Set on a reply in a thread: the `ts` of the thread's parent.
    pub thread_ts: Option<String>,
}

/// Block Kit's documented limits (https://api.slack.com/reference/block-kit/blocks): at
/// most 50 blocks; a header's text at most 150 characters; a section's text at most 3,000
/// and its `fields` at most 10 of at most 2,000; a context at most 10 elements. Slack
/// answers `400 invalid_blocks` to a message that breaks one.
fn blocks_valid(blocks: &[Value]) -> bool {
    let chars = |v: &Value| v.as_str().map_or(0, |s| s.chars().count());
    blocks.len() <= 50
        && blocks.iter().all(|b| match b["type"].as_str() {
            Some("header") => (1..=150).contains(&chars(&b["text"]["text"])),
            Some("section") => {
                let fields = b["fields"].as_array();
                chars(&b["text"]["text"]) <= 3000
                    && fields.is_none_or(|f| f.len() <= 10 && f.iter().all(|x| chars(&x["text"]) <= 2000))
                    && (b["text"].is_object() || fields.is_some())
            }
            Some("context") => b["elements"].as_array().is_some_and(|e| !e.is_empty() && e.len() <= 10),
            Some(_) => true,
            None => false,
        })
}

/// Everything wrong with an event, in PagerDuty's wording style; empty when it is valid.
fn pagerduty_problems(ev: &Value) -> Vec<String> {
    let blank = |v: &Value| v.as_str().is_none_or(|s| s.trim().is_empty());
    let mut errors = Vec::new();
    if !ev.is_object() {
        return vec!["Event object must be a JSON object".into()];
    }
    if blank(&ev["routing_key"]) {
        errors.push("'routing_key' is missing or blank".into());
    }
    let action = ev["event_action"].as_str().unwrap_or("");
    let dedup = ev["dedup_key"].as_str();
    if !ev["dedup_key"].is_null() && dedup.is_none() {
        errors.push("'dedup_key' must be a string".into());
    }
    if dedup.is_some_and(|d| d.chars().count() > 255) {
        errors.push("'dedup_key' must be at most 255 characters".into());
    }
    match action {
        "trigger" => {
            let p = &ev["payload"];
            if !p.is_object() {
                errors.push("'payload' is missing or not an object".into());
            } else {
                for field in ["summary", "source"] {
                    if blank(&p[field]) {
                        errors.push(format!("'payload.{field}' is missing or blank"));
                    }
                }
                if p["summary"].as_str().is_some_and(|s| s.chars().count() > 1024) {
                    errors.push("'payload.summary' must be at most 1024 characters".into());
                }
                let sev = p["severity"].as_str().unwrap_or("");
                if !["critical", "error", "warning", "info"].contains(&sev) {
                    errors.push("'payload.severity' must be one of critical, error, warning, info".into());
                }
            }
        }
        "acknowledge" | "resolve" => {
            if dedup.is_none_or(|d| d.trim().is_empty()) {
                errors.push(format!("'dedup_key' is required for {action} events"));
            }
        }
        _ => errors.push("'event_action' must be one of trigger, acknowledge, resolve".into()),
    }
    errors
}

pub(crate) fn pagerduty(shared: &Shared, rec: &Recorded) -> Reply {
    if rec.method != "POST" {
        return Reply::text(405, "method not allowed");
    }
    let invalid = |errors: Vec<String>| {
        Reply::json(
            400,
            &json!({"status": "invalid event", "message": "Event object is invalid",
                    "errors": errors}),
        )
    };
    // "Events API payloads are limited to 512 KB"
    // (https://developer.pagerduty.com/docs/events-api-v2-overview#size-limits); read as
    // 512,000 bytes, the stricter reading.
    if rec.body.len() > 512_000 {
        return invalid(vec![format!("Event object is too large: {} bytes, the limit is 512 KB", rec.body.len())]);
    }
    let Ok(mut ev) = serde_json::from_slice::<Value>(&rec.body) else {
        return invalid(vec!["Invalid JSON".into()]);
    };
    let problems = pagerduty_problems(&ev);
    if !problems.is_empty() {
        return invalid(problems);
    }
    let mut events = lock(&shared.pagerduty);
    let dedup_key = match ev["dedup_key"].as_str() {
        Some(k) if !k.is_empty() => k.to_string(),
        // PagerDuty hands out a 32-hex key when a trigger brings none.
        _ => {
            let seed = format!("{}/{}/{}", events.len(), jiff::Timestamp::now(), rec.text());
            hex::encode(&sha2::Sha256::digest(seed.as_bytes())[..16])
        }
    };
    ev["dedup_key"] = json!(dedup_key);
    // The REST API's incidents are made of these alerts.
    lock(&shared.pagerduty_rest).on_event(&ev, rec.at);
    events.push(ev);
    Reply::json(202, &json!({"status": "success", "message": "Event processed", "dedup_key": dedup_key}))
}

pub(crate) fn webhook(rec: &Recorded) -> Reply {
    if rec.method != "POST" {
        return Reply::text(405, "method not allowed");
    }
    Reply::json(200, &json!({"ok": true}))
}

/// `/ping/<uuid>`, `/start`, `/fail`, `/log` or `/<exit code>`; GET, HEAD or POST.
pub(crate) fn heartbeat(rec: &Recorded) -> Reply {
    let rest = &rec.path[super::HEARTBEAT_PREFIX.len()..];
    let mut parts = rest.split('/');
    let uuid = parts.next().unwrap_or("");
    let suffix_ok = match (parts.next(), parts.next()) {
        (None, _) => true,
        (Some(s), None) => ["start", "fail", "log"].contains(&s) || s.parse::<u8>().is_ok(),
        _ => false,
    };
    let method_ok = matches!(rec.method.as_str(), "GET" | "HEAD" | "POST");
    if uuid.is_empty() || !suffix_ok || !method_ok {
        return Reply::text(404, "not found");
    }
    Reply::text(200, "OK")
}
