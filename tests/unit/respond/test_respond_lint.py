"""Reply lint: spelling, links (against real local servers), placeholders, length, shouting, duplicates."""

from __future__ import annotations

import time

import pytest
from respond_helpers import LocalSite, client_ssl_context, closed_port_url, silent_server

from services.respond.links import HttpLinkChecker, LinkStatus
from services.respond.lint import failed_checks, links_in, lint
from services.respond.policy import RespondPolicy


class Recording:
    """Wraps a checker to prove which URLs were (not) fetched."""

    def __init__(self, inner: HttpLinkChecker) -> None:
        self.inner = inner
        self.urls: list[str] = []

    def check(self, url: str) -> LinkStatus:
        self.urls.append(url)
        return self.inner.check(url)


def test_misspelt_french_reply_is_caught_with_suggestions(policy: RespondPolicy) -> None:
    text = "Merci de votre mesage. Notre équipe vous répondera demain."
    findings = lint(text, "fr", policy, link_checker=None)
    assert [f.check for f in findings] == ["spelling"]
    assert findings[0].items == ["mesage", "répondera"]
    assert "message" in findings[0].suggestions[0]


def test_misspelt_english_reply_is_caught_with_suggestions(policy: RespondPolicy) -> None:
    findings = lint("Thanks for your mesage, we will ansver you tomorow.", "en", policy, link_checker=None)
    assert findings[0].check == "spelling"
    assert findings[0].items == ["mesage", "ansver", "tomorow"]
    assert "tomorrow" in findings[0].suggestions[2]


def test_correct_texts_pass_with_elisions_hyphens_numbers_links_and_own_words(
    site: LocalSite, checker: HttpLinkChecker
) -> None:
    from respond_helpers import respond_policy

    policy = respond_policy(site, brand_words=["Vigie", "Desjardins"])
    fr = (
        "Bonjour Éloïse, l'équipe de Vigie et Desjardins vous répondra d'ici 10 h le 1er décembre. "
        f"Écrivez-nous à aide@example.org ou ici : {site.url('/aide')}. Qu'en pensez-vous?"
    )
    assert lint(fr, "fr", policy, link_checker=checker, extra_words=["Éloïse"]) == []
    en = f"Hi Zoë, we're back Monday at 8:00 a.m. and will answer by 10:00 a.m.: {site.url('/help')}"
    assert lint(en, "en", policy, link_checker=checker, extra_words=["Zoë"]) == []


def test_a_language_without_dictionary_fails_safe(policy: RespondPolicy) -> None:
    assert [f.check for f in lint("Gràcies", "ca", policy, link_checker=None)] == ["spelling"]


@pytest.mark.parametrize(("path", "detail"), [("/missing", "broken (404)"), ("/boom", "broken (500)")])
def test_an_http_error_is_a_broken_link(
    site: LocalSite, checker: HttpLinkChecker, policy: RespondPolicy, path: str, detail: str
) -> None:
    findings = lint(f"Voyez {site.url(path)}.", "fr", policy, link_checker=checker)
    assert [f.check for f in findings] == ["link"]
    assert findings[0].items == [site.url(path)]
    assert detail in findings[0].message


def test_a_server_that_never_answers_times_out(policy: RespondPolicy, checker: HttpLinkChecker) -> None:
    with silent_server() as url:
        started = time.monotonic()
        findings = lint(f"Voyez {url}", "fr", policy, link_checker=checker)
        assert time.monotonic() - started < 3 * checker.timeout + 1
    assert [f.check for f in findings] == ["link"]
    assert "timeout" in findings[0].message


def test_a_refused_connection_is_broken(policy: RespondPolicy, checker: HttpLinkChecker) -> None:
    findings = lint(f"Voyez {closed_port_url()}", "fr", policy, link_checker=checker)
    assert "unreachable" in findings[0].message


def test_head_refused_falls_back_to_get_and_3xx_is_live(site: LocalSite, checker: HttpLinkChecker) -> None:
    assert checker.check(site.url("/no-head")) == LinkStatus(True, "200")
    assert site.hits["HEAD /no-head"] == 1 and site.hits["GET /no-head"] == 1
    assert checker.check(site.url("/moved")) == LinkStatus(True, "301")


