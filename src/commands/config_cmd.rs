//! `opskit config check`: validate the config and print what it resolved to (secrets as
//! `****`), or every problem of it at once (exit 2), checking locally what can be checked
//! without calling AWS; `--probe` also asks STS who each account's credentials are. With
//! `[[organizations]]`, `--discover` (and `--probe`) also show each organization's accounts
//! (id, name, OU path, state, how each is reached) and, probing, which could be reached.

use crate::aws::{Target, caller_identity, fan_out_with_progress};
use crate::cli::{ConfigCheckArgs, OutputFormat};
use crate::commands::Output;
use crate::config::{Config, ConfigError, Sink};
use crate::context::Context;
use crate::error::{AppError, AppResult};
use crate::output::Col;
use serde::Serialize;
use std::fmt::Write;

#[derive(Serialize, Clone)]
struct Probe {
    account: String,
    region: String,
    ok: bool,
    detail: String,
}

/// One organization with its accounts and, when probed, each one's outcome.
#[derive(Serialize)]
struct OrgView<'a> {
    #[serde(flatten)]
    report: &'a crate::organizations::OrgReport,
    probes: Vec<OrgProbe<'a>>,
}

#[derive(Serialize)]
struct OrgProbe<'a> {
    id: &'a str,
    name: &'a str,
    /// `ok`, `failed`, `skipped` (not ACTIVE), `configured` (probed as its `[[accounts]]`
    /// entry) or `not probed`.
    outcome: &'static str,
    detail: String,
}

