"""PostgreSQL access shared by the services: a pool and versioned SQL migrations recorded in a table."""

from __future__ import annotations

import logging
import re
from pathlib import Path

import psycopg
from psycopg_pool import ConnectionPool

log = logging.getLogger(__name__)

MIGRATION_NAME = re.compile(r"^(\d{3,})_[a-z0-9_]+\.sql$")
# Any constant: serialises concurrent migrators (several replicas starting at once).
MIGRATION_LOCK = 0x76696769


def make_pool(dsn: str, size: int = 4, *, name: str = "vigie") -> ConnectionPool:
    pool = ConnectionPool(dsn, min_size=1, max_size=size, name=name, open=False, timeout=10)
    pool.open(wait=False)
    return pool


def migration_files(folder: Path) -> list[tuple[int, str, Path]]:
    found = []
    for path in sorted(folder.glob("*.sql")):
        match = MIGRATION_NAME.match(path.name)
        if not match:
            raise ValueError(f"migration file {path.name!r} must be named NNN_description.sql")
        found.append((int(match.group(1)), path.stem, path))
    versions = [v for v, _, _ in found]
    if len(set(versions)) != len(versions):
        raise ValueError(f"two migrations share a version in {folder}")
    return found


def migrate(dsn: str, folder: Path, *, component: str) -> list[str]:
    """Apply the not-yet-applied migrations of `component` in order, each in its own transaction."""
    applied_now = []
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute("SELECT pg_advisory_lock(%s)", (MIGRATION_LOCK,))
        try:
            conn.execute(
                """CREATE TABLE IF NOT EXISTS schema_migrations (
                       component text NOT NULL, version int NOT NULL, name text NOT NULL,
                       applied_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (component, version))"""
            )
            done = {
                row[0]
                for row in conn.execute(
                    "SELECT version FROM schema_migrations WHERE component = %s", (component,)
                )
            }
            for version, name, path in migration_files(folder):
                if version in done:
                    continue
                with conn.transaction():
                    conn.execute(path.read_text())  # trusted, shipped SQL
                    conn.execute(
                        "INSERT INTO schema_migrations (component, version, name) VALUES (%s, %s, %s)",
                        (component, version, name),
                    )
                applied_now.append(name)
                log.info("migration applied", extra={"component": component, "migration": name})
        finally:
            conn.execute("SELECT pg_advisory_unlock(%s)", (MIGRATION_LOCK,))
    return applied_now


def database_ready(dsn: str) -> tuple[bool, str]:
    try:
        with psycopg.connect(dsn, connect_timeout=2) as conn:
            conn.execute("SELECT 1")
    except psycopg.Error as exc:
        return False, f"database unreachable: {type(exc).__name__}"
    return True, "ready"
