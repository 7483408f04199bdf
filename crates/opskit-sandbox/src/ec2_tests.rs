//! Tests of the EC2 fake through the real `aws_sdk_ec2::Client`: if the SDK's own query
//! serializer and XML parsers get along with it, the fake speaks the wire protocol.

use super::*;
use aws_sdk_ec2::Client;
use aws_sdk_ec2::error::ProvideErrorMetadata as _;
use aws_sdk_ec2::operation::RequestId as _;
use aws_sdk_ec2::types::{
    Filter, Instance, InstanceStateName, InstanceType, NatGatewayState, PlatformValues, RouteState, VolumeState,
    VolumeType,
};
use serde_json::json;
use std::collections::HashSet;
use std::time::{Duration, Instant};

const OTHER_ACCOUNT: &str = "444455556666";

/// A client signed as `account` in `region`, talking to the sandbox.
async fn ec2(sb: &Sandbox, account: &str, region: &str) -> Client {
    Client::new(&test_sdk_config(sb, account, region).await)
}

async fn demo(sb: &Sandbox) -> Client {
    ec2(sb, DX_DEMO_ACCOUNT, DX_DEMO_REGION).await
}

fn filter(name: &str, values: &[&str]) -> Filter {
    values.iter().fold(Filter::builder().name(name), |b, v| b.values(*v)).build()
}

/// Every instance through the paginator (reservations flattened), and the reservations.
async fn instances(c: &Client, filters: Vec<Filter>) -> (Vec<Instance>, Vec<aws_sdk_ec2::types::Reservation>) {
    let req = c.describe_instances().set_filters(Some(filters));
    let reservations = req.into_paginator().items().send().try_collect().await.expect("every page");
    let instances = reservations.iter().flat_map(|r| r.instances().iter().cloned()).collect();
    (instances, reservations)
}

fn name_of(tags: &[aws_sdk_ec2::types::Tag]) -> Option<&str> {
    tags.iter().find(|t| t.key() == Some("Name")).and_then(|t| t.value())
}

fn no_retries() -> aws_sdk_ec2::config::Builder {
    aws_sdk_ec2::config::Builder::default().retry_config(aws_sdk_ec2::config::retry::RetryConfig::disabled())
}

#[tokio::test]
async fn demo_instances_parse_with_every_inventory_field() {
    let sb = Sandbox::start().await.unwrap();
    let (all, reservations) = instances(&demo(&sb).await, vec![]).await;
    let ids: Vec<&str> = all.iter().filter_map(|i| i.instance_id()).collect();
    assert_eq!(ids, [EC2_DEMO_WEB_1, EC2_DEMO_WEB_2, EC2_DEMO_BATCH_1]);
    let names: Vec<_> = all.iter().map(|i| name_of(i.tags())).collect();
    assert_eq!(names, [Some(EC2_DEMO_WEB_1_NAME), Some(EC2_DEMO_WEB_2_NAME), Some(EC2_DEMO_BATCH_1_NAME)]);
    // Default pages hold two instances: web-1 and web-2 share a reservation on page one.
    let grouped: Vec<(Option<&str>, usize, Option<&str>)> =
        reservations.iter().map(|r| (r.reservation_id(), r.instances().len(), r.owner_id())).collect();
    assert_eq!(
        grouped,
        [
            (Some(EC2_DEMO_WEB_RESERVATION), 2, Some(DX_DEMO_ACCOUNT)),
            (Some(EC2_DEMO_BATCH_RESERVATION), 1, Some(DX_DEMO_ACCOUNT))
        ]
    );

    let web = &all[0];
    let state = web.state().unwrap();
    assert_eq!((state.code(), state.name()), (Some(16), Some(&InstanceStateName::Running)));
    assert_eq!(web.instance_type(), Some(&InstanceType::T3Medium));
    assert_eq!((web.private_ip_address(), web.public_ip_address()), (Some("10.20.0.11"), Some(EC2_DEMO_WEB_PUBLIC_IP)));
    assert_eq!((web.subnet_id(), web.vpc_id()), (Some(EC2_DEMO_SUBNET_PUBLIC), Some(EC2_DEMO_VPC)));
    assert_eq!(web.placement().and_then(|p| p.availability_zone()), Some("ap-northeast-1a"));
    assert_eq!(web.launch_time().map(|t| t.secs()), Some(1_772_414_142), "2026-03-02T01:15:42Z");
    assert_eq!(web.platform_details(), Some("Linux/UNIX"));
    assert!(web.public_dns_name().is_some_and(|d| d.starts_with("ec2-203-0-113-11.")));
    let groups: Vec<_> = web.security_groups().iter().map(|g| (g.group_id(), g.group_name())).collect();
    assert_eq!(groups, [(Some(EC2_DEMO_SG_WEB), Some(EC2_DEMO_SG_WEB_NAME))]);
    let disks: Vec<_> = web
        .block_device_mappings()
        .iter()
        .map(|b| {
            (b.device_name(), b.ebs().and_then(|e| e.volume_id()), b.ebs().and_then(|e| e.delete_on_termination()))
        })
        .collect();
    assert_eq!(disks, [(Some("/dev/xvda"), Some(EC2_DEMO_WEB_1_VOLUME), Some(true))]);
    assert!(web.tags().iter().any(|t| t.key() == Some("customer") && t.value() == Some("acme")));

    let batch = &all[2];
    assert_eq!(batch.state().and_then(|s| s.name()), Some(&InstanceStateName::Stopped));
    assert_eq!(batch.state().and_then(|s| s.code()), Some(80));
    // AWS writes `windows`; the SDK's enum only knows `Windows`, so it arrives as the catch-all.
    assert_eq!(batch.platform().map(PlatformValues::as_str), Some("windows"));
    assert_eq!(batch.platform_details(), Some("Windows"));
    assert_eq!(batch.public_ip_address(), None);
    assert_eq!(batch.state_reason().and_then(|r| r.code()), Some("Client.UserInitiatedShutdown"));
    assert_eq!(batch.block_device_mappings().len(), 2);
    let groups: Vec<_> = batch.security_groups().iter().filter_map(|g| g.group_id()).collect();
    assert_eq!(groups, [EC2_DEMO_SG_SSH_OPEN, EC2_DEMO_SG_DEFAULT]);
}

