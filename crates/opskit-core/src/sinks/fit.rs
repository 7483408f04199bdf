//! Fitting a message to a sink's documented size limits.
//!
//! A sink that refuses an over-long request refuses it on every run, so the transition is
//! never delivered: a finding with 5 MB of details would page nobody, ever. Each sink
//! therefore cuts what it sends to its limits (the constants and their sources are next to
//! each sink), and this module holds the cutting: UTF-8 safe, counted in characters or in
//! bytes as each limit is stated, and visible, with [`MARKER`] saying how much was left out
//! so nobody mistakes a cut text for the whole.
//!
//! What gets cut is the free text (summary, field values, resource lists, details
//! tables); the key facts (title, severity, account, region, key, resources' first
//! entries) are bounded generously by [`bounded_message`] *before* templates render, so a
//! template that puts the summary above the account still shows the account.

use crate::spine::deliver::Message;
use crate::spine::finding::Finding;
use serde_json::Value;

/// The start of the note that ends a cut text: `… [truncated by opskit: N bytes omitted]`.
pub const MARKER: &str = "… [truncated by opskit: ";

/// Below this many characters a marker would eat the text: a plain `…` ends it instead.
const MIN_FOR_MARKER: usize = 120;

fn marker(omitted: usize, unit: &str) -> String {
    format!("{MARKER}{omitted} {unit} omitted]")
}

/// `s` cut to at most `max` characters (Unicode scalar values), ending with the marker
/// (or a bare `…` for a small `max`) when something was cut.
pub fn fit_chars(s: &str, max: usize) -> String {
    let total = s.chars().count();
    if total <= max {
        return s.to_string();
    }
    if max < MIN_FOR_MARKER {
        return super::templates::truncate_chars(s, max);
    }
    // The marker's own length depends on the number it shows; the number only shrinks as
    // the kept part grows, so sizing it for the largest possible count is safe.
    let tail = marker(total, "characters").chars().count();
    let keep = max - tail;
    let kept: String = s.chars().take(keep).collect();
    let out = format!("{kept}{}", marker(total - keep, "characters"));
    debug_assert!(out.chars().count() <= max);
    out
}

/// The longest prefix of `s` of at most `max` bytes that ends on a character boundary.
pub fn prefix_bytes(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut cut = max;
    while !s.is_char_boundary(cut) {
        cut -= 1;
    }
    &s[..cut]
}

/// `s` cut to at most `max` bytes of UTF-8, never inside a character, ending with the
/// marker (or a bare `…`, 3 bytes, for a small `max`) when something was cut.
pub fn fit_bytes(s: &str, max: usize) -> String {
    if s.len() <= max {
        return s.to_string();
    }
    if max < MIN_FOR_MARKER {
        let ell = "…";
        if max < ell.len() {
            return prefix_bytes(s, max).to_string();
        }
        return format!("{}{ell}", prefix_bytes(s, max - ell.len()));
    }
    let tail = marker(s.len(), "bytes").len();
    let kept = prefix_bytes(s, max - tail);
    let out = format!("{kept}{}", marker(s.len() - kept.len(), "bytes"));
    debug_assert!(out.len() <= max);
    out
}

/// How much of each part of a finding a rendered message may carry, in characters.
#[derive(Debug, Clone, Copy)]
pub struct Bounds {
    /// The title (one line; the sink cuts it further where its field is shorter).
    pub title: usize,
    /// The summary and the details table, together.
    pub text: usize,
    /// All field values together.
    pub fields: usize,
    /// Resources shown; the rest are counted.
    pub resources: usize,
    /// Links shown.
    pub links: usize,
}

impl Bounds {
    /// Bounds for a rendered text of about `budget` characters: half for the summary and
    /// details, a quarter for the fields, the rest for everything else.
    pub fn for_budget(budget: usize) -> Bounds {
        Bounds {
            title: 1024.min(budget / 8).max(MIN_FOR_MARKER),
            text: budget / 2,
            fields: budget / 4,
            resources: (budget / 400).clamp(5, 200),
            links: 20,
        }
    }
}

