//! Times as people read them, in the configured zone: one function shared by the spine
//! (silence and quiet-hours details of a report) and the renderers in `output`.

/// A time as people read it: minutes, in the configured zone (`2026-11-22 10:56 JST`).
pub fn local_time(t: jiff::Timestamp, tz: &str) -> String {
    match jiff::tz::TimeZone::get(tz) {
        Ok(zone) => t.to_zoned(zone).strftime("%Y-%m-%d %H:%M %Z").to_string(),
        Err(_) => t.strftime("%Y-%m-%d %H:%M UTC").to_string(),
    }
}
