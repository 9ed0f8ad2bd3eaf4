"""Meta (Facebook Page feed, Instagram comments) normaliser on payloads shaped as Meta documents them."""

from __future__ import annotations

import copy
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from schemas import EventKind, Platform, SocialEvent, Verb
from services.ingest.normalize import NormalisationError, UnknownTenantError, meta_tenants, normalise_meta
from services.ingest.tenants import TenantRegistry

Load = Callable[[str], Any]
T0 = datetime(2026, 11, 27, 22, 30, tzinfo=UTC)


def test_page_comment_add(payload: Load, registry: TenantRegistry, received_at: datetime) -> None:
    [event] = normalise_meta(payload("meta_page_comment_add.json"), registry, received_at)
    assert event.tenant == "acme"
    assert event.account_id == "105360279071416"
    assert (event.platform, event.kind, event.verb) == (Platform.FACEBOOK, EventKind.COMMENT, Verb.ADD)
    assert event.object_id == "880012345678901_1200345678901234"
    assert event.thread_id == "105360279071416_880012345678901"
    assert event.parent_id is None  # Meta gives the post as parent of a top-level comment
    assert event.author.id == "7012345678901234" and event.author.display_name == "Camille Martin"
    assert event.text == "Toujours pas reçu ma commande, ça fait trois semaines !"
    assert event.created_at == T0 and event.edited_at is None and event.received_at == received_at
    assert event.source == "webhook" and not event.is_own_reply
    assert (
        event.url == "https://www.facebook.com/acmeofficial/posts/pfbid02Xk9WqLm?comment_id=1200345678901234"
    )
    assert event.event_id == SocialEvent.make_id("facebook", event.object_id, "add", T0.isoformat())
    assert event.key == "acme:facebook:105360279071416_880012345678901"


def test_page_comment_edited_accepts_iso_time(
    payload: Load, registry: TenantRegistry, received_at: datetime
) -> None:
    [added] = normalise_meta(payload("meta_page_comment_add.json"), registry, received_at)
    [edited] = normalise_meta(payload("meta_page_comment_edited.json"), registry, received_at)
    assert edited.verb is Verb.EDITED
    assert edited.created_at == T0  # "2026-11-27T22:30:00+0000"
    assert edited.edited_at == datetime(2026, 11, 27, 22, 31, 5, tzinfo=UTC)  # the change's entry.time
    assert edited.text.endswith("Numéro 48213.")
    assert edited.object_id == added.object_id and edited.event_id != added.event_id
    assert edited.event_id == SocialEvent.make_id(
        "facebook", edited.object_id, "edited", edited.edited_at.isoformat()
    )
    # Built from the ids when the payload carries no post permalink.
    assert (
        edited.url
        == "https://www.facebook.com/105360279071416/posts/880012345678901?comment_id=1200345678901234"
    )


def test_two_edits_without_entry_time_get_distinct_ids(
    payload: Load, registry: TenantRegistry, received_at: datetime
) -> None:
    first = payload("meta_page_comment_edited.json")
    del first["entry"][0]["time"]
    second = copy.deepcopy(first)
    second["entry"][0]["changes"][0]["value"]["message"] = "Reçu finalement, merci."
    [a] = normalise_meta(first, registry, received_at)
    [a_again] = normalise_meta(copy.deepcopy(first), registry, received_at + timedelta(minutes=5))
    [b] = normalise_meta(second, registry, received_at)
    assert a.event_id == a_again.event_id != b.event_id
    assert a.edited_at == T0


def test_page_comment_remove(payload: Load, registry: TenantRegistry, received_at: datetime) -> None:
    [added] = normalise_meta(payload("meta_page_comment_add.json"), registry, received_at)
    [removed] = normalise_meta(payload("meta_page_comment_remove.json"), registry, received_at)
    assert removed.verb is Verb.REMOVE and removed.text == ""
    assert removed.object_id == added.object_id and removed.thread_id == added.thread_id
    assert removed.event_id not in (added.event_id,)
    assert removed.event_id == SocialEvent.make_id("facebook", removed.object_id, "remove", T0.isoformat())


