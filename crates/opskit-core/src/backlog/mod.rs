//! A small client for the Nulab Backlog REST API v2 (`https://SPACE.backlog.com/api/v2`),
//! used by the Backlog issue sink, and through [`wiki`] by the inventory and wiki commands.
//!
//! Wire conventions (see the shared `backlog-api.md`): the API key goes in the `apiKey`
//! query parameter of every request, bodies are `application/x-www-form-urlencoded` with
//! arrays as repeated `name[]=v` (multipart only for uploads), errors come as
//! `{"errors":[{message, code, moreInfo}]}`. Because the key is in the URL, errors are
//! built from the method and the path we were given, never from the URL, and every
//! message passes through [`crate::redact::redact`] as a second guard; logs carry the
//! path only.
//!
//! Every call honours the rate limits ([`rate`]): it reads `X-RateLimit-*` from each
//! answer, waits for the reset before a call when its bucket is spent, and after a 429
//! waits for `X-RateLimit-Reset` and sends again, as [`RateLimitPolicy`] bounds it.

pub mod rate;
pub mod wiki;
#[cfg(test)]
mod wiki_tests;

pub use rate::{Bucket, Clock, RateLimitPolicy, RateWindow, SystemClock};

use crate::redact::{Secret, redact};
use rate::Windows;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// One entry of Backlog's `errors` array.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct ApiErrorItem {
    #[serde(default)]
    pub message: String,
    #[serde(default)]
    pub code: i64,
    #[serde(default)]
    pub more_info: Option<String>,
}

#[derive(Debug, Deserialize)]
struct ApiErrorBody {
    errors: Vec<ApiErrorItem>,
}

