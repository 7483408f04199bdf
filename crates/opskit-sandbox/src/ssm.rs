//! Fake of AWS Systems Manager Run Command (API 2014-11-06, awsJson1_1): SendCommand,
//! GetCommandInvocation and ListCommandInvocations on the sandbox's EC2 instances, with
//! scripted outcomes ([`Sandbox::ssm_script`], or `POST /_sandbox/ssm`).
//!
//! Wire facts (SSM API reference; the error shapes from the SSM smithy model as the AWS SDKs
//! generate it): a call is `POST /` with `X-Amz-Target: AmazonSSM.<Operation>`, `Content-Type:
//! application/x-amz-json-1.1`, signed for `ssm`. An error is 400 with `x-amzn-ErrorType` and
//! `{"__type": "<Code>", "Message": ".."}`: SSM's error structures name their member
//! `Message` (capital M). `InvocationDoesNotExist` and `InvalidCommandId` are empty structures
//! in the model, so their body is `{"__type": ..}` alone (the CLI prints an empty message).
//! `RequestedDateTime`, `ExpiresAfter` and a plugin's `ResponseStartDateTime`/
//! `ResponseFinishDateTime` are epoch seconds (numbers); GetCommandInvocation's
//! `ExecutionStartDateTime`/`ExecutionEndDateTime` are ISO 8601 strings and
//! `ExecutionElapsedTime` an ISO 8601 duration (`PT0.118S`), empty strings while not known.
//! `StandardOutputContent` holds the first 24,000 characters, `StandardErrorContent` the
//! first 8,000, a plugin's `Output` the first 2,500 (stdout, then stderr after
//! `----------ERROR-------`). `ResponseCode` is -1 while the command has not finished.
//!
//! The sandbox's rules:
//! - Documents: `AWS-RunShellScript` (plugin `aws:runShellScript`) and
//!   `AWS-RunPowerShellScript` (`aws:runPowerShellScript`); any other is `InvalidDocument`.
//!   `Parameters.commands` is required (`InvalidParameters` without it).
//! - Managed instances: every EC2 instance of the caller's (account, region) that is
//!   `running` (`ec2.rs`), unless marked unmanaged ([`Sandbox::ssm_set_managed`]). Anything
//!   else in `InstanceIds` is `InvalidInstanceId` ("Instances [[i-..]] not in a valid state
//!   for account ..", AWS's wording).
//! - Time: for a short window after SendCommand (200 ms unless
//!   [`Sandbox::ssm_set_visibility_delay`] says otherwise) the invocations do not exist yet:
//!   GetCommandInvocation is `InvocationDoesNotExist` and ListCommandInvocations leaves them
//!   out, as the real service does right after a send. Then an invocation is `InProgress`
//!   until its outcome's `after_ms` (wall clock since SendCommand), then reaches the outcome.
//!   A command running past `Parameters.executionTimeout` (default 3600 s) ends `TimedOut`
//!   at that limit (`StatusDetails` `ExecutionTimedOut`, `ResponseCode` -1). `TimeoutSeconds`
//!   is, as the reference says, the time a command may wait to *start* (delivery timeout,
//!   30–2592000, `ExpiresAfter` counts it); the sandbox delivers at once, so it never ends a
//!   command here.
//! - Outcomes: scripts registered per (instance or `*`, substring of the commands joined by
//!   newlines), newest registration first; each holds a list of results used in order, the
//!   last one repeating. Without a script: `Success`, no output, code 0, after 100 ms.
//!   `Failed` answers the script's code (1 when it gives none), `TimedOut` -1.
//! - ListCommandInvocations lists newest first, `MaxResults` 1–50 (50 by default), and
//!   `CommandPlugins` only with `Details: true`. A token we did not issue is `InvalidNextToken`.

use super::aws::{self, Call, Input};
use super::{Reply, Sandbox, Shared, lock};
use serde_json::{Value, json};
use std::collections::HashSet;

