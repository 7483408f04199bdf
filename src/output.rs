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
/// `-o wide`: tables show every column. Set once by `main`, read by [`Style::detect`].
static WIDE: AtomicBool = AtomicBool::new(false);

/// Tell the stdout writers whether the chosen `--output` is read by people (escape
/// control characters) or by programs (write it exactly).
pub fn set_format(format: OutputFormat) {
    PEOPLE_FORMAT.store(is_for_people(format), Ordering::Relaxed);
    WIDE.store(format == OutputFormat::Wide, Ordering::Relaxed);
}

/// Whether logs are JSON (`--log-format json`), set once by `main`: target errors are
/// written as JSON log lines then, like every other line on stderr.
static LOG_JSON: AtomicBool = AtomicBool::new(false);

pub fn set_log_json(on: bool) {
    LOG_JSON.store(on, Ordering::Relaxed);
}

fn is_for_people(format: OutputFormat) -> bool {
    matches!(format, OutputFormat::Table | OutputFormat::Wide | OutputFormat::Markdown)
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
    /// `-o wide`: every column, none dropped to fit the terminal.
    pub wide: bool,
}

impl Style {
    pub fn detect(no_color_flag: bool) -> Style {
        use std::io::IsTerminal;
        let tty = std::io::stdout().is_terminal();
        let no_color = no_color_flag || crate::env_vars::no_color();
        Style { tty, color: tty && !no_color, wide: WIDE.load(Ordering::Relaxed) }
    }

    /// Piped, plain: full values, no colour (for tests and for text kept as data).
    pub const PLAIN: Style = Style { tty: false, color: false, wide: false };
}

/// The terminal's width in columns: `COLUMNS` when set (as `ls` does; tests use it), else
/// what the terminal says, else 80.
fn terminal_width() -> usize {
    if let Some(n) = crate::env_vars::columns() {
        return n;
    }
    Table::new().width().map(usize::from).filter(|w| *w > 0).unwrap_or(80)
}

/// What a column holds, which decides how it gives way on a narrow terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// An identifier (an account, a VIF id, a region, a state): shown whole, never split
    /// across lines nor cut.
    Id,
    /// Free text (a title, a subject, a reason): cut to the width left, ending in `…`.
    Text,
}

/// A column of a table: its heading, what it holds, and whether it is in the default set
/// on a terminal (optional columns give way, `-o wide` keeps them).
#[derive(Debug, Clone)]
pub struct Col {
    name: String,
    kind: Kind,
    /// 0: always shown. Otherwise the column may be dropped on a narrow terminal, the
    /// highest rank first (then the rightmost); `-o wide` keeps it.
    drop: u8,
    /// Free text is not cut narrower than this while an optional column can still go.
    at_least: usize,
}

impl Col {
    /// An identifier column, always shown, never split.
    pub fn id(name: impl Into<String>) -> Col {
        Col { name: name.into(), kind: Kind::Id, drop: 0, at_least: 0 }
    }

    /// A free-text column, elided with `…` on a narrow terminal.
    pub fn text(name: impl Into<String>) -> Col {
        Col { name: name.into(), kind: Kind::Text, drop: 0, at_least: TEXT_MIN }
    }

    /// Dropped on a narrow terminal when the rest does not fit, higher ranks first.
    pub fn optional(mut self, rank: u8) -> Col {
        self.drop = rank.max(1);
        self
    }

    /// Free text that optional columns make room for down to `width` (default 12).
    pub fn at_least(mut self, width: usize) -> Col {
        self.at_least = width;
        self
    }
}

/// A table cell: its text and, on a colour terminal, its colour (never the only carrier
/// of meaning: the text says it too).
#[derive(Debug, Clone, Default)]
pub struct Cell {
    text: String,
    color: Option<comfy_table::Color>,
}

impl Cell {
    pub fn new(text: impl Into<String>) -> Cell {
        Cell { text: text.into(), color: None }
    }

    pub fn fg(mut self, color: comfy_table::Color) -> Cell {
        self.color = Some(color);
        self
    }

    pub fn content(&self) -> &str {
        &self.text
    }
}

impl From<String> for Cell {
    fn from(s: String) -> Cell {
        Cell::new(s)
    }
}

impl From<&str> for Cell {
    fn from(s: &str) -> Cell {
        Cell::new(s)
    }
}

impl From<&String> for Cell {
    fn from(s: &String) -> Cell {
        Cell::new(s.as_str())
    }
}

