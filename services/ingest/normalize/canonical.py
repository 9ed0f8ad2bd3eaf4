"""Canonical events (`POST /v1/events`, imports): SocialEvent-shaped JSON from any source.

Accepts one object, a list, or `{"events": [...]}`. Ingest owns `received_at` and `source`; a missing
`event_id` is derived like the webhooks' (platform, object id, verb, edit time), a missing `thread_id`
makes the comment its own thread, and a missing `is_own_reply` is decided from the tenant's accounts.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import ValidationError

from schemas import SocialEvent
from services.ingest.tenants import TenantRegistry

from .errors import NormalisationError, UnknownTenantError
from .fields import array, describe, event_id, obj

Source = Literal["api", "import"]
_PLACEHOLDER_ID = "-"


def canonical_items(payload: Any) -> list[tuple[str, Any]]:
    """(path, item) for each event of a delivery."""
    if isinstance(payload, dict) and "events" in payload:
        items, prefix = array(payload["events"], "events"), "events"
    elif isinstance(payload, list):
        items, prefix = payload, "events"
    else:
        return [("event", obj(payload, "payload"))]
    if not items:
        raise NormalisationError(f"{prefix}: empty")
    return [(f"{prefix}[{i}]", item) for i, item in enumerate(items)]


def normalise_canonical(
    payload: Any,
    registry: TenantRegistry,
    received_at: datetime,
    *,
    tenant: str | None = None,
    source: Source = "api",
) -> list[SocialEvent]:
    """Validate canonical events. `tenant` (the authenticated one) fills a missing `tenant` and
    rejects events claiming another one."""
    return [
        canonical_event(item, registry, received_at, tenant=tenant, source=source, path=path)
        for path, item in canonical_items(payload)
    ]


def canonical_event(
    item: Any,
    registry: TenantRegistry,
    received_at: datetime,
    *,
    tenant: str | None = None,
    source: Source = "api",
    path: str = "event",
) -> SocialEvent:
    data = dict(obj(item, path))
    claimed = data.get("tenant")
    if tenant is not None:
        if claimed not in (None, tenant):
            raise NormalisationError(f"{path}.tenant: does not match the authenticated tenant")
        data["tenant"] = tenant
    elif not claimed:
        raise NormalisationError(f"{path}.tenant: required")
    owner = registry.get(str(data["tenant"]))
    if owner is None:
        raise UnknownTenantError(f"{path}.tenant: unknown tenant")

    given_id = data.get("event_id") or None
    own_given = data.get("is_own_reply") is not None
    if not data.get("thread_id") and data.get("object_id"):
        data["thread_id"] = data["object_id"]
    data.update(event_id=given_id or _PLACEHOLDER_ID, received_at=received_at, source=source)
    try:
        event = SocialEvent.model_validate(data)
    except ValidationError as error:
        raise NormalisationError(f"{path}: {describe(error)}") from None

    update: dict[str, Any] = {}
    if not given_id:
        update["event_id"] = event_id(
            event.platform, event.object_id, event.verb, event.edited_at or event.created_at
        )
    if not own_given:
        update["is_own_reply"] = owner.is_own(event.author.id)
    return event.model_copy(update=update) if update else event
