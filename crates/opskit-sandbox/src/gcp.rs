//! Fake of the Google Cloud reads an inventory makes, shaped from Compute Engine's discovery
//! document (`compute/v1`) and Resource Manager v3's REST reference:
//!
//! - `GET /compute/v1/projects/{project}/aggregated/{instances|disks|subnetworks|addresses|forwardingRules}`:
//!   `{"kind": "compute#instanceAggregatedList", "id", "items": {"zones/us-central1-a":
//!   {"instances": [..]}, "zones/us-east1-b": {"warning": {"code": "NO_RESULTS_ON_PAGE", ..}}},
//!   "nextPageToken", "selfLink"}`: every scope the project could hold is a key of `items`;
//!   one with nothing on the page carries the `NO_RESULTS_ON_PAGE` warning instead of a list.
//!   Paging counts items across scopes: `maxResults` (0-500, default 500) per page, the
//!   opaque `pageToken` from the previous page's `nextPageToken`, absent on the last page.
//! - `GET /compute/v1/projects/{project}/global/{networks|firewalls|routes|addresses|forwardingRules}`:
//!   `{"kind": "compute#networkList", "id", "items": [..], "nextPageToken", "selfLink"}`,
//!   `items` left out when there is none (Google leaves empty lists out).
//! - A project whose Compute Engine API is disabled answers every Compute call 403 as Google
//!   does: `error.errors[].reason` `accessNotConfigured` (domain `usageLimits`),
//!   `error.status` `PERMISSION_DENIED`, and a `google.rpc.ErrorInfo` detail with reason
//!   `SERVICE_DISABLED`. An unknown project is 404 `notFound`.
//! - A project marked with unreachable scopes answers its aggregated lists with those scopes
//!   in `unreachables` and an `UNREACHABLE` warning in each (what a zone outage looks like).
//! - `GET /v3/projects:search?query=parent:organizations/123` (or `parent:folders/456`, or
//!   no query: all), `pageSize` / `pageToken`: `{"projects": [{"name": "projects/{number}",
//!   "parent", "projectId", "state", "displayName", "createTime", "updateTime", "etag"}],
//!   "nextPageToken"}`, `{}` when none.
//!
//! An `Authorization` header, when sent, must be `Bearer <token>` (401 `UNAUTHENTICATED`
//! otherwise); none is asked, as with an emulator.
//!
//! Control: `GET /_sandbox/gcp` (every project with its resources) and `POST /_sandbox/gcp`
//! with one action, answered `{"ok": true}` (plus `"id"` for `put`, `"ids"` for `generate`),
//! 404 for an unknown project or resource, 400 for a malformed action:
//! - `{"action": "put_project", "project_id": "acme-web", "name": "Acme web", "parent":
//!   "organizations/123", "state": "ACTIVE", "compute_enabled": true}`
//! - `{"action": "put", "project": "acme-web", "collection": "instances", "zone":
//!   "us-central1-a", "resource": {"name": "web-1", ..}}`: zonal collections (`instances`,
//!   `disks`) take a `zone`, regional ones (`subnetworks`, `addresses`, `forwardingRules`) a
//!   `region`, global ones (`networks`, `firewalls`, `routes`, `globalAddresses`,
//!   `globalForwardingRules`) neither. The sandbox adds `kind`, `id`, `selfLink`,
//!   `creationTimestamp` and the `zone`/`region` URL.
//! - `{"action": "remove", "project": "..", "collection": "instances", "name": "web-1"}`
//! - `{"action": "set_compute_enabled", "project": "..", "enabled": false}`
//! - `{"action": "set_unreachable", "project": "..", "scopes": ["zones/us-east1-b"]}`
//! - `{"action": "generate", "project": "..", "collection": "instances", "zone": "..", "count": 1200}`

use super::{Recorded, Reply, Shared, lock};
use serde_json::{Map, Value, json};
use std::collections::BTreeMap;

pub(crate) const COMPUTE_PREFIX: &str = "/compute/v1/projects/";
pub(crate) const SEARCH_PATH: &str = "/v3/projects:search";
const SELF_BASE: &str = "https://www.googleapis.com/compute/v1/projects";
const MAX_RESULTS: usize = 500;