pub(crate) const TARGET_PREFIX: &str = "AmazonSSM";
const SHELL: &str = "AWS-RunShellScript";
const POWERSHELL: &str = "AWS-RunPowerShellScript";
const DEFAULT_VISIBILITY_MS: u64 = 200;
const UNSCRIPTED_AFTER_MS: u64 = 100;
const DEFAULT_EXECUTION_TIMEOUT_SECS: u64 = 3600;
const DEFAULT_DELIVERY_TIMEOUT_SECS: u64 = 3600;
const STDOUT_LIMIT: usize = 24_000;
const STDERR_LIMIT: usize = 8_000;
const PLUGIN_OUTPUT_LIMIT: usize = 2_500;
const LIST_CAP: usize = 50;

/// How a scripted command ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum SsmStatus {
    Success,
    Failed,
    TimedOut,
}

/// One scripted outcome of a command on an instance (see [`Sandbox::ssm_script`]).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct SsmResult {
    pub status: SsmStatus,
    pub stdout: String,
    pub stderr: String,
    /// The exit code; `None`: 0 for Success, 1 for Failed (TimedOut is always -1).
    pub code: Option<i64>,
    /// How long the invocation runs (wall clock since SendCommand) before it ends.
    pub after_ms: u64,
}

impl Default for SsmResult {
    fn default() -> SsmResult {
        SsmResult {
            status: SsmStatus::Success,
            stdout: String::new(),
            stderr: String::new(),
            code: None,
            after_ms: UNSCRIPTED_AFTER_MS,
        }
    }
}

impl SsmResult {
    pub fn success(stdout: &str, after_ms: u64) -> SsmResult {
        SsmResult { stdout: stdout.to_string(), after_ms, ..SsmResult::default() }
    }

    pub fn failed(code: i64, stderr: &str, after_ms: u64) -> SsmResult {
        SsmResult {
            status: SsmStatus::Failed,
            stderr: stderr.to_string(),
            code: Some(code),
            after_ms,
            ..SsmResult::default()
        }
    }

    pub fn timed_out(after_ms: u64) -> SsmResult {
        SsmResult { status: SsmStatus::TimedOut, after_ms, ..SsmResult::default() }
    }
}

/// One SendCommand the sandbox accepted, as [`Sandbox::ssm_commands`] records it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SsmCommand {
    pub command_id: String,
    pub account: String,
    pub region: String,
    pub instance_ids: Vec<String>,
    pub document_name: String,
    pub commands: Vec<String>,
    pub comment: String,
    pub at: jiff::Timestamp,
}

struct Script {
    instance: String,
    contains: String,
    results: Vec<SsmResult>,
    used: usize,
}

struct Invocation {
    instance_id: String,
    instance_name: String,
    result: SsmResult,
}

struct Command {
    sent: SsmCommand,
    parameters: Value,
    timeout_secs: Option<u64>,
    limit_ms: u64,
    invocations: Vec<Invocation>,
}

pub(crate) struct Ssm {
    commands: Vec<Command>,
    scripts: Vec<Script>,
    unmanaged: HashSet<String>,
    visibility_ms: u64,
}

impl Default for Ssm {
    fn default() -> Ssm {
        Ssm {
            commands: Vec::new(),
            scripts: Vec::new(),
            unmanaged: HashSet::new(),
            visibility_ms: DEFAULT_VISIBILITY_MS,
        }
    }
}

impl Ssm {
    fn outcome_for(&mut self, instance: &str, joined: &str) -> SsmResult {
        let script = self
            .scripts
            .iter_mut()
            .rev()
            .find(|s| (s.instance == "*" || s.instance == instance) && joined.contains(&s.contains));
        match script {
            Some(s) if !s.results.is_empty() => {
                let r = s.results[s.used.min(s.results.len() - 1)].clone();
                s.used += 1;
                r
            }
            _ => SsmResult::default(),
        }
    }
}

