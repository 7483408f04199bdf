//! The inventory's load balancers (ELBv2 and classic), Lambda functions and Auto Scaling
//! groups, per (account, region) target like the EC2 types ([`super`]): opskit's own Query
//! client for ELB and Auto Scaling ([`crate::aws::elb`], [`crate::aws::autoscaling`]) and its
//! signed restJson GET for Lambda ([`crate::aws::lambda`]). Each listing is taken as
//! complete only when every page answered with its list ([`required`], [`Pages`]); a load
//! balancer or target group deleted between its listing and the calls about it is left
//! out, as it no longer exists.

use super::{At, CallError, Listed, list_of, num, s, time};
use crate::aws::answer::{Pages, required};
use crate::aws::query::QueryError;
use crate::aws::{autoscaling, elb, lambda};
use crate::inventory::ResourceType;
use aws_config::SdkConfig;
use futures::StreamExt as _;

/// Calls about the load balancers of one listing (their listeners, target groups, health)
/// made at once, bounded so a region with hundreds of them is not throttled.
const PER_LB_CONCURRENCY: usize = 4;

/// The most load balancers a DescribeLoadBalancers page may hold (both APIs' maximum).
const PAGE_SIZE: u32 = 400;

fn not_found(e: &QueryError, codes: &[&str]) -> bool {
    matches!(e, QueryError::Service { code, .. } if codes.contains(&code.as_str()))
}

// ---------------------------------------------------------------------------------------
// Load balancers
// ---------------------------------------------------------------------------------------

/// ELBv2's and the classic API's load balancers: one type, `type` telling them apart.
pub(super) async fn load_balancers(cfg: &SdkConfig, at: &At) -> Listed {
    let (v2, classic) = futures::future::join(elbv2(cfg, at), classic(cfg, at)).await;
    let mut out = v2?;
    out.extend(classic?);
    Ok(out)
}

/// One ELBv2 load balancer's listeners and target groups.
struct Details {
    listeners: String,
    certificates: String,
    target_groups: String,
}

async fn elbv2(cfg: &SdkConfig, at: &At) -> Listed {
    const OP: &str = "DescribeLoadBalancers";
    let mut lbs = Vec::new();
    let mut pages = Pages::new(OP);
    while let Some(marker) = pages.token() {
        let page: elb::DescribeLoadBalancers = elb::v2(cfg, OP, vec![("PageSize", PAGE_SIZE.to_string())], marker)
            .await
            .map_err(|e| CallError::query(OP, &e))?;
        let result = required(page.result, OP, "DescribeLoadBalancersResult")?;
        pages.answered(result.next_marker.as_deref())?;
        lbs.extend(required(result.load_balancers, OP, "LoadBalancers")?.items);
    }
    // Owned names, not `&lb`: a closure over borrowed items trips rustc's higher-ranked
    // `Send` check when the collection runs on a spawned task (`collect::stream`).
    let arns: Vec<String> = lbs.iter().map(|lb| s(lb.arn.as_deref()).to_string()).collect();
    let details: Vec<Result<Option<Details>, CallError>> = futures::stream::iter(arns)
        .map(|arn| async move { elbv2_details(cfg, &arn).await })
        .buffered(PER_LB_CONCURRENCY)
        .collect()
        .await;
    let mut out = Vec::new();
    for (lb, d) in lbs.iter().zip(details) {
        // Deleted since it was listed: it no longer exists.
        let Some(d) = d? else { continue };
        out.push(
            at.resource(ResourceType::LoadBalancer, s(lb.arn.as_deref())).name(s(lb.name.as_deref())).with_fields([
                ("type", s(lb.kind.as_deref())),
                ("scheme", s(lb.scheme.as_deref())),
                ("state", s(lb.state.as_ref().and_then(|st| st.code.as_deref()))),
                ("dns_name", s(lb.dns_name.as_deref())),
                ("vpc", s(lb.vpc_id.as_deref())),
                ("listeners", &d.listeners),
                ("certificates", &d.certificates),
                ("target_groups", &d.target_groups),
                ("created", &time(lb.created.as_deref())),
            ]),
        );
    }
    Ok(out)
}

