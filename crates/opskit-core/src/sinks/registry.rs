//! Turning a configured sink (`[sinks.NAME]`) into its notifier, with an HTTP client that
//! carries the sink's connect timeout and the templates. SNS publishes with an AWS
//! account's credentials, so the app's AWS layer builds it (`opskit::aws::sns`).

use super::backlog_issue::Recipients;
use super::templates::Templates;
use super::{
    BacklogIssueNotifier, PagerDutyNotifier, SlackBotNotifier, SlackNotifier, StdoutNotifier, WebhookNotifier,
};
use crate::backlog::BacklogClient;
use crate::config::{Config, Sink};
use crate::spine::deliver::Notifier;
use std::sync::Arc;

/// A sink whose secret cannot be read fails here, naming the key and variable.
pub async fn build(
    name: &str,
    sink: &Sink,
    config: &Config,
    templates: Arc<Templates>,
) -> anyhow::Result<Arc<dyn Notifier>> {
    let timeouts = config.sink_timeouts(name);
    let http = super::sink_client(&timeouts)?;
    Ok(match sink {
        Sink::Slack { webhook_url } => Arc::new(SlackNotifier::new(name, webhook_url.get()?.clone(), http, templates)),
        Sink::SlackBot { token, channel, api_url, thread_replies } => Arc::new(SlackBotNotifier::new(
            name,
            token.get()?.clone(),
            channel.clone(),
            api_url.clone(),
            *thread_replies,
            http,
            templates,
        )),
        Sink::Pagerduty { routing_key, events_url, .. } => {
            Arc::new(PagerDutyNotifier::new(name, routing_key.get()?.clone(), events_url.clone(), http, templates))
        }
        Sink::Sns { .. } => anyhow::bail!("sink `{name}` is an SNS topic: the AWS layer builds it"),
        Sink::BacklogIssue { project, issue_type, priority, resolve_status, assignee, notify, category } => {
            let backlog =
                config.backlog.as_ref().ok_or_else(|| anyhow::anyhow!("sink `{name}` needs the [backlog] section"))?;
            let client = BacklogClient::new(&backlog.base_url, backlog.api_key.get()?.clone(), http);
            Arc::new(
                BacklogIssueNotifier::new(
                    name,
                    client,
                    project.clone(),
                    issue_type.clone(),
                    priority.clone(),
                    resolve_status.clone(),
                    templates,
                )
                .with_recipients(Recipients {
                    assignee: assignee.clone(),
                    notify: notify.clone(),
                    category: category.clone(),
                }),
            )
        }
        Sink::Webhook { url, secret, signature_header } => {
            let secret = secret.as_ref().map(|s| s.get().cloned()).transpose()?;
            Arc::new(WebhookNotifier::new(name, url.get()?.clone(), secret, signature_header.clone(), http))
        }
        Sink::Stdout => Arc::new(StdoutNotifier::new(name, templates)),
    })
}
