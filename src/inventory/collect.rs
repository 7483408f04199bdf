//! Collecting the inventory: for every (account, region) the EC2 Describe* calls
//! (aws-sdk-ec2, query protocol) and Direct Connect's DescribeConnections and
//! DescribeVirtualInterfaces (aws-sdk-directconnect), one [`Resource`] per item.
//!
//! Targets run with bounded concurrency ([`crate::aws::fan_out_with_progress`]); inside a
//! target the calls for the asked types run at once, since they are independent. Every
//! page is turned into resources and dropped before the next one is read, so memory is the
//! resources themselves, never the SDK's output structs. A call that fails (AccessDenied,
//! throttling after the SDK's retries, an unreachable endpoint, an answer without its list
//! or with a repeated `nextToken`, see [`crate::aws::answer`]) costs only its own type in
//! its own target: it is reported against the target, naming the operation, and the types
//! that answered are kept. [`Inventory::covered`] says which (account, region, type)
//! were listed completely, so a diff never reads a failed call as "everything was deleted".
//!
//! Gone resources that AWS still lists for a while (terminated instances, deleted NAT
//! gateways and volumes, deleted Direct Connect connections and VIFs) are left out: the
//! inventory is what exists.

use super::{Resource, ResourceType};
use crate::aws::answer::{Incomplete, Pages, required};
use crate::aws::{AwsSession, Target, fan_out_with_progress};
use crate::config::Config;
use crate::error::{AppError, AppResult};
use crate::spine::engine::TargetError;
use aws_sdk_ec2 as ec2;
use aws_smithy_runtime_api::client::orchestrator::HttpResponse;
use aws_smithy_runtime_api::client::result::SdkError;
use aws_smithy_types::error::metadata::ProvideErrorMetadata;
use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

/// What to collect and how hard to push.
#[derive(Debug, Clone)]
pub struct Options {
    /// The types to collect, in any order (duplicates are ignored).
    pub types: Vec<ResourceType>,
    /// Per account, the regions DescribeRegions reports as enabled instead of the
    /// configured ones (still filtered by the `regions` given to [`collect`], when any).
    pub all_regions: bool,
    /// Targets worked on at once.
    pub concurrency: usize,
    /// Per target (all its calls, pages and retries).
    pub timeout: Duration,
    /// Show a progress bar on a terminal's stderr.
    pub progress: bool,
}

/// What a collection found.
#[derive(Debug, Default)]
pub struct Inventory {
    /// Every resource, in page order ([`super::sort`]).
    pub resources: Vec<Resource>,
    /// One per failed target: `acme-prod/ap-northeast-1` and the operations that failed.
    pub errors: Vec<TargetError>,
    /// (account, region, type) listed completely. A resource of such a triple that is
    /// missing from `resources` does not exist; outside them, nothing is known.
    pub covered: BTreeSet<(String, String, ResourceType)>,
    /// The (account, region) pairs that were asked.
    pub targets: usize,
}

impl Inventory {
    /// Whether `r`'s account, region and type were listed completely by this collection.
    pub fn covers(&self, r: &Resource) -> bool {
        self.covered.contains(&(r.account.clone(), r.region.clone(), r.resource_type))
    }
}

