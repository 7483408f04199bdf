//! `[[organizations]]` end to end: the built binary discovering member accounts from AWS
//! Organizations on moto server (an organization, OUs and accounts made through the API,
//! one closed) and on the sandbox (which also plays STS, so a role can be refused), then
//! working on them as on configured accounts.

use crate::common;

use common::cli::*;
use common::moto::{MotoServer, sdk_config};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

/// moto reads any unknown access key as its default account, which becomes the management
/// account of the organization the test creates.
const MOTO_MANAGEMENT: &str = "123456789012";
const ROLE: &str = "OpsKitRead";
const TOKYO: &str = "ap-northeast-1";
/// The organization's external id: must never be printed.
const EXTERNAL_ID: &str = "org-external-id-5be2c9d1";

/// What the test made in moto.
struct MotoOrg {
    root: String,
    prod: String,
    web: String,
    sandbox_ou: String,
    /// name → id
    accounts: BTreeMap<String, String>,
}

/// root: master (management), loose; prod: core, closed (closed); prod/web: web;
/// sandbox: lab. `web` and `core` are tagged.
async fn make_moto_org(endpoint: &str) -> MotoOrg {
    let c = aws_sdk_organizations::Client::new(&sdk_config(endpoint).await);
    c.create_organization()
        .feature_set(aws_sdk_organizations::types::OrganizationFeatureSet::All)
        .send()
        .await
        .unwrap();
    let root = c.list_roots().send().await.unwrap().roots()[0].id().unwrap().to_string();
    let ou = |parent: String, name: &'static str| {
        let c = c.clone();
        async move {
            let out = c.create_organizational_unit().parent_id(parent).name(name).send().await.unwrap();
            out.organizational_unit().unwrap().id().unwrap().to_string()
        }
    };
    let prod = ou(root.clone(), "prod").await;
    let web = ou(prod.clone(), "web").await;
    let sandbox_ou = ou(root.clone(), "sandbox").await;
    let mut accounts = BTreeMap::new();
    for (name, parent) in [("loose", &root), ("core", &prod), ("closed", &prod), ("web", &web), ("lab", &sandbox_ou)] {
        let out = c.create_account().account_name(name).email(format!("{name}@example.com")).send().await.unwrap();
        let id = out.create_account_status().unwrap().account_id().unwrap().to_string();
        if parent != &root {
            c.move_account()
                .account_id(&id)
                .source_parent_id(&root)
                .destination_parent_id(parent)
                .send()
                .await
                .unwrap();
        }
        accounts.insert(name.to_string(), id);
    }
    let tag = |k: &str, v: &str| aws_sdk_organizations::types::Tag::builder().key(k).value(v).build().unwrap();
    c.tag_resource()
        .resource_id(&accounts["web"])
        .tags(tag("team", "frontend"))
        .tags(tag("cost", "9"))
        .send()
        .await
        .unwrap();
    c.tag_resource().resource_id(&accounts["core"]).tags(tag("team", "platform")).send().await.unwrap();
    c.close_account().account_id(&accounts["closed"]).send().await.unwrap();
    MotoOrg { root, prod, web, sandbox_ou, accounts }
}

fn moto_profiles(b: &Bench) {
    std::fs::write(b.path("aws-config"), "[profile mgmt]\naws_access_key_id = test\naws_secret_access_key = test\n")
        .unwrap();
    std::fs::write(b.path("aws-credentials"), "").unwrap();
}

fn opskit_at(b: &Bench, endpoint: &str) -> assert_cmd::Command {
    let mut c = b.opskit();
    c.env("AWS_CONFIG_FILE", b.path("aws-config"))
        .env("AWS_SHARED_CREDENTIALS_FILE", b.path("aws-credentials"))
        .env("AWS_ENDPOINT_URL", endpoint);
    c
}

fn org_config(b: &Bench, extra: &str) {
    b.write_config(&format!(
        "{}\n[[organizations]]\nname = \"acme\"\nprofile = \"mgmt\"\nrole_name = \"{ROLE}\"\nexternal_id = \"{EXTERNAL_ID}\"\nregions = [\"{TOKYO}\"]\n{extra}",
        b.defaults()
    ));
}

