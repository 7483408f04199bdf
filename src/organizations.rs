//! AWS Organizations discovery (API 2016-11-28): the member accounts of each
//! `[[organizations]]` entry become ordinary [`Account`]s, appended to the config's accounts
//! before a command selects its targets, so every AWS command works on them unchanged.
//!
//! - Listing: ListAccounts when the whole organization is wanted; with `include_ous` /
//!   `exclude_ous`, a walk of the OU tree (ListRoots, ListOrganizationalUnitsForParent,
//!   ListAccountsForParent), `defaults.concurrency` parents at once, which also gives each
//!   account's OU path by names from its root (`Root/prod/web`; an included OU's own path
//!   comes from DescribeOrganizationalUnit and ListParents up to the root). Every listing
//!   is paged by hand (MaxResults 20, the documented maximum) and taken only when complete:
//!   every page holds its list, no `NextToken` repeats ([`crate::aws::answer`]), and
//!   ListAccounts lists at least one account (the management account always is one).
//!   `copy_tags` adds one ListTagsForResource per kept account.
//!   DescribeOrganization gives the partition for the role ARNs; STS GetCallerIdentity the
//!   account the profile itself belongs to.
//! - Reaching an account: `arn:{partition}:iam::{id}:role/{role_name}` assumed with the
//!   profile's credentials and the external id. The profile's own account (the management
//!   or delegated administrator account, which has no member role unless someone made one)
//!   is reached with the profile's credentials, no role.
//! - Accounts whose `State` (or, from older answers, `Status`) is not ACTIVE are skipped and
//!   named ([`Discovery::skipped`]); an `[[accounts]]` entry with the same id wins over the
//!   discovered one. Names are Organizations' names; a name two accounts share (or an
//!   `[[accounts]]` entry already has) is replaced by the account id, so `--account` by name
//!   or id always picks one account.
//! - Cache: the listing is a state snapshot `organizations/<name>` ([`Snapshot`]), reused
//!   while younger than `cache_ttl` and while the settings that shape it are unchanged.
//!   `--refresh-accounts` lists afresh. A dry run reads the cache and writes nothing. When
//!   listing fails, a cached snapshot of any age is used with a warning; without one, the
//!   organization's failure is reported against `organization <name>` and the run goes on
//!   with the other accounts (or fails when there are none).

use crate::aws::answer::{Pages, required};
use crate::config::{Account, Config, Organization};
use crate::error::{AppError, AppResult};
use crate::spine::engine::TargetError;
use anyhow::Context as _;
use futures::StreamExt;
use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet, VecDeque};
use std::time::Duration;

/// The state snapshot of an organization's listing: `organizations/<name>`.
pub fn snapshot_name(organization: &str) -> String {
    format!("organizations/{organization}")
}

/// The largest page the Organizations List* operations give (their documented MaxResults).
const PAGE_SIZE: i32 = 20;
/// Bumped when [`Snapshot`] changes meaning, so older caches are listed afresh.
const SNAPSHOT_VERSION: u32 = 1;
/// Discovery of a large organization makes hundreds of calls: it gets this many per-target
/// timeouts (`--timeout`, `defaults.timeout`) before it counts as failed.
pub const TIMEOUTS_PER_DISCOVERY: u32 = 10;

/// What one listing of an organization found, as cached in the state store.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Snapshot {
    pub version: u32,
    /// Of the settings that shape the listing ([`fingerprint`]): a cache made with others is
    /// not used.
    pub fingerprint: String,
    pub organization_id: String,
    pub management_account: String,
    /// The account `profile`'s credentials belong to: reached without a role.
    pub caller_account: String,
    pub partition: String,
    /// Accounts in scope (OUs, `accounts`, `skip_accounts` applied), whatever their state.
    pub accounts: Vec<Member>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Member {
    pub id: String,
    pub name: String,
    /// `State` when Organizations sent it, else `Status`: ACTIVE, SUSPENDED, PENDING_CLOSURE, CLOSED, ...
    pub state: String,
    /// `<root name>/<OU name>/...` (`Root/prod/web`) when the OU tree was walked, the same
    /// whichever include point (or root) the walk started from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ou_path: Option<String>,
    /// The `copy_tags` keys the account has in Organizations.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub tags: BTreeMap<String, String>,
}

impl Member {
    pub fn active(&self) -> bool {
        self.state == "ACTIVE"
    }
}

/// The settings a cached listing depends on. The rest (role, regions, static tags) is
/// applied to the cache on each run.
pub fn fingerprint(org: &Organization) -> String {
    serde_json::json!({
        "profile": org.profile,
        "include_ous": org.include_ous,
        "exclude_ous": org.exclude_ous,
        "accounts": org.accounts,
        "skip_accounts": org.skip_accounts,
        "copy_tags": org.copy_tags,
    })
    .to_string()
}

