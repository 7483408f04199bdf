//! One context per run: the resolved config and flags, the clock, the HTTP client, and the
//! lazily built state store, templates and sinks. Commands take what they need from here
//! and never build clients themselves.

use crate::aws::dynamodb::{DynamoLocation, DynamoStore};
use crate::cli::GlobalArgs;
use crate::config::{Config, Dur, Env, Sink};
use crate::error::{AppError, AppResult};
use crate::output::Style;
use crate::sinks::templates::Templates;
use crate::spine::deliver::Notifier;
use crate::spine::engine::{Collected, RetryPolicy, RunReport, Spine};
use crate::state::memory::MemoryStore;
use crate::state::sqlite::SqliteStore;
use crate::state::{LockHolder, StateError, StateStore};
use anyhow::Context as _;
use jiff::Timestamp;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

/// Where the state lives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StateLocation {
    None,
    Sqlite(PathBuf),
    /// `dynamodb://TABLE?region=…&profile=…`: credentials from the profile, else the
    /// default chain; region from the URL, else the default chain.
    Dynamodb {
        table: String,
        region: Option<String>,
        profile: Option<String>,
    },
}

impl StateLocation {
    pub fn parse(s: &str) -> Result<StateLocation, String> {
        let s = s.trim();
        if s.eq_ignore_ascii_case("none") {
            return Ok(StateLocation::None);
        }
        if let Some(rest) = s.strip_prefix("sqlite://").or_else(|| s.strip_prefix("sqlite:")) {
            return Ok(StateLocation::Sqlite(PathBuf::from(rest)));
        }
        if let Some(rest) = s.strip_prefix("dynamodb://") {
            return Self::parse_dynamodb(s, rest);
        }
        if s.contains("://") {
            return Err(format!(
                "unknown state store `{s}` (use a path, sqlite:PATH, dynamodb://TABLE?region=REGION or none)"
            ));
        }
        Ok(StateLocation::Sqlite(PathBuf::from(s)))
    }

    fn parse_dynamodb(whole: &str, rest: &str) -> Result<StateLocation, String> {
        let (table, query) = rest.split_once('?').unwrap_or((rest, ""));
        let valid = (3..=255).contains(&table.len())
            && table.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'));
        if !valid {
            return Err(format!(
                "`{whole}`: `{table}` is not a DynamoDB table name (3 to 255 of letters, digits, _ - .)\n\
                 hint: dynamodb://TABLE?region=REGION&profile=PROFILE"
            ));
        }
        let (mut region, mut profile) = (None, None);
        for (k, v) in url::form_urlencoded::parse(query.as_bytes()) {
            let slot = match k.as_ref() {
                "region" => &mut region,
                "profile" => &mut profile,
                other => return Err(format!("`{whole}`: unknown query key `{other}` (known: region, profile)")),
            };
            if v.is_empty() {
                return Err(format!("`{whole}`: `{k}` is empty"));
            }
            *slot = Some(v.into_owned());
        }
        Ok(StateLocation::Dynamodb { table: table.to_string(), region, profile })
    }

    /// The DynamoDB location, when this is one.
    pub fn dynamodb(&self) -> Option<DynamoLocation> {
        match self {
            StateLocation::Dynamodb { table, region, profile } => {
                Some(DynamoLocation { table: table.clone(), region: region.clone(), profile: profile.clone() })
            }
            _ => None,
        }
    }

    /// The default SQLite state: under systemd's `StateDirectory=` (`$STATE_DIRECTORY`, the
    /// units in `commands/` set it to /var/lib/opskit) when that is set, else
    /// `$XDG_STATE_HOME/opskit` or `~/.local/state/opskit`. With none of the three set (a
    /// bare container, a cron without `HOME`) there is no default: the state would land in
    /// whatever directory the run started in, and the next run from elsewhere would not
    /// find it, so every finding would be new again.
    pub fn default_path(env: &Env) -> AppResult<PathBuf> {
        // systemd passes one path per StateDirectory=, separated by colons: the first is ours.
        if let Some(dir) = env.get("STATE_DIRECTORY").and_then(|d| d.split(':').next().map(str::to_owned))
            && !dir.is_empty()
        {
            return Ok(PathBuf::from(dir).join("state.db"));
        }
        let base = env
            .get("XDG_STATE_HOME")
            .filter(|d| !d.is_empty())
            .map(PathBuf::from)
            .or_else(|| env.get("HOME").filter(|h| !h.is_empty()).map(|h| PathBuf::from(h).join(".local/state")))
            .ok_or_else(|| {
                AppError::usage(
                    "no place for the state: none of STATE_DIRECTORY, XDG_STATE_HOME and HOME is set\n\
                     hint: pass --state PATH (or sqlite:PATH, dynamodb://TABLE, none), or set defaults.state in the config",
                )
            })?;
        Ok(base.join("opskit").join("state.db"))
    }
}