/// A failed Backlog call. `method` and `path` name the call; the URL is never kept.
#[derive(Debug, Clone, thiserror::Error)]
#[non_exhaustive]
pub enum BacklogError {
    /// Backlog answered with an error status.
    #[error("backlog {method} {path}: {status}: {}", describe(.errors, .body))]
    Api {
        method: &'static str,
        path: String,
        status: u16,
        errors: Vec<ApiErrorItem>,
        /// The answer when it was not Backlog's error JSON (bounded, redacted).
        body: String,
    },
    /// 429: wait until the rate-limit window resets.
    #[error("backlog {method} {path}: rate limited{}", .retry_after.map(|d| format!("; retry in {}s", d.as_secs())).unwrap_or_default())]
    RateLimited { method: &'static str, path: String, retry_after: Option<Duration> },
    /// No answer: timeout, connection refused, TLS.
    #[error("backlog {method} {path}: request failed: {message}")]
    Transport {
        method: &'static str,
        path: String,
        message: String,
        /// False only when the request could not be built.
        retryable: bool,
    },
    /// A 3xx: not followed, since the request carries the API key in its query.
    #[error(
        "backlog {method} {path}: answered {status} redirecting to {location}; the redirect was not followed\n\
         hint: set `backlog.base_url` to the space's own address (https://SPACE.backlog.com or https://SPACE.backlog.jp), not one that redirects"
    )]
    Redirected { method: &'static str, path: String, status: u16, location: String },
    /// An answer we could not read.
    #[error("backlog {method} {path}: unexpected answer: {message}")]
    Decode { method: &'static str, path: String, message: String },
    /// Another error, with what the call was for (`wiki page `Home` (id 12) in project
    /// OPS`), so that a message names the page and the project, not only an id.
    #[error("{subject}: {inner}")]
    About { subject: String, inner: Box<BacklogError> },
}

fn describe(errors: &[ApiErrorItem], body: &str) -> String {
    if errors.is_empty() {
        return if body.is_empty() { "(no body)".to_string() } else { body.to_string() };
    }
    errors
        .iter()
        .map(|e| {
            let mut s = format!("{} (code {})", e.message.trim_end_matches('.'), e.code);
            if let Some(m) = e.more_info.as_deref().filter(|m| !m.is_empty()) {
                s.push_str(&format!(": {m}"));
            }
            s
        })
        .collect::<Vec<_>>()
        .join("; ")
}

impl BacklogError {
    /// The same error, said to be about `subject` (a page, a project). Redacted like
    /// every message, though a subject is built from names, never from a URL.
    pub fn about(self, subject: impl Into<String>) -> BacklogError {
        BacklogError::About { subject: redact(&subject.into()), inner: Box::new(self) }
    }

    /// The error without the subjects wrapped around it.
    pub fn root(&self) -> &BacklogError {
        match self {
            BacklogError::About { inner, .. } => inner.root(),
            other => other,
        }
    }

    /// Worth another attempt: rate limits, server errors, transport failures.
    pub fn is_retryable(&self) -> bool {
        match self.root() {
            BacklogError::RateLimited { .. } => true,
            BacklogError::Api { status, .. } => *status >= 500,
            BacklogError::Transport { retryable, .. } => *retryable,
            _ => false,
        }
    }

    pub fn retry_after(&self) -> Option<Duration> {
        match self.root() {
            BacklogError::RateLimited { retry_after, .. } => *retry_after,
            _ => None,
        }
    }

    /// Backlog's error codes (6 = no such resource, 7 = invalid request, 11 = bad key…).
    pub fn codes(&self) -> Vec<i64> {
        match self.root() {
            BacklogError::Api { errors, .. } => errors.iter().map(|e| e.code).collect(),
            _ => Vec::new(),
        }
    }

    pub fn status(&self) -> Option<u16> {
        match self.root() {
            BacklogError::Api { status, .. } => Some(*status),
            BacklogError::RateLimited { .. } => Some(429),
            _ => None,
        }
    }

    /// Backlog said the resource does not exist (404, or code 6).
    pub fn is_not_found(&self) -> bool {
        self.status() == Some(404) || self.codes().contains(&6)
    }
}

/// A form body. Arrays are repeated `name[]=v`, as Backlog expects.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Form(Vec<(String, String)>);

impl Form {
    pub fn new() -> Form {
        Form::default()
    }

    pub fn set(mut self, name: &str, value: impl ToString) -> Form {
        self.0.push((name.to_string(), value.to_string()));
        self
    }

    pub fn set_opt(self, name: &str, value: Option<impl ToString>) -> Form {
        match value {
            Some(v) => self.set(name, v),
            None => self,
        }
    }

    pub fn array<I, V>(mut self, name: &str, values: I) -> Form
    where
        I: IntoIterator<Item = V>,
        V: ToString,
    {
        for v in values {
            self.0.push((format!("{name}[]"), v.to_string()));
        }
        self
    }

    pub fn pairs(&self) -> &[(String, String)] {
        &self.0
    }
}

#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct Project {
    pub id: u64,
    pub project_key: String,
    pub name: String,
    /// Which markup the project's wiki and issues are written in.
    #[serde(default)]
    pub text_formatting_rule: Option<TextFormattingRule>,
}

/// A project's `textFormattingRule`: the markup its wiki pages, issues and comments use.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(from = "String", into = "String")]
pub enum TextFormattingRule {
    Markdown,
    /// Backlog notation (`* heading`, `|a|b|h` tables, `{code}`).
    Backlog,
    /// A value Backlog may add later, kept as sent.
    Other(String),
}

impl From<String> for TextFormattingRule {
    fn from(s: String) -> Self {
        match s.as_str() {
            "markdown" => TextFormattingRule::Markdown,
            "backlog" => TextFormattingRule::Backlog,
            _ => TextFormattingRule::Other(s),
        }
    }
}

impl From<TextFormattingRule> for String {
    fn from(r: TextFormattingRule) -> String {
        r.as_str().to_string()
    }
}

impl TextFormattingRule {
    pub fn as_str(&self) -> &str {
        match self {
            TextFormattingRule::Markdown => "markdown",
            TextFormattingRule::Backlog => "backlog",
            TextFormattingRule::Other(s) => s,
        }
    }
}

impl std::fmt::Display for TextFormattingRule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Issue type, priority, status and wiki tag share this shape for what we need.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq)]
pub struct Named {
    pub id: u64,
    pub name: String,
}

/// A Backlog user: a member of a project (`GET /projects/:key/users`), and who created or
/// updated a wiki page, version or attachment. `id` is what the API takes, `user_id` the
/// login people type (absent for some system users), `name` the display name.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct User {
    pub id: u64,
    #[serde(default)]
    pub user_id: Option<String>,
    #[serde(default)]
    pub name: String,
}

