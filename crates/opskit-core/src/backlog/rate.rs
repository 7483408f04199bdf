//! Backlog's per-user, per-minute rate limits as [`super::BacklogClient`] honours them.
//!
//! Backlog counts requests per user in separate buckets (read = GET, update = POST, PATCH,
//! DELETE; search and icon are GETs Backlog counts apart, which we cannot tell from the
//! method) and puts the standing of the request's bucket on every answer:
//! `X-RateLimit-Limit`, `X-RateLimit-Remaining` and `X-RateLimit-Reset` (UTC epoch seconds
//! when the window starts again). Over the limit it answers 429 (code 13). Nulab asks
//! clients to wait for the reset (or a minute) and retry, and to send one request at a
//! time (developer.nulab.com/docs/backlog/rate-limit).
//!
//! The clock is injectable so tests can check the waits without sleeping through them.

use futures::future::BoxFuture;
use std::time::Duration;

/// Time and sleeping, for the waits. [`SystemClock`] outside tests.
pub trait Clock: Send + Sync + std::fmt::Debug {
    fn now(&self) -> jiff::Timestamp;
    fn sleep(&self, wait: Duration) -> BoxFuture<'static, ()>;
}

/// The wall clock and tokio's timer.
#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> jiff::Timestamp {
        jiff::Timestamp::now()
    }

    fn sleep(&self, wait: Duration) -> BoxFuture<'static, ()> {
        Box::pin(tokio::time::sleep(wait))
    }
}

/// How the client deals with the limits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RateLimitPolicy {
    /// How many times one call is sent again after a 429, each time after waiting for the
    /// window's reset. 0: a 429 goes straight back to the caller as
    /// [`super::BacklogError::RateLimited`] with the wait in `retry_after`.
    pub retries: u32,
    /// The longest single wait. A reset further away than this (a skewed clock, a limit
    /// lowered under load) is waited for only this long before trying again.
    pub max_wait: Duration,
    /// Wait for the reset before a call when the last answer of its bucket said
    /// `X-RateLimit-Remaining: 0`, instead of sending a request bound to be refused.
    pub pace: bool,
}

impl Default for RateLimitPolicy {
    /// Three retries (what Nulab's own migration tool does) and at most a minute per wait,
    /// the length of Backlog's window.
    fn default() -> Self {
        RateLimitPolicy { retries: 3, max_wait: Duration::from_secs(60), pace: true }
    }
}

impl RateLimitPolicy {
    /// Never wait: every 429 goes back to the caller at once. For callers that own their
    /// retries, like the sinks (the spine retries them within `max_retry_wait`).
    pub const HAND_BACK: RateLimitPolicy = RateLimitPolicy { retries: 0, max_wait: Duration::ZERO, pace: false };
}

/// Which of Backlog's counters a request is counted in, as far as the method tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Bucket {
    Read,
    Update,
}

impl Bucket {
    pub fn of(method: &str) -> Bucket {
        if method.eq_ignore_ascii_case("GET") || method.eq_ignore_ascii_case("HEAD") {
            Bucket::Read
        } else {
            Bucket::Update
        }
    }
}

/// What one answer said about its bucket.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RateWindow {
    pub limit: Option<u32>,
    pub remaining: u32,
    /// UTC epoch seconds.
    pub reset: i64,
}

impl RateWindow {
    /// `None` unless both `X-RateLimit-Remaining` and `X-RateLimit-Reset` are readable.
    pub fn from_headers(headers: &reqwest::header::HeaderMap) -> Option<RateWindow> {
        let num = |name: &str| headers.get(name).and_then(|v| v.to_str().ok()).map(str::trim);
        Some(RateWindow {
            limit: num("x-ratelimit-limit").and_then(|v| v.parse().ok()),
            remaining: num("x-ratelimit-remaining")?.parse().ok()?,
            reset: num("x-ratelimit-reset")?.parse().ok()?,
        })
    }

    /// How long from `now` until the window resets; zero once it has.
    pub fn until_reset(&self, now: jiff::Timestamp) -> Duration {
        until(self.reset, now)
    }
}

fn until(reset: i64, now: jiff::Timestamp) -> Duration {
    let ms = reset.saturating_mul(1000).saturating_sub(now.as_millisecond());
    Duration::from_millis(ms.max(0) as u64)
}

