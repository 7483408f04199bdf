//! The PagerDuty REST client against the sandbox's REST fake, started in-process: paging,
//! 429 and 5xx handling, redirects refused, the token kept out of errors, maintenance
//! windows, and incidents made of Events v2 alerts.

use super::*;
use opskit_sandbox::{
    Fault, MOVED_PREFIX, PAGERDUTY_API_PREFIX, PAGERDUTY_API_TOKEN, PAGERDUTY_FROM, PAGERDUTY_PATH,
    PAGERDUTY_ROUTING_KEY, PAGERDUTY_SERVICE_DATABASE, PAGERDUTY_SERVICE_NETWORK, Sandbox,
};
use std::sync::Mutex;

/// Time that moves only when slept through, and the sleeps asked for.
#[derive(Debug)]
struct FakeClock {
    start: jiff::Timestamp,
    slept: Mutex<Vec<Duration>>,
}

impl FakeClock {
    fn new() -> Arc<FakeClock> {
        Arc::new(FakeClock { start: jiff::Timestamp::now(), slept: Mutex::default() })
    }

    fn slept(&self) -> Vec<Duration> {
        self.slept.lock().unwrap().clone()
    }
}

impl Clock for FakeClock {
    fn now(&self) -> jiff::Timestamp {
        self.start + self.slept().iter().sum::<Duration>()
    }

    fn sleep(&self, wait: Duration) -> futures::future::BoxFuture<'static, ()> {
        self.slept.lock().unwrap().push(wait);
        Box::pin(std::future::ready(()))
    }
}

fn client(sb: &Sandbox, clock: Arc<FakeClock>) -> PagerDutyRest {
    let http = crate::http::http_client().timeout(Duration::from_secs(10)).build().unwrap();
    PagerDutyRest::new(
        http,
        &sb.url(PAGERDUTY_API_PREFIX),
        Secret::new(PAGERDUTY_API_TOKEN),
        Some(PAGERDUTY_FROM.into()),
    )
    .with_clock(clock)
}

fn statuses(sb: &Sandbox, path: &str) -> Vec<u16> {
    sb.requests_to(&format!("{PAGERDUTY_API_PREFIX}{path}")).iter().map(|r| r.status).collect()
}

async fn event(sb: &Sandbox, action: &str, key: &str) {
    let body = json!({"routing_key": PAGERDUTY_ROUTING_KEY, "event_action": action, "dedup_key": key,
                      "payload": {"summary": "disk full", "source": "db-1", "severity": "critical"}});
    let r = reqwest::Client::new().post(sb.url(PAGERDUTY_PATH)).json(&body).send().await.unwrap();
    assert_eq!(r.status().as_u16(), 202);
}

fn mins(m: i64) -> jiff::Timestamp {
    jiff::Timestamp::now() + jiff::SignedDuration::from_mins(m)
}

#[tokio::test]
async fn pagerduty_services_are_read_across_pages() {
    let sb = Sandbox::start().await.unwrap();
    for n in 0..150 {
        sb.pagerduty_add_service(&format!("customer {n}"));
    }
    let rest = client(&sb, FakeClock::new());
    let services = rest.services().await.expect("all pages");
    assert_eq!(services.len(), 152);
    assert_eq!(services[0].id, PAGERDUTY_SERVICE_NETWORK);
    assert_eq!(services[0].name, "acme network");
    let offsets: Vec<String> = sb
        .requests_to(&format!("{PAGERDUTY_API_PREFIX}/services"))
        .iter()
        .flat_map(|r| r.query_pairs().into_iter().filter(|(k, _)| k == "offset").map(|(_, v)| v))
        .collect();
    assert_eq!(offsets, ["0", "100"]);
    let one = rest.service(PAGERDUTY_SERVICE_DATABASE).await.unwrap().expect("exists");
    assert_eq!(one.name, "acme database");
    assert_eq!(rest.service("PNOPE").await.unwrap(), None, "404 is none");
}

