//! Notification sinks: Slack (incoming webhook, or a bot through the Web API), PagerDuty, SNS, Backlog issues, generic webhooks, stdout.
//!
//! A sink turns one [`Message`](crate::spine::deliver::Message) (a transition of one finding) into one request. It does not
//! retry: the spine's delivery loop retries what a sink reports as retryable, honouring
//! `retry_after`, and commits only what a sink accepted. Message texts come from the
//! minijinja templates in `output-templates/` (see [`templates`]). Each sink implements
//! the spine's delivery interface ([`crate::spine::deliver::Notifier`]); the HTTP helpers
//! they share with the other clients are in [`crate::http`].

pub mod backlog_issue;
pub mod fit;
pub mod pagerduty;
pub mod registry;
pub mod slack;
pub mod slack_bot;
pub mod stdout;
pub mod templates;
pub mod webhook;

pub use backlog_issue::BacklogIssueNotifier;
pub use pagerduty::PagerDutyNotifier;
pub use slack::SlackNotifier;
pub use slack_bot::SlackBotNotifier;
pub use stdout::StdoutNotifier;
pub use templates::Templates;
pub use webhook::WebhookNotifier;

pub use registry::build;

use crate::spine::deliver::SinkError;
use std::time::Duration;

impl SinkError {
    /// A sink's HTTP refusal, as `<who> answered <status>: <detail>`: 429 and 5xx are worth
    /// another try, other statuses are not.
    pub fn refused(who: &str, status: reqwest::StatusCode, detail: &str, retry_after: Option<Duration>) -> SinkError {
        let detail = if detail.is_empty() { "(no body)" } else { detail };
        let message = format!("{who} answered {}: {detail}", status.as_u16());
        if status == reqwest::StatusCode::TOO_MANY_REQUESTS || status.is_server_error() {
            SinkError::retryable(message, retry_after)
        } else {
            SinkError::permanent(message)
        }
    }
}

/// A 3xx answer as a failed delivery. opskit's HTTP clients follow no redirects (see
/// [`crate::http::http_client`]): a 301/302 would turn the POST into a GET that some other page answers
/// 200, and a 307 would re-post the body, routing key included, wherever `Location` says.
/// The error names where the answer pointed (origin and path; no query, no credentials, and
/// no token-like path segment of the sink's own secret URL) and what to fix. Permanent:
/// the config has to change, another attempt gets the same redirect. `None` when `resp` is
/// not a redirect.
pub(crate) fn redirect_error(what: &str, resp: &reqwest::Response, secret_url: Option<&str>) -> Option<SinkError> {
    let status = resp.status();
    if !status.is_redirection() {
        return None;
    }
    let location = resp
        .headers()
        .get(reqwest::header::LOCATION)
        .and_then(|v| v.to_str().ok())
        .map(|l| crate::http::shown_location(resp.url(), l, secret_url))
        .unwrap_or_else(|| "nowhere (no Location header)".to_string());
    Some(SinkError::permanent(format!(
        "{what}: answered {} redirecting to {location}; the redirect was not followed, so nothing was delivered\n\
         hint: configure the address the sink really answers at (not one that redirects), and check that no proxy is in the way",
        status.as_u16()
    )))
}

/// The client of one sink: [`crate::http::http_client`] with the sink's connect timeout
/// (`sinks.NAME.connect_timeout`, else `defaults.sink_connect_timeout`), so a host that
/// does not take the connection fails fast and the attempt can be retried. The attempt as
/// a whole is bounded by the spine (`sinks.NAME.timeout`), which opens the sink's breaker
/// on a timeout; the client's own overall timeout, twice that, is only a backstop that
/// must not fire first.
pub fn sink_client(t: &crate::config::SinkTimeouts) -> anyhow::Result<reqwest::Client> {
    use anyhow::Context as _;
    crate::http::http_client()
        .user_agent(crate::http::USER_AGENT)
        .connect_timeout(t.connect_timeout.0)
        .timeout(t.timeout.0.saturating_mul(2))
        .build()
        .context("building the sink's HTTP client")
}

