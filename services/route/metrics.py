"""Metrics of the route stage (labels only from DESIGN.md's bounded sets: tenant, queue, severity)."""

from __future__ import annotations

from prometheus_client import Counter, Gauge, Histogram

# From minutes to a week: SLAs range from 15 minutes to "2 h after the next opening" (after a long weekend).
HANDLE_BUCKETS = (60, 300, 900, 1800, 3600, 7200, 14400, 28800, 86400, 172800, 345600, 604800)

ITEMS = Counter(
    "vigie_route_items_total",
    "Comments routed to a queue (first routing, not escalations).",
    ["tenant", "queue", "severity"],
)
OPEN_ITEMS = Gauge(
    "vigie_route_open_items",
    "Tracked items whose clock is still running, from the database (the same value on every replica).",
    ["tenant", "queue"],
)
TIME_TO_HANDLE = Histogram(
    "vigie_route_time_to_handle_seconds",
    "From the comment's event time to the handled signal that stopped its clock.",
    ["tenant", "queue"],
    buckets=HANDLE_BUCKETS,
)
BREACHES = Counter(
    "vigie_sla_breaches_total", "SLA deadlines that passed before the item was handled.", ["tenant", "queue"]
)


def set_open_items(
    counts: dict[tuple[str, str], int], previous: set[tuple[str, str]]
) -> set[tuple[str, str]]:
    """Publish fresh counts; label sets that have no open item any more drop to 0 rather than go stale."""
    for tenant, queue in previous - counts.keys():
        OPEN_ITEMS.labels(tenant, queue).set(0)
    for (tenant, queue), count in counts.items():
        OPEN_ITEMS.labels(tenant, queue).set(count)
    return previous | counts.keys()
