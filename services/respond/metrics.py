"""Respond metrics (DESIGN.md: `vigie_` prefix, bounded labels only).

Counted once a batch's outputs are acknowledged and recorded, so a replayed batch does not count twice.
"""

from __future__ import annotations

from prometheus_client import Counter

ACTIONS = Counter(
    "vigie_respond_actions_total",
    "Actions produced on moderation.actions.v1; `outcome` is the action type (hide, reply_draft...).",
    ["tenant", "queue", "outcome"],
)
HANDLED = Counter(
    "vigie_respond_handled_total", "Comments Vigie handled itself (HandledSignals produced).", ["tenant"]
)
LINT_FAILURES = Counter(
    "vigie_reply_lint_failures_total",
    "Outgoing texts that failed a reply-lint check (one per check per text) and became drafts.",
    ["check"],
)
DUPLICATES = Counter(
    "vigie_respond_duplicates_total",
    "Queue records skipped because their (event id, escalation level) was already answered.",
    ["tenant"],
)
