//! `opskit notify test --sink NAME`: one test message through one sink, with the same
//! retries as real deliveries, so an operator can check a webhook or key before relying on it.

use crate::cli::NotifyTestArgs;
use crate::commands::Output;
use crate::context::Context;
use crate::error::{AppError, AppResult};
use crate::spine::deliver::Message;
use crate::spine::engine::{RetryPolicy, send_with_retries};
use crate::spine::finding::{Finding, Severity, TransitionKind};

pub fn test_message(ctx: &Context, sink: &str) -> Message {
    let mut finding = Finding {
        summary: format!("This is a test message from opskit to the sink `{sink}`. No action is needed."),
        ..Finding::new("opskit", format!("opskit/test/{sink}"), Severity::Info, "opskit test message")
    }
    .field("sink", sink)
    .field("host", crate::state::hostname());
    finding.ensure_fingerprint();
    Message {
        kind: TransitionKind::New,
        finding,
        previous: None,
        external_ref: None,
        since: ctx.now(),
        timezone: ctx.config.defaults.timezone.clone(),
        test: true,
        route_channel: None,
        route_backlog: None,
    }
}

pub async fn test(ctx: &Context, a: &NotifyTestArgs) -> AppResult<Output> {
    let sink = ctx.sink(&a.sink)?;
    // A secret the sink needs and cannot have is a config error (exit 2), naming the key.
    ctx.config.sink_secrets(&a.sink)?;
    let notifier = ctx.notifier(&a.sink, sink, ctx.templates()?).await.map_err(|e| {
        AppError::Run(anyhow::anyhow!("sink `{}`: {}", a.sink, crate::redact::redact(&format!("{e:#}"))))
    })?;
    let msg = test_message(ctx, &a.sink);
    if ctx.global.dry_run {
        let preview = notifier.preview(&msg).map_err(|e| AppError::Run(e.into()))?;
        return Ok(Output::text(format!("dry run: would send to `{}` ({}):\n{preview}\n", a.sink, sink.kind())));
    }
    let (policy, timeout_key) = RetryPolicy::from_config(&ctx.config).for_sink(&ctx.config, &a.sink);
    let (result, attempts) = send_with_retries(notifier.as_ref(), &msg, policy, &timeout_key).await;
    match result {
        Ok(r) => Ok(Output::text(format!(
            "sent a test message to `{}` ({}){}{}\n",
            a.sink,
            sink.kind(),
            r.external_ref.map(|x| format!(": {x}")).unwrap_or_default(),
            if attempts > 1 { format!(" after {attempts} attempts") } else { String::new() }
        ))),
        Err(e) => Err(AppError::Run(anyhow::anyhow!(
            "sink `{}` ({}) did not accept the test message after {attempts} attempt(s): {}",
            a.sink,
            sink.kind(),
            crate::redact::redact(&e.to_string())
        ))),
    }
}
