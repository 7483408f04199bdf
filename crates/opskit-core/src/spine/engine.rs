//! The spine's run: diff the collected findings against the state, decide per sink what is
//! owed (New, Changed, Resolved, Reopened) under routes, damping, silences and quiet hours,
//! deliver with retries, commit each delivery the moment its sink accepted it, and build
//! the report.
//!
//! The model is "owed vs told": for every (finding, sink) the state remembers what the sink
//! was last told (status + fingerprint). Each run computes what the sink should know now;
//! a difference is a message. A failed, deferred or silenced message is simply not
//! committed, so the next run owes it again: at-least-once, with no retry queue to lose.

use crate::config::Config;
use crate::spine::deliver::{Message, Notifier, Receipt, SinkError};
use crate::spine::finding::{Finding, Severity, Status, TransitionKind};
use crate::spine::policy;
use crate::state::{DeliveryRecord, FindingRecord, StateError, StateStore};
use jiff::Timestamp;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;
use std::time::Duration;

/// Which previous findings a collection speaks for: an open finding in scope that is
/// absent from the collection has resolved; one out of scope (an account that failed or
/// was not selected) is left alone.
#[derive(Debug, Clone)]
pub enum Scope {
    All,
    Accounts(BTreeSet<String>),
    Targets(BTreeSet<(String, String)>),
    /// Exactly these findings (a producer that speaks for some of its source's findings
    /// only: `health watch` for the events with an ARN in the accounts it read, not for a
    /// legacy mail's event).
    Keys(BTreeSet<String>),
}

impl Scope {
    /// Whether this run retries what a sink is still owed about `f` though `f` is absent
    /// and resolved already (a resolve the sink refused): for the findings it speaks for,
    /// and, for a producer that resolves nothing by absence (`Accounts` empty), for all of
    /// its own. A shard thus retries its own accounts' only.
    pub fn retries(&self, f: &Finding) -> bool {
        match self {
            Scope::Accounts(a) if a.is_empty() => true,
            _ => self.covers(f),
        }
    }

    pub fn covers(&self, f: &Finding) -> bool {
        match self {
            Scope::All => true,
            Scope::Accounts(a) => f.account.as_ref().is_some_and(|x| a.contains(x)),
            Scope::Keys(k) => k.contains(&f.key),
            Scope::Targets(t) => match (&f.account, &f.region) {
                (Some(a), Some(r)) => t.contains(&(a.clone(), r.clone())),
                _ => false,
            },
        }
    }
}

/// A target (account/region) whose collection failed; reported, never hiding the others.
#[derive(Debug, Clone, Default, Serialize)]
pub struct TargetError {
    pub target: String,
    /// One line, then a `hint:` line when there is something to do.
    pub message: String,
    /// What kind of failure, when the producer classified it (`access-denied`,
    /// `no-credentials`…): for JSON logs and reports, and for telling "the same reason" apart.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// The API operation that failed, when one did.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub operation: Option<String>,
}

impl TargetError {
    pub fn new(target: impl Into<String>, message: impl Into<String>) -> TargetError {
        TargetError { target: target.into(), message: message.into(), kind: None, operation: None }
    }
}

/// What a producer hands to the spine.
#[derive(Debug, Clone)]
pub struct Collected {
    pub source: String,
    pub findings: Vec<Finding>,
    pub scope: Scope,
    pub errors: Vec<TargetError>,
    /// How to describe an open finding in scope that vanished from the collection (a
    /// deleted VIF is not a recovered one); `None` resolves it as it was last seen.
    pub vanished: Option<fn(Finding) -> Finding>,
    /// Targets left out for a reason that is not a failure (an account without the support
    /// plan an API needs): reported, out of scope, exit code unaffected.
    pub skipped: Vec<TargetError>,
    /// How the command wants its report shown and judged; the spine hands it on to the
    /// [`RunReport`] unchanged.
    pub judging: Judging,
}

/// A command's say in how its report is shown and judged. Declared once: the command sets
/// it in [`Collected`], the renderer and the exit code read it from the [`RunReport`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Judging {
    /// The finding fields `--output table` shows as columns (a status board), or empty for
    /// the generic table.
    pub board: Vec<String>,
    /// `--new-only`: `--fail-on` counts only findings that are new (or back) in this run.
    pub fail_on_new_only: bool,
    /// Failed deliveries are owed to a later run that the caller guarantees (an MTA pipe
    /// whose mail is safe in the state store): they do not fail this run's exit code.
    pub failed_deliveries_retried: bool,
}

impl Collected {
    pub fn new(source: impl Into<String>, findings: Vec<Finding>, scope: Scope) -> Collected {
        Collected {
            source: source.into(),
            findings,
            scope,
            errors: Vec::new(),
            vanished: None,
            skipped: Vec::new(),
            judging: Judging::default(),
        }
    }

    /// The finding fields `--output table` shows as columns: a status board.
    pub fn with_board(mut self, columns: &[&str]) -> Collected {
        self.judging.board = columns.iter().map(|c| c.to_string()).collect();
        self
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// The sink accepted it; committed.
    Delivered,
    /// `--dry-run`: shown, not sent, not committed.
    DryRun,
    /// The sink refused or stayed down; owed again next run.
    Failed,
    /// Quiet hours; owed again after the window.
    Deferred,
    /// An operator's silence matched.
    Suppressed,
    /// Not bad for long enough yet (`notify_after`).
    Damped,
    /// `--baseline`: recorded as told, not sent.
    Baselined,
}

impl Outcome {
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Delivered => "delivered",
            Outcome::DryRun => "dry-run",
            Outcome::Failed => "failed",
            Outcome::Deferred => "deferred",
            Outcome::Suppressed => "suppressed",
            Outcome::Damped => "damped",
            Outcome::Baselined => "baselined",
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct DeliveryOutcome {
    pub sink: String,
    pub key: String,
    pub kind: TransitionKind,
    pub outcome: Outcome,
    /// Why (error, silence id, deferred-until) or, in a dry run, what would be sent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    pub attempts: u32,
}

#[derive(Debug, Clone, Serialize)]
pub struct ReportFinding {
    #[serde(flatten)]
    pub finding: Finding,
    /// The transition this run saw, if any.
    pub change: Option<TransitionKind>,
    pub since: Timestamp,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub silenced_by: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Summary {
    pub open: BTreeMap<String, usize>,
    pub transitions: BTreeMap<String, usize>,
    pub deliveries: BTreeMap<String, usize>,
    pub errors: usize,
}

/// The run's report: what `--output` renders. Its JSON form is a documented interface
/// (README, "JSON output"); add fields, never rename them.
#[derive(Debug, Clone, Serialize)]
pub struct RunReport {
    pub version: u32,
    pub source: String,
    pub started: Timestamp,
    pub finished: Timestamp,
    pub dry_run: bool,
    pub summary: Summary,
    pub findings: Vec<ReportFinding>,
    pub deliveries: Vec<DeliveryOutcome>,
    pub errors: Vec<TargetError>,
    /// Targets left out without failing the run (see [`Collected::skipped`]).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub skipped: Vec<TargetError>,
    /// What first-response scenarios did in this run, one execution per finding they took.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub responses: Vec<crate::respond::Execution>,
    /// The command's [`Judging`], from its [`Collected`]; not part of the JSON.
    #[serde(skip)]
    pub judging: Judging,
}

impl RunReport {
    /// The highest severity among open findings (only new or reopened ones under
    /// `fail_on_new_only`): what `--fail-on` judges.
    pub fn max_open_severity(&self) -> Option<Severity> {
        self.findings
            .iter()
            .filter(|f| f.finding.status == Status::Open)
            .filter(|f| {
                !self.judging.fail_on_new_only
                    || matches!(f.change, Some(TransitionKind::New | TransitionKind::Reopened))
            })
            .map(|f| f.finding.severity)
            .max()
    }

