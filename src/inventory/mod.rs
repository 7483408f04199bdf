//! The resource inventory: what `opskit inventory show` collects, `diff` compares and
//! `publish` renders into Backlog Wiki pages. One [`Resource`] per EC2 instance, EBS volume,
//! VPC, subnet, security group, Elastic IP, NAT gateway, route table, internet gateway,
//! Direct Connect connection and VIF, RDS DB instance and DB cluster, ACM certificate, load
//! balancer (ELBv2 and classic), Lambda function and Auto Scaling group, and per account
//! (region `global`) S3 bucket, IAM user and Route 53 hosted zone; and in Google Cloud
//! projects per Compute Engine instance, disk, network, subnetwork, firewall rule, address,
//! route and forwarding rule, with the fields a person reads in a management table.
//! For a Google Cloud project, `account` is the project id.
//!
//! The model is plain data, ordered and serialisable, so a snapshot kept in the state store
//! round-trips and two inventories compare field by field ([`diff`]).

pub mod collect;
pub mod diff;
pub mod fields;
pub mod gcp;
mod global;
pub mod pages;
pub mod publish;
pub mod render;

pub use collect::{Inventory, Options, collect};
pub use diff::{Change, Diff, FieldChange, diff};
pub use fields::Fields;

use serde::{Deserialize, Serialize};

/// The kinds of resource the inventory knows, in the order pages show them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ResourceType {
    Instance,
    Volume,
    Vpc,
    Subnet,
    SecurityGroup,
    ElasticIp,
    NatGateway,
    RouteTable,
    InternetGateway,
    DxConnection,
    DxVif,
    RdsInstance,
    RdsCluster,
    AcmCertificate,
    LoadBalancer,
    LambdaFunction,
    AutoScalingGroup,
    S3Bucket,
    IamUser,
    Route53Zone,
    GceInstance,
    GceDisk,
    GceNetwork,
    GceSubnetwork,
    GceFirewall,
    GceAddress,
    GceRoute,
    GceForwardingRule,
}

impl ResourceType {
    pub const ALL: [ResourceType; 28] = [
        ResourceType::Instance,
        ResourceType::Volume,
        ResourceType::Vpc,
        ResourceType::Subnet,
        ResourceType::SecurityGroup,
        ResourceType::ElasticIp,
        ResourceType::NatGateway,
        ResourceType::RouteTable,
        ResourceType::InternetGateway,
        ResourceType::DxConnection,
        ResourceType::DxVif,
        ResourceType::RdsInstance,
        ResourceType::RdsCluster,
        ResourceType::AcmCertificate,
        ResourceType::LoadBalancer,
        ResourceType::LambdaFunction,
        ResourceType::AutoScalingGroup,
        ResourceType::S3Bucket,
        ResourceType::IamUser,
        ResourceType::Route53Zone,
        ResourceType::GceInstance,
        ResourceType::GceDisk,
        ResourceType::GceNetwork,
        ResourceType::GceSubnetwork,
        ResourceType::GceFirewall,
        ResourceType::GceAddress,
        ResourceType::GceRoute,
        ResourceType::GceForwardingRule,
    ];

    /// Types of account-wide services (S3's bucket listing, IAM, Route 53): collected once
    /// per account, in the target whose region is [`GLOBAL`].
    pub fn is_global(self) -> bool {
        matches!(self, ResourceType::S3Bucket | ResourceType::IamUser | ResourceType::Route53Zone)
    }

