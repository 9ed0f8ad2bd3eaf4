"""Respond service over the real broker and PostgreSQL: queue records → actions, handled signals, audit rows.

Queue records are built with the real routing (`route()` on the shipped Quebec calendar). The tenant's
site and contact links point at a local HTTPS server on 127.0.0.1 (the respond unit tests' self-signed
certificate, trusted by the service through SSL_CERT_FILE), so link checks pass or fail for real and
nothing beyond this machine is contacted.
"""

from __future__ import annotations

import shutil
import time
import uuid
from collections.abc import Callable, Iterator
from datetime import datetime
from functools import partial

import pytest
from confluent_kafka import Consumer, KafkaException, TopicPartition

from schemas import (
    Author,
    Category,
    ClassifiedEvent,
    DeadLetter,
    Platform,
    Reason,
    RoutedItem,
    Severity,
    SocialEvent,
    utc_now,
)
from schemas.topics import MODERATION_ACTIONS, MODERATION_HANDLED, QUEUE_TOPICS, queue_topic
from services.route.policy import load_policy
from services.route.routing import escalate, route
from tests.integration.infra import (
    IntegrationStack,
    Record,
    ServiceProcess,
    TopicTail,
    action_id,
    metric_value,
    wait_until,
)
from tests.unit.respond.respond_helpers import CERT, LocalSite, https_site

pytestmark = pytest.mark.integration

TRACE = "00-" + "ab" * 16 + "-" + "cd" * 8 + "-01"
TUESDAY_10AM = "2026-11-24T10:00:00-05:00"  # open (Quebec 8 to 4)
FRIDAY_7PM = "2026-11-27T19:00:00-05:00"  # closed until Monday, November 30 at 8:00
SEVERITY = {
    Category.THREAT: Severity.CRITICAL,
    Category.SPAM: Severity.LOW,
    Category.COMPLAINT: Severity.MEDIUM,
    Category.QUESTION: Severity.LOW,
}
FAQ = """
entries:
  - id: heures
    patterns: ["heures? d'ouverture"]
    answer: Nos heures d'ouverture sont affichées sur notre site.
    link: /heures
  - id: stationnement
    patterns: ["stationnement"]
    answer: Le stationnement est gratuit pour nos clients.
    link: /missing
"""


@pytest.fixture(scope="module")
def site() -> Iterator[LocalSite]:
    with https_site() as local:
        yield local


@pytest.fixture(scope="module")
def respond(stack: IntegrationStack, site: LocalSite) -> Iterator[ServiceProcess]:
    folder = stack.config_dir / "respond"
    (folder / "faq" / "acme").mkdir(parents=True, exist_ok=True)
    (folder / "acme.yaml").write_text(f"site_url: {site.base}\ncontact_url: {site.url('/nous-joindre')}\n")
    (folder / "faq" / "acme" / "fr.yaml").write_text(FAQ)
    skip_earlier_queue_records(stack)
    try:
        with stack.service("respond", SSL_CERT_FILE=str(CERT)) as proc:
            yield proc
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="module")
def audit(stack: IntegrationStack) -> Iterator[ServiceProcess]:
    with stack.service("audit") as proc:
        yield proc


def skip_earlier_queue_records(stack: IntegrationStack) -> None:
    """Start vigie-respond at the end of the queue topics: records other test modules queued for tenants
    without a local site would otherwise make the service check links on the internet."""
    consumer = Consumer({"bootstrap.servers": stack.kafka_bootstrap, "group.id": "vigie-respond"})
    try:
        ends = []
        for topic in QUEUE_TOPICS.values():
            for partition in consumer.list_topics(topic, timeout=10).topics[topic].partitions:
                high: int = wait_until(partial(end_offset, consumer, topic, partition), what="a leader")
                ends.append(TopicPartition(topic, partition, high - 1))
        consumer.commit(offsets=ends, asynchronous=False)
    finally:
        consumer.close()