/// Collect `opts.types` in the selected accounts (`accounts`: names or ids, empty = all)
/// and regions (`regions`, empty = each account's configured ones, or with
/// `all_regions` every enabled one). Errors only for a selection that names nothing;
/// failures of AWS calls are in [`Inventory::errors`].
pub async fn collect(
    session: &AwsSession,
    config: &Config,
    accounts: &[String],
    regions: &[String],
    opts: &Options,
) -> AppResult<Inventory> {
    let mut errors = Vec::new();
    let targets = if opts.all_regions {
        let (targets, failed) = discover_regions(session, config, accounts, regions, opts).await?;
        errors.extend(failed);
        targets
    } else {
        crate::aws::select_targets(config, accounts, regions)?
    };
    if targets.is_empty() && errors.is_empty() {
        return Err(AppError::usage(
            "no (account, region) to collect\nhint: add [[accounts]] with regions to the config, or pass --profile NAME --region REGION for one account",
        ));
    }
    let mut types = opts.types.clone();
    types.sort();
    types.dedup();
    let n = targets.len();
    let bar = crate::aws::progress_bar("collecting the inventory", n, !opts.progress);
    let types = &types;
    // Each target's resources join one vector as soon as the target is done, so its own
    // vector is freed (and reused) at once instead of all 800 living until the end.
    let all = std::sync::Mutex::new(Vec::new());
    let all_ref = &all;
    let results = fan_out_with_progress(targets, opts.concurrency, opts.timeout, bar.as_ref(), |t| async move {
        let out = collect_target(session, &t, types).await;
        let n = out.resources.len();
        all_ref.lock().unwrap_or_else(|e| e.into_inner()).extend(out.resources);
        Ok::<_, anyhow::Error>((n, out.covered, out.failed))
    })
    .await;
    let mut covered = BTreeSet::new();
    let mut failures = crate::aws::Failures::new(results.iter().map(|(t, _)| t));
    for (t, r) in results {
        match r {
            Ok((n, types, failed)) => {
                let account = t.account_label();
                tracing::debug!(target = %t.label(), resources = n, failed = failed.len(), "collected");
                for ty in types {
                    covered.insert((account.clone(), t.region.clone(), ty));
                }
                if !failed.is_empty() {
                    failures.push_message(t, describe_failures(&failed));
                }
            }
            Err(e) => failures.push(t, &e),
        }
    }
    errors.extend(failures.into_errors());
    let mut resources = all.into_inner().unwrap_or_else(|e| e.into_inner());
    resources.shrink_to_fit();
    super::sort(&mut resources);
    Ok(Inventory { resources, errors, covered, targets: n })
}

/// `--all-regions`: one DescribeRegions per selected account (in its first configured
/// region), then a target per enabled region, filtered by `regions` when given.
async fn discover_regions(
    session: &AwsSession,
    config: &Config,
    accounts: &[String],
    regions: &[String],
    opts: &Options,
) -> AppResult<(Vec<Target>, Vec<TargetError>)> {
    let mut seeds: Vec<Target> = Vec::new();
    for t in crate::aws::select_targets(config, accounts, &[])? {
        if !seeds.iter().any(|s| s.account.name == t.account.name) {
            seeds.push(t);
        }
    }
    let results = fan_out_with_progress(seeds, opts.concurrency, opts.timeout, None, |t| async move {
        let cfg = session.config(&t.account, &t.region).await;
        let out = ec2::Client::new(&cfg)
            .describe_regions()
            .send()
            .await
            .map_err(|e| anyhow::anyhow!(CallError::new("DescribeRegions", &e).with_hint()))?;
        let regions = required(out.regions, "DescribeRegions", "regionInfo")
            .map_err(|e| anyhow::anyhow!(CallError::from(e).with_hint()))?;
        let mut names: Vec<String> = regions.iter().filter_map(|r| r.region_name().map(str::to_string)).collect();
        names.sort();
        Ok(names)
    })
    .await;
    let (mut targets, mut errors) = (Vec::new(), Vec::new());
    for (t, r) in results {
        match r {
            Ok(names) => {
                tracing::debug!(account = %t.account.name, regions = names.len(), "enabled regions");
                for region in names.into_iter().filter(|r| regions.is_empty() || regions.contains(r)) {
                    targets.push(Target { account: t.account.clone(), region });
                }
            }
            Err(e) => errors.push(crate::aws::target_error(t.label(), &e)),
        }
    }
    Ok((targets, errors))
}

/// One failed call: the operation and what AWS (or the transport) said.
#[derive(Debug, Clone)]
struct CallError {
    op: &'static str,
    text: String,
    denied: bool,
    /// A suggestion of the failure's own (an answer that was not AWS's, missing credentials).
    hint: Option<String>,
}

