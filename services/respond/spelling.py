"""Spell check of public texts with pyspellchecker's offline dictionaries plus Vigie's and the tenant's words."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from spellchecker import SpellChecker

from .policy import PACKAGE_DIR

WORDS_DIR = PACKAGE_DIR / "words"

# What is not prose: never spell-checked (links, addresses, placeholders, handles, anything with a digit).
NOT_PROSE = re.compile(
    r"https?://\S+|www\.\S+|\S+@\S+\.\S+|\{\{.*?\}\}|\{%.*?%\}|\$\{.*?\}|[@#][\w.]+|\S*\d\S*",
    re.UNICODE,
)
WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", re.UNICODE)
# French elisions (l'équipe, d'ici, qu'il, jusqu'à): the prefix is not a word of its own.
ELIDED = {"l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu"}


class NoDictionary(LookupError):
    pass


@lru_cache(maxsize=8)
def checker(lang: str) -> SpellChecker:
    try:
        spell = SpellChecker(language=lang, distance=2)
    except ValueError as exc:
        raise NoDictionary(f"no spelling dictionary for language {lang!r}") from exc
    extra = WORDS_DIR / f"{lang}.txt"
    if extra.is_file():
        words = [w.strip() for w in extra.read_text(encoding="utf-8").splitlines()]
        spell.word_frequency.load_words([w for w in words if w and not w.startswith("#")])
    return spell


def _parts(token: str, lang: str) -> list[str]:
    parts = re.split(r"[-'’]", token)
    if lang == "fr" and len(parts) > 1 and parts[0].lower() in ELIDED:
        parts = parts[1:]
    return parts


def misspelt(text: str, lang: str, own_words: Iterable[str] = ()) -> list[str]:
    """Misspelt words in order of appearance, each once. Single letters and acronyms are skipped."""
    spell = checker(lang)
    own = {w.casefold() for phrase in own_words for w in WORD.findall(phrase)}
    prose = NOT_PROSE.sub(" ", text)
    found: dict[str, None] = {}
    for token in WORD.findall(prose):
        if token.casefold() in own or spell.known([token.lower()]):
            continue
        for part in _parts(token, lang):
            if len(part) < 2 or part.casefold() in own or (part.isupper() and len(part) <= 5):
                continue
            if not spell.known([part.lower()]):
                found[part] = None
    return list(found)


def suggestions(word: str, lang: str, limit: int = 3) -> list[str]:
    spell = checker(lang)
    candidates = spell.candidates(word.lower()) or set()
    ranked = sorted(candidates, key=lambda w: (-spell.word_usage_frequency(w), w))
    return ranked[:limit]
