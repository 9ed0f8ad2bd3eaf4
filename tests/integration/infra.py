"""Helpers for integration tests: the test stack, service processes, and reading topics."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psycopg
from confluent_kafka import Consumer, KafkaError, KafkaException, Producer, TopicPartition

from services.audit.store import MIGRATIONS as AUDIT_MIGRATIONS
from services.devstack.kafka import KafkaNode
from services.devstack.postgres import PostgresNode
from services.devstack.stack import SERVICE_MODULES
from services.respond.store import MIGRATIONS as RESPOND_MIGRATIONS
from services.route.store import MIGRATIONS as ROUTE_MIGRATIONS
from services.runtime.db import migrate
from services.runtime.settings import Settings
from services.runtime.topics import create_topics

PROJECT = Path(__file__).resolve().parents[2]
MIGRATIONS = (("audit", AUDIT_MIGRATIONS), ("route", ROUTE_MIGRATIONS), ("respond", RESPOND_MIGRATIONS))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class IntegrationStack:
    root: Path
    kafka_bootstrap: str | None = None
    database_url: str | None = None
    kafka: KafkaNode | None = None
    postgres: PostgresNode | None = None
    config_dir: Path = field(init=False)

    @staticmethod
    def stop_leftovers(root: Path) -> None:
        KafkaNode(root / "kafka").stop()
        PostgresNode(root / "postgres").stop()

    def start(self) -> None:
        self.stop_leftovers(self.root)
        shutil.rmtree(self.root, ignore_errors=True)
        self.root.mkdir(parents=True)
        if self.kafka_bootstrap is None:
            # Free ports: several test sessions (and a developer's `vigie up`) can run side by side.
            self.kafka = KafkaNode(self.root / "kafka", port=free_port(), controller_port=free_port())
            self.kafka.start()
            self.kafka_bootstrap = self.kafka.bootstrap
        if self.database_url is None:
            self.postgres = PostgresNode(self.root / "postgres", port=free_port())
            self.postgres.start()
            self.database_url = self.postgres.dsn()
        self.config_dir = self.root / "config"
        shutil.copytree(Path(__file__).parent / "config", self.config_dir)
        create_topics(self.settings())
        for component, folder in MIGRATIONS:
            migrate(self.database_url, folder, component=component)

    def stop(self) -> None:
        if self.kafka is not None:
            self.kafka.stop()
        if self.postgres is not None:
            self.postgres.stop()

    def env(self, **extra: str) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("VIGIE_")}
        env.update(
            VIGIE_KAFKA_BOOTSTRAP=str(self.kafka_bootstrap),
            VIGIE_DATABASE_URL=str(self.database_url),
            VIGIE_STATE_DIR=str(self.root / "state"),
            VIGIE_CONFIG_DIR=str(self.config_dir),
            VIGIE_LOG_LEVEL="INFO",
            VIGIE_KAFKA_SESSION_TIMEOUT_MS="6000",  # tests kill consumers: move their partitions fast
            **SECRETS,
            **extra,
        )
        return env

    def settings(self) -> Settings:
        return Settings(
            kafka_bootstrap=str(self.kafka_bootstrap),
            database_url=self.database_url,
            state_dir=self.root / "state",
        )

    def db(self) -> psycopg.Connection:
        return psycopg.connect(str(self.database_url), autocommit=True)

    def producer(self) -> Producer:
        return Producer({"bootstrap.servers": self.kafka_bootstrap, "enable.idempotence": True})

    def tail(self, *topics: str) -> TopicTail:
        return TopicTail(str(self.kafka_bootstrap), list(topics))

    @contextmanager
    def service(self, name: str, **env: str) -> Iterator[ServiceProcess]:
        proc = ServiceProcess(self, name, env)
        proc.start()
        try:
            yield proc
        finally:
            proc.stop()


# Secrets of the test tenants (see config/tenants.yaml), given the way a deployment gives them.
SECRETS = {
    "VIGIE_SECRET_ACME_META_APP_SECRET": "meta-app-secret-for-tests",
    "VIGIE_SECRET_ACME_META_VERIFY_TOKEN": "verify-me",
    "VIGIE_SECRET_ACME_X_CONSUMER_SECRET": "x-consumer-secret-for-tests",
    "VIGIE_SECRET_ACME_WORDPRESS_SECRET": "wordpress-secret-for-tests",
    "VIGIE_SECRET_ACME_API_TOKEN": "api-token-for-tests",
    "VIGIE_SECRET_PARIS_BANK_API_TOKEN": "paris-token-for-tests",
}


class ServiceProcess:
    """A real service process (`python -m services.<name>`) with its own HTTP port."""

    def __init__(self, stack: IntegrationStack, name: str, env: dict[str, str]) -> None:
        self.stack, self.name = stack, name
        self.port = free_port()
        self.env = stack.env(VIGIE_HTTP_PORT=str(self.port), **env)
        self.log_path = stack.root / "logs" / f"{name}-{self.port}.log"
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 60) -> None:
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        module = SERVICE_MODULES[self.name].rsplit(".", 1)[0]
        self.proc = subprocess.Popen(
            [sys.executable, "-m", module],
            cwd=PROJECT,
            env=self.env,
            stdout=self.log_path.open("ab"),
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"{self.name} exited: {self.log_tail()}")
            try:
                with urllib.request.urlopen(self.url + "/readyz", timeout=2) as resp:
                    if resp.status == 200:
                        return
            except OSError:
                pass
            time.sleep(0.3)
        raise TimeoutError(f"{self.name} not ready: {self.log_tail()}")

    def log_tail(self, chars: int = 4000) -> str:
        return self.log_path.read_text(errors="replace")[-chars:] if self.log_path.exists() else ""

    def stop(self, timeout: float = 30) -> int | None:
        if self.proc is None or self.proc.poll() is not None:
            return self.proc.returncode if self.proc else None
        self.proc.send_signal(signal.SIGTERM)
        try:
            return self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            return self.proc.wait()

    def kill(self) -> None:
        """SIGKILL: a crash, no draining."""
        assert self.proc is not None
        self.proc.kill()
        self.proc.wait()

    def metrics(self) -> str:
        with urllib.request.urlopen(self.url + "/metrics", timeout=5) as resp:
            return resp.read().decode()


def metric_value(text: str, name: str, **labels: str) -> float:
    """The value of one sample in Prometheus text format (0 when absent)."""
    total = 0.0
    for line in text.splitlines():
        if not line.startswith(name + "{") and not line.startswith(name + " "):
            continue
        if all(f'{k}="{v}"' in line for k, v in labels.items()):
            total += float(line.rsplit(" ", 1)[1])
    return total


@dataclass
class Record:
    topic: str
    partition: int
    offset: int
    key: bytes | None
    value: bytes
    headers: dict[str, bytes]

    def json(self) -> Any:
        return json.loads(self.value)


def action_id(record: Record) -> object:
    """An action's identity (stable across replays), for `TopicTail.collect(..., distinct=action_id)`."""
    return record.json()["action_id"]


