//! Temporary stand-in; replaced by the quiet-hours module on merge.
use crate::config::QuietHours;
pub fn is_quiet(_q: &QuietHours, _now: jiff::Timestamp) -> bool {
    false
}
pub fn quiet_until(_q: &QuietHours, _now: jiff::Timestamp) -> Option<jiff::Timestamp> {
    None
}
