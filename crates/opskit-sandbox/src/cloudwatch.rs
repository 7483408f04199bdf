//! Fake of Amazon CloudWatch GetMetricData (API 2010-08-01, the query protocol), over metric
//! series that tests and the demo put ([`Sandbox::cloudwatch_put_series`], or `POST
//! /_sandbox/cloudwatch`).
//!
//! Wire facts (CloudWatch API reference, GetMetricData, MetricDataQuery, MetricStat,
//! MetricDataResult; common errors): a call is `POST /` with a form body
//! `Action=GetMetricData&Version=2010-08-01&...`, signed for `monitoring`; lists are
//! `MetricDataQueries.member.N.Id`, `.Label`, `.ReturnData`, `.MetricStat.Metric.Namespace`,
//! `.MetricStat.Metric.MetricName`, `.MetricStat.Metric.Dimensions.member.M.Name`/`.Value`,
//! `.MetricStat.Period`, `.MetricStat.Stat`, `.MetricStat.Unit`; `StartTime` and `EndTime`
//! are ISO 8601; `ScanBy` is `TimestampDescending` (the default) or `TimestampAscending`;
//! `MaxDatapoints` (default 100,800) and `NextToken` page. The answer is `<GetMetricDataResponse
//! xmlns="http://monitoring.amazonaws.com/doc/2010-08-01/"><GetMetricDataResult>
//! <MetricDataResults><member><Id/><Label/><Timestamps><member/></Timestamps><Values><member/>
//! </Values><StatusCode/><Messages/></member></MetricDataResults><NextToken/><Messages/>
//! </GetMetricDataResult><ResponseMetadata><RequestId/></ResponseMetadata>`, timestamps as
//! ISO 8601 text. An error is `<ErrorResponse><Error><Type>Sender</Type><Code/><Message/>
//! </Error><RequestId/></ErrorResponse>` (400 `MissingParameter`, `InvalidParameterValue`,
//! `InvalidParameterCombination`, `InvalidNextToken`).
//!
//! Since 2025 the CloudWatch SDKs also speak AWS JSON 1.0 and Smithy RPC v2 CBOR and prefer
//! them (<https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/cloudwatch-protocols-faq.html>
//! calls them "additional protocols" and announces no end of AWS Query). opskit's own signed
//! client sends the query protocol, so this fake answers only it: a JSON or CBOR call is not
//! routed here (it is not `Version=2010-08-01` form data) and gets the sandbox's 404.
//!
//! The sandbox's rules:
//! - A series is (account, region, namespace, metric name, dimensions) with points given as
//!   seconds before "now" and a value; "now" is each GetMetricData call's time, so a point
//!   60 s ago stays 60 s old. A series can instead hold a sequence of point lists, one per
//!   GetMetricData call that reads it (a call with a `NextToken` reads the same one as the
//!   call it continues), the last repeating: a metric reads high before a recovery and low
//!   after. Dimensions must match exactly, as in CloudWatch; no series: no datapoints,
//!   `Complete`.
//! - Points in [StartTime, EndTime) are grouped into periods counted from StartTime, each
//!   period's statistic (`Average`, `Sum`, `Minimum`, `Maximum`, `SampleCount`, `pNN`
//!   nearest-rank) is one datapoint; `Period` must be 1, 5, 10, 20, 30 or a multiple of 60.
//! - `MaxDatapoints` caps the datapoints of one answer across its results: the results cut
//!   short are `PartialData` and `NextToken` continues where the answer stopped. Every
//!   result with `ReturnData` not false is in every page (empty once done). `Label`
//!   defaults to the metric name. Math `Expression`s are not evaluated:
//!   `InvalidParameterValue` (our choice).

use super::aws::{self, Caller, QueryService};
use super::{Recorded, Reply, Sandbox, Shared, lock};
use serde_json::json;
use std::collections::BTreeMap;
use std::fmt::Write as _;

pub(crate) const API_VERSION: &str = "2010-08-01";
const XMLNS: &str = "http://monitoring.amazonaws.com/doc/2010-08-01/";
/// What a [`super::Fault`]'s `target` pattern sees for a CloudWatch call: the service shape's
/// name and the action, `GraniteServiceVersion20100801.GetMetricData`.
pub const CLOUDWATCH_TARGET_PREFIX: &str = "GraniteServiceVersion20100801";
const CONTENT_TYPE: &str = "text/xml";
const DEFAULT_MAX_DATAPOINTS: usize = 100_800;
const MAX_QUERIES: usize = 500;