impl CallError {
    fn new<E>(op: &'static str, e: &SdkError<E, HttpResponse>) -> CallError
    where
        E: ProvideErrorMetadata + std::error::Error + 'static,
    {
        let f = crate::aws::failure::classify(op, e);
        let denied = f.kind == crate::aws::failure::Kind::AccessDenied;
        // A denial's hint is this command's own (its IAM policy); others keep the classifier's.
        let hint = if denied { None } else { f.hint };
        CallError { op, text: f.message, denied, hint }
    }

    fn with_hint(self) -> String {
        let mut s = format!("{}: {}", self.op, self.text);
        if self.denied {
            s.push_str(HINT);
        }
        if let Some(h) = &self.hint {
            s.push_str(&format!("\nhint: {h}"));
        }
        s
    }
}

/// A listing that answered but cannot be taken as complete fails its type like an error.
impl From<Incomplete> for CallError {
    fn from(e: Incomplete) -> CallError {
        CallError { op: e.op(), text: e.reason(), denied: false, hint: e.hint().map(str::to_string) }
    }
}

const HINT: &str = "\nhint: the role needs the ec2:Describe* and directconnect:Describe* calls in \
                    commands/inventory/iam-policy.json";

/// The failed calls of one target as one message: calls that failed the same way are
/// named together (`DescribeInstances, DescribeVpcs: AuthFailure: …`), so a target whose
/// credentials are bad says so once, not eleven times.
fn describe_failures(failed: &[CallError]) -> String {
    let mut by_text: Vec<(&str, Vec<&str>)> = Vec::new();
    for f in failed {
        match by_text.iter_mut().find(|(t, _)| *t == f.text) {
            Some((_, ops)) => ops.push(f.op),
            None => by_text.push((&f.text, vec![f.op])),
        }
    }
    let mut msg = by_text.iter().map(|(t, ops)| format!("{}: {t}", ops.join(", "))).collect::<Vec<_>>().join("; ");
    if failed.iter().any(|f| f.denied) {
        msg.push_str(HINT);
    }
    let mut hints: Vec<&str> = Vec::new();
    for h in failed.iter().filter_map(|f| f.hint.as_deref()) {
        if !hints.contains(&h) {
            hints.push(h);
        }
    }
    for h in hints {
        msg.push_str(&format!("\nhint: {h}"));
    }
    msg
}

struct TargetOutcome {
    resources: Vec<Resource>,
    covered: Vec<ResourceType>,
    failed: Vec<CallError>,
}

/// Every asked type in one target, the calls at once.
async fn collect_target(session: &AwsSession, t: &Target, types: &[ResourceType]) -> TargetOutcome {
    let cfg = session.config(&t.account, &t.region).await;
    let ec2 = ec2::Client::new(&cfg);
    let dx = aws_sdk_directconnect::Client::new(&cfg);
    let at = At { account: t.account_label(), region: t.region.clone() };
    let calls = types.iter().map(|ty| {
        let (ec2, dx, at) = (&ec2, &dx, &at);
        async move { (*ty, list(*ty, ec2, dx, at).await) }
    });
    let mut out = TargetOutcome { resources: Vec::new(), covered: Vec::new(), failed: Vec::new() };
    for (ty, r) in futures::future::join_all(calls).await {
        match r {
            Ok(v) => {
                out.resources.extend(v);
                out.covered.push(ty);
            }
            Err(e) => out.failed.push(e),
        }
    }
    out
}

/// Where the resources being built live.
struct At {
    account: String,
    region: String,
}

impl At {
    fn resource(&self, ty: ResourceType, id: &str) -> Resource {
        Resource::new(&self.account, &self.region, ty, id)
    }
}

type Listed = Result<Vec<Resource>, CallError>;

async fn list(ty: ResourceType, ec2: &ec2::Client, dx: &aws_sdk_directconnect::Client, at: &At) -> Listed {
    match ty {
        ResourceType::Instance => instances(ec2, at).await,
        ResourceType::Volume => volumes(ec2, at).await,
        ResourceType::Vpc => vpcs(ec2, at).await,
        ResourceType::Subnet => subnets(ec2, at).await,
        ResourceType::SecurityGroup => security_groups(ec2, at).await,
        ResourceType::ElasticIp => elastic_ips(ec2, at).await,
        ResourceType::NatGateway => nat_gateways(ec2, at).await,
        ResourceType::RouteTable => route_tables(ec2, at).await,
        ResourceType::InternetGateway => internet_gateways(ec2, at).await,
        ResourceType::DxConnection => dx_connections(dx, at).await,
        ResourceType::DxVif => dx_vifs(dx, at).await,
    }
}

/// Each page of a listing, mapped and dropped before the next is read. `nextToken` is
/// followed by hand ([`Pages`]): the SDK's paginators end quietly on a repeated token, which
/// would pass part of a listing off as all of it.
macro_rules! each_page {
    ($op:expr, $request:expr, |$page:ident| $body:block) => {{
        let mut pages = Pages::new($op);
        while let Some(token) = pages.token() {
            let $page = $request.set_next_token(token).send().await.map_err(|e| CallError::new($op, &e))?;
            pages.answered($page.next_token())?;
            $body
        }
    }};
}

// EC2 answers every Describe* with its set element, empty (`<reservationSet/>`) when there is
// nothing: the API reference shows it in every response, and the SDK maps it to `Some`. An
// answer without it parsed, but is not EC2's.

// ---------------------------------------------------------------------------------------
// Display strings (the model's conventions: lists ", ", booleans yes/no, RFC 3339 UTC)
// ---------------------------------------------------------------------------------------

fn s(v: Option<&str>) -> &str {
    v.unwrap_or_default()
}

fn yes_no(b: Option<bool>) -> &'static str {
    match b {
        Some(true) => "yes",
        Some(false) => "no",
        None => "",
    }
}

