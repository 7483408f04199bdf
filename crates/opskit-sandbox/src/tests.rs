//! Tests of the sandbox through real HTTP, the way the sinks and the binary will use it.

use super::*;
use reqwest::{Method, RequestBuilder};
use serde_json::json;
use std::time::Duration;

/// An answer read in full, so assertions stay one line each.
struct Got {
    status: u16,
    headers: reqwest::header::HeaderMap,
    body: Vec<u8>,
}

impl Got {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
    fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or(Value::Null)
    }
    fn header(&self, name: &str) -> &str {
        self.headers.get(name).and_then(|v| v.to_str().ok()).unwrap_or("")
    }
    fn error_code(&self) -> u64 {
        self.json()["errors"][0]["code"].as_u64().unwrap_or(0)
    }
}

async fn send(rb: RequestBuilder) -> Got {
    let r = rb.timeout(Duration::from_secs(10)).send().await.expect("an answer");
    let (status, headers) = (r.status().as_u16(), r.headers().clone());
    let body = r.bytes().await.expect("a body").to_vec();
    Got { status, headers, body }
}

fn post(sb: &Sandbox, path: &str) -> RequestBuilder {
    reqwest::Client::new().post(sb.url(path))
}

fn get(sb: &Sandbox, path: &str) -> RequestBuilder {
    reqwest::Client::new().get(sb.url(path))
}

/// A Backlog API call with the right key; `params` go in the form, or the query for GET.
async fn backlog(sb: &Sandbox, method: Method, path: &str, params: &[(&str, &str)]) -> Got {
    let url = sb.url(&format!("{BACKLOG_PREFIX}/api/v2{path}"));
    let rb = reqwest::Client::new().request(method.clone(), url);
    let rb = rb.query(&[("apiKey", BACKLOG_API_KEY)]);
    send(if method == Method::GET { rb.query(params) } else { rb.form(params) }).await
}

async fn create_issue(sb: &Sandbox, summary: &str) -> Got {
    let form = [("projectId", "10001"), ("summary", summary), ("issueTypeId", "20001")];
    let form = [&form[..], &[("priorityId", "3"), ("description", "VIF down")]].concat();
    backlog(sb, Method::POST, "/issues", &form).await
}

#[tokio::test]
async fn records_requests_in_arrival_order_with_times_and_status() {
    let sb = Sandbox::start().await.unwrap();
    let before = jiff::Timestamp::now();
    send(post(&sb, WEBHOOK_PATH).body("first")).await;
    send(get(&sb, "/ping/abc/start?rid=1")).await;
    send(get(&sb, "/nowhere")).await;
    let all = sb.requests();
    assert_eq!(all.len(), 3);
    assert_eq!((all[0].method.as_str(), all[0].text().as_str()), ("POST", "first"));
    assert_eq!((all[1].path.as_str(), all[1].query.as_deref()), ("/ping/abc/start", Some("rid=1")));
    assert_eq!([all[0].status, all[1].status, all[2].status], [200, 200, 404]);
    assert!(all[0].at >= before && all[0].at <= all[1].at && all[1].at <= all[2].at);
    assert!(all[0].header("HOST").is_some(), "header lookup ignores case");
    assert_eq!(sb.requests_to("/ping/").len(), 1);
}

#[tokio::test]
async fn status_fault_applies_n_times_then_the_fake_answers() {
    let sb = Sandbox::start().await.unwrap();
    sb.inject(Fault::status(WEBHOOK_PATH, 500, 2));
    let mut got = Vec::new();
    for _ in 0..3 {
        got.push(send(post(&sb, WEBHOOK_PATH)).await.status);
    }
    assert_eq!(got, [500, 500, 200]);
    let recorded: Vec<u16> = sb.requests().iter().map(|r| r.status).collect();
    assert_eq!(recorded, [500, 500, 200], "faulted requests are recorded too");
}

#[tokio::test]
async fn faults_are_used_in_injection_order_and_respect_method() {
    let sb = Sandbox::start().await.unwrap();
    let get_only = Fault { method: Some("get".into()), ..Fault::status("/webhook/", 418, 1) };
    sb.inject(get_only);
    sb.inject(Fault::status("/webhook/", 503, 1));
    sb.inject(Fault::status("/webhook/", 502, 1));
    let a = send(post(&sb, WEBHOOK_PATH)).await.status;
    let b = send(post(&sb, WEBHOOK_PATH)).await.status;
    let c = send(get(&sb, WEBHOOK_PATH)).await.status;
    let d = send(post(&sb, WEBHOOK_PATH)).await.status;
    assert_eq!([a, b, c, d], [503, 502, 418, 200]);
}

