"""The shipped model still meets the quality bar on the outside authors' evaluation sets.

v6 (270 brand-page comments) and v7 (300 general-web comments) were written by outside authors and are
never trained on (`train.BLIND_SETS`). The floors sit a little below the measured scores (README table),
so a retrain or a lexicon change that loses real ground fails here rather than in production.
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


def test_brand_page_set_meets_the_bar(clf: Classifier) -> None:
    rep = _report(clf, "v6")
    assert rep.macro_f1 >= 0.85
    assert rep.toxic_f1 >= 0.90
    assert rep.per_category[Category.THREAT][1] >= 0.85  # recall
    assert rep.per_category[Category.HATE][1] >= 0.85
    assert rep.benign_flagged_rate <= 0.05


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_general_web_toxicity_per_language(clf: Classifier, lang: str) -> None:
    assert _report(clf, "v7", lang).toxic_f1 >= 0.85
