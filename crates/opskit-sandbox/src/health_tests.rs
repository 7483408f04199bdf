//! Tests of the Health fake through the real `aws_sdk_health::Client`: if the SDK's own CBOR
//! parsers read the answers (maps, tag-1 timestamps, `__type` errors), the fake speaks Smithy
//! RPC v2 CBOR. Malformed input goes in raw, since the SDK cannot send it.

use super::*;
use aws_sdk_health::Client;
use aws_sdk_health::error::ProvideErrorMetadata as _;
use aws_sdk_health::types::{
    DateTimeRange, EntityAccountFilter, EntityFilter, EntityStatusCode, Event, EventAccountFilter, EventFilter,
    EventStatusCode, EventTypeCategory, OrganizationEventFilter,
};
use aws_smithy_types::DateTime;
use serde_json::json;
use std::time::{Duration, Instant};

const ACCOUNT: &str = "111122223333";
const OTHER: &str = "444455556666";
const MANAGEMENT: &str = "999900001111";
const MEMBER: &str = "999900002222";
const EVENTS_PATH: &str = "/service/AWSHealth_20160804/operation/DescribeEvents";

async fn health(sb: &Sandbox, account: &str) -> Client {
    health_in(sb, account, "us-east-1").await
}

async fn health_in(sb: &Sandbox, account: &str, region: &str) -> Client {
    Client::new(&test_sdk_config(sb, account, region).await)
}

/// Every event the caller lists with `filter`, following `nextToken`; also the page sizes.
async fn all_events(c: &Client, filter: Option<EventFilter>, max: Option<i32>) -> (Vec<Event>, Vec<usize>) {
    let (mut events, mut pages, mut token) = (Vec::new(), Vec::new(), None);
    loop {
        let req = c.describe_events().set_filter(filter.clone()).set_max_results(max).set_next_token(token);
        let out = req.send().await.expect("a page");
        pages.push(out.events().len());
        events.extend(out.events().iter().cloned());
        token = out.next_token().map(str::to_string);
        if token.is_none() {
            return (events, pages);
        }
    }
}

fn arns(events: &[Event]) -> Vec<String> {
    events.iter().map(|e| e.arn().unwrap_or_default().to_string()).collect()
}

#[tokio::test]
async fn events_page_newest_first_and_bad_pages_are_refused() {
    let sb = Sandbox::start().await.unwrap();
    let made = sb.health_generate(ACCOUNT, 25).unwrap();
    let c = health(&sb, ACCOUNT).await;
    let (events, pages) = all_events(&c, None, Some(10)).await;
    assert_eq!(pages, [10, 10, 5]);
    assert_eq!(arns(&events), made, "newest lastUpdatedTime first");
    let first = &events[0];
    assert_eq!(first.last_updated_time().map(DateTime::secs), Some(1_795_132_800), "a tag-1 timestamp");
    assert_eq!(first.start_time().map(DateTime::secs), Some(1_795_132_800 - 3600));
    assert_eq!(first.status_code(), Some(&EventStatusCode::Upcoming));
    assert_eq!(first.event_type_category(), Some(&EventTypeCategory::ScheduledChange));
    assert!(first.arn().unwrap().starts_with("arn:aws:health:us-east-1::event/EC2/AWS_EC2_INSTANCE_RETIREMENT_SCHEDULED/AWS_EC2_INSTANCE_RETIREMENT_SCHEDULED_"));

    let (_, default_pages) = all_events(&c, None, None).await;
    assert_eq!(default_pages, [10, 10, 5], "10 a page when maxResults is absent");

    let bad_token = c.describe_events().next_token("not-ours-at-all").send().await.unwrap_err().into_service_error();
    assert!(bad_token.is_invalid_pagination_token(), "{bad_token:?}");
    for max in [0, 101] {
        let err = c.describe_events().max_results(max).send().await.unwrap_err().into_service_error();
        assert_eq!(err.code(), Some("ValidationException"), "maxResults {max}");
    }
    let other = health(&sb, OTHER).await;
    assert!(all_events(&other, None, None).await.0.is_empty(), "another account sees none of them");
}

