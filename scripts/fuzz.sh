#!/usr/bin/env bash
# Fuzz what opskit reads from outside (fuzz/, cargo-fuzz + libFuzzer) for a bounded time:
# mails (`parse`, `mbox`), config files (`config`), `findings push` input (`findings`),
# sinks' and Backlog's answers (`sink_replies`) and state-store records (`state_records`).
#   scripts/fuzz.sh [SECONDS]     SECONDS in all, split evenly across the targets (default 60)
# Installs cargo-fuzz at a pinned version into .tools/ when missing, seeds the mail targets
# from tests/fixtures/mail and the others from tests/fixtures/fuzz/TARGET, and fails (non-zero) on a crash, a timeout or running out of memory,
# printing the failing input's path and its bytes (base64) so a CI log alone reproduces it.
# The corpus each run grows is kept in fuzz/corpus/ (ignored by git) for the next run.
#
# Environment: OPSKIT_FUZZ_TARGETS (default all six), OPSKIT_FUZZ_SANITIZER ("none",
# the default, or "address"; the mail crate has no unsafe code and mail-parser forbids it,
# and ASan costs 4x the executions), OPSKIT_FUZZ_MAX_LEN (bytes, default 65536).
set -euo pipefail
cd "$(dirname "$0")/.."

CARGO_FUZZ_VERSION=0.13.2
TOOLS="$PWD/.tools"
TOTAL=${1:-60}
read -r -a TARGETS <<<"${OPSKIT_FUZZ_TARGETS:-parse mbox config findings sink_replies state_records}"
SANITIZER=${OPSKIT_FUZZ_SANITIZER:-none}
MAX_LEN=${OPSKIT_FUZZ_MAX_LEN:-65536}
# Per input: a 64 KiB mail parses in milliseconds, so 10 s is a hang, and 1 GiB
# (ASan's shadow memory and quarantine need more) is a runaway allocation.
TIMEOUT=10
# An input slower than this is reported and kept in fuzz/artifacts/ as slow-unit-*, but passes.
SLOW=2
case "$SANITIZER" in
  none) RSS_LIMIT_MB=1024 ;;
  address) RSS_LIMIT_MB=2560 ;;
  *) echo "fuzz.sh: OPSKIT_FUZZ_SANITIZER must be none or address, not $SANITIZER" >&2; exit 2 ;;
esac
if ! [[ "$TOTAL" =~ ^[0-9]+$ ]] || ((TOTAL < ${#TARGETS[@]})); then
  echo "fuzz.sh: SECONDS must be a whole number of at least ${#TARGETS[@]} (one per target), not '$TOTAL'" >&2
  exit 2
fi
PER_TARGET=$((TOTAL / ${#TARGETS[@]}))

export PATH="$TOOLS/bin:$PATH"
# cargo-fuzz passes nightly-only flags (-Zsanitizer); this makes stable rustc accept them.
export RUSTC_BOOTSTRAP=1

if [ "$(cargo-fuzz --version 2>/dev/null)" != "cargo-fuzz $CARGO_FUZZ_VERSION" ]; then
  echo "fuzz.sh: installing cargo-fuzz $CARGO_FUZZ_VERSION into .tools/" >&2
  if ! cargo install --locked --quiet --root "$TOOLS" cargo-fuzz --version "$CARGO_FUZZ_VERSION"; then
    echo "fuzz.sh: could not install cargo-fuzz $CARGO_FUZZ_VERSION (cargo install --locked --root .tools cargo-fuzz); the fuzz run did not happen" >&2
    exit 1
  fi
fi

# cargo fuzz has no --locked: check fuzz/Cargo.lock is current first.
cargo metadata --locked --quiet --format-version 1 --manifest-path fuzz/Cargo.toml >/dev/null

# -O: release semantics for the dependencies, as shipped; fuzz/Cargo.toml turns debug
# assertions and overflow checks back on for the mail crate and the harness.
BUILD=(-O --sanitizer "$SANITIZER")
start=$SECONDS
cargo fuzz build "${BUILD[@]}"
echo "fuzz.sh: built the targets in $((SECONDS - start)) s (sanitizer: $SANITIZER)"

# Seeds: every fixture as one message, and the fixtures as mboxes (mboxrd quoting), whole
# and in threes, for the mbox target.
SEEDS=fuzz/target/seeds
rm -rf "$SEEDS" && mkdir -p "$SEEDS/mbox" fuzz/logs
to_mbox() {
  for f in "$@"; do
    echo "From MAILER-DAEMON Mon Nov 23 00:00:00 2026"
    LC_ALL=C sed -E 's/^(>*From )/>\1/' "$f"
    echo
  done
}
mapfile -t fixtures < <(ls tests/fixtures/mail/*)
to_mbox "${fixtures[@]}" >"$SEEDS/mbox/all.mbox"
for ((i = 0; i < ${#fixtures[@]}; i += 3)); do
  to_mbox "${fixtures[@]:i:3}" >"$SEEDS/mbox/part$i.mbox"
done

status=0
for target in "${TARGETS[@]}"; do
  corpus=fuzz/corpus/$target
  log=fuzz/logs/$target.log
  mkdir -p "$corpus"
  case "$target" in
    parse) seeds=(tests/fixtures/mail) dict=fuzz/mail.dict ;;
    mbox) seeds=(tests/fixtures/mail "$SEEDS/mbox") dict=fuzz/mail.dict ;;
    *) seeds=("tests/fixtures/fuzz/$target") dict=fuzz/$target.dict ;;
  esac
  dict_arg=()
  [ -f "$dict" ] && dict_arg=(-dict="$dict")
  echo "fuzz.sh: $target for ${PER_TARGET} s (max_len $MAX_LEN, timeout ${TIMEOUT} s, rss ${RSS_LIMIT_MB} MB; log $log)"
  if cargo fuzz run "${BUILD[@]}" "$target" "$corpus" "${seeds[@]}" -- \
    -max_total_time="$PER_TARGET" -max_len="$MAX_LEN" -timeout="$TIMEOUT" -rss_limit_mb="$RSS_LIMIT_MB" \
    -report_slow_units="$SLOW" "${dict_arg[@]}" -print_final_stats=1 >"$log" 2>&1; then
    { grep -E '^#[0-9]+[[:space:]]+DONE' "$log" | tail -1
      grep -E '^stat::(number_of_executed_units|average_exec_per_sec|slowest_unit_time_sec|peak_rss_mb)' "$log"
      grep -E '^Slowest unit: ' "$log" | tail -1; } | sed "s/^/fuzz.sh: $target: /" || true
    echo "fuzz.sh: $target: corpus $(find "$corpus" -type f | wc -l) inputs"
  else
    status=1
    echo "fuzz.sh: $target FAILED (whole output in $log):" >&2
    grep -E -A1 'panicked at|ERROR: libFuzzer|^Error: ' "$log" | grep -v -E '^ +(#[0-9]+ |[0-9]+: |at )' | head -20 >&2 || true
    artifact=$(grep -o -E 'Test unit written to [^ ]+' "$log" | tail -1 | sed 's/Test unit written to //')
    if [ -n "$artifact" ] && [ -f "$artifact" ]; then
      echo "fuzz.sh: failing input: $artifact ($(stat -c %s "$artifact") bytes)" >&2
      echo "fuzz.sh: reproduce: RUSTC_BOOTSTRAP=1 PATH=.tools/bin:\$PATH cargo fuzz run ${BUILD[*]} $target $artifact" >&2
      echo "fuzz.sh: its bytes, base64:" >&2
      head -c 65536 "$artifact" | base64 >&2
    fi
  fi
done
exit $status
