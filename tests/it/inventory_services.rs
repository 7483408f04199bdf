//! Load balancers (ELBv2 and classic), Lambda functions and Auto Scaling groups in
//! `opskit inventory show`, `publish` and `diff`, end to end: the built binary against moto
//! server. The resources are made first: EC2 (network, instances, launch template) with
//! aws-sdk-ec2, ELB, Auto Scaling and IAM with raw signed Query calls of opskit's own
//! client, ACM with its awsJson call, Lambda with restJson requests (moto reads the
//! service from the Authorization header's scope and checks no signature).

use crate::common;

use aws_sdk_ec2::types::{InstanceType, RequestLaunchTemplateData};
use common::cli::*;
use common::moto::{MotoServer, sdk_config};
use opskit::aws::elb;
use opskit::aws::query::{self, Service};
use serde::Deserialize;
use serde_json::Value;
use std::collections::BTreeSet;

const ACME: &str = "123456789012";
const EAST: &str = "us-east-1";
const WEST: &str = "eu-west-1";
const LINUX_AMI: &str = "ami-1e749f67";
/// The run's clock: python3.7's deprecation (2023-12-04) is past, python3.12's (2028-10-31) not.
const NOW: &str = "2026-12-07T00:00:00Z";
const TYPES: &str = "load-balancer,lambda-function,auto-scaling-group";
const IAM: Service = Service { name: "iam", service_id: "IAM", version: "2010-05-08" };
const AUTOSCALING: Service = opskit::aws::autoscaling::SERVICE;
/// An empty zip archive (its end-of-central-directory record alone): the code of a function.
const EMPTY_ZIP: &[u8] = b"PK\x05\x06\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0";

