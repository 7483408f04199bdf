//! The stage itself: which findings' scenarios start, wait, go on or end in this run.

use crate::config::Config;
use crate::respond::exec::{self, ExecStatus, Execution, StepOutcome, StepRecord};
use crate::respond::scenario::{Action, Role, Scenario};
use crate::spine::finding::{Finding, Status, TransitionKind};
use crate::spine::policy;
use crate::state::{FindingRecord, LockHolder, Silence, StateError, StateStore};
use async_trait::async_trait;
use futures::StreamExt;
use jiff::Timestamp;
use std::time::Duration;

/// One step for the [`Responder`] to start or go on with.
#[derive(Debug, Clone)]
pub struct StepCall<'a> {
    pub action: &'a Action,
    pub account: Option<&'a str>,
    pub region: Option<&'a str>,
    /// The finding's instance (an EC2 instance id, checked), when it names one.
    pub instance: Option<&'a str>,
    /// What an earlier call left to go on with (an SSM command id).
    pub handle: Option<&'a str>,
    /// The step's whole timeout (an SSM command's `TimeoutSeconds`).
    pub timeout: Duration,
    /// Answer by then: [`StepPoll::Pending`] when the step is not done.
    pub until: tokio::time::Instant,
    /// Said on what the step starts (an SSM command's comment).
    pub comment: String,
}

/// What a step came to in this call.
#[derive(Debug, Clone, PartialEq)]
pub enum StepPoll {
    /// It ended: `ok` when its condition held.
    Done { ok: bool, output: String },
    /// Not done by `until`; the next call goes on with `handle`.
    Pending { handle: String, output: String },
    /// It could not run (access denied, unknown instance, unmanaged instance).
    Error(String),
}

/// The app's side of the stage: the steps that speak to AWS.
#[async_trait]
pub trait Responder: Send + Sync {
    async fn step(&self, call: StepCall<'_>) -> StepPoll;
}

/// What the spine hands the stage: one finding's observation this run.
pub struct Item<'a> {
    pub index: usize,
    /// The scenario that takes it (the first that matches).
    pub scenario: &'a Scenario,
    pub record: &'a FindingRecord,
    pub kind: Option<TransitionKind>,
    pub previous: Option<&'a FindingRecord>,
}

/// What the stage did to one finding.
pub struct Outcome {
    pub index: usize,
    /// The finding with its evidence (and resolved, when recovered).
    pub finding: Finding,
    pub execution: Execution,
    /// It was recovered in this run (its routes that ask are told).
    pub recovered_now: bool,
}

pub struct Stage<'a> {
    pub config: &'a Config,
    pub state: &'a dyn StateStore,
    pub responder: Option<&'a dyn Responder>,
    pub dry_run: bool,
    /// The run's time (pinned by `OPSKIT_NOW` in tests); step times run on from it.
    pub now: Timestamp,
    pub holder: LockHolder,
    /// Why a finding may not drive a recover step, if it may not (see
    /// [`crate::spine::engine::RespondContext::untrusted`]).
    pub untrusted: fn(&Finding) -> Option<String>,
}

/// Every finding may drive recover steps (tests, and callers with no unverified input).
pub fn trusted(_: &Finding) -> Option<String> {
    None
}

/// A lease on one execution while a run advances it: two runs never run one scenario on
/// one finding at once.
fn lock_name(id: &str) -> String {
    format!("respond {id}")
}

