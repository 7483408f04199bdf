//! CloudWatch `GetMetricData` for one metric, over opskit's own Query client
//! ([`crate::aws::query`], signing name `monitoring`, version 2010-08-01): the datapoints of
//! one `MetricStat` over a window ending now, newest first, every page followed.
//!
//! Reference: [GetMetricData](https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_GetMetricData.html),
//! [MetricDataResult](https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_MetricDataResult.html).
//!
//! Only a `Complete` answer is an answer: `PartialData` on the last page, `InternalError` or
//! `Forbidden` fail the call (as a [`QueryError::Service`] with that status as its code),
//! because "no data" must mean that CloudWatch has none, not that it did not say.

use super::query::{QueryError, Service, call};
use aws_config::SdkConfig;
use jiff::Timestamp;
use serde::Deserialize;
use std::time::Duration;

/// CloudWatch (`AWS_ENDPOINT_URL_CLOUDWATCH`).
pub const SERVICE: Service = Service { name: "monitoring", service_id: "CloudWatch", version: "2010-08-01" };

/// Pages followed before the answer counts as endless.
const MAX_PAGES: usize = 50;

/// One metric's statistic.
#[derive(Debug, Clone)]
pub struct MetricQuery<'a> {
    pub namespace: &'a str,
    pub metric: &'a str,
    pub dimensions: Vec<(String, String)>,
    pub stat: &'a str,
    pub period: Duration,
}

/// One datapoint.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Datapoint {
    pub at: Timestamp,
    pub value: f64,
}

/// The request parameters of one page.
pub fn params(
    q: &MetricQuery<'_>,
    start: Timestamp,
    end: Timestamp,
    next_token: Option<&str>,
) -> Vec<(String, String)> {
    const M: &str = "MetricDataQueries.member.1";
    let mut p: Vec<(String, String)> = vec![
        (format!("{M}.Id"), "m1".into()),
        (format!("{M}.MetricStat.Metric.Namespace"), q.namespace.into()),
        (format!("{M}.MetricStat.Metric.MetricName"), q.metric.into()),
    ];
    for (i, (name, value)) in q.dimensions.iter().enumerate() {
        p.push((format!("{M}.MetricStat.Metric.Dimensions.member.{}.Name", i + 1), name.clone()));
        p.push((format!("{M}.MetricStat.Metric.Dimensions.member.{}.Value", i + 1), value.clone()));
    }
    p.push((format!("{M}.MetricStat.Period"), q.period.as_secs().max(1).to_string()));
    p.push((format!("{M}.MetricStat.Stat"), q.stat.into()));
    p.push(("StartTime".into(), iso(start)));
    p.push(("EndTime".into(), iso(end)));
    p.push(("ScanBy".into(), "TimestampDescending".into()));
    if let Some(t) = next_token {
        p.push(("NextToken".into(), t.into()));
    }
    p
}

