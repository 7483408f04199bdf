//! `opskit report status`: the current state across accounts, read from the state store
//! and nothing else. What each section takes, and from which producer:
//! - `open`: every open finding of every source, grouped by customer (the account's
//!   `customer` tag, else the account's name), worst first;
//! - `dx`: the Direct Connect board, every `dx-vif` finding with its board fields
//!   ([`crate::commands::dx_vif::BOARD`]), open ones first;
//! - `trusted-advisor`: open `trusted-advisor` findings at critical (red, "action recommended");
//! - `support`: open `support` findings whose case status is `pending-customer-action`;
//! - `maintenance`: open `health` events and `calendar` announcements that are not over,
//!   with their windows (the `starts`/`ends` fields, RFC 3339), by start;
//! - `silences`: silences that have not ended, with their reasons and ends;
//! - `runs`: the last run of each command (snapshots `runs/NAME`, written after each run
//!   by [`crate::context::Context::after_run`]), late when older than
//!   `[commands.report] expect`.

use crate::config::{Account, Config, ConfigError, Dur};
use crate::spine::finding::{Field, Finding, Severity, Status};
use crate::state::{FindingRecord, Silence, StateResult, StateStore};
use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The `[commands.report]` section.
pub const SECTION: &str = "report";
/// Snapshots holding each command's last run, named `runs/COMMAND` (`runs/dx-vif-poll`).
pub const RUNS_PREFIX: &str = "runs/";
/// The fields holding when an event or planned work starts and ends (RFC 3339, UTC): the
/// health producer's, which calendar announcements carry too.
pub const STARTS_FIELD: &str = crate::health::STARTS_FIELD;
pub const ENDS_FIELD: &str = crate::health::ENDS_FIELD;

/// `[commands.report]`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Settings {
    /// Command name (as in `runs/NAME`: `dx-vif-poll`) → the oldest its last run may be
    /// before the page calls its heartbeat late.
    pub expect: BTreeMap<String, Dur>,
    /// `report status --wiki`: the Backlog project whose Wiki takes the page.
    pub wiki_project: Option<String>,
    /// Its page (default `opskit/status`).
    pub status_page: Option<String>,
    /// `report ops --wiki`: its page (default `opskit/ops`).
    pub ops_page: Option<String>,
}

impl Settings {
    pub fn load(config: &Config) -> Result<Settings, ConfigError> {
        config.command_settings(SECTION)
    }
}

/// What `runs/NAME` holds: the last run of a command that writes to the state.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RunRecord {
    pub at: Timestamp,
    /// The exit code (DESIGN.md's table).
    pub code: u8,
    pub took_ms: u64,
    pub host: String,
}

/// Everything the page shows, collected once; every renderer reads only this.
#[derive(Debug, Clone, Serialize)]
pub struct StatusData {
    pub generated_at: Timestamp,
    /// `generated_at` in the configured zone, as people read it.
    pub generated_local: String,
    pub timezone: String,
    /// The sources the state holds any finding of, open or not: a section whose source is
    /// missing says nothing is known yet, not that all is well.
    pub sources: Vec<String>,
    pub open: Vec<CustomerFindings>,
    pub dx: Vec<Item>,
    pub trusted_advisor: Vec<Item>,
    pub support: Vec<Item>,
    pub maintenance: Vec<Window>,
    pub silences: Vec<SilenceRow>,
    pub runs: Vec<RunRow>,
}

impl StatusData {
    /// Whether the state holds any finding of `source`.
    pub fn knows(&self, source: &str) -> bool {
        self.sources.iter().any(|s| s == source)
    }

    /// Nothing at all is known: a state no command has written to yet.
    pub fn is_empty(&self) -> bool {
        self.sources.is_empty()
            && self.open.is_empty()
            && self.dx.is_empty()
            && self.trusted_advisor.is_empty()
            && self.support.is_empty()
            && self.maintenance.is_empty()
            && self.silences.is_empty()
            && self.runs.is_empty()
    }
}

