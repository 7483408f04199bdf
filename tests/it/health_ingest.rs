//! `opskit health ingest --sqs` end to end against moto server: an EventBridge rule
//! `{"source": ["aws.health"]}` with an SQS queue (and its dead-letter queue) as target, a
//! Health event put on the bus (moto accepts the `aws.health` source from PutEvents, which
//! real AWS refuses: there only AWS Health puts it), and the built binary reading the queue
//! with Slack in the sandbox as the sink. Time is pinned with OPSKIT_NOW.
//!
//! The queue's visibility timeout is 0, so a message the run keeps is visible to the next
//! run at once (the real queue's 300 s only delays it).

use crate::common;

use common::cli::*;
use common::moto::{MotoServer, sqs};
use opskit_sandbox::{self as sandbox, Fault};
use serde_json::{Value, json};

const ACCOUNT: &str = "123456789012";
const NOW: &str = "2026-12-01T00:00:00Z";
const CODE: &str = "AWS_EC2_INSTANCE_RETIREMENT_SCHEDULED";
const ARN: &str = "arn:aws:health:us-east-1::event/EC2/AWS_EC2_INSTANCE_RETIREMENT_SCHEDULED/AWS_EC2_INSTANCE_RETIREMENT_SCHEDULED_b1e2";

struct World {
    moto: MotoServer,
    http: reqwest::Client,
    queue: String,
    dlq: String,
}

