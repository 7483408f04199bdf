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
const BOARD: &[&str] = &["event code", "status", "window"];

/// Bring kept `maintenance-mail` findings over (once), then read what the source keeps.
pub async fn kept_events(ctx: &Context) -> AppResult<Index> {
    if !ctx.global.dry_run {
        let state = ctx.open_state()?;
        health::migrate_mail_findings(state.as_ref()).await?;
    } else {
        let waiting = ctx.previous_findings(health::LEGACY_MAIL_SOURCE).await?.len();
        if waiting > 0 {
            tracing::warn!(
                "{waiting} finding(s) of maintenance-mail are not yet moved to source `{SOURCE}` (a dry run moves \
                 nothing): this dry run may show their events as new; the first real run moves them and tells nothing twice"
            );
        }
    }
    Ok(Index::new(ctx.previous_findings(SOURCE).await?))
}

/// What the kept findings say of each event: when it was last updated.
fn known_of(index: &Index, now: jiff::Timestamp) -> Known {
    let mut known = Known::default();
    for r in index.records() {
        let f = &r.finding;
        let (Some(arn), Some(account)) = (health::arn_of(f), f.account.clone()) else { continue };
        // An open finding, or one resolved because its window ended (AWS may list such an
        // event as open for days): its details are read again only when AWS updates it. One
        // that closed is read afresh if it is listed again.
        let ended = health::ends_of(f).is_some_and(|t| t <= now);
        if !health::told_by_authority(f) || (f.status != crate::spine::finding::Status::Open && !ended) {
            continue;
        }
        if let Some(t) = f.fields.iter().find(|x| x.name == health::UPDATED_FIELD).and_then(|x| x.value.parse().ok()) {
            known.updated.insert((account, arn.to_string()), t);
        }
    }
    known
}

pub async fn watch(ctx: &Context, args: &HealthWatchArgs) -> AppResult<Output> {
    Ok(Output::Report(Box::new(watch_once(ctx, args).await?)))
}

/// One `health watch` run (the demo's too).
pub async fn watch_once(ctx: &Context, args: &HealthWatchArgs) -> AppResult<crate::spine::engine::RunReport> {
    let settings = Settings::load(&ctx.config)?;
    let index = kept_events(ctx).await?;
    let known = known_of(&index, ctx.now());
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
    // In the organization view, `--account` picks which affected accounts are told (and
    // spoken for); without it, all of them.
    let picked: Option<BTreeSet<String>> = (org_mode && !ctx.global.account.is_empty()).then(|| {
        ctx.global
            .account
            .iter()
            .map(|a| ctx.config.account(a).and_then(|x| x.id.clone()).unwrap_or_else(|| a.clone()))
            .collect()
    });
    for (t, r) in results {
        match r {
            Ok(mut events) => {
                if let Some(p) = &picked {
                    events.retain(|l| l.event.account.as_ref().is_some_and(|a| p.contains(a)));
                }
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
                    if let Some(p) = &picked {
                        covered.retain(|a| p.contains(a));
                    }
                } else {
                    covered.insert(t.account_label());
                }
                listed.extend(events);
            }
            Err(e) => crate::aws::note_or_fail(&mut collected, &t.account.name, &e, args.strict),
        }
    }
    let (findings, dx) = findings_of(ctx, &settings, &index, &listed);
    if settings.auto_silence && !ctx.global.dry_run && !dx.is_empty() {
        auto_silence(ctx, &settings, &dx).await?;
    }
    collected.scope = Scope::Keys(health::spoken_for(&index, &covered));
    collected.vanished = Some(health::closed);
    collected.findings = findings;
    collected.skipped.extend(ctx.discovery.skipped(&ctx.global.account, ctx.config.shard));
    collected.errors.extend(ctx.discovery.errors());
    ctx.run_spine("health-watch", collected).await
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

