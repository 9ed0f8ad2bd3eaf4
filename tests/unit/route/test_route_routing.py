"""Routing table of the default policy: queue and due time from the event time, table-driven."""

from __future__ import annotations

from datetime import UTC, timedelta

import pytest
from route_helpers import NOW, at, classified

from schemas import Queue, Severity
from services.route.policy import TenantPolicy
from services.route.routing import decide, escalate, route

P, OC, NBD, U, S, A = (
    Queue.PRIORITY,
    Queue.ON_CALL,
    Queue.NEXT_BUSINESS_DAY,
    Queue.URGENT,
    Queue.STANDARD,
    Queue.AUTO,
)

# (event time with offset, severity, queue, due at as UTC or None, in business hours)
CASES = [
    # Friday 17:30
    ("2026-11-27T17:30:00-05:00", "critical", U, "2026-11-27T22:45:00Z", False),
    ("2026-11-27T17:30:00-05:00", "high", OC, "2026-11-27T23:30:00Z", False),
    ("2026-11-27T17:30:00-05:00", "medium", NBD, "2026-11-30T15:00:00Z", False),
    ("2026-11-27T17:30:00-05:00", "low", A, None, False),
    ("2026-11-27T17:30:00-05:00", "none", A, None, False),
    # Tuesday 10:00, in hours
    ("2026-11-24T10:00:00-05:00", "critical", U, "2026-11-24T15:15:00Z", True),
    ("2026-11-24T10:00:00-05:00", "high", P, "2026-11-24T16:00:00Z", True),
    ("2026-11-24T10:00:00-05:00", "medium", S, "2026-11-24T19:00:00Z", True),
    ("2026-11-24T10:00:00-05:00", "low", A, None, True),
    # first and last second, closing instant, before opening
    ("2026-06-03T08:00:00-04:00", "high", P, "2026-06-03T13:00:00Z", True),
    ("2026-06-03T15:59:59-04:00", "medium", S, "2026-06-03T23:59:59Z", True),
    ("2026-06-03T16:00:00-04:00", "high", OC, "2026-06-03T21:00:00Z", False),
    ("2026-06-03T16:00:00-04:00", "medium", NBD, "2026-06-04T14:00:00Z", False),
    ("2026-06-03T07:59:59-04:00", "medium", NBD, "2026-06-03T14:00:00Z", False),
    # weekend
    ("2026-06-06T12:00:00-04:00", "medium", NBD, "2026-06-08T14:00:00Z", False),
    ("2026-06-06T12:00:00-04:00", "high", OC, "2026-06-06T17:00:00Z", False),
    # Christmas on a Friday; New Year across the year boundary
    ("2026-12-25T10:00:00-05:00", "high", OC, "2026-12-25T16:00:00Z", False),
    ("2026-12-25T10:00:00-05:00", "medium", NBD, "2026-12-28T15:00:00Z", False),
    ("2026-12-31T18:00:00-05:00", "medium", NBD, "2027-01-04T15:00:00Z", False),
    ("2025-12-31T18:00:00-05:00", "medium", NBD, "2026-01-02T15:00:00Z", False),
    # Quebec holiday on a weekday (Fête nationale, Wednesday)
    ("2026-06-24T11:00:00-04:00", "medium", NBD, "2026-06-25T14:00:00Z", False),
    # spring forward, Sunday 2026-03-08: 01:30 EST + 60 real minutes = 03:30 EDT
    ("2026-03-08T01:30:00-05:00", "high", OC, "2026-03-08T07:30:00Z", False),
    ("2026-03-08T01:50:00-05:00", "critical", U, "2026-03-08T07:05:00Z", False),
    ("2026-03-08T01:30:00-05:00", "medium", NBD, "2026-03-09T14:00:00Z", False),  # 10:00 EDT
    ("2026-03-06T17:00:00-05:00", "medium", NBD, "2026-03-09T14:00:00Z", False),
    # fall back, Sunday 2026-11-01: both occurrences of 01:30 are different instants
    ("2026-11-01T01:30:00-04:00", "high", OC, "2026-11-01T06:30:00Z", False),
    ("2026-11-01T01:30:00-05:00", "high", OC, "2026-11-01T07:30:00Z", False),
    ("2026-11-01T01:30:00-04:00", "medium", NBD, "2026-11-02T15:00:00Z", False),  # 10:00 EST
    ("2026-10-30T17:00:00-04:00", "medium", NBD, "2026-11-02T15:00:00Z", False),
    # a 4 h SLA started in hours before the autumn change is 4 elapsed hours
    ("2026-10-30T15:00:00-04:00", "medium", S, "2026-10-30T23:00:00Z", True),
    # offsets other than UTC: the same instant gives the same answer
    ("2026-11-27T22:30:00+00:00", "high", OC, "2026-11-27T23:30:00Z", False),
    ("2026-11-28T07:30:00+09:00", "high", OC, "2026-11-27T23:30:00Z", False),
    ("2026-11-27T14:30:00-08:00", "high", OC, "2026-11-27T23:30:00Z", False),
    ("2026-11-27T10:30:00-08:00", "high", P, "2026-11-27T19:30:00Z", True),
]