/// Where an organization's accounts came from in this run.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "source", rename_all = "snake_case")]
pub enum Source {
    /// Listed now.
    Live,
    /// The cached listing, younger than `cache_ttl`.
    Cache { at: Timestamp },
    /// Listing failed; the cached one (older than `cache_ttl`) is used.
    StaleCache { at: Timestamp, error: String },
    /// Listing failed and nothing was cached: no account of this organization is used.
    Failed { error: String },
    /// Not listed (this command does not call AWS) and nothing cached.
    NotListed,
}

/// One organization's part of a run.
#[derive(Debug, Clone, Serialize)]
pub struct OrgReport {
    pub name: String,
    pub profile: Option<String>,
    #[serde(flatten)]
    pub source: Source,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organization_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub management_account: Option<String>,
    /// Every account in scope, with the name it got, its state and OU path.
    pub accounts: Vec<Listed>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Listed {
    pub id: String,
    /// The name opskit uses: Organizations' name, or the id when that name is not unique.
    pub name: String,
    /// Organizations' own name.
    pub org_name: String,
    pub state: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ou_path: Option<String>,
    /// How it is used: `role` (assumed), `profile` (the profile's own account), `skipped`
    /// (not ACTIVE) or `configured` (an `[[accounts]]` entry has this id).
    pub reached_by: String,
}

/// What discovery did in this run, for the reports.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Discovery {
    pub organizations: Vec<OrgReport>,
}

impl Discovery {
    /// Accounts left out because they are not ACTIVE, as report entries: `name (id)`.
    /// With `--account`, only those it names; with `--shard`, only this shard's (each host
    /// reports its own, so N shards name a suspended account once, not N times).
    pub fn skipped(&self, selected: &[String], shard: Option<crate::shard::Shard>) -> Vec<TargetError> {
        let mut out = Vec::new();
        for org in &self.organizations {
            for a in org.accounts.iter().filter(|a| a.reached_by == "skipped") {
                let picked = (selected.is_empty() || selected.iter().any(|s| s == &a.id || s == &a.name))
                    && shard.is_none_or(|s| s.owns(&a.id));
                if picked {
                    out.push(TargetError::new(
                        format!("{} ({})", a.name, a.id),
                        format!("account is {} in organization {}: skipped", a.state, org.name),
                    ));
                }
            }
        }
        out
    }

    /// Organizations that could not be listed and had no cache, as report errors.
    pub fn errors(&self) -> Vec<TargetError> {
        self.organizations
            .iter()
            .filter_map(|o| match &o.source {
                Source::Failed { error } => Some(TargetError::new(format!("organization {}", o.name), error.clone())),
                _ => None,
            })
            .collect()
    }
}

/// How much discovery a command gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// List (or use the fresh cache), as AWS commands do.
    List,
    /// Only what is cached, of any age, without a word when there is none: for commands
    /// that route findings by account (tags, names) but call no AWS API.
    CacheOnly,
}

/// What discovery needs of the run, and nothing more.
pub struct Run<'a> {
    pub aws: &'a crate::aws::AwsSession,
    pub config: &'a Config,
    /// Where cached listings are read from.
    pub cache: &'a dyn crate::state::StateStore,
    pub now: Timestamp,
    /// List afresh even when a cached listing is fresh (`--refresh-accounts`).
    pub refresh: bool,
    /// How long one organization's listing may take.
    pub budget: Duration,
}

/// One organization as found: its snapshot (listed now or cached), and where that came from.
pub type Found = (Organization, Option<Snapshot>, Source);

/// List (or read from the cache) every organization's accounts. Never fails: an
/// organization that cannot be listed and has no cache is a [`Source::Failed`].
pub async fn find(run: &Run<'_>, mode: Mode) -> Vec<Found> {
    let refresh = run.refresh && mode == Mode::List;
    let (now, budget, concurrency) = (run.now, run.budget, run.config.defaults.concurrency);
    let per_org = run.config.organizations.iter().map(|org| async move {
        let cached = read_cache(run.cache, org).await;
        let fresh = cached.as_ref().is_some_and(|(at, _)| !refresh && age(now, *at) < org.cache_ttl.0);
        if fresh || mode == Mode::CacheOnly {
            return match cached {
                Some((at, snap)) => (org.clone(), Some(snap), Source::Cache { at }),
                None => (org.clone(), None, Source::NotListed),
            };
        }
        let listed = tokio::time::timeout(budget, list(run.aws, org, concurrency)).await;
        let listed = listed.unwrap_or_else(|_| Err(anyhow::anyhow!("timed out after {}s", budget.as_secs())));
        match listed {
            Ok(snap) => (org.clone(), Some(snap), Source::Live),
            Err(e) => {
                let error = crate::redact::redact(&format!(
                    "cannot list the accounts of organization `{}` with {}: {e:#}",
                    org.name,
                    profile_label(org)
                ));
                match cached {
                    Some((at, snap)) => {
                        tracing::warn!(
                            "{error}\nusing its accounts as cached at {} ({} ago)",
                            at,
                            crate::config::Dur(age(now, at))
                        );
                        (org.clone(), Some(snap), Source::StaleCache { at, error })
                    }
                    None => (org.clone(), None, Source::Failed { error }),
                }
            }
        }
    });
    futures::future::join_all(per_org).await
}

