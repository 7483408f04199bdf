//! The Backlog Wiki through [`BacklogClient`]: pages of one project, their history and
//! attachments (API v2 `/wikis`, `/space/attachment`; shapes in `backlog-api.md` §3).
//!
//! [`ProjectWiki`] is the entry point: it looks the project up once (its numeric id is
//! what creating a page takes, its key what listing takes, its `textFormattingRule` what
//! a page is written in) and names the project and the page in every error. Listing
//! returns every page of the project, unsorted and without content; a page's content,
//! attachments and tags come with [`ProjectWiki::page`]. Names are matched exactly, on
//! our side: the API's `keyword` is a search, not a name filter.

use super::{BacklogClient, BacklogError, Form, Named, Project, TextFormattingRule};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::Mutex;

/// The most history entries one request returns.
const HISTORY_PAGE: u32 = 100;

/// Pages, versions and attachments name their users (`createdUser`, `updatedUser`) in the
/// shape a project's member list has.
pub use super::User;

/// `{id, name, size, createdUser, created}` (wiki and issue attachments alike).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Attachment {
    pub id: u64,
    pub name: String,
    #[serde(default)]
    pub size: u64,
    #[serde(default)]
    pub created_user: Option<User>,
    #[serde(default)]
    pub created: Option<jiff::Timestamp>,
}

/// A file of the project's file store linked to a page (not copied into it).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SharedFile {
    pub id: u64,
    #[serde(default)]
    pub dir: String,
    pub name: String,
    #[serde(default)]
    pub size: u64,
}

/// What `POST /space/attachment` answers: an upload waiting to be attached.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct UploadedFile {
    pub id: u64,
    pub name: String,
    #[serde(default)]
    pub size: u64,
}

/// A page as `GET /wikis` lists it: no content, attachments or shared files.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct WikiListItem {
    pub id: u64,
    pub project_id: u64,
    pub name: String,
    #[serde(default)]
    pub tags: Vec<Named>,
    #[serde(default)]
    pub created_user: Option<User>,
    #[serde(default)]
    pub created: Option<jiff::Timestamp>,
    #[serde(default)]
    pub updated_user: Option<User>,
    #[serde(default)]
    pub updated: Option<jiff::Timestamp>,
}

/// A page as `GET /wikis/:id` (and create, update, delete) answer it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct WikiPage {
    pub id: u64,
    pub project_id: u64,
    pub name: String,
    #[serde(default)]
    pub content: String,
    #[serde(default)]
    pub tags: Vec<Named>,
    #[serde(default)]
    pub attachments: Vec<Attachment>,
    #[serde(default)]
    pub shared_files: Vec<SharedFile>,
    #[serde(default)]
    pub created_user: Option<User>,
    #[serde(default)]
    pub created: Option<jiff::Timestamp>,
    #[serde(default)]
    pub updated_user: Option<User>,
    #[serde(default)]
    pub updated: Option<jiff::Timestamp>,
}

/// One version of a page, with its full content.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct WikiHistoryItem {
    pub page_id: u64,
    pub version: u64,
    pub name: String,
    #[serde(default)]
    pub content: String,
    #[serde(default)]
    pub created_user: Option<User>,
    #[serde(default)]
    pub created: Option<jiff::Timestamp>,
}

/// A downloaded attachment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Download {
    /// From `Content-Disposition` (`filename*=UTF-8''…` preferred); the attachment list's
    /// `name` is the better source where there is one.
    pub filename: Option<String>,
    pub content_type: Option<String>,
    pub bytes: Vec<u8>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Order {
    Asc,
    /// Backlog's default: newest first.
    #[default]
    Desc,
}

/// `GET /wikis/:id/history` paging. `None` leaves Backlog's default (count 20, desc).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct HistoryQuery {
    pub min_id: Option<u64>,
    pub max_id: Option<u64>,
    /// 1–100.
    pub count: Option<u32>,
    pub order: Option<Order>,
}

