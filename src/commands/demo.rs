//! `opskit demo`: a tour of opskit against the embedded sandbox, for a new user with no
//! cloud account and no network. It starts the sandbox in-process, writes a temporary config
//! pointing every sink at it, runs the spine through a small story, and shows after each
//! step the findings and what each sink received. It grows with every command.
//!
//! Each step prints the command line it stands for; with `demo --keep` and the environment
//! the tour prints first, any step can be repeated by hand against the same sandbox.
//! `opskit sandbox` serves the same sandbox until interrupted and prints a working config and
//! the environment to export, for trying opskit by hand.

use crate::cli::{Cli, DemoArgs, GlobalArgs, SandboxArgs};
use crate::commands::{Output, calendar, dx_vif, health, inventory, maintenance_mail, support, trusted_advisor, wiki};
use crate::config::{self, Env};
use crate::context::Context;
use crate::error::{AppError, AppResult};
use crate::output::{self, Style};
use crate::spine::engine::{Collected, RunReport, Scope};
use crate::spine::finding::{Finding, Severity};
use crate::state::{Silence, SilenceMatcher};
use anyhow::Context as _;
use opskit_sandbox::{self as sandbox, Fault, Recorded, Sandbox};
use std::fmt::Write as _;
use std::path::Path;

const SOURCE: &str = "nightly-checks";

fn demo_config(sb: &Sandbox, state: &Path) -> String {
    format!(
        r#"# Written by `opskit demo`: every sink points at the embedded sandbox.
[defaults]
timezone = "Asia/Tokyo"
state = "{state}"
retry_backoff = "200ms"

[[accounts]]
name = "acme-prod"
id = "111122223333"
profile = "acme-prod"
regions = ["ap-northeast-1"]
tags = {{ customer = "acme", tier = "gold" }}

{sinks}
[[routes]]
name = "everything to Slack and the ITSM webhook"
sinks = ["slack", "webhook"]
# ...and what a first-response scenario handled, so people see it without being paged.
notify_recovered = true

[[routes]]
name = "warnings become Backlog issues"
min_severity = "warning"
sinks = ["backlog"]

[[routes]]
name = "page on critical, after two bad runs"
sources = ["nightly-checks", "dx-vif"]
min_severity = "critical"
notify_after = 2
sinks = ["pagerduty"]

[[routes]]
name = "page on the monitoring system's critical alerts"
sources = ["monitoring"]
min_severity = "critical"
sinks = ["pagerduty"]

[respond]
budget = "15s"

[[scenarios]]
# First response for the monitoring system's disk alerts: gather `df -h`, clear rotated
# logs, verify, before anyone is paged (SSM Run Command on the alert's instance).
name = "disk-full"
sources = ["monitoring"]
keys = ["disk/*"]
allow_recover = true
recover_once_per = "6h"
[[scenarios.steps]]
role = "gather"
name = "disk usage"
ssm = ["df -h /"]
[[scenarios.steps]]
role = "recover"
name = "clear rotated logs"
ssm = ["find /var/log/app -name '*.gz' -delete -print | wc -l"]
[[scenarios.steps]]
role = "verify"
name = "root below 90%"
wait = "2s"
ssm = ["test $(df --output=pcent / | tail -1 | tr -dc 0-9) -lt 90"]

[commands.maintenance-mail]
# A Direct Connect maintenance mail silences its connections and VIFs in dx-vif, once the
# receiving server (here the demo's) has verified AWS's DKIM signature on it.
auto_silence = true
authserv_id = "{authserv}"

[[commands.calendar.sources]]
# `calendar sync` reads planned work from this calendar's secret iCal address (the sandbox
# plays Google Calendar; the address is a secret, kept in a file only opskit reads): its
# events silence what their `opskit:` lines name.
name = "planned-work"
url_file = "{calendar}"

[commands.inventory.publish]
# `inventory publish` writes one page per account into this project's Backlog Wiki.
project = "OPS"
"#,
        state = state.display(),
        calendar = state.with_file_name("calendar-url").display(),
        sinks = sb.sinks_toml(),
        authserv = DEMO_MX,
    )
}

/// The demo's receiving mail server, and the verdict it adds to the AWS mails it checked.
const DEMO_MX: &str = "mx.demo.example";
const DEMO_DKIM_PASS: &str = "Authentication-Results: mx.demo.example; dkim=pass header.d=amazon.com\r\n";

/// The AWS config a person uses to reach the sandbox by hand: the default profile is the
/// organization's management account, `acme-prod` the demo's account (the sandbox tells
/// accounts apart by access key, as AWS does by credentials).
fn sandbox_aws_config() -> String {
    let profile = |header: &str, account: &str| {
        format!(
            "[{header}]\nregion = {region}\naws_access_key_id = {key}\naws_secret_access_key = sandbox-secret\n",
            region = sandbox::DX_DEMO_REGION,
            key = sandbox::sandbox_access_key(account)
        )
    };
    format!(
        "{}\n{}",
        profile("default", sandbox::AWS_DEFAULT_ACCOUNT),
        profile("profile acme-prod", sandbox::DX_DEMO_ACCOUNT)
    )
}

/// Write the sandbox's config (mode 600: its secrets are literal), its AWS config and an
/// empty AWS credentials file into `dir`; return the config's path and the `export` line
/// that points the AWS SDK at the sandbox and away from the user's own AWS files.
fn write_sandbox_files(sb: &Sandbox, dir: &Path) -> AppResult<(std::path::PathBuf, String)> {
    let config_path = dir.join("opskit.toml");
    crate::private_fs::write_new(&config_path, demo_config(sb, &dir.join("state.db")).as_bytes())
        .with_context(|| format!("writing {}", config_path.display()))?;
    let aws_config = dir.join("aws-config");
    let aws_credentials = dir.join("aws-credentials");
    crate::private_fs::write_new(&aws_config, sandbox_aws_config().as_bytes())
        .with_context(|| format!("writing {}", aws_config.display()))?;
    crate::private_fs::write_new(&aws_credentials, b"")
        .with_context(|| format!("writing {}", aws_credentials.display()))?;
    let calendar_url = dir.join("calendar-url");
    crate::private_fs::write_new(&calendar_url, sb.calendar_url(DEMO_CALENDAR_SECRET).as_bytes())
        .with_context(|| format!("writing {}", calendar_url.display()))?;
    // The calendar the config names, with one router swap in three days.
    let start = jiff::Timestamp::now() + jiff::SignedDuration::from_hours(72);
    sb.calendar_put(DEMO_CALENDAR_SECRET, &demo_calendar(start, start + jiff::SignedDuration::from_hours(2)));
    let export = format!(
        "export AWS_CONFIG_FILE={} AWS_SHARED_CREDENTIALS_FILE={} AWS_ENDPOINT_URL={} AWS_EC2_METADATA_DISABLED=true",
        aws_config.display(),
        aws_credentials.display(),
        sb.url("")
    );
    Ok((config_path, export))
}

fn finding(key: &str, severity: Severity, title: &str, resource: &str, fields: &[(&str, &str)]) -> Finding {
    let mut f = Finding {
        account: Some("111122223333".into()),
        region: Some("ap-northeast-1".into()),
        resources: vec![resource.into()],
        summary: format!("{title} ({resource})"),
        ..Finding::new(SOURCE, key, severity, title)
    };
    for (k, v) in fields {
        f = f.field(*k, *v);
    }
    f
}

fn first_line(s: &str) -> String {
    let line = s.lines().find(|l| !l.trim().is_empty()).unwrap_or("").trim();
    if line.chars().count() > 90 {
        format!("{}…", line.chars().take(89).collect::<String>())
    } else {
        line.to_string()
    }
}

