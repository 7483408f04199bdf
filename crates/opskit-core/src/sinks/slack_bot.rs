//! The Slack sink as a bot (`type = "slack_bot"`): Slack's Web API with a bot token,
//! `chat.postMessage` when a finding opens, then `chat.update` of that same message when
//! it changes or resolves, so the channel keeps one message per incident that reads as it
//! stands now; optionally a reply in the message's thread on each change and resolve, so
//! the change also notifies.
//!
//! API: `POST https://slack.com/api/chat.postMessage` / `chat.update` with
//! `Authorization: Bearer xoxb-…` and a JSON body
//! (<https://api.slack.com/methods/chat.postMessage>, <https://api.slack.com/methods/chat.update>).
//! Slack answers `200` whatever happened: only `{"ok": true}` with a `channel` and a `ts`
//! is a delivery; `{"ok": false, "error": "<code>"}`, a body that is not Slack's JSON (a
//! proxy's page) or a missing `ts` is a failure of the delivery, named with Slack's code.
//! Rate limits come as `429` with `Retry-After`.
//!
//! A route may name the channel (`[[routes]] slack_channel`): a new message goes there
//! instead of the sink's `channel`; follow-ups go wherever the message is.
//!
//! The receipt's `external_ref` is `CHANNEL_ID/TS` of the message (the channel as Slack
//! answered it: `chat.update` takes only an ID). The token is the secret: it travels only
//! in the header and never appears in an error or a preview.

use super::slack::message_body;
use super::templates::Templates;
use crate::redact::Secret;
use crate::spine::deliver::{Message, Notifier, Receipt, SinkError};
use crate::spine::finding::TransitionKind;
use async_trait::async_trait;
use serde_json::{Value, json};
use std::sync::Arc;

pub struct SlackBotNotifier {
    name: String,
    token: Secret,
    channel: String,
    api_url: String,
    thread_replies: bool,
    http: reqwest::Client,
    templates: Arc<Templates>,
}

/// Where a posted message is: the channel ID and the message's `ts`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Posted {
    pub channel: String,
    pub ts: String,
}

impl Posted {
    pub fn external_ref(&self) -> String {
        format!("{}/{}", self.channel, self.ts)
    }

    /// The message a receipt remembered; `None` for anything else (a ref of another kind
    /// of sink once configured under the same name), which then posts anew.
    pub fn parse(external_ref: &str) -> Option<Posted> {
        let (channel, ts) = external_ref.split_once('/')?;
        let channel_ok = !channel.is_empty() && channel.chars().all(|c| c.is_ascii_alphanumeric());
        let ts_ok = ts.split_once('.').is_some_and(|(a, b)| {
            !a.is_empty() && !b.is_empty() && a.chars().chain(b.chars()).all(|c| c.is_ascii_digit())
        });
        (channel_ok && ts_ok).then(|| Posted { channel: channel.into(), ts: ts.into() })
    }
}

/// A call the Web API refused or that did not come back as Slack's acceptance. `code` is
/// Slack's `error` when it answered one, so the caller can act on `message_not_found`.
#[derive(Debug)]
pub struct ApiFailure {
    pub code: Option<String>,
    pub error: SinkError,
}

impl SlackBotNotifier {
    pub fn new(
        name: &str,
        token: Secret,
        channel: String,
        api_url: String,
        thread_replies: bool,
        http: reqwest::Client,
        templates: Arc<Templates>,
    ) -> Self {
        SlackBotNotifier { name: name.to_string(), token, channel, api_url, thread_replies, http, templates }
    }

    fn what(&self) -> String {
        format!("slack_bot sink `{}`", self.name)
    }

    /// What a message does: update the one posted before when the finding changed or
    /// resolved, else post. A reopened finding posts anew (the old message says resolved,
    /// and an update would notify nobody).
    fn earlier(&self, msg: &Message) -> Option<Posted> {
        match msg.kind {
            TransitionKind::Changed | TransitionKind::Resolved => msg.external_ref.as_deref().and_then(Posted::parse),
            _ => None,
        }
    }

    /// One Web API call; `channel` is where it goes, for the hints.
    async fn call(&self, method: &str, channel: &str, body: &Value) -> Result<Posted, ApiFailure> {
        let what = self.what();
        let fail = |error| ApiFailure { code: None, error };
        let resp = self
            .http
            .post(format!("{}/{method}", self.api_url))
            .bearer_auth(self.token.expose())
            .json(body)
            .send()
            .await
            .map_err(|e| fail(super::transport_error(&what, e)))?;
        if let Some(err) = super::redirect_error(&what, &resp, None) {
            return Err(fail(err));
        }
        let status = resp.status();
        let headers = resp.headers().clone();
        let text = resp.text().await.unwrap_or_default();
        accept_api_answer(&what, method, channel, status, &headers, &text)
    }

    /// Where a new message goes: the routing route's `slack_channel`, else the sink's.
    fn channel_for<'a>(&'a self, msg: &'a Message) -> &'a str {
        msg.route_channel.as_deref().unwrap_or(&self.channel)
    }

