//! An AWS Health event as EventBridge delivers it (the body of one SQS message), read into
//! [`Event`]s with [`Channel::EventBridge`].
//!
//! The envelope names `source` `aws.health`, `detail-type` `AWS Health Event` (or `AWS
//! Health Abuse Event`), the receiving `account`, the delivery `region` and `resources`;
//! `detail` holds the event as the API describes it: `eventArn`, `eventTypeCode`,
//! `eventTypeCategory`, `service`, `statusCode`, `startTime` / `endTime` /
//! `lastUpdatedTime`, `eventRegion`, `eventDescription[{language, latestDescription}]`,
//! `affectedEntities[{entityValue}]` and, under the organizational view, `affectedAccount`
//! ([schema](https://docs.aws.amazon.com/health/latest/ug/aws-health-events-eventbridge-schema.html)).
//! Times come as RFC 2822 (`Wed, 31 Jan 2024 20:00:00 GMT`) or RFC 3339.
//!
//! Anything else is [`Poison`]: a body that is not JSON, another source, an event without
//! its ARN or type code, a time that does not parse. It is never told half-read: the caller
//! moves it to the dead-letter queue.

use super::{Channel, Event};
use jiff::Timestamp;
use serde_json::Value;

/// The envelope `source` of every AWS Health event.
pub const HEALTH_SOURCE: &str = "aws.health";
/// The `detail-type`s AWS Health sends.
pub const DETAIL_TYPES: [&str; 2] = ["AWS Health Event", "AWS Health Abuse Event"];

/// Why a message is not an AWS Health event opskit can tell.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct Poison(pub String);

fn poison(why: impl Into<String>) -> Poison {
    Poison(why.into())
}

/// The events of one message body: one per affected account (`detail.affectedAccount`,
/// else the envelope's `account`).
pub fn events(body: &str) -> Result<Vec<Event>, Poison> {
    let v: Value = serde_json::from_str(body).map_err(|e| poison(format!("not JSON: {e}")))?;
    let Some(envelope) = v.as_object() else { return Err(poison("not a JSON object")) };
    match text(envelope, "source") {
        Some(HEALTH_SOURCE) => {}
        Some(other) => return Err(poison(format!("source `{other}` is not {HEALTH_SOURCE}"))),
        None => return Err(poison("no `source`: not an EventBridge event")),
    }
    match text(envelope, "detail-type") {
        Some(t) if DETAIL_TYPES.contains(&t) => {}
        Some(other) => return Err(poison(format!("detail-type `{other}` is not an AWS Health event"))),
        None => return Err(poison("no `detail-type`")),
    }
    let Some(detail) = envelope.get("detail").and_then(Value::as_object) else {
        return Err(poison("no `detail` object"));
    };
    let required = |k: &str| match text(detail, k) {
        Some(s) if !s.is_empty() => Ok(s.to_string()),
        _ => Err(poison(format!("no `detail.{k}`"))),
    };
    let arn = required("eventArn")?;
    let code = required("eventTypeCode")?;
    let optional = |k: &str| text(detail, k).filter(|s| !s.is_empty()).map(str::to_string);
    let time = |k: &str| -> Result<Option<Timestamp>, Poison> {
        match optional(k) {
            None => Ok(None),
            Some(s) => parse_time(&s).map(Some).ok_or_else(|| poison(format!("`detail.{k}` `{s}` is not a time"))),
        }
    };
    let account = optional("affectedAccount").or_else(|| text(envelope, "account").map(str::to_string));
    let Some(account) = account.filter(|a| !a.is_empty()) else {
        return Err(poison("names no account (`detail.affectedAccount` or `account`)"));
    };
    let mut resources: Vec<String> = detail
        .get("affectedEntities")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|e| e.get("entityValue").and_then(Value::as_str))
        .map(str::to_string)
        .collect();
    if resources.is_empty() {
        resources = envelope
            .get("resources")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .map(str::to_string)
            .collect();
    }
    resources.sort();
    resources.dedup();
    let descriptions: Vec<&serde_json::Map<String, Value>> = detail
        .get("eventDescription")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_object)
        .collect();
    let description = descriptions
        .iter()
        .find(|d| text(d, "language").is_some_and(|l| l.starts_with("en")))
        .or(descriptions.first())
        .and_then(|d| text(d, "latestDescription"))
        .map(str::to_string);
    Ok(vec![Event {
        arn: Some(arn),
        code,
        category: optional("eventTypeCategory"),
        service: optional("service"),
        region: optional("eventRegion").or_else(|| text(envelope, "region").map(str::to_string)),
        status: optional("statusCode"),
        start: time("startTime")?,
        end: time("endTime")?,
        last_updated: time("lastUpdatedTime")?,
        description,
        account: Some(account),
        resources,
        links: Vec::new(),
        cancelled: false,
        channel: Channel::EventBridge,
        severity: None,
    }])
}

