//! The configuration file: its TOML schema, where it is looked for, and its resolution
//! into [`Config`] (secrets read, durations and time zones parsed, references checked).
//!
//! Every error names the file, the line and the key. Secrets come from `*_env` or `*_file`
//! keys; a literal secret is accepted only when the file is readable by its owner alone.
//!
//! The `[commands.NAME]` sections belong to the commands, which this module does not know:
//! the caller passes them in as [`CommandSection`]s, and [`load`] checks each while loading.

mod scenarios;

use crate::redact::Secret;
use crate::spine::finding::Severity;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// A configuration error: exit code 2. `line` is 1-based.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{}", self.render())]
pub struct ConfigError {
    pub file: Option<PathBuf>,
    pub line: Option<usize>,
    pub key: Option<String>,
    pub message: String,
    pub hint: Option<String>,
}

impl ConfigError {
    fn render(&self) -> String {
        let mut s = String::from("config");
        if let Some(f) = &self.file {
            s = f.display().to_string();
            if let Some(l) = self.line {
                s.push_str(&format!(":{l}"));
            }
        }
        if let Some(k) = &self.key {
            s.push_str(&format!(": key `{k}`"));
        }
        s.push_str(": ");
        s.push_str(&self.message);
        if let Some(h) = &self.hint {
            s.push_str("\nhint: ");
            s.push_str(h);
        }
        s
    }

    pub fn plain(message: impl Into<String>) -> Self {
        ConfigError { file: None, line: None, key: None, message: message.into(), hint: None }
    }
}

impl ConfigError {
    /// Several problems as one error (exit 2): each numbered on its own line with its file,
    /// line, key and hint, so one run lists them all. One problem stays itself.
    pub fn many(mut problems: Vec<ConfigError>) -> ConfigError {
        if problems.len() == 1 {
            return problems.remove(0);
        }
        let file = problems.iter().find_map(|p| p.file.clone());
        let mut message = format!("{} problems:", problems.len());
        for (i, p) in problems.iter().enumerate() {
            let text = p.render().replace('\n', "\n   ");
            message.push_str(&format!("\n{}. {text}", i + 1));
        }
        ConfigError { file, line: None, key: None, message, hint: None }
    }
}

/// A secret the file names (`NAME`, `NAME_env` or `NAME_file`), read when the config loads.
/// When it cannot be had (the variable unset, the file unreadable) the error is kept,
/// naming the key, for the code that uses the account or sink it belongs to: a command that
/// does not use it is not stopped, the one that does fails naming the key (exit 2), and
/// `config check` lists every one.
#[derive(Debug, Clone)]
pub struct ConfigSecret(Result<Secret, Box<ConfigError>>);

impl ConfigSecret {
    pub fn new(value: Secret) -> ConfigSecret {
        ConfigSecret(Ok(value))
    }

    /// The secret, or the error that says which key and variable it needs.
    pub fn get(&self) -> Result<&Secret, ConfigError> {
        self.0.as_ref().map_err(|e| (**e).clone())
    }

    /// Why the secret is not available, if it is not.
    pub fn problem(&self) -> Option<&ConfigError> {
        self.0.as_ref().err().map(|e| &**e)
    }
}

impl From<Secret> for ConfigSecret {
    fn from(s: Secret) -> Self {
        ConfigSecret::new(s)
    }
}

impl Serialize for ConfigSecret {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match &self.0 {
            Ok(v) => v.serialize(s),
            Err(e) => s.serialize_str(&format!("(not available: {})", e.message)),
        }
    }
}

/// A duration written as `30s`, `5m`, `1h 30m` or ISO 8601 (`PT30S`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Dur(pub Duration);

impl Dur {
    pub fn parse(s: &str) -> Result<Dur, String> {
        // Days and weeks count as 24 hours and 7 days (`90d`, `2w`): retention and silences
        // are written in them, and a DST shift of an hour does not matter there.
        let sd: jiff::SignedDuration = s.trim().parse().or_else(|e| {
            s.trim()
                .parse::<jiff::Span>()
                .and_then(|span| span.to_duration(jiff::SpanRelativeTo::days_are_24_hours()))
                .map_err(|_| format!("invalid duration `{s}` (write e.g. 30s, 5m, 2h, 90d): {e}"))
        })?;
        if sd.is_negative() {
            return Err(format!("invalid duration `{s}`: must not be negative"));
        }
        Ok(Dur(sd.unsigned_abs()))
    }
}

impl std::fmt::Display for Dur {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let sd = jiff::SignedDuration::try_from(self.0).unwrap_or(jiff::SignedDuration::MAX);
        write!(f, "{sd:#}")
    }
}

impl<'de> Deserialize<'de> for Dur {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Dur::parse(&s).map_err(serde::de::Error::custom)
    }
}

impl Serialize for Dur {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

// ---------------------------------------------------------------------------------------
// The file as written
// ---------------------------------------------------------------------------------------

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawConfig {
    #[serde(default)]
    pub defaults: RawDefaults,
    #[serde(default)]
    pub accounts: Vec<RawAccount>,
    /// AWS Organizations whose member accounts are discovered (one per customer org).
    #[serde(default)]
    pub organizations: Vec<RawOrganization>,
    /// Google Cloud projects, listed one by one.
    #[serde(default)]
    pub gcp_projects: Vec<RawGcpProject>,
    /// `[gcp]`: project discovery and endpoint overrides.
    pub gcp: Option<RawGcp>,
    pub backlog: Option<RawBacklog>,
    #[serde(default)]
    pub sinks: BTreeMap<String, RawSink>,
    #[serde(default)]
    pub routes: Vec<RawRoute>,
    /// Per-command settings; each command reads its own table.
    #[serde(default)]
    pub commands: BTreeMap<String, toml::Table>,
    /// The respond stage's own settings.
    pub respond: Option<scenarios::RawRespond>,
    /// First-response scenarios.
    #[serde(default)]
    pub scenarios: Vec<scenarios::RawScenario>,
    /// Where each entry of `accounts`, `organizations` and `routes` stands in the file
    /// (an entry that could not be read is left out), for errors that name its index.
    #[serde(skip)]
    pub positions: Positions,
}

/// The places in the file of the entries of the arrays of tables; empty: in order.
#[derive(Debug, Default, Clone)]
pub struct Positions {
    pub accounts: Vec<usize>,
    pub organizations: Vec<usize>,
    pub gcp_projects: Vec<usize>,
    pub routes: Vec<usize>,
    pub scenarios: Vec<usize>,
}

impl Positions {
    fn at(list: &[usize], i: usize) -> usize {
        list.get(i).copied().unwrap_or(i)
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDefaults {
    pub timezone: Option<String>,
    pub state: Option<String>,
    pub concurrency: Option<usize>,
    /// Per-target timeout for AWS fan-out.
    pub timeout: Option<Dur>,
    pub regions: Option<Vec<String>>,
    pub templates_dir: Option<PathBuf>,
    /// Delivery attempts per message, including the first.
    pub delivery_attempts: Option<u32>,
    /// First backoff between delivery attempts; doubles each time.
    pub retry_backoff: Option<Dur>,
    /// The longest a `Retry-After` is honoured before the delivery counts as failed.
    pub max_retry_wait: Option<Dur>,
    /// The longest one delivery attempt may take (connecting included) before the sink
    /// counts as not answering: its other messages of the run are owed to the next run.
    pub sink_timeout: Option<Dur>,
    /// The longest connecting to a sink may take (TCP and TLS), within `sink_timeout`: a
    /// host that does not even accept the connection fails fast and is retried.
    pub sink_connect_timeout: Option<Dur>,
    /// The longest a run spends delivering, all sinks together: what is left is owed to the
    /// next run, so the lock is released and a minutely timer stays minutely.
    pub delivery_deadline: Option<Dur>,
    /// How long a run lock lives without its holder renewing it: after a crash, another
    /// host takes the lock over once this has passed.
    pub lease: Option<Dur>,
    /// A resolved finding not seen for this long is forgotten (with what sinks were told).
    pub forget_resolved_after: Option<Dur>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAccount {
    pub name: String,
    pub id: Option<String>,
    pub profile: Option<String>,
    pub role_arn: Option<String>,
    pub external_id: Option<String>,
    pub external_id_env: Option<String>,
    pub external_id_file: Option<PathBuf>,
    pub session_name: Option<String>,
    pub regions: Option<Vec<String>>,
    #[serde(default)]
    pub tags: BTreeMap<String, String>,
}

/// One `[[gcp_projects]]` entry.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawGcpProject {
    /// The project id (`acme-prod-123`), not its number.
    pub id: String,
    pub name: Option<String>,
    #[serde(default)]
    pub tags: BTreeMap<String, String>,
}

/// `[gcp]`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawGcp {
    /// Projects found through Resource Manager `projects.search`: one of `organization`,
    /// `folder` or `query`.
    pub discover: Option<RawGcpDiscover>,
    /// Compute Engine's API root instead of `https://compute.googleapis.com`.
    pub compute_endpoint: Option<String>,
    /// Resource Manager's API root instead of `https://cloudresourcemanager.googleapis.com`.
    pub resource_manager_endpoint: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawGcpDiscover {
    pub organization: Option<String>,
    pub folder: Option<String>,
    pub query: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawOrganization {
    pub name: String,
    /// The management (or delegated administrator) account's profile; default chain if absent.
    pub profile: Option<String>,
    /// The role assumed in each member account.
    pub role_name: Option<String>,
    pub external_id: Option<String>,
    pub external_id_env: Option<String>,
    pub external_id_file: Option<PathBuf>,
    pub session_name: Option<String>,
    pub regions: Option<Vec<String>>,
    #[serde(default)]
    pub include_ous: Vec<String>,
    #[serde(default)]
    pub exclude_ous: Vec<String>,
    #[serde(default)]
    pub accounts: Vec<String>,
    #[serde(default)]
    pub skip_accounts: Vec<String>,
    #[serde(default)]
    pub tags: BTreeMap<String, String>,
    #[serde(default)]
    pub copy_tags: Vec<String>,
    pub cache_ttl: Option<Dur>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawBacklog {
    /// `https://SPACE.backlog.com` (or `.jp`, or an on-premises host).
    pub base_url: String,
    pub api_key: Option<String>,
    pub api_key_env: Option<String>,
    pub api_key_file: Option<PathBuf>,
}

#[derive(Debug, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum RawSink {
    Slack {
        webhook_url: Option<String>,
        webhook_url_env: Option<String>,
        webhook_url_file: Option<PathBuf>,
        /// Overrides `defaults.sink_timeout` for this sink.
        timeout: Option<Dur>,
        /// Overrides `defaults.sink_connect_timeout` for this sink.
        connect_timeout: Option<Dur>,
    },
    /// Slack as a bot (Web API `chat.postMessage`, then `chat.update` of that message):
    /// a bot token (`xoxb-…`) and a channel instead of a webhook URL.
    SlackBot {
        token: Option<String>,
        token_env: Option<String>,
        token_file: Option<PathBuf>,
        /// Channel ID (`C0123ABCD`) or name (`#ops-alerts`) the bot is a member of.
        channel: String,
        /// Web API base; defaults to `https://slack.com/api`.
        api_url: Option<String>,
        /// On change and resolve, also reply in the thread of the original message.
        thread_replies: Option<bool>,
        /// Overrides `defaults.sink_timeout` for this sink.
        timeout: Option<Dur>,
        /// Overrides `defaults.sink_connect_timeout` for this sink.
        connect_timeout: Option<Dur>,
    },
    Pagerduty {
        routing_key: Option<String>,
        routing_key_env: Option<String>,
        routing_key_file: Option<PathBuf>,
        /// Events API endpoint; defaults to PagerDuty's.
        events_url: Option<String>,
        /// A REST API v2 token (incidents, maintenance windows): optional, for the commands
        /// that read PagerDuty back (`calendar sync`, reminders).
        api_token: Option<String>,
        api_token_env: Option<String>,
        api_token_file: Option<PathBuf>,
        /// The user (email) writes are made as: PagerDuty's `From` header.
        from: Option<String>,
        /// REST API root; defaults to `https://api.pagerduty.com`.
        api_url: Option<String>,
        /// Overrides `defaults.sink_timeout` for this sink.
        timeout: Option<Dur>,
        /// Overrides `defaults.sink_connect_timeout` for this sink.
        connect_timeout: Option<Dur>,
    },
    Sns {
        topic_arn: String,
        /// The `[[accounts]]` name whose credentials publish; else the default chain.
        account: Option<String>,
        profile: Option<String>,
        region: Option<String>,
        /// Overrides `defaults.sink_timeout` for this sink.
        timeout: Option<Dur>,
        /// Overrides `defaults.sink_connect_timeout` for this sink.
        connect_timeout: Option<Dur>,
    },
    BacklogIssue {
        project: String,
        issue_type: String,
        priority: Option<String>,
        /// Status to set when the finding resolves (e.g. `Closed`); unset leaves it.
        resolve_status: Option<String>,
        /// The member each new issue is assigned to: numeric id, userId or name.
        assignee: Option<String>,
        /// Members told of each new issue and comment (`notifiedUserId[]`).
        #[serde(default)]
        notify: Vec<String>,
        /// The category (by name) of each new issue.
        category: Option<String>,
        /// Overrides `defaults.sink_timeout` for this sink.
        timeout: Option<Dur>,
        /// Overrides `defaults.sink_connect_timeout` for this sink.
        connect_timeout: Option<Dur>,
    },
    Webhook {
        url: Option<String>,
        url_env: Option<String>,
        url_file: Option<PathBuf>,
        /// HMAC-SHA256 key; when set, the body is signed.
        secret: Option<String>,
        secret_env: Option<String>,
        secret_file: Option<PathBuf>,
        signature_header: Option<String>,
        /// Overrides `defaults.sink_timeout` for this sink.
        timeout: Option<Dur>,
        /// Overrides `defaults.sink_connect_timeout` for this sink.
        connect_timeout: Option<Dur>,
    },
    Stdout {},
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRoute {
    pub name: Option<String>,
    #[serde(default)]
    pub sources: Vec<String>,
    pub min_severity: Option<Severity>,
    #[serde(default)]
    pub accounts: Vec<String>,
    #[serde(default)]
    pub account_tags: BTreeMap<String, String>,
    #[serde(default)]
    pub keys: Vec<String>,
    pub sinks: Vec<String>,
    pub notify_after: Option<u32>,
    pub notify_after_duration: Option<Dur>,
    pub quiet_hours: Option<RawQuietHours>,
    pub send_resolved: Option<bool>,
    /// Tell this route's sinks when a scenario recovered a finding they were never told of.
    pub notify_recovered: Option<bool>,
    /// The channel this route's `slack_bot` sinks post into, instead of the sink's own.
    pub slack_channel: Option<String>,
    /// Who the issues this route opens through its `backlog_issue` sinks reach, instead of
    /// the sink's own.
    pub backlog: Option<RawRouteBacklog>,
}

/// A route's `backlog = { assignee, notify, category }`: each key given replaces the
/// sink's; an absent one keeps it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRouteBacklog {
    pub assignee: Option<String>,
    pub notify: Option<Vec<String>>,
    pub category: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawQuietHours {
    pub timezone: Option<String>,
    #[serde(default)]
    pub windows: Vec<RawWindow>,
    /// `jp`: Japanese public holidays are quiet all day.
    pub holidays: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawWindow {
    /// `mon`..`sun`, `weekdays`, `weekends`, `all`.
    pub days: Vec<String>,
    /// `HH:MM`, local time in the quiet-hours time zone.
    pub start: String,
    /// `HH:MM`; an end before the start spans midnight.
    pub end: String,
}

// ---------------------------------------------------------------------------------------
// The resolved configuration
// ---------------------------------------------------------------------------------------

#[derive(Debug, Clone, Serialize)]
pub struct Config {
    pub file: Option<PathBuf>,
    pub defaults: Defaults,
    pub accounts: Vec<Account>,
    pub organizations: Vec<Organization>,
    /// `[[gcp_projects]]`, in file order.
    pub gcp_projects: Vec<GcpProject>,
    /// `[gcp]`.
    pub gcp: Gcp,
    pub backlog: Option<Backlog>,
    pub sinks: BTreeMap<String, Sink>,
    /// Each sink's timeouts: its own `timeout` / `connect_timeout`, else the defaults.
    pub sink_timeouts: BTreeMap<String, SinkTimeouts>,
    pub routes: Vec<Route>,
    #[serde(skip)]
    pub commands: BTreeMap<String, toml::Table>,
    /// `--shard`: not read from the file; set by the run so target selection sees it.
    #[serde(skip)]
    pub shard: Option<crate::shard::Shard>,
    /// `[respond]`.
    pub respond: crate::respond::scenario::RespondSettings,
    /// `[[scenarios]]`, in file order (the first that matches a finding takes it).
    pub scenarios: Vec<crate::respond::scenario::Scenario>,
}

impl Config {
    /// The timeouts of sink `name`: its own, else the defaults (a sink not in the config,
    /// as in tests, gets the defaults).
    pub fn sink_timeouts(&self, name: &str) -> SinkTimeouts {
        self.sink_timeouts.get(name).cloned().unwrap_or_else(|| SinkTimeouts {
            timeout: self.defaults.sink_timeout,
            connect_timeout: self.defaults.sink_connect_timeout,
            timeout_key: "defaults.sink_timeout".into(),
        })
    }
}

/// How long one delivery attempt to a sink may take, and connecting to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SinkTimeouts {
    /// One attempt, connecting included (`sinks.NAME.timeout`, else `defaults.sink_timeout`).
    pub timeout: Dur,
    /// Connecting (TCP and TLS); never longer than `timeout`.
    pub connect_timeout: Dur,
    /// The setting `timeout` came from, for messages that say which one to change.
    #[serde(skip)]
    pub timeout_key: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Defaults {
    pub timezone: String,
    pub state: Option<String>,
    pub concurrency: usize,
    pub timeout: Dur,
    pub regions: Vec<String>,
    pub templates_dir: Option<PathBuf>,
    pub delivery_attempts: u32,
    pub retry_backoff: Dur,
    pub max_retry_wait: Dur,
    pub sink_timeout: Dur,
    pub sink_connect_timeout: Dur,
    pub delivery_deadline: Dur,
    pub lease: Dur,
    pub forget_resolved_after: Dur,
}

#[derive(Debug, Clone, Serialize)]
pub struct Account {
    pub name: String,
    pub id: Option<String>,
    pub profile: Option<String>,
    pub role_arn: Option<String>,
    pub external_id: Option<ConfigSecret>,
    pub session_name: String,
    /// Empty until resolved when the entry gives none (see [`RegionSource`]).
    pub regions: Vec<String>,
    /// Where `regions` came from; [`RegionSource::Pending`] until the app resolves it the
    /// way the AWS CLI does (the profile, the environment, then `defaults.regions`).
    pub regions_from: RegionSource,
    pub tags: BTreeMap<String, String>,
}

/// Where an account's regions came from. The config file alone knows only `Regions`;
/// the rest is resolved by the app from the AWS config files and the environment, never
/// by falling back to some region nobody named.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "from", content = "detail", rename_all = "snake_case")]
pub enum RegionSource {
    /// The entry's own `regions` (or its organization's).
    Regions,
    /// The `region` of this AWS profile.
    Profile(String),
    /// This environment variable (`AWS_REGION`, `AWS_DEFAULT_REGION`).
    Environment(String),
    /// `defaults.regions`.
    Defaults,
    /// Not resolved yet.
    Pending,
    /// Nothing names a region for it: why, for the error that refuses it.
    Unresolved(String),
}

impl std::fmt::Display for RegionSource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RegionSource::Regions => write!(f, "regions"),
            RegionSource::Profile(p) => write!(f, "profile {p}"),
            RegionSource::Environment(v) => write!(f, "{v}"),
            RegionSource::Defaults => write!(f, "defaults.regions"),
            RegionSource::Pending => write!(f, "not resolved yet"),
            RegionSource::Unresolved(why) => write!(f, "none: {why}"),
        }
    }
}

impl Account {
    /// An error naming the account when no region could be resolved for it.
    pub fn region_error(&self) -> Option<String> {
        match &self.regions_from {
            RegionSource::Unresolved(why) if self.regions.is_empty() => Some(format!(
                "account `{}`: no region to work in: {why}\n\
                 hint: give the account `regions = [\"ap-northeast-1\"]` (or set `defaults.regions`); opskit never guesses one",
                self.name
            )),
            _ => None,
        }
    }
}

/// One Google Cloud project the inventory lists (`[[gcp_projects]]`, or discovered).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GcpProject {
    pub id: String,
    /// The name tables show; the id when none is given.
    pub name: String,
    pub tags: BTreeMap<String, String>,
}

/// `[gcp]`, resolved.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Gcp {
    /// The `projects.search` query (`parent:organizations/123`), when discovery is on.
    pub discover_query: Option<String>,
    pub compute_endpoint: Option<String>,
    pub resource_manager_endpoint: Option<String>,
}

/// One `[[organizations]]` entry: where its member accounts are listed from and how each
/// is reached. Discovery itself lives in the app (`opskit::organizations`).
#[derive(Debug, Clone, Serialize)]
pub struct Organization {
    pub name: String,
    pub profile: Option<String>,
    pub role_name: String,
    pub external_id: Option<ConfigSecret>,
    pub session_name: String,
    /// For the discovered accounts: `regions`; when empty, each account's are resolved
    /// like an `[[accounts]]` entry's without `regions` (the profile, the environment,
    /// then `defaults.regions`).
    pub regions: Vec<String>,
    /// OU (`ou-…`) or root (`r-…`) ids, each with its sub-OUs; empty: the whole organization.
    pub include_ous: Vec<String>,
    pub exclude_ous: Vec<String>,
    /// Only these account ids (empty: all).
    pub accounts: Vec<String>,
    pub skip_accounts: Vec<String>,
    /// Put on every discovered account.
    pub tags: BTreeMap<String, String>,
    /// Organizations tag keys copied from each account (ListTagsForResource).
    pub copy_tags: Vec<String>,
    pub cache_ttl: Dur,
}

/// How long discovered accounts are reused from the state store by default.
pub const DEFAULT_ORGANIZATIONS_CACHE_TTL: Duration = Duration::from_secs(3600);

#[derive(Debug, Clone, Serialize)]
pub struct Backlog {
    pub base_url: String,
    pub api_key: ConfigSecret,
}

#[derive(Debug, Clone, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Sink {
    Slack {
        webhook_url: ConfigSecret,
    },
    SlackBot {
        token: ConfigSecret,
        channel: String,
        api_url: String,
        thread_replies: bool,
    },
    Pagerduty {
        routing_key: ConfigSecret,
        events_url: String,
        /// The REST API v2, when `api_token` is given.
        rest: Option<PagerDutyRestSettings>,
    },
    Sns {
        topic_arn: String,
        account: Option<String>,
        profile: Option<String>,
        region: String,
    },
    BacklogIssue {
        project: String,
        issue_type: String,
        priority: String,
        resolve_status: Option<String>,
        /// Who the issues reach; names are resolved against the project on first use.
        assignee: Option<String>,
        notify: Vec<String>,
        category: Option<String>,
    },
    Webhook {
        url: ConfigSecret,
        secret: Option<ConfigSecret>,
        signature_header: String,
    },
    Stdout,
}