/// Whether any organization was listed now (so there is something to cache).
pub fn listed_any(found: &[Found]) -> bool {
    listed_now(found).next().is_some()
}

/// The organizations listed from AWS on this run (not from the cache), with their listing.
fn listed_now(found: &[Found]) -> impl Iterator<Item = (&Organization, &Snapshot)> {
    found.iter().filter_map(|(org, snap, source)| match (snap, source) {
        (Some(snap), Source::Live) => Some((org, snap)),
        _ => None,
    })
}

/// Cache the organizations listed now, for the next runs. A failure is a warning: the
/// accounts were listed, only the next run's shortcut is lost.
pub async fn save(store: &dyn crate::state::StateStore, found: &[Found], now: Timestamp) -> anyhow::Result<()> {
    for (org, snap) in listed_now(found) {
        let data = serde_json::to_vec(snap).context("encoding the organization snapshot")?;
        if let Err(e) = store.put_snapshot(&snapshot_name(&org.name), now, &data).await {
            tracing::warn!(organization = %org.name, "cannot cache the discovered accounts: {e}");
        }
    }
    Ok(())
}

/// The accounts the organizations add to the configured ones, and what discovery did.
/// Errors only when an organization failed and no account at all is left to work on.
pub fn conclude(config: &Config, found: &[Found], mode: Mode) -> AppResult<(Vec<Account>, Discovery)> {
    let (accounts, reports) = apply(config, found);
    for r in &reports {
        tracing::info!(
            organization = %r.name,
            accounts = r.accounts.iter().filter(|a| a.reached_by == "role" || a.reached_by == "profile").count(),
            skipped = r.accounts.iter().filter(|a| a.reached_by == "skipped").count(),
            source = ?r.source,
            "organization discovered"
        );
    }
    let failed: Vec<String> = reports
        .iter()
        .filter_map(|r| match &r.source {
            Source::Failed { error } => Some(error.clone()),
            _ => None,
        })
        .collect();
    if mode == Mode::List && !failed.is_empty() && config.accounts.is_empty() && accounts.is_empty() {
        return Err(AppError::Run(anyhow::anyhow!(
            "{}\nhint: check the profile's credentials and its organizations:List* permissions \
             (README: AWS Organizations); a cached listing would have been used",
            failed.join("\n")
        )));
    }
    Ok((accounts, Discovery { organizations: reports }))
}

fn profile_label(org: &Organization) -> String {
    match &org.profile {
        Some(p) => format!("profile `{p}`"),
        None => "the default credential chain".into(),
    }
}

/// How old a cache is. One from the future (another host's clock, or this one's set back)
/// counts by how far off it is: a little skew is fine, a lot lists afresh.
fn age(now: Timestamp, at: Timestamp) -> Duration {
    now.duration_since(at).unsigned_abs()
}

async fn read_cache(state: &dyn crate::state::StateStore, org: &Organization) -> Option<(Timestamp, Snapshot)> {
    let name = snapshot_name(&org.name);
    let (at, data) = match state.snapshot(&name).await {
        Ok(Some(x)) => x,
        Ok(None) => return None,
        Err(e) => {
            tracing::warn!(organization = %org.name, "cannot read the cached accounts: {e}");
            return None;
        }
    };
    match serde_json::from_slice::<Snapshot>(&data) {
        Ok(s) if s.version == SNAPSHOT_VERSION && s.fingerprint == fingerprint(org) => Some((at, s)),
        Ok(_) => {
            tracing::debug!(organization = %org.name, "cached accounts were listed with other settings: listing afresh");
            None
        }
        Err(e) => {
            tracing::warn!(organization = %org.name, "the cached accounts cannot be read ({e}): listing afresh");
            None
        }
    }
}

