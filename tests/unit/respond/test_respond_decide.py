"""The respond decision: table per category, acknowledgement texts on real calendars, idempotence."""

from __future__ import annotations

from pathlib import Path

import pytest
from respond_helpers import (
    NOW,
    LocalSite,
    classified,
    closed_port_url,
    respond_config,
    respond_policy,
    routed,
)

from schemas import ActionType, Category, HandledBy, Platform, Severity, Verb
from services.respond.decide import (
    Decision,
    ProcessedLedger,
    RespondConfig,
    already_processed,
    decide,
    load_config,
    processing_key,
)
from services.respond.faq import Faq, FaqEntry
from services.respond.links import HttpLinkChecker
from services.route.policy import TenantPolicy
from services.route.routing import escalate, route

IN_HOURS = "2026-11-25T10:00:00-05:00"  # a Wednesday morning in Montreal
FRIDAY_EVENING = "2026-11-27T20:00:00-05:00"
FAQ_QUESTION = "Bonjour, quelles sont vos heures d'ouverture?"
OTHER_QUESTION = "Pourquoi avez-vous changé le trajet de la ligne 55?"

A = ActionType


def types(decision: Decision) -> list[ActionType]:
    return [action.type for action in decision.actions]


@pytest.mark.parametrize(
    ("category", "text", "in_hours", "out_of_hours", "handled"),
    [
        (Category.THREAT, "...", [A.HIDE, A.NOTIFY_ON_CALL], [A.HIDE, A.NOTIFY_ON_CALL], False),
        (Category.HATE, "...", [A.HIDE, A.NOTIFY_ON_CALL], [A.HIDE, A.NOTIFY_ON_CALL], False),
        (Category.INSULT, "...", [A.HIDE, A.REVIEW], [A.HIDE, A.REVIEW], False),
        (Category.HARASSMENT, "...", [A.HIDE, A.REVIEW], [A.HIDE, A.REVIEW], False),
        (Category.SPAM, "...", [A.HIDE], [A.HIDE], True),
        (Category.COMPLAINT, "...", [A.REPLY_DRAFT], [A.ACKNOWLEDGE, A.REPLY_DRAFT], False),
        (Category.QUESTION, OTHER_QUESTION, [A.REPLY_DRAFT], [A.ACKNOWLEDGE, A.REPLY_DRAFT], False),
        (Category.QUESTION, FAQ_QUESTION, [A.REPLY], [A.REPLY], True),
        (Category.PRAISE, "...", [], [], False),
        (Category.NEUTRAL, "...", [], [], False),
    ],
)
def test_decision_table(
    quebec: TenantPolicy,
    config: RespondConfig,
    checker: HttpLinkChecker,
    category: Category,
    text: str,
    in_hours: list[ActionType],
    out_of_hours: list[ActionType],
    handled: bool,
) -> None:
    for created_at, expected in ((IN_HOURS, in_hours), (FRIDAY_EVENING, out_of_hours)):
        item = routed(quebec, category, created_at, text=text)
        decision = decide(item, config, now=NOW, link_checker=checker)
        assert types(decision) == expected, created_at
        for action in decision.actions:
            assert action.requires_approval == (action.type in {A.REPLY_DRAFT, A.REVIEW})
            if action.text and action.type is not A.NOTIFY_ON_CALL:
                assert action.lint == [], action.lint  # shipped texts are clean
        assert bool(decision.handled) == handled
        for signal in decision.handled:
            assert (
                signal.handled_by is HandledBy.VIGIE and signal.object_id == item.classified.event.object_id
            )
            assert signal.source_event_id in {a.action_id for a in decision.actions}


def ack_text(decision: Decision) -> str | None:
    (ack,) = [a for a in decision.actions if a.type is A.ACKNOWLEDGE]
    return ack.text


