//! The AWS steps of a scenario: SSM Run Command ([`crate::aws::ssm`]), a CloudWatch metric
//! ([`crate::aws::cloudwatch`]), EC2 status checks and reboot ([`crate::aws::ec2`]), each
//! run in the finding's account (one the config names: a pushed finding must not reach an
//! account opskit was not told about) and region, and judged into a [`StepPoll`].
//!
//! The judging is apart from the calls ([`ssm_result`], [`metric_result`],
//! [`status_result`]) so it is tested without a server.

use crate::aws::query::QueryError;
use crate::aws::{cloudwatch, ec2, ssm};
use crate::context::Context;
use opskit_core::respond::StepCall;
use opskit_core::respond::StepPoll;
use opskit_core::respond::scenario::Action;
use std::time::Duration;

/// How often an SSM command's invocation is asked for while it runs.
pub const SSM_POLL: Duration = Duration::from_millis(500);

/// Where one step runs: the account as the config names it, its region, its SDK config.
struct Place {
    label: String,
    cfg: aws_config::SdkConfig,
}

impl Place {
    /// The error of `op` here, as the audit trail shows it (AWS's code in it, no secret).
    fn error(&self, op: &str, e: &QueryError) -> StepPoll {
        StepPoll::Error(format!("{}: {}", self.label, e.failure(op).line()))
    }
}

/// Run or go on with one AWS step of `call` for the run of `ctx`.
pub async fn step(ctx: &Context, call: StepCall<'_>) -> StepPoll {
    let place = match place(ctx, &call).await {
        Ok(p) => p,
        Err(why) => return StepPoll::Error(why),
    };
    let instance = call.instance.unwrap_or_default();
    match call.action {
        Action::Ssm { document, commands } => ssm_step(&place, &call, instance, document, commands).await,
        Action::Metric { namespace, metric, dimensions, stat, period, window, ok_below, ok_above } => {
            let dims: Vec<(String, String)> =
                dimensions.iter().map(|(k, v)| (k.clone(), v.replace("{instance}", instance))).collect();
            let q = cloudwatch::MetricQuery { namespace, metric, dimensions: dims, stat, period: period.0 };
            match cloudwatch::get_metric_data(&place.cfg, &q, window.0, ctx.now()).await {
                Ok(points) => {
                    let label = format!("{namespace} {metric} {stat}/{period}");
                    metric_result(&label, &points, *ok_below, *ok_above, &ctx.config.defaults.timezone)
                }
                Err(e) => place.error("GetMetricData", &e),
            }
        }
        Action::Ec2Status => match ec2::describe_instance_status(&place.cfg, instance).await {
            Ok(s) => status_result(instance, s.as_ref()),
            Err(e) => place.error("DescribeInstanceStatus", &e),
        },
        Action::Reboot => match ec2::reboot_instance(&place.cfg, instance).await {
            Ok(true) => StepPoll::Done { ok: true, output: format!("EC2 accepted the reboot of {instance}") },
            Ok(false) => StepPoll::Done { ok: false, output: format!("EC2 did not accept the reboot of {instance}") },
            Err(e) => place.error("RebootInstances", &e),
        },
        other => StepPoll::Error(format!("{} is not an AWS step", other.kind())),
    }
}

/// The account and region of `call`, or why the step cannot run there.
async fn place(ctx: &Context, call: &StepCall<'_>) -> Result<Place, String> {
    let Some(name) = call.account else { return Err("the finding names no AWS account".into()) };
    let Some(account) = ctx.config.account(name) else {
        return Err(format!(
            "opskit has no credentials for account {name}\nhint: only accounts in the config's [[accounts]] are acted on"
        ));
    };
    let Some(region) = call.region.filter(|r| !r.is_empty()) else {
        return Err(format!("the finding names no region in account {}", account.name));
    };
    let label = match &account.id {
        Some(id) if *id != account.name => format!("{} ({id}) {region}", account.name),
        _ => format!("{} {region}", account.name),
    };
    Ok(Place { label, cfg: ctx.aws.config(account, region).await })
}

