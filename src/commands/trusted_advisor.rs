//! `opskit trusted-advisor` (`ta`): Trusted Advisor recommendations at or above a status in
//! every selected account, one finding per account and check. `notify` (formerly `check`,
//! still accepted) hands them to the spine, which tells the routes' sinks; `show` prints
//! them as an audit table and tells no one, saves nothing; `checks` is the catalogue of
//! checks for writing filters.
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

use crate::aws::fan_out_with_progress;
use crate::aws::trustedadvisor::{self as ta, Flagged, Rec};
use crate::cli::{OutputFormat, TaApi, TaCheckArgs, TaChecksArgs, TaShowArgs, TaStatus};
use crate::commands::Output;
use crate::config::{Config, ConfigError};
use crate::context::Context;
use crate::error::{AppError, AppResult};
use crate::globs::Globs;
use crate::output::Col;
use crate::spine::engine::{Collected, RunReport, Scope};
use crate::spine::finding::{Details, Field, Finding, Link, Severity};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};

pub const SOURCE: &str = "trusted-advisor";
/// Trusted Advisor data is global; both APIs are served from US East (N. Virginia).
const REGION: &str = "us-east-1";
/// The board's columns.
pub const BOARD: &[&str] = &["pillar", "check", "check status", "flagged", "top resources"];
/// Resource listings of one account in flight at once.
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
// Collecting (the listing itself is `aws::trustedadvisor`)
// ---------------------------------------------------------------------------------------

fn resolve_api(ctx: &Context, flag: Option<TaApi>) -> AppResult<TaApi> {
    Ok(match (flag, Settings::load(&ctx.config)?.api.as_deref()) {
        (Some(a), _) => a,
        (None, Some("legacy")) => TaApi::Legacy,
        _ => TaApi::Trustedadvisor,
    })
}

/// The selected recommendations of every account as findings; `new_only`: `--fail-on`
/// counts only those not seen on the last run.
pub async fn collect(ctx: &Context, args: &TaShowArgs, new_only: bool) -> AppResult<Collected> {
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
        let account = &t.account;
        let query = ta::Query {
            check: &|id, name, pillars| filter.wants(account, id, name, pillars),
            status: &|status, lifecycle| {
                filter.at_or_above(status)
                    && !lifecycle.is_some_and(|l| filter.settings.ignore_lifecycle.iter().any(|i| i == l))
            },
            include_excluded: filter.include_excluded,
            language: &filter.settings.language,
        };
        match api {
            TaApi::Trustedadvisor => ta::recommendations(&cfg, &query).await,
            TaApi::Legacy => ta::legacy_recommendations(&cfg, &query).await,
        }
    })
    .await;
    let mut collected = Collected::new(SOURCE, Vec::new(), Scope::All).with_board(BOARD);
    collected.judging.fail_on_new_only = new_only;
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
            Err(e) => crate::aws::note_or_fail(&mut collected, &t.account.name, &e, args.strict),
        }
    }
    collected.scope = Scope::Accounts(covered);
    collected.vanished = Some(vanished);
    collected.skipped.extend(ctx.discovery.skipped(&ctx.global.account, ctx.config.shard));
    collected.errors.extend(ctx.discovery.errors());
    Ok(collected)
}

pub async fn check_once(ctx: &Context, args: &TaCheckArgs) -> AppResult<RunReport> {
    let collected = collect(ctx, &args.select, args.new_only).await?;
    ctx.run_spine("trusted-advisor-check", collected).await
}

pub async fn check(ctx: &Context, args: &TaCheckArgs) -> AppResult<Output> {
    Ok(Output::Report(Box::new(check_once(ctx, args).await?)))
}

