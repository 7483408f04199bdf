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
    // With --wiki the page goes to the Wiki, and stdout says what was done.
    let published = if a.wiki {
        let html = match format {
            OutputFormat::Table => text.clone(),
            _ => crate::report::render_html(&data).map_err(|e| anyhow::anyhow!("rendering the status page: {e:#}"))?,
        };
        let page = settings.status_page.clone().unwrap_or_else(|| "opskit/status".into());
        let markdown = crate::report::render_markdown(&data);
        let attachment = ("opskit-status.html", html.as_bytes());
        Some(to_wiki(ctx, &settings, &page, &markdown, attachment, std::slice::from_ref(&data.generated_local)).await?)
    } else {
        None
    };
    let Some(path) = &a.out else {
        return Ok(Output::text(published.map(|l| l + "\n").unwrap_or(text)));
    };
    if ctx.global.dry_run {
        return Ok(Output::text(format!("dry run: would write {} bytes to {}\n", text.len(), path.display())));
    }
    crate::report::write_page(path, text.as_bytes())
        .map_err(|e| anyhow::anyhow!("writing the report to {}: {e}", path.display()))?;
    tracing::info!("wrote the status report to {}", path.display());
    Ok(Output::text(""))
}

/// Put a report on the Backlog Wiki page `page` of `[commands.report] wiki_project`: its text
/// `markdown` (in a project that writes Backlog notation, a pointer to the attachment), the
/// HTML attached; written only when something but `volatile` (the time it was made, the
/// window's ends) changed.
/// Returns one line saying what was done.
pub async fn to_wiki(
    ctx: &Context,
    settings: &Settings,
    page: &str,
    markdown: &str,
    attachment: (&str, &[u8]),
    volatile: &[String],
) -> AppResult<String> {
    let generated = volatile.first().map(String::as_str).unwrap_or_default();
    use crate::inventory::pages::Notation;
    use crate::inventory::publish::{BacklogPages, PageStore as _};
    let Some(project) = settings.wiki_project.clone() else {
        return Err(AppError::usage(
            "--wiki needs the Backlog project: [commands.report] wiki_project = \"OPS\"\nhint: and [backlog] base_url and api_key_env",
        ));
    };
    let Some(backlog) = ctx.config.backlog.clone() else {
        return Err(AppError::usage("--wiki needs [backlog] base_url and api_key_env in the config"));
    };
    let client =
        crate::backlog::BacklogClient::new(&backlog.base_url, backlog.api_key.get()?.clone(), ctx.http.clone());
    let fail =
        |e: &dyn std::fmt::Display| AppError::Run(anyhow::anyhow!("backlog project {project}, page {page}: {e:#}"));
    let wiki = client.project_wiki(&project).await.map_err(|e| fail(&e))?;
    let store = BacklogPages::new(wiki, false);
    let text = match store.notation().await.map_err(|e| fail(&e))? {
        Notation::Markdown => markdown.to_string(),
        Notation::Backlog => format!(
            "The report is attached: {} (generated {generated}).\nThis project writes Backlog notation; in a Markdown project the report is on the page itself.",
            attachment.0
        ),
    };
    let state = ctx.read_state()?;
    let stable =
        |s: &str| volatile.iter().filter(|v| !v.is_empty()).fold(s.to_string(), |t, v| t.replace(v.as_str(), ""));
    let wiki_page = crate::report::publish::WikiPage { name: page, text: &text, attachment: Some(attachment) };
    let done =
        crate::report::publish::to_wiki(&store, state.as_ref(), &wiki_page, stable, ctx.now(), ctx.global.dry_run)
            .await
            .map_err(|e| fail(&e))?;
    let prefix = if ctx.global.dry_run { "dry run: " } else { "" };
    Ok(format!(
        "{prefix}Backlog Wiki {project}/{page}: page {}, attachment {}",
        done.page,
        done.attachment.as_deref().unwrap_or("none")
    ))
}
