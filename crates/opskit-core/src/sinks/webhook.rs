//! The generic webhook sink: `POST` of a fixed, versioned JSON document to a user's URL,
//! optionally signed with HMAC-SHA256 (hmac + sha2).
//!
//! Body: `{"version":1,"kind","finding","previous","external_ref","since","test"}` with
//! the full [`Finding`]. When a secret is configured the
//! header `<signature_header>: sha256=<hex HMAC of the exact body bytes>` lets the
//! receiver verify it; `X-Opskit-Delivery` (a hash of key, kind and fingerprint) lets it
//! drop the duplicates that at-least-once delivery produces. The URL may carry a token
//! and is treated as a secret. Any 2xx is the receiver's acceptance (there is no
//! documented answer to check); a 3xx is not followed and fails the delivery.

use crate::redact::Secret;
use crate::spine::deliver::{Message, Notifier, Receipt, SinkError};
use crate::spine::finding::Finding;
use async_trait::async_trait;
use hmac::{Hmac, KeyInit, Mac};
use serde::Serialize;
use sha2::{Digest, Sha256};

/// Bumped when the body changes incompatibly; receivers can branch on it.
pub const BODY_VERSION: u32 = 1;
pub const DELIVERY_HEADER: &str = "X-Opskit-Delivery";

pub struct WebhookNotifier {
    name: String,
    url: Secret,
    secret: Option<Secret>,
    signature_header: String,
    http: reqwest::Client,
}

#[derive(Serialize)]
struct Body<'a> {
    version: u32,
    kind: &'static str,
    finding: &'a Finding,
    previous: Option<&'a Finding>,
    external_ref: Option<&'a str>,
    since: String,
    test: bool,
}

/// `sha256=<hex>` of HMAC-SHA256(`secret`, `body`).
pub fn signature(secret: &[u8], body: &[u8]) -> String {
    // HMAC accepts keys of any length, so this cannot fail.
    let mut mac = Hmac::<Sha256>::new_from_slice(secret).expect("hmac takes any key length");
    mac.update(body);
    format!("sha256={}", hex::encode(mac.finalize().into_bytes()))
}

/// The same transition of the same finding state always gets the same id, so a receiver
/// can drop a redelivery after a retry.
pub fn delivery_id(msg: &Message) -> String {
    let f = &msg.finding;
    let fingerprint = if f.fingerprint.is_empty() { f.computed_fingerprint() } else { f.fingerprint.clone() };
    let mut h = Sha256::new();
    for part in [f.source.as_str(), &f.key, msg.kind.as_str(), &fingerprint] {
        h.update((part.len() as u64).to_le_bytes());
        h.update(part.as_bytes());
    }
    hex::encode(&h.finalize()[..16])
}

impl WebhookNotifier {
    pub fn new(
        name: &str,
        url: Secret,
        secret: Option<Secret>,
        signature_header: String,
        http: reqwest::Client,
    ) -> Self {
        WebhookNotifier { name: name.to_string(), url, secret, signature_header, http }
    }

    fn what(&self) -> String {
        format!("webhook sink `{}`", self.name)
    }

    /// The exact bytes sent (and signed).
    pub fn body(msg: &Message) -> Vec<u8> {
        let body = Body {
            version: BODY_VERSION,
            kind: msg.kind.as_str(),
            finding: &msg.finding,
            previous: msg.previous.as_ref(),
            external_ref: msg.external_ref.as_deref(),
            since: msg.since.to_string(),
            test: msg.test,
        };
        serde_json::to_vec(&body).expect("a finding always serializes")
    }
}

#[async_trait]
impl Notifier for WebhookNotifier {
    fn name(&self) -> &str {
        &self.name
    }

