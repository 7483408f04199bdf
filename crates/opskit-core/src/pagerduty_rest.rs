//! A small client for PagerDuty's REST API v2 (`https://api.pagerduty.com`): the half of
//! PagerDuty the Events API v2 sink ([`crate::sinks::pagerduty`]) cannot do. It finds the
//! incident an alert of ours became (by its `dedup_key`) and who acknowledged it, lists
//! services, and creates, updates, lists and deletes maintenance windows.
//!
//! Wire conventions (see `reference/sinks.md`, "PagerDuty REST API v2"): every request
//! carries `Authorization: Token token=<token>` and `Accept:
//! application/vnd.pagerduty+json;version=2`; creating a maintenance window needs a `From`
//! header naming a user of the account (sent on every write when configured); errors come as
//! `{"error": {"message", "code", "errors": [..]}}`. Lists page the classic way (`offset`,
//! `limit` at most 100, `more`; `offset + limit` may not pass 10,000).
//!
//! Like [`crate::backlog`]: redirects are never followed (the token would travel with
//! them), a 429 waits `ratelimit-reset` seconds (else `Retry-After`) and retries, within
//! [`RetryPolicy`]; a 5xx or a lost connection is retried with backoff only when the call
//! is idempotent (a create is not: a second try could make a second window). Errors name
//! the operation (`pagerduty create maintenance window: …`), never the token, and pass
//! through [`crate::redact::redact`]. An answer that is not what PagerDuty documents (not
//! JSON, a field missing, a page that repeats or never ends) is an error: nothing is
//! concluded from it.

use crate::backlog::rate::{Clock, SystemClock};
use crate::redact::{Secret, redact};
use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};
use std::sync::Arc;
use std::time::Duration;

/// PagerDuty's REST API root.
pub const DEFAULT_API_URL: &str = "https://api.pagerduty.com";
const ACCEPT: &str = "application/vnd.pagerduty+json;version=2";
/// Classic pagination's largest page.
const PAGE_LIMIT: usize = 100;
/// "The sum of the offset and limit parameters cannot exceed 10000."
const PAGING_CAP: usize = 10_000;

/// A failed REST call. `op` names the operation (`list incidents`); the token never
/// appears.
#[derive(Debug, Clone, thiserror::Error)]
#[non_exhaustive]
pub enum RestError {
    /// PagerDuty answered an error status.
    #[error("pagerduty {op}: {status}: {message}")]
    Api {
        op: String,
        status: u16,
        /// PagerDuty's error code (2006 = authentication failed, 5001 = not found…).
        code: Option<i64>,
        /// `error.message` and `error.errors`, or an excerpt of an answer not in that shape.
        message: String,
    },
    /// 429 after the retries [`RetryPolicy`] allows, or a wait longer than it allows.
    #[error("pagerduty {op}: rate limited{}\nhint: PagerDuty allows 960 requests a minute per API key; run less often or give this deployment its own key", .retry_after.map(|d| format!("; PagerDuty asks to wait {}s", d.as_secs())).unwrap_or_default())]
    RateLimited { op: String, retry_after: Option<Duration> },
    /// No answer: timeout, connection refused, TLS.
    #[error("pagerduty {op}: request failed: {message}")]
    Transport { op: String, message: String },
    /// A 3xx: not followed, since the request carries the token.
    #[error(
        "pagerduty {op}: answered {status} redirecting to {location}; the redirect was not followed\nhint: set `api_url` to PagerDuty's API address (https://api.pagerduty.com, or https://api.eu.pagerduty.com for an EU account)"
    )]
    Redirected { op: String, status: u16, location: String },
    /// An answer that is not what PagerDuty documents.
    #[error("pagerduty {op}: unexpected answer: {message}")]
    Decode { op: String, message: String },
    /// A write PagerDuty refuses without a `From` user.
    #[error(
        "pagerduty {op}: needs a `From` user\nhint: set `from = \"you@example.com\"` (a user of the PagerDuty account) on the pagerduty sink"
    )]
    NoFrom { op: String },
}

