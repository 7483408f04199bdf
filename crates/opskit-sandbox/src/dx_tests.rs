//! Tests of the Direct Connect fake through the real `aws_sdk_directconnect::Client`: if
//! the SDK's own parsers read the answers, the fake speaks the wire protocol.

use super::*;
use aws_config::{BehaviorVersion, Region};
use aws_credential_types::Credentials;
use aws_sdk_directconnect::Client;
use aws_sdk_directconnect::error::ProvideErrorMetadata as _;
use aws_sdk_directconnect::operation::RequestId as _;
use aws_sdk_directconnect::types::{
    AddressFamily, BgpStatus, ConnectionState, HasLogicalRedundancy, VirtualInterface, VirtualInterfaceState,
};
use serde_json::json;
use std::time::{Duration, Instant};

const OTHER_ACCOUNT: &str = "444455556666";

/// A client signed as `account` in `region`, talking to the sandbox: what opskit's
/// per-target `SdkConfig` amounts to with an endpoint override.
async fn dx(sb: &Sandbox, account: &str, region: &str) -> Client {
    Client::new(&test_sdk_config(sb, account, region).await)
}

async fn demo(sb: &Sandbox) -> Client {
    dx(sb, DX_DEMO_ACCOUNT, DX_DEMO_REGION).await
}

/// Every VIF of the caller, following `nextToken`; also the page sizes seen.
async fn all_vifs(c: &Client, max_results: Option<i32>) -> (Vec<VirtualInterface>, Vec<usize>) {
    let (mut vifs, mut pages, mut token) = (Vec::new(), Vec::new(), None);
    loop {
        let out = c.describe_virtual_interfaces().set_max_results(max_results).set_next_token(token).send().await;
        let out = out.expect("a page");
        pages.push(out.virtual_interfaces().len());
        vifs.extend(out.virtual_interfaces().iter().cloned());
        token = out.next_token().map(str::to_string);
        if token.is_none() {
            return (vifs, pages);
        }
    }
}

async fn vif(c: &Client, id: &str) -> VirtualInterface {
    let out = c.describe_virtual_interfaces().virtual_interface_id(id).send().await.expect("the VIF");
    assert_eq!(out.virtual_interfaces().len(), 1);
    out.virtual_interfaces()[0].clone()
}

#[tokio::test]
async fn seeded_vifs_and_connections_parse_into_the_sdk_types() {
    let sb = Sandbox::start().await.unwrap();
    let c = demo(&sb).await;
    let (vifs, _) = all_vifs(&c, None).await;
    let ids: Vec<&str> = vifs.iter().filter_map(|v| v.virtual_interface_id()).collect();
    assert_eq!(ids, [DX_DEMO_PRIVATE_VIF, DX_DEMO_TRANSIT_VIF, DX_DEMO_PUBLIC_VIF]);
    for v in &vifs {
        assert_eq!(v.virtual_interface_state(), Some(&VirtualInterfaceState::Available));
        assert_eq!((v.owner_account(), v.region()), (Some(DX_DEMO_ACCOUNT), Some(DX_DEMO_REGION)));
        assert!(v.auth_key().is_some_and(|k| k.contains(DX_AUTH_KEY_MARKER)));
        assert!(v.customer_router_config().is_some_and(|k| k.contains(DX_ROUTER_CONFIG_MARKER)));
        assert!(v.bgp_peers().iter().all(|p| p.bgp_status() == Some(&BgpStatus::Up)));
        assert!(v.tags().iter().any(|t| t.key() == "customer" && t.value() == Some("acme")));
        assert!(v.vlan() > 0 && v.asn() > 0 && v.amazon_side_asn().is_some() && v.location().is_some());
        assert!(v.aws_device_v2().is_some() && v.aws_logical_device_id().is_some());
    }
    let transit = &vifs[1];
    assert_eq!(
        (
            transit.virtual_interface_type(),
            transit.virtual_interface_name(),
            transit.mtu(),
            transit.jumbo_frame_capable()
        ),
        (Some("transit"), Some(DX_DEMO_TRANSIT_VIF_NAME), Some(8500), Some(true))
    );
    let families: Vec<_> = transit.bgp_peers().iter().map(|p| p.address_family().cloned()).collect();
    assert_eq!(families, [Some(AddressFamily::IPv4), Some(AddressFamily::IPv6)]);
    assert_eq!(vifs[2].virtual_interface_type(), Some("public"));
    assert_eq!(vifs[2].route_filter_prefixes()[0].cidr(), Some("198.51.100.0/24"));

    let out = c.describe_connections().send().await.unwrap();
    let conns = out.connections();
    assert_eq!(conns.len(), 2);
    assert_eq!(conns[0].connection_id(), Some(DX_DEMO_CONNECTION_A));
    assert_eq!(conns[0].connection_state(), Some(&ConnectionState::Available));
    assert_eq!(conns[0].bandwidth(), Some("10Gbps"));
    assert_eq!(conns[0].has_logical_redundancy(), Some(&HasLogicalRedundancy::UnknownValue));
    assert_eq!(conns[0].loa_issue_time().map(|t| t.secs()), Some(1_748_822_400), "epoch seconds on the wire");
    let one = c.describe_connections().connection_id(DX_DEMO_CONNECTION_B).send().await.unwrap();
    assert_eq!(one.connections()[0].location(), Some("ATTKY"));
}

