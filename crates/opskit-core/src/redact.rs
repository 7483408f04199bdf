//! Secrets and their redaction.
//!
//! A [`Secret`] prints as `****` in `Debug`, `Display` and `Serialize`. Every secret value
//! that config resolution produces is also registered here, and [`redact`] replaces any
//! registered value (and any `apiKey=` query parameter) in a string. The log writer, error
//! printing in `main` and the report pass text through it, so a secret that reaches a
//! message by an unforeseen path (an URL in a library's error) is still masked.

use serde::{Serialize, Serializer};
use std::sync::{OnceLock, RwLock};

const MASK: &str = "****";

fn registry() -> &'static RwLock<Vec<String>> {
    static REG: OnceLock<RwLock<Vec<String>>> = OnceLock::new();
    REG.get_or_init(|| RwLock::new(Vec::new()))
}

/// Remember a value to mask wherever it appears. Short values are ignored: masking
/// every "1" in a log would make it unreadable and protect nothing.
pub fn register(value: &str) {
    let value = value.trim();
    if value.len() < 6 {
        return;
    }
    let mut reg = registry().write().unwrap_or_else(|e| e.into_inner());
    if !reg.iter().any(|v| v == value) {
        reg.push(value.to_string());
        // Longest first, so a secret containing another is masked whole.
        reg.sort_by_key(|v| std::cmp::Reverse(v.len()));
    }
}

/// Mask every registered secret and every `apiKey=`/`api_key=` query value in `text`.
pub fn redact(text: &str) -> String {
    let mut out = text.to_string();
    {
        let reg = registry().read().unwrap_or_else(|e| e.into_inner());
        for secret in reg.iter() {
            if out.contains(secret.as_str()) {
                out = out.replace(secret.as_str(), MASK);
            }
            // URL-encoded forms travel in query strings and form bodies.
            let enc: String = url::form_urlencoded::byte_serialize(secret.as_bytes()).collect();
            if enc != *secret && out.contains(enc.as_str()) {
                out = out.replace(enc.as_str(), MASK);
            }
        }
    }
    mask_query_param(&out, "apiKey=")
}

fn mask_query_param(text: &str, param: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(pos) = rest.find(param) {
        let (head, tail) = rest.split_at(pos + param.len());
        out.push_str(head);
        let end = tail
            .find(|c: char| c == '&' || c == ' ' || c == '"' || c == '\'' || c == ')' || c.is_whitespace())
            .unwrap_or(tail.len());
        if end > 0 && &tail[..end] != MASK {
            out.push_str(MASK);
        } else {
            out.push_str(&tail[..end]);
        }
        rest = &tail[end..];
    }
    out.push_str(rest);
    out
}

/// A secret value: webhook URL, routing key, API key, password.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Self {
        let value = value.into();
        register(&value);
        // A library may log only the path of a request; for a Slack or webhook URL the
        // path carries the token, so it is masked on its own too.
        if let Ok(url) = url::Url::parse(&value)
            && url.path().len() >= 8
        {
            register(url.path());
        }
        Secret(value)
    }

    /// The value itself, for the one place that must send it.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(MASK)
    }
}

impl std::fmt::Display for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(MASK)
    }
}

impl Serialize for Secret {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(MASK)
    }
}

/// A writer for logs that masks secrets line by line before they reach stderr.
pub struct RedactingWriter<W: std::io::Write>(pub W);

impl<W: std::io::Write> std::io::Write for RedactingWriter<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let text = String::from_utf8_lossy(buf);
        self.0.write_all(redact(&text).as_bytes())?;
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.0.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registered_secrets_and_api_keys_are_masked() {
        let s = Secret::new("https://hooks.slack.com/services/T000/B000/XXXXsecret");
        assert_eq!(format!("{s:?} {s}"), "**** ****");
        let msg = "error sending request for url (https://hooks.slack.com/services/T000/B000/XXXXsecret)";
        assert!(!redact(msg).contains("XXXXsecret"));
        let url = "GET http://x/api/v2/issues?apiKey=abc123def&count=1";
        assert_eq!(redact(url), "GET http://x/api/v2/issues?apiKey=****&count=1");
    }
}
