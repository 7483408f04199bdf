//! The bucketing by calendar period and the episode logic of `report ops`, on events made
//! by hand.

use super::*;

fn t(s: &str) -> Timestamp {
    s.parse().unwrap()
}

fn ev(at: &str, kind: EventKind, key: &str) -> Event {
    Event {
        at: t(at),
        kind,
        severity: Severity::Warning,
        silenced: false,
        source: "monitoring".into(),
        account: Some("111122223333".into()),
        by: None,
        key: key.into(),
    }
}

fn window(from: &str, to: &str, by: Period, tz: &str) -> Window {
    Window { from: t(from), to: t(to), by, timezone: tz.into() }
}

fn customer(a: Option<&str>) -> String {
    match a {
        Some("111122223333") => "acme".into(),
        Some(x) => x.into(),
        None => "-".into(),
    }
}

fn build_(events: &[Event], w: &Window) -> OpsReport {
    build(events, &[], &customer, w)
}

#[test]
fn weeks_start_on_monday_in_the_configured_zone() {
    // 2026-11-01 is a Sunday. 2026-11-01T16:00Z is Monday 01:00 in Tokyo: week of 11-02
    // there, week of 10-26 in UTC.
    let events = [ev("2026-11-01T16:00:00Z", EventKind::New, "a")];
    let w = window("2026-10-28T00:00:00Z", "2026-11-20T00:00:00Z", Period::Week, "Asia/Tokyo");
    let r = build_(&events, &w);
    let starts: Vec<String> = r.buckets.iter().map(|b| b.start.to_string()).collect();
    assert_eq!(starts, ["2026-10-26", "2026-11-02", "2026-11-09", "2026-11-16"]);
    assert_eq!(r.buckets[1].alerts.total, 1, "Monday in Tokyo");
    assert_eq!(r.buckets[0].alerts.total, 0);
    let utc = build_(&events, &Window { timezone: "UTC".into(), ..w });
    assert_eq!(utc.buckets[0].start.to_string(), "2026-10-26");
    assert_eq!(utc.buckets[0].alerts.total, 1, "still Sunday in UTC");
}

#[test]
fn months_and_days_cover_the_window_end_to_end() {
    let w = window("2026-10-20T00:00:00Z", "2026-12-03T00:00:00Z", Period::Month, "UTC");
    let r = build_(&[], &w);
    let starts: Vec<String> = r.buckets.iter().map(|b| b.start.to_string()).collect();
    assert_eq!(starts, ["2026-10-01", "2026-11-01", "2026-12-01"]);
    let d = build_(&[], &window("2026-10-30T12:00:00Z", "2026-11-02T01:00:00Z", Period::Day, "UTC"));
    assert_eq!(d.buckets.len(), 4, "30, 31, 1, 2");
    assert!(r.empty && d.empty);
}

#[test]
fn first_response_is_the_first_ack_or_recovery_before_the_next_opening() {
    let events = [
        // a: acknowledged after 10 minutes, then reopened and never answered.
        ev("2026-11-10T00:00:00Z", EventKind::New, "a"),
        ev("2026-11-10T00:10:00Z", EventKind::Acknowledged, "a"),
        ev("2026-11-10T00:20:00Z", EventKind::Acknowledged, "a"),
        ev("2026-11-10T01:00:00Z", EventKind::Resolved, "a"),
        ev("2026-11-11T00:00:00Z", EventKind::Reopened, "a"),
        // b: recovered by a scenario after 30 minutes.
        ev("2026-11-10T00:00:00Z", EventKind::New, "b"),
        ev("2026-11-10T00:30:00Z", EventKind::Recovered, "b"),
        // c: silenced: not owed a response.
        Event { silenced: true, ..ev("2026-11-10T00:00:00Z", EventKind::New, "c") },
        // e: unanswered, resolved, reopened and acknowledged after 5 minutes: the
        // acknowledgement answers the reopening only.
        ev("2026-11-10T00:00:00Z", EventKind::New, "e"),
        ev("2026-11-10T01:00:00Z", EventKind::Resolved, "e"),
        ev("2026-11-11T00:00:00Z", EventKind::Reopened, "e"),
        ev("2026-11-11T00:05:00Z", EventKind::Acknowledged, "e"),
        // d: a different source with the same key does not answer a.
        Event { source: "other".into(), ..ev("2026-11-11T00:05:00Z", EventKind::Acknowledged, "a") },
    ];
    let r = build_(&events, &window("2026-11-09T00:00:00Z", "2026-11-12T00:00:00Z", Period::Week, "UTC"));
    let fr = &r.first_response;
    assert_eq!((fr.openings, fr.responded, fr.unanswered), (5, 3, 2), "{fr:?}");
    assert_eq!((fr.by_person, fr.by_scenario), (2, 1));
    assert_eq!(fr.mean_seconds, Some(900.0), "600, 1800 and 300");
    assert_eq!(fr.median_seconds, Some(600.0));
    assert_eq!(r.alerts.total, 6);
    assert_eq!(r.silenced, vec![SourceCount { source: "monitoring".into(), openings: 1 }]);
    assert_eq!(r.noisiest[0], KeyCount { source: "monitoring".into(), key: "a".into(), openings: 2 });
    assert_eq!(r.alerts.by_customer["acme"].warning, 6);
}

