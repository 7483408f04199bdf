//! `opskit maintenance-mail parse` (`mail parse`): print what [`crate::mail::parse`] understood
//! of each file (or of stdin), as a table or JSON. Sends nothing, writes nothing: the tool
//! for checking a mail and, later, writing rules. `ingest` (below) runs the same parse
//! through the spine.

use crate::cli::{GlobalArgs, IngestArgs, MailArgs, OutputFormat};
use crate::commands::Output;
use crate::config::{Config, ConfigError, Dur};
use crate::error::{AppError, AppResult};
use crate::mail::{Outcome, Parsed};
use crate::output::Style;
use serde::Deserialize;
use std::io::Read;

/// Resource ids shown in a table cell before "+N".
const TABLE_RESOURCES: usize = 4;

/// Parse every input; an unreadable file is reported on stderr, the others still print,
/// and the command then exits 2.
pub fn parse(global: &GlobalArgs, args: &MailArgs) -> AppResult<Output> {
    let mut results: Vec<(String, Parsed)> = Vec::new();
    let mut unreadable: Vec<String> = Vec::new();
    if args.inputs.is_empty() {
        let mut raw = Vec::new();
        std::io::stdin().read_to_end(&mut raw).map_err(|e| AppError::usage(format!("cannot read stdin: {e}")))?;
        results.push(("-".into(), crate::mail::parse(&raw)));
    }
    for path in &args.inputs {
        if let Err(e) = parse_file(path, &mut results) {
            unreadable.push(format!("cannot read {}: {e}", path.display()));
        }
    }
    let text = render(&results, global.output, Style::detect(global.no_color));
    if unreadable.is_empty() {
        return Ok(Output::text(text));
    }
    if !global.quiet {
        crate::output::flush_now(&text);
    }
    Err(AppError::usage(unreadable.join("\nerror: ")))
}

/// One message, or every message of an mbox (streamed: memory stays bounded whatever
/// its size), labelled `FILE#N`.
fn parse_file(path: &std::path::Path, results: &mut Vec<(String, Parsed)>) -> std::io::Result<()> {
    use std::io::BufRead;
    let mut reader = std::io::BufReader::with_capacity(1 << 16, std::fs::File::open(path)?);
    if !crate::mail::mbox::looks_like_mbox(reader.fill_buf()?) {
        let mut raw = Vec::new();
        reader.read_to_end(&mut raw)?;
        results.push((path.display().to_string(), crate::mail::parse(&raw)));
        return Ok(());
    }
    for (i, message) in crate::mail::mbox::Mbox::new(reader).enumerate() {
        results.push((format!("{}#{}", path.display(), i + 1), crate::mail::parse(&message?)));
    }
    Ok(())
}

fn render(results: &[(String, Parsed)], format: OutputFormat, style: Style) -> String {
    let json = |(file, p): &(String, Parsed)| {
        let mut v = serde_json::to_value(p).unwrap_or_default();
        if let Some(o) = v.as_object_mut() {
            o.insert("file".into(), file.clone().into());
        }
        v
    };
    match format {
        OutputFormat::Json => {
            let items: Vec<serde_json::Value> = results.iter().map(json).collect();
            serde_json::to_string_pretty(&items).unwrap_or_default() + "\n"
        }
        OutputFormat::Jsonl => results.iter().map(|r| json(r).to_string() + "\n").collect(),
        _ => {
            let mut t = crate::output::table(
                style,
                &["FILE", "OUTCOME", "KIND", "EVENT CODE", "ACCOUNTS", "REGION", "START", "END", "RESOURCES"],
            );
            for (file, p) in results {
                let mut row = vec![file.clone(), p.outcome.label().to_string()];
                match &p.outcome {
                    Outcome::Recognised(e) => {
                        let t = |t: Option<jiff::Timestamp>| t.map(|t| t.to_string()).unwrap_or_default();
                        let mut res = e.resources.iter().take(TABLE_RESOURCES).cloned().collect::<Vec<_>>().join(" ");
                        if e.resources.len() > TABLE_RESOURCES {
                            res.push_str(&format!(" +{}", e.resources.len() - TABLE_RESOURCES));
                        }
                        row.extend([
                            e.kind.clone(),
                            e.event_type_code.clone().unwrap_or_default(),
                            e.accounts.join(" "),
                            e.region.clone().unwrap_or_default(),
                            t(e.start),
                            t(e.end),
                            res,
                        ]);
                    }
                    Outcome::Ignored { reason } | Outcome::Unparsed { reason } => {
                        row.extend([reason.clone(), String::new(), String::new(), String::new()]);
                        row.extend([String::new(), String::new(), String::new()]);
                    }
                }
                t.add_row(row);
            }
            format!("{t}\n")
        }
    }
}

