//! Policy: which sinks a finding goes to (routes), and whether it may go now (silences,
//! damping, quiet hours). Pure functions over the config, the state's records and a clock.

use crate::config::{Config, Route};
use crate::spine::finding::Finding;
use crate::state::{FindingRecord, Silence};
use globset::{Glob, GlobMatcher};
use jiff::Timestamp;

/// Compiled once per pattern per process: routes and silences are matched against every
/// finding of a run, and compiling a glob costs far more than matching it.
fn glob(pattern: &str) -> Option<GlobMatcher> {
    static CACHE: std::sync::LazyLock<std::sync::Mutex<std::collections::HashMap<String, Option<GlobMatcher>>>> =
        std::sync::LazyLock::new(Default::default);
    let mut cache = CACHE.lock().unwrap_or_else(|e| e.into_inner());
    cache.entry(pattern.to_string()).or_insert_with(|| Glob::new(pattern).ok().map(|g| g.compile_matcher())).clone()
}

fn any_glob(patterns: &[String], candidates: &[&str]) -> bool {
    patterns.iter().any(|p| match glob(p) {
        Some(m) => candidates.iter().any(|c| m.is_match(c)),
        None => candidates.contains(&p.as_str()),
    })
}

/// Sources that were renamed or joined: (old name, the source its findings carry now). A
/// route or silence written with the old name keeps matching them (`maintenance-mail`
/// findings of AWS events are `health` findings since the mail and the Health API were
/// joined into one finding per event).
pub const SOURCE_ALIASES: &[(&str, &str)] = &[("maintenance-mail", "health")];

/// The names a finding's source answers to: its own and its old ones.
fn source_names(source: &str) -> Vec<&str> {
    let mut names = vec![source];
    names.extend(SOURCE_ALIASES.iter().filter(|(_, new)| *new == source).map(|(old, _)| *old));
    names
}

/// The account name and id a finding's `account` refers to, through the config.
fn account_names<'a>(config: &'a Config, finding: &'a Finding) -> Vec<&'a str> {
    let Some(acc) = finding.account.as_deref() else {
        return Vec::new();
    };
    let mut names = vec![acc];
    if let Some(a) = config.account(acc) {
        names.push(a.name.as_str());
        if let Some(id) = a.id.as_deref() {
            names.push(id);
        }
    }
    names
}

pub fn route_matches(config: &Config, route: &Route, finding: &Finding) -> bool {
    selector_matches(
        config,
        Selector {
            sources: &route.sources,
            min_severity: route.min_severity,
            keys: &route.keys,
            accounts: &route.accounts,
            account_tags: &route.account_tags,
        },
        finding,
    )
}

/// What a route (or a scenario) selects findings by; empty lists select all.
#[derive(Clone, Copy)]
pub struct Selector<'a> {
    pub sources: &'a [String],
    pub min_severity: Option<crate::spine::finding::Severity>,
    pub keys: &'a [String],
    pub accounts: &'a [String],
    pub account_tags: &'a std::collections::BTreeMap<String, String>,
}

pub fn selector_matches(config: &Config, sel: Selector<'_>, finding: &Finding) -> bool {
    if !sel.sources.is_empty() && !any_glob(sel.sources, &source_names(&finding.source)) {
        return false;
    }
    if sel.min_severity.is_some_and(|min| finding.severity < min) {
        return false;
    }
    if !sel.keys.is_empty() && !any_glob(sel.keys, &[&finding.key]) {
        return false;
    }
    if !sel.accounts.is_empty() {
        let names = account_names(config, finding);
        if names.is_empty() || !any_glob(sel.accounts, &names) {
            return false;
        }
    }
    if !sel.account_tags.is_empty() {
        let Some(acc) = finding.account.as_deref().and_then(|a| config.account(a)) else {
            return false;
        };
        if !sel.account_tags.iter().all(|(k, v)| acc.tags.get(k) == Some(v)) {
            return false;
        }
    }
    true
}

/// For each sink, the first route that sends this finding there.
pub fn sinks_for<'c>(config: &'c Config, finding: &Finding) -> Vec<(&'c str, &'c Route)> {
    let mut out: Vec<(&str, &Route)> = Vec::new();
    for route in &config.routes {
        if !route_matches(config, route, finding) {
            continue;
        }
        for sink in &route.sinks {
            if !out.iter().any(|(s, _)| s == sink) {
                out.push((sink.as_str(), route));
            }
        }
    }
    out
}

/// A finding's full key, `SOURCE/KEY`: the source and the key as the producer gave it,
/// once. A key that already starts with its source and `/` (every built-in command's
/// does: `dx-vif/111122223333/ap-northeast-1/dxvif-fg5678`) is its own full key. A source
/// never holds a `/`, so the part before the first `/` of a full key is always the source.
pub fn full_key(finding: &Finding) -> std::borrow::Cow<'_, str> {
    let (source, key) = (finding.source.as_str(), finding.key.as_str());
    match key.strip_prefix(source).and_then(|rest| rest.strip_prefix('/')) {
        Some(_) => key.into(),
        None => format!("{source}/{key}").into(),
    }
}

