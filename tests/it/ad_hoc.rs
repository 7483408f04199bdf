//! Ad-hoc use without a config file, the way `aws --profile P --region R` works:
//! `--profile` (or `AWS_PROFILE`) and `--region` make the one target of the run, a read-only
//! command keeps no state, and a missing region or a `--region` nobody is configured in is
//! a usage error that says what to give.

use crate::common;
use crate::spine_e2e::outputs;

use common::cli::*;
use common::moto::{MotoServer, sdk_config};

/// A profile whose static keys moto maps to its default account, 123456789012.
fn moto_profile(b: &Bench) {
    std::fs::write(
        b.path("aws-config"),
        "[profile customer-a]\naws_access_key_id = test\naws_secret_access_key = test\n",
    )
    .unwrap();
    std::fs::write(b.path("aws-credentials"), "").unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn inventory_show_with_profile_and_region_needs_no_config_and_keeps_no_state() {
    let moto = MotoServer::start();
    let sdk = sdk_config(&moto.endpoint()).await;
    let tokyo = aws_sdk_ec2::Client::new(&sdk.to_builder().region(aws_config::Region::new("ap-northeast-1")).build());
    let vpc = tokyo.create_vpc().cidr_block("10.42.0.0/16").send().await.unwrap().vpc.unwrap().vpc_id.unwrap();

    let b = Bench::new();
    moto_profile(&b);
    let a = b
        .opskit_aws_at(&moto.endpoint())
        .args(["inventory", "show", "--profile", "customer-a", "--region", "ap-northeast-1"])
        .args(["--resource-types", "vpc", "-o", "json"])
        .assert();
    assert_eq!(code(&a), 0, "{}", outputs(&a));
    let rs = json_array(&a);
    assert!(rs.iter().any(|r| r["id"] == vpc.as_str()), "the VPC made in Tokyo is listed: {rs:?}");
    assert!(rs.iter().all(|r| r["region"] == "ap-northeast-1"), "only the region asked for: {rs:?}");
    assert!(rs.iter().all(|r| r["account"] == "customer-a"), "the target is named after the profile: {rs:?}");
    assert!(!b.path("xdg-state").join("opskit").exists(), "a read-only ad-hoc run keeps no state");

    // AWS_PROFILE and AWS_REGION, as the AWS CLI takes them.
    let a = b
        .opskit_aws_at(&moto.endpoint())
        .args(["inventory", "show", "--resource-types", "vpc", "-o", "json"])
        .env("AWS_PROFILE", "customer-a")
        .env("AWS_REGION", "ap-northeast-1")
        .assert();
    assert_eq!(code(&a), 0, "{}", outputs(&a));
    assert!(json_array(&a).iter().any(|r| r["id"] == vpc.as_str() && r["account"] == "customer-a"));
}

#[test]
fn an_ad_hoc_profile_without_a_region_is_refused_naming_region_and_calls_nothing() {
    let b = Bench::new();
    b.aws_profiles(&[("customer-a", "111122223333")]);
    let a = b.opskit_aws().args(["inventory", "show", "--profile", "customer-a"]).assert();
    assert_eq!(code(&a), 2, "{}", outputs(&a));
    let err = stderr(&a);
    assert!(err.contains("profile `customer-a`") && err.contains("--region") && err.contains("AWS_REGION"), "{err}");
    assert!(b.sandbox.requests().is_empty(), "no region guessed, no call made: {:?}", b.sandbox.requests());
}

#[test]
fn a_region_or_profile_no_configured_account_has_is_refused_naming_the_configured_ones() {
    let b = Bench::new();
    b.aws_profiles(&[("acme", "111122223333")]);
    b.write_config(&format!(
        "{}[[accounts]]\nname = \"acme\"\nprofile = \"acme\"\nregions = [\"eu-west-1\", \"us-east-1\"]\n",
        b.defaults()
    ));
    let a = b.opskit_aws().args(["dx-vif", "poll", "--dry-run", "--region", "ap-northeast-1"]).assert();
    assert_eq!(code(&a), 2, "{}", outputs(&a));
    let err = stderr(&a);
    assert!(err.contains("`ap-northeast-1`") && err.contains("configured regions: eu-west-1, us-east-1"), "{err}");
    let a = b.opskit_aws().args(["dx-vif", "poll", "--dry-run", "--profile", "customer-b"]).assert();
    assert_eq!(code(&a), 2, "{}", outputs(&a));
    let err = stderr(&a);
    assert!(err.contains("profile `customer-b`") && err.contains("configured accounts: acme"), "{err}");
    assert!(b.sandbox.requests().is_empty(), "{:?}", b.sandbox.requests());
}
