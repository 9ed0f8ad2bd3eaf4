"""Policy files: shipped defaults, overrides, and bad files rejected with the field named."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
import yaml

from schemas import Queue, Severity
from services.route.policy import SHIPPED_DIR, PolicyError, load_all, load_policy


def _write(config: Path, tenant: str, data: dict[str, object] | str) -> None:
    folder = config / "policies"
    folder.mkdir(parents=True, exist_ok=True)
    text = data if isinstance(data, str) else yaml.safe_dump(data)
    (folder / f"{tenant}.yaml").write_text(text, encoding="utf-8")


def test_default_policy_is_the_quebec_8_to_4(no_config: Path) -> None:
    policy = load_policy("default", no_config)
    assert (policy.id, policy.timezone, str(policy.tz)) == ("default", "America/Toronto", "America/Toronto")
    assert [span.label for span in policy.hours["mon"]] == ["08:00-16:00"]
    assert policy.hours["sat"] == () and policy.hours["sun"] == ()
    assert policy.holidays is not None and (policy.holidays.country, policy.holidays.subdiv) == ("CA", "QC")
    assert policy.sla[Queue.URGENT].within == timedelta(minutes=15)
    assert policy.sla[Queue.NEXT_BUSINESS_DAY].after_next_opening == timedelta(hours=2)
    assert policy.routing[Severity.HIGH].outside == Queue.ON_CALL
    assert policy.locale == "fr-CA"


def test_unknown_tenant_falls_back_to_default_and_is_cached(no_config: Path) -> None:
    policy = load_policy("some-college", no_config)
    assert policy.ref == "default@2026.1"
    assert load_policy("some-college", no_config) is policy


def test_tenant_file_inherits_unlisted_fields(no_config: Path) -> None:
    paris = load_policy("paris-bank", no_config)
    assert (paris.id, paris.timezone, paris.locale, paris.handled_scope) == (
        "paris-bank",
        "Europe/Paris",
        "fr-FR",
        "thread",
    )
    assert paris.routing == load_policy("default", no_config).routing
    assert [s.label for s in paris.hours["mon"]] == ["09:00-12:30", "14:00-18:00"]
    assert "sat" not in paris.hours  # a tenant's hours replace the default's entirely


def test_config_dir_overrides_and_adds(tmp_path: Path) -> None:
    _write(
        tmp_path, "default", {**yaml.safe_load((SHIPPED_DIR / "default.yaml").read_text()), "version": "9"}
    )
    _write(tmp_path, "college", {"locale": "en-CA", "handled_scope": "thread"})
    assert load_policy("default", tmp_path).ref == "default@9"
    college = load_policy("college", tmp_path)
    assert (college.ref, college.locale, college.timezone) == ("college@1", "en-CA", "America/Toronto")
    assert set(load_all(tmp_path)) == {"default", "college", "paris-bank"}


def test_settings_config_dir_is_used_when_none_given(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from services.runtime import settings

    _write(tmp_path, "college", {"locale": "en-CA"})
    monkeypatch.setenv("VIGIE_CONFIG_DIR", str(tmp_path))
    settings.get_settings.cache_clear()
    try:
        assert load_policy("college").locale == "en-CA"
    finally:
        monkeypatch.delenv("VIGIE_CONFIG_DIR")
        settings.get_settings.cache_clear()


BAD = [
    ({"timezone": "America/Montreal-ish"}, "timezone"),
    ({"timezone": "Mars/Olympus"}, "timezone"),
    ({"hours": {"mon": ["8h-16h"]}}, "hours.mon.0"),
    ({"hours": {"mon": ["16:00-08:00"]}}, "hours.mon.0"),
    ({"hours": {"mon": ["08:00-12:00", "11:00-16:00"]}}, "hours.mon"),
    ({"hours": {"monday": ["08:00-16:00"]}}, "hours.monday"),
    ({"hours": {"sat": []}}, "hours"),  # never open: no next opening could exist
    ({"hourz": {}}, "hourz"),
    ({"holidays": {"country": "CA", "subdiv": "ZZ"}}, "holidays"),
    ({"holidays": {"country": "XX"}}, "holidays"),
    ({"sla": {"urgent": "15 minutes"}}, "sla.urgent"),
    ({"sla": {"urgent": {"within": "15m", "after_next_opening": "1h"}}}, "sla.urgent"),
    ({"sla": {"urgent": "15m"}}, "sla"),  # priority, on-call... used by the routing table
    ({"routing": {"critical": {"in_hours": "urgent", "outside": "urgent"}}}, "routing"),
    ({"routing": {"high": {"in_hours": "vip", "outside": "urgent"}}}, "routing.high.in_hours"),
    ({"locale": "xx-YY"}, "locale"),
    ({"handled_scope": "post"}, "handled_scope"),
    ({"closed_dates": [{"date": "2026-02-30"}]}, "closed_dates.0.date"),
]


@pytest.mark.parametrize(("override", "field"), BAD, ids=[f for _, f in BAD])
def test_bad_policy_is_rejected_naming_the_field(
    tmp_path: Path, override: dict[str, object], field: str
) -> None:
    _write(tmp_path, "acme", override)
    with pytest.raises(PolicyError) as error:
        load_policy("acme", tmp_path)
    message = str(error.value)
    assert "acme.yaml" in message
    assert f"  {field}:" in message or f"  {field}." in message, message


def test_bad_default_stops_every_tenant(tmp_path: Path) -> None:
    _write(tmp_path, "default", "timezone: [not, a, zone]\n")
    with pytest.raises(PolicyError, match="timezone"):
        load_all(tmp_path)


@pytest.mark.parametrize("text", ["- just\n- a list\n", "key: [unclosed\n"])
def test_unreadable_file(tmp_path: Path, text: str) -> None:
    _write(tmp_path, "acme", text)
    with pytest.raises(PolicyError, match=r"acme\.yaml"):
        load_policy("acme", tmp_path)


@pytest.mark.parametrize("tenant", ["../default", "a/b", "", ".hidden"])
def test_tenant_id_cannot_escape_the_folder(no_config: Path, tenant: str) -> None:
    with pytest.raises(PolicyError, match="not a valid tenant id"):
        load_policy(tenant, no_config)
