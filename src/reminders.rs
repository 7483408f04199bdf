//! Reminders for pages nobody took: every PagerDuty incident opskit triggered (a delivery to
//! a `pagerduty` sink that is still open) is looked up through the sink's REST API by the
//! dedup key it was opened with; one still `triggered` (unacknowledged) after `remind_after`
//! becomes a critical finding (source `pagerduty`), routed like any finding — to a second
//! channel, the seed tool's reminder. Acknowledged or resolved, the reminder resolves.
//!
//! An incident that cannot be looked up is a failure of that sink (exit 3), and nothing of
//! that sink resolves: a PagerDuty outage never reads as "everyone acknowledged".

use crate::config::Config;
use crate::pagerduty_rest::{IncidentStatus, PagerDutyRest};
use crate::spine::engine::TargetError;
use crate::spine::finding::{Finding, Link, Severity, Status};
use crate::state::StateStore;
use jiff::{SignedDuration, Timestamp};
use std::collections::BTreeSet;

/// The source reminders carry.
pub const SOURCE: &str = "pagerduty";

/// What one run found.
#[derive(Debug, Default)]
pub struct Reminders {
    pub findings: Vec<Finding>,
    pub errors: Vec<TargetError>,
    /// Pages PagerDuty has no incident for (an alert grouped into another incident carries
    /// no key of its own): not watched, and said so.
    pub unmatched: Vec<TargetError>,
    /// The sinks whose incidents were all looked up: their reminders are spoken for.
    pub covered: BTreeSet<String>,
    /// The first acknowledgement of each incident read, for the history (`report ops`:
    /// the time to first response).
    pub acknowledged: Vec<crate::history::Event>,
}

/// Every reminder due at `now`, over the `pagerduty` sinks that have REST settings.
pub async fn due(
    config: &Config,
    state: &dyn StateStore,
    http: &reqwest::Client,
    remind_after: SignedDuration,
    timezone: &str,
    now: Timestamp,
    reminded: &BTreeSet<String>,
) -> Result<Reminders, crate::state::StateError> {
    let mut out = Reminders::default();
    // Every delivery, whatever its source (a `findings push` source is anyone's name).
    let dump = state.dump().await?;
    for (sink, _) in config.sinks.iter().filter(|(name, _)| config.pagerduty_rest(name).is_some()) {
        let Some(rest) = config.pagerduty_rest(sink) else { continue };
        let token = match rest.api_token.get() {
            Ok(t) => t.clone(),
            Err(e) => {
                out.errors.push(TargetError::new(format!("sink {sink}"), e.to_string()));
                continue;
            }
        };
        let client = PagerDutyRest::new(http.clone(), &rest.api_url, token, rest.from.clone());
        let mut failed = false;
        for d in dump.deliveries.iter().filter(|d| &d.sink == sink && d.status == Status::Open) {
            let qualified = format!("{}/{}", d.source, d.key);
            let dedup = d
                .external_ref
                .clone()
                .filter(|r| !r.is_empty())
                .unwrap_or_else(|| crate::sinks::pagerduty::dedup_key(&qualified));
            let incident = match client.incident_by_dedup_key(&dedup).await {
                Ok(i) => i,
                Err(e) => {
                    out.errors.push(TargetError::new(format!("sink {sink}"), format!("{e}")));
                    failed = true;
                    break;
                }
            };
            let Some(i) = incident else {
                out.unmatched.push(TargetError::new(
                    format!("sink {sink}"),
                    format!("no PagerDuty incident has the dedup key `{dedup}` (of {qualified}): its page is not watched for acknowledgement"),
                ));
                continue;
            };
            // The finding as the sink was told it, or as last observed (a delivery recorded
            // before opskit kept what it told): never a guessed severity.
            let paged = d
                .told
                .as_ref()
                .or_else(|| dump.findings.iter().map(|r| &r.finding).find(|f| f.source == d.source && f.key == d.key));
            if let (Some(first), Some(paged)) = (i.acknowledgements.iter().min_by_key(|a| a.at), paged) {
                out.acknowledged.push(crate::history::Event {
                    at: first.at,
                    kind: crate::history::EventKind::Acknowledged,
                    severity: paged.severity,
                    silenced: false,
                    source: d.source.clone(),
                    account: paged.account.clone(),
                    by: Some(first.by.clone()),
                    key: d.key.clone(),
                });
            }
            let key = format!("{SOURCE}/{sink}/unacknowledged/{}", i.id);
            if i.status != IncidentStatus::Triggered {
                // Reminded before and taken since: say who took it, and when.
                if reminded.contains(&key) {
                    let who = match i.acknowledgements.last() {
                        Some(a) => format!("acknowledged by {} at {}", a.by, crate::time::local_time(a.at, timezone)),
                        None => "resolved".to_string(),
                    };
                    out.findings.push(
                        Finding {
                            status: Status::Resolved,
                            summary: format!("PagerDuty incident #{} was {who}.", i.number),
                            links: vec![Link { text: format!("incident #{}", i.number), href: i.html_url.clone() }],
                            fingerprint: i.id.clone(),
                            ..Finding::new(
                                SOURCE,
                                key,
                                Severity::Critical,
                                format!("PagerDuty incident #{} {who}", i.number),
                            )
                        }
                        .field("incident", format!("#{}", i.number))
                        .field("status", if i.status == IncidentStatus::Resolved { "resolved" } else { "acknowledged" })
                        .field("finding", &qualified)
                        .field("sink", sink.as_str()),
                    );
                }
                continue;
            }
            let waited = now.duration_since(i.created_at);
            if waited < remind_after {
                continue;
            }
            let title = d.told.as_ref().map(|f| f.title.clone()).unwrap_or_else(|| qualified.clone());
            let mins = waited.as_secs() / 60;
            let f = Finding {
                summary: format!(
                    "PagerDuty incident #{} was triggered {} and nobody has acknowledged it ({} min).\n{title}",
                    i.number,
                    crate::time::local_time(i.created_at, timezone),
                    mins
                ),
                account: d.told.as_ref().and_then(|f| f.account.clone()),
                links: vec![Link { text: format!("incident #{}", i.number), href: i.html_url.clone() }],
                // One reminder per incident: the wait growing is not news.
                fingerprint: i.id.clone(),
                ..Finding::new(
                    SOURCE,
                    key,
                    Severity::Critical,
                    format!("Nobody has acknowledged PagerDuty incident #{} for {mins} min: {title}", i.number),
                )
            }
            .field("incident", format!("#{}", i.number))
            .field("status", "triggered")
            .field("triggered", i.created_at.to_string())
            .field("finding", &qualified)
            .field("sink", sink.as_str());
            out.findings.push(f);
        }
        if !failed {
            out.covered.insert(sink.clone());
        }
    }
    Ok(out)
}

/// A reminder whose incident was acknowledged (or resolved) since.
pub fn taken(mut f: Finding) -> Finding {
    f.title = format!("Acknowledged: {}", f.title.trim_start_matches("Nobody has acknowledged "));
    f.summary = "Someone acknowledged the incident (or it was resolved).".into();
    f
}
