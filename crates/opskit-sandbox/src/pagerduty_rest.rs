//! A fake of PagerDuty's REST API v2 (`https://api.pagerduty.com`) under
//! [`PAGERDUTY_API_PREFIX`]: incidents (read), services (read) and maintenance windows
//! (create, read, update, delete), as `reference/sinks.md` ("PagerDuty REST API v2")
//! records them from developer.pagerduty.com.
//!
//! Every request needs `Authorization: Token token=<PAGERDUTY_API_TOKEN>` (else 401, code
//! 2006) and `Accept: application/vnd.pagerduty+json;version=2` (else 400: the fake is
//! stricter than PagerDuty, which falls back to the token's version, so a client that
//! forgets it is caught). `POST /maintenance_windows` needs a `From` header naming a user
//! (PagerDuty documents it as required there). Errors come in PagerDuty's shape
//! `{"error": {"message", "code", "errors": [..]}}`.
//!
//! Incidents are what the Events API v2 fake ([`crate::chat::pagerduty`]) received: a
//! trigger opens an incident `triggered` keyed by its `dedup_key` (a repeated trigger while
//! it is open keeps that one incident), a resolve resolves it, an acknowledge (or the
//! control plane's `acknowledge`, which says by whom) acknowledges it; a trigger after the
//! resolve opens a new incident with the same key, as PagerDuty does. Every incident is on
//! service [`PAGERDUTY_SERVICE_NETWORK`], the service of the sandbox's routing key.
//!
//! Lists page the classic way (`offset`, `limit` default 25 and at most 100, `more`,
//! `total` null unless `total=true`); `offset + limit` over 10,000 is a 400, as documented.

use super::{Recorded, Reply, Shared, lock};
use serde_json::{Value, json};

/// Where the REST fake answers (PagerDuty's `https://api.pagerduty.com` root).
pub const PAGERDUTY_API_PREFIX: &str = "/pagerduty/api";
/// The REST API token the fake accepts (`Authorization: Token token=…`).
pub const PAGERDUTY_API_TOKEN: &str = "y_NbAkKc66ryYTWUXYEu-sandbox-rest-token";
/// What `from` the sandbox's config sends: a user of the fake account.
pub const PAGERDUTY_FROM: &str = "ops@example.com";
/// The two services the fake account has, by id.
pub const PAGERDUTY_SERVICE_NETWORK: &str = "PSANDBOX1";
pub const PAGERDUTY_SERVICE_DATABASE: &str = "PSANDBOX2";
const ACCEPT: &str = "application/vnd.pagerduty+json;version=2";
const WEB: &str = "https://sandbox.pagerduty.com";

/// One incident the fake keeps.
#[derive(Debug, Clone)]
pub(crate) struct Incident {
    pub id: String,
    pub number: u64,
    pub key: String,
    pub title: String,
    pub status: &'static str,
    pub service: String,
    pub created_at: jiff::Timestamp,
    pub last_status_change_at: jiff::Timestamp,
    /// (at, by)
    pub acks: Vec<(jiff::Timestamp, String)>,
}

#[derive(Debug, Clone)]
pub(crate) struct Window {
    pub id: String,
    pub seq: u64,
    pub start: jiff::Timestamp,
    pub end: jiff::Timestamp,
    pub description: String,
    pub services: Vec<String>,
    pub created_by: String,
}

/// The fake account: services, incidents, maintenance windows.
#[derive(Debug)]
pub(crate) struct PdRest {
    pub services: Vec<(String, String)>,
    pub incidents: Vec<Incident>,
    pub windows: Vec<Window>,
    next_window: u64,
}

impl Default for PdRest {
    fn default() -> Self {
        PdRest {
            services: vec![
                (PAGERDUTY_SERVICE_NETWORK.into(), "acme network".into()),
                (PAGERDUTY_SERVICE_DATABASE.into(), "acme database".into()),
            ],
            incidents: Vec::new(),
            windows: Vec::new(),
            next_window: 1,
        }
    }
}

impl PdRest {
    /// An accepted Events API v2 event, as PagerDuty turns it into incidents.
    pub fn on_event(&mut self, ev: &Value, at: jiff::Timestamp) {
        let key = ev["dedup_key"].as_str().unwrap_or_default().to_string();
        let open = self.incidents.iter().rposition(|i| i.key == key && i.status != "resolved");
        match (ev["event_action"].as_str(), open) {
            (Some("trigger"), None) => {
                let number = self.incidents.len() as u64 + 1;
                self.incidents.push(Incident {
                    id: format!("PINC{number:04}"),
                    number,
                    key,
                    title: ev["payload"]["summary"].as_str().unwrap_or_default().to_string(),
                    status: "triggered",
                    service: PAGERDUTY_SERVICE_NETWORK.into(),
                    created_at: at,
                    last_status_change_at: at,
                    acks: Vec::new(),
                });
            }
            (Some("acknowledge"), Some(i)) => self.acknowledge_at(i, "Events API v2", at),
            (Some("resolve"), Some(i)) => {
                let inc = &mut self.incidents[i];
                inc.status = "resolved";
                inc.last_status_change_at = at;
            }
            _ => {}
        }
    }

