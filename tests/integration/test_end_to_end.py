"""The whole pipeline over the real broker: a signed webhook comes out as actions, every stage audited."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import ExitStack

import pytest

from schemas.topics import MODERATION_ACTIONS
from tests.integration.infra import IntegrationStack, ServiceProcess, action_id, wait_until
from tests.integration.test_ingest_audit import meta_comment, post, signed

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def pipeline(stack: IntegrationStack) -> Iterator[dict[str, ServiceProcess]]:
    with ExitStack() as services:
        yield {
            name: services.enter_context(stack.service(name))
            for name in ("audit", "ingest", "classify", "route", "respond")
        }


def test_a_threat_posted_on_a_page_is_hidden_and_on_call_notified_with_one_trace(stack, pipeline) -> None:
    actions = stack.tail(MODERATION_ACTIONS)
    body = meta_comment(uuid.uuid4().hex, "Je sais où tu travailles, fais attention à toi")
    trace = f"00-{uuid.uuid4().hex}-{uuid.uuid4().hex[:16]}-01"
    status, answer = post(
        pipeline["ingest"].url + "/webhooks/meta", body, {**signed(body), "traceparent": trace}
    )
    assert status == 200, answer
    [event_id] = answer["event_ids"]

    found = actions.collect(lambda r: r.json()["event_id"] == event_id, 2, timeout=120, distinct=action_id)
    assert sorted(r.json()["type"] for r in found) == ["hide", "notify_on_call"]
    assert all(r.headers["traceparent"] == trace.encode() for r in found)  # carried from ingest to actions
    assert all(r.key == b"acme:facebook:111111_555" for r in found)

    def stages() -> set[str]:
        with stack.db() as conn:
            rows = conn.execute(
                "SELECT stage, trace_id FROM audit_events WHERE subject_event_id = %s", (event_id,)
            ).fetchall()
        return {stage for stage, trace_id in rows if trace_id == trace.split("-")[1]}

    assert wait_until(
        lambda: stages() >= {"ingest", "classify", "route", "respond"}, timeout=60, what="audits"
    )