/// Where an invocation stands `elapsed_ms` after its SendCommand.
enum Phase {
    Invisible,
    InProgress,
    /// Status, status details, response code, when it ended (ms after the send).
    Done(&'static str, &'static str, i64, u64),
}

fn phase(visibility_ms: u64, limit_ms: u64, r: &SsmResult, elapsed_ms: u64) -> Phase {
    if elapsed_ms < visibility_ms {
        return Phase::Invisible;
    }
    let end = r.after_ms.min(limit_ms);
    if elapsed_ms < end {
        return Phase::InProgress;
    }
    if r.after_ms > limit_ms {
        return Phase::Done("TimedOut", "ExecutionTimedOut", -1, end);
    }
    match r.status {
        SsmStatus::Success => Phase::Done("Success", "Success", r.code.unwrap_or(0), end),
        SsmStatus::Failed => Phase::Done("Failed", "Failed", r.code.unwrap_or(1), end),
        SsmStatus::TimedOut => Phase::Done("TimedOut", "ExecutionTimedOut", -1, end),
    }
}

fn plugin_of(document: &str) -> &'static str {
    if document == POWERSHELL { "aws:runPowerShellScript" } else { "aws:runShellScript" }
}

fn truncate(s: &str, n: usize) -> String {
    s.chars().take(n).collect()
}

fn epoch(t: jiff::Timestamp) -> Value {
    json!(t.as_millisecond() as f64 / 1000.0)
}

fn iso(t: jiff::Timestamp) -> String {
    t.strftime("%Y-%m-%dT%H:%M:%S%.3fZ").to_string()
}

fn after(t: jiff::Timestamp, ms: u64) -> jiff::Timestamp {
    t.checked_add(jiff::SignedDuration::from_millis(ms as i64)).unwrap_or(t)
}

fn elapsed_since(t: jiff::Timestamp) -> u64 {
    u64::try_from(jiff::Timestamp::now().as_millisecond() - t.as_millisecond()).unwrap_or(0)
}

/// SSM's error: `{"__type", "Message"}`; `None` for the model's empty structures.
fn error(code: &str, message: Option<&str>) -> Reply {
    let body = match message {
        Some(m) => json!({"__type": code, "Message": m}),
        None => json!({"__type": code}),
    };
    Reply { status: 400, headers: aws::error_headers(code), body: body.to_string().into_bytes() }
}

fn validation(value: &str, member: &str, constraint: &str) -> Reply {
    let message = aws::constraint_message(value, member, constraint);
    Reply {
        status: 400,
        headers: aws::error_headers("ValidationException"),
        body: json!({"__type": "ValidationException", "message": message}).to_string().into_bytes(),
    }
}

fn is_uuid(s: &str) -> bool {
    let lens: Vec<usize> = s.split('-').map(str::len).collect();
    lens == [8, 4, 4, 4, 12] && s.chars().all(|c| c == '-' || c.is_ascii_hexdigit())
}

fn instance_id_ok(id: &str) -> bool {
    let word = |s: &str, n: &[usize]| n.contains(&s.len()) && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    id.strip_prefix("i-").is_some_and(|r| word(r, &[8, 17])) || id.strip_prefix("mi-").is_some_and(|r| word(r, &[17]))
}

/// An awsJson call to `AmazonSSM.*`.
pub(crate) fn handle(shared: &Shared, call: &Call) -> Reply {
    let input = match call.input() {
        Ok(i) => i,
        Err(r) => return r,
    };
    let answered = match call.operation {
        "SendCommand" => send_command(shared, call, &input),
        "GetCommandInvocation" => get_command_invocation(shared, call, &input),
        "ListCommandInvocations" => list_command_invocations(shared, call, &input),
        _ => Err(aws::unknown_operation(call.target)),
    };
    answered.unwrap_or_else(|e| e)
}