/// A `pagerduty` sink's REST API v2 settings (`api_token*`, `from`, `api_url`): what
/// [`crate::pagerduty_rest::PagerDutyRest::new`] takes.
#[derive(Debug, Clone, Serialize)]
pub struct PagerDutyRestSettings {
    pub api_token: ConfigSecret,
    /// The user writes are made as (`From`); creating a maintenance window needs it.
    pub from: Option<String>,
    pub api_url: String,
}

impl Sink {
    /// The secrets the sink's own keys name.
    pub fn secrets(&self) -> Vec<&ConfigSecret> {
        match self {
            Sink::Slack { webhook_url } => vec![webhook_url],
            Sink::SlackBot { token, .. } => vec![token],
            Sink::Pagerduty { routing_key, rest, .. } => {
                std::iter::once(routing_key).chain(rest.as_ref().map(|r| &r.api_token)).collect()
            }
            Sink::Webhook { url, secret, .. } => std::iter::once(url).chain(secret.as_ref()).collect(),
            Sink::Sns { .. } | Sink::BacklogIssue { .. } | Sink::Stdout => Vec::new(),
        }
    }

    pub fn kind(&self) -> &'static str {
        match self {
            Sink::Slack { .. } => "slack",
            Sink::SlackBot { .. } => "slack_bot",
            Sink::Pagerduty { .. } => "pagerduty",
            Sink::Sns { .. } => "sns",
            Sink::BacklogIssue { .. } => "backlog_issue",
            Sink::Webhook { .. } => "webhook",
            Sink::Stdout => "stdout",
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Route {
    pub name: String,
    pub sources: Vec<String>,
    pub min_severity: Option<Severity>,
    pub accounts: Vec<String>,
    pub account_tags: BTreeMap<String, String>,
    pub keys: Vec<String>,
    pub sinks: Vec<String>,
    pub notify_after: u32,
    pub notify_after_duration: Option<Dur>,
    pub quiet_hours: Option<QuietHours>,
    pub send_resolved: bool,
    pub slack_channel: Option<String>,
    pub backlog: Option<RouteBacklog>,
    /// Its sinks get a "recovered by scenario" message for a finding a scenario recovered
    /// before they were told of it (otherwise they hear nothing of it).
    pub notify_recovered: bool,
}

/// A route's overrides of its `backlog_issue` sinks' recipients, as written (names or ids;
/// the sink resolves them exactly as its own). `None` keeps the sink's value.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct RouteBacklog {
    /// The route's name, so a name that does not resolve says whose it is.
    pub route: String,
    pub assignee: Option<String>,
    /// `Some(vec![])` tells nobody on this route.
    pub notify: Option<Vec<String>>,
    pub category: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct QuietHours {
    pub timezone: String,
    pub windows: Vec<Window>,
    pub holidays: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Window {
    /// Weekdays as numbers, Monday = 1 .. Sunday = 7.
    pub days: Vec<i8>,
    /// Minutes after local midnight.
    pub start: u16,
    pub end: u16,
}

/// A route's `slack_channel`: not blank, and only on a route that has a `slack_bot` sink
/// (elsewhere it would be silently ignored).
fn route_slack_channel(
    ctx: &Ctx,
    base: &str,
    channel: Option<String>,
    route_sinks: &[String],
    bot_sinks: &[String],
) -> Result<Option<String>, ConfigError> {
    let Some(channel) = channel else { return Ok(None) };
    let key = format!("{base}.slack_channel");
    if channel.trim().is_empty() {
        return Err(ctx.err_hint(
            &key,
            "is empty",
            "give a channel ID (C0123ABCD) or name (#db-team), or leave it out",
        ));
    }
    if !route_sinks.iter().any(|s| bot_sinks.contains(s)) {
        return Err(ctx.err_hint(
            &key,
            "applies to `slack_bot` sinks, and none of this route's sinks is one",
            "add a sink of `type = \"slack_bot\"` to the route's sinks, or remove slack_channel",
        ));
    }
    Ok(Some(channel.trim().to_string()))
}

/// A route's `backlog` table: no blank value, and only on a route that has a
/// `backlog_issue` sink (elsewhere it would be silently ignored).
fn route_backlog(
    ctx: &Ctx,
    base: &str,
    route: &str,
    raw: Option<RawRouteBacklog>,
    route_sinks: &[String],
    backlog_sinks: &[String],
) -> Result<Option<RouteBacklog>, ConfigError> {
    let Some(raw) = raw else { return Ok(None) };
    let key = format!("{base}.backlog");
    if !route_sinks.iter().any(|s| backlog_sinks.contains(s)) {
        return Err(ctx.err_hint(
            &key,
            "applies to `backlog_issue` sinks, and none of this route's sinks is one",
            "add a sink of `type = \"backlog_issue\"` to the route's sinks, or remove backlog",
        ));
    }
    let blank = |what: &str| {
        ctx.err_hint(
            &format!("{key}.{what}"),
            "is empty",
            "give a member's userId, name or numeric id (a category by name), or leave the key out to keep the sink's",
        )
    };
    let one = |what: &str, v: Option<String>| match v {
        Some(v) if v.trim().is_empty() => Err(blank(what)),
        v => Ok(v.map(|v| v.trim().to_string())),
    };
    let assignee = one("assignee", raw.assignee)?;
    let category = one("category", raw.category)?;
    let notify = match raw.notify {
        Some(list) if list.iter().any(|n| n.trim().is_empty()) => return Err(blank("notify")),
        list => list.map(|l| l.into_iter().map(|n| n.trim().to_string()).collect()),
    };
    if assignee.is_none() && notify.is_none() && category.is_none() {
        return Err(ctx.err_hint(&key, "overrides nothing", "set assignee, notify or category, or remove backlog"));
    }
    Ok(Some(RouteBacklog { route: route.to_string(), assignee, notify, category }))
}

pub const DEFAULT_SLACK_API_URL: &str = "https://slack.com/api";
pub const DEFAULT_PAGERDUTY_EVENTS_URL: &str = "https://events.pagerduty.com/v2/enqueue";

impl Config {
    /// The REST API v2 settings of pagerduty sink `sink`; `None` when there is no such
    /// pagerduty sink or it has no `api_token`.
    pub fn pagerduty_rest(&self, sink: &str) -> Option<&PagerDutyRestSettings> {
        match self.sinks.get(sink) {
            Some(Sink::Pagerduty { rest, .. }) => rest.as_ref(),
            _ => None,
        }
    }

    /// Every secret the file names that cannot be read now, each naming its key: for
    /// `config check`, which reports them all (a command asks only for those it uses).
    pub fn secret_problems(&self) -> Vec<ConfigError> {
        let mut out = Vec::new();
        let mut add = |s: Option<&ConfigSecret>| {
            if let Some(e) = s.and_then(ConfigSecret::problem) {
                out.push(e.clone());
            }
        };
        for a in &self.accounts {
            add(a.external_id.as_ref());
        }
        for o in &self.organizations {
            add(o.external_id.as_ref());
        }
        if let Some(b) = &self.backlog {
            add(Some(&b.api_key));
        }
        for sink in self.sinks.values() {
            for secret in sink.secrets() {
                add(Some(secret));
            }
        }
        out.sort_by_key(|e| e.line);
        out
    }

    /// Whether sink `name` can be used: its secrets (and, for a Backlog issue sink, the
    /// `[backlog]` API key) read, else the first error naming the key and variable.
    pub fn sink_secrets(&self, name: &str) -> Result<(), ConfigError> {
        let Some(sink) = self.sinks.get(name) else { return Ok(()) };
        for secret in sink.secrets() {
            secret.get()?;
        }
        if let (Sink::BacklogIssue { .. }, Some(b)) = (sink, &self.backlog) {
            b.api_key.get()?;
        }
        Ok(())
    }

    /// The account's external id, if it has one: an error naming the key when the file
    /// names one that cannot be read.
    pub fn external_id(account: &Account) -> Result<Option<&Secret>, ConfigError> {
        account.external_id.as_ref().map(ConfigSecret::get).transpose()
    }

    pub fn account(&self, name_or_id: &str) -> Option<&Account> {
        self.accounts.iter().find(|a| a.name == name_or_id || a.id.as_deref() == Some(name_or_id))
    }

    /// A command's `[commands.NAME]` table as its typed settings (defaults when absent).
    /// Errors name the file, line and full key, like every other config error.
    pub fn command_settings<T: serde::de::DeserializeOwned + Default>(&self, name: &str) -> Result<T, ConfigError> {
        let Some(table) = self.commands.get(name) else { return Ok(T::default()) };
        serde_path_to_error::deserialize(toml::Value::Table(table.clone())).map_err(|e| {
            let path = e.path().to_string();
            let key = if path == "." { format!("commands.{name}") } else { format!("commands.{name}.{path}") };
            let text = self.file.as_ref().and_then(|f| std::fs::read_to_string(f).ok());
            ConfigError {
                file: self.file.clone(),
                line: text.as_deref().and_then(|t| locate(t, &key)),
                key: Some(key),
                message: e.into_inner().to_string(),
                hint: None,
            }
        })
    }
}

// ---------------------------------------------------------------------------------------
// Finding and loading the file
// ---------------------------------------------------------------------------------------

/// One `[commands.NAME]` section the config file may hold, and the check of its settings
/// (run while the config loads, so a typo is a config error, exit 2, before any run, and
/// `config check` reports it). The app supplies the list; the config knows no command.
#[derive(Debug, Clone, Copy)]
pub struct CommandSection {
    pub name: &'static str,
    pub check: fn(&Config) -> Result<(), ConfigError>,
}

/// Where the environment comes from, so tests can resolve without touching the process.
/// Looks up one environment variable.
type Lookup = dyn Fn(&str) -> Option<String> + Send + Sync;

#[derive(Clone)]
pub struct Env {
    vars: std::sync::Arc<Lookup>,
}

impl Env {
    pub fn process() -> Env {
        Env { vars: std::sync::Arc::new(crate::env_vars::get) }
    }
    /// Only these variables, nothing from the process: for tests, and for callers that pin
    /// what a library sees (the storage layer's endpoint overrides).
    pub fn from_pairs(vars: &[(&str, &str)]) -> Env {
        let map: std::collections::HashMap<String, String> =
            vars.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        Env { vars: std::sync::Arc::new(move |k| map.get(k).cloned()) }
    }
    pub fn get(&self, key: &str) -> Option<String> {
        (self.vars)(key).filter(|v| !v.is_empty())
    }
}

/// The files looked at, in order, when `--config` and `OPSKIT_CONFIG` are not given.
pub fn search_path(env: &Env) -> Vec<PathBuf> {
    let mut v = vec![PathBuf::from("opskit.toml")];
    let xdg = env
        .get("XDG_CONFIG_HOME")
        .map(PathBuf::from)
        .or_else(|| env.get("HOME").map(|h| PathBuf::from(h).join(".config")));
    if let Some(x) = xdg {
        v.push(x.join("opskit").join("config.toml"));
    }
    v.push(PathBuf::from("/etc/opskit/config.toml"));
    v
}

/// Load the config: the explicit path if given (it must exist), else the first file of the
/// search path that exists, else the empty config. `sections` are the `[commands.NAME]`
/// sections it may hold, each checked once the rest has resolved. Every problem of the file
/// is in the error; secrets that cannot be read are not problems yet (see [`ConfigSecret`]).
pub fn load(explicit: Option<&Path>, env: &Env, sections: &[CommandSection]) -> Result<Config, ConfigError> {
    let (config, problems) = load_report(explicit, env, sections)?;
    if problems.is_empty() { Ok(config) } else { Err(ConfigError::many(problems)) }
}

/// [`load`] for `config check`: when the file has problems, the error lists them all with
/// every secret that cannot be read, in the order of the file.
pub fn load_all(explicit: Option<&Path>, env: &Env, sections: &[CommandSection]) -> Result<Config, ConfigError> {
    let (config, mut problems) = load_report(explicit, env, sections)?;
    if problems.is_empty() {
        return Ok(config);
    }
    problems.extend(config.secret_problems());
    problems.sort_by_key(|p| p.line.unwrap_or(usize::MAX));
    Err(ConfigError::many(problems))
}

/// [`load`], returning what resolved and every problem of the file; `Err` only when the
/// file cannot be read at all.
pub fn load_report(
    explicit: Option<&Path>,
    env: &Env,
    sections: &[CommandSection],
) -> Result<(Config, Vec<ConfigError>), ConfigError> {
    let path = match explicit {
        Some(p) => Some(p.to_path_buf()),
        None => search_path(env).into_iter().find(|p| p.is_file()),
    };
    let Some(path) = path else {
        return Ok(resolve_report(RawConfig::default(), None, "", env, sections));
    };
    let text = std::fs::read_to_string(&path).map_err(|e| ConfigError {
        file: Some(path.clone()),
        line: None,
        key: None,
        message: format!("cannot read the config file: {e}"),
        hint: explicit.is_none().then(|| "it was found on the search path; pass --config to choose another".into()),
    })?;
    Ok(parse_and_report(&text, Some(&path), env, sections))
}

/// Resolve a config given as text, checking its `[commands.NAME]` sections against `sections`.
pub fn parse_and_check(
    text: &str,
    path: Option<&Path>,
    env: &Env,
    sections: &[CommandSection],
) -> Result<Config, ConfigError> {
    let (config, problems) = parse_and_report(text, path, env, sections);
    if problems.is_empty() { Ok(config) } else { Err(ConfigError::many(problems)) }
}

/// Resolve a config given as text: what resolved and every problem of the file.
pub fn parse_and_report(
    text: &str,
    path: Option<&Path>,
    env: &Env,
    sections: &[CommandSection],
) -> (Config, Vec<ConfigError>) {
    let (raw, mut problems) = parse(text, path);
    let (config, more) = resolve_report(raw, path, text, env, sections);
    problems.extend(more);
    // In the order of the file, as the user reads it.
    problems.sort_by_key(|p| p.line.unwrap_or(usize::MAX));
    (config, problems)
}

/// Resolve a config that has no `[commands.NAME]` sections (any is refused as unknown): for
/// the layers below the commands, which know none.
pub fn parse_and_resolve(text: &str, path: Option<&Path>, env: &Env) -> Result<Config, ConfigError> {
    parse_and_check(text, path, env, &[])
}

/// The file as written, section by section (`defaults`, each account, organization, sink
/// and route, `backlog`, `commands`): serde stops at a section's first bad key, so each is
/// read on its own and one run finds every bad key of the file. A section with a problem
/// is left out of the result, whose `positions` keep the entries' places in the file.
fn parse(text: &str, path: Option<&Path>) -> (RawConfig, Vec<ConfigError>) {
    let table: toml::Table = match toml::from_str(text) {
        Ok(t) => t,
        Err(e) => {
            let err = ConfigError {
                file: path.map(Path::to_path_buf),
                line: e.span().map(|s| line_of(text, s.start)),
                key: None,
                message: e.message().trim().to_string(),
                hint: None,
            };
            return (RawConfig::default(), vec![err]);
        }
    };
    let mut raw = RawConfig::default();
    let mut problems = Vec::new();
    for (name, value) in table {
        match name.as_str() {
            "defaults" => {
                if let Some(d) = de_part(text, path, "defaults", value, &mut problems) {
                    raw.defaults = d;
                }
            }
            "backlog" => raw.backlog = de_part(text, path, "backlog", value, &mut problems),
            "accounts" => {
                raw.positions.accounts = de_list(text, path, "accounts", value, &mut raw.accounts, &mut problems);
            }
            "organizations" => {
                raw.positions.organizations =
                    de_list(text, path, "organizations", value, &mut raw.organizations, &mut problems);
            }
            "gcp_projects" => {
                raw.positions.gcp_projects =
                    de_list(text, path, "gcp_projects", value, &mut raw.gcp_projects, &mut problems);
            }
            "gcp" => raw.gcp = de_part(text, path, "gcp", value, &mut problems),
            "routes" => raw.positions.routes = de_list(text, path, "routes", value, &mut raw.routes, &mut problems),
            "scenarios" => {
                raw.positions.scenarios = de_list(text, path, "scenarios", value, &mut raw.scenarios, &mut problems);
            }
            "respond" => raw.respond = de_part(text, path, "respond", value, &mut problems),
            "sinks" | "commands" => {
                let toml::Value::Table(t) = value else {
                    problems.push(de_error(text, path, &name, "expected a table".into()));
                    continue;
                };
                for (k, v) in t {
                    let key = format!("{name}.{k}");
                    if name == "sinks" {
                        if let Some(s) = de_part(text, path, &key, v, &mut problems) {
                            raw.sinks.insert(k, s);
                        }
                    } else if let Some(c) = de_part(text, path, &key, v, &mut problems) {
                        raw.commands.insert(k, c);
                    }
                }
            }
            other => problems.push(ConfigError {
                hint: Some(
                    "the sections are defaults, accounts, organizations, gcp_projects, gcp, backlog, sinks, routes, commands, respond and scenarios".into(),
                ),
                ..de_error(text, path, other, format!("unknown section `{other}`"))
            }),
        }
    }
    (raw, problems)
}

fn de_error(text: &str, path: Option<&Path>, key: &str, message: String) -> ConfigError {
    ConfigError {
        file: path.map(Path::to_path_buf),
        line: locate(text, key),
        key: Some(key.into()),
        message,
        hint: None,
    }
}

/// Each entry of an array of tables (`[[accounts]]`) on its own; the file positions of
/// those read.
fn de_list<T: serde::de::DeserializeOwned>(
    text: &str,
    path: Option<&Path>,
    name: &str,
    value: toml::Value,
    out: &mut Vec<T>,
    problems: &mut Vec<ConfigError>,
) -> Vec<usize> {
    let toml::Value::Array(items) = value else {
        problems.push(de_error(text, path, name, format!("expected an array of tables ([[{name}]])")));
        return Vec::new();
    };
    let mut positions = Vec::new();
    for (i, v) in items.into_iter().enumerate() {
        if let Some(t) = de_part(text, path, &format!("{name}[{i}]"), v, problems) {
            out.push(t);
            positions.push(i);
        }
    }
    positions
}

/// One section of the file, its errors named by their full key (`sinks.ops.webhok_url`)
/// and the line of that key.
fn de_part<T: serde::de::DeserializeOwned>(
    text: &str,
    path: Option<&Path>,
    base: &str,
    value: toml::Value,
    problems: &mut Vec<ConfigError>,
) -> Option<T> {
    match serde_path_to_error::deserialize::<_, T>(value) {
        Ok(t) => Some(t),
        Err(e) => {
            let inner_path = e.path().to_string();
            let mut key = if inner_path == "." { base.to_string() } else { format!("{base}.{inner_path}") };
            let inner = e.into_inner();
            // Inside tagged enums serde buffers the table and the path stops at it: an
            // unknown field is better located by its own name.
            let unknown =
                inner.message().strip_prefix("unknown field `").and_then(|r| r.split('`').next()).map(str::to_string);
            if let Some(field) = unknown
                && !(key == field || key.ends_with(&format!(".{field}")))
            {
                let candidate = format!("{key}.{field}");
                if locate(text, &candidate).is_some() {
                    key = candidate;
                }
            }
            let (message, hint) = unknown_name(inner.message().trim());
            problems.push(ConfigError { hint, ..de_error(text, path, &key, message) });
            None
        }
    }
}

/// serde's "unknown field `colr`, expected one of `a`, `b`, …" (or variant) as a short
/// message and a hint with the near name, or the known ones: the line stays readable.
fn unknown_name(message: &str) -> (String, Option<String>) {
    let parsed = ["field", "variant"].iter().find_map(|what| {
        let rest = message.strip_prefix(&format!("unknown {what} `"))?;
        let (name, rest) = rest.split_once('`')?;
        let known: Vec<&str> = rest.split('`').skip(1).step_by(2).collect();
        Some((*what, name, known))
    });
    let Some((what, name, known)) = parsed else { return (message.to_string(), None) };
    let message = if what == "field" { format!("unknown key `{name}`") } else { format!("unknown value `{name}`") };
    let hint = match did_you_mean(name, known.iter().copied()) {
        Some(near) => format!("did you mean `{near}`?"),
        None if known.is_empty() => return (message, None),
        None => format!("known: {}", known.join(", ")),
    };
    (message, Some(hint))
}

/// 1-based line of a byte offset.
fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].bytes().filter(|b| *b == b'\n').count() + 1
}

/// Find the line of a dotted key path (`sinks.slack.webhook_url_env`, `routes[1].sinks`)
/// in the document, as near as it exists.
pub fn locate(text: &str, path: &str) -> Option<usize> {
    use toml::de::{DeTable, DeValue};
    let doc = DeTable::parse(text).ok()?;
    let mut table: &DeTable = doc.get_ref();
    let mut best: Option<usize> = None;
    for part in path.split('.') {
        let (name, index) = match part.find('[') {
            Some(i) => (&part[..i], part[i + 1..].trim_end_matches(']').parse::<usize>().ok()),
            None => (part, None),
        };
        let (k, v) = table.iter().find(|(k, _)| k.get_ref().as_ref() == name)?;
        best = Some(line_of(text, k.span().start));
        let mut value = v;
        if let Some(i) = index
            && let DeValue::Array(items) = value.get_ref()
        {
            value = items.get(i)?;
            best = Some(line_of(text, value.span().start));
        }
        match value.get_ref() {
            DeValue::Table(t) => table = t,
            _ => break,
        }
    }
    best
}

// ---------------------------------------------------------------------------------------
// Resolution
// ---------------------------------------------------------------------------------------

struct Ctx<'a> {
    path: Option<&'a Path>,
    text: &'a str,
    env: &'a Env,
    /// Whether the config file may be read by group or others.
    loose: bool,
}

