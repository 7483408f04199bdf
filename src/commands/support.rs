//! `opskit support watch` / `cases`: AWS Support cases across accounts.
//!
//! Each open case is a finding keyed by account and case id. Its fingerprint is the case
//! status, the time of the newest AWS reply and, while the case waits on us, the reminder
//! round; so the spine sends a message exactly when AWS replies, the status changes, or a
//! reminder is due, and a customer reply alone sends nothing. A case that leaves the open
//! listing is looked up once more (its last replies, its final status) and resolves.
//!
//! Calls per account and run: DescribeCases for the open cases (every page, with each
//! case's five most recent communications); DescribeCommunications only for a case with
//! more than five new communications since the state last saw it; one more DescribeCases
//! by id for cases that left the open listing. Clients are pinned to us-east-1.

use crate::aws::fan_out_with_progress;
use crate::aws::support::{Case, Comm, parse_time};
use crate::cli::{OutputFormat, SupportArgs};
use crate::commands::Output;
use crate::config::{Config, ConfigError, Dur};
use crate::context::Context;
use crate::error::AppResult;
use crate::output::Col;
use crate::spine::engine::{Collected, RunReport, Scope};
use crate::spine::finding::{Details, Field, Finding, Link, Severity, Status};
use jiff::Timestamp;
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

pub const SOURCE: &str = "support";
const REGION: &str = "us-east-1";
pub const BOARD: &[&str] = &["case", "subject", "severity", "case status", "last reply by"];

/// `[commands.support]`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Settings {
    /// `submittedBy` values (globs) that are AWS Support, not us.
    pub aws_submitters: Vec<String>,
    /// How much of a reply a message quotes.
    pub excerpt_chars: usize,
    /// A `pending-customer-action` case with no reply from us this long is a reminder…
    pub remind_after: Dur,
    /// …and again this often, until someone answers or the case resolves.
    pub remind_every: Dur,
    pub language: String,
    /// `aws_submitters`, compiled.
    #[serde(skip)]
    aws: crate::globs::Globs,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            aws_submitters: vec!["Amazon Web Services".into(), "Amazon Web Services <*".into()],
            excerpt_chars: 400,
            remind_after: Dur(Duration::from_secs(4 * 3600)),
            remind_every: Dur(Duration::from_secs(24 * 3600)),
            language: "en".into(),
            aws: crate::globs::Globs::new(&["Amazon Web Services".into(), "Amazon Web Services <*".into()])
                .unwrap_or_default(),
        }
    }
}

impl Settings {
    pub fn load(config: &Config) -> Result<Settings, ConfigError> {
        let mut s: Settings = config.command_settings(SOURCE)?;
        s.aws = crate::globs::Globs::new(&s.aws_submitters).map_err(|e| ConfigError {
            key: Some("commands.support.aws_submitters".into()),
            file: config.file.clone(),
            ..ConfigError::plain(e)
        })?;
        if s.remind_every.0.is_zero() {
            return Err(ConfigError {
                key: Some("commands.support.remind_every".into()),
                file: config.file.clone(),
                ..ConfigError::plain("must be longer than 0s")
            });
        }
        Ok(s)
    }

    /// The rule for "AWS replied": `submittedBy` matches one of `aws_submitters`.
    pub fn is_aws(&self, submitted_by: &str) -> bool {
        self.aws.is_match(submitted_by.trim())
    }
}

// ---------------------------------------------------------------------------------------
// Judging
// ---------------------------------------------------------------------------------------

/// What the state remembers of a case from the last run (read back from its fields).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Seen {
    pub last_comm: Option<Timestamp>,
    pub last_aws: Option<Timestamp>,
}

fn field<'a>(f: &'a Finding, name: &str) -> Option<&'a str> {
    f.fields.iter().find(|x| x.name == name).map(|x| x.value.as_str())
}

impl Seen {
    pub fn of(f: &Finding) -> Seen {
        Seen {
            last_comm: field(f, "last communication").and_then(parse_time),
            last_aws: field(f, "last aws reply").and_then(parse_time),
        }
    }
}

