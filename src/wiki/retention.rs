//! Retention: which generations `--keep-daily/--keep-weekly/--keep-monthly` keep, and
//! pruning the others without deleting anything a kept generation references.
//!
//! The rules count like restic's `forget`: `--keep-daily 7` keeps the newest complete
//! generation of each of the 7 most recent days that have one (days without a backup do
//! not count), `--keep-weekly` the same per ISO week, `--keep-monthly` per month; a
//! generation kept by several rules counts for each. Days, weeks and months are those of
//! `[defaults] timezone`. The newest complete generation is always kept.
//!
//! Pruning looks only at generations older than the newest complete one: complete ones
//! the rules do not keep, incomplete ones (their run failed or was interrupted; a newer
//! incomplete one may be a run still going and is left alone) and ones already pruned.
//! Each loses every object that no kept generation's manifest lists. One that still
//! holds referenced objects gets `pruned.json` first, then loses its manifest, so at no
//! point can it pass for complete or for a failed run; one that holds nothing referenced
//! goes entirely, its manifest first. An interrupted prune is finished by the next one.

use super::catalog::{self, Generation, State};
use super::manifest::{MANIFEST, PRUNED, PrunedMarker};
use super::store::Location;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// `--keep-daily`, `--keep-weekly`, `--keep-monthly`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Keep {
    pub daily: u32,
    pub weekly: u32,
    pub monthly: u32,
}

impl Keep {
    /// Whether any rule is given: without one nothing is pruned.
    pub fn is_set(&self) -> bool {
        self.daily + self.weekly + self.monthly > 0
    }
}

/// A day, ISO week or month, as numbers that differ when the period does.
type Period = fn(&jiff::Zoned) -> (i32, i32, i32);

/// The complete generations the rules keep, with the rules that keep each (`daily`,
/// `weekly`, `monthly`, `newest`).
pub fn select(
    complete: &[(String, jiff::Timestamp)],
    keep: Keep,
    tz: &jiff::tz::TimeZone,
) -> BTreeMap<String, Vec<&'static str>> {
    let mut newest_first: Vec<&(String, jiff::Timestamp)> = complete.iter().collect();
    // Within one second the name's sequence orders them (`…04Z-01` after `…04Z`).
    newest_first.sort_by(|a, b| (b.1, &b.0).cmp(&(a.1, &a.0)));
    let mut kept: BTreeMap<String, Vec<&'static str>> = BTreeMap::new();
    let rules: [(&'static str, u32, Period); 3] = [
        ("daily", keep.daily, |z| (i32::from(z.year()), i32::from(z.month()), i32::from(z.day()))),
        ("weekly", keep.weekly, |z| {
            let w = z.date().iso_week_date();
            (i32::from(w.year()), i32::from(w.week()), 0)
        }),
        ("monthly", keep.monthly, |z| (i32::from(z.year()), i32::from(z.month()), 0)),
    ];
    for (rule, n, period) in rules {
        let (mut last, mut count) = (None, 0);
        for (name, t) in &newest_first {
            if count >= n {
                break;
            }
            let p = period(&t.to_zoned(tz.clone()));
            if last != Some(p) {
                last = Some(p);
                count += 1;
                kept.entry(name.clone()).or_default().push(rule);
            }
        }
    }
    if let Some((name, _)) = newest_first.first() {
        kept.entry(name.clone()).or_default().push("newest");
    }
    kept
}

