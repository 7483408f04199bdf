//! Message templates: the minijinja environment that turns a [`Message`] into the texts
//! the sinks send (Slack mrkdwn, PagerDuty summary, SNS subject and body, Backlog issue
//! and comment, the stdout line).
//!
//! The defaults live in `output-templates/` and are embedded at build time; a user's
//! templates directory replaces them file by file. Length limits that a vendor enforces
//! are applied after rendering ([`truncate_chars`], [`sns_subject`]), so an overridden
//! template cannot produce a request the vendor refuses for its length.

use crate::spine::deliver::{Message, SinkError};
use crate::spine::finding::{Finding, Link, Severity, Status, TransitionKind};
use anyhow::Context as _;
use minijinja::{AutoEscape, Environment, UndefinedBehavior, value::Serde, value::Value};
use serde::Serialize;
use std::path::Path;

pub const SLACK: &str = "slack.md.j2";
pub const PAGERDUTY_SUMMARY: &str = "pagerduty_summary.txt.j2";
pub const SNS_SUBJECT: &str = "sns_subject.txt.j2";
pub const SNS_BODY: &str = "sns_body.txt.j2";
pub const BACKLOG_ISSUE_SUMMARY: &str = "backlog_issue_summary.txt.j2";
pub const BACKLOG_ISSUE_DESCRIPTION: &str = "backlog_issue_description.md.j2";
pub const BACKLOG_COMMENT: &str = "backlog_comment.md.j2";
/// The description and comment for projects whose `textFormattingRule` is `backlog`.
pub const BACKLOG_ISSUE_DESCRIPTION_NOTATION: &str = "backlog_issue_description.backlog.j2";
pub const BACKLOG_COMMENT_NOTATION: &str = "backlog_comment.backlog.j2";
pub const STDOUT: &str = "stdout.txt.j2";

/// Every template opskit knows, with its embedded default.
pub const DEFAULTS: &[(&str, &str)] = &[
    (SLACK, include_str!("../../../../output-templates/slack.md.j2")),
    (PAGERDUTY_SUMMARY, include_str!("../../../../output-templates/pagerduty_summary.txt.j2")),
    (SNS_SUBJECT, include_str!("../../../../output-templates/sns_subject.txt.j2")),
    (SNS_BODY, include_str!("../../../../output-templates/sns_body.txt.j2")),
    (BACKLOG_ISSUE_SUMMARY, include_str!("../../../../output-templates/backlog_issue_summary.txt.j2")),
    (BACKLOG_ISSUE_DESCRIPTION, include_str!("../../../../output-templates/backlog_issue_description.md.j2")),
    (BACKLOG_COMMENT, include_str!("../../../../output-templates/backlog_comment.md.j2")),
    (
        BACKLOG_ISSUE_DESCRIPTION_NOTATION,
        include_str!("../../../../output-templates/backlog_issue_description.backlog.j2"),
    ),
    (BACKLOG_COMMENT_NOTATION, include_str!("../../../../output-templates/backlog_comment.backlog.j2")),
    (STDOUT, include_str!("../../../../output-templates/stdout.txt.j2")),
];

/// The loaded templates. Cheap to share behind an `Arc`; rendering does not mutate.
pub struct Templates {
    env: Environment<'static>,
}

impl std::fmt::Debug for Templates {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Templates").finish_non_exhaustive()
    }
}

impl Templates {
    /// The defaults from `output-templates/`.
    pub fn embedded() -> Templates {
        let mut env = new_env();
        for (name, source) in DEFAULTS {
            // A syntax error here is a bug in the repository, caught by the tests.
            env.add_template_owned(*name, *source)
                .unwrap_or_else(|e| panic!("embedded template {name} does not compile: {e}"));
        }
        Templates { env }
    }

