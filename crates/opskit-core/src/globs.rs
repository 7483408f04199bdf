//! A list of glob patterns compiled once, for filters applied to thousands of items per run
//! (check names, submitters, VIF ids). Compiling a glob per comparison cost seconds.

use globset::{Glob, GlobSet, GlobSetBuilder};

#[derive(Debug, Clone, Default)]
pub struct Globs {
    set: GlobSet,
    /// The patterns as written, also compared literally and case-insensitively (a check
    /// name with `[` in it is still found by its exact text).
    patterns: Vec<String>,
}

impl Globs {
    pub fn new(patterns: &[String]) -> Result<Globs, String> {
        let mut b = GlobSetBuilder::new();
        for p in patterns {
            b.add(Glob::new(p).map_err(|e| format!("`{p}` is not a valid glob: {e}"))?);
        }
        let set = b.build().map_err(|e| e.to_string())?;
        Ok(Globs { set, patterns: patterns.to_vec() })
    }

    pub fn is_empty(&self) -> bool {
        self.patterns.is_empty()
    }

    pub fn is_match(&self, candidate: &str) -> bool {
        self.set.is_match(candidate) || self.patterns.iter().any(|p| p.eq_ignore_ascii_case(candidate))
    }

    /// Whether any of the candidates matches.
    pub fn any(&self, candidates: &[&str]) -> bool {
        candidates.iter().any(|c| self.is_match(c))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globs_and_literal_names_match() {
        let g = Globs::new(&["Low Utilization*".into(), "MFA on Root Account".into()]).unwrap();
        assert!(g.is_match("Low Utilization Amazon EC2 Instances"));
        assert!(g.is_match("mfa on root account"));
        assert!(!g.is_match("Amazon EBS Snapshots"));
        assert!(Globs::new(&["dxvif-[".into()]).is_err());
        assert!(Globs::default().is_empty() && !Globs::default().is_match("x"));
    }
}
