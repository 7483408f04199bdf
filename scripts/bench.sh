#!/usr/bin/env bash
# Reproducible measurements for the figures quoted in issue notes (release build).
#   ./scripts/bench.sh            # all
# Prints: `opskit --version` wall time (median of 50), a spine run of 10,000 findings
# through diff + the stdout sink (first run: all New; second run: all unchanged), with
# peak RSS, and the stripped binary size. Needs GNU time (/usr/bin/time) for RSS.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked --quiet
BIN="$PWD/target/release/opskit"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
now_ns() { date +%s%N; }

echo "== opskit --version (50 runs)"
for _ in $(seq 50); do s=$(now_ns); "$BIN" --version >/dev/null; e=$(now_ns); echo $(( (e - s) / 1000 )); done \
  | median | awk '{printf "median %.2f ms\n", $1/1000}'

echo "== spine: 10,000 findings through diff + stdout sink"
python3 - "$WORK/findings.json" <<'PY'
import json, sys
items = [{"key": f"bench/{i:05d}", "severity": ["info", "warning", "critical"][i % 3],
          "title": f"bench finding {i}", "account": "111122223333", "region": "ap-northeast-1",
          "resources": [f"i-{i:08x}"], "fields": {"n": str(i), "state": "bad"}} for i in range(10000)]
json.dump(items, open(sys.argv[1], "w"))
PY
cat > "$WORK/opskit.toml" <<TOML
[defaults]
state = "$WORK/state.db"
[sinks.out]
type = "stdout"
[[routes]]
sinks = ["out"]
TOML
run() {
  local label=$1; shift
  local times=()
  for i in 1 2 3 4 5; do
    rm -f "$WORK"/state.db*
    if [ "$label" = unchanged ]; then "$BIN" --config "$WORK/opskit.toml" findings push --source bench -q "$WORK/findings.json" >/dev/null; fi
    s=$(now_ns)
    /usr/bin/time -f "%M" -o "$WORK/rss" "$BIN" --config "$WORK/opskit.toml" findings push --source bench -q "$WORK/findings.json" >/dev/null
    e=$(now_ns)
    times+=("$(( (e - s) / 1000000 )) $(cat "$WORK/rss")")
  done
  printf '%s\n' "${times[@]}" | awk '{print $1}' | median | awk -v l="$label" '{printf "%s: median %d ms", l, $1}'
  printf '%s\n' "${times[@]}" | awk '{print $2}' | sort -n | tail -1 | awk '{printf ", peak RSS %.1f MB\n", $1/1024}'
}
run "all new (10,000 stdout messages)"
run unchanged

echo "== binary size (stripped release)"
ls -l "$BIN" | awk '{printf "%.1f MB\n", $5/1048576}'
