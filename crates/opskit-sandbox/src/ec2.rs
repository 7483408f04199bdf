//! Fake of the Amazon EC2 reads an inventory makes (API 2016-11-15, the EC2 query protocol):
//! instances, volumes, VPCs, subnets, security groups, Elastic IPs, NAT gateways, route
//! tables and internet gateways per (account, region), the region list, and the changes
//! tests and the demo make to them ([`Sandbox::ec2_put_instance`] and friends, or `POST
//! /_sandbox/ec2`).
//!
//! Wire facts (reference/aws-apis.md §4, checked against the aws-sdk-ec2 1.274 serializers
//! and deserializers, `protocol_serde/shape_*.rs` and `ec2_query_errors.rs`):
//! - A call is `POST /` with a form body `Action=<Operation>&Version=2016-11-15&...`, signed
//!   for the service `ec2`; lists in the input are flat and 1-based (`InstanceId.1=..`,
//!   `Filter.1.Name=..&Filter.1.Value.1=..`; DescribeNatGateways' Rust member is `filter`, its
//!   wire name is `Filter` like the others).
//! - The answer is `200`, `text/xml`, `<{Operation}Response xmlns="http://ec2.amazonaws.com/
//!   doc/2016-11-15/"><requestId>..</requestId>...`, element names in lower camel case as the
//!   model's `locationName`s have them, which are not always the member names: an instance's
//!   state is `instanceState`, its public IP `ipAddress`, its public DNS `dnsName`, its
//!   security groups `groupSet`, its tags `tagSet`, its disks `blockDeviceMapping`; a volume's
//!   state is `status`; a region's endpoint is `regionEndpoint`; the security group list is
//!   `securityGroupInfo` and the address list `addressesSet`. Every list is a wrapper element
//!   holding `<item>`s. Timestamps are ISO 8601 text (`2026-03-02T01:15:42.000Z`).
//! - An error is `<Response><Errors><Error><Code>..</Code><Message>..</Message></Error>
//!   </Errors><RequestID>..</RequestID></Response>` with a 4xx/5xx status; the SDK reads
//!   code and message from the body and the request id only from the `x-amzn-RequestId`
//!   header, so every answer carries the same id in both.
//!
//! Resources are kept as JSON objects keyed by those element names (rendered to XML as they
//! are: object → child elements in order, array → `<item>`s, `null` → left out), so a test
//! can store a state or a field the SDK does not know. Ids are unique across the sandbox;
//! a call lists only what its signer's (account, region) holds. Where AWS is not documented,
//! or the sandbox deliberately differs, we choose and say so:
//! - Every operation with a paginator in aws-sdk-ec2 pages: `MaxResults` must be at least 5
//!   (`InvalidParameterValue` otherwise, as AWS answers) and is capped at 1000 (100 for
//!   route tables). Without `MaxResults` AWS returns everything; the sandbox returns pages of
//!   [`EC2_DEFAULT_PAGE_SIZE`] (2) so that a client ignoring `NextToken` loses data here and
//!   the demo data already pages. DescribeAddresses and DescribeRegions never page. A token we
//!   did not issue is `InvalidPaginationToken`.
//! - DescribeInstances pages over instances, not reservations, and groups each page's
//!   instances into their reservations, so a reservation can straddle two pages (twice in the
//!   paginator's items, with different instances). `MaxResults` with `InstanceId`s is
//!   `InvalidParameterCombination`, as AWS documents.
//! - Asking for an id the place lacks is the kind's `*.NotFound` error; an id without the
//!   kind's prefix is `*.Malformed`. Filters: several filters must all match, several values
//!   of one filter any, `*` and `?` are wildcards, `tag:<key>`, `tag-key` and `tag-value` work
//!   on every kind; an unknown filter name is `InvalidParameterValue` (the names each kind
//!   knows are in [`FILTERS`]).
//! - A terminated instance stays listed as `terminated` (code 48, without addresses, subnet,
//!   groups or disks) for the retention (an hour, as AWS says "approximately one hour"; see
//!   [`Sandbox::ec2_set_terminated_retention`]), then vanishes. Its `deleteOnTermination`
//!   volumes vanish at once, the others become `available`, its Elastic IPs are
//!   disassociated.
//! - Opt-in regions (af-south-1 and the like) are disabled for every account until it opts in
//!   ([`Sandbox::ec2_set_opt_in`], or by putting or generating resources there): a call signed
//!   for a disabled region is `401 AuthFailure`, and DescribeRegions lists it only with
//!   `AllRegions=true`, as `not-opted-in`.
//! - `DryRun=true` on a known operation is `412 DryRunOperation`. Operations the fake lacks
//!   are `InvalidAction`. Version is not checked once the call is signed for `ec2`.
//! - First response: RebootInstances (`InstanceId.N`) answers `<return>true</return>`; an
//!   unknown id is `InvalidInstanceID.NotFound`, a terminated instance is ignored (the
//!   reference: "Requests to reboot terminated instances are ignored"), one neither running
//!   nor terminated is `400 IncorrectState` (the common error for a resource in the wrong
//!   state; the reference names no error). The instance stays `running`; the reboot is
//!   recorded ([`Sandbox::ec2_reboots`]). DescribeInstanceStatus lists `instanceStatusSet`
//!   items (`instanceId`, `availabilityZone`, `availabilityZoneId`, `instanceState`,
//!   `systemStatus` and `instanceStatus` with `details` of `reachability`, `eventsSet`), only
//!   running instances unless `IncludeAllInstances=true` (the others read `not-applicable`),
//!   pages like the Describe calls and filters by `availability-zone`,
//!   `instance-state-name`/`-code`, `system-status.status`/`.reachability` and
//!   `instance-status.status`/`.reachability`. Checks read `ok` until
//!   [`Sandbox::ec2_set_instance_status`] says otherwise; after a reboot both read
//!   `initializing` for a while, then `ok` if [`Sandbox::ec2_set_reboot_heals`] said the
//!   reboot heals, else what they read before.

use super::aws::{self, Caller, QueryService};
use super::{Fault, Recorded, Reply, Sandbox, Shared, lock, read, write};
use serde_json::{Map, Value, json};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write as _;
use std::sync::Arc;

pub(crate) const API_VERSION: &str = "2016-11-15";
const XMLNS: &str = "http://ec2.amazonaws.com/doc/2016-11-15/";
/// What a [`Fault`]'s `target` pattern sees for an EC2 call: `AmazonEC2.<Action>`, so
/// `AmazonEC2.*` is every EC2 call (and `*` every AWS call, EC2 included).
pub const EC2_TARGET_PREFIX: &str = "AmazonEC2";
/// The SigV4 signing name of EC2 (`Credential=AKID/date/region/ec2/aws4_request`).
const SIGNING_NAME: &str = "ec2";
const CONTENT_TYPE: &str = "text/xml;charset=UTF-8";
/// Items on a page when the caller sends no `MaxResults` (AWS would send everything).
pub const EC2_DEFAULT_PAGE_SIZE: usize = 2;
/// The smallest `MaxResults` AWS accepts on the paged Describe* operations.
const MIN_MAX_RESULTS: i64 = 5;
const DEFAULT_RETENTION_MS: i64 = 60 * 60 * 1000;
/// Instances per place [`Ec2::generate`] makes at most (addresses run out after that).
const GENERATE_CAP: usize = 50_000;

/// The demo place is the Direct Connect demo's: [`super::DX_DEMO_ACCOUNT`] in
/// [`super::DX_DEMO_REGION`] (111122223333, ap-northeast-1).
pub const EC2_DEMO_VPC: &str = "vpc-0c1a2b3c4d5e6f701";
pub const EC2_DEMO_VPC_CIDR: &str = "10.20.0.0/16";
/// ap-northeast-1a, 10.20.0.0/24, routes to the internet gateway; web-1 and web-2 live here.
pub const EC2_DEMO_SUBNET_PUBLIC: &str = "subnet-0c1a2b3c4d5e6f711";
/// ap-northeast-1c, 10.20.1.0/24, routes to the NAT gateway; batch-1 lives here.
pub const EC2_DEMO_SUBNET_PRIVATE: &str = "subnet-0c1a2b3c4d5e6f712";
pub const EC2_DEMO_INTERNET_GATEWAY: &str = "igw-0c1a2b3c4d5e6f721";
/// In the public subnet, with [`EC2_DEMO_NAT_EIP`].
pub const EC2_DEMO_NAT_GATEWAY: &str = "nat-0c1a2b3c4d5e6f731";
pub const EC2_DEMO_NAT_EIP: &str = "eipalloc-0c1a2b3c4d5e6f741";
pub const EC2_DEMO_NAT_PUBLIC_IP: &str = "203.0.113.10";
/// Associated with web-1.
pub const EC2_DEMO_WEB_EIP: &str = "eipalloc-0c1a2b3c4d5e6f742";
pub const EC2_DEMO_WEB_PUBLIC_IP: &str = "203.0.113.11";
/// Allocated and associated with nothing (billed while idle).
pub const EC2_DEMO_IDLE_EIP: &str = "eipalloc-0c1a2b3c4d5e6f743";
pub const EC2_DEMO_IDLE_PUBLIC_IP: &str = "203.0.113.12";
/// The VPC's main route table (local + 0.0.0.0/0 via the NAT gateway), also associated with
/// the private subnet explicitly.
pub const EC2_DEMO_ROUTE_TABLE_MAIN: &str = "rtb-0c1a2b3c4d5e6f751";
/// Local + 0.0.0.0/0 via the internet gateway, associated with the public subnet.
pub const EC2_DEMO_ROUTE_TABLE_PUBLIC: &str = "rtb-0c1a2b3c4d5e6f752";
/// The VPC's `default` group: everything from itself in, everything out.
pub const EC2_DEMO_SG_DEFAULT: &str = "sg-0c1a2b3c4d5e6f761";
/// `web`, the sane one: 443 from the VPC, 8080-8090 from itself, everything out.
pub const EC2_DEMO_SG_WEB: &str = "sg-0c1a2b3c4d5e6f762";
pub const EC2_DEMO_SG_WEB_NAME: &str = "web";
/// `ssh-anywhere-sg`: 22/tcp from 0.0.0.0/0 and ::/0. Same id and name as the group the
/// Trusted Advisor demo flags (`TA_SG_SSH_RESOURCE`), so the two stories meet.
pub const EC2_DEMO_SG_SSH_OPEN: &str = "sg-0c3d4e5f607182930";
pub const EC2_DEMO_SG_SSH_OPEN_NAME: &str = "ssh-anywhere-sg";
/// web-1 and web-2 were launched together: one reservation.
pub const EC2_DEMO_WEB_RESERVATION: &str = "r-0c1a2b3c4d5e6f790";
pub const EC2_DEMO_BATCH_RESERVATION: &str = "r-0c1a2b3c4d5e6f791";
/// t3.medium, running, public subnet, [`EC2_DEMO_WEB_PUBLIC_IP`].
pub const EC2_DEMO_WEB_1: &str = "i-0c1a2b3c4d5e6f771";
pub const EC2_DEMO_WEB_1_NAME: &str = "web-1";
/// t3.medium, running, public subnet, an auto-assigned public IP.
pub const EC2_DEMO_WEB_2: &str = "i-0c1a2b3c4d5e6f772";
pub const EC2_DEMO_WEB_2_NAME: &str = "web-2";
/// m5.xlarge Windows, stopped, private subnet, in [`EC2_DEMO_SG_SSH_OPEN`].
pub const EC2_DEMO_BATCH_1: &str = "i-0c1a2b3c4d5e6f773";
pub const EC2_DEMO_BATCH_1_NAME: &str = "batch-1";
/// Root volumes (8 GiB gp3, deleted on termination).
pub const EC2_DEMO_WEB_1_VOLUME: &str = "vol-0c1a2b3c4d5e6f781";
pub const EC2_DEMO_WEB_2_VOLUME: &str = "vol-0c1a2b3c4d5e6f782";
/// batch-1's root (50 GiB gp3).
pub const EC2_DEMO_BATCH_1_VOLUME: &str = "vol-0c1a2b3c4d5e6f783";
/// batch-1's data disk (500 GiB st1, kept on termination).
pub const EC2_DEMO_BATCH_1_DATA_VOLUME: &str = "vol-0c1a2b3c4d5e6f784";
/// 100 GiB gp2, `available`: attached to nothing.
pub const EC2_DEMO_IDLE_VOLUME: &str = "vol-0c1a2b3c4d5e6f785";

/// Seeded times: the VPC's creation, the web reservation's launch, batch-1's launch.
const CREATED: &str = "2025-06-02T00:00:00.000Z";
const WEB_LAUNCH: &str = "2026-03-02T01:15:42.000Z";
const BATCH_LAUNCH: &str = "2025-11-20T08:00:00.000Z";
/// Launch time of generated instance 0; instance n launched n minutes later.
const GENERATED_EPOCH_SECS: i64 = 1_767_225_600; // 2026-01-01T00:00:00Z
const IMAGE_LINUX: &str = "ami-0d52744d6551d851e";
const IMAGE_WINDOWS: &str = "ami-0a1f2c3b4d5e6f708";

/// (region, needs an opt-in): the commercial regions DescribeRegions knows.
const REGIONS: &[(&str, bool)] = &[
    ("af-south-1", true),
    ("ap-east-1", true),
    ("ap-east-2", true),
    ("ap-northeast-1", false),
    ("ap-northeast-2", false),
    ("ap-northeast-3", false),
    ("ap-south-1", false),
    ("ap-south-2", true),
    ("ap-southeast-1", false),
    ("ap-southeast-2", false),
    ("ap-southeast-3", true),
    ("ap-southeast-4", true),
    ("ap-southeast-5", true),
    ("ap-southeast-7", true),
    ("ca-central-1", false),
    ("ca-west-1", true),
    ("eu-central-1", false),
    ("eu-central-2", true),
    ("eu-north-1", false),
    ("eu-south-1", true),
    ("eu-south-2", true),
    ("eu-west-1", false),
    ("eu-west-2", false),
    ("eu-west-3", false),
    ("il-central-1", true),
    ("me-central-1", true),
    ("me-south-1", true),
    ("mx-central-1", true),
    ("sa-east-1", false),
    ("us-east-1", false),
    ("us-east-2", false),
    ("us-west-1", false),
    ("us-west-2", false),
];

/// Why an EC2 change could not be made.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Ec2Error {
    #[error("no EC2 resource `{0}` in the sandbox")]
    NotFound(String),
    #[error("invalid EC2 change: {0}")]
    Invalid(String),
}

/// The kinds of resource the fake keeps, in the order of [`Ec2Kind::ALL`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Ec2Kind {
    Instance,
    Volume,
    Vpc,
    Subnet,
    SecurityGroup,
    Address,
    NatGateway,
    RouteTable,
    InternetGateway,
}

