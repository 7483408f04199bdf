//! Fake of the Nulab Backlog REST API v2 (`/backlog/api/v2/...`): projects (`OPS` seeded,
//! more through [`Sandbox::backlog_add_project`]) with their issue types, priorities and
//! statuses, members and categories, issues (assignee, notified users, categories) and
//! comments (notified users), wiki pages with history, tags and attachments, uploads
//! (`POST /space/attachment`), `apiKey` authentication and per-minute rate limits.
//!
//! Shapes follow `reference/backlog-api.md`: form-encoded bodies with `name[]` arrays
//! (multipart for uploads), `201` with `Location` on creates of issues, comments and wiki
//! pages, `200` elsewhere, `{"errors":[{message,code,moreInfo}]}` on errors (an unknown
//! page is 404 `No wiki.` code 6), and `X-RateLimit-*` headers on every answer.
//! Attachment downloads are `application/octet-stream` with `Content-Disposition:
//! attachment;filename="name"` as documented; a name that is not ASCII goes
//! percent-encoded in `filename` and as `filename*=UTF-8''…` (RFC 6266), since a header
//! cannot carry it raw.
//!
//! Where the reference marks behaviour as unconfirmed we pick the likely one and say so:
//! a duplicate wiki name (on create or rename) is a 400 code 7; every update that sets a
//! name or content appends a version, changed or not; history lists every version
//! including the current one, `minId`/`maxId` being versions, inclusive; attaching an
//! upload gives the attachment a new id and uses the upload up (a second attach of it is
//! a 400 code 7); only the read and update buckets are counted, in windows of a minute
//! unless [`Sandbox::backlog_set_rate_limit`] says otherwise; uploads never expire.

use super::{BACKLOG_API_KEY, BACKLOG_PREFIX, BACKLOG_PROJECT_KEY, Recorded, Reply, Sandbox, Shared, lock};
use serde_json::{Value, json};
use std::collections::HashMap;

pub(crate) const READ_LIMIT: u32 = 600;
pub(crate) const UPDATE_LIMIT: u32 = 150;
/// Backlog's window: a minute.
const WINDOW_SECS: u32 = 60;
const PROJECT_ID: u64 = 10001;
const USER_ID: u64 = 9001;
const STATUSES: [(u64, &str, &str); 4] =
    [(1, "Open", "#ed8077"), (2, "In Progress", "#4488c5"), (3, "Resolved", "#5eb5a6"), (4, "Closed", "#b0be3c")];
/// The members of every project: (id, userId, name); the first is the API key's user.
const USERS: [(u64, &str, &str); 3] =
    [(USER_ID, "sandbox", "Sandbox Operator"), (9002, "tanaka", "Tanaka Taro"), (9003, "suzuki", "Suzuki Hanako")];
/// The categories of every project: (id, name).
const CATEGORIES: [(u64, &str); 2] = [(30001, "Network"), (30002, "Database")];
const PRIORITIES: [(u64, &str); 3] = [(2, "High"), (3, "Normal"), (4, "Low")];
const ISSUE_TYPES: [(u64, &str, &str); 3] =
    [(20001, "Task", "#7ea800"), (20002, "Bug", "#990000"), (20003, "Request", "#ff9200")];
/// A 1×1 PNG, the seeded wiki attachment.
const PNG_1X1: &str =
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

type Answer = Result<Reply, Reply>;

#[cfg(test)]
#[path = "backlog_tests.rs"]
mod tests;

/// Why a change to the sandbox's Backlog could not be made.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum BacklogSandboxError {
    #[error("no Backlog {0} in the sandbox")]
    NotFound(String),
    #[error("invalid Backlog change: {0}")]
    Invalid(String),
}

/// A wiki page to put into the sandbox ([`Sandbox::backlog_put_wiki`], or `"page"` of
/// `{"action": "put_wiki"}` on `POST /_sandbox/backlog`). Missing fields take defaults.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct BacklogWikiSeed {
    /// Project key or numeric id; empty: `OPS`.
    pub project: String,
    pub name: String,
    pub content: String,
    /// Earlier contents, oldest first: each becomes a version before `content`.
    pub history: Vec<String>,
    /// Tag names (the API cannot set tags; the sandbox can).
    pub tags: Vec<String>,
    pub attachments: Vec<BacklogFileSeed>,
}

/// An attachment of a [`BacklogWikiSeed`]; `data` travels as standard base64 in JSON.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct BacklogFileSeed {
    pub name: String,
    #[serde(with = "super::base64_body")]
    pub data: Vec<u8>,
}

impl BacklogFileSeed {
    pub fn new(name: &str, data: &[u8]) -> BacklogFileSeed {
        BacklogFileSeed { name: name.to_string(), data: data.to_vec() }
    }
}

pub(crate) fn error_body(code: u32, message: &str) -> String {
    json!({"errors": [{"message": message, "code": code, "moreInfo": ""}]}).to_string()
}

/// The error code Backlog pairs with an HTTP status (see the reference's §7 table).
pub(crate) fn code_for_status(status: u16) -> u32 {
    match status {
        401 => 11,
        403 => 5,
        404 => 6,
        429 => 13,
        500.. => 1,
        _ => 7,
    }
}

fn err(status: u16, code: u32, message: &str) -> Reply {
    let mut r = Reply::json(status, &Value::Null);
    r.body = error_body(code, message).into_bytes();
    r
}

fn invalid(message: &str) -> Reply {
    err(400, 7, message)
}

fn no_resource(what: &str) -> Reply {
    err(404, 6, &format!("No {what}."))
}

/// One bucket's standing after counting a request.
#[derive(Debug, Clone)]
pub(crate) struct Rate {
    pub limit: u32,
    pub remaining: u32,
    pub reset: i64,
    pub exceeded: bool,
}

impl Rate {
    pub fn headers(&self) -> Vec<(String, String)> {
        vec![
            ("X-RateLimit-Limit".into(), self.limit.to_string()),
            ("X-RateLimit-Remaining".into(), self.remaining.to_string()),
            ("X-RateLimit-Reset".into(), self.reset.to_string()),
        ]
    }
}

/// 429 code 13 for a request over its bucket; Backlog tells the wait by `X-RateLimit-Reset`.
pub(crate) fn too_many(rate: &Rate) -> Reply {
    let wait = (rate.reset - jiff::Timestamp::now().as_second()).max(1);
    err(429, 13, "Too many requests.").with_header("Retry-After", wait.to_string())
}