#[tokio::test]
async fn each_filter_narrows_the_events() {
    let sb = Sandbox::start().await.unwrap();
    let ec2 = sb
        .health_put_event(
            &[ACCOUNT],
            json!({"service": "EC2", "eventTypeCode": "AWS_EC2_INSTANCE_RETIREMENT_SCHEDULED",
                   "statusCode": "upcoming", "region": "ap-northeast-1", "lastUpdatedTime": "2026-11-20T10:00:00Z",
                   "entities": [{"entityValue": "i-0abc", "tags": {"team": "web"}}]}),
        )
        .unwrap();
    let rds = sb
        .health_put_event(
            &[ACCOUNT],
            json!({"service": "RDS", "eventTypeCode": "AWS_RDS_OPERATIONAL_ISSUE", "eventTypeCategory": "issue",
                   "statusCode": "open", "region": "us-east-1", "lastUpdatedTime": 1_795_200_000}),
        )
        .unwrap();
    let closed = sb
        .health_put_event(
            &[ACCOUNT, OTHER],
            json!({"service": "IAM", "eventTypeCode": "AWS_IAM_ACCOUNT_NOTIFICATION",
                   "eventTypeCategory": "accountNotification", "statusCode": "closed", "lastUpdatedTime": 1_790_000_000}),
        )
        .unwrap();
    let (ec2, rds, closed) = (ec2.as_str(), rds.as_str(), closed.as_str());
    let c = health(&sb, ACCOUNT).await;
    let only = |f: EventFilter| {
        let c = c.clone();
        async move { arns(&all_events(&c, Some(f), None).await.0) }
    };
    assert_eq!(arns(&all_events(&c, None, None).await.0), [rds, ec2, closed]);
    let b = EventFilter::builder;
    assert_eq!(only(b().event_status_codes(EventStatusCode::Upcoming).build()).await, [ec2]);
    assert_eq!(
        only(b().event_status_codes(EventStatusCode::Open).event_status_codes(EventStatusCode::Closed).build()).await,
        [rds, closed]
    );
    assert_eq!(only(b().event_type_categories(EventTypeCategory::Issue).build()).await, [rds]);
    assert_eq!(only(b().event_type_codes("AWS_IAM_ACCOUNT_NOTIFICATION").build()).await, [closed]);
    assert_eq!(only(b().services("EC2").build()).await, [ec2]);
    assert_eq!(only(b().regions("ap-northeast-1").build()).await, [ec2]);
    assert_eq!(only(b().event_arns(rds).event_arns(closed).build()).await, [rds, closed]);
    assert_eq!(only(b().entity_values("i-0abc").build()).await, [ec2]);
    assert_eq!(only(b().tags([("team".to_string(), "web".to_string())].into()).build()).await, [ec2]);
    let since = DateTimeRange::builder().from(DateTime::from_secs(1_795_000_000)).build();
    assert_eq!(only(b().last_updated_times(since).build()).await, [rds, ec2]);
    assert_eq!(only(b().services("EC2").event_status_codes(EventStatusCode::Open).build()).await, Vec::<String>::new());

    // The other account is affected by the shared event only.
    let other = health(&sb, OTHER).await;
    assert_eq!(arns(&all_events(&other, None, None).await.0), [closed]);
    // More than ten items in a list is refused.
    let eleven = (0..11).fold(b(), |f, i| f.services(format!("S{i}"))).build();
    let err = c.describe_events().filter(eleven).send().await.unwrap_err().into_service_error();
    assert_eq!(err.code(), Some("ValidationException"));
}

