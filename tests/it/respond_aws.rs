//! The AWS side of first-response scenarios against moto server: opskit's own SSM,
//! CloudWatch and EC2 clients (`opskit::aws::{ssm, cloudwatch, ec2}`) on a moto EC2
//! instance, then the built binary running a scenario on a pushed finding, read back with
//! `opskit respond log`.
//!
//! moto 5.2 answers every SSM invocation at once as `Success` with empty output, answers
//! every instance's status checks `ok`, and does not page GetMetricData: the unit tests of
//! the clients cover failed commands, impaired checks, PartialData and paging.

use crate::common::cli::{Bench, account_toml, stderr, stdout};
use crate::common::moto::{MotoServer, sdk_config};
use opskit::aws::query::QueryError;
use opskit::aws::{cloudwatch, ec2, ssm};
use serde_json::Value;
use std::time::Duration;

const LINUX_AMI: &str = "ami-1e749f67";
/// moto's default account (what static `test` keys are).
const ACCOUNT: &str = "123456789012";
const REGION: &str = "us-east-1";
const NOW: &str = "2026-12-07T01:10:00Z";

async fn launch(sdk: &aws_config::SdkConfig) -> String {
    let ec2 = aws_sdk_ec2::Client::new(sdk);
    let r = ec2
        .run_instances()
        .image_id(LINUX_AMI)
        .instance_type(aws_sdk_ec2::types::InstanceType::T3Micro)
        .min_count(1)
        .max_count(1)
        .send()
        .await
        .unwrap();
    r.instances()[0].instance_id().unwrap().to_string()
}