#[tokio::test]
async fn rate_limited_fault_carries_retry_after_and_backlog_reset() {
    let sb = Sandbox::start().await.unwrap();
    sb.inject(Fault::rate_limited(SLACK_PATH, 7, 1));
    sb.inject(Fault::rate_limited(BACKLOG_PREFIX, 30, 1));
    let r = send(post(&sb, SLACK_PATH).json(&json!({"text": "hi"}))).await;
    assert_eq!((r.status, r.header("retry-after")), (429, "7"));
    let r = backlog(&sb, Method::GET, "/users/myself", &[]).await;
    assert_eq!((r.status, r.header("retry-after"), r.error_code()), (429, "30", 13));
    let reset: i64 = r.header("x-ratelimit-reset").parse().unwrap();
    assert!(reset >= jiff::Timestamp::now().as_second() + 25, "reset is when to retry");
}

#[tokio::test]
async fn delay_fault_holds_the_answer() {
    let sb = Sandbox::start().await.unwrap();
    sb.inject(Fault { delay_ms: 300, ..Fault::status(WEBHOOK_PATH, 200, 1) });
    let start = std::time::Instant::now();
    send(post(&sb, WEBHOOK_PATH)).await;
    assert!(start.elapsed() >= Duration::from_millis(300));
}

#[tokio::test]
async fn drop_connection_fault_is_a_connection_error_at_the_client() {
    let sb = Sandbox::start().await.unwrap();
    sb.inject(Fault { drop_connection: true, ..Fault::status(PAGERDUTY_PATH, 0, 1) });
    let err = post(&sb, PAGERDUTY_PATH).body("{}").send().await.unwrap_err();
    // hyper reports IncompleteMessage: the request went out, no answer came back.
    assert!(err.is_request() && !err.is_timeout() && err.status().is_none(), "{err:?}");
    assert_eq!(sb.requests()[0].status, 0, "a dropped request is recorded with status 0");
    let r = send(post(&sb, PAGERDUTY_PATH).body("{}")).await;
    assert_eq!(r.status, 400, "the fault is used up and the fake answers again");
}

#[tokio::test]
async fn pagerduty_rejects_trigger_without_summary_and_accepts_a_full_one() {
    let sb = Sandbox::start().await.unwrap();
    let event =
        |action: &str, payload: Value| json!({"routing_key": "R0UT1NGKEY", "event_action": action, "payload": payload});
    let no_summary = event("trigger", json!({"source": "opskit", "severity": "critical"}));
    let r = send(post(&sb, PAGERDUTY_PATH).json(&no_summary)).await;
    assert_eq!((r.status, r.json()["status"].as_str()), (400, Some("invalid event")));
    assert!(r.json()["errors"].to_string().contains("payload.summary"), "{}", r.text());
    let r = send(post(&sb, PAGERDUTY_PATH).json(&event("resolve", Value::Null))).await;
    assert_eq!(r.status, 400, "resolve needs a dedup_key");

    let full = json!({"summary": "VIF down", "source": "opskit", "severity": "critical"});
    let r = send(post(&sb, PAGERDUTY_PATH).json(&event("trigger", full))).await;
    let v = r.json();
    assert_eq!((r.status, v["status"].as_str()), (202, Some("success")));
    assert_eq!(v["message"], "Event processed");
    let key = v["dedup_key"].as_str().unwrap();
    assert_eq!(key.len(), 32, "a generated key looks like PagerDuty's");
    let events = sb.pagerduty_events();
    assert_eq!((events.len(), events[0]["dedup_key"].as_str()), (1, Some(key)));
}