/// `HTTPS:443 (arn), HTTP:80`, the certificates, and `tg: 2/3 healthy` of one load
/// balancer; `None` when it was deleted meanwhile.
async fn elbv2_details(cfg: &SdkConfig, arn: &str) -> Result<Option<Details>, CallError> {
    const LISTENERS: &str = "DescribeListeners";
    const GROUPS: &str = "DescribeTargetGroups";
    const HEALTH: &str = "DescribeTargetHealth";
    const GONE: &[&str] = &["LoadBalancerNotFound"];
    let by_lb = || vec![("LoadBalancerArn", arn.to_string())];
    let (mut listeners, mut certificates) = (Vec::new(), Vec::new());
    let mut pages = Pages::new(LISTENERS);
    while let Some(marker) = pages.token() {
        let page: elb::DescribeListeners = match elb::v2(cfg, LISTENERS, by_lb(), marker).await {
            Ok(p) => p,
            Err(e) if not_found(&e, GONE) => return Ok(None),
            Err(e) => return Err(CallError::query(LISTENERS, &e)),
        };
        let result = required(page.result, LISTENERS, "DescribeListenersResult")?;
        pages.answered(result.next_marker.as_deref())?;
        for l in required(result.listeners, LISTENERS, "Listeners")?.items {
            let certs: Vec<&str> = elb::items(&l.certificates).iter().filter_map(|c| c.arn.as_deref()).collect();
            let mut text = format!("{}:{}", s(l.protocol.as_deref()), num(l.port.as_deref()));
            if !certs.is_empty() {
                text.push_str(&format!(" ({})", certs.join(", ")));
            }
            certificates.extend(certs.iter().map(|c| c.to_string()));
            listeners.push(text);
        }
    }
    let mut groups = Vec::new();
    let mut pages = Pages::new(GROUPS);
    while let Some(marker) = pages.token() {
        let page: elb::DescribeTargetGroups = match elb::v2(cfg, GROUPS, by_lb(), marker).await {
            Ok(p) => p,
            Err(e) if not_found(&e, GONE) => return Ok(None),
            // Asked by load balancer, "not found" is an answer: it has no target group
            // (moto says so this way; AWS with an empty list).
            Err(e) if not_found(&e, &["TargetGroupNotFound"]) => break,
            Err(e) => return Err(CallError::query(GROUPS, &e)),
        };
        let result = required(page.result, GROUPS, "DescribeTargetGroupsResult")?;
        pages.answered(result.next_marker.as_deref())?;
        groups.extend(required(result.target_groups, GROUPS, "TargetGroups")?.items);
    }
    let mut target_groups = Vec::new();
    for g in groups {
        let params = vec![("TargetGroupArn", s(g.arn.as_deref()).to_string())];
        let page: elb::DescribeTargetHealth = match elb::v2(cfg, HEALTH, params, None).await {
            Ok(p) => p,
            Err(e) if not_found(&e, &["TargetGroupNotFound"]) => continue,
            Err(e) => return Err(CallError::query(HEALTH, &e)),
        };
        let result = required(page.result, HEALTH, "DescribeTargetHealthResult")?;
        let targets = required(result.descriptions, HEALTH, "TargetHealthDescriptions")?.items;
        let healthy =
            targets.iter().filter(|t| t.health.as_ref().and_then(|h| h.state.as_deref()) == Some("healthy")).count();
        target_groups.push(format!("{}: {healthy}/{} healthy", s(g.name.as_deref()), targets.len()));
    }
    Ok(Some(Details {
        listeners: list_of(listeners.iter().map(String::as_str)),
        certificates: list_of(certificates.iter().map(String::as_str)),
        target_groups: list_of(target_groups.iter().map(String::as_str)),
    }))
}

