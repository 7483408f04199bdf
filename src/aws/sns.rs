//! The SNS sink: Amazon SNS `Publish` to one topic (aws-sdk-sns), for e-mail, SQS,
//! Lambda or chat subscriptions.
//!
//! Subject (`sns_subject.txt.j2`, at most 100 printable ASCII characters, which SNS
//! requires for e-mail subscriptions) and Message (`sns_body.txt.j2`) come from templates;
//! the message attributes `source`, `severity`, `kind` and `key` let subscribers filter
//! with subscription filter policies without parsing the text.

use crate::sinks::templates::{self, Templates};
use crate::spine::deliver::{Message, Notifier, Receipt, SinkError};
use async_trait::async_trait;
use aws_sdk_sns::error::{ProvideErrorMetadata, SdkError};
use aws_sdk_sns::operation::publish::PublishError;
use aws_sdk_sns::types::MessageAttributeValue;
use serde_json::json;
use std::sync::Arc;

/// SNS refuses a message larger than 256 KB, "262,144 bytes, not 262,144 characters" of
/// UTF-8, and the message attributes count towards it
/// (https://docs.aws.amazon.com/sns/latest/api/API_Publish.html, `Message`): the body gets
/// 250 KiB, the rest is left for the subject and the attributes (the key is cut to 1 KiB).
const MAX_MESSAGE_BYTES: usize = 250 * 1024;
/// The `key` attribute's share of what is left.
const MAX_KEY_ATTRIBUTE_BYTES: usize = 1024;

/// Error codes that mean "slow down" or "our side failed": worth another attempt.
const RETRYABLE_CODES: &[&str] = &[
    "Throttling",
    "ThrottlingException",
    "ThrottledException",
    "RequestThrottled",
    "TooManyRequestsException",
    "KMSThrottling",
    "KMSThrottlingException",
    "InternalError",
    "InternalErrorException",
    "InternalFailure",
    "ServiceUnavailable",
];

pub struct SnsNotifier {
    name: String,
    topic_arn: String,
    client: aws_sdk_sns::Client,
    templates: Arc<Templates>,
}

/// What Publish carries, rendered once for both `send` and `preview`.
struct Publish {
    subject: String,
    message: String,
    attributes: Vec<(&'static str, String)>,
}

impl SnsNotifier {
    /// `connect_timeout` goes to the SDK's timeout config (TCP and TLS); the attempt as a
    /// whole is bounded by the spine's per-attempt timeout (`sinks.NAME.timeout`), as for
    /// every sink, so that a timeout opens the sink's breaker.
    pub fn new(
        name: &str,
        topic_arn: String,
        sdk: &aws_config::SdkConfig,
        connect_timeout: std::time::Duration,
        templates: Arc<Templates>,
    ) -> Self {
        let timeouts = aws_sdk_sns::config::timeout::TimeoutConfig::builder().connect_timeout(connect_timeout).build();
        let config = aws_sdk_sns::config::Builder::from(sdk).timeout_config(timeouts).build();
        SnsNotifier { name: name.to_string(), topic_arn, client: aws_sdk_sns::Client::from_conf(config), templates }
    }

    fn what(&self) -> String {
        format!("sns sink `{}`", self.name)
    }

