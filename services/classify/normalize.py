"""Text normalisation that defeats the usual evasions before lexicons and the model look at a comment.

`normalize(text)` returns several views of one comment:
- `lower`: lower-cased, URLs/mentions/e-mails/phones/emojis replaced by placeholder tokens
  (`xurl`, `xmention`, `xemail`, `xphone`, `xtollfree`, `xemopos`...), accents kept;
- `folded`: the same with accents stripped, leetspeak decoded (`c0nnard`, `@ss`, `f*ck`), runs of
  3+ letters cut to one (`tabarnaaaak`) and spaced-out letters joined (`c o n n a r d`);
- `squeezed`: `folded` with every doubled letter cut to one, the form lexicons match on, so that
  `connard`, `conard` and `connnard` are one entry.
Everything is precompiled regexes and `str.translate`: a few microseconds per comment.
"""

from __future__ import annotations

import operator
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from .memo import Memo

URL_RE = re.compile(
    r"(?:https?://|www\.)\S+|\b[a-z0-9-]+\.(?:com|net|org|io|ly|gg|xyz|co|ca|fr|me|link|info|biz|top|shop|site|online|app)(?:/\S*)?\b",
    re.I,
)
EMAIL_RE = re.compile(r"\b[\w.+-]+@[\w-]+\.[\w.-]+\b")
# `@ss` and `@sshole` are leetspeak, not mentions.
MENTION_RE = re.compile(r"(?<![\w@])@(?!ss\b|sshole)[A-Za-z_][\w.]{1,30}")
# Phone numbers: North American and French layouts, with or without country code.
PHONE_RE = re.compile(
    r"(?<!\w)(?:\+?\d{1,3}[\s.-]?)?(?:\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4}|0[1-9](?:[\s.-]?\d{2}){4})(?!\w)"
)
# Toll-free numbers (North American 8xx, French numéros verts 0800-0805) belong to organisations, never to a
# person: their own token keeps "appelez le 1-800-..." from looking like a posted personal number.
TOLL_FREE_RE = re.compile(
    r"(?<!\w)(?:\+?1[\s.-]?)?\(?8(?:00|33|44|55|66|77|88)\)?[\s.-]?\d{3}[\s.-]?\d{4}(?!\w)"
    r"|(?<!\w)0[\s.]?80[0-5](?:(?:[\s.-]?\d{2}){3}|(?:[\s.-]?\d{3}){2})(?!\w)"
)
HASHTAG_RE = re.compile(r"#(\w+)")
# What every URL_RE match contains ("://", "www." in any case, or a dot before the letter a top-level
# domain starts with) and every phone number, toll-free or not (10 digits): quick tests spare the full
# patterns on most comments. (A dot is a literal prefix: `re` finds it with a fast scan, where "www" in any
# case is not.)
_DOT_LETTER_RE = re.compile(r"\.[a-z]", re.I)
_TEN_DIGITS_RE = re.compile(r"\d(?:\D*\d){9}")


def _may_have_url(text: str) -> bool:
    return "://" in text or _DOT_LETTER_RE.search(text) is not None or "www." in text.lower()


# Emojis grouped by what they say; anything else in the emoji blocks becomes `xemo`.
_EMOJI_GROUPS = {
    "xemopos": "❤♥💕💖💗💙💚💛💜🧡🤍😍🥰😘😊🙂😀😃😄😁🤩👍👏🙌🙏💯🔥⭐🌟✨🎉🥳😎👌💪",
    "xemoneg": "😡😠🤬👎😤💩🙄😒😞😢😭😩😫🤮🤢😖😣",
    "xemolol": "😂🤣😆😹😅",
    "xemoweapon": "🔪🔫💣🗡⚰💀☠🪓🧨",
    "xemomoney": "💰💵💸🤑📈💲🚀🪙",
}
_EMOJI_TO_TOKEN = {ch: token for token, chars in _EMOJI_GROUPS.items() for ch in chars}
EMOJI_RE = re.compile("[\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff\u2300-\u23ff\ufe0f\u200d]+")

