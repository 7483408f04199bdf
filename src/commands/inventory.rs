//! `opskit inventory show`: the resources of every selected (account, region), printed as
//! one table per type, markdown, csv, json or jsonl. The arguments become
//! [`inventory::Options`]; the collecting is [`crate::inventory::collect::stream`] (each
//! target written as it comes, in page order: memory bounded by `--concurrency`, not by the
//! number of resources), the printing [`crate::inventory::render`].
//!
//! `diff` and `publish` build on [`collect`]: the same selection, the same resources, and
//! [`Inventory::covered`] to tell "deleted" from "not looked at".

use crate::aws::Target;
use crate::cli::InventoryArgs;
use crate::commands::{Output, Render};
use crate::config::{Config, ConfigError};
use crate::context::Context;
use crate::error::{AppError, AppResult};
use crate::inventory::publish::{self, PageStore as _};
use crate::inventory::render::{self, Show};
use crate::inventory::{self, Inventory, ResourceType};
use crate::spine::engine::TargetError;
use serde::Deserialize;

pub const SOURCE: &str = "inventory";

/// `[commands.inventory] cert_expiry_days` when unset.
pub const DEFAULT_CERT_EXPIRY_DAYS: u32 = 30;

/// `[commands.inventory] access_key_max_age_days` when unset.
pub const DEFAULT_ACCESS_KEY_MAX_AGE_DAYS: u32 = 90;

/// `[commands.inventory]`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Settings {
    /// The types collected when `--resource-types` is not given (default: all).
    pub resource_types: Vec<String>,
    /// Where and how `inventory publish` writes.
    pub publish: PublishConfig,
    /// `inventory publish` raises a finding for each ACM certificate expiring within this
    /// many days (default 30).
    pub cert_expiry_days: Option<u32>,
    /// `inventory publish` raises a finding for each active IAM access key older than this
    /// many days (default 90).
    pub access_key_max_age_days: Option<u32>,
    /// `resource_types`, parsed.
    #[serde(skip)]
    types: Vec<ResourceType>,
}

/// `[commands.inventory.publish]`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct PublishConfig {
    /// The Backlog project (key) whose Wiki holds the pages; `[backlog]` gives the space.
    pub project: Option<String>,
    /// Page name, default `Inventory/{account}` (`{account}` id, `{account_name}`, `{region}`).
    pub page: Option<String>,
    /// Change-log page name, default `Inventory/{account}/Changelog`.
    pub changelog_page: Option<String>,
    /// Let Backlog mail the project's members about page changes (default false: a run
    /// with no change sends nothing, a run with one sends no mail either).
    pub mail_notify: bool,
    /// One page per region (and an index page) for every account, not only for accounts
    /// whose page would be too large.
    pub per_region: bool,
    /// Larger pages are split by region (default 100000 characters).
    pub max_page_chars: Option<usize>,
    /// Entries kept on a change-log page (default 50).
    pub changelog_entries: Option<usize>,
    /// Severity of the "inventory changed" finding (default info).
    pub severity: Option<crate::spine::finding::Severity>,
}

impl Settings {
    pub fn load(config: &Config) -> Result<Settings, ConfigError> {
        let mut s: Settings = config.command_settings(SOURCE)?;
        s.types = parse_types(&s.resource_types).map_err(|e| ConfigError {
            key: Some("commands.inventory.resource_types".into()),
            file: config.file.clone(),
            ..ConfigError::plain(e)
        })?;
        Ok(s)
    }
}

/// Google Cloud types asked for by name with no project to list them in are said, not
/// read as an empty listing.
fn gcp_types_have_projects(types: &[ResourceType], config: &Config) -> Result<(), String> {
    let asked: Vec<&str> = types.iter().filter(|t| t.is_gcp()).map(|t| t.as_str()).collect();
    if asked.is_empty() || !config.gcp_projects.is_empty() || config.gcp.discover_query.is_some() {
        return Ok(());
    }
    Err(format!(
        "{} are listed in Google Cloud projects, and none is configured\nhint: add [[gcp_projects]] (id = \"my-project\") or [gcp] discover to the config",
        asked.join(", ")
    ))
}

fn parse_types(names: &[String]) -> Result<Vec<ResourceType>, String> {
    let mut types = Vec::new();
    for n in names.iter().filter(|n| !n.trim().is_empty()) {
        types.push(ResourceType::parse(n)?);
    }
    types.sort();
    types.dedup();
    Ok(types)
}