    /// Whether part of the run failed (a target or a delivery): exit 3.
    pub fn failed(&self) -> bool {
        !self.errors.is_empty() || self.deliveries.iter().any(|d| d.outcome == Outcome::Failed)
    }
}

/// How deliveries are retried, and how long they may take.
#[derive(Debug, Clone, Copy)]
pub struct RetryPolicy {
    pub attempts: u32,
    pub backoff: Duration,
    pub max_wait: Duration,
    /// One attempt, connecting included: a sink that has not answered by then is taken as
    /// not answering, and its other messages of the run are not tried (the breaker).
    pub attempt_timeout: Duration,
    /// All of a run's deliveries: what is not delivered by then is owed to the next run.
    pub deadline: Duration,
}

impl RetryPolicy {
    pub fn from_config(c: &Config) -> RetryPolicy {
        RetryPolicy {
            attempts: c.defaults.delivery_attempts,
            backoff: c.defaults.retry_backoff.0,
            max_wait: c.defaults.max_retry_wait.0,
            attempt_timeout: c.defaults.sink_timeout.0,
            deadline: c.defaults.delivery_deadline.0,
        }
    }

    /// This policy with `sink`'s own attempt timeout (`sinks.NAME.timeout`, resolved over
    /// the default by the config), and the setting it came from, for messages.
    pub fn for_sink(self, c: &Config, sink: &str) -> (RetryPolicy, String) {
        match c.sink_timeouts.get(sink) {
            Some(t) => (RetryPolicy { attempt_timeout: t.timeout.0, ..self }, t.timeout_key.clone()),
            None => (self, "defaults.sink_timeout".to_string()),
        }
    }
}

/// Consecutive failed messages after which a sink is not tried again in this run.
const BREAKER_FAILURES: u32 = 3;

/// One sink's circuit breaker within a run: once the sink timed out, or refused
/// [`BREAKER_FAILURES`] messages in a row, the rest of its messages are owed to the next
/// run without being tried, so a hanging or broken sink costs one timeout, not messages ×
/// attempts × timeouts, and the other sinks (served in parallel) are not held up.
#[derive(Default)]
struct Breaker {
    failures: u32,
    open: Option<String>,
}

impl Breaker {
    fn record(&mut self, sink: &str, outcome: &Result<Receipt, SinkError>, timed_out: bool) {
        match outcome {
            Ok(_) => self.failures = 0,
            Err(_) if timed_out => {
                self.open = Some(format!("sink `{sink}` did not answer in time earlier in this run"));
            }
            Err(_) => {
                self.failures += 1;
                if self.failures >= BREAKER_FAILURES {
                    self.open = Some(format!("sink `{sink}` refused {} messages in a row in this run", self.failures));
                }
            }
        }
    }
}

pub struct Spine<'a> {
    pub config: &'a Config,
    pub state: &'a dyn StateStore,
    pub notifiers: &'a BTreeMap<String, Arc<dyn Notifier>>,
    pub dry_run: bool,
    /// Record what each sink is owed as told, without sending (adopting opskit on
    /// accounts with known problems). `dry_run` wins: it writes nothing.
    pub baseline: bool,
    pub now: Timestamp,
    pub retry: RetryPolicy,
    /// The respond stage's AWS side and who this run is; `None` runs no scenarios.
    pub respond: Option<RespondContext<'a>>,
}

/// What the respond stage needs from the app.
pub struct RespondContext<'a> {
    pub responder: Option<&'a dyn crate::respond::Responder>,
    pub holder: crate::state::LockHolder,
    /// Why a finding may not drive a recover step (a mail whose sender is unverified: its
    /// evidence may be gathered and shown, but it changes nothing), if it may not.
    pub untrusted: fn(&Finding) -> Option<String>,
}

/// One message owed to one sink.
struct Pending {
    sink: String,
    message: Message,
    fingerprint: String,
}

fn transition(prev: Option<&FindingRecord>, cur: &Finding) -> Option<TransitionKind> {
    match (prev.map(|p| p.finding.status), cur.status) {
        (None, Status::Open) => Some(TransitionKind::New),
        (None, Status::Resolved) => None,
        // A finding seen only healthy so far (a producer that reports every resource, like
        // the dx-vif status board) has never been open: its first problem is New.
        (Some(Status::Resolved), Status::Open) => Some(if prev.is_some_and(|p| p.last_transition.is_some()) {
            TransitionKind::Reopened
        } else {
            TransitionKind::New
        }),
        (Some(Status::Open), Status::Resolved) => Some(TransitionKind::Resolved),
        (Some(Status::Open), Status::Open) => (prev.map(|p| p.finding.fingerprint.as_str())
            != Some(cur.fingerprint.as_str()))
        .then_some(TransitionKind::Changed),
        (Some(Status::Resolved), Status::Resolved) => None,
    }
}

/// What each sink was last told about `key`: its entries of the (key, sink) map.
fn told_about<'a>(
    told: &'a BTreeMap<(String, String), DeliveryRecord>,
    key: &'a str,
) -> impl Iterator<Item = (&'a (String, String), &'a DeliveryRecord)> + 'a {
    told.range((key.to_string(), String::new())..).take_while(move |((k, _), _)| k == key)
}

/// What a message's `previous` is: the finding as this sink was last told it (a Changed
/// message says what changed since *its* last message, not since the last poll, which a
/// damped or deferred sink never saw). A New has none, however late it is sent. A record
/// written before opskit kept what it told has only the fingerprint: the last observation
/// stands in when it is the same finding state, otherwise nothing is claimed.
fn told_previously(
    kind: TransitionKind,
    last: Option<&DeliveryRecord>,
    observed: Option<&FindingRecord>,
) -> Option<Finding> {
    if kind == TransitionKind::New {
        return None;
    }
    let last = last?;
    if let Some(told) = &last.told {
        return Some(told.clone());
    }
    observed.filter(|o| o.finding.fingerprint == last.fingerprint).map(|o| o.finding.clone())
}

/// How long an unchanged observation goes without being rewritten, so `last_seen` still
/// says "seen within the last day".
const REFRESH_UNCHANGED: jiff::SignedDuration = jiff::SignedDuration::from_hours(24);

