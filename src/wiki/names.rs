//! Safe, reversible file names for wiki pages and attachments, the same in object
//! storage and in a restored directory.
//!
//! A page name's `/` stays a folder separator (`Runbooks/Direct Connect` is the file
//! `Direct Connect.md` in the folder `Runbooks`); each segment between the slashes is
//! kept as it is, spaces and Japanese included, except what some store or file system
//! cannot hold, which is percent-encoded byte by byte (`%3A` for `:`):
//! - `%` itself (so that decoding is exact), control characters, `/` inside an
//!   attachment name;
//! - what Windows refuses or strips (`\ : * ? " < > |`, a trailing dot or space),
//!   what GCS asks to avoid (`# [ ]`; `#` followed by digits is also how
//!   `object_store`'s local files mark uploads in progress);
//! - a leading dot or space (no hidden files, no `.` or `..` segments);
//! - the dot before a segment ending `.attachments` or `.history`: those suffixes name
//!   a page's attachment and history folders, so no page segment may end with one.
//!
//! An empty segment (a page called `a//b`) is written `%`. A segment longer than
//! [`MAX_SEGMENT`] bytes once encoded (a file name holds 255) is cut and ends with `%~`
//! and a hash of the whole segment; it no longer decodes, and the page's sidecar JSON
//! holds its real name. `%~` cannot occur otherwise, since `%` is always encoded.

use sha2::Digest as _;

/// The longest encoded segment kept whole, in bytes; room is left for `.attachments`.
pub const MAX_SEGMENT: usize = 200;

/// The suffix of a page's attachment folder (`Home.attachments/`).
pub const ATTACHMENTS_SUFFIX: &str = ".attachments";
/// The suffix of a page's history folder (`Home.history/`).
pub const HISTORY_SUFFIX: &str = ".history";

const UNSAFE: &[char] = &['%', '/', '\\', ':', '*', '?', '"', '<', '>', '|', '#', '[', ']'];

fn must_encode(c: char) -> bool {
    c.is_control() || UNSAFE.contains(&c)
}

fn push_encoded(out: &mut String, c: char) {
    let mut buf = [0u8; 4];
    for b in c.encode_utf8(&mut buf).bytes() {
        out.push_str(&format!("%{b:02X}"));
    }
}

/// One segment (a part of a page name between slashes, or an attachment name).
pub fn encode_segment(s: &str) -> String {
    if s.is_empty() {
        return "%".to_string();
    }
    let chars: Vec<char> = s.chars().collect();
    let n = chars.len();
    let lead = chars.iter().take_while(|c| **c == ' ' || **c == '.').count();
    let trail = chars.iter().rev().take_while(|c| **c == ' ' || **c == '.').count();
    let reserved_dot = [ATTACHMENTS_SUFFIX, HISTORY_SUFFIX]
        .iter()
        .find(|suffix| s.ends_with(**suffix))
        .map(|suffix| n - suffix.chars().count());
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        if must_encode(c) || i < lead || i >= n - trail || Some(i) == reserved_dot {
            push_encoded(&mut out, c);
        } else {
            out.push(c);
        }
    }
    if out.len() <= MAX_SEGMENT {
        return out;
    }
    let hash = hex::encode(sha2::Sha256::digest(s.as_bytes()));
    let mut cut = MAX_SEGMENT - 19;
    while !out.is_char_boundary(cut) {
        cut -= 1;
    }
    // Never leave half an escape (`%E` of `%E3`) before the marker.
    if let Some(p) = out[..cut].rfind('%')
        && cut - p < 3
    {
        cut = p;
    }
    format!("{}%~{}", &out[..cut], &hash[..16])
}

