//! The stage through the spine, with a scripted responder: what reaches which sink, what
//! the state keeps, and what ran.

use super::exec::{ExecStatus, StepOutcome};
use super::stage::{Responder, StepCall, StepPoll, executions, target_of};
use crate::config::{Config, Env, parse_and_resolve};
use crate::spine::deliver::{Message, Notifier, Receipt, SinkError};
use crate::spine::engine::{Collected, RespondContext, RetryPolicy, RunReport, Scope, Spine};
use crate::spine::finding::{Finding, Severity, Status, TransitionKind};
use crate::state::memory::MemoryStore;
use crate::state::{LockHolder, Silence, SilenceMatcher, StateStore};
use async_trait::async_trait;
use jiff::Timestamp;
use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

#[derive(Default)]
struct Recorder {
    name: String,
    sent: Mutex<Vec<Message>>,
}

#[async_trait]
impl Notifier for Recorder {
    fn name(&self) -> &str {
        &self.name
    }
    async fn send(&self, m: &Message) -> Result<Receipt, SinkError> {
        self.sent.lock().unwrap().push(m.clone());
        Ok(Receipt::default())
    }
    fn preview(&self, m: &Message) -> Result<String, SinkError> {
        Ok(format!("would send {} {}", m.kind, m.finding.key))
    }
}

impl Recorder {
    fn kinds(&self) -> Vec<(TransitionKind, Status)> {
        self.sent.lock().unwrap().iter().map(|m| (m.kind, m.finding.status)).collect()
    }
}

/// Answers SSM steps from a script keyed by a word of the commands: a list of answers used
/// in order (the last repeats). Records every command it was asked to start.
#[derive(Default)]
struct Script {
    answers: Mutex<BTreeMap<String, Vec<StepPoll>>>,
    started: Mutex<Vec<String>>,
    /// Sleep this long in each call (a slow instance).
    delay: Duration,
}

impl Script {
    fn on(self, word: &str, answers: Vec<StepPoll>) -> Script {
        self.answers.lock().unwrap().insert(word.into(), answers);
        self
    }
    fn started(&self) -> Vec<String> {
        self.started.lock().unwrap().clone()
    }
}

fn ok(out: &str) -> StepPoll {
    StepPoll::Done { ok: true, output: out.into() }
}
fn bad(out: &str) -> StepPoll {
    StepPoll::Done { ok: false, output: out.into() }
}

#[async_trait]
impl Responder for Script {
    async fn step(&self, call: StepCall<'_>) -> StepPoll {
        if !self.delay.is_zero() {
            tokio::time::sleep(self.delay).await;
        }
        let crate::respond::Action::Ssm { commands, .. } = call.action else {
            return StepPoll::Error("only ssm in this script".into());
        };
        let text = commands.join(" && ");
        if call.handle.is_none() {
            self.started.lock().unwrap().push(text.clone());
        }
        let mut answers = self.answers.lock().unwrap();
        let Some((_, list)) = answers.iter_mut().find(|(w, _)| text.contains(w.as_str())) else {
            return ok("");
        };
        if list.len() > 1 { list.remove(0) } else { list[0].clone() }
    }
}

const CONFIG: &str = r#"
    [defaults]
    retry_backoff = "1ms"
    [[accounts]]
    name = "acme"
    id = "111122223333"
    regions = ["ap-northeast-1"]
    [sinks.chat]
    type = "stdout"
    [sinks.pager]
    type = "stdout"
    [[routes]]
    sinks = ["chat"]
    notify_recovered = true
    [[routes]]
    min_severity = "critical"
    sinks = ["pager"]
    [respond]
    budget = "5s"
    [[scenarios]]
    name = "disk-full"
    sources = ["monitoring"]
    keys = ["disk/*"]
    allow_recover = true
    recover_once_per = "6h"
    [[scenarios.steps]]
    role = "gather"
    name = "usage"
    ssm = ["df -h /"]
    [[scenarios.steps]]
    role = "recover"
    name = "clear logs"
    ssm = ["rm -rf /var/log/app/old"]
    [[scenarios.steps]]
    role = "verify"
    name = "below 90%"
    ssm = ["check-disk 90"]
