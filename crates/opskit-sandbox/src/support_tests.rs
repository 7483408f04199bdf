//! Tests of the Support API fake's legacy Trusted Advisor operations through the real
//! `aws_sdk_support::Client`, and of ListChecks through `aws_sdk_trustedadvisor::Client`:
//! both APIs must tell the same story about the same checks.

use super::*;
use aws_sdk_support::Client;
use aws_sdk_support::error::ProvideErrorMetadata as _;
use aws_sdk_support::types::{TrustedAdvisorCheckDescription, TrustedAdvisorCheckSummary};
use aws_sdk_trustedadvisor::types::{CheckSummary, RecommendationPillar, RecommendationSource};
use serde_json::json;
use std::collections::HashMap;

/// A Support client signed as `account` for us-east-1 (where AWS serves the TA operations).
async fn support(sb: &Sandbox, account: &str) -> Client {
    Client::new(&test_sdk_config(sb, account, "us-east-1").await)
}

async fn ta(sb: &Sandbox, account: &str) -> aws_sdk_trustedadvisor::Client {
    aws_sdk_trustedadvisor::Client::new(&test_sdk_config(sb, account, "us-east-1").await)
}

async fn checks(c: &Client) -> Vec<TrustedAdvisorCheckDescription> {
    c.describe_trusted_advisor_checks().language("en").send().await.expect("the checks").checks().to_vec()
}

fn headers(check: &TrustedAdvisorCheckDescription) -> Vec<&str> {
    check.metadata().iter().map(|h| h.as_deref().unwrap_or("")).collect()
}

const DEMO_CHECKS: [&str; 6] = [
    TA_ROOT_MFA_CHECK,
    TA_SG_CHECK,
    TA_EBS_SNAPSHOTS_CHECK,
    TA_LOW_UTILIZATION_EC2_CHECK,
    TA_S3_PERMISSIONS_CHECK,
    TA_RDS_IDLE_CHECK,
];

#[tokio::test]
async fn checks_are_the_recommendations_checks_with_their_column_headers() {
    let sb = Sandbox::start().await.unwrap();
    let c = support(&sb, TA_DEMO_ACCOUNT).await;
    let checks = checks(&c).await;

    // The ids are the tails of the new API's checkArns, in the same order.
    let recs = ta(&sb, TA_DEMO_ACCOUNT).await.list_recommendations().send().await.unwrap();
    let tails: Vec<&str> = recs
        .recommendation_summaries()
        .iter()
        .filter_map(|r| r.check_arn()?.strip_prefix("arn:aws:trustedadvisor:::check/"))
        .collect();
    let ids: Vec<&str> = checks.iter().map(|c| c.id()).collect();
    assert_eq!(ids, tails);
    assert_eq!(ids, DEMO_CHECKS);

    let sg = &checks[1];
    assert_eq!((sg.name(), sg.category()), (TA_SG_RECOMMENDATION_NAME, "security"));
    assert!(sg.description().starts_with("Checks security groups"));
    assert_eq!(
        headers(sg),
        ["Region", "Security Group Name", "Security Group ID", "Protocol", "From Port", "To Port", "Status"]
    );
    let categories: Vec<&str> = checks.iter().map(|c| c.category()).collect();
    assert_eq!(
        categories,
        ["security", "security", "fault_tolerance", "cost_optimizing", "security", "cost_optimizing"]
    );
    assert!(checks[5].metadata().is_empty(), "a check without resources has no headers to derive");

    // A recommendation without a checkArn is not a legacy check.
    sb.ta_put_recommendation(TA_DEMO_ACCOUNT, json!({"name": "Priority only", "source": "manual"})).unwrap();
    assert_eq!(checks_len(&c).await, 6);

    // language is required and checked.
    for language in [None, Some("xx")] {
        let err = c.describe_trusted_advisor_checks().set_language(language.map(Into::into)).send().await;
        assert_eq!(err.unwrap_err().code(), Some("InvalidParameterValueException"), "{language:?}");
    }
    assert_eq!(
        c.describe_trusted_advisor_checks().language("ja").send().await.unwrap().checks().len(),
        6,
        "any supported language"
    );

    let second = checks_of(&sb, TA_SECOND_ACCOUNT).await;
    assert_eq!(second, [TA_SG_CHECK, TA_EBS_SNAPSHOTS_CHECK], "per account");
}