/// The discovered accounts to append to `config.accounts` (names made unique against each
/// other and the configured accounts), and what each organization contributed.
pub fn apply(config: &Config, found: &[(Organization, Option<Snapshot>, Source)]) -> (Vec<Account>, Vec<OrgReport>) {
    // Names taken: configured accounts' names and ids; a discovered name used twice.
    // Maps and sets, not scans of the configured accounts per member: 200k configured and
    // discovered accounts resolve in linear time.
    let configured_names: HashSet<&str> =
        config.accounts.iter().flat_map(|a| std::iter::once(a.name.as_str()).chain(a.id.as_deref())).collect();
    let mut configured_by_id: HashMap<&str, &str> = HashMap::new();
    for a in &config.accounts {
        if let Some(id) = a.id.as_deref() {
            // The first account with an id names it, as a search in config order would.
            configured_by_id.entry(id).or_insert(a.name.as_str());
        }
    }
    let mut uses: HashMap<&str, usize> = HashMap::new();
    let mut seen_ids = BTreeSet::new();
    for (_, snap, _) in found {
        for m in snap.iter().flat_map(|s| &s.accounts) {
            if !configured_by_id.contains_key(m.id.as_str()) && seen_ids.insert(m.id.as_str()) {
                *uses.entry(m.name.as_str()).or_default() += 1;
            }
        }
    }
    let taken = |name: &str| {
        name.is_empty()
            || uses.get(name).copied().unwrap_or(0) > 1
            || configured_names.contains(name)
            || (name.len() == 12 && name.bytes().all(|b| b.is_ascii_digit()))
    };
    let mut accounts: Vec<Account> = Vec::new();
    let mut reports = Vec::new();
    let mut placed = BTreeSet::new();
    for (org, snap, source) in found {
        let mut listed = Vec::new();
        for m in snap.iter().flat_map(|s| &s.accounts) {
            let name = if taken(&m.name) { m.id.clone() } else { m.name.clone() };
            let mut entry = Listed {
                id: m.id.clone(),
                name: name.clone(),
                org_name: m.name.clone(),
                state: m.state.clone(),
                ou_path: m.ou_path.clone(),
                reached_by: String::new(),
            };
            let snap = snap.as_ref().expect("members come from a snapshot");
            if let Some(configured) = configured_by_id.get(m.id.as_str()) {
                entry.reached_by = "configured".into();
                entry.name = configured.to_string();
            } else if !m.active() {
                entry.reached_by = "skipped".into();
            } else if !placed.insert(m.id.clone()) {
                // In two configured organizations (it moved between listings): the first wins.
                entry.reached_by = "configured".into();
            } else {
                let own = m.id == snap.caller_account;
                entry.reached_by = if own { "profile" } else { "role" }.into();
                accounts.push(member_account(org, snap, m, name, own));
            }
            listed.push(entry);
        }
        reports.push(OrgReport {
            name: org.name.clone(),
            profile: org.profile.clone(),
            source: source.clone(),
            organization_id: snap.as_ref().map(|s| s.organization_id.clone()),
            management_account: snap.as_ref().map(|s| s.management_account.clone()),
            accounts: listed,
        });
    }
    (accounts, reports)
}

/// One ACTIVE member as an account: its role assumed with the organization's profile (or
/// the profile itself for the profile's own account), the organization's regions, and tags:
/// `organization = <name>`, then the static `tags`, then the copied ones.
fn member_account(org: &Organization, snap: &Snapshot, m: &Member, name: String, own: bool) -> Account {
    let mut tags = BTreeMap::from([("organization".to_string(), org.name.clone())]);
    tags.extend(org.tags.clone());
    tags.extend(m.tags.clone());
    let role_arn = (!own).then(|| format!("arn:{}:iam::{}:role/{}", snap.partition, m.id, org.role_name));
    Account {
        name,
        id: Some(m.id.clone()),
        profile: org.profile.clone(),
        external_id: role_arn.as_ref().and(org.external_id.clone()),
        role_arn,
        session_name: org.session_name.clone(),
        regions: org.regions.clone(),
        regions_from: if org.regions.is_empty() {
            crate::config::RegionSource::Pending
        } else {
            crate::config::RegionSource::Regions
        },
        tags,
    }
}

/// The region Organizations and STS are called in: the global endpoint's region of the
/// partition the organization's regions are in.
fn api_region(org: &Organization) -> &'static str {
    if org.regions.iter().any(|r| r.starts_with("cn-")) {
        "cn-northwest-1"
    } else if org.regions.iter().any(|r| r.starts_with("us-gov-")) {
        "us-gov-west-1"
    } else {
        "us-east-1"
    }
}