class TopicTail:
    """Reads what is written to topics after it was created (their end offsets at that moment)."""

    def __init__(self, bootstrap: str, topics: list[str]) -> None:
        self.consumer = Consumer(
            {
                "bootstrap.servers": bootstrap,
                "group.id": f"test-{uuid.uuid4()}",
                "enable.auto.commit": False,
                "enable.partition.eof": True,
                "log_level": 0,
            }
        )
        assignment = []
        for topic in topics:
            metadata = wait_until(lambda t=topic: self._metadata(t), timeout=60, what=f"{topic} metadata")
            for partition in metadata.partitions:
                high = wait_until(
                    lambda t=topic, p=partition: self._high(t, p), timeout=30, what=f"{topic} leader"
                )
                assignment.append(TopicPartition(topic, partition, high - 1))
        self.consumer.assign(assignment)
        self.partitions = len(assignment)
        self.seen: list[Record] = []

    def _metadata(self, topic: str) -> Any:
        try:
            return self.consumer.list_topics(topic, timeout=10).topics[topic]
        except KafkaException:
            return None

    def _high(self, topic: str, partition: int) -> int | None:
        """End offset + 1 (so that 0 stays truthy), None while the partition has no leader yet."""
        try:
            return self.consumer.get_watermark_offsets(TopicPartition(topic, partition), timeout=5)[1] + 1
        except KafkaException:
            return None

    def _poll(self, timeout: float) -> tuple[Record | None, bool]:
        msg = self.consumer.poll(timeout)
        if msg is None:
            return None, False
        if msg.error():
            if msg.error().code() == KafkaError._PARTITION_EOF:
                return None, True
            raise RuntimeError(msg.error())
        record = Record(
            msg.topic() or "",
            msg.partition() or 0,
            msg.offset() or 0,
            msg.key(),
            msg.value() or b"",
            {k: v for k, v in (msg.headers() or [])},  # type: ignore[misc]
        )
        self.seen.append(record)
        return record, False

    def collect(
        self,
        predicate: Callable[[Record], bool],
        count: int,
        timeout: float = 30,
        distinct: Callable[[Record], object] | None = None,
    ) -> list[Record]:
        """Wait until `count` records matching `predicate` arrived; fails with what was seen otherwise.

        Delivery is at least once (DESIGN.md): a rebalance may replay a record. With `distinct` (a record's
        identity, e.g. its action id), only the first record of each identity counts and is returned."""
        identities: set[object] = set()

        def counts(record: Record) -> bool:
            if not predicate(record):
                return False
            if distinct is None:
                return True
            identity = distinct(record)
            if identity in identities:
                return False
            identities.add(identity)
            return True

        found = [r for r in self.seen if counts(r)]
        deadline = time.monotonic() + timeout
        while len(found) < count and time.monotonic() < deadline:
            record, _eof = self._poll(0.2)
            if record is not None and counts(record):  # each record is tested once
                found.append(record)
        assert len(found) >= count, (
            f"expected {count} matching records, got {len(found)} of {len(self.seen)} seen"
        )
        return found

    def drain(self, quiet: float = 2.0) -> list[Record]:
        """Everything up to the current end (no record for `quiet` seconds after EOF everywhere)."""
        eofs, last = 0, time.monotonic()
        while time.monotonic() - last < quiet:
            record, eof = self._poll(0.2)
            if record is not None:
                last = time.monotonic()
            eofs += eof
        return self.seen

    def close(self) -> None:
        self.consumer.close()


def wait_until(
    check: Callable[[], Any], timeout: float = 30, interval: float = 0.3, what: str = "condition"
) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = check()
        if result:
            return result
        time.sleep(interval)
    raise AssertionError(f"timed out after {timeout}s waiting for {what}")
