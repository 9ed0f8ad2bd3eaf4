"""Settings of the classify stage (`VIGIE_CLASSIFY_*`), validated at start-up."""

from __future__ import annotations

from datetime import timedelta
from typing import Annotated

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from schemas import Category, Severity

DEFAULT_SEVERITY: dict[Category, Severity] = {
    Category.THREAT: Severity.CRITICAL,
    Category.HATE: Severity.CRITICAL,
    Category.HARASSMENT: Severity.HIGH,
    Category.INSULT: Severity.HIGH,
    Category.COMPLAINT: Severity.MEDIUM,
    Category.QUESTION: Severity.MEDIUM,
    Category.SPAM: Severity.LOW,
    Category.PRAISE: Severity.NONE,
    Category.NEUTRAL: Severity.NONE,
}


class EscalationConfig(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="VIGIE_CLASSIFY_", extra="ignore", frozen=True)

    # repeat offender: this many high/critical events by one author within the window...
    repeat_threshold: int = Field(default=3, ge=1)
    repeat_window: timedelta = timedelta(hours=24)
    repeat_min_severity: Severity = Severity.HIGH
    # pile-on: this many negative events (complaint and worse) on one thread within the window
    pile_on_threshold: int = Field(default=5, ge=2)
    pile_on_window: timedelta = timedelta(minutes=10)
    raise_steps: int = Field(default=1, ge=1, le=4)
    # bound on the state kept per author/thread (the oldest entries are dropped first)
    max_entries: int = Field(default=50, ge=5)


class ClassifyConfig(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="VIGIE_CLASSIFY_", extra="ignore", frozen=True)

    languages: Annotated[tuple[str, ...], NoDecode] = ("fr", "en")  # env: "fr,en"
    min_letters_for_language: int = Field(default=10, ge=1)
    min_words_for_language: int = Field(default=2, ge=1)
    severity: dict[Category, Severity] = Field(default_factory=lambda: dict(DEFAULT_SEVERITY))
    # A swear word/sacre not aimed at anyone multiplies the toxic scores by this.
    intensifier_damping: float = Field(default=0.5, ge=0.0, le=1.0)

    @field_validator("severity")
    @classmethod
    def _complete(cls, table: dict[Category, Severity]) -> dict[Category, Severity]:
        return {**DEFAULT_SEVERITY, **table}

    @field_validator("languages", mode="before")
    @classmethod
    def _split(cls, value: object) -> object:
        return tuple(v.strip() for v in value.split(",") if v.strip()) if isinstance(value, str) else value