def end_offset(consumer: Consumer, topic: str, partition: int) -> int | None:
    """End offset + 1 (so that 0 stays truthy), None while the fresh partition has no leader yet."""
    try:
        return int(consumer.get_watermark_offsets(TopicPartition(topic, partition), timeout=5)[1]) + 1
    except KafkaException:
        return None


def routed(
    category: Category,
    at: str,
    text: str = "...",
    *,
    thread: str | None = None,
    author: str = "Marie Tremblay",
) -> RoutedItem:
    when = datetime.fromisoformat(at)
    object_id = uuid.uuid4().hex
    event = SocialEvent(
        event_id=SocialEvent.make_id(Platform.FACEBOOK, object_id, "add", when.isoformat()),
        tenant="acme",
        platform=Platform.FACEBOOK,
        object_id=object_id,
        thread_id=thread or f"post-{uuid.uuid4().hex[:8]}",
        author=Author(id="a-1", display_name=author),
        text=text,
        created_at=when,
        received_at=when,
    )
    classified = ClassifiedEvent(
        event=event,
        lang="fr",
        category=category,
        severity=SEVERITY[category],
        base_severity=SEVERITY[category],
        reasons=[Reason(kind="lexicon", detail=f"matched a {category} term", category=category)],
        model_version="test",
        classified_at=when,
    )
    # acme has no route policy file in the test config: the shipped Quebec default applies.
    return route(classified, load_policy("acme", None), now=utc_now())


def produce(stack: IntegrationStack, *items: RoutedItem) -> None:
    producer = stack.producer()
    for item in items:
        producer.produce(
            queue_topic(item.queue),
            key=item.key,
            value=item.to_json_bytes(),
            headers=[("traceparent", TRACE), ("vigie-received-at", utc_now().isoformat())],
        )
    assert producer.flush(30) == 0


def about(item: RoutedItem, topic: str = MODERATION_ACTIONS) -> Callable[[Record], bool]:
    event_id = item.classified.event.event_id

    def predicate(record: Record) -> bool:
        if record.topic != topic:
            return False
        value = record.json()
        return value.get("event_id") == event_id or value.get("object_id") == item.classified.event.object_id

    return predicate


def respond_audit_rows(stack: IntegrationStack, item: RoutedItem) -> list[tuple]:
    with stack.db() as conn:
        return conn.execute(
            "SELECT decision, outcome, trace_id FROM audit_events WHERE subject_event_id = %s AND stage = %s",
            (item.classified.event.event_id, "respond"),
        ).fetchall()


def lint_failures(respond: ServiceProcess, check: str) -> float:
    return metric_value(respond.metrics(), "vigie_reply_lint_failures_total", check=check)


def test_a_threat_is_hidden_and_on_call_notified_with_an_audit_row(stack, respond, audit) -> None:
    tail = stack.tail(MODERATION_ACTIONS)
    item = routed(Category.THREAT, TUESDAY_10AM, "Je vais venir vous régler votre compte")
    produce(stack, item)
    records = tail.collect(about(item), 2, timeout=60, distinct=action_id)
    assert sorted(r.json()["type"] for r in records) == ["hide", "notify_on_call"]
    assert all(r.key == item.key.encode() for r in records)
    assert all(r.headers["traceparent"] == TRACE.encode() for r in records), "the trace is carried"
    assert all(r.json()["queue"] == "urgent" for r in records)
    rows = wait_until(lambda: respond_audit_rows(stack, item), what="the respond audit row")
    assert rows == [("responded:0", "ok", "ab" * 16)]


def test_a_complaint_after_hours_gets_an_acknowledgement_naming_the_next_opening(
    stack, respond, site
) -> None:
    tail = stack.tail(MODERATION_ACTIONS)
    item = routed(Category.COMPLAINT, FRIDAY_7PM, "Votre service est lent")
    assert not item.in_business_hours
    produce(stack, item)
    records = tail.collect(about(item), 2, timeout=60, distinct=action_id)
    by_type = {r.json()["type"]: r.json() for r in records}
    ack = by_type["acknowledge"]
    assert ack["text"] == (
        "Bonjour Marie, merci de votre message. Notre équipe est de retour le lundi 30 novembre à 8 h "
        "et vous répondra d'ici 10 h."
    )
    assert not ack["requires_approval"] and ack["lint"] == []
    draft = by_type["reply_draft"]  # for the team's return; its contact link was checked for real
    assert draft["requires_approval"] and draft["lint"] == []
    assert site.hits.get("HEAD /nous-joindre", 0) >= 1


