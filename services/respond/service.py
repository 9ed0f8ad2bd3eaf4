"""Respond service: queue records → actions, handled signals and audit events. A thin shell around
`decide` (pure, in `decide.py`); run it with `python -m services.respond`.

A `StreamProcessor` (group `vigie-respond`) reads every `moderation.queue.<q>.v1` topic. Per RoutedItem:
1. skip it if its processing key (event id, escalation level) was already answered: an in-memory ledger
   in front of the `respond_processed` table, so redeliveries are skipped across restarts too;
2. take the tenant's `RespondConfig` (every known tenant is loaded and validated at start-up: a bad file
   stops the service with an error naming the file and field; others are loaded on first use);
3. fetch the texts Vigie already published on the thread (`respond_sent_texts`) for the duplicate check;
4. `decide` (link liveness through `HttpLinkChecker`: blocking, cached, fine in the stream thread);
5. return the Actions (`moderation.actions.v1`), HandledSignals (`moderation.handled.v1`), both keyed
   by thread, and the `respond_audit` event (`moderation.audit.v1`), carrying trace and received-at.
The processor produces them and waits for the broker's ack; then `after_send` records the batch's
processing keys and published texts in PostgreSQL; then the input offsets are committed. A crash
between two steps replays the batch: the same ids come out again (action, signal and audit ids are
deterministic), so downstream consumers see a harmless duplicate, never a second, different answer.
PostgreSQL down → `RetryableError`: the batch is replayed later, never dead-lettered. A record that
cannot be parsed or decided → the handler raises → dead letter, and the stream goes on.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import Counter
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import yaml
from confluent_kafka import Message

from schemas import Action, ActionType, AuditEvent, HandledSignal, RoutedItem, utc_now
from schemas.topics import MODERATION_ACTIONS, MODERATION_AUDIT, MODERATION_HANDLED, QUEUE_TOPICS
from services.respond.audit import respond_audit
from services.respond.decide import (
    Decision,
    ProcessedLedger,
    RespondConfig,
    decide,
    load_config,
    processing_key,
)
from services.respond.links import HttpLinkChecker, LinkChecker
from services.respond.metrics import ACTIONS, DUPLICATES, HANDLED, LINT_FAILURES
from services.respond.store import MIGRATIONS, Processed, RespondStore, SentText
from services.runtime.db import migrate
from services.runtime.kafka import OutRecord, ReliableProducer, carried_headers, make_consumer, trace_id_of
from services.runtime.service import kafka_and_database_ready, run_loop_service
from services.runtime.settings import Settings
from services.runtime.stream import StreamProcessor

SERVICE = "respond"
PUBLISHED = {ActionType.REPLY, ActionType.ACKNOWLEDGE}  # texts that go out without a person
PRUNE_EVERY_SECONDS = 3600.0
log = logging.getLogger(__name__)


def known_tenants(config_dir: Path | None) -> set[str]:
    """Tenants with any configuration: respond overrides, FAQ or templates, route policies, tenants.yaml."""
    tenants = {"default"}
    if config_dir is None:
        return tenants
    tenants |= {p.stem for p in (config_dir / "respond").glob("*.yaml")}
    tenants |= {p.name for sub in ("faq", "templates") for p in (config_dir / "respond" / sub).glob("*/")}
    tenants |= {p.stem for p in (config_dir / "policies").glob("*.yaml")}
    registry = config_dir / "tenants.yaml"
    if registry.is_file():
        tenants |= set((yaml.safe_load(registry.read_text(encoding="utf-8")) or {}).get("tenants") or {})
    return tenants


class TenantConfigs:
    def __init__(self, config_dir: Path | None) -> None:
        self.config_dir = config_dir
        self._cache: dict[str, RespondConfig] = {}

    def get(self, tenant: str) -> RespondConfig:
        if tenant not in self._cache:
            self._cache[tenant] = load_config(tenant, self.config_dir)
        return self._cache[tenant]

    def validate_all(self) -> list[str]:
        tenants = sorted(known_tenants(self.config_dir))
        for tenant in tenants:
            self.get(tenant)
        return tenants


@dataclass
class _Batch:
    """What a batch decided, recorded and counted only once its outputs are acknowledged."""

    processed: list[Processed] = field(default_factory=list)
    sent: list[SentText] = field(default_factory=list)
    items: list[tuple[RoutedItem, Decision]] = field(default_factory=list)
    duplicates: Counter[str] = field(default_factory=Counter)

    def texts_on(self, thread_key: str) -> list[str]:
        return [s.text for s in self.sent if s.thread_key == thread_key]

    def has(self, key: tuple[str, int]) -> bool:
        return any((p.event_id, p.escalation_level) == key for p in self.processed)


def _received_at(value: str | None) -> datetime | None:
    with suppress(ValueError, TypeError):
        return datetime.fromisoformat(value)  # type: ignore[arg-type]
    return None


class Responder:
    def __init__(
        self,
        configs: TenantConfigs,
        store: RespondStore,
        links: LinkChecker,
        clock: Callable[[], datetime] = utc_now,
    ) -> None:
        self.configs, self.store, self.links, self.clock = configs, store, links, clock
        self.ledger = ProcessedLedger()  # spares a database round trip for recent redeliveries
        self.batch = _Batch()
        self._last_prune = 0.0

    def begin_batch(self) -> None:
        self.batch = _Batch()  # a replayed batch starts afresh: nothing of it was recorded

    def handle(self, message: Message) -> list[OutRecord]:
        item = RoutedItem.from_json_bytes(message.value() or b"")
        event = item.classified.event
        key = processing_key(item)
        if key in self.ledger or self.batch.has(key) or self.store.is_processed(*key):
            self.batch.duplicates[event.tenant] += 1
            return []
        config = self.configs.get(event.tenant)
        sent = [*self.store.sent_texts(item.key), *self.batch.texts_on(item.key)]
        now = self.clock()
        decision = decide(item, config, now=now, link_checker=self.links, sent_texts_on_thread=sent)
        carried = carried_headers(message)
        trace, received_at = carried["trace"], _received_at(carried["received_at"])
        audit = respond_audit(item, decision, now=now).model_copy(update={"trace_id": trace_id_of(trace)})

        def out(topic: str, record: Action | HandledSignal | AuditEvent, key: str) -> OutRecord:
            return OutRecord.of(topic, record, key, trace=trace, received_at=received_at)

        records = [out(MODERATION_ACTIONS, a, a.key) for a in decision.actions]
        records += [out(MODERATION_HANDLED, s, s.key) for s in decision.handled]
        records.append(out(MODERATION_AUDIT, audit, audit.key))
        self.batch.processed.append(Processed(*key, event.tenant, item.item_id, audit.outcome))
        self.batch.sent += [
            SentText(item.key, a.action_id, event.tenant, a.text)
            for a in decision.actions
            if a.type in PUBLISHED and a.text and not a.requires_approval
        ]
        self.batch.items.append((item, decision))
        return records

    def after_send(self) -> None:
        """Outputs acknowledged: remember the batch (raises RetryableError if PostgreSQL is down)."""
        batch = self.batch
        self.store.record(batch.processed, batch.sent)
        for tenant, count in batch.duplicates.items():
            DUPLICATES.labels(tenant).inc(count)
        for item, decision in batch.items:
            self.ledger.remember(item)
            tenant = item.classified.event.tenant
            for action in decision.actions:
                ACTIONS.labels(tenant, item.queue.value, action.type.value).inc()
            for check in decision.lint_failure_checks:
                LINT_FAILURES.labels(check).inc()
            if decision.handled:
                HANDLED.labels(tenant).inc(len(decision.handled))
        self.batch = _Batch()

    def tick(self) -> None:
        if time.monotonic() - self._last_prune >= PRUNE_EVERY_SECONDS:
            self._last_prune = time.monotonic()
            self.store.prune(self.clock())


def run(settings: Settings, stop: threading.Event) -> None:
    configs = TenantConfigs(settings.config_dir)
    try:
        tenants = configs.validate_all()
    except (ValueError, OSError) as exc:  # pydantic and policy errors name the file and the field
        log.error("invalid respond configuration", extra={"error": str(exc)})
        raise SystemExit(2) from exc
    log.info("respond configuration loaded", extra={"tenants": tenants})
    dsn = settings.database_dsn()
    migrate(dsn, MIGRATIONS, component=SERVICE)
    store = RespondStore(dsn)
    responder = Responder(configs, store, HttpLinkChecker())
    processor = StreamProcessor(
        service=SERVICE,
        consumer=make_consumer(settings, SERVICE, QUEUE_TOPICS.values()),
        producer=ReliableProducer(settings, SERVICE),
        handle=responder.handle,
        before_batch=responder.begin_batch,
        after_send=responder.after_send,
        tick=responder.tick,
    )
    try:
        processor.run(stop)
    finally:
        store.close()


def main() -> None:
    run_loop_service(SERVICE, run, kafka_and_database_ready)
