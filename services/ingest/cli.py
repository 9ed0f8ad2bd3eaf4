"""Commands added to `vigie`."""

import click

commands: list[click.Command] = []
