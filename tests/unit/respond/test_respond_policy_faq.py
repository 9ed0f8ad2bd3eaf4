"""Respond policy loading (shipped default, tenant overrides, route calendar) and the FAQ matcher."""

from __future__ import annotations

from pathlib import Path

import pytest
from respond_helpers import LocalSite

from schemas import Platform
from services.respond.faq import Faq, FaqEntry, best_match, entry_link, load_faq
from services.respond.policy import PraiseHandling, ToxicHandling, load_policy


def test_shipped_default(no_config: Path) -> None:
    policy = load_policy("default", no_config)
    assert (
        policy.timezone == "America/Toronto" and policy.tz.key == "America/Toronto"
    )  # from the route policy
    assert policy.locales == {"fr": "fr-CA", "en": "en-CA"}
    assert policy.length_limit(Platform.X) == 280 and policy.length_limit(Platform.WORDPRESS) is None
    assert policy.rules.insult_harassment is ToxicHandling.HIDE and policy.rules.praise is PraiseHandling.NONE


def test_paris_takes_time_zone_and_locale_from_its_route_policy(no_config: Path) -> None:
    policy = load_policy("paris-bank", no_config)
    assert policy.timezone == "Europe/Paris"
    assert policy.locale_for("fr") == "fr-FR" and policy.format_for("fr-FR").time_on_the_hour == "H 'h'"


def test_tenant_file_overrides_key_by_key(tmp_path: Path) -> None:
    (tmp_path / "respond").mkdir()
    (tmp_path / "respond" / "acme.yaml").write_text(
        "brand_words: [Acme, Montréal-Nord]\nrules: {praise: like}\ncontact_url: https://acme.example/aide\n"
    )
    policy = load_policy("acme", tmp_path)
    assert policy.brand_words == ["Acme", "Montréal-Nord"]
    assert policy.rules.praise is PraiseHandling.LIKE and policy.rules.insult_harassment is ToxicHandling.HIDE
    assert policy.domain_allowed("acme.example") and policy.domain_allowed("www.example.org")


@pytest.mark.parametrize(
    ("content", "field"),
    [
        ("rules: {praise: hug}\n", "rules.praise"),
        ("colour: blue\n", "colour"),
        ("contact_url: nowhere\n", "contact_url"),
    ],
)
def test_invalid_tenant_file_names_file_and_field(tmp_path: Path, content: str, field: str) -> None:
    (tmp_path / "respond").mkdir()
    (tmp_path / "respond" / "acme.yaml").write_text(content)
    with pytest.raises(ValueError, match=field) as info:
        load_policy("acme", tmp_path)
    assert "acme.yaml" in str(info.value)


@pytest.mark.parametrize(
    ("lang", "question", "entry"),
    [
        ("fr", "Bonjour! Quelles sont vos heures d'ouverture durant les Fêtes?", "heures"),
        ("fr", "À quelle heure vous fermez ce soir?", "heures"),
        ("fr", "Comment vous joindre par téléphone?", "joindre"),
        ("fr", "J'ai oublié mon mot de passe, je ne peux plus me connecter", "mot-de-passe"),
        ("fr", "Est-ce possible de me faire rembourser mon billet?", "remboursement"),
        ("en", "What are your opening hours on Sunday?", "hours"),
        ("en", "How can I reach you?", "contact"),
        ("en", "I forgot my password", "password"),
        ("en", "Can I get a refund for my ticket?", "refund"),
    ],
)
def test_shipped_faq_answers_common_questions(lang: str, question: str, entry: str) -> None:
    match = best_match(question, load_faq("default", lang))
    assert match is not None and match.entry.id == entry and match.confidence >= 0.75


def test_unrelated_or_vague_questions_are_not_confident() -> None:
    fr = load_faq("default", "fr")
    assert best_match("Pourquoi le trajet de la ligne 55 a changé?", fr) is None
    vague = best_match("Vous êtes là demain à quelle heure environ?", fr)
    assert vague is not None and vague.confidence < 0.75  # one keyword of two


def test_faq_links_resolve_on_the_policy(site: LocalSite, policy: object) -> None:
    from services.respond.policy import RespondPolicy

    assert isinstance(policy, RespondPolicy)
    faq = Faq(
        lang="fr",
        entries=[
            FaqEntry(id="a", answer="A.", link="/aide/a"),
            FaqEntry(id="b", answer="B.", link="@contact"),
            FaqEntry(id="c", answer="C.", link="https://autre.example/c"),
        ],
    )
    assert [entry_link(e, policy) for e in faq.entries] == [
        site.url("/aide/a"),
        site.url("/nous-joindre"),
        "https://autre.example/c",
    ]


def test_tenant_faq_replaces_the_shipped_one(tmp_path: Path) -> None:
    folder = tmp_path / "respond" / "faq" / "acme"
    folder.mkdir(parents=True)
    (folder / "fr.yaml").write_text(
        "entries:\n  - id: stationnement\n    keywords: [stationnement, gratuit]\n"
        "    answer: Le stationnement est gratuit le soir.\n"
    )
    faq = load_faq("acme", "fr", tmp_path)
    match = best_match("Le stationnement est-il gratuit?", faq)
    assert match is not None and match.entry.id == "stationnement" and match.confidence == 0.9
    assert best_match("Quelles sont vos heures d'ouverture?", faq) is None
    (folder / "en.yaml").write_text("entries:\n  - id: bad\n    patterns: ['(']\n    answer: x\n")
    with pytest.raises(ValueError, match=r"en\.yaml"):
        load_faq("acme", "en", tmp_path)
