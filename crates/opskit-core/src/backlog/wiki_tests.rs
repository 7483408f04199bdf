//! The Backlog client's wiki calls and rate-limit handling against the sandbox's Backlog,
//! started in-process.

use super::wiki::{HistoryQuery, Order, ProjectWiki, WikiPageUpdate};
use super::*;
use opskit_sandbox::{BACKLOG_API_KEY, BACKLOG_PREFIX, BacklogFileSeed, BacklogWikiSeed, Fault, Sandbox};
use std::time::Instant;

fn http() -> reqwest::Client {
    reqwest::Client::builder().timeout(Duration::from_secs(10)).build().unwrap()
}

fn client(sb: &Sandbox) -> BacklogClient {
    BacklogClient::new(&sb.url(BACKLOG_PREFIX), Secret::new(BACKLOG_API_KEY), http())
}

async fn ops(sb: &Sandbox) -> ProjectWiki {
    client(sb).project_wiki("OPS").await.expect("project OPS")
}

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
        let total: Duration = self.slept().iter().sum();
        self.start + total
    }

    fn sleep(&self, wait: Duration) -> futures::future::BoxFuture<'static, ()> {
        self.slept.lock().unwrap().push(wait);
        Box::pin(std::future::ready(()))
    }
}

fn statuses(sb: &Sandbox, path: &str) -> Vec<u16> {
    sb.requests_to(&format!("{BACKLOG_PREFIX}/api/v2{path}")).iter().map(|r| r.status).collect()
}

#[tokio::test]
async fn create_get_update_list_and_find_a_page() {
    let sb = Sandbox::start().await.unwrap();
    let wiki = ops(&sb).await;
    assert_eq!((wiki.project().id, wiki.text_formatting_rule()), (10001, Some(&TextFormattingRule::Markdown)));

    let created = wiki.create("Inventory/aws", "# v1\n", false).await.unwrap();
    assert_eq!((created.project_id, created.content.as_str()), (10001, "# v1\n"));
    assert!(created.created.is_some() && created.created_user.as_ref().is_some_and(|u| u.name == "Sandbox Operator"));
    let form = sb.requests_to(&format!("{BACKLOG_PREFIX}/api/v2/wikis")).last().unwrap().form();
    assert_eq!(form[0], ("projectId".to_string(), "10001".to_string()), "the numeric id, not the key");
    assert!(form.contains(&("mailNotify".to_string(), "false".to_string())));

    let got = wiki.page(created.id).await.unwrap();
    assert_eq!(got, created);
    let updated = wiki.update(created.id, &WikiPageUpdate::content("# v2\n")).await.unwrap();
    assert_eq!(updated.content, "# v2\n");
    let renamed =
        WikiPageUpdate { name: Some("Inventory/AWS".into()), content: Some("# v3\n".into()), mail_notify: false };
    wiki.update(created.id, &renamed).await.unwrap();

    let history = wiki.full_history(created.id).await.unwrap();
    let seen: Vec<(u64, &str, &str)> =
        history.iter().map(|h| (h.version, h.name.as_str(), h.content.as_str())).collect();
    assert_eq!(
        seen,
        [(1, "Inventory/aws", "# v1\n"), (2, "Inventory/aws", "# v2\n"), (3, "Inventory/AWS", "# v3\n")],
        "history grows with every update"
    );
    let newest = wiki.history(created.id, &HistoryQuery { count: Some(1), ..HistoryQuery::default() }).await.unwrap();
    assert_eq!(newest[0].version, 3, "Backlog's default order is newest first");

    let pages = wiki.pages().await.unwrap();
    assert_eq!(pages.len(), 3, "Home, the seeded runbook and ours");
    assert!(wiki.find("Inventory/aws").await.unwrap().is_none(), "renamed away; names match exactly");
    let found = wiki.find("Inventory/AWS").await.unwrap().expect("found by its new name");
    assert_eq!((found.id, found.project_id), (created.id, 10001));
    assert_eq!(wiki.page_url(found.id), format!("{}/alias/wiki/{}", sb.url(BACKLOG_PREFIX), found.id));

    let deleted = wiki.delete(found.id, false).await.unwrap();
    assert_eq!(deleted.name, "Inventory/AWS");
    assert!(wiki.find("Inventory/AWS").await.unwrap().is_none());
}

