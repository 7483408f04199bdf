//! AWS targets: one `SdkConfig` per (account, region), from a profile or an assumed role
//! (with external id), and a fan-out that runs a future per target with bounded
//! concurrency and a per-target timeout. One target's failure is reported against it and
//! never hides the others.
//!
//! Endpoint overrides (`AWS_ENDPOINT_URL`, `AWS_ENDPOINT_URL_<SERVICE>`, `endpoint_url` in
//! profiles) are honoured by aws-config itself, so every client can point at loopback.

use crate::config::{Account, Config};
use crate::error::{AppError, AppResult};
use aws_config::{BehaviorVersion, Region, SdkConfig};
use aws_credential_types::provider::SharedCredentialsProvider;
use futures::StreamExt;
use std::collections::{HashMap, HashSet};
use std::future::Future;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::OnceCell;

pub mod acm;
pub mod answer;
pub mod autoscaling;
pub mod cloudwatch;
pub mod directconnect;
pub mod dynamodb;
pub mod ec2;
pub mod elb;
pub mod failure;
pub mod health;
pub mod iam;
pub mod lambda;
pub mod query;
pub mod rds;
pub mod rest;
pub mod rest_json;
pub mod route53;
pub mod s3api;
pub mod sns;
pub mod sqs;
pub mod ssm;
pub mod support;
pub mod trustedadvisor;

/// One (account, region) to work on.
#[derive(Debug, Clone)]
pub struct Target {
    pub account: Account,
    pub region: String,
}

impl Target {
    /// `acme-prod/ap-northeast-1`: how a target is named in reports and errors.
    pub fn label(&self) -> String {
        format!("{}/{}", self.account.name, self.region)
    }

    /// What `--shard` hashes: the account (its id, or its name when the config has no id),
    /// not the region, so every command — per region or per account — gives a host the
    /// same accounts, and an account's pages or cases are never split between hosts.
    pub fn shard_key(&self) -> String {
        self.account_label()
    }

    /// How findings name the account: its id when the config has one, else its name.
    pub fn account_label(&self) -> String {
        self.account.id.clone().unwrap_or_else(|| self.account.name.clone())
    }
}

/// For global services (Trusted Advisor, Support): one target per selected account, in
/// `region`, whatever regions the account lists. `what` completes "no account to …".
pub fn account_targets(config: &Config, accounts: &[String], region: &str, what: &str) -> AppResult<Vec<Target>> {
    // Their APIs are global: an account's regions do not matter here, so one that has none
    // is not refused.
    let mut targets = Vec::new();
    for a in selected_accounts(config, accounts)? {
        // As in `select_targets`: a selected account whose external id cannot be read stops
        // the run naming the key (exit 2).
        Config::external_id(a)?;
        targets.push(Target { account: a.clone(), region: region.into() });
    }
    let targets = in_shard(config, targets);
    if targets.is_empty() && config.shard.is_none() {
        return Err(AppError::usage(format!(
            "no account to {what}\nhint: add [[accounts]] to the config, or pass --profile NAME --region REGION for one account"
        )));
    }
    Ok(targets)
}

/// The targets selected by `--account` / `--region` (names or ids; empty = all).
/// With `--shard`, only the accounts of this run's shard.
pub fn select_targets(config: &Config, accounts: &[String], regions: &[String]) -> AppResult<Vec<Target>> {
    let mut out = Vec::new();
    for acc in selected_accounts(config, accounts)? {
        // A selected account whose external id cannot be read stops the run naming the key
        // and variable (exit 2); accounts the run does not select are not asked.
        Config::external_id(acc)?;
        // An account nothing names a region for is refused, never polled somewhere else:
        // `--region` names them, or the run stops here (exit 2) naming the account.
        if acc.regions.is_empty() {
            if !regions.is_empty() {
                out.extend(regions.iter().map(|r| Target { account: acc.clone(), region: r.clone() }));
                continue;
            }
            let why = acc.region_error().unwrap_or_else(|| {
                format!("account `{}`: its regions were never resolved (a bug: please report it)", acc.name)
            });
            return Err(AppError::usage(why));
        }
        for r in &acc.regions {
            if regions.is_empty() || regions.contains(r) {
                out.push(Target { account: acc.clone(), region: r.clone() });
            }
        }
    }
    // A `--region` no selected account works in would silently poll nothing there: say
    // which regions are configured instead.
    if let Some(r) = regions.iter().find(|r| !out.iter().any(|t| &t.region == *r)) {
        let mut configured: Vec<&str> = out_regions(config, accounts)?;
        configured.sort_unstable();
        configured.dedup();
        return Err(AppError::usage(format!(
            "--region: no selected account is configured in `{r}`\nhint: configured regions: {}",
            if configured.is_empty() { "(none)".to_string() } else { configured.join(", ") }
        )));
    }
    Ok(in_shard(config, out))
}

/// The regions the accounts `--account` selects are configured in.
fn out_regions<'c>(config: &'c Config, accounts: &[String]) -> AppResult<Vec<&'c str>> {
    Ok(selected_accounts(config, accounts)?.into_iter().flat_map(|a| a.regions.iter().map(String::as_str)).collect())
}

/// The accounts `--account` selects (names or ids; empty = all), each named one known.
/// Sets, not scans: a config of 200k accounts and an `--account` list of thousands select in
/// linear time.
fn selected_accounts<'c>(config: &'c Config, accounts: &[String]) -> AppResult<Vec<&'c Account>> {
    if accounts.is_empty() {
        return Ok(config.accounts.iter().collect());
    }
    let known: HashSet<&str> =
        config.accounts.iter().flat_map(|a| std::iter::once(a.name.as_str()).chain(a.id.as_deref())).collect();
    if let Some(a) = accounts.iter().find(|a| !known.contains(a.as_str())) {
        // The hint lists the first few: a list of 200k names helps nobody.
        const SHOWN: usize = 20;
        let mut names: Vec<&str> = config.accounts.iter().take(SHOWN).map(|a| a.name.as_str()).collect();
        let more = config.accounts.len().saturating_sub(SHOWN);
        let more = if more > 0 { format!(" and {more} more") } else { String::new() };
        if names.is_empty() {
            names.push("(none)");
        }
        return Err(AppError::usage(format!(
            "--account: no account `{a}` in the config\nhint: configured accounts: {}{more}",
            names.join(", ")
        )));
    }
    let wanted: HashSet<&str> = accounts.iter().map(String::as_str).collect();
    Ok(config
        .accounts
        .iter()
        .filter(|acc| wanted.contains(acc.name.as_str()) || acc.id.as_deref().is_some_and(|id| wanted.contains(id)))
        .collect())
}

