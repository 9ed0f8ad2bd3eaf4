"""WordPress comment normaliser."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from schemas import EventKind, Platform, Verb
from services.ingest.normalize import (
    NormalisationError,
    UnknownTenantError,
    normalise_wordpress,
    wordpress_tenant,
)
from services.ingest.tenants import TenantRegistry

Load = Callable[[str], Any]


def test_guest_comment(payload: Load, registry: TenantRegistry, received_at: datetime) -> None:
    [event] = normalise_wordpress(payload("wordpress_comment.json"), registry, received_at)
    assert (event.tenant, event.platform, event.kind, event.verb) == (
        "acme",
        Platform.WORDPRESS,
        EventKind.COMMENT,
        Verb.ADD,
    )
    assert event.account_id == "https://blog.acme.example/"
    assert (event.object_id, event.thread_id, event.parent_id) == ("1187", "342", None)
    assert event.author.display_name == "Dominique R." and event.author.id.startswith("anon:")
    assert event.text.startswith("Votre article oublie")
    assert event.created_at == datetime(2026, 11, 27, 22, 30, tzinfo=UTC)  # comment_date_gmt, not local
    assert event.url == "https://blog.acme.example/2026/11/nouvelle-bouilloire/#comment-1187"
    assert not event.is_own_reply and event.source == "webhook"


def test_no_email_or_ip_reaches_the_event(
    payload: Load, registry: TenantRegistry, received_at: datetime
) -> None:
    events = normalise_wordpress(payload("wordpress_comment.json"), registry, received_at)
    events += normalise_wordpress(payload("wordpress_batch.json"), registry, received_at)
    for event in events:
        dumped = event.model_dump_json()
        assert "@" not in dumped  # no e-mail address, whatever its domain
        assert "203.0.113.77" not in dumped


def test_guest_pseudonym_is_stable_per_name_and_site(
    payload: Load, registry: TenantRegistry, received_at: datetime
) -> None:
    [a] = normalise_wordpress(payload("wordpress_comment.json"), registry, received_at)
    other = payload("wordpress_comment.json")
    other.update(comment_ID="1200", comment_content="Encore moi", comment_author="dominique r.")
    [b] = normalise_wordpress(other, registry, received_at)
    other["comment_author"] = "Someone Else"
    [c] = normalise_wordpress(other, registry, received_at)
    assert a.author.id == b.author.id != c.author.id


def test_batch_with_own_reply_edit_and_removal(
    payload: Load, registry: TenantRegistry, received_at: datetime
) -> None:
    reply, edited, trashed = normalise_wordpress(payload("wordpress_batch.json"), registry, received_at)
    assert reply.is_own_reply and reply.author.id == "1" and reply.parent_id == "1187"
    assert reply.url == "https://blog.acme.example/2026/11/nouvelle-bouilloire/#comment-1190"
    assert edited.verb is Verb.EDITED and edited.edited_at == received_at and not edited.is_own_reply
    assert trashed.verb is Verb.REMOVE and trashed.url is None
    assert {e.tenant for e in (reply, edited, trashed)} == {"acme"}


def test_event_ids_are_deterministic(payload: Load, registry: TenantRegistry, received_at: datetime) -> None:
    later = received_at + timedelta(minutes=10)
    first = normalise_wordpress(payload("wordpress_batch.json"), registry, received_at)
    retry = normalise_wordpress(payload("wordpress_batch.json"), registry, later)
    assert [e.event_id for e in first] == [e.event_id for e in retry]
    [original] = normalise_wordpress(payload("wordpress_comment.json"), registry, received_at)
    assert original.event_id != first[1].event_id  # the add and the edit of comment 1187
    body = payload("wordpress_batch.json")
    body["comments"][1]["comment_content"] = "Deuxième édition."
    assert normalise_wordpress(body, registry, received_at)[1].event_id != first[1].event_id


def test_same_comment_id_on_two_sites_gets_two_event_ids(
    payload: Load, registry: TenantRegistry, received_at: datetime
) -> None:
    body = payload("wordpress_comment.json")
    [on_blog] = normalise_wordpress(body, registry, received_at)
    body["site_url"] = "https://globex.example/news"
    [on_globex] = normalise_wordpress(body, registry, received_at)
    assert on_globex.tenant == "globex" and on_blog.object_id == on_globex.object_id
    assert on_blog.event_id != on_globex.event_id


def test_list_delivery_and_blog_id(payload: Load, registry: TenantRegistry, received_at: datetime) -> None:
    comment = payload("wordpress_comment.json")
    del comment["site_url"]
    comment["blog_id"] = 42
    events = normalise_wordpress([comment, {**comment, "comment_ID": "1188"}], registry, received_at)
    assert [e.object_id for e in events] == ["1187", "1188"]
    assert wordpress_tenant([comment], registry).id == "acme"


def test_wordpress_tenant(payload: Load, registry: TenantRegistry) -> None:
    assert wordpress_tenant(payload("wordpress_batch.json"), registry).id == "acme"
    mixed = [
        payload("wordpress_comment.json"),
        {**payload("wordpress_comment.json"), "site_url": "globex.example/news"},
    ]
    with pytest.raises(NormalisationError, match="one delivery must come from one tenant"):
        wordpress_tenant(mixed, registry)
    with pytest.raises(UnknownTenantError):
        wordpress_tenant(
            {**payload("wordpress_comment.json"), "site_url": "https://unknown.example"}, registry
        )


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (lambda c: c.pop("site_url"), "payload.site_url: required (or blog_id)"),
        (lambda c: c.pop("comment_ID"), "payload.comment_ID: required"),
        (lambda c: c.pop("comment_post_ID"), "payload.comment_post_ID: required"),
        (lambda c: c.update(comment_date_gmt="0000-00-00 00:00:00"), "comment_date_gmt: unset (0000-00-00)"),
        (lambda c: c.pop("comment_date_gmt"), "payload.comment_date_gmt: required timestamp"),
        (lambda c: c.update(comment_date_gmt="27/11/2026"), "comment_date_gmt: not a valid timestamp"),
        (lambda c: c.update(action="publish_post"), "payload.verb: expected add, edited or remove"),
        (
            lambda c: c.update(comment_content=["a"]),
            "payload.comment_content: expected a string, got an array",
        ),
    ],
)
def test_malformed_comments_raise(
    payload: Load, registry: TenantRegistry, received_at: datetime, change: Callable[[Any], None], reason: str
) -> None:
    comment = payload("wordpress_comment.json")
    change(comment)
    with pytest.raises(NormalisationError) as caught:
        normalise_wordpress(comment, registry, received_at)
    assert reason in caught.value.reason
    assert "dominique.r@" not in str(caught.value)  # errors name fields, not personal data


def test_empty_batch_and_scalar_raise(registry: TenantRegistry, received_at: datetime) -> None:
    with pytest.raises(NormalisationError, match="comments: empty"):
        normalise_wordpress({"site_url": "https://blog.acme.example", "comments": []}, registry, received_at)
    with pytest.raises(NormalisationError, match="payload: expected an object, got a string"):
        normalise_wordpress(json.loads('"hello"'), registry, received_at)