/// A transport error (no answer): retryable unless the request could not even be built.
/// The URL is stripped first because Slack and webhook URLs are secrets and Backlog's
/// query string carries the API key.
pub(crate) fn transport_error(what: &str, err: reqwest::Error) -> SinkError {
    let builder = err.is_builder();
    let err = err.without_url();
    let reason = if err.is_connect() && err.is_timeout() {
        "could not connect within the connect timeout".to_string()
    } else if err.is_timeout() {
        "timed out".to_string()
    } else if err.is_connect() {
        format!("could not connect: {}", crate::http::error_chain(&err))
    } else {
        crate::http::error_chain(&err)
    };
    let message = format!("{what}: request failed: {reason}");
    if builder { SinkError::permanent(message) } else { SinkError::retryable(message, None) }
}

#[cfg(any(test, feature = "test-support"))]
pub mod test_support {
    //! Messages and findings shared by the sink tests (and, with the `test-support`
    //! feature, the app's).
    use super::*;
    use crate::spine::deliver::Message;
    use crate::spine::finding::{Finding, Link, Severity, TransitionKind};

    pub fn http() -> reqwest::Client {
        crate::http::http_client().timeout(Duration::from_secs(10)).build().unwrap()
    }

    pub fn templates() -> std::sync::Arc<Templates> {
        std::sync::Arc::new(Templates::embedded())
    }

    pub fn sample_finding() -> Finding {
        let mut f = Finding::new(
            "dx-vif",
            "dx-vif/111122223333/ap-northeast-1/dxvif-fg5678",
            Severity::Warning,
            "VIF dxvif-fg5678 BGP is down",
        )
        .field("state", "available")
        .field("bgp", "down");
        f.summary = "BGP session to 169.254.0.1 is down".into();
        f.account = Some("111122223333".into());
        f.region = Some("ap-northeast-1".into());
        f.resources = vec!["dxvif-fg5678".into(), "dxcon-abc".into()];
        f.links = vec![Link {
            text: "AWS console".into(),
            href: "https://console.aws.amazon.com/directconnect/v2/home".into(),
        }];
        f.ensure_fingerprint();
        f
    }

    pub fn message(kind: TransitionKind, mut finding: Finding) -> Message {
        if kind == TransitionKind::Resolved {
            finding.status = crate::spine::finding::Status::Resolved;
        }
        Message {
            kind,
            finding,
            previous: None,
            external_ref: None,
            since: "2025-01-31T00:00:00Z".parse().unwrap(),
            timezone: "Asia/Tokyo".into(),
            test: false,
            route_channel: None,
            route_backlog: None,
        }
    }

    /// Warning → critical, `state` available → down, one resource added.
    pub fn changed_message() -> Message {
        let previous = sample_finding();
        let mut current = sample_finding();
        current.severity = Severity::Critical;
        current.fields[0].value = "down".into();
        current.resources.push("dxcon-new".into());
        current.fingerprint = current.computed_fingerprint();
        let mut msg = message(TransitionKind::Changed, current);
        msg.previous = Some(previous);
        msg
    }
}

#[cfg(test)]
mod tests {
    use super::test_support::{http, message, sample_finding, templates};
    use super::*;
    use crate::backlog::BacklogClient;
    use crate::http::shown_location;
    use crate::redact::Secret;
    use crate::spine::deliver::Notifier;
    use crate::spine::finding::TransitionKind;
    use opskit_sandbox::{BACKLOG_API_KEY, BACKLOG_PREFIX, BACKLOG_PROJECT_KEY, Fault, SLACK_PATH, Sandbox};

    /// The secret must not reach the message at all: `redact` would mask it, so a `****`
    /// in the text means the URL leaked and only the second guard saved it.
    fn assert_clean(err: &SinkError, secrets: &[&str]) {
        let text = err.to_string();
        for s in secrets {
            assert!(!text.contains(s), "secret {s} in: {text}");
        }
        assert!(!text.contains("****"), "a masked URL reached the error: {text}");
        assert!(!text.contains("apiKey"), "a query string reached the error: {text}");
    }

    fn dropped(prefix: &str) -> Fault {
        Fault { path_prefix: prefix.to_string(), drop_connection: true, times: 1, ..Fault::default() }
    }

    fn closed_port_url(path: &str) -> String {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = l.local_addr().unwrap().port();
        drop(l);
        format!("http://127.0.0.1:{port}{path}")
    }

