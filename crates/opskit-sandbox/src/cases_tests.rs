//! Tests of the Support API fake's cases operations through the real
//! `aws_sdk_support::Client`, and of the `support_*` mutators and `/_sandbox/support`.

use super::*;
use aws_sdk_support::Client;
use aws_sdk_support::error::ProvideErrorMetadata as _;
use aws_sdk_support::types::{CaseDetails, Communication};
use serde_json::json;

/// A Support client signed as `account` for us-east-1, as opskit builds it.
async fn support(sb: &Sandbox, account: &str) -> Client {
    Client::new(&test_sdk_config(sb, account, "us-east-1").await)
}

fn ids(cases: &[CaseDetails]) -> Vec<&str> {
    cases.iter().map(|c| c.case_id().unwrap_or("")).collect()
}

fn recent(case: &CaseDetails) -> &[Communication] {
    case.recent_communications().map(|r| r.communications()).unwrap_or_default()
}

fn submitters(comms: &[Communication]) -> Vec<&str> {
    comms.iter().map(|c| c.submitted_by().unwrap_or("")).collect()
}

fn ts(s: &str) -> jiff::Timestamp {
    s.parse().unwrap()
}

#[tokio::test]
async fn seeded_open_cases_come_newest_first_with_their_recent_communications() {
    let sb = Sandbox::start().await.unwrap();
    let c = support(&sb, SUPPORT_DEMO_ACCOUNT).await;
    let out = c.describe_cases().send().await.unwrap();
    let cases = out.cases();
    assert_eq!(ids(cases), [SUPPORT_BILLING_CASE, SUPPORT_DX_CASE, SUPPORT_LIMIT_CASE]);
    assert_eq!(out.next_token(), None);

    let limit = &cases[2];
    assert_eq!(limit.display_id(), Some(SUPPORT_LIMIT_CASE_DISPLAY_ID));
    assert_eq!(limit.subject(), Some(SUPPORT_LIMIT_CASE_SUBJECT));
    assert_eq!(
        (limit.status(), limit.severity_code(), limit.service_code()),
        (Some("pending-customer-action"), Some("normal"), Some("service-limit-increase"))
    );
    assert_eq!(limit.time_created(), Some("2026-11-18T02:40:00.000Z"));
    assert_eq!((limit.submitted_by(), limit.language()), (Some(SUPPORT_CUSTOMER_EMAIL), Some("en")));
    assert_eq!(submitters(recent(limit)), [SUPPORT_AWS_SUBMITTER, SUPPORT_CUSTOMER_SUBMITTER], "AWS replied last");
    assert!(recent(limit)[0].body().unwrap().contains("please tell us"));
    assert_eq!(recent(limit)[0].case_id(), Some(SUPPORT_LIMIT_CASE));

    let dx = &cases[1];
    assert_eq!(
        (dx.subject(), dx.status(), dx.severity_code()),
        (Some(SUPPORT_DX_CASE_SUBJECT), Some("work-in-progress"), Some("high"))
    );
    assert_eq!(dx.cc_email_addresses(), ["netops@example.com"]);
    let opening = &recent(dx)[1];
    assert_eq!(opening.submitted_by(), Some(SUPPORT_CUSTOMER_SUBMITTER));
    let files: Vec<_> = opening.attachment_set().iter().map(|a| a.file_name().unwrap_or("")).collect();
    assert_eq!(files, ["bgp-flaps-2026-11-20.log"]);
    assert!(opening.attachment_set()[0].attachment_id().unwrap().starts_with("attachment-"));

    let billing = &cases[0];
    assert_eq!((billing.status(), billing.severity_code()), (Some("opened"), Some("low")));
    assert_eq!(submitters(recent(billing)), [SUPPORT_CUSTOMER_SUBMITTER]);

    // Only the 5 newest travel with the case; the token continues in DescribeCommunications.
    for h in 0..5 {
        let at = ts(&format!("2026-11-21T0{h}:00:00Z"));
        sb.support_add_communication(
            SUPPORT_LIMIT_CASE,
            SUPPORT_CUSTOMER_SUBMITTER,
            &format!("update {h}"),
            Some(at),
            &[],
        )
        .unwrap();
    }
    let out = c.describe_cases().case_id_list(SUPPORT_LIMIT_CASE).send().await.unwrap();
    let rc = out.cases()[0].recent_communications().unwrap();
    let bodies: Vec<_> = rc.communications().iter().map(|c| c.body().unwrap()).collect();
    assert_eq!(bodies, ["update 4", "update 3", "update 2", "update 1", "update 0"]);
    let rest = c.describe_communications().case_id(SUPPORT_LIMIT_CASE).set_next_token(rc.next_token().map(Into::into));
    let rest = rest.send().await.unwrap();
    assert_eq!(submitters(rest.communications()), [SUPPORT_AWS_SUBMITTER, SUPPORT_CUSTOMER_SUBMITTER]);
    assert_eq!(rest.next_token(), None);

    let bare = c.describe_cases().include_communications(false).send().await.unwrap();
    assert!(bare.cases().iter().all(|c| c.recent_communications().is_none()));
}