/// How one kind travels: its id, its Describe operation and the errors for unknown ids.
struct Spec {
    /// Ids are `<prefix>-<17 hex digits>`.
    prefix: &'static str,
    id_field: &'static str,
    action: &'static str,
    /// The list element of the answer.
    set: &'static str,
    /// The input list of ids (`InstanceId.1=..`).
    id_param: &'static str,
    /// `None`: the operation has no paginator and answers everything.
    cap: Option<usize>,
    not_found: &'static str,
    malformed: &'static str,
}

const SPECS: [Spec; 9] = [
    Spec {
        prefix: "i",
        id_field: "instanceId",
        action: "DescribeInstances",
        set: "reservationSet",
        id_param: "InstanceId",
        cap: Some(1000),
        not_found: "InvalidInstanceID.NotFound",
        malformed: "InvalidInstanceID.Malformed",
    },
    Spec {
        prefix: "vol",
        id_field: "volumeId",
        action: "DescribeVolumes",
        set: "volumeSet",
        id_param: "VolumeId",
        cap: Some(1000),
        not_found: "InvalidVolume.NotFound",
        malformed: "InvalidVolumeID.Malformed",
    },
    Spec {
        prefix: "vpc",
        id_field: "vpcId",
        action: "DescribeVpcs",
        set: "vpcSet",
        id_param: "VpcId",
        cap: Some(1000),
        not_found: "InvalidVpcID.NotFound",
        malformed: "InvalidVpcID.Malformed",
    },
    Spec {
        prefix: "subnet",
        id_field: "subnetId",
        action: "DescribeSubnets",
        set: "subnetSet",
        id_param: "SubnetId",
        cap: Some(1000),
        not_found: "InvalidSubnetID.NotFound",
        malformed: "InvalidSubnetID.Malformed",
    },
    Spec {
        prefix: "sg",
        id_field: "groupId",
        action: "DescribeSecurityGroups",
        set: "securityGroupInfo",
        id_param: "GroupId",
        cap: Some(1000),
        not_found: "InvalidGroup.NotFound",
        malformed: "InvalidGroupId.Malformed",
    },
    Spec {
        prefix: "eipalloc",
        id_field: "allocationId",
        action: "DescribeAddresses",
        set: "addressesSet",
        id_param: "AllocationId",
        cap: None,
        not_found: "InvalidAllocationID.NotFound",
        malformed: "InvalidAllocationID.Malformed",
    },
    Spec {
        prefix: "nat",
        id_field: "natGatewayId",
        action: "DescribeNatGateways",
        set: "natGatewaySet",
        id_param: "NatGatewayId",
        cap: Some(1000),
        not_found: "NatGatewayNotFound",
        malformed: "InvalidParameter",
    },
    Spec {
        prefix: "rtb",
        id_field: "routeTableId",
        action: "DescribeRouteTables",
        set: "routeTableSet",
        id_param: "RouteTableId",
        cap: Some(100),
        not_found: "InvalidRouteTableID.NotFound",
        malformed: "InvalidRouteTableID.Malformed",
    },
    Spec {
        prefix: "igw",
        id_field: "internetGatewayId",
        action: "DescribeInternetGateways",
        set: "internetGatewaySet",
        id_param: "InternetGatewayId",
        cap: Some(1000),
        not_found: "InvalidInternetGatewayID.NotFound",
        malformed: "InvalidInternetGatewayID.Malformed",
    },
];

/// The filter names each kind answers (besides `tag:<key>`, `tag-key` and `tag-value`),
/// each with the path of the values it compares: element names, `*` for every item of a
/// list. Instances also know `reservation-id` and `owner-id`, which live on the reservation.
const FILTERS: [&[(&str, &str)]; 9] = [
    &[
        ("instance-id", "instanceId"),
        ("instance-state-name", "instanceState.name"),
        ("instance-state-code", "instanceState.code"),
        ("instance-type", "instanceType"),
        ("availability-zone", "placement.availabilityZone"),
        ("vpc-id", "vpcId"),
        ("subnet-id", "subnetId"),
        ("private-ip-address", "privateIpAddress"),
        ("ip-address", "ipAddress"),
        ("image-id", "imageId"),
        ("key-name", "keyName"),
        ("platform", "platform"),
        ("platform-details", "platformDetails"),
        ("architecture", "architecture"),
        ("launch-time", "launchTime"),
        ("instance.group-id", "groupSet.*.groupId"),
        ("instance.group-name", "groupSet.*.groupName"),
        ("group-id", "groupSet.*.groupId"),
        ("group-name", "groupSet.*.groupName"),
        ("block-device-mapping.volume-id", "blockDeviceMapping.*.ebs.volumeId"),
        ("block-device-mapping.device-name", "blockDeviceMapping.*.deviceName"),
    ],
    &[
        ("volume-id", "volumeId"),
        ("status", "status"),
        ("volume-type", "volumeType"),
        ("size", "size"),
        ("availability-zone", "availabilityZone"),
        ("encrypted", "encrypted"),
        ("snapshot-id", "snapshotId"),
        ("create-time", "createTime"),
        ("attachment.instance-id", "attachmentSet.*.instanceId"),
        ("attachment.device", "attachmentSet.*.device"),
        ("attachment.status", "attachmentSet.*.status"),
        ("attachment.delete-on-termination", "attachmentSet.*.deleteOnTermination"),
    ],
    &[
        ("vpc-id", "vpcId"),
        ("state", "state"),
        ("cidr", "cidrBlock"),
        ("cidr-block-association.cidr-block", "cidrBlockAssociationSet.*.cidrBlock"),
        ("cidr-block-association.association-id", "cidrBlockAssociationSet.*.associationId"),
        ("cidr-block-association.state", "cidrBlockAssociationSet.*.cidrBlockState.state"),
        ("dhcp-options-id", "dhcpOptionsId"),
        ("is-default", "isDefault"),
        ("owner-id", "ownerId"),
    ],
    &[
        ("subnet-id", "subnetId"),
        ("vpc-id", "vpcId"),
        ("state", "state"),
        ("cidr-block", "cidrBlock"),
        ("availability-zone", "availabilityZone"),
        ("availability-zone-id", "availabilityZoneId"),
        ("default-for-az", "defaultForAz"),
        ("map-public-ip-on-launch", "mapPublicIpOnLaunch"),
        ("owner-id", "ownerId"),
        ("subnet-arn", "subnetArn"),
    ],
    &[
        ("group-id", "groupId"),
        ("group-name", "groupName"),
        ("description", "groupDescription"),
        ("vpc-id", "vpcId"),
        ("owner-id", "ownerId"),
        ("ip-permission.protocol", "ipPermissions.*.ipProtocol"),
        ("ip-permission.from-port", "ipPermissions.*.fromPort"),
        ("ip-permission.to-port", "ipPermissions.*.toPort"),
        ("ip-permission.cidr", "ipPermissions.*.ipRanges.*.cidrIp"),
        ("ip-permission.ipv6-cidr", "ipPermissions.*.ipv6Ranges.*.cidrIpv6"),
        ("ip-permission.group-id", "ipPermissions.*.groups.*.groupId"),
        ("egress.ip-permission.protocol", "ipPermissionsEgress.*.ipProtocol"),
        ("egress.ip-permission.cidr", "ipPermissionsEgress.*.ipRanges.*.cidrIp"),
    ],
    &[
        ("allocation-id", "allocationId"),
        ("association-id", "associationId"),
        ("domain", "domain"),
        ("instance-id", "instanceId"),
        ("network-interface-id", "networkInterfaceId"),
        ("network-interface-owner-id", "networkInterfaceOwnerId"),
        ("private-ip-address", "privateIpAddress"),
        ("public-ip", "publicIp"),
        ("network-border-group", "networkBorderGroup"),
        ("public-ipv4-pool", "publicIpv4Pool"),
    ],
    &[("nat-gateway-id", "natGatewayId"), ("state", "state"), ("subnet-id", "subnetId"), ("vpc-id", "vpcId")],
    &[
        ("route-table-id", "routeTableId"),
        ("vpc-id", "vpcId"),
        ("owner-id", "ownerId"),
        ("association.main", "associationSet.*.main"),
        ("association.subnet-id", "associationSet.*.subnetId"),
        ("association.route-table-association-id", "associationSet.*.routeTableAssociationId"),
        ("association.gateway-id", "associationSet.*.gatewayId"),
        ("route.destination-cidr-block", "routeSet.*.destinationCidrBlock"),
        ("route.gateway-id", "routeSet.*.gatewayId"),
        ("route.nat-gateway-id", "routeSet.*.natGatewayId"),
        ("route.transit-gateway-id", "routeSet.*.transitGatewayId"),
        ("route.vpc-peering-connection-id", "routeSet.*.vpcPeeringConnectionId"),
        ("route.instance-id", "routeSet.*.instanceId"),
        ("route.origin", "routeSet.*.origin"),
        ("route.state", "routeSet.*.state"),
    ],
    &[
        ("internet-gateway-id", "internetGatewayId"),
        ("owner-id", "ownerId"),
        ("attachment.vpc-id", "attachmentSet.*.vpcId"),
        ("attachment.state", "attachmentSet.*.state"),
    ],
];

const REGION_FILTERS: &[(&str, &str)] =
    &[("region-name", "regionName"), ("endpoint", "regionEndpoint"), ("opt-in-status", "optInStatus")];

impl Ec2Kind {
    pub const ALL: [Ec2Kind; 9] = [
        Ec2Kind::Instance,
        Ec2Kind::Volume,
        Ec2Kind::Vpc,
        Ec2Kind::Subnet,
        Ec2Kind::SecurityGroup,
        Ec2Kind::Address,
        Ec2Kind::NatGateway,
        Ec2Kind::RouteTable,
        Ec2Kind::InternetGateway,
    ];

    fn spec(self) -> &'static Spec {
        &SPECS[self as usize]
    }

    /// The kind an id belongs to, by its prefix.
    fn of_id(id: &str) -> Option<Ec2Kind> {
        let (prefix, _) = id.split_once('-')?;
        Ec2Kind::ALL.into_iter().find(|k| k.spec().prefix == prefix)
    }

    fn of_action(action: &str) -> Option<Ec2Kind> {
        Ec2Kind::ALL.into_iter().find(|k| k.spec().action == action)
    }

    /// The snake-case name the control plane uses (`security_group`).
    pub fn name(self) -> &'static str {
        [
            "instance",
            "volume",
            "vpc",
            "subnet",
            "security_group",
            "address",
            "nat_gateway",
            "route_table",
            "internet_gateway",
        ][self as usize]
    }
}

type Key = (String, String);

fn key(account: &str, region: &str) -> Key {
    (account.to_string(), region.to_string())
}

/// One stored resource: its answer, and what the answer does not carry.
#[derive(Debug, Clone)]
struct Item {
    body: Value,
    /// The reservation of an instance; empty for the other kinds.
    reservation: String,
    /// When an instance was terminated through [`Ec2::terminate`].
    terminated_at: Option<jiff::Timestamp>,
}

impl Item {
    fn new(body: Value) -> Item {
        Item { body, reservation: String::new(), terminated_at: None }
    }

    fn id(&self, kind: Ec2Kind) -> &str {
        self.body[kind.spec().id_field].as_str().unwrap_or("")
    }
}

/// What one (account, region) holds: resources put one by one (in creation order), then
/// the generated ones, which are computed when asked for instead of stored, so that 50
/// accounts × 16 regions × 200 instances cost next to no memory.
#[derive(Default)]
struct Place {
    items: [Vec<Item>; 9],
    generated: Option<Generated>,
}

struct Generated {
    /// The place's index in [`Ec2::generated`]: part of every generated id.
    slot: usize,
    instances: usize,
    /// Generated resources changed since (`Some`, the new state) or removed (`None`).
    overrides: HashMap<String, Option<Item>>,
}

impl Generated {
    fn count(&self, kind: Ec2Kind) -> usize {
        match kind {
            Ec2Kind::Instance | Ec2Kind::Volume => self.instances,
            Ec2Kind::Subnet => 2,
            Ec2Kind::Vpc | Ec2Kind::SecurityGroup | Ec2Kind::RouteTable | Ec2Kind::InternetGateway => 1,
            Ec2Kind::Address | Ec2Kind::NatGateway => 0,
        }
    }
}

/// Generated resources by (slot, kind), see [`Ec2::made`].
type Made = HashMap<(usize, Ec2Kind), Arc<Vec<Item>>>;

/// Where a resource is: stored in a place's list, or generated (slot, index).
enum Loc {
    Stored(Key, Ec2Kind, usize),
    Generated(Key, Ec2Kind, usize),
}

pub(crate) struct Ec2 {
    places: BTreeMap<Key, Place>,
    /// The place of every stored id, so that finding one stays cheap with hundreds of places.
    homes: HashMap<String, Key>,
    /// Places that [`Ec2::generate`] filled, in order: the index is part of their ids.
    generated: Vec<Key>,
    /// (account, opt-in region) pairs that are enabled.
    opted_in: HashSet<Key>,
    retention_ms: i64,
    /// Resources put without an id so far, for their ids.
    unnamed: u64,
    /// Status checks set through the control plane, by instance id (others read `ok`).
    checks: HashMap<String, Checks>,
    /// Every RebootInstances that rebooted something, oldest first.
    reboots: Vec<Ec2Reboot>,
    /// Generated resources made once per (slot, kind): they depend on nothing but their
    /// place and number ([`gen_item`]), so Describe calls under the read lock share them
    /// instead of making 200 instances again for every page.
    made: std::sync::Mutex<Made>,
}

/// The status checks the sandbox keeps for one instance (see [`Sandbox::ec2_set_instance_status`]).
#[derive(Debug, Clone)]
struct Checks {
    system: String,
    instance: String,
    /// When each went `impaired`, for the details' `impairedSince`.
    system_since: Option<jiff::Timestamp>,
    instance_since: Option<jiff::Timestamp>,
    reboot_heals: bool,
    initializing_ms: u64,
    /// Both checks read `initializing` until then (after a reboot).
    initializing_until: Option<jiff::Timestamp>,
}

impl Default for Checks {
    fn default() -> Checks {
        Checks {
            system: "ok".into(),
            instance: "ok".into(),
            system_since: None,
            instance_since: None,
            reboot_heals: false,
            initializing_ms: DEFAULT_REBOOT_INITIALIZING_MS,
            initializing_until: None,
        }
    }
}

/// One instance rebooted by RebootInstances, as [`Sandbox::ec2_reboots`] records it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Ec2Reboot {
    pub instance_id: String,
    pub account: String,
    pub region: String,
    pub at: jiff::Timestamp,
}

/// The status-check values DescribeInstanceStatus answers (`SummaryStatus`).
const CHECK_STATUSES: [&str; 5] = ["ok", "impaired", "initializing", "insufficient-data", "not-applicable"];
/// How long both checks read `initializing` after a reboot, unless set per instance.
const DEFAULT_REBOOT_INITIALIZING_MS: u64 = 500;

fn obj(v: Value) -> Map<String, Value> {
    match v {
        Value::Object(m) => m,
        _ => Map::new(),
    }
}