#[tokio::test]
async fn demo_network_and_storage_parse_into_the_sdk_types() {
    let sb = Sandbox::start().await.unwrap();
    let c = demo(&sb).await;

    let volumes = c.describe_volumes().into_paginator().items().send().try_collect().await.unwrap();
    assert_eq!(volumes.len(), 5);
    let root = &volumes[0];
    assert_eq!((root.volume_id(), root.size(), root.iops()), (Some(EC2_DEMO_WEB_1_VOLUME), Some(8), Some(3000)));
    assert_eq!((root.volume_type(), root.state()), (Some(&VolumeType::Gp3), Some(&VolumeState::InUse)));
    assert_eq!(root.encrypted(), Some(true));
    let a = &root.attachments()[0];
    assert_eq!(
        (a.instance_id(), a.device(), a.delete_on_termination()),
        (Some(EC2_DEMO_WEB_1), Some("/dev/xvda"), Some(true))
    );
    let idle = volumes.iter().find(|v| v.volume_id() == Some(EC2_DEMO_IDLE_VOLUME)).unwrap();
    assert_eq!((idle.state(), idle.encrypted(), idle.iops()), (Some(&VolumeState::Available), Some(false), Some(300)));
    assert!(idle.attachments().is_empty());
    assert!(idle.create_time().is_some());

    let vpcs = c.describe_vpcs().send().await.unwrap();
    let vpc = &vpcs.vpcs()[0];
    assert_eq!(
        (vpc.vpc_id(), vpc.cidr_block(), vpc.is_default()),
        (Some(EC2_DEMO_VPC), Some(EC2_DEMO_VPC_CIDR), Some(false))
    );
    assert_eq!(vpc.owner_id(), Some(DX_DEMO_ACCOUNT));
    assert_eq!(vpc.cidr_block_association_set()[0].cidr_block(), Some(EC2_DEMO_VPC_CIDR));

    let subnets = c.describe_subnets().into_paginator().items().send().try_collect().await.unwrap();
    let s: Vec<_> =
        subnets.iter().map(|s| (s.subnet_id(), s.availability_zone(), s.map_public_ip_on_launch())).collect();
    assert_eq!(
        s,
        [
            (Some(EC2_DEMO_SUBNET_PUBLIC), Some("ap-northeast-1a"), Some(true)),
            (Some(EC2_DEMO_SUBNET_PRIVATE), Some("ap-northeast-1c"), Some(false))
        ]
    );
    assert_eq!(subnets[0].available_ip_address_count(), Some(247));

    let groups = c.describe_security_groups().into_paginator().items().send().try_collect().await.unwrap();
    assert_eq!(groups.len(), 3);
    let ssh = groups.iter().find(|g| g.group_id() == Some(EC2_DEMO_SG_SSH_OPEN)).unwrap();
    assert_eq!(ssh.group_name(), Some(EC2_DEMO_SG_SSH_OPEN_NAME));
    let p = &ssh.ip_permissions()[0];
    assert_eq!((p.ip_protocol(), p.from_port(), p.to_port()), (Some("tcp"), Some(22), Some(22)));
    assert_eq!(p.ip_ranges()[0].cidr_ip(), Some("0.0.0.0/0"));
    assert_eq!(p.ipv6_ranges()[0].cidr_ipv6(), Some("::/0"));
    let egress = &ssh.ip_permissions_egress()[0];
    assert_eq!((egress.ip_protocol(), egress.from_port(), egress.to_port()), (Some("-1"), None, None));
    let web = groups.iter().find(|g| g.group_id() == Some(EC2_DEMO_SG_WEB)).unwrap();
    let peers = &web.ip_permissions()[1].user_id_group_pairs()[0];
    assert_eq!((peers.group_id(), peers.user_id()), (Some(EC2_DEMO_SG_WEB), Some(DX_DEMO_ACCOUNT)));
    assert_eq!(web.ip_permissions()[0].ip_ranges()[0].description(), Some("load balancers"));
    let default = groups.iter().find(|g| g.group_name() == Some("default")).unwrap();
    assert_eq!(default.ip_permissions()[0].user_id_group_pairs()[0].group_id(), Some(EC2_DEMO_SG_DEFAULT));

    let addresses = c.describe_addresses().send().await.unwrap();
    let a: Vec<_> = addresses.addresses().iter().map(|a| (a.allocation_id(), a.public_ip(), a.instance_id())).collect();
    assert_eq!(
        a,
        [
            (Some(EC2_DEMO_NAT_EIP), Some(EC2_DEMO_NAT_PUBLIC_IP), None),
            (Some(EC2_DEMO_WEB_EIP), Some(EC2_DEMO_WEB_PUBLIC_IP), Some(EC2_DEMO_WEB_1)),
            (Some(EC2_DEMO_IDLE_EIP), Some(EC2_DEMO_IDLE_PUBLIC_IP), None)
        ]
    );
    assert!(
        addresses.addresses()[0].network_interface_id().is_some()
            && addresses.addresses()[2].association_id().is_none()
    );

    let nats = c.describe_nat_gateways().into_paginator().items().send().try_collect().await.unwrap();
    let nat = &nats[0];
    assert_eq!((nat.nat_gateway_id(), nat.state()), (Some(EC2_DEMO_NAT_GATEWAY), Some(&NatGatewayState::Available)));
    assert_eq!((nat.subnet_id(), nat.vpc_id()), (Some(EC2_DEMO_SUBNET_PUBLIC), Some(EC2_DEMO_VPC)));
    let na = &nat.nat_gateway_addresses()[0];
    assert_eq!((na.allocation_id(), na.public_ip()), (Some(EC2_DEMO_NAT_EIP), Some(EC2_DEMO_NAT_PUBLIC_IP)));

    let tables = c.describe_route_tables().into_paginator().items().send().try_collect().await.unwrap();
    assert_eq!(tables.len(), 2);
    let main = &tables[0];
    assert_eq!(main.route_table_id(), Some(EC2_DEMO_ROUTE_TABLE_MAIN));
    let routes: Vec<_> =
        main.routes().iter().map(|r| (r.destination_cidr_block(), r.gateway_id(), r.nat_gateway_id())).collect();
    assert_eq!(
        routes,
        [(Some(EC2_DEMO_VPC_CIDR), Some("local"), None), (Some("0.0.0.0/0"), None, Some(EC2_DEMO_NAT_GATEWAY))]
    );
    assert!(main.routes().iter().all(|r| r.state() == Some(&RouteState::Active)));
    let assoc: Vec<_> = main.associations().iter().map(|a| (a.main(), a.subnet_id())).collect();
    assert_eq!(assoc, [(Some(true), None), (Some(false), Some(EC2_DEMO_SUBNET_PRIVATE))]);
    assert_eq!(tables[1].routes()[1].gateway_id(), Some(EC2_DEMO_INTERNET_GATEWAY));
    assert_eq!(tables[1].associations()[0].subnet_id(), Some(EC2_DEMO_SUBNET_PUBLIC));

    let igws = c.describe_internet_gateways().into_paginator().items().send().try_collect().await.unwrap();
    let attachment = &igws[0].attachments()[0];
    assert_eq!(attachment.vpc_id(), Some(EC2_DEMO_VPC));
    // AWS says `available` for an attached internet gateway, a value the SDK's
    // AttachmentStatus does not model: it arrives as the catch-all.
    assert_eq!(attachment.state().map(|s| s.as_str()), Some("available"));
}

