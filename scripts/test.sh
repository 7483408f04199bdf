#!/usr/bin/env bash
# The test command (see README): installs what the tests need on a fresh machine, then
# runs the whole suite, then fuzzes what opskit reads from outside for OPSKIT_FUZZ_SECONDS (default 120).
# Emulators come from PyPI at pinned versions into .test-venv.
set -euo pipefail
cd "$(dirname "$0")/.."

MOTO_VERSION=5.2.5
GCS_EMULATOR_VERSION=2026.7.19
# Radicale: the CalDAV server the calendar sources are read back from (tests/it/calendar_sources.rs).
RADICALE_VERSION=3.9.0
VENV=.test-venv

have_pins() {
  "$VENV/bin/python" - "$MOTO_VERSION" "$GCS_EMULATOR_VERSION" "$RADICALE_VERSION" <<'PY' 2>/dev/null
import sys, importlib.metadata as m
sys.exit(0 if (m.version("moto"), m.version("gcp-storage-emulator"), m.version("radicale")) == tuple(sys.argv[1:4]) else 1)
PY
}

if ! have_pins; then
  echo "test.sh: installing moto[server]==$MOTO_VERSION, gcp-storage-emulator==$GCS_EMULATOR_VERSION and radicale==$RADICALE_VERSION into $VENV" >&2
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check \
    "moto[server]==$MOTO_VERSION" "gcp-storage-emulator==$GCS_EMULATOR_VERSION" "radicale==$RADICALE_VERSION"
fi

# Dovecot from Debian's packages: the real IMAP server `maintenance-mail ingest --imap` is
# tested against (each test starts its own on a loopback port with a temp config). The
# package's postinst would start the system service: a policy-rc.d that answers 101 keeps it
# from doing so (a container has no init to start it with anyway).
DOVECOT=/usr/sbin/dovecot
install_debian_package() {
  local pkg=$1
  local sudo=() policy=/usr/sbin/policy-rc.d ours=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "test.sh: need root or sudo to apt-get install $pkg" >&2; exit 2; }
    sudo=(sudo)
  fi
  if ! [ -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' | "${sudo[@]}" tee "$policy" >/dev/null
    "${sudo[@]}" chmod 755 "$policy"
    ours=1
  fi
  local get=("${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -qq -o Dpkg::Use-Pty=0)
  local log ok=""
  log=$(mktemp)
  # Update the package lists only when they lack the package or are too old to fetch it.
  if apt-cache show "$pkg" >/dev/null 2>&1 \
    && "${get[@]}" install -y --no-install-recommends "$pkg" >"$log" 2>&1; then
    ok=1
  elif "${get[@]}" update >>"$log" 2>&1 \
    && "${get[@]}" install -y --no-install-recommends "$pkg" >>"$log" 2>&1; then
    ok=1
  fi
  if [ -n "$ours" ]; then "${sudo[@]}" rm -f "$policy"; fi
  if [ -z "$ok" ]; then
    cat "$log" >&2
    echo "test.sh: apt-get install $pkg failed" >&2
    exit 2
  fi
  rm -f "$log"
}
if ! [ -x "$DOVECOT" ]; then
  echo "test.sh: installing dovecot-imapd from Debian's packages" >&2
  install_debian_package dovecot-imapd
fi

# Chromium from Debian's packages: `report status` pages are looked at in headless Chromium
# (a screenshot that must not be blank, the DOM with every section).
CHROMIUM=/usr/bin/chromium
if ! [ -x "$CHROMIUM" ]; then
  echo "test.sh: installing chromium from Debian's packages" >&2
  install_debian_package chromium
fi

export OPSKIT_MOTO_SERVER="$PWD/$VENV/bin/moto_server"
export OPSKIT_GCS_EMULATOR="$PWD/$VENV/bin/gcp-storage-emulator"
export OPSKIT_DOVECOT="$DOVECOT"
export OPSKIT_CHROMIUM="$CHROMIUM"
export OPSKIT_RADICALE="$PWD/$VENV/bin/radicale"

cargo test --locked --workspace --all-targets "$@"

# Then fuzz what opskit reads from outside for a bounded time, split across the six targets
# (installs cargo-fuzz into .tools/).
FUZZ_SECONDS=${OPSKIT_FUZZ_SECONDS:-120}
if [ "$FUZZ_SECONDS" = 0 ]; then
  echo "test.sh: fuzzing skipped (OPSKIT_FUZZ_SECONDS=0)" >&2
else
  ./scripts/fuzz.sh "$FUZZ_SECONDS"
fi
