"""A stand-in OTLP/HTTP collector and webhook receiver for the demo's secret scan.

OTLP exports (POST /v1/traces, /v1/logs, /v1/metrics, protobuf) are appended raw to DIR/<signal>.otlp: protobuf keeps
strings as UTF-8 bytes, so a secret in a span attribute or a log record is found by a byte search without decoding.
POST /hook/... (an alert webhook) is appended with its headers, without its path, to DIR/webhooks.log and answered 200.
Usage: python3 telemetry_sink.py PORT DIR
"""
import os
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

SIGNALS = {"/v1/traces": "traces", "/v1/logs": "logs", "/v1/metrics": "metrics"}
lock = threading.Lock()


class Sink(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        path = self.path.split("?", 1)[0]
        if path in SIGNALS:
            self.append(SIGNALS[path] + ".otlp", body)
            self.answer(200, "application/x-protobuf")
        elif path.startswith("/hook/"):
            # The path is the receiver's own credential (as in a Teams or Slack URL): not kept.
            self.append("webhooks.log", f"POST /hook/[redacted]\n{self.headers}".encode() + body + b"\n\n")
            self.answer(200, "text/plain")
        else:
            self.answer(404, "text/plain")

    def append(self, name, data):
        with lock, open(os.path.join(sys.argv[2], name), "ab") as f:
            f.write(data)

    def answer(self, status, content_type):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


if __name__ == "__main__":
    os.makedirs(sys.argv[2], exist_ok=True)
    ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Sink).serve_forever()