/// The management (or delegated administrator) side, as an account the session can build
/// a config for: the profile's credentials, no role.
fn management(org: &Organization) -> Account {
    Account {
        name: snapshot_name(&org.name),
        id: None,
        profile: org.profile.clone(),
        role_arn: None,
        external_id: None,
        session_name: org.session_name.clone(),
        regions: vec![api_region(org).to_string()],
        regions_from: crate::config::RegionSource::Regions,
        tags: BTreeMap::new(),
    }
}

fn api_error<E>(
    op: &str,
    e: aws_smithy_runtime_api::client::result::SdkError<E, aws_smithy_runtime_api::client::orchestrator::HttpResponse>,
) -> anyhow::Error
where
    E: aws_smithy_types::error::metadata::ProvideErrorMetadata + std::error::Error + Send + Sync + 'static,
{
    anyhow::Error::new(crate::aws::failure::classify(op, &e))
}

/// List one organization now.
pub async fn list(
    session: &crate::aws::AwsSession,
    org: &Organization,
    concurrency: usize,
) -> anyhow::Result<Snapshot> {
    let cfg = session.config(&management(org), api_region(org)).await;
    let client = aws_sdk_organizations::Client::new(&cfg);
    let sts = aws_sdk_sts::Client::new(&cfg);
    let (described, caller) = tokio::join!(client.describe_organization().send(), sts.get_caller_identity().send());
    let described = described.map_err(|e| api_error("DescribeOrganization", e))?;
    let caller = caller.map_err(|e| api_error("GetCallerIdentity", e))?;
    let o = required(described.organization(), "DescribeOrganization", "Organization")?;
    let management_account = required(o.master_account_id(), "DescribeOrganization", "Organization.MasterAccountId")?;
    // arn:aws:organizations::111111111111:account/o-.../111111111111
    let partition = o
        .master_account_arn()
        .or(o.arn())
        .and_then(|arn| arn.split(':').nth(1))
        .filter(|p| !p.is_empty())
        .unwrap_or("aws")
        .to_string();
    let caller_account = required(caller.account(), "GetCallerIdentity", "Account")?.to_string();
    let mut members = if org.include_ous.is_empty() && org.exclude_ous.is_empty() {
        list_all(&client, management_account).await?
    } else {
        walk(&client, org, concurrency).await?
    };
    let (only, skip): (HashSet<&str>, HashSet<&str>) =
        (org.accounts.iter().map(String::as_str).collect(), org.skip_accounts.iter().map(String::as_str).collect());
    let wanted = |m: &Member| (only.is_empty() || only.contains(m.id.as_str())) && !skip.contains(m.id.as_str());
    members.retain(wanted);
    if !org.copy_tags.is_empty() {
        copy_tags(&client, org, &mut members, concurrency).await?;
    }
    Ok(Snapshot {
        version: SNAPSHOT_VERSION,
        fingerprint: fingerprint(org),
        organization_id: o.id().unwrap_or_default().to_string(),
        management_account: management_account.to_string(),
        caller_account,
        partition,
        accounts: members,
    })
}

fn member(a: &aws_sdk_organizations::types::Account, ou_path: Option<String>) -> Option<Member> {
    let id = a.id()?.to_string();
    let state = match (a.state(), a.status()) {
        (Some(s), _) => s.as_str().to_string(),
        (None, Some(s)) => s.as_str().to_string(),
        (None, None) => "UNKNOWN".into(),
    };
    Some(Member { id, name: a.name().unwrap_or_default().to_string(), state, ou_path, tags: BTreeMap::new() })
}

/// Every account of the organization. An organization always holds its management account,
/// so a listing without any account is not Organizations' answer, however well it parsed:
/// cached, it would drop every account of the organization for `cache_ttl`.
async fn list_all(client: &aws_sdk_organizations::Client, management_account: &str) -> anyhow::Result<Vec<Member>> {
    const OP: &str = "ListAccounts";
    let accounts = Pages::all(OP, "Accounts list", |token| async {
        let page = client
            .list_accounts()
            .max_results(PAGE_SIZE)
            .set_next_token(token)
            .send()
            .await
            .map_err(|e| api_error(OP, e))?;
        anyhow::Ok((page.accounts, page.next_token))
    })
    .await?;
    let out: Vec<Member> = accounts.iter().filter_map(|a| member(a, None)).collect();
    if out.is_empty() {
        anyhow::bail!(
            "{OP}: the answer lists no account, not even the management account {management_account}\n\
             hint: something other than AWS Organizations may have answered (a proxy, an endpoint override)"
        );
    }
    Ok(out)
}

