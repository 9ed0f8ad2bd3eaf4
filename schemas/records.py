"""The records on Vigie's topics: a public, versioned contract (see `schemas/jsonschema/`).

Later stages embed the record they were computed from, so a consumer of any topic has the whole story
of a comment without a lookup, and every record keeps the thread key of the comment it is about.
"""

from __future__ import annotations

import base64
from datetime import UTC, datetime
from typing import Any, ClassVar, Literal

from pydantic import Field, field_serializer, field_validator

from .base import UtcDatetime, VigieRecord, stable_id
from .enums import ActionType, Category, EventKind, HandledBy, Platform, Queue, Severity, Stage, Verb


def thread_key(tenant: str, platform: Platform | str, thread_id: str) -> str:
    """Kafka key of everything about one thread: keeps its order and its state in one partition."""
    return f"{tenant}:{platform}:{thread_id}"


class Author(VigieRecord):
    SCHEMA_NAME = "Author"

    id: str
    handle: str | None = None
    display_name: str | None = None
    followers: int | None = Field(default=None, ge=0)
    verified: bool = False


class SocialEvent(VigieRecord):
    """A comment, mention, message or review, normalised from any platform."""

    SCHEMA_NAME = "SocialEvent"

    schema_version: Literal[1] = 1
    event_id: str = Field(description="Deterministic: platform, object id, verb and edit time.")
    tenant: str = Field(min_length=1, description="The organisation whose page it is.")
    account_id: str | None = Field(default=None, description="The page or account that received it.")
    platform: Platform
    kind: EventKind = EventKind.COMMENT
    verb: Verb = Verb.ADD
    object_id: str = Field(min_length=1, description="The platform's id of the comment itself.")
    thread_id: str = Field(min_length=1, description="The post (thread) the comment belongs to.")
    parent_id: str | None = Field(default=None, description="The comment this one answers, if any.")
    author: Author
    text: str = ""
    url: str | None = None
    lang_hint: str | None = Field(default=None, description="Language given by the source, if any.")
    created_at: UtcDatetime = Field(description="Event time: when the person wrote it.")
    edited_at: UtcDatetime | None = None
    received_at: UtcDatetime = Field(description="When Vigie received it.")
    is_own_reply: bool = Field(default=False, description="Written by the organisation's own account.")
    source: Literal["webhook", "api", "import"] = "api"

    @staticmethod
    def make_id(platform: Platform | str, object_id: str, verb: Verb | str, edit_time: object) -> str:
        return stable_id("event", platform, object_id, verb, edit_time)

    @property
    def key(self) -> str:
        return thread_key(self.tenant, self.platform, self.thread_id)


class Reason(VigieRecord):
    """One piece of evidence a person can read: a matched term, a rule, a model feature."""

    SCHEMA_NAME = "Reason"

    kind: Literal["lexicon", "pattern", "model", "rule", "escalation", "language"]
    detail: str
    category: Category | None = None
    weight: float | None = None


class Escalation(VigieRecord):
    SCHEMA_NAME = "Escalation"

    kind: Literal["repeat_offender", "pile_on"]
    from_severity: Severity
    to_severity: Severity
    detail: str


class ClassifiedEvent(VigieRecord):
    SCHEMA_NAME = "ClassifiedEvent"

    schema_version: Literal[1] = 1
    event: SocialEvent
    lang: str = Field(description="ISO 639-1 code, or 'und' when too short to tell.")
    category: Category
    severity: Severity = Field(description="After escalations.")
    base_severity: Severity = Field(description="From the category alone, before escalations.")
    scores: dict[Category, float] = Field(default_factory=dict)
    reasons: list[Reason] = Field(default_factory=list)
    escalations: list[Escalation] = Field(default_factory=list)
    crisis: bool = Field(default=False, description="The thread is in a pile-on.")
    model_version: str
    classified_at: UtcDatetime

    @field_validator("scores")
    @classmethod
    def _scores_in_unit_interval(cls, scores: dict[Category, float]) -> dict[Category, float]:
        for category, score in scores.items():
            if not 0.0 <= score <= 1.0:
                raise ValueError(f"score of {category} must be in [0, 1], got {score}")
        return scores

    @property
    def key(self) -> str:
        return self.event.key


