//! Rendering a run's report on stdout: table (comfy-table; width-aware on a TTY, plain
//! when piped), json (the whole report, a stable shape), jsonl (one finding per line),
//! csv and markdown. Nothing here decides anything; it only formats.
//!
//! Text that came from customers or APIs (VIF names, case and mail subjects, finding
//! titles) may carry terminal escape sequences: `ESC ] 52` writes the clipboard, `ESC ] 8`
//! hides a link, `ESC [ 2J` clears the screen, a bidi override reorders what is read.
//! Everything written for people (table and markdown output, notes and errors on stderr,
//! log lines: see `main`) passes through [`terminal_safe`], which shows such characters
//! as `\u{1b}` instead of sending them. JSON, JSON lines and CSV are data and stay exact
//! (JSON escapes control characters itself; CSV keeps the value, and a reader who prints
//! it raw to a terminal owns that choice).

// The house lints (print_stdout, print_stderr) allow printing only here and in main.rs:
// this module renders what opskit writes to a terminal.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use crate::cli::OutputFormat;
use crate::spine::engine::{Outcome, RunReport};
use comfy_table::{ContentArrangement, Table, presets};
use std::borrow::Cow;
use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};

/// Whether stdout carries text for people (table, markdown), set once by `main`.
static PEOPLE_FORMAT: AtomicBool = AtomicBool::new(false);

/// Tell the stdout writers whether the chosen `--output` is read by people (escape
/// control characters) or by programs (write it exactly).
pub fn set_format(format: OutputFormat) {
    PEOPLE_FORMAT.store(is_for_people(format), Ordering::Relaxed);
}

/// Whether logs are JSON (`--log-format json`), set once by `main`: target errors are
/// written as JSON log lines then, like every other line on stderr.
static LOG_JSON: AtomicBool = AtomicBool::new(false);

pub fn set_log_json(on: bool) {
    LOG_JSON.store(on, Ordering::Relaxed);
}

fn is_for_people(format: OutputFormat) -> bool {
    matches!(format, OutputFormat::Table | OutputFormat::Markdown)
}

/// A character a terminal would act on rather than show: C0 controls but line feed and
/// tab, DEL, C1 controls (U+0080–U+009F; some terminals take U+009B as CSI), and the bidi
/// embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069).
fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || ('\u{202a}'..='\u{202e}').contains(&c)
        || ('\u{2066}'..='\u{2069}').contains(&c)
}

/// `s` with every character a terminal would act on shown as `\u{..}` (ESC as `\u{1b}`),
/// so a customer's text can neither move the cursor, set the clipboard or the title, hide
/// a link, nor reorder a line. Line feeds and tabs stay.
pub fn terminal_safe(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_unsafe) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        if is_unsafe(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// [`terminal_safe`] when stdout is for people, else `s` exactly.
fn for_stdout(s: &str) -> Cow<'_, str> {
    if PEOPLE_FORMAT.load(Ordering::Relaxed) { terminal_safe(s) } else { Cow::Borrowed(s) }
}

/// Shorthand for a table cell or a line of customer text.
fn safe(s: &str) -> String {
    terminal_safe(s).into_owned()
}

/// How to render for the terminal at hand.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub tty: bool,
    pub color: bool,
}

impl Style {
    pub fn detect(no_color_flag: bool) -> Style {
        use std::io::IsTerminal;
        let tty = std::io::stdout().is_terminal();
        let no_color = no_color_flag || crate::env_vars::no_color();
        Style { tty, color: tty && !no_color }
    }
}

pub fn table(style: Style, header: &[&str]) -> Table {
    let mut t = Table::new();
    if style.tty {
        t.load_style(presets::UTF8_FULL_CONDENSED).set_content_arrangement(ContentArrangement::Dynamic);
    } else {
        t.load_style(presets::ASCII_MARKDOWN).set_content_arrangement(ContentArrangement::Disabled);
    }
    t.set_header(header.iter().copied());
    t
}

fn account_region(a: &Option<String>, r: &Option<String>) -> (String, String) {
    (a.clone().unwrap_or_else(|| "-".into()), r.clone().unwrap_or_else(|| "-".into()))
}

pub(crate) fn csv_escape(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) { format!("\"{}\"", s.replace('"', "\"\"")) } else { s.to_string() }
}

pub(crate) fn md_escape(s: &str) -> String {
    terminal_safe(s).replace('|', "\\|").replace('\n', " ")
}