#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct Issue {
    pub id: u64,
    pub issue_key: String,
    #[serde(default)]
    pub summary: String,
    #[serde(default)]
    pub status: Option<Named>,
}

#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
pub struct Comment {
    pub id: u64,
    #[serde(default)]
    pub content: Option<String>,
}

/// `POST /api/v2/issues`.
#[derive(Debug, Clone)]
pub struct NewIssue {
    pub project_id: u64,
    pub summary: String,
    pub issue_type_id: u64,
    pub priority_id: u64,
    pub description: String,
    pub assignee_id: Option<u64>,
    pub notified_user_ids: Vec<u64>,
    pub category_ids: Vec<u64>,
}

impl NewIssue {
    pub fn form(&self) -> Form {
        Form::new()
            .set("projectId", self.project_id)
            .set("summary", &self.summary)
            .set("issueTypeId", self.issue_type_id)
            .set("priorityId", self.priority_id)
            .set("description", &self.description)
            .set_opt("assigneeId", self.assignee_id)
            .array("notifiedUserId", &self.notified_user_ids)
            .array("categoryId", &self.category_ids)
    }
}

/// `PATCH /api/v2/issues/:key`: only what is set is sent.
#[derive(Debug, Clone, Default)]
pub struct IssueUpdate {
    pub status_id: Option<u64>,
    pub comment: Option<String>,
    /// Told of the comment.
    pub notified_user_ids: Vec<u64>,
}

impl IssueUpdate {
    pub fn form(&self) -> Form {
        Form::new()
            .set_opt("statusId", self.status_id)
            .set_opt("comment", self.comment.as_ref())
            .array("notifiedUserId", &self.notified_user_ids)
    }
}

#[derive(Clone)]
pub struct BacklogClient {
    /// `https://SPACE.backlog.com` without a trailing slash or `/api/v2`.
    base_url: String,
    api_key: Secret,
    http: reqwest::Client,
    rate_limit: RateLimitPolicy,
    clock: Arc<dyn Clock>,
    /// Shared by clones: the limits are per user, whichever clone called.
    windows: Arc<Mutex<Windows>>,
}

impl std::fmt::Debug for BacklogClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BacklogClient")
            .field("base_url", &self.base_url)
            .field("api_key", &self.api_key)
            .field("rate_limit", &self.rate_limit)
            .finish()
    }
}

fn lock(w: &Mutex<Windows>) -> std::sync::MutexGuard<'_, Windows> {
    w.lock().unwrap_or_else(|e| e.into_inner())
}

impl BacklogClient {
    /// `base_url` is the space (`https://SPACE.backlog.com`); a trailing `/api/v2` is
    /// accepted too, since people paste what they see in the API docs. Rate limits are
    /// handled by [`RateLimitPolicy::default`].
    pub fn new(base_url: &str, api_key: Secret, http: reqwest::Client) -> BacklogClient {
        let base = base_url.trim().trim_end_matches('/');
        let base = base.strip_suffix("/api/v2").unwrap_or(base);
        BacklogClient {
            base_url: base.to_string(),
            api_key,
            http,
            rate_limit: RateLimitPolicy::default(),
            clock: Arc::new(SystemClock),
            windows: Arc::default(),
        }
    }

    pub fn with_rate_limit(mut self, policy: RateLimitPolicy) -> BacklogClient {
        self.rate_limit = policy;
        self
    }

    /// Time and sleep come from `clock` (tests check the waits without sleeping).
    pub fn with_clock(mut self, clock: Arc<dyn Clock>) -> BacklogClient {
        self.clock = clock;
        self
    }

    pub fn rate_limit(&self) -> RateLimitPolicy {
        self.rate_limit
    }

    /// What the last answer counted in `bucket` said about the limit (forgotten once a
    /// spent window has been waited for).
    pub fn rate_window(&self, bucket: Bucket) -> Option<RateWindow> {
        lock(&self.windows).get(bucket)
    }