fn discover(b: &Bench, endpoint: &str, extra: &[&str]) -> (assert_cmd::assert::Assert, Value) {
    discover_at(b, endpoint, extra, None)
}

/// `config check --discover -o json`, at `now` (OPSKIT_NOW) when given.
fn discover_at(b: &Bench, endpoint: &str, extra: &[&str], now: Option<&str>) -> (assert_cmd::assert::Assert, Value) {
    let mut c = opskit_at(b, endpoint);
    if let Some(now) = now {
        c.env(opskit::env_vars::OPSKIT_NOW, now);
    }
    let a = c.args(["config", "check", "--discover", "-o", "json"]).args(extra).assert();
    let all = format!("{}{}", stdout(&a), stderr(&a));
    assert!(!all.contains(EXTERNAL_ID), "the external id leaked:\n{all}");
    let v = serde_json::from_slice(&a.get_output().stdout).unwrap_or(Value::Null);
    (a, v)
}

/// (name, id, reached_by, state, ou_path) of every account the organization listed.
fn listed(v: &Value) -> Vec<(String, String, String, String, String)> {
    v["organizations"][0]["accounts"]
        .as_array()
        .unwrap_or_else(|| panic!("no organizations in {v}"))
        .iter()
        .map(|a| {
            let s = |k: &str| a[k].as_str().unwrap_or("").to_string();
            (s("name"), s("id"), s("reached_by"), s("state"), s("ou_path"))
        })
        .collect()
}

fn used(v: &Value) -> BTreeSet<String> {
    listed(v).into_iter().filter(|a| a.2 == "role" || a.2 == "profile").map(|a| a.0).collect()
}

fn skipped(v: &Value) -> BTreeSet<String> {
    listed(v).into_iter().filter(|a| a.2 == "skipped").map(|a| a.0).collect()
}

fn set(items: &[&str]) -> BTreeSet<String> {
    items.iter().map(|s| s.to_string()).collect()
}

fn config_account<'a>(v: &'a Value, name: &str) -> &'a Value {
    v["config"]["accounts"].as_array().unwrap().iter().find(|a| a["name"] == name).unwrap_or_else(|| panic!("{name}"))
}

