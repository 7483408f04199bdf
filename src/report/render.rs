//! The renderers of [`StatusData`]: one self-contained HTML file (inline CSS, no script, no
//! font, nothing fetched: it opens from a file:// URL and as a Backlog Wiki attachment),
//! Markdown, and JSON.
//!
//! The page comes from the embedded template `output-templates/report/status.html.j2`,
//! rendered by minijinja with HTML auto-escaping on every value: titles, resource names
//! and reasons are customers' and operators' text. The template writes well-formed
//! markup (void elements closed, attributes quoted), so an XML parser can check every page.

use super::status::{Item, StatusData, WindowKind};
use crate::output::md_escape;
use jiff::Timestamp;
use minijinja::value::{Serde, Value};
use minijinja::{AutoEscape, Environment, UndefinedBehavior, context};
use serde::Serialize;
use std::fmt::Write as _;

const PAGE: &str = include_str!("../../output-templates/report/status.html.j2");

/// The longest span the timeline covers: windows further out are listed, not drawn.
const TIMELINE_DAYS: i64 = 14;

/// One bar of the timeline, placed in percent of its width.
#[derive(Debug, Serialize)]
struct Bar {
    title: String,
    when: String,
    kind: WindowKind,
    in_progress: bool,
    left: String,
    width: String,
}

/// The timeline: from now to the end of the last window within [`TIMELINE_DAYS`], with a
/// bar for each window that has a start and an end in it.
fn timeline(data: &StatusData) -> (Vec<Bar>, String) {
    let now = data.generated_at;
    let limit = now.as_second() + TIMELINE_DAYS * 86400;
    let drawn: Vec<_> = data
        .maintenance
        .iter()
        .filter_map(|w| Some((w, w.start?, w.end?)))
        .filter(|(_, s, _)| s.as_second() < limit)
        .collect();
    let Some(last) = drawn.iter().map(|(_, _, e)| e.as_second().min(limit)).max() else {
        return (Vec::new(), String::new());
    };
    let span = (last - now.as_second()).max(3600) as f64;
    let pct = |t: Timestamp| ((t.as_second() - now.as_second()).clamp(0, last - now.as_second()) as f64) * 100.0 / span;
    let bars = drawn
        .into_iter()
        .map(|(w, s, e)| {
            let left = pct(s);
            // At least a sliver, so a short window stays visible.
            let width = (pct(e) - left).max(0.5).min(100.0 - left);
            Bar {
                title: w.title.clone(),
                when: w.when.clone(),
                kind: w.kind,
                in_progress: w.in_progress,
                left: format!("{left:.2}"),
                width: format!("{width:.2}"),
            }
        })
        .collect();
    let end = Timestamp::from_second(last).map(|t| crate::time::local_time(t, &data.timezone)).unwrap_or_default();
    (bars, end)
}

/// The page, as one HTML document.
pub fn render_html(data: &StatusData) -> Result<String, minijinja::Error> {
    let mut env = Environment::new();
    env.set_auto_escape_callback(|_| AutoEscape::Html);
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.add_template("report_status.html", PAGE)?;
    let (bars, timeline_end) = timeline(data);
    let known = |s: &str| data.knows(s);
    fn ser<T: Serialize>(v: T) -> Value {
        Value::from(Serde(v))
    }
    let ctx = context! {
        d => ser(data),
        empty => data.is_empty(),
        bars => ser(&bars),
        timeline_end => timeline_end,
        knows_dx => known(crate::commands::dx_vif::SOURCE),
        knows_ta => known(crate::commands::trusted_advisor::SOURCE),
        knows_support => known(crate::commands::support::SOURCE),
        knows_windows => known(crate::health::SOURCE) || known(crate::calendar::sync::SOURCE),
        dx_columns => ser(crate::commands::dx_vif::BOARD.iter().map(|c| header(c)).collect::<Vec<_>>()),
        ta_columns => ser(crate::commands::trusted_advisor::BOARD.iter().map(|c| header(c)).collect::<Vec<_>>()),
        support_columns => ser(crate::commands::support::BOARD.iter().map(|c| header(c)).collect::<Vec<_>>()),
    };
    env.get_template("report_status.html")?.render(ctx)
}

/// The data as pretty JSON (the same structure the renderers read).
pub fn render_json(data: &StatusData) -> serde_json::Result<String> {
    serde_json::to_string_pretty(data).map(|s| s + "\n")
}

/// Text in Markdown: one line, pipes escaped, and no markup of its own: Markdown passes
/// HTML through, and a customer's resource name must not become a tag on a wiki page.
pub(crate) fn md(s: &str) -> String {
    md_escape(s).replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

pub(crate) fn md_table(out: &mut String, head: &[&str], rows: impl IntoIterator<Item = Vec<String>>) {
    let _ = writeln!(out, "| {} |", head.iter().map(|h| md(h)).collect::<Vec<_>>().join(" | "));
    let _ = writeln!(out, "|{}", "---|".repeat(head.len()));
    for r in rows {
        let _ = writeln!(out, "| {} |", r.iter().map(|c| md(c)).collect::<Vec<_>>().join(" | "));
    }
    out.push('\n');
}

/// A board's column as its header reads: the case's own severity is not opskit's.
fn header(column: &str) -> &str {
    if column == "severity" { "case severity" } else { column }
}

fn md_nothing(out: &mut String, known: bool, none: &str) {
    out.push_str(if known { none } else { "Nothing is known yet." });
    out.push_str("\n\n");
}

fn board_rows<'a>(items: &'a [Item]) -> impl Iterator<Item = Vec<String>> + 'a {
    items.iter().map(|i| {
        let mut row = vec![i.severity.as_str().to_string(), i.status.as_str().to_string(), i.account.clone()];
        row.extend(i.fields.iter().map(|f| f.value.clone()));
        row
    })
}