/// The segment back, or `None` for a cut one (see the module docs).
pub fn decode_segment(s: &str) -> Option<String> {
    if s == "%" {
        return Some(String::new());
    }
    if s.contains("%~") {
        return None;
    }
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            let hex = std::str::from_utf8(b.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// A page name as a relative path: its segments encoded, `/` kept.
pub fn page_path(name: &str) -> String {
    name.split('/').map(encode_segment).collect::<Vec<_>>().join("/")
}

/// The page name a [`page_path`] came from (`None` if a segment was cut).
pub fn page_name(path: &str) -> Option<String> {
    path.split('/').map(decode_segment).collect::<Option<Vec<_>>>().map(|v| v.join("/"))
}

/// The file name of each attachment of one page, in the order given: its encoded name,
/// or for a second attachment of the same name (Backlog allows that) the name with
/// `%~ID` before the extension.
pub fn attachment_files(attachments: &[(u64, &str)]) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    attachments
        .iter()
        .map(|(id, name)| {
            let file = encode_segment(name);
            if seen.insert(file.clone()) {
                return file;
            }
            match file.rfind('.').filter(|&p| p > 0) {
                Some(p) => format!("{}%~{id}{}", &file[..p], &file[p..]),
                None => format!("{file}%~{id}"),
            }
        })
        .collect()
}

/// Whether `segment` can be a file name under a directory we write into: not empty,
/// not `.` or `..`, no separator. Guards restore against a tampered manifest.
pub fn is_plain_segment(segment: &str) -> bool {
    !segment.is_empty() && segment != "." && segment != ".." && !segment.contains(['/', '\\', '\0'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slashes_stay_folders_spaces_and_japanese_stay_readable() {
        assert_eq!(page_path("Runbooks/Direct Connect"), "Runbooks/Direct Connect");
        assert_eq!(page_path("手順書/障害対応 (夜間)"), "手順書/障害対応 (夜間)");
        assert_eq!(page_path("Home"), "Home");
    }

    #[test]
    fn unsafe_characters_are_percent_encoded_and_decode_back() {
        let cases = [
            ("a:b*c?d\"e<f>g|h\\i", "a%3Ab%2Ac%3Fd%22e%3Cf%3Eg%7Ch%5Ci"),
            ("100% done", "100%25 done"),
            ("issue #12 [draft]", "issue %2312 %5Bdraft%5D"),
            ("tab\there", "tab%09here"),
            (" padded ", "%20padded%20"),
            ("ends with dot.", "ends with dot%2E"),
            (".hidden", "%2Ehidden"),
            (".", "%2E"),
            ("..", "%2E%2E"),
            ("x.attachments", "x%2Eattachments"),
            ("x.history", "x%2Ehistory"),
            ("", "%"),
        ];
        for (name, want) in cases {
            assert_eq!(encode_segment(name), want, "{name:?}");
            assert_eq!(decode_segment(want).as_deref(), Some(name), "{want:?}");
        }
        assert_eq!(page_path("a//b/"), "a/%/b/%");
        assert_eq!(page_name("a/%/b/%").as_deref(), Some("a//b/"));
        assert_eq!(encode_segment("a/b.png"), "a%2Fb.png", "an attachment name keeps no slash");
    }

    #[test]
    fn every_name_round_trips() {
        for name in
            ["Runbooks/Direct Connect", "手順書/ネットワーク/BGP:確認", "%41", "a%~b", "x.attachments/y", "/lead"]
        {
            let path = page_path(name);
            assert_eq!(page_name(&path).as_deref(), Some(name), "{path}");
            for seg in path.split('/') {
                assert!(is_plain_segment(seg) && !seg.contains("%~"), "{seg:?} of {path:?}");
                assert!(object_store::path::Path::parse(seg).is_ok(), "{seg:?}");
            }
        }
    }

    #[test]
    fn a_page_segment_never_collides_with_a_page_folder() {
        // `foo.attachments/bar.md` (a page) against `foo.attachments/` (page foo's files).
        let child = page_path("foo.attachments/bar");
        assert_eq!(child, "foo%2Eattachments/bar");
        assert_ne!(child.split('/').next(), Some(format!("{}{ATTACHMENTS_SUFFIX}", page_path("foo")).as_str()));
    }

    #[test]
    fn long_segments_are_cut_with_a_hash_and_stay_distinct() {
        let a = "運用".repeat(60) + "A";
        let b = "運用".repeat(60) + "B";
        let (ea, eb) = (encode_segment(&a), encode_segment(&b));
        assert!(ea.len() <= MAX_SEGMENT && eb.len() <= MAX_SEGMENT, "{} {}", ea.len(), eb.len());
        assert_ne!(ea, eb);
        assert!(ea.contains("%~"));
        assert_eq!(decode_segment(&ea), None);
        // A cut inside a run of escapes leaves no half escape.
        let c = encode_segment(&":".repeat(100));
        assert!(c.len() <= MAX_SEGMENT && decode_segment(c.split("%~").next().unwrap()).is_some(), "{c}");
    }

    #[test]
    fn duplicate_attachment_names_get_the_id() {
        let files = attachment_files(&[(7, "a.png"), (8, "b"), (9, "a.png"), (10, "b")]);
        assert_eq!(files, ["a.png", "b", "a%~9.png", "b%~10"]);
    }
}