#[tokio::test]
async fn slack_answers_plain_ok_and_vendor_errors() {
    let sb = Sandbox::start().await.unwrap();
    let r = send(post(&sb, SLACK_PATH).json(&json!({"text": "hello"}))).await;
    assert_eq!((r.status, r.text().as_str()), (200, "ok"));
    assert!(r.header("content-type").starts_with("text/plain"));
    let r = send(post(&sb, SLACK_PATH).json(&json!({"username": "x"}))).await;
    assert_eq!((r.status, r.text().as_str()), (400, "no_text"));
    let r = send(post(&sb, SLACK_PATH).body("{not json")).await;
    assert_eq!((r.status, r.text().as_str()), (400, "invalid_payload"));
    let r = send(post(&sb, "/slack/services/T0/B0/wrong").json(&json!({"text": "x"}))).await;
    assert_eq!((r.status, r.text().as_str()), (404, "no_service"));
}

#[tokio::test]
async fn backlog_rejects_missing_or_wrong_api_key_with_code_11() {
    let sb = Sandbox::start().await.unwrap();
    let url = sb.url(&format!("{BACKLOG_PREFIX}/api/v2/users/myself"));
    for query in [vec![], vec![("apiKey", "wrong")]] {
        let r = send(reqwest::Client::new().get(&url).query(&query)).await;
        assert_eq!((r.status, r.error_code()), (401, 11));
        assert!(!r.header("x-ratelimit-remaining").is_empty());
    }
    let r = backlog(&sb, Method::GET, "/users/myself", &[]).await;
    assert_eq!((r.status, r.json()["userId"].as_str()), (200, Some("sandbox")));
}

#[tokio::test]
async fn backlog_issue_lifecycle_create_comment_close() {
    let sb = Sandbox::start().await.unwrap();
    let r = create_issue(&sb, "dxvif-1 is down").await;
    assert_eq!((r.status, r.json()["issueKey"].as_str()), (201, Some("OPS-1")));
    assert!(r.header("location").ends_with("/view/OPS-1"));
    let v = r.json();
    assert_eq!((v["status"]["id"].as_u64(), v["priority"]["name"].as_str()), (Some(1), Some("Normal")));

    let comment = [("content", "still down")];
    let r = backlog(&sb, Method::POST, "/issues/OPS-1/comments", &comment).await;
    assert_eq!((r.status, r.json()["content"].as_str()), (201, Some("still down")));

    let close = [("statusId", "4"), ("comment", "recovered")];
    let r = backlog(&sb, Method::PATCH, "/issues/OPS-1", &close).await;
    assert_eq!((r.status, r.json()["status"]["name"].as_str()), (200, Some("Closed")));
    assert_eq!(sb.backlog_issues()[0]["status"]["id"], 4);
    let comments = sb.backlog_comments("OPS-1");
    assert_eq!(comments.len(), 2);
    assert_eq!(comments[1]["content"], "recovered");
    assert_eq!(comments[1]["changeLog"][0]["newValue"], "Closed");

    let open = [("projectId[]", "10001"), ("statusId[]", "1")];
    assert_eq!(backlog(&sb, Method::GET, "/issues", &open).await.json(), json!([]));
    let closed = [("statusId[]", "4"), ("keyword", "DXVIF")];
    let r = backlog(&sb, Method::GET, "/issues", &closed).await;
    assert_eq!(r.json()[0]["issueKey"], "OPS-1");
}

#[tokio::test]
async fn backlog_rejects_incomplete_issue_with_code_7_and_unknown_resources_with_code_6() {
    let sb = Sandbox::start().await.unwrap();
    let no_priority = [("projectId", "10001"), ("summary", "x"), ("issueTypeId", "20001")];
    let r = backlog(&sb, Method::POST, "/issues", &no_priority).await;
    assert_eq!((r.status, r.error_code()), (400, 7));
    assert!(sb.backlog_issues().is_empty());
    for path in ["/issues/OPS-99", "/projects/NOPE", "/wikis/1", "/nothing/here", "/issues/"] {
        let r = backlog(&sb, Method::GET, path, &[]).await;
        assert_eq!((r.status, r.error_code()), (404, 6), "{path}");
    }
}