"#;

struct Bench {
    config: Config,
    state: Arc<MemoryStore>,
    sinks: BTreeMap<String, Arc<dyn Notifier>>,
    chat: Arc<Recorder>,
    pager: Arc<Recorder>,
    untrusted: fn(&Finding) -> Option<String>,
}

fn bench_with(extra: &str) -> Bench {
    let config = parse_and_resolve(&format!("{CONFIG}{extra}"), None, &Env::process()).unwrap();
    let chat = Arc::new(Recorder { name: "chat".into(), ..Default::default() });
    let pager = Arc::new(Recorder { name: "pager".into(), ..Default::default() });
    let mut sinks: BTreeMap<String, Arc<dyn Notifier>> = BTreeMap::new();
    sinks.insert("chat".into(), chat.clone());
    sinks.insert("pager".into(), pager.clone());
    Bench { config, state: Arc::new(MemoryStore::new()), sinks, chat, pager, untrusted: super::stage::trusted }
}

fn t0() -> Timestamp {
    "2026-12-01T03:00:00Z".parse().unwrap()
}

fn holder(host: &str) -> LockHolder {
    LockHolder { host: host.into(), pid: 1, command: "respond".into(), since: t0() }
}

fn disk(instance: &str) -> Finding {
    let mut f =
        Finding::new("monitoring", format!("disk/{instance}"), Severity::Critical, format!("Disk full on {instance}"));
    f.account = Some("111122223333".into());
    f.region = Some("ap-northeast-1".into());
    f.resources = vec![instance.into()];
    f
}

impl Bench {
    async fn run_as(
        &self,
        findings: Vec<Finding>,
        at: Timestamp,
        dry_run: bool,
        script: &Script,
        host: &str,
    ) -> RunReport {
        let spine = Spine {
            config: &self.config,
            state: self.state.as_ref(),
            notifiers: &self.sinks,
            dry_run,
            baseline: false,
            now: at,
            retry: RetryPolicy::from_config(&self.config),
            respond: Some(RespondContext { responder: Some(script), holder: holder(host), untrusted: self.untrusted }),
        };
        spine.process(Collected::new("monitoring", findings, Scope::All)).await.unwrap()
    }
    async fn run(&self, findings: Vec<Finding>, at: Timestamp, script: &Script) -> RunReport {
        self.run_as(findings, at, false, script, "host-a").await
    }
}

fn recovering() -> Script {
    Script::default()
        .on("df -h", vec![ok("/dev/xvda1  20G  19.5G  97% /")])
        .on("rm -rf", vec![ok("")])
        .on("check-disk", vec![ok("41%")])
}

#[tokio::test]
async fn a_verified_recovery_resolves_with_nobody_paged_and_every_step_kept() {
    let b = bench_with("");
    let script = recovering();
    let report = b.run(vec![disk("i-0abc1234def567890")], t0(), &script).await;
    assert!(b.pager.kinds().is_empty(), "the pager was told: {:?}", b.pager.kinds());
    assert_eq!(
        b.chat.kinds(),
        vec![(TransitionKind::Resolved, Status::Resolved)],
        "the chat route asked to hear of it"
    );
    let told = b.chat.sent.lock().unwrap()[0].finding.clone();
    assert!(told.summary.starts_with("Recovered by scenario disk-full"), "{}", told.summary);
    assert!(told.fields.iter().any(|f| f.name.contains("usage") && f.value.contains("97%")), "{:?}", told.fields);
    let kept = b.state.findings("monitoring").await.unwrap();
    assert_eq!(kept[0].finding.status, Status::Resolved);
    assert_eq!(report.responses.len(), 1);
    let log = executions(b.state.as_ref()).await.unwrap();
    assert_eq!(log.len(), 1);
    assert_eq!(log[0].status, ExecStatus::Recovered);
    let outcomes: Vec<(&str, StepOutcome)> = log[0].steps.iter().map(|s| (s.name.as_str(), s.outcome)).collect();
    assert_eq!(
        outcomes,
        vec![("usage", StepOutcome::Ok), ("clear logs", StepOutcome::Ok), ("below 90%", StepOutcome::Ok)]
    );
    assert_eq!(log[0].steps[0].target.as_deref(), Some("i-0abc1234def567890 111122223333 ap-northeast-1"));
    assert_eq!(script.started().len(), 3);
    // The history says it opened and a scenario resolved it.
    let events = crate::history::events_since(b.state.as_ref(), t0()).await.unwrap();
    let seen: Vec<(crate::history::EventKind, Option<&str>)> =
        events.iter().map(|e| (e.kind, e.by.as_deref())).collect();
    assert_eq!(
        seen,
        vec![(crate::history::EventKind::New, None), (crate::history::EventKind::Recovered, Some("disk-full"))]
    );
    assert!(events[1].at >= events[0].at);
}

