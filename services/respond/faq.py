"""The tenant's FAQ: a YAML knowledge base per language, matched against a question with a confidence.

Matching is on lower-cased, accent-folded text, so patterns and keywords are written without accents.
A pattern hit is strong evidence (`PATTERN_CONFIDENCE`); keywords are word prefixes ("rembours" matches
"remboursement") and give a confidence proportional to how many of the entry's keywords appear.
Lookup: `<config_dir>/respond/faq/<tenant>/<lang>.yaml`, else the shipped `faq/<lang>.yaml`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import urljoin

import yaml
from pydantic import BaseModel, ConfigDict, Field, field_validator

from .policy import PACKAGE_DIR, RespondPolicy

SHIPPED_DIR = PACKAGE_DIR / "faq"
PATTERN_CONFIDENCE = 0.95
KEYWORD_WEIGHT = 0.9
CONTACT_LINK = "@contact"  # an entry's `link` may name the policy's contact page instead of a URL


class FaqEntry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    patterns: list[str] = Field(default_factory=list, description="Regexes on folded text.")
    keywords: list[str] = Field(default_factory=list, description="Word prefixes on folded text.")
    answer: str
    link: str | None = Field(default=None, description="Absolute, path on site_url, or @contact.")

    @field_validator("patterns")
    @classmethod
    def _compiles(cls, patterns: list[str]) -> list[str]:
        for pattern in patterns:
            try:
                re.compile(pattern)
            except re.error as exc:
                raise ValueError(f"pattern {pattern!r}: {exc}") from None
        return patterns


class Faq(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    lang: str
    entries: list[FaqEntry]


@dataclass(frozen=True)
class FaqMatch:
    entry: FaqEntry
    confidence: float
    evidence: str


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold().replace("’", "'"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def entry_link(entry: FaqEntry, policy: RespondPolicy) -> str | None:
    if entry.link is None:
        return None
    if entry.link == CONTACT_LINK:
        return str(policy.contact_url)
    return urljoin(str(policy.site_url), entry.link)


def _score(entry: FaqEntry, folded: str, words: list[str]) -> tuple[float, str]:
    for pattern in entry.patterns:
        if re.search(pattern, folded):
            return PATTERN_CONFIDENCE, f"pattern {pattern!r}"
    if not entry.keywords:
        return 0.0, ""
    hits = [k for k in entry.keywords if any(w.startswith(fold(k)) for w in words)]
    return KEYWORD_WEIGHT * len(hits) / len(entry.keywords), f"keywords {', '.join(hits)}"


def best_match(question: str, faq: Faq) -> FaqMatch | None:
    """The best entry (first listed wins a tie), or None when nothing matches at all."""
    folded = fold(question)
    words = re.findall(r"\w+", folded)
    best: FaqMatch | None = None
    for entry in faq.entries:
        confidence, evidence = _score(entry, folded, words)
        if confidence > 0 and (best is None or confidence > best.confidence):
            best = FaqMatch(entry, round(confidence, 4), evidence)
    return best


def faq_file(tenant: str, lang: str, config_dir: Path | None) -> Path | None:
    candidates = [SHIPPED_DIR / f"{lang}.yaml"]
    if config_dir is not None:
        candidates.insert(0, config_dir / "respond" / "faq" / tenant / f"{lang}.yaml")
    return next((path for path in candidates if path.is_file()), None)


@lru_cache(maxsize=128)
def load_faq(tenant: str, lang: str, config_dir: Path | None = None) -> Faq:
    """The tenant's FAQ in one language; an empty FAQ when there is none (every question → a draft)."""
    path = faq_file(tenant, lang, config_dir)
    if path is None:
        return Faq(lang=lang, entries=[])
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    try:
        return Faq.model_validate({"lang": lang, **data})
    except ValueError as exc:
        raise ValueError(f"FAQ {path}: {exc}") from exc
