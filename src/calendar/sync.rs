//! What `opskit calendar sync` makes of a calendar's occurrences: the silences it owns for
//! their windows (plus margins) and the announcement findings told before, at the start and
//! at the end of each. Pure: the command reads the calendars, applies the silences and hands
//! the findings to the spine.
//!
//! - A silence id derives from (calendar, event UID, occurrence id, matcher), so a moved
//!   occurrence moves its silence and a cancelled one removes it; `created_by` is
//!   `calendar NAME`, which is how the command tells its own silences from an operator's
//!   (never touched).
//! - An announcement finding (`calendar/NAME/UID/OCCURRENCE`) exists from the first lead time
//!   until the end; its fingerprint is its phase (`24h notice`, `30m notice`, `started`) and window,
//!   so each phase and each move is told once, and the end resolves it.
//! - An event that cannot be understood is a warning finding naming it
//!   (`calendar/NAME/problem/UID`), never a silent skip.

use super::{Occurrence, Problem, Target};
use crate::spine::finding::{Finding, Severity, Status};
use crate::state::{Silence, SilenceMatcher};
use jiff::{SignedDuration, Timestamp};

/// The source findings carry.
pub const SOURCE: &str = "calendar";

/// How a calendar's work is announced and silenced, unless an event says otherwise.
#[derive(Debug, Clone)]
pub struct Policy {
    /// Before the start, longest first (`24h`, `30m`).
    pub announce: Vec<SignedDuration>,
    pub margin_before: SignedDuration,
    pub margin_after: SignedDuration,
}

/// What one calendar's occurrences come to at `now`.
#[derive(Debug, Default)]
pub struct Plan {
    pub silences: Vec<Silence>,
    pub findings: Vec<Finding>,
}

/// The silences `calendar NAME` owns carry this `created_by`.
pub fn owner(calendar: &str) -> String {
    format!("calendar {calendar}")
}

fn short(s: &str) -> String {
    use sha2::Digest as _;
    hex::encode(&sha2::Sha256::digest(s.as_bytes())[..6])
}

fn occurrence_id(o: &Occurrence) -> String {
    o.recurrence_id.clone().unwrap_or_else(|| "once".into())
}

/// The key of an occurrence's announcement.
pub fn announcement_key(calendar: &str, o: &Occurrence) -> String {
    format!("{SOURCE}/{calendar}/{}/{}", o.uid, occurrence_id(o))
}

/// Every finding key of calendar `name` starts with this.
pub fn key_prefix(calendar: &str) -> String {
    format!("{SOURCE}/{calendar}/")
}

fn describe(m: &SilenceMatcher) -> String {
    let mut parts = Vec::new();
    for (k, v) in [("source", &m.source), ("key", &m.key), ("account", &m.account), ("resource", &m.resource)] {
        if let Some(v) = v {
            parts.push(format!("{k}={v}"));
        }
    }
    parts.join(" ")
}

fn dur(d: &crate::config::Dur) -> SignedDuration {
    SignedDuration::try_from(d.0).unwrap_or_default()
}

/// A lead time as people say it: `24h`, `30m`, `1h30m`.
fn lead_text(d: SignedDuration) -> String {
    let mins = d.as_secs() / 60;
    match (mins / 60, mins % 60) {
        (0, m) => format!("{m}m"),
        (h, 0) => format!("{h}h"),
        (h, m) => format!("{h}h{m}m"),
    }
}