/// The include points (or the roots), then every OU below them but the excluded ones
/// (and what is below those), `concurrency` parents at once, each parent's OUs and
/// accounts listed side by side. Each account's OU path is spelt from its root by names
/// ([`path_from_root`]); the include points' own paths are looked up while the walk runs.
async fn walk(
    client: &aws_sdk_organizations::Client,
    org: &Organization,
    concurrency: usize,
) -> anyhow::Result<Vec<Member>> {
    let (prefixes, found) = if org.include_ous.is_empty() {
        let roots: Vec<(String, String)> =
            list_roots(client).await?.into_iter().filter(|(id, _)| !org.exclude_ous.contains(id)).collect();
        let (starts, prefixes): (Vec<String>, Vec<String>) = roots.into_iter().unzip();
        (prefixes, descend(client, org, concurrency, &starts).await?)
    } else {
        let prefixes = async {
            let roots = list_roots(client).await?;
            let mut out = Vec::with_capacity(org.include_ous.len());
            for id in &org.include_ous {
                out.push(path_from_root(client, id, &roots).await?);
            }
            anyhow::Ok(out)
        };
        tokio::try_join!(prefixes, descend(client, org, concurrency, &org.include_ous))?
    };
    let mut members: Vec<Member> = found
        .into_iter()
        .map(|(start, mut m)| {
            let below = m.ou_path.take().unwrap_or_default();
            let prefix = &prefixes[start];
            m.ou_path = Some(if below.is_empty() { prefix.clone() } else { format!("{prefix}/{below}") });
            m
        })
        .collect();
    members.sort_by(|a, b| a.ou_path.cmp(&b.ou_path).then(a.name.cmp(&b.name)));
    Ok(members)
}

/// Every root's id and name.
async fn list_roots(client: &aws_sdk_organizations::Client) -> anyhow::Result<Vec<(String, String)>> {
    const OP: &str = "ListRoots";
    let roots = Pages::all(OP, "Roots list", |token| async {
        let page = client
            .list_roots()
            .max_results(PAGE_SIZE)
            .set_next_token(token)
            .send()
            .await
            .map_err(|e| api_error(OP, e))?;
        anyhow::Ok((page.roots, page.next_token))
    })
    .await?;
    Ok(roots.iter().filter_map(|r| Some((r.id()?.to_string(), r.name().or(r.id())?.to_string()))).collect())
}

/// The accounts below `starts`, each with the index of the start it was reached from and
/// its OU path below that start (`prod/web`; empty for the start's own accounts) in
/// `ou_path`.
async fn descend(
    client: &aws_sdk_organizations::Client,
    org: &Organization,
    concurrency: usize,
    starts: &[String],
) -> anyhow::Result<Vec<(usize, Member)>> {
    let mut queue: VecDeque<(String, usize, String)> =
        starts.iter().enumerate().map(|(i, id)| (id.clone(), i, String::new())).collect();
    let mut visited: BTreeSet<String> = starts.iter().cloned().collect();
    let mut members = Vec::new();
    let mut ids = BTreeSet::new();
    let mut running = futures::stream::FuturesUnordered::new();
    loop {
        while running.len() < concurrency.max(1) {
            let Some((id, start, below)) = queue.pop_front() else { break };
            running.push(async move { visit(client, id, below).await.map(|v| (start, v)) });
        }
        let Some(done) = running.next().await else { break };
        let (start, (below, ous, accounts)) = done?;
        for a in accounts {
            if let Some(m) = member(&a, Some(below.clone()))
                && ids.insert(m.id.clone())
            {
                members.push((start, m));
            }
        }
        for ou in ous {
            let Some(id) = ou.id() else { continue };
            if org.exclude_ous.iter().any(|x| x == id) || !visited.insert(id.to_string()) {
                continue;
            }
            let name = ou.name().unwrap_or(id);
            let path = if below.is_empty() { name.to_string() } else { format!("{below}/{name}") };
            queue.push_back((id.to_string(), start, path));
        }
    }
    Ok(members)
}

