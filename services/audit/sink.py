"""Audit sink: moderation.audit.v1 → PostgreSQL, offsets kept in the database with the rows.

Kafka's committed offsets are only advisory here (for lag dashboards); on assignment the sink seeks to
the offsets stored in PostgreSQL, so a crash between the database commit and anything else neither loses
nor duplicates a row. Database down: pause the partitions, retry with backoff, resume.
"""

from __future__ import annotations

import logging
import threading
import time

import psycopg
from confluent_kafka import OFFSET_BEGINNING, Consumer, Message, TopicPartition
from prometheus_client import Counter, Gauge
from pydantic import ValidationError

from schemas import AuditEvent
from schemas.topics import MODERATION_AUDIT
from services.audit.store import MIGRATIONS, AuditRow, stored_offsets, write_batch
from services.runtime.db import migrate
from services.runtime.kafka import ReliableProducer, check_message, consumer_config, dead_letter
from services.runtime.metrics import DEAD_LETTERS, RECORDS_CONSUMED
from services.runtime.service import kafka_and_database_ready, run_loop_service
from services.runtime.settings import Settings

SERVICE = "audit"
GROUP = f"vigie-{SERVICE}"
log = logging.getLogger(__name__)

ROWS_WRITTEN = Counter(
    "vigie_audit_rows_written_total", "Audit rows inserted (duplicates excluded).", ["service"]
)
DB_UP = Gauge("vigie_audit_database_up", "1 when the last write to PostgreSQL succeeded.", ["service"])
LAST_WRITE = Gauge(
    "vigie_audit_last_write_timestamp_seconds", "Unix time of the last successful write.", ["service"]
)


class AuditSink:
    def __init__(self, settings: Settings, *, batch_size: int | None = None) -> None:
        self.settings = settings
        self.dsn = settings.database_dsn()
        self.batch_size = batch_size or settings.audit_batch_size
        self.producer = ReliableProducer(settings, SERVICE)  # only for dead letters
        self.consumer = Consumer(consumer_config(settings, SERVICE))
        self.conn: psycopg.Connection | None = None

    # -- database ------------------------------------------------------------------------------------------
    def _connection(self) -> psycopg.Connection:
        if self.conn is None or self.conn.closed:
            # autocommit: each `conn.transaction()` block is then a real transaction, not a savepoint.
            self.conn = psycopg.connect(self.dsn, connect_timeout=5, autocommit=True)
        return self.conn

    def _on_assign(self, consumer: Consumer, partitions: list[TopicPartition]) -> None:
        """Start each partition where the database says, not where Kafka's commit says."""
        while True:
            try:
                offsets = stored_offsets(self._connection(), GROUP, MODERATION_AUDIT)
                break
            except psycopg.OperationalError:
                log.warning("database unavailable during assignment, retrying")
                self.conn = None
                time.sleep(1)
        for tp in partitions:
            tp.offset = offsets.get(tp.partition, OFFSET_BEGINNING)
        consumer.assign(partitions)
        log.info("partitions assigned", extra={"partitions": [tp.partition for tp in partitions]})

    # -- loop ----------------------------------------------------------------------------------------------
    def run(self, stop: threading.Event) -> None:
        self.consumer.subscribe([MODERATION_AUDIT], on_assign=self._on_assign)
        try:
            while not stop.is_set():
                messages = self.consumer.consume(self.batch_size, self.settings.audit_batch_wait_seconds)
                batch = [m for m in messages if check_message(m)]
                if batch:
                    self._write_with_retry(batch, stop)
        finally:
            self.producer.close()
            self.consumer.close()
            if self.conn is not None:
                self.conn.close()

    def _write_with_retry(self, batch: list[Message], stop: threading.Event) -> None:
        rows, bad = self._parse(batch)
        if bad:  # dead letters first: their offsets are committed with the rows below
            self.producer.send_all([dead_letter(m, GROUP, exc) for m, exc in bad])
            DEAD_LETTERS.labels(SERVICE).inc(len(bad))
            RECORDS_CONSUMED.labels(SERVICE, "dead_letter").inc(len(bad))
        next_offsets: dict[int, int] = {}
        for m in batch:
            next_offsets[m.partition() or 0] = max(
                next_offsets.get(m.partition() or 0, 0), (m.offset() or 0) + 1
            )
        backoff, paused = 0.5, False
        while True:
            try:
                inserted = write_batch(self._connection(), GROUP, MODERATION_AUDIT, rows, next_offsets)
                break
            except psycopg.OperationalError as exc:
                DB_UP.labels(SERVICE).set(0)
                self.conn = None
                if not paused:
                    self.consumer.pause(self.consumer.assignment())
                    paused = True
                log.warning(
                    "database write failed, consumption paused", extra={"error_class": type(exc).__name__}
                )
                # Keep polling (paused: returns nothing) so the group does not evict us while we wait.
                deadline = time.monotonic() + backoff
                while time.monotonic() < deadline:
                    self.consumer.poll(0.1)
                backoff = min(backoff * 2, 15.0)
                if stop.is_set() and backoff >= 15.0:
                    raise
        if paused:
            self.consumer.resume(self.consumer.assignment())
            log.info("database back, consumption resumed")
        DB_UP.labels(SERVICE).set(1)
        LAST_WRITE.labels(SERVICE).set(time.time())
        ROWS_WRITTEN.labels(SERVICE).inc(inserted)
        RECORDS_CONSUMED.labels(SERVICE, "ok").inc(len(rows))
        # Advisory commit so lag dashboards see progress; the database copy is authoritative.
        self.consumer.commit(
            offsets=[TopicPartition(MODERATION_AUDIT, p, o) for p, o in next_offsets.items()],
            asynchronous=True,
        )

    @staticmethod
    def _parse(batch: list[Message]) -> tuple[list[AuditRow], list[tuple[Message, Exception]]]:
        rows: list[AuditRow] = []
        bad: list[tuple[Message, Exception]] = []
        for m in batch:
            raw = m.value() or b""
            try:
                rows.append(
                    AuditRow(AuditEvent.from_json_bytes(raw), raw, m.partition() or 0, m.offset() or 0)
                )
            except (ValidationError, ValueError) as exc:
                bad.append((m, exc))
        return rows, bad


def run(settings: Settings, stop: threading.Event) -> None:
    migrate(settings.database_dsn(), MIGRATIONS, component="audit")
    AuditSink(settings).run(stop)


def main() -> None:
    run_loop_service(SERVICE, run, kafka_and_database_ready)
