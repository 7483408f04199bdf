//! `opskit calendar sync` end to end: the built binary reading a calendar file (and a
//! Radicale CalDAV collection), the silences it owns in the state, the announcements that
//! reach Slack in the sandbox, dx-vif held back inside the window. Time is pinned with
//! OPSKIT_NOW; every event is at a fixed date after it.

use crate::common;

use common::cli::*;
use opskit_sandbox as sandbox;

const NOW: &str = "2026-12-01T00:00:00Z";

/// One VEVENT (UTC times), `extra` lines inside it.
fn vevent(uid: &str, start: &str, end: &str, summary: &str, description: &str, extra: &str) -> String {
    format!(
        "BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTAMP:20261101T000000Z\r\nDTSTART:{start}\r\nDTEND:{end}\r\n\
         SUMMARY:{summary}\r\nDESCRIPTION:{description}\r\n{extra}END:VEVENT\r\n"
    )
}

fn calendar(events: &[String]) -> String {
    format!("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//opskit tests//EN\r\n{}END:VCALENDAR\r\n", events.concat())
}

const DX: &str = "opskit: source=dx-vif resource=dxvif-fgtr1234";

/// The router swap on the transit VIF, 5 Dec 13:00–17:00 UTC.
fn swap_calendar() -> String {
    calendar(&[vevent("swap-1@example.com", "20261205T130000Z", "20261205T170000Z", "Router swap", DX, "")])
}

fn setup(b: &Bench, extra_source: &str) -> std::path::PathBuf {
    let ics = b.path("work.ics");
    b.aws_profiles(&[("acme-prod", sandbox::DX_DEMO_ACCOUNT)]);
    b.write_config(&format!(
        "{}{}{}\n[[routes]]\nsources = [\"calendar\", \"dx-vif\"]\nsinks = [\"slack\"]\n\n\
         [commands.calendar]\nannounce = [\"24h\", \"30m\"]\n\n[[commands.calendar.sources]]\nname = \"work\"\n{}\n",
        b.defaults(),
        account_toml("acme-prod", sandbox::DX_DEMO_ACCOUNT, &[sandbox::DX_DEMO_REGION]),
        b.sandbox.sinks_toml(),
        if extra_source.is_empty() { format!("file = \"{}\"", ics.display()) } else { extra_source.to_string() },
    ));
    ics
}

fn sync(b: &Bench, now: &str) -> assert_cmd::assert::Assert {
    b.opskit().env("OPSKIT_NOW", now).args(["calendar", "sync"]).assert()
}

/// The silences in the state (all of them, whoever made them), as (id, resource, starts, until, created_by).
fn silences(b: &Bench) -> Vec<(String, String, String, String, String)> {
    let a = b.opskit().env("OPSKIT_NOW", NOW).args(["silence", "list", "--all", "-o", "json"]).assert();
    let v: serde_json::Value = serde_json::from_str(&stdout(&a)).unwrap_or_else(|e| panic!("{e}: {}", stdout(&a)));
    let mut out: Vec<_> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            let t = |k: &str| s[k].as_str().unwrap_or_default().to_string();
            (
                t("id"),
                s["matcher"]["resource"].as_str().unwrap_or_default().to_string(),
                t("starts"),
                t("until"),
                t("created_by"),
            )
        })
        .collect();
    out.sort_by(|a, b| a.2.cmp(&b.2));
    out
}

