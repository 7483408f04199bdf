//! One module per command: each turns its arguments into settings and calls the library
//! (collect, then the spine). Commands do no HTTP of their own and print only through
//! the [`Output`] they return.

pub mod calendar;
pub mod config_cmd;
#[cfg(feature = "demo")]
pub mod demo;
pub mod dx_vif;
pub mod findings;
pub mod generate;
pub mod health;
pub mod inventory;
pub mod maintenance_mail;
pub mod notify;
pub mod pagerduty;
pub mod report;
pub mod report_ops;
pub mod respond;
pub mod silence;
pub mod state_cmd;
pub mod support;
pub mod trusted_advisor;
pub mod wiki;

use crate::cli::{
    CalendarCommand, Cli, Command, ConfigCommand, DxVifCommand, FindingsCommand, HealthCommand, InventoryCommand,
    MailCommand, NotifyCommand, PagerDutyCommand, ReportCommand, RespondCommand, SilenceCommand, StateCommand,
    SupportCommand, TrustedAdvisorCommand, WikiCommand,
};
use crate::config::CommandSection;
use crate::context::Context;
use crate::error::AppResult;
use crate::spine::engine::RunReport;

/// What a command leaves for `main` to print and to turn into an exit code.
pub enum Output {
    /// A spine run: rendered with `--output`, judged with `--fail-on`.
    Report(Box<RunReport>),
    /// Text already formatted for stdout, and whether the run failed (exit 3).
    Text { text: String, failed: bool },
    /// The verdict of a check (`wiki verify`), formatted for stdout: exit 1 when it did
    /// not pass, whatever `--fail-on` says.
    Checked { text: String, passed: bool },
    /// Data too large to hold as one string (an inventory of 160k resources is ~100 MB of
    /// JSON): `main` has it written to stdout as it renders, then prints the targets that
    /// failed on stderr; any of them makes the exit 3.
    /// Targets left out without failing (`skipped`) are noted on stderr too.
    Stream {
        data: Box<dyn Render>,
        errors: Vec<crate::spine::engine::TargetError>,
        skipped: Vec<crate::spine::engine::TargetError>,
    },
}

/// What an [`Output::Stream`] writes.
pub trait Render: Send + Sync {
    fn render(&self, out: &mut dyn std::io::Write) -> std::io::Result<()>;
    /// A line or two for a heartbeat's body, instead of the whole output.
    fn summary(&self) -> String;
    /// Whether rendering does the work itself (`mail parse` reads its inputs as it writes
    /// them): then `--quiet` renders into nothing instead of skipping it, so that what
    /// [`Render::failure`] reports is still found.
    fn works_as_it_renders(&self) -> bool {
        false
    }
    /// What went wrong while rendering (an input that could not be read): `main` reports
    /// it after the output and exits with its code.
    fn failure(&self) -> Option<crate::error::AppError> {
        None
    }
    /// Targets found failed while rendering (`inventory show` collects as it writes): `main`
    /// reports them after the output with [`Output::Stream`]'s `errors`, and any makes the exit 3.
    fn target_errors(&self) -> Vec<crate::spine::engine::TargetError> {
        Vec::new()
    }
}

impl Output {
    pub fn text(text: impl Into<String>) -> Output {
        Output::Text { text: text.into(), failed: false }
    }
}

/// The `[commands.NAME]` sections the config file may hold, each with the check of its
/// settings that runs while the config loads ([`crate::config::load`] takes this list), so
/// a typo is a config error (exit 2) before any run, and `config check` reports it.
/// `findings` has no settings of its own to check yet.
pub const SECTIONS: &[CommandSection] = &[
    CommandSection { name: "inventory", check: |c| inventory::Settings::load(c).map(drop) },
    CommandSection { name: "trusted-advisor", check: |c| trusted_advisor::Settings::load(c).map(drop) },
    CommandSection { name: "dx-vif", check: |c| dx_vif::Settings::load(c).map(drop) },
    CommandSection { name: "support", check: |c| support::Settings::load(c).map(drop) },
    CommandSection { name: "calendar", check: |c| calendar::Settings::load(c).map(drop) },
    CommandSection { name: "pagerduty", check: |c| pagerduty::Settings::load(c).map(drop) },
    CommandSection { name: "health", check: |c| crate::health::Settings::load(c).map(drop) },
    CommandSection { name: "maintenance-mail", check: |c| maintenance_mail::Settings::load(c).map(drop) },
    CommandSection { name: "wiki", check: |c| wiki::Settings::load(c).map(drop) },
    CommandSection { name: "findings", check: |_| Ok(()) },
    CommandSection { name: "report", check: |c| crate::report::status::Settings::load(c).map(drop) },
];

/// Commands that need no config or context.
pub fn run_standalone(cli: &Cli) -> Option<AppResult<Output>> {
    match &cli.command {
        Command::Completions(a) => Some(generate::completions(a)),
        Command::Man(a) => Some(generate::man(a)),
        Command::Config(ConfigCommand::Example) => Some(Ok(Output::text(crate::config::EXAMPLE))),
        Command::MaintenanceMail(MailCommand::Parse(a)) => Some(maintenance_mail::parse(&cli.global, a)),
        _ => None,
    }
}

