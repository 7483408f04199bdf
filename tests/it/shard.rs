//! `--shard K/N` end to end: four `dx-vif poll` runs, one per shard, over twelve accounts
//! in two regions with one state store — what four hosts (or a Kubernetes indexed Job with
//! four completions) would do. Every VIF must be watched by exactly one shard, told
//! exactly once, and a shard must never resolve another shard's findings.

use crate::common;

use common::cli::*;
use std::collections::{BTreeMap, BTreeSet};

const REGIONS: [&str; 2] = ["ap-northeast-1", "us-east-1"];
const ACCOUNTS: usize = 12;

fn account_id(i: usize) -> String {
    format!("{}", 200_000_000_000u64 + i as u64)
}

fn setup(b: &Bench) {
    let mut accounts = String::new();
    let mut profiles = Vec::new();
    for i in 0..ACCOUNTS {
        let id = account_id(i);
        accounts.push_str(&account_toml(&format!("cust-{i}"), &id, &REGIONS));
        profiles.push((format!("cust-{i}"), id.clone()));
        for r in REGIONS {
            b.sandbox.dx_generate(&id, r, 1, 1).unwrap();
        }
    }
    let profiles: Vec<(&str, &str)> = profiles.iter().map(|(n, i)| (n.as_str(), i.as_str())).collect();
    b.aws_profiles(&profiles);
    b.write_config(&format!(
        "{}{accounts}{}\n[[routes]]\nsources = [\"dx-vif\"]\nsinks = [\"slack\"]\n",
        b.defaults(),
        b.sandbox.sinks_toml()
    ));
}

/// One shard's poll: its JSON report's findings as (account, region, key, change).
fn poll_shard(b: &Bench, shard: &str) -> Vec<(String, String, String, Option<String>)> {
    let a = b.opskit_aws().args(["dx-vif", "poll", "--shard", shard, "-o", "json"]).assert();
    assert_eq!(code(&a), 0, "shard {shard}: {}", stderr(&a));
    let report: serde_json::Value = serde_json::from_str(&stdout(&a)).unwrap();
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let s = |k: &str| f[k].as_str().unwrap_or_default().to_string();
            (s("account"), s("region"), s("key"), f["change"].as_str().map(str::to_string))
        })
        .collect()
}

/// The VIFs of the test's accounts (the sandbox also seeds the demo account's).
fn our_vifs(b: &Bench) -> Vec<String> {
    let ours: BTreeSet<String> = (0..ACCOUNTS).map(account_id).collect();
    b.sandbox
        .dx_vifs()
        .iter()
        .filter(|v| ours.contains(v["ownerAccount"].as_str().unwrap_or_default()))
        .map(|v| v["virtualInterfaceId"].as_str().unwrap().to_string())
        .collect()
}

fn set_all_vifs(b: &Bench, state: &str) {
    for id in our_vifs(b) {
        b.sandbox.dx_set_vif_state(&id, state).unwrap();
    }
}

#[test]
fn four_shards_cover_every_target_once_tell_each_transition_once_and_never_resolve_each_other() {
    let b = Bench::new();
    setup(&b);
    set_all_vifs(&b, "down");
    let vifs = our_vifs(&b).len();
    assert_eq!(vifs, ACCOUNTS * REGIONS.len());

    // Round 1: every VIF is down; each shard reports and tells only its own accounts.
    let mut owner: BTreeMap<String, usize> = BTreeMap::new();
    let mut targets_seen = BTreeSet::new();
    for k in 0..4 {
        for (account, region, key, change) in poll_shard(&b, &format!("{k}/4")) {
            if key.contains("dxvif-") && change.as_deref() == Some("new") {
                assert!(targets_seen.insert((account.clone(), region)), "{account} polled by two shards");
            }
            if let Some(prev) = owner.insert(account.clone(), k) {
                assert_eq!(prev, k, "account {account} appears in shards {prev} and {k}");
            }
        }
    }
    assert_eq!(owner.len(), ACCOUNTS, "every account is in some shard: {owner:?}");
    assert_eq!(targets_seen.len(), ACCOUNTS * REGIONS.len(), "every (account, region) exactly once");
    let shards_used: BTreeSet<usize> = owner.values().copied().collect();
    assert!(shards_used.len() >= 3, "twelve accounts spread over the shards: {owner:?}");
    let told = b.slack_texts();
    let down_told = told.iter().filter(|t| t.contains("gen-")).count();
    assert_eq!(down_told, vifs, "each down VIF told exactly once:\n{}", told.join("\n---\n"));

    // Round 2: nothing changed. A shard that does not see another shard's findings must
    // not take them for recovered: Slack hears nothing new.
    let before = b.slack_texts().len();
    for k in 0..4 {
        let findings = poll_shard(&b, &format!("{k}/4"));
        assert!(findings.iter().all(|f| f.3.is_none()), "shard {k} saw changes: {findings:?}");
    }
    assert_eq!(b.slack_texts().len(), before, "no resolve or repeat from another shard's run");

    // Round 3: everything recovers; each recovery told once, by the owning shard.
    set_all_vifs(&b, "available");
    for k in 0..4 {
        for (account, _, _, change) in poll_shard(&b, &format!("{k}/4")) {
            if change.as_deref() == Some("resolved") {
                assert_eq!(owner[&account], k, "{account} resolved by a shard that does not own it");
            }
        }
    }
    assert_eq!(b.slack_texts().len(), before + vifs, "each recovery told exactly once");
}

#[test]
fn a_shard_out_of_range_is_a_usage_error_that_explains_the_numbering() {
    let b = Bench::new();
    setup(&b);
    let a = b.opskit_aws().args(["dx-vif", "poll", "--shard", "4/4"]).assert();
    assert_eq!(code(&a), 2, "{}", stderr(&a));
    assert!(stderr(&a).contains("numbered 0 to 3"), "{}", stderr(&a));
    // The environment variable works as the flag does (an indexed Job sets it per pod).
    let a = b.opskit_aws().env("OPSKIT_SHARD", "1/4").args(["dx-vif", "poll", "-o", "json", "-v"]).assert();
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    assert!(stderr(&a).contains("shard 1/4"), "the run says which shard it took: {}", stderr(&a));
}