#[test]
fn silences_follow_the_calendar_through_create_move_cancel_and_recurrence() {
    let b = Bench::new();
    let ics = setup(&b, "");
    // An operator's own silence: never touched by the calendar.
    let a = b
        .opskit()
        .env("OPSKIT_NOW", NOW)
        .args(["silence", "add", "--resource", "i-0abc", "--until", "2026-12-31T00:00:00Z", "--reason", "by hand"])
        .assert();
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    let swap = |start: &str, end: &str, extra: &str| vevent("swap-1@example.com", start, end, "Router swap", DX, extra);
    let nightly = vevent(
        "nightly@example.com",
        "20261203T150000Z",
        "20261203T160000Z",
        "Nightly patching",
        "opskit: source=health account=111122223333",
        "RRULE:FREQ=DAILY;COUNT=3\r\n",
    );
    std::fs::write(&ics, calendar(&[swap("20261205T130000Z", "20261205T170000Z", ""), nightly.clone()])).unwrap();
    let a = sync(&b, NOW);
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    let s = silences(&b);
    assert_eq!(s.len(), 5, "the swap, three nights and the operator's: {s:?}");
    let swap_silence = s.iter().find(|x| x.1 == "dxvif-fgtr1234").unwrap().clone();
    assert_eq!(
        (swap_silence.2.as_str(), swap_silence.3.as_str()),
        ("2026-12-05T12:45:00Z", "2026-12-05T17:30:00Z"),
        "the window with 15m before and 30m after"
    );
    assert_eq!(swap_silence.4, "calendar work");
    assert_eq!(s.iter().filter(|x| x.4 == "calendar work").count(), 4);

    // The swap moves: the same silence, moved.
    std::fs::write(&ics, calendar(&[swap("20261206T130000Z", "20261206T150000Z", ""), nightly.clone()])).unwrap();
    assert_eq!(code(&sync(&b, NOW)), 0);
    let s = silences(&b);
    let moved = s.iter().find(|x| x.1 == "dxvif-fgtr1234").unwrap();
    assert_eq!(moved.0, swap_silence.0, "the same silence");
    assert_eq!((moved.2.as_str(), moved.3.as_str()), ("2026-12-06T12:45:00Z", "2026-12-06T15:30:00Z"));

    // The second night is excluded, the swap cancelled: their silences go; the rest stay.
    let nightly_ex =
        nightly.replace("RRULE:FREQ=DAILY;COUNT=3\r\n", "RRULE:FREQ=DAILY;COUNT=3\r\nEXDATE:20261204T150000Z\r\n");
    std::fs::write(&ics, calendar(&[swap("20261206T130000Z", "20261206T150000Z", "STATUS:CANCELLED\r\n"), nightly_ex]))
        .unwrap();
    assert_eq!(code(&sync(&b, NOW)), 0);
    let s = silences(&b);
    let starts: Vec<&str> = s.iter().filter(|x| x.4 == "calendar work").map(|x| x.2.as_str()).collect();
    assert_eq!(starts, vec!["2026-12-03T14:45:00Z", "2026-12-05T14:45:00Z"], "{s:?}");
    assert!(s.iter().any(|x| x.1 == "i-0abc" && x.4 != "calendar work"), "the operator's silence is untouched: {s:?}");

    // The event is deleted from the calendar: its silences go too.
    std::fs::write(&ics, calendar(&[])).unwrap();
    assert_eq!(code(&sync(&b, NOW)), 0);
    let s = silences(&b);
    assert_eq!(s.len(), 1, "{s:?}");
    assert_eq!(s[0].1, "i-0abc");
}

#[test]
fn announcements_are_told_once_each_at_their_times() {
    let b = Bench::new();
    let ics = setup(&b, "");
    std::fs::write(&ics, swap_calendar()).unwrap();
    let told = |now: &str| {
        let a = sync(&b, now);
        assert_eq!(code(&a), 0, "{}", stderr(&a));
        b.slack_texts().len()
    };
    assert_eq!(told(NOW), 0, "four days ahead: not yet");
    assert_eq!(told("2026-12-04T13:00:00Z"), 1, "24 hours before");
    assert!(
        b.slack_texts()[0].contains("24h notice") && b.slack_texts()[0].contains("Router swap"),
        "{:?}",
        b.slack_texts()
    );
    assert_eq!(told("2026-12-04T18:00:00Z"), 1, "nothing new");
    assert_eq!(told("2026-12-05T12:30:00Z"), 2, "30 minutes before");
    assert!(b.slack_texts()[1].contains("30m notice"), "{}", b.slack_texts()[1]);
    assert_eq!(told("2026-12-05T12:40:00Z"), 2);
    assert_eq!(told("2026-12-05T13:00:00Z"), 3, "at the start");
    assert!(b.slack_texts()[2].contains("started"), "{}", b.slack_texts()[2]);
    assert_eq!(told("2026-12-05T17:00:00Z"), 4, "at the end");
    assert!(b.slack_texts()[3].contains("RESOLVED") && b.slack_texts()[3].contains("ended"), "{}", b.slack_texts()[3]);
    assert_eq!(told("2026-12-05T18:00:00Z"), 4);
}

