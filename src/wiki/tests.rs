//! The backup engine against the sandbox's Backlog (in-process) and an in-memory object
//! store: what is read, what is carried over, what retention deletes, and a store that
//! fails halfway.

use super::backup::{self, Options};
use super::catalog::{self, State};
use super::retention::{self, Keep};
use super::store::Location;
use crate::backlog::BacklogClient;
use crate::backlog::wiki::ProjectWiki;
use crate::redact::Secret;
use object_store::memory::InMemory;
use object_store::path::Path;
use opskit_sandbox::{BACKLOG_API_KEY, BACKLOG_PREFIX, BacklogFileSeed, BacklogWikiSeed, Sandbox};
use std::sync::Arc;

async fn ops(sb: &Sandbox) -> ProjectWiki {
    let http = reqwest::Client::builder().timeout(std::time::Duration::from_secs(10)).build().unwrap();
    let client = BacklogClient::new(&sb.url(BACKLOG_PREFIX), Secret::new(BACKLOG_API_KEY), http);
    client.project_wiki("OPS").await.unwrap()
}

fn at(t: &str) -> jiff::Timestamp {
    t.parse().unwrap()
}

fn opts(t: &str) -> Options {
    Options {
        history: false,
        full: false,
        concurrency: 4,
        dry_run: false,
        started: at(t),
        finished: None,
        progress: false,
    }
}

fn seed(sb: &Sandbox) {
    let page = |name: &str, content: &str, attachments: Vec<BacklogFileSeed>| BacklogWikiSeed {
        name: name.into(),
        content: content.into(),
        history: vec!["first draft".into()],
        attachments,
        ..BacklogWikiSeed::default()
    };
    sb.backlog_put_wiki(&page(
        "手順書/障害 対応",
        "# 障害対応\n",
        vec![BacklogFileSeed::new("図 1.png", b"\x89PNG..")],
    ))
    .unwrap();
    sb.backlog_put_wiki(&page("Notes: 100%", "colon and percent\n", vec![])).unwrap();
}

/// Page GETs (`GET /wikis/:id`) and attachment downloads since the log was cleared.
fn reads(sb: &Sandbox) -> (usize, usize) {
    let reqs = sb.requests_to(&format!("{BACKLOG_PREFIX}/api/v2/wikis/"));
    let segs = |p: &str| p.split('/').count();
    let base = format!("{BACKLOG_PREFIX}/api/v2/wikis/x").split('/').count();
    let pages = reqs.iter().filter(|r| r.method == "GET" && segs(&r.path) == base).count();
    let downloads = reqs.iter().filter(|r| r.method == "GET" && segs(&r.path) == base + 2).count();
    (pages, downloads)
}

/// Backlog's times have whole seconds: an edit is only seen as one in a later second.
fn next_second() {
    let now = jiff::Timestamp::now();
    std::thread::sleep(std::time::Duration::from_nanos(1_000_000_000 - now.subsec_nanosecond() as u64 + 1_000_000));
}

