//! `opskit wiki backup|list|verify|restore`: the arguments over `[commands.wiki]` become
//! settings, and the work is [`crate::wiki`]'s.
//!
//! `backup` is a producer like the watchers: each (project, destination) is one finding
//! keyed `wiki-backup/PROJECT/URL`, critical and open when its backup failed (Backlog or
//! the store), resolved when it succeeded, so a later success resolves a failure through
//! the routes and `--output table` is a status board of the last generations.

use crate::backlog::BacklogClient;
use crate::cli::{OutputFormat, WikiBackupArgs, WikiListArgs, WikiRestoreArgs, WikiVerifyArgs};
use crate::commands::Output;
use crate::config::{Config, ConfigError};
use crate::context::Context;
use crate::error::{AppError, AppResult};
use crate::output::Col;
use crate::spine::engine::{Collected, Scope, TargetError};
use crate::spine::finding::{Finding, Link, Severity, Status};
use crate::wiki::catalog::{self, Generation, State};
use crate::wiki::retention::{self, Keep, Pruned};
use crate::wiki::{Location, LocationError, backup, restore, verify};
use serde::{Deserialize, Serialize};
use std::fmt::Write as _;

pub const SOURCE: &str = "wiki-backup";
/// The config table: `[commands.wiki]`.
const SECTION: &str = "wiki";
/// The status board's columns.
pub const BOARD: &[&str] =
    &["project", "destination", "generation", "pages", "read", "attachments", "written", "pruned"];
/// Pages read from Backlog at once by default: Nulab asks for few parallel requests, and
/// the client waits out the rate limit whatever the number.
const DEFAULT_CONCURRENCY: usize = 4;
/// Objects read at once by verify and restore.
const READ_CONCURRENCY: usize = 8;

/// `[commands.wiki]`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Settings {
    /// Projects `wiki backup` backs up when `--project` is not given.
    pub projects: Vec<String>,
    /// The backup URL when `--to` / `--from` is not given.
    pub to: Option<String>,
    pub history: bool,
    pub keep_daily: Option<u32>,
    pub keep_weekly: Option<u32>,
    pub keep_monthly: Option<u32>,
    pub concurrency: Option<usize>,
}

impl Settings {
    pub fn load(config: &Config) -> Result<Settings, ConfigError> {
        config.command_settings(SECTION)
    }
}

/// `wiki backup`'s settings: flags over `[commands.wiki]` over defaults.
#[derive(Debug, Clone, Serialize)]
pub struct BackupSettings {
    pub projects: Vec<String>,
    pub to: String,
    pub history: bool,
    pub full: bool,
    pub keep: Keep,
    pub concurrency: usize,
}

fn keys(given: &[String]) -> Vec<String> {
    let mut v: Vec<String> = given.iter().map(|p| p.trim().to_string()).filter(|p| !p.is_empty()).collect();
    v.dedup();
    v
}

pub fn backup_settings(ctx: &Context, args: &WikiBackupArgs) -> AppResult<BackupSettings> {
    let s = Settings::load(&ctx.config)?;
    let projects = if args.project.is_empty() { keys(&s.projects) } else { keys(&args.project) };
    if projects.is_empty() {
        return Err(AppError::usage(
            "wiki backup needs a Backlog project\nhint: pass --project KEY, or set [commands.wiki] projects = [\"KEY\"]",
        ));
    }
    let Some(to) = args.to.clone().or(s.to) else {
        return Err(AppError::usage(
            "wiki backup needs a destination\nhint: pass --to file:///var/backups/wiki (or gs://, s3://), or set [commands.wiki] to",
        ));
    };
    let concurrency = args.concurrency.or(s.concurrency).unwrap_or(DEFAULT_CONCURRENCY);
    if concurrency == 0 {
        return Err(AppError::usage("--concurrency: must be at least 1"));
    }
    Ok(BackupSettings {
        projects,
        to,
        history: args.history || s.history,
        full: args.full,
        keep: Keep {
            daily: args.keep_daily.or(s.keep_daily).unwrap_or(0),
            weekly: args.keep_weekly.or(s.keep_weekly).unwrap_or(0),
            monthly: args.keep_monthly.or(s.keep_monthly).unwrap_or(0),
        },
        concurrency,
    })
}

/// `--from`, or `[commands.wiki] to`.
fn from_url(ctx: &Context, given: &Option<String>) -> AppResult<String> {
    match given.clone().or(Settings::load(&ctx.config)?.to) {
        Some(u) => Ok(u),
        None => Err(AppError::usage("no backup location\nhint: pass --from URL, or set [commands.wiki] to")),
    }
}

