//! `opskit wiki backup|list|verify|restore` end to end: the built binary against the
//! embedded sandbox's Backlog Wiki, backing up to a `file://` directory, with Slack as the
//! sink for the "backup failed" finding. The sandbox's request log shows what was read.

use crate::common;

use common::cli::*;
use opskit_sandbox::{self as sandbox, BacklogFileSeed, BacklogWikiSeed};
use std::path::{Path, PathBuf};

const PROJECT: &str = sandbox::BACKLOG_PROJECT_KEY;
const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR fake image bytes \xff\xfe";

/// The wiki these tests back up: names with `/`, spaces, Japanese and characters a file
/// name cannot hold, attachments (one a binary with an unsafe name) and history. The
/// sandbox also seeds `Home` and `Runbooks/Direct Connect` (with `dx-topology.png`).
fn seed(b: &Bench) {
    let put = |name: &str, history: &[&str], content: &str, attachments: Vec<BacklogFileSeed>| {
        b.sandbox
            .backlog_put_wiki(&BacklogWikiSeed {
                name: name.into(),
                content: content.into(),
                history: history.iter().map(|h| h.to_string()).collect(),
                tags: vec!["runbook".into()],
                attachments,
                ..BacklogWikiSeed::default()
            })
            .unwrap();
    };
    put(
        "手順書/障害対応/ネットワーク 切替",
        &["# 切替\n初版\n", "# 切替\n第二版\n"],
        "# 切替\n\n1. BGP を確認する\n",
        vec![BacklogFileSeed::new("構成図 v2.png", PNG), BacklogFileSeed::new("手順.txt", "手順です\n".as_bytes())],
    );
    put(
        "Notes: 100% <done>?",
        &[],
        "colon, percent, brackets\n",
        vec![BacklogFileSeed::new("a/b:c.bin", &[0, 1, 2, 255])],
    );
}

fn setup(b: &Bench) -> PathBuf {
    seed(b);
    b.write_config(&format!(
        "{}{}\n[[routes]]\nsources = [\"wiki-backup\"]\nsinks = [\"slack\"]\n",
        b.defaults(),
        b.sandbox.sinks_toml()
    ));
    b.path("backups")
}

fn url(dir: &Path) -> String {
    format!("file://{}", dir.display())
}

fn wiki(b: &Bench, now: &str, args: &[&str]) -> assert_cmd::assert::Assert {
    b.opskit().env("OPSKIT_NOW", now).arg("wiki").args(args).assert()
}

fn backup(b: &Bench, dir: &Path, now: &str, extra: &[&str]) -> assert_cmd::assert::Assert {
    let to = url(dir);
    let mut args = vec!["backup", "--project", PROJECT, "--to", to.as_str()];
    args.extend(extra);
    wiki(b, now, &args)
}

/// Requests to the wiki API since the log was cleared: (page lists, page GETs, downloads).
fn wiki_reads(b: &Bench) -> (usize, usize, usize) {
    let base = format!("{}/api/v2/wikis", sandbox::BACKLOG_PREFIX);
    let gets: Vec<String> =
        b.sandbox.requests_to(&base).into_iter().filter(|r| r.method == "GET").map(|r| r.path).collect();
    let depth = |p: &str| p[base.len()..].split('/').filter(|s| !s.is_empty()).count();
    let lists = gets.iter().filter(|p| depth(p) == 0).count();
    let pages = gets.iter().filter(|p| depth(p) == 1).count();
    let downloads = gets.iter().filter(|p| depth(p) == 3).count();
    (lists, pages, downloads)
}

fn slack(b: &Bench) -> Vec<String> {
    b.sandbox
        .requests_to(sandbox::SLACK_PATH)
        .iter()
        .map(|r| r.json()["text"].as_str().unwrap_or("").to_string())
        .collect()
}

fn page_id(b: &Bench, name: &str) -> u64 {
    b.sandbox.backlog_wiki_page(PROJECT, name).unwrap()["id"].as_u64().unwrap()
}