#[tokio::test]
async fn pagerduty_a_page_that_repeats_or_lacks_more_is_an_error() {
    let sb = Sandbox::start().await.unwrap();
    let rest = client(&sb, FakeClock::new());
    let page =
        json!({"services": [{"id": "P1", "name": "a", "html_url": "h"}], "limit": 100, "offset": 0, "more": true});
    // Every page is the first one again, saying there is more: it would never end.
    sb.inject(Fault::ok_with_body(&format!("{PAGERDUTY_API_PREFIX}/services"), &page.to_string(), 0));
    let err = rest.services().await.unwrap_err();
    assert!(err.to_string().contains("pagerduty list services: unexpected answer"), "{err}");
    assert_eq!(statuses(&sb, "/services").len(), 2, "stopped at the second page");
    sb.clear();
    let no_more = json!({"services": []});
    sb.inject(Fault::ok_with_body(&format!("{PAGERDUTY_API_PREFIX}/services"), &no_more.to_string(), 1));
    let err = rest.services().await.unwrap_err();
    assert!(err.to_string().contains("no `more`"), "{err}");
    sb.inject(Fault::html_ok(&format!("{PAGERDUTY_API_PREFIX}/incidents"), 1));
    let err = rest.incident_by_dedup_key("k").await.unwrap_err();
    assert!(matches!(err, RestError::Decode { .. }), "{err}");
    assert!(err.to_string().starts_with("pagerduty find incident by dedup key: unexpected answer"), "{err}");
}

#[tokio::test]
async fn pagerduty_a_429_waits_ratelimit_reset_then_gives_up_within_bounds() {
    let sb = Sandbox::start().await.unwrap();
    let clock = FakeClock::new();
    let rest = client(&sb, clock.clone());
    sb.inject(Fault::rate_limited(&format!("{PAGERDUTY_API_PREFIX}/services"), 7, 1));
    assert_eq!(rest.services().await.expect("after the wait").len(), 2);
    assert_eq!(clock.slept(), [Duration::from_secs(7)]);
    assert_eq!(statuses(&sb, "/services"), [429, 200]);

    sb.clear();
    sb.inject(Fault::rate_limited(&format!("{PAGERDUTY_API_PREFIX}/services"), 2, 0));
    let err = rest.services().await.unwrap_err();
    assert!(matches!(err, RestError::RateLimited { .. }), "{err}");
    assert_eq!(statuses(&sb, "/services").len(), 4, "one call and three retries");

    sb.clear();
    sb.inject(Fault::rate_limited(&format!("{PAGERDUTY_API_PREFIX}/services"), 600, 0));
    let err = rest.services().await.unwrap_err();
    assert!(err.to_string().contains("rate limited; PagerDuty asks to wait 600s"), "{err}");
    assert_eq!(statuses(&sb, "/services").len(), 1, "a wait past the bound is not waited for");
}

#[tokio::test]
async fn pagerduty_5xx_is_retried_on_reads_but_not_on_a_create() {
    let sb = Sandbox::start().await.unwrap();
    let clock = FakeClock::new();
    let rest = client(&sb, clock.clone());
    sb.inject(Fault::status(&format!("{PAGERDUTY_API_PREFIX}/services"), 503, 2));
    assert_eq!(rest.services().await.unwrap().len(), 2);
    assert_eq!(clock.slept(), [Duration::from_secs(1), Duration::from_secs(2)], "backoff doubles");
    sb.inject(Fault::status(&format!("{PAGERDUTY_API_PREFIX}/maintenance_windows"), 502, 1));
    let svc = vec![PAGERDUTY_SERVICE_NETWORK.to_string()];
    let err = rest.create_maintenance_window(&svc, mins(10), mins(70), "x").await.unwrap_err();
    assert_eq!(err.status(), Some(502));
    assert_eq!(statuses(&sb, "/maintenance_windows"), [502], "a create is sent once");
}

#[tokio::test]
async fn pagerduty_a_redirect_is_refused_and_the_token_never_shows() {
    let sb = Sandbox::start().await.unwrap();
    let rest = client(&sb, FakeClock::new());
    sb.inject(Fault::redirect(&format!("{PAGERDUTY_API_PREFIX}/services"), 302, &sb.url(MOVED_PREFIX), 1));
    let err = rest.services().await.unwrap_err();
    assert!(matches!(err, RestError::Redirected { status: 302, .. }), "{err}");
    assert!(sb.requests_to(MOVED_PREFIX).is_empty(), "not followed: the token stays home");

    let wrong = "u+WrongTokenValue-123456789";
    let http = crate::http::http_client().build().unwrap();
    let bad = PagerDutyRest::new(http, &sb.url(PAGERDUTY_API_PREFIX), Secret::new(wrong), None);
    let err = bad.services().await.unwrap_err();
    assert_eq!(err.status(), Some(401));
    assert!(err.to_string().contains("Authentication failed (code 2006)"), "{err}");
    for text in [err.to_string(), format!("{err:?}"), format!("{bad:?}"), format!("{rest:?}")] {
        for secret in [wrong, PAGERDUTY_API_TOKEN] {
            assert!(!text.contains(secret), "{secret} in {text}");
        }
    }
}

