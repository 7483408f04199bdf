//! `inventory publish`: one page per account (or per region when an account is large) in a
//! Backlog Wiki, touched only when its text changed; a change-log page per account, newest
//! first; and, per changed account, a finding ("inventory changed in acme-prod: +2 −1 ~3")
//! for the routes. The last published inventory of each account is a snapshot in the state
//! store, so the diff is against what was published, not against the page text.

use super::pages::{Notation, Page, PageTemplates};
use super::{Diff, Resource, diff};
use crate::spine::finding::{Details, Finding, Severity};
use async_trait::async_trait;
use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub const SOURCE: &str = "inventory";

/// Where pages live: a Backlog project's Wiki, or anything with the same four operations.
#[async_trait]
pub trait PageStore: Send + Sync {
    /// The project's text formatting rule.
    async fn notation(&self) -> anyhow::Result<Notation>;
    /// The names of the project's pages (one list request).
    async fn names(&self) -> anyhow::Result<Vec<String>>;
    /// A page's current text, by exact name.
    async fn get(&self, name: &str) -> anyhow::Result<Option<String>>;
    /// Create the page, or replace its text.
    async fn put(&self, name: &str, text: &str, exists: bool) -> anyhow::Result<()>;
}

/// What `[commands.inventory]` says about publishing.
#[derive(Debug, Clone)]
pub struct PublishSettings {
    /// Page name template: `{account}` (id), `{account_name}`, `{region}` (when split).
    pub page: String,
    pub changelog_page: String,
    /// Split an account into one page per region (plus an index page) always, not only
    /// when its page would be larger than `max_page_chars`.
    pub per_region: bool,
    pub max_page_chars: usize,
    pub changelog_entries: usize,
    pub severity: Severity,
    pub timezone: String,
}

impl Default for PublishSettings {
    fn default() -> Self {
        PublishSettings {
            page: "Inventory/{account}".into(),
            changelog_page: "Inventory/{account}/Changelog".into(),
            per_region: false,
            max_page_chars: 100_000,
            changelog_entries: 50,
            severity: Severity::Info,
            timezone: "UTC".into(),
        }
    }
}

/// The last published inventory of one account, kept as snapshot `inventory/<account>`.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Snapshot {
    pub resources: Vec<Resource>,
    /// When the inventory last changed, and by how much ("+2 −1 ~3").
    pub last_changed: Option<Timestamp>,
    pub last_summary: String,
    /// SHA-256 of the text last written to each page, so an unchanged page is not even read.
    #[serde(default)]
    pub written: BTreeMap<String, String>,
}

pub fn snapshot_name(account: &str) -> String {
    format!("{SOURCE}/{account}")
}

/// One account to publish.
pub struct AccountInventory<'a> {
    pub id: &'a str,
    pub name: &'a str,
    /// In page order.
    pub resources: Vec<Resource>,
}

/// What publishing one account did.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Published {
    pub account: String,
    pub created: Vec<String>,
    pub updated: Vec<String>,
    pub unchanged: Vec<String>,
    /// The diff against the last published inventory (empty on the first publish).
    #[serde(skip)]
    pub diff: Diff,
    pub first: bool,
    pub summary: String,
}

/// A page name from its template: `{account}` (id), `{account_name}`, and `{region}` (or
/// `/REGION` appended) for a region page.
pub fn page_name(template: &str, id: &str, name: &str, region: Option<&str>) -> String {
    let mut n = template.replace("{account}", id).replace("{account_name}", name);
    if let Some(r) = region {
        n = if n.contains("{region}") { n.replace("{region}", r) } else { format!("{n}/{r}") };
    }
    n.replace("{region}", "")
}

fn sha(text: &str) -> String {
    use sha2::Digest;
    hex::encode(sha2::Sha256::digest(text.as_bytes()))
}

