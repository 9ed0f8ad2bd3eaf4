"""Escalations as pure functions of (classified event, explicit state, config): no clock, no I/O.

The service keeps the states in Faust tables (changelog-backed) and passes them in; every function
returns the new state. States are small JSON values (`.model_dump(mode="json")` / `model_validate`):

    author state (key `tenant:platform:author_id`): {"events": [["<event_id>", <epoch seconds>], ...]}
    thread state (key `tenant:platform:thread_id`): {"negatives": [["<event_id>", <epoch>], ...],
        "crisis_id": str | null, "crisis_started_at": float | null, "crisis_until": float | null,
        "crisis_event_id": str | null}

Time is the event's `created_at`, so a replay gives the same decisions. "Within a window" is strict:
an entry exactly `window` older than the event no longer counts. Event ids already in a state are
not counted twice, so redelivery (at least once) is harmless.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from pydantic import BaseModel, ConfigDict

from schemas import (
    AuditEvent,
    ClassifiedEvent,
    Escalation,
    HandledBy,
    HandledSignal,
    Reason,
    Severity,
    SocialEvent,
    Stage,
    stable_id,
    thread_key,
)

from .config import EscalationConfig

Entry = tuple[str, float]  # (event id, event time in epoch seconds)


class AuthorState(BaseModel):
    model_config = ConfigDict(frozen=True)

    events: tuple[Entry, ...] = ()  # the author's high/critical events, oldest first


class ThreadState(BaseModel):
    model_config = ConfigDict(frozen=True)

    negatives: tuple[Entry, ...] = ()  # negative events (complaint and worse), oldest first
    crisis_id: str | None = None
    crisis_started_at: float | None = None
    crisis_until: float | None = None  # the crisis lasts one window after its last negative event
    crisis_event_id: str | None = None  # the event that started it

    def in_crisis(self, t: float) -> bool:
        return (
            self.crisis_started_at is not None
            and self.crisis_until is not None
            and (self.crisis_started_at <= t <= self.crisis_until)
        )


@dataclass(frozen=True)
class CrisisSignal:
    """A pile-on started on a thread: the service emits one crisis audit event for it."""

    crisis_id: str
    thread_key: str
    trigger_event_id: str
    started_at: datetime
    negative_event_ids: tuple[str, ...]


@dataclass(frozen=True)
class EscalationOutcome:
    classified: ClassifiedEvent
    author_state: AuthorState
    thread_state: ThreadState
    crisis: CrisisSignal | None  # not None only on the event that starts a crisis


def author_state_key(event: SocialEvent) -> str:
    return f"{event.tenant}:{event.platform}:{event.author.id}"


def _add(entries: tuple[Entry, ...], event_id: str, t: float, window: float, cap: int) -> tuple[Entry, ...]:
    """Add (id, t) once, drop what has left the window relative to the newest entry, keep at most `cap`."""
    merged = entries if any(e[0] == event_id for e in entries) else (*entries, (event_id, t))
    newest = max(ts for _, ts in merged)
    kept = sorted((e for e in merged if newest - e[1] < window), key=lambda e: (e[1], e[0]))
    return tuple(kept[-cap:])


def _recent(entries: tuple[Entry, ...], t: float, window: float, exclude: str | None = None) -> list[Entry]:
    return [e for e in entries if e[0] != exclude and e[1] <= t and t - e[1] < window]


def repeat_offender(
    state: AuthorState, event_id: str, t: float, base: Severity, config: EscalationConfig
) -> tuple[AuthorState, bool, int]:
    """(new state, raise this event?, number of earlier high/critical events in the window)."""
    window = config.repeat_window.total_seconds()
    prior = len(_recent(state.events, t, window, exclude=event_id))
    should_raise = prior >= config.repeat_threshold and base is not Severity.NONE
    if base.rank >= config.repeat_min_severity.rank:
        state = AuthorState(events=_add(state.events, event_id, t, window, config.max_entries))
    return state, should_raise, prior


def pile_on(
    state: ThreadState, event_id: str, t: float, negative: bool, key: str, config: EscalationConfig
) -> tuple[ThreadState, bool, CrisisSignal | None]:
    """(new state, is this event in a crisis?, the crisis signal if this event starts one)."""
    window = config.pile_on_window.total_seconds()
    signal = None
    if negative:
        negatives = _add(state.negatives, event_id, t, window, config.max_entries)
        recent = _recent(negatives, t, window)
        update: dict[str, object] = {"negatives": negatives}
        if state.in_crisis(t):
            update["crisis_until"] = max(state.crisis_until or t, t + window)
        elif len(recent) >= config.pile_on_threshold:
            crisis_id = stable_id("crisis", key, event_id)
            update |= {
                "crisis_id": crisis_id,
                "crisis_started_at": t,
                "crisis_until": t + window,
                "crisis_event_id": event_id,
            }
        state = state.model_copy(update=update)
        if state.crisis_event_id == event_id and state.crisis_id:  # the trigger (also on a replay)
            signal = CrisisSignal(
                crisis_id=state.crisis_id,
                thread_key=key,
                trigger_event_id=event_id,
                started_at=datetime.fromtimestamp(t, UTC),
                negative_event_ids=tuple(e[0] for e in recent),
            )
    return state, state.in_crisis(t), signal


def apply_repeat_offender(
    classified: ClassifiedEvent, state: AuthorState, config: EscalationConfig | None = None
) -> tuple[ClassifiedEvent, AuthorState]:
    """Raise the event when its author had `repeat_threshold` high/critical events in the window."""
    cfg = config or EscalationConfig()
    event = classified.event
    state, should_raise, prior = repeat_offender(
        state, event.event_id, event.created_at.timestamp(), classified.base_severity, cfg
    )
    if not should_raise:
        return classified, state
    new = classified.severity.raised(cfg.raise_steps)
    detail = (
        f"author had {prior} {cfg.repeat_min_severity.value}-or-worse events in the last {cfg.repeat_window}"
    )
    escalation = Escalation(
        kind="repeat_offender", from_severity=classified.severity, to_severity=new, detail=detail
    )
    reason = Reason(kind="escalation", detail=f"repeat offender: {detail}")
    return _raised(classified, new, escalation, reason), state


def apply_pile_on(
    classified: ClassifiedEvent, state: ThreadState, config: EscalationConfig | None = None
) -> tuple[ClassifiedEvent, ThreadState, CrisisSignal | None]:
    """Flag a thread in a pile-on as a crisis and raise its negative events."""
    cfg = config or EscalationConfig()
    event = classified.event
    negative = classified.category.is_negative
    state, crisis, signal = pile_on(
        state, event.event_id, event.created_at.timestamp(), negative, event.key, cfg
    )
    if crisis and not classified.crisis:
        classified = classified.model_copy(update={"crisis": True})
    if crisis and negative:
        new = classified.severity.raised(cfg.raise_steps)
        detail = (
            f"pile-on: {cfg.pile_on_threshold}+ negative events on the thread within "
            f"{cfg.pile_on_window} (crisis {state.crisis_id})"
        )
        escalation = Escalation(
            kind="pile_on", from_severity=classified.severity, to_severity=new, detail=detail
        )
        classified = _raised(classified, new, escalation, Reason(kind="escalation", detail=detail))
    return classified, state, signal


def _raised(
    classified: ClassifiedEvent, severity: Severity, escalation: Escalation, reason: Reason
) -> ClassifiedEvent:
    return classified.model_copy(
        update={
            "severity": severity,
            "escalations": [*classified.escalations, escalation],
            "reasons": [*classified.reasons, reason],
        }
    )


def apply_escalations(
    classified: ClassifiedEvent,
    author_state: AuthorState,
    thread_state: ThreadState,
    config: EscalationConfig | None = None,
) -> EscalationOutcome:
    """Repeat offender, then pile-on; each raises the severity one level (cumulative, capped).

    The service applies the two halves in separate stages, since the author state is partitioned by
    author and the thread state by thread; this composition is what a single process (dry-run) uses.
    """
    classified, author_state = apply_repeat_offender(classified, author_state, config)
    classified, thread_state, signal = apply_pile_on(classified, thread_state, config)
    return EscalationOutcome(classified, author_state, thread_state, signal)


def crisis_audit_event(signal: CrisisSignal, classified: ClassifiedEvent) -> AuditEvent:
    """The audit record of a crisis; its id is deterministic, so emitting it again is harmless."""
    event = classified.event
    return AuditEvent(
        audit_id=AuditEvent.make_id(Stage.CLASSIFY, signal.trigger_event_id, f"crisis:{signal.crisis_id}"),
        stage=Stage.CLASSIFY,
        subject_event_id=signal.trigger_event_id,
        tenant=event.tenant,
        decision="crisis",
        outcome="escalated",
        platform=event.platform,
        thread_id=event.thread_id,
        details={
            "crisis_id": signal.crisis_id,
            "thread_key": signal.thread_key,
            "started_at": signal.started_at.isoformat(),
            "negative_event_ids": list(signal.negative_event_ids),
        },
        occurred_at=signal.started_at,
    )


def handled_signal_for(event: SocialEvent) -> HandledSignal:
    """The organisation's own reply is not classified: it marks what it answers as handled."""
    return HandledSignal(
        signal_id=stable_id("handled", HandledBy.OWN_REPLY, event.event_id),
        tenant=event.tenant,
        platform=event.platform,
        thread_id=event.thread_id,
        object_id=event.parent_id,
        handled_by=HandledBy.OWN_REPLY,
        actor_id=event.author.id,
        source_event_id=event.event_id,
        handled_at=event.created_at,
    )


__all__ = [
    "AuthorState",
    "CrisisSignal",
    "EscalationOutcome",
    "ThreadState",
    "apply_escalations",
    "apply_pile_on",
    "apply_repeat_offender",
    "author_state_key",
    "crisis_audit_event",
    "handled_signal_for",
    "thread_key",
]