/// A location to read: a URL this build cannot open is a usage error, one whose place
/// is not there a failure of the run.
async fn open_existing(ctx: &Context, url: &str) -> AppResult<Location> {
    Location::open_with(url, false, &storage_settings(ctx).await?).await.map_err(|e| match e {
        LocationError::Unsupported(m) => AppError::usage(m),
        other => AppError::Run(anyhow::anyhow!("{other}")),
    })
}

/// Credentials for `s3://`: the account named by `--account` (its profile and role), else
/// the default AWS credential chain; `gs://` uses Application Default Credentials.
async fn storage_settings(ctx: &Context) -> AppResult<crate::storage::Settings> {
    let mut s = crate::storage::Settings::new(ctx.env.clone());
    if let Some(name) = ctx.global.account.first() {
        let acc = ctx.config.account(name).ok_or_else(|| {
            AppError::usage(format!(
                "no account `{name}` in the config for the S3 credentials\nhint: name one of [[accounts]], or leave it out to use the default AWS credential chain"
            ))
        })?;
        let region = acc.regions.first().map_or("us-east-1", |r| r.as_str()).to_string();
        s = s.with_aws(ctx.aws.config(acc, &region).await);
    }
    Ok(s)
}

fn backlog_client(ctx: &Context, what: &str) -> AppResult<BacklogClient> {
    let Some(backlog) = ctx.config.backlog.clone() else {
        return Err(AppError::usage(format!("{what} needs [backlog] base_url and api_key_env in the config")));
    };
    Ok(BacklogClient::new(&backlog.base_url, backlog.api_key.get()?.clone(), ctx.http.clone()))
}

/// `1.2 MB`: sizes as people read them (powers of 1000, as storage consoles show them).
fn human(bytes: u64) -> String {
    const UNITS: [&str; 5] = ["B", "kB", "MB", "GB", "TB"];
    let mut v = bytes as f64;
    let mut unit = 0;
    while v >= 1000.0 && unit + 1 < UNITS.len() {
        v /= 1000.0;
        unit += 1;
    }
    if unit == 0 { format!("{bytes} B") } else { format!("{v:.1} {}", UNITS[unit]) }
}

/// How one project's run went.
struct ProjectRun {
    project: String,
    /// The generation a failed backup had begun writing (left incomplete).
    begun: Option<String>,
    outcome: Option<backup::Outcome>,
    pruned: Option<Pruned>,
    /// What failed: the backup (critical) or only the pruning after it (warning).
    failure: Option<(Severity, String)>,
}

async fn back_up_one(
    ctx: &Context,
    client: &BacklogClient,
    loc: &Result<Location, String>,
    project: &str,
    s: &BackupSettings,
) -> ProjectRun {
    let started = ctx.now();
    let mut run = ProjectRun { project: project.to_string(), begun: None, outcome: None, pruned: None, failure: None };
    let loc = match loc {
        Ok(l) => l,
        Err(e) => {
            run.failure = Some((Severity::Critical, e.clone()));
            return run;
        }
    };
    let opts = backup::Options {
        history: s.history,
        full: s.full,
        concurrency: s.concurrency,
        dry_run: ctx.global.dry_run,
        started,
        finished: ctx.pinned_now,
        progress: !ctx.global.quiet,
    };
    let result = match client.project_wiki(project).await {
        Ok(wiki) => backup::backup_project(&wiki, loc, &opts).await,
        Err(e) => Err(backup::Failure { generation: None, error: e.into() }),
    };
    match result {
        Ok(o) => run.outcome = Some(o),
        Err(e) => {
            run.failure = Some((Severity::Critical, crate::redact::redact(&format!("{e:#}"))));
            run.begun = e.generation;
            return run;
        }
    }
    if s.keep.is_set() {
        let tz = jiff::tz::TimeZone::get(&ctx.config.defaults.timezone).unwrap_or(jiff::tz::TimeZone::UTC);
        match retention::prune(loc, project, s.keep, &tz, ctx.now(), ctx.global.dry_run).await {
            Ok(p) => run.pruned = Some(p),
            Err(e) => {
                let msg = format!("the backup is complete, but pruning old generations failed: {e:#}");
                run.failure = Some((Severity::Warning, crate::redact::redact(&msg)));
            }
        }
    }
    run
}

