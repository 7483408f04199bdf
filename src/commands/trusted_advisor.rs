//! `opskit trusted-advisor check` (`ta`): Trusted Advisor recommendations at or above a
//! status in every selected account, one finding per account and check; and `checks`, the
//! catalogue of checks for writing filters.
//!
//! Two APIs feed one model: the Trusted Advisor API (ListRecommendations, then
//! ListRecommendationResources only for recommendations at or above `--min-status`) and
//! the Support API's legacy operations (DescribeTrustedAdvisorChecks, one batched
//! DescribeTrustedAdvisorCheckSummaries, then DescribeTrustedAdvisorCheckResult only for
//! checks at or above the status). Both key findings by the check id, so switching APIs
//! keeps their identity. The data is global: clients are pinned to us-east-1.
//!
//! The fingerprint is the status and the flagged resource set, so a newly flagged resource
//! is a Changed transition whose message names it; a recommendation that turns green (or
//! is dismissed, or falls below the status) is no longer listed and resolves.

use crate::aws::answer::{Member, Pages, RequireMembers, required};
use crate::aws::fan_out_with_progress;
use crate::cli::{OutputFormat, TaApi, TaCheckArgs, TaChecksArgs, TaStatus};
use crate::commands::Output;
use crate::config::{Config, ConfigError};
use crate::context::Context;
use crate::error::{AppError, AppResult};
use crate::globs::Globs;
use crate::spine::engine::{Collected, RunReport, Scope, TargetError};
use crate::spine::finding::{Details, Field, Finding, Link, Severity};
use futures::StreamExt;
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};

pub const SOURCE: &str = "trusted-advisor";
/// Trusted Advisor data is global; both APIs are served from US East (N. Virginia).
const REGION: &str = "us-east-1";
/// The board's columns.
pub const BOARD: &[&str] = &["pillar", "check", "check status", "flagged", "top resources"];
/// Resource listings of one account in flight at once.
const RESOURCE_CONCURRENCY: usize = 16;
/// Rows of the flagged-resources table in a message.
const DETAIL_ROWS: usize = 50;

/// One exclusion: these checks, in these accounts (names or ids) or accounts with these tags.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Exclude {
    #[serde(default)]
    pub accounts: Vec<String>,
    #[serde(default)]
    pub account_tags: BTreeMap<String, String>,
    pub checks: Vec<String>,
}

/// `[commands.trusted-advisor]`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Settings {
    pub min_status: Option<String>,
    pub api: Option<String>,
    /// Only these pillars (empty: all).
    pub pillars: Vec<String>,
    /// Only these checks, by id or name, globs allowed (empty: all).
    pub checks: Vec<String>,
    /// Never these checks.
    pub exclude_checks: Vec<String>,
    /// Recommendations in these lifecycle stages are left out.
    pub ignore_lifecycle: Vec<String>,
    /// Per account or account tag.
    pub exclude: Vec<Exclude>,
    /// How many resource ids the board and the summary name.
    pub top_resources: usize,
    /// Language of legacy check names and descriptions.
    pub language: String,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            min_status: None,
            api: None,
            pillars: Vec::new(),
            checks: Vec::new(),
            exclude_checks: Vec::new(),
            ignore_lifecycle: vec!["dismissed".into(), "resolved".into()],
            exclude: Vec::new(),
            top_resources: 3,
            language: "en".into(),
        }
    }
}

const PILLARS: &[&str] =
    &["cost_optimizing", "performance", "security", "service_limits", "fault_tolerance", "operational_excellence"];

fn glob_ok(key: &str, patterns: &[String], file: &Option<std::path::PathBuf>) -> Result<(), ConfigError> {
    Globs::new(patterns).map(|_| ()).map_err(|e| ConfigError {
        key: Some(key.into()),
        file: file.clone(),
        ..ConfigError::plain(e)
    })
}

