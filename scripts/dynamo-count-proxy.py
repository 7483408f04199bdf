"""A counting HTTP proxy for DynamoDB requests, for ./scripts/bench-state.sh.

moto keeps no request log, so the bench sends opskit through this proxy to count the
DynamoDB operations a run makes (by the X-Amz-Target header each JSON-protocol request
carries). It forwards every request to the upstream unchanged.

    python dynamo-count-proxy.py LISTEN_PORT UPSTREAM_URL
    GET  /__counts   -> {"BatchWriteItem": 400, ...}
    POST /__reset    -> clears the counts

Loopback only; stops when killed.
"""

import collections
import http.client
import http.server
import json
import sys
import threading
import urllib.parse

LISTEN = int(sys.argv[1])
UPSTREAM = urllib.parse.urlsplit(sys.argv[2])
COUNTS = collections.Counter()
LOCK = threading.Lock()
LOCAL = threading.local()


def upstream():
    conn = getattr(LOCAL, "conn", None)
    if conn is None:
        conn = http.client.HTTPConnection(UPSTREAM.hostname, UPSTREAM.port, timeout=120)
        LOCAL.conn = conn
    return conn


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def reply(self, status, body, headers=()):
        self.send_response(status)
        for k, v in headers:
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        if self.path == "/__counts":
            with LOCK:
                body = json.dumps(dict(COUNTS), sort_keys=True).encode()
            return self.reply(200, body, [("Content-Type", "application/json")])
        self.forward()

    def do_POST(self):
        if self.path == "/__reset":
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            with LOCK:
                COUNTS.clear()
            return self.reply(200, b"{}")
        self.forward()

    def forward(self):
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        target = self.headers.get("X-Amz-Target", "")
        if target:
            with LOCK:
                COUNTS[target.split(".")[-1]] += 1
        headers = {k: v for k, v in self.headers.items() if k.lower() not in ("connection", "keep-alive")}
        for attempt in range(2):
            conn = upstream()
            try:
                conn.request(self.command, self.path, body=body, headers=headers)
                resp = conn.getresponse()
                data = resp.read()
                break
            except (http.client.HTTPException, OSError):
                conn.close()
                LOCAL.conn = None
                if attempt:
                    raise
        passed = [(k, v) for k, v in resp.getheaders() if k.lower() not in ("content-length", "transfer-encoding", "connection")]
        self.reply(resp.status, data, passed)


http.server.ThreadingHTTPServer.daemon_threads = True
http.server.ThreadingHTTPServer(("127.0.0.1", LISTEN), Handler).serve_forever()
