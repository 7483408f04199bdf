//! Tests of the Trusted Advisor fake through the real `aws_sdk_trustedadvisor::Client`: if
//! the SDK's own parsers read the answers (restJson1, ISO-8601 timestamps, errors from
//! `x-amzn-ErrorType`), the fake speaks the wire protocol.

use super::*;
use aws_sdk_trustedadvisor::Client;
use aws_sdk_trustedadvisor::error::ProvideErrorMetadata as _;
use aws_sdk_trustedadvisor::operation::RequestId as _;
use aws_sdk_trustedadvisor::types::{
    ExclusionStatus, RecommendationLifecycleStage, RecommendationPillar, RecommendationSource, RecommendationStatus,
    RecommendationSummary, RecommendationType, ResourceStatus, StatusReason,
};
use serde_json::json;
use std::time::{Duration, Instant};

/// A client signed as `account` (for us-east-1, as opskit pins it), talking to the sandbox.
async fn ta(sb: &Sandbox, account: &str) -> Client {
    ta_in(sb, account, "us-east-1").await
}

async fn ta_in(sb: &Sandbox, account: &str, region: &str) -> Client {
    Client::new(&test_sdk_config(sb, account, region).await)
}

/// Every recommendation the caller lists, following `nextToken`; also the page sizes.
async fn all_recommendations(c: &Client, max_results: Option<i32>) -> (Vec<RecommendationSummary>, Vec<usize>) {
    let (mut recs, mut pages, mut token) = (Vec::new(), Vec::new(), None);
    loop {
        let out = c.list_recommendations().set_max_results(max_results).set_next_token(token).send().await;
        let out = out.expect("a page");
        pages.push(out.recommendation_summaries().len());
        recs.extend(out.recommendation_summaries().iter().cloned());
        token = out.next_token().map(str::to_string);
        if token.is_none() {
            return (recs, pages);
        }
    }
}

fn by_id<'a>(recs: &'a [RecommendationSummary], id: &str) -> &'a RecommendationSummary {
    recs.iter().find(|r| r.id() == id).unwrap_or_else(|| panic!("{id} is listed"))
}

