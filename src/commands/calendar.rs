//! `opskit calendar sync` (from a 5-minute timer): planned work from the calendars of
//! `[[commands.calendar.sources]]` becomes silences for its windows (owned by the calendar:
//! created, moved and removed as the calendar changes; an operator's own are never touched)
//! and announcements before, at the start and at the end ([`crate::calendar::sync`]).
//!
//! A calendar that cannot be read keeps its silences and announcements as they were (until
//! they end) and fails the run (exit 3): an outage of the calendar host never un-silences
//! planned work, nor silences unplanned work.

use crate::calendar::sync::{self, Policy};
use crate::calendar::{Occurrence, Problem, Source, Target};
use crate::cli::CalendarSyncArgs;
use crate::commands::Output;
use crate::config::{Config, ConfigError, Dur};
use crate::context::Context;
use crate::error::{AppError, AppResult};
use crate::redact::Secret;
use crate::spine::engine::{Collected, Scope, TargetError};
use crate::spine::finding::Finding;
use serde::Deserialize;
use std::collections::BTreeSet;
use std::path::PathBuf;

const SECTION: &str = "calendar";
const DEFAULT_ANNOUNCE: [u64; 2] = [24 * 3600, 30 * 60];
const DEFAULT_MARGIN_BEFORE: u64 = 15 * 60;
const DEFAULT_MARGIN_AFTER: u64 = 30 * 60;
const DEFAULT_HORIZON: u64 = 14 * 86_400;
/// How far back occurrences are read: long enough to see one that started days ago and
/// still runs, and to resolve one that just ended.
const LOOK_BACK: jiff::SignedDuration = jiff::SignedDuration::from_hours(72);

/// `[commands.calendar]`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Settings {
    pub sources: Vec<SourceConfig>,
    /// Lead times of the announcements (default 24h and 30m), besides the start and the end.
    pub announce: Vec<Dur>,
    /// How long before an event its silences start (default 15m) and after it they end (30m).
    pub margin_before: Option<Dur>,
    pub margin_after: Option<Dur>,
    /// How far ahead occurrences are read (default 14d).
    pub horizon: Option<Dur>,
    /// The `pagerduty` sink (with its REST API and `from`) whose services events name with
    /// `opskit: pagerduty=…` get maintenance windows.
    pub pagerduty_sink: Option<String>,
}

/// One `[[commands.calendar.sources]]`: exactly one of `file`, `url_env`/`url_file`, `caldav`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct SourceConfig {
    pub name: String,
    pub file: Option<PathBuf>,
    /// The environment variable holding a secret iCal address (Google's, a published Outlook calendar).
    pub url_env: Option<String>,
    pub url_file: Option<PathBuf>,
    /// A CalDAV calendar collection URL, with `user` and `password_env`/`password_file`.
    pub caldav: Option<String>,
    pub user: Option<String>,
    pub password_env: Option<String>,
    pub password_file: Option<PathBuf>,
}

impl Settings {
    pub fn load(config: &Config) -> Result<Settings, ConfigError> {
        let s: Settings = config.command_settings(SECTION)?;
        let err = |key: String, message: String| ConfigError {
            key: Some(format!("commands.{SECTION}.{key}")),
            file: config.file.clone(),
            ..ConfigError::plain(message)
        };
        if let Some(sink) = &s.pagerduty_sink {
            match config.pagerduty_rest(sink) {
                Some(r) if r.from.is_some() => {}
                Some(_) => {
                    return Err(err(
                        "pagerduty_sink".into(),
                        format!("sink `{sink}` has no `from`: creating a maintenance window needs it"),
                    ));
                }
                None => {
                    return Err(err(
                        "pagerduty_sink".into(),
                        format!("no pagerduty sink `{sink}` with the REST API (api_token_env, from)"),
                    ));
                }
            }
        }
        let mut names = BTreeSet::new();
        for (i, src) in s.sources.iter().enumerate() {
            let key = |k: &str| format!("sources[{i}].{k}");
            let ok_name =
                !src.name.is_empty() && src.name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
            if !ok_name {
                return Err(err(
                    key("name"),
                    "must be letters, digits, - or _ (it names the calendar's findings and silences)".into(),
                ));
            }
            if !names.insert(src.name.clone()) {
                return Err(err(key("name"), format!("`{}` names two calendars", src.name)));
            }
            let given = [src.file.is_some(), src.url_env.is_some() || src.url_file.is_some(), src.caldav.is_some()];
            if given.iter().filter(|g| **g).count() != 1 {
                return Err(err(key("file"), "give exactly one of file, url_env (or url_file) and caldav".into()));
            }
            if src.caldav.is_some()
                && (src.user.is_none() || (src.password_env.is_none() && src.password_file.is_none()))
            {
                return Err(err(
                    key("caldav"),
                    "a CalDAV calendar needs user and password_env (or password_file)".into(),
                ));
            }
        }
        Ok(s)
    }

