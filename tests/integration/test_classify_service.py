"""The classify service over the real broker: outputs, escalation windows, state across a restart."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest

from schemas import Author, SocialEvent
from schemas.topics import MODERATION_AUDIT, MODERATION_HANDLED, SOCIAL_CLASSIFIED, SOCIAL_EVENTS
from tests.integration.infra import IntegrationStack, ServiceProcess, metric_value, wait_until

pytestmark = pytest.mark.integration
BASE = datetime(2026, 11, 27, 22, 30, tzinfo=UTC)  # Friday 17:30 in Montreal


def event(text: str, *, thread: str, author: str, minute: int = 0, **extra: object) -> SocialEvent:
    object_id = uuid.uuid4().hex
    return SocialEvent(
        event_id=SocialEvent.make_id("facebook", object_id, "add", BASE),
        tenant="acme",
        platform="facebook",
        object_id=object_id,
        thread_id=thread,
        author=Author(id=author, display_name="Someone"),
        text=text,
        created_at=BASE + timedelta(minutes=minute),
        received_at=datetime.now(UTC),
        **extra,  # type: ignore[arg-type]
    )


def publish(stack: IntegrationStack, *events: SocialEvent) -> None:
    producer = stack.producer()
    for e in events:
        producer.produce(SOCIAL_EVENTS, key=e.key, value=e.to_json_bytes())
    assert producer.flush(30) == 0


@pytest.fixture(scope="module")
def classify(stack: IntegrationStack) -> Iterator[ServiceProcess]:
    with stack.service("classify") as proc:
        yield proc


def classified_of(tail, events: list[SocialEvent], timeout: float = 90) -> dict[str, dict]:  # type: ignore[no-untyped-def]
    """The classified record of each event (the first one, should a rebalance replay an event)."""
    ids = {e.event_id for e in events}
    found = tail.collect(
        lambda r: r.topic == SOCIAL_CLASSIFIED and r.json()["event"]["event_id"] in ids,
        len(ids),
        timeout=timeout,
        distinct=lambda r: r.json()["event"]["event_id"],
    )
    return {r.json()["event"]["event_id"]: r.json() for r in found}


def test_comments_are_classified_audited_and_own_replies_become_handled_signals(stack, classify) -> None:
    tail = stack.tail(SOCIAL_CLASSIFIED, MODERATION_HANDLED, MODERATION_AUDIT)
    thread = uuid.uuid4().hex
    insult = event("T'es vraiment un ostie de cave, le gérant", thread=thread, author=uuid.uuid4().hex)
    reply = event(
        "Bonjour, nous sommes désolés, écrivez-nous en privé.",
        thread=thread,
        author="111111",
        is_own_reply=True,
        parent_id=insult.object_id,
    )
    publish(stack, insult, reply)

    out = classified_of(tail, [insult])[insult.event_id]
    assert (out["category"], out["severity"], out["lang"]) == ("insult", "high", "fr")
    assert out["reasons"] and out["model_version"]
    [signal] = tail.collect(
        lambda r: r.topic == MODERATION_HANDLED and r.json()["source_event_id"] == reply.event_id, 1
    )
    assert signal.json()["object_id"] == insult.object_id and signal.json()["handled_by"] == "own_reply"
    assert not [
        r
        for r in tail.seen
        if r.topic == SOCIAL_CLASSIFIED and r.json()["event"]["event_id"] == reply.event_id
    ]
    audits = tail.collect(
        lambda r: r.topic == MODERATION_AUDIT and r.json()["subject_event_id"] == insult.event_id, 1
    )
    assert audits[0].json()["decision"] == "classified"


def test_pile_on_flags_a_crisis_and_raises_the_negative_events(stack, classify) -> None:
    tail = stack.tail(SOCIAL_CLASSIFIED, MODERATION_AUDIT)
    thread = uuid.uuid4().hex
    complaints = [
        event(text, thread=thread, author=uuid.uuid4().hex, minute=i)
        for i, text in enumerate(
            [
                "Ça fait 3 heures que j'attends, c'est inacceptable",
                "Encore une panne, votre service est vraiment décevant",
                "Toujours pas de remboursement après deux semaines, c'est honteux",
                "Le site ne marche pas depuis ce matin, très frustrant",
                "Personne ne répond au téléphone, service lamentable",
            ]
        )
    ]
    publish(stack, *complaints)
    out = classified_of(tail, complaints)
    assert all(out[e.event_id]["category"] == "complaint" for e in complaints), [
        o["category"] for o in out.values()
    ]
    first, fifth = out[complaints[0].event_id], out[complaints[4].event_id]
    assert (first["crisis"], first["severity"]) == (False, "medium")
    assert (fifth["crisis"], fifth["severity"]) == (True, "high")
    assert [e["kind"] for e in fifth["escalations"]] == ["pile_on"]
    crisis = tail.collect(
        lambda r: (
            r.topic == MODERATION_AUDIT
            and r.json()["decision"] == "crisis"
            and r.json()["thread_id"] == thread
        ),
        1,
    )
    assert crisis[0].json()["subject_event_id"] == complaints[4].event_id


def test_repeat_offender_state_survives_a_crash_and_restart(stack) -> None:
    author, thread = uuid.uuid4().hex, uuid.uuid4().hex
    insults = [
        event(text, thread=thread, author=author, minute=10 * i)
        for i, text in enumerate(
            [
                "Vous êtes une bande d'incompétents finis",
                "You are all a bunch of fucking idiots",
                "Gang de caves, vous êtes des tarés",
                "T'es un crisse de con pis ton boss aussi",
            ]
        )
    ]
    tail = stack.tail(SOCIAL_CLASSIFIED)
    service = ServiceProcess(stack, "classify", {})
    service.start()
    try:
        publish(stack, *insults[:2])
        classified_of(tail, insults[:2])
    finally:
        service.kill()  # a crash: no drain, no commit
    with stack.service("classify"):
        publish(stack, *insults[2:])
        out = classified_of(tail, insults, timeout=120)
    third, fourth = out[insults[2].event_id], out[insults[3].event_id]
    assert all(out[e.event_id]["base_severity"] == "high" for e in insults)
    assert third["escalations"] == [] and third["severity"] == "high"
    assert [e["kind"] for e in fourth["escalations"]] == ["repeat_offender"]
    assert fourth["severity"] == "critical"


def test_consumer_lag_is_exported_like_the_other_stream_processors(stack, classify) -> None:
    def lag_sample() -> bool:
        return 'vigie_consumer_lag_records{service="classify"}' in classify.metrics()

    wait_until(lag_sample, timeout=60, what="the classify lag gauge")
    assert metric_value(classify.metrics(), "vigie_consumer_lag_records", service="classify") >= 0