#[tokio::test]
async fn resolved_cases_and_filters() {
    let sb = Sandbox::start().await.unwrap();
    let c = support(&sb, SUPPORT_DEMO_ACCOUNT).await;
    let all = c.describe_cases().include_resolved_cases(true).send().await.unwrap();
    assert_eq!(ids(all.cases()), [SUPPORT_BILLING_CASE, SUPPORT_DX_CASE, SUPPORT_LIMIT_CASE, SUPPORT_RESOLVED_CASE]);
    let resolved = &all.cases()[3];
    assert_eq!((resolved.status(), resolved.subject()), (Some("resolved"), Some(SUPPORT_RESOLVED_CASE_SUBJECT)));
    assert_eq!(recent(resolved).len(), 3);

    // includeResolvedCases applies to the id filters too.
    let by_id = c.describe_cases().case_id_list(SUPPORT_RESOLVED_CASE).send().await.unwrap();
    assert!(by_id.cases().is_empty());
    let by_display = c.describe_cases().display_id(SUPPORT_RESOLVED_CASE_DISPLAY_ID).include_resolved_cases(true);
    assert_eq!(ids(by_display.send().await.unwrap().cases()), [SUPPORT_RESOLVED_CASE]);
    let nothing = c.describe_cases().display_id("1").send().await.unwrap();
    assert!(nothing.cases().is_empty(), "an unknown display id matches nothing");

    // Time filters on timeCreated: afterTime inclusive, beforeTime exclusive.
    let window = c.describe_cases().after_time("2026-11-18T02:40:00Z").before_time("2026-11-21T01:05:00.000Z");
    assert_eq!(ids(window.send().await.unwrap().cases()), [SUPPORT_DX_CASE, SUPPORT_LIMIT_CASE]);
    let dated = c.describe_cases().after_time("2026-11-20").send().await.unwrap();
    assert_eq!(ids(dated.cases()), [SUPPORT_BILLING_CASE, SUPPORT_DX_CASE], "a bare date is midnight UTC");
    let err = c.describe_cases().after_time("last week").send().await.unwrap_err();
    assert_eq!(err.code(), Some("InvalidParameterValueException"));

    // Any unknown id in caseIdList fails the call; so does another account's case.
    let err = c.describe_cases().case_id_list(SUPPORT_DX_CASE).case_id_list("case-nope").send().await.unwrap_err();
    assert_eq!(err.code(), Some("CaseIdNotFound"));
    assert!(err.into_service_error().is_case_id_not_found());
    let other = support(&sb, TA_SECOND_ACCOUNT).await;
    assert!(other.describe_cases().include_resolved_cases(true).send().await.unwrap().cases().is_empty());
    let err = other.describe_communications().case_id(SUPPORT_DX_CASE).send().await.unwrap_err();
    assert_eq!(err.code(), Some("CaseIdNotFound"));
    let err = c.describe_communications().case_id("case-111122223333-2026-0000000000000000").send().await;
    assert!(err.unwrap_err().into_service_error().is_case_id_not_found());

    let err = c.describe_cases().language("xx").send().await.unwrap_err();
    assert_eq!(err.code(), Some("InvalidParameterValueException"));
    assert_eq!(c.describe_cases().language("ja").send().await.unwrap().cases().len(), 3, "language is no filter");
}

