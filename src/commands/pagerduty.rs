//! `opskit pagerduty remind` (from a minutely timer): a reminder for every PagerDuty incident
//! opskit triggered that nobody has acknowledged after `[commands.pagerduty] remind_after`
//! (default 15m), routed like any finding (source `pagerduty`); see [`crate::reminders`].

use crate::cli::PagerDutyRemindArgs;
use crate::commands::Output;
use crate::config::{Config, ConfigError, Dur};
use crate::context::Context;
use crate::error::{AppError, AppResult};
use crate::spine::engine::{Collected, Scope};
use serde::Deserialize;
use std::collections::BTreeSet;

const SECTION: &str = "pagerduty";
const DEFAULT_REMIND_AFTER: u64 = 15 * 60;

/// `[commands.pagerduty]`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Settings {
    /// How long an incident may stay unacknowledged before the reminder (default 15m).
    pub remind_after: Option<Dur>,
}

impl Settings {
    pub fn load(config: &Config) -> Result<Settings, ConfigError> {
        config.command_settings(SECTION)
    }
}

pub async fn remind(ctx: &Context, _args: &PagerDutyRemindArgs) -> AppResult<Output> {
    let settings = Settings::load(&ctx.config)?;
    if !ctx.config.sinks.keys().any(|s| ctx.config.pagerduty_rest(s).is_some()) {
        return Err(AppError::usage(
            "no pagerduty sink has the REST API configured\nhint: give the sink api_token_env (and from); see the README's sinks",
        ));
    }
    let after = jiff::SignedDuration::try_from(
        settings.remind_after.map_or(std::time::Duration::from_secs(DEFAULT_REMIND_AFTER), |d| d.0),
    )
    .unwrap_or_default();
    let state = ctx.read_state()?;
    let now = ctx.now();
    let kept = ctx.previous_findings(crate::reminders::SOURCE).await?;
    let open: BTreeSet<String> = kept
        .iter()
        .filter(|r| r.finding.status == crate::spine::finding::Status::Open)
        .map(|r| r.finding.key.clone())
        .collect();
    let tz = &ctx.config.defaults.timezone;
    let found = crate::reminders::due(&ctx.config, state.as_ref(), &ctx.http, after, tz, now, &open).await?;
    if !ctx.global.dry_run && !found.acknowledged.is_empty() {
        crate::history::record(state.as_ref(), &found.acknowledged).await?;
    }
    let scope: BTreeSet<String> = kept
        .iter()
        .map(|r| r.finding.key.clone())
        .filter(|k| found.covered.iter().any(|s| k.starts_with(&format!("{}/{s}/", crate::reminders::SOURCE))))
        .collect();
    let mut collected = Collected::new(crate::reminders::SOURCE, found.findings, Scope::Keys(scope)).with_board(&[
        "incident",
        "status",
        "triggered",
    ]);
    collected.errors = found.errors;
    collected.skipped = found.unmatched;
    collected.vanished = Some(crate::reminders::taken);
    Ok(Output::Report(Box::new(ctx.run_spine("pagerduty-remind", collected).await?)))
}
