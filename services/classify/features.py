"""Hashed word and character n-gram features, numpy only, identical at training and at run time.

Python's `hash()` is salted per process, so words use CRC-32 (cached: brand-page vocabularies are
small) and character n-grams a polynomial hash (c0·P^(n-1) + ... + c(n-1), mod 2**64) computed with numpy
over the code points: the same text gives the same indices in every process, and training (scikit-learn,
dev time only) and serving (numpy) cannot drift apart.

Values: every n-gram occurrence counts 1/sqrt(n) (n = number of occurrences), i.e. an L2-normalised
term-count vector when no n-gram repeats, which is nearly always the case in short comments. That
keeps the hot path free of a sort (`np.unique`): the model sums weight rows, duplicates included.
"""

from __future__ import annotations

import itertools
import math
import zlib
from collections.abc import Sequence
from functools import lru_cache

import numpy as np
import numpy.typing as npt

from .memo import Memo
from .normalize import Normalized

N_FEATURES = 1 << 17
CHAR_NGRAMS = (2, 3, 4, 5)
RULE_WEIGHT = 2.0  # rule tokens count more than one n-gram: they are hand-checked evidence
RULE_VALUE = np.float32(RULE_WEIGHT / 4)
_PRIME = np.uint64(1_000_003)
_MIX = 0x9E3779B97F4A7C15
_SHIFT29 = np.uint64(29)
_INDEX_BITS = N_FEATURES.bit_length() - 1
# An n-gram's index, from its hash h: h ^= h >> 29, then bits 20..36 of h * MIX (mod 2**64). Multiplying by
# MIX << 27 instead moves those bits to the top, where one shift reads them (no shift-then-mask).
_MIX_TOP = np.uint64((_MIX << (64 - 20 - _INDEX_BITS)) % (1 << 64))
_SHIFT_TOP = np.uint64(64 - _INDEX_BITS)
_WMASK = N_FEATURES - 1
_WIDTH = max(CHAR_NGRAMS)
# Row k: the powers of the prime that hash an n-gram (n = CHAR_NGRAMS[k]) from the `_WIDTH` code points
# starting at a position, zeros past its end; uint64 arithmetic wraps mod 2**64 like the hash.
_POWERS = np.array(
    [[pow(int(_PRIME), n - 1 - j, 1 << 64) if j < n else 0 for j in range(_WIDTH)] for n in CHAR_NGRAMS],
    dtype=np.uint64,
)

IntArray = npt.NDArray[np.int64]
UIntArray = npt.NDArray[np.uint64]
FloatArray = npt.NDArray[np.float32]


def _word_terms(token: str) -> tuple[int, int, int]:
    """A word's index (its CRC-32 h masked) and its halves of a bigram index (h * 1_000_003 on the left,
    h + 0x5BD1E995 on the right); memoised, so a comment's words cost a C loop of lookups."""
    h = zlib.crc32(token.encode())
    return h & _WMASK, h * 1_000_003, h + 0x5BD1E995


_WORD_TERMS: Memo[str, tuple[int, int, int]] = Memo(_word_terms)


def _word_index(token: str) -> int:
    return _WORD_TERMS[token][0]


_BIAS_ID = _word_index("bias:1")


def _char_indices(text: str) -> IntArray:
    """Indices of the character 2..5-grams of ` text ` (spaces mark the word edges of the ends): all the
    2-grams in text order, then the 3-grams... An n-gram and a shorter one differ by a nonzero code point
    times a power of the prime, so their raw hashes differ without a salt."""
    return np.concatenate(_char_rows([text])[0], dtype=np.int64)


def _char_rows(texts: Sequence[str]) -> list[list[UIntArray]]:
    """`_char_indices` of each text as one array per n-gram size, all hashed in one pass over the texts
    laid end to end (the n-grams that run into the next text are hashed too, then left out).

    Few numpy calls on purpose: between the regexes of a comment, each call costs microseconds more than
    its work (caches), and a single comment's arrays are small."""
    spaced = [f" {text} " for text in texts]
    # NULs after the last text: the zero code points the last positions' windows run into.
    joined = "".join(spaced) + "\0" * (_WIDTH - 1)
    codes = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32)
    total = len(codes) - (_WIDTH - 1)
    # windows[j, i] = codes[i + j] (a view, no copy): one matrix product (in uint64, as _POWERS) hashes
    # every size at every position, instead of two numpy calls per size.
    step = codes.itemsize
    windows = np.ndarray((_WIDTH, total), dtype=np.uint32, buffer=codes, strides=(step, step))
    mixed = _POWERS @ windows
    mixed ^= mixed >> _SHIFT29
    mixed *= _MIX_TOP
    mixed >>= _SHIFT_TOP  # < N_FEATURES
    out = []
    start = 0
    for text in spaced:
        end = start + len(text)
        # Row k: the n-grams (n = CHAR_NGRAMS[k]) that start in this text and end inside it.
        out.append([mixed[k, start : end - n + 1] for k, n in enumerate(CHAR_NGRAMS) if n <= end - start])
        start = end
    return out


def _word_ids(words: tuple[str, ...]) -> list[int]:
    terms = list(map(_WORD_TERMS.__getitem__, words))
    ids = [term[0] for term in terms]
    # Bigrams combine the two words' halves (no string building); the mask keeps the result in range.
    ids += [(left[1] ^ right[2]) & _WMASK for left, right in itertools.pairwise(terms)]
    ids.append(_BIAS_ID)
    return ids


def featurize(norm: Normalized, rule_tokens: list[str]) -> tuple[IntArray, FloatArray]:
    """Sparse feature vector (indices, values; an index may repeat, its values then add up).

    The values array is shared by the vectors of the same shape: it is read-only."""
    return _vector(_char_rows([norm.folded])[0], norm, rule_tokens)


def featurize_many(items: Sequence[tuple[Normalized, list[str]]]) -> list[tuple[IntArray, FloatArray]]:
    """`featurize` of each (comment, rule tokens), the character n-grams of all hashed in one pass."""
    rows = _char_rows([norm.folded for norm, _ in items])
    return [_vector(r, norm, tokens) for r, (norm, tokens) in zip(rows, items, strict=True)]


def _vector(
    char_rows: list[UIntArray], norm: Normalized, rule_tokens: list[str]
) -> tuple[IntArray, FloatArray]:
    words = _word_ids(norm.tokens)
    ids = words + [_word_index("r:" + t) for t in rule_tokens]
    # One concatenate for the n-gram rows and the word and rule ids (a list, converted on the way).
    idx = np.concatenate((*char_rows, ids), dtype=np.int64)  # all < N_FEATURES: the same values
    return idx, _values(len(idx) - len(rule_tokens), len(rule_tokens))


@lru_cache(maxsize=4096)
def _values(n: int, n_rules: int) -> FloatArray:
    """n entries of 1/sqrt(n) (n-grams and words), then `n_rules` of RULE_VALUE."""
    values = np.empty(n + n_rules, dtype=np.float32)
    values.fill(1.0 / math.sqrt(n))
    values[n:] = RULE_VALUE
    values.flags.writeable = False
    return values
