from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from schemas import Author, Category, ClassifiedEvent, HandledBy, Platform, Severity, SocialEvent
from services.classify.config import EscalationConfig
from services.classify.escalation import (
    AuthorState,
    EscalationOutcome,
    ThreadState,
    apply_escalations,
    author_state_key,
    crisis_audit_event,
    handled_signal_for,
)
from services.classify.severity import severity_for

T0 = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)


def classified(
    n: int, at: datetime, category: Category, *, author: str = "a1", thread: str = "t1"
) -> ClassifiedEvent:
    event = SocialEvent(
        event_id=f"e{n}",
        tenant="acme",
        platform=Platform.FACEBOOK,
        object_id=f"c{n}",
        thread_id=thread,
        author=Author(id=author),
        text="x",
        created_at=at,
        received_at=at,
    )
    sev = severity_for(category)
    return ClassifiedEvent(
        event=event,
        lang="fr",
        category=category,
        severity=sev,
        base_severity=sev,
        model_version="test",
        classified_at=at,
    )


def run(events: list[ClassifiedEvent], config: EscalationConfig | None = None) -> list[EscalationOutcome]:
    authors: dict[str, AuthorState] = {}
    threads: dict[str, ThreadState] = {}
    outcomes = []
    for c in events:
        akey, tkey = author_state_key(c.event), c.event.key
        out = apply_escalations(c, authors.get(akey, AuthorState()), threads.get(tkey, ThreadState()), config)
        # states travel as JSON, the way the Faust tables keep them
        authors[akey] = AuthorState.model_validate(
            json.loads(json.dumps(out.author_state.model_dump(mode="json")))
        )
        threads[tkey] = ThreadState.model_validate(
            json.loads(json.dumps(out.thread_state.model_dump(mode="json")))
        )
        outcomes.append(out)
    return outcomes


def test_repeat_offender_raises_the_fourth_event() -> None:
    events = [classified(i, T0 + timedelta(hours=i), Category.INSULT, thread=f"t{i}") for i in range(4)]
    outs = run(events)
    assert [o.classified.severity for o in outs] == [Severity.HIGH] * 3 + [Severity.CRITICAL]
    esc = outs[3].classified.escalations
    assert [e.kind for e in esc] == ["repeat_offender"]
    assert (esc[0].from_severity, esc[0].to_severity) == (Severity.HIGH, Severity.CRITICAL)
    assert any(r.kind == "escalation" for r in outs[3].classified.reasons)
    assert outs[3].classified.base_severity == Severity.HIGH


def test_repeat_offender_window_edge_exactly_24h() -> None:
    first3 = [classified(i, T0 + timedelta(minutes=i), Category.INSULT, thread=f"t{i}") for i in range(3)]
    # exactly 24 h after the first: the first no longer counts → only 2 within the window
    at_edge = run([*first3, classified(9, T0 + timedelta(hours=24), Category.COMPLAINT, thread="z")])
    assert at_edge[-1].classified.severity == Severity.MEDIUM and not at_edge[-1].classified.escalations
    just_before = run(
        [
            *first3,
            classified(9, T0 + timedelta(hours=24) - timedelta(seconds=1), Category.COMPLAINT, thread="z"),
        ]
    )
    assert just_before[-1].classified.severity == Severity.HIGH


def test_repeat_offender_ignores_low_severity_and_redelivery() -> None:
    low = [classified(i, T0 + timedelta(minutes=i), Category.COMPLAINT, thread=f"t{i}") for i in range(5)]
    assert (
        run([*low, classified(9, T0 + timedelta(hours=1), Category.INSULT)])[-1].classified.severity
        == Severity.HIGH
    )
    same = classified(1, T0, Category.INSULT)
    outs = run([same, same, same, classified(2, T0 + timedelta(minutes=1), Category.INSULT)])
    assert outs[-1].classified.severity == Severity.HIGH  # the same event thrice counts once


def test_pile_on_crisis_once_and_raises_negatives() -> None:
    kinds = [Category.COMPLAINT] * 4 + [Category.INSULT, Category.PRAISE, Category.COMPLAINT]
    events = [classified(i, T0 + timedelta(minutes=i), k, author=f"u{i}") for i, k in enumerate(kinds)]
    outs = run(events)
    assert [o.crisis is not None for o in outs] == [False] * 4 + [True, False, False]
    assert [o.classified.crisis for o in outs] == [False] * 4 + [True, True, True]
    assert outs[4].classified.severity == Severity.CRITICAL  # insult high → critical
    assert outs[5].classified.severity == Severity.NONE  # praise in a crisis is not raised
    assert outs[6].classified.severity == Severity.HIGH  # complaint medium → high
    assert [e.kind for e in outs[6].classified.escalations] == ["pile_on"]
    signal = outs[4].crisis
    assert signal is not None and signal.trigger_event_id == "e4" and len(signal.negative_event_ids) == 5
    audit = crisis_audit_event(signal, outs[4].classified)
    assert audit.decision == "crisis" and audit.details["crisis_id"] == signal.crisis_id
    assert audit.audit_id == crisis_audit_event(signal, outs[4].classified).audit_id


def test_pile_on_window_edge_exactly_10_minutes() -> None:
    def five(last: timedelta) -> list[ClassifiedEvent]:
        times = [timedelta(0), timedelta(minutes=1), timedelta(minutes=2), timedelta(minutes=3), last]
        return [classified(i, T0 + dt, Category.COMPLAINT, author=f"u{i}") for i, dt in enumerate(times)]

    assert run(five(timedelta(minutes=10)))[-1].crisis is None
    assert run(five(timedelta(minutes=10) - timedelta(seconds=1)))[-1].crisis is not None


def test_thresholds_are_configurable() -> None:
    config = EscalationConfig(pile_on_threshold=2, pile_on_window=timedelta(minutes=1))
    events = [
        classified(i, T0 + timedelta(seconds=30 * i), Category.COMPLAINT, author=f"u{i}") for i in range(2)
    ]
    assert run(events, config)[-1].crisis is not None


def test_replay_is_deterministic() -> None:
    kinds = [Category.COMPLAINT] * 6
    events = [classified(i, T0 + timedelta(minutes=i), k, author="same") for i, k in enumerate(kinds)]
    a = [o.classified.model_dump(mode="json") for o in run(events)]
    b = [o.classified.model_dump(mode="json") for o in run(events)]
    assert a == b


def test_handled_signal_for_own_reply() -> None:
    reply = SocialEvent(
        event_id="r1",
        tenant="acme",
        platform=Platform.FACEBOOK,
        object_id="c9",
        thread_id="t1",
        parent_id="c1",
        author=Author(id="page"),
        text="Merci, on s'en occupe",
        created_at=T0,
        received_at=T0,
        is_own_reply=True,
    )
    sig = handled_signal_for(reply)
    assert (sig.object_id, sig.thread_id, sig.handled_by) == ("c1", "t1", HandledBy.OWN_REPLY)
    assert sig.handled_at == T0 and sig.source_event_id == "r1"
    assert sig.signal_id == handled_signal_for(reply).signal_id
