"""`vigie dry-run FILE`: what Vigie would have done with an export of real comments."""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import click

from schemas import utc_now
from services.ingest.imports import ImportRowError, import_events
from services.ingest.tenants import load_registry
from services.respond.links import HttpLinkChecker
from services.route.policy import load_policy

from .pipeline import DryRun, OfflineLinkChecker, Outcome


def outcome_json(outcome: Outcome) -> dict[str, Any]:
    event = outcome.event
    line: dict[str, Any] = {
        "event_id": event.event_id,
        "created_at": event.created_at.isoformat(),
        "text": event.text,
    }
    if outcome.handled is not None:
        return {**line, "own_reply": True, "handles": outcome.handled.object_id or outcome.handled.thread_id}
    assert outcome.classified and outcome.item and outcome.decision
    c, item = outcome.classified, outcome.item
    return {
        **line,
        "lang": c.lang,
        "category": c.category.value,
        "severity": c.severity.value,
        "escalations": [e.kind for e in c.escalations],
        "reasons": [r.detail for r in c.reasons[:5]],
        "queue": item.queue.value,
        "due_at": item.due_at.isoformat() if item.due_at else None,
        "in_business_hours": item.in_business_hours,
        "calendar": item.calendar_reason,
        "actions": [
            {
                "type": a.type.value,
                "requires_approval": a.requires_approval,
                "text": a.text,
                "lint": [{"check": f.check, "message": f.message, "items": f.items} for f in a.lint],
            }
            for a in outcome.decision.actions
        ],
    }


def render_text(outcome: Outcome, tz_name: str) -> str:
    from zoneinfo import ZoneInfo

    row = outcome_json(outcome)
    local = outcome.event.created_at.astimezone(ZoneInfo(tz_name)).strftime("%a %Y-%m-%d %H:%M")
    head = f"[{local}] {outcome.event.text[:70]!r}"
    if row.get("own_reply"):
        return f"{head}\n    own reply: handles {row['handles']} (stops its SLA clock)"
    due = (
        outcome.item.due_at.astimezone(ZoneInfo(tz_name)).strftime("%a %H:%M")
        if outcome.item and outcome.item.due_at
        else "—"
    )
    lines = [
        head,
        f"    {row['lang']} · {row['category']} · {row['severity']}"
        + (f" (escalated: {', '.join(row['escalations'])})" if row["escalations"] else "")
        + f" → {row['queue']}, due {due} ({row['calendar']})",
    ]
    for action in row["actions"]:
        flag = " [needs approval]" if action["requires_approval"] else ""
        lines.append(f"    - {action['type']}{flag}" + (f": {action['text']}" if action["text"] else ""))
        lines.extend(
            f"        lint {f['check']}: {f['message']} {f['items'] or ''}".rstrip() for f in action["lint"]
        )
    return "\n".join(lines)


@click.command("dry-run")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--tenant", default="demo", show_default=True, help="Tenant of rows that name none.")
@click.option("--json", "as_json", is_flag=True, help="One JSON line per comment, then a summary line.")
@click.option("--no-network", is_flag=True, help="Do not fetch links (they are reported as not fetched).")
@click.option(
    "--config-dir", type=click.Path(file_okay=False, path_type=Path), help="Tenant policies to try."
)
def dry_run(file: Path, tenant: str, as_json: bool, no_network: bool, config_dir: Path | None) -> None:
    """Run classify → route → respond on a JSONL or CSV export (text, created_at, optional platform,
    author, thread_id), without Kafka, and print each decision and a summary."""
    registry = load_registry()
    events, errors = [], 0
    for _line, item in import_events(file, registry, utc_now(), tenant=tenant):
        if isinstance(item, ImportRowError):
            errors += 1
            click.echo(f"skipped {item}", err=True)
        else:
            events.append(item)
    checker = OfflineLinkChecker() if no_network else HttpLinkChecker(timeout=3.0)
    pipeline = DryRun(checker, config_dir=config_dir)
    counts: dict[str, Counter[str]] = {"category": Counter(), "queue": Counter(), "action": Counter()}
    for outcome in pipeline.run(events):
        if outcome.classified and outcome.item and outcome.decision:
            counts["category"][outcome.classified.category.value] += 1
            counts["queue"][outcome.item.queue.value] += 1
            counts["action"].update(a.type.value for a in outcome.decision.actions)
        else:
            counts["category"]["own_reply"] += 1
        if as_json:
            click.echo(json.dumps(outcome_json(outcome), ensure_ascii=False))
        else:
            click.echo(render_text(outcome, load_policy(outcome.event.tenant, config_dir).timezone))
    tallies = {name: dict(sorted(c.items())) for name, c in counts.items()}
    if as_json:
        click.echo(json.dumps({"summary": {**tallies, "comments": len(events), "skipped": errors}}))
    else:
        click.echo(f"\n{len(events)} comments ({errors} rows skipped)")
        for name, tally in tallies.items():
            click.echo(f"  {name:9} " + ", ".join(f"{k} {v}" for k, v in tally.items()))
    sys.exit(1 if errors else 0)


commands: list[click.Command] = [dry_run]
