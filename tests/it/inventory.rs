//! `opskit inventory show` end to end: the built binary against moto server, with the EC2
//! resources created through the AWS API first (aws-sdk-ec2 pointed at moto), and against
//! the embedded sandbox for Direct Connect.
//!
//! moto 5.2.5 has no DescribeVirtualInterfaces (HTTP 500), and its DescribeConnections
//! answer does not deserialise in aws-sdk-directconnect once a connection exists
//! (`hasLogicalRedundancy` as a boolean, `loaIssueTime` as text), so the moto tests ask for
//! the EC2 types only and the Direct Connect types are tested against the sandbox.
//!
//! moto tells accounts apart by credentials: static keys are the default account
//! 123456789012, and keys from STS AssumeRole belong to the role's account.

use crate::common;

use aws_sdk_ec2::types::{
    AttributeBooleanValue, DomainType, Filter, InstanceType, IpPermission, IpRange, ResourceType as Ec2Type, Tag,
    TagSpecification, UserIdGroupPair, VolumeType,
};
use common::cli::*;
use common::moto::{MotoServer, sdk_config};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

const ACME: &str = "123456789012";
const BETA: &str = "222233334444";
const BETA_ROLE: &str = "arn:aws:iam::222233334444:role/inventory";
const EAST: &str = "us-east-1";
const WEST: &str = "eu-west-1";
/// The EC2 types: every type but Direct Connect's (see the module doc).
const EC2_TYPES: &str = "instance,volume,vpc,subnet,security-group,elastic-ip,nat-gateway,route-table,internet-gateway";
/// Ubuntu and Windows images from moto's built-in list.
const LINUX_AMI: &str = "ami-1e749f67";
const WINDOWS_AMI: &str = "ami-12c6146b";

fn ec2_for(sdk: &aws_config::SdkConfig, region: &str) -> aws_sdk_ec2::Client {
    aws_sdk_ec2::Client::new(&sdk.to_builder().region(aws_config::Region::new(region.to_string())).build())
}

fn name(resource: Ec2Type, value: &str) -> TagSpecification {
    TagSpecification::builder().resource_type(resource).tags(Tag::builder().key("Name").value(value).build()).build()
}

/// What the test created in us-east-1 of the default account.
#[derive(Debug, Default)]
struct Created {
    vpc: String,
    private_subnet: String,
    public_subnet: String,
    ssh_sg: String,
    web_sg: String,
    web: String,
    web_private_ip: String,
    web_launch: String,
    win: String,
    data_volume: String,
    spare_volume: String,
    eip_alloc: String,
    eip_ip: String,
    nat_eip_alloc: String,
    nat_eip_ip: String,
    igw: String,
    nat: String,
    public_rt: String,
    private_rt: String,
}