#[tokio::test(flavor = "multi_thread")]
async fn moto_organization_lists_exactly_the_accounts_each_scope_selects() {
    let moto = MotoServer::start();
    let org = make_moto_org(&moto.endpoint()).await;
    let b = Bench::new();
    moto_profiles(&b);
    let ep = moto.endpoint();

    // The whole organization: ListAccounts. The closed account is named as skipped; the
    // management account is reached with the profile itself.
    org_config(&b, "");
    let (a, v) = discover(&b, &ep, &["--state", "none"]);
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    assert_eq!(used(&v), set(&["master", "loose", "core", "web", "lab"]));
    assert_eq!(skipped(&v), set(&["closed"]));
    let closed = listed(&v).into_iter().find(|a| a.0 == "closed").unwrap();
    assert_eq!(closed.3, "SUSPENDED", "moto marks a closed account SUSPENDED");
    let master = config_account(&v, "master");
    assert_eq!(master["id"], MOTO_MANAGEMENT);
    assert!(master["role_arn"].is_null(), "the management account uses the profile: {master}");
    let web = config_account(&v, "web");
    assert_eq!(web["role_arn"], format!("arn:aws:iam::{}:role/{ROLE}", org.accounts["web"]));
    assert_eq!(web["external_id"], "****");
    assert_eq!(web["regions"][0], TOKYO);
    assert_eq!(web["tags"]["organization"], "acme");
    assert!(web["tags"].get("team").is_none(), "copy_tags not set: no ListTagsForResource");
    assert_eq!(v["organizations"][0]["management_account"], MOTO_MANAGEMENT);

    // include_ous = prod: prod and its nested web OU, with OU paths.
    org_config(&b, &format!("include_ous = [\"{}\"]\ncopy_tags = [\"team\"]\n", org.prod));
    let (a, v) = discover(&b, &ep, &["--state", "none"]);
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    assert_eq!(used(&v), set(&["core", "web"]));
    assert_eq!(skipped(&v), set(&["closed"]));
    let paths: BTreeMap<String, String> = listed(&v).into_iter().map(|a| (a.0, a.4)).collect();
    // Names from the root, as the console shows them, not the include point's id.
    assert_eq!(paths["web"], "Root/prod/web");
    assert_eq!(paths["core"], "Root/prod");
    assert_eq!(config_account(&v, "web")["tags"]["team"], "frontend", "copy_tags");
    assert!(config_account(&v, "web")["tags"].get("cost").is_none(), "only the keys asked for");
    assert_eq!(config_account(&v, "core")["tags"]["team"], "platform");

    // exclude_ous = sandbox (walking from the root), and a skip list.
    org_config(
        &b,
        &format!("exclude_ous = [\"{}\"]\nskip_accounts = [\"{}\"]\n", org.sandbox_ou, org.accounts["loose"]),
    );
    let (a, v) = discover(&b, &ep, &["--state", "none"]);
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    assert_eq!(used(&v), set(&["master", "core", "web"]));
    let paths: BTreeMap<String, String> = listed(&v).into_iter().map(|a| (a.0, a.4)).collect();
    assert_eq!(paths["web"], "Root/prod/web", "from the root, every OU by name");

    // An OU and the root named together, and an allow list.
    org_config(
        &b,
        &format!("include_ous = [\"{}\", \"{}\"]\naccounts = [\"{}\"]\n", org.web, org.root, org.accounts["web"]),
    );
    let (a, v) = discover(&b, &ep, &["--state", "none"]);
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    assert_eq!(used(&v), set(&["web"]), "each account once, only the allowed one");
    let paths: BTreeMap<String, String> = listed(&v).into_iter().map(|a| (a.0, a.4)).collect();
    assert_eq!(paths["web"], "Root/prod/web", "the same path from an included OU as from the root");

    // The root itself included: the same spelling as walking from ListRoots.
    org_config(&b, &format!("include_ous = [\"{}\"]\n", org.root));
    let (a, v) = discover(&b, &ep, &["--state", "none"]);
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    let paths: BTreeMap<String, String> = listed(&v).into_iter().map(|a| (a.0, a.4)).collect();
    assert_eq!(paths["web"], "Root/prod/web");
    assert_eq!(paths["loose"], "Root");
}

