"""Start-up and shutdown shared by every service: settings, logs, HTTP endpoint, signals, drain."""

from __future__ import annotations

import logging
import signal
import threading
from collections.abc import Callable

from .http import HealthServer, ReadinessCheck
from .logs import setup_logging
from .metrics import UP
from .settings import Settings, get_settings

log = logging.getLogger(__name__)


def install_stop_signals() -> threading.Event:
    """SIGTERM/SIGINT set the returned event; the loop then drains, flushes and commits before exit."""
    stop = threading.Event()

    def _handler(signum: int, _frame: object) -> None:
        log.info("stop requested, draining", extra={"signal": signal.Signals(signum).name})
        stop.set()

    signal.signal(signal.SIGTERM, _handler)
    signal.signal(signal.SIGINT, _handler)
    return stop


def run_loop_service(
    service: str,
    run: Callable[[Settings, threading.Event], None],
    ready: Callable[[Settings], ReadinessCheck],
) -> None:
    """Run a blocking stream loop with its /metrics, /healthz and /readyz endpoint until SIGTERM."""
    settings = get_settings()
    setup_logging(service, settings.log_level, settings.log_format)
    stop = install_stop_signals()
    http = HealthServer(settings.http_host, settings.port_for(service), ready(settings)).start()
    UP.labels(service).set(1)
    log.info("service started", extra={"kafka": settings.kafka_bootstrap})
    try:
        run(settings, stop)
    finally:
        UP.labels(service).set(0)
        http.stop()
        log.info("service stopped")


def kafka_ready(settings: Settings) -> ReadinessCheck:
    from confluent_kafka.admin import AdminClient

    admin = AdminClient({**settings.kafka_config(), "log_level": 0})

    def check() -> tuple[bool, str]:
        try:
            admin.list_topics(timeout=2)
        except Exception as exc:
            return False, f"kafka unreachable: {type(exc).__name__}"
        return True, "ready"

    return check


def kafka_and_database_ready(settings: Settings) -> ReadinessCheck:
    """Ready when the broker answers and the database accepts a query (services with state in PostgreSQL)."""
    from .db import database_ready

    kafka = kafka_ready(settings)
    dsn = settings.database_dsn()

    def check() -> tuple[bool, str]:
        ok, why = kafka()
        return database_ready(dsn) if ok else (ok, why)

    return check
