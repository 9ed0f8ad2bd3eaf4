"""Tenant routing policies: business calendar, SLAs and routing table, validated from YAML.

Resolution of `<tenant>`: `<config_dir>/policies/<tenant>.yaml`, then the shipped
`services/route/policies/<tenant>.yaml`, else the default policy. A tenant file only lists what differs:
its top-level keys replace the default's (a tenant's `hours` replaces all of the default's `hours`).
"""

from __future__ import annotations

import itertools
import re
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import holidays as holidays_lib
import yaml
from babel import Locale, UnknownLocaleError
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from schemas import Queue, Severity

SHIPPED_DIR = Path(__file__).parent / "policies"
DEFAULT_TENANT = "default"
Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
WEEKDAYS: tuple[Weekday, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")  # index = date.weekday()

_TENANT_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$")  # also a safe file name: no `/`, no `..`
_SPAN_RE = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$")
_DURATION_RE = re.compile(r"^(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$")


class PolicyError(ValueError):
    """A policy file is missing, unreadable or invalid; the message names the file and the field."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Span(_Strict):
    """An opening interval in local wall-clock minutes since midnight: start inclusive, end exclusive."""

    start: int = Field(ge=0, le=24 * 60)
    end: int = Field(ge=0, le=24 * 60)

    @model_validator(mode="before")
    @classmethod
    def _parse(cls, value: Any) -> Any:
        if not isinstance(value, str):
            return value
        match = _SPAN_RE.match(value)
        if not match:
            raise ValueError(f"expected 'HH:MM-HH:MM', got {value!r}")
        h1, m1, h2, m2 = (int(g) for g in match.groups())
        if m1 > 59 or m2 > 59 or h1 > 23 or h2 > 24 or (h2 == 24 and m2):
            raise ValueError(f"not a valid time range: {value!r}")
        return {"start": h1 * 60 + m1, "end": h2 * 60 + m2}

    @model_validator(mode="after")
    def _ordered(self) -> Span:
        if self.end <= self.start:
            raise ValueError(f"closing time must be after opening time in {self.label}")
        return self

    @property
    def label(self) -> str:
        return f"{self.start // 60:02d}:{self.start % 60:02d}-{self.end // 60:02d}:{self.end % 60:02d}"


def _check_spans(spans: tuple[Span, ...]) -> tuple[Span, ...]:
    ordered = tuple(sorted(spans, key=lambda s: s.start))
    for before, after in itertools.pairwise(ordered):
        if after.start < before.end:
            raise ValueError(f"opening hours overlap: {before.label} and {after.label}")
    return ordered


# A day's spans, checked where they are declared so that errors name the day (`hours.mon`).
Spans = Annotated[
    tuple[Span, ...], BeforeValidator(lambda v: [] if v is None else v), AfterValidator(_check_spans)
]


def _parse_duration(value: Any) -> Any:
    if isinstance(value, timedelta):
        return value
    if not isinstance(value, str):
        raise ValueError(f"expected a duration such as '15m', '4h' or '1h30m', got {value!r}")
    match = _DURATION_RE.match(value.strip())
    if not match or not any(match.groups()):
        raise ValueError(f"expected a duration such as '15m', '4h' or '1h30m', got {value!r}")
    d, h, m, s = (int(g or 0) for g in match.groups())
    delta = timedelta(days=d, hours=h, minutes=m, seconds=s)
    if delta <= timedelta(0):
        raise ValueError("a duration must be positive")
    return delta


Duration = Annotated[timedelta, BeforeValidator(_parse_duration)]


class HolidayCalendar(_Strict):
    """Public holidays from the `holidays` package, e.g. country CA + subdivision QC."""

    country: str
    subdiv: str | None = None
    language: str | None = Field(default=None, description="Language of holiday names, e.g. fr.")
    categories: tuple[str, ...] | None = None

    @model_validator(mode="after")
    def _exists(self) -> HolidayCalendar:
        try:
            _holiday_names(self.country, self.subdiv, self.language, self.categories, 2026)
        except (NotImplementedError, ValueError, KeyError) as exc:
            raise ValueError(f"unknown holiday calendar: {exc}") from None
        return self

    def names(self, year: int) -> dict[date, str]:
        return _holiday_names(self.country, self.subdiv, self.language, self.categories, year)


@lru_cache(maxsize=256)
def _holiday_names(
    country: str, subdiv: str | None, language: str | None, categories: tuple[str, ...] | None, year: int
) -> dict[date, str]:
    found = holidays_lib.country_holidays(
        country, subdiv=subdiv, years=year, language=language, categories=categories
    )
    return dict(found.items())


class ClosedDate(_Strict):
    date: date
    label: str = "closed"


class SpecialHours(_Strict):
    """Opening hours that replace the usual ones on one date (even a holiday or a weekend)."""

    date: date
    hours: Spans
    label: str = "special hours"


class QueueSla(_Strict):
    """Deadline of a queue: elapsed time after the event, or after the next opening."""

    within: Duration | None = None
    after_next_opening: Duration | None = None

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, value: Any) -> Any:
        return {"within": value} if isinstance(value, str | timedelta) else value

    @model_validator(mode="after")
    def _exactly_one(self) -> QueueSla:
        if (self.within is None) == (self.after_next_opening is None):
            raise ValueError("give exactly one of 'within' or 'after_next_opening'")
        return self


class Rule(_Strict):
    """Which queue, depending on whether the instant is in business hours."""

    in_hours: Queue
    outside: Queue


class TenantPolicy(_Strict):
    id: str = Field(min_length=1)
    version: str = Field(default="1", min_length=1)
    name: str = ""
    timezone: str = Field(description="IANA time zone name, e.g. America/Toronto.")
    locale: str = Field(default="en-CA", description="BCP 47 tag used to format dates, e.g. fr-CA.")
    hours: dict[Weekday, Spans] = Field(description="Opening hours per weekday; a missing day is closed.")
    holidays: HolidayCalendar | None = None
    closed_dates: tuple[ClosedDate, ...] = ()
    special_hours: tuple[SpecialHours, ...] = ()
    sla: dict[Queue, QueueSla]
    routing: dict[Severity, Rule]
    escalation: dict[Queue, Rule] = Field(default_factory=dict, description="Queue after an SLA breach.")
    handled_scope: Literal["comment", "thread"] = "comment"

    @field_validator("timezone")
    @classmethod
    def _zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"unknown IANA time zone {value!r}") from None
        return value

    @field_validator("locale")
    @classmethod
    def _locale(cls, value: str) -> str:
        try:
            Locale.parse(value, sep="-")
        except (UnknownLocaleError, ValueError):
            raise ValueError(f"unknown locale {value!r} (expected e.g. fr-CA, en-CA)") from None
        return value

    @field_validator("hours")
    @classmethod
    def _hours(cls, value: dict[str, tuple[Span, ...]]) -> dict[str, tuple[Span, ...]]:
        if not any(value.values()):
            raise ValueError("at least one weekday needs opening hours")  # else no next opening exists
        return value

    @field_validator("routing")
    @classmethod
    def _all_severities(cls, value: dict[Severity, Rule]) -> dict[Severity, Rule]:
        missing = [s.value for s in Severity if s not in value]
        if missing:
            raise ValueError(f"no rule for severity {', '.join(missing)}")
        return value

    @model_validator(mode="after")
    def _consistent(self) -> TenantPolicy:
        rules = (*self.routing.values(), *self.escalation.values())
        used = {q for rule in rules for q in (rule.in_hours, rule.outside)}
        missing = sorted(q.value for q in used - set(self.sla) - {Queue.AUTO})
        if missing:
            raise ValueError(f"sla: no deadline for queue {', '.join(missing)} used in routing/escalation")
        closed = {c.date for c in self.closed_dates}
        both = sorted(str(s.date) for s in self.special_hours if s.date in closed)
        if both:
            raise ValueError(f"special_hours and closed_dates both list {', '.join(both)}")
        return self

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def ref(self) -> str:
        """What `RoutedItem.policy` records: id and version."""
        return f"{self.id}@{self.version}"


def load_policy(tenant: str, config_dir: Path | None = None) -> TenantPolicy:
    """The tenant's policy, or the default one when the tenant has no file. Cached per (tenant, dir)."""
    if config_dir is None:
        from services.runtime.settings import get_settings

        config_dir = get_settings().config_dir
    return _load(tenant, config_dir)


def clear_cache() -> None:
    _load.cache_clear()


def load_all(config_dir: Path | None = None) -> dict[str, TenantPolicy]:
    """Every policy file, validated: call at start-up so a bad file stops the service with its field."""
    tenants = {DEFAULT_TENANT}
    for folder in _folders(config_dir):
        tenants |= {path.stem for path in folder.glob("*.yaml")}
    return {tenant: load_policy(tenant, config_dir) for tenant in sorted(tenants)}


@lru_cache(maxsize=512)
def _load(tenant: str, config_dir: Path | None) -> TenantPolicy:
    if not _TENANT_RE.match(tenant):
        raise PolicyError(f"tenant {tenant!r} is not a valid tenant id")
    base_path = _find(DEFAULT_TENANT, config_dir)
    if base_path is None:
        raise PolicyError(f"no {DEFAULT_TENANT}.yaml policy found")
    raw = _read(base_path)
    path = base_path
    if tenant != DEFAULT_TENANT and (tenant_path := _find(tenant, config_dir)) is not None:
        path = tenant_path
        overrides = _read(tenant_path)
        raw = {**raw, "id": tenant, "version": "1", **overrides}
    raw.setdefault("id", DEFAULT_TENANT)
    try:
        return TenantPolicy.model_validate(raw)
    except ValidationError as exc:
        raise PolicyError(_describe(path, exc)) from None


def _folders(config_dir: Path | None) -> list[Path]:
    folders = [config_dir / "policies"] if config_dir is not None else []
    return [*folders, SHIPPED_DIR]


def _find(tenant: str, config_dir: Path | None) -> Path | None:
    for folder in _folders(config_dir):
        if (folder / f"{tenant}.yaml").is_file():
            return folder / f"{tenant}.yaml"
    return None


def _read(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise PolicyError(f"{path}: cannot read policy: {exc}") from None
    if not isinstance(data, dict):
        raise PolicyError(f"{path}: a policy must be a mapping of fields")
    return data


def _describe(path: Path, exc: ValidationError) -> str:
    lines = [f"{path}: invalid policy"]
    for error in exc.errors():
        message = error["msg"].removeprefix("Value error, ")
        # Cross-field checks have no location: their message starts with the field it concerns.
        field = ".".join(str(part) for part in error["loc"])
        lines.append(f"  {field}: {message}" if field else f"  {message}")
    return "\n".join(lines)