impl Ctx<'_> {
    fn err(&self, key: &str, message: impl Into<String>) -> ConfigError {
        ConfigError {
            file: self.path.map(Path::to_path_buf),
            line: locate(self.text, key),
            key: Some(key.to_string()),
            message: message.into(),
            hint: None,
        }
    }

    fn err_hint(&self, key: &str, message: impl Into<String>, hint: impl Into<String>) -> ConfigError {
        ConfigError { hint: Some(hint.into()), ..self.err(key, message) }
    }

    /// A URL that carries a secret (in itself, in its query or in the body sent to it) must
    /// be `https://`, or `http://` to loopback (tests, the sandbox, a local relay): over plain
    /// `http://` to anywhere else every hop on the way reads the secret. `key` is the key the
    /// user wrote (`webhook_url`, `webhook_url_env`, ..), so the error points at it; the value
    /// is never quoted, only its scheme and host.
    fn check_secret_url(&self, key: &str, value: &str) -> Result<(), ConfigError> {
        let hint = "give the full https:// address (http:// is accepted only for 127.0.0.1, ::1 and localhost)";
        let url = match url::Url::parse(value.trim()) {
            Ok(u) if matches!(u.scheme(), "http" | "https") && u.host().is_some() => u,
            Ok(u) if !matches!(u.scheme(), "http" | "https") => {
                return Err(self.err_hint(key, format!("must be an http(s) URL, not `{}:`", u.scheme()), hint));
            }
            _ => return Err(self.err_hint(key, "is not a URL with a scheme and a host", hint)),
        };
        if url.scheme() == "http" && !is_loopback(&url) {
            return Err(self.err_hint(
                key,
                format!(
                    "uses plain http:// to `{}`, which would send a secret unencrypted",
                    url.host_str().unwrap_or_default()
                ),
                hint,
            ));
        }
        Ok(())
    }

    /// Resolve a secret given as `<name>`, `<name>_env` or `<name>_file` under `base`. A
    /// file that names it wrongly (two forms, a literal in a loose file) is an error now; a
    /// variable or file that cannot be read is kept in the [`ConfigSecret`] for the code
    /// that needs it.
    fn secret(
        &self,
        base: &str,
        name: &str,
        literal: Option<&String>,
        env: Option<&String>,
        file: Option<&PathBuf>,
    ) -> Result<Option<ConfigSecret>, ConfigError> {
        let given = [literal.is_some(), env.is_some(), file.is_some()].iter().filter(|b| **b).count();
        if given > 1 {
            return Err(self
                .err(&format!("{base}.{name}"), format!("give only one of `{name}`, `{name}_env` and `{name}_file`")));
        }
        if let Some(value) = literal {
            if self.loose {
                let mode = self.path.and_then(file_mode).unwrap_or(0);
                return Err(self.err_hint(
                    &format!("{base}.{name}"),
                    format!("a literal secret in a file readable by others (mode {mode:o})"),
                    format!(
                        "use `{name}_env = \"VAR\"` or `{name}_file = \"/path\"`, or `chmod 600 {}`",
                        self.path.map(|p| p.display().to_string()).unwrap_or_default()
                    ),
                ));
            }
            return Ok(Some(Secret::new(value.clone()).into()));
        }
        let deferred = |e: ConfigError| Ok(Some(ConfigSecret(Err(Box::new(e)))));
        if let Some(var) = env {
            let key = format!("{base}.{name}_env");
            return match self.env.get(var) {
                Some(v) => Ok(Some(Secret::new(v.trim().to_string()).into())),
                None => deferred(self.err_hint(
                    &key,
                    format!("environment variable `{var}` is not set or empty"),
                    format!("export {var}=… in the environment of the opskit process (systemd: EnvironmentFile=)"),
                )),
            };
        }
        if let Some(path) = file {
            let key = format!("{base}.{name}_file");
            let v = match std::fs::read_to_string(path) {
                Ok(v) => v.trim().to_string(),
                Err(e) => return deferred(self.err(&key, format!("cannot read secret file {}: {e}", path.display()))),
            };
            if v.is_empty() {
                return deferred(self.err(&key, format!("secret file {} is empty", path.display())));
            }
            if file_mode(path).is_some_and(|m| m & 0o077 != 0) {
                tracing::warn!(file = %path.display(), "secret file is readable by group or others; chmod 600 it");
            }
            return Ok(Some(Secret::new(v).into()));
        }
        Ok(None)
    }

    fn required_secret(
        &self,
        base: &str,
        name: &str,
        literal: Option<&String>,
        env: Option<&String>,
        file: Option<&PathBuf>,
    ) -> Result<ConfigSecret, ConfigError> {
        self.secret(base, name, literal, env, file)?.ok_or_else(|| {
            self.err_hint(
                base,
                format!("missing `{name}`"),
                format!("set `{name}_env = \"VAR\"` (the value comes from that environment variable) or `{name}_file`"),
            )
        })
    }

    /// Check a secret URL when its value could be read (a deferred one is checked when used).
    fn check_secret_url_of(&self, key: &str, secret: &ConfigSecret) -> Result<(), ConfigError> {
        match secret.get() {
            Ok(v) => self.check_secret_url(key, v.expose()),
            Err(_) => Ok(()),
        }
    }
}