/// How much `[[organizations]]` discovery a command needs: AWS commands list (or use the
/// fresh cache); commands that route findings by account but call no AWS API take what is
/// cached, so routes on discovered accounts' tags work there too; the rest take none.
pub fn discovery_mode(command: &Command) -> Option<crate::organizations::Mode> {
    use crate::organizations::Mode;
    match command {
        Command::Inventory(_)
        | Command::TrustedAdvisor(_)
        | Command::DxVif(_)
        | Command::Support(_)
        | Command::Health(HealthCommand::Watch(_)) => Some(Mode::List),
        Command::Config(ConfigCommand::Check(a)) if a.probe || a.discover => Some(Mode::List),
        Command::Findings(_)
        | Command::MaintenanceMail(MailCommand::Ingest(_))
        | Command::Health(HealthCommand::Ingest(_))
        | Command::Wiki(_)
        // Discovered accounts' names and `customer` tags, for grouping by customer.
        | Command::Report(_) => Some(Mode::CacheOnly),
        _ => None,
    }
}

/// The run lock a command works under, taken before it collects anything (and before
/// discovery): the work it names, so two runs of the same work on one state exclude each
/// other and different work does not. `findings push` runs are told apart by source.
/// `dx-vif watch` takes the poll's lock at each poll instead; `wiki backup` takes one per
/// destination itself; `findings push` once its input is read and valid (it calls no API);
/// commands that only read take none.
pub fn run_lock(command: &Command) -> Option<String> {
    Some(match command {
        Command::DxVif(DxVifCommand::Poll) => dx_vif::RUN_LOCK.to_string(),
        // The lock keeps its old name: a `notify` and an old-style `check` exclude each other.
        Command::TrustedAdvisor(TrustedAdvisorCommand::Notify(_) | TrustedAdvisorCommand::Check(_)) => {
            "trusted-advisor-check".into()
        }
        Command::Support(SupportCommand::Watch(_)) => "support-watch".into(),
        // One lock for every channel of AWS events: they keep one finding per event.
        Command::MaintenanceMail(MailCommand::Ingest(_)) | Command::Health(_) => HEALTH_LOCK.into(),
        Command::Inventory(InventoryCommand::Publish(_)) => "inventory-publish".into(),
        Command::Calendar(CalendarCommand::Sync(_)) => "calendar-sync".into(),
        Command::Pagerduty(PagerDutyCommand::Remind(_)) => "pagerduty-remind".into(),
        _ => return None,
    })
}

/// Whether a run of `command` is recorded as its last run (snapshot `runs/NAME`, shown by
/// `report status`): the commands that do their work under a run lock, and those that take
/// their locks themselves (`dx-vif watch` at each poll, `findings push`, `wiki backup`).
/// Commands that only read leave no record.
pub fn records_run(command: &Command) -> bool {
    run_lock(command).is_some()
        || command.loops()
        || matches!(command, Command::Findings(FindingsCommand::Push(_)) | Command::Wiki(WikiCommand::Backup(_)))
}

/// The run lock of the commands that keep AWS events' findings (source `health`).
pub const HEALTH_LOCK: &str = "health-events";

/// What runs before every command: `[[organizations]]` discovery, which appends the
/// discovered accounts to `ctx.config.accounts`, then every account's regions resolved.
pub async fn prepare(cli: &Cli, ctx: &mut Context) -> AppResult<()> {
    if let Some(mode) = discovery_mode(&cli.command) {
        ctx.discover(mode).await?;
    }
    // `--profile`/`AWS_PROFILE`/`--region` without configured accounts: an ad-hoc target.
    ctx.select_profile()?;
    // Accounts (configured or discovered) without `regions` get the ones the AWS CLI would
    // use for them, or are marked as having none: commands refuse those, never guess.
    crate::aws::resolve_regions(&mut ctx.config, &ctx.env).await;
    ctx.check_ad_hoc_region()?;
    if ctx.ad_hoc && ctx.config.file.is_none() {
        match ctx.state_location()? {
            crate::context::StateLocation::None => {
                tracing::info!("no config file: nothing is kept (--state none); pass --state to keep a state")
            }
            loc if ctx.global.state.is_none() && !ctx.global.dry_run => {
                tracing::warn!("no config file: the state is kept in {loc} (pass --state none to keep nothing)")
            }
            _ => {}
        }
    }
    Ok(())
}