impl HistoryQuery {
    fn pairs(&self) -> Vec<(&'static str, String)> {
        let mut q = Vec::new();
        if let Some(v) = self.min_id {
            q.push(("minId", v.to_string()));
        }
        if let Some(v) = self.max_id {
            q.push(("maxId", v.to_string()));
        }
        if let Some(v) = self.count {
            q.push(("count", v.clamp(1, HISTORY_PAGE).to_string()));
        }
        if let Some(o) = self.order {
            q.push(("order", if o == Order::Asc { "asc" } else { "desc" }.to_string()));
        }
        q
    }
}

/// `PATCH /wikis/:id`: what is `None` stays as it is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WikiPageUpdate {
    pub name: Option<String>,
    pub content: Option<String>,
    /// Mail the project's members about the change.
    pub mail_notify: bool,
}

impl WikiPageUpdate {
    pub fn content(content: impl Into<String>) -> WikiPageUpdate {
        WikiPageUpdate { content: Some(content.into()), ..WikiPageUpdate::default() }
    }

    fn form(&self) -> Form {
        Form::new()
            .set_opt("name", self.name.as_ref())
            .set_opt("content", self.content.as_ref())
            .set("mailNotify", self.mail_notify)
    }
}

/// The page called exactly `name` (case and whitespace count, as in Backlog).
pub fn find_by_name<'a>(pages: &'a [WikiListItem], name: &str) -> Option<&'a WikiListItem> {
    pages.iter().find(|p| p.name == name)
}

/// The wiki of one project.
#[derive(Debug)]
pub struct ProjectWiki {
    client: BacklogClient,
    project: Project,
    /// Page names seen so far, so errors about a page id can name the page.
    names: Mutex<HashMap<u64, String>>,
}

impl BacklogClient {
    /// The wiki of `project` (key or numeric id): looks the project up first.
    pub async fn project_wiki(&self, project: &str) -> Result<ProjectWiki, BacklogError> {
        let p = self.project(project).await.map_err(|e| e.about(format!("backlog project {project}")))?;
        Ok(ProjectWiki::new(self.clone(), p))
    }
}

impl ProjectWiki {
    pub fn new(client: BacklogClient, project: Project) -> ProjectWiki {
        ProjectWiki { client, project, names: Mutex::default() }
    }

    pub fn project(&self) -> &Project {
        &self.project
    }

    pub fn client(&self) -> &BacklogClient {
        &self.client
    }

    /// The markup pages are written in; Backlog's docs give no default, so `None` when the
    /// project did not say.
    pub fn text_formatting_rule(&self) -> Option<&TextFormattingRule> {
        self.project.text_formatting_rule.as_ref()
    }

    /// The page's permanent address (`/alias/wiki/:id`, survives renames).
    pub fn page_url(&self, id: u64) -> String {
        format!("{}/alias/wiki/{id}", self.client.base_url())
    }

    fn key(&self) -> &str {
        &self.project.project_key
    }

    fn remember(&self, id: u64, name: &str) {
        self.names.lock().unwrap_or_else(|e| e.into_inner()).insert(id, name.to_string());
    }

    /// `wiki page `Name` (id 12) in project OPS`, or without the name when not seen yet.
    fn page_subject(&self, id: u64) -> String {
        let names = self.names.lock().unwrap_or_else(|e| e.into_inner());
        match names.get(&id) {
            Some(name) => format!("wiki page `{name}` (id {id}) in project {}", self.key()),
            None => format!("wiki page {id} in project {}", self.key()),
        }
    }

    /// Every page of the project, in Backlog's order (which is no promised order).
    pub async fn pages(&self) -> Result<Vec<WikiListItem>, BacklogError> {
        let query = [("projectIdOrKey", self.key().to_string())];
        let pages: Vec<WikiListItem> = self
            .client
            .get("/wikis", &query)
            .await
            .map_err(|e| e.about(format!("listing the wiki pages of project {}", self.key())))?;
        for p in &pages {
            self.remember(p.id, &p.name);
        }
        Ok(pages)
    }

    /// How many pages the project has (`GET /wikis/count`).
    pub async fn count(&self) -> Result<u64, BacklogError> {
        #[derive(Deserialize)]
        struct Count {
            count: u64,
        }
        let query = [("projectIdOrKey", self.key().to_string())];
        let c: Count = self
            .client
            .get("/wikis/count", &query)
            .await
            .map_err(|e| e.about(format!("counting the wiki pages of project {}", self.key())))?;
        Ok(c.count)
    }