fn string_list(parameters: &Value, name: &str) -> Option<Vec<String>> {
    parameters.get(name)?.as_array()?.iter().map(|v| v.as_str().map(str::to_string)).collect()
}

fn send_command(shared: &Shared, call: &Call, input: &Input) -> Result<Reply, Reply> {
    let Some(document) = input.string("DocumentName")? else {
        return Err(validation("null", "documentName", "Member must not be null"));
    };
    if document != SHELL && document != POWERSHELL {
        return Err(error("InvalidDocument", Some(&format!("Document {document} does not exist in your account."))));
    }
    let ids: Vec<String> = input.strings("InstanceIds")?.unwrap_or_default().into_iter().map(str::to_string).collect();
    if ids.is_empty() {
        return Err(error("InvalidParameters", Some("InstanceIds or Targets must be given.")));
    }
    if ids.len() > 50 {
        return Err(validation(&format!("{ids:?}"), "instanceIds", "Member must have length less than or equal to 50"));
    }
    let parameters = input.value("Parameters").cloned().unwrap_or_else(|| json!({}));
    let Some(commands) = string_list(&parameters, "commands").filter(|c| !c.is_empty()) else {
        return Err(error("InvalidParameters", Some("Parameter \"commands\" is required.")));
    };
    let execution_timeout = match string_list(&parameters, "executionTimeout").and_then(|v| v.into_iter().next()) {
        None => DEFAULT_EXECUTION_TIMEOUT_SECS,
        Some(v) => match v.parse::<u64>() {
            Ok(n) if (1..=172_800).contains(&n) => n,
            _ => return Err(error("InvalidParameters", Some("Parameter \"executionTimeout\" is not valid."))),
        },
    };
    let timeout_secs = input.integer("TimeoutSeconds")?;
    if let Some(t) = timeout_secs
        && !(30..=2_592_000).contains(&t)
    {
        return Err(validation(&t.to_string(), "timeoutSeconds", "Member must have value between 30 and 2592000"));
    }
    let timeout_secs = timeout_secs.map(|t| t as u64);
    // TimeoutSeconds is the delivery timeout: the sandbox delivers at once, so only the
    // execution timeout ends a running command.
    let limit_ms = execution_timeout * 1000;
    let comment = input.string("Comment")?.unwrap_or("").to_string();
    let (account, region) = (call.caller.account.clone(), call.caller.region.clone());

    let mut names = Vec::with_capacity(ids.len());
    {
        let ec2 = crate::read(&shared.ec2);
        let ssm = lock(&shared.ssm);
        let bad: Vec<&str> = ids
            .iter()
            .filter(|id| {
                let running =
                    ec2.instance(&account, &region, id).is_some_and(|i| i["instanceState"]["name"] == "running");
                !running || ssm.unmanaged.contains(id.as_str())
            })
            .map(String::as_str)
            .collect();
        if !bad.is_empty() {
            let list = bad.join(", ");
            return Err(error(
                "InvalidInstanceId",
                Some(&format!("Instances [[{list}]] not in a valid state for account {account}")),
            ));
        }
        for id in &ids {
            let body = ec2.instance(&account, &region, id).unwrap_or_default();
            names.push(body["privateDnsName"].as_str().unwrap_or("").to_string());
        }
    }
    let now = jiff::Timestamp::now();
    let command_id = aws::request_id();
    let joined = commands.join("\n");
    let mut ssm = lock(&shared.ssm);
    let invocations = ids
        .iter()
        .zip(names)
        .map(|(id, name)| Invocation {
            instance_id: id.clone(),
            instance_name: name,
            result: ssm.outcome_for(id, &joined),
        })
        .collect();
    let sent = SsmCommand {
        command_id,
        account,
        region,
        instance_ids: ids,
        document_name: document.to_string(),
        commands,
        comment,
        at: now,
    };
    let cmd = Command { sent, parameters, timeout_secs, limit_ms, invocations };
    let answer = json!({"Command": command_json(&cmd)});
    ssm.commands.push(cmd);
    Ok(aws::reply(&answer))
}