    fn acknowledge_at(&mut self, i: usize, by: &str, at: jiff::Timestamp) {
        let inc = &mut self.incidents[i];
        if inc.status != "acknowledged" {
            inc.last_status_change_at = at;
        }
        inc.status = "acknowledged";
        inc.acks.push((at, by.to_string()));
    }

    /// Acknowledge the open incident of `dedup_key` as `by`; false when none is open.
    pub fn acknowledge(&mut self, dedup_key: &str, by: &str) -> bool {
        match self.incidents.iter().rposition(|i| i.key == dedup_key && i.status != "resolved") {
            Some(i) => {
                self.acknowledge_at(i, by, jiff::Timestamp::now());
                true
            }
            None => false,
        }
    }

    fn service_json(&self, id: &str, name: &str) -> Value {
        json!({"id": id, "type": "service", "name": name, "summary": name, "status": "active",
               "self": format!("https://api.pagerduty.com/services/{id}"),
               "html_url": format!("{WEB}/service-directory/{id}")})
    }

    fn service_ref(&self, id: &str) -> Value {
        let name = self.services.iter().find(|(s, _)| s == id).map(|(_, n)| n.as_str()).unwrap_or_default();
        json!({"id": id, "type": "service_reference", "summary": name,
               "self": format!("https://api.pagerduty.com/services/{id}"),
               "html_url": format!("{WEB}/service-directory/{id}")})
    }

    pub fn incident_json(&self, i: &Incident) -> Value {
        let acks: Vec<Value> = i
            .acks
            .iter()
            .map(|(at, by)| {
                json!({"at": at.to_string(), "acknowledger": {"id": format!("PUSER{:03}", by.len()),
                       "type": "user_reference", "summary": by}})
            })
            .collect();
        json!({"id": i.id, "type": "incident", "summary": format!("[#{}] {}", i.number, i.title),
               "incident_number": i.number, "title": i.title, "status": i.status,
               "incident_key": i.key, "urgency": "high",
               "created_at": i.created_at.to_string(),
               "last_status_change_at": i.last_status_change_at.to_string(),
               "self": format!("https://api.pagerduty.com/incidents/{}", i.id),
               "html_url": format!("{WEB}/incidents/{}", i.id),
               "service": self.service_ref(&i.service),
               "acknowledgements": acks})
    }

    pub fn window_json(&self, w: &Window) -> Value {
        let services: Vec<Value> = w.services.iter().map(|s| self.service_ref(s)).collect();
        json!({"id": w.id, "type": "maintenance_window", "summary": w.description,
               "sequence_number": w.seq, "start_time": w.start.to_string(), "end_time": w.end.to_string(),
               "description": w.description, "services": services, "teams": [],
               "created_by": {"id": "PUSER001", "type": "user_reference", "summary": w.created_by},
               "self": format!("https://api.pagerduty.com/maintenance_windows/{}", w.id),
               "html_url": format!("{WEB}/service-directory/maintenance-windows/{}", w.id)})
    }
}

pub(crate) fn error(status: u16, code: i64, message: &str, errors: &[String]) -> Reply {
    Reply::json(status, &json!({"error": {"message": message, "code": code, "errors": errors}}))
}

/// The body of PagerDuty's 429 (developer.pagerduty.com, REST API Rate Limits).
pub(crate) fn rate_limited_body() -> String {
    json!({"error": {"message": "Rate Limit Exceeded", "code": 2020}}).to_string()
}