// ---------------------------------------------------------------------------------------
// ingest: messages → findings → the spine
// ---------------------------------------------------------------------------------------

pub const SOURCE: &str = "maintenance-mail";

/// `[commands.maintenance-mail]`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Settings {
    /// The mailbox `ingest --imap` reads.
    pub imap: Option<super::mail_imap::ImapSettings>,
    /// Senders accepted (`name@example.com`, `@example.com` or `*@example.com`); empty: any.
    pub allow_senders: Vec<String>,
    /// Accept only messages whose `Authentication-Results` says `dkim=pass`.
    pub require_dkim: bool,
    /// User rules, first match wins.
    pub rules: Vec<RuleConfig>,
    /// Events nobody wants told.
    pub suppress: SuppressConfig,
    /// A Direct Connect maintenance notice silences its dxcon/dxvif/dxlag in dx-vif.
    pub auto_silence: bool,
    /// How long before a maintenance window its silence starts (default 15m).
    pub silence_margin_before: Option<Dur>,
    /// How long after a maintenance window its silence lasts (default 30m).
    pub silence_margin_after: Option<Dur>,
}

/// One `[[commands.maintenance-mail.rules]]`: every matcher given must match (regexes).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct RuleConfig {
    pub name: Option<String>,
    pub from: Option<String>,
    pub subject: Option<String>,
    pub body: Option<String>,
    /// Header name → regex over its value.
    pub headers: std::collections::BTreeMap<String, String>,
    /// Treat a match as not a notice.
    pub ignore: bool,
    pub category: Option<String>,
    pub severity: Option<String>,
    pub event_code: Option<String>,
}

/// `[commands.maintenance-mail.suppress]`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct SuppressConfig {
    pub event_codes: Vec<String>,
    pub accounts: Vec<String>,
    pub services: Vec<String>,
}

impl Settings {
    pub fn load(config: &Config) -> Result<Settings, ConfigError> {
        config.command_settings(SOURCE)
    }
}

