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
# Build first at the real time (cargo's freshness checks compare file times), then run
# the built tests and the demo with the clock moved.
OPSKIT_FUZZ_SECONDS=0 ./scripts/test.sh --no-run >/dev/null
export OPSKIT_MOTO_SERVER="$PWD/.test-venv/bin/moto_server"
export OPSKIT_GCS_EMULATOR="$PWD/.test-venv/bin/gcp-storage-emulator"
export OPSKIT_DOVECOT=/usr/sbin/dovecot
echo "test-clock-ahead.sh: the clock is $(FAKETIME="$AHEAD" LD_PRELOAD="$LIB" date -u +%FT%TZ)" >&2
FAKETIME="$AHEAD" LD_PRELOAD="$LIB" cargo test --locked --workspace --all-targets --no-fail-fast
FAKETIME="$AHEAD" LD_PRELOAD="$LIB" ./target/debug/opskit demo >/dev/null
echo "test-clock-ahead.sh: suite and demo passed with the clock at $AHEAD" >&2