impl std::fmt::Display for StateLocation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StateLocation::None => write!(f, "none"),
            StateLocation::Sqlite(p) => write!(f, "sqlite:{}", p.display()),
            StateLocation::Dynamodb { .. } => {
                write!(f, "{}", self.dynamodb().map(|d| d.url(None)).unwrap_or_default())
            }
        }
    }
}

pub struct Context {
    pub global: GlobalArgs,
    pub config: Config,
    pub env: Env,
    /// `OPSKIT_NOW`, when set: every clock reading of the run returns it.
    pub pinned_now: Option<Timestamp>,
    pub style: Style,
    pub http: reqwest::Client,
    pub aws: std::sync::Arc<crate::aws::AwsSession>,
    /// What `[[organizations]]` discovery did before the command ran (see
    /// [`Context::discover`]); empty when the command needs none.
    pub discovery: crate::organizations::Discovery,
    /// The run lock taken before the command collected anything (see [`Context::hold`]),
    /// with the store it is held in: the spine then works under it.
    pub held: Option<HeldRun>,
    /// The command only reads from AWS and keeps nothing: with no config file and no
    /// `--state`, it runs without a state.
    pub keeps_nothing: bool,
    /// The run works on an ad-hoc target (`--profile`/`AWS_PROFILE`/`--region` without
    /// accounts in the config), see [`Context::select_profile`].
    pub ad_hoc: bool,
    /// Record each run as the command's last (`runs/NAME`) in [`Context::after_run`]; see
    /// [`crate::commands::records_run`].
    pub record_run: bool,
    /// Gauges a command adds to `--metrics-file` beside the run's own (`report ops`).
    pub extra_metrics: std::sync::Mutex<String>,
}

/// A run lock held for a whole run, and the state store it is held in.
pub struct HeldRun {
    pub state: Arc<dyn StateStore>,
    pub lock: RunLock,
}

impl HeldRun {
    pub async fn release(self) {
        self.lock.release(self.state.as_ref()).await;
    }
}

impl Context {
    pub fn new(global: GlobalArgs, mut config: Config, env: Env) -> AppResult<Context> {
        config.shard = global.shard;
        let pinned_now = match env.get(crate::env_vars::OPSKIT_NOW) {
            Some(s) => Some(s.parse::<Timestamp>().map_err(|e| {
                AppError::usage(format!("{}: `{s}` is not an RFC 3339 time: {e}", crate::env_vars::OPSKIT_NOW))
            })?),
            None => None,
        };
        // No redirects, no `Referer`: this client carries sink URLs, Backlog's key and
        // heartbeat URLs (see `http::http_client`).
        let http = crate::http::http_client()
            .user_agent(crate::http::USER_AGENT)
            .timeout(Duration::from_secs(30))
            .connect_timeout(Duration::from_secs(10))
            .build()
            .context("building the HTTP client")?;
        let style = Style::detect(global.no_color);
        Ok(Context {
            global,
            config,
            env,
            pinned_now,
            style,
            http,
            aws: std::sync::Arc::new(crate::aws::AwsSession::new()),
            discovery: Default::default(),
            held: None,
            keeps_nothing: false,
            ad_hoc: false,
            record_run: false,
            extra_metrics: Default::default(),
        })
    }

    /// The time now (or `OPSKIT_NOW`). Read afresh by each poll of a loop, so damping by
    /// duration, silences and quiet hours see the clock move.
    pub fn now(&self) -> Timestamp {
        self.pinned_now.unwrap_or_else(Timestamp::now)
    }

    /// Per-target timeout: `--timeout` over `defaults.timeout`.
    pub fn timeout(&self) -> AppResult<Duration> {
        match &self.global.timeout {
            Some(t) => Dur::parse(t).map(|d| d.0).map_err(|e| AppError::usage(format!("--timeout: {e}"))),
            None => Ok(self.config.defaults.timeout.0),
        }
    }