/// The OU path of a root or OU as a walk from the root spells it, names not ids
/// (`Root/prod/web`, as the console shows it): so an account's path does not depend on
/// whether `include_ous` named its OU, an OU above it, or the root. One
/// DescribeOrganizationalUnit and one ListParents per level (OUs nest at most 5 deep).
async fn path_from_root(
    client: &aws_sdk_organizations::Client,
    id: &str,
    roots: &[(String, String)],
) -> anyhow::Result<String> {
    /// Deeper than Organizations allows: an answer that never reaches a root.
    const MAX_LEVELS: usize = 10;
    let mut names = Vec::new();
    let mut current = id.to_string();
    loop {
        if let Some((_, root)) = roots.iter().find(|(r, _)| *r == current) {
            names.push(root.clone());
            break;
        }
        anyhow::ensure!(names.len() < MAX_LEVELS, "include_ous `{id}`: no root within {MAX_LEVELS} levels above it");
        let described = client
            .describe_organizational_unit()
            .organizational_unit_id(&current)
            .send()
            .await
            .map_err(|e| api_error("DescribeOrganizationalUnit", e))
            .with_context(|| format!("include_ous `{id}`"))?;
        let ou = required(described.organizational_unit.as_ref(), "DescribeOrganizationalUnit", "OrganizationalUnit")?;
        let name = ou.name().unwrap_or(&current).to_string();
        let parents = client
            .list_parents()
            .child_id(&current)
            .send()
            .await
            .map_err(|e| api_error("ListParents", e))
            .with_context(|| format!("include_ous `{id}`"))?;
        let Some(parent) = parents.parents().first().and_then(|p| p.id()) else {
            anyhow::bail!("include_ous `{id}`: ListParents gave no parent of {current}");
        };
        names.push(name);
        current = parent.to_string();
    }
    names.reverse();
    Ok(names.join("/"))
}

type Visited =
    (String, Vec<aws_sdk_organizations::types::OrganizationalUnit>, Vec<aws_sdk_organizations::types::Account>);

/// One parent's child OUs and accounts, every page of each.
async fn visit(client: &aws_sdk_organizations::Client, id: String, path: String) -> anyhow::Result<Visited> {
    let ous = async {
        const OP: &str = "ListOrganizationalUnitsForParent";
        Pages::all(OP, "OrganizationalUnits list", |token| async {
            let page = client
                .list_organizational_units_for_parent()
                .parent_id(&id)
                .max_results(PAGE_SIZE)
                .set_next_token(token)
                .send()
                .await
                .map_err(|e| api_error(OP, e))?;
            anyhow::Ok((page.organizational_units, page.next_token))
        })
        .await
    };
    let accounts = async {
        const OP: &str = "ListAccountsForParent";
        Pages::all(OP, "Accounts list", |token| async {
            let page = client
                .list_accounts_for_parent()
                .parent_id(&id)
                .max_results(PAGE_SIZE)
                .set_next_token(token)
                .send()
                .await
                .map_err(|e| api_error(OP, e))?;
            anyhow::Ok((page.accounts, page.next_token))
        })
        .await
    };
    let (ous, accounts) = tokio::try_join!(ous, accounts).with_context(|| format!("listing {id}"))?;
    Ok((path, ous, accounts))
}