/// A string member of `o`, trimmed.
fn text<'a>(o: &'a serde_json::Map<String, Value>, k: &str) -> Option<&'a str> {
    o.get(k).and_then(Value::as_str).map(str::trim)
}

/// RFC 2822 (what the EventBridge form uses) or RFC 3339.
fn parse_time(s: &str) -> Option<Timestamp> {
    s.parse::<Timestamp>().ok().or_else(|| jiff::fmt::rfc2822::parse(s).ok().map(|z| z.timestamp()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn sample() -> Value {
        json!({
            "version": "0",
            "id": "7bf73129-1428-4cd3-a780-95db273d1602",
            "detail-type": "AWS Health Event",
            "source": "aws.health",
            "account": "123456789012",
            "time": "2026-12-01T01:27:00Z",
            "region": "ap-northeast-1",
            "resources": ["i-0abc1234def567890"],
            "detail": {
                "eventArn": "arn:aws:health:ap-northeast-1::event/EC2/AWS_EC2_INSTANCE_RETIREMENT_SCHEDULED/AWS_EC2_INSTANCE_RETIREMENT_SCHEDULED_abc",
                "service": "EC2",
                "eventTypeCode": "AWS_EC2_INSTANCE_RETIREMENT_SCHEDULED",
                "eventTypeCategory": "scheduledChange",
                "startTime": "Tue, 08 Dec 2026 02:00:00 GMT",
                "endTime": "Tue, 08 Dec 2026 04:00:00 GMT",
                "lastUpdatedTime": "2026-12-01T01:26:00Z",
                "statusCode": "upcoming",
                "eventRegion": "ap-northeast-1",
                "eventDescription": [{"language": "ja_JP", "latestDescription": "日本語"}, {"language": "en_US", "latestDescription": "Your instance will be retired."}],
                "affectedEntities": [{"entityValue": "i-0abc1234def567890", "status": "IMPAIRED"}]
            }
        })
    }

    #[test]
    fn a_health_event_reads_with_its_window_resources_and_english_text() {
        let es = events(&sample().to_string()).unwrap();
        assert_eq!(es.len(), 1);
        let e = &es[0];
        assert_eq!(e.code, "AWS_EC2_INSTANCE_RETIREMENT_SCHEDULED");
        assert_eq!(e.account.as_deref(), Some("123456789012"));
        assert_eq!(e.start, Some("2026-12-08T02:00:00Z".parse().unwrap()));
        assert_eq!(e.end, Some("2026-12-08T04:00:00Z".parse().unwrap()));
        assert_eq!(e.resources, ["i-0abc1234def567890"]);
        assert_eq!(e.description.as_deref(), Some("Your instance will be retired."));
        assert_eq!(e.channel, Channel::EventBridge);
    }

    #[test]
    fn the_affected_account_wins_over_the_receiving_one() {
        let mut v = sample();
        v["detail"]["affectedAccount"] = json!("444455556666");
        assert_eq!(events(&v.to_string()).unwrap()[0].account.as_deref(), Some("444455556666"));
    }

    #[test]
    fn anything_else_is_poison_and_says_why() {
        assert!(events("hello").unwrap_err().0.starts_with("not JSON"));
        let mut v = sample();
        v["source"] = json!("aws.ec2");
        assert!(events(&v.to_string()).unwrap_err().0.contains("aws.ec2"));
        let mut v = sample();
        v["detail"].as_object_mut().unwrap().remove("eventArn");
        assert_eq!(events(&v.to_string()).unwrap_err().0, "no `detail.eventArn`");
        let mut v = sample();
        v["detail"]["endTime"] = json!("soon");
        assert!(events(&v.to_string()).unwrap_err().0.contains("endTime"));
    }
}