/// The zones the fake knows, by region: every aggregated answer names each as a scope.
const ZONES: &[(&str, &[&str])] = &[
    ("asia-northeast1", &["a", "b", "c"]),
    ("europe-west1", &["b", "c", "d"]),
    ("us-central1", &["a", "b", "c", "f"]),
    ("us-east1", &["b", "c", "d"]),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Where {
    Zone,
    Region,
    Global,
}

/// (collection as `put` names it, where it lives, path segment, item kind, list kind,
/// aggregated list kind).
struct Collection {
    name: &'static str,
    at: Where,
    segment: &'static str,
    kind: &'static str,
    list_kind: &'static str,
    aggregated_kind: &'static str,
}

const COLLECTIONS: &[Collection] = &[
    Collection {
        name: "instances",
        at: Where::Zone,
        segment: "instances",
        kind: "compute#instance",
        list_kind: "compute#instanceList",
        aggregated_kind: "compute#instanceAggregatedList",
    },
    Collection {
        name: "disks",
        at: Where::Zone,
        segment: "disks",
        kind: "compute#disk",
        list_kind: "compute#diskList",
        aggregated_kind: "compute#diskAggregatedList",
    },
    Collection {
        name: "subnetworks",
        at: Where::Region,
        segment: "subnetworks",
        kind: "compute#subnetwork",
        list_kind: "compute#subnetworkList",
        aggregated_kind: "compute#subnetworkAggregatedList",
    },
    Collection {
        name: "addresses",
        at: Where::Region,
        segment: "addresses",
        kind: "compute#address",
        list_kind: "compute#addressList",
        aggregated_kind: "compute#addressAggregatedList",
    },
    Collection {
        name: "forwardingRules",
        at: Where::Region,
        segment: "forwardingRules",
        kind: "compute#forwardingRule",
        list_kind: "compute#forwardingRuleList",
        aggregated_kind: "compute#forwardingRuleAggregatedList",
    },
    Collection {
        name: "networks",
        at: Where::Global,
        segment: "networks",
        kind: "compute#network",
        list_kind: "compute#networkList",
        aggregated_kind: "",
    },
    Collection {
        name: "firewalls",
        at: Where::Global,
        segment: "firewalls",
        kind: "compute#firewall",
        list_kind: "compute#firewallList",
        aggregated_kind: "",
    },
    Collection {
        name: "routes",
        at: Where::Global,
        segment: "routes",
        kind: "compute#route",
        list_kind: "compute#routeList",
        aggregated_kind: "",
    },
    Collection {
        name: "globalAddresses",
        at: Where::Global,
        segment: "addresses",
        kind: "compute#address",
        list_kind: "compute#addressList",
        aggregated_kind: "",
    },
    Collection {
        name: "globalForwardingRules",
        at: Where::Global,
        segment: "forwardingRules",
        kind: "compute#forwardingRule",
        list_kind: "compute#forwardingRuleList",
        aggregated_kind: "",
    },
];

fn collection(name: &str) -> Option<&'static Collection> {
    COLLECTIONS.iter().find(|c| c.name == name)
}

/// A stored resource: its scope (`zones/us-central1-a`, `regions/us-central1`, `global`)
/// and its JSON as the API returns it.
#[derive(Debug, Clone)]
struct Item {
    scope: String,
    body: Value,
}

#[derive(Debug, Clone)]
struct Project {
    id: String,
    number: u64,
    name: String,
    parent: String,
    state: String,
    compute_enabled: bool,
    unreachable: Vec<String>,
    /// Collection name → items in creation order.
    items: BTreeMap<&'static str, Vec<Item>>,
}

#[derive(Debug, Default)]
pub(crate) struct Gcp {
    projects: BTreeMap<String, Project>,
    next_id: u64,
}

#[derive(Debug, PartialEq, Eq)]
pub enum GcpError {
    NotFound(String),
    Invalid(String),
}

impl std::fmt::Display for GcpError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            GcpError::NotFound(s) | GcpError::Invalid(s) => f.write_str(s),
        }
    }
}

const CREATED: &str = "2026-11-02T09:00:00.000-07:00";

impl Gcp {
    fn id(&mut self) -> u64 {
        self.next_id += 1;
        4_711_000_000_000_000_000 + self.next_id
    }