fn sink_target(s: &Sink) -> String {
    match s {
        Sink::Slack { .. } => "webhook ****".into(),
        Sink::SlackBot { channel, api_url, thread_replies, .. } => format!(
            "bot in {channel} via {api_url} (token ****){}",
            if *thread_replies { ", thread replies" } else { "" }
        ),
        Sink::Pagerduty { events_url, rest, .. } => format!(
            "{events_url} (routing key ****){}",
            rest.as_ref()
                .map(|r| format!(
                    "; REST API {} (token ****){}",
                    r.api_url,
                    r.from
                        .as_ref()
                        .map(|f| format!(", as {f}"))
                        .unwrap_or_else(|| ", no `from` (cannot create maintenance windows)".into())
                ))
                .unwrap_or_default()
        ),
        Sink::Sns { topic_arn, account, .. } => match account {
            Some(a) => format!("{topic_arn} as {a}"),
            None => topic_arn.clone(),
        },
        Sink::BacklogIssue { project, issue_type, priority, resolve_status, assignee, notify, category } => format!(
            "project {project}, type {issue_type}, priority {priority}{}{}{}{}",
            resolve_status.as_ref().map(|s| format!(", resolve → {s}")).unwrap_or_default(),
            assignee.as_ref().map(|a| format!(", assignee {a}")).unwrap_or_default(),
            if notify.is_empty() { String::new() } else { format!(", notify {}", notify.join(" ")) },
            category.as_ref().map(|c| format!(", category {c}")).unwrap_or_default()
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
        "timezone {}; state {state}; concurrency {}; timeout {}; delivery attempts {} (backoff {}, max Retry-After {}, \
         sink timeout {} (connect {}), delivery deadline {})",
        d.timezone,
        d.concurrency,
        d.timeout,
        d.delivery_attempts,
        d.retry_backoff,
        d.max_retry_wait,
        d.sink_timeout,
        d.sink_connect_timeout,
        d.delivery_deadline
    );
    if let Some(b) = &c.backlog {
        let _ = writeln!(s, "backlog: {} (api key ****)", b.base_url);
    }
    let style = ctx.style;
    let discovered = discovered_names(ctx);
    let configured: Vec<&crate::config::Account> =
        c.accounts.iter().filter(|a| !discovered.contains(&a.name)).collect();
    if !configured.is_empty() {
        let mut t = crate::output::table(
            style,
            vec![
                Col::id("ACCOUNT"),
                Col::id("ID"),
                Col::text("CREDENTIALS"),
                Col::text("REGIONS"),
                Col::text("TAGS").optional(1),
            ],
        );
        for a in configured {
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
            t.add_row(vec![a.name.clone(), a.id.clone().unwrap_or_default(), creds, regions_text(a), tags.join(" ")]);
        }
        let _ = writeln!(s, "\n{t}");
    }
    if !c.organizations.is_empty() {
        let mut t = crate::output::table(
            style,
            vec![
                Col::id("ORGANIZATION"),
                Col::text("CREDENTIALS"),
                Col::id("MEMBER ROLE").optional(2),
                Col::text("SCOPE"),
                Col::text("REGIONS"),
                Col::text("TAGS").optional(1),
            ],
        );
        for o in &c.organizations {
            let creds = match &o.profile {
                Some(p) => format!("profile {p}"),
                None => "default chain".into(),
            };
            let role =
                format!("{}{}", o.role_name, o.external_id.as_ref().map(|_| " (external id ****)").unwrap_or(""));
            let mut scope = Vec::new();
            if !o.include_ous.is_empty() {
                scope.push(format!("in {}", o.include_ous.join(",")));
            }
            if !o.exclude_ous.is_empty() {
                scope.push(format!("not in {}", o.exclude_ous.join(",")));
            }
            if !o.accounts.is_empty() {
                scope.push(format!("only {}", o.accounts.join(",")));
            }
            if !o.skip_accounts.is_empty() {
                scope.push(format!("skip {}", o.skip_accounts.join(",")));
            }
            if scope.is_empty() {
                scope.push("whole organization".into());
            }
            scope.push(format!("cached {}", o.cache_ttl));
            let mut tags: Vec<String> = o.tags.iter().map(|(k, v)| format!("{k}={v}")).collect();
            if !o.copy_tags.is_empty() {
                tags.push(format!("copied: {}", o.copy_tags.join(",")));
            }
            t.add_row(vec![o.name.clone(), creds, role, scope.join("; "), o.regions.join(","), tags.join(" ")]);
        }
        let _ = writeln!(s, "\n{t}");
    }
    if !c.sinks.is_empty() {
        let mut t = crate::output::table(
            style,
            vec![Col::id("SINK"), Col::id("TYPE"), Col::text("TARGET"), Col::id("TIMEOUT").optional(1)],
        );
        for (name, sink) in &c.sinks {
            let to = c.sink_timeouts(name);
            let timeout = format!("{} (connect {})", to.timeout, to.connect_timeout);
            t.add_row(vec![name.clone(), sink.kind().to_string(), sink_target(sink), timeout]);
        }
        let _ = writeln!(s, "\n{t}");
    }
    if !c.routes.is_empty() {
        let mut t = crate::output::table(
            style,
            vec![
                Col::id("ROUTE"),
                Col::text("MATCH"),
                Col::text("SINKS"),
                Col::id("NOTIFY AFTER").optional(1),
                Col::text("QUIET HOURS").optional(2),
            ],
        );
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
                route_sinks_text(r),
                after,
                quiet,
            ]);
        }
        let _ = writeln!(s, "\n{t}");
    }
    if !c.scenarios.is_empty() {
        let mut t = crate::output::table(
            style,
            vec![Col::id("SCENARIO"), Col::text("MATCH"), Col::text("STEPS"), Col::text("RECOVER").optional(1)],
        );
        for sc in &c.scenarios {
            let mut m = Vec::new();
            if !sc.sources.is_empty() {
                m.push(format!("sources={}", sc.sources.join(",")));
            }
            if let Some(sev) = sc.min_severity {
                m.push(format!("severity>={sev}"));
            }
            if !sc.keys.is_empty() {
                m.push(format!("keys={}", sc.keys.join(",")));
            }
            if !sc.accounts.is_empty() {
                m.push(format!("accounts={}", sc.accounts.join(",")));
            }
            for (k, v) in &sc.account_tags {
                m.push(format!("tag {k}={v}"));
            }
            let steps: Vec<String> =
                sc.steps.iter().map(|st| format!("{} {} ({})", st.role.as_str(), st.name, st.action.kind())).collect();
            let recover = if !sc.has_recover() {
                "none".to_string()
            } else if !c.respond.recover {
                "switched off ([respond] recover = false)".to_string()
            } else if sc.allow_recover {
                format!("allowed, once per {}", sc.recover_once_per)
            } else {
                "shown only (allow_recover = false)".to_string()
            };
            t.add_row(vec![
                sc.name.clone(),
                if m.is_empty() { "everything".into() } else { m.join(" ") },
                steps.join("; "),
                recover,
            ]);
        }
        let _ = writeln!(s, "\nscenarios (budget {} per run):\n{t}", c.respond.budget);
    }
    s
}

