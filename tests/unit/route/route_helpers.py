"""Factories of the route tests (a module, because conftest is not importable)."""

from __future__ import annotations

from datetime import UTC, datetime

from schemas import Category, ClassifiedEvent, HandledSignal, Platform, Severity, SocialEvent
from schemas.enums import HandledBy
from schemas.records import Author

NOW = datetime(2030, 1, 1, tzinfo=UTC)  # processing time: deliberately unrelated to event times


def at(text: str) -> datetime:
    return datetime.fromisoformat(text)


def classified(
    created_at: datetime | str,
    severity: Severity | str = Severity.MEDIUM,
    *,
    tenant: str = "default",
    object_id: str = "c-1",
    thread_id: str = "post-1",
) -> ClassifiedEvent:
    when = at(created_at) if isinstance(created_at, str) else created_at
    event = SocialEvent(
        event_id=SocialEvent.make_id(Platform.FACEBOOK, object_id, "add", when.isoformat()),
        tenant=tenant,
        platform=Platform.FACEBOOK,
        object_id=object_id,
        thread_id=thread_id,
        author=Author(id="a-1"),
        text="...",
        created_at=when,
        received_at=when,
    )
    return ClassifiedEvent(
        event=event,
        lang="fr",
        category=Category.COMPLAINT,
        severity=Severity(severity),
        base_severity=Severity(severity),
        model_version="test",
        classified_at=when,
    )


def handled(
    handled_at: datetime | str,
    *,
    tenant: str = "default",
    object_id: str | None = "c-1",
    thread_id: str = "post-1",
) -> HandledSignal:
    when = at(handled_at) if isinstance(handled_at, str) else handled_at
    return HandledSignal(
        signal_id=f"s-{object_id}-{when.isoformat()}",
        tenant=tenant,
        platform=Platform.FACEBOOK,
        thread_id=thread_id,
        object_id=object_id,
        handled_by=HandledBy.OWN_REPLY,
        source_event_id="reply-1",
        handled_at=when,
    )
