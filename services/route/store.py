"""PostgreSQL storage of the SLA tracker's state: one `route_sla_items` row per tracked comment.

The pure tracker decides; these functions only read rows into its `State` shape and write its `Update`s
back. Callers own the transaction (the row locks taken here last until it ends).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import psycopg
from psycopg.types.json import Jsonb

from schemas import HandledSignal

from .tracker import Entry

MIGRATIONS = Path(__file__).parent / "migrations"
TABLE_COLUMNS = (
    "event_id, tenant, thread_key, object_id, queue, escalation_level, created_at, due_at, breached_at,"
    " handled_at, traceparent, entry"
)

# `track` as SQL: a new item, or a higher escalation level of a still-open one; anything else (a
# redelivered or stale routing, a handled tombstone) leaves the row alone.
TRACK = f"""
INSERT INTO route_sla_items ({TABLE_COLUMNS}) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)
ON CONFLICT (event_id) DO UPDATE SET
    queue = EXCLUDED.queue, escalation_level = EXCLUDED.escalation_level, due_at = EXCLUDED.due_at,
    breached_at = EXCLUDED.breached_at, entry = EXCLUDED.entry, updated_at = now()
WHERE route_sla_items.handled_at IS NULL AND route_sla_items.escalation_level < EXCLUDED.escalation_level
"""

SAVE = """
UPDATE route_sla_items SET queue = %s, escalation_level = %s, due_at = %s, breached_at = %s, entry = %s,
       updated_at = now()
WHERE event_id = %s
"""

CLOSE = """
UPDATE route_sla_items SET handled_at = %s, handled_signal_id = %s, entry = %s, updated_at = now()
WHERE event_id = %s AND handled_at IS NULL
"""

DUE = """
SELECT event_id, entry, traceparent FROM route_sla_items
WHERE due_at <= %s AND handled_at IS NULL AND breached_at IS NULL
ORDER BY due_at
LIMIT %s
FOR UPDATE SKIP LOCKED
"""

# A retried signal also gets back the items it closed itself, so its audit events are sent again.
THREAD = """
SELECT event_id, entry, handled_signal_id FROM route_sla_items
WHERE thread_key = %s AND (handled_at IS NULL OR handled_signal_id = %s)
ORDER BY event_id
FOR UPDATE
"""


def track(conn: psycopg.Connection, event_id: str, entry: Entry, traceparent: str | None) -> bool:
    """Persist a new routing; False when the row already holds it (or something newer)."""
    cur = conn.execute(
        TRACK,
        (
            event_id,
            entry["tenant"],
            entry["key"],
            entry["object_id"],
            entry["queue"],
            entry["item"]["escalation_level"],
            _dt(entry["created_at"]),
            _dt(entry["due_at"]),
            _dt(entry["breached_at"]),
            _dt(entry["handled_at"]),
            traceparent,
            Jsonb(entry),
        ),
    )
    return cur.rowcount > 0


def due(conn: psycopg.Connection, now: datetime, limit: int) -> list[tuple[str, Entry, str | None]]:
    """Open items past their deadline, locked; rows another replica holds are skipped, not waited for."""
    return [(row[0], row[1], row[2]) for row in conn.execute(DUE, (now, limit))]


def save(conn: psycopg.Connection, event_id: str, entry: Entry) -> None:
    """Write back an entry the caller holds locked (a breach or an escalation)."""
    conn.execute(
        SAVE,
        (
            entry["queue"],
            entry["item"]["escalation_level"],
            _dt(entry["due_at"]),
            _dt(entry["breached_at"]),
            Jsonb(entry),
            event_id,
        ),
    )


def thread_entries(conn: psycopg.Connection, thread_key: str, signal_id: str) -> dict[str, Entry]:
    """The thread's open entries (locked), plus those this signal already closed shown as open again."""
    state: dict[str, Entry] = {}
    for event_id, entry, closed_by in conn.execute(THREAD, (thread_key, signal_id)):
        state[event_id] = {**entry, "handled_at": None} if closed_by == signal_id else entry
    return state


def close(conn: psycopg.Connection, event_id: str, entry: Entry, signal_id: str) -> bool:
    """Stop an item's clock; False when this signal had already stopped it (a retry)."""
    cur = conn.execute(CLOSE, (_dt(entry["handled_at"]), signal_id, Jsonb(entry), event_id))
    return cur.rowcount > 0


def remember_signal(conn: psycopg.Connection, signal: HandledSignal) -> None:
    """Keep a handled signal for comments of its thread that are routed after it."""
    conn.execute(
        "INSERT INTO route_handled_signals (signal_id, thread_key, signal) VALUES (%s, %s, %s)"
        " ON CONFLICT (signal_id) DO NOTHING",
        (signal.signal_id, signal.key, Jsonb(signal.model_dump(mode="json"))),
    )


def thread_signals(conn: psycopg.Connection, thread_key: str) -> list[HandledSignal]:
    rows = conn.execute(
        "SELECT signal FROM route_handled_signals WHERE thread_key = %s ORDER BY received_at", (thread_key,)
    )
    return [HandledSignal.model_validate(row[0]) for row in rows]


def open_counts(conn: psycopg.Connection) -> dict[tuple[str, str], int]:
    """Open items per (tenant, queue): the tracker's `open_counts`, counted by the database."""
    rows = conn.execute(
        "SELECT tenant, queue, count(*) FROM route_sla_items WHERE handled_at IS NULL GROUP BY tenant, queue"
    )
    return {(tenant, queue): int(count) for tenant, queue, count in rows}


def prune(
    conn: psycopg.Connection, now: datetime, *, keep_handled: timedelta, max_open_age: timedelta
) -> int:
    """The tracker's `prune` as one DELETE: old tombstones and items open for too long."""
    cur = conn.execute(
        "DELETE FROM route_sla_items WHERE handled_at < %s OR created_at < %s",
        (now - keep_handled, now - max_open_age),
    )
    conn.execute("DELETE FROM route_handled_signals WHERE received_at < %s", (now - keep_handled,))
    return cur.rowcount


def _dt(value: Any) -> datetime | None:
    return None if value is None else datetime.fromisoformat(value)
