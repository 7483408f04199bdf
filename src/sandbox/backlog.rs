//! Fake of the Nulab Backlog REST API v2 (`/backlog/api/v2/...`): one project `OPS` with
//! its issue types, priorities and statuses, issues and comments, wiki pages with history
//! and attachments, `apiKey` authentication and per-minute rate limits.
//!
//! Shapes follow `reference/backlog-api.md`: form-encoded bodies with `name[]` arrays,
//! `201` on creates, `{"errors":[{message,code,moreInfo}]}` on errors, and
//! `X-RateLimit-*` headers on every answer. Where the reference marks behaviour as
//! unconfirmed we pick the likely one and say so here: a duplicate wiki name is a 400
//! code 7; wiki history lists every version including the current one, `minId`/`maxId`
//! being versions; only the read and update buckets are counted.

use super::{BACKLOG_API_KEY, BACKLOG_PREFIX, BACKLOG_PROJECT_KEY, Recorded, Reply, Shared, lock};
use serde_json::{Value, json};
use std::collections::HashMap;

pub(crate) const READ_LIMIT: u32 = 600;
pub(crate) const UPDATE_LIMIT: u32 = 150;
const PROJECT_ID: u64 = 10001;
const USER_ID: u64 = 9001;
const STATUSES: [(u64, &str, &str); 4] =
    [(1, "Open", "#ed8077"), (2, "In Progress", "#4488c5"), (3, "Resolved", "#5eb5a6"), (4, "Closed", "#b0be3c")];
const PRIORITIES: [(u64, &str); 3] = [(2, "High"), (3, "Normal"), (4, "Low")];
const ISSUE_TYPES: [(u64, &str, &str); 3] =
    [(20001, "Task", "#7ea800"), (20002, "Bug", "#990000"), (20003, "Request", "#ff9200")];
/// A 1×1 PNG, the seeded wiki attachment.
const PNG_1X1: &str =
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

type Answer = Result<Reply, Reply>;

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
    minute: i64,
    used: u32,
}

impl Window {
    fn hit(&mut self, limit: u32, now: i64) -> Rate {
        let minute = now.div_euclid(60);
        if minute != self.minute {
            *self = Window { minute, used: 0 };
        }
        self.used += 1;
        Rate {
            limit,
            remaining: limit.saturating_sub(self.used),
            reset: (minute + 1) * 60,
            exceeded: self.used > limit,
        }
    }

