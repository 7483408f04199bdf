//! Where backups live: an [`object_store::ObjectStore`] and a prefix inside it, opened
//! from a URL, with the few operations the backup needs (put with a SHA-256, read with
//! one, list folders, delete).
//!
//! [`open_location`] opens `file://` directories and absolute paths, never a relative one
//! ([`object_store::local::LocalFileSystem`]);
//! [`Location::open_with`] also opens `gs://` and `s3://` through [`crate::storage`], which
//! turns every URL form into the same store and prefix.

use super::manifest::ObjectEntry;
use anyhow::Context as _;
use futures::StreamExt as _;
use object_store::path::Path;
use object_store::{ObjectStore, ObjectStoreExt as _, PutPayload};
use sha2::Digest as _;
use std::sync::Arc;

/// Why a URL cannot be opened.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum LocationError {
    /// A scheme this build cannot open yet, or a malformed URL: a usage error.
    #[error("{0}")]
    Unsupported(String),
    /// The place named does not exist or cannot be made.
    #[error("{0}")]
    Unavailable(String),
}

/// A store and the prefix inside it that the URL names: a `file://` URL or an absolute
/// path, by [`crate::storage::local_dir`]'s rule (a relative directory is refused).
pub fn open_location(url: &str, create: bool) -> Result<(Arc<dyn ObjectStore>, Path), LocationError> {
    let url = url.trim();
    let hint = "hint: use gs://bucket/prefix, s3://bucket/prefix or file:///absolute/dir";
    let is_file = url.starts_with('/') || url.get(..5).is_some_and(|s| s.eq_ignore_ascii_case("file:"));
    if is_file {
        let dir = crate::storage::local_dir(url).map_err(|e| LocationError::Unsupported(e.to_string()))?;
        if create && !dir.exists() {
            crate::storage::create_private_dir(url, &dir).map_err(|e| LocationError::Unavailable(e.to_string()))?;
        }
        if !dir.is_dir() {
            return Err(LocationError::Unavailable(format!("{url}: no such directory")));
        }
        // Files are synced before a put returns, so the manifest, written last, is
        // never on disk before the objects it lists. Emptied folders are removed
        // (up to the backup directory, never above it).
        let fs = object_store::local::LocalFileSystem::new_with_prefix(&dir)
            .map_err(|e| LocationError::Unavailable(format!("{url}: {e}")))?
            .with_automatic_cleanup(true)
            .with_fsync(true);
        return Ok((Arc::new(crate::storage::private::PrivateDir::new(fs, dir)), Path::default()));
    }
    let Some((scheme, _)) = url.split_once("://") else {
        return Err(LocationError::Unsupported(format!("`{url}` is not a backup URL\n{hint}")));
    };
    match scheme.to_ascii_lowercase().as_str() {
        "gs" | "s3" => Err(LocationError::Unsupported(format!(
            "{scheme}:// is opened by Location::open_with (it needs credentials)\n{hint}"
        ))),
        other => Err(LocationError::Unsupported(format!("unknown backup URL scheme `{other}://`\n{hint}"))),
    }
}

/// A backup location: everything below `prefix` in `store`. Keys passed to its methods
/// are relative to the prefix (`OPS/20260301T020304Z/pages/Home.md`).
#[derive(Clone)]
pub struct Location {
    pub store: Arc<dyn ObjectStore>,
    pub prefix: Path,
    /// The URL as given, without a trailing slash: for messages.
    pub url: String,
}

impl std::fmt::Debug for Location {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Location").field("url", &self.url).field("prefix", &self.prefix.as_ref()).finish()
    }
}

impl Location {
    pub fn open(url: &str, create: bool) -> Result<Location, LocationError> {
        let (store, prefix) = open_location(url, create)?;
        Ok(Location { store, prefix, url: url.trim().trim_end_matches('/').to_string() })
    }

    /// Any URL form: `file://` as [`Location::open`], `gs://` and `s3://` through
    /// [`crate::storage::open`] with the run's credentials.
    pub async fn open_with(
        url: &str,
        create: bool,
        settings: &crate::storage::Settings,
    ) -> Result<Location, LocationError> {
        let scheme = url.trim().split_once("://").map(|(s, _)| s.to_ascii_lowercase());
        if !matches!(scheme.as_deref(), Some("gs" | "s3")) {
            return Location::open(url, create);
        }
        match crate::storage::open(url, settings).await {
            Ok(loc) => Ok(Location::new(loc.store().clone(), loc.prefix().clone(), loc.url())),
            Err(e @ crate::storage::StorageError::Url { .. }) => Err(LocationError::Unsupported(e.to_string())),
            Err(e) => Err(LocationError::Unavailable(e.to_string())),
        }
    }

