"""`vigie`: the one entry point. Each service contributes its own commands from `services/<name>/cli.py`."""

from __future__ import annotations

import importlib

import click

# Modules whose `commands` (a list of click commands) are added to the top-level group.
COMMAND_MODULES = (
    "services.devstack.cli",
    "services.ingest.cli",
    "services.classify.cli",
    "services.route.cli",
    "services.respond.cli",
    "services.audit.cli",
    "services.dryrun.cli",
    "schemas.cli",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """Vigie: moderation pipeline for community managers."""


for _module in COMMAND_MODULES:
    for _command in importlib.import_module(_module).commands:
        main.add_command(_command)
