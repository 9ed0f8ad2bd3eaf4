"""The shipped model still meets the quality bar on the outside authors' evaluation sets.

v6 and v8 (270 brand-page comments each) and v7 (300 general-web comments) were written by outside
authors and are never trained on (`train.BLIND_SETS`; v9-v13 are kept for final checks only). The
floors sit a little below the measured scores (README table), so a retrain or a lexicon change that loses
real ground fails here rather than in production.
"""

from __future__ import annotations

import pytest

from schemas import Category
from services.classify import train
from services.classify.classifier import Classifier
from services.classify.metrics import Report, evaluate


def _report(clf: Classifier, name: str, lang: str | None = None) -> Report:
    rows = [r for r in train.load_blind(train.DATA_DIR / f"blind_{name}.jsonl") if lang in (None, r.lang)]
    return evaluate([r.category for r in rows], [clf.decide(r.text).category for r in rows])


@pytest.mark.parametrize(("name", "toxic_f1"), [("v6", 0.90), ("v8", 0.87)])
def test_brand_page_set_meets_the_bar(clf: Classifier, name: str, toxic_f1: float) -> None:
    rep = _report(clf, name)
    assert rep.macro_f1 >= 0.85
    assert rep.toxic_f1 >= toxic_f1
    assert rep.per_category[Category.THREAT][1] >= 0.85  # recall
    assert rep.per_category[Category.HATE][1] >= 0.85
    assert rep.benign_flagged_rate <= 0.05  # v8: 3 of 60 today


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_general_web_toxicity_per_language(clf: Classifier, lang: str) -> None:
    assert _report(clf, "v7", lang).toxic_f1 >= 0.85
