//! `opskit health watch`: the open and upcoming AWS Health events of every selected account
//! (or of the organization, from `[commands.health] organization`), one finding per event
//! and account, shared with the mails and EventBridge (see [`crate::health`]).
//! `opskit health ingest --sqs URL`: the same events as an EventBridge rule delivers them
//! to an SQS queue, for accounts without the support plan the API needs.

use crate::aws::fan_out_with_progress;
use crate::aws::health::{FAILOVER_REGION, Known, Listed, REGION};
use crate::cli::{HealthIngestArgs, HealthWatchArgs};
use crate::commands::Output;
use crate::context::Context;
use crate::error::AppResult;
use crate::health::{self, Index, SOURCE, Settings};
use crate::spine::engine::{Collected, Scope};
use crate::spine::finding::Finding;
use std::collections::{BTreeMap, BTreeSet};

/// The columns of `health watch`'s table.
const BOARD: &[&str] = &["account name", "event code", "status", "window"];

/// Bring kept `maintenance-mail` findings over (once), then read what the source keeps.
pub async fn kept_events(ctx: &Context) -> AppResult<Index> {
    if !ctx.global.dry_run {
        let state = ctx.open_state()?;
        health::migrate_mail_findings(state.as_ref()).await?;
    }
    Ok(Index::new(ctx.previous_findings(SOURCE).await?))
}

/// What the kept findings say of each event: when it was last updated, which accounts.
fn known_of(index: &Index) -> Known {
    let mut known = Known::default();
    for r in index.records() {
        let f = &r.finding;
        let (Some(arn), Some(account)) = (health::arn_of(f), f.account.clone()) else { continue };
        if f.status != crate::spine::finding::Status::Open || !health::told_by_authority(f) {
            continue;
        }
        if let Some(t) = f.fields.iter().find(|x| x.name == health::UPDATED_FIELD).and_then(|x| x.value.parse().ok()) {
            known.updated.insert((account.clone(), arn.to_string()), t);
        }
        known.accounts.entry(arn.to_string()).or_default().insert(account);
    }
    known
}

pub async fn watch(ctx: &Context, args: &HealthWatchArgs) -> AppResult<Output> {
    let settings = Settings::load(&ctx.config)?;
    let index = kept_events(ctx).await?;
    let known = known_of(&index);
    let (concurrency, timeout) = (ctx.config.defaults.concurrency, ctx.timeout()?);
    let cats = &settings.categories;
    let mut collected = Collected::new(SOURCE, Vec::new(), Scope::Keys(BTreeSet::new())).with_board(BOARD);
    let mut listed: Vec<Listed> = Vec::new();
    let mut covered: BTreeSet<String> = BTreeSet::new();
    let org = settings.organization.as_deref().and_then(|o| ctx.config.account(o)).cloned();
    let targets = match &org {
        Some(a) => crate::aws::account_targets(&ctx.config, std::slice::from_ref(&a.name), REGION, "watch")?,
        None => crate::aws::account_targets(&ctx.config, &ctx.global.account, REGION, "watch")?,
    };
    let bar = crate::aws::progress_bar("asking AWS Health", targets.len(), ctx.global.quiet);
    let (known_ref, org_mode) = (&known, org.is_some());
    let results = fan_out_with_progress(targets, concurrency, timeout, bar.as_ref(), |t| async move {
        let primary = ctx.aws.config(&t.account, REGION).await;
        let failover = ctx.aws.config(&t.account, FAILOVER_REGION).await;
        let label = t.account_label();
        crate::aws::health::with_failover(&primary, &failover, |client| {
            let label = label.clone();
            async move {
                if org_mode {
                    crate::aws::health::organization_events(&client, cats, known_ref).await
                } else {
                    crate::aws::health::account_events(&client, &label, cats, known_ref).await
                }
            }
        })
        .await
    })
    .await;
    for (t, r) in results {
        match r {
            Ok(events) => {
                if org_mode {
                    // The organization view speaks for every account it lists, and for
                    // those it described before.
                    covered.extend(events.iter().filter_map(|l| l.event.account.clone()));
                    covered.extend(
                        index
                            .records()
                            .filter(|r| {
                                r.finding.fields.iter().any(|x| {
                                    x.name == health::CHANNEL_FIELD && x.value == health::Channel::Organization.as_str()
                                })
                            })
                            .filter_map(|r| r.finding.account.clone()),
                    );
                } else {
                    covered.insert(t.account_label());
                }
                listed.extend(events);
            }
            Err(e) => {
                let te = crate::aws::target_error(t.account.name.clone(), &e);
                if e.downcast_ref::<crate::aws::NoSupportPlan>().is_some() && !args.strict {
                    collected.skipped.push(te);
                } else {
                    collected.errors.push(te);
                }
            }
        }
    }
    let (findings, dx) = findings_of(ctx, &settings, &index, &listed);
    if settings.auto_silence && !ctx.global.dry_run && !dx.is_empty() {
        let state = ctx.open_state()?;
        let notices: Vec<health::silence::Notice> = dx
            .iter()
            .map(|(key, e)| health::silence::Notice {
                key,
                event: e,
                title: format!("{} ({})", e.code, e.arn.as_deref().unwrap_or("-")),
                refused: None,
                legacy_ids: Vec::new(),
                created_by: "health auto_silence",
            })
            .collect();
        let limits = health::silence::Limits {
            max_window: settings.max_window(),
            before: settings.margins().0,
            after: settings.margins().1,
        };
        health::silence::apply(state.as_ref(), &notices, limits, ctx.now()).await?;
    }
    collected.scope = Scope::Keys(health::spoken_for(&index, &covered));
    collected.vanished = Some(health::closed);
    collected.findings = findings;
    collected.skipped.extend(ctx.discovery.skipped(&ctx.global.account, ctx.config.shard));
    collected.errors.extend(ctx.discovery.errors());
    Ok(Output::Report(Box::new(ctx.run_spine("health-watch", collected).await?)))
}

