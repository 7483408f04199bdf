//! The Slack sink: one message per transition through an incoming webhook
//! (`POST https://hooks.slack.com/services/…`, JSON `{text, blocks}` in Block Kit).
//!
//! The webhook URL is the secret, so it never appears in an error or a preview. Only
//! Slack's documented acceptance, `200` with the body `ok`, is a delivery; a redirect is
//! not followed and fails the delivery. `text`
//! (the notification fallback) and the first section come from `slack.md.j2`; the
//! structured blocks (severity, account, region, resources, fields, links) are built
//! here, within Slack's limits of 50 blocks and 3,000 characters per section text.

use super::fit::{Bounds, bounded_message, fit_chars};
use super::templates::{self, Templates, mrkdwn_escape, truncate_chars};
use crate::redact::Secret;
use crate::spine::deliver::{Message, Notifier, Receipt, SinkError};
use crate::spine::finding::TransitionKind;
use async_trait::async_trait;
use serde_json::{Value, json};
use std::sync::Arc;

/// Slack refuses a message with more blocks than this (`invalid_blocks`).
/// https://api.slack.com/reference/block-kit/blocks ("up to 50 blocks in each message")
const MAX_BLOCKS: usize = 50;
/// Slack refuses a section whose text is longer than this (characters).
/// https://api.slack.com/reference/block-kit/blocks#section
const MAX_SECTION_TEXT: usize = 3000;
/// A header block's plain text limit (characters).
/// https://api.slack.com/reference/block-kit/blocks#header
const MAX_HEADER_TEXT: usize = 150;
/// A section's `fields` hold at most 10 items of at most 2,000 characters.
/// https://api.slack.com/reference/block-kit/blocks#section
const MAX_SECTION_FIELDS: usize = 10;
const MAX_SECTION_FIELD_TEXT: usize = 2000;
/// The top-level `text`: Slack truncates it at 40,000 characters and recommends at most
/// 4,000 (https://api.slack.com/methods/chat.postMessage#truncating). With blocks it is
/// only the notification fallback, so the first section's 3,000 is what it gets.
const MAX_TEXT: usize = MAX_SECTION_TEXT;
/// What the finding's free text may take before rendering (characters): the blocks can
/// show at most 50 × 3,000, so more would only be cut later.
const FINDING_BUDGET_CHARS: usize = 150_000;

pub struct SlackNotifier {
    name: String,
    webhook_url: Secret,
    http: reqwest::Client,
    templates: Arc<Templates>,
}

impl SlackNotifier {
    pub fn new(name: &str, webhook_url: Secret, http: reqwest::Client, templates: Arc<Templates>) -> Self {
        SlackNotifier { name: name.to_string(), webhook_url, http, templates }
    }

    /// The JSON body: `{text, blocks}`.
    pub fn body(&self, msg: &Message) -> Result<Value, SinkError> {
        message_body(&self.templates, msg)
    }

    fn what(&self) -> String {
        format!("slack sink `{}`", self.name)
    }
}

/// A message as Slack shows it, `{text, blocks}`: the body of a webhook post, and of the
/// bot's `chat.postMessage` and `chat.update` (which add `channel` and `ts`).
pub fn message_body(templates: &Templates, msg: &Message) -> Result<Value, SinkError> {
    let msg = &bounded_message(msg, Bounds::for_budget(FINDING_BUDGET_CHARS));
    let text = templates.render(templates::SLACK, msg)?;
    let text = fit_chars(text.trim(), MAX_TEXT);
    Ok(json!({ "text": text, "blocks": blocks(msg, &text) }))
}

fn section(text: &str) -> Value {
    json!({
        "type": "section",
        "text": { "type": "mrkdwn", "text": fit_chars(text, MAX_SECTION_TEXT) }
    })
}

/// Link text cannot contain `|` inside Slack's `<href|text>`.
fn slack_link(href: &str, text: &str) -> String {
    format!("<{}|{}>", href.replace('|', "%7C").replace('>', "%3E"), mrkdwn_escape(&text.replace('|', "¦")))
}

