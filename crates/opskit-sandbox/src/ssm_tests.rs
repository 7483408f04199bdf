//! Tests of the Run Command fake through HTTP, as awsJson1_1 calls signed for `ssm` (the
//! workspace has no aws-sdk-ssm; the shapes are the SSM API reference's).

use super::*;
use serde_json::json;
use std::time::Duration;

const REGION: &str = DX_DEMO_REGION;

fn sig(account: &str, region: &str) -> String {
    format!(
        "AWS4-HMAC-SHA256 Credential={}/20261207/{region}/ssm/aws4_request, SignedHeaders=host, Signature=00",
        sandbox_access_key(account)
    )
}

/// One SSM call as `account` in `region`: status, `x-amzn-ErrorType`, body.
async fn call_as(sb: &Sandbox, account: &str, region: &str, op: &str, input: Value) -> (u16, String, Value) {
    let r = reqwest::Client::new()
        .post(sb.url("/"))
        .header("x-amz-target", format!("AmazonSSM.{op}"))
        .header("content-type", "application/x-amz-json-1.1")
        .header("authorization", sig(account, region))
        .body(input.to_string())
        .send()
        .await
        .unwrap();
    let status = r.status().as_u16();
    let kind = r.headers().get("x-amzn-errortype").map(|v| v.to_str().unwrap().to_string()).unwrap_or_default();
    (status, kind, r.json().await.unwrap())
}

async fn call(sb: &Sandbox, op: &str, input: Value) -> (u16, String, Value) {
    call_as(sb, DX_DEMO_ACCOUNT, REGION, op, input).await
}

async fn send(sb: &Sandbox, instances: &[&str], commands: &[&str]) -> String {
    let input = json!({"DocumentName": "AWS-RunShellScript", "InstanceIds": instances,
                       "Parameters": {"commands": commands}, "Comment": "opskit respond"});
    let (status, _, out) = call(sb, "SendCommand", input).await;
    assert_eq!(status, 200, "{out}");
    out["Command"]["CommandId"].as_str().unwrap().to_string()
}

async fn invocation(sb: &Sandbox, command_id: &str, instance: &str) -> (u16, String, Value) {
    call(sb, "GetCommandInvocation", json!({"CommandId": command_id, "InstanceId": instance})).await
}

#[tokio::test]
async fn send_command_answers_the_command_and_records_what_ran() {
    let sb = Sandbox::start().await.unwrap();
    let input = json!({"DocumentName": "AWS-RunShellScript", "InstanceIds": [EC2_DEMO_WEB_1],
                       "Parameters": {"commands": ["uptime", "df -h"], "executionTimeout": ["600"]},
                       "TimeoutSeconds": 60, "Comment": "disk check"});
    let (status, _, out) = call(&sb, "SendCommand", input).await;
    assert_eq!(status, 200, "{out}");
    let c = &out["Command"];
    assert_eq!(c["Status"], "Pending");
    assert_eq!(c["DocumentName"], "AWS-RunShellScript");
    assert_eq!(c["InstanceIds"], json!([EC2_DEMO_WEB_1]));
    assert_eq!(c["Parameters"]["commands"], json!(["uptime", "df -h"]));
    assert_eq!(c["Comment"], "disk check");
    assert!(c["RequestedDateTime"].is_number(), "epoch seconds, a number: {c}");
    let id = c["CommandId"].as_str().unwrap();
    assert_eq!(id.len(), 36);

    let recorded = sb.ssm_commands();
    assert_eq!(recorded.len(), 1);
    assert_eq!(recorded[0].command_id, id);
    assert_eq!(recorded[0].instance_ids, [EC2_DEMO_WEB_1]);
    assert_eq!(recorded[0].commands, ["uptime", "df -h"]);
    assert_eq!((recorded[0].account.as_str(), recorded[0].region.as_str()), (DX_DEMO_ACCOUNT, REGION));

    let state: Value = reqwest::get(sb.url("/_sandbox/ssm")).await.unwrap().json().await.unwrap();
    assert_eq!(state["commands"][0]["command_id"], id);
}

