"""Hashed word and character n-gram features, numpy only, identical at training and at run time.

Python's `hash()` is salted per process, so words use CRC-32 and character n-grams a polynomial
rolling hash computed with numpy over the code points: the same text gives the same indices in every
process, and training (scikit-learn, dev time only) and serving (numpy) cannot drift apart.
"""

from __future__ import annotations

import itertools
import zlib

import numpy as np
import numpy.typing as npt

from .normalize import Normalized

N_FEATURES = 1 << 17
CHAR_NGRAMS = (2, 3, 4, 5)
RULE_WEIGHT = 2.0  # rule tokens count more than one n-gram: they are hand-checked evidence
_MASK = np.uint64(N_FEATURES - 1)
_PRIME = np.uint64(1_000_003)
_SALTS = {n: np.uint64(0x9E3779B97F4A7C15 * n & 0xFFFFFFFFFFFFFFFF) for n in CHAR_NGRAMS}

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float32]


def _word_index(token: str) -> int:
    return zlib.crc32(token.encode()) & (N_FEATURES - 1)


def _char_indices(text: str) -> IntArray:
    codes = np.frombuffer(f" {text} ".encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    out = []
    h = codes[:-1] * _PRIME + codes[1:]  # bigram hashes, then extended one character at a time
    for n in CHAR_NGRAMS:
        if n > 2:
            if len(codes) < n:
                break
            h = h[:-1] * _PRIME + codes[n - 1 :]
        elif len(codes) < 2:
            break
        mixed = h ^ _SALTS[n]
        mixed ^= mixed >> np.uint64(29)
        out.append((mixed * _PRIME >> np.uint64(20)) & _MASK)
    return np.concatenate(out).astype(np.int64) if out else np.zeros(0, dtype=np.int64)


def featurize(norm: Normalized, rule_tokens: list[str]) -> tuple[IntArray, FloatArray]:
    """Sparse feature vector (indices, L2-normalised values) of one comment."""
    words = norm.tokens
    word_ids = [_word_index("w:" + w) for w in words]
    word_ids += [_word_index("b:" + a + " " + b) for a, b in itertools.pairwise(words)]
    rule_ids = [_word_index("r:" + t) for t in rule_tokens]
    idx = np.concatenate(
        [_char_indices(norm.folded), np.asarray([*word_ids, _word_index("bias:1")], dtype=np.int64)]
    )
    uniq, counts = np.unique(idx, return_counts=True)
    values = np.log1p(counts).astype(np.float32)
    norm2 = float(np.sqrt(np.dot(values, values))) or 1.0
    values /= norm2
    if rule_ids:
        uniq = np.concatenate([uniq, np.asarray(rule_ids, dtype=np.int64)])
        values = np.concatenate([values, np.full(len(rule_ids), RULE_WEIGHT / 4, dtype=np.float32)])
    return uniq, values