/// The AWS config files' profiles and the variables that choose them, read once.
struct Profiles {
    set: Option<aws_config::profile::ProfileSet>,
    /// Why the files could not be read, when they could not.
    error: Option<String>,
}

/// The variables the AWS SDK reads to find its config files and the selected profile,
/// taken from opskit's one environment reader so tests can pin them.
const PROFILE_ENV: &[&str] =
    &["AWS_CONFIG_FILE", "AWS_SHARED_CREDENTIALS_FILE", "AWS_PROFILE", "HOME", "USERPROFILE", "HOMEDRIVE", "HOMEPATH"];

async fn read_profiles(env: &crate::config::Env) -> Profiles {
    let vars: HashMap<String, String> =
        PROFILE_ENV.iter().filter_map(|k| env.get(k).map(|v| (k.to_string(), v))).collect();
    let sdk_env = aws_types::os_shim_internal::Env::from(vars);
    let fs = aws_types::os_shim_internal::Fs::real();
    let files = aws_runtime::env_config::file::EnvConfigFiles::default();
    match aws_config::profile::load(&fs, &sdk_env, &files, None).await {
        Ok(set) => Profiles { set: Some(set), error: None },
        Err(e) => Profiles { set: None, error: Some(format!("the AWS config files could not be read: {e}")) },
    }
}

impl Profiles {
    /// The `region` a profile names: `Ok(None)` when it names none (or does not exist).
    fn region(&self, profile: &str) -> Result<Option<String>, String> {
        let Some(set) = &self.set else { return Ok(None) };
        match set.get_profile(profile).and_then(|p| p.get("region")).map(str::trim) {
            Some(r) if crate::config::region_ok(r) => Ok(Some(r.to_string())),
            Some(r) => Err(format!("profile `{profile}` has `region = {r}`, which is not a region name")),
            None => Ok(None),
        }
    }

    fn selected(&self) -> Option<String> {
        self.set.as_ref().map(|s| s.selected_profile().to_string())
    }
}

/// Of `names` (profiles the config names), those not in the AWS config and credentials
/// files (`AWS_CONFIG_FILE`, `AWS_SHARED_CREDENTIALS_FILE` honoured), each with the nearest
/// profile that is; read locally, no AWS call. `Err` when the files cannot be read.
pub async fn missing_profiles<'n>(
    env: &crate::config::Env,
    names: impl IntoIterator<Item = &'n str>,
) -> Result<Vec<(&'n str, Option<String>)>, String> {
    let profiles = read_profiles(env).await;
    if let Some(e) = profiles.error {
        return Err(e);
    }
    let Some(set) = profiles.set else { return Ok(Vec::new()) };
    Ok(names
        .into_iter()
        .filter(|n| set.get_profile(n).is_none())
        .map(|n| (n, crate::config::did_you_mean(n, set.profiles()).map(str::to_string)))
        .collect())
}

/// Give every account whose entry names no `regions` the regions the AWS CLI would use
/// for it: its profile's `region`, else `AWS_REGION` / `AWS_DEFAULT_REGION`, else (for an
/// account without a profile) the default profile's, else `defaults.regions`. An account
/// still without one is marked [`crate::config::RegionSource::Unresolved`] with the reason,
/// and any command that works per region refuses it. Never a region nobody named.
pub async fn resolve_regions(config: &mut Config, env: &crate::config::Env) {
    use crate::config::RegionSource;
    if config.accounts.iter().all(|a| a.regions_from != RegionSource::Pending) {
        return;
    }
    let profiles = read_profiles(env).await;
    let from_env = ["AWS_REGION", "AWS_DEFAULT_REGION"]
        .iter()
        .find_map(|k| env.get(k).map(|v| (k.to_string(), v.trim().to_string())));
    let defaults = config.defaults.regions.clone();
    for acc in config.accounts.iter_mut().filter(|a| a.regions_from == RegionSource::Pending) {
        let mut tried = Vec::new();
        match region_chain(acc.profile.as_deref(), &profiles, from_env.as_ref(), &defaults, &mut tried) {
            Ok(Some((regions, from))) => {
                tracing::debug!(account = %acc.name, ?regions, from = %from, "regions resolved");
                acc.regions = regions;
                acc.regions_from = from;
            }
            Ok(None) => {
                if let Some(e) = &profiles.error {
                    tried.push(e.clone());
                }
                acc.regions_from = RegionSource::Unresolved(tried.join("; "));
            }
            Err(e) => acc.regions_from = RegionSource::Unresolved(e),
        }
    }
}

/// One account's regions by the chain of [`resolve_regions`]; `tried` collects why each
/// link gave none, for the error when none does. A link that names something that is not
/// a region is an error, not a reason to go on down the chain.
fn region_chain(
    profile: Option<&str>,
    profiles: &Profiles,
    from_env: Option<&(String, String)>,
    defaults: &[String],
    tried: &mut Vec<String>,
) -> Result<Option<(Vec<String>, crate::config::RegionSource)>, String> {
    use crate::config::RegionSource;
    let of_profile = |p: &str, tried: &mut Vec<String>| -> Result<Option<_>, String> {
        let r = profiles.region(p)?;
        if r.is_none() {
            tried.push(format!("profile `{p}` names no region"));
        }
        Ok(r.map(|r| (vec![r], RegionSource::Profile(p.to_string()))))
    };
    if let Some(p) = profile
        && let Some(hit) = of_profile(p, tried)?
    {
        return Ok(Some(hit));
    }
    match from_env {
        Some((k, v)) if crate::config::region_ok(v) => {
            return Ok(Some((vec![v.clone()], RegionSource::Environment(k.clone()))));
        }
        Some((k, v)) => return Err(format!("{k} is `{v}`, which is not a region name")),
        None => tried.push("AWS_REGION is not set".into()),
    }
    // Without a profile of its own, the account uses the default chain's: AWS_PROFILE or
    // `default`, which the SDK consults after the environment.
    if profile.is_none()
        && let Some(p) = profiles.selected()
        && let Some(hit) = of_profile(&p, tried)?
    {
        return Ok(Some(hit));
    }
    if defaults.is_empty() {
        tried.push("defaults.regions is empty".into());
        return Ok(None);
    }
    Ok(Some((defaults.to_vec(), RegionSource::Defaults)))
}

