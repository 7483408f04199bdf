//! Turning a configured sink (`[sinks.NAME]`) into its notifier, with an HTTP client that
//! carries the sink's connect timeout, the templates and, for SNS, the AWS config of the
//! account it publishes as.

use super::templates::Templates;
use super::{BacklogIssueNotifier, PagerDutyNotifier, SlackNotifier, SnsNotifier, StdoutNotifier, WebhookNotifier};
use crate::backlog::BacklogClient;
use crate::config::Sink;
use crate::context::Context;
use crate::spine::deliver::Notifier;
use std::sync::Arc;

pub async fn build(
    name: &str,
    sink: &Sink,
    ctx: &Context,
    templates: Arc<Templates>,
) -> anyhow::Result<Arc<dyn Notifier>> {
    let timeouts = ctx.config.sink_timeouts(name);
    let http = super::sink_client(&timeouts)?;
    Ok(match sink {
        Sink::Slack { webhook_url } => Arc::new(SlackNotifier::new(name, webhook_url.clone(), http, templates)),
        Sink::Pagerduty { routing_key, events_url } => {
            Arc::new(PagerDutyNotifier::new(name, routing_key.clone(), events_url.clone(), http, templates))
        }
        Sink::Sns { topic_arn, account, profile, region } => {
            let sdk =
                crate::aws::sdk_config_for(&ctx.aws, &ctx.config, account.as_deref(), profile.as_deref(), region).await;
            Arc::new(SnsNotifier::new(name, topic_arn.clone(), &sdk, timeouts.connect_timeout.0, templates))
        }
        Sink::BacklogIssue { project, issue_type, priority, resolve_status } => {
            let backlog = ctx
                .config
                .backlog
                .as_ref()
                .ok_or_else(|| anyhow::anyhow!("sink `{name}` needs the [backlog] section"))?;
            let client = BacklogClient::new(&backlog.base_url, backlog.api_key.clone(), http);
            Arc::new(BacklogIssueNotifier::new(
                name,
                client,
                project.clone(),
                issue_type.clone(),
                priority.clone(),
                resolve_status.clone(),
                templates,
            ))
        }
        Sink::Webhook { url, secret, signature_header } => {
            Arc::new(WebhookNotifier::new(name, url.clone(), secret.clone(), signature_header.clone(), http))
        }
        Sink::Stdout => Arc::new(StdoutNotifier::new(name, templates)),
    })
}
