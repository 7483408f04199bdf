//! Text helpers for the mail recognisers: HTML to text that keeps a field grid's cells on
//! lines of their own, label lookup in that text, and the time forms AWS mails use,
//! normalised to UTC.

use jiff::Timestamp;
use regex::Regex;
use std::borrow::Cow;
use std::sync::LazyLock;

/// HTML to plain text: each block element and each table cell ends a line, so a two-column
/// grid becomes "label" and "value" on consecutive lines. Never fails; unknown markup is
/// dropped.
pub fn html_to_text(html: &str) -> String {
    static TAG: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?s)<(/?)([A-Za-z][A-Za-z0-9]*)[^>]*>").unwrap());
    let html = drop_invisible(html);
    let mut out = String::with_capacity(html.len() / 2);
    let mut last = 0;
    for cap in TAG.captures_iter(&html) {
        let m = cap.get(0).expect("whole match");
        out.push_str(&html[last..m.start()]);
        last = m.end();
        let name = cap[2].to_ascii_lowercase();
        let breaks = matches!(
            name.as_str(),
            "br" | "p" | "div" | "tr" | "td" | "th" | "li" | "table" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "hr"
        );
        out.push(if breaks { '\n' } else { ' ' });
    }
    out.push_str(&html[last..]);
    let decoded = decode_entities(&out);
    let mut lines: Vec<String> = Vec::new();
    for line in decoded.lines() {
        let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
        if !line.is_empty() {
            lines.push(line);
        }
    }
    lines.join("\n")
}

/// `<style>`, `<script>`, `<head>` and `<title>` elements and comments, each replaced by a
/// space; an opener without its end is left as it is. One regex for "opener, anything,
/// end" did this, but from an unclosed opener it rescans to the end of the text before each
/// later match: quadratic (600 KB of `<style><!-- -->` took a minute in a release build).
fn drop_invisible(html: &str) -> Cow<'_, str> {
    static OPEN: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)<(?:style|script|head|title)\b|<!--").unwrap());
    static CLOSE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)</(?:style|script|head|title)\s*>").unwrap());
    let mut out = String::new();
    let (mut last, mut at) = (0, 0);
    // An opener without its end means every later opener of its kind has none either.
    let (mut elements_end, mut comments_end) = (true, true);
    while let Some(open) = OPEN.find_at(html, at) {
        let comment = open.as_str() == "<!--";
        let rest = &html[open.end()..];
        let end = if comment {
            comments_end.then(|| rest.find("-->").map(|i| open.end() + i + 3)).flatten()
        } else {
            elements_end
                .then(|| rest.find('>').and_then(|i| CLOSE.find_at(html, open.end() + i + 1)).map(|c| c.end()))
                .flatten()
        };
        match end {
            Some(end) => {
                out.push_str(&html[last..open.start()]);
                out.push(' ');
                (last, at) = (end, end);
            }
            None if comment => (comments_end, at) = (false, open.start() + 1),
            None => (elements_end, at) = (false, open.start() + 1),
        }
    }
    if last == 0 {
        return Cow::Borrowed(html);
    }
    out.push_str(&html[last..]);
    Cow::Owned(out)
}

/// The named and numeric character references that appear in AWS mails.
pub fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    static ENT: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});").unwrap());
    ENT.replace_all(s, |c: &regex::Captures| {
        let e = &c[1];
        let ch = if let Some(hex) = e.strip_prefix("#x").or_else(|| e.strip_prefix("#X")) {
            u32::from_str_radix(hex, 16).ok().and_then(char::from_u32)
        } else if let Some(dec) = e.strip_prefix('#') {
            dec.parse::<u32>().ok().and_then(char::from_u32)
        } else {
            match e {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some(' '),
                _ => None,
            }
        };
        ch.map(String::from).unwrap_or_else(|| c[0].to_string())
    })
    .into_owned()
}

/// The value of a labelled field: a line that is the label (optionally with a colon) and
/// the next non-empty line, or "Label: value" / "Label | value" on one line.
pub fn field(text: &str, label: &str) -> Option<String> {
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    while let Some(line) = lines.next() {
        for cell in line.split(" | ") {
            let cell = cell.trim();
            let Some(rest) = strip_prefix_ci(cell, label) else { continue };
            let rest = rest.trim_start_matches([':', ' ', '\t']).trim();
            if rest.is_empty() && cell.len() <= label.len() + 1 {
                return lines.next().map(str::to_string);
            }
            // "Label value" only when a separator follows the label (not "Start timeline").
            if !rest.is_empty() && cell[label.len()..].starts_with([':', ' ', '\t']) {
                return Some(rest.to_string());
            }
        }
    }
    None
}

fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix).then(|| &s[prefix.len()..])
}

const MONTHS: &str = "January|February|March|April|May|June|July|August|September|October|November|December";

static TIME_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        concat!(
            r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,?\s+)?\d{{1,2}}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\s+\d{{4}}\s+\d{{1,2}}:\d{{2}}(?::\d{{2}})?\s*(?:GMT|UTC|UT|Z|[+-]\d{{4}})",
            r"|\d{{4}}-\d{{2}}-\d{{2}}[T ]\d{{2}}:\d{{2}}(?::\d{{2}}(?:\.\d+)?)?\s*(?:Z|UTC|GMT|[+-]\d{{2}}:?\d{{2}})",
            r"|(?:{m})\s+\d{{1,2}},?\s+\d{{4}}(?:,?\s+at)?,?\s+\d{{1,2}}:\d{{2}}(?::\d{{2}})?\s*(?:AM|PM|am|pm)?\s*(?:UTC|GMT)"
        ),
        m = MONTHS
    ))
    .unwrap()
});

/// Every time in `text` that names UTC/GMT, in order of appearance, with its byte offset.
pub fn times_in(text: &str) -> Vec<(usize, Timestamp)> {
    TIME_RE.find_iter(text).filter_map(|m| parse_time(m.as_str()).map(|t| (m.start(), t))).collect()
}

/// One time in any of the forms the mails use, as UTC: "Tue, 25 Nov 2026 01:00:00 GMT"
/// (a wrong weekday is ignored), "2026-11-25 01:00 UTC", "2026-11-25T01:00:00Z",
/// "November 25, 2026 at 1:00:00 AM UTC". Zones other than UTC/GMT are not guessed.
pub fn parse_time(s: &str) -> Option<Timestamp> {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if let Ok(t) = s.parse::<Timestamp>() {
        return Some(t);
    }
    // Drop a leading weekday: AWS mails have been seen with one that does not match the date.
    let s = match s.split_once(", ") {
        Some((wd, rest)) if wd.len() >= 3 && wd.chars().all(|c| c.is_ascii_alphabetic()) && !is_month(wd) => {
            rest.to_string()
        }
        _ => s,
    };
    // RFC 2822 with any numeric offset ("8 Dec 2026 02:00:00 -0800"), GMT or UT.
    if let Ok(z) = jiff::fmt::rfc2822::DateTimeParser::new().parse_zoned(&s) {
        return Some(z.timestamp());
    }
    if let Some((date, time)) = s.split_once(' ')
        && let Ok(t) = format!("{date}T{}", time.replace(' ', "")).parse::<Timestamp>()
    {
        return Some(t);
    }
    let s = s.replace(" at ", " ").replace(", ", " ").replace(',', " ");
    let (body, _zone) = s.rsplit_once(' ').filter(|(_, z)| matches!(*z, "GMT" | "UTC" | "Z" | "+0000" | "+00:00"))?;
    let body = body.trim();
    const FORMATS: &[&str] = &[
        "%d %b %Y %H:%M:%S",
        "%d %b %Y %H:%M",
        "%d %B %Y %H:%M:%S",
        "%d %B %Y %H:%M",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%d %H:%M",
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%dT%H:%M",
        "%B %d %Y %I:%M:%S %p",
        "%B %d %Y %I:%M %p",
        "%B %d %Y %H:%M:%S",
        "%B %d %Y %H:%M",
    ];
    let body_up = body.replace(" am", " AM").replace(" pm", " PM");
    FORMATS
        .iter()
        .find_map(|f| {
            jiff::civil::DateTime::strptime(f, &body_up).ok().and_then(|dt| dt.to_zoned(jiff::tz::TimeZone::UTC).ok())
        })
        .map(|z| z.timestamp())
}

fn is_month(s: &str) -> bool {
    MONTHS.split('|').any(|m| m.eq_ignore_ascii_case(s))
}

/// `%XX` decoding for event ARNs inside console links; invalid escapes stay as they are.
pub fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%'
            && i + 2 < b.len()
            && let Some(v) = std::str::from_utf8(&b[i + 1..i + 3]).ok().and_then(|h| u8::from_str_radix(h, 16).ok())
        {
            out.push(v);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}
