//! EC2's Describe* answers as the inventory reads them, over opskit's own Query client
//! ([`crate::aws::query`]) instead of `aws-sdk-ec2` (why: see there). Only the fields the
//! inventory shows are here; every other element of an answer is ignored.
//!
//! Element names are the API reference's (the model's `locationName`s, lower camel case),
//! which are not always the member names: an instance's state is `instanceState` and its
//! public IP `ipAddress`, its groups `groupSet`; a volume's state is `status`; a security
//! group's description is `groupDescription` and its source groups `groups`. Every list is
//! a wrapper element holding `<item>`s ([`Items`]). A set element missing from an answer is
//! `None`, an empty one (`<reservationSet/>`) an empty list, so
//! [`crate::aws::answer::required`] can tell "nothing there" from "not EC2's answer".
//! Numbers and booleans are kept as the text EC2 sent: an odd value shows as it came
//! instead of failing the whole page.

use super::query::{QueryError, Service, call};
use aws_config::SdkConfig;
use serde::Deserialize;

/// EC2, API version 2016-11-15 (the only one).
pub const SERVICE: Service = Service { name: "ec2", service_id: "EC2", version: "2016-11-15" };

/// One page of `action` (`MaxResults` when `max_results` is given, `NextToken` when a
/// token is), read into the answer's shape.
pub async fn describe<T: for<'de> Deserialize<'de>>(
    cfg: &SdkConfig,
    action: &'static str,
    max_results: Option<u32>,
    next_token: Option<String>,
) -> Result<T, QueryError> {
    let mut params = Vec::new();
    if let Some(n) = max_results {
        params.push(("MaxResults", n.to_string()));
    }
    if let Some(t) = next_token {
        params.push(("NextToken", t));
    }
    call(cfg, &SERVICE, action, &params).await
}

/// A wrapper element of `<item>`s.
#[derive(Debug, Default, Deserialize)]
pub struct Items<T> {
    #[serde(default)]
    pub item: Vec<T>,
}

/// The items of a list that may be absent (an absent inner list is an empty one).
pub fn items<T>(l: &Option<Items<T>>) -> &[T] {
    l.as_ref().map_or(&[], |l| &l.item)
}

/// The items of an answer's set, `None` when the answer lacks it.
pub fn set<T>(l: Option<Items<T>>) -> Option<Vec<T>> {
    l.map(|l| l.item)
}

#[derive(Debug, Default, Deserialize)]
pub struct Tag {
    pub key: Option<String>,
    pub value: Option<String>,
}