#[tokio::test]
async fn generated_vifs_come_back_in_pages_of_at_most_100_following_next_token() {
    let sb = Sandbox::start().await.unwrap();
    sb.dx_generate(OTHER_ACCOUNT, "us-east-1", 250, 3).unwrap();
    let c = dx(&sb, OTHER_ACCOUNT, "us-east-1").await;
    let (vifs, pages) = all_vifs(&c, Some(100)).await;
    assert_eq!(pages, [100, 100, 50]);
    let mut ids: Vec<&str> = vifs.iter().filter_map(|v| v.virtual_interface_id()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), 250, "every VIF once");
    assert_eq!(all_vifs(&c, None).await.1, [100, 100, 50], "no maxResults: pages of 100");
    assert_eq!(all_vifs(&c, Some(1000)).await.1, [100, 100, 50], "capped at 100");
    assert_eq!(all_vifs(&c, Some(120)).await.1.len(), 3);
    let on_first = c.describe_virtual_interfaces().connection_id("dxcon-g0000000").send().await.unwrap();
    assert_eq!(on_first.virtual_interfaces().len(), 84, "spread over the 3 connections");
    assert_eq!(c.describe_connections().send().await.unwrap().connections().len(), 3);

    let err = c.describe_virtual_interfaces().next_token("not-ours").send().await.unwrap_err();
    assert!(err.into_service_error().is_direct_connect_client_exception());
}

#[tokio::test]
#[allow(deprecated)] // `Unknown(_)` is deprecated for matching; here it is what we prove.
async fn unknown_state_strings_reach_the_sdk_catch_all_and_unknown_is_modeled() {
    let sb = Sandbox::start().await.unwrap();
    let c = demo(&sb).await;
    sb.dx_set_vif_state(DX_DEMO_PRIVATE_VIF, "degraded-new-state").unwrap();
    let state = vif(&c, DX_DEMO_PRIVATE_VIF).await.virtual_interface_state().cloned().unwrap();
    assert!(matches!(state, VirtualInterfaceState::Unknown(_)), "{state:?}");
    assert_eq!(state.as_str(), "degraded-new-state");
    sb.dx_set_vif_state(DX_DEMO_PRIVATE_VIF, "unknown").unwrap();
    let state = vif(&c, DX_DEMO_PRIVATE_VIF).await.virtual_interface_state().cloned();
    assert_eq!(state, Some(VirtualInterfaceState::UnknownValue));
    assert!(matches!(sb.dx_set_vif_state("dxvif-nothere", "down"), Err(DxError::NotFound(_))));
}

