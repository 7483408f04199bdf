//! Object keys from names people chose (Backlog wiki page names): one rule that every store
//! (S3, GCS, a directory) takes, keeps `/` as folders, and keeps spaces and Japanese readable.
//!
//! Why not `object_store::path::Path::from`: it percent-encodes every non-ASCII byte, so the
//! page `手順/DB 切替` would be stored as `%E6%89%8B%E9%A0%86/DB %E5%88%87%E6%9B%BF`, which
//! nobody can read in the S3 or GCS console or in `ls`. `Path::parse` keeps UTF-8 as is but
//! refuses ASCII control characters, empty parts and `.`/`..` parts. The rule here, per part
//! between slashes:
//!
//! - `%`, ASCII control characters and the ASCII characters that S3 and GCS advise against in
//!   object names (`` \ { } ^ ` [ ] " < > ~ # | * ? ``; object_store's own escape set)
//!   become `%XX`. Everything else is kept: spaces, `:`, `+`, `&`, `=`, and all of Unicode.
//! - A part that is `.` or `..` becomes `%2E` / `%2E%2E` (no path traversal on `file://`).
//! - A `/` that would leave an empty part (leading, trailing or doubled) is kept inside the
//!   neighbouring part as `%2F`: `a//b` is `a/%2Fb`, `/a` is `%2Fa`, `a/` is `a%2F`.
//! - A part longer than [`MAX_PART_BYTES`] is cut at a character boundary and ends in `~` and
//!   16 hex digits of the SHA-256 of the whole part. `~` never appears otherwise (it is
//!   escaped), so such a part cannot collide with a kept one.
//!
//! So distinct names give distinct keys, and [`name_from_key`] inverts every key that was not
//! shortened. Callers add their own suffixes (`.md`, `.json`) to the last part: a page `a`
//! and a page `a/b` become `a.md` and `a/b.md`, a file beside a folder, never one path that
//! is both. Names are not Unicode-normalised; a case-insensitive file system (macOS) can
//! still fold `Runbook` and `runbook` into one file.

use object_store::path::{Path, PathPart};
use sha2::Digest;

/// Longest part kept whole, in bytes: file systems allow 255 per name, and this leaves room
/// for a suffix (`.attachments`, `.json`). 200 bytes is 66 Japanese characters.
pub const MAX_PART_BYTES: usize = 200;

/// S3 and GCS both cap an object name at 1024 bytes of UTF-8.
pub const MAX_KEY_BYTES: usize = 1024;

/// Characters encoded in a part besides controls and non-parts; see the module docs.
fn must_escape(c: char) -> bool {
    c.is_ascii_control()
        || matches!(c, '%' | '\\' | '{' | '}' | '^' | '`' | '[' | ']' | '"' | '<' | '>' | '~' | '#' | '|' | '*' | '?')
}

/// One name as a relative key (parts joined by `/`). The empty name gives the empty key.
pub fn safe_key(name: &str) -> String {
    // The non-empty parts, each with the count of slashes before it; between two parts one
    // slash stays a real `/` and any more go into the next part as %2F, as do slashes before
    // the first part; slashes after the last part go at its end.
    let mut parts: Vec<String> = Vec::new();
    let mut slashes = 0usize;
    for piece in name.split('/') {
        if piece.is_empty() {
            slashes += 1;
            continue;
        }
        let extra = if parts.is_empty() { slashes } else { slashes.saturating_sub(1) };
        parts.push(format!("{}{}", "%2F".repeat(extra), escape_part(piece)));
        slashes = 1;
    }
    // `split` yields one piece more than there are slashes: the count above is one too many
    // when the name ends in a slash (or is only slashes), and zero for a name with none.
    let trailing = slashes.saturating_sub(1);
    match parts.last_mut() {
        Some(last) => last.push_str(&"%2F".repeat(trailing)),
        None if trailing > 0 => parts.push("%2F".repeat(trailing)),
        None => {}
    }
    parts.into_iter().map(|p| shorten(&p)).collect::<Vec<_>>().join("/")
}