#[tokio::test]
async fn seeded_recommendations_parse_into_the_sdk_types() {
    let sb = Sandbox::start().await.unwrap();
    let c = ta(&sb, TA_DEMO_ACCOUNT).await;
    let (recs, _) = all_recommendations(&c, None).await;
    assert_eq!(recs.len(), 6);
    let statuses = |s: RecommendationStatus| recs.iter().filter(|r| *r.status() == s).count();
    assert_eq!(
        [
            statuses(RecommendationStatus::Error),
            statuses(RecommendationStatus::Warning),
            statuses(RecommendationStatus::Ok)
        ],
        [2, 2, 2]
    );
    for r in &recs {
        assert_eq!(r.arn(), ta_recommendation_arn(TA_DEMO_ACCOUNT, r.id()));
        assert_eq!((r.r#type(), r.source()), (&RecommendationType::Standard, &RecommendationSource::TaCheck));
        assert!(r.check_arn().is_some_and(|a| a.starts_with("arn:aws:trustedadvisor:::check/")));
        assert!(r.created_at().is_some() && r.last_updated_at().is_some());
        assert!(!r.pillars().is_empty() && !r.aws_services().is_empty() && r.resources_aggregates().is_some());
    }

    let mfa = by_id(&recs, TA_ROOT_MFA_RECOMMENDATION);
    assert_eq!((mfa.name(), mfa.pillars()), (TA_ROOT_MFA_RECOMMENDATION_NAME, &[RecommendationPillar::Security][..]));
    assert_eq!(mfa.check_arn(), Some("arn:aws:trustedadvisor:::check/7DAFEmoDos"));
    assert_eq!(mfa.last_updated_at().map(|t| t.secs()), Some(1_795_155_120), "ISO-8601 on the wire");
    assert_eq!(mfa.lifecycle_stage(), Some(&RecommendationLifecycleStage::InProgress));

    let sg = by_id(&recs, TA_SG_RECOMMENDATION);
    let agg = sg.resources_aggregates().unwrap();
    assert_eq!(
        (agg.error_count(), agg.warning_count(), agg.ok_count(), agg.excluded_count()),
        (1, 1, 0, Some(1)),
        "the excluded error counts only as excluded"
    );
    let ebs = by_id(&recs, TA_EBS_SNAPSHOTS_RECOMMENDATION);
    assert_eq!(ebs.lifecycle_stage(), Some(&RecommendationLifecycleStage::Dismissed));
    assert_eq!(ebs.pillars(), [RecommendationPillar::FaultTolerance]);
    let ec2 = by_id(&recs, TA_LOW_UTILIZATION_EC2_RECOMMENDATION);
    let savings = ec2.pillar_specific_aggregates().and_then(|p| p.cost_optimizing()).unwrap();
    assert_eq!((savings.estimated_monthly_savings(), savings.estimated_percent_monthly_savings()), (91.98, 7.5));
    let rds = by_id(&recs, TA_RDS_IDLE_RECOMMENDATION);
    assert_eq!((rds.status(), rds.status_reason()), (&RecommendationStatus::Ok, Some(&StatusReason::NoDataOk)));
    assert_eq!(by_id(&recs, TA_S3_PERMISSIONS_RECOMMENDATION).resources_aggregates().unwrap().ok_count(), 2);

    let arn = ta_recommendation_arn(TA_DEMO_ACCOUNT, TA_SG_RECOMMENDATION);
    let got = c.get_recommendation().recommendation_identifier(&arn).send().await.unwrap();
    let got = got.recommendation().unwrap();
    assert_eq!(
        (got.id(), got.name(), got.status()),
        (TA_SG_RECOMMENDATION, TA_SG_RECOMMENDATION_NAME, &RecommendationStatus::Error)
    );
    assert!(got.description().contains("0.0.0.0/0"));

    let out = c.list_recommendation_resources().recommendation_identifier(&arn).send().await.unwrap();
    let res = out.recommendation_resource_summaries();
    assert_eq!(res.len(), 3);
    let excluded = res.iter().find(|r| r.id() == TA_SG_EXCLUDED_RESOURCE).unwrap();
    assert_eq!((excluded.exclusion_status(), excluded.status()), (&ExclusionStatus::Excluded, &ResourceStatus::Error));
    for r in res {
        assert_eq!(r.recommendation_arn(), arn);
        assert_eq!(
            r.arn(),
            format!(
                "arn:aws:trustedadvisor::{TA_DEMO_ACCOUNT}:recommendation-resource/{TA_SG_RECOMMENDATION}/{}",
                r.id()
            )
        );
        assert_eq!(r.region_code(), "ap-northeast-1");
        assert!(r.aws_resource_id().starts_with("sg-"));
        for key in ["Region", "Security Group Name", "Security Group ID", "Protocol", "From Port", "To Port", "Status"]
        {
            assert!(r.metadata().contains_key(key), "{key}");
        }
    }
    let ssh = res.iter().find(|r| r.id() == TA_SG_SSH_RESOURCE).unwrap();
    assert_eq!((ssh.status(), ssh.metadata()["From Port"].as_str()), (&ResourceStatus::Warning, "22"));
}

#[tokio::test]
async fn list_filters_narrow_recommendations_and_resources() {
    let sb = Sandbox::start().await.unwrap();
    let c = ta(&sb, TA_DEMO_ACCOUNT).await;
    let ids = |out: &[RecommendationSummary]| out.iter().map(|r| r.id().to_string()).collect::<Vec<_>>();
    let errors = c.list_recommendations().status(RecommendationStatus::Error).send().await.unwrap();
    assert_eq!(ids(errors.recommendation_summaries()), [TA_ROOT_MFA_RECOMMENDATION, TA_SG_RECOMMENDATION]);
    let cost = c.list_recommendations().pillar(RecommendationPillar::CostOptimizing).send().await.unwrap();
    assert_eq!(
        ids(cost.recommendation_summaries()),
        [TA_LOW_UTILIZATION_EC2_RECOMMENDATION, TA_RDS_IDLE_RECOMMENDATION]
    );
    let s3 = c.list_recommendations().aws_service("s3").send().await.unwrap();
    assert_eq!(ids(s3.recommendation_summaries()), [TA_S3_PERMISSIONS_RECOMMENDATION]);
    let check = c.list_recommendations().check_identifier("arn:aws:trustedadvisor:::check/Qch7DwouX1").send().await;
    assert_eq!(ids(check.unwrap().recommendation_summaries()), [TA_LOW_UTILIZATION_EC2_RECOMMENDATION]);
    let priority = c.list_recommendations().r#type(RecommendationType::Priority).send().await.unwrap();
    assert!(priority.recommendation_summaries().is_empty());

    let arn = ta_recommendation_arn(TA_DEMO_ACCOUNT, TA_SG_RECOMMENDATION);
    let list = || c.list_recommendation_resources().recommendation_identifier(&arn);
    let included = list().exclusion_status(ExclusionStatus::Included).send().await.unwrap();
    let got: Vec<&str> = included.recommendation_resource_summaries().iter().map(|r| r.id()).collect();
    assert_eq!(got, [TA_SG_MYSQL_RESOURCE, TA_SG_SSH_RESOURCE]);
    let warnings = list().status(ResourceStatus::Warning).send().await.unwrap();
    assert_eq!(warnings.recommendation_resource_summaries().len(), 1);
    assert!(list().region_code("eu-west-1").send().await.unwrap().recommendation_resource_summaries().is_empty());

    // Values outside the model's enums are the service's ValidationException.
    let err = c.list_recommendations().status(RecommendationStatus::from("red")).send().await.unwrap_err();
    let err = err.into_service_error();
    assert!(err.is_validation_exception(), "{err:?}");
    assert!(err.message().unwrap_or("").contains("'red' at 'status'"));
}

#[tokio::test]
async fn recommendations_and_resources_come_back_in_pages_following_next_token() {
    let sb = Sandbox::start().await.unwrap();
    sb.ta_generate(TA_SECOND_ACCOUNT, 248, 3).unwrap();
    let c = ta(&sb, TA_SECOND_ACCOUNT).await;
    let (recs, pages) = all_recommendations(&c, Some(100)).await;
    assert_eq!(pages, [100, 100, 50], "248 generated + 2 seeded");
    let mut ids: Vec<&str> = recs.iter().map(|r| r.id()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), 250, "every recommendation once");
    assert_eq!(all_recommendations(&c, None).await.1, [100, 100, 50], "no maxResults: pages of 100");
    assert_eq!(all_recommendations(&c, Some(200)).await.1, [200, 50]);
    let generated = recs.iter().filter(|r| r.name().starts_with("Generated"));
    let errors = generated.clone().filter(|r| *r.status() == RecommendationStatus::Error).count();
    assert_eq!(errors, 83, "a third each");
    assert!(
        generated
            .clone()
            .all(|r| r.resources_aggregates().is_some_and(|a| a.ok_count() + a.warning_count() + a.error_count() == 3))
    );

    let pages: Vec<_> = c.list_recommendations().into_paginator().page_size(100).send().try_collect().await.unwrap();
    assert_eq!(pages.len(), 3, "the SDK's paginator follows the tokens too");
    let items: Vec<_> = c.list_recommendations().into_paginator().items().send().try_collect().await.unwrap();
    assert_eq!(items.len(), 250);

    for max in [0, 201] {
        let err = c.list_recommendations().max_results(max).send().await.unwrap_err().into_service_error();
        assert!(err.is_validation_exception(), "maxResults {max}: {err:?}");
    }
    let err = c.list_recommendations().next_token("not-one-of-ours").send().await.unwrap_err();
    assert!(err.into_service_error().is_validation_exception());

    // Resources: one recommendation with 250 of them.
    let rec = "6e6e0000-0000-4000-8000-000000000000";
    for j in 0..247 {
        sb.ta_put_resource(TA_SECOND_ACCOUNT, rec, json!({"id": format!("extra{j:04}"), "status": "ok"})).unwrap();
    }
    let arn = ta_recommendation_arn(TA_SECOND_ACCOUNT, rec);
    let pages: Vec<_> = c
        .list_recommendation_resources()
        .recommendation_identifier(&arn)
        .into_paginator()
        .send()
        .try_collect()
        .await
        .unwrap();
    let sizes: Vec<usize> = pages.iter().map(|p| p.recommendation_resource_summaries().len()).collect();
    assert_eq!(sizes, [100, 100, 50]);
    let out = c.list_recommendation_resources().recommendation_identifier(&arn).max_results(5000).send().await.unwrap();
    assert_eq!((out.recommendation_resource_summaries().len(), out.next_token()), (250, None));
    let err = c.list_recommendation_resources().recommendation_identifier(&arn).max_results(5001).send().await;
    assert!(err.unwrap_err().into_service_error().is_validation_exception());
}

#[tokio::test]
async fn an_account_without_business_support_is_denied_while_others_work() {
    let sb = Sandbox::start().await.unwrap();
    let denied = ta(&sb, TA_UNSUPPORTED_ACCOUNT).await;
    let err = denied.list_recommendations().send().await.unwrap_err().into_service_error();
    assert!(err.is_access_denied_exception(), "{err:?}");
    assert_eq!((err.code(), err.message()), (Some("AccessDeniedException"), Some(TA_ACCESS_DENIED_MESSAGE)));
    assert!(err.request_id().is_some_and(|id| id.len() == 36), "x-amzn-RequestId reaches the SDK");
    let arn = ta_recommendation_arn(TA_UNSUPPORTED_ACCOUNT, TA_SG_RECOMMENDATION);
    let err = denied.get_recommendation().recommendation_identifier(&arn).send().await.unwrap_err();
    assert_eq!(err.code(), Some("AccessDeniedException"), "on every call, before the lookup");

    let (recs, _) = all_recommendations(&ta(&sb, TA_SECOND_ACCOUNT).await, None).await;
    assert_eq!(recs.len(), 2, "another account still works");
    assert_eq!(
        recs.iter().map(|r| r.status().clone()).collect::<Vec<_>>(),
        [RecommendationStatus::Error, RecommendationStatus::Warning]
    );

    sb.ta_set_support(TA_UNSUPPORTED_ACCOUNT, true);
    assert!(all_recommendations(&denied, None).await.0.is_empty(), "with the plan: an empty account");
    sb.ta_set_support(TA_SECOND_ACCOUNT, false);
    let err = ta(&sb, TA_SECOND_ACCOUNT).await.list_recommendations().send().await.unwrap_err();
    assert_eq!(err.code(), Some("AccessDeniedException"));
}

#[tokio::test]
async fn unknown_recommendations_are_not_found_and_accounts_are_isolated() {
    let sb = Sandbox::start().await.unwrap();
    let c = ta(&sb, TA_SECOND_ACCOUNT).await;
    // The demo account's ARN, asked by another account.
    let arn = ta_recommendation_arn(TA_DEMO_ACCOUNT, TA_SG_RECOMMENDATION);
    let err = c.get_recommendation().recommendation_identifier(&arn).send().await.unwrap_err().into_service_error();
    assert!(err.is_resource_not_found_exception(), "{err:?}");
    let err = c.list_recommendation_resources().recommendation_identifier(&arn).send().await.unwrap_err();
    assert!(err.into_service_error().is_resource_not_found_exception());
    let err = c.get_recommendation().recommendation_identifier(TA_SECOND_SG_RECOMMENDATION).send().await.unwrap_err();
    assert!(err.into_service_error().is_resource_not_found_exception(), "a bare id is not an identifier");

    // The data is global: another signing region sees the same, and the region is recorded.
    let eu = ta_in(&sb, TA_SECOND_ACCOUNT, "eu-west-1").await;
    assert_eq!(all_recommendations(&eu, None).await.0.len(), 2);
    let last = sb.requests().pop().unwrap();
    assert_eq!(
        Caller::from_request(&last).map(|c| (c.region, c.service)),
        Some(("eu-west-1".into(), "trustedadvisor".into()))
    );
}

#[tokio::test]
#[allow(deprecated)] // `Unknown(_)` is deprecated for matching; here it is what we prove.
async fn unknown_status_strings_reach_the_sdk_catch_all() {
    let sb = Sandbox::start().await.unwrap();
    let c = ta(&sb, TA_DEMO_ACCOUNT).await;
    sb.ta_set_status(TA_DEMO_ACCOUNT, TA_RDS_IDLE_RECOMMENDATION, "not_available").unwrap();
    let arn = ta_recommendation_arn(TA_DEMO_ACCOUNT, TA_RDS_IDLE_RECOMMENDATION);
    let got = c.get_recommendation().recommendation_identifier(&arn).send().await.unwrap();
    let status = got.recommendation().unwrap().status().clone();
    assert!(matches!(status, RecommendationStatus::Unknown(_)), "{status:?}");
    assert_eq!(status.as_str(), "not_available");
    assert_eq!(got.recommendation().unwrap().status_reason(), None, "no_data_ok only goes with ok");
    sb.ta_set_lifecycle(TA_DEMO_ACCOUNT, TA_RDS_IDLE_RECOMMENDATION, "archived").unwrap();
    let got = c.get_recommendation().recommendation_identifier(&arn).send().await.unwrap();
    assert!(matches!(got.recommendation().unwrap().lifecycle_stage(), Some(RecommendationLifecycleStage::Unknown(_))));
    assert!(matches!(sb.ta_set_status(TA_DEMO_ACCOUNT, "nope", "ok"), Err(TaError::NotFound(_))));
}

#[tokio::test]
async fn resource_changes_recompute_aggregates_and_status() {
    let sb = Sandbox::start().await.unwrap();
    let (acct, rec) = (TA_DEMO_ACCOUNT, TA_SG_RECOMMENDATION);
    let current = || sb.ta_recommendations(acct).into_iter().find(|r| r["id"] == rec).unwrap();
    sb.ta_remove_resource(acct, rec, TA_SG_MYSQL_RESOURCE).unwrap();
    assert_eq!(current()["status"], "warning", "the excluded error does not count");
    assert_eq!(
        current()["resourcesAggregates"],
        json!({"okCount": 0, "warningCount": 1, "errorCount": 0, "excludedCount": 1})
    );
    sb.ta_put_resource(acct, rec, json!({"id": TA_SG_EXCLUDED_RESOURCE, "exclusionStatus": "included"})).unwrap();
    assert_eq!(current()["status"], "error", "re-included");
    assert_eq!(current()["resourcesAggregates"]["excludedCount"], 0);
    let id = sb.ta_put_resource(acct, rec, json!({"status": "ok", "regionCode": "eu-west-1"})).unwrap();
    let res = sb.ta_resources(acct, rec).unwrap();
    let new = res.iter().find(|r| r["id"] == id.as_str()).unwrap();
    assert_eq!(new["arn"], format!("arn:aws:trustedadvisor::{acct}:recommendation-resource/{rec}/{id}"));
    assert_eq!((new["exclusionStatus"].as_str(), new["awsResourceId"].as_str()), (Some("included"), Some(id.as_str())));
    for r in [TA_SG_EXCLUDED_RESOURCE, TA_SG_SSH_RESOURCE] {
        sb.ta_remove_resource(acct, rec, r).unwrap();
    }
    assert_eq!(current()["status"], "ok");
    sb.ta_remove_resource(acct, rec, &id).unwrap();
    assert_eq!(current()["status"], "ok", "no resources, no explicit status: ok");
    sb.ta_set_status(acct, rec, "warning").unwrap();
    assert_eq!(current()["status"], "warning");
    assert!(matches!(sb.ta_remove_resource(acct, rec, &id), Err(TaError::NotFound(_))));

    let new_rec = sb
        .ta_put_recommendation(acct, json!({"name": "Custom", "status": "error", "pillars": ["performance"]}))
        .unwrap();
    let c = ta(&sb, acct).await;
    let got =
        c.get_recommendation().recommendation_identifier(ta_recommendation_arn(acct, &new_rec)).send().await.unwrap();
    let got = got.recommendation().unwrap();
    assert_eq!(
        (got.name(), got.status(), got.pillars()),
        ("Custom", &RecommendationStatus::Error, &[RecommendationPillar::Performance][..])
    );
    assert_eq!(got.resources_aggregates().map(|a| a.error_count()), Some(0));
    sb.ta_put_recommendation(acct, json!({"id": new_rec, "name": "Renamed"})).unwrap();
    let all = sb.ta_recommendations(acct);
    assert_eq!(
        (all.len(), all[6]["name"].as_str(), all[6]["status"].as_str()),
        (7, Some("Renamed"), Some("error")),
        "merged"
    );
}

#[tokio::test]
async fn control_plane_ta_actions_change_what_the_sdk_sees() {
    let sb = Sandbox::start().await.unwrap();
    let http = reqwest::Client::new();
    let act = |body: Value| {
        let rb = http.post(sb.url("/_sandbox/ta")).json(&body);
        async move {
            let r = rb.send().await.unwrap();
            (r.status().as_u16(), r.text().await.unwrap())
        }
    };
    let acct = "555566667777";
    let (status, text) = act(json!({"action": "put_recommendation", "account": acct,
        "recommendation": {"name": "Exposed Access Keys", "pillars": ["security"], "awsServices": ["iam"]}}))
    .await;
    assert_eq!(status, 200, "{text}");
    let rec = serde_json::from_str::<Value>(&text).unwrap()["id"].as_str().unwrap().to_string();
    let (status, text) = act(json!({"action": "put_resource", "account": acct, "recommendation_id": rec,
        "resource": {"status": "error", "awsResourceId": "AKIAEXPOSED", "regionCode": "-"}}))
    .await;
    assert_eq!(status, 200, "{text}");
    let res = serde_json::from_str::<Value>(&text).unwrap()["id"].as_str().unwrap().to_string();
    let c = ta(&sb, acct).await;
    let (recs, _) = all_recommendations(&c, None).await;
    assert_eq!((recs.len(), recs[0].status()), (1, &RecommendationStatus::Error));
    assert_eq!(
        act(json!({"action": "set_lifecycle", "account": acct, "recommendation_id": rec, "stage": "resolved"})).await.0,
        200
    );
    let got = c.get_recommendation().recommendation_identifier(ta_recommendation_arn(acct, &rec)).send().await.unwrap();
    let got = got.recommendation().unwrap();
    assert_eq!(got.lifecycle_stage(), Some(&RecommendationLifecycleStage::Resolved));
    assert!(got.resolved_at().is_some());
    assert_eq!(
        act(json!({"action": "set_status", "account": acct, "recommendation_id": rec, "status": "warning"})).await.0,
        200
    );
    assert_eq!(
        act(json!({"action": "remove_resource", "account": acct, "recommendation_id": rec, "resource_id": res}))
            .await
            .0,
        200
    );
    assert_eq!(
        all_recommendations(&c, None).await.0[0].status(),
        &RecommendationStatus::Warning,
        "set explicitly after the last resource change: the last resource going leaves it"
    );
    assert_eq!(
        act(json!({"action": "generate", "account": acct, "recommendations": 4, "resources_each": 1})).await.0,
        200
    );
    assert_eq!(all_recommendations(&c, None).await.0.len(), 5);
    assert_eq!(act(json!({"action": "set_support", "account": acct, "business": false})).await.0, 200);
    assert_eq!(c.list_recommendations().send().await.unwrap_err().code(), Some("AccessDeniedException"));

    assert_eq!(
        act(json!({"action": "remove_resource", "account": acct, "recommendation_id": rec, "resource_id": res}))
            .await
            .0,
        404
    );
    assert_eq!(
        act(json!({"action": "put_resource", "account": acct, "recommendation_id": rec, "resource": []})).await.0,
        400
    );
    assert_eq!(act(json!({"action": "explode"})).await.0, 400);
    let state: Value = http.get(sb.url("/_sandbox/ta")).send().await.unwrap().json().await.unwrap();
    assert_eq!(state["accounts"][acct]["business"], false);
    assert_eq!(state["accounts"][acct]["recommendations"].as_array().map(Vec::len), Some(5));
    assert_eq!(state["accounts"][TA_DEMO_ACCOUNT]["resources"][TA_SG_RECOMMENDATION].as_array().map(Vec::len), Some(3));
    assert_eq!(state["accounts"][TA_UNSUPPORTED_ACCOUNT]["business"], false);
}

#[tokio::test]
async fn latency_only_faults_delay_then_the_fake_answers() {
    let sb = Sandbox::start().await.unwrap();
    let c = ta(&sb, TA_DEMO_ACCOUNT).await;
    sb.inject(Fault::latency("/v1/", 100, 0));
    let start = Instant::now();
    assert_eq!(all_recommendations(&c, None).await.0.len(), 6, "answered normally");
    assert!(start.elapsed() >= Duration::from_millis(100));

    // restJson faults, scoped to one account.
    sb.inject(
        Fault::rest_json_error("/v1/", 429, "ThrottlingException", "Rate exceeded", 1).for_account(TA_SECOND_ACCOUNT),
    );
    assert_eq!(all_recommendations(&c, None).await.0.len(), 6, "the demo account is not throttled");
    let other = ta(&sb, TA_SECOND_ACCOUNT).await;
    let err = other.list_recommendations().customize().config_override(no_retries()).send().await.unwrap_err();
    let err = err.into_service_error();
    assert!(err.is_throttling_exception(), "{err:?}");
    assert_eq!(err.message(), Some("Rate exceeded"));
}

fn no_retries() -> aws_sdk_trustedadvisor::config::Builder {
    aws_sdk_trustedadvisor::config::Builder::default()
        .retry_config(aws_sdk_trustedadvisor::config::retry::RetryConfig::disabled())
}

#[tokio::test]
async fn rest_calls_without_auth_or_to_unknown_paths_get_rest_json_errors() {
    let sb = Sandbox::start().await.unwrap();
    let http = reqwest::Client::new();
    let sig = "AWS4-HMAC-SHA256 Credential=AKIASANDBOX111122223333/20261122/us-east-1/trustedadvisor/aws4_request, \
               SignedHeaders=host, Signature=00";
    let r = http.get(sb.url("/v1/recommendations")).send().await.unwrap();
    assert_eq!(r.status(), 403);
    assert_eq!(r.headers()["x-amzn-errortype"], "MissingAuthenticationTokenException");
    assert_eq!(r.headers()["content-type"], "application/json");
    assert!(r.headers().contains_key("x-amzn-requestid"));
    assert_eq!(r.json::<Value>().await.unwrap(), json!({"message": "Missing Authentication Token"}));
    let r = http.get(sb.url("/v1/recommendations")).header("authorization", "Bearer x").send().await.unwrap();
    assert_eq!(
        (r.status().as_u16(), r.headers()["x-amzn-errortype"].to_str().unwrap()),
        (400, "IncompleteSignatureException")
    );
    for (method, path) in [
        ("GET", "/v1/organization-recommendations"),
        ("PUT", "/v1/recommendations/x/lifecycle"),
        ("POST", "/v1/recommendations"),
    ] {
        let r = http.request(method.parse().unwrap(), sb.url(path)).header("authorization", sig).send().await.unwrap();
        assert_eq!(
            (r.status().as_u16(), r.headers()["x-amzn-errortype"].to_str().unwrap()),
            (404, "UnknownOperationException"),
            "{method} {path}"
        );
    }
    let r = http.get(sb.url("/v1/recommendations?maxResults=abc")).header("authorization", sig).send().await.unwrap();
    assert_eq!((r.status().as_u16(), r.headers()["x-amzn-errortype"].to_str().unwrap()), (400, "ValidationException"));
    let r = http.get(sb.url("/v1/recommendations?status=error")).header("authorization", sig).send().await.unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(r.json::<Value>().await.unwrap()["recommendationSummaries"].as_array().map(Vec::len), Some(2));

    let err = ta(&sb, TA_DEMO_ACCOUNT).await.list_organization_recommendations().send().await.unwrap_err();
    assert_eq!(err.code(), Some("UnknownOperationException"), "an operation the fake lacks");
}