#[tokio::test]
async fn full_history_pages_through_more_than_a_hundred_versions() {
    let sb = Sandbox::start().await.unwrap();
    let history: Vec<String> = (1..=230).map(|v| format!("v{v}")).collect();
    let seed = BacklogWikiSeed { name: "Busy".into(), content: "v231".into(), history, ..BacklogWikiSeed::default() };
    let id = sb.backlog_put_wiki(&seed).unwrap();
    let all = ops(&sb).await.full_history(id).await.unwrap();
    let versions: Vec<u64> = all.iter().map(|h| h.version).collect();
    assert_eq!(versions, (1..=231).collect::<Vec<_>>());
    assert_eq!(all.last().unwrap().content, "v231");
    let calls = sb.requests_to(&format!("{BACKLOG_PREFIX}/api/v2/wikis/{id}/history"));
    let queries: Vec<Vec<(String, String)>> =
        calls.iter().map(|r| r.query_pairs().into_iter().filter(|(k, _)| k != "apiKey").collect()).collect();
    assert_eq!(queries.len(), 3, "{queries:?}");
    assert_eq!(queries[1][0], ("minId".to_string(), "100".to_string()), "from the last version seen");
    assert!(queries[0].contains(&("order".to_string(), "asc".to_string())));
    let oldest_first = HistoryQuery { order: Some(Order::Asc), count: Some(2), ..HistoryQuery::default() };
    let two = ops(&sb).await.history(id, &oldest_first).await.unwrap();
    assert_eq!(two.iter().map(|h| h.version).collect::<Vec<_>>(), [1, 2]);
}

#[tokio::test]
async fn attachments_upload_and_download_byte_exact_with_a_japanese_name() {
    let sb = Sandbox::start().await.unwrap();
    let wiki = ops(&sb).await;
    let page = wiki.create("ネットワーク構成", "![図](構成図.png)", false).await.unwrap();
    let png: Vec<u8> = (0..=255u8).rev().chain(*b"\r\n--opskit-\r\n").collect();
    let text = "VIF 一覧\r\n".as_bytes();
    let added = wiki.upload_and_attach(page.id, &[("構成図 (最新).png", &png), ("notes.txt", text)]).await.unwrap();
    assert_eq!(added.len(), 2);
    assert_eq!((added[0].name.as_str(), added[0].size), ("構成図 (最新).png", png.len() as u64));
    let attach_form = sb.requests_to(&format!("{BACKLOG_PREFIX}/api/v2/wikis/{}/attachments", page.id))[0].form();
    assert_eq!(attach_form.iter().filter(|(k, _)| k == "attachmentId[]").count(), 2, "both in one call");

    let listed = wiki.attachments(page.id).await.unwrap();
    assert_eq!(listed, wiki.page(page.id).await.unwrap().attachments);
    let d = wiki.download(page.id, listed[0].id).await.unwrap();
    assert_eq!(d.bytes, png, "byte-exact");
    assert_eq!(d.filename.as_deref(), Some("構成図 (最新).png"), "from filename*=UTF-8''");
    assert_eq!(d.content_type.as_deref(), Some("application/octet-stream"));
    assert_eq!(wiki.download(page.id, listed[1].id).await.unwrap().bytes, text);
    assert_eq!(sb.backlog_wiki_attachment(page.id, "構成図 (最新).png"), Some(png));

    let removed = wiki.remove_attachment(page.id, listed[1].id).await.unwrap();
    assert_eq!(removed.id, listed[1].id);
    assert_eq!(wiki.attachments(page.id).await.unwrap().len(), 1);
    let err = wiki.download(page.id, listed[1].id).await.unwrap_err();
    assert!(err.is_not_found(), "{err}");
}

