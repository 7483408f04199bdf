//! The completions and man pages in `completions/` are generated from the clap tree and
//! checked in; this fails when they drift. Fix with `./scripts/regen.sh`.

use opskit::commands::generate::{SHELLS, completion, completion_file, man_pages};
use std::path::Path;

const HINT: &str = "run ./scripts/regen.sh and commit the result";

#[test]
fn checked_in_completions_match_the_clap_tree() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("completions");
    for shell in SHELLS {
        let path = dir.join(completion_file(shell));
        let on_disk = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}; {HINT}", path.display()));
        assert!(on_disk == completion(shell), "{} is stale; {HINT}", path.display());
    }
}

#[test]
fn checked_in_man_pages_match_the_clap_tree() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("completions/man");
    let pages = man_pages();
    assert!(pages.iter().any(|(n, _)| n == "opskit-findings-push.1"), "subcommand pages are generated");
    for (name, data) in &pages {
        let path = dir.join(name);
        let on_disk = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}; {HINT}", path.display()));
        assert!(&on_disk == data, "{} is stale; {HINT}", path.display());
    }
    let on_disk = std::fs::read_dir(&dir).unwrap().count();
    assert_eq!(on_disk, pages.len(), "completions/man holds pages no command has; {HINT}");
}
