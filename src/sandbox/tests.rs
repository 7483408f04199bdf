//! Tests of the sandbox through real HTTP, the way the sinks and the binary will use it.

use super::*;
use serde_json::json;
use std::time::Duration;

fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .timeout(Duration::from_secs(10))
        .build()
        .expect("client")
}

fn backlog(sb: &Sandbox, path: &str) -> String {
    sb.url(&format!("{BACKLOG_PREFIX}/api/v2{path}"))
}

const KEY: [(&str, &str); 1] = [("apiKey", BACKLOG_API_KEY)];

fn error_code(v: &Value) -> u64 {
    v["errors"][0]["code"].as_u64().unwrap_or(0)
}

async fn create_issue(sb: &Sandbox, c: &reqwest::Client, summary: &str) -> reqwest::Response {
    c.post(backlog(sb, "/issues"))
        .query(&KEY)
        .form(&[
            ("projectId", "10001"),
            ("summary", summary),
            ("issueTypeId", "20001"),
            ("priorityId", "3"),
            ("description", "VIF down"),
        ])
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn records_requests_in_arrival_order_with_times_and_status() {
    let sb = Sandbox::start().await.unwrap();
    let c = client();
    let before = jiff::Timestamp::now();
    c.post(sb.url(WEBHOOK_PATH))
        .body("first")
        .send()
        .await
        .unwrap();
    c.get(sb.url("/ping/abc/start?rid=1")).send().await.unwrap();
    c.get(sb.url("/nowhere")).send().await.unwrap();
    let all = sb.requests();
    assert_eq!(all.len(), 3);
    assert_eq!(
        (all[0].method.as_str(), all[0].text().as_str()),
        ("POST", "first")
    );
    assert_eq!(all[1].path, "/ping/abc/start");
    assert_eq!(all[1].query.as_deref(), Some("rid=1"));
    assert_eq!(
        [all[0].status, all[1].status, all[2].status],
        [200, 200, 404]
    );
    assert!(all[0].at >= before && all[0].at <= all[1].at && all[1].at <= all[2].at);
    assert!(
        all[0].header("HOST").is_some(),
        "header lookup ignores case"
    );
    assert_eq!(sb.requests_to("/ping/").len(), 1);
}

#[tokio::test]
async fn status_fault_applies_n_times_then_the_fake_answers() {
    let sb = Sandbox::start().await.unwrap();
    sb.inject(Fault::status(WEBHOOK_PATH, 500, 2));
    let c = client();
    let mut got = Vec::new();
    for _ in 0..3 {
        got.push(
            c.post(sb.url(WEBHOOK_PATH))
                .send()
                .await
                .unwrap()
                .status()
                .as_u16(),
        );
    }
    assert_eq!(got, [500, 500, 200]);
    let statuses: Vec<u16> = sb.requests().iter().map(|r| r.status).collect();
    assert_eq!(
        statuses,
        [500, 500, 200],
        "faulted requests are recorded too"
    );
}

#[tokio::test]
async fn faults_are_used_in_injection_order_and_respect_method() {
    let sb = Sandbox::start().await.unwrap();
    sb.inject(Fault {
        method: Some("GET".into()),
        ..Fault::status("/webhook/", 418, 1)
    });
    sb.inject(Fault::status("/webhook/", 503, 1));
    sb.inject(Fault::status("/webhook/", 502, 1));
    let c = client();
    let a = c.post(sb.url(WEBHOOK_PATH)).send().await.unwrap().status();
    let b = c.post(sb.url(WEBHOOK_PATH)).send().await.unwrap().status();
    let g = c.get(sb.url(WEBHOOK_PATH)).send().await.unwrap().status();
    assert_eq!([a.as_u16(), b.as_u16(), g.as_u16()], [503, 502, 418]);
}

#[tokio::test]
async fn rate_limited_fault_carries_retry_after_and_backlog_reset() {
    let sb = Sandbox::start().await.unwrap();
    sb.inject(Fault::rate_limited(SLACK_PATH, 7, 1));
    sb.inject(Fault::rate_limited(BACKLOG_PREFIX, 30, 1));
    let c = client();
    let r = c
        .post(sb.url(SLACK_PATH))
        .json(&json!({"text": "hi"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 429);
    assert_eq!(r.headers()["retry-after"], "7");
    let r = c
        .get(backlog(&sb, "/users/myself"))
        .query(&KEY)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 429);
    assert_eq!(r.headers()["retry-after"], "30");
    let reset: i64 = r.headers()["x-ratelimit-reset"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!(reset >= jiff::Timestamp::now().as_second() + 25);
    assert_eq!(error_code(&r.json().await.unwrap()), 13);
}

#[tokio::test]
async fn delay_fault_holds_the_answer() {
    let sb = Sandbox::start().await.unwrap();
    sb.inject(Fault {
        delay_ms: 300,
        ..Fault::status(WEBHOOK_PATH, 200, 1)
    });
    let start = std::time::Instant::now();
    client().post(sb.url(WEBHOOK_PATH)).send().await.unwrap();
    assert!(start.elapsed() >= Duration::from_millis(300));
}

#[tokio::test]
async fn drop_connection_fault_is_a_connection_error_at_the_client() {
    let sb = Sandbox::start().await.unwrap();
    sb.inject(Fault {
        drop_connection: true,
        ..Fault::status(PAGERDUTY_PATH, 0, 1)
    });
    let c = client();
    let err = c
        .post(sb.url(PAGERDUTY_PATH))
        .body("{}")
        .send()
        .await
        .unwrap_err();
    // hyper reports IncompleteMessage: the request went out, no answer came back.
    assert!(
        err.is_request() && !err.is_timeout() && err.status().is_none(),
        "{err:?}"
    );
    assert_eq!(
        sb.requests()[0].status,
        0,
        "a dropped request is recorded with status 0"
    );
    // The fault is used up: the next request gets an answer.
    let r = c
        .post(sb.url(PAGERDUTY_PATH))
        .body("{}")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 400);
}

#[tokio::test]
async fn pagerduty_rejects_trigger_without_summary_and_accepts_a_full_one() {
    let sb = Sandbox::start().await.unwrap();
    let c = client();
    let bad = json!({"routing_key": "R0UT1NGKEY", "event_action": "trigger",
                     "payload": {"source": "opskit", "severity": "critical"}});
    let r = c
        .post(sb.url(PAGERDUTY_PATH))
        .json(&bad)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 400);
    let v: Value = r.json().await.unwrap();
    assert_eq!(v["status"], "invalid event");
    assert!(v["errors"].to_string().contains("payload.summary"), "{v}");

    let resolve = json!({"routing_key": "R0UT1NGKEY", "event_action": "resolve"});
    let r = c
        .post(sb.url(PAGERDUTY_PATH))
        .json(&resolve)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 400, "resolve needs a dedup_key");

    let good = json!({"routing_key": "R0UT1NGKEY", "event_action": "trigger",
        "payload": {"summary": "VIF down", "source": "opskit", "severity": "critical"}});
    let r = c
        .post(sb.url(PAGERDUTY_PATH))
        .json(&good)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 202);
    let v: Value = r.json().await.unwrap();
    assert_eq!(
        (v["status"].as_str(), v["message"].as_str()),
        (Some("success"), Some("Event processed"))
    );
    let key = v["dedup_key"].as_str().unwrap();
    assert_eq!(key.len(), 32, "a generated key looks like PagerDuty's");
    let events = sb.pagerduty_events();
    assert_eq!(events.len(), 1);
    assert_eq!(events[0]["dedup_key"], key);
}