fn excerpt(body: &str, chars: usize) -> String {
    let text: String = body.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() > chars { format!("{}…", text.chars().take(chars).collect::<String>()) } else { text }
}

fn age(from: Timestamp, now: Timestamp) -> String {
    let secs = now.duration_since(from).as_secs().max(0);
    match secs {
        s if s >= 86_400 => format!("{}d {}h", s / 86_400, (s % 86_400) / 3600),
        s if s >= 3600 => format!("{}h {}m", s / 3600, (s % 3600) / 60),
        s => format!("{}m", s / 60),
    }
}

fn console(display_id: &str) -> Link {
    Link {
        text: "AWS Support Center".into(),
        href: format!("https://support.console.aws.amazon.com/support/home#/case/?displayId={display_id}&language=en"),
    }
}

/// One case as a finding. `seen` is what the last run saw (None: first sight).
pub fn finding(
    account: &crate::config::Account,
    label: &str,
    case: &Case,
    seen: Option<&Seen>,
    settings: &Settings,
    now: Timestamp,
) -> Finding {
    let is_aws = |c: &Comm| settings.is_aws(&c.by);
    let newest_aws = case.comms.iter().find(|c| is_aws(c));
    // AWS replies this run has not told yet, oldest first.
    let mut new_aws: Vec<&Comm> =
        case.comms.iter().filter(|c| is_aws(c) && seen.and_then(|s| s.last_aws).is_none_or(|t| c.at > t)).collect();
    new_aws.reverse();
    if seen.is_none() {
        // First sight: only the newest AWS reply is news, not the whole history.
        new_aws = newest_aws.into_iter().collect();
    }
    let waiting_since = match case.comms.first() {
        Some(c) if is_aws(c) && case.status == "pending-customer-action" => Some(c.at),
        _ => None,
    };
    let remind_after = jiff::SignedDuration::try_from(settings.remind_after.0).unwrap_or(jiff::SignedDuration::MAX);
    let round = waiting_since.and_then(|since| {
        let due = since.checked_add(remind_after).ok()?;
        (now >= due).then(|| 1 + now.duration_since(due).as_secs() as u64 / settings.remind_every.0.as_secs().max(1))
    });
    let resolved = case.status == "resolved";
    let severity = match (case.severity.as_str(), case.status.as_str()) {
        ("urgent" | "critical", _) if !resolved => Severity::Critical,
        (_, "pending-customer-action") => Severity::Warning,
        ("high", _) if !resolved => Severity::Warning,
        _ => Severity::Info,
    };
    let name = format!("case {} ({})", case.display_id, case.subject);
    let title = if resolved {
        format!("AWS Support {name} resolved in {}", account.name)
    } else if let (Some(r), Some(since)) = (round, waiting_since) {
        let nth = if r > 1 { format!(" #{r}") } else { String::new() };
        format!("Reminder{nth}: AWS Support {name} has waited on us for {} in {}", age(since, now), account.name)
    } else if !new_aws.is_empty() {
        format!("AWS replied on {name} in {}", account.name)
    } else {
        format!("AWS Support {name} is {} in {}", case.status, account.name)
    };
    let mut summary = String::new();
    let quoted: Vec<&Comm> = if new_aws.is_empty() { newest_aws.into_iter().collect() } else { new_aws.clone() };
    for c in &quoted {
        summary.push_str(&format!("{} wrote: {}", c.by, excerpt(&c.body, settings.excerpt_chars)));
        if !c.attachments.is_empty() {
            summary.push_str(&format!(" (attached: {})", c.attachments.join(", ")));
        }
        summary.push('\n');
    }
    if let Some(since) = waiting_since {
        summary.push_str(&format!("The case waits on us ({}) since {}.", case.status, age(since, now)));
    }
    let summary = summary.trim_end().to_string();
    let last_comm = case.comms.first();
    let details = (new_aws.len() > 1).then(|| {
        Box::new(Details {
            title: "New replies from AWS".into(),
            columns: vec!["Time".into(), "From".into(), "Reply".into(), "Attachments".into()],
            rows: new_aws
                .iter()
                .map(|c| vec![c.at.to_string(), c.by.clone(), excerpt(&c.body, 200), c.attachments.join(", ")])
                .collect(),
            more: 0,
        })
    });
    let mut f = Finding {
        status: if resolved { Status::Resolved } else { Status::Open },
        summary,
        account: Some(label.to_string()),
        resources: vec![case.id.clone(), case.display_id.clone()],
        links: vec![console(&case.display_id)],
        fingerprint: format!(
            "{}|{}|{}",
            case.status,
            newest_aws.map(|c| c.at.to_string()).unwrap_or_default(),
            round.unwrap_or(0)
        ),
        details,
        ..Finding::new(SOURCE, format!("{SOURCE}/{label}/{}", case.id), severity, title)
    };
    let by = |c: &Comm| if is_aws(c) { "AWS".to_string() } else { c.by.clone() };
    f.fields = vec![
        Field { name: "account name".into(), value: account.name.clone() },
        Field { name: "case".into(), value: case.display_id.clone() },
        Field { name: "subject".into(), value: case.subject.clone() },
        Field { name: "service".into(), value: format!("{} / {}", case.service, case.category) },
        Field { name: "severity".into(), value: case.severity.clone() },
        Field { name: "case status".into(), value: case.status.clone() },
        Field { name: "last reply by".into(), value: last_comm.map(by).unwrap_or_else(|| "-".into()) },
        Field { name: "last communication".into(), value: last_comm.map(|c| c.at.to_string()).unwrap_or_default() },
        Field { name: "last aws reply".into(), value: newest_aws.map(|c| c.at.to_string()).unwrap_or_default() },
    ];
    f
}

