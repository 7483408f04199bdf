# Sourced by the scripts/bench*.sh harnesses: the release binary (honouring
# CARGO_TARGET_DIR), a work directory, and the helpers every figure uses.
cargo build --release --locked --quiet
BIN="${CARGO_TARGET_DIR:-$PWD/target}/release/opskit"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# The median of the numbers on stdin, one per line.
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
now_ns() { date +%s%N; }
# A free loopback TCP port.
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