#[tokio::test]
async fn a_failed_verify_pages_once_with_the_evidence_of_every_step() {
    let b = bench_with("");
    let script = Script::default()
        .on("df -h", vec![ok("/dev/xvda1  20G  19.9G  99% /")])
        .on("rm -rf", vec![ok("")])
        .on("check-disk", vec![bad("still 99%")]);
    b.run(vec![disk("i-0abc1234def567890")], t0(), &script).await;
    let sent = b.pager.sent.lock().unwrap().clone();
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0].kind, TransitionKind::New);
    let fields: BTreeMap<String, String> =
        sent[0].finding.fields.iter().map(|f| (f.name.clone(), f.value.clone())).collect();
    assert_eq!(fields["scenario"], "disk-full: escalated (verify `below 90%` failed)");
    assert!(fields["step 1 usage (gather)"].contains("99%"), "{fields:?}");
    assert!(fields["step 3 below 90% (verify)"].starts_with("failed"), "{fields:?}");
    // The next runs add the same evidence: nothing more is told.
    for m in 1..3 {
        b.run(vec![disk("i-0abc1234def567890")], t0() + jiff::SignedDuration::from_mins(m), &script).await;
    }
    assert_eq!(b.pager.sent.lock().unwrap().len(), 1, "told again: {:?}", b.pager.kinds());
    assert_eq!(script.started().len(), 3, "the scenario ran once: {:?}", script.started());
}

#[tokio::test]
async fn a_recover_step_runs_at_most_once_per_period_per_finding() {
    let b = bench_with("");
    let script = Script::default()
        .on("df -h", vec![ok("97%")])
        .on("rm -rf", vec![ok("")])
        .on("check-disk", vec![ok("41%"), bad("97%")]);
    let f = || vec![disk("i-0abc1234def567890")];
    b.run(f(), t0(), &script).await; // recovered
    b.run(f(), t0() + jiff::SignedDuration::from_mins(5), &script).await; // back: reopened
    let recovers = script.started().iter().filter(|c| c.contains("rm -rf")).count();
    assert_eq!(recovers, 1, "{:?}", script.started());
    let log = executions(b.state.as_ref()).await.unwrap();
    assert_eq!(log.len(), 2);
    let second = &log[0];
    assert_eq!(second.status, ExecStatus::Escalated, "{second:?}");
    assert_eq!(second.reason.as_deref(), Some("verify `below 90%` failed; not run: clear logs"));
    assert_eq!(second.steps[1].outcome, StepOutcome::Skipped);
    assert!(second.steps[1].output.contains("at most once per 6h"), "{}", second.steps[1].output);
    assert_eq!(b.pager.kinds(), vec![(TransitionKind::New, Status::Open)], "the second time, a person is paged");
    // After the period, it may recover again.
    b.run(vec![], t0() + jiff::SignedDuration::from_mins(10), &script).await;
    b.run(f(), t0() + jiff::SignedDuration::from_hours(7), &script).await;
    assert_eq!(script.started().iter().filter(|c| c.contains("rm -rf")).count(), 2);
}