    pub(crate) fn put_project(&mut self, id: &str, name: &str, parent: &str, state: &str, compute_enabled: bool) {
        let number = match self.projects.get(id) {
            Some(p) => p.number,
            None => 400_000_000_000 + self.projects.len() as u64 + 1,
        };
        let items = self.projects.remove(id).map(|p| p.items).unwrap_or_default();
        self.projects.insert(
            id.to_string(),
            Project {
                id: id.into(),
                number,
                name: if name.is_empty() { id.into() } else { name.into() },
                parent: parent.into(),
                state: if state.is_empty() { "ACTIVE".into() } else { state.into() },
                compute_enabled,
                unreachable: Vec::new(),
                items,
            },
        );
    }

    fn project_mut(&mut self, id: &str) -> Result<&mut Project, GcpError> {
        self.projects.get_mut(id).ok_or_else(|| GcpError::NotFound(format!("no project `{id}`")))
    }

    /// Store one resource; returns its id.
    pub(crate) fn put(
        &mut self,
        project: &str,
        coll: &str,
        place: Option<&str>,
        mut resource: Value,
    ) -> Result<String, GcpError> {
        let c = collection(coll).ok_or_else(|| GcpError::Invalid(format!("unknown collection `{coll}`")))?;
        let scope = match (c.at, place) {
            (Where::Zone, Some(z)) if known_zone(z) => format!("zones/{z}"),
            (Where::Region, Some(r)) if ZONES.iter().any(|(x, _)| *x == r) => format!("regions/{r}"),
            (Where::Global, None) => "global".to_string(),
            _ => return Err(GcpError::Invalid(format!("`{coll}` needs a known {:?}, got {place:?}", c.at))),
        };
        let id = self.id().to_string();
        let p = self.project_mut(project)?;
        let Some(obj) = resource.as_object_mut() else {
            return Err(GcpError::Invalid("`resource` must be an object".into()));
        };
        let name = obj.get("name").and_then(Value::as_str).unwrap_or_default().to_string();
        if name.is_empty() {
            return Err(GcpError::Invalid("a resource needs a `name`".into()));
        }
        let list = p.items.entry(c.name).or_default();
        list.retain(|i| !(i.scope == scope && i.body["name"] == name.as_str()));
        obj.insert("kind".into(), json!(c.kind));
        obj.insert("id".into(), json!(id));
        obj.entry("creationTimestamp").or_insert(json!(CREATED));
        obj.insert("selfLink".into(), json!(format!("{SELF_BASE}/{project}/{scope}/{}/{name}", c.segment)));
        match c.at {
            Where::Zone => {
                obj.insert("zone".into(), json!(format!("{SELF_BASE}/{project}/{scope}")));
            }
            Where::Region => {
                obj.insert("region".into(), json!(format!("{SELF_BASE}/{project}/{scope}")));
            }
            Where::Global => {}
        }
        list.push(Item { scope, body: resource });
        Ok(id)
    }

    pub(crate) fn remove(&mut self, project: &str, coll: &str, name: &str) -> Result<(), GcpError> {
        let p = self.project_mut(project)?;
        let list = p.items.entry(collection(coll).map(|c| c.name).unwrap_or("")).or_default();
        let before = list.len();
        list.retain(|i| i.body["name"] != name);
        if list.len() == before {
            return Err(GcpError::NotFound(format!("no {coll} `{name}` in `{project}`")));
        }
        Ok(())
    }

    fn state(&self) -> Value {
        let projects: Vec<Value> = self
            .projects
            .values()
            .map(|p| {
                let items: Map<String, Value> = p
                    .items
                    .iter()
                    .map(|(k, v)| ((*k).to_string(), Value::Array(v.iter().map(|i| i.body.clone()).collect())))
                    .collect();
                json!({"projectId": p.id, "projectNumber": p.number.to_string(), "displayName": p.name,
                       "parent": p.parent, "state": p.state, "computeEnabled": p.compute_enabled,
                       "unreachable": p.unreachable, "items": items})
            })
            .collect();
        json!({ "projects": projects })
    }
}

fn known_zone(z: &str) -> bool {
    ZONES.iter().any(|(r, zs)| zs.iter().any(|s| format!("{r}-{s}") == z))
}