/// `instances: 1/2 healthy` of a classic load balancer (empty without instances); `None`
/// when it was deleted meanwhile.
async fn classic_health(cfg: &SdkConfig, name: &str) -> Result<Option<String>, CallError> {
    const HEALTH: &str = "DescribeInstanceHealth";
    let params = vec![("LoadBalancerName", name.to_string())];
    let page: elb::DescribeInstanceHealth = match elb::classic(cfg, HEALTH, params, None).await {
        Ok(p) => p,
        Err(e) if not_found(&e, &["LoadBalancerNotFound"]) => return Ok(None),
        Err(e) => return Err(CallError::query(HEALTH, &e)),
    };
    let result = required(page.result, HEALTH, "DescribeInstanceHealthResult")?;
    let states = required(result.states, HEALTH, "InstanceStates")?.items;
    if states.is_empty() {
        return Ok(Some(String::new()));
    }
    let in_service = states.iter().filter(|i| i.state.as_deref() == Some("InService")).count();
    Ok(Some(format!("instances: {in_service}/{} healthy", states.len())))
}

async fn classic(cfg: &SdkConfig, at: &At) -> Listed {
    const OP: &str = "DescribeLoadBalancers (classic)";
    let mut lbs = Vec::new();
    let mut pages = Pages::new(OP);
    while let Some(marker) = pages.token() {
        let page: elb::DescribeClassicLoadBalancers =
            elb::classic(cfg, "DescribeLoadBalancers", vec![("PageSize", PAGE_SIZE.to_string())], marker)
                .await
                .map_err(|e| CallError::query(OP, &e))?;
        let result = required(page.result, OP, "DescribeLoadBalancersResult")?;
        pages.answered(result.next_marker.as_deref())?;
        lbs.extend(required(result.descriptions, OP, "LoadBalancerDescriptions")?.items);
    }
    let names: Vec<String> = lbs.iter().map(|lb| s(lb.name.as_deref()).to_string()).collect();
    let health: Vec<Result<Option<String>, CallError>> = futures::stream::iter(names)
        .map(|name| async move { classic_health(cfg, &name).await })
        .buffered(PER_LB_CONCURRENCY)
        .collect()
        .await;
    let mut out = Vec::new();
    for (lb, h) in lbs.iter().zip(health) {
        let Some(instances) = h? else { continue };
        let (mut listeners, mut certificates) = (Vec::new(), Vec::new());
        for l in elb::items(&lb.listeners).iter().filter_map(|d| d.listener.as_ref()) {
            let mut text = format!("{}:{}", s(l.protocol.as_deref()), num(l.port.as_deref()));
            if let Some(c) = l.certificate.as_deref().filter(|c| !c.is_empty()) {
                text.push_str(&format!(" ({c})"));
                certificates.push(c);
            }
            listeners.push(text);
        }
        let name = s(lb.name.as_deref());
        // A classic load balancer has no ARN in its description: its name is its id (an
        // ELBv2 one's id is its ARN, so the two never collide).
        out.push(at.resource(ResourceType::LoadBalancer, name).name(name).with_fields([
            ("type", "classic"),
            ("scheme", s(lb.scheme.as_deref())),
            ("dns_name", s(lb.dns_name.as_deref())),
            ("vpc", s(lb.vpc_id.as_deref())),
            ("listeners", &list_of(listeners.iter().map(String::as_str))),
            ("certificates", &list_of(certificates)),
            ("target_groups", &instances),
            ("created", &time(lb.created.as_deref())),
        ]));
    }
    Ok(out)
}

// ---------------------------------------------------------------------------------------
// Lambda functions
// ---------------------------------------------------------------------------------------

