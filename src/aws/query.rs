//! opskit's own client of the AWS Query protocol: a form-encoded `POST /` signed with SigV4,
//! answered in XML. It exists because the generated SDK crate for EC2 was most of a first
//! build: `aws-sdk-ec2` was one rustc run of 443 s and a 7.36 GiB peak on a 2-core machine
//! (6.8 GiB even at opt-level 0, the compiler's front end alone), for ten read-only
//! Describe* calls. What it needs is already in the dependency tree: `aws-sigv4` (which the
//! SDK signs with), `quick-xml` with serde and `reqwest`.
//!
//! References: [Query requests](https://docs.aws.amazon.com/AWSEC2/latest/APIReference/Query-Requests.html),
//! [error codes](https://docs.aws.amazon.com/AWSEC2/latest/APIReference/api-error-codes.html),
//! [SigV4](https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv.html).
//!
//! The protocol part is shared by every Query service (a [`Service`] names one); the shapes
//! are each service's ([`crate::aws::ec2`]). EC2's dialect wraps lists in `<item>`s and
//! answers errors as `<Response><Errors><Error>`; RDS, ELB, IAM and Auto Scaling answer
//! `<XResponse><XResult>`, `<member>` and `<ErrorResponse><Error>`. [`call`] checks the root
//! and reads both error shapes; the rest is the caller's structs.
//!
//! Credentials, region and endpoint come from the target's `SdkConfig`
//! ([`crate::aws::AwsSession::config`]), so the session stays the one place they are decided.
//! An answer is taken only as HTTP 2xx with an XML body whose root is `<{Action}Response>`;
//! anything else (an HTML page, another root, an empty body, a redirect) fails the call
//! naming the operation, never an empty success. Failures go through
//! [`crate::aws::failure`], so they read as an SDK client's do.

use crate::aws::failure::{self, Failure};
use aws_config::SdkConfig;
use aws_credential_types::Credentials;
use aws_credential_types::provider::ProvideCredentials as _;
use aws_credential_types::provider::error::CredentialsError;
use serde::de::DeserializeOwned;
use std::sync::OnceLock;
use std::time::{Duration, SystemTime};

/// A Query-protocol service.
#[derive(Debug, Clone, Copy)]
pub struct Service {
    /// The SigV4 signing name and the endpoint's host prefix (`ec2`).
    pub name: &'static str,
    /// The service id of `AWS_ENDPOINT_URL_<ID>` and a profile's `[services]` section (`EC2`).
    pub service_id: &'static str,
    /// The `Version` every request carries.
    pub version: &'static str,
}

/// Attempts of one call, the first included (the SDK's standard retry mode).
pub const MAX_ATTEMPTS: u32 = 3;
/// The first retry waits up to this (with jitter), doubling each time.
const BACKOFF_BASE: Duration = Duration::from_millis(500);
const BACKOFF_MAX: Duration = Duration::from_secs(20);
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
const CONTENT_TYPE: &str = "application/x-www-form-urlencoded; charset=utf-8";

/// Why a call failed, before it is told as a [`Failure`].
#[derive(Debug)]
pub enum QueryError {
    /// AWS answered with an error code (`<Errors><Error><Code>`).
    Service { status: u16, code: String, message: Option<String>, request_id: Option<String> },
    /// An answer that is not the operation's (nor an AWS error): its status, body and why.
    Answer { status: u16, body: Vec<u8>, why: String },
    /// The credentials provider gave none.
    Credentials(CredentialsError),
    /// No answer: DNS, refused, reset, timed out.
    Transport(reqwest::Error),
    /// The request could not be made (no region, an unusable endpoint, signing).
    Request(String),
}

impl QueryError {
    /// The failure as a person reads it, naming `op`.
    pub fn failure(&self, op: &str) -> Failure {
        match self {
            QueryError::Service { code, message, .. } => failure::service(op, code, message.as_deref()),
            QueryError::Answer { status, body, why } => {
                let mut f = failure::answer(op, *status, body);
                if (200..300).contains(status) {
                    // A 2xx that is not EC2's XML: a proxy, captive portal or wrong override.
                    f.message = format!("{why} (HTTP {status}, body not a {op} answer)");
                    f.hint = Some(NOT_AWS_HINT.to_string());
                }
                f
            }
            QueryError::Credentials(e) => failure::describe(op, e),
            QueryError::Transport(e) => failure::describe(op, e),
            QueryError::Request(why) => failure::other(op, why),
        }
    }

