//! Tests of the Backlog fake's wiki, projects, uploads and rate limits through plain HTTP,
//! so the wire shapes are checked apart from our own client (tested in
//! `backlog/wiki_tests.rs`).

use super::*;
use crate::{BACKLOG_API_KEY, BACKLOG_PREFIX, Sandbox};
use reqwest::Method;
use std::time::Duration;

struct Got {
    status: u16,
    headers: reqwest::header::HeaderMap,
    body: Vec<u8>,
}

impl Got {
    fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or(Value::Null)
    }
    fn header(&self, name: &str) -> &str {
        self.headers.get(name).and_then(|v| v.to_str().ok()).unwrap_or("")
    }
    fn error(&self) -> (u64, String) {
        let e = &self.json()["errors"][0];
        (e["code"].as_u64().unwrap_or(0), e["message"].as_str().unwrap_or("").to_string())
    }
}

async fn call(sb: &Sandbox, method: Method, path: &str, params: &[(&str, &str)]) -> Got {
    let url = sb.url(&format!("{BACKLOG_PREFIX}/api/v2{path}"));
    let rb = reqwest::Client::new().request(method.clone(), url).query(&[("apiKey", BACKLOG_API_KEY)]);
    let rb = if method == Method::GET { rb.query(params) } else { rb.form(params) };
    got(rb).await
}

async fn got(rb: reqwest::RequestBuilder) -> Got {
    let r = rb.timeout(Duration::from_secs(10)).send().await.expect("an answer");
    let (status, headers) = (r.status().as_u16(), r.headers().clone());
    Got { status, headers, body: r.bytes().await.expect("a body").to_vec() }
}

/// `POST /space/attachment` with a hand-written multipart body, as curl `--form` sends it.
async fn upload(sb: &Sandbox, filename: &str, data: &[u8]) -> Got {
    let mut body = b"--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"".to_vec();
    body.extend_from_slice(filename.as_bytes());
    body.extend_from_slice(b"\"\r\nContent-Type: application/octet-stream\r\n\r\n");
    body.extend_from_slice(data);
    body.extend_from_slice(b"\r\n--XyZ--\r\n");
    let url = sb.url(&format!("{BACKLOG_PREFIX}/api/v2/space/attachment"));
    let rb = reqwest::Client::new().post(url).query(&[("apiKey", BACKLOG_API_KEY)]);
    got(rb.header("content-type", "multipart/form-data; boundary=XyZ").body(body)).await
}

fn id(v: &Value) -> String {
    v["id"].as_u64().expect("an id").to_string()
}

#[tokio::test]
async fn upload_attach_list_download_is_byte_exact_with_a_japanese_name() {
    let sb = Sandbox::start().await.unwrap();
    let page = call(&sb, Method::POST, "/wikis", &[("projectId", "10001"), ("name", "構成"), ("content", "x")]).await;
    let page_id = id(&page.json());
    // Bytes of every value, and a near miss of the boundary.
    let data: Vec<u8> = (0..=255u8).chain(*b"\r\n--XyW\r\n").collect();
    let up = upload(&sb, "構成図 v2.bin", &data).await;
    assert_eq!(up.status, 200, "uploads answer 200, not 201");
    let up = up.json();
    assert_eq!((up["name"].as_str(), up["size"].as_u64()), (Some("構成図 v2.bin"), Some(data.len() as u64)));

    let attach = [("attachmentId[]", id(&up))];
    let attach: Vec<(&str, &str)> = attach.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let r = call(&sb, Method::POST, &format!("/wikis/{page_id}/attachments"), &attach).await;
    assert_eq!(r.status, 200);
    let att = r.json()[0].clone();
    assert_ne!(att["id"], up["id"], "an attachment gets its own id");
    assert_eq!(att["createdUser"]["userId"], "sandbox");
    let again = call(&sb, Method::POST, &format!("/wikis/{page_id}/attachments"), &attach).await;
    assert_eq!((again.status, again.error().0), (400, 7), "an upload is used up once attached");

    let list = call(&sb, Method::GET, &format!("/wikis/{page_id}/attachments"), &[]).await.json();
    assert_eq!(list.as_array().map(Vec::len), Some(1));
    let r = call(&sb, Method::GET, &format!("/wikis/{page_id}/attachments/{}", id(&att)), &[]).await;
    assert_eq!(r.body, data);
    assert_eq!(r.header("content-type"), "application/octet-stream");
    let cd = r.header("content-disposition");
    assert!(cd.starts_with("attachment;filename=\""), "{cd}");
    assert!(cd.contains("filename*=UTF-8''%E6%A7%8B%E6%88%90%E5%9B%B3%20v2.bin"), "{cd}");
    assert_eq!(sb.backlog_wiki_attachment(page_id.parse().unwrap(), "構成図 v2.bin"), Some(data));

    let r = call(&sb, Method::DELETE, &format!("/wikis/{page_id}/attachments/{}", id(&att)), &[]).await;
    assert_eq!((r.status, r.json()["name"].as_str()), (200, Some("構成図 v2.bin")));
    let list = call(&sb, Method::GET, &format!("/wikis/{page_id}/attachments"), &[]).await.json();
    assert_eq!(list, json!([]));
}