impl RestError {
    pub fn status(&self) -> Option<u16> {
        match self {
            RestError::Api { status, .. } => Some(*status),
            RestError::RateLimited { .. } => Some(429),
            _ => None,
        }
    }

    pub fn is_not_found(&self) -> bool {
        self.status() == Some(404)
    }
}

/// How long the client keeps trying one call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    /// How many times one call is sent again (after a 429, or a 5xx/lost connection of an
    /// idempotent call).
    pub retries: u32,
    /// The longest single wait. A 429 asking for longer gives up at once: waiting less and
    /// asking again would only be refused again.
    pub max_wait: Duration,
    /// The first backoff after a 5xx; doubled each time.
    pub backoff: Duration,
}

impl Default for RetryPolicy {
    /// Three retries, a minute at most per wait (PagerDuty's window is a minute), from 1 s.
    fn default() -> Self {
        RetryPolicy { retries: 3, max_wait: Duration::from_secs(60), backoff: Duration::from_secs(1) }
    }
}

/// An incident's state.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(from = "String")]
pub enum IncidentStatus {
    Triggered,
    Acknowledged,
    Resolved,
    /// "More status codes may be introduced in the future": kept as sent, and never taken
    /// for resolved or acknowledged.
    Other(String),
}

impl From<String> for IncidentStatus {
    fn from(s: String) -> Self {
        match s.as_str() {
            "triggered" => IncidentStatus::Triggered,
            "acknowledged" => IncidentStatus::Acknowledged,
            "resolved" => IncidentStatus::Resolved,
            _ => IncidentStatus::Other(s),
        }
    }
}

/// Who acknowledged an incident, and when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Acknowledgement {
    pub at: jiff::Timestamp,
    /// The acknowledger's name (`acknowledger.summary`: a user, or a service for an
    /// Events API acknowledge).
    pub by: String,
}

/// What a reminder needs of an incident.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Incident {
    pub id: String,
    pub number: u64,
    pub status: IncidentStatus,
    pub created_at: jiff::Timestamp,
    pub last_status_change_at: Option<jiff::Timestamp>,
    pub html_url: String,
    pub service_id: String,
    pub acknowledgements: Vec<Acknowledgement>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Service {
    pub id: String,
    pub name: String,
    pub html_url: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MaintenanceWindow {
    pub id: String,
    pub start: jiff::Timestamp,
    pub end: jiff::Timestamp,
    /// Service ids.
    pub services: Vec<String>,
    pub description: String,
    pub html_url: Option<String>,
}

/// Which maintenance windows `GET /maintenance_windows` lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WindowFilter {
    Past,
    Future,
    Ongoing,
    /// Ongoing or future.
    Open,
    All,
}

impl WindowFilter {
    pub fn as_str(self) -> &'static str {
        match self {
            WindowFilter::Past => "past",
            WindowFilter::Future => "future",
            WindowFilter::Ongoing => "ongoing",
            WindowFilter::Open => "open",
            WindowFilter::All => "all",
        }
    }
}

/// What `DELETE /maintenance_windows/{id}` did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WindowRemoval {
    /// 204: a future window was deleted, an ongoing one ended now (PagerDuty does not say
    /// which).
    Removed,
    /// 405: the window had already ended; PagerDuty keeps it as history.
    AlreadyEnded,
}

// --- wire shapes -----------------------------------------------------------------------

#[derive(Deserialize)]
struct WireRef {
    id: String,
    #[serde(default)]
    summary: Option<String>,
}

#[derive(Deserialize)]
struct WireAck {
    at: jiff::Timestamp,
    acknowledger: WireRef,
}

#[derive(Deserialize)]
struct WireIncident {
    id: String,
    incident_number: u64,
    status: IncidentStatus,
    created_at: jiff::Timestamp,
    #[serde(default)]
    last_status_change_at: Option<jiff::Timestamp>,
    html_url: String,
    service: WireRef,
    #[serde(default)]
    acknowledgements: Vec<WireAck>,
}

