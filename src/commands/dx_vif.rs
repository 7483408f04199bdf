//! `opskit dx-vif poll` / `watch`: Direct Connect virtual interfaces, their BGP sessions and
//! connections, in every selected (account, region), as findings.
//!
//! Each VIF and connection is one finding keyed `dx-vif/ACCOUNT/REGION/ID`, healthy ones
//! included (resolved), so `--output table` is a status board. What is bad:
//! - critical: the VIF is `down`, or a BGP peer of a VIF in service reports `down`, or a
//!   connection is `down`;
//! - warning: any other state outside the healthy set (configurable), `unknown`, a value
//!   this build does not know (shown raw), or a BGP status of `unknown`.
//!
//! A VIF being deleted, or gone from the listing, resolves with a message that says so:
//! it was deleted, it did not recover. The escalation ladder (Slack first, the pager after
//! N bad polls) is routing, done by the spine.

use crate::aws::directconnect::{self as dx, Conn, Vif, bgp_summary};
use crate::aws::fan_out_with_progress;
use crate::cli::DxWatchArgs;
use crate::commands::Output;
use crate::config::{Config, ConfigError, Dur};
use crate::context::Context;
use crate::error::{AppError, AppResult};
use crate::spine::engine::{Collected, RunReport, Scope};
use crate::spine::finding::{Field, Finding, Link, Severity, Status};
use serde::Deserialize;
use std::collections::BTreeSet;
use std::time::Duration;

pub const SOURCE: &str = "dx-vif";

/// The fields `--output table` shows, in order: the status board's columns.
pub const BOARD: &[&str] = &["name", "id", "type", "vlan", "location", "device", "state", "bgp"];

/// `[commands.dx-vif]`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Settings {
    /// VIF states that are fine: `available` and the states a VIF passes through while it
    /// is being created.
    pub healthy_states: Vec<String>,
    /// Connection states that are fine.
    pub healthy_connection_states: Vec<String>,
    /// Watch connections too, not only VIFs.
    pub connections: bool,
    /// VIF or connection ids or names (globs) to leave out entirely, e.g. lab circuits.
    pub ignore: Vec<String>,
    /// Time between polls of `watch` when `--interval` is not given.
    pub interval: Option<Dur>,
    /// `ignore`, compiled.
    #[serde(skip)]
    ignore_globs: crate::globs::Globs,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            healthy_states: ["available", "confirming", "verifying", "pending"].map(String::from).to_vec(),
            healthy_connection_states: ["available", "ordering", "requested", "pending"].map(String::from).to_vec(),
            connections: true,
            ignore: Vec::new(),
            interval: None,
            ignore_globs: crate::globs::Globs::default(),
        }
    }
}

impl Settings {
    pub fn load(config: &Config) -> Result<Settings, ConfigError> {
        let mut s: Settings = config.command_settings(SOURCE)?;
        s.ignore_globs = crate::globs::Globs::new(&s.ignore).map_err(|e| ConfigError {
            key: Some("commands.dx-vif.ignore".into()),
            file: config.file.clone(),
            ..ConfigError::plain(e)
        })?;
        Ok(s)
    }

    fn ignored(&self, id: &str, name: &str) -> bool {
        self.ignore_globs.any(&[id, name])
    }
}

// ---------------------------------------------------------------------------------------
// Judging
// ---------------------------------------------------------------------------------------

/// How bad one observation is, and the words for it.
struct Verdict {
    severity: Severity,
    problems: Vec<String>,
}

impl Verdict {
    fn ok() -> Verdict {
        Verdict { severity: Severity::Info, problems: Vec::new() }
    }
    fn add(&mut self, severity: Severity, problem: String) {
        self.severity = self.severity.max(severity);
        self.problems.push(problem);
    }
}

fn known(value: &str, values: &[&str]) -> bool {
    values.contains(&value)
}

/// A state outside the healthy set: `unknown`, a value this build does not know (raw), or
/// simply not one of the healthy ones.
fn odd_state(what: &str, state: &str, modeled: &[&str]) -> String {
    if state.is_empty() {
        format!("{what} reports no state")
    } else if !known(state, modeled) {
        format!("{what} state `{state}` is not known to this opskit build")
    } else if state == "unknown" {
        format!("{what} state is unknown")
    } else {
        format!("{what} is {state}")
    }
}

