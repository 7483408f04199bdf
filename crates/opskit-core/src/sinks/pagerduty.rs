//! The PagerDuty sink: PagerDuty Events API v2 (`POST /v2/enqueue`).
//!
//! New, Changed and Reopened trigger (a repeated `dedup_key` updates the open alert
//! rather than opening another); Resolved resolves. The `dedup_key` is `source/key`, which
//! makes delivery idempotent across retries and runs and keeps two sources' `db-1` apart.
//! An alert is always followed up under the key it was opened with (the delivery record's
//! `external_ref`), so alerts opened before the key carried the source still resolve. The routing key travels in
//! the body and is a secret: previews mask it and errors never quote the body we sent.
//! Only the documented acceptance (`202` with `"status": "success"`) is a delivery; a
//! redirect is not followed (a 307 would re-post the routing key elsewhere) and fails it.

use super::fit::{self, Bounds, bounded_message, fit_chars, json_len};
use super::templates::{self, Templates};
use crate::redact::Secret;
use crate::spine::deliver::{Message, Notifier, Receipt, SinkError};
use crate::spine::finding::{Severity, TransitionKind};
use async_trait::async_trait;
use serde_json::{Map, Value, json};
use sha2::{Digest, Sha256};
use std::sync::Arc;

/// PagerDuty refuses a `dedup_key` longer than this (characters).
/// https://developer.pagerduty.com/docs/send-alert-event (parameter table)
const MAX_DEDUP_KEY: usize = 255;
/// PagerDuty refuses a `payload.summary` longer than this (characters).
/// https://developer.pagerduty.com/docs/send-alert-event (parameter table)
const MAX_SUMMARY: usize = 1024;
/// "Events API payloads are limited to 512 KB": the whole request body, `custom_details`
/// included. Read as 512,000 bytes, the smaller of the two readings of "KB".
/// <https://developer.pagerduty.com/docs/events-api-v2-overview#size-limits>
pub const MAX_EVENT_BYTES: usize = 512_000;
/// What the finding's free text may take (characters) before `custom_details` are built;
/// at most 4 bytes each, plus JSON escaping, which the byte check after building catches.
const DETAILS_BUDGET_CHARS: usize = 100_000;

pub struct PagerDutyNotifier {
    name: String,
    routing_key: Secret,
    events_url: String,
    http: reqwest::Client,
    templates: Arc<Templates>,
}

/// The identity (`source/key`), or for one PagerDuty would refuse (> 255 characters) a
/// stable `sha256:<hex>` of it: the same finding maps to the same alert on every run,
/// which is all a dedup key must do. The full key is still in `custom_details.key`.
pub fn dedup_key(finding_key: &str) -> String {
    if finding_key.chars().count() <= MAX_DEDUP_KEY {
        finding_key.to_string()
    } else {
        format!("sha256:{}", hex::encode(Sha256::digest(finding_key.as_bytes())))
    }
}

/// The `dedup_key` of `msg`'s alert: a new alert gets the finding's own; one already
/// open (Changed, Resolved) keeps the key PagerDuty acknowledged when it was opened, which
/// for alerts opened by an older opskit is the bare finding key.
fn alert_key(msg: &Message) -> String {
    match (msg.kind, &msg.external_ref) {
        (TransitionKind::Changed | TransitionKind::Resolved, Some(opened_with)) if !opened_with.is_empty() => {
            opened_with.clone()
        }
        _ => dedup_key(&msg.finding.qualified_key()),
    }
}

fn pd_severity(s: Severity) -> &'static str {
    match s {
        Severity::Info => "info",
        Severity::Warning => "warning",
        Severity::Critical => "critical",
    }
}

impl PagerDutyNotifier {
    pub fn new(
        name: &str,
        routing_key: Secret,
        events_url: String,
        http: reqwest::Client,
        templates: Arc<Templates>,
    ) -> Self {
        PagerDutyNotifier { name: name.to_string(), routing_key, events_url, http, templates }
    }

    fn what(&self) -> String {
        format!("pagerduty sink `{}`", self.name)
    }