    fn policy(&self) -> Policy {
        let d = |d: Option<Dur>, default: u64| {
            jiff::SignedDuration::try_from(d.map_or(std::time::Duration::from_secs(default), |d| d.0))
                .unwrap_or_default()
        };
        let announce = if self.announce.is_empty() {
            DEFAULT_ANNOUNCE.iter().map(|s| jiff::SignedDuration::from_secs(*s as i64)).collect()
        } else {
            self.announce.iter().map(|a| d(Some(*a), 0)).collect()
        };
        Policy {
            announce,
            margin_before: d(self.margin_before, DEFAULT_MARGIN_BEFORE),
            margin_after: d(self.margin_after, DEFAULT_MARGIN_AFTER),
        }
    }
}

/// The source a config entry names, its secrets read now (only for the calendars synced).
fn source_of(ctx: &Context, c: &SourceConfig) -> Result<Source, String> {
    let secret = |env: &Option<String>, file: &Option<PathBuf>, what: &str| -> Result<Secret, String> {
        if let Some(name) = env {
            return ctx
                .env
                .get(name)
                .filter(|v| !v.trim().is_empty())
                .map(|v| Secret::new(v.trim().to_string()))
                .ok_or_else(|| format!("the environment variable {name} ({what}) is not set"));
        }
        if let Some(path) = file {
            return std::fs::read_to_string(path)
                .map(|v| Secret::new(v.trim().to_string()))
                .map_err(|e| format!("cannot read {} ({what}): {e}", path.display()));
        }
        Err(format!("no {what} given"))
    };
    if let Some(f) = &c.file {
        return Ok(Source::File(f.clone()));
    }
    if let Some(url) = &c.caldav {
        let password = secret(&c.password_env, &c.password_file, "the CalDAV password")?;
        return Ok(Source::CalDav { url: url.clone(), user: c.user.clone().unwrap_or_default(), password });
    }
    Ok(Source::Url(secret(&c.url_env, &c.url_file, "the calendar's secret address")?))
}

