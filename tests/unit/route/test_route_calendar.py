"""Business calendar of the default (Quebec 8 to 4) and Paris policies: table-driven."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import holidays
import pytest
from route_helpers import at

from services.route.calendar import calendar_days, day_plan, is_open, next_opening
from services.route.policy import TenantPolicy

# (local instant with offset, open?, reason, next opening strictly after, as UTC)
QUEBEC = [
    # the Friday 17:30 case: after closing, back on Monday 08:00 EST
    ("2026-11-27T17:30:00-05:00", False, "after closing", "2026-11-30T13:00:00+00:00"),
    # first and last second of business hours, and the closing instant (Wednesday, EDT)
    ("2026-06-03T08:00:00-04:00", True, "business hours", "2026-06-04T12:00:00+00:00"),
    ("2026-06-03T15:59:59-04:00", True, "business hours", "2026-06-04T12:00:00+00:00"),
    ("2026-06-03T16:00:00-04:00", False, "after closing", "2026-06-04T12:00:00+00:00"),
    # before opening: that day's 08:00
    ("2026-06-03T07:59:59-04:00", False, "before opening", "2026-06-03T12:00:00+00:00"),
    ("2026-06-03T00:00:00-04:00", False, "before opening", "2026-06-03T12:00:00+00:00"),
    # weekends
    ("2026-06-06T12:00:00-04:00", False, "weekend", "2026-06-08T12:00:00+00:00"),
    ("2026-06-07T23:59:59-04:00", False, "weekend", "2026-06-08T12:00:00+00:00"),
    # Christmas on a Friday (2026-12-25), and the Thursday evening before it
    ("2026-12-25T10:00:00-05:00", False, "holiday: Christmas Day", "2026-12-28T13:00:00+00:00"),
    ("2026-12-24T16:30:00-05:00", False, "after closing", "2026-12-28T13:00:00+00:00"),
    # New Year across the year boundary: Jan 2 when it is a weekday...
    ("2024-12-31T18:00:00-05:00", False, "after closing", "2025-01-02T13:00:00+00:00"),
    ("2025-12-31T20:00:00-05:00", False, "after closing", "2026-01-02T13:00:00+00:00"),
    # ...else the first open day (Jan 1 2027 is a Friday)
    ("2026-12-31T18:00:00-05:00", False, "after closing", "2027-01-04T13:00:00+00:00"),
    ("2027-01-01T09:00:00-05:00", False, "holiday: New Year's Day", "2027-01-04T13:00:00+00:00"),
    # observed holiday: Christmas 2027 is a Saturday, observed on Monday 27
    ("2027-12-27T09:00:00-05:00", False, "holiday: Christmas Day (observed)", "2027-12-28T13:00:00+00:00"),
    # DST spring forward (Sunday 2026-03-08 02:00 EST -> 03:00 EDT): Monday opens at 12:00 UTC
    ("2026-03-08T01:30:00-05:00", False, "weekend", "2026-03-09T12:00:00+00:00"),
    ("2026-03-06T17:00:00-05:00", False, "after closing", "2026-03-09T12:00:00+00:00"),
    # DST fall back (Sunday 2026-11-01 02:00 EDT -> 01:00 EST), both occurrences of 01:30
    ("2026-11-01T01:30:00-04:00", False, "weekend", "2026-11-02T13:00:00+00:00"),
    ("2026-11-01T01:30:00-05:00", False, "weekend", "2026-11-02T13:00:00+00:00"),
    ("2026-10-30T17:00:00-04:00", False, "after closing", "2026-11-02T13:00:00+00:00"),
    # offsets other than UTC: 10:30 in Vancouver is 13:30 in Montreal, 15:30 in Vancouver is closed
    ("2026-11-27T10:30:00-08:00", True, "business hours", "2026-11-30T13:00:00+00:00"),
    ("2026-11-27T15:30:00-08:00", False, "after closing", "2026-11-30T13:00:00+00:00"),
    ("2026-11-28T07:30:00+09:00", False, "after closing", "2026-11-30T13:00:00+00:00"),
    ("2026-11-27T22:30:00+00:00", False, "after closing", "2026-11-30T13:00:00+00:00"),
]


@pytest.mark.parametrize(("when", "open_", "reason", "opening"), QUEBEC)
def test_quebec_calendar(quebec: TenantPolicy, when: str, open_: bool, reason: str, opening: str) -> None:
    assert is_open(quebec, at(when)) == (open_, reason)
    result = next_opening(quebec, at(when))
    assert result == at(opening)
    assert result.tzinfo == UTC


QUEBEC_HOLIDAYS = [
    (day, name)
    for year in (2026, 2027)
    for day, name in sorted(holidays.Canada(subdiv="QC", years=year).items())
]


@pytest.mark.parametrize(("day", "name"), QUEBEC_HOLIDAYS, ids=[f"{d}" for d, _ in QUEBEC_HOLIDAYS])
def test_each_quebec_holiday_is_closed_all_day(quebec: TenantPolicy, day: date, name: str) -> None:
    for hour in (0, 8, 12, 15, 23):
        local = datetime(day.year, day.month, day.day, hour, tzinfo=quebec.tz)
        assert is_open(quebec, local) == (False, f"holiday: {name}")
    opening = next_opening(quebec, datetime(day.year, day.month, day.day, 12, tzinfo=quebec.tz))
    local_opening = opening.astimezone(quebec.tz)
    assert local_opening.date() > day
    assert (local_opening.hour, local_opening.minute) == (8, 0)
    assert day_plan(quebec, local_opening.date()).kind == "regular"


def test_holidays_not_in_quebec_are_open(quebec: TenantPolicy) -> None:
    # Boxing Day and Remembrance Day are not Quebec statutory holidays
    assert is_open(quebec, at("2025-12-26T10:00:00-05:00")) == (True, "business hours")
    assert is_open(quebec, at("2026-11-11T10:00:00-05:00")) == (True, "business hours")


PARIS = [
    ("2026-07-14T10:00:00+02:00", False, "holiday: Fête nationale", "2026-07-15T07:00:00+00:00"),
    ("2026-07-15T13:00:00+02:00", False, "midday closure", "2026-07-15T12:00:00+00:00"),
    ("2026-07-15T12:29:59+02:00", True, "business hours", "2026-07-15T12:00:00+00:00"),
    ("2026-07-17T17:30:00+02:00", False, "after closing", "2026-07-20T07:00:00+00:00"),  # Friday 17:00
    ("2026-12-24T10:00:00+01:00", False, "closed: Christmas Eve (bank closed)", "2026-12-28T08:00:00+00:00"),
    ("2026-12-31T11:00:00+01:00", True, "special hours: New Year's Eve", "2027-01-04T08:00:00+00:00"),
    ("2026-12-31T12:00:00+01:00", False, "after closing", "2027-01-04T08:00:00+00:00"),
    ("2026-11-01T10:00:00+01:00", False, "holiday: Toussaint", "2026-11-02T08:00:00+00:00"),
    # Paris springs forward on 2026-03-29: Monday 09:00 CEST is 07:00 UTC
    ("2026-03-27T18:30:00+01:00", False, "after closing", "2026-03-30T07:00:00+00:00"),
    # 07:00 in Montreal is 13:00 in Paris: the midday closure
    ("2026-06-03T07:00:00-04:00", False, "midday closure", "2026-06-03T12:00:00+00:00"),
]


@pytest.mark.parametrize(("when", "open_", "reason", "opening"), PARIS)
def test_paris_calendar(paris: TenantPolicy, when: str, open_: bool, reason: str, opening: str) -> None:
    assert is_open(paris, at(when)) == (open_, reason)
    assert next_opening(paris, at(when)) == at(opening)


def test_naive_datetime_is_rejected(quebec: TenantPolicy) -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        is_open(quebec, datetime(2026, 6, 3, 10))
    with pytest.raises(ValueError, match="timezone-aware"):
        next_opening(quebec, datetime(2026, 6, 3, 10))


def test_calendar_days(quebec: TenantPolicy) -> None:
    plans = calendar_days(quebec, date(2026, 12, 24), 5)
    assert [(p.date.day, p.kind, p.label) for p in plans] == [
        (24, "regular", ""),
        (25, "holiday", "Christmas Day"),
        (26, "weekend", ""),
        (27, "weekend", ""),
        (28, "regular", ""),
    ]
    assert plans[0].spans[0].label == "08:00-16:00"
    assert date(2026, 12, 24) + timedelta(days=4) == plans[-1].date
