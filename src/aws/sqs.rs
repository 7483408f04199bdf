//! The SQS queue `health ingest` reads (aws-sdk-sqs): receive with long polling, delete in
//! batches, release, send to the dead-letter queue, and find that queue from the
//! `RedrivePolicy`.
//!
//! Receiving waits up to 20 s on the first call (long polling: every SQS server is asked,
//! so an empty answer means an empty queue) and 1 s after, 10 messages a call, until the
//! limit or an answer with nothing new. A message received twice in one run (its
//! visibility timeout ran out meanwhile) counts once, under its latest receipt handle.
//! `DeleteMessageBatch` answers per entry; a failed entry is a failure of that message,
//! never taken as deleted.

use crate::aws::failure;
use aws_sdk_sqs::types::{
    ChangeMessageVisibilityBatchRequestEntry, DeleteMessageBatchRequestEntry, MessageAttributeValue, QueueAttributeName,
};
use std::collections::BTreeMap;

/// At most this many messages per receive and per batch call (SQS's limit).
const BATCH: usize = 10;
/// The first receive's long-polling wait (SQS's maximum).
const FIRST_WAIT_SECONDS: i32 = 20;
/// The later receives' wait: still long polling, so the answer covers every server.
const LATER_WAIT_SECONDS: i32 = 1;
/// The message attribute naming why a message was moved to the dead-letter queue.
pub const POISON_ATTRIBUTE: &str = "opskit-poison-reason";

const HINT: &str = "the identity needs the permissions in commands/health/iam-policy-ingest.json";

/// One received message.
#[derive(Debug, Clone)]
pub struct Received {
    pub id: String,
    pub receipt: String,
    pub body: String,
}

/// Where a queue is, from its URL: `https://sqs.<region>.amazonaws.com/<account>/<name>`
/// (or the legacy `https://<region>.queue.amazonaws.com/…`); an endpoint override's URL
/// (`http://127.0.0.1:4566/<account>/<name>`) names no region.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueueUrl {
    pub region: Option<String>,
    pub account: String,
    pub name: String,
}

impl QueueUrl {
    pub fn parse(url: &str) -> Option<QueueUrl> {
        let u = url::Url::parse(url).ok()?;
        let host = u.host_str()?;
        let region = host
            .strip_prefix("sqs.")
            .and_then(|h| h.split_once('.'))
            .filter(|(_, rest)| rest.starts_with("amazonaws.") || rest.starts_with("api.aws"))
            .map(|(r, _)| r.to_string())
            .or_else(|| host.split_once(".queue.amazonaws.").map(|(r, _)| r.to_string()));
        let mut path = u.path_segments()?.filter(|s| !s.is_empty());
        let (account, name) = (path.next()?, path.next()?);
        if path.next().is_some() || account.len() != 12 || !account.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        Some(QueueUrl { region, account: account.to_string(), name: name.to_string() })
    }
}

pub struct Queue {
    client: aws_sdk_sqs::Client,
    pub url: String,
}

impl Queue {
    pub fn new(sdk: &aws_config::SdkConfig, url: &str) -> Queue {
        Queue { client: aws_sdk_sqs::Client::new(sdk), url: url.to_string() }
    }

    /// The same client on another queue (the dead-letter queue).
    pub fn sibling(&self, url: &str) -> Queue {
        Queue { client: self.client.clone(), url: url.to_string() }
    }

    /// Up to `max` messages, in the order received.
    pub async fn receive(&self, max: usize) -> anyhow::Result<Vec<Received>> {
        let mut order: Vec<String> = Vec::new();
        let mut by_id: BTreeMap<String, Received> = BTreeMap::new();
        let mut wait = FIRST_WAIT_SECONDS;
        while order.len() < max {
            let want = (max - order.len()).min(BATCH) as i32;
            let out = self
                .client
                .receive_message()
                .queue_url(&self.url)
                .max_number_of_messages(want)
                .wait_time_seconds(wait)
                .send()
                .await
                .map_err(|e| failure::classify("ReceiveMessage", &e).with_denied_hint(HINT))?;
            wait = LATER_WAIT_SECONDS;
            let mut new = 0;
            for m in out.messages() {
                let (Some(id), Some(receipt)) = (m.message_id(), m.receipt_handle()) else {
                    anyhow::bail!("ReceiveMessage: a message of {} without its id or receipt handle", self.url);
                };
                let r = Received {
                    id: id.to_string(),
                    receipt: receipt.to_string(),
                    body: m.body().unwrap_or_default().into(),
                };
                if by_id.insert(id.to_string(), r).is_none() {
                    order.push(id.to_string());
                    new += 1;
                }
            }
            if new == 0 {
                break;
            }
        }
        Ok(order.into_iter().filter_map(|id| by_id.remove(&id)).collect())
    }