/// `over`'s fields replace `base`'s; lists are replaced whole.
fn merge(base: &mut Value, over: Map<String, Value>) {
    if let Value::Object(b) = base {
        b.extend(over);
    }
}

fn tags(pairs: &[(&str, &str)]) -> Value {
    pairs.iter().map(|(k, v)| json!({"key": k, "value": v})).collect()
}

fn state_code(name: &str) -> i64 {
    match name {
        "pending" => 0,
        "running" => 16,
        "shutting-down" => 32,
        "terminated" => 48,
        "stopping" => 64,
        "stopped" => 80,
        _ => 0,
    }
}

/// `a.b.c.d/len` → (network as u32, prefix length).
fn parse_cidr(cidr: &str) -> Option<(u32, u32)> {
    let (ip, len) = cidr.split_once('/')?;
    let ip: std::net::Ipv4Addr = ip.parse().ok()?;
    let len: u32 = len.parse().ok().filter(|l| *l <= 32)?;
    Some((u32::from(ip), len))
}

/// The `n`th usable host of `cidr` (AWS keeps the first four and the last address).
fn host_in(cidr: &str, n: usize) -> String {
    let (net, len) = parse_cidr(cidr).unwrap_or((0x0a00_0000, 8));
    let size = 1u64 << (32 - len);
    let usable = size.saturating_sub(5).max(1);
    let host = 4 + (n as u64 % usable);
    std::net::Ipv4Addr::from(net.wrapping_add(host as u32)).to_string()
}

fn available_ips(cidr: &str) -> u64 {
    parse_cidr(cidr).map_or(0, |(_, len)| (1u64 << (32 - len)).saturating_sub(5))
}

/// `ap-northeast-1a` → `apne1-az1`: the shape of an AZ id (the real mapping differs per
/// account).
fn az_id(az: &str) -> String {
    let (region, letter) = az.split_at(az.len().saturating_sub(1));
    let mut short = String::new();
    for (i, part) in region.split('-').enumerate() {
        match i {
            0 => short.push_str(part),
            _ if part.bytes().all(|b| b.is_ascii_digit()) => short.push_str(part),
            _ => {
                for word in ["north", "south", "east", "west", "central"] {
                    if part.contains(word) {
                        short.push_str(&word[..1]);
                    }
                }
            }
        }
    }
    let n = letter.bytes().next().map_or(1, |b| b.saturating_sub(b'a') + 1);
    format!("{short}-az{n}")
}

fn private_dns(ip: &str, region: &str) -> String {
    let host = format!("ip-{}", ip.replace('.', "-"));
    if region == "us-east-1" { format!("{host}.ec2.internal") } else { format!("{host}.{region}.compute.internal") }
}

fn public_dns(ip: &str, region: &str) -> String {
    let host = format!("ec2-{}", ip.replace('.', "-"));
    if region == "us-east-1" {
        format!("{host}.compute-1.amazonaws.com")
    } else {
        format!("{host}.{region}.compute.amazonaws.com")
    }
}

fn timestamp(secs: i64) -> String {
    let t = jiff::Timestamp::from_second(secs).unwrap_or(jiff::Timestamp::UNIX_EPOCH);
    format!("{}", t.strftime("%Y-%m-%dT%H:%M:%S.000Z"))
}

fn new_vpc(account: &str, id: &str, cidr: &str) -> Value {
    let suffix = id.strip_prefix("vpc-").unwrap_or(id);
    json!({
        "vpcId": id, "ownerId": account, "state": "available", "cidrBlock": cidr,
        "cidrBlockAssociationSet": [{
            "associationId": format!("vpc-cidr-assoc-{suffix}"), "cidrBlock": cidr,
            "cidrBlockState": {"state": "associated"},
        }],
        "ipv6CidrBlockAssociationSet": [], "dhcpOptionsId": "dopt-0sandbox00000001", "instanceTenancy": "default",
        "isDefault": false, "tagSet": [],
    })
}

fn new_subnet(account: &str, region: &str, id: &str, vpc: &str, cidr: &str, az: &str) -> Value {
    json!({
        "subnetId": id, "subnetArn": format!("arn:aws:ec2:{region}:{account}:subnet/{id}"), "state": "available",
        "ownerId": account, "vpcId": vpc, "cidrBlock": cidr, "availableIpAddressCount": available_ips(cidr),
        "availabilityZone": az, "availabilityZoneId": az_id(az), "defaultForAz": false,
        "mapPublicIpOnLaunch": false, "assignIpv6AddressOnCreation": false, "ipv6CidrBlockAssociationSet": [],
        "tagSet": [],
    })
}

/// One rule of `ipPermissions`; protocol `-1` (all traffic) carries no ports, as on AWS.
fn permission(protocol: &str, ports: Option<(u16, u16)>, cidrs: &[&str], cidrs6: &[&str], groups: Value) -> Value {
    let mut p = json!({"ipProtocol": protocol});
    if let Some((from, to)) = ports {
        p["fromPort"] = json!(from);
        p["toPort"] = json!(to);
    }
    p["groups"] = groups;
    p["ipRanges"] = cidrs.iter().map(|c| json!({"cidrIp": c})).collect();
    p["ipv6Ranges"] = cidrs6.iter().map(|c| json!({"cidrIpv6": c})).collect();
    p["prefixListIds"] = json!([]);
    p
}

fn new_security_group(account: &str, region: &str, id: &str, vpc: &str, name: &str, description: &str) -> Value {
    json!({
        "ownerId": account, "groupId": id, "groupName": name, "groupDescription": description, "vpcId": vpc,
        "securityGroupArn": format!("arn:aws:ec2:{region}:{account}:security-group/{id}"),
        "ipPermissions": [], "ipPermissionsEgress": [permission("-1", None, &["0.0.0.0/0"], &[], json!([]))],
        "tagSet": [],
    })
}

/// A VPC's `default` group: everything from its own members.
fn default_security_group(account: &str, region: &str, id: &str, vpc: &str) -> Value {
    let mut sg = new_security_group(account, region, id, vpc, "default", "default VPC security group");
    sg["ipPermissions"] = json!([permission("-1", None, &[], &[], json!([{"userId": account, "groupId": id}]))]);
    sg
}

fn new_address(region: &str, id: &str, ip: &str) -> Value {
    json!({
        "publicIp": ip, "allocationId": id, "domain": "vpc", "publicIpv4Pool": "amazon",
        "networkBorderGroup": region, "tagSet": [],
    })
}

fn new_nat_gateway(id: &str, vpc: &str, subnet: &str) -> Value {
    json!({
        "createTime": CREATED, "natGatewayAddressSet": [], "natGatewayId": id, "state": "available",
        "subnetId": subnet, "vpcId": vpc, "tagSet": [], "connectivityType": "public",
    })
}

fn new_route_table(account: &str, id: &str, vpc: &str, vpc_cidr: &str) -> Value {
    json!({
        "routeTableId": id, "vpcId": vpc, "ownerId": account,
        "routeSet": [{"destinationCidrBlock": vpc_cidr, "gatewayId": "local", "state": "active",
                      "origin": "CreateRouteTable"}],
        "associationSet": [], "propagatingVgwSet": [], "tagSet": [],
    })
}

fn route_association(table: &str, n: u32, subnet: Option<&str>) -> Value {
    let suffix = table.strip_prefix("rtb-").unwrap_or(table);
    let mut a = json!({
        "routeTableAssociationId": format!("rtbassoc-{}{n:x}", &suffix[..suffix.len().saturating_sub(1)]),
        "routeTableId": table, "main": subnet.is_none(),
    });
    if let Some(s) = subnet {
        a["subnetId"] = json!(s);
    }
    a["associationState"] = json!({"state": "associated"});
    a
}

fn new_internet_gateway(account: &str, id: &str, vpc: Option<&str>) -> Value {
    let attachments: Value = vpc.map(|v| json!({"vpcId": v, "state": "available"})).into_iter().collect();
    json!({"attachmentSet": attachments, "internetGatewayId": id, "ownerId": account, "tagSet": []})
}

fn new_volume(id: &str, az: &str, size: u64, volume_type: &str) -> Value {
    let mut v = json!({
        "volumeId": id, "size": size, "snapshotId": "", "availabilityZone": az, "status": "available",
        "createTime": CREATED, "attachmentSet": [], "volumeType": volume_type,
    });
    match volume_type {
        "gp3" => merge(&mut v, obj(json!({"iops": 3000, "throughput": 125}))),
        "gp2" => v["iops"] = json!((size * 3).clamp(100, 16_000)),
        "io1" | "io2" => v["iops"] = json!(1000),
        _ => {}
    }
    merge(&mut v, obj(json!({"encrypted": true, "multiAttachEnabled": false, "tagSet": []})));
    v
}

fn attach(volume: &mut Value, instance: &str, device: &str, at: &str, delete_on_termination: bool) {
    volume["status"] = json!("in-use");
    volume["attachmentSet"] = json!([{
        "volumeId": volume["volumeId"], "instanceId": instance, "device": device, "status": "attached",
        "attachTime": at, "deleteOnTermination": delete_on_termination,
    }]);
}

fn block_device(device: &str, volume: &str, at: &str, delete_on_termination: bool) -> Value {
    json!({"deviceName": device, "ebs": {
        "volumeId": volume, "status": "attached", "attachTime": at, "deleteOnTermination": delete_on_termination,
    }})
}

/// Where a new instance goes and what it is called; missing parts are left out.
struct Launch<'a> {
    subnet: Option<&'a Value>,
    groups: Vec<(String, String)>,
    n: usize,
    at: &'a str,
}

/// A running t3.micro Linux instance with its root volume attached (the volume itself is
/// the caller's to store).
fn new_instance(region: &str, id: &str, root_volume: &str, launch: &Launch) -> Value {
    let az = launch.subnet.and_then(|s| s["availabilityZone"].as_str()).unwrap_or("").to_string();
    let az = if az.is_empty() { format!("{region}a") } else { az };
    let ip = launch.subnet.and_then(|s| s["cidrBlock"].as_str()).map(|c| host_in(c, launch.n + 6));
    let groups: Value = launch.groups.iter().map(|(id, name)| json!({"groupId": id, "groupName": name})).collect();
    json!({
        "instanceId": id, "imageId": IMAGE_LINUX, "instanceState": {"code": 16, "name": "running"},
        "privateDnsName": ip.as_deref().map_or(String::new(), |ip| private_dns(ip, region)), "dnsName": "",
        "reason": "", "keyName": "ops-admin", "amiLaunchIndex": 0, "productCodes": [], "instanceType": "t3.micro",
        "launchTime": launch.at, "placement": {"availabilityZone": az, "groupName": "", "tenancy": "default"},
        "monitoring": {"state": "disabled"}, "subnetId": launch.subnet.map(|s| s["subnetId"].clone()),
        "vpcId": launch.subnet.map(|s| s["vpcId"].clone()), "privateIpAddress": ip, "sourceDestCheck": true,
        "groupSet": groups, "architecture": "x86_64", "rootDeviceType": "ebs", "rootDeviceName": "/dev/xvda",
        "blockDeviceMapping": [block_device("/dev/xvda", root_volume, launch.at, true)],
        "virtualizationType": "hvm", "clientToken": "", "tagSet": [], "hypervisor": "xen", "ebsOptimized": false,
        "enaSupport": true, "platformDetails": "Linux/UNIX", "usageOperation": "RunInstances",
        "usageOperationUpdateTime": launch.at,
        "metadataOptions": {"state": "applied", "httpTokens": "required", "httpPutResponseHopLimit": 2,
                            "httpEndpoint": "enabled", "httpProtocolIpv6": "disabled",
                            "instanceMetadataTags": "disabled"},
    })
}

fn set_public_ip(instance: &mut Value, ip: &str, region: &str) {
    instance["ipAddress"] = json!(ip);
    instance["dnsName"] = json!(public_dns(ip, region));
}

fn set_state(instance: &mut Value, state: &str) {
    instance["instanceState"] = json!({"code": state_code(state), "name": state});
}

fn user_initiated(now: jiff::Timestamp) -> String {
    format!("User initiated ({})", now.strftime("%Y-%m-%d %H:%M:%S GMT"))
}

/// Ids of generated resources: `<prefix>-0ee<slot: 4 hex><index: 10 hex>`, 17 digits like
/// AWS's. Nothing else the sandbox makes starts with `0ee`.
fn gen_id(kind: Ec2Kind, slot: usize, n: usize) -> String {
    format!("{}-0ee{slot:04x}{n:010x}", kind.spec().prefix)
}

fn parse_gen_id(id: &str) -> Option<(Ec2Kind, usize, usize)> {
    let kind = Ec2Kind::of_id(id)?;
    let hex = id.split_once('-')?.1.strip_prefix("0ee")?;
    if hex.len() != 14 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let slot = usize::from_str_radix(&hex[..4], 16).ok()?;
    let n = usize::from_str_radix(&hex[4..], 16).ok()?;
    Some((kind, slot, n))
}

const GEN_TYPES: [&str; 5] = ["t3.micro", "t3.small", "m5.large", "c5.xlarge", "r5.large"];
const GEN_VPC_CIDR: &str = "10.0.0.0/16";
const GEN_SUBNETS: [(&str, char); 2] = [("10.0.0.0/17", 'a'), ("10.0.128.0/17", 'c')];

