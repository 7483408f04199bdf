//! The clap tree: every command and flag of the CLI contract in DESIGN.md, arguments only.
//! Turning arguments into settings and work happens in `commands/`.

use crate::env_vars as ev;
use crate::spine::finding::Severity;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

const AFTER_HELP: &str = "\
Exit codes: 0 ok; 1 findings at or above --fail-on; 2 usage or config error;
3 a failure of the run (API, sink, storage; also partial); 4 another run holds the lock;
75 only for `maintenance-mail ingest --mta`: the mail may not be stored, try again.

Every flag has an OPSKIT_* environment variable; flags win over the environment,
the environment over the config file, the file over defaults.";

// Examples at the end of each command's long help (`--help`) and its man page's EXAMPLES.
// Which commands notify is said in their help: `notify`, `watch`, `poll`, `ingest`,
// `publish`, `backup` and `push` tell the routes' sinks; `show`, `cases`, `parse`, `list`,
// `diff`, `checks` and `config check` only print.
const EX_INVENTORY_SHOW: &str = "\
Examples:
  opskit inventory show                                 # one table per type, every account and region
  opskit inventory show --resource-types ec2,sg -o csv  # instances and security groups, a CSV row each
  opskit inventory show --all-regions -o json           # every enabled region of each account";
const EX_INVENTORY_DIFF: &str = "\
Examples:
  opskit inventory diff                   # changes since the last publish
  opskit inventory diff --fail-on info -q # CI drift check: exit 1 when anything changed";
const EX_INVENTORY_PUBLISH: &str = "\
Examples:
  opskit inventory publish            # daily: pages that changed, the change log, the finding
  opskit inventory publish --dry-run  # what would be written; writes nothing, stores nothing";
const EX_TA_SHOW: &str = "\
Examples:
  opskit ta show                                # red recommendations in every account; tells no one
  opskit ta show --min-status warning --pillar security
  opskit ta show -o markdown --state none > ta-report.md";
const EX_TA_NOTIFY: &str = "\
Examples:
  opskit ta notify                          # from a timer: tell the routes what is new, changed, resolved
  opskit ta notify --dry-run                # what would be sent; nothing sent or saved
  opskit ta notify --fail-on error --new-only  # CI: exit 1 only for red items new since the last run";
const EX_TA_CHECKS: &str = "\
Examples:
  opskit ta checks              # the catalogue of checks, for filters in the config
  opskit ta checks --api legacy # the Support API's catalogue";
const EX_DX_POLL: &str = "\
Examples:
  opskit dx-vif poll                          # the status board; tells the routes what changed
  opskit dx-vif poll --dry-run                # what would be sent; nothing sent or saved
  opskit dx-vif poll --fail-on critical -q    # a check: exit 1 when something is down
  opskit dx-vif poll --account acme-prod --region ap-northeast-1 -o wide";
const EX_DX_WATCH: &str = "\
Examples:
  opskit dx-vif watch --interval 60s   # the service; SIGTERM finishes the poll and exits 0";
const EX_SUPPORT_WATCH: &str = "\
Examples:
  opskit support watch            # from a timer: AWS replies, status changes, reminders
  opskit support watch --dry-run  # what would be sent";
const EX_SUPPORT_CASES: &str = "\
Examples:
  opskit support cases            # open cases across accounts; tells no one
  opskit support cases -o json";
const EX_HEALTH_WATCH: &str = "\
Examples:
  opskit health watch               # from a timer: open and upcoming AWS Health events, told once
  opskit health watch --dry-run     # what would be told; nothing sent, saved or silenced
  opskit health watch --account acme-prod -o json";
const EX_HEALTH_INGEST: &str = "\
Examples:
  opskit health ingest --sqs https://sqs.us-east-1.amazonaws.com/111122223333/opskit-health
  opskit health ingest --sqs URL --dead-letter-queue URL2   # poison messages go to URL2";
const EX_CALENDAR_SYNC: &str = "\
Examples:
  opskit calendar sync              # from a 5-minute timer: silences and announcements follow the calendars
  opskit calendar sync --dry-run    # what would be silenced and told; nothing changed";
const EX_PAGERDUTY_REMIND: &str = "\
Examples:
  opskit pagerduty remind           # from a minutely timer: incidents nobody acknowledged, told again
  opskit pagerduty remind --dry-run";

const EX_RESPOND_LOG: &str = "\
Examples:
  opskit respond log                       # the last 50 scenario runs
  opskit respond log --since 24h --steps   # today's, with every step's output
  opskit respond log --scenario disk-full --output json";
const EX_REPORT_STATUS: &str = "\
Examples:
  opskit report status --out /var/www/ops/status.html   # one self-contained page, from the state
  opskit report status -o markdown > status.md
  opskit report status -o json | jq '.runs[] | select(.late)'";

const EX_REPORT_OPS: &str = "\
Examples:
  opskit report ops                               # the last 30 days, per week, as tables
  opskit report ops --since 90d --by month -o json
  opskit report ops --format html > ops.html      # a page with charts
  opskit report ops -q --metrics-file /var/lib/node_exporter/opskit_ops.prom  # gauges for Prometheus";
const EX_MAIL_INGEST: &str = "\
Examples:
  opskit mail ingest ~/Maildir           # from a timer: classify, extract, notify
  opskit mail ingest --imap --dry-run    # what would be told; marks nothing on the server
  opskit mail ingest --mta               # from .forward or a Postfix pipe (mail on stdin)";