/// What `--resource-types`, `--all-regions` and `--concurrency` resolve to, over
/// `[commands.inventory]` and `[defaults]`.
pub fn options(ctx: &Context, args: &InventoryArgs) -> AppResult<inventory::Options> {
    let settings = Settings::load(&ctx.config)?;
    let types = if args.resource_types.iter().any(|t| !t.trim().is_empty()) {
        let types = parse_types(&args.resource_types).map_err(|e| AppError::usage(format!("--resource-types: {e}")))?;
        gcp_types_have_projects(&types, &ctx.config).map_err(|e| AppError::usage(format!("--resource-types: {e}")))?;
        types
    } else if !settings.types.is_empty() {
        gcp_types_have_projects(&settings.types, &ctx.config)
            .map_err(|e| AppError::usage(format!("commands.inventory.resource_types: {e}")))?;
        settings.types
    } else {
        // The default, every type: Google's are listed where projects are configured.
        ResourceType::ALL.to_vec()
    };
    let concurrency = args.concurrency.unwrap_or(ctx.config.defaults.concurrency);
    if concurrency == 0 {
        return Err(AppError::usage("--concurrency: must be at least 1"));
    }
    Ok(inventory::Options {
        types,
        all_regions: args.all_regions,
        concurrency,
        timeout: ctx.timeout()?,
        progress: !ctx.global.quiet,
        now: ctx.now(),
    })
}

/// The inventory of the accounts and regions selected by `--account`/`--region` and
/// `args`: what `show` prints and what `diff` and `publish` compare.
pub async fn collect(ctx: &Context, args: &InventoryArgs) -> AppResult<(Inventory, inventory::Options)> {
    let opts = options(ctx, args)?;
    let mut inv =
        inventory::collect(&ctx.aws, &ctx.config, &ctx.env, &ctx.global.account, &ctx.global.region, &opts).await?;
    inv.errors.extend(ctx.discovery.errors());
    Ok((inv, opts))
}

/// Account id → name, as the config knows them: tables show the name a team uses.
pub fn account_names(config: &Config) -> std::collections::BTreeMap<String, String> {
    config
        .accounts
        .iter()
        .filter_map(|a| a.id.clone().map(|id| (id, a.name.clone())))
        .chain(config.gcp_projects.iter().map(|p| (p.id.clone(), p.name.clone())))
        .collect()
}

/// What `inventory show` prints, collected as it is written ([`inventory::collect::stream`]):
/// `-o json`, `jsonl` and `csv` hold only the targets being worked on and written, however
/// many resources there are; the tables and markdown (one table per type across every
/// target, its columns measured first) gather the whole inventory before writing, as
/// before. The counts and the failed targets are known once it is written.
struct Printed {
    /// The collection's parts and its targets (sorted), until rendering takes them.
    parts: std::sync::Mutex<Option<(futures::channel::mpsc::Receiver<inventory::collect::Part>, Vec<Target>)>>,
    types: Vec<ResourceType>,
    account_names: std::collections::BTreeMap<String, String>,
    format: crate::cli::OutputFormat,
    style: crate::output::Style,
    /// Accounts whose enabled regions could not be listed (`--all-regions`).
    before: Vec<TargetError>,
    /// `[[organizations]]` discovery's failures.
    after: Vec<TargetError>,
    targets: usize,
    done: std::sync::Mutex<Done>,
}

/// What the written inventory held.
#[derive(Default)]
struct Done {
    counts: std::collections::BTreeMap<ResourceType, usize>,
    resources: usize,
    errors: Vec<TargetError>,
}