#[derive(Default, Clone, Copy)]
struct Window {
    slot: i64,
    used: u32,
}

impl Window {
    fn hit(&mut self, limit: u32, now: i64, secs: u32) -> Rate {
        let secs = i64::from(secs.max(1));
        let slot = now.div_euclid(secs);
        if slot != self.slot {
            *self = Window { slot, used: 0 };
        }
        self.used += 1;
        Rate {
            limit,
            remaining: limit.saturating_sub(self.used),
            reset: (slot + 1) * secs,
            exceeded: self.used > limit,
        }
    }

    fn peek(&self, limit: u32, now: i64, secs: u32) -> Value {
        let secs = i64::from(secs.max(1));
        let slot = now.div_euclid(secs);
        let used = if slot == self.slot { self.used } else { 0 };
        json!({"limit": limit, "remaining": limit.saturating_sub(used), "reset": (slot + 1) * secs})
    }
}

/// The limits the fake enforces; Backlog's paid-plan figures by default.
#[derive(Clone, Copy)]
struct Limits {
    read: u32,
    update: u32,
    window_secs: u32,
}

struct ProjectData {
    id: u64,
    key: String,
    name: String,
    text_formatting_rule: String,
    /// The number of the project's next issue key (`OPS-1`, `OPS-2`…).
    next_key: u64,
}

impl ProjectData {
    fn json(&self) -> Value {
        json!({"id": self.id, "projectKey": self.key, "name": self.name,
               "chartEnabled": false, "useResolvedForChart": false, "subtaskingEnabled": false,
               "projectLeaderCanEditProjectLeader": false, "useWiki": true, "useFileSharing": true,
               "useWikiTreeView": true, "useOriginalImageSizeAtWiki": false, "useSubversion": false,
               "useGit": false, "textFormattingRule": self.text_formatting_rule, "archived": false,
               "displayOrder": 0, "useDevAttributes": false})
    }
}

struct Wiki {
    page: Value,
    version: u64,
    history: Vec<Value>,
}

/// The fake space's data.
pub(crate) struct Backlog {
    pub issues: Vec<Value>,
    comments: Vec<Value>,
    projects: Vec<ProjectData>,
    wikis: Vec<Wiki>,
    /// Bytes of wiki attachments, by attachment id.
    files: HashMap<u64, Vec<u8>>,
    /// `POST /space/attachment` uploads not attached yet: id → (name, bytes).
    uploads: HashMap<u64, (String, Vec<u8>)>,
    /// Wiki tags: (id, project id, name).
    tags: Vec<(u64, u64, String)>,
    next_id: u64,
    read: Window,
    update: Window,
    limits: Limits,
}

fn now_str() -> String {
    jiff::Timestamp::now().strftime("%Y-%m-%dT%H:%M:%SZ").to_string()
}

fn user() -> Value {
    member(USER_ID).unwrap_or(Value::Null)
}

fn member(id: u64) -> Option<Value> {
    let (id, user_id, name) = USERS.iter().find(|u| u.0 == id)?;
    Some(json!({"id": id, "userId": user_id, "name": name, "roleType": if *id == USER_ID { 1 } else { 2 },
           "lang": "en", "mailAddress": format!("{user_id}@sandbox.invalid"), "nulabAccount": null,
           "lastLoginTime": "2024-01-01T00:00:00Z"}))
}

fn category(id: u64) -> Option<Value> {
    let (i, (id, name)) = CATEGORIES.iter().enumerate().find(|(_, c)| c.0 == id)?;
    Some(json!({"id": id, "name": name, "displayOrder": i}))
}

/// The users named by `key` (`assigneeId`, `notifiedUserId[]`), each a member of the
/// project, as Backlog refuses others with a 400.
fn members(p: &Params, key: &str) -> Result<Vec<Value>, Reply> {
    let ids = p.nums(key)?;
    ids.into_iter().map(|id| member(id).ok_or_else(|| invalid(&format!("No user with id {id} ({key})")))).collect()
}

/// The categories named by `categoryId[]`, all of the project's.
fn categories_of(p: &Params) -> Result<Vec<Value>, Reply> {
    let ids = p.nums("categoryId[]")?;
    ids.into_iter().map(|id| category(id).ok_or_else(|| invalid(&format!("No category with id {id}")))).collect()
}

/// A comment's `notifications`: one per notified user.
fn notifications(users: Vec<Value>) -> Value {
    let n: Vec<Value> =
        users.into_iter().map(|u| json!({"id": u["id"], "alreadyRead": false, "reason": 2, "user": u})).collect();
    Value::Array(n)
}

fn status(project_id: u64, id: u64) -> Option<Value> {
    let (id, name, color) = STATUSES.iter().find(|s| s.0 == id)?;
    Some(json!({"id": id, "projectId": project_id, "name": name, "color": color,
                "displayOrder": id * 1000}))
}

fn priority(id: u64) -> Option<Value> {
    let (id, name) = PRIORITIES.iter().find(|p| p.0 == id)?;
    Some(json!({"id": id, "name": name}))
}

fn issue_type(project_id: u64, id: u64) -> Option<Value> {
    let (i, (id, name, color)) = ISSUE_TYPES.iter().enumerate().find(|(_, t)| t.0 == id)?;
    Some(json!({"id": id, "projectId": project_id, "name": name, "color": color,
                "displayOrder": i}))
}

/// Query or form parameters; `name[]` arrays are just repeated names.
struct Params(Vec<(String, String)>);

impl Params {
    fn get(&self, k: &str) -> Option<&str> {
        self.0.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_str())
    }

    fn required(&self, k: &str) -> Result<&str, Reply> {
        match self.get(k) {
            Some(v) if !v.trim().is_empty() => Ok(v),
            _ => Err(invalid(&format!("Please specify {k}."))),
        }
    }

    fn num(&self, k: &str) -> Result<Option<u64>, Reply> {
        self.get(k).map(|v| v.parse().map_err(|_| invalid(&format!("{k} must be a number.")))).transpose()
    }

    fn nums(&self, k: &str) -> Result<Vec<u64>, Reply> {
        let vals = self.0.iter().filter(|(n, _)| n == k);
        vals.map(|(_, v)| v.parse().map_err(|_| invalid(&format!("{k} must be numbers.")))).collect()
    }

    /// `count` (1–100, default 20), `offset`, `order` (default desc) applied to a list.
    fn page(&self, mut items: Vec<Value>) -> Answer {
        let count = self.num("count")?.unwrap_or(20);
        if !(1..=100).contains(&count) {
            return Err(invalid("count must be between 1 and 100."));
        }
        if self.get("order") != Some("asc") {
            items.reverse();
        }
        let offset = self.num("offset")?.unwrap_or(0) as usize;
        let page: Vec<Value> = items.into_iter().skip(offset).take(count as usize).collect();
        Ok(Reply::json(200, &Value::Array(page)))
    }
}

