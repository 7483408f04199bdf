//! Tests of the CloudWatch GetMetricData fake through HTTP, as query calls signed for
//! `monitoring` (what opskit's own client sends; the workspace has no aws-sdk-cloudwatch).

use super::*;

const ACCOUNT: &str = DX_DEMO_ACCOUNT;
const REGION: &str = DX_DEMO_REGION;

fn sig(account: &str) -> String {
    format!(
        "AWS4-HMAC-SHA256 Credential={}/20261207/{REGION}/monitoring/aws4_request, SignedHeaders=host, Signature=00",
        sandbox_access_key(account)
    )
}

/// The form of a GetMetricData over the last `window_s` seconds: one query per
/// `(id, metric, instance id, stat)`, period 60, plus `extra` pairs.
fn form(window_s: i64, queries: &[(&str, &str, &str, &str)], extra: &[(&str, &str)]) -> String {
    let now = jiff::Timestamp::now().as_second();
    let iso = |s: i64| jiff::Timestamp::from_second(s).unwrap().strftime("%Y-%m-%dT%H:%M:%SZ").to_string();
    let mut f = url::form_urlencoded::Serializer::new(String::new());
    f.append_pair("Action", "GetMetricData").append_pair("Version", "2010-08-01");
    for (n, (id, metric, instance, stat)) in queries.iter().enumerate() {
        let p = format!("MetricDataQueries.member.{}", n + 1);
        f.append_pair(&format!("{p}.Id"), id)
            .append_pair(&format!("{p}.MetricStat.Metric.Namespace"), "AWS/EC2")
            .append_pair(&format!("{p}.MetricStat.Metric.MetricName"), metric)
            .append_pair(&format!("{p}.MetricStat.Metric.Dimensions.member.1.Name"), "InstanceId")
            .append_pair(&format!("{p}.MetricStat.Metric.Dimensions.member.1.Value"), instance)
            .append_pair(&format!("{p}.MetricStat.Period"), "60")
            .append_pair(&format!("{p}.MetricStat.Stat"), stat);
    }
    // Periods counted from a start on a minute boundary keep the buckets predictable.
    let start = (now - window_s) / 60 * 60;
    f.append_pair("StartTime", &iso(start)).append_pair("EndTime", &iso(now + 1));
    for (k, v) in extra {
        f.append_pair(k, v);
    }
    f.finish()
}

async fn post(sb: &Sandbox, account: &str, body: String) -> (u16, String) {
    let r = reqwest::Client::new()
        .post(sb.url("/"))
        .header("content-type", "application/x-www-form-urlencoded; charset=utf-8")
        .header("authorization", sig(account))
        .body(body)
        .send()
        .await
        .unwrap();
    (r.status().as_u16(), r.text().await.unwrap())
}

/// The text of every `<tag>` in `xml`, in order (the answers are flat enough for this).
fn all<'a>(xml: &'a str, tag: &str) -> Vec<&'a str> {
    let (open, close) = (format!("<{tag}>"), format!("</{tag}>"));
    xml.split(&open).skip(1).filter_map(|s| s.split_once(&close).map(|(v, _)| v)).collect()
}

/// Per result: (id, values, status code).
fn results(xml: &str) -> Vec<(String, Vec<f64>, String)> {
    xml.split("<MetricDataResults>")
        .nth(1)
        .unwrap_or("")
        .split("</MetricDataResults>")
        .next()
        .unwrap()
        .split("<member><Id>")
        .skip(1)
        .map(|m| {
            let id = m.split('<').next().unwrap().to_string();
            let values_block = m.split("<Values>").nth(1).unwrap_or("").split("</Values>").next().unwrap();
            let values = all(values_block, "member").into_iter().map(|v| v.parse().unwrap()).collect();
            (id, values, all(m, "StatusCode")[0].to_string())
        })
        .collect()
}