/// Whether an observation must be stored: it is new, it transitioned, the finding differs
/// in any way, its damping counter still matters (an open finding seen fewer times than
/// the most patient route waits for), or its last write is a day old. Otherwise the stored
/// record already says all the spine will read from it.
fn worth_writing(
    prev: Option<&FindingRecord>,
    rec: &FindingRecord,
    kind: Option<TransitionKind>,
    streak_cap: u32,
    now: Timestamp,
) -> bool {
    let Some(prev) = prev else { return true };
    kind.is_some()
        || prev.finding != rec.finding
        || (prev.finding.status == Status::Open && prev.streak < streak_cap)
        || now.duration_since(prev.last_seen) >= REFRESH_UNCHANGED
}

fn observe(prev: Option<&FindingRecord>, cur: Finding, kind: Option<TransitionKind>, now: Timestamp) -> FindingRecord {
    let same_status = prev.is_some_and(|p| p.finding.status == cur.status);
    FindingRecord {
        since: if same_status { prev.map(|p| p.since).unwrap_or(now) } else { now },
        last_seen: now,
        streak: if same_status { prev.map(|p| p.streak.saturating_add(1)).unwrap_or(1) } else { 1 },
        last_transition: kind.or(prev.and_then(|p| p.last_transition)),
        last_transition_at: if kind.is_some() { Some(now) } else { prev.and_then(|p| p.last_transition_at) },
        finding: cur,
    }
}

