//! One project's backup: list the pages (one request), read the pages that changed since
//! the newest complete generation, write them as a new generation, and write its
//! manifest last.
//!
//! A page is carried over, not read, when the page list shows it with the same name,
//! `updated` time and tags as the base generation's manifest (and the base has its
//! history when history is asked for): its entry, keys included, is copied into the new
//! manifest, so the new generation references the earlier objects. A page that changed
//! is read with `GET /wikis/:id`, whose answer lists its attachments; an attachment the
//! base already holds (same id and size: Backlog never changes an attachment's bytes) is
//! referenced too, the others are downloaded. Pages are read with bounded concurrency;
//! the client waits out Backlog's rate limit (see [`crate::backlog::rate`]).
//!
//! The first error stops the project's backup: no manifest is written, so the
//! generation stays incomplete and is never a base.

use super::catalog::{self, State};
use super::manifest::{
    self, AttachmentEntry, FORMAT, HistoryEntry, Manifest, ManifestProject, ObjectEntry, PAGES, PageEntry,
};
use super::names;
use super::store::Location;
use crate::backlog::wiki::{Attachment, ProjectWiki, SharedFile, User, WikiListItem};
use crate::backlog::{Named, TextFormattingRule};
use anyhow::Context as _;
use futures::{StreamExt as _, TryStreamExt as _};
use serde::Serialize;
use std::collections::{HashMap, HashSet};

/// How one project is backed up.
#[derive(Debug, Clone)]
pub struct Options {
    /// Also every version of each page read.
    pub history: bool,
    /// Read every page, whatever the base generation holds.
    pub full: bool,
    /// Pages read at once.
    pub concurrency: usize,
    /// List and plan only: nothing is read beyond the list, nothing written.
    pub dry_run: bool,
    /// The run's start: the manifest's `started`, and what names the generation (its
    /// second, and a sequence after any generation already started in that second; see
    /// [`manifest::next_generation_name`]).
    pub started: jiff::Timestamp,
    /// The end time to record instead of the clock's (a pinned `OPSKIT_NOW`).
    pub finished: Option<jiff::Timestamp>,
    /// A progress bar on a terminal's stderr.
    pub progress: bool,
}

/// What a backup of one project did.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Outcome {
    pub project: String,
    pub generation: String,
    pub base: Option<String>,
    pub pages: usize,
    /// Pages read from Backlog (planned, in a dry run).
    pub fetched: usize,
    /// Pages carried over from the base.
    pub carried: usize,
    /// Pages listed but gone by the time they were read.
    pub vanished: usize,
    pub attachments: usize,
    pub downloaded: usize,
    pub objects: usize,
    /// Bytes this generation wrote (its manifest excluded).
    pub written: u64,
    /// Bytes of every object it lists, carried over ones included.
    pub size: u64,
    pub dry_run: bool,
}

/// The content files' extension: `.md` for Markdown projects, `.txt` for Backlog notation.
fn extension(rule: Option<&TextFormattingRule>) -> &'static str {
    match rule {
        Some(TextFormattingRule::Markdown) => "md",
        _ => "txt",
    }
}

/// Whether the base's entry for a listed page can stand for it.
fn unchanged(item: &WikiListItem, base: &PageEntry, history: bool) -> bool {
    let mut tags = item.tags.clone();
    tags.sort_by_key(|t| t.id);
    item.updated.is_some()
        && base.updated == item.updated
        && base.name == item.name
        && base.tags == tags
        && (!history || base.history.is_some())
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Sidecar<'a> {
    id: u64,
    project_key: &'a str,
    name: &'a str,
    /// Relative to the pages folder, as restored.
    file: String,
    format: &'a str,
    tags: &'a [Named],
    created: Option<jiff::Timestamp>,
    created_user: Option<&'a User>,
    updated: Option<jiff::Timestamp>,
    updated_user: Option<&'a User>,
    attachments: Vec<SidecarAttachment<'a>>,
    /// Files of the project's file store linked to the page: named, not copied.
    shared_files: &'a [SharedFile],
    #[serde(skip_serializing_if = "Option::is_none")]
    history: Option<Vec<SidecarVersion<'a>>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SidecarAttachment<'a> {
    id: u64,
    name: &'a str,
    size: u64,
    created: Option<jiff::Timestamp>,
    created_user: Option<&'a User>,
    file: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SidecarVersion<'a> {
    version: u64,
    name: &'a str,
    created: Option<jiff::Timestamp>,
    created_user: Option<&'a User>,
    file: String,
}

/// A page read and written: its entry, the objects it wrote or references, and counts.
struct PageDone {
    entry: PageEntry,
    objects: Vec<ObjectEntry>,
    downloaded: usize,
    written: u64,
}

struct Run<'a> {
    wiki: &'a ProjectWiki,
    loc: &'a Location,
    project: &'a str,
    generation: &'a str,
    ext: &'static str,
    history: bool,
    base: Option<&'a Manifest>,
}