/// A numeric JSON id against an id from the path.
fn id_is(v: &Value, s: &str) -> bool {
    v.as_u64().is_some_and(|n| s.parse() == Ok(n))
}

fn id_range(p: &Params, v: &Value) -> bool {
    let id = v.as_u64().unwrap_or(0);
    let min = p.num("minId").ok().flatten().unwrap_or(0);
    let max = p.num("maxId").ok().flatten().unwrap_or(u64::MAX);
    (min..=max).contains(&id)
}

fn valid_rule(rule: &str) -> Result<(), BacklogSandboxError> {
    match rule {
        "markdown" | "backlog" => Ok(()),
        _ => Err(BacklogSandboxError::Invalid(format!("textFormattingRule `{rule}`: use markdown or backlog"))),
    }
}

impl Backlog {
    pub fn seeded() -> Backlog {
        let mut b = Backlog {
            issues: Vec::new(),
            comments: Vec::new(),
            projects: vec![ProjectData {
                id: PROJECT_ID,
                key: BACKLOG_PROJECT_KEY.to_string(),
                name: "Operations".to_string(),
                text_formatting_rule: "markdown".to_string(),
                next_key: 1,
            }],
            wikis: Vec::new(),
            files: HashMap::new(),
            uploads: HashMap::new(),
            tags: Vec::new(),
            next_id: 1_000_000,
            read: Window::default(),
            update: Window::default(),
            limits: Limits { read: READ_LIMIT, update: UPDATE_LIMIT, window_secs: WINDOW_SECS },
        };
        b.upsert_wiki("Home", "# Operations\n\nRunbooks and inventory of the sandbox.\n");
        use base64::Engine as _;
        let png = base64::engine::general_purpose::STANDARD.decode(PNG_1X1).unwrap_or_default();
        let dx = BacklogWikiSeed {
            name: "Runbooks/Direct Connect".into(),
            content: "# Direct Connect\n\n![topology](dx-topology.png)\n\nCheck BGP state first.\n".into(),
            attachments: vec![BacklogFileSeed::new("dx-topology.png", &png)],
            ..BacklogWikiSeed::default()
        };
        if let Err(e) = b.put_wiki(&dx) {
            tracing::warn!(error = %e, "sandbox: could not seed a wiki page");
        }
        b
    }

    fn id(&mut self) -> u64 {
        self.next_id += 1;
        self.next_id
    }

    pub fn count_request(&mut self, method: &str) -> Rate {
        let now = jiff::Timestamp::now().as_second();
        let l = self.limits;
        match method {
            "GET" | "HEAD" => self.read.hit(l.read, now, l.window_secs),
            _ => self.update.hit(l.update, now, l.window_secs),
        }
    }

    fn project(&self, id_or_key: &str) -> Result<&ProjectData, Reply> {
        let hit = |p: &&ProjectData| p.key == id_or_key || p.id.to_string() == id_or_key;
        self.projects.iter().find(hit).ok_or_else(|| no_resource("project"))
    }

    fn project_by_id(&self, id: &str) -> Result<&ProjectData, Reply> {
        self.projects.iter().find(|p| p.id.to_string() == id).ok_or_else(|| invalid("No project."))
    }

    /// A project by key or id, or `OPS` for an empty string.
    fn project_for_change(&self, id_or_key: &str) -> Result<u64, BacklogSandboxError> {
        let id_or_key = if id_or_key.is_empty() { BACKLOG_PROJECT_KEY } else { id_or_key };
        let p = self.project(id_or_key).map_err(|_| BacklogSandboxError::NotFound(format!("project `{id_or_key}`")))?;
        Ok(p.id)
    }

    fn issue_index(&self, id_or_key: &str) -> Result<usize, Reply> {
        let hit = |v: &Value| v["issueKey"] == id_or_key || id_is(&v["id"], id_or_key);
        self.issues.iter().position(hit).ok_or_else(|| no_resource("issue"))
    }

    pub fn comments_of(&self, id_or_key: &str) -> Vec<Value> {
        let Ok(i) = self.issue_index(id_or_key) else {
            return Vec::new();
        };
        let issue_id = &self.issues[i]["id"];
        let mine = self.comments.iter().filter(|c| &c["issueId"] == issue_id);
        mine.cloned().collect()
    }

    fn wiki_index(&self, id: &str) -> Result<usize, Reply> {
        let hit = |w: &Wiki| id_is(&w.page["id"], id);
        self.wikis.iter().position(hit).ok_or_else(|| no_resource("wiki"))
    }

    fn wiki_named(&self, project_id: u64, name: &str) -> Option<usize> {
        self.wikis.iter().position(|w| w.page["projectId"] == project_id && w.page["name"] == name)
    }

    pub fn wiki_pages(&self) -> Vec<Value> {
        self.wikis.iter().map(|w| w.page.clone()).collect()
    }

    /// Create the page in OPS, or give an existing one of that name new content (a new
    /// version).
    pub fn upsert_wiki(&mut self, name: &str, content: &str) -> u64 {
        match self.wiki_named(PROJECT_ID, name) {
            Some(i) => self.update_wiki(i, None, Some(content)),
            None => self.create_wiki(PROJECT_ID, name, content),
        }
    }

    fn create_wiki(&mut self, project_id: u64, name: &str, content: &str) -> u64 {
        let (id, now) = (self.id(), now_str());
        let page = json!({"id": id, "projectId": project_id, "name": name, "content": content,
            "tags": [], "attachments": [], "sharedFiles": [], "stars": [],
            "createdUser": user(), "created": now, "updatedUser": user(), "updated": now});
        let mut w = Wiki { page, version: 0, history: Vec::new() };
        w.snapshot();
        self.wikis.push(w);
        id
    }