    pub fn state_location(&self) -> AppResult<StateLocation> {
        let (given, from) = match (&self.global.state, &self.config.defaults.state) {
            (Some(s), _) => (Some(s.clone()), "--state"),
            (None, Some(s)) => (Some(s.clone()), "defaults.state"),
            (None, None) => (None, ""),
        };
        // An ad-hoc audit with no config file keeps nothing unless told where to.
        if given.is_none() && self.keeps_nothing && self.config.file.is_none() {
            return Ok(StateLocation::None);
        }
        match given {
            Some(s) => StateLocation::parse(&s).map_err(|e| AppError::usage(format!("{from}: {e}"))),
            None => Ok(StateLocation::Sqlite(StateLocation::default_path(&self.env)?)),
        }
    }

    pub fn open_state(&self) -> AppResult<Arc<dyn StateStore>> {
        self.open_location(&self.state_location()?)
    }

    /// The store at `loc`. A SQLite file is created (with its directory) if needed; a
    /// DynamoDB table never is (`opskit state init` does that), and is not contacted yet.
    pub fn open_location(&self, loc: &StateLocation) -> AppResult<Arc<dyn StateStore>> {
        Ok(match loc {
            StateLocation::None => Arc::new(MemoryStore::new()),
            StateLocation::Sqlite(p) => Arc::new(SqliteStore::open(p)?),
            StateLocation::Dynamodb { table, region, profile } => Arc::new(self.dynamo_store(DynamoLocation {
                table: table.clone(),
                region: region.clone(),
                profile: profile.clone(),
            })),
        })
    }

    /// The DynamoDB store at `loc`, sharing the run's AWS HTTP client.
    pub fn dynamo_store(&self, loc: DynamoLocation) -> DynamoStore {
        DynamoStore::new(loc).with_http_client(self.aws.http_client())
    }

    /// `[[organizations]]` discovery: the accounts it finds are appended to
    /// `config.accounts`, what it did is kept in `discovery`; accounts listed afresh are
    /// cached in the state (not under `--dry-run`).
    pub async fn discover(&mut self, mode: crate::organizations::Mode) -> AppResult<()> {
        use crate::organizations as orgs;
        if self.config.organizations.is_empty() {
            return Ok(());
        }
        let cache = self.read_state()?;
        let run = orgs::Run {
            aws: &self.aws,
            config: &self.config,
            cache: cache.as_ref(),
            now: self.now(),
            refresh: self.global.refresh_accounts,
            budget: self.timeout()? * orgs::TIMEOUTS_PER_DISCOVERY,
        };
        let found = orgs::find(&run, mode).await;
        if !self.global.dry_run && orgs::listed_any(&found) {
            match self.open_state() {
                Ok(store) => orgs::save(store.as_ref(), &found, run.now).await?,
                Err(e) => tracing::warn!("cannot cache the discovered accounts: {e}"),
            }
        }
        let (accounts, discovery) = orgs::conclude(&self.config, &found, mode)?;
        self.config.accounts.extend(accounts);
        self.discovery = discovery;
        Ok(())
    }

    /// `--profile` (or `AWS_PROFILE`) and `--region`, the way `aws` takes them. With no
    /// `[[accounts]]` or `[[organizations]]` in the config, they make the one target of the
    /// run: an account named after the profile (the default credential chain without one),
    /// in the `--region`s or the regions resolved for the profile as for any account. With
    /// accounts configured, `--profile` keeps those that use it; `AWS_PROFILE` then
    /// selects nothing (it names the profile of endpoint settings, as for the SDK).
    pub fn select_profile(&mut self) -> AppResult<()> {
        let configured = !self.config.accounts.is_empty() || !self.config.organizations.is_empty();
        if configured {
            let Some(p) = self.global.profile.clone() else { return Ok(()) };
            let before = std::mem::take(&mut self.config.accounts);
            let mut profiles: Vec<String> = before.iter().filter_map(|a| a.profile.clone()).collect();
            self.config.accounts = before.into_iter().filter(|a| a.profile.as_deref() == Some(p.as_str())).collect();
            if self.config.accounts.is_empty() {
                profiles.sort();
                profiles.dedup();
                return Err(AppError::usage(format!(
                    "--profile: no configured account uses profile `{p}`\nhint: profiles of the configured accounts: {}",
                    if profiles.is_empty() { "(none)".to_string() } else { profiles.join(", ") }
                )));
            }
            return Ok(());
        }
        let profile = self.global.profile.clone().or_else(|| self.env.get("AWS_PROFILE"));
        if profile.is_none() && self.global.region.is_empty() {
            return Ok(());
        }
        let regions = self.global.region.clone();
        self.config.accounts.push(crate::config::Account {
            name: profile.clone().unwrap_or_else(|| "default".into()),
            id: None,
            profile,
            role_arn: None,
            external_id: None,
            session_name: "opskit".into(),
            regions_from: if regions.is_empty() {
                crate::config::RegionSource::Pending
            } else {
                crate::config::RegionSource::Regions
            },
            regions,
            tags: BTreeMap::new(),
        });
        self.ad_hoc = true;
        Ok(())
    }

