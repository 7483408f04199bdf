//! The calendar reader over the fixtures in `tests/fixtures/calendar/`, with a fixed window
//! (December 2026), never "now".

use super::*;

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!("{}/tests/fixtures/calendar/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn ts(s: &str) -> Timestamp {
    s.parse().unwrap()
}

fn read(name: &str) -> (Vec<Occurrence>, Vec<Problem>) {
    occurrences(&fixture(name), name, "Asia/Tokyo", ts("2026-12-01T00:00:00Z"), ts("2027-01-01T00:00:00Z")).unwrap()
}

#[test]
fn an_all_day_event_covers_the_day_in_the_default_time_zone() {
    let (occ, problems) = read("all_day.ics");
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(occ.len(), 1);
    let o = &occ[0];
    assert!(o.all_day);
    assert_eq!((o.start, o.end), (ts("2026-12-09T15:00:00Z"), ts("2026-12-10T15:00:00Z")));
    assert_eq!(o.recurrence_id, None);
    let t = target(o).unwrap();
    assert_eq!(t.matchers.len(), 1);
    assert_eq!(t.matchers[0].account.as_deref(), Some("acme-prod"));
    assert_eq!(t.matchers[0].resource.as_deref(), Some("dxvif-*"));
    assert_eq!(t.matchers[0].source.as_deref(), Some("dx-vif"));
    assert_eq!(t.announce.as_ref().map(Vec::len), Some(2));
}

#[test]
fn a_weekly_rule_gives_each_week_and_an_exdate_comes_back_cancelled() {
    let (occ, problems) = read("weekly_exdate.ics");
    assert!(problems.is_empty(), "{problems:?}");
    let starts: Vec<(String, bool)> = occ.iter().map(|o| (o.start.to_string(), o.cancelled)).collect();
    assert_eq!(
        starts,
        vec![
            ("2026-12-01T02:00:00Z".to_string(), false),
            ("2026-12-08T02:00:00Z".to_string(), false),
            ("2026-12-15T02:00:00Z".to_string(), true),
            ("2026-12-22T02:00:00Z".to_string(), false),
            ("2026-12-29T02:00:00Z".to_string(), false),
        ]
    );
    assert_eq!(occ[0].recurrence_id.as_deref(), Some("20261201T020000Z"));
    assert_eq!(occ[0].categories, vec!["opskit:account=acme-prod", "ops"]);
    assert_eq!(target(&occ[0]).unwrap().matchers[0].account.as_deref(), Some("acme-prod"));
}

#[test]
fn tzid_times_follow_their_vtimezone_or_iana_name() {
    let (occ, problems) = read("tokyo_tzid.ics");
    assert!(problems.is_empty(), "{problems:?}");
    let tokyo = occ.iter().find(|o| o.uid == "tokyo-1@opskit").unwrap();
    assert_eq!((tokyo.start, tokyo.end), (ts("2026-12-05T14:00:00Z"), ts("2026-12-05T16:00:00Z")));
    let (occ, problems) = read("iana_tzid.ics");
    assert!(problems.is_empty(), "{problems:?}");
    let berlin = occ.iter().find(|o| o.uid == "iana-1@opskit").unwrap();
    assert_eq!(berlin.start, ts("2026-12-07T09:00:00Z"));
}

#[test]
fn a_moved_occurrence_keeps_its_recurrence_id_and_takes_its_new_time() {
    let (occ, problems) = read("moved_occurrence.ics");
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(occ.len(), 5);
    let moved = occ.iter().find(|o| o.recurrence_id.as_deref() == Some("20261203T010000Z")).unwrap();
    assert_eq!(moved.start, ts("2026-12-03T06:00:00Z"));
    assert_eq!(moved.summary, "Daily failover drill (moved)");
    assert!(!occ.iter().any(|o| o.start == ts("2026-12-03T01:00:00Z")), "the original slot is gone");
    assert_eq!(target(moved).unwrap().pagerduty_services, vec!["PSERVICE1"]);
}

#[test]
fn a_cancelled_override_is_a_cancelled_occurrence() {
    let (occ, problems) = read("cancelled_occurrence.ics");
    assert!(problems.is_empty(), "{problems:?}");
    let flags: Vec<bool> = occ.iter().map(|o| o.cancelled).collect();
    assert_eq!(flags, vec![false, true, false]);
    assert_eq!(occ[1].recurrence_id.as_deref(), Some("20261202T150000Z"));
}