fn describe(name: &str, id: &str) -> String {
    if name.is_empty() || name == id { id.to_string() } else { format!("{name} ({id})") }
}

fn join_tags(t: &[(String, String)]) -> String {
    t.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join(", ")
}

fn dash(v: &str) -> &str {
    if v.is_empty() { "-" } else { v }
}

fn console(region: &str, page: &str) -> Link {
    Link {
        text: "Direct Connect console".into(),
        href: format!("https://{region}.console.aws.amazon.com/directconnect/v2/home?region={region}#/{page}"),
    }
}

/// One VIF as a finding: open when something is wrong, resolved when healthy or deleted.
pub fn vif_finding(account: &str, region: &str, v: &Vif, settings: &Settings) -> Finding {
    let what = format!("Direct Connect VIF {}", describe(&v.name, &v.id));
    let states = dx::vif_states();
    let mut verdict = Verdict::ok();
    let deleted = matches!(v.state.as_str(), "deleting" | "deleted");
    if v.state == "down" {
        verdict.add(Severity::Critical, "VIF is down (BGP down)".into());
    } else if !deleted && !settings.healthy_states.iter().any(|h| h == &v.state) {
        verdict.add(Severity::Warning, odd_state("VIF", &v.state, states));
    }
    // Sessions matter once the VIF is in service (or down, or under a failover test).
    let in_service = !deleted && !matches!(v.state.as_str(), "confirming" | "verifying" | "pending" | "rejected");
    let mut fp = format!("{}|", v.state);
    if in_service {
        let (statuses, peer_states) = (dx::bgp_statuses(), dx::bgp_peer_states());
        for p in v.peers.iter().filter(|p| p.provisioned()) {
            let peer = format!("BGP peer {} {}", dash(&p.family), dash(&p.customer_address));
            fp.push_str(&format!("{}={},", p.id, p.status));
            if !p.state.is_empty() && !known(&p.state, peer_states) {
                verdict.add(Severity::Warning, odd_state(&peer, &p.state, peer_states));
            }
            match p.status.as_str() {
                "up" => {}
                "down" if v.state != "down" => verdict.add(Severity::Critical, format!("{peer} is down")),
                "down" => {}
                s => verdict.add(Severity::Warning, odd_state(&format!("{peer} session"), s, statuses)),
            }
        }
    }
    let bad = verdict.severity > Severity::Info;
    let (status, title, summary) = if deleted {
        (
            Status::Resolved,
            format!("{what} was deleted"),
            format!("The VIF is {}: it is no longer watched. Closed as deleted, not as recovered.", v.state),
        )
    } else if bad {
        (Status::Open, format!("{what}: {}", verdict.problems.join("; ")), String::new())
    } else {
        (
            Status::Resolved,
            format!("{what} is healthy"),
            format!("Recovered: state {}, BGP {}.", v.state, bgp_summary(&v.peers)),
        )
    };
    let summary = if status == Status::Open {
        format!(
            "State {}, BGP {}. Connection {} at {}, device {}.",
            dash(&v.state),
            bgp_summary(&v.peers),
            dash(&v.connection),
            dash(&v.location),
            dash(&v.device)
        )
    } else {
        summary
    };
    let mut f = Finding {
        status,
        summary,
        account: Some(account.to_string()),
        region: Some(region.to_string()),
        resources: [v.id.clone(), v.connection.clone()].into_iter().filter(|r| !r.is_empty()).collect(),
        links: vec![console(region, "virtual-interfaces")],
        // What makes a down VIF "changed": its state and its sessions, not a renamed tag.
        fingerprint: format!("{}|{fp}", verdict.severity),
        ..Finding::new(SOURCE, format!("{SOURCE}/{account}/{region}/{}", v.id), verdict.severity, title)
    };
    f = f
        .field("name", dash(&v.name))
        .field("id", &v.id)
        .field("type", dash(&v.kind))
        .field("vlan", v.vlan.to_string())
        .field("connection", dash(&v.connection))
        .field("location", dash(&v.location))
        .field("device", dash(&v.device))
        .field("state", dash(&v.state))
        .field("bgp", bgp_summary(&v.peers));
    if !v.tags.is_empty() {
        f = f.field("tags", join_tags(&v.tags));
    }
    f
}

