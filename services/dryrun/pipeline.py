"""The three stages' pure decision functions composed in one process, with in-memory escalation state.

Same code paths as the services (the classifier, `apply_escalations`, `route`, `decide`); only the state
the services keep in Faust tables and PostgreSQL lives in dictionaries here. Events are replayed in
event-time order, and each decision is taken "as of" the comment's own time, so a community manager sees
what Vigie would have done when the comment was written.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from schemas import ActionType, ClassifiedEvent, HandledSignal, RoutedItem, SocialEvent
from services.classify.classifier import Classifier
from services.classify.config import ClassifyConfig, EscalationConfig
from services.classify.escalation import (
    AuthorState,
    ThreadState,
    apply_escalations,
    author_state_key,
    handled_signal_for,
)
from services.respond.decide import Decision, RespondConfig, decide, load_config
from services.respond.links import LinkChecker, LinkStatus
from services.route.policy import TenantPolicy, load_policy
from services.route.routing import route

PUBLISHED = {ActionType.REPLY, ActionType.ACKNOWLEDGE}


class OfflineLinkChecker:
    """For `--no-network`: links are taken as live and the finding says they were not fetched."""

    def check(self, url: str) -> LinkStatus:
        return LinkStatus(True, "not fetched (offline)")


@dataclass(frozen=True)
class Outcome:
    event: SocialEvent
    classified: ClassifiedEvent | None = None
    item: RoutedItem | None = None
    decision: Decision | None = None
    handled: HandledSignal | None = None  # the organisation's own reply


class DryRun:
    def __init__(
        self,
        link_checker: LinkChecker,
        *,
        config_dir: Path | None = None,
        classifier: Classifier | None = None,
        escalation: EscalationConfig | None = None,
    ) -> None:
        self.link_checker = link_checker
        self.config_dir = config_dir
        self.classifier = classifier or Classifier.load(ClassifyConfig())
        self.escalation = escalation or EscalationConfig()
        self.authors: dict[str, AuthorState] = {}
        self.threads: dict[str, ThreadState] = {}
        self.sent: dict[str, list[str]] = defaultdict(list)
        self._policies: dict[str, tuple[TenantPolicy, RespondConfig]] = {}

    def _tenant(self, tenant: str) -> tuple[TenantPolicy, RespondConfig]:
        if tenant not in self._policies:
            self._policies[tenant] = (
                load_policy(tenant, self.config_dir),
                load_config(tenant, self.config_dir),
            )
        return self._policies[tenant]

    def run(self, events: Iterable[SocialEvent]) -> Iterator[Outcome]:
        for event in sorted(events, key=lambda e: e.created_at):
            yield self.one(event)

    def one(self, event: SocialEvent) -> Outcome:
        if event.is_own_reply:
            return Outcome(event, handled=handled_signal_for(event))
        at = event.created_at
        classified = self.classifier.classify(event, now=at)
        author_key = author_state_key(event)
        escalated = apply_escalations(
            classified,
            self.authors.get(author_key, AuthorState()),
            self.threads.get(event.key, ThreadState()),
            self.escalation,
        )
        self.authors[author_key], self.threads[event.key] = escalated.author_state, escalated.thread_state
        policy, respond = self._tenant(event.tenant)
        item = route(escalated.classified, policy, now=at)
        decision = decide(
            item, respond, now=at, link_checker=self.link_checker, sent_texts_on_thread=self.sent[event.key]
        )
        for action in decision.actions:
            if action.type in PUBLISHED and action.text and not action.requires_approval:
                self.sent[event.key].append(action.text)
        return Outcome(event, escalated.classified, item, decision)