/// The targets of this run's `--shard`, all of them without one.
fn in_shard(config: &Config, targets: Vec<Target>) -> Vec<Target> {
    let Some(shard) = config.shard else { return targets };
    let all = targets.len();
    let mine: Vec<Target> = targets.into_iter().filter(|t| shard.owns(&t.shard_key())).collect();
    tracing::info!("shard {shard}: {} of {all} targets", mine.len());
    mine
}

/// Where AWS calls go: the real endpoints with each account's credentials, or one endpoint
/// for every service with credentials the caller chooses per account (the demo's sandbox).
/// SDK configs are built once per account and shared by all its regions, so a role is
/// assumed once per account per run, not once per region.
pub struct AwsSession {
    endpoint: Option<Endpoint>,
    accounts: tokio::sync::Mutex<HashMap<String, Arc<OnceCell<SdkConfig>>>>,
    /// One credentials provider per profile, shared by every account that names it: the
    /// source credentials of 2,500 discovered accounts' roles are one profile's, read once.
    profiles: std::sync::Mutex<HashMap<String, SharedCredentialsProvider>>,
    /// One STS client per (source profile, region), shared by every role assumed from it:
    /// a client per account was a third of the memory of a poll over 2,500 roles.
    sts: std::sync::Mutex<HashMap<(Option<String>, String), aws_sdk_sts::Client>>,
    /// One HTTPS client (TLS setup, connection pools) for every account's clients and
    /// credential providers, instead of one per client: measurable over 800 targets.
    http: aws_smithy_runtime_api::client::http::SharedHttpClient,
    base: OnceCell<SdkConfig>,
}

/// Credential providers the shared identity cache keeps apart (one per account, plus one
/// per profile). The SDK's default, 64, evicts a provider's cached credentials while its
/// account is still being worked on, once more than 64 accounts are: over 2,500 assumed
/// roles, 1,570 roles were assumed twice.
const MAX_CREDENTIAL_PROVIDERS: usize = 1 << 20;

/// Idle connections kept per host (see [`shared_http_client`]).
const MAX_IDLE_PER_HOST: usize = 64;

fn shared_http_client() -> aws_smithy_runtime_api::client::http::SharedHttpClient {
    use aws_smithy_http_client::tls::{Provider, rustls_provider::CryptoMode};
    // Idle connections keep their read buffers (grown to the largest answer they carried,
    // e.g. 150 kB of DescribeInstances XML): an inventory at concurrency 32 has ~300 calls
    // in flight, and keeping them all idle against one endpoint cost 22 MB of 160 MB peak.
    // 64 per host is more than real AWS needs (one host per service and region).
    let inner = aws_smithy_http_client::Builder::new()
        .pool_max_idle_per_host(MAX_IDLE_PER_HOST)
        .tls_provider(Provider::Rustls(CryptoMode::AwsLc))
        .build_https();
    aws_smithy_runtime_api::client::http::SharedHttpClient::new(ValidatedOnce(inner))
}

/// The SDK's HTTPS client, minus the check it runs each time a service client is built:
/// that check builds a whole TLS connector (root certificates parsed) and throws it away,
/// which over 800 (account, region) clients was a fifth of a poll's CPU. The connector is
/// still built, once, on first use, and cached by the inner client.
#[derive(Debug)]
struct ValidatedOnce(aws_smithy_runtime_api::client::http::SharedHttpClient);

impl aws_smithy_runtime_api::client::http::HttpClient for ValidatedOnce {
    fn http_connector(
        &self,
        settings: &aws_smithy_runtime_api::client::http::HttpConnectorSettings,
        components: &aws_smithy_runtime_api::client::runtime_components::RuntimeComponents,
    ) -> aws_smithy_runtime_api::client::http::SharedHttpConnector {
        self.0.http_connector(settings, components)
    }

    fn connector_metadata(&self) -> Option<aws_smithy_runtime_api::client::connector_metadata::ConnectorMetadata> {
        self.0.connector_metadata()
    }
}

/// One endpoint for every service, and the credentials each account signs with there.
struct Endpoint {
    url: String,
    credentials_for: Arc<CredentialsFor>,
}

/// The credentials of an account id (`None`: the session's own identity, the one roles are
/// assumed from).
pub type CredentialsFor = dyn Fn(Option<&str>) -> aws_credential_types::Credentials + Send + Sync;

impl Default for AwsSession {
    fn default() -> Self {
        AwsSession::new()
    }
}

impl AwsSession {
    pub fn new() -> AwsSession {
        AwsSession {
            endpoint: None,
            accounts: Default::default(),
            profiles: Default::default(),
            sts: Default::default(),
            http: shared_http_client(),
            base: OnceCell::new(),
        }
    }

    /// The HTTPS client every AWS client of the run shares (the DynamoDB state store's too).
    pub fn http_client(&self) -> aws_smithy_runtime_api::client::http::SharedHttpClient {
        self.http.clone()
    }

    /// Every call goes to `url`, signed with `credentials_for(account id)`: profiles are not
    /// used; an account with a role assumes it through that endpoint's STS from the
    /// session's own identity (`credentials_for(None)`), as from an ops account.
    pub fn with_endpoint(
        url: &str,
        credentials_for: impl Fn(Option<&str>) -> aws_credential_types::Credentials + Send + Sync + 'static,
    ) -> AwsSession {
        let endpoint = Endpoint { url: url.to_string(), credentials_for: Arc::new(credentials_for) };
        AwsSession { endpoint: Some(endpoint), ..AwsSession::new() }
    }

    /// The SDK config for `account` in `region`.
    pub async fn config(&self, account: &Account, region: &str) -> SdkConfig {
        let cell = {
            let mut map = self.accounts.lock().await;
            map.entry(account.name.clone()).or_default().clone()
        };
        let base = cell.get_or_init(|| self.load(account, account.regions.first().map_or("us-east-1", |r| r))).await;
        base.to_builder().region(Region::new(region.to_string())).build()
    }

