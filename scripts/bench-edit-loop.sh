#!/usr/bin/env bash
# The edit-rebuild loop a contributor lives in (issue 17), as a median of five runs each:
#   1. touch a command file, then `cargo test --no-run` (the test binaries relink);
#   2. touch a sandbox file, then `cargo build` (the dev binary).
#   ./scripts/bench-edit-loop.sh [REV] [TARGET_DIR]
# REV defaults to HEAD. The revision is checked out in a scratch worktree; its target directory
# is TARGET_DIR (default: a fresh one under it), warmed by one full build that is not counted.
# Pass an existing target directory to skip that warm-up's dependency builds.
# Finds the files by the layout of the revision: src/commands/dx_vif.rs, and the sandbox's
# ec2 fake in crates/opskit-sandbox/src/ or (before the workspace split) src/sandbox/.
# Run it on a quiet machine: it uses every core, and other builds skew the figures.
set -euo pipefail
cd "$(dirname "$0")/.."
rev=${1:-HEAD}
WORK=$(mktemp -d)
tree="$WORK/tree"
cleanup() { git worktree remove --force "$tree" >/dev/null 2>&1 || true; rm -rf "$WORK"; }
trap cleanup EXIT
git worktree add --quiet --detach "$tree" "$rev"
export CARGO_TARGET_DIR=${2:-$WORK/target}
cd "$tree"

command_file=src/commands/dx_vif.rs
sandbox_file=crates/opskit-sandbox/src/ec2.rs
[ -f "$sandbox_file" ] || sandbox_file=src/sandbox/ec2.rs
for f in "$command_file" "$sandbox_file"; do
  [ -f "$f" ] || { echo "no $f at $rev: pass a revision with the usual layout" >&2; exit 2; }
done

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
# Seconds (one decimal) that "$@" took; its output goes to the log.
timed() {
  local start end
  start=$(date +%s%N)
  "$@" >>"$WORK/cargo.log" 2>&1 || { echo "failed: $*" >&2; tail -20 "$WORK/cargo.log" >&2; exit 1; }
  end=$(date +%s%N)
  awk -v ns=$((end - start)) 'BEGIN {printf "%.1f\n", ns / 1e9}'
}

echo "== edit-rebuild loop of $(git rev-parse --short HEAD) ($(nproc) cores), median of 5"
echo "warm-up (not counted): $(timed cargo test --locked --workspace --no-run) s test build, $(timed cargo build --locked) s build"
: > "$WORK/a"; : > "$WORK/b"
for _ in 1 2 3 4 5; do
  touch "$command_file"
  timed cargo test --locked --workspace --no-run >> "$WORK/a"
done
for _ in 1 2 3 4 5; do
  touch "$sandbox_file"
  timed cargo build --locked >> "$WORK/b"
done
echo "touch $command_file; cargo test --no-run: median $(median < "$WORK/a") s (runs: $(paste -sd' ' "$WORK/a"))"
echo "touch $sandbox_file; cargo build:        median $(median < "$WORK/b") s (runs: $(paste -sd' ' "$WORK/b"))"
