#!/usr/bin/env bash
# Reproducible measurements for the figures quoted in issue notes (release build).
#   ./scripts/bench.sh            # all
# Prints: `opskit --version` wall time (median of 50), a spine run of 10,000 findings
# through diff + the stdout sink (first run: all New; second run: all unchanged), with
# peak RSS; `dx-vif poll` of 1 account x 1 region against the sandbox (wall, peak RSS),
# and of 50 accounts x 16 regions with 100 ms injected latency on every Direct Connect
# call at concurrency 32, against the ideal critical path; `trusted-advisor check` of 200
# accounts x 30 recommendations with 100 ms injected latency (wall, ideal, API calls);
# `support watch` of 100 accounts x 20 open cases with 100 ms latency when nothing changed
# (wall, ideal, API calls by operation); `mail parse` over a generated 10,000-mail (~100 MB)
# mbox (MB/s, mails/s, peak RSS); the stripped binary size.
# Needs GNU time (/usr/bin/time) for RSS, curl for the sandbox's control plane.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/bench-lib.sh

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

echo "== dx-vif poll against the sandbox"
start_sandbox
export AWS_CONFIG_FILE="$WORK/aws-config" AWS_SHARED_CREDENTIALS_FILE="$WORK/aws-credentials" \
  AWS_ENDPOINT_URL="$SB" AWS_EC2_METADATA_DISABLED=true
: >"$AWS_SHARED_CREDENTIALS_FILE"
REGIONS=(us-east-1 us-east-2 us-west-1 us-west-2 ca-central-1 eu-west-1 eu-west-2 eu-west-3
         eu-central-1 eu-north-1 ap-northeast-1 ap-northeast-2 ap-southeast-1 ap-southeast-2 ap-south-1 sa-east-1)
{
  printf '[defaults]\nstate = "%s/dx.db"\nconcurrency = 32\n' "$WORK"
  printf '[sinks.out]\ntype = "stdout"\n[[routes]]\nsinks = ["out"]\n'
  for i in $(seq -w 1 50); do
    id="1000000000$i"
    printf '[[accounts]]\nname = "acct%s"\nid = "%s"\nprofile = "acct%s"\nregions = [%s]\n' \
      "$i" "$id" "$i" "$(printf '"%s",' "${REGIONS[@]}" | sed 's/,$//')"
    printf '[profile acct%s]\naws_access_key_id = AKIASANDBOX%s\naws_secret_access_key = x\n' "$i" "$id" >>"$AWS_CONFIG_FILE"
    for r in "${REGIONS[@]}"; do
      curl -sf -XPOST "$SB/_sandbox/dx" -d "{\"action\":\"generate\",\"account\":\"$id\",\"region\":\"$r\",\"vifs\":4,\"connections\":1}" >/dev/null
    done
  done
  printf '[[accounts]]\nname = "one"\nid = "111122223333"\nprofile = "one"\nregions = ["ap-northeast-1"]\n'
  printf '[profile one]\naws_access_key_id = AKIASANDBOX111122223333\naws_secret_access_key = x\n' >>"$AWS_CONFIG_FILE"
} >"$WORK/dx.toml"
one=()
for _ in $(seq 11); do
  s=$(now_ns)
  /usr/bin/time -f "%M" -o "$WORK/rss" "$BIN" --config "$WORK/dx.toml" dx-vif poll --account one --state none -q
  e=$(now_ns)
  one+=("$(( (e - s) / 1000 )) $(cat "$WORK/rss")")
done
printf '%s\n' "${one[@]}" | awk '{print $1}' | median | awk '{printf "1 account x 1 region: median %.1f ms", $1/1000}'
printf '%s\n' "${one[@]}" | awk '{print $2}' | sort -n | tail -1 | awk '{printf ", peak RSS %.1f MB\n", $1/1024}'
curl -sf -XPOST "$SB/_sandbox/faults" -d '{"path_prefix":"/","target":"OvertureService.*","delay_ms":100}' >/dev/null
wide=()
for _ in 1 2 3 4 5; do
  s=$(now_ns)
  /usr/bin/time -f "%M" -o "$WORK/rss" "$BIN" --config "$WORK/dx.toml" dx-vif poll --region "$(IFS=,; echo "${REGIONS[*]}")" \
    --account "$(seq -w 1 50 | sed 's/^/acct/' | paste -sd,)" --state none -q
  e=$(now_ns)
  wide+=("$(( (e - s) / 1000000 )) $(cat "$WORK/rss")")
done
# 800 targets, 32 at a time, each one round trip of 100 ms (the two Describe calls run side by side).
IDEAL=2500
printf '%s\n' "${wide[@]}" | awk '{print $1}' | median \
  | awk -v i=$IDEAL '{printf "50 accounts x 16 regions, 100 ms latency, concurrency 32: median %d ms, ideal %d ms, ratio %.2f", $1, i, $1/i}'
