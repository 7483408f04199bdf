//! PagerDuty maintenance windows kept in step with a calendar: an occurrence that names
//! PagerDuty services (`opskit: pagerduty=PSERVICE1`) gets one window on them for its span
//! (plus margins), created, moved and removed as the calendar changes. Which window belongs
//! to which occurrence is kept in the state (snapshot `calendar-pagerduty/NAME`), so a run
//! touches only the windows it made; an operator's own windows are never touched.

use crate::pagerduty_rest::{PagerDutyRest, WindowRemoval};
use crate::state::StateStore;
use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One window the calendar wants (by occurrence key).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Wanted {
    pub start: Timestamp,
    pub end: Timestamp,
    pub services: Vec<String>,
    pub description: String,
}

/// A window made for an occurrence, as kept in the state.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Made {
    id: String,
    #[serde(flatten)]
    wanted: Wanted,
}

fn snapshot_name(calendar: &str) -> String {
    format!("calendar-pagerduty/{calendar}")
}

/// Make the windows of calendar `calendar` exactly `wanted`; returns the failures (each
/// naming the occurrence), after keeping whatever did succeed.
pub async fn apply(
    state: &dyn StateStore,
    client: &PagerDutyRest,
    calendar: &str,
    wanted: &BTreeMap<String, Wanted>,
    now: Timestamp,
) -> crate::state::StateResult<Vec<String>> {
    let name = snapshot_name(calendar);
    let mut made: BTreeMap<String, Made> = match state.snapshot(&name).await? {
        // Unreadable, it would forget the windows it made: they would be made again beside
        // the old ones, which nothing would remove. A failure of the calendar instead.
        Some((_, bytes)) => serde_json::from_slice(&bytes)
            .map_err(|e| crate::state::corrupt_record(state.location(), "snapshots", &[("name", &name)], e))?,
        None => BTreeMap::new(),
    };
    let mut failures = Vec::new();
    for (key, w) in wanted {
        match made.get(key) {
            Some(m) if &m.wanted == w => {}
            Some(m) => match client.update_maintenance_window(&m.id, w.start, w.end, &w.services, &w.description).await
            {
                Ok(_) => {
                    tracing::info!(window = %m.id, occurrence = %key, "PagerDuty maintenance window moved");
                    let id = m.id.clone();
                    made.insert(key.clone(), Made { id, wanted: w.clone() });
                }
                Err(e) => failures.push(format!("{key}: {e}")),
            },
            None => match client.create_maintenance_window(&w.services, w.start, w.end, &w.description).await {
                Ok(mw) => {
                    tracing::info!(window = %mw.id, occurrence = %key, "PagerDuty maintenance window created");
                    made.insert(key.clone(), Made { id: mw.id, wanted: w.clone() });
                }
                Err(e) => failures.push(format!("{key}: {e}")),
            },
        }
    }
    let gone: Vec<String> = made.keys().filter(|k| !wanted.contains_key(*k)).cloned().collect();
    for key in gone {
        let m = &made[&key];
        // Over by itself: PagerDuty keeps it as history; nothing to remove.
        if m.wanted.end <= now {
            made.remove(&key);
            continue;
        }
        match client.delete_maintenance_window(&m.id).await {
            Ok(WindowRemoval::Removed | WindowRemoval::AlreadyEnded) => {
                tracing::info!(window = %m.id, occurrence = %key, "planned work no longer in the calendar: PagerDuty maintenance window removed");
                made.remove(&key);
            }
            Err(e) => failures.push(format!("{key}: {e}")),
        }
    }
    let bytes = serde_json::to_vec(&made).unwrap_or_default();
    state.put_snapshot(&name, now, &bytes).await?;
    Ok(failures)
}
