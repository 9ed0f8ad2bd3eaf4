"""The one topic catalogue: every topic Vigie reads or writes, with its layout and value model.

Provisioning (`vigie topics create`), the Helm chart's KafkaTopic resources and the services all read
this list, so there is no second list to keep in sync.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .base import VigieRecord
from .enums import Queue
from .records import Action, AuditEvent, ClassifiedEvent, DeadLetter, HandledSignal, RoutedItem, SocialEvent

DAY_MS = 24 * 3600 * 1000
DATA_PARTITIONS = 6
DATA_RETENTION_MS = 7 * DAY_MS
LONG_RETENTION_MS = 30 * DAY_MS
DLQ_SUFFIX = ".dlq"


@dataclass(frozen=True)
class TopicSpec:
    name: str
    value_model: type[VigieRecord] | None  # None: not a record (a Faust table's JSON state)
    key: str
    partitions: int = DATA_PARTITIONS
    retention_ms: int = DATA_RETENTION_MS
    cleanup_policy: str = "delete"
    description: str = ""
    extra_config: dict[str, str] = field(default_factory=dict)

    @property
    def config(self) -> dict[str, str]:
        return {
            "retention.ms": str(self.retention_ms),
            "cleanup.policy": self.cleanup_policy,
            **self.extra_config,
        }

    @property
    def value_name(self) -> str:
        return self.value_model.__name__ if self.value_model else "state (JSON)"

    @property
    def dlq(self) -> str:
        return dead_letter_topic(self.name)


def dead_letter_topic(topic: str) -> str:
    return topic + DLQ_SUFFIX


def queue_topic(queue: Queue | str) -> str:
    return f"moderation.queue.{Queue(queue).value}.v1"


THREAD_KEY = "tenant:platform:thread_id"

SOCIAL_EVENTS = "social.events.v1"
SOCIAL_CLASSIFIED = "social.classified.v1"
MODERATION_ACTIONS = "moderation.actions.v1"
MODERATION_HANDLED = "moderation.handled.v1"
MODERATION_AUDIT = "moderation.audit.v1"
QUEUE_TOPICS = {queue: queue_topic(queue) for queue in Queue}

DATA_TOPICS: tuple[TopicSpec, ...] = (
    TopicSpec(SOCIAL_EVENTS, SocialEvent, THREAD_KEY, description="Normalised platform events (ingest)."),
    TopicSpec(SOCIAL_CLASSIFIED, ClassifiedEvent, THREAD_KEY, description="Language, category, severity."),
    *(
        TopicSpec(name, RoutedItem, THREAD_KEY, description=f"Items routed to the `{queue}` queue.")
        for queue, name in QUEUE_TOPICS.items()
    ),
    TopicSpec(MODERATION_ACTIONS, Action, THREAD_KEY, description="Actions for the platform publisher."),
    TopicSpec(MODERATION_HANDLED, HandledSignal, THREAD_KEY, description="Stops SLA clocks."),
    TopicSpec(
        MODERATION_AUDIT,
        AuditEvent,
        "subject event id",
        retention_ms=LONG_RETENTION_MS,
        description="Every decision of every stage; persisted by the audit sink.",
    ),
)

# Every topic a Vigie consumer reads gets a dead-letter topic (one partition: order of failure, low volume).
CONSUMED_TOPICS: tuple[str, ...] = (
    SOCIAL_EVENTS,
    SOCIAL_CLASSIFIED,
    *QUEUE_TOPICS.values(),
    MODERATION_HANDLED,
    MODERATION_AUDIT,
)

DLQ_TOPICS: tuple[TopicSpec, ...] = tuple(
    TopicSpec(
        dead_letter_topic(name),
        DeadLetter,
        "original key",
        partitions=1,
        retention_ms=LONG_RETENTION_MS,
        description=f"What a consumer of {name} could not process (original bytes).",
    )
    for name in CONSUMED_TOPICS
)

# Ingest has no input topic; what it cannot normalise goes here with the original request body.
INGEST_DLQ = TopicSpec(
    dead_letter_topic("ingest.rejected.v1"),
    DeadLetter,
    "platform",
    partitions=1,
    retention_ms=LONG_RETENTION_MS,
    description="Webhook bodies that were valid JSON but could not be normalised (HTTP 422).",
)

# Classify's own topics (Faust): the repartition by author and the changelogs of its two window tables.
# Faust would create them itself, but listing them here provisions them before the first start (so the
# first assignment already has them) and on clusters where only the operator may create topics.
CLASSIFY_GROUP = "vigie-classify"
CLASSIFY_BY_AUTHOR = f"{CLASSIFY_GROUP}-by-author-repartition"
INTERNAL_TOPICS: tuple[TopicSpec, ...] = (
    TopicSpec(
        CLASSIFY_BY_AUTHOR,
        ClassifiedEvent,
        "tenant:platform:author_id",
        description="Internal to classify: events re-keyed by author for the repeat-offender window.",
    ),
    *(
        TopicSpec(
            f"{CLASSIFY_GROUP}-{table}-changelog",
            None,
            key,
            cleanup_policy="compact",
            description=f"Internal to classify: changelog of the {table} escalation table (JSON state).",
        )
        for table, key in (("threads", THREAD_KEY), ("authors", "tenant:platform:author_id"))
    ),
)

CATALOGUE: tuple[TopicSpec, ...] = (*DATA_TOPICS, *INTERNAL_TOPICS, *DLQ_TOPICS, INGEST_DLQ)
BY_NAME: dict[str, TopicSpec] = {spec.name: spec for spec in CATALOGUE}


def spec(name: str) -> TopicSpec:
    try:
        return BY_NAME[name]
    except KeyError:
        raise KeyError(f"{name!r} is not in the topic catalogue") from None