#[tokio::test]
async fn paginators_walk_every_page_and_return_every_item_once() {
    let sb = Sandbox::start().await.unwrap();
    sb.ec2_generate(&[OTHER_ACCOUNT], &["eu-west-1"], 23).unwrap();
    let c = ec2(&sb, OTHER_ACCOUNT, "eu-west-1").await;
    for page_size in [None, Some(5)] {
        let before = sb.requests().len();
        let req = c.describe_instances().into_paginator();
        let req = match page_size {
            Some(n) => req.page_size(n),
            None => req,
        };
        let reservations = req.items().send().try_collect().await.unwrap();
        let ids: Vec<String> = reservations
            .iter()
            .flat_map(|r| r.instances())
            .filter_map(|i| i.instance_id().map(str::to_string))
            .collect();
        assert_eq!(ids.len(), 23, "{page_size:?}");
        assert_eq!(ids.iter().collect::<HashSet<_>>().len(), 23, "each instance once");
        let pages = sb.requests().len() - before;
        assert_eq!(pages, if page_size.is_some() { 5 } else { 12 }, "{page_size:?}");
    }
    // Four instances to a reservation, pages of five: reservation 1 straddles pages 1 and 2.
    let out = c.describe_instances().max_results(5).send().await.unwrap();
    let sizes: Vec<usize> = out.reservations().iter().map(|r| r.instances().len()).collect();
    assert_eq!(sizes, [4, 1]);
    let second = c.describe_instances().max_results(5).next_token(out.next_token().unwrap()).send().await.unwrap();
    assert_eq!(second.reservations()[0].reservation_id(), out.reservations()[1].reservation_id());

    let volumes = c.describe_volumes().into_paginator().items().send().try_collect().await.unwrap();
    assert_eq!(volumes.iter().filter_map(|v| v.volume_id()).collect::<HashSet<_>>().len(), 23);
    let subnets = c.describe_subnets().into_paginator().items().send().try_collect().await.unwrap();
    assert_eq!(subnets.len(), 2);
    let (vpcs, groups, tables, igws, nats) = (
        c.describe_vpcs().into_paginator().items().send().try_collect().await.unwrap(),
        c.describe_security_groups().into_paginator().items().send().try_collect().await.unwrap(),
        c.describe_route_tables().into_paginator().items().send().try_collect().await.unwrap(),
        c.describe_internet_gateways().into_paginator().items().send().try_collect().await.unwrap(),
        c.describe_nat_gateways().into_paginator().items().send().try_collect().await.unwrap(),
    );
    assert_eq!([vpcs.len(), groups.len(), tables.len(), igws.len(), nats.len()], [1, 1, 1, 1, 0]);

    // The demo's three security groups and five volumes page at the default size too.
    let d = demo(&sb).await;
    let first = d.describe_security_groups().send().await.unwrap();
    assert_eq!((first.security_groups().len(), first.next_token().is_some()), (EC2_DEFAULT_PAGE_SIZE, true));
    let groups = d.describe_security_groups().into_paginator().items().send().try_collect().await.unwrap();
    assert_eq!(groups.iter().filter_map(|g| g.group_id()).collect::<HashSet<_>>().len(), 3);
    let volumes = d.describe_volumes().into_paginator().page_size(5).items().send().try_collect().await.unwrap();
    assert_eq!(volumes.len(), 5);
}

#[tokio::test]
async fn max_results_and_tokens_are_checked_as_aws_does() {
    let sb = Sandbox::start().await.unwrap();
    let c = demo(&sb).await;
    let err = c.describe_instances().max_results(4).send().await.unwrap_err();
    assert_eq!(err.code(), Some("InvalidParameterValue"));
    assert!(err.message().unwrap().contains("maxResults"), "{err:?}");
    let err = c.describe_instances().instance_ids(EC2_DEMO_WEB_1).max_results(5).send().await.unwrap_err();
    assert_eq!(err.code(), Some("InvalidParameterCombination"));
    let err = c.describe_vpcs().next_token("not-ours").send().await.unwrap_err();
    assert_eq!(err.code(), Some("InvalidPaginationToken"));
    let out = c.describe_route_tables().max_results(1000).send().await.unwrap();
    assert_eq!((out.route_tables().len(), out.next_token()), (2, None), "capped at 100, still one page");
    let one = c.describe_instances().instance_ids(EC2_DEMO_BATCH_1).instance_ids(EC2_DEMO_WEB_2).send().await.unwrap();
    let ids: Vec<_> = one.reservations().iter().flat_map(|r| r.instances()).filter_map(|i| i.instance_id()).collect();
    assert_eq!(ids, [EC2_DEMO_WEB_2, EC2_DEMO_BATCH_1], "ids select without paging, in listing order");
}

#[tokio::test]
async fn filters_select_by_state_tags_and_nested_fields() {
    let sb = Sandbox::start().await.unwrap();
    let c = demo(&sb).await;
    let ids = |v: &[Instance]| v.iter().filter_map(|i| i.instance_id().map(str::to_string)).collect::<Vec<_>>();
    let (running, _) = instances(&c, vec![filter("instance-state-name", &["running"])]).await;
    assert_eq!(ids(&running), [EC2_DEMO_WEB_1, EC2_DEMO_WEB_2]);
    let (any, _) = instances(&c, vec![filter("instance-state-name", &["running", "stopped"])]).await;
    assert_eq!(any.len(), 3, "values of one filter: any");
    let (web, _) = instances(&c, vec![filter("tag:Name", &["web-*"]), filter("instance-state-code", &["16"])]).await;
    assert_eq!(web.len(), 2, "filters: all; wildcards");
    let (open, _) = instances(&c, vec![filter("instance.group-id", &[EC2_DEMO_SG_SSH_OPEN])]).await;
    assert_eq!(ids(&open), [EC2_DEMO_BATCH_1]);
    let (none, _) =
        instances(&c, vec![filter("tag-key", &["role"]), filter("platform-details", &["Linux?UNIX"])]).await;
    assert_eq!(none.len(), 2);
    let (r, _) = instances(&c, vec![filter("reservation-id", &[EC2_DEMO_BATCH_RESERVATION])]).await;
    assert_eq!(ids(&r), [EC2_DEMO_BATCH_1]);

    let out = c.describe_volumes().filters(filter("attachment.instance-id", &[EC2_DEMO_BATCH_1])).max_results(5).send();
    assert_eq!(out.await.unwrap().volumes().len(), 2);
    let out = c.describe_volumes().filters(filter("status", &["available"])).send().await.unwrap();
    assert_eq!(out.volumes()[0].volume_id(), Some(EC2_DEMO_IDLE_VOLUME));
    let open = c.describe_security_groups().filters(filter("ip-permission.cidr", &["0.0.0.0/0"])).send().await.unwrap();
    let open: Vec<_> = open.security_groups().iter().filter_map(|g| g.group_id()).collect();
    assert_eq!(open, [EC2_DEMO_SG_SSH_OPEN]);
    let main = c.describe_route_tables().filters(filter("association.main", &["true"])).send().await.unwrap();
    assert_eq!(main.route_tables()[0].route_table_id(), Some(EC2_DEMO_ROUTE_TABLE_MAIN));
    // DescribeNatGateways' member is `filter`, not `filters`; on the wire it is `Filter` too.
    let nat = c.describe_nat_gateways().filter(filter("subnet-id", &[EC2_DEMO_SUBNET_PRIVATE])).send().await.unwrap();
    assert!(nat.nat_gateways().is_empty());
    let nat = c.describe_nat_gateways().filter(filter("state", &["available"])).send().await.unwrap();
    assert_eq!(nat.nat_gateways().len(), 1);
    let eip = c.describe_addresses().filters(filter("instance-id", &[EC2_DEMO_WEB_1])).send().await.unwrap();
    assert_eq!(eip.addresses()[0].allocation_id(), Some(EC2_DEMO_WEB_EIP));

    let err = c.describe_instances().filters(filter("colour", &["blue"])).send().await.unwrap_err();
    assert_eq!((err.code(), err.message()), (Some("InvalidParameterValue"), Some("The filter 'colour' is invalid")));
}