#[tokio::test(flavor = "multi_thread")]
async fn the_cache_is_used_until_its_ttl_or_a_refresh_and_survives_an_outage() {
    let moto = MotoServer::start();
    let org = make_moto_org(&moto.endpoint()).await;
    let b = Bench::new();
    moto_profiles(&b);
    org_config(&b, "cache_ttl = \"1h\"\n");
    let ep = moto.endpoint();
    // Nothing listens here: any call to AWS fails.
    let dead = format!("http://127.0.0.1:{}", common::moto::free_port());

    // A dry run lists but writes no cache (and no state file).
    let (a, v) = discover(&b, &ep, &["--dry-run"]);
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    assert_eq!(v["organizations"][0]["source"], "live");
    assert!(!b.path("state.db").exists(), "a dry run writes nothing");

    // Nothing cached and AWS unreachable: an error naming the organization and the profile.
    let (a, _) = discover(&b, &dead, &[]);
    assert_eq!(code(&a), 3, "{}", stderr(&a));
    let err = stderr(&a);
    assert!(err.contains("organization `acme`") && err.contains("profile `mgmt`"), "{err}");

    let (a, v) = discover(&b, &ep, &[]);
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    assert_eq!(v["organizations"][0]["source"], "live");
    let first = used(&v);
    assert!(first.contains("web"));

    // Second run: from the cache, no Organizations call (the endpoint is dead).
    let (a, v) = discover(&b, &dead, &[]);
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    assert_eq!(v["organizations"][0]["source"], "cache");
    assert_eq!(used(&v), first);
    assert_eq!(skipped(&v), set(&["closed"]), "skipped accounts come from the cache too");

    // A dry run reads the cache.
    let (a, v) = discover(&b, &dead, &["--dry-run"]);
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    assert_eq!(v["organizations"][0]["source"], "cache");

    // --refresh-accounts with AWS down: the stale cache, with a warning.
    let (a, v) = discover(&b, &dead, &["--refresh-accounts"]);
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    assert_eq!(v["organizations"][0]["source"], "stale_cache");
    assert!(stderr(&a).contains("using its accounts as cached"), "{}", stderr(&a));
    assert_eq!(used(&v), first);

    // A new account, then: still the cache within the TTL, listed afresh after it or on
    // --refresh-accounts.
    let c = aws_sdk_organizations::Client::new(&sdk_config(&ep).await);
    c.create_account().account_name("newbie").email("newbie@example.com").send().await.unwrap();
    let (_, v) = discover(&b, &ep, &[]);
    assert!(!used(&v).contains("newbie"), "within the TTL: cached");
    let later = (jiff::Timestamp::now() + jiff::SignedDuration::from_hours(2)).to_string();
    let (a, v) = discover_at(&b, &ep, &[], Some(&later));
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    assert_eq!(v["organizations"][0]["source"], "live", "older than cache_ttl: listed afresh");
    assert!(used(&v).contains("newbie"));
    c.create_account().account_name("second").email("second@example.com").send().await.unwrap();
    let (_, v) = discover(&b, &ep, &["--refresh-accounts"]);
    assert_eq!(v["organizations"][0]["source"], "live");
    assert!(used(&v).contains("second"));
    assert!(used(&v).contains("web") && !used(&v).contains("closed"), "{:?}", org.accounts);

    // Changing what is listed (the scope) does not reuse a cache made for another scope.
    org_config(&b, "cache_ttl = \"1h\"\nskip_accounts = [\"123456789012\"]\n");
    let (_, v) = discover(&b, &ep, &[]);
    assert_eq!(v["organizations"][0]["source"], "live");
    assert!(!used(&v).contains("master"));
}

// ---------------------------------------------------------------------------------------
// The sandbox: Organizations, STS and Direct Connect in one place
// ---------------------------------------------------------------------------------------

const SB_MANAGEMENT: &str = "999988887777";

struct SbOrg {
    ok1: String,
    ok2: String,
    denied: String,
    suspended: String,
    /// account id → its VIF that is down
    down: BTreeMap<String, String>,
}

/// An organization in the sandbox with three working members (two of them with a down VIF
/// in Tokyo), one whose role is refused and one suspended; the `mgmt` profile is the
/// management account's.
fn sandbox_org(b: &Bench) -> SbOrg {
    let sb = &b.sandbox;
    let (_, root) = sb.org_create(SB_MANAGEMENT).unwrap();
    let prod = sb.org_create_ou(SB_MANAGEMENT, &root, "prod").unwrap();
    let ids = ["400000000001", "400000000002", "400000000003", "400000000004"];
    for (id, name) in ids.iter().zip(["shop-prod", "erp-prod", "legacy-prod", "old-prod"]) {
        sb.org_put_account(SB_MANAGEMENT, Some(&prod), id, name).unwrap();
    }
    let role = |id: &str| format!("arn:aws:iam::{id}:role/{ROLE}");
    sb.org_deny_role(&role(ids[2]), true);
    sb.org_set_account_state(ids[3], "SUSPENDED").unwrap();
    for id in &ids[..2] {
        sb.org_require_external_id(&role(id), EXTERNAL_ID);
    }
    let mut down = BTreeMap::new();
    for (i, id) in ids.iter().enumerate() {
        sb.dx_generate(id, TOKYO, 2, 1).unwrap();
        if i < 2 {
            let vif = sb.dx_vifs().into_iter().find(|v| v["ownerAccount"] == *id).unwrap();
            let vif = vif["virtualInterfaceId"].as_str().unwrap().to_string();
            sb.dx_set_vif_state(&vif, "down").unwrap();
            down.insert(id.to_string(), vif);
        }
    }
    b.aws_profiles(&[("mgmt", SB_MANAGEMENT)]);
    SbOrg { ok1: ids[0].into(), ok2: ids[1].into(), denied: ids[2].into(), suspended: ids[3].into(), down }
}

