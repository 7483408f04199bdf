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

/// Parse every input with the rules of the config (when there is one), writing each result
/// as it is parsed (an mbox is read message by message: memory stays flat whatever its
/// size); an unreadable file is reported on stderr after the others, and the command then
/// exits 2.
pub fn parse(global: &GlobalArgs, args: &MailArgs) -> AppResult<Output> {
    let config =
        crate::config::load(global.config.as_deref(), &crate::config::Env::process(), crate::commands::SECTIONS)?;
    let settings = Settings::load(&config)?;
    let stdin = if args.inputs.is_empty() {
        let mut raw = Vec::new();
        std::io::stdin().read_to_end(&mut raw).map_err(|e| AppError::usage(format!("cannot read stdin: {e}")))?;
        Some(raw)
    } else {
        None
    };
    let parsed = ParseOutput {
        stdin,
        inputs: args.inputs.clone(),
        policy: settings.policy,
        format: global.output,
        style: Style::detect(global.no_color),
        timezone: config.defaults.timezone.clone(),
        messages: Default::default(),
        unreadable: Default::default(),
    };
    Ok(Output::Stream { data: Box::new(parsed), errors: Vec::new(), skipped: Vec::new() })
}

/// What `mail parse` prints, parsed as it is written: nothing but the inputs is held.
struct ParseOutput {
    /// The one message read from stdin when no file is given.
    stdin: Option<Vec<u8>>,
    inputs: Vec<std::path::PathBuf>,
    policy: crate::mail::Policy,
    format: OutputFormat,
    style: Style,
    timezone: String,
    /// Messages written (for the heartbeat's summary).
    messages: std::sync::atomic::AtomicUsize,
    /// `cannot read FILE: why`, one per input that could not be read.
    unreadable: std::sync::Mutex<Vec<String>>,
}

impl ParseOutput {
    /// How many inputs there are: stdin's message, or the files.
    fn len(&self) -> usize {
        if self.stdin.is_some() { 1 } else { self.inputs.len() }
    }

    /// Whether input `k` can be read again (a regular file, not a pipe nor stdin).
    fn rereadable(&self, k: usize) -> bool {
        self.stdin.is_none() && std::fs::metadata(&self.inputs[k]).is_ok_and(|m| m.is_file())
    }

    /// Parse every message of input `k` in order, handing each to `each` with its label
    /// (`-`, `FILE` or `FILE#N` in an mbox). The outer error is the output's; the inner
    /// one says the input could not be read (after the messages read before the failure).
    fn each(
        &self,
        k: usize,
        mut each: impl FnMut(&str, &Parsed) -> std::io::Result<()>,
    ) -> std::io::Result<Result<(), String>> {
        if let Some(raw) = &self.stdin {
            return each("-", &crate::mail::parse_with(raw, &self.policy)).map(Ok);
        }
        let path = &self.inputs[k];
        match parse_file(path, &self.policy, &mut each) {
            Ok(written) => written.map(Ok),
            Err(e) => Ok(Err(format!("cannot read {}: {e}", path.display()))),
        }
    }
}

impl crate::commands::Render for ParseOutput {
    fn render(&self, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        let mut n = 0;
        let mut unreadable = Vec::new();
        match self.format {
            OutputFormat::Json | OutputFormat::Jsonl => {
                // As `json_rows` writes it whole: a pretty array (each item indented one
                // level: a JSON string holds no raw line break), or one object a line.
                for k in 0..self.len() {
                    let read = self.each(k, |file, p| {
                        let v = json_row(file, p);
                        n += 1;
                        if self.format == OutputFormat::Jsonl {
                            return writeln!(out, "{v}");
                        }
                        out.write_all(if n == 1 { b"[\n" } else { b",\n" })?;
                        let text = serde_json::to_string_pretty(&v).map_err(std::io::Error::other)?;
                        for (i, line) in text.lines().enumerate() {
                            write!(out, "{}  {line}", if i == 0 { "" } else { "\n" })?;
                        }
                        Ok(())
                    })?;
                    unreadable.extend(read.err());
                }
                if self.format == OutputFormat::Json {
                    out.write_all(if n == 0 { b"[]\n" } else { b"\n]\n" })?;
                }
            }
            _ => {
                // The table's columns fit its widest cells: a first pass measures them, the
                // second parses again and writes the rows. The rows of an input that cannot
                // be read twice (stdin, a pipe) are kept from the first.
                let mut grid = crate::output::table(self.style, columns());
                let mut kept: Vec<Option<Vec<Vec<String>>>> = Vec::with_capacity(self.len());
                for k in 0..self.len() {
                    let again = self.rereadable(k);
                    let mut rows = Vec::new();
                    let read = self.each(k, |file, p| {
                        let row = table_row(file, p, &self.timezone);
                        grid.measure(&row);
                        if !again {
                            rows.push(row);
                        }
                        Ok(())
                    })?;
                    kept.push((!again).then_some(rows));
                    unreadable.extend(read.err());
                }
                let mut table = grid.stream(out)?;
                for (k, kept) in kept.into_iter().enumerate() {
                    match kept {
                        Some(rows) => {
                            for row in rows {
                                n += 1;
                                table.row(&row)?;
                            }
                        }
                        None => {
                            // Read again; should it now fail, the first pass's verdict stands.
                            let _ = self.each(k, |file, p| {
                                n += 1;
                                table.row(&table_row(file, p, &self.timezone))
                            })?;
                        }
                    }
                }
                table.finish()?;
            }
        }
        self.messages.store(n, std::sync::atomic::Ordering::Relaxed);
        *self.unreadable.lock().unwrap_or_else(std::sync::PoisonError::into_inner) = unreadable;
        Ok(())
    }