pub(crate) const SERVICE: QueryService = QueryService {
    signing_name: "monitoring",
    api_version: API_VERSION,
    target_prefix: CLOUDWATCH_TARGET_PREFIX,
    content_type: CONTENT_TYPE,
};

/// One datapoint of a series, `ago_s` seconds before the call that reads it.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct MetricPoint {
    pub ago_s: i64,
    pub value: f64,
}

/// A metric series (see [`Sandbox::cloudwatch_put_series`]): `points`, or a `sequence` of
/// point lists read one per GetMetricData call (the last repeating); a sequence wins.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct MetricSeries {
    pub account: String,
    pub region: String,
    pub namespace: String,
    pub metric: String,
    pub dimensions: BTreeMap<String, String>,
    pub points: Vec<MetricPoint>,
    pub sequence: Vec<Vec<MetricPoint>>,
}

impl MetricSeries {
    /// A series of `points` (`(seconds ago, value)`) for `namespace`/`metric` with
    /// `dimensions`, in `account`/`region`.
    pub fn new(
        account: &str,
        region: &str,
        namespace: &str,
        metric: &str,
        dimensions: &[(&str, &str)],
        points: &[(i64, f64)],
    ) -> MetricSeries {
        MetricSeries {
            account: account.to_string(),
            region: region.to_string(),
            namespace: namespace.to_string(),
            metric: metric.to_string(),
            dimensions: dimensions.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect(),
            points: points.iter().map(|&(ago_s, value)| MetricPoint { ago_s, value }).collect(),
            sequence: Vec::new(),
        }
    }

    /// The same metric read as `sequence[0]` by the first call, `sequence[1]` by the next, ...
    pub fn then(mut self, points: &[(i64, f64)]) -> MetricSeries {
        if self.sequence.is_empty() {
            self.sequence.push(std::mem::take(&mut self.points));
        }
        self.sequence.push(points.iter().map(|&(ago_s, value)| MetricPoint { ago_s, value }).collect());
        self
    }

    fn key(&self) -> (&str, &str, &str, &str, &BTreeMap<String, String>) {
        (&self.account, &self.region, &self.namespace, &self.metric, &self.dimensions)
    }
}

struct Stored {
    series: MetricSeries,
    /// GetMetricData calls (without a token) that read it.
    reads: usize,
}

#[derive(Default)]
pub(crate) struct CloudWatch {
    series: Vec<Stored>,
}

impl CloudWatch {
    fn put(&mut self, series: MetricSeries) {
        self.series.retain(|s| s.series.key() != series.key());
        self.series.push(Stored { series, reads: 0 });
    }
}

fn error_body(code: &str, message: &str, request_id: &str) -> String {
    let mut out = format!("<ErrorResponse xmlns=\"{XMLNS}\">\n  <Error>\n    <Type>Sender</Type>\n    <Code>");
    super::ec2::escape(code, &mut out);
    out.push_str("</Code>\n    <Message>");
    super::ec2::escape(message, &mut out);
    let _ = write!(out, "</Message>\n  </Error>\n  <RequestId>{request_id}</RequestId>\n</ErrorResponse>\n");
    out
}

fn error(status: u16, code: &str, message: &str) -> Reply {
    let id = aws::request_id();
    Reply {
        status,
        headers: vec![("content-type".into(), CONTENT_TYPE.into()), ("x-amzn-RequestId".into(), id.clone())],
        body: error_body(code, message, &id).into_bytes(),
    }
}

fn invalid(message: &str) -> Reply {
    error(400, "InvalidParameterValue", message)
}

fn missing(name: &str) -> Reply {
    error(400, "MissingParameter", &format!("The parameter {name} is required."))
}

impl super::Fault {
    /// A CloudWatch error on CloudWatch calls to `action` (`GetMetricData`; `None`: every
    /// call): `status` with the `<ErrorResponse>` body (`400 Throttling`, `500 InternalFailure`).
    pub fn cloudwatch_error(action: Option<&str>, status: u16, code: &str, message: &str, times: u32) -> super::Fault {
        SERVICE.fault(action, status, error_body(code, message, &aws::request_id()), times)
    }
}

/// A CloudWatch query call.
pub(crate) fn handle(shared: &Shared, rec: &Recorded) -> Reply {
    let caller = match aws::authenticate_query(rec, error) {
        Ok(c) => c,
        Err(reply) => return reply,
    };
    let form = rec.form();
    match form.iter().find(|(k, _)| k == "Action").map(|(_, v)| v.as_str()) {
        Some("GetMetricData") => get_metric_data(shared, &caller, &form).unwrap_or_else(|e| e),
        Some(other) => {
            error(400, "InvalidAction", &format!("Could not find operation {other} for version {API_VERSION}"))
        }
        None => error(400, "MissingAction", "Missing Action"),
    }
}