/// Render a report whole, its errors included (for a page that holds everything, like
/// the demo's). [`print_report`] leaves a table's errors to stderr instead.
pub fn render(report: &RunReport, format: OutputFormat, style: Style, out: &mut dyn Write) -> std::io::Result<()> {
    render_with(report, format, style, out, false)
}

/// [`render`]; with `errors_apart`, a table only counts the errors, which are on stderr.
fn render_with(
    report: &RunReport,
    format: OutputFormat,
    style: Style,
    out: &mut dyn Write,
    errors_apart: bool,
) -> std::io::Result<()> {
    match format {
        OutputFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, report)?;
            writeln!(out)
        }
        OutputFormat::Jsonl => {
            for f in &report.findings {
                serde_json::to_writer(&mut *out, f)?;
                writeln!(out)?;
            }
            Ok(())
        }
        OutputFormat::Csv => {
            writeln!(out, "severity,status,change,account,region,key,title,resources,since")?;
            for f in &report.findings {
                let (a, r) = account_region(&f.finding.account, &f.finding.region);
                let row = [
                    f.finding.severity.to_string(),
                    f.finding.status.to_string(),
                    f.change.map(|c| c.to_string()).unwrap_or_default(),
                    a,
                    r,
                    f.finding.key.clone(),
                    f.finding.title.clone(),
                    f.finding.resources.join(" "),
                    f.since.to_string(),
                ];
                writeln!(out, "{}", row.iter().map(|c| csv_escape(c)).collect::<Vec<_>>().join(","))?;
            }
            Ok(())
        }
        OutputFormat::Markdown => {
            writeln!(out, "## {}\n", report.source)?;
            writeln!(out, "| Severity | Status | Change | Account | Region | Title | Key |")?;
            writeln!(out, "|---|---|---|---|---|---|---|")?;
            for f in &report.findings {
                let (a, r) = account_region(&f.finding.account, &f.finding.region);
                writeln!(
                    out,
                    "| {} | {} | {} | {} | {} | {} | `{}` |",
                    f.finding.severity,
                    f.finding.status,
                    f.change.map(|c| c.to_string()).unwrap_or_default(),
                    md_escape(&a),
                    md_escape(&r),
                    md_escape(&f.finding.title),
                    md_escape(&f.finding.key)
                )?;
            }
            if !report.deliveries.is_empty() {
                writeln!(out, "\n| Sink | Key | Kind | Outcome | Detail |")?;
                writeln!(out, "|---|---|---|---|---|")?;
                for d in &report.deliveries {
                    let detail = if d.outcome == Outcome::DryRun { "" } else { d.detail.as_deref().unwrap_or("") };
                    writeln!(
                        out,
                        "| {} | `{}` | {} | {} | {} |",
                        d.sink,
                        md_escape(&d.key),
                        d.kind,
                        d.outcome.as_str(),
                        md_escape(detail)
                    )?;
                }
            }
            render_errors_md(report, out)
        }
        OutputFormat::Table => render_table(report, style, out, errors_apart),
    }
}

fn render_errors_md(report: &RunReport, out: &mut dyn Write) -> std::io::Result<()> {
    if !report.skipped.is_empty() {
        writeln!(out, "\n**Skipped**\n")?;
        for e in &report.skipped {
            writeln!(out, "- {}: {}", md_escape(&e.target), md_escape(&e.message))?;
        }
    }
    if report.errors.is_empty() {
        return Ok(());
    }
    writeln!(out, "\n**Errors**\n")?;
    for e in &report.errors {
        writeln!(out, "- {}: {}", md_escape(&e.target), md_escape(&e.message))?;
    }
    Ok(())
}

fn severity_cell(sev: crate::spine::finding::Severity, style: Style) -> comfy_table::Cell {
    use crate::spine::finding::Severity;
    let cell = comfy_table::Cell::new(sev.to_string());
    if !style.color {
        return cell;
    }
    match sev {
        Severity::Critical => cell.fg(comfy_table::Color::Red),
        Severity::Warning => cell.fg(comfy_table::Color::Yellow),
        Severity::Info => cell,
    }
}

