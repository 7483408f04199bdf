//! The PagerDuty sink: PagerDuty Events API v2 (`POST /v2/enqueue`).
//!
//! New, Changed and Reopened trigger (a repeated `dedup_key` updates the open alert
//! rather than opening another); Resolved resolves. The `dedup_key` is the finding key,
//! which makes delivery idempotent across retries and runs. The routing key travels in
//! the body and is a secret: previews mask it and errors never quote the body we sent.

use super::templates::{self, Templates, truncate_chars};
use super::{Message, Notifier, Receipt, SinkError};
use crate::redact::Secret;
use crate::spine::finding::{Severity, TransitionKind};
use async_trait::async_trait;
use serde_json::{Map, Value, json};
use sha2::{Digest, Sha256};
use std::sync::Arc;

/// PagerDuty refuses a `dedup_key` longer than this.
const MAX_DEDUP_KEY: usize = 255;
/// PagerDuty refuses a `payload.summary` longer than this.
const MAX_SUMMARY: usize = 1024;

pub struct PagerDutyNotifier {
    name: String,
    routing_key: Secret,
    events_url: String,
    http: reqwest::Client,
    templates: Arc<Templates>,
}

/// The finding key, or for keys PagerDuty would refuse (> 255 characters) a stable
/// `sha256:<hex>` of it: the same finding maps to the same alert on every run, which is
/// all a dedup key must do. The full key is still in `custom_details.key`.
pub fn dedup_key(finding_key: &str) -> String {
    if finding_key.chars().count() <= MAX_DEDUP_KEY {
        finding_key.to_string()
    } else {
        format!(
            "sha256:{}",
            hex::encode(Sha256::digest(finding_key.as_bytes()))
        )
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
        PagerDutyNotifier {
            name: name.to_string(),
            routing_key,
            events_url,
            http,
            templates,
        }
    }

    fn what(&self) -> String {
        format!("pagerduty sink `{}`", self.name)
    }

    /// The event, with `routing_key` set to `routing_key` (the real one, or a mask).
    fn event(&self, msg: &Message, routing_key: &str) -> Result<Value, SinkError> {
        let f = &msg.finding;
        let dedup = dedup_key(&f.key);
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
        let summary = truncate_chars(&templates::one_line(&summary), MAX_SUMMARY);
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
            details
                .entry(fl.name.clone())
                .or_insert_with(|| json!(fl.value));
        }
        details
            .entry("resources".to_string())
            .or_insert_with(|| json!(f.resources));

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
            event["links"] = f
                .links
                .iter()
                .map(|l| json!({ "href": l.href, "text": l.text }))
                .collect();
        }
        Ok(event)
    }
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
        let status = resp.status();
        let retry_after = super::retry_after(resp.headers());
        let text = resp.text().await.unwrap_or_default();
        if status.is_success() {
            let answered: Option<String> = serde_json::from_str::<Value>(&text)
                .ok()
                .and_then(|v| v.get("dedup_key")?.as_str().map(str::to_owned));
            return Ok(Receipt {
                external_ref: answered.or_else(|| Some(dedup_key(&msg.finding.key))),
            });
        }
        let detail = match serde_json::from_str::<Value>(&text) {
            Ok(v) => {
                let mut parts = Vec::new();
                if let Some(m) = v.get("message").and_then(Value::as_str) {
                    parts.push(m.to_string());
                }
                if let Some(errs) = v.get("errors").and_then(Value::as_array) {
                    let errs: Vec<String> = errs
                        .iter()
                        .map(|e| {
                            e.as_str()
                                .map(str::to_owned)
                                .unwrap_or_else(|| e.to_string())
                        })
                        .collect();
                    parts.push(format!("errors: {}", errs.join("; ")));
                }
                if parts.is_empty() {
                    super::body_excerpt(&text)
                } else {
                    super::body_excerpt(&parts.join(": "))
                }
            }
            Err(_) => super::body_excerpt(&text),
        };
        let message = format!(
            "{}: pagerduty answered {}: {}",
            self.what(),
            status.as_u16(),
            if detail.is_empty() {
                "(no body)"
            } else {
                &detail
            }
        );
        if status.as_u16() == 429 || status.is_server_error() {
            Err(SinkError::retryable(message, retry_after))
        } else {
            Err(SinkError::permanent(message))
        }
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