impl Stage<'_> {
    /// The run's clock: `now` plus the real time since the stage began.
    fn clock(&self, began: tokio::time::Instant) -> Timestamp {
        let elapsed = jiff::SignedDuration::try_from(began.elapsed()).unwrap_or_default();
        self.now.checked_add(elapsed).unwrap_or(self.now)
    }

    pub async fn run(
        &self,
        source: &str,
        items: Vec<Item<'_>>,
        silences: &[Silence],
    ) -> Result<Vec<Outcome>, StateError> {
        if self.config.scenarios.is_empty() {
            return Ok(Vec::new());
        }
        let began = tokio::time::Instant::now();
        let deadline = began + self.config.respond.budget.0;
        let mut work = Vec::new();
        for item in items {
            let f = &item.record.finding;
            let scenario = item.scenario;
            match f.status {
                Status::Open => {
                    let id = exec::execution_id(source, &f.key, item.record.since);
                    // `transitions` holds only New and Reopened (the config refuses others).
                    let starts = item.kind.is_some_and(|k| scenario.transitions.contains(&k));
                    work.push((item.index, scenario, id, starts, item.record));
                }
                Status::Resolved => {
                    // Resolved by its producer this run: a scenario still going stops here.
                    let (Some(TransitionKind::Resolved), Some(prev)) = (item.kind, item.previous) else { continue };
                    let id = exec::execution_id(source, &f.key, prev.since);
                    work.push((item.index, scenario, id, false, item.record));
                }
            }
        }
        let runs = work.into_iter().map(|(index, scenario, id, starts, record)| async move {
            self.one(source, index, scenario, id, starts, record, silences, began, deadline).await
        });
        let mut out = Vec::new();
        let mut stream = futures::stream::iter(runs).buffer_unordered(self.config.respond.concurrency);
        while let Some(r) = stream.next().await {
            if let Some(o) = r? {
                out.push(o);
            }
        }
        out.sort_by_key(|o| o.index);
        Ok(out)
    }

    #[allow(clippy::too_many_arguments)]
    async fn one(
        &self,
        source: &str,
        index: usize,
        scenario: &Scenario,
        id: String,
        starts: bool,
        record: &FindingRecord,
        silences: &[Silence],
        began: tokio::time::Instant,
        deadline: tokio::time::Instant,
    ) -> Result<Option<Outcome>, StateError> {
        let f = &record.finding;
        let stored = self.load(&id).await?;
        let mut execution = match (stored, starts) {
            (Some(e), _) => e,
            (None, true) => self.new_execution(source, scenario, &id, record),
            (None, false) => return Ok(None),
        };
        let mut was = execution.status;
        let finished = was.ended();
        if !finished && f.status == Status::Resolved {
            if was != ExecStatus::DryRun && !self.dry_run {
                execution.status = ExecStatus::Cancelled;
                execution.reason = Some("the finding resolved before the scenario ended".into());
                execution.ended = Some(self.clock(began));
                self.save(&execution).await?;
            }
            return Ok(None);
        }
        if !finished {
            let locked = if self.dry_run {
                true
            } else {
                let ttl = jiff::SignedDuration::try_from(self.config.respond.budget.0 * 2 + Duration::from_secs(60))
                    .unwrap_or(jiff::SignedDuration::from_mins(5));
                match self.state.acquire_lock(&lock_name(&id), &self.holder, ttl).await {
                    Ok(()) => true,
                    Err(StateError::Locked { .. }) => false,
                    Err(e) => return Err(e),
                }
            };
            if locked && !self.dry_run {
                // What another run may have done since it was read: go on from there.
                if let Some(now_stored) = self.load(&id).await? {
                    execution = now_stored;
                    was = execution.status;
                }
            }
            if locked && !execution.status.ended() {
                let result = self.advance(scenario, &mut execution, f, silences, began, deadline).await;
                if !self.dry_run {
                    let saved = self.save(&execution).await;
                    if let Err(e) = self.state.release_lock(&lock_name(&id), &self.holder).await {
                        tracing::warn!("releasing `{}`: {e}", lock_name(&id));
                    }
                    saved?;
                }
                result?;
            } else if locked && !self.dry_run {
                if let Err(e) = self.state.release_lock(&lock_name(&id), &self.holder).await {
                    tracing::warn!("releasing `{}`: {e}", lock_name(&id));
                }
            } else if !locked {
                tracing::info!(execution = %id, "another run is advancing this scenario; leaving it");
            }
        }
        let mut finding = f.clone();
        execution.attach(&mut finding);
        let recovered_now = execution.status == ExecStatus::Recovered && was != ExecStatus::Recovered;
        Ok(Some(Outcome { index, finding, execution, recovered_now }))
    }

    fn new_execution(&self, source: &str, scenario: &Scenario, id: &str, record: &FindingRecord) -> Execution {
        let f = &record.finding;
        let target = target_of(self.config, f);
        Execution {
            id: id.to_string(),
            scenario: scenario.name.clone(),
            source: source.to_string(),
            key: f.key.clone(),
            title: f.title.clone(),
            account: target.account.clone(),
            region: target.region.clone(),
            instance: target.instance.clone(),
            opened: record.since,
            created: self.now,
            status: if self.dry_run { ExecStatus::DryRun } else { ExecStatus::Waiting },
            reason: target.problem.clone(),
            next_step: 0,
            not_before: None,
            steps: Vec::new(),
            ended: None,
            host: format!("{} (pid {})", self.holder.host, self.holder.pid),
        }
    }

    async fn load(&self, id: &str) -> Result<Option<Execution>, StateError> {
        let Some((_, data)) = self.state.snapshot(&exec::snapshot_name(id)).await? else { return Ok(None) };
        match serde_json::from_slice(&data) {
            Ok(e) => Ok(Some(e)),
            Err(e) => Err(crate::state::corrupt_record(
                self.state.location(),
                "snapshots",
                &[("name", &exec::snapshot_name(id))],
                e,
            )),
        }
    }

    async fn save(&self, e: &Execution) -> Result<(), StateError> {
        let data = serde_json::to_vec(e).map_err(|err| StateError::backend(self.state.location(), err))?;
        self.state.put_snapshot(&exec::snapshot_name(&e.id), self.now, &data).await
    }

    /// Why the scenario may not start now, if it may not.
    fn held_back(&self, scenario: &Scenario, f: &Finding, silences: &[Silence], now: Timestamp) -> Option<String> {
        if !scenario.run_in_silence
            && let Some(s) = policy::silenced_by(self.config, silences, f, now)
        {
            let until = crate::time::local_time(s.until, &self.config.defaults.timezone);
            return Some(format!("inside silence {} until {until}", s.id));
        }
        if !scenario.run_in_quiet_hours {
            if let Some(until) = scenario.quiet_hours.as_ref().and_then(|q| crate::spine::quiet::quiet_until(q, now)) {
                let until = crate::time::local_time(until, &self.config.defaults.timezone);
                return Some(format!("the scenario's quiet hours until {until}"));
            }
            let routes: Vec<_> =
                self.config.routes.iter().filter(|r| policy::route_matches(self.config, r, f)).collect();
            let quiet: Vec<Timestamp> = routes.iter().filter_map(|r| policy::quiet_until(r, now)).collect();
            if !routes.is_empty() && quiet.len() == routes.len() {
                let until =
                    crate::time::local_time(*quiet.iter().min().expect("not empty"), &self.config.defaults.timezone);
                return Some(format!("every route of the finding is in its quiet hours (the first ends {until})"));
            }
        }
        None
    }

    async fn advance(
        &self,
        scenario: &Scenario,
        e: &mut Execution,
        f: &Finding,
        silences: &[Silence],
        began: tokio::time::Instant,
        deadline: tokio::time::Instant,
    ) -> Result<(), StateError> {
        e.host = format!("{} (pid {})", self.holder.host, self.holder.pid);
        if matches!(e.status, ExecStatus::Waiting | ExecStatus::DryRun) && e.next_step == 0 && e.steps.is_empty() {
            if let Some(problem) =
                target_of(self.config, f).problem.filter(|_| scenario.steps.iter().any(|s| s.action.needs_instance()))
            {
                // Nothing can run on an instance the finding does not name safely.
                return self.conclude(scenario, e, began, Some(problem)).await.map(|_| ());
            }
            if let Some(why) = self.held_back(scenario, f, silences, self.clock(began)) {
                e.reason = Some(why);
                return Ok(());
            }
            e.reason = None;
            if e.status == ExecStatus::Waiting {
                e.status = ExecStatus::Running;
            }
        }
        let mut would_run = false;
        while e.next_step < scenario.steps.len() {
            let step = &scenario.steps[e.next_step];
            let now = self.clock(began);
            let resuming =
                e.steps.last().filter(|s| s.index == e.next_step && s.outcome == StepOutcome::Pending).cloned();
            if resuming.is_none()
                && !would_run
                && let Some(wait) = step.wait
            {
                let at = *e
                    .not_before
                    .get_or_insert_with(|| now + jiff::SignedDuration::try_from(wait.0).unwrap_or_default());
                if at > now {
                    let left = at.duration_since(now).unsigned_abs();
                    if tokio::time::Instant::now() + left > deadline {
                        return Ok(()); // the next run goes on
                    }
                    tokio::time::sleep(left).await;
                }
            }
            let now = self.clock(began);
            let mut rec = resuming.clone().unwrap_or_else(|| StepRecord {
                index: e.next_step,
                role: step.role,
                name: step.name.clone(),
                action: step.action.kind().to_string(),
                input: step.action.describe(),
                target: target_label(e, &step.action),
                started: now,
                ended: None,
                outcome: StepOutcome::Pending,
                output: String::new(),
                handle: None,
            });
            let skip = if would_run || (self.dry_run && step.action.acts()) {
                would_run = true;
                Some((StepOutcome::WouldRun, "a dry run: not run".to_string()))
            } else if step.role == Role::Recover && resuming.is_none() {
                match (self.untrusted)(f) {
                    Some(why) => Some((StepOutcome::Skipped, why)),
                    None => self.recover_refused(scenario, e, now).await?.map(|why| (StepOutcome::Skipped, why)),
                }
            } else {
                None
            };
            if let Some((outcome, why)) = skip {
                rec.outcome = outcome;
                rec.output = why;
                rec.ended = Some(now);
                self.push_step(e, rec);
                e.next_step += 1;
                e.not_before = None;
                continue;
            }
            if step.role == Role::Recover && resuming.is_none() && !self.dry_run {
                // Claimed before it runs: a crash mid-step must not let the next run repeat it.
                let name = exec::recovered_name(&scenario.name, &e.source, &e.key);
                self.state.put_snapshot(&name, now, e.id.as_bytes()).await?;
            }
            let step_deadline = tokio::time::Instant::now()
                + (step.timeout.0.saturating_sub(now.duration_since(rec.started).unsigned_abs()));
            let until = step_deadline.min(deadline);
            let poll = self.call(step, e, rec.handle.as_deref(), until).await;
            let now = self.clock(began);
            match poll {
                StepPoll::Done { ok, output } => {
                    rec.outcome = if ok { StepOutcome::Ok } else { StepOutcome::Failed };
                    rec.output = crate::text::truncate_chars(&output, exec::MAX_OUTPUT);
                    rec.ended = Some(now);
                }
                StepPoll::Error(why) => {
                    rec.outcome = StepOutcome::Error;
                    rec.output = crate::redact::redact(&why);
                    rec.ended = Some(now);
                }
                StepPoll::Pending { handle, output } => {
                    rec.handle = Some(handle);
                    rec.output = crate::text::truncate_chars(&output, exec::MAX_OUTPUT);
                    if now.duration_since(rec.started).unsigned_abs() >= step.timeout.0 {
                        rec.outcome = StepOutcome::TimedOut;
                        rec.output = format!("no result within {}", step.timeout).trim().to_string();
                        rec.ended = Some(now);
                    } else {
                        self.push_step(e, rec);
                        return Ok(()); // the budget is spent: the next run asks again
                    }
                }
            }
            self.push_step(e, rec);
            e.next_step += 1;
            e.not_before = None;
        }
        self.conclude(scenario, e, began, None).await.map(|_| ())
    }

    fn push_step(&self, e: &mut Execution, rec: StepRecord) {
        match e.steps.last_mut() {
            Some(last) if last.index == rec.index && last.outcome == StepOutcome::Pending => *last = rec,
            _ => e.steps.push(rec),
        }
    }

    /// Why a recover step may not run now, if it may not.
    async fn recover_refused(
        &self,
        scenario: &Scenario,
        e: &Execution,
        now: Timestamp,
    ) -> Result<Option<String>, StateError> {
        if !scenario.allow_recover {
            return Ok(Some(format!(
                "scenario `{}` does not allow recover steps (allow_recover = false)",
                scenario.name
            )));
        }
        if !self.config.respond.recover {
            return Ok(Some("recover steps are switched off ([respond] recover = false)".into()));
        }
        let name = exec::recovered_name(&scenario.name, &e.source, &e.key);
        if let Some((at, by)) = self.state.snapshot(&name).await? {
            let period =
                jiff::SignedDuration::try_from(scenario.recover_once_per.0).unwrap_or(jiff::SignedDuration::MAX);
            if String::from_utf8_lossy(&by) != e.id && now.duration_since(at) < period {
                let at = crate::time::local_time(at, &self.config.defaults.timezone);
                return Ok(Some(format!(
                    "a recover step of this scenario already ran on this finding at {at}; at most once per {}",
                    scenario.recover_once_per
                )));
            }
        }
        Ok(None)
    }

    async fn call(
        &self,
        step: &crate::respond::scenario::Step,
        e: &Execution,
        handle: Option<&str>,
        until: tokio::time::Instant,
    ) -> StepPoll {
        let timeout = until.saturating_duration_since(tokio::time::Instant::now()).max(Duration::from_millis(1));
        match &step.action {
            Action::Http { url, status, body_contains, max_latency, tls_min_days } => {
                crate::respond::probe::http(
                    url,
                    status,
                    body_contains.as_deref(),
                    max_latency.map(|d| d.0),
                    *tls_min_days,
                    timeout,
                    self.now,
                )
                .await
            }
            Action::Tcp { host, port } => crate::respond::probe::tcp(host, *port, timeout).await,
            action => {
                let Some(responder) = self.responder else {
                    return StepPoll::Error(format!(
                        "{} steps need AWS, which this run has no access to",
                        action.kind()
                    ));
                };
                if action.needs_instance() && e.instance.is_none() {
                    return StepPoll::Error("the finding names no EC2 instance (i-…) among its resources".into());
                }
                let call = StepCall {
                    action,
                    account: e.account.as_deref(),
                    region: e.region.as_deref(),
                    instance: e.instance.as_deref(),
                    handle,
                    timeout: step.timeout.0,
                    until,
                    comment: crate::text::truncate_chars(
                        &format!("opskit scenario {} step {}", e.scenario, step.name),
                        100,
                    ),
                };
                responder.step(call).await
            }
        }
    }

    /// All steps ran (or nothing could): recovered when every verify step passed.
    async fn conclude(
        &self,
        scenario: &Scenario,
        e: &mut Execution,
        began: tokio::time::Instant,
        problem: Option<String>,
    ) -> Result<(), StateError> {
        let verifies: Vec<&StepRecord> = e.steps.iter().filter(|s| s.role == Role::Verify).collect();
        let (status, reason) = if let Some(p) = problem {
            (ExecStatus::Escalated, Some(p))
        } else if self.dry_run || e.status == ExecStatus::DryRun {
            (ExecStatus::DryRun, None)
        } else if !scenario.steps.iter().any(|s| s.role == Role::Verify) {
            (ExecStatus::Escalated, Some("evidence gathered; the scenario has no verify step".into()))
        } else if let Some(bad) = verifies.iter().find(|s| s.outcome != StepOutcome::Ok) {
            let skipped: Vec<&str> =
                e.steps.iter().filter(|s| s.outcome == StepOutcome::Skipped).map(|s| s.name.as_str()).collect();
            let mut why = format!("verify `{}` {}", bad.name, bad.outcome.as_str());
            if !skipped.is_empty() {
                why.push_str(&format!("; not run: {}", skipped.join(", ")));
            }
            (ExecStatus::Escalated, Some(why))
        } else {
            (ExecStatus::Recovered, None)
        };
        e.status = status;
        e.reason = reason;
        if status != ExecStatus::DryRun {
            e.ended = Some(self.clock(began));
        }
        Ok(())
    }
}