def test_reply_keeps_its_parent(payload: Load, registry: TenantRegistry, received_at: datetime) -> None:
    [reply] = normalise_meta(payload("meta_page_reply.json"), registry, received_at)
    assert reply.parent_id == "880012345678901_1200345678901234"
    assert reply.thread_id == "105360279071416_880012345678901"
    assert not reply.is_own_reply
    assert reply.url == (
        "https://www.facebook.com/105360279071416/posts/880012345678901"
        "?comment_id=1200345678901234&reply_comment_id=1200345678909999"
    )


def test_own_replies_by_the_page_and_by_a_declared_account(
    payload: Load, registry: TenantRegistry, received_at: datetime
) -> None:
    by_page, by_staff = normalise_meta(payload("meta_page_own_reply.json"), registry, received_at)
    assert by_page.author.id == "105360279071416" and by_page.is_own_reply
    assert by_staff.author.id == "6500000000000001" and by_staff.is_own_reply
    assert by_page.parent_id == by_staff.parent_id == "880012345678901_1200345678901234"


def test_non_comment_changes_are_skipped(
    payload: Load, registry: TenantRegistry, received_at: datetime
) -> None:
    # reaction, like, status post, comment hide, a non-feed field: none is an error, none is an event
    events = normalise_meta(payload("meta_page_mixed.json"), registry, received_at)
    assert [e.object_id for e in events] == ["880099999999999_1200000000000042"]


def test_entry_without_changes_gives_no_event(registry: TenantRegistry, received_at: datetime) -> None:
    messaging = {"object": "page", "entry": [{"id": "105360279071416", "time": 1795818603, "messaging": []}]}
    assert normalise_meta(messaging, registry, received_at) == []


def test_instagram_comment(payload: Load, registry: TenantRegistry, received_at: datetime) -> None:
    [event] = normalise_meta(payload("meta_instagram_comment.json"), registry, received_at)
    assert (event.tenant, event.platform, event.kind, event.verb) == ("acme", "instagram", "comment", "add")
    assert event.account_id == "17841405309211844"
    assert event.object_id == "17865799348089039" and event.thread_id == "18012345678901234"
    assert event.author.id == "17841401111111111"
    assert event.author.handle == event.author.display_name == "lea.photos"
    assert event.text == "Arnaque totale, ne commandez pas ici"
    assert event.created_at == datetime(
        2026, 11, 28, 8, 15, tzinfo=UTC
    )  # entry.time: IG sends no comment time
    assert event.parent_id is None and not event.is_own_reply and event.url is None


def test_instagram_own_reply_and_skipped_mention(
    payload: Load, registry: TenantRegistry, received_at: datetime
) -> None:
    [reply] = normalise_meta(payload("meta_instagram_replies.json"), registry, received_at)
    assert reply.parent_id == "17865799348089039" and reply.is_own_reply
    assert reply.thread_id == "18012345678901234"


def test_retry_gives_the_same_event_id(
    payload: Load, registry: TenantRegistry, received_at: datetime
) -> None:
    for name in (
        "meta_page_comment_add.json",
        "meta_page_comment_edited.json",
        "meta_instagram_comment.json",
    ):
        first = normalise_meta(payload(name), registry, received_at)
        retry = normalise_meta(payload(name), registry, received_at + timedelta(hours=1))
        assert [e.event_id for e in first] == [e.event_id for e in retry]


def test_missing_from_means_unknown_author(
    payload: Load, registry: TenantRegistry, received_at: datetime
) -> None:
    body = payload("meta_page_comment_add.json")
    del body["entry"][0]["changes"][0]["value"]["from"]
    [event] = normalise_meta(body, registry, received_at)
    assert event.author.id == "" and not event.is_own_reply


