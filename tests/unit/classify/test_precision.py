"""Precision of the toxic decision: slang praise and untargeted comments the model alone would call
insults, and the targeted insults that must stay insults. General forms, not items of the blind sets."""

from __future__ import annotations

import pytest

from schemas import Category
from services.classify import rules
from services.classify.classifier import Classifier
from services.classify.normalize import normalize

SLANG_PRAISE = [
    "The new logo is chef's kiss",
    "Meilleure poutine du quartier",
    "Les meilleures frites, sans contredit",
    "That burger is goated",
    "Sick!",
    "Trop fort !",
    "Unreal deal on these boots",
    "This playlist slaps",
]


@pytest.mark.parametrize("text", SLANG_PRAISE)
def test_slang_praise_is_praise(clf: Classifier, text: str) -> None:
    assert clf.decide(text).category is Category.PRAISE


@pytest.mark.parametrize("text", ["Le son est trop fort", "The music was way too loud", "Insane prices here"])
def test_slang_words_alone_are_not_praise(clf: Classifier, text: str) -> None:
    # "trop fort" and "insane" are praise only as the whole exclamation or with "deal".
    assert clf.decide(text).category is not Category.PRAISE


@pytest.mark.parametrize("text", ["Just saw this on my feed", "Première fois que je vois ça passer"])
def test_untargeted_comment_is_not_a_model_only_insult(clf: Classifier, text: str) -> None:
    assert not clf.decide(text).category.is_toxic


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Les employés du guichet sont des incapables", True),
        ("pauvre débile va", True),
        ("le gérant est nul", True),
        ("@sam regarde", True),
        ("Just saw this on my feed", False),
    ],
)
def test_about_someone(text: str, expected: bool) -> None:
    assert rules.about_someone(normalize(text)) is expected


@pytest.mark.parametrize(
    "text",
    [
        "Les employés du guichet sont des incapables",
        "pauvre débile va",
        "You are all a bunch of fucking idiots",
    ],
)
def test_targeted_insults_stay_insults(clf: Classifier, text: str) -> None:
    assert clf.decide(text).category is Category.INSULT
