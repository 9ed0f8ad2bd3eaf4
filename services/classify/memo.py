"""A dict that computes a missing key's value on first sight and keeps it (up to a bound).

Per-word and per-character work in the hot path (word hashes, language cues, accent folding) repeats
over a small vocabulary. Once warm, `memo[key]`, `map(memo.__getitem__, keys)` and `text.translate(memo)`
are C-level lookups, where an `lru_cache` call costs a Python function call per key.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

DEFAULT_LIMIT = 1 << 16  # keys kept: a bound for long-running workers fed unusual texts


class Memo(dict[K, V]):
    def __init__(self, compute: Callable[[K], V], limit: int = DEFAULT_LIMIT) -> None:
        super().__init__()
        self._compute = compute
        self._limit = limit

    def __missing__(self, key: K) -> V:
        value = self._compute(key)
        if len(self) < self._limit:
            self[key] = value
        return value
