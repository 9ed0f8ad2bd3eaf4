"""Respond policy of a tenant: what to do per category, how to speak, what a reply may contain.

The shipped default (`defaults/policy.yaml`) applies to every tenant; `<config_dir>/respond/<tenant>.yaml`
overrides it key by key (mappings merge, lists and scalars replace). The tenant's time zone and locale
belong to the route policy (one source of truth for the calendar) and are filled in at load time.
"""

from __future__ import annotations

from enum import StrEnum
from functools import cached_property
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import yaml
from pydantic import BaseModel, ConfigDict, Field, HttpUrl, field_validator

from schemas import Platform

PACKAGE_DIR = Path(__file__).parent
DEFAULT_POLICY_FILE = PACKAGE_DIR / "defaults" / "policy.yaml"
FALLBACK_TIMEZONE = "America/Toronto"  # Quebec; used only when no route policy is available


class ToxicHandling(StrEnum):
    HIDE = "hide"
    KEEP = "keep"


class PraiseHandling(StrEnum):
    NONE = "none"
    LIKE = "like"
    THANKS = "thanks"


class LocaleFormat(BaseModel):
    """Babel (CLDR) patterns for one locale; `*_first` / `*_on_the_hour` are the special cases."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    date: str = Field(description="e.g. `EEEE d MMMM` → lundi 30 novembre")
    date_first: str | None = Field(default=None, description="First day of the month (fr: 1er).")
    time: str = Field(description="e.g. `H 'h' mm` → 10 h 30")
    time_on_the_hour: str | None = Field(default=None, description="e.g. `H 'h'` → 8 h")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class CategoryRules(_Strict):
    insult_harassment: ToxicHandling = ToxicHandling.HIDE
    praise: PraiseHandling = PraiseHandling.NONE
    # After hours, besides the acknowledgement, prepare the reply draft the team finds on its return.
    draft_after_acknowledgement: bool = True


class FaqSettings(_Strict):
    min_confidence: float = Field(default=0.75, ge=0.0, le=1.0)


class RespondPolicy(_Strict):
    tenant: str
    version: str = "1"
    timezone: str | None = Field(default=None, description="IANA; filled from the route policy.")
    default_lang: str = "fr"
    locales: dict[str, str] = Field(default_factory=lambda: {"fr": "fr-CA", "en": "en-CA"})
    formats: dict[str, LocaleFormat] = Field(default_factory=dict, description="Keyed by locale.")
    tone: str = "friendly"
    rules: CategoryRules = CategoryRules()
    faq: FaqSettings = FaqSettings()
    site_url: HttpUrl = Field(description="Base of relative FAQ links.")
    contact_url: HttpUrl = Field(description="Private channel offered in replies.")
    allowed_domains: list[str] = Field(default_factory=list, description="Besides site/contact hosts.")
    brand_words: list[str] = Field(default_factory=list, description="Never flagged by the spell check.")
    length_limits: dict[Platform, int] = Field(default_factory=dict)
    no_auto_reply_in_crisis: bool = True

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str | None) -> str | None:
        if value is not None:
            ZoneInfo(value)  # raises on an unknown zone, naming it
        return value

    @cached_property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone or FALLBACK_TIMEZONE)

    @property
    def languages(self) -> list[str]:
        return list(self.locales)

    def locale_for(self, lang: str) -> str:
        return self.locales.get(lang) or self.locales[self.default_lang]

    def format_for(self, locale: str) -> LocaleFormat:
        try:
            return self.formats[locale]
        except KeyError:
            # fr-FR falls back to the fr-CA patterns and so on: same language, same typography rules.
            lang = locale.split("-")[0]
            for name, fmt in self.formats.items():
                if name.split("-")[0] == lang:
                    return fmt
            raise KeyError(f"policy {self.tenant}: no `formats` entry for locale {locale}") from None

    def reply_lang(self, lang: str) -> str:
        """The comment's language when we have templates for it, else the tenant's default."""
        return lang if lang in self.locales else self.default_lang

    def length_limit(self, platform: Platform | str) -> int | None:
        return self.length_limits.get(Platform(platform))

    def domain_allowed(self, host: str) -> bool:
        host = host.lower().rstrip(".")
        allowed = {d.lower() for d in self.allowed_domains}
        allowed |= {urlsplit(str(u)).hostname or "" for u in (self.site_url, self.contact_url)}
        return any(host == d or host.endswith("." + d) for d in allowed if d)


def _deep_merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _deep_merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def _read_yaml(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a mapping at the top level")
    return data


def tenant_override_file(tenant: str, config_dir: Path | None) -> Path | None:
    if config_dir is None:
        return None
    path = config_dir / "respond" / f"{tenant}.yaml"
    return path if path.is_file() else None


def build_policy(
    tenant: str,
    override: dict[str, Any] | None = None,
    *,
    timezone: str | None = None,
    locale: str | None = None,
) -> RespondPolicy:
    """The shipped default, the tenant's override, then the calendar settings from the route policy."""
    data = _deep_merge(_read_yaml(DEFAULT_POLICY_FILE), override or {})
    data["tenant"] = tenant
    if timezone and not (override or {}).get("timezone"):
        data["timezone"] = timezone
    if locale and "locales" not in (override or {}):
        lang = locale.split("-")[0]
        data["locales"] = {**data.get("locales", {}), lang: locale}
    return RespondPolicy.model_validate(data)


def _route_calendar(tenant: str, config_dir: Path | None) -> tuple[str | None, str | None]:
    """(timezone, locale) from the route policy, if the route stage is installed."""
    try:
        from services.route.policy import load_policy as load_route_policy
    except ModuleNotFoundError:
        return None, None
    route = load_route_policy(tenant, config_dir)
    return getattr(route, "timezone", None), getattr(route, "locale", None)


def load_policy(tenant: str, config_dir: Path | None = None) -> RespondPolicy:
    """Load and validate a tenant's respond policy (errors name the file and the field)."""
    if config_dir is None:
        from services.runtime.settings import get_settings

        config_dir = get_settings().config_dir
    path = tenant_override_file(tenant, config_dir)
    override = _read_yaml(path) if path else {}
    timezone, locale = _route_calendar(tenant, config_dir)
    try:
        return build_policy(tenant, override, timezone=timezone, locale=locale)
    except ValueError as exc:
        raise ValueError(f"respond policy of {tenant!r} ({path or DEFAULT_POLICY_FILE}): {exc}") from exc