/// One line per request a sink received: what a person would want to know of it.
fn describe(r: &Recorded) -> Option<String> {
    let path = r.path.as_str();
    if path.starts_with("/slack/") {
        return Some(format!("slack      <- {} \"{}\"", r.status, first_line(r.json()["text"].as_str().unwrap_or(""))));
    }
    if path.starts_with("/pagerduty/") {
        let v = r.json();
        let summary = v["payload"]["summary"].as_str().map(|s| format!(" \"{}\"", first_line(s))).unwrap_or_default();
        return Some(format!(
            "pagerduty  <- {} {} dedup_key={}{summary}",
            r.status,
            v["event_action"].as_str().unwrap_or("?"),
            v["dedup_key"].as_str().unwrap_or("-")
        ));
    }
    if path.starts_with("/webhook/") {
        let v = r.json();
        let signed = if r.header("x-opskit-signature-256").is_some() { ", signed" } else { "" };
        return Some(format!(
            "webhook    <- {} {} {}{signed}",
            r.status,
            v["kind"].as_str().unwrap_or("?"),
            v["finding"]["key"].as_str().unwrap_or("?")
        ));
    }
    if let Some(api) = path.strip_prefix("/backlog/api/v2") {
        if r.method == "GET" {
            return None; // name lookups (project, issue types, priorities)
        }
        let form = r.form();
        let get = |k: &str| form.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_str());
        let what = match (r.method.as_str(), get("summary"), get("content"), get("statusId")) {
            _ if api.starts_with("/wikis") => match get("name") {
                Some(n) => format!("page \"{n}\""),
                None => get("content").map(|c| format!("\"{}\"", first_line(c))).unwrap_or_default(),
            },
            (_, Some(s), _, _) => format!("\"{}\"", first_line(s)),
            (_, _, _, Some(st)) => format!("statusId={st}"),
            (_, _, Some(c), _) => format!("\"{}\"", first_line(c)),
            _ => String::new(),
        };
        return Some(format!("backlog    <- {} {} {api} {what}", r.status, r.method));
    }
    None
}

struct Tour {
    sb: Sandbox,
    config_path: std::path::PathBuf,
    /// The demo's directory: config, state, the findings each push step sent, the Maildir.
    dir: std::path::PathBuf,
    style: Style,
    out: String,
    failed: bool,
    /// The command line of the step being run, shown by [`Tour::show`].
    command: Option<String>,
    pushes: usize,
}

impl Tour {
    /// Note the command line the next step stands for (`now`: the time it pins).
    fn ran(&mut self, now: Option<jiff::Timestamp>, args: &str) {
        let pin = now.map(|t| format!("OPSKIT_NOW={t} ")).unwrap_or_default();
        self.command = Some(format!("{pin}opskit --config {} {args}", self.config_path.display()));
    }

    fn context(&self) -> AppResult<Context> {
        self.context_with(|_| {})
    }

    /// A context whose flags `flags` adjusts (as if given on the command line).
    fn context_with(&self, flags: impl FnOnce(&mut GlobalArgs)) -> AppResult<Context> {
        let env = Env::process();
        let config = config::load(Some(&self.config_path), &env, crate::commands::SECTIONS)?;
        let mut global =
            GlobalArgs { config: Some(self.config_path.clone()), no_color: !self.style.color, ..Default::default() };
        flags(&mut global);
        Context::new(global, config, env)
    }

    async fn step(&mut self, title: &str, story: &str, findings: Vec<Finding>) -> AppResult<RunReport> {
        self.push_as(SOURCE, title, story, findings).await
    }

    /// `opskit findings push --source SOURCE` with `findings` as its input file; AWS calls
    /// (a scenario's SSM steps) go to the sandbox.
    async fn push_as(
        &mut self,
        source: &str,
        title: &str,
        story: &str,
        findings: Vec<Finding>,
    ) -> AppResult<RunReport> {
        let mut ctx = self.context()?;
        ctx.aws = sandbox_session(&self.sb).into();
        self.pushes += 1;
        let input = self.dir.join(format!("push-{}.json", self.pushes));
        // `findings push` takes opskit's own JSON of a finding back.
        let json = serde_json::to_string_pretty(&findings).map_err(anyhow::Error::from)?;
        std::fs::write(&input, json).with_context(|| format!("writing {}", input.display()))?;
        self.ran(None, &format!("findings push --source {source} < {}", input.display()));
        let before = self.sb.requests().len();
        let collected = Collected::new(source, findings, Scope::All);
        let report = ctx.run_spine(&crate::commands::findings::run_lock(source), collected).await?;
        self.show(title, story, &report, before);
        Ok(report)
    }

    /// One `opskit trusted-advisor notify` against the sandbox's Trusted Advisor API.
    async fn ta_check(&mut self, title: &str, story: &str) -> AppResult<RunReport> {
        let mut ctx = self.context()?;
        ctx.aws = sandbox_session(&self.sb).into();
        let args = crate::cli::TaCheckArgs { select: Default::default(), new_only: false };
        self.ran(None, "trusted-advisor notify");
        let before = self.sb.requests().len();
        let report = trusted_advisor::check_once(&ctx, &args).await?;
        self.show(title, story, &report, before);
        Ok(report)
    }

    /// One `opskit support watch` against the sandbox's Support API, at `now`.
    async fn support_watch(&mut self, title: &str, story: &str, now: jiff::Timestamp) -> AppResult<RunReport> {
        let mut ctx = self.context()?;
        ctx.aws = sandbox_session(&self.sb).into();
        ctx.pinned_now = Some(now);
        self.ran(Some(now), "support watch");
        let before = self.sb.requests().len();
        let report = support::watch_once(&ctx, &crate::cli::SupportArgs { strict: false }).await?;
        self.show(title, story, &report, before);
        Ok(report)
    }

    /// One `opskit dx-vif poll` against the sandbox's Direct Connect.
    async fn dx_poll(&mut self, title: &str, story: &str) -> AppResult<RunReport> {
        self.dx_poll_at(title, story, None).await
    }

    /// One `opskit inventory publish` of acme-prod against the sandbox's EC2, Direct Connect
    /// and Backlog Wiki.
    async fn inventory_publish(&mut self, title: &str, story: &str) -> AppResult<RunReport> {
        let mut ctx = self.context()?;
        ctx.aws = sandbox_session(&self.sb).into();
        let args = crate::cli::InventoryArgs { resource_types: Vec::new(), all_regions: false, concurrency: None };
        self.ran(None, "inventory publish");
        let before = self.sb.requests().len();
        let Output::Report(report) = inventory::publish(&ctx, &args).await? else {
            return Err(AppError::Run(anyhow::anyhow!("inventory publish gave no report")));
        };
        self.show(title, story, &report, before);
        Ok(*report)
    }

    /// One `opskit maintenance-mail ingest` of a Maildir.
    async fn mail_ingest(&mut self, title: &str, story: &str, maildir: &Path) -> AppResult<RunReport> {
        let ctx = self.context()?;
        let args =
            crate::cli::IngestArgs { inputs: vec![maildir.to_path_buf()], imap: false, pending: false, mta: false };
        self.ran(None, &format!("maintenance-mail ingest {}", maildir.display()));
        let before = self.sb.requests().len();
        let Output::Report(report) = maintenance_mail::ingest(&ctx, &args).await? else {
            return Err(AppError::Run(anyhow::anyhow!("maintenance-mail ingest gave no report")));
        };
        self.show(title, story, &report, before);
        Ok(*report)
    }

    /// One `opskit calendar sync` at `now`.
    async fn calendar_sync(&mut self, title: &str, story: &str, now: jiff::Timestamp) -> AppResult<RunReport> {
        let mut ctx = self.context()?;
        ctx.pinned_now = Some(now);
        self.ran(Some(now), "calendar sync");
        let before = self.sb.requests().len();
        let Output::Report(report) = calendar::sync(&ctx, &crate::cli::CalendarSyncArgs {}).await? else {
            return Err(AppError::Run(anyhow::anyhow!("calendar sync gave no report")));
        };
        self.show(title, story, &report, before);
        Ok(*report)
    }

