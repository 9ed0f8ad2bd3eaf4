"""Every shipped template, in both languages and both tones, renders and passes the whole lint."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime
from pathlib import Path

import pytest
from respond_helpers import LocalSite

from services.respond.faq import entry_link, load_faq
from services.respond.links import HttpLinkChecker
from services.respond.lint import lint
from services.respond.policy import RespondPolicy
from services.respond.templates import SHIPPED_DIR, TONES, TemplateName, TemplateRenderError, render
from services.respond.timefmt import format_clock, format_day

BACK = datetime(2026, 12, 1, 13, 0, tzinfo=UTC)  # Tuesday December 1, 8:00 in Montreal
DUE = datetime(2026, 12, 2, 15, 30, tzinfo=UTC)


def variables(
    policy: RespondPolicy, lang: str, author: str | None, due: datetime | None
) -> dict[str, object]:
    locale = policy.locale_for(lang)
    fmt = policy.format_for(locale)
    return {
        "author": author,
        "contact_url": str(policy.contact_url),
        "site_url": str(policy.site_url),
        "back_day": format_day(BACK, policy.tz, fmt, locale),
        "back_time": format_clock(BACK, policy.tz, fmt, locale),
        "due_day": due and format_day(due, policy.tz, fmt, locale),
        "due_time": due and format_clock(due, policy.tz, fmt, locale),
        "due_same_day": due is not None and due.date() == BACK.date(),
    }


def test_every_shipped_file_is_covered() -> None:
    shipped = {str(p.relative_to(SHIPPED_DIR)) for p in SHIPPED_DIR.rglob("*.j2")}
    expected = {
        f"{lang}/{name}{'' if tone == 'friendly' else '.' + tone}.j2"
        for lang, name, tone in itertools.product(("fr", "en"), TemplateName, TONES)
    }
    assert shipped == expected


@pytest.mark.parametrize(("lang", "name", "tone"), list(itertools.product(("fr", "en"), TemplateName, TONES)))
def test_shipped_template_renders_and_passes_the_lint(
    policy: RespondPolicy, checker: HttpLinkChecker, lang: str, name: TemplateName, tone: str
) -> None:
    faq = load_faq("default", lang)
    answers = (
        [(e.answer, entry_link(e, policy)) for e in faq.entries]
        if name is TemplateName.FAQ_ANSWER
        else [("", None)]
    )
    for author, due, (answer, link) in itertools.product(
        ("Marie-Ève", None), (None, BACK.replace(hour=15), DUE), answers
    ):
        text, used = render(
            name,
            lang,
            tone,
            {**variables(policy, lang, author, due), "answer": answer, "link": link},
            tenant="default",
        )
        assert used.startswith(f"{lang}/{name}")
        assert "  " not in text and " ." not in text and ".." not in text
        findings = lint(text, lang, policy, link_checker=checker, platform="x", extra_words=[author or ""])
        assert findings == [], (text, findings)


def test_acknowledgement_variants_read_right(policy: RespondPolicy) -> None:
    fr = render(
        TemplateName.ACKNOWLEDGEMENT, "fr", "friendly", variables(policy, "fr", None, DUE), tenant="default"
    )[0]
    assert fr == (
        "Merci de votre message. Notre équipe est de retour le mardi 1er décembre à 8 h "
        "et vous répondra d'ici le mercredi 2 décembre à 10 h 30."
    )
    en = render(
        TemplateName.ACKNOWLEDGEMENT, "en", "friendly", variables(policy, "en", "Zoe", DUE), tenant="default"
    )[0]
    assert en == (
        "Hi Zoe, thanks for your message. Our team is back on Tuesday, December 1 at 8:00 a.m. "
        "and will answer you by Wednesday, December 2 at 10:30 a.m."
    )


def test_a_missing_variable_is_an_error(policy: RespondPolicy) -> None:
    incomplete = variables(policy, "fr", None, DUE)
    del incomplete["back_time"]
    with pytest.raises(TemplateRenderError, match="back_time"):
        render(TemplateName.ACKNOWLEDGEMENT, "fr", "friendly", incomplete, tenant="default")
    with pytest.raises(TemplateRenderError, match="contact_url"):
        render(TemplateName.COMPLAINT_DRAFT, "en", "friendly", {"author": None}, tenant="default")


def test_tenant_templates_override_shipped_ones_and_stay_sandboxed(site: LocalSite, tmp_path: Path) -> None:
    folder = tmp_path / "respond" / "templates" / "acme" / "fr"
    folder.mkdir(parents=True)
    (folder / "praise_thanks.j2").write_text(
        "Merci{% if author %} {{ author }}{% endif %}, toute l'équipe Acme."
    )
    (folder / "complaint_draft.j2").write_text("{{ contact_url.__class__.__mro__[1].__subclasses__() }}")
    text, used = render(
        TemplateName.PRAISE_THANKS, "fr", "friendly", {"author": "Léa"}, tenant="acme", config_dir=tmp_path
    )
    assert (text, used) == ("Merci Léa, toute l'équipe Acme.", "fr/praise_thanks.j2")
    with pytest.raises(TemplateRenderError, match="unsafe"):
        render(
            TemplateName.COMPLAINT_DRAFT,
            "fr",
            "friendly",
            {"contact_url": "x"},
            tenant="acme",
            config_dir=tmp_path,
        )
    # A tone the tenant does not have falls back to the shipped file of that tone.
    _, used = render(
        TemplateName.PRAISE_THANKS, "fr", "formal", {"author": None}, tenant="acme", config_dir=tmp_path
    )
    assert used == "fr/praise_thanks.formal.j2"