#[tokio::test]
async fn the_project_formatting_rule_is_read_from_the_project() {
    let sb = Sandbox::start().await.unwrap();
    sb.backlog_set_text_formatting_rule("OPS", "backlog").unwrap();
    let wiki = ops(&sb).await;
    assert_eq!(wiki.text_formatting_rule(), Some(&TextFormattingRule::Backlog));
    sb.backlog_add_project("DOCS", "Documents", "markdown").unwrap();
    let docs = client(&sb).project_wiki("DOCS").await.unwrap();
    assert_eq!(docs.text_formatting_rule().map(|r| r.as_str()), Some("markdown"));
    assert!(docs.pages().await.unwrap().is_empty(), "pages belong to their project");
    let other: Project =
        serde_json::from_str(r#"{"id":1,"projectKey":"X","name":"x","textFormattingRule":"asciidoc"}"#).unwrap();
    assert_eq!(other.text_formatting_rule, Some(TextFormattingRule::Other("asciidoc".into())));
}

#[tokio::test]
async fn errors_name_the_page_and_the_project_and_never_the_api_key() {
    let sb = Sandbox::start().await.unwrap();
    let wiki = ops(&sb).await;
    let home = wiki.find("Home").await.unwrap().unwrap();
    sb.backlog_remove_wiki("OPS", "Home").unwrap();
    let err = wiki.page(home.id).await.unwrap_err();
    let text = err.to_string();
    assert_eq!(
        text,
        format!(
            "wiki page `Home` (id {id}) in project OPS: backlog GET /wikis/{id}: 404: No wiki (code 6)",
            id = home.id
        )
    );
    assert!(err.is_not_found() && !err.is_retryable());

    let err = wiki.update(987_654, &WikiPageUpdate::content("x")).await.unwrap_err();
    assert!(err.to_string().starts_with("updating wiki page 987654 in project OPS: "), "{err}");
    let err = wiki.create("Runbooks/Direct Connect", "dup", false).await.unwrap_err();
    assert!(err.to_string().starts_with("creating wiki page `Runbooks/Direct Connect` in project OPS: "), "{err}");
    assert_eq!(err.codes(), [7]);
    let err = client(&sb).project_wiki("NOPE").await.unwrap_err();
    assert!(err.to_string().starts_with("backlog project NOPE: backlog GET /projects/NOPE: 404"), "{err}");

    // A wrong key, a server fault and a dropped connection: the key is in no message.
    let wrong_key = "wrong-backlog-key-for-wiki-5d4c3b";
    let other = BacklogClient::new(&sb.url(BACKLOG_PREFIX), Secret::new(wrong_key), http());
    let err = ProjectWiki::new(other, wiki.project().clone()).pages().await.unwrap_err();
    assert!(err.to_string().contains("listing the wiki pages of project OPS") && err.status() == Some(401), "{err}");
    sb.inject(Fault::status(BACKLOG_PREFIX, 500, 1));
    let e500 = wiki.attachments(home.id).await.unwrap_err();
    sb.inject(Fault { path_prefix: BACKLOG_PREFIX.into(), drop_connection: true, times: 1, ..Fault::default() });
    let dropped = wiki.download(home.id, 1).await.unwrap_err();
    assert!(dropped.is_retryable(), "{dropped}");
    for e in [&err, &e500, &dropped] {
        let text = format!("{e} {e:?}");
        for secret in [wrong_key, BACKLOG_API_KEY, "apiKey"] {
            assert!(!text.contains(secret), "{secret} in {text}");
        }
    }
}

#[tokio::test]
async fn a_429_waits_for_the_reset_and_the_call_completes() {
    let sb = Sandbox::start().await.unwrap();
    let wiki = ops(&sb).await;
    sb.clear();
    sb.inject(Fault::rate_limited(&format!("{BACKLOG_PREFIX}/api/v2/wikis"), 1, 1));
    let start = Instant::now();
    let pages = wiki.pages().await.expect("completes after the wait");
    let took = start.elapsed();
    assert_eq!(pages.len(), 2);
    // The reset is a whole second ahead when injected; the client never waits under a second.
    assert!(took >= Duration::from_secs(1), "took {took:?}");
    assert!(took < Duration::from_secs(5), "took {took:?}");
    assert_eq!(statuses(&sb, "/wikis"), [429, 200], "the sandbox saw the refusal and the retry");
    let reqs = sb.requests();
    assert!(reqs[1].at.duration_since(reqs[0].at).as_secs_f64() >= 0.99, "the retry came after the wait");
}

#[tokio::test]
async fn a_spent_window_is_waited_for_before_the_next_call() {
    let sb = Sandbox::start().await.unwrap();
    let wiki = ops(&sb).await;
    // One read per 2-second window: each call but the first has to wait for a reset.
    sb.backlog_set_rate_limit(1, 150, 2).unwrap();
    sb.clear();
    let start = Instant::now();
    for _ in 0..3 {
        wiki.pages().await.expect("paced, never refused");
    }
    assert_eq!(statuses(&sb, "/wikis"), [200, 200, 200], "no request was sent into a spent window");
    assert!(start.elapsed() >= Duration::from_secs(2), "two resets waited for: {:?}", start.elapsed());
    assert_eq!(wiki.client().rate_window(Bucket::Read).map(|w| (w.limit, w.remaining)), Some((Some(1), 0)));
}

#[tokio::test]
async fn rate_limit_waits_are_bounded_and_the_retries_counted() {
    let sb = Sandbox::start().await.unwrap();
    let clock = FakeClock::new();
    let policy = RateLimitPolicy { retries: 2, max_wait: Duration::from_secs(5), pace: true };
    let c = client(&sb).with_rate_limit(policy).with_clock(clock.clone());
    let wiki = c.project_wiki("OPS").await.unwrap();
    // Refused for five minutes (longer than any Backlog window), until the test ends.
    sb.inject(Fault::rate_limited(BACKLOG_PREFIX, 300, 0));
    let err = wiki.pages().await.unwrap_err();
    assert_eq!(clock.slept(), [Duration::from_secs(5); 2], "each wait cut to max_wait, two retries");
    assert_eq!(statuses(&sb, "/wikis"), [429, 429, 429]);
    let retry_after = err.retry_after().expect("the wait is handed back").as_secs();
    assert!((280..=300).contains(&retry_after), "{retry_after}");
    assert!(err.is_retryable() && err.to_string().contains("rate limited"), "{err}");
    assert!(err.to_string().starts_with("listing the wiki pages of project OPS: "), "{err}");
    // The refusal said nothing is left: the next call waits (bounded) before it is sent.
    let _ = wiki.pages().await;
    assert_eq!(clock.slept().len(), 5, "one pacing wait, then two retry waits: {:?}", clock.slept());
    assert_eq!(statuses(&sb, "/wikis").len(), 6);

    // HAND_BACK (what the sinks use) neither waits nor retries.
    let hand_back = client(&sb).with_rate_limit(RateLimitPolicy::HAND_BACK).with_clock(clock.clone());
    let before = sb.requests().len();
    let err = hand_back.project("OPS").await.unwrap_err();
    assert_eq!((err.status(), clock.slept().len()), (Some(429), 5));
    assert_eq!(sb.requests().len(), before + 1);
}

#[tokio::test]
async fn a_429_without_reset_headers_waits_a_minute_within_the_bound() {
    let sb = Sandbox::start().await.unwrap();
    let clock = FakeClock::new();
    let c = client(&sb).with_rate_limit(RateLimitPolicy { retries: 1, ..RateLimitPolicy::default() });
    let c = c.with_clock(clock.clone());
    let bare = Fault { path_prefix: BACKLOG_PREFIX.into(), status: 429, times: 1, ..Fault::default() };
    // The sandbox adds its own standing to a fault without one; a bare 429 needs headers
    // that say nothing, so give it a reset that cannot be read.
    let bare = Fault { headers: vec![("X-RateLimit-Reset".into(), "later".into())], ..bare };
    sb.inject(bare);
    c.project("OPS").await.expect("the retry succeeds");
    assert_eq!(clock.slept(), [Duration::from_secs(60)], "Nulab's advice: a minute");
}

#[tokio::test]
async fn seeded_pages_with_history_and_attachments_read_back_whole() {
    let sb = Sandbox::start().await.unwrap();
    let seed = BacklogWikiSeed {
        name: "Runbooks/障害対応".into(),
        content: "v2".into(),
        history: vec!["v1".into()],
        tags: vec!["runbook".into()],
        attachments: vec![BacklogFileSeed::new("手順.pdf", b"%PDF-1.7\n\x00\x01")],
        ..BacklogWikiSeed::default()
    };
    let id = sb.backlog_put_wiki(&seed).unwrap();
    let wiki = ops(&sb).await;
    let page = wiki.page(id).await.unwrap();
    assert_eq!((page.tags[0].name.as_str(), page.attachments[0].name.as_str()), ("runbook", "手順.pdf"));
    let d = wiki.download(id, page.attachments[0].id).await.unwrap();
    assert_eq!((d.filename.as_deref(), d.bytes.as_slice()), (Some("手順.pdf"), &b"%PDF-1.7\n\x00\x01"[..]));
    let contents: Vec<String> = wiki.full_history(id).await.unwrap().into_iter().map(|h| h.content).collect();
    assert_eq!(contents, ["v1", "v2"]);
}
