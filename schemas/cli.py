"""`vigie schemas export|check`: the JSON Schema files of the public contract."""

from __future__ import annotations

import json
import sys

import click

from .compat import breaking_changes, export, generate, render, schema_file
from .records import PUBLISHED_MODELS


@click.group()
def schemas() -> None:
    """JSON Schemas of the published records."""


@schemas.command("export")
def export_cmd() -> None:
    """Write schemas/jsonschema/<Model>.v<N>.json from the Pydantic models."""
    for path in export():
        click.echo(f"wrote {path.name}")


@schemas.command("check")
def check_cmd() -> None:
    """Fail if the checked-in files drifted from the models or a change is not backwards compatible."""
    failed = False
    for model in PUBLISHED_MODELS:
        path = schema_file(model)
        new = generate(model)
        if not path.exists():
            click.echo(f"{path.name}: missing (run `vigie schemas export`)")
            failed = True
            continue
        old = json.loads(path.read_text())
        for problem in breaking_changes(old, new):
            click.echo(f"{path.name}: BREAKING {problem}")
            failed = True
        if path.read_text() != render(new):
            click.echo(f"{path.name}: differs from the model (run `vigie schemas export`)")
            failed = True
    sys.exit(1 if failed else 0)


commands: list[click.Command] = [schemas]