fn num(n: Option<i32>) -> String {
    n.map(|n| n.to_string()).unwrap_or_default()
}

/// Seconds precision, `Z`: a snapshot compares what a person sees.
fn time(t: Option<&aws_smithy_types::DateTime>) -> String {
    t.and_then(|t| {
        aws_smithy_types::DateTime::from_secs(t.secs()).fmt(aws_smithy_types::date_time::Format::DateTime).ok()
    })
    .unwrap_or_default()
}

fn name_tag(tags: &[ec2::types::Tag]) -> &str {
    tags.iter().find(|t| t.key() == Some("Name")).and_then(|t| t.value()).unwrap_or_default()
}

/// Sorted and joined with ", ", so the API's order never shows as a change.
fn list_of<'a>(items: impl IntoIterator<Item = &'a str>) -> String {
    let mut v: Vec<&str> = items.into_iter().filter(|s| !s.is_empty()).collect();
    v.sort_unstable();
    v.dedup();
    v.join(", ")
}

// ---------------------------------------------------------------------------------------
// EC2
// ---------------------------------------------------------------------------------------

async fn instances(ec2: &ec2::Client, at: &At) -> Listed {
    let mut out = Vec::new();
    each_page!("DescribeInstances", ec2.describe_instances().max_results(1000), |page| {
        for i in required(page.reservations, "DescribeInstances", "reservationSet")?.iter().flat_map(|r| r.instances())
        {
            let state = i.state().and_then(|s| s.name()).map(|n| n.as_str()).unwrap_or_default();
            if state == "terminated" {
                continue;
            }
            let platform = match i.platform_details() {
                Some(p) => p.to_string(),
                None => i.platform().map(|p| p.as_str().to_string()).unwrap_or_default(),
            };
            out.push(at.resource(ResourceType::Instance, s(i.instance_id())).name(name_tag(i.tags())).with_fields([
                ("type", i.instance_type().map(|t| t.as_str()).unwrap_or_default()),
                ("state", state),
                ("az", s(i.placement().and_then(|p| p.availability_zone()))),
                ("private_ip", s(i.private_ip_address())),
                ("public_ip", s(i.public_ip_address())),
                ("vpc", s(i.vpc_id())),
                ("subnet", s(i.subnet_id())),
                ("security_groups", &list_of(i.security_groups().iter().map(|g| s(g.group_id())))),
                ("platform", &platform),
                ("launch_time", &time(i.launch_time())),
            ]));
        }
    });
    Ok(out)
}

async fn volumes(ec2: &ec2::Client, at: &At) -> Listed {
    let mut out = Vec::new();
    each_page!("DescribeVolumes", ec2.describe_volumes().max_results(500), |page| {
        for v in required(page.volumes, "DescribeVolumes", "volumeSet")? {
            let state = v.state().map(|s| s.as_str()).unwrap_or_default();
            if state == "deleted" {
                continue;
            }
            let attached: Vec<String> = v
                .attachments()
                .iter()
                .map(|a| match a.device() {
                    Some(d) => format!("{} ({d})", s(a.instance_id())),
                    None => s(a.instance_id()).to_string(),
                })
                .collect();
            out.push(at.resource(ResourceType::Volume, s(v.volume_id())).name(name_tag(v.tags())).with_fields([
                ("type", v.volume_type().map(|t| t.as_str()).unwrap_or_default()),
                ("size_gib", &num(v.size())),
                ("state", state),
                ("az", s(v.availability_zone())),
                ("attached_to", &list_of(attached.iter().map(String::as_str))),
                ("encrypted", yes_no(v.encrypted())),
                ("iops", &num(v.iops())),
            ]));
        }
    });
    Ok(out)
}