/// Generated resource `n` of `kind` in the place at `slot`: one VPC with a public and a
/// private subnet, an internet gateway, a main route table to it and the default group;
/// instance `n` is in subnet `n % 2` (the public one gives it a public IP from
/// 198.18.0.0/15, the benchmarking range), running except every tenth (stopped), four to a
/// reservation, with root volume `n`.
fn gen_item(account: &str, region: &str, slot: usize, kind: Ec2Kind, n: usize) -> Item {
    let id = gen_id(kind, slot, n);
    let vpc = gen_id(Ec2Kind::Vpc, slot, 0);
    let sg = gen_id(Ec2Kind::SecurityGroup, slot, 0);
    let name = |what: &str| tags(&[("Name", &format!("gen-{region}-{what}")), ("generated", "true")]);
    let subnet = |i: usize| {
        let (cidr, az) = GEN_SUBNETS[i % 2];
        new_subnet(account, region, &gen_id(Ec2Kind::Subnet, slot, i % 2), &vpc, cidr, &format!("{region}{az}"))
    };
    let launched = timestamp(GENERATED_EPOCH_SECS + 60 * n as i64);
    let mut item = Item::new(Value::Null);
    item.body = match kind {
        Ec2Kind::Vpc => {
            let mut v = new_vpc(account, &id, GEN_VPC_CIDR);
            v["tagSet"] = name("vpc");
            v
        }
        Ec2Kind::Subnet => {
            let mut s = subnet(n);
            s["mapPublicIpOnLaunch"] = json!(n.is_multiple_of(2));
            s["tagSet"] = name(if n.is_multiple_of(2) { "public" } else { "private" });
            s
        }
        Ec2Kind::InternetGateway => new_internet_gateway(account, &id, Some(&vpc)),
        Ec2Kind::RouteTable => {
            let mut t = new_route_table(account, &id, &vpc, GEN_VPC_CIDR);
            let igw = gen_id(Ec2Kind::InternetGateway, slot, 0);
            t["routeSet"].as_array_mut().expect("routes").push(
                json!({"destinationCidrBlock": "0.0.0.0/0", "gatewayId": igw, "state": "active", "origin": "CreateRoute"}),
            );
            t["associationSet"] = json!([route_association(&id, 1, None)]);
            t
        }
        Ec2Kind::SecurityGroup => default_security_group(account, region, &id, &vpc),
        Ec2Kind::Volume => {
            let instance = gen_id(Ec2Kind::Instance, slot, n);
            let az = format!("{region}{}", GEN_SUBNETS[n % 2].1);
            let mut v = new_volume(&id, &az, 8 << (n % 4), "gp3");
            v["createTime"] = json!(launched);
            attach(&mut v, &instance, "/dev/xvda", &launched, true);
            v
        }
        Ec2Kind::Instance => {
            let s = subnet(n);
            let launch = Launch { subnet: Some(&s), groups: vec![(sg, "default".into())], n: n / 2, at: &launched };
            let mut i = new_instance(region, &id, &gen_id(Ec2Kind::Volume, slot, n), &launch);
            i["instanceType"] = json!(GEN_TYPES[n % GEN_TYPES.len()]);
            i["tagSet"] = tags(&[("Name", &format!("gen-{region}-{n}")), ("generated", "true")]);
            if n % 10 == 9 {
                set_state(&mut i, "stopped");
                i["reason"] = json!(format!("User initiated ({})", &launched[..10]));
            } else if n.is_multiple_of(2) {
                let offset = ((slot as u64 * 50_021 + n as u64) % (1 << 17)) as u32;
                let ip = std::net::Ipv4Addr::from(u32::from(std::net::Ipv4Addr::new(198, 18, 0, 0)) + offset);
                set_public_ip(&mut i, &ip.to_string(), region);
            }
            item.reservation = format!("r-0ee{slot:04x}{:010x}", n / 4);
            i
        }
        Ec2Kind::Address | Ec2Kind::NatGateway => Value::Null,
    };
    item
}

impl Ec2 {
    /// The demo place (see the `EC2_DEMO_*` constants): a VPC with a public and a private
    /// subnet, an internet gateway, a NAT gateway with its EIP, two route tables, three
    /// security groups (default, a sane `web`, and one open to the world on 22), web-1 and
    /// web-2 (one reservation, running) and batch-1 (stopped), their volumes, an idle volume
    /// and an idle EIP.
    pub fn seeded() -> Ec2 {
        let (acct, region) = (super::DX_DEMO_ACCOUNT, super::DX_DEMO_REGION);
        let customer = |name: &str, env: &[(&str, &str)]| {
            let mut pairs = vec![("Name", name), ("customer", "acme"), ("env", "prod")];
            pairs.extend_from_slice(env);
            tags(&pairs)
        };
        let mut vpc = new_vpc(acct, EC2_DEMO_VPC, EC2_DEMO_VPC_CIDR);
        vpc["dhcpOptionsId"] = json!("dopt-0c1a2b3c4d5e6f703");
        vpc["tagSet"] = customer("acme-prod", &[]);
        let (az_a, az_c) = (format!("{region}a"), format!("{region}c"));
        let mut public = new_subnet(acct, region, EC2_DEMO_SUBNET_PUBLIC, EC2_DEMO_VPC, "10.20.0.0/24", &az_a);
        public["mapPublicIpOnLaunch"] = json!(true);
        public["availableIpAddressCount"] = json!(247);
        public["tagSet"] = customer("acme-prod-public-a", &[]);
        let mut private = new_subnet(acct, region, EC2_DEMO_SUBNET_PRIVATE, EC2_DEMO_VPC, "10.20.1.0/24", &az_c);
        private["availableIpAddressCount"] = json!(250);
        private["tagSet"] = customer("acme-prod-private-c", &[]);

        let mut igw = new_internet_gateway(acct, EC2_DEMO_INTERNET_GATEWAY, Some(EC2_DEMO_VPC));
        igw["tagSet"] = customer("acme-prod-igw", &[]);
        let nat_eni = "eni-0c1a2b3c4d5e6f732";
        let mut nat = new_nat_gateway(EC2_DEMO_NAT_GATEWAY, EC2_DEMO_VPC, EC2_DEMO_SUBNET_PUBLIC);
        nat["natGatewayAddressSet"] = json!([{
            "allocationId": EC2_DEMO_NAT_EIP, "networkInterfaceId": nat_eni, "privateIp": "10.20.0.5",
            "publicIp": EC2_DEMO_NAT_PUBLIC_IP, "associationId": "eipassoc-0c1a2b3c4d5e6f744", "isPrimary": true,
            "status": "succeeded",
        }]);
        nat["tagSet"] = customer("acme-prod-nat-a", &[]);

        let mut nat_eip = new_address(region, EC2_DEMO_NAT_EIP, EC2_DEMO_NAT_PUBLIC_IP);
        merge(
            &mut nat_eip,
            obj(json!({"associationId": "eipassoc-0c1a2b3c4d5e6f744", "networkInterfaceId": nat_eni,
                       "networkInterfaceOwnerId": acct, "privateIpAddress": "10.20.0.5"})),
        );
        nat_eip["tagSet"] = customer("acme-prod-nat-a", &[]);
        let mut web_eip = new_address(region, EC2_DEMO_WEB_EIP, EC2_DEMO_WEB_PUBLIC_IP);
        merge(
            &mut web_eip,
            obj(json!({"associationId": "eipassoc-0c1a2b3c4d5e6f745", "instanceId": EC2_DEMO_WEB_1,
                       "networkInterfaceId": "eni-0c1a2b3c4d5e6f774", "networkInterfaceOwnerId": acct,
                       "privateIpAddress": "10.20.0.11"})),
        );
        web_eip["tagSet"] = customer("web-1", &[]);
        let mut idle_eip = new_address(region, EC2_DEMO_IDLE_EIP, EC2_DEMO_IDLE_PUBLIC_IP);
        idle_eip["tagSet"] = customer("old-vpn-endpoint", &[]);

        let mut main = new_route_table(acct, EC2_DEMO_ROUTE_TABLE_MAIN, EC2_DEMO_VPC, EC2_DEMO_VPC_CIDR);
        main["routeSet"].as_array_mut().expect("routes").push(json!({
            "destinationCidrBlock": "0.0.0.0/0", "natGatewayId": EC2_DEMO_NAT_GATEWAY, "state": "active",
            "origin": "CreateRoute",
        }));
        main["associationSet"] = json!([
            route_association(EC2_DEMO_ROUTE_TABLE_MAIN, 1, None),
            route_association(EC2_DEMO_ROUTE_TABLE_MAIN, 2, Some(EC2_DEMO_SUBNET_PRIVATE)),
        ]);
        main["tagSet"] = customer("acme-prod-private", &[]);
        let mut public_rt = new_route_table(acct, EC2_DEMO_ROUTE_TABLE_PUBLIC, EC2_DEMO_VPC, EC2_DEMO_VPC_CIDR);
        public_rt["routeSet"].as_array_mut().expect("routes").push(json!({
            "destinationCidrBlock": "0.0.0.0/0", "gatewayId": EC2_DEMO_INTERNET_GATEWAY, "state": "active",
            "origin": "CreateRoute",
        }));
        public_rt["associationSet"] =
            json!([route_association(EC2_DEMO_ROUTE_TABLE_PUBLIC, 1, Some(EC2_DEMO_SUBNET_PUBLIC))]);
        public_rt["tagSet"] = customer("acme-prod-public", &[]);

        let default_sg = default_security_group(acct, region, EC2_DEMO_SG_DEFAULT, EC2_DEMO_VPC);
        let mut web_sg = new_security_group(
            acct,
            region,
            EC2_DEMO_SG_WEB,
            EC2_DEMO_VPC,
            EC2_DEMO_SG_WEB_NAME,
            "HTTPS from the load balancer subnets, app ports within the group",
        );
        web_sg["ipPermissions"] = json!([
            permission("tcp", Some((443, 443)), &[EC2_DEMO_VPC_CIDR], &[], json!([])),
            permission(
                "tcp",
                Some((8080, 8090)),
                &[],
                &[],
                json!([{"userId": acct, "groupId": EC2_DEMO_SG_WEB, "description": "app peers"}]),
            ),
        ]);
        web_sg["ipPermissions"][0]["ipRanges"][0]["description"] = json!("load balancers");
        web_sg["tagSet"] = customer("web", &[]);
        let mut ssh_sg = new_security_group(
            acct,
            region,
            EC2_DEMO_SG_SSH_OPEN,
            EC2_DEMO_VPC,
            EC2_DEMO_SG_SSH_OPEN_NAME,
            "temporary ssh access",
        );
        ssh_sg["ipPermissions"] = json!([permission("tcp", Some((22, 22)), &["0.0.0.0/0"], &["::/0"], json!([]))]);
        ssh_sg["tagSet"] = customer("ssh-anywhere-sg", &[]);

        let web = |id: &str, name: &str, volume: &str, n: usize| {
            let launch = Launch {
                subnet: Some(&public),
                groups: vec![(EC2_DEMO_SG_WEB.into(), EC2_DEMO_SG_WEB_NAME.into())],
                n,
                at: WEB_LAUNCH,
            };
            let mut i = new_instance(region, id, volume, &launch);
            i["instanceType"] = json!("t3.medium");
            i["privateIpAddress"] = json!(format!("10.20.0.{}", 10 + n));
            i["privateDnsName"] = json!(private_dns(&format!("10.20.0.{}", 10 + n), region));
            i["amiLaunchIndex"] = json!(n - 1);
            i["tagSet"] = customer(name, &[("role", "web")]);
            i
        };
        let mut web_1 = web(EC2_DEMO_WEB_1, EC2_DEMO_WEB_1_NAME, EC2_DEMO_WEB_1_VOLUME, 1);
        set_public_ip(&mut web_1, EC2_DEMO_WEB_PUBLIC_IP, region);
        let mut web_2 = web(EC2_DEMO_WEB_2, EC2_DEMO_WEB_2_NAME, EC2_DEMO_WEB_2_VOLUME, 2);
        set_public_ip(&mut web_2, "198.51.100.23", region);

        let launch = Launch {
            subnet: Some(&private),
            groups: vec![
                (EC2_DEMO_SG_SSH_OPEN.into(), EC2_DEMO_SG_SSH_OPEN_NAME.into()),
                (EC2_DEMO_SG_DEFAULT.into(), "default".into()),
            ],
            n: 0,
            at: BATCH_LAUNCH,
        };
        let mut batch = new_instance(region, EC2_DEMO_BATCH_1, EC2_DEMO_BATCH_1_VOLUME, &launch);
        merge(
            &mut batch,
            obj(json!({
                "imageId": IMAGE_WINDOWS, "instanceType": "m5.xlarge", "privateIpAddress": "10.20.1.20",
                "privateDnsName": private_dns("10.20.1.20", region), "platform": "windows",
                "platformDetails": "Windows", "usageOperation": "RunInstances:0002",
                "rootDeviceName": "/dev/sda1", "ebsOptimized": true,
                "reason": "User initiated (2026-11-01 09:00:00 GMT)",
                "stateReason": {"code": "Client.UserInitiatedShutdown",
                                "message": "Client.UserInitiatedShutdown: User initiated shutdown"},
                "blockDeviceMapping": [
                    block_device("/dev/sda1", EC2_DEMO_BATCH_1_VOLUME, BATCH_LAUNCH, true),
                    block_device("/dev/sdf", EC2_DEMO_BATCH_1_DATA_VOLUME, BATCH_LAUNCH, false),
                ],
            })),
        );
        set_state(&mut batch, "stopped");
        batch["tagSet"] = customer(EC2_DEMO_BATCH_1_NAME, &[("role", "batch")]);

        let volume = |id: &str, az: &str, size: u64, kind: &str, name: &str| {
            let mut v = new_volume(id, az, size, kind);
            v["tagSet"] = customer(name, &[]);
            v
        };
        let mut v1 = volume(EC2_DEMO_WEB_1_VOLUME, &az_a, 8, "gp3", "web-1-root");
        attach(&mut v1, EC2_DEMO_WEB_1, "/dev/xvda", WEB_LAUNCH, true);
        let mut v2 = volume(EC2_DEMO_WEB_2_VOLUME, &az_a, 8, "gp3", "web-2-root");
        attach(&mut v2, EC2_DEMO_WEB_2, "/dev/xvda", WEB_LAUNCH, true);
        let mut v3 = volume(EC2_DEMO_BATCH_1_VOLUME, &az_c, 50, "gp3", "batch-1-root");
        attach(&mut v3, EC2_DEMO_BATCH_1, "/dev/sda1", BATCH_LAUNCH, true);
        let mut v4 = volume(EC2_DEMO_BATCH_1_DATA_VOLUME, &az_c, 500, "st1", "batch-1-data");
        attach(&mut v4, EC2_DEMO_BATCH_1, "/dev/sdf", BATCH_LAUNCH, false);
        let mut idle = volume(EC2_DEMO_IDLE_VOLUME, &az_a, 100, "gp2", "old-build-cache");
        idle["encrypted"] = json!(false);

        let mut ec2 = Ec2::default();
        let k = key(acct, region);
        let reserved =
            |body: Value, reservation: &str| Item { body, reservation: reservation.to_string(), terminated_at: None };
        let place = ec2.places.entry(k.clone()).or_default();
        let mut put = |kind: Ec2Kind, item: Item| place.items[kind as usize].push(item);
        put(Ec2Kind::Vpc, Item::new(vpc));
        put(Ec2Kind::Subnet, Item::new(public));
        put(Ec2Kind::Subnet, Item::new(private));
        put(Ec2Kind::InternetGateway, Item::new(igw));
        put(Ec2Kind::NatGateway, Item::new(nat));
        for a in [nat_eip, web_eip, idle_eip] {
            put(Ec2Kind::Address, Item::new(a));
        }
        put(Ec2Kind::RouteTable, Item::new(main));
        put(Ec2Kind::RouteTable, Item::new(public_rt));
        for sg in [default_sg, web_sg, ssh_sg] {
            put(Ec2Kind::SecurityGroup, Item::new(sg));
        }
        put(Ec2Kind::Instance, reserved(web_1, EC2_DEMO_WEB_RESERVATION));
        put(Ec2Kind::Instance, reserved(web_2, EC2_DEMO_WEB_RESERVATION));
        put(Ec2Kind::Instance, reserved(batch, EC2_DEMO_BATCH_RESERVATION));
        for v in [v1, v2, v3, v4, idle] {
            put(Ec2Kind::Volume, Item::new(v));
        }
        let ids: Vec<String> = Ec2Kind::ALL
            .into_iter()
            .flat_map(|kind| place.items[kind as usize].iter().map(move |i| i.id(kind).to_string()))
            .collect();
        for id in ids {
            ec2.homes.insert(id, k.clone());
        }
        ec2
    }