impl Run<'_> {
    async fn put(&self, key: String, bytes: Vec<u8>, written: &mut u64) -> anyhow::Result<ObjectEntry> {
        *written += bytes.len() as u64;
        let mut e = self.loc.put(&format!("{}/{key}", self.project), bytes).await?;
        e.key = key;
        Ok(e)
    }

    /// Read one page (and what of it changed) and write its objects; `None` if Backlog
    /// says it is gone since the list.
    async fn page(&self, item: &WikiListItem, base: Option<&PageEntry>) -> anyhow::Result<Option<PageDone>> {
        let mut page = match self.wiki.page(item.id).await {
            Ok(p) => p,
            Err(e) if e.is_not_found() => {
                tracing::warn!(page = %item.name, id = item.id, "wiki page deleted while the backup ran; left out");
                return Ok(None);
            }
            Err(e) => return Err(e.into()),
        };
        let rel = names::page_path(&page.name);
        let dir = format!("{}/{PAGES}/{rel}", self.generation);
        let (mut objects, mut written, mut downloaded) = (Vec::new(), 0u64, 0usize);

        // Oldest first: of two attachments with one name, the older keeps the plain file name.
        page.attachments.sort_by_key(|a| a.id);
        let ids: Vec<(u64, &str)> = page.attachments.iter().map(|a| (a.id, a.name.as_str())).collect();
        let files = names::attachment_files(&ids);
        let mut attachments = Vec::with_capacity(page.attachments.len());
        for (a, file) in page.attachments.iter().zip(&files) {
            let held = base.and_then(|b| b.attachments.iter().find(|x| x.id == a.id && x.size == a.size));
            let held = held.and_then(|h| Some((h, self.base?.object(&h.key)?)));
            if let Some((h, obj)) = held {
                attachments.push(AttachmentEntry {
                    id: a.id,
                    name: a.name.clone(),
                    size: obj.size,
                    key: h.key.clone(),
                });
                objects.push(obj.clone());
                continue;
            }
            let bytes = self.download(page.id, a).await?;
            downloaded += 1;
            let e = self.put(format!("{dir}{}/{file}", names::ATTACHMENTS_SUFFIX), bytes, &mut written).await?;
            attachments.push(AttachmentEntry { id: a.id, name: a.name.clone(), size: e.size, key: e.key.clone() });
            objects.push(e);
        }

        let mut versions = Vec::new();
        let all = if self.history { self.wiki.full_history(page.id).await? } else { Vec::new() };
        let history = if self.history {
            let mut entries = Vec::with_capacity(all.len());
            for h in &all {
                let file = format!("{:06}.{}", h.version, self.ext);
                let e = self
                    .put(format!("{dir}{}/{file}", names::HISTORY_SUFFIX), h.content.clone().into_bytes(), &mut written)
                    .await?;
                entries.push(HistoryEntry { version: h.version, key: e.key.clone() });
                versions.push(SidecarVersion {
                    version: h.version,
                    name: &h.name,
                    created: h.created,
                    created_user: h.created_user.as_ref(),
                    file: format!("{rel}{}/{file}", names::HISTORY_SUFFIX),
                });
                objects.push(e);
            }
            Some(entries)
        } else {
            None
        };

        let content = self.put(format!("{dir}.{}", self.ext), page.content.clone().into_bytes(), &mut written).await?;
        let mut tags = page.tags.clone();
        tags.sort_by_key(|t| t.id);
        let sidecar = Sidecar {
            id: page.id,
            project_key: self.project,
            name: &page.name,
            file: format!("{rel}.{}", self.ext),
            format: if self.ext == "md" { "markdown" } else { "backlog" },
            tags: &tags,
            created: page.created,
            created_user: page.created_user.as_ref(),
            updated: page.updated,
            updated_user: page.updated_user.as_ref(),
            attachments: page
                .attachments
                .iter()
                .zip(&files)
                .map(|(a, file)| SidecarAttachment {
                    id: a.id,
                    name: &a.name,
                    size: a.size,
                    created: a.created,
                    created_user: a.created_user.as_ref(),
                    file: format!("{rel}{}/{file}", names::ATTACHMENTS_SUFFIX),
                })
                .collect(),
            shared_files: &page.shared_files,
            history: history.as_ref().map(|_| versions),
        };
        let mut json = serde_json::to_vec_pretty(&sidecar).context("writing a page's sidecar JSON")?;
        json.push(b'\n');
        let meta = self.put(format!("{dir}.json"), json, &mut written).await?;
        let entry = PageEntry {
            id: page.id,
            // The list's name and time, which the next run compares against.
            name: item.name.clone(),
            updated: item.updated,
            tags,
            content: content.key.clone(),
            meta: meta.key.clone(),
            attachments,
            history,
            fetched: true,
        };
        objects.push(content);
        objects.push(meta);
        Ok(Some(PageDone { entry, objects, downloaded, written }))
    }

    async fn download(&self, page_id: u64, a: &Attachment) -> anyhow::Result<Vec<u8>> {
        let d = self.wiki.download(page_id, a.id).await?;
        if a.size != 0 && d.bytes.len() as u64 != a.size {
            tracing::warn!(
                attachment = %a.name,
                listed = a.size,
                got = d.bytes.len(),
                "attachment size differs from what Backlog listed; keeping the bytes downloaded"
            );
        }
        Ok(d.bytes)
    }
}