    /// The ad-hoc target's regions, once resolved: none is a usage error naming what gives
    /// one (opskit never picks a region nobody named).
    pub fn check_ad_hoc_region(&self) -> AppResult<()> {
        if !self.ad_hoc {
            return Ok(());
        }
        for a in &self.config.accounts {
            if let crate::config::RegionSource::Unresolved(why) = &a.regions_from
                && a.regions.is_empty()
            {
                let whose =
                    a.profile.as_ref().map(|p| format!("profile `{p}`")).unwrap_or("the default credentials".into());
                return Err(AppError::usage(format!(
                    "no region to work in for {whose}: {why}\nhint: pass --region ap-northeast-1 (or set AWS_REGION, or `region` in the profile)"
                )));
            }
        }
        Ok(())
    }

    /// The state for reading only: a state file that does not exist yet is an empty state
    /// (and is not created, so a dry run leaves no file behind). A DynamoDB table is read
    /// as it is: a missing one is an error that says how to create it.
    pub fn read_state(&self) -> AppResult<Arc<dyn StateStore>> {
        match self.state_location()? {
            StateLocation::Sqlite(p) if !p.exists() => Ok(Arc::new(MemoryStore::new())),
            _ => self.open_state(),
        }
    }

    /// A source's findings as the state last recorded them, for producers that fetch only
    /// what is new. Reads only: a state file that does not exist yet is an empty state.
    pub async fn previous_findings(&self, source: &str) -> AppResult<Vec<crate::state::FindingRecord>> {
        Ok(self.read_state()?.findings(source).await?)
    }

    pub fn templates(&self) -> AppResult<Arc<Templates>> {
        let t = match &self.config.defaults.templates_dir {
            Some(dir) => Templates::with_overrides(dir).map_err(|e| {
                AppError::Config(crate::config::ConfigError::plain(format!("defaults.templates_dir: {e:#}")))
            })?,
            None => Templates::embedded(),
        };
        Ok(Arc::new(t))
    }

    /// The notifier of one configured sink: an SNS topic through the AWS layer (with the
    /// credentials of the account or profile it names), the others through the sinks.
    pub async fn notifier(
        &self,
        name: &str,
        sink: &Sink,
        templates: Arc<Templates>,
    ) -> anyhow::Result<Arc<dyn Notifier>> {
        let Sink::Sns { topic_arn, account, profile, region } = sink else {
            return crate::sinks::build(name, sink, &self.config, templates).await;
        };
        let sdk =
            crate::aws::sdk_config_for(&self.aws, &self.config, account.as_deref(), profile.as_deref(), region).await;
        let connect_timeout = self.config.sink_timeouts(name).connect_timeout.0;
        Ok(Arc::new(crate::aws::sns::SnsNotifier::new(name, topic_arn.clone(), &sdk, connect_timeout, templates)))
    }

    /// Build every configured sink. A sink that cannot be built (its AWS config, say) is
    /// left out with a warning; messages owed to it fail and stay owed.
    pub async fn notifiers(&self) -> AppResult<BTreeMap<String, Arc<dyn Notifier>>> {
        let templates = self.templates()?;
        let mut out = BTreeMap::new();
        for (name, sink) in &self.config.sinks {
            match self.notifier(name, sink, templates.clone()).await {
                Ok(n) => {
                    out.insert(name.clone(), n);
                }
                Err(e) => {
                    tracing::warn!(sink = %name, "cannot set up sink: {}", crate::redact::redact(&format!("{e:#}")))
                }
            }
        }
        Ok(out)
    }