/// A route's sinks, then what it overrides in them: `slack-bot (channel #ops-acme)`,
/// `backlog (assignee tanaka, notify sato+kato, category Network)`. An override that
/// changes who is told belongs where the operator checks the routing.
fn route_sinks_text(r: &crate::config::Route) -> String {
    let mut parts = vec![r.sinks.join(",")];
    if let Some(ch) = &r.slack_channel {
        parts.push(format!("(slack channel {ch})"));
    }
    if let Some(b) = &r.backlog {
        let mut o = Vec::new();
        if let Some(a) = &b.assignee {
            o.push(format!("assignee {a}"));
        }
        if let Some(n) = &b.notify {
            o.push(if n.is_empty() { "notify nobody".to_string() } else { format!("notify {}", n.join("+")) });
        }
        if let Some(c) = &b.category {
            o.push(format!("category {c}"));
        }
        parts.push(format!("(backlog {})", o.join(", ")));
    }
    parts.join(" ")
}

/// An account's regions and, when its entry did not name them, where they came from
/// (`ap-northeast-1 (profile acme)`), or `NONE` when nothing names one.
fn regions_text(a: &crate::config::Account) -> String {
    use crate::config::RegionSource;
    match &a.regions_from {
        RegionSource::Regions => a.regions.join(","),
        RegionSource::Unresolved(_) if a.regions.is_empty() => "NONE (see the error below)".into(),
        from => format!("{} (from {from})", a.regions.join(",")),
    }
}

/// Names of the accounts discovery added (shown under their organization, not as
/// configured accounts).
fn discovered_names(ctx: &Context) -> std::collections::BTreeSet<String> {
    let reached = |a: &&crate::organizations::Listed| a.reached_by == "role" || a.reached_by == "profile";
    ctx.discovery.organizations.iter().flat_map(|o| o.accounts.iter().filter(reached).map(|a| a.name.clone())).collect()
}

fn source_text(ctx: &Context, r: &crate::organizations::OrgReport) -> String {
    use crate::organizations::Source;
    let tz = &ctx.config.defaults.timezone;
    match &r.source {
        Source::Live => "listed now".into(),
        Source::Cache { at } => format!("cached at {}", crate::output::local_time(*at, tz)),
        Source::StaleCache { at, error } => {
            format!("listing FAILED, using the cache of {}: {error}", crate::output::local_time(*at, tz))
        }
        Source::Failed { error } => format!("FAILED: {error}"),
        Source::NotListed => "not listed".into(),
    }
}

fn org_views<'a>(ctx: &'a Context, probes: &[Probe], probed: bool) -> Vec<OrgView<'a>> {
    ctx.discovery
        .organizations
        .iter()
        .map(|report| {
            let probes = report
                .accounts
                .iter()
                .map(|a| {
                    let p = probes.iter().find(|p| p.account == a.name);
                    let (outcome, detail) = match (a.reached_by.as_str(), p) {
                        ("skipped", _) => ("skipped", format!("account is {} in the organization: not used", a.state)),
                        ("configured", Some(p)) => ("configured", format!("as [[accounts]] {}: {}", a.name, p.detail)),
                        ("configured", None) => ("configured", format!("as [[accounts]] {}", a.name)),
                        (_, Some(p)) if p.ok => ("ok", p.detail.clone()),
                        (_, Some(p)) => ("failed", p.detail.clone()),
                        (_, None) if probed => ("not probed", "not selected by --account".into()),
                        (by, None) => ("not probed", format!("reached by {by}")),
                    };
                    OrgProbe { id: &a.id, name: &a.name, outcome, detail }
                })
                .collect();
            OrgView { report, probes }
        })
        .collect()
}

