"""Provision and inspect the topic catalogue on a broker (idempotent)."""

from __future__ import annotations

from dataclasses import dataclass

from confluent_kafka import KafkaError, KafkaException
from confluent_kafka.admin import AdminClient, NewTopic

from schemas.topics import CATALOGUE, TopicSpec

from .settings import Settings


def admin_client(settings: Settings) -> AdminClient:
    return AdminClient({**settings.kafka_config(), "log_level": 0})


def create_topics(
    settings: Settings, specs: tuple[TopicSpec, ...] = CATALOGUE, replication: int = 1
) -> dict[str, str]:
    """Create the missing topics; returns topic → `created` or `exists`."""
    admin = admin_client(settings)
    new = [
        NewTopic(s.name, num_partitions=s.partitions, replication_factor=replication, config=s.config)
        for s in specs
    ]
    result: dict[str, str] = {}
    for name, future in admin.create_topics(new, operation_timeout=30, request_timeout=30).items():
        try:
            future.result()
            result[name] = "created"
        except KafkaException as exc:
            if exc.args[0].code() != KafkaError.TOPIC_ALREADY_EXISTS:
                raise
            result[name] = "exists"
    return result


@dataclass(frozen=True)
class TopicState:
    spec: TopicSpec
    exists: bool
    partitions: int | None


def describe_topics(settings: Settings) -> list[TopicState]:
    metadata = admin_client(settings).list_topics(timeout=10)
    states = []
    for spec in CATALOGUE:
        topic = metadata.topics.get(spec.name)
        present = topic is not None and topic.error is None
        states.append(TopicState(spec, present, len(topic.partitions) if present and topic else None))
    return states