/// What a prune did (or, in a dry run, would do).
#[derive(Debug, Clone, Default, Serialize)]
pub struct Pruned {
    /// Kept generations and the rules that keep them, oldest first.
    pub kept: Vec<(String, Vec<&'static str>)>,
    /// Generations deleted entirely.
    pub removed: Vec<String>,
    /// Generations pruned down to objects that kept generations reference.
    pub reduced: Vec<String>,
    pub deleted_objects: usize,
    pub deleted_bytes: u64,
}

/// Apply `keep` to `project`'s generations at `loc` (see the module docs).
pub async fn prune(
    loc: &Location,
    project: &str,
    keep: Keep,
    tz: &jiff::tz::TimeZone,
    now: jiff::Timestamp,
    dry_run: bool,
) -> anyhow::Result<Pruned> {
    let gens = catalog::generations(loc, project).await?;
    let complete: Vec<(String, jiff::Timestamp)> =
        gens.iter().filter(|g| g.state == State::Complete).map(|g| (g.name.clone(), g.time)).collect();
    let Some((newest, _)) = complete.last().cloned() else {
        return Ok(Pruned::default());
    };
    let kept = select(&complete, keep, tz);
    // Every object a kept generation lists, and who lists it. A manifest that cannot be
    // read stops the prune: nothing is deleted on a guess.
    let mut referenced: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for name in kept.keys() {
        let m = catalog::read_manifest(loc, project, name).await?;
        for o in &m.objects {
            referenced.entry(o.key.clone()).or_default().insert(name.clone());
        }
    }
    let mut out = Pruned { kept: kept.iter().map(|(k, v)| (k.clone(), v.clone())).collect(), ..Pruned::default() };
    let candidates = gens.iter().filter(|g| g.name < newest && !kept.contains_key(&g.name));
    for g in candidates {
        prune_one(loc, g, &referenced, now, dry_run, &mut out).await?;
    }
    Ok(out)
}

async fn prune_one(
    loc: &Location,
    g: &Generation,
    referenced: &BTreeMap<String, BTreeSet<String>>,
    now: jiff::Timestamp,
    dry_run: bool,
    out: &mut Pruned,
) -> anyhow::Result<()> {
    let project_prefix = format!("{}/", g.project);
    let objects = loc.list(&g.id()).await?;
    let rel = |k: &str| k.strip_prefix(&project_prefix).unwrap_or(k).to_string();
    let (manifest_key, marker_key) = (format!("{}/{MANIFEST}", g.id()), format!("{}/{PRUNED}", g.id()));
    let mut held_for: BTreeSet<String> = BTreeSet::new();
    let mut held = 0;
    let mut doomed: Vec<(String, u64)> = Vec::new();
    for (key, size) in objects {
        match referenced.get(&rel(&key)) {
            Some(by) => {
                held += 1;
                held_for.extend(by.iter().cloned());
            }
            None if key == manifest_key || key == marker_key => {}
            None => doomed.push((key, size)),
        }
    }
    let nothing_to_do = doomed.is_empty() && g.state == State::Pruned && held > 0;
    if nothing_to_do {
        return Ok(());
    }
    out.deleted_objects += doomed.len();
    out.deleted_bytes += doomed.iter().map(|(_, s)| s).sum::<u64>();
    if held > 0 {
        out.reduced.push(g.name.clone());
    } else {
        out.removed.push(g.name.clone());
    }
    tracing::info!(generation = %g.id(), state = g.state.as_str(), held, deleting = doomed.len(), dry_run, "pruning");
    if dry_run {
        return Ok(());
    }
    let doomed: Vec<String> = doomed.into_iter().map(|(k, _)| k).collect();
    if held > 0 {
        let marker = PrunedMarker {
            generation: g.name.clone(),
            pruned: now,
            held_for: held_for.into_iter().collect(),
            objects_held: held,
        };
        let mut json = serde_json::to_vec_pretty(&marker)?;
        json.push(b'\n');
        loc.put(&marker_key, json).await?;
        loc.delete(&[manifest_key]).await?;
        loc.delete(&doomed).await?;
    } else {
        loc.delete(&[manifest_key]).await?;
        loc.delete(&doomed).await?;
        loc.delete(&[marker_key]).await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gens(times: &[&str]) -> Vec<(String, jiff::Timestamp)> {
        times
            .iter()
            .map(|t| {
                let ts: jiff::Timestamp = t.parse().unwrap();
                (super::super::manifest::generation_name(ts), ts)
            })
            .collect()
    }

    fn kept(times: &[&str], keep: Keep, tz: &str) -> Vec<String> {
        let tz = jiff::tz::TimeZone::get(tz).unwrap();
        select(&gens(times), keep, &tz).into_iter().map(|(k, v)| format!("{k} {}", v.join("+"))).collect()
    }

    #[test]
    fn daily_keeps_the_newest_of_each_recent_day_with_a_backup() {
        let times = [
            "2026-03-01T01:00:00Z",
            // 01:00 on the 2nd in Tokyo.
            "2026-03-01T16:00:00Z",
            "2026-03-02T01:00:00Z",
            // No backup on the 3rd: it does not use up one of the days.
            "2026-03-04T01:00:00Z",
            "2026-03-04T02:00:00Z",
        ];
        assert_eq!(
            kept(&times, Keep { daily: 3, ..Keep::default() }, "UTC"),
            ["20260301T160000Z daily", "20260302T010000Z daily", "20260304T020000Z daily+newest"]
        );
        // In Tokyo 03-01T16:00Z shares the 2nd with 03-02T01:00Z, and 03-01T01:00Z has the 1st.
        assert_eq!(
            kept(&times, Keep { daily: 3, ..Keep::default() }, "Asia/Tokyo"),
            ["20260301T010000Z daily", "20260302T010000Z daily", "20260304T020000Z daily+newest"]
        );
    }

    #[test]
    fn weekly_and_monthly_count_on_their_own_and_newest_is_always_kept() {
        let times = [
            "2026-01-10T00:00:00Z", // Sat, ISO week 2
            "2026-01-31T00:00:00Z", // Sat, week 5, last of January
            "2026-02-02T00:00:00Z", // Mon, week 6
            "2026-02-08T00:00:00Z", // Sun, week 6
            "2026-02-09T00:00:00Z", // Mon, week 7
        ];
        assert_eq!(
            kept(&times, Keep { weekly: 2, monthly: 2, ..Keep::default() }, "UTC"),
            ["20260131T000000Z monthly", "20260208T000000Z weekly", "20260209T000000Z weekly+monthly+newest"]
        );
        assert_eq!(kept(&times, Keep::default(), "UTC"), ["20260209T000000Z newest"]);
        assert!(kept(&[], Keep { daily: 5, ..Keep::default() }, "UTC").is_empty());
    }
}
