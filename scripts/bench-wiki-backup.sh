#!/usr/bin/env bash
# The figures of issue 8 (release build): a full `wiki backup` of 1,000 pages with 200
# attachments (20 kB each) against the sandbox enforcing Backlog's read limit of 600 per
# minute, then an unchanged second run. Prints wall time, peak RSS, Backlog requests by
# status and per rate-limit window (the limit's floor is every window's budget used), and
# what the unchanged run asked.
# Needs GNU time (/usr/bin/time), curl and python3.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/bench-lib.sh
PORT=${PORT:-18790}
"$BIN" sandbox --port "$PORT" >"$WORK/sandbox.log" 2>&1 &
SANDBOX=$!
trap 'kill $SANDBOX 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$PORT/_sandbox/requests" >/dev/null && break; sleep 0.1; done

python3 - "$PORT" <<'PY'
import base64, json, sys, urllib.request
port = sys.argv[1]
def post(body):
    req = urllib.request.Request(f"http://127.0.0.1:{port}/_sandbox/backlog", data=json.dumps(body).encode(), method="POST")
    urllib.request.urlopen(req).read()
post({"action": "add_project", "key": "BIG"})
for i in range(1000):
    atts = [{"name": f"file{i}.bin", "data": base64.b64encode(bytes([i % 256]) * 20000).decode()}] if i % 5 == 0 else []
    post({"action": "put_wiki", "page": {"project": "BIG", "name": f"Runbooks/section {i // 50}/page {i:04d}",
                                         "content": f"page {i}\n" * 50, "attachments": atts}})
post({"action": "set_rate_limit", "read": 600, "update": 150, "window_secs": 60})
PY
cat >"$WORK/opskit.toml" <<TOML
[defaults]
state = "none"
[backlog]
base_url = "http://127.0.0.1:$PORT/backlog"
api_key = "sandbox-backlog-api-key-0123456789"
TOML
chmod 600 "$WORK/opskit.toml"

stats() {
  curl -s "http://127.0.0.1:$PORT/_sandbox/requests" | python3 -c '
import collections, datetime, json, sys
skip = int(sys.argv[1])
reqs = [r for r in json.load(sys.stdin)[skip:] if r["path"].startswith("/backlog/api")]
print("  backlog requests:", len(reqs), dict(collections.Counter(r["status"] for r in reqs)))
ok = [datetime.datetime.fromisoformat(r["at"].replace("Z", "+00:00")) for r in reqs if r["status"] == 200]
per = collections.Counter(int(t.timestamp()) // 60 for t in ok)
print("  answered per 60 s window:", [n for _, n in sorted(per.items())])
if len(reqs) <= 5:
    print("  asked:", [r["method"] + " " + r["path"] for r in reqs])
' "$1"
}

echo "== full backup: 1,000 pages, 200 attachments, read limit 600/min, concurrency 4"
/usr/bin/time -f "  wall %e s, peak RSS %M kB" "$BIN" --config "$WORK/opskit.toml" wiki backup --project BIG --to "file://$WORK/backups" -q
stats 0
before=$(curl -s "http://127.0.0.1:$PORT/_sandbox/requests" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
sleep 1
echo "== unchanged second run"
/usr/bin/time -f "  wall %e s, peak RSS %M kB" "$BIN" --config "$WORK/opskit.toml" wiki backup --project BIG --to "file://$WORK/backups" -q
stats "$before"
echo "== verify --all"
/usr/bin/time -f "  wall %e s, peak RSS %M kB" "$BIN" --config "$WORK/opskit.toml" wiki verify --all --from "file://$WORK/backups"