@pytest.mark.parametrize(("when", "severity", "queue", "due", "in_hours"), CASES)
def test_default_routing(
    quebec: TenantPolicy, when: str, severity: str, queue: Queue, due: str | None, in_hours: bool
) -> None:
    item = route(classified(when, severity), quebec, now=NOW)
    assert item.queue == queue
    assert item.due_at == (at(due) if due else None)
    assert item.in_business_hours is in_hours
    assert item.routed_at == NOW  # processing time only stamps the item
    assert item.escalation_level == 0 and item.escalated_from is None
    assert item.item_id == item.make_id(item.classified.event.event_id, 0)
    assert item.policy == "default@2026.1"
    assert (item.next_opening_at is None) is in_hours


def test_item_records_reason_and_next_opening(quebec: TenantPolicy) -> None:
    item = route(classified("2026-12-25T10:00:00-05:00", "medium"), quebec, now=NOW)
    assert item.calendar_reason == "holiday: Christmas Day"
    assert item.next_opening_at == at("2026-12-28T13:00:00Z")
    assert item.due_at is not None and item.due_at.tzinfo == UTC


def test_processing_time_never_changes_the_decision(quebec: TenantPolicy) -> None:
    event = classified("2026-11-27T17:30:00-05:00", "high")
    first = route(event, quebec, now=at("2026-11-27T22:30:01Z"))
    replay = route(event, quebec, now=at("2027-03-01T10:00:00Z"))  # a backlog months later
    assert first.model_dump(exclude={"routed_at"}) == replay.model_dump(exclude={"routed_at"})


PARIS = [
    ("2026-07-14T10:00:00+02:00", "high", OC, "2026-07-14T09:00:00Z", False),  # Fête nationale
    ("2026-07-15T10:00:00+02:00", "medium", S, "2026-07-15T12:00:00Z", True),
    ("2026-07-15T13:00:00+02:00", "medium", NBD, "2026-07-15T14:00:00Z", False),  # reopens 14:00
    ("2026-12-24T10:00:00+01:00", "medium", NBD, "2026-12-28T10:00:00Z", False),
]


@pytest.mark.parametrize(("when", "severity", "queue", "due", "in_hours"), PARIS)
def test_paris_routing(
    paris: TenantPolicy, when: str, severity: str, queue: Queue, due: str | None, in_hours: bool
) -> None:
    item = route(classified(when, severity, tenant="paris-bank"), paris, now=NOW)
    assert (item.queue, item.due_at, item.in_business_hours) == (queue, at(due) if due else None, in_hours)
    assert item.policy == "paris-bank@2026.1"


# (breached queue, its due time, next queue, next due)
ESCALATIONS = [
    (S, "2026-11-24T14:00:00-05:00", P, "2026-11-24T20:00:00Z"),  # breach in hours -> priority
    (S, "2026-11-24T19:00:00-05:00", OC, "2026-11-25T01:00:00Z"),  # breach after closing -> on-call
    (NBD, "2026-11-30T10:00:00-05:00", P, "2026-11-30T16:00:00Z"),
    (NBD, "2026-12-25T10:00:00-05:00", OC, "2026-12-25T16:00:00Z"),
    (P, "2026-11-24T11:00:00-05:00", U, "2026-11-24T16:15:00Z"),
    (OC, "2026-11-28T03:00:00-05:00", U, "2026-11-28T08:15:00Z"),
]


@pytest.mark.parametrize(("queue", "due", "next_queue", "next_due"), ESCALATIONS)
def test_escalation_one_step_up(
    quebec: TenantPolicy, queue: Queue, due: str, next_queue: Queue, next_due: str
) -> None:
    item = route(classified("2026-11-20T10:00:00-05:00", "medium"), quebec, now=NOW)
    item = item.model_copy(update={"queue": queue, "due_at": at(due).astimezone(UTC)})
    up = escalate(item, quebec, now=NOW)
    assert up is not None
    assert (up.queue, up.due_at, up.escalated_from, up.escalation_level) == (
        next_queue,
        at(next_due),
        queue,
        1,
    )
    assert up.item_id != item.item_id
    assert up.classified == item.classified


def test_urgent_has_no_step_up(quebec: TenantPolicy) -> None:
    item = route(classified("2026-11-24T10:00:00-05:00", "critical"), quebec, now=NOW)
    assert escalate(item, quebec, now=NOW) is None


def test_decide_matches_route(quebec: TenantPolicy) -> None:
    decision = decide(quebec, Severity.HIGH, at("2026-11-27T17:30:00-05:00"))
    assert decision.queue == OC and decision.reason == "after closing"
    assert decision.due_at == decision.at + timedelta(minutes=60)
