//! Collecting the inventory: for every (account, region) the EC2 Describe* calls
//! (opskit's own Query-protocol client, [`crate::aws::ec2`]) and Direct Connect's DescribeConnections and
//! DescribeVirtualInterfaces (aws-sdk-directconnect), one [`Resource`] per item.
//!
//! [`collect`] gathers the whole [`Inventory`] (`diff` and `publish` compare it); [`stream`]
//! (`show`) hands each target on in page order as soon as it and the ones before it are done.
//!
//! Targets run with bounded concurrency ([`crate::aws::fan_out_with_progress`]); inside a
//! target the calls for the asked types run at once, since they are independent. Every
//! page is turned into resources and dropped before the next one is read, so memory is the
//! resources themselves, never the SDK's output structs. A call that fails (AccessDenied,
//! throttling after the retries, an unreachable endpoint, an answer without its list
//! or with a repeated `nextToken`, see [`crate::aws::answer`]) costs only its own type in
//! its own target: it is reported against the target, naming the operation, and the types
//! that answered are kept. [`Inventory::covered`] says which (account, region, type)
//! were listed completely, so a diff never reads a failed call as "everything was deleted".
//!
//! Gone resources that AWS still lists for a while (terminated instances, deleted NAT
//! gateways and volumes, deleted Direct Connect connections and VIFs) are left out: the
//! inventory is what exists.

use super::{GLOBAL, Resource, ResourceType};
use crate::aws::answer::{Incomplete, Pages, required};
use crate::aws::{AwsSession, Target, fan_out_with_progress};
use crate::aws::{acm, ec2, rds};
use crate::config::Config;
use crate::error::{AppError, AppResult};
use crate::spine::engine::TargetError;
use aws_config::SdkConfig;
use aws_smithy_runtime_api::client::orchestrator::HttpResponse;
use aws_smithy_runtime_api::client::result::SdkError;
use aws_smithy_types::error::metadata::ProvideErrorMetadata;
use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

#[path = "services.rs"]
mod services;

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
    /// The run's clock (`OPSKIT_NOW` when pinned): what an IAM access key's age counts to and
    /// a Lambda runtime's deprecation date is compared with.
    pub now: jiff::Timestamp,
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
    /// Whether `r`'s account, region and type were listed completely by this collection
    /// (a Google Cloud project's listing covers all its regions: region [`super::gcp::ANY_REGION`]).
    pub fn covers(&self, r: &Resource) -> bool {
        self.covered.contains(&(r.account.clone(), r.region.clone(), r.resource_type))
            || self.covered.contains(&(r.account.clone(), super::gcp::ANY_REGION.to_string(), r.resource_type))
    }
}