struct Query {
    id: String,
    label: Option<String>,
    return_data: bool,
    namespace: String,
    metric: String,
    dimensions: BTreeMap<String, String>,
    period: i64,
    stat: String,
}

/// `MetricDataQueries.member.N.<rest>` grouped by N, in order.
fn members(form: &[(String, String)]) -> BTreeMap<u32, BTreeMap<String, String>> {
    let mut out: BTreeMap<u32, BTreeMap<String, String>> = BTreeMap::new();
    for (k, v) in form {
        let Some(rest) = k.strip_prefix("MetricDataQueries.member.") else { continue };
        let Some((n, field)) = rest.split_once('.') else { continue };
        if let Ok(n) = n.parse() {
            out.entry(n).or_default().insert(field.to_string(), v.clone());
        }
    }
    out
}

fn parse_query(n: u32, f: &BTreeMap<String, String>) -> Result<Query, Reply> {
    let p = |name: &str| format!("MetricDataQueries.member.{n}.{name}");
    let id = f.get("Id").ok_or_else(|| missing(&p("Id")))?.clone();
    let id_ok = id.chars().next().is_some_and(|c| c.is_ascii_lowercase())
        && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        && id.len() <= 255;
    if !id_ok {
        return Err(invalid(&format!("The value {id} for parameter {} is not valid.", p("Id"))));
    }
    if f.contains_key("Expression") {
        return Err(invalid("Metric math expressions are not supported by the sandbox."));
    }
    let get = |name: &str| f.get(&format!("MetricStat.{name}")).cloned();
    let namespace = get("Metric.Namespace").ok_or_else(|| missing(&p("MetricStat.Metric.Namespace")))?;
    let metric = get("Metric.MetricName").ok_or_else(|| missing(&p("MetricStat.Metric.MetricName")))?;
    let period_s = get("Period").ok_or_else(|| missing(&p("MetricStat.Period")))?;
    let period: i64 = period_s.parse().map_err(|_| {
        invalid(&format!("The value {period_s} for parameter {} is not valid.", p("MetricStat.Period")))
    })?;
    if !([1, 5, 10, 20, 30].contains(&period) || (period >= 60 && period % 60 == 0)) {
        return Err(invalid(&format!(
            "The parameter {} must be 1, 5, 10, 20, 30, or a multiple of 60.",
            p("MetricStat.Period")
        )));
    }
    let stat = get("Stat").ok_or_else(|| missing(&p("MetricStat.Stat")))?;
    if statistic(&stat, &[1.0]).is_none() {
        return Err(invalid(&format!("The value {stat} for parameter {} is not valid.", p("MetricStat.Stat"))));
    }
    let mut dims: BTreeMap<u32, (Option<String>, Option<String>)> = BTreeMap::new();
    for (k, v) in f {
        let Some(rest) = k.strip_prefix("MetricStat.Metric.Dimensions.member.") else { continue };
        let Some((m, field)) = rest.split_once('.') else { continue };
        let Ok(m) = m.parse::<u32>() else { continue };
        let e = dims.entry(m).or_default();
        match field {
            "Name" => e.0 = Some(v.clone()),
            "Value" => e.1 = Some(v.clone()),
            _ => {}
        }
    }
    let mut dimensions = BTreeMap::new();
    for (m, (name, value)) in dims {
        let dp = p(&format!("MetricStat.Metric.Dimensions.member.{m}"));
        let name = name.ok_or_else(|| missing(&format!("{dp}.Name")))?;
        let value = value.ok_or_else(|| missing(&format!("{dp}.Value")))?;
        dimensions.insert(name, value);
    }
    let return_data = f.get("ReturnData").is_none_or(|v| !v.eq_ignore_ascii_case("false"));
    Ok(Query { id, label: f.get("Label").cloned(), return_data, namespace, metric, dimensions, period, stat })
}

