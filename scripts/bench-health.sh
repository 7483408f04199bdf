#!/usr/bin/env bash
# Figures for `opskit health watch` (release build), against the embedded sandbox
# (`opskit sandbox`), which plays the AWS Health API (Smithy RPC v2 CBOR):
#   ./scripts/bench-health.sh          # RUNS=3 (median of RUNS; set RUNS=5 for more)
# 200 accounts (each its own profile), each with 5 generated events (4 open or upcoming,
# 1 closed), 100 ms of latency on every Health call, concurrency 32, at OPSKIT_NOW
# 2026-11-01 (before the generated events' windows). Prints, each with its
# median wall time, peak RSS, API calls by operation (from the sandbox's request log) and
# the ideal (latency x sequential rounds):
#   - the first run (every event new: DescribeEvents, then DescribeEventDetails and
#     DescribeAffectedEntities for its events, one account after another in 32 lanes);
#   - a run where nothing changed (one DescribeEvents page per account).
# Needs GNU time (/usr/bin/time), curl and python3. Honours CARGO_TARGET_DIR.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-3}
. scripts/bench-lib.sh

start_sandbox

ACCOUNTS=200
EVENTS=5
CONCURRENCY=32
LATENCY_MS=100

export OPSKIT_NOW=2026-11-01T00:00:00Z
export AWS_CONFIG_FILE="$WORK/aws-config" AWS_SHARED_CREDENTIALS_FILE="$WORK/aws-credentials" \
  AWS_ENDPOINT_URL="$SB" AWS_EC2_METADATA_DISABLED=true
: >"$AWS_SHARED_CREDENTIALS_FILE"
: >"$AWS_CONFIG_FILE"
printf '[defaults]\nstate = "%s/state.db"\nconcurrency = %d\n\n' "$WORK" "$CONCURRENCY" >"$WORK/opskit.toml"
python3 - "$PORT" "$ACCOUNTS" "$EVENTS" "$WORK" <<'PY'
import http.client, json, sys
port, n, events, work = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
c = http.client.HTTPConnection("127.0.0.1", int(port))
with open(f"{work}/aws-config", "a") as aws, open(f"{work}/opskit.toml", "a") as cfg:
    for i in range(n):
        acct = f"{700000000000 + i:012d}"
        aws.write(f"[profile a{i}]\naws_access_key_id = AKIASANDBOX{acct}\naws_secret_access_key = x\n\n")
        cfg.write(f'[[accounts]]\nname = "a{i}"\nid = "{acct}"\nprofile = "a{i}"\nregions = ["ap-northeast-1"]\n\n')
        c.request("POST", "/_sandbox/health", json.dumps({"action": "generate", "account": acct, "events": events}),
                  {"content-type": "application/json"})
        r = c.getresponse(); r.read()
        assert r.status == 200, (acct, r.status)
PY

reset() {
  curl -sf -XPOST "$SB/_sandbox/clear" >/dev/null
  curl -sf -XPOST "$SB/_sandbox/faults" -d "{\"path_prefix\":\"/service/\",\"delay_ms\":$LATENCY_MS,\"times\":1000000}" >/dev/null
}
calls() {
  curl -sf "$SB/_sandbox/requests" | python3 -c '
import json, sys, collections
runs = int(sys.argv[1]); ops = collections.Counter()
for r in json.load(sys.stdin):
    if r["path"].startswith("/service/"):
        ops[r["path"].rsplit("/", 1)[1]] += 1
total = sum(ops.values())
print(f"API calls per run {total // runs}: " + ", ".join(f"{k} {v // runs}" for k, v in sorted(ops.items())))
' "$1"
}
measure() {
  local label=$1 ideal=$2; shift 2
  local rows=()
  reset
  for _ in $(seq "$RUNS"); do
    if [ -n "${PREP:-}" ]; then eval "$PREP"; fi
    local s e
    s=$(now_ns)
    /usr/bin/time -f "%M" -o "$WORK/rss" "$@" >/dev/null 2>"$WORK/stderr" || true
    e=$(now_ns)
    rows+=("$(( (e - s) / 1000000 )) $(cat "$WORK/rss")")
  done
  printf '%s\n' "${rows[@]}" | awk '{print $1}' | median \
    | awk -v l="$label" -v i="$ideal" '{ if (i > 0) printf "%s: median %d ms, ideal %d ms, ratio %.2f", l, $1, i, $1/i; else printf "%s: median %d ms", l, $1 }'
  printf '%s\n' "${rows[@]}" | awk '{print $2}' | sort -n | tail -1 | awk '{printf ", peak RSS %.1f MB\n", $1/1024}'
  echo "  $(calls "$RUNS")"
  if grep -q . "$WORK/stderr"; then echo "  stderr of the last run: $(head -c 300 "$WORK/stderr")"; fi
}

LANES=$(( (ACCOUNTS + CONCURRENCY - 1) / CONCURRENCY ))
echo "== health watch over $ACCOUNTS accounts, $EVENTS events each, ${LATENCY_MS} ms per call, concurrency $CONCURRENCY"
# First run: per account DescribeEvents, then DescribeEventDetails, then DescribeAffectedEntities.
PREP='rm -f "$WORK"/state.db*' measure "first run (every event new)" $(( LANES * 3 * LATENCY_MS )) \
  "$BIN" --config "$WORK/opskit.toml" health watch -q
"$BIN" --config "$WORK/opskit.toml" health watch -q >/dev/null 2>&1 || true
measure "nothing changed" $(( LANES * LATENCY_MS )) "$BIN" --config "$WORK/opskit.toml" health watch -q