    fn summary(&self) -> String {
        format!("mail parse: {} message(s)", self.messages.load(std::sync::atomic::Ordering::Relaxed))
    }

    fn works_as_it_renders(&self) -> bool {
        true
    }

    fn failure(&self) -> Option<AppError> {
        let unreadable = self.unreadable.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        (!unreadable.is_empty()).then(|| AppError::usage(unreadable.join("\nerror: ")))
    }
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
/// its size), labelled `FILE#N`, each handed to `each` as it is parsed. The outer error is
/// the file's (it could not be read), the inner one `each`'s (writing the output failed).
fn parse_file(
    path: &std::path::Path,
    policy: &crate::mail::Policy,
    each: &mut impl FnMut(&str, &Parsed) -> std::io::Result<()>,
) -> std::io::Result<std::io::Result<()>> {
    use std::io::BufRead;
    let mut reader = std::io::BufReader::with_capacity(1 << 16, std::fs::File::open(path)?);
    if !crate::mail::mbox::looks_like_mbox(reader.fill_buf()?) {
        let mut raw = Vec::new();
        reader.read_to_end(&mut raw)?;
        return Ok(each(&path.display().to_string(), &crate::mail::parse_with(&raw, policy)));
    }
    for (i, message) in crate::mail::mbox::Mbox::new(reader).enumerate() {
        let written = each(&format!("{}#{}", path.display(), i + 1), &crate::mail::parse_with(&message?, policy));
        if written.is_err() {
            return Ok(written);
        }
    }
    Ok(Ok(()))
}

/// One result as `-o json`/`jsonl` shows it: the parse, and the file it came from.
fn json_row(file: &str, p: &Parsed) -> serde_json::Value {
    let mut v = serde_json::to_value(p).unwrap_or_default();
    if let Some(o) = v.as_object_mut() {
        o.insert("file".into(), file.into());
    }
    v
}

fn columns() -> Vec<Col> {
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
    ]
}