    /// `listed` (what [`ProjectWiki::pages`] gave), checked against [`ProjectWiki::count`],
    /// for a caller about to conclude that pages it lacks were deleted. The listing has no
    /// paging and no total, so a short answer that is well-formed (`[]` from a stub behind a
    /// wrong base URL) would otherwise read as "every page is gone". A page created between
    /// the two calls raises the count for a moment: the pair is asked once more before the
    /// listing is refused.
    pub async fn confirm_complete(&self, listed: Vec<WikiListItem>) -> Result<Vec<WikiListItem>, BacklogError> {
        let mut listed = listed;
        let mut count = self.count().await?;
        if listed.len() as u64 >= count {
            return Ok(listed);
        }
        listed = self.pages().await?;
        count = self.count().await?;
        if listed.len() as u64 >= count {
            return Ok(listed);
        }
        let message = format!(
            "the listing holds {} pages, but /wikis/count says {count}: it cannot be complete\n\
             hint: something other than Backlog may have answered (a proxy, a wrong base_url)",
            listed.len()
        );
        Err(BacklogError::Decode { method: "GET", path: "/wikis".into(), message }
            .about(format!("listing the wiki pages of project {}", self.key())))
    }

    /// The page called exactly `name`, if there is one (one list call).
    pub async fn find(&self, name: &str) -> Result<Option<WikiListItem>, BacklogError> {
        let pages = self.pages().await.map_err(|e| e.about(format!("looking for wiki page `{name}`")))?;
        Ok(find_by_name(&pages, name).cloned())
    }

    /// One page with its content, tags and attachments.
    pub async fn page(&self, id: u64) -> Result<WikiPage, BacklogError> {
        let page: WikiPage =
            self.client.get(&format!("/wikis/{id}"), &[]).await.map_err(|e| e.about(self.page_subject(id)))?;
        self.remember(page.id, &page.name);
        Ok(page)
    }

    /// `POST /wikis`. Backlog refuses a name the project already has.
    pub async fn create(&self, name: &str, content: &str, mail_notify: bool) -> Result<WikiPage, BacklogError> {
        let form = Form::new()
            .set("projectId", self.project.id)
            .set("name", name)
            .set("content", content)
            .set("mailNotify", mail_notify);
        let page: WikiPage = self
            .client
            .post_form("/wikis", &form)
            .await
            .map_err(|e| e.about(format!("creating wiki page `{name}` in project {}", self.key())))?;
        self.remember(page.id, &page.name);
        Ok(page)
    }

    /// `PATCH /wikis/:id`: a new version of the page.
    pub async fn update(&self, id: u64, update: &WikiPageUpdate) -> Result<WikiPage, BacklogError> {
        let page: WikiPage = self
            .client
            .patch_form(&format!("/wikis/{id}"), &update.form())
            .await
            .map_err(|e| e.about(format!("updating {}", self.page_subject(id))))?;
        self.remember(page.id, &page.name);
        Ok(page)
    }

    /// `DELETE /wikis/:id`; answers the page as it was.
    pub async fn delete(&self, id: u64, mail_notify: bool) -> Result<WikiPage, BacklogError> {
        let form = Form::new().set("mailNotify", mail_notify);
        self.client
            .delete_form(&format!("/wikis/{id}"), &form)
            .await
            .map_err(|e| e.about(format!("deleting {}", self.page_subject(id))))
    }

    /// One request's worth of versions, as `query` pages them.
    pub async fn history(&self, id: u64, query: &HistoryQuery) -> Result<Vec<WikiHistoryItem>, BacklogError> {
        self.client
            .get(&format!("/wikis/{id}/history"), &query.pairs())
            .await
            .map_err(|e| e.about(format!("history of {}", self.page_subject(id))))
    }