async fn create_world(ec2: &aws_sdk_ec2::Client) -> Created {
    let vpc = ec2
        .create_vpc()
        .cidr_block("10.0.0.0/16")
        .tag_specifications(name(Ec2Type::Vpc, "prod"))
        .send()
        .await
        .unwrap()
        .vpc
        .unwrap()
        .vpc_id
        .unwrap();
    let mut c = Created { vpc, ..Default::default() };
    let subnet = |cidr: &'static str, az: &'static str, n: &'static str| {
        let vpc = c.vpc.clone();
        async move {
            ec2.create_subnet()
                .vpc_id(vpc)
                .cidr_block(cidr)
                .availability_zone(az)
                .tag_specifications(name(Ec2Type::Subnet, n))
                .send()
                .await
                .unwrap()
                .subnet
                .unwrap()
                .subnet_id
                .unwrap()
        }
    };
    c.private_subnet = subnet("10.0.1.0/24", "us-east-1a", "prod-private-a").await;
    c.public_subnet = subnet("10.0.2.0/24", "us-east-1b", "prod-public-b").await;
    ec2.modify_subnet_attribute()
        .subnet_id(&c.public_subnet)
        .map_public_ip_on_launch(AttributeBooleanValue::builder().value(true).build())
        .send()
        .await
        .unwrap();

    let sg = |n: &'static str, d: &'static str| {
        let vpc = c.vpc.clone();
        async move {
            ec2.create_security_group().group_name(n).description(d).vpc_id(vpc).send().await.unwrap().group_id.unwrap()
        }
    };
    c.ssh_sg = sg("bastion-ssh", "SSH from anywhere (bad)").await;
    c.web_sg = sg("web", "HTTPS from the bastion").await;
    ec2.authorize_security_group_ingress()
        .group_id(&c.ssh_sg)
        .ip_permissions(
            IpPermission::builder()
                .ip_protocol("tcp")
                .from_port(22)
                .to_port(22)
                .ip_ranges(IpRange::builder().cidr_ip("0.0.0.0/0").build())
                .build(),
        )
        .send()
        .await
        .unwrap();
    ec2.authorize_security_group_ingress()
        .group_id(&c.web_sg)
        .ip_permissions(
            IpPermission::builder()
                .ip_protocol("tcp")
                .from_port(443)
                .to_port(443)
                .user_id_group_pairs(UserIdGroupPair::builder().group_id(&c.ssh_sg).build())
                .build(),
        )
        .send()
        .await
        .unwrap();

    let web = ec2
        .run_instances()
        .image_id(LINUX_AMI)
        .instance_type(InstanceType::T3Micro)
        .min_count(1)
        .max_count(1)
        .subnet_id(&c.private_subnet)
        .security_group_ids(&c.web_sg)
        .security_group_ids(&c.ssh_sg)
        .tag_specifications(name(Ec2Type::Instance, "web-1"))
        .send()
        .await
        .unwrap();
    let i = &web.instances()[0];
    c.web = i.instance_id().unwrap().to_string();
    c.web_private_ip = i.private_ip_address().unwrap().to_string();
    c.web_launch = i.launch_time().unwrap().fmt(aws_smithy_types::date_time::Format::DateTime).unwrap();
    let win = ec2
        .run_instances()
        .image_id(WINDOWS_AMI)
        .instance_type(InstanceType::M5Large)
        .min_count(1)
        .max_count(1)
        .subnet_id(&c.public_subnet)
        .tag_specifications(name(Ec2Type::Instance, "win-ad"))
        .send()
        .await
        .unwrap();
    c.win = win.instances()[0].instance_id().unwrap().to_string();
    // A terminated instance is still listed by AWS for a while; the inventory leaves it out.
    let gone = ec2
        .run_instances()
        .image_id(LINUX_AMI)
        .min_count(1)
        .max_count(1)
        .subnet_id(&c.private_subnet)
        .send()
        .await
        .unwrap();
    ec2.terminate_instances().instance_ids(gone.instances()[0].instance_id().unwrap()).send().await.unwrap();

    c.data_volume = ec2
        .create_volume()
        .availability_zone("us-east-1a")
        .size(100)
        .volume_type(VolumeType::Io1)
        .iops(3000)
        .encrypted(true)
        .tag_specifications(name(Ec2Type::Volume, "web-1-data"))
        .send()
        .await
        .unwrap()
        .volume_id
        .unwrap();
    ec2.attach_volume().volume_id(&c.data_volume).instance_id(&c.web).device("/dev/sdf").send().await.unwrap();
    c.spare_volume = ec2
        .create_volume()
        .availability_zone("us-east-1b")
        .size(20)
        .volume_type(VolumeType::Gp3)
        .send()
        .await
        .unwrap()
        .volume_id
        .unwrap();

    let eip = ec2.allocate_address().domain(DomainType::Vpc).send().await.unwrap();
    (c.eip_alloc, c.eip_ip) = (eip.allocation_id.unwrap(), eip.public_ip.unwrap());
    ec2.create_tags()
        .resources(&c.eip_alloc)
        .tags(Tag::builder().key("Name").value("web-1-eip").build())
        .send()
        .await
        .unwrap();
    ec2.associate_address().allocation_id(&c.eip_alloc).instance_id(&c.web).send().await.unwrap();

    c.igw = ec2.create_internet_gateway().send().await.unwrap().internet_gateway.unwrap().internet_gateway_id.unwrap();
    ec2.attach_internet_gateway().internet_gateway_id(&c.igw).vpc_id(&c.vpc).send().await.unwrap();
    let nat_eip = ec2.allocate_address().domain(DomainType::Vpc).send().await.unwrap();
    (c.nat_eip_alloc, c.nat_eip_ip) = (nat_eip.allocation_id.unwrap(), nat_eip.public_ip.unwrap());
    c.nat = ec2
        .create_nat_gateway()
        .subnet_id(&c.public_subnet)
        .allocation_id(&c.nat_eip_alloc)
        .tag_specifications(name(Ec2Type::Natgateway, "prod-nat"))
        .send()
        .await
        .unwrap()
        .nat_gateway
        .unwrap()
        .nat_gateway_id
        .unwrap();

    let route_table = |n: &'static str| {
        let vpc = c.vpc.clone();
        async move {
            ec2.create_route_table()
                .vpc_id(vpc)
                .tag_specifications(name(Ec2Type::RouteTable, n))
                .send()
                .await
                .unwrap()
                .route_table
                .unwrap()
                .route_table_id
                .unwrap()
        }
    };
    c.public_rt = route_table("prod-public").await;
    c.private_rt = route_table("prod-private").await;
    ec2.create_route()
        .route_table_id(&c.public_rt)
        .destination_cidr_block("0.0.0.0/0")
        .gateway_id(&c.igw)
        .send()
        .await
        .unwrap();
    ec2.create_route()
        .route_table_id(&c.private_rt)
        .destination_cidr_block("0.0.0.0/0")
        .nat_gateway_id(&c.nat)
        .send()
        .await
        .unwrap();
    ec2.associate_route_table().route_table_id(&c.public_rt).subnet_id(&c.public_subnet).send().await.unwrap();
    ec2.associate_route_table().route_table_id(&c.private_rt).subnet_id(&c.private_subnet).send().await.unwrap();
    c
}

/// What moto creates by itself in a region: the default VPC with a default subnet per
/// zone, a default security group and a main route table per VPC, a root volume per
/// instance. Read back through the API with filters, and counted, so the test knows
/// exactly which resources are not its own.
#[derive(Debug, Default)]
struct Defaults {
    vpc: String,
    subnets: BTreeSet<String>,
    sgs: BTreeSet<String>,
    main_rts: BTreeSet<String>,
    root_volumes: BTreeSet<String>,
}