/// One customer's open findings, worst first.
#[derive(Debug, Clone, Serialize)]
pub struct CustomerFindings {
    pub customer: String,
    pub critical: usize,
    pub warning: usize,
    pub info: usize,
    pub findings: Vec<Item>,
}

/// One finding as a row.
#[derive(Debug, Clone, Serialize)]
pub struct Item {
    pub source: String,
    pub key: String,
    pub severity: Severity,
    pub status: Status,
    pub title: String,
    pub customer: String,
    pub account: String,
    pub region: String,
    /// Since when it is in its status (open: since when it is bad).
    pub since: Timestamp,
    pub since_local: String,
    /// The fields the section shows, in its column order (`-` where the finding has none).
    pub fields: Vec<Field>,
}

/// What kind of window a [`Window`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum WindowKind {
    /// An AWS Health event (API, EventBridge or mail).
    Aws,
    /// Planned work from a calendar.
    Planned,
}

/// An upcoming or current maintenance window or planned work.
#[derive(Debug, Clone, Serialize)]
pub struct Window {
    pub kind: WindowKind,
    pub title: String,
    pub customer: String,
    pub start: Option<Timestamp>,
    pub end: Option<Timestamp>,
    /// The window as people read it (`2026-11-22 01:00 JST – 2026-11-22 05:00 JST`).
    pub when: String,
    /// Started and not over.
    pub in_progress: bool,
}

/// A silence that has not ended.
#[derive(Debug, Clone, Serialize)]
pub struct SilenceRow {
    pub id: String,
    /// What it matches (`source=dx-vif resource=dxvif-fg5678`).
    pub matches: String,
    pub active: bool,
    pub starts: Timestamp,
    pub starts_local: String,
    pub until: Timestamp,
    pub until_local: String,
    pub reason: String,
    pub created_by: String,
}

/// The last run of one command, or an expected command that never ran.
#[derive(Debug, Clone, Serialize)]
pub struct RunRow {
    pub command: String,
    pub at: Option<Timestamp>,
    pub at_local: String,
    /// How long ago (`3m 20s`), or `never`.
    pub age: String,
    pub code: Option<u8>,
    pub took_ms: Option<u64>,
    pub host: String,
    /// `[commands.report] expect` for this command.
    pub expect: Option<String>,
    /// Older than expected, or expected and never run.
    pub late: bool,
}

fn field<'a>(f: &'a Finding, name: &str) -> Option<&'a str> {
    f.fields.iter().find(|x| x.name == name).map(|x| x.value.as_str())
}

/// The customer an account belongs to: its `customer` tag, else its configured name; an
/// account the config does not know is shown as the finding names it.
pub fn customer_of(account: Option<&str>, accounts: &[Account]) -> String {
    let Some(a) = account.filter(|a| !a.is_empty()) else { return "(no account)".into() };
    match accounts.iter().find(|c| c.name == a || c.id.as_deref() == Some(a)) {
        Some(c) => c.tags.get("customer").filter(|t| !t.is_empty()).cloned().unwrap_or_else(|| c.name.clone()),
        None => a.to_string(),
    }
}

struct Ctx<'a> {
    accounts: &'a [Account],
    tz: &'a str,
}

impl Ctx<'_> {
    fn local(&self, t: Timestamp) -> String {
        crate::time::local_time(t, self.tz)
    }

    fn item(&self, r: &FindingRecord, columns: &[&str]) -> Item {
        let f = &r.finding;
        Item {
            source: f.source.clone(),
            key: f.key.clone(),
            severity: f.severity,
            status: f.status,
            title: f.title.clone(),
            customer: customer_of(f.account.as_deref(), self.accounts),
            account: field(f, "account name").or(f.account.as_deref()).unwrap_or("-").to_string(),
            region: f.region.clone().unwrap_or_else(|| "-".into()),
            since: r.since,
            since_local: self.local(r.since),
            fields: columns
                .iter()
                .map(|c| Field { name: (*c).to_string(), value: field(f, c).unwrap_or("-").to_string() })
                .collect(),
        }
    }
}