fn blocks(msg: &Message, body: &str) -> Vec<Value> {
    let f = &msg.finding;
    let word = if msg.kind == TransitionKind::Resolved { "RESOLVED" } else { templates::severity_word(f.severity) };
    let emoji = templates::severity_emoji(msg.kind, f.severity);
    let test = if msg.test { "[TEST] " } else { "" };
    let header = truncate_chars(&templates::one_line(&format!("{test}{emoji} {word}: {}", f.title)), MAX_HEADER_TEXT);
    let mut out = vec![
        json!({ "type": "header", "text": { "type": "plain_text", "text": header, "emoji": true } }),
        section(body),
    ];

    // The facts people scan for, as a two-column grid. Severity is spelled out so the
    // message reads the same without colour or emoji.
    let mut facts = vec![format!(
        "*Severity*\n{emoji} {}{}",
        templates::severity_word(f.severity),
        if msg.kind == TransitionKind::Resolved { " (resolved)" } else { "" }
    )];
    if let Some(a) = &f.account {
        facts.push(format!("*Account*\n{}", mrkdwn_escape(a)));
    }
    if let Some(r) = &f.region {
        facts.push(format!("*Region*\n{}", mrkdwn_escape(r)));
    }
    facts.push(format!("*Source*\n{}", mrkdwn_escape(&f.source)));
    out.push(json!({
        "type": "section",
        "fields": facts
            .iter()
            .take(MAX_SECTION_FIELDS)
            .map(|t| json!({ "type": "mrkdwn", "text": fit_chars(t, MAX_SECTION_FIELD_TEXT) }))
            .collect::<Vec<_>>(),
    }));

    if !f.resources.is_empty() {
        let lines: Vec<String> = f.resources.iter().map(|r| format!("• `{}`", mrkdwn_escape(r))).collect();
        out.push(section(&format!("*Resources*\n{}", lines.join("\n"))));
    }

    // Links and the context line always fit; fields get what is left of the budget.
    let links: Vec<String> = f.links.iter().map(|l| slack_link(&l.href, &l.text)).collect();
    let tail_blocks = 1 + usize::from(!links.is_empty());
    if !f.fields.is_empty() {
        let budget = MAX_BLOCKS.saturating_sub(out.len() + tail_blocks);
        out.extend(field_sections(msg, budget));
    }
    if !links.is_empty() {
        out.push(section(&format!("*Links*\n{}", links.join(" · "))));
    }
    let mut context = format!(
        "opskit · {} · `{}` · since {}",
        mrkdwn_escape(&f.source),
        mrkdwn_escape(&f.key),
        templates::format_since(msg)
    );
    if let Some(r) = &msg.external_ref {
        context.push_str(&format!(" · {}", mrkdwn_escape(r)));
    }
    out.push(json!({
        "type": "context",
        "elements": [ { "type": "mrkdwn", "text": fit_chars(&context, MAX_SECTION_TEXT) } ]
    }));
    out.truncate(MAX_BLOCKS);
    out
}

/// The finding's fields as `*name*: value` lines, packed into sections of at most 3,000
/// characters and at most `budget` sections; what does not fit is counted, not dropped
/// silently.
fn field_sections(msg: &Message, budget: usize) -> Vec<Value> {
    if budget == 0 {
        return Vec::new();
    }
    let lines: Vec<String> = msg
        .finding
        .fields
        .iter()
        .map(|fl| {
            fit_chars(&format!("*{}*: {}", mrkdwn_escape(&fl.name), mrkdwn_escape(&fl.value)), MAX_SECTION_TEXT - 100)
        })
        .collect();
    let mut sections: Vec<String> = Vec::new();
    let mut cur = String::new();
    let mut placed = 0;
    for line in &lines {
        let sep = usize::from(!cur.is_empty());
        if cur.chars().count() + sep + line.chars().count() > MAX_SECTION_TEXT - 100 {
            if sections.len() + 1 == budget {
                break;
            }
            sections.push(std::mem::take(&mut cur));
        }
        if !cur.is_empty() {
            cur.push('\n');
        }
        cur.push_str(line);
        placed += 1;
    }
    if placed < lines.len() {
        cur.push_str(&format!("\n… and {} more fields", lines.len() - placed));
    }
    if !cur.is_empty() {
        sections.push(cur);
    }
    sections.iter().map(|s| section(s)).collect()
}

