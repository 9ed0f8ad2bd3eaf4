"""Audit events of the route stage, built from its decisions (pure; the shell produces them)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from schemas import AuditEvent, RoutedItem, Stage

from .tracker import Breach, Closed


def routed_audit(item: RoutedItem, *, now: datetime) -> AuditEvent:
    # The decision includes the level, so an escalation is a second audit row, not a duplicate.
    return _audit(
        item, f"routed:{item.escalation_level}", "ok" if not item.escalation_level else "escalated", now
    )


def breach_audit(breach: Breach, *, now: datetime) -> AuditEvent:
    details = {
        "breached_at": breach.breached_at.isoformat(),
        "escalated_to": breach.escalated.queue.value if breach.escalated else None,
        "escalated_item_id": breach.escalated.item_id if breach.escalated else None,
    }
    return _audit(breach.item, f"sla_breach:{breach.item.escalation_level}", "breached", now, details)


def handled_audit(closed: Closed, *, now: datetime) -> AuditEvent:
    details = {"time_to_handle_seconds": closed.time_to_handle_seconds, "late": closed.late}
    return _audit(closed.item, "sla_stopped", "late" if closed.late else "ok", now, details)


def _audit(
    item: RoutedItem, decision: str, outcome: str, now: datetime, extra: dict[str, Any] | None = None
) -> AuditEvent:
    event = item.classified.event
    return AuditEvent.about(
        event,
        Stage.ROUTE,
        decision,
        outcome,
        details={
            "item_id": item.item_id,
            "queue": item.queue.value,
            "severity": item.classified.severity.value,
            "due_at": item.due_at.isoformat() if item.due_at else None,
            "in_business_hours": item.in_business_hours,
            "calendar_reason": item.calendar_reason,
            "policy": item.policy,
            "escalation_level": item.escalation_level,
            **(extra or {}),
        },
        occurred_at=now,
    )
