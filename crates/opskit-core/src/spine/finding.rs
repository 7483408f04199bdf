//! The `Finding`: what every producer (a command, or a user's script through
//! `findings push`) hands to the spine, and the transitions the spine derives from it.
//!
//! A finding is identified by `(source, key)`. Its `fingerprint` covers the parts whose
//! change means "Changed"; producers may set it, otherwise it is computed from severity,
//! title, summary, resources and fields.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::fmt;
use std::str::FromStr;

/// How bad a finding is. Ordered: `Info < Warning < Critical`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Critical,
}

impl Severity {
    pub const ALL: [Severity; 3] = [Severity::Info, Severity::Warning, Severity::Critical];

    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Critical => "critical",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Severity {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s.to_ascii_lowercase().as_str() {
            "info" => Ok(Severity::Info),
            // `error` is accepted because several AWS APIs call their red status that.
            "warning" | "warn" => Ok(Severity::Warning),
            "critical" | "error" | "crit" => Ok(Severity::Critical),
            other => Err(format!("unknown severity `{other}` (expected info, warning or critical)")),
        }
    }
}

/// Whether the problem a finding describes is present.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    #[default]
    Open,
    Resolved,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Open => "open",
            Status::Resolved => "resolved",
        }
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One ordered key/value shown in tables and templates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Field {
    pub name: String,
    pub value: String,
}

/// A link a person can follow (console page, runbook, ticket).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Link {
    pub text: String,
    pub href: String,
}

/// A table of details a person needs to act (the flagged resources of a check), shown by
/// sinks that can render one (Backlog issues, webhooks) and in JSON output.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Details {
    pub title: String,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// Rows left out to keep a message readable (the table shows the first ones).
    #[serde(default)]
    pub more: usize,
}

/// What a producer observed. See DESIGN.md, "The spine".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    pub source: String,
    pub key: String,
    pub severity: Severity,
    #[serde(default)]
    pub status: Status,
    pub title: String,
    #[serde(default)]
    pub summary: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    #[serde(default)]
    pub resources: Vec<String>,
    #[serde(default)]
    pub fields: Vec<Field>,
    #[serde(default)]
    pub links: Vec<Link>,
    /// Empty means "compute it" (see [`Finding::ensure_fingerprint`]).
    #[serde(default)]
    pub fingerprint: String,
    /// Boxed: most findings have none, and a finding is copied several times per run.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub details: Option<Box<Details>>,
}

impl Finding {
    pub fn new(
        source: impl Into<String>,
        key: impl Into<String>,
        severity: Severity,
        title: impl Into<String>,
    ) -> Self {
        Finding {
            source: source.into(),
            key: key.into(),
            severity,
            status: Status::Open,
            title: title.into(),
            summary: String::new(),
            account: None,
            region: None,
            resources: Vec::new(),
            fields: Vec::new(),
            links: Vec::new(),
            fingerprint: String::new(),
            details: None,
        }
    }

    pub fn field(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.fields.push(Field { name: name.into(), value: value.into() });
        self
    }

    /// The fingerprint over severity, title, summary, resources and fields: the parts
    /// whose change a person would call "Changed". Account and region are part of the key.
    pub fn computed_fingerprint(&self) -> String {
        let mut h = Sha256::new();
        let mut put = |s: &str| {
            h.update((s.len() as u64).to_le_bytes());
            h.update(s.as_bytes());
        };
        put(self.severity.as_str());
        put(&self.title);
        put(&self.summary);
        let mut resources = self.resources.clone();
        resources.sort();
        for r in &resources {
            put(r);
        }
        for f in &self.fields {
            put(&f.name);
            put(&f.value);
        }
        hex::encode(&h.finalize()[..12])
    }

    /// `source/key`: the finding's identity across sources. Keys are unique within a source
    /// only (two `findings push` sources may both say `db-1`), so anything outside opskit
    /// that deduplicates by identity (PagerDuty's `dedup_key`) gets this.
    pub fn qualified_key(&self) -> String {
        format!("{}/{}", self.source, self.key)
    }

    pub fn ensure_fingerprint(&mut self) {
        if self.fingerprint.is_empty() {
            self.fingerprint = self.computed_fingerprint();
        }
    }
}

/// What changed about a finding since the state last saw it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum TransitionKind {
    New,
    Changed,
    Resolved,
    Reopened,
}

impl TransitionKind {
    pub fn as_str(self) -> &'static str {
        match self {
            TransitionKind::New => "new",
            TransitionKind::Changed => "changed",
            TransitionKind::Resolved => "resolved",
            TransitionKind::Reopened => "reopened",
        }
    }
}

impl fmt::Display for TransitionKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprint_ignores_resource_order_but_not_field_values() {
        let a = Finding { resources: vec!["b".into(), "a".into()], ..Finding::new("s", "k", Severity::Warning, "t") };
        let b = Finding { resources: vec!["a".into(), "b".into()], ..Finding::new("s", "k", Severity::Warning, "t") };
        assert_eq!(a.computed_fingerprint(), b.computed_fingerprint());
        let c = b.clone().field("state", "down");
        assert_ne!(b.computed_fingerprint(), c.computed_fingerprint());
    }

    #[test]
    fn severity_orders_and_parses_aws_words() {
        assert!(Severity::Critical > Severity::Warning);
        assert_eq!("error".parse::<Severity>().unwrap(), Severity::Critical);
        assert!("bogus".parse::<Severity>().is_err());
    }
}