#[cfg(unix)]
fn file_mode(path: &Path) -> Option<u32> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).ok().map(|m| m.permissions().mode() & 0o777)
}

#[cfg(not(unix))]
fn file_mode(_: &Path) -> Option<u32> {
    None
}

/// A sink's timeout (`defaults.sink_timeout`, `sinks.NAME.timeout`): within
/// [`SINK_TIMEOUT_RANGE`].
fn check_sink_timeout(ctx: &Ctx, key: &str, t: Dur) -> Result<(), ConfigError> {
    if SINK_TIMEOUT_RANGE.contains(&t.0) {
        return Ok(());
    }
    Err(ctx.err_hint(
        key,
        format!("`{t}` is out of range (1s to 5m)"),
        "a sink that takes longer than a few seconds is not answering; the default is 15s",
    ))
}

/// A sink's connect timeout: within [`SINK_CONNECT_TIMEOUT_RANGE`] and not longer than the
/// timeout of the attempt it is part of (`of`, named by `of_key`).
fn check_connect_timeout(ctx: &Ctx, key: &str, c: Dur, of: Dur, of_key: &str) -> Result<Dur, ConfigError> {
    if !SINK_CONNECT_TIMEOUT_RANGE.contains(&c.0) {
        return Err(ctx.err_hint(
            key,
            format!("`{c}` is out of range (100ms to 1m)"),
            "a host that has not accepted the connection within seconds is not there; the default is 5s",
        ));
    }
    if c > of {
        return Err(ctx.err_hint(
            key,
            format!("`{c}` is longer than {of_key} ({of}), which bounds the whole attempt, connecting included"),
            format!("lower it, or raise {of_key}"),
        ));
    }
    Ok(c)
}

/// `sinks.NAME.timeout` and `connect_timeout`, over the defaults; the run's delivery
/// deadline must leave room for at least one attempt of every sink.
fn resolve_sink_timeouts(
    ctx: &Ctx,
    base: &str,
    d: &Defaults,
    timeout: Option<Dur>,
    connect_timeout: Option<Dur>,
) -> Result<SinkTimeouts, ConfigError> {
    let (t, timeout_key) = match timeout {
        Some(t) => {
            let key = format!("{base}.timeout");
            check_sink_timeout(ctx, &key, t)?;
            if t > d.delivery_deadline {
                return Err(ctx.err_hint(
                    &key,
                    format!(
                        "`{t}` is longer than defaults.delivery_deadline ({}), which bounds all of a run's deliveries",
                        d.delivery_deadline
                    ),
                    "lower the sink's timeout, or raise defaults.delivery_deadline",
                ));
            }
            (t, key)
        }
        None => (d.sink_timeout, "defaults.sink_timeout".to_string()),
    };
    let connect_timeout = match connect_timeout {
        Some(c) => check_connect_timeout(ctx, &format!("{base}.connect_timeout"), c, t, &timeout_key)?,
        // The default connect timeout, shortened to a shorter timeout of the sink's own.
        None => d.sink_connect_timeout.min(t),
    };
    Ok(SinkTimeouts { timeout: t, connect_timeout, timeout_key })
}

fn check_tz(ctx: &Ctx, key: &str, tz: &str) -> Result<(), ConfigError> {
    jiff::tz::TimeZone::get(tz).map(|_| ()).map_err(|_| {
        ctx.err_hint(key, format!("unknown time zone `{tz}`"), "use an IANA name such as Asia/Tokyo or UTC")
    })
}

fn parse_hhmm(s: &str) -> Option<u16> {
    let (h, m) = s.split_once(':')?;
    let (h, m): (u16, u16) = (h.parse().ok()?, m.parse().ok()?);
    // 24:00 is allowed as the end of a day.
    ((h < 24 && m < 60) || (h == 24 && m == 0)).then_some(h * 60 + m)
}

fn parse_days(list: &[String]) -> Result<Vec<i8>, String> {
    let mut days = Vec::new();
    for d in list {
        let add: &[i8] = match d.to_ascii_lowercase().as_str() {
            "mon" | "monday" => &[1],
            "tue" | "tuesday" => &[2],
            "wed" | "wednesday" => &[3],
            "thu" | "thursday" => &[4],
            "fri" | "friday" => &[5],
            "sat" | "saturday" => &[6],
            "sun" | "sunday" => &[7],
            "weekdays" => &[1, 2, 3, 4, 5],
            "weekends" => &[6, 7],
            "all" | "every" | "daily" => &[1, 2, 3, 4, 5, 6, 7],
            other => {
                return Err(format!("unknown day `{other}` (mon..sun, weekdays, weekends, all)"));
            }
        };
        days.extend_from_slice(add);
    }
    days.sort();
    days.dedup();
    Ok(days)
}

/// `defaults.sink_timeout`: one delivery attempt, connecting included.
pub const DEFAULT_SINK_TIMEOUT: Duration = Duration::from_secs(15);

/// `defaults.sink_connect_timeout`: connecting to a sink (or `sink_timeout`, if shorter).
pub const DEFAULT_SINK_CONNECT_TIMEOUT: Duration = Duration::from_secs(5);

/// The range a sink's timeout may take: shorter is no time to answer, longer is not answering.
const SINK_TIMEOUT_RANGE: std::ops::RangeInclusive<Duration> = Duration::from_secs(1)..=Duration::from_secs(300);

/// The range a sink's connect timeout may take (and never longer than its timeout).
const SINK_CONNECT_TIMEOUT_RANGE: std::ops::RangeInclusive<Duration> =
    Duration::from_millis(100)..=Duration::from_secs(60);

/// `defaults.delivery_deadline`: all of a run's deliveries.
pub const DEFAULT_DELIVERY_DEADLINE: Duration = Duration::from_secs(45);

/// The AWS regions this opskit knows (commercial, GovCloud, China, the European Sovereign
/// Cloud), for `config check`: a name not here is far likelier a typo than a region opened
/// after this build.
pub const KNOWN_REGIONS: &[&str] = &[
    "af-south-1",
    "ap-east-1",
    "ap-east-2",
    "ap-northeast-1",
    "ap-northeast-2",
    "ap-northeast-3",
    "ap-south-1",
    "ap-south-2",
    "ap-southeast-1",
    "ap-southeast-2",
    "ap-southeast-3",
    "ap-southeast-4",
    "ap-southeast-5",
    "ap-southeast-6",
    "ap-southeast-7",
    "ca-central-1",
    "ca-west-1",
    "cn-north-1",
    "cn-northwest-1",
    "eu-central-1",
    "eu-central-2",
    "eu-north-1",
    "eu-south-1",
    "eu-south-2",
    "eu-west-1",
    "eu-west-2",
    "eu-west-3",
    "eusc-de-east-1",
    "il-central-1",
    "me-central-1",
    "me-south-1",
    "mx-central-1",
    "sa-east-1",
    "us-east-1",
    "us-east-2",
    "us-gov-east-1",
    "us-gov-west-1",
    "us-west-1",
    "us-west-2",
];

/// The candidate nearest to `word` when it is near enough to be what was meant (at most a
/// third of its letters different), for "did you mean" hints.
pub fn did_you_mean<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let limit = (word.chars().count() / 3).max(1);
    candidates
        .into_iter()
        .map(|c| (edit_distance(word, c), c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// Levenshtein distance, over characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = if ca == *cb { prev } else { 1 + prev.min(row[j]).min(row[j + 1]) };
            prev = cur;
        }
    }
    row[b.len()]
}

