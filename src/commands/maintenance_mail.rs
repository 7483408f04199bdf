//! `opskit maintenance-mail parse` (`mail parse`): print what [`crate::mail::parse`] understood
//! of each file (or of stdin), as a table or JSON. Sends nothing, writes nothing: the tool
//! for checking a mail and, later, writing rules. `ingest` (below) runs the same parse
//! through the spine.

use crate::cli::{GlobalArgs, IngestArgs, MailArgs, OutputFormat};
use crate::commands::Output;
use crate::config::{Config, ConfigError, Dur};
use crate::error::{AppError, AppResult};
use crate::mail::{Outcome, Parsed};
use crate::output::Col;
use crate::output::Style;
use serde::Deserialize;
use std::io::Read;
use std::time::Duration;

/// Resource ids shown in a table cell before "+N".
const TABLE_RESOURCES: usize = 4;

/// Parse every input with the rules of the config (when there is one); an unreadable file
/// is reported on stderr, the others still print, and the command then exits 2.
pub fn parse(global: &GlobalArgs, args: &MailArgs) -> AppResult<Output> {
    let config =
        crate::config::load(global.config.as_deref(), &crate::config::Env::process(), crate::commands::SECTIONS)?;
    let settings = Settings::load(&config)?;
    let mut results: Vec<(String, Parsed)> = Vec::new();
    let mut unreadable: Vec<String> = Vec::new();
    if args.inputs.is_empty() {
        let mut raw = Vec::new();
        std::io::stdin().read_to_end(&mut raw).map_err(|e| AppError::usage(format!("cannot read stdin: {e}")))?;
        results.push(("-".into(), crate::mail::parse_with(&raw, &settings.policy)));
    }
    for path in &args.inputs {
        if let Err(e) = parse_file(path, &settings.policy, &mut results) {
            unreadable.push(format!("cannot read {}: {e}", path.display()));
        }
    }
    let text = render(&results, global.output, Style::detect(global.no_color), &config.defaults.timezone);
    if unreadable.is_empty() {
        return Ok(Output::text(text));
    }
    if !global.quiet {
        crate::output::flush_now(&text);
    }
    Err(AppError::usage(unreadable.join("\nerror: ")))
}

/// Who a notice is from, and whether that was verified; nothing for an ignored mail, whose
/// sender decides nothing.
fn sender_cell(p: &Parsed) -> String {
    if matches!(p.outcome, Outcome::Ignored { .. }) {
        return String::new();
    }
    let v = &p.verification;
    let who = v.sender.clone().or_else(|| p.from.clone()).unwrap_or_else(|| "(no sender)".into());
    let via = match v.sender_header.as_deref() {
        Some(h) if h != "From" => format!(" (via {h})"),
        _ => String::new(),
    };
    format!("{who}{via} {}", if v.verified { "verified" } else { "unverified" })
}

/// One message, or every message of an mbox (streamed: memory stays bounded whatever
/// its size), labelled `FILE#N`.
fn parse_file(
    path: &std::path::Path,
    policy: &crate::mail::Policy,
    results: &mut Vec<(String, Parsed)>,
) -> std::io::Result<()> {
    use std::io::BufRead;
    let mut reader = std::io::BufReader::with_capacity(1 << 16, std::fs::File::open(path)?);
    if !crate::mail::mbox::looks_like_mbox(reader.fill_buf()?) {
        let mut raw = Vec::new();
        reader.read_to_end(&mut raw)?;
        results.push((path.display().to_string(), crate::mail::parse_with(&raw, policy)));
        return Ok(());
    }
    for (i, message) in crate::mail::mbox::Mbox::new(reader).enumerate() {
        results.push((format!("{}#{}", path.display(), i + 1), crate::mail::parse_with(&message?, policy)));
    }
    Ok(())
}