const EX_MAIL_PARSE: &str = "\
Examples:
  opskit mail parse ~/Downloads/*.eml          # what opskit understood; sends nothing
  opskit mail parse -o json notice.eml | jq .";
const EX_WIKI_BACKUP: &str = "\
Examples:
  opskit wiki backup --project OPS --to file:///var/backups/opskit-wiki --history --keep-daily 14
  opskit wiki backup --to gs://acme-backups/wiki --full";
const EX_WIKI_LIST: &str = "\
Examples:
  opskit wiki list --from file:///var/backups/opskit-wiki";
const EX_WIKI_VERIFY: &str = "\
Examples:
  opskit wiki verify --from file:///var/backups/opskit-wiki        # the newest complete generations
  opskit wiki verify --from file:///var/backups/opskit-wiki --all  # every complete generation";
const EX_WIKI_RESTORE: &str = "\
Examples:
  opskit wiki restore --from file:///var/backups/opskit-wiki --to-dir ./runbooks
  opskit wiki restore --from s3://acme-backups/wiki --generation 20260301 --to-project OPS_DR";
const EX_SILENCE_ADD: &str = "\
Examples:
  opskit silence add --source dx-vif --resource dxvif-fg5678 --until 2h --reason \"DX maintenance CHG-123\"
  opskit silence add --key 'backup-check/db-*' --from 2026-11-22T01:00:00+09:00 \\
      --until 2026-11-22T05:00:00+09:00 --reason \"DB migration\"";
const EX_SILENCE_LIST: &str = "\
Examples:
  opskit silence list        # active and future silences
  opskit silence list --all  # expired ones too";
const EX_SILENCE_REMOVE: &str = "\
Examples:
  opskit silence remove s-1a2b3c4d";
const EX_FINDINGS_PUSH: &str = "\
Examples:
  ./check-backups.sh | opskit findings push --source backup-check   # absent findings resolve
  opskit findings push --source backup-check findings.json --dry-run";
const EX_NOTIFY_TEST: &str = "\
Examples:
  opskit notify test --sink slack";
const EX_STATE_INIT: &str = "\
Examples:
  opskit state init --state 'dynamodb://opskit-state?region=ap-northeast-1'
  opskit state init --state 'dynamodb://opskit-state?region=ap-northeast-1' --print terraform";
const EX_STATE_MIGRATE: &str = "\
Examples:
  opskit state migrate --from ~/.local/state/opskit/state.db --to 'dynamodb://opskit-state?region=ap-northeast-1'";
const EX_CONFIG_CHECK: &str = "\
Examples:
  opskit config check             # validate, print what it resolved to (secrets as ****)
  opskit config check --probe     # also STS GetCallerIdentity for every account
  opskit config check --discover  # also list the accounts of [[organizations]]";
const EX_CONFIG_EXAMPLE: &str = "\
Examples:
  opskit config example > opskit.toml";
const EX_COMPLETIONS: &str = "\
Examples:
  opskit completions bash > /etc/bash_completion.d/opskit
  opskit completions zsh > \"${fpath[1]}/_opskit\"";
const EX_MAN: &str = "\
Examples:
  opskit man | man -l -
  opskit man --out-dir /usr/local/share/man/man1";
const EX_DEMO: &str = "\
Examples:
  opskit demo          # the tour, then exit
  opskit demo --keep   # keep the sandbox running afterwards to poke at it";

#[derive(Debug, Parser)]
#[command(
    name = "opskit",
    version,
    about = "Cloud-operations commands for people who run other people's infrastructure",
    long_about = "opskit watches AWS accounts (Direct Connect, Trusted Advisor, Support cases, \
maintenance mails, inventory) and routes what it finds to Slack, PagerDuty, SNS, Backlog and \
webhooks, remembering what it already said.",
    after_help = AFTER_HELP,
    propagate_version = true
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum OutputFormat {
    /// A table for people: on a terminal, the columns that fit its width, long text cut with …
    #[default]
    Table,
    /// The table with every column (on a terminal, long text is still cut to its width)
    Wide,
    Json,
    Jsonl,
    Csv,
    Markdown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum FailOn {
    #[default]
    Never,
    Info,
    Warning,
    /// Also spelled `error`, as AWS calls red ("Action recommended").
    #[value(alias = "error")]
    Critical,
}

impl FailOn {
    pub fn threshold(self) -> Option<Severity> {
        match self {
            FailOn::Never => None,
            FailOn::Info => Some(Severity::Info),
            FailOn::Warning => Some(Severity::Warning),
            FailOn::Critical => Some(Severity::Critical),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum LogFormat {
    #[default]
    Text,
    Json,
}

/// The options every command takes, shown after a command's own under their own heading.
#[derive(Debug, Clone, Default, Args)]
#[command(next_help_heading = "Global options")]
pub struct GlobalArgs {
    /// Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)
    #[arg(long, global = true, env = ev::OPSKIT_CONFIG, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// Only these accounts (name or id); repeat or separate with commas
    #[arg(long, global = true, env = ev::OPSKIT_ACCOUNT, value_delimiter = ',', value_name = "ACCOUNT")]
    pub account: Vec<String>,

    /// Only these regions; repeat or separate with commas
    #[arg(long, global = true, env = ev::OPSKIT_REGION, value_delimiter = ',', value_name = "REGION")]
    pub region: Vec<String>,

    /// AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE
    /// too); with accounts, only those using it
    #[arg(long, global = true, env = ev::OPSKIT_PROFILE, value_name = "PROFILE")]
    pub profile: Option<String>,

    /// Report format on stdout
    #[arg(long, short = 'o', global = true, env = ev::OPSKIT_OUTPUT, value_enum, default_value_t)]
    pub output: OutputFormat,

    /// Send nothing, write nothing: print what would be sent
    #[arg(long, global = true, env = ev::OPSKIT_DRY_RUN)]
    pub dry_run: bool,

    /// Record what each sink would be told now as already told, and send nothing: adopt
    /// opskit on accounts with known problems and hear only of changes from now on
    #[arg(long, global = true, hide_short_help = true, env = ev::OPSKIT_BASELINE, conflicts_with = "dry_run")]
    pub baseline: bool,

    /// State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE
    /// (shared by several hosts), or `none` for a stateless run
    #[arg(long, global = true, hide_short_help = true, env = ev::OPSKIT_STATE, value_name = "URL")]
    pub state: Option<String>,

    /// Exit 1 when an open finding is at or above this severity
    #[arg(long, global = true, env = ev::OPSKIT_FAIL_ON, value_enum, default_value_t)]
    pub fail_on: FailOn,

    /// Print no report on stdout (logs still go to stderr)
    #[arg(long, short = 'q', global = true, env = ev::OPSKIT_QUIET)]
    pub quiet: bool,

    /// More logs on stderr (-v info, -vv debug, -vvv trace)
    #[arg(long, short = 'v', global = true, action = clap::ArgAction::Count, env = ev::OPSKIT_VERBOSE)]
    pub verbose: u8,

    /// Log format on stderr
    #[arg(long, global = true, hide_short_help = true, env = ev::OPSKIT_LOG_FORMAT, value_enum, default_value_t)]
    pub log_format: LogFormat,

    /// No colour (NO_COLOR is honoured too)
    #[arg(long, global = true, env = ev::OPSKIT_NO_COLOR)]
    pub no_color: bool,

    /// healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end
    #[arg(long, global = true, hide_short_help = true, env = ev::OPSKIT_HEARTBEAT_URL, value_name = "URL", hide_env_values = true)]
    pub heartbeat_url: Option<String>,

    /// Write run metrics in node_exporter textfile format to this file (atomically)
    #[arg(long, global = true, hide_short_help = true, env = ev::OPSKIT_METRICS_FILE, value_name = "FILE")]
    pub metrics_file: Option<PathBuf>,

    /// Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout
    #[arg(long, global = true, hide_short_help = true, env = ev::OPSKIT_TIMEOUT, value_name = "DURATION")]
    pub timeout: Option<String>,

    /// When another run holds the lock, wait up to this long instead of exiting 4
    #[arg(long, global = true, hide_short_help = true, env = ev::OPSKIT_WAIT_LOCK, value_name = "DURATION")]
    pub wait_lock: Option<String>,

    /// Take only the targets of shard K of N (numbered from 0, like Kubernetes'
    /// JOB_COMPLETION_INDEX): N hosts sharing one state store split the work
    #[arg(long, global = true, hide_short_help = true, env = ev::OPSKIT_SHARD, value_name = "K/N")]
    pub shard: Option<crate::shard::Shard>,
    /// List the accounts of [[organizations]] afresh instead of using the cached listing
    #[arg(long, global = true, hide_short_help = true, env = ev::OPSKIT_REFRESH_ACCOUNTS)]
    pub refresh_accounts: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Resource inventory across accounts and regions, published to Backlog Wiki
    #[command(subcommand)]
    Inventory(InventoryCommand),
    /// Trusted Advisor recommendations at or above a status: `show` lists, `notify` tells the routes
    #[command(subcommand, name = "trusted-advisor", visible_alias = "ta")]
    TrustedAdvisor(TrustedAdvisorCommand),
    /// Direct Connect virtual interface and BGP state, escalated when down
    #[command(subcommand, name = "dx-vif")]
    DxVif(DxVifCommand),
    /// AWS Support cases: new replies, status changes, awaiting-us reminders
    #[command(subcommand)]
    Support(SupportCommand),
    /// AWS Health events (API, organization view, EventBridge via SQS): one finding per event
    #[command(subcommand)]
    Health(HealthCommand),
    /// PagerDuty read back through its REST API: reminders for incidents nobody acknowledged
    #[command(subcommand)]
    Pagerduty(PagerDutyCommand),
    /// Planned work from calendars (iCalendar file, secret address, CalDAV): silences and announcements
    #[command(subcommand)]
    Calendar(CalendarCommand),
    /// First-response scenarios ([[scenarios]]): the audit trail of what they checked, gathered, recovered and verified
    #[command(subcommand)]
    Respond(RespondCommand),
    /// Reports over what the state keeps: `status` is the current state across customers, `ops` the operation's numbers
    #[command(subcommand)]
    Report(ReportCommand),
    /// AWS maintenance and warning mails: classify, extract, notify
    #[command(subcommand, name = "maintenance-mail", visible_alias = "mail")]
    MaintenanceMail(MailCommand),
    /// Backlog Wiki backups to GCS, S3 or a directory, in generations
    #[command(subcommand)]
    Wiki(WikiCommand),
    /// Mute matching findings until a time, with a reason (planned work)
    #[command(subcommand)]
    Silence(SilenceCommand),
    /// Run your own script's findings through opskit's diff, routes and sinks
    #[command(subcommand)]
    Findings(FindingsCommand),
    /// Send a test message to a sink
    #[command(subcommand)]
    Notify(NotifyCommand),
    /// The state store: create it (a DynamoDB table, a SQLite file), or move state between stores
    #[command(subcommand)]
    State(StateCommand),
    /// Validate the configuration and show what it resolves to
    #[command(subcommand)]
    Config(ConfigCommand),
    /// Print shell completions
    #[command(after_long_help = EX_COMPLETIONS)]
    Completions(CompletionsArgs),
    /// Print the man page (or write all pages to a directory)
    #[command(after_long_help = EX_MAN)]
    Man(ManArgs),
    /// A tour of opskit against an embedded sandbox: no account, no network needed
    #[cfg(feature = "demo")]
    #[command(after_long_help = EX_DEMO)]
    Demo(DemoArgs),
    /// Serve the demo's fake cloud and sinks until interrupted, with a working config and
    /// the environment to export, to try opskit by hand
    #[cfg(feature = "demo")]
    Sandbox(SandboxArgs),
}

impl Command {
    /// Commands that run until stopped and report after each round, not once at the end.
    pub fn loops(&self) -> bool {
        matches!(self, Command::DxVif(DxVifCommand::Watch(_)))
    }

    /// `config check`: the command that reports every problem of the config at once.
    pub fn checks_config(&self) -> bool {
        matches!(self, Command::Config(ConfigCommand::Check(_)))
    }

    /// Commands that only read from AWS and keep nothing: with no config file they run
    /// without a state (`--state none`) unless one is given.
    pub fn keeps_nothing(&self) -> bool {
        matches!(
            self,
            Command::Inventory(InventoryCommand::Show(_))
                | Command::TrustedAdvisor(TrustedAdvisorCommand::Checks(_))
                | Command::Support(SupportCommand::Cases(_))
                | Command::Config(ConfigCommand::Check(_))
        )
    }

    /// `maintenance-mail ingest --mta`: exit codes an MTA pipe understands.
    pub fn mta_pipe(&self) -> bool {
        matches!(self, Command::MaintenanceMail(MailCommand::Ingest(a)) if a.mta)
    }
}

#[derive(Debug, Subcommand)]
pub enum ReportCommand {
    /// One self-contained HTML page of the current state across accounts (open findings by
    /// customer, Direct Connect, Trusted Advisor, Support, maintenance, silences, last runs),
    /// from the state store only; `--output markdown` or `json` for those (notifies no one)
    #[command(after_long_help = EX_REPORT_STATUS)]
    Status(ReportStatusArgs),
    /// The operation's numbers over a window: alerts per customer, source and severity, time
    /// to first response, share handled automatically, noisiest keys, silenced sources
    #[command(after_long_help = EX_REPORT_OPS)]
    Ops(ReportOpsArgs),
}

#[derive(Debug, Args)]
pub struct ReportStatusArgs {
    /// Write the report to this file (replaced whole: written beside it, then renamed)
    /// instead of stdout
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Also put it on the Backlog Wiki page of [commands.report] wiki_project / status_page
    /// (written only when it changed; the HTML page attached)
    #[arg(long)]
    pub wiki: bool,
}

#[derive(Debug, Subcommand)]
pub enum InventoryCommand {
    /// Collect resources across accounts and regions and print them (notifies no one)
    #[command(after_long_help = EX_INVENTORY_SHOW)]
    Show(InventoryArgs),
    /// Compare with the last published snapshot: added, removed, changed (notifies no one)
    #[command(after_long_help = EX_INVENTORY_DIFF)]
    Diff(InventoryArgs),
    /// Render per-account pages and update Backlog Wiki only where content changed; the change
    /// summary is notified to the routes' sinks
    #[command(after_long_help = EX_INVENTORY_PUBLISH)]
    Publish(InventoryArgs),
}

#[derive(Debug, Args)]
pub struct InventoryArgs {
    /// Resource types to collect, comma-separated (default: all, or commands.inventory.resource_types):
    /// instance, volume, vpc, subnet, security-group, elastic-ip, nat-gateway, route-table,
    /// internet-gateway, dx-connection, dx-vif, rds-instance, rds-cluster, acm-certificate,
    /// load-balancer, lambda-function, auto-scaling-group, and once per account (region `global`,
    /// whatever --region says) s3-bucket, iam-user, route53-zone; Google Cloud projects: gce-instance,
    /// gce-disk, gce-network, gce-subnetwork, gce-firewall, gce-address, gce-route,
    /// gce-forwarding-rule (also ec2, ebs, sg, eip, nat, igw, acm, elb, lambda, asg, s3, iam, route53, vm)
    #[arg(long, value_delimiter = ',', value_name = "TYPES")]
    pub resource_types: Vec<String>,
    /// Every region DescribeRegions reports enabled in each account, instead of the configured ones
    /// (--region still filters)
    #[arg(long)]
    pub all_regions: bool,
    /// (account, region) targets collected at once; overrides defaults.concurrency
    #[arg(long, value_name = "N")]
    pub concurrency: Option<usize>,
}

#[derive(Debug, Subcommand)]
pub enum TrustedAdvisorCommand {
    /// Recommendations at or above a status in every selected account, as a table: notifies
    /// no one, saves nothing
    #[command(after_long_help = EX_TA_SHOW)]
    Show(TaShowArgs),
    /// Notify the routes' sinks of new, changed and resolved recommendations at or above a
    /// status in every selected account (remembered in the state)
    #[command(after_long_help = EX_TA_NOTIFY)]
    Notify(TaCheckArgs),
    /// The old name of `notify`, kept for a release: it notifies too
    #[command(hide = true)]
    Check(TaCheckArgs),
    /// List the checks Trusted Advisor offers (ids, names, pillars), for filters in the config
    #[command(after_long_help = EX_TA_CHECKS)]
    Checks(TaChecksArgs),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TaStatus {
    /// "Action recommended" (red)
    Error,
    /// "Investigation recommended" (yellow) and red
    Warning,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TaApi {
    /// The Trusted Advisor API (ListRecommendations)
    Trustedadvisor,
    /// The Support API's DescribeTrustedAdvisor* operations
    Legacy,
}

/// `ta notify` (and the old spelling `ta check`): what `ta show` selects, told to the routes.
#[derive(Debug, Args)]
pub struct TaCheckArgs {
    #[command(flatten)]
    pub select: TaShowArgs,
    /// With --fail-on: fail only on recommendations not seen on the last run
    #[arg(long)]
    pub new_only: bool,
}

/// `ta show`: what `notify` would look at, without `--new-only` (nothing is remembered).
#[derive(Debug, Default, Args)]
pub struct TaShowArgs {
    /// Lowest status listed [default: commands.trusted-advisor.min_status, else error]
    #[arg(long, value_enum)]
    pub min_status: Option<TaStatus>,
    /// Which API [default: commands.trusted-advisor.api, else trustedadvisor]
    #[arg(long, value_enum)]
    pub api: Option<TaApi>,
    /// Also list resources excluded (suppressed) in Trusted Advisor
    #[arg(long)]
    pub include_excluded: bool,
    /// An account without a qualifying support plan fails the run (exit 3) instead of being noted
    #[arg(long)]
    pub strict: bool,
    /// Only these pillars (security, fault_tolerance, cost_optimizing, performance, service_limits, operational_excellence)
    #[arg(long, value_delimiter = ',')]
    pub pillar: Vec<String>,
    /// Only these checks: ids or names, globs allowed
    #[arg(long, value_delimiter = ',')]
    pub check: Vec<String>,
}

#[derive(Debug, Args)]
pub struct TaChecksArgs {
    /// Which API [default: commands.trusted-advisor.api, else trustedadvisor]
    #[arg(long, value_enum)]
    pub api: Option<TaApi>,
}

#[derive(Debug, Subcommand)]
pub enum DxVifCommand {
    /// One poll of Direct Connect VIFs, BGP sessions and connections: notifies the routes' sinks of
    /// what went down or recovered; --output table is a status board
    #[command(after_long_help = EX_DX_POLL)]
    Poll,
    /// Poll in a loop (for a long-running service), notifying as `poll` does; stops cleanly on SIGTERM
    #[command(after_long_help = EX_DX_WATCH)]
    Watch(DxWatchArgs),
}

#[derive(Debug, Args)]
pub struct DxWatchArgs {
    /// Time between the starts of polls [default: commands.dx-vif.interval, else 60s]
    #[arg(long)]
    pub interval: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum SupportCommand {
    /// Notify new AWS replies, status changes and awaiting-us reminders on support cases
    #[command(after_long_help = EX_SUPPORT_WATCH)]
    Watch(SupportArgs),
    /// List open support cases across accounts (no notifications, nothing saved)
    #[command(after_long_help = EX_SUPPORT_CASES)]
    Cases(SupportArgs),
}

#[derive(Debug, Args)]
pub struct SupportArgs {
    /// An account without a qualifying support plan fails the run (exit 3) instead of being noted
    #[arg(long)]
    pub strict: bool,
}

#[derive(Debug, Subcommand)]
pub enum PagerDutyCommand {
    /// Remind the routes of PagerDuty incidents opskit triggered that nobody has acknowledged
    #[command(after_long_help = EX_PAGERDUTY_REMIND)]
    Remind(PagerDutyRemindArgs),
}

#[derive(Debug, Args)]
pub struct PagerDutyRemindArgs {}

#[derive(Debug, Subcommand)]
pub enum RespondCommand {
    /// Every scenario run kept in the state, newest first, with each step's input, output, duration and outcome
    #[command(after_long_help = EX_RESPOND_LOG)]
    Log(RespondLogArgs),
}

#[derive(Debug, Args)]
pub struct RespondLogArgs {
    /// Only runs of this scenario
    #[arg(long)]
    pub scenario: Option<String>,
    /// Only runs on findings of this source
    #[arg(long)]
    pub source: Option<String>,
    /// Only runs on findings whose key matches this glob
    #[arg(long)]
    pub key: Option<String>,
    /// Only runs started within this long (e.g. 24h, 7d)
    #[arg(long, value_name = "DURATION")]
    pub since: Option<String>,
    /// One run, by its id (or the start of it), with every step
    #[arg(long)]
    pub id: Option<String>,
    /// Show every step of every run listed
    #[arg(long)]
    pub steps: bool,
    /// At most this many runs
    #[arg(long, default_value_t = 50)]
    pub limit: usize,
}

/// The calendar period `report ops` splits its numbers by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum ReportPeriod {
    Day,
    /// Calendar weeks from Monday, in `defaults.timezone`
    #[default]
    Week,
    Month,
}

/// Formats `report ops` renders beyond `--output`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// One self-contained HTML page with the charts as inline SVG (instead of `--output`)
    Html,
}

#[derive(Debug, Args)]
pub struct ReportOpsArgs {
    /// The window: this long up to now (e.g. 30d, 12w)
    #[arg(long, value_name = "DURATION", default_value = "30d")]
    pub since: String,
    /// Split the numbers by day, week or month
    #[arg(long, value_enum, default_value_t)]
    pub by: ReportPeriod,
    /// Render as this instead of `--output` (html: a page with charts)
    #[arg(long, value_enum)]
    pub format: Option<ReportFormat>,
    /// Put it on the Backlog Wiki page of [commands.report] wiki_project / ops_page instead
    /// (written only when it changed; the HTML page with its charts attached)
    #[arg(long)]
    pub wiki: bool,
    /// Write the report to this file (replaced whole: written beside it, then renamed)
    /// instead of stdout
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum CalendarCommand {
    /// Read the calendars: silence each planned work's window, announce it before, at the start and at the end
    #[command(after_long_help = EX_CALENDAR_SYNC)]
    Sync(CalendarSyncArgs),
}

#[derive(Debug, Args)]
pub struct CalendarSyncArgs {}

#[derive(Debug, Subcommand)]
pub enum HealthCommand {
    /// Tell the open and upcoming AWS Health events of every account (or of the organization)
    #[command(after_long_help = EX_HEALTH_WATCH)]
    Watch(HealthWatchArgs),
    /// Tell the AWS Health events an EventBridge rule delivered to an SQS queue
    #[command(after_long_help = EX_HEALTH_INGEST)]
    Ingest(HealthIngestArgs),
}

#[derive(Debug, Args)]
pub struct HealthWatchArgs {
    /// An account without a qualifying support plan fails the run (exit 3) instead of being noted
    #[arg(long)]
    pub strict: bool,
}

#[derive(Debug, Args)]
pub struct HealthIngestArgs {
    /// The SQS queue URL the EventBridge rule (source aws.health) delivers to
    #[arg(long, value_name = "URL")]
    pub sqs: String,
    /// Where a message opskit cannot read goes (default: the queue's RedrivePolicy target)
    #[arg(long, value_name = "URL")]
    pub dead_letter_queue: Option<String>,
    /// The account (name or id in the config) whose credentials read the queue (default: the
    /// account the queue URL names)
    #[arg(long, value_name = "ACCOUNT")]
    pub queue_account: Option<String>,
    /// Stop after this many messages (default 1000)
    #[arg(long, default_value_t = 1000)]
    pub max_messages: usize,
}

#[derive(Debug, Subcommand)]
pub enum MailCommand {
    /// Read mails (stdin, .eml, Maildir, mbox, IMAP), classify, extract and notify
    #[command(after_long_help = EX_MAIL_INGEST)]
    Ingest(IngestArgs),
    /// Print what was understood of mails, without notifying
    #[command(after_long_help = EX_MAIL_PARSE)]
    Parse(MailArgs),
}

#[derive(Debug, Args)]
pub struct MailArgs {
    /// Files, Maildir or mbox paths; stdin when none
    pub inputs: Vec<PathBuf>,
}

#[derive(Debug, Args)]
pub struct IngestArgs {
    /// Files, Maildir or mbox paths; stdin when none (and no --imap)
    pub inputs: Vec<PathBuf>,
    /// Also read UNSEEN messages of the IMAP mailbox in [commands.maintenance-mail.imap]
    #[arg(long)]
    pub imap: bool,
    /// Read no mail: retry notifications still owed and resolve events whose window has
    /// ended (for a timer beside an MTA pipe)
    #[arg(long, conflicts_with_all = ["inputs", "imap"])]
    pub pending: bool,
    /// Exit codes for an MTA pipe (.forward, Postfix pipe): 0 once the mail is safe in the
    /// state store (told, or owed to a later run), 75 (EX_TEMPFAIL) when it is not, so the
    /// MTA keeps it and tries again
    #[arg(long)]
    pub mta: bool,
}

#[derive(Debug, Subcommand)]
pub enum WikiCommand {
    /// Back up Backlog Wiki pages and attachments as a new generation (a failure or recovery
    /// is notified to the routes' sinks)
    #[command(after_long_help = EX_WIKI_BACKUP)]
    Backup(WikiBackupArgs),
    /// List backup generations: pages, size, complete or not
    #[command(after_long_help = EX_WIKI_LIST)]
    List(WikiListArgs),
    /// Re-read every object of a generation and check sizes and SHA-256 (exit 1 on a mismatch)
    #[command(after_long_help = EX_WIKI_VERIFY)]
    Verify(WikiVerifyArgs),
    /// Restore a generation to a directory or a Backlog project
    #[command(after_long_help = EX_WIKI_RESTORE)]
    Restore(WikiRestoreArgs),
}

#[derive(Debug, Args)]
pub struct WikiBackupArgs {
    /// Backlog project keys, each backed up on its own (default: commands.wiki.projects)
    #[arg(long, value_name = "KEY", num_args = 1.., value_delimiter = ',')]
    pub project: Vec<String>,
    /// Destination: gs://bucket/prefix, s3://bucket/prefix or file:///dir (default: commands.wiki.to)
    #[arg(long, value_name = "URL")]
    pub to: Option<String>,
    /// Also back up every version of each page read
    #[arg(long)]
    pub history: bool,
    /// Read every page, also those unchanged since the last complete generation
    #[arg(long)]
    pub full: bool,
    /// After the backup, keep the newest generation of each of the last N days that have one
    #[arg(long, value_name = "N")]
    pub keep_daily: Option<u32>,
    /// After the backup, keep the newest generation of each of the last N ISO weeks that have one
    #[arg(long, value_name = "N")]
    pub keep_weekly: Option<u32>,
    /// After the backup, keep the newest generation of each of the last N months that have one
    #[arg(long, value_name = "N")]
    pub keep_monthly: Option<u32>,
    /// Pages read from Backlog at once (default 4, or commands.wiki.concurrency)
    #[arg(long, value_name = "N")]
    pub concurrency: Option<usize>,
}

#[derive(Debug, Args)]
pub struct WikiListArgs {
    /// Backup location: gs://bucket/prefix, s3://bucket/prefix or file:///dir (default: commands.wiki.to)
    #[arg(long, value_name = "URL")]
    pub from: Option<String>,
    /// Only these projects
    #[arg(long, value_name = "KEY", num_args = 1.., value_delimiter = ',')]
    pub project: Vec<String>,
}

#[derive(Debug, Args)]
pub struct WikiVerifyArgs {
    /// Backup location: gs://bucket/prefix, s3://bucket/prefix or file:///dir (default: commands.wiki.to)
    #[arg(long, value_name = "URL")]
    pub from: Option<String>,
    /// Only these projects
    #[arg(long, value_name = "KEY", num_args = 1.., value_delimiter = ',')]
    pub project: Vec<String>,
    /// Generation: its name (20260301T020304Z), PROJECT/NAME, a unique start of a name, or
    /// `latest` (default: the newest complete one of each project)
    #[arg(long, value_name = "G")]
    pub generation: Option<String>,
    /// Every complete generation (`list` shows the incomplete and pruned ones)
    #[arg(long, conflicts_with = "generation")]
    pub all: bool,
}

#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("target").required(true).args(["to_dir", "to_project"])))]
pub struct WikiRestoreArgs {
    /// Backup location: gs://bucket/prefix, s3://bucket/prefix or file:///dir (default: commands.wiki.to)
    #[arg(long, value_name = "URL")]
    pub from: Option<String>,
    /// The project whose backup to restore (needed when the location holds several)
    #[arg(long, value_name = "KEY")]
    pub project: Option<String>,
    /// Generation: its name, PROJECT/NAME, a unique start of a name, or `latest` (default)
    #[arg(long, value_name = "G")]
    pub generation: Option<String>,
    /// Write the pages as files under DIR (name hierarchy as folders, attachments beside
    /// them); DIR must be empty or new
    #[arg(long, value_name = "DIR")]
    pub to_dir: Option<std::path::PathBuf>,
    /// Recreate the pages with their content and attachments in this Backlog project
    #[arg(long, value_name = "KEY")]
    pub to_project: Option<String>,
    /// With --to-project: give pages that exist already the backed-up content
    #[arg(long, requires = "to_project")]
    pub overwrite: bool,
}

#[derive(Debug, Subcommand)]
pub enum SilenceCommand {
    /// Mute findings that match until a time
    #[command(after_long_help = EX_SILENCE_ADD)]
    Add(SilenceAddArgs),
    /// List silences (active and future; --all for expired too)
    #[command(after_long_help = EX_SILENCE_LIST)]
    List(SilenceListArgs),
    /// Remove a silence by id
    #[command(after_long_help = EX_SILENCE_REMOVE)]
    Remove(SilenceRemoveArgs),
}

#[derive(Debug, Args)]
pub struct SilenceAddArgs {
    /// Source (command) to match, e.g. dx-vif
    #[arg(long)]
    pub source: Option<String>,
    /// Glob over the full key SOURCE/KEY, e.g. 'backup-check/db-*' or 'dx-vif/111122223333/*';
    /// with --source, a glob not starting with that source's name and / is over the key
    /// within it ('db-*')
    #[arg(long)]
    pub key: Option<String>,
    /// Account name or id
    #[arg(long = "match-account", value_name = "ACCOUNT")]
    pub match_account: Option<String>,
    /// A resource id the finding names (glob allowed), e.g. dxvif-fg5678
    #[arg(long)]
    pub resource: Option<String>,
    /// Until when: RFC 3339 time, or a duration from now (2h, 30m)
    #[arg(long)]
    pub until: String,
    /// From when (default now): RFC 3339 time or a duration from now
    #[arg(long)]
    pub from: Option<String>,
    /// Why (shown in lists and reports)
    #[arg(long)]
    pub reason: String,
    /// Who set it (default $USER)
    #[arg(long)]
    pub by: Option<String>,
}

#[derive(Debug, Args)]
pub struct SilenceListArgs {
    /// Include expired silences
    #[arg(long)]
    pub all: bool,
}

#[derive(Debug, Args)]
pub struct SilenceRemoveArgs {
    pub id: String,
}

#[derive(Debug, Subcommand)]
pub enum FindingsCommand {
    /// Take the complete current findings of your script as JSON and notify the routes' sinks of
    /// new, changed and resolved ones (absent ones resolve)
    #[command(after_long_help = EX_FINDINGS_PUSH)]
    Push(PushArgs),
}

#[derive(Debug, Args)]
pub struct PushArgs {
    /// Source name your findings are filed under (letters, digits, -, _)
    #[arg(long)]
    pub source: String,
    /// JSON file (an array, or {"findings": [...]}); - or nothing for stdin
    pub file: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum StateCommand {
    /// Create the store --state names: a DynamoDB table (on-demand, TTL on expires_at; waits
    /// until ACTIVE; an existing table with the right key schema is fine) or a SQLite file
    #[command(after_long_help = EX_STATE_INIT)]
    Init(StateInitArgs),
    /// Copy findings, deliveries, silences, snapshots and marks from one store to another
    /// (not the locks); --dry-run counts and writes nothing
    #[command(after_long_help = EX_STATE_MIGRATE)]
    Migrate(StateMigrateArgs),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TableTemplate {
    /// An AWS::DynamoDB::Table resource (YAML)
    Cloudformation,
    /// An aws_dynamodb_table resource (HCL)
    Terraform,
}

#[derive(Debug, Args)]
pub struct StateInitArgs {
    /// Print the DynamoDB table as a CloudFormation or Terraform snippet instead, and touch nothing
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub print: Option<TableTemplate>,
}

#[derive(Debug, Args)]
pub struct StateMigrateArgs {
    /// The store to copy from: a SQLite path, sqlite:PATH or dynamodb://TABLE?region=REGION
    #[arg(long, value_name = "URL")]
    pub from: String,
    /// The store to copy into (a SQLite file is created; a DynamoDB table must exist: `state init`)
    #[arg(long, value_name = "URL")]
    pub to: String,
    /// Copy into a store that holds records already (records with the same identity are replaced)
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Subcommand)]
pub enum NotifyCommand {
    /// Send a test message to one sink
    #[command(after_long_help = EX_NOTIFY_TEST)]
    Test(NotifyTestArgs),
}

#[derive(Debug, Args)]
pub struct NotifyTestArgs {
    /// Sink name from the config
    #[arg(long)]
    pub sink: String,
}

#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Validate the config and print what it resolved to (secrets masked)
    #[command(after_long_help = EX_CONFIG_CHECK)]
    Check(ConfigCheckArgs),
    /// Print a commented example config
    #[command(after_long_help = EX_CONFIG_EXAMPLE)]
    Example,
}

#[derive(Debug, Args)]
pub struct ConfigCheckArgs {
    /// Also check each account's credentials (STS GetCallerIdentity); lists [[organizations]] too
    #[arg(long)]
    pub probe: bool,
    /// Also list the accounts of [[organizations]] (cached or afresh), without probing them
    #[arg(long)]
    pub discover: bool,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// bash, zsh, fish, elvish or powershell
    pub shell: clap_complete::Shell,
    /// Write every shell's file into this directory instead of printing one
    #[arg(long, value_name = "DIR", hide = true)]
    pub out_dir: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ManArgs {
    /// Write opskit.1 and one page per subcommand into this directory
    #[arg(long, value_name = "DIR")]
    pub out_dir: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct DemoArgs {
    /// Keep the sandbox running at the end until interrupted, to poke at it
    #[arg(long)]
    pub keep: bool,
}

#[derive(Debug, Args)]
pub struct SandboxArgs {
    /// Port to listen on (default: any free port)
    #[arg(long, default_value_t = 0)]
    pub port: u16,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_clap_tree_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn global_flags_parse_after_the_subcommand() {
        let cli = Cli::try_parse_from([
            "opskit",
            "findings",
            "push",
            "--source",
            "x",
            "--dry-run",
            "--fail-on",
            "warning",
            "-o",
            "json",
            "--account",
            "a,b",
        ])
        .unwrap();
        assert!(cli.global.dry_run);
        assert_eq!(cli.global.fail_on, FailOn::Warning);
        assert_eq!(cli.global.output, OutputFormat::Json);
        assert_eq!(cli.global.account, vec!["a", "b"]);
    }

    #[test]
    fn state_commands_parse() {
        let cli = Cli::try_parse_from(["opskit", "state", "init", "--print", "terraform", "--state", "dynamodb://t1x"])
            .unwrap();
        assert!(matches!(
            cli.command,
            Command::State(StateCommand::Init(StateInitArgs { print: Some(TableTemplate::Terraform) }))
        ));
        let cli =
            Cli::try_parse_from(["opskit", "state", "migrate", "--from", "a.db", "--to", "dynamodb://t1x", "--force"])
                .unwrap();
        let Command::State(StateCommand::Migrate(a)) = cli.command else { panic!("not migrate") };
        assert_eq!((a.from.as_str(), a.to.as_str(), a.force), ("a.db", "dynamodb://t1x", true));
        assert!(Cli::try_parse_from(["opskit", "state", "migrate", "--from", "a.db"]).is_err(), "--to is required");
    }

    #[test]
    fn aliases_reach_their_commands() {
        assert!(matches!(Cli::try_parse_from(["opskit", "ta", "check"]).unwrap().command, Command::TrustedAdvisor(_)));
        assert!(matches!(
            Cli::try_parse_from(["opskit", "mail", "parse"]).unwrap().command,
            Command::MaintenanceMail(_)
        ));
    }
}