pub async fn sync(ctx: &Context, _args: &CalendarSyncArgs) -> AppResult<Output> {
    let settings = Settings::load(&ctx.config)?;
    if settings.sources.is_empty() {
        return Err(AppError::usage(
            "no calendars to sync\nhint: add [[commands.calendar.sources]] (see commands/calendar/README.md)",
        ));
    }
    let now = ctx.now();
    let horizon = jiff::SignedDuration::try_from(
        settings.horizon.map_or(std::time::Duration::from_secs(DEFAULT_HORIZON), |d| d.0),
    )
    .unwrap_or_default();
    let (from, to) = (now - LOOK_BACK, now + horizon);
    let policy = settings.policy();
    let tz = ctx.config.defaults.timezone.clone();
    // The run's client: no redirects followed, no Referer (the secret address stays put).
    let http = ctx.http.clone();
    let state = ctx.open_state()?;
    let kept: Vec<Finding> = ctx.previous_findings(sync::SOURCE).await?.into_iter().map(|r| r.finding).collect();

    let pagerduty = match settings.pagerduty_sink.as_deref().and_then(|s| ctx.config.pagerduty_rest(s)) {
        Some(r) => Some(crate::pagerduty_rest::PagerDutyRest::new(
            ctx.http.clone(),
            &r.api_url,
            r.api_token.get()?.clone(),
            r.from.clone(),
        )),
        None => None,
    };
    let mut collected = Collected::new(sync::SOURCE, Vec::new(), Scope::Keys(BTreeSet::new()));
    let mut scope = BTreeSet::new();
    for c in &settings.sources {
        let read = async {
            let src = source_of(ctx, c)?;
            let texts = crate::calendar::fetch(&src, &http, from, to).await.map_err(|e| e.to_string())?;
            let mut occs: Vec<(Occurrence, Target)> = Vec::new();
            let mut problems: Vec<Problem> = Vec::new();
            for text in texts {
                let (os, ps) =
                    crate::calendar::occurrences(&text, &c.name, &tz, from, to).map_err(|e| e.to_string())?;
                problems.extend(ps);
                for o in os {
                    match crate::calendar::target(&o) {
                        Ok(t) => occs.push((o, t)),
                        Err(p) if !problems.iter().any(|x| x.uid == p.uid) => problems.push(p),
                        Err(_) => {}
                    }
                }
            }
            Ok::<_, String>((occs, problems))
        };
        let (occs, problems) = match read.await {
            Ok(v) => v,
            Err(why) => {
                // Its silences and findings stay as they were: out of scope, untouched.
                collected.errors.push(TargetError::new(
                    format!("calendar {}", c.name),
                    format!("{why}\nhint: its silences and announcements are kept until it can be read again"),
                ));
                continue;
            }
        };
        for p in &problems {
            tracing::warn!(calendar = %c.name, "{p}");
        }
        let plan = sync::plan(&c.name, &occs, &problems, &policy, &tz, now);
        let windows = sync::windows(&c.name, &occs, &policy, now);
        if !windows.is_empty() || pagerduty.is_some() {
            match (&pagerduty, ctx.global.dry_run) {
                (_, true) => {
                    for (k, w) in &windows {
                        tracing::info!(occurrence = %k, "dry run: would keep a PagerDuty maintenance window on {} from {} until {}", w.services.join(", "), w.start, w.end);
                    }
                }
                (Some(client), false) => {
                    for f in crate::calendar::windows::apply(state.as_ref(), client, &c.name, &windows, now).await? {
                        collected.errors.push(TargetError::new(format!("calendar {}", c.name), format!("PagerDuty maintenance window of {f}")));
                    }
                }
                (None, false) => collected.errors.push(TargetError::new(
                    format!("calendar {}", c.name),
                    "events name PagerDuty services, but no sink manages their maintenance windows: nothing was put in \
                     maintenance\nhint: set [commands.calendar] pagerduty_sink to a pagerduty sink with api_token_env and from"
                        .to_string(),
                )),
            }
        }
        if !ctx.global.dry_run {
            apply_silences(state.as_ref(), &c.name, &plan.silences).await?;
        } else {
            for s in &plan.silences {
                tracing::info!(silence = %s.id, "dry run: would silence {:?} from {} until {}", s.matcher, s.starts, s.until);
            }
        }
        let prefix = sync::key_prefix(&c.name);
        scope.extend(kept.iter().filter(|f| f.key.starts_with(&prefix)).map(|f| f.key.clone()));
        collected.findings.extend(plan.findings);
    }
    collected.scope = Scope::Keys(scope);
    collected.vanished = Some(called_off);
    Ok(Output::Report(Box::new(ctx.run_spine("calendar-sync", collected).await?)))
}

/// An announcement whose occurrence left the calendar (cancelled, deleted, moved out of the
/// window read) or a problem that was fixed.
fn called_off(mut f: Finding) -> Finding {
    if f.key.contains("/problem/") {
        f.title = format!("Fixed: {}", f.title);
    } else {
        f.title = format!("Called off: {}", f.title);
        f.summary = format!(
            "The event is no longer in the calendar (cancelled or deleted); its silences are removed.\n{}",
            f.summary
        );
    }
    f
}

/// Make the silences `calendar NAME` owns exactly `wanted`: add new ones, move changed ones,
/// remove those no occurrence wants any more. Others' silences are never touched.
async fn apply_silences(
    state: &dyn crate::state::StateStore,
    calendar: &str,
    wanted: &[crate::state::Silence],
) -> AppResult<()> {
    let owner = sync::owner(calendar);
    let mut kept: Vec<crate::state::Silence> =
        state.silences().await?.into_iter().filter(|s| s.created_by == owner).collect();
    let stale: Vec<String> =
        kept.iter().filter(|k| !wanted.iter().any(|w| w.id == k.id)).map(|k| k.id.clone()).collect();
    for s in wanted {
        if !crate::state::put_silence_if_changed(state, &mut kept, s).await? {
            continue;
        }
        tracing::info!(silence = %s.id, calendar, "planned work silenced from {} until {}", s.starts, s.until);
    }
    for id in stale {
        state.remove_silence(&id).await?;
        tracing::info!(silence = %id, calendar, "planned work no longer in the calendar: silence removed");
    }
    Ok(())
}