fn org_tables(ctx: &Context, views: &[OrgView], probed: bool, s: &mut String) {
    for v in views {
        let r = v.report;
        let listed = r.accounts.iter().filter(|a| a.reached_by == "role" || a.reached_by == "profile").count();
        let skipped = r.accounts.iter().filter(|a| a.reached_by == "skipped").count();
        let _ = writeln!(
            s,
            "\norganization {}{}{}: {listed} account(s) used, {skipped} skipped; {}",
            r.name,
            r.organization_id.as_ref().map(|id| format!(" ({id}")).unwrap_or_default(),
            r.management_account
                .as_ref()
                .map(|m| format!(", management account {m})"))
                .unwrap_or_else(|| if r.organization_id.is_some() { ")".into() } else { String::new() }),
            source_text(ctx, r)
        );
        if r.accounts.is_empty() {
            continue;
        }
        let mut header = vec![
            Col::id("ACCOUNT"),
            Col::id("ID"),
            Col::text("OU").optional(2),
            Col::id("STATE"),
            Col::text("REACHED BY").optional(1),
        ];
        if probed {
            header.extend([Col::id("PROBE"), Col::text("IDENTITY / ERROR")]);
        }
        let mut t = crate::output::table(ctx.style, header);
        for (a, p) in r.accounts.iter().zip(&v.probes) {
            let mut row = vec![
                a.name.clone(),
                a.id.clone(),
                a.ou_path.clone().unwrap_or_else(|| "-".into()),
                a.state.clone(),
                a.reached_by.clone(),
            ];
            if probed {
                row.push(p.outcome.to_string());
                row.push(p.detail.clone());
            }
            t.add_row(row);
        }
        let _ = writeln!(s, "{t}");
    }
}

/// What `config check` finds wrong beyond the file's own structure (which the loading
/// reported): secrets that cannot be read, the IMAP password included, profiles missing from
/// the AWS config files, region names AWS does not have, accounts with no region. Local
/// only: no AWS call.
async fn problems(ctx: &Context, c: &Config) -> AppResult<Vec<ConfigError>> {
    let mut out = c.secret_problems();
    if let Some(imap) = crate::commands::maintenance_mail::Settings::load(c)?.imap
        && let Err(e) = imap.password(c, &ctx.env)
    {
        out.push(e);
    }
    let text = c.file.as_ref().and_then(|f| std::fs::read_to_string(f).ok()).unwrap_or_default();
    let at = |key: String, message: String, hint: Option<String>| ConfigError {
        file: c.file.clone(),
        line: crate::config::locate(&text, &key),
        key: Some(key),
        message,
        hint,
    };
    // The calendars' secrets, read only when `calendar sync` runs: said here all at once.
    for (i, src) in crate::commands::calendar::Settings::load(c)?.sources.iter().enumerate() {
        for (k, var) in [("url_env", &src.url_env), ("password_env", &src.password_env)] {
            if let Some(var) = var
                && ctx.env.get(var).is_none_or(|v| v.trim().is_empty())
            {
                out.push(at(
                    format!("commands.calendar.sources[{i}].{k}"),
                    format!("environment variable `{var}` is not set or empty"),
                    Some(format!(
                        "export {var}=… in the environment of the opskit process (systemd: EnvironmentFile=)"
                    )),
                ));
            }
        }
        for (k, path) in [("url_file", &src.url_file), ("password_file", &src.password_file)] {
            if let Some(path) = path
                && let Err(e) = std::fs::read_to_string(path)
            {
                out.push(at(
                    format!("commands.calendar.sources[{i}].{k}"),
                    format!("cannot read {}: {e}", path.display()),
                    None,
                ));
            }
        }
    }
    // The configured accounts come first in `accounts`, in the order of the file.
    let discovered = discovered_names(ctx);
    let configured = || c.accounts.iter().enumerate().filter(|(_, a)| !discovered.contains(&a.name));
    let mut regions: Vec<(String, &str)> =
        c.defaults.regions.iter().map(|r| ("defaults.regions".into(), r.as_str())).collect();
    for (i, a) in configured().filter(|(_, a)| a.regions_from == crate::config::RegionSource::Regions) {
        regions.extend(a.regions.iter().map(|r| (format!("accounts[{i}].regions"), r.as_str())));
    }
    for (i, o) in c.organizations.iter().enumerate() {
        regions.extend(o.regions.iter().map(|r| (format!("organizations[{i}].regions"), r.as_str())));
    }
    for (name, sink) in &c.sinks {
        if let Sink::Sns { region, .. } = sink {
            regions.push((format!("sinks.{name}.region"), region.as_str()));
        }
    }
    for (key, r) in regions {
        if !crate::config::KNOWN_REGIONS.contains(&r) {
            let hint = match crate::config::did_you_mean(r, crate::config::KNOWN_REGIONS.iter().copied()) {
                Some(near) => format!("did you mean `{near}`?"),
                None => "regions are named like ap-northeast-1 (aws ec2 describe-regions lists them)".into(),
            };
            out.push(at(key, format!("`{r}` is not an AWS region"), Some(hint)));
        }
    }
    let mut named: Vec<(String, &str)> = Vec::new();
    for (i, a) in configured() {
        named.extend(a.profile.as_deref().map(|p| (format!("accounts[{i}].profile"), p)));
    }
    for (i, o) in c.organizations.iter().enumerate() {
        named.extend(o.profile.as_deref().map(|p| (format!("organizations[{i}].profile"), p)));
    }
    for (name, sink) in &c.sinks {
        if let Sink::Sns { profile: Some(p), .. } = sink {
            named.push((format!("sinks.{name}.profile"), p.as_str()));
        }
    }
    if !named.is_empty() {
        match crate::aws::missing_profiles(&ctx.env, named.iter().map(|(_, p)| *p)).await {
            Ok(missing) => {
                for (key, p) in &named {
                    let Some((_, near)) = missing.iter().find(|(m, _)| m == p) else { continue };
                    let hint = match near {
                        Some(n) => format!("did you mean `{n}`?"),
                        None => "add it to ~/.aws/config (aws configure --profile NAME), or set AWS_CONFIG_FILE".into(),
                    };
                    out.push(at(
                        key.clone(),
                        format!("profile `{p}` is not in the AWS config or credentials files"),
                        Some(hint),
                    ));
                }
            }
            Err(e) => out.push(ConfigError::plain(e)),
        }
    }
    // An account no region can be resolved for would be refused by every regional command.
    out.extend(c.accounts.iter().filter_map(|a| a.region_error()).map(ConfigError::plain));
    out.sort_by_key(|p| p.line.unwrap_or(usize::MAX));
    Ok(out)
}

