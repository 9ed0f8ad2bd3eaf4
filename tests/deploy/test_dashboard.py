"""The dashboard and the alerts query only metrics (and labels) that the services export."""

from __future__ import annotations

import importlib
import json
import re
from typing import Any

import pytest
import yaml
from prometheus_client import REGISTRY

from services.devstack.stack import SERVICE_MODULES

from .conftest import REPO

DASHBOARD = REPO / "deploy" / "grafana" / "vigie.json"
RULES = REPO / "deploy" / "prometheus" / "vigie-rules.yaml"

# PromQL words that look like identifiers but are not series names.
KEYWORDS = {
    "by",
    "without",
    "on",
    "ignoring",
    "group_left",
    "group_right",
    "offset",
    "bool",
    "and",
    "or",
    "unless",
    "inf",
    "nan",
}
GROUPING = re.compile(r"\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)")
SELECTOR = re.compile(r"([a-zA-Z_:][\w:]*)?\{([^}]*)\}")
IDENT = re.compile(r"(?<![\w$.])([a-zA-Z_:][\w:]*)\b(?!\s*\()")


def exported() -> dict[str, tuple[str, ...]]:
    """Every series name the services can expose (with _total, _bucket... suffixes) → its labels."""
    for module in SERVICE_MODULES.values():
        importlib.import_module(module)
    names: dict[str, tuple[str, ...]] = {}
    for (
        name,
        collector,
    ) in REGISTRY._names_to_collectors.items():  # private, but the only name → collector map
        if name.startswith("vigie_"):
            labels = tuple(getattr(collector, "_labelnames", ()))
            # Histograms add `le` to their buckets.
            names[name] = (*labels, "le") if name.endswith("_bucket") else labels
    return names


def recorded() -> dict[str, tuple[str, ...]]:
    """Recording rules: their names, and the labels they keep (from their `sum by (...)`)."""
    result = {}
    for group in yaml.safe_load(RULES.read_text())["groups"]:
        for rule in group["rules"]:
            if "record" in rule:
                by = re.match(r"\s*sum by \(([^)]*)\)", rule["expr"])
                result[rule["record"]] = tuple(x.strip() for x in by.group(1).split(",")) if by else ()
    return result


def series_in(expr: str) -> list[tuple[str, set[str]]]:
    """(series name, label names matched on it) for each selector of a PromQL expression."""
    expr = re.sub(r"\$\{?\w+\}?", "x", expr)  # Grafana variables
    expr = re.sub(r'"(?:[^"\\]|\\.)*"', '""', expr)
    found = []
    for name, matchers in SELECTOR.findall(expr):
        labels = {m.split("=")[0].strip().rstrip("!~") for m in matchers.split(",") if m.strip()}
        if name:
            found.append((name, labels))
    bare = GROUPING.sub(" ", SELECTOR.sub(" ", expr))  # named selectors were counted above
    bare = re.sub(r"\[[^\]]*\]", " ", bare)  # ranges, subqueries
    bare = re.sub(r"\boffset\s+\w+", " ", bare)
    for name in IDENT.findall(bare):
        if name.lower() not in KEYWORDS and not re.fullmatch(r"\d.*", name):
            found.append((name, set()))
    return found


def dashboard_queries() -> list[tuple[str, str]]:
    dashboard = json.loads(DASHBOARD.read_text())
    queries = [(p["title"], t["expr"]) for p in dashboard["panels"] for t in p.get("targets", [])]
    for variable in dashboard["templating"]["list"]:
        if variable["type"] == "query":
            inner = re.search(r"label_values\((\w+)", variable["definition"])
            assert inner, variable
            queries.append((f"${variable['name']}", inner.group(1)))
    return queries


def rule_queries() -> list[tuple[str, str]]:
    groups = yaml.safe_load(RULES.read_text())["groups"]
    return [(rule.get("alert") or rule["record"], rule["expr"]) for g in groups for rule in g["rules"]]


def test_expression_parser_finds_names_and_labels() -> None:
    expr = (
        'sum by (queue) (rate(vigie_x_total{tenant=~"$tenant", queue!="a,b"}[5m])) / on (q) vigie:y offset 1h'
    )
    assert series_in(expr) == [("vigie_x_total", {"tenant", "queue"}), ("vigie:y", set())]
    assert series_in("histogram_quantile(0.9, sum by (le) (rate(vigie_h_bucket[1h])))") == [
        ("vigie_h_bucket", set())
    ]


@pytest.mark.parametrize("source", ["dashboard", "alerts"])
def test_every_queried_metric_is_exported(source: str) -> None:
    metrics = exported()
    known = {**metrics, **recorded()}
    queries = dashboard_queries() if source == "dashboard" else rule_queries()
    assert queries
    problems = []
    for where, expr in queries:
        for name, labels in series_in(expr):
            if name not in known:
                problems.append(f"{where}: {name} is not exported by any service")
            elif labels - set(known[name]):
                problems.append(f"{where}: {name} has no label {sorted(labels - set(known[name]))}")
        names = {name for name, _ in series_in(expr)}
        if len(names) == 1 and (name := names.pop()) in known:  # grouping labels of a one-metric query
            grouped = {x.strip() for g in re.findall(r"\bby \(([^)]*)\)", expr) for x in g.split(",")}
            if grouped - set(known[name]):
                problems.append(f"{where}: {name} cannot be grouped by {sorted(grouped - set(known[name]))}")
    assert not problems, "\n".join(problems)


def test_dashboard_has_the_panels_of_the_issue() -> None:
    titles = {p["title"] for p in json.loads(DASHBOARD.read_text())["panels"]}
    for title in (
        "Events per second by stage",
        "By category",
        "By language",
        "By severity",
        "Queue inflow",
        "Open items",
        "SLA compliance (24 h)",
        "SLA breaches (last hour)",
        "Time to handle",
        "End-to-end latency (received → action)",
        "Dead letters",
        "Consumer lag",
        "Reply lint failures",
    ):
        assert title in titles


def test_metric_names_follow_the_conventions() -> None:
    """DESIGN.md: vigie_ prefix, base units, counters end in _total, bounded label names only."""
    allowed = {
        "service",
        "tenant",
        "platform",
        "queue",
        "category",
        "severity",
        "lang",
        "outcome",
        "check",
        "le",
    }
    for name, labels in exported().items():
        assert set(labels) <= allowed, f"{name}: unbounded label in {labels}"
        assert not re.search(r"_(ms|milliseconds|minutes|hours|kb|mb)(_|$)", name), name


def panel_ids(panels: list[dict[str, Any]]) -> list[int]:
    return [p["id"] for p in panels]


def test_dashboard_json_is_importable() -> None:
    dashboard = json.loads(DASHBOARD.read_text())
    assert dashboard["uid"] and dashboard["title"] == "Vigie"
    ids = panel_ids(dashboard["panels"])
    assert len(ids) == len(set(ids)), "duplicate panel ids"
    for panel in dashboard["panels"]:
        assert panel["type"] == "row" or panel["datasource"]["uid"] == "${datasource}"


def test_readme_lists_every_metric() -> None:
    section = (REPO / "README.md").read_text().split("## Deploying to Kubernetes", 1)[1]
    listed = set(re.findall(r"^\| `(vigie_\w+)` \|", section, re.M))
    exported()  # imports the services
    collectors = {c for n, c in REGISTRY._names_to_collectors.items() if n.startswith("vigie_")}
    families = {c._name + ("_total" if c._type == "counter" else "") for c in collectors}
    assert families - listed == set(), "metrics missing from README's table"
    assert listed - families == set(), "README lists metrics that no service exports"
