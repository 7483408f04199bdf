//! Tests of the PagerDuty REST fake through plain HTTP, so its wire shapes are checked apart
//! from our own client (tested in opskit-core's `pagerduty_rest` tests).

use crate::{
    PAGERDUTY_API_PREFIX, PAGERDUTY_API_TOKEN, PAGERDUTY_PATH, PAGERDUTY_ROUTING_KEY, PAGERDUTY_SERVICE_NETWORK,
    Sandbox,
};
use serde_json::{Value, json};

const ACCEPT: &str = "application/vnd.pagerduty+json;version=2";

async fn send(rb: reqwest::RequestBuilder) -> (u16, Value) {
    let r = rb.send().await.expect("an answer");
    let status = r.status().as_u16();
    (status, r.json().await.unwrap_or(Value::Null))
}

fn api(sb: &Sandbox, method: reqwest::Method, path: &str) -> reqwest::RequestBuilder {
    reqwest::Client::new()
        .request(method, sb.url(&format!("{PAGERDUTY_API_PREFIX}{path}")))
        .header("Authorization", format!("Token token={PAGERDUTY_API_TOKEN}"))
        .header("Accept", ACCEPT)
}

async fn event(sb: &Sandbox, action: &str, key: &str) {
    let body = json!({"routing_key": PAGERDUTY_ROUTING_KEY, "event_action": action, "dedup_key": key,
                      "payload": {"summary": "disk full", "source": "db-1", "severity": "critical"}});
    let r = reqwest::Client::new().post(sb.url(PAGERDUTY_PATH)).json(&body).send().await.unwrap();
    assert_eq!(r.status().as_u16(), 202);
}

#[tokio::test]
async fn pagerduty_rest_needs_the_token_and_the_accept_header() {
    let sb = Sandbox::start().await.unwrap();
    let url = sb.url(&format!("{PAGERDUTY_API_PREFIX}/services"));
    let (s, b) = send(reqwest::Client::new().get(&url).header("Accept", ACCEPT)).await;
    assert_eq!((s, b["error"]["code"].as_i64()), (401, Some(2006)));
    let (s, _) =
        send(reqwest::Client::new().get(&url).header("Authorization", format!("Token token={PAGERDUTY_API_TOKEN}")))
            .await;
    assert_eq!(s, 400, "no Accept header");
    let (s, b) = send(api(&sb, reqwest::Method::GET, "/services")).await;
    assert_eq!(s, 200);
    assert_eq!(b["services"].as_array().unwrap().len(), 2);
    assert_eq!(b["more"], json!(false));
}

#[tokio::test]
async fn pagerduty_rest_incidents_follow_the_events_and_acknowledgements() {
    let sb = Sandbox::start().await.unwrap();
    event(&sb, "trigger", "src/a").await;
    event(&sb, "trigger", "src/a").await;
    let q = [("incident_key", "src/a"), ("date_range", "all")];
    let (_, b) = send(api(&sb, reqwest::Method::GET, "/incidents").query(&q)).await;
    let incs = b["incidents"].as_array().unwrap();
    assert_eq!(incs.len(), 1, "a repeated trigger keeps one incident: {b}");
    assert_eq!(incs[0]["status"], "triggered");
    assert_eq!(incs[0]["service"]["id"], PAGERDUTY_SERVICE_NETWORK);
    assert!(sb.pagerduty_acknowledge("src/a", "Tanaka"));
    let (_, b) = send(api(&sb, reqwest::Method::GET, "/incidents").query(&q)).await;
    assert_eq!(b["incidents"][0]["status"], "acknowledged");
    assert_eq!(b["incidents"][0]["acknowledgements"][0]["acknowledger"]["summary"], "Tanaka");
    event(&sb, "resolve", "src/a").await;
    event(&sb, "trigger", "src/a").await;
    let (_, b) = send(api(&sb, reqwest::Method::GET, "/incidents").query(&q)).await;
    let st: Vec<&str> = b["incidents"].as_array().unwrap().iter().map(|i| i["status"].as_str().unwrap()).collect();
    assert_eq!(st, ["resolved", "triggered"], "a trigger after the resolve is a new incident");
    let (_, b) = send(
        api(&sb, reqwest::Method::GET, "/incidents").query(&[("incident_key", "src/a"), ("statuses[]", "resolved")]),
    )
    .await;
    assert_eq!(b["incidents"].as_array().unwrap().len(), 1);
    assert!(!sb.pagerduty_acknowledge("nope", "Tanaka"));
}