    /// One `opskit health watch` against the sandbox's AWS Health API.
    async fn health_watch(&mut self, title: &str, story: &str) -> AppResult<RunReport> {
        let mut ctx = self.context()?;
        ctx.aws = sandbox_session(&self.sb).into();
        self.ran(None, "health watch");
        let before = self.sb.requests().len();
        let report = health::watch_once(&ctx, &crate::cli::HealthWatchArgs { strict: false }).await?;
        self.show(title, story, &report, before);
        Ok(report)
    }

    async fn dx_poll_at(&mut self, title: &str, story: &str, now: Option<jiff::Timestamp>) -> AppResult<RunReport> {
        let mut ctx = self.context()?;
        ctx.pinned_now = now;
        ctx.aws = sandbox_session(&self.sb).into();
        let settings = dx_vif::Settings::load(&ctx.config)?;
        self.ran(now, "dx-vif poll");
        let before = self.sb.requests().len();
        let report = dx_vif::poll_once(&ctx, &settings).await?;
        self.show(title, story, &report, before);
        Ok(report)
    }

    /// One `opskit wiki backup` of project OPS to `to`, at `now`.
    async fn wiki_backup(&mut self, title: &str, story: &str, to: &str, now: jiff::Timestamp) -> AppResult<()> {
        let mut ctx = self.context()?;
        ctx.pinned_now = Some(now);
        let args = crate::cli::WikiBackupArgs {
            project: vec![sandbox::BACKLOG_PROJECT_KEY.to_string()],
            to: Some(to.to_string()),
            history: true,
            full: false,
            keep_daily: Some(7),
            keep_weekly: None,
            keep_monthly: None,
            concurrency: None,
        };
        self.ran(
            Some(now),
            &format!("wiki backup --project {} --to {to} --history --keep-daily 7", sandbox::BACKLOG_PROJECT_KEY),
        );
        let before = self.sb.requests().len();
        let Output::Report(report) = wiki::backup(&ctx, &args).await? else {
            return Err(AppError::Run(anyhow::anyhow!("wiki backup gave no report")));
        };
        self.show(title, story, &report, before);
        let wiki = format!("{}/api/v2/wikis", sandbox::BACKLOG_PREFIX);
        let gets: Vec<String> = self.sb.requests()[before..]
            .iter()
            .filter(|r| r.method == "GET" && r.path.starts_with(&wiki))
            .map(|r| r.path[wiki.len()..].to_string())
            .collect();
        let lists = gets.iter().filter(|p| p.is_empty()).count();
        let _ =
            writeln!(self.out, "wiki requests: {lists} page list, {} page and attachment reads", gets.len() - lists);
        Ok(())
    }

    fn show(&mut self, title: &str, story: &str, report: &RunReport, before: usize) {
        let _ = writeln!(self.out, "\n== {title}\n{story}\n");
        if let Some(command) = self.command.take() {
            let _ = writeln!(self.out, "$ {command}\n");
        }
        let mut buf = Vec::new();
        // Without colour: the tour's text reaches stdout through `output::emit`, which
        // escapes control characters for people, colour codes included.
        let style = Style { color: false, ..self.style };
        let _ = output::render(report, crate::cli::OutputFormat::Table, style, &mut buf);
        self.out.push_str(&String::from_utf8_lossy(&buf));
        let received: Vec<String> = self.sb.requests()[before..].iter().filter_map(describe).collect();
        let _ = writeln!(self.out, "\nwhat the sinks received:");
        if received.is_empty() {
            let _ = writeln!(self.out, "  (nothing)");
        }
        for line in received {
            let _ = writeln!(self.out, "  {line}");
        }
        self.failed |= report.failed();
    }
}

pub async fn run(cli: &Cli, args: &DemoArgs) -> AppResult<Output> {
    let sb = Sandbox::start().await.context("starting the sandbox")?;
    let dir = tempfile::Builder::new().prefix("opskit-demo-").tempdir().context("creating a temporary directory")?;
    let (config_path, export) = write_sandbox_files(&sb, dir.path())?;
    let style = Style::detect(cli.global.no_color);
    let mut t = Tour {
        sb,
        config_path,
        dir: dir.path().to_path_buf(),
        style,
        out: String::new(),
        failed: false,
        command: None,
        pushes: 0,
    };
    let _ = writeln!(
        t.out,
        "opskit demo: the spine against an embedded sandbox on {} (Slack, PagerDuty, Backlog, a webhook).\n\
         A script's findings go through `opskit findings push --source {SOURCE}`; every command of opskit\n\
         hands its findings to the same spine. Config used: {}\n\
         Each step shows the command it stands for (`$ opskit ...`). To repeat one by hand, run `opskit demo --keep`\n\
         and, in another shell, first:\n  {export}",
        t.sb.addr(),
        t.config_path.display()
    );

    let backup = |sev| {
        finding("backup/db-1", sev, "Nightly backup failed on db-1", "db-1", &[("job", "pg_dump"), ("exit", "1")])
    };
    let disk = |pct: &str| {
        finding("disk/web-2", Severity::Warning, &format!("Disk /var at {pct} on web-2"), "web-2", &[("used", pct)])
    };

    t.step(
        "1. A nightly check finds two problems",
        "Both go to Slack and the ITSM webhook and become Backlog issues. The backup failure is\n\
         critical, but the pager route waits for a second bad run (notify_after = 2): no 3 a.m. page for a blip.",
        vec![backup(Severity::Critical), disk("91%")],
    )
    .await?;
    t.step(
        "2. The next run sees the same",
        "Nothing is re-posted to Slack or Backlog: opskit remembers what each sink was told.\n\
         The backup failed twice now, so PagerDuty is triggered (dedup_key = source/key).",
        vec![backup(Severity::Critical), disk("91%")],
    )
    .await?;
    t.sb.inject(Fault::status(sandbox::SLACK_PATH, 503, 2));
    t.step(
        "3. The disk fills further while Slack has a bad minute",
        "A changed finding is sent again; Slack answers 503 twice and is retried with backoff.\n\
         It is delivered once, and the Backlog issue gets a comment rather than a new issue.",
        vec![backup(Severity::Critical), disk("95%")],
    )
    .await?;
    {
        let ctx = t.context()?;
        let state = ctx.open_state()?;
        let now = jiff::Timestamp::now();
        let silence = Silence {
            id: "s-demo".into(),
            matcher: SilenceMatcher {
                source: Some(SOURCE.into()),
                resource: Some("web-2".into()),
                ..Default::default()
            },
            starts: now,
            until: now + jiff::SignedDuration::from_hours(2),
            reason: "planned maintenance on web-2".into(),
            created_by: "demo".into(),
            created_at: now,
        };
        state.add_silence(&silence).await?;
    }
    t.step(
        "4. Planned work on web-2: an operator sets a silence first",
        "`opskit silence add --source nightly-checks --resource web-2 --until 2h --reason \"planned maintenance\"`\n\
         The new memory finding on web-2 is suppressed; nothing is sent for it while the silence holds.",
        vec![
            backup(Severity::Critical),
            disk("95%"),
            finding("memory/web-2", Severity::Warning, "Memory at 97% on web-2", "web-2", &[("used", "97%")]),
        ],
    )
    .await?;
    t.step(
        "5. The backup is fixed and the disk cleaned",
        "Absent findings resolve: PagerDuty gets a resolve for the same dedup_key, the Backlog issues get a\n\
         comment and are closed, Slack says RESOLVED. The silenced memory finding stays muted.",
        vec![finding("memory/web-2", Severity::Warning, "Memory at 97% on web-2", "web-2", &[("used", "97%")])],
    )
    .await?;

    dx_segment(&mut t).await?;
    ta_segment(&mut t).await?;
    support_segment(&mut t).await?;
    mail_segment(&mut t, dir.path()).await?;
    calendar_segment(&mut t).await?;
    inventory_segment(&mut t).await?;
    wiki_segment(&mut t, dir.path()).await?;
    respond_segment(&mut t).await?;
    report_segment(&mut t).await?;
    organizations_segment(&mut t).await?;

    let issues = t.sb.backlog_issues();
    let _ = writeln!(t.out, "\n== Backlog issues in project {} now", sandbox::BACKLOG_PROJECT_KEY);
    for i in &issues {
        let _ = writeln!(
            t.out,
            "  {}  [{}]  {}",
            i["issueKey"].as_str().unwrap_or("?"),
            i["status"]["name"].as_str().unwrap_or("?"),
            i["summary"].as_str().unwrap_or("?")
        );
    }
    let _ = writeln!(
        t.out,
        "\nThat was the spine, dx-vif, trusted-advisor, support, maintenance-mail, health, calendar, inventory, wiki backups and an organization\nsplit over two hosts. Next: `opskit config example > opskit.toml`, then `opskit config check`."
    );
    if args.keep {
        let _ = writeln!(t.out, "\nthe sandbox keeps running on {}; press Ctrl-C to stop", t.sb.url("/"));
        crate::output::flush_now(&t.out);
        t.out.clear();
        let _ = tokio::signal::ctrl_c().await;
    }
    Ok(Output::Text { text: t.out, failed: t.failed })
}