fn command_json(c: &Command) -> Value {
    let s = &c.sent;
    let expires = after(s.at, c.timeout_secs.unwrap_or(DEFAULT_DELIVERY_TIMEOUT_SECS) * 1000 + c.limit_ms);
    json!({
        "CommandId": s.command_id, "DocumentName": s.document_name, "DocumentVersion": "$DEFAULT",
        "Comment": s.comment, "ExpiresAfter": epoch(expires), "Parameters": c.parameters,
        "InstanceIds": s.instance_ids, "Targets": [], "RequestedDateTime": epoch(s.at),
        "Status": "Pending", "StatusDetails": "Pending", "OutputS3Region": s.region,
        "OutputS3BucketName": "", "OutputS3KeyPrefix": "", "MaxConcurrency": "50", "MaxErrors": "0",
        "TargetCount": s.instance_ids.len(), "CompletedCount": 0, "ErrorCount": 0, "DeliveryTimedOutCount": 0,
        "ServiceRole": "", "NotificationConfig": {"NotificationArn": "", "NotificationEvents": [], "NotificationType": ""},
        "CloudWatchOutputConfig": {"CloudWatchLogGroupName": "", "CloudWatchOutputEnabled": false},
        "TimeoutSeconds": c.timeout_secs, "TriggeredAlarms": [],
    })
}

/// What one invocation shows now: status, details, code, start, end (None while running).
struct Shown {
    status: &'static str,
    details: &'static str,
    code: i64,
    end: Option<jiff::Timestamp>,
    finished: bool,
}

fn shown(ssm: &Ssm, c: &Command, inv: &Invocation) -> Option<Shown> {
    match phase(ssm.visibility_ms, c.limit_ms, &inv.result, elapsed_since(c.sent.at)) {
        Phase::Invisible => None,
        Phase::InProgress => {
            Some(Shown { status: "InProgress", details: "InProgress", code: -1, end: None, finished: false })
        }
        Phase::Done(status, details, code, end_ms) => {
            Some(Shown { status, details, code, end: Some(after(c.sent.at, end_ms)), finished: true })
        }
    }
}

fn plugin_output(r: &SsmResult) -> String {
    let mut out = r.stdout.clone();
    if !r.stderr.is_empty() {
        out.push_str("\n----------ERROR-------\n");
        out.push_str(&r.stderr);
    }
    truncate(&out, PLUGIN_OUTPUT_LIMIT)
}