/// `health ingest --sqs`: the events an EventBridge rule put in the queue, told through the
/// spine; a message is deleted once no sink still owes any of its findings, a poison one
/// once it is safe in the dead-letter queue. See `commands/health/README.md`.
pub async fn ingest(ctx: &Context, args: &HealthIngestArgs) -> AppResult<Output> {
    use crate::aws::sqs::QueueUrl;
    use crate::spine::engine::Outcome as Delivery;
    use crate::spine::finding::Status;
    let settings = Settings::load(&ctx.config)?;
    let queue = open_queue(ctx, &args.sqs, args.queue_account.as_deref()).await?;
    let dlq_url = match &args.dead_letter_queue {
        Some(u) => {
            QueueUrl::parse(u).ok_or_else(|| crate::error::AppError::usage(format!("--dead-letter-queue: `{u}` is not an SQS queue URL")))?;
            u.clone()
        }
        None => queue.dead_letter_queue().await?.ok_or_else(|| {
            crate::error::AppError::usage(format!(
                "no dead-letter queue for {}: it has no RedrivePolicy\nhint: name one with --dead-letter-queue URL, or give the queue a RedrivePolicy (commands/health/eventbridge-sqs.yaml does)",
                args.sqs
            ))
        })?,
    };
    let dlq = queue.sibling(&dlq_url);
    let mut index = kept_events(ctx).await?;
    let received = queue.receive(args.max_messages).await?;
    let now = ctx.now();
    let tz = &ctx.config.defaults.timezone;
    let mut errors: Vec<crate::spine::engine::TargetError> = Vec::new();
    let failed = |errors: &mut Vec<crate::spine::engine::TargetError>, m: &crate::aws::sqs::Received, why: String| {
        tracing::warn!(message = %m.id, "{why}");
        errors.push(crate::spine::engine::TargetError {
            target: format!("{} message {}", queue.url, m.id),
            message: why,
            kind: None,
            operation: None,
        });
    };

    // Each message's events as findings, one per event: a duplicate (or an older copy) of
    // an event folds into the newest description of it.
    let mut out: BTreeMap<String, (Finding, Option<jiff::Timestamp>)> = BTreeMap::new();
    let mut dx: BTreeMap<String, health::Event> = BTreeMap::new();
    let mut told_by: Vec<(&crate::aws::sqs::Received, Vec<String>)> = Vec::new();
    let mut done: Vec<&crate::aws::sqs::Received> = Vec::new();
    let mut poison: Vec<crate::spine::engine::TargetError> = Vec::new();
    for m in &received {
        let events = match health::eventbridge::events(&m.body) {
            Ok(events) => events,
            Err(why) => {
                tracing::warn!(message = %m.id, "not an AWS Health event: {why}");
                if ctx.global.dry_run {
                    continue;
                }
                match dlq.send_poison(&m.body, &why.0).await {
                    Ok(()) => {
                        tracing::info!(message = %m.id, "moved to the dead-letter queue {dlq_url}");
                        // Said in the report too (a note, not a failure): someone should look.
                        poison.push(crate::spine::engine::TargetError::new(
                            format!("{} message {}", queue.url, m.id),
                            format!("not an AWS Health event ({}): moved to the dead-letter queue {dlq_url}", why.0),
                        ));
                        done.push(m);
                    }
                    Err(e) => failed(&mut errors, m, format!("cannot move it to {dlq_url}: {e:#}")),
                }
                continue;
            }
        };
        let mut keys = Vec::new();
        for e in events {
            let key = index.key_of(&e);
            // A kept finding of a later description (the API's, or a later message) wins
            // over an older message read late.
            let kept = index.get(&key).map(|r| &r.finding);
            let kept_updated = kept
                .and_then(|f| f.fields.iter().find(|x| x.name == health::UPDATED_FIELD))
                .and_then(|x| x.value.parse::<jiff::Timestamp>().ok());
            let newer_kept = kept.filter(|_| matches!((kept_updated, e.last_updated), (Some(k), Some(t)) if k > t));
            let newer_here =
                out.get(&key).is_some_and(|(_, t)| matches!((t, e.last_updated), (Some(a), Some(b)) if *a > b));
            keys.push(key.clone());
            if newer_here {
                continue;
            }
            let f = match newer_kept {
                Some(kept) => {
                    let mut f = kept.clone();
                    if health::ends_of(&f).is_some_and(|t| t <= now) {
                        f.status = Status::Resolved;
                    }
                    f
                }
                None => {
                    let name = e.account.as_deref().and_then(|a| ctx.config.account(a)).map(|a| a.name.clone());
                    match health::event_finding(&index, &settings, &e, name.as_deref(), tz, now) {
                        Ok(f) => f,
                        Err(why) => {
                            tracing::info!(message = %m.id, event = e.arn.as_deref().unwrap_or("-"), "suppressed: {why}");
                            keys.pop();
                            continue;
                        }
                    }
                }
            };
            // Only this run's description of an event moves its silences, never a stale copy.
            if newer_kept.is_none() && health::silence::is_dx_maintenance(&e) {
                let mut e = e.clone();
                if e.resources.is_empty() {
                    e.resources = f.resources.clone();
                }
                dx.insert(f.key.clone(), e);
            }
            index.note(&f);
            out.insert(key, (f, e.last_updated));
        }
        told_by.push((m, keys));
    }
    if settings.auto_silence && !ctx.global.dry_run && !dx.is_empty() {
        auto_silence(ctx, &settings, &dx.into_iter().collect::<Vec<_>>()).await?;
    }

    // The kept open events come along (what a sink is still owed of them goes out with
    // this run; one whose window ended resolves); nothing resolves by absence.
    let mut findings: BTreeMap<String, Finding> = out.into_iter().map(|(k, (f, _))| (k, f)).collect();
    let told: BTreeSet<String> = findings.keys().cloned().collect();
    for f in health::ended(&index, &told, now) {
        findings.insert(f.key.clone(), f);
    }
    for r in index.records() {
        if r.finding.status == Status::Open && !findings.contains_key(&r.finding.key) {
            findings.insert(r.finding.key.clone(), r.finding.clone());
        }
    }
    let mut collected =
        Collected::new(SOURCE, findings.into_values().collect(), Scope::Accounts(Default::default())).with_board(BOARD);
    collected.errors.extend(errors);
    collected.skipped.extend(poison);
    let mut report = ctx.run_spine("health-ingest", collected).await?;

    let unsettled: BTreeSet<&str> = report
        .deliveries
        .iter()
        .filter(|d| matches!(d.outcome, Delivery::Failed | Delivery::Deferred | Delivery::DryRun))
        .map(|d| d.key.as_str())
        .collect();
    let mut kept_back = 0;
    for (m, keys) in &told_by {
        if keys.iter().any(|k| unsettled.contains(k.as_str())) {
            kept_back += 1;
        } else {
            done.push(m);
        }
    }
    let mut late_errors = Vec::new();
    if ctx.global.dry_run {
        // Received only to look: visible again at once for the real run.
        let all: Vec<&crate::aws::sqs::Received> = received.iter().collect();
        if let Err(e) = queue.release(&all).await {
            tracing::warn!("cannot make the messages visible again: {e:#}");
        }
    } else {
        let by_id: BTreeMap<&str, &crate::aws::sqs::Received> = done.iter().map(|m| (m.id.as_str(), *m)).collect();
        for (id, why) in queue.delete(&done).await {
            if let Some(m) = by_id.get(id.as_str()) {
                failed(&mut late_errors, m, format!("cannot delete it: {why}"));
            }
        }
    }
    report.errors.extend(late_errors);
    if !received.is_empty() {
        tracing::info!(
            "{} message(s) from {}: {} settled, {} kept in the queue until their notifications are delivered",
            received.len(),
            queue.url,
            done.len(),
            kept_back
        );
    }
    Ok(Output::Report(Box::new(report)))
}