# Leetspeak: only applied inside a token that also has letters, so "3 heures" or "2024" stay as they are.
_LEET = str.maketrans(
    {
        "0": "o",
        "1": "i",
        "3": "e",
        "4": "a",
        "5": "s",
        "7": "t",
        "@": "a",
        "$": "s",
        "!": "i",
        "€": "e",
        "|": "l",
        "+": "t",
    }
)
_LEET_TOKEN_RE = re.compile(r"(?<![\w@$!|*+€])[\w@$!|+€]*[0-9@$!|+€][\w@$!|+€]*")
_LEET_CHAR_RE = re.compile(r"[@$!|+€]")
_DIGIT_RE = re.compile(r"\d")
_REPEAT3_RE = re.compile(r"([a-z])\1{2,}")
_DOUBLE_RE = re.compile(r"([a-z])\1+")
# Single letters separated by a space, dot, dash or star, at least 3 of them: "c o n n a r d", "f.u.c.k".
_SPACED_RE = re.compile(r"(?<![a-z])[a-z]([ .\-_*])[a-z](?:\1[a-z])+(?![a-z])")
_TOKEN_RE = re.compile(r"[a-z0-9]+")
# The replacement `\1` as a function: `re` expands a template string in Python for every match.
_GROUP1 = operator.itemgetter(1)

# Words masked with stars or hashes ("f*ck", "sh#t", "c*nnard") are restored against this list.
MASKABLE_WORDS = (
    "fuck",
    "fucking",
    "fucker",
    "motherfucker",
    "shit",
    "bitch",
    "cunt",
    "dick",
    "asshole",
    "bastard",
    "whore",
    "slut",
    "nigger",
    "nigga",
    "faggot",
    "fag",
    "retard",
    "retarded",
    "damn",
    "crap",
    "piss",
    "connard",
    "connasse",
    "conne",
    "con",
    "salope",
    "salaud",
    "pute",
    "putain",
    "merde",
    "encule",
    "enculer",
    "batard",
    "pede",
    "negre",
    "bougnoule",
    "debile",
    "abruti",
    "ostie",
    "esti",
    "tabarnak",
    "tabarnac",
    "calisse",
    "crisse",
    "ciboire",
    "calvaire",
    "chier",
    "niaiseux",
    "cave",
    "idiot",
    "moron",
    "stupid",
    "loser",
    "kill",
    "tuer",
    "nazi",
    "chienne",
    "gueule",
    "fdp",
    "ntm",
    "tg",
    "wtf",
    "stfu",
    "ass",
)
_MASKABLE = frozenset(MASKABLE_WORDS)
_MASK_RE = re.compile(r"\b[a-z]*[*#%]+[a-z*#%]*\b|\b[a-z]+[*#%]+")


@lru_cache(maxsize=4096)
def _unmask(token: str) -> str:
    pattern = re.compile("^" + "".join("[a-z]" if ch in "*#%" else re.escape(ch) for ch in token) + "$")
    for word in MASKABLE_WORDS:
        if len(word) == len(token) and pattern.match(word):
            return word
    return token.replace("*", "").replace("#", "").replace("%", "")


def _fold_char(ch: str) -> str:
    decomposed = unicodedata.normalize("NFKD", ch)
    return "".join(part for part in decomposed if not unicodedata.combining(part))


# `str.translate` table of `_fold_char`, filled on first sight of each character: per-character folding is
# the same as folding the whole text (NFKD decomposes each character on its own, and the combining marks
# that canonical reordering moves are all dropped), and a translate is one C loop.
_FOLD: Memo[int, str] = Memo(lambda code: _fold_char(chr(code)))


def strip_accents(text: str) -> str:
    if text.isascii():
        return text
    return text.translate(_FOLD)


