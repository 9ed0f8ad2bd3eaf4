"""Route service: the Kafka/PostgreSQL shell around the pure routing and SLA tracker.

    social.classified.v1  ─→ route(event time, tenant policy) ─→ moderation.queue.<q>.v1 + audit
                          └→ track: the item's SLA clock starts (a row in PostgreSQL)
    moderation.handled.v1 ─→ handle: the clocks of the comment (or thread) stop ─→ audit
    timer (tick, ~1 s)    ─→ breach: due items are escalated one step up ─→ queue topic + audit

Why the SLA state lives in PostgreSQL (table `route_sla_items`, one row per comment) and not in a
Faust table with a changelog:
- the breach timer needs "every open item whose deadline has passed", across all tenants and all
  partitions: an indexed query on `due_at`, not a scan of a key-value table per partition;
- the state survives restarts and rebalances as it is: nothing to replay from a changelog before the
  timer may fire again, and no item is lost with a partition that moved to another replica;
- `SELECT ... FOR UPDATE SKIP LOCKED` lets every replica run the timer: each due row is taken by one of
  them, and the breach is recorded in the row, so it fires at most once per item.

Delivery: the queue and audit records of an input are acknowledged by the broker before its offset is
committed (StreamProcessor); state writes are idempotent (ON CONFLICT, `WHERE handled_at IS NULL`), so
a retried batch changes nothing twice. A breach produces its records and waits for the acknowledgement
inside the transaction that holds the row lock, then commits: a crash in between re-sends the same
deterministic ids on the next tick, which downstream consumers de-duplicate. Routing decisions use the
event time; the timer uses the wall clock. A bad record goes to the dead-letter topic; the database
being down is retried (RetryableError), never dead-lettered.
"""

from __future__ import annotations

import logging
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta

import psycopg
from confluent_kafka import Message

from schemas import AuditEvent, ClassifiedEvent, HandledSignal, VigieRecord, utc_now
from schemas.topics import MODERATION_AUDIT, MODERATION_HANDLED, SOCIAL_CLASSIFIED, queue_topic
from services.runtime.db import migrate
from services.runtime.kafka import (
    RECEIVED_HEADER,
    DeliveryError,
    OutRecord,
    ReliableProducer,
    carried_headers,
    make_consumer,
    trace_id_of,
)
from services.runtime.metrics import RECORDS_PRODUCED
from services.runtime.service import kafka_and_database_ready, run_loop_service
from services.runtime.settings import Settings, get_settings
from services.runtime.stream import RetryableError, StreamProcessor

from . import store, tracker
from .audit import breach_audit, handled_audit, routed_audit
from .metrics import BREACHES, ITEMS, TIME_TO_HANDLE, set_open_items
from .policy import PolicyError, load_all, load_policy
from .routing import route
from .tracker import Breach

SERVICE = "route"
INPUTS = (SOCIAL_CLASSIFIED, MODERATION_HANDLED)
log = logging.getLogger(__name__)

TICK_SECONDS = 1.0
BREACH_BATCH = 200  # rows locked per timer transaction; a full batch runs the timer again at once
GAUGE_SECONDS = 5.0
PRUNE_SECONDS = 600.0
KEEP_HANDLED = timedelta(days=8)  # longer than the inputs' 7-day retention: a replay cannot reopen a clock
MAX_OPEN_AGE = timedelta(days=30)


