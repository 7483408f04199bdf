//! Google Cloud's REST APIs, one credentials stack for all of them ([`auth`]: Application
//! Default Credentials through gcloud-auth, workload identity federation included), used by
//! GCS (`crate::storage::gcs`) and by the inventory's Compute Engine and Resource Manager
//! calls ([`Google::get_json`]).
//!
//! Typed serde over the REST API rather than `google-cloud-compute-v1`: the inventory reads
//! a handful of list calls, and the official crate (with its gax/auth/gRPC-free stack still
//! ~200 crates) would cost more build time than the whole client here.

pub mod auth;
pub mod compute;
pub mod resource_manager;

use crate::config::Env;
use auth::GoogleAuth;
use reqwest::StatusCode;
use serde::Deserialize;
use std::time::Duration;

/// What to do when Google refuses: the credentials opskit looked for.
pub const CREDENTIALS_HINT: &str = "run `gcloud auth application-default login`, or set GOOGLE_APPLICATION_CREDENTIALS to a service-account key file or a workload identity federation (external_account) configuration (on GCE, GKE and Cloud Run the attached service account is used)";

/// Whether `endpoint` is plain http to a loopback host (the sandbox, an emulator).
pub fn is_loopback_http(endpoint: &str) -> bool {
    let Ok(u) = url::Url::parse(endpoint) else { return false };
    u.scheme() == "http"
        && match u.host() {
            Some(url::Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
            Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
            Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
            None => false,
        }
}

/// A failed Google API call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GoogleError {
    /// Google answered with an error status: `error.status` (`PERMISSION_DENIED`), the
    /// reasons of `error.errors[]` and `error.details[]` ErrorInfo, and the message.
    Status { status: u16, code: String, reasons: Vec<String>, message: String },
    /// No answer (connection, timeout), after the retries.
    Transport(String),
    /// An answer that is not the API's (not JSON, a missing list).
    Decode(String),
    /// No token could be had.
    Credentials(String),
}

impl GoogleError {
    /// The API is not enabled in the project (`accessNotConfigured` / `SERVICE_DISABLED`).
    pub fn service_disabled(&self) -> bool {
        matches!(self, GoogleError::Status { status: 403, reasons, .. }
            if reasons.iter().any(|r| r == "accessNotConfigured" || r == "SERVICE_DISABLED"))
    }

    pub fn denied(&self) -> bool {
        matches!(self, GoogleError::Status { status: 401 | 403, .. }) && !self.service_disabled()
    }
}

impl std::fmt::Display for GoogleError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            GoogleError::Status { status, code, message, .. } if code.is_empty() => {
                write!(f, "HTTP {status}: {message}")
            }
            GoogleError::Status { status, code, message, .. } => write!(f, "HTTP {status} {code}: {message}"),
            GoogleError::Transport(t) => write!(f, "no answer: {t}"),
            GoogleError::Decode(d) => write!(f, "an answer that is not the API's: {d}"),
            GoogleError::Credentials(c) => write!(f, "no Google credentials: {c}"),
        }
    }
}

/// Google's JSON error body (`{"error": {"code", "message", "status", "errors", "details"}}`).
#[derive(Debug, Default, Deserialize)]
struct ErrorBody {
    error: Option<ErrorInner>,
}

#[derive(Debug, Default, Deserialize)]
struct ErrorInner {
    #[serde(default)]
    message: String,
    #[serde(default)]
    status: String,
    #[serde(default)]
    errors: Vec<ErrorItem>,
    #[serde(default)]
    details: Vec<ErrorDetail>,
}

#[derive(Debug, Default, Deserialize)]
struct ErrorItem {
    #[serde(default)]
    reason: String,
}

#[derive(Debug, Default, Deserialize)]
struct ErrorDetail {
    #[serde(rename = "@type", default)]
    kind: String,
    #[serde(default)]
    reason: String,
}

fn parse_error(status: StatusCode, body: &str) -> GoogleError {
    let parsed: ErrorBody = serde_json::from_str(body).unwrap_or_default();
    match parsed.error {
        Some(e) => {
            let mut reasons: Vec<String> = e.errors.into_iter().map(|i| i.reason).filter(|r| !r.is_empty()).collect();
            reasons
                .extend(e.details.into_iter().filter(|d| d.kind.ends_with("google.rpc.ErrorInfo")).map(|d| d.reason));
            // The message of a disabled API is a paragraph with the console link; keep it whole.
            GoogleError::Status { status: status.as_u16(), code: e.status, reasons, message: e.message }
        }
        None => {
            let t = body.trim();
            let message = if t.is_empty() { "(no body)".to_string() } else { t.chars().take(200).collect() };
            GoogleError::Status { status: status.as_u16(), code: String::new(), reasons: Vec::new(), message }
        }
    }
}