#[tokio::test]
async fn unknown_and_malformed_ids_get_ec2_error_codes() {
    let sb = Sandbox::start().await.unwrap();
    let c = demo(&sb).await;
    let missing = "i-0123456789abcdef0";
    let err = c.describe_instances().instance_ids(missing).send().await.unwrap_err().into_service_error();
    assert_eq!(err.code(), Some("InvalidInstanceID.NotFound"));
    assert_eq!(err.message(), Some(format!("The instance ID '{missing}' does not exist").as_str()));
    assert!(err.request_id().is_some_and(|id| id.len() == 36), "x-amzn-RequestId reaches the SDK");
    let err = c.describe_instances().instance_ids("web-1").send().await.unwrap_err();
    assert_eq!((err.code(), err.message()), (Some("InvalidInstanceID.Malformed"), Some("Invalid id: \"web-1\"")));
    let err = c.describe_vpcs().vpc_ids("vpc-0000000000000dead").send().await.unwrap_err();
    assert_eq!(err.code(), Some("InvalidVpcID.NotFound"));
    let err = c.describe_volumes().volume_ids("vol-0000000000000dead").send().await.unwrap_err();
    assert_eq!(err.code(), Some("InvalidVolume.NotFound"));
    let err = c.describe_security_groups().group_names("nope").send().await.unwrap_err();
    assert_eq!(err.code(), Some("InvalidGroup.NotFound"));
    let err = c.describe_addresses().public_ips("192.0.2.1").send().await.unwrap_err();
    assert_eq!(err.code(), Some("InvalidAddress.NotFound"));
    let err = c.describe_nat_gateways().nat_gateway_ids("nat-0000000000000dead").send().await.unwrap_err();
    assert_eq!(err.code(), Some("NatGatewayNotFound"));
    let by_name = c.describe_security_groups().group_names(EC2_DEMO_SG_WEB_NAME).send().await.unwrap();
    assert_eq!(by_name.security_groups()[0].group_id(), Some(EC2_DEMO_SG_WEB));
}

#[tokio::test]
async fn accounts_and_regions_are_isolated() {
    let sb = Sandbox::start().await.unwrap();
    let eu = ec2(&sb, DX_DEMO_ACCOUNT, "eu-west-1").await;
    assert!(instances(&eu, vec![]).await.0.is_empty());
    assert!(eu.describe_vpcs().send().await.unwrap().vpcs().is_empty());
    assert!(eu.describe_addresses().send().await.unwrap().addresses().is_empty());
    let err = eu.describe_instances().instance_ids(EC2_DEMO_WEB_1).send().await.unwrap_err();
    assert_eq!(err.code(), Some("InvalidInstanceID.NotFound"), "the demo's instance is in Tokyo");
    let other = ec2(&sb, OTHER_ACCOUNT, DX_DEMO_REGION).await;
    assert!(instances(&other, vec![]).await.0.is_empty());

    sb.ec2_put_instance(OTHER_ACCOUNT, DX_DEMO_REGION, json!({"tags": {"Name": "theirs"}})).unwrap();
    let (theirs, reservations) = instances(&other, vec![]).await;
    assert_eq!(name_of(theirs[0].tags()), Some("theirs"));
    assert_eq!(reservations[0].owner_id(), Some(OTHER_ACCOUNT));
    assert_eq!(instances(&demo(&sb).await, vec![]).await.0.len(), 3);
    let moved = sb.ec2_put_instance(OTHER_ACCOUNT, DX_DEMO_REGION, json!({"instanceId": EC2_DEMO_WEB_1}));
    assert!(matches!(moved, Err(Ec2Error::Invalid(_))), "ids are unique across the sandbox");
}

#[tokio::test]
async fn injected_faults_reach_the_sdk_as_ec2_errors() {
    let sb = Sandbox::start().await.unwrap();
    sb.ec2_generate(&[OTHER_ACCOUNT], &[DX_DEMO_REGION], 2).unwrap();
    let message = "You are not authorized to perform this operation.";
    sb.inject(
        Fault::ec2_error(Some("DescribeInstances"), 403, "UnauthorizedOperation", message, 0)
            .for_account(OTHER_ACCOUNT),
    );
    let other = ec2(&sb, OTHER_ACCOUNT, DX_DEMO_REGION).await;
    let err = other.describe_instances().send().await.unwrap_err().into_service_error();
    assert_eq!((err.code(), err.message()), (Some("UnauthorizedOperation"), Some(message)));
    assert!(err.request_id().is_some(), "the server adds x-amzn-RequestId to faults on EC2 calls too");
    assert_eq!(other.describe_vpcs().send().await.unwrap().vpcs().len(), 1, "another operation still works");
    assert_eq!(instances(&demo(&sb).await, vec![]).await.0.len(), 3, "another account still works");

    // Latency on every EC2 call, `AmazonEC2.*`; a Direct Connect pattern leaves EC2 alone.
    sb.clear();
    sb.inject(Fault::latency("/", 5_000, 1).for_target("OvertureService.*"));
    sb.inject(Fault::latency("/", 300, 1).for_target("AmazonEC2.*"));
    let start = Instant::now();
    demo(&sb).await.describe_vpcs().send().await.unwrap();
    let took = start.elapsed();
    assert!(took >= Duration::from_millis(300) && took < Duration::from_millis(5_000), "{took:?}");

    // Throttling: RequestLimitExceeded is 503 and the SDK's retries absorb one.
    sb.inject(Fault::ec2_error(None, 503, "RequestLimitExceeded", "Request limit exceeded.", 1));
    assert_eq!(demo(&sb).await.describe_subnets().send().await.unwrap().subnets().len(), 2);
    sb.inject(Fault::ec2_error(None, 503, "RequestLimitExceeded", "Request limit exceeded.", 1));
    let err = demo(&sb).await.describe_subnets().customize().config_override(no_retries()).send().await.unwrap_err();
    assert_eq!(err.code(), Some("RequestLimitExceeded"));
    // `*` is every AWS call, EC2 included.
    sb.inject(Fault::ec2_error(None, 500, "InternalError", "boom", 1).for_target("*"));
    let err = demo(&sb).await.describe_regions().customize().config_override(no_retries()).send().await.unwrap_err();
    assert_eq!(err.code(), Some("InternalError"));
    let statuses: Vec<u16> = sb.requests().iter().map(|r| r.status).collect();
    assert_eq!(statuses, [200, 503, 200, 503, 500]);
}