    /// The event, with `routing_key` set to `routing_key` (the real one, or a mask).
    fn event(&self, msg: &Message, routing_key: &str) -> Result<Value, SinkError> {
        let dedup = alert_key(msg);
        // The free text is cut before the event is built; the dedup key above comes from
        // the uncut message, so the cut never changes which alert an event belongs to.
        let bounded = bounded_message(msg, Bounds::for_budget(DETAILS_BUDGET_CHARS));
        let msg = &bounded;
        let f = &msg.finding;
        if msg.kind == TransitionKind::Resolved {
            // A resolve carries no payload; the dedup key names the alert.
            return Ok(json!({
                "routing_key": routing_key,
                "event_action": "resolve",
                "dedup_key": dedup,
                "client": "opskit",
            }));
        }
        let summary = self.templates.render(templates::PAGERDUTY_SUMMARY, msg)?;
        let summary = fit_chars(&templates::one_line(&summary), MAX_SUMMARY);
        let source = match (&f.account, &f.region) {
            (Some(a), Some(r)) => format!("{a}/{r}"),
            (Some(a), None) => a.clone(),
            (None, Some(r)) => r.clone(),
            (None, None) => "opskit".to_string(),
        };

        let mut details = Map::new();
        details.insert("key".into(), json!(f.key));
        details.insert("kind".into(), json!(msg.kind.as_str()));
        if !f.summary.is_empty() {
            details.insert("summary".into(), json!(f.summary));
        }
        if msg.test {
            details.insert("test".into(), json!(true));
        }
        if let Some(r) = &msg.external_ref {
            details.insert("external_ref".into(), json!(r));
        }
        // Fields flattened so PagerDuty's UI shows them as a key/value table; a producer's
        // field never overwrites the keys above.
        for fl in &f.fields {
            details.entry(fl.name.clone()).or_insert_with(|| json!(fl.value));
        }
        details.entry("resources".to_string()).or_insert_with(|| json!(f.resources));

        let mut payload = json!({
            "summary": summary,
            "source": source,
            "severity": pd_severity(f.severity),
            "timestamp": msg.since.to_string(),
            "class": f.source,
            "custom_details": details,
        });
        if let Some(c) = f.resources.first() {
            payload["component"] = json!(c);
        }
        if let Some(a) = &f.account {
            payload["group"] = json!(a);
        }
        let mut event = json!({
            "routing_key": routing_key,
            "event_action": "trigger",
            "dedup_key": dedup,
            "client": "opskit",
            "payload": payload,
        });
        if !f.links.is_empty() {
            event["links"] = f.links.iter().map(|l| json!({ "href": l.href, "text": l.text })).collect();
        }
        fit_event(&mut event);
        Ok(event)
    }
}

/// Cut a trigger event to [`MAX_EVENT_BYTES`]: only `custom_details` (the free text) is cut,
/// longest strings first, with the marker; when that cannot get there (thousands of small
/// values), the details become a note that says so, and then the links go. The summary,
/// severity, source, dedup key and class are never touched.
fn fit_event(event: &mut Value) {
    let size = json_len(event);
    if size <= MAX_EVENT_BYTES {
        return;
    }
    let details = event["payload"]["custom_details"].take();
    let rest = json_len(event) + 2;
    let mut cut = details.clone();
    let fits = rest < MAX_EVENT_BYTES && fit::shrink_json(&mut cut, MAX_EVENT_BYTES - rest);
    event["payload"]["custom_details"] = if fits {
        cut
    } else {
        json!({
            "key": fit_chars(details["key"].as_str().unwrap_or_default(), 1024),
            "kind": details["kind"],
            "truncated": format!(
                "{}{} bytes of details omitted: over PagerDuty's {MAX_EVENT_BYTES}-byte event limit]",
                fit::MARKER,
                json_len(&details)
            ),
        })
    };
    if json_len(event) > MAX_EVENT_BYTES
        && let Some(o) = event.as_object_mut()
    {
        o.remove("links");
    }
}

