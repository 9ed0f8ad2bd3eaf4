"""Benchmark of the classify core alone (no Kafka): comments/s on one core, batch and one at a time.

    .venv/bin/python bench/classify_core.py [--n 20000] [--events]

Texts are the brand-page training comments (French, Quebec French, English, every category; ours and the
outside authors', mean ~75 characters), cycled to `--n`; `--ours` keeps only our hand-written
`devset_{fr,en}.tsv` (mean ~50 characters: the set of the 1.0-1.2 measurements).
`--events` also times `Classifier.classify()` on SocialEvents (adds pydantic record building).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

# This checkout's code, not the one the virtualenv's editable install points at (a git worktree shares it).
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from schemas import Author, Platform, SocialEvent
from services.classify.classifier import Classifier
from services.classify.train import load_devset


def _ours() -> set[str]:
    folder = Path(__file__).parents[1] / "services" / "classify" / "data"
    return {
        line.split("\t", 2)[2]
        for name in ("devset_fr.tsv", "devset_en.tsv")
        for line in (folder / name).read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=20_000)
    parser.add_argument("--events", action="store_true")
    parser.add_argument("--ours", action="store_true", help="only our hand-written devset_{fr,en}.tsv")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core

    t = time.perf_counter()
    clf = Classifier.load()
    print(f"load: {time.perf_counter() - t:.2f}s, model {clf.model_version}")
    ours = _ours() if args.ours else set()
    texts = [r.text for r in load_devset() if not ours or r.text in ours]
    texts = (texts * (args.n // len(texts) + 1))[: args.n]
    clf.decide_batch(texts[:200])  # warm-up

    t = time.perf_counter()
    clf.decide_batch(texts)
    batch = time.perf_counter() - t
    print(
        f"batch:          {len(texts) / batch:8.0f} comments/s ({len(texts)} comments, mean chars "
        f"{statistics.mean(len(x) for x in texts):.0f})"
    )

    lat = []
    for text in texts:
        s = time.perf_counter()
        clf.decide(text)
        lat.append(time.perf_counter() - s)
    lat.sort()
    print(
        f"one at a time:  {len(lat) / sum(lat):8.0f} comments/s, p50 {lat[len(lat) // 2] * 1e6:.0f} µs, "
        f"p99 {lat[int(len(lat) * 0.99)] * 1e6:.0f} µs"
    )

    if args.events:
        now = datetime.now(UTC)
        events = [
            SocialEvent(
                event_id=str(i),
                tenant="bench",
                platform=Platform.FACEBOOK,
                object_id=str(i),
                thread_id="t",
                author=Author(id="a"),
                text=x,
                created_at=now,
                received_at=now,
            )
            for i, x in enumerate(texts)
        ]
        t = time.perf_counter()
        clf.classify_batch(events, now=now)
        print(f"events (ClassifiedEvent records): {len(events) / (time.perf_counter() - t):8.0f} comments/s")


if __name__ == "__main__":
    main()
