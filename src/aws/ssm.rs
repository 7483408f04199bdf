//! SSM Run Command as the respond stage uses it: `SendCommand` to one instance and
//! `GetCommandInvocation` for its result, over the awsJson1_1 protocol (`POST /` with
//! `X-Amz-Target: AmazonSSM.<Op>` and a JSON body, SigV4 with the signing name `ssm`),
//! signed and sent by opskit itself like the Query services ([`crate::aws::query`]: its
//! endpoint overrides, signing, retries and failures), not by `aws-sdk-ssm`.
//!
//! References: [SendCommand](https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_SendCommand.html),
//! [GetCommandInvocation](https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_GetCommandInvocation.html),
//! [JSON errors](https://smithy.io/2.0/aws/protocols/aws-json-1_1-protocol.html#operation-error-serialization).
//!
//! An error answer is 4xx/5xx with `{"__type": "...", "message": "..."}`; the type may carry
//! a namespace (`com.amazonaws.ssm#InvalidInstanceId`) or a trailing `:uri`, both dropped.

use super::query::{self, QueryError, Service};
use aws_config::SdkConfig;
use serde::Deserialize;
use serde::de::DeserializeOwned;

/// SSM: signing name `ssm`, `AWS_ENDPOINT_URL_SSM`. The version is the model's; awsJson
/// requests do not carry it.
pub const SERVICE: Service = Service { name: "ssm", service_id: "SSM", version: "2014-11-06" };

const CONTENT_TYPE: &str = "application/x-amz-json-1.1";

/// The shortest `TimeoutSeconds` SendCommand accepts.
pub const MIN_DELIVERY_TIMEOUT_S: u64 = 30;

/// What GetCommandInvocation said about one instance's run of a command.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Invocation {
    /// Pending, InProgress, Delayed, Success, Cancelled, TimedOut, Failed, Cancelling.
    #[serde(default)]
    pub status: String,
    /// The commands' exit code; -1 while they have not run.
    #[serde(default = "not_run")]
    pub response_code: i64,
    #[serde(default, rename = "StandardOutputContent")]
    pub stdout: String,
    #[serde(default, rename = "StandardErrorContent")]
    pub stderr: String,
    /// Finer than `status` (`Undeliverable`, `DeliveryTimedOut`, `ExecutionTimedOut`, …).
    #[serde(default)]
    pub status_details: String,
}

fn not_run() -> i64 {
    -1
}

impl Invocation {
    /// Whether the command is over on the instance (nothing will change any more).
    pub fn is_terminal(&self) -> bool {
        matches!(self.status.as_str(), "Success" | "Failed" | "TimedOut" | "Cancelled")
    }
}

/// Run `commands` with `document` (AWS-RunShellScript, AWS-RunPowerShellScript: both take
/// `commands` and `executionTimeout`) on `instance`, each run cut off after
/// `execution_timeout_s`; SSM gives up delivering it after the same time (at least
/// [`MIN_DELIVERY_TIMEOUT_S`]). Returns the command id.
pub async fn send_command(
    cfg: &SdkConfig,
    instance: &str,
    document: &str,
    commands: &[String],
    execution_timeout_s: u64,
    comment: &str,
) -> Result<String, QueryError> {
    let body = send_command_body(instance, document, commands, execution_timeout_s, comment);
    // Retried only when SSM surely did not take it (no connection, throttled): after a
    // timeout or a 5xx the command may be running already, and a recover step must not run
    // twice. Such a failure is the step's error; the audit trail says so.
    let answer: SendCommandAnswer = call_retrying(cfg, "SendCommand", &body, not_taken).await?;
    answer.command.and_then(|c| c.command_id).filter(|id| !id.is_empty()).ok_or_else(|| QueryError::Answer {
        status: 200,
        body: Vec::new(),
        why: "the SendCommand answer names no Command.CommandId".into(),
    })
}

/// The body of SendCommand (its own function so a test can read it).
pub fn send_command_body(
    instance: &str,
    document: &str,
    commands: &[String],
    execution_timeout_s: u64,
    comment: &str,
) -> serde_json::Value {
    let execution = execution_timeout_s.max(1);
    serde_json::json!({
        "DocumentName": document,
        "InstanceIds": [instance],
        "Parameters": {
            "commands": commands,
            "executionTimeout": [execution.to_string()],
        },
        "TimeoutSeconds": execution.max(MIN_DELIVERY_TIMEOUT_S),
        "Comment": comment,
    })
}

#[derive(Debug, Deserialize)]
struct SendCommandAnswer {
    #[serde(rename = "Command")]
    command: Option<Command>,
}

#[derive(Debug, Deserialize)]
struct Command {
    #[serde(rename = "CommandId")]
    command_id: Option<String>,
}