fn board_head<'a>(columns: &[&'a str]) -> Vec<&'a str> {
    let mut head = vec!["severity", "status", "account"];
    head.extend(columns.iter().map(|c| header(c)));
    head
}

/// The page as Markdown: the same sections, tables instead of bars.
pub fn render_markdown(data: &StatusData) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# opskit status\n\nAs of {}.\n", md(&data.generated_local));
    if data.is_empty() {
        out.push_str("Nothing is known yet: no command has written to this state.\n\n");
    }

    out.push_str("## Open findings\n\n");
    if data.open.is_empty() {
        md_nothing(&mut out, !data.sources.is_empty(), "No open findings.");
    }
    for c in &data.open {
        let _ = writeln!(
            out,
            "### {} ({} critical, {} warning, {} info)\n",
            md(&c.customer),
            c.critical,
            c.warning,
            c.info
        );
        md_table(
            &mut out,
            &["severity", "source", "account", "title", "since"],
            c.findings.iter().map(|i| {
                vec![
                    i.severity.as_str().into(),
                    i.source.clone(),
                    i.account.clone(),
                    i.title.clone(),
                    i.since_local.clone(),
                ]
            }),
        );
    }

    out.push_str("## Direct Connect\n\n");
    if data.dx.is_empty() {
        md_nothing(&mut out, data.knows(crate::commands::dx_vif::SOURCE), "No virtual interfaces.");
    } else {
        md_table(&mut out, &board_head(crate::commands::dx_vif::BOARD), board_rows(&data.dx));
    }

    out.push_str("## Trusted Advisor: action recommended\n\n");
    if data.trusted_advisor.is_empty() {
        md_nothing(&mut out, data.knows(crate::commands::trusted_advisor::SOURCE), "No red items.");
    } else {
        md_table(&mut out, &board_head(crate::commands::trusted_advisor::BOARD), board_rows(&data.trusted_advisor));
    }

    out.push_str("## Support cases waiting on us\n\n");
    if data.support.is_empty() {
        md_nothing(&mut out, data.knows(crate::commands::support::SOURCE), "No case waits on us.");
    } else {
        md_table(&mut out, &board_head(crate::commands::support::BOARD), board_rows(&data.support));
    }

    out.push_str("## Maintenance and planned work\n\n");
    if data.maintenance.is_empty() {
        let known = data.knows(crate::health::SOURCE) || data.knows(crate::calendar::sync::SOURCE);
        md_nothing(&mut out, known, "No upcoming windows.");
    } else {
        md_table(
            &mut out,
            &["kind", "when", "now", "customer", "title"],
            data.maintenance.iter().map(|w| {
                vec![
                    match w.kind {
                        WindowKind::Aws => "AWS".into(),
                        WindowKind::Planned => "planned".into(),
                    },
                    w.when.clone(),
                    if w.in_progress { "in progress".into() } else { "upcoming".into() },
                    w.customer.clone(),
                    w.title.clone(),
                ]
            }),
        );
    }

    out.push_str("## Silences\n\n");
    if data.silences.is_empty() {
        md_nothing(&mut out, !data.is_empty(), "No silence is active or pending.");
    } else {
        md_table(
            &mut out,
            &["id", "state", "match", "from", "until", "by", "reason"],
            data.silences.iter().map(|s| {
                vec![
                    s.id.clone(),
                    if s.active { "active".into() } else { "pending".into() },
                    s.matches.clone(),
                    s.starts_local.clone(),
                    s.until_local.clone(),
                    s.created_by.clone(),
                    s.reason.clone(),
                ]
            }),
        );
    }

    out.push_str("## Last runs\n\n");
    if data.runs.is_empty() {
        out.push_str("Nothing is known yet: no run has been recorded.\n\n");
    } else {
        md_table(
            &mut out,
            &["command", "last run", "age", "expected within", "heartbeat", "exit", "took", "host"],
            data.runs.iter().map(|r| {
                vec![
                    r.command.clone(),
                    r.at_local.clone(),
                    r.age.clone(),
                    r.expect.clone().unwrap_or_else(|| "-".into()),
                    match (&r.expect, r.late) {
                        (_, true) => "LATE".into(),
                        (Some(_), false) => "ok".into(),
                        (None, false) => "-".into(),
                    },
                    r.code.map(|c| c.to_string()).unwrap_or_else(|| "-".into()),
                    r.took_ms.map(|t| format!("{t} ms")).unwrap_or_else(|| "-".into()),
                    r.host.clone(),
                ]
            }),
        );
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}