#[tokio::test]
async fn describe_cases_pages() {
    let sb = Sandbox::start().await.unwrap();
    let account = "121212121212";
    sb.support_generate(account, 150, 2);
    let c = support(&sb, account).await;
    let mut pages = Vec::new();
    let mut seen = Vec::new();
    let mut token = None;
    loop {
        let out = c.describe_cases().max_results(100).set_next_token(token).send().await.unwrap();
        pages.push(out.cases().len());
        seen.extend(ids(out.cases()).into_iter().map(str::to_string));
        token = out.next_token().map(str::to_string);
        if token.is_none() {
            break;
        }
    }
    assert_eq!(pages, [100, 50]);
    assert_eq!(seen[0], format!("case-{account}-2026-6e6e{:012x}", 149), "newest first");
    assert_eq!(seen[149], format!("case-{account}-2026-6e6e{:012x}", 0));
    let first = c.describe_cases().max_results(10).send().await.unwrap();
    assert_eq!(first.cases()[0].display_id(), Some("90000000149"));
    assert_eq!(recent(&first.cases()[0]).len(), 2);

    let defaulted = c.describe_cases().send().await.unwrap();
    assert_eq!((defaulted.cases().len(), defaulted.next_token().is_some()), (100, true), "default page: 100");
    let all: Vec<CaseDetails> =
        c.describe_cases().max_results(40).into_paginator().items().send().collect::<Result<_, _>>().await.unwrap();
    assert_eq!(all.len(), 150);

    for bad in [9, 101, 0] {
        let err = c.describe_cases().max_results(bad).send().await.unwrap_err();
        assert_eq!(err.code(), Some("InvalidParameterValueException"), "{bad}");
    }
    let err = c.describe_cases().next_token("not-ours").send().await.unwrap_err();
    assert_eq!(err.code(), Some("InvalidParameterValueException"));

    // Generating is deterministic and replaces the account's cases.
    sb.support_generate(account, 3, 0);
    assert_eq!(sb.support_cases(account).len(), 3);
    assert_eq!(sb.support_cases(account)[0]["caseId"], format!("case-{account}-2026-6e6e{:012x}", 2));
}

#[tokio::test]
async fn describe_communications_pages_and_filters_by_time() {
    let sb = Sandbox::start().await.unwrap();
    let account = "343434343434";
    sb.support_generate(account, 1, 30);
    let case = format!("case-{account}-2026-6e6e{:012x}", 0);
    let c = support(&sb, account).await;
    let mut pages = Vec::new();
    let mut bodies = Vec::new();
    let mut token = None;
    loop {
        let out = c.describe_communications().case_id(&case).max_results(10).set_next_token(token).send().await;
        let out = out.unwrap();
        pages.push(out.communications().len());
        bodies.extend(out.communications().iter().map(|c| c.body().unwrap().to_string()));
        token = out.next_token().map(str::to_string);
        if token.is_none() {
            break;
        }
    }
    assert_eq!(pages, [10, 10, 10]);
    assert_eq!(bodies[0], "Communication 29 of generated case 0.", "newest first");
    assert_eq!(bodies[29], "Communication 0 of generated case 0.");

    // Communication m was created at 2026-11-01T00:00Z + m minutes.
    let after = c.describe_communications().case_id(&case).after_time("2026-11-01T00:20:00Z").send().await.unwrap();
    let times: Vec<_> = after.communications().iter().map(|c| c.time_created().unwrap()).collect();
    assert_eq!(times.len(), 10, "afterTime is inclusive");
    assert_eq!((times[0], times[9]), ("2026-11-01T00:29:00.000Z", "2026-11-01T00:20:00.000Z"));
    let window = c
        .describe_communications()
        .case_id(&case)
        .after_time("2026-11-01T00:05:00Z")
        .before_time("2026-11-01T00:08:00Z")
        .send()
        .await
        .unwrap();
    assert_eq!(window.communications().len(), 3, "beforeTime is exclusive");
    let all: Vec<Communication> = c
        .describe_communications()
        .case_id(&case)
        .max_results(10)
        .into_paginator()
        .items()
        .send()
        .collect::<Result<_, _>>()
        .await
        .unwrap();
    assert_eq!(all.len(), 30);
    let err = c.describe_communications().case_id(&case).max_results(5).send().await.unwrap_err();
    assert_eq!(err.code(), Some("InvalidParameterValueException"));
    let err = c.describe_communications().send().await.unwrap_err();
    assert_eq!(err.code(), Some("InvalidParameterValueException"), "caseId is required");
}