#[tokio::test]
async fn terminated_instances_stay_listed_then_vanish_and_take_their_disks() {
    let sb = Sandbox::start().await.unwrap();
    let c = demo(&sb).await;
    sb.ec2_terminate(EC2_DEMO_WEB_1).unwrap();
    sb.ec2_terminate(EC2_DEMO_BATCH_1).unwrap();
    sb.ec2_terminate(EC2_DEMO_BATCH_1).unwrap();
    let (all, _) = instances(&c, vec![]).await;
    assert_eq!(all.len(), 3, "listed for the retention");
    let web = &all[0];
    assert_eq!(web.state().and_then(|s| s.name()), Some(&InstanceStateName::Terminated));
    assert_eq!(web.state().and_then(|s| s.code()), Some(48));
    assert_eq!((web.public_ip_address(), web.private_ip_address(), web.vpc_id()), (None, None, None));
    assert!(web.block_device_mappings().is_empty() && web.security_groups().is_empty());
    assert!(web.state_transition_reason().is_some_and(|r| r.starts_with("User initiated (")));
    let (running, _) = instances(&c, vec![filter("instance-state-name", &["running"])]).await;
    assert_eq!(running.len(), 1);

    let volumes = c.describe_volumes().into_paginator().items().send().try_collect().await.unwrap();
    let left: Vec<_> = volumes.iter().map(|v| (v.volume_id().unwrap(), v.state().unwrap().as_str())).collect();
    assert_eq!(
        left,
        [
            (EC2_DEMO_WEB_2_VOLUME, "in-use"),
            (EC2_DEMO_BATCH_1_DATA_VOLUME, "available"),
            (EC2_DEMO_IDLE_VOLUME, "available")
        ],
        "roots deleted on termination, the data disk kept"
    );
    let eip = c.describe_addresses().allocation_ids(EC2_DEMO_WEB_EIP).send().await.unwrap();
    assert_eq!((eip.addresses()[0].instance_id(), eip.addresses()[0].association_id()), (None, None));

    sb.ec2_set_terminated_retention(Duration::ZERO);
    let (all, _) = instances(&c, vec![]).await;
    assert_eq!(all.iter().filter_map(|i| i.instance_id()).collect::<Vec<_>>(), [EC2_DEMO_WEB_2]);
    let err = c.describe_instances().instance_ids(EC2_DEMO_WEB_1).send().await.unwrap_err();
    assert_eq!(err.code(), Some("InvalidInstanceID.NotFound"));
    assert!(matches!(sb.ec2_terminate("i-0000000000000dead"), Err(Ec2Error::NotFound(_))));
    assert!(matches!(sb.ec2_terminate(EC2_DEMO_WEB_2_VOLUME), Err(Ec2Error::NotFound(_))));
}

#[tokio::test]
async fn the_generator_fills_every_place_with_the_requested_counts() {
    let sb = Sandbox::start().await.unwrap();
    let accounts: Vec<String> = (0..50).map(|i| format!("{:012}", 200_000_000_000u64 + i)).collect();
    let regions = [
        "us-east-1",
        "us-east-2",
        "us-west-1",
        "us-west-2",
        "ap-northeast-1",
        "ap-northeast-2",
        "ap-northeast-3",
        "ap-south-1",
        "ap-southeast-1",
        "ap-southeast-2",
        "ca-central-1",
        "eu-central-1",
        "eu-west-1",
        "eu-west-2",
        "eu-west-3",
        "eu-north-1",
    ];
    let start = Instant::now();
    sb.ec2_generate(&accounts, &regions, 200).unwrap();
    let counts = sb.ec2_counts();
    assert!(start.elapsed() < Duration::from_secs(2), "generation is lazy: {:?}", start.elapsed());
    let generated: Vec<_> = counts.iter().filter(|c| c.account != DX_DEMO_ACCOUNT).collect();
    assert_eq!(generated.len(), 50 * 16);
    assert!(generated.iter().all(|c| c.counts[&Ec2Kind::Instance] == 200 && c.counts[&Ec2Kind::Volume] == 200));
    assert!(generated.iter().all(|c| c.counts[&Ec2Kind::Subnet] == 2 && c.counts[&Ec2Kind::Vpc] == 1));
    let total: usize = generated.iter().map(|c| c.counts[&Ec2Kind::Instance]).sum();
    assert_eq!(total, 160_000);

    let c = ec2(&sb, &accounts[49], "eu-north-1").await;
    let page = c.describe_instances().max_results(1000).send().await.unwrap();
    let all: Vec<&Instance> = page.reservations().iter().flat_map(|r| r.instances()).collect();
    assert_eq!((all.len(), page.next_token()), (200, None));
    assert_eq!(all.iter().filter_map(|i| i.instance_id()).collect::<HashSet<_>>().len(), 200);
    let stopped = all.iter().filter(|i| i.state().and_then(|s| s.name()) == Some(&InstanceStateName::Stopped)).count();
    assert_eq!(stopped, 20, "every tenth");
    assert!(all.iter().all(|i| i.subnet_id().is_some() && i.block_device_mappings().len() == 1));
    let subnet_ids: HashSet<_> = all.iter().filter_map(|i| i.subnet_id()).collect();
    assert_eq!(subnet_ids.len(), 2);
    let vols = c.describe_volumes().filters(filter("attachment.instance-id", &[all[7].instance_id().unwrap()])).send();
    assert_eq!(vols.await.unwrap().volumes().len(), 1, "each instance has its root volume");

    // A generated instance changes and goes like any other.
    let victim = all[3].instance_id().unwrap().to_string();
    sb.ec2_terminate(&victim).unwrap();
    sb.ec2_put_instance(
        &accounts[49],
        "eu-north-1",
        json!({"instanceId": all[4].instance_id(), "tags": {"Name": "renamed"}}),
    )
    .unwrap();
    sb.ec2_set_terminated_retention(Duration::ZERO);
    let (now, _) = instances(&c, vec![filter("tag:Name", &["renamed", "gen-*"])]).await;
    assert_eq!(now.len(), 199);
    assert!(now.iter().any(|i| name_of(i.tags()) == Some("renamed")));
    let counts = sb.ec2_counts();
    let place = counts.iter().find(|c| c.account == accounts[49] && c.region == "eu-north-1").unwrap();
    assert_eq!((place.counts[&Ec2Kind::Instance], place.counts[&Ec2Kind::Volume]), (199, 199));
    assert!(matches!(sb.ec2_remove(&victim), Err(Ec2Error::NotFound(_))), "already gone");
    sb.ec2_generate(&accounts[49..], &["eu-north-1"], 3).unwrap();
    assert_eq!(instances(&c, vec![]).await.0.len(), 3, "generating again resets the place");
}