    /// A new version with the given name and/or content (one is set by every caller).
    fn update_wiki(&mut self, i: usize, name: Option<&str>, content: Option<&str>) -> u64 {
        let w = &mut self.wikis[i];
        if let Some(n) = name {
            w.page["name"] = json!(n);
        }
        if let Some(c) = content {
            w.page["content"] = json!(c);
        }
        w.page["updated"] = json!(now_str());
        w.page["updatedUser"] = user();
        w.snapshot();
        w.page["id"].as_u64().unwrap_or(0)
    }

    fn remove_wiki_at(&mut self, i: usize) -> Value {
        let w = self.wikis.remove(i);
        for a in w.page["attachments"].as_array().into_iter().flatten() {
            self.files.remove(&a["id"].as_u64().unwrap_or(0));
        }
        w.page
    }

    /// Store `bytes` as a new attachment of page `i`; returns its JSON.
    fn add_attachment(&mut self, i: usize, name: &str, bytes: Vec<u8>) -> Value {
        let id = self.id();
        let att = json!({"id": id, "name": name, "size": bytes.len(), "createdUser": user(), "created": now_str()});
        self.files.insert(id, bytes);
        let list = &mut self.wikis[i].page["attachments"];
        if !list.is_array() {
            *list = json!([]);
        }
        if let Some(a) = list.as_array_mut() {
            a.push(att.clone());
        }
        att
    }

    fn tag(&mut self, project_id: u64, name: &str) -> Value {
        let id = match self.tags.iter().find(|t| t.1 == project_id && t.2 == name) {
            Some(t) => t.0,
            None => {
                let id = self.id();
                self.tags.push((id, project_id, name.to_string()));
                id
            }
        };
        json!({"id": id, "name": name})
    }

    /// Make page `seed.name` of `seed.project` hold what the seed says: created if new,
    /// else given the versions as updates; tags and attachments replaced.
    pub fn put_wiki(&mut self, seed: &BacklogWikiSeed) -> Result<u64, BacklogSandboxError> {
        if seed.name.trim().is_empty() {
            return Err(BacklogSandboxError::Invalid("a wiki page needs a name".into()));
        }
        let project_id = self.project_for_change(&seed.project)?;
        let mut versions = seed.history.iter().chain([&seed.content]);
        let i = match self.wiki_named(project_id, &seed.name) {
            Some(i) => i,
            None => {
                let first = versions.next().map_or("", String::as_str);
                self.create_wiki(project_id, &seed.name, first);
                self.wikis.len() - 1
            }
        };
        for content in versions {
            self.update_wiki(i, None, Some(content));
        }
        let tags: Vec<Value> = seed.tags.iter().map(|t| self.tag(project_id, t)).collect();
        self.wikis[i].page["tags"] = Value::Array(tags);
        let old = std::mem::replace(&mut self.wikis[i].page["attachments"], json!([]));
        for a in old.as_array().into_iter().flatten() {
            self.files.remove(&a["id"].as_u64().unwrap_or(0));
        }
        for a in &seed.attachments {
            self.add_attachment(i, &a.name, a.data.clone());
        }
        Ok(self.wikis[i].page["id"].as_u64().unwrap_or(0))
    }

    fn page_of(&self, project: &str, name: &str) -> Option<&Wiki> {
        let project_id = self.project_for_change(project).ok()?;
        self.wiki_named(project_id, name).map(|i| &self.wikis[i])
    }

    fn page_by_id(&self, page_id: u64) -> Option<&Wiki> {
        self.wikis.iter().find(|w| w.page["id"] == page_id)
    }

    fn attachment_bytes(&self, page_id: u64, name: &str) -> Option<Vec<u8>> {
        let w = self.page_by_id(page_id)?;
        let att = w.page["attachments"].as_array()?.iter().find(|a| a["name"] == name)?;
        self.files.get(&att["id"].as_u64()?).cloned()
    }

    fn set_text_formatting_rule(&mut self, project: &str, rule: &str) -> Result<(), BacklogSandboxError> {
        valid_rule(rule)?;
        let id = self.project_for_change(project)?;
        if let Some(p) = self.projects.iter_mut().find(|p| p.id == id) {
            p.text_formatting_rule = rule.to_string();
        }
        Ok(())
    }

    fn add_project(&mut self, key: &str, name: &str, rule: &str) -> Result<u64, BacklogSandboxError> {
        let key_ok = !key.is_empty()
            && key.starts_with(|c: char| c.is_ascii_uppercase())
            && key.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_');
        if !key_ok {
            return Err(BacklogSandboxError::Invalid(format!("project key `{key}`: use A-Z, 0-9 and _")));
        }
        valid_rule(rule)?;
        if self.projects.iter().any(|p| p.key == key) {
            return Err(BacklogSandboxError::Invalid(format!("project `{key}` exists")));
        }
        let id = self.projects.iter().map(|p| p.id).max().unwrap_or(PROJECT_ID) + 1;
        let name = if name.is_empty() { key } else { name };
        self.projects.push(ProjectData {
            id,
            key: key.to_string(),
            name: name.to_string(),
            text_formatting_rule: rule.to_string(),
            next_key: 1,
        });
        Ok(id)
    }

    fn remove_wiki(&mut self, project: &str, name: &str) -> Result<(), BacklogSandboxError> {
        let project_id = self.project_for_change(project)?;
        let i = self
            .wiki_named(project_id, name)
            .ok_or_else(|| BacklogSandboxError::NotFound(format!("wiki page `{name}`")))?;
        self.remove_wiki_at(i);
        Ok(())
    }
}

impl Wiki {
    fn snapshot(&mut self) {
        self.version += 1;
        let p = &self.page;
        self.history.push(json!({"pageId": p["id"], "version": self.version, "name": p["name"],
            "content": p["content"], "createdUser": user(), "created": p["updated"]}));
    }

    /// `GET /wikis` items carry no content, attachments, shared files or stars.
    fn list_item(&self) -> Value {
        let mut v = self.page.clone();
        if let Some(o) = v.as_object_mut() {
            for k in ["content", "attachments", "sharedFiles", "stars"] {
                o.remove(k);
            }
        }
        v
    }
}

