"""The small HTTP endpoint every service exposes: /metrics, /healthz (alive), /readyz (dependencies up).

Stream processors run it on a background thread; ingest mounts the same handlers on its aiohttp app.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

log = logging.getLogger(__name__)

ReadinessCheck = Callable[[], tuple[bool, str]]


class HealthServer:
    """/healthz answers 200 while the process lives; /readyz runs `ready` (e.g. broker/DB reachable)."""

    def __init__(self, host: str, port: int, ready: ReadinessCheck) -> None:
        self.ready = ready
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                if self.path == "/metrics":
                    self._send(200, generate_latest(), CONTENT_TYPE_LATEST)
                elif self.path == "/healthz":
                    self._send(200, b"ok\n")
                elif self.path == "/readyz":
                    ok, why = outer.ready()
                    self._send(200 if ok else 503, (why + "\n").encode())
                else:
                    self._send(404, b"not found\n")

            def _send(self, status: int, body: bytes, ctype: str = "text/plain; charset=utf-8") -> None:
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: object) -> None:  # scrapes are not worth a log line
                pass

        self.server = ThreadingHTTPServer((host, port), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, name="health", daemon=True)

    @property
    def port(self) -> int:
        return self.server.server_address[1]

    def start(self) -> HealthServer:
        self.thread.start()
        log.info("http endpoint up", extra={"port": self.port, "paths": ["/metrics", "/healthz", "/readyz"]})
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