/// Where a finding's AWS steps run, read from the finding, and anything that makes it unsafe.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Target {
    pub account: Option<String>,
    pub region: Option<String>,
    pub instance: Option<String>,
    pub problem: Option<String>,
}

/// An EC2 instance id: `i-` and 8 or 17 hex digits.
pub fn is_instance_id(s: &str) -> bool {
    s.strip_prefix("i-").is_some_and(|h| {
        (h.len() == 8 || h.len() == 17) && h.bytes().all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
    })
}

/// The finding's account, region and instance. Findings may come from outside (`findings
/// push`): an instance is taken only in the exact id or ARN form, an ARN's account and
/// region must agree with the finding's, and two different instances are refused.
pub fn target_of(config: &Config, f: &Finding) -> Target {
    let mut t = Target { account: f.account.clone(), region: f.region.clone(), ..Default::default() };
    let mut found: Vec<String> = Vec::new();
    for r in &f.resources {
        let r = r.trim();
        if is_instance_id(r) {
            found.push(r.to_string());
            continue;
        }
        // arn:aws:ec2:REGION:ACCOUNT:instance/i-...
        let parts: Vec<&str> = r.splitn(6, ':').collect();
        if parts.len() == 6 && parts[0] == "arn" && parts[2] == "ec2" {
            let Some(id) = parts[5].strip_prefix("instance/").filter(|i| is_instance_id(i)) else { continue };
            let account_ok = match t.account.as_deref() {
                None => true,
                Some(a) => a == parts[4] || config.account(a).and_then(|acc| acc.id.as_deref()) == Some(parts[4]),
            };
            if !account_ok || t.region.as_deref().is_some_and(|reg| reg != parts[3]) {
                t.problem = Some(format!("the instance ARN {r} is not in the finding's account and region"));
                continue;
            }
            t.account.get_or_insert_with(|| parts[4].to_string());
            t.region.get_or_insert_with(|| parts[3].to_string());
            found.push(id.to_string());
        }
    }
    // One instance named twice (its id and its ARN, anywhere in the list) counts once.
    found.sort();
    found.dedup();
    match found.as_slice() {
        [] => {}
        [one] => t.instance = Some(one.clone()),
        many => {
            t.problem = Some(format!(
                "the finding names {} instances ({}); a scenario acts on one",
                many.len(),
                many.join(", ")
            ))
        }
    }
    if t.region.is_none()
        && let Some(acc) = t.account.as_deref().and_then(|a| config.account(a))
        && acc.regions.len() == 1
    {
        t.region = Some(acc.regions[0].clone());
    }
    if t.problem.is_none() && t.instance.is_some() {
        if t.account.is_none() {
            t.problem = Some("the finding names no account for its instance".into());
        } else if t.region.is_none() {
            t.problem =
                Some("the finding names no region for its instance, and its account has not exactly one".into());
        }
    }
    t
}

fn target_label(e: &Execution, action: &Action) -> Option<String> {
    match action {
        Action::Http { .. } | Action::Tcp { .. } => None,
        _ => {
            let mut parts = Vec::new();
            if action.needs_instance()
                && let Some(i) = &e.instance
            {
                parts.push(i.clone());
            }
            if let Some(a) = &e.account {
                parts.push(a.clone());
            }
            if let Some(r) = &e.region {
                parts.push(r.clone());
            }
            (!parts.is_empty()).then(|| parts.join(" "))
        }
    }
}

/// Every kept execution, newest first (for `opskit respond log`).
pub async fn executions(state: &dyn StateStore) -> Result<Vec<Execution>, StateError> {
    let mut out = Vec::new();
    for (name, _, data) in state.snapshots_under(exec::PREFIX).await? {
        match serde_json::from_slice::<Execution>(&data) {
            Ok(e) => out.push(e),
            Err(err) => {
                return Err(crate::state::corrupt_record(state.location(), "snapshots", &[("name", &name)], err));
            }
        }
    }
    out.sort_by(|a, b| b.created.cmp(&a.created).then_with(|| a.id.cmp(&b.id)));
    Ok(out)
}