async fn vpcs(ec2: &ec2::Client, at: &At) -> Listed {
    let mut out = Vec::new();
    each_page!("DescribeVpcs", ec2.describe_vpcs().max_results(1000), |page| {
        for v in required(page.vpcs, "DescribeVpcs", "vpcSet")? {
            // The primary block, then secondary and IPv6 blocks that are associated.
            let live = |s: &str| matches!(s, "associated" | "associating");
            let mut cidrs: Vec<&str> = vec![s(v.cidr_block())];
            for a in v.cidr_block_association_set() {
                let state = a.cidr_block_state().and_then(|s| s.state()).map(|s| s.as_str()).unwrap_or("associated");
                if live(state) && a.cidr_block() != v.cidr_block() {
                    cidrs.push(s(a.cidr_block()));
                }
            }
            for a in v.ipv6_cidr_block_association_set() {
                let state =
                    a.ipv6_cidr_block_state().and_then(|s| s.state()).map(|s| s.as_str()).unwrap_or("associated");
                if live(state) {
                    cidrs.push(s(a.ipv6_cidr_block()));
                }
            }
            cidrs.retain(|c| !c.is_empty());
            out.push(at.resource(ResourceType::Vpc, s(v.vpc_id())).name(name_tag(v.tags())).with_fields([
                ("cidr", cidrs.join(", ").as_str()),
                ("state", v.state().map(|s| s.as_str()).unwrap_or_default()),
                ("default", yes_no(v.is_default())),
            ]));
        }
    });
    Ok(out)
}

async fn subnets(ec2: &ec2::Client, at: &At) -> Listed {
    let mut out = Vec::new();
    each_page!("DescribeSubnets", ec2.describe_subnets().max_results(1000), |page| {
        for n in required(page.subnets, "DescribeSubnets", "subnetSet")? {
            let mut cidrs = vec![s(n.cidr_block())];
            cidrs.extend(n.ipv6_cidr_block_association_set().iter().map(|a| s(a.ipv6_cidr_block())));
            cidrs.retain(|c| !c.is_empty());
            out.push(at.resource(ResourceType::Subnet, s(n.subnet_id())).name(name_tag(n.tags())).with_fields([
                ("vpc", s(n.vpc_id())),
                ("cidr", &cidrs.join(", ")),
                ("az", s(n.availability_zone())),
                ("public_ip_on_launch", yes_no(n.map_public_ip_on_launch())),
                ("available_ips", &num(n.available_ip_address_count())),
                ("default", yes_no(n.default_for_az())),
            ]));
        }
    });
    Ok(out)
}

async fn security_groups(ec2: &ec2::Client, at: &At) -> Listed {
    let mut out = Vec::new();
    each_page!("DescribeSecurityGroups", ec2.describe_security_groups().max_results(1000), |page| {
        for g in required(page.security_groups, "DescribeSecurityGroups", "securityGroupInfo")? {
            let rules: Vec<Rule> = g.ip_permissions().iter().map(Rule::from).collect();
            // A security group's name is its GroupName; a Name tag, when set, wins.
            let name = match name_tag(g.tags()) {
                "" => s(g.group_name()),
                tag => tag,
            };
            out.push(at.resource(ResourceType::SecurityGroup, s(g.group_id())).name(name).with_fields([
                ("vpc", s(g.vpc_id())),
                ("description", s(g.description())),
                ("inbound", &inbound_summary(&rules)),
                ("flags", &world_open_flags(&rules)),
            ]));
        }
    });
    Ok(out)
}

async fn elastic_ips(ec2: &ec2::Client, at: &At) -> Listed {
    // DescribeAddresses has no pagination: one call returns every address.
    let page = ec2.describe_addresses().send().await.map_err(|e| CallError::new("DescribeAddresses", &e))?;
    Ok(required(page.addresses, "DescribeAddresses", "addressesSet")?
        .iter()
        .map(|a| {
            let id = a.allocation_id().or(a.public_ip()).unwrap_or_default();
            at.resource(ResourceType::ElasticIp, id).name(name_tag(a.tags())).with_fields([
                ("public_ip", s(a.public_ip())),
                ("private_ip", s(a.private_ip_address())),
                ("instance", s(a.instance_id())),
                ("network_interface", s(a.network_interface_id())),
                ("domain", a.domain().map(|d| d.as_str()).unwrap_or_default()),
            ])
        })
        .collect())
}