#[tokio::test]
async fn pagerduty_maintenance_windows_create_update_list_delete() {
    let sb = Sandbox::start().await.unwrap();
    let rest = client(&sb, FakeClock::new());
    let net = vec![PAGERDUTY_SERVICE_NETWORK.to_string()];
    let (start, end) = (mins(60), mins(120));
    let w = rest.create_maintenance_window(&net, start, end, "core switch upgrade").await.unwrap();
    assert_eq!((w.start, w.end, w.services.clone()), (start, end, net.clone()));
    let rec = sb.requests_to(&format!("{PAGERDUTY_API_PREFIX}/maintenance_windows"));
    assert_eq!(rec[0].header("from"), Some(PAGERDUTY_FROM));
    assert_eq!(rec[0].header("accept"), Some("application/vnd.pagerduty+json;version=2"));

    let both = vec![PAGERDUTY_SERVICE_NETWORK.to_string(), PAGERDUTY_SERVICE_DATABASE.to_string()];
    let w2 = rest.update_maintenance_window(&w.id, mins(-1), mins(90), &both, "moved").await.unwrap();
    assert_eq!((w2.services.len(), w2.description.as_str()), (2, "moved"));
    let ongoing = rest.maintenance_windows(&[], WindowFilter::Ongoing).await.unwrap();
    assert_eq!(ongoing.iter().map(|w| w.id.as_str()).collect::<Vec<_>>(), [w.id.as_str()]);
    let db_only = vec![PAGERDUTY_SERVICE_DATABASE.to_string()];
    assert_eq!(rest.maintenance_windows(&db_only, WindowFilter::Future).await.unwrap(), []);

    let err = rest.create_maintenance_window(&["PNOPE".to_string()], mins(1), mins(2), "x").await.unwrap_err();
    assert!(err.to_string().contains("400: Service Not Found"), "{err}");
    let err = rest.create_maintenance_window(&net, mins(20), mins(10), "x").await.unwrap_err();
    assert_eq!(err.status(), Some(400));

    assert_eq!(rest.delete_maintenance_window(&w.id).await.unwrap(), WindowRemoval::Removed, "ongoing: ended");
    assert_eq!(rest.delete_maintenance_window(&w.id).await.unwrap(), WindowRemoval::AlreadyEnded);
    assert!(rest.delete_maintenance_window("PMW9999").await.unwrap_err().is_not_found());
    let left = rest.maintenance_windows(&[], WindowFilter::Open).await.unwrap();
    assert!(left.is_empty(), "{left:?}");

    let http = crate::http::http_client().build().unwrap();
    let no_from = PagerDutyRest::new(http, &sb.url(PAGERDUTY_API_PREFIX), Secret::new(PAGERDUTY_API_TOKEN), None);
    let err = no_from.create_maintenance_window(&net, mins(1), mins(2), "x").await.unwrap_err();
    assert!(matches!(err, RestError::NoFrom { .. }), "{err}");
}

#[tokio::test]
async fn pagerduty_incident_by_dedup_key_sees_status_and_acknowledgements() {
    let sb = Sandbox::start().await.unwrap();
    let rest = client(&sb, FakeClock::new());
    assert_eq!(rest.incident_by_dedup_key("dx-vif/a").await.unwrap(), None);
    event(&sb, "trigger", "dx-vif/a").await;
    let inc = rest.incident_by_dedup_key("dx-vif/a").await.unwrap().expect("an incident");
    assert_eq!((inc.status.clone(), inc.service_id.as_str()), (IncidentStatus::Triggered, PAGERDUTY_SERVICE_NETWORK));
    assert!(inc.acknowledgements.is_empty());
    let q = sb.requests_to(&format!("{PAGERDUTY_API_PREFIX}/incidents")).pop().unwrap().query_pairs();
    for want in [("incident_key", "dx-vif/a"), ("date_range", "all"), ("statuses[]", "resolved")] {
        assert!(q.iter().any(|(k, v)| (k.as_str(), v.as_str()) == want), "{want:?} in {q:?}");
    }
    assert!(sb.pagerduty_acknowledge("dx-vif/a", "Tanaka"));
    let inc = rest.incident_by_dedup_key("dx-vif/a").await.unwrap().unwrap();
    assert_eq!(inc.status, IncidentStatus::Acknowledged);
    assert_eq!(inc.acknowledgements.iter().map(|a| a.by.as_str()).collect::<Vec<_>>(), ["Tanaka"]);
    event(&sb, "resolve", "dx-vif/a").await;
    event(&sb, "trigger", "dx-vif/a").await;
    let newest = rest.incident_by_dedup_key("dx-vif/a").await.unwrap().unwrap();
    assert_eq!((newest.status, newest.number), (IncidentStatus::Triggered, inc.number + 1), "the newest incident");
}