/// The status board: every finding's chosen fields, with its health (`ok` when resolved).
fn board_table(report: &RunReport, style: Style) -> Table {
    use crate::spine::finding::Status;
    // Global services (Trusted Advisor) have no region: no empty column for them.
    let regional = report.findings.iter().any(|f| f.finding.region.is_some());
    let upper: Vec<String> = report.board.iter().map(|c| c.to_uppercase()).collect();
    let mut header = vec!["ACCOUNT"];
    if regional {
        header.push("REGION");
    }
    header.extend(upper.iter().map(String::as_str));
    header.extend(["HEALTH", "CHANGE"]);
    let mut t = table(style, &header);
    for f in &report.findings {
        let (mut a, r) = account_region(&f.finding.account, &f.finding.region);
        // A producer may name the account as people know it (`acme-prod`) in a field.
        if let Some(name) = f.finding.fields.iter().find(|x| x.name == "account name") {
            a = name.value.clone();
        }
        let mut row: Vec<comfy_table::Cell> = vec![safe(&a).into()];
        if regional {
            row.push(safe(&r).into());
        }
        for col in &report.board {
            let v = f.finding.fields.iter().find(|x| &x.name == col).map(|x| x.value.as_str()).unwrap_or("-");
            row.push(safe(v).into());
        }
        let mut health = match f.finding.status {
            Status::Resolved => comfy_table::Cell::new("ok"),
            Status::Open => severity_cell(f.finding.severity, style),
        };
        if let Some(id) = &f.silenced_by {
            health = comfy_table::Cell::new(format!("{} (silenced {id})", health.content()));
        }
        row.push(health);
        row.push(f.change.map(|c| c.to_string()).unwrap_or_default().into());
        t.add_row(row);
    }
    t
}

fn render_table(report: &RunReport, style: Style, out: &mut dyn Write, errors_apart: bool) -> std::io::Result<()> {
    if !report.board.is_empty() && !report.findings.is_empty() {
        writeln!(out, "{}", board_table(report, style))?;
        let open: Vec<_> =
            report.findings.iter().filter(|f| f.finding.status == crate::spine::finding::Status::Open).collect();
        if !open.is_empty() {
            writeln!(out)?;
            for f in open {
                writeln!(out, "{}: {}", f.finding.severity, safe(&f.finding.title))?;
            }
        }
    } else if report.findings.is_empty() {
        writeln!(out, "{}: no findings", report.source)?;
    } else {
        let mut t = table(style, &["SEVERITY", "STATUS", "CHANGE", "ACCOUNT", "REGION", "TITLE", "KEY"]);
        for f in &report.findings {
            let (a, r) = account_region(&f.finding.account, &f.finding.region);
            let status = match &f.silenced_by {
                Some(id) => format!("{} (silenced {id})", f.finding.status),
                None => f.finding.status.to_string(),
            };
            t.add_row(vec![
                severity_cell(f.finding.severity, style),
                status.into(),
                f.change.map(|c| c.to_string()).unwrap_or_default().into(),
                safe(&a).into(),
                safe(&r).into(),
                safe(&f.finding.title).into(),
                safe(&f.finding.key).into(),
            ]);
        }
        writeln!(out, "{t}")?;
    }
    let shown: Vec<_> = report.deliveries.iter().filter(|d| d.outcome != Outcome::DryRun).collect();
    if !shown.is_empty() {
        let mut t = table(style, &["SINK", "KIND", "OUTCOME", "KEY", "DETAIL"]);
        for d in shown {
            t.add_row(vec![
                d.sink.clone(),
                d.kind.to_string(),
                if d.attempts > 1 {
                    format!("{} ({} attempts)", d.outcome.as_str(), d.attempts)
                } else {
                    d.outcome.as_str().to_string()
                },
                safe(&d.key),
                safe(d.detail.as_deref().unwrap_or_default()),
            ]);
        }
        writeln!(out, "\n{t}")?;
    }
    let dry: Vec<_> = report.deliveries.iter().filter(|d| d.outcome == Outcome::DryRun).collect();
    if !dry.is_empty() {
        writeln!(out, "\ndry run: {} message(s) would be sent, nothing was sent or saved", dry.len())?;
        for d in dry {
            writeln!(out, "\n--- {} ({} {}) ---", d.sink, d.kind, safe(&d.key))?;
            writeln!(out, "{}", safe(d.detail.as_deref().unwrap_or("")))?;
        }
    }
    if !report.skipped.is_empty() {
        writeln!(out, "\nskipped:")?;
        for e in &report.skipped {
            writeln!(out, "  {}: {}", safe(&e.target), safe(&e.message))?;
        }
    }
    // On a terminal the errors themselves are on stderr (`error:` lines, see
    // [`print_target_notes`]): a person sees each once; the table only says they are there.
    if !report.errors.is_empty() && !errors_apart {
        writeln!(out, "\nerrors:")?;
        for e in &report.errors {
            writeln!(out, "  {}: {}", safe(&e.target), safe(&e.message))?;
        }
    } else if !report.errors.is_empty() {
        let n = report.errors.len();
        let s = if n == 1 { "" } else { "s" };
        writeln!(out, "\n{n} error{s}: see the `error:` line{s} on stderr")?;
    }
    Ok(())
}