#[tokio::test]
async fn a_scenario_waits_out_a_silence_and_runs_after_it() {
    let b = bench_with("");
    let silence = Silence {
        id: "s-work".into(),
        matcher: SilenceMatcher { source: Some("monitoring".into()), ..Default::default() },
        starts: t0() - jiff::SignedDuration::from_hours(1),
        until: t0() + jiff::SignedDuration::from_hours(1),
        reason: "planned work".into(),
        created_by: "ops".into(),
        created_at: t0(),
    };
    b.state.add_silence(&silence).await.unwrap();
    let script = recovering();
    b.run(vec![disk("i-0abc1234def567890")], t0(), &script).await;
    assert!(script.started().is_empty(), "ran inside a silence: {:?}", script.started());
    let log = executions(b.state.as_ref()).await.unwrap();
    assert_eq!(log[0].status, ExecStatus::Waiting);
    assert!(log[0].reason.as_deref().unwrap().contains("inside silence s-work"), "{:?}", log[0].reason);
    b.run(vec![disk("i-0abc1234def567890")], t0() + jiff::SignedDuration::from_hours(2), &script).await;
    assert_eq!(script.started().len(), 3);
    assert_eq!(executions(b.state.as_ref()).await.unwrap()[0].status, ExecStatus::Recovered);
}

#[tokio::test]
async fn a_dry_run_runs_nothing_that_acts_and_keeps_nothing() {
    let b = bench_with("");
    let script = recovering();
    let report = b.run_as(vec![disk("i-0abc1234def567890")], t0(), true, &script, "host-a").await;
    assert!(script.started().is_empty(), "a dry run ran {:?}", script.started());
    assert_eq!(report.responses.len(), 1);
    let e = &report.responses[0];
    assert_eq!(e.status, ExecStatus::DryRun);
    assert!(e.steps.iter().all(|s| s.outcome == StepOutcome::WouldRun), "{:?}", e.steps);
    assert!(executions(b.state.as_ref()).await.unwrap().is_empty());
}

#[tokio::test]
async fn the_global_switch_shows_recover_steps_and_runs_none() {
    let b = bench_with("");
    let mut config = b.config.clone();
    config.respond.recover = false;
    let b = Bench { config, ..b };
    let script = recovering();
    b.run(vec![disk("i-0abc1234def567890")], t0(), &script).await;
    assert!(!script.started().iter().any(|c| c.contains("rm -rf")), "{:?}", script.started());
    let e = &executions(b.state.as_ref()).await.unwrap()[0];
    assert_eq!(e.steps[1].outcome, StepOutcome::Skipped);
    assert!(e.steps[1].output.contains("[respond] recover = false"));
}

#[tokio::test]
async fn an_untrusted_finding_gets_its_evidence_gathered_and_no_recover_step() {
    fn unverified(f: &Finding) -> Option<String> {
        f.key.contains("i-0bad").then(|| "its sender is unverified".to_string())
    }
    let b = Bench { untrusted: unverified, ..bench_with("") };
    let script = recovering();
    b.run(vec![disk("i-0bad1234def567890")], t0(), &script).await;
    assert!(!script.started().iter().any(|c| c.contains("rm -rf")), "{:?}", script.started());
    let e = &executions(b.state.as_ref()).await.unwrap()[0];
    assert_eq!((e.steps[0].outcome, e.steps[1].outcome), (StepOutcome::Ok, StepOutcome::Skipped));
    assert_eq!(e.steps[1].output, "its sender is unverified");
}

#[tokio::test]
async fn two_runs_at_once_run_a_scenario_once() {
    let b = bench_with("");
    let script = Script { delay: Duration::from_millis(150), ..recovering() };
    let f = || vec![disk("i-0abc1234def567890")];
    let (r1, r2) =
        tokio::join!(b.run_as(f(), t0(), false, &script, "host-a"), b.run_as(f(), t0(), false, &script, "host-b"));
    assert_eq!(script.started().len(), 3, "{:?}", script.started());
    assert_eq!(r1.responses.len() + r2.responses.len(), 2, "both report the execution");
}