/// An authorized JSON client for Google's REST APIs, retrying 429, 5xx and transport
/// errors (every call made through it is a read).
#[derive(Debug, Clone)]
pub struct Google {
    http: reqwest::Client,
    /// `None`: no Authorization header (an endpoint override to loopback without
    /// `GOOGLE_APPLICATION_CREDENTIALS`: the sandbox).
    credentials: Option<GoogleAuth>,
    retries: usize,
}

impl Google {
    pub fn new(http: reqwest::Client, credentials: Option<GoogleAuth>, retries: usize) -> Google {
        Google { http, credentials, retries }
    }

    /// The client for `endpoints` (API roots, each `None` for Google's): credentials from
    /// ADC, except when every endpoint given is plain http to loopback and no key file is
    /// named, which sends none. `timeout` bounds each request.
    pub fn for_endpoints(env: &Env, endpoints: &[Option<&str>], timeout: Duration) -> Result<Google, GoogleError> {
        let http = crate::http::http_client()
            .user_agent(concat!("opskit/", env!("CARGO_PKG_VERSION")))
            .timeout(timeout)
            .connect_timeout(Duration::from_secs(10))
            .build()
            .map_err(|e| GoogleError::Transport(format!("building the HTTP client: {e}")))?;
        let local = endpoints.iter().all(|e| e.is_some_and(is_loopback_http));
        let credentials = if local && env.get("GOOGLE_APPLICATION_CREDENTIALS").is_none() {
            None
        } else {
            Some(GoogleAuth::from_env(env, auth::CLOUD_PLATFORM).map_err(|e| GoogleError::Credentials(e.0))?)
        };
        Ok(Google::new(http, credentials, 3))
    }

    /// GET `url` with `query` and parse the JSON answer.
    pub async fn get_json<T: serde::de::DeserializeOwned>(
        &self,
        url: &str,
        query: &[(&str, String)],
    ) -> Result<T, GoogleError> {
        let mut attempt = 0;
        loop {
            let mut req = self.http.get(url).query(query);
            if let Some(creds) = &self.credentials {
                let bearer = creds.authorization().await.map_err(|e| GoogleError::Credentials(e.0))?;
                req = req.header(reqwest::header::AUTHORIZATION, bearer);
            }
            let transient = match req.send().await {
                Ok(resp) if resp.status().is_success() => {
                    let body = resp.bytes().await.map_err(|e| GoogleError::Transport(crate::http::error_chain(&e)))?;
                    return serde_json::from_slice(&body).map_err(|e| GoogleError::Decode(e.to_string()));
                }
                Ok(resp) => {
                    let status = resp.status();
                    let body = resp.text().await.unwrap_or_default();
                    let err = parse_error(status, &body);
                    if !(status == StatusCode::TOO_MANY_REQUESTS || status.is_server_error()) {
                        return Err(err);
                    }
                    err
                }
                Err(e) => GoogleError::Transport(crate::http::error_chain(&e)),
            };
            if attempt >= self.retries {
                return Err(match transient {
                    GoogleError::Transport(t) if attempt > 0 => {
                        GoogleError::Transport(format!("{t} (after {attempt} retries)"))
                    }
                    GoogleError::Status { status, code, reasons, message } if attempt > 0 => GoogleError::Status {
                        status,
                        code,
                        reasons,
                        message: format!("{message} (after {attempt} retries)"),
                    },
                    other => other,
                });
            }
            tokio::time::sleep(backoff(attempt)).await;
            attempt += 1;
        }
    }
}

fn backoff(attempt: usize) -> Duration {
    Duration::from_millis(200u64.saturating_mul(1 << attempt.min(6))).min(Duration::from_secs(8))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_disabled_api_is_told_from_a_denial() {
        let body = r#"{"error":{"code":403,"message":"Compute Engine API has not been used in project 1 before or it is disabled.","errors":[{"message":"...","domain":"usageLimits","reason":"accessNotConfigured","extendedHelp":"https://console.developers.google.com"}],"status":"PERMISSION_DENIED","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"SERVICE_DISABLED","domain":"googleapis.com"}]}}"#;
        let e = parse_error(StatusCode::FORBIDDEN, body);
        assert!(e.service_disabled() && !e.denied(), "{e:?}");
        let body = r#"{"error":{"code":403,"message":"Required 'compute.instances.list' permission","errors":[{"reason":"forbidden"}],"status":"PERMISSION_DENIED"}}"#;
        let e = parse_error(StatusCode::FORBIDDEN, body);
        assert!(!e.service_disabled() && e.denied(), "{e:?}");
        assert_eq!(e.to_string(), "HTTP 403 PERMISSION_DENIED: Required 'compute.instances.list' permission");
        assert_eq!(parse_error(StatusCode::BAD_GATEWAY, "").to_string(), "HTTP 502: (no body)");
    }

    #[test]
    fn only_plain_http_to_loopback_is_local() {
        assert!(is_loopback_http("http://127.0.0.1:9000"));
        assert!(is_loopback_http("http://localhost:1"));
        assert!(!is_loopback_http("https://127.0.0.1:9000"));
        assert!(!is_loopback_http("http://compute.example.com"));
    }
}