    fn peek(&self, limit: u32, now: i64) -> Value {
        let minute = now.div_euclid(60);
        let used = if minute == self.minute { self.used } else { 0 };
        json!({"limit": limit, "remaining": limit.saturating_sub(used), "reset": (minute + 1) * 60})
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
    wikis: Vec<Wiki>,
    files: HashMap<u64, Vec<u8>>,
    next_id: u64,
    next_key: u64,
    read: Window,
    update: Window,
}

fn now_str() -> String {
    jiff::Timestamp::now().strftime("%Y-%m-%dT%H:%M:%SZ").to_string()
}

fn user() -> Value {
    json!({"id": USER_ID, "userId": "sandbox", "name": "Sandbox Operator", "roleType": 1,
           "lang": "en", "mailAddress": "operator@sandbox.invalid", "nulabAccount": null,
           "lastLoginTime": "2024-01-01T00:00:00Z"})
}

fn project() -> Value {
    json!({"id": PROJECT_ID, "projectKey": BACKLOG_PROJECT_KEY, "name": "Operations",
           "chartEnabled": false, "useResolvedForChart": false, "subtaskingEnabled": false,
           "projectLeaderCanEditProjectLeader": false, "useWiki": true, "useFileSharing": true,
           "useWikiTreeView": true, "useOriginalImageSizeAtWiki": false, "useSubversion": false,
           "useGit": false, "textFormattingRule": "markdown", "archived": false,
           "displayOrder": 0, "useDevAttributes": false})
}

fn status(id: u64) -> Option<Value> {
    let (id, name, color) = STATUSES.iter().find(|s| s.0 == id)?;
    Some(json!({"id": id, "projectId": PROJECT_ID, "name": name, "color": color,
                "displayOrder": id * 1000}))
}

fn priority(id: u64) -> Option<Value> {
    let (id, name) = PRIORITIES.iter().find(|p| p.0 == id)?;
    Some(json!({"id": id, "name": name}))
}

fn issue_type(id: u64) -> Option<Value> {
    let (i, (id, name, color)) = ISSUE_TYPES.iter().enumerate().find(|(_, t)| t.0 == id)?;
    Some(json!({"id": id, "projectId": PROJECT_ID, "name": name, "color": color,
                "displayOrder": i}))
}

fn project_ok(id_or_key: &str) -> Result<(), Reply> {
    if id_or_key == BACKLOG_PROJECT_KEY || id_or_key == PROJECT_ID.to_string() {
        Ok(())
    } else {
        Err(no_resource("project"))
    }
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

impl Backlog {
    pub fn seeded() -> Backlog {
        let mut b = Backlog {
            issues: Vec::new(),
            comments: Vec::new(),
            wikis: Vec::new(),
            files: HashMap::new(),
            next_id: 1_000_000,
            next_key: 1,
            read: Window::default(),
            update: Window::default(),
        };
        b.upsert_wiki("Home", "# Operations\n\nRunbooks and inventory of the sandbox.\n");
        let dx = b.upsert_wiki(
            "Runbooks/Direct Connect",
            "# Direct Connect\n\n![topology](dx-topology.png)\n\nCheck BGP state first.\n",
        );
        use base64::Engine as _;
        let png = base64::engine::general_purpose::STANDARD.decode(PNG_1X1).unwrap_or_default();
        let att = b.id();
        let att_json = json!({"id": att, "name": "dx-topology.png", "size": png.len(),
                              "createdUser": user(), "created": now_str()});
        b.files.insert(att, png);
        if let Some(w) = b.wikis.iter_mut().find(|w| w.page["id"] == dx) {
            w.page["attachments"] = json!([att_json]);
        }
        b
    }

    fn id(&mut self) -> u64 {
        self.next_id += 1;
        self.next_id
    }

    pub fn count_request(&mut self, method: &str) -> Rate {
        let now = jiff::Timestamp::now().as_second();
        match method {
            "GET" | "HEAD" => self.read.hit(READ_LIMIT, now),
            _ => self.update.hit(UPDATE_LIMIT, now),
        }
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

    pub fn wiki_pages(&self) -> Vec<Value> {
        self.wikis.iter().map(|w| w.page.clone()).collect()
    }

    /// Create the page, or set name/content of an existing one as a new version.
    pub fn upsert_wiki(&mut self, name: &str, content: &str) -> u64 {
        match self.wikis.iter().position(|w| w.page["name"] == name) {
            Some(i) => self.update_wiki(i, None, Some(content)),
            None => self.create_wiki(name, content),
        }
    }

    fn create_wiki(&mut self, name: &str, content: &str) -> u64 {
        let (id, now) = (self.id(), now_str());
        let page = json!({"id": id, "projectId": PROJECT_ID, "name": name, "content": content,
            "tags": [], "attachments": [], "sharedFiles": [], "stars": [],
            "createdUser": user(), "created": now, "updatedUser": user(), "updated": now});
        let mut w = Wiki { page, version: 0, history: Vec::new() };
        w.snapshot();
        self.wikis.push(w);
        id
    }

    fn update_wiki(&mut self, i: usize, name: Option<&str>, content: Option<&str>) -> u64 {
        let w = &mut self.wikis[i];
        let changed = name.is_some_and(|n| w.page["name"] != n) || content.is_some_and(|c| w.page["content"] != c);
        if let Some(n) = name {
            w.page["name"] = json!(n);
        }
        if let Some(c) = content {
            w.page["content"] = json!(c);
        }
        w.page["updated"] = json!(now_str());
        if changed {
            w.snapshot();
        }
        w.page["id"].as_u64().unwrap_or(0)
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
    b.dispatch(rec.method.as_str(), &segs, &params, &base).unwrap_or_else(|e| e)
}

impl Backlog {
    fn dispatch(&mut self, method: &str, segs: &[&str], p: &Params, base: &str) -> Answer {
        let ok = |v: Value| Ok(Reply::json(200, &v));
        match (method, segs) {
            ("GET", ["projects", k]) => project_ok(k).and_then(|_| ok(project())),
            ("GET", ["projects", k, "issueTypes"]) => {
                project_ok(k)?;
                ok(ISSUE_TYPES.iter().filter_map(|t| issue_type(t.0)).collect())
            }
            ("GET", ["projects", k, "statuses"]) => {
                project_ok(k)?;
                ok(STATUSES.iter().filter_map(|s| status(s.0)).collect())
            }
            ("GET", ["priorities"]) => ok(PRIORITIES.iter().filter_map(|p| priority(p.0)).collect()),
            ("GET", ["users", "myself"]) => ok(user()),
            ("GET", ["rateLimit"]) => {
                let now = jiff::Timestamp::now().as_second();
                let fresh = |limit: u32| Window::default().peek(limit, now);
                ok(json!({"rateLimit": {"read": self.read.peek(READ_LIMIT, now),
                    "update": self.update.peek(UPDATE_LIMIT, now),
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
                let c = self.add_comment(i, content, None);
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
            ("GET", ["wikis"]) => ok(self.find_wikis(p)?.iter().map(|w| w.list_item()).collect()),
            ("GET", ["wikis", "count"]) => ok(json!({"count": self.find_wikis(p)?.len()})),
            ("POST", ["wikis"]) => {
                let pid = p.required("projectId")?;
                if pid != PROJECT_ID.to_string() {
                    return Err(invalid("No project."));
                }
                let (name, content) = (p.required("name")?, p.required("content")?);
                if self.wikis.iter().any(|w| w.page["name"] == name) {
                    return Err(invalid("A page with the same name already exists."));
                }
                let id = self.create_wiki(name, content);
                let page = self.wikis[self.wiki_index(&id.to_string())?].page.clone();
                let loc = format!("{base}/alias/wiki/{id}");
                Ok(Reply::json(201, &page).with_header("Location", loc))
            }
            ("GET", ["wikis", id]) => ok(self.wikis[self.wiki_index(id)?].page.clone()),
            ("PATCH", ["wikis", id]) => {
                let i = self.wiki_index(id)?;
                let name = p.get("name").filter(|n| !n.trim().is_empty());
                self.update_wiki(i, name, p.get("content"));
                ok(self.wikis[i].page.clone())
            }
            ("GET", ["wikis", id, "attachments"]) => ok(self.wikis[self.wiki_index(id)?].page["attachments"].clone()),
            ("GET", ["wikis", id, "attachments", att]) => {
                let page = &self.wikis[self.wiki_index(id)?].page;
                let list = page["attachments"].as_array().cloned().unwrap_or_default();
                let meta = list.iter().find(|a| id_is(&a["id"], att));
                let meta = meta.ok_or_else(|| no_resource("attachment"))?;
                let name = meta["name"].as_str().unwrap_or("file");
                let data = self.files.get(&meta["id"].as_u64().unwrap_or(0)).cloned();
                let encoded: String = url::form_urlencoded::byte_serialize(name.as_bytes()).collect();
                Ok(Reply {
                    status: 200,
                    headers: vec![
                        ("content-type".into(), "application/octet-stream".into()),
                        (
                            "content-disposition".into(),
                            format!(
                                "attachment; filename=\"{name}\"; filename*=UTF-8''{}",
                                encoded.replace('+', "%20")
                            ),
                        ),
                    ],
                    body: data.unwrap_or_default(),
                })
            }
            ("GET", ["wikis", id, "history"]) => {
                let w = &self.wikis[self.wiki_index(id)?];
                let h = w.history.iter().filter(|h| id_range(p, &h["version"]));
                p.page(h.cloned().collect())
            }
            _ => Err(no_resource("resource")),
        }
    }

    fn add_issue(&mut self, p: &Params, base: &str) -> Answer {
        let pid = p.required("projectId")?;
        let summary = p.required("summary")?;
        let type_id = p.required("issueTypeId")?;
        let prio_id = p.required("priorityId")?;
        if pid != PROJECT_ID.to_string() {
            return Err(invalid("No project."));
        }
        if summary.chars().count() > 255 {
            return Err(invalid("summary is too long."));
        }
        let description = p.get("description").unwrap_or("");
        if description.chars().count() > 100_000 {
            return Err(invalid("description is too long."));
        }
        let itype = type_id.parse().ok().and_then(issue_type);
        let itype = itype.ok_or_else(|| invalid("No issue type."))?;
        let prio = prio_id.parse().ok().and_then(priority);
        let prio = prio.ok_or_else(|| invalid("No priority."))?;
        let (id, key_id, now) = (self.id(), self.next_key, now_str());
        self.next_key += 1;
        let key = format!("{BACKLOG_PROJECT_KEY}-{key_id}");
        let issue = json!({"id": id, "projectId": PROJECT_ID, "issueKey": key, "keyId": key_id,
            "issueType": itype, "summary": summary, "description": description,
            "resolution": null, "priority": prio, "status": status(1), "assignee": null,
            "category": [], "versions": [], "milestone": [], "startDate": null,
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
        let mut issue = self.issues[i].clone();
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
            set("status", "status", status(id).ok_or_else(|| invalid("No status."))?, name);
        }
        if let Some(id) = p.num("priorityId")? {
            set("priority", "priority", priority(id).ok_or_else(|| invalid("No priority."))?, name);
        }
        if let Some(id) = p.num("issueTypeId")? {
            let t = issue_type(id).ok_or_else(|| invalid("No issue type."))?;
            set("issueType", "issueType", t, name);
        }
        issue["updated"] = json!(now_str());
        self.issues[i] = issue.clone();
        let comment = p.get("comment").unwrap_or("");
        if !comment.is_empty() || !log.is_empty() {
            let change_log = (!log.is_empty()).then_some(Value::Array(log));
            self.add_comment(i, comment, change_log);
        }
        Ok(Reply::json(200, &issue))
    }

    fn add_comment(&mut self, issue: usize, content: &str, change_log: Option<Value>) -> Value {
        let (id, now) = (self.id(), now_str());
        let c = json!({"id": id, "projectId": PROJECT_ID, "issueId": self.issues[issue]["id"],
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
        project_ok(p.required("projectIdOrKey")?)?;
        let keyword = p.get("keyword").unwrap_or("").to_lowercase();
        let hit = |w: &&Wiki| {
            keyword.is_empty()
                || [&w.page["name"], &w.page["content"]]
                    .iter()
                    .any(|f| f.as_str().unwrap_or("").to_lowercase().contains(&keyword))
        };
        Ok(self.wikis.iter().filter(hit).collect())
    }
}
