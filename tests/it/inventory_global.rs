//! The account-wide types of `opskit inventory` (S3 buckets, IAM users, Route 53 hosted
//! zones), collected once per account in its `global` target, end to end: the built binary
//! against moto server. The resources are made first with raw signed calls of opskit's own
//! clients (no SDK crate for S3, IAM or Route 53 is built for tests).

use crate::common;

use common::cli::*;
use common::moto::{MotoServer, sdk_config};
use opskit::aws::rest::{self, Request};
use opskit::aws::{iam, query, route53, s3api};
use serde_json::Value;
use std::collections::BTreeSet;

const ACME: &str = "123456789012";
const EAST: &str = "us-east-1";
const WEST: &str = "eu-west-1";

/// One S3 or Route 53 call, which must succeed; its body.
async fn rest_call(sdk: &aws_config::SdkConfig, req: Request<'_>) -> String {
    let (status, body) = rest::send(sdk, &req).await.unwrap_or_else(|e| panic!("{} {}: {e:?}", req.method, req.path));
    let body = String::from_utf8(body).unwrap();
    assert!((200..300).contains(&status), "{} {}: {status} {body}", req.method, req.path);
    body
}

async fn s3(sdk: &aws_config::SdkConfig, method: &str, region: &str, path: &str, body: &str) {
    let req = Request { service: &s3api::SERVICE, region, method, path, body: body.as_bytes(), headers: &[] };
    rest_call(sdk, req).await;
}