/// Every scope an aggregated list of `c` names, in the order Google sorts them (by name).
fn scopes(c: &Collection) -> Vec<String> {
    let mut out: Vec<String> = match c.at {
        Where::Zone => ZONES.iter().flat_map(|(r, zs)| zs.iter().map(move |z| format!("zones/{r}-{z}"))).collect(),
        _ => ZONES.iter().map(|(r, _)| format!("regions/{r}")).collect(),
    };
    // Addresses and forwarding rules have global ones too, listed under `global`.
    if matches!(c.name, "addresses" | "forwardingRules") {
        out.push("global".into());
    }
    out.sort();
    out
}

// ---------------------------------------------------------------------------------------
// Answers
// ---------------------------------------------------------------------------------------

fn error(status: u16, code: &str, reason: &str, domain: &str, message: &str) -> Reply {
    Reply::json(
        status,
        &json!({"error": {"code": status, "message": message,
            "errors": [{"message": message, "domain": domain, "reason": reason}], "status": code}}),
    )
}

fn service_disabled(p: &Project) -> Reply {
    let n = p.number;
    let url = format!("https://console.developers.google.com/apis/api/compute.googleapis.com/overview?project={n}");
    let message = format!(
        "Compute Engine API has not been used in project {n} before or it is disabled. Enable it by visiting {url} then retry. If you enabled this API recently, wait a few minutes for the action to propagate to our systems and retry."
    );
    Reply::json(
        403,
        &json!({"error": {"code": 403, "message": message,
        "errors": [{"message": message, "domain": "usageLimits", "reason": "accessNotConfigured",
                    "extendedHelp": "https://console.developers.google.com"}],
        "status": "PERMISSION_DENIED",
        "details": [
            {"@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": "SERVICE_DISABLED",
             "domain": "googleapis.com",
             "metadata": {"service": "compute.googleapis.com", "consumer": format!("projects/{n}"),
                          "containerInfo": n.to_string(), "serviceTitle": "Compute Engine API",
                          "activationUrl": url}},
            {"@type": "type.googleapis.com/google.rpc.Help",
             "links": [{"description": "Google developers console API activation", "url": url}]}
        ]}}),
    )
}

fn query(rec: &Recorded) -> Vec<(String, String)> {
    rec.query_pairs()
}

/// `maxResults` and the offset the `pageToken` stands for.
fn paging(rec: &Recorded, max_param: &str) -> Result<(usize, usize), Reply> {
    let q = query(rec);
    let max = match q.iter().find(|(k, _)| k == max_param) {
        Some((_, v)) => match v.parse::<usize>() {
            Ok(0) | Err(_) => MAX_RESULTS,
            Ok(n) if n <= MAX_RESULTS => n,
            Ok(_) => {
                return Err(error(
                    400,
                    "INVALID_ARGUMENT",
                    "invalid",
                    "global",
                    &format!("Invalid value for field '{max_param}': '{v}'. Must be less than or equal to 500"),
                ));
            }
        },
        None => MAX_RESULTS,
    };
    let offset = match q.iter().find(|(k, _)| k == "pageToken") {
        None => 0,
        Some((_, t)) => match t.strip_prefix("Cg").and_then(|n| n.strip_suffix("=p").map(str::to_string)) {
            Some(n) => n.parse::<usize>().map_err(|_| bad_token(t))?,
            None => return Err(bad_token(t)),
        },
    };
    Ok((max, offset))
}

fn bad_token(t: &str) -> Reply {
    error(
        400,
        "INVALID_ARGUMENT",
        "invalid",
        "global",
        &format!("Invalid value for field 'pageToken': '{t}'. Invalid pagination token."),
    )
}

fn token(offset: usize) -> String {
    format!("Cg{offset}=p")
}

pub(crate) fn handle(shared: &Shared, rec: &Recorded) -> Reply {
    if rec.method != "GET" {
        return error(405, "METHOD_NOT_ALLOWED", "httpMethodNotAllowed", "global", "the fake answers GET only");
    }
    if let Some(auth) = rec.header("authorization")
        && !auth.starts_with("Bearer ")
    {
        return error(
            401,
            "UNAUTHENTICATED",
            "authError",
            "global",
            "Request had invalid authentication credentials. Expected OAuth 2 access token.",
        );
    }
    if rec.path == SEARCH_PATH {
        return search(shared, rec);
    }
    let Some(rest) = rec.path.strip_prefix(COMPUTE_PREFIX) else {
        return Reply::text(404, "not found");
    };
    let parts: Vec<&str> = rest.split('/').collect();
    let gcp = lock(&shared.gcp);
    let Some(p) = gcp.projects.get(parts[0]) else {
        return error(
            404,
            "NOT_FOUND",
            "notFound",
            "global",
            &format!("The resource 'projects/{}' was not found", parts[0]),
        );
    };
    if !p.compute_enabled {
        return service_disabled(p);
    }
    match parts.as_slice() {
        [_, "aggregated", seg] => match COLLECTIONS.iter().find(|c| c.at != Where::Global && c.segment == *seg) {
            Some(c) => aggregated(p, c, rec),
            None => Reply::text(404, "not found"),
        },
        [_, "global", seg] => match COLLECTIONS.iter().find(|c| c.at == Where::Global && c.segment == *seg) {
            Some(c) => global(p, c, rec),
            None => Reply::text(404, "not found"),
        },
        _ => Reply::text(404, "not found"),
    }
}