    /// Every version, oldest first: pages of 100 in ascending order, each starting at
    /// the last version seen (`minId`). Whether Backlog's `minId` is inclusive is not
    /// documented, so a repeated version is dropped either way; a full page that brings
    /// nothing new means the paging is not what we think, and is an error rather than a
    /// silently short history.
    pub async fn full_history(&self, id: u64) -> Result<Vec<WikiHistoryItem>, BacklogError> {
        let mut all: Vec<WikiHistoryItem> = Vec::new();
        loop {
            let query = HistoryQuery {
                min_id: all.last().map(|h| h.version),
                count: Some(HISTORY_PAGE),
                order: Some(Order::Asc),
                ..HistoryQuery::default()
            };
            let batch = self.history(id, &query).await?;
            let full = batch.len() as u32 >= HISTORY_PAGE;
            let before = all.len();
            for h in batch {
                if all.last().is_none_or(|last| h.version > last.version) {
                    all.push(h);
                }
            }
            if !full {
                return Ok(all);
            }
            if all.len() == before {
                let path = format!("/wikis/{id}/history");
                let message = format!("a full page of history after version {} brought no newer version", {
                    all.last().map_or(0, |h| h.version)
                });
                return Err(BacklogError::Decode { method: "GET", path, message }
                    .about(format!("history of {}", self.page_subject(id))));
            }
        }
    }

    /// The page's attachments (the same list [`ProjectWiki::page`] carries).
    pub async fn attachments(&self, id: u64) -> Result<Vec<Attachment>, BacklogError> {
        self.client
            .get(&format!("/wikis/{id}/attachments"), &[])
            .await
            .map_err(|e| e.about(format!("attachments of {}", self.page_subject(id))))
    }

    /// One attachment's bytes, exactly as stored.
    pub async fn download(&self, id: u64, attachment_id: u64) -> Result<Download, BacklogError> {
        let (headers, bytes) = self
            .client
            .get_bytes(&format!("/wikis/{id}/attachments/{attachment_id}"), &[])
            .await
            .map_err(|e| e.about(format!("attachment {attachment_id} of {}", self.page_subject(id))))?;
        let header = |name: reqwest::header::HeaderName| {
            headers.get(name).and_then(|v| v.to_str().ok().map(str::to_string).or_else(|| latin1(v.as_bytes())))
        };
        Ok(Download {
            filename: header(reqwest::header::CONTENT_DISPOSITION).as_deref().and_then(content_disposition_filename),
            content_type: header(reqwest::header::CONTENT_TYPE),
            bytes,
        })
    }

    /// Attach uploads ([`BacklogClient::upload_attachment`]) to the page; answers the
    /// attachments added.
    pub async fn attach(&self, id: u64, upload_ids: &[u64]) -> Result<Vec<Attachment>, BacklogError> {
        let form = Form::new().array("attachmentId", upload_ids);
        self.client
            .post_form(&format!("/wikis/{id}/attachments"), &form)
            .await
            .map_err(|e| e.about(format!("attaching files to {}", self.page_subject(id))))
    }

    /// Upload each `(filename, bytes)` and attach them all to the page in one call.
    pub async fn upload_and_attach(&self, id: u64, files: &[(&str, &[u8])]) -> Result<Vec<Attachment>, BacklogError> {
        let mut ids = Vec::with_capacity(files.len());
        for (name, bytes) in files {
            let up = self
                .client
                .upload_attachment(name, bytes)
                .await
                .map_err(|e| e.about(format!("uploading `{name}` for {}", self.page_subject(id))))?;
            ids.push(up.id);
        }
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        self.attach(id, &ids).await
    }

    /// `DELETE /wikis/:id/attachments/:attachmentId`; answers the removed attachment.
    pub async fn remove_attachment(&self, id: u64, attachment_id: u64) -> Result<Attachment, BacklogError> {
        self.client
            .delete_form(&format!("/wikis/{id}/attachments/{attachment_id}"), &Form::new())
            .await
            .map_err(|e| e.about(format!("removing attachment {attachment_id} of {}", self.page_subject(id))))
    }
}

/// A header value that is not ASCII, read as ISO-8859-1 (HTTP's historical charset).
fn latin1(bytes: &[u8]) -> Option<String> {
    Some(bytes.iter().map(|&b| b as char).collect())
}