#[tokio::test]
async fn put_wires_new_resources_to_the_place_and_merges_updates() {
    let sb = Sandbox::start().await.unwrap();
    let (acct, region) = (OTHER_ACCOUNT, "us-west-2");
    let vpc = sb.ec2_put_vpc(acct, region, json!({"cidrBlock": "10.9.0.0/16", "tags": {"Name": "lab"}})).unwrap();
    let subnet = sb.ec2_put_subnet(acct, region, json!({"cidrBlock": "10.9.4.0/24"})).unwrap();
    let sg = sb.ec2_put_security_group(acct, region, json!({"groupName": "lab-sg"})).unwrap();
    let id = sb
        .ec2_put_instance(
            acct,
            region,
            json!({"instanceType": "c5.large", "state": "pending", "tags": {"Name": "lab-1"}}),
        )
        .unwrap();
    let c = ec2(&sb, acct, region).await;
    let (all, reservations) = instances(&c, vec![]).await;
    let i = &all[0];
    assert_eq!((i.instance_id(), i.instance_type()), (Some(id.as_str()), Some(&InstanceType::C5Large)));
    assert_eq!(i.state().map(|s| (s.code(), s.name().cloned())), Some((Some(0), Some(InstanceStateName::Pending))));
    assert_eq!((i.subnet_id(), i.vpc_id()), (Some(subnet.as_str()), Some(vpc.as_str())));
    assert!(i.private_ip_address().is_some_and(|ip| ip.starts_with("10.9.4.")));
    assert_eq!(i.security_groups()[0].group_name(), Some("lab-sg"));
    assert_eq!(i.security_groups()[0].group_id(), Some(sg.as_str()));
    assert_eq!(reservations[0].reservation_id().map(|r| r.starts_with("r-")), Some(true));
    let root = i.block_device_mappings()[0].ebs().and_then(|e| e.volume_id()).unwrap().to_string();
    let vols = c.describe_volumes().volume_ids(&root).send().await.unwrap();
    assert_eq!(vols.volumes()[0].attachments()[0].instance_id(), Some(id.as_str()), "a root volume came along");

    sb.ec2_put_instance(acct, region, json!({"instanceId": id, "ipAddress": "198.51.100.7", "state": "running"}))
        .unwrap();
    let (all, _) = instances(&c, vec![]).await;
    assert_eq!((all[0].public_ip_address(), name_of(all[0].tags())), (Some("198.51.100.7"), Some("lab-1")));
    sb.ec2_set_instance_state(&id, "rebooting-weirdly").unwrap();
    let (all, _) = instances(&c, vec![]).await;
    assert_eq!(all[0].state().and_then(|s| s.name()).map(|n| n.as_str()), Some("rebooting-weirdly"));

    let igw = sb.ec2_put_internet_gateway(acct, region, json!({})).unwrap();
    let rtb = sb.ec2_put_route_table(acct, region, json!({"tags": {"Name": "lab-rt"}})).unwrap();
    let nat = sb.ec2_put_nat_gateway(acct, region, json!({"state": "failed"})).unwrap();
    let eip = sb.ec2_put_address(acct, region, json!({"instanceId": id})).unwrap();
    let t = c.describe_route_tables().route_table_ids(&rtb).send().await.unwrap();
    assert_eq!(t.route_tables()[0].routes()[0].destination_cidr_block(), Some("10.9.0.0/16"));
    let n = c.describe_nat_gateways().nat_gateway_ids(&nat).send().await.unwrap();
    assert_eq!(
        (n.nat_gateways()[0].state(), n.nat_gateways()[0].subnet_id()),
        (Some(&NatGatewayState::Failed), Some(subnet.as_str()))
    );
    let g = c.describe_internet_gateways().internet_gateway_ids(&igw).send().await.unwrap();
    assert!(g.internet_gateways()[0].attachments().is_empty(), "a new gateway is detached");
    let a = c.describe_addresses().allocation_ids(&eip).send().await.unwrap();
    assert_eq!(a.addresses()[0].instance_id(), Some(id.as_str()));

    assert!(matches!(sb.ec2_put_vpc(acct, region, json!({"vpcId": "subnet-0abc"})), Err(Ec2Error::Invalid(_))));
    assert!(matches!(sb.ec2_put_vpc(acct, region, json!("vpc")), Err(Ec2Error::Invalid(_))));
    assert!(matches!(
        sb.ec2_put_vpc(acct, region, json!({"vpcId": "vpc-0ee00000000000001"})),
        Err(Ec2Error::Invalid(_))
    ));
    sb.ec2_remove(&igw).unwrap();
    assert!(c.describe_internet_gateways().send().await.unwrap().internet_gateways().is_empty());
}

#[tokio::test]
async fn describe_regions_lists_enabled_regions_and_the_rest_with_all_regions() {
    let sb = Sandbox::start().await.unwrap();
    let c = demo(&sb).await;
    let enabled = c.describe_regions().send().await.unwrap();
    let names: Vec<&str> = enabled.regions().iter().filter_map(|r| r.region_name()).collect();
    assert_eq!(names.len(), 17, "{names:?}");
    assert!(names.contains(&"ap-northeast-1") && !names.contains(&"af-south-1"));
    let tokyo = enabled.regions().iter().find(|r| r.region_name() == Some("ap-northeast-1")).unwrap();
    assert_eq!(
        (tokyo.endpoint(), tokyo.opt_in_status()),
        (Some("ec2.ap-northeast-1.amazonaws.com"), Some("opt-in-not-required"))
    );
    let all = c.describe_regions().all_regions(true).send().await.unwrap();
    assert!(all.regions().len() > 30);
    let cape = all.regions().iter().find(|r| r.region_name() == Some("af-south-1")).unwrap();
    assert_eq!(cape.opt_in_status(), Some("not-opted-in"));
    let filtered = c.describe_regions().all_regions(true).filters(filter("opt-in-status", &["not-opted-in"])).send();
    assert_eq!(filtered.await.unwrap().regions().len(), all.regions().len() - 17);
    let err = c.describe_regions().region_names("xx-nowhere-1").send().await.unwrap_err();
    assert_eq!(err.code(), Some("InvalidParameterValue"));

    // A region the account has not opted into refuses its credentials.
    let cape = ec2(&sb, DX_DEMO_ACCOUNT, "af-south-1").await;
    let err = cape.describe_instances().send().await.unwrap_err();
    assert_eq!(err.code(), Some("AuthFailure"));
    sb.ec2_set_opt_in(DX_DEMO_ACCOUNT, "af-south-1", true).unwrap();
    assert!(instances(&cape, vec![]).await.0.is_empty());
    let names = c.describe_regions().send().await.unwrap();
    assert_eq!(names.regions().len(), 18);
    assert!(matches!(sb.ec2_set_opt_in(DX_DEMO_ACCOUNT, "eu-west-1", true), Err(Ec2Error::Invalid(_))));
}