/// `stat` over `values` (not empty); `None` for a statistic CloudWatch does not know.
fn statistic(stat: &str, values: &[f64]) -> Option<f64> {
    let n = values.len() as f64;
    match stat {
        "Average" => Some(values.iter().sum::<f64>() / n),
        "Sum" => Some(values.iter().sum()),
        "Minimum" => Some(values.iter().copied().fold(f64::INFINITY, f64::min)),
        "Maximum" => Some(values.iter().copied().fold(f64::NEG_INFINITY, f64::max)),
        "SampleCount" => Some(n),
        p => {
            let q: f64 = p.strip_prefix('p')?.parse().ok()?;
            if !(0.0..=100.0).contains(&q) {
                return None;
            }
            let mut sorted = values.to_vec();
            sorted.sort_by(f64::total_cmp);
            let rank = ((q / 100.0) * n).ceil().max(1.0) as usize;
            Some(sorted[rank.min(sorted.len()) - 1])
        }
    }
}

fn parse_time(form: &[(String, String)], name: &str) -> Result<jiff::Timestamp, Reply> {
    let v = form.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str()).ok_or_else(|| missing(name))?;
    v.parse::<jiff::Timestamp>().map_err(|_| invalid(&format!("The value {v} for parameter {name} is not valid.")))
}

fn iso(secs: i64) -> String {
    let t = jiff::Timestamp::from_second(secs).unwrap_or(jiff::Timestamp::UNIX_EPOCH);
    t.strftime("%Y-%m-%dT%H:%M:%SZ").to_string()
}

fn get_metric_data(shared: &Shared, caller: &Caller, form: &[(String, String)]) -> Result<Reply, Reply> {
    let get = |name: &str| form.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str());
    let raw = members(form);
    if raw.is_empty() {
        return Err(missing("MetricDataQueries"));
    }
    if raw.len() > MAX_QUERIES {
        return Err(invalid("The collection MetricDataQueries must not have a size greater than 500."));
    }
    let queries: Vec<Query> = raw.iter().map(|(n, f)| parse_query(*n, f)).collect::<Result<_, _>>()?;
    let start = parse_time(form, "StartTime")?;
    let end = parse_time(form, "EndTime")?;
    if start >= end {
        return Err(invalid("The parameter StartTime must be less than the parameter EndTime."));
    }
    let ascending = match get("ScanBy") {
        None | Some("TimestampDescending") => false,
        Some("TimestampAscending") => true,
        Some(other) => return Err(invalid(&format!("The value {other} for parameter ScanBy is not valid."))),
    };
    let max = match get("MaxDatapoints") {
        None => DEFAULT_MAX_DATAPOINTS,
        Some(v) => match v.parse::<usize>() {
            Ok(n) if n >= 1 => n,
            _ => return Err(invalid(&format!("The value {v} for parameter MaxDatapoints is not valid."))),
        },
    };
    let token = get("NextToken");
    let offset = match token {
        None => 0,
        Some(t) => aws::decode_token(t)
            .ok_or_else(|| error(400, "InvalidNextToken", "The service cannot find the given token."))?,
    };

    let now = jiff::Timestamp::now().as_second();
    let (start_s, end_s) = (start.as_second(), end.as_second());
    let mut cw = lock(&shared.cloudwatch);
    // Each query's datapoints, in the answer's order.
    let mut results: Vec<(&Query, Vec<(i64, f64)>)> = Vec::new();
    let mut read: Vec<usize> = Vec::new();
    for q in queries.iter().filter(|q| q.return_data) {
        let found = cw.series.iter().position(|s| {
            let m = &s.series;
            (m.account.as_str(), m.region.as_str(), m.namespace.as_str(), m.metric.as_str())
                == (caller.account.as_str(), caller.region.as_str(), q.namespace.as_str(), q.metric.as_str())
                && m.dimensions == q.dimensions
        });
        let points: Vec<MetricPoint> = match found {
            None => Vec::new(),
            Some(i) => {
                let s = &cw.series[i];
                if !read.contains(&i) {
                    read.push(i);
                }
                if s.series.sequence.is_empty() {
                    s.series.points.clone()
                } else {
                    let at = if token.is_some() { s.reads.saturating_sub(1) } else { s.reads };
                    s.series.sequence[at.min(s.series.sequence.len() - 1)].clone()
                }
            }
        };
        let mut buckets: BTreeMap<i64, Vec<f64>> = BTreeMap::new();
        for p in points {
            let t = now - p.ago_s;
            if t >= start_s && t < end_s {
                let b = start_s + (t - start_s) / q.period * q.period;
                buckets.entry(b).or_default().push(p.value);
            }
        }
        let mut datapoints: Vec<(i64, f64)> =
            buckets.into_iter().filter_map(|(t, vs)| Some((t, statistic(&q.stat, &vs)?))).collect();
        if !ascending {
            datapoints.reverse();
        }
        results.push((q, datapoints));
    }
    if token.is_none() {
        for i in read {
            cw.series[i].reads += 1;
        }
    }
    drop(cw);

    let total: usize = results.iter().map(|(_, d)| d.len()).sum();
    if offset > total {
        return Err(error(400, "InvalidNextToken", "The service cannot find the given token."));
    }
    let mut body = String::from("<MetricDataResults>");
    let (mut skip, mut budget, mut emitted) = (offset, max, 0usize);
    for (q, datapoints) in &results {
        let from = skip.min(datapoints.len());
        skip -= from;
        let take = budget.min(datapoints.len() - from);
        budget -= take;
        emitted += take;
        let slice = &datapoints[from..from + take];
        let status = if from + take < datapoints.len() { "PartialData" } else { "Complete" };
        let mut m = String::from("<member><Id>");
        super::ec2::escape(&q.id, &mut m);
        m.push_str("</Id><Label>");
        super::ec2::escape(q.label.as_deref().unwrap_or(&q.metric), &mut m);
        m.push_str("</Label><Timestamps>");
        for (t, _) in slice {
            let _ = write!(m, "<member>{}</member>", iso(*t));
        }
        m.push_str("</Timestamps><Values>");
        for (_, v) in slice {
            let _ = write!(m, "<member>{v}</member>");
        }
        let _ = write!(m, "</Values><StatusCode>{status}</StatusCode><Messages/></member>");
        body.push_str(&m);
    }
    body.push_str("</MetricDataResults>");
    if offset + emitted < total {
        let _ = write!(body, "<NextToken>{}</NextToken>", aws::encode_token(offset + emitted));
    }
    body.push_str("<Messages/>");
    let id = aws::request_id();
    let xml = format!(
        "<GetMetricDataResponse xmlns=\"{XMLNS}\">\n  <GetMetricDataResult>{body}</GetMetricDataResult>\n  \
         <ResponseMetadata><RequestId>{id}</RequestId></ResponseMetadata>\n</GetMetricDataResponse>\n"
    );
    Ok(Reply {
        status: 200,
        headers: vec![("content-type".into(), CONTENT_TYPE.into()), ("x-amzn-RequestId".into(), id)],
        body: xml.into_bytes(),
    })
}