/// How a silence's key glob is read, decided by the silence alone (never by the finding,
/// so one glob has one meaning):
/// - with a source, a glob that starts with that source's text and `/` (`--source
///   dx-vif --key 'dx-vif/1111*'`), and without a source any glob (`--key
///   'backup-check/db-*'`), is matched against the full key ([`full_key`]);
/// - with a source, any other glob is read inside that source: matched against the key
///   without its `SOURCE/` prefix (`--source backup-check --key 'db-*'`).
///
/// Globs are `globset`'s, where `*` also crosses `/` (`dx-vif/1111*` reaches the VIF ids).
pub fn silence_key_matches(source: Option<&str>, key_glob: &str, finding: &Finding) -> bool {
    let full = full_key(finding);
    let qualified = match source {
        None => true,
        Some(src) => key_glob.strip_prefix(src).is_some_and(|rest| rest.starts_with('/')),
    };
    let candidate = if qualified {
        &*full
    } else {
        // The full key always starts with the finding's source and `/`.
        &full[finding.source.len() + 1..]
    };
    match glob(key_glob) {
        Some(m) => m.is_match(candidate),
        None => key_glob == candidate,
    }
}

pub fn silence_active(s: &Silence, now: Timestamp) -> bool {
    s.starts <= now && now < s.until
}

pub fn silence_matches(config: &Config, s: &Silence, finding: &Finding) -> bool {
    let m = &s.matcher;
    if m.source.is_none() && m.key.is_none() && m.account.is_none() && m.resource.is_none() {
        return false;
    }
    if let Some(src) = &m.source
        && !any_glob(std::slice::from_ref(src), &source_names(&finding.source))
    {
        return false;
    }
    if let Some(k) = &m.key
        && !silence_key_matches(m.source.as_deref(), k, finding)
    {
        return false;
    }
    if let Some(a) = &m.account {
        let names = account_names(config, finding);
        let wanted: Vec<&str> = match config.account(a) {
            Some(acc) => [Some(acc.name.as_str()), acc.id.as_deref()].into_iter().flatten().collect(),
            None => vec![a.as_str()],
        };
        if !names.iter().any(|n| wanted.contains(n)) {
            return false;
        }
    }
    if let Some(r) = &m.resource {
        let mut candidates: Vec<&str> = finding.resources.iter().map(String::as_str).collect();
        // Resource ids are usually the last part of the key too (dx-vif/ACCOUNT/REGION/dxvif-…).
        candidates.extend(finding.key.split('/'));
        if !any_glob(std::slice::from_ref(r), &candidates) {
            return false;
        }
    }
    true
}

/// The first active silence that matches, if any.
pub fn silenced_by<'a>(
    config: &Config,
    silences: &'a [Silence],
    finding: &Finding,
    now: Timestamp,
) -> Option<&'a Silence> {
    silences.iter().find(|s| silence_active(s, now) && silence_matches(config, s, finding))
}

/// Whether an open finding has been bad long enough for this route to notify.
pub fn damping_satisfied(route: &Route, record: &FindingRecord, now: Timestamp) -> bool {
    if record.streak < route.notify_after {
        return false;
    }
    match route.notify_after_duration {
        None => true,
        Some(d) => {
            let open_for = now.duration_since(record.since);
            open_for >= jiff::SignedDuration::try_from(d.0).unwrap_or(jiff::SignedDuration::MAX)
        }
    }
}

/// When the route's quiet hours end, if they hold now.
pub fn quiet_until(route: &Route, now: Timestamp) -> Option<Timestamp> {
    super::quiet::quiet_until(route.quiet_hours.as_ref()?, now)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spine::finding::Severity;

    fn f(source: &str, key: &str) -> Finding {
        Finding::new(source, key, Severity::Critical, "t")
    }

    #[test]
    fn the_full_key_names_the_source_once() {
        assert_eq!(full_key(&f("backup-check", "db-1")), "backup-check/db-1");
        assert_eq!(full_key(&f("backup-check", "disk/web-2/var")), "backup-check/disk/web-2/var");
        let dx = "dx-vif/111122223333/ap-northeast-1/dxvif-fg5678";
        assert_eq!(full_key(&f("dx-vif", dx)), dx, "a built-in key already starts with its source");
        assert_eq!(full_key(&f("dx", "dx-vif/1")), "dx/dx-vif/1", "only its own source counts");
    }

    #[test]
    fn a_key_glob_has_one_meaning_whatever_the_finding() {
        let pushed = f("backup-check", "db-1");
        let dx = f("dx-vif", "dx-vif/111122223333/ap-northeast-1/dxvif-fg5678");
        // A pushed key that reads like another source's full key stays in its own source.
        let lookalike = f("other", "backup-check/db-1");
        let m = |source: Option<&str>, glob: &str, finding: &Finding| silence_key_matches(source, glob, finding);
        assert!(m(None, "backup-check/db-*", &pushed));
        assert!(!m(None, "backup-check/db-*", &lookalike));
        assert!(m(None, "other/backup-check/db-*", &lookalike));
        assert!(!m(None, "db-*", &pushed), "without a source the glob is over SOURCE/KEY");
        assert!(m(Some("backup-check"), "db-*", &pushed));
        assert!(m(Some("backup-check"), "backup-check/db-*", &pushed));
        assert!(m(None, "dx-vif/111122223333/*", &dx));
        assert!(m(Some("dx-vif"), "dx-vif/111122223333/*", &dx));
        assert!(m(Some("dx-vif"), "111122223333/*", &dx));
        assert!(m(Some("dx-*"), "dx-*/111122223333/*", &dx));
        assert!(!m(Some("dx-vif"), "222233334444/*", &dx));
    }
}