async fn iam_call(sdk: &aws_config::SdkConfig, action: &str, params: &[(&'static str, &str)]) -> String {
    let params: Vec<(&'static str, String)> = params.iter().map(|(k, v)| (*k, v.to_string())).collect();
    // The raw answer, for the few values a test needs back (a serial number).
    let form = query::form(&iam::SERVICE, action, &params);
    let req = Request {
        service: &iam::SERVICE,
        region: EAST,
        method: "POST",
        path: "/",
        body: form.as_bytes(),
        headers: &[("content-type", "application/x-www-form-urlencoded; charset=utf-8")],
    };
    rest_call(sdk, req).await
}

fn between<'a>(text: &'a str, open: &str, close: &str) -> &'a str {
    let start = text.find(open).unwrap_or_else(|| panic!("no {open} in {text}")) + open.len();
    &text[start..start + text[start..].find(close).unwrap()]
}

/// Two buckets in two regions (one with every setting, one with none), two IAM users (one
/// with a key, an MFA device and a console password), a public and a private hosted zone.
async fn make_resources(sdk: &aws_config::SdkConfig) -> String {
    let located = format!(
        "<CreateBucketConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><LocationConstraint>{WEST}</LocationConstraint></CreateBucketConfiguration>"
    );
    s3(sdk, "PUT", WEST, "/acme-logs-eu", &located).await;
    s3(sdk, "PUT", EAST, "/acme-plain", "").await;
    s3(
        sdk,
        "PUT",
        WEST,
        "/acme-logs-eu?encryption",
        "<ServerSideEncryptionConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Rule><ApplyServerSideEncryptionByDefault>\
         <SSEAlgorithm>aws:kms</SSEAlgorithm><KMSMasterKeyID>alias/logs</KMSMasterKeyID></ApplyServerSideEncryptionByDefault></Rule></ServerSideEncryptionConfiguration>",
    )
    .await;
    s3(
        sdk,
        "PUT",
        WEST,
        "/acme-logs-eu?versioning",
        "<VersioningConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Status>Enabled</Status></VersioningConfiguration>",
    )
    .await;
    s3(
        sdk,
        "PUT",
        WEST,
        "/acme-logs-eu?publicAccessBlock",
        "<PublicAccessBlockConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><BlockPublicAcls>true</BlockPublicAcls>\
         <IgnorePublicAcls>true</IgnorePublicAcls><BlockPublicPolicy>true</BlockPublicPolicy><RestrictPublicBuckets>true</RestrictPublicBuckets>\
         </PublicAccessBlockConfiguration>",
    )
    .await;
    s3(
        sdk,
        "PUT",
        WEST,
        "/acme-logs-eu?lifecycle",
        "<LifecycleConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Rule><ID>expire</ID><Filter><Prefix>tmp/</Prefix></Filter>\
         <Status>Enabled</Status><Expiration><Days>30</Days></Expiration></Rule></LifecycleConfiguration>",
    )
    .await;

    iam_call(sdk, "CreateUser", &[("UserName", "alice")]).await;
    iam_call(sdk, "CreateUser", &[("UserName", "bob")]).await;
    let key = iam_call(sdk, "CreateAccessKey", &[("UserName", "alice")]).await;
    let key_id = between(&key, "<AccessKeyId>", "</AccessKeyId>").to_string();
    iam_call(sdk, "CreateLoginProfile", &[("UserName", "alice"), ("Password", "Secret-pass-1!")]).await;
    let mfa = iam_call(sdk, "CreateVirtualMFADevice", &[("VirtualMFADeviceName", "alice-phone")]).await;
    let serial = between(&mfa, "<SerialNumber>", "</SerialNumber>").to_string();
    iam_call(
        sdk,
        "EnableMFADevice",
        &[
            ("UserName", "alice"),
            ("SerialNumber", &serial),
            ("AuthenticationCode1", "123456"),
            ("AuthenticationCode2", "654321"),
        ],
    )
    .await;

    let zone = |name: &str, reference: &str, extra: &str, comment: &str| {
        // moto takes a zone as private by the flag (AWS by the VPC); both are sent.
        let private = if extra.is_empty() { "" } else { "<PrivateZone>true</PrivateZone>" };
        format!(
            "<CreateHostedZoneRequest xmlns=\"https://route53.amazonaws.com/doc/2013-04-01/\"><Name>{name}</Name>\
             <CallerReference>{reference}</CallerReference>{extra}<HostedZoneConfig><Comment>{comment}</Comment>{private}</HostedZoneConfig>\
             </CreateHostedZoneRequest>"
        )
    };
    #[derive(serde::Deserialize)]
    struct CreateVpc {
        vpc: Vpc,
    }
    #[derive(serde::Deserialize)]
    struct Vpc {
        #[serde(rename = "vpcId")]
        vpc_id: String,
    }
    let vpc: CreateVpc =
        query::call(sdk, &opskit::aws::ec2::SERVICE, "CreateVpc", &[("CidrBlock", "10.0.0.0/16".to_string())])
            .await
            .unwrap_or_else(|e| panic!("CreateVpc: {}", e.failure("CreateVpc").line()));
    let vpc_id = vpc.vpc.vpc_id;
    for body in [
        zone("example.com.", "r-1", "", "public site"),
        zone(
            "internal.example.",
            "r-2",
            &format!("<VPC><VPCRegion>{EAST}</VPCRegion><VPCId>{vpc_id}</VPCId></VPC>"),
            "private names",
        ),
    ] {
        let req = Request {
            service: &route53::SERVICE,
            region: EAST,
            method: "POST",
            path: "/2013-04-01/hostedzone",
            body: body.as_bytes(),
            headers: &[("content-type", "text/xml")],
        };
        rest_call(sdk, req).await;
    }
    key_id
}

fn bench_for(regions: &[&str]) -> Bench {
    let b = Bench::new();
    std::fs::write(b.path("aws-config"), "[profile acme]\naws_access_key_id = test\naws_secret_access_key = test\n")
        .unwrap();
    std::fs::write(b.path("aws-credentials"), "").unwrap();
    let regions: Vec<String> = regions.iter().map(|r| format!("\"{r}\"")).collect();
    b.write_config(&format!(
        "{}[[accounts]]\nname = \"acme-prod\"\nid = \"{ACME}\"\nprofile = \"acme\"\nregions = [{}]\n",
        b.defaults(),
        regions.join(", ")
    ));
    b
}

fn of_type<'a>(rs: &'a [Value], ty: &str) -> Vec<&'a Value> {
    rs.iter().filter(|r| r["type"] == ty).collect()
}