/// The plan for calendar `calendar` at `now` from its occurrences (with their targets) and
/// the events it could not read.
pub fn plan(
    calendar: &str,
    occurrences: &[(Occurrence, Target)],
    problems: &[Problem],
    policy: &Policy,
    timezone: &str,
    now: Timestamp,
) -> Plan {
    let mut out = Plan::default();
    let when = |t: Timestamp| crate::time::local_time(t, timezone);
    for (o, t) in occurrences {
        if o.cancelled {
            continue;
        }
        let (before, after) = match &t.margins {
            Some((b, a)) => (dur(b), dur(a)),
            None => (policy.margin_before, policy.margin_after),
        };
        let (Ok(starts), Ok(until)) = (o.start.checked_sub(before), o.end.checked_add(after)) else { continue };
        if until > now {
            for (i, m) in t.matchers.iter().enumerate() {
                out.silences.push(Silence {
                    id: format!("s-cal-{}", short(&format!("{calendar}|{}|{}|{i}", o.uid, occurrence_id(o)))),
                    matcher: m.clone(),
                    starts,
                    until,
                    reason: format!("planned work: {} (calendar {calendar})", o.summary),
                    created_by: owner(calendar),
                    created_at: now,
                });
            }
        }
        let mut leads: Vec<SignedDuration> = match &t.announce {
            Some(v) => v.iter().map(dur).collect(),
            None => policy.announce.clone(),
        };
        leads.sort_by(|a, b| b.cmp(a));
        let phase = if now >= o.end {
            Some("ended".to_string())
        } else if now >= o.start {
            Some("started".to_string())
        } else {
            leads
                .iter()
                .filter(|l| o.start.checked_sub(**l).is_ok_and(|at| now >= at))
                .min()
                .map(|l| format!("{} notice", lead_text(*l)))
        };
        let Some(phase) = phase else { continue };
        let window = format!("{} – {}", when(o.start), when(o.end));
        let covers: Vec<String> = t.matchers.iter().map(describe).collect();
        let title = match phase.as_str() {
            "ended" => format!("Planned work ended: {}", o.summary),
            "started" => format!("Planned work started: {} (until {})", o.summary, when(o.end)),
            p => format!("Planned work ({p}): {} ({window})", o.summary),
        };
        let mut f = Finding {
            status: if phase == "ended" { Status::Resolved } else { Status::Open },
            summary: format!(
                "{window}\nSilenced (with margins {} before, {} after): {}{}",
                lead_text(before),
                lead_text(after),
                covers.join("; "),
                if t.pagerduty_services.is_empty() {
                    String::new()
                } else {
                    format!("\nPagerDuty services in maintenance: {}", t.pagerduty_services.join(", "))
                }
            ),
            resources: t.matchers.iter().filter_map(|m| m.resource.clone()).collect(),
            account: {
                let accounts: Vec<&String> = t.matchers.iter().filter_map(|m| m.account.as_ref()).collect();
                (accounts.len() == 1).then(|| accounts[0].clone())
            },
            fingerprint: format!("{phase}|{}|{}", o.start, o.end),
            ..Finding::new(SOURCE, announcement_key(calendar, o), Severity::Info, title)
        }
        .field("calendar", calendar)
        .field("phase", &phase)
        .field("window", &window)
        .field("covers", covers.join("; "))
        // For the timeline of `report status`; not in the fingerprint (set above).
        .field("starts", o.start.to_string())
        .field("ends", o.end.to_string());
        if phase == "ended" {
            f.summary = format!("{window}: over; its silences end {}", when(until));
        }
        out.findings.push(f);
    }
    for p in problems {
        out.findings.push(
            Finding {
                summary: format!(
                    "{}\nopskit cannot tell what this event covers, so it silences and announces nothing for it. \
                     Fix the event (see commands/calendar/README.md, the convention).",
                    p.why
                ),
                ..Finding::new(
                    SOURCE,
                    format!("{SOURCE}/{calendar}/problem/{}", p.uid),
                    Severity::Warning,
                    format!("Calendar {calendar}: event \"{}\" cannot be understood", p.summary),
                )
            }
            .field("calendar", calendar)
            .field("event", &p.uid)
            .field("why", &p.why),
        );
    }
    out
}

/// The PagerDuty maintenance windows calendar `calendar` wants at `now`, by occurrence key:
/// one per occurrence that names services and has not ended (margins included).
pub fn windows(
    calendar: &str,
    occurrences: &[(Occurrence, Target)],
    policy: &Policy,
    now: Timestamp,
) -> std::collections::BTreeMap<String, super::windows::Wanted> {
    let mut out = std::collections::BTreeMap::new();
    for (o, t) in occurrences {
        if o.cancelled || t.pagerduty_services.is_empty() {
            continue;
        }
        let (before, after) = match &t.margins {
            Some((b, a)) => (dur(b), dur(a)),
            None => (policy.margin_before, policy.margin_after),
        };
        let (Ok(start), Ok(end)) = (o.start.checked_sub(before), o.end.checked_add(after)) else { continue };
        if end <= now {
            continue;
        }
        out.insert(
            announcement_key(calendar, o),
            super::windows::Wanted {
                start,
                end,
                services: t.pagerduty_services.clone(),
                description: format!("{} (opskit calendar {calendar})", o.summary),
            },
        );
    }
    out
}