/// The `copy_tags` keys of each ACTIVE member, `concurrency` accounts at once.
async fn copy_tags(
    client: &aws_sdk_organizations::Client,
    org: &Organization,
    members: &mut [Member],
    concurrency: usize,
) -> anyhow::Result<()> {
    let wanted: Vec<(usize, String)> =
        members.iter().enumerate().filter(|(_, m)| m.active()).map(|(i, m)| (i, m.id.clone())).collect();
    let results: Vec<(usize, anyhow::Result<BTreeMap<String, String>>)> = futures::stream::iter(wanted)
        .map(|(i, id)| async move {
            let r = async {
                const OP: &str = "ListTagsForResource";
                let all = Pages::all(OP, "Tags list", |token| async {
                    let page = client
                        .list_tags_for_resource()
                        .resource_id(&id)
                        .set_next_token(token)
                        .send()
                        .await
                        .map_err(|e| api_error(OP, e))?;
                    anyhow::Ok((page.tags, page.next_token))
                })
                .await?;
                let wanted = all.iter().filter(|t| org.copy_tags.iter().any(|k| k == t.key()));
                anyhow::Ok(wanted.map(|t| (t.key().to_string(), t.value().to_string())).collect::<BTreeMap<_, _>>())
            };
            (i, r.await.with_context(|| format!("tags of account {id}")))
        })
        .buffer_unordered(concurrency.max(1))
        .collect()
        .await;
    for (i, r) in results {
        members[i].tags = r?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{Env, parse_and_resolve};

    fn config(extra: &str) -> Config {
        let text = format!(
            "[defaults]\nregions = [\"eu-west-1\"]\n{extra}\n[[organizations]]\nname = \"acme\"\nprofile = \"acme-mgmt\"\nrole_name = \"OpsKitRead\"\nexternal_id = \"acme-org-external-id\"\ntags = {{ customer = \"acme\", team = \"static\" }}\n"
        );
        parse_and_resolve(&text, None, &Env::from_pairs(&[])).unwrap()
    }

    fn m(id: &str, name: &str, state: &str) -> Member {
        Member { id: id.into(), name: name.into(), state: state.into(), ou_path: None, tags: BTreeMap::new() }
    }

    fn snap(accounts: Vec<Member>) -> Snapshot {
        Snapshot {
            version: SNAPSHOT_VERSION,
            fingerprint: String::new(),
            organization_id: "o-abcdefghij".into(),
            management_account: "999999999999".into(),
            caller_account: "999999999999".into(),
            partition: "aws-cn".into(),
            accounts,
        }
    }

    #[test]
    fn members_become_accounts_with_the_role_partition_external_id_and_tags() {
        let c = config("");
        let mut tagged = m("111111111111", "prod", "ACTIVE");
        tagged.tags.insert("team".into(), "web".into());
        let found = vec![(
            c.organizations[0].clone(),
            Some(snap(vec![m("999999999999", "management", "ACTIVE"), tagged, m("222222222222", "old", "SUSPENDED")])),
            Source::Live,
        )];
        let (accounts, reports) = apply(&c, &found);
        assert_eq!(accounts.len(), 2);
        let mgmt = &accounts[0];
        assert_eq!((mgmt.role_arn.as_deref(), mgmt.profile.as_deref()), (None, Some("acme-mgmt")));
        assert!(mgmt.external_id.is_none(), "no role, no external id");
        let prod = &accounts[1];
        assert_eq!(prod.role_arn.as_deref(), Some("arn:aws-cn:iam::111111111111:role/OpsKitRead"));
        assert_eq!(prod.external_id.as_ref().unwrap().get().unwrap().expose(), "acme-org-external-id");
        // No `regions` on the organization: resolved later, like any account's (defaults last).
        assert_eq!((prod.regions.len(), &prod.regions_from), (0, &crate::config::RegionSource::Pending));
        assert_eq!(prod.tags["organization"], "acme");
        assert_eq!(prod.tags["customer"], "acme");
        assert_eq!(prod.tags["team"], "web", "a copied tag wins over a static one");
        let d = Discovery { organizations: reports };
        let skipped = d.skipped(&[], None);
        assert_eq!(skipped.len(), 1);
        assert_eq!(skipped[0].target, "old (222222222222)");
        assert!(skipped[0].message.contains("SUSPENDED in organization acme"), "{}", skipped[0].message);
        assert!(d.skipped(&["prod".into()], None).is_empty(), "--account narrows the skipped list too");
        let per_shard: usize =
            (0..4).map(|k| d.skipped(&[], Some(crate::shard::Shard { index: k, count: 4 })).len()).sum();
        assert_eq!(per_shard, skipped.len(), "each skipped account is named by exactly one shard");
    }

    #[test]
    fn duplicate_and_clashing_names_fall_back_to_the_id_and_configured_ids_win() {
        let c = config(
            "[[accounts]]\nname = \"legacy\"\nid = \"333333333333\"\nprofile = \"legacy\"\n[[accounts]]\nname = \"web\"\nprofile = \"web\"\n",
        );
        let found = vec![(
            c.organizations[0].clone(),
            Some(snap(vec![
                m("111111111111", "shared", "ACTIVE"),
                m("222222222222", "shared", "ACTIVE"),
                m("333333333333", "legacy-in-org", "ACTIVE"),
                m("444444444444", "web", "ACTIVE"),
                m("555555555555", "", "ACTIVE"),
                m("666666666666", "unique", "ACTIVE"),
            ])),
            Source::Live,
        )];
        let (accounts, reports) = apply(&c, &found);
        let names: Vec<&str> = accounts.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(names, ["111111111111", "222222222222", "444444444444", "555555555555", "unique"]);
        let legacy = reports[0].accounts.iter().find(|a| a.id == "333333333333").unwrap();
        assert_eq!((legacy.reached_by.as_str(), legacy.name.as_str()), ("configured", "legacy"));
    }

    #[test]
    fn the_fingerprint_follows_the_listing_settings_only() {
        let c = config("");
        let mut o = c.organizations[0].clone();
        let a = fingerprint(&o);
        o.role_name = "Other".into();
        o.tags.clear();
        assert_eq!(a, fingerprint(&o), "role and static tags are applied to the cache");
        o.include_ous = vec!["ou-ab12-cd34ef56".into()];
        assert_ne!(a, fingerprint(&o));
    }

    #[test]
    fn api_region_follows_the_partition() {
        let mut o = config("").organizations[0].clone();
        assert_eq!(api_region(&o), "us-east-1");
        o.regions = vec!["cn-north-1".into()];
        assert_eq!(api_region(&o), "cn-northwest-1");
    }
}
