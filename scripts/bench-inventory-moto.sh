#!/usr/bin/env bash
# `opskit inventory show -o json` against a plain boto3 script doing the same EC2
# Describe* calls (paginated, one after the other, as such scripts are written), on one
# moto account and region (release build). moto has no Direct Connect VIFs, so the EC2
# types only. Prints the median wall time of each over RUNS runs, their ratio, and
# opskit's peak RSS.
#   ./scripts/bench-inventory-moto.sh [RUNS] [INSTANCES]      # defaults: 5 runs, 200 instances
# Needs ./scripts/test.sh's .test-venv (moto server and boto3) and GNU time (/usr/bin/time).
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-5}
INSTANCES=${2:-200}
VENV=.test-venv
[ -x "$VENV/bin/moto_server" ] || { echo "no $VENV/bin/moto_server; run ./scripts/test.sh once" >&2; exit 2; }
. scripts/bench-lib.sh
PY="$VENV/bin/python"
PORT=$(free_port)
"$VENV/bin/moto_server" -H 127.0.0.1 -p "$PORT" >"$WORK/moto.log" 2>&1 &
MOTO=$!
trap 'kill $MOTO 2>/dev/null; rm -rf "$WORK"' EXIT
URL="http://127.0.0.1:$PORT"
for _ in $(seq 100); do curl -s -o /dev/null "$URL/moto-api/" && break; sleep 0.2; done


export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_DEFAULT_REGION=us-east-1 AWS_ENDPOINT_URL="$URL"
export AWS_EC2_METADATA_DISABLED=true AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null

echo "== seeding moto: $INSTANCES instances, with volumes, VPCs, subnets, security groups, EIPs, a NAT gateway"
"$PY" - "$URL" "$INSTANCES" <<'PY'
import sys, boto3
url, n = sys.argv[1], int(sys.argv[2])
ec2 = boto3.client("ec2", endpoint_url=url, region_name="us-east-1")
vpc = ec2.create_vpc(CidrBlock="10.0.0.0/16")["Vpc"]["VpcId"]
subnets = [ec2.create_subnet(VpcId=vpc, CidrBlock=f"10.0.{i * 4}.0/22", AvailabilityZone=f"us-east-1{'abc'[i % 3]}")["Subnet"]["SubnetId"] for i in range(6)]
sgs = []
for i in range(20):
    g = ec2.create_security_group(GroupName=f"sg-{i}", Description=f"group {i}", VpcId=vpc)["GroupId"]
    ec2.authorize_security_group_ingress(GroupId=g, IpPermissions=[{"IpProtocol": "tcp", "FromPort": 22 + i, "ToPort": 22 + i, "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}])
    sgs.append(g)
made = 0
while made < n:
    k = min(50, n - made)
    r = ec2.run_instances(ImageId="ami-1e749f67", MinCount=k, MaxCount=k, InstanceType="t3.micro",
                          SubnetId=subnets[(made // 50) % 6], SecurityGroupIds=[sgs[(made // 50) % 20]],
                          TagSpecifications=[{"ResourceType": "instance", "Tags": [{"Key": "Name", "Value": f"web-{made}"}]}])
    made += k
for i in range(n // 10):
    ec2.create_volume(AvailabilityZone="us-east-1a", Size=10 + i, VolumeType="gp3")
igw = ec2.create_internet_gateway()["InternetGateway"]["InternetGatewayId"]
ec2.attach_internet_gateway(InternetGatewayId=igw, VpcId=vpc)
for i in range(10):
    ec2.allocate_address(Domain="vpc")
eip = ec2.allocate_address(Domain="vpc")["AllocationId"]
ec2.create_nat_gateway(SubnetId=subnets[0], AllocationId=eip)
for s in subnets:
    rt = ec2.create_route_table(VpcId=vpc)["RouteTable"]["RouteTableId"]
    ec2.associate_route_table(RouteTableId=rt, SubnetId=s)
PY

cat >"$WORK/opskit.toml" <<TOML
[defaults]
state = "none"
[[accounts]]
name = "moto"
id = "123456789012"
regions = ["us-east-1"]
TOML

cat >"$WORK/plain.py" <<'PY'
# What a plain inventory script does: each Describe* call, paginated, one after the other.
import json, sys, boto3
ec2 = boto3.client("ec2", endpoint_url=sys.argv[1], region_name="us-east-1")
out = []
for op, key in [("describe_instances", "Reservations"), ("describe_volumes", "Volumes"), ("describe_vpcs", "Vpcs"),
                ("describe_subnets", "Subnets"), ("describe_security_groups", "SecurityGroups"),
                ("describe_nat_gateways", "NatGateways"), ("describe_route_tables", "RouteTables"),
                ("describe_internet_gateways", "InternetGateways")]:
    for page in ec2.get_paginator(op).paginate():
        out.extend(page[key])
out.extend(ec2.describe_addresses()["Addresses"])
json.dump(out, sys.stdout, default=str)
PY

TYPES=instance,volume,vpc,subnet,security-group,elastic-ip,nat-gateway,route-table,internet-gateway
count=$("$BIN" --config "$WORK/opskit.toml" inventory show -o json --resource-types "$TYPES" | "$PY" -c 'import json,sys; print(len(json.load(sys.stdin)))')
echo "opskit lists $count resources"

echo "== $RUNS runs each"
: >"$WORK/opskit.ms"; : >"$WORK/boto3.ms"
for _ in $(seq "$RUNS"); do
  s=$(now_ns); "$BIN" --config "$WORK/opskit.toml" inventory show -o json --resource-types "$TYPES" >/dev/null; e=$(now_ns)
  echo $(( (e - s) / 1000000 )) >>"$WORK/opskit.ms"
  s=$(now_ns); "$PY" "$WORK/plain.py" "$URL" >/dev/null; e=$(now_ns)
  echo $(( (e - s) / 1000000 )) >>"$WORK/boto3.ms"
done
o=$(median <"$WORK/opskit.ms"); b=$(median <"$WORK/boto3.ms")
echo "opskit inventory show -o json: median ${o} ms"
echo "boto3 script:                  median ${b} ms"
awk -v o="$o" -v b="$b" 'BEGIN {printf "ratio opskit/boto3: %.2f\n", o / b}'
/usr/bin/time -f "opskit peak RSS: %M kB" "$BIN" --config "$WORK/opskit.toml" inventory show -o json \
  --resource-types "$TYPES" >/dev/null