    pub fn new(store: Arc<dyn ObjectStore>, prefix: Path, url: &str) -> Location {
        Location { store, prefix, url: url.trim_end_matches('/').to_string() }
    }

    /// `URL/key`, as people see an object.
    pub fn url_of(&self, key: &str) -> String {
        format!("{}/{key}", self.url)
    }

    fn path(&self, key: &str) -> anyhow::Result<Path> {
        let full = if self.prefix.as_ref().is_empty() { key.to_string() } else { format!("{}/{key}", self.prefix) };
        Path::parse(&full).with_context(|| format!("invalid object key `{key}`"))
    }

    /// The key of a path listed under the prefix.
    fn key_of(&self, path: &Path) -> String {
        let p = path.as_ref();
        let prefix = self.prefix.as_ref();
        if prefix.is_empty() {
            p.to_string()
        } else {
            p.strip_prefix(prefix).unwrap_or(p).trim_start_matches('/').to_string()
        }
    }

    /// Write `bytes` at `key`; answers what a manifest records of it.
    pub async fn put(&self, key: &str, bytes: Vec<u8>) -> anyhow::Result<ObjectEntry> {
        let size = bytes.len() as u64;
        let sha256 = hex::encode(sha2::Sha256::digest(&bytes));
        let path = self.path(key)?;
        self.store
            .put(&path, PutPayload::from(bytes))
            .await
            .with_context(|| format!("writing {}", self.url_of(key)))?;
        Ok(ObjectEntry { key: key.to_string(), size, sha256 })
    }

    /// The whole object, or `None` when there is none.
    pub async fn get(&self, key: &str) -> anyhow::Result<Option<Vec<u8>>> {
        let path = self.path(key)?;
        match self.store.get(&path).await {
            Ok(r) => Ok(Some(r.bytes().await.with_context(|| format!("reading {}", self.url_of(key)))?.to_vec())),
            Err(object_store::Error::NotFound { .. }) => Ok(None),
            Err(e) => Err(anyhow::Error::new(e).context(format!("reading {}", self.url_of(key)))),
        }
    }

    /// Size and SHA-256 of an object read in full, as it streams; `None` when missing.
    pub async fn digest(&self, key: &str) -> anyhow::Result<Option<(u64, String)>> {
        let path = self.path(key)?;
        let mut stream = match self.store.get(&path).await {
            Ok(r) => r.into_stream(),
            Err(object_store::Error::NotFound { .. }) => return Ok(None),
            Err(e) => return Err(anyhow::Error::new(e).context(format!("reading {}", self.url_of(key)))),
        };
        let mut h = sha2::Sha256::new();
        let mut size = 0u64;
        while let Some(chunk) = stream.next().await {
            let chunk = chunk.with_context(|| format!("reading {}", self.url_of(key)))?;
            size += chunk.len() as u64;
            h.update(&chunk);
        }
        Ok(Some((size, hex::encode(h.finalize()))))
    }

    /// The folders directly under `key` (names only) and the objects directly in it
    /// (names and sizes). A folder that does not exist is empty.
    pub async fn dir(&self, key: &str) -> anyhow::Result<(Vec<String>, Vec<(String, u64)>)> {
        let path = if key.is_empty() { self.prefix.clone() } else { self.path(key)? };
        let listed = match self.store.list_with_delimiter(Some(&path)).await {
            Ok(l) => l,
            Err(object_store::Error::NotFound { .. }) => return Ok((Vec::new(), Vec::new())),
            Err(e) => return Err(anyhow::Error::new(e).context(format!("listing {}", self.url_of(key)))),
        };
        let name = |p: &Path| p.filename().unwrap_or_default().to_string();
        let mut dirs: Vec<String> = listed.common_prefixes.iter().map(name).collect();
        let mut objects: Vec<(String, u64)> = listed.objects.iter().map(|o| (name(&o.location), o.size)).collect();
        dirs.sort();
        objects.sort();
        Ok((dirs, objects))
    }