/// Run a command; `name` is its path (`dx-vif-watch`), for metrics.
pub async fn run(cli: &Cli, ctx: &Context, name: &str) -> AppResult<Output> {
    match &cli.command {
        Command::Findings(FindingsCommand::Push(a)) => findings::push(ctx, a).await,
        Command::Silence(SilenceCommand::Add(a)) => silence::add(ctx, a).await,
        Command::Silence(SilenceCommand::List(a)) => silence::list(ctx, a).await,
        Command::Silence(SilenceCommand::Remove(a)) => silence::remove(ctx, a).await,
        Command::Notify(NotifyCommand::Test(a)) => notify::test(ctx, a).await,
        Command::State(StateCommand::Init(a)) => state_cmd::init(ctx, a).await,
        Command::State(StateCommand::Migrate(a)) => state_cmd::migrate(ctx, a).await,
        Command::Config(ConfigCommand::Check(a)) => config_cmd::check(ctx, a).await,
        Command::Inventory(InventoryCommand::Show(a)) => inventory::show(ctx, a).await,
        Command::Inventory(InventoryCommand::Diff(a)) => inventory::diff(ctx, a).await,
        Command::Inventory(InventoryCommand::Publish(a)) => inventory::publish(ctx, a).await,
        Command::TrustedAdvisor(TrustedAdvisorCommand::Show(a)) => trusted_advisor::show(ctx, a).await,
        Command::TrustedAdvisor(TrustedAdvisorCommand::Notify(a)) => trusted_advisor::check(ctx, a).await,
        Command::TrustedAdvisor(TrustedAdvisorCommand::Check(a)) => {
            tracing::warn!(
                "`trusted-advisor check` is now `trusted-advisor notify` (it notifies the routes' sinks); the old \
                 name goes in a later release\nhint: `opskit ta show` lists the recommendations without notifying anyone"
            );
            trusted_advisor::check(ctx, a).await
        }
        Command::TrustedAdvisor(TrustedAdvisorCommand::Checks(a)) => trusted_advisor::checks(ctx, a).await,
        Command::DxVif(DxVifCommand::Poll) => dx_vif::poll(ctx).await,
        Command::DxVif(DxVifCommand::Watch(a)) => dx_vif::watch(ctx, a, name).await,
        Command::Support(SupportCommand::Watch(a)) => support::watch(ctx, a).await,
        Command::Support(SupportCommand::Cases(a)) => support::cases(ctx, a).await,
        Command::MaintenanceMail(MailCommand::Ingest(a)) => maintenance_mail::ingest(ctx, a).await,
        Command::Health(HealthCommand::Watch(a)) => health::watch(ctx, a).await,
        Command::Calendar(CalendarCommand::Sync(a)) => calendar::sync(ctx, a).await,
        Command::Pagerduty(PagerDutyCommand::Remind(a)) => pagerduty::remind(ctx, a).await,
        Command::Respond(RespondCommand::Log(a)) => respond::log(ctx, a).await,
        Command::Report(ReportCommand::Status(a)) => report::status(ctx, a).await,
        Command::Report(ReportCommand::Ops(a)) => report_ops::ops(ctx, a).await,
        Command::Health(HealthCommand::Ingest(a)) => health::ingest(ctx, a).await,
        Command::Wiki(WikiCommand::Backup(a)) => wiki::backup(ctx, a).await,
        Command::Wiki(WikiCommand::List(a)) => wiki::list(ctx, a).await,
        Command::Wiki(WikiCommand::Verify(a)) => wiki::verify(ctx, a).await,
        Command::Wiki(WikiCommand::Restore(a)) => wiki::restore(ctx, a).await,
        Command::Config(ConfigCommand::Example)
        | Command::Completions(_)
        | Command::Man(_)
        | Command::MaintenanceMail(MailCommand::Parse(_)) => {
            unreachable!("handled by run_standalone")
        }
        #[cfg(feature = "demo")]
        Command::Demo(_) | Command::Sandbox(_) => unreachable!("handled in main before a context exists"),
    }
}

#[cfg(test)]
mod tests {
    use super::SECTIONS;
    use crate::config::{EXAMPLE, Env, parse_and_check};

    #[test]
    fn the_example_config_resolves() {
        let env = Env::from_pairs(&[
            ("SLACK_WEBHOOK_OPS", "https://hooks.slack.com/services/T0/B0/example"),
            ("PAGERDUTY_ROUTING_KEY", "R0123456789abcdef0123456789abcdef"),
            ("BACKLOG_API_KEY", "example-backlog-key"),
            ("WEBHOOK_URL", "https://ops.example.com/hooks/opskit"),
            ("WEBHOOK_SECRET", "example-hmac-secret"),
            ("ACME_EXTERNAL_ID", "acme-external-id"),
            ("PAGERDUTY_API_TOKEN", "example-pagerduty-rest-key"),
            ("OPS_CALENDAR_URL", "https://calendar.google.com/calendar/ical/ops%40example.com/private-0123/basic.ics"),
            ("INITECH_EXTERNAL_ID", "initech-external-id"),
        ]);
        let cfg = parse_and_check(EXAMPLE, None, &env, SECTIONS).unwrap();
        assert!(!cfg.accounts.is_empty() && !cfg.routes.is_empty() && !cfg.organizations.is_empty());
        assert!(cfg.commands.len() >= 6, "the example shows every command's section");
    }
}