    /// Delete `messages`; returns those SQS did not delete, with why. A failed call fails
    /// every message of its batch.
    pub async fn delete(&self, messages: &[&Received]) -> Vec<(String, String)> {
        let mut failed = Vec::new();
        for batch in messages.chunks(BATCH) {
            let entries: Vec<DeleteMessageBatchRequestEntry> = batch
                .iter()
                .enumerate()
                .filter_map(|(i, m)| {
                    DeleteMessageBatchRequestEntry::builder()
                        .id(format!("m{i}"))
                        .receipt_handle(&m.receipt)
                        .build()
                        .ok()
                })
                .collect();
            match self.client.delete_message_batch().queue_url(&self.url).set_entries(Some(entries)).send().await {
                Ok(out) => {
                    let ok: std::collections::BTreeSet<&str> = out.successful().iter().map(|s| s.id()).collect();
                    let errors: BTreeMap<&str, String> = out
                        .failed()
                        .iter()
                        .map(|f| (f.id(), format!("{}: {}", f.code(), f.message().unwrap_or("-"))))
                        .collect();
                    for (i, m) in batch.iter().enumerate() {
                        let id = format!("m{i}");
                        if !ok.contains(id.as_str()) {
                            let why = errors.get(id.as_str()).cloned().unwrap_or_else(|| "not in the answer".into());
                            failed.push((m.id.clone(), format!("DeleteMessageBatch: {why}")));
                        }
                    }
                }
                Err(e) => {
                    let f = failure::classify("DeleteMessageBatch", &e).with_denied_hint(HINT);
                    failed.extend(batch.iter().map(|m| (m.id.clone(), f.to_string())));
                }
            }
        }
        failed
    }

    /// Make `messages` visible again at once (a dry run took them only to look).
    pub async fn release(&self, messages: &[&Received]) -> anyhow::Result<()> {
        for batch in messages.chunks(BATCH) {
            let entries: Vec<ChangeMessageVisibilityBatchRequestEntry> = batch
                .iter()
                .enumerate()
                .filter_map(|(i, m)| {
                    ChangeMessageVisibilityBatchRequestEntry::builder()
                        .id(format!("m{i}"))
                        .receipt_handle(&m.receipt)
                        .visibility_timeout(0)
                        .build()
                        .ok()
                })
                .collect();
            let out = self
                .client
                .change_message_visibility_batch()
                .queue_url(&self.url)
                .set_entries(Some(entries))
                .send()
                .await
                .map_err(|e| failure::classify("ChangeMessageVisibilityBatch", &e).with_denied_hint(HINT))?;
            if let Some(f) = out.failed().first() {
                anyhow::bail!("ChangeMessageVisibilityBatch: {}: {}", f.code(), f.message().unwrap_or("-"));
            }
        }
        Ok(())
    }

    /// Send `body` with the attribute [`POISON_ATTRIBUTE`] = `reason`.
    pub async fn send_poison(&self, body: &str, reason: &str) -> anyhow::Result<()> {
        let reason = crate::text::truncate_chars(reason, 256);
        let attr = MessageAttributeValue::builder().data_type("String").string_value(reason).build()?;
        // SQS refuses an empty body; a poison message may be one.
        let body = if body.is_empty() { "(empty message)" } else { body };
        self.client
            .send_message()
            .queue_url(&self.url)
            .message_body(body)
            .message_attributes(POISON_ATTRIBUTE, attr)
            .send()
            .await
            .map_err(|e| failure::classify("SendMessage", &e).with_denied_hint(HINT))?;
        Ok(())
    }

    /// The URL of the dead-letter queue the queue's `RedrivePolicy` names, if it has one.
    pub async fn dead_letter_queue(&self) -> anyhow::Result<Option<String>> {
        let out = self
            .client
            .get_queue_attributes()
            .queue_url(&self.url)
            .attribute_names(QueueAttributeName::RedrivePolicy)
            .send()
            .await
            .map_err(|e| failure::classify("GetQueueAttributes", &e).with_denied_hint(HINT))?;
        let Some(policy) = out.attributes().and_then(|a| a.get(&QueueAttributeName::RedrivePolicy)) else {
            return Ok(None);
        };
        let v: serde_json::Value = serde_json::from_str(policy)
            .map_err(|e| anyhow::anyhow!("the RedrivePolicy of {} is not JSON: {e}", self.url))?;
        let Some(arn) = v.get("deadLetterTargetArn").and_then(|a| a.as_str()) else {
            anyhow::bail!("the RedrivePolicy of {} names no deadLetterTargetArn", self.url);
        };
        // arn:aws:sqs:<region>:<account>:<name>
        let parts: Vec<&str> = arn.splitn(6, ':').collect();
        let [_, _, "sqs", _, account, name] = parts.as_slice() else {
            anyhow::bail!("the RedrivePolicy of {} names `{arn}`, not an SQS queue ARN", self.url);
        };
        let out = self
            .client
            .get_queue_url()
            .queue_name(*name)
            .queue_owner_aws_account_id(*account)
            .send()
            .await
            .map_err(|e| failure::classify("GetQueueUrl", &e).with_denied_hint(HINT))?;
        match out.queue_url() {
            Some(u) if !u.is_empty() => Ok(Some(u.to_string())),
            _ => anyhow::bail!("GetQueueUrl: no URL for the dead-letter queue {arn}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_queue_url_names_its_region_account_and_name() {
        let q = QueueUrl::parse("https://sqs.us-east-1.amazonaws.com/111122223333/opskit-health-events").unwrap();
        assert_eq!(q.region.as_deref(), Some("us-east-1"));
        assert_eq!((q.account.as_str(), q.name.as_str()), ("111122223333", "opskit-health-events"));
        let legacy = QueueUrl::parse("https://ap-northeast-1.queue.amazonaws.com/111122223333/q").unwrap();
        assert_eq!(legacy.region.as_deref(), Some("ap-northeast-1"));
        let local = QueueUrl::parse("http://127.0.0.1:5000/123456789012/q").unwrap();
        assert_eq!(local.region, None);
        assert!(QueueUrl::parse("https://sqs.us-east-1.amazonaws.com/q").is_none());
        assert!(QueueUrl::parse("not a url").is_none());
    }
}