/// The findings of the listed events (an unchanged one keeps its kept finding), plus the
/// kept events whose window ended; and the Direct Connect maintenance events for
/// `auto_silence`, by finding key.
fn findings_of(
    ctx: &Context,
    settings: &Settings,
    index: &Index,
    listed: &[Listed],
) -> (Vec<Finding>, Vec<(String, health::Event)>) {
    let now = ctx.now();
    let tz = &ctx.config.defaults.timezone;
    let mut out: BTreeMap<String, Finding> = BTreeMap::new();
    let mut dx = Vec::new();
    for l in listed {
        let e = &l.event;
        let key = index.key_of(e);
        let f = match index.get(&key) {
            Some(kept) if !l.detailed => {
                let mut f = kept.finding.clone();
                if health::ends_of(&f).is_some_and(|t| t <= now) {
                    f.status = crate::spine::finding::Status::Resolved;
                }
                f
            }
            _ => {
                let name = e.account.as_deref().and_then(|a| ctx.config.account(a)).map(|a| a.name.clone());
                match health::event_finding(index, settings, e, name.as_deref(), tz, now) {
                    Ok(f) => f,
                    Err(why) => {
                        tracing::info!(event = e.arn.as_deref().unwrap_or("-"), "suppressed: {why}");
                        continue;
                    }
                }
            }
        };
        if health::silence::is_dx_maintenance(e) {
            let mut e = e.clone();
            if e.resources.is_empty() {
                e.resources = f.resources.clone();
            }
            dx.push((f.key.clone(), e));
        }
        out.insert(f.key.clone(), f);
    }
    let told: BTreeSet<String> = out.keys().cloned().collect();
    for f in health::ended(index, &told, now) {
        out.insert(f.key.clone(), f);
    }
    (out.into_values().collect(), dx)
}

/// `health ingest --sqs`: see [`crate::health`] and `commands/health/README.md`.
pub async fn ingest(_ctx: &Context, _args: &HealthIngestArgs) -> AppResult<Output> {
    Err(crate::error::AppError::usage("health ingest: not built yet"))
}
