"""Complaints and praise addressed to "vous/you": delays and legal recourse are complaint evidence, and a
toxic verdict only the model sees needs a higher score when the comment carries clear complaint or
praise evidence or only figurative violent words. True insults and threats must not be affected.
General forms, not items of the blind sets."""

from __future__ import annotations

import pytest

from schemas import Category
from services.classify.classifier import Classifier

COMPLAINTS = [
    "Vos délais de livraison sont ridicules",
    "Je vais porter plainte contre vous",
    "On se reverra devant le juge",
    "See you in court, I want my money back",
    "I'm taking you to small claims over this",
    "Your delays are costing me my job",
    "You'll be hearing from my lawyer",
    "J'ai déposé une plainte à l'Office de la protection du consommateur",
]
PRAISE_IDIOMS = ["You are killing it", "Vous avez tué ça, bravo"]
STILL_TOXIC = [
    ("Vos délais sont nuls, bande d'incompétents", Category.INSULT),
    ("Vous êtes une gang de caves avec vos délais", Category.INSULT),
    ("See you in court, you fucking idiot", Category.INSULT),
    ("Je vais porter plainte pis après je vais te tuer", Category.THREAT),
    ("I know where you live, see you in court or outside", Category.THREAT),
]


@pytest.mark.parametrize("text", COMPLAINTS)
def test_delays_and_legal_recourse_are_complaints(clf: Classifier, text: str) -> None:
    assert clf.decide(text).category is Category.COMPLAINT


@pytest.mark.parametrize("text", PRAISE_IDIOMS)
def test_figurative_praise_to_you_is_not_toxic(clf: Classifier, text: str) -> None:
    assert not clf.decide(text).category.is_toxic


@pytest.mark.parametrize(("text", "category"), STILL_TOXIC)
def test_toxic_evidence_is_not_floored(clf: Classifier, text: str, category: Category) -> None:
    assert clf.decide(text).category is category


def test_hunger_is_not_a_death_wish(clf: Classifier) -> None:
    assert not clf.decide("J'vas mourir de faim avant que mon repas arrive").category.is_toxic
    assert clf.decide("Va crever, toi").category is Category.THREAT