/// The `checkIds` member as the SDK types it.
fn ids(ids: &[&str]) -> Option<Vec<Option<String>>> {
    Some(ids.iter().map(|id| Some(id.to_string())).collect())
}

async fn checks_len(c: &Client) -> usize {
    checks(c).await.len()
}

async fn checks_of(sb: &Sandbox, account: &str) -> Vec<String> {
    checks(&support(sb, account).await).await.iter().map(|c| c.id().to_string()).collect()
}

#[tokio::test]
async fn summaries_for_every_check_in_one_call_map_the_statuses() {
    let sb = Sandbox::start().await.unwrap();
    let c = support(&sb, TA_DEMO_ACCOUNT).await;
    let out = c.describe_trusted_advisor_check_summaries().set_check_ids(ids(&DEMO_CHECKS)).send().await.unwrap();
    let summaries: HashMap<&str, &TrustedAdvisorCheckSummary> =
        out.summaries().iter().map(|s| (s.check_id(), s)).collect();
    assert_eq!(out.summaries().len(), 6);
    let status = |id: &str| summaries[id].status();
    assert_eq!(
        DEMO_CHECKS.map(status),
        ["error", "error", "warning", "warning", "ok", "not_available"],
        "ok + no_data_ok is not_available"
    );
    for s in out.summaries() {
        assert_eq!(s.timestamp(), "2026-11-20T06:12:00Z");
    }

    let sg = summaries[TA_SG_CHECK];
    assert!(sg.has_flagged_resources());
    let r = sg.resources_summary().unwrap();
    assert_eq!(
        (r.resources_processed(), r.resources_flagged(), r.resources_ignored(), r.resources_suppressed()),
        (3, 3, 0, 1)
    );
    assert!(sg.category_specific_summary().unwrap().cost_optimizing().is_none());
    let s3 = summaries[TA_S3_PERMISSIONS_CHECK];
    assert!(!s3.has_flagged_resources());
    assert_eq!(s3.resources_summary().map(|r| (r.resources_processed(), r.resources_flagged())), Some((2, 0)));
    let ec2 = summaries[TA_LOW_UTILIZATION_EC2_CHECK].category_specific_summary().unwrap();
    let savings = ec2.cost_optimizing().unwrap();
    assert_eq!((savings.estimated_monthly_savings(), savings.estimated_percent_monthly_savings()), (91.98, 7.5));
    let rds = summaries[TA_RDS_IDLE_CHECK].category_specific_summary().unwrap();
    assert_eq!(rds.cost_optimizing().map(|c| c.estimated_monthly_savings()), Some(0.0), "cost check, no data");

    // The same data as the new API: a status change shows here.
    sb.ta_set_status(TA_DEMO_ACCOUNT, TA_RDS_IDLE_RECOMMENDATION, "warning").unwrap();
    let out =
        c.describe_trusted_advisor_check_summaries().set_check_ids(ids(&[TA_RDS_IDLE_CHECK])).send().await.unwrap();
    assert_eq!(out.summaries()[0].status(), "warning");

    let err = c.describe_trusted_advisor_check_summaries().set_check_ids(ids(&[TA_SG_CHECK, "nope"])).send().await;
    let err = err.unwrap_err();
    assert_eq!(err.code(), Some("InvalidParameterValueException"));
    assert_eq!(err.message(), Some("Check id nope is invalid"));
    let none = c.describe_trusted_advisor_check_summaries().set_check_ids(Some(vec![])).send().await.unwrap();
    assert!(none.summaries().is_empty());
}

