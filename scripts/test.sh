#!/usr/bin/env bash
# The test command (see README): installs what the tests need on a fresh machine, then
# runs the whole suite, then fuzzes the mail parse path for OPSKIT_FUZZ_SECONDS (default 60).
# Emulators come from PyPI at pinned versions into .test-venv.
set -euo pipefail
cd "$(dirname "$0")/.."

MOTO_VERSION=5.2.5
GCS_EMULATOR_VERSION=2026.7.19
VENV=.test-venv

have_pins() {
  "$VENV/bin/python" - "$MOTO_VERSION" "$GCS_EMULATOR_VERSION" <<'PY' 2>/dev/null
import sys, importlib.metadata as m
sys.exit(0 if (m.version("moto"), m.version("gcp-storage-emulator")) == (sys.argv[1], sys.argv[2]) else 1)
PY
}

if ! have_pins; then
  echo "test.sh: installing moto[server]==$MOTO_VERSION and gcp-storage-emulator==$GCS_EMULATOR_VERSION into $VENV" >&2
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check \
    "moto[server]==$MOTO_VERSION" "gcp-storage-emulator==$GCS_EMULATOR_VERSION"
fi

export OPSKIT_MOTO_SERVER="$PWD/$VENV/bin/moto_server"
export OPSKIT_GCS_EMULATOR="$PWD/$VENV/bin/gcp-storage-emulator"

cargo test --locked --workspace --all-targets "$@"

# Then fuzz the mail parse path for a bounded time (installs cargo-fuzz into .tools/).
FUZZ_SECONDS=${OPSKIT_FUZZ_SECONDS:-60}
if [ "$FUZZ_SECONDS" = 0 ]; then
  echo "test.sh: fuzzing skipped (OPSKIT_FUZZ_SECONDS=0)" >&2
else
  ./scripts/fuzz.sh "$FUZZ_SECONDS"
fi
