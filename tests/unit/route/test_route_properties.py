"""Property-based checks of the calendar and the routing, over both shipped policies."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from route_helpers import NOW, classified

from schemas import Severity
from services.route.calendar import is_open, next_opening
from services.route.policy import TenantPolicy, load_policy
from services.route.routing import route

ZONES = ["UTC", "America/Toronto", "America/Vancouver", "Europe/Paris", "Asia/Tokyo", "Australia/Lord_Howe"]

instants = st.datetimes(
    min_value=datetime(2024, 1, 1),
    max_value=datetime(2030, 12, 31),
    timezones=st.sampled_from(ZONES).map(ZoneInfo),
)
severities = st.sampled_from(list(Severity))


@pytest.fixture(scope="module", params=["default", "paris-bank"])
def policy(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> TenantPolicy:
    empty: Path = tmp_path_factory.mktemp("props")
    return load_policy(request.param, empty)


@settings(max_examples=300, deadline=None)
@given(at=instants, severity=severities)
def test_due_time_is_never_before_the_event(policy: TenantPolicy, at: datetime, severity: Severity) -> None:
    item = route(classified(at, severity, tenant=policy.id), policy, now=NOW)
    assert item.due_at is None or item.due_at >= at
    assert item.due_at is None or item.due_at.tzinfo == UTC


@settings(max_examples=200, deadline=None)
@given(
    at=instants,
    severity=severities,
    later=st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=400)),
)
def test_routing_is_deterministic(
    policy: TenantPolicy, at: datetime, severity: Severity, later: timedelta
) -> None:
    event = classified(at, severity, tenant=policy.id)
    first = route(event, policy, now=NOW)
    again = route(event, policy, now=NOW + later)
    assert first.model_dump(exclude={"routed_at"}) == again.model_dump(exclude={"routed_at"})
    # the same instant written with another offset gives the same decision
    moved = route(classified(at.astimezone(UTC), severity, tenant=policy.id), policy, now=NOW)
    decision = {"queue", "due_at", "in_business_hours", "calendar_reason", "next_opening_at", "policy"}
    assert moved.model_dump(include=decision) == first.model_dump(include=decision)


@settings(max_examples=300, deadline=None)
@given(at=instants)
def test_next_opening_is_open_and_strictly_after(policy: TenantPolicy, at: datetime) -> None:
    opening = next_opening(policy, at)
    assert opening > at and opening.tzinfo == UTC
    assert is_open(policy, opening)[0]
    # an opening follows a closed instant
    assert not is_open(policy, opening - timedelta(microseconds=1))[0]
    if not is_open(policy, at)[0]:
        # closed until the next opening: sample the gap
        for fraction in (0.25, 0.5, 0.75):
            assert not is_open(policy, at + (opening - at) * fraction)[0]