    fn hidden(&self, item: &Item, now: jiff::Timestamp) -> bool {
        item.terminated_at.is_some_and(|t| now.as_millisecond() - t.as_millisecond() >= self.retention_ms)
    }

    /// What a Describe call of `account`/`region` sees of `kind`, in order: stored resources,
    /// then generated ones.
    fn visible(&self, account: &str, region: &str, kind: Ec2Kind, now: jiff::Timestamp) -> Vec<Item> {
        let Some(place) = self.places.get(&key(account, region)) else { return Vec::new() };
        let mut out: Vec<Item> = place.items[kind as usize].iter().filter(|i| !self.hidden(i, now)).cloned().collect();
        if let Some(g) = &place.generated {
            let count = g.count(kind);
            let made = self.made(account, region, g.slot, kind, count);
            if g.overrides.is_empty() {
                out.extend(made[..count].iter().cloned());
                return out;
            }
            for (n, made) in made[..count].iter().enumerate() {
                match g.overrides.get(&gen_id(kind, g.slot, n)) {
                    Some(Some(item)) if !self.hidden(item, now) => out.push(item.clone()),
                    Some(_) => {}
                    None => out.push(made.clone()),
                }
            }
        }
        out
    }

    /// The first `count` generated `kind` resources of slot `slot` (`account`/`region`),
    /// made on first use and kept ([`Ec2::made`]).
    fn made(&self, account: &str, region: &str, slot: usize, kind: Ec2Kind, count: usize) -> Arc<Vec<Item>> {
        if let Some(v) = lock(&self.made).get(&(slot, kind))
            && v.len() >= count
        {
            return v.clone();
        }
        // Made outside the lock: two calls may make the same list, both the same.
        let v: Arc<Vec<Item>> = Arc::new((0..count).map(|n| gen_item(account, region, slot, kind, n)).collect());
        lock(&self.made).insert((slot, kind), v.clone());
        v
    }

    /// How many `kind` resources `account`/`region` lists, without building them.
    fn count(&self, place: &Place, kind: Ec2Kind, now: jiff::Timestamp) -> usize {
        let stored = place.items[kind as usize].iter().filter(|i| !self.hidden(i, now)).count();
        let generated = place.generated.as_ref().map_or(0, |g| {
            let gone = g
                .overrides
                .iter()
                .filter(|(id, o)| {
                    parse_gen_id(id).is_some_and(|(k, _, n)| k == kind && n < g.count(kind))
                        && o.as_ref().is_none_or(|i| self.hidden(i, now))
                })
                .count();
            g.count(kind) - gone
        });
        stored + generated
    }

    fn locate(&self, id: &str) -> Option<Loc> {
        let kind = Ec2Kind::of_id(id)?;
        if let Some(k) = self.homes.get(id) {
            let place = self.places.get(k)?;
            let i = place.items[kind as usize].iter().position(|it| it.id(kind) == id)?;
            return Some(Loc::Stored(k.clone(), kind, i));
        }
        let (kind, slot, n) = parse_gen_id(id)?;
        let k = self.generated.get(slot)?;
        let g = self.places.get(k)?.generated.as_ref()?;
        let live = n < g.count(kind) && !matches!(g.overrides.get(id), Some(None));
        live.then(|| Loc::Generated(k.clone(), kind, n))
    }

    /// The stored state of a resource, materialising a generated one so it can change.
    fn item_mut(&mut self, id: &str) -> Result<(&mut Item, Key), Ec2Error> {
        match self.locate(id) {
            Some(Loc::Stored(k, kind, i)) => {
                let place = self.places.get_mut(&k).expect("located");
                Ok((&mut place.items[kind as usize][i], k))
            }
            Some(Loc::Generated(k, kind, n)) => {
                let place = self.places.get_mut(&k).expect("located");
                let g = place.generated.as_mut().expect("located");
                let slot = g.slot;
                let entry =
                    g.overrides.entry(id.to_string()).or_insert_with(|| Some(gen_item(&k.0, &k.1, slot, kind, n)));
                Ok((entry.as_mut().expect("live"), k))
            }
            None => Err(Ec2Error::NotFound(id.to_string())),
        }
    }

    /// The instance `id` as `account`/`region`'s listings show it now (`None`: not there).
    pub(crate) fn instance(&self, account: &str, region: &str, id: &str) -> Option<Value> {
        let now = jiff::Timestamp::now();
        let item = match self.locate(id)? {
            Loc::Stored(k, Ec2Kind::Instance, i) if k == key(account, region) => {
                self.places.get(&k)?.items[Ec2Kind::Instance as usize].get(i)?.clone()
            }
            Loc::Generated(k, Ec2Kind::Instance, n) if k == key(account, region) => {
                let g = self.places.get(&k)?.generated.as_ref()?;
                match g.overrides.get(id) {
                    Some(Some(item)) => item.clone(),
                    Some(None) => return None,
                    None => gen_item(account, region, g.slot, Ec2Kind::Instance, n),
                }
            }
            _ => return None,
        };
        (!self.hidden(&item, now)).then_some(item.body)
    }

    /// See [`Sandbox::ec2_set_instance_status`].
    pub fn set_instance_status(
        &mut self,
        instance_id: &str,
        system: Option<&str>,
        instance: Option<&str>,
    ) -> Result<(), Ec2Error> {
        if !matches!(
            self.locate(instance_id),
            Some(Loc::Stored(_, Ec2Kind::Instance, _) | Loc::Generated(_, Ec2Kind::Instance, _))
        ) {
            return Err(Ec2Error::NotFound(instance_id.to_string()));
        }
        for s in [system, instance].into_iter().flatten() {
            if !CHECK_STATUSES[..4].contains(&s) {
                return Err(Ec2Error::Invalid(format!(
                    "status `{s}` is not ok, impaired, initializing or insufficient-data"
                )));
            }
        }
        let now = jiff::Timestamp::now();
        let c = self.checks.entry(instance_id.to_string()).or_default();
        if let Some(s) = system {
            c.system_since =
                (s == "impaired").then(|| if c.system == "impaired" { c.system_since } else { Some(now) }).flatten();
            c.system = s.to_string();
        }
        if let Some(s) = instance {
            c.instance_since = (s == "impaired")
                .then(|| if c.instance == "impaired" { c.instance_since } else { Some(now) })
                .flatten();
            c.instance = s.to_string();
        }
        c.initializing_until = None;
        Ok(())
    }

    /// See [`Sandbox::ec2_set_reboot_heals`].
    pub fn set_reboot_heals(&mut self, instance_id: &str, heals: bool, initializing_ms: u64) -> Result<(), Ec2Error> {
        if !matches!(
            self.locate(instance_id),
            Some(Loc::Stored(_, Ec2Kind::Instance, _) | Loc::Generated(_, Ec2Kind::Instance, _))
        ) {
            return Err(Ec2Error::NotFound(instance_id.to_string()));
        }
        let c = self.checks.entry(instance_id.to_string()).or_default();
        c.reboot_heals = heals;
        c.initializing_ms = initializing_ms;
        Ok(())
    }

    /// A reboot of a running instance: recorded; its checks read `initializing` for a while,
    /// then `ok` when the reboot heals it, else what they were.
    fn reboot(&mut self, account: &str, region: &str, instance_id: &str, now: jiff::Timestamp) {
        self.reboots.push(Ec2Reboot {
            instance_id: instance_id.to_string(),
            account: account.to_string(),
            region: region.to_string(),
            at: now,
        });
        let c = self.checks.entry(instance_id.to_string()).or_default();
        if c.reboot_heals {
            *c = Checks { reboot_heals: true, initializing_ms: c.initializing_ms, ..Checks::default() };
        }
        c.initializing_until = now.checked_add(jiff::SignedDuration::from_millis(c.initializing_ms as i64)).ok();
    }

    /// `systemStatus` and `instanceStatus` of an instance in `state` now.
    fn status_checks(&self, instance_id: &str, state: &str, now: jiff::Timestamp) -> (Value, Value) {
        let one = |status: &str, since: Option<jiff::Timestamp>| {
            let reach = match status {
                "ok" => "passed",
                "impaired" => "failed",
                other => other,
            };
            let details = if status == "not-applicable" {
                json!([])
            } else {
                json!([{"name": "reachability", "status": reach,
                        "impairedSince": since.map(|t| timestamp(t.as_second()))}])
            };
            json!({"status": status, "details": details})
        };
        if state != "running" {
            return (one("not-applicable", None), one("not-applicable", None));
        }
        match self.checks.get(instance_id) {
            None => (one("ok", None), one("ok", None)),
            Some(c) if c.initializing_until.is_some_and(|t| now < t) => {
                (one("initializing", None), one("initializing", None))
            }
            Some(c) => (one(&c.system, c.system_since), one(&c.instance, c.instance_since)),
        }
    }

    /// Forget terminated instances past the retention, so that changes see them gone as
    /// the listings do.
    fn purge(&mut self) {
        let now = jiff::Timestamp::now();
        let retention_ms = self.retention_ms;
        let expired =
            |i: &Item| i.terminated_at.is_some_and(|t| now.as_millisecond() - t.as_millisecond() >= retention_ms);
        for place in self.places.values_mut() {
            let instances = &mut place.items[Ec2Kind::Instance as usize];
            for gone in instances.iter().filter(|i| expired(i)) {
                self.homes.remove(gone.id(Ec2Kind::Instance));
            }
            instances.retain(|i| !expired(i));
            if let Some(g) = &mut place.generated {
                for o in g.overrides.values_mut() {
                    if o.as_ref().is_some_and(expired) {
                        *o = None;
                    }
                }
            }
        }
    }

    /// The resource vanishes from every listing.
    pub fn remove(&mut self, id: &str) -> Result<(), Ec2Error> {
        self.purge();
        match self.locate(id).ok_or_else(|| Ec2Error::NotFound(id.to_string()))? {
            Loc::Stored(k, kind, i) => {
                self.homes.remove(id);
                self.places.get_mut(&k).expect("located").items[kind as usize].remove(i);
            }
            Loc::Generated(k, _, _) => {
                let g = self.places.get_mut(&k).and_then(|p| p.generated.as_mut()).expect("located");
                g.overrides.insert(id.to_string(), None);
            }
        }
        Ok(())
    }

    fn opt_in(&mut self, account: &str, region: &str) {
        if REGIONS.iter().any(|(r, opt_in)| *r == region && *opt_in) {
            self.opted_in.insert(key(account, region));
        }
    }

    pub fn set_opt_in(&mut self, account: &str, region: &str, opted_in: bool) -> Result<(), Ec2Error> {
        match REGIONS.iter().find(|(r, _)| *r == region) {
            Some((_, true)) if opted_in => drop(self.opted_in.insert(key(account, region))),
            Some((_, true)) => drop(self.opted_in.remove(&key(account, region))),
            Some((_, false)) => return Err(Ec2Error::Invalid(format!("{region} needs no opt-in"))),
            None => return Err(Ec2Error::Invalid(format!("unknown region `{region}`"))),
        }
        Ok(())
    }