#[tokio::test]
async fn control_plane_ec2_actions_change_what_the_sdk_sees() {
    let sb = Sandbox::start().await.unwrap();
    let http = reqwest::Client::new();
    let act = |body: Value| {
        let rb = http.post(sb.url("/_sandbox/ec2")).json(&body);
        async move {
            let r = rb.send().await.unwrap();
            (r.status().as_u16(), r.text().await.unwrap())
        }
    };
    let put = json!({"action": "put", "kind": "instance", "account": OTHER_ACCOUNT, "region": "eu-west-1",
                     "resource": {"tags": {"Name": "via-http"}}});
    let (status, text) = act(put).await;
    assert_eq!(status, 200, "{text}");
    let id = serde_json::from_str::<Value>(&text).unwrap()["id"].as_str().unwrap().to_string();
    assert_eq!(act(json!({"action": "set_instance_state", "instance_id": id, "state": "stopped"})).await.0, 200);
    let c = ec2(&sb, OTHER_ACCOUNT, "eu-west-1").await;
    let (all, _) = instances(&c, vec![]).await;
    assert_eq!(all[0].state().and_then(|s| s.name()), Some(&InstanceStateName::Stopped));

    let generate = json!({"action": "generate", "accounts": [OTHER_ACCOUNT], "regions": ["eu-west-1"],
                          "instances_per_region": 4});
    assert_eq!(act(generate).await.0, 200);
    assert_eq!(instances(&c, vec![]).await.0.len(), 5);
    assert_eq!(act(json!({"action": "set_terminated_retention", "seconds": 0})).await.0, 200);
    assert_eq!(act(json!({"action": "terminate", "instance_id": id})).await.0, 200);
    assert_eq!(instances(&c, vec![]).await.0.len(), 4);
    assert_eq!(act(json!({"action": "remove", "id": id})).await.0, 404, "already gone");
    assert_eq!(
        act(json!({"action": "set_opt_in", "account": OTHER_ACCOUNT, "region": "me-south-1", "opted_in": true}))
            .await
            .0,
        200
    );
    assert_eq!(act(json!({"action": "explode"})).await.0, 400);
    let bad_kind = json!({"action": "put", "kind": "lambda", "account": "1", "region": "x", "resource": {}});
    assert_eq!(act(bad_kind).await.0, 400);

    let summary: Value = http.get(sb.url("/_sandbox/ec2")).send().await.unwrap().json().await.unwrap();
    let places = summary["places"].as_array().unwrap();
    let place = places.iter().find(|p| p["account"] == OTHER_ACCOUNT && p["region"] == "eu-west-1").unwrap();
    assert_eq!((place["counts"]["instance"].as_u64(), place["counts"]["volume"].as_u64()), (Some(4), Some(4)));
    let url = sb.url(&format!("/_sandbox/ec2?account={DX_DEMO_ACCOUNT}&region={DX_DEMO_REGION}"));
    let tokyo: Value = http.get(url).send().await.unwrap().json().await.unwrap();
    assert_eq!(tokyo["instances"].as_array().map(Vec::len), Some(3));
    assert_eq!(tokyo["instances"][0]["reservationId"], EC2_DEMO_WEB_RESERVATION);
    assert_eq!(tokyo["security_groups"].as_array().map(Vec::len), Some(3));
    assert_eq!(sb.ec2_resources(DX_DEMO_ACCOUNT, DX_DEMO_REGION), tokyo);
}

#[tokio::test]
async fn the_wire_is_ec2_query_in_and_namespaced_xml_out() {
    let sb = Sandbox::start().await.unwrap();
    demo(&sb).await.describe_instances().filters(filter("instance-state-name", &["running"])).send().await.unwrap();
    let req = &sb.requests()[0];
    let form = req.form();
    let has = |k: &str, v: &str| form.iter().any(|(a, b)| a == k && b == v);
    assert!(has("Action", "DescribeInstances") && has("Version", "2016-11-15"), "{form:?}");
    assert!(has("Filter.1.Name", "instance-state-name") && has("Filter.1.Value.1", "running"), "{form:?}");
    assert!(req.header("authorization").is_some_and(|a| a.contains("/ap-northeast-1/ec2/aws4_request")));

    let http = reqwest::Client::new();
    let sig = "AWS4-HMAC-SHA256 Credential=AKIASANDBOX111122223333/20261122/ap-northeast-1/ec2/aws4_request, \
               SignedHeaders=host, Signature=00";
    let call = |body: &'static str, auth: Option<&'static str>| {
        let mut rb = http.post(sb.url("/")).header("content-type", "application/x-www-form-urlencoded").body(body);
        if let Some(a) = auth {
            rb = rb.header("authorization", a);
        }
        async move {
            let r = rb.send().await.unwrap();
            let id = r.headers().get("x-amzn-requestid").map(|v| v.to_str().unwrap().to_string());
            let ct = r.headers()["content-type"].to_str().unwrap().to_string();
            (r.status().as_u16(), ct, id.unwrap_or_default(), r.text().await.unwrap())
        }
    };
    let (status, ct, id, xml) = call("Action=DescribeVpcs&Version=2016-11-15", Some(sig)).await;
    assert_eq!((status, ct.as_str()), (200, "text/xml;charset=UTF-8"));
    assert!(xml.contains("<DescribeVpcsResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\">"), "{xml}");
    assert!(xml.contains(&format!("<requestId>{id}</requestId>")), "the body's id is the header's");
    assert!(xml.contains("<ipv6CidrBlockAssociationSet/>"), "an empty set is an empty element");

    let (status, _, id, xml) = call("Action=DescribeVpcs&Version=2016-11-15", None).await;
    assert_eq!(status, 403);
    assert!(xml.contains("<Response><Errors><Error><Code>MissingAuthenticationToken</Code>"), "{xml}");
    assert!(xml.contains(&format!("<RequestID>{id}</RequestID></Response>")));
    let (status, _, _, xml) = call("Action=DescribeKeyPairs&Version=2016-11-15", Some(sig)).await;
    assert_eq!(status, 400);
    assert!(xml.contains("<Code>InvalidAction</Code>"), "{xml}");
    let (status, _, _, _) = call("Action=DescribeVpcs&Version=2012-01-01", None).await;
    assert_eq!(status, 404, "unsigned and not EC2's version: not routed to EC2");

    let err = demo(&sb).await.describe_vpcs().dry_run(true).send().await.unwrap_err();
    assert_eq!(err.code(), Some("DryRunOperation"));
    assert_eq!(err.raw_response().map(|r| r.status().as_u16()), Some(412));
}

/// An EC2 answer that parses but lacks its set (a stub behind an endpoint override): the SDK
/// gives `None`, which its accessor would read as "no instances".
#[tokio::test]
async fn a_200_fault_with_odd_xml_reaches_the_sdk_as_an_answer_without_its_set() {
    let sb = Sandbox::start().await.unwrap();
    let body = r#"<DescribeInstancesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>r-1</requestId></DescribeInstancesResponse>"#;
    sb.inject(Fault::ok_with_body("/", body, 1).for_target("AmazonEC2.DescribeInstances"));
    let c = demo(&sb).await;
    let out = c.describe_instances().send().await.unwrap();
    assert_eq!(out.reservations, None);
    assert!(out.reservations().is_empty());
    assert!(c.describe_instances().send().await.unwrap().reservations.is_some_and(|r| !r.is_empty()), "used up");
}

/// (instance id, system status, instance status) of every DescribeInstanceStatus item, through
/// the paginator.
async fn statuses(c: &Client, include_all: bool) -> Vec<(String, String, String)> {
    let req = c.describe_instance_status().include_all_instances(include_all);
    let items: Vec<aws_sdk_ec2::types::InstanceStatus> =
        req.into_paginator().items().send().try_collect().await.expect("every page");
    items
        .iter()
        .map(|s| {
            let sys = s.system_status().and_then(|x| x.status()).map(|x| x.as_str().to_string()).unwrap_or_default();
            let ins = s.instance_status().and_then(|x| x.status()).map(|x| x.as_str().to_string()).unwrap_or_default();
            (s.instance_id().unwrap_or_default().to_string(), sys, ins)
        })
        .collect()
}