def _unleet(match: re.Match[str]) -> str:
    token = match.group(0).rstrip("!|+")
    decoded = token.translate(_LEET)
    if decoded == token:  # the usual "word!": only a trailing "!", nothing to decode
        return match.group(0)
    tail = match.group(0)[len(token) :]
    letters = sum(ch.isalpha() for ch in token)
    # Too few letters means a time, a price or an ordinal ("5h", "20$", "1er"), not leetspeak.
    if letters >= 3 or (letters >= 1 and decoded in _MASKABLE):
        return decoded + tail
    return match.group(0)


def _emoji_tokens(match: re.Match[str]) -> str:
    tokens = {_EMOJI_TO_TOKEN.get(ch, "xemo") for ch in match.group(0) if ch not in "\ufe0f\u200d"}
    return " " + " ".join(sorted(tokens)) + " " if tokens else " "


def _unspace(match: re.Match[str]) -> str:
    return re.sub(r"[ .\-_*]", "", match.group(0))


@dataclass(frozen=True, slots=True)
class Normalized:
    raw: str
    lower: str  # placeholders, accents kept: for language detection and display
    folded: str  # accents stripped, leet decoded, runs cut: for the model
    squeezed: str  # doubled letters cut too: for lexicons
    tokens: tuple[str, ...]  # words of `folded`
    n_urls: int
    n_mentions: int
    n_phones: int
    n_emails: int

    @property
    def is_empty(self) -> bool:
        return not self.tokens

    # Counted on the raw text when asked: classifying does not use it.
    @property
    def n_questions(self) -> int:
        return self.raw.count("?")


def normalize(text: str) -> Normalized:
    raw = text or ""
    lower = raw.replace("\u2019", "'").replace("\u2018", "'")
    # Each substitution runs only when the character it needs is there: most comments have no
    # e-mail, mention, phone, hashtag or emoji, and skipping a regex pass is the cheapest speed-up.
    n_emails = n_urls = n_mentions = n_phones = 0
    if "@" in lower:
        lower, n_emails = EMAIL_RE.subn(" xemail ", lower)
    if _may_have_url(lower):
        lower, n_urls = URL_RE.subn(" xurl ", lower)
    if "@" in lower:
        lower, n_mentions = MENTION_RE.subn(" xmention ", lower)
    has_digit = _DIGIT_RE.search(lower) is not None
    if has_digit and _TEN_DIGITS_RE.search(lower) is not None:
        lower = TOLL_FREE_RE.sub(" xtollfree ", lower)
        lower, n_phones = PHONE_RE.subn(" xphone ", lower)
    if "#" in lower:
        lower = HASHTAG_RE.sub(r" \1 ", lower)
    if not lower.isascii():
        lower = EMOJI_RE.sub(_emoji_tokens, lower)
    lower = lower.lower()
    folded = strip_accents(lower)
    if "*" in folded or "#" in folded or "%" in folded:
        folded = _MASK_RE.sub(lambda m: _unmask(m.group(0)), folded)
    if has_digit or _LEET_CHAR_RE.search(folded) is not None:
        folded = _LEET_TOKEN_RE.sub(_unleet, folded)
    folded = _REPEAT3_RE.sub(_GROUP1, folded)
    folded = _SPACED_RE.sub(_unspace, folded)
    folded = " ".join(folded.split())  # the same whitespace as `\s`, runs made one space, ends stripped
    squeezed = _DOUBLE_RE.sub(_GROUP1, folded)
    return Normalized(
        raw=raw,
        lower=" ".join(lower.split()),
        folded=folded,
        squeezed=squeezed,
        tokens=tuple(_TOKEN_RE.findall(folded)),
        n_urls=n_urls,
        n_mentions=n_mentions,
        n_phones=n_phones,
        n_emails=n_emails,
    )


@lru_cache(maxsize=1 << 14)
def squeeze(term: str) -> str:
    """A lexicon entry (or a comment's word) in the form `Normalized.squeezed` uses."""
    return _DOUBLE_RE.sub(_GROUP1, _REPEAT3_RE.sub(_GROUP1, strip_accents(term.lower())))


__all__ = ["Normalized", "normalize", "squeeze", "strip_accents"]