class RoutedItem(VigieRecord):
    """A classified comment put in a queue, with its SLA deadline."""

    SCHEMA_NAME = "RoutedItem"

    schema_version: Literal[1] = 1
    item_id: str
    classified: ClassifiedEvent
    queue: Queue
    due_at: UtcDatetime | None = Field(default=None, description="SLA deadline; none for `auto`.")
    in_business_hours: bool
    calendar_reason: str = Field(description="Why the time is (not) in business hours.")
    next_opening_at: UtcDatetime | None = None
    policy: str = Field(description="Tenant policy id and version that decided.")
    escalation_level: int = Field(default=0, ge=0, description="0 first routing, +1 per SLA breach.")
    escalated_from: Queue | None = None
    routed_at: UtcDatetime

    @staticmethod
    def make_id(event_id: str, escalation_level: int) -> str:
        return stable_id("route", event_id, escalation_level)

    @property
    def key(self) -> str:
        return self.classified.key


class LintFinding(VigieRecord):
    SCHEMA_NAME = "LintFinding"

    check: Literal["spelling", "link", "placeholder", "length", "shouting", "duplicate", "template"]
    message: str
    items: list[str] = Field(default_factory=list, description="Misspelt words, bad links...")
    suggestions: list[str] = Field(default_factory=list)


class Action(VigieRecord):
    """What a platform publisher must do (or a human must approve) about one comment."""

    SCHEMA_NAME = "Action"

    schema_version: Literal[1] = 1
    action_id: str
    type: ActionType
    event_id: str
    tenant: str
    platform: Platform
    thread_id: str
    target_object_id: str = Field(description="The comment acted on or replied to.")
    text: str | None = None
    lang: str | None = None
    requires_approval: bool = False
    lint: list[LintFinding] = Field(default_factory=list)
    template: str | None = None
    queue: Queue | None = None
    due_at: UtcDatetime | None = None
    reason: str
    created_at: UtcDatetime

    @staticmethod
    def make_id(event_id: str, action_type: ActionType | str, discriminator: object = "") -> str:
        return stable_id("action", event_id, action_type, discriminator)

    @property
    def key(self) -> str:
        return thread_key(self.tenant, self.platform, self.thread_id)


class HandledSignal(VigieRecord):
    """Someone answered or dealt with a comment or thread: stops its SLA clock."""

    SCHEMA_NAME = "HandledSignal"

    schema_version: Literal[1] = 1
    signal_id: str
    tenant: str
    platform: Platform
    thread_id: str
    object_id: str | None = Field(default=None, description="The comment answered; none = whole thread.")
    handled_by: HandledBy
    actor_id: str | None = None
    source_event_id: str = Field(description="The reply or action that handled it.")
    handled_at: UtcDatetime

    @property
    def key(self) -> str:
        return thread_key(self.tenant, self.platform, self.thread_id)


JsonValue = Any