pub(crate) fn handle(shared: &Shared, rec: &Recorded, rest: &str) -> Reply {
    let token = rec.header("authorization").and_then(|a| a.strip_prefix("Token token="));
    if token != Some(PAGERDUTY_API_TOKEN) {
        return error(401, 2006, "Authentication failed", &[]);
    }
    let accept = rec.header("accept").unwrap_or("").replace(' ', "");
    if !accept.split(',').any(|a| a.eq_ignore_ascii_case(ACCEPT)) {
        return error(400, 2001, "Invalid Input Provided", &[format!("Accept must be {ACCEPT}")]);
    }
    let segs: Vec<&str> = rest.split('/').filter(|s| !s.is_empty()).collect();
    let mut pd = lock(&shared.pagerduty_rest);
    match (rec.method.as_str(), segs.as_slice()) {
        ("GET", ["incidents"]) => list_incidents(&pd, rec),
        ("GET", ["services"]) => {
            let all: Vec<Value> = pd.services.iter().map(|(id, n)| pd.service_json(id, n)).collect();
            page(rec, "services", all)
        }
        ("GET", ["services", id]) => match pd.services.iter().find(|(s, _)| s == id) {
            Some((id, n)) => Reply::json(200, &json!({"service": pd.service_json(id, n)})),
            None => error(404, 2100, "Not Found", &[]),
        },
        ("GET", ["maintenance_windows"]) => list_windows(&pd, rec),
        ("GET", ["maintenance_windows", id]) => match pd.windows.iter().find(|w| w.id == *id) {
            Some(w) => Reply::json(200, &json!({"maintenance_window": pd.window_json(w)})),
            None => error(404, 5001, "Maintenance Window Not Found", &[]),
        },
        ("POST", ["maintenance_windows"]) => {
            let Some(from) = rec.header("from").filter(|f| f.contains('@')) else {
                return error(400, 2001, "Invalid Input Provided", &["A valid From header is required".into()]);
            };
            let from = from.to_string();
            match window_input(&pd, rec) {
                Ok((start, end, description, services)) => {
                    let seq = pd.next_window;
                    pd.next_window += 1;
                    let w =
                        Window { id: format!("PMW{seq:04}"), seq, start, end, description, services, created_by: from };
                    let body = json!({"maintenance_window": pd.window_json(&w)});
                    pd.windows.push(w);
                    Reply::json(201, &body)
                }
                Err(reply) => reply,
            }
        }
        ("PUT", ["maintenance_windows", id]) => {
            let Some(i) = pd.windows.iter().position(|w| w.id == *id) else {
                return error(404, 5001, "Maintenance Window Not Found", &[]);
            };
            match window_input(&pd, rec) {
                Ok((start, end, description, services)) => {
                    let w = &mut pd.windows[i];
                    (w.start, w.end, w.description, w.services) = (start, end, description, services);
                    let w = pd.windows[i].clone();
                    Reply::json(200, &json!({"maintenance_window": pd.window_json(&w)}))
                }
                Err(reply) => reply,
            }
        }
        ("DELETE", ["maintenance_windows", id]) => {
            let Some(i) = pd.windows.iter().position(|w| w.id == *id) else {
                return error(404, 5001, "Maintenance Window Not Found", &[]);
            };
            let now = jiff::Timestamp::now();
            let w = &mut pd.windows[i];
            if w.end <= now {
                // "The maintenance window can't be deleted because it has already ended."
                return error(405, 5003, "Cannot cancel a maintenance window from the past", &[]);
            }
            if w.start <= now {
                w.end = now; // ongoing: ended now
            } else {
                pd.windows.remove(i);
            }
            Reply { status: 204, headers: Vec::new(), body: Vec::new() }
        }
        _ => error(404, 2100, "Not Found", &[]),
    }
}

/// `maintenance_window: {start_time, end_time, description, services: [{id, type}]}`
/// checked as PagerDuty documents: the end in the future and after the start, a start in
/// the past moved to now, every service existing.
fn window_input(pd: &PdRest, rec: &Recorded) -> Result<(jiff::Timestamp, jiff::Timestamp, String, Vec<String>), Reply> {
    let invalid = |e: String| error(400, 2001, "Invalid Input Provided", &[e]);
    let body: Value = serde_json::from_slice(&rec.body).map_err(|_| invalid("Invalid JSON".into()))?;
    let w = &body["maintenance_window"];
    if !w.is_object() {
        return Err(invalid("maintenance_window is required".into()));
    }
    let time = |k: &str| {
        w[k].as_str().and_then(|s| s.parse::<jiff::Timestamp>().ok()).ok_or_else(|| invalid(format!("{k} is invalid")))
    };
    let (mut start, end) = (time("start_time")?, time("end_time")?);
    let now = jiff::Timestamp::now();
    if end <= start {
        return Err(invalid("End time must be after start time".into()));
    }
    if end <= now {
        return Err(invalid("End time must be in the future".into()));
    }
    if start < now {
        start = now;
    }
    let services: Vec<String> = w["services"]
        .as_array()
        .map(|a| a.iter().filter_map(|s| s["id"].as_str().map(str::to_string)).collect())
        .unwrap_or_default();
    if services.is_empty() {
        return Err(invalid("Services must not be empty".into()));
    }
    if let Some(bad) = services.iter().find(|s| !pd.services.iter().any(|(id, _)| id == *s)) {
        return Err(error(400, 5002, "Service Not Found", &[format!("service {bad} not found")]));
    }
    let description = w["description"].as_str().unwrap_or_default().to_string();
    Ok((start, end, description, services))
}

