//! The spine's delivery interface: what it hands a sink ([`Message`]), what a sink gives
//! back ([`Receipt`], [`SinkError`]) and the trait every sink implements ([`Notifier`]).
//! Declared here, below the sinks, so the spine depends on no sink and each sink
//! (the `sinks` module) implements the spine's trait.

use crate::config::RouteBacklog;
use crate::redact::redact;
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
    /// The routing route's `slack_channel`: where a Slack bot posts this finding's
    /// message instead of the sink's own channel (follow-ups go where it was posted).
    pub route_channel: Option<String>,
    /// The routing route's `backlog` table: who a Backlog issue sink's issues and comments
    /// for this finding reach, instead of the sink's own.
    pub route_backlog: Option<RouteBacklog>,
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

    /// A permanent error; the text passes through [`redact`] as a second guard.
    pub fn permanent(message: impl AsRef<str>) -> SinkError {
        SinkError::Permanent { message: redact(message.as_ref()) }
    }

    /// A retryable error; the text passes through [`redact`] as a second guard.
    pub fn retryable(message: impl AsRef<str>, retry_after: Option<Duration>) -> SinkError {
        SinkError::Retryable { message: redact(message.as_ref()), retry_after }
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