    /// The space's web address, for links to issues (`/view/KEY`) and wiki pages.
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// The full URL for `path` (e.g. `/issues/OPS-1/comments`) with the API key. Each
    /// path segment is percent-encoded, so a key or name cannot escape its segment.
    fn url(&self, method: &'static str, path: &str) -> Result<reqwest::Url, BacklogError> {
        let mut url = reqwest::Url::parse(&self.base_url).map_err(|e| BacklogError::Transport {
            method,
            path: path.to_string(),
            message: format!("invalid backlog base URL: {e}"),
            retryable: false,
        })?;
        {
            let mut segs = url.path_segments_mut().map_err(|_| BacklogError::Transport {
                method,
                path: path.to_string(),
                message: "invalid backlog base URL: cannot hold a path".to_string(),
                retryable: false,
            })?;
            segs.pop_if_empty().extend(["api", "v2"]);
            segs.extend(path.split('/').filter(|s| !s.is_empty()));
        }
        url.query_pairs_mut().append_pair("apiKey", self.api_key.expose());
        Ok(url)
    }

    pub async fn get<T: DeserializeOwned>(&self, path: &str, query: &[(&str, String)]) -> Result<T, BacklogError> {
        let url = self.url_with_query("GET", path, query)?;
        self.execute("GET", path, self.http.get(url)).await
    }

    pub async fn post_form<T: DeserializeOwned>(&self, path: &str, form: &Form) -> Result<T, BacklogError> {
        let url = self.url("POST", path)?;
        self.execute("POST", path, self.http.post(url).form(form.pairs())).await
    }

    pub async fn patch_form<T: DeserializeOwned>(&self, path: &str, form: &Form) -> Result<T, BacklogError> {
        let url = self.url("PATCH", path)?;
        self.execute("PATCH", path, self.http.patch(url).form(form.pairs())).await
    }

    pub async fn delete_form<T: DeserializeOwned>(&self, path: &str, form: &Form) -> Result<T, BacklogError> {
        let url = self.url("DELETE", path)?;
        self.execute("DELETE", path, self.http.delete(url).form(form.pairs())).await
    }

    /// A GET whose answer is a file: the body as bytes with the answer's headers.
    pub async fn get_bytes(
        &self,
        path: &str,
        query: &[(&str, String)],
    ) -> Result<(reqwest::header::HeaderMap, Vec<u8>), BacklogError> {
        let url = self.url_with_query("GET", path, query)?;
        let resp = self.send("GET", path, self.http.get(url)).await?;
        let status = resp.status();
        if !status.is_success() {
            let text = resp.text().await.map_err(|e| read_failed("GET", path, e))?;
            return Err(api_error("GET", path, status.as_u16(), &text));
        }
        let headers = resp.headers().clone();
        let body = resp.bytes().await.map_err(|e| read_failed("GET", path, e))?;
        Ok((headers, body.to_vec()))
    }

    /// `POST /space/attachment`: one multipart part named `file`. Answers `{id, name,
    /// size}`; the id is then attached with `attachmentId[]`, and the upload vanishes
    /// after an hour if it never is.
    pub async fn upload_attachment(&self, filename: &str, bytes: &[u8]) -> Result<wiki::UploadedFile, BacklogError> {
        let path = "/space/attachment";
        let url = self.url("POST", path)?;
        let (content_type, body) = wiki::multipart_file(filename, bytes);
        let req = self.http.post(url).header(reqwest::header::CONTENT_TYPE, content_type).body(body);
        self.execute("POST", path, req).await
    }

    fn url_with_query(
        &self,
        method: &'static str,
        path: &str,
        query: &[(&str, String)],
    ) -> Result<reqwest::Url, BacklogError> {
        let mut url = self.url(method, path)?;
        if !query.is_empty() {
            let mut q = url.query_pairs_mut();
            for (k, v) in query {
                q.append_pair(k, v);
            }
        }
        Ok(url)
    }

    async fn execute<T: DeserializeOwned>(
        &self,
        method: &'static str,
        path: &str,
        req: reqwest::RequestBuilder,
    ) -> Result<T, BacklogError> {
        let resp = self.send(method, path, req).await?;
        let status = resp.status();
        let text = resp.text().await.map_err(|e| read_failed(method, path, e))?;
        decode_answer(method, path, status.as_u16(), &text)
    }