/// Answer one request under `/backlog`; `rest` is the path after the prefix.
pub(crate) fn handle(shared: &Shared, rec: &Recorded, rest: &str) -> Reply {
    let query = Params(rec.query_pairs());
    if query.get("apiKey") != Some(BACKLOG_API_KEY) {
        return err(401, 11, "Authentication failure.");
    }
    let Some(api) = rest.strip_prefix("/api/v2/") else {
        return no_resource("resource");
    };
    let params = match rec.method.as_str() {
        "GET" | "HEAD" => query,
        _ => Params(rec.form()),
    };
    let segs: Vec<&str> = api.split('/').collect();
    let mut b = lock(&shared.backlog);
    let base = format!("http://{}{BACKLOG_PREFIX}", super::host_of(rec));
    b.dispatch(rec, &segs, &params, &base).unwrap_or_else(|e| e)
}

impl Backlog {
    fn dispatch(&mut self, rec: &Recorded, segs: &[&str], p: &Params, base: &str) -> Answer {
        let ok = |v: Value| Ok(Reply::json(200, &v));
        match (rec.method.as_str(), segs) {
            ("GET", ["projects", k]) => ok(self.project(k)?.json()),
            ("GET", ["projects", k, "issueTypes"]) => {
                let pid = self.project(k)?.id;
                ok(ISSUE_TYPES.iter().filter_map(|t| issue_type(pid, t.0)).collect())
            }
            ("GET", ["projects", k, "statuses"]) => {
                let pid = self.project(k)?.id;
                ok(STATUSES.iter().filter_map(|s| status(pid, s.0)).collect())
            }
            ("GET", ["projects", k, "users"]) => {
                self.project(k)?;
                ok(USERS.iter().filter_map(|u| member(u.0)).collect())
            }
            ("GET", ["projects", k, "categories"]) => {
                self.project(k)?;
                ok(CATEGORIES.iter().filter_map(|c| category(c.0)).collect())
            }
            ("GET", ["priorities"]) => ok(PRIORITIES.iter().filter_map(|p| priority(p.0)).collect()),
            ("GET", ["users", "myself"]) => ok(user()),
            ("GET", ["rateLimit"]) => {
                let now = jiff::Timestamp::now().as_second();
                let l = self.limits;
                let fresh = |limit: u32| Window::default().peek(limit, now, l.window_secs);
                ok(json!({"rateLimit": {"read": self.read.peek(l.read, now, l.window_secs),
                    "update": self.update.peek(l.update, now, l.window_secs),
                    "search": fresh(150), "icon": fresh(60)}}))
            }
            ("POST", ["issues"]) => self.add_issue(p, base),
            ("GET", ["issues"]) => p.page(self.find_issues(p)?),
            ("GET", ["issues", "count"]) => ok(json!({"count": self.find_issues(p)?.len()})),
            ("GET", ["issues", k]) => ok(self.issues[self.issue_index(k)?].clone()),
            ("PATCH", ["issues", k]) => self.update_issue(k, p),
            ("POST", ["issues", k, "comments"]) => {
                let i = self.issue_index(k)?;
                let content = p.required("content")?;
                if content.chars().count() > 50_000 {
                    return Err(invalid("content is too long."));
                }
                let notified = notifications(members(p, "notifiedUserId[]")?);
                let mut c = self.add_comment(i, content, None);
                c["notifications"] = notified;
                if let Some(last) = self.comments.last_mut() {
                    last["notifications"] = c["notifications"].clone();
                }
                let key = self.issues[i]["issueKey"].as_str().unwrap_or("").to_string();
                let loc = format!("{base}/view/{key}#comment-{}", c["id"]);
                Ok(Reply::json(201, &c).with_header("Location", loc))
            }
            ("GET", ["issues", k, "comments"]) => {
                let issue_id = &self.issues[self.issue_index(k)?]["id"];
                let mine = self.comments.iter();
                let mine = mine.filter(|c| &c["issueId"] == issue_id && id_range(p, &c["id"]));
                p.page(mine.cloned().collect())
            }
            ("POST", ["space", "attachment"]) => self.upload(rec),
            ("GET", ["wikis"]) => ok(self.find_wikis(p)?.iter().map(|w| w.list_item()).collect()),
            ("GET", ["wikis", "count"]) => ok(json!({"count": self.find_wikis(p)?.len()})),
            ("GET", ["wikis", "tags"]) => {
                let pid = self.project(p.required("projectIdOrKey")?)?.id;
                ok(self.tags.iter().filter(|t| t.1 == pid).map(|t| json!({"id": t.0, "name": t.2})).collect())
            }
            ("POST", ["wikis"]) => {
                let pid = self.project_by_id(p.required("projectId")?)?.id;
                let (name, content) = (p.required("name")?, p.required("content")?);
                if self.wiki_named(pid, name).is_some() {
                    return Err(invalid("A page with the same name already exists."));
                }
                let id = self.create_wiki(pid, name, content);
                let page = self.wikis[self.wiki_index(&id.to_string())?].page.clone();
                let loc = format!("{base}/alias/wiki/{id}");
                Ok(Reply::json(201, &page).with_header("Location", loc))
            }
            ("GET", ["wikis", id]) => ok(self.wikis[self.wiki_index(id)?].page.clone()),
            ("PATCH", ["wikis", id]) => {
                let i = self.wiki_index(id)?;
                let name = p.get("name").filter(|n| !n.trim().is_empty());
                let pid = self.wikis[i].page["projectId"].as_u64().unwrap_or(0);
                if let Some(n) = name
                    && self.wiki_named(pid, n).is_some_and(|j| j != i)
                {
                    return Err(invalid("A page with the same name already exists."));
                }
                let content = p.get("content");
                if name.is_some() || content.is_some() {
                    self.update_wiki(i, name, content);
                }
                ok(self.wikis[i].page.clone())
            }
            ("DELETE", ["wikis", id]) => {
                let i = self.wiki_index(id)?;
                ok(self.remove_wiki_at(i))
            }
            ("GET", ["wikis", id, "attachments"]) => ok(self.wikis[self.wiki_index(id)?].page["attachments"].clone()),
            ("POST", ["wikis", id, "attachments"]) => {
                let i = self.wiki_index(id)?;
                let ids = p.nums("attachmentId[]")?;
                if ids.is_empty() {
                    return Err(invalid("Please specify attachmentId[]."));
                }
                if let Some(missing) = ids.iter().find(|u| !self.uploads.contains_key(u)) {
                    return Err(invalid(&format!("No attachment file with id {missing}.")));
                }
                let mut added = Vec::new();
                for u in ids {
                    if let Some((name, bytes)) = self.uploads.remove(&u) {
                        added.push(self.add_attachment(i, &name, bytes));
                    }
                }
                ok(Value::Array(added))
            }
            ("GET", ["wikis", id, "attachments", att]) => self.download(id, att),
            ("DELETE", ["wikis", id, "attachments", att]) => {
                let i = self.wiki_index(id)?;
                let list = self.wikis[i].page["attachments"].as_array_mut();
                let list = list.ok_or_else(|| no_resource("attachment"))?;
                let at = list.iter().position(|a| id_is(&a["id"], att)).ok_or_else(|| no_resource("attachment"))?;
                let removed = list.remove(at);
                self.files.remove(&removed["id"].as_u64().unwrap_or(0));
                ok(removed)
            }
            ("GET", ["wikis", id, "history"]) => {
                let w = &self.wikis[self.wiki_index(id)?];
                let h = w.history.iter().filter(|h| id_range(p, &h["version"]));
                p.page(h.cloned().collect())
            }
            _ => Err(no_resource("resource")),
        }
    }