/// The pages of one account: (name, text). One page, or a page per region and an index
/// page when `per_region` is set or the single page would be too large for Backlog.
pub fn render_pages(
    templates: &PageTemplates,
    settings: &PublishSettings,
    account: &AccountInventory<'_>,
    notation: Notation,
    last_changed: Option<String>,
    changelog: &str,
) -> anyhow::Result<Vec<(String, String)>> {
    let title = |region: Option<&str>| match region {
        Some(r) => format!("Inventory: {} ({}) in {r}", account.name, account.id),
        None => format!("Inventory: {} ({})", account.name, account.id),
    };
    let main = page_name(&settings.page, account.id, account.name, None);
    let whole = Page {
        title: title(None),
        resources: &account.resources,
        last_changed: last_changed.clone(),
        changelog_page: Some(changelog.to_string()),
        index: Vec::new(),
    };
    let text = templates.page(&whole, notation)?;
    let chars = text.chars().count();
    if !settings.per_region && chars <= settings.max_page_chars {
        return Ok(vec![(main, text)]);
    }
    if !settings.per_region {
        tracing::warn!(
            account = account.id,
            "the inventory page {main} would be {chars} characters, more than max_page_chars ({}): split by region",
            settings.max_page_chars
        );
    }
    let mut regions: Vec<&str> = account.resources.iter().map(|r| r.region.as_str()).collect();
    regions.dedup();
    let mut pages = Vec::new();
    let mut index = Vec::new();
    for region in regions {
        let of: Vec<Resource> = account.resources.iter().filter(|r| r.region == region).cloned().collect();
        let name = page_name(&settings.page, account.id, account.name, Some(region));
        let page = Page {
            title: title(Some(region)),
            resources: &of,
            last_changed: last_changed.clone(),
            changelog_page: Some(changelog.to_string()),
            index: Vec::new(),
        };
        let text = templates.page(&page, notation)?;
        let n = text.chars().count();
        if n > settings.max_page_chars {
            anyhow::bail!(
                "the inventory page {name} is {n} characters even split by region, more than max_page_chars ({}); \
                 narrow --resource-types or raise max_page_chars",
                settings.max_page_chars
            );
        }
        index.push((region.to_string(), of.len(), name.clone()));
        pages.push((name, text));
    }
    let idx = Page { title: title(None), resources: &[], last_changed, changelog_page: Some(changelog.into()), index };
    pages.insert(0, (main, templates.page(&idx, notation)?));
    Ok(pages)
}

/// Publish one account: diff against its snapshot, write the pages that changed, prepend
/// to the change log when something changed, and return the new snapshot (to be stored
/// only once every write succeeded, so a failed publish is redone whole).
pub struct Publisher<'a> {
    pub store: &'a dyn PageStore,
    /// The project's page names, listed once per run.
    pub names: &'a [String],
    pub templates: &'a PageTemplates,
    pub settings: &'a PublishSettings,
    pub notation: Notation,
    pub now: Timestamp,
    /// Compute and report, write nothing.
    pub dry_run: bool,
}

impl Publisher<'_> {
    pub async fn account(
        &self,
        account: &AccountInventory<'_>,
        previous: Option<Snapshot>,
    ) -> anyhow::Result<(Published, Snapshot)> {
        let Publisher { store, names, templates, settings, notation, now, dry_run } = *self;
        let first = previous.is_none();
        let previous = previous.unwrap_or_default();
        let d = diff(&previous.resources, &account.resources);
        let changed = !d.is_empty() || first;
        let (last_changed, last_summary) = if changed {
            let summary =
                if first { format!("first inventory, {} resources", account.resources.len()) } else { d.summary() };
            (Some(now), summary)
        } else {
            (previous.last_changed, previous.last_summary.clone())
        };
        let when = |t: Timestamp| crate::output::local_time(t, &settings.timezone);
        let changelog = page_name(&settings.changelog_page, account.id, account.name, None);
        let last_line = last_changed.map(|t| format!("{}: {last_summary}", when(t)));
        let pages = render_pages(templates, settings, account, notation, last_line, &changelog)?;
        let mut out = Published {
            account: account.id.to_string(),
            first,
            summary: last_summary.clone(),
            diff: d.clone(),
            ..Published::default()
        };
        let mut written = BTreeMap::new();
        for (name, text) in &pages {
            let hash = sha(text);
            let exists = names.iter().any(|n| n == name);
            if exists && previous.written.get(name) == Some(&hash) {
                out.unchanged.push(name.clone());
                written.insert(name.clone(), hash);
                continue;
            }
            let current = if exists { store.get(name).await? } else { None };
            if current.as_deref().map(str::trim_end) == Some(text.trim_end()) {
                out.unchanged.push(name.clone());
            } else {
                if !dry_run {
                    store.put(name, text, current.is_some()).await?;
                }
                if current.is_some() { out.updated.push(name.clone()) } else { out.created.push(name.clone()) }
            }
            written.insert(name.clone(), hash);
        }
        if !d.is_empty() && !first {
            let entry = templates.entry(&when(now), &d, notation)?;
            let exists = names.contains(&changelog);
            let current = if exists { store.get(&changelog).await?.unwrap_or_default() } else { String::new() };
            let title = format!("Inventory change log: {} ({})", account.name, account.id);
            let text = super::pages::prepend_entry(&current, &title, &entry, notation, settings.changelog_entries);
            if !dry_run {
                store.put(&changelog, &text, exists).await?;
            }
            if exists { out.updated.push(changelog.clone()) } else { out.created.push(changelog.clone()) }
        }
        let snapshot = Snapshot { resources: account.resources.clone(), last_changed, last_summary, written };
        Ok((out, snapshot))
    }
}

