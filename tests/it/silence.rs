//! `opskit silence`: silences that suppress what they match (the README's examples
//! among them), and nothing of other sources.

use crate::common;
use crate::spine_e2e::slack_count;

use common::cli::*;

#[test]
fn a_silence_suppresses_matching_findings_and_is_listed() {
    let b = Bench::new();
    b.standard_config();
    let a = b
        .opskit()
        .args(["silence", "add", "--resource", "dxvif-*", "--until", "2h", "--reason", "planned DX work"])
        .assert();
    assert_eq!(code(&a), 0, "stderr: {}", stderr(&a));
    let id = stdout(&a).split_whitespace().nth(2).unwrap().to_string();
    let list = b.opskit().args(["silence", "list"]).assert().success();
    assert!(
        stdout(&list).contains(&id) && stdout(&list).contains("planned DX work") && stdout(&list).contains("active")
    );
    let a = b.push("dx", &one("dxvif-fg5678", "critical", "VIF down")).assert().success();
    assert!(stdout(&a).contains(&format!("silenced {id}")), "{}", stdout(&a));
    assert!(b.sandbox.requests().is_empty(), "a silenced finding notifies nobody");
    // Removed: the owed New goes out on the next run.
    b.opskit().args(["silence", "remove", &id]).assert().success();
    b.push("dx", &one("dxvif-fg5678", "critical", "VIF down")).assert().success();
    assert_eq!(slack_count(&b), 1);
    let gone = b.opskit().args(["silence", "remove", &id]).assert();
    assert_eq!(code(&gone), 2);
}

/// The `opskit silence add` commands of the README's "silence" section, as argument lists
/// (the shell's quoting undone: single and double quotes, no escapes).
fn readme_silence_adds() -> Vec<Vec<String>> {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let section = readme.split("\n### silence\n").nth(1).expect("README has a `### silence` section");
    let block = section.split("```sh\n").nth(1).and_then(|b| b.split("```").next()).expect("a sh block");
    let split = |line: &str| {
        let (mut args, mut cur, mut quote, mut any) = (Vec::new(), String::new(), None, false);
        for c in line.chars() {
            match (quote, c) {
                (Some(q), c) if c == q => quote = None,
                (Some(_), c) => cur.push(c),
                (None, '\'' | '"') => (quote, any) = (Some(c), true),
                (None, c) if c.is_whitespace() => {
                    if any || !cur.is_empty() {
                        args.push(std::mem::take(&mut cur));
                    }
                    any = false;
                }
                (None, c) => cur.push(c),
            }
        }
        assert!(quote.is_none(), "unbalanced quote in {line}");
        if any || !cur.is_empty() {
            args.push(cur);
        }
        args
    };
    let adds: Vec<Vec<String>> =
        block.lines().filter(|l| l.starts_with("opskit silence add ")).map(|l| split(l)[1..].to_vec()).collect();
    assert_eq!(adds.len(), 2, "{block}");
    adds
}

#[test]
fn the_readme_silence_examples_silence_what_they_say_and_nothing_of_other_sources() {
    let b = Bench::new();
    b.standard_config();
    // Inside the README's DB migration window (01:00–05:00 JST on 2026-11-22).
    let now = "2026-11-21T17:00:00Z";
    for args in readme_silence_adds() {
        let a = b.opskit().env("OPSKIT_NOW", now).args(&args).assert();
        assert_eq!(code(&a), 0, "{args:?}: {}", stderr(&a));
    }
    let list = b.opskit().env("OPSKIT_NOW", now).args(["silence", "list"]).assert().success();
    assert_eq!(stdout(&list).matches(" active ").count(), 2, "{}", stdout(&list));

    let doc = |items: &[(&str, &str)]| {
        let items: Vec<String> = items
            .iter()
            .map(|(key, resource)| {
                format!(r#"{{"key":"{key}","severity":"critical","title":"{key} failed","resources":["{resource}"]}}"#)
            })
            .collect();
        format!("[{}]", items.join(","))
    };
    // `--key 'backup-check/db-*'`: the pushed db-* keys of backup-check, not web-1.
    let a = b
        .push("backup-check", &doc(&[("db-nightly", "db-1"), ("web-nightly", "web-1")]))
        .env("OPSKIT_NOW", now)
        .assert();
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    let texts = b.slack_texts();
    assert_eq!(texts.len(), 1, "{texts:?}");
    assert!(texts[0].contains("web-nightly failed"), "{texts:?}");
    assert!(stdout(&a).contains("(silenced s-"), "{}", stdout(&a));
    // A key of another source that reads like one of backup-check's is not silenced.
    let a = b.push("other", &doc(&[("backup-check/db-nightly", "db-1")])).env("OPSKIT_NOW", now).assert();
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    assert_eq!(b.slack_texts().len(), 2, "{:?}", b.slack_texts());
    // `--source dx-vif --resource 'dxvif-fg5678'`: a VIF's finding, the resource in its key.
    let vif = "dx-vif/111122223333/ap-northeast-1/dxvif-fg5678";
    let a = b.push("dx-vif", &doc(&[(vif, "111122223333")])).env("OPSKIT_NOW", now).assert();
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    assert!(stdout(&a).contains("(silenced s-"), "{}", stdout(&a));
    assert_eq!(b.slack_texts().len(), 2, "{:?}", b.slack_texts());
    // After the window the DB finding, still open, is delivered.
    let a = b
        .push("backup-check", &doc(&[("db-nightly", "db-1"), ("web-nightly", "web-1")]))
        .env("OPSKIT_NOW", "2026-11-21T21:00:00Z")
        .assert();
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    assert!(b.slack_texts().iter().any(|t| t.contains("db-nightly failed")), "{:?}", b.slack_texts());
}

#[test]
fn a_key_glob_within_a_source_matches_the_key_as_pushed() {
    let b = Bench::new();
    b.standard_config();
    let add = |args: &[&str]| {
        let a = b.opskit().args(["silence", "add", "--until", "2h", "--reason", "planned"]).args(args).assert();
        assert_eq!(code(&a), 0, "{}", stderr(&a));
    };
    add(&["--source", "backup-check", "--key", "db-*"]);
    add(&["--source", "dx-vif", "--key", "111122223333/*"]);
    let a = b.push("backup-check", &one("db-nightly", "critical", "db backup failed")).assert().success();
    assert!(stdout(&a).contains("(silenced s-"), "{}", stdout(&a));
    let a =
        b.push("dx-vif", &one("dx-vif/111122223333/ap-northeast-1/dxvif-1", "critical", "VIF down")).assert().success();
    assert!(stdout(&a).contains("(silenced s-"), "{}", stdout(&a));
    b.push("dx-vif", &one("dx-vif/222233334444/ap-northeast-1/dxvif-2", "critical", "other VIF down"))
        .assert()
        .success();
    let texts = b.slack_texts();
    assert_eq!(texts.len(), 1, "{texts:?}");
    assert!(texts[0].contains("other VIF down"), "{texts:?}");
}