async fn ssm_step(place: &Place, call: &StepCall<'_>, instance: &str, document: &str, commands: &[String]) -> StepPoll {
    let command_id = match call.handle {
        Some(h) => h.to_string(),
        None => {
            let timeout = call.timeout.as_secs().max(1);
            match ssm::send_command(&place.cfg, instance, document, commands, timeout, &call.comment).await {
                Ok(id) => id,
                Err(e) => return place.error("SendCommand", &e),
            }
        }
    };
    let mut seen = "not yet delivered".to_string();
    loop {
        let poll =
            tokio::time::timeout_at(call.until, ssm::get_command_invocation(&place.cfg, &command_id, instance)).await;
        match poll {
            Err(_elapsed) => break,
            Ok(Ok(Some(inv))) if inv.is_terminal() => return ssm_result(&inv),
            Ok(Ok(Some(inv))) => seen = format!("{} ({})", inv.status, inv.status_details),
            // SSM does not know the invocation for a moment after SendCommand.
            Ok(Ok(None)) => {}
            // The command was sent and may be running: a passing failure to read it leaves
            // the step pending (the next run reads it again, the step's timeout bounds it).
            Ok(Err(e)) if e.retryable() => {
                seen = format!("not read: {}", e.failure("GetCommandInvocation").line());
                break;
            }
            Ok(Err(e)) => return place.error("GetCommandInvocation", &e),
        }
        if tokio::time::Instant::now() + SSM_POLL >= call.until {
            break;
        }
        tokio::time::sleep(SSM_POLL).await;
    }
    StepPoll::Pending { handle: command_id.clone(), output: format!("command {command_id}: {seen}") }
}

/// A finished invocation as the step's outcome: ok on Success; the exit code on Failed;
/// stdout, then stderr labelled, trimmed.
pub fn ssm_result(inv: &ssm::Invocation) -> StepPoll {
    let mut parts = Vec::new();
    let (ok, head) = match inv.status.as_str() {
        "Success" => (true, None),
        "Failed" => (false, Some(format!("failed with exit code {}", inv.response_code))),
        "TimedOut" => (false, Some(format!("timed out ({})", inv.status_details))),
        "Cancelled" => (false, Some(format!("cancelled ({})", inv.status_details))),
        other => (false, Some(format!("ended {other} ({})", inv.status_details))),
    };
    parts.extend(head);
    let out = inv.stdout.trim();
    if !out.is_empty() {
        parts.push(out.to_string());
    }
    let err = inv.stderr.trim();
    if !err.is_empty() {
        parts.push(format!("stderr:\n{err}"));
    }
    if parts.is_empty() {
        parts.push("exit code 0, no output".into());
    }
    StepPoll::Done { ok, output: parts.join("\n") }
}

/// The latest datapoint against the bounds (strictly below `ok_below`, strictly above
/// `ok_above`; none given: ok when there is one). `points` are newest first.
pub fn metric_result(
    label: &str,
    points: &[cloudwatch::Datapoint],
    ok_below: Option<f64>,
    ok_above: Option<f64>,
    tz: &str,
) -> StepPoll {
    let Some(latest) = points.iter().max_by_key(|p| p.at) else {
        return StepPoll::Done { ok: false, output: format!("{label}: no datapoints in the window") };
    };
    let max = points.iter().map(|p| p.value).fold(f64::NEG_INFINITY, f64::max);
    let ok = ok_below.is_none_or(|b| latest.value < b) && ok_above.is_none_or(|a| latest.value > a);
    let n = points.len();
    let output = format!(
        "{label}: latest {} at {}, max {} over {n} point{}",
        number(latest.value),
        opskit_core::time::local_time(latest.at, tz),
        number(max),
        if n == 1 { "" } else { "s" }
    );
    StepPoll::Done { ok, output }
}

