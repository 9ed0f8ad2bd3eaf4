"""Business calendar of a tenant: is an instant in business hours, and when is the next opening.

Opening hours are local wall-clock times; every instant going in or out is timezone-aware and the
results are UTC, so DST changes only matter where local times are turned into instants.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Literal

from .policy import WEEKDAYS, Span, TenantPolicy

# Policies must open at least one weekday, so only a long run of extra closed dates could exhaust this.
MAX_SEARCH_DAYS = 3 * 366

DayKind = Literal["regular", "special", "holiday", "closed", "weekend", "no hours"]


@dataclass(frozen=True)
class DayPlan:
    """What a local date looks like for a tenant: its opening spans and why."""

    date: date
    kind: DayKind
    spans: tuple[Span, ...]
    label: str = ""

    @property
    def is_open_day(self) -> bool:
        return bool(self.spans)

    @property
    def closed_reason(self) -> str:
        if self.kind == "holiday":
            return f"holiday: {self.label}"
        if self.kind == "closed":
            return f"closed: {self.label}"
        if self.kind == "weekend":
            return "weekend"
        if self.kind == "special":
            return f"closed: {self.label}"
        return f"closed on {self.date.strftime('%A')}s"


def holiday_name(policy: TenantPolicy, day: date) -> str | None:
    # Looked up in the day's own year, so Dec 31 -> Jan 1 crosses the year boundary correctly.
    if policy.holidays is None:
        return None
    return policy.holidays.names(day.year).get(day)


def day_plan(policy: TenantPolicy, day: date) -> DayPlan:
    """Explicit dates win over holidays, holidays over the weekly hours."""
    for closed in policy.closed_dates:
        if closed.date == day:
            return DayPlan(day, "closed", (), closed.label)
    for special in policy.special_hours:
        if special.date == day:
            return DayPlan(day, "special", special.hours, special.label)
    name = holiday_name(policy, day)
    if name is not None:
        return DayPlan(day, "holiday", (), name)
    spans = policy.hours.get(WEEKDAYS[day.weekday()], ())
    if spans:
        return DayPlan(day, "regular", spans)
    return DayPlan(day, "weekend" if day.weekday() >= 5 else "no hours", ())


def is_open(policy: TenantPolicy, at: datetime) -> tuple[bool, str]:
    """Whether `at` is in business hours, and a human reason ("holiday: Christmas Day", "weekend"...)."""
    local = _aware(at).astimezone(policy.tz)
    plan = day_plan(policy, local.date())
    if not plan.spans:
        return False, plan.closed_reason
    minute = local.hour * 60 + local.minute + (local.second + local.microsecond / 1e6) / 60
    for span in plan.spans:
        if span.start <= minute < span.end:
            return True, f"special hours: {plan.label}" if plan.kind == "special" else "business hours"
    if minute < plan.spans[0].start:
        return False, "before opening"
    if minute >= plan.spans[-1].end:
        return False, "after closing"
    return False, "midday closure"


def next_opening(policy: TenantPolicy, at: datetime) -> datetime:
    """First opening strictly after `at` (before 08:00 on a business day: that day's 08:00), in UTC."""
    at_utc = _aware(at).astimezone(UTC)
    first_day = at_utc.astimezone(policy.tz).date()
    for offset in range(MAX_SEARCH_DAYS):
        day = first_day + timedelta(days=offset)
        for span in day_plan(policy, day).spans:
            opening = local_instant(policy, day, span.start)
            if opening > at_utc:
                return opening
    raise ValueError(f"policy {policy.ref}: no opening within {MAX_SEARCH_DAYS} days of {at_utc.isoformat()}")


def local_instant(policy: TenantPolicy, day: date, minute: int) -> datetime:
    """The UTC instant of a local wall-clock time.

    A time in the spring-forward gap maps to the instant it would have been without the change (02:30
    becomes 03:30 daylight time); a repeated time in the fall-back hour means its first occurrence.
    """
    day, minute = (day + timedelta(days=1), 0) if minute == 24 * 60 else (day, minute)
    wall = datetime.combine(day, time(minute // 60, minute % 60), tzinfo=policy.tz)
    return wall.astimezone(UTC)


def calendar_days(policy: TenantPolicy, start: date, days: int) -> list[DayPlan]:
    return [day_plan(policy, start + timedelta(days=i)) for i in range(days)]


def _aware(at: datetime) -> datetime:
    if at.tzinfo is None or at.utcoffset() is None:
        raise ValueError(f"a timezone-aware datetime is required, got {at.isoformat()}")
    return at