impl Settings {
    pub fn load(config: &Config) -> Result<Settings, ConfigError> {
        let s: Settings = config.command_settings(SOURCE)?;
        let err = |key: &str, msg: String| ConfigError {
            key: Some(format!("commands.{SOURCE}.{key}")),
            file: config.file.clone(),
            ..ConfigError::plain(msg)
        };
        for p in &s.pillars {
            if !PILLARS.contains(&p.as_str()) {
                return Err(err("pillars", format!("unknown pillar `{p}` (known: {})", PILLARS.join(", "))));
            }
        }
        if let Some(m) = &s.min_status
            && !matches!(m.as_str(), "error" | "warning")
        {
            return Err(err("min_status", format!("`{m}`: use error or warning")));
        }
        if let Some(a) = &s.api
            && !matches!(a.as_str(), "trustedadvisor" | "legacy")
        {
            return Err(err("api", format!("`{a}`: use trustedadvisor or legacy")));
        }
        glob_ok(&format!("commands.{SOURCE}.checks"), &s.checks, &config.file)?;
        glob_ok(&format!("commands.{SOURCE}.exclude_checks"), &s.exclude_checks, &config.file)?;
        for (i, e) in s.exclude.iter().enumerate() {
            glob_ok(&format!("commands.{SOURCE}.exclude[{i}].checks"), &e.checks, &config.file)?;
            if e.accounts.is_empty() && e.account_tags.is_empty() {
                return Err(err(
                    &format!("exclude[{i}]"),
                    "names no `accounts` or `account_tags`; use exclude_checks to exclude everywhere".into(),
                ));
            }
        }
        Ok(s)
    }
}

/// What one run looks at: settings with the flags applied.
#[derive(Debug, Clone)]
pub struct Filter {
    pub min: &'static str,
    pub include_excluded: bool,
    pub pillars: Vec<String>,
    pub settings: Settings,
    checks: Globs,
    exclude_checks: Globs,
    /// Per exclusion: its accounts and its checks, compiled.
    exclude: Vec<(Globs, Globs)>,
}

impl Filter {
    /// `checks` are the flag's or the config's; the rest comes from `settings`.
    pub fn new(
        min: &'static str,
        include_excluded: bool,
        pillars: Vec<String>,
        checks: &[String],
        settings: Settings,
    ) -> Result<Filter, String> {
        let exclude = settings
            .exclude
            .iter()
            .map(|e| Ok((Globs::new(&e.accounts)?, Globs::new(&e.checks)?)))
            .collect::<Result<Vec<_>, String>>()?;
        Ok(Filter {
            min,
            include_excluded,
            pillars,
            checks: Globs::new(checks)?,
            exclude_checks: Globs::new(&settings.exclude_checks)?,
            exclude,
            settings,
        })
    }

    fn at_or_above(&self, status: &str) -> bool {
        match self.min {
            "warning" => status != "ok" && status != "not_available",
            _ => status == "error" || !is_known_status(status),
        }
    }

    /// Whether a check is wanted in this account (pillars, checks, exclusions).
    fn wants(&self, account: &crate::config::Account, check_id: &str, name: &str, pillars: &[String]) -> bool {
        let ids = [check_id, name];
        if !self.pillars.is_empty() && !pillars.iter().any(|p| self.pillars.contains(p)) {
            return false;
        }
        if !self.checks.is_empty() && !self.checks.any(&ids) {
            return false;
        }
        if self.exclude_checks.any(&ids) {
            return false;
        }
        let names = [account.name.as_str(), account.id.as_deref().unwrap_or("")];
        self.settings.exclude.iter().zip(&self.exclude).all(|(e, (accounts, checks))| {
            let by_account = !accounts.is_empty() && accounts.any(&names);
            let by_tag =
                !e.account_tags.is_empty() && e.account_tags.iter().all(|(k, v)| account.tags.get(k) == Some(v));
            !((by_account || by_tag) && checks.any(&ids))
        })
    }
}

fn is_known_status(s: &str) -> bool {
    matches!(s, "ok" | "warning" | "error" | "not_available")
}

// ---------------------------------------------------------------------------------------
// One model for both APIs
// ---------------------------------------------------------------------------------------

