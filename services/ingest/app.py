"""Ingest HTTP service (aiohttp): platform webhooks and the canonical API → social.events.v1.

aiohttp because Faust already depends on it (no second web stack), it gives the raw body needed for
HMAC checks, and its request size limit yields the 413. The decisions (signatures, normalisation)
are the pure functions in `signatures` and `normalize`; this module only wires HTTP to Kafka.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from aiohttp import web
from prometheus_client import CONTENT_TYPE_LATEST, Counter, Histogram, generate_latest

from schemas import AuditEvent, DeadLetter, SocialEvent, Stage, stable_id, utc_now
from schemas.topics import INGEST_DLQ, MODERATION_AUDIT, SOCIAL_EVENTS
from services.runtime.kafka import DeliveryError, OutRecord, ReliableProducer, new_trace, trace_id_of
from services.runtime.logs import setup_logging
from services.runtime.metrics import DEAD_LETTERS, LATENCY_BUCKETS, UP
from services.runtime.service import kafka_ready
from services.runtime.settings import Settings, get_settings

from . import signatures
from .normalize import (
    NormalisationError,
    normalise_canonical,
    normalise_meta,
    normalise_wordpress,
    normalise_x,
)
from .tenants import SecretName, TenantRegistry, load_registry, secrets_by_tenant

SERVICE = "ingest"
log = logging.getLogger(__name__)

REQUESTS = Counter(
    "vigie_ingest_requests_total", "Ingest HTTP requests by source and outcome.", ["platform", "outcome"]
)
SIGNATURE_FAILURES = Counter(
    "vigie_ingest_signature_failures_total",
    "Requests rejected for their signature or token.",
    ["platform", "outcome"],
)
EVENTS = Counter(
    "vigie_ingest_events_total",
    "Events accepted, by outcome (produced, duplicate).",
    ["tenant", "platform", "outcome"],
)
REQUEST_SECONDS = Histogram(
    "vigie_ingest_request_seconds",
    "Ingest request latency, broker acknowledgement included.",
    ["platform"],
    buckets=LATENCY_BUCKETS,
)

Normaliser = Callable[[Any, TenantRegistry, datetime], list[SocialEvent]]


@dataclass(frozen=True)
class WebhookSource:
    """One platform's webhook: which header signs it, with which tenant secret, how to normalise it."""

    name: str  # metric label: meta, x, wordpress
    header: str
    secret_name: SecretName
    verify: Callable[[bytes, str | None, str | None], None]
    normalise: Normaliser


META = WebhookSource("meta", "X-Hub-Signature-256", "meta_app_secret", signatures.verify_meta, normalise_meta)
X = WebhookSource("x", "x-twitter-webhooks-signature", "x_consumer_secret", signatures.verify_x, normalise_x)
WORDPRESS = WebhookSource(
    "wordpress", "X-Vigie-Signature", "wordpress_secret", signatures.verify_wordpress, normalise_wordpress
)


class RecentIds:
    """Event ids whose records the broker acknowledged lately: platform retries are counted, not re-sent."""

    def __init__(self, size: int = 100_000) -> None:
        self.size = size
        self._ids: OrderedDict[str, None] = OrderedDict()

    def __contains__(self, event_id: str) -> bool:
        return event_id in self._ids

    def add(self, event_id: str) -> None:
        self._ids[event_id] = None
        self._ids.move_to_end(event_id)
        while len(self._ids) > self.size:
            self._ids.popitem(last=False)


class Rejected(Exception):
    def __init__(self, status: int, outcome: str, reason: str, tenant: str = "unknown") -> None:
        super().__init__(reason)
        self.status, self.outcome, self.reason, self.tenant = status, outcome, reason, tenant


def request_audit(source: str, body: bytes, outcome: str, reason: str, tenant: str) -> AuditEvent:
    """Audit of a rejected request: its subject is the body's hash (there is no event id)."""
    subject = stable_id("request", source, body)
    return AuditEvent(
        audit_id=AuditEvent.make_id(Stage.INGEST, subject, f"rejected:{outcome}"),
        stage=Stage.INGEST,
        subject_event_id=subject,
        tenant=tenant,
        decision="rejected",
        outcome=outcome,
        details={"source": source, "reason": reason, "bytes": len(body)},
        occurred_at=utc_now(),
    )


def accepted_audit(event: SocialEvent, outcome: str, trace: str) -> AuditEvent:
    return AuditEvent.about(
        event,
        Stage.INGEST,
        "accepted",
        outcome,
        details={
            "verb": event.verb.value,
            "kind": event.kind.value,
            "own_reply": event.is_own_reply,
            "source": event.source,
        },
        occurred_at=event.received_at,
        trace_id=trace_id_of(trace),
    )


