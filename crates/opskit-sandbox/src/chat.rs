//! Fakes of the notification endpoints: Slack incoming webhooks, PagerDuty Events API v2,
//! generic webhooks and healthchecks.io-style heartbeat pings.
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
