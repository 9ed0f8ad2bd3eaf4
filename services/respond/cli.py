"""Command-line commands of the respond stage (added to `vigie` by services/cli.py)."""

import click

commands: list[click.Command] = []