/// Backlog's times have whole seconds: an edit is seen as one only in a later second.
fn next_second() {
    let ns = jiff::Timestamp::now().subsec_nanosecond() as u64;
    std::thread::sleep(std::time::Duration::from_nanos(1_000_000_000 - ns + 5_000_000));
}

fn read(p: &Path) -> Vec<u8> {
    std::fs::read(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// Every file under `dir`, relative, sorted.
fn files(dir: &Path) -> Vec<String> {
    fn walk(base: &Path, dir: &Path, out: &mut Vec<String>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(base, &p, out);
            } else {
                out.push(p.strip_prefix(base).unwrap().to_string_lossy().into_owned());
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out);
    out.sort();
    out
}

fn generations(b: &Bench, dir: &Path) -> Vec<(String, String)> {
    let a = wiki(b, "2026-03-10T00:00:00Z", &["list", "--from", &url(dir), "-o", "json"]).success();
    let rows: serde_json::Value = serde_json::from_str(&stdout(&a)).unwrap();
    rows.as_array()
        .unwrap()
        .iter()
        .map(|r| (r["generation"].as_str().unwrap().to_string(), r["state"].as_str().unwrap().to_string()))
        .collect()
}

#[test]
fn backup_verify_detects_one_flipped_byte_and_restore_reproduces_every_page_byte_for_byte() {
    let b = Bench::new();
    let dir = setup(&b);
    let a = backup(&b, &dir, "2026-03-01T00:00:00Z", &["--history"]);
    assert_eq!(code(&a), 0, "{}{}", stdout(&a), stderr(&a));
    assert!(stdout(&a).contains("20260301T000000Z") && stdout(&a).contains("ok"), "{}", stdout(&a));
    let generation = dir.join("OPS/20260301T000000Z");
    assert!(generation.join("manifest.json").is_file());
    let stored = generation.join("pages/手順書/障害対応/ネットワーク 切替.md");
    assert_eq!(
        read(&stored),
        "# 切替\n\n1. BGP を確認する\n".as_bytes(),
        "the content as stored, under a readable name"
    );
    assert!(generation.join("pages/Notes%3A 100%25 %3Cdone%3E%3F.attachments/a%2Fb%3Ac.bin").is_file());

    let from = url(&dir);
    let a = wiki(&b, "2026-03-01T00:00:00Z", &["verify", "--from", &from]);
    assert_eq!(code(&a), 0, "{}", stdout(&a));
    assert!(stdout(&a).contains("OPS/20260301T000000Z:") && stdout(&a).ends_with(": ok\n"), "{}", stdout(&a));

    // One byte of one attachment flipped: verify exits 1 and names that object.
    let png = generation.join("pages/手順書/障害対応/ネットワーク 切替.attachments/構成図 v2.png");
    let original = read(&png);
    let mut flipped = original.clone();
    flipped[3] ^= 0x01;
    std::fs::write(&png, &flipped).unwrap();
    let a = wiki(&b, "2026-03-01T00:00:00Z", &["verify", "--from", &from]);
    assert_eq!(code(&a), 1, "{}", stdout(&a));
    let out = stdout(&a);
    assert!(out.contains("1 problem(s)"), "{out}");
    assert!(
        out.contains(&format!(
            "{from}/OPS/20260301T000000Z/pages/手順書/障害対応/ネットワーク 切替.attachments/構成図 v2.png: SHA-256"
        )),
        "{out}"
    );
    // A corrupted object is not restored, and says so.
    let a =
        wiki(&b, "2026-03-01T00:00:00Z", &["restore", "--from", &from, "--to-dir", b.path("bad").to_str().unwrap()]);
    assert_eq!(code(&a), 3, "{}", stdout(&a));
    assert!(stdout(&a).contains("not restored: ") && stdout(&a).contains("構成図 v2.png: SHA-256"), "{}", stdout(&a));
    std::fs::write(&png, &original).unwrap();
    wiki(&b, "2026-03-01T00:00:00Z", &["verify", "--from", &from]).success();

    // Restored, every page's content, attachments and history are Backlog's, byte for byte.
    let out_dir = b.path("restored");
    let a = wiki(&b, "2026-03-01T00:00:00Z", &["restore", "--from", &from, "--to-dir", out_dir.to_str().unwrap()]);
    assert_eq!(code(&a), 0, "{}{}", stdout(&a), stderr(&a));
    let expected = [
        ("Home", "Home"),
        ("Runbooks/Direct Connect", "Runbooks/Direct Connect"),
        ("手順書/障害対応/ネットワーク 切替", "手順書/障害対応/ネットワーク 切替"),
        ("Notes: 100% <done>?", "Notes%3A 100%25 %3Cdone%3E%3F"),
    ];
    let mut want_files = Vec::new();
    for (name, path) in expected {
        let page = b.sandbox.backlog_wiki_page(PROJECT, name).unwrap();
        assert_eq!(read(&out_dir.join(format!("{path}.md"))), page["content"].as_str().unwrap().as_bytes(), "{name}");
        want_files.push(format!("{path}.md"));
        let sidecar: serde_json::Value = serde_json::from_slice(&read(&out_dir.join(format!("{path}.json")))).unwrap();
        assert_eq!((sidecar["name"].as_str(), sidecar["id"].as_u64()), (Some(name), page["id"].as_u64()), "{name}");
        assert_eq!(sidecar["tags"], page["tags"], "{name}");
        want_files.push(format!("{path}.json"));
        for (i, att) in page["attachments"].as_array().unwrap().iter().enumerate() {
            let att_name = att["name"].as_str().unwrap();
            let file = sidecar["attachments"][i]["file"].as_str().unwrap().to_string();
            let want = b.sandbox.backlog_wiki_attachment(page["id"].as_u64().unwrap(), att_name).unwrap();
            assert_eq!(read(&out_dir.join(&file)), want, "{name}: {att_name}");
            want_files.push(file);
        }
        for (i, v) in b.sandbox.backlog_wiki_history(page["id"].as_u64().unwrap()).iter().enumerate() {
            let file = format!("{path}.history/{:06}.md", v["version"].as_u64().unwrap());
            assert_eq!(sidecar["history"][i]["file"].as_str(), Some(file.as_str()));
            assert_eq!(read(&out_dir.join(&file)), v["content"].as_str().unwrap().as_bytes(), "{file}");
            want_files.push(file);
        }
    }
    want_files.sort();
    assert_eq!(files(&out_dir), want_files, "nothing more, nothing less");
    assert!(want_files.contains(&"Notes%3A 100%25 %3Cdone%3E%3F.attachments/a%2Fb%3Ac.bin".to_string()));
    assert!(want_files.contains(&"手順書/障害対応/ネットワーク 切替.history/000003.md".to_string()));
    // A directory that is not empty is refused.
    let a = wiki(&b, "2026-03-01T00:00:00Z", &["restore", "--from", &from, "--to-dir", out_dir.to_str().unwrap()]);
    assert_eq!(code(&a), 2);
    assert!(stderr(&a).contains("is not empty"), "{}", stderr(&a));
}

#[test]
fn an_unchanged_wiki_costs_one_list_and_one_edited_page_costs_one_page_get() {
    let b = Bench::new();
    let dir = setup(&b);
    backup(&b, &dir, "2026-03-01T00:00:00Z", &[]).success();
    assert_eq!(wiki_reads(&b), (1, 4, 4), "the first backup reads every page and attachment");

    b.sandbox.clear();
    backup(&b, &dir, "2026-03-02T00:00:00Z", &[]).success();
    assert_eq!(wiki_reads(&b), (1, 0, 0), "unchanged: one list request, no page GET");
    let others: Vec<String> = b
        .sandbox
        .requests_to(sandbox::BACKLOG_PREFIX)
        .iter()
        .filter(|r| !r.path.contains("/wikis"))
        .map(|r| format!("{} {}", r.method, r.path))
        .collect();
    assert_eq!(others, [format!("GET {}/api/v2/projects/OPS", sandbox::BACKLOG_PREFIX)]);
    assert!(!dir.join("OPS/20260302T000000Z/pages").exists(), "nothing new to write");
    assert!(dir.join("OPS/20260302T000000Z/manifest.json").is_file());

    next_second();
    b.sandbox.backlog_add_wiki("手順書/障害対応/ネットワーク 切替", "# 切替\n\n1. BGP\n2. LOA\n");
    b.sandbox.clear();
    backup(&b, &dir, "2026-03-03T00:00:00Z", &[]).success();
    assert_eq!(wiki_reads(&b), (1, 1, 0), "one page GET; its attachments are the ones already held");
    let gets: Vec<String> = b.sandbox.requests().iter().filter(|r| r.method == "GET").map(|r| r.path.clone()).collect();
    let id = page_id(&b, "手順書/障害対応/ネットワーク 切替");
    assert!(gets.contains(&format!("{}/api/v2/wikis/{id}", sandbox::BACKLOG_PREFIX)), "{gets:?}");
    let own = files(&dir.join("OPS/20260303T000000Z"));
    assert_eq!(
        own,
        ["manifest.json", "pages/手順書/障害対応/ネットワーク 切替.json", "pages/手順書/障害対応/ネットワーク 切替.md"]
    );
    wiki(&b, "2026-03-03T00:00:00Z", &["verify", "--from", &url(&dir), "--all"]).success();
}

#[test]
fn retention_keeps_the_rules_generations_and_every_object_they_reference() {
    let b = Bench::new();
    let dir = setup(&b);
    backup(&b, &dir, "2026-01-31T00:00:00Z", &[]).success();
    next_second();
    b.sandbox.backlog_add_wiki("Home", "home, edited in February\n");
    // 02-27 writes Home; the later ones reference that copy.
    for now in ["2026-02-27T00:00:00Z", "2026-02-28T00:00:00Z", "2026-03-01T00:00:00Z"] {
        backup(&b, &dir, now, &[]).success();
    }
    let a = backup(&b, &dir, "2026-03-01T01:00:00Z", &["--keep-daily", "2", "--keep-monthly", "3"]);
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    // Daily: 03-01 (its newest) and 02-28; monthly: March, February (02-28), January.
    let gens = generations(&b, &dir);
    let want = [
        ("20260131T000000Z", "complete"),
        ("20260227T000000Z", "pruned"),
        ("20260228T000000Z", "complete"),
        ("20260301T010000Z", "complete"),
    ];
    assert_eq!(gens, want.map(|(g, s)| (g.to_string(), s.to_string())));
    // 02-27 keeps only its Home, which the kept generations reference, and says why.
    let held = files(&dir.join("OPS/20260227T000000Z"));
    assert_eq!(held, ["pages/Home.json", "pages/Home.md", "pruned.json"]);
    let marker: serde_json::Value =
        serde_json::from_slice(&read(&dir.join("OPS/20260227T000000Z/pruned.json"))).unwrap();
    assert_eq!(marker["heldFor"], serde_json::json!(["20260228T000000Z", "20260301T010000Z"]));
    assert!(!dir.join("OPS/20260301T000000Z").exists(), "03-01T00 referenced everything and is gone entirely");
    // Every kept generation is whole.
    let a = wiki(&b, "2026-03-01T01:00:00Z", &["verify", "--from", &url(&dir), "--all"]);
    assert_eq!(code(&a), 0, "{}", stdout(&a));
    assert_eq!(stdout(&a).lines().count(), 3, "{}", stdout(&a));
    // The table says the same.
    let a = wiki(&b, "2026-03-01T01:00:00Z", &["list", "--from", &url(&dir)]).success();
    let table = stdout(&a);
    assert!(table.contains("| 20260227T000000Z | pruned "), "{table}");
    let restore_dir = b.path("restored");
    let a = wiki(
        &b,
        "2026-03-01T01:00:00Z",
        &["restore", "--from", &url(&dir), "--generation", "20260227", "--to-dir", restore_dir.to_str().unwrap()],
    );
    assert_eq!(code(&a), 2, "a pruned generation is not restorable");
    assert!(stderr(&a).contains("is pruned"), "{}", stderr(&a));
}

#[test]
fn backups_started_in_one_second_get_their_own_generations_each_listed_verified_and_restorable() {
    let b = Bench::new();
    let dir = setup(&b);
    // The clock pinned: every run below starts in the same second.
    let now = "2026-03-01T00:00:00Z";
    backup(&b, &dir, now, &[]).success();
    next_second();
    b.sandbox.backlog_add_wiki("Home", "home, edited a moment later\n");
    let a = backup(&b, &dir, now, &[]);
    assert_eq!(code(&a), 0, "{}{}", stdout(&a), stderr(&a));
    assert!(stdout(&a).contains("20260301T000000Z-01"), "{}", stdout(&a));
    assert!(!stdout(&a).contains("incomplete"), "{}", stdout(&a));
    let msgs = slack(&b);
    assert!(msgs.iter().all(|m| !m.contains("failed")), "{msgs:?}");
    let complete = |names: &[&str]| names.iter().map(|g| (g.to_string(), "complete".to_string())).collect::<Vec<_>>();
    assert_eq!(generations(&b, &dir), complete(&["20260301T000000Z", "20260301T000000Z-01"]));
    let m: serde_json::Value =
        serde_json::from_slice(&read(&dir.join("OPS/20260301T000000Z-01/manifest.json"))).unwrap();
    assert_eq!((m["generation"].as_str(), m["base"].as_str()), (Some("20260301T000000Z-01"), Some("20260301T000000Z")));

    let from = url(&dir);
    let a = wiki(&b, now, &["verify", "--from", &from, "--all"]);
    assert_eq!(code(&a), 0, "{}", stdout(&a));
    assert!(stdout(&a).contains("OPS/20260301T000000Z: ") && stdout(&a).contains("OPS/20260301T000000Z-01: "));
    // The name written before sequences existed still names exactly its own generation.
    let first_home = "# Operations\n\nRunbooks and inventory of the sandbox.\n";
    for (generation, home) in
        [("20260301T000000Z", first_home), ("20260301T000000Z-01", "home, edited a moment later\n")]
    {
        let to = b.path(&format!("restored-{generation}"));
        let a =
            wiki(&b, now, &["restore", "--from", &from, "--generation", generation, "--to-dir", to.to_str().unwrap()]);
        assert_eq!(code(&a), 0, "{}{}", stdout(&a), stderr(&a));
        assert_eq!(read(&to.join("Home.md")), home.as_bytes(), "{generation}");
    }
    let latest = b.path("restored-latest");
    wiki(&b, now, &["restore", "--from", &from, "--to-dir", latest.to_str().unwrap()]).success();
    assert_eq!(read(&latest.join("Home.md")), b"home, edited a moment later\n", "the later one is the latest");

    // A third in that second; retention counts it as the day's newest.
    let a = backup(&b, &dir, now, &["--keep-daily", "1"]);
    assert_eq!(code(&a), 0, "{}{}", stdout(&a), stderr(&a));
    let gens = generations(&b, &dir);
    assert_eq!(gens.last(), Some(&("20260301T000000Z-02".to_string(), "complete".to_string())), "{gens:?}");
    assert!(gens[..gens.len() - 1].iter().all(|(_, state)| state == "pruned"), "{gens:?}");
}

#[test]
fn a_generation_without_manifest_is_incomplete_and_never_a_base() {
    let b = Bench::new();
    let dir = setup(&b);
    backup(&b, &dir, "2026-03-01T00:00:00Z", &[]).success();
    next_second();
    b.sandbox.backlog_add_wiki("Home", "home v2\n");
    backup(&b, &dir, "2026-03-02T00:00:00Z", &[]).success();
    std::fs::remove_file(dir.join("OPS/20260302T000000Z/manifest.json")).unwrap();
    let gens = generations(&b, &dir);
    assert_eq!(gens[1], ("20260302T000000Z".to_string(), "incomplete".to_string()));
    let a = wiki(&b, "2026-03-02T00:00:00Z", &["verify", "--from", &url(&dir), "--generation", "20260302T000000Z"]);
    assert_eq!(code(&a), 1);
    assert!(stdout(&a).contains("manifest.json: missing: the generation is incomplete"), "{}", stdout(&a));

    b.sandbox.clear();
    backup(&b, &dir, "2026-03-03T00:00:00Z", &[]).success();
    // Against 03-01, Home changed: it is read again, not taken from the incomplete 03-02.
    assert_eq!(wiki_reads(&b), (1, 1, 0));
    let m: serde_json::Value = serde_json::from_slice(&read(&dir.join("OPS/20260303T000000Z/manifest.json"))).unwrap();
    assert_eq!(m["base"], "20260301T000000Z");
    let home = m["pages"].as_array().unwrap().iter().find(|p| p["name"] == "Home").unwrap();
    assert_eq!(home["content"], "20260303T000000Z/pages/Home.md");
    // Retention prunes it once a newer complete generation exists.
    backup(&b, &dir, "2026-03-04T00:00:00Z", &["--keep-daily", "7"]).success();
    let names: Vec<String> = generations(&b, &dir).into_iter().map(|(g, _)| g).collect();
    assert_eq!(names, ["20260301T000000Z", "20260303T000000Z", "20260304T000000Z"]);
}

#[test]
fn a_store_failing_midway_leaves_no_manifest_exits_3_and_pages_until_a_run_completes() {
    let b = Bench::new();
    let dir = setup(&b);
    // One page at a time, `Runbooks/Direct Connect` answered slowly; once `Home` is
    // written, a file appears where that page's folder must go: the store fails midway.
    let dc = page_id(&b, "Runbooks/Direct Connect");
    b.sandbox.inject(sandbox::Fault::latency(&format!("{}/api/v2/wikis/{dc}", sandbox::BACKLOG_PREFIX), 1500, 1));
    let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("opskit"));
    let to = url(&dir);
    cmd.env_clear()
        .env("HOME", b.dir.path())
        .env("XDG_STATE_HOME", b.path("xdg-state"))
        .env("NO_COLOR", "1")
        .env("OPSKIT_NOW", "2026-03-01T00:00:00Z")
        .current_dir(b.dir.path())
        .args(["wiki", "backup", "--project", PROJECT, "--to", &to, "--concurrency", "1"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    let child = cmd.spawn().unwrap();
    let pages = dir.join("OPS/20260301T000000Z/pages");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while !pages.join("Home.md").exists() {
        assert!(std::time::Instant::now() < deadline, "Home.md never written");
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    std::fs::write(pages.join("Runbooks"), b"in the way").unwrap();
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "{err}");
    let board = String::from_utf8_lossy(&out.stdout);
    assert!(board.contains("20260301T000000Z (incomplete)"), "the generation begun is named: {board}");
    assert!(err.contains("wiki page `Runbooks/Direct Connect` of OPS") && err.contains("writing "), "{err}");
    assert!(pages.join("Home.json").is_file(), "pages before it were written");
    assert!(!dir.join("OPS/20260301T000000Z/manifest.json").exists());
    let msgs = slack(&b);
    assert_eq!(msgs.len(), 1, "{msgs:?}");
    assert!(msgs[0].contains("wiki backup of OPS to") && msgs[0].contains("failed"), "{}", msgs[0]);
    assert_eq!(generations(&b, &dir), [("20260301T000000Z".to_string(), "incomplete".to_string())]);

    // Still failing (Backlog down this time): the same open finding, nothing new sent.
    b.sandbox.inject(sandbox::Fault::status(&format!("{}/api/v2/wikis", sandbox::BACKLOG_PREFIX), 500, 0));
    let a = backup(&b, &dir, "2026-03-01T06:00:00Z", &[]);
    assert_eq!(code(&a), 3);
    // Nothing was written: the board names no generation, least of all an incomplete one.
    assert!(!stdout(&a).contains("20260301T060000Z") && !stdout(&a).contains("(incomplete)"), "{}", stdout(&a));
    assert_eq!(slack(&b).len(), 1, "{:?}", slack(&b));
    b.sandbox.clear();

    let a = backup(&b, &dir, "2026-03-02T00:00:00Z", &["--keep-daily", "7"]);
    assert_eq!(code(&a), 0, "{}{}", stdout(&a), stderr(&a));
    assert_eq!(wiki_reads(&b), (1, 4, 4), "the incomplete generation is no base: every page is read");
    let msgs = slack(&b);
    assert_eq!(msgs.len(), 1, "{msgs:?}");
    assert!(msgs[0].contains("generation 20260302T000000Z complete"), "{}", msgs[0]);
    // The failed runs' generations are pruned, the blocker with them.
    assert_eq!(generations(&b, &dir), [("20260302T000000Z".to_string(), "complete".to_string())]);
}

#[test]
fn restore_to_a_project_recreates_pages_and_refuses_existing_ones_without_overwrite() {
    let b = Bench::new();
    let dir = setup(&b);
    backup(&b, &dir, "2026-03-01T00:00:00Z", &[]).success();
    b.sandbox.backlog_add_project("DR", "Disaster recovery", "markdown").unwrap();
    let from = url(&dir);
    let a = wiki(&b, "2026-03-01T00:00:00Z", &["restore", "--from", &from, "--to-project", "DR"]);
    assert_eq!(code(&a), 0, "{}{}", stdout(&a), stderr(&a));
    assert!(stdout(&a).contains("4 pages created, 0 overwritten, 4 attachments uploaded"), "{}", stdout(&a));
    for name in ["Home", "Runbooks/Direct Connect", "手順書/障害対応/ネットワーク 切替", "Notes: 100% <done>?"]
    {
        let src = b.sandbox.backlog_wiki_page(PROJECT, name).unwrap();
        let dst = b.sandbox.backlog_wiki_page("DR", name).unwrap_or_else(|| panic!("{name} not restored"));
        assert_eq!(dst["content"], src["content"], "{name}");
        for att in src["attachments"].as_array().unwrap() {
            let n = att["name"].as_str().unwrap();
            let want = b.sandbox.backlog_wiki_attachment(src["id"].as_u64().unwrap(), n).unwrap();
            assert_eq!(b.sandbox.backlog_wiki_attachment(dst["id"].as_u64().unwrap(), n), Some(want), "{name}: {n}");
        }
    }
    let posts = b.sandbox.requests().iter().filter(|r| r.method == "POST" && r.path.ends_with("/wikis")).count();
    assert_eq!(posts, 4);

    // Again: every page exists; refused, nothing written.
    b.sandbox.backlog_add_wiki("Home", "edited in OPS only\n");
    b.sandbox.clear();
    let a = wiki(&b, "2026-03-01T00:00:00Z", &["restore", "--from", &from, "--to-project", "DR"]);
    assert_eq!(code(&a), 2);
    assert!(stderr(&a).contains("already has 4 of the pages") && stderr(&a).contains("--overwrite"), "{}", stderr(&a));
    assert!(b.sandbox.requests().iter().all(|r| r.method == "GET"), "refusing writes nothing");

    // With --overwrite the content comes back; same-named attachments of the same size stay.
    let dr_home = b.sandbox.backlog_wiki_page("DR", "Home").unwrap()["id"].as_u64().unwrap();
    let a = wiki(&b, "2026-03-01T00:00:00Z", &["restore", "--from", &from, "--to-project", "DR", "--overwrite"]);
    assert_eq!(code(&a), 0, "{}{}", stdout(&a), stderr(&a));
    assert!(stdout(&a).contains("0 pages created, 4 overwritten, 0 attachments uploaded, 4 kept"), "{}", stdout(&a));
    assert_eq!(b.sandbox.backlog_wiki_page("DR", "Home").unwrap()["id"].as_u64(), Some(dr_home));
}

#[test]
fn backup_needs_a_project_and_a_destination_and_says_where_to_set_them() {
    let b = Bench::new();
    b.write_config(&format!("{}{}", b.defaults(), b.sandbox.sinks_toml()));
    let a = b.opskit().args(["wiki", "backup", "--to", "file:///tmp/x"]).assert();
    assert_eq!(code(&a), 2);
    assert!(stderr(&a).contains("[commands.wiki] projects"), "{}", stderr(&a));
    let a = b.opskit().args(["wiki", "backup", "--project", "OPS"]).assert();
    assert_eq!(code(&a), 2);
    assert!(stderr(&a).contains("hint: pass --to"), "{}", stderr(&a));
    let a = b.opskit().args(["wiki", "backup", "--project", "OPS", "--to", "ftp://bucket/wiki"]).assert();
    assert_eq!(code(&a), 2);
    assert!(stderr(&a).contains("unknown backup URL scheme `ftp://`"), "{}", stderr(&a));
    // The config's [commands.wiki] stands in for the flags.
    b.write_config(&format!(
        "{}{}\n[commands.wiki]\nprojects = [\"OPS\"]\nto = \"{}\"\n",
        b.defaults(),
        b.sandbox.sinks_toml(),
        url(&b.path("from-config"))
    ));
    let a = b.opskit().env("OPSKIT_NOW", "2026-03-01T00:00:00Z").args(["wiki", "backup"]).assert();
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    b.opskit().args(["wiki", "verify"]).assert().success();
}

#[test]
fn a_relative_file_url_is_refused_naming_it_and_nothing_is_made_where_the_run_started() {
    let b = Bench::new();
    let dir = setup(&b);
    // The bench runs the binary in its temp dir: a relative directory would land there.
    for args in [
        vec!["backup", "--project", PROJECT, "--to", "file://rel/dir"],
        vec!["list", "--from", "file://rel/dir"],
        vec!["verify", "--from", "file://rel/dir"],
    ] {
        let a = wiki(&b, "2026-03-01T00:00:00Z", &args);
        assert_eq!(code(&a), 2, "{args:?}: {}{}", stdout(&a), stderr(&a));
        let err = stderr(&a);
        assert!(err.contains("file://rel/dir: a relative directory is refused"), "{args:?}: {err}");
        assert!(err.contains("hint: use an absolute path, e.g. file:///var/backups/opskit"), "{args:?}: {err}");
    }
    assert!(!b.path("rel").exists(), "no directory was made relative to where the run started");
    assert!(b.sandbox.requests_to(sandbox::SLACK_PATH).is_empty(), "a usage error is no finding");
    // An absolute path without the scheme is a directory, as the README's storage table says.
    let plain = dir.display().to_string();
    let a = wiki(&b, "2026-03-01T00:00:00Z", &["backup", "--project", PROJECT, "--to", &plain]);
    assert_eq!(code(&a), 0, "{}{}", stdout(&a), stderr(&a));
    assert!(dir.join("OPS/20260301T000000Z/manifest.json").is_file());
    wiki(&b, "2026-03-01T00:00:00Z", &["verify", "--from", &plain]).success();
}

/// A page listing that parses but is short (`[]` from a stub behind a wrong base URL) is
/// not "every page was deleted": the page count refutes it, the backup fails naming the
/// project, and no generation without the pages is made. `{}` never parsed as a listing.
#[test]
fn an_empty_page_listing_makes_no_generation_without_the_pages() {
    let b = Bench::new();
    let dir = setup(&b);
    backup(&b, &dir, "2026-03-01T00:00:00Z", &[]).success();
    let listing = format!("{}/api/v2/wikis", sandbox::BACKLOG_PREFIX);
    for (now, body) in [("2026-03-02T00:00:00Z", "[]"), ("2026-03-03T00:00:00Z", "{}")] {
        b.sandbox.clear();
        b.sandbox.inject(sandbox::Fault::ok_with_body(&listing, body, 0).exact_path());
        let a = backup(&b, &dir, now, &[]);
        assert_eq!(code(&a), 3, "{body}: {}{}", stdout(&a), stderr(&a));
        assert!(stderr(&a).contains("listing the wiki pages of project OPS"), "{body}: {}", stderr(&a));
        let gens: Vec<String> =
            generations(&b, &dir).into_iter().filter(|(_, s)| s == "complete").map(|(g, _)| g).collect();
        assert_eq!(gens, ["20260301T000000Z"], "{body}: no generation without the pages");
    }
    b.sandbox.clear();
    let a = backup(&b, &dir, "2026-03-04T00:00:00Z", &[]);
    assert_eq!(code(&a), 0, "{}{}", stdout(&a), stderr(&a));
    assert_eq!(wiki_reads(&b), (1, 0, 0), "the good answer is the last generation's: nothing is read again");
    assert!(generations(&b, &dir).contains(&("20260304T000000Z".to_string(), "complete".to_string())));
}