/// The invocation of `command_id` on `instance`, `None` while SSM does not know it yet
/// (`InvocationDoesNotExist`, which it answers for a moment after SendCommand).
pub async fn get_command_invocation(
    cfg: &SdkConfig,
    command_id: &str,
    instance: &str,
) -> Result<Option<Invocation>, QueryError> {
    let body = serde_json::json!({ "CommandId": command_id, "InstanceId": instance });
    match call::<Invocation>(cfg, "GetCommandInvocation", &body).await {
        Ok(i) => Ok(Some(i)),
        Err(QueryError::Service { code, .. }) if code == "InvocationDoesNotExist" => Ok(None),
        Err(e) => Err(e),
    }
}

/// Call `op` with `body`, retried as [`QueryError::retryable`] says, and read the answer.
pub async fn call<T: DeserializeOwned>(cfg: &SdkConfig, op: &str, body: &serde_json::Value) -> Result<T, QueryError> {
    call_retrying(cfg, op, body, QueryError::retryable).await
}

/// Whether a failed call surely never reached SSM's handling: no connection was made, or it
/// was throttled. Only then is a call that acts (SendCommand) tried again.
pub fn not_taken(e: &QueryError) -> bool {
    match e {
        QueryError::Transport(t) => t.is_connect(),
        QueryError::Service { code, .. } => code == "ThrottlingException" || code == "Throttling",
        QueryError::Answer { status, .. } => *status == 429,
        QueryError::Credentials(_) | QueryError::Request(_) => false,
    }
}

/// [`call`], retried when `retry` says so.
pub async fn call_retrying<T: DeserializeOwned>(
    cfg: &SdkConfig,
    op: &str,
    body: &serde_json::Value,
    retry: fn(&QueryError) -> bool,
) -> Result<T, QueryError> {
    let body = body.to_string();
    query::with_retries(op, retry, || once(cfg, op, &body)).await
}

async fn once<T: DeserializeOwned>(cfg: &SdkConfig, op: &str, body: &str) -> Result<T, QueryError> {
    json_once(cfg, &SERVICE, &format!("AmazonSSM.{op}"), op, body).await
}

/// One awsJson1_1 call of `service`: `target` (`AmazonSSM.SendCommand`) with `body`, its
/// answer read into `T` (SSM, ACM and the other JSON services share the shape).
pub(super) async fn json_once<T: DeserializeOwned>(
    cfg: &SdkConfig,
    service: &Service,
    target: &str,
    op: &str,
    body: &str,
) -> Result<T, QueryError> {
    let headers = [("content-type", CONTENT_TYPE), ("x-amz-target", target)];
    let resp = query::signed_post(cfg, service, &headers, body.to_string()).await?;
    let status = resp.status().as_u16();
    let request_id = resp.headers().get("x-amzn-requestid").and_then(|v| v.to_str().ok()).map(str::to_string);
    let bytes = resp.bytes().await.map_err(QueryError::Transport)?;
    read_answer(op, status, &bytes, request_id)
}

