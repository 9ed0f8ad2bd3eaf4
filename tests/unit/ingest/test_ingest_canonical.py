"""Canonical events (`POST /v1/events`): one, a list, or `{"events": [...]}`."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from schemas import EventKind, Platform, SocialEvent, Verb
from services.ingest.normalize import NormalisationError, UnknownTenantError, normalise_canonical
from services.ingest.tenants import TenantRegistry

Load = Callable[[str], Any]
VALID = {"platform": "x", "object_id": "1", "author": {"id": "a"}, "created_at": "2026-11-27T22:30:00Z"}


def test_batch(payload: Load, registry: TenantRegistry, received_at: datetime) -> None:
    review, edit, mention = normalise_canonical(
        payload("canonical_batch.json"), registry, received_at, tenant="acme"
    )
    assert all(
        e.tenant == "acme" and e.source == "api" and e.received_at == received_at
        for e in (review, edit, mention)
    )

    assert (review.platform, review.kind, review.verb) == (Platform.OTHER, EventKind.REVIEW, Verb.ADD)
    assert review.lang_hint == "fr" and review.thread_id == "store-lyon-part-dieu"
    created = datetime(2026, 11, 27, 22, 30, tzinfo=UTC)
    assert review.event_id == SocialEvent.make_id("other", "rev-20261127-0042", "add", created.isoformat())

    assert edit.created_at == created  # +01:00 converted to UTC
    assert edit.edited_at == datetime(2026, 11, 27, 22, 31, 5, tzinfo=UTC)
    assert edit.event_id == SocialEvent.make_id(
        "facebook", edit.object_id, "edited", edit.edited_at.isoformat()
    )

    assert mention.event_id == "given-by-the-source-1"  # a source's own id is kept
    assert mention.thread_id == mention.object_id  # no thread: its own
    assert mention.is_own_reply  # the author is one of acme's declared accounts
    assert mention.received_at == received_at and mention.source == "api"  # ingest owns these


def test_same_ids_as_the_webhook_path(payload: Load, registry: TenantRegistry, received_at: datetime) -> None:
    from services.ingest.normalize import normalise_meta

    [hooked] = normalise_meta(payload("meta_page_comment_add.json"), registry, received_at)
    replayed = hooked.model_dump(mode="json", exclude={"event_id", "received_at", "source"})
    [api] = normalise_canonical(replayed, registry, received_at + timedelta(days=1))
    assert api.event_id == hooked.event_id


@pytest.mark.parametrize("shape", ["object", "list", "envelope"])
def test_shapes(registry: TenantRegistry, received_at: datetime, shape: str) -> None:
    event = {
        "tenant": "globex",
        "platform": "x",
        "object_id": "1",
        "author": {"id": "a"},
        "created_at": "2026-11-27T22:30:00Z",
    }
    body = {"object": event, "list": [event, event], "envelope": {"events": [event]}}[shape]
    events = normalise_canonical(body, registry, received_at)
    assert {e.tenant for e in events} == {"globex"} and len({e.event_id for e in events}) == 1


def test_is_own_reply_given_is_kept(registry: TenantRegistry, received_at: datetime) -> None:
    base = {"tenant": "acme", "platform": "x", "object_id": "1", "author": {"id": "3001969357"}, "text": "hi"}
    base["created_at"] = "2026-11-27T22:30:00Z"
    [derived] = normalise_canonical(base, registry, received_at)
    [given] = normalise_canonical({**base, "is_own_reply": False}, registry, received_at)
    assert derived.is_own_reply and not given.is_own_reply


@pytest.mark.parametrize(
    ("body", "tenant", "reason", "error"),
    [
        ([], None, "events: empty", NormalisationError),
        ({"events": {}}, None, "events: expected an array", NormalisationError),
        ("text", None, "payload: expected an object, got a string", NormalisationError),
        ({"platform": "x"}, None, "event.tenant: required", NormalisationError),
        ({"tenant": "nobody"}, None, "event.tenant: unknown tenant", UnknownTenantError),
        (
            {"tenant": "globex"},
            "acme",
            "event.tenant: does not match the authenticated tenant",
            NormalisationError,
        ),
        ({"tenant": "acme"}, None, "event: platform: Field required", NormalisationError),
        (
            {"tenant": "acme", "platform": "myspace", "object_id": "1", "author": {"id": "a"}},
            None,
            "platform: Input should be",
            NormalisationError,
        ),
        (
            {
                "tenant": "acme",
                "platform": "x",
                "object_id": "1",
                "author": {"id": "a"},
                "created_at": "2026-11-27T22:30",
            },
            None,
            "created_at: Input should have timezone info",
            NormalisationError,
        ),
        ([VALID, 3], "acme", "events[1]: expected an object, got a number", NormalisationError),
    ],
)
def test_invalid_events_raise(
    registry: TenantRegistry,
    received_at: datetime,
    body: Any,
    tenant: str | None,
    reason: str,
    error: type[Exception],
) -> None:
    with pytest.raises(NormalisationError) as caught:
        normalise_canonical(body, registry, received_at, tenant=tenant)
    assert isinstance(caught.value, error)
    assert reason in caught.value.reason