/// PutMetricData through opskit's own Query client (moto keeps what it is given).
async fn put_metric(sdk: &aws_config::SdkConfig, instance: &str, at: &str, value: f64) {
    let params = [
        ("Namespace", "AWS/EC2".to_string()),
        ("MetricData.member.1.MetricName", "CPUUtilization".to_string()),
        ("MetricData.member.1.Dimensions.member.1.Name", "InstanceId".to_string()),
        ("MetricData.member.1.Dimensions.member.1.Value", instance.to_string()),
        ("MetricData.member.1.Timestamp", at.to_string()),
        ("MetricData.member.1.Value", value.to_string()),
        ("MetricData.member.1.Unit", "Percent".to_string()),
    ];
    let _: serde::de::IgnoredAny =
        opskit::aws::query::call(sdk, &cloudwatch::SERVICE, "PutMetricData", &params).await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn ssm_send_command_then_get_command_invocation_on_a_moto_instance() {
    let moto = MotoServer::start();
    let sdk = sdk_config(&moto.endpoint()).await;
    let instance = launch(&sdk).await;
    let id =
        ssm::send_command(&sdk, &instance, "AWS-RunShellScript", &["uptime".into()], 60, "opskit test").await.unwrap();
    assert!(!id.is_empty());
    let inv = ssm::get_command_invocation(&sdk, &id, &instance).await.unwrap().expect("moto knows the invocation");
    assert_eq!((inv.status.as_str(), inv.response_code), ("Success", 0));
    assert!(inv.is_terminal());

    // A command SSM never ran is an error with AWS's code, not an invocation.
    let e = ssm::get_command_invocation(&sdk, "00000000-0000-0000-0000-000000000000", &instance).await.unwrap_err();
    assert!(matches!(&e, QueryError::Service { code, .. } if code == "InvalidCommandId"), "{e:?}");
}

#[tokio::test(flavor = "multi_thread")]
async fn ec2_status_and_reboot_of_a_moto_instance() {
    let moto = MotoServer::start();
    let sdk = sdk_config(&moto.endpoint()).await;
    let instance = launch(&sdk).await;
    let s = ec2::describe_instance_status(&sdk, &instance).await.unwrap().expect("a status for the instance");
    assert_eq!(s.instance_id.as_deref(), Some(instance.as_str()));
    assert_eq!(s.instance_state.as_ref().and_then(|st| st.name.as_deref()), Some("running"));
    assert_eq!(s.system_status.as_ref().and_then(|c| c.status.as_deref()), Some("ok"));
    assert_eq!(s.instance_status.as_ref().and_then(|c| c.status.as_deref()), Some("ok"));
    assert!(ec2::reboot_instance(&sdk, &instance).await.unwrap(), "EC2 accepts the reboot");

    let e = ec2::describe_instance_status(&sdk, "i-0000000000000000f").await.unwrap_err();
    assert!(matches!(&e, QueryError::Service { code, .. } if code == "InvalidInstanceID.NotFound"), "{e:?}");
}

#[tokio::test(flavor = "multi_thread")]
async fn get_metric_data_reads_back_what_put_metric_data_stored_for_that_instance_only() {
    let moto = MotoServer::start();
    let sdk = sdk_config(&moto.endpoint()).await;
    let instance = "i-0123456789abcdef0";
    put_metric(&sdk, instance, "2026-12-07T01:08:30Z", 98.1).await;
    put_metric(&sdk, instance, "2026-12-07T01:09:30Z", 97.2).await;
    put_metric(&sdk, "i-0fedcba9876543210", "2026-12-07T01:09:40Z", 5.0).await;
    // Outside the window: not read.
    put_metric(&sdk, instance, "2026-12-07T00:50:00Z", 99.9).await;
    let q = cloudwatch::MetricQuery {
        namespace: "AWS/EC2",
        metric: "CPUUtilization",
        dimensions: vec![("InstanceId".into(), instance.into())],
        stat: "Average",
        period: Duration::from_secs(60),
    };
    let now = NOW.parse().unwrap();
    let points = cloudwatch::get_metric_data(&sdk, &q, Duration::from_secs(600), now).await.unwrap();
    let got: Vec<(String, f64)> = points.iter().map(|p| (p.at.to_string(), p.value)).collect();
    assert_eq!(got, vec![("2026-12-07T01:09:00Z".into(), 97.2), ("2026-12-07T01:08:00Z".into(), 98.1)]);
}

/// A config with moto's account, one scenario of `steps` on the `monitoring` source.
fn scenario_config(b: &Bench, steps: &str) -> std::path::PathBuf {
    b.write_config(&format!(
        "{}{}[respond]\nbudget = \"20s\"\n\n[[scenarios]]\nname = \"cpu\"\nsources = [\"monitoring\"]\nallow_recover = true\n{steps}",
        b.defaults(),
        account_toml("acme", ACCOUNT, &[REGION]),
    ))
}

fn profiles(b: &Bench) {
    std::fs::write(b.path("aws-config"), "[profile acme]\naws_access_key_id = test\naws_secret_access_key = test\n")
        .unwrap();
    std::fs::write(b.path("aws-credentials"), "").unwrap();
}

fn finding(account: &str, instance: &str) -> String {
    format!(
        r#"[{{"key":"cpu/{instance}","severity":"critical","title":"CPU high on {instance}","account":"{account}","region":"{REGION}","resources":["{instance}"]}}]"#
    )
}

/// The executions `opskit respond log` kept.
fn log(b: &Bench, endpoint: &str) -> Vec<Value> {
    let a = b.opskit_aws_at(endpoint).env("OPSKIT_NOW", NOW).args(["respond", "log", "-o", "json"]).assert();
    serde_json::from_slice(&a.get_output().stdout).unwrap_or_else(|e| panic!("{e}: {}\n{}", stdout(&a), stderr(&a)))
}

const STEPS: &str = r#"
[[scenarios.steps]]
role = "check"
name = "cpu"
metric = { namespace = "AWS/EC2", name = "CPUUtilization", dimensions = { InstanceId = "{instance}" }, window = "10m", ok_below = 90 }
[[scenarios.steps]]
role = "gather"
name = "top"
ssm = ["top -bn1 | head -20"]
[[scenarios.steps]]
role = "recover"
name = "reboot"
reboot = true
[[scenarios.steps]]
role = "verify"
name = "status checks"
ec2_status = true
"#;

#[tokio::test(flavor = "multi_thread")]
async fn a_pushed_finding_runs_metric_ssm_reboot_and_status_steps_in_its_account() {
    let moto = MotoServer::start();
    let sdk = sdk_config(&moto.endpoint()).await;
    let instance = launch(&sdk).await;
    put_metric(&sdk, &instance, "2026-12-07T01:09:30Z", 97.2).await;
    let b = Bench::new();
    profiles(&b);
    let config = scenario_config(&b, STEPS);
    let a = b
        .opskit_aws_at(&moto.endpoint())
        .env("OPSKIT_NOW", NOW)
        .args(["--config", config.to_str().unwrap(), "findings", "push", "--source", "monitoring"])
        // By id, as a script pushes it: the configured account `acme` has that id.
        .write_stdin(finding(ACCOUNT, &instance))
        .assert();
    assert!(a.get_output().status.success(), "{}\n{}", stdout(&a), stderr(&a));

    let execs = log(&b, &moto.endpoint());
    assert_eq!(execs.len(), 1, "{execs:#?}");
    let e = &execs[0];
    let steps = e["steps"].as_array().unwrap();
    let by: Vec<(&str, &str)> =
        steps.iter().map(|s| (s["name"].as_str().unwrap(), s["outcome"].as_str().unwrap())).collect();
    assert_eq!(by, vec![("cpu", "failed"), ("top", "ok"), ("reboot", "ok"), ("status checks", "ok")], "{e:#}");
    assert_eq!(
        steps[0]["output"],
        "AWS/EC2 CPUUtilization Average/1m: latest 97.2 at 2026-12-07 10:09 JST, max 97.2 over 1 point"
    );
    assert_eq!(steps[2]["output"], format!("EC2 accepted the reboot of {instance}"));
    assert_eq!(steps[3]["output"], format!("{instance} running, system status ok, instance status ok"));
    assert_eq!(e["status"], "recovered", "{e:#}");
    let sent: Value = ssm::call(&sdk, "ListCommands", &serde_json::json!({})).await.unwrap();
    let sent = sent["Commands"].as_array().unwrap();
    assert_eq!(sent.len(), 1, "one SendCommand, for the gather step: {sent:#?}");
    assert_eq!(sent[0]["InstanceIds"], serde_json::json!([instance]));
    assert_eq!(sent[0]["Parameters"]["commands"], serde_json::json!(["top -bn1 | head -20"]));
}

#[tokio::test(flavor = "multi_thread")]
async fn a_finding_of_an_account_not_in_the_config_reaches_no_aws() {
    let moto = MotoServer::start();
    let sdk = sdk_config(&moto.endpoint()).await;
    let instance = launch(&sdk).await;
    let b = Bench::new();
    profiles(&b);
    let config = scenario_config(&b, STEPS);
    let a = b
        .opskit_aws_at(&moto.endpoint())
        .env("OPSKIT_NOW", NOW)
        .args(["--config", config.to_str().unwrap(), "findings", "push", "--source", "monitoring"])
        .write_stdin(finding("999988887777", &instance))
        .assert();
    assert!(a.get_output().status.success(), "the finding is still delivered: {}", stderr(&a));

    let execs = log(&b, &moto.endpoint());
    let steps = execs[0]["steps"].as_array().unwrap();
    let outcomes: Vec<&str> = steps.iter().map(|s| s["outcome"].as_str().unwrap()).collect();
    assert!(outcomes.iter().all(|o| *o == "error"), "{outcomes:?}");
    assert!(
        steps[0]["output"].as_str().unwrap().starts_with("opskit has no credentials for account 999988887777"),
        "{:#}",
        steps[0]
    );
    assert_ne!(execs[0]["status"], "recovered");
    // Nothing reached moto's SSM (the instance is in moto's default account).
    let sent: Value = ssm::call(&sdk, "ListCommands", &serde_json::json!({})).await.unwrap();
    assert_eq!(sent["Commands"], serde_json::json!([]), "{sent:#}");
}
