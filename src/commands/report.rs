//! `opskit report status`: the current state across accounts as one page. Reads the state
//! (never creates it), calls no API, notifies no one.
//!
//! The format: without `--output` (that is, `--output table`, the default) the page is
//! HTML; `--output markdown` and `--output json` give those. `OutputFormat` has no `html`
//! variant on purpose: every other command would have to accept and refuse it, and an HTML
//! page is what this command is for. `wide`, `jsonl` and `csv` are usage errors.

use crate::cli::{OutputFormat, ReportStatusArgs};
use crate::commands::Output;
use crate::context::Context;
use crate::error::{AppError, AppResult};
use crate::report::status::Settings;

pub async fn status(ctx: &Context, a: &ReportStatusArgs) -> AppResult<Output> {
    let settings = Settings::load(&ctx.config)?;
    let format = ctx.global.output;
    if !matches!(format, OutputFormat::Table | OutputFormat::Markdown | OutputFormat::Json) {
        return Err(AppError::usage(format!(
            "`report status` writes HTML (the default), markdown or json, not {}\nhint: leave out --output for the HTML page",
            clap::ValueEnum::to_possible_value(&format).map(|v| v.get_name().to_string()).unwrap_or_default()
        )));
    }
    let state = ctx.read_state()?;
    let data = crate::report::collect(state.as_ref(), &ctx.config, &settings, ctx.now()).await?;
    let text = match format {
        OutputFormat::Markdown => crate::report::render_markdown(&data),
        OutputFormat::Json => crate::report::render_json(&data).map_err(anyhow::Error::from)?,
        _ => crate::report::render_html(&data).map_err(|e| anyhow::anyhow!("rendering the status page: {e:#}"))?,
    };
    let Some(path) = &a.out else { return Ok(Output::text(text)) };
    if ctx.global.dry_run {
        return Ok(Output::text(format!("dry run: would write {} bytes to {}\n", text.len(), path.display())));
    }
    crate::report::write_page(path, text.as_bytes())
        .map_err(|e| anyhow::anyhow!("writing the report to {}: {e}", path.display()))?;
    tracing::info!("wrote the status report to {}", path.display());
    Ok(Output::text(""))
}