#[tokio::test]
async fn bgp_down_on_every_peer_takes_the_vif_down_and_one_up_brings_it_back() {
    let sb = Sandbox::start().await.unwrap();
    let c = demo(&sb).await;
    let state = |v: &VirtualInterface| v.virtual_interface_state().cloned();
    sb.dx_set_bgp(DX_DEMO_TRANSIT_VIF, Some(DX_DEMO_TRANSIT_PEER_IPV4), "down").unwrap();
    let v = vif(&c, DX_DEMO_TRANSIT_VIF).await;
    assert_eq!(state(&v), Some(VirtualInterfaceState::Available), "the IPv6 session is still up");
    assert_eq!(v.bgp_peers()[0].bgp_status(), Some(&BgpStatus::Down));
    sb.dx_set_bgp(DX_DEMO_TRANSIT_VIF, Some(DX_DEMO_TRANSIT_PEER_IPV6), "down").unwrap();
    assert_eq!(state(&vif(&c, DX_DEMO_TRANSIT_VIF).await), Some(VirtualInterfaceState::Down));
    sb.dx_set_bgp(DX_DEMO_TRANSIT_VIF, Some(DX_DEMO_TRANSIT_PEER_IPV6), "up").unwrap();
    assert_eq!(state(&vif(&c, DX_DEMO_TRANSIT_VIF).await), Some(VirtualInterfaceState::Available));

    sb.dx_set_bgp(DX_DEMO_PRIVATE_VIF, None, "down").unwrap();
    assert_eq!(state(&vif(&c, DX_DEMO_PRIVATE_VIF).await), Some(VirtualInterfaceState::Down));
    sb.dx_set_vif_state(DX_DEMO_PRIVATE_VIF, "deleting").unwrap();
    sb.dx_set_bgp(DX_DEMO_PRIVATE_VIF, None, "up").unwrap();
    assert_eq!(
        state(&vif(&c, DX_DEMO_PRIVATE_VIF).await),
        Some(VirtualInterfaceState::Deleting),
        "only up/down follow"
    );
    assert!(matches!(sb.dx_set_bgp(DX_DEMO_PRIVATE_VIF, Some("dxpeer-nope"), "up"), Err(DxError::NotFound(_))));
}

#[tokio::test]
async fn injected_access_denied_hits_one_account_and_spares_the_others() {
    let sb = Sandbox::start().await.unwrap();
    sb.dx_generate(OTHER_ACCOUNT, DX_DEMO_REGION, 2, 1).unwrap();
    let message = "User: arn:aws:sts::444455556666:assumed-role/opskit/x is not authorized to perform: \
                   directconnect:DescribeVirtualInterfaces";
    sb.inject(Fault::aws_error(None, 400, "AccessDeniedException", message, 0).for_account(OTHER_ACCOUNT));
    let err = dx(&sb, OTHER_ACCOUNT, DX_DEMO_REGION).await.describe_virtual_interfaces().send().await.unwrap_err();
    let err = err.into_service_error();
    assert_eq!((err.code(), err.message()), (Some("AccessDeniedException"), Some(message)));
    assert!(err.request_id().is_some_and(|id| id.len() == 36), "x-amzn-RequestId reaches the SDK");
    let (vifs, _) = all_vifs(&demo(&sb).await, None).await;
    assert_eq!(vifs.len(), 3, "another account still works");
    assert_eq!(sb.requests().iter().map(|r| r.status).collect::<Vec<_>>(), [400, 200]);
}

