//! Planned work read from calendars (issue 20): iCalendar text → the occurrences that overlap a
//! window, each with what it covers ([`convention`]), from a file, a secret HTTPS address or a
//! CalDAV collection ([`source`]).
//!
//! Parsing and recurrence expansion (RRULE, EXDATE, RECURRENCE-ID overrides, VTIMEZONE and IANA
//! `TZID`s) are the `calcard` crate's (Stalwart's; chosen over `icalendar` + `rrule`, which reads
//! no VTIMEZONE and expands no overrides, and over `caldata`, which carries no licence on
//! crates.io). Its build cost on this 2-core machine: 31 s for a scratch crate with its default
//! (JMAP) feature off, 7 new crates in our tree (chrono-tz and its tables the biggest).
//! Our own times are jiff's; chrono stays inside this module.
//!
//! Never silently wrong: an event this module cannot understand (no DTSTART, an RRULE it cannot
//! read, a TZID that names no zone, a rule too dense to expand up to the window) is a
//! [`Problem`] next to the occurrences, never a skipped event; a text that is not iCalendar at
//! all is an [`Error`].

pub mod convention;
pub mod source;
pub mod sync;
pub mod windows;

use calcard::common::timezone::Tz;
use calcard::icalendar::dates::TimeOrDelta;
use calcard::icalendar::{
    ICalendar, ICalendarComponent, ICalendarComponentType, ICalendarEntry, ICalendarParameter, ICalendarProperty,
    ICalendarStatus, ICalendarValue,
};
use chrono::DateTime;
use jiff::Timestamp;
use std::collections::{BTreeMap, HashSet};
use std::str::FromStr;

pub use convention::{Target, target};
pub use source::{Source, SourceError, fetch};

/// How many dates one event's rule may produce before it is a [`Problem`] (a rule of every
/// minute since years): calcard expands from DTSTART onwards, not from the window.
const EXPANSION_LIMIT: usize = 100_000;

/// One occurrence of a calendar event that overlaps the window asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Occurrence {
    /// The calendar it came from, as the caller named it (shown in messages).
    pub source: String,
    pub uid: String,
    /// The stable id of this occurrence within a recurring event: its original start in UTC
    /// (`20261208T010000Z`), the same for a moved occurrence as for the one it replaces.
    /// `None` for an event that does not recur.
    pub recurrence_id: Option<String>,
    pub summary: String,
    pub description: String,
    pub categories: Vec<String>,
    pub start: Timestamp,
    pub end: Timestamp,
    /// DTSTART is a date (VALUE=DATE): the whole day(s), placed in the default time zone.
    pub all_day: bool,
    /// STATUS:CANCELLED on the event or this occurrence's override, or the occurrence is
    /// excluded by an EXDATE: planned work that was called off, so what it set up must go.
    pub cancelled: bool,
}

/// An event that could not be understood: shown to the operator, never silently skipped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub uid: String,
    pub summary: String,
    pub why: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "event `{}` ({}): {}", self.summary, self.uid, self.why)
    }
}

#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    #[error("calendar {calendar}: {why}")]
    NotICalendar { calendar: String, why: String },
    #[error("default time zone `{0}` is not an IANA time zone")]
    DefaultTz(String),
}