    pub fn sink(&self, name: &str) -> AppResult<&Sink> {
        self.config.sinks.get(name).ok_or_else(|| {
            let known: Vec<&str> = self.config.sinks.keys().map(String::as_str).collect();
            AppError::usage(format!(
                "no sink named `{name}` in the config\nhint: defined sinks: {}",
                if known.is_empty() { "(none)".to_string() } else { known.join(", ") }
            ))
        })
    }

    /// The run lock of `command`: the work, not where the config was read from. Each shard
    /// is its own run, so N hosts with one state store work side by side; `command` carries
    /// what else tells runs apart (`findings-push backup-check`). The config file's path is
    /// no part of it: the same configuration reached through a copy, a hard link or a
    /// symlinked /etc/opskit is the same work on the same state, and must not run twice.
    fn lock_name(&self, command: &str) -> String {
        match self.config.shard {
            Some(shard) => format!("{command} [shard {shard}]"),
            None => command.to_string(),
        }
    }

    /// The lease of a run lock (`defaults.lease`) and how often its holder renews it.
    fn lease(&self) -> (jiff::SignedDuration, Duration) {
        let lease = self.config.defaults.lease.0;
        let ttl = jiff::SignedDuration::try_from(lease).unwrap_or(LOCK_TTL);
        (ttl, (lease / 3).min(LOCK_REFRESH))
    }

    pub fn lock_holder(&self, command: &str) -> LockHolder {
        LockHolder {
            host: self.env.get(crate::env_vars::OPSKIT_HOSTNAME).unwrap_or_else(crate::state::hostname),
            pid: std::process::id(),
            command: command.to_string(),
            since: Timestamp::now(),
        }
    }

    /// Take the run lock for `command`, waiting up to `--wait-lock` if given.
    pub async fn lock(&self, state: &Arc<dyn StateStore>, command: &str) -> AppResult<RunLock> {
        let name = self.lock_name(command);
        let holder = self.lock_holder(command);
        let wait = match &self.global.wait_lock {
            Some(w) => Some(Dur::parse(w).map_err(|e| AppError::usage(format!("--wait-lock: {e}")))?.0),
            None => None,
        };
        let deadline = wait.map(|w| std::time::Instant::now() + w);
        let (ttl, refresh) = self.lease();
        loop {
            match state.acquire_lock(&name, &holder, ttl).await {
                Ok(()) => {
                    // Renew the lease while the run lives, so a long run keeps its lock and
                    // a crashed one loses it within the lease.
                    let (st, n, h) = (state.clone(), name.clone(), holder.clone());
                    let refresher = tokio::spawn(async move {
                        loop {
                            tokio::time::sleep(refresh).await;
                            if let Err(e) = st.acquire_lock(&n, &h, ttl).await {
                                tracing::warn!("renewing the run lock `{n}`: {e}");
                            }
                        }
                    });
                    return Ok(RunLock { name, holder, refresher });
                }
                Err(StateError::Locked { .. }) if deadline.is_some_and(|d| std::time::Instant::now() < d) => {
                    tokio::time::sleep(Duration::from_millis(250)).await;
                }
                Err(e @ StateError::Locked { .. }) => {
                    let mut msg = e.to_string();
                    msg.push_str("\nhint: wait for it to finish, or pass --wait-lock 5m to wait");
                    return Err(AppError::Locked(msg));
                }
                Err(e) => return Err(e.into()),
            }
        }
    }

    /// Gauges (node_exporter textfile lines, with their HELP and TYPE) to write to
    /// `--metrics-file` after the run, beside the run's own.
    pub fn add_metrics(&self, text: &str) {
        self.extra_metrics.lock().unwrap_or_else(|e| e.into_inner()).push_str(text);
    }

    /// Tell the heartbeat URL, if any, that a run starts.
    pub async fn heartbeat_start(&self) {
        if let Some(url) = &self.global.heartbeat_url {
            crate::cron::ping(&self.http, &crate::cron::start_url(url), None).await;
        }
    }