    /// What every account shares: the environment's and the default profile's settings
    /// (endpoint overrides, retries), the HTTP client, and the default credential chain for
    /// accounts that name no profile. Loaded once: each load parses the AWS config files
    /// and keeps a copy, which over hundreds of accounts was most of the memory.
    async fn base(&self) -> SdkConfig {
        self.base
            .get_or_init(|| async {
                let mut loader = aws_config::defaults(BehaviorVersion::latest())
                    .http_client(self.http.clone())
                    .identity_cache(
                        aws_config::identity::IdentityCache::lazy().max_partitions(MAX_CREDENTIAL_PROVIDERS).build(),
                    )
                    .region(Region::new("us-east-1"));
                if let Some(endpoint) = &self.endpoint {
                    loader = loader.endpoint_url(&endpoint.url).credentials_provider((endpoint.credentials_for)(None));
                }
                let config = loader.load().await;
                // The default chain holds the SDK's profile provider too: its failure (an
                // AWS_PROFILE nobody defined) must reach every region, not only the first.
                match config.credentials_provider() {
                    Some(chain) if self.endpoint.is_none() => config
                        .into_builder()
                        .credentials_provider(SharedCredentialsProvider::new(Cached::new(chain)))
                        .build(),
                    _ => config,
                }
            })
            .await
            .clone()
    }

    /// One account's config: the base with its own credentials (its profile's, or the
    /// endpoint's), then the role to assume, if any, with its external id.
    async fn load(&self, account: &Account, region: &str) -> SdkConfig {
        let mut builder = self.base().await.into_builder().region(Region::new(region.to_string()));
        if let Some(endpoint) = &self.endpoint {
            // A role is assumed through the endpoint's STS from the session's identity, so a
            // denied role is denied there too; without one, the account signs as itself.
            if account.role_arn.is_none() {
                let creds = (endpoint.credentials_for)(account.id.as_deref());
                builder = builder.credentials_provider(SharedCredentialsProvider::new(creds));
                return builder.build();
            }
        } else if let Some(p) = &account.profile {
            builder = builder.credentials_provider(self.profile_credentials(p, region));
        }
        let config = builder.build();
        let Some(role) = &account.role_arn else { return config };
        let sts = {
            let mut map = self.sts.lock().unwrap_or_else(|e| e.into_inner());
            let key = (account.profile.clone(), region.to_string());
            map.entry(key).or_insert_with(|| aws_sdk_sts::Client::new(&config)).clone()
        };
        let provider = AssumeRole {
            role_arn: role.clone(),
            external_id: account.external_id.clone(),
            session_name: account.session_name.clone(),
            sts,
            failed: std::sync::Mutex::new(None),
            kept: tokio::sync::Mutex::new(None),
        };
        config.into_builder().credentials_provider(SharedCredentialsProvider::new(provider)).build()
    }

    /// The profile's own credentials (keys, SSO, credential_process, role chains), not the
    /// default chain: otherwise AWS_ACCESS_KEY_ID in the environment would silently win
    /// over the profile the config names. One provider per profile, its answer kept until
    /// it expires, for every account that names the profile.
    fn profile_credentials(&self, profile: &str, region: &str) -> SharedCredentialsProvider {
        let mut map = self.profiles.lock().unwrap_or_else(|e| e.into_inner());
        map.entry(profile.to_string())
            .or_insert_with(|| {
                let pc = aws_config::provider_config::ProviderConfig::without_region()
                    .with_http_client(self.http.clone())
                    .with_region(Some(Region::new(region.to_string())));
                let creds = aws_config::profile::ProfileFileCredentialsProvider::builder()
                    .configure(&pc)
                    .profile_name(profile)
                    .build();
                SharedCredentialsProvider::new(Cached::new(creds))
            })
            .clone()
    }
}

/// A role that could not be assumed: the role, and what STS (or the way to it) said. Its
/// text is what a target's error shows: `cannot assume arn:aws:iam::…:role/R: AccessDenied: …`.
#[derive(Debug, Clone)]
pub struct AssumeFailed {
    pub role_arn: String,
    /// STS's error code (`AccessDenied`), when it answered with one.
    pub code: Option<String>,
    text: String,
}

impl std::fmt::Display for AssumeFailed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "cannot assume {}: {}", self.role_arn, self.text)
    }
}

impl std::error::Error for AssumeFailed {}

impl AssumeFailed {
    fn from_sdk_error(
        role_arn: &str,
        e: &aws_smithy_runtime_api::client::result::SdkError<
            aws_sdk_sts::operation::assume_role::AssumeRoleError,
            aws_smithy_runtime_api::client::orchestrator::HttpResponse,
        >,
    ) -> Self {
        // `cannot assume R: AccessDenied: …` says it already; the operation's name is noise.
        let f = failure::classify("AssumeRole", e);
        AssumeFailed { role_arn: role_arn.to_string(), code: f.code, text: f.message }
    }
}

/// How long a refused role is not asked again: every call of a denied account within a
/// poll fails at once with the same answer instead of asking STS once per call.
const ASSUME_FAILURE_MEMORY: Duration = Duration::from_secs(30);

/// An assumed role's credentials (STS AssumeRole with the session name and external id,
/// through the client shared by the roles of one source profile), whose failures say which
/// role could not be assumed and why ([`AssumeFailed`]), remembered for
/// [`ASSUME_FAILURE_MEMORY`]. The credentials are kept until five minutes before they
/// expire: the SDK clients' identity cache would keep them too, but opskit's own EC2 client
/// ([`query`]) has none, and must not assume the role once per call.
#[derive(Debug)]
struct AssumeRole {
    role_arn: String,
    external_id: Option<crate::config::ConfigSecret>,
    session_name: String,
    sts: aws_sdk_sts::Client,
    failed: std::sync::Mutex<Option<(std::time::Instant, AssumeFailed)>>,
    kept: tokio::sync::Mutex<Option<aws_credential_types::Credentials>>,
}