async fn defaults(ec2: &aws_sdk_ec2::Client, instances: &[&str]) -> Defaults {
    let f = |n: &str, v: &str| Filter::builder().name(n).values(v).build();
    let vpcs = ec2.describe_vpcs().filters(f("is-default", "true")).send().await.unwrap();
    assert_eq!(vpcs.vpcs().len(), 1, "one default VPC per region");
    let subnets = ec2.describe_subnets().filters(f("default-for-az", "true")).send().await.unwrap();
    let sgs = ec2.describe_security_groups().filters(f("group-name", "default")).send().await.unwrap();
    let rts = ec2.describe_route_tables().filters(f("association.main", "true")).send().await.unwrap();
    let mut root_volumes = BTreeSet::new();
    for i in instances {
        let v = ec2.describe_volumes().filters(f("attachment.instance-id", i)).send().await.unwrap();
        for vol in v.volumes() {
            if vol.attachments().iter().any(|a| a.device() == Some("/dev/sda1")) {
                root_volumes.insert(vol.volume_id().unwrap().to_string());
            }
        }
    }
    Defaults {
        vpc: vpcs.vpcs()[0].vpc_id().unwrap().to_string(),
        subnets: subnets.subnets().iter().map(|s| s.subnet_id().unwrap().to_string()).collect(),
        sgs: sgs.security_groups().iter().map(|s| s.group_id().unwrap().to_string()).collect(),
        main_rts: rts.route_tables().iter().map(|r| r.route_table_id().unwrap().to_string()).collect(),
        root_volumes,
    }
}

/// Profiles whose keys moto maps to accounts (`acme`: the default account), plus `extra`.
fn write_profiles(b: &Bench, extra: &str) {
    std::fs::write(
        b.path("aws-config"),
        format!("[profile acme]\naws_access_key_id = test\naws_secret_access_key = test\n\n{extra}"),
    )
    .unwrap();
    std::fs::write(b.path("aws-credentials"), "").unwrap();
}

/// Resources by (type, id), for lookups.
fn index(rs: &[Value]) -> BTreeMap<(String, String), Value> {
    rs.iter()
        .map(|r| ((r["type"].as_str().unwrap().to_string(), r["id"].as_str().unwrap().to_string()), r.clone()))
        .collect()
}

fn ids(rs: &[Value], ty: &str, region: &str) -> BTreeSet<String> {
    rs.iter()
        .filter(|r| r["type"] == ty && r["region"] == region)
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect()
}

