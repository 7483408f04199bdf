#!/usr/bin/env bash
# `inventory show -o json` of 50 accounts x 16 regions x 200 generated instances (and their
# volumes, network, gateways, 4 Direct Connect VIFs and a connection each: ~328,800
# resources) against `opskit sandbox`, 100 ms on every EC2 and Direct Connect call,
# concurrency 32 (the same run as scripts/bench.sh's "inventory show against the sandbox").
# Prints, over RUNS runs (default 3): the wall median against the ideal critical path, the
# peak RSS, and opskit's CPU seconds (user + sys, GNU time) per 100k resources.
# With OLD_BIN=path/to/another/opskit, that binary runs the same command once and its
# output is compared byte for byte with this one's (same resources, same order).
# Needs GNU time (/usr/bin/time) and curl.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/bench-lib.sh
RUNS=${RUNS:-3}

start_sandbox
export AWS_CONFIG_FILE="$WORK/aws-config" AWS_SHARED_CREDENTIALS_FILE="$WORK/aws-credentials" \
  AWS_ENDPOINT_URL="$SB" AWS_EC2_METADATA_DISABLED=true
: >"$AWS_SHARED_CREDENTIALS_FILE"
REGIONS=(us-east-1 us-east-2 us-west-1 us-west-2 ca-central-1 eu-west-1 eu-west-2 eu-west-3
         eu-central-1 eu-north-1 ap-northeast-1 ap-northeast-2 ap-southeast-1 ap-southeast-2 ap-south-1 sa-east-1)
{
  printf '[defaults]\nstate = "%s/inv.db"\nconcurrency = 32\n' "$WORK"
  for i in $(seq -w 1 50); do
    id="1000000000$i"
    printf '[[accounts]]\nname = "acct%s"\nid = "%s"\nprofile = "acct%s"\nregions = [%s]\n' \
      "$i" "$id" "$i" "$(printf '"%s",' "${REGIONS[@]}" | sed 's/,$//')"
    printf '[profile acct%s]\naws_access_key_id = AKIASANDBOX%s\naws_secret_access_key = x\n' "$i" "$id" >>"$AWS_CONFIG_FILE"
    for r in "${REGIONS[@]}"; do
      curl -sf -XPOST "$SB/_sandbox/dx" -d "{\"action\":\"generate\",\"account\":\"$id\",\"region\":\"$r\",\"vifs\":4,\"connections\":1}" >/dev/null
    done
  done
} >"$WORK/inv.toml"
ACCTS=$(for i in $(seq -w 1 50); do printf '"1000000000%s",' "$i"; done | sed 's/,$//')
curl -sf -XPOST "$SB/_sandbox/ec2" -d "{\"action\":\"generate\",\"accounts\":[$ACCTS],\"regions\":[$(printf '"%s",' "${REGIONS[@]}" | sed 's/,$//')],\"instances_per_region\":200}" >/dev/null
curl -sf -XPOST "$SB/_sandbox/faults" -d '{"path_prefix":"/","target":"AmazonEC2.*","delay_ms":100}' >/dev/null
curl -sf -XPOST "$SB/_sandbox/faults" -d '{"path_prefix":"/","target":"OvertureService.*","delay_ms":100}' >/dev/null

show() {
  local bin=$1 out=$2
  /usr/bin/time -f "%M %U %S" -o "$WORK/time" "$bin" --config "$WORK/inv.toml" inventory show -o json \
    --region "$(IFS=,; echo "${REGIONS[*]}")" --account "$(seq -w 1 50 | sed 's/^/acct/' | paste -sd,)" \
    --state none >"$out" 2>"$WORK/stderr" || { echo "opskit failed:"; cat "$WORK/stderr"; exit 1; }
}

echo "== inventory show -o json against the sandbox (50 accounts x 16 regions x 200 instances, $RUNS runs)"
runs=()
for _ in $(seq "$RUNS"); do
  s=$(now_ns)
  show "$BIN" "$WORK/inventory.json"
  e=$(now_ns)
  runs+=("$(( (e - s) / 1000000 )) $(cat "$WORK/time")")
done
COUNT=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))))' "$WORK/inventory.json")
# 800 targets, 32 at a time = 25 waves; every type of a target is one page, all called at
# once: one 100 ms round trip per target.
IDEAL=2500
printf '%s\n' "${runs[@]}" | awk '{print $1}' | median \
  | awk -v i=$IDEAL -v n="$COUNT" '{printf "%d resources, 100 ms latency, concurrency 32: wall median %d ms, ideal %d ms, ratio %.2f\n", n, $1, i, $1/i}'
printf '%s\n' "${runs[@]}" | awk '{print $2}' | sort -n | tail -1 | awk '{printf "peak RSS %.1f MB\n", $1/1024}'
printf '%s\n' "${runs[@]}" | awk '{print $3 + $4}' | median \
  | awk -v n="$COUNT" '{printf "CPU (user+sys) median %.2f s: %.2f s per 100k resources\n", $1, $1 * 100000 / n}'
printf '%s\n' "${runs[@]}" | awk '{printf "  run: %d ms, %.1f MB, user %s s, sys %s s\n", $1, $2/1024, $3, $4}'

if [ -n "${OLD_BIN:-}" ]; then
  s=$(now_ns)
  show "$OLD_BIN" "$WORK/old.json"
  e=$(now_ns)
  read -r rss user sys <"$WORK/time"
  printf 'OLD_BIN: %d ms, peak RSS %.1f MB, CPU %.2f s\n' "$(( (e - s) / 1000000 ))" "$(echo "$rss" | awk '{print $1/1024}')" \
    "$(echo "$user $sys" | awk '{print $1 + $2}')"
  if cmp -s "$WORK/old.json" "$WORK/inventory.json"; then
    echo "output: byte-identical to OLD_BIN's ($(wc -c <"$WORK/inventory.json") bytes)"
  else
    echo "output: DIFFERS from OLD_BIN's"; cmp "$WORK/old.json" "$WORK/inventory.json" || true
  fi
fi
