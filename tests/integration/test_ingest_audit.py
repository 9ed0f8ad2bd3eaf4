"""Ingest and audit sink against the real broker and PostgreSQL."""

from __future__ import annotations

import hashlib
import hmac
import json
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator

import pytest

from schemas import AuditEvent, DeadLetter, Stage, utc_now
from schemas.topics import INGEST_DLQ, MODERATION_AUDIT, SOCIAL_EVENTS
from tests.integration.infra import SECRETS, IntegrationStack, ServiceProcess, metric_value, wait_until

pytestmark = pytest.mark.integration
META_SECRET = SECRETS["VIGIE_SECRET_ACME_META_APP_SECRET"]


def meta_comment(
    comment_id: str, message: str = "Le service est lent aujourd'hui", verb: str = "add"
) -> bytes:
    payload = {
        "object": "page",
        "entry": [
            {
                "id": "111111",
                "time": int(time.time()),
                "changes": [
                    {
                        "field": "feed",
                        "value": {
                            "item": "comment",
                            "verb": verb,
                            "comment_id": f"555_{comment_id}",
                            "post_id": "111111_555",
                            "parent_id": "111111_555",
                            "message": message,
                            "from": {"id": "42", "name": "Client Mécontent"},
                            "created_time": 1795000000,
                        },
                    }
                ],
            }
        ],
    }
    return json.dumps(payload).encode()


def post(url: str, body: bytes, headers: dict[str, str]) -> tuple[int, dict]:
    request = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json", **headers})
    try:
        with urllib.request.urlopen(request, timeout=30) as resp:
            return resp.status, json.loads(resp.read())
    except urllib.error.HTTPError as err:
        return err.code, json.loads(err.read() or b"{}")


def signed(body: bytes, secret: str = META_SECRET) -> dict[str, str]:
    return {"X-Hub-Signature-256": "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()}


@pytest.fixture(scope="module")
def ingest(stack: IntegrationStack) -> Iterator[ServiceProcess]:
    with stack.service("ingest", VIGIE_INGEST_MAX_BODY_BYTES="20000") as proc:
        yield proc


@pytest.fixture(scope="module")
def audit(stack: IntegrationStack) -> Iterator[ServiceProcess]:
    with stack.service("audit") as proc:
        yield proc


def audit_rows(stack: IntegrationStack, subject: str) -> list[tuple]:
    with stack.db() as conn:
        return conn.execute(
            "SELECT stage, decision, outcome, tenant FROM audit_events WHERE subject_event_id = %s",
            (subject,),
        ).fetchall()


def test_signed_meta_webhook_reaches_the_topic_and_the_audit_table(stack, ingest, audit) -> None:
    tail = stack.tail(SOCIAL_EVENTS)
    comment = uuid.uuid4().hex
    body = meta_comment(comment)
    status, answer = post(ingest.url + "/webhooks/meta", body, signed(body))
    assert status == 200, answer
    assert answer["accepted"] == 1
    event_id = answer["event_ids"][0]

    [record] = tail.collect(lambda r: r.json()["event_id"] == event_id, 1)
    event = record.json()
    assert event["tenant"] == "acme" and event["platform"] == "facebook"
    assert event["object_id"] == f"555_{comment}" and event["thread_id"] == "111111_555"
    assert record.key == b"acme:facebook:111111_555"
    assert record.headers["vigie-schema"] == b"SocialEvent/v1"
    assert record.headers["traceparent"].startswith(b"00-")

    rows = wait_until(lambda: audit_rows(stack, event_id), what="the audit row")
    assert rows == [("ingest", "accepted", "produced", "acme")]


def test_the_same_webhook_twice_gives_one_event_id_and_one_record(stack, ingest) -> None:
    tail = stack.tail(SOCIAL_EVENTS)
    body = meta_comment(uuid.uuid4().hex)
    first = post(ingest.url + "/webhooks/meta", body, signed(body))
    second = post(ingest.url + "/webhooks/meta", body, signed(body))
    assert first[0] == second[0] == 200
    assert first[1]["event_ids"] == second[1]["event_ids"]
    assert (first[1]["accepted"], second[1]["duplicates"]) == (1, 1)
    event_id = first[1]["event_ids"][0]
    records = [r for r in tail.drain() if r.json()["event_id"] == event_id]
    assert len(records) == 1
    assert metric_value(ingest.metrics(), "vigie_ingest_events_total", outcome="duplicate") >= 1


def test_an_edit_is_a_new_event(stack, ingest) -> None:
    comment = uuid.uuid4().hex
    add, edit = meta_comment(comment), meta_comment(comment, "corrigé", verb="edited")
    ids = [post(ingest.url + "/webhooks/meta", b, signed(b))[1]["event_ids"][0] for b in (add, edit)]
    assert ids[0] != ids[1]


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"X-Hub-Signature-256": "sha256=" + "0" * 64},
        {"X-Hub-Signature-256": "sha1=" + "0" * 40},
    ],
    ids=["missing", "wrong", "wrong-algorithm"],
)
def test_bad_signature_is_401_and_nothing_is_produced(stack, ingest, headers) -> None:
    tail = stack.tail(SOCIAL_EVENTS)
    comment = uuid.uuid4().hex
    status, answer = post(ingest.url + "/webhooks/meta", meta_comment(comment), headers)
    assert status == 401 and "error" in answer
    assert not [r for r in tail.drain() if comment in r.value.decode()]


def test_tampered_body_is_401(stack, ingest) -> None:
    body = meta_comment(uuid.uuid4().hex)
    status, _ = post(ingest.url + "/webhooks/meta", body.replace(b"lent", b"bon"), signed(body))
    assert status == 401