fn st(id: &str, sys: &str, ins: &str) -> (String, String, String) {
    (id.to_string(), sys.to_string(), ins.to_string())
}

#[tokio::test]
async fn describe_instance_status_lists_running_instances_unless_asked_for_all() {
    let sb = Sandbox::start().await.unwrap();
    let c = demo(&sb).await;
    assert_eq!(statuses(&c, false).await, [st(EC2_DEMO_WEB_1, "ok", "ok"), st(EC2_DEMO_WEB_2, "ok", "ok")]);
    assert_eq!(
        statuses(&c, true).await,
        [
            st(EC2_DEMO_WEB_1, "ok", "ok"),
            st(EC2_DEMO_WEB_2, "ok", "ok"),
            st(EC2_DEMO_BATCH_1, "not-applicable", "not-applicable")
        ],
        "batch-1 is stopped"
    );

    sb.ec2_set_instance_status(EC2_DEMO_WEB_2, Some("impaired"), None).unwrap();
    let out = c.describe_instance_status().instance_ids(EC2_DEMO_WEB_2).send().await.unwrap();
    let s = &out.instance_statuses()[0];
    assert_eq!(s.availability_zone(), Some("ap-northeast-1a"));
    assert_eq!(s.instance_state().and_then(|x| x.name()), Some(&InstanceStateName::Running));
    let sys = s.system_status().unwrap();
    assert_eq!(sys.status().map(|x| x.as_str()), Some("impaired"));
    let detail = &sys.details()[0];
    assert_eq!(detail.name().map(|x| x.as_str()), Some("reachability"));
    assert_eq!(detail.status().map(|x| x.as_str()), Some("failed"));
    assert!(detail.impaired_since().is_some(), "an impaired check says since when");
    assert_eq!(s.instance_status().and_then(|x| x.status()).map(|x| x.as_str()), Some("ok"));

    let impaired =
        c.describe_instance_status().filters(filter("system-status.status", &["impaired"])).send().await.unwrap();
    let ids: Vec<_> = impaired.instance_statuses().iter().filter_map(|s| s.instance_id()).collect();
    assert_eq!(ids, [EC2_DEMO_WEB_2]);

    let err = c.describe_instance_status().instance_ids("i-0123456789abcdef0").send().await.unwrap_err();
    assert_eq!(err.code(), Some("InvalidInstanceID.NotFound"));
    let err = c.describe_instance_status().filters(filter("no-such-filter", &["x"])).send().await.unwrap_err();
    assert_eq!(err.code(), Some("InvalidParameterValue"));
}

#[tokio::test]
async fn a_reboot_is_recorded_and_heals_an_impaired_instance_after_initializing() {
    let sb = Sandbox::start().await.unwrap();
    let c = demo(&sb).await;
    sb.ec2_set_instance_status(EC2_DEMO_WEB_1, Some("impaired"), Some("impaired")).unwrap();
    sb.ec2_set_reboot_heals(EC2_DEMO_WEB_1, true, Duration::from_millis(400)).unwrap();
    sb.ec2_set_instance_status(EC2_DEMO_WEB_2, None, Some("impaired")).unwrap();

    let started = jiff::Timestamp::now();
    c.reboot_instances().instance_ids(EC2_DEMO_WEB_1).instance_ids(EC2_DEMO_WEB_2).send().await.unwrap();
    let reboots = sb.ec2_reboots();
    let ids: Vec<&str> = reboots.iter().map(|r| r.instance_id.as_str()).collect();
    assert_eq!(ids, [EC2_DEMO_WEB_1, EC2_DEMO_WEB_2]);
    assert!(reboots.iter().all(|r| r.account == DX_DEMO_ACCOUNT && r.region == DX_DEMO_REGION && r.at >= started));

    let now = statuses(&c, false).await;
    if started.duration_until(jiff::Timestamp::now()) < jiff::SignedDuration::from_millis(400) {
        assert_eq!(
            now,
            [st(EC2_DEMO_WEB_1, "initializing", "initializing"), st(EC2_DEMO_WEB_2, "initializing", "initializing")]
        );
    }
    tokio::time::sleep(Duration::from_millis(600)).await;
    assert_eq!(
        statuses(&c, false).await,
        [st(EC2_DEMO_WEB_1, "ok", "ok"), st(EC2_DEMO_WEB_2, "ok", "impaired")],
        "web-1 healed by the reboot, web-2 not"
    );
    let r = sb.ec2_resources(DX_DEMO_ACCOUNT, DX_DEMO_REGION);
    assert_eq!(r["instances"][0]["instanceState"]["name"], "running", "a reboot keeps it running");
}

#[tokio::test]
async fn reboot_refuses_unknown_and_stopped_instances_and_honours_dry_run() {
    let sb = Sandbox::start().await.unwrap();
    let c = demo(&sb).await;
    let err = c.reboot_instances().instance_ids("i-0123456789abcdef0").send().await.unwrap_err();
    assert_eq!(err.code(), Some("InvalidInstanceID.NotFound"));
    let err = c.reboot_instances().instance_ids("vol-0123456789abcdef0").send().await.unwrap_err();
    assert_eq!(err.code(), Some("InvalidInstanceID.Malformed"));
    let err = c.reboot_instances().instance_ids(EC2_DEMO_BATCH_1).send().await.unwrap_err();
    assert_eq!(err.code(), Some("IncorrectState"), "batch-1 is stopped");
    let err = c.reboot_instances().instance_ids(EC2_DEMO_WEB_1).dry_run(true).send().await.unwrap_err();
    assert_eq!(err.code(), Some("DryRunOperation"));
    let err = ec2(&sb, OTHER_ACCOUNT, DX_DEMO_REGION)
        .await
        .reboot_instances()
        .instance_ids(EC2_DEMO_WEB_1)
        .send()
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some("InvalidInstanceID.NotFound"), "another account's instance");
    assert!(sb.ec2_reboots().is_empty(), "nothing refused was rebooted");

    sb.ec2_terminate(EC2_DEMO_WEB_2).unwrap();
    c.reboot_instances().instance_ids(EC2_DEMO_WEB_2).send().await.unwrap();
    assert!(sb.ec2_reboots().is_empty(), "a terminated instance is ignored, as the reference says");

    let http = reqwest::Client::new();
    let post = |v: serde_json::Value| http.post(sb.url("/_sandbox/ec2")).json(&v).send();
    let r = post(json!({"action": "set_instance_status", "instance_id": EC2_DEMO_WEB_1, "system": "impaired"}))
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let r = post(json!({"action": "set_instance_status", "instance_id": EC2_DEMO_WEB_1, "system": "broken"}))
        .await
        .unwrap();
    assert_eq!(r.status(), 400);
    let r =
        post(json!({"action": "set_reboot_heals", "instance_id": "i-0123456789abcdef0", "heals": true})).await.unwrap();
    assert_eq!(r.status(), 404);
    c.reboot_instances().instance_ids(EC2_DEMO_WEB_1).send().await.unwrap();
    let state: serde_json::Value = http.get(sb.url("/_sandbox/ec2")).send().await.unwrap().json().await.unwrap();
    assert_eq!(state["reboots"][0]["instance_id"], EC2_DEMO_WEB_1);
}
