//! `opskit respond log`: the audit trail of first-response scenarios. The scenarios
//! themselves run inside every producer's run (the spine's respond stage); this command
//! only reads what they kept: each execution, and each step's input, output, duration and
//! outcome.

use crate::cli::{OutputFormat, RespondLogArgs};
use crate::commands::Output;
use crate::context::Context;
use crate::error::{AppError, AppResult};
use crate::output::Col;
use crate::respond::Execution;

pub async fn log(ctx: &Context, a: &RespondLogArgs) -> AppResult<Output> {
    let state = ctx.read_state()?;
    let mut list = crate::respond::stage::executions(state.as_ref()).await?;
    if let Some(since) = &a.since {
        let d = crate::config::Dur::parse(since).map_err(|e| AppError::usage(format!("--since: {e}")))?;
        let from = ctx.now() - jiff::SignedDuration::try_from(d.0).unwrap_or(jiff::SignedDuration::MAX);
        list.retain(|e| e.created >= from);
    }
    if let Some(s) = &a.scenario {
        list.retain(|e| &e.scenario == s);
    }
    if let Some(s) = &a.source {
        list.retain(|e| &e.source == s);
    }
    if let Some(k) = &a.key {
        let glob = globset::Glob::new(k).map_err(|e| AppError::usage(format!("--key: {e}")))?.compile_matcher();
        list.retain(|e| glob.is_match(&e.key));
    }
    if let Some(id) = &a.id {
        list.retain(|e| &e.id == id || e.id.starts_with(id.as_str()));
        if list.is_empty() {
            return Err(AppError::usage(format!(
                "no scenario run with id `{id}`\nhint: `opskit respond log` lists them"
            )));
        }
    }
    list.truncate(a.limit);
    Ok(Output::text(render(ctx, &list, a.id.is_some() || a.steps)?))
}

fn render(ctx: &Context, list: &[Execution], steps: bool) -> AppResult<String> {
    let tz = &ctx.config.defaults.timezone;
    Ok(match ctx.global.output {
        OutputFormat::Json => serde_json::to_string_pretty(list).map_err(anyhow::Error::from)? + "\n",
        OutputFormat::Jsonl => list.iter().map(|e| serde_json::to_string(e).unwrap_or_default() + "\n").collect(),
        _ if list.is_empty() => "no scenario has run\n".into(),
        _ if steps => {
            let mut out = String::new();
            for e in list {
                out.push_str(&format!(
                    "{}  {}  {}/{}\n  {}\n  started {}{}  on {}\n",
                    e.id,
                    e.headline(),
                    e.source,
                    e.key,
                    e.title,
                    crate::time::local_time(e.created, tz),
                    e.ended.map(|t| format!(", ended {}", crate::time::local_time(t, tz))).unwrap_or_default(),
                    e.host,
                ));
                for s in &e.steps {
                    let took = s.duration_ms().map(|ms| format!(" {:.1} s", ms as f64 / 1000.0)).unwrap_or_default();
                    out.push_str(&format!(
                        "  {}. {} {} [{}]{took}: {}{}\n",
                        s.index + 1,
                        s.role.as_str(),
                        s.name,
                        s.outcome.as_str(),
                        s.input,
                        s.target.as_ref().map(|t| format!(" on {t}")).unwrap_or_default(),
                    ));
                    for line in s.output.lines() {
                        out.push_str(&format!("       | {line}\n"));
                    }
                }
                out.push('\n');
            }
            out
        }
        _ => {
            let mut t = crate::output::table(
                ctx.style,
                vec![
                    Col::id("STARTED"),
                    Col::id("SCENARIO"),
                    Col::id("STATUS"),
                    Col::text("FINDING"),
                    Col::id("STEPS").optional(1),
                    Col::text("WHY").optional(2),
                    Col::id("ID").optional(3),
                ],
            );
            for e in list {
                let ok = e.steps.iter().filter(|s| s.outcome == crate::respond::StepOutcome::Ok).count();
                t.add_row(vec![
                    crate::time::local_time(e.created, tz),
                    e.scenario.clone(),
                    e.status.as_str().to_string(),
                    format!("{}/{}", e.source, e.key),
                    format!("{ok}/{} ok", e.steps.len()),
                    e.reason.clone().unwrap_or_default(),
                    e.id.clone(),
                ]);
            }
            format!("{t}\n")
        }
    })
}