/// `opskit dx-vif poll` four times: a BGP session drops, is escalated, recovers, resolves.
async fn dx_segment(t: &mut Tour) -> AppResult<()> {
    let vif = sandbox::DX_DEMO_TRANSIT_VIF;
    let _ = writeln!(
        t.out,
        "\n\n#### dx-vif: Direct Connect VIFs and BGP sessions\n\
         `opskit dx-vif poll` asks Direct Connect (here the sandbox's, through the real AWS SDK) for every VIF\n\
         and connection of acme-prod in ap-northeast-1. The same routes apply: Slack, the webhook and a\n\
         Backlog issue at once, the pager only after two bad polls."
    );
    t.dx_poll(
        "6. dx-vif poll: the status board",
        "Every VIF and connection with its state and BGP sessions; all healthy, so nobody is told anything.",
    )
    .await?;
    t.sb.dx_set_bgp(vif, Some(sandbox::DX_DEMO_TRANSIT_PEER_IPV6), "down").map_err(anyhow::Error::from)?;
    t.dx_poll(
        "7. The IPv6 BGP session of the transit VIF drops",
        "Critical at once for chat, the webhook and Backlog; the pager waits for a second bad poll.",
    )
    .await?;
    t.dx_poll(
        "8. Still down on the next poll",
        "Now PagerDuty is triggered, one incident per VIF (dedup_key = source/key of the VIF); nothing is repeated elsewhere.",
    )
    .await?;
    t.sb.dx_set_bgp(vif, None, "up").map_err(anyhow::Error::from)?;
    t.dx_poll(
        "9. The session is back",
        "The recovery resolves everywhere the alert went: PagerDuty resolve, Slack RESOLVED, the Backlog issue closed.",
    )
    .await?;
    Ok(())
}

/// `opskit trusted-advisor notify` three times: red items become Backlog issues with their
/// flagged resources, a newly flagged security group is a comment, a fixed check resolves.
async fn ta_segment(t: &mut Tour) -> AppResult<()> {
    let _ = writeln!(
        t.out,
        "\n\n#### trusted-advisor: \"Action recommended\" across accounts, new since the last run\n\
         `opskit ta notify` lists acme-prod's Trusted Advisor recommendations (the sandbox's, through the real\n\
         AWS SDK) and the resources each red one flags. Red items are critical: Slack, the webhook, and a\n\
         Backlog issue each, with the flagged resources as a table. Nobody is paged for them."
    );
    t.ta_check(
        "10. ta notify: the red recommendations",
        "Root MFA and a security group open to the world: one Backlog issue each. Yellow items are below the\n\
         default --min-status; the dismissed one is ignored.",
    )
    .await?;
    t.sb.ta_put_resource(
        sandbox::TA_DEMO_ACCOUNT,
        sandbox::TA_SG_RECOMMENDATION,
        serde_json::json!({"awsResourceId": "sg-0demo5432open0000", "regionCode": "ap-northeast-1", "status": "error",
            "metadata": {"Security Group ID": "sg-0demo5432open0000", "Protocol": "tcp", "From Port": "5432", "To Port": "5432"}}),
    )
    .map_err(anyhow::Error::from)?;
    t.ta_check(
        "11. Someone opens PostgreSQL to the world",
        "The security-group check flags one more resource: a changed finding. The Backlog issue gets a comment\n\
         naming the new resource; no new issue, and the root-MFA issue is left alone.",
    )
    .await?;
    t.sb.ta_set_status(sandbox::TA_DEMO_ACCOUNT, sandbox::TA_ROOT_MFA_RECOMMENDATION, "ok")
        .map_err(anyhow::Error::from)?;
    t.ta_check(
        "12. MFA is enabled on the root user",
        "The check turns green and is no longer listed: resolved, the Backlog issue gets a comment and is closed.",
    )
    .await?;
    Ok(())
}

/// `opskit support watch` three times: the open cases, an AWS reply quoted once, and a
/// reminder when a case has waited on us too long. Time is the sandbox's story time.
async fn support_segment(t: &mut Tour) -> AppResult<()> {
    let _ = writeln!(
        t.out,
        "\n\n#### support: every AWS reply on support cases, and reminders when AWS waits on us\n\
         `opskit support watch` reads acme-prod's open AWS Support cases (the sandbox's, through the real AWS\n\
         SDK). AWS replies are quoted once; our own replies are not news; a case waiting on us too long is a\n\
         reminder (after 4 hours, then daily)."
    );
    let t0: jiff::Timestamp = "2026-11-21T12:00:00Z".parse().map_err(anyhow::Error::from)?;
    let later = |mins: i64| t0 + jiff::SignedDuration::from_mins(mins);
    t.support_watch(
        "13. support watch: the open cases",
        "Three open cases. The limit increase has waited on us since AWS asked for details days ago: that is\n\
         already a reminder.",
        t0,
    )
    .await?;
    t.sb.support_add_communication(
        sandbox::SUPPORT_DX_CASE,
        sandbox::SUPPORT_AWS_SUBMITTER,
        "We found a flapping BGP session on our side of the Tokyo VIF and deployed a fix. Please confirm the \
         interface has been stable since 12:30 UTC.",
        Some(later(20)),
        &["bgp-session-log.txt"],
    )
    .map_err(anyhow::Error::from)?;
    t.sb.support_add_communication(
        sandbox::SUPPORT_BILLING_CASE,
        sandbox::SUPPORT_CUSTOMER_SUBMITTER,
        "Attaching the October invoice for reference.",
        Some(later(25)),
        &[],
    )
    .map_err(anyhow::Error::from)?;
    t.support_watch(
        "14. AWS replies on the Direct Connect case; we add a note to the billing case",
        "One message, quoting AWS's reply and naming its attachment. Our own note on the billing case sends nothing.",
        later(30),
    )
    .await?;
    t.support_watch("15. Half an hour later, nothing new", "The same replies are not told twice.", later(60)).await?;
    Ok(())
}