#[tokio::test]
async fn regions_and_accounts_are_isolated() {
    let sb = Sandbox::start().await.unwrap();
    let eu = dx(&sb, DX_DEMO_ACCOUNT, "eu-west-1").await;
    assert!(all_vifs(&eu, None).await.0.is_empty());
    assert!(eu.describe_connections().send().await.unwrap().connections().is_empty());
    let err = eu.describe_virtual_interfaces().virtual_interface_id(DX_DEMO_TRANSIT_VIF).send().await.unwrap_err();
    let err = err.into_service_error();
    assert!(err.is_direct_connect_client_exception(), "{err:?}");
    assert!(err.message().unwrap_or("").contains(DX_DEMO_TRANSIT_VIF));
    let err = eu.describe_connections().connection_id(DX_DEMO_CONNECTION_A).send().await.unwrap_err();
    assert!(err.into_service_error().is_direct_connect_client_exception());

    // Access keys without 12 trailing digits sign as the default account, which is empty.
    let creds = Credentials::new("AKIDEXAMPLE", "secret", None, None, "test");
    let conf = aws_config::defaults(BehaviorVersion::latest())
        .region(Region::new(DX_DEMO_REGION))
        .endpoint_url(sb.url(""))
        .credentials_provider(creds)
        .load()
        .await;
    let out = Client::new(&conf).describe_virtual_interfaces().send().await.unwrap();
    assert!(out.virtual_interfaces().is_empty());
    sb.dx_put_vif(AWS_DEFAULT_ACCOUNT, DX_DEMO_REGION, json!({"virtualInterfaceId": "dxvif-dflt0001"})).unwrap();
    let out = Client::new(&conf).describe_virtual_interfaces().send().await.unwrap();
    assert_eq!(out.virtual_interfaces()[0].owner_account(), Some(AWS_DEFAULT_ACCOUNT));
}

#[tokio::test]
async fn put_vif_creates_a_healthy_vif_and_merges_updates() {
    let sb = Sandbox::start().await.unwrap();
    let c = demo(&sb).await;
    let id = sb.dx_put_vif(DX_DEMO_ACCOUNT, DX_DEMO_REGION, json!({"virtualInterfaceName": "new-one"})).unwrap();
    let v = vif(&c, &id).await;
    assert_eq!((v.virtual_interface_name(), v.connection_id()), (Some("new-one"), Some(DX_DEMO_CONNECTION_A)));
    assert_eq!(
        (v.owner_account(), v.virtual_interface_state()),
        (Some(DX_DEMO_ACCOUNT), Some(&VirtualInterfaceState::Available))
    );
    assert_eq!(v.bgp_peers().len(), 1);
    sb.dx_put_vif(DX_DEMO_ACCOUNT, DX_DEMO_REGION, json!({"virtualInterfaceId": id, "vlan": 999})).unwrap();
    let v = vif(&c, &id).await;
    assert_eq!((v.vlan(), v.virtual_interface_name()), (999, Some("new-one")), "given fields over stored ones");
    let moved = sb.dx_put_vif(OTHER_ACCOUNT, DX_DEMO_REGION, json!({"virtualInterfaceId": DX_DEMO_TRANSIT_VIF}));
    assert!(matches!(moved, Err(DxError::Invalid(_))), "ids are unique across the sandbox");

    sb.dx_remove(&id).unwrap();
    assert_eq!(all_vifs(&c, None).await.0.len(), 3);
    sb.dx_set_connection_state(DX_DEMO_CONNECTION_B, "down").unwrap();
    let out = c.describe_connections().connection_id(DX_DEMO_CONNECTION_B).send().await.unwrap();
    assert_eq!(out.connections()[0].connection_state(), Some(&ConnectionState::Down));
    let conn = sb.dx_put_connection(OTHER_ACCOUNT, "us-west-2", json!({"bandwidth": "100Gbps"})).unwrap();
    let out = dx(&sb, OTHER_ACCOUNT, "us-west-2").await.describe_connections().send().await.unwrap();
    assert_eq!(
        (out.connections()[0].connection_id(), out.connections()[0].bandwidth()),
        (Some(conn.as_str()), Some("100Gbps"))
    );
}

