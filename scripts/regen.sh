#!/usr/bin/env bash
# Regenerate the checked-in completions and man pages from the clap tree.
# tests/it/generated.rs fails when these files are stale.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo run --quiet --locked -- completions bash --out-dir completions
rm -rf completions/man
cargo run --quiet --locked -- man --out-dir completions/man
