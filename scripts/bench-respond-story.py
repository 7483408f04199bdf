"""The demo story's time to verified recovery, for scripts/bench-respond.sh.

Usage: bench-respond-story.py SANDBOX_URL WORKDIR OPSKIT_BIN RUNS

Scripts the sandbox's SSM like the demo (gather 400 ms, recover 600 ms, verify 300 ms after
the scenario's 2 s wait), pushes one disk-full alert per run into a fresh state, and reads
the execution back with `respond log --output json`: the figure is its end minus its start
(what the automation took), beside the push's own wall time.
"""
import datetime, http.client, json, os, re, statistics, subprocess, sys, time, urllib.parse

sb, work, binary, runs = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
u = urllib.parse.urlparse(sb)
ACCOUNT, REGION, WEB1 = "111122223333", "ap-northeast-1", "i-0c1a2b3c4d5e6f771"


def control(body):
    c = http.client.HTTPConnection(u.hostname, u.port)
    c.request("POST", "/_sandbox/ssm", json.dumps(body), {"content-type": "application/json"})
    r = c.getresponse()
    r.read()
    assert r.status == 200, r.status


def ts(s):
    """A jiff timestamp (nanoseconds, `Z`) as seconds."""
    s = re.sub(r"(\.\d{6})\d*", r"\1", s).replace("Z", "+00:00")
    return datetime.datetime.fromisoformat(s).timestamp()


ok = lambda out, ms: {"status": "Success", "stdout": out, "after_ms": ms}
control({"action": "script", "instance": "*", "contains": "df -h", "results": [ok("97% /\n", 400)]})
control({"action": "script", "instance": WEB1, "contains": "find /var/log/app", "results": [ok("14\n", 600)]})
control({"action": "script", "instance": WEB1, "contains": "test $(df", "results": [ok("", 300)]})

with open(f"{work}/aws-config", "w") as f:
    f.write(f"[profile acme]\naws_access_key_id = AKIASANDBOX{ACCOUNT}\naws_secret_access_key = x\n")
open(f"{work}/aws-credentials", "w").close()
env = dict(os.environ, AWS_CONFIG_FILE=f"{work}/aws-config", AWS_SHARED_CREDENTIALS_FILE=f"{work}/aws-credentials",
           AWS_ENDPOINT_URL=sb, AWS_EC2_METADATA_DISABLED="true")
alert = [{"key": f"disk/{WEB1}", "severity": "critical", "title": "Disk full on web-1", "account": ACCOUNT,
          "region": REGION, "resources": [WEB1]}]
recovery, wall = [], []
for r in range(runs):
    cfg = f"{work}/story-{r}.toml"
    with open(cfg, "w") as f:
        f.write(f'[defaults]\nstate = "{work}/story-{r}.db"\n[[accounts]]\nname = "acme"\nid = "{ACCOUNT}"\n'
                f'profile = "acme"\nregions = ["{REGION}"]\n[respond]\nbudget = "15s"\n'
                '[[scenarios]]\nname = "disk-full"\nsources = ["monitoring"]\nkeys = ["disk/*"]\nallow_recover = true\n'
                '[[scenarios.steps]]\nrole = "gather"\nssm = ["df -h /"]\n'
                '[[scenarios.steps]]\nrole = "recover"\nssm = ["find /var/log/app -name \'*.gz\' -delete -print | wc -l"]\n'
                '[[scenarios.steps]]\nrole = "verify"\nwait = "2s"\n'
                'ssm = ["test $(df --output=pcent / | tail -1 | tr -dc 0-9) -lt 90"]\n')
    t0 = time.monotonic()
    subprocess.run([binary, "--config", cfg, "findings", "push", "--source", "monitoring", "-"],
                   input=json.dumps(alert).encode(), env=env, check=True, stdout=subprocess.DEVNULL)
    wall.append((time.monotonic() - t0) * 1000)
    out = subprocess.run([binary, "--config", cfg, "respond", "log", "--output", "json"], env=env, check=True,
                         capture_output=True).stdout
    e = json.loads(out)[0]
    assert e["status"] == "recovered", e
    first = e["created"]
    last = e["ended"]
    recovery.append((ts(last) - ts(first)) * 1000)
print(f"demo story, finding to verified recovery (median of {runs}): {statistics.median(recovery):.0f} ms "
      f"(scripted: 400 + 600 + 2000 wait + 300 = 3300 ms of SSM time, plus polling), "
      f"push wall time {statistics.median(wall):.0f} ms")
