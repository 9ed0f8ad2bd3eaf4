"""`vigie infra ...`, `vigie up`, `vigie serve SERVICE`, `vigie topics ...`."""

from __future__ import annotations

import importlib
import signal
import time

import click

from services.runtime.settings import DEFAULT_PORTS, Settings, get_settings

from . import kafka as kafka_node
from .manifests import db, migration_folders, topics_manifest
from .stack import SERVICE_MODULES, LocalStack, available_services, start_service, stop_processes


@click.group()
def infra() -> None:
    """Local Kafka and PostgreSQL (no Docker)."""


@infra.command()
def fetch() -> None:
    """Download Kafka's jars from Maven Central into the machine cache (once)."""
    click.echo(f"Kafka jars in {kafka_node.fetch()}")


@infra.command()
def start() -> None:
    """Start Kafka and PostgreSQL (reused if already running) and provision topics and migrations."""
    settings = get_settings()
    _provision(settings)
    click.echo(f"kafka: {settings.kafka_bootstrap}\npostgres: {settings.database_dsn()}")


@infra.command()
def stop() -> None:
    """Stop the local Kafka and PostgreSQL."""
    LocalStack(get_settings()).stop_infra()
    click.echo("stopped")


@infra.command()
def status() -> None:
    """Say whether the local servers run."""
    stack = LocalStack(get_settings())
    kafka, postgres = stack.kafka(), stack.postgres()
    click.echo(f"kafka: {'external' if kafka is None else ('running' if kafka.running() else 'stopped')}")
    click.echo(
        f"postgres: {'external' if postgres is None else ('running' if postgres.running() else 'stopped')}"
    )


def _provision(settings: Settings) -> None:
    from services.runtime.db import migrate
    from services.runtime.topics import create_topics

    LocalStack(settings).start_infra()
    created = create_topics(settings)
    click.echo(
        f"topics: {sum(v == 'created' for v in created.values())} created, {len(created)} in catalogue"
    )
    for component, folder in migration_folders():
        migrate(settings.database_dsn(), folder, component=component)


@click.command()
@click.option(
    "--only", multiple=True, type=click.Choice(list(SERVICE_MODULES)), help="Start only these services."
)
def up(only: tuple[str, ...]) -> None:
    """Start Kafka, PostgreSQL, topics, migrations and every service; Ctrl-C stops it all."""
    settings = get_settings()
    _provision(settings)
    stack = LocalStack(settings)
    names = [s for s in available_services() if not only or s in only]
    log_dir = stack.home / "logs"
    processes = {name: start_service(settings, name, log_dir) for name in names}
    click.echo("services (logs in " + str(log_dir) + "):")
    for name in names:
        port = DEFAULT_PORTS[name] + settings.http_port_offset
        extra = "  webhooks: /v1/events /webhooks/{meta,x,wordpress}" if name == "ingest" else ""
        click.echo(f"  {name:9} http://127.0.0.1:{port}/metrics  /healthz  /readyz{extra}")
    click.echo("Ctrl-C to stop everything.")
    stopping = False

    def _stop(_signum: int, _frame: object) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGINT, _stop)
    signal.signal(signal.SIGTERM, _stop)
    try:
        while not stopping:
            for name, proc in processes.items():
                if proc.poll() is not None:
                    click.echo(f"{name} exited with {proc.returncode}; restarting (see its log)", err=True)
                    time.sleep(1)
                    processes[name] = start_service(settings, name, log_dir)
            time.sleep(0.5)
    finally:
        click.echo("stopping services...")
        stop_processes(processes, settings.drain_timeout_seconds + 5)
        stack.stop_infra()
        click.echo("stopped.")


@click.command()
@click.argument("service", type=click.Choice(list(SERVICE_MODULES)))
def serve(service: str) -> None:
    """Run one service in the foreground (what a Kubernetes pod runs)."""
    importlib.import_module(SERVICE_MODULES[service]).main()


@click.group()
def topics() -> None:
    """The topic catalogue on the broker."""


@topics.command("create")
@click.option(
    "--replication-factor",
    default=1,
    show_default=True,
    envvar="VIGIE_TOPIC_REPLICATION_FACTOR",
    help="Replicas of each new topic (3 on a production cluster).",
)
def topics_create(replication_factor: int) -> None:
    """Create the missing topics of the catalogue (idempotent)."""
    from services.runtime.topics import create_topics

    created = create_topics(get_settings(), replication=replication_factor)
    for name, state in sorted(created.items()):
        click.echo(f"{state:8} {name}")


@topics.command("describe")
def topics_describe() -> None:
    """Print the catalogue and what exists on the broker."""
    from services.runtime.topics import describe_topics

    click.echo(f"{'topic':40} {'part':>4} {'retention':>9} {'key':26} {'value':16} on broker")
    for state in describe_topics(get_settings()):
        spec = state.spec
        days = spec.retention_ms // 86_400_000
        found = f"yes ({state.partitions} partitions)" if state.exists else "MISSING"
        click.echo(
            f"{spec.name:40} {spec.partitions:>4} {days:>8}d {spec.key:26} {spec.value_name:16} {found}"
        )


topics.add_command(topics_manifest)

commands: list[click.Command] = [infra, up, serve, topics, db]
