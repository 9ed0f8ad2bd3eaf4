"""Command-line commands of the respond stage (added to `vigie` by services/cli.py)."""

from __future__ import annotations

import ssl

import click

from schemas import Platform

from .links import HttpLinkChecker
from .lint import lint
from .policy import load_policy


@click.command("lint-reply")
@click.argument("text")
@click.option("--lang", required=True, help="Language of the text: fr, en…")
@click.option("--tenant", default="default", show_default=True, help="Whose policy (words, links, limits).")
@click.option("--platform", type=click.Choice([p.value for p in Platform]), help="Apply its length limit.")
@click.option("--previous", multiple=True, help="A reply already sent on the thread (repeatable).")
@click.option("--no-network", is_flag=True, help="Skip the link liveness request (all other checks run).")
@click.option("--timeout", default=3.0, show_default=True, help="Link check timeout, seconds.")
@click.option("--cafile", type=click.Path(exists=True, dir_okay=False), help="Extra trusted CA (PEM).")
def lint_reply(
    text: str,
    lang: str,
    tenant: str,
    platform: str | None,
    previous: tuple[str, ...],
    no_network: bool,
    timeout: float,
    cafile: str | None,
) -> None:
    """Run the reply lint on TEXT, as respond does before anything is published. Exit 1 on findings."""
    policy = load_policy(tenant)
    context = ssl.create_default_context(cafile=cafile) if cafile else None
    checker = None if no_network else HttpLinkChecker(timeout=timeout, ssl_context=context)
    findings = lint(text, lang, policy, link_checker=checker, previous_texts=previous, platform=platform)
    for finding in findings:
        click.echo(f"{finding.check}: {finding.message}")
        for hint in finding.suggestions:
            click.echo(f"  {hint}")
    if findings:
        raise SystemExit(1)
    click.echo("ok" + (" (links not fetched: --no-network)" if no_network else ""))


commands: list[click.Command] = [lint_reply]
