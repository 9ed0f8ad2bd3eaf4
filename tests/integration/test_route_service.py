"""Route service against the real broker and PostgreSQL: queues, stopped clocks, breaches, restarts.

Deadlines that pass during a test come from event times in the past: routing uses the event time, the
breach timer the wall clock. Each test uses its own tenant (all get the default Quebec policy).
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from schemas import (
    ClassifiedEvent,
    HandledBy,
    HandledSignal,
    Severity,
    utc_now,
)
from schemas.topics import (
    MODERATION_AUDIT,
    MODERATION_HANDLED,
    QUEUE_TOPICS,
    SOCIAL_CLASSIFIED,
    dead_letter_topic,
    queue_topic,
)
from tests.integration.infra import (
    IntegrationStack,
    Record,
    ServiceProcess,
    TopicTail,
    metric_value,
    wait_until,
)
from tests.unit.route import route_helpers

pytestmark = pytest.mark.integration
OUTPUTS = (*QUEUE_TOPICS.values(), MODERATION_AUDIT)


@pytest.fixture(scope="module")
def route(stack: IntegrationStack) -> Iterator[ServiceProcess]:
    with stack.service("route") as proc:
        yield proc


def new_tenant() -> str:
    return f"rt-{uuid.uuid4().hex[:10]}"


def classified(
    tenant: str, severity: Severity, created_at: datetime, thread: str = "post-1"
) -> ClassifiedEvent:
    return route_helpers.classified(
        created_at, severity, tenant=tenant, object_id=uuid.uuid4().hex, thread_id=thread
    )


def handled(event: ClassifiedEvent) -> HandledSignal:
    e = event.event
    return HandledSignal(
        signal_id=uuid.uuid4().hex,
        tenant=e.tenant,
        platform=e.platform,
        thread_id=e.thread_id,
        object_id=e.object_id,
        handled_by=HandledBy.MODERATOR,
        source_event_id=uuid.uuid4().hex,
        handled_at=utc_now(),
    )


TRACE = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"


def send(stack: IntegrationStack, topic: str, *records: ClassifiedEvent | HandledSignal | bytes) -> None:
    producer = stack.producer()
    for record in records:
        if isinstance(record, bytes):
            producer.produce(topic, key=b"bad", value=record)
            continue
        headers: list[tuple[str, str | bytes | None]] = [
            ("traceparent", TRACE.encode()),
            ("vigie-received-at", utc_now().isoformat().encode()),
        ]
        producer.produce(topic, key=record.key, value=record.to_json_bytes(), headers=headers)
    assert producer.flush(30) == 0


def is_item(record: Record, event_id: str, level: int | None = None) -> bool:
    """A queue record of this comment (at this escalation level)?"""
    if not record.topic.startswith("moderation.queue."):
        return False
    item = record.json()
    return bool(
        item["classified"]["event"]["event_id"] == event_id
        and (level is None or item["escalation_level"] == level)
    )


def is_audit(record: Record, event_id: str, decision: str) -> bool:
    if record.topic != MODERATION_AUDIT:
        return False
    audit = record.json()
    return bool(audit["subject_event_id"] == event_id and audit["decision"] == decision)


def items(tail: TopicTail, event_id: str, level: int | None = None) -> list[Record]:
    return [r for r in tail.seen if is_item(r, event_id, level)]


def audits(tail: TopicTail, event_id: str, decision: str) -> list[Record]:
    return [r for r in tail.seen if is_audit(r, event_id, decision)]


def collect_item(tail: TopicTail, event_id: str, level: int = 0, timeout: float = 60) -> Record:
    return tail.collect(lambda r: is_item(r, event_id, level), 1, timeout=timeout)[0]


def collect_audit(tail: TopicTail, event_id: str, decision: str, timeout: float = 60) -> Record:
    return tail.collect(lambda r: is_audit(r, event_id, decision), 1, timeout=timeout)[0]


def sla_row(stack: IntegrationStack, event_id: str) -> dict | None:
    with stack.db() as conn:
        row = conn.execute(
            "SELECT queue, escalation_level, due_at, breached_at, handled_at FROM route_sla_items"
            " WHERE event_id = %s",
            (event_id,),
        ).fetchone()
    keys = ("queue", "escalation_level", "due_at", "breached_at", "handled_at")
    return None if row is None else dict(zip(keys, row, strict=True))


def at(text: str) -> datetime:
    return datetime.fromisoformat(text)


def test_classified_events_go_to_the_queue_of_their_severity_and_time(stack, route) -> None:
    tenant = new_tenant()
    tail = stack.tail(*OUTPUTS)
    cases = {
        # Future event times: these deadlines do not pass during the test.
        "priority": (
            classified(tenant, Severity.HIGH, at("2026-12-01T10:00:00-05:00")),
            "2026-12-01T16:00:00+00:00",
        ),
        "on-call": (
            classified(tenant, Severity.HIGH, at("2026-11-27T17:30:00-05:00")),
            "2026-11-27T23:30:00+00:00",
        ),
        "urgent": (
            classified(tenant, Severity.CRITICAL, at("2026-11-27T17:30:00-05:00")),
            "2026-11-27T22:45:00+00:00",
        ),
        "auto": (classified(tenant, Severity.LOW, at("2026-12-01T10:00:00-05:00")), None),
    }
    send(stack, SOCIAL_CLASSIFIED, *(event for event, _ in cases.values()))

    for queue, (event, due) in cases.items():
        record = collect_item(tail, event.event.event_id)
        item = record.json()
        assert record.topic == queue_topic(queue), (queue, item["calendar_reason"])
        assert item["queue"] == queue
        assert (item["due_at"] and at(item["due_at"])) == (due and at(due))
        assert record.key == event.key.encode()
        assert record.headers["traceparent"] == TRACE.encode()
        assert "vigie-received-at" in record.headers
        audit = collect_audit(tail, event.event.event_id, "routed:0").json()
        assert audit["outcome"] == "ok" and audit["details"]["queue"] == queue
        assert audit["trace_id"] == TRACE.split("-")[1]
        # A clock runs for every item with a deadline, none for `auto`.
        row = sla_row(stack, event.event.event_id)
        assert (row is None) == (due is None)
        assert row is None or (row["queue"], row["handled_at"]) == (queue, None)

    assert not items(tail, cases["priority"][0].event.event_id, level=1)
    metrics = route.metrics()
    assert (
        metric_value(metrics, "vigie_route_items_total", tenant=tenant, queue="on-call", severity="high") == 1
    )
    assert metric_value(metrics, "vigie_route_items_total", tenant=tenant) == 4
    wait_until(
        lambda: metric_value(route.metrics(), "vigie_route_open_items", tenant=tenant) == 3,
        what="the open-items gauge",
    )


def test_redelivered_classified_event_keeps_one_clock(stack, route) -> None:
    tail = stack.tail(*OUTPUTS)
    event = classified(new_tenant(), Severity.HIGH, at("2026-12-01T10:00:00-05:00"))
    send(stack, SOCIAL_CLASSIFIED, event, event)
    tail.collect(lambda r: is_item(r, event.event.event_id, 0), 2)
    with stack.db() as conn:
        row = conn.execute(
            "SELECT count(*) FROM route_sla_items WHERE event_id = %s", (event.event.event_id,)
        ).fetchone()
    assert row == (1,)
    # Same item id both times: a queue consumer can de-duplicate the redelivery.
    assert len({r.json()["item_id"] for r in items(tail, event.event.event_id)}) == 1


def test_handled_signal_stops_the_clock_and_an_unhandled_item_escalates_once(stack, route) -> None:
    tenant = new_tenant()
    tail = stack.tail(*OUTPUTS)
    # High severity, 60-minute SLA, written 59 minutes ago: both deadlines pass 60 s from now.
    created = utc_now() - timedelta(minutes=59)
    answered = classified(tenant, Severity.HIGH, created, thread="answered")
    ignored = classified(tenant, Severity.HIGH, created, thread="ignored")
    due = created + timedelta(minutes=60)
    send(stack, SOCIAL_CLASSIFIED, answered, ignored)
    first = collect_item(tail, answered.event.event_id).json()
    collect_item(tail, ignored.event.event_id)
    assert first["queue"] in ("priority", "on-call")  # depends on when the test runs

    send(stack, MODERATION_HANDLED, handled(answered))
    stopped = collect_audit(tail, answered.event.event_id, "sla_stopped").json()
    assert stopped["outcome"] == "ok" and stopped["details"]["late"] is False
    assert utc_now() < due, "the handled signal took too long to arrive for this test to mean anything"

    # The timer escalates the ignored item; the answered one was due at the same instant, so the same
    # timer run would have escalated it too, had its clock not been stopped.
    escalated = collect_item(tail, ignored.event.event_id, level=1, timeout=180).json()
    assert escalated["queue"] == "urgent" and escalated["escalated_from"] == first["queue"]
    breach = collect_audit(tail, ignored.event.event_id, "sla_breach:0").json()
    assert breach["details"]["escalated_to"] == "urgent"
    tail.drain(quiet=4)  # several more timer runs

    assert len(items(tail, ignored.event.event_id, level=1)) == 1
    assert len(audits(tail, ignored.event.event_id, "sla_breach:0")) == 1
    assert not items(tail, answered.event.event_id, level=1)
    assert not audits(tail, answered.event.event_id, "sla_breach:0")
    answered_row, ignored_row = (
        sla_row(stack, answered.event.event_id),
        sla_row(stack, ignored.event.event_id),
    )
    assert answered_row is not None and answered_row["handled_at"] is not None
    assert ignored_row is not None and (ignored_row["queue"], ignored_row["escalation_level"]) == (
        "urgent",
        1,
    )

    metrics = route.metrics()
    assert metric_value(metrics, "vigie_sla_breaches_total", tenant=tenant) == 1
    assert metric_value(metrics, "vigie_route_time_to_handle_seconds_count", tenant=tenant) == 1


def test_an_answer_that_overtakes_its_comment_still_stops_the_clock(stack, route) -> None:
    """The own reply skips classify's second stage, so route can see the signal before the comment."""
    tenant = new_tenant()
    tail = stack.tail(*OUTPUTS)
    # Two hours old with a 60-minute SLA: already overdue, so only a stopped clock prevents a breach.
    overtaken = classified(tenant, Severity.HIGH, utc_now() - timedelta(hours=2), thread="overtaken")
    overdue = classified(tenant, Severity.HIGH, utc_now() - timedelta(hours=2), thread="overdue")
    send(stack, MODERATION_HANDLED, handled(overtaken))
    time.sleep(2)  # the signal is processed first
    send(stack, SOCIAL_CLASSIFIED, overtaken, overdue)

    collect_item(tail, overtaken.event.event_id)
    stopped = collect_audit(tail, overtaken.event.event_id, "sla_stopped").json()
    assert stopped["details"]["late"] is True  # answered after the deadline, but answered
    collect_item(tail, overdue.event.event_id, level=1, timeout=120)  # the control: it does breach
    tail.drain(quiet=4)
    assert not items(tail, overtaken.event.event_id, level=1)
    row = sla_row(stack, overtaken.event.event_id)
    assert row is not None and row["handled_at"] is not None