class AuditEvent(VigieRecord):
    """One decision by one stage about one subject (usually a comment's event id)."""

    SCHEMA_NAME = "AuditEvent"

    schema_version: Literal[1] = 1
    audit_id: str
    stage: Stage
    subject_event_id: str
    tenant: str
    decision: str = Field(description="What was decided, e.g. `accepted`, `classified`, `routed`.")
    outcome: str = Field(description="Bounded: ok, rejected, dead_letter, duplicate, escalated...")
    platform: Platform | None = None
    thread_id: str | None = None
    author_id: str | None = None
    details: dict[str, JsonValue] = Field(default_factory=dict)
    occurred_at: UtcDatetime
    trace_id: str | None = None

    @staticmethod
    def make_id(stage: Stage | str, subject_event_id: str, decision: str) -> str:
        return stable_id("audit", stage, subject_event_id, decision)

    @classmethod
    def about(
        cls,
        event: SocialEvent,
        stage: Stage,
        decision: str,
        outcome: str,
        *,
        details: dict[str, JsonValue],
        occurred_at: datetime,
        trace_id: str | None = None,
    ) -> AuditEvent:
        """A stage's decision about one comment, with the comment's ids filled in and a deterministic id."""
        return cls(
            audit_id=cls.make_id(stage, event.event_id, decision),
            stage=stage,
            subject_event_id=event.event_id,
            tenant=event.tenant,
            decision=decision,
            outcome=outcome,
            platform=event.platform,
            thread_id=event.thread_id,
            author_id=event.author.id or None,
            details=details,
            occurred_at=occurred_at,
            trace_id=trace_id,
        )

    @property
    def key(self) -> str:
        return self.subject_event_id


class DeadLetter(VigieRecord):
    """The readable form of a dead-letter record (value = original bytes, the rest in headers)."""

    SCHEMA_NAME = "DeadLetter"

    schema_version: Literal[1] = 1
    original_topic: str
    partition: int | None = None
    offset: int | None = None
    consumer_group: str
    error_class: str
    error_message: str
    failed_at: UtcDatetime
    key: bytes | None = None
    value: bytes = Field(description="The original bytes, base64 in JSON.")

    @field_serializer("key", "value")
    def _b64(self, raw: bytes | None) -> str | None:
        return None if raw is None else base64.b64encode(raw).decode()

    @field_validator("key", "value", mode="before")
    @classmethod
    def _from_b64(cls, raw: object) -> object:
        return base64.b64decode(raw) if isinstance(raw, str) else raw

    HEADER_PREFIX: ClassVar[str] = "vigie-dlq-"

    @classmethod
    def for_failure(
        cls,
        error: BaseException,
        *,
        original_topic: str,
        consumer_group: str,
        key: bytes | None,
        value: bytes,
        partition: int | None = None,
        offset: int | None = None,
    ) -> DeadLetter:
        """Where and why `value` failed, now; the message is the error's own (no record content in it)."""
        return cls(
            original_topic=original_topic,
            partition=partition,
            offset=offset,
            consumer_group=consumer_group,
            error_class=type(error).__name__,
            error_message=str(error),
            failed_at=datetime.now(UTC),
            key=key,
            value=value,
        )

    def headers(self) -> list[tuple[str, str | bytes | None]]:
        fields = {
            "original-topic": self.original_topic,
            "partition": "" if self.partition is None else str(self.partition),
            "offset": "" if self.offset is None else str(self.offset),
            "consumer-group": self.consumer_group,
            "error-class": self.error_class,
            "error-message": self.error_message[:2000],
            "failed-at": self.failed_at.isoformat(),
        }
        return [(self.HEADER_PREFIX + name, value.encode()) for name, value in fields.items()]

    @classmethod
    def from_kafka(cls, key: bytes | None, value: bytes, headers: list[tuple[str, bytes]]) -> DeadLetter:
        found = {
            name.removeprefix(cls.HEADER_PREFIX): raw.decode()
            for name, raw in headers
            if name.startswith(cls.HEADER_PREFIX)
        }
        return cls(
            original_topic=found["original-topic"],
            partition=int(found["partition"]) if found.get("partition") else None,
            offset=int(found["offset"]) if found.get("offset") else None,
            consumer_group=found["consumer-group"],
            error_class=found["error-class"],
            error_message=found["error-message"],
            failed_at=found["failed-at"],  # type: ignore[arg-type]
            key=key,
            value=value,
        )


PUBLISHED_MODELS: tuple[type[VigieRecord], ...] = (
    SocialEvent,
    ClassifiedEvent,
    RoutedItem,
    Action,
    HandledSignal,
    AuditEvent,
    DeadLetter,
)