/// Worst first, then the longest-standing, then by key (a stable order for snapshots).
fn by_badness(a: &Item, b: &Item) -> std::cmp::Ordering {
    (a.status != Status::Open)
        .cmp(&(b.status != Status::Open))
        .then(b.severity.cmp(&a.severity))
        .then(a.since.cmp(&b.since))
        .then(a.key.cmp(&b.key))
}

/// A duration as people read it, to the second below an hour and to the minute above.
pub fn age(secs: i64) -> String {
    let s = secs.max(0);
    match s {
        0..60 => format!("{s}s"),
        60..3600 => format!("{}m {}s", s / 60, s % 60),
        3600..86400 => format!("{}h {}m", s / 3600, s % 3600 / 60),
        _ => format!("{}d {}h", s / 86400, s % 86400 / 3600),
    }
}

/// Read the state (and nothing else) into a [`StatusData`] as of `now`.
pub async fn collect(
    state: &dyn StateStore,
    config: &Config,
    settings: &Settings,
    now: Timestamp,
) -> StateResult<StatusData> {
    // One read of everything: the open findings of every source are wanted, users' own
    // (`findings push`) among them, and the store lists findings per source only.
    let dump = state.dump().await?;
    let cx = Ctx { accounts: &config.accounts, tz: &config.defaults.timezone };
    Ok(StatusData {
        generated_at: now,
        generated_local: cx.local(now),
        timezone: config.defaults.timezone.clone(),
        sources: dump
            .findings
            .iter()
            .map(|r| r.finding.source.clone())
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect(),
        open: open_by_customer(&cx, &dump.findings),
        dx: section(&cx, &dump.findings, crate::commands::dx_vif::SOURCE, crate::commands::dx_vif::BOARD, |_| true),
        trusted_advisor: section(
            &cx,
            &dump.findings,
            crate::commands::trusted_advisor::SOURCE,
            crate::commands::trusted_advisor::BOARD,
            |f| f.status == Status::Open && f.severity == Severity::Critical,
        ),
        support: section(&cx, &dump.findings, crate::commands::support::SOURCE, crate::commands::support::BOARD, |f| {
            f.status == Status::Open && field(f, "case status") == Some("pending-customer-action")
        }),
        maintenance: windows(&cx, &dump.findings, now),
        silences: silences(&cx, &dump.silences, now),
        runs: runs(&cx, &dump.snapshots, settings, now),
    })
}

fn open_by_customer(cx: &Ctx, records: &[FindingRecord]) -> Vec<CustomerFindings> {
    let mut by: BTreeMap<String, Vec<Item>> = BTreeMap::new();
    for r in records.iter().filter(|r| r.finding.status == Status::Open) {
        let item = cx.item(r, &[]);
        by.entry(item.customer.clone()).or_default().push(item);
    }
    let mut out: Vec<CustomerFindings> = by
        .into_iter()
        .map(|(customer, mut findings)| {
            findings.sort_by(by_badness);
            let count = |s: Severity| findings.iter().filter(|f| f.severity == s).count();
            CustomerFindings {
                critical: count(Severity::Critical),
                warning: count(Severity::Warning),
                info: count(Severity::Info),
                customer,
                findings,
            }
        })
        .collect();
    // The customers with the worst first.
    out.sort_by(|a, b| {
        (b.critical, b.warning, b.info).cmp(&(a.critical, a.warning, a.info)).then(a.customer.cmp(&b.customer))
    });
    out
}

fn section(
    cx: &Ctx,
    records: &[FindingRecord],
    source: &str,
    columns: &[&str],
    keep: impl Fn(&Finding) -> bool,
) -> Vec<Item> {
    let mut out: Vec<Item> = records
        .iter()
        .filter(|r| r.finding.source == source && keep(&r.finding))
        .map(|r| cx.item(r, columns))
        .collect();
    out.sort_by(by_badness);
    out
}