class RouteService:
    """The record handler and the timer of one route process; one database connection, one thread."""

    def __init__(self, settings: Settings, producer: ReliableProducer) -> None:
        self.dsn = settings.database_dsn()
        self.config_dir = settings.config_dir
        self.producer = producer
        self.conn: psycopg.Connection | None = None
        self._next_breach = self._next_gauge = self._next_prune = 0.0
        self._paused_until, self._backoff = 0.0, TICK_SECONDS
        self._gauge_keys: set[tuple[str, str]] = set()
        # Routed items of the batch in hand, counted once its records are acknowledged (a batch retried
        # after a broker error would otherwise be counted twice).
        self._routed: list[tuple[str, str, str]] = []

    def begin_batch(self) -> None:
        self._routed.clear()

    def after_send(self) -> None:
        for labels in self._routed:
            ITEMS.labels(*labels).inc()
        self._routed.clear()

    # -- database ------------------------------------------------------------------------------------------
    @contextmanager
    def _transaction(self) -> Iterator[psycopg.Connection]:
        """One transaction; a lost or unreachable database becomes RetryableError (retry, not dead letter)."""
        try:
            if self.conn is None or self.conn.closed:
                # autocommit: `conn.transaction()` is then a real transaction, not a savepoint.
                self.conn = psycopg.connect(self.dsn, connect_timeout=5, autocommit=True)
            with self.conn.transaction():
                yield self.conn
        except (psycopg.OperationalError, psycopg.InterfaceError) as exc:
            self.close()
            raise RetryableError(f"database: {type(exc).__name__}: {exc}") from exc

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None

    # -- records -------------------------------------------------------------------------------------------
    def handle(self, message: Message) -> list[OutRecord]:
        topic = message.topic()
        if topic == SOCIAL_CLASSIFIED:
            return self._classified(message)
        if topic == MODERATION_HANDLED:
            return self._handled(message)
        raise ValueError(f"route does not consume {topic!r}")

    def _classified(self, message: Message) -> list[OutRecord]:
        classified = ClassifiedEvent.from_json_bytes(message.value() or b"")
        event = classified.event
        policy = load_policy(event.tenant, self.config_dir)  # PolicyError (bad tenant id) → dead letter
        now = utc_now()
        item = route(classified, policy, now=now)
        carried = carried_headers(message)
        # `track` against an empty state gives the new row; the upsert's WHERE does the comparison with
        # the stored one, so a redelivered routing never reopens or downgrades an item.
        closed: list[tracker.Closed] = []
        for event_id, entry in tracker.track({}, item).put.items():
            with self._transaction() as conn:
                # An answer may have come first (an own reply overtakes the comment): its clock is
                # stopped at once, by the same matching rule as a signal that comes after.
                for signal in store.thread_signals(conn, item.key):
                    early = tracker.handle({event_id: entry}, signal, policy)
                    if early.closed:
                        entry, closed = early.put[event_id], list(early.closed)
                        break
                if store.track(conn, event_id, entry, carried["trace"]):
                    for done in closed:
                        TIME_TO_HANDLE.labels(done.tenant, done.queue.value).observe(
                            done.time_to_handle_seconds
                        )
        self._routed.append((event.tenant, item.queue.value, classified.severity.value))
        return [
            _out(queue_topic(item.queue), item, item.key, carried["trace"], carried["received_at"]),
            _audit(routed_audit(item, now=now), carried["trace"]),
            *(_audit(handled_audit(done, now=now), carried["trace"]) for done in closed),
        ]

    def _handled(self, message: Message) -> list[OutRecord]:
        signal = HandledSignal.from_json_bytes(message.value() or b"")
        policy = load_policy(signal.tenant, self.config_dir)
        now = utc_now()
        with self._transaction() as conn:
            store.remember_signal(conn, signal)
            state = store.thread_entries(conn, signal.key, signal.signal_id)
            update = tracker.handle(state, signal, policy)
            fresh = {
                event_id
                for event_id, entry in update.put.items()
                if store.close(conn, event_id, entry, signal.signal_id)
            }
        for closed in update.closed:
            if closed.event_id in fresh:  # a retried signal re-sends its audit events, not its samples
                TIME_TO_HANDLE.labels(closed.tenant, closed.queue.value).observe(
                    closed.time_to_handle_seconds
                )
        trace = carried_headers(message)["trace"]
        return [_audit(handled_audit(closed, now=now), trace) for closed in update.closed]

    # -- timer ---------------------------------------------------------------------------------------------
    def tick(self) -> None:
        """Breaches, the open-items gauge and pruning; called by the stream loop after every poll."""
        clock = time.monotonic()
        if clock < self._paused_until:
            return
        try:
            if clock >= self._next_breach:
                full = self._fire_breaches()
                self._next_breach = clock + (0.0 if full else TICK_SECONDS)
            if clock >= self._next_gauge:
                with self._transaction() as conn:
                    counts = store.open_counts(conn)
                self._gauge_keys = set_open_items(counts, self._gauge_keys)
                self._next_gauge = clock + GAUGE_SECONDS
            if clock >= self._next_prune:
                with self._transaction() as conn:
                    pruned = store.prune(
                        conn, utc_now(), keep_handled=KEEP_HANDLED, max_open_age=MAX_OPEN_AGE
                    )
                if pruned:
                    log.info("sla items pruned", extra={"rows": pruned})
                self._next_prune = clock + PRUNE_SECONDS
            self._backoff = TICK_SECONDS
        except (RetryableError, DeliveryError) as exc:
            # Not raised to the StreamProcessor: it would rewind the input batch, already committed.
            log.warning("sla timer failed, retrying", extra={"error": str(exc), "backoff_s": self._backoff})
            self._paused_until = clock + self._backoff
            self._backoff = min(self._backoff * 2, 30.0)

    def _fire_breaches(self) -> bool:
        """One transaction of due items; True when the batch was full (more may be due)."""
        now = utc_now()
        fired: list[Breach] = []
        with self._transaction() as conn:
            rows = store.due(conn, now, BREACH_BATCH)
            if not rows:
                return False
            state: tracker.State = {event_id: entry for event_id, entry, _ in rows}
            traces = {event_id: trace for event_id, _, trace in rows}
            changed: dict[str, tracker.Entry] = {}
            records: list[OutRecord] = []
            for item in tracker.due_breaches(state, now):
                event = item.classified.event
                update = tracker.breach(state, item, load_policy(event.tenant, self.config_dir), now=now)
                state = update.apply(state)
                changed.update(update.put)
                for fired_breach in update.breaches:
                    records.extend(_breach_records(fired_breach, traces[event.event_id], now))
                fired.extend(update.breaches)
            # Acknowledged before the commit: a crash in between re-sends the same ids, never loses them.
            self.producer.send_all(records)
            for event_id, entry in changed.items():
                store.save(conn, event_id, entry)
        RECORDS_PRODUCED.labels(SERVICE).inc(len(records))
        for fired_breach in fired:
            BREACHES.labels(fired_breach.item.classified.event.tenant, fired_breach.item.queue.value).inc()
        log.info(
            "sla breaches", extra={"breaches": len(fired), "escalated": sum(bool(b.escalated) for b in fired)}
        )
        return len(rows) >= BREACH_BATCH


