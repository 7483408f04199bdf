//! `opskit report ops`: the operation's numbers over a window, from what the state keeps
//! ([`crate::history`] events and first-response executions): alerts per customer, source
//! and severity; time to first response; the share handled without a person; the noisiest
//! keys and the most silenced sources; scenario outcomes. Each also per calendar period
//! (day, week from Monday, month) in the configured zone. Rendered as JSON (the
//! [`OpsReport`] itself), CSV (one row per period), markdown tables, an HTML page with
//! SVG charts drawn by `plotters`, and Prometheus gauges.
//!
//! Definitions (also in commands/report/ops.md):
//! - an *opening* is a `new` or `reopened` event; those of source `pagerduty` (its
//!   reminders are about pages, not alerts) are left out of every number;
//! - the *first response* to an opening that no silence held is the first `acknowledged`
//!   or `recovered` event of the same (source, key) at or after it and before its next
//!   opening;
//! - an *episode* runs from an opening to the next `resolved`/`recovered` of its (source,
//!   key); it counts where it *closed*: by a scenario (`recovered`), by a person (an
//!   `acknowledged` between its opening and its close) or automatically (neither).

use crate::history::{Event, EventKind};
use crate::respond::{ExecStatus, Execution};
use crate::spine::finding::Severity;
use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::{Timestamp, ToSpan};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

/// Source whose findings are reminders about pages, not alerts.
pub const PAGERDUTY_SOURCE: &str = "pagerduty";
/// How many keys the noisiest list holds.
pub const NOISIEST: usize = 10;

/// The calendar period the numbers are split by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Period {
    Day,
    /// Calendar weeks starting on Monday.
    Week,
    Month,
}

impl Period {
    /// The first day of the period holding `d`.
    pub fn start_of(self, d: Date) -> Date {
        match self {
            Period::Day => d,
            Period::Week => d.checked_sub((d.weekday().to_monday_zero_offset() as i64).days()).unwrap_or(d),
            Period::Month => d.first_of_month(),
        }
    }

    /// The first day of the period after the one starting at `start`.
    pub fn next(self, start: Date) -> Date {
        let step = match self {
            Period::Day => 1.day(),
            Period::Week => 1.week(),
            Period::Month => 1.month(),
        };
        start.checked_add(step).unwrap_or(start)
    }
}

/// The window and how to split and label it.
#[derive(Debug, Clone)]
pub struct Window {
    pub from: Timestamp,
    pub to: Timestamp,
    pub by: Period,
    /// IANA zone the periods are calendar days of (`defaults.timezone`); UTC when unknown.
    pub timezone: String,
}

/// Counts by severity.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct BySeverity {
    pub info: u64,
    pub warning: u64,
    pub critical: u64,
    pub total: u64,
}

impl BySeverity {
    fn add(&mut self, s: Severity) {
        match s {
            Severity::Info => self.info += 1,
            Severity::Warning => self.warning += 1,
            Severity::Critical => self.critical += 1,
        }
        self.total += 1;
    }