    /// Send `req` under the rate limits: wait first if the bucket is spent, and after a
    /// 429 wait for the reset and send again (see [`RateLimitPolicy`]). Answers other
    /// than 429 come back as they are, errors included, for the caller to read.
    async fn send(
        &self,
        method: &'static str,
        path: &str,
        req: reqwest::RequestBuilder,
    ) -> Result<reqwest::Response, BacklogError> {
        let bucket = Bucket::of(method);
        let policy = self.rate_limit;
        let mut retries = 0;
        loop {
            if policy.pace {
                let wait = lock(&self.windows).take_wait(bucket, self.clock.now()).min(policy.max_wait);
                if !wait.is_zero() {
                    tracing::info!(
                        method,
                        path,
                        wait_ms = wait.as_millis() as u64,
                        "backlog rate limit spent; waiting for the window to reset"
                    );
                    self.clock.sleep(wait).await;
                }
            }
            let attempt = req.try_clone().ok_or_else(|| BacklogError::Transport {
                method,
                path: path.to_string(),
                message: "the request body cannot be sent twice".to_string(),
                retryable: false,
            })?;
            let resp = attempt.send().await.map_err(|e| {
                let retryable = !e.is_builder();
                BacklogError::Transport {
                    method,
                    path: path.to_string(),
                    message: redact(&crate::http::error_chain(&e.without_url())),
                    retryable,
                }
            })?;
            let status = resp.status().as_u16();
            let window = RateWindow::from_headers(resp.headers());
            tracing::debug!(method, path, status, remaining = window.map(|w| w.remaining), "backlog answered");
            if resp.status().is_redirection() {
                let location =
                    resp.headers().get(reqwest::header::LOCATION).and_then(|v| v.to_str().ok()).unwrap_or("");
                let location = crate::http::shown_location(resp.url(), location, None);
                return Err(BacklogError::Redirected { method, path: path.to_string(), status, location });
            }
            if status != 429 {
                lock(&self.windows).set(bucket, window);
                return Ok(resp);
            }
            let wait = rate::wait_after_429(resp.headers(), self.clock.now());
            if retries < policy.retries {
                retries += 1;
                // Without a reset to go by, Nulab says to wait a minute.
                let wait = wait.unwrap_or(Duration::from_secs(60)).min(policy.max_wait);
                tracing::info!(
                    method,
                    path,
                    retry = retries,
                    of = policy.retries,
                    wait_ms = wait.as_millis() as u64,
                    "backlog rate limit reached (429); retrying after the window resets"
                );
                // This wait is for that window; the retry's answer tells the next one.
                lock(&self.windows).set(bucket, None);
                self.clock.sleep(wait).await;
                continue;
            }
            lock(&self.windows).set(bucket, window);
            return Err(BacklogError::RateLimited { method, path: path.to_string(), retry_after: wait });
        }
    }

    // --- typed helpers -----------------------------------------------------------------

    /// `GET /projects/:key` (also accepts the numeric id).
    pub async fn project(&self, key_or_id: &str) -> Result<Project, BacklogError> {
        self.get(&format!("/projects/{key_or_id}"), &[]).await
    }

    pub async fn issue_types(&self, project: &str) -> Result<Vec<Named>, BacklogError> {
        self.get(&format!("/projects/{project}/issueTypes"), &[]).await
    }

    pub async fn priorities(&self) -> Result<Vec<Named>, BacklogError> {
        self.get("/priorities", &[]).await
    }

    /// The project's statuses (the space-wide `/statuses` is deprecated).
    pub async fn statuses(&self, project: &str) -> Result<Vec<Named>, BacklogError> {
        self.get(&format!("/projects/{project}/statuses"), &[]).await
    }

    pub async fn create_issue(&self, issue: &NewIssue) -> Result<Issue, BacklogError> {
        self.post_form("/issues", &issue.form()).await
    }

    /// `notified`: user ids told of the comment (`notifiedUserId[]`).
    pub async fn add_comment(&self, issue_key: &str, content: &str, notified: &[u64]) -> Result<Comment, BacklogError> {
        let form = Form::new().set("content", content).array("notifiedUserId", notified);
        self.post_form(&format!("/issues/{issue_key}/comments"), &form).await
    }