impl AssumeRole {
    async fn assume(&self) -> Result<aws_credential_types::Credentials, AssumeFailed> {
        // Target selection refuses an account whose external id cannot be read (exit 2);
        // should one get here, the role is not assumed without it.
        let external_id = match self.external_id.as_ref().map(crate::config::ConfigSecret::get).transpose() {
            Ok(id) => id.map(|s| s.expose().to_string()),
            Err(e) => return Err(AssumeFailed { role_arn: self.role_arn.clone(), code: None, text: e.to_string() }),
        };
        let out = self
            .sts
            .assume_role()
            .role_arn(&self.role_arn)
            .role_session_name(&self.session_name)
            .set_external_id(external_id)
            .send()
            .await
            .map_err(|e| AssumeFailed::from_sdk_error(&self.role_arn, &e))?;
        let missing = || AssumeFailed {
            role_arn: self.role_arn.clone(),
            code: None,
            text: "STS answered without credentials".into(),
        };
        let c = out.credentials().ok_or_else(missing)?;
        let expiry = std::time::SystemTime::try_from(*c.expiration()).ok();
        Ok(aws_credential_types::Credentials::new(
            c.access_key_id(),
            c.secret_access_key(),
            Some(c.session_token().to_string()),
            expiry,
            "opskit-assume-role",
        ))
    }
}

impl aws_credential_types::provider::ProvideCredentials for AssumeRole {
    fn provide_credentials<'a>(&'a self) -> aws_credential_types::provider::future::ProvideCredentials<'a>
    where
        Self: 'a,
    {
        use aws_credential_types::provider::error::CredentialsError;
        aws_credential_types::provider::future::ProvideCredentials::new(async move {
            // Held across the call, so that a target's calls at once assume the role once, and
            // the ones that waited see its failure below instead of asking again.
            let mut kept = self.kept.lock().await;
            let recent = {
                let failed = self.failed.lock().unwrap_or_else(|e| e.into_inner());
                failed.as_ref().filter(|(at, _)| at.elapsed() < ASSUME_FAILURE_MEMORY).map(|(_, f)| f.clone())
            };
            if let Some(f) = recent {
                return Err(CredentialsError::provider_error(f));
            }
            let fresh = |c: &aws_credential_types::Credentials| {
                c.expiry().is_none_or(|x| x > std::time::SystemTime::now() + Duration::from_secs(300))
            };
            if let Some(c) = kept.as_ref().filter(|c| fresh(c)) {
                return Ok(c.clone());
            }
            match self.assume().await {
                Ok(c) => {
                    *kept = Some(c.clone());
                    Ok(c)
                }
                Err(f) => {
                    *self.failed.lock().unwrap_or_else(|e| e.into_inner()) =
                        Some((std::time::Instant::now(), f.clone()));
                    Err(CredentialsError::provider_error(f))
                }
            }
        })
    }
}

/// A credentials provider whose answer is kept until five minutes before it expires
/// (forever for keys without an expiry), shared by the accounts of one profile.
///
/// Its failure is kept too, for [`ASSUME_FAILURE_MEMORY`]: the SDK's profile provider hands
/// its set-up error (an unknown profile) to the first caller only and answers every later
/// one "initialization error already taken", so the second region of an account would
/// report that instead of the cause.
#[derive(Debug)]
struct Cached<P> {
    inner: P,
    kept: tokio::sync::Mutex<Kept>,
}

#[derive(Debug, Default)]
struct Kept {
    credentials: Option<aws_credential_types::Credentials>,
    failed: Option<(std::time::Instant, KeptFailure)>,
}

/// A credentials error, kept as its variant and text (the SDK's is not `Clone`).
#[derive(Debug, Clone)]
struct KeptFailure {
    not_loaded: bool,
    text: String,
}

impl KeptFailure {
    fn of(e: &aws_credential_types::provider::error::CredentialsError) -> KeptFailure {
        use aws_credential_types::provider::error::CredentialsError;
        // The variant's own text is generic ("the credential provider was not enabled"):
        // the cause is in its source.
        let source = std::error::Error::source(e).map(|s| s.to_string());
        let text = source.unwrap_or_else(|| e.to_string());
        KeptFailure { not_loaded: matches!(e, CredentialsError::CredentialsNotLoaded(_)), text }
    }

    fn error(&self) -> aws_credential_types::provider::error::CredentialsError {
        use aws_credential_types::provider::error::CredentialsError;
        if self.not_loaded {
            CredentialsError::not_loaded(self.text.clone())
        } else {
            CredentialsError::provider_error(self.text.clone())
        }
    }
}

impl<P> Cached<P> {
    fn new(inner: P) -> Cached<P> {
        Cached { inner, kept: tokio::sync::Mutex::new(Kept::default()) }
    }
}

impl<P: aws_credential_types::provider::ProvideCredentials> aws_credential_types::provider::ProvideCredentials
    for Cached<P>
{
    fn provide_credentials<'a>(&'a self) -> aws_credential_types::provider::future::ProvideCredentials<'a>
    where
        Self: 'a,
    {
        aws_credential_types::provider::future::ProvideCredentials::new(async move {
            // Held across the load, so that 100 accounts starting at once load it once.
            let mut kept = self.kept.lock().await;
            let fresh = |c: &aws_credential_types::Credentials| {
                c.expiry().is_none_or(|x| x > std::time::SystemTime::now() + Duration::from_secs(300))
            };
            if let Some(c) = kept.credentials.as_ref().filter(|c| fresh(c)) {
                return Ok(c.clone());
            }
            if let Some((_, f)) = kept.failed.as_ref().filter(|(at, _)| at.elapsed() < ASSUME_FAILURE_MEMORY) {
                return Err(f.error());
            }
            match self.inner.provide_credentials().await {
                Ok(c) => {
                    kept.credentials = Some(c.clone());
                    kept.failed = None;
                    Ok(c)
                }
                Err(e) => {
                    let f = KeptFailure::of(&e);
                    // Past the memory, the SDK's provider may only say its error was taken:
                    // the cause kept is still the cause.
                    let f = match (&kept.failed, f.text.contains("already taken")) {
                        (Some((_, old)), true) => old.clone(),
                        _ => f,
                    };
                    kept.failed = Some((std::time::Instant::now(), f.clone()));
                    Err(f.error())
                }
            }
        })
    }
}

/// The SDK config a sink (SNS) publishes with: a named account's, a profile's, or the
/// default chain's, in `region`.
pub async fn sdk_config_for(
    session: &AwsSession,
    config: &Config,
    account: Option<&str>,
    profile: Option<&str>,
    region: &str,
) -> SdkConfig {
    if let Some(acc) = account.and_then(|a| config.account(a)) {
        return session.config(acc, region).await;
    }
    let mut loader = aws_config::defaults(BehaviorVersion::latest()).region(Region::new(region.to_string()));
    if let Some(p) = profile {
        // The session's provider for the profile: shared with the accounts that name it,
        // and keeping its failure, so a second send is told the cause, not "already taken".
        loader = loader.profile_name(p).credentials_provider(session.profile_credentials(p, region));
    }
    loader.load().await
}