/// One connection as a finding.
pub fn connection_finding(account: &str, region: &str, c: &Conn, settings: &Settings) -> Finding {
    let what = format!("Direct Connect connection {}", describe(&c.name, &c.id));
    let states = dx::connection_states();
    let deleted = matches!(c.state.as_str(), "deleting" | "deleted");
    let mut verdict = Verdict::ok();
    if c.state == "down" {
        verdict.add(Severity::Critical, "connection is down".into());
    } else if !deleted && !settings.healthy_connection_states.iter().any(|h| h == &c.state) {
        verdict.add(Severity::Warning, odd_state("connection", &c.state, states));
    }
    let (status, title, summary) = if deleted {
        (
            Status::Resolved,
            format!("{what} was deleted"),
            format!("The connection is {}: it is no longer watched. Closed as deleted, not as recovered.", c.state),
        )
    } else if verdict.severity > Severity::Info {
        (
            Status::Open,
            format!("{what}: {}", verdict.problems.join("; ")),
            format!(
                "State {}, {} at {}, device {}.",
                dash(&c.state),
                dash(&c.bandwidth),
                dash(&c.location),
                dash(&c.device)
            ),
        )
    } else {
        (Status::Resolved, format!("{what} is healthy"), format!("Recovered: state {}.", c.state))
    };
    let mut f = Finding {
        status,
        summary,
        account: Some(account.to_string()),
        region: Some(region.to_string()),
        resources: vec![c.id.clone()],
        links: vec![console(region, "connections")],
        fingerprint: format!("{}|{}", verdict.severity, c.state),
        ..Finding::new(SOURCE, format!("{SOURCE}/{account}/{region}/{}", c.id), verdict.severity, title)
    };
    f = f
        .field("name", dash(&c.name))
        .field("id", &c.id)
        .field("type", "connection")
        .field("vlan", "-")
        .field("connection", &c.id)
        .field("location", dash(&c.location))
        .field("device", dash(&c.device))
        .field("state", dash(&c.state))
        .field("bgp", "-")
        .field("bandwidth", dash(&c.bandwidth));
    if !c.tags.is_empty() {
        f = f.field("tags", join_tags(&c.tags));
    }
    f
}

/// What the spine says of a VIF or connection that vanished from a listing that otherwise
/// worked: AWS lists deleted VIFs for about 15 minutes, then they are simply gone.
fn vanished(mut f: Finding) -> Finding {
    let id = f.resources.first().cloned().unwrap_or_default();
    let what = if id.starts_with("dxvif-") { "VIF" } else { "connection" };
    f.title = format!("Direct Connect {what} {id} no longer exists");
    f.summary = format!("The {what} is no longer listed by AWS: it was deleted. Closed as deleted, not as recovered.");
    f
}

// ---------------------------------------------------------------------------------------
// Collecting (the listing itself is `aws::directconnect`)
// ---------------------------------------------------------------------------------------

