//! What happened, kept for the operation's numbers (`opskit report ops`): every finding
//! opening, reopening and resolving, who or what resolved it (a scenario, the producer
//! seeing it gone), and the first human acknowledgement PagerDuty reports. The spine
//! records transitions as it commits them; `pagerduty remind` records acknowledgements.
//!
//! Kept as marks in the namespace [`NAMESPACE`] (one per event, its time the mark's), so
//! every store has them without a table of its own, and old ones are pruned by time.
//! A mark's key is the event: `at|kind|severity|silenced|source|account|by|key`, `key` last
//! (it may hold `|`); the other parts never do.

use crate::spine::finding::Severity;
use crate::state::{StateResult, StateStore};
use jiff::Timestamp;
use serde::Serialize;
use std::collections::BTreeMap;

pub const NAMESPACE: &str = "history";

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EventKind {
    /// Opened for the first time.
    New,
    /// Opened again after it had resolved.
    Reopened,
    /// Resolved: its producer saw it gone (or healthy).
    Resolved,
    /// Resolved by a first-response scenario's verified recovery (`by`: the scenario).
    Recovered,
    /// A person acknowledged its page (`by`: who, as PagerDuty names them).
    Acknowledged,
}

impl EventKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::New => "new",
            EventKind::Reopened => "reopened",
            EventKind::Resolved => "resolved",
            EventKind::Recovered => "recovered",
            EventKind::Acknowledged => "acknowledged",
        }
    }

    fn parse(s: &str) -> Option<EventKind> {
        Some(match s {
            "new" => EventKind::New,
            "reopened" => EventKind::Reopened,
            "resolved" => EventKind::Resolved,
            "recovered" => EventKind::Recovered,
            "acknowledged" => EventKind::Acknowledged,
            _ => return None,
        })
    }

    /// Whether the finding opens with it (an alert, in the operation's numbers).
    pub fn opens(self) -> bool {
        matches!(self, EventKind::New | EventKind::Reopened)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Event {
    pub at: Timestamp,
    pub kind: EventKind,
    pub severity: Severity,
    /// An operator's silence held it when it opened (nobody was told).
    pub silenced: bool,
    pub source: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub account: Option<String>,
    /// The scenario that recovered it, or who acknowledged it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
    pub key: String,
}

fn clean(s: &str) -> String {
    s.replace(['|', '\n', '\r'], "/")
}

impl Event {
    /// The mark key of this event.
    pub fn encode(&self) -> String {
        format!(
            "{}|{}|{}|{}|{}|{}|{}|{}",
            self.at.as_second(),
            self.kind.as_str(),
            self.severity.as_str(),
            u8::from(self.silenced),
            clean(&self.source),
            self.account.as_deref().map(clean).unwrap_or_default(),
            self.by.as_deref().map(clean).unwrap_or_default(),
            self.key
        )
    }

    /// An event from its mark key; `None` for a key that is not one (never written by opskit).
    pub fn decode(text: &str) -> Option<Event> {
        let mut parts = text.splitn(8, '|');
        let at = Timestamp::from_second(parts.next()?.parse().ok()?).ok()?;
        let kind = EventKind::parse(parts.next()?)?;
        let severity: Severity = parts.next()?.parse().ok()?;
        let silenced = match parts.next()? {
            "0" => false,
            "1" => true,
            _ => return None,
        };
        let source = parts.next()?.to_string();
        let account = Some(parts.next()?.to_string()).filter(|a| !a.is_empty());
        let by = Some(parts.next()?.to_string()).filter(|b| !b.is_empty());
        let key = parts.next()?.to_string();
        (!source.is_empty() && !key.is_empty()).then_some(Event {
            at,
            kind,
            severity,
            silenced,
            source,
            account,
            by,
            key,
        })
    }
}

/// Keep `events` (each as a mark at its own time).
pub async fn record(state: &dyn StateStore, events: &[Event]) -> StateResult<()> {
    let mut by_time: BTreeMap<Timestamp, Vec<String>> = BTreeMap::new();
    for e in events {
        by_time.entry(e.at).or_default().push(e.encode());
    }
    for (at, keys) in by_time {
        state.put_marks(NAMESPACE, &keys, at).await?;
    }
    Ok(())
}

/// Every kept event at or after `since`, oldest first. Keys that are not events are skipped
/// with a warning (the namespace is opskit's own).
pub async fn events_since(state: &dyn StateStore, since: Timestamp) -> StateResult<Vec<Event>> {
    let mut out = Vec::new();
    for (key, _) in state.marks_since(NAMESPACE, since).await? {
        match Event::decode(&key) {
            Some(e) if e.at >= since => out.push(e),
            Some(_) => {}
            None => tracing::warn!("history: `{key}` is not an event; skipped"),
        }
    }
    out.sort_by(|a, b| a.at.cmp(&b.at).then_with(|| a.kind.cmp(&b.kind)).then_with(|| a.key.cmp(&b.key)));
    Ok(out)
}

/// Forget events before `before`; returns how many.
pub async fn prune(state: &dyn StateStore, before: Timestamp) -> StateResult<usize> {
    state.prune_marks(NAMESPACE, before).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events_round_trip_through_their_mark_key_even_with_bars_in_the_key() {
        let e = Event {
            at: "2026-12-01T03:00:00Z".parse().unwrap(),
            kind: EventKind::Acknowledged,
            severity: Severity::Critical,
            silenced: true,
            source: "monitoring".into(),
            account: Some("111122223333".into()),
            by: Some("Sato | night shift".into()),
            key: "disk/web-1|/var".into(),
        };
        let back = Event::decode(&e.encode()).unwrap();
        assert_eq!(back.key, "disk/web-1|/var");
        assert_eq!(back.by.as_deref(), Some("Sato / night shift"));
        assert_eq!(Event { by: back.by.clone(), ..e }, back);
        assert!(Event::decode("1|new|critical|0|s||").is_none(), "no key");
        assert!(Event::decode("x|new|critical|0|s|||k").is_none());
    }

    #[tokio::test]
    async fn events_are_kept_and_read_back_by_time() {
        let state = crate::state::memory::MemoryStore::new();
        let t = |m: i64| Timestamp::from_second(1_800_000_000 + m * 60).unwrap();
        let ev = |m, kind, key: &str| Event {
            at: t(m),
            kind,
            severity: Severity::Warning,
            silenced: false,
            source: "s".into(),
            account: None,
            by: None,
            key: key.into(),
        };
        // The same finding opening twice at different times is two events.
        record(&state, &[ev(0, EventKind::New, "a"), ev(5, EventKind::Resolved, "a"), ev(9, EventKind::Reopened, "a")])
            .await
            .unwrap();
        let all = events_since(&state, t(0)).await.unwrap();
        assert_eq!(
            all.iter().map(|e| e.kind).collect::<Vec<_>>(),
            [EventKind::New, EventKind::Resolved, EventKind::Reopened]
        );
        assert_eq!(events_since(&state, t(6)).await.unwrap().len(), 1);
        assert_eq!(prune(&state, t(6)).await.unwrap(), 2);
        assert_eq!(events_since(&state, t(0)).await.unwrap().len(), 1);
    }
}
