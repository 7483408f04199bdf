//! `opskit report ops`: arguments to a window, the kept history and scenario runs read from
//! the state (read only), the numbers built by [`crate::report::ops`], rendered as asked.
//! With `--metrics-file` the headline numbers go there as gauges too.

use crate::cli::{OutputFormat, ReportFormat, ReportOpsArgs, ReportPeriod};
use crate::commands::Output;
use crate::context::Context;
use crate::error::{AppError, AppResult};
use crate::report::ops::{self, OpsReport, Period, Window};

pub async fn ops(ctx: &Context, a: &ReportOpsArgs) -> AppResult<Output> {
    let d = crate::config::Dur::parse(&a.since).map_err(|e| AppError::usage(format!("--since: {e}")))?;
    let to = ctx.now();
    let from = jiff::SignedDuration::try_from(d.0)
        .ok()
        .and_then(|d| to.checked_sub(d).ok())
        .ok_or_else(|| AppError::usage(format!("--since: `{}` reaches before any time opskit can hold", a.since)))?;
    let by = match a.by {
        ReportPeriod::Day => Period::Day,
        ReportPeriod::Week => Period::Week,
        ReportPeriod::Month => Period::Month,
    };
    let state = ctx.read_state()?;
    // Every kept event, not only the window's: an episode that opened before the window
    // and closed in it counts where it closed. The history is pruned by age anyway.
    let events = crate::history::events_since(state.as_ref(), jiff::Timestamp::UNIX_EPOCH).await?;
    let executions = crate::respond::stage::executions(state.as_ref()).await?;
    let customer = |account: Option<&str>| match account {
        None => "-".to_string(),
        Some(x) => match ctx.config.account(x) {
            Some(acc) => acc.tags.get("customer").cloned().unwrap_or_else(|| acc.name.clone()),
            None => x.to_string(),
        },
    };
    let window = Window { from, to, by, timezone: ctx.config.defaults.timezone.clone() };
    let report = ops::build(&events, &executions, &customer, &window);
    ctx.add_metrics(&ops::metrics_text(&report));
    if a.wiki {
        let settings = crate::report::status::Settings::load(&ctx.config)?;
        let page = settings.ops_page.clone().unwrap_or_else(|| "opskit/ops".into());
        let html = ops::html(&report);
        let tz = &report.timezone;
        let volatile = [crate::time::local_time(report.to, tz), crate::time::local_time(report.from, tz)];
        let line = crate::commands::report::to_wiki(
            ctx,
            &settings,
            &page,
            &ops::markdown(&report),
            ("opskit-ops.html", html.as_bytes()),
            &volatile,
        )
        .await?;
        return Ok(Output::text(line + "\n"));
    }
    let text = render(ctx, a, &report)?;
    let Some(path) = &a.out else { return Ok(Output::text(text)) };
    if ctx.global.dry_run {
        return Ok(Output::text(format!("dry run: would write {} bytes to {}\n", text.len(), path.display())));
    }
    crate::report::write_page(path, text.as_bytes())
        .map_err(|e| anyhow::anyhow!("writing the report to {}: {e}", path.display()))?;
    tracing::info!("wrote the operations report to {}", path.display());
    Ok(Output::text(""))
}

fn render(ctx: &Context, a: &ReportOpsArgs, r: &OpsReport) -> AppResult<String> {
    if a.format == Some(ReportFormat::Html) {
        return Ok(ops::html(r));
    }
    Ok(match ctx.global.output {
        OutputFormat::Json => serde_json::to_string_pretty(r).map_err(anyhow::Error::from)? + "\n",
        OutputFormat::Jsonl => serde_json::to_string(r).map_err(anyhow::Error::from)? + "\n",
        OutputFormat::Csv => ops::csv(r),
        OutputFormat::Markdown | OutputFormat::Table | OutputFormat::Wide => ops::markdown(r),
    })
}
