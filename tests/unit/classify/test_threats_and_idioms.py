"""Threats (direct, veiled, conditional; FR, QC, EN) and the figurative or swearing uses that are not.

Each case goes through the full core (lexicon + model), so a pattern that breaks or a model that drifts
shows up here. The wordings are general forms, not items of the blind sets.
"""

from __future__ import annotations

import pytest

from schemas import Category
from services.classify import rules
from services.classify.classifier import Classifier
from services.classify.normalize import normalize

C = Category

THREATS = [
    # French (France), direct
    "je vais te tuer",
    "Je vais te casser la gueule",
    "je vais te faire la peau",
    "On va brûler votre magasin",
    "je vais mettre le feu à votre entrepôt",
    "je vais revenir avec mon fusil",
    "quelqu'un devrait tirer sur le patron",
    "j'espère que ton gérant crève",
    # French, veiled and conditional
    "je sais où tu habites",
    "je sais où habite ton gérant",
    "tu vas payer",
    "tu vas me le payer cher",
    "fais attention à toi",
    "on se reverra, crois-moi",
    "à ta place je ferais attention",
    "tu perds rien pour attendre",
    "je t'attends au parking",
    "ce serait dommage qu'il arrive quelque chose à ton magasin",
    # Quebec
    "m'as te péter la yeule",
    "tu vas manger une volée",
    "j'vas aller te trouver",
    "m'as t'attendre dehors mon tabarnak",
    # English, direct
    "I'm going to kill you",
    "I'm going to find you",
    "someone should shoot the owner",
    "I'll burn this place down",
    "there will be a bomb in your lobby",
    "I'm bringing my gun tomorrow",
    "I'm gonna find the manager and break his legs",
    "I hope you die",
    "they should hang the CEO",
    # English, veiled and conditional
    "I know where you live",
    "watch your back",
    "you'll regret this",
    "you're gonna pay for this",
    "it would be a shame if something happened to your store",
    "see you in the parking lot",
    "I'll be waiting for you after your shift",
    "your family isn't safe",
    # obfuscated (normalisation)
    "je vais te t.u.e.r",
    "I'm g0nna k1ll you",
]

NOT_THREATS = [
    ("this price is killing me", None),
    ("these prices are killing me, $9 for a latte", None),
    ("je vais tuer le temps au café en attendant", None),
    ("j'étais mort de rire devant votre pub", None),
    ("killer deal on the TVs this weekend", None),
    ("ça tue ce nouveau burger!", C.PRAISE),
    ("I'd kill for a coffee right now", None),
    ("you killed it with the new menu", C.PRAISE),
    ("this cake is to die for", C.PRAISE),
    ("je vais vous trouver une solution", None),
    ("I'll shoot you an email tomorrow", None),
    ("watch your step, the floor is wet", None),
    ("faites attention aux frais cachés", None),
    ("tu vas payer combien pour le forfait?", C.QUESTION),
    ("on se reverra l'an prochain au festival!", None),
    ("je vais brûler des calories au gym", None),
    ("the bomb! this burger is the bomb", None),
]

SWEARING_NOT_TOXIC = [
    ("this fucking app crashed again", C.COMPLAINT),
    ("shit, my order is late again", C.COMPLAINT),
    ("what the fuck, my package never arrived", C.COMPLAINT),
    ("holy shit the prices went up again", None),
    ("damn good service", C.PRAISE),
    ("hell yeah", None),
    ("holy shit this is good", None),
    ("ostie que votre app est lente", C.COMPLAINT),
    ("putain c'est trop bon", C.PRAISE),
]

AIMED = [
    ("you fucking idiots", C.INSULT),
    ("your staff are fucking idiots", C.INSULT),
    ("T'es un crisse de con pis ton boss aussi", C.INSULT),
    ("Bande d'incompétents, ça fait 3 semaines que j'attends", C.INSULT),
]


HATE_WITHOUT_SLURS = [
    "les immigrés n'ont rien à faire ici",
    "women shouldn't be allowed to manage anything",
    "arrêtez d'engager des arabes",
    "muslims are a cancer",
    "immigrants live off our taxes",
    "go back to where you came from",
]

NOT_HATE = ["les femmes de l'équipe ont été super", "stop serving cold fries"]


@pytest.mark.parametrize("text", THREATS)
def test_threat(clf: Classifier, text: str) -> None:
    d = clf.decide(text)
    assert d.category is C.THREAT, (text, d.category, d.reasons)


def _assert_not_toxic(clf: Classifier, text: str, expected: Category | None) -> None:
    d = clf.decide(text)
    assert not d.category.is_toxic, (text, d.category, d.reasons)
    if expected is not None:
        assert d.category is expected, (text, d.category)


@pytest.mark.parametrize(("text", "expected"), NOT_THREATS)
def test_not_a_threat(clf: Classifier, text: str, expected: Category | None) -> None:
    _assert_not_toxic(clf, text, expected)


@pytest.mark.parametrize("text", ["we will find you a replacement", "I'll find you a seat near the window"])
def test_finding_something_for_someone_is_not_toxic(clf: Classifier, text: str) -> None:
    # "find you" is a threat only without an object of its own (the model alone learnt "I'll find you").
    assert not clf.decide(text).category.is_toxic
    assert clf.decide("I'll find you").category is Category.THREAT


@pytest.mark.parametrize(("text", "expected"), SWEARING_NOT_TOXIC)
def test_swearing_as_intensifier(clf: Classifier, text: str, expected: Category | None) -> None:
    _assert_not_toxic(clf, text, expected)


@pytest.mark.parametrize(("text", "expected"), AIMED)
def test_aimed_swearing_stays_insult(clf: Classifier, text: str, expected: Category) -> None:
    assert clf.decide(text).category is expected


def test_idiom_is_explained(clf: Classifier) -> None:
    d = clf.decide("this price is killing me")
    assert any(r.kind == "rule" and "figurative" in r.detail for r in d.reasons)


def test_short_gate_pieces_do_not_hide_patterns() -> None:
    # "reverra|revoir" shares the prefix "re": the gate must test it as a substring, not a word.
    ev = rules.evidence(normalize("on se reverra"))
    assert ev.scores.get(C.THREAT, 0.0) > 0.5


def test_threat_outranks_insult_in_same_comment(clf: Classifier) -> None:
    assert clf.decide("Je vais te faire la peau, espèce de connard").category is C.THREAT


@pytest.mark.parametrize("text", HATE_WITHOUT_SLURS)
def test_hate_without_slur(clf: Classifier, text: str) -> None:
    assert clf.decide(text).category is C.HATE


@pytest.mark.parametrize("text", NOT_HATE)
def test_not_hate(clf: Classifier, text: str) -> None:
    assert clf.decide(text).category is not C.HATE


def test_go_back_needs_a_destination() -> None:
    # "retourne à l'école" is not "retourne dans ton pays": no hate evidence from the lexicon.
    assert rules.evidence(normalize("retourne à l'école")).scores.get(C.HATE, 0.0) == 0.0
    assert rules.evidence(normalize("retourne dans ton pays")).scores.get(C.HATE, 0.0) > 0.5