/// Whether Slack took the message, from its answer (a redirect was refused before this):
/// the documented acceptance is `200 ok`; Slack's refusals are plain-text error words
/// (`channel_is_archived`). `what` names the sink in the error. Pure, so the fuzz target
/// `sink_replies` can feed it any answer.
pub fn accept_answer(
    what: &str,
    status: reqwest::StatusCode,
    headers: &reqwest::header::HeaderMap,
    text: &str,
) -> Result<Receipt, SinkError> {
    let retry_after = crate::http::retry_after(headers);
    let word = crate::http::body_excerpt(text);
    if status.is_success() {
        // Any 2xx but `ok` (a proxy's or captive portal's page) means Slack never saw the
        // message: owed, worth another try.
        if text.trim() == "ok" {
            return Ok(Receipt::default());
        }
        return Err(SinkError::retryable(
            format!(
                "{what}: answered {} without Slack's `ok`, so the message was not accepted: {word}\n\
                 hint: something other than Slack answered (a proxy or captive portal?); check the webhook URL and the network path",
                status.as_u16()
            ),
            None,
        ));
    }
    Err(SinkError::refused(&format!("{what}: slack"), status, &word, retry_after))
}

#[async_trait]
impl Notifier for SlackNotifier {
    fn name(&self) -> &str {
        &self.name
    }

    async fn send(&self, msg: &Message) -> Result<Receipt, SinkError> {
        let body = self.body(msg)?;
        let resp = self
            .http
            .post(self.webhook_url.expose())
            .json(&body)
            .send()
            .await
            .map_err(|e| super::transport_error(&self.what(), e))?;
        if let Some(err) = super::redirect_error(&self.what(), &resp, Some(self.webhook_url.expose())) {
            return Err(err);
        }
        let status = resp.status();
        let headers = resp.headers().clone();
        let text = resp.text().await.unwrap_or_default();
        accept_answer(&self.what(), status, &headers, &text)
    }

