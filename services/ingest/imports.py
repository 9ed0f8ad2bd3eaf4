"""Backfill/replay files (JSONL or CSV, optionally gzipped) → SocialEvents via the canonical normaliser.

A row is either SocialEvent-shaped (`author` is an object) or a flat export with the columns
`text`, `created_at` (required), `tenant` (unless given for the whole file), and optionally
`platform` (default `other`), `object_id` or `id`, `thread_id`, `parent_id`, `author` (handle),
`author_id`, `author_name`, `followers`, `verified`, `lang`, `url`, `account_id`, `kind`, `verb`,
`edited_at`, `is_own_reply`, `event_id`. Times without a zone are taken as UTC (exports often drop it).
A row without an id gets one hashed from tenant, platform, text, created_at and author, so importing
the same file twice yields the same event ids.
"""

from __future__ import annotations

import csv
import gzip
import json
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from schemas import SocialEvent, stable_id
from services.ingest.normalize import NormalisationError, canonical_event
from services.ingest.normalize.fields import parse_time
from services.ingest.tenants import TenantRegistry

Row = dict[str, Any]
_TRUE = {"1", "true", "yes", "y", "t"}
_FALSE = {"0", "false", "no", "n", "f", ""}


class ImportRowError(NormalisationError):
    """A row that cannot be imported; the message starts with its line number."""

    def __init__(self, line: int, reason: str) -> None:
        super().__init__(f"line {line}: {reason}")
        self.line = line


def _open(path: Path) -> IO[str]:
    if path.suffix == ".gz":
        return gzip.open(path, "rt", encoding="utf-8", newline="")
    return path.open(encoding="utf-8-sig", newline="")  # -sig: spreadsheet CSVs often start with a BOM


def file_format(path: Path) -> str:
    """`jsonl` or `csv`, from the name (`.jsonl`, `.ndjson`, `.csv`, each optionally `.gz`)."""
    suffixes = [s.lower() for s in path.suffixes if s.lower() != ".gz"]
    kind = suffixes[-1] if suffixes else ""
    if kind in (".jsonl", ".ndjson"):
        return "jsonl"
    if kind == ".csv":
        return "csv"
    raise ValueError(f"{path.name}: unknown import format, expected .jsonl, .ndjson or .csv (optionally .gz)")


def read_rows(path: Path) -> Iterator[tuple[int, Row | ImportRowError]]:
    """(line number, row) for every record; a line that cannot be parsed is yielded as its error so
    that one bad line does not stop a backfill. CSV rows are numbered by the line they start on."""
    fmt = file_format(path)
    with _open(path) as handle:
        if fmt == "jsonl":
            yield from _jsonl(handle)
        else:
            yield from _csv(handle)


def _jsonl(handle: IO[str]) -> Iterator[tuple[int, Row | ImportRowError]]:
    for number, line in enumerate(handle, start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as error:
            yield number, ImportRowError(number, f"not valid JSON ({error.msg}, column {error.colno})")
            continue
        if isinstance(value, dict):
            yield number, value
        else:
            yield number, ImportRowError(number, "expected a JSON object")


def _csv(handle: IO[str]) -> Iterator[tuple[int, Row | ImportRowError]]:
    reader = csv.DictReader(handle)
    start = 2  # line 1 is the header
    for record in reader:
        number, start = start, reader.line_num + 1
        if None in record:
            yield number, ImportRowError(number, "more cells than header columns")
            continue
        # Empty cells are absent values, not empty strings (except text, which may be empty).
        yield number, {k.strip(): v for k, v in record.items() if v not in (None, "") or k.strip() == "text"}


def row_to_event(
    line: int, row: Row, registry: TenantRegistry, received_at: datetime, *, tenant: str | None = None
) -> SocialEvent:
    """One import row as a SocialEvent (`source="import"`); `ImportRowError` names line and field."""
    try:
        item = row if isinstance(row.get("author"), dict) else _flat_to_canonical(row, tenant)
        if isinstance(item.get("created_at"), str | int | float):
            item = {**item, "created_at": parse_time(item["created_at"], "created_at", naive_is_utc=True)}
        if isinstance(item.get("edited_at"), str | int | float):
            item = {**item, "edited_at": parse_time(item["edited_at"], "edited_at", naive_is_utc=True)}
        if tenant is not None and not item.get("tenant"):
            item = {**item, "tenant": tenant}
        return canonical_event(item, registry, received_at, source="import", path="row")
    except NormalisationError as error:
        reason = error.reason.removeprefix("row: ").removeprefix("row.")
        raise ImportRowError(line, reason) from None


def import_events(
    path: Path, registry: TenantRegistry, received_at: datetime, *, tenant: str | None = None
) -> Iterator[tuple[int, SocialEvent | ImportRowError]]:
    """Every row of an import file as an event or the reason it was refused, in file order."""
    for line, row in read_rows(path):
        if isinstance(row, ImportRowError):
            yield line, row
            continue
        try:
            yield line, row_to_event(line, row, registry, received_at, tenant=tenant)
        except ImportRowError as error:
            yield line, error


def _flat_to_canonical(row: Row, default_tenant: str | None) -> Row:
    for column in ("text", "created_at"):
        if row.get(column) is None:
            raise NormalisationError(f"{column}: required")
    tenant = row.get("tenant") or default_tenant
    if not tenant:
        raise NormalisationError("tenant: required (a column, or given for the whole file)")
    platform = row.get("platform") or "other"
    created = parse_time(row["created_at"], "created_at", naive_is_utc=True)
    handle = _opt(row, "author")
    author_id = _opt(row, "author_id") or handle or ""
    object_id = _opt(row, "object_id") or _opt(row, "id")
    if not object_id:
        # The same row always hashes to the same id: a re-import deduplicates downstream.
        object_id = "import:" + stable_id(
            "import", tenant, platform, row["text"], created.isoformat(), author_id
        )
    item: Row = {
        "tenant": tenant,
        "platform": platform,
        "object_id": object_id,
        "thread_id": _opt(row, "thread_id") or object_id,
        "text": str(row["text"]),
        "created_at": created,
        "author": {
            "id": author_id,
            "handle": handle,
            "display_name": _opt(row, "author_name"),
            "followers": _int(row, "followers"),
            "verified": _bool(row, "verified") or False,
        },
    }
    for column, field in (
        ("parent_id", "parent_id"),
        ("url", "url"),
        ("account_id", "account_id"),
        ("kind", "kind"),
        ("verb", "verb"),
        ("lang", "lang_hint"),
        ("edited_at", "edited_at"),
        ("event_id", "event_id"),
    ):
        if (value := _opt(row, column)) is not None:
            item[field] = value
    if (own := _bool(row, "is_own_reply")) is not None:
        item["is_own_reply"] = own
    return item


def _opt(row: Row, column: str) -> str | None:
    value = row.get(column)
    return None if value is None or value == "" else str(value)


def _int(row: Row, column: str) -> int | None:
    value = row.get(column)
    if value is None or value == "":
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        raise NormalisationError(f"{column}: expected an integer") from None


def _bool(row: Row, column: str) -> bool | None:
    value = row.get(column)
    if value is None or isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise NormalisationError(f"{column}: expected true or false")