fn escape_part(part: &str) -> String {
    match part {
        "." => return "%2E".into(),
        ".." => return "%2E%2E".into(),
        _ => {}
    }
    let mut out = String::with_capacity(part.len());
    for c in part.chars() {
        if must_escape(c) {
            out.push_str(&format!("%{:02X}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

fn shorten(part: &str) -> String {
    if part.len() <= MAX_PART_BYTES {
        return part.to_string();
    }
    let hash = hex::encode(sha2::Sha256::digest(part.as_bytes()));
    let keep = MAX_PART_BYTES - 17;
    let mut cut = keep;
    while !part.is_char_boundary(cut) {
        cut -= 1;
    }
    // Never end inside a %XX escape: a reader would see a broken escape.
    let head = &part[..cut];
    let head = match head.rfind('%') {
        Some(i) if i + 3 > head.len() => &head[..i],
        _ => head,
    };
    format!("{head}~{}", &hash[..16])
}

/// The name a key was made from, or `None` when the key had a part shortened (the name is
/// then only in the caller's own records, e.g. a backup manifest).
pub fn name_from_key(key: &str) -> Option<String> {
    if key.contains('~') {
        return None;
    }
    let parts: Vec<String> = key.split('/').map(unescape).collect::<Option<_>>()?;
    Some(parts.join("/"))
}

fn unescape(part: &str) -> Option<String> {
    let bytes = part.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = part.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// `prefix` joined with a relative key whose parts are already safe (from [`safe_key`], or
/// literal names like `manifest.json`). Refuses a part that `Path` would not keep as is, and
/// a whole key over [`MAX_KEY_BYTES`], instead of letting a store mangle or reject it later.
pub fn join(prefix: &Path, rel: &str) -> Result<Path, String> {
    let rel = rel.trim_matches('/');
    let mut parts: Vec<PathPart<'_>> = prefix.parts().collect();
    if !rel.is_empty() {
        for part in rel.split('/') {
            if part.is_empty() {
                return Err(format!("`{rel}` has an empty part (`//`)"));
            }
            parts.push(PathPart::parse(part).map_err(|e| format!("`{rel}`: {e}"))?);
        }
    }
    let path = Path::from_iter(parts);
    if path.as_ref().len() > MAX_KEY_BYTES {
        return Err(format!(
            "`{}` is {} bytes long; object stores take at most {MAX_KEY_BYTES}",
            path,
            path.as_ref().len()
        ));
    }
    Ok(path)
}

/// The part of `path` under `prefix`, as a string (`a/b.md`); `None` when outside it.
pub fn relative<'a>(prefix: &Path, path: &'a Path) -> Option<&'a str> {
    let p = prefix.as_ref();
    let s = path.as_ref();
    if p.is_empty() {
        return Some(s);
    }
    s.strip_prefix(p)?.strip_prefix('/')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slashes_spaces_and_japanese_stay_readable() {
        assert_eq!(safe_key("手順/障害対応/DB 切替"), "手順/障害対応/DB 切替");
        assert_eq!(safe_key("Home"), "Home");
        assert_eq!(safe_key("a+b=c&d: e"), "a+b=c&d: e");
    }

    #[test]
    fn characters_stores_advise_against_are_percent_encoded() {
        assert_eq!(safe_key("100% done?"), "100%25 done%3F");
        assert_eq!(safe_key("a#b[1]*~|\\"), "a%23b%5B1%5D%2A%7E%7C%5C");
        assert_eq!(safe_key("tab\there\nnl"), "tab%09here%0Anl");
        assert_eq!(safe_key("<x>{y}^`\""), "%3Cx%3E%7By%7D%5E%60%22");
    }

    #[test]
    fn dot_parts_and_empty_parts_cannot_escape_or_collapse() {
        assert_eq!(safe_key("../etc/passwd"), "%2E%2E/etc/passwd");
        assert_eq!(safe_key("a/./b"), "a/%2E/b");
        assert_eq!(safe_key("a//b"), "a/%2Fb");
        assert_eq!(safe_key("/a"), "%2Fa");
        assert_eq!(safe_key("a/"), "a%2F");
        assert_eq!(safe_key("/"), "%2F");
        assert_eq!(safe_key("//"), "%2F%2F");
        assert_eq!(safe_key(""), "");
        let names = ["a/b", "a//b", "/a/b", "a/b/", "a%2Fb", "a/%2Fb", "a///b", "//a", "a//"];
        let keys: std::collections::BTreeSet<String> = names.iter().map(|n| safe_key(n)).collect();
        assert_eq!(keys.len(), names.len(), "{keys:?}");
    }

    #[test]
    fn every_key_is_a_valid_path_and_decodes_back_to_its_name() {
        for name in [
            "手順/障害対応/DB 切替",
            "../x",
            "a//b",
            "/lead",
            "trail/",
            "/",
            "//",
            "a///b",
            "100% done?",
            "tab\t/ctl\u{7f}",
            "ü/é/한국어",
            "%2F",
        ] {
            let key = safe_key(name);
            assert!(join(&Path::from("p"), &key).is_ok(), "{name:?} -> {key:?}");
            assert_eq!(name_from_key(&key).as_deref(), Some(name), "{key:?}");
        }
    }

    #[test]
    fn long_parts_are_shortened_with_a_hash_and_stay_distinct() {
        let long_a = "障".repeat(100);
        let long_b = format!("{}x", "障".repeat(100));
        let (ka, kb) = (safe_key(&format!("dir/{long_a}")), safe_key(&long_b));
        let last = ka.rsplit('/').next().unwrap();
        assert!(last.len() <= MAX_PART_BYTES, "{}", last.len());
        assert!(last.contains('~'));
        assert_ne!(ka.trim_start_matches("dir/"), kb);
        assert!(name_from_key(&ka).is_none());
        // Not cut inside an escape.
        let pct = "%".repeat(150);
        let k = safe_key(&pct);
        assert!(k.len() <= MAX_PART_BYTES);
        assert!(k.split('~').next().unwrap().ends_with("%25"), "{k}");
    }

    #[test]
    fn join_keeps_utf8_and_refuses_what_a_store_would_mangle() {
        let p = join(&Path::from("backups/wiki"), "PRJ/手順/DB 切替.md").unwrap();
        assert_eq!(p.as_ref(), "backups/wiki/PRJ/手順/DB 切替.md");
        assert_eq!(relative(&Path::from("backups/wiki"), &p), Some("PRJ/手順/DB 切替.md"));
        assert_eq!(relative(&Path::ROOT, &p), Some(p.as_ref()));
        assert_eq!(relative(&Path::from("backups/wi"), &p), None);
        assert!(join(&Path::ROOT, "a/../b").is_err());
        assert!(join(&Path::ROOT, "a//b").is_err());
        assert!(join(&Path::ROOT, "a\nb").is_err());
        assert!(join(&Path::ROOT, &"x/".repeat(600)).is_err());
        assert_eq!(join(&Path::ROOT, "").unwrap(), Path::ROOT);
    }
}