/// What one message became: a finding (recognised or unparsed), or a reason it was ignored.
pub fn finding_of(p: &Parsed, timezone: &str) -> Option<crate::spine::finding::Finding> {
    use crate::spine::finding::{Finding, Link, Severity, Status};
    use sha2::Digest as _;
    let short = |s: &str| hex::encode(&sha2::Sha256::digest(s.as_bytes())[..10]);
    let subject = p.subject.clone().unwrap_or_else(|| "(no subject)".into());
    let from = p.from.clone().unwrap_or_default();
    match &p.outcome {
        Outcome::Ignored { .. } => None,
        Outcome::Unparsed { reason } => Some(Finding {
            summary: format!("{reason}. From {from}. The mail is kept; read it and, if it matters, add a rule."),
            fingerprint: p.content_hash.clone(),
            ..Finding::new(
                SOURCE,
                format!("{SOURCE}/unparsed/{}", &p.content_hash[..20.min(p.content_hash.len())]),
                Severity::Warning,
                format!("An AWS notice opskit could not read: {subject}"),
            )
            .field("subject", &subject)
            .field("from", &from)
        }),
        Outcome::Recognised(e) => {
            let when = |t: Option<jiff::Timestamp>| {
                t.map(|t| crate::output::local_time(t, timezone)).unwrap_or_else(|| "-".into())
            };
            let code = e.event_type_code.clone().unwrap_or_else(|| e.kind.clone());
            let window = match (e.start, e.end) {
                (Some(_), Some(_)) => format!("{} – {}", when(e.start), when(e.end)),
                (Some(_), None) => format!("from {}", when(e.start)),
                _ => "no window given".into(),
            };
            let mut resources = e.resources.clone();
            resources.sort();
            let dedupe = e.dedupe_key();
            let mut f = Finding {
                status: if e.cancelled { Status::Resolved } else { Status::Open },
                summary: format!(
                    "{subject}\n{window}; {}",
                    if e.resources.is_empty() { "no resources named".into() } else { e.resources.join(", ") }
                ),
                account: e.accounts.first().cloned(),
                region: e.region.clone(),
                resources: e.resources.clone(),
                links: e.links.iter().map(|l| Link { text: "AWS".into(), href: l.clone() }).collect(),
                // A reminder of the same event changes nothing; a moved window or new resources do.
                fingerprint: format!(
                    "{}|{code}|{}|{}|{}",
                    e.kind,
                    e.start.map(|t| t.to_string()).unwrap_or_default(),
                    e.end.map(|t| t.to_string()).unwrap_or_default(),
                    resources.join(",")
                ),
                ..Finding::new(
                    SOURCE,
                    format!("{SOURCE}/{}", short(&dedupe)),
                    severity_of(e.severity),
                    format!("{code}: {window}{}", e.region.as_ref().map(|r| format!(" in {r}")).unwrap_or_default()),
                )
            };
            f = f
                .field("kind", &e.kind)
                .field("event code", &code)
                .field("accounts", e.accounts.join(" "))
                .field("window", &window)
                .field("subject", &subject)
                .field("dedupe key", &dedupe);
            if e.cancelled {
                f.title = format!("Cancelled: {}", f.title);
            }
            Some(f)
        }
    }
}

/// The mail crate's scale onto the spine's.
pub fn severity_of(s: crate::mail::Severity) -> crate::spine::finding::Severity {
    use crate::spine::finding::Severity;
    match s {
        crate::mail::Severity::Info => Severity::Info,
        crate::mail::Severity::Warning => Severity::Warning,
        crate::mail::Severity::Critical => Severity::Critical,
    }
}

/// One input message and where it came from (a Maildir file moves once told, an IMAP
/// message is marked seen or moved once told).
struct Incoming {
    label: String,
    raw: Vec<u8>,
    maildir_new: Option<std::path::PathBuf>,
    imap_uid: Option<u32>,
}

fn read_inputs(args: &IngestArgs) -> AppResult<Vec<Incoming>> {
    use std::io::BufRead;
    let mut out = Vec::new();
    if args.inputs.is_empty() && !args.imap {
        let mut raw = Vec::new();
        std::io::stdin().read_to_end(&mut raw).map_err(|e| AppError::usage(format!("cannot read stdin: {e}")))?;
        out.push(Incoming { label: "-".into(), raw, maildir_new: None, imap_uid: None });
    }
    for path in &args.inputs {
        let fail = |e: std::io::Error| AppError::usage(format!("cannot read {}: {e}", path.display()));
        if path.is_dir() {
            // A Maildir: the messages in new/, oldest name first.
            let new = path.join("new");
            let mut names: Vec<std::path::PathBuf> =
                std::fs::read_dir(&new).map_err(fail)?.filter_map(|e| e.ok().map(|e| e.path())).collect();
            names.sort();
            for p in names.into_iter().filter(|p| p.is_file()) {
                let raw = std::fs::read(&p).map_err(fail)?;
                out.push(Incoming { label: p.display().to_string(), raw, maildir_new: Some(p), imap_uid: None });
            }
            continue;
        }
        let mut reader = std::io::BufReader::new(std::fs::File::open(path).map_err(fail)?);
        if crate::mail::mbox::looks_like_mbox(reader.fill_buf().map_err(fail)?) {
            for (i, m) in crate::mail::mbox::Mbox::new(reader).enumerate() {
                out.push(Incoming {
                    label: format!("{}#{}", path.display(), i + 1),
                    raw: m.map_err(fail)?,
                    maildir_new: None,
                    imap_uid: None,
                });
            }
        } else {
            let mut raw = Vec::new();
            reader.read_to_end(&mut raw).map_err(fail)?;
            out.push(Incoming { label: path.display().to_string(), raw, maildir_new: None, imap_uid: None });
        }
    }
    Ok(out)
}

