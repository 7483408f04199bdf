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

# Start `opskit sandbox` on a free loopback port, killed on exit with the work directory;
# sets PORT, SANDBOX (its pid) and SB (its base URL), and waits until it answers.
start_sandbox() {
  PORT=$(free_port)
  "$BIN" sandbox --port "$PORT" >"$WORK/sandbox.log" 2>&1 &
  SANDBOX=$!
  trap 'kill $SANDBOX 2>/dev/null; rm -rf "$WORK"' EXIT
  SB="http://127.0.0.1:$PORT"
  for _ in $(seq 50); do curl -sf "$SB/_sandbox/requests" >/dev/null && break; sleep 0.1; done
}