// ---------------------------------------------------------------------------------------
// The control plane and the Rust API

#[derive(Debug, serde::Deserialize)]
#[serde(tag = "action", rename_all = "snake_case", deny_unknown_fields)]
enum Action {
    PutSeries { series: MetricSeries },
}

pub(crate) fn control(shared: &Shared, body: &[u8]) -> Reply {
    match serde_json::from_slice::<Action>(body) {
        Ok(Action::PutSeries { series }) => match check(&series) {
            Ok(()) => {
                lock(&shared.cloudwatch).put(series);
                Reply::json(200, &json!({"ok": true}))
            }
            Err(e) => Reply::text(400, &format!("invalid cloudwatch action: {e}")),
        },
        Err(e) => Reply::text(400, &format!("invalid cloudwatch action: {e}")),
    }
}

fn check(series: &MetricSeries) -> Result<(), String> {
    for (name, v) in [
        ("account", &series.account),
        ("region", &series.region),
        ("namespace", &series.namespace),
        ("metric", &series.metric),
    ] {
        if v.is_empty() {
            return Err(format!("`{name}` must not be empty"));
        }
    }
    Ok(())
}

/// `GET /_sandbox/cloudwatch`: every series, as put, with how many calls have read it.
pub(crate) fn control_state(shared: &Shared) -> Reply {
    let cw = lock(&shared.cloudwatch);
    let series: Vec<serde_json::Value> = cw
        .series
        .iter()
        .map(|s| {
            let mut v = serde_json::to_value(&s.series).unwrap_or_default();
            v["reads"] = json!(s.reads);
            v
        })
        .collect();
    Reply::json(200, &json!({"series": series}))
}

/// Why a CloudWatch change could not be made.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum CloudWatchError {
    #[error("invalid CloudWatch series: {0}")]
    Invalid(String),
}

impl Sandbox {
    /// Store a metric series (replacing the one of the same account, region, namespace,
    /// metric and dimensions) for GetMetricData to read. An empty account, region, namespace
    /// or metric name, which no call could match, is refused.
    pub fn cloudwatch_put_series(&self, series: MetricSeries) -> Result<(), CloudWatchError> {
        check(&series).map_err(CloudWatchError::Invalid)?;
        lock(&self.shared.cloudwatch).put(series);
        Ok(())
    }
}
