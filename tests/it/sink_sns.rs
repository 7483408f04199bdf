//! The SNS sink against moto server: a topic with an SQS subscription, one Publish
//! through `SnsNotifier`, and the SQS queue read back to see what subscribers receive.

use crate::common;

use common::moto::{MotoServer, sdk_config, sqs};
use opskit::aws::sns::SnsNotifier;
use opskit::sinks::Templates;
use opskit::spine::deliver::{Message, Notifier, SinkError};
use opskit::spine::finding::{Finding, Severity, TransitionKind};
use serde_json::{Value, json};
use std::sync::Arc;
use std::time::Duration;

fn finding() -> Finding {
    let mut f = Finding::new(
        "dx-vif",
        "dx-vif/111122223333/ap-northeast-1/dxvif-fg5678",
        Severity::Critical,
        "VIF dxvif-fg5678 BGP is down — 接続断",
    )
    .field("bgp", "down");
    f.account = Some("111122223333".into());
    f.region = Some("ap-northeast-1".into());
    f.resources = vec!["dxvif-fg5678".into()];
    f.ensure_fingerprint();
    f
}

fn message(kind: TransitionKind) -> Message {
    Message {
        kind,
        finding: finding(),
        previous: None,
        external_ref: None,
        since: "2025-01-31T00:00:00Z".parse().unwrap(),
        timezone: "Asia/Tokyo".into(),
        test: false,
        route_channel: None,
        route_backlog: None,
    }
}

#[tokio::test]
async fn sns_publish_reaches_an_sqs_subscriber_with_subject_body_and_attributes() {
    let moto = MotoServer::start();
    let endpoint = moto.endpoint();
    let http = reqwest::Client::new();
    let sdk = sdk_config(&endpoint).await;

    let queue = sqs(&http, &endpoint, "CreateQueue", json!({"QueueName": "opskit-sns"})).await;
    let queue_url = queue["QueueUrl"].as_str().unwrap().to_string();
    let attrs =
        sqs(&http, &endpoint, "GetQueueAttributes", json!({"QueueUrl": queue_url, "AttributeNames": ["QueueArn"]}))
            .await;
    let queue_arn = attrs["Attributes"]["QueueArn"].as_str().unwrap();

    let sns = aws_sdk_sns::Client::new(&sdk);
    let topic_arn = sns.create_topic().name("opskit-alerts").send().await.unwrap().topic_arn.unwrap();
    sns.subscribe().topic_arn(&topic_arn).protocol("sqs").endpoint(queue_arn).send().await.unwrap();

    let notifier =
        SnsNotifier::new("mail", topic_arn.clone(), &sdk, Duration::from_secs(5), Arc::new(Templates::embedded()));
    notifier.send(&message(TransitionKind::New)).await.unwrap();
    notifier.send(&message(TransitionKind::Resolved)).await.unwrap();

    let mut got = Vec::new();
    for _ in 0..20 {
        let r = sqs(
            &http,
            &endpoint,
            "ReceiveMessage",
            json!({"QueueUrl": queue_url, "MaxNumberOfMessages": 10, "WaitTimeSeconds": 1}),
        )
        .await;
        for m in r["Messages"].as_array().cloned().unwrap_or_default() {
            got.push(serde_json::from_str::<Value>(m["Body"].as_str().unwrap()).unwrap());
        }
        if got.len() >= 2 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(got.len(), 2, "{got:#?}");
    // Without raw delivery, SQS receives SNS's envelope: Subject, Message, attributes.
    let new = got.iter().find(|m| m["MessageAttributes"]["kind"]["Value"] == "new").unwrap();
    assert_eq!(new["TopicArn"], topic_arn.as_str());
    let subject = new["Subject"].as_str().unwrap();
    assert!(subject.is_ascii() && subject.len() <= 100, "{subject}");
    assert!(subject.starts_with("[opskit] CRITICAL: VIF dxvif-fg5678 BGP is down"), "{subject}");
    let body = new["Message"].as_str().unwrap();
    assert!(body.contains("Key:      dx-vif/111122223333/ap-northeast-1/dxvif-fg5678"), "{body}");
    assert!(body.contains("接続断"), "the body keeps non-ASCII text: {body}");
    let attrs = &new["MessageAttributes"];
    assert_eq!(attrs["source"]["Type"], "String");
    assert_eq!(attrs["source"]["Value"], "dx-vif");
    assert_eq!(attrs["severity"]["Value"], "critical");
    assert_eq!(attrs["key"]["Value"], "dx-vif/111122223333/ap-northeast-1/dxvif-fg5678");

    let resolved = got.iter().find(|m| m["MessageAttributes"]["kind"]["Value"] == "resolved").unwrap();
    assert!(resolved["Subject"].as_str().unwrap().contains("RESOLVED: "));
    assert!(resolved["Message"].as_str().unwrap().starts_with("RESOLVED: "));
}

#[tokio::test]
async fn sns_publish_to_a_missing_topic_is_permanent_and_names_the_topic() {
    let moto = MotoServer::start();
    let sdk = sdk_config(&moto.endpoint()).await;
    let arn = "arn:aws:sns:us-east-1:123456789012:no-such-topic";
    let err = SnsNotifier::new("mail", arn.into(), &sdk, Duration::from_secs(5), Arc::new(Templates::embedded()))
        .send(&message(TransitionKind::New))
        .await
        .unwrap_err();
    assert!(matches!(err, SinkError::Permanent { .. }), "{err:?}");
    assert!(err.to_string().contains(arn), "{err}");
}