#[test]
fn events_that_cannot_be_read_are_problems_and_the_rest_still_count() {
    let (occ, problems) = read("broken_rrule.ics");
    let uids: Vec<&str> = problems.iter().map(|p| p.uid.as_str()).collect();
    assert!(uids.contains(&"broken-1@opskit"), "{problems:?}");
    assert!(uids.contains(&"notz-1@opskit"), "{problems:?}");
    assert!(uids.contains(&"nostart-1@opskit"), "{problems:?}");
    assert_eq!(problems.len(), 3, "{problems:?}");
    assert!(problems.iter().any(|p| p.why.contains("Mars/Olympus")), "{problems:?}");
    assert_eq!(occ.iter().map(|o| o.uid.as_str()).collect::<Vec<_>>(), vec!["fine-1@opskit"]);
}

#[test]
fn the_window_is_half_open() {
    let ics = fixture("weekly_exdate.ics");
    let (occ, _) = occurrences(&ics, "w", "UTC", ts("2026-12-08T03:00:00Z"), ts("2026-12-22T02:00:00Z")).unwrap();
    assert_eq!(occ.iter().map(|o| o.start.to_string()).collect::<Vec<_>>(), vec!["2026-12-15T02:00:00Z"]);
}

#[test]
fn a_text_that_is_not_a_whole_calendar_is_an_error() {
    let from = ts("2026-12-01T00:00:00Z");
    let to = ts("2027-01-01T00:00:00Z");
    let html = occurrences("<!DOCTYPE html><html>sign in</html>", "g", "UTC", from, to).unwrap_err();
    assert!(html.to_string().contains("not iCalendar"), "{html}");
    let ics = fixture("weekly_exdate.ics");
    let cut = &ics[..ics.len() - 20];
    assert!(occurrences(cut, "g", "UTC", from, to).unwrap_err().to_string().contains("truncated"));
    assert!(occurrences(&ics, "g", "Nowhere/Town", from, to).is_err());
}

#[test]
fn an_endless_dense_rule_is_a_problem_not_a_silent_stop() {
    let ics = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:m@x\r\nDTSTART:20000101T000000Z\r\nDTEND:20000101T000100Z\r\nRRULE:FREQ=MINUTELY\r\nSUMMARY:every minute\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    let (occ, problems) = occurrences(ics, "m", "UTC", ts("2026-12-01T00:00:00Z"), ts("2026-12-02T00:00:00Z")).unwrap();
    assert!(occ.is_empty());
    assert_eq!(problems.len(), 1, "{problems:?}");
}

fn occ_with(description: &str, categories: &[&str]) -> Occurrence {
    Occurrence {
        source: "s".into(),
        uid: "u1".into(),
        recurrence_id: None,
        summary: "Work".into(),
        description: description.into(),
        categories: categories.iter().map(|s| s.to_string()).collect(),
        start: ts("2026-12-01T00:00:00Z"),
        end: ts("2026-12-01T01:00:00Z"),
        all_day: false,
        cancelled: false,
    }
}

#[test]
fn the_convention_reads_google_html_descriptions_and_margins() {
    let o =
        occ_with("Swap the router.<br>opskit: account=acme-prod resource=i-*<br/>opskit: margin=15m,30m&nbsp;", &[]);
    let t = target(&o).unwrap();
    assert_eq!(t.matchers[0].resource.as_deref(), Some("i-*"));
    let (before, after) = t.margins.unwrap();
    assert_eq!((before.0.as_secs(), after.0.as_secs()), (900, 1800));
}

#[test]
fn unknown_keys_bad_values_and_no_target_are_problems_naming_the_line() {
    let unknown = target(&occ_with("opskit: acount=acme", &[])).unwrap_err();
    assert!(unknown.why.contains("opskit: acount=acme") && unknown.why.contains("unknown key"), "{unknown:?}");
    let bad = target(&occ_with("opskit: announce=soon", &[])).unwrap_err();
    assert!(bad.why.contains("announce"), "{bad:?}");
    let glob = target(&occ_with("opskit: resource=i-[", &[])).unwrap_err();
    assert!(glob.why.contains("not a glob"), "{glob:?}");
    let none = target(&occ_with("just a meeting", &["ops"])).unwrap_err();
    assert!(none.why.contains("names no account, source, key or resource"), "{none:?}");
    assert_eq!(none.uid, "u1");
}

#[tokio::test]
async fn an_unreadable_note_of_the_pagerduty_windows_made_fails_instead_of_making_them_again() {
    use crate::state::StateStore as _;
    let state = crate::state::memory::MemoryStore::new();
    state.put_snapshot("calendar-pagerduty/ops", ts("2026-12-01T00:00:00Z"), b"{not json").await.unwrap();
    // Nothing may be asked of PagerDuty: the client points nowhere.
    let client = crate::pagerduty_rest::PagerDutyRest::new(
        reqwest::Client::new(),
        "http://127.0.0.1:9",
        crate::redact::Secret::new("token"),
        None,
    );
    let e = windows::apply(&state, &client, "ops", &Default::default(), ts("2026-12-01T00:00:00Z")).await.unwrap_err();
    assert!(e.to_string().contains("calendar-pagerduty/ops"), "{e}");
}
