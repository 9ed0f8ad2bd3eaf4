"""Language detection: lingua restricted to the configured languages, `und` when too short to tell."""

from __future__ import annotations

import re
from functools import cache

from lingua import IsoCode639_1, Language, LanguageDetector, LanguageDetectorBuilder

from .memo import Memo

UND = "und"
_PLACEHOLDER_RE = re.compile(r"\bx(?:url|mention|email|phone|tollfree|emo\w*)\b")
_LETTER_WORD_RE = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
# The same words in ASCII text (most comments): plain letter ranges are faster than Unicode classes.
_ASCII_WORD_RE = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")


# Function words that settle most comments without asking lingua (the slow part): two or more of
# one language and none of the other. Mixed or unclear texts still go to lingua.
_FUNCTION_WORDS = {
    "fr": frozenset(
        [
            "le",
            "la",
            "les",
            "des",
            "est",
            "et",
            "je",
            "tu",
            "vous",
            "que",
            "qui",
            "pas",
            "une",
            "du",
            "au",
            "aux",
            "ce",
            "ça",
            "ca",
            "sur",
            "pour",
            "avec",
            "dans",
            "mais",
            "très",
            "tres",
            "merci",
            "bonjour",
            "svp",
            "c'est",
            "j'ai",
            "il",
            "elle",
            "nous",
            "on",
            "sont",
            "mon",
            "ma",
            "mes",
            "votre",
            "vos",
            "encore",
            "depuis",
            "quand",
            "comment",
            "pourquoi",
            "chez",
            "un",
            "de",
            "ne",
            "se",
            "sa",
            "ses",
            "leur",
            "tout",
            "tous",
            "toute",
            "bien",
            "fait",
            "faire",
            "moi",
            "toi",
            "lui",
            "ou",
            "comme",
            "aussi",
            "avez",
            "ai",
            "suis",
            "es",
            "etait",
            "vraiment",
            "rien",
            "jamais",
            "toujours",
            "ici",
            "en",
            "y",
            "cette",
            "ces",
            "notre",
            "nos",
            "peut",
            "veux",
            "pis",
            "chu",
            "ben",
            "icitte",
            "astheure",
            "ostie",
            "tabarnak",
            "calisse",
            "crisse",
            "bonne",
            "bon",
        ]
    ),
    "en": frozenset(
        [
            "the",
            "and",
            "is",
            "are",
            "you",
            "i",
            "to",
            "of",
            "it",
            "this",
            "that",
            "for",
            "with",
            "my",
            "was",
            "not",
            "can",
            "what",
            "when",
            "how",
            "thanks",
            "please",
            "your",
            "have",
            "has",
            "been",
            "they",
            "we",
            "our",
            "just",
            "why",
            "from",
            "at",
            "i'm",
            "it's",
            "so",
            "be",
            "will",
            "all",
            "no",
            "do",
            "there",
            "in",
            "if",
            "but",
            "get",
            "got",
            "again",
            "still",
            "us",
            "who",
            "where",
            "would",
            "could",
            "did",
            "does",
            "don't",
            "can't",
            "really",
            "very",
            "love",
            "great",
            "thank",
            "they're",
            "their",
            "by",
            "or",
            "about",
            "like",
            "good",
            "one",
            "any",
            "should",
            "here",
            "them",
            "out",
            "up",
            "off",
        ]
    ),
}


_ELISIONS = frozenset(["c'", "j'", "l'", "d'", "n'", "m'", "t'", "s'"])


def _cue(word: str) -> str:
    """The language a word is a cue of ("fr", "en" or ""); memoised in `_CUES` (small vocabulary)."""
    # Accented words are French cues too (é, à, ç...), and so are elisions.
    if word in _FUNCTION_WORDS["fr"] or not word.isascii() or word[:2] in _ELISIONS:
        return "fr"
    return "en" if word in _FUNCTION_WORDS["en"] else ""


_CUES: Memo[str, str] = Memo(_cue)


def _quick(words: list[str], languages: tuple[str, ...]) -> str | None:
    if "fr" not in languages or "en" not in languages:
        return None
    cues = list(map(_CUES.__getitem__, words))
    fr, en = cues.count("fr"), cues.count("en")
    # Clear majorities only: one stray word of the other language ("on", "a") is tolerated when the
    # other side has several; code-switched or unclear texts still go to lingua.
    if fr >= 2 and fr >= 3 * en + 2:
        return "fr"
    if en >= 2 and en >= 3 * fr + 2:
        return "en"
    return None


@cache
def detector(languages: tuple[str, ...]) -> LanguageDetector:
    """Built once per language set (it is the slow part); thread-safe and reused by every call."""
    langs = [Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper())) for code in languages]
    if len(langs) == 1:
        return LanguageDetectorBuilder.from_languages(*langs, Language.LATIN).build()
    return LanguageDetectorBuilder.from_languages(*langs).with_preloaded_language_models().build()


def primary_subtag(tag: object) -> str | None:
    """A language tag's primary subtag, lower-cased ("fr-CA", "FR" and "fr_CA" are all "fr"); None if empty."""
    return str(tag or "").replace("_", "-").split("-")[0].lower() or None


def detect(lower_text: str, languages: tuple[str, ...], *, min_letters: int = 10, min_words: int = 2) -> str:
    """ISO 639-1 code of `lower_text` (placeholders allowed), or `und` when it is too short to tell."""
    text = _PLACEHOLDER_RE.sub(" ", lower_text) if "x" in lower_text else lower_text  # they all start with x
    words = (_ASCII_WORD_RE if text.isascii() else _LETTER_WORD_RE).findall(text)
    if len(words) < min_words or sum(map(len, words)) < min_letters:
        return UND
    quick = _quick(words, languages)
    if quick is not None:
        return quick
    found = detector(languages).detect_language_of(text)
    if found is None:
        return UND
    code = found.iso_code_639_1.name.lower()
    return code if code in languages else UND
