//! Plain-text helpers shared by the sinks' message fitting and by error messages quoting
//! an answer's body ([`crate::http::body_excerpt`]).

/// Cut `s` to at most `max` characters, ending with `…` when something was cut.
/// Counts characters, not bytes, so a multi-byte character is never split.
pub fn truncate_chars(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    if max == 0 {
        return String::new();
    }
    let mut out: String = s.chars().take(max - 1).collect();
    out.push('…');
    out
}

/// One line: line breaks and runs of whitespace become one space.
pub fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