#[tokio::test]
async fn get_metric_data_answers_the_series_in_periods_newest_first() {
    let sb = Sandbox::start().await.unwrap();
    let dims = [("InstanceId", EC2_DEMO_WEB_1)];
    sb.cloudwatch_put_series(MetricSeries::new(
        ACCOUNT,
        REGION,
        "AWS/EC2",
        "CPUUtilization",
        &dims,
        &[(600, 10.0), (240, 97.0), (180, 95.0)],
    ))
    .unwrap();
    let (status, xml) =
        post(&sb, ACCOUNT, form(300, &[("cpu", "CPUUtilization", EC2_DEMO_WEB_1, "Maximum")], &[])).await;
    assert_eq!(status, 200, "{xml}");
    assert!(xml.contains("<GetMetricDataResponse xmlns=\"http://monitoring.amazonaws.com/doc/2010-08-01/\">"), "{xml}");
    assert!(xml.contains("<ResponseMetadata><RequestId>"), "{xml}");
    let r = results(&xml);
    assert_eq!(r.len(), 1);
    assert_eq!((r[0].0.as_str(), r[0].2.as_str()), ("cpu", "Complete"));
    assert_eq!(r[0].1, [95.0, 97.0], "newest first; the point 600 s ago is before StartTime");
    assert_eq!(all(&xml, "Label"), ["CPUUtilization"], "the label defaults to the metric name");
    let stamps = all(&xml, "member").into_iter().filter(|s| s.ends_with('Z')).count();
    assert_eq!(stamps, 2, "ISO 8601 timestamps: {xml}");

    let (_, asc) = post(
        &sb,
        ACCOUNT,
        form(300, &[("cpu", "CPUUtilization", EC2_DEMO_WEB_1, "Maximum")], &[("ScanBy", "TimestampAscending")]),
    )
    .await;
    assert_eq!(results(&asc)[0].1, [97.0, 95.0]);

    // Another instance, another account: no data, still Complete.
    let (_, other) = post(&sb, ACCOUNT, form(300, &[("cpu", "CPUUtilization", EC2_DEMO_WEB_2, "Maximum")], &[])).await;
    assert_eq!(results(&other)[0].1, Vec::<f64>::new());
    let (_, other) =
        post(&sb, "444455556666", form(300, &[("cpu", "CPUUtilization", EC2_DEMO_WEB_1, "Maximum")], &[])).await;
    assert_eq!(results(&other)[0].1, Vec::<f64>::new());
}

#[tokio::test]
async fn a_sequence_reads_high_before_the_recovery_and_low_after() {
    let sb = Sandbox::start().await.unwrap();
    let dims = [("InstanceId", EC2_DEMO_WEB_1)];
    let series = MetricSeries::new(ACCOUNT, REGION, "AWS/EC2", "CPUUtilization", &dims, &[(30, 99.0), (90, 98.0)])
        .then(&[(30, 50.0)])
        .then(&[(30, 12.0)]);
    sb.cloudwatch_put_series(series).unwrap();
    let q = [("cpu", "CPUUtilization", EC2_DEMO_WEB_1, "Average")];
    // The first read pages: its continuation reads the same list, not the next one.
    let (_, first) = post(&sb, ACCOUNT, form(180, &q, &[("MaxDatapoints", "1")])).await;
    let token = all(&first, "NextToken")[0].to_string();
    let (_, rest) = post(&sb, ACCOUNT, form(180, &q, &[("MaxDatapoints", "1"), ("NextToken", token.as_str())])).await;
    let mut seen = vec![results(&first)[0].1.clone(), results(&rest)[0].1.clone()];
    for _ in 0..3 {
        seen.push(results(&post(&sb, ACCOUNT, form(180, &q, &[])).await.1)[0].1.clone());
    }
    assert_eq!(seen, [vec![99.0], vec![98.0], vec![50.0], vec![12.0], vec![12.0]], "the last list repeats");
}

#[tokio::test]
async fn max_datapoints_cuts_the_answer_into_partial_data_pages() {
    let sb = Sandbox::start().await.unwrap();
    let points: Vec<(i64, f64)> = (0..5).map(|i| (60 * i + 30, i as f64)).collect();
    for (metric, instance) in [("CPUUtilization", EC2_DEMO_WEB_1), ("StatusCheckFailed", EC2_DEMO_WEB_1)] {
        sb.cloudwatch_put_series(MetricSeries::new(
            ACCOUNT,
            REGION,
            "AWS/EC2",
            metric,
            &[("InstanceId", instance)],
            &points,
        ))
        .unwrap();
    }
    let queries =
        [("cpu", "CPUUtilization", EC2_DEMO_WEB_1, "Sum"), ("chk", "StatusCheckFailed", EC2_DEMO_WEB_1, "Sum")];
    let (status, xml) = post(&sb, ACCOUNT, form(600, &queries, &[("MaxDatapoints", "4")])).await;
    assert_eq!(status, 200, "{xml}");
    let r = results(&xml);
    assert_eq!((r[0].1.len(), r[0].2.as_str()), (4, "PartialData"));
    assert_eq!((r[1].1.len(), r[1].2.as_str()), (0, "PartialData"));
    let mut got: Vec<usize> = vec![r[0].1.len(), r[1].1.len()];
    let mut token = all(&xml, "NextToken")[0].to_string();
    let mut pages = 1;
    loop {
        let (_, xml) =
            post(&sb, ACCOUNT, form(600, &queries, &[("MaxDatapoints", "4"), ("NextToken", token.as_str())])).await;
        pages += 1;
        let r = results(&xml);
        got[0] += r[0].1.len();
        got[1] += r[1].1.len();
        match all(&xml, "NextToken").first() {
            Some(t) => token = t.to_string(),
            None => {
                assert_eq!((r[0].2.as_str(), r[1].2.as_str()), ("Complete", "Complete"));
                break;
            }
        }
    }
    assert_eq!((got, pages), (vec![5, 5], 3));

    let (status, xml) = post(&sb, ACCOUNT, form(600, &queries, &[("NextToken", "bogus")])).await;
    assert_eq!(status, 400);
    assert!(xml.contains("<Code>InvalidNextToken</Code>"), "{xml}");
}

