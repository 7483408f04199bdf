#!/usr/bin/env bash
# Figures for [[organizations]] discovery (release build), against the embedded sandbox
# (`opskit sandbox`), which plays Organizations, STS and Direct Connect:
#   ./scripts/bench-organizations.sh          # RUNS=3 (median of RUNS; set RUNS=5 for more)
# An organization of 2,500 member accounts (+ the management account) in 50 OUs, each
# account with 3 VIFs and a connection in ap-northeast-1, 100 ms of latency on every AWS
# call (Organizations, STS, Direct Connect), concurrency 32. Prints, each with its median
# wall time, peak RSS, API calls by operation (from the sandbox's request log) and the
# ideal (latency x sequential rounds):
#   - discovery alone (`config check --discover`), cold with ListAccounts, cold with an OU
#     walk (include_ous = the root), and from the cache;
#   - `dx-vif poll` over all accounts (discovery from the cache; one AssumeRole per member
#     account, then its two Describe calls side by side).
# Needs GNU time (/usr/bin/time), curl and python3. Honours CARGO_TARGET_DIR.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-3}
. scripts/bench-lib.sh

start_sandbox

MGMT=999900000000
ACCOUNTS=2500
OUS=50
CONCURRENCY=32
REGION=ap-northeast-1
LATENCY_MS=100

# The organization, then Direct Connect in every account (one keep-alive connection).
ROOT=$(curl -sf -XPOST "$SB/_sandbox/organizations" \
  -d "{\"action\":\"generate\",\"management_account\":\"$MGMT\",\"accounts\":$ACCOUNTS,\"ous\":$OUS}" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["summary"]["root_id"])')
python3 - "$PORT" "$MGMT" "$ACCOUNTS" "$REGION" <<'PY'
import http.client, json, sys
port, mgmt, n, region = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
c = http.client.HTTPConnection("127.0.0.1", int(port))
for acct in [mgmt] + [f"{300000000000 + i:012d}" for i in range(n)]:
    body = json.dumps({"action": "generate", "account": acct, "region": region, "vifs": 3, "connections": 1})
    c.request("POST", "/_sandbox/dx", body, {"content-type": "application/json"})
    r = c.getresponse(); r.read()
    assert r.status == 200, (acct, r.status)
PY

export AWS_CONFIG_FILE="$WORK/aws-config" AWS_SHARED_CREDENTIALS_FILE="$WORK/aws-credentials" \
  AWS_ENDPOINT_URL="$SB" AWS_EC2_METADATA_DISABLED=true
printf '[profile mgmt]\naws_access_key_id = AKIASANDBOX%s\naws_secret_access_key = x\n' "$MGMT" >"$AWS_CONFIG_FILE"
: >"$AWS_SHARED_CREDENTIALS_FILE"
config() { # $1 file, $2 extra organization keys
  printf '[defaults]\nstate = "%s/state.db"\nconcurrency = %d\n\n[[organizations]]\nname = "bench"\nprofile = "mgmt"\nrole_name = "OpsKitRead"\nregions = ["%s"]\n%s\n' \
    "$WORK" "$CONCURRENCY" "$REGION" "$2" >"$1"
}
config "$WORK/list.toml" ""
config "$WORK/walk.toml" "include_ous = [\"$ROOT\"]"

# Forget the request log and re-arm the latency (clearing drops faults too).
reset() {
  curl -sf -XPOST "$SB/_sandbox/clear" >/dev/null
  curl -sf -XPOST "$SB/_sandbox/faults" -d "{\"path_prefix\":\"/\",\"target\":\"*\",\"delay_ms\":$LATENCY_MS}" >/dev/null
}
# API calls in the log by operation, divided by the number of runs.
calls() {
  curl -sf "$SB/_sandbox/requests" | python3 -c '
import json, sys, collections, urllib.parse, base64
runs = int(sys.argv[1]); ops = collections.Counter()
for r in json.load(sys.stdin):
    h = {k.lower(): v for k, v in r["headers"]}
    if "x-amz-target" in h:
        ops[h["x-amz-target"].split(".", 1)[1]] += 1
    elif r["path"] == "/":
        form = dict(urllib.parse.parse_qsl(base64.b64decode(r["body"]).decode()))
        ops[form.get("Action", "?")] += 1
total = sum(ops.values())
print(f"API calls per run {total // runs}: " + ", ".join(f"{k} {v // runs}" for k, v in sorted(ops.items())))
' "$1"
}
# $1 label, $2 ideal ms, then the command; each run first runs $PREP (if set).
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

echo "== discovery alone: $ACCOUNTS accounts in $OUS OUs, ${LATENCY_MS} ms per call, concurrency $CONCURRENCY"
# ListAccounts pages are sequential: DescribeOrganization || GetCallerIdentity, then
# ceil(2501 / 20) = 126 pages.
PAGES=$(( (ACCOUNTS + 1 + 19) / 20 ))
measure "cold, ListAccounts" $(( (1 + PAGES) * LATENCY_MS )) \
  "$BIN" --config "$WORK/list.toml" config check --discover --refresh-accounts -o json
# The walk from the included root: Describe || GetCallerIdentity; the root (its 50 OUs are
# 3 pages); then 50 OUs, 32 at a time (2 waves), each 50 accounts in 3 pages.
measure "cold, OU walk from the root" $(( (1 + 3 + 2 * 3) * LATENCY_MS )) \
  "$BIN" --config "$WORK/walk.toml" config check --discover --refresh-accounts -o json
"$BIN" --config "$WORK/list.toml" config check --discover -o json >/dev/null   # the cache, of this scope
measure "cached" 0 "$BIN" --config "$WORK/list.toml" config check --discover -o json

echo "== dx-vif poll over all $(( ACCOUNTS + 1 )) accounts (discovery cached), ${LATENCY_MS} ms per call, concurrency $CONCURRENCY"
# Each member account: AssumeRole, then DescribeVirtualInterfaces || DescribeConnections:
# 2 rounds; 2501 targets, 32 at a time.
"$BIN" --config "$WORK/list.toml" config check --discover -o json >/dev/null   # the cache
cp "$WORK/state.db" "$WORK/cached.db"
PREP='rm -f "$WORK"/state.db*; cp "$WORK/cached.db" "$WORK/state.db"' \
  measure "one-shot check" $(( ((ACCOUNTS + 1 + CONCURRENCY - 1) / CONCURRENCY) * 2 * LATENCY_MS )) \
  "$BIN" --config "$WORK/list.toml" dx-vif poll -q
