//! What a backup location holds: projects, their generations and each generation's
//! state, read from the folder layout `<prefix>/<PROJECT>/<GENERATION>/`.
//!
//! A generation is complete when its folder holds `manifest.json` (written last), pruned
//! when it holds `pruned.json` (retention removed it but kept objects that later
//! generations reference), and incomplete otherwise: a run that failed, was interrupted,
//! or is still going.

use super::manifest::{self, MANIFEST, Manifest, PRUNED};
use super::store::Location;
use anyhow::Context as _;
use futures::{StreamExt as _, TryStreamExt as _};
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum State {
    Complete,
    Incomplete,
    Pruned,
}

impl State {
    pub fn as_str(self) -> &'static str {
        match self {
            State::Complete => "complete",
            State::Incomplete => "incomplete",
            State::Pruned => "pruned",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Generation {
    pub project: String,
    pub name: String,
    pub time: jiff::Timestamp,
    pub state: State,
}

impl Generation {
    /// `OPS/20260301T020304Z`: the key prefix of its objects, and how messages name it.
    pub fn id(&self) -> String {
        format!("{}/{}", self.project, self.name)
    }
}

/// The project folders at the location (those holding at least one generation).
pub async fn projects(loc: &Location) -> anyhow::Result<Vec<String>> {
    let (dirs, _) = loc.dir("").await?;
    let mut out = Vec::new();
    for d in dirs {
        let (gens, _) = loc.dir(&d).await?;
        if gens.iter().any(|g| manifest::generation_time(g).is_some()) {
            out.push(d);
        }
    }
    Ok(out)
}

/// A project's generations, oldest first. Folders that are not named like a generation
/// are not ours and are left out.
pub async fn generations(loc: &Location, project: &str) -> anyhow::Result<Vec<Generation>> {
    let (dirs, _) = loc.dir(project).await?;
    let named: Vec<(String, jiff::Timestamp)> =
        dirs.into_iter().filter_map(|d| manifest::generation_time(&d).map(|t| (d, t))).collect();
    let mut gens: Vec<Generation> = futures::stream::iter(named)
        .map(|(name, time)| async move {
            let (_, objects) = loc.dir(&format!("{project}/{name}")).await?;
            let has = |n: &str| objects.iter().any(|(o, _)| o == n);
            let state = if has(PRUNED) {
                State::Pruned
            } else if has(MANIFEST) {
                State::Complete
            } else {
                State::Incomplete
            };
            Ok::<_, anyhow::Error>(Generation { project: project.to_string(), name, time, state })
        })
        .buffered(8)
        .try_collect()
        .await?;
    gens.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(gens)
}

/// The manifest of a generation, checked (see [`Manifest::parse`]).
pub async fn read_manifest(loc: &Location, project: &str, generation: &str) -> anyhow::Result<Manifest> {
    let key = format!("{project}/{generation}/{MANIFEST}");
    let bytes = loc
        .get(&key)
        .await?
        .with_context(|| format!("{}: no manifest (the generation is incomplete)", loc.url_of(&key)))?;
    let m = Manifest::parse(&bytes).map_err(|e| anyhow::anyhow!("{}: {e}", loc.url_of(&key)))?;
    if m.generation != generation || m.project.key != project {
        anyhow::bail!("{}: the manifest is for {}/{}", loc.url_of(&key), m.project.key, m.generation);
    }
    Ok(m)
}

/// The generations `selector` names among `gens`: `latest` (or none given) is the newest
/// complete generation of each project; otherwise a generation name, `PROJECT/NAME`, or
/// a unique start of a name (`20260301` for that day's only one).
pub fn select<'a>(gens: &'a [Generation], selector: Option<&str>) -> Result<Vec<&'a Generation>, String> {
    let selector = selector.map(str::trim).filter(|s| !s.is_empty() && *s != "latest");
    let Some(sel) = selector else {
        let mut projects: Vec<&str> = gens.iter().map(|g| g.project.as_str()).collect();
        projects.dedup();
        let mut out = Vec::new();
        for p in projects {
            match gens.iter().rev().find(|g| g.project == p && g.state == State::Complete) {
                Some(g) => out.push(g),
                None => return Err(format!("project {p} has no complete generation")),
            }
        }
        return Ok(out);
    };
    let (project, name) = match sel.split_once('/') {
        Some((p, n)) => (Some(p), n),
        None => (None, sel),
    };
    let hits: Vec<&Generation> =
        gens.iter().filter(|g| project.is_none_or(|p| g.project == p)).filter(|g| g.name.starts_with(name)).collect();
    let exact: Vec<&Generation> = hits.iter().copied().filter(|g| g.name == name).collect();
    if !exact.is_empty() {
        return Ok(exact);
    }
    match hits.as_slice() {
        [] => Err(format!("no generation `{sel}`")),
        [one] => Ok(vec![*one]),
        many => Err(format!(
            "`{sel}` matches {} generations: {}",
            many.len(),
            many.iter().map(|g| g.id()).collect::<Vec<_>>().join(", ")
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn g(project: &str, name: &str, state: State) -> Generation {
        Generation { project: project.into(), name: name.into(), time: manifest::generation_time(name).unwrap(), state }
    }

    #[test]
    fn select_finds_latest_complete_exact_and_unique_prefixes() {
        let gens = [
            g("DEV", "20260301T000000Z", State::Complete),
            g("OPS", "20260301T000000Z", State::Complete),
            g("OPS", "20260302T000000Z", State::Complete),
            g("OPS", "20260303T000000Z", State::Incomplete),
        ];
        let ids = |v: Vec<&Generation>| v.iter().map(|g| g.id()).collect::<Vec<_>>();
        assert_eq!(ids(select(&gens, None).unwrap()), ["DEV/20260301T000000Z", "OPS/20260302T000000Z"]);
        assert_eq!(ids(select(&gens, Some("latest")).unwrap()), ["DEV/20260301T000000Z", "OPS/20260302T000000Z"]);
        assert_eq!(ids(select(&gens, Some("20260301T000000Z")).unwrap()).len(), 2);
        assert_eq!(ids(select(&gens, Some("OPS/20260301T000000Z")).unwrap()), ["OPS/20260301T000000Z"]);
        assert_eq!(ids(select(&gens, Some("20260303")).unwrap()), ["OPS/20260303T000000Z"]);
        assert!(select(&gens, Some("202603")).unwrap_err().contains("matches 4 generations"));
        assert!(select(&gens, Some("2027")).unwrap_err().contains("no generation"));
        let none = [g("OPS", "20260303T000000Z", State::Incomplete)];
        assert!(select(&none, None).unwrap_err().contains("no complete generation"));
    }
}