/// How long to wait after a 429: until `X-RateLimit-Reset`, else `Retry-After`; never
/// less than a second, so a reset already past (clocks differ) still backs off.
pub fn wait_after_429(headers: &reqwest::header::HeaderMap, now: jiff::Timestamp) -> Option<Duration> {
    let reset =
        headers.get("x-ratelimit-reset").and_then(|v| v.to_str().ok()).and_then(|v| v.trim().parse::<i64>().ok());
    let wait = match reset {
        Some(reset) => until(reset, now),
        None => crate::http::retry_after_at(headers, now)?,
    };
    Some(wait.max(Duration::from_secs(1)))
}

/// The last standing seen per bucket, shared by the clones of a client (one user).
#[derive(Debug, Default)]
pub(crate) struct Windows {
    read: Option<RateWindow>,
    update: Option<RateWindow>,
}

impl Windows {
    pub fn get(&self, bucket: Bucket) -> Option<RateWindow> {
        match bucket {
            Bucket::Read => self.read,
            Bucket::Update => self.update,
        }
    }

    pub fn set(&mut self, bucket: Bucket, window: Option<RateWindow>) {
        match bucket {
            Bucket::Read => self.read = window,
            Bucket::Update => self.update = window,
        }
    }

    /// The wait before the next call in `bucket` when the last answer said nothing is
    /// left. The standing is forgotten: whoever waits has waited for it, and the next
    /// answer says where the new window stands.
    pub fn take_wait(&mut self, bucket: Bucket, now: jiff::Timestamp) -> Duration {
        match self.get(bucket) {
            Some(w) if w.remaining == 0 => {
                self.set(bucket, None);
                w.until_reset(now)
            }
            _ => Duration::ZERO,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::{HeaderMap, HeaderValue};

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(*k, HeaderValue::from_str(v).unwrap());
        }
        h
    }

    fn at(secs: i64, ms: i64) -> jiff::Timestamp {
        jiff::Timestamp::from_millisecond(secs * 1000 + ms).unwrap()
    }

    #[test]
    fn window_reads_the_three_headers_and_needs_remaining_and_reset() {
        let h = headers(&[
            ("x-ratelimit-limit", "150"),
            ("x-ratelimit-remaining", "142"),
            ("x-ratelimit-reset", "1605484860"),
        ]);
        assert_eq!(
            RateWindow::from_headers(&h),
            Some(RateWindow { limit: Some(150), remaining: 142, reset: 1_605_484_860 })
        );
        assert_eq!(RateWindow::from_headers(&headers(&[("x-ratelimit-remaining", "1")])), None);
        assert_eq!(
            RateWindow::from_headers(&headers(&[("x-ratelimit-reset", "soon"), ("x-ratelimit-remaining", "1")])),
            None
        );
    }

    #[test]
    fn wait_after_429_runs_to_the_reset_with_a_floor_of_a_second() {
        let now = at(1_605_484_800, 250);
        let h = headers(&[("x-ratelimit-reset", "1605484860")]);
        assert_eq!(wait_after_429(&h, now), Some(Duration::from_millis(59_750)));
        let past = headers(&[("x-ratelimit-reset", "1605484000")]);
        assert_eq!(wait_after_429(&past, now), Some(Duration::from_secs(1)));
        assert_eq!(wait_after_429(&headers(&[("retry-after", "7")]), now), Some(Duration::from_secs(7)));
        assert_eq!(wait_after_429(&HeaderMap::new(), now), None);
    }

    #[test]
    fn a_spent_window_is_waited_for_once() {
        let mut w = Windows::default();
        let now = at(100, 0);
        w.set(Bucket::Read, Some(RateWindow { limit: Some(600), remaining: 0, reset: 103 }));
        w.set(Bucket::Update, Some(RateWindow { limit: Some(150), remaining: 5, reset: 103 }));
        assert_eq!(w.take_wait(Bucket::Update, now), Duration::ZERO, "update bucket still has room");
        assert_eq!(w.take_wait(Bucket::Read, now), Duration::from_secs(3));
        assert_eq!(w.take_wait(Bucket::Read, now), Duration::ZERO, "forgotten once waited for");
        assert_eq!(Bucket::of("get"), Bucket::Read);
        assert_eq!(Bucket::of("PATCH"), Bucket::Update);
    }
}