/// Cut one finding's free-text parts to `b`, with the marker where something was cut.
pub fn bounded_finding(f: &Finding, b: Bounds) -> Finding {
    let mut f = f.clone();
    f.title = fit_chars(&f.title, b.title);
    let details_len = f
        .details
        .as_ref()
        .map_or(0, |d| d.title.chars().count() + d.rows.iter().flatten().map(|v| v.chars().count() + 3).sum::<usize>());
    let summary_len = f.summary.chars().count();
    if summary_len + details_len > b.text {
        // The summary first: it says what happened; the details table explains it.
        let summary_max = (b.text / 2).max(b.text.saturating_sub(details_len)).max(MIN_FOR_MARKER);
        f.summary = fit_chars(&f.summary, summary_max);
        let left = b.text.saturating_sub(f.summary.chars().count());
        if let Some(d) = f.details.as_mut() {
            d.title = fit_chars(&d.title, MIN_FOR_MARKER);
            let mut used = 0;
            let mut kept = 0;
            for row in &mut d.rows {
                let per_cell = (left / 4).max(MIN_FOR_MARKER);
                for v in row.iter_mut() {
                    *v = fit_chars(v, per_cell);
                }
                let n: usize = row.iter().map(|v| v.chars().count() + 3).sum();
                if used + n > left && kept > 0 {
                    break;
                }
                used += n;
                kept += 1;
            }
            d.more += d.rows.len() - kept;
            d.rows.truncate(kept);
        }
    }
    let fields_len: usize = f.fields.iter().map(|x| x.name.chars().count() + x.value.chars().count()).sum();
    if fields_len > b.fields && !f.fields.is_empty() {
        let per = (b.fields / f.fields.len()).max(MIN_FOR_MARKER);
        for x in &mut f.fields {
            x.name = fit_chars(&x.name, MIN_FOR_MARKER);
            x.value = fit_chars(&x.value, per);
        }
        // Still too many: the first ones stay, the rest are counted.
        let mut used = 0;
        let keep = f
            .fields
            .iter()
            .take_while(|x| {
                used += x.name.chars().count() + x.value.chars().count();
                used <= b.fields
            })
            .count()
            .max(1);
        if keep < f.fields.len() {
            let omitted = f.fields.len() - keep;
            f.fields.truncate(keep);
            f.fields.push(crate::spine::finding::Field {
                name: "truncated by opskit".into(),
                value: format!("{omitted} more fields omitted"),
            });
        }
    }
    if f.resources.len() > b.resources {
        let omitted = f.resources.len() - b.resources;
        f.resources.truncate(b.resources);
        f.resources.push(format!("{MARKER}{omitted} more resources omitted]"));
    }
    for r in &mut f.resources {
        *r = fit_chars(r, 512);
    }
    f.links.truncate(b.links);
    for l in &mut f.links {
        l.text = fit_chars(&l.text, 256);
    }
    f
}

/// `msg` with its finding (and the previous one, for "what changed") bounded to `b`; the
/// fingerprint stays the original's, so delivery ids do not change with the cut.
pub fn bounded_message(msg: &Message, b: Bounds) -> Message {
    let mut out = msg.clone();
    out.finding = bounded_finding(&msg.finding, b);
    out.previous = msg.previous.as_ref().map(|p| bounded_finding(p, b));
    out
}

/// The size of `v` as compact JSON, in bytes.
pub fn json_len(v: &Value) -> usize {
    serde_json::to_vec(v).map_or(usize::MAX, |b| b.len())
}

/// Cut the longest strings inside `v` until its compact JSON is at most `max` bytes.
/// Returns false when even cutting every string to a marker does not get there (too many
/// keys or array items); the caller then replaces `v` wholesale.
pub fn shrink_json(v: &mut Value, max: usize) -> bool {
    for _ in 0..64 {
        let size = json_len(v);
        if size <= max {
            return true;
        }
        let excess = size - max;
        let Some(longest) = longest_string(v) else { return false };
        let len = longest.len();
        if len <= MIN_FOR_MARKER {
            return false;
        }
        // JSON escaping can make a string longer on the wire than in memory; cutting the
        // excess plus a margin converges within a few rounds.
        let target = len.saturating_sub(excess + 64).max(MIN_FOR_MARKER);
        *longest = fit_bytes(longest, target);
    }
    json_len(v) <= max
}