impl From<WireIncident> for Incident {
    fn from(w: WireIncident) -> Incident {
        Incident {
            id: w.id,
            number: w.incident_number,
            status: w.status,
            created_at: w.created_at,
            last_status_change_at: w.last_status_change_at,
            html_url: w.html_url,
            service_id: w.service.id,
            acknowledgements: w
                .acknowledgements
                .into_iter()
                .map(|a| Acknowledgement { at: a.at, by: a.acknowledger.summary.unwrap_or(a.acknowledger.id) })
                .collect(),
        }
    }
}

#[derive(Deserialize)]
struct WireWindow {
    id: String,
    start_time: jiff::Timestamp,
    end_time: jiff::Timestamp,
    #[serde(default)]
    description: Option<String>,
    services: Vec<WireRef>,
    #[serde(default)]
    html_url: Option<String>,
}

impl From<WireWindow> for MaintenanceWindow {
    fn from(w: WireWindow) -> MaintenanceWindow {
        MaintenanceWindow {
            id: w.id,
            start: w.start_time,
            end: w.end_time,
            services: w.services.into_iter().map(|s| s.id).collect(),
            description: w.description.unwrap_or_default(),
            html_url: w.html_url,
        }
    }
}

#[derive(Deserialize)]
struct WireError {
    error: WireErrorBody,
}

#[derive(Deserialize)]
struct WireErrorBody {
    #[serde(default)]
    message: String,
    #[serde(default)]
    code: Option<i64>,
    #[serde(default)]
    errors: Vec<String>,
}

/// The client. Cheap to clone.
#[derive(Clone)]
pub struct PagerDutyRest {
    http: reqwest::Client,
    base_url: String,
    token: Secret,
    from: Option<String>,
    retry: RetryPolicy,
    clock: Arc<dyn Clock>,
}

impl std::fmt::Debug for PagerDutyRest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PagerDutyRest")
            .field("base_url", &self.base_url)
            .field("token", &self.token)
            .field("from", &self.from)
            .field("retry", &self.retry)
            .finish()
    }
}

enum Method {
    Get,
    Post,
    Put,
    Delete,
}

impl Method {
    fn idempotent(&self) -> bool {
        !matches!(self, Method::Post)
    }
}

impl PagerDutyRest {
    /// `http` must not follow redirects ([`crate::http::http_client`]); a redirect is then
    /// refused as [`RestError::Redirected`]. `base_url` is `https://api.pagerduty.com` (a
    /// trailing slash is fine). `from` is the user writes are made as.
    pub fn new(http: reqwest::Client, base_url: &str, token: Secret, from: Option<String>) -> PagerDutyRest {
        PagerDutyRest {
            http,
            base_url: base_url.trim().trim_end_matches('/').to_string(),
            token,
            from,
            retry: RetryPolicy::default(),
            clock: Arc::new(SystemClock),
        }
    }

    pub fn with_retry(mut self, retry: RetryPolicy) -> PagerDutyRest {
        self.retry = retry;
        self
    }

    /// Time and sleep come from `clock` (tests check the waits without sleeping).
    pub fn with_clock(mut self, clock: Arc<dyn Clock>) -> PagerDutyRest {
        self.clock = clock;
        self
    }

    // --- operations --------------------------------------------------------------------

    /// The incident our alert `dedup_key` became (`GET /incidents?incident_key=…`, every
    /// status, `date_range=all` since the default is the last month only). PagerDuty opens
    /// a new incident for a key whose last one resolved, so several may match: the newest
    /// (by creation) is returned. `None` only from a complete listing that has none.
    pub async fn incident_by_dedup_key(&self, dedup_key: &str) -> Result<Option<Incident>, RestError> {
        let op = "find incident by dedup key";
        let query = vec![
            ("incident_key", dedup_key.to_string()),
            ("date_range", "all".to_string()),
            ("statuses[]", "triggered".to_string()),
            ("statuses[]", "acknowledged".to_string()),
            ("statuses[]", "resolved".to_string()),
        ];
        let all: Vec<WireIncident> = self.list(op, "/incidents", "incidents", &query).await?;
        Ok(all.into_iter().map(Incident::from).max_by_key(|i| (i.created_at, i.number)))
    }

    /// Every service of the account (all pages).
    pub async fn services(&self) -> Result<Vec<Service>, RestError> {
        self.list("list services", "/services", "services", &[]).await
    }