/// One result as a table row ([`columns`]).
fn table_row(file: &str, p: &Parsed, timezone: &str) -> Vec<String> {
    let label = if p.suppressed.is_some() { "suppressed" } else { p.outcome.label() };
    let mut row = vec![file.to_string(), label.to_string(), sender_cell(p)];
    match &p.outcome {
        Outcome::Recognised(e) => {
            let t = |t: Option<jiff::Timestamp>| t.map(|t| crate::output::local_time(t, timezone)).unwrap_or_default();
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
    row
}

// ---------------------------------------------------------------------------------------
// ingest: messages → findings → the spine
// ---------------------------------------------------------------------------------------

/// The source of the findings of mails: every AWS event is one finding, whichever channel
/// tells it (see [`crate::health`]).
pub const SOURCE: &str = crate::health::SOURCE;
/// The command's own `[commands.maintenance-mail]` section.
pub const SECTION: &str = "maintenance-mail";

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
        let mut s: Settings = config.command_settings(SECTION)?;
        let err = |key: String, message: String| ConfigError {
            key: Some(format!("commands.{SECTION}.{key}")),
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

/// The findings of one message: one per account a recognised notice names (keyed like
/// every channel's, see [`crate::health`]), or one for an unparsed notice; none for an
/// ignored mail.
///
/// A notice from an unverified sender keeps a key of its own (`health/unverified/…`):
/// told like any other, marked, but it can never change, cancel or resolve what a verified
/// notice or the Health API said of the same event.
pub fn findings_of(
    p: &Parsed,
    index: &crate::health::Index,
    health: &crate::health::Settings,
    config: &Config,
    timezone: &str,
    now: jiff::Timestamp,
) -> Result<Vec<crate::spine::finding::Finding>, String> {
    use crate::spine::finding::{Finding, Severity};
    use sha2::Digest as _;
    let short = |s: &str| hex::encode(&sha2::Sha256::digest(s.as_bytes())[..10]);
    let subject = p.subject.clone().unwrap_or_else(|| "(no subject)".into());
    let from = p.from.clone().unwrap_or_default();
    let verified =
        if p.verification.verified { "yes".to_string() } else { format!("no: {}", p.verification.verification) };
    let mail_fields =
        |f: Finding| f.field("subject", &subject).field("sender", sender_of(p)).field("verified", &verified);
    match &p.outcome {
        Outcome::Ignored { .. } => Ok(Vec::new()),
        Outcome::Unparsed { reason } => Ok(vec![Finding {
            summary: format!("{reason}. {}\nThe mail is kept; read it and, if it matters, add a rule.", sender_line(p)),
            fingerprint: p.content_hash.clone(),
            ..Finding::new(
                SOURCE,
                format!("{SOURCE}/unparsed/{}", &p.content_hash[..20.min(p.content_hash.len())]),
                Severity::Warning,
                format!("An AWS notice opskit could not read: {subject}{}", unverified_mark(p)),
            )
            .field("from", &from)
        }]
        .into_iter()
        .map(mail_fields)
        .collect()),
        Outcome::Recognised(e) => {
            let accounts: Vec<Option<String>> =
                if e.accounts.is_empty() { vec![None] } else { e.accounts.iter().cloned().map(Some).collect() };
            let mut out = Vec::new();
            for account in accounts {
                let event = health_event(e, account);
                let name = event.account.as_deref().and_then(|a| config.account(a)).map(|a| a.name.clone());
                // `[commands.health.suppress]` holds for every channel, unverified mails too.
                if let Some(why) = health.suppressed(&event) {
                    return Err(why);
                }
                let mut f = if p.verification.verified {
                    crate::health::event_finding(index, health, &event, name.as_deref(), timezone, now)?
                } else {
                    // Never the verified finding's key: it may not change what AWS said.
                    let key =
                        format!("{SOURCE}/unverified/{}", short(&format!("{}|{:?}", e.dedupe_key(), event.account)));
                    let severity = health.severity_of(&event.code).or(event.severity).unwrap_or(Severity::Warning);
                    let mut f = crate::health::finding(&event, key, severity, name.as_deref(), timezone);
                    f.title.push_str(unverified_mark(p));
                    if crate::health::ends_of(&f).is_some_and(|t| t <= now) {
                        f.status = crate::spine::finding::Status::Resolved;
                    }
                    f
                };
                if !crate::health::told_by_authority(&f) {
                    f.summary = format!("{subject}\n{}\n{}", f.summary, sender_line(p));
                    f = mail_fields(f).field("kind", &e.kind);
                    if let Some(rule) = &e.rule {
                        f = f.field("rule", rule);
                    }
                }
                out.push(f);
            }
            Ok(out)
        }
    }
}

/// A recognised notice as the AWS event it announces, for one of its accounts.
fn health_event(e: &crate::mail::Event, account: Option<String>) -> crate::health::Event {
    // What the notice's kind says of when it is over (see `Event::over_at`): a security
    // notice or an RDS event says when something happened; a Health mail without a
    // category is not planned work.
    let category = e.category.clone().or_else(|| match e.kind.as_str() {
        "security" | "rds-event" => Some("accountNotification".into()),
        "health" => Some("issue".into()),
        _ => None,
    });
    crate::health::Event {
        arn: e.event_arn.clone(),
        code: e.event_type_code.clone().unwrap_or_else(|| e.kind.clone()),
        category,
        service: e.service.clone(),
        region: e.region.clone(),
        status: None,
        start: e.start,
        end: e.end,
        last_updated: None,
        description: None,
        account,
        resources: e.resources.clone(),
        links: e.links.clone(),
        cancelled: e.cancelled,
        channel: crate::health::Channel::Mail,
        severity: Some(from_mail_severity(e.severity)),
    }
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
    /// Its findings (one per account it names); settled once no sink still owes them.
    Finding(Vec<String>),
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

    // Findings of this source, moved from `maintenance-mail` on the first run (once).
    let index = crate::commands::health::kept_events(ctx).await?;
    let health = crate::health::Settings::load(&ctx.config)?;
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
            match findings_of(parsed, &index, &health, &ctx.config, &tz, now) {
                Err(why) => {
                    tally.suppressed += 1;
                    Fate::Suppressed(why)
                }
                Ok(fs) if !fs.is_empty() => {
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
                        for f in &fs {
                            dx_events.push(DxNotice {
                                key: f.key.clone(),
                                event: e.clone(),
                                health: health_event(e, f.account.clone()),
                                subject: parsed.subject.clone().unwrap_or_default(),
                                verification: parsed.verification.clone(),
                            });
                        }
                    }
                    let keys: Vec<String> = fs.iter().map(|f| f.key.clone()).collect();
                    for f in fs {
                        findings.insert(f.key.clone(), f);
                    }
                    Fate::Finding(keys)
                }
                Ok(_) => {
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
            Fate::Finding(k) => tracing::debug!(message = %m.label, keys = ?k, "{}", parsed.outcome.label()),
        }
        // A second copy later in the same batch is a repeat too.
        seen_before.extend(keys.iter().cloned());
        fates.push(fate);
    }

    if settings.auto_silence && !ctx.global.dry_run {
        auto_silence(ctx, &settings, &dx_events).await?;
    }

    // Earlier open events come along (a notification that failed then is owed now); those
    // whose window has ended (or that give no time and are old) resolve. A mail of this
    // run speaks for its event over the stored one.
    let undated = or_default(settings.resolve_undated_after, DEFAULT_RESOLVE_UNDATED);
    let mut all: std::collections::BTreeMap<String, Finding> = Default::default();
    let known: std::collections::BTreeSet<String> = index.records().map(|r| r.finding.key.clone()).collect();
    for r in index.records() {
        if r.finding.status == Status::Open {
            let mut f = r.finding.clone();
            let over = match crate::health::ends_of(&f) {
                Some(t) => Some(t),
                None => r.since.checked_add(undated).ok(),
            };
            if over.is_some_and(|over| over <= now) {
                f.status = Status::Resolved;
            }
            all.insert(f.key.clone(), f);
        }
    }
    let mut resolved_by_time = all.values().filter(|f| f.status == Status::Resolved).count();
    for (k, f) in findings {
        if all.get(&k).is_some_and(|old| old.status == Status::Resolved) {
            resolved_by_time -= 1;
        }
        // A reminder of an event whose window has already ended does not reopen it.
        let ended = crate::health::ends_of(&f);
        let mut f = f;
        // A cancellation resolves its event's finding; one of an event never told here (its
        // notice came through another way, or verified while this one is not) would resolve
        // nothing, silently: it is told itself, until its window ends.
        if f.status == Status::Resolved && !known.contains(&k) {
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
            if let Fate::Finding(ks) = fate
                && ks.iter().any(|k| unsettled.contains(k.as_str()))
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

/// The silence an earlier version set for a Direct Connect maintenance notice on one of
/// its resources (removed on cancellation, with the current one).
fn legacy_silence_id(event: &crate::mail::Event, resource: &str) -> String {
    use sha2::Digest as _;
    let h = sha2::Sha256::digest(format!("{}|{resource}", event.dedupe_key()).as_bytes());
    format!("s-mail-{}", &hex::encode(h)[..10])
}

/// A Direct Connect maintenance notice of this run, for one account it names.
struct DxNotice {
    /// Its finding's key.
    key: String,
    event: crate::mail::Event,
    health: crate::health::Event,
    subject: String,
    verification: crate::mail::Verification,
}

/// Why a notice may not silence anything beyond what [`crate::health::silence`] checks of
/// every channel: only a verified notice that AWS's own notice headers announced (a list
/// keeps them; a support case's CC or an SNS topic anyone can publish to does not).
fn may_not_silence(n: &DxNotice) -> Option<String> {
    if !n.verification.verified {
        return Some(format!("its sender is unverified ({})", n.verification.verification));
    }
    if !matches!(n.event.format.as_str(), "legacy" | "managed") {
        return Some(format!(
            "it was read from the {} format, not from AWS's notice headers (X-SM-COMMUNICATION-TYPE, X-NOTIFICATIONS-*)",
            n.event.format
        ));
    }
    None
}

/// Silence (or, on a cancellation, unsilence) the dxcon/dxvif/dxlag resources of Direct
/// Connect maintenance notices in dx-vif, for the window plus the margins
/// ([`crate::health::silence::apply`], shared with the Health API and EventBridge).
async fn auto_silence(ctx: &crate::context::Context, settings: &Settings, notices: &[DxNotice]) -> AppResult<()> {
    if notices.is_empty() {
        return Ok(());
    }
    let state = ctx.open_state()?;
    let (before, after) = settings.margins();
    let limits = crate::health::silence::Limits {
        max_window: or_default(settings.silence_max_window, DEFAULT_SILENCE_MAX_WINDOW),
        before,
        after,
    };
    let notices: Vec<crate::health::silence::Notice> = notices
        .iter()
        .map(|n| crate::health::silence::Notice {
            key: &n.key,
            event: &n.health,
            title: n.subject.clone(),
            refused: if n.event.cancelled { None } else { may_not_silence(n) },
            legacy_ids: n.event.resources.iter().map(|r| legacy_silence_id(&n.event, r)).collect(),
            created_by: "maintenance-mail auto_silence",
        })
        .collect();
    crate::health::silence::apply(state.as_ref(), &notices, limits, ctx.now()).await
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