/// Run `work` for every target, at most `concurrency` at once, each bounded by `timeout`.
/// Results come back in target order, each with its own outcome.
pub async fn fan_out<T, F, Fut>(
    targets: Vec<Target>,
    concurrency: usize,
    timeout: Duration,
    work: F,
) -> Vec<(Target, anyhow::Result<T>)>
where
    F: Fn(Target) -> Fut,
    Fut: Future<Output = anyhow::Result<T>>,
{
    fan_out_with_progress(targets, concurrency, timeout, None, work).await
}

/// A progress bar on stderr for a fan-out, when stderr is a terminal and the run is not
/// `--quiet`; `None` otherwise (cron, CI, pipes see nothing).
pub fn progress_bar(what: &str, targets: usize, quiet: bool) -> Option<indicatif::ProgressBar> {
    use std::io::IsTerminal;
    if quiet || targets < 2 || !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = indicatif::ProgressBar::new(targets as u64);
    let style = indicatif::ProgressStyle::with_template("{spinner} {msg} {pos}/{len} targets [{elapsed}]")
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar());
    bar.set_style(style);
    bar.set_message(what.to_string());
    bar.enable_steady_tick(Duration::from_millis(120));
    Some(bar)
}

/// [`fan_out`], ticking `progress` as each target finishes.
pub async fn fan_out_with_progress<T, F, Fut>(
    targets: Vec<Target>,
    concurrency: usize,
    timeout: Duration,
    progress: Option<&indicatif::ProgressBar>,
    work: F,
) -> Vec<(Target, anyhow::Result<T>)>
where
    F: Fn(Target) -> Fut,
    Fut: Future<Output = anyhow::Result<T>>,
{
    let work = &work;
    let mut results: Vec<(usize, Target, anyhow::Result<T>)> = futures::stream::iter(targets.into_iter().enumerate())
        .map(|(i, t)| async move {
            let label = t.label();
            let r = match tokio::time::timeout(timeout, work(t.clone())).await {
                Ok(r) => r,
                // The target names itself where the error is reported.
                Err(_) => {
                    tracing::debug!(target = %label, "timed out");
                    Err(anyhow::anyhow!(
                        "timed out after {}s\nhint: raise --timeout (or defaults.timeout), or check the network path to AWS",
                        timeout.as_secs_f64()
                    ))
                }
            };
            if let Some(p) = progress {
                p.inc(1);
            }
            (i, t, r)
        })
        .buffer_unordered(concurrency.max(1))
        .collect()
        .await;
    if let Some(p) = progress {
        p.finish_and_clear();
    }
    results.sort_by_key(|(i, _, _)| *i);
    results.into_iter().map(|(_, t, r)| (t, r)).collect()
}

/// A target's failure as reported: its text, and the kind and operation of the AWS call
/// that failed, when one did.
pub fn target_error(target: String, e: &anyhow::Error) -> crate::spine::engine::TargetError {
    let f = e.chain().find_map(|x| x.downcast_ref::<failure::Failure>());
    crate::spine::engine::TargetError {
        target,
        message: format!("{e:#}"),
        kind: f.map(|f| f.kind.as_str().to_string()),
        operation: f.map(|f| f.op.clone()),
    }
}

/// The failed targets of a fan-out over (account, region), reported once per account when
/// every region of the account failed the same way (the same kind; the first region's text) (a misspelled profile fails them all:
/// one error saying so beats one per region). The targets stay out of the run's scope
/// either way, so nothing of them resolves.
pub struct Failures {
    /// Targets per account name, of the whole fan-out.
    targets: HashMap<String, usize>,
    failed: Vec<(Target, crate::spine::engine::TargetError)>,
}

impl Failures {
    pub fn new<'a>(targets: impl IntoIterator<Item = &'a Target>) -> Failures {
        let mut counts = HashMap::new();
        for t in targets {
            *counts.entry(t.account.name.clone()).or_insert(0) += 1;
        }
        Failures { targets: counts, failed: Vec::new() }
    }

    pub fn push(&mut self, t: Target, e: &anyhow::Error) {
        let te = target_error(t.label(), e);
        self.failed.push((t, te));
    }

    pub fn push_message(&mut self, t: Target, message: String) {
        let te = crate::spine::engine::TargetError::new(t.label(), message);
        self.failed.push((t, te));
    }

    pub fn into_errors(self) -> Vec<crate::spine::engine::TargetError> {
        let mut out = Vec::new();
        let mut done: HashSet<String> = HashSet::new();
        for (t, te) in &self.failed {
            let name = &t.account.name;
            if done.contains(name) {
                continue;
            }
            let same: Vec<&crate::spine::engine::TargetError> =
                self.failed.iter().filter(|(o, _)| &o.account.name == name).map(|(_, e)| e).collect();
            let all = self.targets.get(name).copied().unwrap_or(0);
            // The same reason: the same kind of failure when classified (the operation that
            // met it first may differ by region), else the same text.
            let alike = match &te.kind {
                Some(k) => same.iter().all(|e| e.kind.as_ref() == Some(k)),
                None => same.iter().all(|e| e.message == te.message && e.kind.is_none()),
            };
            if all >= 2 && same.len() == all && alike {
                done.insert(name.clone());
                out.push(crate::spine::engine::TargetError {
                    target: format!("{name} (all {all} regions)"),
                    ..te.clone()
                });
            } else {
                out.push(te.clone());
            }
        }
        out
    }
}

/// An AWS call's failure for a person ([`failure::classify`]): one line naming the
/// operation, and a `hint:` line — except for an access denial, whose hint the caller
/// adds (it knows its command's permissions). Returns AWS's error code too, for callers
/// that treat some codes (AccessDenied, SubscriptionRequired) apart.
pub fn sdk_error_text<E>(
    op: &str,
    e: &aws_smithy_runtime_api::client::result::SdkError<E, aws_smithy_runtime_api::client::orchestrator::HttpResponse>,
) -> (Option<String>, String)
where
    E: aws_smithy_types::error::metadata::ProvideErrorMetadata + std::error::Error + 'static,
{
    let f = failure::classify(op, e);
    let text = if f.kind == failure::Kind::AccessDenied { f.line() } else { f.to_string() };
    (f.code, text)
}