pub fn region_ok(r: &str) -> bool {
    !r.is_empty() && r.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

fn account_id_ok(id: &str) -> bool {
    id.len() == 12 && id.chars().all(|c| c.is_ascii_digit())
}

/// `ou-` + 4-32 lowercase letters or digits (the root's) + `-` + 8-32 more, or a root id
/// `r-` + 4-32, as the Organizations API reference's patterns have them.
pub fn ou_or_root_id_ok(id: &str) -> bool {
    let word = |s: &str, min: usize| {
        (min..=32).contains(&s.len()) && s.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
    };
    if let Some(rest) = id.strip_prefix("ou-") {
        return rest.split_once('-').is_some_and(|(root, ou)| word(root, 4) && word(ou, 8));
    }
    id.strip_prefix("r-").is_some_and(|root| word(root, 4))
}

/// IAM's role name (with an optional path before it): letters, digits and `+=,.@_-`.
fn role_name_ok(name: &str) -> bool {
    let leaf = name.rsplit('/').next().unwrap_or("");
    !leaf.is_empty()
        && leaf.len() <= 64
        && !name.starts_with('/')
        && name.chars().all(|c| c.is_ascii_alphanumeric() || "+=,.@_-/".contains(c))
}

/// STS's RoleSessionName: 2-64 of letters, digits and `+=,.@_-`.
fn session_name_ok(name: &str) -> bool {
    (2..=64).contains(&name.len()) && name.chars().all(|c| c.is_ascii_alphanumeric() || "+=,.@_-".contains(c))
}

fn resolve_organization(
    ctx: &Ctx,
    i: usize,
    o: RawOrganization,
    earlier: &[Organization],
) -> Result<Organization, ConfigError> {
    let base = format!("organizations[{i}]");
    let key = |k: &str| format!("{base}.{k}");
    let name_ok = !o.name.is_empty() && o.name.chars().all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c));
    if !name_ok {
        return Err(ctx.err_hint(
            &key("name"),
            format!("`{}` is not a usable organization name", o.name),
            "use letters, digits, `-`, `_` and `.`: it names the cached snapshot and the `organization` tag",
        ));
    }
    if earlier.iter().any(|x| x.name == o.name) {
        return Err(ctx.err(&key("name"), format!("organization `{}` is defined twice", o.name)));
    }
    let Some(role_name) = o.role_name else {
        return Err(ctx.err_hint(
            &base,
            "missing `role_name`",
            "the role opskit assumes in each member account, e.g. role_name = \"OpsKitReadOnly\"",
        ));
    };
    if !role_name_ok(&role_name) {
        return Err(ctx.err(&key("role_name"), format!("`{role_name}` is not an IAM role name")));
    }
    let external_id = ctx.secret(
        &base,
        "external_id",
        o.external_id.as_ref(),
        o.external_id_env.as_ref(),
        o.external_id_file.as_ref(),
    )?;
    let session_name = o.session_name.unwrap_or_else(|| "opskit".into());
    if !session_name_ok(&session_name) {
        return Err(ctx.err(
            &key("session_name"),
            format!("`{session_name}` is not a role session name (2-64 of letters, digits and +=,.@_-)"),
        ));
    }
    let regions = o.regions.unwrap_or_default();
    for r in &regions {
        if !region_ok(r) {
            return Err(ctx.err(&key("regions"), format!("`{r}` is not a region name")));
        }
    }
    for (list, what) in [(&o.include_ous, "include_ous"), (&o.exclude_ous, "exclude_ous")] {
        for id in list {
            if !ou_or_root_id_ok(id) {
                return Err(ctx.err_hint(
                    &key(what),
                    format!("`{id}` is not an OU or root id"),
                    "OU ids look like ou-ab12-cd34ef56, root ids like r-ab12 (aws organizations list-roots)",
                ));
            }
        }
    }
    if let Some(id) = o.include_ous.iter().find(|id| o.exclude_ous.contains(id)) {
        return Err(ctx.err(&key("exclude_ous"), format!("`{id}` is both included and excluded")));
    }
    for (list, what) in [(&o.accounts, "accounts"), (&o.skip_accounts, "skip_accounts")] {
        for id in list {
            if !account_id_ok(id) {
                return Err(ctx.err(&key(what), format!("`{id}` is not a 12-digit AWS account id")));
            }
        }
    }
    for k in &o.copy_tags {
        if k.trim().is_empty() {
            return Err(ctx.err(&key("copy_tags"), "a tag key must not be empty"));
        }
    }
    let cache_ttl = o.cache_ttl.unwrap_or(Dur(DEFAULT_ORGANIZATIONS_CACHE_TTL));
    Ok(Organization {
        name: o.name,
        profile: o.profile,
        role_name,
        external_id,
        session_name,
        regions,
        include_ous: o.include_ous,
        exclude_ous: o.exclude_ous,
        accounts: o.accounts,
        skip_accounts: o.skip_accounts,
        tags: o.tags,
        copy_tags: o.copy_tags,
        cache_ttl,
    })
}

/// Resolve the file as written into the config, stopping at its first problem.
pub fn resolve(
    raw: RawConfig,
    path: Option<&Path>,
    text: &str,
    env: &Env,
    sections: &[CommandSection],
) -> Result<Config, ConfigError> {
    let (config, problems) = resolve_report(raw, path, text, env, sections);
    if problems.is_empty() { Ok(config) } else { Err(ConfigError::many(problems)) }
}

/// Resolve the file as written, section by section: each account, organization, sink and
/// route on its own, so one run finds every problem of the file. Returns what resolved and
/// the problems (empty when the config is good); a part with a problem is left out.
pub fn resolve_report(
    raw: RawConfig,
    path: Option<&Path>,
    text: &str,
    env: &Env,
    sections: &[CommandSection],
) -> (Config, Vec<ConfigError>) {
    let loose = path.and_then(file_mode).is_some_and(|m| m & 0o077 != 0);
    let ctx = Ctx { path, text, env, loose };
    let mut problems = Vec::new();

    let defaults = resolve_defaults(&ctx, raw.defaults).unwrap_or_else(|e| {
        problems.push(e);
        resolve_defaults(&ctx, RawDefaults::default()).expect("the built-in defaults resolve")
    });

    let mut accounts = Vec::with_capacity(raw.accounts.len());
    // Names seen so far: a set, not a scan of `accounts`, so a config of 200k accounts
    // loads in linear time (the scan made it take minutes).
    let mut names: std::collections::HashSet<String> = std::collections::HashSet::with_capacity(raw.accounts.len());
    for (i, a) in raw.accounts.into_iter().enumerate() {
        match resolve_account(&ctx, Positions::at(&raw.positions.accounts, i), a, &mut names) {
            Ok(a) => accounts.push(a),
            Err(e) => problems.push(e),
        }
    }

    let mut organizations: Vec<Organization> = Vec::new();
    for (i, o) in raw.organizations.into_iter().enumerate() {
        match resolve_organization(&ctx, Positions::at(&raw.positions.organizations, i), o, &organizations) {
            Ok(o) => organizations.push(o),
            Err(e) => problems.push(e),
        }
    }

    let mut gcp_projects: Vec<GcpProject> = Vec::with_capacity(raw.gcp_projects.len());
    for (i, p) in raw.gcp_projects.into_iter().enumerate() {
        match resolve_gcp_project(&ctx, Positions::at(&raw.positions.gcp_projects, i), p, &gcp_projects) {
            Ok(p) => gcp_projects.push(p),
            Err(e) => problems.push(e),
        }
    }
    let gcp = match raw.gcp.map(|g| resolve_gcp(&ctx, g)).transpose() {
        Ok(g) => g.unwrap_or_default(),
        Err(e) => {
            problems.push(e);
            Gcp::default()
        }
    };

    let backlog_given = raw.backlog.is_some();
    let backlog = match raw.backlog.map(|b| resolve_backlog(&ctx, b)).transpose() {
        Ok(b) => b,
        Err(e) => {
            problems.push(e);
            None
        }
    };

    // Every sink the file defines, resolved or not: a route to a sink with a problem of
    // its own is not a second problem.
    let defined: Vec<String> = raw.sinks.keys().cloned().collect();
    // The sinks a route's `slack_channel` can apply to, known even when one fails to resolve.
    let bot_sinks: Vec<String> =
        raw.sinks.iter().filter(|(_, s)| matches!(s, RawSink::SlackBot { .. })).map(|(n, _)| n.clone()).collect();
    // The same for a route's `backlog` table.
    let backlog_sinks: Vec<String> =
        raw.sinks.iter().filter(|(_, s)| matches!(s, RawSink::BacklogIssue { .. })).map(|(n, _)| n.clone()).collect();
    let mut sinks = BTreeMap::new();
    let mut sink_timeouts = BTreeMap::new();
    for (name, s) in raw.sinks {
        match resolve_sink(&ctx, &name, s, &defaults, &names, backlog_given) {
            Ok((sink, timeouts)) => {
                sink_timeouts.insert(name.clone(), timeouts);
                sinks.insert(name, sink);
            }
            Err(e) => problems.push(e),
        }
    }

    let mut routes = Vec::new();
    for (i, r) in raw.routes.into_iter().enumerate() {
        let kinds = RouteSinkKinds { bots: &bot_sinks, backlogs: &backlog_sinks };
        match resolve_route(&ctx, Positions::at(&raw.positions.routes, i), r, &defined, kinds, &defaults.timezone) {
            Ok(r) => routes.push(r),
            Err(e) => problems.push(e),
        }
    }

    let respond = match scenarios::resolve_respond(&ctx, raw.respond) {
        Ok(r) => r,
        Err(e) => {
            problems.push(e);
            crate::respond::scenario::RespondSettings::default()
        }
    };
    let mut scenario_list = Vec::new();
    for (i, sc) in raw.scenarios.into_iter().enumerate() {
        let at = Positions::at(&raw.positions.scenarios, i);
        match scenarios::resolve_scenario(&ctx, at, sc, &defaults.timezone) {
            Ok(sc) if scenario_list.iter().any(|x: &crate::respond::scenario::Scenario| x.name == sc.name) => problems
                .push(ctx.err_hint(
                    &format!("scenarios[{at}].name"),
                    format!("a second scenario named `{}`", sc.name),
                    "scenario names must be unique: the audit trail and silences name them",
                )),
            Ok(sc) => scenario_list.push(sc),
            Err(e) => problems.push(e),
        }
    }

    let mut commands = raw.commands;
    let unknown: Vec<String> = commands.keys().filter(|n| !sections.iter().any(|s| s.name == *n)).cloned().collect();
    for name in unknown {
        let known: Vec<&str> = sections.iter().map(|s| s.name).collect();
        problems.push(ctx.err_hint(
            &format!("commands.{name}"),
            format!("unknown command section `{name}`"),
            format!("known: {}", known.join(", ")),
        ));
        commands.remove(&name);
    }

    let config = Config {
        file: path.map(Path::to_path_buf),
        defaults,
        accounts,
        organizations,
        gcp_projects,
        gcp,
        backlog,
        sinks,
        sink_timeouts,
        routes,
        commands,
        shard: None,
        respond,
        scenarios: scenario_list,
    };
    for section in sections {
        if let Err(e) = (section.check)(&config) {
            problems.push(e);
        }
    }
    (config, problems)
}

fn resolve_defaults(ctx: &Ctx, d: RawDefaults) -> Result<Defaults, ConfigError> {
    let timezone = d.timezone.unwrap_or_else(|| "UTC".into());
    check_tz(ctx, "defaults.timezone", &timezone)?;
    let concurrency = d.concurrency.unwrap_or(16);
    if concurrency == 0 {
        return Err(ctx.err("defaults.concurrency", "must be at least 1"));
    }
    let regions = d.regions.unwrap_or_default();
    for r in &regions {
        if !region_ok(r) {
            return Err(ctx.err("defaults.regions", format!("`{r}` is not a region name")));
        }
    }
    let delivery_attempts = d.delivery_attempts.unwrap_or(5);
    if delivery_attempts == 0 {
        return Err(ctx.err("defaults.delivery_attempts", "must be at least 1"));
    }
    let sink_timeout = d.sink_timeout.unwrap_or(Dur(DEFAULT_SINK_TIMEOUT));
    check_sink_timeout(ctx, "defaults.sink_timeout", sink_timeout)?;
    let sink_connect_timeout = match d.sink_connect_timeout {
        Some(c) => check_connect_timeout(ctx, "defaults.sink_connect_timeout", c, sink_timeout, "sink_timeout")?,
        None => Dur(DEFAULT_SINK_CONNECT_TIMEOUT.min(sink_timeout.0)),
    };
    let delivery_deadline = d.delivery_deadline.unwrap_or(Dur(DEFAULT_DELIVERY_DEADLINE));
    if delivery_deadline.0 < sink_timeout.0 || delivery_deadline.0 > Duration::from_secs(3600) {
        return Err(ctx.err_hint(
            "defaults.delivery_deadline",
            format!("`{delivery_deadline}` is out of range (sink_timeout, {sink_timeout}, to 1h)"),
            "what a run has not delivered by then is owed to the next run; the default, 45s, keeps a minutely timer minutely",
        ));
    }
    let lease = d.lease.unwrap_or(Dur(Duration::from_secs(15 * 60)));
    if lease.0 < Duration::from_secs(2) {
        return Err(ctx.err("defaults.lease", "must be at least 2s (the lock is renewed every third of it)"));
    }
    let forget_resolved_after = d.forget_resolved_after.unwrap_or(Dur(Duration::from_secs(90 * 86_400)));
    if forget_resolved_after.0 < Duration::from_secs(86_400) {
        return Err(ctx.err("defaults.forget_resolved_after", "must be at least 1d"));
    }
    Ok(Defaults {
        timezone,
        state: d.state,
        concurrency,
        timeout: d.timeout.unwrap_or(Dur(Duration::from_secs(60))),
        regions,
        templates_dir: d.templates_dir,
        delivery_attempts,
        retry_backoff: d.retry_backoff.unwrap_or(Dur(Duration::from_secs(1))),
        max_retry_wait: d.max_retry_wait.unwrap_or(Dur(Duration::from_secs(120))),
        sink_timeout,
        sink_connect_timeout,
        delivery_deadline,
        lease,
        forget_resolved_after,
    })
}

fn resolve_account(
    ctx: &Ctx,
    i: usize,
    a: RawAccount,
    names: &mut std::collections::HashSet<String>,
) -> Result<Account, ConfigError> {
    let base = format!("accounts[{i}]");
    if a.name.trim().is_empty() {
        return Err(ctx.err(&format!("{base}.name"), "an account needs a name"));
    }
    if !names.insert(a.name.clone()) {
        return Err(ctx.err(&format!("{base}.name"), format!("account `{}` is defined twice", a.name)));
    }
    if let Some(id) = &a.id
        && !account_id_ok(id)
    {
        return Err(ctx.err(&format!("{base}.id"), format!("`{id}` is not a 12-digit AWS account id")));
    }
    if let Some(arn) = &a.role_arn
        && !arn.starts_with("arn:aws")
    {
        return Err(ctx.err(&format!("{base}.role_arn"), format!("`{arn}` is not a role ARN")));
    }
    let external_id = ctx.secret(
        &base,
        "external_id",
        a.external_id.as_ref(),
        a.external_id_env.as_ref(),
        a.external_id_file.as_ref(),
    )?;
    if external_id.is_some() && a.role_arn.is_none() {
        return Err(ctx.err(&format!("{base}.external_id"), "an external id needs `role_arn`"));
    }
    let regions_from = if a.regions.is_some() { RegionSource::Regions } else { RegionSource::Pending };
    let regions = a.regions.unwrap_or_default();
    for r in &regions {
        if !region_ok(r) {
            return Err(ctx.err(&format!("{base}.regions"), format!("`{r}` is not a region name")));
        }
    }
    Ok(Account {
        regions_from,
        session_name: a.session_name.unwrap_or_else(|| "opskit".into()),
        name: a.name,
        id: a.id,
        profile: a.profile,
        role_arn: a.role_arn,
        external_id,
        regions,
        tags: a.tags,
    })
}