#[tokio::test]
async fn changes_show_up_and_keep_the_order() {
    let sb = Sandbox::start().await.unwrap();
    let c = support(&sb, SUPPORT_DEMO_ACCOUNT).await;
    let comms = |sb: &Sandbox| sb.support_communications(SUPPORT_DX_CASE).unwrap();

    // An AWS update now is the newest; one dated in the past slots in by time.
    sb.support_add_communication(
        SUPPORT_DX_CASE,
        SUPPORT_AWS_SUBMITTER,
        "The cross-connect was replaced.",
        None,
        &["rma.pdf"],
    )
    .unwrap();
    sb.support_add_communication(
        SUPPORT_DX_CASE,
        SUPPORT_CUSTOMER_SUBMITTER,
        "Another flap at 08:30.",
        Some(ts("2026-11-20T09:30:00Z")),
        &[],
    )
    .unwrap();
    let bodies: Vec<String> = comms(&sb).iter().map(|c| c["body"].as_str().unwrap().to_string()).collect();
    assert_eq!(bodies[0], "The cross-connect was replaced.");
    assert_eq!(bodies[2], "Another flap at 08:30.", "between the opening and AWS's acknowledgement");
    assert_eq!(bodies.len(), 4);
    let out = c.describe_communications().case_id(SUPPORT_DX_CASE).max_results(10).send().await.unwrap();
    let newest = &out.communications()[0];
    assert_eq!(
        (newest.submitted_by(), newest.body()),
        (Some(SUPPORT_AWS_SUBMITTER), Some("The cross-connect was replaced."))
    );
    assert_eq!(newest.attachment_set()[0].file_name(), Some("rma.pdf"));
    assert_eq!(out.communications()[2].time_created(), Some("2026-11-20T09:30:00.000Z"));

    // Status changes: resolved cases leave the default list.
    sb.support_set_status(SUPPORT_BILLING_CASE, "resolved").unwrap();
    let open = c.describe_cases().send().await.unwrap();
    assert_eq!(ids(open.cases()), [SUPPORT_DX_CASE, SUPPORT_LIMIT_CASE]);
    sb.support_set_status(SUPPORT_DX_CASE, "customer-action-completed").unwrap();
    let dx = c.describe_cases().case_id_list(SUPPORT_DX_CASE).send().await.unwrap();
    assert_eq!(dx.cases()[0].status(), Some("customer-action-completed"));
    assert!(matches!(sb.support_set_status("case-nope", "opened"), Err(SupportError::NotFound(_))));
    assert!(sb.support_add_communication("case-nope", SUPPORT_AWS_SUBMITTER, "x", None, &[]).is_err());

    // A case added with defaults.
    let id = sb
        .support_add_case(SUPPORT_DEMO_ACCOUNT, json!({"subject": "Added", "timeCreated": "2026-11-21T12:00:00Z"}))
        .unwrap();
    assert!(id.starts_with("case-111122223333-2026-"), "{id}");
    let cases = sb.support_cases(SUPPORT_DEMO_ACCOUNT);
    assert_eq!(cases[0]["caseId"], id.as_str());
    assert_eq!(cases[0]["timeCreated"], "2026-11-21T12:00:00.000Z");
    assert_eq!((cases[0]["status"].as_str(), cases[0]["severityCode"].as_str()), (Some("opened"), Some("low")));
    assert!(cases[0]["displayId"].as_str().unwrap().bytes().all(|b| b.is_ascii_digit()));
    assert!(sb.support_add_case(SUPPORT_DEMO_ACCOUNT, json!({"caseId": id})).is_err(), "ids are unique");
    assert!(sb.support_add_case(SUPPORT_DEMO_ACCOUNT, json!({"timeCreated": "yesterday"})).is_err());
}

#[tokio::test]
async fn create_reply_and_resolve_over_the_wire() {
    let sb = Sandbox::start().await.unwrap();
    let c = support(&sb, SUPPORT_DEMO_ACCOUNT).await;
    let created = c
        .create_case()
        .subject("Need help with RDS")
        .communication_body("Our instance is stuck in modifying.")
        .service_code("amazon-relational-database-service")
        .severity_code("urgent")
        .cc_email_addresses("dba@example.com")
        .send()
        .await
        .unwrap();
    let id = created.case_id().unwrap().to_string();
    let out = c.describe_cases().case_id_list(&id).send().await.unwrap();
    let case = &out.cases()[0];
    assert_eq!((case.status(), case.severity_code()), (Some("opened"), Some("urgent")));
    assert_eq!(case.cc_email_addresses(), ["dba@example.com"]);
    assert_eq!(submitters(recent(case)), [SUPPORT_CUSTOMER_SUBMITTER]);

    // The customer's reply to a pending case completes the action asked for.
    let added = c.add_communication_to_case().case_id(SUPPORT_LIMIT_CASE).communication_body("m7i, 480 vCPU, 3 months");
    assert!(added.send().await.unwrap().result());
    let limit = c.describe_cases().case_id_list(SUPPORT_LIMIT_CASE).send().await.unwrap();
    assert_eq!(limit.cases()[0].status(), Some("customer-action-completed"));
    assert_eq!(recent(&limit.cases()[0])[0].body(), Some("m7i, 480 vCPU, 3 months"));

    let resolved = c.resolve_case().case_id(&id).send().await.unwrap();
    assert_eq!((resolved.initial_case_status(), resolved.final_case_status()), (Some("opened"), Some("resolved")));
    assert!(!ids(c.describe_cases().send().await.unwrap().cases()).contains(&id.as_str()));

    let err = c.resolve_case().case_id("case-nope").send().await.unwrap_err();
    assert!(err.into_service_error().is_case_id_not_found());
    let err = c.add_communication_to_case().case_id("case-nope").communication_body("x").send().await.unwrap_err();
    assert!(err.into_service_error().is_case_id_not_found());
    let err = c.create_case().subject("no body").send().await.unwrap_err();
    assert_eq!(err.code(), Some("InvalidParameterValueException"));
    let err = c.resolve_case().case_id(SUPPORT_DX_CASE).dry_run(true).send().await.unwrap_err();
    assert!(err.into_service_error().is_dry_run_operation_exception());
    let dx = sb.support_cases(SUPPORT_DEMO_ACCOUNT).into_iter().find(|c| c["caseId"] == SUPPORT_DX_CASE).unwrap();
    assert_eq!(dx["status"], "work-in-progress", "a dry run changes nothing");
}