#[tokio::test]
async fn a_check_result_lists_flagged_resources_with_positional_metadata() {
    let sb = Sandbox::start().await.unwrap();
    let c = support(&sb, TA_DEMO_ACCOUNT).await;
    let sg_headers = headers(&checks(&c).await[1]).iter().map(|h| h.to_string()).collect::<Vec<_>>();
    let out = c.describe_trusted_advisor_check_result().check_id(TA_SG_CHECK).language("en").send().await.unwrap();
    let result = out.result().unwrap();
    assert_eq!((result.check_id(), result.status()), (TA_SG_CHECK, "error"));
    assert_eq!(result.resources_summary().map(|r| r.resources_suppressed()), Some(1));
    let flagged = result.flagged_resources();
    let ids: Vec<&str> = flagged.iter().map(|r| r.resource_id()).collect();
    assert_eq!(ids, [TA_SG_MYSQL_RESOURCE, TA_SG_EXCLUDED_RESOURCE, TA_SG_SSH_RESOURCE]);
    let suppressed: Vec<bool> = flagged.iter().map(|r| r.is_suppressed()).collect();
    assert_eq!(suppressed, [false, true, false], "the excluded SG is suppressed");
    let statuses: Vec<&str> = flagged.iter().map(|r| r.status()).collect();
    assert_eq!(statuses, ["error", "error", "warning"]);

    // Each value sits under its header: the same as the new API's metadata map.
    let resources = sb.ta_resources(TA_DEMO_ACCOUNT, TA_SG_RECOMMENDATION).unwrap();
    for r in flagged {
        assert_eq!(r.region(), Some("ap-northeast-1"));
        assert_eq!(r.metadata().len(), sg_headers.len());
        let stored = resources.iter().find(|x| x["id"] == r.resource_id()).unwrap();
        for (header, value) in sg_headers.iter().zip(r.metadata()) {
            assert_eq!(value.as_deref(), stored["metadata"][header].as_str(), "{header}");
        }
    }
    assert_eq!(flagged[1].metadata()[2].as_deref(), Some("sg-0b2c3d4e5f6071829"), "Security Group ID is third");

    // A global resource has no region; ok resources are not flagged.
    let mfa = c.describe_trusted_advisor_check_result().check_id(TA_ROOT_MFA_CHECK).send().await.unwrap();
    let mfa = &mfa.result().unwrap().flagged_resources()[0];
    assert_eq!(
        (mfa.resource_id(), mfa.region(), mfa.metadata()),
        (TA_ROOT_MFA_RESOURCE, None, &[Some("Red".into())][..])
    );
    let s3 = c.describe_trusted_advisor_check_result().check_id(TA_S3_PERMISSIONS_CHECK).send().await.unwrap();
    assert!(s3.result().unwrap().flagged_resources().is_empty());

    // Resource changes made through the sandbox show up.
    sb.ta_remove_resource(TA_DEMO_ACCOUNT, TA_SG_RECOMMENDATION, TA_SG_MYSQL_RESOURCE).unwrap();
    let out = c.describe_trusted_advisor_check_result().check_id(TA_SG_CHECK).send().await.unwrap();
    let result = out.result().unwrap();
    assert_eq!((result.status(), result.flagged_resources().len()), ("warning", 2));

    let err = c.describe_trusted_advisor_check_result().check_id("nope").send().await.unwrap_err();
    assert_eq!(err.code(), Some("InvalidParameterValueException"));
    let err = c.describe_trusted_advisor_check_result().send().await.unwrap_err();
    assert_eq!(err.code(), Some("InvalidParameterValueException"), "checkId is required");
}

#[tokio::test]
async fn an_account_without_business_support_needs_a_subscription() {
    let sb = Sandbox::start().await.unwrap();
    let c = support(&sb, TA_UNSUPPORTED_ACCOUNT).await;
    let err = c.describe_trusted_advisor_checks().language("en").send().await.unwrap_err();
    assert_eq!(err.code(), Some("SubscriptionRequiredException"));
    assert_eq!(err.message(), Some(SUPPORT_SUBSCRIPTION_REQUIRED_MESSAGE));
    let err = c.describe_trusted_advisor_check_summaries().set_check_ids(ids(&[TA_SG_CHECK])).send().await.unwrap_err();
    assert_eq!(err.code(), Some("SubscriptionRequiredException"));
    let err = c.describe_trusted_advisor_check_result().send().await.unwrap_err();
    assert_eq!(err.code(), Some("SubscriptionRequiredException"), "before the input is read");
    let last = sb.requests().pop().unwrap();
    assert_eq!(last.status, 400);
    assert_eq!(last.header("x-amz-target"), Some("AWSSupport_20130415.DescribeTrustedAdvisorCheckResult"));
    assert_eq!(Caller::from_request(&last).map(|c| c.service), Some("support".into()));

    sb.ta_set_support(TA_UNSUPPORTED_ACCOUNT, true);
    assert!(checks(&c).await.is_empty(), "with the plan: an account without checks");

    // An operation the fake lacks.
    let err = support(&sb, TA_DEMO_ACCOUNT).await.describe_services().send().await.unwrap_err();
    assert_eq!(err.code(), Some("UnknownOperationException"));
}