async fn nat_gateways(ec2: &ec2::Client, at: &At) -> Listed {
    let mut out = Vec::new();
    each_page!("DescribeNatGateways", ec2.describe_nat_gateways().max_results(1000), |page| {
        for n in required(page.nat_gateways, "DescribeNatGateways", "natGatewaySet")? {
            let state = n.state().map(|s| s.as_str()).unwrap_or_default();
            if state == "deleted" {
                continue;
            }
            out.push(
                at.resource(ResourceType::NatGateway, s(n.nat_gateway_id())).name(name_tag(n.tags())).with_fields([
                    ("vpc", s(n.vpc_id())),
                    ("subnet", s(n.subnet_id())),
                    ("state", state),
                    ("public_ip", &list_of(n.nat_gateway_addresses().iter().map(|a| s(a.public_ip())))),
                    ("connectivity", n.connectivity_type().map(|c| c.as_str()).unwrap_or_default()),
                ]),
            );
        }
    });
    Ok(out)
}

async fn route_tables(ec2: &ec2::Client, at: &At) -> Listed {
    let mut out = Vec::new();
    // RouteTables pages hold at most 100.
    each_page!("DescribeRouteTables", ec2.describe_route_tables().max_results(100), |page| {
        for t in required(page.route_tables, "DescribeRouteTables", "routeTableSet")? {
            let main = t.associations().iter().any(|a| a.main() == Some(true));
            let subnets = list_of(t.associations().iter().filter_map(|a| a.subnet_id()));
            let mut routes: Vec<String> = t.routes().iter().map(route_summary).collect();
            routes.sort();
            out.push(
                at.resource(ResourceType::RouteTable, s(t.route_table_id())).name(name_tag(t.tags())).with_fields([
                    ("vpc", s(t.vpc_id())),
                    ("main", if main { "yes" } else { "no" }),
                    ("subnets", &subnets),
                    ("routes", &routes.join("; ")),
                ]),
            );
        }
    });
    Ok(out)
}

/// `0.0.0.0/0 via igw-…`, `10.0.0.0/16 local`, `… (blackhole)`.
fn route_summary(r: &ec2::types::Route) -> String {
    let dest = r.destination_cidr_block().or(r.destination_ipv6_cidr_block()).or(r.destination_prefix_list_id());
    let target = r
        .gateway_id()
        .or(r.nat_gateway_id())
        .or(r.transit_gateway_id())
        .or(r.vpc_peering_connection_id())
        .or(r.egress_only_internet_gateway_id())
        .or(r.local_gateway_id())
        .or(r.carrier_gateway_id())
        .or(r.core_network_arn())
        .or(r.instance_id())
        .or(r.network_interface_id())
        .unwrap_or("?");
    let mut s = if target == "local" {
        format!("{} local", dest.unwrap_or("?"))
    } else {
        format!("{} via {target}", dest.unwrap_or("?"))
    };
    if let Some(state) = r.state().map(|s| s.as_str()).filter(|s| *s != "active") {
        s.push_str(&format!(" ({state})"));
    }
    s
}

async fn internet_gateways(ec2: &ec2::Client, at: &At) -> Listed {
    let mut out = Vec::new();
    each_page!("DescribeInternetGateways", ec2.describe_internet_gateways().max_results(1000), |page| {
        for g in required(page.internet_gateways, "DescribeInternetGateways", "internetGatewaySet")? {
            let vpcs = list_of(g.attachments().iter().map(|a| s(a.vpc_id())));
            out.push(
                at.resource(ResourceType::InternetGateway, s(g.internet_gateway_id()))
                    .name(name_tag(g.tags()))
                    .with_fields([("vpcs", vpcs.as_str())]),
            );
        }
    });
    Ok(out)
}

// ---------------------------------------------------------------------------------------
// Security group rules
// ---------------------------------------------------------------------------------------

/// One inbound permission, reduced to what the summary and the flags need.
#[derive(Debug, Clone, PartialEq)]
struct Rule {
    /// `tcp`, `udp`, `icmp`, `icmpv6`, `all` or the protocol number.
    proto: String,
    from: Option<i32>,
    to: Option<i32>,
    /// CIDRs (v4 and v6), security group ids, prefix list ids.
    sources: Vec<String>,
}

