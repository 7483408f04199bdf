//! `opskit config check`: validate the config and print what it resolved to (secrets as
//! `****`); `--probe` also asks STS who each account's credentials are.

use crate::aws::{Target, caller_identity, fan_out};
use crate::cli::{ConfigCheckArgs, OutputFormat};
use crate::commands::Output;
use crate::config::{Config, Sink};
use crate::context::Context;
use crate::error::AppResult;
use serde::Serialize;
use std::fmt::Write;

#[derive(Serialize)]
struct Probe {
    account: String,
    region: String,
    ok: bool,
    detail: String,
}

fn sink_target(s: &Sink) -> String {
    match s {
        Sink::Slack { .. } => "webhook ****".into(),
        Sink::Pagerduty { events_url, .. } => format!("{events_url} (routing key ****)"),
        Sink::Sns { topic_arn, account, .. } => match account {
            Some(a) => format!("{topic_arn} as {a}"),
            None => topic_arn.clone(),
        },
        Sink::BacklogIssue { project, issue_type, priority, resolve_status } => format!(
            "project {project}, type {issue_type}, priority {priority}{}",
            resolve_status.as_ref().map(|s| format!(", resolve → {s}")).unwrap_or_default()
        ),
        Sink::Webhook { secret, signature_header, .. } => {
            format!(
                "url ****{}",
                if secret.is_some() { format!(", signed ({signature_header})") } else { String::new() }
            )
        }
        Sink::Stdout => "stdout".into(),
    }
}

fn human(ctx: &Context, c: &Config) -> String {
    let mut s = String::new();
    let file =
        c.file.as_ref().map(|p| p.display().to_string()).unwrap_or_else(|| "(none found; built-in defaults)".into());
    let _ = writeln!(s, "config: {file}: ok");
    let state = match ctx.state_location() {
        Ok(crate::context::StateLocation::None) => "none (stateless)".to_string(),
        Ok(loc) => loc.to_string(),
        Err(e) => format!("invalid: {e}"),
    };
    let d = &c.defaults;
    let _ = writeln!(
        s,
        "timezone {}; state {state}; concurrency {}; timeout {}; delivery attempts {} (backoff {}, max Retry-After {})",
        d.timezone, d.concurrency, d.timeout, d.delivery_attempts, d.retry_backoff, d.max_retry_wait
    );
    if let Some(b) = &c.backlog {
        let _ = writeln!(s, "backlog: {} (api key ****)", b.base_url);
    }
    let style = ctx.style;
    if !c.accounts.is_empty() {
        let mut t = crate::output::table(style, &["ACCOUNT", "ID", "CREDENTIALS", "REGIONS", "TAGS"]);
        for a in &c.accounts {
            let creds = match (&a.role_arn, &a.profile) {
                (Some(r), p) => format!(
                    "assume {r}{}{}",
                    a.external_id.as_ref().map(|_| " (external id ****)").unwrap_or(""),
                    p.as_ref().map(|p| format!(" from profile {p}")).unwrap_or_default()
                ),
                (None, Some(p)) => format!("profile {p}"),
                (None, None) => "default chain".into(),
            };
            let tags: Vec<String> = a.tags.iter().map(|(k, v)| format!("{k}={v}")).collect();
            t.add_row(vec![
                a.name.clone(),
                a.id.clone().unwrap_or_default(),
                creds,
                a.regions.join(","),
                tags.join(" "),
            ]);
        }
        let _ = writeln!(s, "\n{t}");
    }
    if !c.sinks.is_empty() {
        let mut t = crate::output::table(style, &["SINK", "TYPE", "TARGET"]);
        for (name, sink) in &c.sinks {
            t.add_row(vec![name.clone(), sink.kind().to_string(), sink_target(sink)]);
        }
        let _ = writeln!(s, "\n{t}");
    }
    if !c.routes.is_empty() {
        let mut t = crate::output::table(style, &["ROUTE", "MATCH", "SINKS", "NOTIFY AFTER", "QUIET HOURS"]);
        for r in &c.routes {
            let mut m = Vec::new();
            if !r.sources.is_empty() {
                m.push(format!("sources={}", r.sources.join(",")));
            }
            if let Some(sev) = r.min_severity {
                m.push(format!("severity>={sev}"));
            }
            if !r.accounts.is_empty() {
                m.push(format!("accounts={}", r.accounts.join(",")));
            }
            for (k, v) in &r.account_tags {
                m.push(format!("tag {k}={v}"));
            }
            if !r.keys.is_empty() {
                m.push(format!("keys={}", r.keys.join(",")));
            }
            let after = match &r.notify_after_duration {
                Some(d) => format!("{} obs, {d}", r.notify_after),
                None => format!("{} obs", r.notify_after),
            };
            let quiet = r
                .quiet_hours
                .as_ref()
                .map(|q| {
                    format!(
                        "{} window(s) {}{}",
                        q.windows.len(),
                        q.timezone,
                        if q.holidays.is_some() { " + JP holidays" } else { "" }
                    )
                })
                .unwrap_or_default();
            t.add_row(vec![
                r.name.clone(),
                if m.is_empty() { "everything".into() } else { m.join(" ") },
                r.sinks.join(","),
                after,
                quiet,
            ]);
        }
        let _ = writeln!(s, "\n{t}");
    }
    s
}

pub async fn check(ctx: &Context, a: &ConfigCheckArgs) -> AppResult<Output> {
    let c = &ctx.config;
    ctx.state_location()?;
    ctx.templates()?;
    let mut failed = false;
    let mut probes = Vec::new();
    if a.probe {
        let targets: Vec<Target> = crate::aws::select_targets(c, &ctx.global.account, &ctx.global.region)?
            .into_iter()
            .fold(Vec::<Target>::new(), |mut acc, t| {
                // One probe per account: credentials do not differ by region.
                if !acc.iter().any(|x| x.account.name == t.account.name) {
                    acc.push(t);
                }
                acc
            });
        let results = fan_out(targets, c.defaults.concurrency, ctx.timeout()?, |t| async move {
            caller_identity(&ctx.aws, &t.account, &t.region).await
        })
        .await;
        for (t, r) in results {
            failed |= r.is_err();
            probes.push(Probe {
                account: t.account.name.clone(),
                region: t.region.clone(),
                ok: r.is_ok(),
                detail: match r {
                    Ok(arn) => arn,
                    Err(e) => crate::redact::redact(&format!("{e:#}")),
                },
            });
        }
    }
    let text = match ctx.global.output {
        OutputFormat::Json | OutputFormat::Jsonl => {
            let v = serde_json::json!({ "config": c, "probes": if a.probe { Some(&probes) } else { None } });
            serde_json::to_string_pretty(&v).map_err(anyhow::Error::from)? + "\n"
        }
        _ => {
            let mut s = human(ctx, c);
            if a.probe {
                let mut t = crate::output::table(ctx.style, &["ACCOUNT", "REGION", "PROBE", "IDENTITY / ERROR"]);
                for p in &probes {
                    t.add_row(vec![
                        p.account.clone(),
                        p.region.clone(),
                        if p.ok { "ok" } else { "FAILED" }.into(),
                        p.detail.clone(),
                    ]);
                }
                if probes.is_empty() {
                    s.push_str("\nprobe: no accounts to probe\n");
                } else {
                    let _ = writeln!(s, "\n{t}");
                }
            }
            s
        }
    };
    Ok(Output::Text { text, failed })
}