/// Whether PagerDuty took the event, from its answer (a redirect was refused before this):
/// the documented acceptance is `202 {"status": "success", "dedup_key": ..}`; the receipt
/// carries the `dedup_key` answered, else `sent_key`. Refusals carry PagerDuty's `message`
/// and `errors`. Pure, so the fuzz target `sink_replies` can feed it any answer.
pub fn accept_answer(
    what: &str,
    status: reqwest::StatusCode,
    headers: &reqwest::header::HeaderMap,
    text: &str,
    sent_key: &str,
) -> Result<Receipt, SinkError> {
    let retry_after = crate::http::retry_after(headers);
    if status.is_success() {
        // Any other 2xx (a proxy's or captive portal's page) means PagerDuty never saw the
        // event: owed, worth another try.
        let answer = serde_json::from_str::<Value>(text).ok();
        if answer.as_ref().and_then(|v| v.get("status")?.as_str()) != Some("success") {
            return Err(SinkError::retryable(
                format!(
                    "{what}: answered {} without PagerDuty's `\"status\": \"success\"`, so the event was not accepted: {}\n\
                     hint: something other than PagerDuty answered (a proxy or captive portal?); check `events_url` and the network path",
                    status.as_u16(),
                    crate::http::body_excerpt(text)
                ),
                None,
            ));
        }
        let answered: Option<String> = answer.and_then(|v| v.get("dedup_key")?.as_str().map(str::to_owned));
        return Ok(Receipt { external_ref: answered.or_else(|| Some(sent_key.to_string())) });
    }
    let detail = match serde_json::from_str::<Value>(text) {
        Ok(v) => {
            let mut parts = Vec::new();
            if let Some(m) = v.get("message").and_then(Value::as_str) {
                parts.push(m.to_string());
            }
            if let Some(errs) = v.get("errors").and_then(Value::as_array) {
                let errs: Vec<String> =
                    errs.iter().map(|e| e.as_str().map(str::to_owned).unwrap_or_else(|| e.to_string())).collect();
                parts.push(format!("errors: {}", errs.join("; ")));
            }
            if parts.is_empty() {
                crate::http::body_excerpt(text)
            } else {
                crate::http::body_excerpt(&parts.join(": "))
            }
        }
        Err(_) => crate::http::body_excerpt(text),
    };
    Err(SinkError::refused(&format!("{what}: pagerduty"), status, &detail, retry_after))
}

#[async_trait]
impl Notifier for PagerDutyNotifier {
    fn name(&self) -> &str {
        &self.name
    }

    async fn send(&self, msg: &Message) -> Result<Receipt, SinkError> {
        let event = self.event(msg, self.routing_key.expose())?;
        let resp = self
            .http
            .post(&self.events_url)
            .json(&event)
            .send()
            .await
            .map_err(|e| super::transport_error(&self.what(), e))?;
        if let Some(err) = super::redirect_error(&self.what(), &resp, None) {
            return Err(err);
        }
        let status = resp.status();
        let headers = resp.headers().clone();
        let text = resp.text().await.unwrap_or_default();
        accept_answer(&self.what(), status, &headers, &text, &alert_key(msg))
    }

