"""Benchmark of the services over a real broker: ingest HTTP, then the classify → route → respond chain.

    .venv/bin/python bench/pipeline_kafka.py [--events 5000] [--batch 50]

Starts its own Kafka and PostgreSQL (as the integration tests do), then the services as processes, and:
1. ingest: posts canonical batches of `--batch` events and reports events/s and request latency p50/p99
   (200 = every record acknowledged by the broker);
2. pipeline: waits until every event has produced its actions and reports events/s through
   classify → route → respond, and end-to-end latency (ingest received → action on the topic) p50/p99.
Numbers depend on the machine; run it alone (2 cores shared by Kafka, PostgreSQL and five services).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import urllib.request
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the test helpers start the stack
from schemas.topics import MODERATION_ACTIONS, SOCIAL_CLASSIFIED
from tests.integration.infra import IntegrationStack

TEXTS = [
    "Ça fait 3 heures que j'attends, c'est inacceptable",
    "Thanks so much, the staff were amazing!",
    "What are your opening hours on Sunday?",
    "T'es un ostie de cave pis ton boss aussi",
    "Free crypto giveaway!!! DM me now",
    "Le service était correct, sans plus",
    "You people are useless, worst bank ever",
    "Est-ce que la cafétéria est ouverte pendant les fêtes?",
]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=5000)
    parser.add_argument("--batch", type=int, default=50)
    args = parser.parse_args()
    root = Path(__file__).resolve().parents[1] / ".vigie" / "bench"
    stack = IntegrationStack(root)
    stack.start()
    try:
        run(stack, args.events, args.batch)
    finally:
        stack.stop()


def run(stack: IntegrationStack, total: int, batch: int) -> None:
    run_id = uuid.uuid4().hex[:8]
    start_at = datetime(2026, 11, 24, 15, 0, tzinfo=UTC)  # a Tuesday, business hours in Montreal
    events = [
        {
            "platform": "other",
            "object_id": f"{run_id}-{i}",
            "thread_id": f"{run_id}-t{i % 500}",
            "author": {"id": f"a{i % 997}"},
            "text": TEXTS[i % len(TEXTS)],
            "created_at": (start_at + timedelta(seconds=i)).isoformat(),
        }
        for i in range(total)
    ]
    with (
        stack.service("ingest") as ingest,
        stack.service("classify"),
        stack.service("route"),
        stack.service("respond"),
    ):
        classified_tail = stack.tail(SOCIAL_CLASSIFIED)
        actions_tail = stack.tail(MODERATION_ACTIONS)
        latencies = []
        started = time.perf_counter()
        for offset in range(0, total, batch):
            body = json.dumps({"events": events[offset : offset + batch]}).encode()
            request = urllib.request.Request(
                ingest.url + "/v1/events",
                data=body,
                headers={"Content-Type": "application/json", "Authorization": "Bearer api-token-for-tests"},
            )
            t = time.perf_counter()
            with urllib.request.urlopen(request, timeout=60) as resp:
                assert resp.status == 200
            latencies.append(time.perf_counter() - t)
        ingest_seconds = time.perf_counter() - started
        print(
            f"ingest: {total} events in {ingest_seconds:.1f}s = {total / ingest_seconds:.0f} events/s; "
            f"request ({batch} events) p50 {percentile(latencies, 0.5) * 1000:.0f} ms, "
            f"p99 {percentile(latencies, 0.99) * 1000:.0f} ms"
        )

        classified_tail.collect(
            lambda r: r.json()["event"]["object_id"].startswith(run_id), total, timeout=1800
        )
        classified_seconds = time.perf_counter() - started
        print(
            f"classify: {total} classified {classified_seconds:.1f}s after the first request "
            f"= {total / classified_seconds:.0f} events/s end to end"
        )
        # Neutral and praise comments get no action by default: count what comes until the topic is quiet.
        targets: dict[str, float] = {}
        last = time.perf_counter()
        while time.perf_counter() - last < 15:
            for record in actions_tail.drain(quiet=2.0):
                target = record.json()["target_object_id"]
                if target.startswith(run_id) and target not in targets:
                    targets[target] = last = time.perf_counter()
            actions_tail.seen.clear()
        done = max(targets.values()) - started
        print(
            f"pipeline: {len(targets)} comments acted on, the last {done:.1f}s after the first request "
            f"= {len(targets) / done:.0f} comments/s through ingest → classify → route → respond"
        )


if __name__ == "__main__":
    main()