printf '%s\n' "${wide[@]}" | awk '{print $2}' | sort -n | tail -1 | awk '{printf ", peak RSS %.1f MB\n", $1/1024}'

echo "== inventory show against the sandbox"
# The same 50 accounts x 16 regions, each with 200 generated instances (and their volumes,
# network, gateways): 160,000 instances, every type, 100 ms on every EC2 and Direct Connect
# call, concurrency 32. Every type of a target is one page, all called at once: one round
# trip per target, so the ideal is 25 waves x 100 ms.
ACCTS=$(for i in $(seq -w 1 50); do printf '"1000000000%s",' "$i"; done | sed 's/,$//')
curl -sf -XPOST "$SB/_sandbox/ec2" -d "{\"action\":\"generate\",\"accounts\":[$ACCTS],\"regions\":[$(printf '"%s",' "${REGIONS[@]}" | sed 's/,$//')],\"instances_per_region\":200}" >/dev/null
curl -sf -XPOST "$SB/_sandbox/faults" -d '{"path_prefix":"/","target":"AmazonEC2.*","delay_ms":100}' >/dev/null
inv=()
for _ in 1 2 3; do
  s=$(now_ns)
  /usr/bin/time -f "%M" -o "$WORK/rss" "$BIN" --config "$WORK/dx.toml" inventory show -o json --region "$(IFS=,; echo "${REGIONS[*]}")" \
    --account "$(seq -w 1 50 | sed 's/^/acct/' | paste -sd,)" --state none >"$WORK/inventory.json" 2>/dev/null
  e=$(now_ns)
  inv+=("$(( (e - s) / 1000000 )) $(cat "$WORK/rss")")
done
COUNT=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))))' "$WORK/inventory.json")
IDEAL=2500
printf '%s\n' "${inv[@]}" | awk '{print $1}' | median \
  | awk -v i=$IDEAL -v n="$COUNT" '{printf "50 accounts x 16 regions x 200 instances (%d resources), 100 ms latency, concurrency 32: median %d ms, ideal %d ms, ratio %.2f", n, $1, i, $1/i}'
printf '%s\n' "${inv[@]}" | awk '{print $2}' | sort -n | tail -1 | awk '{printf ", peak RSS %.1f MB\n", $1/1024}'

echo "== trusted-advisor check against the sandbox"
{
  printf '[defaults]\nstate = "%s/ta.db"\nconcurrency = 32\n' "$WORK"
  printf '[sinks.out]\ntype = "stdout"\n[[routes]]\nsinks = ["out"]\n'
  for i in $(seq -w 1 200); do
    id="200000000$i"
    printf '[[accounts]]\nname = "ta%s"\nid = "%s"\nprofile = "ta%s"\n' "$i" "$id" "$i"
    printf '[profile ta%s]\naws_access_key_id = AKIASANDBOX%s\naws_secret_access_key = x\n' "$i" "$id" >>"$AWS_CONFIG_FILE"
    curl -sf -XPOST "$SB/_sandbox/ta" -d "{\"action\":\"generate\",\"account\":\"$id\",\"recommendations\":30,\"resources_each\":5}" >/dev/null
  done
} >"$WORK/ta.toml"
curl -sf -XPOST "$SB/_sandbox/faults" -d '{"path_prefix":"/v1/","delay_ms":100}' >/dev/null
calls_before=$(curl -sf "$SB/_sandbox/requests" | python3 -c 'import json,sys; print(sum(r["path"].startswith("/v1/") for r in json.load(sys.stdin)))')
tas=()
for _ in 1 2 3 4 5; do
  s=$(now_ns)
  /usr/bin/time -f "%M" -o "$WORK/rss" "$BIN" --config "$WORK/ta.toml" ta check --state none -q >/dev/null
  e=$(now_ns)
  tas+=("$(( (e - s) / 1000000 )) $(cat "$WORK/rss")")
done
calls_after=$(curl -sf "$SB/_sandbox/requests" | python3 -c 'import json,sys; print(sum(r["path"].startswith("/v1/") for r in json.load(sys.stdin)))')
# 200 accounts, 32 at a time = 7 waves; each account is two round trips (the recommendations,
# then the resources of its 10 red ones side by side) of 100 ms.
IDEAL=1400
printf '%s\n' "${tas[@]}" | awk '{print $1}' | median \
  | awk -v i=$IDEAL '{printf "200 accounts x 30 recommendations, 100 ms latency, concurrency 32: median %d ms, ideal %d ms, ratio %.2f", $1, i, $1/i}'
printf '%s\n' "${tas[@]}" | awk '{print $2}' | sort -n | tail -1 | awk '{printf ", peak RSS %.1f MB", $1/1024}'
echo ", API calls per run $(( (calls_after - calls_before) / 5 )) (200 listings + 2,000 resource listings of red items)"

