//! `restore`: a generation back as files in a directory, readable without Backlog, or as
//! pages of a Backlog project.
//!
//! Every object is checked against the manifest's size and SHA-256 as it is read; one
//! that differs or is missing is not restored and is named in the result. In a
//! directory each page is laid out under its current name (see [`super::names`]): the
//! content file, its sidecar JSON, `NAME.attachments/` and `NAME.history/`, whichever
//! generation the objects were written by.
//!
//! Into a project: pages are created (or, with `overwrite`, given the backed-up content
//! as a new version) in name order with `mailNotify=false`, and their attachments
//! uploaded; an attachment the page already has under the same name and size is kept,
//! one of the same name and another size is replaced. Tags, authors, times and earlier
//! versions cannot be set through Backlog's API and are not restored there.

use super::manifest::{Manifest, PageEntry};
use super::names;
use super::store::Location;
use super::verify::Problem;
use crate::backlog::wiki::{ProjectWiki, WikiPageUpdate};
use anyhow::Context as _;
use futures::{StreamExt as _, TryStreamExt as _};
use serde::Serialize;
use sha2::Digest as _;
use std::collections::HashMap;

/// The files of a page as restored: (path relative to the restore directory, key).
pub fn layout(page: &PageEntry) -> anyhow::Result<Vec<(String, &str)>> {
    let rel = names::page_path(&page.name);
    let last = |key: &str| -> anyhow::Result<String> {
        let seg = key.rsplit('/').next().unwrap_or_default();
        anyhow::ensure!(names::is_plain_segment(seg), "the manifest names an unsafe file `{key}`");
        Ok(seg.to_string())
    };
    let ext = last(&page.content)?.rsplit_once('.').map(|(_, e)| e.to_string()).unwrap_or_else(|| "txt".into());
    let mut out = vec![(format!("{rel}.{ext}"), page.content.as_str()), (format!("{rel}.json"), page.meta.as_str())];
    // Named as the sidecar names them, whichever generation holds the bytes.
    let ids: Vec<(u64, &str)> = page.attachments.iter().map(|a| (a.id, a.name.as_str())).collect();
    for (a, file) in page.attachments.iter().zip(names::attachment_files(&ids)) {
        out.push((format!("{rel}{}/{file}", names::ATTACHMENTS_SUFFIX), a.key.as_str()));
    }
    for h in page.history.iter().flatten() {
        out.push((format!("{rel}{}/{}", names::HISTORY_SUFFIX, last(&h.key)?), h.key.as_str()));
    }
    Ok(out)
}

/// An object's bytes if they are what the manifest says, else why not.
async fn read_checked(loc: &Location, m: &Manifest, key: &str) -> anyhow::Result<Result<Vec<u8>, Problem>> {
    let full = format!("{}/{key}", m.project.key);
    let problem = |p: String| Err(Problem { object: loc.url_of(&full), problem: p });
    let Some(entry) = m.object(key) else {
        return Ok(problem("not listed in the manifest's objects".into()));
    };
    let Some(bytes) = loc.get(&full).await? else {
        return Ok(problem("missing".into()));
    };
    if bytes.len() as u64 != entry.size {
        return Ok(problem(format!("size {} bytes, the manifest says {}", bytes.len(), entry.size)));
    }
    let sha = hex::encode(sha2::Sha256::digest(&bytes));
    if sha != entry.sha256 {
        return Ok(problem(format!("SHA-256 {sha}, the manifest says {}", entry.sha256)));
    }
    Ok(Ok(bytes))
}

/// What a restore did.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Restored {
    pub pages: usize,
    pub files: usize,
    pub bytes: u64,
    /// Pages created in the project.
    pub created: Vec<String>,
    /// Existing pages given the backed-up content (`overwrite`).
    pub updated: Vec<String>,
    pub attachments: usize,
    /// Attachments the target already had (same name and size).
    pub kept_attachments: usize,
    pub problems: Vec<Problem>,
}