    /// The defaults, with every file in `dir` replacing the default of the same name.
    /// Hidden files and a README (people copy `output-templates/` whole) are ignored; any
    /// other unknown name is an error, because a misspelt override that silently does
    /// nothing is worse than a refusal.
    pub fn with_overrides(dir: &Path) -> anyhow::Result<Templates> {
        let mut templates = Templates::embedded();
        let entries =
            std::fs::read_dir(dir).with_context(|| format!("reading templates directory {}", dir.display()))?;
        let mut paths = Vec::new();
        for entry in entries {
            let entry = entry.with_context(|| format!("reading templates directory {}", dir.display()))?;
            paths.push(entry.path());
        }
        paths.sort();
        for path in paths {
            let Some(name) = path.file_name().and_then(|n| n.to_str()).map(str::to_owned) else {
                anyhow::bail!("template file name {} is not UTF-8", path.display());
            };
            if name.starts_with('.') || name.starts_with("README") || path.is_dir() {
                continue;
            }
            if !DEFAULTS.iter().any(|(known, _)| *known == name) {
                let known: Vec<&str> = DEFAULTS.iter().map(|(n, _)| *n).collect();
                anyhow::bail!("unknown template {}\nhint: known templates are {}", path.display(), known.join(", "));
            }
            let source =
                std::fs::read_to_string(&path).with_context(|| format!("reading template {}", path.display()))?;
            templates
                .env
                .add_template_owned(name, source)
                .map_err(|e| anyhow::anyhow!("template {}: {e}", path.display()))?;
        }
        Ok(templates)
    }

    /// Render template `name` for `msg`. A render error is permanent: the same message
    /// renders the same way next time.
    pub fn render(&self, name: &str, msg: &Message) -> Result<String, SinkError> {
        let tmpl = self
            .env
            .get_template(name)
            .map_err(|e| SinkError::Permanent { message: format!("template {name}: {e}") })?;
        tmpl.render(Value::from(Serde(context(msg))))
            .map_err(|e| SinkError::Permanent { message: format!("rendering template {name}: {e}") })
    }
}

pub fn new_env() -> Environment<'static> {
    let mut env = Environment::new();
    // Block tags on their own lines should not leave blank lines behind.
    env.set_syntax(
        minijinja::syntax::SyntaxConfig::builder()
            .trim_blocks(true)
            .lstrip_blocks(true)
            .build()
            .expect("static syntax config"),
    );
    // None of the outputs is HTML; escaping is per target (`mrkdwn`, `cell`).
    env.set_auto_escape_callback(|_| AutoEscape::None);
    // `previous.title` on a New message must render empty, not fail the delivery.
    env.set_undefined_behavior(UndefinedBehavior::Chainable);
    env.add_filter("mrkdwn", |s: String| mrkdwn_escape(&s));
    env.add_filter("cell", |s: String| table_cell(&s));
    env.add_filter("bcell", |s: String| backlog_cell(&s));
    env.add_filter("bnote", |s: String| backlog_text(&s));
    env
}

/// Slack mrkdwn treats `&`, `<` and `>` as control characters.
pub fn mrkdwn_escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// A value inside one Markdown table cell: no line breaks, no bare pipes.
pub fn table_cell(s: &str) -> String {
    s.replace('\r', "").replace('\n', " ").replace('|', "\\|").trim().to_string()
}

/// One Backlog-notation table cell: no line breaks; `|` (the cell separator) escaped, and a
/// leading `~` or `>` (row header, merge) too, so a value never changes the table's shape.
pub fn backlog_cell(s: &str) -> String {
    let s = table_cell(s);
    match s.chars().next() {
        Some('~' | '>') => format!("\\{s}"),
        _ => s,
    }
}