    /// One service; `None` when PagerDuty says there is no such service (404).
    pub async fn service(&self, id: &str) -> Result<Option<Service>, RestError> {
        let op = format!("get service {id}");
        let path = format!("/services/{}", seg(id));
        match self.call::<Value>(&op, Method::Get, &path, &[], None).await {
            Ok(v) => Ok(Some(field(&op, v, "service")?)),
            Err(e) if e.is_not_found() => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// `POST /maintenance_windows` for `services` (ids) from `start` to `end`. Needs
    /// `from`; not retried after a 5xx (the window may exist: list to find out).
    pub async fn create_maintenance_window(
        &self,
        service_ids: &[String],
        start: jiff::Timestamp,
        end: jiff::Timestamp,
        description: &str,
    ) -> Result<MaintenanceWindow, RestError> {
        let op = "create maintenance window";
        if self.from.is_none() {
            return Err(RestError::NoFrom { op: op.into() });
        }
        let body = window_body(service_ids, start, end, description);
        let v: Value = self.call(op, Method::Post, "/maintenance_windows", &[], Some(body)).await?;
        Ok(field::<WireWindow>(op, v, "maintenance_window")?.into())
    }

    /// `PUT /maintenance_windows/{id}` with every field given.
    pub async fn update_maintenance_window(
        &self,
        id: &str,
        start: jiff::Timestamp,
        end: jiff::Timestamp,
        service_ids: &[String],
        description: &str,
    ) -> Result<MaintenanceWindow, RestError> {
        let op = format!("update maintenance window {id}");
        let body = window_body(service_ids, start, end, description);
        let path = format!("/maintenance_windows/{}", seg(id));
        let v: Value = self.call(&op, Method::Put, &path, &[], Some(body)).await?;
        Ok(field::<WireWindow>(&op, v, "maintenance_window")?.into())
    }

    /// `DELETE /maintenance_windows/{id}`: PagerDuty deletes a future window and ends an
    /// ongoing one (204); one that has ended cannot be deleted (405), which is
    /// [`WindowRemoval::AlreadyEnded`], not an error. A 404 is an error.
    pub async fn delete_maintenance_window(&self, id: &str) -> Result<WindowRemoval, RestError> {
        let op = format!("delete maintenance window {id}");
        let path = format!("/maintenance_windows/{}", seg(id));
        match self.call::<Value>(&op, Method::Delete, &path, &[], None).await {
            Ok(_) => Ok(WindowRemoval::Removed),
            Err(e) if e.status() == Some(405) => Ok(WindowRemoval::AlreadyEnded),
            Err(e) => Err(e),
        }
    }

    /// Maintenance windows in `filter`, of any of `service_ids` (empty: all), all pages.
    pub async fn maintenance_windows(
        &self,
        service_ids: &[String],
        filter: WindowFilter,
    ) -> Result<Vec<MaintenanceWindow>, RestError> {
        let mut query: Vec<(&str, String)> = vec![("filter", filter.as_str().to_string())];
        query.extend(service_ids.iter().map(|s| ("service_ids[]", s.clone())));
        let all: Vec<WireWindow> =
            self.list("list maintenance windows", "/maintenance_windows", "maintenance_windows", &query).await?;
        Ok(all.into_iter().map(Into::into).collect())
    }

    // --- plumbing ----------------------------------------------------------------------

    /// Every page of a classic-paginated list under `key`. A page without `more`, one that
    /// starts elsewhere than asked, one that repeats the last, or `more` on an empty page
    /// is an error, as is a list longer than PagerDuty can page (10,000).
    async fn list<T: DeserializeOwned>(
        &self,
        op: &str,
        path: &str,
        key: &str,
        query: &[(&str, String)],
    ) -> Result<Vec<T>, RestError> {
        let mut out = Vec::new();
        let mut offset = 0usize;
        let mut last_ids: Option<Vec<Value>> = None;
        loop {
            if offset + PAGE_LIMIT > PAGING_CAP {
                return Err(RestError::Decode {
                    op: op.into(),
                    message: format!("more than {PAGING_CAP} results, more than PagerDuty can page through"),
                });
            }
            let mut q = query.to_vec();
            q.push(("offset", offset.to_string()));
            q.push(("limit", PAGE_LIMIT.to_string()));
            let page: Value = self.call(op, Method::Get, path, &q, None).await?;
            let bad = |message: String| RestError::Decode { op: op.into(), message };
            let Some(items) = page.get(key).and_then(Value::as_array) else {
                return Err(bad(format!("no `{key}` list in the page at offset {offset}")));
            };
            let Some(more) = page.get("more").and_then(Value::as_bool) else {
                return Err(bad(format!("no `more` in the page at offset {offset}")));
            };
            if let Some(o) = page.get("offset").and_then(Value::as_u64)
                && o as usize != offset
            {
                return Err(bad(format!("asked for offset {offset}, got the page at {o}")));
            }
            let ids: Vec<Value> = items.iter().map(|i| i["id"].clone()).collect();
            if !ids.is_empty() && last_ids.as_ref() == Some(&ids) {
                return Err(bad(format!("the page at offset {offset} repeats the one before")));
            }
            if more && items.is_empty() {
                return Err(bad(format!("an empty page at offset {offset} says there is more")));
            }
            for item in items {
                out.push(
                    serde_json::from_value(item.clone())
                        .map_err(|e| bad(format!("an item in `{key}`: {}", redact(&e.to_string()))))?,
                );
            }
            if !more {
                return Ok(out);
            }
            offset += items.len();
            last_ids = Some(ids);
        }
    }

    fn url(&self, op: &str, path: &str, query: &[(&str, String)]) -> Result<reqwest::Url, RestError> {
        let mut url = reqwest::Url::parse(&format!("{}{path}", self.base_url))
            .map_err(|e| RestError::Transport { op: op.into(), message: format!("invalid pagerduty api_url: {e}") })?;
        if !query.is_empty() {
            let mut q = url.query_pairs_mut();
            for (k, v) in query {
                q.append_pair(k, v);
            }
        }
        Ok(url)
    }

    /// One call with the retries of [`RetryPolicy`]; the answer's JSON (`null` for 204).
    async fn call<T: DeserializeOwned>(
        &self,
        op: &str,
        method: Method,
        path: &str,
        query: &[(&str, String)],
        body: Option<Value>,
    ) -> Result<T, RestError> {
        let url = self.url(op, path, query)?;
        let policy = self.retry;
        let mut attempt = 0u32;
        loop {
            let mut req = match method {
                Method::Get => self.http.get(url.clone()),
                Method::Post => self.http.post(url.clone()),
                Method::Put => self.http.put(url.clone()),
                Method::Delete => self.http.delete(url.clone()),
            }
            .header(reqwest::header::AUTHORIZATION, format!("Token token={}", self.token.expose()))
            .header(reqwest::header::ACCEPT, ACCEPT);
            if !matches!(method, Method::Get)
                && let Some(from) = &self.from
            {
                req = req.header(reqwest::header::FROM, from);
            }
            if let Some(b) = &body {
                req = req.json(b);
            }
            let backoff = policy.backoff.saturating_mul(1 << attempt.min(10)).min(policy.max_wait);
            let resp = match req.send().await {
                Ok(r) => r,
                Err(e) => {
                    let message = redact(&crate::http::error_chain(&e.without_url()));
                    if method.idempotent() && attempt < policy.retries {
                        attempt += 1;
                        tracing::info!(op, attempt, error = %message, "pagerduty request failed; retrying");
                        self.clock.sleep(backoff).await;
                        continue;
                    }
                    return Err(RestError::Transport { op: op.into(), message });
                }
            };
            let status = resp.status().as_u16();
            tracing::debug!(op, status, "pagerduty answered");
            if resp.status().is_redirection() {
                let location =
                    resp.headers().get(reqwest::header::LOCATION).and_then(|v| v.to_str().ok()).unwrap_or("");
                let location = crate::http::shown_location(resp.url(), location, None);
                return Err(RestError::Redirected { op: op.into(), status, location });
            }
            if status == 429 {
                let wait = wait_after_429(resp.headers(), self.clock.now());
                let fits = wait.is_none_or(|w| w <= policy.max_wait);
                if attempt < policy.retries && fits {
                    attempt += 1;
                    let wait = wait.unwrap_or(backoff);
                    tracing::info!(
                        op,
                        attempt,
                        wait_ms = wait.as_millis() as u64,
                        "pagerduty rate limit (429); waiting"
                    );
                    self.clock.sleep(wait).await;
                    continue;
                }
                return Err(RestError::RateLimited { op: op.into(), retry_after: wait });
            }
            let text = match resp.text().await {
                Ok(t) => t,
                Err(e) => {
                    return Err(RestError::Transport {
                        op: op.into(),
                        message: redact(&crate::http::error_chain(&e.without_url())),
                    });
                }
            };
            if status >= 500 && method.idempotent() && attempt < policy.retries {
                attempt += 1;
                tracing::info!(op, attempt, status, "pagerduty server error; retrying");
                self.clock.sleep(backoff).await;
                continue;
            }
            return decode(op, status, &text);
        }
    }
}

/// The answer of one call: 2xx with a JSON body (204 or an empty body reads as `null`),
/// else the error in PagerDuty's shape or an excerpt.
fn decode<T: DeserializeOwned>(op: &str, status: u16, text: &str) -> Result<T, RestError> {
    if !(200..300).contains(&status) {
        let (code, message) = match serde_json::from_str::<WireError>(text) {
            Ok(WireError { error }) => {
                let mut m = error.message.trim_end_matches('.').to_string();
                if !error.errors.is_empty() {
                    m.push_str(&format!(" ({})", error.errors.join("; ")));
                }
                (error.code, redact(&m))
            }
            Err(_) if text.trim().is_empty() => (None, "(no body)".into()),
            Err(_) => (None, crate::http::body_excerpt(text)),
        };
        let message = match code {
            Some(c) => format!("{message} (code {c})"),
            None => message,
        };
        return Err(RestError::Api { op: op.into(), status, code, message });
    }
    let text = if text.trim().is_empty() { "null" } else { text };
    serde_json::from_str(text).map_err(|e| RestError::Decode {
        op: op.into(),
        message: format!("not JSON ({}): {}", redact(&e.to_string()), crate::http::body_excerpt(text)),
    })
}

/// `v[key]` read as `T`, or a decode error naming the key.
fn field<T: DeserializeOwned>(op: &str, mut v: Value, key: &str) -> Result<T, RestError> {
    let inner = v.get_mut(key).map(Value::take).unwrap_or(Value::Null);
    if inner.is_null() {
        return Err(RestError::Decode { op: op.into(), message: format!("no `{key}` in the answer") });
    }
    serde_json::from_value(inner)
        .map_err(|e| RestError::Decode { op: op.into(), message: format!("`{key}`: {}", redact(&e.to_string())) })
}

/// How long a 429 asks to wait: `ratelimit-reset` (seconds until the window resets, as
/// PagerDuty documents it), else `Retry-After`; at least a second.
pub fn wait_after_429(headers: &reqwest::header::HeaderMap, now: jiff::Timestamp) -> Option<Duration> {
    let reset = headers.get("ratelimit-reset").and_then(|v| v.to_str().ok()).and_then(|v| v.trim().parse::<u64>().ok());
    let wait = match reset {
        Some(secs) => Duration::from_secs(secs),
        None => crate::http::retry_after_at(headers, now)?,
    };
    Some(wait.max(Duration::from_secs(1)))
}

fn window_body(service_ids: &[String], start: jiff::Timestamp, end: jiff::Timestamp, description: &str) -> Value {
    let services: Vec<Value> = service_ids.iter().map(|id| json!({"id": id, "type": "service_reference"})).collect();
    json!({"maintenance_window": {"type": "maintenance_window", "start_time": start.to_string(),
           "end_time": end.to_string(), "description": description, "services": services}})
}

/// An id as one path segment.
fn seg(id: &str) -> String {
    percent_encoding::utf8_percent_encode(id, percent_encoding::NON_ALPHANUMERIC).to_string()
}

#[cfg(test)]
#[path = "pagerduty_rest_tests.rs"]
mod tests;