    #[test]
    fn a_location_is_shown_without_query_credentials_or_the_secret_token() {
        let req =
            reqwest::Url::parse("https://hooks.slack.com/services/T012AB/B034CD/s3cr3tTokenForLocationTest").unwrap();
        let secret = Some(req.as_str());
        let shown = |l: &str| shown_location(&req, l, secret);
        assert_eq!(
            shown("https://user:pw@elsewhere.example:8443/a/b?apiKey=abcdef123&x=1#frag"),
            "https://elsewhere.example:8443/a/b"
        );
        assert_eq!(
            shown("/moved/services/T012AB/B034CD/s3cr3tTokenForLocationTest"),
            "https://hooks.slack.com/moved/services/T012AB/B034CD/****"
        );
        assert_eq!(shown(""), "nowhere (an empty Location)");
    }

    #[tokio::test]
    async fn a_backlog_redirect_is_not_followed_and_names_the_location_without_the_key() {
        let sb = Sandbox::start().await.unwrap();
        let n = BacklogIssueNotifier::new(
            "tickets",
            BacklogClient::new(&sb.url(BACKLOG_PREFIX), Secret::new(BACKLOG_API_KEY), http()),
            BACKLOG_PROJECT_KEY.into(),
            "Bug".into(),
            "High".into(),
            None,
            templates(),
        );
        // A space moved: the answer points at the same path and query, key included.
        let to = format!("{}/api/v2/projects/OPS?apiKey={BACKLOG_API_KEY}", sb.url("/moved/backlog"));
        sb.inject(Fault::redirect(BACKLOG_PREFIX, 301, &to, 0));
        let err = n.send(&message(TransitionKind::New, sample_finding())).await.unwrap_err();
        let text = err.to_string();
        assert!(!err.is_retryable(), "{text}");
        assert!(text.contains("answered 301 redirecting to http://127.0.0.1:"), "{text}");
        assert!(text.contains("/moved/backlog/api/v2/projects/OPS") && text.contains("hint: "), "{text}");
        assert_clean(&err, &[BACKLOG_API_KEY]);
        assert!(sb.requests_to(opskit_sandbox::MOVED_PREFIX).is_empty(), "the redirect was followed");
    }

    #[tokio::test]
    async fn failed_requests_never_show_the_slack_secret_or_the_backlog_api_key() {
        let sb = Sandbox::start().await.unwrap();
        let msg = message(TransitionKind::New, sample_finding());
        let slack_secret = "sandboxwebhooksecret";

        let slack = |url: String| SlackNotifier::new("chan", Secret::new(url), http(), templates());
        sb.inject(dropped(SLACK_PATH));
        let err = slack(sb.url(SLACK_PATH)).send(&msg).await.unwrap_err();
        assert!(err.is_retryable(), "{err}");
        assert_clean(&err, &[slack_secret]);
        let err = slack(closed_port_url(SLACK_PATH)).send(&msg).await.unwrap_err();
        assert!(err.is_retryable(), "{err}");
        assert_clean(&err, &[slack_secret]);
        sb.inject(Fault::status(SLACK_PATH, 404, 1));
        assert_clean(&slack(sb.url(SLACK_PATH)).send(&msg).await.unwrap_err(), &[slack_secret]);

        let backlog = |base: String, key: &str| {
            BacklogIssueNotifier::new(
                "tickets",
                BacklogClient::new(&base, Secret::new(key), http()),
                BACKLOG_PROJECT_KEY.into(),
                "Bug".into(),
                "High".into(),
                None,
                templates(),
            )
        };
        let base = sb.url(BACKLOG_PREFIX);
        sb.inject(dropped(BACKLOG_PREFIX));
        let err = backlog(base.clone(), BACKLOG_API_KEY).send(&msg).await.unwrap_err();
        assert!(err.is_retryable(), "{err}");
        assert_clean(&err, &[BACKLOG_API_KEY]);
        let err = backlog(closed_port_url(BACKLOG_PREFIX), BACKLOG_API_KEY).send(&msg).await.unwrap_err();
        assert_clean(&err, &[BACKLOG_API_KEY]);
        sb.inject(Fault::status(BACKLOG_PREFIX, 500, 1));
        let err = backlog(base.clone(), BACKLOG_API_KEY).send(&msg).await.unwrap_err();
        assert!(err.is_retryable(), "{err}");
        assert_clean(&err, &[BACKLOG_API_KEY]);
        // A wrong key: Backlog's 401 answer is reported, the key is not.
        let wrong = "wrong-backlog-key-987654";
        let err = backlog(base, wrong).send(&msg).await.unwrap_err();
        assert!(!err.is_retryable(), "{err}");
        assert!(err.to_string().contains("401"), "{err}");
        assert_clean(&err, &[wrong, BACKLOG_API_KEY]);
    }
}
