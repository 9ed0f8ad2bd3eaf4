"""The audit event of one respond decision (pure; the shell produces it on moderation.audit.v1)."""

from __future__ import annotations

from datetime import datetime

from schemas import ActionType, AuditEvent, RoutedItem, Stage

from .decide import Decision


def outcome(item: RoutedItem, decision: Decision) -> str:
    """Bounded: escalated, template_error, lint_failed, ok."""
    if item.escalation_level:
        return "escalated"
    if any(f.check == "template" for f in decision.lint_findings):
        return "template_error"
    if decision.lint_findings:
        return "lint_failed"
    return "ok"


def respond_audit(item: RoutedItem, decision: Decision, *, now: datetime) -> AuditEvent:
    # Level in the decision name: an escalation is its own row, a redelivery the same row (same id).
    event = item.classified.event
    name = f"responded:{item.escalation_level}"
    return AuditEvent.about(
        event,
        Stage.RESPOND,
        name,
        outcome(item, decision),
        details={
            "item_id": item.item_id,
            "category": item.classified.category.value,
            "queue": item.queue.value,
            "in_business_hours": item.in_business_hours,
            "actions": [
                {
                    "action_id": a.action_id,
                    "type": a.type.value,
                    "requires_approval": a.requires_approval,
                    "template": a.template,
                    # Our own words are the organisation's public speech: kept; the comment's are not.
                    "text": a.text if a.type is not ActionType.NOTIFY_ON_CALL else None,
                    "lint": sorted({f.check for f in a.lint}),
                    "reason": a.reason,
                }
                for a in decision.actions
            ],
            "handled": [s.signal_id for s in decision.handled],
            "notes": list(decision.notes),
        },
        occurred_at=now,
    )
