"""The respond decision: from a routed item to actions and handled signals. Pure: clock, policy, FAQ and
link checker are passed in; the same input always gives the same action ids.

What Vigie counts as *handled by itself* (a `HandledSignal` that stops the SLA clock):
- a published automatic reply (confident FAQ answer, praise thank-you) or a like: nothing is left to do;
- hiding spam: nothing is left to do.
Not handled, so the clock keeps running and a breach escalates: hiding a threat, hate, insult or
harassment (a person must still act on it: on-call, review), drafts (a person must approve them), and
the after-hours acknowledgement — it *promises* an answer by the due time, which only the SLA clock
can keep.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Container, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from schemas import (
    Action,
    ActionType,
    Category,
    HandledBy,
    HandledSignal,
    LintFinding,
    RoutedItem,
    Verb,
    stable_id,
)

from .faq import Faq, best_match, entry_link, load_faq
from .links import LinkChecker
from .lint import lint
from .policy import PraiseHandling, RespondPolicy, ToxicHandling, load_policy
from .templates import TemplateName, TemplateRenderError, render
from .timefmt import format_clock, format_day, same_local_day

ACTOR = "vigie-respond"
NAME = re.compile(r"^[^\W\d_]+(?:['’-][^\W\d_]+)*$")  # a greeting uses a plausible first name or nothing


@dataclass(frozen=True)
class RespondConfig:
    """Everything decide needs about a tenant, loaded once (and validated) by the shell."""

    policy: RespondPolicy
    faqs: Mapping[str, Faq]
    config_dir: Path | None = None  # tenant templates override the shipped ones from here


def load_config(tenant: str, config_dir: Path | None = None) -> RespondConfig:
    policy = load_policy(tenant, config_dir)
    faqs = {lang: load_faq(tenant, lang, config_dir) for lang in policy.languages}
    return RespondConfig(policy, faqs, config_dir)


@dataclass(frozen=True)
class Decision:
    actions: tuple[Action, ...] = ()
    handled: tuple[HandledSignal, ...] = ()
    notes: tuple[str, ...] = field(default=(), compare=False)  # for the audit event's details

    @property
    def lint_findings(self) -> list[LintFinding]:
        return [finding for action in self.actions for finding in action.lint]

    @property
    def lint_failure_checks(self) -> list[str]:
        """One `check` label per failed check per text: what to add to vigie_reply_lint_failures_total."""
        return [check for action in self.actions for check in sorted({f.check for f in action.lint})]


def processing_key(item: RoutedItem) -> tuple[str, int]:
    """What makes a queue record new: a redelivery has the same key and must be skipped."""
    return item.classified.event.event_id, item.escalation_level


def already_processed(item: RoutedItem, processed: Container[tuple[str, int]]) -> bool:
    return processing_key(item) in processed


class ProcessedLedger:
    """The last `size` processing keys, for the shell to skip redeliveries cheaply.

    Memory only: after a restart a redelivery is decided again, which is harmless because the action,
    signal and audit ids are the same (consumers are idempotent by id).
    """

    def __init__(self, size: int = 100_000) -> None:
        self.size = size
        self._keys: OrderedDict[tuple[str, int], None] = OrderedDict()

    def __contains__(self, key: object) -> bool:
        return key in self._keys

    def remember(self, item: RoutedItem) -> None:
        self._keys[processing_key(item)] = None
        self._keys.move_to_end(processing_key(item))
        while len(self._keys) > self.size:
            self._keys.popitem(last=False)


def greeting_name(item: RoutedItem) -> str | None:
    author = item.classified.event.author
    first = (author.display_name or "").split(" ")[0]
    if not first or len(first) > 30 or not NAME.match(first) or first.isupper():
        return None  # handles, emoji, shouted or odd names: greet without a name rather than badly
    return first


@dataclass(frozen=True)
class _Ctx:
    item: RoutedItem
    config: RespondConfig
    now: datetime
    link_checker: LinkChecker
    sent: tuple[str, ...]

    @property
    def policy(self) -> RespondPolicy:
        return self.config.policy

    @property
    def lang(self) -> str:
        return self.policy.reply_lang(self.item.classified.lang)

    def action(
        self,
        type_: ActionType,
        reason: str,
        *,
        slot: ActionType | None = None,
        discriminator: object = "",
        **fields: Any,
    ) -> Action:
        event = self.item.classified.event
        return Action(
            action_id=Action.make_id(event.event_id, slot or type_, discriminator),
            type=type_,
            event_id=event.event_id,
            tenant=event.tenant,
            platform=event.platform,
            thread_id=event.thread_id,
            target_object_id=event.object_id,
            queue=self.item.queue,
            due_at=self.item.due_at,
            reason=reason,
            created_at=self.now,
            **fields,
        )

    def handled(self, action: Action) -> HandledSignal:
        event = self.item.classified.event
        return HandledSignal(
            signal_id=stable_id("handled", event.event_id, action.action_id),
            tenant=event.tenant,
            platform=event.platform,
            thread_id=event.thread_id,
            object_id=event.object_id,
            handled_by=HandledBy.VIGIE,
            actor_id=ACTOR,
            source_event_id=action.action_id,
            handled_at=self.now,
        )

    def variables(self, **extra: Any) -> dict[str, Any]:
        return {
            "author": greeting_name(self.item),
            "contact_url": str(self.policy.contact_url),
            "site_url": str(self.policy.site_url),
            **extra,
        }

    def auto_blockers(self) -> list[str]:
        """Why no text may go out automatically for this comment, whatever the lint says."""
        classified = self.item.classified
        blockers = []
        if classified.lang != self.lang:
            blockers.append(f"language {classified.lang} has no templates, drafted in {self.lang}")
        if classified.crisis and self.policy.no_auto_reply_in_crisis:
            blockers.append("thread in crisis: no automatic reply")
        if classified.event.verb == Verb.EDITED:
            blockers.append("edited comment: it was answered before")
        return blockers

    def text(
        self, name: TemplateName, slot: ActionType, reason: str, *, auto: bool, variables: dict[str, Any]
    ) -> Action:
        """Render, lint, and publish automatically only if allowed and clean; else a draft to approve."""
        policy = self.policy
        try:
            text, template = render(
                name,
                self.lang,
                policy.tone,
                variables,
                tenant=policy.tenant,
                config_dir=self.config.config_dir,
            )
        except TemplateRenderError as exc:
            finding = LintFinding(check="template", message=str(exc))
            return self.action(
                ActionType.REVIEW,
                f"{reason}; template failed",
                slot=slot,
                lint=[finding],
                requires_approval=True,
            )
        author = greeting_name(self.item)
        findings = lint(
            text,
            self.lang,
            policy,
            link_checker=self.link_checker,
            previous_texts=self.sent,
            platform=self.item.classified.event.platform,
            extra_words=[author] if author else [],
        )
        blockers = self.auto_blockers() if auto else []
        if findings:
            blockers.append("lint failed: " + ", ".join(sorted({f.check for f in findings})))
        publish = auto and not blockers
        type_ = slot if publish else ActionType.REPLY_DRAFT
        full_reason = "; ".join([reason, *blockers])
        return self.action(
            type_,
            full_reason,
            slot=slot,
            text=text,
            lang=self.lang,
            requires_approval=not publish,
            lint=findings,
            template=template,
        )

    def acknowledgement(self, reason: str) -> Action:
        item, policy = self.item, self.policy
        variables = self.variables()
        if item.next_opening_at is not None:  # else the template fails on the missing variable: review
            locale = policy.locale_for(self.lang)
            fmt = policy.format_for(locale)
            variables |= {
                "back_day": format_day(item.next_opening_at, policy.tz, fmt, locale),
                "back_time": format_clock(item.next_opening_at, policy.tz, fmt, locale),
            }
            # A deadline before the team is back (on-call queue) is not the team's promise: leave it out.
            promise = item.due_at if item.due_at and item.due_at > item.next_opening_at else None
            variables |= {
                "due_day": promise and format_day(promise, policy.tz, fmt, locale),
                "due_time": promise and format_clock(promise, policy.tz, fmt, locale),
                "due_same_day": promise is not None
                and same_local_day(promise, item.next_opening_at, policy.tz),
            }
        return self.text(
            TemplateName.ACKNOWLEDGEMENT, ActionType.ACKNOWLEDGE, reason, auto=True, variables=variables
        )

    def draft(self, name: TemplateName, reason: str) -> Action:
        return self.text(name, ActionType.REPLY_DRAFT, reason, auto=False, variables=self.variables())

    def notify_on_call(self, reason: str) -> Action:
        classified = self.item.classified
        evidence = "; ".join(r.detail for r in classified.reasons) or "no detail"
        return self.action(
            ActionType.NOTIFY_ON_CALL,
            f"{reason}: {evidence}",
            discriminator=f"level-{self.item.escalation_level}",
            text=classified.event.text,
            lang=classified.lang,
        )


def decide(
    item: RoutedItem,
    config: RespondConfig,
    *,
    now: datetime,
    link_checker: LinkChecker,
    sent_texts_on_thread: Iterable[str] = (),
) -> Decision:
    """One comment's actions and what Vigie handled itself.

    `sent_texts_on_thread`: replies already published on the thread (for the duplicate check).
    """
    ctx = _Ctx(item, config, now, link_checker, tuple(sent_texts_on_thread))
    classified = item.classified
    category, severity = classified.category, classified.severity
    if item.escalation_level > 0:
        # The first routing already produced the comment's actions; a breach only calls someone.
        reason = f"SLA breach {item.escalation_level}: {item.escalated_from} → {item.queue}"
        return Decision((ctx.notify_on_call(reason),))
    if classified.event.is_own_reply or classified.event.verb == Verb.REMOVE:
        return Decision(notes=("own reply or removal: nothing to do",))
    label = f"{category} ({severity})"
    match category:
        case Category.THREAT | Category.HATE:
            hide = ctx.action(ActionType.HIDE, f"{label}: hidden at once")
            return Decision((hide, ctx.notify_on_call(label)))
        case Category.INSULT | Category.HARASSMENT:
            review = ctx.action(
                ActionType.REVIEW,
                f"{label}: a moderator decides; never argue in public",
                requires_approval=True,
            )
            if config.policy.rules.insult_harassment is ToxicHandling.HIDE:
                return Decision((ctx.action(ActionType.HIDE, f"{label}: hidden pending review"), review))
            return Decision((review,))
        case Category.SPAM:
            hide = ctx.action(ActionType.HIDE, f"{label}: hidden")
            return Decision((hide,), (ctx.handled(hide),))
        case Category.COMPLAINT:
            return _answer_later(ctx, TemplateName.COMPLAINT_DRAFT, label)
        case Category.QUESTION:
            return _question(ctx, label)
        case Category.PRAISE:
            return _praise(ctx, label)
    return Decision(notes=(f"{label}: nothing to do",))


def _answer_later(ctx: _Ctx, draft: TemplateName, label: str, note: str = "") -> Decision:
    if ctx.item.in_business_hours:
        return Decision((ctx.draft(draft, f"{label}: reply drafted for approval{note}"),))
    actions = [ctx.acknowledgement(f"{label}: after-hours acknowledgement")]
    if ctx.policy.rules.draft_after_acknowledgement:
        actions.append(ctx.draft(draft, f"{label}: reply drafted for the team's return{note}"))
    return Decision(tuple(actions))


def _question(ctx: _Ctx, label: str) -> Decision:
    faq = ctx.config.faqs.get(ctx.lang)
    match = best_match(ctx.item.classified.event.text, faq) if faq else None
    if match is None or match.confidence < ctx.policy.faq.min_confidence:
        hint = f"; FAQ {match.entry.id} only {match.confidence:.2f}" if match else ""
        return _answer_later(ctx, TemplateName.QUESTION_DRAFT, label, hint)
    variables = ctx.variables(answer=match.entry.answer, link=entry_link(match.entry, ctx.policy))
    reason = f"{label}: FAQ {match.entry.id} ({match.confidence:.2f}, {match.evidence})"
    reply = ctx.text(TemplateName.FAQ_ANSWER, ActionType.REPLY, reason, auto=True, variables=variables)
    handled = (ctx.handled(reply),) if reply.type is ActionType.REPLY else ()
    return Decision((reply,), handled)


def _praise(ctx: _Ctx, label: str) -> Decision:
    match ctx.policy.rules.praise:
        case PraiseHandling.LIKE:
            like = ctx.action(ActionType.LIKE, f"{label}: liked")
            return Decision((like,), (ctx.handled(like),))
        case PraiseHandling.THANKS:
            reply = ctx.text(
                TemplateName.PRAISE_THANKS,
                ActionType.REPLY,
                f"{label}: thanked",
                auto=True,
                variables=ctx.variables(),
            )
            return Decision((reply,), (ctx.handled(reply),) if reply.type is ActionType.REPLY else ())
    return Decision(notes=(f"{label}: praise left as is (policy)",))