    /// Every object below `key`, at any depth: (key, size).
    pub async fn list(&self, key: &str) -> anyhow::Result<Vec<(String, u64)>> {
        let path = self.path(key)?;
        let mut out: Vec<(String, u64)> = Vec::new();
        let mut stream = self.store.list(Some(&path));
        while let Some(meta) = stream.next().await {
            match meta {
                Ok(m) => out.push((self.key_of(&m.location), m.size)),
                Err(object_store::Error::NotFound { .. }) => break,
                Err(e) => return Err(anyhow::Error::new(e).context(format!("listing {}", self.url_of(key)))),
            }
        }
        out.sort();
        Ok(out)
    }

    /// Delete each key; one already gone is not an error.
    pub async fn delete(&self, keys: &[String]) -> anyhow::Result<()> {
        let paths: Vec<object_store::Result<Path>> = keys
            .iter()
            .map(|k| self.path(k).map_err(|e| object_store::Error::Generic { store: "opskit", source: e.into() }))
            .collect();
        let mut results = self.store.delete_stream(futures::stream::iter(paths).boxed());
        while let Some(r) = results.next().await {
            match r {
                Ok(_) | Err(object_store::Error::NotFound { .. }) => {}
                Err(e) => return Err(anyhow::Error::new(e).context(format!("deleting objects under {}", self.url))),
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_urls_and_absolute_paths_open_relative_ones_and_the_others_say_why() {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("file://{}/", dir.path().display());
        let loc = Location::open(&url, false).unwrap();
        assert_eq!(loc.url_of("OPS/x"), format!("file://{}/OPS/x", dir.path().display()));
        let e = Location::open("gs://bucket/wiki", true).unwrap_err().to_string();
        assert!(e.contains("open_with"), "{e}");
        assert!(matches!(Location::open("s3://b/p", true), Err(LocationError::Unsupported(_))));
        let rel = Location::open("file://rel/dir", true).unwrap_err().to_string();
        assert!(rel.starts_with("file://rel/dir: a relative directory is refused"), "{rel}");
        assert!(rel.contains("\nhint: use an absolute path, e.g. file:///var/backups/opskit"), "{rel}");
        assert!(matches!(Location::open("rel/dir", true), Err(LocationError::Unsupported(_))));
        let plain = dir.path().join("plain");
        Location::open(plain.to_str().unwrap(), true).unwrap();
        assert!(plain.is_dir(), "an absolute path is a directory too, as for the storage URLs");
        assert!(matches!(Location::open("ftp://x/y", true), Err(LocationError::Unsupported(_))));
        let missing = format!("file://{}/missing", dir.path().display());
        assert!(matches!(Location::open(&missing, false), Err(LocationError::Unavailable(_))));
        Location::open(&missing, true).unwrap();
        assert!(dir.path().join("missing").is_dir(), "a destination is created");
    }

    #[tokio::test]
    async fn put_digest_list_and_delete_round_trip_on_local_files() {
        let dir = tempfile::tempdir().unwrap();
        let loc = Location::open(&format!("file://{}", dir.path().display()), false).unwrap();
        let key = "OPS/20260301T000000Z/pages/手順書/障害 対応 100%25.md";
        let e = loc.put(key, b"hello".to_vec()).await.unwrap();
        assert_eq!(
            (e.size, e.sha256.as_str()),
            (5, "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824")
        );
        assert!(dir.path().join("OPS/20260301T000000Z/pages/手順書/障害 対応 100%25.md").is_file(), "names as given");
        assert_eq!(loc.digest(key).await.unwrap(), Some((5, e.sha256.clone())));
        assert_eq!(loc.get("OPS/nope").await.unwrap(), None);
        assert_eq!(loc.list("OPS").await.unwrap(), [(key.to_string(), 5)]);
        assert_eq!(loc.dir("").await.unwrap().0, ["OPS"]);
        assert_eq!(loc.dir("OPS/20260301T000000Z").await.unwrap().0, ["pages"]);
        assert_eq!(loc.dir("NOPE").await.unwrap(), (vec![], vec![]));
        loc.delete(&[key.to_string(), "OPS/gone".to_string()]).await.unwrap();
        assert!(loc.list("OPS").await.unwrap().is_empty());
        assert!(!dir.path().join("OPS").exists(), "emptied folders go");
        assert!(dir.path().exists(), "the backup directory stays");
    }
}
