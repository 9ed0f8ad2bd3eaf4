"""The consume → decide → produce → commit loop shared by the confluent-kafka stream processors.

Delivery rule (DESIGN.md): an input offset is committed only after every record it produced was
acknowledged by the broker. A record the handler cannot process goes to `<topic>.dlq` with its original
bytes and the stream goes on; an infrastructure failure (broker, database) is retried, never dead-lettered.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections.abc import Callable, Sequence
from datetime import datetime

from confluent_kafka import Consumer, Message, TopicPartition

from .kafka import (
    RECEIVED_HEADER,
    DeliveryError,
    OutRecord,
    ReliableProducer,
    check_message,
    dead_letter,
    header,
)
from .metrics import (
    CONSUMER_LAG,
    DEAD_LETTERS,
    PIPELINE_LATENCY,
    PROCESSING_SECONDS,
    RECORDS_CONSUMED,
    RECORDS_PRODUCED,
)

log = logging.getLogger(__name__)

Handler = Callable[[Message], Sequence[OutRecord]]


class RetryableError(Exception):
    """A dependency is down: retry the whole batch later instead of dead-lettering the record."""


class StreamProcessor:
    def __init__(
        self,
        *,
        service: str,
        consumer: Consumer,
        producer: ReliableProducer,
        handle: Handler,
        batch_size: int = 200,
        poll_timeout: float = 0.5,
        tick: Callable[[], None] | None = None,
        before_batch: Callable[[], None] | None = None,
        after_send: Callable[[], None] | None = None,
    ) -> None:
        """`before_batch` runs before a batch is handled (also when it is replayed); `after_send` runs once
        its outputs are acknowledged and before its offsets are committed: the place for effects that
        must follow the broker's ack (a database ledger). `RetryableError` from it replays the batch.
        """
        self.service = service
        self.group = f"vigie-{service}"
        self.consumer = consumer
        self.producer = producer
        self.handle = handle
        self.batch_size = batch_size
        self.poll_timeout = poll_timeout
        self.tick = tick
        self.before_batch = before_batch
        self.after_send = after_send
        self._last_lag = 0.0

    def run(self, stop: threading.Event) -> None:
        backoff = 0.5
        try:
            while not stop.is_set():
                batch = [
                    m for m in self.consumer.consume(self.batch_size, self.poll_timeout) if check_message(m)
                ]
                try:
                    if batch:
                        self._process(batch)
                    if self.tick is not None:
                        self.tick()
                    backoff = 0.5
                except (RetryableError, DeliveryError) as exc:
                    log.warning("batch not done, retrying", extra={"error": str(exc), "backoff_s": backoff})
                    self._rewind(batch)
                    stop.wait(backoff)
                    backoff = min(backoff * 2, 30.0)
                self._update_lag()
        finally:
            self.producer.close()
            self.consumer.close()  # leaves the group so partitions move at once

    def _process(self, batch: list[Message]) -> None:
        started = time.perf_counter()
        outputs: list[OutRecord] = []
        outcomes: list[str] = []
        if self.before_batch is not None:
            self.before_batch()
        for message in batch:
            try:
                outputs.extend(self.handle(message))
                outcomes.append("ok")
            except RetryableError:
                raise
            except Exception as exc:  # a bad record: park it, keep the stream going
                log.warning(
                    "record dead-lettered",
                    extra={
                        "topic": message.topic(),
                        "partition": message.partition(),
                        "offset": message.offset(),
                        "error_class": type(exc).__name__,
                    },
                )
                outputs.append(dead_letter(message, self.group, exc))
                outcomes.append("dead_letter")
        self.producer.send_all(outputs)
        if self.after_send is not None:
            self.after_send()
        self._commit(batch)
        for outcome in outcomes:
            RECORDS_CONSUMED.labels(self.service, outcome).inc()
        DEAD_LETTERS.labels(self.service).inc(outcomes.count("dead_letter"))
        RECORDS_PRODUCED.labels(self.service).inc(len(outputs))
        PROCESSING_SECONDS.labels(self.service).observe(time.perf_counter() - started)
        self._observe_latency(batch)

    def _commit(self, batch: list[Message]) -> None:
        last: dict[tuple[str, int], int] = {}
        for message in batch:
            last[(message.topic() or "", message.partition() or 0)] = message.offset() or 0
        self.consumer.commit(
            offsets=[TopicPartition(t, p, o + 1) for (t, p), o in last.items()], asynchronous=False
        )

    def _rewind(self, batch: list[Message]) -> None:
        """Seek back to the first uncommitted record of each partition so the batch is read again."""
        first: dict[tuple[str, int], int] = {}
        for message in batch:
            first.setdefault((message.topic() or "", message.partition() or 0), message.offset() or 0)
        for (topic, partition), offset in first.items():
            try:
                self.consumer.seek(TopicPartition(topic, partition, offset))
            except Exception:  # partition revoked meanwhile: its new owner starts from the commit
                log.info("seek skipped", extra={"topic": topic, "partition": partition})

    def _observe_latency(self, batch: list[Message]) -> None:
        now = time.time()
        for message in batch:
            received = header(message, RECEIVED_HEADER)
            if received:
                with contextlib.suppress(ValueError):
                    sent = datetime.fromisoformat(received).timestamp()
                    PIPELINE_LATENCY.labels(self.service).observe(max(0.0, now - sent))

    def _update_lag(self, every: float = 10.0) -> None:
        if time.monotonic() - self._last_lag < every:
            return
        self._last_lag = time.monotonic()
        lag = 0
        try:
            assigned = self.consumer.assignment()
            for tp in self.consumer.position(assigned):
                # Cached: the fetches keep it fresh. A broker request costs ~0.5 s per partition (read
                # committed), which stalled the loop for seconds on consumers of many partitions.
                _low, high = self.consumer.get_watermark_offsets(tp, cached=True)
                if tp.offset >= 0:
                    lag += max(0, high - tp.offset)
        except Exception:
            return
        CONSUMER_LAG.labels(self.service).set(lag)