fn list_incidents(pd: &PdRest, rec: &Recorded) -> Reply {
    let q = rec.query_pairs();
    let key = q.iter().find(|(k, _)| k == "incident_key").map(|(_, v)| v.as_str());
    let statuses: Vec<&str> = q.iter().filter(|(k, _)| k == "statuses[]").map(|(_, v)| v.as_str()).collect();
    let all_dates = q.iter().any(|(k, v)| k == "date_range" && v == "all");
    // Without date_range=all (or since/until, which the fake does not take), a month.
    let since = jiff::Timestamp::now() - jiff::SignedDuration::from_hours(24 * 30);
    let hits: Vec<Value> = pd
        .incidents
        .iter()
        .filter(|i| key.is_none_or(|k| k == i.key))
        .filter(|i| statuses.is_empty() || statuses.contains(&i.status))
        .filter(|i| all_dates || i.created_at >= since)
        .map(|i| pd.incident_json(i))
        .collect();
    page(rec, "incidents", hits)
}

fn list_windows(pd: &PdRest, rec: &Recorded) -> Reply {
    let q = rec.query_pairs();
    let services: Vec<&str> = q.iter().filter(|(k, _)| k == "service_ids[]").map(|(_, v)| v.as_str()).collect();
    let filter = q.iter().find(|(k, _)| k == "filter").map(|(_, v)| v.as_str()).unwrap_or("all");
    let now = jiff::Timestamp::now();
    let keep = |w: &Window| match filter {
        "past" => w.end <= now,
        "future" => w.start > now,
        "ongoing" => w.start <= now && now < w.end,
        "open" => now < w.end,
        _ => true,
    };
    let hits: Vec<Value> = pd
        .windows
        .iter()
        .filter(|w| services.is_empty() || w.services.iter().any(|s| services.contains(&s.as_str())))
        .filter(|w| keep(w))
        .map(|w| pd.window_json(w))
        .collect();
    page(rec, "maintenance_windows", hits)
}

/// Classic pagination over `all`, under `name`.
fn page(rec: &Recorded, name: &str, all: Vec<Value>) -> Reply {
    let q = rec.query_pairs();
    let num =
        |k: &str, d: usize| q.iter().find(|(n, _)| n == k).and_then(|(_, v)| v.parse::<usize>().ok()).unwrap_or(d);
    let limit = num("limit", 25).clamp(1, 100);
    let offset = num("offset", 0);
    if offset + limit > 10_000 {
        return error(400, 2001, "Invalid Input Provided", &["Offset must be less than 10000".into()]);
    }
    let want_total = q.iter().any(|(k, v)| k == "total" && v == "true");
    let total = all.len();
    let items: Vec<Value> = all.into_iter().skip(offset).take(limit).collect();
    let more = offset + items.len() < total;
    Reply::json(
        200,
        &json!({name: items, "limit": limit, "offset": offset, "more": more,
                "total": if want_total { json!(total) } else { Value::Null }}),
    )
}

/// `GET /_sandbox/pagerduty`: every incident and maintenance window, as the API shows them.
pub(crate) fn control_state(shared: &Shared) -> Reply {
    let pd = lock(&shared.pagerduty_rest);
    let incidents: Vec<Value> = pd.incidents.iter().map(|i| pd.incident_json(i)).collect();
    let windows: Vec<Value> = pd.windows.iter().map(|w| pd.window_json(w)).collect();
    Reply::json(200, &json!({"incidents": incidents, "maintenance_windows": windows}))
}

/// `POST /_sandbox/pagerduty`: `{"action": "acknowledge", "dedup_key": "..", "by": ".."}`.
pub(crate) fn control(shared: &Shared, body: &[u8]) -> Reply {
    let Ok(v) = serde_json::from_slice::<Value>(body) else {
        return Reply::text(400, "invalid JSON");
    };
    match (v["action"].as_str(), v["dedup_key"].as_str()) {
        (Some("acknowledge"), Some(key)) => {
            let by = v["by"].as_str().unwrap_or("Sandbox User");
            if lock(&shared.pagerduty_rest).acknowledge(key, by) {
                Reply::json(200, &json!({"ok": true}))
            } else {
                Reply::text(404, "no open incident with that dedup_key")
            }
        }
        _ => Reply::text(400, "unknown action: give {\"action\": \"acknowledge\", \"dedup_key\": .., \"by\": ..}"),
    }
}