/// The finding of an account whose inventory changed: its details list each change.
/// Keyed per account, so routes see one finding per account; its fingerprint is the diff,
/// so every new change is a Changed message (a Backlog issue gets a comment).
/// One finding per ACM certificate of `resources` whose `not_after` is within `within_days`
/// of `now` (or past), keyed `inventory/<account>/acm/<arn>`: warning, critical once expired.
/// The fingerprint is the expiry itself, so a finding changes when the certificate is
/// renewed or replaced, not every day it comes closer; a renewed one is absent and resolves.
pub fn cert_expiry_findings(resources: &[Resource], now: Timestamp, within_days: u32) -> Vec<Finding> {
    let limit = now.as_second().saturating_add(i64::from(within_days) * 86_400);
    let mut out = Vec::new();
    for r in resources.iter().filter(|r| r.resource_type == super::ResourceType::AcmCertificate) {
        let Ok(not_after) = r.get("not_after").parse::<Timestamp>() else { continue };
        if not_after.as_second() > limit {
            continue;
        }
        let expired = not_after <= now;
        let domain = if r.name.is_empty() { r.id.as_str() } else { r.name.as_str() };
        let title = if expired {
            format!("ACM certificate {domain} expired {}", r.get("not_after"))
        } else {
            format!("ACM certificate {domain} expires {}", r.get("not_after"))
        };
        let f = Finding {
            account: Some(r.account.clone()),
            region: Some(r.region.clone()),
            resources: vec![r.id.clone()],
            fingerprint: sha(&format!("{}|{}|{expired}", r.id, r.get("not_after"))),
            summary: format!(
                "{} (status {}, type {}, used by {} resource(s)); within the {within_days} days of \
                 [commands.inventory] cert_expiry_days",
                r.get("domains"),
                r.get("status"),
                r.get("type"),
                r.get("in_use_by")
            ),
            ..Finding::new(
                SOURCE,
                format!("{SOURCE}/{}/acm/{}", r.account, r.id),
                if expired { Severity::Critical } else { Severity::Warning },
                title,
            )
        }
        .field("not_after", r.get("not_after"))
        .field("domains", r.get("domains"))
        .field("status", r.get("status"));
        out.push(f);
    }
    out
}

/// One finding per active IAM access key of `resources` created more than `max_age_days`
/// before `now`, keyed `inventory/<account>/iam-key/<key id>` (region `global`): a warning
/// naming the user and the key. The key's `access_keys` entry is `ID Status Created`. The
/// fingerprint is the key and its creation, so the finding does not change as the key ages;
/// a key rotated away or deactivated is absent and resolves.
pub fn access_key_age_findings(resources: &[Resource], now: Timestamp, max_age_days: u32) -> Vec<Finding> {
    let limit = now.as_second().saturating_sub(i64::from(max_age_days) * 86_400);
    let mut out = Vec::new();
    for r in resources.iter().filter(|r| r.resource_type == super::ResourceType::IamUser) {
        for entry in r.get("access_keys").split(", ").filter(|e| !e.is_empty()) {
            let mut parts = entry.split(' ');
            let (Some(id), Some(status), Some(created)) = (parts.next(), parts.next(), parts.next()) else { continue };
            let Ok(created_at) = created.parse::<Timestamp>() else { continue };
            if status != "Active" || created_at.as_second() >= limit {
                continue;
            }
            let days = (now.as_second() - created_at.as_second()) / 86_400;
            let f = Finding {
                account: Some(r.account.clone()),
                region: Some(r.region.clone()),
                resources: vec![r.id.clone(), id.to_string()],
                fingerprint: sha(&format!("{id}|{created}")),
                summary: format!(
                    "IAM user {} has an active access key {id} created {created} ({days} days ago), older than the \
                     {max_age_days} days of [commands.inventory] access_key_max_age_days: rotate it (create a new \
                     key, move its users, deactivate then delete this one)",
                    r.id
                ),
                ..Finding::new(
                    SOURCE,
                    format!("{SOURCE}/{}/iam-key/{id}", r.account),
                    Severity::Warning,
                    format!("IAM access key {id} of {} is older than {max_age_days} days (created {created})", r.id),
                )
            }
            .field("user", &r.id)
            .field("access_key", id)
            .field("created", created)
            .field("last_used", r.get("key_last_used"));
            out.push(f);
        }
    }
    out
}

