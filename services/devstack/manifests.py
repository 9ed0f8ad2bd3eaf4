"""What a deployment needs from the code: the topic catalogue as data for the Helm chart, and the
migrations of every component (`vigie db migrate`, run by the chart's hook Job and by `vigie up`).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from schemas.topics import CATALOGUE

# The chart renders Strimzi KafkaTopic objects from this file (Helm cannot import Python), and a test
# keeps it equal to the catalogue: `vigie topics manifest --output` rewrites it after a catalogue change.
CHART_TOPICS_FILE = Path("deploy/helm/vigie/files/topics.json")


def topic_manifest() -> list[dict[str, Any]]:
    """The catalogue as plain data: name, partitions, topic config, key and value model."""
    return [
        {
            "name": spec.name,
            "partitions": spec.partitions,
            "config": spec.config,
            "key": spec.key,
            "value": spec.value_name,
            "description": spec.description,
        }
        for spec in CATALOGUE
    ]


def manifest_text() -> str:
    return json.dumps(topic_manifest(), indent=2, ensure_ascii=False) + "\n"


def migration_folders() -> list[tuple[str, Path]]:
    """(component, folder) of every component with SQL migrations, in the order they are applied."""
    from services.audit.store import MIGRATIONS as AUDIT_MIGRATIONS
    from services.respond.store import MIGRATIONS as RESPOND_MIGRATIONS
    from services.route.store import MIGRATIONS as ROUTE_MIGRATIONS

    return [("audit", AUDIT_MIGRATIONS), ("route", ROUTE_MIGRATIONS), ("respond", RESPOND_MIGRATIONS)]


@click.command("manifest")
@click.option(
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help=f"Write the file instead of printing it (the chart's copy is {CHART_TOPICS_FILE}).",
)
@click.option("--check", is_flag=True, help="Exit 1 when --output differs from the catalogue.")
def topics_manifest(output: Path | None, check: bool) -> None:
    """The topic catalogue as JSON, for the Helm chart's Strimzi KafkaTopic resources."""
    text = manifest_text()
    if output is None:
        click.echo(text, nl=False)
    elif check:
        if not output.is_file() or output.read_text() != text:
            raise click.ClickException(f"{output} differs from the topic catalogue; rerun without --check")
        click.echo(f"{output} matches the catalogue")
    else:
        output.write_text(text)
        click.echo(f"wrote {output} ({len(CATALOGUE)} topics)")


@click.group()
def db() -> None:
    """The PostgreSQL schema."""


@db.command("migrate")
def db_migrate() -> None:
    """Apply every component's pending migrations (idempotent; safe with several runners at once)."""
    from services.runtime.db import migrate
    from services.runtime.settings import get_settings

    dsn = get_settings().database_dsn()
    for component, folder in migration_folders():
        applied = migrate(dsn, folder, component=component)
        click.echo(f"{component}: {len(applied)} applied" + (f" ({', '.join(applied)})" if applied else ""))
