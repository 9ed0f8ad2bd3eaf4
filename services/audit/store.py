"""Audit rows and consumed offsets in one PostgreSQL transaction: exactly-once effect."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import psycopg
from psycopg.types.json import Jsonb

from schemas import AuditEvent

MIGRATIONS = Path(__file__).parent / "migrations"


@dataclass(frozen=True)
class AuditRow:
    event: AuditEvent
    raw: bytes
    partition: int
    offset: int


INSERT_ROW = """
INSERT INTO audit_events (audit_id, stage, subject_event_id, tenant, decision, outcome, platform, thread_id,
                          author_id, occurred_at, trace_id, details, record, kafka_partition, kafka_offset)
VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)
ON CONFLICT (audit_id) DO NOTHING
"""

UPSERT_OFFSET = """
INSERT INTO consumer_offsets (consumer_group, topic, partition, next_offset) VALUES (%s, %s, %s, %s)
ON CONFLICT (consumer_group, topic, partition)
DO UPDATE SET next_offset = GREATEST(consumer_offsets.next_offset, EXCLUDED.next_offset), updated_at = now()
"""


def write_batch(
    conn: psycopg.Connection, group: str, topic: str, rows: list[AuditRow], next_offsets: dict[int, int]
) -> int:
    """Insert rows (duplicates ignored) and advance offsets atomically; returns rows newly inserted."""
    inserted = 0
    with conn.transaction(), conn.cursor() as cur:
        for row in rows:
            e = row.event
            cur.execute(
                INSERT_ROW,
                (
                    e.audit_id,
                    e.stage.value,
                    e.subject_event_id,
                    e.tenant,
                    e.decision,
                    e.outcome,
                    e.platform.value if e.platform else None,
                    e.thread_id,
                    e.author_id,
                    e.occurred_at,
                    e.trace_id,
                    Jsonb(e.details),
                    Jsonb(json.loads(row.raw)),
                    row.partition,
                    row.offset,
                ),
            )
            inserted += cur.rowcount
        for partition, offset in next_offsets.items():
            cur.execute(UPSERT_OFFSET, (group, topic, partition, offset))
    return inserted


def stored_offsets(conn: psycopg.Connection, group: str, topic: str) -> dict[int, int]:
    rows = conn.execute(
        "SELECT partition, next_offset FROM consumer_offsets WHERE consumer_group = %s AND topic = %s",
        (group, topic),
    ).fetchall()
    return {partition: offset for partition, offset in rows}