#[tokio::test]
async fn details_fail_unknown_arns_and_entities_carry_their_status() {
    let sb = Sandbox::start().await.unwrap();
    let arn = sb
        .health_put_event(
            &[ACCOUNT],
            json!({"service": "EC2", "eventTypeCode": "AWS_EC2_INSTANCE_STOP_SCHEDULED",
                   "description": "Your instance i-0abc will be stopped.", "metadata": {"deprecated_versions": "none"},
                   "entities": [{"entityValue": "i-0abc"}, {"entityValue": "i-0def", "statusCode": "UNIMPAIRED"}]}),
        )
        .unwrap();
    let elsewhere = sb.health_put_event(&[OTHER], json!({"service": "RDS"})).unwrap();
    let c = health(&sb, ACCOUNT).await;
    let missing = "arn:aws:health:us-east-1::event/EC2/AWS_EC2_X/AWS_EC2_X_NOPE";
    let out =
        c.describe_event_details().event_arns(&arn).event_arns(missing).event_arns(&elsewhere).send().await.unwrap();
    assert_eq!(out.successful_set().len(), 1);
    let d = &out.successful_set()[0];
    assert_eq!(d.event().and_then(|e| e.arn()), Some(arn.as_str()));
    assert_eq!(
        d.event_description().and_then(|x| x.latest_description()),
        Some("Your instance i-0abc will be stopped.")
    );
    assert_eq!(d.event_metadata().and_then(|m| m.get("deprecated_versions")).map(String::as_str), Some("none"));
    let failed: Vec<_> = out.failed_set().iter().map(|f| f.event_arn().unwrap_or_default()).collect();
    assert_eq!(failed, [missing, elsewhere.as_str()], "unknown and other accounts' events fail");
    let eleven = (0..11).fold(c.describe_event_details(), |r, i| r.event_arns(format!("{arn}{i}")));
    assert_eq!(eleven.send().await.unwrap_err().into_service_error().code(), Some("ValidationException"));

    let filter = |s: Option<EntityStatusCode>| {
        EntityFilter::builder().event_arns(&arn).set_status_codes(s.map(|s| vec![s])).build()
    };
    let all = c.describe_affected_entities().filter(filter(None).unwrap()).send().await.unwrap();
    let values: Vec<_> = all.entities().iter().map(|e| (e.entity_value().unwrap(), e.status_code().cloned())).collect();
    assert_eq!(values, [("i-0abc", Some(EntityStatusCode::Impaired)), ("i-0def", Some(EntityStatusCode::Unimpaired))]);
    assert!(all.entities().iter().all(|e| e.aws_account_id() == Some(ACCOUNT) && e.event_arn() == Some(arn.as_str())));
    sb.health_set_entity_status(&arn, "i-0abc", "RESOLVED").unwrap();
    let resolved = c.describe_affected_entities().filter(filter(Some(EntityStatusCode::Resolved)).unwrap()).send();
    let resolved = resolved.await.unwrap();
    assert_eq!(resolved.entities().iter().map(|e| e.entity_value().unwrap()).collect::<Vec<_>>(), ["i-0abc"]);
}

#[tokio::test]
async fn an_account_without_business_support_gets_subscription_required() {
    let sb = Sandbox::start().await.unwrap();
    sb.health_generate(ACCOUNT, 1).unwrap();
    sb.ta_set_support(ACCOUNT, false);
    let err = health(&sb, ACCOUNT).await.describe_events().send().await.unwrap_err();
    let status = err.raw_response().map(|r| r.status().as_u16());
    let err = err.into_service_error();
    // aws-sdk-health does not model the error: it is an unhandled one with this code.
    assert_eq!((err.code(), status), (Some("SubscriptionRequiredException"), Some(400)));
    assert_eq!(err.message(), Some(HEALTH_SUBSCRIPTION_REQUIRED_MESSAGE));
    sb.ta_set_support(ACCOUNT, true);
    assert_eq!(all_events(&health(&sb, ACCOUNT).await, None, None).await.0.len(), 1, "one switch turns it back on");
}

#[tokio::test]
async fn the_passive_region_answers_the_same_and_others_are_refused() {
    let sb = Sandbox::start().await.unwrap();
    sb.health_generate(ACCOUNT, 3).unwrap();
    let east1 = arns(&all_events(&health_in(&sb, ACCOUNT, "us-east-1").await, None, None).await.0);
    let east2 = arns(&all_events(&health_in(&sb, ACCOUNT, "us-east-2").await, None, None).await.0);
    assert_eq!((east1.len(), &east1), (3, &east2));
    let err =
        health_in(&sb, ACCOUNT, "eu-west-1").await.describe_events().send().await.unwrap_err().into_service_error();
    assert_eq!(err.code(), Some("InvalidSignatureException"));
}

