"""Respond state in PostgreSQL: which queue records were answered, and what Vigie said on each thread.

Connection failures become `RetryableError`: the stream processor replays the batch later instead of
dead-lettering records that are fine.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import TypeVar

import psycopg

from services.runtime.stream import RetryableError

MIGRATIONS = Path(__file__).parent / "migrations"
SENT_TEXTS_PER_THREAD = 50  # the duplicate check compares with the most recent ones only
KEEP_PROCESSED = timedelta(days=14)  # twice the queue topics' retention: nothing older is redelivered
KEEP_SENT_TEXTS = timedelta(days=90)

log = logging.getLogger(__name__)
T = TypeVar("T")


@dataclass(frozen=True)
class Processed:
    event_id: str
    escalation_level: int
    tenant: str
    item_id: str
    outcome: str


@dataclass(frozen=True)
class SentText:
    thread_key: str
    action_id: str
    tenant: str
    text: str


class RespondStore:
    def __init__(self, dsn: str) -> None:
        self.dsn = dsn
        self._conn: psycopg.Connection | None = None

    def _run(self, work: Callable[[psycopg.Connection], T]) -> T:
        try:
            if self._conn is None or self._conn.closed:
                # autocommit: each `transaction()` block is then a real transaction, not a savepoint.
                self._conn = psycopg.connect(self.dsn, connect_timeout=5, autocommit=True)
            return work(self._conn)
        except (psycopg.OperationalError, psycopg.InterfaceError) as exc:
            self.close()
            raise RetryableError(f"database unavailable: {type(exc).__name__}") from exc

    def is_processed(self, event_id: str, escalation_level: int) -> bool:
        query = "SELECT 1 FROM respond_processed WHERE event_id = %s AND escalation_level = %s"
        return self._run(lambda c: c.execute(query, (event_id, escalation_level)).fetchone() is not None)

    def sent_texts(self, thread_key: str) -> list[str]:
        query = "SELECT text FROM respond_sent_texts WHERE thread_key = %s ORDER BY sent_at DESC LIMIT %s"
        rows = self._run(lambda c: c.execute(query, (thread_key, SENT_TEXTS_PER_THREAD)).fetchall())
        return [row[0] for row in rows]

    def record(self, processed: Iterable[Processed], sent: Iterable[SentText]) -> None:
        """One transaction, duplicates ignored: a replayed batch records the same rows again harmlessly."""
        processed_rows = [(p.event_id, p.escalation_level, p.tenant, p.item_id, p.outcome) for p in processed]
        sent_rows = [(s.thread_key, s.action_id, s.tenant, s.text) for s in sent]

        def write(conn: psycopg.Connection) -> None:
            with conn.transaction(), conn.cursor() as cur:
                cur.executemany(
                    """INSERT INTO respond_processed (event_id, escalation_level, tenant, item_id, outcome)
                       VALUES (%s, %s, %s, %s, %s) ON CONFLICT DO NOTHING""",
                    processed_rows,
                )
                cur.executemany(
                    """INSERT INTO respond_sent_texts (thread_key, action_id, tenant, text)
                       VALUES (%s, %s, %s, %s) ON CONFLICT DO NOTHING""",
                    sent_rows,
                )

        if processed_rows or sent_rows:
            self._run(write)

    def prune(self, now: datetime) -> None:
        """Forget what can no longer matter; best effort (the next prune catches up)."""

        def delete(conn: psycopg.Connection) -> None:
            conn.execute("DELETE FROM respond_processed WHERE processed_at < %s", (now - KEEP_PROCESSED,))
            conn.execute("DELETE FROM respond_sent_texts WHERE sent_at < %s", (now - KEEP_SENT_TEXTS,))

        try:
            self._run(delete)
        except RetryableError as exc:
            log.warning("prune skipped", extra={"error": str(exc)})

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None