    /// `opt-in-not-required`, `opted-in` or `not-opted-in`; `None` for a region AWS lacks.
    fn opt_in_status(&self, account: &str, region: &str) -> Option<&'static str> {
        let (_, needs) = REGIONS.iter().find(|(r, _)| *r == region)?;
        Some(match (needs, self.opted_in.contains(&key(account, region))) {
            (false, _) => "opt-in-not-required",
            (true, true) => "opted-in",
            (true, false) => "not-opted-in",
        })
    }

    pub fn set_retention(&mut self, retention: std::time::Duration) {
        self.retention_ms = i64::try_from(retention.as_millis()).unwrap_or(i64::MAX);
    }

    /// The id `fields` names (else a new one), refusing one that lives in another place or
    /// belongs to another kind.
    fn id_for_put(&mut self, kind: Ec2Kind, fields: &Map<String, Value>, place: &Key) -> Result<String, Ec2Error> {
        let spec = kind.spec();
        let id = match fields.get(spec.id_field) {
            None | Some(Value::Null) => loop {
                self.unnamed += 1;
                let id = format!("{}-0{:016x}", spec.prefix, self.unnamed);
                if self.locate(&id).is_none() {
                    break id;
                }
            },
            Some(Value::String(s)) if Ec2Kind::of_id(s) == Some(kind) => s.clone(),
            Some(other) => {
                let want = format!("{}-...", spec.prefix);
                return Err(Ec2Error::Invalid(format!("`{}` must be a `{want}` string, got {other}", spec.id_field)));
            }
        };
        match self.locate(&id) {
            Some(Loc::Stored(k, ..) | Loc::Generated(k, ..)) if &k != place => Err(Ec2Error::Invalid(format!(
                "{id} already exists in {}/{}: ids are unique across the sandbox",
                k.0, k.1
            ))),
            None if parse_gen_id(&id).is_some() => {
                Err(Ec2Error::Invalid(format!("{id} looks generated (`-0ee...`) but no generated resource has it")))
            }
            _ => Ok(id),
        }
    }

    /// See [`Sandbox::ec2_put`].
    pub fn put(&mut self, kind: Ec2Kind, account: &str, region: &str, resource: Value) -> Result<String, Ec2Error> {
        let Value::Object(mut fields) = resource else {
            return Err(Ec2Error::Invalid(format!("a {} must be a JSON object", kind.name())));
        };
        if let Some(Value::Object(t)) = fields.remove("tags") {
            let pairs: Vec<(String, String)> =
                t.into_iter().map(|(k, v)| (k, v.as_str().map_or_else(|| v.to_string(), str::to_string))).collect();
            fields.insert("tagSet".into(), pairs.iter().map(|(k, v)| json!({"key": k, "value": v})).collect());
        }
        let reservation = match fields.remove("reservationId") {
            Some(Value::String(r)) if kind == Ec2Kind::Instance => Some(r),
            None => None,
            Some(_) => return Err(Ec2Error::Invalid("`reservationId` is a string, on instances only".into())),
        };
        if kind == Ec2Kind::Instance
            && let Some(Value::String(state)) = fields.remove("state")
        {
            fields.insert("instanceState".into(), json!({"code": state_code(&state), "name": state}));
        }
        let k = key(account, region);
        self.purge();
        let id = self.id_for_put(kind, &fields, &k)?;
        self.opt_in(account, region);
        if self.locate(&id).is_some() {
            let (item, _) = self.item_mut(&id)?;
            merge(&mut item.body, fields);
            if let Some(r) = reservation {
                item.reservation = r;
            }
            return Ok(id);
        }
        let now = jiff::Timestamp::now();
        let mut item = Item::new(self.new_resource(kind, account, region, &id, &fields, now));
        merge(&mut item.body, fields);
        if kind == Ec2Kind::Instance {
            item.reservation = reservation.unwrap_or_else(|| format!("r-{}", id.strip_prefix("i-").unwrap_or(&id)));
            self.add_root_volume(account, region, &mut item.body);
        }
        self.homes.insert(id.clone(), k.clone());
        self.places.entry(k).or_default().items[kind as usize].push(item);
        Ok(id)
    }

    /// A new instance whose mapping names a volume the place lacks gets that volume,
    /// attached; one whose mapping was given explicitly keeps it as it is.
    fn add_root_volume(&mut self, account: &str, region: &str, instance: &mut Value) {
        let Some(bdm) = instance["blockDeviceMapping"].as_array().and_then(|b| b.first()).cloned() else {
            return;
        };
        let volume_id = bdm["ebs"]["volumeId"].as_str().unwrap_or("").to_string();
        if Ec2Kind::of_id(&volume_id) != Some(Ec2Kind::Volume) || self.locate(&volume_id).is_some() {
            return;
        }
        let az = instance["placement"]["availabilityZone"].as_str().unwrap_or("").to_string();
        let at = instance["launchTime"].as_str().unwrap_or(CREATED).to_string();
        let mut v = new_volume(&volume_id, &az, 8, "gp3");
        v["createTime"] = json!(at);
        let device = bdm["deviceName"].as_str().unwrap_or("/dev/xvda");
        let delete = bdm["ebs"]["deleteOnTermination"].as_bool().unwrap_or(true);
        attach(&mut v, instance["instanceId"].as_str().unwrap_or(""), device, &at, delete);
        let k = key(account, region);
        self.homes.insert(volume_id, k.clone());
        self.places.entry(k).or_default().items[Ec2Kind::Volume as usize].push(Item::new(v));
    }

    /// The defaults of a new resource put into `account`/`region`, wired to what the place
    /// (or `fields`) names: the first VPC, subnet and group.
    fn new_resource(
        &self,
        kind: Ec2Kind,
        account: &str,
        region: &str,
        id: &str,
        fields: &Map<String, Value>,
        now: jiff::Timestamp,
    ) -> Value {
        let given = |f: &str| fields.get(f).and_then(Value::as_str).map(str::to_string);
        let first = |k: Ec2Kind| self.visible(account, region, k, now).into_iter().next().map(|i| i.body);
        let n = self.places.get(&key(account, region)).map_or(0, |p| p.items[kind as usize].len());
        let vpc = given("vpcId").or_else(|| first(Ec2Kind::Vpc).and_then(|v| v["vpcId"].as_str().map(str::to_string)));
        let vpc_cidr = vpc
            .as_deref()
            .and_then(|v| {
                let vpcs = self.visible(account, region, Ec2Kind::Vpc, now);
                vpcs.into_iter()
                    .find(|i| i.body["vpcId"] == v)
                    .and_then(|i| i.body["cidrBlock"].as_str().map(str::to_string))
            })
            .unwrap_or_else(|| GEN_VPC_CIDR.to_string());
        let vpc = vpc.unwrap_or_default();
        let subnet = match given("subnetId") {
            Some(s) => {
                self.visible(account, region, Ec2Kind::Subnet, now).into_iter().find(|i| i.body["subnetId"] == s)
            }
            None => self.visible(account, region, Ec2Kind::Subnet, now).into_iter().next(),
        }
        .map(|i| i.body);
        match kind {
            Ec2Kind::Vpc => new_vpc(account, id, &format!("10.{}.0.0/16", 100 + n % 150)),
            Ec2Kind::Subnet => {
                let cidr = match parse_cidr(&vpc_cidr) {
                    Some((net, _)) => format!("{}/24", std::net::Ipv4Addr::from(net + ((n as u32 % 256) << 8))),
                    None => "10.0.0.0/24".into(),
                };
                new_subnet(account, region, id, &vpc, &cidr, &format!("{region}a"))
            }
            Ec2Kind::SecurityGroup => new_security_group(account, region, id, &vpc, id, "sandbox group"),
            Ec2Kind::Address => new_address(region, id, &format!("198.51.100.{}", 100 + n % 150)),
            Ec2Kind::NatGateway => {
                let s = subnet.as_ref().map_or(String::new(), |s| s["subnetId"].as_str().unwrap_or("").to_string());
                new_nat_gateway(id, &vpc, &s)
            }
            Ec2Kind::RouteTable => new_route_table(account, id, &vpc, &vpc_cidr),
            Ec2Kind::InternetGateway => new_internet_gateway(account, id, None),
            Ec2Kind::Volume => new_volume(id, &format!("{region}a"), 8, "gp3"),
            Ec2Kind::Instance => {
                let groups = first(Ec2Kind::SecurityGroup)
                    .map(|g| (g["groupId"].as_str().unwrap_or("").into(), g["groupName"].as_str().unwrap_or("").into()))
                    .into_iter()
                    .collect();
                let at = timestamp(now.as_second());
                let launch = Launch { subnet: subnet.as_ref(), groups, n, at: &at };
                let root = format!("vol-{}", id.strip_prefix("i-").unwrap_or(id));
                new_instance(region, id, &root, &launch)
            }
        }
    }

    /// Any state name; the code follows for the six AWS knows (0 for others). Nothing else
    /// changes (stopping an instance does not drop its public IP here).
    pub fn set_instance_state(&mut self, instance_id: &str, state: &str) -> Result<(), Ec2Error> {
        if Ec2Kind::of_id(instance_id) != Some(Ec2Kind::Instance) {
            return Err(Ec2Error::NotFound(instance_id.to_string()));
        }
        self.purge();
        let (item, _) = self.item_mut(instance_id)?;
        set_state(&mut item.body, state);
        Ok(())
    }

    /// See [`Sandbox::ec2_terminate`].
    pub fn terminate(&mut self, instance_id: &str) -> Result<(), Ec2Error> {
        if Ec2Kind::of_id(instance_id) != Some(Ec2Kind::Instance) {
            return Err(Ec2Error::NotFound(instance_id.to_string()));
        }
        self.purge();
        let now = jiff::Timestamp::now();
        let (item, k) = self.item_mut(instance_id)?;
        if item.terminated_at.is_some() {
            return Ok(());
        }
        item.terminated_at = Some(now);
        let body = &mut item.body;
        let disks: Vec<(String, bool)> = body["blockDeviceMapping"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|b| {
                let v = b["ebs"]["volumeId"].as_str()?.to_string();
                Some((v, b["ebs"]["deleteOnTermination"].as_bool().unwrap_or(false)))
            })
            .collect();
        set_state(body, "terminated");
        if let Value::Object(m) = body {
            for f in ["ipAddress", "privateIpAddress", "subnetId", "vpcId"] {
                m.remove(f);
            }
            m.insert("dnsName".into(), json!(""));
            m.insert("privateDnsName".into(), json!(""));
            m.insert("reason".into(), json!(user_initiated(now)));
            m.insert(
                "stateReason".into(),
                json!({"code": "Client.UserInitiatedShutdown",
                       "message": "Client.UserInitiatedShutdown: User initiated shutdown"}),
            );
            m.insert("groupSet".into(), json!([]));
            m.insert("blockDeviceMapping".into(), json!([]));
            m.remove("networkInterfaceSet");
        }
        for (volume, delete) in disks {
            if delete {
                let _ = self.remove(&volume);
            } else if let Ok((v, _)) = self.item_mut(&volume) {
                v.body["status"] = json!("available");
                v.body["attachmentSet"] = json!([]);
            }
        }
        let addresses: Vec<String> = self
            .visible(&k.0, &k.1, Ec2Kind::Address, now)
            .into_iter()
            .filter(|a| a.body["instanceId"] == instance_id)
            .map(|a| a.id(Ec2Kind::Address).to_string())
            .collect();
        for a in addresses {
            if let Ok((address, _)) = self.item_mut(&a)
                && let Value::Object(m) = &mut address.body
            {
                for f in
                    ["associationId", "instanceId", "networkInterfaceId", "networkInterfaceOwnerId", "privateIpAddress"]
                {
                    m.remove(f);
                }
            }
        }
        Ok(())
    }

    /// See [`Sandbox::ec2_generate`].
    pub fn generate(&mut self, accounts: &[&str], regions: &[&str], instances: usize) -> Result<(), Ec2Error> {
        if instances > GENERATE_CAP {
            return Err(Ec2Error::Invalid(format!("at most {GENERATE_CAP} instances per account and region")));
        }
        let new_places = accounts
            .iter()
            .flat_map(|a| regions.iter().map(move |r| key(a, r)))
            .filter(|k| !self.generated.contains(k))
            .count();
        if self.generated.len() + new_places > 0x1_0000 {
            return Err(Ec2Error::Invalid("at most 65536 generated places".into()));
        }
        for account in accounts {
            for region in regions {
                let k = key(account, region);
                let slot = match self.generated.iter().position(|g| g == &k) {
                    Some(s) => s,
                    None => {
                        self.generated.push(k.clone());
                        self.generated.len() - 1
                    }
                };
                self.opt_in(account, region);
                let place = self.places.entry(k).or_default();
                place.generated = Some(Generated { slot, instances, overrides: HashMap::new() });
            }
        }
        Ok(())
    }

    /// Every resource of `account`/`region` the Describe calls list, by kind (`instances`
    /// carry their `reservationId`, which the wire puts on the reservation).
    pub fn resources(&self, account: &str, region: &str) -> Value {
        let now = jiff::Timestamp::now();
        let mut out = Map::new();
        for kind in Ec2Kind::ALL {
            let items = self.visible(account, region, kind, now).into_iter().map(|mut i| {
                if kind == Ec2Kind::Instance {
                    i.body["reservationId"] = json!(i.reservation);
                }
                i.body
            });
            out.insert(format!("{}s", kind.name()), items.collect());
        }
        Value::Object(out)
    }

    /// Per place, how many of each kind it lists.
    pub fn counts(&self) -> Vec<Ec2Counts> {
        let now = jiff::Timestamp::now();
        self.places
            .iter()
            .map(|(k, place)| Ec2Counts {
                account: k.0.clone(),
                region: k.1.clone(),
                counts: Ec2Kind::ALL.into_iter().map(|kind| (kind, self.count(place, kind, now))).collect(),
            })
            .collect()
    }
}

impl Default for Ec2 {
    fn default() -> Ec2 {
        Ec2 {
            places: BTreeMap::new(),
            homes: HashMap::new(),
            generated: Vec::new(),
            opted_in: HashSet::new(),
            retention_ms: DEFAULT_RETENTION_MS,
            unnamed: 0,
            checks: HashMap::new(),
            reboots: Vec::new(),
            made: Default::default(),
        }
    }
}

/// How many resources of each kind one (account, region) lists.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Ec2Counts {
    pub account: String,
    pub region: String,
    pub counts: BTreeMap<Ec2Kind, usize>,
}

// ---------------------------------------------------------------------------------------
// The wire

/// EC2 on the wire: signed for `ec2`, `Version=2016-11-15`, faults matched as `AmazonEC2.<Action>`.
pub(crate) const SERVICE: QueryService = QueryService {
    signing_name: SIGNING_NAME,
    api_version: API_VERSION,
    target_prefix: EC2_TARGET_PREFIX,
    content_type: CONTENT_TYPE,
};

/// The form body: `Name=value` pairs, lists flattened as `Name.1`, `Name.2`, ...
struct Form(Vec<(String, String)>);

impl Form {
    fn parse(body: &[u8]) -> Form {
        Form(url::form_urlencoded::parse(body).into_owned().collect())
    }

    fn get(&self, name: &str) -> Option<&str> {
        self.0.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }

    /// `name.1`, `name.2`, ... in index order.
    fn list(&self, name: &str) -> Vec<&str> {
        let mut items: Vec<(u32, &str)> = self
            .0
            .iter()
            .filter_map(|(k, v)| Some((k.strip_prefix(name)?.strip_prefix('.')?.parse().ok()?, v.as_str())))
            .collect();
        items.sort_by_key(|(i, _)| *i);
        items.into_iter().map(|(_, v)| v).collect()
    }

    /// `Filter.N.Name` with its `Filter.N.Value.M`s, in index order.
    fn filters(&self) -> Result<Vec<(String, Vec<String>)>, Reply> {
        let mut by_index: BTreeMap<u32, (Option<String>, BTreeMap<u32, String>)> = BTreeMap::new();
        for (k, v) in &self.0 {
            let Some(rest) = k.strip_prefix("Filter.") else { continue };
            let Some((n, field)) = rest.split_once('.') else { continue };
            let Ok(n) = n.parse::<u32>() else { continue };
            let entry = by_index.entry(n).or_default();
            if field == "Name" {
                entry.0 = Some(v.clone());
            } else if let Some(Ok(m)) = field.strip_prefix("Value.").map(str::parse::<u32>) {
                entry.1.insert(m, v.clone());
            }
        }
        by_index
            .into_iter()
            .map(|(n, (name, values))| match name {
                Some(name) => Ok((name, values.into_values().collect())),
                None => Err(error(
                    400,
                    "MissingParameter",
                    &format!("The request must contain the parameter Filter.{n}.Name"),
                )),
            })
            .collect()
    }

    fn integer(&self, name: &str) -> Result<Option<i64>, Reply> {
        self.get(name)
            .map(|v| {
                v.parse().map_err(|_| {
                    error(400, "InvalidParameterValue", &format!("Value ({v}) for parameter {name} is invalid."))
                })
            })
            .transpose()
    }

    fn boolean(&self, name: &str) -> bool {
        self.get(name).is_some_and(|v| v.eq_ignore_ascii_case("true"))
    }
}

pub(super) fn escape(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
}

/// `v` as the element `name`: objects as child elements in their order, arrays as `<item>`s
/// (`<name/>` when empty, as EC2 writes an empty set), `null` left out.
fn write_element(out: &mut String, name: &str, v: &Value) {
    match v {
        Value::Null => {}
        Value::Array(items) if items.is_empty() => {
            let _ = write!(out, "<{name}/>");
        }
        Value::Array(items) => {
            let _ = write!(out, "<{name}>");
            for item in items {
                write_element(out, "item", item);
            }
            let _ = write!(out, "</{name}>");
        }
        Value::Object(fields) => {
            let _ = write!(out, "<{name}>");
            for (k, v) in fields {
                write_element(out, k, v);
            }
            let _ = write!(out, "</{name}>");
        }
        Value::String(s) => {
            let _ = write!(out, "<{name}>");
            escape(s, out);
            let _ = write!(out, "</{name}>");
        }
        Value::Bool(b) => {
            let _ = write!(out, "<{name}>{b}</{name}>");
        }
        Value::Number(n) => {
            let _ = write!(out, "<{name}>{n}</{name}>");
        }
    }
}

/// A 200 answer: `body` (already XML) inside `<{action}Response>` after the request id.
fn answer(action: &str, body: &str) -> Reply {
    let id = aws::request_id();
    let xml = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<{action}Response xmlns=\"{XMLNS}\">\
         <requestId>{id}</requestId>{body}</{action}Response>"
    );
    Reply {
        status: 200,
        headers: vec![("content-type".into(), CONTENT_TYPE.into()), ("x-amzn-RequestId".into(), id)],
        body: xml.into_bytes(),
    }
}

