"""Classify service: social.events.v1 → social.classified.v1 (Faust, escalation state in tables).

Two agents, because the two escalation windows are keyed differently:

1. `by_thread` reads social.events.v1 (keyed by thread). The organisation's own replies become
   HandledSignals on moderation.handled.v1. Everything else is classified, the pile-on window of its
   thread (table `threads`) is applied, and the result is re-keyed by author onto an internal topic.
2. `by_author` reads that topic (keyed by author), applies the repeat-offender window (table `authors`)
   and produces the final ClassifiedEvent (keyed by thread again) and its audit event.

Tables are changelog-backed (Faust's memory store rebuilt from the changelog on start), and each table
is co-partitioned with the stream that updates it, so a restart or a rebalance loses no window.

Delivery: events are taken in batches; every output of a batch is awaited until the broker acknowledged
it before the batch is acked, so Faust only commits input offsets whose outputs are safe (one broker
round trip per batch, not per record). A record that cannot be parsed or classified
is dead-lettered with its original bytes *before* the ack (Faust would otherwise ack a failed event).
A redelivered event is harmless: the windows ignore event ids they already hold, ids are deterministic.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import Any

import faust
from faust.types import EventT
from prometheus_client import Counter

from schemas import AuditEvent, ClassifiedEvent, DeadLetter, SocialEvent, Stage, VigieRecord, utc_now
from schemas.topics import (
    CLASSIFY_BY_AUTHOR,
    MODERATION_AUDIT,
    MODERATION_HANDLED,
    SOCIAL_CLASSIFIED,
    SOCIAL_EVENTS,
    dead_letter_topic,
)
from services.runtime.http import HealthServer
from services.runtime.kafka import RECEIVED_HEADER, SCHEMA_HEADER, TRACE_HEADER, new_trace, trace_id_of
from services.runtime.logs import setup_logging
from services.runtime.metrics import CONSUMER_LAG, DEAD_LETTERS, PIPELINE_LATENCY, RECORDS_CONSUMED, UP
from services.runtime.service import kafka_ready
from services.runtime.settings import Settings, get_settings

from .classifier import Classifier
from .config import ClassifyConfig, EscalationConfig
from .escalation import (
    AuthorState,
    ThreadState,
    apply_pile_on,
    apply_repeat_offender,
    author_state_key,
    crisis_audit_event,
    handled_signal_for,
)

SERVICE = "classify"
GROUP = f"vigie-{SERVICE}"
BY_AUTHOR_TOPIC = CLASSIFY_BY_AUTHOR
BATCH_SIZE = 500
BATCH_WAIT_SECONDS = 0.05
LAG_SECONDS = 10.0
Pending = list[Awaitable[Any]]
log = logging.getLogger(__name__)

CLASSIFIED = Counter(
    "vigie_classify_events_total",
    "Comments classified, by final category and severity.",
    ["tenant", "platform", "category", "severity", "lang"],
)
ESCALATIONS = Counter("vigie_classify_escalations_total", "Severity raises applied.", ["tenant", "outcome"])
CRISES = Counter("vigie_classify_crises_total", "Pile-ons that flagged a thread as a crisis.", ["tenant"])
OWN_REPLIES = Counter(
    "vigie_classify_own_replies_total", "Own replies turned into handled signals.", ["tenant"]
)


def classified_audit(classified: ClassifiedEvent, trace: str | None) -> AuditEvent:
    event = classified.event
    return AuditEvent.about(
        event,
        Stage.CLASSIFY,
        "classified",
        "escalated" if classified.escalations else "ok",
        details={
            "lang": classified.lang,
            "category": classified.category.value,
            "severity": classified.severity.value,
            "base_severity": classified.base_severity.value,
            "scores": {k.value: round(v, 4) for k, v in classified.scores.items()},
            "reasons": [r.model_dump(mode="json") for r in classified.reasons],
            "escalations": [e.model_dump(mode="json") for e in classified.escalations],
            "crisis": classified.crisis,
            "model_version": classified.model_version,
        },
        occurred_at=classified.classified_at,
        trace_id=trace_id_of(trace),
    )


def own_reply_audit(event: SocialEvent, trace: str | None) -> AuditEvent:
    return AuditEvent.about(
        event,
        Stage.CLASSIFY,
        "own_reply",
        "ok",
        details={"answers": event.parent_id},
        occurred_at=utc_now(),
        trace_id=trace_id_of(trace),
    )


def _headers(event: EventT) -> dict[str, bytes]:
    return {k: v for k, v in (event.headers or {}).items() if isinstance(v, bytes)}


def build_app(settings: Settings) -> faust.App:
    brokers = [f"kafka://{host}" for host in settings.kafka_bootstrap.split(",")]
    (settings.state_dir / SERVICE).mkdir(parents=True, exist_ok=True)
    app = faust.App(
        GROUP,
        broker=brokers,
        store="memory://",  # rebuilt from the changelog topics on start: no local disk state to lose
        datadir=str(settings.state_dir / SERVICE),
        web_enabled=False,  # /metrics, /healthz, /readyz come from the shared HealthServer
        topic_replication_factor=1 if len(brokers) == 1 else 3,
        topic_partitions=6,
        producer_acks=-1,
        consumer_auto_offset_reset="earliest",
        broker_session_timeout=settings.kafka_session_timeout_ms / 1000,
        table_cleanup_interval=60.0,
        # The worker reconfigures logging at start: keep our JSON handler instead of its console one.
        logging_config={
            "version": 1,
            "disable_existing_loggers": False,
            "root": {"level": settings.log_level},
        },
        loghandlers=list(logging.getLogger().handlers),
    )
    raw = {"key_type": bytes, "value_type": bytes, "key_serializer": "raw", "value_serializer": "raw"}
    events_topic = app.topic(SOCIAL_EVENTS, **raw)  # type: ignore[arg-type]
    by_author_topic = app.topic(BY_AUTHOR_TOPIC, partitions=6, internal=True, **raw)  # type: ignore[arg-type]
    outputs = {
        name: app.topic(name, **raw)  # type: ignore[arg-type]
        for name in (
            SOCIAL_CLASSIFIED,
            MODERATION_HANDLED,
            MODERATION_AUDIT,
            dead_letter_topic(SOCIAL_EVENTS),
        )
    }
    threads = app.Table("threads", default=None, partitions=6)
    authors = app.Table("authors", default=None, partitions=6)
    classifier = Classifier.load(ClassifyConfig())
    escalation = EscalationConfig()

    async def send(
        pending: Pending, topic: str, key: str | bytes | None, value: bytes, headers: dict[str, bytes]
    ) -> None:
        """Hand a record to the producer; the batch awaits every acknowledgement before Faust acks it."""
        key_bytes = key.encode() if isinstance(key, str) else key
        pending.append(
            await outputs.get(topic, by_author_topic).send(key=key_bytes, value=value, headers=headers)
        )

    async def in_batches(stream: Any, stage: Callable[[EventT, Pending], Awaitable[None]]) -> None:
        """Events a batch at a time: one round trip to the broker per batch instead of one per record."""
        async for events in stream.take_events(BATCH_SIZE, within=BATCH_WAIT_SECONDS):
            pending: Pending = []
            for event in events:
                # Table writes go to the changelog partition of the *current* event: make it this one.
                stream._set_current_event(event)
                try:
                    await stage(event, pending)
                except Exception as exc:  # a bad record must not stop the stream (nor be acked silently)
                    await dead_letter(event, exc, pending)
            try:
                await asyncio.gather(*pending)
            except Exception as exc:
                # Not acknowledged: stop here, unacked, so a restart re-reads the batch from the last commit.
                log.error("outputs not acknowledged, stopping", extra={"error_class": type(exc).__name__})
                await app.crash(exc)
                raise
            # Leaving the loop body acks the whole batch.

    async def dead_letter(event: EventT, error: Exception, pending: Pending) -> None:
        message = event.message
        letter = DeadLetter.for_failure(
            error,
            original_topic=message.topic,
            consumer_group=GROUP,
            key=message.key,
            value=message.value or b"",
            partition=message.partition,
            offset=message.offset,
        )
        headers = {
            name: value if isinstance(value, bytes) else str(value or "").encode()
            for name, value in letter.headers()
        }
        # Both stages park failures on the catalogue's social.events.v1.dlq; the headers name the real topic.
        await send(pending, dead_letter_topic(SOCIAL_EVENTS), letter.key, letter.value, headers)
        DEAD_LETTERS.labels(SERVICE).inc()
        RECORDS_CONSUMED.labels(SERVICE, "dead_letter").inc()
        log.warning(
            "record dead-lettered",
            extra={
                "topic": message.topic,
                "partition": message.partition,
                "offset": message.offset,
                "error_class": type(error).__name__,
            },
        )

    @app.agent(events_topic)
    async def by_thread(stream: Any) -> None:
        await in_batches(stream, _classify_thread_stage)

    async def emit(
        pending: Pending, topic: str, record: VigieRecord, key: str, headers: dict[str, bytes]
    ) -> None:
        """A record with its schema header and the trace headers carried from its input."""
        await send(
            pending,
            topic,
            key,
            record.to_json_bytes(),
            {**headers, SCHEMA_HEADER: record.schema_header().encode()},
        )

    def _carried(event: EventT) -> tuple[dict[str, bytes], str]:
        """The input's headers (a trace is started if it had none) and its traceparent."""
        headers = _headers(event)
        trace = headers.setdefault(TRACE_HEADER, new_trace().encode()).decode()
        return headers, trace

    async def _classify_thread_stage(event: EventT, pending: Pending) -> None:
        headers, trace = _carried(event)
        audit_headers = {TRACE_HEADER: headers[TRACE_HEADER]}
        social = SocialEvent.from_json_bytes(event.value)
        if social.is_own_reply:
            signal = handled_signal_for(social)
            await emit(pending, MODERATION_HANDLED, signal, signal.key, headers)
            audit = own_reply_audit(social, trace)
            await emit(pending, MODERATION_AUDIT, audit, audit.key, audit_headers)
            OWN_REPLIES.labels(social.tenant).inc()
            RECORDS_CONSUMED.labels(SERVICE, "ok").inc()
            return
        classified = classifier.classify(social, now=utc_now())
        state = ThreadState.model_validate(threads.get(social.key) or {})
        classified, state, crisis = apply_pile_on(classified, state, escalation)
        threads[social.key] = state.model_dump(mode="json")
        if crisis is not None:
            audit = crisis_audit_event(crisis, classified)
            await emit(pending, MODERATION_AUDIT, audit, audit.key, audit_headers)
            CRISES.labels(social.tenant).inc()
        await emit(pending, BY_AUTHOR_TOPIC, classified, author_state_key(social), headers)

    @app.agent(by_author_topic)
    async def by_author(stream: Any) -> None:
        await in_batches(stream, _author_stage)

    async def _author_stage(event: EventT, pending: Pending) -> None:
        headers, trace = _carried(event)
        classified = ClassifiedEvent.from_json_bytes(event.value)
        key = author_state_key(classified.event)
        state = AuthorState.model_validate(authors.get(key) or {})
        classified, state = apply_repeat_offender(classified, state, escalation)
        authors[key] = state.model_dump(mode="json")
        await emit(pending, SOCIAL_CLASSIFIED, classified, classified.key, headers)
        audit = classified_audit(classified, trace)
        await emit(pending, MODERATION_AUDIT, audit, audit.key, {TRACE_HEADER: headers[TRACE_HEADER]})
        _observe(classified, headers)

    @app.timer(LAG_SECONDS)
    async def report_lag() -> None:
        """Records behind the end of the two inputs: the same gauge the other stream processors export."""
        lag = 0
        for tp in app.consumer.assignment():
            if tp.topic in (SOCIAL_EVENTS, BY_AUTHOR_TOPIC):
                position = await app.consumer.position(tp)
                if position is not None:
                    lag += max(0, app.consumer.highwater(tp) - position)
        CONSUMER_LAG.labels(SERVICE).set(lag)

    def _observe(classified: ClassifiedEvent, headers: dict[str, bytes]) -> None:
        e = classified.event
        CLASSIFIED.labels(
            e.tenant, e.platform.value, classified.category.value, classified.severity.value, classified.lang
        ).inc()
        for escalation_applied in classified.escalations:
            ESCALATIONS.labels(e.tenant, escalation_applied.kind).inc()
        RECORDS_CONSUMED.labels(SERVICE, "ok").inc()
        received = headers.get(RECEIVED_HEADER)
        if received:
            PIPELINE_LATENCY.labels(SERVICE).observe(
                max(0.0, time.time() - datetime.fromisoformat(received.decode()).timestamp())
            )

    return app


def main() -> None:
    settings = get_settings()
    setup_logging(SERVICE, settings.log_level, settings.log_format)
    app = build_app(settings)
    http = HealthServer(settings.http_host, settings.port_for(SERVICE), kafka_ready(settings)).start()
    UP.labels(SERVICE).set(1)
    log.info("service started", extra={"kafka": settings.kafka_bootstrap})
    try:
        # Faust's worker handles SIGTERM/SIGINT: stops the agents, flushes, commits, leaves the group.
        faust.Worker(
            app, loglevel=settings.log_level, quiet=True, redirect_stdouts=False
        ).execute_from_commandline()
    finally:
        UP.labels(SERVICE).set(0)
        http.stop()