def test_millisecond_entry_time(payload: Load, registry: TenantRegistry, received_at: datetime) -> None:
    body = payload("meta_instagram_comment.json")
    body["entry"][0]["time"] = 1795853700123
    [event] = normalise_meta(body, registry, received_at)
    assert event.created_at == datetime(2026, 11, 28, 8, 15, 0, 123000, tzinfo=UTC)


def test_meta_tenants(payload: Load, registry: TenantRegistry) -> None:
    assert [t.id for t in meta_tenants(payload("meta_page_comment_add.json"), registry)] == ["acme"]
    body = payload("meta_page_comment_add.json")
    body["entry"].append({**body["entry"][0], "id": "200000000000002"})
    assert [t.id for t in meta_tenants(body, registry)] == ["acme", "globex"]
    body["entry"][1]["id"] = "31337"
    with pytest.raises(UnknownTenantError):
        meta_tenants(body, registry)


def _mutate(path: str, value: Any) -> Callable[[dict[str, Any]], None]:
    """Set (or delete, with `...`) one field of the first change's value."""

    def apply(body: dict[str, Any]) -> None:
        target = body["entry"][0]["changes"][0]["value"]
        if value is ...:
            del target[path]
        else:
            target[path] = value

    return apply


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (lambda b: b.update(object="user"), "object: expected 'page' or 'instagram'"),
        (lambda b: b.update(entry=[]), "entry: empty"),
        (lambda b: b.update(entry={"id": "1"}), "entry: expected an array, got an object"),
        (
            lambda b: b["entry"][0].update(id="31337"),
            "entry.id: no tenant has this page or Instagram account",
        ),
        (lambda b: b["entry"][0].update(changes="feed"), "entry[0].changes: expected an array, got a string"),
        (
            lambda b: b["entry"][0]["changes"][0].update(value=None),
            "entry[0].changes[0].value: expected an object",
        ),
        (_mutate("comment_id", ...), "entry[0].changes[0].value.comment_id: required"),
        (_mutate("post_id", ""), "entry[0].changes[0].value.post_id: required"),
        (_mutate("verb", "frobnicate"), "entry[0].changes[0].value.verb: expected add, edited or remove"),
        (
            _mutate("message", {"text": "hi"}),
            "entry[0].changes[0].value.message: expected a string, got an object",
        ),
        (
            _mutate("created_time", "yesterday"),
            "entry[0].changes[0].value.created_time: not a valid timestamp",
        ),
        (_mutate("created_time", "2026-11-27T22:30:00"), "created_time: timestamp without a time zone"),
        (_mutate("from", ["7012345678901234"]), "entry[0].changes[0].value.from: expected an object"),
    ],
)
def test_malformed_payloads_raise(
    payload: Load, registry: TenantRegistry, received_at: datetime, change: Callable[[Any], None], reason: str
) -> None:
    body = payload("meta_page_comment_add.json")
    change(body)
    with pytest.raises(NormalisationError) as caught:
        normalise_meta(body, registry, received_at)
    assert reason in caught.value.reason


def test_instagram_comment_without_media_or_time_raises(
    payload: Load, registry: TenantRegistry, received_at: datetime
) -> None:
    body = payload("meta_instagram_comment.json")
    del body["entry"][0]["changes"][0]["value"]["media"]
    with pytest.raises(NormalisationError, match=r"value\.media: expected an object"):
        normalise_meta(body, registry, received_at)
    body = payload("meta_instagram_comment.json")
    del body["entry"][0]["time"]
    with pytest.raises(NormalisationError, match=r"value\.timestamp: required"):
        normalise_meta(body, registry, received_at)


def test_not_an_object_raises(registry: TenantRegistry, received_at: datetime) -> None:
    with pytest.raises(NormalisationError, match="payload: expected an object, got an array"):
        normalise_meta([], registry, received_at)