/// One poll of every selected target: findings for all VIFs and connections, the targets
/// that answered (the scope), and the ones that did not.
pub async fn collect(ctx: &Context, settings: &Settings) -> AppResult<Collected> {
    let targets = crate::aws::select_targets(&ctx.config, &ctx.global.account, &ctx.global.region)?;
    if targets.is_empty() {
        return Err(AppError::usage(
            "no (account, region) to poll\nhint: add [[accounts]] with regions to the config, or pass --profile NAME --region REGION for one account",
        ));
    }
    let bar = crate::aws::progress_bar("polling Direct Connect", targets.len(), ctx.global.quiet);
    let (concurrency, timeout) = (ctx.config.defaults.concurrency, ctx.timeout()?);
    let results = fan_out_with_progress(targets, concurrency, timeout, bar.as_ref(), |t| async move {
        let cfg = ctx.aws.config(&t.account, &t.region).await;
        dx::list(&cfg, settings.connections).await
    })
    .await;
    let mut findings = Vec::new();
    let mut covered = BTreeSet::new();
    let mut failures = crate::aws::Failures::new(results.iter().map(|(t, _)| t));
    for (t, r) in results {
        match r {
            Ok((vifs, conns)) => {
                let account = t.account_label();
                tracing::debug!(target = %t.label(), vifs = vifs.len(), connections = conns.len(), "polled");
                // The board shows the account by the name the team knows it by.
                let named = |mut f: Finding| {
                    f.fields.insert(0, Field { name: "account name".into(), value: t.account.name.clone() });
                    f
                };
                for v in vifs.iter().filter(|v| !settings.ignored(&v.id, &v.name)) {
                    findings.push(named(vif_finding(&account, &t.region, v, settings)));
                }
                for c in conns.iter().filter(|c| !settings.ignored(&c.id, &c.name)) {
                    findings.push(named(connection_finding(&account, &t.region, c, settings)));
                }
                covered.insert((account, t.region.clone()));
            }
            Err(e) => failures.push(t, &e),
        }
    }
    let mut errors = failures.into_errors();
    errors.extend(ctx.discovery.errors());
    Ok(Collected {
        errors,
        vanished: Some(vanished),
        skipped: ctx.discovery.skipped(&ctx.global.account, ctx.config.shard),
        ..Collected::new(SOURCE, findings, Scope::Targets(covered)).with_board(BOARD)
    })
}

/// The run lock of a poll, shared by `poll` and every poll of `watch`.
pub const RUN_LOCK: &str = "dx-vif-poll";

/// One poll through the spine, under the poll's run lock: `dx-vif poll` holds it already
/// (taken in `main`); each poll of `watch` takes it here, before listing anything, so a
/// poll that finds it taken makes no API call.
pub async fn poll_once(ctx: &Context, settings: &Settings) -> AppResult<RunReport> {
    let own = match &ctx.held {
        Some(_) => None,
        None => ctx.hold(RUN_LOCK).await?,
    };
    let result = async {
        let collected = collect(ctx, settings).await?;
        match &own {
            Some(held) => ctx.run_spine_held(held, collected).await,
            None => ctx.run_spine(RUN_LOCK, collected).await,
        }
    }
    .await;
    if let Some(held) = own {
        held.release().await;
    }
    result
}

pub async fn poll(ctx: &Context) -> AppResult<Output> {
    let settings = Settings::load(&ctx.config)?;
    Ok(Output::Report(Box::new(poll_once(ctx, &settings).await?)))
}

/// Resolves once SIGTERM or SIGINT arrives.
async fn stop_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        match (signal(SignalKind::terminate()), signal(SignalKind::interrupt())) {
            (Ok(mut term), Ok(mut int)) => {
                tokio::select! {
                    _ = term.recv() => {}
                    _ = int.recv() => {}
                }
            }
            _ => {
                let _ = tokio::signal::ctrl_c().await;
            }
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}

/// Whether a poll's report is worth printing in a loop: something happened.
fn noteworthy(r: &RunReport) -> bool {
    !r.summary.transitions.is_empty() || !r.deliveries.is_empty() || !r.errors.is_empty()
}

