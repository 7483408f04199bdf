//! Notification sinks: Slack, PagerDuty, SNS, Backlog issues, generic webhooks, stdout.
//!
//! A sink turns one [`Message`] (a transition of one finding) into one request. It does not
//! retry: the spine's delivery loop retries what a sink reports as retryable, honouring
//! `retry_after`, and commits only what a sink accepted. Message texts come from the
//! minijinja templates in `output-templates/` (see [`templates`]).

pub mod registry;
pub mod templates;

pub use registry::build;

use crate::spine::finding::{Finding, TransitionKind};
use async_trait::async_trait;
use std::time::Duration;

/// One notification: a transition of one finding, for one sink.
#[derive(Debug, Clone)]
pub struct Message {
    pub kind: TransitionKind,
    pub finding: Finding,
    /// What the sink was told last time (for Changed: what changed).
    pub previous: Option<Finding>,
    /// What the sink gave back last time (e.g. the Backlog issue key).
    pub external_ref: Option<String>,
    /// Since when the finding is in its current status.
    pub since: jiff::Timestamp,
    /// Time zone for times shown to people.
    pub timezone: String,
    /// `opskit notify test`: a message that says it is a test.
    pub test: bool,
}

/// What a sink gives back when it accepted a message.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Receipt {
    /// A handle to remember for follow-ups (Backlog issue key, Slack ts).
    pub external_ref: Option<String>,
}

#[derive(Debug, Clone, thiserror::Error)]
pub enum SinkError {
    /// Worth trying again (5xx, 429, timeouts, connection errors).
    #[error("{message}")]
    Retryable { message: String, retry_after: Option<Duration> },
    /// Trying again will not help (400 invalid payload, 403, 404, bad config).
    #[error("{message}")]
    Permanent { message: String },
}

impl SinkError {
    pub fn is_retryable(&self) -> bool {
        matches!(self, SinkError::Retryable { .. })
    }
}

#[async_trait]
pub trait Notifier: Send + Sync {
    /// The sink's name from the config.
    fn name(&self) -> &str;
    /// Deliver one message. Errors must not contain secrets (use `reqwest::Error::without_url`).
    async fn send(&self, msg: &Message) -> Result<Receipt, SinkError>;
    /// What `send` would transmit, for `--dry-run` (no secrets).
    fn preview(&self, msg: &Message) -> Result<String, SinkError>;
}
