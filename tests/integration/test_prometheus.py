"""A real Prometheus (Debian's package) scraping the five services while comments flow through them.

Prometheus runs on a free loopback port with a generated config (1 s scrapes, the alert rules loaded),
every service is a real process on the real broker and PostgreSQL, and the checks go through the
Prometheus HTTP API: the key series exist with the labels the dashboard and alerts use, and they move.
Everything listens on 127.0.0.1; respond's links point at a closed loopback port, so its link checks
never leave the machine.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import time
import urllib.parse
import urllib.request
import uuid
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import pytest
import yaml

from schemas.enums import Category, Queue, Severity
from tests.integration.infra import PROJECT, IntegrationStack, ServiceProcess, free_port, wait_until
from tests.integration.test_ingest_audit import meta_comment, post, signed

pytestmark = pytest.mark.integration

SERVICES = ("ingest", "classify", "route", "respond", "audit")
RULES = PROJECT / "deploy" / "prometheus" / "vigie-rules.yaml"
DASHBOARD = PROJECT / "deploy" / "grafana" / "vigie.json"
COMMENTS = (
    "Le service est lent aujourd'hui",
    "Merci beaucoup pour votre aide, super équipe!",
    "Vous êtes des voleurs, je vais porter plainte",
    "What are your opening hours?",
)


class Prometheus:
    def __init__(self, root: Path, targets: dict[str, int]) -> None:
        self.root = root
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = {
            "global": {"scrape_interval": "1s", "scrape_timeout": "900ms", "evaluation_interval": "1s"},
            "rule_files": [str(RULES)],
            "scrape_configs": [
                {"job_name": f"vigie-{name}", "static_configs": [{"targets": [f"127.0.0.1:{port}"]}]}
                for name, port in targets.items()
            ],
        }
        root.mkdir(parents=True, exist_ok=True)
        (root / "prometheus.yml").write_text(yaml.safe_dump(config))
        self.log = root / "prometheus.log"
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        binary = shutil.which("prometheus")
        assert binary, "prometheus not found: install Debian's `prometheus` package (.ci/run does)"
        self.proc = subprocess.Popen(
            [
                binary,
                f"--config.file={self.root / 'prometheus.yml'}",
                f"--storage.tsdb.path={self.root / 'data'}",
                f"--web.listen-address=127.0.0.1:{self.port}",
                "--storage.tsdb.retention.time=1h",
            ],
            stdout=self.log.open("ab"),
            stderr=subprocess.STDOUT,
        )
        wait_until(self._ready, timeout=60, what="prometheus /-/ready")

    def _ready(self) -> bool:
        assert self.proc is not None
        if self.proc.poll() is not None:
            raise AssertionError("prometheus exited: " + self.log.read_text()[-3000:])
        try:
            with urllib.request.urlopen(self.url + "/-/ready", timeout=2) as resp:
                return resp.status == 200
        except OSError:
            return False

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()

    def api(self, path: str, **params: str) -> Any:
        url = f"{self.url}/api/v1/{path}?{urllib.parse.urlencode(params)}"
        try:
            with urllib.request.urlopen(url, timeout=10) as resp:
                body = json.loads(resp.read())
        except urllib.error.HTTPError as err:
            body = json.loads(err.read())
        assert body["status"] == "success", f"{path} {params}: {body}"
        return body["data"]

    def query(self, expr: str) -> list[dict[str, Any]]:
        return list(self.api("query", query=expr)["result"])

    def value(self, expr: str) -> float:
        result = self.query(expr)
        return sum(float(r["value"][1]) for r in result)


@pytest.fixture(scope="module")
def pipeline(stack: IntegrationStack) -> Iterator[dict[str, ServiceProcess]]:
    # Respond's links point at a closed loopback port: its link checks fail fast and stay on this machine.
    respond_dir = stack.config_dir / "respond"
    respond_dir.mkdir(parents=True, exist_ok=True)
    closed = f"https://127.0.0.1:{free_port()}"
    (respond_dir / "acme.yaml").write_text(f"site_url: {closed}/\ncontact_url: {closed}/nous-joindre\n")
    try:
        with ExitStack() as running:
            yield {name: running.enter_context(stack.service(name)) for name in SERVICES}
    finally:
        shutil.rmtree(respond_dir, ignore_errors=True)


@pytest.fixture(scope="module")
def prometheus(
    pipeline: dict[str, ServiceProcess], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Prometheus]:
    server = Prometheus(tmp_path_factory.mktemp("prometheus"), {n: p.port for n, p in pipeline.items()})
    server.start()
    try:
        yield server
    finally:
        server.stop()


def send_comments(ingest: ServiceProcess, count: int) -> list[str]:
    ids = []
    for i in range(count):
        body = meta_comment(uuid.uuid4().hex, COMMENTS[i % len(COMMENTS)])
        status, answer = post(ingest.url + "/webhooks/meta", body, signed(body))
        assert status == 200, answer
        ids += answer["event_ids"]
    return ids


def test_every_service_is_scraped_and_up(prometheus: Prometheus) -> None:
    def all_up() -> bool:
        targets = prometheus.api("targets")["activeTargets"]
        return len(targets) == len(SERVICES) and all(t["health"] == "up" for t in targets)

    wait_until(all_up, timeout=30, what="every target up")

    def reporting() -> set[str]:
        return {r["metric"]["service"] for r in prometheus.query("vigie_up == 1")}

    wait_until(lambda: reporting() == set(SERVICES), timeout=30, what="vigie_up == 1 of every service")


def test_comments_move_the_key_series(prometheus: Prometheus, pipeline: dict[str, ServiceProcess]) -> None:
    wait_until(lambda: prometheus.query("up{job=~'vigie-.*'} == 1"), timeout=30, what="scrapes")
    ingested = 'sum(vigie_ingest_events_total{tenant="acme",platform="facebook",outcome="produced"})'
    before = prometheus.value(ingested)
    send_comments(pipeline["ingest"], 8)
    # Ingest counts the produced events, by tenant and platform.
    wait_until(
        lambda: prometheus.value(ingested) >= before + 8, timeout=30, what="ingest events in Prometheus"
    )

    # Classify labels every comment with category, severity and language from their bounded sets.
    classified_query = 'vigie_classify_events_total{tenant="acme",platform="facebook"}'
    wait_until(
        lambda: prometheus.value(f"sum({classified_query})") >= 8, timeout=60, what="8 comments classified"
    )
    classified = prometheus.query(classified_query)
    for series in classified:
        labels = series["metric"]
        assert labels["category"] in {c.value for c in Category}
        assert labels["severity"] in {s.value for s in Severity}
        assert re.fullmatch(r"[a-z]{2}(-[A-Z]{2})?|und|other", labels["lang"]), labels

    # Route puts them in queues; respond and audit consume; nothing is dead-lettered.
    routed = wait_until(
        lambda: prometheus.query('vigie_route_items_total{tenant="acme"}'), timeout=60, what="route series"
    )
    assert {s["metric"]["queue"] for s in routed} <= {q.value for q in Queue}
    assert {"severity", "queue", "tenant"} <= set(routed[0]["metric"])
    for service in ("route", "respond", "audit"):
        wait_until(
            lambda s=service: (
                prometheus.value(f'vigie_records_consumed_total{{service="{s}",outcome="ok"}}') > 0
            ),
            timeout=60,
            what=f"{service} consumed records",
        )
    wait_until(
        lambda: (
            prometheus.value('vigie_audit_last_write_timestamp_seconds{service="audit"}') > time.time() - 120
        ),
        timeout=60,
        what="a recent audit write",
    )
    assert prometheus.value("vigie:dead_letters:increase10m") == 0

    # The counters move over time: a second batch shows as an increase, not just a level.
    level = prometheus.value('sum(vigie_records_consumed_total{service="audit",outcome="ok"})')
    send_comments(pipeline["ingest"], 4)
    wait_until(
        lambda: prometheus.value('sum(increase(vigie_ingest_events_total{outcome="produced"}[30s]))') > 0,
        timeout=30,
        what="increase() of ingest events",
    )
    wait_until(
        lambda: prometheus.value('sum(vigie_records_consumed_total{service="audit",outcome="ok"})') > level,
        timeout=60,
        what="audit consuming the second batch",
    )
    # Latency histograms are scraped with their buckets.
    assert prometheus.query('vigie_ingest_request_seconds_bucket{platform="meta",le="+Inf"}')
    assert prometheus.query("vigie_processing_seconds_count")


def test_rules_load_and_dashboard_queries_run(prometheus: Prometheus) -> None:
    groups = prometheus.api("rules")["groups"]
    rules = [rule for group in groups for rule in group["rules"]]
    expected = [r for g in yaml.safe_load(RULES.read_text())["groups"] for r in g["rules"]]
    assert len(rules) == len(expected)
    wait_until(
        lambda: all(r.get("health") == "ok" for g in prometheus.api("rules")["groups"] for r in g["rules"]),
        timeout=30,
        what="every rule evaluated without error",
    )
    dashboard = json.loads(DASHBOARD.read_text())
    for panel in dashboard["panels"]:
        for target in panel.get("targets", []):
            expr = target["expr"].replace("$__rate_interval", "1m").replace('"$tenant"', '".*"')
            prometheus.api("query", query=expr)  # raises on a parse or evaluation error