/// Text from outside (a finding's title, summary, resources) in a Backlog-notation page,
/// outside a table: shown as written, never as markup. Backlog's escape is a backslash before
/// the special character. Escaped: what opens markup inline (`''` bold and `'''` italic, `%%`
/// strike, `[[` and `]]` of a link, `{` of `{code}`/`{quote}`, `&br;`, `&color(`), a `'` at either end
/// (a template may wrap the text in `''`), and at the start of a line what makes the line a
/// heading, list, table, quote or macro (`*`, `-`, `+`, `|`, `>`, `~`, `#`).
pub fn backlog_text(s: &str) -> String {
    let s = s.replace('\r', "");
    let mut out = String::with_capacity(s.len() + 8);
    for (n, line) in s.split('\n').enumerate() {
        if n > 0 {
            out.push('\n');
        }
        let chars: Vec<char> = line.chars().collect();
        let last = chars.len().saturating_sub(1);
        // Leading blanks do not stop Backlog reading a line's marker.
        let lead = chars.iter().position(|c| !c.is_whitespace());
        for (i, &c) in chars.iter().enumerate() {
            let prev = i.checked_sub(1).map(|p| chars[p]);
            let rest: String = chars[i..].iter().take(7).collect();
            let escape = match c {
                _ if Some(i) == lead && matches!(c, '*' | '-' | '+' | '|' | '>' | '~' | '#') => true,
                '\'' => prev == Some('\'') || (n == 0 && i == 0) || i == last,
                '%' | '[' | ']' => prev == Some(c),
                '{' => true,
                '&' => rest.starts_with("&br;") || rest.starts_with("&color("),
                _ => false,
            };
            if escape {
                out.push('\\');
            }
            out.push(c);
        }
    }
    out
}

pub use crate::text::{one_line, truncate_chars};

/// An SNS subject: printable ASCII only (SNS refuses others and control characters),
/// at most 100 characters, never empty.
pub fn sns_subject(s: &str) -> String {
    let ascii: String = one_line(s).chars().map(|c| if c.is_ascii_graphic() || c == ' ' { c } else { '?' }).collect();
    let ascii = ascii.trim();
    let out = if ascii.len() > 100 { format!("{}...", ascii[..97].trim_end()) } else { ascii.to_string() };
    if out.is_empty() { "opskit notification".to_string() } else { out }
}

/// The word people read for a severity; never colour alone.
pub fn severity_word(s: Severity) -> &'static str {
    match s {
        Severity::Info => "INFO",
        Severity::Warning => "WARNING",
        Severity::Critical => "CRITICAL",
    }
}

/// The emoji shown next to the severity word (Slack renders Unicode emoji as-is).
pub fn severity_emoji(kind: TransitionKind, s: Severity) -> &'static str {
    if kind == TransitionKind::Resolved {
        return "✅";
    }
    match s {
        Severity::Info => "ℹ️",
        Severity::Warning => "⚠️",
        Severity::Critical => "🔴",
    }
}

/// `RESOLVED: title`, `CRITICAL (changed): title`, prefixed `[TEST]` for test messages.
pub fn headline(msg: &Message) -> String {
    let f = &msg.finding;
    let word = severity_word(f.severity);
    let head = match msg.kind {
        TransitionKind::Resolved => format!("RESOLVED: {}", f.title),
        TransitionKind::New => format!("{word}: {}", f.title),
        TransitionKind::Changed => format!("{word} (changed): {}", f.title),
        TransitionKind::Reopened => format!("{word} (reopened): {}", f.title),
    };
    if msg.test { format!("[TEST] {head}") } else { head }
}

/// `msg.since` in the message's time zone, e.g. `2025-01-31 09:00 JST`. An unknown time
/// zone falls back to UTC rather than failing a delivery.
pub fn format_since(msg: &Message) -> String {
    let tz = jiff::tz::TimeZone::get(&msg.timezone).unwrap_or(jiff::tz::TimeZone::UTC);
    msg.since.to_zoned(tz).strftime("%Y-%m-%d %H:%M %Z").to_string()
}