#[tokio::test]
async fn unknown_documents_and_unmanaged_or_stopped_instances_are_refused() {
    let sb = Sandbox::start().await.unwrap();
    let (status, code, body) = call(
        &sb,
        "SendCommand",
        json!({"DocumentName": "AWS-ApplyPatchBaseline", "InstanceIds": [EC2_DEMO_WEB_1],
               "Parameters": {"commands": ["x"]}}),
    )
    .await;
    assert_eq!((status, code.as_str()), (400, "InvalidDocument"));
    assert_eq!(body["__type"], "InvalidDocument");
    assert!(body["Message"].is_string(), "SSM's member is Message: {body}");

    // batch-1 is stopped in the demo data.
    let stopped = json!({"DocumentName": "AWS-RunShellScript", "InstanceIds": [EC2_DEMO_BATCH_1],
                         "Parameters": {"commands": ["uptime"]}});
    let (status, code, body) = call(&sb, "SendCommand", stopped).await;
    assert_eq!((status, code.as_str()), (400, "InvalidInstanceId"));
    assert!(body["Message"].as_str().unwrap().contains(EC2_DEMO_BATCH_1), "{body}");

    sb.ssm_set_managed(EC2_DEMO_WEB_2, false);
    let offline = json!({"DocumentName": "AWS-RunShellScript", "InstanceIds": [EC2_DEMO_WEB_2],
                         "Parameters": {"commands": ["uptime"]}});
    let (_, code, _) = call(&sb, "SendCommand", offline.clone()).await;
    assert_eq!(code, "InvalidInstanceId");
    // Another account does not see the demo's instances at all.
    let (_, code, _) = call_as(&sb, "444455556666", REGION, "SendCommand", offline.clone()).await;
    assert_eq!(code, "InvalidInstanceId");
    assert!(sb.ssm_commands().is_empty(), "nothing refused is recorded as run");

    let back = reqwest::Client::new()
        .post(sb.url("/_sandbox/ssm"))
        .json(&json!({"action": "set_managed", "instance_id": EC2_DEMO_WEB_2, "managed": true}))
        .send()
        .await
        .unwrap();
    assert_eq!(back.status(), 200);
    assert_eq!(call(&sb, "SendCommand", offline).await.0, 200);
}

