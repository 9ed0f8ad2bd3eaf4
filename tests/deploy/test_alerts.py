"""Alert rules: promtool checks and unit tests, one runbook section per alert, and tests that can fail."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import yaml

from .conftest import REPO, run

PROMETHEUS = REPO / "deploy" / "prometheus"
RULES = PROMETHEUS / "vigie-rules.yaml"
TESTS = sorted((PROMETHEUS / "tests").glob("*.yaml"))
RUNBOOK = REPO / "docs" / "runbook.md"


def alerts() -> list[dict[str, Any]]:
    groups = yaml.safe_load(RULES.read_text())["groups"]
    return [rule for group in groups for rule in group["rules"] if "alert" in rule]


def test_rules_are_valid(promtool: str) -> None:
    result = run(promtool, "check", "rules", str(RULES))
    assert result.returncode == 0, result.stdout + result.stderr


def test_rule_unit_tests_pass(promtool: str) -> None:
    assert TESTS, "no promtool tests in deploy/prometheus/tests"
    result = run(promtool, "test", "rules", *map(str, TESTS))
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_alert_is_tested_firing_and_quiet() -> None:
    firing: set[str] = set()
    quiet: set[str] = set()
    for path in TESTS:
        for case in yaml.safe_load(path.read_text())["tests"]:
            for check in case.get("alert_rule_test", []):
                (firing if check.get("exp_alerts") else quiet).add(check["alertname"])
    names = {a["alert"] for a in alerts()}
    assert names - firing == set(), "alerts never shown firing"
    assert names - quiet == set(), "alerts never shown staying quiet"


def test_the_unit_tests_catch_a_broken_alert(promtool: str, tmp_path: Path) -> None:
    """Replace each alert's expression by one that never fires: promtool's tests must then fail."""
    shutil.copytree(PROMETHEUS / "tests", tmp_path / "tests")
    for alert in alerts():
        rules = yaml.safe_load(RULES.read_text())
        for group in rules["groups"]:
            for rule in group["rules"]:
                if rule.get("alert") == alert["alert"]:
                    rule["expr"] = "vector(1) > 2"
        (tmp_path / "vigie-rules.yaml").write_text(yaml.safe_dump(rules))
        result = run(promtool, "test", "rules", *(str(tmp_path / "tests" / p.name) for p in TESTS))
        assert result.returncode != 0, f"no test notices that {alert['alert']} cannot fire"
        assert alert["alert"] in result.stdout + result.stderr


def anchors(markdown: str) -> set[str]:
    """GitHub's heading anchors: lower case, punctuation dropped, spaces to dashes."""
    found = set()
    for line in markdown.splitlines():
        if line.startswith("#"):
            title = line.lstrip("#").strip().lower()
            found.add(re.sub(r"[^\w\- ]", "", title).replace(" ", "-"))
    return found


def test_every_alert_links_its_runbook_section() -> None:
    text = RUNBOOK.read_text()
    sections = dict(re.findall(r"^## (\w+)\n(.*?)(?=^## |\Z)", text, re.M | re.S))
    for alert in alerts():
        name = alert["alert"]
        url = alert["annotations"]["runbook_url"]
        assert url == f"docs/runbook.md#{name.lower()}", url
        assert url.split("#")[1] in anchors(text), f"{name}: no runbook section"
        body = sections[name]
        for part in ("**What it means.**", "**What to check.**", "**What to do.**"):
            assert part in body, f"{name}: runbook section lacks {part}"
        assert alert["labels"]["severity"] in {"critical", "warning"}
        assert alert["annotations"]["summary"] and alert["annotations"]["description"]
    assert set(sections) == {a["alert"] for a in alerts()}, "runbook sections without an alert"