#[tokio::test]
async fn pagerduty_rest_maintenance_windows_validate_and_delete_or_end() {
    let sb = Sandbox::start().await.unwrap();
    let now = jiff::Timestamp::now();
    let at = |mins: i64| (now + jiff::SignedDuration::from_mins(mins)).to_string();
    let mw = |start: String, end: String, svc: &str| {
        json!({"maintenance_window": {"type": "maintenance_window", "start_time": start, "end_time": end,
               "description": "switch upgrade", "services": [{"id": svc, "type": "service_reference"}]}})
    };
    let post = |body: Value| api(&sb, reqwest::Method::POST, "/maintenance_windows").json(&body);
    let (s, _) = send(post(mw(at(10), at(20), PAGERDUTY_SERVICE_NETWORK))).await;
    assert_eq!(s, 400, "From is required on create");
    let post = |body: Value| post(body).header("From", "ops@example.com");
    let (s, b) = send(post(mw(at(20), at(10), PAGERDUTY_SERVICE_NETWORK))).await;
    assert_eq!(s, 400, "end before start: {b}");
    let (s, b) = send(post(mw(at(10), at(20), "PNOPE"))).await;
    assert_eq!((s, b["error"]["code"].as_i64()), (400, Some(5002)));
    let (s, future) = send(post(mw(at(10), at(20), PAGERDUTY_SERVICE_NETWORK))).await;
    assert_eq!(s, 201, "{future}");
    let (s, ongoing) = send(post(mw(at(-5), at(20), PAGERDUTY_SERVICE_NETWORK))).await;
    assert_eq!(s, 201);
    let id = |v: &Value| v["maintenance_window"]["id"].as_str().unwrap().to_string();
    let (_, b) = send(api(&sb, reqwest::Method::GET, "/maintenance_windows").query(&[("filter", "ongoing")])).await;
    assert_eq!(b["maintenance_windows"].as_array().unwrap().len(), 1);
    let del = |id: String| api(&sb, reqwest::Method::DELETE, &format!("/maintenance_windows/{id}"));
    assert_eq!(del(id(&future)).send().await.unwrap().status().as_u16(), 204);
    assert_eq!(del(id(&ongoing)).send().await.unwrap().status().as_u16(), 204);
    let left = sb.pagerduty_maintenance_windows();
    assert_eq!(left.len(), 1, "the future one is deleted, the ongoing one ended");
    assert_eq!(left[0]["id"].as_str(), Some(id(&ongoing).as_str()));
    let (s, _) = send(del(id(&ongoing))).await;
    assert_eq!(s, 405, "an ended window cannot be deleted");
}

#[tokio::test]
async fn pagerduty_rest_pages_with_offset_limit_and_more() {
    let sb = Sandbox::start().await.unwrap();
    for n in 0..30 {
        sb.pagerduty_add_service(&format!("svc {n}"));
    }
    let (_, b) = send(api(&sb, reqwest::Method::GET, "/services")).await;
    assert_eq!(
        (b["services"].as_array().unwrap().len(), b["limit"].as_u64(), &b["more"]),
        (25, Some(25), &json!(true))
    );
    let (_, b) = send(api(&sb, reqwest::Method::GET, "/services").query(&[("offset", "25"), ("total", "true")])).await;
    assert_eq!(
        (b["services"].as_array().unwrap().len(), &b["more"], b["total"].as_u64()),
        (7, &json!(false), Some(32))
    );
    let (s, _) = send(api(&sb, reqwest::Method::GET, "/services").query(&[("offset", "9950"), ("limit", "100")])).await;
    assert_eq!(s, 400, "offset + limit over 10,000");
}