impl Printed {
    /// Write the parts as they come, then note what failed.
    fn write(&self, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        use futures::StreamExt as _;
        let taken = self.parts.lock().unwrap_or_else(std::sync::PoisonError::into_inner).take();
        let Some((mut rx, targets)) = taken else { return Ok(()) };
        let mut done = Done::default();
        let mut seen = vec![false; targets.len()];
        let mut failed: Vec<(usize, Target, Result<String, anyhow::Error>)> = Vec::new();
        let mut next = || {
            // The collection runs on the runtime's workers; this thread only waits for it.
            while let Some(part) = futures::executor::block_on(rx.next()) {
                let i = part.index;
                if let Some(s) = seen.get_mut(i) {
                    *s = true;
                }
                if let Some(msg) = part.failed {
                    failed.push((i, part.target.clone(), Ok(msg)));
                }
                match part.resources {
                    Ok(v) => {
                        tracing::debug!(target = %part.target.label(), resources = v.len(), "collected");
                        done.resources += v.len();
                        for r in &v {
                            *done.counts.entry(r.resource_type).or_insert(0) += 1;
                        }
                        return Some(v);
                    }
                    Err(e) => failed.push((i, part.target, Err(e))),
                }
            }
            None
        };
        let mut parts = std::iter::from_fn(&mut next);
        let written = if render::streams(self.format) {
            render::stream(self.format, &self.types, &self.account_names, &mut parts, out)
        } else {
            let show = Show {
                resources: parts.by_ref().flatten().collect(),
                types: self.types.clone(),
                account_names: self.account_names.clone(),
                format: self.format,
                style: self.style,
            };
            show.render(out)
        };
        // Output that could not be written (a closed pipe) still has its failed targets
        // found, for the exit code.
        parts.for_each(drop);
        let mut failures = crate::aws::Failures::new(&targets);
        // In the order the targets were given, as `collect` reports them.
        failed.sort_by_key(|(i, _, _)| *i);
        for (_, t, r) in failed {
            match r {
                Ok(msg) => failures.push_message(t, msg),
                Err(e) => failures.push(t, &e),
            }
        }
        // A collection that ended early (it cannot, short of a bug) leaves no target unsaid.
        for (t, _) in targets.iter().zip(&seen).filter(|(_, s)| !**s) {
            failures.push_message(t.clone(), "not collected: the collection stopped before this target".into());
        }
        done.errors = self.before.clone();
        done.errors.extend(failures.into_errors());
        done.errors.extend(self.after.iter().cloned());
        tracing::info!(
            resources = done.resources,
            targets = self.targets,
            errors = done.errors.len(),
            "inventory collected"
        );
        *self.done.lock().unwrap_or_else(std::sync::PoisonError::into_inner) = done;
        written
    }
}

impl Render for Printed {
    fn render(&self, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        self.write(out)
    }

    fn summary(&self) -> String {
        let done = self.done.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let by_type: Vec<String> = done.counts.iter().map(|(t, n)| format!("{t} {n}")).collect();
        format!(
            "inventory: {} resource(s) in {} target(s){}{}",
            done.resources,
            self.targets,
            if by_type.is_empty() { "" } else { ": " },
            by_type.join(", ")
        )
    }

    fn works_as_it_renders(&self) -> bool {
        true
    }

    fn target_errors(&self) -> Vec<TargetError> {
        self.done.lock().unwrap_or_else(std::sync::PoisonError::into_inner).errors.clone()
    }
}

pub async fn show(ctx: &Context, args: &InventoryArgs) -> AppResult<Output> {
    let opts = options(ctx, args)?;
    let gcp = &ctx.config;
    if opts.types.iter().any(|t| t.is_gcp()) && (!gcp.gcp_projects.is_empty() || gcp.gcp.discover_query.is_some()) {
        return show_whole(ctx, args).await;
    }
    // AWS only: streamed, target by target in page order. The Google Cloud types, asked for
    // with no project configured, have nothing to list (as in `collect`).
    let mut opts = opts;
    opts.types.retain(|t| !t.is_gcp());
    let (targets, before) =
        inventory::collect::targets(&ctx.aws, &ctx.config, &ctx.global.account, &ctx.global.region, &opts).await?;
    let targets = inventory::collect::with_global_targets(targets, &opts.types);
    let n = targets.len();
    let (rx, targets) = inventory::collect::stream(ctx.aws.clone(), targets, &opts);
    let mut types = opts.types.clone();
    types.sort();
    types.dedup();
    let printed = Printed {
        parts: std::sync::Mutex::new(Some((rx, targets))),
        types,
        account_names: account_names(&ctx.config),
        format: ctx.global.output,
        style: ctx.style,
        before,
        after: ctx.discovery.errors(),
        targets: n,
        done: Default::default(),
    };
    Ok(Output::Stream {
        data: Box::new(printed),
        errors: Vec::new(),
        skipped: ctx.discovery.skipped(&ctx.global.account, ctx.config.shard),
    })
}