def test_an_untrusted_certificate_is_broken(site: LocalSite) -> None:
    assert not HttpLinkChecker(timeout=0.5).check(site.url("/")).live  # system CAs only


def test_link_results_are_cached_with_a_ttl(site: LocalSite) -> None:
    clock = [1000.0]
    checker = HttpLinkChecker(
        timeout=0.5,
        ttl_seconds=60,
        broken_ttl_seconds=5,
        ssl_context=client_ssl_context(),
        clock=lambda: clock[0],
    )
    for _ in range(3):
        assert checker.check(site.url("/cached")).live
    assert site.hits["HEAD /cached"] == 1
    clock[0] += 61
    checker.check(site.url("/cached"))
    assert site.hits["HEAD /cached"] == 2
    checker.check(site.url("/missing")), checker.check(site.url("/missing"))
    before = site.hits["GET /missing"]
    clock[0] += 6  # broken links are re-checked sooner
    checker.check(site.url("/missing"))
    assert site.hits["GET /missing"] == before + 1


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("http://127.0.0.1/page", "not https"),
        ("https://evil.example.net/page", "not on the allow-list"),
        ("https://bad_host!/x", "malformed"),
        ("www.example.org/page", "no scheme"),
    ],
)
def test_static_link_problems_are_found_without_any_request(
    policy: RespondPolicy, checker: HttpLinkChecker, url: str, problem: str
) -> None:
    recording = Recording(checker)
    findings = lint(f"Voyez {url} merci", "fr", policy, link_checker=recording)
    assert [f.check for f in findings] == ["link"]
    assert problem in findings[0].message
    assert recording.urls == []


def test_allow_list_accepts_subdomains_of_listed_domains(site: LocalSite) -> None:
    from respond_helpers import respond_policy

    policy = respond_policy(site, allowed_domains=["example.org"])
    assert policy.domain_allowed("aide.example.org") and policy.domain_allowed("127.0.0.1")
    assert not policy.domain_allowed("example.org.evil.net")


def test_links_are_extracted_without_trailing_punctuation() -> None:
    assert links_in("Voir https://a.org/x. Et (https://b.org/y), puis https://a.org/x!") == [
        "https://a.org/x",
        "https://b.org/y",
    ]


@pytest.mark.parametrize(
    "text", ["Bonjour {{ author }}, merci.", "Bonjour, {% if x %}merci.", "Bonjour ${name}, merci."]
)
def test_unresolved_placeholders_are_caught(policy: RespondPolicy, text: str) -> None:
    assert "placeholder" in failed_checks(lint(text, "fr", policy, link_checker=None))


def test_platform_length_limit(policy: RespondPolicy) -> None:
    text = "Merci de votre message. " * 12  # 288 characters
    assert "length" in failed_checks(lint(text, "fr", policy, link_checker=None, platform="x"))
    assert "length" not in failed_checks(lint(text, "fr", policy, link_checker=None, platform="facebook"))


def test_shouting_is_caught_but_acronyms_and_brand_words_are_not(policy: RespondPolicy) -> None:
    assert failed_checks(lint("MERCI DE VOTRE MESSAGE, NOUS ARRIVONS.", "fr", policy, link_checker=None)) == {
        "shouting"
    }
    assert lint("Merci, la SAQ et la STM sont avisées.", "fr", policy, link_checker=None) == []


def test_duplicate_of_a_reply_already_sent_on_the_thread(policy: RespondPolicy) -> None:
    sent = ["Bonjour Paul, merci de votre message. Notre équipe est de retour le lundi 30 novembre à 8 h."]
    again = "Bonjour Marie, merci de votre message. Notre équipe est de retour le lundi 30 novembre à 8 h."
    findings = lint(again, "fr", policy, link_checker=None, previous_texts=sent, extra_words=["Marie"])
    assert failed_checks(findings) == {"duplicate"}
    other = "Merci, vos bons mots nous font très plaisir."
    assert lint(other, "fr", policy, link_checker=None, previous_texts=sent) == []


def test_the_loopback_guard_is_active() -> None:
    with pytest.raises(AssertionError, match=r"10\.255\.255\.1"):
        HttpLinkChecker(timeout=0.2)._request("https://10.255.255.1/", "HEAD")