/// `opskit ta show`: the recommendations `notify` would look at, as an audit table (or
/// JSON): no sinks, no state. A failed account is named on stderr and fails the run (3).
pub async fn show(ctx: &Context, args: &TaShowArgs) -> AppResult<Output> {
    let collected = collect(ctx, args, false).await?;
    let get = |f: &Finding, n: &str| f.fields.iter().find(|x| x.name == n).map(|x| x.value.clone());
    let text = match ctx.global.output {
        OutputFormat::Json | OutputFormat::Jsonl => {
            let items: Vec<serde_json::Value> = collected
                .findings
                .iter()
                .map(|f| {
                    let mut o = serde_json::Map::new();
                    o.insert("account".into(), f.account.clone().into());
                    o.insert("severity".into(), f.severity.to_string().into());
                    for x in &f.fields {
                        o.insert(x.name.replace(' ', "_"), x.value.clone().into());
                    }
                    o.insert("resources".into(), f.resources.clone().into());
                    serde_json::Value::Object(o)
                })
                .collect();
            crate::output::json_rows(&items, ctx.global.output).map_err(anyhow::Error::from)?
        }
        _ => {
            let mut t = crate::output::table(
                ctx.style,
                vec![
                    Col::id("ACCOUNT"),
                    Col::id("PILLAR").optional(2),
                    Col::text("CHECK").at_least(20),
                    Col::id("STATUS").optional(1),
                    Col::id("FLAGGED"),
                    Col::text("TOP RESOURCES"),
                    Col::id("SAVINGS").optional(3),
                ],
            );
            for f in &collected.findings {
                let cell = |n: &str| get(f, n).unwrap_or_else(|| "-".into());
                t.add_row([
                    cell("account name"),
                    cell("pillar"),
                    cell("check"),
                    cell("check status"),
                    cell("flagged"),
                    cell("top resources"),
                    cell("monthly savings"),
                ]);
            }
            let accounts: BTreeSet<&str> =
                collected.findings.iter().filter_map(|f| f.account.as_deref()).collect::<BTreeSet<_>>();
            if collected.findings.is_empty() {
                // Only of the accounts that answered: a failed one is named on stderr.
                let answered = match &collected.scope {
                    Scope::Accounts(a) => a.len(),
                    _ => 0,
                };
                format!("no recommendations at or above the status in the {answered} account(s) that answered\n")
            } else {
                format!("{t}\n{} recommendation(s) in {} account(s)\n", collected.findings.len(), accounts.len())
            }
        }
    };
    crate::output::print_target_notes(&collected.skipped, &collected.errors);
    Ok(Output::Text { text, failed: !collected.errors.is_empty() })
}

/// `opskit ta checks`: the catalogue of checks of the first selected account.
pub async fn checks(ctx: &Context, args: &TaChecksArgs) -> AppResult<Output> {
    let api = resolve_api(ctx, args.api)?;
    let settings = Settings::load(&ctx.config)?;
    let target = crate::aws::account_targets(&ctx.config, &ctx.global.account, REGION, "check")?.remove(0);
    let cfg = ctx.aws.config(&target.account, REGION).await;
    let fail = |e: anyhow::Error| AppError::Run(e.context(target.account.name.clone()));
    let mut rows = match api {
        TaApi::Trustedadvisor => ta::checks(&cfg).await,
        TaApi::Legacy => ta::legacy_checks(&cfg, &settings.language).await,
    }
    .map_err(fail)?;
    rows.sort_by(|a, b| a[2].cmp(&b[2]).then_with(|| a[1].cmp(&b[1])));
    let text = match ctx.global.output {
        OutputFormat::Json | OutputFormat::Jsonl => {
            let items: Vec<serde_json::Value> = rows
                .iter()
                .map(|r| serde_json::json!({"id": r[0], "name": r[1], "pillars": r[2], "source": r[3]}))
                .collect();
            crate::output::json_rows(&items, ctx.global.output).map_err(anyhow::Error::from)?
        }
        _ => {
            let mut t = crate::output::table(
                ctx.style,
                vec![Col::id("ID"), Col::text("NAME"), Col::id("PILLAR").optional(1), Col::id("SOURCE").optional(2)],
            );
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