fn set<I: IntoIterator<Item = S>, S: AsRef<str>>(items: I) -> BTreeSet<String> {
    items.into_iter().map(|s| s.as_ref().to_string()).collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn show_json_lists_exactly_what_was_created_with_every_field() {
    let moto = MotoServer::start();
    let sdk = sdk_config(&moto.endpoint()).await;
    let east = ec2_for(&sdk, EAST);
    let c = create_world(&east).await;
    let d = defaults(&east, &[&c.web, &c.win]).await;
    // The second region holds only moto's defaults.
    let west = ec2_for(&sdk, WEST);
    let dw = defaults(&west, &[]).await;
    assert_eq!((d.subnets.len(), dw.subnets.len()), (6, 3), "moto's default subnets: one per zone");
    assert_eq!(d.sgs.len(), 2, "a default security group in the default VPC and in ours");
    assert_eq!(d.main_rts.len(), 2, "a main route table in the default VPC and in ours");
    assert_eq!(d.root_volumes.len(), 2, "a root volume per live instance");

    let b = Bench::new();
    write_profiles(&b, "");
    let opskit = || b.opskit_aws_at(&moto.endpoint());
    b.write_config(&format!(
        "{}[[accounts]]\nname = \"acme-prod\"\nid = \"{ACME}\"\nprofile = \"acme\"\nregions = [\"{EAST}\", \"{WEST}\"]\n",
        b.defaults()
    ));
    let a = opskit().args(["inventory", "show", "--output", "json", "--resource-types", EC2_TYPES]).assert();
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    assert!(stderr(&a).is_empty(), "nothing failed, nothing to say: {}", stderr(&a));
    let rs = json_array(&a);
    assert!(rs.iter().all(|r| r["account"] == ACME), "the account is its id");

    // Exactly what was created, plus moto's own defaults, counted above.
    let east_ids = |t: &str| ids(&rs, t, EAST);
    assert_eq!(east_ids("instance"), set([&c.web, &c.win]), "the terminated instance is left out");
    let mut volumes = set([&c.data_volume, &c.spare_volume]);
    volumes.extend(d.root_volumes.iter().cloned());
    assert_eq!(east_ids("volume"), volumes);
    assert_eq!(east_ids("vpc"), set([&c.vpc, &d.vpc]));
    let mut subnets = set([&c.private_subnet, &c.public_subnet]);
    subnets.extend(d.subnets.iter().cloned());
    assert_eq!(east_ids("subnet"), subnets);
    let mut sgs = set([&c.ssh_sg, &c.web_sg]);
    sgs.extend(d.sgs.iter().cloned());
    assert_eq!(east_ids("security-group"), sgs);
    assert_eq!(east_ids("elastic-ip"), set([&c.eip_alloc, &c.nat_eip_alloc]));
    assert_eq!(east_ids("nat-gateway"), set([&c.nat]));
    let mut rts = set([&c.public_rt, &c.private_rt]);
    rts.extend(d.main_rts.iter().cloned());
    assert_eq!(east_ids("route-table"), rts);
    assert_eq!(east_ids("internet-gateway"), set([&c.igw]));
    let west_ids: BTreeSet<(String, String)> = rs
        .iter()
        .filter(|r| r["region"] == WEST)
        .map(|r| (r["type"].as_str().unwrap().into(), r["id"].as_str().unwrap().into()))
        .collect();
    let mut want_west: BTreeSet<(String, String)> = [("vpc".to_string(), dw.vpc.clone())].into();
    want_west.extend(dw.subnets.iter().map(|s| ("subnet".to_string(), s.clone())));
    want_west.extend(dw.sgs.iter().map(|s| ("security-group".to_string(), s.clone())));
    want_west.extend(dw.main_rts.iter().map(|s| ("route-table".to_string(), s.clone())));
    assert_eq!(west_ids, want_west, "eu-west-1 holds moto's defaults only");
    assert_eq!(rs.len(), 2 + volumes.len() + 2 + subnets.len() + sgs.len() + 2 + 1 + rts.len() + 1 + want_west.len());

    // Every field, for at least one resource of each type.
    let by = index(&rs);
    let get =
        |t: &str, id: &str| by.get(&(t.to_string(), id.to_string())).unwrap_or_else(|| panic!("{t} {id}")).clone();
    let web = get("instance", &c.web);
    assert_eq!(web["name"], "web-1");
    assert_eq!(web["region"], EAST);
    let f = &web["fields"];
    assert_eq!(f["type"], "t3.micro");
    assert_eq!(f["state"], "running");
    assert_eq!(f["az"], "us-east-1a");
    assert_eq!(f["private_ip"], c.web_private_ip.as_str());
    assert_eq!(f["public_ip"], c.eip_ip.as_str(), "the associated Elastic IP is the public address");
    assert_eq!(f["vpc"], c.vpc.as_str());
    assert_eq!(f["subnet"], c.private_subnet.as_str());
    let mut both = [c.ssh_sg.clone(), c.web_sg.clone()];
    both.sort();
    assert_eq!(f["security_groups"], both.join(", "));
    assert_eq!(f["launch_time"], c.web_launch.as_str());
    assert_eq!(f.get("platform"), None, "moto sends no PlatformDetails for a Linux image, and no Platform");
    let win = get("instance", &c.win);
    assert_eq!((win["name"].as_str(), win["fields"]["type"].as_str()), (Some("win-ad"), Some("m5.large")));
    assert_eq!(win["fields"]["platform"], "windows");
    assert_eq!(win["fields"]["az"], "us-east-1b");

    let data = get("volume", &c.data_volume);
    assert_eq!(data["name"], "web-1-data");
    let f = &data["fields"];
    assert_eq!(f["type"], "io1");
    assert_eq!(f["size_gib"], "100");
    assert_eq!(f["state"], "in-use");
    assert_eq!(f["az"], "us-east-1a");
    assert_eq!(f["attached_to"], format!("{} (/dev/sdf)", c.web));
    assert_eq!(f["encrypted"], "yes");
    assert_eq!(f["iops"], "3000");
    let spare = &get("volume", &c.spare_volume)["fields"];
    assert_eq!((spare["state"].as_str(), spare["type"].as_str()), (Some("available"), Some("gp3")));
    assert_eq!((spare.get("attached_to"), spare["encrypted"].as_str()), (None, Some("no")));

    let vpc = get("vpc", &c.vpc);
    assert_eq!(vpc["name"], "prod");
    assert_eq!(vpc["fields"], serde_json::json!({"cidr": "10.0.0.0/16", "default": "no", "state": "available"}));
    assert_eq!(get("vpc", &d.vpc)["fields"]["default"], "yes");

    let public = get("subnet", &c.public_subnet);
    assert_eq!(public["name"], "prod-public-b");
    let f = &public["fields"];
    assert_eq!(f["vpc"], c.vpc.as_str());
    assert_eq!(f["cidr"], "10.0.2.0/24");
    assert_eq!(f["az"], "us-east-1b");
    assert_eq!(f["public_ip_on_launch"], "yes");
    assert_eq!(f["default"], "no");
    let subnet = east.describe_subnets().subnet_ids(&c.public_subnet).send().await.unwrap();
    let free = subnet.subnets()[0].available_ip_address_count().unwrap();
    assert_eq!(f["available_ips"], free.to_string());
    assert_eq!(get("subnet", &c.private_subnet)["fields"]["public_ip_on_launch"], "no");

    let ssh = get("security-group", &c.ssh_sg);
    assert_eq!(ssh["name"], "bastion-ssh", "a group without a Name tag is named by its GroupName");
    let f = &ssh["fields"];
    assert_eq!(f["vpc"], c.vpc.as_str());
    assert_eq!(f["description"], "SSH from anywhere (bad)");
    assert_eq!(f["inbound"], "tcp 22 from 0.0.0.0/0");
    assert_eq!(f["flags"], "world-open: ssh 22");
    let web_sg = &get("security-group", &c.web_sg)["fields"];
    assert_eq!(web_sg["inbound"], format!("tcp 443 from {}", c.ssh_sg));
    assert_eq!(web_sg.get("flags"), None, "open to a group, not the world");

    let eip = get("elastic-ip", &c.eip_alloc);
    assert_eq!(eip["name"], "web-1-eip");
    let f = &eip["fields"];
    assert_eq!(f["public_ip"], c.eip_ip.as_str());
    assert_eq!(f["private_ip"], c.web_private_ip.as_str());
    assert_eq!(f["instance"], c.web.as_str());
    assert!(f["network_interface"].as_str().unwrap().starts_with("eni-"), "{f}");
    assert_eq!(f["domain"], "vpc");
    let nat_eip = &get("elastic-ip", &c.nat_eip_alloc)["fields"];
    assert_eq!(nat_eip.get("instance"), None);

    let nat = get("nat-gateway", &c.nat);
    assert_eq!(nat["name"], "prod-nat");
    let f = &nat["fields"];
    assert_eq!(f["vpc"], c.vpc.as_str());
    assert_eq!(f["subnet"], c.public_subnet.as_str());
    assert_eq!(f["state"], "available");
    assert_eq!(f["public_ip"], c.nat_eip_ip.as_str());
    assert_eq!(f.get("connectivity"), None, "moto sends no ConnectivityType (AWS says public or private)");

    let public_rt = get("route-table", &c.public_rt);
    assert_eq!(public_rt["name"], "prod-public");
    let f = &public_rt["fields"];
    assert_eq!(f["vpc"], c.vpc.as_str());
    assert_eq!(f["main"], "no");
    assert_eq!(f["subnets"], c.public_subnet.as_str());
    assert_eq!(f["routes"], format!("0.0.0.0/0 via {}; 10.0.0.0/16 local", c.igw));
    assert_eq!(
        get("route-table", &c.private_rt)["fields"]["routes"],
        format!("0.0.0.0/0 via {}; 10.0.0.0/16 local", c.nat)
    );
    let ours_main = d.main_rts.iter().find(|id| get("route-table", id)["fields"]["vpc"] == c.vpc.as_str()).unwrap();
    let main = &get("route-table", ours_main)["fields"];
    assert_eq!((main["main"].as_str(), main.get("subnets")), (Some("yes"), None));

    assert_eq!(get("internet-gateway", &c.igw)["fields"], serde_json::json!({"vpcs": c.vpc}));

    // jsonl: the same resources, one per line.
    let a = opskit().args(["inventory", "show", "-o", "jsonl", "--resource-types", EC2_TYPES]).assert().success();
    let lines: Vec<Value> = stdout(&a).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines, rs);
}