#[tokio::test]
async fn slack_answers_plain_ok_and_vendor_errors() {
    let sb = Sandbox::start().await.unwrap();
    let c = client();
    let r = c
        .post(sb.url(SLACK_PATH))
        .json(&json!({"text": "hello"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert!(
        r.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/plain")
    );
    assert_eq!(r.text().await.unwrap(), "ok");
    let r = c
        .post(sb.url(SLACK_PATH))
        .json(&json!({"username": "x"}))
        .send()
        .await
        .unwrap();
    assert_eq!(
        (r.status().as_u16(), r.text().await.unwrap()),
        (400, "no_text".into())
    );
    let r = c
        .post(sb.url(SLACK_PATH))
        .body("{not json")
        .send()
        .await
        .unwrap();
    assert_eq!(
        (r.status().as_u16(), r.text().await.unwrap()),
        (400, "invalid_payload".into())
    );
    let other = sb.url("/slack/services/T0/B0/wrong");
    let r = c
        .post(other)
        .json(&json!({"text": "x"}))
        .send()
        .await
        .unwrap();
    assert_eq!(
        (r.status().as_u16(), r.text().await.unwrap()),
        (404, "no_service".into())
    );
}

#[tokio::test]
async fn backlog_rejects_missing_or_wrong_api_key_with_code_11() {
    let sb = Sandbox::start().await.unwrap();
    let c = client();
    for query in [vec![], vec![("apiKey", "wrong")]] {
        let r = c
            .get(backlog(&sb, "/users/myself"))
            .query(&query)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 401);
        assert!(r.headers().contains_key("x-ratelimit-remaining"));
        assert_eq!(error_code(&r.json().await.unwrap()), 11);
    }
    let r = c
        .get(backlog(&sb, "/users/myself"))
        .query(&KEY)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
}

#[tokio::test]
async fn backlog_issue_lifecycle_create_comment_close() {
    let sb = Sandbox::start().await.unwrap();
    let c = client();
    let r = create_issue(&sb, &c, "dxvif-1 is down").await;
    assert_eq!(r.status(), 201);
    assert!(
        r.headers()["location"]
            .to_str()
            .unwrap()
            .ends_with("/view/OPS-1")
    );
    let issue: Value = r.json().await.unwrap();
    assert_eq!(issue["issueKey"], "OPS-1");
    assert_eq!(
        (
            issue["status"]["id"].as_u64(),
            issue["priority"]["name"].as_str()
        ),
        (Some(1), Some("Normal"))
    );

    let r = c
        .post(backlog(&sb, "/issues/OPS-1/comments"))
        .query(&KEY)
        .form(&[("content", "still down")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 201);
    assert_eq!(r.json::<Value>().await.unwrap()["content"], "still down");

    let r = c
        .patch(backlog(&sb, "/issues/OPS-1"))
        .query(&KEY)
        .form(&[("statusId", "4"), ("comment", "recovered")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(r.json::<Value>().await.unwrap()["status"]["name"], "Closed");
    assert_eq!(sb.backlog_issues()[0]["status"]["id"], 4);

    let comments = sb.backlog_comments("OPS-1");
    assert_eq!(comments.len(), 2);
    assert_eq!(comments[1]["content"], "recovered");
    assert_eq!(comments[1]["changeLog"][0]["newValue"], "Closed");

    let open = c
        .get(backlog(&sb, "/issues"))
        .query(&KEY)
        .query(&[("projectId[]", "10001"), ("statusId[]", "1")])
        .send()
        .await
        .unwrap();
    assert_eq!(open.json::<Value>().await.unwrap(), json!([]));
    let closed = c
        .get(backlog(&sb, "/issues"))
        .query(&KEY)
        .query(&[("statusId[]", "4"), ("keyword", "DXVIF")])
        .send()
        .await
        .unwrap();
    assert_eq!(
        closed.json::<Value>().await.unwrap()[0]["issueKey"],
        "OPS-1"
    );
}

#[tokio::test]
async fn backlog_rejects_incomplete_issue_with_code_7_and_unknown_resources_with_code_6() {
    let sb = Sandbox::start().await.unwrap();
    let c = client();
    let r = c
        .post(backlog(&sb, "/issues"))
        .query(&KEY)
        .form(&[
            ("projectId", "10001"),
            ("summary", "x"),
            ("issueTypeId", "20001"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 400);
    assert_eq!(error_code(&r.json().await.unwrap()), 7);
    assert!(sb.backlog_issues().is_empty());
    for path in [
        "/issues/OPS-99",
        "/projects/NOPE",
        "/wikis/1",
        "/nothing/here",
    ] {
        let r = c.get(backlog(&sb, path)).query(&KEY).send().await.unwrap();
        assert_eq!(r.status(), 404, "{path}");
        assert_eq!(error_code(&r.json().await.unwrap()), 6, "{path}");
    }
}

#[tokio::test]
async fn backlog_answers_carry_rate_limit_headers_per_bucket() {
    let sb = Sandbox::start().await.unwrap();
    let c = client();
    let remaining = |r: &reqwest::Response| -> (String, u32) {
        let h = r.headers();
        (
            h["x-ratelimit-limit"].to_str().unwrap().into(),
            h["x-ratelimit-remaining"]
                .to_str()
                .unwrap()
                .parse()
                .unwrap(),
        )
    };
    let a = c
        .get(backlog(&sb, "/priorities"))
        .query(&KEY)
        .send()
        .await
        .unwrap();
    let b = c
        .get(backlog(&sb, "/projects/OPS"))
        .query(&KEY)
        .send()
        .await
        .unwrap();
    let u = create_issue(&sb, &c, "x").await;
    let (la, ra) = remaining(&a);
    let (_, rb) = remaining(&b);
    let (lu, _) = remaining(&u);
    assert_eq!((la.as_str(), lu.as_str()), ("600", "150"));
    assert!(
        // A new minute between the two calls restarts the window.
        rb == ra - 1 || rb == 599,
        "read bucket counts down: {ra} then {rb}"
    );
    assert!(a.headers().contains_key("x-ratelimit-reset"));
    let rl: Value = c
        .get(backlog(&sb, "/rateLimit"))
        .query(&KEY)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(rl["rateLimit"]["update"]["remaining"], 149);
    let p: Value = b.json().await.unwrap();
    assert_eq!(
        (p["projectKey"].as_str(), p["textFormattingRule"].as_str()),
        (Some("OPS"), Some("markdown"))
    );
}

#[tokio::test]
async fn backlog_wiki_pages_list_create_update_history_and_attachment() {
    let sb = Sandbox::start().await.unwrap();
    let c = client();
    let list: Value = c
        .get(backlog(&sb, "/wikis"))
        .query(&KEY)
        .query(&[("projectIdOrKey", "OPS")])
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let list = list.as_array().unwrap().clone();
    assert_eq!(list.len(), 2);
    assert!(
        list[0].get("content").is_none(),
        "list items carry no content"
    );
    let dx = sb
        .backlog_wiki_pages()
        .into_iter()
        .find(|p| p["attachments"][0].is_object())
        .unwrap();
    let (id, att) = (
        dx["id"].as_u64().unwrap(),
        dx["attachments"][0]["id"].as_u64().unwrap(),
    );
    let r = c
        .get(backlog(&sb, &format!("/wikis/{id}/attachments/{att}")))
        .query(&KEY)
        .send()
        .await
        .unwrap();
    assert_eq!(r.headers()["content-type"], "application/octet-stream");
    assert!(
        r.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .contains("dx-topology.png")
    );
    assert!(r.bytes().await.unwrap().starts_with(b"\x89PNG"));

    let r = c
        .post(backlog(&sb, "/wikis"))
        .query(&KEY)
        .form(&[
            ("projectId", "10001"),
            ("name", "Inventory"),
            ("content", "v1"),
            ("mailNotify", "false"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 201);
    let new_id = r.json::<Value>().await.unwrap()["id"].as_u64().unwrap();
    let r = c
        .patch(backlog(&sb, &format!("/wikis/{new_id}")))
        .query(&KEY)
        .form(&[("content", "v2")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.json::<Value>().await.unwrap()["content"], "v2");
    let h: Value = c
        .get(backlog(&sb, &format!("/wikis/{new_id}/history")))
        .query(&KEY)
        .query(&[("order", "asc")])
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let versions: Vec<_> = h
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["content"].clone())
        .collect();
    assert_eq!(versions, [json!("v1"), json!("v2")]);
    let n: Value = c
        .get(backlog(&sb, "/wikis/count"))
        .query(&KEY)
        .query(&[("projectIdOrKey", "OPS")])
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(n["count"], 3);
    sb.backlog_add_wiki("Seeded", "by a test");
    assert_eq!(sb.backlog_wiki_pages().len(), 4);
}

#[tokio::test]
async fn control_plane_reads_arms_and_clears_without_being_recorded() {
    let sb = Sandbox::start().await.unwrap();
    let c = client();
    c.post(sb.url(WEBHOOK_PATH))
        .body("payload")
        .send()
        .await
        .unwrap();
    let fault = json!({"path_prefix": WEBHOOK_PATH, "status": 503, "times": 1});
    let r = c
        .post(sb.url("/_sandbox/faults"))
        .json(&fault)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(
        c.post(sb.url(WEBHOOK_PATH)).send().await.unwrap().status(),
        503
    );
    let recs: Vec<Recorded> = c
        .get(sb.url("/_sandbox/requests"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(recs.len(), 2, "control-plane requests are not recorded");
    assert_eq!((recs[0].text().as_str(), recs[1].status), ("payload", 503));
    c.post(sb.url("/_sandbox/clear")).send().await.unwrap();
    assert!(sb.requests().is_empty());
}

#[test]
fn background_sandbox_serves_synchronous_callers() {
    let sb = Sandbox::start_background().unwrap();
    let addr = sb.addr();
    let mut s = std::net::TcpStream::connect(addr).unwrap();
    use std::io::{Read, Write};
    write!(
        s,
        "GET /ping/abc HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut out = String::new();
    s.read_to_string(&mut out).unwrap();
    assert!(
        out.starts_with("HTTP/1.1 200") && out.ends_with("OK"),
        "{out}"
    );
    assert_eq!(sb.requests_to(HEARTBEAT_PREFIX).len(), 1);
}
