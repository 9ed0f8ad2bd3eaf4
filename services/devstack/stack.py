"""The whole local pipeline: Kafka, PostgreSQL, topics, migrations and every service as processes."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

from services.runtime.settings import DEFAULT_PORTS, Settings

from .kafka import KafkaNode, kafka_reachable
from .postgres import PostgresNode

# Service name → module with a `main()`; `vigie up` starts those whose module exists.
SERVICE_MODULES = {
    "ingest": "services.ingest.app",
    "classify": "services.classify.service",
    "route": "services.route.service",
    "respond": "services.respond.service",
    "audit": "services.audit.sink",
}

LOOPBACK = {"127.0.0.1", "localhost", "::1"}


def available_services() -> list[str]:
    return [name for name, module in SERVICE_MODULES.items() if importlib.util.find_spec(module) is not None]


@dataclass(frozen=True)
class LocalStack:
    """Kafka and PostgreSQL under `<state_dir>/local`, unless settings point at existing servers."""

    settings: Settings

    @property
    def home(self) -> Path:
        return self.settings.state_dir.resolve() / "local"

    def kafka(self) -> KafkaNode | None:
        """The local broker to manage, or None when VIGIE_KAFKA_BOOTSTRAP names another cluster."""
        first = self.settings.kafka_bootstrap.split(",")[0]
        parsed = urlparse(f"//{first}")
        if parsed.hostname not in LOOPBACK or self.settings.kafka_security_protocol != "PLAINTEXT":
            return None
        port = parsed.port or 9092
        return KafkaNode(self.home / "kafka", port=port, controller_port=port + 1)

    def postgres(self) -> PostgresNode | None:
        if self.settings.database_url is not None:
            return None
        return PostgresNode(self.home / "postgres", port=self.settings.local_postgres_port)

    def start_infra(self) -> None:
        kafka = self.kafka()
        if kafka is not None and not kafka_reachable(kafka.bootstrap):
            kafka.start()
        postgres = self.postgres()
        if postgres is not None:
            postgres.start()

    def stop_infra(self) -> None:
        if (kafka := self.kafka()) is not None:
            kafka.stop()
        if (postgres := self.postgres()) is not None:
            postgres.stop()


def service_env(settings: Settings, service: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        {
            "VIGIE_KAFKA_BOOTSTRAP": settings.kafka_bootstrap,
            "VIGIE_STATE_DIR": str(settings.state_dir),
            # Each service its own port, even when VIGIE_HTTP_PORT was set for the whole shell.
            "VIGIE_HTTP_PORT": str(DEFAULT_PORTS[service] + settings.http_port_offset),
        }
    )
    return env


def start_service(settings: Settings, service: str, log_dir: Path) -> subprocess.Popen[bytes]:
    log_dir.mkdir(parents=True, exist_ok=True)
    log = (log_dir / f"{service}.log").open("ab")
    return subprocess.Popen(
        [sys.executable, "-m", SERVICE_MODULES[service].rsplit(".", 1)[0]],
        stdout=log,
        stderr=subprocess.STDOUT,
        env=service_env(settings, service),
    )


def stop_processes(processes: dict[str, subprocess.Popen[bytes]], timeout: float) -> None:
    for proc in processes.values():
        if proc.poll() is None:
            proc.terminate()
    deadline = time.monotonic() + timeout
    for proc in processes.values():
        try:
            proc.wait(max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