fn sandbox_config(b: &Bench, extra: &str) {
    b.write_config(&format!(
        "{}{}\n[[routes]]\nsinks = [\"slack\"]\n\n[[organizations]]\nname = \"acme\"\nprofile = \"mgmt\"\nrole_name = \"{ROLE}\"\nexternal_id = \"{EXTERNAL_ID}\"\nregions = [\"{TOKYO}\"]\ntags = {{ customer = \"acme\" }}\n{extra}",
        b.defaults(),
        b.sandbox.sinks_toml()
    ));
}

fn no_leak(a: &assert_cmd::assert::Assert) {
    let all = format!("{}{}", stdout(a), stderr(a));
    for s in sandbox_secrets().iter().chain([EXTERNAL_ID].iter()) {
        assert!(!all.contains(s), "`{s}` leaked:\n{all}");
    }
}

#[test]
fn a_denied_role_fails_its_account_only_and_the_others_reach_slack() {
    let b = Bench::new();
    let o = sandbox_org(&b);
    sandbox_config(&b, "");
    let a = b.opskit_aws().args(["dx-vif", "poll", "-o", "json", "-vvv"]).assert();
    no_leak(&a);
    assert_eq!(code(&a), 3, "one account failed: a partial run\n{}", stderr(&a));
    let v: Value = serde_json::from_slice(&a.get_output().stdout).unwrap();
    let errors = v["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0]["target"], format!("legacy-prod/{TOKYO}"));
    let msg = errors[0]["message"].as_str().unwrap();
    assert!(msg.starts_with(&format!("cannot assume arn:aws:iam::{}:role/{ROLE}: AccessDenied: ", o.denied)), "{msg}");
    let skipped = v["skipped"].as_array().unwrap();
    assert_eq!(skipped.len(), 1, "{skipped:?}");
    assert_eq!(skipped[0]["target"], format!("old-prod ({})", o.suspended));
    assert!(skipped[0]["message"].as_str().unwrap().contains("SUSPENDED"), "{skipped:?}");
    assert!(stderr(&a).contains(&format!("note: old-prod ({}): account is SUSPENDED", o.suspended)));
    let quiet = b.opskit_aws().args(["dx-vif", "poll", "--dry-run"]).assert();
    let lines: Vec<String> =
        stderr(&quiet).lines().filter(|l| l.contains("AccessDenied")).map(str::to_string).collect();
    assert_eq!(lines.len(), 1, "said once, by opskit, not again by the SDK's logs: {lines:?}");

    // Both working accounts' down VIFs reached Slack; nothing of the denied account.
    let slack = b.slack_texts().join("\n");
    for id in [&o.ok1, &o.ok2] {
        let vif = &o.down[id];
        assert!(slack.contains(vif.as_str()), "{id}'s {vif} not in Slack:\n{slack}");
    }
    assert_eq!(b.slack_texts().len(), 2, "{slack}");
    let accounts: BTreeSet<String> =
        v["findings"].as_array().unwrap().iter().map(|f| f["account"].as_str().unwrap().to_string()).collect();
    assert_eq!(accounts, BTreeSet::from([o.ok1.clone(), o.ok2.clone()]));

    // The external id went to STS (the sandbox required it) but nowhere else; each role was
    // asked for once, the denied one too.
    let assumes: Vec<_> = b
        .sandbox
        .requests()
        .into_iter()
        .filter(|r| r.form().iter().any(|(k, v)| k == "Action" && v == "AssumeRole"))
        .collect();
    assert_eq!(assumes.len(), 3 + 3, "three roles, each once per run (and the dry run above)");
    assert!(assumes.iter().all(|r| r.form().iter().any(|(k, v)| k == "ExternalId" && v == EXTERNAL_ID)));
    let orgs_calls = b
        .sandbox
        .requests()
        .iter()
        .filter(|r| r.header("x-amz-target").is_some_and(|t| t.starts_with("AWSOrganizations")))
        .count();
    assert_eq!(orgs_calls, 2, "DescribeOrganization and one page of ListAccounts, once: the dry run read the cache");
}

#[test]
fn discovered_accounts_are_picked_by_name_or_id_and_clashing_names_by_id() {
    let b = Bench::new();
    let o = sandbox_org(&b);
    // Two accounts named alike and one clashing with a configured account's name.
    b.sandbox.org_put_account(SB_MANAGEMENT, None, "400000000011", "twin").unwrap();
    b.sandbox.org_put_account(SB_MANAGEMENT, None, "400000000012", "twin").unwrap();
    b.sandbox.org_put_account(SB_MANAGEMENT, None, "400000000013", "hq").unwrap();
    b.aws_profiles(&[("mgmt", SB_MANAGEMENT), ("hq", "111122223333")]);
    // `erp-prod` is configured explicitly under another name: that entry wins.
    sandbox_config(&b, "");
    let text = std::fs::read_to_string(b.path("opskit.toml")).unwrap();
    b.write_config(&format!(
        "{text}\n{}{}",
        account_toml("hq", "111122223333", &[TOKYO]),
        account_toml("erp-explicit", &o.ok2, &[TOKYO]).replace("profile = \"erp-explicit\"", "profile = \"mgmt\"")
    ));
    let a = b.opskit_aws().args(["config", "check", "--discover", "-o", "json"]).assert();
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    let v: Value = serde_json::from_slice(&a.get_output().stdout).unwrap();
    let names: BTreeSet<String> =
        v["config"]["accounts"].as_array().unwrap().iter().map(|a| a["name"].as_str().unwrap().to_string()).collect();
    for want in ["400000000011", "400000000012", "400000000013", "shop-prod", "erp-explicit", "hq", "management"] {
        assert!(names.contains(want), "{want} missing from {names:?}");
    }
    assert!(!names.contains("twin") && !names.contains("erp-prod"), "{names:?}");

    // --account by a discovered name and by id.
    for pick in ["shop-prod", o.ok1.as_str()] {
        b.sandbox.clear();
        let a = b
            .opskit_aws()
            .args(["dx-vif", "poll", "--dry-run", "--state", "none", "-o", "json", "--account", pick])
            .assert();
        assert_eq!(code(&a), 0, "{pick}: {}", stderr(&a));
        let v: Value = serde_json::from_slice(&a.get_output().stdout).unwrap();
        let accounts: BTreeSet<&str> =
            v["findings"].as_array().unwrap().iter().map(|f| f["account"].as_str().unwrap()).collect();
        assert_eq!(accounts, BTreeSet::from([o.ok1.as_str()]), "{pick}");
        assert!(v["skipped"].as_array().is_none_or(|s| s.is_empty()), "--account narrows the skipped list: {v}");
    }
}

#[test]
fn config_check_probe_shows_reachable_denied_and_skipped_per_organization() {
    let b = Bench::new();
    let o = sandbox_org(&b);
    sandbox_config(&b, "");
    let a = b.opskit_aws().args(["config", "check", "--probe", "-o", "json"]).assert();
    no_leak(&a);
    assert_eq!(code(&a), 3, "a denied account fails the probe\n{}", stderr(&a));
    let v: Value = serde_json::from_slice(&a.get_output().stdout).unwrap();
    let org = &v["organizations"][0];
    assert_eq!(org["name"], "acme");
    let outcome: BTreeMap<String, (String, String)> = org["probes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            let s = |k: &str| p[k].as_str().unwrap().to_string();
            (s("id"), (s("outcome"), s("detail")))
        })
        .collect();
    assert_eq!(outcome[SB_MANAGEMENT].0, "ok", "{outcome:?}");
    assert!(outcome[SB_MANAGEMENT].1.contains(&format!("arn:aws:iam::{SB_MANAGEMENT}:user/")));
    for id in [&o.ok1, &o.ok2] {
        assert_eq!(outcome[id].0, "ok", "{outcome:?}");
        assert!(outcome[id].1.contains(&format!("arn:aws:sts::{id}:assumed-role/{ROLE}/opskit")), "{outcome:?}");
    }
    assert_eq!(outcome[&o.denied].0, "failed");
    assert!(
        outcome[&o.denied].1.contains(&format!("cannot assume arn:aws:iam::{}:role/{ROLE}: AccessDenied", o.denied))
    );
    assert_eq!(outcome[&o.suspended].0, "skipped");
    assert!(outcome[&o.suspended].1.contains("SUSPENDED"));
    let paths: BTreeSet<&str> =
        org["accounts"].as_array().unwrap().iter().filter_map(|a| a["ou_path"].as_str()).collect();
    assert!(paths.is_empty(), "ListAccounts gives no OU paths");

    // The table says the same for a person.
    let a = b.opskit_aws().args(["config", "check", "--probe"]).assert();
    no_leak(&a);
    let out = stdout(&a);
    assert!(out.contains("organization acme (o-") && out.contains("4 account(s) used, 1 skipped"), "{out}");
    assert!(out.contains("| role") && out.contains("| profile") && out.contains("| skipped"), "{out}");
    assert!(out.contains("AccessDenied"), "{out}");
}