#[test]
fn episodes_count_where_they_close_and_by_who_closed_them() {
    let events = [
        // Opened before the window, closed by itself inside it: automatic.
        ev("2026-10-30T00:00:00Z", EventKind::New, "old"),
        ev("2026-11-02T00:00:00Z", EventKind::Resolved, "old"),
        // Acknowledged, then resolved: a person.
        ev("2026-11-03T00:00:00Z", EventKind::New, "p"),
        ev("2026-11-03T00:05:00Z", EventKind::Acknowledged, "p"),
        ev("2026-11-03T01:00:00Z", EventKind::Resolved, "p"),
        // Recovered by a scenario, even though someone also acknowledged it.
        ev("2026-11-04T00:00:00Z", EventKind::New, "s"),
        ev("2026-11-04T00:01:00Z", EventKind::Acknowledged, "s"),
        ev("2026-11-04T00:02:00Z", EventKind::Recovered, "s"),
        // Still open: not closed.
        ev("2026-11-05T00:00:00Z", EventKind::New, "open"),
        // Closed after the window's end: not in it.
        ev("2026-11-05T00:00:00Z", EventKind::New, "late"),
        ev("2026-11-20T00:00:00Z", EventKind::Resolved, "late"),
        // PagerDuty reminders are not alerts.
        Event { source: PAGERDUTY_SOURCE.into(), ..ev("2026-11-05T00:00:00Z", EventKind::New, "x") },
    ];
    let r = build_(&events, &window("2026-11-01T00:00:00Z", "2026-11-10T00:00:00Z", Period::Week, "UTC"));
    let h = &r.handled;
    assert_eq!((h.closed, h.scenario, h.auto, h.person), (3, 1, 1, 1), "{h:?}");
    assert!((h.share_automatic.unwrap() - 2.0 / 3.0).abs() < 1e-9);
    assert_eq!(r.alerts.total, 4, "p, s, open, late; not `old` (before) nor pagerduty");
    assert!(!r.alerts.by_source.contains_key(PAGERDUTY_SOURCE));
    // 2026-11-02 is a Monday: `old` closed in the second week, the rest too.
    assert_eq!(r.buckets[0].handled.closed, 0);
    assert_eq!(r.buckets[1].handled.closed, 3);
}

#[test]
fn an_empty_state_reports_zero_and_says_so_in_every_format() {
    let r = build_(&[], &window("2026-11-01T00:00:00Z", "2026-11-30T00:00:00Z", Period::Week, "UTC"));
    assert!(r.empty);
    assert_eq!(r.alerts.total, 0);
    assert_eq!(r.first_response.median_seconds, None);
    assert_eq!(r.handled.share_automatic, None);
    assert!(markdown(&r).contains(NOTHING_YET));
    assert!(html(&r).contains(NOTHING_YET));
    assert_eq!(csv(&r).lines().count(), 1 + r.buckets.len());
    assert!(!metrics_text(&r).contains("opskit_ops_handled_automatically_ratio "), "no ratio of nothing");
}

#[test]
fn charts_are_svg_with_one_stacked_bar_per_severity_present() {
    let events = [
        ev("2026-11-03T00:00:00Z", EventKind::New, "a"),
        Event { severity: Severity::Critical, ..ev("2026-11-03T00:00:00Z", EventKind::New, "b") },
        ev("2026-11-03T00:10:00Z", EventKind::Acknowledged, "a"),
        ev("2026-11-03T00:20:00Z", EventKind::Resolved, "a"),
    ];
    let r = build_(&events, &window("2026-11-01T00:00:00Z", "2026-11-15T00:00:00Z", Period::Week, "UTC"));
    let charts = charts_svg(&r);
    assert_eq!(charts.len(), 3);
    for (title, svg) in &charts {
        assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"), "{title}: {svg}");
    }
    // The critical and the warning segments, in their colours, and the legend.
    assert!(charts[0].1.contains("#D23C3C") && charts[0].1.contains("#F0AA32"), "{}", charts[0].1);
    assert!(charts[0].1.contains("critical"));
    let page = html(&r);
    assert_eq!(page.matches("<svg").count(), 3);
    assert!(page.contains("<td>monitoring</td>"), "tables beside the charts");
}

#[test]
fn prometheus_gauges_name_customer_and_severity() {
    let events =
        [ev("2026-11-03T00:00:00Z", EventKind::New, "a"), ev("2026-11-03T00:10:00Z", EventKind::Acknowledged, "a")];
    let r = build_(&events, &window("2026-11-01T00:00:00Z", "2026-11-15T00:00:00Z", Period::Week, "UTC"));
    let m = metrics_text(&r);
    assert!(m.contains("opskit_ops_alerts{customer=\"acme\",severity=\"warning\"} 1\n"), "{m}");
    assert!(m.contains("opskit_ops_first_response_seconds{quantile=\"0.5\"} 600\n"), "{m}");
    for line in m.lines().filter(|l| !l.starts_with('#')) {
        assert_eq!(line.rsplitn(2, ' ').count(), 2, "{line}");
    }
}

#[test]
fn a_key_from_outside_is_text_in_the_markdown_and_the_page() {
    let w = window("2026-11-01T00:00:00Z", "2026-11-08T00:00:00Z", Period::Week, "UTC");
    let mut r = build(&[], &[], &|a: Option<&str>| a.unwrap_or("-").to_string(), &w);
    r.empty = false;
    r.noisiest = vec![KeyCount { source: "push".into(), key: "<script>x</script> & |y".into(), openings: 3 }];
    let md = markdown(&r);
    assert!(md.contains("&lt;script&gt;x&lt;/script&gt; &amp; \\|y"), "{md}");
    let page = html(&r);
    assert!(page.contains("<td>&lt;script&gt;x&lt;/script&gt; &amp; |y</td>"), "{page}");
    assert!(!page.contains("<script>"));
}