def test_a_breach_fires_once_across_a_crash_and_restart(stack, route) -> None:
    tenant = new_tenant()
    tail = stack.tail(*OUTPUTS)
    # Overdue by an hour: breaches at once, then its urgent escalation (15 min) is overdue too and breaches
    # at the top of the ladder, with no further step.
    overdue = classified(tenant, Severity.HIGH, utc_now() - timedelta(hours=2), thread="overdue")
    # Due 25 s from now: its deadline passes while the service is down.
    soon_created = utc_now() - timedelta(minutes=60) + timedelta(seconds=25)
    soon = classified(tenant, Severity.HIGH, soon_created, thread="soon")
    send(stack, SOCIAL_CLASSIFIED, overdue, soon)
    collect_item(tail, overdue.event.event_id, level=1, timeout=90)
    collect_audit(tail, overdue.event.event_id, "sla_breach:1", timeout=90)
    collect_item(tail, soon.event.event_id)
    wait_until(
        lambda: (
            (row := sla_row(stack, overdue.event.event_id)) is not None and row["breached_at"] is not None
        ),
        what="the top-of-ladder breach to be committed",
    )

    route.kill()  # SIGKILL: no drain
    wait_until(
        lambda: utc_now() > soon_created + timedelta(minutes=60, seconds=2), timeout=60, what="the deadline"
    )
    route.start()

    collect_item(tail, soon.event.event_id, level=1, timeout=180)
    time.sleep(3)  # several timer runs of the restarted service
    tail.drain(quiet=3)
    assert len(items(tail, overdue.event.event_id, level=1)) == 1
    assert len(audits(tail, overdue.event.event_id, "sla_breach:0")) == 1
    assert len(audits(tail, overdue.event.event_id, "sla_breach:1")) == 1
    assert len(items(tail, soon.event.event_id, level=1)) == 1
    assert len(audits(tail, soon.event.event_id, "sla_breach:0")) == 1