#[tokio::test]
async fn an_invocation_does_not_exist_right_after_the_send_then_runs_then_succeeds() {
    // Windows of seconds, not fixed sleeps: the test polls for each state, so a loaded
    // machine (a slow request, a late wake-up) cannot step over a window.
    let sb = Sandbox::start().await.unwrap();
    sb.ssm_set_visibility_delay(Duration::from_secs(2));
    sb.ssm_script(EC2_DEMO_WEB_1, "systemctl restart nginx", vec![SsmResult::success("restarted\n", 4000)]);
    let id = send(&sb, &[EC2_DEMO_WEB_1], &["systemctl restart nginx"]).await;

    let (status, code, body) = invocation(&sb, &id, EC2_DEMO_WEB_1).await;
    assert_eq!((status, code.as_str()), (400, "InvocationDoesNotExist"), "{body}");
    let (_, _, list) = call(&sb, "ListCommandInvocations", json!({"CommandId": id})).await;
    assert_eq!(list["CommandInvocations"], json!([]), "not listed in the window either");

    let deadline = std::time::Instant::now() + Duration::from_secs(20);
    let running = loop {
        let (status, _, v) = invocation(&sb, &id, EC2_DEMO_WEB_1).await;
        if status == 200 {
            break v;
        }
        assert!(std::time::Instant::now() < deadline, "never became visible: {v}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    assert_eq!((running["Status"].as_str(), running["ResponseCode"].as_i64()), (Some("InProgress"), Some(-1)));
    assert_eq!(running["StandardOutputContent"], "");
    assert_eq!(running["ExecutionEndDateTime"], "");

    let done = loop {
        let (_, _, v) = invocation(&sb, &id, EC2_DEMO_WEB_1).await;
        if v["Status"] != "InProgress" {
            break v;
        }
        assert!(std::time::Instant::now() < deadline, "never finished: {v}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    assert_eq!((done["Status"].as_str(), done["ResponseCode"].as_i64()), (Some("Success"), Some(0)));
    assert_eq!(done["StandardOutputContent"], "restarted\n");
    assert_eq!(done["PluginName"], "aws:runShellScript");
    assert!(done["ExecutionEndDateTime"].as_str().is_some_and(|s| s.ends_with('Z')), "{done}");
    assert!(done["ExecutionElapsedTime"].as_str().is_some_and(|s| s.starts_with("PT")), "{done}");
}

#[tokio::test]
async fn scripted_results_are_used_in_order_and_the_last_repeats() {
    let sb = Sandbox::start().await.unwrap();
    sb.ssm_set_visibility_delay(Duration::ZERO);
    sb.ssm_script(
        "*",
        "check-health",
        vec![SsmResult::failed(3, "unhealthy\n", 0), SsmResult::success("healthy\n", 0)],
    );
    let mut seen = Vec::new();
    for _ in 0..3 {
        let id = send(&sb, &[EC2_DEMO_WEB_1], &["/opt/check-health --json"]).await;
        let (_, _, inv) = invocation(&sb, &id, EC2_DEMO_WEB_1).await;
        seen.push((inv["Status"].as_str().unwrap().to_string(), inv["ResponseCode"].as_i64().unwrap()));
    }
    assert_eq!(seen, [("Failed".into(), 3), ("Success".into(), 0), ("Success".into(), 0)]);
    // Unscripted: success, empty, code 0 (after 100 ms).
    let id = send(&sb, &[EC2_DEMO_WEB_2], &["uptime"]).await;
    tokio::time::sleep(Duration::from_millis(150)).await;
    let (_, _, inv) = invocation(&sb, &id, EC2_DEMO_WEB_2).await;
    assert_eq!((inv["Status"].as_str(), inv["StandardOutputContent"].as_str()), (Some("Success"), Some("")));
}

#[tokio::test]
async fn a_command_past_its_execution_timeout_ends_timed_out() {
    let sb = Sandbox::start().await.unwrap();
    sb.ssm_set_visibility_delay(Duration::ZERO);
    // Runs an hour, allowed one second.
    sb.ssm_script("*", "sleep", vec![SsmResult::success("never\n", 3_600_000)]);
    let input = json!({"DocumentName": "AWS-RunShellScript", "InstanceIds": [EC2_DEMO_WEB_1],
                       "Parameters": {"commands": ["sleep 3600"], "executionTimeout": ["1"]}});
    let (_, _, out) = call(&sb, "SendCommand", input).await;
    let id = out["Command"]["CommandId"].as_str().unwrap().to_string();
    assert_eq!(invocation(&sb, &id, EC2_DEMO_WEB_1).await.2["Status"], "InProgress");
    tokio::time::sleep(Duration::from_millis(1100)).await;
    let (_, _, inv) = invocation(&sb, &id, EC2_DEMO_WEB_1).await;
    assert_eq!((inv["Status"].as_str(), inv["StatusDetails"].as_str()), (Some("TimedOut"), Some("ExecutionTimedOut")));
    assert_eq!(inv["ResponseCode"], -1);
    // A scripted TimedOut also answers -1.
    sb.ssm_script("*", "hang", vec![SsmResult::timed_out(0)]);
    let id = send(&sb, &[EC2_DEMO_WEB_1], &["hang"]).await;
    let (_, _, inv) = invocation(&sb, &id, EC2_DEMO_WEB_1).await;
    assert_eq!((inv["Status"].as_str(), inv["ResponseCode"].as_i64()), (Some("TimedOut"), Some(-1)));
}

#[tokio::test]
async fn get_command_invocation_checks_ids_as_ssm_does() {
    let sb = Sandbox::start().await.unwrap();
    let (status, code, _) = invocation(&sb, "not-a-uuid", EC2_DEMO_WEB_1).await;
    assert_eq!((status, code.as_str()), (400, "ValidationException"));
    let (_, code, body) = invocation(&sb, "zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz", EC2_DEMO_WEB_1).await;
    assert_eq!(code, "InvalidCommandId");
    assert_eq!(body, json!({"__type": "InvalidCommandId"}), "an empty structure in the model");
    let (_, code, _) = invocation(&sb, "0b4d6c3a-1111-4222-a333-444455556666", EC2_DEMO_WEB_1).await;
    assert_eq!(code, "InvocationDoesNotExist");
    sb.ssm_set_visibility_delay(Duration::ZERO);
    let id = send(&sb, &[EC2_DEMO_WEB_1], &["uptime"]).await;
    let (_, code, _) = invocation(&sb, &id, EC2_DEMO_WEB_2).await;
    assert_eq!(code, "InvocationDoesNotExist", "the command did not target web-2");
    let (_, code, _) = call_as(
        &sb,
        "444455556666",
        REGION,
        "GetCommandInvocation",
        json!({"CommandId": id, "InstanceId": EC2_DEMO_WEB_1}),
    )
    .await;
    assert_eq!(code, "InvocationDoesNotExist", "another account's command");
}

#[tokio::test]
async fn list_command_invocations_pages_newest_first_with_plugins_on_request() {
    let sb = Sandbox::start().await.unwrap();
    sb.ssm_set_visibility_delay(Duration::ZERO);
    sb.ssm_script("*", "boom", vec![SsmResult { stdout: "partial\n".into(), ..SsmResult::failed(2, "boom\n", 0) }]);
    let first = send(&sb, &[EC2_DEMO_WEB_1, EC2_DEMO_WEB_2], &["uptime"]).await;
    let second = send(&sb, &[EC2_DEMO_WEB_1], &["boom"]).await;

    let mut seen = Vec::new();
    let mut token: Option<String> = None;
    let mut pages = 0;
    loop {
        let mut input = json!({"MaxResults": 2});
        if let Some(t) = &token {
            input["NextToken"] = json!(t);
        }
        let (status, _, out) = call(&sb, "ListCommandInvocations", input).await;
        assert_eq!(status, 200, "{out}");
        pages += 1;
        for i in out["CommandInvocations"].as_array().unwrap() {
            assert_eq!(i["CommandPlugins"], json!([]), "no plugins without Details");
            seen.push((i["CommandId"].as_str().unwrap().to_string(), i["InstanceId"].as_str().unwrap().to_string()));
        }
        match out["NextToken"].as_str() {
            Some(t) => token = Some(t.to_string()),
            None => break,
        }
    }
    assert_eq!(pages, 2);
    assert_eq!(
        seen,
        [
            (second.clone(), EC2_DEMO_WEB_1.to_string()),
            (first.clone(), EC2_DEMO_WEB_1.to_string()),
            (first.clone(), EC2_DEMO_WEB_2.to_string())
        ]
    );

    let (_, _, out) = call(&sb, "ListCommandInvocations", json!({"CommandId": second, "Details": true})).await;
    let inv = &out["CommandInvocations"][0];
    assert_eq!(inv["Status"], "Failed");
    let plugin = &inv["CommandPlugins"][0];
    assert_eq!((plugin["Name"].as_str(), plugin["ResponseCode"].as_i64()), (Some("aws:runShellScript"), Some(2)));
    assert_eq!(plugin["Output"], "partial\n\n----------ERROR-------\nboom\n");
    assert!(plugin["ResponseFinishDateTime"].is_number());

    let (_, code, _) = call(&sb, "ListCommandInvocations", json!({"NextToken": "garbage"})).await;
    assert_eq!(code, "InvalidNextToken");
    let (_, code, _) = call(&sb, "ListCommandInvocations", json!({"MaxResults": 51})).await;
    assert_eq!(code, "ValidationException");
}

#[tokio::test]
async fn faults_reach_ssm_calls_by_target() {
    let sb = Sandbox::start().await.unwrap();
    sb.inject(Fault::aws_error(Some("AmazonSSM.SendCommand"), 400, "ThrottlingException", "Rate exceeded", 1));
    let input = json!({"DocumentName": "AWS-RunShellScript", "InstanceIds": [EC2_DEMO_WEB_1],
                       "Parameters": {"commands": ["uptime"]}});
    let (status, code, _) = call(&sb, "SendCommand", input.clone()).await;
    assert_eq!((status, code.as_str()), (400, "ThrottlingException"));
    assert!(sb.ssm_commands().is_empty(), "a faulted send ran nothing");
    assert_eq!(call(&sb, "SendCommand", input).await.0, 200, "used up");
    assert_eq!(sb.ssm_commands().len(), 1);
}

#[tokio::test]
async fn the_control_plane_scripts_outcomes_like_the_rust_api() {
    let sb = Sandbox::start().await.unwrap();
    let http = reqwest::Client::new();
    let post = |v: Value| http.post(sb.url("/_sandbox/ssm")).json(&v).send();
    let script = json!({"action": "script", "instance": EC2_DEMO_WEB_2, "contains": "df",
                        "results": [{"status": "Failed", "stderr": "disk full\n", "code": 28, "after_ms": 0}]});
    assert_eq!(post(script).await.unwrap().status(), 200);
    assert_eq!(post(json!({"action": "set_visibility_delay", "ms": 0})).await.unwrap().status(), 200);
    let empty = json!({"action": "script", "instance": "*", "contains": "x", "results": []});
    assert_eq!(post(empty).await.unwrap().status(), 400);
    assert_eq!(post(json!({"action": "reboot"})).await.unwrap().status(), 400);

    let id = send(&sb, &[EC2_DEMO_WEB_2], &["df -h /"]).await;
    let (_, _, inv) = invocation(&sb, &id, EC2_DEMO_WEB_2).await;
    assert_eq!((inv["Status"].as_str(), inv["ResponseCode"].as_i64()), (Some("Failed"), Some(28)));
    assert_eq!(inv["StandardErrorContent"], "disk full\n");
    // The script names web-2: the same command on web-1 is unscripted.
    let id = send(&sb, &[EC2_DEMO_WEB_1], &["df -h /"]).await;
    tokio::time::sleep(Duration::from_millis(150)).await;
    assert_eq!(invocation(&sb, &id, EC2_DEMO_WEB_1).await.2["Status"], "Success");
}
