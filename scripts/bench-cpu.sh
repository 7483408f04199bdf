#!/usr/bin/env bash
# The CPU cost of `mail parse` and `inventory show` in instructions (valgrind's callgrind),
# for two or more release binaries: repeatable whatever else the machine is doing, so
# profile settings (opt-level, LTO) can be compared while other builds run.
#   ./scripts/bench-cpu.sh OLD_BIN NEW_BIN [MORE_BINS...]
# `mail parse -o jsonl` of a 1,000-mail (~10 MB) mbox built from tests/fixtures/mail, and
# `inventory show -o json` of one moto account and region seeded with 100 instances and
# their volumes, VPCs, subnets and security groups. Prints each binary's instruction
# count and its ratio to the first binary's (below 1: fewer instructions, faster).
# Needs valgrind and ./scripts/test.sh's .test-venv (moto server and boto3).
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 2 ] || { echo "usage: $0 OLD_BIN NEW_BIN [MORE_BINS...]" >&2; exit 2; }
command -v valgrind >/dev/null || { echo "valgrind not found: apt-get install valgrind" >&2; exit 2; }
VENV=.test-venv
[ -x "$VENV/bin/moto_server" ] || { echo "no $VENV/bin/moto_server; run ./scripts/test.sh once" >&2; exit 2; }
WORK=$(mktemp -d)
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
PORT=$(free_port)
"$VENV/bin/moto_server" -H 127.0.0.1 -p "$PORT" >"$WORK/moto.log" 2>&1 &
MOTO=$!
trap 'kill $MOTO 2>/dev/null; rm -rf "$WORK"' EXIT
URL="http://127.0.0.1:$PORT"

python3 - "$WORK/mail.mbox" tests/fixtures/mail <<'PY'
import os, sys
out, fixtures = sys.argv[1], sys.argv[2]
mails = [open(os.path.join(fixtures, f), "rb").read() for f in sorted(os.listdir(fixtures)) if f.endswith(".eml")]
filler = b"".join(b"Routine maintenance filler line %05d so that a mail weighs about ten kilobytes.\n" % i for i in range(120))
with open(out, "wb") as f:
    for i in range(1000):
        f.write(b"From MAILER-DAEMON Mon Nov 23 00:00:00 2026\n")
        for line in (mails[i % len(mails)] + b"\n" + filler).splitlines(keepends=True):
            f.write(b">" + line if line.startswith(b"From ") else line)
        f.write(b"\n")
PY

for _ in $(seq 100); do curl -s -o /dev/null "$URL/moto-api/" && break; sleep 0.2; done
export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_DEFAULT_REGION=us-east-1 AWS_ENDPOINT_URL="$URL"
export AWS_EC2_METADATA_DISABLED=true AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null
"$VENV/bin/python" - "$URL" <<'PY'
import sys, boto3
ec2 = boto3.client("ec2", endpoint_url=sys.argv[1], region_name="us-east-1")
vpc = ec2.create_vpc(CidrBlock="10.0.0.0/16")["Vpc"]["VpcId"]
subnet = ec2.create_subnet(VpcId=vpc, CidrBlock="10.0.0.0/20")["Subnet"]["SubnetId"]
sgs = [ec2.create_security_group(GroupName=f"sg-{i}", Description=f"group {i}", VpcId=vpc)["GroupId"] for i in range(10)]
for i in range(10):
    ec2.run_instances(ImageId="ami-12c6146b", MinCount=10, MaxCount=10, InstanceType="t3.micro", SubnetId=subnet,
                      SecurityGroupIds=[sgs[i]], TagSpecifications=[{"ResourceType": "instance", "Tags": [{"Key": "Name", "Value": f"web-{i}"}]}])
PY
cat > "$WORK/opskit.toml" <<TOML
[defaults]
state = "none"
[[accounts]]
name = "bench"
id = "123456789012"
regions = ["us-east-1"]
TOML

# moto has no Direct Connect: the EC2 types only.
EC2_TYPES=instance,volume,vpc,subnet,security-group,elastic-ip,nat-gateway,route-table,internet-gateway

# Instructions of one run of "$@" (callgrind's total), its stdout kept to compare the binaries' answers.
instructions() {
  valgrind --tool=callgrind --callgrind-out-file="$WORK/cg.out" "$@" >"$WORK/out" 2>"$WORK/vg.log" \
    || { echo "failed: $*" >&2; grep -v "^==" "$WORK/vg.log" | tail -5 >&2; exit 1; }
  grep -E '^(summary|totals):' "$WORK/cg.out" | head -1 | awk '{print $2}'
}

for what in mail inventory; do
  echo "== $what"
  first=
  for bin in "$@"; do
    if [ "$what" = mail ]; then
      n=$(instructions "$bin" mail parse "$WORK/mail.mbox" -o jsonl)
    else
      n=$(OPSKIT_CONFIG="$WORK/opskit.toml" instructions "$bin" inventory show -o json --timeout 10m --resource-types "$EC2_TYPES")
    fi
    lines=$(wc -l < "$WORK/out")
    first=${first:-$n}
    awk -v b="$bin" -v n="$n" -v f="$first" -v l="$lines" 'BEGIN {printf "  %-50s %14.0f instructions  ratio %.3f  (%d lines out)\n", b, n, n/f, l}'
  done
done