pub fn changed_finding(account_id: &str, account_name: &str, d: &Diff, severity: Severity, page: &str) -> Finding {
    let rows: Vec<Vec<String>> = d
        .changes
        .iter()
        .take(MAX_ROWS)
        .map(|c| {
            let r = c.resource();
            let what = match c {
                super::Change::Changed { fields, .. } => {
                    fields.iter().map(|f| format!("{}: {} → {}", f.field, f.old, f.new)).collect::<Vec<_>>().join("; ")
                }
                _ => String::new(),
            };
            vec![
                c.sign().to_string(),
                r.resource_type.to_string(),
                r.id.clone(),
                r.name.clone(),
                r.region.clone(),
                what,
            ]
        })
        .collect();
    let more = d.changes.len().saturating_sub(MAX_ROWS);
    let mut f = Finding {
        account: Some(account_id.to_string()),
        fingerprint: sha(&serde_json::to_string(&d.changes).unwrap_or_default()),
        summary: format!("See the Backlog Wiki page {page} and its change log."),
        resources: d.changes.iter().map(|c| c.resource().id.clone()).take(MAX_ROWS).collect(),
        ..Finding::new(
            SOURCE,
            format!("{SOURCE}/{account_id}"),
            severity,
            format!("inventory changed in {account_name} ({account_id}): {}", d.summary()),
        )
    };
    f.details = Some(Box::new(Details {
        title: "Changes".into(),
        columns: ["change", "type", "id", "name", "region", "fields"].map(String::from).to_vec(),
        rows,
        more,
    }));
    f.field("changes", d.summary()).field("page", page)
}

/// Changes listed in a finding before "… and N more".
const MAX_ROWS: usize = 100;

/// The Wiki of one Backlog project as a [`PageStore`]. Page ids come from the one list
/// request of the run.
pub struct BacklogPages {
    wiki: crate::backlog::wiki::ProjectWiki,
    mail_notify: bool,
    ids: std::sync::Mutex<BTreeMap<String, u64>>,
}

impl BacklogPages {
    pub fn new(wiki: crate::backlog::wiki::ProjectWiki, mail_notify: bool) -> BacklogPages {
        BacklogPages { wiki, mail_notify, ids: Default::default() }
    }

    fn id(&self, name: &str) -> Option<u64> {
        self.ids.lock().unwrap_or_else(|e| e.into_inner()).get(name).copied()
    }

    /// The project's Wiki and the id of its page `name` (listing the pages if need be).
    pub async fn page_id(&self, name: &str) -> anyhow::Result<(&crate::backlog::wiki::ProjectWiki, u64)> {
        if self.id(name).is_none() {
            self.names().await?;
        }
        let id = self.id(name).ok_or_else(|| anyhow::anyhow!("the Wiki has no page `{name}`"))?;
        Ok((&self.wiki, id))
    }
}

#[async_trait]
impl PageStore for BacklogPages {
    async fn notation(&self) -> anyhow::Result<Notation> {
        use crate::backlog::TextFormattingRule;
        Ok(match self.wiki.text_formatting_rule() {
            Some(TextFormattingRule::Markdown) => Notation::Markdown,
            _ => Notation::Backlog,
        })
    }

    async fn names(&self) -> anyhow::Result<Vec<String>> {
        let pages = self.wiki.pages().await?;
        let mut ids = self.ids.lock().unwrap_or_else(|e| e.into_inner());
        ids.clear();
        ids.extend(pages.iter().map(|p| (p.name.clone(), p.id)));
        Ok(pages.into_iter().map(|p| p.name).collect())
    }

    async fn get(&self, name: &str) -> anyhow::Result<Option<String>> {
        let Some(id) = self.id(name) else { return Ok(None) };
        Ok(Some(self.wiki.page(id).await?.content))
    }

