"""`vigie route explain`, `vigie route FILE|-` and `vigie calendar` through click's CliRunner."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from services.cli import main

Invoke = Callable[..., Result]


@pytest.fixture
def vigie(no_config: Path) -> Invoke:
    runner = CliRunner()

    def invoke(*args: str, stdin: str | None = None) -> Result:
        return runner.invoke(main, [*args, "--config-dir", str(no_config)], input=stdin)

    return invoke


def test_explain_friday_evening_text(vigie: Invoke) -> None:
    result = vigie("route", "explain", "--at", "2026-11-27T17:30:00-05:00", "--severity", "high")
    assert result.exit_code == 0, result.output
    assert "queue      on-call" in result.output
    assert "2026-11-27T18:30:00-05:00  (2026-11-27T23:30:00Z)" in result.output
    assert "business   no: after closing" in result.output
    assert "next open  2026-11-30T08:00:00-05:00" in result.output


def test_explain_json_and_tenant(vigie: Invoke) -> None:
    args = ("route", "explain", "--at", "2026-12-25T10:00:00-05:00", "--severity", "medium", "--json")
    report = json.loads(vigie(*args).output)
    assert report["queue"] == "next-business-day"
    assert report["due_at"] == "2026-12-28T15:00:00Z"
    assert report["reason"] == "holiday: Christmas Day"
    paris = json.loads(vigie(*args, "--tenant", "paris-bank").output)
    assert paris["policy"] == "paris-bank@2026.1" and paris["reason"] == "holiday: Noël"


def test_explain_without_offset_reads_tenant_local_time(vigie: Invoke) -> None:
    args = ("route", "explain", "--at", "2026-11-27T17:30:00", "--severity", "high", "--json")
    assert json.loads(vigie(*args).output)["at"] == "2026-11-27T22:30:00Z"


def test_explain_bad_time(vigie: Invoke) -> None:
    result = vigie("route", "explain", "--at", "tomorrow", "--severity", "high")
    assert result.exit_code == 2 and "--at" in result.output


LINES = [
    {"created_at": "2026-11-27T17:30:00-05:00", "severity": "high"},
    {"created_at": "2026-07-14T10:00:00+02:00", "severity": "medium", "tenant": "paris-bank"},
    {"created_at": "2026-11-24T15:00:00Z", "severity": "low"},
]


def test_route_file(vigie: Invoke, tmp_path: Path) -> None:
    source = tmp_path / "events.jsonl"
    source.write_text("\n".join(json.dumps(line) for line in LINES) + "\n\n")
    result = vigie("route", str(source))
    assert result.exit_code == 0, result.output
    out = [json.loads(line) for line in result.output.splitlines()]
    assert [(o["line"], o["tenant"], o["queue"]) for o in out] == [
        (1, "default", "on-call"),
        (2, "paris-bank", "next-business-day"),
        (3, "default", "auto"),
    ]
    assert out[2]["due_at"] is None


def test_route_stdin_reports_bad_lines(vigie: Invoke) -> None:
    stdin = json.dumps(LINES[0]) + "\nnot json\n" + json.dumps({"created_at": "2026-11-27T17:30:00"}) + "\n"
    result = vigie("route", "-", stdin=stdin)
    assert result.exit_code == 1
    assert json.loads(result.stdout.splitlines()[0])["queue"] == "on-call"
    assert "line 2:" in result.stderr and "line 3:" in result.stderr


def test_route_run_is_the_same_command(vigie: Invoke) -> None:
    result = vigie("route", "run", "-", stdin=json.dumps(LINES[0]))
    assert json.loads(result.output)["queue"] == "on-call"
    result = vigie("route", "--tenant", "paris-bank", "-", stdin=json.dumps(LINES[0]))
    assert json.loads(result.output)["policy"] == "paris-bank@2026.1"


def test_route_help_lists_subcommands() -> None:
    result = CliRunner().invoke(main, ["route", "--help"])
    assert result.exit_code == 0 and "explain" in result.output


def test_calendar(vigie: Invoke) -> None:
    result = vigie("calendar", "--from", "2026-12-24", "--days", "4")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("policy default@2026.1")
    assert lines[1:] == [
        "2026-12-24 Thu  open    08:00-16:00",
        "2026-12-25 Fri  holiday Christmas Day",
        "2026-12-26 Sat  weekend weekend",
        "2026-12-27 Sun  weekend weekend",
    ]
    days = json.loads(
        vigie("calendar", "--tenant", "paris-bank", "--from", "2026-12-31", "--days", "2", "--json").output
    )
    assert [(d["status"], d["hours"], d["label"]) for d in days["days"]] == [
        ("special", ["09:00-12:00"], "New Year's Eve"),
        ("holiday", [], "Jour de l'an"),
    ]


def test_bad_policy_file_is_reported(tmp_path: Path) -> None:
    (tmp_path / "policies").mkdir()
    (tmp_path / "policies" / "acme.yaml").write_text("timezone: Nowhere/City\n")
    result = CliRunner().invoke(main, ["calendar", "--tenant", "acme", "--config-dir", str(tmp_path)])
    assert result.exit_code == 1
    assert "timezone: unknown IANA time zone 'Nowhere/City'" in result.output