fn p(pairs: &[(&'static str, &str)]) -> Vec<(&'static str, String)> {
    pairs.iter().map(|(k, v)| (*k, v.to_string())).collect()
}

async fn q<T: serde::de::DeserializeOwned>(
    sdk: &aws_config::SdkConfig,
    service: &Service,
    action: &str,
    params: &[(&'static str, &str)],
) -> T {
    query::call(sdk, service, action, &p(params))
        .await
        .unwrap_or_else(|e| panic!("{action}: {}", e.failure(action).line()))
}

#[derive(Deserialize)]
struct CreateLoadBalancer {
    #[serde(rename = "CreateLoadBalancerResult")]
    result: elb::LoadBalancersResult,
}

#[derive(Deserialize)]
struct CreateTargetGroup {
    #[serde(rename = "CreateTargetGroupResult")]
    result: elb::TargetGroupsResult,
}

#[derive(Deserialize)]
struct CreateRole {
    #[serde(rename = "CreateRoleResult")]
    result: RoleResult,
}

#[derive(Deserialize)]
struct RoleResult {
    #[serde(rename = "Role")]
    role: Role,
}

#[derive(Deserialize)]
struct Role {
    #[serde(rename = "Arn")]
    arn: String,
}

/// A restJson call to moto's Lambda.
async fn lambda(moto: &MotoServer, method: reqwest::Method, path: &str, body: Option<Value>) -> Value {
    let mut req = reqwest::Client::new().request(method, format!("{}{path}", moto.endpoint())).header(
        "authorization",
        "AWS4-HMAC-SHA256 Credential=test/20261207/us-east-1/lambda/aws4_request, SignedHeaders=host, Signature=0",
    );
    if let Some(b) = body {
        req = req.header("content-type", "application/json").body(b.to_string());
    }
    let r = req.send().await.unwrap();
    let status = r.status();
    let text = r.text().await.unwrap();
    assert!(status.is_success(), "lambda {path}: {status}: {text}");
    serde_json::from_str(&text).unwrap_or(Value::Null)
}

/// What the fixture made, as the inventory should show it.
struct Made {
    alb: String,
    nlb: String,
    cert: String,
}

async fn make(moto: &MotoServer) -> Made {
    let sdk = sdk_config(&moto.endpoint()).await;
    let ec2 = aws_sdk_ec2::Client::new(&sdk);
    let vpc = ec2.create_vpc().cidr_block("10.0.0.0/16").send().await.unwrap().vpc.unwrap().vpc_id.unwrap();
    let mut subnets = Vec::new();
    for (cidr, az) in [("10.0.1.0/24", "us-east-1a"), ("10.0.2.0/24", "us-east-1b")] {
        let s = ec2.create_subnet().vpc_id(&vpc).cidr_block(cidr).availability_zone(az).send().await.unwrap();
        subnets.push(s.subnet.unwrap().subnet_id.unwrap());
    }
    let run = ec2
        .run_instances()
        .image_id(LINUX_AMI)
        .instance_type(InstanceType::T3Micro)
        .min_count(3)
        .max_count(3)
        .subnet_id(subnets[0].as_str())
        .send()
        .await
        .unwrap();
    let instances: Vec<String> = run.instances().iter().map(|i| i.instance_id().unwrap().to_string()).collect();

    // A certificate for the HTTPS listener.
    let cert: Value = opskit::aws::acm::call(
        &sdk,
        "RequestCertificate",
        &serde_json::json!({"DomainName": "web.example.com", "ValidationMethod": "DNS"}),
    )
    .await
    .unwrap_or_else(|e| panic!("RequestCertificate: {}", e.failure("RequestCertificate").line()));
    let cert = cert["CertificateArn"].as_str().unwrap().to_string();

    // An internet-facing ALB: HTTP and HTTPS listeners to a target group of two instances.
    let alb: CreateLoadBalancer = q(
        &sdk,
        &elb::V2,
        "CreateLoadBalancer",
        &[
            ("Name", "web-alb"),
            ("Subnets.member.1", subnets[0].as_str()),
            ("Subnets.member.2", subnets[1].as_str()),
            ("Scheme", "internet-facing"),
            ("Type", "application"),
        ],
    )
    .await;
    let alb = alb.result.load_balancers.unwrap().items.remove(0).arn.unwrap();
    let tg: CreateTargetGroup = q(
        &sdk,
        &elb::V2,
        "CreateTargetGroup",
        &[("Name", "web-tg"), ("Protocol", "HTTP"), ("Port", "80"), ("VpcId", vpc.as_str())],
    )
    .await;
    let tg = tg.result.target_groups.unwrap().items.remove(0).arn.unwrap();
    let _: serde::de::IgnoredAny = q(
        &sdk,
        &elb::V2,
        "RegisterTargets",
        &[
            ("TargetGroupArn", tg.as_str()),
            ("Targets.member.1.Id", instances[0].as_str()),
            ("Targets.member.2.Id", instances[1].as_str()),
        ],
    )
    .await;
    for (protocol, port) in [("HTTP", "80"), ("HTTPS", "443")] {
        let mut params = vec![
            ("LoadBalancerArn", alb.as_str()),
            ("Protocol", protocol),
            ("Port", port),
            ("DefaultActions.member.1.Type", "forward"),
            ("DefaultActions.member.1.TargetGroupArn", tg.as_str()),
        ];
        if protocol == "HTTPS" {
            params.push(("Certificates.member.1.CertificateArn", cert.as_str()));
        }
        let _: serde::de::IgnoredAny = q(&sdk, &elb::V2, "CreateListener", &params).await;
    }
    // An internal NLB with no listener.
    let nlb: CreateLoadBalancer = q(
        &sdk,
        &elb::V2,
        "CreateLoadBalancer",
        &[("Name", "int-nlb"), ("Subnets.member.1", subnets[0].as_str()), ("Scheme", "internal"), ("Type", "network")],
    )
    .await;
    let nlb = nlb.result.load_balancers.unwrap().items.remove(0).arn.unwrap();
    // A classic load balancer with one instance.
    let _: serde::de::IgnoredAny = q(
        &sdk,
        &elb::CLASSIC,
        "CreateLoadBalancer",
        &[
            ("LoadBalancerName", "legacy"),
            ("Listeners.member.1.Protocol", "HTTP"),
            ("Listeners.member.1.LoadBalancerPort", "80"),
            ("Listeners.member.1.InstancePort", "8080"),
            ("AvailabilityZones.member.1", "us-east-1a"),
        ],
    )
    .await;
    let _: serde::de::IgnoredAny = q(
        &sdk,
        &elb::CLASSIC,
        "RegisterInstancesWithLoadBalancer",
        &[("LoadBalancerName", "legacy"), ("Instances.member.1.InstanceId", instances[2].as_str())],
    )
    .await;

    // Two functions: one on a deprecated runtime, one current.
    let policy = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#;
    let role: CreateRole =
        q(&sdk, &IAM, "CreateRole", &[("RoleName", "lambda-exec"), ("AssumeRolePolicyDocument", policy)]).await;
    let role = role.result.role.arn;
    use base64::Engine as _;
    let zip = base64::engine::general_purpose::STANDARD.encode(EMPTY_ZIP);
    for (name, runtime, memory, timeout, arch) in
        [("legacy-report", "python3.7", 256, 30, "x86_64"), ("orders-api", "python3.12", 512, 10, "arm64")]
    {
        let body = serde_json::json!({
            "FunctionName": name, "Runtime": runtime, "Role": role, "Handler": "main.handler",
            "Code": {"ZipFile": zip}, "MemorySize": memory, "Timeout": timeout, "Architectures": [arch],
        });
        lambda(moto, reqwest::Method::POST, "/2015-03-31/functions", Some(body)).await;
    }

    // An Auto Scaling group from a launch template, behind a target group of its own.
    ec2.create_launch_template()
        .launch_template_name("web-lt")
        .launch_template_data(
            RequestLaunchTemplateData::builder().image_id(LINUX_AMI).instance_type(InstanceType::T3Micro).build(),
        )
        .send()
        .await
        .unwrap();
    let asg_tg: CreateTargetGroup = q(
        &sdk,
        &elb::V2,
        "CreateTargetGroup",
        &[("Name", "asg-tg"), ("Protocol", "HTTP"), ("Port", "80"), ("VpcId", vpc.as_str())],
    )
    .await;
    let asg_tg = asg_tg.result.target_groups.unwrap().items.remove(0).arn.unwrap();
    let zones = format!("{},{}", subnets[0], subnets[1]);
    let _: serde::de::IgnoredAny = q(
        &sdk,
        &AUTOSCALING,
        "CreateAutoScalingGroup",
        &[
            ("AutoScalingGroupName", "web-asg"),
            ("LaunchTemplate.LaunchTemplateName", "web-lt"),
            ("LaunchTemplate.Version", "$Latest"),
            ("MinSize", "1"),
            ("MaxSize", "4"),
            ("DesiredCapacity", "2"),
            ("VPCZoneIdentifier", zones.as_str()),
            ("TargetGroupARNs.member.1", asg_tg.as_str()),
            ("HealthCheckType", "ELB"),
            ("HealthCheckGracePeriod", "300"),
        ],
    )
    .await;
    Made { alb, nlb, cert }
}

fn bench_for(regions: &[&str]) -> Bench {
    let b = Bench::new();
    std::fs::write(b.path("aws-config"), "[profile acme]\naws_access_key_id = test\naws_secret_access_key = test\n")
        .unwrap();
    std::fs::write(b.path("aws-credentials"), "").unwrap();
    let regions: Vec<String> = regions.iter().map(|r| format!("\"{r}\"")).collect();
    b.write_config(&format!(
        "{}[[accounts]]\nname = \"acme-prod\"\nid = \"{ACME}\"\nprofile = \"acme\"\nregions = [{}]\n",
        b.defaults(),
        regions.join(", ")
    ));
    b
}

fn ids(rs: &[Value], ty: &str) -> BTreeSet<String> {
    rs.iter()
        .filter(|r| r["type"] == ty)
        .map(|r| format!("{}/{}", r["region"].as_str().unwrap(), r["id"].as_str().unwrap()))
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn load_balancers_functions_and_groups_are_listed_with_what_an_operator_audits() {
    let moto = MotoServer::start();
    let made = make(&moto).await;
    let b = bench_for(&[EAST, WEST]);
    let a = b
        .opskit_aws_at(&moto.endpoint())
        .env("OPSKIT_NOW", NOW)
        .args(["inventory", "show", "-o", "json", "--resource-types", TYPES])
        .assert();
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    let rs = json_array(&a);
    let at_east = |ids: &[&str]| -> BTreeSet<String> { ids.iter().map(|i| format!("{EAST}/{i}")).collect() };
    assert_eq!(ids(&rs, "load-balancer"), at_east(&[&made.alb, &made.nlb, "legacy"]), "none in {WEST}");
    assert_eq!(ids(&rs, "lambda-function"), at_east(&["legacy-report", "orders-api"]));
    assert_eq!(ids(&rs, "auto-scaling-group"), at_east(&["web-asg"]));
    assert_eq!(rs.len(), 6, "exactly what was made");
    assert!(rs.iter().all(|r| r["account"] == ACME));

    let get = |id: &str| rs.iter().find(|r| r["id"] == id).unwrap();
    let alb = get(&made.alb);
    assert_eq!(alb["name"], "web-alb");
    let f = &alb["fields"];
    assert_eq!(
        (f["type"].as_str(), f["scheme"].as_str(), f["state"].as_str()),
        (Some("application"), Some("internet-facing"), Some("active"))
    );
    assert!(f["dns_name"].as_str().unwrap().starts_with("web-alb-"), "{f}");
    assert!(f["vpc"].as_str().unwrap().starts_with("vpc-"), "{f}");
    assert_eq!(f["listeners"], format!("HTTP:80, HTTPS:443 ({})", made.cert));
    assert_eq!(f["certificates"], made.cert.as_str());
    assert_eq!(f["target_groups"], "web-tg: 2/2 healthy");
    assert!(f["created"].as_str().unwrap().ends_with('Z'), "{f}");
    let nlb = &get(&made.nlb)["fields"];
    assert_eq!((nlb["type"].as_str(), nlb["scheme"].as_str()), (Some("network"), Some("internal")));
    assert_eq!(nlb.get("listeners"), None, "no listener, no target group: empty fields are left out: {nlb}");
    let legacy = get("legacy");
    assert_eq!(legacy["name"], "legacy");
    let f = &legacy["fields"];
    assert_eq!(f["type"], "classic");
    assert_eq!(f["listeners"], "HTTP:80");
    assert_eq!(f["target_groups"], "instances: 1/1 healthy");

    let old = &get("legacy-report")["fields"];
    assert_eq!(old["runtime"], "python3.7");
    assert_eq!(old["deprecated"], "yes");
    assert_eq!((old["memory_mb"].as_str(), old["timeout_s"].as_str()), (Some("256"), Some("30")));
    assert_eq!(old["package_type"], "Zip");
    assert_eq!(old["architectures"], "x86_64");
    assert!(old["last_modified"].as_str().unwrap().ends_with('Z'), "{old}");
    let new = &get("orders-api")["fields"];
    assert_eq!((new["runtime"].as_str(), new["deprecated"].as_str()), (Some("python3.12"), Some("no")));
    assert_eq!(new["architectures"], "arm64");

    let asg = &get("web-asg")["fields"];
    assert_eq!((asg["min"].as_str(), asg["max"].as_str(), asg["desired"].as_str()), (Some("1"), Some("4"), Some("2")));
    assert_eq!(asg["instances"], "2/2");
    assert_eq!(asg["launch"], "web-lt:$Latest");
    assert_eq!(asg["azs"], "us-east-1a, us-east-1b");
    assert_eq!(asg["health_check"], "ELB");
    assert_eq!(asg["target_groups"], "asg-tg");

    // The table names the types.
    let a = b
        .opskit_aws_at(&moto.endpoint())
        .env("OPSKIT_NOW", NOW)
        .args(["inventory", "show", "--resource-types", "elb,lambda,asg"])
        .assert()
        .success();
    let out = stdout(&a);
    assert!(
        out.contains("Load balancers (3)")
            && out.contains("Lambda functions (2)")
            && out.contains("Auto Scaling groups (1)"),
        "{out}"
    );
    let row = out.lines().find(|l| l.contains("legacy-report")).unwrap();
    assert!(row.contains("| python3.7 ") && row.contains("| yes "), "{row}");
}

/// A config whose account is read from moto for ELB, Lambda and Auto Scaling (their
/// `AWS_ENDPOINT_URL_<ID>`) and whose pages go to the sandbox's Backlog Wiki.
fn publish_bench(notation: &str) -> Bench {
    use opskit_sandbox as sandbox;
    let b = Bench::new();
    b.sandbox.backlog_set_text_formatting_rule(sandbox::BACKLOG_PROJECT_KEY, notation).unwrap();
    b.aws_profiles(&[("acme-prod", ACME)]);
    b.write_config(&format!(
        "{}[[accounts]]\nname = \"acme-prod\"\nid = \"{ACME}\"\nprofile = \"acme-prod\"\nregions = [\"{EAST}\"]\n\n\
         {}\n[[routes]]\nsources = [\"inventory\"]\nsinks = [\"slack\"]\n\n\
         [commands.inventory]\nresource_types = [\"load-balancer\", \"lambda-function\", \"auto-scaling-group\"]\n\n\
         [commands.inventory.publish]\nproject = \"{}\"\n",
        b.defaults(),
        b.sandbox.sinks_toml(),
        sandbox::BACKLOG_PROJECT_KEY,
    ));
    b
}

fn page(b: &Bench, name: &str) -> String {
    let p = b.sandbox.backlog_wiki_page(opskit_sandbox::BACKLOG_PROJECT_KEY, name).unwrap();
    p["content"].as_str().unwrap().to_string()
}

fn run(b: &Bench, moto: &MotoServer, args: &[&str]) -> assert_cmd::assert::Assert {
    let m = moto.endpoint();
    b.opskit_aws()
        .env("AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING_V2", &m)
        .env("AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING", &m)
        .env("AWS_ENDPOINT_URL_LAMBDA", &m)
        .env("AWS_ENDPOINT_URL_AUTO_SCALING", &m)
        .env("OPSKIT_NOW", NOW)
        .arg("inventory")
        .args(args)
        .assert()
}

#[tokio::test(flavor = "multi_thread")]
async fn they_are_published_in_both_notations_and_a_deleted_function_shows_in_diff() {
    let moto = MotoServer::start();
    let made = make(&moto).await;

    let b = publish_bench("markdown");
    let a = run(&b, &moto, &["publish"]);
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    let text = page(&b, &format!("Inventory/{ACME}"));
    assert!(text.contains("### Load balancers (3)") && text.contains("### Lambda functions (2)"), "{text}");
    assert!(text.contains("### Auto Scaling groups (1)"), "{text}");
    let row = text.lines().find(|l| l.contains("legacy-report")).unwrap_or_else(|| panic!("{text}"));
    assert!(row.contains("| python3.7 | yes | 256 | 30 |"), "{row}");
    let row = text.lines().find(|l| l.contains(&made.alb)).unwrap_or_else(|| panic!("{text}"));
    assert!(
        row.contains("| web-alb | application | internet-facing | active |") && row.contains("| web-tg: 2/2 healthy |"),
        "{row}"
    );

    let bl = publish_bench("backlog");
    let a = run(&bl, &moto, &["publish"]);
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    let text = page(&bl, &format!("Inventory/{ACME}"));
    assert!(text.contains("*** Lambda functions (2)"), "{text}");
    assert!(
        text.contains("|id|name|runtime|deprecated|memory_mb|timeout_s|last_modified|package_type|architectures|"),
        "{text}"
    );
    assert!(text.lines().any(|l| l.starts_with("|orders-api||python3.12|no|512|10|")), "{text}");
    assert!(text.contains("|id|name|min|max|desired|instances|launch|azs|health_check|target_groups|"), "{text}");
    assert!(
        text.lines().any(|l| l.starts_with("|web-asg||1|4|2|2/2|web-lt:$Latest|us-east-1a, us-east-1b|ELB|asg-tg|")),
        "{text}"
    );

    let a = run(&b, &moto, &["diff", "--fail-on", "info"]);
    assert_eq!(code(&a), 0, "no drift yet: {}", stdout(&a));
    // One of each type goes: a function, the classic load balancer, the group.
    lambda(&moto, reqwest::Method::DELETE, "/2015-03-31/functions/legacy-report", None).await;
    let sdk = sdk_config(&moto.endpoint()).await;
    let _: serde::de::IgnoredAny =
        q(&sdk, &elb::CLASSIC, "DeleteLoadBalancer", &[("LoadBalancerName", "legacy")]).await;
    let _: serde::de::IgnoredAny = q(
        &sdk,
        &AUTOSCALING,
        "DeleteAutoScalingGroup",
        &[("AutoScalingGroupName", "web-asg"), ("ForceDelete", "true")],
    )
    .await;
    let a = run(&b, &moto, &["diff", "--fail-on", "info", "-o", "json"]);
    assert_eq!(code(&a), 1, "drift: {}", stdout(&a));
    let report: Value = serde_json::from_str(&stdout(&a)).unwrap();
    let mut titles: Vec<&str> =
        report["findings"].as_array().unwrap().iter().map(|f| f["title"].as_str().unwrap()).collect();
    titles.sort_unstable();
    assert_eq!(
        titles,
        ["− auto-scaling-group web-asg", "− lambda-function legacy-report", "− load-balancer legacy (legacy)"],
        "{report}"
    );
}
