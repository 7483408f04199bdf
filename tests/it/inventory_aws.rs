//! The AWS types beyond EC2 in `opskit inventory show`, `publish` and `diff`: RDS DB
//! instances and clusters, ACM certificates (and their expiry findings), end to end, the
//! built binary against moto server. The resources are created first with raw signed calls
//! of opskit's own clients (no SDK crate for RDS or ACM is built for tests); certificates
//! are made by the `openssl` command and imported.

use crate::common;

use common::cli::*;
use common::moto::{MotoServer, sdk_config};
use opskit::aws::{query, rds};
use serde_json::Value;
use std::collections::BTreeSet;

const ACME: &str = "123456789012";
const EAST: &str = "us-east-1";
const WEST: &str = "eu-west-1";

fn p(pairs: &[(&'static str, &str)]) -> Vec<(&'static str, String)> {
    pairs.iter().map(|(k, v)| (*k, v.to_string())).collect()
}

async fn rds_call(sdk: &aws_config::SdkConfig, action: &str, params: &[(&'static str, &str)]) {
    let _: serde::de::IgnoredAny = query::call(sdk, &rds::SERVICE, action, &p(params))
        .await
        .unwrap_or_else(|e| panic!("{action}: {}", e.failure(action).line()));
}

fn bench_for(moto: &MotoServer, regions: &[&str]) -> Bench {
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
    let _ = moto;
    b
}

fn of_type<'a>(rs: &'a [Value], ty: &str) -> Vec<&'a Value> {
    rs.iter().filter(|r| r["type"] == ty).collect()
}

fn ids(rs: &[&Value]) -> BTreeSet<String> {
    rs.iter().map(|r| format!("{}/{}", r["region"].as_str().unwrap(), r["id"].as_str().unwrap())).collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn rds_instances_and_clusters_are_listed_with_the_fields_an_operator_audits() {
    let moto = MotoServer::start();
    let sdk = sdk_config(&moto.endpoint()).await;
    rds_call(
        &sdk,
        "CreateDBInstance",
        &[
            ("DBInstanceIdentifier", "orders-db"),
            ("Engine", "postgres"),
            ("EngineVersion", "16.3"),
            ("DBInstanceClass", "db.t3.micro"),
            ("AllocatedStorage", "20"),
            ("MasterUsername", "admin"),
            ("MasterUserPassword", "secret-pass-1"),
            ("MultiAZ", "true"),
            ("StorageEncrypted", "true"),
            ("BackupRetentionPeriod", "7"),
            ("PreferredMaintenanceWindow", "sun:18:00-sun:18:30"),
            ("PubliclyAccessible", "false"),
        ],
    )
    .await;
    rds_call(
        &sdk,
        "CreateDBInstance",
        &[
            ("DBInstanceIdentifier", "legacy-mysql"),
            ("Engine", "mysql"),
            ("EngineVersion", "8.0.35"),
            ("DBInstanceClass", "db.m5.large"),
            ("AllocatedStorage", "50"),
            ("MasterUsername", "admin"),
            ("MasterUserPassword", "secret-pass-2"),
            ("MultiAZ", "false"),
            ("BackupRetentionPeriod", "0"),
            ("PreferredMaintenanceWindow", "mon:03:00-mon:03:30"),
            ("PubliclyAccessible", "true"),
        ],
    )
    .await;
    rds_call(
        &sdk,
        "CreateDBCluster",
        &[
            ("DBClusterIdentifier", "reports"),
            ("Engine", "aurora-postgresql"),
            ("EngineVersion", "15.4"),
            ("MasterUsername", "admin"),
            ("MasterUserPassword", "secret-pass-3"),
            ("StorageEncrypted", "true"),
            ("BackupRetentionPeriod", "14"),
            ("PreferredMaintenanceWindow", "sat:20:00-sat:20:30"),
        ],
    )
    .await;
    rds_call(
        &sdk,
        "CreateDBInstance",
        &[
            ("DBInstanceIdentifier", "reports-1"),
            ("DBClusterIdentifier", "reports"),
            ("Engine", "aurora-postgresql"),
            ("DBInstanceClass", "db.r6g.large"),
        ],
    )
    .await;

    let b = bench_for(&moto, &[EAST, WEST]);
    let a = b
        .opskit_aws_at(&moto.endpoint())
        .args(["inventory", "show", "-o", "json", "--resource-types", "rds-instance,rds-cluster"])
        .assert();
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    let rs = json_array(&a);
    let instances = of_type(&rs, "rds-instance");
    let clusters = of_type(&rs, "rds-cluster");
    assert_eq!(rs.len(), instances.len() + clusters.len());
    let want: BTreeSet<String> =
        ["orders-db", "legacy-mysql", "reports-1"].iter().map(|i| format!("{EAST}/{i}")).collect();
    assert_eq!(ids(&instances), want, "exactly the instances created, none in {WEST}");
    assert_eq!(ids(&clusters), [format!("{EAST}/reports")].into());
    assert!(rs.iter().all(|r| r["account"] == ACME));

    let get = |id: &str| &rs.iter().find(|r| r["id"] == id).unwrap()["fields"];
    let orders = get("orders-db");
    assert_eq!(orders["engine"], "postgres");
    assert_eq!(orders["engine_version"], "16.3");
    assert_eq!(orders["class"], "db.t3.micro");
    assert_eq!(orders["status"], "available");
    assert_eq!(orders["multi_az"], "yes");
    assert_eq!(orders["encrypted"], "yes");
    assert_eq!(orders["backup_retention_days"], "7");
    assert_eq!(orders["maintenance_window"], "sun:18:00-sun:18:30");
    assert_eq!(orders["public"], "no");
    let legacy = get("legacy-mysql");
    assert_eq!(legacy["engine"], "mysql");
    assert_eq!(legacy["class"], "db.m5.large");
    assert_eq!(legacy["multi_az"], "no");
    assert_eq!(legacy["encrypted"], "no");
    assert_eq!(legacy["backup_retention_days"], "0", "automated backups off shows as 0 days");
    assert_eq!(legacy["public"], "yes");
    assert_eq!(get("reports-1")["cluster"], "reports");
    let reports = get("reports");
    assert_eq!(reports["engine"], "aurora-postgresql");
    assert_eq!(reports["engine_version"], "15.4");
    assert_eq!(reports["encrypted"], "yes");
    assert_eq!(reports["backup_retention_days"], "14");
    assert_eq!(reports["maintenance_window"], "sat:20:00-sat:20:30");
    assert_eq!(reports["members"], "reports-1");

    // The table names the type and shows the audited columns.
    let a = b.opskit_aws_at(&moto.endpoint()).args(["inventory", "show", "--resource-types", "rds"]).assert();
    assert_eq!(code(&a), 2, "`rds` is two types: {}", stderr(&a));
    let a = b
        .opskit_aws_at(&moto.endpoint())
        .args(["inventory", "show", "--resource-types", "rds-instance,rds-cluster"])
        .assert()
        .success();
    let out = stdout(&a);
    assert!(out.contains("RDS DB instances (3)") && out.contains("RDS DB clusters (1)"), "{out}");
    let row = out.lines().find(|l| l.contains("orders-db")).unwrap();
    assert!(row.contains("| postgres ") && row.contains("| sun:18:00-sun:18:30 |"), "{row}");
}

/// A config whose account is read from moto (RDS, `AWS_ENDPOINT_URL_RDS`) and whose pages go
/// to the sandbox's Backlog Wiki (`notation`: its text formatting rule).
fn publish_bench(notation: &str) -> Bench {
    use opskit_sandbox as sandbox;
    let b = Bench::new();
    b.sandbox.backlog_set_text_formatting_rule(sandbox::BACKLOG_PROJECT_KEY, notation).unwrap();
    b.aws_profiles(&[("acme-prod", ACME)]);
    b.write_config(&format!(
        "{}[[accounts]]\nname = \"acme-prod\"\nid = \"{ACME}\"\nprofile = \"acme-prod\"\nregions = [\"{EAST}\"]\n\n\
         {}\n[[routes]]\nsources = [\"inventory\"]\nsinks = [\"slack\"]\n\n\
         [commands.inventory]\nresource_types = [\"rds-instance\", \"rds-cluster\", \"acm-certificate\"]\n\n\
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

async fn create_orders_db(sdk: &aws_config::SdkConfig) {
    rds_call(
        sdk,
        "CreateDBInstance",
        &[
            ("DBInstanceIdentifier", "orders-db"),
            ("Engine", "postgres"),
            ("EngineVersion", "16.3"),
            ("DBInstanceClass", "db.t3.micro"),
            ("AllocatedStorage", "20"),
            ("MasterUsername", "admin"),
            ("MasterUserPassword", "secret-pass-1"),
            ("MultiAZ", "false"),
            ("BackupRetentionPeriod", "7"),
        ],
    )
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn rds_resources_are_published_in_markdown_and_a_change_shows_in_diff() {
    let moto = MotoServer::start();
    let sdk = sdk_config(&moto.endpoint()).await;
    create_orders_db(&sdk).await;
    let b = publish_bench("markdown");
    let run = |args: &[&str]| {
        b.opskit_aws().env("AWS_ENDPOINT_URL_RDS", moto.endpoint()).arg("inventory").args(args).assert()
    };
    let a = run(&["publish"]);
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    let text = page(&b, &format!("Inventory/{ACME}"));
    assert!(text.contains("### RDS DB instances (1)"), "{text}");
    let row = text.lines().find(|l| l.contains("orders-db")).unwrap_or_else(|| panic!("{text}"));
    assert!(row.contains("| postgres | 16.3 | db.t3.micro | available | no |"), "{row}");
    assert!(!text.contains("RDS DB clusters"), "a type with nothing in it takes no room: {text}");

    let a = run(&["diff", "--fail-on", "info"]);
    assert_eq!(code(&a), 0, "no drift yet: {}", stdout(&a));
    rds_call(
        &sdk,
        "ModifyDBInstance",
        &[("DBInstanceIdentifier", "orders-db"), ("MultiAZ", "true"), ("ApplyImmediately", "true")],
    )
    .await;
    let a = run(&["diff", "--fail-on", "info", "-o", "json"]);
    assert_eq!(code(&a), 1, "drift: {}", stdout(&a));
    let report: Value = serde_json::from_str(&stdout(&a)).unwrap();
    let findings = report["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert_eq!(findings[0]["title"], "~ rds-instance orders-db");
    let fields = findings[0]["fields"].to_string();
    assert!(fields.contains("multi_az") && fields.contains("no → yes"), "{fields}");
}

#[tokio::test(flavor = "multi_thread")]
async fn rds_resources_are_published_in_backlog_notation() {
    let moto = MotoServer::start();
    let sdk = sdk_config(&moto.endpoint()).await;
    create_orders_db(&sdk).await;
    let b = publish_bench("backlog");
    let cert = import_cert(&sdk, &b.path(""), "shop.example.com", 200).await;
    let a = b
        .opskit_aws()
        .env("AWS_ENDPOINT_URL_RDS", moto.endpoint())
        .env("AWS_ENDPOINT_URL_ACM", moto.endpoint())
        .args(["inventory", "publish"])
        .assert();
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    let text = page(&b, &format!("Inventory/{ACME}"));
    assert!(text.contains("*** RDS DB instances (1)"), "{text}");
    assert!(text.contains("|id|name|engine|engine_version|class|"), "{text}");
    assert!(text.lines().any(|l| l.starts_with("|orders-db||postgres|16.3|db.t3.micro|available|no|")), "{text}");
    assert!(text.contains("*** ACM certificates (1)"), "{text}");
    let row = format!("|{cert}|shop.example.com|shop.example.com, www.shop.example.com|ISSUED|IMPORTED|");
    assert!(text.lines().any(|l| l.starts_with(&row)), "{row} in {text}");
}

/// The certificate findings in the state, (key, status): read on a thread of its own, since
/// the state reader runs a runtime and the test is inside one.
fn acm_findings(b: &Bench) -> Vec<(String, String)> {
    std::thread::scope(|t| t.spawn(|| b.state_findings("inventory")).join().unwrap())
        .into_iter()
        .filter(|(k, _)| k.contains("/acm/"))
        .collect()
}

/// A self-signed certificate for `domain` (and `www.` of it) valid for `days` from now,
/// imported into ACM in moto; its ARN.
async fn import_cert(sdk: &aws_config::SdkConfig, dir: &std::path::Path, domain: &str, days: u32) -> String {
    use base64::Engine as _;
    let (key, cert) = (dir.join(format!("{domain}.key")), dir.join(format!("{domain}.pem")));
    let out = std::process::Command::new("openssl")
        .args(["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-sha256", "-days", &days.to_string()])
        .args(["-subj", &format!("/CN={domain}"), "-addext", &format!("subjectAltName=DNS:{domain},DNS:www.{domain}")])
        .arg("-keyout")
        .arg(&key)
        .arg("-out")
        .arg(&cert)
        .output()
        .expect("openssl is needed to make test certificates");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let b64 = |p: &std::path::Path| base64::engine::general_purpose::STANDARD.encode(std::fs::read(p).unwrap());
    let body = serde_json::json!({"Certificate": b64(&cert), "PrivateKey": b64(&key)});
    let answer: Value = opskit::aws::acm::call(sdk, "ImportCertificate", &body)
        .await
        .unwrap_or_else(|e| panic!("ImportCertificate: {}", e.failure("ImportCertificate").line()));
    answer["CertificateArn"].as_str().unwrap().to_string()
}

#[tokio::test(flavor = "multi_thread")]
async fn acm_certificates_are_listed_and_one_expiring_within_the_setting_is_a_finding_until_gone() {
    let moto = MotoServer::start();
    let sdk = sdk_config(&moto.endpoint()).await;
    let b = publish_bench("markdown");
    let soon = import_cert(&sdk, &b.path(""), "soon.example.com", 10).await;
    let later = import_cert(&sdk, &b.path(""), "later.example.com", 200).await;
    // The run's clock, pinned: the certificates' lives count from just before it.
    let now = jiff::Timestamp::now().to_string();
    let run = |args: &[&str]| {
        b.opskit_aws()
            .env("AWS_ENDPOINT_URL_RDS", moto.endpoint())
            .env("AWS_ENDPOINT_URL_ACM", moto.endpoint())
            .env("OPSKIT_NOW", &now)
            .arg("inventory")
            .args(args)
            .assert()
    };

    let a = run(&["show", "-o", "json", "--resource-types", "acm"]);
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    let rs = json_array(&a);
    let arns: BTreeSet<String> = rs.iter().map(|r| r["id"].as_str().unwrap().to_string()).collect();
    assert_eq!(arns, [soon.clone(), later.clone()].into(), "exactly the certificates imported");
    let cert = rs.iter().find(|r| r["id"] == soon.as_str()).unwrap();
    assert_eq!(cert["type"], "acm-certificate");
    assert_eq!(cert["name"], "soon.example.com");
    let f = &cert["fields"];
    assert_eq!(f["domains"], "soon.example.com, www.soon.example.com");
    assert_eq!(f["status"], "ISSUED");
    assert_eq!(f["type"], "IMPORTED");
    let not_after: jiff::Timestamp = f["not_after"].as_str().unwrap().parse().unwrap();
    let days = (not_after.as_second() - now.parse::<jiff::Timestamp>().unwrap().as_second()) / 86_400;
    assert!((9..=10).contains(&days), "about 10 days left: {not_after}");

    // publish: one finding, for the certificate within the default 30 days, in Slack.
    let a = run(&["publish"]);
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    let key = format!("inventory/{ACME}/acm/{soon}");
    assert_eq!(acm_findings(&b), [(key.clone(), "open".to_string())], "later.example.com is not within 30 days");
    let msgs = b.slack_texts();
    assert_eq!(msgs.len(), 1, "{msgs:?}");
    assert!(msgs[0].contains("ACM certificate soon.example.com expires"), "{}", msgs[0]);
    let text = page(&b, &format!("Inventory/{ACME}"));
    assert!(text.contains("### ACM certificates (2)"), "{text}");
    let row = text.lines().find(|l| l.contains(soon.as_str())).unwrap_or_else(|| panic!("{text}"));
    assert!(row.contains("| soon.example.com, www.soon.example.com | ISSUED | IMPORTED |"), "{row}");

    // Gone (renewed into a new certificate elsewhere, or deleted): `diff` shows it removed,
    // and the next publish resolves the finding.
    let _: Value =
        opskit::aws::acm::call(&sdk, "DeleteCertificate", &serde_json::json!({"CertificateArn": soon})).await.unwrap();
    let a = run(&["diff", "-o", "json"]);
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    let report: Value = serde_json::from_str(&stdout(&a)).unwrap();
    let titles: Vec<&str> =
        report["findings"].as_array().unwrap().iter().map(|f| f["title"].as_str().unwrap()).collect();
    assert_eq!(titles, [format!("− acm-certificate {soon} (soon.example.com)")], "{report}");
    let a = run(&["publish"]);
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    assert_eq!(acm_findings(&b), [(key, "resolved".to_string())]);
}