/// The file name of a `Content-Disposition` value. `filename*=UTF-8''…` (RFC 5987/6266)
/// wins over `filename=`; a `filename=` that holds %-escapes of UTF-8 is decoded too,
/// since servers put the encoded name there as well.
pub fn content_disposition_filename(value: &str) -> Option<String> {
    let mut plain = None;
    let mut extended = None;
    for (name, raw) in disposition_params(value) {
        match name.to_ascii_lowercase().as_str() {
            "filename*" => {
                // charset'language'percent-encoded
                let mut parts = raw.splitn(3, '\'');
                let (charset, _lang, encoded) = (parts.next()?, parts.next(), parts.next());
                if let Some(encoded) = encoded
                    && charset.eq_ignore_ascii_case("utf-8")
                    && let Some(name) = percent_decode_utf8(encoded)
                {
                    extended = Some(name);
                }
            }
            "filename" => plain = Some(percent_decode_utf8(&raw).filter(|_| raw.contains('%')).unwrap_or(raw)),
            _ => {}
        }
    }
    extended.or(plain).filter(|n| !n.is_empty())
}

/// `type; name=value; name="quoted \" value"` → the (name, value) pairs, unquoted.
fn disposition_params(value: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = value.split_once(';').map_or("", |(_, r)| r);
    loop {
        rest = rest.trim_start_matches([' ', '\t', ';']);
        let Some((name, after)) = rest.split_once('=') else { break };
        let name = name.trim().to_string();
        let after = after.trim_start();
        let (val, next) = if let Some(quoted) = after.strip_prefix('"') {
            let mut val = String::new();
            let mut chars = quoted.char_indices();
            let mut end = quoted.len();
            while let Some((i, c)) = chars.next() {
                match c {
                    '\\' => {
                        if let Some((_, n)) = chars.next() {
                            val.push(n);
                        }
                    }
                    '"' => {
                        end = i + 1;
                        break;
                    }
                    c => val.push(c),
                }
            }
            (val, &quoted[end.min(quoted.len())..])
        } else {
            let end = after.find(';').unwrap_or(after.len());
            (after[..end].trim().to_string(), &after[end..])
        };
        out.push((name, val));
        rest = next;
    }
    out
}

