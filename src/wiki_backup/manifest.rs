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

/// `YYYYMMDDTHHMMSSZ`, UTC: generations sort by name as they do by time.
const GENERATION_FORMAT: &str = "%Y%m%dT%H%M%SZ";

pub fn generation_name(t: jiff::Timestamp) -> String {
    t.strftime(GENERATION_FORMAT).to_string()
}

/// The time a generation name stands for; `None` for anything else in the folder.
pub fn generation_time(name: &str) -> Option<jiff::Timestamp> {
    if name.len() != 16 {
        return None;
    }
    let dt = jiff::civil::DateTime::strptime(GENERATION_FORMAT, name).ok()?;
    dt.to_zoned(jiff::tz::TimeZone::UTC).ok().map(|z| z.timestamp())
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
