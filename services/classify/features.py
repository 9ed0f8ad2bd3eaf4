"""Hashed word and character n-gram features, numpy only, identical at training and at run time.

Python's `hash()` is salted per process, so words use CRC-32 (cached: brand-page vocabularies are
small) and character n-grams a polynomial rolling hash computed with numpy over the code points: the
same text gives the same indices in every process, and training (scikit-learn, dev time only) and
serving (numpy) cannot drift apart.

Values: every n-gram occurrence counts 1/sqrt(n) (n = number of occurrences), i.e. an L2-normalised
term-count vector when no n-gram repeats, which is nearly always the case in short comments. That
keeps the hot path free of a sort (`np.unique`): the model sums weight rows, duplicates included.
"""

from __future__ import annotations

import itertools
import math
import zlib
from functools import lru_cache

import numpy as np
import numpy.typing as npt

from .normalize import Normalized

N_FEATURES = 1 << 17
CHAR_NGRAMS = (2, 3, 4, 5)
RULE_WEIGHT = 2.0  # rule tokens count more than one n-gram: they are hand-checked evidence
RULE_VALUE = np.float32(RULE_WEIGHT / 4)
_MASK = np.uint64(N_FEATURES - 1)
_PRIME = np.uint64(1_000_003)
_MIX = np.uint64(0x9E3779B97F4A7C15)
_SHIFT29 = np.uint64(29)
_SHIFT20 = np.uint64(20)
_WMASK = N_FEATURES - 1

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float32]


@lru_cache(maxsize=1 << 16)
def _word_hash(token: str) -> int:
    return zlib.crc32(token.encode())


def _word_index(token: str) -> int:
    return _word_hash(token) & _WMASK


_BIAS_ID = _word_index("bias:1")


def _char_indices(text: str) -> IntArray:
    """Indices of the character 2..5-grams of ` text ` (spaces mark the word edges of the ends)."""
    codes = np.frombuffer(f" {text} ".encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    parts = []
    h = codes
    for n in CHAR_NGRAMS:
        if len(codes) < n:
            break
        # The n-gram hashes, extended one character at a time. An n-gram and a shorter one differ by
        # a nonzero code point times a power of the prime, so their raw hashes differ without a salt.
        h = h[:-1] * _PRIME + codes[n - 1 :]
        parts.append(h)
    if not parts:
        return np.zeros(0, dtype=np.int64)
    mixed = np.concatenate(parts)
    mixed ^= mixed >> _SHIFT29
    mixed *= _MIX
    mixed >>= _SHIFT20
    mixed &= _MASK
    return mixed.view(np.int64)  # < 2**17: the same values, without a copy


def _word_ids(words: tuple[str, ...]) -> list[int]:
    hashes = [_word_hash(w) for w in words]
    ids = [h & _WMASK for h in hashes]
    # Bigrams combine the two word hashes (no string building); the mask keeps the result in range.
    ids += [((a * 1_000_003) ^ (b + 0x5BD1E995)) & _WMASK for a, b in itertools.pairwise(hashes)]
    ids.append(_BIAS_ID)
    return ids


def featurize(norm: Normalized, rule_tokens: list[str]) -> tuple[IntArray, FloatArray]:
    """Sparse feature vector (indices, values; an index may repeat, its values then add up)."""
    chars = _char_indices(norm.folded)
    words = _word_ids(norm.tokens)
    n = len(chars) + len(words)
    idx = np.concatenate(
        [chars, np.asarray(words + [_word_index("r:" + t) for t in rule_tokens], dtype=np.int64)]
    )
    values = np.empty(len(idx), dtype=np.float32)
    values.fill(1.0 / math.sqrt(n))
    if rule_tokens:
        values[n:] = RULE_VALUE
    return idx, values