impl From<&ec2::types::IpPermission> for Rule {
    fn from(p: &ec2::types::IpPermission) -> Rule {
        let proto = match p.ip_protocol().unwrap_or("-1") {
            "-1" => "all",
            "6" => "tcp",
            "17" => "udp",
            "1" => "icmp",
            "58" => "icmpv6",
            other => other,
        };
        let mut sources: Vec<String> = Vec::new();
        sources.extend(p.ip_ranges().iter().filter_map(|r| r.cidr_ip()).map(str::to_string));
        sources.extend(p.ipv6_ranges().iter().filter_map(|r| r.cidr_ipv6()).map(str::to_string));
        sources
            .extend(p.user_id_group_pairs().iter().filter_map(|g| g.group_id().or(g.group_name())).map(str::to_string));
        sources.extend(p.prefix_list_ids().iter().filter_map(|l| l.prefix_list_id()).map(str::to_string));
        Rule { proto: proto.to_ascii_lowercase(), from: p.from_port(), to: p.to_port(), sources }
    }
}

impl Rule {
    /// `tcp 22`, `tcp 1024-65535`, `icmp 8`, `all traffic`.
    fn what(&self) -> String {
        match (self.proto.as_str(), self.from, self.to) {
            ("all", _, _) => "all traffic".into(),
            (p, None, _) | (p, Some(-1), _) => p.to_string(),
            (p @ ("icmp" | "icmpv6"), Some(t), Some(c)) if c != -1 => format!("{p} {t}:{c}"),
            (p @ ("icmp" | "icmpv6"), Some(t), _) => format!("{p} {t}"),
            (p, Some(a), Some(b)) if a != b => format!("{p} {a}-{b}"),
            (p, Some(a), _) => format!("{p} {a}"),
        }
    }

    fn world_open(&self) -> bool {
        self.sources.iter().any(|s| s == "0.0.0.0/0" || s == "::/0")
    }

    fn covers_tcp(&self, port: i32) -> bool {
        match self.proto.as_str() {
            "all" => true,
            "tcp" => match (self.from, self.to) {
                (None, _) | (Some(-1), _) => true,
                (Some(a), Some(b)) => a <= port && port <= b,
                (Some(a), None) => a == port,
            },
            _ => false,
        }
    }
}

/// `tcp 22 from 0.0.0.0/0, ::/0; tcp 443 from sg-…`: every inbound permission, sorted.
fn inbound_summary(rules: &[Rule]) -> String {
    let mut items: Vec<(String, i32, String)> = rules
        .iter()
        .map(|r| {
            let mut sources = r.sources.clone();
            sources.sort();
            let text = if sources.is_empty() { r.what() } else { format!("{} from {}", r.what(), sources.join(", ")) };
            (r.proto.clone(), r.from.unwrap_or(-1), text)
        })
        .collect();
    items.sort();
    items.into_iter().map(|(_, _, t)| t).collect::<Vec<_>>().join("; ")
}

/// Admin and database ports that must not be open to the whole internet.
const ADMIN_PORTS: &[(i32, &str)] = &[
    (22, "ssh"),
    (3389, "rdp"),
    (1433, "mssql"),
    (1521, "oracle"),
    (3306, "mysql"),
    (5432, "postgresql"),
    (6379, "redis"),
    (9200, "elasticsearch"),
    (11211, "memcached"),
    (27017, "mongodb"),
];

/// `world-open: ssh 22, rdp 3389` or `world-open: all traffic` for rules open to
/// 0.0.0.0/0 or ::/0; empty when none.
fn world_open_flags(rules: &[Rule]) -> String {
    let open: Vec<&Rule> = rules.iter().filter(|r| r.world_open()).collect();
    if open.iter().any(|r| r.proto == "all") {
        return "world-open: all traffic".into();
    }
    let ports: Vec<String> = ADMIN_PORTS
        .iter()
        .filter(|(port, _)| open.iter().any(|r| r.covers_tcp(*port)))
        .map(|(port, name)| format!("{name} {port}"))
        .collect();
    if ports.is_empty() { String::new() } else { format!("world-open: {}", ports.join(", ")) }
}

// ---------------------------------------------------------------------------------------
// Direct Connect (no paginators in the crate: nextToken by hand)
// ---------------------------------------------------------------------------------------

async fn dx_connections(dx: &aws_sdk_directconnect::Client, at: &At) -> Listed {
    const OP: &str = "DescribeConnections";
    let mut out = Vec::new();
    each_page!(OP, dx.describe_connections().max_results(100), |page| {
        for c in required(page.connections, OP, "connections list")?.iter().map(crate::aws::directconnect::Conn::from) {
            if matches!(c.state.as_str(), "deleted") {
                continue;
            }
            out.push(at.resource(ResourceType::DxConnection, &c.id).name(c.name.as_str()).with_fields([
                ("state", c.state.as_str()),
                ("location", &c.location),
                ("bandwidth", &c.bandwidth),
                ("device", &c.device),
            ]));
        }
    });
    Ok(out)
}