class IngestApp:
    def __init__(self, settings: Settings, registry: TenantRegistry | None = None) -> None:
        self.settings = settings
        self.registry = registry or load_registry(settings=settings)
        self.producer = ReliableProducer(settings, SERVICE)
        self.recent = RecentIds()
        self.kafka_check = kafka_ready(settings)

    def build(self) -> web.Application:
        app = web.Application(client_max_size=self.settings.ingest_max_body_bytes)
        app.router.add_post("/v1/events", self.canonical)
        app.router.add_get("/webhooks/meta", self.meta_verify)
        app.router.add_post("/webhooks/meta", self.webhook(META))
        app.router.add_get("/webhooks/x", self.x_crc)
        app.router.add_post("/webhooks/x", self.webhook(X))
        app.router.add_post("/webhooks/wordpress", self.webhook(WORDPRESS))
        app.router.add_get("/metrics", self.metrics)
        app.router.add_get("/healthz", self.healthz)
        app.router.add_get("/readyz", self.readyz)
        app.on_cleanup.append(self._close)
        return app

    async def _close(self, _app: web.Application) -> None:
        await asyncio.to_thread(self.producer.close, self.settings.drain_timeout_seconds)

    # -- endpoints -----------------------------------------------------------------------------------------
    async def canonical(self, request: web.Request) -> web.Response:
        async def authenticate(body: bytes) -> set[str]:
            tokens = secrets_by_tenant(self.registry, "api_token", self.settings)
            return {signatures.authenticate_bearer(request.headers.get("Authorization"), tokens)}

        def normalise(payload: Any, tenants: set[str], received_at: datetime) -> list[SocialEvent]:
            return normalise_canonical(payload, self.registry, received_at, tenant=next(iter(tenants)))

        return await self._handle(request, "api", authenticate, normalise)

    def webhook(self, source: WebhookSource) -> Callable[[web.Request], Any]:
        async def handler(request: web.Request) -> web.Response:
            async def authenticate(body: bytes) -> set[str]:
                return self._tenants_signing(source, body, request.headers.get(source.header))

            def normalise(payload: Any, tenants: set[str], received_at: datetime) -> list[SocialEvent]:
                events = source.normalise(payload, self.registry, received_at)
                if any(e.tenant not in tenants for e in events):
                    # Signed with one tenant's secret but about another tenant's page: not trusted.
                    raise signatures.SignatureError(signatures.SignatureFailure.MISMATCH)
                return events

            return await self._handle(request, source.name, authenticate, normalise)

        return handler

    def _tenants_signing(self, source: WebhookSource, body: bytes, header: str | None) -> set[str]:
        """Tenants whose secret verifies the body (several tenants may share one platform app)."""
        configured = {
            t: s for t, s in secrets_by_tenant(self.registry, source.secret_name, self.settings).items() if s
        }
        if not configured:
            raise signatures.SignatureError(signatures.SignatureFailure.NO_SECRET)
        matched, failure = set(), None
        for tenant, secret in configured.items():  # every secret is tried: no early exit on a match
            try:
                source.verify(body, header, secret)
                matched.add(tenant)
            except signatures.SignatureError as exc:
                failure = exc
        if not matched:
            raise failure or signatures.SignatureError(signatures.SignatureFailure.MISMATCH)
        return matched

    async def meta_verify(self, request: web.Request) -> web.Response:
        """Meta's subscription handshake: echo hub.challenge when hub.verify_token is one of ours."""
        q = request.query
        token = q.get("hub.verify_token", "")
        tokens = [
            t for t in secrets_by_tenant(self.registry, "meta_verify_token", self.settings).values() if t
        ]
        if (
            q.get("hub.mode") == "subscribe"
            and token
            and any(hmac.compare_digest(token.encode(), t.encode()) for t in tokens)
        ):
            REQUESTS.labels("meta", "verified").inc()
            return web.Response(text=q.get("hub.challenge", ""))
        REQUESTS.labels("meta", "verify_refused").inc()
        return web.json_response({"error": "verification refused"}, status=403)

    async def x_crc(self, request: web.Request) -> web.Response:
        crc = request.query.get("crc_token")
        if not crc:
            return web.json_response({"error": "crc_token query parameter required"}, status=400)
        tenant = request.query.get("tenant")
        secrets = {
            t: s for t, s in secrets_by_tenant(self.registry, "x_consumer_secret", self.settings).items() if s
        }
        secret = secrets.get(tenant) if tenant else next(iter(secrets.values()), None)
        if secret is None:
            return web.json_response({"error": "no X consumer secret configured"}, status=404)
        REQUESTS.labels("x", "crc").inc()
        return web.json_response(signatures.x_crc_response(crc, secret))

    async def metrics(self, _request: web.Request) -> web.Response:
        return web.Response(body=generate_latest(), headers={"Content-Type": CONTENT_TYPE_LATEST})

    async def healthz(self, _request: web.Request) -> web.Response:
        return web.Response(text="ok\n")

    async def readyz(self, _request: web.Request) -> web.Response:
        ok, why = await asyncio.to_thread(self.kafka_check)
        return web.Response(text=why + "\n", status=200 if ok else 503)

    # -- the one request pipeline ---------------------------------------------------------------------------
    async def _handle(
        self,
        request: web.Request,
        source: str,
        authenticate: Callable[[bytes], Any],
        normalise: Callable[[Any, set[str], datetime], list[SocialEvent]],
    ) -> web.Response:
        started = time.perf_counter()
        received_at = utc_now()
        body = b""
        try:
            try:
                body = await request.read()
            except web.HTTPRequestEntityTooLarge as exc:
                raise Rejected(
                    413, "too_large", f"body over {self.settings.ingest_max_body_bytes} bytes"
                ) from exc
            try:
                tenants = await authenticate(body)
            except signatures.SignatureError as exc:
                SIGNATURE_FAILURES.labels(source, exc.failure.value).inc()
                raise Rejected(401, "unauthorized", str(exc)) from exc
            try:
                payload = json.loads(body)
            except (UnicodeDecodeError, json.JSONDecodeError) as exc:
                raise Rejected(400, "malformed_json", f"body is not valid JSON: {exc}") from exc
            try:
                events = normalise(payload, tenants, received_at)
            except signatures.SignatureError as exc:
                SIGNATURE_FAILURES.labels(source, exc.failure.value).inc()
                raise Rejected(401, "unauthorized", str(exc)) from exc
            except NormalisationError as exc:
                await self._dead_letter(source, body, exc, next(iter(tenants)))
                raise Rejected(422, "unprocessable", exc.reason, next(iter(tenants))) from exc
            response = await self._produce(request, source, events)
        except Rejected as rejection:
            response = await self._reject(source, body, rejection)
        except DeliveryError as exc:
            log.warning(
                "kafka unavailable, asking the platform to retry", extra={"source": source, "error": str(exc)}
            )
            REQUESTS.labels(source, "unavailable").inc()
            response = web.json_response(
                {"error": "event bus unavailable, retry later"}, status=503, headers={"Retry-After": "5"}
            )
        REQUEST_SECONDS.labels(source).observe(time.perf_counter() - started)
        return response

    async def _produce(self, request: web.Request, source: str, events: list[SocialEvent]) -> web.Response:
        trace = request.headers.get("traceparent") or new_trace()
        fresh = {e.event_id for e in events if e.event_id not in self.recent}
        records: list[OutRecord] = []
        for event in events:
            outcome = "produced" if event.event_id in fresh else "duplicate"
            if outcome == "produced":
                records.append(
                    OutRecord.of(SOCIAL_EVENTS, event, event.key, trace=trace, received_at=event.received_at)
                )
            records.append(
                OutRecord.of(
                    MODERATION_AUDIT, accepted_audit(event, outcome, trace), event.event_id, trace=trace
                )
            )
        await asyncio.to_thread(self.producer.send_all, records, timeout=10.0)
        for event in events:
            outcome = "produced" if event.event_id in fresh else "duplicate"
            EVENTS.labels(event.tenant, event.platform.value, outcome).inc()
            self.recent.add(event.event_id)
        REQUESTS.labels(source, "accepted").inc()
        return web.json_response(
            {
                "accepted": len(fresh),
                "duplicates": len(events) - len(fresh),
                "event_ids": [e.event_id for e in events],
            }
        )

    async def _dead_letter(self, source: str, body: bytes, error: NormalisationError, tenant: str) -> None:
        """The original bytes go to the ingest dead-letter topic before we answer 422."""
        letter = DeadLetter.for_failure(
            error,
            original_topic=f"webhook:{source}",
            consumer_group=f"vigie-{SERVICE}",
            key=tenant.encode(),
            value=body,
        )
        await asyncio.to_thread(
            self.producer.send_all,
            [OutRecord(INGEST_DLQ.name, letter.key, letter.value, letter.headers())],
            timeout=10.0,
        )
        DEAD_LETTERS.labels(SERVICE).inc()

    async def _reject(self, source: str, body: bytes, rejection: Rejected) -> web.Response:
        REQUESTS.labels(source, rejection.outcome).inc()
        log.info(
            "request rejected",
            extra={"source": source, "status": rejection.status, "outcome": rejection.outcome},
        )
        audit = request_audit(source, body, rejection.outcome, rejection.reason, rejection.tenant)
        try:  # an audit of a rejection must not turn a 4xx into a 503
            await asyncio.to_thread(
                self.producer.send_all,
                [OutRecord.of(MODERATION_AUDIT, audit, audit.subject_event_id)],
                timeout=5.0,
            )
        except DeliveryError:
            log.warning("audit of a rejected request not delivered", extra={"source": source})
        return web.json_response({"error": rejection.reason}, status=rejection.status)


def main() -> None:
    settings = get_settings()
    setup_logging(SERVICE, settings.log_level, settings.log_format)
    app = IngestApp(settings).build()
    UP.labels(SERVICE).set(1)
    port = settings.port_for(SERVICE)
    log.info("ingest listening", extra={"host": settings.http_host, "port": port})
    # aiohttp handles SIGTERM/SIGINT: stops accepting, finishes in-flight requests, runs cleanup (flush).
    web.run_app(
        app,
        host=settings.http_host,
        port=port,
        print=None,
        shutdown_timeout=settings.drain_timeout_seconds,
        access_log=None,
    )
