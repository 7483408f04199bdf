#!/usr/bin/env bash
# What a newcomer's first `cargo run --release -- demo` costs (the README's first command),
# measured on a fresh clone of this repository with an empty target directory:
#   ./scripts/bench-first-build.sh [REV]      # default REV: HEAD
#   OPSKIT_BENCH_CARGO_ARGS="--config profile.release.lto=false" ./scripts/bench-first-build.sh
#                                             # try a profile setting before committing it
# Prints the wall time to the demo's end, the peak memory of the whole build (GNU time's
# maximum resident set of any one process: on this build, one rustc), the target
# directory's size, and the ten compiler runs that needed the most memory and time
# (a RUSTC_WRAPPER times each rustc). Registry downloads are not counted: the crates
# come from ~/.cargo's cache when it is warm (run `cargo fetch --locked` first to be sure).
# OPSKIT_BENCH_KEEP=PATH keeps the built binary there (for ./scripts/bench-cpu.sh).
# Needs GNU time (/usr/bin/time). Run it on a quiet machine: it uses every core.
set -euo pipefail
cd "$(dirname "$0")/.."
rev=${1:-HEAD}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
git clone --quiet --no-local . "$WORK/clone"
git -C "$WORK/clone" checkout --quiet "$rev"
(cd "$WORK/clone" && cargo fetch --locked --quiet)

cat > "$WORK/rustc-wrapper" <<'SH'
#!/usr/bin/env bash
# Times one rustc run: "<crate> <max RSS KiB> <wall s>" appended to $OPSKIT_RUSTC_LOG.
rustc=$1; shift
name=unknown; prev=
for a in "$@"; do [ "$prev" = --crate-name ] && name=$a; prev=$a; done
exec /usr/bin/time -a -o "$OPSKIT_RUSTC_LOG" -f "$name %M %e" "$rustc" "$@"
SH
chmod +x "$WORK/rustc-wrapper"
: > "$WORK/rustc.log"

cd "$WORK/clone"
start=$(date +%s)
OPSKIT_RUSTC_LOG="$WORK/rustc.log" RUSTC_WRAPPER="$WORK/rustc-wrapper" CARGO_TARGET_DIR="$WORK/target" \
  /usr/bin/time -o "$WORK/total" -f "%M %e" cargo run --release --locked --quiet --timings ${OPSKIT_BENCH_CARGO_ARGS:-} -- demo >"$WORK/demo.out" 2>"$WORK/demo.err" \
  || { echo "the build or the demo failed:"; tail -20 "$WORK/demo.err"; exit 1; }
end=$(date +%s)
[ -z "${OPSKIT_BENCH_KEEP:-}" ] || cp "$WORK/target/release/opskit" "$OPSKIT_BENCH_KEEP"

# The report's `sort | head` pipelines end early by design: no SIGPIPE exit for them.
set +o pipefail
echo "== first \`cargo run --release ${OPSKIT_BENCH_CARGO_ARGS:+$OPSKIT_BENCH_CARGO_ARGS }-- demo\` of $(git rev-parse --short HEAD) ($(nproc) cores)"
echo "wall: $(( (end - start) / 60 )) min $(( (end - start) % 60 )) s (demo output: $(wc -l < "$WORK/demo.out") lines)"
awk '{printf "peak memory of any one process: %.2f GB\n", $1/1048576}' "$WORK/total"
echo "target directory: $(du -sh "$WORK/target" | cut -f1)"
echo "== the ten compiler runs with the most memory (crate, GB, s)"
# rustc runs for build scripts and proc macros share the log; some lines may be GNU time's own notes.
grep -E '^[A-Za-z0-9_]+ [0-9]+ [0-9.]+$' "$WORK/rustc.log" | sort -k2,2nr | head -10 \
  | awk '{printf "  %-28s %5.2f GB %7.1f s\n", $1, $2/1048576, $3}'
echo "== the ten longest compiler runs (crate, GB, s)"
grep -E '^[A-Za-z0-9_]+ [0-9]+ [0-9.]+$' "$WORK/rustc.log" | sort -k3,3nr | head -10 \
  | awk '{printf "  %-28s %5.2f GB %7.1f s\n", $1, $2/1048576, $3}'
echo "== the ten longest units of cargo's --timings (s; build scripts are 'run-custom-build')"
report=$(ls "$WORK"/target/cargo-timings/cargo-timing-*.html 2>/dev/null | head -1)
if [ -n "$report" ]; then
  mkdir -p "$OLDPWD/target" && cp "$report" "$OLDPWD/target/first-build-timings.html"
  python3 - "$report" <<'PY'
import json, re, sys
html = open(sys.argv[1]).read()
units = json.loads(re.search(r"const UNIT_DATA = (\[.*?\]);", html, re.S).group(1))
total = sum(u["duration"] for u in units)
for u in sorted(units, key=lambda u: -u["duration"])[:10]:
    print(f"  {u['name']:<28} {u.get('target', '').strip() or u.get('mode', ''):<20} {u['duration']:7.1f} s")
print(f"  all {len(units)} units: {total:.0f} s of compile time on {__import__('os').cpu_count()} cores")
# What each added dependency costs (issues 19 and 23 quote it): the AWS SDK crates one by one,
# then the groups the README's Install section names.
sdk = sorted((u for u in units if u["name"].startswith("aws-sdk-")), key=lambda u: -u["duration"])
print("  AWS SDK service crates: " + ", ".join(f"{u['name'][8:]} {u['duration']:.0f}" for u in sdk))
def group(n):
    if n.startswith("aws-sdk-"): return "AWS SDK service crates"
    if n.startswith(("aws-smithy", "aws-config", "aws-runtime", "aws-sigv4", "aws-types", "aws-credential")): return "AWS SDK runtime crates"
    if n.startswith("opskit"): return "opskit's own crates"
    if n in ("aws-lc-sys", "libsqlite3-sys"): return f"{n} (C)"
    return "the others"
groups = {}
for u in units:
    groups[group(u["name"])] = groups.get(group(u["name"]), 0) + u["duration"]
for g, d in sorted(groups.items(), key=lambda x: -x[1]):
    print(f"  {g:<28} {d:7.1f} s")
PY
fi