async fn dx_vifs(dx: &aws_sdk_directconnect::Client, at: &At) -> Listed {
    const OP: &str = "DescribeVirtualInterfaces";
    let mut out = Vec::new();
    each_page!(OP, dx.describe_virtual_interfaces().max_results(100), |page| {
        for v in required(page.virtual_interfaces, OP, "virtualInterfaces list")?
            .iter()
            .map(crate::aws::directconnect::Vif::from)
        {
            if matches!(v.state.as_str(), "deleted") {
                continue;
            }
            out.push(at.resource(ResourceType::DxVif, &v.id).name(v.name.as_str()).with_fields([
                ("type", v.kind.as_str()),
                ("state", &v.state),
                ("connection", &v.connection),
                ("vlan", &v.vlan.to_string()),
                ("bgp", &crate::aws::directconnect::bgp_summary(&v.peers)),
            ]));
        }
    });
    Ok(out)
}

/// How many resources of each type, for logs and summaries.
pub fn counts(resources: &[Resource]) -> BTreeMap<ResourceType, usize> {
    let mut m = BTreeMap::new();
    for r in resources {
        *m.entry(r.resource_type).or_insert(0) += 1;
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(proto: &str, from: i32, to: i32, sources: &[&str]) -> Rule {
        Rule {
            proto: proto.into(),
            from: Some(from),
            to: Some(to),
            sources: sources.iter().map(|s| s.to_string()).collect(),
        }
    }

    #[test]
    fn inbound_summary_names_protocol_ports_and_sources_in_a_stable_order() {
        let rules = vec![
            rule("tcp", 443, 443, &["sg-0b", "sg-0a"]),
            rule("tcp", 22, 22, &["0.0.0.0/0", "::/0"]),
            rule("all", -1, -1, &["10.0.0.0/8"]),
            rule("icmp", 8, -1, &["10.0.0.0/8"]),
            rule("udp", 1024, 65535, &[]),
        ];
        assert_eq!(
            inbound_summary(&rules),
            "all traffic from 10.0.0.0/8; icmp 8 from 10.0.0.0/8; tcp 22 from 0.0.0.0/0, ::/0; \
             tcp 443 from sg-0a, sg-0b; udp 1024-65535"
        );
        assert_eq!(inbound_summary(&[]), "");
    }

    #[test]
    fn world_open_admin_ports_are_flagged_and_private_ones_are_not() {
        assert_eq!(world_open_flags(&[rule("tcp", 22, 22, &["0.0.0.0/0"])]), "world-open: ssh 22");
        assert_eq!(world_open_flags(&[rule("tcp", 3389, 3389, &["::/0"])]), "world-open: rdp 3389");
        assert_eq!(
            world_open_flags(&[rule("tcp", 3000, 6000, &["0.0.0.0/0"])]),
            "world-open: rdp 3389, mysql 3306, postgresql 5432"
        );
        assert_eq!(world_open_flags(&[rule("all", -1, -1, &["0.0.0.0/0"])]), "world-open: all traffic");
        assert_eq!(world_open_flags(&[rule("tcp", 443, 443, &["0.0.0.0/0"])]), "", "https is meant to be open");
        assert_eq!(world_open_flags(&[rule("tcp", 22, 22, &["10.0.0.0/8", "sg-1"])]), "");
        assert_eq!(world_open_flags(&[rule("udp", 22, 22, &["0.0.0.0/0"])]), "", "udp 22 is not ssh");
    }

    #[test]
    fn failures_of_one_target_are_one_message_grouping_identical_errors() {
        let e = |op, text: &str, denied| CallError { op, text: text.into(), denied, hint: None };
        let msg = describe_failures(&[
            e("DescribeInstances", "AuthFailure: bad key", false),
            e("DescribeVpcs", "AuthFailure: bad key", false),
            e("DescribeNatGateways", "timed out", false),
        ]);
        assert_eq!(msg, "DescribeInstances, DescribeVpcs: AuthFailure: bad key; DescribeNatGateways: timed out");
        let msg = describe_failures(&[e("DescribeVolumes", "UnauthorizedOperation: no", true)]);
        assert!(msg.starts_with("DescribeVolumes: UnauthorizedOperation: no\nhint: "), "{msg}");
        assert!(msg.contains("commands/inventory/iam-policy.json"), "{msg}");
    }
}