echo "== support watch against the sandbox, nothing changed"
{
  printf '[defaults]\nstate = "%s/support.db"\nconcurrency = 32\n' "$WORK"
  printf '[sinks.out]\ntype = "stdout"\n[[routes]]\nsinks = ["out"]\n'
  for i in $(seq -w 1 100); do
    id="300000000$i"
    printf '[[accounts]]\nname = "su%s"\nid = "%s"\nprofile = "su%s"\n' "$i" "$id" "$i"
    printf '[profile su%s]\naws_access_key_id = AKIASANDBOX%s\naws_secret_access_key = x\n' "$i" "$id" >>"$AWS_CONFIG_FILE"
    curl -sf -XPOST "$SB/_sandbox/support" -d "{\"action\":\"generate\",\"account\":\"$id\",\"open_cases\":20,\"communications_each\":3}" >/dev/null
  done
} >"$WORK/support.toml"
curl -sf -XPOST "$SB/_sandbox/faults" -d '{"path_prefix":"/","target":"AWSSupport_20130415.*","delay_ms":100}' >/dev/null
"$BIN" --config "$WORK/support.toml" support watch -q >/dev/null   # the first run tells everything
count() { curl -sf "$SB/_sandbox/requests" | python3 -c "import json,sys; print(sum(r['path']=='/' and ('x-amz-target','AWSSupport_20130415.$1') in [tuple(h) for h in r['headers']] for r in json.load(sys.stdin)))"; }
cases_before=$(count DescribeCases); comms_before=$(count DescribeCommunications)
sus=()
for _ in 1 2 3 4 5; do
  s=$(now_ns)
  /usr/bin/time -f "%M" -o "$WORK/rss" "$BIN" --config "$WORK/support.toml" support watch -q >/dev/null
  e=$(now_ns)
  sus+=("$(( (e - s) / 1000000 )) $(cat "$WORK/rss")")
done
cases_after=$(count DescribeCases); comms_after=$(count DescribeCommunications)
# 100 accounts, 32 at a time = 4 waves of one DescribeCases page (20 cases) of 100 ms.
IDEAL=400
printf '%s\n' "${sus[@]}" | awk '{print $1}' | median \
  | awk -v i=$IDEAL '{printf "100 accounts x 20 open cases, 100 ms latency, nothing changed: median %d ms, ideal %d ms, ratio %.2f", $1, i, $1/i}'
printf '%s\n' "${sus[@]}" | awk '{print $2}' | sort -n | tail -1 | awk '{printf ", peak RSS %.1f MB", $1/1024}'
echo ", per run: DescribeCases $(( (cases_after - cases_before) / 5 )), DescribeCommunications $(( (comms_after - comms_before) / 5 ))"

echo "== maintenance-mail parse: 10,000 mails in one mbox"
python3 - "$WORK/big.mbox" tests/fixtures/mail <<'PY'
import os, sys
out, fixtures = sys.argv[1], sys.argv[2]
mails = [open(os.path.join(fixtures, f), "rb").read() for f in sorted(os.listdir(fixtures)) if f.endswith(".eml")]
filler = b"".join(b"Routine maintenance filler line %05d so that a mail weighs about ten kilobytes.\n" % i for i in range(120))
with open(out, "wb") as f:
    for i in range(10000):
        f.write(b"From MAILER-DAEMON Mon Nov 23 00:00:00 2026\n")
        for line in (mails[i % len(mails)] + b"\n" + filler).splitlines(keepends=True):
            f.write(b">" + line if line.startswith(b"From ") else line)
        f.write(b"\n")
PY
size=$(stat -c %s "$WORK/big.mbox")
mp=()
for _ in 1 2 3; do
  s=$(now_ns)
  /usr/bin/time -f "%M" -o "$WORK/rss" "$BIN" mail parse "$WORK/big.mbox" -o jsonl >"$WORK/parsed.jsonl"
  e=$(now_ns)
  mp+=("$(( (e - s) / 1000000 )) $(cat "$WORK/rss")")
done
rows=$(wc -l <"$WORK/parsed.jsonl")
printf '%s\n' "${mp[@]}" | awk '{print $1}' | median | awk -v b="$size" -v n="$rows" \
  '{printf "%d mails, %.0f MB: median %d ms, %.0f MB/s, %.0f mails/s", n, b/1048576, $1, b/1048576/($1/1000), n/($1/1000)}'
printf '%s\n' "${mp[@]}" | awk '{print $2}' | sort -n | tail -1 | awk '{printf ", peak RSS %.1f MB\n", $1/1024}'

echo "== binary size (stripped release)"
ls -l "$BIN" | awk '{printf "%.1f MB\n", $5/1048576}'