/// A case that left the open listing and could not be looked up: say so.
fn vanished(mut f: Finding) -> Finding {
    let case = field(&f, "case").unwrap_or_default().to_string();
    f.title = format!("AWS Support case {case} is no longer open");
    f.summary = "The case left the list of open cases (resolved or closed).".into();
    f
}

// ---------------------------------------------------------------------------------------
// Collecting (the listing itself is `aws::support`)
// ---------------------------------------------------------------------------------------

/// The open cases of every account, and the age of each (for `support cases`; kept out of
/// the findings, where it would show as a change on every message).
pub async fn collect(ctx: &Context, args: &SupportArgs, with_state: bool) -> AppResult<Collected> {
    Ok(collect_cases(ctx, args, with_state).await?.0)
}

async fn collect_cases(
    ctx: &Context,
    args: &SupportArgs,
    with_state: bool,
) -> AppResult<(Collected, BTreeMap<String, String>)> {
    let settings = Settings::load(&ctx.config)?;
    let now = ctx.now();
    // What the last run saw of each case, to fetch only what is new.
    let mut previous: BTreeMap<String, (Seen, bool, String)> = BTreeMap::new();
    if with_state {
        for r in ctx.previous_findings(SOURCE).await? {
            let id = r.finding.resources.first().cloned().unwrap_or_default();
            let open = r.finding.status == Status::Open;
            let account = r.finding.account.clone().unwrap_or_default();
            previous.insert(id, (Seen::of(&r.finding), open, account));
        }
    }
    let targets = crate::aws::account_targets(&ctx.config, &ctx.global.account, REGION, "watch")?;
    let bar = crate::aws::progress_bar("asking AWS Support", targets.len(), ctx.global.quiet);
    let (concurrency, timeout) = (ctx.config.defaults.concurrency, ctx.timeout()?);
    let (settings_ref, previous_ref) = (&settings, &previous);
    let results = fan_out_with_progress(targets, concurrency, timeout, bar.as_ref(), |t| async move {
        let cfg = ctx.aws.config(&t.account, REGION).await;
        let l = t.account_label();
        let last_seen: BTreeMap<String, Timestamp> =
            previous_ref.iter().filter_map(|(id, (s, _, _))| Some((id.clone(), s.last_comm?))).collect();
        let was_open: BTreeSet<String> =
            previous_ref.iter().filter(|(_, (_, open, a))| *open && *a == l).map(|(id, _)| id.clone()).collect();
        crate::aws::support::account_cases(&cfg, &last_seen, &was_open, &settings_ref.language).await
    })
    .await;
    let mut collected = Collected::new(SOURCE, Vec::new(), Scope::All).with_board(BOARD);
    let mut ages = BTreeMap::new();
    let mut covered = BTreeSet::new();
    for (t, r) in results {
        match r {
            Ok(cases) => {
                let l = t.account_label();
                for case in &cases {
                    ages.insert(case.id.clone(), case.created.map(|c| age(c, now)).unwrap_or_else(|| "-".into()));
                    let seen = previous.get(&case.id).map(|(s, _, _)| s);
                    collected.findings.push(finding(&t.account, &l, case, seen, &settings, now));
                }
                covered.insert(l);
            }
            Err(e) => crate::aws::note_or_fail(&mut collected, &t.account.name, &e, args.strict),
        }
    }
    collected.scope = Scope::Accounts(covered);
    collected.vanished = Some(vanished);
    collected.skipped.extend(ctx.discovery.skipped(&ctx.global.account, ctx.config.shard));
    collected.errors.extend(ctx.discovery.errors());
    Ok((collected, ages))
}

