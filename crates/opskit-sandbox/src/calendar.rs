//! A calendar's "secret address in iCal format", as Google Calendar and Outlook publish one:
//! `GET /calendar/ical/<secret>/basic.ics` answers the calendar stored under `<secret>` as
//! `text/calendar`; an unknown secret is a 404 (Google answers a 404 page). The path is the
//! secret: whoever has it reads the calendar, which is why opskit never shows it.
//! Tests and the demo store calendars with [`Sandbox::calendar_put`] or
//! `POST /_sandbox/calendar {"secret": "…", "ics": "…"}`.

use super::{Recorded, Reply, Sandbox, Shared, lock};
use std::collections::BTreeMap;

/// Where the secret addresses live.
pub const CALENDAR_PREFIX: &str = "/calendar/ical/";

/// The calendars, by secret.
#[derive(Debug, Default)]
pub(crate) struct Calendars {
    by_secret: BTreeMap<String, String>,
}

pub(crate) fn handle(shared: &Shared, rec: &Recorded) -> Reply {
    let rest = rec.path.strip_prefix(CALENDAR_PREFIX).unwrap_or_default();
    let secret = rest.strip_suffix("/basic.ics").unwrap_or_default();
    if rec.method != "GET" {
        return Reply::text(405, "method not allowed");
    }
    match lock(&shared.calendars).by_secret.get(secret) {
        Some(ics) => Reply {
            status: 200,
            headers: vec![("content-type".into(), "text/calendar; charset=UTF-8".into())],
            body: ics.as_bytes().to_vec(),
        },
        None => Reply::text(404, "Not Found"),
    }
}

#[derive(serde::Deserialize)]
struct Put {
    secret: String,
    ics: String,
}

pub(crate) fn control_put(shared: &Shared, body: &[u8]) -> Reply {
    match serde_json::from_slice::<Put>(body) {
        Ok(p) if !p.secret.is_empty() && !p.secret.contains('/') => {
            lock(&shared.calendars).by_secret.insert(p.secret, p.ics);
            Reply::json(200, &serde_json::json!({"ok": true}))
        }
        Ok(_) => Reply::text(400, "secret must be one path segment"),
        Err(e) => Reply::text(400, &format!("invalid calendar: {e}")),
    }
}

impl Sandbox {
    /// Store (or replace) the calendar served at `url("/calendar/ical/<secret>/basic.ics")`.
    pub fn calendar_put(&self, secret: &str, ics: &str) {
        lock(&self.shared.calendars).by_secret.insert(secret.to_string(), ics.to_string());
    }

    /// The secret address of calendar `secret` on this sandbox.
    pub fn calendar_url(&self, secret: &str) -> String {
        self.url(&format!("{CALENDAR_PREFIX}{secret}/basic.ics"))
    }
}