    /// Whether another attempt may succeed: throttling, AWS's 5xx and internal errors, and
    /// transport failures before an answer (connect, timeout). Never a 4xx.
    pub fn retryable(&self) -> bool {
        match self {
            QueryError::Service { status, code, .. } => *status >= 500 || is_transient_code(code),
            QueryError::Answer { status, .. } => matches!(status, 429 | 500 | 502 | 503 | 504),
            QueryError::Transport(e) => e.is_connect() || e.is_timeout(),
            QueryError::Credentials(_) | QueryError::Request(_) => false,
        }
    }
}

const NOT_AWS_HINT: &str = "something other than AWS may have answered: a proxy or captive portal, or an \
                            endpoint override (AWS_ENDPOINT_URL*, endpoint_url in the AWS profile) pointing elsewhere";

/// Throttling and transient error codes the SDK's standard retry mode retries.
fn is_transient_code(code: &str) -> bool {
    matches!(
        code,
        "Throttling"
            | "ThrottlingException"
            | "ThrottledException"
            | "RequestThrottledException"
            | "TooManyRequestsException"
            | "ProvisionedThroughputExceededException"
            | "TransactionInProgressException"
            | "RequestLimitExceeded"
            | "BandwidthLimitExceeded"
            | "LimitExceededException"
            | "RequestThrottled"
            | "SlowDown"
            | "PriorRequestNotComplete"
            | "EC2ThrottledException"
            | "InternalError"
            | "InternalFailure"
            | "ServiceUnavailable"
            | "Unavailable"
            | "RequestTimeout"
            | "RequestTimeoutException"
    )
}

/// One HTTP client for every Query call of the run (connection pools, TLS set up once).
/// Redirects are not followed: a 3xx is not an AWS answer.
pub(super) fn http() -> Result<&'static reqwest::Client, QueryError> {
    static CLIENT: OnceLock<reqwest::Client> = OnceLock::new();
    if let Some(c) = CLIENT.get() {
        return Ok(c);
    }
    let c = crate::http::http_client()
        .connect_timeout(CONNECT_TIMEOUT)
        // As the SDK clients' (see `super::MAX_IDLE_PER_HOST`): idle connections keep their buffers.
        .pool_max_idle_per_host(super::MAX_IDLE_PER_HOST)
        .user_agent(crate::http::USER_AGENT)
        .build()
        .map_err(|e| QueryError::Request(format!("cannot set up the HTTP client: {e}")))?;
    Ok(CLIENT.get_or_init(|| c))
}

/// The endpoint of `service` for `cfg`: its override when set (as the SDK reads it: the
/// client's own `endpoint_url` first, then `AWS_ENDPOINT_URL_<ID>` / the profile's service
/// section, then `AWS_ENDPOINT_URL` / `endpoint_url`), else the region's public endpoint.
/// No region is an error, never a default one.
pub fn endpoint(cfg: &SdkConfig, service: &Service) -> Result<String, QueryError> {
    let overridden = if cfg.get_origin("endpoint_url").is_client_config() {
        cfg.endpoint_url().map(str::to_string)
    } else {
        let key = aws_types::service_config::ServiceConfigKey::builder()
            .service_id(service.service_id)
            .env("AWS_ENDPOINT_URL")
            .profile("endpoint_url")
            .build()
            .map_err(|e| QueryError::Request(e.to_string()))?;
        cfg.service_config().and_then(|c| c.load_config(key)).or_else(|| cfg.endpoint_url().map(str::to_string))
    };
    if let Some(url) = overridden {
        return Ok(url);
    }
    let region = cfg.region().map(|r| r.as_ref().to_string()).filter(|r| !r.is_empty());
    let region = region.ok_or_else(|| QueryError::Request("no region to call".into()))?;
    Ok(public_endpoint(service, &region))
}

/// `https://ec2.{region}.amazonaws.com`, `.amazonaws.com.cn` in China. IAM and Route 53
/// are global services with one endpoint per partition (`https://iam.amazonaws.com`,
/// `https://route53.amazonaws.com`), whatever region signs.
fn public_endpoint(service: &Service, region: &str) -> String {
    let china = region.starts_with("cn-");
    let suffix = if china { "amazonaws.com.cn" } else { "amazonaws.com" };
    match (service.name, china) {
        ("iam", false) | ("route53", false) => format!("https://{}.{suffix}", service.name),
        ("iam", true) => format!("https://iam.cn-north-1.{suffix}"),
        ("route53", true) => format!("https://route53.{suffix}"),
        _ => format!("https://{}.{region}.{suffix}", service.name),
    }
}

/// `Action=…&Version=…&` then `params`, form-encoded.
pub fn form(service: &Service, action: &str, params: &[(&str, String)]) -> String {
    let mut f = url::form_urlencoded::Serializer::new(String::new());
    f.append_pair("Action", action).append_pair("Version", service.version);
    for (k, v) in params {
        f.append_pair(k, v);
    }
    f.finish()
}