#[test]
fn a_down_vif_inside_the_window_is_held_back_and_after_it_is_told() {
    let b = Bench::new();
    let ics = setup(&b, "");
    std::fs::write(&ics, swap_calendar()).unwrap();
    assert_eq!(code(&sync(&b, NOW)), 0);
    b.sandbox.dx_set_vif_state(sandbox::DX_DEMO_TRANSIT_VIF, "down").unwrap();
    let poll = |now: &str| {
        let a = b.opskit_aws().env("OPSKIT_NOW", now).args(["dx-vif", "poll"]).assert();
        assert_eq!(code(&a), 0, "{}", stderr(&a));
    };
    poll("2026-12-05T14:00:00Z");
    assert!(!b.slack_texts().iter().any(|m| m.contains(sandbox::DX_DEMO_TRANSIT_VIF_NAME)), "{:?}", b.slack_texts());
    poll("2026-12-05T17:31:00Z");
    assert!(b.slack_texts().iter().any(|m| m.contains(sandbox::DX_DEMO_TRANSIT_VIF_NAME)), "{:?}", b.slack_texts());
}

#[test]
fn the_calendar_host_failing_keeps_the_silences_and_exits_3() {
    let b = Bench::new();
    let ics = setup(&b, "");
    std::fs::write(&ics, swap_calendar()).unwrap();
    assert_eq!(code(&sync(&b, "2026-12-04T13:00:00Z")), 0);
    let before = silences(&b);
    assert_eq!(before.len(), 1);
    // The same calendar, now from its secret address on a host that does not answer.
    setup(&b, "url_env = \"WORK_CAL_URL\"");
    let a = b
        .opskit()
        .env("OPSKIT_NOW", "2026-12-04T14:00:00Z")
        .env("WORK_CAL_URL", "http://127.0.0.1:9/private-0123456789abcdef/basic.ics")
        .args(["calendar", "sync"])
        .assert();
    assert_eq!(code(&a), 3, "{}", stderr(&a));
    assert!(stderr(&a).contains("calendar work"), "{}", stderr(&a));
    assert!(!stderr(&a).contains("private-0123456789abcdef"), "the secret address is never shown: {}", stderr(&a));
    assert_eq!(silences(&b), before, "the silences stay");
    assert_eq!(b.slack_texts().len(), 1, "and the announcement is not resolved: {:?}", b.slack_texts());
}

#[test]
fn an_event_that_cannot_be_understood_is_a_warning_naming_it() {
    let b = Bench::new();
    let ics = setup(&b, "");
    std::fs::write(
        &ics,
        calendar(&[vevent(
            "vague@example.com",
            "20261205T130000Z",
            "20261205T170000Z",
            "Some work",
            "opskit: acount=acme",
            "",
        )]),
    )
    .unwrap();
    let a = sync(&b, NOW);
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    let msgs = b.slack_texts();
    assert_eq!(msgs.len(), 1, "{msgs:?}");
    assert!(msgs[0].contains("Some work") && msgs[0].contains("acount"), "{}", msgs[0]);
    assert!(silences(&b).is_empty());
}

