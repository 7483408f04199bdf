//! Quiet hours: whether a route's [`QuietHours`] hold at an instant, and when they end.
//!
//! Windows are wall-clock times in the quiet-hours time zone (jiff's tzdb), so a window
//! means the same local hours all year round; across a DST change it is longer or shorter
//! in real time. A window whose end is before its start crosses midnight and belongs to
//! the day it starts on. With `holidays = "jp"`, a Japanese public holiday (a date in the
//! quiet-hours zone) is quiet from its midnight to the next.

use crate::config::QuietHours;
use crate::spine::holidays_jp;
use jiff::civil::{Date, DateTime};
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};

/// How far [`quiet_until`] looks ahead. Longer than any plausible holiday run (Golden
/// Week with weekends is at most ten days), short enough to stay cheap.
const HORIZON: SignedDuration = SignedDuration::from_hours(14 * 24);

const MINUTES_PER_DAY: u16 = 24 * 60;

/// Whether notifications are held at `now`.
///
/// An unknown time zone (which a resolved config cannot hold) counts as not quiet:
/// better a notification at night than a silently swallowed one.
pub fn is_quiet(q: &QuietHours, now: Timestamp) -> bool {
    match TimeZone::get(&q.timezone) {
        Ok(tz) => quiet_at(q, tz.to_datetime(now)),
        Err(_) => false,
    }
}

/// When quiet at `now`, the first instant at which it is no longer quiet; `None` when not
/// quiet at `now`. Chained windows (a Friday night into a weekend into a holiday Monday)
/// count as one quiet stretch. When it is still quiet two weeks ahead, that instant is
/// returned, so the caller looks again then rather than waiting forever.
pub fn quiet_until(q: &QuietHours, now: Timestamp) -> Option<Timestamp> {
    let tz = TimeZone::get(&q.timezone).ok()?;
    if !quiet_at(q, tz.to_datetime(now)) {
        return None;
    }
    let limit = now.checked_add(HORIZON).unwrap_or(Timestamp::MAX);
    let bounds = boundaries(q);
    let mut t = now;
    // Quietness depends only on the local date and minute, so it can change only where
    // the local clock reaches a window edge or midnight, or jumps at a time zone
    // transition. Hop between those instants instead of scanning every minute.
    while t < limit {
        t = next_change(&bounds, &tz, t).min(limit);
        if !quiet_at(q, tz.to_datetime(t)) {
            return Some(t);
        }
    }
    Some(limit)
}

/// Whether the local wall-clock time `local` is quiet.
fn quiet_at(q: &QuietHours, local: DateTime) -> bool {
    let date = local.date();
    if q.holidays.as_deref() == Some("jp") && holidays_jp::is_holiday(date) {
        return true;
    }
    let minute = local.hour() as u16 * 60 + local.minute() as u16;
    let weekday = |d: Date| d.weekday().to_monday_one_offset();
    let today = weekday(date);
    // The day before, for the tail of a window that started yesterday and crossed midnight.
    let yesterday = date.yesterday().map(weekday).ok();
    q.windows.iter().any(|w| {
        if w.start <= w.end {
            // start == end is an empty window; 00:00–24:00 is the whole day.
            w.days.contains(&today) && (w.start..w.end).contains(&minute)
        } else {
            (w.days.contains(&today) && minute >= w.start)
                || (yesterday.is_some_and(|y| w.days.contains(&y)) && minute < w.end)
        }
    })
}

/// The minutes of the local day at which some window opens or closes, with midnight,
/// sorted; where the day changes (and with it the weekday and the holiday).
fn boundaries(q: &QuietHours) -> Vec<u16> {
    let mut b: Vec<u16> =
        q.windows.iter().flat_map(|w| [w.start, w.end]).filter(|&m| m < MINUTES_PER_DAY).chain([0]).collect();
    b.sort_unstable();
    b.dedup();
    b
}