fn ids(rs: &[&Value]) -> BTreeSet<String> {
    rs.iter().map(|r| r["id"].as_str().unwrap().to_string()).collect()
}

/// `days` after now, RFC 3339: the run's clock, pinned so the keys made just now are that old.
fn days_from_now(days: i64) -> String {
    jiff::Timestamp::from_second(jiff::Timestamp::now().as_second() + days * 86_400).unwrap().to_string()
}

#[tokio::test(flavor = "multi_thread")]
async fn buckets_users_and_zones_are_listed_once_per_account_with_their_settings() {
    let moto = MotoServer::start();
    let sdk = sdk_config(&moto.endpoint()).await;
    let key_id = make_resources(&sdk).await;

    // Two configured regions, one `--region`: the account-wide types are listed once, in
    // the account's `global` target, either way.
    let b = bench_for(&[EAST, WEST]);
    for region_args in [&[][..], &["--region", WEST][..]] {
        let a = b
            .opskit_aws_at(&moto.endpoint())
            .env("OPSKIT_NOW", days_from_now(100))
            .args(["inventory", "show", "-o", "json", "--resource-types", "vpc,s3-bucket,iam-user,route53-zone"])
            .args(region_args)
            .assert();
        assert_eq!(code(&a), 0, "{}", stderr(&a));
        let all = json_array(&a);
        // The regional type in the regions asked, the account-wide ones once, in `global`.
        let vpc_regions: BTreeSet<&str> = of_type(&all, "vpc").iter().map(|r| r["region"].as_str().unwrap()).collect();
        let want: BTreeSet<&str> = if region_args.is_empty() { [EAST, WEST].into() } else { [WEST].into() };
        assert_eq!(vpc_regions, want, "moto's default VPCs");
        let rs: Vec<Value> = all.into_iter().filter(|r| r["type"] != "vpc").collect();
        assert!(rs.iter().all(|r| r["account"] == ACME && r["region"] == "global"), "{rs:?}");
        let buckets = of_type(&rs, "s3-bucket");
        let users = of_type(&rs, "iam-user");
        let zones = of_type(&rs, "route53-zone");
        assert_eq!(rs.len(), buckets.len() + users.len() + zones.len());
        assert_eq!(ids(&buckets), ["acme-logs-eu", "acme-plain"].map(String::from).into());
        assert_eq!(ids(&users), ["alice", "bob"].map(String::from).into());
        assert_eq!(zones.len(), 2, "{zones:?}");

        let get = |ty: &str, id: &str| &rs.iter().find(|r| r["type"] == ty && r["id"] == id).unwrap()["fields"];
        let logs = get("s3-bucket", "acme-logs-eu");
        assert_eq!(logs["bucket_region"], WEST);
        assert_eq!(logs["public_access_block"], "all on");
        assert_eq!(logs["encryption"], "aws:kms (alias/logs)");
        assert_eq!(logs["versioning"], "enabled");
        assert_eq!(logs["lifecycle"], "1 rule, 1 enabled");
        assert!(logs["created"].as_str().unwrap().ends_with('Z'), "{logs}");
        let plain = get("s3-bucket", "acme-plain");
        assert_eq!(plain["bucket_region"], EAST);
        assert_eq!(plain["public_access_block"], "none");
        assert_eq!(plain["versioning"], "off");
        assert_eq!(plain["lifecycle"], "none");

        let alice = get("iam-user", "alice");
        assert_eq!(alice["console_access"], "yes");
        assert_eq!(alice["mfa"], "yes");
        let keys = alice["access_keys"].as_str().unwrap();
        assert!(keys.starts_with(&format!("{key_id} Active ")), "{keys}");
        assert!(["99", "100"].contains(&alice["oldest_key_days"].as_str().unwrap()), "{alice}");
        let bob = get("iam-user", "bob");
        assert_eq!(bob["console_access"], "no");
        assert_eq!(bob["mfa"], "no");
        assert!(bob.get("access_keys").is_none() && bob.get("oldest_key_days").is_none(), "{bob}");

        let zone =
            |name: &str| &zones.iter().find(|z| z["name"] == name).unwrap_or_else(|| panic!("{zones:?}"))["fields"];
        assert_eq!(zone("example.com.")["private"], "no");
        assert_eq!(zone("example.com.")["comment"], "public site");
        assert_eq!(zone("internal.example.")["private"], "yes");
        assert!(zone("internal.example.")["record_count"].as_str().unwrap().parse::<u32>().is_ok());
    }

    // The table: one section per type, the global region named.
    let a = b
        .opskit_aws_at(&moto.endpoint())
        .args(["inventory", "show", "--resource-types", "s3,iam,route53"])
        .assert()
        .success();
    let out = stdout(&a);
    assert!(
        out.contains("S3 buckets (2)") && out.contains("IAM users (2)") && out.contains("Route 53 hosted zones (2)"),
        "{out}"
    );
}