impl Spine<'_> {
    pub async fn process(&self, collected: Collected) -> Result<RunReport, StateError> {
        let started = self.now;
        let source = collected.source.clone();
        let previous: BTreeMap<String, FindingRecord> =
            self.state.findings(&source).await?.into_iter().map(|r| (r.finding.key.clone(), r)).collect();
        let told: BTreeMap<(String, String), DeliveryRecord> =
            self.state.deliveries(&source).await?.into_iter().map(|d| ((d.key.clone(), d.sink.clone()), d)).collect();
        let silences = self.state.silences().await?;

        // 1. Diff: the current set, then the open findings in scope that vanished.
        let mut records: Vec<(FindingRecord, Option<TransitionKind>)> = Vec::new();
        let mut seen = BTreeSet::new();
        for mut f in collected.findings {
            f.source = source.clone();
            f.ensure_fingerprint();
            if !seen.insert(f.key.clone()) {
                tracing::warn!(key = %f.key, "duplicate finding key in one collection; keeping the first");
                continue;
            }
            let prev = previous.get(&f.key);
            let kind = transition(prev, &f);
            records.push((observe(prev, f, kind, self.now), kind));
        }
        for (key, prev) in &previous {
            if seen.contains(key) {
                continue;
            }
            // Resolved earlier, but a sink refused the resolve: it is still owed, so the
            // finding goes through the policy again (a PagerDuty incident must not stay
            // open because PagerDuty was down the minute the VIF recovered).
            if prev.finding.status == Status::Resolved {
                let owed_to_a_sink = told_about(&told, key)
                    .any(|((_, sink), d)| d.status == Status::Open && self.config.sinks.contains_key(sink));
                if owed_to_a_sink && collected.scope.retries(&prev.finding) {
                    records.push((observe(Some(prev), prev.finding.clone(), None, self.now), None));
                }
                continue;
            }
            if !collected.scope.covers(&prev.finding) {
                continue;
            }
            let mut gone = match collected.vanished {
                Some(describe) => describe(prev.finding.clone()),
                None => prev.finding.clone(),
            };
            gone.status = Status::Resolved;
            records.push((
                observe(Some(prev), gone, Some(TransitionKind::Resolved), self.now),
                Some(TransitionKind::Resolved),
            ));
        }

        // 2. Respond, 3. policy, 4. deliver. Findings no scenario takes are owed and delivered
        // while the scenarios run (a scenario never holds up the rest of the run); those it
        // takes once their scenarios have had this run's budget, with the evidence so far.
        let active = self.respond.is_some() && !self.config.scenarios.is_empty();
        // Which scenario takes each finding, matched once.
        let taken: Vec<Option<&crate::respond::Scenario>> = records
            .iter()
            .map(|(r, _)| active.then(|| crate::respond::scenario::scenario_for(self.config, &r.finding)).flatten())
            .collect();
        let no_recovery = BTreeSet::new();
        let free = records.iter().zip(&taken).filter(|(_, t)| t.is_none()).map(|(r, _)| r);
        let (mut outcomes, free_pending, mut report_findings) =
            self.plan(free, &told, &silences, &previous, &no_recovery);
        let stage_run = async {
            let Some(rc) = self.respond.as_ref().filter(|_| active) else { return Ok(Vec::new()) };
            let stage = crate::respond::stage::Stage {
                config: self.config,
                state: self.state,
                responder: rc.responder,
                dry_run: self.dry_run,
                now: self.now,
                holder: rc.holder.clone(),
                untrusted: rc.untrusted,
            };
            let items = records
                .iter()
                .enumerate()
                .filter_map(|(index, r)| taken[index].map(|scenario| (index, r, scenario)))
                .map(|(index, (record, kind), scenario)| crate::respond::stage::Item {
                    index,
                    scenario,
                    record,
                    kind: *kind,
                    previous: previous.get(&record.finding.key),
                })
                .collect();
            stage.run(&source, items, &silences).await
        };
        let (delivered, staged) = futures::join!(self.deliver(&source, free_pending), stage_run);
        outcomes.extend(delivered?);

        // The scenarios' evidence joins their findings, and a verified recovery resolves its
        // finding before anyone is told.
        let mut recovered_now = BTreeSet::new();
        let mut responses = Vec::new();
        for o in staged? {
            let prev = previous.get(&o.finding.key);
            let mut kind = transition(prev, &o.finding);
            if o.recovered_now {
                recovered_now.insert(o.finding.key.clone());
                // Open and recovered within this run: it was a problem, and it resolved.
                kind = kind.or(Some(TransitionKind::Resolved));
            }
            records[o.index] = (observe(prev, o.finding, kind, self.now), kind);
            responses.push(o.execution);
        }
        let held = records.iter().zip(&taken).filter(|(_, t)| t.is_some()).map(|(r, _)| r);
        let (held_outcomes, held_pending, held_findings) = self.plan(held, &told, &silences, &previous, &recovered_now);
        outcomes.extend(held_outcomes);
        report_findings.extend(held_findings);
        outcomes.extend(self.deliver(&source, held_pending).await?);

        // 5. Observations. Written after delivery so a crash mid-run re-diffs the same way.
        // Only those that say something new: a steady poll of 10,000 findings rewrites
        // none of them (on DynamoDB every write is billed, every minute).
        if !self.dry_run {
            // The history the operation's numbers come from (`report ops`): each opening and
            // resolution, and who resolved it. A baseline adopts what is there: no history.
            if !self.baseline {
                let events = self.history(&records, &previous, &silences, &recovered_now, &responses);
                if !events.is_empty() {
                    crate::history::record(self.state, &events).await?;
                }
            }
            let streak_cap = self.config.routes.iter().map(|r| r.notify_after).max().unwrap_or(1);
            let recs: Vec<FindingRecord> = records
                .into_iter()
                .filter(|(r, kind)| worth_writing(previous.get(&r.finding.key), r, *kind, streak_cap, self.now))
                .map(|(r, _)| r)
                .collect();
            if !recs.is_empty() {
                self.state.put_findings(&recs).await?;
            }
            self.forget_long_resolved(&source, &previous, &seen, &told).await?;
        }

        report_findings.sort_by(|a, b| {
            b.finding.severity.cmp(&a.finding.severity).then_with(|| a.finding.key.cmp(&b.finding.key))
        });
        let mut summary = Summary::default();
        for f in &report_findings {
            if f.finding.status == Status::Open {
                *summary.open.entry(f.finding.severity.to_string()).or_default() += 1;
            }
            if let Some(k) = f.change {
                *summary.transitions.entry(k.to_string()).or_default() += 1;
            }
        }
        for d in &outcomes {
            *summary.deliveries.entry(d.outcome.as_str().to_string()).or_default() += 1;
        }
        summary.errors = collected.errors.len();
        Ok(RunReport {
            version: 1,
            source,
            started,
            finished: Timestamp::now().max(started),
            dry_run: self.dry_run,
            summary,
            findings: report_findings,
            deliveries: outcomes,
            errors: collected.errors,
            skipped: collected.skipped,
            responses,
            judging: collected.judging,
        })
    }

    /// The history events of this run's transitions (see [`crate::history`]).
    fn history(
        &self,
        records: &[(FindingRecord, Option<TransitionKind>)],
        previous: &BTreeMap<String, FindingRecord>,
        silences: &[crate::state::Silence],
        recovered_now: &BTreeSet<String>,
        responses: &[crate::respond::Execution],
    ) -> Vec<crate::history::Event> {
        use crate::history::{Event, EventKind};
        let mut out = Vec::new();
        for (rec, kind) in records {
            let f = &rec.finding;
            let event = |kind: EventKind, at: Timestamp, by: Option<String>| Event {
                at,
                kind,
                severity: f.severity,
                silenced: kind.opens() && policy::silenced_by(self.config, silences, f, self.now).is_some(),
                source: f.source.clone(),
                account: f.account.clone(),
                by,
                key: f.key.clone(),
            };
            if recovered_now.contains(&f.key) {
                let was_open = previous.get(&f.key).is_some_and(|p| p.finding.status == Status::Open);
                if !was_open {
                    // Opened and recovered within this run: both happened.
                    let opened = if previous.contains_key(&f.key) { EventKind::Reopened } else { EventKind::New };
                    out.push(event(opened, self.now, None));
                }
                let e = responses.iter().find(|e| e.key == f.key);
                let at = e.and_then(|e| e.ended).unwrap_or(self.now).max(self.now);
                out.push(event(EventKind::Recovered, at, e.map(|e| e.scenario.clone())));
                continue;
            }
            let k = match kind {
                Some(TransitionKind::New) => EventKind::New,
                Some(TransitionKind::Reopened) => EventKind::Reopened,
                Some(TransitionKind::Resolved) => EventKind::Resolved,
                _ => continue,
            };
            out.push(event(k, self.now, None));
        }
        out
    }

    /// Step 3, the policy: what each sink is owed for `records` (under routes, damping,
    /// silences and quiet hours), the outcomes decided without sending, and the report's
    /// findings. `recovered_now`: the keys a scenario recovered in this run.
    fn plan<'r>(
        &self,
        records: impl Iterator<Item = &'r (FindingRecord, Option<TransitionKind>)>,
        told: &BTreeMap<(String, String), DeliveryRecord>,
        silences: &[crate::state::Silence],
        previous: &BTreeMap<String, FindingRecord>,
        recovered_now: &BTreeSet<String>,
    ) -> (Vec<DeliveryOutcome>, Vec<Pending>, Vec<ReportFinding>) {
        let mut outcomes = Vec::new();
        let mut pending = Vec::new();
        let mut report_findings = Vec::new();
        for (rec, kind) in records {
            let f = &rec.finding;
            let silence = policy::silenced_by(self.config, silences, f, self.now);
            let routed = policy::sinks_for(self.config, f);
            // Sinks told "open" earlier but no longer routed (e.g. severity dropped below a
            // pager route's minimum) are owed a resolve, so nothing stays open there.
            let mut sinks: Vec<(String, Option<&crate::config::Route>)> =
                routed.iter().map(|(s, r)| (s.to_string(), Some(*r))).collect();
            for ((_, sink), d) in told_about(told, &f.key) {
                // A sink since removed from the config cannot be told anything any more.
                if d.status == Status::Open
                    && !sinks.iter().any(|(s, _)| s == sink)
                    && self.config.sinks.contains_key(sink)
                {
                    sinks.push((sink.clone(), None));
                }
            }
            for (sink, route) in sinks {
                let last = told.get(&(f.key.clone(), sink.clone()));
                let want_open = f.status == Status::Open && route.is_some();
                let owed = match (last.map(|d| d.status), want_open) {
                    (None | Some(Status::Resolved), true) => {
                        Some(if last.is_some() { TransitionKind::Reopened } else { TransitionKind::New })
                    }
                    (Some(Status::Open), true) => (last.map(|d| d.fingerprint.as_str())
                        != Some(f.fingerprint.as_str()))
                    .then_some(TransitionKind::Changed),
                    (Some(Status::Open), false) => Some(TransitionKind::Resolved),
                    // Recovered by a scenario before this sink heard of it: told only when
                    // its route asks (`notify_recovered`), so a chat channel sees what the
                    // automation handled and the pager stays quiet.
                    (None | Some(Status::Resolved), false)
                        if recovered_now.contains(&f.key) && route.is_some_and(|r| r.notify_recovered) =>
                    {
                        Some(TransitionKind::Resolved)
                    }
                    (None | Some(Status::Resolved), false) => None,
                };
                let Some(owed) = owed else { continue };
                let mut outcome = |o: Outcome, detail: Option<String>| {
                    outcomes.push(DeliveryOutcome {
                        sink: sink.clone(),
                        key: f.key.clone(),
                        kind: owed,
                        outcome: o,
                        detail,
                        attempts: 0,
                    })
                };
                // A baseline records everything owed as told: damping, silences and quiet
                // hours only decide when to send, and it sends nothing.
                if owed != TransitionKind::Resolved && !self.baseline {
                    let route = route.expect("an open finding is owed only through a route");
                    // Damping holds back the first notification only; once a sink knows,
                    // changes and recoveries go through at once.
                    if matches!(owed, TransitionKind::New | TransitionKind::Reopened)
                        && !policy::damping_satisfied(route, rec, self.now)
                    {
                        outcome(
                            Outcome::Damped,
                            Some(format!("observed {} of {} times", rec.streak, route.notify_after)),
                        );
                        continue;
                    }
                    if let Some(s) = silence {
                        let until = crate::time::local_time(s.until, &self.config.defaults.timezone);
                        outcome(Outcome::Suppressed, Some(format!("silence {} until {until}: {}", s.id, s.reason)));
                        continue;
                    }
                }
                if let Some(r) = route {
                    let recovered = recovered_now.contains(&f.key) && r.notify_recovered;
                    if !r.send_resolved && owed == TransitionKind::Resolved && !recovered {
                        continue;
                    }
                    if let Some(until) = policy::quiet_until(r, self.now).filter(|_| !self.baseline) {
                        let until = crate::time::local_time(until, &self.config.defaults.timezone);
                        outcome(Outcome::Deferred, Some(format!("quiet hours of `{}` until {until}", r.name)));
                        continue;
                    }
                }
                pending.push(Pending {
                    sink: sink.clone(),
                    fingerprint: f.fingerprint.clone(),
                    message: Message {
                        kind: owed,
                        finding: f.clone(),
                        previous: told_previously(owed, last, previous.get(&f.key)),
                        external_ref: last.and_then(|d| d.external_ref.clone()),
                        since: rec.since,
                        timezone: self.config.defaults.timezone.clone(),
                        test: false,
                        route_channel: route.and_then(|r| r.slack_channel.clone()),
                        route_backlog: route.and_then(|r| r.backlog.clone()),
                    },
                });
            }
            report_findings.push(ReportFinding {
                finding: f.clone(),
                change: *kind,
                since: rec.since,
                silenced_by: silence.map(|s| s.id.clone()),
            });
        }

        (outcomes, pending, report_findings)
    }

    /// Step 5: forget findings resolved and not seen for `defaults.forget_resolved_after`
    /// (90 days), with what the sinks were told of them, unless a sink is still owed their
    /// resolve: the state stays the size of what is current. One that comes back is New.
    async fn forget_long_resolved(
        &self,
        source: &str,
        previous: &BTreeMap<String, FindingRecord>,
        seen: &BTreeSet<String>,
        told: &BTreeMap<(String, String), DeliveryRecord>,
    ) -> Result<(), StateError> {
        let retention = jiff::SignedDuration::try_from(self.config.defaults.forget_resolved_after.0)
            .unwrap_or(jiff::SignedDuration::MAX);
        let Some(before) = self.now.checked_sub(retention).ok() else { return Ok(()) };
        let old: Vec<String> = previous
            .values()
            .filter(|p| p.finding.status == Status::Resolved && p.last_seen < before && !seen.contains(&p.finding.key))
            .map(|p| p.finding.key.clone())
            .filter(|k| told_about(told, k).all(|(_, d)| d.status == Status::Resolved))
            .collect();
        if old.is_empty() {
            return Ok(());
        }
        let deliveries: Vec<(String, String)> =
            old.iter().flat_map(|k| told_about(told, k).map(|(ks, _)| ks.clone())).collect();
        self.state.forget_findings(source, &old, &deliveries).await?;
        tracing::info!(source, forgotten = old.len(), "forgot findings resolved and unseen since {before}");
        Ok(())
    }

    async fn deliver(&self, source: &str, pending: Vec<Pending>) -> Result<Vec<DeliveryOutcome>, StateError> {
        let mut by_sink: BTreeMap<String, Vec<Pending>> = BTreeMap::new();
        for p in pending {
            by_sink.entry(p.sink.clone()).or_default().push(p);
        }
        let deadline = tokio::time::Instant::now() + self.retry.deadline;
        let runs = by_sink.into_iter().map(|(sink, items)| async move {
            let mut out = Vec::new();
            let notifier = self.notifiers.get(&sink);
            let mut breaker = Breaker::default();
            let (policy, timeout_key) = self.retry.for_sink(self.config, &sink);
            for p in items {
                let base = DeliveryOutcome {
                    sink: sink.clone(),
                    key: p.message.finding.key.clone(),
                    kind: p.message.kind,
                    outcome: Outcome::Failed,
                    detail: None,
                    attempts: 0,
                };
                let Some(notifier) = notifier else {
                    out.push(DeliveryOutcome { detail: Some(format!("sink `{sink}` is not available")), ..base });
                    continue;
                };
                if self.dry_run {
                    let detail = match notifier.preview(&p.message) {
                        Ok(s) => s,
                        Err(e) => format!("(cannot preview: {e})"),
                    };
                    out.push(DeliveryOutcome {
                        outcome: Outcome::DryRun,
                        detail: Some(crate::redact::redact(&detail)),
                        ..base
                    });
                    continue;
                }
                // Not tried: owed to the next run, and said so.
                let skip = match &breaker.open {
                    Some(why) if !self.baseline => Some(why.clone()),
                    _ if !self.baseline && tokio::time::Instant::now() >= deadline => Some(format!(
                        "the run's delivery deadline ({}) passed",
                        crate::config::Dur(self.retry.deadline)
                    )),
                    _ => None,
                };
                if let Some(why) = skip {
                    out.push(DeliveryOutcome {
                        detail: Some(format!("not tried: {why}; owed to the next run")),
                        ..base
                    });
                    continue;
                }
                let (result, attempts) = if self.baseline {
                    (Ok(Receipt::default()), 0)
                } else {
                    let sent = send_within(notifier.as_ref(), &p.message, policy, &timeout_key, deadline).await;
                    breaker.record(&sink, &sent.result, sent.timed_out);
                    (sent.result, sent.attempts)
                };
                match result {
                    Ok(receipt) => {
                        let record = DeliveryRecord {
                            source: source.to_string(),
                            key: p.message.finding.key.clone(),
                            sink: sink.clone(),
                            status: if p.message.kind == TransitionKind::Resolved {
                                Status::Resolved
                            } else {
                                Status::Open
                            },
                            fingerprint: p.fingerprint.clone(),
                            kind: p.message.kind,
                            at: Timestamp::now(),
                            external_ref: receipt.external_ref.or(p.message.external_ref.clone()),
                            told: Some(p.message.finding.clone()),
                        };
                        self.state.put_delivery(&record).await?;
                        out.push(DeliveryOutcome {
                            outcome: if self.baseline { Outcome::Baselined } else { Outcome::Delivered },
                            detail: record.external_ref,
                            attempts,
                            ..base
                        });
                    }
                    Err(e) => {
                        let msg = crate::redact::redact(&e.to_string());
                        tracing::warn!(sink = %sink, key = %base.key, attempts, "delivery failed: {msg}");
                        out.push(DeliveryOutcome { detail: Some(msg), attempts, ..base });
                    }
                }
            }
            Ok::<_, StateError>(out)
        });
        let mut all = Vec::new();
        for r in futures::future::join_all(runs).await {
            all.extend(r?);
        }
        Ok(all)
    }
}