#[tokio::test]
async fn unchanged_pages_are_carried_over_and_one_edit_reads_one_page() {
    let sb = Sandbox::start().await.unwrap();
    seed(&sb);
    let wiki = ops(&sb).await;
    let loc = Location::new(Arc::new(InMemory::new()), Path::default(), "memory://");

    let first = backup::backup_project(&wiki, &loc, &opts("2026-03-01T00:00:00Z")).await.unwrap();
    // Home, Runbooks/Direct Connect (seeded) and the two above.
    assert_eq!((first.pages, first.fetched, first.carried, first.attachments), (4, 4, 0, 2));
    let m1 = catalog::read_manifest(&loc, "OPS", "20260301T000000Z").await.unwrap();
    assert!(m1.full && m1.base.is_none());
    let page = m1.pages.iter().find(|p| p.name == "手順書/障害 対応").unwrap();
    assert_eq!(page.content, "20260301T000000Z/pages/手順書/障害 対応.md");
    assert_eq!(page.attachments[0].key, "20260301T000000Z/pages/手順書/障害 対応.attachments/図 1.png");
    assert_eq!(
        m1.pages.iter().find(|p| p.name == "Notes: 100%").unwrap().content,
        "20260301T000000Z/pages/Notes%3A 100%25.md"
    );
    let o = m1.object(&page.content).unwrap();
    assert_eq!((o.size, o.sha256.as_str()), (15, "6c84eaa59b2fc796a91d13b58bf81d3c21386a4581398914b71eb5f6d8569864"));

    sb.clear();
    let second = backup::backup_project(&wiki, &loc, &opts("2026-03-02T00:00:00Z")).await.unwrap();
    assert_eq!((second.fetched, second.carried, second.written), (0, 4, 0));
    assert_eq!(reads(&sb), (0, 0));
    assert_eq!(sb.requests_to(&format!("{BACKLOG_PREFIX}/api/v2/wikis")).len(), 1, "one list request");
    let m2 = catalog::read_manifest(&loc, "OPS", "20260302T000000Z").await.unwrap();
    assert_eq!(m2.base.as_deref(), Some("20260301T000000Z"));
    assert_eq!(m2.objects, m1.objects, "every object is the first generation's");
    assert_eq!(m2.own().count(), 0);

    next_second();
    sb.backlog_add_wiki("Notes: 100%", "edited\n");
    sb.backlog_put_wiki(&BacklogWikiSeed {
        name: "手順書/障害 対応".into(),
        content: "# 障害対応 v2\n".into(),
        attachments: vec![BacklogFileSeed::new("図 1.png", b"\x89PNG.."), BacklogFileSeed::new("new.txt", b"n")],
        ..BacklogWikiSeed::default()
    })
    .unwrap();
    sb.clear();
    let third = backup::backup_project(&wiki, &loc, &opts("2026-03-03T00:00:00Z")).await.unwrap();
    assert_eq!((third.fetched, third.carried, third.downloaded), (2, 2, 2));
    assert_eq!(reads(&sb), (2, 2), "two pages read; put_wiki gave both attachments new ids");
    let m3 = catalog::read_manifest(&loc, "OPS", "20260303T000000Z").await.unwrap();
    let notes = m3.pages.iter().find(|p| p.name == "Notes: 100%").unwrap();
    assert!(notes.fetched && notes.content.starts_with("20260303T000000Z/"));
    let home = m3.pages.iter().find(|p| p.name == "Home").unwrap();
    assert!(!home.fetched && home.content.starts_with("20260301T000000Z/"));
}

#[tokio::test]
async fn an_edited_page_keeps_its_unchanged_attachments_by_reference() {
    let sb = Sandbox::start().await.unwrap();
    let wiki = ops(&sb).await;
    let loc = Location::new(Arc::new(InMemory::new()), Path::default(), "memory://");
    backup::backup_project(&wiki, &loc, &opts("2026-03-01T00:00:00Z")).await.unwrap();
    next_second();
    sb.backlog_add_wiki("Runbooks/Direct Connect", "BGP first, then the LOA.\n");
    sb.clear();
    let out = backup::backup_project(&wiki, &loc, &opts("2026-03-02T00:00:00Z")).await.unwrap();
    assert_eq!((out.fetched, out.downloaded), (1, 0));
    assert_eq!(reads(&sb), (1, 0), "exactly one page GET, no download");
    let m = catalog::read_manifest(&loc, "OPS", "20260302T000000Z").await.unwrap();
    let dx = m.pages.iter().find(|p| p.name == "Runbooks/Direct Connect").unwrap();
    assert!(dx.content.starts_with("20260302T000000Z/"));
    assert_eq!(dx.attachments[0].key, "20260301T000000Z/pages/Runbooks/Direct Connect.attachments/dx-topology.png");
}

#[tokio::test]
async fn history_is_written_per_version_and_asked_for_once_a_base_lacks_it() {
    let sb = Sandbox::start().await.unwrap();
    seed(&sb);
    let wiki = ops(&sb).await;
    let loc = Location::new(Arc::new(InMemory::new()), Path::default(), "memory://");
    backup::backup_project(&wiki, &loc, &opts("2026-03-01T00:00:00Z")).await.unwrap();
    let with = Options { history: true, ..opts("2026-03-02T00:00:00Z") };
    let out = backup::backup_project(&wiki, &loc, &with).await.unwrap();
    assert_eq!(out.fetched, 4, "the base has no history: every page is read again");
    let m = catalog::read_manifest(&loc, "OPS", "20260302T000000Z").await.unwrap();
    let page = m.pages.iter().find(|p| p.name == "手順書/障害 対応").unwrap();
    let keys: Vec<&str> = page.history.iter().flatten().map(|h| h.key.as_str()).collect();
    assert_eq!(
        keys,
        [
            "20260302T000000Z/pages/手順書/障害 対応.history/000001.md",
            "20260302T000000Z/pages/手順書/障害 対応.history/000002.md"
        ]
    );
    assert_eq!(loc.get(&format!("OPS/{}", keys[0])).await.unwrap().unwrap(), b"first draft");
    let sidecar: serde_json::Value =
        serde_json::from_slice(&loc.get(&format!("OPS/{}", page.meta)).await.unwrap().unwrap()).unwrap();
    assert_eq!(sidecar["history"][1]["file"], "手順書/障害 対応.history/000002.md");
    assert_eq!(sidecar["attachments"][0]["file"], "手順書/障害 対応.attachments/図 1.png");
    let again =
        backup::backup_project(&wiki, &loc, &Options { history: true, ..opts("2026-03-03T00:00:00Z") }).await.unwrap();
    assert_eq!(again.fetched, 0);
}