fn aggregated(p: &Project, c: &Collection, rec: &Recorded) -> Reply {
    let (max, offset) = match paging(rec, "maxResults") {
        Ok(v) => v,
        Err(r) => return r,
    };
    let scopes = scopes(c);
    // The items of this collection in scope order, global ones included where the scope
    // list has `global` (addresses and forwarding rules of `globalAddresses` etc.).
    let mut all: Vec<&Item> = Vec::new();
    for s in &scopes {
        all.extend(p.items.get(c.name).into_iter().flatten().filter(|i| &i.scope == s));
        if s == "global"
            && let Some(g) = COLLECTIONS.iter().find(|g| g.at == Where::Global && g.segment == c.segment)
        {
            all.extend(p.items.get(g.name).into_iter().flatten());
        }
    }
    let page: Vec<&Item> = all.iter().skip(offset).take(max).copied().collect();
    let mut items = Map::new();
    for s in &scopes {
        let here: Vec<Value> = page.iter().filter(|i| &i.scope == s).map(|i| i.body.clone()).collect();
        let v = if p.unreachable.contains(s) {
            json!({"warning": {"code": "UNREACHABLE", "message": format!("Scope '{s}' is unreachable."),
                   "data": [{"key": "scope", "value": s}]}})
        } else if here.is_empty() {
            json!({"warning": {"code": "NO_RESULTS_ON_PAGE",
                   "message": format!("There are no results for scope '{s}' on this page."),
                   "data": [{"key": "scope", "value": s}]}})
        } else {
            let mut m = Map::new();
            m.insert(c.segment.to_string(), Value::Array(here));
            Value::Object(m)
        };
        items.insert(s.clone(), v);
    }
    let mut body = json!({
        "kind": c.aggregated_kind,
        "id": format!("projects/{}/aggregated/{}", p.id, c.segment),
        "items": items,
        "selfLink": format!("{SELF_BASE}/{}/aggregated/{}", p.id, c.segment),
    });
    if offset + max < all.len() {
        body["nextPageToken"] = json!(token(offset + max));
    }
    if !p.unreachable.is_empty() {
        body["unreachables"] = json!(p.unreachable);
    }
    Reply::json(200, &body)
}

fn global(p: &Project, c: &Collection, rec: &Recorded) -> Reply {
    let (max, offset) = match paging(rec, "maxResults") {
        Ok(v) => v,
        Err(r) => return r,
    };
    let all: Vec<&Item> = p.items.get(c.name).into_iter().flatten().collect();
    let page: Vec<Value> = all.iter().skip(offset).take(max).map(|i| i.body.clone()).collect();
    let mut body = json!({
        "kind": c.list_kind,
        "id": format!("projects/{}/global/{}", p.id, c.segment),
        "selfLink": format!("{SELF_BASE}/{}/global/{}", p.id, c.segment),
    });
    if !page.is_empty() {
        body["items"] = Value::Array(page);
    }
    if offset + max < all.len() {
        body["nextPageToken"] = json!(token(offset + max));
    }
    Reply::json(200, &body)
}

