"""`vigie lint-reply` through the real command group."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from respond_helpers import CERT, LocalSite

from services.cli import main
from services.runtime.settings import get_settings


@pytest.fixture
def tenant_dir(site: LocalSite, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    (tmp_path / "respond").mkdir()
    (tmp_path / "respond" / "acme.yaml").write_text(f"site_url: {site.base}\nbrand_words: [Acme]\n")
    monkeypatch.setenv("VIGIE_CONFIG_DIR", str(tmp_path))
    get_settings.cache_clear()
    yield tmp_path
    get_settings.cache_clear()


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["lint-reply", *args])
    return result.exit_code, result.output


def test_misspelt_text_fails_with_suggestions() -> None:
    code, output = run("--lang", "fr", "--no-network", "Merci de votre mesage.")
    assert code == 1
    assert "spelling: misspelt: mesage" in output and "mesage → message" in output


def test_clean_text_passes_offline() -> None:
    code, output = run("--lang", "en", "--no-network", "Thanks for your message, we will answer you shortly.")
    assert (code, output.strip()) == (0, "ok (links not fetched: --no-network)")


def test_links_are_fetched_with_the_tenant_policy(tenant_dir: Path, site: LocalSite) -> None:
    ok = f"Merci, l'équipe Acme vous répond ici : {site.url('/aide')}"
    assert run("--lang", "fr", "--tenant", "acme", "--cafile", str(CERT), ok) == (0, "ok\n")
    code, output = run(
        "--lang", "fr", "--tenant", "acme", "--cafile", str(CERT), f"Voyez {site.url('/missing')}"
    )
    assert code == 1 and "broken (404)" in output


def test_platform_limit_shouting_and_duplicates() -> None:
    code, output = run("--lang", "fr", "--no-network", "--platform", "x", "MERCI BEAUCOUP À TOUS " * 14)
    assert code == 1 and "length:" in output and "shouting:" in output
    code, output = run(
        "--lang", "fr", "--no-network", "--previous", "Merci de votre message.", "Merci de votre message."
    )
    assert code == 1 and "duplicate:" in output