fn iso(t: Timestamp) -> String {
    t.strftime("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// The datapoints of `q` from `now - window` to `now`, newest first.
pub async fn get_metric_data(
    cfg: &SdkConfig,
    q: &MetricQuery<'_>,
    window: Duration,
    now: Timestamp,
) -> Result<Vec<Datapoint>, QueryError> {
    let span = jiff::SignedDuration::try_from(window).unwrap_or(jiff::SignedDuration::from_hours(24 * 455));
    let start = now.checked_sub(span).unwrap_or(Timestamp::MIN);
    let mut pages = Vec::new();
    let mut token: Option<String> = None;
    let mut seen = std::collections::BTreeSet::new();
    loop {
        let owned = params(q, start, now, token.as_deref());
        let params: Vec<(&str, String)> = owned.iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
        let page: Answer = call(cfg, &SERVICE, "GetMetricData", &params).await?;
        let next = page.result.as_ref().and_then(|r| r.next_token.clone()).filter(|t| !t.is_empty());
        pages.push(page);
        match next {
            None => break,
            Some(_) if pages.len() >= MAX_PAGES => {
                return Err(incomplete("PartialData", format!("still more after {MAX_PAGES} pages")));
            }
            Some(t) if !seen.insert(t.clone()) => {
                return Err(incomplete("PartialData", "the same NextToken twice".into()));
            }
            Some(t) => token = Some(t),
        }
    }
    datapoints(pages)
}

fn incomplete(code: &str, message: String) -> QueryError {
    QueryError::Service { status: 200, code: code.into(), message: Some(message), request_id: None }
}

/// The datapoints of `m1` across `pages`, newest first; an error unless the last page
/// said `Complete`.
pub fn datapoints(pages: Vec<Answer>) -> Result<Vec<Datapoint>, QueryError> {
    let mut out = Vec::new();
    let mut last_status = None;
    for page in pages {
        let Some(result) = page.result else {
            return Err(QueryError::Answer {
                status: 200,
                body: Vec::new(),
                why: "the answer has no GetMetricDataResult".into(),
            });
        };
        let results = result.metric_data_results.map(|m| m.member).unwrap_or_default();
        let Some(r) = results.into_iter().find(|r| r.id.as_deref() == Some("m1")) else {
            return Err(QueryError::Answer {
                status: 200,
                body: Vec::new(),
                why: "the answer has no result m1".into(),
            });
        };
        let stamps = r.timestamps.map(|m| m.member).unwrap_or_default();
        let values = r.values.map(|m| m.member).unwrap_or_default();
        if stamps.len() != values.len() {
            return Err(QueryError::Answer {
                status: 200,
                body: Vec::new(),
                why: format!("{} timestamps for {} values", stamps.len(), values.len()),
            });
        }
        for (t, v) in stamps.iter().zip(&values) {
            let at = t.trim().parse::<Timestamp>().map_err(|e| QueryError::Answer {
                status: 200,
                body: Vec::new(),
                why: format!("timestamp `{t}`: {e}"),
            })?;
            let value = v.trim().parse::<f64>().map_err(|e| QueryError::Answer {
                status: 200,
                body: Vec::new(),
                why: format!("value `{v}`: {e}"),
            })?;
            out.push(Datapoint { at, value });
        }
        let messages: Vec<String> = r
            .messages
            .map(|m| m.member)
            .unwrap_or_default()
            .into_iter()
            .map(|m| format!("{}: {}", m.code.unwrap_or_default(), m.value.unwrap_or_default()))
            .collect();
        last_status = Some((r.status_code.unwrap_or_default(), messages));
    }
    match last_status {
        Some((s, _)) if s == "Complete" => {}
        Some((s, messages)) => {
            let code = if s.is_empty() { "NoStatusCode".to_string() } else { s };
            let mut m = "the metric's data is not complete".to_string();
            if !messages.is_empty() {
                m.push_str(&format!(" ({})", messages.join("; ")));
            }
            return Err(incomplete(&code, m));
        }
        None => return Err(incomplete("NoStatusCode", "no page was read".into())),
    }
    out.sort_by_key(|p| std::cmp::Reverse(p.at));
    Ok(out)
}

/// The children of `<GetMetricDataResponse>`.
#[derive(Debug, Default, Deserialize)]
pub struct Answer {
    #[serde(rename = "GetMetricDataResult")]
    result: Option<GetMetricDataResult>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase")]
struct GetMetricDataResult {
    metric_data_results: Option<Members<MetricDataResult>>,
    next_token: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
struct Members<T> {
    #[serde(default)]
    member: Vec<T>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase")]
struct MetricDataResult {
    id: Option<String>,
    status_code: Option<String>,
    timestamps: Option<Members<String>>,
    values: Option<Members<String>>,
    messages: Option<Members<MessageData>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase")]
struct MessageData {
    code: Option<String>,
    value: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::aws::query::read_answer;

    fn page(xml: &str) -> Answer {
        read_answer("GetMetricData", 200, xml.as_bytes()).unwrap()
    }

    /// The shape of the API reference's answer (Query protocol: `member` lists, ISO 8601 times).
    fn answer(status: &str, stamps: &[&str], values: &[&str], next: Option<&str>) -> String {
        let t: String = stamps.iter().map(|s| format!("<member>{s}</member>")).collect();
        let v: String = values.iter().map(|s| format!("<member>{s}</member>")).collect();
        let next = next.map(|n| format!("<NextToken>{n}</NextToken>")).unwrap_or_default();
        format!(
            r#"<GetMetricDataResponse xmlns="http://monitoring.amazonaws.com/doc/2010-08-01/">
  <GetMetricDataResult>
    <MetricDataResults>
      <member>
        <Timestamps>{t}</Timestamps>
        <Label>CPUUtilization</Label>
        <Id>m1</Id>
        <Values>{v}</Values>
        <StatusCode>{status}</StatusCode>
      </member>
    </MetricDataResults>
    {next}
    <Messages/>
  </GetMetricDataResult>
  <ResponseMetadata><RequestId>5e4b3b4e-example</RequestId></ResponseMetadata>
</GetMetricDataResponse>"#
        )
    }

    #[test]
    fn a_complete_answer_gives_its_datapoints_newest_first() {
        let p = page(&answer("Complete", &["2026-12-07T01:09:00Z", "2026-12-07T01:10:00Z"], &["50.5", "97.2"], None));
        let d = datapoints(vec![p]).unwrap();
        assert_eq!(d.len(), 2);
        assert_eq!(d[0].at.to_string(), "2026-12-07T01:10:00Z");
        assert_eq!(d[0].value, 97.2);
    }

    #[test]
    fn pages_are_joined_and_only_a_complete_last_page_counts() {
        let first = page(&answer("PartialData", &["2026-12-07T01:10:00Z"], &["1"], Some("tok")));
        let last = page(&answer("Complete", &["2026-12-07T01:09:00Z"], &["2"], None));
        assert_eq!(datapoints(vec![first, last]).unwrap().len(), 2);

        let partial = page(&answer("PartialData", &["2026-12-07T01:10:00Z"], &["1"], None));
        let e = datapoints(vec![partial]).unwrap_err();
        assert!(matches!(&e, QueryError::Service { code, .. } if code == "PartialData"), "{e:?}");
        let forbidden = page(&answer("Forbidden", &[], &[], None));
        let e = datapoints(vec![forbidden]).unwrap_err();
        assert!(e.failure("GetMetricData").line().contains("Forbidden"), "{e:?}");
        let internal = page(&answer("InternalError", &[], &[], None));
        assert!(datapoints(vec![internal]).is_err(), "an internal error is never \"no data\"");
    }

    #[test]
    fn a_complete_answer_without_datapoints_is_empty_not_an_error() {
        let p = page(&answer("Complete", &[], &[], None));
        assert_eq!(datapoints(vec![p]).unwrap(), vec![]);
    }

    #[test]
    fn the_request_names_one_metric_stat_the_window_and_the_newest_first_order() {
        let q = MetricQuery {
            namespace: "AWS/EC2",
            metric: "CPUUtilization",
            dimensions: vec![("InstanceId".into(), "i-0123456789abcdef0".into())],
            stat: "Average",
            period: Duration::from_secs(60),
        };
        let now: Timestamp = "2026-12-07T01:10:00Z".parse().unwrap();
        let start: Timestamp = "2026-12-07T01:00:00Z".parse().unwrap();
        let p = params(&q, start, now, Some("tok"));
        let get = |k: &str| p.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_str());
        assert_eq!(get("MetricDataQueries.member.1.Id"), Some("m1"));
        assert_eq!(get("MetricDataQueries.member.1.MetricStat.Metric.Dimensions.member.1.Name"), Some("InstanceId"));
        assert_eq!(
            get("MetricDataQueries.member.1.MetricStat.Metric.Dimensions.member.1.Value"),
            Some("i-0123456789abcdef0")
        );
        assert_eq!(get("MetricDataQueries.member.1.MetricStat.Period"), Some("60"));
        assert_eq!(get("MetricDataQueries.member.1.MetricStat.Stat"), Some("Average"));
        assert_eq!(get("StartTime"), Some("2026-12-07T01:00:00Z"));
        assert_eq!(get("EndTime"), Some("2026-12-07T01:10:00Z"));
        assert_eq!(get("ScanBy"), Some("TimestampDescending"));
        assert_eq!(get("NextToken"), Some("tok"));
    }
}