fn windows(cx: &Ctx, records: &[FindingRecord], now: Timestamp) -> Vec<Window> {
    let time = |f: &Finding, name: &str| field(f, name).and_then(|v| v.parse::<Timestamp>().ok());
    let mut out: Vec<Window> = records
        .iter()
        .map(|r| &r.finding)
        .filter(|f| f.status == Status::Open)
        .filter_map(|f| {
            let kind = match f.source.as_str() {
                crate::health::SOURCE => WindowKind::Aws,
                crate::calendar::sync::SOURCE => WindowKind::Planned,
                _ => return None,
            };
            let (start, end) = (time(f, STARTS_FIELD), time(f, ENDS_FIELD));
            // Calendar problems (an event opskit could not read) are findings, not windows.
            if kind == WindowKind::Planned && start.is_none() {
                return None;
            }
            if end.is_some_and(|e| e <= now) {
                return None;
            }
            Some(Window {
                kind,
                title: f.title.clone(),
                customer: customer_of(f.account.as_deref(), cx.accounts),
                start,
                end,
                when: field(f, "window").unwrap_or("no window given").to_string(),
                in_progress: start.is_some_and(|s| s <= now),
            })
        })
        .collect();
    // By start; windows without one (a mail that gave none) last.
    out.sort_by(|a, b| {
        (a.start.is_none(), a.start, a.end, &a.title).cmp(&(b.start.is_none(), b.start, b.end, &b.title))
    });
    out
}

fn silences(cx: &Ctx, list: &[Silence], now: Timestamp) -> Vec<SilenceRow> {
    let mut out: Vec<SilenceRow> = list
        .iter()
        .filter(|s| s.until > now)
        .map(|s| {
            let m = &s.matcher;
            let matches: Vec<String> =
                [("source", &m.source), ("key", &m.key), ("account", &m.account), ("resource", &m.resource)]
                    .iter()
                    .filter_map(|(k, v)| v.as_ref().map(|v| format!("{k}={v}")))
                    .collect();
            SilenceRow {
                id: s.id.clone(),
                matches: matches.join(" "),
                active: crate::spine::policy::silence_active(s, now),
                starts: s.starts,
                starts_local: cx.local(s.starts),
                until: s.until,
                until_local: cx.local(s.until),
                reason: s.reason.clone(),
                created_by: s.created_by.clone(),
            }
        })
        .collect();
    out.sort_by(|a, b| (a.until, &a.id).cmp(&(b.until, &b.id)));
    out
}

fn runs(cx: &Ctx, snapshots: &[crate::state::SnapshotRecord], settings: &Settings, now: Timestamp) -> Vec<RunRow> {
    let mut out: BTreeMap<String, RunRow> = BTreeMap::new();
    for s in snapshots {
        let Some(command) = s.name.strip_prefix(RUNS_PREFIX) else { continue };
        let rec: RunRecord = match serde_json::from_slice(&s.data) {
            Ok(r) => r,
            Err(e) => {
                tracing::warn!("snapshot {} is not a run record, left out: {e}", s.name);
                continue;
            }
        };
        let secs = now.duration_since(rec.at).as_secs();
        let expect = settings.expect.get(command);
        out.insert(
            command.to_string(),
            RunRow {
                command: command.to_string(),
                at: Some(rec.at),
                at_local: cx.local(rec.at),
                age: age(secs),
                code: Some(rec.code),
                took_ms: Some(rec.took_ms),
                host: rec.host,
                expect: expect.map(|d| d.to_string()),
                late: expect.is_some_and(|d| secs.max(0) as u128 * 1000 > d.0.as_millis()),
            },
        );
    }
    for (command, d) in &settings.expect {
        out.entry(command.clone()).or_insert_with(|| RunRow {
            command: command.clone(),
            at: None,
            at_local: "-".into(),
            age: "never".into(),
            code: None,
            took_ms: None,
            host: "-".into(),
            expect: Some(d.to_string()),
            late: true,
        });
    }
    out.into_values().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ages_read_as_people_say_them() {
        assert_eq!(age(42), "42s");
        assert_eq!(age(200), "3m 20s");
        assert_eq!(age(3 * 3600 + 120), "3h 2m");
        assert_eq!(age(2 * 86400 + 3600), "2d 1h");
        assert_eq!(age(-5), "0s");
    }
}