    async fn post(&self, msg: &Message, body: &Value) -> Result<Posted, SinkError> {
        let mut body = body.clone();
        let channel = self.channel_for(msg);
        body["channel"] = json!(channel);
        self.call("chat.postMessage", channel, &body).await.map_err(|f| f.error)
    }

    /// A short reply in the thread of `parent`: what happened, so the change notifies
    /// the people following the thread.
    async fn reply(&self, parent: &Posted, text: &str) -> Result<(), SinkError> {
        let body = json!({ "channel": parent.channel, "thread_ts": parent.ts, "text": text });
        self.call("chat.postMessage", &parent.channel, &body).await.map(|_| ()).map_err(|f| f.error)
    }
}

/// Slack's `error` code (or a `needed` scope list) as shown: its documented codes are
/// lowercase words joined by `_`, scopes like `chat:write.public`; anything else is
/// hostile input and shown as a bounded excerpt.
fn shown_code(code: &str) -> String {
    let word = |c: char| c.is_ascii_lowercase() || matches!(c, '_' | ':' | '.' | ',');
    if !code.is_empty() && code.len() <= 64 && code.chars().all(word) {
        code.to_string()
    } else {
        let visible: String = code.chars().filter(|c| !c.is_control()).collect();
        format!("`{}`", crate::http::body_excerpt(&visible))
    }
}

/// What to do about Slack's common refusals.
fn hint(code: &str, channel: &str, needed: Option<&str>) -> Option<String> {
    Some(match code {
        "not_in_channel" => format!("invite the bot to {channel} (in Slack: /invite @the-app), or give another channel"),
        "channel_not_found" => format!(
            "check `channel` ({channel}): the ID (C0123ABCD) or name of a channel the bot can see; a private channel needs the bot invited"
        ),
        "invalid_auth" | "not_authed" => {
            "the bot token is wrong or of another workspace; copy the Bot User OAuth Token (xoxb-…) from the app's OAuth & Permissions page".into()
        }
        "token_revoked" | "token_expired" | "account_inactive" => {
            "the token no longer works (the app was uninstalled or the token revoked); reinstall the app and set the new token".into()
        }
        "missing_scope" => match needed {
            Some(n) => format!("add the `{}` scope to the app's bot token scopes and reinstall it", shown_code(n)),
            None => "add the missing scope (chat:write) to the app's bot token scopes and reinstall it".into(),
        },
        "is_archived" | "channel_is_archived" => format!("{channel} is archived: unarchive it or give another channel"),
        _ => return None,
    })
}

/// Whether the Web API accepted a call, from its answer (a redirect was refused before
/// this): `{"ok": true}` with a `channel` and a `ts`. Pure, so tests and the fuzz targets
/// can feed it any answer. `channel` is the configured one, for the hints.
pub fn accept_api_answer(
    what: &str,
    method: &str,
    channel: &str,
    status: reqwest::StatusCode,
    headers: &reqwest::header::HeaderMap,
    text: &str,
) -> Result<Posted, ApiFailure> {
    let retry_after = crate::http::retry_after(headers);
    let fail = |error| ApiFailure { code: None, error };
    if status == reqwest::StatusCode::TOO_MANY_REQUESTS || status.is_server_error() {
        let word = crate::http::body_excerpt(text);
        return Err(fail(SinkError::refused(&format!("{what}: slack {method}"), status, &word, retry_after)));
    }
    let answer: Option<Value> = serde_json::from_str(text).ok().filter(Value::is_object);
    let Some(answer) = answer else {
        // Slack always answers JSON; anything else is something in between (a proxy's or
        // captive portal's page): Slack never saw the call, so it is owed.
        return Err(fail(SinkError::retryable(
            format!(
                "{what}: {method} answered {} without Slack's JSON, so the message was not accepted: {}\n\
                 hint: something other than Slack answered (a proxy or captive portal?); check `api_url` and the network path",
                status.as_u16(),
                crate::http::body_excerpt(text)
            ),
            None,
        )));
    };
    // Slack answers its acceptance with 200; `ok: true` under another status is not it.
    if answer["ok"] == json!(true) && status.is_success() {
        let field = |k: &str| answer[k].as_str().filter(|s| !s.is_empty()).map(str::to_string);
        let posted = field("channel").zip(field("ts")).map(|(channel, ts)| Posted { channel, ts });
        return match posted.filter(|p| Posted::parse(&p.external_ref()).is_some()) {
            Some(p) => Ok(p),
            None => Err(fail(SinkError::retryable(
                format!(
                    "{what}: {method} answered ok without a well-formed `channel` and `ts`, so the message cannot be followed up; not counted as delivered"
                ),
                None,
            ))),
        };
    }
    let code = answer["error"].as_str().unwrap_or("").to_string();
    let shown = if code.is_empty() { "(no error code)".to_string() } else { shown_code(&code) };
    let mut message = format!("{what}: slack {method} refused: {shown}");
    if let Some(h) = hint(&code, channel, answer["needed"].as_str()) {
        message.push_str(&format!("\nhint: {h}"));
    }
    let retryable = matches!(
        code.as_str(),
        "ratelimited" | "rate_limited" | "internal_error" | "fatal_error" | "service_unavailable" | "request_timeout"
    );
    let error = if retryable { SinkError::retryable(message, retry_after) } else { SinkError::permanent(message) };
    Err(ApiFailure { code: Some(code), error })
}