#[tokio::test]
async fn seeded_attachment_download_matches_the_documented_header() {
    let sb = Sandbox::start().await.unwrap();
    let page = sb.backlog_wiki_page("OPS", "Runbooks/Direct Connect").unwrap();
    let path = format!("/wikis/{}/attachments/{}", page["id"], page["attachments"][0]["id"]);
    let r = call(&sb, Method::GET, &path, &[]).await;
    assert_eq!(r.header("content-disposition"), "attachment;filename=\"dx-topology.png\"");
    assert!(r.body.starts_with(b"\x89PNG"));
}

#[tokio::test]
async fn unknown_wiki_is_404_no_wiki_code_6_and_delete_answers_the_page() {
    let sb = Sandbox::start().await.unwrap();
    let r = call(&sb, Method::GET, "/wikis/42", &[]).await;
    assert_eq!((r.status, r.error()), (404, (6, "No wiki.".to_string())));
    assert_eq!(r.json()["errors"][0]["moreInfo"], "");
    let home = sb.backlog_wiki_page("", "Home").unwrap();
    let r = call(&sb, Method::DELETE, &format!("/wikis/{}", home["id"]), &[("mailNotify", "false")]).await;
    assert_eq!((r.status, r.json()["content"].as_str().is_some()), (200, true));
    let r = call(&sb, Method::GET, &format!("/wikis/{}", home["id"]), &[]).await;
    assert_eq!(r.status, 404);
    assert!(sb.backlog_wiki_page("OPS", "Home").is_none());
}

async fn versions(sb: &Sandbox, page: &str, query: &[(&str, &str)]) -> Vec<u64> {
    let r = call(sb, Method::GET, &format!("/wikis/{page}/history"), query).await.json();
    r.as_array().unwrap().iter().map(|h| h["version"].as_u64().unwrap()).collect()
}

#[tokio::test]
async fn every_update_appends_a_version_and_history_pages_by_version() {
    let sb = Sandbox::start().await.unwrap();
    let r = call(&sb, Method::POST, "/wikis", &[("projectId", "10001"), ("name", "Log"), ("content", "v1")]).await;
    assert_eq!(r.status, 201);
    let page = id(&r.json());
    for c in ["v2", "v2", "v4"] {
        call(&sb, Method::PATCH, &format!("/wikis/{page}"), &[("content", c), ("mailNotify", "false")]).await;
    }
    let r = call(&sb, Method::PATCH, &format!("/wikis/{page}"), &[("mailNotify", "false")]).await;
    assert_eq!(r.status, 200, "nothing to change is no version");
    assert_eq!(versions(&sb, &page, &[]).await, [4, 3, 2, 1], "newest first by default");
    assert_eq!(versions(&sb, &page, &[("order", "asc"), ("minId", "2"), ("count", "2")]).await, [2, 3]);
    assert_eq!(versions(&sb, &page, &[("maxId", "2")]).await, [2, 1]);
    let h = sb.backlog_wiki_history(page.parse().unwrap());
    assert_eq!(h[3]["content"], "v4");
    assert_eq!((h[0]["pageId"].to_string(), h[0]["name"].as_str()), (page.clone(), Some("Log")));

    let r = call(&sb, Method::PATCH, &format!("/wikis/{page}"), &[("name", "Home")]).await;
    assert_eq!((r.status, r.error().0), (400, 7), "renaming onto another page's name");
}