#[tokio::test]
async fn the_organizational_view_is_the_management_accounts_once_enabled() {
    let sb = Sandbox::start().await.unwrap();
    sb.org_create(MANAGEMENT).unwrap();
    sb.org_put_account(MANAGEMENT, None, MEMBER, "member").unwrap();
    let shared = sb
        .health_put_event(
            &[MEMBER, MANAGEMENT, OTHER],
            json!({"service": "DIRECTCONNECT", "eventTypeCode": "AWS_DIRECTCONNECT_MAINTENANCE_SCHEDULED",
                   "entities": [{"entityValue": "dxcon-1", "awsAccountId": MEMBER},
                                {"entityValue": "dxcon-2", "awsAccountId": MANAGEMENT, "statusCode": "PENDING"},
                                {"entityValue": "dxcon-3", "awsAccountId": OTHER}]}),
        )
        .unwrap();
    let outside = sb.health_put_event(&[OTHER], json!({"service": "EC2"})).unwrap();
    let mgmt = health(&sb, MANAGEMENT).await;
    let member = health(&sb, MEMBER).await;

    let status = mgmt.describe_health_service_status_for_organization().send().await.unwrap();
    assert_eq!(status.health_service_access_status_for_organization(), Some("DISABLED"));
    let refused = mgmt.describe_events_for_organization().send().await.unwrap_err().into_service_error();
    assert_eq!(refused.code(), Some("AccessDeniedException"), "not before organizational view is enabled");
    mgmt.enable_health_service_access_for_organization().send().await.unwrap();
    let status = mgmt.describe_health_service_status_for_organization().send().await.unwrap();
    assert_eq!(status.health_service_access_status_for_organization(), Some("ENABLED"));

    let events = mgmt.describe_events_for_organization().send().await.unwrap();
    let listed: Vec<_> = events.events().iter().map(|e| e.arn().unwrap()).collect();
    assert_eq!(listed, [shared.as_str()], "one event for all its accounts, nothing from outside");
    let org_filter = OrganizationEventFilter::builder().aws_account_ids(OTHER).build();
    let none = mgmt.describe_events_for_organization().filter(org_filter).send().await.unwrap();
    assert!(none.events().is_empty(), "{outside} is not the organization's");

    let accounts = mgmt.describe_affected_accounts_for_organization().event_arn(&shared).send().await.unwrap();
    assert_eq!(accounts.affected_accounts(), [MEMBER, MANAGEMENT], "only the organization's accounts");
    assert_eq!(accounts.event_scope_code().map(|s| s.as_str()), Some("ACCOUNT_SPECIFIC"));

    let detail = |a: Option<&str>| {
        EventAccountFilter::builder().event_arn(&shared).set_aws_account_id(a.map(str::to_string)).build().unwrap()
    };
    let details = mgmt
        .describe_event_details_for_organization()
        .organization_event_detail_filters(detail(Some(MEMBER)))
        .organization_event_detail_filters(detail(Some(OTHER)))
        .organization_event_detail_filters(detail(None))
        .send()
        .await
        .unwrap();
    let ok: Vec<_> = details.successful_set().iter().map(|d| d.aws_account_id().unwrap()).collect();
    assert_eq!(ok, [MEMBER]);
    assert_eq!(details.failed_set().len(), 2, "outside the organization, and no account for an account-specific event");

    let entity = EntityAccountFilter::builder().event_arn(&shared).build().unwrap();
    let entities =
        mgmt.describe_affected_entities_for_organization().organization_entity_account_filters(entity).send();
    let values: Vec<_> =
        entities.await.unwrap().entities().iter().map(|e| e.entity_value().unwrap().to_string()).collect();
    assert_eq!(values, ["dxcon-1", "dxcon-2"]);

    let member_refused = member.describe_events_for_organization().send().await.unwrap_err().into_service_error();
    assert_eq!(member_refused.code(), Some("AccessDeniedException"));
    assert_eq!(member_refused.message(), Some(HEALTH_ORG_ACCESS_DENIED_MESSAGE));
    assert_eq!(arns(&all_events(&member, None, None).await.0), [shared.as_str()], "a member sees its own events");
}

/// A raw call as `account` with `body`, and the decoded CBOR answer.
async fn raw(sb: &Sandbox, body: Vec<u8>, protocol: Option<&str>) -> (u16, Option<String>, serde_json::Value) {
    let auth = format!(
        "AWS4-HMAC-SHA256 Credential={}/20261206/us-east-1/health/aws4_request, SignedHeaders=host, Signature=00",
        sandbox_access_key(ACCOUNT)
    );
    let mut req = reqwest::Client::new().post(sb.url(EVENTS_PATH)).header("authorization", auth);
    req = req.header("content-type", "application/cbor").body(body);
    if let Some(p) = protocol {
        req = req.header("smithy-protocol", p);
    }
    let resp = req.send().await.unwrap();
    let status = resp.status().as_u16();
    let proto = resp.headers().get("smithy-protocol").map(|v| v.to_str().unwrap().to_string());
    let bytes = resp.bytes().await.unwrap();
    (status, proto, health::decode(&bytes).unwrap())
}