/// Where and when a request is signed: its region, the service's signing name, the time.
#[derive(Debug, Clone, Copy)]
pub struct Scope<'a> {
    pub region: &'a str,
    pub service: &'a str,
    pub time: SystemTime,
}

/// The headers SigV4 adds to a request (`authorization`, `x-amz-date`, and
/// `x-amz-security-token` for session credentials) for `headers` and `body`.
pub fn sign(
    method: &str,
    url: &str,
    headers: &[(&str, &str)],
    body: &[u8],
    credentials: &Credentials,
    scope: Scope<'_>,
) -> Result<Vec<(&'static str, String)>, QueryError> {
    sign_with(method, url, headers, body, credentials, scope, aws_sigv4::http_request::SigningSettings::default())
}

/// [`sign`] with `settings` (S3's: the path encoded once, not normalised, and the
/// `x-amz-content-sha256` header).
pub fn sign_with(
    method: &str,
    url: &str,
    headers: &[(&str, &str)],
    body: &[u8],
    credentials: &Credentials,
    scope: Scope<'_>,
    settings: aws_sigv4::http_request::SigningSettings,
) -> Result<Vec<(&'static str, String)>, QueryError> {
    use aws_sigv4::http_request::{SignableBody, SignableRequest, sign};
    let identity = credentials.clone().into();
    let params = aws_sigv4::sign::v4::SigningParams::builder()
        .identity(&identity)
        .region(scope.region)
        .name(scope.service)
        .time(scope.time)
        .settings(settings)
        .build()
        .map_err(|e| QueryError::Request(format!("cannot sign: {e}")))?
        .into();
    let request = SignableRequest::new(method, url, headers.iter().copied(), SignableBody::Bytes(body))
        .map_err(|e| QueryError::Request(format!("cannot sign: {e}")))?;
    let (instructions, _) =
        sign(request, &params).map_err(|e| QueryError::Request(format!("cannot sign: {e}")))?.into_parts();
    let (added, _) = instructions.into_parts();
    Ok(added.into_iter().map(|h| (h.name(), h.value().to_string())).collect())
}

/// Call `action` of `service` with `params` for the target of `cfg`, retried as
/// [`QueryError::retryable`] says, and read the answer into `T` (the children of
/// `<{action}Response>`; unknown elements are ignored).
pub async fn call<T: DeserializeOwned>(
    cfg: &SdkConfig,
    service: &Service,
    action: &str,
    params: &[(&str, String)],
) -> Result<T, QueryError> {
    with_retries(action, QueryError::retryable, || once(cfg, service, action, params)).await
}

/// Run `attempt` until it succeeds, fails for good, or `retry` says a failure is not worth
/// another try, waiting [`backoff`] between tries: the SDK's standard mode.
pub(super) async fn with_retries<T, F, Fut>(
    op: &str,
    retry: fn(&QueryError) -> bool,
    attempt: F,
) -> Result<T, QueryError>
where
    F: Fn() -> Fut,
    Fut: std::future::Future<Output = Result<T, QueryError>>,
{
    let mut n = 1;
    loop {
        match attempt().await {
            Err(e) if n < MAX_ATTEMPTS && retry(&e) => {
                let wait = backoff(n);
                tracing::debug!(operation = op, attempt = n, wait_ms = wait.as_millis() as u64, error = %e.failure(op).line(), "retrying");
                tokio::time::sleep(wait).await;
                n += 1;
            }
            r => return r,
        }
    }
}

/// Full jitter over an exponential backoff: a random wait up to `base * 2^(attempt-1)`.
pub(super) fn backoff(attempt: u32) -> Duration {
    super::full_jitter(BACKOFF_BASE.saturating_mul(1 << (attempt - 1).min(16)).min(BACKOFF_MAX))
}

async fn once<T: DeserializeOwned>(
    cfg: &SdkConfig,
    service: &Service,
    action: &str,
    params: &[(&str, String)],
) -> Result<T, QueryError> {
    let resp = signed_post(cfg, service, &[("content-type", CONTENT_TYPE)], form(service, action, params)).await?;
    let status = resp.status().as_u16();
    let bytes = resp.bytes().await.map_err(QueryError::Transport)?;
    read_answer(action, status, &bytes)
}

/// The credentials of `cfg`'s provider, or why there are none.
pub(super) async fn credentials(cfg: &SdkConfig) -> Result<Credentials, QueryError> {
    let provider = cfg
        .credentials_provider()
        .ok_or_else(|| QueryError::Credentials(CredentialsError::not_loaded("no credentials provider")))?;
    provider.provide_credentials().await.map_err(QueryError::Credentials)
}