/// What [`send_within`] came to.
struct Sent {
    result: Result<Receipt, SinkError>,
    attempts: u32,
    /// An attempt got no answer within `attempt_timeout`.
    timed_out: bool,
}

/// Send once, and again while the sink says it is worth it: exponential backoff, or the
/// wait the sink asked for (`Retry-After`) when it is not longer than `max_wait`.
pub async fn send_with_retries(
    notifier: &dyn Notifier,
    msg: &Message,
    policy: RetryPolicy,
    timeout_key: &str,
) -> (Result<Receipt, SinkError>, u32) {
    let sent = send_within(notifier, msg, policy, timeout_key, tokio::time::Instant::now() + policy.deadline).await;
    (sent.result, sent.attempts)
}

/// [`send_with_retries`] bounded in time: each attempt by `attempt_timeout` (a sink that
/// has not answered by then is not asked again this run), and no attempt, nor a wait
/// before one, starts past `deadline`: a run's deliveries end by the deadline plus one
/// `attempt_timeout`.
async fn send_within(
    notifier: &dyn Notifier,
    msg: &Message,
    policy: RetryPolicy,
    timeout_key: &str,
    deadline: tokio::time::Instant,
) -> Sent {
    let mut attempt = 0;
    loop {
        attempt += 1;
        // An attempt in flight is not cut at the deadline (the sink may be taking it: cut, it
        // would be sent twice); it is bounded by `attempt_timeout` like any other.
        let answer = match tokio::time::timeout(policy.attempt_timeout, notifier.send(msg)).await {
            Ok(answer) => answer,
            Err(_) => {
                let message = format!(
                    "sink `{}`: no answer within {} ({timeout_key})",
                    notifier.name(),
                    crate::config::Dur(policy.attempt_timeout)
                );
                return Sent { result: Err(SinkError::retryable(message, None)), attempts: attempt, timed_out: true };
            }
        };
        match answer {
            Ok(r) => return Sent { result: Ok(r), attempts: attempt, timed_out: false },
            Err(SinkError::Retryable { message, retry_after }) if attempt < policy.attempts => {
                let wait = match retry_after {
                    Some(w) if w > policy.max_wait => {
                        let message =
                            format!("{message}; the sink asked to wait {}s, more than max_retry_wait", w.as_secs());
                        let result = Err(SinkError::Retryable { message, retry_after });
                        return Sent { result, attempts: attempt, timed_out: false };
                    }
                    Some(w) => w,
                    None => policy.backoff.saturating_mul(1 << (attempt - 1).min(6)).min(Duration::from_secs(60)),
                };
                if tokio::time::Instant::now() + wait >= deadline {
                    let message = format!("{message}; no time left for another attempt before the delivery deadline");
                    let result = Err(SinkError::Retryable { message, retry_after });
                    return Sent { result, attempts: attempt, timed_out: false };
                }
                tracing::info!(
                    sink = notifier.name(),
                    attempt,
                    wait_ms = wait.as_millis() as u64,
                    "retrying: {message}"
                );
                tokio::time::sleep(wait).await;
            }
            Err(e) => return Sent { result: Err(e), attempts: attempt, timed_out: false },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{Env, parse_and_resolve};
    use crate::state::memory::MemoryStore;
    use crate::state::{Silence, SilenceMatcher};
    use Receipt;
    use async_trait::async_trait;
    use std::sync::Mutex;
    use std::sync::atomic::{AtomicU32, Ordering};

    /// A sink that records what it was sent and fails the first `fail` sends.
    #[derive(Default)]
    struct Recorder {
        name: String,
        sent: Mutex<Vec<(TransitionKind, String)>>,
        fail: AtomicU32,
        permanent: bool,
    }

    #[async_trait]
    impl Notifier for Recorder {
        fn name(&self) -> &str {
            &self.name
        }
        async fn send(&self, m: &Message) -> Result<Receipt, SinkError> {
            if self.fail.load(Ordering::SeqCst) > 0 {
                self.fail.fetch_sub(1, Ordering::SeqCst);
                return Err(if self.permanent {
                    SinkError::Permanent { message: "refused".into() }
                } else {
                    SinkError::Retryable { message: "503".into(), retry_after: None }
                });
            }
            self.sent.lock().unwrap().push((m.kind, m.finding.key.clone()));
            Ok(Receipt { external_ref: Some(format!("REF-{}", m.finding.key)) })
        }
        fn preview(&self, m: &Message) -> Result<String, SinkError> {
            Ok(format!("would send {} {}", m.kind, m.finding.key))
        }
    }

    struct Bench {
        config: Config,
        state: MemoryStore,
        sinks: BTreeMap<String, Arc<dyn Notifier>>,
        chat: Arc<Recorder>,
        pager: Arc<Recorder>,
    }

    const CONFIG: &str = r#"
        [defaults]
        retry_backoff = "1ms"
        [[accounts]]
        name = "acme"
        id = "111122223333"
        tags = { tier = "gold" }
        [sinks.chat]
        type = "stdout"
        [sinks.pager]
        type = "stdout"
        [[routes]]
        sinks = ["chat"]
        [[routes]]
        min_severity = "critical"
        account_tags = { tier = "gold" }
        notify_after = 3
        sinks = ["pager"]
    "#;

    fn bench() -> Bench {
        let config = parse_and_resolve(CONFIG, None, &Env::process()).unwrap();
        let chat = Arc::new(Recorder { name: "chat".into(), ..Default::default() });
        let pager = Arc::new(Recorder { name: "pager".into(), ..Default::default() });
        let mut sinks: BTreeMap<String, Arc<dyn Notifier>> = BTreeMap::new();
        sinks.insert("chat".into(), chat.clone());
        sinks.insert("pager".into(), pager.clone());
        Bench { config, state: MemoryStore::new(), sinks, chat, pager }
    }

    impl Bench {
        async fn run(&self, findings: Vec<Finding>) -> RunReport {
            self.run_opts(findings, false, Scope::All).await
        }
        async fn run_opts(&self, findings: Vec<Finding>, dry_run: bool, scope: Scope) -> RunReport {
            self.run_full(findings, dry_run, scope, Timestamp::now()).await
        }
        async fn run_at(&self, findings: Vec<Finding>, now: Timestamp) -> RunReport {
            self.run_full(findings, false, Scope::All, now).await
        }
        async fn run_full(&self, findings: Vec<Finding>, dry_run: bool, scope: Scope, now: Timestamp) -> RunReport {
            let spine = Spine {
                config: &self.config,
                state: &self.state,
                notifiers: &self.sinks,
                dry_run,
                baseline: false,
                now,
                retry: RetryPolicy::from_config(&self.config),
                respond: None,
            };
            spine.process(Collected::new("test", findings, scope)).await.unwrap()
        }
    }

    fn vif(sev: Severity) -> Finding {
        Finding {
            account: Some("111122223333".into()),
            region: Some("ap-northeast-1".into()),
            ..Finding::new("test", "vif-1", sev, "VIF down")
        }
    }

    fn sent(r: &Recorder) -> Vec<(TransitionKind, String)> {
        r.sent.lock().unwrap().clone()
    }

    #[tokio::test]
    async fn an_unchanged_observation_is_rewritten_only_while_it_matters_or_once_a_day() {
        let b = bench();
        let t0: Timestamp = "2026-11-22T00:00:00Z".parse().unwrap();
        let at = |mins: i64| t0 + jiff::SignedDuration::from_mins(mins);
        let stored = || async { b.state.findings("test").await.unwrap().remove(0) };
        // The pager route waits for 3 observations: the counter is stored until then.
        for i in 0..3 {
            b.run_at(vec![vif(Severity::Critical)], at(i)).await;
            assert_eq!(stored().await.streak, i as u32 + 1);
        }
        assert_eq!(sent(&b.pager).len(), 1, "paged on the third observation");
        // Past every route's threshold and unchanged: nothing more to write.
        b.run_at(vec![vif(Severity::Critical)], at(3)).await;
        b.run_at(vec![vif(Severity::Critical)], at(4)).await;
        assert_eq!(stored().await.last_seen, at(2), "steady polls write nothing");
        // Any change of the finding is written at once.
        let mut changed = vif(Severity::Critical);
        changed.title = "VIF down (BGP idle)".into();
        b.run_at(vec![changed.clone()], at(5)).await;
        assert_eq!((stored().await.last_seen, stored().await.finding.title), (at(5), changed.title.clone()));
        // And an unchanged one once a day, so last_seen stays within a day of the truth.
        b.run_at(vec![changed.clone()], at(6 + 24 * 60)).await;
        assert_eq!(stored().await.last_seen, at(6 + 24 * 60));
        // Recovery is a transition: written.
        b.run_at(vec![], at(7 + 24 * 60)).await;
        assert_eq!(stored().await.finding.status, Status::Resolved);
    }

    #[tokio::test]
    async fn the_report_flags_a_command_collects_reach_its_report() {
        let b = bench();
        let spine = Spine {
            config: &b.config,
            state: &b.state,
            notifiers: &b.sinks,
            dry_run: true,
            baseline: false,
            now: Timestamp::now(),
            retry: RetryPolicy::from_config(&b.config),
            respond: None,
        };
        let mut collected =
            Collected::new("test", vec![vif(Severity::Warning)], Scope::All).with_board(&["name", "state"]);
        collected.judging.fail_on_new_only = true;
        collected.judging.failed_deliveries_retried = true;
        let r = spine.process(collected).await.unwrap();
        assert_eq!(
            r.judging,
            Judging {
                board: vec!["name".into(), "state".into()],
                fail_on_new_only: true,
                failed_deliveries_retried: true
            }
        );
        let plain = b.run_opts(vec![vif(Severity::Warning)], true, Scope::All).await;
        assert_eq!(plain.judging, Judging::default());
    }

    #[tokio::test]
    async fn new_then_quiet_then_resolved_on_absence() {
        let b = bench();
        let r = b.run(vec![vif(Severity::Warning)]).await;
        assert_eq!(r.findings[0].change, Some(TransitionKind::New));
        assert_eq!(sent(&b.chat), vec![(TransitionKind::New, "vif-1".into())]);
        b.run(vec![vif(Severity::Warning)]).await;
        assert_eq!(sent(&b.chat).len(), 1, "an unchanged finding sends nothing");
        let r = b.run(vec![]).await;
        assert_eq!(r.findings[0].change, Some(TransitionKind::Resolved));
        assert_eq!(sent(&b.chat)[1], (TransitionKind::Resolved, "vif-1".into()));
        assert!(sent(&b.pager).is_empty(), "a warning never reached the critical route");
    }

    #[tokio::test]
    async fn a_finding_seen_only_healthy_is_new_when_it_first_goes_bad_and_reopened_after() {
        let b = bench();
        let healthy = || Finding { status: Status::Resolved, ..vif(Severity::Info) };
        let r = b.run(vec![healthy()]).await;
        assert_eq!(r.findings[0].change, None, "healthy from the start: no transition");
        let r = b.run(vec![vif(Severity::Warning)]).await;
        assert_eq!(r.findings[0].change, Some(TransitionKind::New));
        let r = b.run(vec![healthy()]).await;
        assert_eq!(r.findings[0].change, Some(TransitionKind::Resolved));
        let r = b.run(vec![vif(Severity::Warning)]).await;
        assert_eq!(r.findings[0].change, Some(TransitionKind::Reopened));
    }

    #[tokio::test]
    async fn a_baseline_records_even_damped_findings_as_told_and_sends_nothing() {
        let b = bench();
        let spine = Spine {
            config: &b.config,
            state: &b.state,
            notifiers: &b.sinks,
            dry_run: false,
            baseline: true,
            now: Timestamp::now(),
            retry: RetryPolicy::from_config(&b.config),
            respond: None,
        };
        let r = spine.process(Collected::new("test", vec![vif(Severity::Critical)], Scope::All)).await.unwrap();
        assert!(r.deliveries.iter().all(|d| d.outcome == Outcome::Baselined), "{:?}", r.deliveries);
        assert!(sent(&b.chat).is_empty() && sent(&b.pager).is_empty());
        for _ in 0..4 {
            b.run(vec![vif(Severity::Critical)]).await;
        }
        assert!(sent(&b.chat).is_empty() && sent(&b.pager).is_empty(), "the pager's damping does not page later");
        b.run(vec![]).await;
        assert_eq!(sent(&b.chat), vec![(TransitionKind::Resolved, "vif-1".into())], "recovery is told");
    }

    #[tokio::test]
    async fn findings_resolved_and_unseen_for_ninety_days_are_forgotten_unless_a_resolve_is_owed() {
        let b = bench();
        let t0: Timestamp = "2026-01-01T00:00:00Z".parse().unwrap();
        let day = |d: i64| t0 + jiff::SignedDuration::from_hours(24 * d);
        let other = || Finding { key: "vif-2".into(), ..vif(Severity::Warning) };
        b.run_at(vec![vif(Severity::Warning), other()], day(0)).await;
        b.chat.fail.store(100, Ordering::SeqCst);
        b.run_at(vec![other()], day(1)).await; // vif-1 resolves, but chat refuses the resolve
        b.chat.fail.store(0, Ordering::SeqCst);
        // vif-2 resolves and is told at once; vif-1's resolve is retried and told too.
        b.run_at(vec![], day(2)).await;
        assert_eq!(sent(&b.chat).iter().filter(|(k, _)| *k == TransitionKind::Resolved).count(), 2);
        b.run_at(vec![], day(91)).await;
        assert_eq!(b.state.findings("test").await.unwrap().len(), 2, "not yet 90 days unseen: kept");
        b.run_at(vec![], day(93)).await;
        assert!(b.state.findings("test").await.unwrap().is_empty(), "over 90 days: forgotten");
        assert!(b.state.deliveries("test").await.unwrap().is_empty(), "with what the sinks were told");
        let r = b.run_at(vec![vif(Severity::Warning)], day(94)).await;
        assert_eq!(r.findings[0].change, Some(TransitionKind::New), "one that comes back is new");

        // A resolve still owed keeps the finding, however old.
        let b = bench();
        b.run_at(vec![vif(Severity::Warning)], day(0)).await;
        b.chat.fail.store(1_000, Ordering::SeqCst);
        b.run_at(vec![], day(1)).await;
        b.run_at(vec![], day(200)).await;
        assert_eq!(b.state.findings("test").await.unwrap().len(), 1, "chat still thinks it is open");
    }

    #[tokio::test]
    async fn a_failed_resolve_is_owed_next_run_though_the_finding_stays_absent() {
        let b = bench();
        b.run(vec![vif(Severity::Warning)]).await;
        b.chat.fail.store(100, Ordering::SeqCst);
        let r = b.run(vec![]).await;
        assert!(r.failed(), "the resolve could not be delivered");
        b.chat.fail.store(0, Ordering::SeqCst);
        let r = b.run(vec![]).await;
        assert!(!r.failed());
        assert_eq!(
            sent(&b.chat),
            vec![(TransitionKind::New, "vif-1".into()), (TransitionKind::Resolved, "vif-1".into())],
            "chat still thinks it is open until told"
        );
    }

    #[tokio::test]
    async fn an_owed_resolve_is_retried_by_the_runs_that_speak_for_its_account_only() {
        let b = bench();
        let acme = || Scope::Accounts(["111122223333".to_string()].into());
        let other_shard = || Scope::Targets([("444455556666".to_string(), "ap-northeast-1".to_string())].into());
        b.run_opts(vec![vif(Severity::Warning)], false, acme()).await;
        b.chat.fail.store(100, Ordering::SeqCst);
        b.run_opts(vec![], false, acme()).await;
        b.chat.fail.store(0, Ordering::SeqCst);
        b.run_opts(vec![], false, other_shard()).await;
        assert_eq!(sent(&b.chat).len(), 1, "another shard's run leaves acme's owed resolve alone");
        // A producer that resolves nothing by absence (mail, wiki) retries all of its own.
        b.run_opts(vec![], false, Scope::Accounts(Default::default())).await;
        assert_eq!(sent(&b.chat)[1], (TransitionKind::Resolved, "vif-1".into()));
    }

    #[tokio::test]
    async fn a_sink_removed_from_the_config_is_owed_nothing() {
        let b = bench();
        b.run(vec![vif(Severity::Warning)]).await;
        // What a sink since removed (`old-chat`) was told stays in the state.
        let mut told = b.state.deliveries("test").await.unwrap().remove(0);
        told.sink = "old-chat".into();
        b.state.put_delivery(&told).await.unwrap();
        let r = b.run(vec![vif(Severity::Warning)]).await;
        assert!(!r.failed() && r.deliveries.is_empty(), "{:?}", r.deliveries);
        let r = b.run(vec![]).await;
        assert!(!r.failed(), "its resolve is not attempted: {:?}", r.deliveries);
        assert!(r.deliveries.iter().all(|d| d.sink == "chat"), "{:?}", r.deliveries);
    }

    #[tokio::test]
    async fn a_failed_delivery_is_not_committed_and_is_owed_next_run() {
        let b = bench();
        b.chat.fail.store(100, Ordering::SeqCst);
        let r = b.run(vec![vif(Severity::Warning)]).await;
        assert!(r.failed());
        assert_eq!(r.deliveries[0].attempts, 5);
        assert!(b.state.deliveries("test").await.unwrap().is_empty());
        b.chat.fail.store(0, Ordering::SeqCst);
        let r = b.run(vec![vif(Severity::Warning)]).await;
        assert!(!r.failed());
        assert_eq!(sent(&b.chat), vec![(TransitionKind::New, "vif-1".into())]);
    }

    #[tokio::test]
    async fn retryable_failures_then_success_deliver_once() {
        let b = bench();
        b.chat.fail.store(3, Ordering::SeqCst);
        let r = b.run(vec![vif(Severity::Warning)]).await;
        assert_eq!(r.deliveries[0].outcome, Outcome::Delivered);
        assert_eq!(r.deliveries[0].attempts, 4);
        assert_eq!(sent(&b.chat).len(), 1);
    }

    #[tokio::test]
    async fn permanent_failure_is_not_retried() {
        let mut b = bench();
        let chat =
            Arc::new(Recorder { name: "chat".into(), fail: AtomicU32::new(1), permanent: true, ..Default::default() });
        b.sinks.insert("chat".into(), chat.clone());
        b.chat = chat;
        let r = b.run(vec![vif(Severity::Warning)]).await;
        assert_eq!(r.deliveries[0].attempts, 1);
        assert_eq!(r.deliveries[0].outcome, Outcome::Failed);
    }

    #[tokio::test]
    async fn damping_pages_on_the_third_bad_poll_and_recovery_resolves_both() {
        let b = bench();
        for i in 1..=2 {
            let r = b.run(vec![vif(Severity::Critical)]).await;
            assert!(sent(&b.pager).is_empty(), "poll {i} must not page");
            assert!(r.deliveries.iter().any(|d| d.sink == "pager" && d.outcome == Outcome::Damped));
        }
        b.run(vec![vif(Severity::Critical)]).await;
        assert_eq!(sent(&b.pager), vec![(TransitionKind::New, "vif-1".into())]);
        assert_eq!(sent(&b.chat).len(), 1, "chat heard it on the first poll only");
        b.run(vec![]).await;
        assert_eq!(sent(&b.pager)[1].0, TransitionKind::Resolved);
        assert_eq!(sent(&b.chat)[1].0, TransitionKind::Resolved);
    }

    #[tokio::test]
    async fn a_severity_drop_below_the_pager_route_resolves_the_page() {
        let b = bench();
        for _ in 0..3 {
            b.run(vec![vif(Severity::Critical)]).await;
        }
        b.run(vec![vif(Severity::Warning)]).await;
        assert_eq!(sent(&b.pager).last().unwrap().0, TransitionKind::Resolved);
        assert_eq!(sent(&b.chat).last().unwrap().0, TransitionKind::Changed);
    }

    #[tokio::test]
    async fn a_silence_suppresses_until_removed() {
        let b = bench();
        let now = Timestamp::now();
        b.state
            .add_silence(&Silence {
                id: "s1".into(),
                matcher: SilenceMatcher { resource: Some("vif-1".into()), ..Default::default() },
                starts: now - jiff::SignedDuration::from_secs(60),
                until: now + jiff::SignedDuration::from_hours(1),
                reason: "planned work".into(),
                created_by: "me".into(),
                created_at: now,
            })
            .await
            .unwrap();
        let r = b.run(vec![vif(Severity::Warning)]).await;
        assert!(sent(&b.chat).is_empty());
        assert_eq!(r.findings[0].silenced_by.as_deref(), Some("s1"));
        b.state.remove_silence("s1").await.unwrap();
        b.run(vec![vif(Severity::Warning)]).await;
        assert_eq!(sent(&b.chat), vec![(TransitionKind::New, "vif-1".into())]);
    }

    #[tokio::test]
    async fn dry_run_sends_and_commits_nothing() {
        let b = bench();
        let r = b.run_opts(vec![vif(Severity::Warning)], true, Scope::All).await;
        assert_eq!(r.deliveries[0].outcome, Outcome::DryRun);
        assert!(r.deliveries[0].detail.as_deref().unwrap().contains("would send new vif-1"));
        assert!(sent(&b.chat).is_empty());
        assert!(b.state.findings("test").await.unwrap().is_empty());
        assert!(b.state.deliveries("test").await.unwrap().is_empty());
    }

    #[tokio::test]
    async fn findings_outside_the_scope_are_not_resolved() {
        let b = bench();
        b.run(vec![vif(Severity::Warning)]).await;
        let other = Scope::Accounts(["444455556666".to_string()].into());
        let r = b.run_opts(vec![], false, other).await;
        assert!(r.findings.is_empty());
        assert_eq!(sent(&b.chat).len(), 1, "no resolve for an account that was not collected");
    }

    #[tokio::test]
    async fn a_reopened_finding_is_reported_as_reopened() {
        let b = bench();
        b.run(vec![vif(Severity::Warning)]).await;
        b.run(vec![]).await;
        let r = b.run(vec![vif(Severity::Warning)]).await;
        assert_eq!(r.findings[0].change, Some(TransitionKind::Reopened));
        assert_eq!(sent(&b.chat).last().unwrap().0, TransitionKind::Reopened);
    }
}
