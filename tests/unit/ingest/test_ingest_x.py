"""X Account Activity normaliser on deliveries shaped as X documents them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from schemas import EventKind, Platform, SocialEvent, Verb
from services.ingest.normalize import NormalisationError, UnknownTenantError, normalise_x, x_tenant
from services.ingest.normalize.x import parse_x_time
from services.ingest.tenants import TenantRegistry

Load = Callable[[str], Any]


def test_reply_to_the_organisation(payload: Load, registry: TenantRegistry, received_at: datetime) -> None:
    [event] = normalise_x(payload("x_reply.json"), registry, received_at)
    created = datetime(2026, 11, 27, 22, 30, tzinfo=UTC)
    assert (event.tenant, event.account_id, event.platform) == ("acme", "3001969357", Platform.X)
    assert (event.kind, event.verb) == (EventKind.COMMENT, Verb.ADD)
    assert event.object_id == "1861234567890123456"
    assert event.parent_id == event.thread_id == "1861200000000000001"  # no conversation id: the parent
    assert event.author.id == "99887766" and event.author.handle == "camille_m"
    assert event.author.display_name == "Camille M." and event.author.followers == 1520
    assert not event.author.verified and not event.is_own_reply
    assert event.text.startswith("@acme_fr trois semaines")
    assert event.lang_hint == "fr" and event.created_at == created and event.source == "webhook"
    assert event.url == "https://x.com/camille_m/status/1861234567890123456"
    assert event.event_id == SocialEvent.make_id("x", event.object_id, "add", created.isoformat())


def test_extended_tweet_mention(payload: Load, registry: TenantRegistry, received_at: datetime) -> None:
    [event] = normalise_x(payload("x_extended_mention.json"), registry, received_at)
    assert event.kind is EventKind.MENTION
    assert event.text.endswith("Not acceptable for a company this size.")  # full_text, not the truncated text
    assert "…" not in event.text
    assert event.thread_id == event.object_id == "1050118621198921728" and event.parent_id is None
    assert event.author.verified and event.author.followers == 250301
    assert event.created_at == datetime(2018, 10, 10, 20, 19, 24, tzinfo=UTC)
    assert event.lang_hint == "en"


def test_own_reply_uses_the_conversation_root(
    payload: Load, registry: TenantRegistry, received_at: datetime
) -> None:
    # The org's reply is an event; its own top-level post, a retweet and the like are not.
    [event] = normalise_x(payload("x_own_activity.json"), registry, received_at)
    assert event.object_id == "1861242626000000002" and event.is_own_reply
    assert event.thread_id == "1861200000000000001"  # conversation root
    assert event.parent_id == "1861234567890123456"
    assert event.kind is EventKind.COMMENT


def test_non_tweet_activity_gives_no_event(
    payload: Load, registry: TenantRegistry, received_at: datetime
) -> None:
    assert normalise_x(payload("x_favorites_only.json"), registry, received_at) == []


def test_retry_gives_the_same_event_id(
    payload: Load, registry: TenantRegistry, received_at: datetime
) -> None:
    first = normalise_x(payload("x_reply.json"), registry, received_at)
    retry = normalise_x(payload("x_reply.json"), registry, received_at + timedelta(seconds=30))
    assert [e.event_id for e in first] == [e.event_id for e in retry]
    assert first[0].received_at != retry[0].received_at


def test_numeric_ids_and_timestamp_ms_fallback(
    payload: Load, registry: TenantRegistry, received_at: datetime
) -> None:
    body = payload("x_reply.json")
    tweet = body["tweet_create_events"][0]
    del tweet["id_str"], tweet["user"]["id_str"], tweet["created_at"]
    [event] = normalise_x(body, registry, received_at)
    assert event.object_id == "1861234567890123456" and event.author.id == "99887766"
    assert event.created_at == datetime(2026, 11, 27, 22, 30, tzinfo=UTC)


def test_x_tenant(payload: Load, registry: TenantRegistry) -> None:
    assert x_tenant(payload("x_reply.json"), registry).id == "acme"
    with pytest.raises(UnknownTenantError, match="for_user_id: no tenant"):
        x_tenant({"for_user_id": "1"}, registry)


def test_parse_x_time_handles_offsets() -> None:
    assert parse_x_time("Wed Oct 10 20:19:24 +0200 2018") == datetime(2018, 10, 10, 18, 19, 24, tzinfo=UTC)


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (lambda b: b.pop("for_user_id"), "payload.for_user_id: required"),
        (lambda b: b.update(tweet_create_events={}), "tweet_create_events: expected an array"),
        (lambda b: b["tweet_create_events"].append("oops"), "tweet_create_events[1]: expected an object"),
        (
            lambda b: b["tweet_create_events"][0].pop("user"),
            "tweet_create_events[0].user: expected an object",
        ),
        (
            lambda b: b["tweet_create_events"][0].update(
                created_at="2026-11-27T22:30:00Z", timestamp_ms=None
            ),
            "tweet_create_events[0].created_at: expected like 'Wed Oct 10 20:19:24 +0000 2018'",
        ),
        (
            lambda b: b["tweet_create_events"][0]["user"].update(followers_count=-3),
            "user.followers_count: expected a non-negative integer",
        ),
        (
            lambda b: b["tweet_create_events"][0].update(id_str=None, id=None),
            "tweet_create_events[0].id: required",
        ),
    ],
)
def test_malformed_deliveries_raise(
    payload: Load, registry: TenantRegistry, received_at: datetime, change: Callable[[Any], None], reason: str
) -> None:
    body = payload("x_reply.json")
    change(body)
    with pytest.raises(NormalisationError) as caught:
        normalise_x(body, registry, received_at)
    assert reason in caught.value.reason
