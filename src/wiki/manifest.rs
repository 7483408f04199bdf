//! `manifest.json`, the last object of a generation, and the names of generations.
//!
//! A manifest lists every object the generation consists of, with its size and SHA-256,
//! and every page with the keys of its objects. Keys are relative to the project's
//! folder (`<prefix>/<PROJECT>/`) and start with the generation that wrote the object:
//! a page unchanged since the generation a backup started from keeps the keys of that
//! earlier generation (see the README's "Incremental"), so one manifest can name objects
//! under several generations. What a generation wrote itself is what starts with its own
//! name.
//!
//! `pruned.json` marks a generation that retention removed but whose objects later
//! generations still reference: it is no longer a generation to restore, and its folder
//! holds only those objects.

use crate::backlog::Named;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// The manifest's own format; a reader refuses a newer one.
pub const FORMAT: u32 = 1;
pub const MANIFEST: &str = "manifest.json";
pub const PRUNED: &str = "pruned.json";
/// The folder of a generation that holds the pages.
pub const PAGES: &str = "pages";

/// `YYYYMMDDTHHMMSSZ`, UTC: the first generation started in a second.
const GENERATION_FORMAT: &str = "%Y%m%dT%H%M%SZ";
/// The most generations one second can hold: the first, then `-01` to `-99`.
pub const MAX_SEQUENCE: u32 = 99;

/// The name of the first generation started in `t`'s second.
pub fn generation_name(t: jiff::Timestamp) -> String {
    t.strftime(GENERATION_FORMAT).to_string()
}

/// A generation name: the second it started in (`20260301T020304Z`) and, for a later one
/// started in that same second, a two-digit sequence (`20260301T020304Z-01`, `-02`, …).
/// Names sort as text the way they sort by time, so a plain listing of the folders (and
/// every name written before the sequence existed) is in order: `…04Z` < `…04Z-01` <
/// `…04Z-99` < `…05Z`.
pub fn sequenced_name(t: jiff::Timestamp, sequence: u32) -> String {
    match sequence {
        0 => generation_name(t),
        n => format!("{}-{n:02}", generation_name(t)),
    }
}

/// The second a generation name stands for and its sequence (0 for none); `None` for
/// anything else in the folder.
pub fn parse_generation(name: &str) -> Option<(jiff::Timestamp, u32)> {
    let (base, sequence) = match name.split_once('-') {
        None => (name, 0),
        Some((base, seq)) => {
            let n: u32 = seq.parse().ok().filter(|n| (1..=MAX_SEQUENCE).contains(n))?;
            // Exactly two digits, so that one name has one spelling and text order holds.
            if seq.len() != 2 || !seq.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            (base, n)
        }
    };
    if base.len() != 16 {
        return None;
    }
    let dt = jiff::civil::DateTime::strptime(GENERATION_FORMAT, base).ok()?;
    dt.to_zoned(jiff::tz::TimeZone::UTC).ok().map(|z| (z.timestamp(), sequence))
}

/// The time a generation name stands for; `None` for anything else in the folder.
pub fn generation_time(name: &str) -> Option<jiff::Timestamp> {
    parse_generation(name).map(|(t, _)| t)
}

/// The name for a generation started at `started`, given the names a project already
/// has: the second's own name, or the next sequence after the newest of that second, so
/// that two runs in one second never write into one folder. A name newer than the
/// run's second (a clock that went back, or another host's clock ahead) is refused
/// rather than named around: the new generation would sort before it and never be the
/// latest.
pub fn next_generation_name<'a>(
    started: jiff::Timestamp,
    existing: impl IntoIterator<Item = &'a str>,
) -> Result<String, String> {
    let second = generation_time(&generation_name(started)).unwrap_or(started);
    let mut next = 0;
    for name in existing {
        let Some((t, sequence)) = parse_generation(name) else { continue };
        if t > second {
            return Err(format!("generation {name} is newer than this run's start ({})", generation_name(started)));
        }
        if t == second {
            next = next.max(sequence + 1);
        }
    }
    if next > MAX_SEQUENCE {
        return Err(format!(
            "{} generations already started in the second {}",
            MAX_SEQUENCE + 1,
            generation_name(started)
        ));
    }
    Ok(sequenced_name(second, next))
}

