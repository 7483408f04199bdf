//! `opskit silence add|list|remove`: the planned-work mutes operators set before they
//! touch anything. A silence matches on source, key glob (over `SOURCE/KEY`, or within
//! the source given; see [`crate::spine::policy::silence_key_matches`]), account and
//! resource; it holds back New/Changed/Reopened notifications until it ends (resolves
//! still go out, so nothing stays open on a pager).

use crate::cli::{SilenceAddArgs, SilenceListArgs, SilenceRemoveArgs};
use crate::commands::Output;
use crate::config::Dur;
use crate::context::{Context, StateLocation};
use crate::error::{AppError, AppResult};
use crate::output::Col;
use crate::spine::policy::silence_active;
use crate::state::{Silence, SilenceMatcher, StateStore};
use jiff::Timestamp;
use sha2::Digest;
use std::sync::Arc;

/// A time given as RFC 3339 (`2026-11-22T03:00:00+09:00`) or as a duration from now (`2h`).
pub fn parse_when(s: &str, now: Timestamp) -> Result<Timestamp, String> {
    if let Ok(t) = s.parse::<Timestamp>() {
        return Ok(t);
    }
    if let Ok(z) = s.parse::<jiff::Zoned>() {
        return Ok(z.timestamp());
    }
    let d = Dur::parse(s)
        .map_err(|_| format!("`{s}` is neither an RFC 3339 time (2026-11-22T03:00:00+09:00) nor a duration (2h)"))?;
    let d = jiff::SignedDuration::try_from(d.0).map_err(|e| e.to_string())?;
    now.checked_add(d).map_err(|e| e.to_string())
}

fn state(ctx: &Context) -> AppResult<Arc<dyn StateStore>> {
    if ctx.state_location()? == StateLocation::None {
        return Err(AppError::usage("silences live in the state store; they cannot be used with --state none"));
    }
    ctx.open_state()
}

fn new_id(s: &Silence) -> String {
    let mut h = sha2::Sha256::new();
    h.update(serde_json::to_vec(&s.matcher).unwrap_or_default());
    h.update(s.created_at.as_nanosecond().to_le_bytes());
    h.update(std::process::id().to_le_bytes());
    format!("s-{}", &hex::encode(h.finalize())[..8])
}

pub async fn add(ctx: &Context, a: &SilenceAddArgs) -> AppResult<Output> {
    let matcher = SilenceMatcher {
        source: a.source.clone(),
        key: a.key.clone(),
        account: a.match_account.clone(),
        resource: a.resource.clone(),
    };
    if matcher == SilenceMatcher::default() {
        return Err(AppError::usage(
            "a silence needs something to match\nhint: give --source, --key, --match-account or --resource",
        ));
    }
    for (flag, g) in [("--key", &a.key), ("--resource", &a.resource), ("--source", &a.source)] {
        if let Some(g) = g {
            globset::Glob::new(g).map_err(|e| AppError::usage(format!("{flag} `{g}`: {e}")))?;
        }
    }
    if a.reason.trim().is_empty() {
        return Err(AppError::usage("--reason must say why (the next shift will read it)"));
    }
    let now = ctx.now();
    let starts = match &a.from {
        Some(f) => parse_when(f, now).map_err(|e| AppError::usage(format!("--from: {e}")))?,
        None => now,
    };
    let until = parse_when(&a.until, now).map_err(|e| AppError::usage(format!("--until: {e}")))?;
    if until <= starts {
        return Err(AppError::usage(format!("--until {until} is not after the start {starts}")));
    }
    let mut s = Silence {
        id: String::new(),
        matcher,
        starts,
        until,
        reason: a.reason.clone(),
        created_by: a.by.clone().or_else(|| ctx.env.get("USER")).unwrap_or_else(|| "unknown".into()),
        created_at: now,
    };
    s.id = new_id(&s);
    if ctx.global.dry_run {
        let id = s.id.clone();
        return Ok(Output::text(format!("dry run: would add silence {id}\n{}", render(ctx, &[s], false)?)));
    }
    state(ctx)?.add_silence(&s).await?;
    Ok(Output::text(format!("added silence {} until {}\n", s.id, show_time(ctx, s.until))))
}

fn show_time(ctx: &Context, t: Timestamp) -> String {
    crate::output::local_time(t, &ctx.config.defaults.timezone)
}

fn render(ctx: &Context, list: &[Silence], include_expired: bool) -> AppResult<String> {
    use crate::cli::OutputFormat;
    let now = ctx.now();
    let shown: Vec<&Silence> = list.iter().filter(|s| include_expired || s.until > now).collect();
    Ok(match ctx.global.output {
        OutputFormat::Json => serde_json::to_string_pretty(&shown).map_err(anyhow::Error::from)? + "\n",
        OutputFormat::Jsonl => shown.iter().map(|s| serde_json::to_string(s).unwrap_or_default() + "\n").collect(),
        _ => {
            if shown.is_empty() {
                return Ok("no silences\n".into());
            }
            let mut t = crate::output::table(
                ctx.style,
                vec![
                    Col::id("ID"),
                    Col::id("STATE"),
                    Col::text("MATCH"),
                    Col::id("FROM").optional(2),
                    Col::id("UNTIL"),
                    Col::id("BY").optional(1),
                    Col::text("REASON"),
                ],
            );
            for s in shown {
                let m = &s.matcher;
                let matched: Vec<String> =
                    [("source", &m.source), ("key", &m.key), ("account", &m.account), ("resource", &m.resource)]
                        .iter()
                        .filter_map(|(k, v)| v.as_ref().map(|v| format!("{k}={v}")))
                        .collect();
                let state = if silence_active(s, now) {
                    "active"
                } else if s.starts > now {
                    "pending"
                } else {
                    "expired"
                };
                t.add_row(vec![
                    s.id.clone(),
                    state.into(),
                    matched.join(" "),
                    show_time(ctx, s.starts),
                    show_time(ctx, s.until),
                    s.created_by.clone(),
                    s.reason.clone(),
                ]);
            }
            format!("{t}\n")
        }
    })
}

pub async fn list(ctx: &Context, a: &SilenceListArgs) -> AppResult<Output> {
    let list = state(ctx)?.silences().await?;
    Ok(Output::text(render(ctx, &list, a.all)?))
}

pub async fn remove(ctx: &Context, a: &SilenceRemoveArgs) -> AppResult<Output> {
    let st = state(ctx)?;
    if ctx.global.dry_run {
        let exists = st.silences().await?.iter().any(|s| s.id == a.id);
        return Ok(Output::text(if exists {
            format!("dry run: would remove silence {}\n", a.id)
        } else {
            format!("dry run: no silence {}\n", a.id)
        }));
    }
    if st.remove_silence(&a.id).await? {
        Ok(Output::text(format!("removed silence {}\n", a.id)))
    } else {
        Err(AppError::usage(format!("no silence with id `{}`\nhint: `opskit silence list --all` shows them", a.id)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn until_accepts_times_zoned_times_and_durations() {
        let now: Timestamp = "2026-11-21T00:00:00Z".parse().unwrap();
        assert_eq!(parse_when("2h", now).unwrap().to_string(), "2026-11-21T02:00:00Z");
        assert_eq!(parse_when("2026-11-22T03:00:00+09:00", now).unwrap().to_string(), "2026-11-21T18:00:00Z");
        assert!(parse_when("tomorrow-ish", now).is_err());
    }
}