/// Every occurrence of the events in `ics` that overlaps `[from, to)`, and a [`Problem`] for
/// each event that could not be read. `default_tz` (the config's `defaults.timezone`) places
/// floating times and all-day dates. Occurrences come sorted by start, then uid.
pub fn occurrences(
    ics: &str,
    source: &str,
    default_tz: &str,
    from: Timestamp,
    to: Timestamp,
) -> Result<(Vec<Occurrence>, Vec<Problem>), Error> {
    let default = Tz::from_str(default_tz)
        .ok()
        .filter(|tz| !tz.is_floating())
        .ok_or_else(|| Error::DefaultTz(default_tz.to_string()))?;
    let cal = parse(ics, source)?;
    let resolver = cal.build_tz_resolver();

    // Events grouped by UID (a recurring master with its overrides), in file order.
    let mut groups: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    let mut problems = Vec::new();
    for (i, comp) in cal.components.iter().enumerate() {
        if comp.component_type != ICalendarComponentType::VEvent {
            continue;
        }
        match comp.uid() {
            Some(uid) if !uid.trim().is_empty() => groups.entry(uid.to_string()).or_default().push(i),
            _ => problems.push(problem(comp, "has no UID")),
        }
    }

    // One expansion per event: calcard's limit counts across the whole calendar, so one
    // endless rule would starve the events after it. One working copy in which every event
    // is parked (a component type calcard does not expand) and each event in turn woken.
    let parked = ICalendarComponentType::Other("X-OPSKIT-PARKED".into());
    let mut sub = cal.clone();
    for comp in sub.components.iter_mut().filter(|c| c.component_type.has_time_ranges()) {
        comp.component_type = parked.clone();
        // EXDATEs are applied here, not by calcard, so that an excluded occurrence comes back
        // as cancelled instead of vanishing.
        comp.entries.retain(|e| e.name != ICalendarProperty::Exdate);
        pin_utc_start(comp);
    }
    let mut out = Vec::new();
    for (uid, members) in &groups {
        if let Some(p) = group_problem(&cal, members, &|name| resolver.resolve(name).is_some()) {
            problems.push(p);
            continue;
        }
        let exdate_values: usize = members
            .iter()
            .flat_map(|&i| cal.components[i].entries.iter())
            .filter(|e| e.name == ICalendarProperty::Exdate)
            .map(|e| e.values.len())
            .sum();
        for &i in members {
            sub.components[i].component_type = ICalendarComponentType::VEvent;
        }
        let expanded = sub.expand_dates(default, EXPANSION_LIMIT);
        for &i in members {
            sub.components[i].component_type = parked.clone();
        }
        let master = members.iter().map(|&i| &cal.components[i]).find(|c| c.is_recurrent());
        if let Some(err) = expanded.errors.first() {
            let comp = &cal.components[err.comp_id as usize];
            problems.push(problem(comp, &format!("cannot be expanded: {:?}", err.error)));
            continue;
        }
        if master.is_some() && expanded.events.len() + members.len() + exdate_values >= EXPANSION_LIMIT {
            let last = expanded.events.iter().map(|e| e.start.timestamp()).max().unwrap_or(i64::MIN);
            if last < to.as_second() {
                problems.push(problem(
                    master.unwrap_or(&cal.components[members[0]]),
                    &format!("its rule gives more than {EXPANSION_LIMIT} dates before the window ends"),
                ));
                continue;
            }
        }
        let exdates: HashSet<i64> = match master {
            Some(m) => exdates(m, default, &|n| resolver.resolve(n)),
            None => HashSet::new(),
        };
        let master_cancelled = master.is_some_and(|m| m.status() == Some(&ICalendarStatus::Cancelled));
        for ev in &expanded.events {
            let comp = &cal.components[ev.comp_id as usize];
            let start = ev.start.timestamp();
            let end = match &ev.end {
                TimeOrDelta::Time(t) => t.timestamp(),
                TimeOrDelta::Delta(d) => start + d.num_seconds(),
            };
            let overlaps = if end > start {
                start < to.as_second() && end > from.as_second()
            } else {
                start >= from.as_second() && start < to.as_second()
            };
            if !overlaps {
                continue;
            }
            let is_override = comp.is_recurrence_override();
            let recurrence_id = if is_override {
                comp.property(&ICalendarProperty::RecurrenceId)
                    .and_then(|e| entry_utc(e, default, &|n| resolver.resolve(n)))
            } else if comp.is_recurrent() {
                Some(start)
            } else {
                None
            };
            let cancelled = comp.status() == Some(&ICalendarStatus::Cancelled)
                || (master_cancelled && !is_override)
                || (!is_override && exdates.contains(&start));
            out.push(Occurrence {
                source: source.to_string(),
                uid: uid.clone(),
                recurrence_id: recurrence_id.map(utc_id),
                summary: text(comp, ICalendarProperty::Summary),
                description: text(comp, ICalendarProperty::Description),
                categories: categories(comp),
                start: ts(start),
                end: ts(end.max(start)),
                all_day: comp
                    .property(&ICalendarProperty::Dtstart)
                    .and_then(|e| e.values.first())
                    .and_then(|v| v.as_partial_date_time())
                    .is_some_and(|d| !d.has_time()),
                cancelled,
            });
        }
    }
    out.sort_by(|a, b| (a.start, &a.uid, &a.recurrence_id).cmp(&(b.start, &b.uid, &b.recurrence_id)));
    Ok((out, problems))
}

/// Why a text is not one whole iCalendar object (an HTML login page, a truncated body).
pub(crate) fn check_ics(ics: &str) -> Result<(), String> {
    let not = |why: String| why;
    if !ics.trim_start().get(..15).is_some_and(|h| h.eq_ignore_ascii_case("BEGIN:VCALENDAR")) {
        let first = ics.trim_start().lines().next().unwrap_or("").chars().take(40).collect::<String>();
        return Err(not(format!("it is not iCalendar: it starts with `{first}`, not BEGIN:VCALENDAR")));
    }
    // A body cut off in transit still parses as far as it goes: only one that ends where the
    // calendar ends is complete.
    if !ics.trim_end().to_ascii_uppercase().ends_with("END:VCALENDAR") {
        return Err(not("it does not end with END:VCALENDAR (truncated?)".into()));
    }
    Ok(())
}

/// The text as one iCalendar object, or why it is not one.
fn parse(ics: &str, source: &str) -> Result<ICalendar, Error> {
    let not = |why: String| Error::NotICalendar { calendar: source.to_string(), why };
    check_ics(ics).map_err(not)?;
    ICalendar::parse(ics).map_err(|e| not(format!("{e:?}")))
}