#[tokio::test]
async fn bad_input_gets_query_xml_errors() {
    let sb = Sandbox::start().await.unwrap();
    let q = [("cpu", "CPUUtilization", EC2_DEMO_WEB_1, "Average")];
    let without_start: String =
        form(60, &q, &[]).split('&').filter(|p| !p.starts_with("StartTime=")).collect::<Vec<_>>().join("&");
    let (status, xml) = post(&sb, ACCOUNT, without_start).await;
    assert_eq!(status, 400);
    assert!(xml.contains("<ErrorResponse xmlns=\"http://monitoring.amazonaws.com/doc/2010-08-01/\">"), "{xml}");
    assert!(xml.contains("<Code>MissingParameter</Code>") && xml.contains("StartTime"), "{xml}");
    let (_, xml) = post(&sb, ACCOUNT, form(60, &[("cpu", "CPUUtilization", EC2_DEMO_WEB_1, "Median")], &[])).await;
    assert!(xml.contains("<Code>InvalidParameterValue</Code>"), "{xml}");
    let (_, xml) = post(&sb, ACCOUNT, form(60, &[("Cpu", "CPUUtilization", EC2_DEMO_WEB_1, "Average")], &[])).await;
    assert!(xml.contains("<Code>InvalidParameterValue</Code>"), "an id must start lower case: {xml}");
    let (_, xml) = post(&sb, ACCOUNT, form(60, &q, &[("ScanBy", "Sideways")])).await;
    assert!(xml.contains("<Code>InvalidParameterValue</Code>"), "{xml}");
    let (status, xml) = post(&sb, ACCOUNT, "Action=PutMetricData&Version=2010-08-01".into()).await;
    assert_eq!(status, 400);
    assert!(xml.contains("<Code>InvalidAction</Code>"), "{xml}");
}

#[tokio::test]
async fn faults_and_the_control_plane_reach_cloudwatch() {
    let sb = Sandbox::start().await.unwrap();
    sb.inject(Fault::cloudwatch_error(Some("GetMetricData"), 400, "Throttling", "Rate exceeded", 1));
    let q = [("cpu", "CPUUtilization", EC2_DEMO_WEB_1, "Average")];
    let (status, xml) = post(&sb, ACCOUNT, form(120, &q, &[])).await;
    assert_eq!(status, 400);
    assert!(xml.contains("<Code>Throttling</Code>"), "{xml}");

    let put = serde_json::json!({"action": "put_series", "series": {
        "account": ACCOUNT, "region": REGION, "namespace": "AWS/EC2", "metric": "CPUUtilization",
        "dimensions": {"InstanceId": EC2_DEMO_WEB_1}, "points": [{"ago_s": 30, "value": 42.5}]}});
    let r = reqwest::Client::new().post(sb.url("/_sandbox/cloudwatch")).json(&put).send().await.unwrap();
    assert_eq!(r.status(), 200);
    let (status, xml) = post(&sb, ACCOUNT, form(120, &q, &[])).await;
    assert_eq!(status, 200, "the fault was used up: {xml}");
    assert_eq!(results(&xml)[0].1, [42.5]);
    let state: serde_json::Value = reqwest::get(sb.url("/_sandbox/cloudwatch")).await.unwrap().json().await.unwrap();
    assert_eq!(state["series"][0]["reads"], 1);
    let bad = serde_json::json!({"action": "put_series", "series": {"account": ACCOUNT}});
    let r = reqwest::Client::new().post(sb.url("/_sandbox/cloudwatch")).json(&bad).send().await.unwrap();
    assert_eq!(r.status(), 400);
}