/// The queue at `url`, read with the credentials of `queue_account`, else of the configured
/// account whose id the URL names, in the URL's region (an endpoint override's URL names
/// none: `--region`, else the account's region when it lists exactly one).
async fn open_queue(ctx: &Context, url: &str, queue_account: Option<&str>) -> AppResult<crate::aws::sqs::Queue> {
    let parsed = crate::aws::sqs::QueueUrl::parse(url).ok_or_else(|| {
        crate::error::AppError::usage(format!(
            "`{url}` is not an SQS queue URL\nhint: https://sqs.<region>.amazonaws.com/<account id>/<queue name>"
        ))
    })?;
    let account = match queue_account {
        Some(a) => ctx.config.account(a).ok_or_else(|| {
            crate::error::AppError::usage(format!("--queue-account `{a}`: no such configured account\nhint: name an [[accounts]] entry (name or id)"))
        })?,
        None => ctx.config.account(&parsed.account).ok_or_else(|| {
            crate::error::AppError::usage(format!(
                "no configured account has the id {} of queue {url}\nhint: name the account whose credentials read it with --queue-account NAME",
                parsed.account
            ))
        })?,
    };
    let region = parsed
        .region
        .clone()
        .or_else(|| ctx.global.region.first().cloned())
        // The account's region only when it has just one: never a guess among several.
        .or_else(|| (account.regions.len() == 1).then(|| account.regions[0].clone()))
        .ok_or_else(|| {
            crate::error::AppError::usage(format!(
                "no region for queue {url} (its address names none, and account `{}` lists {} regions)\nhint: --region REGION",
                account.name,
                account.regions.len()
            ))
        })?;
    Ok(crate::aws::sqs::Queue::new(&ctx.aws.config(account, &region).await, url))
}

/// `auto_silence` for the Direct Connect maintenance events of a `watch` or `ingest` run:
/// the Health API and EventBridge speak for AWS, so their events may silence.
async fn auto_silence(ctx: &Context, settings: &Settings, dx: &[(String, health::Event)]) -> AppResult<()> {
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
    Ok(())
}
