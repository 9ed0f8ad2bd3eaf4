"""Command-line commands of the route stage (added to `vigie` by services/cli.py).

`vigie route explain`, `vigie route FILE|-` (JSONL) and `vigie calendar` call the pure decision logic
directly: no broker, no state.
"""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import click

from schemas import Severity

from .calendar import DayPlan, calendar_days
from .policy import DEFAULT_TENANT, PolicyError, TenantPolicy, load_policy
from .routing import Decision, decide

SEVERITIES = [s.value for s in Severity]
_config_dir = click.option(
    "--config-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Folder with policies/<tenant>.yaml (default: VIGIE_CONFIG_DIR).",
)
_tenant = click.option("--tenant", default=DEFAULT_TENANT, show_default=True, help="Tenant id.")
_json = click.option("--json", "as_json", is_flag=True, help="Print JSON.")


class _RouteGroup(click.Group):
    """`vigie route FILE|-` means `vigie route run FILE|-`; subcommands keep their names."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        # Anything but a subcommand or a help flag goes to `run`: `vigie route --tenant T FILE` works too.
        if args and args[0] not in self.commands and args[0] not in ctx.help_option_names:
            args = ["run", *args]
        return super().parse_args(ctx, args)


@click.group("route", cls=_RouteGroup)
def route_group() -> None:
    """Route comments to queues: `vigie route explain ...` or `vigie route FILE|-` (JSONL)."""


@route_group.command("explain")
@click.option("--at", "at_text", required=True, help="Event time, ISO 8601, e.g. 2026-11-27T17:30:00-05:00.")
@click.option("--severity", type=click.Choice(SEVERITIES), required=True)
@_tenant
@_json
@_config_dir
def explain(at_text: str, severity: str, tenant: str, as_json: bool, config_dir: Path | None) -> None:
    """Which queue, by when, and whether the time is in business hours (and why)."""
    policy = _policy(tenant, config_dir)
    try:
        at = _parse_at(at_text, policy)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--at") from None
    report = explain_dict(policy, tenant, Severity(severity), decide(policy, Severity(severity), at))
    click.echo(json.dumps(report, ensure_ascii=False) if as_json else _explain_text(report))


@route_group.command("run")
@click.argument("source", type=click.File("r", encoding="utf-8"))
@click.option("--tenant", default=DEFAULT_TENANT, show_default=True, help="Tenant of lines without one.")
@_config_dir
def run(source: Any, tenant: str, config_dir: Path | None) -> None:
    """Route JSONL lines (`created_at`, `severity`, optional `tenant`) from FILE or - (stdin); JSONL out."""
    failures = 0
    for number, line in enumerate(source, start=1):
        if not line.strip():
            continue
        try:
            report = _route_line(json.loads(line), tenant, config_dir)
        except (ValueError, KeyError, TypeError, PolicyError) as exc:
            failures += 1
            click.echo(f"line {number}: {type(exc).__name__}: {exc}", err=True)
            continue
        click.echo(json.dumps({"line": number, **report}, ensure_ascii=False))
    if failures:
        sys.exit(1)


@click.command("calendar")
@_tenant
@click.option("--from", "start", type=click.DateTime(["%Y-%m-%d"]), default=None, help="First day (today).")
@click.option("--days", type=click.IntRange(1, 3660), default=14, show_default=True)
@_json
@_config_dir
def calendar(tenant: str, start: datetime | None, days: int, as_json: bool, config_dir: Path | None) -> None:
    """Openings, closures and holidays of a tenant, day by day."""
    policy = _policy(tenant, config_dir)
    first = start.date() if start else datetime.now(UTC).astimezone(policy.tz).date()
    plans = calendar_days(policy, first, days)
    if as_json:
        click.echo(
            json.dumps(
                {"policy": policy.ref, "timezone": policy.timezone, "days": [_day_dict(p) for p in plans]}
            )
        )
        return
    click.echo(f"policy {policy.ref} ({policy.name or policy.id}), {policy.timezone}")
    for plan in plans:
        day = _day_dict(plan)
        hours = ", ".join(day["hours"])
        label = f" ({plan.label})" if plan.label and plan.kind != "holiday" else ""
        detail = hours + label if plan.spans else (plan.label or plan.closed_reason)
        click.echo(f"{plan.date.isoformat()} {plan.date.strftime('%a')}  {day['status']:<7} {detail}")


def explain_dict(policy: TenantPolicy, tenant: str, severity: Severity, decision: Decision) -> dict[str, Any]:
    return {
        "tenant": tenant,
        "policy": decision.policy,
        "timezone": policy.timezone,
        "severity": severity.value,
        "at": _iso(decision.at),
        "at_local": _local(decision.at, policy),
        "queue": decision.queue.value,
        "due_at": _iso(decision.due_at),
        "due_at_local": _local(decision.due_at, policy),
        "in_business_hours": decision.in_business_hours,
        "reason": decision.reason,
        "next_opening_at": _iso(decision.next_opening_at),
        "next_opening_local": _local(decision.next_opening_at, policy),
    }


def _route_line(record: Any, default_tenant: str, config_dir: Path | None) -> dict[str, Any]:
    if not isinstance(record, dict):
        raise ValueError("each line must be a JSON object")
    tenant = str(record.get("tenant") or default_tenant)
    policy = load_policy(tenant, config_dir)
    severity = Severity(record["severity"])
    at = datetime.fromisoformat(str(record["created_at"]))
    if at.tzinfo is None:
        raise ValueError("created_at needs a UTC offset")
    return explain_dict(policy, tenant, severity, decide(policy, severity, at))


def _policy(tenant: str, config_dir: Path | None) -> TenantPolicy:
    try:
        return load_policy(tenant, config_dir)
    except PolicyError as exc:
        raise click.ClickException(str(exc)) from None


def _parse_at(text: str, policy: TenantPolicy) -> datetime:
    at = datetime.fromisoformat(text)
    # Without an offset the time is read as the tenant's local time (first occurrence if repeated).
    return at if at.tzinfo is not None else at.replace(tzinfo=policy.tz)


def _iso(at: datetime | None) -> str | None:
    return None if at is None else at.astimezone(UTC).isoformat().replace("+00:00", "Z")


def _local(at: datetime | None, policy: TenantPolicy) -> str | None:
    return None if at is None else at.astimezone(policy.tz).isoformat()


def _explain_text(r: dict[str, Any]) -> str:
    hours = "yes" if r["in_business_hours"] else "no"
    lines = [
        f"tenant     {r['tenant']} (policy {r['policy']}, {r['timezone']})",
        f"event      {r['at_local']}  ({r['at']})",
        f"severity   {r['severity']}",
        f"queue      {r['queue']}",
        f"due        {r['due_at_local']}  ({r['due_at']})" if r["due_at"] else "due        no deadline",
        f"business   {hours}: {r['reason']}",
    ]
    if r["next_opening_at"]:
        lines.append(f"next open  {r['next_opening_local']}  ({r['next_opening_at']})")
    return "\n".join(lines)


def _day_dict(plan: DayPlan) -> dict[str, Any]:
    status = {"regular": "open", "special": "special" if plan.spans else "closed"}.get(plan.kind, plan.kind)
    return {
        "date": plan.date.isoformat(),
        "weekday": plan.date.strftime("%a"),
        "status": status,
        "hours": [span.label for span in plan.spans],
        "reason": None if plan.spans else plan.closed_reason,
        "label": plan.label or None,
    }


commands: list[click.Command] = [route_group, calendar]
