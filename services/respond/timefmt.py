"""Dates and times for public texts, in the tenant's time zone, formatted by Babel (CLDR), never by hand."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from babel import Locale
from babel.dates import format_datetime

from .policy import LocaleFormat


def babel_locale(locale: str) -> Locale:
    return Locale.parse(locale, sep="-")


def format_day(at: datetime, tz: ZoneInfo, fmt: LocaleFormat, locale: str) -> str:
    local = at.astimezone(tz)
    pattern = fmt.date_first if fmt.date_first and local.day == 1 else fmt.date
    return format_datetime(local, pattern, tzinfo=tz, locale=babel_locale(locale))


def format_clock(at: datetime, tz: ZoneInfo, fmt: LocaleFormat, locale: str) -> str:
    local = at.astimezone(tz)
    on_the_hour = local.minute == 0 and fmt.time_on_the_hour
    pattern = fmt.time_on_the_hour if on_the_hour and fmt.time_on_the_hour else fmt.time
    return format_datetime(local, pattern, tzinfo=tz, locale=babel_locale(locale))


def same_local_day(a: datetime, b: datetime, tz: ZoneInfo) -> bool:
    return a.astimezone(tz).date() == b.astimezone(tz).date()