#[tokio::test]
async fn a_store_failing_halfway_leaves_no_manifest_and_the_next_run_ignores_that_generation() {
    let sb = Sandbox::start().await.unwrap();
    seed(&sb);
    let wiki = ops(&sb).await;
    let store = Arc::new(crate::storage::FailAfter::new(Arc::new(InMemory::new()), 3));
    let loc = Location::new(store.clone(), Path::default(), "memory://");
    let e = backup::backup_project(&wiki, &loc, &opts("2026-03-01T00:00:00Z")).await.unwrap_err();
    assert!(format!("{e:#}").contains("injected failure: writes stopped after 3"), "{e:#}");
    let gens = catalog::generations(&loc, "OPS").await.unwrap();
    assert_eq!(gens.len(), 1);
    assert_eq!(gens[0].state, State::Incomplete);
    assert!(!loc.list("OPS").await.unwrap().is_empty(), "it failed halfway, after some objects");

    let loc = Location::new(Arc::new(InMemory::new()), Path::default(), "memory://");
    // The same objects, on a store that works again.
    for (k, _) in Location::new(store.clone(), Path::default(), "memory://").list("OPS").await.unwrap() {
        let bytes = Location::new(store.clone(), Path::default(), "m://").get(&k).await.unwrap().unwrap();
        loc.put(&k, bytes).await.unwrap();
    }
    let out = backup::backup_project(&wiki, &loc, &opts("2026-03-02T00:00:00Z")).await.unwrap();
    assert_eq!((out.base, out.fetched), (None, 4), "an incomplete generation is never a base");
    let states: Vec<State> = catalog::generations(&loc, "OPS").await.unwrap().iter().map(|g| g.state).collect();
    assert_eq!(states, [State::Incomplete, State::Complete]);
}

#[tokio::test]
async fn pruning_keeps_what_kept_generations_reference_and_marks_their_folders() {
    let sb = Sandbox::start().await.unwrap();
    let wiki = ops(&sb).await;
    let loc = Location::new(Arc::new(InMemory::new()), Path::default(), "memory://");
    let tz = jiff::tz::TimeZone::UTC;
    backup::backup_project(&wiki, &loc, &opts("2026-03-01T00:00:00Z")).await.unwrap();
    next_second();
    sb.backlog_add_wiki("Home", "home v2\n");
    backup::backup_project(&wiki, &loc, &opts("2026-03-02T00:00:00Z")).await.unwrap();
    // An interrupted run between two complete ones.
    loc.put("OPS/20260302T120000Z/pages/Home.md", b"partial".to_vec()).await.unwrap();
    next_second();
    sb.backlog_add_wiki("Home", "home v3\n");
    backup::backup_project(&wiki, &loc, &opts("2026-03-03T00:00:00Z")).await.unwrap();

    let keep = Keep { daily: 1, ..Keep::default() };
    let dry = retention::prune(&loc, "OPS", keep, &tz, at("2026-03-03T00:00:00Z"), true).await.unwrap();
    assert_eq!(dry.reduced, ["20260301T000000Z"]);
    assert_eq!(dry.removed, ["20260302T000000Z", "20260302T120000Z"]);
    assert_eq!(catalog::generations(&loc, "OPS").await.unwrap().len(), 4, "a dry run deletes nothing");

    let done = retention::prune(&loc, "OPS", keep, &tz, at("2026-03-03T00:00:00Z"), false).await.unwrap();
    assert_eq!(done.kept, [("20260303T000000Z".to_string(), vec!["daily", "newest"])]);
    let gens = catalog::generations(&loc, "OPS").await.unwrap();
    let states: Vec<(&str, State)> = gens.iter().map(|g| (g.name.as_str(), g.state)).collect();
    assert_eq!(states, [("20260301T000000Z", State::Pruned), ("20260303T000000Z", State::Complete)]);
    // Everything the kept generation lists is still there, and nothing else of the first.
    let m = catalog::read_manifest(&loc, "OPS", "20260303T000000Z").await.unwrap();
    for o in &m.objects {
        assert!(loc.get(&format!("OPS/{}", o.key)).await.unwrap().is_some(), "{} was deleted", o.key);
    }
    let left: Vec<String> = loc.list("OPS/20260301T000000Z").await.unwrap().into_iter().map(|(k, _)| k).collect();
    let referenced = m.objects.iter().filter(|o| o.key.starts_with("20260301T000000Z/")).count();
    assert_eq!(left.len(), referenced + 1, "{left:?}");
    assert!(left.contains(&"OPS/20260301T000000Z/pruned.json".to_string()));
    assert!(!left.iter().any(|k| k.ends_with("Home.md") || k.ends_with("manifest.json")), "{left:?}");

    // Once nothing references it any more, the pruned generation goes entirely.
    next_second();
    sb.backlog_put_wiki(&BacklogWikiSeed {
        name: "Runbooks/Direct Connect".into(),
        content: "v2\n".into(),
        ..BacklogWikiSeed::default()
    })
    .unwrap();
    backup::backup_project(&wiki, &loc, &Options { full: true, ..opts("2026-03-04T00:00:00Z") }).await.unwrap();
    let done = retention::prune(&loc, "OPS", keep, &tz, at("2026-03-04T00:00:00Z"), false).await.unwrap();
    assert_eq!(done.removed, ["20260301T000000Z", "20260303T000000Z"]);
    let names: Vec<String> = catalog::generations(&loc, "OPS").await.unwrap().into_iter().map(|g| g.name).collect();
    assert_eq!(names, ["20260304T000000Z"]);
}