#[tokio::test]
async fn control_plane_dx_actions_change_what_the_sdk_sees() {
    let sb = Sandbox::start().await.unwrap();
    let http = reqwest::Client::new();
    let act = |body: Value| {
        let rb = http.post(sb.url("/_sandbox/dx")).json(&body);
        async move {
            let r = rb.send().await.unwrap();
            (r.status().as_u16(), r.text().await.unwrap())
        }
    };
    let (status, text) =
        act(json!({"action": "put_vif", "account": "555566667777", "region": "eu-west-1", "vif": {"vlan": 42}})).await;
    assert_eq!(status, 200, "{text}");
    let id = serde_json::from_str::<Value>(&text).unwrap()["id"].as_str().unwrap().to_string();
    assert_eq!(act(json!({"action": "set_bgp", "vif_id": id, "status": "down"})).await.0, 200);
    let c = dx(&sb, "555566667777", "eu-west-1").await;
    let v = vif(&c, &id).await;
    assert_eq!((v.vlan(), v.virtual_interface_state()), (42, Some(&VirtualInterfaceState::Down)));
    assert_eq!(act(json!({"action": "set_vif_state", "vif_id": id, "state": "testing"})).await.0, 200);
    assert_eq!(vif(&c, &id).await.virtual_interface_state(), Some(&VirtualInterfaceState::Testing));

    let generate =
        json!({"action": "generate", "account": "555566667777", "region": "eu-west-1", "vifs": 5, "connections": 1});
    assert_eq!(act(generate).await.0, 200);
    assert_eq!(all_vifs(&c, None).await.0.len(), 6);
    assert_eq!(act(json!({"action": "remove", "id": id})).await.0, 200);
    assert_eq!(
        act(json!({"action": "set_connection_state", "connection_id": "dxcon-g0000000", "state": "down"})).await.0,
        200
    );
    let out = c.describe_connections().send().await.unwrap();
    assert_eq!(out.connections()[0].connection_state(), Some(&ConnectionState::Down));

    assert_eq!(act(json!({"action": "remove", "id": id})).await.0, 404, "already gone");
    assert_eq!(act(json!({"action": "explode"})).await.0, 400);
    let state: Value = http.get(sb.url("/_sandbox/dx")).send().await.unwrap().json().await.unwrap();
    assert_eq!(state["virtualInterfaces"].as_array().unwrap().len(), 3 + 5);
    assert_eq!(state["connections"].as_array().unwrap().len(), 2 + 1);
    assert_eq!(sb.dx_vifs().len(), 8);
}

#[tokio::test]
async fn latency_only_faults_delay_then_the_fake_or_a_later_fault_answers() {
    let sb = Sandbox::start().await.unwrap();
    let c = demo(&sb).await;
    sb.inject(Fault::latency("/", 300, 2).for_target("OvertureService.*"));
    let start = Instant::now();
    assert_eq!(all_vifs(&c, None).await.0.len(), 3, "answered normally");
    assert!(start.elapsed() >= Duration::from_millis(300));

    sb.inject(Fault::aws_error(
        Some("OvertureService.DescribeConnections"),
        500,
        "DirectConnectServerException",
        "boom",
        1,
    ));
    let start = Instant::now();
    let err = c.describe_connections().customize().config_override(no_retries()).send().await.unwrap_err();
    assert!(start.elapsed() >= Duration::from_millis(300), "the latency stacks with the later fault");
    assert!(err.into_service_error().is_direct_connect_server_exception());

    // Only calls signed for eu-west-1 are held: a Tokyo call leaves the fault armed.
    sb.inject(Fault { delay_ms: 400, times: 1, ..Fault::default() }.in_region("eu-west-1"));
    all_vifs(&c, None).await;
    let eu = dx(&sb, DX_DEMO_ACCOUNT, "eu-west-1").await;
    let start = Instant::now();
    assert!(all_vifs(&eu, None).await.0.is_empty());
    assert!(start.elapsed() >= Duration::from_millis(400));
}

fn no_retries() -> aws_sdk_directconnect::config::Builder {
    aws_sdk_directconnect::config::Builder::default()
        .retry_config(aws_sdk_directconnect::config::retry::RetryConfig::disabled())
}