#[tokio::test(flavor = "multi_thread")]
async fn resource_types_select_and_every_output_renders() {
    let moto = MotoServer::start();
    let sdk = sdk_config(&moto.endpoint()).await;
    let east = ec2_for(&sdk, EAST);
    let vpc = east
        .create_vpc()
        .cidr_block("10.9.0.0/16")
        .tag_specifications(name(Ec2Type::Vpc, "ops | shared"))
        .send()
        .await
        .unwrap()
        .vpc
        .unwrap()
        .vpc_id
        .unwrap();
    let sg = east
        .create_security_group()
        .group_name("rdp")
        .description("RDP, open")
        .vpc_id(&vpc)
        .send()
        .await
        .unwrap()
        .group_id
        .unwrap();
    east.authorize_security_group_ingress()
        .group_id(&sg)
        .ip_permissions(
            IpPermission::builder()
                .ip_protocol("tcp")
                .from_port(3389)
                .to_port(3389)
                .ip_ranges(IpRange::builder().cidr_ip("0.0.0.0/0").build())
                .build(),
        )
        .send()
        .await
        .unwrap();

    let b = Bench::new();
    write_profiles(&b, "");
    let opskit = || b.opskit_aws_at(&moto.endpoint());
    b.write_config(&format!(
        "{}[[accounts]]\nname = \"acme-prod\"\nid = \"{ACME}\"\nprofile = \"acme\"\nregions = [\"{EAST}\"]\n",
        b.defaults()
    ));

    // Aliases select; only the asked types are listed.
    let a = opskit().args(["inventory", "show", "-o", "json", "--resource-types", "vpcs,sg"]).assert().success();
    let rs = json_array(&a);
    let types: BTreeSet<&str> = rs.iter().map(|r| r["type"].as_str().unwrap()).collect();
    assert_eq!(types, set(["vpc", "security-group"]).iter().map(String::as_str).collect());
    assert!(rs.iter().any(|r| r["id"] == vpc.as_str() && r["name"] == "ops | shared"));

    // The table (piped: plain, aligned), one per asked type, accounts by name.
    let a = opskit().args(["inventory", "show", "--resource-types", "vpc,security-group,nat"]).assert().success();
    let out = stdout(&a);
    assert!(out.starts_with("VPCs (2)\n| ACCOUNT   | REGION    | ID "), "{out}");
    assert!(out.contains("Security groups (3)") && out.contains("NAT gateways: none"), "{out}");
    let rdp = out.lines().find(|l| l.contains(&sg)).unwrap();
    assert!(rdp.starts_with("| acme-prod | us-east-1 |") && rdp.contains("| world-open: rdp 3389 |"), "{rdp}");
    assert!(out.ends_with("5 resource(s) in 1 account(s), 1 region(s)\n"), "{out}");

    // Markdown: a heading and a table per type, pipes escaped.
    let a = opskit().args(["inventory", "show", "-o", "markdown", "--resource-types", "vpc,sg"]).assert().success();
    let md = stdout(&a);
    assert!(md.starts_with("## VPCs (2)\n\n| Account | Region | ID | Name | Cidr | State | Default |\n|---|"), "{md}");
    assert!(md.contains(&format!("| acme-prod | us-east-1 | {vpc} | ops \\| shared | 10.9.0.0/16 | available | no |")));
    assert!(md.contains("## Security groups (3)\n"), "{md}");
    assert!(md.contains("| tcp 3389 from 0.0.0.0/0 | world-open: rdp 3389 |"), "{md}");

    // CSV: one row per resource, the union of the types' columns, quoted where needed.
    let a = opskit().args(["inventory", "show", "-o", "csv", "--resource-types", "sg,vpc"]).assert().success();
    let csv = stdout(&a);
    let mut lines = csv.lines();
    assert_eq!(
        lines.next().unwrap(),
        "account,account_name,region,resource_type,id,name,cidr,state,default,vpc,description,inbound,flags"
    );
    let row = lines.clone().find(|l| l.contains(&sg)).unwrap();
    assert_eq!(
        row,
        format!(
            "{ACME},acme-prod,{EAST},security-group,{sg},rdp,,,,{vpc},\"RDP, open\",tcp 3389 from 0.0.0.0/0,world-open: rdp 3389"
        )
    );
    assert_eq!(lines.count(), 5);

    // An unknown type is a usage error naming it, before any call.
    let a = opskit().args(["inventory", "show", "--resource-types", "vpc,cloudfront"]).assert();
    assert_eq!(code(&a), 2);
    let err = stderr(&a);
    assert!(
        err.contains("--resource-types: unknown resource type `cloudfront`") && err.contains("known: instance"),
        "{err}"
    );
    assert!(stdout(&a).is_empty());

    // A Google Cloud type asked for by name with no project configured is said, not an
    // empty listing.
    let a = opskit().args(["inventory", "show", "-o", "json", "--resource-types", "vpc,gce-instance"]).assert();
    assert_eq!(code(&a), 2, "{}", stdout(&a));
    let err = stderr(&a);
    assert!(err.contains("gce-instance are listed in Google Cloud projects, and none is configured"), "{err}");
    assert!(stdout(&a).is_empty());
}