#[test]
fn a_caldav_collection_on_radicale_silences_like_a_file() {
    let radicale = common::radicale::Radicale::start();
    let b = Bench::new();
    let rt = tokio::runtime::Runtime::new().unwrap();
    let ev = swap_calendar();
    let url = rt.block_on(radicale.calendar_with("work", &[("swap-1.ics", &ev)]));
    setup(&b, &format!("caldav = \"{url}\"\nuser = \"{}\"\npassword_env = \"CAL_PW\"", common::radicale::USER));
    let a =
        b.opskit().env("OPSKIT_NOW", NOW).env("CAL_PW", common::radicale::PASSWORD).args(["calendar", "sync"]).assert();
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    let s = silences(&b);
    assert_eq!(s.len(), 1, "{s:?}");
    assert_eq!((s[0].1.as_str(), s[0].2.as_str()), ("dxvif-fgtr1234", "2026-12-05T12:45:00Z"));
}

/// A time `minutes` from the real clock as iCalendar writes it (the PagerDuty fake checks
/// windows against the real clock, as PagerDuty does).
fn from_now(minutes: i64) -> String {
    let t = jiff::Timestamp::now() + jiff::SignedDuration::from_mins(minutes);
    let t = jiff::Timestamp::from_second(t.as_second() - t.as_second() % 60).unwrap();
    t.strftime("%Y%m%dT%H%M%SZ").to_string()
}

#[test]
fn pagerduty_maintenance_windows_follow_the_calendar() {
    let b = Bench::new();
    let ics = setup(&b, "");
    let text = std::fs::read_to_string(b.path("opskit.toml")).unwrap();
    b.write_config(&text.replace("[commands.calendar]\n", "[commands.calendar]\npagerduty_sink = \"pagerduty\"\n"));
    let db = sandbox::PAGERDUTY_SERVICE_DATABASE;
    let event = |start: i64, end: i64, extra: &str| {
        vevent(
            "db-patch@example.com",
            &from_now(start),
            &from_now(end),
            "DB patching",
            &format!("opskit: source=health account=111122223333\\nopskit: pagerduty={db}"),
            extra,
        )
    };
    let run = || {
        let a = b.opskit().args(["calendar", "sync"]).assert();
        assert_eq!(code(&a), 0, "{}", stderr(&a));
        b.sandbox.pagerduty_maintenance_windows()
    };
    std::fs::write(&ics, calendar(&[event(120, 240, "")])).unwrap();
    let w = run();
    assert_eq!(w.len(), 1, "{w:?}");
    assert_eq!(w[0]["services"][0]["id"], db, "{w:?}");
    let id = w[0]["id"].clone();
    assert_eq!(run(), w, "nothing changed: nothing written");
    // Moved an hour later: the same window, moved.
    std::fs::write(&ics, calendar(&[event(180, 300, "")])).unwrap();
    let moved = run();
    assert_eq!(moved.len(), 1);
    assert_eq!(moved[0]["id"], id);
    assert_ne!(moved[0]["start_time"], w[0]["start_time"], "{moved:?}");
    // Cancelled: the window goes.
    std::fs::write(&ics, calendar(&[event(180, 300, "STATUS:CANCELLED\r\n")])).unwrap();
    assert!(run().is_empty(), "{:?}", b.sandbox.pagerduty_maintenance_windows());
}

#[test]
fn an_event_naming_pagerduty_without_a_sink_for_it_fails_the_run() {
    let b = Bench::new();
    let ics = setup(&b, "");
    std::fs::write(
        &ics,
        calendar(&[vevent(
            "db-patch@example.com",
            &from_now(120),
            &from_now(240),
            "DB patching",
            "opskit: pagerduty=PSANDBOX2",
            "",
        )]),
    )
    .unwrap();
    let a = b.opskit().args(["calendar", "sync"]).assert();
    assert_eq!(code(&a), 3, "{}", stderr(&a));
    assert!(stderr(&a).contains("pagerduty_sink"), "{}", stderr(&a));
    assert!(b.sandbox.pagerduty_maintenance_windows().is_empty());
}
