#!/usr/bin/env bash
# Per-run overhead of the DynamoDB state store (on moto server) against the SQLite one:
# `opskit findings push` of FINDINGS findings (release build), a first run (all New) and a
# second run of the same findings (all Unchanged), each on a fresh state, RUNS times.
# Prints the median wall time and peak RSS (GNU time's %M) of each, and the DynamoDB
# requests each run makes, counted by a proxy between opskit and moto
# (scripts/dynamo-count-proxy.py: moto keeps no request log; the counted runs are extra,
# not the timed ones, so the proxy's own latency is not in the times).
#
#   ./scripts/bench-state.sh [RUNS] [FINDINGS] [deliver]     # defaults: 3 runs, 10000 findings
#
# By default no route is configured, so nothing is delivered and what is measured is the
# state itself: reading the source's findings, deliveries and silences, the lock, and
# writing the observations (all of them on the first run, none on an unchanged one). With `deliver`, one route sends everything to a
# `stdout` sink (to /dev/null), so the first run also commits one delivery record per
# finding (on DynamoDB: one TransactWriteItems each, fenced by the run lock).
# moto is a single Python process: its own per-request latency (ms, not the µs of a
# SQLite write) dominates the DynamoDB figures; real DynamoDB adds network round trips
# instead. Needs ./scripts/test.sh's .test-venv (moto server) and GNU time (/usr/bin/time).
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-3}
N=${2:-10000}
DELIVER=${3:-}
VENV=.test-venv
if ! [ -x "$VENV/bin/moto_server" ]; then
  main=$(git rev-parse --path-format=absolute --git-common-dir | xargs dirname)
  VENV="$main/.test-venv"
fi
[ -x "$VENV/bin/moto_server" ] || { echo "no .test-venv/bin/moto_server; run ./scripts/test.sh once" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "needs GNU time at /usr/bin/time (apt-get install time)" >&2; exit 2; }
. scripts/bench-lib.sh
PY="$VENV/bin/python"
PORT=$(free_port)
PROXY_PORT=$(free_port)
"$VENV/bin/moto_server" -H 127.0.0.1 -p "$PORT" >"$WORK/moto.log" 2>&1 &
MOTO=$!
"$PY" scripts/dynamo-count-proxy.py "$PROXY_PORT" "http://127.0.0.1:$PORT" >"$WORK/proxy.log" 2>&1 &
PROXY=$!
trap 'kill $MOTO $PROXY 2>/dev/null; rm -rf "$WORK"' EXIT
URL="http://127.0.0.1:$PORT"
PROXY_URL="http://127.0.0.1:$PROXY_PORT"
for _ in $(seq 100); do curl -s -o /dev/null "$URL/moto-api/" && break; sleep 0.2; done
for _ in $(seq 100); do curl -s -o /dev/null "$PROXY_URL/__counts" && break; sleep 0.1; done

export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_ENDPOINT_URL="$URL"
export AWS_EC2_METADATA_DISABLED=true AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null
export HOME="$WORK" XDG_STATE_HOME="$WORK/xdg" NO_COLOR=1

"$PY" - "$N" >"$WORK/findings.json" <<'PY'
import json, sys
n = int(sys.argv[1])
print(json.dumps([{
    "key": f"disk/{i:06d}", "severity": ["info", "warning", "critical"][i % 3],
    "title": f"disk of db-{i} is 91% full", "summary": "the data volume grows 2% a day",
    "account": "111122223333", "region": "ap-northeast-1", "resources": [f"vol-{i:017x}"],
    "fields": {"used": "91%", "size": "500 GiB", "host": f"db-{i}.example.internal"},
} for i in range(n)]))
PY

{
  echo '[defaults]'
  echo 'timezone = "Asia/Tokyo"'
  if [ "$DELIVER" = deliver ]; then
    printf '[sinks.out]\ntype = "stdout"\n[[routes]]\nsinks = ["out"]\n'
  fi
} >"$WORK/opskit.toml"
export OPSKIT_CONFIG="$WORK/opskit.toml"


# push STATE -> "wall_ms rss_kb"
push() {
  local t0 t1
  t0=$(now_ns)
  /usr/bin/time -f "%M" -o "$WORK/rss" "$BIN" findings push --source bench -q --state "$1" "$WORK/findings.json" >/dev/null
  t1=$(now_ns)
  echo "$(((t1 - t0) / 1000000)) $(cat "$WORK/rss")"
}

# fresh_state KIND: sets $state to a state nobody used yet (not in a subshell: the counter
# must move on).
table=0
fresh_state() {
  table=$((table + 1))
  case $1 in
    sqlite) state="$WORK/state-$table.db" ;;
    dynamodb)
      state="dynamodb://bench-$table?region=us-east-1"
      "$BIN" state init --state "$state" >/dev/null
      ;;
  esac
}

echo "== $N findings, $RUNS runs each, ${DELIVER:-no} delivery; median wall time and peak RSS"
printf '%-10s %-22s %10s %10s\n' store run wall_ms rss_kb
for kind in sqlite dynamodb; do
  : >"$WORK/first" && : >"$WORK/second"
  for _ in $(seq "$RUNS"); do
    fresh_state $kind
    push "$state" >>"$WORK/first"
    push "$state" >>"$WORK/second"
  done
  for run in first second; do
    label=$([ $run = first ] && echo "first (all new)" || echo "second (unchanged)")
    printf '%-10s %-22s %10s %10s\n' $kind "$label" \
      "$(cut -d' ' -f1 "$WORK/$run" | median)" "$(cut -d' ' -f2 "$WORK/$run" | median)"
  done
done

echo "== DynamoDB requests per run (counted by the proxy, one extra pair of runs)"
fresh_state dynamodb
for run in first second; do
  curl -s -X POST "$PROXY_URL/__reset" >/dev/null
  AWS_ENDPOINT_URL="$PROXY_URL" push "$state" >/dev/null
  echo "$run: $(curl -s "$PROXY_URL/__counts")"
done
