//! A report on a Backlog Wiki page, written only when it changed (the inventory's
//! [`PageStore`] machinery), with the HTML page attached.

use crate::inventory::publish::{BacklogPages, PageStore};
use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// A report as a Wiki page: its name, its text, and a file attached to it.
#[derive(Debug, Clone, Copy)]
pub struct WikiPage<'a> {
    pub name: &'a str,
    pub text: &'a str,
    pub attachment: Option<(&'a str, &'a [u8])>,
}

/// What one publication did.
#[derive(Debug, Default, Clone, PartialEq, Eq, Serialize)]
pub struct Published {
    /// `created`, `updated` or `unchanged`.
    pub page: String,
    /// The attachment replaced (or `unchanged`, or none).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attachment: Option<String>,
}

/// What the state remembers of a page it wrote: the text (hash), its stable part (hash),
/// and which attachment is ours and what its stable part was.
#[derive(Debug, Default, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Memo {
    page: String,
    page_stable: String,
    attachment: u64,
    attachment_sha: String,
}

fn sha(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// Publish `text` as the Wiki page `page` of `store`'s project, written only when its
/// content (`stable`: the text without what changes every run, such as the time it was made)
/// differs, and `attachment` (file name, bytes) attached to it when its bytes changed
/// (the old one removed after the new one is in). `dry_run` computes and writes nothing.
pub async fn to_wiki(
    store: &BacklogPages,
    state: &dyn crate::state::StateStore,
    page: &WikiPage<'_>,
    stable: impl Fn(&str) -> String,
    now: Timestamp,
    dry_run: bool,
) -> anyhow::Result<Published> {
    let WikiPage { name: page, text, attachment } = *page;
    // What was last written, as its text and as its stable part: the stable part of the
    // page as it stands cannot be had (the time it holds is the old run's), so a page counts
    // as unchanged when it is still what opskit wrote and the stable part is the same.
    let memo_name = format!("report/wiki/{}", sha(page.as_bytes()));
    // A memo that cannot be read costs one rewrite of the page, never a skipped one.
    let memo: Memo = match state.snapshot(&memo_name).await? {
        None => Memo::default(),
        Some((_, d)) => serde_json::from_slice(&d).unwrap_or_else(|e| {
            tracing::warn!("the state's note of Wiki page `{page}` cannot be read ({e}): writing the page again");
            Memo::default()
        }),
    };
    let names = store.names().await?;
    let exists = names.iter().any(|n| n == page);
    let current = if exists { store.get(page).await? } else { None };
    let mut out = Published::default();
    let text_stable = sha(stable(text.trim_end()).as_bytes());
    let same = current.as_deref().is_some_and(|c| {
        c.trim_end() == text.trim_end()
            || (sha(c.trim_end().as_bytes()) == memo.page && memo.page_stable == text_stable)
    });
    let mut next = memo.clone();
    out.page = if same {
        "unchanged".into()
    } else {
        if !dry_run {
            store.put(page, text, current.is_some()).await?;
            next.page = sha(text.trim_end().as_bytes());
            next.page_stable = text_stable;
        }
        if current.is_some() { "updated".into() } else { "created".into() }
    };
    if let Some((file, bytes)) = attachment {
        let digest = sha(stable(&String::from_utf8_lossy(bytes)).as_bytes());
        if dry_run {
            out.attachment = Some(if memo.attachment_sha == digest { "unchanged" } else { "replaced" }.into());
            return Ok(out);
        }
        let (wiki, id) = store.page_id(page).await?;
        let listed = wiki.attachments(id).await?;
        if memo.attachment_sha == digest && listed.iter().any(|a| a.id == memo.attachment) {
            out.attachment = Some("unchanged".into());
        } else {
            let added = wiki.upload_and_attach(id, &[(file, bytes)]).await?;
            let new_id =
                added.first().map(|a| a.id).ok_or_else(|| anyhow::anyhow!("Backlog attached nothing to `{page}`"))?;
            // The old copies of our file go once the new one is in: the page always has one.
            for old in listed.iter().filter(|a| a.name == file && a.id != new_id) {
                wiki.remove_attachment(id, old.id).await?;
            }
            next.attachment = new_id;
            next.attachment_sha = digest;
            out.attachment = Some("replaced".into());
        }
    }
    if !dry_run && next != memo {
        state.put_snapshot(&memo_name, now, &serde_json::to_vec(&next)?).await?;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::backlog::BacklogClient;
    use crate::redact::Secret;
    use opskit_sandbox::{BACKLOG_API_KEY, BACKLOG_PREFIX, Sandbox};

    fn without_time(s: &str) -> String {
        s.lines().filter(|l| !l.starts_with("Generated ")).collect::<Vec<_>>().join("\n")
    }

    #[tokio::test]
    async fn a_page_and_its_attachment_are_written_only_when_they_changed() {
        let sb = Sandbox::start().await.unwrap();
        let http = reqwest::Client::builder().timeout(std::time::Duration::from_secs(10)).build().unwrap();
        let client = BacklogClient::new(&sb.url(BACKLOG_PREFIX), Secret::new(BACKLOG_API_KEY), http);
        let store = BacklogPages::new(client.project_wiki("OPS").await.unwrap(), false);
        let state = crate::state::memory::MemoryStore::new();
        let now: Timestamp = "2026-12-01T03:00:00Z".parse().unwrap();
        let publish = |text: &'static str, html: &'static str| {
            let store = &store;
            let state = &state;
            async move {
                let page = WikiPage { name: "Ops/Status", text, attachment: Some(("status.html", html.as_bytes())) };
                to_wiki(store, state, &page, without_time, now, false).await.unwrap()
            }
        };
        let first = publish("# Status\nGenerated 10:00\n3 open", "Generated 10:00\n<p>3 open</p>").await;
        assert_eq!((first.page.as_str(), first.attachment.as_deref()), ("created", Some("replaced")));
        // Only the time it was made differs: nothing is written.
        let again = publish("# Status\nGenerated 10:01\n3 open", "Generated 10:01\n<p>3 open</p>").await;
        assert_eq!((again.page.as_str(), again.attachment.as_deref()), ("unchanged", Some("unchanged")));
        let changed = publish("# Status\nGenerated 10:02\n2 open", "Generated 10:02\n<p>2 open</p>").await;
        assert_eq!((changed.page.as_str(), changed.attachment.as_deref()), ("updated", Some("replaced")));
        let pages = sb.backlog_wiki_pages();
        let page = pages.iter().find(|p| p["name"] == "Ops/Status").unwrap();
        assert!(page["content"].as_str().unwrap().contains("2 open"));
        let attachments = page["attachments"].as_array().unwrap();
        assert_eq!(attachments.len(), 1, "the old copy goes once the new one is in: {attachments:?}");
        assert_eq!(attachments[0]["name"], "status.html");
    }
}