#[tokio::test]
async fn backlog_answers_carry_rate_limit_headers_per_bucket() {
    let sb = Sandbox::start().await.unwrap();
    let a = backlog(&sb, Method::GET, "/priorities", &[]).await;
    let b = backlog(&sb, Method::GET, "/projects/OPS", &[]).await;
    let u = create_issue(&sb, "x").await;
    let remaining = |g: &Got| g.header("x-ratelimit-remaining").parse::<u32>().unwrap();
    assert_eq!((a.header("x-ratelimit-limit"), u.header("x-ratelimit-limit")), ("600", "150"));
    // A new minute between the two calls restarts the window; otherwise it counts down.
    let (ra, rb) = (remaining(&a), remaining(&b));
    assert!(rb == ra - 1 || rb == 599, "read bucket counts down: {ra} then {rb}");
    assert!(a.header("x-ratelimit-reset").parse::<i64>().is_ok());
    let rl = backlog(&sb, Method::GET, "/rateLimit", &[]).await.json();
    assert_eq!(rl["rateLimit"]["update"]["remaining"], 149);
    let p = b.json();
    assert_eq!((p["projectKey"].as_str(), p["textFormattingRule"].as_str()), (Some("OPS"), Some("markdown")));
}

#[tokio::test]
async fn backlog_over_the_update_limit_is_429_code_13() {
    let sb = Sandbox::start().await.unwrap();
    // Loop rather than count to exactly 151: a new minute may restart the window once.
    let mut last_remaining = u32::MAX;
    for _ in 0..400 {
        let r = backlog(&sb, Method::POST, "/issues", &[]).await;
        if r.status == 429 {
            assert_eq!((r.error_code(), last_remaining), (13, 0));
            assert!(r.header("retry-after").parse::<u64>().unwrap() <= 60);
            return;
        }
        assert_eq!(r.status, 400, "{}", r.text());
        last_remaining = r.header("x-ratelimit-remaining").parse().unwrap();
    }
    panic!("no 429 after 400 updates");
}

#[tokio::test]
async fn backlog_wiki_pages_list_create_update_history_and_attachment() {
    let sb = Sandbox::start().await.unwrap();
    let ops = [("projectIdOrKey", "OPS")];
    let list = backlog(&sb, Method::GET, "/wikis", &ops).await.json();
    assert_eq!(list.as_array().map(Vec::len), Some(2));
    assert!(list[0].get("content").is_none(), "list items carry no content");
    let pages = sb.backlog_wiki_pages();
    let dx = pages.iter().find(|p| p["attachments"][0].is_object()).unwrap();
    let path = format!("/wikis/{}/attachments/{}", dx["id"], dx["attachments"][0]["id"]);
    let r = backlog(&sb, Method::GET, &path, &[]).await;
    assert_eq!(r.header("content-type"), "application/octet-stream");
    assert!(r.header("content-disposition").contains("dx-topology.png"));
    assert!(r.body.starts_with(b"\x89PNG"));

    let form = [("projectId", "10001"), ("name", "Inventory"), ("content", "v1"), ("mailNotify", "false")];
    let r = backlog(&sb, Method::POST, "/wikis", &form).await;
    assert_eq!(r.status, 201);
    let id = r.json()["id"].as_u64().unwrap();
    assert!(r.header("location").ends_with(&format!("/alias/wiki/{id}")));
    let r = backlog(&sb, Method::PATCH, &format!("/wikis/{id}"), &[("content", "v2")]).await;
    assert_eq!(r.json()["content"], "v2");
    let h = backlog(&sb, Method::GET, &format!("/wikis/{id}/history"), &[("order", "asc")]).await;
    let versions: Vec<Value> = h.json().as_array().unwrap().iter().map(|e| e["content"].clone()).collect();
    assert_eq!(versions, [json!("v1"), json!("v2")]);
    assert_eq!(backlog(&sb, Method::GET, "/wikis/count", &ops).await.json()["count"], 3);
    sb.backlog_add_wiki("Seeded", "by a test");
    assert_eq!(sb.backlog_wiki_pages().len(), 4);
}

#[tokio::test]
async fn control_plane_reads_arms_and_clears_without_being_recorded() {
    let sb = Sandbox::start().await.unwrap();
    send(post(&sb, WEBHOOK_PATH).body("payload")).await;
    let fault = json!({"path_prefix": WEBHOOK_PATH, "status": 503, "times": 1});
    assert_eq!(send(post(&sb, "/_sandbox/faults").json(&fault)).await.status, 200);
    assert_eq!(send(post(&sb, WEBHOOK_PATH)).await.status, 503);
    let got = send(get(&sb, "/_sandbox/requests")).await;
    let recs: Vec<Recorded> = serde_json::from_slice(&got.body).unwrap();
    assert_eq!(recs.len(), 2, "control-plane requests are not recorded");
    assert_eq!((recs[0].text().as_str(), recs[1].status), ("payload", 503));
    assert_eq!(got.json()[0]["body"], "cGF5bG9hZA==", "bodies travel as base64");
    send(post(&sb, "/_sandbox/clear")).await;
    assert!(sb.requests().is_empty());
}