fn finding(space: &str, wiki_url: &str, dest: &str, run: &ProjectRun, previous: Option<Severity>) -> Finding {
    let key = format!("{SOURCE}/{}/{dest}", run.project);
    let pruned = run.pruned.as_ref().map(|p| {
        let mut gone = p.removed.len();
        gone += p.reduced.len();
        format!("{gone} ({} kept)", p.kept.len())
    });
    let mut f = match (&run.failure, &run.outcome) {
        (Some((severity, message)), outcome) => {
            let title = match outcome {
                Some(_) => format!("wiki backup of {} to {dest}: pruning failed", run.project),
                None => format!("wiki backup of {} to {dest} failed", run.project),
            };
            let mut f = Finding { summary: message.clone(), ..Finding::new(SOURCE, key, *severity, title) };
            // Another error message next run is the same failure, not news.
            f.fingerprint = format!("{severity}:failed");
            f
        }
        (None, Some(o)) => {
            let title = if o.dry_run {
                format!(
                    "wiki backup of {} to {dest}: dry run, {} of {} pages would be read",
                    run.project, o.fetched, o.pages
                )
            } else {
                format!("wiki backup of {} to {dest}: generation {} complete", run.project, o.generation)
            };
            let mut f = Finding::new(SOURCE, key, previous.unwrap_or(Severity::Critical), title);
            f.status = Status::Resolved;
            f.summary = format!(
                "{} pages ({} read, {} unchanged since {}), {} attachments ({} downloaded), {} written, {} in all",
                o.pages,
                o.fetched,
                o.carried,
                o.base.as_deref().unwrap_or("-"),
                o.attachments,
                o.downloaded,
                human(o.written),
                human(o.size)
            );
            f
        }
        (None, None) => unreachable!("a project run either failed or has an outcome"),
    };
    let o = run.outcome.as_ref();
    let generation = match (&run.outcome, &run.failure) {
        (Some(o), _) if o.dry_run => "(dry run)".to_string(),
        (Some(o), _) => o.generation.clone(),
        // Only a generation that was begun is named: a run that failed before writing
        // anything left none, and must not seem to speak of one that is there.
        (None, _) => run.begun.as_ref().map(|g| format!("{g} (incomplete)")).unwrap_or_else(|| "-".into()),
    };
    let count = |v: Option<usize>| v.map(|n| n.to_string()).unwrap_or_else(|| "-".into());
    f = f
        .field("account name", space)
        .field("project", &run.project)
        .field("destination", dest)
        .field("generation", generation)
        .field("pages", count(o.map(|o| o.pages)))
        .field("read", count(o.map(|o| o.fetched)))
        .field("attachments", count(o.map(|o| o.attachments)))
        .field("written", o.map(|o| human(o.written)).unwrap_or_else(|| "-".into()))
        .field("pruned", pruned.unwrap_or_else(|| "-".into()));
    f.resources = vec![run.project.clone(), dest.to_string()];
    f.links.push(Link { text: format!("{} wiki", run.project), href: wiki_url.to_string() });
    f
}

/// `opskit wiki backup`: each project in turn, a finding per project, the run lock held
/// for the destination so two runs never prune under each other.
pub async fn backup(ctx: &Context, args: &WikiBackupArgs) -> AppResult<Output> {
    let s = backup_settings(ctx, args)?;
    let client = backlog_client(ctx, "wiki backup")?;
    let dry_run = ctx.global.dry_run;
    let dest = s.to.trim().trim_end_matches('/').to_string();
    let loc = match Location::open_with(&s.to, !dry_run, &storage_settings(ctx).await?).await {
        Ok(l) => Ok(l),
        Err(LocationError::Unsupported(m)) => return Err(AppError::usage(m)),
        Err(e) => Err(e.to_string()),
    };
    let lock = if dry_run {
        None
    } else {
        let state = ctx.open_state()?;
        let lock = ctx.lock(&state, &format!("{SOURCE} {dest}")).await?;
        Some((lock, state))
    };
    let previous = ctx.previous_findings(SOURCE).await?;
    let space =
        url::Url::parse(client.base_url()).ok().and_then(|u| u.host_str().map(str::to_string)).unwrap_or_default();
    let mut findings = Vec::new();
    let mut errors = Vec::new();
    for project in &s.projects {
        let run = back_up_one(ctx, &client, &loc, project, &s).await;
        let key = format!("{SOURCE}/{project}/{dest}");
        let before = previous.iter().find(|r| r.finding.key == key && r.finding.status == Status::Open);
        let wiki_url = format!("{}/wiki/{project}", client.base_url());
        findings.push(finding(&space, &wiki_url, &dest, &run, before.map(|r| r.finding.severity)));
        if let Some((_, message)) = &run.failure {
            errors.push(TargetError::new(format!("{project} → {dest}"), message.clone()));
        }
    }
    if let Some((lock, state)) = lock {
        lock.release(state.as_ref()).await;
    }
    let collected =
        Collected { errors, ..Collected::new(SOURCE, findings, Scope::Accounts(Default::default())).with_board(BOARD) };
    Ok(Output::Report(Box::new(ctx.run_spine(SOURCE, collected).await?)))
}