/// Write every page of `m` under `dir`, which must be empty or not exist yet.
pub async fn to_dir(
    loc: &Location,
    m: &Manifest,
    dir: &std::path::Path,
    concurrency: usize,
) -> anyhow::Result<Restored> {
    let mut files = Vec::new();
    for p in &m.pages {
        files.extend(layout(p)?);
    }
    crate::private_fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    let results: Vec<Result<u64, Problem>> = futures::stream::iter(&files)
        .map(|(rel, key)| async move {
            let bytes = match read_checked(loc, m, key).await? {
                Ok(b) => b,
                Err(p) => return Ok(Err(p)),
            };
            let path = rel.split('/').fold(dir.to_path_buf(), |p, seg| p.join(seg));
            if let Some(parent) = path.parent() {
                crate::private_fs::create_dir_all(parent).with_context(|| format!("creating {}", parent.display()))?;
            }
            // Never overwrite: two names that one file system folds together (`Home`
            // and `home` on a case-insensitive one) must not silently lose a page. Private,
            // as the backup it came from.
            let mut f = crate::private_fs::open_options()
                .write(true)
                .create_new(true)
                .open(&path)
                .with_context(|| format!("creating {}", path.display()))?;
            std::io::Write::write_all(&mut f, &bytes).with_context(|| format!("writing {}", path.display()))?;
            Ok::<_, anyhow::Error>(Ok(bytes.len() as u64))
        })
        .buffer_unordered(concurrency.max(1))
        .try_collect()
        .await?;
    let mut out = Restored { pages: m.pages.len(), ..Restored::default() };
    for r in results {
        match r {
            Ok(n) => {
                out.files += 1;
                out.bytes += n;
            }
            Err(p) => out.problems.push(p),
        }
    }
    out.problems.sort_by(|a, b| a.object.cmp(&b.object));
    Ok(out)
}

/// The pages of `m` that `target` already has, by name.
pub async fn conflicts(m: &Manifest, target: &ProjectWiki) -> anyhow::Result<Vec<String>> {
    let existing = target.pages().await?;
    let mut out: Vec<String> =
        m.pages.iter().filter(|p| existing.iter().any(|e| e.name == p.name)).map(|p| p.name.clone()).collect();
    out.sort();
    Ok(out)
}

/// Recreate the pages of `m` in `target`. Existing pages of the same name are refused
/// unless `overwrite` (the caller checks with [`conflicts`] first; a page created in
/// between fails on its own). One page that fails is named and the others go on.
pub async fn to_project(
    loc: &Location,
    m: &Manifest,
    target: &ProjectWiki,
    overwrite: bool,
) -> anyhow::Result<Restored> {
    let existing: HashMap<String, u64> = target.pages().await?.into_iter().map(|p| (p.name, p.id)).collect();
    let mut out = Restored { pages: m.pages.len(), ..Restored::default() };
    let mut pages: Vec<&PageEntry> = m.pages.iter().collect();
    pages.sort_by(|a, b| a.name.cmp(&b.name));
    for p in pages {
        if let Err(e) = page_to_project(loc, m, target, p, existing.get(&p.name).copied(), overwrite, &mut out).await {
            out.problems.push(Problem {
                object: format!("wiki page `{}`", p.name),
                problem: crate::redact::redact(&format!("{e:#}")),
            });
        }
    }
    Ok(out)
}

async fn page_to_project(
    loc: &Location,
    m: &Manifest,
    target: &ProjectWiki,
    p: &PageEntry,
    existing: Option<u64>,
    overwrite: bool,
    out: &mut Restored,
) -> anyhow::Result<()> {
    let content = match read_checked(loc, m, &p.content).await? {
        Ok(b) => String::from_utf8(b).context("the content is not UTF-8")?,
        Err(problem) => {
            out.problems.push(problem);
            return Ok(());
        }
    };
    out.bytes += content.len() as u64;
    let (id, had) = match existing {
        Some(_) if !overwrite => anyhow::bail!("the page exists in project {}", target.project().project_key),
        Some(id) => {
            target.update(id, &WikiPageUpdate::content(content)).await?;
            out.updated.push(p.name.clone());
            (id, target.page(id).await?.attachments)
        }
        None => {
            let page = target.create(&p.name, &content, false).await?;
            out.created.push(p.name.clone());
            (page.id, Vec::new())
        }
    };
    out.files += 1;
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    for a in &p.attachments {
        if had.iter().any(|h| h.name == a.name && h.size == a.size) {
            out.kept_attachments += 1;
            continue;
        }
        match read_checked(loc, m, &a.key).await? {
            Ok(bytes) => files.push((a.name.clone(), bytes)),
            Err(problem) => out.problems.push(problem),
        }
    }
    for h in had.iter().filter(|h| files.iter().any(|(n, _)| *n == h.name)) {
        target.remove_attachment(id, h.id).await?;
    }
    let refs: Vec<(&str, &[u8])> = files.iter().map(|(n, b)| (n.as_str(), b.as_slice())).collect();
    target.upload_and_attach(id, &refs).await?;
    out.attachments += files.len();
    out.files += files.len();
    out.bytes += files.iter().map(|(_, b)| b.len() as u64).sum::<u64>();
    Ok(())
}
