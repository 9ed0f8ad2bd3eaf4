"""`vigie ingest import FILE`: backfill or replay an export through the same normaliser as the webhooks."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from tqdm import tqdm

from schemas import utc_now
from schemas.topics import MODERATION_AUDIT, SOCIAL_EVENTS
from services.runtime.kafka import OutRecord, ReliableProducer, new_trace
from services.runtime.settings import get_settings

from .app import SERVICE, accepted_audit
from .imports import ImportRowError, import_events
from .tenants import load_registry

BATCH = 500


@click.group()
def ingest() -> None:
    """Bring comments into Vigie without a webhook."""


@ingest.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--tenant", help="Tenant of rows that name none.")
@click.option("--dry-run", is_flag=True, help="Validate and count, produce nothing.")
def import_cmd(file: Path, tenant: str | None, dry_run: bool) -> None:
    """Import a JSONL or CSV export (optionally .gz) into social.events.v1.

    Rows that cannot be normalised are reported with their line number and skipped; the exit code is 1
    if there were any. Event ids are deterministic, so importing the same file twice is harmless.
    """
    settings = get_settings()
    registry = load_registry(settings=settings)
    producer = None if dry_run else ReliableProducer(settings, SERVICE)
    received_at = utc_now()
    trace = new_trace()
    batch: list[OutRecord] = []
    produced = errors = 0
    with tqdm(unit=" rows", file=sys.stderr, disable=None) as progress:
        for _line, item in import_events(file, registry, received_at, tenant=tenant):
            progress.update()
            if isinstance(item, ImportRowError):
                errors += 1
                tqdm.write(f"skipped {item}", file=sys.stderr)
                continue
            batch.append(
                OutRecord.of(SOCIAL_EVENTS, item, item.key, trace=trace, received_at=item.received_at)
            )
            batch.append(
                OutRecord.of(MODERATION_AUDIT, accepted_audit(item, "imported", trace), item.event_id)
            )
            produced += 1
            if producer is not None and len(batch) >= BATCH:
                producer.send_all(batch)
                batch.clear()
    if producer is not None:
        producer.send_all(batch)
    verb = "valid" if dry_run else "imported"
    click.echo(f"{produced} events {verb}, {errors} rows skipped")
    sys.exit(1 if errors else 0)


commands: list[click.Command] = [ingest]
