//! The stdout sink: one JSON line per message on standard output, for piping into
//! `jq`, a log shipper or a user's own script. The only sink that prints, by design.
//!
//! Line: `{"sink","kind","key","severity","title","text"}`; `text` comes from
//! `stdout.txt.j2`. stdout is locked per line so concurrent deliveries never interleave.

use super::templates::{self, Templates};
use crate::spine::deliver::{Message, Notifier, Receipt, SinkError};
use async_trait::async_trait;
use serde_json::json;
use std::io::Write;
use std::sync::Arc;

pub struct StdoutNotifier {
    name: String,
    templates: Arc<Templates>,
}

impl StdoutNotifier {
    pub fn new(name: &str, templates: Arc<Templates>) -> Self {
        StdoutNotifier { name: name.to_string(), templates }
    }

    /// The line, without its newline.
    pub fn line(&self, msg: &Message) -> Result<String, SinkError> {
        let text = templates::one_line(&self.templates.render(templates::STDOUT, msg)?);
        let line = json!({
            "sink": self.name,
            "kind": msg.kind.as_str(),
            "key": msg.finding.key,
            "severity": msg.finding.severity.as_str(),
            "title": msg.finding.title,
            "text": text,
        });
        Ok(line.to_string())
    }
}

#[async_trait]
impl Notifier for StdoutNotifier {
    fn name(&self) -> &str {
        &self.name
    }

    async fn send(&self, msg: &Message) -> Result<Receipt, SinkError> {
        let mut line = self.line(msg)?;
        line.push('\n');
        let mut out = std::io::stdout().lock();
        // A closed pipe will stay closed: retrying cannot help.
        out.write_all(line.as_bytes())
            .and_then(|()| out.flush())
            .map_err(|e| SinkError::permanent(format!("stdout sink `{}`: {e}", self.name)))?;
        Ok(Receipt::default())
    }

    fn preview(&self, msg: &Message) -> Result<String, SinkError> {
        self.line(msg)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sinks::test_support::{message, sample_finding};
    use crate::spine::finding::TransitionKind;

    #[test]
    fn line_is_one_json_object_with_the_documented_keys() {
        let n = StdoutNotifier::new("pipe", Arc::new(Templates::embedded()));
        let line = n.line(&message(TransitionKind::Resolved, sample_finding())).unwrap();
        assert!(!line.contains('\n'));
        let v: serde_json::Value = serde_json::from_str(&line).unwrap();
        assert_eq!(v["sink"], "pipe");
        assert_eq!(v["kind"], "resolved");
        assert_eq!(v["severity"], "warning");
        assert!(v["text"].as_str().unwrap().starts_with("RESOLVED: "));
    }
}