    /// `POST /space/attachment`: the multipart part named `file`.
    fn upload(&mut self, rec: &Recorded) -> Answer {
        let (name, bytes) = multipart_file(rec)?;
        let id = self.id();
        let size = bytes.len();
        self.uploads.insert(id, (name.clone(), bytes));
        Ok(Reply::json(200, &json!({"id": id, "name": name, "size": size})))
    }

    fn download(&self, id: &str, att: &str) -> Answer {
        let page = &self.wikis[self.wiki_index(id)?].page;
        let list = page["attachments"].as_array().cloned().unwrap_or_default();
        let meta = list.iter().find(|a| id_is(&a["id"], att)).ok_or_else(|| no_resource("attachment"))?;
        let name = meta["name"].as_str().unwrap_or("file");
        let data = self.files.get(&meta["id"].as_u64().unwrap_or(0)).cloned().unwrap_or_default();
        Ok(Reply {
            status: 200,
            headers: vec![
                ("content-type".into(), "application/octet-stream".into()),
                ("content-disposition".into(), content_disposition(name)),
            ],
            body: data,
        })
    }

    fn add_issue(&mut self, p: &Params, base: &str) -> Answer {
        let pid = p.required("projectId")?;
        let summary = p.required("summary")?;
        let type_id = p.required("issueTypeId")?;
        let prio_id = p.required("priorityId")?;
        let pid = self.project_by_id(pid)?.id;
        if summary.chars().count() > 255 {
            return Err(invalid("summary is too long."));
        }
        let description = p.get("description").unwrap_or("");
        if description.chars().count() > 100_000 {
            return Err(invalid("description is too long."));
        }
        let itype = type_id.parse().ok().and_then(|t| issue_type(pid, t));
        let itype = itype.ok_or_else(|| invalid("No issue type."))?;
        let prio = prio_id.parse().ok().and_then(priority);
        let prio = prio.ok_or_else(|| invalid("No priority."))?;
        let assignee = members(p, "assigneeId")?.pop().unwrap_or(Value::Null);
        members(p, "notifiedUserId[]")?;
        let categories = categories_of(p)?;
        let Some(project) = self.projects.iter_mut().find(|p| p.id == pid) else {
            return Err(invalid("No project."));
        };
        let key_id = project.next_key;
        project.next_key += 1;
        let key = format!("{}-{key_id}", project.key);
        let (id, now) = (self.id(), now_str());
        let issue = json!({"id": id, "projectId": pid, "issueKey": key, "keyId": key_id,
            "issueType": itype, "summary": summary, "description": description,
            "resolution": null, "priority": prio, "status": status(pid, 1), "assignee": assignee,
            "category": categories, "versions": [], "milestone": [], "startDate": null,
            "dueDate": null, "estimatedHours": null, "actualHours": null,
            "parentIssueId": null, "createdUser": user(), "created": now,
            "updatedUser": user(), "updated": now, "customFields": [], "attachments": [],
            "sharedFiles": [], "stars": []});
        self.issues.push(issue.clone());
        let loc = format!("{base}/view/{key}");
        Ok(Reply::json(201, &issue).with_header("Location", loc))
    }

    fn update_issue(&mut self, key: &str, p: &Params) -> Answer {
        let i = self.issue_index(key)?;
        // The same lengths as on create and on a comment.
        if p.get("summary").is_some_and(|s| s.chars().count() > 255) {
            return Err(invalid("summary is too long."));
        }
        if p.get("description").is_some_and(|s| s.chars().count() > 100_000) {
            return Err(invalid("description is too long."));
        }
        if p.get("comment").is_some_and(|s| s.chars().count() > 50_000) {
            return Err(invalid("comment is too long."));
        }
        // Checked before anything changes: a refused request changes nothing.
        let notified = notifications(members(p, "notifiedUserId[]")?);
        let mut issue = self.issues[i].clone();
        let pid = issue["projectId"].as_u64().unwrap_or(PROJECT_ID);
        let mut log = Vec::new();
        let mut set = |field: &str, slot: &str, new: Value, shown: fn(&Value) -> Value| {
            if issue[slot] != new {
                log.push(json!({"field": field, "newValue": shown(&new),
                    "originalValue": shown(&issue[slot]), "attachmentInfo": null,
                    "attributeInfo": null, "notificationInfo": null}));
                issue[slot] = new;
            }
        };
        let name = |v: &Value| v["name"].clone();
        let same = |v: &Value| v.clone();
        if let Some(s) = p.get("summary") {
            set("summary", "summary", json!(s), same);
        }
        if let Some(d) = p.get("description") {
            set("description", "description", json!(d), same);
        }
        if let Some(id) = p.num("statusId")? {
            set("status", "status", status(pid, id).ok_or_else(|| invalid("No status."))?, name);
        }
        if let Some(id) = p.num("priorityId")? {
            set("priority", "priority", priority(id).ok_or_else(|| invalid("No priority."))?, name);
        }
        if let Some(id) = p.num("issueTypeId")? {
            let t = issue_type(pid, id).ok_or_else(|| invalid("No issue type."))?;
            set("issueType", "issueType", t, name);
        }
        issue["updated"] = json!(now_str());
        self.issues[i] = issue.clone();
        let comment = p.get("comment").unwrap_or("");
        if !comment.is_empty() || !log.is_empty() {
            let change_log = (!log.is_empty()).then_some(Value::Array(log));
            self.add_comment(i, comment, change_log);
            if let Some(last) = self.comments.last_mut() {
                last["notifications"] = notified;
            }
        }
        Ok(Reply::json(200, &issue))
    }