#[tokio::test]
async fn malformed_cbor_is_a_serialization_error() {
    let sb = Sandbox::start().await.unwrap();
    sb.health_generate(ACCOUNT, 2).unwrap();
    let serialization = "com.amazon.coral.service#SerializationException";
    for body in [vec![0xff, 0x00], vec![0xa1], vec![0xa0, 0x01], b"{\"filter\": {}}".to_vec(), vec![0x40]] {
        let (status, proto, answer) = raw(&sb, body.clone(), Some("rpc-v2-cbor")).await;
        assert_eq!((status, proto.as_deref()), (400, Some("rpc-v2-cbor")), "{body:x?}");
        assert_eq!(answer["__type"], serialization, "{body:x?}");
    }
    // A byte string where a map should be, and a map without the protocol header.
    let (status, _, answer) = raw(&sb, vec![0xa0], None).await;
    assert_eq!((status, answer["__type"].as_str()), (400, Some(serialization)));
    // The same empty map with the header is a good request.
    let (status, _, answer) = raw(&sb, vec![0xa0], Some("rpc-v2-cbor")).await;
    assert_eq!((status, answer["events"].as_array().map(Vec::len)), (200, Some(2)));
}

#[tokio::test]
async fn faults_and_recording_work_on_health_paths() {
    let sb = Sandbox::start().await.unwrap();
    sb.health_generate(ACCOUNT, 1).unwrap();
    let c = health(&sb, ACCOUNT).await;
    sb.inject(Fault::latency(EVENTS_PATH, 300, 1));
    sb.inject(Fault::status(EVENTS_PATH, 500, 1));
    let start = Instant::now();
    let out = c.describe_events().send().await.expect("the SDK retries the 500");
    assert!(start.elapsed() >= Duration::from_millis(300));
    assert_eq!(out.events().len(), 1);
    let recorded = sb.requests_to(EVENTS_PATH);
    assert_eq!(recorded.iter().map(|r| r.status).collect::<Vec<_>>(), [500, 200]);
    assert_eq!(recorded[1].header("smithy-protocol"), Some("rpc-v2-cbor"));
    assert_eq!(health::decode(&recorded[1].body).unwrap(), json!({}), "the SDK sends an empty map");

    // A 500 on every attempt surfaces; a target pattern matches Health calls too.
    sb.clear();
    sb.inject(Fault::status("/", 500, 0).for_target("AWSHealth_20160804.DescribeEvents"));
    let err = c.describe_events().send().await.unwrap_err();
    assert_eq!(err.raw_response().map(|r| r.status().as_u16()), Some(500));
    assert!(sb.requests_to(EVENTS_PATH).len() >= 2, "retried before giving up");
    assert!(c.describe_event_details().event_arns("x").send().await.is_ok(), "other operations are untouched");
}

#[test]
fn the_codec_reads_indefinite_lengths_half_floats_and_timestamps() {
    // {_ "a": [_ 1, -2, 1.5(f16)], "t": 1(1700000000.5 as f64), "s": (_ "ab" "c"), "n": null, "u": undefined}
    let mut b = vec![0xbf, 0x61, b'a', 0x9f, 0x01, 0x21, 0xf9, 0x3e, 0x00, 0xff];
    b.extend([0x61, b't', 0xc1, 0xfb]);
    b.extend(1_700_000_000.5f64.to_be_bytes());
    b.extend([0x61, b's', 0x7f, 0x62, b'a', b'b', 0x61, b'c', 0xff, 0x61, b'n', 0xf6, 0x61, b'u', 0xf7, 0xff]);
    let v = health::decode(&b).unwrap();
    assert_eq!(v, json!({"a": [1, -2, 1.5], "t": 1_700_000_000.5, "s": "abc", "n": null, "u": null}));
    // Out again: null members dropped, timestamps tagged, and read back the same.
    let out = health::encode(&json!({"lastUpdatedTime": 1_795_132_800, "x": null, "k": ["v", true, 2.25]}));
    assert_eq!(&out[..4], &[0xa2, 0x6f, b'l', b'a'], "a definite map of the two non-null members");
    assert!(out.windows(2).any(|w| w == [0xc1, 0x1a]), "tag 1 around a 32-bit integer");
    assert_eq!(health::decode(&out).unwrap(), json!({"lastUpdatedTime": 1_795_132_800, "k": ["v", true, 2.25]}));
    for bad in [&[0xc2, 0x41, 0x01][..], &[0xa1, 0x01, 0x02], &[0x82, 0x01], &[0xc1, 0x61, b'x']] {
        assert!(health::decode(bad).is_err(), "{bad:x?}");
    }
}

