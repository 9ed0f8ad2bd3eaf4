"""A real single-node Apache Kafka (KRaft) from its Maven Central jars and the machine's Java."""

from __future__ import annotations

import re
import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from confluent_kafka.admin import AdminClient

from .paths import DEPLOY_LOCAL, cache_dir
from .process import read_pid, spawn, terminate

POM = DEPLOY_LOCAL / "pom.xml"


def kafka_version() -> str:
    match = re.search(r"<kafka\.version>([^<]+)</kafka\.version>", POM.read_text())
    if not match:
        raise RuntimeError(f"no <kafka.version> in {POM}")
    return match.group(1)


def lib_dir() -> Path:
    return cache_dir() / f"kafka-{kafka_version()}" / "lib"


def fetch(*, quiet: bool = True) -> Path:
    """Copy Kafka's runtime jars into the machine cache once (later calls reuse them)."""
    target = lib_dir()
    marker = target / ".complete"
    if marker.exists():
        return target
    if shutil.which("mvn") is None:
        raise RuntimeError(
            "Maven (mvn) is needed once to fetch Kafka's jars: install it (apt-get install maven)"
        )
    partial = target.with_name("lib.partial")
    shutil.rmtree(partial, ignore_errors=True)
    subprocess.run(
        [
            "mvn",
            "-B",
            *(["-q"] if quiet else []),
            "-f",
            str(POM),
            "dependency:copy-dependencies",
            "-DincludeScope=runtime",
            f"-DoutputDirectory={partial}",
        ],
        check=True,
    )
    shutil.rmtree(target, ignore_errors=True)
    partial.rename(target)
    marker.touch()
    return target


@dataclass(frozen=True)
class KafkaNode:
    """One broker+controller whose files live under `home` (config, data, log, pid)."""

    home: Path
    port: int = 9092
    controller_port: int = 9093
    heap: str = "768m"

    @property
    def bootstrap(self) -> str:
        return f"127.0.0.1:{self.port}"

    @property
    def pid_file(self) -> Path:
        return self.home / "kafka.pid"

    @property
    def log_file(self) -> Path:
        return self.home / "kafka.log"

    def _java(self, main: str, *args: str) -> list[str]:
        java = shutil.which("java")
        if java is None:
            raise RuntimeError(
                "Java 17+ is needed to run Kafka: install it (apt-get install openjdk-17-jre-headless)"
            )
        return [
            java,
            f"-Xms{self.heap}",
            f"-Xmx{self.heap}",
            "-XX:+UseG1GC",
            f"-Dlog4j2.configurationFile={DEPLOY_LOCAL / 'log4j2.properties'}",
            f"-Dvigie.kafka.log={self.log_file}",
            "-cp",
            f"{lib_dir()}/*",
            main,
            *args,
        ]

    def _write_config(self) -> Path:
        data_dir = self.home / "data"
        data_dir.mkdir(parents=True, exist_ok=True)
        config = (
            (DEPLOY_LOCAL / "server.properties")
            .read_text()
            .format(port=self.port, controller_port=self.controller_port, data_dir=data_dir)
        )
        path = self.home / "server.properties"
        path.write_text(config)
        return path

    def _format_storage(self, config: Path) -> None:
        if (self.home / "data" / "meta.properties").exists():
            return
        cluster_id = (
            subprocess.run(
                self._java("kafka.tools.StorageTool", "random-uuid"),
                check=True,
                capture_output=True,
                text=True,
            )
            .stdout.strip()
            .splitlines()[-1]
        )
        subprocess.run(
            self._java(
                "kafka.tools.StorageTool", "format", "--standalone", "-t", cluster_id, "-c", str(config)
            ),
            check=True,
            capture_output=True,
            text=True,
        )

    def running(self) -> bool:
        return read_pid(self.pid_file) is not None

    def start(self, *, timeout: float = 90.0) -> None:
        """Start the broker unless it already runs, and wait until it answers a metadata request."""
        fetch()
        self.home.mkdir(parents=True, exist_ok=True)
        if not self.running():
            config = self._write_config()
            self._format_storage(config)
            spawn(
                self._java("kafka.Kafka", str(config)),
                log_file=self.home / "kafka.out",
                pid_file=self.pid_file,
            )
        wait_for_kafka(self.bootstrap, timeout=timeout, pid_file=self.pid_file, log_file=self.log_file)

    def stop(self) -> bool:
        return terminate(self.pid_file, timeout=60)


def kafka_reachable(bootstrap: str, *, timeout: float = 2.0, extra: dict[str, str] | None = None) -> bool:
    # log_level 0: the refused connections while the broker starts are expected, not worth printing.
    admin = AdminClient({"bootstrap.servers": bootstrap, "log_level": 0, **(extra or {})})
    try:
        admin.list_topics(timeout=timeout)
    except Exception:
        return False
    return True


def wait_for_kafka(
    bootstrap: str, *, timeout: float, pid_file: Path | None = None, log_file: Path | None = None
) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if kafka_reachable(bootstrap):
            return
        if pid_file is not None and read_pid(pid_file) is None:
            tail = log_file.read_text()[-3000:] if log_file and log_file.exists() else ""
            raise RuntimeError(f"Kafka exited during start-up; end of its log:\n{tail}")
        time.sleep(0.5)
    raise TimeoutError(f"Kafka at {bootstrap} not ready after {timeout:.0f}s")
