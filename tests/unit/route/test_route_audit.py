"""Audit events of routing, breaches and handled items: deterministic ids, bounded outcomes."""

from __future__ import annotations

from route_helpers import NOW, at, classified, handled

from schemas import Stage
from services.route.audit import breach_audit, handled_audit, routed_audit
from services.route.policy import TenantPolicy
from services.route.routing import route
from services.route.tracker import breach, handle, track


def test_audit_events(quebec: TenantPolicy) -> None:
    item = route(classified("2026-11-24T10:00:00-05:00", "high"), quebec, now=NOW)
    routed = routed_audit(item, now=NOW)
    assert (routed.stage, routed.decision, routed.outcome) == (Stage.ROUTE, "routed:0", "ok")
    assert routed.audit_id == routed_audit(item, now=at("2031-01-01T00:00:00Z")).audit_id  # retry-safe
    assert routed.details["queue"] == "priority"

    state = track({}, item).apply({})
    [fired] = breach(state, item, quebec, now=NOW).breaches
    audit = breach_audit(fired, now=NOW)
    assert (audit.decision, audit.outcome, audit.details["escalated_to"]) == (
        "sla_breach:0",
        "breached",
        "urgent",
    )
    assert fired.escalated is not None
    assert routed_audit(fired.escalated, now=NOW).outcome == "escalated"

    [closed] = handle(state, handled("2026-11-24T10:30:00-05:00"), quebec).closed
    stopped = handled_audit(closed, now=NOW)
    assert (stopped.decision, stopped.outcome, stopped.details["time_to_handle_seconds"]) == (
        "sla_stopped",
        "ok",
        1800,
    )