    /// After a run (or one poll of a loop): write `--metrics-file` and ping the heartbeat
    /// with the outcome and the tail of what was shown.
    pub async fn after_run(&self, name: &str, report: Option<&RunReport>, code: u8, shown: &str, took: Duration) {
        if let Some(path) = &self.global.metrics_file {
            let mut text = crate::cron::metrics_text(name, report, code, took, Timestamp::now());
            text.push_str(&self.extra_metrics.lock().unwrap_or_else(|e| e.into_inner()));
            if let Err(e) = crate::cron::write_metrics(path, &text) {
                tracing::warn!("cannot write metrics to {}: {e}", path.display());
            }
        }
        // Exit 4 is a run that did nothing because another holds the lock (a standby host,
        // an overlapping timer): the holder pings for both. A ping from here would either
        // report a failure nobody has, or a success that hides the holder's failure.
        if code == crate::error::EXIT_LOCKED {
            tracing::info!("another run holds the lock: no heartbeat ping");
            return;
        }
        self.record_last_run(name, code, took).await;
        if let Some(url) = &self.global.heartbeat_url {
            // healthchecks.io keeps the first 100 kB of a ping body: the report's tail is enough.
            let lines: Vec<&str> = shown.lines().collect();
            let body = lines[lines.len().saturating_sub(40)..].join("\n");
            crate::cron::ping(&self.http, &crate::cron::end_url(url, code), Some(body)).await;
        }
    }

    /// Keep this run as the last of `name` (`runs/NAME`, read by `report status`), when
    /// the command records its runs and this one may write (not a dry run, a state kept).
    /// A failure to write it is logged: it must not fail a run that did its work. A usage
    /// or config error (exit 2) is no run: it is not kept, and creates no state.
    async fn record_last_run(&self, name: &str, code: u8, took: Duration) {
        if !self.record_run
            || self.global.dry_run
            || code == crate::error::EXIT_USAGE
            || matches!(self.state_location(), Ok(StateLocation::None) | Err(_))
        {
            return;
        }
        let record = crate::report::status::RunRecord {
            at: self.now(),
            code,
            took_ms: u64::try_from(took.as_millis()).unwrap_or(u64::MAX),
            host: self.env.get(crate::env_vars::OPSKIT_HOSTNAME).unwrap_or_else(crate::state::hostname),
        };
        let snapshot = format!("{}{name}", crate::report::status::RUNS_PREFIX);
        let written = match (self.open_state(), serde_json::to_vec(&record)) {
            (Ok(state), Ok(data)) => state.put_snapshot(&snapshot, record.at, &data).await.map_err(|e| e.to_string()),
            (Err(e), _) => Err(e.to_string()),
            (_, Err(e)) => Err(e.to_string()),
        };
        if let Err(e) = written {
            tracing::warn!("cannot record the run in the state ({snapshot}): {e}");
        }
    }

    /// Take the run lock of `command` before its run collects anything, so a second run
    /// of the same work exits 4 (or waits, `--wait-lock`) without a single API call. A dry
    /// run takes none: it writes nothing, not even a lock row.
    pub async fn hold(&self, command: &str) -> AppResult<Option<HeldRun>> {
        if self.global.dry_run {
            return Ok(None);
        }
        let state = self.open_state()?;
        let lock = self.lock(&state, command).await?;
        Ok(Some(HeldRun { state, lock }))
    }

    /// The whole spine for one collection: diff, policy, deliver, commit, under the run
    /// lock taken before collection ([`Context::held`]), or, for a caller that took none,
    /// under one taken now.
    pub async fn run_spine(&self, command: &str, collected: Collected) -> AppResult<RunReport> {
        if let Some(held) = &self.held {
            return self.spine_on(held.state.clone(), collected).await;
        }
        match self.hold(command).await? {
            Some(held) => {
                let result = self.spine_on(held.state.clone(), collected).await;
                held.release().await;
                result
            }
            None => self.spine_on(self.dry_run_state()?, collected).await,
        }
    }

    /// [`Context::run_spine`] under a lock the caller holds (a loop's poll).
    pub async fn run_spine_held(&self, held: &HeldRun, collected: Collected) -> AppResult<RunReport> {
        self.spine_on(held.state.clone(), collected).await
    }

    /// What a dry run reads: the state when there is one, so it shows what a real run would
    /// send now, but never a new state file.
    fn dry_run_state(&self) -> AppResult<Arc<dyn StateStore>> {
        Ok(match self.state_location()? {
            StateLocation::Sqlite(p) if !p.exists() => Arc::new(MemoryStore::new()),
            _ => self.open_state()?,
        })
    }