#[tokio::test]
async fn a_scenario_past_the_budget_goes_on_in_the_next_run_and_updates_what_was_told() {
    let b = bench_with("");
    let mut config = b.config.clone();
    config.respond.budget = crate::config::Dur(Duration::from_millis(300));
    let b = Bench { config, ..b };
    let pending = StepPoll::Pending { handle: "cmd-1".into(), output: String::new() };
    let script = Script::default()
        .on("df -h", vec![ok("97%")])
        .on("rm -rf", vec![pending.clone(), bad("rm: cannot remove: Read-only file system")])
        .on("check-disk", vec![bad("97%")]);
    b.run(vec![disk("i-0abc1234def567890")], t0(), &script).await;
    // Delivered as usual while the scenario goes on.
    assert_eq!(b.pager.kinds(), vec![(TransitionKind::New, Status::Open)]);
    let e = &executions(b.state.as_ref()).await.unwrap()[0];
    assert_eq!(e.status, ExecStatus::Running);
    assert_eq!(e.steps.last().unwrap().handle.as_deref(), Some("cmd-1"));
    b.run(vec![disk("i-0abc1234def567890")], t0() + jiff::SignedDuration::from_mins(1), &script).await;
    let e = &executions(b.state.as_ref()).await.unwrap()[0];
    assert_eq!(e.status, ExecStatus::Escalated, "{e:?}");
    assert_eq!(script.started().iter().filter(|c| c.contains("rm -rf")).count(), 1, "resumed, not started again");
    let kinds = b.pager.kinds();
    assert_eq!(kinds, vec![(TransitionKind::New, Status::Open), (TransitionKind::Changed, Status::Open)]);
    let last = b.pager.sent.lock().unwrap()[1].finding.clone();
    assert!(last.fields.iter().any(|f| f.value.contains("Read-only file system")), "{:?}", last.fields);
    b.run(vec![disk("i-0abc1234def567890")], t0() + jiff::SignedDuration::from_mins(2), &script).await;
    assert_eq!(b.pager.kinds().len(), 2, "the evidence is told once");
}

#[tokio::test]
async fn a_finding_that_resolves_on_its_own_stops_its_scenario() {
    let b = bench_with("");
    let mut config = b.config.clone();
    config.respond.budget = crate::config::Dur(Duration::from_millis(300));
    let b = Bench { config, ..b };
    let script = Script::default().on("df -h", vec![StepPoll::Pending { handle: "c".into(), output: String::new() }]);
    b.run(vec![disk("i-0abc1234def567890")], t0(), &script).await;
    b.run(vec![], t0() + jiff::SignedDuration::from_mins(1), &script).await;
    let e = &executions(b.state.as_ref()).await.unwrap()[0];
    assert_eq!(e.status, ExecStatus::Cancelled);
    assert_eq!(script.started().len(), 1, "nothing ran after it resolved: {:?}", script.started());
}