#[tokio::test(flavor = "multi_thread")]
async fn a_failed_account_and_region_are_named_the_rest_printed_and_the_run_exits_3() {
    let moto = MotoServer::start();
    let sdk = sdk_config(&moto.endpoint()).await;
    // Account beta is reached by AssumeRole; moto files what its keys create under 222233334444.
    let sts = aws_sdk_sts::Client::new(&sdk);
    let creds = sts.assume_role().role_arn(BETA_ROLE).role_session_name("test-setup").send().await.unwrap();
    let creds = creds.credentials.unwrap();
    let beta_sdk = sdk
        .to_builder()
        .credentials_provider(aws_credential_types::provider::SharedCredentialsProvider::new(
            aws_credential_types::Credentials::new(
                creds.access_key_id(),
                creds.secret_access_key(),
                Some(creds.session_token().to_string()),
                None,
                "test",
            ),
        ))
        .build();
    let beta = ec2_for(&beta_sdk, EAST);
    let beta_vpc = beta.create_vpc().cidr_block("10.42.0.0/16").send().await.unwrap().vpc.unwrap().vpc_id.unwrap();
    let acme_vpc =
        ec2_for(&sdk, EAST).create_vpc().cidr_block("10.1.0.0/16").send().await.unwrap().vpc.unwrap().vpc_id.unwrap();

    let b = Bench::new();
    // An account whose credentials cannot be had (an expired SSO session, say), and a
    // region moto does not serve (it answers HTTP 500, also after the SDK's retries).
    write_profiles(
        &b,
        "[profile broken]\ncredential_process = sh -c \"echo 'the SSO session has expired' >&2; exit 1\"\n",
    );
    let opskit = || b.opskit_aws_at(&moto.endpoint());
    b.write_config(&format!(
        "{}timeout = \"60s\"\n\
         [[accounts]]\nname = \"acme-prod\"\nid = \"{ACME}\"\nprofile = \"acme\"\nregions = [\"{EAST}\", \"ap-nowhere-9\"]\n\n\
         [[accounts]]\nname = \"beta\"\nid = \"{BETA}\"\nprofile = \"acme\"\nrole_arn = \"{BETA_ROLE}\"\nregions = [\"{EAST}\"]\n\n\
         [[accounts]]\nname = \"broken\"\nid = \"333344445555\"\nprofile = \"broken\"\nregions = [\"{EAST}\"]\n",
        b.defaults()
    ));
    let a = opskit().args(["inventory", "show", "-o", "json", "--resource-types", "vpc,subnet"]).assert();
    assert_eq!(code(&a), 3, "a partial run exits 3: {}", stderr(&a));
    let rs = json_array(&a);
    let vpcs = |account: &str| -> BTreeSet<String> {
        rs.iter()
            .filter(|r| r["type"] == "vpc" && r["account"] == account)
            .map(|r| r["id"].as_str().unwrap().to_string())
            .collect()
    };
    assert!(vpcs(ACME).contains(&acme_vpc) && !vpcs(ACME).contains(&beta_vpc), "{rs:?}");
    assert!(vpcs(BETA).contains(&beta_vpc) && !vpcs(BETA).contains(&acme_vpc), "the role's account is its own");
    assert!(rs.iter().all(|r| r["region"] == EAST && r["account"] != "333344445555"));
    let err = stderr(&a);
    let errors: Vec<&str> = err.lines().filter(|l| l.starts_with("error: ")).collect();
    assert_eq!(errors.len(), 2, "one line per failed target: {err}");
    let region = errors.iter().find(|l| l.starts_with("error: acme-prod/ap-nowhere-9: ")).expect(&err);
    assert!(region.contains("DescribeVpcs, DescribeSubnets: HTTP 500"), "the operations, grouped: {region}");
    let broken = errors.iter().find(|l| l.starts_with("error: broken/us-east-1: ")).expect(&err);
    assert!(broken.contains("DescribeVpcs, DescribeSubnets: ") && err.contains("SSO session has expired"), "{err}");

    // The table says the same on stderr and prints the rest.
    let a = opskit().args(["inventory", "show", "--resource-types", "vpc", "--account", "beta,broken"]).assert();
    assert_eq!(code(&a), 3);
    let out = stdout(&a);
    assert!(out.contains(&beta_vpc) && out.contains("| beta "), "{out}");
    assert!(stderr(&a).contains("error: broken/us-east-1: DescribeVpcs: "), "{}", stderr(&a));
}