fn render(results: &[(String, Parsed)], format: OutputFormat, style: Style, timezone: &str) -> String {
    let json = |(file, p): &(String, Parsed)| {
        let mut v = serde_json::to_value(p).unwrap_or_default();
        if let Some(o) = v.as_object_mut() {
            o.insert("file".into(), file.clone().into());
        }
        v
    };
    match format {
        OutputFormat::Json | OutputFormat::Jsonl => {
            let items: Vec<serde_json::Value> = results.iter().map(json).collect();
            crate::output::json_rows(&items, format).unwrap_or_default()
        }
        _ => {
            let mut t = crate::output::table(
                style,
                vec![
                    Col::text("FILE"),
                    Col::id("OUTCOME"),
                    Col::text("SENDER").optional(3),
                    Col::text("KIND"),
                    Col::id("EVENT CODE").optional(4),
                    Col::text("ACCOUNTS"),
                    Col::id("REGION").optional(2),
                    Col::id("START"),
                    Col::id("END").optional(1),
                    Col::text("RESOURCES").optional(5),
                ],
            );
            for (file, p) in results {
                let label = if p.suppressed.is_some() { "suppressed" } else { p.outcome.label() };
                let mut row = vec![file.clone(), label.to_string(), sender_cell(p)];
                match &p.outcome {
                    Outcome::Recognised(e) => {
                        let t = |t: Option<jiff::Timestamp>| {
                            t.map(|t| crate::output::local_time(t, timezone)).unwrap_or_default()
                        };
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

/// The finding field holding when an event is over (its end, else its start), UTC.
const ENDS_FIELD: &str = "ends";
/// The marks namespace of ingested mails.
const SEEN: &str = "maintenance-mail/seen";

/// `[commands.maintenance-mail]`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Settings {
    /// The mailbox `ingest --imap` reads.
    pub imap: Option<crate::imap::ImapSettings>,
    /// The AWS senders a notice may be verified from (`name@example.com`, `@example.com` or
    /// `*@example.com`); empty: any AWS address. A notice from elsewhere is told as unverified.
    pub allow_senders: Vec<String>,
    /// Kept so configs that set it still load: every notice's sender is checked (a DKIM pass
    /// for its AWS domain), and an unverified notice is told, marked, whatever this says.
    pub require_dkim: bool,
    /// The receiving server's authserv-id (the first word of the `Authentication-Results`
    /// it adds): only its headers verify a sender; without it, only the topmost header counts.
    pub authserv_id: Option<String>,
    /// User rules, first match wins.
    pub rules: Vec<RuleConfig>,
    /// Events nobody wants told.
    pub suppress: crate::mail::Suppress,
    /// A verified Direct Connect maintenance notice silences its dxcon/dxvif/dxlag in dx-vif.
    pub auto_silence: bool,
    /// The longest maintenance window a notice may silence (default 12h): a notice announcing
    /// a longer one (or one ending before it starts) silences nothing and says so.
    pub silence_max_window: Option<Dur>,
    /// How long before a maintenance window its silence starts (default 15m).
    pub silence_margin_before: Option<Dur>,
    /// How long after a maintenance window its silence lasts (default 30m).
    pub silence_margin_after: Option<Dur>,
    /// An event that gives no time at all resolves this long after it was first told
    /// (default 30d); dated events resolve when their window ends.
    pub resolve_undated_after: Option<Dur>,
    /// How long the Message-IDs and content hashes of ingested mails are remembered, so a
    /// mail read again (a second copy, a re-scanned mbox) is never told twice (default 400d).
    pub remember: Option<Dur>,
    /// `allow_senders`, `require_dkim`, `rules` and `suppress`, compiled.
    #[serde(skip)]
    pub policy: crate::mail::Policy,
}

const DEFAULT_MARGIN_BEFORE: Duration = Duration::from_secs(15 * 60);
const DEFAULT_MARGIN_AFTER: Duration = Duration::from_secs(30 * 60);
const DEFAULT_SILENCE_MAX_WINDOW: Duration = Duration::from_secs(12 * 3600);
/// AWS announces maintenance weeks ahead: a window starting further out than this is not
/// a notice to act on unattended, whatever the mail says.
const SILENCE_MAX_LEAD: jiff::SignedDuration = jiff::SignedDuration::from_hours(366 * 24);
const DEFAULT_RESOLVE_UNDATED: Duration = Duration::from_secs(30 * 86_400);
const DEFAULT_REMEMBER: Duration = Duration::from_secs(400 * 86_400);

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

impl Settings {
    pub fn load(config: &Config) -> Result<Settings, ConfigError> {
        let mut s: Settings = config.command_settings(SOURCE)?;
        let err = |key: String, message: String| ConfigError {
            key: Some(format!("commands.{SOURCE}.{key}")),
            file: config.file.clone(),
            ..ConfigError::plain(message)
        };
        let mut rules = Vec::new();
        for (i, r) in s.rules.iter().enumerate() {
            rules.push(r.compile(i).map_err(|(k, m)| err(format!("rules[{i}].{k}"), m))?);
        }
        for (i, a) in s.allow_senders.iter().enumerate() {
            if !a.contains('@') {
                return Err(err(
                    format!("allow_senders[{i}]"),
                    format!("`{a}` is not an address or a domain (write name@example.com or @example.com)"),
                ));
            }
        }
        s.policy = crate::mail::Policy {
            allow_senders: s.allow_senders.iter().map(|a| a.trim().to_ascii_lowercase()).collect(),
            authserv_id: s.authserv_id.clone(),
            rules,
            suppress: s.suppress.clone(),
        };
        Ok(s)
    }

    fn margins(&self) -> (jiff::SignedDuration, jiff::SignedDuration) {
        (
            or_default(self.silence_margin_before, DEFAULT_MARGIN_BEFORE),
            or_default(self.silence_margin_after, DEFAULT_MARGIN_AFTER),
        )
    }
}

/// A configured duration, or its default, as the signed duration timestamps take.
fn or_default(d: Option<Dur>, default: Duration) -> jiff::SignedDuration {
    jiff::SignedDuration::try_from(d.map_or(default, |d| d.0)).unwrap_or_default()
}

impl RuleConfig {
    /// The rule as the parser applies it; an error names the key and says what is wrong.
    fn compile(&self, index: usize) -> Result<crate::mail::Rule, (String, String)> {
        let re = |key: &str, v: &Option<String>| -> Result<Option<regex::Regex>, (String, String)> {
            v.as_deref()
                .map(|p| regex::Regex::new(p).map_err(|e| (key.to_string(), format!("bad regex: {e}"))))
                .transpose()
        };
        let mut headers = Vec::new();
        for (name, p) in &self.headers {
            let r = regex::Regex::new(p).map_err(|e| (format!("headers.{name}"), format!("bad regex: {e}")))?;
            headers.push((name.clone(), r));
        }
        let matchers = self.from.is_some() || self.subject.is_some() || self.body.is_some() || !headers.is_empty();
        if !matchers {
            return Err(("from".into(), "a rule needs at least one of from, subject, body or headers".into()));
        }
        let severity = self
            .severity
            .as_deref()
            .map(|s| s.parse::<crate::spine::finding::Severity>().map_err(|e| ("severity".to_string(), e)))
            .transpose()?
            .map(to_mail_severity);
        let sets = self.category.is_some() || severity.is_some() || self.event_code.is_some();
        if self.ignore && sets {
            return Err(("ignore".into(), "an ignore rule cannot also set category, severity or event_code".into()));
        }
        Ok(crate::mail::Rule {
            name: self.name.clone().unwrap_or_else(|| format!("#{}", index + 1)),
            from: re("from", &self.from)?,
            subject: re("subject", &self.subject)?,
            body: re("body", &self.body)?,
            headers,
            action: if self.ignore {
                crate::mail::RuleAction::Ignore
            } else {
                crate::mail::RuleAction::Set {
                    category: self.category.clone(),
                    severity,
                    event_code: self.event_code.clone(),
                }
            },
        })
    }
}

/// Who a told notice is from (and through which list), for its message and its fields.
fn sender_of(p: &Parsed) -> String {
    let v = &p.verification;
    let who = v.sender.clone().or_else(|| p.from.clone()).unwrap_or_else(|| "(no sender)".into());
    match (v.sender_header.as_deref(), p.from.as_deref()) {
        (Some(h), Some(list)) if h != "From" => format!("{who} (forwarded by {list}, AWS's address in {h})"),
        (Some(h), None) if h != "From" => format!("{who} (in {h}; the mail has no From)"),
        _ => who,
    }
}

/// The line a told notice carries about its sender: verified or not, and why not.
fn sender_line(p: &Parsed) -> String {
    let v = &p.verification;
    if v.verified {
        format!("From {}: verified.", sender_of(p))
    } else {
        format!("Unverified sender {}: {}. Told, but it may not silence anything.", sender_of(p), v.verification)
    }
}

/// The unverified mark a notice's title carries.
fn unverified_mark(p: &Parsed) -> &'static str {
    if p.verification.verified { "" } else { " (unverified sender)" }
}

/// What one message became: a finding (recognised or unparsed), or a reason it was ignored.
///
/// A notice from an unverified sender keeps a key of its own (`maintenance-mail/unverified/…`):
/// told like any other, marked, but it can never change, cancel or resolve what a verified
/// mail of the same event said.
pub fn finding_of(p: &Parsed, timezone: &str) -> Option<crate::spine::finding::Finding> {
    use crate::spine::finding::{Finding, Link, Severity, Status};
    use sha2::Digest as _;
    let short = |s: &str| hex::encode(&sha2::Sha256::digest(s.as_bytes())[..10]);
    let subject = p.subject.clone().unwrap_or_else(|| "(no subject)".into());
    let from = p.from.clone().unwrap_or_default();
    let verified =
        if p.verification.verified { "yes".to_string() } else { format!("no: {}", p.verification.verification) };
    match &p.outcome {
        Outcome::Ignored { .. } => None,
        Outcome::Unparsed { reason } => Some(Finding {
            summary: format!("{reason}. {}\nThe mail is kept; read it and, if it matters, add a rule.", sender_line(p)),
            fingerprint: p.content_hash.clone(),
            ..Finding::new(
                SOURCE,
                format!("{SOURCE}/unparsed/{}", &p.content_hash[..20.min(p.content_hash.len())]),
                Severity::Warning,
                format!("An AWS notice opskit could not read: {subject}{}", unverified_mark(p)),
            )
            .field("subject", &subject)
            .field("from", &from)
            .field("sender", sender_of(p))
            .field("verified", &verified)
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
            let key = match p.verification.verified {
                true => format!("{SOURCE}/{}", short(&dedupe)),
                false => format!("{SOURCE}/unverified/{}", short(&dedupe)),
            };
            let mut f = Finding {
                status: if e.cancelled { Status::Resolved } else { Status::Open },
                summary: format!(
                    "{subject}\n{window}; {}\n{}",
                    if e.resources.is_empty() { "no resources named".into() } else { e.resources.join(", ") },
                    sender_line(p)
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
                    key,
                    from_mail_severity(e.severity),
                    format!(
                        "{code}: {window}{}{}",
                        e.region.as_ref().map(|r| format!(" in {r}")).unwrap_or_default(),
                        unverified_mark(p)
                    ),
                )
            };
            f = f
                .field("kind", &e.kind)
                .field("event code", &code)
                .field("accounts", e.accounts.join(" "))
                .field("window", &window)
                .field("subject", &subject)
                .field("sender", sender_of(p))
                .field("verified", &verified)
                .field("dedupe key", &dedupe);
            if let Some(t) = over_at(e) {
                f = f.field(ENDS_FIELD, t.to_string());
            }
            if let Some(rule) = &e.rule {
                f = f.field("rule", rule);
            }
            if e.cancelled {
                f.title = format!("Cancelled: {}", f.title);
            }
            Some(f)
        }
    }
}

/// When an event is over, so its finding resolves: the end of its window; for planned work
/// with only a start (a retirement date, an "[Action Required]" deadline), that start. A
/// security notice, an RDS event or an issue's start says when something happened, not when
/// it is over: such
/// events resolve `resolve_undated_after` after they were first told.
fn over_at(e: &crate::mail::Event) -> Option<jiff::Timestamp> {
    if e.kind == "security" || e.kind == "rds-event" {
        return None;
    }
    let planned = e.kind != "health" || e.category.as_deref() == Some("scheduledChange");
    e.end.or(e.start.filter(|_| planned))
}

/// Where a message came from, so it can be settled once told.
enum Origin {
    /// Stdin, a file, an mbox: nothing to do after.
    Read,
    /// A Maildir message in new/: moves to cur/ with the Seen flag.
    Maildir(std::path::PathBuf),
    /// An IMAP message: marked \Seen (or moved).
    Imap(u32),
}

/// One message as read and parsed; the raw bytes are not kept, so an mbox of any size
/// is ingested in bounded memory.
struct ReadMail {
    label: String,
    origin: Origin,
    parsed: Parsed,
}

/// Read every input in order, parsing each message as it comes: stdin (when there are no
/// inputs and no `--imap`), files, mboxes (streamed) and Maildirs (new/, oldest first).
fn read_inputs(args: &IngestArgs, policy: &crate::mail::Policy) -> AppResult<Vec<ReadMail>> {
    use std::io::BufRead;
    let mut out = Vec::new();
    if args.pending {
        return Ok(out);
    }
    let mut push = |label: String, origin: Origin, raw: &[u8]| {
        out.push(ReadMail { label, origin, parsed: crate::mail::parse_with(raw, policy) });
    };
    if args.inputs.is_empty() && !args.imap {
        let mut raw = Vec::new();
        std::io::stdin().read_to_end(&mut raw).map_err(|e| AppError::usage(format!("cannot read stdin: {e}")))?;
        push("-".into(), Origin::Read, &raw);
    }
    for path in &args.inputs {
        let fail = |e: std::io::Error| AppError::usage(format!("cannot read {}: {e}", path.display()));
        if path.is_dir() {
            let new = path.join("new");
            let mut names: Vec<std::path::PathBuf> =
                std::fs::read_dir(&new).map_err(fail)?.filter_map(|e| e.ok().map(|e| e.path())).collect();
            names.sort();
            for p in names.into_iter().filter(|p| p.is_file()) {
                let raw = std::fs::read(&p).map_err(fail)?;
                push(p.display().to_string(), Origin::Maildir(p.clone()), &raw);
            }
            continue;
        }
        let mut reader = std::io::BufReader::with_capacity(1 << 16, std::fs::File::open(path).map_err(fail)?);
        if crate::mail::mbox::looks_like_mbox(reader.fill_buf().map_err(fail)?) {
            for (i, m) in crate::mail::mbox::Mbox::new(reader).enumerate() {
                push(format!("{}#{}", path.display(), i + 1), Origin::Read, &m.map_err(fail)?);
            }
        } else {
            let mut raw = Vec::new();
            reader.read_to_end(&mut raw).map_err(fail)?;
            push(path.display().to_string(), Origin::Read, &raw);
        }
    }
    Ok(out)
}

/// Move a settled Maildir message from new/ to cur/ with the Seen flag.
fn mark_seen(new_path: &std::path::Path) -> std::io::Result<()> {
    let name = new_path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let base = name.split(":2,").next().unwrap_or(&name).to_string();
    let cur = new_path.parent().and_then(|p| p.parent()).map(|d| d.join("cur")).unwrap_or_default();
    std::fs::rename(new_path, cur.join(format!("{base}:2,S")))
}

/// The idempotence keys of a message: its Message-ID (when it has one) and its content hash.
fn seen_keys(p: &Parsed) -> Vec<String> {
    let mut keys = vec![format!("sha256:{}", p.content_hash)];
    if let Some(id) = p.message_id.as_deref().map(str::trim).filter(|id| !id.is_empty()) {
        keys.push(format!("message-id:{id}"));
    }
    keys
}

/// What became of one message in this run.
#[derive(Debug, Clone, PartialEq)]
enum Fate {
    /// Its finding; settled once no sink still owes it.
    Finding(String),
    /// Read before (same Message-ID or content): nothing to tell again.
    AlreadySeen,
    Ignored(String),
    Suppressed(String),
}

/// What the mails of one run came to, for the log line at the end.
#[derive(Debug, Default)]
struct Tally {
    recognised: usize,
    unparsed: usize,
    /// Of the recognised and unparsed: told, but their sender was not verified.
    unverified: usize,
    ignored: usize,
    suppressed: usize,
    already_seen: usize,
}

/// `opskit maintenance-mail ingest`: every message through the spine.
///
/// - A message read before (its Message-ID or its content hash is remembered) is not told
///   again, whatever source it comes from.
/// - Findings of earlier mails are never resolved by their absence (a batch speaks only for
///   itself); a cancellation resolves its event, and an event resolves when its window has
///   ended. Open events of earlier mails come along, so a notification that failed then is
///   owed now.
/// - A message is settled (remembered, a Maildir message moved to cur/, an IMAP one marked
///   seen) only once every sink its finding is routed to has it.
/// - With `auto_silence`, Direct Connect maintenance silences its connections and VIFs in
///   dx-vif for the window; a cancellation removes the silence.
pub async fn ingest(ctx: &crate::context::Context, args: &IngestArgs) -> AppResult<Output> {
    use crate::spine::engine::{Collected, Outcome as Delivery, Scope};
    use crate::spine::finding::{Finding, Status};
    let settings = Settings::load(&ctx.config)?;
    let mut incoming = read_inputs(args, &settings.policy)?;
    let mut mailbox = if args.imap {
        Some(crate::imap::Mailbox::open(settings.imap.as_ref(), &ctx.config, &ctx.env, ctx.timeout()?).await?)
    } else {
        None
    };
    if let Some(mb) = &mut mailbox {
        for m in mb.unseen().await? {
            let parsed = crate::mail::parse_with(&m.raw, &settings.policy);
            incoming.push(ReadMail { label: m.label, origin: Origin::Imap(m.uid), parsed });
        }
    }
    let state = ctx.read_state()?;
    let now = ctx.now();
    let tz = ctx.config.defaults.timezone.clone();
    let keys_of: Vec<Vec<String>> = incoming.iter().map(|m| seen_keys(&m.parsed)).collect();
    let all_keys: Vec<String> = keys_of.iter().flatten().cloned().collect();
    let mut seen_before = state.marked(SEEN, &all_keys).await?;

    let mut tally = Tally::default();
    let mut fates = Vec::with_capacity(incoming.len());
    let mut findings: std::collections::BTreeMap<String, Finding> = Default::default();
    let mut dx_events = Vec::new();
    for (m, keys) in incoming.iter().zip(&keys_of) {
        let parsed = &m.parsed;
        let fate = if keys.iter().any(|k| seen_before.contains(k)) {
            tally.already_seen += 1;
            Fate::AlreadySeen
        } else if let Some(why) = &parsed.suppressed {
            tally.suppressed += 1;
            Fate::Suppressed(why.clone())
        } else {
            match finding_of(parsed, &tz) {
                Some(f) => {
                    if parsed.outcome.event().is_some() {
                        tally.recognised += 1;
                    } else {
                        tally.unparsed += 1;
                    }
                    if !parsed.verification.verified {
                        tally.unverified += 1;
                        tracing::info!(message = %m.label, "unverified sender: {}", parsed.verification.verification);
                    }
                    if let Some(e) = parsed.outcome.event().filter(|e| e.kind.starts_with("dx-maintenance")) {
                        dx_events.push(DxNotice {
                            event: e.clone(),
                            subject: parsed.subject.clone().unwrap_or_default(),
                            verification: parsed.verification.clone(),
                        });
                    }
                    let key = f.key.clone();
                    findings.insert(key.clone(), f);
                    Fate::Finding(key)
                }
                None => {
                    tally.ignored += 1;
                    Fate::Ignored(match &parsed.outcome {
                        crate::mail::Outcome::Ignored { reason } => reason.clone(),
                        other => other.label().to_string(),
                    })
                }
            }
        };
        match &fate {
            Fate::Ignored(why) => tracing::info!(message = %m.label, "ignored: {why}"),
            Fate::Suppressed(why) => tracing::info!(message = %m.label, "suppressed: {why}"),
            Fate::AlreadySeen => tracing::info!(message = %m.label, "already ingested: not told again"),
            Fate::Finding(k) => tracing::debug!(message = %m.label, key = %k, "{}", parsed.outcome.label()),
        }
        // A second copy later in the same batch is a repeat too.
        seen_before.extend(keys.iter().cloned());
        fates.push(fate);
    }

    if settings.auto_silence && !ctx.global.dry_run {
        auto_silence(ctx, &settings, &dx_events).await?;
    }

    // Earlier open events come along; those whose window has ended (or that give no time
    // and are old) resolve. A mail of this run speaks for its event over the stored one.
    let undated = or_default(settings.resolve_undated_after, DEFAULT_RESOLVE_UNDATED);
    let mut all: std::collections::BTreeMap<String, Finding> = Default::default();
    let previous = ctx.previous_findings(SOURCE).await?;
    let known: std::collections::BTreeSet<&str> = previous.iter().map(|r| r.finding.key.as_str()).collect();
    for r in &previous {
        if r.finding.status == Status::Open {
            all.insert(r.finding.key.clone(), r.finding.clone());
            let over = match r.finding.fields.iter().find(|f| f.name == ENDS_FIELD) {
                Some(f) => f.value.parse::<jiff::Timestamp>().ok(),
                None => r.since.checked_add(undated).ok(),
            };
            if let (Some(over), Some(f)) = (over, all.get_mut(&r.finding.key))
                && over <= now
            {
                f.status = Status::Resolved;
            }
        }
    }
    let mut resolved_by_time = all.values().filter(|f| f.status == Status::Resolved).count();
    for (k, f) in findings {
        if all.get(&k).is_some_and(|old| old.status == Status::Resolved) {
            resolved_by_time -= 1;
        }
        // A reminder of an event whose window has already ended does not reopen it.
        let ended =
            f.fields.iter().find(|x| x.name == ENDS_FIELD).and_then(|x| x.value.parse::<jiff::Timestamp>().ok());
        let mut f = f;
        // A cancellation resolves its event's finding; one of an event never told here (its
        // notice came through another way, or verified while this one is not) would resolve
        // nothing, silently: it is told itself, until its window ends.
        if f.status == Status::Resolved && !known.contains(k.as_str()) {
            f.status = Status::Open;
        }
        if ended.is_some_and(|t| t <= now) {
            f.status = Status::Resolved;
        }
        all.insert(k, f);
    }
    let mut collected = Collected::new(SOURCE, all.into_values().collect(), Scope::Accounts(Default::default()));
    // Under `--mta` the mail is safe in the state store: a later run retries it.
    collected.judging.failed_deliveries_retried = args.mta;
    let mut report = ctx.run_spine("maintenance-mail-ingest", collected).await?;

    // Settle what no sink still owes.
    let unsettled: std::collections::BTreeSet<&str> = report
        .deliveries
        .iter()
        .filter(|d| matches!(d.outcome, Delivery::Failed | Delivery::Deferred | Delivery::DryRun))
        .map(|d| d.key.as_str())
        .collect();
    let mut imap_told = Vec::new();
    if !ctx.global.dry_run {
        let mut settled_keys = Vec::new();
        for ((m, fate), keys) in incoming.iter().zip(&fates).zip(&keys_of) {
            if let Fate::Finding(k) = fate
                && unsettled.contains(k.as_str())
            {
                continue; // owed again next run: not remembered; stays in new/ or unseen
            }
            settled_keys.extend(keys.iter().cloned());
            match &m.origin {
                Origin::Read => {}
                Origin::Imap(uid) => imap_told.push(*uid),
                Origin::Maildir(path) => {
                    if let Err(e) = mark_seen(path) {
                        tracing::warn!("cannot move {} to cur/: {e}", path.display());
                    }
                }
            }
        }
        let state = ctx.open_state()?;
        state.put_marks(SEEN, &settled_keys, now).await?;
        if let Ok(before) = now.checked_sub(or_default(settings.remember, DEFAULT_REMEMBER)) {
            state.prune_marks(SEEN, before).await?;
        }
    }
    if let Some(mb) = mailbox {
        mb.settle(&imap_told, &mut report).await;
    }
    let t = &tally;
    if !incoming.is_empty() || resolved_by_time > 0 {
        tracing::info!(
            "{} mail(s): {} recognised, {} unparsed ({} of them from an unverified sender), {} ignored, {} suppressed, {} already ingested; {} event(s) resolved as their window ended",
            incoming.len(),
            t.recognised,
            t.unparsed,
            t.unverified,
            t.ignored,
            t.suppressed,
            t.already_seen,
            resolved_by_time
        );
    }
    Ok(Output::Report(Box::new(report)))
}

/// The silence a Direct Connect maintenance notice sets on one of its resources: the same
/// id for every mail of the event, so a reminder moves it and a cancellation finds it.
fn silence_id(event: &crate::mail::Event, resource: &str) -> String {
    use sha2::Digest as _;
    let h = sha2::Sha256::digest(format!("{}|{resource}", event.dedupe_key()).as_bytes());
    format!("s-mail-{}", &hex::encode(h)[..10])
}

/// A Direct Connect maintenance notice of this run, for [`auto_silence`].
struct DxNotice {
    event: crate::mail::Event,
    subject: String,
    verification: crate::mail::Verification,
}

/// Why a notice may not silence anything, if it may not: only a verified notice that AWS's
/// own notice headers announced (a list keeps them; a support case's CC or an SNS topic
/// anyone can publish to does not), whose window is complete, in order, no longer than
/// `silence_max_window` and not absurdly far ahead.
fn may_not_silence(n: &DxNotice, max_window: jiff::SignedDuration, now: jiff::Timestamp) -> Option<String> {
    let e = &n.event;
    if !n.verification.verified {
        return Some(format!("its sender is unverified ({})", n.verification.verification));
    }
    if !matches!(e.format.as_str(), "legacy" | "managed") {
        return Some(format!(
            "it was read from the {} format, not from AWS's notice headers (X-SM-COMMUNICATION-TYPE, X-NOTIFICATIONS-*)",
            e.format
        ));
    }
    let (Some(start), Some(end)) = (e.start, e.end) else {
        return Some("it gives no complete window".into());
    };
    if end < start {
        return Some(format!("its window ends ({end}) before it starts ({start})"));
    }
    let length = end.duration_since(start);
    if length > max_window {
        return Some(format!("its window ({start} – {end}) is longer than silence_max_window ({max_window:#})"));
    }
    if now.checked_add(SILENCE_MAX_LEAD).is_ok_and(|limit| start > limit) {
        return Some(format!("its window starts {start}, more than a year ahead"));
    }
    None
}

/// Silence (or, on a cancellation, unsilence) the dxcon/dxvif/dxlag resources of Direct
/// Connect maintenance notices in dx-vif, for the window plus the margins. Only a notice
/// [`may_not_silence`] passes silences; any cancellation lifts its event's silences, since
/// lifting one only lets alerts through.
async fn auto_silence(ctx: &crate::context::Context, settings: &Settings, notices: &[DxNotice]) -> AppResult<()> {
    if notices.is_empty() {
        return Ok(());
    }
    let state = ctx.open_state()?;
    let (before, after) = settings.margins();
    let max_window = or_default(settings.silence_max_window, DEFAULT_SILENCE_MAX_WINDOW);
    let now = ctx.now();
    for n in notices {
        let (e, subject) = (&n.event, &n.subject);
        let dx: Vec<&String> = e.resources.iter().filter(|r| r.starts_with("dx")).collect();
        if dx.is_empty() {
            tracing::warn!(
                "auto_silence: the Direct Connect notice \"{subject}\" names no dxcon, dxvif or dxlag: nothing silenced"
            );
            continue;
        }
        if e.cancelled {
            for r in dx {
                let id = silence_id(e, r);
                if state.remove_silence(&id).await? {
                    tracing::info!(silence = %id, resource = %r, "auto_silence: maintenance cancelled, silence removed");
                }
            }
            continue;
        }
        if let Some(why) = may_not_silence(n, max_window, now) {
            tracing::warn!("auto_silence: \"{subject}\" silences nothing: {why}");
            continue;
        }
        let (Some(start), Some(end)) = (e.start, e.end) else { continue };
        let (Ok(starts), Ok(until)) = (start.checked_sub(before), end.checked_add(after)) else { continue };
        for r in dx {
            let id = silence_id(e, r);
            state.remove_silence(&id).await?;
            let silence = crate::state::Silence {
                id: id.clone(),
                matcher: crate::state::SilenceMatcher {
                    source: Some(super::dx_vif::SOURCE.into()),
                    key: None,
                    account: e.accounts.first().cloned().filter(|_| e.accounts.len() == 1),
                    resource: Some(r.clone()),
                },
                starts,
                until,
                reason: format!("AWS Direct Connect maintenance: {subject}"),
                created_by: "maintenance-mail auto_silence".into(),
                created_at: now,
            };
            state.add_silence(&silence).await?;
            tracing::info!(silence = %id, resource = %r, %starts, %until, "auto_silence: dx-vif silenced for the maintenance window");
        }
    }
    Ok(())
}

/// A finding's severity as the mail crate spells it (for ignore/override rules).
fn to_mail_severity(s: crate::spine::finding::Severity) -> crate::mail::Severity {
    match s {
        crate::spine::finding::Severity::Info => crate::mail::Severity::Info,
        crate::spine::finding::Severity::Warning => crate::mail::Severity::Warning,
        crate::spine::finding::Severity::Critical => crate::mail::Severity::Critical,
    }
}

/// A mail's severity as a finding's.
fn from_mail_severity(s: crate::mail::Severity) -> crate::spine::finding::Severity {
    match s {
        crate::mail::Severity::Info => crate::spine::finding::Severity::Info,
        crate::mail::Severity::Warning => crate::spine::finding::Severity::Warning,
        crate::mail::Severity::Critical => crate::spine::finding::Severity::Critical,
    }
}