#[tokio::test]
async fn findings_no_scenario_takes_are_delivered_while_the_scenarios_run() {
    let b = bench_with("");
    let script = Script { delay: Duration::from_millis(400), ..recovering() };
    let mut other = disk("i-0abc1234def567890");
    other.key = "cpu/i-0abc1234def567890".into();
    let started = std::time::Instant::now();
    let told_at = Arc::new(Mutex::new(None));
    let (report, ()) = tokio::join!(b.run(vec![disk("i-0abc1234def567890"), other], t0(), &script), async {
        while b.pager.sent.lock().unwrap().is_empty() {
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        *told_at.lock().unwrap() = Some(started.elapsed());
    });
    let told_at = told_at.lock().unwrap().unwrap();
    assert!(told_at < Duration::from_millis(400), "the page waited for the scenario: {told_at:?}");
    assert!(started.elapsed() >= Duration::from_millis(1200), "the scenario ran its three steps");
    assert_eq!(report.responses.len(), 1);
    assert_eq!(b.pager.kinds(), vec![(TransitionKind::New, Status::Open)], "only the finding no scenario took");
}

#[tokio::test]
async fn findings_no_scenario_takes_are_left_alone() {
    let b = bench_with("");
    let script = recovering();
    let mut other = disk("i-0abc1234def567890");
    other.key = "cpu/i-0abc1234def567890".into();
    let report = b.run(vec![other], t0(), &script).await;
    assert!(report.responses.is_empty() && script.started().is_empty());
    assert_eq!(b.pager.kinds(), vec![(TransitionKind::New, Status::Open)]);
}

#[test]
fn an_instance_is_taken_only_when_the_finding_names_it_safely() {
    let config = parse_and_resolve(CONFIG, None, &Env::process()).unwrap();
    let mut f = disk("i-0abc1234def567890");
    let t = target_of(&config, &f);
    assert_eq!(t.instance.as_deref(), Some("i-0abc1234def567890"));
    assert!(t.problem.is_none());
    f.resources = vec!["arn:aws:ec2:ap-northeast-1:999988887777:instance/i-0abc1234def567890".into()];
    assert!(target_of(&config, &f).problem.unwrap().contains("not in the finding's account"));
    f.resources = vec![
        "i-0abc1234def567890".into(),
        "web-1".into(),
        "arn:aws:ec2:ap-northeast-1:111122223333:instance/i-0abc1234def567890".into(),
    ];
    assert_eq!(target_of(&config, &f).instance.as_deref(), Some("i-0abc1234def567890"), "one instance named twice");
    // Two instances (one of them named twice, apart) are two.
    f.resources = vec![
        "i-0abc1234def567890".into(),
        "i-0abc1234def567891".into(),
        "arn:aws:ec2:ap-northeast-1:111122223333:instance/i-0abc1234def567890".into(),
    ];
    let problem = target_of(&config, &f).problem.unwrap();
    assert!(problem.contains("names 2 instances (i-0abc1234def567890, i-0abc1234def567891)"), "{problem}");
    f.resources = vec!["i-0abc1234def567890; reboot".into(), "I-0ABC1234".into()];
    assert!(target_of(&config, &f).instance.is_none());
    // The region comes from the account when it has exactly one.
    let mut g = disk("i-0abc1234def567890");
    g.region = None;
    g.account = Some("acme".into());
    assert_eq!(target_of(&config, &g).region.as_deref(), Some("ap-northeast-1"));
}

#[test]
fn a_certificates_end_is_read_from_its_der() {
    // SEQUENCE { SEQUENCE { [0] { INTEGER 2 }, INTEGER 1, SEQUENCE {}, SEQUENCE {},
    //   SEQUENCE { UTCTime 260101000000Z, GeneralizedTime 20270315120000Z } } }
    let not_before = [&[0x17u8, 13][..], b"260101000000Z"].concat();
    let not_after = [&[0x18u8, 15][..], b"20270315120000Z"].concat();
    let validity = [&[0x30u8, (not_before.len() + not_after.len()) as u8][..], &not_before, &not_after].concat();
    let tbs_body = [&[0xa0u8, 3, 2, 1, 2, 2, 1, 1, 0x30, 0, 0x30, 0][..], &validity].concat();
    let tbs = [&[0x30u8, tbs_body.len() as u8][..], &tbs_body].concat();
    let cert = [&[0x30u8, tbs.len() as u8][..], &tbs].concat();
    assert_eq!(super::probe::not_after(&cert).unwrap().to_string(), "2027-03-15T12:00:00Z");
    assert!(super::probe::not_after(&cert[..cert.len() - 3]).is_none(), "a cut certificate is no date");
}

#[tokio::test]
async fn http_and_tcp_probes_judge_what_answered() {
    use super::probe;
    let sb = opskit_sandbox::Sandbox::start().await.unwrap();
    let url = sb.url("/_sandbox/requests");
    let t = Duration::from_secs(5);
    let ok = |p: &StepPoll| matches!(p, StepPoll::Done { ok: true, .. });
    assert!(ok(&probe::http(&url, &[200], Some("["), None, None, t, t0()).await));
    let wrong = probe::http(&url, &[204], Some("no such text"), None, None, t, t0()).await;
    let StepPoll::Done { ok: false, output } = &wrong else { panic!("{wrong:?}") };
    assert!(output.contains("status 200, expected 204") && output.contains("does not hold"), "{output}");
    let addr = sb.addr();
    assert!(ok(&probe::tcp(&addr.ip().to_string(), addr.port(), t).await));
    // A port nothing listens on: refused, not ok.
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    assert!(!ok(&probe::tcp("127.0.0.1", closed, t).await));
}
