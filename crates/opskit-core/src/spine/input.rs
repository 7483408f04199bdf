//! The input of `opskit findings push`: a user's script's JSON (an array of findings, or
//! `{"findings": [...]}`) turned into checked [`Finding`]s. It comes from outside, so
//! every item is validated and every error names the item and the field; it is fuzzed
//! (`fuzz/fuzz_targets/findings.rs`). The schema is documented in the README.

use crate::spine::finding::{Field, Finding, Link, Severity, Status};
use serde::Deserialize;
use std::collections::BTreeSet;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PushedFinding {
    key: String,
    severity: String,
    title: String,
    #[serde(default)]
    status: Option<Status>,
    #[serde(default)]
    summary: Option<String>,
    #[serde(default)]
    account: Option<String>,
    #[serde(default)]
    region: Option<String>,
    #[serde(default)]
    resources: Vec<String>,
    /// An object (`{"used": "91%"}`, order kept) or a list of `{name, value}`.
    #[serde(default)]
    fields: Option<serde_json::Value>,
    /// A list of URLs or of `{text, href}`.
    #[serde(default)]
    links: Vec<serde_json::Value>,
    #[serde(default)]
    fingerprint: Option<String>,
    /// Accepted for round-trips of opskit's own JSON; must equal --source when given.
    #[serde(default)]
    source: Option<String>,
}

fn scalar(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Null => String::new(),
        other => other.to_string(),
    }
}

fn convert(i: usize, p: PushedFinding, source: &str) -> Result<Finding, String> {
    let at = |what: &str| format!("findings[{i}].{what}");
    if p.key.trim().is_empty() || p.key.len() > 512 {
        return Err(format!("{}: must be 1 to 512 characters", at("key")));
    }
    if p.title.trim().is_empty() {
        return Err(format!("{}: must not be empty", at("title")));
    }
    if let Some(s) = &p.source
        && s != source
    {
        return Err(format!("{}: `{s}` differs from --source `{source}`", at("source")));
    }
    let severity: Severity = p.severity.parse().map_err(|e| format!("{}: {e}", at("severity")))?;
    let fields = match p.fields {
        None | Some(serde_json::Value::Null) => Vec::new(),
        // Both forms refuse an empty name (the object form once let `{"": …}` through; found
        // by the `findings` fuzz target, which saw it fail to parse back as a list).
        Some(serde_json::Value::Object(m)) => m
            .iter()
            .map(|(k, v)| match k.is_empty() {
                false => Ok(Field { name: k.clone(), value: scalar(v) }),
                true => Err(format!("{}: a field needs a name, not \"\"", at("fields"))),
            })
            .collect::<Result<_, _>>()?,
        Some(serde_json::Value::Array(items)) => items
            .iter()
            .enumerate()
            .map(|(j, it)| {
                let name = it.get("name").map(scalar).filter(|n| !n.is_empty());
                match name {
                    Some(name) => Ok(Field { name, value: it.get("value").map(scalar).unwrap_or_default() }),
                    None => Err(format!("{}: needs a `name`", at(&format!("fields[{j}]")))),
                }
            })
            .collect::<Result<_, _>>()?,
        Some(_) => return Err(format!("{}: must be an object or a list of {{name, value}}", at("fields"))),
    };
    let links = p
        .links
        .iter()
        .enumerate()
        .map(|(j, l)| {
            let at_link = || at(&format!("links[{j}]"));
            let (href, text) = match l {
                serde_json::Value::String(href) => (href.clone(), None),
                serde_json::Value::Object(o) => {
                    (o.get("href").map(scalar).unwrap_or_default(), o.get("text").map(scalar))
                }
                _ => return Err(format!("{}: must be a URL or {{text, href}}", at_link())),
            };
            // An empty link is refused in both forms (fuzz finding, as for field names).
            if href.is_empty() {
                return Err(format!("{}: needs an `href`", at_link()));
            }
            web_link(&href).map_err(|why| format!("{}: {why}", at_link()))?;
            Ok(Link { text: text.unwrap_or_else(|| href.clone()), href })
        })
        .collect::<Result<_, _>>()?;
    Ok(Finding {
        source: source.to_string(),
        key: p.key,
        severity,
        status: p.status.unwrap_or_default(),
        title: p.title,
        summary: p.summary.unwrap_or_default(),
        account: p.account,
        region: p.region,
        resources: p.resources,
        fields,
        links,
        fingerprint: p.fingerprint.unwrap_or_default(),
        details: None,
    })
}

/// Parse a pushed document into findings; errors name the item and the field.
pub fn parse(text: &str, source: &str) -> Result<Vec<Finding>, String> {
    const HINT: &str =
        "hint: send a JSON array of findings, or {\"findings\": [...]}; each needs key, severity and title";
    let doc: serde_json::Value = serde_json::from_str(text).map_err(|e| format!("not valid JSON: {e}\n{HINT}"))?;
    let items = match doc {
        serde_json::Value::Array(items) => items,
        serde_json::Value::Object(mut o) => match o.remove("findings") {
            Some(serde_json::Value::Array(items)) => items,
            _ => return Err(format!("not a findings document: an object needs a `findings` array\n{HINT}")),
        },
        _ => return Err(format!("not a findings document\n{HINT}")),
    };
    let mut keys = BTreeSet::new();
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.into_iter().enumerate() {
        let p: PushedFinding = serde_path_to_error::deserialize(item).map_err(|e| {
            let path = e.path().to_string();
            let at = if path == "." { format!("findings[{i}]") } else { format!("findings[{i}].{path}") };
            format!("{at}: {}", e.into_inner())
        })?;
        let f = convert(i, p, source)?;
        if !keys.insert(f.key.clone()) {
            return Err(format!("findings[{i}].key: `{}` appears more than once", f.key));
        }
        out.push(f);
    }
    Ok(out)
}