#[tokio::test(flavor = "multi_thread")]
async fn all_regions_lists_the_enabled_regions_of_each_account() {
    let moto = MotoServer::start();
    let sdk = sdk_config(&moto.endpoint()).await;
    let tokyo = ec2_for(&sdk, "ap-northeast-1");
    let vpc = tokyo.create_vpc().cidr_block("10.7.0.0/16").send().await.unwrap().vpc.unwrap().vpc_id.unwrap();

    let b = Bench::new();
    write_profiles(&b, "");
    let opskit = || b.opskit_aws_at(&moto.endpoint());
    b.write_config(&format!(
        "{}[[accounts]]\nname = \"acme-prod\"\nid = \"{ACME}\"\nprofile = \"acme\"\nregions = [\"{EAST}\"]\n",
        b.defaults()
    ));
    // Only the configured region without the flag.
    let a = opskit().args(["inventory", "show", "-o", "json", "--resource-types", "vpc"]).assert().success();
    assert!(json_array(&a).iter().all(|r| r["region"] == EAST));
    // With it, every region DescribeRegions reports (here filtered by --region to keep it short).
    let a = opskit()
        .args(["inventory", "show", "-o", "json", "--resource-types", "vpc", "--all-regions"])
        .args(["--region", "ap-northeast-1,eu-west-1,xx-none-1"])
        .assert()
        .success();
    let rs = json_array(&a);
    let regions: BTreeSet<&str> = rs.iter().map(|r| r["region"].as_str().unwrap()).collect();
    assert_eq!(regions, ["ap-northeast-1", "eu-west-1"].into_iter().collect(), "a region not enabled is not asked");
    assert!(rs.iter().any(|r| r["id"] == vpc.as_str() && r["region"] == "ap-northeast-1"));
    // All of them: one default VPC at least in each region moto reports.
    let all = ec2_for(&sdk, EAST).describe_regions().send().await.unwrap();
    let want: BTreeSet<String> = all.regions().iter().map(|r| r.region_name().unwrap().to_string()).collect();
    assert!(want.len() > 10, "{want:?}");
    let a = opskit().args(["inventory", "show", "-o", "json", "--resource-types", "vpc", "--all-regions"]).assert();
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    let got: BTreeSet<String> = json_array(&a).iter().map(|r| r["region"].as_str().unwrap().to_string()).collect();
    assert_eq!(got, want);
}

#[test]
fn direct_connect_connections_and_vifs_come_from_the_sandbox_without_secrets() {
    let b = Bench::new();
    b.aws_profiles(&[("acme-prod", "111122223333")]);
    b.write_config(&format!("{}{}", b.defaults(), account_toml("acme-prod", "111122223333", &["ap-northeast-1"])));
    let a =
        b.opskit_aws().args(["inventory", "show", "-o", "json", "--resource-types", "dx-connection,dx-vif"]).assert();
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    let rs = json_array(&a);
    let vif = rs.iter().find(|r| r["id"] == opskit_sandbox::DX_DEMO_TRANSIT_VIF).unwrap_or_else(|| panic!("{rs:#?}"));
    assert_eq!(vif["type"], "dx-vif");
    assert_eq!(vif["name"], opskit_sandbox::DX_DEMO_TRANSIT_VIF_NAME);
    let f = &vif["fields"];
    assert_eq!(f["type"], "transit");
    assert_eq!(f["state"], "available");
    assert_eq!(f["bgp"], "ipv4 up, ipv6 up");
    assert!(f["connection"].as_str().unwrap().starts_with("dx"), "{f}");
    assert!(f["vlan"].as_str().unwrap().parse::<u32>().is_ok(), "{f}");
    let conn = rs.iter().find(|r| r["id"] == opskit_sandbox::DX_DEMO_CONNECTION_A).unwrap();
    assert_eq!(conn["type"], "dx-connection");
    let f = &conn["fields"];
    assert_eq!(f["state"], "available");
    for k in ["location", "bandwidth", "device"] {
        assert!(!f[k].as_str().unwrap_or("").is_empty(), "{k}: {f}");
    }
    let all = format!("{}{}", stdout(&a), stderr(&a));
    for s in [opskit_sandbox::DX_AUTH_KEY_MARKER, opskit_sandbox::DX_ROUTER_CONFIG_MARKER] {
        assert!(!all.contains(s), "`{s}` leaked");
    }
}