    fn add_comment(&mut self, issue: usize, content: &str, change_log: Option<Value>) -> Value {
        let (id, now) = (self.id(), now_str());
        let c = json!({"id": id, "projectId": self.issues[issue]["projectId"], "issueId": self.issues[issue]["id"],
            "content": content, "changeLog": change_log, "createdUser": user(),
            "created": now, "updated": now, "stars": [], "notifications": []});
        self.comments.push(c.clone());
        c
    }

    fn find_issues(&self, p: &Params) -> Result<Vec<Value>, Reply> {
        let (projects, statuses) = (p.nums("projectId[]")?, p.nums("statusId[]")?);
        let (types, prios) = (p.nums("issueTypeId[]")?, p.nums("priorityId[]")?);
        let keyword = p.get("keyword").unwrap_or("").to_lowercase();
        let within = |set: &[u64], v: &Value| set.is_empty() || set.contains(&v.as_u64().unwrap_or(0));
        let hits = self.issues.iter().filter(|v| {
            within(&projects, &v["projectId"])
                && within(&statuses, &v["status"]["id"])
                && within(&types, &v["issueType"]["id"])
                && within(&prios, &v["priority"]["id"])
                && (keyword.is_empty()
                    || [&v["summary"], &v["description"], &v["issueKey"]]
                        .iter()
                        .any(|f| f.as_str().unwrap_or("").to_lowercase().contains(&keyword)))
        });
        Ok(hits.cloned().collect())
    }

    fn find_wikis(&self, p: &Params) -> Result<Vec<&Wiki>, Reply> {
        let pid = self.project(p.required("projectIdOrKey")?)?.id;
        let keyword = p.get("keyword").unwrap_or("").to_lowercase();
        let hit = |w: &&Wiki| {
            w.page["projectId"] == pid
                && (keyword.is_empty()
                    || [&w.page["name"], &w.page["content"]]
                        .iter()
                        .any(|f| f.as_str().unwrap_or("").to_lowercase().contains(&keyword)))
        };
        Ok(self.wikis.iter().filter(hit).collect())
    }
}

/// `attachment;filename="name"` as Backlog documents it; a name that is not plain ASCII
/// goes percent-encoded in `filename` and as RFC 6266's `filename*`.
fn content_disposition(name: &str) -> String {
    let plain = name.chars().all(|c| c.is_ascii_graphic() || c == ' ') && !name.contains(['"', '\\', '%']);
    if plain {
        return format!("attachment;filename=\"{name}\"");
    }
    let encoded: String = name
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect();
    format!("attachment;filename=\"{encoded}\";filename*=UTF-8''{encoded}")
}

/// The name and bytes of the part named `file` of a `multipart/form-data` body. The
/// name is taken as sent (`filename="…"` in raw UTF-8, as browsers and Backlog's docs
/// have it), or from `filename*=UTF-8''…`.
fn multipart_file(rec: &Recorded) -> Result<(String, Vec<u8>), Reply> {
    let ct = rec.header("content-type").unwrap_or("");
    if !ct.trim_start().to_ascii_lowercase().starts_with("multipart/form-data") {
        return Err(invalid("Please send the file as multipart/form-data."));
    }
    let boundary = ct
        .split(';')
        .find_map(|p| p.trim().strip_prefix("boundary="))
        .map(|b| b.trim_matches('"'))
        .filter(|b| !b.is_empty())
        .ok_or_else(|| invalid("No multipart boundary."))?;
    let delim = format!("--{boundary}").into_bytes();
    let body = &rec.body;
    let mut at = find(body, &delim, 0).ok_or_else(|| invalid("Malformed multipart body."))?;
    loop {
        let start = at + delim.len();
        if body[start..].starts_with(b"--") {
            break;
        }
        let next = find(body, &delim, start).ok_or_else(|| invalid("Malformed multipart body."))?;
        let part = &body[start..next];
        let part = part.strip_prefix(b"\r\n").unwrap_or(part);
        let part = part.strip_suffix(b"\r\n").unwrap_or(part);
        if let Some(split) = find(part, b"\r\n\r\n", 0) {
            let head = String::from_utf8_lossy(&part[..split]);
            let disposition = head
                .lines()
                .find_map(|l| l.split_once(':').filter(|(k, _)| k.trim().eq_ignore_ascii_case("content-disposition")))
                .map(|(_, v)| v.trim().to_string())
                .unwrap_or_default();
            if disposition_param(&disposition, "name").as_deref() == Some("file") {
                let name = disposition_param(&disposition, "filename*")
                    .and_then(|v| v.split_once("''").map(|(_, enc)| percent_decode(enc)))
                    .or_else(|| disposition_param(&disposition, "filename"))
                    .filter(|n| !n.is_empty())
                    .ok_or_else(|| invalid("Please specify the file name."))?;
                return Ok((name, part[split + 4..].to_vec()));
            }
        }
        at = next;
    }
    Err(invalid("Please specify file."))
}

fn disposition_param(value: &str, name: &str) -> Option<String> {
    value.split(';').skip(1).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim().eq_ignore_ascii_case(name).then(|| v.trim().trim_matches('"').to_string())
    })
}

fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = std::str::from_utf8(b.get(i + 1..i + 3).unwrap_or_default()).ok();
        match (b[i], hex.and_then(|h| u8::from_str_radix(h, 16).ok())) {
            (b'%', Some(v)) => {
                out.push(v);
                i += 3;
            }
            (c, _) => {
                out.push(c);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn find(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    hay.get(from..)?.windows(needle.len()).position(|w| w == needle).map(|p| p + from)
}

/// One change through `POST /_sandbox/backlog` (see the control-plane list in mod.rs).
#[derive(Debug, serde::Deserialize)]
#[serde(tag = "action", rename_all = "snake_case", deny_unknown_fields)]
enum Action {
    PutWiki {
        page: BacklogWikiSeed,
    },
    RemoveWiki {
        #[serde(default)]
        project: String,
        name: String,
    },
    SetTextFormattingRule {
        #[serde(default)]
        project: String,
        rule: String,
    },
    AddProject {
        key: String,
        #[serde(default)]
        name: String,
        #[serde(default = "default_rule")]
        text_formatting_rule: String,
    },
    SetRateLimit {
        read: u32,
        update: u32,
        #[serde(default = "default_window")]
        window_secs: u32,
    },
}

fn default_rule() -> String {
    "markdown".into()
}

fn default_window() -> u32 {
    WINDOW_SECS
}

pub(crate) fn control(shared: &Shared, body: &[u8]) -> Reply {
    let action = match serde_json::from_slice::<Action>(body) {
        Ok(a) => a,
        Err(e) => return Reply::text(400, &format!("invalid backlog action: {e}")),
    };
    let mut b = lock(&shared.backlog);
    let done = match action {
        Action::PutWiki { page } => b.put_wiki(&page).map(Some),
        Action::RemoveWiki { project, name } => b.remove_wiki(&project, &name).map(|_| None),
        Action::SetTextFormattingRule { project, rule } => b.set_text_formatting_rule(&project, &rule).map(|_| None),
        Action::AddProject { key, name, text_formatting_rule } => {
            b.add_project(&key, &name, &text_formatting_rule).map(Some)
        }
        Action::SetRateLimit { read, update, window_secs } => b.set_rate_limit(read, update, window_secs).map(|_| None),
    };
    match done {
        Ok(None) => Reply::json(200, &json!({"ok": true})),
        Ok(Some(id)) => Reply::json(200, &json!({"ok": true, "id": id})),
        Err(e @ BacklogSandboxError::NotFound(_)) => Reply::text(404, &e.to_string()),
        Err(e) => Reply::text(400, &e.to_string()),
    }
}

pub(crate) fn control_state(shared: &Shared) -> Reply {
    let b = lock(&shared.backlog);
    Reply::json(200, &b.state())
}

impl Backlog {
    fn set_rate_limit(&mut self, read: u32, update: u32, window_secs: u32) -> Result<(), BacklogSandboxError> {
        if read == 0 || update == 0 || window_secs == 0 {
            return Err(BacklogSandboxError::Invalid("rate limits and the window must be at least 1".into()));
        }
        self.limits = Limits { read, update, window_secs };
        self.read = Window::default();
        self.update = Window::default();
        Ok(())
    }

    /// `GET /_sandbox/backlog`: projects, wiki pages with their history, and the bytes of
    /// every attachment (base64, by attachment id).
    fn state(&self) -> Value {
        use base64::Engine as _;
        let b64 = |d: &Vec<u8>| base64::engine::general_purpose::STANDARD.encode(d);
        let wikis: Vec<Value> = self
            .wikis
            .iter()
            .map(|w| {
                let mut v = w.page.clone();
                v["history"] = Value::Array(w.history.clone());
                v
            })
            .collect();
        let files: serde_json::Map<String, Value> =
            self.files.iter().map(|(id, d)| (id.to_string(), json!(b64(d)))).collect();
        json!({"projects": self.projects.iter().map(ProjectData::json).collect::<Vec<_>>(),
               "wikis": wikis, "attachmentData": files, "issues": self.issues})
    }
}

/// Backlog state for in-process tests and the demo; `POST /_sandbox/backlog` does the
/// same from another process.
impl Sandbox {
    /// Create or replace wiki page `page.name` of `page.project` (default `OPS`): each of
    /// `page.history` and then `page.content` becomes a version (a new page starts with
    /// the first), and the tags and attachments become exactly those given. Returns the
    /// page id.
    pub fn backlog_put_wiki(&self, page: &BacklogWikiSeed) -> Result<u64, BacklogSandboxError> {
        lock(&self.shared.backlog).put_wiki(page)
    }

    /// Page `name` of `project` (key or id; empty: `OPS`) as `GET /wikis/:id` answers it.
    pub fn backlog_wiki_page(&self, project: &str, name: &str) -> Option<Value> {
        lock(&self.shared.backlog).page_of(project, name).map(|w| w.page.clone())
    }

    /// Every version of a page, oldest first, as `GET /wikis/:id/history?order=asc` lists
    /// them (the current one last).
    pub fn backlog_wiki_history(&self, page_id: u64) -> Vec<Value> {
        lock(&self.shared.backlog).page_by_id(page_id).map(|w| w.history.clone()).unwrap_or_default()
    }

    /// The stored bytes of the page's attachment called `name`.
    pub fn backlog_wiki_attachment(&self, page_id: u64, name: &str) -> Option<Vec<u8>> {
        lock(&self.shared.backlog).attachment_bytes(page_id, name)
    }

    /// The page and its attachments vanish, as after `DELETE /wikis/:id`.
    pub fn backlog_remove_wiki(&self, project: &str, name: &str) -> Result<(), BacklogSandboxError> {
        lock(&self.shared.backlog).remove_wiki(project, name)
    }

    /// `markdown` or `backlog`, as `GET /projects/:key` then answers `textFormattingRule`.
    pub fn backlog_set_text_formatting_rule(&self, project: &str, rule: &str) -> Result<(), BacklogSandboxError> {
        lock(&self.shared.backlog).set_text_formatting_rule(project, rule)
    }

    /// Another project (key of A-Z, 0-9, _) with the same issue types, priorities and
    /// statuses as `OPS`. Returns its id.
    pub fn backlog_add_project(&self, key: &str, name: &str, rule: &str) -> Result<u64, BacklogSandboxError> {
        lock(&self.shared.backlog).add_project(key, name, rule)
    }

    /// Projects as `GET /projects/:key` answers them.
    pub fn backlog_projects(&self) -> Vec<Value> {
        lock(&self.shared.backlog).projects.iter().map(ProjectData::json).collect()
    }

    /// Requests per window for the read (GET) and update buckets, and the window's length
    /// (Backlog's is 60 s; a short one lets a test watch a client wait for the reset).
    /// Starts a fresh window.
    pub fn backlog_set_rate_limit(&self, read: u32, update: u32, window_secs: u32) -> Result<(), BacklogSandboxError> {
        lock(&self.shared.backlog).set_rate_limit(read, update, window_secs)
    }
}