/// The newest complete generation's manifest, if it can be read. One that cannot is
/// skipped with a warning: the run reads every page instead.
async fn base_manifest(loc: &Location, project: &str, gens: &[catalog::Generation]) -> Option<Manifest> {
    let newest = gens.iter().rev().find(|g| g.state == State::Complete)?;
    for g in gens.iter().rev().filter(|g| g.state == State::Incomplete && g.name > newest.name) {
        tracing::warn!(generation = %g.id(), "incomplete generation (no manifest); not used as a base");
    }
    match catalog::read_manifest(loc, project, &newest.name).await {
        Ok(m) => Some(m),
        Err(e) => {
            tracing::warn!("{e:#}; reading every page instead");
            None
        }
    }
}

fn progress(project: &str, n: usize, show: bool) -> Option<indicatif::ProgressBar> {
    use std::io::IsTerminal;
    if !show || n < 2 || !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = indicatif::ProgressBar::new(n as u64);
    let style = indicatif::ProgressStyle::with_template("{spinner} {msg} {pos}/{len} pages [{elapsed}]")
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar());
    bar.set_style(style);
    bar.set_message(format!("backing up the wiki of {project}"));
    bar.enable_steady_tick(std::time::Duration::from_millis(120));
    Some(bar)
}

/// Why a project's backup failed, and the generation it had begun writing (`None` when
/// it failed before writing anything, or in a dry run: nothing of it is at the location).
#[derive(Debug)]
pub struct Failure {
    pub generation: Option<String>,
    pub error: anyhow::Error,
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if f.alternate() { write!(f, "{:#}", self.error) } else { write!(f, "{}", self.error) }
    }
}

/// Back up the wiki of `wiki`'s project as a new generation at `loc`.
pub async fn backup_project(wiki: &ProjectWiki, loc: &Location, opts: &Options) -> Result<Outcome, Failure> {
    let mut generation = None;
    run_backup(wiki, loc, opts, &mut generation).await.map_err(|error| Failure { generation, error })
}