    fn preview(&self, msg: &Message) -> Result<String, SinkError> {
        let event = self.event(msg, "****")?;
        Ok(format!(
            "POST {}\n{}",
            crate::redact::redact(&self.events_url),
            serde_json::to_string_pretty(&event).unwrap_or_default()
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sinks::test_support::{http, message, sample_finding, templates};
    use opskit_sandbox::{Fault, PAGERDUTY_PATH, Sandbox};

    fn pagerduty(sb: &Sandbox, routing_key: &str) -> PagerDutyNotifier {
        PagerDutyNotifier::new("oncall", Secret::new(routing_key), sb.url(PAGERDUTY_PATH), http(), templates())
    }

    #[tokio::test]
    async fn pagerduty_trigger_then_resolve_use_source_and_key_as_dedup_key() {
        let sb = Sandbox::start().await.unwrap();
        let pd = pagerduty(&sb, "R0UTINGKEY0123456789");
        let f = sample_finding();
        let identity = format!("dx-vif/{}", f.key);
        let mut msg = message(TransitionKind::New, f.clone());
        msg.finding.severity = Severity::Critical;
        let r = pd.send(&msg).await.unwrap();
        assert_eq!(r.external_ref.as_deref(), Some(identity.as_str()));
        let mut resolve = message(TransitionKind::Resolved, f.clone());
        resolve.external_ref = r.external_ref;
        pd.send(&resolve).await.unwrap();

        let events = sb.pagerduty_events();
        assert_eq!(events.len(), 2);
        assert_eq!(events[0]["event_action"], "trigger");
        assert_eq!(events[1]["event_action"], "resolve");
        assert_eq!(events[0]["dedup_key"], identity.as_str());
        assert_eq!(events[1]["dedup_key"], identity.as_str());
        let p = &events[0]["payload"];
        assert_eq!(p["severity"], "critical");
        assert_eq!(p["source"], "111122223333/ap-northeast-1");
        assert_eq!(p["group"], "111122223333");
        assert_eq!(p["class"], "dx-vif");
        assert_eq!(p["component"], "dxvif-fg5678");
        assert_eq!(p["custom_details"]["bgp"], "down");
        assert_eq!(p["custom_details"]["resources"][1], "dxcon-abc");
        assert_eq!(events[0]["links"][0]["text"], "AWS console");
        assert_eq!(sb.requests_to(PAGERDUTY_PATH)[0].json()["routing_key"], "R0UTINGKEY0123456789");
    }

    #[tokio::test]
    async fn pagerduty_400_is_permanent_and_carries_the_errors() {
        let sb = Sandbox::start().await.unwrap();
        // A blank routing key is an invalid event: PagerDuty answers 400 with the list.
        let err = pagerduty(&sb, "").send(&message(TransitionKind::New, sample_finding())).await.unwrap_err();
        assert!(!err.is_retryable(), "{err}");
        let text = err.to_string();
        assert!(text.contains("400") && text.contains("routing_key"), "{text}");
    }

    #[tokio::test]
    async fn pagerduty_429_and_5xx_are_retryable() {
        let sb = Sandbox::start().await.unwrap();
        let pd = pagerduty(&sb, "R0UTINGKEY0123456789");
        let msg = message(TransitionKind::New, sample_finding());
        sb.inject(Fault::status(PAGERDUTY_PATH, 502, 1));
        assert!(pd.send(&msg).await.unwrap_err().is_retryable());
        sb.inject(Fault::rate_limited(PAGERDUTY_PATH, 3, 1));
        match pd.send(&msg).await.unwrap_err() {
            SinkError::Retryable { retry_after, .. } => {
                assert_eq!(retry_after, Some(std::time::Duration::from_secs(3)))
            }
            other => panic!("expected retryable, got {other:?}"),
        }
        pd.send(&msg).await.unwrap();
    }

    #[test]
    fn pagerduty_preview_masks_the_routing_key() {
        let pd = PagerDutyNotifier::new(
            "oncall",
            Secret::new("PREVIEWROUTINGKEY42"),
            "https://events.pagerduty.com/v2/enqueue".into(),
            http(),
            templates(),
        );
        let out = pd.preview(&message(TransitionKind::New, sample_finding())).unwrap();
        assert!(out.contains("\"routing_key\": \"****\""), "{out}");
        assert!(!out.contains("PREVIEWROUTINGKEY42"));
    }

    #[tokio::test]
    async fn an_alert_opened_under_the_bare_key_is_updated_and_resolved_under_it() {
        let sb = Sandbox::start().await.unwrap();
        let pd = pagerduty(&sb, "R0UTINGKEY0123456789");
        let f = sample_finding();
        // What an older opskit recorded: the bare finding key.
        for kind in [TransitionKind::Changed, TransitionKind::Resolved] {
            let mut m = message(kind, f.clone());
            m.external_ref = Some(f.key.clone());
            pd.send(&m).await.unwrap();
        }
        // Reopening starts a new alert: under the new identity.
        let mut m = message(TransitionKind::Reopened, f.clone());
        m.external_ref = Some(f.key.clone());
        pd.send(&m).await.unwrap();
        let keys: Vec<String> =
            sb.pagerduty_events().iter().map(|e| e["dedup_key"].as_str().unwrap().to_string()).collect();
        assert_eq!(keys, [f.key.clone(), f.key.clone(), format!("dx-vif/{}", f.key)]);
    }

    #[test]
    fn long_keys_hash_to_a_stable_prefixed_dedup_key() {
        let short = "dx-vif/1/ap-northeast-1/dxvif-1";
        assert_eq!(dedup_key(short), short);
        let long = "k".repeat(300);
        let d = dedup_key(&long);
        assert!(d.starts_with("sha256:") && d.len() <= MAX_DEDUP_KEY);
        assert_eq!(d, dedup_key(&long));
    }
}
