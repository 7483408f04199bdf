//! `opskit state init` and `opskit state migrate`, the built binary against moto server's
//! DynamoDB and the embedded sandbox's sinks: the table is created as promised (checked
//! with the SDK), a migrated state is the one later runs diff against, and a missing
//! table says how to create it.

use crate::common;

use common::cli::{Bench, code, one, stderr, stdout};
use common::moto::{self, MotoServer};

const TABLE: &str = "opskit-state";

fn state_url() -> String {
    format!("dynamodb://{TABLE}?region=us-east-1")
}

/// `opskit` with the AWS SDK pointed at moto (static test credentials).
fn opskit(b: &Bench, moto: &MotoServer) -> assert_cmd::Command {
    let mut c = b.opskit();
    c.env("AWS_ENDPOINT_URL", moto.endpoint())
        .env("AWS_ACCESS_KEY_ID", "test")
        .env("AWS_SECRET_ACCESS_KEY", "test")
        .env("OPSKIT_CONFIG", b.path("opskit.toml"));
    c
}

async fn client(moto: &MotoServer) -> aws_sdk_dynamodb::Client {
    aws_sdk_dynamodb::Client::new(&moto::sdk_config(&moto.endpoint()).await)
}

async fn items_in(moto: &MotoServer) -> usize {
    let out = client(moto).await.scan().table_name(TABLE).send().await.unwrap();
    out.items.unwrap_or_default().len()
}

#[tokio::test(flavor = "multi_thread")]
async fn state_init_creates_an_on_demand_table_with_ttl_and_a_second_init_accepts_it() {
    let (b, moto) = (Bench::new(), MotoServer::start());
    b.standard_config();
    let a = opskit(&b, &moto).args(["state", "init", "--state", &state_url()]).assert();
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    assert!(stdout(&a).contains("created DynamoDB table `opskit-state` in us-east-1"), "{}", stdout(&a));

    let c = client(&moto).await;
    let t = c.describe_table().table_name(TABLE).send().await.unwrap().table.unwrap();
    assert_eq!(t.table_status().map(|s| s.as_str()), Some("ACTIVE"));
    assert_eq!(t.billing_mode_summary().and_then(|b| b.billing_mode()).map(|m| m.as_str()), Some("PAY_PER_REQUEST"));
    let keys: Vec<(&str, &str)> = t.key_schema().iter().map(|k| (k.attribute_name(), k.key_type().as_str())).collect();
    assert_eq!(keys, vec![("pk", "HASH"), ("sk", "RANGE")]);
    let ttl = c.describe_time_to_live().table_name(TABLE).send().await.unwrap().time_to_live_description.unwrap();
    assert_eq!(ttl.attribute_name(), Some("expires_at"));
    assert_eq!(ttl.time_to_live_status().map(|s| s.as_str()), Some("ENABLED"));

    let a = opskit(&b, &moto).args(["state", "init", "--state", &state_url(), "-o", "json"]).assert();
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    let j: serde_json::Value = serde_json::from_str(&stdout(&a)).unwrap();
    assert_eq!(j["created"], false, "{j}");
    assert_eq!(j["store"], "dynamodb://opskit-state (us-east-1)");
}

#[tokio::test(flavor = "multi_thread")]
async fn state_init_print_shows_the_table_and_touches_nothing() {
    let (b, moto) = (Bench::new(), MotoServer::start());
    b.standard_config();
    let a = opskit(&b, &moto).args(["state", "init", "--print", "terraform", "--state", &state_url()]).assert();
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    insta::assert_snapshot!("terraform", stdout(&a));
    let a = opskit(&b, &moto).args(["state", "init", "--print", "cloudformation", "--state", &state_url()]).assert();
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    insta::assert_snapshot!("cloudformation", stdout(&a));
    let tables = client(&moto).await.list_tables().send().await.unwrap();
    assert!(tables.table_names().is_empty(), "--print created {:?}", tables.table_names());

    let a = opskit(&b, &moto).args(["state", "init", "--print", "terraform"]).assert();
    assert_eq!(code(&a), 2, "the state is SQLite: nothing to print");
    assert!(stderr(&a).contains("hint: name the table: --state dynamodb://TABLE?region=REGION"), "{}", stderr(&a));
}