fn get_command_invocation(shared: &Shared, call: &Call, input: &Input) -> Result<Reply, Reply> {
    let Some(command_id) = input.string("CommandId")? else {
        return Err(validation("null", "commandId", "Member must not be null"));
    };
    if command_id.len() != 36 {
        return Err(validation(command_id, "commandId", "Member must have length equal to 36"));
    }
    if !is_uuid(command_id) {
        return Err(error("InvalidCommandId", None));
    }
    let Some(instance_id) = input.string("InstanceId")? else {
        return Err(validation("null", "instanceId", "Member must not be null"));
    };
    if !instance_id_ok(instance_id) {
        return Err(validation(
            instance_id,
            "instanceId",
            "Member must satisfy regular expression pattern: (^i-(\\w{8}|\\w{17})$)|(^mi-\\w{17}$)",
        ));
    }
    let ssm = lock(&shared.ssm);
    let found = ssm.commands.iter().find(|c| {
        c.sent.command_id == command_id && c.sent.account == call.caller.account && c.sent.region == call.caller.region
    });
    let Some((c, inv)) = found.and_then(|c| Some((c, c.invocations.iter().find(|i| i.instance_id == instance_id)?)))
    else {
        return Err(error("InvocationDoesNotExist", None));
    };
    let Some(now) = shown(&ssm, c, inv) else {
        return Err(error("InvocationDoesNotExist", None));
    };
    let plugin = plugin_of(&c.sent.document_name);
    if let Some(p) = input.string("PluginName")?
        && p != plugin
    {
        return Err(error("InvalidPluginName", None));
    }
    let r = &inv.result;
    let (stdout, stderr) = if now.finished { (r.stdout.as_str(), r.stderr.as_str()) } else { ("", "") };
    let end = now.end.map(iso).unwrap_or_default();
    let elapsed = now.end.map_or(String::new(), |e| {
        format!("PT{:.3}S", (e.as_millisecond() - c.sent.at.as_millisecond()) as f64 / 1000.0)
    });
    Ok(aws::reply(&json!({
        "CommandId": c.sent.command_id, "InstanceId": inv.instance_id, "Comment": c.sent.comment,
        "DocumentName": c.sent.document_name, "DocumentVersion": "$DEFAULT", "PluginName": plugin,
        "ResponseCode": now.code, "ExecutionStartDateTime": iso(c.sent.at), "ExecutionElapsedTime": elapsed,
        "ExecutionEndDateTime": end, "Status": now.status, "StatusDetails": now.details,
        "StandardOutputContent": truncate(stdout, STDOUT_LIMIT), "StandardOutputUrl": "",
        "StandardErrorContent": truncate(stderr, STDERR_LIMIT), "StandardErrorUrl": "",
        "CloudWatchOutputConfig": {"CloudWatchLogGroupName": "", "CloudWatchOutputEnabled": false},
    })))
}

fn list_command_invocations(shared: &Shared, call: &Call, input: &Input) -> Result<Reply, Reply> {
    let command_id = input.string("CommandId")?;
    let instance_id = input.string("InstanceId")?;
    let details = input.boolean("Details")?.unwrap_or(false);
    let max_results = input.integer("MaxResults")?;
    if let Some(n) = max_results
        && !(1..=50).contains(&n)
    {
        return Err(validation(&n.to_string(), "maxResults", "Member must have value between 1 and 50"));
    }
    let ssm = lock(&shared.ssm);
    let mut items = Vec::new();
    for c in ssm.commands.iter().rev() {
        let s = &c.sent;
        if s.account != call.caller.account || s.region != call.caller.region {
            continue;
        }
        if command_id.is_some_and(|id| id != s.command_id) {
            continue;
        }
        for inv in &c.invocations {
            if instance_id.is_some_and(|id| id != inv.instance_id) {
                continue;
            }
            let Some(now) = shown(&ssm, c, inv) else { continue };
            let plugins = if details {
                let r = &inv.result;
                json!([{
                    "Name": plugin_of(&s.document_name), "Status": now.status, "StatusDetails": now.details,
                    "ResponseCode": now.code, "ResponseStartDateTime": epoch(s.at),
                    "ResponseFinishDateTime": now.end.map(epoch),
                    "Output": if now.finished { plugin_output(r) } else { String::new() },
                    "StandardOutputUrl": "", "StandardErrorUrl": "", "OutputS3Region": s.region,
                    "OutputS3BucketName": "", "OutputS3KeyPrefix": "",
                }])
            } else {
                json!([])
            };
            items.push(json!({
                "CommandId": s.command_id, "InstanceId": inv.instance_id, "InstanceName": inv.instance_name,
                "Comment": s.comment, "DocumentName": s.document_name, "DocumentVersion": "$DEFAULT",
                "RequestedDateTime": epoch(s.at), "Status": now.status, "StatusDetails": now.details,
                "TraceOutput": "", "StandardOutputUrl": "", "StandardErrorUrl": "", "CommandPlugins": plugins,
                "ServiceRole": "",
                "NotificationConfig": {"NotificationArn": "", "NotificationEvents": [], "NotificationType": ""},
                "CloudWatchOutputConfig": {"CloudWatchLogGroupName": "", "CloudWatchOutputEnabled": false},
            }));
        }
    }
    drop(ssm);
    let invalid = |_: &str| error("InvalidNextToken", Some("The specified token isn't valid."));
    let (page, next) = aws::page(items, max_results, input.string("NextToken")?, LIST_CAP, invalid)?;
    let mut out = json!({"CommandInvocations": page});
    if let Some(t) = next {
        out["NextToken"] = json!(t);
    }
    Ok(aws::reply(&out))
}

