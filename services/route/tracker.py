"""Pure SLA tracker: open items, handled signals, breaches and escalation.

The state is a mapping `event_id -> entry`, each entry a small JSON-serialisable dict, so the service
can keep it in a Faust table or a PostgreSQL row per item. Every operation returns an `Update` (rows to
put and delete, plus what happened) instead of mutating, so the shell applies it with its own storage:

    entry = {
      "item": {...RoutedItem JSON...},     # the current routing of the comment (after escalations)
      "tenant": "acme", "queue": "standard", "key": "acme:facebook:post-1", "object_id": "c-1",
      "created_at": "2026-11-27T22:30:00+00:00", "due_at": "...",       # UTC ISO 8601
      "breached_at": null,    # set when the current item breached and there was no step up
      "handled_at": null      # set when handled; the entry stays (a tombstone) until `prune`
    }

One entry per comment: an escalation replaces the entry with the re-routed item, so each `item_id`
(event id + escalation level) can breach at most once, and a replayed older routing is ignored.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from schemas import HandledSignal, Queue, RoutedItem, Severity

from .policy import TenantPolicy
from .routing import escalate

Entry = dict[str, Any]
State = Mapping[str, Entry]


@dataclass(frozen=True)
class Closed:
    """An item whose clock a handled signal stopped (for the time-to-handle histogram)."""

    event_id: str
    item_id: str
    tenant: str
    queue: Queue
    severity: Severity
    handled_at: datetime
    time_to_handle_seconds: float  # from the event time, not from routing
    late: bool  # handled after its deadline
    item: RoutedItem  # the routing whose clock stopped


@dataclass(frozen=True)
class Breach:
    item: RoutedItem  # the item whose deadline passed
    escalated: RoutedItem | None  # re-routed one step up; None at the top of the ladder

    @property
    def breached_at(self) -> datetime:
        assert self.item.due_at is not None
        return self.item.due_at


@dataclass(frozen=True)
class Update:
    put: dict[str, Entry] = field(default_factory=dict)
    delete: tuple[str, ...] = ()
    closed: tuple[Closed, ...] = ()
    breaches: tuple[Breach, ...] = ()

    def apply(self, state: State) -> dict[str, Entry]:
        new = {**state, **self.put}
        for key in self.delete:
            new.pop(key, None)
        return new


def entry_for(item: RoutedItem) -> Entry:
    event = item.classified.event
    return {
        "item": item.model_dump(mode="json"),
        "tenant": event.tenant,
        "queue": item.queue.value,
        "key": item.key,
        "object_id": event.object_id,
        "created_at": event.created_at.isoformat(),
        "due_at": item.due_at.isoformat() if item.due_at else None,
        "breached_at": None,
        "handled_at": None,
    }


def item_of(entry: Entry) -> RoutedItem:
    return RoutedItem.model_validate(entry["item"])


def is_open_entry(entry: Entry) -> bool:
    return entry["handled_at"] is None


def track(state: State, item: RoutedItem) -> Update:
    """Start the clock of a routed item; no-op without a deadline or for a stale/duplicate routing."""
    if item.due_at is None:
        return Update()
    event_id = item.classified.event.event_id
    current = state.get(event_id)
    if current is not None and (
        not is_open_entry(current) or current["item"]["escalation_level"] >= item.escalation_level
    ):
        return Update()
    return Update(put={event_id: entry_for(item)})


def matches(entry: Entry, signal: HandledSignal, scope: str) -> bool:
    """Does the signal stop this item's clock? Same thread, not earlier than the comment, and the
    same comment unless the signal (no object id) or the policy (scope `thread`) covers the thread."""
    if entry["key"] != signal.key or _dt(entry["created_at"]) > signal.handled_at:
        return False
    return signal.object_id is None or scope == "thread" or signal.object_id == entry["object_id"]


def handle(state: State, signal: HandledSignal, policy: TenantPolicy) -> Update:
    put: dict[str, Entry] = {}
    closed: list[Closed] = []
    for event_id, entry in state.items():
        if not is_open_entry(entry) or not matches(entry, signal, policy.handled_scope):
            continue
        put[event_id] = {**entry, "handled_at": signal.handled_at.isoformat()}
        item = item_of(entry)
        closed.append(
            Closed(
                event_id=event_id,
                item_id=item.item_id,
                tenant=entry["tenant"],
                queue=item.queue,
                severity=item.classified.severity,
                handled_at=signal.handled_at,
                time_to_handle_seconds=(signal.handled_at - _dt(entry["created_at"])).total_seconds(),
                late=item.due_at is not None and signal.handled_at > item.due_at,
                item=item,
            )
        )
    return Update(put=put, closed=tuple(closed))


def due_breaches(state: State, now: datetime) -> list[RoutedItem]:
    """Open items past their deadline that have not breached yet, earliest first."""
    due = [
        entry
        for entry in state.values()
        if is_open_entry(entry)
        and entry["breached_at"] is None
        and entry["due_at"] is not None
        and _dt(entry["due_at"]) <= now
    ]
    return [item_of(entry) for entry in sorted(due, key=lambda e: _dt(e["due_at"]))]


def breach(state: State, item: RoutedItem, policy: TenantPolicy, *, now: datetime) -> Update:
    """Record the breach of `item` and re-route it one step up. Idempotent: a second call for the same
    item (already escalated, handled or marked breached) changes nothing and reports nothing."""
    event_id = item.classified.event.event_id
    current = state.get(event_id)
    if (
        current is None
        or not is_open_entry(current)
        or current["breached_at"] is not None
        or current["item"]["item_id"] != item.item_id
    ):
        return Update()
    escalated = escalate(item, policy, now=now)
    # Escalated: the new routing replaces the entry; top of the ladder: the entry records the breach.
    entry = entry_for(escalated) if escalated is not None else {**current, "breached_at": now.isoformat()}
    return Update(put={event_id: entry}, breaches=(Breach(item, escalated),))


def prune(state: State, now: datetime, *, keep_handled: timedelta, max_open_age: timedelta) -> Update:
    """Forget handled tombstones after `keep_handled` (at least the input topics' retention, so a replay
    cannot reopen them) and items still open `max_open_age` after the event."""
    stale = tuple(
        event_id
        for event_id, entry in state.items()
        if (entry["handled_at"] is not None and _dt(entry["handled_at"]) < now - keep_handled)
        or _dt(entry["created_at"]) < now - max_open_age
    )
    return Update(delete=stale)


def open_counts(state: State) -> dict[tuple[str, str], int]:
    """Open items per (tenant, queue), for the `vigie_route_open_items` gauge."""
    return dict(Counter((e["tenant"], e["queue"]) for e in state.values() if is_open_entry(e)))


def _dt(value: str) -> datetime:
    return datetime.fromisoformat(value)