pub(super) async fn lambda_functions(cfg: &SdkConfig, at: &At) -> Listed {
    const OP: &str = "ListFunctions";
    let mut out = Vec::new();
    let mut pages = Pages::new(OP);
    while let Some(marker) = pages.token() {
        let page = lambda::list_functions(cfg, marker).await.map_err(|e| CallError::query(OP, &e))?;
        pages.answered(page.next_marker.as_deref())?;
        for f in required(page.functions, OP, "Functions")? {
            let deprecated = match f.runtime.as_deref() {
                // A container image brings its own runtime: nothing of AWS's to deprecate.
                None | Some("") => "no",
                Some(r) => match lambda::deprecated(r, at.today) {
                    Some(true) => "yes",
                    Some(false) => "no",
                    None => "unknown",
                },
            };
            let num = |n: Option<u64>| n.map(|n| n.to_string()).unwrap_or_default();
            out.push(at.resource(ResourceType::LambdaFunction, s(f.function_name.as_deref())).with_fields([
                ("runtime", s(f.runtime.as_deref())),
                ("deprecated", deprecated),
                ("memory_mb", &num(f.memory_size)),
                ("timeout_s", &num(f.timeout)),
                ("last_modified", &f.last_modified.as_deref().map(lambda::last_modified).unwrap_or_default()),
                ("package_type", s(f.package_type.as_deref())),
                ("architectures", &list_of(f.architectures.iter().map(String::as_str))),
            ]));
        }
    }
    Ok(out)
}

// ---------------------------------------------------------------------------------------
// Auto Scaling groups
// ---------------------------------------------------------------------------------------

/// `web` of `arn:aws:elasticloadbalancing:…:targetgroup/web/0123abcd`.
fn target_group_name(arn: &str) -> &str {
    arn.split_once(":targetgroup/").and_then(|(_, rest)| rest.split('/').next()).unwrap_or(arn)
}

pub(super) async fn auto_scaling_groups(cfg: &SdkConfig, at: &At) -> Listed {
    const OP: &str = "DescribeAutoScalingGroups";
    let mut out = Vec::new();
    let mut pages = Pages::new(OP);
    while let Some(token) = pages.token() {
        let page = autoscaling::describe_groups(cfg, token).await.map_err(|e| CallError::query(OP, &e))?;
        let result = required(page.result, OP, "DescribeAutoScalingGroupsResult")?;
        pages.answered(result.next_token.as_deref())?;
        for g in required(result.groups, OP, "AutoScalingGroups")?.items {
            let instances = elb::items(&g.instances);
            let in_service = instances.iter().filter(|i| i.lifecycle_state.as_deref() == Some("InService")).count();
            let template = |t: &autoscaling::LaunchTemplate| {
                let name = t.name.as_deref().or(t.id.as_deref()).unwrap_or_default();
                match t.version.as_deref() {
                    Some(v) => format!("{name}:{v}"),
                    None => name.to_string(),
                }
            };
            let launch = if let Some(t) = &g.launch_template {
                template(t)
            } else if let Some(t) =
                g.mixed.as_ref().and_then(|m| m.launch_template.as_ref()).and_then(|l| l.spec.as_ref())
            {
                format!("{} (mixed instances)", template(t))
            } else if let Some(c) = &g.launch_configuration {
                format!("{c} (launch configuration)")
            } else {
                String::new()
            };
            out.push(at.resource(ResourceType::AutoScalingGroup, s(g.name.as_deref())).with_fields([
                ("min", num(g.min.as_deref()).as_str()),
                ("max", &num(g.max.as_deref())),
                ("desired", &num(g.desired.as_deref())),
                ("instances", &format!("{in_service}/{}", instances.len())),
                ("launch", &launch),
                ("azs", &list_of(elb::items(&g.azs).iter().map(String::as_str))),
                ("health_check", s(g.health_check.as_deref())),
                (
                    "target_groups",
                    &list_of(elb::items(&g.target_groups).iter().map(String::as_str).map(target_group_name)),
                ),
            ]));
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_target_group_arn_shows_as_its_name() {
        assert_eq!(
            target_group_name("arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123abcd"),
            "web"
        );
        assert_eq!(target_group_name("something-else"), "something-else");
    }
}