/// Why an event (its master and overrides) cannot be read, before expanding it.
fn group_problem(cal: &ICalendar, members: &[usize], known_tz: &dyn Fn(&str) -> bool) -> Option<Problem> {
    for &i in members {
        let comp = &cal.components[i];
        for entry in &comp.entries {
            if matches!(entry.name, ICalendarProperty::Rrule)
                && !matches!(entry.values.first(), Some(ICalendarValue::RecurrenceRule(_)))
            {
                return Some(problem(comp, &format!("its RRULE cannot be read: `{}`", raw_values(entry))));
            }
            let dated = matches!(
                entry.name,
                ICalendarProperty::Dtstart
                    | ICalendarProperty::Dtend
                    | ICalendarProperty::Exdate
                    | ICalendarProperty::Rdate
                    | ICalendarProperty::RecurrenceId
            );
            if dated {
                if let Some(tz) = entry.tz_id()
                    && !known_tz(tz)
                {
                    return Some(problem(comp, &format!("TZID `{tz}` names no time zone (no VTIMEZONE, not IANA)")));
                }
                if entry
                    .values
                    .iter()
                    .any(|v| v.as_partial_date_time().is_none() && !matches!(v, ICalendarValue::Period(_)))
                {
                    return Some(problem(
                        comp,
                        &format!("its {:?} is not a date: `{}`", entry.name, raw_values(entry)),
                    ));
                }
            }
        }
        if !comp.has_property(&ICalendarProperty::Dtstart) && !comp.is_recurrence_override() {
            return Some(problem(comp, "has no DTSTART"));
        }
    }
    None
}

/// calcard 0.3.14 expands a rule in the zone of DTSTART's TZID or else the default zone, even
/// when DTSTART is in UTC (`...Z`): a weekly 02:00Z would recur at 02:00 Tokyo. A UTC start
/// is given `TZID=UTC` so that its rule recurs in UTC, as RFC 5545 says.
fn pin_utc_start(comp: &mut ICalendarComponent) {
    for entry in comp.entries.iter_mut().filter(|e| e.name == ICalendarProperty::Dtstart) {
        let utc = entry
            .values
            .first()
            .and_then(|v| v.as_partial_date_time())
            .and_then(|d| d.to_date_time())
            .and_then(|d| d.offset)
            .is_some_and(|o| o.local_minus_utc() == 0);
        if utc && entry.tz_id().is_none() {
            entry.params.push(ICalendarParameter::tzid("UTC".to_string()));
        }
    }
}

fn exdates(master: &ICalendarComponent, default: Tz, resolve: &dyn Fn(&str) -> Option<Tz>) -> HashSet<i64> {
    let start_tz = master.property(&ICalendarProperty::Dtstart).and_then(|e| e.tz_id());
    master
        .entries
        .iter()
        .filter(|e| e.name == ICalendarProperty::Exdate)
        .flat_map(|e| {
            let tz = e.tz_id().or(start_tz).and_then(resolve).unwrap_or(default);
            e.values.iter().filter_map(move |v| {
                v.as_partial_date_time()?.to_date_time()?.to_date_time_with_tz(tz).map(|d| d.timestamp())
            })
        })
        .collect()
}

fn entry_utc(entry: &ICalendarEntry, default: Tz, resolve: &dyn Fn(&str) -> Option<Tz>) -> Option<i64> {
    let tz = entry.tz_id().and_then(resolve).unwrap_or(default);
    let dt: DateTime<Tz> = entry.values.first()?.as_partial_date_time()?.to_date_time()?.to_date_time_with_tz(tz)?;
    Some(dt.timestamp())
}

fn utc_id(second: i64) -> String {
    ts(second).strftime("%Y%m%dT%H%M%SZ").to_string()
}

fn ts(second: i64) -> Timestamp {
    Timestamp::from_second(second).unwrap_or(if second < 0 { Timestamp::MIN } else { Timestamp::MAX })
}

fn text(comp: &ICalendarComponent, prop: ICalendarProperty) -> String {
    comp.property(&prop).and_then(|e| e.values.first()).and_then(|v| v.as_text()).unwrap_or("").to_string()
}

fn categories(comp: &ICalendarComponent) -> Vec<String> {
    comp.entries
        .iter()
        .filter(|e| e.name == ICalendarProperty::Categories)
        .flat_map(|e| e.values.iter().filter_map(|v| v.as_text()).map(|s| s.trim().to_string()))
        .filter(|s| !s.is_empty())
        .collect()
}

fn raw_values(entry: &ICalendarEntry) -> String {
    entry
        .values
        .iter()
        .map(|v| v.as_text().map(str::to_owned).unwrap_or_else(|| format!("{v:?}")))
        .collect::<Vec<_>>()
        .join(",")
}

fn problem(comp: &ICalendarComponent, why: &str) -> Problem {
    Problem {
        uid: comp.uid().unwrap_or("(no UID)").to_string(),
        summary: text(comp, ICalendarProperty::Summary),
        why: why.to_string(),
    }
}

#[cfg(test)]
mod tests;
