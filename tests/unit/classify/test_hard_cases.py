"""Each hard case of the issue, through the full core (lexicon + model): these fail if the rules break."""

from __future__ import annotations

import pytest

from schemas import Category
from services.classify import rules
from services.classify.classifier import Classifier
from services.classify.normalize import normalize

C = Category

CASES = [
    # sarcasm
    ("Merci pour le retard de 40 minutes, vraiment génial 🙄", C.COMPLAINT),
    ("Wow thanks for nothing, still no refund", C.COMPLAINT),
    ("Great job losing my luggage again", C.COMPLAINT),
    # swearing complaints (Quebec French, France French, English)
    ("ça fait 3 heures que j'attends, c'est tabarnak de long", C.COMPLAINT),
    ("Câlisse que c'est long votre service à la clientèle", C.COMPLAINT),
    ("Putain, 45 minutes pour une pizza froide", C.COMPLAINT),
    ("fucking late again, every single morning", C.COMPLAINT),
    # praise with a swear word
    ("C'est tabarnak de bon!", C.PRAISE),
    ("Fucking love this place", C.PRAISE),
    ("holy shit this pasta is incredible", C.PRAISE),
    # swearing aimed at someone
    ("t'es un ostie de cave", C.INSULT),
    ("you fucking idiot", C.INSULT),
    # obfuscated insults
    ("c o n n a r d", C.INSULT),
    ("t'es un c0nnard", C.INSULT),
    ("f*ck you and your bank", C.INSULT),
    # spam that looks like a comment, with a link
    ("Great article! I wrote about this too on my blog: myfinanceblog.net/post", C.SPAM),
    ("Super publication! Allez voir ma chaîne pour plus de recettes: www.recettes-rapides.xyz", C.SPAM),
    ("WhatsApp +1 305 555 0188 for forex signals", C.SPAM),
    # code-switching
    ("c'est ouvert demain or closed for the holiday?", C.QUESTION),
    ("Le service est lent, seriously, 40 minutes for a coffee", C.COMPLAINT),
    # one-word comments
    ("merci", C.PRAISE),
    ("idiots", C.INSULT),
    ("ok", C.NEUTRAL),
    # veiled threats
    ("je sais où tu travailles", C.THREAT),
    ("Watch your back", C.THREAT),
    ("you'll regret this", C.THREAT),
    ("on va te trouver", C.THREAT),
    # hate
    ("les immigrés sont des parasites", C.HATE),
    ("go back to your country, nobody wants you here", C.HATE),
    # doxxing and sexual harassment
    ("Voici le numéro de la gérante: 514-555-0198, appelez-la tous", C.HARASSMENT),
    ("Her address is 42 Maple Street, go pay her a visit", C.HARASSMENT),
    ("send nudes, cashier from Main St", C.HARASSMENT),
    # questions
    ("Est-ce que la bibliothèque est ouverte dimanche?", C.QUESTION),
    ("What time does the downtown branch open?", C.QUESTION),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_hard_case(clf: Classifier, text: str, expected: Category) -> None:
    decision = clf.decide(text)
    assert decision.category == expected, (decision.category, decision.scores)


def test_intensifier_is_explained(clf: Classifier) -> None:
    decision = clf.decide("C'est tabarnak de bon!")
    assert any("intensifier" in r.detail for r in decision.reasons)


def test_reasons_name_matched_pattern(clf: Classifier) -> None:
    decision = clf.decide("je sais où tu travailles")
    patterns = [r for r in decision.reasons if r.kind == "pattern" and r.category == Category.THREAT]
    assert patterns and "sais ou tu travail" in patterns[0].detail


def test_scores_cover_all_categories_in_unit_interval(clf: Classifier) -> None:
    decision = clf.decide("Le 18 est encore en retard")
    assert set(decision.scores) == set(Category)
    assert all(0.0 <= s <= 1.0 for s in decision.scores.values())
    assert decision.scores[decision.category] == max(decision.scores.values())


def test_language(clf: Classifier) -> None:
    assert clf.decide("Le bus est encore en retard ce matin, c'est ridicule").lang == "fr"
    assert clf.decide("Ostie que c'est long attendre le bus au froid").lang == "fr"  # Quebec French = fr
    assert clf.decide("The bus is late again this morning, ridiculous").lang == "en"
    assert clf.decide("merci").lang == "und"
    assert clf.decide("merci", lang_hint="fr-CA").lang == "fr"


# Well-known hate tropes and coded terms, in general forms; the lexicon alone must see them (the model
# may add to it), and their innocent neighbours must not trip it.
HATE_TROPES = [
    "ces gens-là se reproduisent comme des lapins pis c'est nous qui payons",
    "they breed like rabbits and the city hands them housing",
    "that's the 13/50 crowd for you",
    "the mall is full of third worlders now",
    "take your religion back where it came from",
    "send them all back where they came from",
    "encore des bougn*ules au comptoir",
    "chinese owners now, enjoy your bat soup",
]
NOT_HATE = [
    "les enfants couraient comme des lapins au parc",
    "my rabbits breed every spring, any tips on cages?",
    "I went back where I came from to see my grandma",
]


@pytest.mark.parametrize("text", HATE_TROPES)
def test_hate_trope_is_hate_evidence(text: str) -> None:
    assert rules.evidence(normalize(text)).scores.get(C.HATE, 0.0) >= 0.5


@pytest.mark.parametrize("text", NOT_HATE)
def test_innocent_neighbour_is_not_hate_evidence(text: str) -> None:
    assert rules.evidence(normalize(text)).scores.get(C.HATE, 0.0) < 0.3


@pytest.mark.parametrize(
    "text",
    [
        "I took the blender back where it came from, refund in 2 days",
        "my parcels went back where they came from",
    ],
)
def test_returning_goods_is_not_hate_evidence(text: str) -> None:
    assert rules.evidence(normalize(text)).scores.get(C.HATE, 0.0) < 0.3


# A word that names a disability is hate evidence only when it is thrown at someone or the group is
# excluded; a parent thanking the store for its autism-friendly hour is a customer, not an attacker.
NAMING_A_DISABILITY = [
    "Mon fils est autiste et votre personnel a été d'une patience incroyable, merci!",
    "Merci pour les heures calmes pour les enfants autistes, ça change tout pour nous",
    "Ma fille trisomique adore votre équipe du samedi",
    "Le service est tellement lent, mon fils autiste a fait une crise dans la file",
    "Merci d'accueillir les autistes.",
]
DISABILITY_AS_INSULT_OR_EXCLUSION = [
    "t'es un autiste ou quoi",
    "espèce de trisomique",
    "c'est quoi cette gang d'autistes au comptoir",
    "il conduit comme un autiste",
    "you're autistic or what",
    "autistic kids should be kept out of mainstream schools",
    "les autistes devraient pas avoir le droit de travailler ici",
]


@pytest.mark.parametrize("text", NAMING_A_DISABILITY)
def test_naming_a_disability_is_not_hate_evidence(text: str) -> None:
    assert rules.evidence(normalize(text)).scores.get(C.HATE, 0.0) < 0.3


@pytest.mark.parametrize("text", DISABILITY_AS_INSULT_OR_EXCLUSION)
def test_disability_as_insult_or_exclusion_is_hate_evidence(text: str) -> None:
    assert rules.evidence(normalize(text)).scores.get(C.HATE, 0.0) >= 0.5


# Use versus mention: a victim or a witness quoting what was said is reporting it, not saying it.
REPORTED = [
    "Mon fils s'est fait traiter de « sale Noir » à la récré, on rencontre la direction demain",
    "Un client m'a traitée de \"sale immigrée\" en caisse et le gérant n'a rien fait",
    'A guy on the train was yelling "go back to your country" at a woman this morning',
    "Le mot « bougnoule » a été tagué sur la mosquée, la mairie a porté plainte",
]
THROWN = [
    "sale noir",
    '"sale immigrée" va',
    'retourne dans ton pays "madame"',
    "he called me and I told him: sale immigré",  # no quotes: said, not reported
]


@pytest.mark.parametrize("text", REPORTED)
def test_a_reported_slur_is_not_hate_evidence(text: str) -> None:
    assert rules.evidence(normalize(text)).scores.get(C.HATE, 0.0) < 0.3


@pytest.mark.parametrize("text", THROWN)
def test_a_slur_said_or_merely_quoted_is_still_hate_evidence(text: str) -> None:
    assert rules.evidence(normalize(text)).scores.get(C.HATE, 0.0) >= 0.5


def test_scare_quotes_do_not_hide_an_insult() -> None:
    assert rules.evidence(normalize('your "manager" is a fucking idiot')).scores.get(C.INSULT, 0.0) >= 0.5


# Words that are slurs or insults in one sense and ordinary in another: a wedding, a raccoon, a brake
# pedal, a cigarette break, a road, an idiom, a cleaner, wine cellars, household waste. 1.7.0 called a
# thank-you for "the bride's day" critical hate.
ORDINARY_SENSE = [
    "Thank you for making the bride's day so special, the cake was perfect!",
    "J'ai vu un raton dans ma cour ce matin",
    "Le raton laveur a encore renversé les vidanges",
    "La pédale de frein de mon char neuf est déjà molle",
    "J'ai changé les pédales de mon vélo chez vous",
    "Nipped out for a fag break and missed my bus",
    "The Dyke Road branch is closed again",
    "That refund policy is a chink in the armour",
    "Spic and span kitchen, well done",
    "Les caves à vin de la SAQ Signature sont magnifiques",
    "La collecte des ordures est-tu retardée avec le congé?",
    "Le boeuf mongol était délicieux, merci!",
    "On a adoré l'expo sur l'empire mongol au musée",
    "Audi e-tron test drive was great",
    "Je m'attarde toujours trop longtemps dans vos allées",
    "Il s'est attardé au comptoir pour nous aider, merci",
    "Shoot the girls a message when the order is ready",
    "The update should kill all the bugs in the app",
    "Le train avait encore un retard de 20 minutes, ce retard est chronique",
]
SLUR_SENSE = [
    "t'es un mongol ou quoi",
    "quel mongol ce caissier",
    "Ptn les yeux bridés de votre nouvelle égérie",
    "(((globalists))) own this bank",
    "les troons are ruining sports",
    "sale bridé",
    "espèce de pédale",
    "ces ratons foutent le bordel",
    "gang de fifs",
    "you fag",
    "she's a dyke",
    # The other shapes the disability slurs are thrown in (1.11.0): a comparison, a possessor, a verdict,
    # after a sacre and an adjective, the feminine.
    "il conduit comme un mongol ce chauffeur",
    "tabarnak de petit mongol",
    "naples c'est une équipe d'attardés",
    "le gars au comptoir c'est vraiment un attardé",
    "des attardées mentales au service client",
    "ching chong les employés du resto",
    "encore des putains de mecs trans dans vos pubs",
    "pendons les noirs",
    "kill all the muslims",
    "can someone explain it to this retard at the counter",
    "the mongoloid who runs this page",
    "muzzies everywhere in this mall now",
]


@pytest.mark.parametrize("text", ORDINARY_SENSE)
def test_ordinary_sense_of_an_ambiguous_word_is_no_evidence(text: str) -> None:
    evidence = rules.evidence(normalize(text)).scores
    assert evidence.get(C.HATE, 0.0) < 0.3
    assert evidence.get(C.INSULT, 0.0) < 0.3


@pytest.mark.parametrize("text", SLUR_SENSE)
def test_slur_sense_is_hate_evidence(text: str) -> None:
    assert rules.evidence(normalize(text)).scores.get(C.HATE, 0.0) >= 0.5


@pytest.mark.parametrize("text", ["gang de caves", "t'es un cave", "bande d'ordures", "t'es une ordure"])
def test_cave_and_ordure_aimed_at_someone_are_insults(text: str) -> None:
    assert rules.evidence(normalize(text)).scores.get(C.INSULT, 0.0) >= 0.5


@pytest.mark.parametrize(
    ("text", "threat"),
    [
        ("Une bombe ce kebab, je valide à 200%", False),
        ("Le nouveau smoothie mangue-passion, une bombe.", False),
        ("Remboursement possible si la séance a été annulée à cause de l'alerte à la bombe ?", False),
        ("j'vais poser une bombe dans votre magasin", True),
        ("y'aura une bombe sous ta voiture", True),
    ],
)
def test_a_bomb_is_a_threat_when_someone_brings_it(text: str, threat: bool) -> None:
    assert (rules.evidence(normalize(text)).scores.get(C.THREAT, 0.0) >= 0.5) is threat


# Everyday sentences that shared words with a threat, hate, harassment or insult pattern: a sad face ":((("
# (the antisemitic echo wraps a name), going back home oneself, "on va pleurer" (we'll cry), gratitude ("je
# te suis reconnaissante"), following a page, seeing someone's stand at a market, a queue (a line), opening
# hours, a policy, a bomb threat in the news, a fall on the ice, snow and dog groomers, Quebec's "t'es une
# bête" (you're a beast). Each was critical or high evidence under 1.9.0.
EVERYDAY = [
    "Closed again on a Sunday :(((",
    "Mon colis est encore perdu :(((",
    "Can't wait to go back home and try your new recipe",
    "I just want to go back home after this 3 hour wait at the airport",
    "I can't believe I have to go back to the store again for the same part",
    "I just go back home after work and order from you",
    "On va pleurer si vous fermez la succursale",
    "Merci Julie, je te suis tellement reconnaissante pour ton aide",
    "I follow you on Instagram, love your posts",
    "I saw you at the farmers market, your booth was great",
    "Je t'ai vu au salon de l'auto, super stand",
    "I've been watching your channel for years, love it",
    "Fix your queue system, it crashed again",
    "I know what time the branch closes, the door was locked at 3:55",
    "je connais votre politique de remboursement par coeur",
    "There was a bomb threat at the high school last year, turned out to be a hoax",
    "L'entrée du stationnement est une patinoire. Quelqu'un va se casser une hanche.",
    "Bloody brilliant powder day, cheers to the groomers",
    "Best dog groomers in town, Max looks amazing",
    "Les gars du SAMU vous êtes des bêtes, merci",
]
AIMED = [
    ("Go back home, nobody wants you here", C.HATE),
    ("Just go back home, nobody wants you", C.HATE),
    ("You don't even speak English, go back to your country", C.HATE),
    ("Va pleurer chez ta mère", C.HARASSMENT),
    ("I saw you leave work at 5, nice car", C.HARASSMENT),
    ("je te suis partout, fais attention", C.HARASSMENT),
    ("I'm watching you", C.HARASSMENT),
    ("show me your dick", C.HARASSMENT),
    ("I know where you live", C.THREAT),
    ("je connais ton adresse", C.THREAT),
    ("there's a bomb in your lobby", C.THREAT),
    ("Quelqu'un devrait le tuer", C.THREAT),
    ("Drag queens reading to kids, groomers all of them", C.HATE),
    ("t'es bête ou quoi", C.INSULT),
]


@pytest.mark.parametrize("text", EVERYDAY)
def test_everyday_sentences_are_no_toxic_evidence(text: str) -> None:
    evidence = rules.evidence(normalize(text)).scores
    assert all(evidence.get(c, 0.0) < 0.3 for c in (C.THREAT, C.HATE, C.HARASSMENT, C.INSULT))


@pytest.mark.parametrize(("text", "category"), AIMED)
def test_the_same_words_aimed_at_someone_stay_evidence(text: str, category: C) -> None:
    assert rules.evidence(normalize(text)).scores.get(category, 0.0) >= 0.5


# A person "de merde" is an insult; a thing "de merde" stays a complaint's intensifier (1.11.0).
@pytest.mark.parametrize(
    "text",
    [
        "la caissière de marde m'a ignorée",
        "prof gauchiste de merde",
        "ostie de petit con",
        "esti de vieux cave",
    ],
)
def test_a_person_de_merde_is_insult_evidence(text: str) -> None:
    assert rules.evidence(normalize(text)).scores.get(C.INSULT, 0.0) >= 0.5


@pytest.mark.parametrize(
    "text", ["le service client de merde m'a raccroché au nez", "une journée de merde", "ce monde de merde"]
)
def test_a_thing_de_merde_is_no_insult_evidence(text: str) -> None:
    assert rules.evidence(normalize(text)).scores.get(C.INSULT, 0.0) < 0.3


@pytest.mark.parametrize("text", ["what the fuck, my package never arrived", "what a joke this service is"])
def test_an_exclamation_opening_with_what_is_no_question_evidence(text: str) -> None:
    # 1.11.0: "what the fuck, ..." opened like "what time do you open" and read as a question.
    assert rules.evidence(normalize(text)).scores.get(C.QUESTION, 0.0) < 0.3


def test_a_question_opening_with_what_is_still_question_evidence() -> None:
    assert rules.evidence(normalize("what time do you open")).scores.get(C.QUESTION, 0.0) >= 0.3