fn error_body(code: &str, message: &str, request_id: &str) -> String {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response><Errors><Error><Code>");
    escape(code, &mut out);
    out.push_str("</Code><Message>");
    escape(message, &mut out);
    let _ = write!(out, "</Message></Error></Errors><RequestID>{request_id}</RequestID></Response>");
    out
}

/// An EC2 error answer.
pub(crate) fn error(status: u16, code: &str, message: &str) -> Reply {
    let id = aws::request_id();
    Reply {
        status,
        headers: vec![("content-type".into(), CONTENT_TYPE.into()), ("x-amzn-RequestId".into(), id.clone())],
        body: error_body(code, message, &id).into_bytes(),
    }
}

impl Fault {
    /// An EC2 error on EC2 calls to `action` (`DescribeInstances`; `None`: every EC2 call):
    /// `status` with the `<Response><Errors>` body the SDK reads the code and message from.
    /// Common ones: `403 UnauthorizedOperation`, `401 AuthFailure`, `503 RequestLimitExceeded`
    /// (EC2's throttling, which the SDK retries), `500 InternalError`.
    pub fn ec2_error(action: Option<&str>, status: u16, code: &str, message: &str, times: u32) -> Fault {
        SERVICE.fault(action, status, error_body(code, message, &aws::request_id()), times)
    }
}

/// An EC2 call (see [`is_call`]).
pub(crate) fn handle(shared: &Shared, rec: &Recorded) -> Reply {
    let caller = match aws::authenticate_query(rec, error) {
        Ok(c) => c,
        Err(reply) => return reply,
    };
    let form = Form::parse(&rec.body);
    let Some(action) = form.get("Action") else {
        return error(400, "MissingAction", "The request must contain the parameter Action");
    };
    let kind = Ec2Kind::of_action(action);
    let other = ["DescribeRegions", "DescribeInstanceStatus", "RebootInstances"].contains(&action);
    if kind.is_none() && !other {
        return error(400, "InvalidAction", &format!("The action {action} is not valid for this web service."));
    }
    // Only RebootInstances changes anything: the Describe calls read side by side.
    if action == "RebootInstances" {
        let mut ec2 = write(&shared.ec2);
        return ec2_checked(&ec2, &caller, &form)
            .unwrap_or_else(|| reboot_instances(&mut ec2, &caller, &form).unwrap_or_else(|e| e));
    }
    let ec2 = read(&shared.ec2);
    if let Some(refused) = ec2_checked(&ec2, &caller, &form) {
        return refused;
    }
    let answered = match kind {
        Some(kind) => describe(&ec2, &caller, &form, kind),
        None if action == "DescribeInstanceStatus" => describe_instance_status(&ec2, &caller, &form),
        None => describe_regions(&ec2, &caller, &form),
    };
    answered.unwrap_or_else(|e| e)
}

/// What every call meets before its action: a region the account has not opted in to, `DryRun`.
fn ec2_checked(ec2: &Ec2, caller: &Caller, form: &Form) -> Option<Reply> {
    if ec2.opt_in_status(&caller.account, &caller.region) == Some("not-opted-in") {
        return Some(error(401, "AuthFailure", "AWS was not able to validate the provided access credentials"));
    }
    if form.boolean("DryRun") {
        return Some(error(412, "DryRunOperation", "Request would have succeeded, but DryRun flag is set."));
    }
    None
}

/// Glob match with `*` (any run) and `?` (one character), as EC2 filter values allow.
fn wildcard(pattern: &str, value: &str) -> bool {
    let (p, v): (Vec<char>, Vec<char>) = (pattern.chars().collect(), value.chars().collect());
    let (mut pi, mut vi, mut star, mut mark) = (0, 0, None, 0);
    while vi < v.len() {
        if pi < p.len() && (p[pi] == '?' || p[pi] == v[vi]) {
            pi += 1;
            vi += 1;
        } else if pi < p.len() && p[pi] == '*' {
            star = Some(pi);
            mark = vi;
            pi += 1;
        } else if let Some(s) = star {
            pi = s + 1;
            mark += 1;
            vi = mark;
        } else {
            return false;
        }
    }
    p[pi..].iter().all(|c| *c == '*')
}

/// The values at `path` (element names, `*` for every item of a list), as text.
fn values_at(v: &Value, path: &str, out: &mut Vec<String>) {
    let (head, rest) = path.split_once('.').map_or((path, None), |(h, r)| (h, Some(r)));
    let next: Vec<&Value> =
        if head == "*" { v.as_array().map(|a| a.iter().collect()).unwrap_or_default() } else { vec![&v[head]] };
    for n in next {
        match (rest, n) {
            (Some(r), _) => values_at(n, r, out),
            (None, Value::String(s)) => out.push(s.clone()),
            (None, Value::Bool(b)) => out.push(b.to_string()),
            (None, Value::Number(x)) => out.push(x.to_string()),
            (None, _) => {}
        }
    }
}

/// One filter as a test on a resource; `extra` answers the names that are not paths (an
/// instance's `reservation-id` and `owner-id`).
fn filter_values(
    table: &[(&str, &str)],
    name: &str,
    body: &Value,
    extra: &dyn Fn(&str) -> Option<String>,
) -> Option<Vec<String>> {
    let mut out = Vec::new();
    let tag_values = |want_key: Option<&str>, field: &str, out: &mut Vec<String>| {
        for t in body["tagSet"].as_array().into_iter().flatten() {
            if want_key.is_none_or(|k| t["key"] == k)
                && let Some(s) = t[field].as_str()
            {
                out.push(s.to_string());
            }
        }
    };
    if let Some(k) = name.strip_prefix("tag:") {
        tag_values(Some(k), "value", &mut out);
    } else if name == "tag-key" {
        tag_values(None, "key", &mut out);
    } else if name == "tag-value" {
        tag_values(None, "value", &mut out);
    } else if let Some((_, path)) = table.iter().find(|(n, _)| *n == name) {
        values_at(body, path, &mut out);
    } else {
        out.extend(extra(name));
        if out.is_empty() {
            return None;
        }
    }
    Some(out)
}

fn known_filter(table: &[(&str, &str)], kind: Option<Ec2Kind>, name: &str) -> bool {
    name.starts_with("tag:")
        || name == "tag-key"
        || name == "tag-value"
        || table.iter().any(|(n, _)| *n == name)
        || (kind == Some(Ec2Kind::Instance) && (name == "reservation-id" || name == "owner-id"))
}

fn check_filters(
    filters: &[(String, Vec<String>)],
    table: &[(&str, &str)],
    kind: Option<Ec2Kind>,
) -> Result<(), Reply> {
    for (name, values) in filters {
        if !known_filter(table, kind, name) {
            return Err(error(400, "InvalidParameterValue", &format!("The filter '{name}' is invalid")));
        }
        if values.is_empty() {
            return Err(error(400, "InvalidParameterValue", &format!("The filter '{name}' needs at least one value")));
        }
    }
    Ok(())
}

fn matches(
    filters: &[(String, Vec<String>)],
    table: &[(&str, &str)],
    body: &Value,
    extra: &dyn Fn(&str) -> Option<String>,
) -> bool {
    filters.iter().all(|(name, wanted)| {
        let have = filter_values(table, name, body, extra).unwrap_or_default();
        have.iter().any(|h| wanted.iter().any(|w| wildcard(w, h)))
    })
}

fn not_found_message(kind: Ec2Kind, missing: &[&str]) -> String {
    let list = missing.join(", ");
    let plural = missing.len() > 1;
    match kind {
        Ec2Kind::Instance if plural => format!("The instance IDs '{list}' do not exist"),
        Ec2Kind::Instance => format!("The instance ID '{list}' does not exist"),
        Ec2Kind::Volume => format!("The volume '{}' does not exist.", missing[0]),
        Ec2Kind::Vpc => format!("The vpc ID '{}' does not exist", missing[0]),
        Ec2Kind::Subnet => format!("The subnet ID '{}' does not exist", missing[0]),
        Ec2Kind::SecurityGroup => format!("The security group '{}' does not exist", missing[0]),
        Ec2Kind::Address => format!("The allocation ID '{}' does not exist", missing[0]),
        Ec2Kind::NatGateway => format!("NAT gateway {} was not found", missing[0]),
        Ec2Kind::RouteTable => format!("The routeTable ID '{}' does not exist", missing[0]),
        Ec2Kind::InternetGateway => format!("The internetGateway ID '{}' does not exist", missing[0]),
    }
}

/// Keep the items whose `field` is one of `wanted`, or fail naming the missing ones.
fn select(
    items: Vec<Item>,
    field: &str,
    wanted: &[&str],
    not_found: impl Fn(&[&str]) -> Reply,
) -> Result<Vec<Item>, Reply> {
    if wanted.is_empty() {
        return Ok(items);
    }
    let missing: Vec<&str> = wanted.iter().copied().filter(|w| !items.iter().any(|i| i.body[field] == *w)).collect();
    if !missing.is_empty() {
        return Err(not_found(&missing));
    }
    Ok(items.into_iter().filter(|i| wanted.iter().any(|w| i.body[field] == *w)).collect())
}

fn describe(ec2: &Ec2, caller: &Caller, form: &Form, kind: Ec2Kind) -> Result<Reply, Reply> {
    let spec = kind.spec();
    let table = FILTERS[kind as usize];
    let ids = form.list(spec.id_param);
    if let Some(bad) = ids.iter().find(|id| Ec2Kind::of_id(id) != Some(kind)) {
        return Err(error(400, spec.malformed, &format!("Invalid id: \"{bad}\"")));
    }
    let filters = form.filters()?;
    check_filters(&filters, table, Some(kind))?;
    let max_results = form.integer("MaxResults")?;
    if kind == Ec2Kind::Instance && !ids.is_empty() && max_results.is_some() {
        return Err(error(
            400,
            "InvalidParameterCombination",
            "The parameter instancesSet cannot be used with the parameter maxResults",
        ));
    }
    let now = jiff::Timestamp::now();
    let items = ec2.visible(&caller.account, &caller.region, kind, now);
    let not_found = |missing: &[&str]| error(400, spec.not_found, &not_found_message(kind, missing));
    let mut items = select(items, spec.id_field, &ids, not_found)?;
    match kind {
        Ec2Kind::SecurityGroup => {
            let names = form.list("GroupName");
            let missing =
                |m: &[&str]| error(400, spec.not_found, &format!("The security group '{}' does not exist", m[0]));
            items = select(items, "groupName", &names, missing)?;
        }
        Ec2Kind::Address => {
            let ips = form.list("PublicIp");
            let missing = |m: &[&str]| error(400, "InvalidAddress.NotFound", &format!("Address '{}' not found.", m[0]));
            items = select(items, "publicIp", &ips, missing)?;
        }
        _ => {}
    }
    let account = caller.account.clone();
    items.retain(|i| {
        let extra = |name: &str| match name {
            "reservation-id" => Some(i.reservation.clone()),
            "owner-id" if kind == Ec2Kind::Instance => Some(account.clone()),
            _ => None,
        };
        matches(&filters, table, &i.body, &extra)
    });
    let (page, next) = match spec.cap {
        Some(cap) => {
            let size = match max_results {
                None => EC2_DEFAULT_PAGE_SIZE,
                Some(n) if n < MIN_MAX_RESULTS => {
                    let message = format!(
                        "Value ( {n} ) for parameter maxResults is invalid. Parameter may be between 5 and {cap}."
                    );
                    return Err(error(400, "InvalidParameterValue", &message));
                }
                Some(n) => usize::try_from(n).unwrap_or(cap).min(cap),
            };
            let bad_token =
                |_: &str| error(400, "InvalidPaginationToken", "The specified pagination token is not valid");
            aws::page(items, Some(size as i64), form.get("NextToken"), size, bad_token)?
        }
        None => (items, None),
    };
    let mut body = String::new();
    if kind == Ec2Kind::Instance {
        write_reservations(&mut body, &caller.account, &page);
    } else {
        let list: Value = page.into_iter().map(|i| i.body).collect();
        write_element(&mut body, spec.set, &list);
    }
    if let Some(token) = next {
        write_element(&mut body, "nextToken", &json!(token));
    }
    Ok(answer(spec.action, &body))
}

/// `reservationSet`: consecutive instances of one reservation share an `<item>`.
fn write_reservations(out: &mut String, account: &str, instances: &[Item]) {
    if instances.is_empty() {
        out.push_str("<reservationSet/>");
        return;
    }
    out.push_str("<reservationSet>");
    for group in instances.chunk_by(|a, b| a.reservation == b.reservation) {
        let reservation = json!({
            "reservationId": group[0].reservation, "ownerId": account, "groupSet": [],
            "instancesSet": group.iter().map(|i| i.body.clone()).collect::<Value>(),
        });
        write_element(out, "item", &reservation);
    }
    out.push_str("</reservationSet>");
}

/// The instances named by `InstanceId.N` in the caller's place, or EC2's error for a
/// malformed or unknown one.
fn named_instances(ec2: &Ec2, caller: &Caller, ids: &[&str], now: jiff::Timestamp) -> Result<Vec<Item>, Reply> {
    let spec = Ec2Kind::Instance.spec();
    if let Some(bad) = ids.iter().find(|id| Ec2Kind::of_id(id) != Some(Ec2Kind::Instance)) {
        return Err(error(400, spec.malformed, &format!("Invalid id: \"{bad}\"")));
    }
    let items = ec2.visible(&caller.account, &caller.region, Ec2Kind::Instance, now);
    let not_found = |missing: &[&str]| error(400, spec.not_found, &not_found_message(Ec2Kind::Instance, missing));
    select(items, spec.id_field, ids, not_found)
}

/// RebootInstances: every named instance must be the caller's; a terminated one is ignored
/// (as the reference says), one neither running nor terminated is `IncorrectState`, and the
/// running ones reboot.
fn reboot_instances(ec2: &mut Ec2, caller: &Caller, form: &Form) -> Result<Reply, Reply> {
    let ids = form.list("InstanceId");
    if ids.is_empty() {
        return Err(error(400, "MissingParameter", "The request must contain the parameter InstanceId"));
    }
    let now = jiff::Timestamp::now();
    let items = named_instances(ec2, caller, &ids, now)?;
    let state = |i: &Item| i.body["instanceState"]["name"].as_str().unwrap_or("").to_string();
    if let Some(i) = items.iter().find(|i| !["running", "terminated"].contains(&state(i).as_str())) {
        let id = i.id(Ec2Kind::Instance);
        return Err(error(
            400,
            "IncorrectState",
            &format!("The instance '{id}' is not in a state from which it can be rebooted."),
        ));
    }
    for i in items.iter().filter(|i| state(i) == "running") {
        ec2.reboot(&caller.account, &caller.region, i.id(Ec2Kind::Instance), now);
    }
    Ok(answer("RebootInstances", "<return>true</return>"))
}