// ---------------------------------------------------------------------------------------
// The control plane and the Rust API

#[derive(Debug, serde::Deserialize)]
#[serde(tag = "action", rename_all = "snake_case", deny_unknown_fields)]
enum Action {
    Script { instance: String, contains: String, results: Vec<SsmResult> },
    SetManaged { instance_id: String, managed: bool },
    SetVisibilityDelay { ms: u64 },
}

pub(crate) fn control(shared: &Shared, body: &[u8]) -> Reply {
    let action = match serde_json::from_slice::<Action>(body) {
        Ok(a) => a,
        Err(e) => return Reply::text(400, &format!("invalid ssm action: {e}")),
    };
    let mut ssm = lock(&shared.ssm);
    match action {
        Action::Script { results, .. } if results.is_empty() => {
            return Reply::text(400, "invalid ssm action: a script needs at least one result");
        }
        Action::Script { instance, contains, results } => {
            ssm.scripts.push(Script { instance, contains, results, used: 0 })
        }
        Action::SetManaged { instance_id, managed } => {
            if managed {
                ssm.unmanaged.remove(&instance_id);
            } else {
                ssm.unmanaged.insert(instance_id);
            }
        }
        Action::SetVisibilityDelay { ms } => ssm.visibility_ms = ms,
    }
    Reply::json(200, &json!({"ok": true}))
}

/// `GET /_sandbox/ssm`: every SendCommand accepted, oldest first, and the unmanaged instances.
pub(crate) fn control_state(shared: &Shared) -> Reply {
    let ssm = lock(&shared.ssm);
    let commands: Vec<&SsmCommand> = ssm.commands.iter().map(|c| &c.sent).collect();
    let mut unmanaged: Vec<&String> = ssm.unmanaged.iter().collect();
    unmanaged.sort();
    Reply::json(200, &json!({"commands": commands, "unmanaged": unmanaged}))
}

/// Run Command for in-process tests and the demo; `POST /_sandbox/ssm` does the same from
/// another process.
impl Sandbox {
    /// Commands on `instance` (`*`: any) whose newline-joined `commands` contain `contains`
    /// end with `results`, one per SendCommand in order, the last repeating. A later script
    /// wins over an earlier one that also matches. An empty `results` is ignored.
    pub fn ssm_script(&self, instance: &str, contains: &str, results: Vec<SsmResult>) {
        if results.is_empty() {
            return;
        }
        let script = Script { instance: instance.to_string(), contains: contains.to_string(), results, used: 0 };
        lock(&self.shared.ssm).scripts.push(script);
    }

    /// Whether a running instance counts as managed (its agent online); all do by default.
    pub fn ssm_set_managed(&self, instance_id: &str, managed: bool) {
        let mut ssm = lock(&self.shared.ssm);
        if managed {
            ssm.unmanaged.remove(instance_id);
        } else {
            ssm.unmanaged.insert(instance_id.to_string());
        }
    }

    /// How long after SendCommand its invocations do not exist yet (200 ms by default).
    pub fn ssm_set_visibility_delay(&self, delay: std::time::Duration) {
        lock(&self.shared.ssm).visibility_ms = u64::try_from(delay.as_millis()).unwrap_or(u64::MAX);
    }

    /// Every SendCommand the sandbox accepted, oldest first.
    pub fn ssm_commands(&self) -> Vec<SsmCommand> {
        lock(&self.shared.ssm).commands.iter().map(|c| c.sent.clone()).collect()
    }
}