    fn publish(&self, msg: &Message) -> Result<Publish, SinkError> {
        // Free text cut first, so the facts the template puts after the summary survive;
        // a character is at most 4 bytes, so a quarter of the byte budget in characters
        // cannot overflow it, and the rendered text is cut again in bytes as a backstop.
        let bounded =
            crate::sinks::fit::bounded_message(msg, crate::sinks::fit::Bounds::for_budget(MAX_MESSAGE_BYTES / 8));
        let subject = templates::sns_subject(&self.templates.render(templates::SNS_SUBJECT, &bounded)?);
        let message = self.templates.render(templates::SNS_BODY, &bounded)?.trim().to_string();
        let mut message = crate::sinks::fit::fit_bytes(&message, MAX_MESSAGE_BYTES);
        if message.is_empty() {
            // SNS refuses an empty message; an override that renders nothing still says something.
            message = templates::headline(msg);
        }
        let f = &msg.finding;
        // SNS refuses attributes with empty values, so a producer's empty string is dropped.
        let attributes = [
            ("source", f.source.clone()),
            ("severity", f.severity.as_str().to_string()),
            ("kind", msg.kind.as_str().to_string()),
            ("key", crate::sinks::fit::fit_bytes(&f.key, MAX_KEY_ATTRIBUTE_BYTES)),
        ]
        .into_iter()
        .filter(|(_, v)| !v.is_empty())
        .collect();
        Ok(Publish { subject, message, attributes })
    }
}

/// Whether an SDK failure is worth another attempt, and the message naming the topic.
fn classify(what: &str, topic_arn: &str, err: SdkError<PublishError>) -> SinkError {
    let http_status = err.raw_response().map(|r| r.status().as_u16());
    let transient =
        matches!(err, SdkError::TimeoutError(_) | SdkError::DispatchFailure(_) | SdkError::ResponseError(_));
    // Without AWS's code: the transport's or the credentials' failure, in one line.
    let context = super::failure::classify("Publish", &err).message;
    let service = err.into_service_error();
    let code = service.code().map(str::to_owned);
    let retryable = transient
        || http_status.is_some_and(|s| s == 429 || s >= 500)
        || code.as_deref().is_some_and(|c| RETRYABLE_CODES.contains(&c));
    let message = match (&code, service.message()) {
        (Some(c), Some(m)) => format!("{what}: publish to {topic_arn} failed: {c}: {m}"),
        (Some(c), None) => format!("{what}: publish to {topic_arn} failed: {c}"),
        _ => format!("{what}: publish to {topic_arn} failed: {context}"),
    };
    if retryable { SinkError::retryable(message, None) } else { SinkError::permanent(message) }
}

#[async_trait]
impl Notifier for SnsNotifier {
    fn name(&self) -> &str {
        &self.name
    }

    async fn send(&self, msg: &Message) -> Result<Receipt, SinkError> {
        let p = self.publish(msg)?;
        let mut req = self.client.publish().topic_arn(&self.topic_arn).subject(p.subject).message(p.message);
        for (name, value) in p.attributes {
            let attr = MessageAttributeValue::builder()
                .data_type("String")
                .string_value(value)
                .build()
                .map_err(|e| SinkError::permanent(format!("{}: message attribute {name}: {e}", self.what())))?;
            req = req.message_attributes(name, attr);
        }
        req.send().await.map_err(|e| classify(&self.what(), &self.topic_arn, e))?;
        // The SNS message id is not a handle for follow-ups; nothing to remember.
        Ok(Receipt::default())
    }

    fn preview(&self, msg: &Message) -> Result<String, SinkError> {
        let p = self.publish(msg)?;
        let attrs: serde_json::Map<String, serde_json::Value> = p
            .attributes
            .into_iter()
            .map(|(k, v)| (k.to_string(), json!({ "DataType": "String", "StringValue": v })))
            .collect();
        let body = json!({
            "TopicArn": self.topic_arn,
            "Subject": p.subject,
            "Message": p.message,
            "MessageAttributes": attrs,
        });
        Ok(format!("sns Publish\n{}", serde_json::to_string_pretty(&body).unwrap_or_default()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sinks::test_support::{message, sample_finding};
    use crate::spine::finding::TransitionKind;

    fn notifier() -> SnsNotifier {
        let sdk = aws_config::SdkConfig::builder()
            .behavior_version(aws_config::BehaviorVersion::latest())
            .region(aws_config::Region::new("us-east-1"))
            .build();
        SnsNotifier::new(
            "mail",
            "arn:aws:sns:us-east-1:123456789012:ops".into(),
            &sdk,
            std::time::Duration::from_secs(5),
            Arc::new(Templates::embedded()),
        )
    }

    #[test]
    fn preview_has_ascii_subject_and_filterable_attributes() {
        let mut f = sample_finding();
        f.title = format!("接続 down {}", "x".repeat(200));
        let out = notifier().preview(&message(TransitionKind::New, f)).unwrap();
        let json: serde_json::Value = serde_json::from_str(out.split_once('\n').unwrap().1).unwrap();
        let subject = json["Subject"].as_str().unwrap();
        assert!(subject.is_ascii() && subject.len() <= 100, "{subject}");
        assert_eq!(json["MessageAttributes"]["severity"]["StringValue"], "warning");
        assert_eq!(json["MessageAttributes"]["kind"]["StringValue"], "new");
    }
}