pub async fn check(ctx: &Context, a: &ConfigCheckArgs) -> AppResult<Output> {
    let c = &ctx.config;
    if c.file.is_none() {
        let searched: Vec<String> =
            crate::config::search_path(&ctx.env).iter().map(|p| format!("\n  {}", p.display())).collect();
        return Err(AppError::usage(format!(
            "no config file found; looked for:{}\nhint: pass --config FILE or set OPSKIT_CONFIG; \
             `opskit config example > opskit.toml` writes a commented one, `opskit sandbox` runs one against a fake cloud",
            searched.concat()
        )));
    }
    ctx.state_location()?;
    ctx.templates()?;
    let problems = problems(ctx, c).await?;
    if !problems.is_empty() {
        return Err(ConfigError::many(problems).into());
    }
    let mut failed = !ctx.discovery.errors().is_empty();
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
        let bar = crate::aws::progress_bar("probing credentials", targets.len(), ctx.global.quiet);
        let results =
            fan_out_with_progress(targets, c.defaults.concurrency, ctx.timeout()?, bar.as_ref(), |t| async move {
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
    let listed = a.probe || a.discover;
    let views = if listed { org_views(ctx, &probes, a.probe) } else { Vec::new() };
    let discovered = discovered_names(ctx);
    let text = match ctx.global.output {
        OutputFormat::Json | OutputFormat::Jsonl => {
            let v = serde_json::json!({
                "config": c,
                "probes": if a.probe { Some(&probes) } else { None },
                "organizations": if listed { Some(&views) } else { None },
            });
            serde_json::to_string_pretty(&v).map_err(anyhow::Error::from)? + "\n"
        }
        _ => {
            let mut s = human(ctx, c);
            org_tables(ctx, &views, a.probe, &mut s);
            if a.probe {
                let mut t = crate::output::table(
                    ctx.style,
                    vec![Col::id("ACCOUNT"), Col::id("REGION"), Col::id("PROBE"), Col::text("IDENTITY / ERROR")],
                );
                let mut rows = 0;
                for p in probes.iter().filter(|p| !discovered.contains(&p.account)) {
                    rows += 1;
                    t.add_row(vec![
                        p.account.clone(),
                        p.region.clone(),
                        if p.ok { "ok" } else { "FAILED" }.into(),
                        p.detail.clone(),
                    ]);
                }
                if probes.is_empty() {
                    s.push_str("\nprobe: no accounts to probe\n");
                } else if rows > 0 {
                    let _ = writeln!(s, "\n{t}");
                }
            }
            s
        }
    };
    Ok(Output::Text { text, failed })
}
