"""Metrics every stream processor shares; stage-specific ones live beside their stage.

Labels come only from bounded sets (DESIGN.md): service, tenant, platform, queue, category, severity,
lang, outcome, check.
"""

from __future__ import annotations

from prometheus_client import Counter, Gauge, Histogram

LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300)

RECORDS_CONSUMED = Counter(
    "vigie_records_consumed_total",
    "Input records handled, by outcome (ok, dead_letter).",
    ["service", "outcome"],
)
RECORDS_PRODUCED = Counter(
    "vigie_records_produced_total", "Output records acknowledged by the broker.", ["service"]
)
DEAD_LETTERS = Counter("vigie_dead_letters_total", "Records sent to a dead-letter topic.", ["service"])
PROCESSING_SECONDS = Histogram(
    "vigie_processing_seconds",
    "Time to handle one batch of input records.",
    ["service"],
    buckets=LATENCY_BUCKETS,
)
PIPELINE_LATENCY = Histogram(
    "vigie_pipeline_latency_seconds",
    "From ingest receiving the comment (vigie-received-at) to this stage's output being acknowledged.",
    ["service"],
    buckets=LATENCY_BUCKETS,
)
CONSUMER_LAG = Gauge("vigie_consumer_lag_records", "Records behind the end of the input topics.", ["service"])
UP = Gauge("vigie_up", "1 while the service loop runs.", ["service"])
