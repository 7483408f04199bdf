//! Collecting Google Cloud projects: Compute Engine's aggregated lists (instances, disks,
//! subnetworks, addresses, forwarding rules) and global lists (networks, firewalls, routes,
//! global addresses and forwarding rules) of every selected project ([`crate::gcp::compute`]),
//! one [`Resource`] per item, `account` the project id, `region` the item's region
//! (`global` for global ones; zonal ones have a `zone` column).
//!
//! Projects are `[[gcp_projects]]` plus, with `[gcp] discover`, the ACTIVE projects
//! Resource Manager's `projects.search` finds. A project whose Compute Engine API is not
//! enabled (403 `accessNotConfigured` / `SERVICE_DISABLED`) holds no Compute resources to
//! list: it is noted on stderr and skipped, and nothing of it is covered, so a diff or
//! publish keeps its last known resources. Any other failure fails the type in that project,
//! named with the operation, and its resources are not covered either.
//!
//! Coverage: a listing answers for every region of its project at once, so a complete one
//! covers `(project, "*", type)` (any region); with `--region` only the regions asked.

use super::collect::{Inventory, Options, Rule, world_open_flags};
use super::{Resource, ResourceType};
use crate::config::{Config, Env, GcpProject};
use crate::error::{AppError, AppResult};
use crate::gcp::compute::{self, Compute, ListError, region_of_scope, region_of_zone, short};
use crate::gcp::{Google, GoogleError, resource_manager};
use crate::spine::engine::TargetError;
use futures::StreamExt;

/// The region of a covered triple that stands for every region of the project.
pub const ANY_REGION: &str = "*";

const HINT: &str = "hint: the credentials need roles/compute.viewer on the project (see commands/inventory/README.md, \"Google Cloud projects\")";

/// The projects to collect: the configured ones, plus discovered ones when `[gcp] discover`
/// is set (discovery failing is an error of its own, the configured projects still run).
pub async fn projects(config: &Config, google: &Google) -> (Vec<GcpProject>, Vec<TargetError>) {
    let mut out = config.gcp_projects.clone();
    let mut errors = Vec::new();
    if let Some(query) = &config.gcp.discover_query {
        let base = config.gcp.resource_manager_endpoint.as_deref().unwrap_or(resource_manager::RESOURCE_MANAGER_API);
        match resource_manager::search(google, base, query).await {
            Ok(found) => {
                for p in found {
                    if !out.iter().any(|c| c.id == p.project_id) {
                        let name = if p.display_name.is_empty() { p.project_id.clone() } else { p.display_name };
                        out.push(GcpProject { id: p.project_id, name, tags: Default::default() });
                    }
                }
            }
            Err(e) => errors.push(TargetError::new(
                format!("gcp discover ({query})"),
                format!(
                    "projects.search: {e}\nhint: the credentials need resourcemanager.projects.get (e.g. roles/browser) on the organization or folder"
                ),
            )),
        }
    }
    (out, errors)
}

/// The Google client for the config's endpoints.
pub fn client(config: &Config, env: &Env, opts: &Options) -> Result<Google, GoogleError> {
    let mut endpoints = vec![config.gcp.compute_endpoint.as_deref()];
    if config.gcp.discover_query.is_some() {
        endpoints.push(config.gcp.resource_manager_endpoint.as_deref());
    }
    Google::for_endpoints(env, &endpoints, opts.timeout)
}

/// Collect `types` (the gce-* ones) in `projects`, into `inv`. `regions`, when given,
/// keeps only those regions (and covers only them).
pub async fn collect(
    config: &Config,
    google: &Google,
    projects: Vec<GcpProject>,
    regions: &[String],
    types: &[ResourceType],
    opts: &Options,
    inv: &mut Inventory,
) -> AppResult<()> {
    let base = config.gcp.compute_endpoint.as_deref().unwrap_or(compute::COMPUTE_API);
    let c = Compute { google, base, max_results: compute::MAX_RESULTS };
    let c = &c;
    inv.targets += projects.len();
    let mut results = futures::stream::iter(projects.into_iter().map(|p| async move {
        let out = tokio::time::timeout(opts.timeout, collect_project(c, &p.id, types)).await;
        (p, out)
    }))
    .buffer_unordered(opts.concurrency.max(1));
    while let Some((p, out)) = results.next().await {
        let label =
            if p.name == p.id { format!("gcp project {}", p.id) } else { format!("{} (gcp project {})", p.name, p.id) };
        let Ok(out) = out else {
            inv.errors.push(TargetError::new(label, format!("timed out after {:?}", opts.timeout)));
            continue;
        };
        if let Some(e) = out.failed.iter().find(|(_, e)| matches!(e, ListError::Google(g) if g.service_disabled())) {
            tracing::warn!(
                "{label}: the Compute Engine API is not enabled ({}); skipped, its last known resources are kept\nhint: gcloud services enable compute.googleapis.com --project {}",
                first_line(&e.1.to_string()),
                p.id
            );
            continue;
        }
        for ty in &out.covered {
            if regions.is_empty() {
                inv.covered.insert((p.id.clone(), ANY_REGION.to_string(), *ty));
            } else {
                for r in regions {
                    inv.covered.insert((p.id.clone(), r.clone(), *ty));
                }
            }
        }
        inv.resources.extend(out.resources.into_iter().filter(|r| regions.is_empty() || regions.contains(&r.region)));
        if !out.failed.is_empty() {
            inv.errors.push(TargetError::new(label, describe(&out.failed)));
        }
    }
    Ok(())
}