/// A table that fits the terminal. Piped, it is comfy-table's plain ASCII_MARKDOWN layout
/// with every default column and full values (scripts and the tests parse it). On a
/// terminal, it drops optional columns (highest rank first) until the identifiers fit the
/// width, and cuts free text to what is left with `…`: an identifier is never split across
/// lines. `-o wide` shows every column (free text is still cut to the width on a terminal).
#[derive(Debug, Clone)]
pub struct Grid {
    style: Style,
    cols: Vec<Col>,
    rows: Vec<Vec<Cell>>,
    width: Option<usize>,
    /// The widest cell of each column among rows measured but not kept ([`Grid::measure`]).
    measured: Vec<usize>,
}

/// Free text is not cut narrower than this by default while an optional column can still go.
const TEXT_MIN: usize = 12;

/// `s` on one line, cut to `w` columns with `…` at the end when it is longer.
fn elide(s: &str, w: usize) -> String {
    use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};
    let s = s.replace(['\n', '\r'], " ");
    if s.width() <= w {
        return s;
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let cw = c.width().unwrap_or(0);
        if used + cw + 1 > w {
            break;
        }
        used += cw;
        out.push(c);
    }
    out.push('…');
    out
}

/// A line of prose printed with a table (`critical: <title>` under a board): on a
/// terminal cut with `…` to its width like a table's free text, since a wrapped line
/// breaks the table's shape; piped, whole.
fn prose(style: Style, line: &str) -> String {
    if style.tty { elide(line, terminal_width()) } else { line.to_string() }
}

/// The display width of a cell (its widest line).
fn cell_width(s: &str) -> usize {
    use unicode_width::UnicodeWidthStr;
    s.lines().map(UnicodeWidthStr::width).max().unwrap_or(0)
}

impl Grid {
    pub fn new(style: Style, cols: Vec<Col>) -> Grid {
        let measured = vec![0; cols.len()];
        Grid { style, cols, rows: Vec::new(), width: None, measured }
    }

    /// Fit to this width instead of the terminal's (for callers that know better: tests).
    pub fn with_width(mut self, width: usize) -> Grid {
        self.width = Some(width);
        self
    }