    /// The project's members (`GET /projects/:key/users`).
    pub async fn project_users(&self, project: &str) -> Result<Vec<User>, BacklogError> {
        self.get(&format!("/projects/{project}/users"), &[]).await
    }

    /// The project's categories (`GET /projects/:key/categories`).
    pub async fn categories(&self, project: &str) -> Result<Vec<Named>, BacklogError> {
        self.get(&format!("/projects/{project}/categories"), &[]).await
    }

    pub async fn update_issue(&self, issue_key: &str, update: &IssueUpdate) -> Result<Issue, BacklogError> {
        self.patch_form(&format!("/issues/{issue_key}"), &update.form()).await
    }
}

fn read_failed(method: &'static str, path: &str, e: reqwest::Error) -> BacklogError {
    BacklogError::Transport {
        method,
        path: path.to_string(),
        message: redact(&crate::http::error_chain(&e.without_url())),
        retryable: true,
    }
}

/// What one answer (not a 3xx or a 429, which [`BacklogClient`] handles before) means for
/// the call `method path`: a success status with a body that reads as `T`, else the error
/// (Backlog's error JSON, or an excerpt). Pure, so the fuzz target `sink_replies` can feed
/// it any answer.
pub fn decode_answer<T: DeserializeOwned>(
    method: &'static str,
    path: &str,
    status: u16,
    text: &str,
) -> Result<T, BacklogError> {
    if !(200..300).contains(&status) {
        return Err(api_error(method, path, status, text));
    }
    // Some updates answer 204 or an empty body; let `()`-like targets accept that.
    let text = if text.trim().is_empty() { "null" } else { text };
    serde_json::from_str(text).map_err(|e| BacklogError::Decode {
        method,
        path: path.to_string(),
        message: redact(&e.to_string()),
    })
}

/// A non-success answer as an error: Backlog's error JSON when it is one, else an excerpt.
pub fn api_error(method: &'static str, path: &str, status: u16, text: &str) -> BacklogError {
    let (errors, body) = match serde_json::from_str::<ApiErrorBody>(text) {
        Ok(b) => (
            b.errors
                .into_iter()
                .map(|mut e| {
                    e.message = redact(&e.message);
                    e.more_info = e.more_info.map(|m| redact(&m));
                    e
                })
                .collect(),
            String::new(),
        ),
        Err(_) => (Vec::new(), crate::http::body_excerpt(text)),
    };
    BacklogError::Api { method, path: path.to_string(), status, errors, body }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_keeps_key_in_query_and_encodes_segments() {
        let c = BacklogClient::new(
            "https://space.backlog.com/api/v2/",
            Secret::new("k3yvalue-for-url-test"),
            reqwest::Client::new(),
        );
        let u = c.url("GET", "/issues/OPS 1/comments").unwrap();
        assert_eq!(u.as_str(), "https://space.backlog.com/api/v2/issues/OPS%201/comments?apiKey=k3yvalue-for-url-test");
    }

    #[test]
    fn form_arrays_repeat_bracketed_names() {
        let f = Form::new().set("a", 1).array("notifiedUserId", [2, 3]);
        let encoded = serde_urlencoded_pairs(f.pairs());
        assert_eq!(encoded, "a=1&notifiedUserId%5B%5D=2&notifiedUserId%5B%5D=3");
    }

    fn serde_urlencoded_pairs(p: &[(String, String)]) -> String {
        url::form_urlencoded::Serializer::new(String::new()).extend_pairs(p).finish()
    }

    #[test]
    fn error_text_lists_backlog_messages_and_codes() {
        let e = BacklogError::Api {
            method: "GET",
            path: "/projects/NOPE".into(),
            status: 404,
            errors: vec![ApiErrorItem { message: "No project.".into(), code: 6, more_info: Some(String::new()) }],
            body: String::new(),
        };
        assert_eq!(e.to_string(), "backlog GET /projects/NOPE: 404: No project (code 6)");
        assert!(!e.is_retryable());
    }
}