/// A config whose account is read from moto (S3, IAM, Route 53 overridden to it) and whose
/// pages go to the sandbox's Backlog Wiki (`notation`: its text formatting rule).
fn publish_bench(notation: &str) -> Bench {
    use opskit_sandbox as sandbox;
    let b = Bench::new();
    b.sandbox.backlog_set_text_formatting_rule(sandbox::BACKLOG_PROJECT_KEY, notation).unwrap();
    b.aws_profiles(&[("acme-prod", ACME)]);
    b.write_config(&format!(
        "{}[[accounts]]\nname = \"acme-prod\"\nid = \"{ACME}\"\nprofile = \"acme-prod\"\nregions = [\"{EAST}\"]\n\n\
         {}\n[[routes]]\nsources = [\"inventory\"]\nsinks = [\"slack\"]\n\n\
         [commands.inventory]\nresource_types = [\"s3-bucket\", \"iam-user\", \"route53-zone\"]\n\n\
         [commands.inventory.publish]\nproject = \"{}\"\n",
        b.defaults(),
        b.sandbox.sinks_toml(),
        sandbox::BACKLOG_PROJECT_KEY,
    ));
    b
}

fn page(b: &Bench, name: &str) -> String {
    let p = b.sandbox.backlog_wiki_page(opskit_sandbox::BACKLOG_PROJECT_KEY, name).unwrap();
    p["content"].as_str().unwrap().to_string()
}