#[tokio::test]
async fn an_account_without_business_support_sees_no_cases() {
    let sb = Sandbox::start().await.unwrap();
    let c = support(&sb, TA_UNSUPPORTED_ACCOUNT).await;
    let err = c.describe_cases().send().await.unwrap_err();
    assert_eq!(err.code(), Some("SubscriptionRequiredException"));
    assert_eq!(err.message(), Some(SUPPORT_SUBSCRIPTION_REQUIRED_MESSAGE));
    let err = c.describe_communications().case_id(SUPPORT_DX_CASE).send().await.unwrap_err();
    assert_eq!(err.code(), Some("SubscriptionRequiredException"));
    sb.ta_set_support(SUPPORT_DEMO_ACCOUNT, false);
    let err = support(&sb, SUPPORT_DEMO_ACCOUNT).await.describe_cases().send().await.unwrap_err();
    assert_eq!(err.code(), Some("SubscriptionRequiredException"));
}

#[tokio::test]
async fn the_control_plane_changes_cases_over_http() {
    let sb = Sandbox::start().await.unwrap();
    let http = reqwest::Client::new();
    let post = |body: serde_json::Value| http.post(sb.url("/_sandbox/support")).json(&body).send();

    let r = post(json!({"action": "add_case", "account": "565656565656", "case": {
        "subject": "From outside", "status": "pending-customer-action",
        "communications": [{"body": "hello", "timeCreated": "2026-11-21T08:00:00Z"}],
    }}))
    .await
    .unwrap();
    assert_eq!(r.status(), 200);
    let id = r.json::<serde_json::Value>().await.unwrap()["id"].as_str().unwrap().to_string();
    let r = post(json!({"action": "add_communication", "case_id": id, "submitted_by": SUPPORT_AWS_SUBMITTER,
        "body": "Please confirm.", "at": "2026-11-21T09:00:00Z", "attachments": ["a.txt"]}))
    .await
    .unwrap();
    assert_eq!(r.status(), 200);
    let c = support(&sb, "565656565656").await;
    let out = c.describe_communications().case_id(&id).send().await.unwrap();
    assert_eq!(submitters(out.communications()), [SUPPORT_AWS_SUBMITTER, SUPPORT_CUSTOMER_SUBMITTER]);
    assert_eq!(out.communications()[0].attachment_set()[0].file_name(), Some("a.txt"));

    let r = post(json!({"action": "set_status", "case_id": id, "status": "resolved"})).await.unwrap();
    assert_eq!(r.status(), 200);
    assert!(c.describe_cases().send().await.unwrap().cases().is_empty());
    let r = post(json!({"action": "generate", "account": "565656565656", "open_cases": 12, "communications_each": 1}));
    assert_eq!(r.await.unwrap().status(), 200);
    assert_eq!(c.describe_cases().max_results(10).send().await.unwrap().cases().len(), 10);

    let r = post(json!({"action": "set_status", "case_id": "case-nope", "status": "opened"})).await.unwrap();
    assert_eq!(r.status(), 404);
    let r = post(json!({"action": "shout"})).await.unwrap();
    assert_eq!(r.status(), 400);

    let state: serde_json::Value = http.get(sb.url("/_sandbox/support")).send().await.unwrap().json().await.unwrap();
    let demo = state["accounts"][SUPPORT_DEMO_ACCOUNT]["cases"].as_array().unwrap();
    assert_eq!(demo.len(), 4);
    assert_eq!(demo[3]["caseId"], SUPPORT_RESOLVED_CASE);
    assert_eq!(demo[3]["communications"].as_array().unwrap().len(), 3);
    assert_eq!(state["accounts"]["565656565656"]["cases"].as_array().unwrap().len(), 12);
}