@pytest.mark.parametrize(
    ("created_at", "lang", "expected"),
    [
        (  # Friday evening: back on Monday
            FRIDAY_EVENING,
            "fr",
            "Merci de votre message. Notre équipe est de retour le lundi 30 novembre à 8 h "
            "et vous répondra d'ici 10 h.",
        ),
        (
            FRIDAY_EVENING,
            "en",
            "Thanks for your message. Our team is back on Monday, November 30 at 8:00 a.m. "
            "and will answer you by 10:00 a.m.",
        ),
        (  # the eve of the Fête nationale (Wednesday June 24): back on Thursday
            "2026-06-23T18:30:00-04:00",
            "fr",
            "Merci de votre message. Notre équipe est de retour le jeudi 25 juin à 8 h et vous répondra d'ici 10 h.",
        ),
        (  # Friday before the end of DST (Sunday November 1): 8 h EST on Monday, not 9 h or 7 h
            "2026-10-30T17:00:00-04:00",
            "fr",
            "Merci de votre message. Notre équipe est de retour le lundi 2 novembre à 8 h et vous répondra d'ici 10 h.",
        ),
        (  # Friday before the start of DST (Sunday March 8)
            "2026-03-06T19:00:00-05:00",
            "en",
            "Thanks for your message. Our team is back on Monday, March 9 at 8:00 a.m. "
            "and will answer you by 10:00 a.m.",
        ),
        (  # the first of the month: 1er
            "2026-11-30T16:30:00-05:00",
            "fr",
            "Merci de votre message. Notre équipe est de retour le mardi 1er décembre à 8 h "
            "et vous répondra d'ici 10 h.",
        ),
    ],
)
def test_quebec_acknowledgement(
    quebec: TenantPolicy,
    config: RespondConfig,
    checker: HttpLinkChecker,
    created_at: str,
    lang: str,
    expected: str,
) -> None:
    item = routed(quebec, Category.COMPLAINT, created_at, lang=lang, author=None)
    assert not item.in_business_hours
    decision = decide(item, config, now=NOW, link_checker=checker)
    assert ack_text(decision) == expected


def test_acknowledgement_greets_the_author_by_first_name(
    quebec: TenantPolicy, config: RespondConfig, checker: HttpLinkChecker
) -> None:
    item = routed(quebec, Category.COMPLAINT, FRIDAY_EVENING, author="Marie-Ève Tremblay")
    text = ack_text(decide(item, config, now=NOW, link_checker=checker))
    assert text is not None and text.startswith("Bonjour Marie-Ève, merci de votre message.")
    handle = routed(quebec, Category.COMPLAINT, FRIDAY_EVENING, author="xX_b0ss_Xx")
    assert (ack_text(decide(handle, config, now=NOW, link_checker=checker)) or "").startswith("Merci de")


def test_question_after_hours_without_deadline_promises_only_the_return(
    quebec: TenantPolicy, config: RespondConfig, checker: HttpLinkChecker
) -> None:
    item = routed(quebec, Category.QUESTION, FRIDAY_EVENING, text=OTHER_QUESTION, author=None)
    assert item.due_at is None  # low severity: the auto queue
    text = ack_text(decide(item, config, now=NOW, link_checker=checker))
    assert text == "Merci de votre message. Notre équipe est de retour le lundi 30 novembre à 8 h."


def test_a_deadline_before_the_return_is_not_promised(
    quebec: TenantPolicy, config: RespondConfig, checker: HttpLinkChecker
) -> None:
    item = route(
        classified(Category.COMPLAINT, FRIDAY_EVENING, author=None, severity=Severity.HIGH), quebec, now=NOW
    )
    assert item.due_at is not None and item.next_opening_at is not None and item.due_at < item.next_opening_at
    text = ack_text(decide(item, config, now=NOW, link_checker=checker))
    assert text == "Merci de votre message. Notre équipe est de retour le lundi 30 novembre à 8 h."


@pytest.fixture
def paris_config(site: LocalSite, tmp_path: Path) -> RespondConfig:
    """The Paris tenant loaded like the service does: respond override file + the route calendar."""
    (tmp_path / "respond").mkdir()
    (tmp_path / "respond" / "paris-bank.yaml").write_text(
        f"site_url: {site.base}\ncontact_url: {site.url('/contact')}\ntone: formal\n", encoding="utf-8"
    )
    return load_config("paris-bank", tmp_path)


@pytest.mark.parametrize(
    ("created_at", "expected"),
    [
        (  # Friday after 17 h: Monday at 9 h
            "2026-11-27T17:30:00+01:00",
            "Nous avons bien reçu votre message et nous vous en remercions. Notre équipe sera de retour "
            "le lundi 30 novembre à 9 h et vous répondra au plus tard à 11 h.",
        ),
        (  # lunch break: back the same day at 14 h
            "2026-11-30T13:00:00+01:00",
            "Nous avons bien reçu votre message et nous vous en remercions. Notre équipe sera de retour "
            "le lundi 30 novembre à 14 h et vous répondra au plus tard à 16 h.",
        ),
        (  # closed on December 24, Christmas, then the weekend
            "2026-12-23T19:00:00+01:00",
            "Nous avons bien reçu votre message et nous vous en remercions. Notre équipe sera de retour "
            "le lundi 28 décembre à 9 h et vous répondra au plus tard à 11 h.",
        ),
    ],
)
def test_paris_acknowledgement(
    paris: TenantPolicy, paris_config: RespondConfig, checker: HttpLinkChecker, created_at: str, expected: str
) -> None:
    assert paris_config.policy.timezone == "Europe/Paris" and paris_config.policy.locale_for("fr") == "fr-FR"
    item = routed(paris, Category.COMPLAINT, created_at, tenant="paris-bank", author=None)
    assert ack_text(decide(item, paris_config, now=NOW, link_checker=checker)) == expected