/// One line of `wiki list`.
#[derive(Debug, Clone, Serialize)]
struct ListRow {
    project: String,
    generation: String,
    state: String,
    pages: Option<usize>,
    objects: usize,
    /// Every object the generation lists (or, without a manifest, holds).
    bytes: u64,
    /// What the generation wrote itself.
    written: u64,
    base: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    problem: Option<String>,
}

async fn list_row(loc: &Location, g: &Generation) -> AppResult<ListRow> {
    let mut row = ListRow {
        project: g.project.clone(),
        generation: g.name.clone(),
        state: g.state.as_str().to_string(),
        pages: None,
        objects: 0,
        bytes: 0,
        written: 0,
        base: None,
        problem: None,
    };
    if g.state == State::Complete {
        match catalog::read_manifest(loc, &g.project, &g.name).await {
            Ok(m) => {
                row.pages = Some(m.pages.len());
                row.objects = m.objects.len();
                row.bytes = m.size();
                row.written = m.own().map(|o| o.size).sum();
                row.base = m.base;
                return Ok(row);
            }
            Err(e) => {
                row.state = "unreadable".into();
                row.problem = Some(format!("{e:#}"));
            }
        }
    }
    let held = loc.list(&g.id()).await?;
    row.objects = held.len();
    row.bytes = held.iter().map(|(_, s)| s).sum();
    row.written = row.bytes;
    Ok(row)
}

async fn selected_projects(loc: &Location, given: &[String]) -> AppResult<Vec<String>> {
    let given = keys(given);
    if !given.is_empty() {
        return Ok(given);
    }
    Ok(catalog::projects(loc).await?)
}

/// `opskit wiki list`: every generation at the location, oldest first per project.
pub async fn list(ctx: &Context, args: &WikiListArgs) -> AppResult<Output> {
    let url = from_url(ctx, &args.from)?;
    let loc = open_existing(ctx, &url).await?;
    let mut rows = Vec::new();
    for project in selected_projects(&loc, &args.project).await? {
        for g in catalog::generations(&loc, &project).await? {
            rows.push(list_row(&loc, &g).await?);
        }
    }
    let text = match ctx.global.output {
        OutputFormat::Json => serde_json::to_string_pretty(&rows).map_err(anyhow::Error::from)? + "\n",
        OutputFormat::Jsonl => rows.iter().filter_map(|r| serde_json::to_string(r).ok()).map(|l| l + "\n").collect(),
        OutputFormat::Csv => {
            let mut t = "project,generation,state,pages,objects,bytes,written,base\n".to_string();
            for r in &rows {
                let pages = r.pages.map(|p| p.to_string()).unwrap_or_default();
                let line = [&r.project, &r.generation, &r.state, &pages, &r.objects.to_string(), &r.bytes.to_string()]
                    .iter()
                    .map(|c| crate::output::csv_escape(c))
                    .collect::<Vec<_>>()
                    .join(",");
                let _ = writeln!(t, "{line},{},{}", r.written, r.base.as_deref().unwrap_or(""));
            }
            t
        }
        OutputFormat::Table | OutputFormat::Wide | OutputFormat::Markdown if rows.is_empty() => {
            format!("no backups at {}\n", loc.url)
        }
        OutputFormat::Table | OutputFormat::Wide | OutputFormat::Markdown => {
            let style =
                if ctx.global.output == OutputFormat::Markdown { crate::output::Style::PLAIN } else { ctx.style };
            let mut t = crate::output::table(
                style,
                vec![
                    Col::id("PROJECT"),
                    Col::id("GENERATION"),
                    Col::id("STATE"),
                    Col::id("PAGES").optional(2),
                    Col::id("OBJECTS").optional(3),
                    Col::id("SIZE"),
                    Col::id("WRITTEN").optional(4),
                    Col::id("BASE").optional(1),
                ],
            );
            for r in &rows {
                t.add_row(vec![
                    r.project.clone(),
                    r.generation.clone(),
                    r.state.clone(),
                    r.pages.map(|p| p.to_string()).unwrap_or_else(|| "-".into()),
                    r.objects.to_string(),
                    human(r.bytes),
                    human(r.written),
                    r.base.clone().unwrap_or_else(|| "-".into()),
                ]);
            }
            let mut text = format!("{t}\n");
            for r in rows.iter().filter(|r| r.problem.is_some()) {
                let _ = writeln!(text, "{}/{}: {}", r.project, r.generation, r.problem.as_deref().unwrap_or(""));
            }
            text
        }
    };
    Ok(Output::text(text))
}

