"""Command-line commands of the route stage (added to `vigie` by services/cli.py)."""

import click

commands: list[click.Command] = []
