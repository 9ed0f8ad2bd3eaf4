"""Lexicon and pattern evidence for one normalised comment.

The lexicon (`lexicon.py`) is compiled once into one regex per category with a named group per entry,
matched on `Normalized.squeezed`. The result is per-category evidence in [0, 1] (noisy-OR of the entry
weights), the hits a person can read, and a few flags (swear used as an intensifier, aimed at someone).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from re import _constants as sre_c  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

from schemas import Category

from .lexicon import (
    CHARGED_WORDS,
    IDIOMS,
    LEXICON,
    MACROS,
    PERSON_CUES,
    REPORT_CUES,
    SWEARS,
    TARGET_CUES,
    Entry,
)
from .normalize import Normalized, strip_accents

_MACRO_RE = re.compile(r"\{([A-Z]+)\}")
_DOUBLE_RE = re.compile(r"(?<!\\)([a-z])\1+")
# A word boundary that also works when the pattern starts or ends with punctuation ("\?", "xurl").
_LB = r"(?:(?<![a-z0-9])|(?![a-z0-9]))"
_RB = r"(?:(?![a-z0-9])|(?<![a-z0-9]))"


def _expand(pattern: str) -> str:
    for _ in range(3):  # macros may use macros
        pattern = _MACRO_RE.sub(lambda m: MACROS[m.group(1)], pattern)
    return pattern


def fold_pattern(pattern: str) -> str:
    """Fold a hand-written pattern the way comments are folded: no accents, no doubled letters."""
    return _DOUBLE_RE.sub(r"\1", strip_accents(_expand(pattern)))


@dataclass(frozen=True, slots=True)
class Hit:
    category: Category
    label: str
    text: str
    weight: float


@dataclass(frozen=True, slots=True)
class RuleEvidence:
    scores: dict[Category, float]
    hits: tuple[Hit, ...]
    swear: tuple[str, ...]  # swear words / sacres present
    aimed: bool  # something in the comment is addressed to a person (you, toi, @mention...)
    idioms: tuple[str, ...] = ()  # figurative violent words ("killing me", "mort de rire", "killer deal")

    @property
    def toxic_evidence(self) -> bool:
        return any(self.scores.get(c, 0.0) >= 0.5 for c in _TOXIC)

    @property
    def swear_untargeted(self) -> bool:
        return bool(self.swear) and not self.toxic_evidence

    @property
    def benign_context(self) -> bool:
        """The only charged words are intensifiers or idioms: nothing toxic is aimed at anyone."""
        return bool(self.swear or self.idioms) and not self.toxic_evidence

    def charged_words(self) -> frozenset[str]:
        """Words of the swears and idioms found, in squeezed form: what the model should not read as
        toxic in a benign context (the rest of the comment still says complaint, praise...)."""
        words = {w for span in self.swear + self.idioms for w in _RUN_RE.findall(span)}
        return frozenset(w for w in words if w in _CHARGED)

    def tokens(self) -> list[str]:
        """Evidence as pseudo-words for the statistical model ("xrthreat3" = threat evidence ≥ 0.3...)."""
        out = [
            f"xr{cat.value}{min(int(score * 10), 9) // 3}"
            for cat, score in self.scores.items()
            if score >= 0.3
        ]
        if self.swear:
            out.append("xrswear")
            if self.swear_untargeted:
                out.append("xrswearfree")
        if self.idioms:
            out.append("xridiom")
        if self.aimed:
            out.append("xraimed")
        return out


_TOXIC = (Category.THREAT, Category.HATE, Category.HARASSMENT, Category.INSULT)


_MAX_STRINGS = 16  # beyond that many spellings, a fragment is summed up by its own required literals


def _strings(items: object) -> frozenset[str] | None:
    """Every string a pattern fragment can match when it is made of literals, alternatives, groups, `?` and
    zero-width assertions only, and has at most `_MAX_STRINGS` of them (None otherwise)."""
    out = frozenset({""})
    for op, arg in items:  # type: ignore[attr-defined]
        part: frozenset[str] | None
        if op is sre_c.LITERAL:
            part = frozenset({chr(arg)})
        elif op in (sre_c.AT, sre_c.ASSERT, sre_c.ASSERT_NOT):
            continue  # zero-width: the text around it is contiguous
        elif op is sre_c.SUBPATTERN and not arg[1] and not arg[2]:  # no inline flags
            part = _strings(arg[-1])
        elif op is sre_c.BRANCH:
            parts = [_strings(branch) for branch in arg[1]]
            part = None if any(p is None for p in parts) else frozenset().union(*parts)  # type: ignore[arg-type]
        elif op in (sre_c.MAX_REPEAT, sre_c.MIN_REPEAT) and arg[0] in (0, 1) and arg[1] == 1:
            part = _strings(arg[2])
            if part is not None and arg[0] == 0:
                part |= {""}
        else:
            return None
        if part is None:
            return None
        out = frozenset(a + b for a in out for b in part)
        if len(out) > _MAX_STRINGS:
            return None
    return out


def _required(items: object) -> frozenset[str] | None:
    """Literal strings of which every match must contain one (None: no such guarantee).

    Python's `re` tries every alternative at every position, which is slow for big word lists; this
    lets `evidence()` skip a pattern when none of its required literals occurs in the text, and run it
    only on the few comments that might match. Consecutive fixed parts are joined ("dm|pm" then " me"
    gives "dm me", "pm me"): the longer the strings, the rarer in comments.
    """
    options: list[frozenset[str]] = []
    run = frozenset({""})  # the strings the current stretch of fixed parts can match
    for op, arg in items:  # type: ignore[attr-defined]
        strings = _strings([(op, arg)])
        if strings is not None:
            joined = frozenset(a + b for a in run for b in strings)
            if len(joined) <= _MAX_STRINGS:
                run = joined
                continue
            options.append(run)
            run = strings
            continue
        options.append(run)
        run = frozenset({""})
        found: frozenset[str] | None = None
        if op is sre_c.SUBPATTERN:
            found = _required(arg[-1])
        elif op is sre_c.BRANCH:
            parts = [_required(branch) for branch in arg[1]]
            found = None if any(p is None for p in parts) else frozenset().union(*parts)  # type: ignore[arg-type]
        elif op in (sre_c.MAX_REPEAT, sre_c.MIN_REPEAT) and arg[0] >= 1:
            found = _required(arg[2])
        if found is not None:
            options.append(found)
    options.append(run)
    usable = [o for o in options if o and "" not in o]
    if usable:
        # Prefer sets whose pieces can all be found through the trigram index, better still by the start
        # of a 3+ letter word: a shorter piece ("re" factored out of "reverra|revoir") is a substring test
        # of its own, which more comments pass, and one with no word at all ("?", "(((") a last resort.
        return min(
            usable,
            key=lambda o: (
                any(not _key(s) for s in o),
                any(not _trigrams(s) for s in o),
                any(len(_key(s)) < 3 for s in o),
                sum(_key(s) in _COMMON for s in o),
                -min(len(_key(s)) for s in o),  # longer words are rarer
                len(o),
            ),
        )
    return None


_RUN_RE = re.compile(r"[a-z0-9]+")
# Pieces too common in comments to make a useful gate.
_COMMON = frozenset(
    [
        "de",
        "la",
        "le",
        "les",
        "des",
        "un",
        "une",
        "et",
        "est",
        "que",
        "the",
        "and",
        "you",
        "your",
        "for",
        "are",
        "is",
        "to",
        "of",
        "on",
        "in",
        "it",
    ]
)


def _key(literal: str) -> str:
    """The longest word piece of a required literal ("" if none)."""
    return max(_RUN_RE.findall(literal), key=len, default="")


def _trigrams(literal: str) -> list[str]:
    """3-character pieces of a required literal, each in the text's trigrams whenever the literal is in the
    text: those of its longest word (rarer than " w" or "y a"), else its own; none under 3 characters."""
    key = _key(literal)
    source = key if len(key) >= 3 else literal
    return [source[i : i + 3] for i in range(len(source) - 2)]


def _all_trigrams(literal: str) -> list[str]:
    return [literal[i : i + 3] for i in range(len(literal) - 2)]


def _text_trigrams(text: str) -> Iterator[str]:
    """Every text[i : i + 3], built in C loops (the shifted copies are shorter: zip stops at the last one)."""
    return map("".join, zip(text, text[1:], text[2:], strict=False))


@dataclass(frozen=True, slots=True)
class _Compiled:
    category: Category
    entry: Entry
    regex: re.Pattern[str]
    # The pattern can only match if one of these literals is in the text (None: always run it). The
    # whole literal is tested, not just its word: "a+" or "5/5" are rare even though "a" and "5" are not.
    required: frozenset[str] | None


_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")


def _first_chars(items: Any) -> set[str] | None:
    """The characters a match of a pattern fragment can start with (None: not known, or may be empty)."""
    out: set[str] = set()
    for op, arg in items:
        if op in (sre_c.AT, sre_c.ASSERT, sre_c.ASSERT_NOT):
            continue  # zero-width: the match starts with what follows
        first = _first_of(op, arg)
        if first is None:
            return None
        out |= first[0]
        if not first[1]:
            return out
    return None  # every part may match the empty string


def _first_of(op: Any, arg: Any) -> tuple[set[str], bool] | None:
    """The first characters of one pattern item, and whether it may match the empty string."""
    if op is sre_c.LITERAL:
        return {chr(arg)}, False
    if op is sre_c.IN and all(o is sre_c.LITERAL for o, _ in arg):
        return {chr(a) for _, a in arg}, False
    if op is sre_c.SUBPATTERN and not arg[1] and not arg[2]:  # no inline flags
        first = _first_chars(arg[-1])
        return None if first is None else (first, False)
    if op is sre_c.BRANCH:
        firsts = [_first_chars(branch) for branch in arg[1]]
        return None if any(f is None for f in firsts) else (set().union(*firsts), False)  # type: ignore[arg-type]
    if op in (sre_c.MAX_REPEAT, sre_c.MIN_REPEAT):
        first = _first_chars(arg[2])
        return None if first is None else (first, arg[0] == 0)
    return None


def _whole_words(body: str) -> re.Pattern[str]:
    """`body` compiled to match whole words only (`_LB` ... `_RB`), in the form `re` searches fastest."""
    parsed = sre_parse.parse(body)
    op, arg = parsed[0] if len(parsed) else (None, None)
    # Anchored at the start ("^(?:how|when|...)"): a leading "^" lets `re` try that one position
    # instead of every one (the zero-width `_LB` hides the body's own "^").
    anchor = "^" if op is sre_c.AT and arg is sre_c.AT_BEGINNING else ""
    first = _first_chars(parsed) if not parsed.state.flags & re.IGNORECASE else None
    # When every match starts with a letter or digit, `_LB` comes down to its first half: one lookbehind
    # per position instead of a lookbehind then a lookahead inside words.
    left = r"(?<![a-z0-9])" if first and first <= _ALNUM else _LB
    if first:
        # A lookahead on those characters first: one set test rules out most positions, before the
        # lookbehind and the alternatives are tried.
        left = "(?=[" + "".join(re.escape(ch) for ch in sorted(first)) + "])" + left
    return re.compile(f"{anchor}{left}(?:{body}){_RB}")


@cache
def _compiled() -> tuple[_Compiled, ...]:
    out = []
    for name, entries in LEXICON.items():
        for entry in entries:
            body = fold_pattern(entry.pattern if entry.regex else re.escape(entry.pattern))
            out.append(_Compiled(Category(name), entry, _whole_words(body), _required(sre_parse.parse(body))))
    return tuple(out)


@cache
def _swear_re() -> re.Pattern[str]:
    words = sorted({fold_pattern(re.escape(w)) for w in SWEARS}, key=len, reverse=True)
    return _whole_words("|".join(words))


@cache
def _idiom_re() -> re.Pattern[str]:
    return _whole_words(fold_pattern(IDIOMS))


# Violent and swear words that idioms and intensifiers neutralise (squeezed forms).
# (Single-word swears only: "putain de" or "pissed off" must not make "de" or "off" charged.)
_CHARGED = frozenset(fold_pattern(w) for w in (*CHARGED_WORDS, *SWEARS) if _RUN_RE.fullmatch(fold_pattern(w)))


@cache
def _target_re() -> re.Pattern[str]:
    return _whole_words(fold_pattern(TARGET_CUES))


# Ids of the swear and idiom regexes in `_Index`, next to the lexicon entries (0, 1, ...): they run on
# every comment whose text has one of their required literals, found by the same lookups.
_SWEAR_ID = -1
_IDIOM_ID = -2
_REGEX_IDS = frozenset((_SWEAR_ID, _IDIOM_ID))


@dataclass(frozen=True, slots=True)
class _Index:
    """Which patterns a comment may match, found with set operations instead of trying every regex.

    `by_tri` maps a trigram of each required literal to the literals filed under it and the
    patterns each literal opens; a literal is checked (`literal in text`) once per comment, whatever the
    number of patterns that share it. Literals of 1-2 characters are substring tests only.
    """

    tri_keys: frozenset[str]
    by_tri: dict[str, tuple[tuple[str, tuple[int, ...]], ...]]
    short: tuple[tuple[str, tuple[int, ...]], ...]  # literals shorter than a trigram
    always: tuple[int, ...]

    def candidates(self, text: str) -> set[int]:
        """Ids of the patterns whose required literals are in `text` (the regex decides)."""
        found = set(self.always)
        # The text's trigrams go straight into the intersection: no set of them all is built.
        for tri in self.tri_keys.intersection(_text_trigrams(text)):
            for piece, ids in self.by_tri[tri]:
                if piece in text:
                    found.update(ids)
        for piece, ids in self.short:
            if piece in text:
                found.update(ids)
        return found


def _gated() -> dict[int, frozenset[str] | None]:
    """Required literals of every pattern `evidence` runs behind the index, by id."""
    required = {i: compiled.required for i, compiled in enumerate(_compiled())}
    required[_SWEAR_ID] = _required(sre_parse.parse(_swear_re().pattern))
    required[_IDIOM_ID] = _required(sre_parse.parse(_idiom_re().pattern))
    return required


@cache
def _index() -> _Index:
    by_literal: dict[str, set[int]] = {}
    always = []
    for i, required in _gated().items():
        if required is None:
            always.append(i)
            continue
        for literal in required:
            # One that contains another of the same pattern adds nothing: the other is there whenever it is.
            if not any(other != literal and other in literal for other in required):
                by_literal.setdefault(literal, set()).add(i)
    # Each literal is filed under its trigram that the fewest literals share, preferably one inside a word
    # (" de", "s d"... are everywhere): every literal under a trigram found in the text is checked, so
    # small buckets mean fewer checks.
    sharing = Counter(tri for literal in by_literal for tri in set(_all_trigrams(literal)))
    by_tri: dict[str, list[tuple[str, tuple[int, ...]]]] = {}
    short = []
    for literal, ids in sorted(by_literal.items()):
        trigrams = _all_trigrams(literal)
        if trigrams:
            tri = min(trigrams, key=lambda t: (" " in t, sharing[t], t))
            by_tri.setdefault(tri, []).append((literal, tuple(sorted(ids))))
        else:
            short.append((literal, tuple(sorted(ids))))
    return _Index(
        tri_keys=frozenset(by_tri),
        by_tri={k: tuple(v) for k, v in by_tri.items()},
        short=tuple(short),
        always=tuple(always),
    )


@cache
def _person_re() -> re.Pattern[str]:
    return _whole_words(fold_pattern(PERSON_CUES))


# Bare second person ("tu", "te", "t'", "ton/ta/tes", "your"): `TARGET_CUES` wants "t'es", "tu es", "toi"...
# (an intensifier is aimed only then), but any of these is someone an insult could be about.
_SECOND_PERSON_RE = re.compile(r"(?<![a-z0-9'])(?:(?:tu|te|ton|ta|tes|your|yours|you)(?![a-z0-9])|t')")


def about_someone(norm: Normalized) -> bool:
    """Addressed to someone or naming a person, staff or the organisation: someone an insult could be
    aimed at. Only asked about the rare model-only insults (not part of `evidence`, to keep it fast)."""
    return norm.n_mentions > 0 or bool(
        _target_re().search(norm.squeezed)
        or _person_re().search(norm.squeezed)
        or _SECOND_PERSON_RE.search(norm.squeezed)
    )


def compile_all() -> None:
    """Compile every pattern now (at start-up) rather than on the first comment."""
    _compiled()
    _swear_re()
    _idiom_re()
    _index()
    _target_re()
    _person_re()


# A slur or an insult quoted after "called me", "traité de", "wrote"... is reported, not thrown: the victim
# or a witness telling the page what was said ("il m'a traitée de « sale immigrée »") is not an attacker.
_MENTIONABLE = frozenset((Category.HATE, Category.INSULT))
_OPENING_QUOTES = '«“"'
_CLOSING_QUOTES = '»”"'
_ONE_WAY_CLOSERS = "»”"  # a straight quote opens and closes: only these say a quote was closed
# The cue, then at most a few words of the same sentence before the opening quote.
_REPORT_RE = re.compile(fold_pattern(REPORT_CUES) + r"[^.!?]{0,20}$")


def _reported(text: str, start: int, end: int) -> bool:
    """The match sits between quotes that follow a reporting verb ("called me", "traité de", "wrote")."""
    before = text[max(0, start - 80) : start]
    opening = max(before.rfind(q) for q in _OPENING_QUOTES)
    if opening < 0 or any(q in before[opening + 1 :] for q in _ONE_WAY_CLOSERS):
        return False
    if not any(q in text[end : end + 40] for q in _CLOSING_QUOTES):
        return False
    return _REPORT_RE.search(before[:opening].rstrip(" :")) is not None


def evidence(norm: Normalized) -> RuleEvidence:
    text = norm.squeezed
    compiled_all = _compiled()
    candidates = _index().candidates(text)
    keep: dict[Category, float] = {}
    hits: list[Hit] = []
    for k in sorted(candidates - _REGEX_IDS):  # lexicon order: reasons stay stable
        compiled = compiled_all[k]
        match = compiled.regex.search(text)
        if match is None:
            continue
        entry = compiled.entry
        if compiled.category in _MENTIONABLE and _reported(text, match.start(), match.end()):
            continue
        keep[compiled.category] = keep.get(compiled.category, 1.0) * (1.0 - entry.weight)
        hits.append(Hit(compiled.category, entry.label, match.group(0).strip(), entry.weight))
    scores = {category: round(1.0 - k, 4) for category, k in keep.items()}
    swear = tuple(m.group(0) for m in _swear_re().finditer(text)) if _SWEAR_ID in candidates else ()
    idioms = tuple(m.group(0) for m in _idiom_re().finditer(text)) if _IDIOM_ID in candidates else ()
    aimed = norm.n_mentions > 0 or _target_re().search(text) is not None
    return RuleEvidence(scores=scores, hits=tuple(hits), swear=swear, aimed=aimed, idioms=idioms)