/// `show` with Google Cloud projects in the selection: collected whole, then sorted and
/// printed (a project's aggregated lists answer for all its regions at once, so it is not
/// one of the streamed (account, region) targets). Memory is the whole inventory.
async fn show_whole(ctx: &Context, args: &InventoryArgs) -> AppResult<Output> {
    let (inv, opts) = collect(ctx, args).await?;
    tracing::info!(
        resources = inv.resources.len(),
        targets = inv.targets,
        errors = inv.errors.len(),
        "inventory collected"
    );
    let show = Show {
        resources: inv.resources,
        types: opts.types,
        account_names: account_names(&ctx.config),
        format: ctx.global.output,
        style: ctx.style,
    };
    Ok(Output::Stream {
        data: Box::new(Whole { show, targets: inv.targets }),
        errors: inv.errors,
        skipped: ctx.discovery.skipped(&ctx.global.account, ctx.config.shard),
    })
}

/// What [`show_whole`] prints.
struct Whole {
    show: Show,
    targets: usize,
}

impl Render for Whole {
    fn render(&self, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        self.show.render(out)
    }

    fn summary(&self) -> String {
        let counts = inventory::collect::counts(&self.show.resources);
        let by_type: Vec<String> = counts.iter().map(|(t, n)| format!("{t} {n}")).collect();
        format!(
            "inventory: {} resource(s) in {} target(s){}{}",
            self.show.resources.len(),
            self.targets,
            if by_type.is_empty() { "" } else { ": " },
            by_type.join(", ")
        )
    }
}

/// Every account the collection looked at, with what it found there.
fn accounts_of(inv: &Inventory) -> std::collections::BTreeSet<String> {
    inv.covered.iter().map(|(a, _, _)| a.clone()).chain(inv.resources.iter().map(|r| r.account.clone())).collect()
}

/// An account's inventory as of this run: what was listed, plus what the last published
/// inventory had where this run did not look (a failed call, a type or region not
/// selected), so "not looked at" never reads as "deleted".
fn current_of(inv: &Inventory, account: &str, previous: Option<&publish::Snapshot>) -> Vec<inventory::Resource> {
    let mut v: Vec<inventory::Resource> = inv.resources.iter().filter(|r| r.account == account).cloned().collect();
    if let Some(p) = previous {
        v.extend(p.resources.iter().filter(|r| !inv.covers(r)).cloned());
    }
    inventory::sort(&mut v);
    v
}

async fn snapshot_of(
    state: &std::sync::Arc<dyn crate::state::StateStore>,
    account: &str,
) -> AppResult<Option<publish::Snapshot>> {
    let name = publish::snapshot_name(account);
    let Some((_, data)) = state.snapshot(&name).await? else { return Ok(None) };
    serde_json::from_slice(&data).map(Some).map_err(|e| {
        AppError::Run(anyhow::anyhow!(
            "the state's snapshot `{name}` is not a published inventory ({e}); remove it to start over"
        ))
    })
}

/// `opskit inventory diff`: what changed since the last publish, per account, as a report
/// (one finding per added, removed or changed resource), written nowhere. With `--fail-on
/// info` (or higher, for changes graded so) it exits 1 when something changed: a drift check.
pub async fn diff(ctx: &Context, args: &InventoryArgs) -> AppResult<Output> {
    use crate::spine::engine::{ReportFinding, RunReport, Summary};
    use crate::spine::finding::{Finding, Severity, TransitionKind};
    let started = ctx.now();
    let (inv, _) = collect(ctx, args).await?;
    let state = ctx.read_state()?;
    let names = account_names(&ctx.config);
    let mut findings = Vec::new();
    for account in accounts_of(&inv) {
        let previous = snapshot_of(&state, &account).await?;
        if previous.is_none() {
            tracing::warn!("{account}: no published inventory yet; every resource is shown as added");
        }
        let current = current_of(&inv, &account, previous.as_ref());
        let d = inventory::diff(previous.as_ref().map(|p| p.resources.as_slice()).unwrap_or(&[]), &current);
        for c in &d.changes {
            let r = c.resource();
            let mut f = Finding {
                account: Some(r.account.clone()),
                region: Some(r.region.clone()),
                resources: vec![r.id.clone()],
                ..Finding::new(
                    SOURCE,
                    format!("{SOURCE}/{}/{}/{}/{}", r.account, r.region, r.resource_type, r.id),
                    Severity::Info,
                    format!(
                        "{} {} {}{}",
                        c.sign(),
                        r.resource_type,
                        r.id,
                        if r.name.is_empty() { String::new() } else { format!(" ({})", r.name) }
                    ),
                )
            }
            .field("account name", names.get(&r.account).cloned().unwrap_or_default())
            .field(
                "change",
                match c {
                    inventory::Change::Added { .. } => "added",
                    inventory::Change::Removed { .. } => "removed",
                    inventory::Change::Changed { .. } => "changed",
                },
            );
            if let inventory::Change::Changed { fields, .. } = c {
                for fc in fields {
                    f = f.field(&fc.field, format!("{} → {}", fc.old, fc.new));
                }
            }
            f.ensure_fingerprint();
            findings.push(ReportFinding {
                finding: f,
                change: Some(TransitionKind::New),
                since: started,
                silenced_by: None,
            });
        }
    }
    let mut summary = Summary::default();
    if !findings.is_empty() {
        summary.open.insert(Severity::Info.to_string(), findings.len());
        summary.transitions.insert("new".into(), findings.len());
    }
    summary.errors = inv.errors.len();
    Ok(Output::Report(Box::new(RunReport {
        version: 1,
        source: SOURCE.into(),
        started,
        finished: ctx.now().max(started),
        dry_run: true,
        summary,
        findings,
        deliveries: Vec::new(),
        errors: inv.errors,
        skipped: ctx.discovery.skipped(&ctx.global.account, ctx.config.shard),
        responses: Vec::new(),
        judging: Default::default(),
    })))
}