/// At most two decimals, no trailing zeros (`97.2`, `12`, `0.05`).
fn number(v: f64) -> String {
    let s = format!("{v:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" { "0".into() } else { s.to_string() }
}

/// Ok iff the instance is running and both status checks say `ok`.
pub fn status_result(instance: &str, s: Option<&ec2::InstanceStatus>) -> StepPoll {
    let Some(s) = s else {
        return StepPoll::Done { ok: false, output: format!("EC2 lists no status for {instance}") };
    };
    let state = s.instance_state.as_ref().and_then(|st| st.name.as_deref()).unwrap_or("unknown");
    let check = |c: &Option<ec2::StatusSummary>| {
        let summary = c.as_ref().and_then(|c| c.status.as_deref()).unwrap_or("unknown").to_string();
        let failed: Vec<String> = c
            .as_ref()
            .map(|c| ec2::items(&c.details))
            .unwrap_or_default()
            .iter()
            .filter(|d| d.status.as_deref() != Some("passed"))
            .map(|d| format!("{} {}", d.name.as_deref().unwrap_or("check"), d.status.as_deref().unwrap_or("unknown")))
            .collect();
        if failed.is_empty() { summary } else { format!("{summary} ({})", failed.join(", ")) }
    };
    let system = check(&s.system_status);
    let inst = check(&s.instance_status);
    let ok = state == "running"
        && s.system_status.as_ref().and_then(|c| c.status.as_deref()) == Some("ok")
        && s.instance_status.as_ref().and_then(|c| c.status.as_deref()) == Some("ok");
    StepPoll::Done { ok, output: format!("{instance} {state}, system status {system}, instance status {inst}") }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::Timestamp;
    use serde_json::Value;

    fn at(s: &str) -> Timestamp {
        s.parse().unwrap()
    }

    fn points(values: &[(&str, f64)]) -> Vec<cloudwatch::Datapoint> {
        values.iter().map(|(t, v)| cloudwatch::Datapoint { at: at(t), value: *v }).collect()
    }

    const CPU: &str = "AWS/EC2 CPUUtilization Average/1m";

    #[test]
    fn a_metric_is_judged_on_its_latest_point_strictly_within_the_bounds() {
        let p =
            points(&[("2026-12-07T01:10:00Z", 97.2), ("2026-12-07T01:09:00Z", 98.1), ("2026-12-07T01:08:00Z", 40.0)]);
        let StepPoll::Done { ok, output } = metric_result(CPU, &p, Some(90.0), None, "UTC") else { panic!() };
        assert!(!ok, "97.2 is not below 90");
        assert_eq!(
            output,
            "AWS/EC2 CPUUtilization Average/1m: latest 97.2 at 2026-12-07 01:10 UTC, max 98.1 over 3 points"
        );
        let calm = points(&[("2026-12-07T01:10:00Z", 12.0), ("2026-12-07T01:09:00Z", 98.1)]);
        assert!(matches!(metric_result(CPU, &calm, Some(90.0), None, "UTC"), StepPoll::Done { ok: true, .. }));
        let edge = points(&[("2026-12-07T01:10:00Z", 90.0)]);
        assert!(matches!(metric_result(CPU, &edge, Some(90.0), None, "UTC"), StepPoll::Done { ok: false, .. }));
        assert!(matches!(metric_result(CPU, &edge, None, Some(90.0), "UTC"), StepPoll::Done { ok: false, .. }));
        assert!(matches!(metric_result(CPU, &edge, None, Some(89.5), "UTC"), StepPoll::Done { ok: true, .. }));
        assert!(matches!(metric_result(CPU, &edge, None, None, "UTC"), StepPoll::Done { ok: true, .. }));
    }

    #[test]
    fn no_datapoints_in_the_window_is_a_failed_step_saying_so() {
        let r = metric_result(CPU, &[], Some(90.0), None, "UTC");
        assert_eq!(r, StepPoll::Done { ok: false, output: format!("{CPU}: no datapoints in the window") });
    }

    #[test]
    fn the_metric_time_is_shown_in_the_configured_zone() {
        let p = points(&[("2026-12-07T01:10:00Z", 1.0)]);
        let StepPoll::Done { output, .. } = metric_result(CPU, &p, None, None, "Asia/Tokyo") else { panic!() };
        assert!(output.contains("at 2026-12-07 10:10 JST"), "{output}");
    }

    fn inv(status: &str, code: i64, stdout: &str, stderr: &str) -> ssm::Invocation {
        ssm::Invocation {
            status: status.into(),
            response_code: code,
            stdout: stdout.into(),
            stderr: stderr.into(),
            status_details: status.into(),
        }
    }

    #[test]
    fn ssm_outcomes_give_ok_only_on_success_with_exit_code_and_labelled_stderr() {
        assert_eq!(
            ssm_result(&inv("Success", 0, "  active (running)\n", "")),
            StepPoll::Done { ok: true, output: "active (running)".into() }
        );
        assert_eq!(
            ssm_result(&inv("Failed", 3, "inactive\n", "Unit nginx.service not found.\n")),
            StepPoll::Done {
                ok: false,
                output: "failed with exit code 3\ninactive\nstderr:\nUnit nginx.service not found.".into()
            }
        );
        assert!(
            matches!(ssm_result(&inv("TimedOut", -1, "", "")), StepPoll::Done { ok: false, output } if output.starts_with("timed out"))
        );
        assert!(matches!(ssm_result(&inv("Cancelled", -1, "", "")), StepPoll::Done { ok: false, .. }));
    }

    /// A local SSM endpoint answering SendCommand with `cmd-1` and GetCommandInvocation
    /// with `invocations` in turn (the last one again once they are used up); it records
    /// each request's target and body.
    struct FakeSsm {
        url: String,
        seen: std::sync::Arc<std::sync::Mutex<Vec<(String, String)>>>,
    }

    async fn fake_ssm(invocations: Vec<(u16, &'static str)>) -> FakeSsm {
        use tokio::io::{AsyncReadExt, AsyncWriteExt};
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let seen = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let script = std::sync::Arc::new(std::sync::Mutex::new(std::collections::VecDeque::from(invocations)));
        let (rec, script2) = (seen.clone(), script.clone());
        tokio::spawn(async move {
            loop {
                let Ok((mut sock, _)) = listener.accept().await else { return };
                let (rec, script) = (rec.clone(), script2.clone());
                tokio::spawn(async move {
                    let mut buf = Vec::new();
                    loop {
                        let head_end = loop {
                            if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
                                break i + 4;
                            }
                            let mut chunk = [0u8; 4096];
                            match sock.read(&mut chunk).await {
                                Ok(0) | Err(_) => return,
                                Ok(n) => buf.extend_from_slice(&chunk[..n]),
                            }
                        };
                        let head = String::from_utf8_lossy(&buf[..head_end]).to_ascii_lowercase();
                        let header = |name: &str| {
                            head.lines()
                                .find_map(|l| l.strip_prefix(&format!("{name}: ")).map(|v| v.trim().to_string()))
                        };
                        let len: usize = header("content-length").and_then(|v| v.parse().ok()).unwrap_or(0);
                        while buf.len() < head_end + len {
                            let mut chunk = [0u8; 4096];
                            match sock.read(&mut chunk).await {
                                Ok(0) | Err(_) => return,
                                Ok(n) => buf.extend_from_slice(&chunk[..n]),
                            }
                        }
                        let body = String::from_utf8_lossy(&buf[head_end..head_end + len]).into_owned();
                        buf.drain(..head_end + len);
                        let target = header("x-amz-target").unwrap_or_default();
                        rec.lock().unwrap().push((target.clone(), body));
                        let (status, answer) = if target.ends_with(".sendcommand") {
                            (200, r#"{"Command":{"CommandId":"cmd-1","Status":"Pending"}}"#)
                        } else {
                            let mut s = script.lock().unwrap();
                            if s.len() > 1 { s.pop_front().unwrap() } else { *s.front().unwrap() }
                        };
                        let resp = format!(
                            "HTTP/1.1 {status} X\r\ncontent-type: application/x-amz-json-1.1\r\ncontent-length: {}\r\n\r\n{answer}",
                            answer.len()
                        );
                        if sock.write_all(resp.as_bytes()).await.is_err() {
                            return;
                        }
                    }
                });
            }
        });
        FakeSsm { url, seen }
    }

    fn place_at(url: &str) -> Place {
        let cfg = aws_config::SdkConfig::builder()
            .region(aws_config::Region::new("ap-northeast-1"))
            .endpoint_url(url)
            .credentials_provider(aws_credential_types::provider::SharedCredentialsProvider::new(
                aws_credential_types::Credentials::new("AKIDEXAMPLE", "secret", None, None, "test"),
            ))
            .behavior_version(aws_config::BehaviorVersion::latest())
            .build();
        Place { label: "acme (111122223333) ap-northeast-1".into(), cfg }
    }

    const NOT_YET: (u16, &str) = (400, r#"{"__type":"InvocationDoesNotExist","message":""}"#);
    const RUNNING: (u16, &str) = (200, r#"{"Status":"InProgress","StatusDetails":"InProgress","ResponseCode":-1}"#);
    const DONE: (u16, &str) = (
        200,
        r#"{"Status":"Success","StatusDetails":"Success","ResponseCode":0,"StandardOutputContent":"42% used\n"}"#,
    );

    fn ssm_call<'a>(action: &'a Action, handle: Option<&'a str>, within: Duration) -> StepCall<'a> {
        StepCall {
            action,
            account: Some("acme"),
            region: Some("ap-northeast-1"),
            instance: Some("i-0123456789abcdef0"),
            handle,
            timeout: Duration::from_secs(120),
            until: tokio::time::Instant::now() + within,
            comment: "opskit scenario disk step usage".into(),
        }
    }

    fn df() -> Action {
        Action::Ssm { document: "AWS-RunShellScript".into(), commands: vec!["df -h /".into()] }
    }

    #[tokio::test]
    async fn an_ssm_step_sends_once_waits_out_invocation_does_not_exist_and_reads_the_result() {
        let fake = fake_ssm(vec![NOT_YET, RUNNING, DONE]).await;
        let action = df();
        let call = ssm_call(&action, None, Duration::from_secs(10));
        let r = ssm_step(&place_at(&fake.url), &call, "i-0123456789abcdef0", "AWS-RunShellScript", &["df -h /".into()])
            .await;
        assert_eq!(r, StepPoll::Done { ok: true, output: "42% used".into() });
        let seen = fake.seen.lock().unwrap().clone();
        let targets: Vec<&str> = seen.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(
            targets,
            [
                "amazonssm.sendcommand",
                "amazonssm.getcommandinvocation",
                "amazonssm.getcommandinvocation",
                "amazonssm.getcommandinvocation"
            ]
        );
        let send: Value = serde_json::from_str(&seen[0].1).unwrap();
        assert_eq!(send["Parameters"]["executionTimeout"], serde_json::json!(["120"]));
        assert_eq!(send["Comment"], "opskit scenario disk step usage");
        let poll: Value = serde_json::from_str(&seen[1].1).unwrap();
        assert_eq!(poll, serde_json::json!({"CommandId": "cmd-1", "InstanceId": "i-0123456789abcdef0"}));
    }

    #[tokio::test]
    async fn an_ssm_step_still_running_at_until_is_pending_with_its_command_id_and_resumes_without_resending() {
        let fake = fake_ssm(vec![RUNNING]).await;
        let action = df();
        let call = ssm_call(&action, None, Duration::from_millis(1200));
        let r = ssm_step(&place_at(&fake.url), &call, "i-0123456789abcdef0", "AWS-RunShellScript", &["df -h /".into()])
            .await;
        assert_eq!(
            r,
            StepPoll::Pending { handle: "cmd-1".into(), output: "command cmd-1: InProgress (InProgress)".into() }
        );

        let later = fake_ssm(vec![DONE]).await;
        let call = ssm_call(&action, Some("cmd-1"), Duration::from_secs(10));
        let r =
            ssm_step(&place_at(&later.url), &call, "i-0123456789abcdef0", "AWS-RunShellScript", &["df -h /".into()])
                .await;
        assert_eq!(r, StepPoll::Done { ok: true, output: "42% used".into() });
        let seen = later.seen.lock().unwrap().clone();
        assert!(seen.iter().all(|(t, _)| t == "amazonssm.getcommandinvocation"), "no second SendCommand: {seen:?}");
    }

    #[tokio::test]
    async fn an_ssm_api_failure_is_an_error_naming_account_region_operation_and_code() {
        let fake = fake_ssm(vec![(400, r#"{"__type":"InvalidInstanceId","message":"Instances [[i-0123456789abcdef0]] not in a valid state for account 111122223333"}"#)]).await;
        let action = df();
        let call = ssm_call(&action, Some("cmd-1"), Duration::from_secs(5));
        let r = ssm_step(&place_at(&fake.url), &call, "i-0123456789abcdef0", "AWS-RunShellScript", &[]).await;
        let StepPoll::Error(why) = r else { panic!("{r:?}") };
        assert!(
            why.starts_with("acme (111122223333) ap-northeast-1: GetCommandInvocation: InvalidInstanceId: Instances"),
            "{why}"
        );
    }

    fn status(state: &str, system: &str, instance: &str) -> ec2::InstanceStatus {
        let summary = |s: &str| Some(ec2::StatusSummary { status: Some(s.into()), details: None });
        ec2::InstanceStatus {
            instance_id: Some("i-0123456789abcdef0".into()),
            instance_state: Some(ec2::InstanceState { name: Some(state.into()) }),
            system_status: summary(system),
            instance_status: summary(instance),
            ..Default::default()
        }
    }

    #[test]
    fn ec2_status_is_ok_only_running_with_both_checks_ok_and_names_them() {
        let i = "i-0123456789abcdef0";
        assert_eq!(
            status_result(i, Some(&status("running", "ok", "ok"))),
            StepPoll::Done { ok: true, output: format!("{i} running, system status ok, instance status ok") }
        );
        let StepPoll::Done { ok, output } = status_result(i, Some(&status("running", "ok", "impaired"))) else {
            panic!()
        };
        assert!(!ok);
        assert!(output.contains("instance status impaired"), "{output}");
        assert!(matches!(
            status_result(i, Some(&status("stopped", "not-applicable", "not-applicable"))),
            StepPoll::Done { ok: false, .. }
        ));
        assert!(matches!(status_result(i, None), StepPoll::Done { ok: false, .. }));
    }
}