def test_a_bad_record_is_dead_lettered_and_the_stream_goes_on(stack, route) -> None:
    tail = stack.tail(dead_letter_topic(SOCIAL_CLASSIFIED), *OUTPUTS)
    bad = b'{"event": {"tenant": "' + uuid.uuid4().hex.encode() + b'"}}'
    good = classified(new_tenant(), Severity.CRITICAL, at("2026-12-01T10:00:00-05:00"))
    send(stack, SOCIAL_CLASSIFIED, bad, good)
    [letter] = tail.collect(lambda r: r.value == bad, 1)
    assert letter.topic == dead_letter_topic(SOCIAL_CLASSIFIED)
    assert letter.headers["vigie-dlq-error-class"] == b"ValidationError"
    collect_item(tail, good.event.event_id)


def test_a_database_outage_is_waited_out_not_dead_lettered(stack, route) -> None:
    if stack.postgres is None:
        pytest.fail("this test needs the test-managed PostgreSQL (unset VIGIE_TEST_DATABASE_URL)")
    tail = stack.tail(dead_letter_topic(SOCIAL_CLASSIFIED), *OUTPUTS)
    event = classified(new_tenant(), Severity.HIGH, at("2026-12-01T10:00:00-05:00"))
    stack.postgres.stop()
    try:
        send(stack, SOCIAL_CLASSIFIED, event)
        time.sleep(3)  # the service tries, fails and backs off meanwhile
    finally:
        stack.postgres.start()
    collect_item(tail, event.event.event_id, timeout=120)
    wait_until(lambda: sla_row(stack, event.event.event_id) is not None, what="the SLA row")
    assert not [r for r in tail.seen if r.topic.endswith(".dlq") and event.event.event_id.encode() in r.value]
    assert route.proc is not None and route.proc.poll() is None, "the service must survive the outage"


def test_an_invalid_policy_stops_the_service_naming_the_field(stack, tmp_path: Path) -> None:
    config = tmp_path / "config"
    (config / "policies").mkdir(parents=True)
    (config / "policies" / "broken.yaml").write_text("timezone: Mars/Olympus_Mons\n")
    proc = ServiceProcess(stack, "route", {})
    proc.env["VIGIE_CONFIG_DIR"] = str(config)
    with pytest.raises(RuntimeError) as failure:
        proc.start(timeout=60)
    assert "broken.yaml" in str(failure.value) and "timezone" in str(failure.value)
    assert proc.proc is not None and proc.proc.returncode != 0
