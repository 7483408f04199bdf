//! Helpers for every HTTP client opskit has (sinks, the Backlog client, heartbeat pings,
//! GCS, AWS answers): the client builder that follows no redirects and sends no `Referer`,
//! `Retry-After`, and error texts that name what went wrong without leaking a secret URL.
//! Nothing here knows about sinks or the spine.

use crate::redact::redact;
use std::time::Duration;

/// What opskit's HTTP clients say they are.
pub const USER_AGENT: &str = concat!("opskit/", env!("CARGO_PKG_VERSION"));

/// The HTTP client for everything that carries a secret (sinks, Backlog, heartbeat pings,
/// GCS): no redirects followed and no `Referer` sent, so a secret URL or key never goes
/// anywhere but where it was configured to go. A 3xx comes back as an answer, which the
/// caller reports as a failure (the sinks' `redirect_error`).
pub fn http_client() -> reqwest::ClientBuilder {
    reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).referer(false)
}

/// A `Location` fit for an error message: resolved against the request URL, reduced to
/// scheme, host, port and path; a path segment that also appears in the secret URL is
/// masked, and the whole passes through [`redact`].
pub fn shown_location(request: &reqwest::Url, location: &str, secret_url: Option<&str>) -> String {
    if location.trim().is_empty() {
        return "nowhere (an empty Location)".to_string();
    }
    let Ok(url) = request.join(location.trim()) else {
        return "an unreadable Location".to_string();
    };
    // The secret URL's token-like segments: its last one and any long one (Slack's
    // `services/T…/B…/<token>` keeps its workspace and channel ids readable).
    let secret_segments: Vec<String> = secret_url
        .and_then(|s| reqwest::Url::parse(s).ok())
        .and_then(|u| {
            let segs: Vec<String> = u.path_segments()?.filter(|p| !p.is_empty()).map(str::to_owned).collect();
            let last = segs.len().saturating_sub(1);
            Some(
                segs.into_iter()
                    .enumerate()
                    .filter(|(i, p)| (*i == last && p.len() >= 6) || p.len() >= 16)
                    .map(|(_, p)| p)
                    .collect(),
            )
        })
        .unwrap_or_default();
    let path: Vec<&str> = url
        .path_segments()
        .map(|segs| segs.map(|p| if secret_segments.iter().any(|s| s == p) { "****" } else { p }).collect())
        .unwrap_or_default();
    let port = url.port().map(|p| format!(":{p}")).unwrap_or_default();
    let host = url.host_str().unwrap_or("");
    redact(&format!("{}://{host}{port}/{}", url.scheme(), path.join("/")))
}

/// An error and its sources on one line (reqwest hides the useful part in `source()`).
pub fn error_chain(err: &dyn std::error::Error) -> String {
    let mut s = err.to_string();
    let mut cur = err.source();
    while let Some(e) = cur {
        let t = e.to_string();
        if !s.contains(&t) {
            s.push_str(": ");
            s.push_str(&t);
        }
        cur = e.source();
    }
    s
}

/// `Retry-After` as seconds or an HTTP date.
pub fn retry_after(headers: &reqwest::header::HeaderMap) -> Option<Duration> {
    retry_after_at(headers, jiff::Timestamp::now())
}

/// [`retry_after`] as seen at `now` (an HTTP date counts from it): pure, for tests and
/// the fuzz target `sink_replies`.
pub fn retry_after_at(headers: &reqwest::header::HeaderMap, now: jiff::Timestamp) -> Option<Duration> {
    let v = headers.get(reqwest::header::RETRY_AFTER)?.to_str().ok()?.trim();
    if let Ok(secs) = v.parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    let at = jiff::fmt::rfc2822::parse(v).ok()?.timestamp();
    let wait = at.duration_since(now);
    // A date in the past still means "wait a little", not "hammer now".
    let wait = if wait.is_negative() { Duration::ZERO } else { wait.unsigned_abs() };
    Some(wait.max(Duration::from_secs(1)))
}

/// The first part of an answer body for an error message: one line, bounded, redacted.
pub fn body_excerpt(body: &str) -> String {
    let line = crate::text::one_line(body);
    redact(&crate::text::truncate_chars(&line, 300))
}