/// `opskit wiki verify`: the newest complete generation of each project (or the one
/// named, or all), every object re-read; exit 1 naming every object that is not as its
/// manifest says.
pub async fn verify(ctx: &Context, args: &WikiVerifyArgs) -> AppResult<Output> {
    let url = from_url(ctx, &args.from)?;
    let loc = open_existing(ctx, &url).await?;
    let mut gens = Vec::new();
    for project in selected_projects(&loc, &args.project).await? {
        gens.extend(catalog::generations(&loc, &project).await?);
    }
    if gens.is_empty() {
        return Err(AppError::Run(anyhow::anyhow!("no backup generations at {}", loc.url)));
    }
    let chosen: Vec<&Generation> = if args.all {
        gens.iter().filter(|g| g.state == State::Complete).collect()
    } else {
        catalog::select(&gens, args.generation.as_deref()).map_err(|e| AppError::usage(format!("--generation: {e}")))?
    };
    let mut results = Vec::new();
    for g in chosen {
        results.push(verify::verify(&loc, g, READ_CONCURRENCY).await?);
    }
    let passed = results.iter().all(|r| r.ok());
    let text = match ctx.global.output {
        OutputFormat::Json | OutputFormat::Jsonl => {
            let v = serde_json::json!({"ok": passed, "generations": results.iter().map(|r| {
                let mut v = serde_json::to_value(r).unwrap_or_default();
                v["ok"] = r.ok().into();
                v
            }).collect::<Vec<_>>()});
            serde_json::to_string_pretty(&v).map_err(anyhow::Error::from)? + "\n"
        }
        _ => {
            let mut t = String::new();
            for r in &results {
                let verdict = if r.ok() { "ok".to_string() } else { format!("{} problem(s)", r.problems.len()) };
                let _ =
                    writeln!(t, "{}/{}: {} objects, {}: {verdict}", r.project, r.generation, r.objects, human(r.bytes));
                for p in &r.problems {
                    let _ = writeln!(t, "  {}: {}", p.object, p.problem);
                }
            }
            t
        }
    };
    Ok(Output::Checked { text, passed })
}

