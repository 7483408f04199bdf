#!/usr/bin/env bash
# Figures for the respond stage (release build):
#   ./scripts/bench-respond.sh          # RUNS=5 (median of RUNS)
# 1. Overhead: `findings push` of 1,000 findings (all new, then nothing changed) with a
#    config of 20 scenarios none of which matches them, against the same config without
#    scenarios. Prints medians and the ratio.
# 2. Time to verified recovery in the demo story: a disk-full alert pushed against the
#    embedded sandbox (`opskit sandbox`), whose SSM answers with scripted latencies (gather
#    300 ms, recover 500 ms, verify 300 ms after a 2 s wait); the figure is the execution's
#    end minus its start as `respond log --output json` keeps them, and the push's wall time.
# Needs curl and python3. Honours CARGO_TARGET_DIR.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
. scripts/bench-lib.sh

N=1000
python3 - "$WORK" "$N" <<'PY'
import json, sys
work, n = sys.argv[1], int(sys.argv[2])
f = [{"key": f"check/{i}", "severity": "warning", "title": f"check {i} failed",
      "account": "111122223333", "region": "ap-northeast-1", "resources": [f"host-{i}"],
      "fields": {"value": str(i)}} for i in range(n)]
json.dump(f, open(f"{work}/findings.json", "w"))
base = '[defaults]\nstate = "STATE"\n[[accounts]]\nname = "acme"\nid = "111122223333"\nregions = ["ap-northeast-1"]\n'
open(f"{work}/plain.toml", "w").write(base)
scen = base
for s in range(20):
    scen += (f'\n[[scenarios]]\nname = "s{s}"\nsources = ["monitoring"]\nkeys = ["disk{s}/*"]\nmin_severity = "critical"\n'
             f'allow_recover = true\n[[scenarios.steps]]\nrole = "gather"\nssm = ["df -h"]\n'
             f'[[scenarios.steps]]\nrole = "recover"\nssm = ["true"]\n[[scenarios.steps]]\nrole = "verify"\nssm = ["true"]\n')
open(f"{work}/scenarios.toml", "w").write(scen)
PY

# push CONFIG: median ms of a first push (all new) and of a push where nothing changed.
push() {
  local cfg=$1 first=() steady=()
  for r in $(seq "$RUNS"); do
    sed "s#STATE#$WORK/state-$cfg-$r.db#" "$WORK/$cfg.toml" >"$WORK/run.toml"
    local t0 t1 t2
    t0=$(now_ns)
    "$BIN" --config "$WORK/run.toml" findings push --source monitoring "$WORK/findings.json" >/dev/null
    t1=$(now_ns)
    "$BIN" --config "$WORK/run.toml" findings push --source monitoring "$WORK/findings.json" >/dev/null
    t2=$(now_ns)
    first+=($(((t1 - t0) / 1000000)))
    steady+=($(((t2 - t1) / 1000000)))
  done
  echo "$(printf '%s\n' "${first[@]}" | median) $(printf '%s\n' "${steady[@]}" | median)"
}
read -r p1 p2 < <(push plain)
read -r s1 s2 < <(push scenarios)
echo "1,000 findings, no scenario matches (median of $RUNS):"
echo "  all new:         without scenarios ${p1} ms, with 20 scenarios ${s1} ms (ratio $(python3 -c "print(round($s1/$p1, 3))"))"
echo "  nothing changed: without scenarios ${p2} ms, with 20 scenarios ${s2} ms (ratio $(python3 -c "print(round($s2/$p2, 3))"))"

# 2. The demo story against the sandbox.
start_sandbox
RECOVERY_SETUP=${RECOVERY_SETUP:-scripts/bench-respond-story.py}
python3 "$RECOVERY_SETUP" "$SB" "$WORK" "$BIN" "$RUNS"