/// The `Name` tag's value, or "".
pub fn name_tag(tags: &Option<Items<Tag>>) -> &str {
    items(tags).iter().find(|t| t.key.as_deref() == Some("Name")).and_then(|t| t.value.as_deref()).unwrap_or_default()
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DescribeInstances {
    pub reservation_set: Option<Items<Reservation>>,
    pub next_token: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Reservation {
    pub instances_set: Option<Items<Instance>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Instance {
    pub instance_id: Option<String>,
    pub instance_type: Option<String>,
    pub instance_state: Option<InstanceState>,
    pub placement: Option<Placement>,
    pub private_ip_address: Option<String>,
    pub ip_address: Option<String>,
    pub vpc_id: Option<String>,
    pub subnet_id: Option<String>,
    pub group_set: Option<Items<GroupIdentifier>>,
    pub platform: Option<String>,
    pub platform_details: Option<String>,
    pub launch_time: Option<String>,
    pub tag_set: Option<Items<Tag>>,
}

#[derive(Debug, Default, Deserialize)]
pub struct InstanceState {
    pub name: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Placement {
    pub availability_zone: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GroupIdentifier {
    pub group_id: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DescribeVolumes {
    pub volume_set: Option<Items<Volume>>,
    pub next_token: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Volume {
    pub volume_id: Option<String>,
    pub volume_type: Option<String>,
    pub size: Option<String>,
    /// The volume's state.
    pub status: Option<String>,
    pub availability_zone: Option<String>,
    pub attachment_set: Option<Items<VolumeAttachment>>,
    pub encrypted: Option<String>,
    pub iops: Option<String>,
    pub tag_set: Option<Items<Tag>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct VolumeAttachment {
    pub instance_id: Option<String>,
    pub device: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DescribeVpcs {
    pub vpc_set: Option<Items<Vpc>>,
    pub next_token: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Vpc {
    pub vpc_id: Option<String>,
    pub cidr_block: Option<String>,
    pub cidr_block_association_set: Option<Items<CidrAssociation>>,
    pub ipv6_cidr_block_association_set: Option<Items<CidrAssociation>>,
    pub state: Option<String>,
    pub is_default: Option<String>,
    pub tag_set: Option<Items<Tag>>,
}

/// A VPC's or subnet's (IPv4 or IPv6) CIDR block association.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CidrAssociation {
    pub cidr_block: Option<String>,
    pub cidr_block_state: Option<CidrState>,
    pub ipv6_cidr_block: Option<String>,
    pub ipv6_cidr_block_state: Option<CidrState>,
}

#[derive(Debug, Default, Deserialize)]
pub struct CidrState {
    pub state: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DescribeSubnets {
    pub subnet_set: Option<Items<Subnet>>,
    pub next_token: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Subnet {
    pub subnet_id: Option<String>,
    pub vpc_id: Option<String>,
    pub cidr_block: Option<String>,
    pub ipv6_cidr_block_association_set: Option<Items<CidrAssociation>>,
    pub availability_zone: Option<String>,
    pub map_public_ip_on_launch: Option<String>,
    pub available_ip_address_count: Option<String>,
    pub default_for_az: Option<String>,
    pub tag_set: Option<Items<Tag>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DescribeSecurityGroups {
    pub security_group_info: Option<Items<SecurityGroup>>,
    pub next_token: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SecurityGroup {
    pub group_id: Option<String>,
    pub group_name: Option<String>,
    pub group_description: Option<String>,
    pub vpc_id: Option<String>,
    pub ip_permissions: Option<Items<IpPermission>>,
    pub tag_set: Option<Items<Tag>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct IpPermission {
    pub ip_protocol: Option<String>,
    pub from_port: Option<String>,
    pub to_port: Option<String>,
    pub ip_ranges: Option<Items<IpRange>>,
    pub ipv6_ranges: Option<Items<Ipv6Range>>,
    /// The source security groups (`UserIdGroupPairs` in the model).
    pub groups: Option<Items<UserIdGroupPair>>,
    pub prefix_list_ids: Option<Items<PrefixListId>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct IpRange {
    pub cidr_ip: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Ipv6Range {
    pub cidr_ipv6: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UserIdGroupPair {
    pub group_id: Option<String>,
    pub group_name: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PrefixListId {
    pub prefix_list_id: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DescribeAddresses {
    pub addresses_set: Option<Items<Address>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Address {
    pub allocation_id: Option<String>,
    pub public_ip: Option<String>,
    pub private_ip_address: Option<String>,
    pub instance_id: Option<String>,
    pub network_interface_id: Option<String>,
    pub domain: Option<String>,
    pub tag_set: Option<Items<Tag>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DescribeNatGateways {
    pub nat_gateway_set: Option<Items<NatGateway>>,
    pub next_token: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NatGateway {
    pub nat_gateway_id: Option<String>,
    pub vpc_id: Option<String>,
    pub subnet_id: Option<String>,
    pub state: Option<String>,
    pub nat_gateway_address_set: Option<Items<NatGatewayAddress>>,
    pub connectivity_type: Option<String>,
    pub tag_set: Option<Items<Tag>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NatGatewayAddress {
    pub public_ip: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DescribeRouteTables {
    pub route_table_set: Option<Items<RouteTable>>,
    pub next_token: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RouteTable {
    pub route_table_id: Option<String>,
    pub vpc_id: Option<String>,
    pub association_set: Option<Items<RouteTableAssociation>>,
    pub route_set: Option<Items<Route>>,
    pub tag_set: Option<Items<Tag>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RouteTableAssociation {
    pub main: Option<String>,
    pub subnet_id: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Route {
    pub destination_cidr_block: Option<String>,
    pub destination_ipv6_cidr_block: Option<String>,
    pub destination_prefix_list_id: Option<String>,
    pub gateway_id: Option<String>,
    pub nat_gateway_id: Option<String>,
    pub transit_gateway_id: Option<String>,
    pub vpc_peering_connection_id: Option<String>,
    pub egress_only_internet_gateway_id: Option<String>,
    pub local_gateway_id: Option<String>,
    pub carrier_gateway_id: Option<String>,
    pub core_network_arn: Option<String>,
    pub instance_id: Option<String>,
    pub network_interface_id: Option<String>,
    pub state: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DescribeInternetGateways {
    pub internet_gateway_set: Option<Items<InternetGateway>>,
    pub next_token: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct InternetGateway {
    pub internet_gateway_id: Option<String>,
    pub attachment_set: Option<Items<InternetGatewayAttachment>>,
    pub tag_set: Option<Items<Tag>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct InternetGatewayAttachment {
    pub vpc_id: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DescribeRegions {
    pub region_info: Option<Items<Region>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Region {
    pub region_name: Option<String>,
}

/// `DescribeInstanceStatus` of one instance, whatever its state (`IncludeAllInstances`):
/// `None` when EC2 lists no status for it.
pub async fn describe_instance_status(cfg: &SdkConfig, instance: &str) -> Result<Option<InstanceStatus>, QueryError> {
    let params = [("InstanceId.1", instance.to_string()), ("IncludeAllInstances", "true".to_string())];
    let answer: DescribeInstanceStatus = call(cfg, &SERVICE, "DescribeInstanceStatus", &params).await?;
    Ok(instance_status(answer, instance))
}

/// The status of `instance` in an answer.
pub fn instance_status(answer: DescribeInstanceStatus, instance: &str) -> Option<InstanceStatus> {
    set(answer.instance_status_set)?.into_iter().find(|s| s.instance_id.as_deref() == Some(instance))
}

/// `RebootInstances` of one instance: whether EC2 accepted it. The reference's example
/// answers `<return>true</return>`, but the API model gives the operation no output (the
/// SDKs read nothing), so a well-formed answer without `<return>` is acceptance too (moto
/// sends none); only an explicit `false` is a refusal.
pub async fn reboot_instance(cfg: &SdkConfig, instance: &str) -> Result<bool, QueryError> {
    let answer: Return = call(cfg, &SERVICE, "RebootInstances", &[("InstanceId.1", instance.to_string())]).await?;
    Ok(answer.accepted())
}

/// An answer that is only `<return>`.
#[derive(Debug, Default, Deserialize)]
pub struct Return {
    #[serde(rename = "return")]
    pub value: Option<String>,
}

impl Return {
    pub fn accepted(&self) -> bool {
        self.value.as_deref().is_none_or(|v| v.trim() != "false")
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DescribeInstanceStatus {
    pub instance_status_set: Option<Items<InstanceStatus>>,
    pub next_token: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct InstanceStatus {
    pub instance_id: Option<String>,
    pub availability_zone: Option<String>,
    pub instance_state: Option<InstanceState>,
    /// The system status check (AWS's side: hardware, network).
    pub system_status: Option<StatusSummary>,
    /// The instance status check (the guest: reachability).
    pub instance_status: Option<StatusSummary>,
}

/// `ok | impaired | insufficient-data | not-applicable | initializing`, with its checks.
#[derive(Debug, Default, Deserialize)]
pub struct StatusSummary {
    pub status: Option<String>,
    pub details: Option<Items<StatusDetail>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StatusDetail {
    pub name: Option<String>,
    /// `passed | failed | insufficient-data | initializing`
    pub status: Option<String>,
    pub impaired_since: Option<String>,
}

#[cfg(test)]
#[path = "ec2_tests.rs"]
mod tests;
