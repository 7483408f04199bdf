//! The resource inventory: what `opskit inventory show` collects, `diff` compares and
//! `publish` renders into Backlog Wiki pages. One [`Resource`] per EC2 instance, EBS volume,
//! VPC, subnet, security group, Elastic IP, NAT gateway, route table, internet gateway,
//! Direct Connect connection and VIF, RDS DB instance and DB cluster, ACM certificate, load
//! balancer (ELBv2 and classic), Lambda function and Auto Scaling group, with the fields a
//! person reads in a management table.
//!
//! The model is plain data, ordered and serialisable, so a snapshot kept in the state store
//! round-trips and two inventories compare field by field ([`diff`]).

pub mod collect;
pub mod diff;
pub mod fields;
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
}

impl ResourceType {
    pub const ALL: [ResourceType; 17] = [
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
    ];

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

/// Resources in page order: account, region, type, id.
pub fn sort(resources: &mut [Resource]) {
    // Identities are unique, so an unstable sort orders the same, without a stable sort's
    // buffer of half the inventory.
    resources.sort_unstable_by(|a, b| a.identity().cmp(&b.identity()));
}