    pub fn add_row<C: Into<Cell>>(&mut self, row: impl IntoIterator<Item = C>) -> &mut Grid {
        self.rows.push(row.into_iter().map(Into::into).collect());
        self
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Count a row toward the layout without keeping it: a table too long to hold is
    /// measured in a first pass over its rows, then written a row at a time ([`Grid::stream`]).
    pub fn measure<S: AsRef<str>>(&mut self, row: &[S]) {
        for (m, cell) in self.measured.iter_mut().zip(row) {
            *m = (*m).max(cell_width(cell.as_ref()));
        }
    }

    /// The widest cell of each column (its heading included), kept rows and measured ones.
    fn natural(&self) -> Vec<usize> {
        (0..self.cols.len())
            .map(|i| {
                let cells = self.rows.iter().filter_map(|r| r.get(i)).map(|c| cell_width(&c.text));
                cells.chain([cell_width(&self.cols[i].name), self.measured[i]]).max().unwrap_or(0)
            })
            .collect()
    }

    /// The indices of the columns shown, and on a terminal the width of each text column.
    fn layout(&self) -> (Vec<usize>, Vec<Option<usize>>) {
        let mut shown: Vec<usize> = (0..self.cols.len()).collect();
        let natural = self.natural();
        if !self.style.tty {
            return (shown, vec![None; self.cols.len()]);
        }
        let width = self.width.unwrap_or_else(terminal_width);
        // UTF8_FULL_CONDENSED: `│ a │ b │` is each column's width plus 3, plus 1.
        let frame = |n: usize| 3 * n + 1;
        let need = |shown: &[usize]| {
            shown
                .iter()
                .map(|&i| match self.cols[i].kind {
                    Kind::Id => natural[i],
                    Kind::Text => natural[i].min(self.cols[i].at_least),
                })
                .sum::<usize>()
                + frame(shown.len())
        };
        while !self.style.wide && need(&shown) > width {
            // The optional column of the highest rank, the rightmost of them, goes first.
            let Some(pos) = (0..shown.len())
                .filter(|&p| self.cols[shown[p]].drop > 0)
                .max_by_key(|&p| (self.cols[shown[p]].drop, p))
            else {
                break;
            };
            shown.remove(pos);
        }
        // What the identifiers leave is shared among the text columns: each gets what it
        // needs up to an equal share, what a short one leaves goes to the others.
        let fixed: usize = shown.iter().filter(|&&i| self.cols[i].kind == Kind::Id).map(|&i| natural[i]).sum();
        let mut left = width.saturating_sub(fixed + frame(shown.len()));
        let mut texts: Vec<usize> = shown.iter().copied().filter(|&i| self.cols[i].kind == Kind::Text).collect();
        texts.sort_by_key(|&i| natural[i]);
        let mut widths = vec![None; self.cols.len()];
        let mut n = texts.len();
        for i in texts {
            let share = left / n.max(1);
            // Never narrower than the heading nor than a few characters and the `…`.
            let w = natural[i].min(share).max(cell_width(&self.cols[i].name).min(natural[i])).max(natural[i].min(4));
            widths[i] = Some(w);
            left = left.saturating_sub(w);
            n -= 1;
        }
        (shown, widths)
    }

    /// An empty comfy-table in this grid's style.
    fn frame(&self) -> Table {
        let mut t = Table::new();
        // Laid out here: comfy-table neither wraps nor splits a cell.
        t.set_content_arrangement(ContentArrangement::Disabled);
        if self.style.color {
            t.enforce_styling();
        }
        if self.style.tty {
            t.load_style(presets::UTF8_FULL_CONDENSED);
        } else {
            t.load_style(presets::ASCII_MARKDOWN);
        }
        t
    }

    fn build(&self) -> Table {
        let (shown, widths) = self.layout();
        let mut t = self.frame();
        t.set_header(shown.iter().map(|&i| self.cols[i].name.clone()));
        for row in &self.rows {
            t.add_row(shown.iter().map(|&i| {
                let cell = row.get(i).cloned().unwrap_or_default();
                let text = match widths[i] {
                    Some(w) => elide(&cell.text, w),
                    None => cell.text,
                };
                let out = comfy_table::Cell::new(text);
                match cell.color {
                    Some(c) if self.style.color => out.fg(c),
                    _ => out,
                }
            }));
        }
        t
    }

    /// Write the heading of a table laid out for every row measured ([`Grid::measure`]) and
    /// kept; the rows then follow one at a time through [`GridRows::row`], looking as they
    /// would in the whole table (no colours: a streamed cell is plain text).
    pub fn stream<'w>(&self, out: &'w mut dyn Write) -> std::io::Result<GridRows<'w>> {
        let (shown, cut) = self.layout();
        let natural = self.natural();
        let widths: Vec<usize> = shown.iter().map(|&i| cut[i].unwrap_or(natural[i])).collect();
        let grid = Grid::new(self.style, self.cols.clone());
        let rows = GridRows { out, grid, shown, widths, cut, head: 0, tail: Vec::new() };
        // The table's frame, from comfy-table itself: what comes before the first row (top
        // border, heading, its rule) and after the last (bottom border), found by rendering
        // it with one blank row and with two.
        let one = rows.lines(&[&[][..]]);
        let two = rows.lines(&[&[][..], &[][..]]);
        let head = one.iter().zip(&two).take_while(|(a, b)| a == b).count().saturating_sub(1);
        let rows = GridRows { head, tail: one[(head + 1).min(one.len())..].to_vec(), ..rows };
        for line in &one[..head] {
            writeln!(rows.out, "{line}")?;
        }
        Ok(rows)
    }
}

/// The rows of a streamed table ([`Grid::stream`]), written as they come.
pub struct GridRows<'w> {
    out: &'w mut dyn Write,
    /// Its columns and style (no rows kept: each row is laid out alone, padded to `widths`).
    grid: Grid,
    shown: Vec<usize>,
    /// The width of each shown column.
    widths: Vec<usize>,
    /// On a terminal, the width a text column is cut to (by column index).
    cut: Vec<Option<usize>>,
    /// Lines of the frame before the first row.
    head: usize,
    /// Lines of the frame after the last row.
    tail: Vec<String>,
}