/// A Direct Connect maintenance notice (the legacy plain-text form) for the demo's transit
/// VIF and its connection, with its window a day from now.
fn demo_dx_mail(start: jiff::Timestamp, end: jiff::Timestamp) -> String {
    let t = |t: jiff::Timestamp| t.strftime("%a, %-d %b %Y %H:%M:%S GMT").to_string();
    format!(
        "{DEMO_DKIM_PASS}From: \"Amazon Web Services, Inc.\" <no-reply-aws@amazon.com>\r\n\
         Subject: AWS Direct Connect Planned Maintenance Notification [AWS Account: {account}]\r\n\
         Date: {now}\r\nMessage-ID: <opskit-demo-dx@email.amazonses.com>\r\n\
         X-SM-COMMUNICATION-TYPE: AWS_DIRECTCONNECT_MAINTENANCE_SCHEDULED\r\n\
         Content-Type: text/plain; charset=UTF-8\r\n\r\n\
         Hello,\r\n\r\nPlanned maintenance has been scheduled on an AWS Direct Connect router in Equinix TY2, Tokyo, JP\r\n\
         from {start} to {end} for 6 hours. During this maintenance window, your AWS Direct Connect\r\n\
         services listed below may become unavailable.\r\n\r\n{conn}\r\n{vif}\r\n\r\n\
         This maintenance is scheduled in the {region} region.\r\n\r\nSincerely,\r\nAmazon Web Services\r\n",
        account = sandbox::DX_DEMO_ACCOUNT,
        now = t(jiff::Timestamp::now()),
        start = t(start),
        end = t(end),
        conn = sandbox::DX_DEMO_CONNECTION_A,
        vif = sandbox::DX_DEMO_TRANSIT_VIF,
        region = sandbox::DX_DEMO_REGION,
    )
}

/// An EC2 retirement notice (legacy plain text) for an instance of acme-prod.
fn demo_retirement_mail(at: jiff::Timestamp) -> String {
    format!(
        "{DEMO_DKIM_PASS}From: \"Amazon Web Services, Inc.\" <no-reply-aws@amazon.com>\r\n\
         Subject: [Retirement Notification] Amazon EC2 Instance scheduled for retirement\r\n\
         Message-ID: <opskit-demo-retirement@email.amazonses.com>\r\n\
         X-SM-COMMUNICATION-TYPE: AWS_EC2_INSTANCE_RETIREMENT_SCHEDULED\r\n\
         Content-Type: text/plain; charset=UTF-8\r\n\r\n\
         Dear Amazon EC2 Customer,\r\n\r\nWe have important news about your account (AWS Account ID: {account}). EC2 has\r\n\
         detected degradation of the underlying hardware hosting your Amazon EC2 instance (instance-ID:\r\n\
         i-0de0a1b2c3d4e5f60) in the {region} region. After {at} your instance, which has an EBS volume\r\n\
         as the root device, will be stopped.\r\n",
        account = sandbox::DX_DEMO_ACCOUNT,
        region = sandbox::DX_DEMO_REGION,
        at = at.strftime("%Y-%m-%d %H:%M UTC"),
    )
}

/// `opskit maintenance-mail ingest` of a Maildir with four mails, then a dx-vif poll
/// during the Direct Connect work the mail announced.
async fn mail_segment(t: &mut Tour, dir: &Path) -> AppResult<()> {
    let _ = writeln!(
        t.out,
        "\n\n#### maintenance-mail: AWS maintenance and warning mails, understood\n\
         `opskit mail ingest ~/Maildir` reads the new mails of a Maildir (or stdin from an MTA pipe, an mbox, IMAP),\n\
         recognises AWS notices and tells them through the same routes. A mail that is not a notice is ignored;\n\
         an AWS notice opskit cannot read is a warning, so nothing is lost. A mail is moved to cur/ once told."
    );
    let md = dir.join("Maildir");
    for sub in ["new", "cur", "tmp"] {
        std::fs::create_dir_all(md.join(sub)).context("creating the demo Maildir")?;
    }
    let start =
        jiff::Timestamp::now().checked_add(jiff::SignedDuration::from_hours(24)).map_err(anyhow::Error::from)?;
    let start =
        jiff::Timestamp::from_second(start.as_second() - start.as_second() % 3600).map_err(anyhow::Error::from)?;
    let end = start + jiff::SignedDuration::from_hours(6);
    let mails: [(&str, &[u8]); 4] = [
        ("1.demo", demo_retirement_mail(start + jiff::SignedDuration::from_hours(24 * 10)).into_bytes().leak()),
        ("2.demo", demo_dx_mail(start, end).into_bytes().leak()),
        ("3.demo", include_bytes!("../../tests/fixtures/mail/ignored_aws_newsletter.eml")),
        ("4.demo", include_bytes!("../../tests/fixtures/mail/unparsed_notice.eml")),
    ];
    for (name, raw) in mails {
        std::fs::write(md.join("new").join(name), raw).context("writing the demo mails")?;
    }
    t.mail_ingest(
        "16. mail ingest: an EC2 retirement, Direct Connect maintenance, a newsletter and a notice without fields",
        "Two notices are recognised (with accounts, resources and windows); the newsletter is ignored (listed with\n\
         -v, never sent); the notice whose fields could not be read is a warning with its subject (its sender\n\
         unverified: it came without the receiving server's DKIM verdict). The DX notice, verified, also\n\
         silenced its connection and VIF in dx-vif for the window (auto_silence).",
        &md,
    )
    .await?;
    t.sb.dx_set_vif_state(sandbox::DX_DEMO_TRANSIT_VIF, "down").map_err(anyhow::Error::from)?;
    t.dx_poll_at(
        "17. During the maintenance window the transit VIF goes down",
        "dx-vif sees it, but the silence the mail set holds it back: the planned outage pages nobody.",
        Some(start + jiff::SignedDuration::from_hours(1)),
    )
    .await?;
    t.sb.dx_set_vif_state(sandbox::DX_DEMO_TRANSIT_VIF, "available").map_err(anyhow::Error::from)?;
    health_segment(t, start, end).await
}

/// `opskit health watch`: the AWS Health API describes the two events the mails told (they
/// converge on the same findings: nobody is told twice) and one only it knew.
async fn health_segment(t: &mut Tour, start: jiff::Timestamp, end: jiff::Timestamp) -> AppResult<()> {
    let _ = writeln!(
        t.out,
        "\n\n#### health: AWS Health events by API (or EventBridge), one finding per event whichever way it came\n\
         `opskit health watch` reads the open and upcoming events of every account (or of the organization) from the\n\
         AWS Health API. An event told by mail and by the API is one finding: the same event ARN, or for a mail without\n\
         one the same event code, account, resources and window."
    );
    let account = [sandbox::DX_DEMO_ACCOUNT];
    let events = [
        serde_json::json!({
            "service": "DIRECTCONNECT", "eventTypeCode": "AWS_DIRECTCONNECT_MAINTENANCE_SCHEDULED",
            "eventTypeCategory": "scheduledChange", "region": sandbox::DX_DEMO_REGION, "statusCode": "upcoming",
            "startTime": start.to_string(), "endTime": end.to_string(),
            "description": "Planned maintenance has been scheduled on an AWS Direct Connect router in Equinix TY2, Tokyo, JP.",
            "entities": [{"entityValue": sandbox::DX_DEMO_CONNECTION_A}, {"entityValue": sandbox::DX_DEMO_TRANSIT_VIF}],
        }),
        serde_json::json!({
            "service": "EC2", "eventTypeCode": "AWS_EC2_INSTANCE_RETIREMENT_SCHEDULED",
            "eventTypeCategory": "scheduledChange", "region": sandbox::DX_DEMO_REGION, "statusCode": "upcoming",
            "startTime": (start + jiff::SignedDuration::from_hours(24 * 10)).to_string(),
            "description": "EC2 has detected degradation of the underlying hardware hosting your instance.",
            "entities": [{"entityValue": "i-0de0a1b2c3d4e5f60"}],
        }),
        serde_json::json!({
            "service": "RDS", "eventTypeCode": "AWS_RDS_MAINTENANCE_SCHEDULED",
            "eventTypeCategory": "scheduledChange", "region": sandbox::DX_DEMO_REGION, "statusCode": "upcoming",
            "startTime": (start + jiff::SignedDuration::from_hours(72)).to_string(),
            "endTime": (start + jiff::SignedDuration::from_hours(74)).to_string(),
            "description": "A required operating system update is scheduled for your DB instance acme-orders.",
            "entities": [{"entityValue": "acme-orders"}],
        }),
    ];
    for e in events {
        t.sb.health_put_event(&account, e).map_err(anyhow::Error::from)?;
    }
    t.health_watch(
        "18. health watch: the Health API knows the two events the mails told, and an RDS maintenance",
        "The Direct Connect maintenance and the EC2 retirement are the findings the mails made (same account,\n\
         resources and window): nothing to tell, their text is now the API's. The RDS maintenance only the API\n\
         knew: it is told.",
    )
    .await?;
    Ok(())
}