/// `host[:port]` of `url`: the `host` header SigV4 signs.
pub(super) fn host_header(url: &reqwest::Url) -> String {
    match url.port() {
        Some(p) => format!("{}:{p}", url.host_str().unwrap_or_default()),
        None => url.host_str().unwrap_or_default().to_string(),
    }
}

/// POST `body` to `service`'s endpoint for `cfg` (its region, its endpoint overrides),
/// signed with its credentials, with `headers` (the content type, a protocol's own headers).
pub(super) async fn signed_post(
    cfg: &SdkConfig,
    service: &Service,
    headers: &[(&str, &str)],
    body: String,
) -> Result<reqwest::Response, QueryError> {
    let url = endpoint(cfg, service)?;
    let url = reqwest::Url::parse(&url).map_err(|e| QueryError::Request(format!("endpoint `{url}`: {e}")))?;
    let region = cfg.region().map(|r| r.as_ref().to_string()).ok_or_else(|| QueryError::Request("no region".into()))?;
    let credentials = credentials(cfg).await?;
    let host = host_header(&url);
    let mut signed_headers: Vec<(&str, &str)> = headers.to_vec();
    signed_headers.push(("host", host.as_str()));
    let scope = Scope { region: &region, service: service.name, time: SystemTime::now() };
    let signed = sign("POST", url.as_str(), &signed_headers, body.as_bytes(), &credentials, scope)?;
    let mut req = http()?.post(url).body(body);
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    for (k, v) in signed {
        req = req.header(k, v);
    }
    req.send().await.map_err(QueryError::Transport)
}

/// An answer's status and body as the operation's `T`, or why not.
pub fn read_answer<T: DeserializeOwned>(action: &str, status: u16, body: &[u8]) -> Result<T, QueryError> {
    let answer = |why: String| QueryError::Answer { status, body: body.to_vec(), why };
    let root = root_name(body);
    if !(200..300).contains(&status) {
        return Err(match root.as_deref() {
            Some("Response" | "ErrorResponse") => {
                read_error(status, body).unwrap_or_else(|| answer("no error code".into()))
            }
            _ => answer("not an AWS error".into()),
        });
    }
    let expected = format!("{action}Response");
    match root {
        Some(r) if r == expected => {}
        Some(r) => return Err(answer(format!("the answer is <{r}>, not <{expected}>"))),
        None if body.iter().all(u8::is_ascii_whitespace) => return Err(answer("the answer is empty".into())),
        None => return Err(answer("the answer is not XML".into())),
    }
    let text = std::str::from_utf8(body).map_err(|_| answer("the answer is not UTF-8".into()))?;
    quick_xml::de::from_str(text).map_err(|e| answer(format!("the answer cannot be read: {e}")))
}

/// The local name of the document's root element, if it is XML.
pub(super) fn root_name(body: &[u8]) -> Option<String> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_reader(body);
    loop {
        match reader.read_event().ok()? {
            Event::Start(e) | Event::Empty(e) => {
                return Some(String::from_utf8_lossy(e.local_name().as_ref()).into_owned());
            }
            Event::Eof => return None,
            Event::Text(t) if !t.iter().all(u8::is_ascii_whitespace) => return None,
            _ => {}
        }
    }
}

/// EC2's `<Response><Errors><Error>` or the others' `<ErrorResponse><Error>`.
#[derive(Debug, serde::Deserialize)]
struct ErrorAnswer {
    #[serde(rename = "Errors")]
    errors: Option<Errors>,
    #[serde(rename = "Error")]
    error: Option<ErrorBody>,
    #[serde(rename = "RequestID", alias = "RequestId")]
    request_id: Option<String>,
}

#[derive(Debug, serde::Deserialize)]
struct Errors {
    #[serde(rename = "Error", default)]
    error: Vec<ErrorBody>,
}

#[derive(Debug, serde::Deserialize)]
struct ErrorBody {
    #[serde(rename = "Code")]
    code: Option<String>,
    #[serde(rename = "Message")]
    message: Option<String>,
}

/// The first error of an error answer, when it names a code.
pub(super) fn read_error(status: u16, body: &[u8]) -> Option<QueryError> {
    let a: ErrorAnswer = quick_xml::de::from_str(std::str::from_utf8(body).ok()?).ok()?;
    let e = a.errors.and_then(|e| e.error.into_iter().next()).or(a.error)?;
    let code = e.code.filter(|c| !c.trim().is_empty())?;
    Some(QueryError::Service { status, code: code.trim().to_string(), message: e.message, request_id: a.request_id })
}

#[cfg(test)]
#[path = "query_tests.rs"]
mod tests;