#[tokio::test]
async fn a_page_deleted_between_the_list_and_its_read_is_left_out() {
    let sb = Sandbox::start().await.unwrap();
    let wiki = ops(&sb).await;
    let loc = Location::new(Arc::new(InMemory::new()), Path::default(), "memory://");
    let id = sb.backlog_wiki_page("OPS", "Home").unwrap()["id"].as_u64().unwrap();
    sb.inject(opskit_sandbox::Fault::status(&format!("{BACKLOG_PREFIX}/api/v2/wikis/{id}"), 404, 1));
    let out = backup::backup_project(&wiki, &loc, &opts("2026-03-01T00:00:00Z")).await.unwrap();
    assert_eq!((out.pages, out.fetched, out.vanished), (1, 1, 1));
    let m = catalog::read_manifest(&loc, "OPS", "20260301T000000Z").await.unwrap();
    assert_eq!(m.pages.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(), ["Runbooks/Direct Connect"]);
}

#[tokio::test]
async fn two_attachments_of_one_name_in_two_generations_restore_side_by_side() {
    let sb = Sandbox::start().await.unwrap();
    let wiki = ops(&sb).await;
    let loc = Location::new(Arc::new(InMemory::new()), Path::default(), "memory://");
    let id = sb.backlog_wiki_page("OPS", "Home").unwrap()["id"].as_u64().unwrap();
    wiki.upload_and_attach(id, &[("a.png", b"old")]).await.unwrap();
    next_second();
    sb.backlog_add_wiki("Home", "home v2\n");
    backup::backup_project(&wiki, &loc, &opts("2026-03-01T00:00:00Z")).await.unwrap();
    let newer = wiki.upload_and_attach(id, &[("a.png", b"new!")]).await.unwrap()[0].id;
    next_second();
    sb.backlog_add_wiki("Home", "home v3\n");
    let out = backup::backup_project(&wiki, &loc, &opts("2026-03-02T00:00:00Z")).await.unwrap();
    assert_eq!(out.downloaded, 1, "the older a.png is carried over");
    let m = catalog::read_manifest(&loc, "OPS", "20260302T000000Z").await.unwrap();
    let home = m.pages.iter().find(|p| p.name == "Home").unwrap();
    let keys: Vec<&str> = home.attachments.iter().map(|a| a.key.as_str()).collect();
    assert_eq!(
        keys,
        [
            "20260301T000000Z/pages/Home.attachments/a.png",
            &format!("20260302T000000Z/pages/Home.attachments/a%~{newer}.png")
        ]
    );
    let dir = tempfile::tempdir().unwrap();
    let r = super::restore::to_dir(&loc, &m, dir.path(), 4).await.unwrap();
    assert!(r.problems.is_empty(), "{:?}", r.problems);
    assert_eq!(std::fs::read(dir.path().join("Home.attachments/a.png")).unwrap(), b"old");
    assert_eq!(std::fs::read(dir.path().join(format!("Home.attachments/a%~{newer}.png"))).unwrap(), b"new!");
    let sidecar: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("Home.json")).unwrap()).unwrap();
    assert_eq!(sidecar["attachments"][1]["file"], format!("Home.attachments/a%~{newer}.png"));
}
