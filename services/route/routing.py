"""Pure routing: which queue and by when, from the event time, the severity and the tenant policy.

Decisions use the event time (`created_at`), never the processing time, so a replay or a backlog gives
the same answer; `now` only stamps `routed_at`. Deadlines are elapsed time added to UTC instants, so a
60-minute SLA is 60 real minutes even across a DST change.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from schemas import ClassifiedEvent, Queue, RoutedItem, Severity

from .calendar import is_open, next_opening
from .policy import Rule, TenantPolicy


@dataclass(frozen=True)
class Decision:
    at: datetime  # the instant decided on, UTC
    queue: Queue
    due_at: datetime | None  # UTC; none for queues without a deadline (auto)
    in_business_hours: bool
    reason: str
    next_opening_at: datetime | None  # UTC; set only outside business hours
    policy: str


def deadline(policy: TenantPolicy, queue: Queue, at: datetime) -> datetime | None:
    sla = policy.sla.get(queue)
    if sla is None:
        return None
    if sla.within is not None:
        return at.astimezone(UTC) + sla.within
    assert sla.after_next_opening is not None  # the model guarantees exactly one
    return next_opening(policy, at) + sla.after_next_opening


def decide_rule(policy: TenantPolicy, rule: Rule, at: datetime) -> Decision:
    open_now, reason = is_open(policy, at)
    queue = rule.in_hours if open_now else rule.outside
    return Decision(
        at=at.astimezone(UTC),
        queue=queue,
        due_at=deadline(policy, queue, at),
        in_business_hours=open_now,
        reason=reason,
        next_opening_at=None if open_now else next_opening(policy, at),
        policy=policy.ref,
    )


def decide(policy: TenantPolicy, severity: Severity, at: datetime) -> Decision:
    """The routing decision for a severity at an instant (what `vigie route explain` prints)."""
    return decide_rule(policy, policy.routing[severity], at)


def route(classified: ClassifiedEvent, policy: TenantPolicy, *, now: datetime) -> RoutedItem:
    decision = decide(policy, classified.severity, classified.event.created_at)
    return _item(classified, decision, level=0, escalated_from=None, now=now)


def escalate(item: RoutedItem, policy: TenantPolicy, *, now: datetime) -> RoutedItem | None:
    """The item one step up after its SLA breach, or None when the policy has no step above its queue.

    The breach instant is the deadline itself (not when the breach was noticed), so a restart or a
    slow tick re-derives the same queue and due time.
    """
    rule = policy.escalation.get(item.queue)
    if rule is None or item.due_at is None:
        return None
    decision = decide_rule(policy, rule, item.due_at)
    return _item(item.classified, decision, item.escalation_level + 1, item.queue, now)


def _item(
    classified: ClassifiedEvent, decision: Decision, level: int, escalated_from: Queue | None, now: datetime
) -> RoutedItem:
    return RoutedItem(
        item_id=RoutedItem.make_id(classified.event.event_id, level),
        classified=classified,
        queue=decision.queue,
        due_at=decision.due_at,
        in_business_hours=decision.in_business_hours,
        calendar_reason=decision.reason,
        next_opening_at=decision.next_opening_at,
        policy=decision.policy,
        escalation_level=level,
        escalated_from=escalated_from,
        routed_at=now,
    )