/// `%XX` decoded to bytes, read as UTF-8; `None` when the result is not UTF-8.
fn percent_decode_utf8(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |c: u8| (c as char).to_digit(16);
        if b[i] == b'%'
            && let (Some(h), Some(l)) = (b.get(i + 1).and_then(|&c| hex(c)), b.get(i + 2).and_then(|&c| hex(c)))
        {
            out.push((h * 16 + l) as u8);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// A `multipart/form-data` body with one part, `file`, as `POST /space/attachment` takes
/// it; returns the content type (with its boundary) and the body. The name goes in raw
/// UTF-8 as browsers send it (Backlog's docs show `filename="ファイル名"`), with `"`, CR
/// and LF escaped the way the HTML standard escapes them.
pub(crate) fn multipart_file(filename: &str, bytes: &[u8]) -> (String, Vec<u8>) {
    use sha2::Digest as _;
    let digest = hex::encode(sha2::Sha256::digest(bytes));
    let mut boundary = format!("opskit-{}", &digest[..32]);
    while contains(bytes, boundary.as_bytes()) {
        boundary.push('x');
    }
    let name = filename.replace('"', "%22").replace('\r', "%0D").replace('\n', "%0A");
    let mut body = Vec::with_capacity(bytes.len() + 256);
    body.extend_from_slice(format!("--{boundary}\r\n").as_bytes());
    body.extend_from_slice(
        format!("Content-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\n").as_bytes(),
    );
    body.extend_from_slice(b"Content-Type: application/octet-stream\r\n\r\n");
    body.extend_from_slice(bytes);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_disposition_prefers_the_rfc5987_name_and_decodes_it() {
        let v =
            "attachment; filename=\"%E6%A7%8B%E6%88%90.png\"; filename*=UTF-8''%E6%A7%8B%E6%88%90%E5%9B%B3%20v2.png";
        assert_eq!(content_disposition_filename(v).as_deref(), Some("構成図 v2.png"));
        // Backlog's documented form, no space after the semicolon.
        assert_eq!(
            content_disposition_filename("attachment;filename=\"attachment.doc\"").as_deref(),
            Some("attachment.doc")
        );
        assert_eq!(content_disposition_filename("attachment; filename=plain.txt").as_deref(), Some("plain.txt"));
        assert_eq!(
            content_disposition_filename("attachment; filename=\"a \\\"quoted\\\" name.txt\"").as_deref(),
            Some("a \"quoted\" name.txt")
        );
        assert_eq!(
            content_disposition_filename("attachment; filename=\"%E5%9B%B3.png\"").as_deref(),
            Some("図.png"),
            "an encoded plain name is decoded"
        );
        assert_eq!(content_disposition_filename("attachment; filename=\"100%.txt\"").as_deref(), Some("100%.txt"));
        assert_eq!(content_disposition_filename("attachment"), None);
        assert_eq!(content_disposition_filename("attachment; filename*=UTF-8''%FF%FE").as_deref(), None);
    }

    #[test]
    fn multipart_body_has_one_file_part_with_the_raw_name() {
        let data = b"\x89PNG\r\n--data";
        let (ct, body) = multipart_file("構成図 \"v2\".png", data);
        let boundary = ct.strip_prefix("multipart/form-data; boundary=").unwrap();
        let text = String::from_utf8_lossy(&body);
        assert!(text.starts_with(&format!("--{boundary}\r\n")), "{text}");
        assert!(text.contains("name=\"file\"; filename=\"構成図 %22v2%22.png\""), "{text}");
        let tail = [&b"\r\n\r\n"[..], data, format!("\r\n--{boundary}--\r\n").as_bytes()].concat();
        assert!(body.ends_with(&tail), "{text}");
    }

    #[test]
    fn find_by_name_is_exact() {
        let item = |id, name: &str| WikiListItem {
            id,
            project_id: 1,
            name: name.into(),
            tags: vec![],
            created_user: None,
            created: None,
            updated_user: None,
            updated: None,
        };
        let pages = [item(1, "Inventory"), item(2, "inventory"), item(3, "Inventory/aws")];
        assert_eq!(find_by_name(&pages, "inventory").map(|p| p.id), Some(2));
        assert_eq!(find_by_name(&pages, "Inventory").map(|p| p.id), Some(1));
        assert!(find_by_name(&pages, "Inventory ").is_none());
    }

    #[test]
    fn wiki_json_from_the_reference_parses() {
        let page: WikiPage = serde_json::from_str(
            r#"{"id": 1, "projectId": 1, "name": "Home", "content": "test",
                "tags": [{"id": 12, "name": "proceedings"}],
                "attachments": [{"id": 18104, "name": "30_gorilla.gif", "size": 3392,
                    "createdUser": {"id": 1, "userId": "admin", "name": "admin", "roleType": 1, "lang": null},
                    "created": "2014-08-05T01:14:12Z"}],
                "sharedFiles": [{"id": 1074321611, "projectId": 5, "type": "file", "dir": "/test/",
                    "name": "backlog_icon.png", "size": 5050, "createdUser": {"id": 1, "name": "a"},
                    "created": "2014-08-04T01:28:26Z", "updatedUser": null, "updated": "2014-08-04T01:28:26Z"}],
                "stars": [], "createdUser": {"id": 1, "name": "admin"}, "created": "2012-07-23T06:09:48Z",
                "updatedUser": {"id": 1, "name": "admin"}, "updated": "2013-05-30T09:11:36Z"}"#,
        )
        .unwrap();
        assert_eq!((page.tags[0].name.as_str(), page.attachments[0].size), ("proceedings", 3392));
        assert_eq!(page.updated.unwrap().to_string(), "2013-05-30T09:11:36Z");
        let h: WikiHistoryItem = serde_json::from_str(
            r#"{"pageId": 1, "version": 1, "name": "test", "content": "hello world",
                "createdUser": {"id": 1, "userId": "admin", "name": "admin"}, "created": "2014-06-24T05:04:48Z"}"#,
        )
        .unwrap();
        assert_eq!((h.page_id, h.version, h.content.as_str()), (1, 1, "hello world"));
    }
}