pub async fn watch_once(ctx: &Context, args: &SupportArgs) -> AppResult<RunReport> {
    let collected = collect(ctx, args, true).await?;
    ctx.run_spine("support-watch", collected).await
}

pub async fn watch(ctx: &Context, args: &SupportArgs) -> AppResult<Output> {
    Ok(Output::Report(Box::new(watch_once(ctx, args).await?)))
}

/// `support cases`: the open cases of every account, as a table or JSON. Reads no state,
/// sends nothing.
pub async fn cases(ctx: &Context, args: &SupportArgs) -> AppResult<Output> {
    let (collected, ages) = collect_cases(ctx, args, false).await?;
    let age_of = |f: &Finding| f.resources.first().and_then(|id| ages.get(id)).cloned().unwrap_or_else(|| "-".into());
    let rows: Vec<&Finding> = collected.findings.iter().filter(|f| f.status == Status::Open).collect();
    let text = match ctx.global.output {
        OutputFormat::Json | OutputFormat::Jsonl => {
            let items: Vec<serde_json::Value> = rows
                .iter()
                .map(|f| {
                    let mut o = serde_json::Map::new();
                    o.insert("account".into(), f.account.clone().into());
                    o.insert("case_id".into(), f.resources.first().cloned().into());
                    for x in &f.fields {
                        o.insert(x.name.replace(' ', "_"), x.value.clone().into());
                    }
                    o.insert("age".into(), age_of(f).into());
                    serde_json::Value::Object(o)
                })
                .collect();
            crate::output::json_rows(&items, ctx.global.output).map_err(anyhow::Error::from)?
        }
        _ => {
            let mut t = crate::output::table(
                ctx.style,
                vec![
                    Col::id("ACCOUNT"),
                    Col::id("CASE"),
                    Col::text("SUBJECT").at_least(24),
                    Col::id("SEVERITY").optional(2),
                    Col::id("STATUS"),
                    Col::id("LAST REPLY BY").optional(3),
                    Col::id("AGE").optional(1),
                ],
            );
            for f in &rows {
                let get = |n: &str| field(f, n).unwrap_or("-").to_string();
                t.add_row(vec![
                    get("account name"),
                    get("case"),
                    get("subject"),
                    get("severity"),
                    get("case status"),
                    get("last reply by"),
                    age_of(f),
                ]);
            }
            format!("{t}\n{} open case(s)\n", rows.len())
        }
    };
    crate::output::print_target_notes(&collected.skipped, &collected.errors);
    Ok(Output::Text { text, failed: !collected.errors.is_empty() })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn account() -> crate::config::Account {
        crate::config::test_account("[[accounts]]\nname = \"acme\"\nid = \"111122223333\"\n")
    }

    fn t(s: &str) -> Timestamp {
        s.parse().unwrap()
    }

    fn comm(at: &str, by: &str, body: &str) -> Comm {
        Comm { at: t(at), by: by.into(), body: body.into(), attachments: vec![] }
    }

    fn case(status: &str, comms: Vec<Comm>) -> Case {
        Case {
            id: "case-111122223333-2026-abc".into(),
            display_id: "1234567890".into(),
            subject: "EC2 vCPU limit".into(),
            status: status.into(),
            service: "service-limit-increase".into(),
            category: "ec2".into(),
            severity: "normal".into(),
            submitted_by: "ops@example.com".into(),
            created: Some(t("2026-11-20T00:00:00Z")),
            comms,
            more_comms: false,
        }
    }

    const AWS: &str = "Amazon Web Services";
    const US: &str = "AdminRole (Role) <ops@example.com>";

    #[test]
    fn an_aws_reply_changes_the_fingerprint_and_a_customer_reply_does_not() {
        let s = Settings::default();
        let now = t("2026-11-21T10:00:00Z");
        let c1 = case("work-in-progress", vec![comm("2026-11-21T09:00:00Z", AWS, "We are looking into it.")]);
        let f1 = finding(&account(), "111122223333", &c1, None, &s, now);
        let seen = Seen::of(&f1);
        let mut c2 = c1.clone();
        c2.comms.insert(0, comm("2026-11-21T09:30:00Z", US, "Thanks!"));
        let f2 = finding(&account(), "111122223333", &c2, Some(&seen), &s, now);
        assert_eq!(f1.fingerprint, f2.fingerprint, "a customer reply is not news");
        let mut c3 = c2.clone();
        c3.comms.insert(0, comm("2026-11-21T09:45:00Z", AWS, "Your limit has been raised to 512 vCPUs."));
        let f3 = finding(&account(), "111122223333", &c3, Some(&Seen::of(&f2)), &s, now);
        assert_ne!(f2.fingerprint, f3.fingerprint);
        assert!(f3.title.starts_with("AWS replied on case 1234567890"), "{}", f3.title);
        assert!(
            f3.summary.contains("raised to 512 vCPUs") && !f3.summary.contains("looking into it"),
            "{}",
            f3.summary
        );
    }

    #[test]
    fn a_waiting_case_reminds_after_the_delay_and_then_every_interval() {
        let s = Settings::default();
        let c = case("pending-customer-action", vec![comm("2026-11-21T00:00:00Z", AWS, "Please confirm the region.")]);
        let at = |now: &str| finding(&account(), "1", &c, Some(&Seen::default()), &s, t(now));
        let (f0, f1, f2, f3) = (
            at("2026-11-21T01:00:00Z"),
            at("2026-11-21T04:30:00Z"),
            at("2026-11-22T03:00:00Z"),
            at("2026-11-22T04:30:00Z"),
        );
        assert!(!f0.title.starts_with("Reminder"));
        assert!(f1.title.starts_with("Reminder") && f1.title.contains("4h 30m"), "{}", f1.title);
        assert_ne!(f0.fingerprint, f1.fingerprint);
        assert_eq!(f1.fingerprint, f2.fingerprint, "no second reminder before remind_every");
        assert_ne!(f2.fingerprint, f3.fingerprint);
        assert_eq!(f1.severity, Severity::Warning);
    }

    #[test]
    fn several_new_aws_replies_are_all_quoted_oldest_first_and_resolved_cases_resolve() {
        let s = Settings::default();
        let seen = Seen { last_comm: Some(t("2026-11-21T00:00:00Z")), last_aws: Some(t("2026-11-21T00:00:00Z")) };
        let c = case(
            "work-in-progress",
            vec![comm("2026-11-21T03:00:00Z", AWS, "third"), comm("2026-11-21T02:00:00Z", AWS, "second")],
        );
        let f = finding(&account(), "1", &c, Some(&seen), &s, t("2026-11-21T04:00:00Z"));
        let i2 = f.summary.find("second").unwrap();
        assert!(f.summary.find("third").unwrap() > i2, "{}", f.summary);
        assert_eq!(f.details.as_ref().unwrap().rows.len(), 2);
        let r = finding(&account(), "1", &case("resolved", vec![]), None, &s, t("2026-11-21T04:00:00Z"));
        assert_eq!(r.status, Status::Resolved);
        assert!(s.is_aws("Amazon Web Services <no-reply-aws@amazon.com>") && !s.is_aws(US));
    }
}