#[tokio::test(flavor = "multi_thread")]
async fn state_migrate_moves_a_sqlite_state_and_the_next_run_knows_its_findings() {
    let (b, moto) = (Bench::new(), MotoServer::start());
    b.standard_config();
    let findings = one("disk/db-1", "critical", "disk 91% full");
    // A run on the SQLite state: New, told to every sink.
    let a = b.push("backup-check", &findings).env("OPSKIT_CONFIG", b.path("opskit.toml")).assert();
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    assert_eq!(b.slack_texts().len(), 1);
    let silence = b
        .opskit()
        .env("OPSKIT_CONFIG", b.path("opskit.toml"))
        .args(["silence", "add", "--source", "dx-vif", "--until", "2h", "--reason", "planned work"])
        .assert();
    assert_eq!(code(&silence), 0, "{}", stderr(&silence));

    let a = opskit(&b, &moto).args(["state", "init", "--state", &state_url()]).assert();
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    let sqlite = b.path("state.db").display().to_string();

    // A dry run counts and writes nothing.
    let a = opskit(&b, &moto).args(["state", "migrate", "--from", &sqlite, "--to", &state_url(), "--dry-run"]).assert();
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    assert!(stdout(&a).contains("dry run: would copy"), "{}", stdout(&a));
    assert!(stdout(&a).contains("| findings   | 1       |"), "{}", stdout(&a));
    assert_eq!(items_in(&moto).await, 0, "a dry run wrote to the table");

    let a =
        opskit(&b, &moto).args(["state", "migrate", "--from", &sqlite, "--to", &state_url(), "-o", "json"]).assert();
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    let j: serde_json::Value = serde_json::from_str(&stdout(&a)).unwrap();
    assert_eq!(
        j["counts"],
        // The snapshot is the push's last run (`report status`), the mark its history event.
        serde_json::json!({"findings": 1, "deliveries": 4, "silences": 1, "snapshots": 1, "marks": 1})
    );
    assert_eq!(j["to"], "dynamodb://opskit-state (us-east-1)");

    // A non-empty destination is refused unless --force.
    let a = opskit(&b, &moto).args(["state", "migrate", "--from", &sqlite, "--to", &state_url()]).assert();
    assert_eq!(code(&a), 2);
    assert!(
        stderr(&a).contains("holds records already (1 findings, 4 deliveries, 1 silences, 1 snapshots, 1 marks)"),
        "{}",
        stderr(&a)
    );
    assert!(stderr(&a).contains("hint: --force"), "{}", stderr(&a));
    let a = opskit(&b, &moto).args(["state", "migrate", "--from", &sqlite, "--to", &state_url(), "--force"]).assert();
    assert_eq!(code(&a), 0, "{}", stderr(&a));

    // The same findings on the DynamoDB state: known, nothing new, nothing sent.
    let a = opskit(&b, &moto)
        .args(["findings", "push", "--source", "backup-check", "--state", &state_url(), "-o", "json"])
        .write_stdin(findings.clone())
        .assert();
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    let report: serde_json::Value = serde_json::from_str(&stdout(&a)).unwrap();
    assert_eq!(report["summary"]["transitions"], serde_json::json!({}), "{report}");
    assert_eq!(report["findings"][0]["change"], serde_json::Value::Null, "{report}");
    assert_eq!(b.slack_texts().len(), 1, "nothing was told twice");
    let silences = opskit(&b, &moto).args(["silence", "list", "--state", &state_url()]).assert();
    assert!(stdout(&silences).contains("planned work"), "{}", stdout(&silences));

    // And it goes on from there: resolving is one message per sink.
    let a = opskit(&b, &moto)
        .args(["findings", "push", "--source", "backup-check", "--state", &state_url(), "-o", "json"])
        .write_stdin("[]")
        .assert();
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    let report: serde_json::Value = serde_json::from_str(&stdout(&a)).unwrap();
    assert_eq!(report["summary"]["transitions"], serde_json::json!({"resolved": 1}), "{report}");
    assert_eq!(b.slack_texts().len(), 2);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_missing_table_fails_the_run_with_the_init_hint() {
    let (b, moto) = (Bench::new(), MotoServer::start());
    b.standard_config();
    let a = opskit(&b, &moto)
        .args(["findings", "push", "--source", "backup-check", "--state", "dynamodb://nope?region=us-east-1"])
        .write_stdin(one("disk/db-1", "critical", "disk 91% full"))
        .assert();
    assert_eq!(code(&a), 3, "a storage failure is exit 3");
    let err = stderr(&a);
    assert!(err.contains("state store dynamodb://nope (us-east-1)"), "{err}");
    assert!(err.contains("table `nope` does not exist in us-east-1"), "{err}");
    assert!(err.contains("hint: create it with `opskit state init --state dynamodb://nope?region=us-east-1`"), "{err}");
    assert!(b.slack_texts().is_empty(), "nothing is sent without a state to record it in");

    // A dry run reads the table and creates nothing either.
    let a = opskit(&b, &moto)
        .args(["findings", "push", "--source", "x", "--dry-run", "--state", "dynamodb://nope?region=us-east-1"])
        .write_stdin("[]")
        .assert();
    assert_eq!(code(&a), 3);
    assert!(client(&moto).await.list_tables().send().await.unwrap().table_names().is_empty());
}

#[test]
fn state_migrate_refuses_what_it_cannot_copy() {
    let b = Bench::new();
    b.standard_config();
    let run = |args: &[&str]| {
        let a = b.opskit().env("OPSKIT_CONFIG", b.path("opskit.toml")).args(args).assert();
        (code(&a), stderr(&a))
    };
    let (c, e) = run(&["state", "migrate", "--from", "missing.db", "--to", "other.db"]);
    assert_eq!(c, 2);
    assert!(e.contains("--from: no state file at missing.db"), "{e}");
    assert!(!b.path("other.db").exists(), "nothing was created");
    let (c, e) = run(&["state", "migrate", "--from", "a.db", "--to", "sqlite:a.db"]);
    assert_eq!(c, 2);
    assert!(e.contains("--from and --to name the same store"), "{e}");
    let (c, e) = run(&["state", "migrate", "--from", "a.db", "--to", "none"]);
    assert_eq!(c, 2);
    assert!(e.contains("--to none"), "{e}");
    let (c, e) = run(&["state", "migrate", "--from", "a.db", "--to", "dynamodb://t?region=x"]);
    assert_eq!(c, 2);
    assert!(e.contains("`t` is not a DynamoDB table name"), "{e}");
}

#[test]
fn state_init_creates_a_sqlite_file_and_then_finds_it_ready() {
    let b = Bench::new();
    b.standard_config();
    let db = b.path("sub/state.db");
    let run = |extra: &[&str]| {
        let mut args = vec!["state", "init", "--state", db.to_str().unwrap()];
        args.extend_from_slice(extra);
        b.opskit().env("OPSKIT_CONFIG", b.path("opskit.toml")).args(args).assert()
    };
    let a = run(&["--dry-run"]);
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    assert!(stdout(&a).contains("dry run: would create the state file"), "{}", stdout(&a));
    assert!(!db.exists(), "a dry run creates nothing");
    let a = run(&[]);
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    assert!(stdout(&a).starts_with("created sqlite:"), "{}", stdout(&a));
    assert!(db.exists());
    let a = run(&["-o", "json"]);
    let j: serde_json::Value = serde_json::from_str(&stdout(&a)).unwrap();
    assert_eq!(j["created"], false, "{j}");
    let a = b.opskit().env("OPSKIT_CONFIG", b.path("opskit.toml")).args(["state", "init", "--state", "none"]).assert();
    assert_eq!(code(&a), 2, "none has nothing to create");
}