def test_same_input_gives_the_same_action_ids(
    quebec: TenantPolicy, config: RespondConfig, checker: HttpLinkChecker
) -> None:
    for category in Category:
        item = routed(quebec, category, FRIDAY_EVENING, text=FAQ_QUESTION)
        first = decide(item, config, now=NOW, link_checker=checker)
        again = decide(item, config, now=NOW.replace(year=2031), link_checker=checker)
        assert [a.action_id for a in first.actions] == [a.action_id for a in again.actions]
        assert [s.signal_id for s in first.handled] == [s.signal_id for s in again.handled]
        assert len({a.action_id for a in first.actions}) == len(first.actions)


def test_redelivery_after_a_link_broke_keeps_the_acknowledgement_slot(
    site: LocalSite, quebec: TenantPolicy, config: RespondConfig, checker: HttpLinkChecker
) -> None:
    item = routed(quebec, Category.QUESTION, FRIDAY_EVENING, text=FAQ_QUESTION)
    published = decide(item, config, now=NOW, link_checker=checker)
    broken_site = respond_config(respond_policy(site, site_url=closed_port_url()))
    redelivered = decide(item, broken_site, now=NOW, link_checker=checker)
    assert types(published) == [A.REPLY] and types(redelivered) == [A.REPLY_DRAFT]
    # Same id: the publisher, idempotent by action id, never sends a second text for this comment.
    assert published.actions[0].action_id == redelivered.actions[0].action_id
    assert redelivered.handled == ()


def test_processed_keys_skip_redeliveries_but_not_escalations(
    quebec: TenantPolicy, config: RespondConfig
) -> None:
    item = routed(quebec, Category.COMPLAINT, IN_HOURS)
    seen = {processing_key(item)}
    assert already_processed(item.model_copy(), seen)
    breached = escalate(item, quebec, now=NOW)
    assert breached is not None and not already_processed(breached, seen)
    ledger = ProcessedLedger(size=2)
    ledger.remember(item)
    assert already_processed(item, ledger) and not already_processed(breached, ledger)
    ledger.remember(breached)
    ledger.remember(routed(quebec, Category.SPAM, IN_HOURS, object_id="c-9"))
    assert not already_processed(item, ledger) and already_processed(breached, ledger)  # oldest forgotten


def test_sla_breach_only_calls_on_call_once_per_level(
    quebec: TenantPolicy, config: RespondConfig, checker: HttpLinkChecker
) -> None:
    item = routed(quebec, Category.THREAT, IN_HOURS, text="Je vais vous retrouver.")
    first = decide(item, config, now=NOW, link_checker=checker)
    level1 = escalate(routed(quebec, Category.COMPLAINT, IN_HOURS), quebec, now=NOW)
    assert level1 is not None
    level2 = escalate(level1, quebec, now=NOW)
    assert level2 is not None
    d1 = decide(level1, config, now=NOW, link_checker=checker)
    d2 = decide(level2, config, now=NOW, link_checker=checker)
    assert types(d1) == types(d2) == [A.NOTIFY_ON_CALL]
    assert d1.actions[0].action_id != d2.actions[0].action_id
    assert "SLA breach 1" in d1.actions[0].reason and d1.handled == ()
    notify = first.actions[1]
    assert notify.type is A.NOTIFY_ON_CALL and notify.text == "Je vais vous retrouver."
    assert "matched a threat term" in notify.reason


def test_faq_answer_with_a_broken_link_becomes_a_draft(
    quebec: TenantPolicy, policy: object, checker: HttpLinkChecker, config: RespondConfig
) -> None:
    entry = FaqEntry(
        id="heures", patterns=["heures"], answer="Nous sommes ouverts de 8 h à 16 h.", link="/missing"
    )
    broken = RespondConfig(config.policy, {**config.faqs, "fr": Faq(lang="fr", entries=[entry])})
    decision = decide(
        routed(quebec, Category.QUESTION, IN_HOURS, text=FAQ_QUESTION), broken, now=NOW, link_checker=checker
    )
    (draft,) = decision.actions
    assert draft.type is A.REPLY_DRAFT and draft.requires_approval
    assert [f.check for f in draft.lint] == ["link"] and "404" in draft.lint[0].message
    assert "lint failed: link" in draft.reason and decision.handled == ()