impl GridRows<'_> {
    /// The table of these rows, each cell padded to its column's width so that comfy-table
    /// lays it out as the whole table would, as lines.
    fn lines(&self, rows: &[&[String]]) -> Vec<String> {
        let pad = |text: &str, w: usize| -> String {
            use unicode_width::UnicodeWidthStr;
            let lines: Vec<String> =
                text.split('\n').map(|l| format!("{l}{}", " ".repeat(w.saturating_sub(l.width())))).collect();
            lines.join("\n")
        };
        let mut t = self.grid.frame();
        t.set_header(self.shown.iter().zip(&self.widths).map(|(&i, &w)| pad(&self.grid.cols[i].name, w)));
        for row in rows {
            t.add_row(self.shown.iter().zip(&self.widths).map(|(&i, &w)| {
                let text = row.get(i).map(String::as_str).unwrap_or_default();
                match self.cut[i] {
                    Some(c) => pad(&elide(text, c), w),
                    None => pad(text, w),
                }
            }));
        }
        t.to_string().lines().map(str::to_string).collect()
    }

    /// Write one row.
    pub fn row(&mut self, row: &[String]) -> std::io::Result<()> {
        let lines = self.lines(&[row]);
        for line in &lines[self.head..lines.len() - self.tail.len()] {
            writeln!(self.out, "{line}")?;
        }
        Ok(())
    }

    /// Write what closes the table.
    pub fn finish(self) -> std::io::Result<()> {
        for line in &self.tail {
            writeln!(self.out, "{line}")?;
        }
        Ok(())
    }
}

impl std::fmt::Display for Grid {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.build().fmt(f)
    }
}