/// Whether `s` may name a `findings push` source: 1 to 64 letters, digits, `-`, `_` or `.`.
pub fn valid_source(s: &str) -> bool {
    !s.is_empty() && s.len() <= 64 && s.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

/// A link a sink may show as one: an absolute `http`/`https` URL. The input is someone
/// else's program's output, and the sinks render links as links (Slack's `<href|text>`,
/// Markdown's `[text](href)`): a `javascript:` or `file:` link, or text that is no URL at
/// all, must not become something a person clicks in the team's channel.
fn web_link(href: &str) -> Result<(), String> {
    let url = url::Url::parse(href).map_err(|e| format!("`{href}` is not a URL ({e})"))?;
    match url.scheme() {
        "http" | "https" if url.host().is_some() => Ok(()),
        "http" | "https" => Err(format!("`{href}` has no host")),
        other => Err(format!("`{href}`: only http and https links are shown, not {other}:")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_keep_their_order_and_links_accept_urls() {
        let f = parse(
            r#"{"findings":[{"key":"k","severity":"warning","title":"t","fields":{"z":1,"a":"b"},"links":["https://x"]}]}"#,
            "s",
        )
        .unwrap();
        assert_eq!(f[0].fields.iter().map(|f| f.name.as_str()).collect::<Vec<_>>(), vec!["z", "a"]);
        assert_eq!(f[0].fields[0].value, "1");
        assert_eq!(f[0].links[0].href, "https://x");
    }

    /// Fuzz finding (`tests/fixtures/fuzz/findings/crash_empty_field_name.json`): the object
    /// form of `fields` accepted an empty name that the list form refuses, so what was
    /// accepted did not parse back.
    #[test]
    fn an_empty_field_name_is_refused_in_both_forms() {
        for fields in [r#"{"": "91%"}"#, r#"[{"name": "", "value": "91%"}]"#] {
            let text = format!(r#"[{{"key":"k","severity":"info","title":"t","fields":{fields}}}]"#);
            let e = parse(&text, "s").unwrap_err();
            assert!(e.starts_with("findings[0].fields"), "{fields}: {e}");
        }
        let fixture = include_str!("../../../../tests/fixtures/fuzz/findings/crash_empty_field_name.json");
        assert!(parse(fixture, "fuzz").is_err(), "the fuzzer's input is refused");
    }

    /// Fuzz finding (`tests/fixtures/fuzz/findings/crash_empty_link.json`): a link given as
    /// an empty string was accepted, one given as `{"href": ""}` refused.
    #[test]
    fn links_must_be_web_urls_in_both_forms() {
        for href in ["javascript:alert(1)", "file:///etc/passwd", "not a url", "https://", "/relative/path"] {
            for links in [format!("[{href:?}]"), format!(r#"[{{"text": "t", "href": {href:?}}}]"#)] {
                let text = format!(r#"[{{"key":"k","severity":"info","title":"t","links":{links}}}]"#);
                let e = parse(&text, "s").unwrap_err();
                assert!(e.starts_with("findings[0].links[0]: ") && e.contains(href), "{links}: {e}");
            }
        }
        let ok = r#"[{"key":"k","severity":"info","title":"t","links":["http://runbook.example/a?b=c",{"href":"https://x.example","text":"X"}]}]"#;
        let f = parse(ok, "s").unwrap();
        assert_eq!(f[0].links[1].text, "X");
    }

    #[test]
    fn an_empty_link_is_refused_in_both_forms() {
        for links in [r#"[""]"#, r#"[{"text": "", "href": ""}]"#] {
            let text = format!(r#"[{{"key":"k","severity":"info","title":"t","links":{links}}}]"#);
            let e = parse(&text, "s").unwrap_err();
            assert!(e.starts_with("findings[0].links[0]"), "{links}: {e}");
        }
        let fixture = include_str!("../../../../tests/fixtures/fuzz/findings/crash_empty_link.json");
        assert!(parse(fixture, "fuzz").is_err(), "the fuzzer's input is refused");
    }

    #[test]
    fn errors_name_the_item_and_field() {
        let e =
            parse(r#"[{"key":"a","severity":"warning","title":"t"},{"key":"b","severity":"hot","title":"t"}]"#, "s")
                .unwrap_err();
        assert!(e.starts_with("findings[1].severity"), "{e}");
        let e = parse(r#"[{"key":"a","severity":"info","title":"t","colour":1}]"#, "s").unwrap_err();
        assert!(e.contains("colour"), "{e}");
        let e = parse(r#"[{"key":"a","severity":"info","title":"t"},{"key":"a","severity":"info","title":"t"}]"#, "s")
            .unwrap_err();
        assert!(e.contains("more than once"), "{e}");
        assert!(parse("not json", "s").unwrap_err().contains("hint:"));
    }
}