    /// Fields that move without anyone changing the resource (an age, a last use): shown,
    /// but never a change in [`diff()`].
    pub fn volatile(self) -> &'static [&'static str] {
        match self {
            ResourceType::IamUser => &["oldest_key_days", "key_last_used", "password_last_used"],
            _ => &[],
        }
    }

    /// Google Compute Engine's types, listed per Google Cloud project (`[[gcp_projects]]`);
    /// the others are AWS's, listed per (account, region).
    pub fn is_gcp(self) -> bool {
        matches!(
            self,
            ResourceType::GceInstance
                | ResourceType::GceDisk
                | ResourceType::GceNetwork
                | ResourceType::GceSubnetwork
                | ResourceType::GceFirewall
                | ResourceType::GceAddress
                | ResourceType::GceRoute
                | ResourceType::GceForwardingRule
        )
    }

    /// The name used on the command line (`--resource-types`), in JSON and in snapshots.
    pub fn as_str(self) -> &'static str {
        match self {
            ResourceType::Instance => "instance",
            ResourceType::Volume => "volume",
            ResourceType::Vpc => "vpc",
            ResourceType::Subnet => "subnet",
            ResourceType::SecurityGroup => "security-group",
            ResourceType::ElasticIp => "elastic-ip",
            ResourceType::NatGateway => "nat-gateway",
            ResourceType::RouteTable => "route-table",
            ResourceType::InternetGateway => "internet-gateway",
            ResourceType::DxConnection => "dx-connection",
            ResourceType::DxVif => "dx-vif",
            ResourceType::RdsInstance => "rds-instance",
            ResourceType::RdsCluster => "rds-cluster",
            ResourceType::AcmCertificate => "acm-certificate",
            ResourceType::LoadBalancer => "load-balancer",
            ResourceType::LambdaFunction => "lambda-function",
            ResourceType::AutoScalingGroup => "auto-scaling-group",
            ResourceType::S3Bucket => "s3-bucket",
            ResourceType::IamUser => "iam-user",
            ResourceType::Route53Zone => "route53-zone",
            ResourceType::GceInstance => "gce-instance",
            ResourceType::GceDisk => "gce-disk",
            ResourceType::GceNetwork => "gce-network",
            ResourceType::GceSubnetwork => "gce-subnetwork",
            ResourceType::GceFirewall => "gce-firewall",
            ResourceType::GceAddress => "gce-address",
            ResourceType::GceRoute => "gce-route",
            ResourceType::GceForwardingRule => "gce-forwarding-rule",
        }
    }

    /// The heading a page gives the type's table.
    pub fn title(self) -> &'static str {
        match self {
            ResourceType::Instance => "EC2 instances",
            ResourceType::Volume => "EBS volumes",
            ResourceType::Vpc => "VPCs",
            ResourceType::Subnet => "Subnets",
            ResourceType::SecurityGroup => "Security groups",
            ResourceType::ElasticIp => "Elastic IPs",
            ResourceType::NatGateway => "NAT gateways",
            ResourceType::RouteTable => "Route tables",
            ResourceType::InternetGateway => "Internet gateways",
            ResourceType::DxConnection => "Direct Connect connections",
            ResourceType::DxVif => "Direct Connect virtual interfaces",
            ResourceType::RdsInstance => "RDS DB instances",
            ResourceType::RdsCluster => "RDS DB clusters",
            ResourceType::AcmCertificate => "ACM certificates",
            ResourceType::LoadBalancer => "Load balancers",
            ResourceType::LambdaFunction => "Lambda functions",
            ResourceType::AutoScalingGroup => "Auto Scaling groups",
            ResourceType::S3Bucket => "S3 buckets",
            ResourceType::IamUser => "IAM users",
            ResourceType::Route53Zone => "Route 53 hosted zones",
            ResourceType::GceInstance => "Compute Engine VM instances",
            ResourceType::GceDisk => "Compute Engine disks",
            ResourceType::GceNetwork => "VPC networks (Google Cloud)",
            ResourceType::GceSubnetwork => "Subnetworks (Google Cloud)",
            ResourceType::GceFirewall => "Firewall rules (Google Cloud)",
            ResourceType::GceAddress => "IP addresses (Google Cloud)",
            ResourceType::GceRoute => "Routes (Google Cloud)",
            ResourceType::GceForwardingRule => "Forwarding rules (Google Cloud)",
        }
    }

    /// The field names of the type, in column order (after the id and the name).
    pub fn columns(self) -> &'static [&'static str] {
        match self {
            ResourceType::Instance => &[
                "type",
                "state",
                "az",
                "private_ip",
                "public_ip",
                "vpc",
                "subnet",
                "security_groups",
                "platform",
                "launch_time",
            ],
            ResourceType::Volume => &["type", "size_gib", "state", "az", "attached_to", "encrypted", "iops"],
            ResourceType::Vpc => &["cidr", "state", "default"],
            ResourceType::Subnet => &["vpc", "cidr", "az", "public_ip_on_launch", "available_ips", "default"],
            ResourceType::SecurityGroup => &["vpc", "description", "inbound", "flags"],
            ResourceType::ElasticIp => &["public_ip", "private_ip", "instance", "network_interface", "domain"],
            ResourceType::NatGateway => &["vpc", "subnet", "state", "public_ip", "connectivity"],
            ResourceType::RouteTable => &["vpc", "main", "subnets", "routes"],
            ResourceType::InternetGateway => &["vpcs"],
            ResourceType::DxConnection => &["state", "location", "bandwidth", "device"],
            ResourceType::DxVif => &["type", "state", "connection", "vlan", "bgp"],
            ResourceType::RdsInstance => &[
                "engine",
                "engine_version",
                "class",
                "status",
                "multi_az",
                "encrypted",
                "backup_retention_days",
                "maintenance_window",
                "public",
                "az",
                "cluster",
            ],
            ResourceType::RdsCluster => &[
                "engine",
                "engine_version",
                "class",
                "status",
                "multi_az",
                "encrypted",
                "backup_retention_days",
                "maintenance_window",
                "public",
                "members",
            ],
            ResourceType::AcmCertificate => &["domains", "status", "type", "not_after", "in_use_by"],
            ResourceType::LoadBalancer => {
                &["type", "scheme", "state", "dns_name", "vpc", "listeners", "certificates", "target_groups", "created"]
            }
            ResourceType::LambdaFunction => {
                &["runtime", "deprecated", "memory_mb", "timeout_s", "last_modified", "package_type", "architectures"]
            }
            ResourceType::AutoScalingGroup => {
                &["min", "max", "desired", "instances", "launch", "azs", "health_check", "target_groups"]
            }
            ResourceType::S3Bucket => {
                &["bucket_region", "public_access_block", "encryption", "versioning", "lifecycle", "created"]
            }
            ResourceType::IamUser => &[
                "created",
                "console_access",
                "mfa",
                "access_keys",
                "oldest_key_days",
                "key_last_used",
                "password_last_used",
            ],
            ResourceType::Route53Zone => &["private", "record_count", "comment"],
            ResourceType::GceInstance => &[
                "zone",
                "machine_type",
                "status",
                "internal_ip",
                "external_ip",
                "network",
                "subnetwork",
                "disks",
                "service_account",
                "created",
            ],
            ResourceType::GceDisk => &["zone", "type", "size_gb", "status", "users", "encryption", "created"],
            ResourceType::GceNetwork => &["mode", "routing_mode", "cidr", "subnetworks", "mtu"],
            ResourceType::GceSubnetwork => &["network", "cidr", "secondary_ranges", "private_google_access", "purpose"],
            ResourceType::GceFirewall => {
                &["network", "direction", "action", "priority", "rules", "sources", "targets", "disabled", "flags"]
            }
            ResourceType::GceAddress => &["address", "type", "status", "purpose", "users", "network_tier"],
            ResourceType::GceRoute => &["network", "dest_range", "next_hop", "priority", "tags"],
            ResourceType::GceForwardingRule => {
                &["ip", "protocol", "ports", "target", "scheme", "network", "network_tier"]
            }
        }
    }

    /// Direct Connect resources are listed per region like the rest.
    pub fn parse(s: &str) -> Result<ResourceType, String> {
        let s = s.trim().to_ascii_lowercase();
        let alias = match s.as_str() {
            "ec2" | "instances" => "instance",
            "ebs" | "volumes" => "volume",
            "vpcs" => "vpc",
            "subnets" => "subnet",
            "sg" | "security-groups" | "sgs" => "security-group",
            "eip" | "eips" | "elastic-ips" => "elastic-ip",
            "nat" | "nat-gateways" => "nat-gateway",
            "route-tables" => "route-table",
            "igw" | "internet-gateways" => "internet-gateway",
            "rds-instances" | "db-instance" | "db-instances" => "rds-instance",
            "rds-clusters" | "db-cluster" | "db-clusters" => "rds-cluster",
            "acm" | "certificate" | "certificates" | "acm-certificates" => "acm-certificate",
            "elb" | "alb" | "nlb" | "lb" | "load-balancers" => "load-balancer",
            "lambda" | "function" | "functions" | "lambda-functions" => "lambda-function",
            "asg" | "asgs" | "auto-scaling-groups" => "auto-scaling-group",
            "s3" | "bucket" | "buckets" | "s3-buckets" => "s3-bucket",
            "iam" | "iam-users" | "users" => "iam-user",
            "route53" | "route-53" | "hosted-zone" | "hosted-zones" | "route53-zones" => "route53-zone",
            "gce-instances" | "vm" | "vms" => "gce-instance",
            "gce-disks" => "gce-disk",
            "gce-networks" => "gce-network",
            "gce-subnetworks" | "gce-subnets" => "gce-subnetwork",
            "gce-firewalls" | "gce-firewall-rules" => "gce-firewall",
            "gce-addresses" => "gce-address",
            "gce-routes" => "gce-route",
            "gce-forwarding-rules" => "gce-forwarding-rule",
            "rds" => return Err("`rds` is two types: give rds-instance and/or rds-cluster".into()),
            "dx" => return Err("`dx` is two types: give dx-connection and/or dx-vif".into()),
            other => other,
        };
        ResourceType::ALL.into_iter().find(|t| t.as_str() == alias).ok_or_else(|| {
            let names: Vec<&str> = ResourceType::ALL.iter().map(|t| t.as_str()).collect();
            format!("unknown resource type `{s}` (known: {})", names.join(", "))
        })
    }
}