/// `opskit inventory publish`: per account, the pages that changed, the change log, and an
/// "inventory changed" finding through the spine. An account's snapshot is stored only once
/// its pages were written, so a failed publish is redone whole by the next run.
pub async fn publish(ctx: &Context, args: &InventoryArgs) -> AppResult<Output> {
    use crate::spine::engine::{Collected, Scope};
    let settings = Settings::load(&ctx.config)?;
    let cfg = &settings.publish;
    let Some(project) = cfg.project.clone() else {
        return Err(AppError::usage(
            "inventory publish needs a Backlog project\nhint: set [commands.inventory.publish] project = \"KEY\" and [backlog]",
        ));
    };
    let Some(backlog) = ctx.config.backlog.clone() else {
        return Err(AppError::usage("inventory publish needs [backlog] base_url and api_key_env in the config"));
    };
    let defaults = publish::PublishSettings::default();
    let ps = publish::PublishSettings {
        page: cfg.page.clone().unwrap_or(defaults.page),
        changelog_page: cfg.changelog_page.clone().unwrap_or(defaults.changelog_page),
        per_region: cfg.per_region,
        max_page_chars: cfg.max_page_chars.unwrap_or(defaults.max_page_chars),
        changelog_entries: cfg.changelog_entries.unwrap_or(defaults.changelog_entries).max(1),
        severity: cfg.severity.unwrap_or(defaults.severity),
        timezone: ctx.config.defaults.timezone.clone(),
    };
    let templates = inventory::pages::PageTemplates::with_overrides(ctx.config.defaults.templates_dir.as_deref())
        .map_err(|e| AppError::Config(ConfigError::plain(format!("defaults.templates_dir: {e:#}"))))?;

    let (inv, _) = collect(ctx, args).await?;
    let client =
        crate::backlog::BacklogClient::new(&backlog.base_url, backlog.api_key.get()?.clone(), ctx.http.clone());
    let wiki = client.project_wiki(&project).await.map_err(|e| AppError::Run(anyhow::anyhow!("{e}")))?;
    let store = publish::BacklogPages::new(wiki, cfg.mail_notify);
    let page_names =
        store.names().await.map_err(|e| AppError::Run(anyhow::anyhow!("backlog project {project}: {e:#}")))?;
    let notation = store.notation().await.map_err(AppError::Run)?;
    let state = ctx.read_state()?;
    let names = account_names(&ctx.config);
    let publisher = publish::Publisher {
        store: &store,
        names: &page_names,
        templates: &templates,
        settings: &ps,
        notation,
        now: ctx.now(),
        dry_run: ctx.global.dry_run,
    };
    let mut errors = inv.errors.clone();
    let mut findings = Vec::new();
    let mut snapshots = Vec::new();
    for account in accounts_of(&inv) {
        let name = names.get(&account).cloned().unwrap_or_else(|| account.clone());
        let previous = snapshot_of(&state, &account).await?;
        let current = current_of(&inv, &account, previous.as_ref());
        let acct = publish::AccountInventory { id: &account, name: &name, resources: current };
        match publisher.account(&acct, previous).await {
            Ok((done, snapshot)) => {
                tracing::info!(
                    account = %account,
                    created = ?done.created,
                    updated = ?done.updated,
                    unchanged = done.unchanged.len(),
                    "inventory {}",
                    done.summary
                );
                if !done.first && !done.diff.is_empty() {
                    let page = publish::page_name(&ps.page, &account, &name, None);
                    findings.push(publish::changed_finding(&account, &name, &done.diff, ps.severity, &page));
                }
                snapshots.push((account.clone(), snapshot));
            }
            Err(e) => errors.push(TargetError::new(
                format!("{name} (backlog project {project})"),
                crate::redact::redact(&format!("{e:#}")),
            )),
        }
    }
    if !ctx.global.dry_run {
        let state = ctx.open_state()?;
        for (account, snapshot) in &snapshots {
            let data = serde_json::to_vec(snapshot).map_err(|e| AppError::Run(e.into()))?;
            state.put_snapshot(&publish::snapshot_name(account), ctx.now(), &data).await?;
        }
    }
    findings.extend(publish::cert_expiry_findings(
        &inv.resources,
        ctx.now(),
        settings.cert_expiry_days.unwrap_or(DEFAULT_CERT_EXPIRY_DAYS),
    ));
    findings.extend(publish::access_key_age_findings(
        &inv.resources,
        ctx.now(),
        settings.access_key_max_age_days.unwrap_or(DEFAULT_ACCESS_KEY_MAX_AGE_DAYS),
    ));
    // An expiry finding speaks for its (account, region), a key-age finding for its
    // (account, global): where ACM (IAM) was listed completely, a certificate no longer
    // expiring soon (a key rotated or deactivated) resolves. The "inventory changed"
    // findings name no region, so this scope never resolves them, as before.
    let finding_targets: std::collections::BTreeSet<(String, String)> = inv
        .covered
        .iter()
        .filter(|(_, _, t)| matches!(t, ResourceType::AcmCertificate | ResourceType::IamUser))
        .map(|(a, r, _)| (a.clone(), r.clone()))
        .collect();
    let scope =
        if finding_targets.is_empty() { Scope::Accounts(Default::default()) } else { Scope::Targets(finding_targets) };
    let mut collected = Collected::new(publish::SOURCE, findings, scope);
    collected.errors = errors;
    collected.skipped = ctx.discovery.skipped(&ctx.global.account, ctx.config.shard);
    let report = ctx.run_spine("inventory-publish", collected).await?;
    Ok(Output::Report(Box::new(report)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_parse_with_aliases_and_an_unknown_one_is_named() {
        let t = parse_types(&["ec2".into(), "sg".into(), "instance".into(), " ".into()]).unwrap();
        assert_eq!(t, [ResourceType::Instance, ResourceType::SecurityGroup]);
        let t = parse_types(&["lambda".into(), "elb".into(), "asg".into()]).unwrap();
        assert_eq!(t, [ResourceType::LoadBalancer, ResourceType::LambdaFunction, ResourceType::AutoScalingGroup]);
        let e = parse_types(&["vpc".into(), "cloudfront".into()]).unwrap_err();
        assert!(e.contains("`cloudfront`") && e.contains("known: instance"), "{e}");
    }

    #[test]
    fn google_types_asked_for_without_a_project_are_refused() {
        let parse = |toml: &str| {
            crate::config::parse_and_check(toml, None, &crate::config::Env::process(), crate::commands::SECTIONS)
                .unwrap()
        };
        let types = [ResourceType::Vpc, ResourceType::GceInstance];
        let e = gcp_types_have_projects(&types, &parse("")).unwrap_err();
        assert!(
            e.starts_with("gce-instance are listed in Google Cloud projects") && e.contains("[[gcp_projects]]"),
            "{e}"
        );
        assert!(gcp_types_have_projects(&types, &parse("[[gcp_projects]]\nid = \"acme-web-prod\"\n")).is_ok());
        assert!(gcp_types_have_projects(&[ResourceType::Vpc], &parse("")).is_ok());
    }

    #[test]
    fn settings_reject_an_unknown_type_naming_the_key() {
        let cfg = crate::config::parse_and_check(
            "[commands.inventory]\nresource_types = [\"vpc\", \"rds\"]\n",
            None,
            &crate::config::Env::process(),
            crate::commands::SECTIONS,
        );
        let e = cfg.unwrap_err().to_string();
        assert!(e.contains("commands.inventory.resource_types") && e.contains("`rds`"), "{e}");
    }
}
