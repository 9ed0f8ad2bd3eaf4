"""Intimidation without a kill verb (FR, QC, EN) and the violent idioms that look like it.

General forms written for the patterns (the v4 misses' structures and common ones), not items of the
blind sets; each goes through the full core (lexicon + model).
"""

from __future__ import annotations

import pytest

from schemas import Category
from services.classify import rules
from services.classify.classifier import Classifier
from services.classify.normalize import normalize

INTIMIDATION = [
    # Quebec / France: harm verbs that are not kill verbs, aimed at "you" or a third person
    "j'm'en vas le brasser solide",
    "m'as te faire regretter ça",
    "Je vais lui apprendre les bonnes manières à coups de pied",
    "Ta caissière a besoin de se faire casser la gueule",
    "tu vas finir aux urgences",
    "il ne s'en relèvera pas, je vous le garantis",
    "il va comprendre sa douleur",
    "Le gérant va avoir affaire à moi",
    "il a intérêt à surveiller ses arrières",
    # property, weapons, waiting, friends
    "Tu vas te réveiller avec des pneus crevés",
    "On va passer à ta shop avec un bâton de baseball",
    "j'ai une batte dans le coffre pour ton gérant",
    "j'vas l'attendre dans le stationnement après sa shift",
    "Attends que je te pogne",
    "Mes chums vont passer te voir",
    "J'ai des amis qui savent où tu restes",
    "J'connais ton char pis j'sais où tu parkes",
    # Quebec present-for-future on a third person, a weapon kept "for next time"
    "j'le pogne à la sortie pis y va comprendre",
    "J'ai toujours mon 12 au chalet, continuez de même",
    # incitement to set a place on fire, subjunctive and SMS spellings
    "faudrait que qqn foute le feu à cette agence",
    "quelqu'un devrait crisser le feu dans c'te succursale-là",
    # English
    "I'm going to break every bone in your face",
    "he's gonna get his teeth kicked in",
    "Someone's gonna put that guy in the hospital",
    "You'd better hope I never find you",
    "my boys will pay your manager a visit",
    "my cousins know where you live",
    "I've got a tire iron in my trunk with your name on it",
    "I'll be waiting by your car after work",
    "you'll get what's coming to you",
    "you're gonna get hurt if you keep this up",
    "your cashier should watch her back",
    "Tell him to be careful",
    "I'll teach that clerk a lesson",
    "I'll get you for this",
    # calls for a lynching, blood debts, mutilation, violence on a condition
    "the whole board should be strung up",
    "Ces escrocs devraient être pendus",
    "ils vont payer en sang, je vous le dis",
    "je vais te couper la langue",
    "the first guy who touches my car again, I'll punch him",
    "le premier qui me refuse l'entrée, je le défonce",
]

LOOK_ALIKES = [
    "j'vas brasser la cage du service client",
    "Je vais le brasser avant de le boire",
    "je vais casser ma tirelire",
    "je vais péter une coche",
    "Ce DJ a mis le feu à la piste hier soir",
    "Je vais vous attendre à l'ouverture, hâte de voir la collection",
    "I'll be waiting outside when you open at 9, so excited",
    "We're going to hit your store hard on Black Friday",
    "I bought a baseball bat for my son, great quality",
    "I'll get you a replacement right away",
    "Your prices are murder on a student budget",
    "I'd kill for a refund",
    "this wait is killing me",
    "Vous avez tué ça hier soir!",
    "on va régler ça avec le gérant demain",
    "this plan should be executed before winter",
    "Le premier qui trouve la réponse gagne un billet",
    "vous allez payer en argent comptant ou par carte?",
]


@pytest.mark.parametrize("text", INTIMIDATION)
def test_intimidation_is_a_threat(clf: Classifier, text: str) -> None:
    assert clf.decide(text).category is Category.THREAT


@pytest.mark.parametrize("text", LOOK_ALIKES)
def test_look_alike_is_not_a_threat(clf: Classifier, text: str) -> None:
    assert clf.decide(text).category is not Category.THREAT


@pytest.mark.parametrize(
    "text", ["tu me niaises", "ton service est lent", "your app again", "t'arrives quand"]
)
def test_bare_second_person_is_someone(text: str) -> None:
    assert rules.about_someone(normalize(text))


@pytest.mark.parametrize("text", ["tutu rose", "youtube video", "le tapis est beau"])
def test_second_person_is_a_whole_word(text: str) -> None:
    assert not rules.about_someone(normalize(text))


@pytest.mark.parametrize(
    "text",
    [
        "Voici le numéro perso du gérant qui m'a refusé : appelez-le tous",
        "Found the home address of the driver who cut me off, sharing it below",
        "Le livreur de ce matin, plaque ABC 123, je sais pas son nom mais retrouvez-le",
    ],
)
def test_posting_a_persons_details_is_harassment(clf: Classifier, text: str) -> None:
    assert clf.decide(text).category is Category.HARASSMENT


@pytest.mark.parametrize(
    "text", ["Voici le numéro du service client : 1-800-555-0100", "j'ai 12 ans et j'adore ça"]
)
def test_service_details_and_ages_are_not_toxic(clf: Classifier, text: str) -> None:
    assert not clf.decide(text).category.is_toxic


@pytest.mark.parametrize(
    "text", ["I'll book you a table for Friday", "we can save you a seat", "I'll order you a new one"]
)
def test_service_idiom_is_found_without_a_violent_word(text: str) -> None:
    # "<verb> you a <thing>" is service talk whatever the verb: the idiom must not depend on the comment
    # also holding a violent word (it used to, through a second gate on charged words).
    assert rules.evidence(normalize(text)).idioms


# Errands in the words of an attack (1.11.0): going shopping, coming back with one's papers. With a
# threat offset of +1.25 the model alone called the Black Friday comment a threat.
ORDINARY_ERRANDS = [
    "We're going to hit your store hard on Black Friday",
    "on va dévaliser les soldes samedi",
    "hit the sales early",
    "Garden centre sold me lavender that died in the first frost. I'll be back Saturday with the receipt.",
    "Je serai au bureau lundi à 8h avec tous mes papiers",
]


@pytest.mark.parametrize("text", ORDINARY_ERRANDS)
def test_an_errand_is_an_ordinary_sense(text: str) -> None:
    evidence = rules.evidence(normalize(text))
    assert evidence.idioms and evidence.benign_context


@pytest.mark.parametrize("text", ["I'm going to hit your store with a bat", "I will hit your manager"])
def test_hitting_a_store_or_a_person_is_no_shopping_idiom(text: str) -> None:
    assert not rules.evidence(normalize(text)).idioms


def test_a_weapon_on_the_visit_keeps_the_threat_whatever_else_is_brought() -> None:
    evidence = rules.evidence(normalize("I'll be back Saturday with the receipt and a baseball bat"))
    assert not evidence.benign_context
