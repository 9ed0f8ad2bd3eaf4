"""Bounded vocabularies shared by all stages (also the only values allowed in metric labels)."""

from __future__ import annotations

from enum import StrEnum


class Platform(StrEnum):
    FACEBOOK = "facebook"
    INSTAGRAM = "instagram"
    X = "x"
    WORDPRESS = "wordpress"
    OTHER = "other"


class EventKind(StrEnum):
    COMMENT = "comment"
    MENTION = "mention"
    MESSAGE = "message"
    REVIEW = "review"


class Verb(StrEnum):
    ADD = "add"
    EDITED = "edited"
    REMOVE = "remove"


class Category(StrEnum):
    THREAT = "threat"
    HATE = "hate"
    HARASSMENT = "harassment"
    INSULT = "insult"
    SPAM = "spam"
    COMPLAINT = "complaint"
    QUESTION = "question"
    PRAISE = "praise"
    NEUTRAL = "neutral"

    @property
    def is_toxic(self) -> bool:
        return self in TOXIC_CATEGORIES

    @property
    def is_negative(self) -> bool:
        """Complaint and worse: what counts towards a pile-on."""
        return self in NEGATIVE_CATEGORIES


TOXIC_CATEGORIES = frozenset({Category.THREAT, Category.HATE, Category.HARASSMENT, Category.INSULT})
NEGATIVE_CATEGORIES = TOXIC_CATEGORIES | {Category.COMPLAINT}


class Severity(StrEnum):
    NONE = "none"
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    CRITICAL = "critical"

    @property
    def rank(self) -> int:
        return _SEVERITY_ORDER.index(self)

    def raised(self, steps: int = 1) -> Severity:
        """One (or more) level up, capped at critical."""
        return _SEVERITY_ORDER[min(self.rank + steps, len(_SEVERITY_ORDER) - 1)]


_SEVERITY_ORDER = [Severity.NONE, Severity.LOW, Severity.MEDIUM, Severity.HIGH, Severity.CRITICAL]


class Queue(StrEnum):
    URGENT = "urgent"
    PRIORITY = "priority"
    ON_CALL = "on-call"
    STANDARD = "standard"
    NEXT_BUSINESS_DAY = "next-business-day"
    AUTO = "auto"


class ActionType(StrEnum):
    REPLY = "reply"  # publish a reply now
    REPLY_DRAFT = "reply_draft"  # a reply that waits for human approval
    ACKNOWLEDGE = "acknowledge"  # automatic after-hours acknowledgement
    HIDE = "hide"
    UNHIDE = "unhide"
    LIKE = "like"
    REVIEW = "review"  # a human must look at it
    NOTIFY_ON_CALL = "notify_on_call"


class Stage(StrEnum):
    INGEST = "ingest"
    CLASSIFY = "classify"
    ROUTE = "route"
    RESPOND = "respond"
    AUDIT = "audit"


class HandledBy(StrEnum):
    OWN_REPLY = "own_reply"  # a person on the organisation's account answered on the platform
    VIGIE = "vigie"  # respond handled it automatically (auto reply, hide...)
    MODERATOR = "moderator"  # handled in a moderation tool