/// The first instant after `t` at which quietness may change: the next boundary on the
/// local clock, or the next time zone transition if that comes first.
fn next_change(bounds: &[u16], tz: &TimeZone, t: Timestamp) -> Timestamp {
    let local = tz.to_datetime(t);
    let day = local.date();
    let at = |d: Date, m: u16| d.at((m / 60) as i8, (m % 60) as i8, 0, 0);
    let next_local =
        bounds.iter().map(|&m| at(day, m)).find(|&dt| dt > local).or_else(|| day.tomorrow().ok().map(|d| at(d, 0)));
    // Until the next transition the offset is fixed, so local and real time advance
    // together and the boundary is the same distance away in both.
    let by_clock = next_local.and_then(|dt| t.checked_add(local.duration_until(dt)).ok()).unwrap_or(Timestamp::MAX);
    match tz.following(t).next() {
        Some(tr) if tr.timestamp() < by_clock => tr.timestamp(),
        _ => by_clock,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Window;

    const WEEKDAYS: [i8; 5] = [1, 2, 3, 4, 5];

    fn hours(tz: &str, windows: Vec<Window>, holidays: Option<&str>) -> QuietHours {
        QuietHours { timezone: tz.into(), windows, holidays: holidays.map(String::from) }
    }

    fn window(days: &[i8], start: &str, end: &str) -> Window {
        let minutes = |s: &str| {
            let (h, m) = s.split_once(':').unwrap();
            h.parse::<u16>().unwrap() * 60 + m.parse::<u16>().unwrap()
        };
        Window { days: days.to_vec(), start: minutes(start), end: minutes(end) }
    }

    /// An instant written as local time in a zone, e.g. `at("2026-05-12T23:00", "Asia/Tokyo")`.
    fn at(local: &str, tz: &str) -> Timestamp {
        local.parse::<DateTime>().unwrap().to_zoned(TimeZone::get(tz).unwrap()).unwrap().timestamp()
    }

    fn jst(local: &str) -> Timestamp {
        at(local, "Asia/Tokyo")
    }

    fn utc(s: &str) -> Timestamp {
        s.parse().unwrap()
    }

    #[test]
    fn weekday_night_window_crosses_midnight_and_ends_at_its_end() {
        let q = hours("Asia/Tokyo", vec![window(&WEEKDAYS, "22:00", "07:00")], None);
        // 2026-05-12 is a Tuesday.
        assert!(!is_quiet(&q, jst("2026-05-12T21:59")));
        assert!(is_quiet(&q, jst("2026-05-12T22:00")));
        assert!(is_quiet(&q, jst("2026-05-12T23:00")));
        assert!(is_quiet(&q, jst("2026-05-13T06:59")));
        assert!(!is_quiet(&q, jst("2026-05-13T07:00")));
        assert_eq!(quiet_until(&q, jst("2026-05-12T23:00")), Some(jst("2026-05-13T07:00")));
        assert_eq!(quiet_until(&q, jst("2026-05-13T07:00")), None);
    }

    #[test]
    fn window_belongs_to_its_start_day() {
        let q = hours("Asia/Tokyo", vec![window(&[5], "22:00", "06:00")], None);
        // Friday night runs into Saturday morning (2026-05-15 is a Friday)...
        assert!(is_quiet(&q, jst("2026-05-15T23:30")));
        assert!(is_quiet(&q, jst("2026-05-16T03:00")));
        assert!(!is_quiet(&q, jst("2026-05-16T06:00")));
        // ...but Friday early morning belongs to Thursday's night, which is not listed.
        assert!(!is_quiet(&q, jst("2026-05-15T03:00")));
    }

    #[test]
    fn weekend_all_day_window_covers_saturday_and_sunday() {
        let q = hours("Asia/Tokyo", vec![window(&[6, 7], "00:00", "24:00")], None);
        assert!(!is_quiet(&q, jst("2026-05-15T23:59")));
        assert!(is_quiet(&q, jst("2026-05-16T00:00")));
        assert!(is_quiet(&q, jst("2026-05-17T23:59")));
        assert!(!is_quiet(&q, jst("2026-05-18T00:00")));
        assert_eq!(quiet_until(&q, jst("2026-05-16T12:00")), Some(jst("2026-05-18T00:00")));
    }

    #[test]
    fn jp_holiday_is_quiet_all_day_only_with_holidays_jp() {
        // 2026-05-04 is Greenery Day, a Monday.
        let with = hours("Asia/Tokyo", vec![], Some("jp"));
        let without = hours("Asia/Tokyo", vec![window(&[6, 7], "00:00", "24:00")], None);
        for time in ["00:00", "12:00", "23:59"] {
            let t = jst(&format!("2026-05-04T{time}"));
            assert!(is_quiet(&with, t), "{time}");
            assert!(!is_quiet(&without, t), "{time}");
        }
        assert!(!is_quiet(&with, jst("2026-05-07T12:00")));
        // Golden Week: Greenery Day, Children's Day and the substitute holiday in a row.
        assert_eq!(quiet_until(&with, jst("2026-05-04T09:00")), Some(jst("2026-05-07T00:00")));
    }

    #[test]
    fn quiet_until_follows_friday_night_into_weekend_into_holiday_monday() {
        let windows = vec![window(&WEEKDAYS, "20:00", "08:00"), window(&[6, 7], "00:00", "24:00")];
        // 2026-07-17 is a Friday; Monday 2026-07-20 is Marine Day. The holiday Monday is
        // a weekday, so its night window carries the quiet on to Tuesday 08:00.
        let q = hours("Asia/Tokyo", windows.clone(), Some("jp"));
        assert_eq!(quiet_until(&q, jst("2026-07-17T21:00")), Some(jst("2026-07-21T08:00")));
        // Without the holiday calendar the weekend ends at Monday midnight: Sunday is not
        // a weekday, so no night window starts on it.
        let q = hours("Asia/Tokyo", windows, None);
        assert_eq!(quiet_until(&q, jst("2026-07-17T21:00")), Some(jst("2026-07-20T00:00")));
    }

    #[test]
    fn windows_are_read_in_the_configured_zone() {
        let windows = vec![window(&WEEKDAYS, "22:00", "07:00")];
        let tokyo = hours("Asia/Tokyo", windows.clone(), None);
        let in_utc = hours("UTC", windows, None);
        // Tuesday 14:00 UTC is Tuesday 23:00 in Tokyo.
        let t = utc("2026-05-12T14:00:00Z");
        assert!(is_quiet(&tokyo, t));
        assert!(!is_quiet(&in_utc, t));
        assert_eq!(quiet_until(&tokyo, t), Some(utc("2026-05-12T22:00:00Z")));
        // Tuesday 23:00 UTC is Wednesday 08:00 in Tokyo.
        let t = utc("2026-05-12T23:00:00Z");
        assert!(!is_quiet(&tokyo, t));
        assert!(is_quiet(&in_utc, t));
    }

    #[test]
    fn new_york_window_follows_the_wall_clock_across_dst() {
        // 2026-03-08 (Sunday): 02:00 EST jumps to 03:00 EDT. A 01:00–02:30 window loses
        // its last half hour, which never happens on the clock.
        let q = hours("America/New_York", vec![window(&[7], "01:00", "02:30")], None);
        assert!(is_quiet(&q, utc("2026-03-08T06:30:00Z")));
        assert_eq!(quiet_until(&q, utc("2026-03-08T06:30:00Z")), Some(utc("2026-03-08T07:00:00Z")));
        assert!(!is_quiet(&q, utc("2026-03-08T07:00:00Z")));

        // 2026-11-01 (Sunday): 02:00 EDT falls back to 01:00 EST. A 01:00–02:00 window
        // sees 01:00–02:00 twice, so it lasts two real hours.
        let q = hours("America/New_York", vec![window(&[7], "01:00", "02:00")], None);
        assert!(is_quiet(&q, utc("2026-11-01T05:00:00Z")));
        assert!(is_quiet(&q, utc("2026-11-01T06:30:00Z")));
        assert_eq!(quiet_until(&q, utc("2026-11-01T05:30:00Z")), Some(utc("2026-11-01T07:00:00Z")));

        // A night window crossing midnight into the spring-forward morning ends at its
        // wall-clock end, 07:00 EDT (11:00 UTC, not 12:00).
        let q = hours("America/New_York", vec![window(&[6], "22:00", "07:00")], None);
        assert_eq!(quiet_until(&q, utc("2026-03-08T04:00:00Z")), Some(utc("2026-03-08T11:00:00Z")));
    }

    #[test]
    fn quiet_until_stops_at_the_horizon_when_always_quiet() {
        let q = hours("UTC", vec![window(&[1, 2, 3, 4, 5, 6, 7], "00:00", "24:00")], None);
        let now = utc("2026-05-12T10:00:00Z");
        assert_eq!(quiet_until(&q, now), Some(now + HORIZON));
    }

    #[test]
    fn empty_window_is_never_quiet() {
        let q = hours("UTC", vec![window(&WEEKDAYS, "09:00", "09:00")], None);
        assert!(!is_quiet(&q, utc("2026-05-12T09:00:00Z")));
        assert_eq!(quiet_until(&q, utc("2026-05-12T09:00:00Z")), None);
    }
}
