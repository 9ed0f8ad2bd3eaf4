"""SLA tracker: handled signals stop the clock, a breach fires once and escalates one step up."""

from __future__ import annotations

import json
from datetime import timedelta

from route_helpers import NOW, at, classified, handled

from schemas import Queue, RoutedItem
from services.route.policy import TenantPolicy
from services.route.routing import route
from services.route.tracker import (
    State,
    breach,
    due_breaches,
    handle,
    open_counts,
    prune,
    track,
)


def _routed(policy: TenantPolicy, when: str, severity: str = "medium", **kw: str) -> RoutedItem:
    return route(classified(when, severity, **kw), policy, now=NOW)


def _restart(state: State) -> State:
    """What survives a restart: the JSON of each entry."""
    return json.loads(json.dumps(state))


def test_items_without_deadline_are_not_tracked(quebec: TenantPolicy) -> None:
    assert track({}, _routed(quebec, "2026-11-24T10:00:00-05:00", "low")).put == {}


def test_handled_signal_stops_the_clock(quebec: TenantPolicy) -> None:
    item = _routed(quebec, "2026-11-24T10:00:00-05:00", "high")  # priority, due 11:00
    state = track({}, item).apply({})
    update = handle(state, handled("2026-11-24T10:20:00-05:00"), quebec)
    state = update.apply(state)
    assert due_breaches(state, at("2026-11-24T12:00:00-05:00")) == []
    [closed] = update.closed
    assert closed.time_to_handle_seconds == 20 * 60
    assert (closed.queue, closed.late, closed.tenant) == (Queue.PRIORITY, False, "default")
    assert open_counts(state) == {}


def test_late_handle_is_flagged(quebec: TenantPolicy) -> None:
    state = track({}, _routed(quebec, "2026-11-24T10:00:00-05:00", "high")).apply({})
    [closed] = handle(state, handled("2026-11-24T11:30:00-05:00"), quebec).closed
    assert closed.late


def test_comment_scope_needs_the_same_comment(quebec: TenantPolicy) -> None:
    assert quebec.handled_scope == "comment"
    state = track({}, _routed(quebec, "2026-11-24T10:00:00-05:00", object_id="c-1")).apply({})
    assert handle(state, handled("2026-11-24T10:10:00-05:00", object_id="c-2"), quebec).closed == ()
    other_thread = handled("2026-11-24T10:10:00-05:00", object_id="c-1", thread_id="post-2")
    assert handle(state, other_thread, quebec).closed == ()
    whole_thread = handled("2026-11-24T10:10:00-05:00", object_id=None)
    assert len(handle(state, whole_thread, quebec).closed) == 1


def test_thread_scope_closes_every_earlier_comment_of_the_thread(paris: TenantPolicy) -> None:
    assert paris.handled_scope == "thread"
    kw = {"tenant": "paris-bank"}
    state: State = {}
    for object_id, when in [("c-1", "10:00"), ("c-2", "10:05"), ("c-3", "10:30")]:
        item = _routed(paris, f"2026-07-15T{when}:00+02:00", object_id=object_id, **kw)
        state = track(state, item).apply(state)
    update = handle(state, handled("2026-07-15T10:10:00+02:00", object_id="c-2", **kw), paris)
    # c-3 was written after the reply: still waiting
    assert sorted(c.event_id for c in update.closed) == sorted(
        e for e, entry in state.items() if entry["object_id"] in {"c-1", "c-2"}
    )
    assert open_counts(update.apply(state)) == {("paris-bank", "standard"): 1}


def test_breach_fires_exactly_once_and_escalates(quebec: TenantPolicy) -> None:
    item = _routed(quebec, "2026-11-24T10:00:00-05:00", "medium")  # standard, due 14:00
    state: State = track({}, item).apply({})
    assert due_breaches(state, at("2026-11-24T13:59:59-05:00")) == []
    tick = at("2026-11-24T14:00:05-05:00")
    [due] = due_breaches(state, tick)
    assert due == item
    update = breach(state, due, quebec, now=tick)
    [fired] = update.breaches
    assert fired.item == item and fired.breached_at == item.due_at
    assert fired.escalated is not None
    assert (fired.escalated.queue, fired.escalated.escalation_level) == (Queue.PRIORITY, 1)
    assert fired.escalated.escalated_from == Queue.STANDARD
    assert fired.escalated.routed_at == tick
    state = _restart(update.apply(state))
    # same tick again, after a restart, or a duplicate breach call: nothing more
    assert due_breaches(state, tick) == []
    assert breach(state, item, quebec, now=tick).breaches == ()
    assert open_counts(state) == {("default", "priority"): 1}


def test_full_ladder_from_friday_evening(quebec: TenantPolicy) -> None:
    item = _routed(quebec, "2026-11-27T17:30:00-05:00", "medium")  # nbd, due Monday 10:00
    state: State = track({}, item).apply({})
    seen = []
    now = at("2026-12-01T00:00:00Z")  # a late tick: every step has passed by event time
    while due := due_breaches(state, now):
        update = breach(state, due[0], quebec, now=now)
        state = _restart(update.apply(state))
        [fired] = update.breaches
        seen.append((fired.item.queue, fired.escalated.queue if fired.escalated else None))
    assert seen == [
        (Queue.NEXT_BUSINESS_DAY, Queue.PRIORITY),  # Monday 10:00 is in hours
        (Queue.PRIORITY, Queue.URGENT),
        (Queue.URGENT, None),  # top of the ladder: breach recorded, no re-route
    ]
    [entry] = state.values()
    assert entry["item"]["escalation_level"] == 2 and entry["breached_at"] is not None
    assert entry["due_at"] == "2026-11-30T16:15:00+00:00"  # 11:00 EST + 15 min


def test_handled_after_escalation_closes_the_escalated_item(quebec: TenantPolicy) -> None:
    item = _routed(quebec, "2026-11-24T10:00:00-05:00", "high")
    state = track({}, item).apply({})
    state = breach(state, item, quebec, now=at("2026-11-24T11:00:01-05:00")).apply(state)
    [closed] = handle(state, handled("2026-11-24T11:05:00-05:00"), quebec).closed
    assert (closed.queue, closed.late) == (Queue.URGENT, False)


def test_replay_does_not_reopen_or_downgrade(quebec: TenantPolicy) -> None:
    item = _routed(quebec, "2026-11-24T10:00:00-05:00", "high")
    state = track({}, item).apply({})
    assert track(state, item).put == {}  # duplicate
    escalated = breach(state, item, quebec, now=NOW).apply(state)
    assert track(escalated, item).put == {}  # older routing replayed
    done = handle(state, handled("2026-11-24T10:30:00-05:00"), quebec).apply(state)
    assert track(done, item).put == {}  # handled tombstone
    assert breach(done, item, quebec, now=NOW).breaches == ()


def test_prune(quebec: TenantPolicy) -> None:
    a = _routed(quebec, "2026-11-24T10:00:00-05:00", "high", object_id="a")
    b = _routed(quebec, "2026-11-24T10:00:00-05:00", "high", object_id="b")
    state = track({}, a).apply({})
    state = track(state, b).apply(state)
    state = handle(state, handled("2026-11-24T10:30:00-05:00", object_id="a"), quebec).apply(state)
    kw = {"keep_handled": timedelta(days=8), "max_open_age": timedelta(days=30)}
    assert prune(state, at("2026-11-30T00:00:00Z"), **kw).delete == ()
    assert prune(state, at("2026-12-03T00:00:00Z"), **kw).delete == (a.classified.event.event_id,)
    assert len(prune(state, at("2027-01-01T00:00:00Z"), **kw).delete) == 2
