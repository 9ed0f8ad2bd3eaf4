"""Factories and local servers of the respond tests (a module, because conftest is not importable).

Every server listens on 127.0.0.1 only; HTTPS uses the self-signed test certificate in `data/`.
"""

from __future__ import annotations

import socket
import ssl
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from schemas import (
    Author,
    Category,
    ClassifiedEvent,
    Platform,
    Reason,
    RoutedItem,
    Severity,
    SocialEvent,
    Verb,
)
from services.respond.decide import RespondConfig
from services.respond.faq import load_faq
from services.respond.policy import RespondPolicy, build_policy
from services.route.policy import TenantPolicy
from services.route.routing import route

DATA = Path(__file__).parent / "data"
CERT = DATA / "localhost-cert.pem"
KEY = DATA / "localhost-key.pem"
NOW = datetime(2030, 1, 1, tzinfo=UTC)  # processing time: unrelated to event times on purpose

SEVERITY = {
    Category.THREAT: Severity.CRITICAL,
    Category.HATE: Severity.HIGH,
    Category.HARASSMENT: Severity.MEDIUM,
    Category.INSULT: Severity.MEDIUM,
    Category.SPAM: Severity.LOW,
    Category.COMPLAINT: Severity.MEDIUM,
    Category.QUESTION: Severity.LOW,
    Category.PRAISE: Severity.NONE,
    Category.NEUTRAL: Severity.NONE,
}


def client_ssl_context() -> ssl.SSLContext:
    return ssl.create_default_context(cafile=str(CERT))


class _CountingServer(ThreadingHTTPServer):
    hits: dict[str, int]


class _Handler(BaseHTTPRequestHandler):
    """200 everywhere except: /missing 404, /boom 500, /moved 301, /no-head 405 on HEAD only."""

    server: _CountingServer

    def _answer(self, body: bool) -> None:
        key = f"{self.command} {self.path}"
        self.server.hits[key] = self.server.hits.get(key, 0) + 1
        code = {"/missing": 404, "/boom": 500, "/moved": 301}.get(self.path, 200)
        if self.path == "/no-head" and self.command == "HEAD":
            code = 405
        self.send_response(code)
        if code == 301:
            self.send_header("Location", "/elsewhere")
        self.send_header("Content-Length", "2" if body else "0")
        self.end_headers()
        if body:
            self.wfile.write(b"ok")

    def do_HEAD(self) -> None:
        self._answer(body=False)

    def do_GET(self) -> None:
        self._answer(body=True)

    def log_message(self, format: str, *args: object) -> None:
        pass


class LocalSite:
    def __init__(self, server: _CountingServer) -> None:
        self.server = server
        self.base = f"https://127.0.0.1:{server.server_address[1]}"

    @property
    def hits(self) -> dict[str, int]:
        return self.server.hits

    def url(self, path: str) -> str:
        return self.base + path


@contextmanager
def https_site() -> Iterator[LocalSite]:
    server = _CountingServer(("127.0.0.1", 0), _Handler)
    server.hits = {}
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(CERT, KEY)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield LocalSite(server)
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def silent_server() -> Iterator[str]:
    """Accepts connections and never says a word: a request to it can only time out."""
    listener = socket.create_server(("127.0.0.1", 0))
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        listener.settimeout(0.1)
        while not stop.is_set():
            try:
                held.append(listener.accept()[0])
            except TimeoutError:
                continue
            except OSError:
                return

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield f"https://127.0.0.1:{listener.getsockname()[1]}/page"
    finally:
        stop.set()
        thread.join()
        for conn in held:
            conn.close()
        listener.close()


def closed_port_url() -> str:
    with socket.create_server(("127.0.0.1", 0)) as probe:
        port = probe.getsockname()[1]
    return f"https://127.0.0.1:{port}/page"  # nothing listens there any more: connection refused


def respond_policy(
    site: LocalSite,
    tenant: str = "default",
    timezone: str = "America/Toronto",
    locale: str = "fr-CA",
    **override: object,
) -> RespondPolicy:
    data = {"site_url": site.base, "contact_url": site.url("/nous-joindre"), **override}
    return build_policy(tenant, data, timezone=timezone, locale=locale)


def respond_config(policy: RespondPolicy) -> RespondConfig:
    return RespondConfig(policy, {lang: load_faq(policy.tenant, lang) for lang in policy.languages})


def classified(
    category: Category,
    created_at: str | datetime,
    *,
    text: str = "...",
    lang: str = "fr",
    tenant: str = "default",
    author: str | None = "Marie Tremblay",
    object_id: str = "c-1",
    platform: Platform = Platform.FACEBOOK,
    crisis: bool = False,
    verb: Verb = Verb.ADD,
    own: bool = False,
    severity: Severity | None = None,
) -> ClassifiedEvent:
    when = datetime.fromisoformat(created_at) if isinstance(created_at, str) else created_at
    event = SocialEvent(
        event_id=SocialEvent.make_id(platform, object_id, verb, when.isoformat()),
        tenant=tenant,
        platform=platform,
        verb=verb,
        object_id=object_id,
        thread_id="post-1",
        author=Author(id="a-1", display_name=author),
        text=text,
        created_at=when,
        received_at=when,
        is_own_reply=own,
    )
    severity = severity or SEVERITY[category]
    return ClassifiedEvent(
        event=event,
        lang=lang,
        category=category,
        severity=severity,
        base_severity=severity,
        reasons=[Reason(kind="lexicon", detail=f"matched a {category} term", category=category)],
        crisis=crisis,
        model_version="test",
        classified_at=when,
    )


def routed(
    route_policy: TenantPolicy, category: Category, created_at: str | datetime, **kwargs: object
) -> RoutedItem:
    """A queue record exactly as the route stage produces it (its calendar, its SLA)."""
    return route(classified(category, created_at, **kwargs), route_policy, now=NOW)  # type: ignore[arg-type]