/// Google's rule for project ids: 6 to 30 lowercase letters, digits and hyphens, starting
/// with a letter, not ending with a hyphen.
pub fn gcp_project_id_ok(id: &str) -> bool {
    (6..=30).contains(&id.len())
        && id.starts_with(|c: char| c.is_ascii_lowercase())
        && !id.ends_with('-')
        && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

fn resolve_gcp_project(ctx: &Ctx, i: usize, p: RawGcpProject, seen: &[GcpProject]) -> Result<GcpProject, ConfigError> {
    let base = format!("gcp_projects[{i}]");
    if !gcp_project_id_ok(&p.id) {
        return Err(ctx.err_hint(
            &format!("{base}.id"),
            format!("`{}` is not a Google Cloud project id", p.id),
            "the project id (6-30 lowercase letters, digits and hyphens, e.g. `acme-prod-123`), not its number",
        ));
    }
    if seen.iter().any(|s| s.id == p.id) {
        return Err(ctx.err(&format!("{base}.id"), format!("project `{}` is listed twice", p.id)));
    }
    let name = p.name.filter(|n| !n.trim().is_empty()).unwrap_or_else(|| p.id.clone());
    Ok(GcpProject { id: p.id, name, tags: p.tags })
}

/// An API root: https, or plain http only to a loopback host (an emulator, the sandbox).
fn check_api_endpoint(ctx: &Ctx, key: &str, endpoint: &str) -> Result<(), ConfigError> {
    let parsed = url::Url::parse(endpoint).map_err(|e| ctx.err(key, format!("`{endpoint}` is not a URL: {e}")))?;
    match parsed.scheme() {
        "https" => Ok(()),
        "http" => {
            let loopback = match parsed.host() {
                Some(url::Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
                Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
                Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
                None => false,
            };
            if loopback {
                Ok(())
            } else {
                Err(ctx.err_hint(
                    key,
                    format!("`{endpoint}` is plain http to a host that is not loopback"),
                    "use https: the requests carry a bearer token",
                ))
            }
        }
        other => Err(ctx.err(key, format!("`{endpoint}`: unknown scheme `{other}`"))),
    }
}

fn resolve_gcp(ctx: &Ctx, g: RawGcp) -> Result<Gcp, ConfigError> {
    for (key, e) in
        [("gcp.compute_endpoint", &g.compute_endpoint), ("gcp.resource_manager_endpoint", &g.resource_manager_endpoint)]
    {
        if let Some(e) = e {
            check_api_endpoint(ctx, key, e)?;
        }
    }
    let discover_query = match g.discover {
        None => None,
        Some(d) => {
            let given =
                [d.organization.is_some(), d.folder.is_some(), d.query.is_some()].iter().filter(|b| **b).count();
            if given != 1 {
                return Err(ctx.err_hint(
                    "gcp.discover",
                    "give exactly one of `organization`, `folder` or `query`",
                    "e.g. discover = { organization = \"123456789012\" }",
                ));
            }
            let digits = |key: &str, v: &str| -> Result<(), ConfigError> {
                if v.is_empty() || !v.chars().all(|c| c.is_ascii_digit()) {
                    return Err(ctx.err(key, format!("`{v}` is not a numeric id")));
                }
                Ok(())
            };
            if let Some(o) = d.organization {
                digits("gcp.discover.organization", &o)?;
                Some(format!("parent:organizations/{o}"))
            } else if let Some(f) = d.folder {
                digits("gcp.discover.folder", &f)?;
                Some(format!("parent:folders/{f}"))
            } else {
                d.query
                    .filter(|q| !q.trim().is_empty())
                    .map(Some)
                    .ok_or_else(|| ctx.err("gcp.discover.query", "is empty"))?
            }
        }
    };
    Ok(Gcp {
        discover_query,
        compute_endpoint: g.compute_endpoint.map(|e| e.trim_end_matches('/').to_string()),
        resource_manager_endpoint: g.resource_manager_endpoint.map(|e| e.trim_end_matches('/').to_string()),
    })
}

fn resolve_backlog(ctx: &Ctx, b: RawBacklog) -> Result<Backlog, ConfigError> {
    let url = url::Url::parse(&b.base_url)
        .map_err(|e| ctx.err("backlog.base_url", format!("`{}` is not a URL: {e}", b.base_url)))?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(ctx.err("backlog.base_url", "must be an http(s) URL"));
    }
    // Every request carries the API key in its query string.
    ctx.check_secret_url("backlog.base_url", &b.base_url)?;
    let api_key =
        ctx.required_secret("backlog", "api_key", b.api_key.as_ref(), b.api_key_env.as_ref(), b.api_key_file.as_ref())?;
    Ok(Backlog { base_url: b.base_url.trim_end_matches('/').to_string(), api_key })
}

/// The key the user wrote for a `<name>`/`<name>_env`/`<name>_file` secret, for errors.
fn given(base: &str, name: &str, literal: bool, env: bool) -> String {
    let suffix = if literal {
        ""
    } else if env {
        "_env"
    } else {
        "_file"
    };
    format!("{base}.{name}{suffix}")
}

/// One `[sinks.NAME]`: the sink and its timeouts. `accounts` are the configured account
/// names (an SNS sink may publish as one); `backlog` whether the file has `[backlog]`.
fn resolve_sink(
    ctx: &Ctx,
    name: &str,
    s: RawSink,
    defaults: &Defaults,
    accounts: &std::collections::HashSet<String>,
    backlog: bool,
) -> Result<(Sink, SinkTimeouts), ConfigError> {
    let base = format!("sinks.{name}");
    // Stdout does no HTTP: it takes the defaults (the attempt timeout still bounds it).
    let mut timeouts = None;
    let sink = match s {
        RawSink::Slack { webhook_url, webhook_url_env, webhook_url_file, timeout, connect_timeout } => {
            timeouts = Some(resolve_sink_timeouts(ctx, &base, defaults, timeout, connect_timeout)?);
            let key = given(&base, "webhook_url", webhook_url.is_some(), webhook_url_env.is_some());
            let webhook_url = ctx.required_secret(
                &base,
                "webhook_url",
                webhook_url.as_ref(),
                webhook_url_env.as_ref(),
                webhook_url_file.as_ref(),
            )?;
            ctx.check_secret_url_of(&key, &webhook_url)?;
            Sink::Slack { webhook_url }
        }
        RawSink::SlackBot {
            token,
            token_env,
            token_file,
            channel,
            api_url,
            thread_replies,
            timeout,
            connect_timeout,
        } => {
            timeouts = Some(resolve_sink_timeouts(ctx, &base, defaults, timeout, connect_timeout)?);
            let token = ctx.required_secret(&base, "token", token.as_ref(), token_env.as_ref(), token_file.as_ref())?;
            if channel.trim().is_empty() {
                return Err(ctx.err_hint(
                    &format!("{base}.channel"),
                    "is empty",
                    "give the channel ID (C0123ABCD, from the channel's details) or its name (#ops-alerts)",
                ));
            }
            // The token travels in the Authorization header of every request.
            let api_url = api_url.unwrap_or_else(|| DEFAULT_SLACK_API_URL.into());
            ctx.check_secret_url(&format!("{base}.api_url"), &api_url)?;
            Sink::SlackBot {
                token,
                channel: channel.trim().to_string(),
                api_url: api_url.trim().trim_end_matches('/').to_string(),
                thread_replies: thread_replies.unwrap_or(false),
            }
        }
        RawSink::Pagerduty {
            routing_key,
            routing_key_env,
            routing_key_file,
            events_url,
            api_token,
            api_token_env,
            api_token_file,
            from,
            api_url,
            timeout,
            connect_timeout,
        } => {
            timeouts = Some(resolve_sink_timeouts(ctx, &base, defaults, timeout, connect_timeout)?);
            let routing_key = ctx.required_secret(
                &base,
                "routing_key",
                routing_key.as_ref(),
                routing_key_env.as_ref(),
                routing_key_file.as_ref(),
            )?;
            // The routing key travels in the body.
            let events_url = events_url.unwrap_or_else(|| DEFAULT_PAGERDUTY_EVENTS_URL.into());
            ctx.check_secret_url(&format!("{base}.events_url"), &events_url)?;
            let token =
                ctx.secret(&base, "api_token", api_token.as_ref(), api_token_env.as_ref(), api_token_file.as_ref())?;
            let rest = match token {
                Some(api_token) => {
                    // The token travels in the Authorization header of every request.
                    let api_url = api_url.unwrap_or_else(|| crate::pagerduty_rest::DEFAULT_API_URL.into());
                    ctx.check_secret_url(&format!("{base}.api_url"), &api_url)?;
                    let from = match from {
                        Some(f) if !is_email(f.trim()) => {
                            return Err(ctx.err_hint(
                                &format!("{base}.from"),
                                format!("`{}` is not an email address", f.trim()),
                                "give the email of a user of the PagerDuty account (PagerDuty's `From` header)",
                            ));
                        }
                        f => f.map(|f| f.trim().to_string()),
                    };
                    Some(PagerDutyRestSettings {
                        api_token,
                        from,
                        api_url: api_url.trim().trim_end_matches('/').into(),
                    })
                }
                None => {
                    if let Some(key) = [("from", from.is_some()), ("api_url", api_url.is_some())]
                        .into_iter()
                        .find_map(|(k, given)| given.then_some(k))
                    {
                        return Err(ctx.err_hint(
                            &format!("{base}.{key}"),
                            "is for PagerDuty's REST API, and no `api_token` is given",
                            "set `api_token_env = \"VAR\"` (a REST API key) or `api_token_file`, or remove the key",
                        ));
                    }
                    None
                }
            };
            Sink::Pagerduty { routing_key, events_url, rest }
        }
        RawSink::Sns { topic_arn, account, profile, region, timeout, connect_timeout } => {
            timeouts = Some(resolve_sink_timeouts(ctx, &base, defaults, timeout, connect_timeout)?);
            // arn:aws:sns:REGION:ACCOUNT:NAME
            let parts: Vec<&str> = topic_arn.split(':').collect();
            if parts.len() != 6 || parts[2] != "sns" {
                return Err(ctx.err(&format!("{base}.topic_arn"), format!("`{topic_arn}` is not an SNS topic ARN")));
            }
            if let Some(acc) = &account
                && !accounts.contains(acc)
            {
                return Err(ctx.err(&format!("{base}.account"), format!("no `[[accounts]]` entry named `{acc}`")));
            }
            let region = region.unwrap_or_else(|| parts[3].to_string());
            Sink::Sns { topic_arn, account, profile, region }
        }
        RawSink::BacklogIssue {
            project,
            issue_type,
            priority,
            resolve_status,
            assignee,
            notify,
            category,
            timeout,
            connect_timeout,
        } => {
            timeouts = Some(resolve_sink_timeouts(ctx, &base, defaults, timeout, connect_timeout)?);
            if !backlog {
                return Err(ctx.err_hint(
                    &base,
                    "a backlog_issue sink needs a `[backlog]` section",
                    "add [backlog] with base_url and api_key_env",
                ));
            }
            Sink::BacklogIssue {
                project,
                issue_type,
                priority: priority.unwrap_or_else(|| "Normal".into()),
                resolve_status,
                assignee,
                notify,
                category,
            }
        }
        RawSink::Webhook {
            url,
            url_env,
            url_file,
            secret,
            secret_env,
            secret_file,
            signature_header,
            timeout,
            connect_timeout,
        } => {
            timeouts = Some(resolve_sink_timeouts(ctx, &base, defaults, timeout, connect_timeout)?);
            let key = given(&base, "url", url.is_some(), url_env.is_some());
            let url = ctx.required_secret(&base, "url", url.as_ref(), url_env.as_ref(), url_file.as_ref())?;
            ctx.check_secret_url_of(&key, &url)?;
            Sink::Webhook {
                url,
                secret: ctx.secret(&base, "secret", secret.as_ref(), secret_env.as_ref(), secret_file.as_ref())?,
                signature_header: signature_header.unwrap_or_else(|| "X-Opskit-Signature-256".into()),
            }
        }
        RawSink::Stdout {} => Sink::Stdout,
    };
    let timeouts = match timeouts {
        Some(t) => t,
        None => resolve_sink_timeouts(ctx, &base, defaults, None, None)?,
    };
    Ok((sink, timeouts))
}

/// One `[[routes]]` entry; `sinks` are the names the file defines, `timezone` the default
/// of its quiet hours.
fn resolve_route(
    ctx: &Ctx,
    i: usize,
    r: RawRoute,
    sinks: &[String],
    kinds: RouteSinkKinds,
    timezone: &str,
) -> Result<Route, ConfigError> {
    let base = format!("routes[{i}]");
    if r.sinks.is_empty() {
        return Err(ctx.err(&format!("{base}.sinks"), "a route needs at least one sink"));
    }
    for s in &r.sinks {
        if !sinks.contains(s) {
            return Err(ctx.err_hint(
                &format!("{base}.sinks"),
                format!("no sink named `{s}`"),
                if sinks.is_empty() {
                    "define it under [sinks.NAME]".to_string()
                } else {
                    format!("defined sinks: {}", sinks.join(", "))
                },
            ));
        }
    }
    for (list, what) in [(&r.sources, "sources"), (&r.accounts, "accounts"), (&r.keys, "keys")] {
        for g in list {
            globset::Glob::new(g).map_err(|e| ctx.err(&format!("{base}.{what}"), format!("bad pattern `{g}`: {e}")))?;
        }
    }
    let quiet_hours =
        r.quiet_hours.map(|q| resolve_quiet_hours(ctx, &format!("{base}.quiet_hours"), q, timezone)).transpose()?;
    let slack_channel = route_slack_channel(ctx, &base, r.slack_channel, &r.sinks, kinds.bots)?;
    let name = r.name.unwrap_or_else(|| format!("route {}", i + 1));
    let backlog = route_backlog(ctx, &base, &name, r.backlog, &r.sinks, kinds.backlogs)?;
    Ok(Route {
        name,
        sources: r.sources,
        min_severity: r.min_severity,
        accounts: r.accounts,
        account_tags: r.account_tags,
        keys: r.keys,
        sinks: r.sinks,
        notify_after: r.notify_after.unwrap_or(1).max(1),
        notify_after_duration: r.notify_after_duration,
        quiet_hours,
        send_resolved: r.send_resolved.unwrap_or(true),
        slack_channel,
        backlog,
        notify_recovered: r.notify_recovered.unwrap_or(false),
    })
}

/// A route's or a scenario's `quiet_hours`, under the key `qb`.
fn resolve_quiet_hours(ctx: &Ctx, qb: &str, q: RawQuietHours, timezone: &str) -> Result<QuietHours, ConfigError> {
    let tz = q.timezone.unwrap_or_else(|| timezone.to_string());
    check_tz(ctx, &format!("{qb}.timezone"), &tz)?;
    if let Some(h) = &q.holidays
        && h != "jp"
    {
        return Err(ctx.err(&format!("{qb}.holidays"), format!("unknown holiday calendar `{h}` (known: jp)")));
    }
    let mut windows = Vec::new();
    for (j, w) in q.windows.iter().enumerate() {
        let wb = format!("{qb}.windows[{j}]");
        let days = parse_days(&w.days).map_err(|m| ctx.err(&format!("{wb}.days"), m))?;
        let start = parse_hhmm(&w.start)
            .ok_or_else(|| ctx.err(&format!("{wb}.start"), format!("`{}` is not a time (HH:MM)", w.start)))?;
        let end = parse_hhmm(&w.end)
            .ok_or_else(|| ctx.err(&format!("{wb}.end"), format!("`{}` is not a time (HH:MM)", w.end)))?;
        if start == end {
            return Err(ctx.err_hint(
                &format!("{wb}.end"),
                "a window that ends when it starts is empty",
                "for a whole day write start = \"00:00\", end = \"24:00\"",
            ));
        }
        windows.push(Window { days, start, end });
    }
    if windows.is_empty() && q.holidays.is_none() {
        return Err(ctx.err(qb, "quiet hours need `windows` or `holidays`"));
    }
    Ok(QuietHours { timezone: tz, windows, holidays: q.holidays })
}

/// The sinks of the kinds a route's own settings apply to (`slack_channel`, `backlog`),
/// known even when one fails to resolve.
#[derive(Clone, Copy)]
struct RouteSinkKinds<'a> {
    bots: &'a [String],
    backlogs: &'a [String],
}