    async fn put(&self, name: &str, text: &str, exists: bool) -> anyhow::Result<()> {
        match self.id(name).filter(|_| exists) {
            Some(id) => {
                let update = crate::backlog::wiki::WikiPageUpdate {
                    mail_notify: self.mail_notify,
                    ..crate::backlog::wiki::WikiPageUpdate::content(text)
                };
                self.wiki.update(id, &update).await?;
            }
            None => {
                let page = self.wiki.create(name, text, self.mail_notify).await?;
                self.ids.lock().unwrap_or_else(|e| e.into_inner()).insert(name.to_string(), page.id);
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::super::ResourceType;
    use super::*;
    use std::sync::Mutex;

    /// Pages in memory, counting writes.
    #[derive(Default)]
    struct Mem {
        pages: Mutex<BTreeMap<String, String>>,
        gets: Mutex<usize>,
        puts: Mutex<Vec<String>>,
    }

    #[async_trait]
    impl PageStore for Mem {
        async fn notation(&self) -> anyhow::Result<Notation> {
            Ok(Notation::Markdown)
        }
        async fn names(&self) -> anyhow::Result<Vec<String>> {
            Ok(self.pages.lock().unwrap().keys().cloned().collect())
        }
        async fn get(&self, name: &str) -> anyhow::Result<Option<String>> {
            *self.gets.lock().unwrap() += 1;
            Ok(self.pages.lock().unwrap().get(name).cloned())
        }
        async fn put(&self, name: &str, text: &str, _exists: bool) -> anyhow::Result<()> {
            self.puts.lock().unwrap().push(name.to_string());
            self.pages.lock().unwrap().insert(name.into(), text.into());
            Ok(())
        }
    }

    #[test]
    fn a_certificate_within_the_days_is_a_warning_an_expired_one_critical_a_later_one_nothing() {
        use crate::inventory::ResourceType;
        let now: Timestamp = "2026-06-01T00:00:00Z".parse().unwrap();
        let cert = |id: &str, not_after: &str| {
            Resource::new("111122223333", "us-east-1", ResourceType::AcmCertificate, id)
                .name(format!("{id}.example.com"))
                .field("not_after", not_after)
        };
        let rs = [
            cert("soon", "2026-07-01T00:00:00Z"),
            cert("later", "2026-07-01T00:00:01Z"),
            cert("gone", "2026-05-31T23:59:59Z"),
            cert("unknown", ""),
            inst("i-1", "us-east-1"),
        ];
        let fs = cert_expiry_findings(&rs, now, 30);
        let got: Vec<(&str, Severity, &str)> =
            fs.iter().map(|f| (f.key.as_str(), f.severity, f.title.as_str())).collect();
        assert_eq!(
            got,
            [
                (
                    "inventory/111122223333/acm/soon",
                    Severity::Warning,
                    "ACM certificate soon.example.com expires 2026-07-01T00:00:00Z"
                ),
                (
                    "inventory/111122223333/acm/gone",
                    Severity::Critical,
                    "ACM certificate gone.example.com expired 2026-05-31T23:59:59Z"
                ),
            ]
        );
        let a_day_later = cert_expiry_findings(&rs[..1], "2026-06-02T00:00:00Z".parse().unwrap(), 30);
        assert_eq!(a_day_later[0].fingerprint, fs[0].fingerprint, "coming closer is no change");
        assert!(fs.iter().all(|f| f.region.as_deref() == Some("us-east-1")), "the scope resolves by (account, region)");
    }

    #[test]
    fn an_active_key_older_than_the_limit_is_a_finding_an_inactive_or_younger_one_not() {
        use crate::inventory::ResourceType;
        let now: Timestamp = "2026-06-01T00:00:00Z".parse().unwrap();
        let user = Resource::new("111122223333", "global", ResourceType::IamUser, "alice").field(
            "access_keys",
            "AKIAOLD Active 2026-03-02T23:59:59Z, AKIAOFF Inactive 2025-01-01T00:00:00Z, AKIANEW Active 2026-03-03T00:00:00Z",
        );
        let fs = access_key_age_findings(&[user.clone(), inst("i-1", "us-east-1")], now, 90);
        let got: Vec<(&str, Severity, &str)> =
            fs.iter().map(|f| (f.key.as_str(), f.severity, f.title.as_str())).collect();
        assert_eq!(
            got,
            [(
                "inventory/111122223333/iam-key/AKIAOLD",
                Severity::Warning,
                "IAM access key AKIAOLD of alice is older than 90 days (created 2026-03-02T23:59:59Z)"
            )]
        );
        assert_eq!(fs[0].region.as_deref(), Some("global"), "the scope resolves by (account, global)");
        let later = access_key_age_findings(&[user], "2026-07-01T00:00:00Z".parse().unwrap(), 90);
        assert_eq!(later.len(), 2, "the younger key came of age too");
        assert_eq!(later[0].fingerprint, fs[0].fingerprint, "ageing is no change");
    }

    fn inst(id: &str, region: &str) -> Resource {
        Resource::new("111122223333", region, ResourceType::Instance, id).name(id).field("state", "running")
    }

    async fn run(
        m: &Mem,
        resources: Vec<Resource>,
        prev: Option<Snapshot>,
        s: &PublishSettings,
    ) -> (Published, Snapshot) {
        let names = m.names().await.unwrap();
        let acct = AccountInventory { id: "111122223333", name: "acme-prod", resources };
        let templates = PageTemplates::embedded();
        let p = Publisher {
            store: m,
            names: &names,
            templates: &templates,
            settings: s,
            notation: Notation::Markdown,
            now: "2026-11-22T03:00:00Z".parse().unwrap(),
            dry_run: false,
        };
        p.account(&acct, prev).await.unwrap()
    }

    #[tokio::test]
    async fn first_run_creates_an_unchanged_run_reads_and_writes_nothing_a_change_writes_page_and_log() {
        let m = Mem::default();
        let s = PublishSettings::default();
        let (p, snap) = run(&m, vec![inst("i-1", "ap-northeast-1")], None, &s).await;
        assert_eq!(p.created, ["Inventory/111122223333"]);
        assert!(p.first);
        let (p, snap) = run(&m, vec![inst("i-1", "ap-northeast-1")], Some(snap), &s).await;
        assert_eq!((p.created.len(), p.updated.len()), (0, 0));
        assert_eq!(*m.gets.lock().unwrap(), 0, "an unchanged page is not even read");
        let (p, _) = run(&m, vec![inst("i-2", "ap-northeast-1")], Some(snap), &s).await;
        assert_eq!(p.updated, ["Inventory/111122223333"]);
        assert_eq!(p.created, ["Inventory/111122223333/Changelog"]);
        assert_eq!(p.diff.summary(), "+1 −1 ~0");
        let log = m.pages.lock().unwrap()["Inventory/111122223333/Changelog"].clone();
        assert!(log.contains("+ instance `i-2`") && log.contains("− instance `i-1`"), "{log}");
        assert_eq!(m.puts.lock().unwrap().len(), 3);
    }

    #[tokio::test]
    async fn a_large_account_is_split_by_region_with_an_index_page() {
        let m = Mem::default();
        let s = PublishSettings { max_page_chars: 1_000, ..PublishSettings::default() };
        let mut r: Vec<Resource> = (0..5).map(|i| inst(&format!("i-{i}"), "ap-northeast-1")).collect();
        r.extend((0..5).map(|i| inst(&format!("i-{i}"), "us-east-1")));
        let (p, _) = run(&m, r, None, &s).await;
        assert_eq!(
            p.created,
            ["Inventory/111122223333", "Inventory/111122223333/ap-northeast-1", "Inventory/111122223333/us-east-1"]
        );
        let index = m.pages.lock().unwrap()["Inventory/111122223333"].clone();
        assert!(index.contains("[[Inventory/111122223333/us-east-1]]") && index.contains("10 resources"), "{index}");
    }

    #[test]
    fn the_finding_lists_each_change_and_its_fingerprint_follows_the_diff() {
        let d = diff(&[inst("i-1", "r")], &[inst("i-2", "r")]);
        let f = changed_finding("111122223333", "acme-prod", &d, Severity::Info, "Inventory/111122223333");
        assert_eq!(f.title, "inventory changed in acme-prod (111122223333): +1 −1 ~0");
        assert_eq!(f.details.as_ref().unwrap().rows.len(), 2);
        let d2 = diff(&[inst("i-1", "r")], &[inst("i-3", "r")]);
        assert_ne!(f.fingerprint, changed_finding("111122223333", "acme-prod", &d2, Severity::Info, "p").fingerprint);
    }
}