/// The path segment of the demo calendar's secret address on the sandbox.
const DEMO_CALENDAR_SECRET: &str = "private-5f1c0a9e7d3b48c2a6e4f0b1d9c8a7e6";

/// The demo calendar: a router swap on the transit VIF, `start`–`end`.
fn demo_calendar(start: jiff::Timestamp, end: jiff::Timestamp) -> String {
    let t = |t: jiff::Timestamp| t.strftime("%Y%m%dT%H%M%SZ").to_string();
    format!(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//opskit demo//EN\r\nBEGIN:VEVENT\r\nUID:router-swap@demo.example\r\n\
         DTSTAMP:{stamp}\r\nDTSTART:{start}\r\nDTEND:{end}\r\nSUMMARY:Router swap at Equinix TY2\r\n\
         DESCRIPTION:Carrier ticket 12345.\\nopskit: source=dx-vif resource={vif}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
        stamp = t(jiff::Timestamp::now()),
        start = t(start),
        end = t(end),
        vif = sandbox::DX_DEMO_TRANSIT_VIF,
    )
}

/// `opskit calendar sync` the day before a router swap on the transit VIF, then dx-vif during
/// and after the work.
async fn calendar_segment(t: &mut Tour) -> AppResult<()> {
    let _ = writeln!(
        t.out,
        "\n\n#### calendar: planned work in a calendar announces itself and silences what it touches\n\
         `opskit calendar sync` reads the team's calendar (here Google's secret iCal address, played by the sandbox; a\n\
         file or CalDAV work too). An event says\n\
         what it covers with `opskit:` lines; each occurrence is announced (24h and 30m before, at the start, at the\n\
         end) and silenced for its window plus margins. Move or cancel it in the calendar and the silence follows."
    );
    let now = jiff::Timestamp::now();
    let day = now + jiff::SignedDuration::from_hours(72);
    let start = jiff::Timestamp::from_second(day.as_second() - day.as_second() % 3600).map_err(anyhow::Error::from)?;
    let end = start + jiff::SignedDuration::from_hours(2);
    t.sb.calendar_put(DEMO_CALENDAR_SECRET, &demo_calendar(start, end));
    t.calendar_sync(
        "19. calendar sync, the day before the router swap",
        "The swap is announced (its 24h notice) to the routes, and the transit VIF is silenced for the window\n\
         (15 minutes before to 30 after): `opskit silence list` shows it, BY calendar planned-work.",
        start - jiff::SignedDuration::from_hours(24),
    )
    .await?;
    t.sb.dx_set_vif_state(sandbox::DX_DEMO_TRANSIT_VIF, "down").map_err(anyhow::Error::from)?;
    t.dx_poll_at(
        "20. During the swap the transit VIF goes down",
        "dx-vif sees it, the calendar's silence holds it back: nobody is paged for planned work.",
        Some(start + jiff::SignedDuration::from_mins(30)),
    )
    .await?;
    t.dx_poll_at(
        "21. The window and its margin are over, and the VIF is still down",
        "Now it is news: Slack is told, and PagerDuty pages (its route waits for two bad polls: this is the second).",
        Some(end + jiff::SignedDuration::from_mins(31)),
    )
    .await?;
    t.sb.dx_set_vif_state(sandbox::DX_DEMO_TRANSIT_VIF, "available").map_err(anyhow::Error::from)?;
    t.dx_poll_at(
        "22. The carrier fixes the port: the VIF is back",
        "Every sink hears it recovered: PagerDuty resolves the incident, the Backlog issue is closed.",
        Some(end + jiff::SignedDuration::from_mins(45)),
    )
    .await?;
    Ok(())
}

/// The whole picture from the state the tour built: the status page as one file, and the
/// operation's numbers (alerts, first response, share handled automatically).
async fn report_segment(t: &mut Tour) -> AppResult<()> {
    let _ = writeln!(
        t.out,
        "\n\n#### report: the whole picture, and the numbers the operation is measured by\n\
         Both read only the state store: no API is called, nobody is notified. `--wiki` puts either on a Backlog Wiki page."
    );
    let ctx = t.context()?;
    let page = t.dir.join("status.html");
    let args = crate::cli::ReportStatusArgs { out: Some(page.clone()), wiki: false };
    crate::commands::report::status(&ctx, &args).await?;
    let html = std::fs::read_to_string(&page).with_context(|| format!("reading {}", page.display()))?;
    let sections: Vec<&str> = ["open", "dx", "trusted-advisor", "support", "maintenance", "silences", "runs"]
        .into_iter()
        .filter(|id| html.contains(&format!("id=\"{id}\"")))
        .collect();
    let _ = writeln!(
        t.out,
        "\n== 32. report status: one self-contained page of the current state\n\
         Open findings by customer and severity, the Direct Connect board, Trusted Advisor's red items, cases waiting on\n\
         us, the maintenance and planned-work timeline, silences, each command's last run. No script, font or CDN:\n\
         it opens from a file, a web server or a Backlog Wiki attachment.\n\n\
         $ opskit --config {} report status --out {}\n\n\
         wrote {} ({} kB), sections: {}",
        t.config_path.display(),
        page.display(),
        page.display(),
        html.len() / 1024,
        sections.join(", ")
    );
    let ctx = t.context_with(|g| g.output = crate::cli::OutputFormat::Markdown)?;
    let args = crate::cli::ReportOpsArgs {
        since: "7d".into(),
        by: crate::cli::ReportPeriod::Day,
        format: None,
        wiki: false,
        out: None,
    };
    let text = match crate::commands::report_ops::ops(&ctx, &args).await? {
        Output::Text { text, .. } => text,
        _ => String::new(),
    };
    let _ = writeln!(
        t.out,
        "\n== 33. report ops: the operation's numbers\n\
         From the history the spine keeps: alerts per customer, source and severity, time to first response (a\n\
         PagerDuty acknowledgement, or a scenario's verified recovery), the share handled without a person.\n\n\
         $ opskit --config {} report ops --since 7d --by day -o markdown\n\n{text}",
        t.config_path.display()
    );
    Ok(())
}

/// The monitoring system that pushes alerts in the respond segment.
const MONITORING: &str = "monitoring";

/// `df -h /` on a full disk, as the sandbox's SSM answers it.
const DF_FULL: &str = "Filesystem      Size  Used Avail Use% Mounted on\n/dev/nvme0n1p1   20G   19G  0.6G  97% /\n";

/// A monitoring system's disk alert on one of the sandbox's instances.
fn disk_alert(instance: &str, name: &str) -> Finding {
    let mut f =
        Finding::new(MONITORING, format!("disk/{instance}"), Severity::Critical, format!("Disk / at 97% on {name}"));
    f.account = Some(sandbox::DX_DEMO_ACCOUNT.into());
    f.region = Some(sandbox::DX_DEMO_REGION.into());
    f.resources = vec![instance.into()];
    f.fields.push(crate::spine::finding::Field { name: "used".into(), value: "97%".into() });
    f
}