@pytest.mark.parametrize(
    ("kwargs", "why"),
    [
        ({"crisis": True}, "crisis"),
        ({"lang": "es"}, "language es"),
        ({"verb": Verb.EDITED}, "edited"),
    ],
)
def test_no_automatic_text_in_risky_cases(
    quebec: TenantPolicy, config: RespondConfig, checker: HttpLinkChecker, kwargs: dict[str, object], why: str
) -> None:
    item = routed(quebec, Category.COMPLAINT, FRIDAY_EVENING, **kwargs)
    decision = decide(item, config, now=NOW, link_checker=checker)
    assert types(decision) == [A.REPLY_DRAFT, A.REPLY_DRAFT]
    assert why in decision.actions[0].reason
    assert decision.actions[0].lang == "fr"


def test_duplicate_acknowledgement_on_the_thread_becomes_a_draft(
    quebec: TenantPolicy, config: RespondConfig, checker: HttpLinkChecker
) -> None:
    item = routed(quebec, Category.COMPLAINT, FRIDAY_EVENING)
    sent = ack_text(decide(item, config, now=NOW, link_checker=checker))
    second = routed(quebec, Category.COMPLAINT, FRIDAY_EVENING, object_id="c-2", author="Paul Roy")
    decision = decide(second, config, now=NOW, link_checker=checker, sent_texts_on_thread=[sent or ""])
    assert types(decision)[0] is A.REPLY_DRAFT and decision.actions[0].lint[0].check == "duplicate"


def test_own_replies_and_removals_get_nothing(
    quebec: TenantPolicy, config: RespondConfig, checker: HttpLinkChecker
) -> None:
    for kwargs in ({"own": True}, {"verb": Verb.REMOVE}):
        item = routed(quebec, Category.COMPLAINT, FRIDAY_EVENING, **kwargs)
        assert decide(item, config, now=NOW, link_checker=checker).actions == ()


def test_policy_switches_insults_kept_and_praise(
    site: LocalSite, quebec: TenantPolicy, checker: HttpLinkChecker
) -> None:
    keep = respond_config(respond_policy(site, rules={"insult_harassment": "keep"}))
    assert types(decide(routed(quebec, Category.INSULT, IN_HOURS), keep, now=NOW, link_checker=checker)) == [
        A.REVIEW
    ]
    like = respond_config(respond_policy(site, rules={"praise": "like"}))
    liked = decide(routed(quebec, Category.PRAISE, IN_HOURS), like, now=NOW, link_checker=checker)
    assert types(liked) == [A.LIKE] and len(liked.handled) == 1
    thanks = respond_config(respond_policy(site, rules={"praise": "thanks"}, tone="formal"))
    thanked = decide(
        routed(quebec, Category.PRAISE, IN_HOURS, lang="en"), thanks, now=NOW, link_checker=checker
    )
    assert types(thanked) == [A.REPLY] and len(thanked.handled) == 1
    assert thanked.actions[0].text == (
        "Hello Marie, thank you sincerely for your message. Your appreciation will be shared with our entire team."
    )


def test_a_missing_template_variable_is_an_error_never_an_empty_string(
    quebec: TenantPolicy, config: RespondConfig, checker: HttpLinkChecker
) -> None:
    item = routed(quebec, Category.COMPLAINT, FRIDAY_EVENING).model_copy(update={"next_opening_at": None})
    decision = decide(item, config, now=NOW, link_checker=checker)
    review = decision.actions[0]
    assert review.type is A.REVIEW and review.text is None and review.requires_approval
    assert review.lint[0].check == "template" and "back_day" in review.lint[0].message


def test_texts_fit_on_x(quebec: TenantPolicy, config: RespondConfig, checker: HttpLinkChecker) -> None:
    for category, when in ((Category.COMPLAINT, FRIDAY_EVENING), (Category.QUESTION, IN_HOURS)):
        item = routed(quebec, category, when, platform=Platform.X, text=FAQ_QUESTION, author="Marie-Ève")
        for action in decide(item, config, now=NOW, link_checker=checker).actions:
            assert action.lint == [] and len(action.text or "") <= 280


def test_audit_event_and_lint_counter_hook(
    quebec: TenantPolicy, config: RespondConfig, checker: HttpLinkChecker
) -> None:
    from services.respond.audit import respond_audit

    item = routed(quebec, Category.COMPLAINT, FRIDAY_EVENING, text="Service lamentable.")
    clean = decide(item, config, now=NOW, link_checker=checker)
    audit = respond_audit(item, clean, now=NOW)
    assert audit.outcome == "ok" and audit.decision == "responded:0"
    assert [a["type"] for a in audit.details["actions"]] == ["acknowledge", "reply_draft"]
    assert "Service lamentable." not in str(audit.details)
    sent = [clean.actions[0].text or ""]
    again = decide(item, config, now=NOW, link_checker=checker, sent_texts_on_thread=sent)
    assert again.lint_failure_checks == ["duplicate"]
    assert respond_audit(item, again, now=NOW).outcome == "lint_failed"
    assert respond_audit(item, again, now=NOW).audit_id == audit.audit_id  # same subject, same decision