    async fn send(&self, msg: &Message) -> Result<Receipt, SinkError> {
        let body = Self::body(msg);
        let mut req = self
            .http
            .post(self.url.expose())
            .header(reqwest::header::CONTENT_TYPE, "application/json")
            .header(DELIVERY_HEADER, delivery_id(msg));
        if let Some(secret) = &self.secret {
            req = req.header(self.signature_header.as_str(), signature(secret.expose().as_bytes(), &body));
        }
        let resp = req.body(body).send().await.map_err(|e| super::transport_error(&self.what(), e))?;
        if let Some(err) = super::redirect_error(&self.what(), &resp, Some(self.url.expose())) {
            return Err(err);
        }
        // A generic receiver has no documented answer: any 2xx is its acceptance.
        let status = resp.status();
        if status.is_success() {
            return Ok(Receipt::default());
        }
        let retry_after = crate::http::retry_after(resp.headers());
        let text = resp.text().await.unwrap_or_default();
        let excerpt = crate::http::body_excerpt(&text);
        Err(SinkError::refused(&format!("{}: receiver", self.what()), status, &excerpt, retry_after))
    }

    fn preview(&self, msg: &Message) -> Result<String, SinkError> {
        let body = Self::body(msg);
        let value: serde_json::Value = serde_json::from_slice(&body).expect("the body was just serialized");
        let mut out = format!("POST ****\n{DELIVERY_HEADER}: {}\n", delivery_id(msg));
        if self.secret.is_some() {
            out.push_str(&format!("{}: sha256=<hmac of the body>\n", self.signature_header));
        }
        out.push_str(&serde_json::to_string_pretty(&value).unwrap_or_default());
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sinks::test_support::{changed_message, http, message, sample_finding};
    use crate::spine::finding::TransitionKind;
    use opskit_sandbox::{Fault, Sandbox, WEBHOOK_PATH};

    fn webhook(sb: &Sandbox, secret: Option<&str>) -> WebhookNotifier {
        WebhookNotifier::new(
            "hook",
            Secret::new(sb.url(WEBHOOK_PATH)),
            secret.map(Secret::new),
            "X-Opskit-Signature".into(),
            http(),
        )
    }

    #[tokio::test]
    async fn webhook_signature_verifies_with_the_secret() {
        let sb = Sandbox::start().await.unwrap();
        let secret = "whsec-test-0123456789";
        webhook(&sb, Some(secret)).send(&changed_message()).await.unwrap();
        let rec = &sb.requests_to(WEBHOOK_PATH)[0];
        let sig = rec.header("x-opskit-signature").unwrap();
        let hex_mac = sig.strip_prefix("sha256=").unwrap();
        // Recompute independently of `signature()`.
        let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).unwrap();
        mac.update(&rec.body);
        mac.verify_slice(&hex::decode(hex_mac).unwrap()).expect("signature must verify over the exact body");

        let body = rec.json();
        assert_eq!(body["version"], 1);
        assert_eq!(body["kind"], "changed");
        assert_eq!(body["finding"]["severity"], "critical");
        assert_eq!(body["previous"]["severity"], "warning");
        assert_eq!(body["since"], "2025-01-31T00:00:00Z");
        assert_eq!(body["test"], false);
        assert_eq!(rec.header("content-type"), Some("application/json"));
    }

    #[tokio::test]
    async fn webhook_delivery_id_is_stable_across_retries_and_unsigned_without_secret() {
        let sb = Sandbox::start().await.unwrap();
        let n = webhook(&sb, None);
        let msg = message(TransitionKind::New, sample_finding());
        sb.inject(Fault::status(WEBHOOK_PATH, 500, 1));
        assert!(n.send(&msg).await.unwrap_err().is_retryable());
        n.send(&msg).await.unwrap();
        let reqs = sb.requests_to(WEBHOOK_PATH);
        assert_eq!(reqs.len(), 2);
        let ids: Vec<_> = reqs.iter().map(|r| r.header(DELIVERY_HEADER)).collect();
        assert!(ids[0].is_some());
        assert_eq!(ids[0], ids[1]);
        assert_eq!(reqs[1].header("x-opskit-signature"), None);
        let resolved = message(TransitionKind::Resolved, sample_finding());
        assert_ne!(delivery_id(&msg), delivery_id(&resolved));

        sb.inject(Fault::status(WEBHOOK_PATH, 404, 1));
        assert!(!n.send(&msg).await.unwrap_err().is_retryable());
    }
}