pub async fn watch(ctx: &Context, args: &DxWatchArgs, name: &str) -> AppResult<Output> {
    if ctx.global.baseline {
        return Err(AppError::usage(
            "--baseline with `watch` would record every poll and never notify\nhint: run `opskit dx-vif poll --baseline` once, then start the watch",
        ));
    }
    let settings = Settings::load(&ctx.config)?;
    let interval = match (&args.interval, settings.interval) {
        (Some(i), _) => Dur::parse(i).map_err(|e| AppError::usage(format!("--interval: {e}")))?.0,
        (None, Some(d)) => d.0,
        (None, None) => Duration::from_secs(60),
    };
    if interval < Duration::from_secs(1) {
        return Err(AppError::usage("--interval: must be at least 1s"));
    }
    // The signal is noted at once, but a poll in progress finishes and commits first.
    let (stop_tx, mut stop_rx) = tokio::sync::watch::channel(false);
    let listener = tokio::spawn(async move {
        stop_signal().await;
        let _ = stop_tx.send(true);
    });
    tracing::info!(interval = %Dur(interval), "dx-vif watch: started");
    let mut polls: u64 = 0;
    loop {
        let (shown, code): (String, u8);
        let started = std::time::Instant::now();
        ctx.heartbeat_start().await;
        let result = poll_once(ctx, &settings).await;
        polls += 1;
        match &result {
            Ok(report) => {
                shown = if polls == 1 || noteworthy(report) {
                    crate::output::print_report(report, ctx.global.output, ctx.style, ctx.global.quiet)
                } else {
                    String::new()
                };
                code = crate::error::report_exit_code(report, ctx.global.fail_on);
                tracing::info!(
                    poll = polls,
                    findings = report.findings.len(),
                    open = report.summary.open.values().sum::<usize>(),
                    deliveries = report.deliveries.len(),
                    errors = report.errors.len(),
                    "dx-vif watch: poll done"
                );
            }
            // Bad flags or config cannot get better by waiting.
            Err(AppError::Usage(_) | AppError::Config(_)) if polls == 1 => {
                listener.abort();
                return result.map(|r| Output::Report(Box::new(r)));
            }
            Err(e) => {
                shown = crate::redact::redact(&format!("error: {e}"));
                code = e.exit_code();
                tracing::error!("dx-vif watch: poll {polls} failed: {shown}");
            }
        }
        ctx.after_run(name, result.as_ref().ok(), code, &shown, started.elapsed()).await;
        if *stop_rx.borrow() {
            break;
        }
        let wait = interval.saturating_sub(started.elapsed());
        tokio::select! {
            _ = tokio::time::sleep(wait) => {}
            _ = stop_rx.changed() => break,
        }
    }
    listener.abort();
    tracing::info!(polls, "dx-vif watch: stopped by a signal after committing its last poll");
    Ok(Output::text(""))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::aws::directconnect::Peer;

    fn peer(id: &str, family: &str, status: &str) -> Peer {
        Peer {
            id: id.into(),
            family: family.into(),
            customer_address: "169.254.10.2/30".into(),
            state: "available".into(),
            status: status.into(),
        }
    }

    fn vif(state: &str, peers: Vec<Peer>) -> Vif {
        Vif {
            id: "dxvif-ffabc123".into(),
            name: "prod-transit-1".into(),
            kind: "transit".into(),
            vlan: 301,
            connection: "dxcon-fgh12345".into(),
            location: "EqFA5".into(),
            device: "EqFA5-2abc3def4".into(),
            state: state.into(),
            peers,
            tags: vec![("customer".into(), "acme".into())],
        }
    }

    fn judge(v: &Vif) -> Finding {
        vif_finding("111122223333", "eu-central-1", v, &Settings::default())
    }

    #[test]
    fn healthy_vif_is_a_resolved_finding_with_its_board_fields() {
        let f = judge(&vif("available", vec![peer("p1", "ipv4", "up"), peer("p2", "ipv6", "up")]));
        assert_eq!(f.status, Status::Resolved);
        assert_eq!(f.key, "dx-vif/111122223333/eu-central-1/dxvif-ffabc123");
        let get = |n: &str| f.fields.iter().find(|x| x.name == n).map(|x| x.value.clone()).unwrap();
        assert_eq!(get("bgp"), "ipv4 up, ipv6 up");
        assert_eq!(get("vlan"), "301");
        assert_eq!(get("tags"), "customer=acme");
    }

    #[test]
    fn a_down_peer_on_an_available_vif_is_critical_and_names_the_peer() {
        let f = judge(&vif("available", vec![peer("p1", "ipv4", "up"), peer("p2", "ipv6", "down")]));
        assert_eq!((f.status, f.severity), (Status::Open, Severity::Critical));
        assert!(f.title.contains("BGP peer ipv6") && f.title.contains("is down"), "{}", f.title);
        let down = judge(&vif("down", vec![peer("p1", "ipv4", "down")]));
        assert_eq!(down.severity, Severity::Critical);
        assert!(down.title.contains("VIF is down"), "{}", down.title);
    }

    #[test]
    fn unknown_and_unmodeled_values_are_warnings_with_the_raw_value() {
        let f = judge(&vif("degraded-new-state", vec![peer("p1", "ipv4", "up")]));
        assert_eq!((f.status, f.severity), (Status::Open, Severity::Warning));
        assert!(f.title.contains("`degraded-new-state` is not known"), "{}", f.title);
        let f = judge(&vif("unknown", vec![]));
        assert_eq!(f.severity, Severity::Warning);
        assert!(f.title.contains("state is unknown"), "{}", f.title);
        let f = judge(&vif("available", vec![peer("p1", "ipv4", "flapping")]));
        assert_eq!(f.severity, Severity::Warning);
        assert!(f.title.contains("`flapping`"), "{}", f.title);
        let f = judge(&vif("testing", vec![peer("p1", "ipv4", "up")]));
        assert_eq!(f.severity, Severity::Warning, "a state outside the healthy set");
    }

    #[test]
    fn vifs_being_created_and_peers_being_added_are_not_alarms() {
        let f = judge(&vif("pending", vec![peer("p1", "ipv4", "down")]));
        assert_eq!(f.status, Status::Resolved);
        let mut adding = peer("p2", "ipv6", "down");
        adding.state = "pending".into();
        let f = judge(&vif("available", vec![peer("p1", "ipv4", "up"), adding]));
        assert_eq!(f.status, Status::Resolved, "{}", f.title);
        assert!(f.fields.iter().any(|x| x.value == "ipv4 up, ipv6 (pending)"));
    }

    #[test]
    fn a_deleted_vif_resolves_as_deleted_not_recovered() {
        let f = judge(&vif("deleted", vec![peer("p1", "ipv4", "down")]));
        assert_eq!(f.status, Status::Resolved);
        assert!(f.title.ends_with("was deleted"), "{}", f.title);
        assert!(f.summary.contains("not as recovered"));
        let gone = vanished(judge(&vif("down", vec![])));
        assert!(gone.title.contains("no longer exists") && gone.summary.contains("deleted"), "{}", gone.title);
    }

    #[test]
    fn fingerprint_follows_state_and_sessions_not_tags() {
        let a = judge(&vif("available", vec![peer("p1", "ipv4", "down")]));
        let mut retagged = vif("available", vec![peer("p1", "ipv4", "down")]);
        retagged.tags.push(("team".into(), "net".into()));
        assert_eq!(a.fingerprint, judge(&retagged).fingerprint);
        let worse = judge(&vif("down", vec![peer("p1", "ipv4", "down")]));
        assert_ne!(a.fingerprint, worse.fingerprint);
    }

    #[test]
    fn connections_down_are_critical_and_settings_reject_bad_globs() {
        let c = Conn {
            id: "dxcon-fgh12345".into(),
            name: "tokyo-1".into(),
            location: "EqTY2".into(),
            device: "EqTY2-abc".into(),
            bandwidth: "10Gbps".into(),
            state: "down".into(),
            tags: vec![],
        };
        let f = connection_finding("111122223333", "ap-northeast-1", &c, &Settings::default());
        assert_eq!((f.status, f.severity), (Status::Open, Severity::Critical));
        let cfg = crate::config::parse_and_check(
            "[commands.dx-vif]\nignore = [\"dxvif-[\"]\n",
            None,
            &crate::config::Env::process(),
            crate::commands::SECTIONS,
        );
        assert!(cfg.unwrap_err().to_string().contains("commands.dx-vif.ignore"));
        let cfg = crate::config::parse_and_check(
            "[commands.dx-vif]\nhealthy_state = [\"available\"]\n",
            None,
            &crate::config::Env::process(),
            crate::commands::SECTIONS,
        );
        assert!(cfg.unwrap_err().to_string().contains("healthy_state"));
    }
}
