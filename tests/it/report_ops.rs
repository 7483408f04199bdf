//! `opskit report ops` end to end: a history built through the binary over 30 simulated
//! days (`findings push` of three sources with OPSKIT_NOW moving: openings, resolves,
//! reopenings, a silence from `opskit silence add`), a page acknowledged in the sandbox's
//! PagerDuty and read back by `pagerduty remind`, and a disk recovered by a scenario through
//! the sandbox's SSM. The expected numbers are computed here from the fixture list by a
//! model that follows each push, and compared with `report ops --output json`.
//! Time: PagerDuty acknowledgements and scenario recoveries are stamped by the wall clock
//! (the sandbox, SSM), so the simulated days lie in the 29 days before the test's start
//! and the last steps run at the real time.

use crate::common;

use common::cli::*;
use jiff::{SignedDuration, Timestamp, ToSpan};
use opskit_sandbox::{self as sandbox, SsmResult};
use serde_json::{Value, json};
use std::collections::{BTreeMap, BTreeSet};

const ACME: &str = sandbox::DX_DEMO_ACCOUNT;
const INITECH: &str = "444455556666";
const WEB_1: &str = sandbox::EC2_DEMO_WEB_1;

fn setup(b: &Bench) {
    b.aws_profiles(&[("acme-prod", ACME), ("initech", INITECH)]);
    b.write_config(&format!(
        "{defaults}\
         [[accounts]]\nname = \"acme-prod\"\nid = \"{ACME}\"\nprofile = \"acme-prod\"\nregions = [\"{region}\"]\n\
         tags = {{ customer = \"Acme Corp\" }}\n\n\
         {initech}{sinks}\n\
         [[routes]]\nsinks = [\"slack\"]\n\n\
         [[routes]]\nmin_severity = \"critical\"\nsources = [\"monitoring\", \"backup-check\"]\nsinks = [\"pagerduty\"]\n\n\
         [commands.pagerduty]\nremind_after = \"15m\"\n\n\
         [respond]\nbudget = \"15s\"\n\n\
         [[scenarios]]\nname = \"disk-full\"\nsources = [\"monitoring\"]\nkeys = [\"disk/*\"]\nallow_recover = true\n\
         [[scenarios.steps]]\nrole = \"recover\"\nname = \"clear rotated logs\"\nssm = [\"find /var/log/app -name '*.gz' -delete\"]\n\
         [[scenarios.steps]]\nrole = \"verify\"\nname = \"root below 90%\"\nssm = [\"test $(df --output=pcent / | tail -1 | tr -dc 0-9) -lt 90\"]\n",
        defaults = b.defaults(),
        region = sandbox::DX_DEMO_REGION,
        initech = account_toml("initech", INITECH, &[sandbox::DX_DEMO_REGION]),
        sinks = b.sandbox.sinks_toml(),
    ));
    b.sandbox.ssm_script(WEB_1, "find /var/log/app", vec![SsmResult::success("", 100)]);
    b.sandbox.ssm_script(WEB_1, "test $(df", vec![SsmResult::success("", 100)]);
}