async fn all_checks(
    c: &aws_sdk_trustedadvisor::Client,
    max_results: Option<i32>,
    pillar: Option<RecommendationPillar>,
) -> (Vec<CheckSummary>, Vec<usize>) {
    let (mut checks, mut pages, mut token) = (Vec::new(), Vec::new(), None);
    loop {
        let call = c.list_checks().set_max_results(max_results).set_pillar(pillar.clone()).set_next_token(token);
        let out = call.send().await.expect("a page");
        pages.push(out.check_summaries().len());
        checks.extend(out.check_summaries().iter().cloned());
        token = out.next_token().map(str::to_string);
        if token.is_none() {
            return (checks, pages);
        }
    }
}

#[tokio::test]
async fn list_checks_matches_the_legacy_checks_and_pages() {
    let sb = Sandbox::start().await.unwrap();
    let c = ta(&sb, TA_DEMO_ACCOUNT).await;
    let (listed, pages) = all_checks(&c, Some(4), None).await;
    assert_eq!(pages, [4, 2]);
    let ids: Vec<&str> = listed.iter().map(|c| c.id()).collect();
    assert_eq!(ids, DEMO_CHECKS);
    let legacy = checks(&support(&sb, TA_DEMO_ACCOUNT).await).await;
    for (new, old) in listed.iter().zip(&legacy) {
        assert_eq!(new.arn(), format!("arn:aws:trustedadvisor:::check/{}", old.id()));
        assert_eq!((new.name(), new.description()), (old.name(), old.description()));
        assert_eq!(new.source(), &RecommendationSource::TaCheck);
        let positional: Vec<Option<String>> =
            (0..new.metadata().len()).map(|i| new.metadata().get(&i.to_string()).cloned()).collect();
        assert_eq!(positional, old.metadata(), "{}: metadata keyed by position", new.id());
    }
    assert_eq!(listed[3].pillars(), [RecommendationPillar::CostOptimizing]);
    assert_eq!(listed[3].aws_services(), ["ec2"]);

    let (security, _) = all_checks(&c, None, Some(RecommendationPillar::Security)).await;
    assert_eq!(
        security.iter().map(|c| c.id()).collect::<Vec<_>>(),
        [TA_ROOT_MFA_CHECK, TA_SG_CHECK, TA_S3_PERMISSIONS_CHECK]
    );
    let rds = c.list_checks().aws_service("rds").send().await.unwrap();
    assert_eq!(rds.check_summaries().iter().map(|c| c.id()).collect::<Vec<_>>(), [TA_RDS_IDLE_CHECK]);

    // Many checks: the default page is 100, the paginator follows the tokens.
    let account = "121212121212";
    sb.ta_generate(account, 250, 0).unwrap();
    let many = ta(&sb, account).await;
    assert_eq!(all_checks(&many, None, None).await.1, [100, 100, 50]);
    let (all, pages) = all_checks(&many, Some(200), None).await;
    assert_eq!((all.len(), pages), (250, vec![200, 50]));
    let paged: Vec<CheckSummary> =
        many.list_checks().max_results(60).into_paginator().items().send().collect::<Result<_, _>>().await.unwrap();
    assert_eq!(paged.len(), 250);
    let err = many.list_checks().max_results(201).send().await.unwrap_err().into_service_error();
    assert!(err.is_validation_exception(), "{err:?}");
    let err = many.list_checks().next_token("not-a-token-of-ours").send().await.unwrap_err().into_service_error();
    assert!(err.is_validation_exception(), "{err:?}");

    let err = ta(&sb, TA_UNSUPPORTED_ACCOUNT).await.list_checks().send().await.unwrap_err();
    assert_eq!(aws_sdk_trustedadvisor::error::ProvideErrorMetadata::code(&err), Some("AccessDeniedException"));
}