impl World {
    /// A queue (with a RedrivePolicy to its dead-letter queue when `redrive`) and the rule
    /// that sends `aws.health` events to it.
    async fn new(redrive: bool) -> World {
        let moto = MotoServer::start();
        let http = reqwest::Client::new();
        let ep = moto.endpoint();
        let dlq = sqs(&http, &ep, "CreateQueue", json!({"QueueName": "opskit-health-events-dlq"})).await;
        let dlq = dlq["QueueUrl"].as_str().unwrap().to_string();
        let dlq_arn = queue_arn(&http, &ep, &dlq).await;
        let mut attributes = json!({"VisibilityTimeout": "0"});
        if redrive {
            attributes["RedrivePolicy"] =
                json!(json!({"deadLetterTargetArn": dlq_arn, "maxReceiveCount": "10"}).to_string());
        }
        let q = sqs(&http, &ep, "CreateQueue", json!({"QueueName": "opskit-health-events", "Attributes": attributes}))
            .await;
        let queue = q["QueueUrl"].as_str().unwrap().to_string();
        let arn = queue_arn(&http, &ep, &queue).await;
        events(&http, &ep, "PutRule", json!({"Name": "opskit-health", "EventPattern": r#"{"source":["aws.health"]}"#}))
            .await;
        events(&http, &ep, "PutTargets", json!({"Rule": "opskit-health", "Targets": [{"Id": "queue", "Arn": arn}]}))
            .await;
        World { moto, http, queue, dlq }
    }

    /// Put one AWS Health event on the default bus, as AWS Health would.
    async fn put_health_event(&self, detail: &Value) {
        let out = events(
            &self.http,
            &self.moto.endpoint(),
            "PutEvents",
            json!({"Entries": [{
                "Source": "aws.health",
                "DetailType": "AWS Health Event",
                "Resources": ["i-0abc1234def567890"],
                "Detail": detail.to_string(),
            }]}),
        )
        .await;
        assert_eq!(out["FailedEntryCount"], 0, "{out}");
    }

    async fn send_raw(&self, body: &str) {
        sqs(&self.http, &self.moto.endpoint(), "SendMessage", json!({"QueueUrl": self.queue, "MessageBody": body}))
            .await;
    }

    /// Messages in `url`, visible or not.
    async fn count(&self, url: &str) -> u64 {
        let a = sqs(
            &self.http,
            &self.moto.endpoint(),
            "GetQueueAttributes",
            json!({"QueueUrl": url, "AttributeNames": ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"]}),
        )
        .await;
        let n = |k: &str| a["Attributes"][k].as_str().unwrap_or("0").parse::<u64>().unwrap();
        n("ApproximateNumberOfMessages") + n("ApproximateNumberOfMessagesNotVisible")
    }
}

async fn queue_arn(http: &reqwest::Client, ep: &str, url: &str) -> String {
    let a = sqs(http, ep, "GetQueueAttributes", json!({"QueueUrl": url, "AttributeNames": ["QueueArn"]})).await;
    a["Attributes"]["QueueArn"].as_str().unwrap().to_string()
}

/// One EventBridge call in the JSON protocol (moto picks the service from the credential
/// scope, as for SQS).
async fn events(http: &reqwest::Client, endpoint: &str, action: &str, body: Value) -> Value {
    let resp = http
        .post(endpoint)
        .header("X-Amz-Target", format!("AWSEvents.{action}"))
        .header("Content-Type", "application/x-amz-json-1.1")
        .header(
            "Authorization",
            "AWS4-HMAC-SHA256 Credential=test/20250131/us-east-1/events/aws4_request, SignedHeaders=host, Signature=0",
        )
        .body(body.to_string())
        .send()
        .await
        .unwrap_or_else(|e| panic!("events {action}: {e}"));
    let status = resp.status();
    let text = resp.text().await.unwrap();
    assert!(status.is_success(), "events {action}: {status}: {text}");
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("events {action}: {e}: {text}"))
}

/// An EC2 retirement a week after NOW, as the EventBridge form writes it.
fn retirement() -> Value {
    json!({
        "eventArn": ARN,
        "service": "EC2",
        "eventTypeCode": CODE,
        "eventTypeCategory": "scheduledChange",
        "startTime": "Tue, 08 Dec 2026 02:00:00 GMT",
        "endTime": "Tue, 08 Dec 2026 04:00:00 GMT",
        "lastUpdatedTime": "Mon, 30 Nov 2026 23:00:00 GMT",
        "statusCode": "upcoming",
        "eventRegion": "us-east-1",
        "eventDescription": [{"language": "en_US", "latestDescription": "EC2 has detected degradation of the underlying hardware hosting your instance."}],
        "affectedEntities": [{"entityValue": "i-0abc1234def567890"}],
        // moto's envelope has no `account` (AWS's does): the organizational view's field.
        "affectedAccount": ACCOUNT
    })
}

/// An account read with the environment's credentials (moto's), no profile.
fn account(name: &str, id: &str) -> String {
    format!("[[accounts]]\nname = \"{name}\"\nid = \"{id}\"\nregions = [\"us-east-1\"]\n\n")
}

fn setup(b: &Bench) {
    setup_with(b, "");
}

fn setup_with(b: &Bench, section: &str) {
    b.write_config(&format!(
        "{}{}{}\n[[routes]]\nsources = [\"health\"]\nsinks = [\"slack\"]\n\n{section}",
        b.defaults(),
        account("acme", ACCOUNT),
        b.sandbox.sinks_toml(),
    ));
}

fn ingest(b: &Bench, w: &World, extra: &[&str]) -> assert_cmd::assert::Assert {
    b.opskit()
        .env("AWS_ENDPOINT_URL", w.moto.endpoint())
        .env("AWS_ACCESS_KEY_ID", "test")
        .env("AWS_SECRET_ACCESS_KEY", "test")
        .env("OPSKIT_NOW", NOW)
        .args(["health", "ingest", "--sqs", &w.queue])
        .args(extra)
        .assert()
}

fn rt() -> tokio::runtime::Runtime {
    tokio::runtime::Runtime::new().unwrap()
}

#[test]
fn an_eventbridge_health_event_is_told_once_and_leaves_the_queue() {
    let b = Bench::new();
    setup(&b);
    let rt = rt();
    let w = rt.block_on(World::new(true));
    // AWS delivers at least once: the same event twice.
    rt.block_on(w.put_health_event(&retirement()));
    rt.block_on(w.put_health_event(&retirement()));
    assert_eq!(rt.block_on(w.count(&w.queue)), 2, "the rule put both in the queue");

    let a = ingest(&b, &w, &[]);
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    let msgs = b.slack_texts();
    assert_eq!(msgs.len(), 1, "one event, one message: {msgs:?}");
    assert!(msgs[0].contains(CODE) && msgs[0].contains("i-0abc1234def567890"), "{}", msgs[0]);
    assert_eq!(rt.block_on(w.count(&w.queue)), 0, "both messages were deleted");
    let findings = b.state_findings("health");
    assert_eq!(findings.len(), 1, "{findings:?}");

    // The same event again later (a copy from the backup region): nothing new to tell.
    rt.block_on(w.put_health_event(&retirement()));
    let a = ingest(&b, &w, &[]);
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    assert_eq!(b.slack_texts().len(), 1, "not told twice");
    assert_eq!(rt.block_on(w.count(&w.queue)), 0);
}

#[test]
fn a_failing_sink_keeps_the_message_and_the_next_run_tells_it_once() {
    let b = Bench::new();
    setup(&b);
    let rt = rt();
    let w = rt.block_on(World::new(true));
    rt.block_on(w.put_health_event(&retirement()));
    b.sandbox.inject(Fault::status(sandbox::SLACK_PATH, 503, 0));
    let a = ingest(&b, &w, &[]);
    assert_eq!(code(&a), 3, "Slack down: the run failed\n{}", stderr(&a));
    assert_eq!(rt.block_on(w.count(&w.queue)), 1, "the message waits in the queue");
    assert_eq!(rt.block_on(w.count(&w.dlq)), 0);

    b.sandbox.clear();
    let a = ingest(&b, &w, &[]);
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    let msgs = b.slack_texts();
    assert_eq!(msgs.len(), 1, "told once when Slack is back: {msgs:?}");
    assert!(msgs[0].contains(CODE), "{}", msgs[0]);
    assert_eq!(rt.block_on(w.count(&w.queue)), 0, "and only then deleted");
    rt.block_on(w.put_health_event(&retirement()));
    let a = ingest(&b, &w, &[]);
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    assert_eq!(b.slack_texts().len(), 1, "and only once");
}

#[test]
fn a_poison_message_lands_in_the_dead_letter_queue_and_the_good_ones_are_told() {
    let b = Bench::new();
    setup(&b);
    let rt = rt();
    let w = rt.block_on(World::new(true));
    rt.block_on(w.send_raw("this is not JSON"));
    rt.block_on(
        w.send_raw(
            &json!({"source": "aws.ec2", "detail-type": "EC2 Instance State-change Notification", "detail": {}})
                .to_string(),
        ),
    );
    rt.block_on(w.put_health_event(&retirement()));

    let a = ingest(&b, &w, &["-o", "json"]);
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    let err = stderr(&a);
    assert!(err.contains("not JSON") && err.contains("aws.ec2"), "each poison message is reported with why: {err}");
    let report: serde_json::Value = serde_json::from_str(&stdout(&a)).unwrap();
    let notes = report["skipped"].as_array().unwrap();
    assert_eq!(notes.len(), 2, "the report names both: {report}");
    assert!(
        notes.iter().all(|n| n["message"].as_str().unwrap().contains("moved to the dead-letter queue")),
        "{report}"
    );
    let msgs = b.slack_texts();
    assert_eq!(msgs.len(), 1, "{msgs:?}");
    assert!(msgs[0].contains(CODE), "{}", msgs[0]);
    assert_eq!(rt.block_on(w.count(&w.queue)), 0, "the queue is empty");
    assert_eq!(rt.block_on(w.count(&w.dlq)), 2, "both poison messages are in the dead-letter queue");
    let got = rt.block_on(sqs(
        &w.http,
        &w.moto.endpoint(),
        "ReceiveMessage",
        json!({"QueueUrl": w.dlq, "MaxNumberOfMessages": 10, "MessageAttributeNames": ["All"]}),
    ));
    let bodies: Vec<&str> = got["Messages"].as_array().unwrap().iter().map(|m| m["Body"].as_str().unwrap()).collect();
    assert!(bodies.contains(&"this is not JSON"), "{bodies:?}");
    let reasons: Vec<&str> = got["Messages"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|m| m["MessageAttributes"]["opskit-poison-reason"]["StringValue"].as_str())
        .collect();
    assert_eq!(reasons.len(), 2, "each says why: {got}");
}

#[test]
fn a_queue_without_a_dead_letter_queue_is_a_usage_error_and_nothing_is_received() {
    let b = Bench::new();
    setup(&b);
    let rt = rt();
    let w = rt.block_on(World::new(false));
    rt.block_on(w.put_health_event(&retirement()));
    let a = ingest(&b, &w, &[]);
    assert_eq!(code(&a), 2, "{}", stderr(&a));
    assert!(
        stderr(&a).contains("no dead-letter queue") && stderr(&a).contains("--dead-letter-queue"),
        "{}",
        stderr(&a)
    );
    assert!(b.slack_texts().is_empty());
    assert_eq!(rt.block_on(w.count(&w.queue)), 1, "the message is untouched");
    // Naming one works.
    let dlq = w.dlq.clone();
    let a = ingest(&b, &w, &["--dead-letter-queue", &dlq]);
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    assert_eq!(b.slack_texts().len(), 1);
}

#[test]
fn a_queue_of_an_account_not_configured_is_a_usage_error_naming_the_flag() {
    let b = Bench::new();
    b.write_config(&format!("{}{}", b.defaults(), account("other", "111122223333")));
    let rt = rt();
    let w = rt.block_on(World::new(true));
    rt.block_on(w.put_health_event(&retirement()));
    let a = ingest(&b, &w, &[]);
    assert_eq!(code(&a), 2, "{}", stderr(&a));
    assert!(stderr(&a).contains(ACCOUNT) && stderr(&a).contains("--queue-account"), "{}", stderr(&a));
    let a = ingest(&b, &w, &["--queue-account", "other"]);
    assert_eq!(code(&a), 0, "--queue-account names whose credentials read it: {}", stderr(&a));
    assert_eq!(rt.block_on(w.count(&w.queue)), 0, "the message was read (no route: nothing owed)");
}

#[test]
fn a_dry_run_tells_nothing_and_leaves_the_messages_for_the_real_run() {
    let b = Bench::new();
    setup(&b);
    let rt = rt();
    let w = rt.block_on(World::new(true));
    rt.block_on(w.put_health_event(&retirement()));
    let a = ingest(&b, &w, &["--dry-run"]);
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    assert!(stdout(&a).contains(CODE), "the dry run shows the event: {}", stdout(&a));
    assert!(b.slack_texts().is_empty(), "nothing sent");
    assert_eq!(rt.block_on(w.count(&w.queue)), 1, "nothing deleted");
    let a = ingest(&b, &w, &[]);
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    assert_eq!(b.slack_texts().len(), 1);
    assert_eq!(rt.block_on(w.count(&w.queue)), 0);
}

#[test]
fn an_older_copy_read_late_does_not_undo_a_later_update() {
    let b = Bench::new();
    setup(&b);
    let rt = rt();
    let w = rt.block_on(World::new(true));
    // AWS moved the window to 06:00 at 23:30; the copy of 23:00 (ending 04:00) comes last.
    let mut moved = retirement();
    moved["endTime"] = json!("Tue, 08 Dec 2026 06:00:00 GMT");
    moved["lastUpdatedTime"] = json!("Mon, 30 Nov 2026 23:30:00 GMT");
    rt.block_on(w.put_health_event(&moved));
    let a = ingest(&b, &w, &[]);
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    assert_eq!(b.slack_texts().len(), 1);
    rt.block_on(w.put_health_event(&retirement()));
    let a = ingest(&b, &w, &[]);
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    let msgs = b.slack_texts();
    assert_eq!(msgs.len(), 1, "the stale copy is no news: {msgs:?}");
    assert_eq!(rt.block_on(w.count(&w.queue)), 0, "and it is settled");
}

#[test]
fn a_direct_connect_maintenance_event_silences_its_connection_with_auto_silence() {
    let b = Bench::new();
    setup_with(&b, "[commands.health]\nauto_silence = true\n");
    let rt = rt();
    let w = rt.block_on(World::new(true));
    let mut dx = retirement();
    dx["eventArn"] = json!("arn:aws:health:us-east-1::event/DIRECTCONNECT/AWS_DIRECTCONNECT_MAINTENANCE_SCHEDULED/x1");
    dx["service"] = json!("DIRECTCONNECT");
    dx["eventTypeCode"] = json!("AWS_DIRECTCONNECT_MAINTENANCE_SCHEDULED");
    dx["affectedEntities"] = json!([{"entityValue": "dxcon-ffabc123"}]);
    rt.block_on(w.put_health_event(&dx));
    let a = ingest(&b, &w, &[]);
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    assert_eq!(b.slack_texts().len(), 1);
    let a = b.opskit().env("OPSKIT_NOW", NOW).args(["silence", "list", "-o", "json"]).assert();
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    let silences: Value = serde_json::from_str(&stdout(&a)).unwrap();
    let s = silences.as_array().unwrap();
    assert_eq!(s.len(), 1, "{silences}");
    assert!(s[0].to_string().contains("dxcon-ffabc123") && s[0].to_string().contains("dx-vif"), "{silences}");
}