#[async_trait]
impl Notifier for SlackBotNotifier {
    fn name(&self) -> &str {
        &self.name
    }

    async fn send(&self, msg: &Message) -> Result<Receipt, SinkError> {
        let body = message_body(&self.templates, msg)?;
        let posted = match self.earlier(msg) {
            Some(earlier) => {
                let mut update = body.clone();
                update["channel"] = json!(earlier.channel);
                update["ts"] = json!(earlier.ts);
                match self.call("chat.update", &earlier.channel, &update).await {
                    Ok(p) => {
                        if self.thread_replies {
                            let text = body["text"].as_str().unwrap_or_default();
                            self.reply(&p, text).await?;
                        }
                        p
                    }
                    Err(f) if f.code.as_deref() == Some("message_not_found") => {
                        tracing::warn!(
                            sink = %self.name,
                            key = %msg.finding.key,
                            "the slack message {} was deleted; posting the {} as a new message",
                            earlier.ts,
                            msg.kind
                        );
                        self.post(msg, &body).await?
                    }
                    Err(f) => return Err(f.error),
                }
            }
            None => self.post(msg, &body).await?,
        };
        Ok(Receipt { external_ref: Some(posted.external_ref()) })
    }

    fn preview(&self, msg: &Message) -> Result<String, SinkError> {
        let body = message_body(&self.templates, msg)?;
        let (method, target) = match self.earlier(msg) {
            Some(p) => ("chat.update", format!("message {} in {}", p.ts, p.channel)),
            None => ("chat.postMessage", self.channel_for(msg).to_string()),
        };
        Ok(format!(
            "POST {}/{method} (slack bot of sink `{}`, {target}, token ****)\n{}",
            self.api_url,
            self.name,
            serde_json::to_string_pretty(&body).unwrap_or_default()
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::StatusCode;
    use reqwest::header::HeaderMap;

    fn answer(text: &str) -> Result<Posted, ApiFailure> {
        accept_api_answer("slack_bot sink `s`", "chat.postMessage", "#ops", StatusCode::OK, &HeaderMap::new(), text)
    }

    #[test]
    fn only_ok_with_channel_and_ts_is_accepted() {
        let ok = answer(r#"{"ok":true,"channel":"C01","ts":"1700000000.000100"}"#).unwrap();
        assert_eq!(ok.external_ref(), "C01/1700000000.000100");
        let ok_body = r#"{"ok":true,"channel":"C01","ts":"1700000000.000100"}"#;
        let not_found =
            accept_api_answer("s", "chat.update", "#ops", StatusCode::NOT_FOUND, &HeaderMap::new(), ok_body);
        assert!(not_found.is_err(), "ok:true under 404 is not Slack's acceptance");
        for bad in [r#"{"ok":true,"channel":"C01"}"#, r#"{"ok":true,"ts":"1.2"}"#, "<html>portal</html>", "ok", "[]"] {
            let f = answer(bad).unwrap_err();
            assert!(f.error.is_retryable(), "{bad}: {}", f.error);
        }
    }

    #[test]
    fn refusals_name_slacks_code_with_a_hint_and_missing_scope_the_needed_one() {
        let f = answer(r#"{"ok":false,"error":"missing_scope","needed":"chat:write","provided":"x"}"#).unwrap_err();
        assert!(!f.error.is_retryable());
        let t = f.error.to_string();
        assert!(t.contains("refused: missing_scope") && t.contains("hint: add the `chat:write`"), "{t}");
        let f = answer(r#"{"ok":false,"error":"not_in_channel"}"#).unwrap_err();
        assert!(f.error.to_string().contains("invite the bot to #ops"), "{}", f.error);
        let f = answer(r#"{"ok":false,"error":"ratelimited"}"#).unwrap_err();
        assert!(f.error.is_retryable());
        let f = answer(r#"{"ok":false,"error":"<script>\u001b[31m"}"#).unwrap_err();
        assert!(!f.error.to_string().contains('\u{1b}'), "{}", f.error);
    }

    #[test]
    fn a_ref_parses_back_and_anything_else_posts_anew() {
        assert_eq!(Posted::parse("C01/1700000000.000100").map(|p| p.ts), Some("1700000000.000100".into()));
        for other in ["OPS-1", "C01/", "/1.2", "C 1/1.2", "C01/1.2/3", "C01/abc"] {
            assert_eq!(Posted::parse(other), None, "{other}");
        }
    }
}