#[derive(Debug, Clone, PartialEq)]
pub struct Flagged {
    /// Trusted Advisor's own id of the flagged item, the same in both APIs: what the
    /// fingerprint is made of, so switching APIs changes nothing.
    pub key: String,
    /// The id a person knows (`sg-…`, `i-…`): the new API's `awsResourceId`; in the legacy
    /// API the check's "… ID" column, else Trusted Advisor's id.
    pub id: String,
    pub region: String,
    pub status: String,
    pub excluded: bool,
    pub metadata: Vec<(String, String)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Rec {
    /// The check id (`7DAFEmoDos`), or the recommendation id when it has no check.
    pub check_id: String,
    pub name: String,
    pub pillars: Vec<String>,
    pub status: String,
    pub lifecycle: Option<String>,
    pub flagged_count: i64,
    pub resources: Vec<Flagged>,
    pub savings: Option<f64>,
}

fn console_word(status: &str) -> String {
    match status {
        "error" => "Action recommended".into(),
        "warning" => "Investigation recommended".into(),
        "ok" => "No problems detected".into(),
        other => format!("status `{other}` not known to this opskit build"),
    }
}

/// One recommendation as a finding, keyed by account and check.
pub fn finding(account: &crate::config::Account, label: &str, rec: &Rec, top: usize) -> Finding {
    let severity = match rec.status.as_str() {
        "error" => Severity::Critical,
        _ => Severity::Warning,
    };
    let mut flagged: Vec<&Flagged> = rec.resources.iter().collect();
    flagged.sort_by(|a, b| b.status.cmp(&a.status).then_with(|| a.region.cmp(&b.region)).then(a.id.cmp(&b.id)));
    let count = if flagged.is_empty() { rec.flagged_count.max(0) as usize } else { flagged.len() };
    let tops: Vec<String> = flagged.iter().take(top).map(|r| r.id.clone()).collect();
    let tops_text = match (tops.len(), count) {
        (0, _) => "-".to_string(),
        (n, c) if c > n => format!("{} (+{} more)", tops.join(", "), c - n),
        _ => tops.join(", "),
    };
    let pillar = rec.pillars.join(", ");
    let title = format!("{}: {} ({count} flagged) in {}", rec.name, console_word(&rec.status), account.name);
    let mut summary = format!("Trusted Advisor check {} ({}) in account {label}", rec.check_id, dash(&pillar));
    if count > 0 {
        summary.push_str(&format!(": {count} resource(s) flagged, e.g. {tops_text}."));
    } else {
        summary.push('.');
    }
    if let Some(s) = rec.savings.filter(|s| *s > 0.0) {
        summary.push_str(&format!(" Estimated monthly savings: ${s:.2}."));
    }
    // Changed when the status or the flagged set changes, not when AWS refreshes metadata.
    let mut set: Vec<String> = flagged.iter().map(|r| format!("{}={}", r.key, r.status)).collect();
    set.sort();
    let meta_keys: Vec<String> = {
        let mut keys: Vec<String> = Vec::new();
        for r in &flagged {
            for (k, _) in &r.metadata {
                if !keys.contains(k) && !matches!(k.as_str(), "Region" | "Status" | "Region/AZ") {
                    keys.push(k.clone());
                }
            }
        }
        keys.into_iter().take(4).collect()
    };
    let details = (!flagged.is_empty()).then(|| {
        let mut columns = vec!["Resource".to_string(), "Region".into(), "Status".into()];
        columns.extend(meta_keys.iter().cloned());
        let rows = flagged
            .iter()
            .take(DETAIL_ROWS)
            .map(|r| {
                let mut row = vec![r.id.clone(), dash(&r.region).to_string(), excluded_word(r)];
                for k in &meta_keys {
                    row.push(r.metadata.iter().find(|(mk, _)| mk == k).map(|(_, v)| v.clone()).unwrap_or_default());
                }
                row
            })
            .collect();
        Box::new(Details {
            title: "Flagged resources".into(),
            columns,
            rows,
            more: flagged.len().saturating_sub(DETAIL_ROWS),
        })
    });
    let mut f = Finding {
        summary,
        account: Some(label.to_string()),
        resources: flagged.iter().map(|r| r.id.clone()).collect(),
        links: vec![Link {
            text: "Trusted Advisor console".into(),
            href: "https://console.aws.amazon.com/trustedadvisor/home#/dashboard".into(),
        }],
        fingerprint: format!("{}|{}", rec.status, set.join(",")),
        details,
        ..Finding::new(SOURCE, format!("{SOURCE}/{label}/{}", rec.check_id), severity, title)
    };
    f.fields = vec![
        Field { name: "account name".into(), value: account.name.clone() },
        Field { name: "pillar".into(), value: dash(&pillar).to_string() },
        Field { name: "check".into(), value: rec.name.clone() },
        Field { name: "check id".into(), value: rec.check_id.clone() },
        Field { name: "check status".into(), value: console_word(&rec.status) },
        Field { name: "flagged".into(), value: count.to_string() },
        Field { name: "top resources".into(), value: tops_text },
    ];
    if let Some(l) = &rec.lifecycle {
        f.fields.push(Field { name: "lifecycle".into(), value: l.clone() });
    }
    if let Some(s) = rec.savings.filter(|s| *s > 0.0) {
        f.fields.push(Field { name: "monthly savings".into(), value: format!("${s:.2}") });
    }
    f
}

/// Global resources: the new API says `-`, the legacy one leaves the region out.
fn global_dash(region: &str) -> String {
    if region.is_empty() || region == "-" { String::new() } else { region.to_string() }
}

fn excluded_word(r: &Flagged) -> String {
    if r.excluded { format!("{} (excluded)", r.status) } else { r.status.clone() }
}

fn dash(s: &str) -> &str {
    if s.is_empty() { "-" } else { s }
}

/// A recommendation no longer listed at or above the status: green, dismissed, below the
/// threshold or filtered out now. Say so rather than repeat the old "action recommended".
fn vanished(mut f: Finding) -> Finding {
    let check = f.fields.iter().find(|x| x.name == "check").map(|x| x.value.clone()).unwrap_or_default();
    let account = f.fields.iter().find(|x| x.name == "account name").map(|x| x.value.clone()).unwrap_or_default();
    f.title = format!("{check}: no longer flagged in {account}");
    for x in f.fields.iter_mut() {
        if x.name == "check status" {
            x.value = "no longer flagged".into();
        }
    }
    f.summary = "Trusted Advisor no longer lists this check at or above the status opskit watches: it turned \
                 green, was dismissed or resolved, or a filter now leaves it out."
        .into();
    f
}

// ---------------------------------------------------------------------------------------
// Collecting
// ---------------------------------------------------------------------------------------

fn api_error<E>(
    op: &str,
    e: aws_smithy_runtime_api::client::result::SdkError<E, aws_smithy_runtime_api::client::orchestrator::HttpResponse>,
) -> anyhow::Error
where
    E: aws_smithy_types::error::metadata::ProvideErrorMetadata + std::error::Error + Send + Sync + 'static,
{
    crate::aws::support_api_error(
        op,
        "Trusted Advisor API",
        "the role needs trustedadvisor:List* and trustedadvisor:Get* (support:DescribeTrustedAdvisor* for \
         --api legacy): commands/trusted-advisor/iam-policy.json; an account without Business support answers \
         AccessDenied too",
        e,
    )
}

/// The lists every answer holds, `[]` when empty: the models mark them required, so the SDK
/// would quietly put in an empty list where an answer lacks one (`{}` from a proxy), and
/// every recommendation would look resolved.
const REQUIRED: &[Member] = &[
    Member { op: "ListRecommendations", pointer: "/recommendationSummaries", what: "recommendationSummaries list" },
    Member {
        op: "ListRecommendationResources",
        pointer: "/recommendationResourceSummaries",
        what: "recommendationResourceSummaries list",
    },
    Member { op: "ListChecks", pointer: "/checkSummaries", what: "checkSummaries list" },
    Member { op: "DescribeTrustedAdvisorChecks", pointer: "/checks", what: "checks list" },
    Member { op: "DescribeTrustedAdvisorCheckSummaries", pointer: "/summaries", what: "summaries list" },
    Member {
        op: "DescribeTrustedAdvisorCheckResult",
        pointer: "/result/flaggedResources",
        what: "result.flaggedResources list",
    },
];

/// The Trusted Advisor API: recommendations (every page), then the resources of those at
/// or above the status (every page, several at once).
async fn collect_new(
    client: &aws_sdk_trustedadvisor::Client,
    account: &crate::config::Account,
    filter: &Filter,
) -> anyhow::Result<Vec<Rec>> {
    use aws_sdk_trustedadvisor::types::ExclusionStatus;
    let mut pages = Pages::new("ListRecommendations");
    let mut wanted = Vec::new();
    while let Some(token) = pages.token() {
        let page = client
            .list_recommendations()
            .max_results(200)
            .set_next_token(token)
            .send()
            .await
            .map_err(|e| api_error("ListRecommendations", e))?;
        pages.answered(page.next_token())?;
        for r in page.recommendation_summaries() {
            let status = r.status().as_str().to_string();
            let lifecycle = r.lifecycle_stage().map(|l| l.as_str().to_string());
            if !filter.at_or_above(&status)
                || lifecycle.as_ref().is_some_and(|l| filter.settings.ignore_lifecycle.contains(l))
            {
                continue;
            }
            let check_id = r.check_arn().and_then(|a| a.rsplit('/').next()).unwrap_or(r.id()).to_string();
            let pillars: Vec<String> = r.pillars().iter().map(|p| p.as_str().to_string()).collect();
            if !filter.wants(account, &check_id, r.name(), &pillars) {
                continue;
            }
            let agg = r.resources_aggregates();
            let flagged_count = agg.map_or(0, |a| a.error_count() + a.warning_count());
            let savings =
                r.pillar_specific_aggregates().and_then(|p| p.cost_optimizing()).map(|c| c.estimated_monthly_savings());
            let rec = Rec {
                check_id,
                name: r.name().to_string(),
                pillars,
                status,
                lifecycle,
                flagged_count,
                resources: Vec::new(),
                savings,
            };
            wanted.push((r.arn().to_string(), rec));
        }
    }
    let include_excluded = filter.include_excluded;
    let results: Vec<anyhow::Result<Rec>> = futures::stream::iter(wanted)
        .map(|(arn, mut rec)| async move {
            let mut req = client.list_recommendation_resources().recommendation_identifier(&arn).max_results(1000);
            if !include_excluded {
                req = req.exclusion_status(ExclusionStatus::Included);
            }
            let mut pages = Pages::new("ListRecommendationResources");
            while let Some(token) = pages.token() {
                let page = req
                    .clone()
                    .set_next_token(token)
                    .send()
                    .await
                    .map_err(|e| api_error("ListRecommendationResources", e))?;
                pages.answered(page.next_token())?;
                for r in page.recommendation_resource_summaries() {
                    let status = r.status().as_str();
                    let excluded = r.exclusion_status() == &ExclusionStatus::Excluded;
                    if status == "ok" || (excluded && !include_excluded) {
                        continue;
                    }
                    let mut metadata: Vec<(String, String)> =
                        r.metadata().iter().map(|(k, v)| (k.clone(), v.clone())).collect();
                    metadata.sort();
                    rec.resources.push(Flagged {
                        key: r.id().to_string(),
                        id: r.aws_resource_id().to_string(),
                        region: global_dash(r.region_code()),
                        status: status.to_string(),
                        excluded,
                        metadata,
                    });
                }
            }
            Ok(rec)
        })
        .buffered(RESOURCE_CONCURRENCY)
        .collect()
        .await;
    results.into_iter().collect()
}

/// The Support API's legacy operations: checks, their summaries in one call, and the
/// results of the checks at or above the status.
async fn collect_legacy(
    client: &aws_sdk_support::Client,
    account: &crate::config::Account,
    filter: &Filter,
) -> anyhow::Result<Vec<Rec>> {
    let checks = client
        .describe_trusted_advisor_checks()
        .language(&filter.settings.language)
        .send()
        .await
        .map_err(|e| api_error("DescribeTrustedAdvisorChecks", e))?;
    let mut by_id: BTreeMap<String, (String, Vec<String>, Vec<String>)> = BTreeMap::new();
    for c in checks.checks() {
        let pillars = vec![c.category().to_string()];
        if filter.wants(account, c.id(), c.name(), &pillars) {
            let headers = c.metadata().iter().map(|h| h.clone().unwrap_or_default()).collect();
            by_id.insert(c.id().to_string(), (c.name().to_string(), pillars, headers));
        }
    }
    let mut recs = Vec::new();
    let ids: Vec<String> = by_id.keys().cloned().collect();
    for chunk in ids.chunks(100) {
        let summaries = client
            .describe_trusted_advisor_check_summaries()
            .set_check_ids(Some(chunk.iter().map(|i| Some(i.clone())).collect()))
            .send()
            .await
            .map_err(|e| api_error("DescribeTrustedAdvisorCheckSummaries", e))?;
        for s in summaries.summaries() {
            // `not_available`: no data for this check in this account. Never a failure.
            if !filter.at_or_above(s.status()) {
                continue;
            }
            let Some((name, pillars, _)) = by_id.get(s.check_id()) else { continue };
            recs.push(Rec {
                check_id: s.check_id().to_string(),
                name: name.clone(),
                pillars: pillars.clone(),
                status: s.status().to_string(),
                lifecycle: None,
                flagged_count: s.resources_summary().map_or(0, |r| r.resources_flagged()),
                resources: Vec::new(),
                savings: s
                    .category_specific_summary()
                    .and_then(|c| c.cost_optimizing())
                    .map(|c| c.estimated_monthly_savings()),
            });
        }
    }
    let include_excluded = filter.include_excluded;
    let language = filter.settings.language.clone();
    let by_id = &by_id;
    let results: Vec<anyhow::Result<Rec>> = futures::stream::iter(recs)
        .map(|mut rec| {
            let language = language.clone();
            async move {
                let out = client
                    .describe_trusted_advisor_check_result()
                    .check_id(&rec.check_id)
                    .language(language)
                    .send()
                    .await
                    .map_err(|e| api_error("DescribeTrustedAdvisorCheckResult", e))?;
                let headers = by_id.get(&rec.check_id).map(|(_, _, h)| h.clone()).unwrap_or_default();
                let result = required(out.result(), "DescribeTrustedAdvisorCheckResult", "result")?;
                for r in result.flagged_resources() {
                    if r.status() == "ok" || (r.is_suppressed() && !include_excluded) {
                        continue;
                    }
                    let metadata = headers
                        .iter()
                        .zip(r.metadata())
                        .map(|(h, v)| (h.clone(), v.clone().unwrap_or_default()))
                        .collect::<Vec<_>>();
                    // The id people know is in one of the check's own columns.
                    let shown = metadata
                        .iter()
                        .find(|(h, v)| h.ends_with(" ID") && !v.is_empty())
                        .map(|(_, v)| v.clone())
                        .unwrap_or_else(|| r.resource_id().to_string());
                    rec.resources.push(Flagged {
                        key: r.resource_id().to_string(),
                        id: shown,
                        region: global_dash(r.region().unwrap_or_default()),
                        status: r.status().to_string(),
                        excluded: r.is_suppressed(),
                        metadata,
                    });
                }
                Ok(rec)
            }
        })
        .buffered(RESOURCE_CONCURRENCY)
        .collect()
        .await;
    results.into_iter().collect()
}

fn resolve_api(ctx: &Context, flag: Option<TaApi>) -> AppResult<TaApi> {
    Ok(match (flag, Settings::load(&ctx.config)?.api.as_deref()) {
        (Some(a), _) => a,
        (None, Some("legacy")) => TaApi::Legacy,
        _ => TaApi::Trustedadvisor,
    })
}

pub async fn collect(ctx: &Context, args: &TaCheckArgs) -> AppResult<Collected> {
    let settings = Settings::load(&ctx.config)?;
    let api = resolve_api(ctx, args.api)?;
    let min = match (args.min_status, settings.min_status.as_deref()) {
        (Some(TaStatus::Warning), _) | (None, Some("warning")) => "warning",
        _ => "error",
    };
    for p in &args.pillar {
        if !PILLARS.contains(&p.as_str()) {
            return Err(AppError::usage(format!("--pillar `{p}`: known pillars are {}", PILLARS.join(", "))));
        }
    }
    let checks = if args.check.is_empty() { settings.checks.clone() } else { args.check.clone() };
    let pillars = if args.pillar.is_empty() { settings.pillars.clone() } else { args.pillar.clone() };
    let filter = Filter::new(min, args.include_excluded, pillars, &checks, settings.clone())
        .map_err(|e| AppError::usage(format!("--check: {e}")))?;
    let targets = crate::aws::account_targets(&ctx.config, &ctx.global.account, REGION, "check")?;
    let bar = crate::aws::progress_bar("asking Trusted Advisor", targets.len(), ctx.global.quiet);
    let (concurrency, timeout) = (ctx.config.defaults.concurrency, ctx.timeout()?);
    let filter = &filter;
    let results = fan_out_with_progress(targets, concurrency, timeout, bar.as_ref(), |t| async move {
        let cfg = ctx.aws.config(&t.account, REGION).await;
        match api {
            TaApi::Trustedadvisor => {
                let conf =
                    aws_sdk_trustedadvisor::config::Builder::from(&cfg).interceptor(RequireMembers(REQUIRED)).build();
                collect_new(&aws_sdk_trustedadvisor::Client::from_conf(conf), &t.account, filter).await
            }
            TaApi::Legacy => {
                let conf = aws_sdk_support::config::Builder::from(&cfg).interceptor(RequireMembers(REQUIRED)).build();
                collect_legacy(&aws_sdk_support::Client::from_conf(conf), &t.account, filter).await
            }
        }
    })
    .await;
    let mut collected = Collected::new(SOURCE, Vec::new(), Scope::All);
    let mut covered = BTreeSet::new();
    for (t, r) in results {
        match r {
            Ok(recs) => {
                let l = t.account_label();
                for rec in &recs {
                    collected.findings.push(finding(&t.account, &l, rec, settings.top_resources));
                }
                covered.insert(l);
            }
            Err(e) => {
                let target = t.account.name.clone();
                let message = format!("{e:#}");
                if e.downcast_ref::<crate::aws::NoSupportPlan>().is_some() && !args.strict {
                    collected.skipped.push(TargetError { target, message });
                } else {
                    collected.errors.push(TargetError { target, message });
                }
            }
        }
    }
    collected.scope = Scope::Accounts(covered);
    collected.vanished = Some(vanished);
    collected.skipped.extend(ctx.discovery.skipped(&ctx.global.account, ctx.config.shard));
    collected.errors.extend(ctx.discovery.errors());
    Ok(collected)
}

pub async fn check_once(ctx: &Context, args: &TaCheckArgs) -> AppResult<RunReport> {
    let collected = collect(ctx, args).await?;
    let mut report = ctx.run_spine("trusted-advisor-check", collected).await?;
    report.board = BOARD.iter().map(|s| s.to_string()).collect();
    report.fail_on_new_only = args.new_only;
    Ok(report)
}

pub async fn check(ctx: &Context, args: &TaCheckArgs) -> AppResult<Output> {
    Ok(Output::Report(Box::new(check_once(ctx, args).await?)))
}

/// `opskit ta checks`: the catalogue of checks of the first selected account.
pub async fn checks(ctx: &Context, args: &TaChecksArgs) -> AppResult<Output> {
    let api = resolve_api(ctx, args.api)?;
    let settings = Settings::load(&ctx.config)?;
    let target = crate::aws::account_targets(&ctx.config, &ctx.global.account, REGION, "check")?.remove(0);
    let cfg = ctx.aws.config(&target.account, REGION).await;
    let fail = |e: anyhow::Error| AppError::Run(e.context(target.account.name.clone()));
    let mut rows: Vec<[String; 4]> = Vec::new();
    match api {
        TaApi::Trustedadvisor => {
            let conf =
                aws_sdk_trustedadvisor::config::Builder::from(&cfg).interceptor(RequireMembers(REQUIRED)).build();
            let client = aws_sdk_trustedadvisor::Client::from_conf(conf);
            let mut pages = Pages::new("ListChecks");
            while let Some(token) = pages.token() {
                let page = client
                    .list_checks()
                    .max_results(200)
                    .set_next_token(token)
                    .send()
                    .await
                    .map_err(|e| fail(api_error("ListChecks", e)))?;
                pages.answered(page.next_token()).map_err(|e| fail(e.into()))?;
                for c in page.check_summaries() {
                    let pillars: Vec<&str> = c.pillars().iter().map(|p| p.as_str()).collect();
                    rows.push([c.id().into(), c.name().into(), pillars.join(", "), c.source().as_str().into()]);
                }
            }
        }
        TaApi::Legacy => {
            let conf = aws_sdk_support::config::Builder::from(&cfg).interceptor(RequireMembers(REQUIRED)).build();
            let client = aws_sdk_support::Client::from_conf(conf);
            let out = client
                .describe_trusted_advisor_checks()
                .language(&settings.language)
                .send()
                .await
                .map_err(|e| fail(api_error("DescribeTrustedAdvisorChecks", e)))?;
            for c in out.checks() {
                rows.push([c.id().into(), c.name().into(), c.category().into(), "ta_check".into()]);
            }
        }
    }
    rows.sort_by(|a, b| a[2].cmp(&b[2]).then_with(|| a[1].cmp(&b[1])));
    let text = match ctx.global.output {
        OutputFormat::Json | OutputFormat::Jsonl => {
            let items: Vec<serde_json::Value> = rows
                .iter()
                .map(|r| serde_json::json!({"id": r[0], "name": r[1], "pillars": r[2], "source": r[3]}))
                .collect();
            if ctx.global.output == OutputFormat::Json {
                serde_json::to_string_pretty(&items).map_err(anyhow::Error::from)? + "\n"
            } else {
                items.iter().map(|i| i.to_string() + "\n").collect()
            }
        }
        _ => {
            let mut t = crate::output::table(ctx.style, &["ID", "NAME", "PILLAR", "SOURCE"]);
            for r in &rows {
                t.add_row(r.iter().map(String::as_str).collect::<Vec<_>>());
            }
            format!("{t}\n{} checks in account {}\n", rows.len(), target.account.name)
        }
    };
    Ok(Output::text(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn account() -> crate::config::Account {
        crate::config::test_account(
            "[[accounts]]\nname = \"acme-prod\"\nid = \"111122223333\"\ntags = { env = \"prod\" }\n",
        )
    }

    fn sg(ids: &[&str]) -> Rec {
        Rec {
            check_id: "HCP4007jGY".into(),
            name: "Security Groups - Specific Ports Unrestricted".into(),
            pillars: vec!["security".into()],
            status: "error".into(),
            lifecycle: Some("in_progress".into()),
            flagged_count: ids.len() as i64,
            resources: ids
                .iter()
                .map(|id| Flagged {
                    key: format!("ta-{id}"),
                    id: id.to_string(),
                    region: "ap-northeast-1".into(),
                    status: "error".into(),
                    excluded: false,
                    metadata: vec![("Protocol".into(), "tcp".into()), ("From Port".into(), "22".into())],
                })
                .collect(),
            savings: None,
        }
    }

    #[test]
    fn a_red_recommendation_is_critical_with_its_resources_table_and_a_stable_key() {
        let f = finding(&account(), "111122223333", &sg(&["sg-1", "sg-2"]), 3);
        assert_eq!(f.severity, Severity::Critical);
        assert_eq!(f.key, "trusted-advisor/111122223333/HCP4007jGY");
        assert!(f.title.contains("Action recommended (2 flagged)"), "{}", f.title);
        let d = f.details.as_ref().unwrap();
        assert_eq!(d.columns, ["Resource", "Region", "Status", "Protocol", "From Port"]);
        assert_eq!(d.rows[0], ["sg-1", "ap-northeast-1", "error", "tcp", "22"]);
    }

    #[test]
    fn a_new_flagged_resource_changes_the_fingerprint_and_metadata_does_not() {
        let a = finding(&account(), "1", &sg(&["sg-1"]), 3);
        let b = finding(&account(), "1", &sg(&["sg-1", "sg-2"]), 3);
        assert_ne!(a.fingerprint, b.fingerprint);
        let mut c = sg(&["sg-1"]);
        c.resources[0].metadata[0].1 = "udp".into();
        assert_eq!(a.fingerprint, finding(&account(), "1", &c, 3).fingerprint);
        let tops = finding(&account(), "1", &sg(&["a", "b", "c", "d", "e"]), 3);
        assert!(tops.fields.iter().any(|x| x.value == "a, b, c (+2 more)"));
    }

    #[test]
    fn filters_by_status_pillar_check_and_per_account_exclusion() {
        let mut settings = Settings::default();
        settings.exclude.push(Exclude {
            account_tags: [("env".to_string(), "prod".to_string())].into(),
            checks: vec!["Low Utilization*".into()],
            ..Default::default()
        });
        let f = Filter::new("error", false, vec![], &[], settings.clone()).unwrap();
        assert!(f.at_or_above("error") && !f.at_or_above("warning") && !f.at_or_above("not_available"));
        assert!(f.at_or_above("purple"), "an unknown status is never silently healthy");
        let acc = account();
        assert!(f.wants(&acc, "HCP4007jGY", "Security Groups", &["security".into()]));
        assert!(!f.wants(&acc, "Qch7DwouX1", "Low Utilization Amazon EC2 Instances", &["cost_optimizing".into()]));
        let f = Filter::new("warning", false, vec!["security".into()], &[], settings).unwrap();
        assert!(f.at_or_above("warning"));
        assert!(!f.wants(&acc, "x", "EBS snapshots", &["fault_tolerance".into()]));
    }

    #[test]
    fn settings_errors_name_the_key() {
        let env = crate::config::Env::process();
        let e = crate::config::parse_and_check(
            "[commands.trusted-advisor]\npillars = [\"securty\"]\n",
            None,
            &env,
            crate::commands::SECTIONS,
        )
        .unwrap_err()
        .to_string();
        assert!(e.contains("commands.trusted-advisor.pillars") && e.contains("securty"), "{e}");
        let e = crate::config::parse_and_check(
            "[commands.trusted-advisor]\n[[commands.trusted-advisor.exclude]]\nchecks = [\"x\"]\n",
            None,
            &env,
            crate::commands::SECTIONS,
        )
        .unwrap_err()
        .to_string();
        assert!(e.contains("exclude[0]"), "{e}");
    }
}