/// A failed account of a Business-support API (Trusted Advisor, Support, Health) into
/// `collected`: a note when it lacks the plan (unless `strict`), else a failure.
pub fn note_or_fail(collected: &mut crate::spine::engine::Collected, account: &str, e: &anyhow::Error, strict: bool) {
    let te = target_error(account.to_string(), e);
    if e.downcast_ref::<NoSupportPlan>().is_some() && !strict {
        collected.skipped.push(te);
    } else {
        collected.errors.push(te);
    }
}

/// An account whose support plan does not include an API (Trusted Advisor, Support):
/// reported per account as a note, not a failure of the run (unless `--strict`).
#[derive(Debug)]
pub struct NoSupportPlan(pub String);

impl std::fmt::Display for NoSupportPlan {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for NoSupportPlan {}

/// A failed call to a Business-support API as an error: [`NoSupportPlan`] (find it with
/// `downcast_ref`) when the account lacks the plan, else the one-line text, with `hint`
/// added for other access denials.
pub fn support_api_error<E>(
    op: &str,
    what: &str,
    hint: &str,
    e: aws_smithy_runtime_api::client::result::SdkError<E, aws_smithy_runtime_api::client::orchestrator::HttpResponse>,
) -> anyhow::Error
where
    E: aws_smithy_types::error::metadata::ProvideErrorMetadata + std::error::Error + Send + Sync + 'static,
{
    let f = failure::classify(op, &e);
    let code = f.code.clone().unwrap_or_default();
    let said = f.aws_message.as_deref().unwrap_or_default().to_ascii_lowercase();
    let no_plan =
        code == "SubscriptionRequiredException" || (code == "AccessDeniedException" && said.contains("support"));
    if no_plan {
        anyhow::Error::new(NoSupportPlan(format!("no Business support: {what} unavailable ({})", f.line())))
    } else {
        anyhow::Error::new(f.with_denied_hint(hint))
    }
}

/// Which credentials an account uses, for messages: `profile acme`, `role arn:… via the default chain`.
pub fn credentials_label(account: &Account) -> String {
    let source = match &account.profile {
        Some(p) => format!("profile `{p}`"),
        None => "the default credential chain".to_string(),
    };
    match &account.role_arn {
        Some(r) => format!("role {r} assumed via {source}"),
        None => source,
    }
}

/// STS GetCallerIdentity for one account: who its credentials say we are.
pub async fn caller_identity(session: &AwsSession, account: &Account, region: &str) -> anyhow::Result<String> {
    let cfg = session.config(account, region).await;
    let sts = aws_sdk_sts::Client::new(&cfg);
    let out = sts.get_caller_identity().send().await.map_err(|e| {
        let text = sdk_error_text("GetCallerIdentity", &e).1;
        // A refused role names itself already.
        if text.starts_with("cannot assume") {
            anyhow::anyhow!(text)
        } else {
            anyhow::anyhow!("with {}: {text}", credentials_label(account))
        }
    })?;
    if let (Some(want), Some(got)) = (account.id.as_deref(), out.account())
        && want != got
    {
        anyhow::bail!("credentials are for account {got}, but the config says {want}");
    }
    Ok(out.arn().unwrap_or("(no arn)").to_string())
}

/// 64 random bits: std's randomly keyed hasher over the clock, enough to spread retries
/// of callers that failed together and to keep ids apart across hosts (not for secrets).
pub(crate) fn random_u64() -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u128(jiff::Timestamp::now().as_nanosecond() as u128);
    h.finish()
}