fn first_line(s: &str) -> &str {
    s.lines().next().unwrap_or(s)
}

/// Failures of one project, those failing the same way named together.
fn describe(failed: &[(&'static str, ListError)]) -> String {
    let mut by_text: Vec<(String, Vec<&str>)> = Vec::new();
    for (op, e) in failed {
        let t = e.to_string();
        match by_text.iter_mut().find(|(x, _)| *x == t) {
            Some((_, ops)) => ops.push(op),
            None => by_text.push((t, vec![op])),
        }
    }
    let mut msg = by_text.iter().map(|(t, ops)| format!("{}: {t}", ops.join(", "))).collect::<Vec<_>>().join("; ");
    if failed.iter().any(|(_, e)| matches!(e, ListError::Google(g) if g.denied())) {
        msg.push('\n');
        msg.push_str(HINT);
    } else if failed.iter().any(|(_, e)| matches!(e, ListError::Google(GoogleError::Credentials(_)))) {
        msg.push_str("\nhint: ");
        msg.push_str(crate::gcp::CREDENTIALS_HINT);
    }
    msg
}

/// Errors only for a selection naming nothing.
pub fn no_targets() -> AppError {
    AppError::usage(
        "no (account, region) or Google Cloud project to collect\nhint: add [[accounts]] with regions or [[gcp_projects]] to the config, or pass --profile NAME --region REGION for one account",
    )
}

struct ProjectOutcome {
    resources: Vec<Resource>,
    covered: Vec<ResourceType>,
    failed: Vec<(&'static str, ListError)>,
}

async fn collect_project(c: &Compute<'_>, project: &str, types: &[ResourceType]) -> ProjectOutcome {
    let calls = types.iter().map(|ty| async move { (*ty, list(c, project, *ty).await) });
    let mut out = ProjectOutcome { resources: Vec::new(), covered: Vec::new(), failed: Vec::new() };
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

type Listed = Result<Vec<Resource>, (&'static str, ListError)>;

async fn list(c: &Compute<'_>, p: &str, ty: ResourceType) -> Listed {
    let mut out = Vec::new();
    macro_rules! agg {
        ($coll:literal, $kind:literal, $op:literal, |$scope:ident, $item:ident : $t:ty| $body:expr) => {
            c.aggregated(p, $coll, $kind, $op, |$scope: &str, $item: $t| out.push($body)).await.map_err(|e| ($op, e))?
        };
    }
    macro_rules! global {
        ($coll:literal, $kind:literal, $op:literal, |$item:ident : $t:ty| $body:expr) => {
            c.global(p, $coll, $kind, $op, |$item: $t| out.push($body)).await.map_err(|e| ($op, e))?
        };
    }
    match ty {
        ResourceType::GceInstance => {
            agg!(
                "instances",
                "compute#instanceAggregatedList",
                "instances.aggregatedList",
                |scope, i: compute::Instance| instance(p, scope, i)
            )
        }
        ResourceType::GceDisk => {
            agg!("disks", "compute#diskAggregatedList", "disks.aggregatedList", |scope, d: compute::Disk| disk(
                p, scope, d
            ))
        }
        ResourceType::GceNetwork => {
            global!("networks", "compute#networkList", "networks.list", |n: compute::Network| network(p, n))
        }
        ResourceType::GceSubnetwork => agg!(
            "subnetworks",
            "compute#subnetworkAggregatedList",
            "subnetworks.aggregatedList",
            |scope, s: compute::Subnetwork| subnetwork(p, scope, s)
        ),
        ResourceType::GceFirewall => {
            global!("firewalls", "compute#firewallList", "firewalls.list", |f: compute::Firewall| firewall(p, f))
        }
        ResourceType::GceAddress => {
            agg!(
                "addresses",
                "compute#addressAggregatedList",
                "addresses.aggregatedList",
                |scope, a: compute::Address| address(p, &region_of_scope(scope), a)
            );
            global!("addresses", "compute#addressList", "globalAddresses.list", |a: compute::Address| address(
                p, "global", a
            ));
        }
        ResourceType::GceRoute => {
            global!("routes", "compute#routeList", "routes.list", |r: compute::Route| route(p, r))
        }
        ResourceType::GceForwardingRule => {
            agg!(
                "forwardingRules",
                "compute#forwardingRuleAggregatedList",
                "forwardingRules.aggregatedList",
                |scope, f: compute::ForwardingRule| forwarding_rule(p, &region_of_scope(scope), f)
            );
            global!(
                "forwardingRules",
                "compute#forwardingRuleList",
                "globalForwardingRules.list",
                |f: compute::ForwardingRule| forwarding_rule(p, "global", f)
            );
        }
        _ => {}
    }
    // The aggregated list of addresses and forwarding rules includes the global scope too
    // on some answers: one resource per id.
    out.sort_by(|a, b| a.identity().cmp(&b.identity()));
    out.dedup_by(|a, b| a.identity() == b.identity());
    Ok(out)
}

fn list_of<'a>(items: impl IntoIterator<Item = &'a str>) -> String {
    let mut v: Vec<&str> = items.into_iter().filter(|s| !s.is_empty()).collect();
    v.sort_unstable();
    v.dedup();
    v.join(", ")
}

fn yes_no(b: bool) -> &'static str {
    if b { "yes" } else { "no" }
}

/// `2026-11-02T10:11:12.345-07:00` → RFC 3339 UTC, seconds precision (as it came when
/// it does not parse).
fn utc(ts: &str) -> String {
    match ts.parse::<jiff::Timestamp>() {
        Ok(t) => jiff::Timestamp::from_second(t.as_second()).map(|t| t.to_string()).unwrap_or_else(|_| ts.to_string()),
        Err(_) => ts.to_string(),
    }
}

fn instance(p: &str, scope: &str, i: compute::Instance) -> Resource {
    let zone = short(&i.zone).to_string();
    let region = if zone.is_empty() { region_of_scope(scope) } else { region_of_zone(&zone) };
    let nics = &i.network_interfaces;
    let internal = list_of(nics.iter().map(|n| n.network_ip.as_str()));
    let external = list_of(nics.iter().flat_map(|n| n.access_configs.iter().map(|a| a.nat_ip.as_str())));
    let networks = list_of(nics.iter().map(|n| short(&n.network)));
    let subnets = list_of(nics.iter().map(|n| short(&n.subnetwork)));
    let disks = list_of(i.disks.iter().map(|d| short(&d.source)));
    let sas = list_of(i.service_accounts.iter().map(|s| s.email.as_str()));
    Resource::new(p, &region, ResourceType::GceInstance, i.id).name(i.name).with_fields([
        ("zone", zone.as_str()),
        ("machine_type", short(&i.machine_type)),
        ("status", &i.status),
        ("internal_ip", &internal),
        ("external_ip", &external),
        ("network", &networks),
        ("subnetwork", &subnets),
        ("disks", &disks),
        ("service_account", &sas),
        ("created", &utc(&i.creation_timestamp)),
    ])
}

fn disk(p: &str, scope: &str, d: compute::Disk) -> Resource {
    let zone = short(&d.zone).to_string();
    let region = region_of_scope(scope);
    let users = list_of(d.users.iter().map(|u| short(u)));
    let encryption = match &d.disk_encryption_key {
        Some(k) if !k.kms_key_name.is_empty() => {
            format!("cmek {}", k.kms_key_name.split("/cryptoKeyVersions/").next().unwrap_or(""))
        }
        Some(k) if !k.sha256.is_empty() => "csek".to_string(),
        _ => "google-managed".to_string(),
    };
    Resource::new(p, &region, ResourceType::GceDisk, d.id).name(d.name).with_fields([
        ("zone", zone.as_str()),
        ("type", short(&d.kind)),
        ("size_gb", &d.size_gb),
        ("status", &d.status),
        ("users", &users),
        ("encryption", &encryption),
        ("created", &utc(&d.creation_timestamp)),
    ])
}

fn network(p: &str, n: compute::Network) -> Resource {
    let mode = match n.auto_create_subnetworks {
        Some(true) => "auto",
        Some(false) => "custom",
        None => "legacy",
    };
    let routing = n.routing_config.as_ref().map(|r| r.routing_mode.as_str()).unwrap_or("");
    let subnets = n.subnetworks.len().to_string();
    let mtu = n.mtu.map(|m| m.to_string()).unwrap_or_default();
    Resource::new(p, "global", ResourceType::GceNetwork, n.id).name(n.name).with_fields([
        ("mode", mode),
        ("routing_mode", routing),
        ("cidr", &n.ipv4_range),
        ("subnetworks", &subnets),
        ("mtu", &mtu),
    ])
}

fn subnetwork(p: &str, scope: &str, s: compute::Subnetwork) -> Resource {
    let region = if s.region.is_empty() { region_of_scope(scope) } else { short(&s.region).to_string() };
    let secondary = list_of(
        s.secondary_ip_ranges
            .iter()
            .map(|r| format!("{} {}", r.range_name, r.ip_cidr_range))
            .collect::<Vec<_>>()
            .iter()
            .map(String::as_str),
    );
    Resource::new(p, &region, ResourceType::GceSubnetwork, s.id).name(s.name).with_fields([
        ("network", short(&s.network)),
        ("cidr", &s.ip_cidr_range),
        ("secondary_ranges", &secondary),
        ("private_google_access", yes_no(s.private_ip_google_access)),
        ("purpose", &s.purpose),
    ])
}

/// `tcp 22, 80; udp; icmp` for a firewall's allowed or denied entries.
fn rules_text(rules: &[compute::FirewallRule]) -> String {
    let mut parts: Vec<String> = rules
        .iter()
        .map(|r| {
            let proto = if r.ip_protocol.is_empty() { "all" } else { r.ip_protocol.as_str() };
            if r.ports.is_empty() { proto.to_string() } else { format!("{proto} {}", r.ports.join(", ")) }
        })
        .collect();
    parts.sort();
    parts.join("; ")
}

/// A firewall's allowed entries as the security-group [`Rule`]s the world-open flags read.
fn as_rules(f: &compute::Firewall) -> Vec<Rule> {
    let sources: Vec<String> = f.source_ranges.clone();
    let mut out = Vec::new();
    for a in &f.allowed {
        let proto = match a.ip_protocol.to_ascii_lowercase().as_str() {
            "" | "all" => "all".to_string(),
            "6" => "tcp".into(),
            "17" => "udp".into(),
            other => other.to_string(),
        };
        if a.ports.is_empty() {
            out.push(Rule { proto: proto.clone(), from: None, to: None, sources: sources.clone() });
        }
        for port in &a.ports {
            let (from, to) = match port.split_once('-') {
                Some((a, b)) => (a.trim().parse().ok(), b.trim().parse().ok()),
                None => {
                    let n = port.trim().parse().ok();
                    (n, n)
                }
            };
            out.push(Rule { proto: proto.clone(), from, to, sources: sources.clone() });
        }
    }
    out
}

fn firewall(p: &str, f: compute::Firewall) -> Resource {
    let direction = if f.direction.is_empty() { "INGRESS" } else { f.direction.as_str() };
    let (action, rules) =
        if f.denied.is_empty() { ("allow", rules_text(&f.allowed)) } else { ("deny", rules_text(&f.denied)) };
    let sources = if direction == "EGRESS" {
        list_of(f.destination_ranges.iter().map(String::as_str))
    } else {
        list_of(
            f.source_ranges
                .iter()
                .chain(f.source_tags.iter())
                .chain(f.source_service_accounts.iter())
                .map(String::as_str),
        )
    };
    let targets = list_of(f.target_tags.iter().chain(f.target_service_accounts.iter()).map(String::as_str));
    let targets = if targets.is_empty() { "all instances".to_string() } else { targets };
    // Only an enabled ingress allow rule opens anything.
    let flags = if direction == "INGRESS" && action == "allow" && !f.disabled {
        world_open_flags(&as_rules(&f))
    } else {
        String::new()
    };
    let priority = f.priority.unwrap_or(1000).to_string();
    Resource::new(p, "global", ResourceType::GceFirewall, f.id).name(f.name.as_str()).with_fields([
        ("network", short(&f.network)),
        ("direction", direction),
        ("action", action),
        ("priority", &priority),
        ("rules", &rules),
        ("sources", &sources),
        ("targets", &targets),
        ("disabled", yes_no(f.disabled)),
        ("flags", &flags),
    ])
}

fn address(p: &str, region: &str, a: compute::Address) -> Resource {
    let kind = if a.address_type.is_empty() { "EXTERNAL" } else { a.address_type.as_str() };
    let users = list_of(a.users.iter().map(|u| short(u)));
    Resource::new(p, region, ResourceType::GceAddress, a.id).name(a.name.as_str()).with_fields([
        ("address", a.address.as_str()),
        ("type", kind),
        ("status", &a.status),
        ("purpose", &a.purpose),
        ("users", &users),
        ("network_tier", &a.network_tier),
    ])
}

fn route(p: &str, r: compute::Route) -> Resource {
    let hop = [
        ("gateway", &r.next_hop_gateway),
        ("ip", &r.next_hop_ip),
        ("instance", &r.next_hop_instance),
        ("vpn-tunnel", &r.next_hop_vpn_tunnel),
        ("ilb", &r.next_hop_ilb),
        ("peering", &r.next_hop_peering),
        ("network", &r.next_hop_network),
    ]
    .iter()
    .find(|(_, v)| !v.is_empty())
    .map(|(k, v)| if *k == "ip" || *k == "peering" { format!("{k} {v}") } else { format!("{k} {}", short(v)) })
    .unwrap_or_default();
    let priority = r.priority.map(|n| n.to_string()).unwrap_or_default();
    let tags = list_of(r.tags.iter().map(String::as_str));
    Resource::new(p, "global", ResourceType::GceRoute, r.id).name(r.name.as_str()).with_fields([
        ("network", short(&r.network)),
        ("dest_range", &r.dest_range),
        ("next_hop", &hop),
        ("priority", &priority),
        ("tags", &tags),
    ])
}

fn forwarding_rule(p: &str, region: &str, f: compute::ForwardingRule) -> Resource {
    let ports = if f.all_ports {
        "all".to_string()
    } else if !f.ports.is_empty() {
        f.ports.join(", ")
    } else {
        f.port_range.clone()
    };
    let target = if f.target.is_empty() { short(&f.backend_service) } else { short(&f.target) };
    Resource::new(p, region, ResourceType::GceForwardingRule, f.id).name(f.name.as_str()).with_fields([
        ("ip", f.ip_address.as_str()),
        ("protocol", &f.ip_protocol),
        ("ports", &ports),
        ("target", target),
        ("scheme", &f.load_balancing_scheme),
        ("network", short(&f.network)),
        ("network_tier", &f.network_tier),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fw(json: serde_json::Value) -> Resource {
        firewall("acme-prod", serde_json::from_value(json).unwrap())
    }

    #[test]
    fn world_open_admin_ports_of_an_enabled_ingress_allow_rule_are_flagged() {
        let r = fw(
            serde_json::json!({"id": "1", "name": "ssh", "network": "x/networks/default", "direction": "INGRESS",
            "priority": 1000, "allowed": [{"IPProtocol": "tcp", "ports": ["22", "3000-4000"]}], "sourceRanges": ["0.0.0.0/0"]}),
        );
        assert_eq!(r.get("flags"), "world-open: ssh 22, rdp 3389, mysql 3306");
        assert_eq!(r.get("rules"), "tcp 22, 3000-4000");
        assert_eq!(r.get("targets"), "all instances");
        let all = fw(
            serde_json::json!({"id": "2", "name": "any", "allowed": [{"IPProtocol": "all"}], "sourceRanges": ["::/0"]}),
        );
        assert_eq!(all.get("flags"), "world-open: all traffic");
        let off = fw(
            serde_json::json!({"id": "3", "name": "off", "disabled": true, "allowed": [{"IPProtocol": "tcp", "ports": ["22"]}], "sourceRanges": ["0.0.0.0/0"]}),
        );
        assert_eq!(off.get("flags"), "");
        let private = fw(
            serde_json::json!({"id": "4", "name": "int", "allowed": [{"IPProtocol": "tcp", "ports": ["22"]}], "sourceRanges": ["10.0.0.0/8"]}),
        );
        assert_eq!(private.get("flags"), "");
        let deny = fw(
            serde_json::json!({"id": "5", "name": "deny", "denied": [{"IPProtocol": "tcp", "ports": ["22"]}], "sourceRanges": ["0.0.0.0/0"]}),
        );
        assert_eq!((deny.get("action"), deny.get("flags")), ("deny", ""));
    }

    #[test]
    fn timestamps_read_in_utc() {
        assert_eq!(utc("2026-11-02T10:11:12.345-07:00"), "2026-11-02T17:11:12Z");
        assert_eq!(utc("garbage"), "garbage");
    }
}