def sent_texts(stack: IntegrationStack, thread_key: str) -> list[str]:
    with stack.db() as conn:
        rows = conn.execute("SELECT text FROM respond_sent_texts WHERE thread_key = %s", (thread_key,))
        return [row[0] for row in rows.fetchall()]


def test_a_second_acknowledgement_on_the_thread_is_a_duplicate_and_becomes_a_draft(stack, respond) -> None:
    thread = f"post-{uuid.uuid4().hex[:8]}"
    first = routed(Category.COMPLAINT, FRIDAY_7PM, "Service lent", thread=thread)
    second = routed(Category.COMPLAINT, FRIDAY_7PM, "Encore lent", thread=thread)
    tail = stack.tail(MODERATION_ACTIONS)
    produce(stack, first)
    tail.collect(about(first), 2, timeout=60, distinct=action_id)
    sent = wait_until(
        lambda: sent_texts(stack, first.key), what="the acknowledgement recorded"
    )  # after the ack
    assert len(sent) == 1 and "lundi 30 novembre" in sent[0]
    before = lint_failures(respond, "duplicate")
    produce(stack, second)
    records = tail.collect(about(second), 2, timeout=60, distinct=action_id)
    drafts = [r.json() for r in records if r.json()["type"] == "reply_draft"]
    duplicate = [d for d in drafts if [f["check"] for f in d["lint"]] == ["duplicate"]]
    assert len(duplicate) == 1 and duplicate[0]["requires_approval"]
    wait_until(lambda: lint_failures(respond, "duplicate") == before + 1, what="the lint failure counted")


def test_spam_is_hidden_and_handled_by_vigie(stack, respond) -> None:
    tail = stack.tail(MODERATION_ACTIONS, MODERATION_HANDLED)
    item = routed(Category.SPAM, TUESDAY_10AM, "Gagnez un iPhone ici")
    produce(stack, item)
    [hide] = tail.collect(about(item), 1, timeout=60)
    assert hide.json()["type"] == "hide"
    [signal] = tail.collect(about(item, MODERATION_HANDLED), 1)
    assert signal.key == item.key.encode()
    assert signal.json()["handled_by"] == "vigie"
    assert signal.json()["source_event_id"] == hide.json()["action_id"]
    assert signal.headers["traceparent"] == TRACE.encode()


def test_a_faq_answer_goes_out_when_its_link_is_live_and_is_drafted_when_broken(stack, respond) -> None:
    tail = stack.tail(MODERATION_ACTIONS, MODERATION_HANDLED)
    live = routed(Category.QUESTION, TUESDAY_10AM, "Quelles sont vos heures d'ouverture ?")
    broken = routed(Category.QUESTION, TUESDAY_10AM, "Le stationnement est-il payant ?")
    before = lint_failures(respond, "link")
    produce(stack, live, broken)
    [reply] = tail.collect(about(live), 1, timeout=60)
    assert reply.json()["type"] == "reply" and reply.json()["text"].endswith("/heures")
    tail.collect(about(live, MODERATION_HANDLED), 1)
    [draft] = tail.collect(about(broken), 1)
    assert draft.json()["type"] == "reply_draft" and draft.json()["requires_approval"]
    [finding] = draft.json()["lint"]
    assert finding["check"] == "link" and "broken (404)" in finding["message"]
    assert not [r for r in tail.drain(quiet=1) if about(broken, MODERATION_HANDLED)(r)]
    wait_until(lambda: lint_failures(respond, "link") == before + 1, what="the lint failure counted")