/// The key-age findings in the state, (key, status), read on a thread of its own.
fn key_findings(b: &Bench) -> Vec<(String, String)> {
    std::thread::scope(|t| t.spawn(|| b.state_findings("inventory")).join().unwrap())
        .into_iter()
        .filter(|(k, _)| k.contains("/iam-key/"))
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn global_resources_are_published_an_old_key_is_a_finding_until_deactivated_and_a_deleted_bucket_shows_in_diff() {
    let moto = MotoServer::start();
    let sdk = sdk_config(&moto.endpoint()).await;
    let key_id = make_resources(&sdk).await;
    let b = publish_bench("markdown");
    let now = days_from_now(100);
    let run = |args: &[&str]| {
        b.opskit_aws()
            .env("AWS_ENDPOINT_URL_S3", moto.endpoint())
            .env("AWS_ENDPOINT_URL_IAM", moto.endpoint())
            .env("AWS_ENDPOINT_URL_ROUTE_53", moto.endpoint())
            .env("OPSKIT_NOW", &now)
            .arg("inventory")
            .args(args)
            .assert()
    };
    let a = run(&["publish"]);
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    let text = page(&b, &format!("Inventory/{ACME}"));
    assert!(text.contains("### S3 buckets (2)") && text.contains("### IAM users (2)"), "{text}");
    assert!(text.contains("### Route 53 hosted zones (2)"), "{text}");
    let row = text.lines().find(|l| l.contains("acme-logs-eu")).unwrap_or_else(|| panic!("{text}"));
    assert!(
        row.contains(&format!("| {WEST} | all on | aws:kms (alias/logs) | enabled | 1 rule, 1 enabled |")),
        "{row}"
    );

    // The 100-day-old active key is over the default 90 days: one finding, in Slack.
    let key = format!("inventory/{ACME}/iam-key/{key_id}");
    assert_eq!(key_findings(&b), [(key.clone(), "open".to_string())]);
    let msgs = b.slack_texts();
    assert!(msgs.iter().any(|m| m.contains(&format!("IAM access key {key_id} of alice"))), "{msgs:?}");

    // A day later nothing changed but the key's age: no drift.
    let a = run(&["diff", "--fail-on", "info"]);
    assert_eq!(code(&a), 0, "no drift yet: {}", stdout(&a));

    // A bucket and a hosted zone deleted, a key deactivated: diff shows each type's change.
    s3(&sdk, "DELETE", EAST, "/acme-plain", "").await;
    iam_call(&sdk, "UpdateAccessKey", &[("UserName", "alice"), ("AccessKeyId", &key_id), ("Status", "Inactive")]).await;
    let zones = rest_call(
        &sdk,
        Request {
            service: &route53::SERVICE,
            region: EAST,
            method: "GET",
            path: "/2013-04-01/hostedzone",
            body: b"",
            headers: &[],
        },
    )
    .await;
    let public = zones
        .split("<HostedZone>")
        .find(|z| z.contains("<Name>example.com.</Name>"))
        .unwrap_or_else(|| panic!("{zones}"));
    let zone_id = between(public, "<Id>", "</Id>").trim_start_matches("/hostedzone/").to_string();
    rest_call(
        &sdk,
        Request {
            service: &route53::SERVICE,
            region: EAST,
            method: "DELETE",
            path: &format!("/2013-04-01/hostedzone/{zone_id}"),
            body: b"",
            headers: &[],
        },
    )
    .await;
    let a = run(&["diff", "--fail-on", "info", "-o", "json"]);
    assert_eq!(code(&a), 1, "drift: {}", stdout(&a));
    let report: Value = serde_json::from_str(&stdout(&a)).unwrap();
    let mut titles: Vec<&str> =
        report["findings"].as_array().unwrap().iter().map(|f| f["title"].as_str().unwrap()).collect();
    titles.sort_unstable();
    assert_eq!(titles.len(), 3, "{report}");
    assert!(titles.contains(&"− s3-bucket acme-plain"), "{report}");
    assert!(titles.iter().any(|t| t.starts_with("~ iam-user") && t.contains("alice")), "{report}");
    assert!(titles.iter().any(|t| t.starts_with(&format!("− route53-zone {zone_id}"))), "{report}");

    // Deactivated: the key-age finding resolves.
    let a = run(&["publish"]);
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    assert_eq!(key_findings(&b), [(key, "resolved".to_string())]);
}

#[tokio::test(flavor = "multi_thread")]
async fn global_resources_are_published_in_backlog_notation() {
    let moto = MotoServer::start();
    let sdk = sdk_config(&moto.endpoint()).await;
    make_resources(&sdk).await;
    let b = publish_bench("backlog");
    let a = b
        .opskit_aws()
        .env("AWS_ENDPOINT_URL_S3", moto.endpoint())
        .env("AWS_ENDPOINT_URL_IAM", moto.endpoint())
        .env("AWS_ENDPOINT_URL_ROUTE_53", moto.endpoint())
        .args(["inventory", "publish"])
        .assert();
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    let text = page(&b, &format!("Inventory/{ACME}"));
    assert!(text.contains("*** S3 buckets (2)"), "{text}");
    assert!(
        text.contains("|id|name|bucket_region|public_access_block|encryption|versioning|lifecycle|created|"),
        "{text}"
    );
    assert!(text.lines().any(|l| l.starts_with("|acme-plain||us-east-1|none|")), "{text}");
    assert!(text.lines().any(|l| l.starts_with("|bob||") && l.contains("|no|no|")), "{text}");
}