/// Write to stdout, control characters escaped when it is for people (see
/// [`set_format`]); a closed pipe (`| head`) is not an error.
pub fn emit(text: &str) {
    emit_exact(&for_stdout(text));
}

/// Write to stdout as is: for a report whose cells [`render`] already made safe (its
/// colours are escape sequences of our own).
fn emit_exact(text: &str) {
    let mut out = std::io::stdout().lock();
    if let Err(e) = out.write_all(text.as_bytes()).and_then(|_| out.flush())
        && e.kind() != std::io::ErrorKind::BrokenPipe
    {
        eprintln!("error: writing to stdout: {e}");
    }
}

/// Write what `render` produces to stdout as it comes, for data too large to hold as one
/// string (an inventory): buffered, and redacted a block of whole lines at a time (no
/// secret spans a line). A closed pipe (`| head`) ends the output quietly.
pub fn emit_with(render: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) {
    let mut w = RedactLines { inner: std::io::stdout().lock(), buf: Vec::new() };
    if let Err(e) = render(&mut w).and_then(|_| w.finish())
        && e.kind() != std::io::ErrorKind::BrokenPipe
    {
        eprintln!("error: writing to stdout: {e}");
    }
}

/// A writer that passes whole lines on through [`crate::redact::redact`].
struct RedactLines<W: Write> {
    inner: W,
    buf: Vec<u8>,
}

impl<W: Write> RedactLines<W> {
    const BLOCK: usize = 64 * 1024;

    /// Redact and pass on everything up to the last newline (or everything, at the end).
    fn pass_on(&mut self, all: bool) -> std::io::Result<()> {
        let end = if all { self.buf.len() } else { self.buf.iter().rposition(|b| *b == b'\n').map_or(0, |p| p + 1) };
        if end == 0 {
            return Ok(());
        }
        let text = crate::redact::redact(&String::from_utf8_lossy(&self.buf[..end]));
        let text = for_stdout(&text);
        self.inner.write_all(text.as_bytes())?;
        self.buf.drain(..end);
        Ok(())
    }

    fn finish(&mut self) -> std::io::Result<()> {
        self.pass_on(true)?;
        self.inner.flush()
    }
}