    fn preview(&self, msg: &Message) -> Result<String, SinkError> {
        let body = self.body(msg)?;
        Ok(format!(
            "POST **** (slack webhook of sink `{}`)\n{}",
            self.name,
            serde_json::to_string_pretty(&body).unwrap_or_default()
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sinks::test_support::{http, message, sample_finding, templates};
    use opskit_sandbox::{Fault, SLACK_PATH, Sandbox};
    use std::time::Duration;

    fn slack(sb: &Sandbox) -> SlackNotifier {
        SlackNotifier::new("ops-channel", Secret::new(sb.url(SLACK_PATH)), http(), templates())
    }

    fn all_text(v: &Value) -> String {
        v.to_string()
    }

    #[tokio::test]
    async fn slack_body_has_blocks_and_the_severity_word() {
        let sb = Sandbox::start().await.unwrap();
        let receipt = slack(&sb).send(&message(TransitionKind::New, sample_finding())).await.unwrap();
        assert_eq!(receipt, Receipt::default());
        let reqs = sb.requests_to(SLACK_PATH);
        assert_eq!(reqs.len(), 1);
        assert_eq!(reqs[0].status, 200);
        let body = reqs[0].json();
        let blocks = body["blocks"].as_array().unwrap();
        assert!(blocks.len() >= 3 && blocks.len() <= MAX_BLOCKS);
        assert_eq!(blocks[0]["type"], "header");
        assert!(blocks[0]["text"]["text"].as_str().unwrap().contains("WARNING"));
        assert!(body["text"].as_str().unwrap().contains("WARNING"));
        let all = all_text(&body);
        for expected in ["111122223333", "ap-northeast-1", "dxvif-fg5678", "*bgp*: down"] {
            assert!(all.contains(expected), "missing {expected} in {all}");
        }
        assert!(all.contains("<https://console.aws.amazon.com/directconnect/v2/home|AWS console>"));
    }

    #[tokio::test]
    async fn slack_resolved_message_says_resolved() {
        let sb = Sandbox::start().await.unwrap();
        slack(&sb).send(&message(TransitionKind::Resolved, sample_finding())).await.unwrap();
        let body = sb.requests_to(SLACK_PATH)[0].json();
        assert!(body["text"].as_str().unwrap().contains("RESOLVED: VIF"));
        let header = body["blocks"][0]["text"]["text"].as_str().unwrap();
        assert!(header.contains("RESOLVED"), "{header}");
    }

    #[tokio::test]
    async fn slack_429_is_retryable_with_retry_after() {
        let sb = Sandbox::start().await.unwrap();
        sb.inject(Fault::rate_limited(SLACK_PATH, 7, 1));
        let err = slack(&sb).send(&message(TransitionKind::New, sample_finding())).await.unwrap_err();
        match err {
            SinkError::Retryable { retry_after, message } => {
                assert_eq!(retry_after, Some(Duration::from_secs(7)));
                assert!(message.contains("429"), "{message}");
            }
            other => panic!("expected retryable, got {other:?}"),
        }
    }

    #[tokio::test]
    async fn slack_archived_channel_is_permanent_with_slacks_word() {
        let sb = Sandbox::start().await.unwrap();
        sb.inject(Fault { body: "channel_is_archived".into(), ..Fault::status(SLACK_PATH, 410, 1) });
        let err = slack(&sb).send(&message(TransitionKind::New, sample_finding())).await.unwrap_err();
        assert!(!err.is_retryable());
        assert!(err.to_string().contains("410: channel_is_archived"), "{err}");

        sb.inject(Fault::status(SLACK_PATH, 503, 1));
        let err = slack(&sb).send(&message(TransitionKind::New, sample_finding())).await.unwrap_err();
        assert!(err.is_retryable(), "{err}");
    }

    #[test]
    fn slack_blocks_stay_within_block_and_section_limits() {
        let mut f = sample_finding();
        f.summary = "s".repeat(5000);
        f.resources = (0..400).map(|i| format!("resource-{i:04}-{}", "r".repeat(20))).collect();
        for i in 0..600 {
            f = f.field(format!("field-{i}"), "v".repeat(400));
        }
        let msg = message(TransitionKind::New, f);
        let n = SlackNotifier::new("x", Secret::new("https://hooks.example/limits-test-secret"), http(), templates());
        let body = n.body(&msg).unwrap();
        let blocks = body["blocks"].as_array().unwrap();
        assert!(blocks.len() <= MAX_BLOCKS, "{} blocks", blocks.len());
        for b in blocks {
            if let Some(t) = b["text"]["text"].as_str() {
                assert!(t.chars().count() <= MAX_SECTION_TEXT);
            }
        }
        let all = body.to_string();
        assert!(all.contains("more fields"), "cut fields must be counted");
        assert!(all.contains('…'));
        assert_eq!(blocks.last().unwrap()["type"], "context");
    }

    #[test]
    fn slack_preview_hides_the_webhook_url() {
        let n = SlackNotifier::new(
            "x",
            Secret::new("https://hooks.slack.com/services/T1/B1/previewsecretvalue"),
            http(),
            templates(),
        );
        let out = n.preview(&message(TransitionKind::New, sample_finding())).unwrap();
        assert!(out.starts_with("POST ****"));
        assert!(!out.contains("previewsecretvalue") && !out.contains("hooks.slack.com"));
    }
}