/// Move a told Maildir message from new/ to cur/ with the Seen flag.
fn mark_seen(new_path: &std::path::Path) -> std::io::Result<()> {
    let name = new_path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let base = name.split(":2,").next().unwrap_or(&name).to_string();
    let cur = new_path.parent().and_then(|p| p.parent()).map(|d| d.join("cur")).unwrap_or_default();
    std::fs::rename(new_path, cur.join(format!("{base}:2,S")))
}

/// `opskit maintenance-mail ingest`: every message through the spine. Findings of earlier
/// mails are never resolved by their absence (a batch speaks only for itself); a
/// cancellation resolves its event. A Maildir message moves to cur/ only once every sink
/// its finding is routed to has it; so is an IMAP message marked seen (or moved).
pub async fn ingest(ctx: &crate::context::Context, args: &IngestArgs) -> AppResult<Output> {
    use crate::spine::engine::{Collected, Outcome as Delivery, Scope};
    let mut incoming = read_inputs(args)?;
    let mut mailbox = if args.imap { Some(super::mail_imap::Mailbox::open(ctx).await?) } else { None };
    if let Some(mb) = &mut mailbox {
        for m in mb.unseen().await? {
            incoming.push(Incoming { label: m.label, raw: m.raw, maildir_new: None, imap_uid: Some(m.uid) });
        }
    }
    let tz = ctx.config.defaults.timezone.clone();
    let mut findings = Vec::new();
    let mut keys: Vec<Option<String>> = Vec::new();
    let mut ignored = 0usize;
    for m in &incoming {
        let parsed = crate::mail::parse(&m.raw);
        match finding_of(&parsed, &tz) {
            Some(f) => {
                keys.push(Some(f.key.clone()));
                findings.push(f);
            }
            None => {
                ignored += 1;
                tracing::info!(message = %m.label, "ignored: {}", parsed.outcome.label());
                keys.push(None);
            }
        }
    }
    // Open events of earlier mails come along unchanged: a notification that failed then
    // is owed now, so a mail read from a pipe is never lost to a sink being down. Several
    // mails of one event: the last one speaks for it.
    let mut latest: std::collections::BTreeMap<String, crate::spine::finding::Finding> = Default::default();
    for r in ctx.previous_findings(SOURCE).await? {
        if r.finding.status == crate::spine::finding::Status::Open {
            latest.insert(r.finding.key.clone(), r.finding);
        }
    }
    for f in findings {
        latest.insert(f.key.clone(), f);
    }
    let collected = Collected::new(SOURCE, latest.into_values().collect(), Scope::Accounts(Default::default()));
    let mut report = ctx.run_spine("maintenance-mail-ingest", collected).await?;
    let unsettled: std::collections::BTreeSet<&str> = report
        .deliveries
        .iter()
        .filter(|d| matches!(d.outcome, Delivery::Failed | Delivery::Deferred | Delivery::DryRun))
        .map(|d| d.key.as_str())
        .collect();
    let mut imap_told = Vec::new();
    if !ctx.global.dry_run {
        for (m, key) in incoming.iter().zip(&keys) {
            if key.as_deref().is_some_and(|k| unsettled.contains(k)) {
                continue; // owed again next run: the message stays in new/ (or unseen)
            }
            imap_told.extend(m.imap_uid);
            let Some(path) = &m.maildir_new else { continue };
            if let Err(e) = mark_seen(path) {
                tracing::warn!("cannot move {} to cur/: {e}", path.display());
            }
        }
    }
    if let Some(mb) = mailbox {
        mb.settle(&imap_told, &mut report).await;
    }
    if ignored > 0 {
        tracing::info!(ignored, "messages that are not notices opskit handles");
    }
    Ok(Output::Report(Box::new(report)))
}