fn longest_string(v: &mut Value) -> Option<&mut String> {
    fn walk<'a>(v: &'a mut Value, best: &mut Option<&'a mut String>) {
        match v {
            Value::String(s) if best.as_ref().is_none_or(|b| b.len() < s.len()) => *best = Some(s),
            Value::Array(a) => a.iter_mut().for_each(|x| walk(x, best)),
            Value::Object(o) => o.values_mut().for_each(|x| walk(x, best)),
            _ => {}
        }
    }
    let mut best = None;
    walk(v, &mut best);
    best
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sinks::test_support::{message, sample_finding};
    use crate::spine::finding::TransitionKind;
    use serde_json::json;

    #[test]
    fn short_text_is_left_alone() {
        assert_eq!(fit_chars("abc", 3), "abc");
        assert_eq!(fit_bytes("abc", 3), "abc");
        assert_eq!(fit_bytes("", 0), "");
    }

    #[test]
    fn cut_text_carries_the_marker_and_stays_within_the_limit() {
        let s = "x".repeat(10_000);
        let c = fit_chars(&s, 1000);
        assert!((990..=1000).contains(&c.chars().count()), "{c}");
        assert!(c.ends_with(" characters omitted]"), "{c}");
        let omitted: usize = c.rsplit_once(MARKER).unwrap().1.split(' ').next().unwrap().parse().unwrap();
        assert_eq!(omitted + c.chars().take_while(|ch| *ch == 'x').count(), 10_000);
        let b = fit_bytes(&s, 1000);
        assert!(b.len() <= 1000 && b.contains(MARKER) && b.ends_with(" bytes omitted]"), "{b}");
    }

    #[test]
    fn multi_byte_text_is_never_split_at_the_boundary() {
        // 3-byte and 4-byte characters, so every byte limit falls inside one sometimes.
        let s = "接続🦀".repeat(5000);
        for max in (MIN_FOR_MARKER..MIN_FOR_MARKER + 12).chain([1000, 1001, 1002, 1003, 4096]) {
            let b = fit_bytes(&s, max);
            assert!(b.len() <= max, "{max}: {}", b.len());
            assert!(b.contains(MARKER));
            let c = fit_chars(&s, max);
            assert!(c.chars().count() <= max && c.contains(MARKER));
        }
        for max in 0..10 {
            let b = fit_bytes(&s, max);
            assert!(b.len() <= max, "{max}");
            assert!(std::str::from_utf8(b.as_bytes()).is_ok());
        }
        assert_eq!(prefix_bytes("a接", 2), "a");
        assert_eq!(prefix_bytes("a接", 4), "a接");
        // A small character limit ends with a bare ellipsis.
        assert_eq!(fit_chars("接続接続", 3), "接続…");
    }

    #[test]
    fn shrinking_json_cuts_the_longest_strings_first() {
        let mut v = json!({"key": "k", "summary": "s".repeat(600_000), "esc": "\u{1b}".repeat(50_000), "n": 1});
        assert!(shrink_json(&mut v, 100_000));
        assert!(json_len(&v) <= 100_000);
        assert_eq!(v["key"], "k");
        assert!(v["summary"].as_str().unwrap().contains(MARKER));
        let mut many = json!((0..100_000).map(|i| i.to_string()).collect::<Vec<_>>());
        assert!(!shrink_json(&mut many, 1000));
    }

    #[test]
    fn a_bounded_finding_keeps_its_key_facts() {
        let mut f = sample_finding();
        f.title = "T".repeat(100_000);
        f.summary = "s".repeat(5_000_000);
        f.resources = (0..10_000).map(|i| format!("r-{i}")).collect();
        for i in 0..1000 {
            f = f.field(format!("f{i}"), "v".repeat(10_000));
        }
        let msg = message(TransitionKind::New, f.clone());
        let b = bounded_message(&msg, Bounds::for_budget(100_000));
        let g = &b.finding;
        assert_eq!(
            (g.key.as_str(), g.account.as_deref(), g.region.as_deref()),
            (f.key.as_str(), f.account.as_deref(), f.region.as_deref())
        );
        assert_eq!(g.severity, f.severity);
        assert_eq!(g.fingerprint, f.fingerprint);
        assert!(g.title.starts_with("TTTT") && g.title.contains(MARKER));
        assert!(g.summary.chars().count() <= 50_000 && g.summary.contains(MARKER));
        assert_eq!(g.resources[0], "r-0");
        assert!(g.resources.last().unwrap().contains("more resources omitted"));
        let fields: usize = g.fields.iter().map(|x| x.value.chars().count()).sum();
        assert!(fields <= 26_000, "{fields}");
        assert_eq!(g.fields.last().unwrap().name, "truncated by opskit");
    }
}
