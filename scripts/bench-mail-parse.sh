#!/usr/bin/env bash
# The figures of issue 23 for `mail parse` (release build): peak RSS (median of 3 runs) and
# wall time of `opskit mail parse --output json|table MBOX > /dev/null` over mboxes of
# 2,000 and 20,000 AWS notice mails (the legacy Direct Connect maintenance fixture, each
# with its own Message-ID). Memory should be flat: 20k ≈ 2k.
# BEFORE=/path/to/an/older/opskit measures it too, for the comparison.
# Needs GNU time (/usr/bin/time) and python3.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/bench-lib.sh

for n in 2000 20000; do
  python3 - "tests/fixtures/mail/legacy_dx_maintenance.eml" "$n" "$WORK/$n.mbox" <<'PY'
import re, sys
raw = open(sys.argv[1], "rb").read()
with open(sys.argv[3], "wb") as out:
    for i in range(int(sys.argv[2])):
        mail = re.sub(rb"(?im)^Message-ID:.*$", b"Message-ID: <bench-%d@email.amazonses.com>" % i, raw, count=1)
        out.write(b"From MAILER-DAEMON Mon Nov 23 00:00:00 2026\n")
        # mboxrd: a body line starting with "From " (or ">From ") gets one more ">".
        out.write(re.sub(rb"(?m)^(>*From )", rb">\1", mail))
        out.write(b"\n")
PY
done

measure() { # BIN FORMAT MBOX: "median-peak-kB median-wall-s"
  local rss=() wall=()
  for _ in 1 2 3; do
    /usr/bin/time -o "$WORK/time" -f "%M %e" "$1" mail parse --output "$2" "$3" >/dev/null
    read -r r w <"$WORK/time"
    rss+=("$r") wall+=("$w")
  done
  echo "$(printf '%s\n' "${rss[@]}" | median) $(printf '%s\n' "${wall[@]}" | median)"
}

for which in ${BEFORE:+before} after; do
  bin=$BIN
  [ "$which" = before ] && bin=$BEFORE
  for format in json table; do
    for n in 2000 20000; do
      read -r kb s < <(measure "$bin" "$format" "$WORK/$n.mbox")
      printf '%-6s %-5s %6s mails: peak RSS %7s kB, wall %6s s\n' "$which" "$format" "$n" "$kb" "$s"
    done
  done
done