/// One finding of a fixture: key, severity, account (id).
type Fx = (&'static str, &'static str, Option<&'static str>);

/// What the test expects, followed push by push (independently of the report's code: it
/// keeps each key's current episode and counts as the pushes go).
#[derive(Default)]
struct Model {
    /// Per source, the open keys, and whether a person acknowledged each.
    open: BTreeMap<String, BTreeMap<String, bool>>,
    alerts: u64,
    by_customer: BTreeMap<(String, String), u64>,
    by_source: BTreeMap<String, u64>,
    per_week: BTreeMap<String, u64>,
    noisy: BTreeMap<(String, String), u64>,
    silenced: BTreeMap<String, u64>,
    unsilenced: u64,
    closed: (u64, u64, u64), // scenario, auto, person
}

fn customer(account: Option<&str>) -> String {
    match account {
        Some(ACME) => "Acme Corp".into(),
        Some(INITECH) => "initech".into(),
        Some(x) => x.into(),
        None => "-".into(),
    }
}

fn tokyo_week(at: Timestamp) -> String {
    let d = at.to_zoned(jiff::tz::TimeZone::get("Asia/Tokyo").unwrap()).date();
    let monday = d.checked_sub((d.weekday().to_monday_zero_offset() as i64).days()).unwrap();
    monday.to_string()
}

impl Model {
    fn push(&mut self, source: &str, at: Timestamp, now: &[Fx], silenced: bool) {
        let open = self.open.entry(source.to_string()).or_default();
        let keys: BTreeSet<&str> = now.iter().map(|f| f.0).collect();
        let gone: Vec<String> = open.keys().filter(|k| !keys.contains(k.as_str())).cloned().collect();
        for k in gone {
            if open.remove(&k).unwrap() {
                self.closed.2 += 1;
            } else {
                self.closed.1 += 1;
            }
        }
        for (key, sev, account) in now {
            if open.contains_key(*key) {
                continue;
            }
            open.insert(key.to_string(), false);
            self.alerts += 1;
            *self.by_customer.entry((customer(*account), sev.to_string())).or_default() += 1;
            *self.by_source.entry(source.into()).or_default() += 1;
            *self.per_week.entry(tokyo_week(at)).or_default() += 1;
            *self.noisy.entry((source.into(), key.to_string())).or_default() += 1;
            if silenced {
                *self.silenced.entry(source.into()).or_default() += 1;
            } else {
                self.unsilenced += 1;
            }
        }
    }
}

fn doc(fx: &[Fx]) -> String {
    let list: Vec<Value> = fx
        .iter()
        .map(|(key, sev, account)| {
            // A disk alert names its instance, as the scenario needs.
            let resource = key.strip_prefix("disk/").unwrap_or(key);
            let mut f =
                json!({"key": key, "severity": sev, "title": format!("{key} is unwell"), "resources": [resource]});
            if let Some(a) = account {
                f["account"] = json!(a);
                f["region"] = json!(sandbox::DX_DEMO_REGION);
            }
            f
        })
        .collect();
    Value::Array(list).to_string()
}

fn push(b: &Bench, m: &mut Model, source: &str, at: Timestamp, fx: &[Fx], silenced: bool) {
    let a = b
        .opskit_aws()
        .env("OPSKIT_NOW", at.to_string())
        .args(["findings", "push", "--source", source])
        .write_stdin(doc(fx))
        .assert();
    assert_eq!(code(&a), 0, "push {source} at {at}: {}", stderr(&a));
    m.push(source, at, fx, silenced);
}

fn report(b: &Bench, at: Timestamp, extra: &[&str]) -> assert_cmd::assert::Assert {
    let a = b.opskit().env("OPSKIT_NOW", at.to_string()).args(["report", "ops"]).args(extra).assert();
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    a
}

fn json_of(a: &assert_cmd::assert::Assert) -> Value {
    serde_json::from_slice(&a.get_output().stdout).unwrap_or_else(|e| panic!("{e}: {}", stdout(a)))
}

#[test]
fn the_numbers_of_thirty_days_equal_those_computed_from_the_fixtures() {
    let b = Bench::new();
    setup(&b);
    let mut m = Model::default();
    let start = Timestamp::now();
    let base = start - SignedDuration::from_hours(29 * 24);
    let day = |d: i64| base + SignedDuration::from_hours(d * 24 + 1);
    const CPU: Fx = ("cpu/web-2", "warning", Some(ACME));
    const DB1: Fx = ("db-1", "critical", Some(ACME));
    let disk_key: &'static str = Box::leak(format!("disk/{WEB_1}").into_boxed_str());
    const DBMAIN: Fx = ("backup/db-main", "warning", Some(INITECH));
    const FILES: Fx = ("backup/files", "critical", Some(INITECH));
    const WWW: Fx = ("site/www", "info", None);

    push(&b, &mut m, "monitoring", day(1), &[CPU], false);
    push(&b, &mut m, "backup-check", day(3), &[DBMAIN], false);
    push(&b, &mut m, "monitoring", day(2), &[], false);
    push(&b, &mut m, "backup-check", day(4), &[], false);
    push(&b, &mut m, "monitoring", day(5), &[CPU], false);
    push(&b, &mut m, "monitoring", day(6), &[CPU, DB1], false);
    push(&b, &mut m, "monitoring", day(7), &[DB1], false);
    push(&b, &mut m, "backup-check", day(8), &[DBMAIN], false);
    push(&b, &mut m, "backup-check", day(9), &[], false);
    // Planned work on the backups: a silence of two days.
    let s = b
        .opskit()
        .env("OPSKIT_NOW", day(10).to_string())
        .args(["silence", "add", "--source", "backup-check", "--reason", "storage migration CHG-7"])
        .args(["--from", &day(10).to_string(), "--until", &(day(12)).to_string()])
        .assert();
    assert_eq!(code(&s), 0, "{}", stderr(&s));
    push(&b, &mut m, "backup-check", day(11), &[DBMAIN, FILES], true);
    push(&b, &mut m, "backup-check", day(13), &[FILES], false);
    push(&b, &mut m, "uptime", day(15), &[WWW], false);
    push(&b, &mut m, "uptime", day(16), &[], false);
    push(&b, &mut m, "backup-check", day(20), &[FILES, DBMAIN], false);
    push(&b, &mut m, "backup-check", day(21), &[FILES], false);
    push(&b, &mut m, "uptime", day(25), &[WWW], false);

    // Now, on the wall clock: someone takes db-1's page; `pagerduty remind` reads it, and
    // reminds of backup/files' page nobody took (a finding of source `pagerduty`, which is
    // not an alert).
    let before_ack = Timestamp::now();
    assert!(b.sandbox.pagerduty_acknowledge("monitoring/db-1", "Tanaka"), "db-1 was paged");
    let after_ack = Timestamp::now();
    let r = b
        .opskit()
        .env("OPSKIT_NOW", (after_ack + SignedDuration::from_mins(20)).to_string())
        .args(["pagerduty", "remind"])
        .assert();
    assert!(code(&r) == 0, "{}", stderr(&r));
    let reminders = b.slack_texts().into_iter().filter(|t| t.contains("Nobody has acknowledged")).count();
    assert_eq!(reminders, 1, "{:?}", b.slack_texts());
    m.open.get_mut("monitoring").unwrap().insert("db-1".into(), true);

    // A disk fills and the scenario clears it within the run: opened and recovered.
    let disk_at = Timestamp::from_second(Timestamp::now().as_second()).unwrap();
    push(&b, &mut m, "monitoring", disk_at, &[DB1, (disk_key, "critical", Some(ACME))], false);
    let after_disk = Timestamp::now();
    // The model: recovered by the scenario, not open any more.
    m.open.get_mut("monitoring").unwrap().remove(disk_key);
    m.closed.0 += 1;
    // db-1 resolves after its acknowledgement: a person handled it.
    let end = disk_at + SignedDuration::from_mins(25);
    push(&b, &mut m, "monitoring", end, &[], false);

    let now = end + SignedDuration::from_mins(1);
    let metrics = b.path("ops.prom");
    let a = report(&b, now, &["--output", "json", "--metrics-file", metrics.to_str().unwrap()]);
    let r = json_of(&a);

    // Alerts.
    assert_eq!(r["alerts"]["total"], m.alerts, "{r:#}");
    for ((cust, sev), n) in &m.by_customer {
        assert_eq!(r["alerts"]["by_customer"][cust][sev], *n, "{cust} {sev}: {:#}", r["alerts"]);
    }
    let total_by_customer: u64 =
        r["alerts"]["by_customer"].as_object().unwrap().values().map(|c| c["total"].as_u64().unwrap()).sum();
    assert_eq!(total_by_customer, m.alerts);
    assert_eq!(r["alerts"]["by_source"], json!(m.by_source));
    assert!(r["alerts"]["by_source"].get("pagerduty").is_none(), "reminders are not alerts");

    // Periods: Tokyo weeks from Monday.
    let weeks: BTreeMap<String, u64> = r["buckets"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|b| b["alerts"]["total"].as_u64().unwrap() > 0)
        .map(|b| (b["start"].as_str().unwrap().to_string(), b["alerts"]["total"].as_u64().unwrap()))
        .collect();
    assert_eq!(weeks, m.per_week);
    assert_eq!(r["by"], "week");
    assert_eq!(r["buckets"][0]["start"].as_str().unwrap(), tokyo_week(now - SignedDuration::from_hours(30 * 24)));

    // First response: db-1 by Tanaka's acknowledgement (stamped by the wall clock), the disk
    // by the scenario; every other unsilenced opening is unanswered.
    let fr = &r["first_response"];
    assert_eq!(fr["openings"], m.unsilenced, "{fr:#}");
    assert_eq!(
        (fr["responded"].as_u64(), fr["by_person"].as_u64(), fr["by_scenario"].as_u64()),
        (Some(2), Some(1), Some(1))
    );
    assert_eq!(fr["unanswered"], m.unsilenced - 2);
    let db1_opened = day(6);
    let ack_lo = before_ack.as_second() - db1_opened.as_second();
    let ack_hi = after_ack.as_second() - db1_opened.as_second();
    let disk_hi = after_disk.as_second() + 1 - disk_at.as_second();
    let mean = fr["mean_seconds"].as_f64().unwrap();
    assert!(
        mean >= ack_lo as f64 / 2.0 && mean <= (ack_hi + disk_hi) as f64 / 2.0,
        "mean {mean} not within [{}, {}]",
        ack_lo as f64 / 2.0,
        (ack_hi + disk_hi) as f64 / 2.0
    );
    assert_eq!(fr["median_seconds"], fr["mean_seconds"], "two responses: the median is their mean");

    // Handled automatically.
    let h = &r["handled"];
    let (scenario, auto, person) = m.closed;
    assert_eq!(
        (h["closed"].as_u64(), h["scenario"].as_u64(), h["auto"].as_u64(), h["person"].as_u64()),
        (Some(scenario + auto + person), Some(scenario), Some(auto), Some(person)),
        "{h:#}"
    );
    let share = (scenario + auto) as f64 / (scenario + auto + person) as f64;
    assert!((h["share_automatic"].as_f64().unwrap() - share).abs() < 1e-9);

    // Noisiest keys, silenced sources, scenarios.
    let mut noisy: Vec<(u64, String, String)> = m.noisy.iter().map(|((s, k), n)| (*n, s.clone(), k.clone())).collect();
    noisy.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| (&a.1, &a.2).cmp(&(&b.1, &b.2))));
    let got: Vec<(u64, String, String)> = r["noisiest"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| {
            (k["openings"].as_u64().unwrap(), k["source"].as_str().unwrap().into(), k["key"].as_str().unwrap().into())
        })
        .collect();
    assert_eq!(got, noisy.into_iter().take(10).collect::<Vec<_>>());
    assert_eq!(got[0], (4, "backup-check".to_string(), "backup/db-main".to_string()), "the flapping backup");
    let silenced: Vec<(String, u64)> = m.silenced.clone().into_iter().collect();
    let got: Vec<(String, u64)> = r["silenced"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["source"].as_str().unwrap().into(), s["openings"].as_u64().unwrap()))
        .collect();
    assert_eq!(got, silenced);
    assert_eq!(r["scenarios"], json!({"runs": 1, "recovered": 1, "escalated": 0, "other": 0}));
    assert_eq!(r["empty"], false);

    // The same numbers for Prometheus users.
    let prom = std::fs::read_to_string(&metrics).unwrap();
    let n = m.by_customer[&("Acme Corp".to_string(), "critical".to_string())];
    assert!(
        prom.contains(&format!("opskit_ops_alerts{{customer=\"Acme Corp\",severity=\"critical\"}} {n}\n")),
        "{prom}"
    );
    assert!(prom.contains(&format!("opskit_ops_handled_automatically_ratio {share}\n")), "{prom}");
    assert!(prom.contains("opskit_ops_first_response_seconds{quantile=\"0.5\"} "), "{prom}");
    assert!(prom.contains("opskit_run_exit_code{command=\"report-ops\"} 0"), "{prom}");

    // CSV: a row per week with the same alert counts; HTML: the charts and the tables.
    let csv = stdout(&report(&b, now, &["--output", "csv"]));
    let rows: Vec<&str> = csv.lines().collect();
    assert!(rows[0].starts_with("period_start,alerts,"), "{csv}");
    assert_eq!(rows.len(), 1 + r["buckets"].as_array().unwrap().len());
    let csv_total: u64 = rows[1..].iter().map(|l| l.split(',').nth(1).unwrap().parse::<u64>().unwrap()).sum();
    assert_eq!(csv_total, m.alerts);
    let page = stdout(&report(&b, now, &["--format", "html"]));
    assert!(page.starts_with("<!DOCTYPE html>") && page.matches("<svg").count() == 3, "{page}");
    assert!(page.contains("<td>Acme Corp</td>") && page.contains("backup/db-main"), "{page}");
}

#[test]
fn an_empty_state_gives_a_page_that_says_so() {
    let b = Bench::new();
    b.standard_config();
    let r = json_of(&report(&b, "2026-12-01T00:00:00Z".parse().unwrap(), &["--output", "json", "--by", "month"]));
    assert_eq!(r["empty"], true);
    assert_eq!(r["alerts"]["total"], 0);
    assert_eq!(r["first_response"]["median_seconds"], Value::Null);
    assert_eq!(r["buckets"].as_array().unwrap().len(), 2, "November and December: {r:#}");
    let text = stdout(&report(&b, "2026-12-01T00:00:00Z".parse().unwrap(), &[]));
    assert!(text.contains("nothing was recorded in this window yet"), "{text}");
    let page = stdout(&report(&b, "2026-12-01T00:00:00Z".parse().unwrap(), &["--format", "html"]));
    assert!(page.contains("nothing was recorded in this window yet") && !page.contains("<svg"), "{page}");
    assert!(!b.path("state.db").exists(), "a report writes no state");
}