impl std::fmt::Display for ResourceType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One resource as the inventory shows it. `fields` holds the type's [`ResourceType::columns`]
/// (missing ones are empty), as display strings: lists joined with ", ", booleans `yes`/`no`,
/// times RFC 3339 UTC, so a snapshot compares exactly what a person sees.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Resource {
    /// The account id.
    pub account: String,
    pub region: String,
    #[serde(rename = "type")]
    pub resource_type: ResourceType,
    pub id: String,
    /// The Name tag (or the Direct Connect name), empty when none.
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub fields: Fields,
}

impl Resource {
    pub fn new(account: &str, region: &str, resource_type: ResourceType, id: impl Into<String>) -> Resource {
        Resource {
            account: account.to_string(),
            region: region.to_string(),
            resource_type,
            id: id.into(),
            name: String::new(),
            fields: Default::default(),
        }
    }

    pub fn name(mut self, name: impl Into<String>) -> Resource {
        self.name = name.into();
        self
    }

    /// Set one field; empty values are kept out so absent and empty compare equal.
    pub fn field(mut self, name: &str, value: impl Into<String>) -> Resource {
        self.fields.insert(name, &value.into());
        self
    }

    /// Set several fields at once (one allocation instead of one per field); empty values
    /// are kept out, as with [`Resource::field`].
    pub fn with_fields<'a>(mut self, fields: impl IntoIterator<Item = (&'a str, &'a str)>) -> Resource {
        if self.fields.is_empty() {
            self.fields = fields.into_iter().collect();
        } else {
            for (k, v) in fields {
                self.fields.insert(k, v);
            }
        }
        self
    }

    pub fn get(&self, field: &str) -> &str {
        self.fields.get(field).unwrap_or("")
    }

    /// Identity across runs: account, region, type, id.
    pub fn identity(&self) -> (&str, &str, ResourceType, &str) {
        (&self.account, &self.region, self.resource_type, &self.id)
    }
}

/// The region of resources of account-wide services ([`ResourceType::is_global`]).
pub const GLOBAL: &str = "global";

/// Resources in page order: account, region, type, id.
pub fn sort(resources: &mut [Resource]) {
    // Identities are unique, so an unstable sort orders the same, without a stable sort's
    // buffer of half the inventory.
    resources.sort_unstable_by(|a, b| a.identity().cmp(&b.identity()));
}
