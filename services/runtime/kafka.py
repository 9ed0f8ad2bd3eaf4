"""confluent-kafka clients configured the Vigie way: idempotent producers, manual commits, headers."""

from __future__ import annotations

import os
import secrets
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from confluent_kafka import Consumer, KafkaError, KafkaException, Message, Producer

from schemas import DeadLetter, VigieRecord

from .settings import Settings

SCHEMA_HEADER = "vigie-schema"
TRACE_HEADER = "traceparent"
RECEIVED_HEADER = "vigie-received-at"


@dataclass
class OutRecord:
    """One record to produce, with the headers that carry the trace and the time ingest received it."""

    topic: str
    key: str | bytes | None
    value: bytes
    headers: list[tuple[str, str | bytes | None]] = field(default_factory=list)

    @classmethod
    def of(
        cls,
        topic: str,
        record: VigieRecord,
        key: str,
        *,
        trace: str | None = None,
        received_at: datetime | None = None,
    ) -> OutRecord:
        headers: list[tuple[str, str | bytes | None]] = [
            (SCHEMA_HEADER, record.schema_header().encode()),
            (TRACE_HEADER, (trace or new_trace()).encode()),
        ]
        if received_at is not None:
            headers.append((RECEIVED_HEADER, received_at.isoformat().encode()))
        return cls(topic, key, record.to_json_bytes(), headers)


def new_trace() -> str:
    """A W3C traceparent for a trace that starts here (ingest)."""
    return f"00-{secrets.token_hex(16)}-{secrets.token_hex(8)}-01"


def trace_id_of(traceparent: str | None) -> str | None:
    """The trace id inside a W3C traceparent (`00-<trace id>-<span id>-<flags>`), for audit records."""
    parts = (traceparent or "").split("-")
    return parts[1] if len(parts) == 4 else None


def header(message: Message, name: str) -> str | None:
    headers: list[tuple[str, bytes]] = message.headers() or []  # type: ignore[assignment]
    for key, value in headers:
        if key == name and value is not None:
            return value.decode() if isinstance(value, bytes) else str(value)
    return None


def carried_headers(message: Message) -> dict[str, str | None]:
    """What an output inherits from the input that produced it."""
    return {"trace": header(message, TRACE_HEADER), "received_at": header(message, RECEIVED_HEADER)}


def producer_config(settings: Settings, service: str) -> dict[str, object]:
    return {
        **settings.kafka_config(),
        "client.id": f"vigie-{service}",
        "enable.idempotence": True,  # implies acks=all and safe retries: no duplicates from retries
        "acks": "all",
        "linger.ms": 5,
        "compression.type": "lz4",
        "message.timeout.ms": 30000,
    }


def consumer_config(settings: Settings, service: str, **overrides: object) -> dict[str, object]:
    return {
        **settings.kafka_config(),
        "group.id": f"vigie-{service}",
        "client.id": f"vigie-{service}-{os.getpid()}",
        "enable.auto.commit": False,  # we commit only after outputs are acknowledged
        "auto.offset.reset": "earliest",
        "isolation.level": "read_committed",
        "session.timeout.ms": settings.kafka_session_timeout_ms,
        **overrides,
    }


class DeliveryError(RuntimeError):
    """The broker did not acknowledge every record: the input must not be committed."""


class ReliableProducer:
    """Produce a batch and wait until the broker acknowledged all of it (or raise)."""

    def __init__(self, settings: Settings, service: str) -> None:
        self.producer = Producer(producer_config(settings, service))
        self._lock = threading.Lock()

    def send_all(self, records: Sequence[OutRecord], *, timeout: float = 30.0) -> None:
        if not records:
            return
        errors: list[str] = []

        def on_delivery(err: KafkaError | None, _msg: Message) -> None:
            if err is not None:
                errors.append(str(err))

        with self._lock:
            for record in records:
                while True:
                    try:
                        self.producer.produce(
                            record.topic,
                            value=record.value,
                            key=record.key,
                            headers=record.headers,
                            on_delivery=on_delivery,
                        )
                        break
                    except BufferError:  # local queue full: let deliveries drain, then retry
                        self.producer.poll(0.1)
            remaining = self.producer.flush(timeout)
        if remaining:
            raise DeliveryError(f"{remaining} record(s) not acknowledged within {timeout:.0f}s")
        if errors:
            raise DeliveryError(f"{len(errors)} record(s) failed: {errors[0]}")

    def close(self, timeout: float = 10.0) -> None:
        self.producer.flush(timeout)


def dead_letter(message: Message, group: str, error: BaseException) -> OutRecord:
    """The dead-letter record for `message`: the original bytes, and where and why it failed."""
    letter = DeadLetter.for_failure(
        error,
        original_topic=message.topic() or "",
        consumer_group=group,
        key=message.key(),
        value=message.value() or b"",
        partition=message.partition(),
        offset=message.offset(),
    )
    return OutRecord(
        f"{letter.original_topic}.dlq",
        letter.key,
        letter.value,
        [*letter.headers(), *(message.headers() or [])],
    )


def make_consumer(settings: Settings, service: str, topics: Iterable[str], **overrides: object) -> Consumer:
    consumer = Consumer(consumer_config(settings, service, **overrides))
    consumer.subscribe(list(topics))
    return consumer


def check_message(message: Message) -> Message | None:
    """None for end-of-partition events; raises on real consumer errors."""
    err = message.error()
    if err is None:
        return message
    if err.code() == KafkaError._PARTITION_EOF:
        return None
    raise KafkaException(err)
