//! The Slack sink: one message per transition through an incoming webhook
//! (`POST https://hooks.slack.com/services/…`, JSON `{text, blocks}` in Block Kit).
//!
//! The webhook URL is the secret, so it never appears in an error or a preview. `text`
//! (the notification fallback) and the first section come from `slack.md.j2`; the
//! structured blocks (severity, account, region, resources, fields, links) are built
//! here, within Slack's limits of 50 blocks and 3,000 characters per section text.

use super::templates::{self, Templates, mrkdwn_escape, truncate_chars};
use super::{Message, Notifier, Receipt, SinkError};
use crate::redact::Secret;
use crate::spine::finding::TransitionKind;
use async_trait::async_trait;
use serde_json::{Value, json};
use std::sync::Arc;

/// Slack refuses a message with more blocks than this.
const MAX_BLOCKS: usize = 50;
/// Slack refuses a section whose text is longer than this.
const MAX_SECTION_TEXT: usize = 3000;
/// A header block's plain text limit.
const MAX_HEADER_TEXT: usize = 150;
/// A section's `fields` hold at most 10 items of at most 2,000 characters.
const MAX_SECTION_FIELDS: usize = 10;
const MAX_SECTION_FIELD_TEXT: usize = 2000;

pub struct SlackNotifier {
    name: String,
    webhook_url: Secret,
    http: reqwest::Client,
    templates: Arc<Templates>,
}

impl SlackNotifier {
    pub fn new(
        name: &str,
        webhook_url: Secret,
        http: reqwest::Client,
        templates: Arc<Templates>,
    ) -> Self {
        SlackNotifier {
            name: name.to_string(),
            webhook_url,
            http,
            templates,
        }
    }

    /// The JSON body: `{text, blocks}`.
    pub fn body(&self, msg: &Message) -> Result<Value, SinkError> {
        let text = self.templates.render(templates::SLACK, msg)?;
        let text = truncate_chars(text.trim(), MAX_SECTION_TEXT);
        Ok(json!({ "text": text, "blocks": blocks(msg, &text) }))
    }

    fn what(&self) -> String {
        format!("slack sink `{}`", self.name)
    }
}

fn section(text: &str) -> Value {
    json!({
        "type": "section",
        "text": { "type": "mrkdwn", "text": truncate_chars(text, MAX_SECTION_TEXT) }
    })
}

/// Link text cannot contain `|` inside Slack's `<href|text>`.
fn slack_link(href: &str, text: &str) -> String {
    format!(
        "<{}|{}>",
        href.replace('|', "%7C").replace('>', "%3E"),
        mrkdwn_escape(&text.replace('|', "¦"))
    )
}

fn blocks(msg: &Message, body: &str) -> Vec<Value> {
    let f = &msg.finding;
    let word = if msg.kind == TransitionKind::Resolved {
        "RESOLVED"
    } else {
        templates::severity_word(f.severity)
    };
    let emoji = templates::severity_emoji(msg.kind, f.severity);
    let test = if msg.test { "[TEST] " } else { "" };
    let header = truncate_chars(
        &templates::one_line(&format!("{test}{emoji} {word}: {}", f.title)),
        MAX_HEADER_TEXT,
    );
    let mut out = vec![
        json!({ "type": "header", "text": { "type": "plain_text", "text": header, "emoji": true } }),
        section(body),
    ];

    // The facts people scan for, as a two-column grid. Severity is spelled out so the
    // message reads the same without colour or emoji.
    let mut facts = vec![format!(
        "*Severity*\n{emoji} {}{}",
        templates::severity_word(f.severity),
        if msg.kind == TransitionKind::Resolved {
            " (resolved)"
        } else {
            ""
        }
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
            .map(|t| json!({ "type": "mrkdwn", "text": truncate_chars(t, MAX_SECTION_FIELD_TEXT) }))
            .collect::<Vec<_>>(),
    }));

    if !f.resources.is_empty() {
        let lines: Vec<String> = f
            .resources
            .iter()
            .map(|r| format!("• `{}`", mrkdwn_escape(r)))
            .collect();
        out.push(section(&format!("*Resources*\n{}", lines.join("\n"))));
    }

    // Links and the context line always fit; fields get what is left of the budget.
    let links: Vec<String> = f
        .links
        .iter()
        .map(|l| slack_link(&l.href, &l.text))
        .collect();
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
        "elements": [ { "type": "mrkdwn", "text": truncate_chars(&context, MAX_SECTION_TEXT) } ]
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
            truncate_chars(
                &format!(
                    "*{}*: {}",
                    mrkdwn_escape(&fl.name),
                    mrkdwn_escape(&fl.value)
                ),
                MAX_SECTION_TEXT - 100,
            )
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
        let status = resp.status();
        let retry_after = super::retry_after(resp.headers());
        // Slack answers in plain text: `ok`, or an error word such as `channel_is_archived`.
        let text = resp.text().await.unwrap_or_default();
        let word = super::body_excerpt(&text);
        if status.is_success() {
            return Ok(Receipt::default());
        }
        let message = format!(
            "{}: slack answered {}: {}",
            self.what(),
            status.as_u16(),
            if word.is_empty() { "(no body)" } else { &word }
        );
        if status.as_u16() == 429 || status.is_server_error() {
            Err(SinkError::retryable(message, retry_after))
        } else {
            Err(SinkError::permanent(message))
        }
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
