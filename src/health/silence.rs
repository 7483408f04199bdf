//! `auto_silence`: a Direct Connect maintenance event silences its connections and VIFs in
//! dx-vif for its window (plus margins), whichever channel told it, so the pager stays
//! quiet through planned work. Only a source that speaks for AWS may silence: the Health
//! API and EventBridge by construction, a mail once verified (the mail path decides and
//! says why not). A cancelled or closed-before-it-began event lifts its silences: lifting
//! one only lets alerts through.

use super::Event;
use crate::error::AppResult;
use crate::state::StateStore;
use jiff::{SignedDuration, Timestamp};
use std::time::Duration;

pub const DEFAULT_MARGIN_BEFORE: Duration = Duration::from_secs(15 * 60);
pub const DEFAULT_MARGIN_AFTER: Duration = Duration::from_secs(30 * 60);
pub const DEFAULT_MAX_WINDOW: Duration = Duration::from_secs(12 * 3600);
/// AWS announces maintenance weeks ahead: a window starting further out than this is not
/// a notice to act on unattended, whatever it says.
/// The source dx-vif's findings carry (`commands::dx_vif::SOURCE`; a library module does
/// not import a command).
const DX_VIF_SOURCE: &str = "dx-vif";

const MAX_LEAD: SignedDuration = SignedDuration::from_hours(366 * 24);

/// The limits a silence keeps to.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub max_window: SignedDuration,
    pub before: SignedDuration,
    pub after: SignedDuration,
}

/// One Direct Connect maintenance event of this run.
pub struct Notice<'a> {
    /// Its finding's key: the silences' ids derive from it, so every channel and every
    /// reminder of the event moves the same silences.
    pub key: &'a str,
    pub event: &'a Event,
    /// How it is named in the silence's reason and in logs (a mail's subject).
    pub title: String,
    /// Why it may not silence, when the channel cannot vouch for it (an unverified mail).
    pub refused: Option<String>,
    /// Silence ids an older version gave the same event (removed on cancellation).
    pub legacy_ids: Vec<String>,
    /// Who creates the silences, for `silence list`.
    pub created_by: &'static str,
}

/// The silence of one resource of an event.
pub fn silence_id(key: &str, resource: &str) -> String {
    use sha2::Digest as _;
    let h = sha2::Sha256::digest(format!("{key}|{resource}").as_bytes());
    format!("s-health-{}", &hex::encode(h)[..10])
}

/// Whether a Direct Connect maintenance event (scheduled or cancelled).
pub fn is_dx_maintenance(e: &Event) -> bool {
    let code = e.code.to_ascii_uppercase();
    (code.contains("DIRECTCONNECT") && code.contains("MAINTENANCE")) || e.code.starts_with("dx-maintenance")
}

/// Why `e` may not silence anything, if it may not: its window must be complete, in
/// order, no longer than `max_window` and not absurdly far ahead.
fn window_refused(e: &Event, limits: Limits, now: Timestamp) -> Option<String> {
    let (Some(start), Some(end)) = (e.start, e.end) else {
        return Some("it gives no complete window".into());
    };
    if end < start {
        return Some(format!("its window ends ({end}) before it starts ({start})"));
    }
    let length = end.duration_since(start);
    if length > limits.max_window {
        return Some(format!(
            "its window ({start} – {end}) is longer than silence_max_window ({:#})",
            limits.max_window
        ));
    }
    if now.checked_add(MAX_LEAD).is_ok_and(|limit| start > limit) {
        return Some(format!("its window starts {start}, more than a year ahead"));
    }
    None
}

/// Silence (or, on a cancellation, unsilence) the dxcon/dxvif/dxlag resources of each
/// notice in dx-vif. Nothing is written for a notice that may not silence; each is logged.
pub async fn apply(state: &dyn StateStore, notices: &[Notice<'_>], limits: Limits, now: Timestamp) -> AppResult<()> {
    if notices.is_empty() {
        return Ok(());
    }
    let mut kept = state.silences().await?;
    for n in notices {
        let e = n.event;
        let dx: Vec<&String> = e.resources.iter().filter(|r| r.starts_with("dx")).collect();
        if dx.is_empty() {
            tracing::warn!(
                "auto_silence: the Direct Connect maintenance \"{}\" names no dxcon, dxvif or dxlag: nothing silenced",
                n.title
            );
            continue;
        }
        // Closed before it began: cancelled. Closed after: over, its silence ends by itself.
        let cancelled = e.cancelled || (e.closed() && e.start.is_none_or(|s| now < s));
        if cancelled {
            for r in dx {
                for id in std::iter::once(silence_id(n.key, r)).chain(n.legacy_ids.iter().cloned()) {
                    if state.remove_silence(&id).await? {
                        tracing::info!(silence = %id, resource = %r, "auto_silence: maintenance cancelled, silence removed");
                    }
                }
            }
            continue;
        }
        if e.closed() {
            continue;
        }
        if let Some(why) = n.refused.clone().or_else(|| window_refused(e, limits, now)) {
            tracing::warn!("auto_silence: \"{}\" silences nothing: {why}", n.title);
            continue;
        }
        let (Some(start), Some(end)) = (e.start, e.end) else { continue };
        let (Ok(starts), Ok(until)) = (start.checked_sub(limits.before), end.checked_add(limits.after)) else {
            continue;
        };
        for r in dx {
            let id = silence_id(n.key, r);
            let silence = crate::state::Silence {
                id: id.clone(),
                matcher: crate::state::SilenceMatcher {
                    source: Some(DX_VIF_SOURCE.into()),
                    key: None,
                    account: e.account.clone(),
                    resource: Some(r.clone()),
                },
                starts,
                until,
                reason: format!("AWS Direct Connect maintenance: {}", n.title),
                created_by: n.created_by.into(),
                created_at: now,
            };
            // Unchanged: nothing to write (a minutely poll must not rewrite it every time).
            if !crate::state::put_silence_if_changed(state, &mut kept, &silence).await? {
                continue;
            }
            tracing::info!(silence = %id, resource = %r, %starts, %until, "auto_silence: dx-vif silenced for the maintenance window");
        }
    }
    Ok(())
}