/// First response: two disk alerts pushed in; the scenario recovers web-1 (nobody paged)
/// and escalates web-2, whose file system is read-only, with the evidence of every step.
async fn respond_segment(t: &mut Tour) -> AppResult<()> {
    use sandbox::SsmResult;
    let _ = writeln!(
        t.out,
        "\n\n#### respond: first response before anyone is paged\n\
         `[[scenarios]]` run inside every producer's run, between the diff and delivery: check, gather evidence,\n\
         recover (only where allowed, at most once per period), verify. Here a monitoring system pushes disk alerts;\n\
         the `disk-full` scenario runs `df -h`, clears rotated logs and checks again, over SSM Run Command on the\n\
         alert's instance (the sandbox answers like SSM, with scripted outputs and latencies)."
    );
    let web1 = sandbox::EC2_DEMO_WEB_1;
    // web-2 was terminated in the inventory story: app-1 is the second machine here.
    let app1 =
        t.sb.ec2_put_instance(
            sandbox::DX_DEMO_ACCOUNT,
            sandbox::DX_DEMO_REGION,
            serde_json::json!({"instanceType": "t3.medium", "tags": {"Name": "app-1"}}),
        )
        .map_err(anyhow::Error::from)?;
    let web2 = app1.as_str();
    t.sb.ssm_script("*", "df -h", vec![SsmResult::success(DF_FULL, 400)]);
    t.sb.ssm_script(web1, "find /var/log/app", vec![SsmResult::success("14\n", 600)]);
    t.sb.ssm_script(web1, "test $(df", vec![SsmResult::success("", 300)]);
    t.sb.ssm_script(
        web2,
        "find /var/log/app",
        vec![SsmResult::failed(1, "find: cannot delete '/var/log/app/app.log.1.gz': Read-only file system", 600)],
    );
    t.sb.ssm_script(web2, "test $(df", vec![SsmResult::failed(1, "", 300)]);
    t.push_as(
        MONITORING,
        "30. The monitoring system pushes two disk-full alerts",
        "web-1: the logs are cleared and the verify passes, so the finding resolves \"Recovered by scenario disk-full\":\n\
         Slack hears what the automation handled, PagerDuty hears nothing. app-1's file system is read-only: the\n\
         recovery fails, the verify fails, and PagerDuty is triggered once with every step's output in custom_details.",
        vec![disk_alert(web1, "web-1"), disk_alert(web2, "app-1")],
    )
    .await?;
    let ctx = t.context()?;
    let args = crate::cli::RespondLogArgs {
        scenario: None,
        source: None,
        key: None,
        since: None,
        id: None,
        steps: true,
        limit: 10,
    };
    let text = match crate::commands::respond::log(&ctx, &args).await? {
        Output::Text { text, .. } => text,
        _ => String::new(),
    };
    let _ = writeln!(
        t.out,
        "\n== 31. respond log --steps: the audit trail\nEvery step with its input, target, outcome, duration and output.\n\n\
         $ opskit --config {} respond log --steps\n\n{text}",
        t.config_path.display()
    );
    Ok(())
}

/// `opskit inventory publish` three times: the first creates acme-prod's Wiki page, the
/// second finds nothing changed and writes nothing, the third (an instance replaced) updates
/// the page, starts the change log and tells the routes.
async fn inventory_segment(t: &mut Tour) -> AppResult<()> {
    let _ = writeln!(
        t.out,
        "\n\n#### inventory: every account's resources on a Backlog Wiki page, touched only when something changed\n\
         `opskit inventory publish` lists EC2 instances, volumes, VPCs, subnets, security groups, Elastic IPs, NAT and\n\
         internet gateways, route tables and Direct Connect (the sandbox's, through the real AWS SDKs) and writes one\n\
         Wiki page per account in the project's notation. A page is written only when its text changed, so Backlog's\n\
         page history and mails show real changes only; each change goes to a change-log page and to the routes."
    );
    t.inventory_publish(
        "23. inventory publish: the first inventory",
        "The page Inventory/111122223333 is created. The first inventory is a baseline: no change log, nobody told.",
    )
    .await?;
    t.inventory_publish(
        "24. The next morning, nothing changed",
        "The Wiki is not touched (not even read): no page history entry, no Backlog mail.",
    )
    .await?;
    t.sb.ec2_terminate(sandbox::EC2_DEMO_WEB_2).map_err(anyhow::Error::from)?;
    t.sb.ec2_put_instance(
        sandbox::DX_DEMO_ACCOUNT,
        sandbox::DX_DEMO_REGION,
        serde_json::json!({"instanceType": "t3.large", "tags": {"Name": "web-3"}}),
    )
    .map_err(anyhow::Error::from)?;
    t.inventory_publish(
        "25. web-2 is terminated and web-3 launched",
        "One PATCH of the page, a change-log page with one entry, and an \"inventory changed\" finding for chat.",
    )
    .await?;
    if let Some(log) = t.sb.backlog_wiki_page(sandbox::BACKLOG_PROJECT_KEY, "Inventory/111122223333/Changelog") {
        let _ = writeln!(t.out, "\nthe change-log page now reads:");
        for line in log["content"].as_str().unwrap_or("").lines() {
            let _ = writeln!(t.out, "  | {line}");
        }
    }
    Ok(())
}

/// The demo organization's members (ids chosen so both shards of two get work).
const ORG_WEB: &str = "400000000001";
const ORG_DB: &str = "400000000002";
const ORG_ANALYTICS: &str = "400000000003";
const ORG_LEGACY: &str = "400000000004";
const ORG_OLD: &str = "400000000005";

/// `[[organizations]]`: a customer organization discovered, its accounts split between two
/// hosts with `--shard`, one suspended account, one member role refused.
async fn organizations_segment(t: &mut Tour) -> AppResult<()> {
    let _ = writeln!(
        t.out,
        "\n\n#### organizations and shards: hundreds of customer accounts, more than one ops host\n\
         With `[[organizations]]` opskit lists a customer's member accounts from AWS Organizations (cached in the\n\
         state), assumes `role_name` in each, skips suspended ones and reports a refused role against its account only.\n\
         `--shard K/N` gives each of N hosts its own accounts; with a shared state (DynamoDB) their run locks are\n\
         leases, so two hosts never tell the same transition twice."
    );
    let org = |e: sandbox::OrgError| anyhow::Error::from(e);
    let mgmt = sandbox::AWS_DEFAULT_ACCOUNT;
    let (_, root) = t.sb.org_create(mgmt).map_err(org)?;
    let prod = t.sb.org_create_ou(mgmt, &root, "production").map_err(org)?;
    let legacy = t.sb.org_create_ou(mgmt, &root, "legacy").map_err(org)?;
    for (ou, id, name) in [
        (&prod, ORG_WEB, "initech-web"),
        (&prod, ORG_DB, "initech-db"),
        (&prod, ORG_ANALYTICS, "initech-analytics"),
        (&legacy, ORG_LEGACY, "initech-legacy"),
        (&legacy, ORG_OLD, "initech-old"),
    ] {
        t.sb.org_put_account(mgmt, Some(ou), id, name).map_err(org)?;
    }
    t.sb.org_set_account_state(ORG_OLD, "SUSPENDED").map_err(org)?;
    t.sb.org_deny_role(&format!("arn:aws:iam::{ORG_LEGACY}:role/OpsKitReadOnly"), true);
    for id in [ORG_WEB, ORG_DB, ORG_ANALYTICS] {
        t.sb.dx_generate(id, sandbox::DX_DEMO_REGION, 1, 1).map_err(anyhow::Error::from)?;
    }
    for v in t.sb.dx_vifs() {
        if [ORG_WEB, ORG_DB].contains(&v["ownerAccount"].as_str().unwrap_or_default()) {
            let id = v["virtualInterfaceId"].as_str().unwrap_or_default();
            t.sb.dx_set_vif_state(id, "down").map_err(anyhow::Error::from)?;
        }
    }
    // These hosts watch the organization only: acme-prod leaves their config (its findings
    // stay in the state, untouched: a run speaks only for the accounts it worked on).
    let text = std::fs::read_to_string(&t.config_path).context("reading the demo config")?;
    let acme = "[[accounts]]\nname = \"acme-prod\"\nid = \"111122223333\"\nprofile = \"acme-prod\"\n\
                regions = [\"ap-northeast-1\"]\ntags = { customer = \"acme\", tier = \"gold\" }\n";
    if !text.contains(acme) {
        return Err(anyhow::anyhow!("the demo config lost its acme-prod account").into());
    }
    let mut text = text.replace(acme, "");
    text.push_str(
        "\n[[organizations]]\nname = \"initech\"\nrole_name = \"OpsKitReadOnly\"\n\
         regions = [\"ap-northeast-1\"]\ntags = { customer = \"initech\" }\n",
    );
    std::fs::write(&t.config_path, text).context("writing the demo config")?;

    for (n, shard, host) in [(34, "0/2", "ops-a"), (35, "1/2", "ops-b")] {
        let shard: crate::shard::Shard = shard.parse().map_err(anyhow::Error::msg)?;
        let mut ctx = t.context_with(|g| g.shard = Some(shard))?;
        ctx.aws = sandbox_session(&t.sb).into();
        ctx.discover(crate::organizations::Mode::List).await?;
        if n == 34 {
            let _ = writeln!(t.out, "\norganization initech, as discovered (and cached for an hour):");
            for o in &ctx.discovery.organizations {
                for a in &o.accounts {
                    let _ = writeln!(
                        t.out,
                        "  {:<18} {}  {:<9} {:<8} shard {}/2",
                        a.name,
                        a.id,
                        a.state,
                        a.reached_by,
                        crate::shard::shard_of(&a.id, 2)
                    );
                }
            }
        }
        let settings = dx_vif::Settings::load(&ctx.config)?;
        t.ran(None, &format!("dx-vif poll --shard {shard}"));
        let before = t.sb.requests().len();
        let report = dx_vif::poll_once(&ctx, &settings).await?;
        let failed = t.failed;
        t.show(
            &format!("{n}. dx-vif poll --shard {shard} on {host}"),
            if n == 34 {
                "Host ops-a takes the accounts of shard 0: initech-web's VIF is down and told. initech-legacy's\n\
                 role is refused (AccessDenied): reported against that account alone, the run goes on."
            } else {
                "Host ops-b takes shard 1: initech-db's VIF is told, the suspended initech-old is skipped and named.\n\
                 Shard 0's findings are not touched: each shard speaks only for its own accounts."
            },
            &report,
            before,
        );
        // The refused role is part of the story, not a failure of the demo.
        t.failed = failed;
    }
    Ok(())
}