#[test]
fn more_accounts_than_the_sdks_identity_cache_partitions_assume_each_role_once() {
    // The SDK's identity cache keeps 64 providers apart by default: past that it evicted
    // credentials of accounts still being worked on, and their roles were assumed again
    // (1,570 of 2,500 in the benchmark). Which provider is evicted is arbitrary, so with the
    // default this fails about one run in three; it must never fail.
    let b = Bench::new();
    let s = b.sandbox.org_generate(SB_MANAGEMENT, 200, 3, 0, None).unwrap();
    for id in &s.accounts {
        b.sandbox.dx_generate(id, TOKYO, 1, 1).unwrap();
    }
    b.aws_profiles(&[("mgmt", SB_MANAGEMENT)]);
    b.sandbox.inject(opskit_sandbox::Fault::latency("/", 100, 0).for_target("*"));
    b.write_config(&format!(
        "{}concurrency = 32\n\n[[organizations]]\nname = \"big\"\nprofile = \"mgmt\"\nrole_name = \"{ROLE}\"\nregions = [\"{TOKYO}\"]\n",
        b.defaults()
    ));
    let a = b.opskit_aws().args(["dx-vif", "poll", "--state", "none", "-q"]).assert();
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    let assumed: Vec<String> = b
        .sandbox
        .requests()
        .iter()
        .filter_map(|r| {
            let form = r.form();
            let action = form.iter().find(|(k, _)| k == "Action").map(|(_, v)| v.clone());
            (action.as_deref() == Some("AssumeRole")).then(|| form.into_iter().find(|(k, _)| k == "RoleArn").unwrap().1)
        })
        .collect();
    let distinct: BTreeSet<&String> = assumed.iter().collect();
    assert_eq!((assumed.len(), distinct.len()), (200, 200), "each of 200 roles once");
}