/// `opskit wiki restore`: one complete generation to a directory or a Backlog project.
pub async fn restore(ctx: &Context, args: &WikiRestoreArgs) -> AppResult<Output> {
    let url = from_url(ctx, &args.from)?;
    let loc = open_existing(ctx, &url).await?;
    let selector = args.generation.as_deref();
    let project = match (&args.project, selector.and_then(|g| g.split_once('/'))) {
        (Some(p), _) => p.trim().to_string(),
        (None, Some((p, _))) => p.to_string(),
        (None, None) => match catalog::projects(&loc).await?.as_slice() {
            [one] => one.clone(),
            [] => return Err(AppError::Run(anyhow::anyhow!("no backup generations at {}", loc.url))),
            many => {
                return Err(AppError::usage(format!(
                    "{} holds backups of several projects ({})\nhint: pass --project KEY",
                    loc.url,
                    many.join(", ")
                )));
            }
        },
    };
    let gens = catalog::generations(&loc, &project).await?;
    let g = match catalog::select(&gens, selector).map_err(|e| AppError::usage(format!("--generation: {e}")))?[..] {
        [g] => g.clone(),
        _ => return Err(AppError::usage("--generation: name one generation")),
    };
    if g.state != State::Complete {
        return Err(AppError::usage(format!(
            "generation {} is {} and cannot be restored\nhint: `opskit wiki list` shows the complete ones",
            g.id(),
            g.state.as_str()
        )));
    }
    let m = catalog::read_manifest(&loc, &project, &g.name).await?;
    let mut text = String::new();
    let restored = if let Some(dir) = &args.to_dir {
        if std::fs::read_dir(dir).is_ok_and(|mut d| d.next().is_some()) {
            return Err(AppError::usage(format!(
                "{} is not empty\nhint: restore into a new or empty directory",
                dir.display()
            )));
        }
        if ctx.global.dry_run {
            let n: usize = m.pages.iter().map(|p| p.keys().count()).sum();
            return Ok(Output::text(format!(
                "dry run: would restore {} to {}: {} pages, {n} files, {}\n",
                g.id(),
                dir.display(),
                m.pages.len(),
                human(m.size())
            )));
        }
        let r = restore::to_dir(&loc, &m, dir, READ_CONCURRENCY).await?;
        let _ = writeln!(
            text,
            "restored {} to {}: {} pages, {} files, {}",
            g.id(),
            dir.display(),
            r.pages,
            r.files,
            human(r.bytes)
        );
        r
    } else {
        let key = args.to_project.as_deref().unwrap_or_default().trim();
        let client = backlog_client(ctx, "wiki restore --to-project")?;
        let target = client.project_wiki(key).await.map_err(|e| AppError::Run(e.into()))?;
        let target_rule = target.text_formatting_rule().map(|r| r.to_string());
        if target_rule.is_some()
            && m.project.text_formatting_rule.is_some()
            && target_rule != m.project.text_formatting_rule
        {
            tracing::warn!(
                "project {key} is written in {}, the backup of {} in {}; the pages are restored as they were",
                target_rule.as_deref().unwrap_or("?"),
                m.project.key,
                m.project.text_formatting_rule.as_deref().unwrap_or("?")
            );
        }
        let conflicts = restore::conflicts(&m, &target).await?;
        if !conflicts.is_empty() && !args.overwrite {
            return Err(AppError::usage(format!(
                "project {key} already has {} of the pages: {}\nhint: pass --overwrite to give them the backed-up content",
                conflicts.len(),
                conflicts.iter().map(|c| format!("`{c}`")).collect::<Vec<_>>().join(", ")
            )));
        }
        if ctx.global.dry_run {
            return Ok(Output::text(format!(
                "dry run: would restore {} into project {key}: create {} pages, overwrite {}\n",
                g.id(),
                m.pages.len() - conflicts.len(),
                conflicts.len()
            )));
        }
        let r = restore::to_project(&loc, &m, &target, args.overwrite).await?;
        let _ = writeln!(
            text,
            "restored {} into project {key}: {} pages created, {} overwritten, {} attachments uploaded, {} kept",
            g.id(),
            r.created.len(),
            r.updated.len(),
            r.attachments,
            r.kept_attachments
        );
        r
    };
    for p in &restored.problems {
        let _ = writeln!(text, "not restored: {}: {}", p.object, p.problem);
    }
    Ok(Output::Text { text, failed: !restored.problems.is_empty() })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(project: &[&str], keep_daily: Option<u32>) -> WikiBackupArgs {
        WikiBackupArgs {
            project: project.iter().map(|p| p.to_string()).collect(),
            to: None,
            history: false,
            full: false,
            keep_daily,
            keep_weekly: None,
            keep_monthly: None,
            concurrency: None,
        }
    }

    #[test]
    fn flags_win_over_commands_wiki_one_by_one() {
        let env = crate::config::Env::process();
        let cfg = crate::config::parse_and_check(
            "[commands.wiki]\nprojects = [\"OPS\", \"NET\"]\nto = \"file:///b\"\nhistory = true\nkeep_daily = 14\nkeep_monthly = 6\n",
            None,
            &env, crate::commands::SECTIONS,
        )
        .unwrap();
        let ctx = Context::new(crate::cli::GlobalArgs::default(), cfg, env).unwrap();
        let s = backup_settings(&ctx, &args(&[], None)).unwrap();
        assert_eq!((s.projects.join(","), s.to.as_str(), s.history), ("OPS,NET".to_string(), "file:///b", true));
        assert_eq!((s.keep.daily, s.keep.weekly, s.keep.monthly, s.concurrency), (14, 0, 6, DEFAULT_CONCURRENCY));
        let s = backup_settings(&ctx, &args(&["DEV"], Some(3))).unwrap();
        assert_eq!((s.projects, s.keep.daily, s.keep.monthly), (vec!["DEV".to_string()], 3, 6));
    }

    #[test]
    fn sizes_read_like_a_storage_console() {
        assert_eq!(human(0), "0 B");
        assert_eq!(human(999), "999 B");
        assert_eq!(human(1500), "1.5 kB");
        assert_eq!(human(12_300_000), "12.3 MB");
    }
}