/// `opskit wiki backup` on two nights, `verify` and `restore --to-dir`: the runbooks
/// readable without Backlog.
async fn wiki_segment(t: &mut Tour, dir: &Path) -> AppResult<()> {
    let _ = writeln!(
        t.out,
        "\n\n#### wiki: the Backlog Wiki backed up in generations\n\
         `opskit wiki backup --project OPS --to file:///var/backups/wiki --history --keep-daily 7` copies every page,\n\
         attachment and version of the project's wiki as a new generation with a manifest of SHA-256s, written last.\n\
         A failed backup is a critical finding through the same routes; the next success resolves it."
    );
    let to = format!("file://{}", dir.join("wiki-backups").display());
    // Whole seconds, so the command line each step prints reads well.
    let night = jiff::Timestamp::from_second(jiff::Timestamp::now().as_second()).map_err(anyhow::Error::from)?;
    t.wiki_backup(
        "26. wiki backup: the first generation",
        "Every page is read (one list request, then each page, its attachments and history). The board shows\n\
         the generation; a successful backup sends nothing.",
        &to,
        night,
    )
    .await?;
    t.wiki_backup(
        "27. The next night, nothing changed",
        "Only the page list is read: the new generation's manifest references the first one's objects.",
        &to,
        night + jiff::SignedDuration::from_hours(24),
    )
    .await?;
    let ctx = t.context()?;
    let args = crate::cli::WikiVerifyArgs { from: Some(to.clone()), project: Vec::new(), generation: None, all: true };
    if let Output::Checked { text, passed } = wiki::verify(&ctx, &args).await? {
        let _ = writeln!(
            t.out,
            "\n== 28. wiki verify --all: every object re-read against its SHA-256\n\n$ opskit --config {} wiki verify --all --from {to}\n\n{text}",
            t.config_path.display()
        );
        t.failed |= !passed;
    }
    let restored = dir.join("runbooks");
    let from = to.clone();
    let args = crate::cli::WikiRestoreArgs {
        from: Some(to),
        project: None,
        generation: None,
        to_dir: Some(restored.clone()),
        to_project: None,
        overwrite: false,
    };
    if let Output::Text { text, failed } = wiki::restore(&ctx, &args).await? {
        let _ = writeln!(
            t.out,
            "== 29. wiki restore --to-dir: the pages as files, readable without Backlog\n\n$ opskit --config {} wiki restore --from {from} --to-dir {}\n\n{text}",
            t.config_path.display(),
            restored.display()
        );
        t.failed |= failed;
    }
    let mut files = Vec::new();
    let mut stack = vec![restored.clone()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).context("reading the restored directory")? {
            let p = e.context("reading the restored directory")?.path();
            if p.is_dir() {
                stack.push(p);
            } else if let Ok(rel) = p.strip_prefix(&restored) {
                files.push(rel.display().to_string());
            }
        }
    }
    files.sort();
    for f in files {
        let _ = writeln!(t.out, "  {f}");
    }
    Ok(())
}

/// `opskit sandbox`: serve the sandbox until interrupted, with a working config and the
/// environment to export printed first.
pub async fn serve(args: &SandboxArgs) -> AppResult<Output> {
    let sb = Sandbox::start_on(args.port)
        .await
        .map_err(|e| AppError::Run(e.context(format!("listening on port {}", args.port))))?;
    let dir = tempfile::Builder::new().prefix("opskit-sandbox-").tempdir().context("creating a temporary directory")?;
    let (config_path, export) = write_sandbox_files(&sb, dir.path())?;
    let text = format!(
        "sandbox listening on {addr}: AWS (Direct Connect, EC2, Trusted Advisor, Support, Organizations, STS),\n\
         Slack, PagerDuty, Backlog (project {proj}) and a webhook, all fake, all recorded.\n\n\
         In another shell:\n\
         \x20 {export}\n\
         \x20 export OPSKIT_CONFIG={config}\n\
         \x20 opskit config check\n\
         \x20 opskit dx-vif poll              # acme-prod's VIFs; sinks get what changes\n\
         \x20 opskit support cases            # read-only\n\
         \x20 opskit inventory show           # read-only\n\
         \x20 curl -s {rec}   # what every fake received\n\n\
         The config ({config}, mode 600: its sandbox secrets are literal):\n\n{body}\n\
         AWS profiles ({aws}): `default` is the organization's management account {mgmt},\n\
         `acme-prod` the account {acme}. The files are removed when the sandbox stops.\n\
         press Ctrl-C to stop\n",
        addr = sb.addr(),
        proj = sandbox::BACKLOG_PROJECT_KEY,
        rec = sb.url("/_sandbox/requests"),
        config = config_path.display(),
        body = std::fs::read_to_string(&config_path).context("reading the sandbox config back")?,
        aws = dir.path().join("aws-config").display(),
        mgmt = sandbox::AWS_DEFAULT_ACCOUNT,
        acme = sandbox::DX_DEMO_ACCOUNT,
    );
    crate::output::flush_now(&text);
    let _ = tokio::signal::ctrl_c().await;
    drop(dir);
    Ok(Output::text(""))
}

/// An AWS session whose every call goes to the sandbox, each account signing with a key
/// that names it (how the sandbox tells accounts apart).
fn sandbox_session(sb: &Sandbox) -> crate::aws::AwsSession {
    crate::aws::AwsSession::with_endpoint(&sb.url(""), |account| {
        sandbox::sandbox_credentials(account.unwrap_or(sandbox::AWS_DEFAULT_ACCOUNT))
    })
}