/// An awsJson answer's status and body as `T`, or why not.
pub fn read_answer<T: DeserializeOwned>(
    op: &str,
    status: u16,
    body: &[u8],
    request_id: Option<String>,
) -> Result<T, QueryError> {
    // awsJson1_1 errors carry their code in the body's `__type`, as restJson1's may.
    super::rest_json::read_answer(op, status, body, None, request_id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::aws::failure::Kind;

    // The examples of the API reference's GetCommandInvocation page.
    const INVOCATION: &str = r#"{
        "CommandId": "ef7fdfd8-9b57-4151-a15c-db9a12345678",
        "InstanceId": "i-02573cafcfEXAMPLE",
        "Comment": "b48291dd-ba76-43e0-b9df-13e11ddaac26:6960febb-2907-4b59-8e1a-d6ce8EXAMPLE",
        "DocumentName": "AWS-UpdateSSMAgent",
        "DocumentVersion": "",
        "PluginName": "aws:updateSsmAgent",
        "ResponseCode": 0,
        "ExecutionStartDateTime": "2020-02-19T18:18:03.419Z",
        "ExecutionElapsedTime": "PT0.091S",
        "ExecutionEndDateTime": "2020-02-19T18:18:03.419Z",
        "Status": "Success",
        "StatusDetails": "Success",
        "StandardOutputContent": "Updating amazon-ssm-agent from 2.3.842.0 to latest\nSuccessfully downloaded https://s3.us-east-1.amazonaws.com/amazon-ssm-us-east-1/ssm-agent-manifest.json\namazon-ssm-agent 2.3.842.0 has already been installed, update skipped\n",
        "StandardOutputUrl": "",
        "StandardErrorContent": "",
        "StandardErrorUrl": "",
        "CloudWatchOutputConfig": { "CloudWatchLogGroupName": "", "CloudWatchOutputEnabled": false }
    }"#;

    #[test]
    fn a_finished_invocation_reads_status_exit_code_and_output() {
        let i: Invocation = read_answer("GetCommandInvocation", 200, INVOCATION.as_bytes(), None).unwrap();
        assert_eq!((i.status.as_str(), i.response_code, i.status_details.as_str()), ("Success", 0, "Success"));
        assert!(i.stdout.starts_with("Updating amazon-ssm-agent"));
        assert!(i.is_terminal());
    }

    #[test]
    fn a_pending_invocation_has_not_run_and_is_not_over() {
        let body = r#"{"CommandId":"c","InstanceId":"i-0123456789abcdef0","Status":"InProgress","StatusDetails":"InProgress","ResponseCode":-1,"StandardOutputContent":"","StandardErrorContent":""}"#;
        let i: Invocation = read_answer("GetCommandInvocation", 200, body.as_bytes(), None).unwrap();
        assert_eq!(i.response_code, -1);
        assert!(!i.is_terminal());
        let failed =
            r#"{"Status":"Failed","StatusDetails":"Failed","ResponseCode":2,"StandardErrorContent":"disk full"}"#;
        let f: Invocation = read_answer("GetCommandInvocation", 200, failed.as_bytes(), None).unwrap();
        assert_eq!((f.is_terminal(), f.response_code, f.stderr.as_str()), (true, 2, "disk full"));
    }

    #[test]
    fn json_errors_carry_the_code_without_its_namespace_and_classify_like_the_sdks() {
        let e = read_answer::<Invocation>(
            "GetCommandInvocation",
            400,
            br#"{"__type":"com.amazonaws.ssm#InvocationDoesNotExist","message":""}"#,
            Some("r-1".into()),
        )
        .unwrap_err();
        let QueryError::Service { code, request_id, .. } = &e else { panic!("{e:?}") };
        assert_eq!((code.as_str(), request_id.as_deref()), ("InvocationDoesNotExist", Some("r-1")));

        let denied = read_answer::<Invocation>(
            "SendCommand",
            400,
            br#"{"__type":"AccessDeniedException","Message":"User: arn:aws:sts::111122223333:assumed-role/R/s is not authorized to perform: ssm:SendCommand on resource: arn:aws:ec2:us-east-1:111122223333:instance/i-0123456789abcdef0"}"#,
            None,
        )
        .unwrap_err();
        assert!(!denied.retryable());
        let f = denied.failure("SendCommand");
        assert_eq!(f.kind, Kind::AccessDenied);
        assert_eq!(f.line(), "SendCommand: AccessDeniedException: not authorized to perform ssm:SendCommand");

        let throttled = read_answer::<Invocation>(
            "GetCommandInvocation",
            400,
            br#"{"__type":"ThrottlingException:http://internal.amazon.com/coral/com.amazon.coral.availability/","message":"Rate exceeded"}"#,
            None,
        )
        .unwrap_err();
        assert!(throttled.retryable(), "throttling is retried with backoff");
        assert_eq!(throttled.failure("GetCommandInvocation").kind, Kind::Throttled);

        let internal =
            read_answer::<Invocation>("SendCommand", 500, br#"{"__type":"InternalServerError"}"#, None).unwrap_err();
        assert!(internal.retryable());
    }

    #[test]
    fn an_answer_that_is_not_ssms_json_fails_naming_why_never_an_empty_invocation() {
        let html = read_answer::<Invocation>("GetCommandInvocation", 200, b"<html>portal</html>", None).unwrap_err();
        assert!(matches!(&html, QueryError::Answer { why, .. } if why == "the answer is not JSON"), "{html:?}");
        let proxy = read_answer::<Invocation>("GetCommandInvocation", 502, b"Bad Gateway", None).unwrap_err();
        assert!(matches!(&proxy, QueryError::Answer { status: 502, .. }), "{proxy:?}");
        let no_id = read_answer::<SendCommandAnswer>("SendCommand", 200, br#"{"Command":{}}"#, None).unwrap();
        assert!(no_id.command.unwrap().command_id.is_none());
    }

    #[test]
    fn a_send_command_is_tried_again_only_when_ssm_surely_did_not_take_it() {
        let service = |status: u16, code: &str| QueryError::Service {
            status,
            code: code.into(),
            message: None,
            request_id: None,
        };
        assert!(not_taken(&service(400, "ThrottlingException")));
        assert!(!not_taken(&service(500, "InternalServerError")), "a 5xx may have run it");
        assert!(!not_taken(&QueryError::Answer { status: 503, body: Vec::new(), why: String::new() }));
        assert!(not_taken(&QueryError::Answer { status: 429, body: Vec::new(), why: String::new() }));
    }

    #[test]
    fn send_command_asks_for_the_step_timeout_and_at_least_thirty_seconds_of_delivery() {
        let b = send_command_body("i-0123456789abcdef0", "AWS-RunShellScript", &["uptime".into()], 10, "c");
        assert_eq!(b["InstanceIds"], serde_json::json!(["i-0123456789abcdef0"]));
        assert_eq!(b["Parameters"]["commands"], serde_json::json!(["uptime"]));
        assert_eq!(b["Parameters"]["executionTimeout"], serde_json::json!(["10"]));
        assert_eq!(b["TimeoutSeconds"], serde_json::json!(30));
        let long = send_command_body("i-0123456789abcdef0", "AWS-RunShellScript", &[], 600, "c");
        assert_eq!(long["TimeoutSeconds"], serde_json::json!(600));
    }
}
