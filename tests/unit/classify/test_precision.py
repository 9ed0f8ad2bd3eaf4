"""Precision of the toxic decision: slang praise and untargeted comments the model alone would call
insults, and the targeted insults that must stay insults. General forms, not items of the blind sets."""

from __future__ import annotations

import pytest

from schemas import Category
from services.classify import rules
from services.classify.classifier import MODEL_ONLY_HATE_FLOOR, Classifier
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


def _with_hate_probability(clf: Classifier, text: str, p_hate: float) -> Category:
    """The category `text` gets when the model says hate with probability `p_hate` and praise with the rest
    (the decision rules only: the model's weights play no part)."""
    classes = clf.model.classes
    probs = [
        p_hate if c is Category.HATE else (1.0 - p_hate if c is Category.PRAISE else 0.0) for c in classes
    ]
    norm = normalize(text)
    return clf._conclude("fr", norm, rules.evidence(norm), probs).category


@pytest.mark.parametrize(
    ("text", "p_hate", "expected"),
    [
        # no hate pattern: the model alone needs MODEL_ONLY_HATE_FLOOR
        ("Les employés du IGA sont toujours souriants", MODEL_ONLY_HATE_FLOOR - 0.05, Category.PRAISE),
        ("Les employés du IGA sont toujours souriants", 0.9, Category.HATE),
        # a hate pattern backs it: no floor
        ("Les immigrés sont des parasites", MODEL_ONLY_HATE_FLOOR - 0.05, Category.HATE),
    ],
)
def test_model_only_hate_needs_the_floor(
    clf: Classifier, text: str, p_hate: float, expected: Category
) -> None:
    assert _with_hate_probability(clf, text, p_hate) is expected


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


# Customers, parents and citizens name a group in ordinary comments (thanks for an autism-friendly hour, a
# question about Eid hours, an accessibility complaint): naming a group is not attacking it. Written before
# 1.7.0 was trained (round 14 taught this boundary); 1.6.0 called two of them toxic (the quiet hour,
# the refugee sponsors' thanks).
GROUP_MENTIONS = [
    "Merci pour l'heure tranquille du mardi, mon garçon autiste a pu faire l'épicerie sans crise",
    "Bravo pour le char allégorique à la Fierté, toute l'équipe était magnifique",
    "Est-ce que la mosquée du quartier peut réserver la salle communautaire pendant le ramadan?",
    "Ma conjointe est sourde, est-ce que vos guichets ont un service en LSQ?",
    "Les nouveaux arrivants de ma classe de francisation ont adoré la visite du musée, merci!",
    "La rampe pour fauteuil roulant est encore bloquée par des boîtes, c'est pas correct",
    "Merci d'avoir ajouté des plats halal à la cafétéria de l'hôpital",
    "Thanks for hiring people with Down syndrome at the Elm St store, Jamie made my day",
    "Love the rainbow crosswalk downtown, proud of our city",
    "Is the prayer room at the airport open during Eid?",
    "My wife is Muslim and the staff were so respectful about her hijab at security, thank you",
    "The elevator for wheelchair users has been broken for three weeks, please fix it",
    "Do you have gender-neutral washrooms at the new arena?",
    "Our refugee family sponsorship group wants to thank the bank for the free accounts",
]


@pytest.mark.parametrize("text", GROUP_MENTIONS)
def test_naming_a_group_is_not_toxic(clf: Classifier, text: str) -> None:
    assert not clf.decide(text).category.is_toxic


# Ordinary senses of words the model had learned from attacks: going back home oneself, "on va pleurer"
# (we'll cry), Mongolian beef, someone should fix something, an ultimatum about customers. The lexicon
# marks them (`IDIOMS`) and the model reads the comment without them. The first three were hate 0.70,
# threat 0.98 and insult 0.93 under 1.10.0+001da7f7; the last three threats at 0.52-0.94 under +fcd676aa.
@pytest.mark.parametrize(
    "text",
    [
        "Can't wait to go back home and try your new recipe",
        "On va pleurer si vous fermez la succursale",
        "Mongol beef was cold",
        "Le boeuf mongol était froid, encore",
        "Somebody should fix the potholes on Main St",
        "Quelqu'un devrait réparer la porte du métro Berri",
        "Keep hiking prices and see how many customers you have left",
    ],
)
def test_ordinary_sense_is_not_toxic(clf: Classifier, text: str) -> None:
    assert not clf.decide(text).category.is_toxic


@pytest.mark.parametrize(
    "text",
    [
        "Somebody should teach that cashier a lesson",
        "Quelqu'un devrait s'occuper de lui",
        "I'll be at your branch with a bat",
    ],
)
def test_the_same_openings_with_harm_stay_threats(clf: Classifier, text: str) -> None:
    assert clf.decide(text).category is Category.THREAT