/// DescribeInstanceStatus filters, as element paths of an `instanceStatusSet` item.
const STATUS_FILTERS: &[(&str, &str)] = &[
    ("availability-zone", "availabilityZone"),
    ("instance-state-name", "instanceState.name"),
    ("instance-state-code", "instanceState.code"),
    ("system-status.status", "systemStatus.status"),
    ("system-status.reachability", "systemStatus.details.*.status"),
    ("instance-status.status", "instanceStatus.status"),
    ("instance-status.reachability", "instanceStatus.details.*.status"),
];

fn describe_instance_status(ec2: &Ec2, caller: &Caller, form: &Form) -> Result<Reply, Reply> {
    let ids = form.list("InstanceId");
    let filters = form.filters()?;
    check_filters(&filters, STATUS_FILTERS, None)?;
    let max_results = form.integer("MaxResults")?;
    if !ids.is_empty() && max_results.is_some() {
        return Err(error(
            400,
            "InvalidParameterCombination",
            "The parameter instancesSet cannot be used with the parameter maxResults",
        ));
    }
    let now = jiff::Timestamp::now();
    let all = form.boolean("IncludeAllInstances");
    let items = named_instances(ec2, caller, &ids, now)?;
    let statuses: Vec<Value> = items
        .iter()
        .filter_map(|i| {
            let b = &i.body;
            let state = b["instanceState"]["name"].as_str().unwrap_or("");
            if !all && state != "running" {
                return None;
            }
            let id = i.id(Ec2Kind::Instance);
            let (system, instance) = ec2.status_checks(id, state, now);
            let az = b["placement"]["availabilityZone"].clone();
            let item = json!({
                "instanceId": id, "availabilityZone": az, "availabilityZoneId": az.as_str().map(az_id),
                "eventsSet": [], "instanceState": b["instanceState"], "systemStatus": system,
                "instanceStatus": instance,
            });
            matches(&filters, STATUS_FILTERS, &item, &|_| None).then_some(item)
        })
        .collect();
    let size = match max_results {
        None => EC2_DEFAULT_PAGE_SIZE,
        Some(n) if !(MIN_MAX_RESULTS..=1000).contains(&n) => {
            let message =
                format!("Value ( {n} ) for parameter maxResults is invalid. Parameter may be between 5 and 1000.");
            return Err(error(400, "InvalidParameterValue", &message));
        }
        Some(n) => n as usize,
    };
    let bad_token = |_: &str| error(400, "InvalidPaginationToken", "The specified pagination token is not valid");
    let (page, next) = aws::page(statuses, Some(size as i64), form.get("NextToken"), size, bad_token)?;
    let mut body = String::new();
    write_element(&mut body, "instanceStatusSet", &Value::Array(page));
    if let Some(token) = next {
        write_element(&mut body, "nextToken", &json!(token));
    }
    Ok(answer("DescribeInstanceStatus", &body))
}

fn describe_regions(ec2: &Ec2, caller: &Caller, form: &Form) -> Result<Reply, Reply> {
    let filters = form.filters()?;
    check_filters(&filters, REGION_FILTERS, None)?;
    let all = form.boolean("AllRegions");
    let names = form.list("RegionName");
    if let Some(bad) = names.iter().find(|n| !REGIONS.iter().any(|(r, _)| r == *n)) {
        return Err(error(400, "InvalidParameterValue", &format!("Invalid region: {bad}")));
    }
    let regions: Value = REGIONS
        .iter()
        .filter_map(|(r, _)| {
            let status = ec2.opt_in_status(&caller.account, r)?;
            let listed = if names.is_empty() { all || status != "not-opted-in" } else { names.contains(r) };
            let info =
                json!({"regionName": r, "regionEndpoint": format!("ec2.{r}.amazonaws.com"), "optInStatus": status});
            (listed && matches(&filters, REGION_FILTERS, &info, &|_| None)).then_some(info)
        })
        .collect();
    let mut body = String::new();
    write_element(&mut body, "regionInfo", &regions);
    Ok(answer("DescribeRegions", &body))
}

// ---------------------------------------------------------------------------------------
// The control plane and the Rust API

/// One change through `POST /_sandbox/ec2` (see the control-plane list in mod.rs).
#[derive(Debug, serde::Deserialize)]
#[serde(tag = "action", rename_all = "snake_case", deny_unknown_fields)]
enum Action {
    Put { kind: Ec2Kind, account: String, region: String, resource: Value },
    SetInstanceState { instance_id: String, state: String },
    Terminate { instance_id: String },
    Remove { id: String },
    Generate { accounts: Vec<String>, regions: Vec<String>, instances_per_region: usize },
    SetOptIn { account: String, region: String, opted_in: bool },
    SetTerminatedRetention { seconds: u64 },
    SetInstanceStatus { instance_id: String, system: Option<String>, instance: Option<String> },
    SetRebootHeals { instance_id: String, heals: bool, initializing_ms: Option<u64> },
}

pub(crate) fn control(shared: &Shared, body: &[u8]) -> Reply {
    let action = match serde_json::from_slice::<Action>(body) {
        Ok(a) => a,
        Err(e) => return Reply::text(400, &format!("invalid ec2 action: {e}")),
    };
    let mut ec2 = write(&shared.ec2);
    let done = match action {
        Action::Put { kind, account, region, resource } => ec2.put(kind, &account, &region, resource).map(Some),
        Action::SetInstanceState { instance_id, state } => ec2.set_instance_state(&instance_id, &state).map(|_| None),
        Action::Terminate { instance_id } => ec2.terminate(&instance_id).map(|_| None),
        Action::Remove { id } => ec2.remove(&id).map(|_| None),
        Action::Generate { accounts, regions, instances_per_region } => {
            let accounts: Vec<&str> = accounts.iter().map(String::as_str).collect();
            let regions: Vec<&str> = regions.iter().map(String::as_str).collect();
            ec2.generate(&accounts, &regions, instances_per_region).map(|_| None)
        }
        Action::SetOptIn { account, region, opted_in } => ec2.set_opt_in(&account, &region, opted_in).map(|_| None),
        Action::SetTerminatedRetention { seconds } => {
            ec2.set_retention(std::time::Duration::from_secs(seconds));
            Ok(None)
        }
        Action::SetInstanceStatus { instance_id, system, instance } => {
            ec2.set_instance_status(&instance_id, system.as_deref(), instance.as_deref()).map(|_| None)
        }
        Action::SetRebootHeals { instance_id, heals, initializing_ms } => ec2
            .set_reboot_heals(&instance_id, heals, initializing_ms.unwrap_or(DEFAULT_REBOOT_INITIALIZING_MS))
            .map(|_| None),
    };
    match done {
        Ok(None) => Reply::json(200, &json!({"ok": true})),
        Ok(Some(id)) => Reply::json(200, &json!({"ok": true, "id": id})),
        Err(e @ Ec2Error::NotFound(_)) => Reply::text(404, &e.to_string()),
        Err(e) => Reply::text(400, &e.to_string()),
    }
}

/// `GET /_sandbox/ec2`: the counts per place; with `?account=..&region=..`, that place's
/// resources.
pub(crate) fn control_state(shared: &Shared, rec: &Recorded) -> Reply {
    let ec2 = read(&shared.ec2);
    let q = rec.query_pairs();
    let get = |name: &str| q.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str());
    match (get("account"), get("region")) {
        (Some(a), Some(r)) => Reply::json(200, &ec2.resources(a, r)),
        (None, None) => Reply::json(200, &json!({"places": ec2.counts(), "reboots": ec2.reboots})),
        _ => Reply::text(400, "give both account and region, or neither"),
    }
}

/// EC2 state for in-process tests, the demo and benchmarks; `POST /_sandbox/ec2` does the
/// same from another process.
impl Sandbox {
    /// Create or update a resource of `kind` in `account`/`region`. Fields are the answer's
    /// element names (`instanceType`, `ipAddress`, `tagSet: [{"key", "value"}]`, ...); given
    /// ones replace the stored ones, lists whole. Two shorthands: `"tags": {"Name": "x"}` for
    /// `tagSet`, and on instances `"state": "stopped"` for `instanceState` and
    /// `"reservationId"`. A new resource starts from healthy defaults wired to the place's
    /// first VPC, subnet and group (or the `vpcId`/`subnetId` given); a new instance without
    /// an id gets reservation `r-<its id's digits>` and an attached 8 GiB root volume. Putting
    /// into an opt-in region opts the account in. Returns the id.
    pub fn ec2_put(&self, kind: Ec2Kind, account: &str, region: &str, resource: Value) -> Result<String, Ec2Error> {
        write(&self.shared.ec2).put(kind, account, region, resource)
    }

    pub fn ec2_put_instance(&self, account: &str, region: &str, instance: Value) -> Result<String, Ec2Error> {
        self.ec2_put(Ec2Kind::Instance, account, region, instance)
    }

    pub fn ec2_put_volume(&self, account: &str, region: &str, volume: Value) -> Result<String, Ec2Error> {
        self.ec2_put(Ec2Kind::Volume, account, region, volume)
    }

    pub fn ec2_put_vpc(&self, account: &str, region: &str, vpc: Value) -> Result<String, Ec2Error> {
        self.ec2_put(Ec2Kind::Vpc, account, region, vpc)
    }

    pub fn ec2_put_subnet(&self, account: &str, region: &str, subnet: Value) -> Result<String, Ec2Error> {
        self.ec2_put(Ec2Kind::Subnet, account, region, subnet)
    }

    pub fn ec2_put_security_group(&self, account: &str, region: &str, group: Value) -> Result<String, Ec2Error> {
        self.ec2_put(Ec2Kind::SecurityGroup, account, region, group)
    }

    pub fn ec2_put_address(&self, account: &str, region: &str, address: Value) -> Result<String, Ec2Error> {
        self.ec2_put(Ec2Kind::Address, account, region, address)
    }

    pub fn ec2_put_nat_gateway(&self, account: &str, region: &str, gateway: Value) -> Result<String, Ec2Error> {
        self.ec2_put(Ec2Kind::NatGateway, account, region, gateway)
    }

    pub fn ec2_put_route_table(&self, account: &str, region: &str, table: Value) -> Result<String, Ec2Error> {
        self.ec2_put(Ec2Kind::RouteTable, account, region, table)
    }

    pub fn ec2_put_internet_gateway(&self, account: &str, region: &str, gateway: Value) -> Result<String, Ec2Error> {
        self.ec2_put(Ec2Kind::InternetGateway, account, region, gateway)
    }

    /// Any state name (`stopped`, `pending`, one the SDK does not know); the code follows.
    pub fn ec2_set_instance_state(&self, instance_id: &str, state: &str) -> Result<(), Ec2Error> {
        write(&self.shared.ec2).set_instance_state(instance_id, state)
    }

    /// The instance is `terminated` now (without public or private address, subnet, groups
    /// and disks) and absent once the retention has passed (an hour unless
    /// [`Sandbox::ec2_set_terminated_retention`] says otherwise). Its volumes marked
    /// `deleteOnTermination` vanish, the others become `available`; its Elastic IPs are
    /// disassociated. Terminating again changes nothing.
    pub fn ec2_terminate(&self, instance_id: &str) -> Result<(), Ec2Error> {
        write(&self.shared.ec2).terminate(instance_id)
    }

    /// How long terminated instances stay listed (also for those terminated before).
    /// `Duration::ZERO`: gone at once.
    pub fn ec2_set_terminated_retention(&self, retention: std::time::Duration) {
        write(&self.shared.ec2).set_retention(retention);
    }

    /// The resource vanishes from every listing at once, whatever its kind.
    pub fn ec2_remove(&self, id: &str) -> Result<(), Ec2Error> {
        write(&self.shared.ec2).remove(id)
    }

    /// For every account × region: a VPC (10.0.0.0/16) with a public and a private subnet,
    /// an internet gateway, a main route table and the default group, and
    /// `instances_per_region` instances with a root volume each (instance types
    /// cycle, every tenth is stopped, even ones have public IPs). Nothing is stored until it
    /// changes, so 50 × 16 × 200 costs a few hundred bytes per place, not per instance. Ids are
    /// `<prefix>-0ee<place: 4 hex><n: 10 hex>`, places numbered in the order first generated
    /// into; generating again resets a place's generated resources (resources put there stay).
    /// Opt-in regions are opted into. At most 50 000 instances per place.
    pub fn ec2_generate<A: AsRef<str>, R: AsRef<str>>(
        &self,
        accounts: &[A],
        regions: &[R],
        instances_per_region: usize,
    ) -> Result<(), Ec2Error> {
        let accounts: Vec<&str> = accounts.iter().map(AsRef::as_ref).collect();
        let regions: Vec<&str> = regions.iter().map(AsRef::as_ref).collect();
        write(&self.shared.ec2).generate(&accounts, &regions, instances_per_region)
    }

    /// Enable or disable an opt-in region (af-south-1, ...) for an account.
    pub fn ec2_set_opt_in(&self, account: &str, region: &str, opted_in: bool) -> Result<(), Ec2Error> {
        write(&self.shared.ec2).set_opt_in(account, region, opted_in)
    }

    /// Everything `account`/`region` lists, as `{"instances": [..], "volumes": [..], ...}`
    /// (kind names as [`Ec2Kind::name`] plus `s`), in the answers' field names; instances
    /// carry their `reservationId`.
    pub fn ec2_resources(&self, account: &str, region: &str) -> Value {
        read(&self.shared.ec2).resources(account, region)
    }

    /// Per (account, region) the sandbox knows, how many of each kind it lists.
    pub fn ec2_counts(&self) -> Vec<Ec2Counts> {
        read(&self.shared.ec2).counts()
    }

    /// Set what DescribeInstanceStatus answers for a running instance's system and instance
    /// status checks (`ok`, `impaired`, `initializing`, `insufficient-data`; `None` leaves
    /// one as it is). Every instance reads `ok` until set; one not running reads
    /// `not-applicable`.
    pub fn ec2_set_instance_status(
        &self,
        instance_id: &str,
        system: Option<&str>,
        instance: Option<&str>,
    ) -> Result<(), Ec2Error> {
        write(&self.shared.ec2).set_instance_status(instance_id, system, instance)
    }

    /// Whether a reboot heals the instance: after RebootInstances both checks read
    /// `initializing` for `initializing` (500 ms by default), then `ok` when it heals, else
    /// what they read before.
    pub fn ec2_set_reboot_heals(
        &self,
        instance_id: &str,
        heals: bool,
        initializing: std::time::Duration,
    ) -> Result<(), Ec2Error> {
        let ms = u64::try_from(initializing.as_millis()).unwrap_or(u64::MAX);
        write(&self.shared.ec2).set_reboot_heals(instance_id, heals, ms)
    }

    /// Every instance RebootInstances rebooted, oldest first (terminated ones it ignored are
    /// not listed).
    pub fn ec2_reboots(&self) -> Vec<Ec2Reboot> {
        read(&self.shared.ec2).reboots.clone()
    }
}
