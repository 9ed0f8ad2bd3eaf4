"""Reply lint: nothing goes out unchecked. Pure apart from the injected link checker.

A text with any finding must not be published automatically: it becomes a draft needing approval with
the findings attached. The shell counts `vigie_reply_lint_failures_total{check}` from `failed_checks`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from difflib import SequenceMatcher
from urllib.parse import urlsplit

from schemas import LintFinding, Platform

from .links import LinkChecker
from .policy import RespondPolicy
from .spelling import NOT_PROSE, WORD, NoDictionary, misspelt, suggestions

URL = re.compile(r"(?:https?://|www\.)[^\s<>\"'«»]+", re.IGNORECASE)
PLACEHOLDER = re.compile(r"\{\{|\}\}|\{%|%\}|\{#|#\}|\$\{")
TRAILING_PUNCTUATION = ".,;:!?)»"
SHOUT_MIN_LETTERS = 12
SHOUT_RATIO = 0.5
DUPLICATE_RATIO = 0.9  # two texts this similar read as a canned copy-paste on the same thread
HOSTNAME = re.compile(r"^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9-]{1,63}$", re.I)


def links_in(text: str) -> list[str]:
    return list(dict.fromkeys(m.group(0).rstrip(TRAILING_PUNCTUATION) for m in URL.finditer(text)))


def _link_problem(url: str, policy: RespondPolicy) -> str | None:
    """Static checks, before any request: a link failing them is never fetched."""
    if url.lower().startswith("www."):
        return "no scheme (write https://…)"
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        parts.port  # noqa: B018 - raises on a malformed port
    except ValueError:
        return "malformed"
    try:
        ascii_host = host.encode("idna").decode("ascii")
    except UnicodeError:
        return "malformed"
    if not HOSTNAME.match(ascii_host):
        return "malformed"
    if parts.scheme.lower() != "https":
        return "not https"
    if not policy.domain_allowed(host):
        return f"domain {host} not on the allow-list"
    return None


def check_links(text: str, policy: RespondPolicy, link_checker: LinkChecker | None) -> list[LintFinding]:
    findings = []
    for url in links_in(text):
        problem = _link_problem(url, policy)
        if problem is None and link_checker is not None:
            status = link_checker.check(url)
            problem = None if status.live else f"broken ({status.detail})"
        if problem:
            findings.append(LintFinding(check="link", message=f"{url}: {problem}", items=[url]))
    return findings


def check_spelling(text: str, lang: str, own_words: Iterable[str]) -> list[LintFinding]:
    try:
        words = misspelt(text, lang, own_words)
    except NoDictionary as exc:
        return [LintFinding(check="spelling", message=str(exc))]
    if not words:
        return []
    hints = [f"{w} → {', '.join(suggestions(w, lang)) or '?'}" for w in words]
    return [
        LintFinding(check="spelling", message=f"misspelt: {', '.join(words)}", items=words, suggestions=hints)
    ]


def check_placeholders(text: str) -> list[LintFinding]:
    found = sorted(set(PLACEHOLDER.findall(text)))
    if not found:
        return []
    return [LintFinding(check="placeholder", message="unresolved template placeholder", items=found)]


def check_length(text: str, limit: int | None) -> list[LintFinding]:
    # Raw characters: stricter than X's weighted count (links count 23 there), so never too long.
    if limit is None or len(text) <= limit:
        return []
    return [LintFinding(check="length", message=f"{len(text)} characters, limit {limit}", items=[str(limit)])]


def check_shouting(text: str, own_words: Iterable[str]) -> list[LintFinding]:
    own = {w.casefold() for phrase in own_words for w in WORD.findall(phrase)}
    words = [w for w in WORD.findall(NOT_PROSE.sub(" ", text)) if w.casefold() not in own]
    letters = [c for w in words for c in w if c.isalpha()]
    upper = [c for c in letters if c.isupper()]
    caps_words = [w for w in words if len(w) >= 3 and w.isupper()]
    if (len(letters) >= SHOUT_MIN_LETTERS and len(upper) / len(letters) > SHOUT_RATIO) or len(
        caps_words
    ) >= 3:
        return [LintFinding(check="shouting", message="written in capitals", items=caps_words)]
    return []


def _normalised(text: str) -> str:
    return " ".join(text.casefold().split())


def check_duplicate(text: str, previous_texts: Iterable[str]) -> list[LintFinding]:
    mine = _normalised(text)
    for previous in previous_texts:
        if SequenceMatcher(None, mine, _normalised(previous)).ratio() >= DUPLICATE_RATIO:
            return [
                LintFinding(
                    check="duplicate", message="same as a reply already sent on this thread", items=[previous]
                )
            ]
    return []


def lint(
    text: str,
    lang: str,
    policy: RespondPolicy,
    *,
    link_checker: LinkChecker | None,
    previous_texts: Iterable[str] = (),
    platform: Platform | str | None = None,
    extra_words: Iterable[str] = (),
) -> list[LintFinding]:
    """Every finding on an outgoing text; empty = may be published automatically.

    `link_checker=None` skips only the liveness request (offline CLI); `extra_words` are accepted as
    spelled right (the author's name we greet, for instance).
    """
    own_words = [*policy.brand_words, *extra_words]
    return [
        *check_placeholders(text),
        *check_spelling(text, lang, own_words),
        *check_links(text, policy, link_checker),
        *check_length(text, policy.length_limit(platform) if platform else None),
        *check_shouting(text, own_words),
        *check_duplicate(text, previous_texts),
    ]


def failed_checks(findings: Iterable[LintFinding]) -> set[str]:
    """The `check` label values to count once each for one linted text."""
    return {f.check for f in findings}