/// `inventory show` writes each (account, region) as it is collected, in page order: the
/// targets sorted by account and region however the config lists them, the resources of
/// each sorted. Here targets finish out of order (the first one is the slowest, by the
/// sandbox's latency), several run at once, and one fails: the rest is still printed in
/// order, the failed one is named on stderr, and the run exits 3.
#[test]
fn show_streams_targets_in_page_order_whatever_order_they_finish_and_a_failed_one_exits_3() {
    use opskit_sandbox::Fault;
    let b = Bench::new();
    // Listed out of order in the config, as are the regions.
    let accounts = [("c", "100000000003"), ("a", "100000000001"), ("b", "100000000002")];
    let regions = ["us-west-2", "ap-northeast-1", "eu-west-1"];
    b.aws_profiles(&accounts);
    let ids: Vec<&str> = accounts.iter().map(|(_, id)| *id).collect();
    b.sandbox.ec2_generate(&ids, &regions, 3).unwrap();
    let late = |account: &str, region: &str, ms: u64| Fault {
        target: Some("AmazonEC2.*".into()),
        account: Some(account.into()),
        region: Some(region.into()),
        delay_ms: ms,
        ..Fault::default()
    };
    // The first target in page order answers last; another one in the middle late too.
    b.sandbox.inject(late("100000000001", "ap-northeast-1", 1500));
    b.sandbox.inject(late("100000000002", "ap-northeast-1", 700));
    b.sandbox.inject(Fault {
        account: Some("100000000002".into()),
        region: Some("eu-west-1".into()),
        ..Fault::ec2_error(None, 403, "UnauthorizedOperation", "You are not authorized to perform this operation.", 0)
    });
    let mut cfg = b.defaults();
    for (name, id) in accounts {
        cfg.push_str(&account_toml(name, id, &regions));
    }
    b.write_config(&cfg);
    let show = |format: &str| {
        b.opskit_aws()
            .args(["inventory", "show", "-o", format, "--resource-types", "instance,vpc,subnet", "--concurrency", "4"])
            .assert()
    };

    let a = show("json");
    assert_eq!(code(&a), 3, "a failed target exits 3 after the output: {}", stderr(&a));
    let rs = json_array(&a);
    let keys: Vec<(String, String, String, String)> = rs
        .iter()
        .map(|r| {
            let s = |k: &str| r[k].as_str().unwrap().to_string();
            (s("account"), s("region"), s("type"), s("id"))
        })
        .collect();
    let mut sorted = keys.clone();
    sorted.sort_by(|x, y| {
        let ty = |t: &str| opskit::inventory::ResourceType::parse(t).unwrap();
        (&x.0, &x.1, ty(&x.2), &x.3).cmp(&(&y.0, &y.1, ty(&y.2), &y.3))
    });
    sorted.dedup();
    assert_eq!(keys, sorted, "page order: account, region, type, id; no resource twice");
    let targets: Vec<(String, String)> = {
        let mut v: Vec<(String, String)> = keys.iter().map(|k| (k.0.clone(), k.1.clone())).collect();
        v.dedup();
        v
    };
    let mut want: Vec<(String, String)> = Vec::new();
    for id in ["100000000001", "100000000002", "100000000003"] {
        for region in ["ap-northeast-1", "eu-west-1", "us-west-2"] {
            if (id, region) != ("100000000002", "eu-west-1") {
                want.push((id.into(), region.into()));
            }
        }
    }
    assert_eq!(targets, want, "every target but the failed one, each once, in order");
    for (account, region) in &want {
        let n = |ty: &str| keys.iter().filter(|k| &k.0 == account && &k.1 == region && k.2 == ty).count();
        assert_eq!((n("instance"), n("vpc"), n("subnet")), (3, 1, 2), "{account}/{region}");
    }
    let err = stderr(&a);
    let errors: Vec<&str> = err.lines().filter(|l| l.starts_with("error: ")).collect();
    assert_eq!(errors.len(), 1, "{err}");
    assert!(errors[0].starts_with("error: b/eu-west-1: ") && errors[0].contains("UnauthorizedOperation"), "{err}");

    // jsonl and csv stream the same resources in the same order, and fail the same way.
    let a = show("jsonl");
    assert_eq!(code(&a), 3, "{}", stderr(&a));
    let lines: Vec<Value> = stdout(&a).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines, rs);
    let a = show("csv");
    assert_eq!(code(&a), 3, "{}", stderr(&a));
    let out = stdout(&a);
    let csv_ids: Vec<&str> = out.lines().skip(1).map(|l| l.split(',').nth(4).unwrap()).collect();
    let json_ids: Vec<&str> = rs.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(csv_ids, json_ids);
    // The tables gather every target first: the same resources, the same failure.
    let a = show("table");
    assert_eq!(code(&a), 3, "{}", stderr(&a));
    assert!(
        stdout(&a).ends_with(&format!("{} resource(s) in 3 account(s), 3 region(s)\n", rs.len())),
        "{}",
        stdout(&a)
    );
}