impl<W: Write> Write for RedactLines<W> {
    fn write(&mut self, data: &[u8]) -> std::io::Result<usize> {
        self.buf.extend_from_slice(data);
        if self.buf.len() >= Self::BLOCK {
            self.pass_on(false)?;
        }
        Ok(data.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.pass_on(false)?;
        self.inner.flush()
    }
}

/// Render a run's report to stdout (unless `quiet`) and its target errors to stderr, with
/// secrets masked. Returns what was rendered, for a heartbeat's body.
pub fn print_report(report: &RunReport, format: OutputFormat, style: Style, quiet: bool) -> String {
    let mut buf = Vec::new();
    let _ = render_with(report, format, style, &mut buf, true);
    let mut text = crate::redact::redact(&String::from_utf8_lossy(&buf));
    if !quiet {
        emit_exact(&text);
    }
    print_target_notes(&report.skipped, &report.errors);
    // What was shown, for a heartbeat's body, holds the errors as stderr showed them.
    if format == OutputFormat::Table {
        for e in &report.errors {
            text.push_str(&crate::redact::redact(&format!("error: {}: {}\n", e.target, e.message)));
        }
    }
    text
}

/// Targets left out (`note:`) and targets that failed (`error:`), on stderr, redacted.
pub fn print_target_notes(skipped: &[crate::spine::engine::TargetError], errors: &[crate::spine::engine::TargetError]) {
    for e in skipped {
        eprintln!("{}", terminal_safe(&crate::redact::redact(&format!("note: {}: {}", e.target, e.message))));
    }
    let json = LOG_JSON.load(Ordering::Relaxed);
    for e in errors {
        if json {
            log_target_error(e);
        } else {
            eprintln!("{}", terminal_safe(&crate::redact::redact(&format!("error: {}: {}", e.target, e.message))));
        }
    }
}

/// The error a run ends with (`error: …`, then `hint:` lines), already redacted: as is on
/// stderr, or as a JSON log line with `--log-format json`.
pub fn print_error(text: &str) {
    if !LOG_JSON.load(Ordering::Relaxed) {
        eprintln!("{}", terminal_safe(text));
        return;
    }
    let mut lines = text.lines();
    let first = lines.next().unwrap_or_default();
    let message = first.strip_prefix("error: ").unwrap_or(first);
    let rest: Vec<&str> = lines.collect();
    let hints: Vec<&str> = rest.iter().filter_map(|l| l.strip_prefix("hint: ")).collect();
    let detail: Vec<&str> = rest.iter().copied().filter(|l| !l.starts_with("hint: ")).collect();
    tracing::error!(
        target: "opskit::run",
        hint = hints.join("; ").as_str(),
        detail = detail.join("\n").as_str(),
        "{message}"
    );
}

/// A target's error as a JSON log line (the log writer redacts it): the account and region
/// apart, the operation and kind when known, the message's first line and its hints.
fn log_target_error(e: &crate::spine::engine::TargetError) {
    let (account, region) = match e.target.split_once(" (all ") {
        Some((a, rest)) => (a, rest.trim_end_matches(')').to_string()),
        None => match e.target.rsplit_once('/') {
            Some((a, r)) => (a, r.to_string()),
            None => (e.target.as_str(), String::new()),
        },
    };
    let mut lines = e.message.lines();
    let message = lines.next().unwrap_or_default();
    let hints: Vec<&str> = lines.filter_map(|l| l.strip_prefix("hint: ")).collect();
    let hint = hints.join("; ");
    tracing::error!(
        target: "opskit::target",
        account,
        region = region.as_str(),
        operation = e.operation.as_deref().unwrap_or_default(),
        kind = e.kind.as_deref().unwrap_or_default(),
        hint = hint.as_str(),
        "{message}"
    );
}

/// Print text to stdout at once, for the few commands that talk before they finish
/// (`demo --keep`, `sandbox`). A closed pipe is ignored.
pub fn flush_now(text: &str) {
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(for_stdout(&crate::redact::redact(text)).as_bytes()).and_then(|_| out.flush());
}

/// Times as people read them; the spine formats its details with the same function.
pub use crate::time::local_time;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn streamed_output_is_redacted_whole_lines_at_a_time() {
        crate::redact::register("s3cr3t-token-value");
        let mut w = RedactLines { inner: Vec::new(), buf: Vec::new() };
        let line = "x".repeat(1000) + " s3cr3t-";
        for _ in 0..100 {
            w.write_all(line.as_bytes()).unwrap();
            w.write_all(b"token-value\n").unwrap();
        }
        w.write_all(b"tail s3cr3t-token-value").unwrap();
        w.finish().unwrap();
        let out = String::from_utf8(w.inner).unwrap();
        assert!(!out.contains("s3cr3t-token-value"), "a secret split across writes is still masked");
        assert_eq!(out.matches("****").count(), 101);
    }

    #[test]
    fn terminal_safe_escapes_what_a_terminal_would_act_on() {
        let hostile = "vif\x1b]52;c;ZXZpbA==\x07 \x1b[2J\x1b]8;;http://x\x1b\\a\rb\x08\u{9b}31m\u{202e}txt.exe\u{2066}";
        let shown = terminal_safe(hostile);
        assert!(!shown.chars().any(is_unsafe), "{shown}");
        assert_eq!(
            shown,
            "vif\\u{1b}]52;c;ZXZpbA==\\u{7} \\u{1b}[2J\\u{1b}]8;;http://x\\u{1b}\\a\\u{d}b\\u{8}\\u{9b}31m\\u{202e}txt.exe\\u{2066}"
        );
        // Line feeds, tabs and ordinary text (CJK, emoji) are left alone, without a copy.
        assert!(matches!(terminal_safe("接続\tok\n🦀"), Cow::Borrowed(_)));
    }

    #[test]
    fn csv_quotes_commas_and_quotes() {
        assert_eq!(csv_escape("a,b"), "\"a,b\"");
        assert_eq!(csv_escape("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_escape("plain"), "plain");
    }
}