    pub fn get(&self, s: Severity) -> u64 {
        match s {
            Severity::Info => self.info,
            Severity::Warning => self.warning,
            Severity::Critical => self.critical,
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Alerts {
    pub total: u64,
    pub by_severity: BySeverity,
    /// Customer (the account's `customer` tag, else its name; `-` for findings with no account).
    pub by_customer: BTreeMap<String, BySeverity>,
    pub by_source: BTreeMap<String, u64>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct FirstResponse {
    /// Openings in the window that no silence held (the ones somebody should answer).
    pub openings: u64,
    /// Of those, answered (acknowledged, or recovered by a scenario).
    pub responded: u64,
    /// Answered first by a person's acknowledgement.
    pub by_person: u64,
    /// Answered first by a scenario's verified recovery.
    pub by_scenario: u64,
    /// Not answered (yet): `openings - responded`.
    pub unanswered: u64,
    /// Seconds from the opening to its first response, over `responded`.
    pub mean_seconds: Option<f64>,
    /// The median of the same (the mean of the two middle values for an even count).
    pub median_seconds: Option<f64>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Handled {
    /// Episodes that closed in the window.
    pub closed: u64,
    /// Closed by a first-response scenario's verified recovery.
    pub scenario: u64,
    /// Resolved with nobody acknowledging it.
    pub auto: u64,
    /// Resolved after a person acknowledged it.
    pub person: u64,
    /// `(scenario + auto) / closed`; none when nothing closed.
    pub share_automatic: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KeyCount {
    pub source: String,
    pub key: String,
    pub openings: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SourceCount {
    pub source: String,
    pub openings: u64,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Scenarios {
    /// Executions started in the window.
    pub runs: u64,
    pub recovered: u64,
    pub escalated: u64,
    /// Waiting, running or cancelled (the finding resolved on its own first).
    pub other: u64,
}

/// The numbers of one period.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Bucket {
    /// Its first day, in the report's zone (`2026-11-02`).
    pub start: Date,
    pub alerts: BySeverity,
    pub first_response: FirstResponse,
    pub handled: Handled,
}

/// Everything `report ops` reports. The JSON shape of `--output json`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OpsReport {
    pub from: Timestamp,
    pub to: Timestamp,
    pub by: Period,
    pub timezone: String,
    /// Nothing at all was recorded in the window (no event, no scenario run).
    pub empty: bool,
    pub alerts: Alerts,
    pub first_response: FirstResponse,
    pub handled: Handled,
    /// Openings per (source, key), most first, at most [`NOISIEST`].
    pub noisiest: Vec<KeyCount>,
    /// Openings a silence held, per source, most first.
    pub silenced: Vec<SourceCount>,
    pub scenarios: Scenarios,
    /// One per period from the one holding `from` to the one holding `to`, oldest first.
    pub buckets: Vec<Bucket>,
}

#[derive(Default)]
struct Responses(Vec<i64>, u64, u64, u64);

impl Responses {
    fn finish(mut self) -> FirstResponse {
        let Responses(secs, openings, by_person, by_scenario) = &mut self;
        secs.sort_unstable();
        let n = secs.len();
        let mean = (n > 0).then(|| secs.iter().sum::<i64>() as f64 / n as f64);
        let median = match n {
            0 => None,
            _ if n % 2 == 1 => Some(secs[n / 2] as f64),
            _ => Some((secs[n / 2 - 1] + secs[n / 2]) as f64 / 2.0),
        };
        FirstResponse {
            openings: *openings,
            responded: n as u64,
            by_person: *by_person,
            by_scenario: *by_scenario,
            unanswered: *openings - n as u64,
            mean_seconds: mean,
            median_seconds: median,
        }
    }
}

#[derive(Default)]
struct Closes(u64, u64, u64);

impl Closes {
    fn finish(&self) -> Handled {
        let Closes(scenario, auto, person) = *self;
        let closed = scenario + auto + person;
        Handled {
            closed,
            scenario,
            auto,
            person,
            share_automatic: (closed > 0).then(|| (scenario + auto) as f64 / closed as f64),
        }
    }
}

/// The numbers of `window` from every kept event (`events`, any order, earlier ones too:
/// an episode that opened before the window and closed in it counts) and every scenario
/// execution. `customer` names the customer of a finding's account (`None`: no account).
pub fn build(
    events: &[Event],
    executions: &[Execution],
    customer: &dyn Fn(Option<&str>) -> String,
    window: &Window,
) -> OpsReport {
    let tz = TimeZone::get(&window.timezone).unwrap_or(TimeZone::UTC);
    let period_of = |t: Timestamp| window.by.start_of(t.to_zoned(tz.clone()).date());
    let inside = |t: Timestamp| t >= window.from && t <= window.to;

    // Each (source, key)'s events, oldest first.
    let mut by_key: HashMap<(&str, &str), Vec<&Event>> = HashMap::new();
    for e in events.iter().filter(|e| e.source != PAGERDUTY_SOURCE && e.at <= window.to) {
        by_key.entry((e.source.as_str(), e.key.as_str())).or_default().push(e);
    }

    let mut alerts = Alerts::default();
    let mut noisy: BTreeMap<(String, String), u64> = BTreeMap::new();
    let mut silenced: BTreeMap<String, u64> = BTreeMap::new();
    let mut responses = Responses::default();
    let mut closes = Closes::default();
    let mut per_alerts: BTreeMap<Date, BySeverity> = BTreeMap::new();
    let mut per_resp: BTreeMap<Date, Responses> = BTreeMap::new();
    let mut per_close: BTreeMap<Date, Closes> = BTreeMap::new();
    let mut any_event = false;

    for list in by_key.values_mut() {
        list.sort_by_key(|e| (e.at, e.kind));
        any_event |= list.iter().any(|e| inside(e.at));
        for (i, e) in list.iter().enumerate() {
            if !e.kind.opens() {
                continue;
            }
            // Its episode: the events up to the next opening.
            let rest = &list[i + 1..];
            let episode = &rest[..rest.iter().position(|x| x.kind.opens()).unwrap_or(rest.len())];
            if inside(e.at) {
                let cust = customer(e.account.as_deref());
                alerts.total += 1;
                alerts.by_severity.add(e.severity);
                alerts.by_customer.entry(cust).or_default().add(e.severity);
                *alerts.by_source.entry(e.source.clone()).or_default() += 1;
                *noisy.entry((e.source.clone(), e.key.clone())).or_default() += 1;
                let p = period_of(e.at);
                per_alerts.entry(p).or_default().add(e.severity);
                if e.silenced {
                    *silenced.entry(e.source.clone()).or_default() += 1;
                } else {
                    let r = episode.iter().find(|x| matches!(x.kind, EventKind::Acknowledged | EventKind::Recovered));
                    for acc in [&mut responses, per_resp.entry(p).or_default()] {
                        acc.1 += 1;
                        if let Some(r) = r {
                            acc.0.push((r.at.as_second() - e.at.as_second()).max(0));
                            if r.kind == EventKind::Recovered {
                                acc.3 += 1;
                            } else {
                                acc.2 += 1;
                            }
                        }
                    }
                }
            }
            let Some(ci) = episode.iter().position(|x| matches!(x.kind, EventKind::Resolved | EventKind::Recovered))
            else {
                continue;
            };
            let close = episode[ci];
            if !inside(close.at) {
                continue;
            }
            let acked = episode[..ci].iter().any(|x| x.kind == EventKind::Acknowledged);
            for acc in [&mut closes, per_close.entry(period_of(close.at)).or_default()] {
                match (close.kind, acked) {
                    (EventKind::Recovered, _) => acc.0 += 1,
                    (_, false) => acc.1 += 1,
                    (_, true) => acc.2 += 1,
                }
            }
        }
    }

    let mut scenarios = Scenarios::default();
    for x in executions.iter().filter(|x| inside(x.created) && x.status != ExecStatus::DryRun) {
        scenarios.runs += 1;
        match x.status {
            ExecStatus::Recovered => scenarios.recovered += 1,
            ExecStatus::Escalated => scenarios.escalated += 1,
            _ => scenarios.other += 1,
        }
    }

    let mut noisiest: Vec<KeyCount> =
        noisy.into_iter().map(|((source, key), openings)| KeyCount { source, key, openings }).collect();
    noisiest.sort_by(|a, b| b.openings.cmp(&a.openings).then_with(|| (&a.source, &a.key).cmp(&(&b.source, &b.key))));
    noisiest.truncate(NOISIEST);
    let mut silenced: Vec<SourceCount> =
        silenced.into_iter().map(|(source, openings)| SourceCount { source, openings }).collect();
    silenced.sort_by(|a, b| b.openings.cmp(&a.openings).then_with(|| a.source.cmp(&b.source)));

    let mut buckets = Vec::new();
    let last = period_of(window.to);
    let mut p = period_of(window.from);
    while p <= last {
        buckets.push(Bucket {
            start: p,
            alerts: per_alerts.get(&p).copied().unwrap_or_default(),
            first_response: per_resp.remove(&p).unwrap_or_default().finish(),
            handled: per_close.get(&p).map(Closes::finish).unwrap_or_default(),
        });
        let n = window.by.next(p);
        if n <= p {
            break;
        }
        p = n;
    }

    OpsReport {
        from: window.from,
        to: window.to,
        by: window.by,
        timezone: tz.iana_name().unwrap_or("UTC").to_string(),
        empty: !any_event && scenarios.runs == 0,
        alerts,
        first_response: responses.finish(),
        handled: closes.finish(),
        noisiest,
        silenced,
        scenarios,
        buckets,
    }
}

/// The line an empty report says instead of its tables.
pub const NOTHING_YET: &str = "nothing was recorded in this window yet: no alert opened or closed, no scenario ran";

fn secs(v: Option<f64>) -> String {
    match v {
        None => "-".into(),
        Some(s) if s < 120.0 => format!("{s:.0}s"),
        Some(s) if s < 7200.0 => format!("{:.1}m", s / 60.0),
        Some(s) => format!("{:.1}h", s / 3600.0),
    }
}

fn pct(v: Option<f64>) -> String {
    v.map(|r| format!("{:.0}%", r * 100.0)).unwrap_or_else(|| "-".into())
}

fn opt(v: Option<f64>) -> String {
    v.map(|x| format!("{x}")).unwrap_or_default()
}

/// The CSV columns, one row per period (documented in commands/report/ops.md).
pub const CSV_COLUMNS: &[&str] = &[
    "period_start",
    "alerts",
    "alerts_info",
    "alerts_warning",
    "alerts_critical",
    "openings_unsilenced",
    "responded",
    "unanswered",
    "first_response_mean_seconds",
    "first_response_median_seconds",
    "closed",
    "closed_by_scenario",
    "closed_auto",
    "closed_by_person",
    "share_automatic",
];

/// One row per period, with a header of [`CSV_COLUMNS`] (no field needs quoting).
pub fn csv(r: &OpsReport) -> String {
    let mut out = CSV_COLUMNS.join(",") + "\n";
    for b in &r.buckets {
        let row = [
            b.start.to_string(),
            b.alerts.total.to_string(),
            b.alerts.info.to_string(),
            b.alerts.warning.to_string(),
            b.alerts.critical.to_string(),
            b.first_response.openings.to_string(),
            b.first_response.responded.to_string(),
            b.first_response.unanswered.to_string(),
            opt(b.first_response.mean_seconds),
            opt(b.first_response.median_seconds),
            b.handled.closed.to_string(),
            b.handled.scenario.to_string(),
            b.handled.auto.to_string(),
            b.handled.person.to_string(),
            opt(b.handled.share_automatic),
        ];
        out.push_str(&row.join(","));
        out.push('\n');
    }
    out
}

/// The text of a cell [`super::render::md_table`] wrote (`&`, `<`, `>` as entities, so a
/// key from outside is text on a Markdown page, never markup).
fn md_cell_text(s: &str) -> String {
    s.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
}

/// The report as markdown tables (also what a terminal is shown).
pub fn markdown(r: &OpsReport) -> String {
    let tz = &r.timezone;
    let mut out =
        format!("# Operations {} – {}\n\n", crate::time::local_time(r.from, tz), crate::time::local_time(r.to, tz));
    if r.empty {
        out.push_str(NOTHING_YET);
        out.push('\n');
        return out;
    }
    let fr = &r.first_response;
    let h = &r.handled;
    super::render::md_table(
        &mut out,
        &["alerts", "answered", "unanswered", "first response (median)", "(mean)", "closed", "share automatic"],
        vec![vec![
            r.alerts.total.to_string(),
            fr.responded.to_string(),
            fr.unanswered.to_string(),
            secs(fr.median_seconds),
            secs(fr.mean_seconds),
            h.closed.to_string(),
            pct(h.share_automatic),
        ]],
    );
    out.push_str(&format!("## Per {}\n\n", period_word(r.by)));
    super::render::md_table(
        &mut out,
        &[
            "from",
            "alerts",
            "critical",
            "warning",
            "info",
            "first response (median)",
            "closed",
            "scenario",
            "auto",
            "person",
            "automatic",
        ],
        r.buckets
            .iter()
            .map(|b| {
                vec![
                    b.start.to_string(),
                    b.alerts.total.to_string(),
                    b.alerts.critical.to_string(),
                    b.alerts.warning.to_string(),
                    b.alerts.info.to_string(),
                    secs(b.first_response.median_seconds),
                    b.handled.closed.to_string(),
                    b.handled.scenario.to_string(),
                    b.handled.auto.to_string(),
                    b.handled.person.to_string(),
                    pct(b.handled.share_automatic),
                ]
            })
            .collect::<Vec<_>>(),
    );
    out.push_str("## Alerts per customer\n\n");
    super::render::md_table(
        &mut out,
        &["customer", "alerts", "critical", "warning", "info"],
        r.alerts
            .by_customer
            .iter()
            .map(|(c, s)| {
                vec![c.clone(), s.total.to_string(), s.critical.to_string(), s.warning.to_string(), s.info.to_string()]
            })
            .collect::<Vec<_>>(),
    );
    out.push_str("## Alerts per source\n\n");
    super::render::md_table(
        &mut out,
        &["source", "alerts"],
        r.alerts.by_source.iter().map(|(s, n)| vec![s.clone(), n.to_string()]).collect::<Vec<_>>(),
    );
    out.push_str("## Noisiest keys\n\n");
    super::render::md_table(
        &mut out,
        &["source", "key", "openings"],
        r.noisiest.iter().map(|k| vec![k.source.clone(), k.key.clone(), k.openings.to_string()]).collect::<Vec<_>>(),
    );
    out.push_str("## Most silenced sources\n\n");
    super::render::md_table(
        &mut out,
        &["source", "silenced openings"],
        r.silenced.iter().map(|s| vec![s.source.clone(), s.openings.to_string()]).collect::<Vec<_>>(),
    );
    let s = &r.scenarios;
    out.push_str("## First-response scenarios\n\n");
    super::render::md_table(
        &mut out,
        &["runs", "recovered", "escalated", "other"],
        vec![vec![s.runs.to_string(), s.recovered.to_string(), s.escalated.to_string(), s.other.to_string()]],
    );
    out
}

fn period_word(p: Period) -> &'static str {
    match p {
        Period::Day => "day",
        Period::Week => "week (from Monday)",
        Period::Month => "month",
    }
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// A self-contained page: inline CSS, the charts of [`charts_svg`] inline, tables beside them.
pub fn html(r: &OpsReport) -> String {
    let mut body = String::new();
    if r.empty {
        body.push_str(&format!("<p class=\"empty\">{}</p>\n", esc(NOTHING_YET)));
    } else {
        for (title, svg) in charts_svg(r) {
            body.push_str(&format!("<figure><figcaption>{}</figcaption>{svg}</figure>\n", esc(&title)));
        }
        body.push_str(&md_to_html_tables(&markdown(r)));
    }
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>opskit: operations {from} – {to}</title>\n\
         <style>body{{font-family:system-ui,sans-serif;margin:2em;color:#222}}table{{border-collapse:collapse;margin:0 0 1.5em}}\
         td,th{{border:1px solid #ccc;padding:.25em .6em;text-align:right}}td:first-child,th:first-child{{text-align:left}}\
         figure{{display:inline-block;margin:0 1.5em 1.5em 0}}figcaption{{font-weight:600;margin-bottom:.3em}}\
         .empty{{font-size:1.2em;color:#555}}</style></head>\n<body>\n<h1>Operations {from} – {to}</h1>\n{body}</body></html>\n",
        from = esc(&crate::time::local_time(r.from, &r.timezone)),
        to = esc(&crate::time::local_time(r.to, &r.timezone)),
    )
}

/// The markdown of [`markdown`] (headings and tables only) as HTML.
fn md_to_html_tables(md: &str) -> String {
    let mut out = String::new();
    let mut in_table = false;
    for line in md.lines() {
        if let Some(h) = line.strip_prefix("## ") {
            out.push_str(&format!("<h2>{}</h2>\n", esc(h)));
        } else if line.starts_with("# ") || line.starts_with("|---") {
            // The page has its own title; the separator row is markdown's.
        } else if let Some(row) = line.strip_prefix("| ").and_then(|l| l.strip_suffix(" |")) {
            let tag = if in_table { "td" } else { "th" };
            if !in_table {
                out.push_str("<table>\n");
                in_table = true;
            }
            let cells: Vec<String> =
                split_md_row(row).iter().map(|c| format!("<{tag}>{}</{tag}>", esc(&md_cell_text(c)))).collect();
            out.push_str(&format!("<tr>{}</tr>\n", cells.concat()));
        } else if line.is_empty() && in_table {
            out.push_str("</table>\n");
            in_table = false;
        }
    }
    if in_table {
        out.push_str("</table>\n");
    }
    out
}

fn split_md_row(row: &str) -> Vec<String> {
    let mut cells = vec![String::new()];
    let mut chars = row.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek() == Some(&'|') => {
                cells.last_mut().expect("one cell").push('|');
                chars.next();
            }
            '|' => {
                let last = cells.last_mut().expect("one cell");
                *last = last.trim().to_string();
                cells.push(String::new());
            }
            c => cells.last_mut().expect("one cell").push(c),
        }
    }
    let last = cells.last_mut().expect("one cell");
    *last = last.trim().to_string();
    cells
}

const W: u32 = 560;
const H: u32 = 280;

/// The charts, each `(title, svg)`: alerts per period by severity (stacked bars), the
/// median time to first response per period (a line, minutes), the share handled
/// automatically per period (a line, percent). For this page and the status page.
pub fn charts_svg(report: &OpsReport) -> Vec<(String, String)> {
    let unit = period_word(report.by);
    // Minutes read well up to a few hours; beyond, hours.
    let slowest = report.buckets.iter().filter_map(|b| b.first_response.median_seconds).fold(0f64, f64::max);
    let (per, name) = if slowest > 3.0 * 3600.0 { (3600.0, "hours") } else { (60.0, "minutes") };
    vec![
        (format!("Alerts per {unit}, by severity"), alerts_chart(report)),
        (
            format!("Time to first response per {unit} (median, {name})"),
            line_chart(report, |b| b.first_response.median_seconds.map(|s| s / per)),
        ),
        (
            format!("Handled automatically per {unit} (%)"),
            line_chart(report, |b| b.handled.share_automatic.map(|r| r * 100.0)),
        ),
    ]
}

/// Each period's label (`11-02`) under its middle; with many periods, every few only.
fn x_label(report: &OpsReport, v: &plotters::coord::ranged1d::SegmentValue<u32>) -> String {
    use plotters::coord::ranged1d::SegmentValue;
    let step = report.buckets.len().div_ceil(8).max(1);
    match v {
        SegmentValue::CenterOf(i) if (*i as usize).is_multiple_of(step) => {
            report.buckets.get(*i as usize).map(|b| b.start.strftime("%m-%d").to_string()).unwrap_or_default()
        }
        _ => String::new(),
    }
}

fn alerts_chart(report: &OpsReport) -> String {
    use plotters::coord::ranged1d::SegmentValue;
    use plotters::prelude::*;
    let mut svg = String::new();
    {
        // A segmented range of one value has no width: one period gets an empty neighbour.
        let n = report.buckets.len().max(1) as u32;
        let top = report.buckets.iter().map(|b| b.alerts.total).max().unwrap_or(0).max(1);
        let root = SVGBackend::with_string(&mut svg, (W, H)).into_drawing_area();
        let _ = root.fill(&WHITE);
        let Ok(mut chart) = ChartBuilder::on(&root)
            .margin(10)
            .x_label_area_size(30)
            .y_label_area_size(40)
            // Headroom for the legend.
            .build_cartesian_2d((0..(n - 1).max(1)).into_segmented(), 0f64..(top as f64 * 1.35))
        else {
            return svg_fallback();
        };
        let _ = chart
            .configure_mesh()
            .disable_x_mesh()
            .light_line_style(WHITE)
            .x_labels(n as usize + 1)
            .x_label_formatter(&|v| x_label(report, v))
            .y_label_formatter(&|y| format!("{y:.0}"))
            .draw();
        let colours = [
            (Severity::Info, RGBColor(120, 160, 220)),
            (Severity::Warning, RGBColor(240, 170, 50)),
            (Severity::Critical, RGBColor(210, 60, 60)),
        ];
        for (sev, colour) in colours {
            let bars = report.buckets.iter().enumerate().filter_map(|(i, b)| {
                let below: u64 = Severity::ALL.iter().filter(|s| **s < sev).map(|s| b.alerts.get(*s)).sum();
                let h = b.alerts.get(sev);
                (h > 0).then(|| {
                    let i = i as u32;
                    let mut bar = Rectangle::new(
                        [(SegmentValue::Exact(i), below as f64), (SegmentValue::Exact(i + 1), (below + h) as f64)],
                        colour.filled(),
                    );
                    bar.set_margin(0, 0, 4, 4);
                    bar
                })
            });
            if let Ok(a) = chart.draw_series(bars) {
                a.label(sev.as_str())
                    .legend(move |(x, y)| Rectangle::new([(x, y - 5), (x + 10, y + 5)], colour.filled()));
            }
        }
        let _ = chart
            .configure_series_labels()
            .position(SeriesLabelPosition::UpperLeft)
            .background_style(WHITE.mix(0.8))
            .border_style(BLACK)
            .draw();
        let _ = root.present();
    }
    svg
}

fn line_chart(report: &OpsReport, value: impl Fn(&Bucket) -> Option<f64>) -> String {
    use plotters::coord::ranged1d::SegmentValue;
    use plotters::prelude::*;
    let mut svg = String::new();
    {
        // A segmented range of one value has no width: one period gets an empty neighbour.
        let n = report.buckets.len().max(1) as u32;
        let points: Vec<(SegmentValue<u32>, f64)> = report
            .buckets
            .iter()
            .enumerate()
            .filter_map(|(i, b)| value(b).map(|v| (SegmentValue::CenterOf(i as u32), v)))
            .collect();
        let top = points.iter().map(|p| p.1).fold(0f64, f64::max).max(1.0);
        let root = SVGBackend::with_string(&mut svg, (W, H)).into_drawing_area();
        let _ = root.fill(&WHITE);
        let Ok(mut chart) = ChartBuilder::on(&root)
            .margin(10)
            .x_label_area_size(30)
            .y_label_area_size(40)
            .build_cartesian_2d((0..(n - 1).max(1)).into_segmented(), 0f64..top * 1.1)
        else {
            return svg_fallback();
        };
        let _ = chart
            .configure_mesh()
            .disable_x_mesh()
            .light_line_style(WHITE)
            .x_labels(n as usize + 1)
            .x_label_formatter(&|v| x_label(report, v))
            .y_label_formatter(&|y| format!("{y:.0}"))
            .draw();
        let colour = RGBColor(50, 110, 180);
        let _ = chart.draw_series(LineSeries::new(points.iter().cloned(), colour.stroke_width(2)));
        let _ = chart.draw_series(points.iter().map(|p| Circle::new(p.clone(), 3, colour.filled())));
        let _ = root.present();
    }
    svg
}

fn svg_fallback() -> String {
    format!("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{W}\" height=\"{H}\"></svg>")
}

/// Prometheus gauges (node_exporter textfile) of the headline numbers of `r`.
pub fn metrics_text(r: &OpsReport) -> String {
    use std::fmt::Write as _;
    let l = |s: &str| s.replace('\\', "\\\\").replace('"', "\\\"").replace('\n', " ");
    let mut s = String::new();
    let _ = writeln!(
        s,
        "# HELP opskit_ops_alerts Alerts (openings) in the report's window, by customer and severity.\n# TYPE opskit_ops_alerts gauge"
    );
    for (c, sev) in &r.alerts.by_customer {
        for x in Severity::ALL {
            let _ = writeln!(s, "opskit_ops_alerts{{customer=\"{}\",severity=\"{x}\"}} {}", l(c), sev.get(x));
        }
    }
    let _ = writeln!(
        s,
        "# HELP opskit_ops_first_response_seconds Time from an alert to its first acknowledgement or scenario recovery.\n\
         # TYPE opskit_ops_first_response_seconds summary"
    );
    if let Some(m) = r.first_response.median_seconds {
        let _ = writeln!(s, "opskit_ops_first_response_seconds{{quantile=\"0.5\"}} {m}");
    }
    let fr = &r.first_response;
    let total = fr.mean_seconds.map(|m| m * fr.responded as f64).unwrap_or(0.0);
    let _ = writeln!(s, "opskit_ops_first_response_seconds_sum {total}");
    let _ = writeln!(s, "opskit_ops_first_response_seconds_count {}", fr.responded);
    let _ = writeln!(
        s,
        "# HELP opskit_ops_unanswered Alerts in the window nobody or nothing has answered.\n# TYPE opskit_ops_unanswered gauge\nopskit_ops_unanswered {}",
        fr.unanswered
    );
    if let Some(share) = r.handled.share_automatic {
        let _ = writeln!(
            s,
            "# HELP opskit_ops_handled_automatically_ratio Share of closed alerts closed by a scenario or resolved with no person.\n\
             # TYPE opskit_ops_handled_automatically_ratio gauge\nopskit_ops_handled_automatically_ratio {share}"
        );
    }
    s
}

#[cfg(test)]
#[path = "ops_tests.rs"]
mod tests;
