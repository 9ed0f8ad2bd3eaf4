"""The public contract: records validate as documented and schema changes stay backwards compatible."""

from __future__ import annotations

import copy
import json
from datetime import UTC, datetime, timedelta, timezone

import pytest
from pydantic import ValidationError

from schemas import Author, DeadLetter, SocialEvent, stable_id
from schemas.compat import breaking_changes, generate, render, schema_file
from schemas.records import PUBLISHED_MODELS
from schemas.topics import CATALOGUE, CONSUMED_TOPICS, DLQ_TOPICS, QUEUE_TOPICS, dead_letter_topic


def make_event(**overrides: object) -> SocialEvent:
    base: dict[str, object] = dict(
        event_id="e1",
        tenant="t",
        platform="facebook",
        object_id="c1",
        thread_id="p1",
        author=Author(id="a1"),
        text="bonjour",
        created_at=datetime(2026, 11, 27, 17, 30, tzinfo=timezone(timedelta(hours=-5))),
        received_at=datetime(2026, 11, 27, 22, 31, tzinfo=UTC),
    )
    base.update(overrides)
    return SocialEvent.model_validate(base)


def test_datetimes_are_stored_in_utc() -> None:
    event = make_event()
    assert event.created_at == datetime(2026, 11, 27, 22, 30, tzinfo=UTC)
    assert event.created_at.utcoffset() == timedelta(0)
    assert '"created_at":"2026-11-27T22:30:00Z"' in event.model_dump_json()


def test_naive_datetimes_are_rejected() -> None:
    with pytest.raises(ValidationError, match="created_at"):
        make_event(created_at=datetime(2026, 11, 27, 17, 30))


def test_consumers_tolerate_additive_fields_and_producers_emit_none() -> None:
    raw = json.loads(make_event().model_dump_json())
    raw["field_from_a_newer_producer"] = 42
    parsed = SocialEvent.model_validate(raw)
    assert "field_from_a_newer_producer" not in parsed.model_dump_json()


def test_thread_key_and_deterministic_ids() -> None:
    assert make_event().key == "t:facebook:p1"
    first = SocialEvent.make_id("facebook", "c1", "add", "2026-11-27T22:30:00Z")
    assert first == SocialEvent.make_id("facebook", "c1", "add", "2026-11-27T22:30:00Z")
    assert first != SocialEvent.make_id("facebook", "c1", "edited", "2026-11-27T22:30:00Z")
    assert stable_id("a", "b") != stable_id("ab")


def test_dead_letter_round_trips_through_kafka_headers() -> None:
    letter = DeadLetter(
        original_topic="social.events.v1",
        partition=3,
        offset=42,
        consumer_group="vigie-classify",
        error_class="ValueError",
        error_message="bad",
        failed_at=datetime(2026, 1, 1, tzinfo=UTC),
        key=b"k",
        value=b"\xff\x00 not json",
    )
    again = DeadLetter.from_kafka(b"k", b"\xff\x00 not json", letter.headers())
    assert again == letter
    assert DeadLetter.model_validate_json(letter.model_dump_json()).value == b"\xff\x00 not json"


def test_catalogue_follows_the_conventions() -> None:
    names = [spec.name for spec in CATALOGUE]
    assert len(names) == len(set(names))
    assert set(QUEUE_TOPICS.values()) <= set(names)
    for topic in CONSUMED_TOPICS:
        assert dead_letter_topic(topic) in names
    assert all(spec.partitions == 1 for spec in DLQ_TOPICS)
    data = [s for s in CATALOGUE if not s.name.endswith(".dlq")]
    assert all(s.partitions == 6 for s in data)


@pytest.mark.parametrize("model", PUBLISHED_MODELS, ids=lambda m: m.SCHEMA_NAME)
def test_checked_in_schema_matches_the_model(model) -> None:  # type: ignore[no-untyped-def]
    path = schema_file(model)
    assert path.exists(), f"run `vigie schemas export`: {path.name} missing"
    assert path.read_text() == render(generate(model)), f"{path.name} drifted: run `vigie schemas export`"


@pytest.mark.parametrize("model", PUBLISHED_MODELS, ids=lambda m: m.SCHEMA_NAME)
def test_models_stay_backwards_compatible_with_published_v1(model) -> None:  # type: ignore[no-untyped-def]
    published = json.loads(schema_file(model).read_text())
    assert breaking_changes(published, generate(model)) == []


# -- the compatibility checker itself must catch each kind of break ---------------------------------------
BASE = generate(SocialEvent)


def mutated(change) -> dict:  # type: ignore[no-untyped-def]
    schema = copy.deepcopy(BASE)
    change(schema)
    return schema


def test_additive_optional_field_is_compatible() -> None:
    new = mutated(lambda s: s["properties"].update(extra={"type": "string", "default": ""}))
    assert breaking_changes(BASE, new) == []


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda s: s["properties"].pop("url"), "url: property removed"),
        (lambda s: s["properties"].update(link=s["properties"].pop("url")), "url: property removed"),
        (lambda s: s["required"].append("url"), "url: newly required"),
        (lambda s: s["properties"].update(url={"type": "string"}), "url: type narrowed"),
        (lambda s: s["$defs"]["Platform"]["enum"].remove("x"), "Platform: type narrowed"),
        (lambda s: s["properties"]["tenant"].update(minLength=5), "tenant: minLength tightened"),
        (
            lambda s: (
                s["properties"].update(new_required={"type": "string"})
                or s["required"].append("new_required")
            ),
            "new_required: newly required",
        ),
    ],
    ids=[
        "removed",
        "renamed",
        "now-required",
        "narrowed-type",
        "enum-value-removed",
        "tighter-bound",
        "new-required",
    ],
)
def test_breaking_changes_are_detected(change, expected: str) -> None:  # type: ignore[no-untyped-def]
    problems = breaking_changes(BASE, mutated(change))
    assert any(expected in p for p in problems), problems