async fn run_backup(
    wiki: &ProjectWiki,
    loc: &Location,
    opts: &Options,
    named: &mut Option<String>,
) -> anyhow::Result<Outcome> {
    let project = wiki.project().project_key.as_str();
    let gens = catalog::generations(loc, project).await?;
    let generation =
        manifest::next_generation_name(opts.started, gens.iter().map(|g| g.name.as_str())).map_err(|e| {
            anyhow::anyhow!(
                "{}: {e}\nhint: generations are named by their start in UTC; check this host's clock, and \
                 that no other host with a clock ahead backs up to the same place",
                loc.url_of(project)
            )
        })?;
    let base = if opts.full { None } else { base_manifest(loc, project, &gens).await };
    let listed = wiki.pages().await?;
    // Pages of the base that the listing lacks are left out of this generation as deleted,
    // and an empty listing makes an empty generation: conclude that only from a listing the
    // page count confirms (one more request, only then).
    let ids: HashSet<u64> = listed.iter().map(|p| p.id).collect();
    let lacks = |m: &Manifest| m.pages.iter().any(|p| !ids.contains(&p.id));
    let listed = if listed.is_empty() || base.as_ref().is_some_and(lacks) {
        wiki.confirm_complete(listed).await?
    } else {
        listed
    };
    let by_id: HashMap<u64, &PageEntry> = base.iter().flat_map(|m| m.pages.iter().map(|p| (p.id, p))).collect();
    let mut carried: Vec<PageEntry> = Vec::new();
    let mut to_read: Vec<(&WikiListItem, Option<&PageEntry>)> = Vec::new();
    for item in &listed {
        match by_id.get(&item.id) {
            Some(b) if unchanged(item, b, opts.history) => carried.push(PageEntry { fetched: false, ..(*b).clone() }),
            b => to_read.push((item, b.copied())),
        }
    }
    let mut out = Outcome {
        project: project.to_string(),
        generation: generation.clone(),
        base: base.as_ref().map(|m| m.generation.clone()),
        pages: listed.len(),
        fetched: to_read.len(),
        carried: carried.len(),
        dry_run: opts.dry_run,
        ..Outcome::default()
    };
    tracing::info!(
        project,
        generation,
        pages = listed.len(),
        read = to_read.len(),
        carried = carried.len(),
        "wiki backup planned"
    );
    if opts.dry_run {
        return Ok(out);
    }
    // From here on objects are written: a failure leaves this generation incomplete.
    *named = Some(generation.clone());

    let run = Run {
        wiki,
        loc,
        project,
        generation: &generation,
        ext: extension(wiki.text_formatting_rule()),
        history: opts.history,
        base: base.as_ref(),
    };
    let bar = progress(project, to_read.len(), opts.progress);
    let read: Vec<Option<PageDone>> = futures::stream::iter(to_read)
        .map(|(item, b)| {
            let (run, bar) = (&run, bar.as_ref());
            async move {
                let done = run.page(item, b).await.with_context(|| format!("wiki page `{}` of {project}", item.name));
                if let Some(bar) = bar {
                    bar.inc(1);
                }
                done
            }
        })
        .buffer_unordered(opts.concurrency.max(1))
        .try_collect()
        .await?;
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }

    let mut objects: Vec<ObjectEntry> = Vec::new();
    for p in &carried {
        for k in p.keys() {
            let o = base.as_ref().and_then(|m| m.object(k)).with_context(|| format!("base manifest lacks `{k}`"))?;
            objects.push(o.clone());
        }
    }
    let mut pages = carried;
    for done in read.into_iter().flatten() {
        out.downloaded += done.downloaded;
        out.written += done.written;
        objects.extend(done.objects);
        pages.push(done.entry);
    }
    out.vanished = out.fetched - (pages.len() - out.carried);
    out.fetched -= out.vanished;
    pages.sort_by(|a, b| a.name.cmp(&b.name).then(a.id.cmp(&b.id)));
    objects.sort_by(|a, b| a.key.cmp(&b.key));
    objects.dedup_by(|a, b| a.key == b.key);
    out.pages = pages.len();
    out.attachments = pages.iter().map(|p| p.attachments.len()).sum();
    out.objects = objects.len();
    out.size = objects.iter().map(|o| o.size).sum();

    let p = wiki.project();
    let m = Manifest {
        format: FORMAT,
        opskit_version: env!("CARGO_PKG_VERSION").to_string(),
        project: ManifestProject {
            key: p.project_key.clone(),
            id: p.id,
            name: p.name.clone(),
            text_formatting_rule: p.text_formatting_rule.as_ref().map(|r| r.to_string()),
        },
        generation: generation.clone(),
        started: opts.started,
        finished: opts.finished.unwrap_or_else(jiff::Timestamp::now).max(opts.started),
        base: out.base.clone(),
        history: opts.history,
        full: base.is_none(),
        pages,
        objects,
    };
    let key = format!("{project}/{generation}/{}", manifest::MANIFEST);
    loc.put(&key, m.to_json()).await?;
    tracing::info!(project, generation, pages = out.pages, fetched = out.fetched, "wiki backup complete");
    Ok(out)
}