def test_a_breach_escalation_notifies_on_call(stack, respond) -> None:
    tail = stack.tail(MODERATION_ACTIONS)
    item = routed(Category.COMPLAINT, TUESDAY_10AM, "Toujours pas de réponse")
    breach = escalate(item, load_policy("acme", None), now=utc_now())
    assert breach is not None and breach.escalation_level == 1
    produce(stack, item)
    tail.collect(about(item), 1, timeout=60)
    produce(stack, breach)
    records = tail.collect(lambda r: about(item)(r) and r.json()["type"] == "notify_on_call", 1)
    assert len(records) == 1


def actions_of(tail: TopicTail, item: RoutedItem) -> list[str]:
    return sorted(r.json()["action_id"] for r in tail.drain(quiet=3) if about(item)(r))


def test_a_redelivered_queue_record_gets_one_set_of_actions_even_after_a_restart(stack, respond) -> None:
    tail = stack.tail(MODERATION_ACTIONS)
    item = routed(Category.THREAT, FRIDAY_7PM, "Menace répétée")
    produce(stack, item, item)  # the same record twice, as a producer retry or a replay would
    tail.collect(about(item), 2, timeout=60, distinct=action_id)
    assert len(actions_of(tail, item)) == 2, "one hide, one notify_on_call: no second set"
    assert metric_value(respond.metrics(), "vigie_respond_duplicates_total", tenant="acme") >= 1

    respond.stop()  # the in-memory ledger is gone: only PostgreSQL remembers
    respond.start()
    produce(stack, item)
    wait_until(
        lambda: metric_value(respond.metrics(), "vigie_respond_duplicates_total", tenant="acme") >= 1,
        timeout=60,
        what="the redelivery skipped after the restart",
    )
    assert len(actions_of(tail, item)) == 2
    with stack.db() as conn:
        row = conn.execute(
            "SELECT count(*) FROM respond_processed WHERE event_id = %s",
            (item.classified.event.event_id,),
        ).fetchone()
    assert row == (1,)


def test_a_bad_queue_record_is_dead_lettered_and_the_stream_goes_on(stack, respond) -> None:
    topic = queue_topic("standard")
    tail = stack.tail(topic + ".dlq", MODERATION_ACTIONS)
    marker = uuid.uuid4().hex.encode()
    producer = stack.producer()
    producer.produce(
        topic, key=b"acme:facebook:bad", value=b'{"not": "a routed item", "m": "' + marker + b'"}'
    )
    assert producer.flush(30) == 0
    [record] = tail.collect(lambda r: r.topic.endswith(".dlq") and marker in r.value, 1, timeout=60)
    letter = DeadLetter.from_kafka(record.key, record.value, list(record.headers.items()))
    assert letter.original_topic == topic and letter.consumer_group == "vigie-respond"
    assert letter.error_class == "ValidationError"
    item = routed(Category.SPAM, TUESDAY_10AM)
    produce(stack, item)
    tail.collect(about(item), 1, timeout=60)  # the stream went on


def test_a_database_outage_delays_the_answer_but_loses_and_dead_letters_nothing(stack, respond) -> None:
    if stack.postgres is None:
        pytest.fail("this test needs the test-managed PostgreSQL (unset VIGIE_TEST_DATABASE_URL)")
    item = routed(Category.SPAM, TUESDAY_10AM, "Achetez des abonnés")
    tail = stack.tail(MODERATION_ACTIONS, queue_topic(item.queue) + ".dlq")
    stack.postgres.stop()
    try:
        produce(stack, item)
        time.sleep(3)  # the service fails to read its ledger, rewinds and backs off meanwhile
        assert not [r for r in tail.drain(quiet=1) if about(item)(r)], "nothing before it can be recorded"
    finally:
        stack.postgres.start()
    tail.collect(about(item), 1, timeout=60)
    assert not [r for r in tail.drain(quiet=1) if r.topic.endswith(".dlq")]
    assert respond.proc is not None and respond.proc.poll() is None, "the service survives the outage"