/// A table with these columns, laid out for `style` (see [`Grid`]).
pub fn table(style: Style, cols: Vec<Col>) -> Grid {
    Grid::new(style, cols)
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
        OutputFormat::Table | OutputFormat::Wide => render_table(report, style, out, errors_apart),
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

/// A severity or health cell, coloured on a colour terminal: red critical, yellow warning,
/// green when resolved (a resolved row is never red, whatever its last severity).
fn severity_cell(sev: crate::spine::finding::Severity, status: crate::spine::finding::Status) -> Cell {
    use crate::spine::finding::{Severity, Status};
    let cell = Cell::new(sev.to_string());
    match (status, sev) {
        (Status::Resolved, _) => cell.fg(comfy_table::Color::Green),
        (Status::Open, Severity::Critical) => cell.fg(comfy_table::Color::Red),
        (Status::Open, Severity::Warning) => cell.fg(comfy_table::Color::Yellow),
        (Status::Open, Severity::Info) => cell,
    }
}

/// A status board's column for a finding field: its kind, and how soon it gives way on a
/// narrow terminal. The default set on a terminal is what fits of these, in this order;
/// `-o wide` keeps them all. A field not named here is an identifier that stays.
fn board_col(field: &str) -> Col {
    let heading = field.to_uppercase();
    match field {
        // Free text, cut with `…` to the width left.
        "subject" | "check" | "top resources" | "destination" => Col::text(heading),
        // A VIF's name: the id beside it says which one it is, so on a narrow terminal
        // it goes last of all optional columns.
        "name" => Col::text(heading).optional(1),
        // Detail that a narrow terminal drops first (highest rank first). Region (3) and
        // change (2) go after these.
        "device" => Col::id(heading).optional(8),
        "location" => Col::id(heading).optional(7),
        "vlan" | "attachments" | "pruned" => Col::id(heading).optional(6),
        "type" | "read" | "written" | "last reply by" => Col::id(heading).optional(5),
        "pillar" | "severity" | "pages" => Col::id(heading).optional(4),
        // Trusted Advisor's own words for what HEALTH says too.
        "check status" => Col::id(heading).optional(3),
        _ => Col::id(heading),
    }
}

/// The account as people know it: the `account name` field a producer adds (the config
/// name, `acme-prod`), else the id. JSON and CSV keep the id.
fn account_shown(f: &crate::spine::finding::Finding) -> String {
    match f.fields.iter().find(|x| x.name == "account name" && !x.value.is_empty()) {
        Some(name) => name.value.clone(),
        None => f.account.clone().unwrap_or_else(|| "-".into()),
    }
}

/// The status board: every finding's chosen fields, with its health (`ok` when resolved).
fn board_table(report: &RunReport, style: Style) -> Grid {
    use crate::spine::finding::Status;
    // Global services (Trusted Advisor) have no region: no empty column for them.
    let regional = report.findings.iter().any(|f| f.finding.region.is_some());
    let mut cols = vec![Col::id("ACCOUNT")];
    if regional {
        cols.push(Col::id("REGION").optional(3));
    }
    cols.extend(report.judging.board.iter().map(|c| board_col(c)));
    // HEALTH leads with the severity; a silence's id after it may be cut on a narrow terminal.
    cols.extend([Col::text("HEALTH"), Col::id("CHANGE").optional(2)]);
    let mut t = table(style, cols);
    for f in &report.findings {
        let r = f.finding.region.clone().unwrap_or_else(|| "-".into());
        let mut row: Vec<Cell> = vec![safe(&account_shown(&f.finding)).into()];
        if regional {
            row.push(safe(&r).into());
        }
        for col in &report.judging.board {
            let v = f.finding.fields.iter().find(|x| &x.name == col).map(|x| x.value.as_str()).unwrap_or("-");
            row.push(safe(v).into());
        }
        let mut health = match f.finding.status {
            Status::Resolved => Cell::new("ok").fg(comfy_table::Color::Green),
            Status::Open => severity_cell(f.finding.severity, f.finding.status),
        };
        if let Some(id) = &f.silenced_by {
            // Silenced: not coloured as an alarm, it is known.
            health = Cell::new(format!("{} (silenced {id})", health.content()));
        }
        row.push(health);
        row.push(f.change.map(|c| c.to_string()).unwrap_or_default().into());
        t.add_row(row);
    }
    t
}

fn render_table(report: &RunReport, style: Style, out: &mut dyn Write, errors_apart: bool) -> std::io::Result<()> {
    if !report.judging.board.is_empty() && !report.findings.is_empty() {
        writeln!(out, "{}", board_table(report, style))?;
        let open: Vec<_> =
            report.findings.iter().filter(|f| f.finding.status == crate::spine::finding::Status::Open).collect();
        if !open.is_empty() {
            writeln!(out)?;
            for f in open {
                writeln!(out, "{}", prose(style, &format!("{}: {}", f.finding.severity, safe(&f.finding.title))))?;
            }
        }
    } else if report.findings.is_empty() {
        writeln!(out, "{}: no findings", report.source)?;
    } else {
        let mut t = table(
            style,
            vec![
                Col::id("SEVERITY"),
                Col::id("STATUS"),
                Col::id("CHANGE").optional(2),
                Col::id("ACCOUNT"),
                Col::id("REGION").optional(1),
                Col::text("TITLE").at_least(24),
                Col::id("KEY").optional(3),
            ],
        );
        for f in &report.findings {
            let (_, r) = account_region(&f.finding.account, &f.finding.region);
            let a = account_shown(&f.finding);
            let status = match &f.silenced_by {
                Some(id) => format!("{} (silenced {id})", f.finding.status),
                None => f.finding.status.to_string(),
            };
            t.add_row(vec![
                severity_cell(f.finding.severity, f.finding.status),
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
        let mut t = table(
            style,
            vec![Col::id("SINK"), Col::id("KIND"), Col::id("OUTCOME"), Col::id("KEY").optional(1), Col::text("DETAIL")],
        );
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
    if !report.responses.is_empty() {
        writeln!(out, "\nscenarios:")?;
        for e in &report.responses {
            let steps: Vec<String> =
                e.steps.iter().map(|st| format!("{} {}", safe(&st.name), st.outcome.as_str())).collect();
            let line =
                format!("  {}/{}  {}  [{}]", safe(&e.source), safe(&e.key), safe(&e.headline()), steps.join(", "));
            writeln!(out, "{}", prose(style, &line))?;
        }
    }
    let dry: Vec<_> = report.deliveries.iter().filter(|d| d.outcome == Outcome::DryRun).collect();
    if !dry.is_empty() {
        writeln!(out, "\ndry run: {} message(s) would be sent, nothing was sent or saved", dry.len())?;
        for d in dry {
            writeln!(out, "\n--- {} ({} {}) ---", d.sink, d.kind, safe(&d.key))?;
            writeln!(out, "{}", safe(d.detail.as_deref().unwrap_or("")))?;
        }
    }
    // Printed apart, the targets left out are `note:` lines on stderr (see
    // [`print_target_notes`]), not data: stdout is what a pipe reads.
    if !report.skipped.is_empty() && !errors_apart {
        writeln!(out, "\nskipped:")?;
        for e in &report.skipped {
            writeln!(out, "{}", prose(style, &format!("  {}: {}", safe(&e.target), safe(&e.message))))?;
        }
    }
    // On a terminal the errors themselves are on stderr (`error:` lines, see
    // [`print_target_notes`]): a person sees each once; the table only says they are there.
    if !report.errors.is_empty() && !errors_apart {
        writeln!(out, "\nerrors:")?;
        for e in &report.errors {
            writeln!(out, "{}", prose(style, &format!("  {}: {}", safe(&e.target), safe(&e.message))))?;
        }
    } else if !report.errors.is_empty() {
        let n = report.errors.len();
        let s = if n == 1 { "" } else { "s" };
        writeln!(out, "\n{n} error{s}: see the `error:` line{s} on stderr")?;
    }
    Ok(())
}

/// The rows of a listing (`ta show`, `support cases`, `mail parse`) as one JSON array for
/// `-o json`, or one object a line for `-o jsonl`.
pub fn json_rows(items: &[serde_json::Value], format: OutputFormat) -> serde_json::Result<String> {
    if format == OutputFormat::Json {
        Ok(serde_json::to_string_pretty(items)? + "\n")
    } else {
        Ok(items.iter().map(|i| i.to_string() + "\n").collect())
    }
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
    // What was shown, for a heartbeat's body, holds the notes and errors as stderr showed them.
    if format == OutputFormat::Table {
        for e in &report.skipped {
            text.push_str(&crate::redact::redact(&format!("note: {}: {}\n", e.target, e.message)));
        }
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

    fn grid(style: Style) -> Grid {
        let mut g =
            Grid::new(style, vec![Col::id("ACCOUNT"), Col::id("ID"), Col::id("VLAN").optional(1), Col::text("TITLE")])
                .with_width(40);
        g.add_row(["acme-prod", "dxvif-fgtr1234", "4094", "BGP peer ipv6 2001:db8::2 is down since noon"]);
        g
    }

    #[test]
    fn a_terminal_table_drops_optional_columns_and_cuts_text_but_never_an_id() {
        let tty = Style { tty: true, color: false, wide: false };
        let out = grid(tty).to_string();
        for l in out.lines() {
            assert!(unicode_width::UnicodeWidthStr::width(l) <= 40, "{l}\n{out}");
        }
        assert!(out.contains("acme-prod") && out.contains("dxvif-fgtr1234") && !out.contains("VLAN"), "{out}");
        assert!(out.contains("BGP…") || out.contains('…'), "{out}");
        // -o wide keeps every column; piped keeps every value.
        assert!(grid(Style { wide: true, ..tty }).to_string().contains("4094"));
        let piped = grid(Style::PLAIN).to_string();
        assert!(piped.contains("4094") && piped.contains("is down since noon") && piped.starts_with("| ACCOUNT"));
    }

    #[test]
    fn a_streamed_table_looks_like_the_whole_table() {
        let rows: Vec<Vec<String>> = [
            ["acme-prod", "dxvif-fgtr1234", "4094", "BGP peer ipv6 2001:db8::2 is down since noon"],
            ["b", "dxvif-1", "", "two\nlines"],
            ["接続-account", "dxvif-22", "7", ""],
        ]
        .iter()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect();
        let cols = || vec![Col::id("ACCOUNT"), Col::id("ID"), Col::id("VLAN").optional(1), Col::text("TITLE")];
        let tty = Style { tty: true, color: false, wide: false };
        for (style, width) in [(Style::PLAIN, 40), (tty, 40), (tty, 200), (Style { wide: true, ..tty }, 40)] {
            let mut whole = Grid::new(style, cols()).with_width(width);
            let mut measured = Grid::new(style, cols()).with_width(width);
            for r in &rows {
                whole.add_row(r);
                measured.measure(r);
            }
            let mut out = Vec::new();
            let mut streamed = measured.stream(&mut out).unwrap();
            for r in &rows {
                streamed.row(r).unwrap();
            }
            streamed.finish().unwrap();
            assert_eq!(String::from_utf8(out).unwrap(), format!("{whole}\n"), "{style:?} {width}");
            // No rows: the heading alone, as the whole table shows it.
            let mut out = Vec::new();
            Grid::new(style, cols()).with_width(width).stream(&mut out).unwrap().finish().unwrap();
            assert_eq!(String::from_utf8(out).unwrap(), format!("{}\n", Grid::new(style, cols()).with_width(width)));
        }
    }

    #[test]
    fn elide_cuts_to_the_width_with_an_ellipsis() {
        assert_eq!(elide("short", 10), "short");
        assert_eq!(elide("a long line of text", 8), "a long …");
        assert_eq!(elide("two\nlines", 20), "two lines");
        assert_eq!(elide("接続接続接続", 7), "接続接…");
    }

    #[test]
    fn csv_quotes_commas_and_quotes() {
        assert_eq!(csv_escape("a,b"), "\"a,b\"");
        assert_eq!(csv_escape("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_escape("plain"), "plain");
    }
}
