"""`vigie up`, the README's first command: everything starts, answers, and stops on Ctrl-C."""

from __future__ import annotations

import os
import random
import signal
import socket
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

from schemas.topics import CATALOGUE
from services.devstack.stack import available_services
from services.runtime.settings import DEFAULT_PORTS
from tests.integration.infra import PROJECT, free_port, wait_until

pytestmark = pytest.mark.integration


def port_free(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) != 0


def free_pair() -> int:
    while True:
        port = random.randint(30000, 39000)
        if port_free(port) and port_free(port + 1):
            return port


def ready(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/readyz", timeout=2) as resp:
            return resp.status == 200
    except OSError:
        return False


def test_vigie_up_starts_the_whole_stack_and_ctrl_c_stops_it(tmp_path: Path) -> None:
    kafka_port, pg_port = free_pair(), free_port()
    offset = random.randint(200, 300) * 100
    env = {k: v for k, v in os.environ.items() if not k.startswith("VIGIE_")}
    env.update(
        VIGIE_STATE_DIR=str(tmp_path / "state"),
        VIGIE_KAFKA_BOOTSTRAP=f"127.0.0.1:{kafka_port}",
        VIGIE_LOCAL_POSTGRES_PORT=str(pg_port),
        VIGIE_HTTP_PORT_OFFSET=str(offset),
    )
    cli = [sys.executable, "-c", "from services.cli import main; main()"]
    log = (tmp_path / "up.log").open("wb")
    up = subprocess.Popen([*cli, "up"], cwd=PROJECT, env=env, stdout=log, stderr=subprocess.STDOUT)
    services = available_services()
    ports = [DEFAULT_PORTS[name] + offset for name in services]
    try:
        assert set(services) == {"ingest", "classify", "route", "respond", "audit"}
        wait_until(lambda: all(ready(p) for p in ports), timeout=240, what="every service ready")
        described = subprocess.run(
            [*cli, "topics", "describe"], env=env, capture_output=True, text=True, check=True
        )
        assert "MISSING" not in described.stdout
        assert all(spec.name in described.stdout for spec in CATALOGUE)
        output = (tmp_path / "up.log").read_text()
        assert all(f"http://127.0.0.1:{p}/metrics" in output for p in ports)
    finally:
        up.send_signal(signal.SIGINT)  # Ctrl-C
        code = up.wait(timeout=120)
    assert code == 0, (tmp_path / "up.log").read_text()[-3000:]
    assert "stopped." in (tmp_path / "up.log").read_text()
    # Everything it started has let go of its port (allow a few seconds for the last exits).
    wait_until(
        lambda: all(port_free(p) for p in [kafka_port, pg_port, *ports]), timeout=30, what="ports freed"
    )