def test_malformed_json_is_400_and_oversized_body_is_413(ingest) -> None:
    body = b'{"object": "page", "entry": ['
    assert post(ingest.url + "/webhooks/meta", body, signed(body))[0] == 400
    big = b'{"object": "page", "pad": "' + b"x" * 30000 + b'"}'
    assert post(ingest.url + "/webhooks/meta", big, signed(big))[0] == 413


def test_unprocessable_payload_is_422_with_a_dead_letter_holding_the_original_bytes(
    stack, ingest, audit
) -> None:
    tail = stack.tail(INGEST_DLQ.name)
    marker = uuid.uuid4().hex
    body = json.dumps(
        {
            "object": "page",
            "entry": [
                {
                    "id": "111111",
                    "marker": marker,
                    "changes": [
                        {"field": "feed", "value": {"item": "comment", "verb": "add", "post_id": "1_2"}}
                    ],
                }
            ],
        }
    ).encode()
    status, answer = post(ingest.url + "/webhooks/meta", body, signed(body))
    assert status == 422 and answer["error"]
    [record] = tail.collect(lambda r: marker.encode() in r.value, 1)
    assert record.value == body
    letter = DeadLetter.from_kafka(record.key, record.value, list(record.headers.items()))
    assert letter.original_topic == "webhook:meta" and letter.error_class == "NormalisationError"


def test_canonical_api_needs_the_tenant_token(stack, ingest) -> None:
    event = {
        "platform": "other",
        "object_id": uuid.uuid4().hex,
        "thread_id": "t1",
        "author": {"id": "a"},
        "text": "Quand ouvrez-vous ?",
        "created_at": "2026-11-27T17:30:00-05:00",
    }
    body = json.dumps({"events": [event]}).encode()
    assert post(ingest.url + "/v1/events", body, {"Authorization": "Bearer nope"})[0] == 401
    status, answer = post(ingest.url + "/v1/events", body, {"Authorization": "Bearer api-token-for-tests"})
    assert status == 200 and answer["accepted"] == 1


def test_meta_subscription_handshake(ingest) -> None:
    ok = f"{ingest.url}/webhooks/meta?hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=12345"
    with urllib.request.urlopen(ok, timeout=5) as resp:
        assert resp.read() == b"12345"
    bad = f"{ingest.url}/webhooks/meta?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=12345"
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(bad, timeout=5)
    assert err.value.code == 403


# -- audit sink ---------------------------------------------------------------------------------------------
def produce_audits(stack: IntegrationStack, tenant: str, count: int) -> list[str]:
    producer = stack.producer()
    ids = []
    for i in range(count):
        subject = f"{tenant}-subject-{i}"
        event = AuditEvent(
            audit_id=AuditEvent.make_id(Stage.CLASSIFY, subject, "classified"),
            stage=Stage.CLASSIFY,
            subject_event_id=subject,
            tenant=tenant,
            decision="classified",
            outcome="ok",
            occurred_at=utc_now(),
        )
        producer.produce(MODERATION_AUDIT, key=subject, value=event.to_json_bytes())
        ids.append(event.audit_id)
        if i % 1000 == 0:
            producer.poll(0)
    assert producer.flush(30) == 0
    return ids


def tenant_rows(stack: IntegrationStack, tenant: str) -> tuple[int, int]:
    with stack.db() as conn:
        row = conn.execute(
            "SELECT count(*), count(DISTINCT audit_id) FROM audit_events WHERE tenant = %s", (tenant,)
        ).fetchone()
    assert row is not None
    return int(row[0]), int(row[1])


def test_redelivered_audit_events_are_written_once(stack, audit) -> None:
    tenant = f"dup-{uuid.uuid4().hex[:8]}"
    produce_audits(stack, tenant, 50)
    produce_audits(stack, tenant, 50)  # the same records again, as a producer retry would send them
    wait_until(lambda: tenant_rows(stack, tenant)[0] >= 50, what="rows")
    time.sleep(2)
    assert tenant_rows(stack, tenant) == (50, 50)


def test_audit_sink_waits_out_a_database_outage(stack, audit) -> None:
    if stack.postgres is None:
        pytest.fail("this test needs the test-managed PostgreSQL (unset VIGIE_TEST_DATABASE_URL)")
    tenant = f"outage-{uuid.uuid4().hex[:8]}"
    stack.postgres.stop()
    try:
        produce_audits(stack, tenant, 200)
        time.sleep(3)  # the sink tries, fails, pauses and backs off meanwhile
    finally:
        stack.postgres.start()
    wait_until(lambda: tenant_rows(stack, tenant)[0] >= 200, timeout=60, what="rows after the outage")
    assert tenant_rows(stack, tenant) == (200, 200)
    assert audit.proc is not None and audit.proc.poll() is None, "the sink must survive the outage"


def test_audit_sink_killed_mid_batch_loses_and_duplicates_nothing(stack) -> None:
    tenant = f"crash-{uuid.uuid4().hex[:8]}"
    total = 20000
    produce_audits(stack, tenant, total)
    sink = ServiceProcess(stack, "audit", {"VIGIE_AUDIT_BATCH_SIZE": "20"})
    sink.start()
    try:
        wait_until(lambda: tenant_rows(stack, tenant)[0] > 0, what="the first rows", interval=0.05)
        sink.kill()  # SIGKILL: no drain, whatever batch was in flight is lost in the process
        written_before_restart = tenant_rows(stack, tenant)[0]
    finally:
        sink.stop()
    assert written_before_restart < total, "the sink finished before it could be killed; raise `total`"
    with stack.service("audit"):
        wait_until(lambda: tenant_rows(stack, tenant)[0] >= total, timeout=90, what="all rows")
        time.sleep(1)
        assert tenant_rows(stack, tenant) == (total, total)