/// A retry's wait with full jitter (as the AWS SDKs wait): uniformly random in (0, `cap`].
pub(crate) fn full_jitter(cap: Duration) -> Duration {
    cap.mul_f64((random_u64() % 1000 + 1) as f64 / 1000.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{Env, parse_and_resolve};

    fn cfg() -> Config {
        parse_and_resolve(
            "[[accounts]]\nname = \"a\"\nid = \"111122223333\"\nregions = [\"eu-west-1\", \"us-east-1\"]\n[[accounts]]\nname = \"b\"\nregions = [\"eu-west-1\"]\n",
            None,
            &Env::process(),
        )
        .unwrap()
    }

    #[test]
    fn an_unknown_account_names_the_first_configured_ones_only() {
        let mut toml = String::new();
        for i in 0..25 {
            toml.push_str(&format!("[[accounts]]\nname = \"a{i}\"\nregions = [\"eu-west-1\"]\n"));
        }
        let c = parse_and_resolve(&toml, None, &Env::process()).unwrap();
        let err = select_targets(&c, &["a3".into(), "nope".into()], &[]).unwrap_err().to_string();
        assert!(err.contains("no account `nope` in the config"), "{err}");
        assert!(err.contains("hint: configured accounts: a0, a1,") && err.contains(", a19 and 5 more"), "{err}");
        assert!(!err.contains("a20"), "{err}");
    }

    #[test]
    fn shards_split_accounts_with_all_their_regions_and_an_empty_shard_is_no_error() {
        let mut toml = String::new();
        for i in 0..40 {
            toml.push_str(&format!(
                "[[accounts]]\nname = \"a{i}\"\nid = \"{}\"\nregions = [\"eu-west-1\", \"us-east-1\"]\n",
                100_000_000_000u64 + i
            ));
        }
        let mut c = parse_and_resolve(&toml, None, &Env::process()).unwrap();
        let (mut per_region, mut per_account) = (Vec::new(), Vec::new());
        for k in 0..4 {
            c.shard = Some(crate::shard::Shard { index: k, count: 4 });
            let t = select_targets(&c, &[], &[]).unwrap();
            let a = account_targets(&c, &[], "us-east-1", "check").unwrap();
            assert!(!t.is_empty() && t.len() < 80, "shard {k}: {} targets", t.len());
            let mut accounts: Vec<String> = t.iter().map(|t| t.account.name.clone()).collect();
            accounts.dedup();
            assert_eq!(t.len(), 2 * accounts.len(), "an account's regions stay together in shard {k}");
            assert_eq!(accounts, a.iter().map(|t| t.account.name.clone()).collect::<Vec<_>>(), "same accounts");
            per_region.extend(t.into_iter().map(|t| t.label()));
            per_account.extend(accounts);
        }
        per_region.sort();
        per_account.sort();
        assert_eq!(per_region.len(), 80, "every (account, region) once");
        per_region.dedup();
        assert_eq!(per_region.len(), 80);
        assert_eq!(per_account.len(), 40);

        let mut one = cfg();
        let empty = (0..50).find(|&k| {
            one.shard = Some(crate::shard::Shard { index: k, count: 50 });
            account_targets(&one, &[], "us-east-1", "check").unwrap().is_empty()
        });
        assert!(empty.is_some(), "with 50 shards and 2 accounts, most shards are empty, and that is fine");
    }

    #[test]
    fn targets_filter_by_account_name_or_id_and_region() {
        let c = cfg();
        assert_eq!(select_targets(&c, &[], &[]).unwrap().len(), 3);
        let t = select_targets(&c, &["111122223333".into()], &["eu-west-1".into()]).unwrap();
        assert_eq!(t.iter().map(Target::label).collect::<Vec<_>>(), vec!["a/eu-west-1"]);
        assert!(select_targets(&c, &["nope".into()], &[]).is_err());
        let picked: Vec<String> = select_targets(&c, &["b".into(), "111122223333".into()], &[])
            .unwrap()
            .iter()
            .map(|t| format!("{}/{}", t.account.name, t.region))
            .collect();
        assert_eq!(picked, ["a/eu-west-1", "a/us-east-1", "b/eu-west-1"], "by name and by id, in config order");
    }

    /// What the SDK surfaces for a call whose role STS refused: without help, a dispatch
    /// failure whose text buries STS's answer; with [`AssumeRole`], the role and the code.
    #[tokio::test]
    async fn a_refused_role_fails_the_call_naming_the_role_and_stss_code() {
        let sb = opskit_sandbox::Sandbox::start().await.unwrap();
        let s = sb.org_generate("999988887777", 1, 0, 0, None).unwrap();
        let role = format!("arn:aws:iam::{}:role/OpsKitRead", s.accounts[0]);
        sb.org_deny_role(&role, true);
        let creds = opskit_sandbox::sandbox_credentials("999988887777");
        let base = aws_config::defaults(BehaviorVersion::latest())
            .region(Region::new("eu-west-1"))
            .endpoint_url(sb.url(""))
            .credentials_provider(creds)
            .load()
            .await;
        let provider = AssumeRole {
            role_arn: role.clone(),
            external_id: None,
            session_name: "opskit".into(),
            sts: aws_sdk_sts::Client::new(&base),
            failed: std::sync::Mutex::new(None),
            kept: tokio::sync::Mutex::new(None),
        };
        let cfg = base.to_builder().credentials_provider(SharedCredentialsProvider::new(provider)).build();
        let dx = aws_sdk_directconnect::Client::new(&cfg);
        let e = dx.describe_virtual_interfaces().send().await.unwrap_err();
        let (code, text) = sdk_error_text("DescribeVirtualInterfaces", &e);
        assert_eq!(code, None, "the service was never reached: no code of its own");
        assert!(
            text.starts_with(&format!(
                "cannot assume {role}: AccessDenied: not authorized to perform sts:AssumeRole\n"
            )),
            "{text}"
        );
        assert!(text.contains("\nhint: check the role's trust policy"), "{text}");
        // A second call within the memory does not ask STS again.
        let before = sb.requests().len();
        let e = dx.describe_connections().send().await.unwrap_err();
        assert!(sdk_error_text("DescribeConnections", &e).1.starts_with("cannot assume"));
        assert_eq!(sb.requests().len(), before, "no new AssumeRole");
    }

    #[test]
    fn an_account_failing_alike_in_every_region_is_one_error_and_a_partly_failing_one_is_not() {
        let c = cfg();
        let targets = select_targets(&c, &[], &[]).unwrap();
        let denied = |op: &str| {
            anyhow::Error::new(failure::Failure {
                kind: failure::Kind::AccessDenied,
                op: op.into(),
                code: None,
                aws_message: None,
                message: "AccessDenied: no".into(),
                hint: None,
            })
        };
        let mut f = Failures::new(&targets);
        f.push(targets[0].clone(), &denied("DescribeConnections"));
        f.push(targets[1].clone(), &denied("DescribeVirtualInterfaces"));
        f.push(targets[2].clone(), &anyhow::anyhow!("timed out"));
        let errors = f.into_errors();
        let shown: Vec<(&str, Option<&str>)> = errors.iter().map(|e| (e.target.as_str(), e.kind.as_deref())).collect();
        assert_eq!(shown, [("a (all 2 regions)", Some("access-denied")), ("b/eu-west-1", None)]);
        assert_eq!(errors[0].operation.as_deref(), Some("DescribeConnections"));

        let mut f = Failures::new(&targets);
        f.push(targets[1].clone(), &denied("DescribeVirtualInterfaces"));
        let errors = f.into_errors();
        assert_eq!(errors[0].target, "a/us-east-1", "one region of two failed: named alone");
        let mut f = Failures::new(&targets);
        f.push(targets[0].clone(), &denied("DescribeConnections"));
        f.push(targets[1].clone(), &anyhow::anyhow!("timed out"));
        assert_eq!(f.into_errors().len(), 2, "two reasons, two errors");
    }

    #[tokio::test]
    async fn one_slow_or_failing_target_does_not_hide_the_others() {
        let c = cfg();
        let targets = select_targets(&c, &[], &[]).unwrap();
        let results = fan_out(targets, 2, Duration::from_millis(200), |t| async move {
            match t.label().as_str() {
                "a/us-east-1" => {
                    tokio::time::sleep(Duration::from_secs(5)).await;
                    Ok(1)
                }
                "b/eu-west-1" => anyhow::bail!("AccessDenied"),
                _ => Ok(0),
            }
        })
        .await;
        let labels: Vec<String> = results.iter().map(|(t, _)| t.label()).collect();
        assert_eq!(labels, vec!["a/eu-west-1", "a/us-east-1", "b/eu-west-1"]);
        assert_eq!(results[0].1.as_ref().unwrap(), &0);
        assert!(results[1].1.as_ref().unwrap_err().to_string().contains("timed out"));
        assert!(results[2].1.as_ref().unwrap_err().to_string().contains("AccessDenied"));
    }
}
