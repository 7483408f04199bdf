//! `opskit wiki backup|verify|restore` to object storage end to end: the built binary against
//! the embedded sandbox's Backlog Wiki, backing up to the real gcp-storage-emulator
//! (`gs://`) and to moto server's S3 (`s3://`). A byte flipped behind opskit's back in the
//! store makes `verify` exit 1 naming the object; a restore reproduces the pages.

use crate::common;

use common::cli::*;
use common::gcs::GcsEmulator;
use common::moto::MotoServer;
use opskit_sandbox::{self as sandbox, BacklogFileSeed, BacklogWikiSeed};

const PROJECT: &str = sandbox::BACKLOG_PROJECT_KEY;
const NOW: &str = "2026-03-01T00:00:00Z";
const GENERATION: &str = "20260301T000000Z";
const JA: &str = "手順書/障害対応/ネットワーク 切替";

fn setup(b: &Bench) {
    b.sandbox
        .backlog_put_wiki(&BacklogWikiSeed {
            name: JA.into(),
            content: "# 切替\n\n1. BGP を確認する\n".into(),
            attachments: vec![BacklogFileSeed::new("構成図 v2.png", b"\x89PNG fake image \xff")],
            ..BacklogWikiSeed::default()
        })
        .unwrap();
    b.write_config(&format!("{}{}", b.defaults(), b.sandbox.sinks_toml()));
}

/// Backup, verify (ok), flip one byte of the Japanese page's stored text, verify (exit 1
/// naming it), put it back, restore to a directory and compare with Backlog.
fn round_trip(b: &Bench, url: &str, env: &[(&str, String)], flip: impl Fn(&str)) {
    let run = |args: &[&str]| {
        let mut c = b.opskit();
        c.env("OPSKIT_NOW", NOW).arg("wiki").args(args);
        for (k, v) in env {
            c.env(k, v);
        }
        c.assert()
    };
    let a = run(&["backup", "--project", PROJECT, "--to", url]);
    assert_eq!(code(&a), 0, "{}{}", stdout(&a), stderr(&a));
    let a = run(&["verify", "--from", url]);
    assert_eq!(code(&a), 0, "{}{}", stdout(&a), stderr(&a));

    let key = format!("{PROJECT}/{GENERATION}/pages/{JA}.md");
    flip(&key);
    let a = run(&["verify", "--from", url]);
    assert_eq!(code(&a), 1, "{}{}", stdout(&a), stderr(&a));
    assert!(stdout(&a).contains(&format!("{url}/{key}: ")), "{}", stdout(&a));
    flip(&key); // flipped back
    run(&["verify", "--from", url]).success();

    let dir = b.path("restored");
    let a = run(&["restore", "--from", url, "--to-dir", dir.to_str().unwrap()]);
    assert_eq!(code(&a), 0, "{}{}", stdout(&a), stderr(&a));
    // Every page of the project and every attachment, byte for byte.
    for name in ["Home", "Runbooks/Direct Connect", JA] {
        let page = b.sandbox.backlog_wiki_page(PROJECT, name).unwrap();
        let got = std::fs::read(dir.join(format!("{name}.md"))).unwrap();
        assert_eq!(got, page["content"].as_str().unwrap().as_bytes(), "{name}");
        for att in page["attachments"].as_array().unwrap() {
            let att_name = att["name"].as_str().unwrap();
            let want = b.sandbox.backlog_wiki_attachment(page["id"].as_u64().unwrap(), att_name).unwrap();
            let got = std::fs::read(dir.join(format!("{name}.attachments/{att_name}"))).unwrap();
            assert_eq!(got, want, "{name}: {att_name}");
        }
    }
}

#[test]
fn gcs_emulator_backup_verify_catches_a_flipped_byte_and_restore_reproduces_the_pages() {
    let b = Bench::new();
    setup(&b);
    let emu = GcsEmulator::start();
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(emu.create_bucket("wiki-backups"));
    let env = [(common::gcs::EMULATOR_HOST_VAR, emu.endpoint())];
    round_trip(&b, "gs://wiki-backups/nightly", &env, |key| {
        rt.block_on(emu.flip_byte("wiki-backups", &format!("nightly/{key}"), 3));
    });
}

#[test]
fn moto_s3_backup_verify_catches_a_flipped_byte_and_restore_reproduces_the_pages() {
    let b = Bench::new();
    setup(&b);
    let moto = MotoServer::start();
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(common::s3::create_bucket(&moto.endpoint(), "wiki-backups"));
    let env = [
        ("AWS_ACCESS_KEY_ID", "test".to_string()),
        ("AWS_SECRET_ACCESS_KEY", "test".to_string()),
        ("AWS_REGION", "us-east-1".to_string()),
        ("AWS_ENDPOINT_URL", moto.endpoint()),
    ];
    round_trip(&b, "s3://wiki-backups/nightly", &env, |key| {
        rt.block_on(common::s3::flip_byte(&moto.endpoint(), "wiki-backups", &format!("nightly/{key}"), 3));
    });
}