/// Collect `opts.types` in the selected accounts (`accounts`: names or ids, empty = all)
/// and regions (`regions`, empty = each account's configured ones, or with
/// `all_regions` every enabled one). Errors only for a selection that names nothing;
/// failures of AWS calls are in [`Inventory::errors`].
pub async fn collect(
    session: &AwsSession,
    config: &Config,
    env: &crate::config::Env,
    accounts: &[String],
    regions: &[String],
    opts: &Options,
) -> AppResult<Inventory> {
    let gce_types: Vec<ResourceType> = opts.types.iter().copied().filter(|t| t.is_gcp()).collect();
    let aws_types: Vec<ResourceType> = opts.types.iter().copied().filter(|t| !t.is_gcp()).collect();
    // Google Cloud projects: configured and discovered, selected by id or name.
    let mut gcp_errors = Vec::new();
    let mut gcp = None;
    let mut projects = Vec::new();
    if !gce_types.is_empty() && (!config.gcp_projects.is_empty() || config.gcp.discover_query.is_some()) {
        match super::gcp::client(config, env, opts) {
            Ok(google) => {
                let (found, failed) = super::gcp::projects(config, &google).await;
                projects = found;
                gcp_errors = failed;
                gcp = Some(google);
            }
            Err(e) => gcp_errors.push(TargetError::new("gcp", format!("{e}\nhint: {}", crate::gcp::CREDENTIALS_HINT))),
        }
    }
    let is_project = |a: &String| projects.iter().any(|p| &p.id == a || &p.name == a);
    let (gcp_selected, aws_selected): (Vec<String>, Vec<String>) = accounts.iter().cloned().partition(is_project);
    if !accounts.is_empty() {
        projects.retain(|p| gcp_selected.iter().any(|a| a == &p.id || a == &p.name));
    }
    // `--account` naming only projects selects no AWS account (an empty selection is "all").
    let aws_wanted = !aws_types.is_empty() && (accounts.is_empty() || !aws_selected.is_empty());
    let mut errors = Vec::new();
    let targets = if !aws_wanted || (config.accounts.is_empty() && !projects.is_empty() && accounts.is_empty()) {
        Vec::new()
    } else if opts.all_regions {
        let (targets, failed) = discover_regions(session, config, &aws_selected, regions, opts).await?;
        errors.extend(failed);
        targets
    } else {
        crate::aws::select_targets(config, &aws_selected, regions)?
    };
    if targets.is_empty() && errors.is_empty() && projects.is_empty() && gcp_errors.is_empty() {
        return Err(super::gcp::no_targets());
    }
    let mut types = aws_types;
    types.sort();
    types.dedup();
    let targets = with_global_targets(targets, &types);
    let n = targets.len();
    let bar = crate::aws::progress_bar("collecting the inventory", n, !opts.progress);
    let types = &types;
    // Each target's resources join one vector as soon as the target is done, so its own
    // vector is freed (and reused) at once instead of all 800 living until the end.
    let all = std::sync::Mutex::new(Vec::new());
    let all_ref = &all;
    let results = fan_out_with_progress(targets, opts.concurrency, opts.timeout, bar.as_ref(), |t| async move {
        let out = collect_target(session, &t, types, opts.now).await;
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
    let resources = all.into_inner().unwrap_or_else(|e| e.into_inner());
    let mut inv = Inventory { resources, errors, covered, targets: n };
    inv.errors.extend(gcp_errors);
    if let Some(google) = &gcp {
        super::gcp::collect(config, google, projects, regions, &gce_types, opts, &mut inv).await?;
    }
    inv.resources.shrink_to_fit();
    super::sort(&mut inv.resources);
    Ok(inv)
}

/// The regional targets when a regional type is asked, and one target per account whose
/// region is [`GLOBAL`] when an account-wide type is ([`ResourceType::is_global`]): those
/// are listed once per account, whatever `--region` says.
pub fn with_global_targets(targets: Vec<Target>, types: &[ResourceType]) -> Vec<Target> {
    let mut accounts: Vec<Target> = Vec::new();
    if types.iter().any(|t| t.is_global()) {
        for t in &targets {
            if !accounts.iter().any(|a| a.account.name == t.account.name) {
                accounts.push(Target { account: t.account.clone(), region: GLOBAL.to_string() });
            }
        }
    }
    let mut out = if types.iter().any(|t| !t.is_global()) { targets } else { Vec::new() };
    out.extend(accounts);
    out
}

/// The (account, region) targets of a selection (accounts: names or ids, empty = all;
/// regions: empty = each account's configured ones, or with `all_regions` every enabled
/// one), and the accounts whose enabled regions could not be listed. Errors only for a
/// selection that names nothing.
pub async fn targets(
    session: &AwsSession,
    config: &Config,
    accounts: &[String],
    regions: &[String],
    opts: &Options,
) -> AppResult<(Vec<Target>, Vec<TargetError>)> {
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
    Ok((targets, errors))
}

fn types_of(opts: &Options) -> Vec<ResourceType> {
    let mut types = opts.types.clone();
    types.sort();
    types.dedup();
    types
}

/// One target of a [`stream`]ed collection, as it finished.
pub struct Part {
    /// Its place in the targets as given (errors are reported in that order, as by [`collect`]).
    pub index: usize,
    pub target: Target,
    /// Its resources in page order ([`super::sort`]), or why the whole target failed (timed out).
    pub resources: anyhow::Result<Vec<Resource>>,
    /// The calls that failed, as one message ([`describe_failures`]); their types' resources are absent.
    pub failed: Option<String>,
}

/// `collect` for `inventory show`: the targets sorted by (account, region), worked on
/// `opts.concurrency` at once, and handed on one by one in that order as each is done, so
/// that concatenated they are in page order and no more than about `concurrency` targets'
/// resources are held at once (`buffered`, not `buffer_unordered`: a target finished early
/// waits for the ones before it). The work runs on a task of its own, so the output is
/// written while the next targets are collected; `parts` has room for `concurrency` parts.
/// A dropped receiver stops the collection.
pub fn stream(
    session: std::sync::Arc<AwsSession>,
    targets: Vec<Target>,
    opts: &Options,
) -> (futures::channel::mpsc::Receiver<Part>, Vec<Target>) {
    use futures::{SinkExt as _, StreamExt as _};
    let types = std::sync::Arc::new(types_of(opts));
    let mut indexed: Vec<(usize, Target)> = targets.into_iter().enumerate().collect();
    indexed.sort_by_cached_key(|(_, t)| (t.account_label(), t.region.clone()));
    let sorted: Vec<Target> = indexed.iter().map(|(_, t)| t.clone()).collect();
    let bar = crate::aws::progress_bar("collecting the inventory", indexed.len(), !opts.progress);
    let (concurrency, timeout, now) = (opts.concurrency.max(1), opts.timeout, opts.now);
    let (mut tx, rx) = futures::channel::mpsc::channel(concurrency);
    tokio::spawn(async move {
        let mut parts = futures::stream::iter(indexed)
            .map(|(index, target)| {
                let (session, types, bar) = (session.clone(), types.clone(), bar.clone());
                async move {
                    let part = match tokio::time::timeout(timeout, collect_target(&session, &target, &types, now)).await
                    {
                        Ok(mut out) => {
                            super::sort(&mut out.resources);
                            out.resources.shrink_to_fit();
                            let failed = (!out.failed.is_empty()).then(|| describe_failures(&out.failed));
                            Part { index, target, resources: Ok(out.resources), failed }
                        }
                        Err(_) => Part { index, target, resources: Err(timed_out(timeout)), failed: None },
                    };
                    if let Some(b) = &bar {
                        b.inc(1);
                    }
                    part
                }
            })
            .buffered(concurrency);
        while let Some(part) = parts.next().await {
            if tx.send(part).await.is_err() {
                break;
            }
        }
        if let Some(b) = &bar {
            b.finish_and_clear();
        }
    });
    (rx, sorted)
}

fn timed_out(timeout: Duration) -> anyhow::Error {
    anyhow::anyhow!(
        "timed out after {}s\nhint: raise --timeout (or defaults.timeout), or check the network path to AWS",
        timeout.as_secs_f64()
    )
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
        let out: ec2::DescribeRegions = ec2::describe(&cfg, "DescribeRegions", None, None)
            .await
            .map_err(|e| anyhow::anyhow!(CallError::query("DescribeRegions", &e).with_hint()))?;
        let regions = required(ec2::set(out.region_info), "DescribeRegions", "regionInfo")
            .map_err(|e| anyhow::anyhow!(CallError::from(e).with_hint()))?;
        let mut names: Vec<String> = regions.into_iter().filter_map(|r| r.region_name).collect();
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
pub(super) struct CallError {
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
        CallError::of(op, crate::aws::failure::classify(op, e))
    }

    /// A failed call of opskit's own EC2 client ([`crate::aws::query`]).
    pub(super) fn query(op: &'static str, e: &crate::aws::query::QueryError) -> CallError {
        CallError::of(op, e.failure(op))
    }

    fn of(op: &'static str, f: crate::aws::failure::Failure) -> CallError {
        let denied = f.kind == crate::aws::failure::Kind::AccessDenied;
        // A denial's hint is this command's own (its IAM policy); others keep the classifier's.
        let hint = if denied { None } else { f.hint };
        CallError { op, text: f.message, denied, hint }
    }

    /// The same failure, saying which item it was about (`bucket logs`, `user alice`).
    pub(super) fn about(mut self, what: &str) -> CallError {
        self.text = format!("{what}: {}", self.text);
        self
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

const HINT: &str = "\nhint: the role needs the ec2:Describe*, directconnect:Describe*, rds:Describe*, acm:List/Describe, \
                    s3:ListAllMyBuckets/GetBucket*, iam:List/Get, route53:ListHostedZones, elasticloadbalancing:Describe*, \
                    lambda:ListFunctions and autoscaling:DescribeAutoScalingGroups calls in \
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

/// Every asked type in one target, the calls at once: the regional types in a region's
/// target, the account-wide ones in the account's [`GLOBAL`] target (signed in
/// [`GLOBAL_SIGNING_REGION`]).
async fn collect_target(
    session: &AwsSession,
    t: &Target,
    types: &[ResourceType],
    now: jiff::Timestamp,
) -> TargetOutcome {
    let global = t.region == GLOBAL;
    let cfg = session.config(&t.account, if global { GLOBAL_SIGNING_REGION } else { &t.region }).await;
    let dx = aws_sdk_directconnect::Client::new(&cfg);
    let at = At {
        account: t.account_label(),
        region: t.region.clone(),
        now,
        today: now.to_zoned(jiff::tz::TimeZone::UTC).date(),
    };
    let calls = types.iter().filter(|ty| ty.is_global() == global).map(|ty| {
        let (cfg, dx, at) = (&cfg, &dx, &at);
        async move { (*ty, list(*ty, cfg, dx, at).await) }
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

/// The region account-wide calls are signed in (IAM's and Route 53's global endpoints,
/// S3's ListBuckets).
pub(super) const GLOBAL_SIGNING_REGION: &str = "us-east-1";

/// Where the resources being built live.
pub(super) struct At {
    pub(super) account: String,
    pub(super) region: String,
    /// The run's clock.
    pub(super) now: jiff::Timestamp,
    /// The run's date (UTC), for what depends on it (a Lambda runtime's deprecation).
    pub(super) today: jiff::civil::Date,
}

impl At {
    pub(super) fn resource(&self, ty: ResourceType, id: &str) -> Resource {
        Resource::new(&self.account, &self.region, ty, id)
    }
}

pub(super) type Listed = Result<Vec<Resource>, CallError>;

async fn list(ty: ResourceType, cfg: &SdkConfig, dx: &aws_sdk_directconnect::Client, at: &At) -> Listed {
    match ty {
        ResourceType::Instance => instances(cfg, at).await,
        ResourceType::Volume => volumes(cfg, at).await,
        ResourceType::Vpc => vpcs(cfg, at).await,
        ResourceType::Subnet => subnets(cfg, at).await,
        ResourceType::SecurityGroup => security_groups(cfg, at).await,
        ResourceType::ElasticIp => elastic_ips(cfg, at).await,
        ResourceType::NatGateway => nat_gateways(cfg, at).await,
        ResourceType::RouteTable => route_tables(cfg, at).await,
        ResourceType::InternetGateway => internet_gateways(cfg, at).await,
        ResourceType::DxConnection => dx_connections(dx, at).await,
        ResourceType::DxVif => dx_vifs(dx, at).await,
        ResourceType::RdsInstance => rds_instances(cfg, at).await,
        ResourceType::RdsCluster => rds_clusters(cfg, at).await,
        ResourceType::AcmCertificate => acm_certificates(cfg, at).await,
        ResourceType::LoadBalancer => services::load_balancers(cfg, at).await,
        ResourceType::LambdaFunction => services::lambda_functions(cfg, at).await,
        ResourceType::AutoScalingGroup => services::auto_scaling_groups(cfg, at).await,
        ResourceType::S3Bucket => super::global::s3_buckets(cfg, at).await,
        ResourceType::IamUser => super::global::iam_users(cfg, at).await,
        ResourceType::Route53Zone => super::global::route53_zones(cfg, at).await,
        // Listed per Google Cloud project (`super::gcp`): `collect` never asks an AWS target
        // for them, and were it to, the type fails rather than reading as an empty listing.
        ResourceType::GceInstance
        | ResourceType::GceDisk
        | ResourceType::GceNetwork
        | ResourceType::GceSubnetwork
        | ResourceType::GceFirewall
        | ResourceType::GceAddress
        | ResourceType::GceRoute
        | ResourceType::GceForwardingRule => Err(CallError {
            op: "list",
            text: format!("{ty} is a Google Cloud type, not listed in an AWS account"),
            denied: false,
            hint: None,
        }),
    }
}

/// Each page of a listing, mapped and dropped before the next is read. `nextToken` is
/// followed by hand ([`Pages`]): the SDK's paginators end quietly on a repeated token, which
/// would pass part of a listing off as all of it. For Direct Connect's SDK client.
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

/// [`each_page`] for EC2's Describe* calls, through opskit's own client ([`ec2::describe`]).
macro_rules! each_ec2_page {
    ($cfg:expr, $op:expr, $max:expr, |$page:ident : $ty:ty| $body:block) => {{
        let mut pages = Pages::new($op);
        while let Some(token) = pages.token() {
            let $page: $ty = ec2::describe($cfg, $op, $max, token).await.map_err(|e| CallError::query($op, &e))?;
            pages.answered($page.next_token.as_deref())?;
            $body
        }
    }};
}

// EC2 answers every Describe* with its set element, empty (`<reservationSet/>`) when there is
// nothing: the API reference shows it in every response. An answer without it parsed, but
// is not EC2's.

// ---------------------------------------------------------------------------------------
// Display strings (the model's conventions: lists ", ", booleans yes/no, RFC 3339 UTC)
// ---------------------------------------------------------------------------------------

pub(super) fn s(v: Option<&str>) -> &str {
    v.unwrap_or_default()
}

/// EC2's `true` / `false` as yes / no (anything else as it came).
pub(super) fn yes_no(b: Option<&str>) -> &str {
    match b.map(str::trim) {
        Some("true") => "yes",
        Some("false") => "no",
        Some(other) => other,
        None => "",
    }
}

/// A number as EC2 wrote it.
pub(super) fn num(n: Option<&str>) -> String {
    n.map(|n| n.trim().to_string()).unwrap_or_default()
}

/// Seconds precision, `Z`: a snapshot compares what a person sees. EC2 writes ISO 8601
/// (`2026-03-02T01:15:42.000Z`); a text that is not one shows as it came.
pub(super) fn time(t: Option<&str>) -> String {
    use aws_smithy_types::date_time::{DateTime, Format};
    t.map(|t| match DateTime::from_str(t.trim(), Format::DateTime) {
        Ok(d) => DateTime::from_secs(d.secs()).fmt(Format::DateTime).unwrap_or_else(|_| t.to_string()),
        Err(_) => t.to_string(),
    })
    .unwrap_or_default()
}

fn name_tag(tags: &Option<ec2::Items<ec2::Tag>>) -> &str {
    ec2::name_tag(tags)
}

/// Sorted and joined with ", ", so the API's order never shows as a change.
pub(super) fn list_of<'a>(items: impl IntoIterator<Item = &'a str>) -> String {
    let mut v: Vec<&str> = items.into_iter().filter(|s| !s.is_empty()).collect();
    v.sort_unstable();
    v.dedup();
    v.join(", ")
}

// ---------------------------------------------------------------------------------------
// EC2
// ---------------------------------------------------------------------------------------

async fn instances(cfg: &SdkConfig, at: &At) -> Listed {
    const OP: &str = "DescribeInstances";
    let mut out = Vec::new();
    each_ec2_page!(cfg, OP, Some(1000), |page: ec2::DescribeInstances| {
        for i in required(ec2::set(page.reservation_set), OP, "reservationSet")?
            .iter()
            .flat_map(|r| ec2::items(&r.instances_set))
        {
            let state = s(i.instance_state.as_ref().and_then(|st| st.name.as_deref()));
            if state == "terminated" {
                continue;
            }
            let platform = match &i.platform_details {
                Some(p) => p.to_string(),
                None => s(i.platform.as_deref()).to_string(),
            };
            out.push(
                at.resource(ResourceType::Instance, s(i.instance_id.as_deref()))
                    .name(name_tag(&i.tag_set))
                    .with_fields([
                        ("type", s(i.instance_type.as_deref())),
                        ("state", state),
                        ("az", s(i.placement.as_ref().and_then(|p| p.availability_zone.as_deref()))),
                        ("private_ip", s(i.private_ip_address.as_deref())),
                        ("public_ip", s(i.ip_address.as_deref())),
                        ("vpc", s(i.vpc_id.as_deref())),
                        ("subnet", s(i.subnet_id.as_deref())),
                        (
                            "security_groups",
                            &list_of(ec2::items(&i.group_set).iter().map(|g| s(g.group_id.as_deref()))),
                        ),
                        ("platform", &platform),
                        ("launch_time", &time(i.launch_time.as_deref())),
                    ]),
            );
        }
    });
    Ok(out)
}

async fn volumes(cfg: &SdkConfig, at: &At) -> Listed {
    const OP: &str = "DescribeVolumes";
    let mut out = Vec::new();
    each_ec2_page!(cfg, OP, Some(500), |page: ec2::DescribeVolumes| {
        for v in required(ec2::set(page.volume_set), OP, "volumeSet")? {
            let state = s(v.status.as_deref());
            if state == "deleted" {
                continue;
            }
            let attached: Vec<String> = ec2::items(&v.attachment_set)
                .iter()
                .map(|a| match &a.device {
                    Some(d) => format!("{} ({d})", s(a.instance_id.as_deref())),
                    None => s(a.instance_id.as_deref()).to_string(),
                })
                .collect();
            out.push(
                at.resource(ResourceType::Volume, s(v.volume_id.as_deref())).name(name_tag(&v.tag_set)).with_fields([
                    ("type", s(v.volume_type.as_deref())),
                    ("size_gib", &num(v.size.as_deref())),
                    ("state", state),
                    ("az", s(v.availability_zone.as_deref())),
                    ("attached_to", &list_of(attached.iter().map(String::as_str))),
                    ("encrypted", yes_no(v.encrypted.as_deref())),
                    ("iops", &num(v.iops.as_deref())),
                ]),
            );
        }
    });
    Ok(out)
}

async fn vpcs(cfg: &SdkConfig, at: &At) -> Listed {
    const OP: &str = "DescribeVpcs";
    let mut out = Vec::new();
    each_ec2_page!(cfg, OP, Some(1000), |page: ec2::DescribeVpcs| {
        for v in required(ec2::set(page.vpc_set), OP, "vpcSet")? {
            // The primary block, then secondary and IPv6 blocks that are associated.
            let live = |s: &str| matches!(s, "associated" | "associating");
            let mut cidrs: Vec<&str> = vec![s(v.cidr_block.as_deref())];
            for a in ec2::items(&v.cidr_block_association_set) {
                let state = a.cidr_block_state.as_ref().and_then(|s| s.state.as_deref()).unwrap_or("associated");
                if live(state) && a.cidr_block != v.cidr_block {
                    cidrs.push(s(a.cidr_block.as_deref()));
                }
            }
            for a in ec2::items(&v.ipv6_cidr_block_association_set) {
                let state = a.ipv6_cidr_block_state.as_ref().and_then(|s| s.state.as_deref()).unwrap_or("associated");
                if live(state) {
                    cidrs.push(s(a.ipv6_cidr_block.as_deref()));
                }
            }
            cidrs.retain(|c| !c.is_empty());
            out.push(at.resource(ResourceType::Vpc, s(v.vpc_id.as_deref())).name(name_tag(&v.tag_set)).with_fields([
                ("cidr", cidrs.join(", ").as_str()),
                ("state", s(v.state.as_deref())),
                ("default", yes_no(v.is_default.as_deref())),
            ]));
        }
    });
    Ok(out)
}

async fn subnets(cfg: &SdkConfig, at: &At) -> Listed {
    const OP: &str = "DescribeSubnets";
    let mut out = Vec::new();
    each_ec2_page!(cfg, OP, Some(1000), |page: ec2::DescribeSubnets| {
        for n in required(ec2::set(page.subnet_set), OP, "subnetSet")? {
            let mut cidrs = vec![s(n.cidr_block.as_deref())];
            cidrs
                .extend(ec2::items(&n.ipv6_cidr_block_association_set).iter().map(|a| s(a.ipv6_cidr_block.as_deref())));
            cidrs.retain(|c| !c.is_empty());
            out.push(
                at.resource(ResourceType::Subnet, s(n.subnet_id.as_deref())).name(name_tag(&n.tag_set)).with_fields([
                    ("vpc", s(n.vpc_id.as_deref())),
                    ("cidr", &cidrs.join(", ")),
                    ("az", s(n.availability_zone.as_deref())),
                    ("public_ip_on_launch", yes_no(n.map_public_ip_on_launch.as_deref())),
                    ("available_ips", &num(n.available_ip_address_count.as_deref())),
                    ("default", yes_no(n.default_for_az.as_deref())),
                ]),
            );
        }
    });
    Ok(out)
}

async fn security_groups(cfg: &SdkConfig, at: &At) -> Listed {
    const OP: &str = "DescribeSecurityGroups";
    let mut out = Vec::new();
    each_ec2_page!(cfg, OP, Some(1000), |page: ec2::DescribeSecurityGroups| {
        for g in required(ec2::set(page.security_group_info), OP, "securityGroupInfo")? {
            let rules: Vec<Rule> = ec2::items(&g.ip_permissions).iter().map(Rule::from).collect();
            // A security group's name is its GroupName; a Name tag, when set, wins.
            let name = match name_tag(&g.tag_set) {
                "" => s(g.group_name.as_deref()),
                tag => tag,
            };
            out.push(at.resource(ResourceType::SecurityGroup, s(g.group_id.as_deref())).name(name).with_fields([
                ("vpc", s(g.vpc_id.as_deref())),
                ("description", s(g.group_description.as_deref())),
                ("inbound", &inbound_summary(&rules)),
                ("flags", &world_open_flags(&rules)),
            ]));
        }
    });
    Ok(out)
}

async fn elastic_ips(cfg: &SdkConfig, at: &At) -> Listed {
    const OP: &str = "DescribeAddresses";
    // DescribeAddresses has no pagination: one call returns every address.
    let page: ec2::DescribeAddresses =
        ec2::describe(cfg, OP, None, None).await.map_err(|e| CallError::query(OP, &e))?;
    Ok(required(ec2::set(page.addresses_set), OP, "addressesSet")?
        .iter()
        .map(|a| {
            let id = a.allocation_id.as_deref().or(a.public_ip.as_deref()).unwrap_or_default();
            at.resource(ResourceType::ElasticIp, id).name(name_tag(&a.tag_set)).with_fields([
                ("public_ip", s(a.public_ip.as_deref())),
                ("private_ip", s(a.private_ip_address.as_deref())),
                ("instance", s(a.instance_id.as_deref())),
                ("network_interface", s(a.network_interface_id.as_deref())),
                ("domain", s(a.domain.as_deref())),
            ])
        })
        .collect())
}

async fn nat_gateways(cfg: &SdkConfig, at: &At) -> Listed {
    const OP: &str = "DescribeNatGateways";
    let mut out = Vec::new();
    each_ec2_page!(cfg, OP, Some(1000), |page: ec2::DescribeNatGateways| {
        for n in required(ec2::set(page.nat_gateway_set), OP, "natGatewaySet")? {
            let state = s(n.state.as_deref());
            if state == "deleted" {
                continue;
            }
            out.push(
                at.resource(ResourceType::NatGateway, s(n.nat_gateway_id.as_deref()))
                    .name(name_tag(&n.tag_set))
                    .with_fields([
                        ("vpc", s(n.vpc_id.as_deref())),
                        ("subnet", s(n.subnet_id.as_deref())),
                        ("state", state),
                        (
                            "public_ip",
                            &list_of(ec2::items(&n.nat_gateway_address_set).iter().map(|a| s(a.public_ip.as_deref()))),
                        ),
                        ("connectivity", s(n.connectivity_type.as_deref())),
                    ]),
            );
        }
    });
    Ok(out)
}

async fn route_tables(cfg: &SdkConfig, at: &At) -> Listed {
    const OP: &str = "DescribeRouteTables";
    let mut out = Vec::new();
    // RouteTables pages hold at most 100.
    each_ec2_page!(cfg, OP, Some(100), |page: ec2::DescribeRouteTables| {
        for t in required(ec2::set(page.route_table_set), OP, "routeTableSet")? {
            let associations = ec2::items(&t.association_set);
            let main = associations.iter().any(|a| a.main.as_deref() == Some("true"));
            let subnets = list_of(associations.iter().filter_map(|a| a.subnet_id.as_deref()));
            let mut routes: Vec<String> = ec2::items(&t.route_set).iter().map(route_summary).collect();
            routes.sort();
            out.push(
                at.resource(ResourceType::RouteTable, s(t.route_table_id.as_deref()))
                    .name(name_tag(&t.tag_set))
                    .with_fields([
                        ("vpc", s(t.vpc_id.as_deref())),
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
fn route_summary(r: &ec2::Route) -> String {
    let dest = r
        .destination_cidr_block
        .as_deref()
        .or(r.destination_ipv6_cidr_block.as_deref())
        .or(r.destination_prefix_list_id.as_deref());
    let target = [
        &r.gateway_id,
        &r.nat_gateway_id,
        &r.transit_gateway_id,
        &r.vpc_peering_connection_id,
        &r.egress_only_internet_gateway_id,
        &r.local_gateway_id,
        &r.carrier_gateway_id,
        &r.core_network_arn,
        &r.instance_id,
        &r.network_interface_id,
    ]
    .into_iter()
    .find_map(|t| t.as_deref())
    .unwrap_or("?");
    let mut s = if target == "local" {
        format!("{} local", dest.unwrap_or("?"))
    } else {
        format!("{} via {target}", dest.unwrap_or("?"))
    };
    if let Some(state) = r.state.as_deref().filter(|s| *s != "active") {
        s.push_str(&format!(" ({state})"));
    }
    s
}

async fn internet_gateways(cfg: &SdkConfig, at: &At) -> Listed {
    const OP: &str = "DescribeInternetGateways";
    let mut out = Vec::new();
    each_ec2_page!(cfg, OP, Some(1000), |page: ec2::DescribeInternetGateways| {
        for g in required(ec2::set(page.internet_gateway_set), OP, "internetGatewaySet")? {
            let vpcs = list_of(ec2::items(&g.attachment_set).iter().map(|a| s(a.vpc_id.as_deref())));
            out.push(
                at.resource(ResourceType::InternetGateway, s(g.internet_gateway_id.as_deref()))
                    .name(name_tag(&g.tag_set))
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
pub(super) struct Rule {
    /// `tcp`, `udp`, `icmp`, `icmpv6`, `all` or the protocol number.
    pub(super) proto: String,
    pub(super) from: Option<i32>,
    pub(super) to: Option<i32>,
    /// CIDRs (v4 and v6), security group ids, prefix list ids.
    pub(super) sources: Vec<String>,
}

impl From<&ec2::IpPermission> for Rule {
    fn from(p: &ec2::IpPermission) -> Rule {
        let proto = match p.ip_protocol.as_deref().unwrap_or("-1") {
            "-1" => "all",
            "6" => "tcp",
            "17" => "udp",
            "1" => "icmp",
            "58" => "icmpv6",
            other => other,
        };
        let port = |v: &Option<String>| v.as_deref().and_then(|n| n.trim().parse::<i32>().ok());
        let mut sources: Vec<String> = Vec::new();
        sources.extend(ec2::items(&p.ip_ranges).iter().filter_map(|r| r.cidr_ip.clone()));
        sources.extend(ec2::items(&p.ipv6_ranges).iter().filter_map(|r| r.cidr_ipv6.clone()));
        sources
            .extend(ec2::items(&p.groups).iter().filter_map(|g| g.group_id.clone().or_else(|| g.group_name.clone())));
        sources.extend(ec2::items(&p.prefix_list_ids).iter().filter_map(|l| l.prefix_list_id.clone()));
        Rule { proto: proto.to_ascii_lowercase(), from: port(&p.from_port), to: port(&p.to_port), sources }
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
pub(super) fn world_open_flags(rules: &[Rule]) -> String {
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

// ---------------------------------------------------------------------------------------
// RDS (Marker paging, opskit's own Query client)
// ---------------------------------------------------------------------------------------

async fn rds_instances(cfg: &SdkConfig, at: &At) -> Listed {
    const OP: &str = "DescribeDBInstances";
    let mut out = Vec::new();
    let mut pages = Pages::new(OP);
    while let Some(marker) = pages.token() {
        let page: rds::DescribeDbInstances =
            rds::describe(cfg, OP, marker).await.map_err(|e| CallError::query(OP, &e))?;
        let result = required(page.result, OP, "DescribeDBInstancesResult")?;
        pages.answered(result.marker.as_deref())?;
        // RDS lists no deleted database; one being deleted still exists and is shown.
        for i in required(result.instances, OP, "DBInstances")?.items {
            out.push(at.resource(ResourceType::RdsInstance, s(i.id.as_deref())).with_fields([
                ("engine", s(i.engine.as_deref())),
                ("engine_version", s(i.engine_version.as_deref())),
                ("class", s(i.class.as_deref())),
                ("status", s(i.status.as_deref())),
                ("multi_az", yes_no(i.multi_az.as_deref())),
                ("encrypted", yes_no(i.storage_encrypted.as_deref())),
                ("backup_retention_days", &num(i.backup_retention.as_deref())),
                ("maintenance_window", s(i.maintenance_window.as_deref())),
                ("public", yes_no(i.publicly_accessible.as_deref())),
                ("az", s(i.availability_zone.as_deref())),
                ("cluster", s(i.cluster.as_deref())),
            ]));
        }
    }
    Ok(out)
}

async fn rds_clusters(cfg: &SdkConfig, at: &At) -> Listed {
    const OP: &str = "DescribeDBClusters";
    let mut out = Vec::new();
    let mut pages = Pages::new(OP);
    while let Some(marker) = pages.token() {
        let page: rds::DescribeDbClusters =
            rds::describe(cfg, OP, marker).await.map_err(|e| CallError::query(OP, &e))?;
        let result = required(page.result, OP, "DescribeDBClustersResult")?;
        pages.answered(result.marker.as_deref())?;
        for c in required(result.clusters, OP, "DBClusters")?.items {
            let members = list_of(c.members.iter().flat_map(|m| &m.items).map(|m| s(m.instance.as_deref())));
            out.push(at.resource(ResourceType::RdsCluster, s(c.id.as_deref())).with_fields([
                ("engine", s(c.engine.as_deref())),
                ("engine_version", s(c.engine_version.as_deref())),
                ("class", s(c.class.as_deref())),
                ("status", s(c.status.as_deref())),
                ("multi_az", yes_no(c.multi_az.as_deref())),
                ("encrypted", yes_no(c.storage_encrypted.as_deref())),
                ("backup_retention_days", &num(c.backup_retention.as_deref())),
                ("maintenance_window", s(c.maintenance_window.as_deref())),
                ("public", yes_no(c.publicly_accessible.as_deref())),
                ("members", &members),
            ]));
        }
    }
    Ok(out)
}

// ---------------------------------------------------------------------------------------
// ACM (awsJson1_1: ListCertificates, then DescribeCertificate of each)
// ---------------------------------------------------------------------------------------

/// Epoch seconds as RFC 3339 UTC, seconds precision.
pub(super) fn epoch(t: Option<f64>) -> String {
    use aws_smithy_types::date_time::{DateTime, Format};
    t.and_then(|t| DateTime::from_secs(t.floor() as i64).fmt(Format::DateTime).ok()).unwrap_or_default()
}

async fn acm_certificates(cfg: &SdkConfig, at: &At) -> Listed {
    const OP: &str = "ListCertificates";
    const DESCRIBE: &str = "DescribeCertificate";
    let mut arns = Vec::new();
    let mut pages = Pages::new(OP);
    while let Some(token) = pages.token() {
        let page = acm::list_certificates(cfg, token).await.map_err(|e| CallError::query(OP, &e))?;
        pages.answered(page.next_token.as_deref())?;
        arns.extend(
            required(page.certificate_summary_list, OP, "CertificateSummaryList")?
                .into_iter()
                .filter_map(|c| c.certificate_arn),
        );
    }
    let mut out = Vec::new();
    for arn in arns {
        let answer = match acm::describe_certificate(cfg, &arn).await {
            Ok(a) => a,
            // Deleted between the listing and now: it no longer exists.
            Err(crate::aws::query::QueryError::Service { code, .. }) if code == "ResourceNotFoundException" => {
                continue;
            }
            Err(e) => return Err(CallError::query(DESCRIBE, &e)),
        };
        let c = required(answer.certificate, DESCRIBE, "Certificate")?;
        let domains = list_of(c.domain_name.iter().chain(c.subject_alternative_names.iter()).map(String::as_str));
        out.push(at.resource(ResourceType::AcmCertificate, &arn).name(s(c.domain_name.as_deref())).with_fields([
            ("domains", domains.as_str()),
            ("status", s(c.status.as_deref())),
            ("type", s(c.kind.as_deref())),
            ("not_after", &epoch(c.not_after)),
            ("in_use_by", &c.in_use_by.len().to_string()),
        ]));
    }
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