#[tokio::test]
async fn pages_belong_to_their_project_and_the_formatting_rule_is_settable() {
    let sb = Sandbox::start().await.unwrap();
    let docs = sb.backlog_add_project("DOCS", "Documents", "backlog").unwrap();
    assert!(sb.backlog_add_project("DOCS", "", "markdown").is_err());
    assert!(sb.backlog_add_project("ops", "", "markdown").is_err());
    let p = call(&sb, Method::GET, "/projects/DOCS", &[]).await.json();
    assert_eq!((p["id"].as_u64(), p["textFormattingRule"].as_str()), (Some(docs), Some("backlog")));

    let form = [("projectId", docs.to_string()), ("name", "Home".into()), ("content", "in DOCS".into())];
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let r = call(&sb, Method::POST, "/wikis", &form).await;
    assert_eq!((r.status, r.json()["projectId"].as_u64()), (201, Some(docs)), "the same name in another project");
    let r = call(&sb, Method::POST, "/wikis", &form).await;
    assert_eq!((r.status, r.error().0), (400, 7), "a duplicate name in one project");
    let names = |v: Value| v.as_array().unwrap().iter().map(|p| p["name"].as_str().unwrap().to_string()).collect();
    let ops: Vec<String> = names(call(&sb, Method::GET, "/wikis", &[("projectIdOrKey", "OPS")]).await.json());
    let docs_pages: Vec<String> = names(call(&sb, Method::GET, "/wikis", &[("projectIdOrKey", "DOCS")]).await.json());
    assert_eq!((ops.len(), docs_pages), (2, vec!["Home".to_string()]));
    let r = call(&sb, Method::GET, "/wikis", &[("projectIdOrKey", "NOPE")]).await;
    assert_eq!((r.status, r.error()), (404, (6, "No project.".to_string())));

    sb.backlog_set_text_formatting_rule("OPS", "backlog").unwrap();
    assert!(matches!(sb.backlog_set_text_formatting_rule("OPS", "textile"), Err(BacklogSandboxError::Invalid(_))));
    assert!(matches!(sb.backlog_set_text_formatting_rule("NOPE", "backlog"), Err(BacklogSandboxError::NotFound(_))));
    let p = call(&sb, Method::GET, "/projects/OPS", &[]).await.json();
    assert_eq!(p["textFormattingRule"], "backlog");

    // The same through the control plane, as a sandbox in another process is driven.
    let control = |body: Value| reqwest::Client::new().post(sb.url("/_sandbox/backlog")).json(&body);
    let r = got(control(json!({"action": "set_text_formatting_rule", "project": "OPS", "rule": "markdown"}))).await;
    assert_eq!(r.status, 200);
    assert_eq!(sb.backlog_projects()[0]["textFormattingRule"], "markdown");
    let r = got(control(json!({"action": "set_text_formatting_rule", "project": "NOPE", "rule": "markdown"}))).await;
    assert_eq!(r.status, 404);
    let r = got(control(json!({"action": "add_project", "key": "INFRA"}))).await;
    assert_eq!((r.status, r.json()["ok"].as_bool()), (200, Some(true)));
    assert_eq!(sb.backlog_projects()[2]["textFormattingRule"], "markdown");
}

#[tokio::test]
async fn put_wiki_seeds_versions_tags_and_attachments_and_the_control_plane_shows_them() {
    let sb = Sandbox::start().await.unwrap();
    let seed = BacklogWikiSeed {
        name: "Inventory/aws".into(),
        content: "v3".into(),
        history: vec!["v1".into(), "v2".into()],
        tags: vec!["inventory".into()],
        attachments: vec![BacklogFileSeed::new("図.png", b"\x89PNG\x00\xff")],
        ..BacklogWikiSeed::default()
    };
    let id = sb.backlog_put_wiki(&seed).unwrap();
    let versions: Vec<Value> = sb.backlog_wiki_history(id).iter().map(|h| h["content"].clone()).collect();
    assert_eq!(versions, [json!("v1"), json!("v2"), json!("v3")]);
    let page = call(&sb, Method::GET, &format!("/wikis/{id}"), &[]).await.json();
    assert_eq!((page["content"].as_str(), page["tags"][0]["name"].as_str()), (Some("v3"), Some("inventory")));
    let tags = call(&sb, Method::GET, "/wikis/tags", &[("projectIdOrKey", "OPS")]).await.json();
    assert_eq!(tags[0]["name"], "inventory");

    // Putting again replaces the attachments and adds versions.
    let again = BacklogWikiSeed { content: "v4".into(), history: vec![], attachments: vec![], ..seed.clone() };
    assert_eq!(sb.backlog_put_wiki(&again).unwrap(), id);
    assert_eq!(sb.backlog_wiki_history(id).len(), 4);
    assert!(sb.backlog_wiki_attachment(id, "図.png").is_none());

    let body = json!({"action": "put_wiki", "page": {"project": "OPS", "name": "Remote", "content": "c",
                      "attachments": [{"name": "a.txt", "data": "aGVsbG8="}]}});
    let r = got(reqwest::Client::new().post(sb.url("/_sandbox/backlog")).json(&body)).await;
    let remote = r.json()["id"].as_u64().expect("the new page's id");
    assert_eq!(sb.backlog_wiki_attachment(remote, "a.txt").as_deref(), Some(&b"hello"[..]));
    let state = got(reqwest::Client::new().get(sb.url("/_sandbox/backlog"))).await.json();
    let wiki = state["wikis"].as_array().unwrap().iter().find(|w| w["id"] == remote).unwrap().clone();
    assert_eq!(wiki["history"][0]["content"], "c");
    let att_id = wiki["attachments"][0]["id"].to_string();
    assert_eq!(state["attachmentData"][att_id], "aGVsbG8=");
    let r = got(reqwest::Client::new()
        .post(sb.url("/_sandbox/backlog"))
        .json(&json!({"action": "remove_wiki", "name": "Remote"})))
    .await;
    assert_eq!(r.status, 200);
    let r = got(reqwest::Client::new()
        .post(sb.url("/_sandbox/backlog"))
        .json(&json!({"action": "remove_wiki", "name": "Remote"})))
    .await;
    assert_eq!(r.status, 404);
}