/// ListAccounts answered `{}` (a proxy, a wrong endpoint override), or a well-formed listing
/// without even the management account: not "the organization has no accounts". The cached
/// listing is used, with the reason, and the bad answer is never cached.
#[test]
fn an_empty_account_listing_drops_no_account_and_is_never_cached() {
    let b = Bench::new();
    sandbox_org(&b);
    sandbox_config(&b, "");
    let check = |extra: &[&str]| {
        let a = b.opskit_aws().args(["config", "check", "--discover", "-o", "json"]).args(extra).assert();
        no_leak(&a);
        let v: Value = serde_json::from_slice(&a.get_output().stdout).unwrap_or(Value::Null);
        (a, v)
    };
    let (a, v) = check(&[]);
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    let all = used(&v);
    assert!(all.contains("shop-prod") && all.contains("erp-prod"), "{all:?}");

    let target = "AWSOrganizationsV20161128.ListAccounts";
    for (body, says) in [
        ("{}", "ListAccounts: the answer has no Accounts list (HTTP 200, body not a ListAccounts answer)"),
        (r#"{"Accounts": []}"#, "ListAccounts: the answer lists no account, not even the management account"),
    ] {
        b.sandbox.inject(opskit_sandbox::Fault::ok_with_body("/", body, 1).for_target(target));
        let (a, v) = check(&["--refresh-accounts"]);
        assert!(stderr(&a).contains(says), "{body}: {}", stderr(&a));
        assert_eq!(v["organizations"][0]["source"], "stale_cache", "{body}: {v}");
        assert_eq!(used(&v), all, "{body}: no account dropped");
        // Not cached: the next run (within the TTL) still has every account.
        let (_, v) = check(&[]);
        assert_eq!(v["organizations"][0]["source"], "cache", "{v}");
        assert_eq!(used(&v), all, "{body}: the cache still holds every account");
    }
}

#[test]
fn a_skipped_account_is_a_note_on_stderr_once_and_not_in_the_report_on_stdout() {
    let b = Bench::new();
    let o = sandbox_org(&b);
    sandbox_config(&b, "");
    let a = b.opskit_aws().args(["dx-vif", "poll", "--state", "none"]).assert();
    let (out, err) = (stdout(&a), stderr(&a));
    assert!(out.contains("| ACCOUNT"), "the report is on stdout:\n{out}");
    assert!(!out.to_lowercase().contains("skipped") && !out.contains("old-prod"), "a note in the report:\n{out}");
    let note = format!("note: old-prod ({}): account is SUSPENDED", o.suspended);
    assert_eq!(err.lines().filter(|l| l.contains(&note)).count(), 1, "{err}");
    assert_eq!(err.matches("old-prod").count(), 1, "{err}");

    // JSON keeps its own field.
    let a = b.opskit_aws().args(["dx-vif", "poll", "--state", "none", "-o", "json"]).assert();
    let v: Value = serde_json::from_slice(&a.get_output().stdout).unwrap();
    assert_eq!(v["skipped"][0]["target"], format!("old-prod ({})", o.suspended), "{v}");
}

/// The inventory's EC2 calls go through opskit's own Query client, which has no SDK
/// identity cache: each member role is still assumed once per run for all of its calls
/// (four types at once here), and the calls are signed with the role's keys. Even at
/// `-vvv`, no key, token or external id shows.
#[test]
fn the_inventory_assumes_each_role_once_for_all_its_ec2_calls() {
    let b = Bench::new();
    let o = sandbox_org(&b);
    sandbox_config(&b, "");
    let types = "vpc,subnet,security-group,route-table";
    let a = b.opskit_aws().args(["inventory", "show", "--resource-types", types, "-o", "json", "-vvv"]).assert();
    no_leak(&a);
    assert_eq!(code(&a), 3, "the denied role fails its account only\n{}", stderr(&a));
    let mut assumed: BTreeMap<String, usize> = BTreeMap::new();
    for r in b.sandbox.requests() {
        let form = r.form();
        if form.iter().any(|(k, v)| k == "Action" && v == "AssumeRole") {
            let role = form.into_iter().find(|(k, _)| k == "RoleArn").unwrap().1;
            *assumed.entry(role).or_default() += 1;
        }
    }
    assert!(assumed.len() >= 3, "{assumed:?}");
    assert!(assumed.values().all(|n| *n == 1), "each role once: {assumed:?}");
    let signed_as_member = b
        .sandbox
        .requests()
        .iter()
        .filter(|r| r.form().iter().any(|(k, v)| k == "Action" && v == "DescribeVpcs"))
        .filter(|r| r.header("authorization").is_some_and(|h| h.contains(&o.ok1)))
        .count();
    assert_eq!(signed_as_member, 1, "{}'s DescribeVpcs, signed with its role's key", o.ok1);
}