/// One object: where, how long, and its SHA-256 (lowercase hex).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ObjectEntry {
    pub key: String,
    pub size: u64,
    pub sha256: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ManifestProject {
    pub key: String,
    pub id: u64,
    pub name: String,
    /// `markdown` or `backlog`: what the content files are written in.
    #[serde(default)]
    pub text_formatting_rule: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttachmentEntry {
    pub id: u64,
    pub name: String,
    pub size: u64,
    pub key: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryEntry {
    pub version: u64,
    pub key: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageEntry {
    pub id: u64,
    pub name: String,
    /// As the page list said it; with `tags` and `name`, what decides "unchanged".
    pub updated: Option<jiff::Timestamp>,
    #[serde(default)]
    pub tags: Vec<Named>,
    /// The content file.
    pub content: String,
    /// The sidecar JSON.
    pub meta: String,
    #[serde(default)]
    pub attachments: Vec<AttachmentEntry>,
    /// Every version, oldest first, when the backup asked for history.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub history: Option<Vec<HistoryEntry>>,
    /// Whether this generation read the page from Backlog (false: carried over).
    pub fetched: bool,
}

impl PageEntry {
    /// Every object key of the page.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        [self.content.as_str(), self.meta.as_str()]
            .into_iter()
            .chain(self.attachments.iter().map(|a| a.key.as_str()))
            .chain(self.history.iter().flatten().map(|h| h.key.as_str()))
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Manifest {
    pub format: u32,
    pub opskit_version: String,
    pub project: ManifestProject,
    pub generation: String,
    pub started: jiff::Timestamp,
    pub finished: jiff::Timestamp,
    /// The generation unchanged pages were carried over from.
    pub base: Option<String>,
    pub history: bool,
    /// Every page was read from Backlog (`--full`, or no base).
    pub full: bool,
    pub pages: Vec<PageEntry>,
    /// Every object of the generation, its own and those it carries over, by key.
    pub objects: Vec<ObjectEntry>,
}

impl Manifest {
    /// Parse and check: the format is known, every page's key is listed once in
    /// `objects`, and no key escapes the project folder.
    pub fn parse(bytes: &[u8]) -> Result<Manifest, String> {
        let m: Manifest = serde_json::from_slice(bytes).map_err(|e| format!("not a backup manifest: {e}"))?;
        if m.format > FORMAT {
            return Err(format!("manifest format {} is newer than this opskit reads ({FORMAT})", m.format));
        }
        let mut keys = BTreeSet::new();
        for o in &m.objects {
            if object_store::path::Path::parse(&o.key).is_err() || o.key.split('/').any(|s| s.is_empty()) {
                return Err(format!("manifest lists an invalid key `{}`", o.key));
            }
            if generation_time(o.key.split('/').next().unwrap_or("")).is_none() {
                return Err(format!("manifest lists key `{}` outside any generation", o.key));
            }
            if !keys.insert(o.key.as_str()) {
                return Err(format!("manifest lists `{}` twice", o.key));
            }
        }
        for p in &m.pages {
            if let Some(k) = p.keys().find(|k| !keys.contains(k)) {
                return Err(format!("page `{}` names `{k}`, which the manifest's objects do not list", p.name));
            }
        }
        Ok(m)
    }

    pub fn to_json(&self) -> Vec<u8> {
        let mut v = serde_json::to_vec_pretty(self).unwrap_or_default();
        v.push(b'\n');
        v
    }

    /// Bytes of every object, carried over ones included.
    pub fn size(&self) -> u64 {
        self.objects.iter().map(|o| o.size).sum()
    }

    /// The objects this generation wrote itself.
    pub fn own(&self) -> impl Iterator<Item = &ObjectEntry> {
        let prefix = format!("{}/", self.generation);
        self.objects.iter().filter(move |o| o.key.starts_with(&prefix))
    }

    pub fn object(&self, key: &str) -> Option<&ObjectEntry> {
        self.objects.iter().find(|o| o.key == key)
    }
}

/// What `pruned.json` says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PrunedMarker {
    pub generation: String,
    pub pruned: jiff::Timestamp,
    /// The kept generations that reference objects of this one.
    pub held_for: Vec<String>,
    pub objects_held: usize,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generation_names_round_trip_and_sort_by_time() {
        let t: jiff::Timestamp = "2026-03-01T02:03:04Z".parse().unwrap();
        assert_eq!(generation_name(t), "20260301T020304Z");
        assert_eq!(generation_time("20260301T020304Z"), Some(t));
        assert_eq!(generation_time("manifest.json"), None);
        assert_eq!(generation_time("20260301T020304"), None);
        assert!(generation_name(t) < generation_name(t + jiff::SignedDuration::from_secs(1)));
    }

    #[test]
    fn a_second_run_in_one_second_gets_the_next_sequence_and_names_sort_by_time() {
        let t: jiff::Timestamp = "2026-03-01T02:03:04.250Z".parse().unwrap();
        let whole: jiff::Timestamp = "2026-03-01T02:03:04Z".parse().unwrap();
        assert_eq!(next_generation_name(t, []).unwrap(), "20260301T020304Z");
        assert_eq!(next_generation_name(t, ["20260301T020303Z"]).unwrap(), "20260301T020304Z");
        assert_eq!(next_generation_name(t, ["20260301T020304Z"]).unwrap(), "20260301T020304Z-01");
        assert_eq!(
            next_generation_name(t, ["20260301T020304Z", "20260301T020304Z-01", "not-ours"]).unwrap(),
            "20260301T020304Z-02"
        );
        assert_eq!(parse_generation("20260301T020304Z-02"), Some((whole, 2)));
        for bad in ["20260301T020304Z-2", "20260301T020304Z-00", "20260301T020304Z-100", "20260301T020304Z-+1", "x-01"]
        {
            assert_eq!(parse_generation(bad), None, "{bad}");
        }
        let e = next_generation_name(t, ["20260301T020305Z"]).unwrap_err();
        assert!(e.contains("newer than this run's start"), "{e}");
        let full: Vec<String> = (0..=MAX_SEQUENCE).map(|n| sequenced_name(whole, n)).collect();
        assert!(next_generation_name(t, full.iter().map(String::as_str)).is_err());
        let mut sorted = full.clone();
        sorted.push(generation_name(whole + jiff::SignedDuration::from_secs(1)));
        sorted.insert(0, generation_name(whole - jiff::SignedDuration::from_secs(1)));
        let by_time = sorted.clone();
        sorted.sort();
        assert_eq!(sorted, by_time, "text order is time order");
    }

    fn manifest(objects: Vec<ObjectEntry>, content: &str) -> Manifest {
        Manifest {
            format: FORMAT,
            opskit_version: "0".into(),
            project: ManifestProject { key: "OPS".into(), id: 1, name: "Ops".into(), text_formatting_rule: None },
            generation: "20260301T020304Z".into(),
            started: jiff::Timestamp::UNIX_EPOCH,
            finished: jiff::Timestamp::UNIX_EPOCH,
            base: None,
            history: false,
            full: true,
            pages: vec![PageEntry {
                id: 1,
                name: "Home".into(),
                updated: None,
                tags: vec![],
                content: content.into(),
                meta: "20260301T020304Z/pages/Home.json".into(),
                attachments: vec![],
                history: None,
                fetched: true,
            }],
            objects,
        }
    }

    fn obj(key: &str) -> ObjectEntry {
        ObjectEntry { key: key.into(), size: 1, sha256: "00".into() }
    }

    #[test]
    fn parse_refuses_unlisted_duplicate_and_escaping_keys() {
        let ok = manifest(
            vec![obj("20260301T020304Z/pages/Home.md"), obj("20260301T020304Z/pages/Home.json")],
            "20260301T020304Z/pages/Home.md",
        );
        assert_eq!(Manifest::parse(&ok.to_json()).unwrap(), ok);
        let unlisted = manifest(vec![obj("20260301T020304Z/pages/Home.json")], "20260301T020304Z/pages/Home.md");
        assert!(Manifest::parse(&unlisted.to_json()).unwrap_err().contains("do not list"));
        let twice = manifest(
            vec![obj("20260301T020304Z/pages/Home.json"), obj("20260301T020304Z/pages/Home.json")],
            "20260301T020304Z/pages/Home.json",
        );
        assert!(Manifest::parse(&twice.to_json()).unwrap_err().contains("twice"));
        for bad in ["../x/pages/Home.md", "/etc/passwd", "elsewhere/Home.md"] {
            let m = manifest(vec![obj(bad), obj("20260301T020304Z/pages/Home.json")], bad);
            assert!(Manifest::parse(&m.to_json()).is_err(), "{bad}");
        }
    }
}