/// The commented example that `opskit config example` prints; `config check` accepts it.
pub const EXAMPLE: &str = include_str!("../../../commands/opskit.example.toml");

/// `user@host.domain`, loosely: one `@`, something on each side, a dot in the host, no
/// spaces. PagerDuty checks that it names one of its users.
fn is_email(s: &str) -> bool {
    match s.split_once('@') {
        Some((user, host)) => {
            !user.is_empty() && host.contains('.') && !host.contains('@') && !s.chars().any(char::is_whitespace)
        }
        None => false,
    }
}

/// `localhost` (and `*.localhost`, RFC 6761) or a loopback address.
fn is_loopback(url: &url::Url) -> bool {
    match url.host() {
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        Some(url::Host::Domain(d)) => {
            let d = d.trim_end_matches('.').to_ascii_lowercase();
            d == "localhost" || d.ends_with(".localhost")
        }
        None => false,
    }
}

/// For unit tests (the app's too, with the `test-support` feature): the first account of
/// a config written inline.
#[cfg(any(test, feature = "test-support"))]
pub fn test_account(toml: &str) -> Account {
    parse_and_resolve(toml, None, &Env::process()).expect("a valid test config").accounts.remove(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env_with(vars: &[(&str, &str)]) -> Env {
        let map: BTreeMap<String, String> = vars.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        Env { vars: std::sync::Arc::new(move |k| map.get(k).cloned()) }
    }

    #[test]
    fn unknown_key_names_line_and_key() {
        let text = "[defaults]\ntimezone = \"UTC\"\n\n[sinks.ops]\ntype = \"slack\"\nwebhook_url_env = \"X\"\ncolour = \"red\"\n";
        let err =
            parse_and_resolve(text, Some(Path::new("/etc/o.toml")), &env_with(&[("X", "https://h/x")])).unwrap_err();
        assert_eq!(err.line, Some(7), "{err}");
        assert!(err.to_string().contains("colour"), "{err}");
        assert!(err.to_string().starts_with("/etc/o.toml:7"), "{err}");
    }

    #[test]
    fn a_secret_carrying_url_must_be_https_or_loopback_http() {
        let slack = "[sinks.ops]\ntype = \"slack\"\nwebhook_url_env = \"HOOK\"\n";
        let resolve = |url: &str| parse_and_resolve(slack, None, &env_with(&[("HOOK", url)]));
        for ok in [
            "https://hooks.slack.com/services/T/B/tokenvalue1",
            "http://127.0.0.1:8080/slack/x",
            "http://localhost/x",
            "http://[::1]:9/x",
        ] {
            resolve(ok).unwrap_or_else(|e| panic!("{ok}: {e}"));
        }
        for (bad, says) in [
            ("hooks.slack.com/services/T/B/tokenvalue2", "scheme and a host"),
            ("http://hooks.slack.com/services/T/B/tokenvalue3", "plain http:// to `hooks.slack.com`"),
            ("ftp://hooks.slack.com/services/T/B/tokenvalue4", "not `ftp:`"),
            ("http://10.0.0.5/hook/tokenvalue5", "plain http://"),
        ] {
            let err = resolve(bad).unwrap_err();
            assert_eq!(err.key.as_deref(), Some("sinks.ops.webhook_url_env"), "{bad}: {err}");
            let text = err.to_string();
            assert!(text.contains(says) && text.contains("hint: "), "{bad}: {text}");
            assert!(!text.contains("tokenvalue"), "the secret URL is never quoted: {text}");
        }
        let pd = "[sinks.pd]\ntype = \"pagerduty\"\nrouting_key = \"k\"\nevents_url = \"http://events.pagerduty.com/v2/enqueue\"\n";
        let err = parse_and_resolve(pd, None, &env_with(&[])).unwrap_err();
        assert_eq!(err.key.as_deref(), Some("sinks.pd.events_url"), "{err}");
        let hook = "[sinks.h]\ntype = \"webhook\"\nurl = \"example.com/hook\"\n";
        let err = parse_and_resolve(hook, None, &env_with(&[])).unwrap_err();
        assert_eq!(err.key.as_deref(), Some("sinks.h.url"), "{err}");
        let backlog = "[backlog]\nbase_url = \"http://space.backlog.com\"\napi_key = \"k\"\n";
        let err = parse_and_resolve(backlog, None, &env_with(&[])).unwrap_err();
        assert_eq!(err.key.as_deref(), Some("backlog.base_url"), "{err}");
    }

    #[test]
    fn an_account_name_given_twice_is_refused_at_the_second() {
        let mut text = String::new();
        for (name, id) in [("a", "111122223333"), ("b", "222233334444"), ("a", "333344445555")] {
            text.push_str(&format!("[[accounts]]\nname = \"{name}\"\nid = \"{id}\"\nregions = [\"eu-west-1\"]\n\n"));
        }
        let err = parse_and_resolve(&text, Some(Path::new("c.toml")), &env_with(&[])).unwrap_err();
        assert_eq!(err.key.as_deref(), Some("accounts[2].name"), "{err}");
        assert_eq!(err.line, Some(12), "the third `name`: {err}");
        assert!(err.to_string().contains("account `a` is defined twice"), "{err}");
        let text = text.replace("name = \"a\"\nid = \"333344445555\"", "name = \"c\"\nid = \"333344445555\"");
        let c = parse_and_resolve(&text, None, &env_with(&[])).unwrap();
        assert_eq!(c.accounts.iter().map(|a| a.name.as_str()).collect::<Vec<_>>(), ["a", "b", "c"]);
    }

    #[test]
    fn wrong_type_names_line_and_key() {
        let text = "[defaults]\nconcurrency = \"many\"\n";
        let err = parse_and_resolve(text, Some(Path::new("c.toml")), &env_with(&[])).unwrap_err();
        assert_eq!(err.line, Some(2), "{err}");
        assert_eq!(err.key.as_deref(), Some("defaults.concurrency"), "{err}");
    }

    #[test]
    fn sink_timeout_and_delivery_deadline_default_and_refuse_zero_or_absurd_values() {
        let c = parse_and_resolve("", None, &env_with(&[])).unwrap();
        assert_eq!(
            (c.defaults.sink_timeout.0, c.defaults.delivery_deadline.0),
            (DEFAULT_SINK_TIMEOUT, DEFAULT_DELIVERY_DEADLINE)
        );
        for (text, key) in [
            ("sink_timeout = \"0s\"", "defaults.sink_timeout"),
            ("sink_timeout = \"2h\"", "defaults.sink_timeout"),
            ("delivery_deadline = \"0s\"", "defaults.delivery_deadline"),
            ("sink_timeout = \"30s\"\ndelivery_deadline = \"10s\"", "defaults.delivery_deadline"),
            ("delivery_deadline = \"1d\"", "defaults.delivery_deadline"),
        ] {
            let err = parse_and_resolve(&format!("[defaults]\n{text}\n"), None, &env_with(&[])).unwrap_err();
            assert_eq!(err.key.as_deref(), Some(key), "{text}: {err}");
        }
    }

    #[test]
    fn sink_timeouts_default_from_defaults_and_a_sinks_own_keys_override_them() {
        let sinks = "[sinks.chat]\ntype = \"slack\"\nwebhook_url = \"https://hooks.slack.com/services/T0/B0/x\"\n\
                     [sinks.pd]\ntype = \"pagerduty\"\nrouting_key = \"k\"\ntimeout = \"2s\"\nconnect_timeout = \"500ms\"\n\
                     [sinks.hook]\ntype = \"webhook\"\nurl = \"https://hooks.example.com/x\"\ntimeout = \"3s\"\n\
                     [sinks.out]\ntype = \"stdout\"\n";
        let c = parse_and_resolve(sinks, None, &env_with(&[])).unwrap();
        assert_eq!(c.defaults.sink_connect_timeout.0, DEFAULT_SINK_CONNECT_TIMEOUT);
        let t = |name: &str| {
            let t = c.sink_timeouts(name);
            (t.timeout.0, t.connect_timeout.0, t.timeout_key)
        };
        let s = Duration::from_secs;
        assert_eq!(t("chat"), (DEFAULT_SINK_TIMEOUT, DEFAULT_SINK_CONNECT_TIMEOUT, "defaults.sink_timeout".into()));
        assert_eq!(t("pd"), (s(2), Duration::from_millis(500), "sinks.pd.timeout".into()));
        // A sink's own timeout shorter than the default connect timeout shortens that too.
        assert_eq!(t("hook"), (s(3), s(3), "sinks.hook.timeout".into()));
        assert_eq!(t("out"), (DEFAULT_SINK_TIMEOUT, DEFAULT_SINK_CONNECT_TIMEOUT, "defaults.sink_timeout".into()));

        let text = format!("[defaults]\nsink_timeout = \"20s\"\nsink_connect_timeout = \"2s\"\n{sinks}");
        let c = parse_and_resolve(&text, None, &env_with(&[])).unwrap();
        assert_eq!(c.sink_timeouts("chat").timeout.0, s(20));
        assert_eq!(c.sink_timeouts("chat").connect_timeout.0, s(2));
        assert_eq!(c.sink_timeouts("hook").connect_timeout.0, s(2));
        // A short default sink timeout shortens the default connect timeout (no refusal of
        // configs written before the key existed).
        let c = parse_and_resolve("[defaults]\nsink_timeout = \"1s\"\n", None, &env_with(&[])).unwrap();
        assert_eq!(c.defaults.sink_connect_timeout.0, s(1));
    }

    #[test]
    fn zero_absurd_or_inconsistent_sink_timeouts_are_refused_naming_the_key_with_a_hint() {
        let slack = |extra: &str| {
            format!(
                "[sinks.chat]\ntype = \"slack\"\nwebhook_url = \"https://hooks.slack.com/services/T0/B0/x\"\n{extra}\n"
            )
        };
        let sns = |extra: &str| {
            format!("[sinks.topic]\ntype = \"sns\"\ntopic_arn = \"arn:aws:sns:us-east-1:123456789012:ops\"\n{extra}\n")
        };
        let backlog = |extra: &str| {
            format!(
                "[backlog]\nbase_url = \"https://x.backlog.com\"\napi_key = \"k\"\n\
                 [sinks.tickets]\ntype = \"backlog_issue\"\nproject = \"OPS\"\nissue_type = \"Bug\"\n{extra}\n"
            )
        };
        for (text, key) in [
            ("[defaults]\nsink_connect_timeout = \"0s\"\n".to_string(), "defaults.sink_connect_timeout"),
            ("[defaults]\nsink_connect_timeout = \"10m\"\n".to_string(), "defaults.sink_connect_timeout"),
            (
                "[defaults]\nsink_timeout = \"5s\"\nsink_connect_timeout = \"10s\"\n".to_string(),
                "defaults.sink_connect_timeout",
            ),
            (slack("timeout = \"0s\""), "sinks.chat.timeout"),
            (slack("timeout = \"1d\""), "sinks.chat.timeout"),
            (slack("connect_timeout = \"0s\""), "sinks.chat.connect_timeout"),
            (slack("connect_timeout = \"20s\""), "sinks.chat.connect_timeout"),
            (slack("timeout = \"2s\"\nconnect_timeout = \"3s\""), "sinks.chat.connect_timeout"),
            (sns("timeout = \"10ms\""), "sinks.topic.timeout"),
            (backlog("connect_timeout = \"2h\""), "sinks.tickets.connect_timeout"),
            // The run's delivery deadline (45s) must leave room for one attempt of each sink.
            (slack("timeout = \"1m\""), "sinks.chat.timeout"),
        ] {
            let err = parse_and_resolve(&text, None, &env_with(&[])).unwrap_err();
            assert_eq!(err.key.as_deref(), Some(key), "{text}: {err}");
            assert!(err.to_string().contains("hint: "), "{text}: {err}");
        }
        // With a longer deadline, the same timeout is fine.
        let text = format!("[defaults]\ndelivery_deadline = \"2m\"\n{}", slack("timeout = \"1m\""));
        assert_eq!(
            parse_and_resolve(&text, None, &env_with(&[])).unwrap().sink_timeouts("chat").timeout.0,
            Duration::from_secs(60)
        );
        // Stdout does no HTTP: it has no timeouts of its own.
        let err =
            parse_and_resolve("[sinks.out]\ntype = \"stdout\"\ntimeout = \"2s\"\n", None, &env_with(&[])).unwrap_err();
        assert!(err.to_string().contains("timeout"), "{err}");
    }

    #[test]
    fn the_lease_defaults_to_fifteen_minutes_and_refuses_a_too_short_one() {
        let c = parse_and_resolve("", None, &env_with(&[])).unwrap();
        assert_eq!(c.defaults.lease.0, Duration::from_secs(900));
        let c = parse_and_resolve("[defaults]\nlease = \"90s\"\n", None, &env_with(&[])).unwrap();
        assert_eq!(c.defaults.lease.0, Duration::from_secs(90));
        let err = parse_and_resolve("[defaults]\nlease = \"1s\"\n", None, &env_with(&[])).unwrap_err();
        assert_eq!(err.key.as_deref(), Some("defaults.lease"), "{err}");
    }

    #[test]
    fn an_unknown_key_or_value_is_named_with_the_near_one() {
        let text = "[defaults]\ntimezon = \"UTC\"\n\n[sinks.s]\ntype = \"slak\"\n";
        let (_, problems) = parse_and_report(text, None, &env_with(&[]), &[]);
        let shown: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
        assert_eq!(shown[0], "config: key `defaults.timezon`: unknown key `timezon`\nhint: did you mean `timezone`?");
        assert!(shown[1].contains("unknown value `slak`\nhint: did you mean `slack`?"), "{shown:?}");
        assert_eq!(unknown_name("unknown field `zzz`, expected `a`").1.as_deref(), Some("known: a"));
    }

    #[test]
    fn did_you_mean_suggests_a_near_name_and_nothing_for_a_far_one() {
        assert_eq!(did_you_mean("ap-northeast-11", KNOWN_REGIONS.iter().copied()), Some("ap-northeast-1"));
        assert_eq!(did_you_mean("ap-nrotheast-1", KNOWN_REGIONS.iter().copied()), Some("ap-northeast-1"));
        assert_eq!(did_you_mean("mars-1", KNOWN_REGIONS.iter().copied()), None);
        assert_eq!(did_you_mean("custmer-a", ["customer-a", "other"]), Some("customer-a"));
    }

    #[test]
    fn every_bad_key_of_the_file_is_reported_in_one_run_at_its_own_index_and_line() {
        let text = "[defaults]\ntimezon = \"UTC\"\n\n[[accounts]]\nname = \"a\"\nprofil = \"x\"\n\n[[accounts]]\nname = \"b\"\nid = \"12\"\n\n[sinks.s]\ntype = \"slack\"\nwebhok_url_env = \"X\"\n\n[[routes]]\nsinks = [\"nope\"]\n";
        let (_, problems) = parse_and_report(text, Some(Path::new("c.toml")), &env_with(&[]), &[]);
        let keys: Vec<(Option<&str>, Option<usize>)> = problems.iter().map(|p| (p.key.as_deref(), p.line)).collect();
        assert_eq!(
            keys,
            vec![
                (Some("defaults.timezon"), Some(2)),
                (Some("accounts[0].profil"), Some(6)),
                (Some("accounts[1].id"), Some(10)),
                (Some("sinks.s.webhok_url_env"), Some(14)),
                (Some("routes[0].sinks"), Some(17)),
            ],
            "{problems:#?}"
        );
        let all = ConfigError::many(problems).to_string();
        assert!(all.starts_with("c.toml: 5 problems:\n1. c.toml:2: key `defaults.timezon`"), "{all}");
    }

    #[test]
    fn pagerduty_rest_settings_resolve_and_their_errors_name_the_key() {
        let base = "[sinks.pd]\ntype = \"pagerduty\"\nrouting_key = \"k\"\n";
        let config = parse_and_resolve(base, None, &env_with(&[])).unwrap();
        assert!(config.pagerduty_rest("pd").is_none(), "no api_token: no REST");
        let text = format!("{base}api_token_env = \"PD_API_TOKEN\"\nfrom = \"ops@example.com\"\n");
        let config = parse_and_resolve(&text, None, &env_with(&[("PD_API_TOKEN", "u+pdresttoken123")])).unwrap();
        let rest = config.pagerduty_rest("pd").expect("REST settings");
        assert_eq!(
            (rest.api_url.as_str(), rest.from.as_deref()),
            ("https://api.pagerduty.com", Some("ops@example.com"))
        );
        assert_eq!(rest.api_token.get().unwrap().expose(), "u+pdresttoken123");
        assert_eq!(config.sinks["pd"].secrets().len(), 2);
        assert!(config.pagerduty_rest("nope").is_none());
        let missing = parse_and_resolve(&text, None, &env_with(&[])).unwrap();
        assert_eq!(missing.secret_problems()[0].key.as_deref(), Some("sinks.pd.api_token_env"));
        for (extra, key, says) in [
            ("api_token = \"t\"\napi_url = \"http://api.pagerduty.com\"\n", "sinks.pd.api_url", "plain http://"),
            ("api_token = \"t\"\nfrom = \"ops team\"\n", "sinks.pd.from", "not an email"),
            ("from = \"ops@example.com\"\n", "sinks.pd.from", "no `api_token`"),
            ("api_url = \"https://api.eu.pagerduty.com\"\n", "sinks.pd.api_url", "no `api_token`"),
            ("api_token = \"t\"\napi_token_env = \"T\"\n", "sinks.pd.api_token", "only one of"),
        ] {
            let text = format!("{base}{extra}");
            let err = parse_and_resolve(&text, Some(Path::new("c.toml")), &env_with(&[])).unwrap_err();
            assert_eq!(err.key.as_deref(), Some(key), "{extra}: {err}");
            assert!(err.line.is_some_and(|l| l >= 4), "{extra}: {err}");
            assert!(err.to_string().contains(says), "{extra}: {err}");
        }
    }

    #[test]
    fn missing_secret_env_is_kept_for_its_user_naming_the_variable_and_key() {
        let text = "[sinks.pd]\ntype = \"pagerduty\"\nrouting_key_env = \"PD_KEY\"\n";
        let config = parse_and_resolve(text, Some(Path::new("c.toml")), &env_with(&[])).unwrap();
        let Sink::Pagerduty { routing_key, .. } = &config.sinks["pd"] else { panic!("a pagerduty sink") };
        let err = routing_key.get().unwrap_err();
        assert_eq!(config.secret_problems().len(), 1);
        assert_eq!(err.key.as_deref(), Some("sinks.pd.routing_key_env"));
        assert_eq!(err.line, Some(3));
        assert!(err.message.contains("PD_KEY"));
    }

    #[test]
    fn route_to_unknown_sink_is_refused_with_the_known_ones() {
        let text = "[sinks.out]\ntype = \"stdout\"\n\n[[routes]]\nsinks = [\"slak\"]\n";
        let err = parse_and_resolve(text, None, &env_with(&[])).unwrap_err();
        assert_eq!(err.key.as_deref(), Some("routes[0].sinks"));
        assert_eq!(err.line, Some(5));
        assert!(err.to_string().contains("defined sinks: out"), "{err}");
    }

    #[test]
    fn quiet_hours_parse_days_and_midnight_spans() {
        let text = "[sinks.out]\ntype = \"stdout\"\n[[routes]]\nsinks = [\"out\"]\n[routes.quiet_hours]\ntimezone = \"Asia/Tokyo\"\nholidays = \"jp\"\nwindows = [{ days = [\"weekdays\"], start = \"22:00\", end = \"07:00\" }]\n";
        let cfg = parse_and_resolve(text, None, &env_with(&[])).unwrap();
        let q = cfg.routes[0].quiet_hours.as_ref().unwrap();
        assert_eq!(q.windows[0].days, vec![1, 2, 3, 4, 5]);
        assert_eq!((q.windows[0].start, q.windows[0].end), (22 * 60, 7 * 60));
    }

    #[test]
    fn durations_accept_friendly_and_iso_forms() {
        assert_eq!(Dur::parse("90s").unwrap().0, Duration::from_secs(90));
        assert_eq!(Dur::parse("1h 30m").unwrap().0, Duration::from_secs(5400));
        assert_eq!(Dur::parse("PT2M").unwrap().0, Duration::from_secs(120));
        assert!(Dur::parse("soon").is_err());
        assert_eq!(Dur::parse("90d").unwrap().0, Duration::from_secs(90 * 86_400));
        assert_eq!(Dur::parse("2w").unwrap().0, Duration::from_secs(14 * 86_400));
        assert_eq!(Dur::parse("1d 12h").unwrap().0, Duration::from_secs(36 * 3_600));
        assert!(Dur::parse("1 month").is_err(), "months have no fixed length");
    }

    /// Stand-ins for the app's sections: `dx-vif` checks its settings, `quiet` checks none.
    const SECTIONS: &[CommandSection] = &[
        CommandSection { name: "dx-vif", check: |c| c.command_settings::<BTreeMap<String, u32>>("dx-vif").map(drop) },
        CommandSection { name: "quiet", check: |_| Ok(()) },
    ];

    #[test]
    fn an_unknown_command_section_is_named_with_the_known_ones() {
        let text = "[commands.dx-vfi]\npoll = 1\n";
        let err = parse_and_check(text, Some(Path::new("c.toml")), &env_with(&[]), SECTIONS).unwrap_err();
        assert_eq!(err.key.as_deref(), Some("commands.dx-vfi"));
        assert_eq!(err.line, Some(1));
        assert_eq!(err.message, "unknown command section `dx-vfi`");
        assert_eq!(err.hint.as_deref(), Some("known: dx-vif, quiet"));
    }

    #[test]
    fn each_known_command_section_is_checked_while_loading() {
        let ok = "[commands.dx-vif]\npoll = 1\n\n[commands.quiet]\nanything = \"goes\"\n";
        parse_and_check(ok, None, &env_with(&[]), SECTIONS).unwrap();
        let bad = "[commands.dx-vif]\npoll = \"often\"\n";
        let err = parse_and_check(bad, Some(Path::new("c.toml")), &env_with(&[]), SECTIONS).unwrap_err();
        // (The line is looked up in the file on disk, which this test has none of.)
        assert_eq!(err.key.as_deref(), Some("commands.dx-vif.poll"));
        assert!(err.message.contains("invalid type"), "{err}");
    }

    #[test]
    fn gcp_projects_and_discovery_resolve_and_bad_keys_are_named() {
        let ok = "[[gcp_projects]]\nid = \"acme-web-prod\"\nname = \"Acme web\"\n\n[[gcp_projects]]\nid = \"acme-idle\"\n\n\
                  [gcp]\ndiscover = { folder = \"456\" }\ncompute_endpoint = \"http://127.0.0.1:9/\"\n";
        let cfg = parse_and_resolve(ok, None, &env_with(&[])).unwrap();
        let names: Vec<(&str, &str)> = cfg.gcp_projects.iter().map(|p| (p.id.as_str(), p.name.as_str())).collect();
        assert_eq!(names, [("acme-web-prod", "Acme web"), ("acme-idle", "acme-idle")]);
        assert_eq!(cfg.gcp.discover_query.as_deref(), Some("parent:folders/456"));
        assert_eq!(cfg.gcp.compute_endpoint.as_deref(), Some("http://127.0.0.1:9"));
        for (text, key) in [
            ("[[gcp_projects]]\nid = \"123456789012\"\n", "gcp_projects[0].id"),
            ("[[gcp_projects]]\nid = \"acme-web\"\nregion = \"x\"\n", "gcp_projects[0]"),
            ("[[gcp_projects]]\nid = \"acme-web\"\n[[gcp_projects]]\nid = \"acme-web\"\n", "gcp_projects[1].id"),
            ("[gcp]\ndiscover = { organization = \"1\", folder = \"2\" }\n", "gcp.discover"),
            ("[gcp]\ndiscover = { organization = \"acme\" }\n", "gcp.discover.organization"),
            ("[gcp]\ncompute_endpoint = \"http://compute.example.com\"\n", "gcp.compute_endpoint"),
            ("[gcp]\nendpoint = \"https://x\"\n", "gcp"),
        ] {
            let e = parse_and_resolve(text, None, &env_with(&[])).unwrap_err();
            assert!(e.to_string().contains(key), "{text}: {e}");
        }
    }

    fn org(body: &str) -> Result<Config, ConfigError> {
        let role = if body.contains("role_name") { "" } else { "role_name = \"OpsKitRead\"\n" };
        let text = format!("[defaults]\nregions = [\"eu-west-1\"]\n\n[[organizations]]\nname = \"acme\"\n{role}{body}");
        parse_and_resolve(&text, Some(Path::new("o.toml")), &env_with(&[("ORG_EXT", "org-external-id-1")]))
    }

    #[test]
    fn organizations_resolve_with_defaults() {
        let cfg = org("external_id_env = \"ORG_EXT\"\ninclude_ous = [\"ou-ab12-cd34ef56\", \"r-ab12\"]\n").unwrap();
        let o = &cfg.organizations[0];
        assert_eq!((o.role_name.as_str(), o.session_name.as_str()), ("OpsKitRead", "opskit"));
        assert!(o.regions.is_empty(), "no regions of its own: each account resolves them (defaults last)");
        assert_eq!(o.cache_ttl.0, Duration::from_secs(3600));
        assert_eq!(o.external_id.as_ref().unwrap().get().unwrap().expose(), "org-external-id-1");
        let json = serde_json::to_string(&cfg).unwrap();
        assert!(!json.contains("org-external-id-1") && json.contains("****"), "{json}");
    }

    #[test]
    fn organization_errors_name_the_indexed_key_and_line() {
        let cases = [
            ("role_name = \"bad role\"\n", "organizations[0].role_name"),
            ("include_ous = [\"ou-x\"]\n", "organizations[0].include_ous"),
            ("exclude_ous = [\"123\"]\n", "organizations[0].exclude_ous"),
            ("skip_accounts = [\"12345\"]\n", "organizations[0].skip_accounts"),
            ("accounts = [\"abc\"]\n", "organizations[0].accounts"),
            ("session_name = \"x\"\n", "organizations[0].session_name"),
            ("cache_ttl = \"soon\"\n", "organizations[0].cache_ttl"),
            ("regions = [\"EU West\"]\n", "organizations[0].regions"),
            ("colour = \"red\"\n", "organizations[0].colour"),
            ("include_ous = [\"r-ab12\"]\nexclude_ous = [\"r-ab12\"]\n", "organizations[0].exclude_ous"),
        ];
        for (body, key) in cases {
            let err = org(body).unwrap_err();
            assert_eq!(err.key.as_deref(), Some(key), "{body}: {err}");
            assert!(err.line.is_some_and(|l| l >= 5), "{body}: {err}");
        }
        let unset = org("external_id_env = \"NOT_SET_ANYWHERE\"\n").unwrap().secret_problems();
        assert_eq!(unset[0].key.as_deref(), Some("organizations[0].external_id_env"));
        let text = "[[organizations]]\nname = \"a\"\nrole_name = \"R\"\n[[organizations]]\nname = \"b\"\nrole_name = \"R/../x y\"\n";
        let err = parse_and_resolve(text, None, &env_with(&[])).unwrap_err();
        assert_eq!(err.key.as_deref(), Some("organizations[1].role_name"), "{err}");
        assert_eq!(err.line, Some(6), "{err}");
        let err = parse_and_resolve("[[organizations]]\nname = \"a\"\n", None, &env_with(&[])).unwrap_err();
        assert!(err.to_string().contains("role_name"), "{err}");
        let twice =
            "[[organizations]]\nname = \"a\"\nrole_name = \"R\"\n[[organizations]]\nname = \"a\"\nrole_name = \"R\"\n";
        assert!(parse_and_resolve(twice, None, &env_with(&[])).unwrap_err().to_string().contains("twice"));
    }

    #[test]
    fn ou_and_root_ids_follow_the_api_patterns() {
        for ok in ["ou-ab12-cd34ef56", "ou-abcd-0123456789abcdef", "r-ab12", "r-0123456789"] {
            assert!(ou_or_root_id_ok(ok), "{ok}");
        }
        for bad in ["ou-ab1-cd34ef56", "ou-ab12-cd34", "ou-AB12-cd34ef56", "r-ab1", "o-ab12cd34ef", "ab12"] {
            assert!(!ou_or_root_id_ok(bad), "{bad}");
        }
    }
}