#[tokio::test]
async fn aws_calls_without_auth_or_with_unknown_targets_get_aws_errors() {
    let sb = Sandbox::start().await.unwrap();
    let http = reqwest::Client::new();
    let call = |target: &str, auth: Option<&str>| {
        let mut rb = http
            .post(sb.url("/"))
            .header("x-amz-target", target)
            .header("content-type", "application/x-amz-json-1.1")
            .body("{}");
        if let Some(a) = auth {
            rb = rb.header("authorization", a);
        }
        rb.send()
    };
    let sig = "AWS4-HMAC-SHA256 Credential=AKIASANDBOX111122223333/20261122/ap-northeast-1/directconnect/aws4_request, \
               SignedHeaders=host, Signature=00";
    let r = call("OvertureService.DescribeVirtualInterfaces", None).await.unwrap();
    assert_eq!(r.status(), 403);
    assert_eq!(r.headers()["x-amzn-errortype"], "MissingAuthenticationTokenException");
    assert_eq!(r.headers()["content-type"], "application/x-amz-json-1.1");
    assert!(r.headers().contains_key("x-amzn-requestid"));
    assert_eq!(r.json::<Value>().await.unwrap()["__type"], "MissingAuthenticationTokenException");
    let r = call("OvertureService.DescribeVirtualInterfaces", Some("Bearer abc")).await.unwrap();
    assert_eq!(
        (r.status().as_u16(), r.headers()["x-amzn-errortype"].to_str().unwrap()),
        (400, "IncompleteSignatureException")
    );
    let r = call("AWSSupport_20130415.DescribeServices", Some(sig)).await.unwrap();
    assert_eq!(
        (r.status().as_u16(), r.headers()["x-amzn-errortype"].to_str().unwrap()),
        (400, "UnknownOperationException")
    );
    let r = call("OvertureService.DescribeVirtualInterfaces", Some(sig)).await.unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(r.json::<Value>().await.unwrap()["virtualInterfaces"].as_array().map(Vec::len), Some(3));

    let err = demo(&sb).await.describe_lags().send().await.unwrap_err();
    assert_eq!(err.code(), Some("UnknownOperationException"), "an operation the fake lacks");
}

#[test]
fn fault_json_takes_the_aws_matchers_and_old_faults_still_parse() {
    let f: Fault = serde_json::from_value(json!({"path_prefix": "/", "status": 400, "target": "OvertureService.*",
        "account": "444455556666", "region": "eu-west-1"}))
    .unwrap();
    assert_eq!((f.target.as_deref(), f.account.as_deref()), (Some("OvertureService.*"), Some("444455556666")));
    let old: Fault = serde_json::from_value(json!({"path_prefix": WEBHOOK_PATH, "status": 503})).unwrap();
    assert_eq!((old.target, old.account, old.region), (None, None, None));
}

/// What a proxy's `{}` looks like to the SDK: a success whose list is missing, which the
/// accessor hides behind `&[]` (why opskit reads the field instead).
#[tokio::test]
async fn a_200_fault_from_the_control_plane_answers_its_body_as_a_success() {
    let sb = Sandbox::start().await.unwrap();
    let fault = json!({"path_prefix": "/", "target": "OvertureService.DescribeVirtualInterfaces", "status": 200,
        "body": "{}", "times": 1});
    let armed = reqwest::Client::new().post(sb.url("/_sandbox/faults")).json(&fault).send().await.unwrap();
    assert_eq!(armed.status(), 200);
    let c = demo(&sb).await;
    let out = c.describe_virtual_interfaces().send().await.unwrap();
    assert_eq!(out.virtual_interfaces, None, "the answer has no list");
    assert!(out.virtual_interfaces().is_empty(), "which the accessor reads as an empty one");
    assert_eq!(c.describe_virtual_interfaces().send().await.unwrap().virtual_interfaces.map(|v| v.len()), Some(3));
    assert_eq!(sb.requests().iter().map(|r| r.status).collect::<Vec<_>>(), [200, 200]);
}