def _breach_records(breach: Breach, trace: str | None, now: datetime) -> list[OutRecord]:
    records = [_audit(breach_audit(breach, now=now), trace)]
    if breach.escalated is not None:
        item = breach.escalated
        # No received-at header: an escalation is the timer's output, hours after ingest, and would
        # skew the pipeline-latency histograms downstream.
        records.insert(0, _out(queue_topic(item.queue), item, item.key, trace, None))
        records.append(_audit(routed_audit(item, now=now), trace))
    return records


def _out(topic: str, record: VigieRecord, key: str, trace: str | None, received_at: str | None) -> OutRecord:
    out = OutRecord.of(topic, record, key, trace=trace)
    if received_at:  # carried verbatim from the input
        out.headers.append((RECEIVED_HEADER, received_at.encode()))
    return out


def _audit(event: AuditEvent, trace: str | None) -> OutRecord:
    if trace_id := trace_id_of(trace):
        event = event.model_copy(update={"trace_id": trace_id})
    return OutRecord.of(MODERATION_AUDIT, event, event.key, trace=trace)


def run(settings: Settings, stop: threading.Event) -> None:
    log.info("policies valid", extra={"tenants": sorted(load_all(settings.config_dir))})
    migrate(settings.database_dsn(), store.MIGRATIONS, component=SERVICE)
    producer = ReliableProducer(settings, SERVICE)
    service = RouteService(settings, producer)
    processor = StreamProcessor(
        service=SERVICE,
        consumer=make_consumer(settings, SERVICE, INPUTS),
        producer=producer,
        handle=service.handle,
        tick=service.tick,
        before_batch=service.begin_batch,
        after_send=service.after_send,
    )
    try:
        processor.run(stop)
    finally:
        service.close()


def main() -> None:
    settings = get_settings()
    try:  # before anything starts: a bad policy file stops the service, naming the file and the field
        load_all(settings.config_dir)
    except PolicyError as exc:
        sys.exit(f"route: not starting, invalid policy\n{exc}")
    run_loop_service(SERVICE, run, kafka_and_database_ready)