    async fn spine_on(&self, state: Arc<dyn StateStore>, collected: Collected) -> AppResult<RunReport> {
        let notifiers = self.notifiers().await?;
        let responder = crate::respond::AwsResponder { ctx: self };
        let spine = Spine {
            config: &self.config,
            state: state.as_ref(),
            notifiers: &notifiers,
            dry_run: self.global.dry_run,
            baseline: self.global.baseline,
            now: self.now(),
            retry: RetryPolicy::from_config(&self.config),
            respond: Some(opskit_core::spine::engine::RespondContext {
                responder: Some(&responder),
                holder: self.lock_holder("respond"),
                untrusted: crate::respond::untrusted,
            }),
        };
        Ok(spine.process(collected).await?)
    }
}

/// The default lease (`defaults.lease`): refreshed by long runs; a crashed holder's lapses
/// after this.
pub const LOCK_TTL: jiff::SignedDuration = jiff::SignedDuration::from_secs(15 * 60);

/// How often a held lease is renewed at most (a third of the lease when that is shorter).
const LOCK_REFRESH: std::time::Duration = std::time::Duration::from_secs(60);

pub struct RunLock {
    pub name: String,
    pub holder: LockHolder,
    refresher: tokio::task::JoinHandle<()>,
}

impl RunLock {
    /// Stop renewing the lease and give the lock back (a failure is only logged: the
    /// lease lapses on its own).
    pub async fn release(self, state: &dyn StateStore) {
        self.refresher.abort();
        if let Err(e) = state.release_lock(&self.name, &self.holder).await {
            tracing::warn!("releasing the run lock `{}`: {e}", self.name);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_state_is_under_systemds_state_directory_when_it_is_set() {
        let under = |vars: &[(&str, &str)]| StateLocation::default_path(&Env::from_pairs(vars)).unwrap();
        assert_eq!(
            under(&[("STATE_DIRECTORY", "/var/lib/opskit"), ("HOME", "/home/opskit")]),
            PathBuf::from("/var/lib/opskit/state.db")
        );
        assert_eq!(
            under(&[("STATE_DIRECTORY", "/var/lib/opskit:/var/lib/other")]),
            PathBuf::from("/var/lib/opskit/state.db")
        );
        assert_eq!(
            under(&[("XDG_STATE_HOME", "/x/state"), ("HOME", "/home/u")]),
            PathBuf::from("/x/state/opskit/state.db")
        );
        assert_eq!(under(&[("HOME", "/home/u")]), PathBuf::from("/home/u/.local/state/opskit/state.db"));
    }

    #[test]
    fn without_a_state_directory_xdg_or_home_there_is_no_default_state() {
        for vars in [&[][..], &[("HOME", ""), ("XDG_STATE_HOME", "")][..]] {
            let e = StateLocation::default_path(&Env::from_pairs(vars)).unwrap_err().to_string();
            assert!(e.contains("HOME") && e.contains("--state"), "{e}");
        }
    }

    #[test]
    fn state_locations_parse() {
        assert_eq!(StateLocation::parse("none").unwrap(), StateLocation::None);
        assert_eq!(StateLocation::parse("sqlite:/tmp/s.db").unwrap(), StateLocation::Sqlite("/tmp/s.db".into()));
        assert_eq!(
            StateLocation::parse("/var/lib/opskit.db").unwrap(),
            StateLocation::Sqlite("/var/lib/opskit.db".into())
        );
        assert!(StateLocation::parse("redis://x").is_err());
    }

    #[test]
    fn dynamodb_locations_parse_table_region_and_profile() {
        assert_eq!(
            StateLocation::parse("dynamodb://opskit-state?region=ap-northeast-1&profile=ops").unwrap(),
            StateLocation::Dynamodb {
                table: "opskit-state".into(),
                region: Some("ap-northeast-1".into()),
                profile: Some("ops".into())
            }
        );
        assert_eq!(
            StateLocation::parse("dynamodb://my_table.v2").unwrap(),
            StateLocation::Dynamodb { table: "my_table.v2".into(), region: None, profile: None }
        );
        let e = StateLocation::parse("dynamodb://t1x?regoin=us-east-1").unwrap_err();
        assert!(e.contains("unknown query key `regoin`"), "{e}");
        assert!(StateLocation::parse("dynamodb://ab").unwrap_err().contains("not a DynamoDB table name"));
        assert!(StateLocation::parse("dynamodb://a/b?region=x").unwrap_err().contains("not a DynamoDB table name"));
        assert!(StateLocation::parse("dynamodb://abc?region=").unwrap_err().contains("`region` is empty"));
    }
}