#[tokio::test]
async fn the_control_plane_changes_what_the_api_answers() {
    let sb = Sandbox::start().await.unwrap();
    let http = reqwest::Client::new();
    let post = |body: serde_json::Value| {
        let rb = http.post(sb.url("/_sandbox/health")).json(&body);
        async move {
            let resp = rb.send().await.unwrap();
            (resp.status().as_u16(), resp.json::<serde_json::Value>().await.unwrap_or_default())
        }
    };
    let (status, made) = post(json!({"action": "put_event", "accounts": [ACCOUNT],
        "event": {"service": "EC2", "eventTypeCode": "AWS_EC2_INSTANCE_REBOOT_MAINTENANCE_SCHEDULED",
                  "statusCode": "upcoming", "lastUpdatedTime": "2026-11-01T00:00:00Z"}}))
    .await;
    assert_eq!(status, 200);
    let older = made["arn"].as_str().unwrap().to_string();
    let (_, generated) = post(json!({"action": "generate", "account": ACCOUNT, "events": 2})).await;
    assert_eq!(generated["arns"].as_array().map(Vec::len), Some(2));
    let c = health(&sb, ACCOUNT).await;
    assert_eq!(arns(&all_events(&c, None, None).await.0).last(), Some(&older), "the oldest update is last");

    // Closing it stamps lastUpdatedTime now (so it sorts first) and an endTime.
    let (status, _) = post(json!({"action": "set_status", "arn": older, "status": "closed"})).await;
    assert_eq!(status, 200);
    let events = all_events(&c, None, None).await.0;
    assert_eq!((events[0].arn(), events[0].status_code()), (Some(older.as_str()), Some(&EventStatusCode::Closed)));
    assert!(events[0].end_time().is_some());
    let window = json!({"action": "set_window", "arn": older, "start": "2026-12-01T01:00:00Z", "end": 1_796_094_000});
    assert_eq!(post(window).await.0, 200);
    let events = all_events(&c, None, None).await.0;
    assert_eq!(events[0].start_time().map(DateTime::secs), Some(1_796_086_800));
    assert_eq!(events[0].end_time().map(DateTime::secs), Some(1_796_094_000));

    let state: serde_json::Value = http.get(sb.url("/_sandbox/health")).send().await.unwrap().json().await.unwrap();
    assert_eq!(state["events"].as_array().map(Vec::len), Some(3));
    assert_eq!(state["events"][0]["accounts"], json!([ACCOUNT]));

    assert_eq!(post(json!({"action": "remove", "arn": older})).await.0, 200);
    assert_eq!(post(json!({"action": "remove", "arn": older})).await.0, 404, "gone");
    assert_eq!(post(json!({"action": "set_status", "arn": "x", "status": "closed"})).await.0, 404);
    assert_eq!(post(json!({"action": "set_status", "arn": generated["arns"][0], "status": "fixed"})).await.0, 400);
    assert_eq!(post(json!({"action": "put_event", "accounts": ["12"], "event": {}})).await.0, 400);
    assert_eq!(post(json!({"action": "nope"})).await.0, 400);
    assert_eq!(all_events(&c, None, None).await.0.len(), 2);

    // Organizational view from the control plane, as EnableHealthServiceAccessForOrganization.
    sb.org_create(MANAGEMENT).unwrap();
    let on = json!({"action": "set_org_view", "management_account": MANAGEMENT, "enabled": true});
    assert_eq!(post(on).await.0, 200);
    let status = health(&sb, MANAGEMENT).await.describe_health_service_status_for_organization().send().await.unwrap();
    assert_eq!(status.health_service_access_status_for_organization(), Some("ENABLED"));
}
