//! `verify`: read every object a generation's manifest lists, carried-over ones included,
//! and compare its size and SHA-256 with the manifest.

use super::catalog::{Generation, State};
use super::manifest::{MANIFEST, Manifest};
use super::store::Location;
use futures::{StreamExt as _, TryStreamExt as _};
use serde::Serialize;

/// One object that is not as the manifest says, or a generation that cannot be checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// The object's URL.
    pub object: String,
    pub problem: String,
}

/// One generation's verification.
#[derive(Debug, Clone, Serialize)]
pub struct Verified {
    pub project: String,
    pub generation: String,
    pub objects: usize,
    pub bytes: u64,
    pub problems: Vec<Problem>,
}

impl Verified {
    pub fn ok(&self) -> bool {
        self.problems.is_empty()
    }
}

/// Check one object against its manifest entry; `None` when it matches.
pub(crate) async fn check(loc: &Location, key: &str, size: u64, sha256: &str) -> anyhow::Result<Option<String>> {
    Ok(match loc.digest(key).await? {
        None => Some("missing".to_string()),
        Some((s, _)) if s != size => Some(format!("size {s} bytes, the manifest says {size}")),
        Some((_, h)) if h != sha256 => Some(format!("SHA-256 {h}, the manifest says {sha256}")),
        Some(_) => None,
    })
}

/// Verify `g`. Failing to read its manifest (the store is down) is an error; an object
/// that is missing, differs or cannot be read is a [`Problem`].
pub async fn verify(loc: &Location, g: &Generation, concurrency: usize) -> anyhow::Result<Verified> {
    let mut out =
        Verified { project: g.project.clone(), generation: g.name.clone(), objects: 0, bytes: 0, problems: Vec::new() };
    let manifest_key = format!("{}/{MANIFEST}", g.id());
    let problem = |p: &str| Problem { object: loc.url_of(&manifest_key), problem: p.to_string() };
    let bytes = match g.state {
        State::Pruned => None,
        _ => loc.get(&manifest_key).await?,
    };
    let m = match (g.state, bytes) {
        (State::Pruned, _) => {
            out.problems.push(problem("the generation was pruned by retention"));
            return Ok(out);
        }
        (_, None) => {
            out.problems.push(problem("missing: the generation is incomplete"));
            return Ok(out);
        }
        (_, Some(b)) => match Manifest::parse(&b) {
            Ok(m) => m,
            Err(e) => {
                out.problems.push(problem(&e));
                return Ok(out);
            }
        },
    };
    out.objects = m.objects.len();
    out.bytes = m.size();
    let project = g.project.as_str();
    let found: Vec<Option<Problem>> = futures::stream::iter(&m.objects)
        .map(|o| async move {
            let key = format!("{project}/{}", o.key);
            let p = match check(loc, &key, o.size, &o.sha256).await {
                Ok(p) => p,
                // One object that cannot be read is not verified; say why and go on.
                Err(e) => Some(format!("unreadable: {e:#}")),
            };
            Ok::<_, anyhow::Error>(p.map(|problem| Problem { object: loc.url_of(&key), problem }))
        })
        .buffered(concurrency.max(1))
        .try_collect()
        .await?;
    out.problems.extend(found.into_iter().flatten());
    Ok(out)
}
