#!/usr/bin/env bash
# Runs the whole suite and `opskit demo` with the clock moved ahead (default two years),
# to show that no test and no demo step depends on today's date: every test whose outcome
# depends on "now" pins it (OPSKIT_NOW) or builds its fixtures from the time it runs.
# Uses libfaketime from Debian's `faketime` package (installed if missing). The tests pass
# LD_PRELOAD/FAKETIME on to the binaries they start (tests/common/cli.rs `pass_clock`).
#   ./scripts/test-clock-ahead.sh [+DAYS]        e.g. +730d (default), +3650d
set -euo pipefail
cd "$(dirname "$0")/.."
AHEAD=${1:-+730d}
LIB=$(ls /usr/lib/*/faketime/libfaketime.so.1 2>/dev/null | head -1 || true)
if [ -z "$LIB" ]; then
  echo "test-clock-ahead.sh: installing faketime from Debian's packages" >&2
  sudo=(); [ "$(id -u)" -ne 0 ] && sudo=(sudo)
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -qq install -y --no-install-recommends faketime >/dev/null \
    || { "${sudo[@]}" apt-get -qq update && "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -qq install -y --no-install-recommends faketime >/dev/null; }
  LIB=$(ls /usr/lib/*/faketime/libfaketime.so.1 | head -1)
fi
# Build first at the real time (cargo and rustc are not run under a faked clock: rustc
# can stall there), then run each built test binary, and the demo, with the clock moved.
OPSKIT_FUZZ_SECONDS=0 ./scripts/test.sh --no-run >/dev/null
mapfile -t BINS < <(cargo test --locked --workspace --all-targets --no-run --message-format=json 2>/dev/null \
  | python3 -c 'import json,sys
for l in sys.stdin:
    m = json.loads(l)
    if m.get("reason") == "compiler-artifact" and m.get("executable") and m["profile"]["test"]:
        print(m["manifest_path"].rsplit("/", 1)[0] + "\t" + m["executable"])')
export OPSKIT_MOTO_SERVER="$PWD/.test-venv/bin/moto_server"
export OPSKIT_GCS_EMULATOR="$PWD/.test-venv/bin/gcp-storage-emulator"
export OPSKIT_DOVECOT=/usr/sbin/dovecot
echo "test-clock-ahead.sh: the clock is $(FAKETIME="$AHEAD" LD_PRELOAD="$LIB" date -u +%FT%TZ)" >&2
failed=0
for entry in "${BINS[@]}"; do
  dir=${entry%%$'\t'*} bin=${entry#*$'\t'}
  # Each test binary runs in its package's directory, as `cargo test` runs it.
  if ! (cd "$dir" && FAKETIME="$AHEAD" LD_PRELOAD="$LIB" "$bin" --quiet); then
    echo "test-clock-ahead.sh: FAILED: $bin" >&2
    failed=1
  fi
done
FAKETIME="$AHEAD" LD_PRELOAD="$LIB" ./target/debug/opskit demo >/dev/null || { echo "test-clock-ahead.sh: FAILED: demo" >&2; failed=1; }
if [ "$failed" = 0 ]; then
  echo "test-clock-ahead.sh: suite and demo passed with the clock at $AHEAD" >&2
fi
exit "$failed"