/// The first link that looks like a cloud console page.
pub fn console_link(f: &Finding) -> Option<&Link> {
    f.links.iter().find(|l| l.text.to_ascii_lowercase().contains("console") || l.href.contains("console."))
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct OldNew {
    pub old: String,
    pub new: String,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct FieldChange {
    pub name: String,
    /// `None` when the field is new.
    pub old: Option<String>,
    /// `None` when the field went away.
    pub new: Option<String>,
}

/// What differs between the previous and the current finding.
#[derive(Debug, Clone, Serialize, Default, PartialEq, Eq)]
pub struct Changes {
    pub severity: Option<OldNew>,
    pub title: Option<OldNew>,
    pub summary: Option<OldNew>,
    pub fields: Vec<FieldChange>,
    pub added_resources: Vec<String>,
    pub removed_resources: Vec<String>,
    pub empty: bool,
}

pub fn changes(previous: &Finding, current: &Finding) -> Changes {
    let old_new = |a: &str, b: &str| (a != b).then(|| OldNew { old: a.to_string(), new: b.to_string() });
    let mut c = Changes {
        severity: old_new(previous.severity.as_str(), current.severity.as_str()),
        title: old_new(&previous.title, &current.title),
        summary: old_new(&previous.summary, &current.summary),
        ..Changes::default()
    };
    // Fields in the current order, then the ones that went away. Names are compared by
    // their first occurrence; producers use unique names in practice.
    for f in &current.fields {
        if c.fields.iter().any(|x| x.name == f.name) {
            continue;
        }
        let old = previous.fields.iter().find(|p| p.name == f.name);
        if old.map(|o| &o.value) != Some(&f.value) {
            c.fields.push(FieldChange {
                name: f.name.clone(),
                old: old.map(|o| o.value.clone()),
                new: Some(f.value.clone()),
            });
        }
    }
    for p in &previous.fields {
        if !current.fields.iter().any(|f| f.name == p.name) && !c.fields.iter().any(|x| x.name == p.name) {
            c.fields.push(FieldChange { name: p.name.clone(), old: Some(p.value.clone()), new: None });
        }
    }
    c.added_resources = current.resources.iter().filter(|r| !previous.resources.contains(r)).cloned().collect();
    c.removed_resources = previous.resources.iter().filter(|r| !current.resources.contains(r)).cloned().collect();
    c.empty = c.severity.is_none()
        && c.title.is_none()
        && c.summary.is_none()
        && c.fields.is_empty()
        && c.added_resources.is_empty()
        && c.removed_resources.is_empty();
    c
}

/// What a template sees, documented for users in `output-templates/README.md`. Keep the
/// names stable: users' overrides depend on them.
#[derive(Debug, Serialize)]
pub struct TemplateContext<'a> {
    /// `new`, `changed`, `resolved` or `reopened`.
    pub kind: TransitionKind,
    pub test: bool,
    pub finding: &'a Finding,
    pub previous: Option<&'a Finding>,
    /// Present whenever `previous` is.
    pub changes: Option<Changes>,
    pub external_ref: Option<&'a str>,
    /// `since` in `timezone`, for people.
    pub since: String,
    /// `since` as RFC 3339 UTC, for machines.
    pub since_iso: String,
    pub timezone: &'a str,
    pub console: Option<&'a Link>,
    pub severity_word: &'static str,
    pub severity_emoji: &'static str,
    pub headline: String,
    pub resolved: bool,
}

pub fn context(msg: &Message) -> TemplateContext<'_> {
    TemplateContext {
        kind: msg.kind,
        test: msg.test,
        finding: &msg.finding,
        previous: msg.previous.as_ref(),
        changes: msg.previous.as_ref().map(|p| changes(p, &msg.finding)),
        external_ref: msg.external_ref.as_deref(),
        since: format_since(msg),
        since_iso: msg.since.to_string(),
        timezone: &msg.timezone,
        console: console_link(&msg.finding),
        severity_word: severity_word(msg.finding.severity),
        severity_emoji: severity_emoji(msg.kind, msg.finding.severity),
        headline: headline(msg),
        resolved: msg.kind == TransitionKind::Resolved || msg.finding.status == Status::Resolved,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backlog_text_neutralises_notation_and_keeps_plain_text() {
        assert_eq!(backlog_text("''x'' [[y]]"), "\\'\\'x'\\' [\\[y]\\]");
        assert_eq!(backlog_text("{code}rm{/code} a&br;b &amp"), "\\{code}rm\\{/code} a\\&br;b &amp");
        assert_eq!(
            backlog_text("* not a heading\n- nor a list\n  | nor a row"),
            "\\* not a heading\n\\- nor a list\n  \\| nor a row"
        );
        assert_eq!(backlog_text("%%gone%% 50% it's db-1 - up"), "%\\%gone%\\% 50% it's db-1 - up");
        assert_eq!(backlog_text("it ends in a quote'"), "it ends in a quote\\'");
    }
    use crate::sinks::test_support::{changed_message, message, sample_finding};

    #[test]
    fn every_embedded_template_renders_every_kind() {
        let t = Templates::embedded();
        for kind in [TransitionKind::New, TransitionKind::Changed, TransitionKind::Resolved, TransitionKind::Reopened] {
            let msg = if kind == TransitionKind::Changed { changed_message() } else { message(kind, sample_finding()) };
            for (name, _) in DEFAULTS {
                let out = t.render(name, &msg).unwrap();
                assert!(!out.trim().is_empty(), "{name} rendered empty for {kind}");
            }
        }
    }

    #[test]
    fn resolved_message_says_resolved_and_test_message_says_test() {
        let t = Templates::embedded();
        let mut msg = message(TransitionKind::Resolved, sample_finding());
        for name in [SLACK, PAGERDUTY_SUMMARY, SNS_SUBJECT, SNS_BODY, BACKLOG_COMMENT] {
            assert!(t.render(name, &msg).unwrap().contains("RESOLVED: "), "{name}");
        }
        msg.test = true;
        for (name, _) in DEFAULTS {
            assert!(t.render(name, &msg).unwrap().to_lowercase().contains("test"), "{name}");
        }
    }

    #[test]
    fn changed_message_lists_changed_fields_and_resources() {
        let t = Templates::embedded();
        let out = t.render(BACKLOG_COMMENT, &changed_message()).unwrap();
        assert!(out.contains("| state | available | down |"), "{out}");
        assert!(out.contains("| severity | warning | critical |"), "{out}");
        assert!(out.contains("| resource added | | dxcon-new |"), "{out}");
        let slack = t.render(SLACK, &changed_message()).unwrap();
        assert!(slack.contains("• state: available → down"), "{slack}");
    }

    #[test]
    fn since_is_shown_in_the_message_time_zone() {
        let mut msg = message(TransitionKind::New, sample_finding());
        msg.since = "2025-01-31T00:00:00Z".parse().unwrap();
        msg.timezone = "Asia/Tokyo".into();
        assert_eq!(format_since(&msg), "2025-01-31 09:00 JST");
        msg.timezone = "Not/AZone".into();
        assert_eq!(format_since(&msg), "2025-01-31 00:00 UTC");
    }

    #[test]
    fn limits_cut_on_character_boundaries() {
        assert_eq!(truncate_chars("あいうえお", 3), "あい…");
        assert_eq!(truncate_chars("abc", 3), "abc");
        let subj = sns_subject(&format!("résumé\nline {}", "x".repeat(200)));
        assert!(subj.len() <= 100 && subj.is_ascii(), "{subj}");
        assert!(subj.starts_with("r?sum? line x"));
        assert_eq!(sns_subject(" \n"), "opskit notification");
    }

    #[test]
    fn override_replaces_default_and_unknown_or_broken_files_are_named() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(SNS_SUBJECT), "custom {{ finding.key }}").unwrap();
        std::fs::write(dir.path().join("README.md"), "notes").unwrap();
        let t = Templates::with_overrides(dir.path()).unwrap();
        let msg = message(TransitionKind::New, sample_finding());
        assert_eq!(t.render(SNS_SUBJECT, &msg).unwrap(), format!("custom {}", msg.finding.key));

        std::fs::write(dir.path().join("slak.md.j2"), "x").unwrap();
        let err = Templates::with_overrides(dir.path()).unwrap_err().to_string();
        assert!(err.contains("slak.md.j2") && err.contains("slack.md.j2"), "{err}");
        std::fs::remove_file(dir.path().join("slak.md.j2")).unwrap();

        std::fs::write(dir.path().join(SLACK), "{% if %}").unwrap();
        let err = format!("{:#}", Templates::with_overrides(dir.path()).unwrap_err());
        assert!(err.contains(SLACK), "{err}");
    }
}