#[test]
fn background_sandbox_serves_synchronous_callers() {
    use std::io::{Read, Write};
    let sb = Sandbox::start_background().unwrap();
    let addr = sb.addr();
    let mut s = std::net::TcpStream::connect(addr).unwrap();
    write!(s, "GET /ping/abc HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n").unwrap();
    let mut out = String::new();
    s.read_to_string(&mut out).unwrap();
    assert!(out.starts_with("HTTP/1.1 200") && out.ends_with("OK"), "{out}");
    assert_eq!(sb.requests_to(HEARTBEAT_PREFIX).len(), 1);
}

#[tokio::test]
async fn slack_web_api_answers_200_with_ok_and_refuses_by_error_code() {
    let sb = Sandbox::start().await.unwrap();
    let call = |method: &str, token: &str, body: Value| {
        send(post(&sb, &format!("{SLACK_API_PREFIX}/{method}")).bearer_auth(token).json(&body))
    };
    let msg = json!({"channel": "#ops-alerts", "text": "hello"});
    let wrong = call("chat.postMessage", "xoxb-wrong", msg.clone()).await;
    assert_eq!(
        (wrong.status, wrong.json()["ok"].clone(), wrong.json()["error"].clone()),
        (200, json!(false), json!("invalid_auth"))
    );
    let posted = call("chat.postMessage", SLACK_BOT_TOKEN, msg).await.json();
    assert_eq!((posted["ok"].clone(), posted["channel"].clone()), (json!(true), json!(SLACK_CHANNEL_ID)));
    let ts = posted["ts"].as_str().unwrap().to_string();
    assert_eq!(posted["message"]["text"], "hello");

    let nowhere = call("chat.postMessage", SLACK_BOT_TOKEN, json!({"channel": "#nowhere", "text": "x"})).await;
    assert_eq!(nowhere.json()["error"], "channel_not_found");
    // chat.update takes only a channel ID, as Slack's does.
    let by_name = call("chat.update", SLACK_BOT_TOKEN, json!({"channel": "#ops-alerts", "ts": ts, "text": "y"})).await;
    assert_eq!(by_name.json()["error"], "channel_not_found");
    let updated =
        call("chat.update", SLACK_BOT_TOKEN, json!({"channel": SLACK_CHANNEL_ID, "ts": ts, "text": "y"})).await;
    assert_eq!((updated.json()["ok"].clone(), updated.json()["ts"].clone()), (json!(true), json!(ts)));
    assert_eq!(sb.slack_messages()[0].text, "y");
    sb.slack_delete_message(&ts);
    let gone = call("chat.update", SLACK_BOT_TOKEN, json!({"channel": SLACK_CHANNEL_ID, "ts": ts, "text": "z"})).await;
    assert_eq!(gone.json()["error"], "message_not_found");
    assert_eq!(sb.requests_to(SLACK_API_PREFIX).len(), 6);
}

#[tokio::test]
async fn a_calendar_secret_address_answers_the_stored_calendar_and_an_unknown_one_404() {
    let sb = Sandbox::start().await.unwrap();
    let http = reqwest::Client::new();
    sb.calendar_put("private-abc", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n");
    let r = http.get(sb.calendar_url("private-abc")).send().await.unwrap();
    assert_eq!(r.status(), 200);
    assert!(r.headers()["content-type"].to_str().unwrap().starts_with("text/calendar"));
    assert_eq!(r.text().await.unwrap(), "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n");
    assert_eq!(http.get(sb.calendar_url("private-other")).send().await.unwrap().status(), 404);
    // The control plane stores one too.
    let r = http
        .post(sb.url("/_sandbox/calendar"))
        .body(r#"{"secret": "private-def", "ics": "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"}"#)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(http.get(sb.calendar_url("private-def")).send().await.unwrap().status(), 200);
}