#[tokio::test]
async fn a_short_rate_window_refuses_then_resets() {
    let sb = Sandbox::start().await.unwrap();
    sb.backlog_set_rate_limit(2, 1, 2).unwrap();
    let a = call(&sb, Method::GET, "/users/myself", &[]).await;
    let b = call(&sb, Method::GET, "/users/myself", &[]).await;
    let c = call(&sb, Method::GET, "/users/myself", &[]).await;
    // A window boundary may fall between the calls; then the third is let through.
    if c.status == 429 {
        assert_eq!((a.status, b.status, c.error().0), (200, 200, 13));
        assert_eq!((b.header("x-ratelimit-limit"), b.header("x-ratelimit-remaining")), ("2", "0"));
        let reset: i64 = c.header("x-ratelimit-reset").parse().unwrap();
        let now = jiff::Timestamp::now().as_second();
        assert!(reset > now - 1 && reset <= now + 2, "reset {reset} within the 2 s window of {now}");
        tokio::time::sleep(Duration::from_millis(
            (reset * 1000 - jiff::Timestamp::now().as_millisecond()).max(0) as u64 + 50,
        ))
        .await;
        assert_eq!(call(&sb, Method::GET, "/users/myself", &[]).await.status, 200, "a new window");
    }
    assert!(sb.backlog_set_rate_limit(0, 1, 60).is_err());
}

#[tokio::test]
async fn issues_take_members_and_categories_and_refuse_unknown_ids_like_backlog() {
    let sb = Sandbox::start().await.unwrap();
    let users = call(&sb, Method::GET, "/projects/OPS/users", &[]).await.json();
    assert_eq!(users[1]["userId"], "tanaka");
    let cats = call(&sb, Method::GET, "/projects/OPS/categories", &[]).await.json();
    assert_eq!(cats[0]["name"], "Network");
    let base = [("projectId", "10001"), ("summary", "s"), ("issueTypeId", "20001"), ("priorityId", "3")];
    for bad in [("assigneeId", "1"), ("notifiedUserId[]", "1"), ("categoryId[]", "1")] {
        let mut params = base.to_vec();
        params.push(bad);
        let g = call(&sb, Method::POST, "/issues", &params).await;
        assert_eq!((g.status, g.error().0), (400, 7), "{bad:?}");
    }
    assert!(sb.backlog_issues().is_empty(), "a refused request creates nothing");
    let mut params = base.to_vec();
    params.extend([("assigneeId", "9002"), ("categoryId[]", "30002")]);
    let g = call(&sb, Method::POST, "/issues", &params).await;
    assert_eq!(g.status, 201);
    assert_eq!(
        (g.json()["assignee"]["name"].as_str(), g.json()["category"][0]["name"].as_str()),
        (Some("Tanaka Taro"), Some("Database"))
    );
    let g = call(&sb, Method::POST, "/issues/OPS-1/comments", &[("content", "c"), ("notifiedUserId[]", "9003")]).await;
    assert_eq!(g.json()["notifications"][0]["user"]["userId"], "suzuki");
    let g = call(&sb, Method::POST, "/issues/OPS-1/comments", &[("content", "c"), ("notifiedUserId[]", "7")]).await;
    assert_eq!((g.status, g.error().0), (400, 7));
    assert_eq!(sb.backlog_comments("OPS-1").len(), 1);
}