fn search(shared: &Shared, rec: &Recorded) -> Reply {
    let (size, offset) = match paging(rec, "pageSize") {
        Ok(v) => v,
        Err(r) => return r,
    };
    let q = query(rec).into_iter().find(|(k, _)| k == "query").map(|(_, v)| v).unwrap_or_default();
    let parent = match q.trim() {
        "" => None,
        q => match q.strip_prefix("parent:") {
            Some(p) if p.starts_with("organizations/") || p.starts_with("folders/") => Some(p.to_string()),
            _ => {
                return error(400, "INVALID_ARGUMENT", "badRequest", "global", &format!("Invalid query: {q}"));
            }
        },
    };
    let gcp = lock(&shared.gcp);
    let all: Vec<&Project> =
        gcp.projects.values().filter(|p| parent.as_deref().is_none_or(|x| p.parent == x)).collect();
    let page: Vec<Value> = all
        .iter()
        .skip(offset)
        .take(size)
        .map(|p| {
            json!({"name": format!("projects/{}", p.number), "parent": p.parent, "projectId": p.id,
                   "state": p.state, "displayName": p.name, "createTime": "2026-01-05T02:00:00.000Z",
                   "updateTime": "2026-01-05T02:00:00.000Z", "etag": format!("W/\"{}\"", p.number)})
        })
        .collect();
    let mut body = json!({});
    if !page.is_empty() {
        body["projects"] = Value::Array(page);
    }
    if offset + size < all.len() {
        body["nextPageToken"] = json!(token(offset + size));
    }
    Reply::json(200, &body)
}

// ---------------------------------------------------------------------------------------
// Control
// ---------------------------------------------------------------------------------------

pub(crate) fn control_state(shared: &Shared) -> Reply {
    Reply::json(200, &lock(&shared.gcp).state())
}

pub(crate) fn control(shared: &Shared, body: &[u8]) -> Reply {
    let v: Value = match serde_json::from_slice(body) {
        Ok(v) => v,
        Err(e) => return Reply::text(400, &format!("invalid JSON: {e}")),
    };
    match apply(&mut lock(&shared.gcp), &v) {
        Ok(extra) => {
            let mut out = json!({"ok": true});
            if let Value::Object(m) = extra {
                for (k, v) in m {
                    out[k] = v;
                }
            }
            Reply::json(200, &out)
        }
        Err(GcpError::NotFound(m)) => Reply::text(404, &m),
        Err(GcpError::Invalid(m)) => Reply::text(400, &m),
    }
}

/// One control action (see the module doc); returns the extra fields of the answer.
pub(crate) fn apply(gcp: &mut Gcp, v: &Value) -> Result<Value, GcpError> {
    let s = |k: &str| v.get(k).and_then(Value::as_str).unwrap_or_default();
    let need = |k: &str| -> Result<&str, GcpError> {
        v.get(k).and_then(Value::as_str).ok_or_else(|| GcpError::Invalid(format!("`{k}` is missing")))
    };
    let place = || v.get("zone").or_else(|| v.get("region")).and_then(Value::as_str);
    match s("action") {
        "put_project" => {
            let enabled = v.get("compute_enabled").and_then(Value::as_bool).unwrap_or(true);
            gcp.put_project(need("project_id")?, s("name"), s("parent"), s("state"), enabled);
            Ok(json!({}))
        }
        "put" => {
            let resource = v.get("resource").cloned().unwrap_or(json!({}));
            let id = gcp.put(need("project")?, need("collection")?, place(), resource)?;
            Ok(json!({ "id": id }))
        }
        "remove" => {
            gcp.remove(need("project")?, need("collection")?, need("name")?)?;
            Ok(json!({}))
        }
        "set_compute_enabled" => {
            let enabled = v.get("enabled").and_then(Value::as_bool).unwrap_or(true);
            gcp.project_mut(need("project")?)?.compute_enabled = enabled;
            Ok(json!({}))
        }
        "set_unreachable" => {
            let scopes: Vec<String> = v
                .get("scopes")
                .and_then(Value::as_array)
                .map(|a| a.iter().filter_map(|x| x.as_str().map(str::to_string)).collect())
                .unwrap_or_default();
            gcp.project_mut(need("project")?)?.unreachable = scopes;
            Ok(json!({}))
        }
        "generate" => {
            let (project, coll) = (need("project")?, need("collection")?);
            let count = v.get("count").and_then(Value::as_u64).unwrap_or(0);
            let mut ids = Vec::new();
            for i in 0..count {
                ids.push(gcp.put(
                    project,
                    coll,
                    place(),
                    json!({"name": format!("gen-{i:05}"), "status": "RUNNING"}),
                )?);
            }
            Ok(json!({ "ids": ids }))
        }
        other => Err(GcpError::Invalid(format!("unknown action `{other}`"))),
    }
}
