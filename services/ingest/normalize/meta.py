"""Meta webhooks: Facebook Page `feed` comments and Instagram `comments` → SocialEvents.

Shapes (Graph API webhooks): `{"object": "page", "entry": [{"id": PAGE_ID, "time": ..., "changes":
[{"field": "feed", "value": {"item": "comment", "verb": "add", "comment_id", "post_id", "parent_id",
"message", "from": {"id", "name"}, "created_time"}}]}]}` and `{"object": "instagram", "entry": [{"id":
IG_ACCOUNT_ID, "time": ..., "changes": [{"field": "comments", "value": {"id", "text", "from": {"id",
"username"}, "media": {"id"}, "parent_id"}}]}]}`. Anything else in a feed (reactions, posts, shares,
hide/unhide) is skipped, not an error: Meta sends it whether or not we asked.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from urllib.parse import urlencode

from schemas import Author, Platform, SocialEvent, Verb
from services.ingest.tenants import Tenant, TenantRegistry

from .errors import NormalisationError, UnknownTenantError
from .fields import Json, array, build_event, event_id, obj, opt_str, parse_time, req_str

# Comments use add/edited/remove; the synonyms Meta lists for other items are accepted too.
_VERBS = {
    "add": Verb.ADD,
    "edited": Verb.EDITED,
    "edit": Verb.EDITED,
    "update": Verb.EDITED,
    "remove": Verb.REMOVE,
    "delete": Verb.REMOVE,
}
_IGNORED_VERBS = {"hide", "unhide", "block", "unblock", "mute", "follow"}
_IG_FIELDS = {"comments", "live_comments"}


def _entries(payload: Any) -> tuple[str, list[Any]]:
    body = obj(payload, "payload")
    kind = body.get("object")
    if kind not in ("page", "instagram"):
        raise NormalisationError("object: expected 'page' or 'instagram'", platform="meta")
    entries = array(body.get("entry"), "entry")
    if not entries:
        raise NormalisationError("entry: empty", platform="meta")
    return kind, entries


def meta_tenants(payload: Any, registry: TenantRegistry) -> list[Tenant]:
    """The tenants owning the entries' pages/accounts, to pick the app secret that signed the body.

    Meta signs a delivery with one app secret; check the signature with every returned tenant's
    secret (normally there is one). An unknown page raises `UnknownTenantError`.
    """
    _, entries = _entries(payload)
    found: dict[str, Tenant] = {}
    for i, entry in enumerate(entries):
        tenant = _tenant(registry, req_str(obj(entry, f"entry[{i}]"), "id", f"entry[{i}]"))
        found.setdefault(tenant.id, tenant)
    return list(found.values())


def normalise_meta(payload: Any, registry: TenantRegistry, received_at: datetime) -> list[SocialEvent]:
    """Every comment change in a Meta webhook delivery, in payload order."""
    kind, entries = _entries(payload)
    events: list[SocialEvent] = []
    for i, raw_entry in enumerate(entries):
        path = f"entry[{i}]"
        entry = obj(raw_entry, path)
        account_id = req_str(entry, "id", path)
        tenant = _tenant(registry, account_id)
        entry_time = _entry_time(entry, path)
        for j, raw_change in enumerate(array(entry.get("changes", []), f"{path}.changes")):
            cpath = f"{path}.changes[{j}]"
            change = obj(raw_change, cpath)
            value = change.get("value")
            if kind == "page" and change.get("field") == "feed":
                event = _page_comment(
                    obj(value, f"{cpath}.value"), tenant, account_id, entry_time, received_at, cpath
                )
            elif kind == "instagram" and change.get("field") in _IG_FIELDS:
                event = _instagram_comment(
                    obj(value, f"{cpath}.value"), tenant, account_id, entry_time, received_at, cpath
                )
            else:
                event = None
            if event is not None:
                events.append(event)
    return events


def _tenant(registry: TenantRegistry, account_id: str) -> Tenant:
    tenant = registry.by_meta_account(account_id)
    if tenant is None:
        raise UnknownTenantError("entry.id: no tenant has this page or Instagram account", platform="meta")
    return tenant


def _entry_time(entry: Json, path: str) -> datetime | None:
    raw = entry.get("time")
    if raw is None:
        return None
    if isinstance(raw, int | float) and not isinstance(raw, bool) and raw > 1e11:
        raw = raw / 1000  # some Meta products send milliseconds
    return parse_time(raw, f"{path}.time")


def _page_comment(
    value: Json, tenant: Tenant, page_id: str, entry_time: datetime | None, received_at: datetime, path: str
) -> SocialEvent | None:
    if value.get("item") != "comment":
        return None  # reactions, likes, posts, shares, photos...
    raw_verb = opt_str(value, "verb", path)
    if raw_verb in _IGNORED_VERBS:
        return None
    if raw_verb not in _VERBS:
        raise NormalisationError(f"{path}.value.verb: expected add, edited or remove", platform="facebook")
    verb = _VERBS[raw_verb]
    comment_id = req_str(value, "comment_id", f"{path}.value")
    post_id = req_str(value, "post_id", f"{path}.value")
    parent_id = opt_str(value, "parent_id", f"{path}.value")
    if parent_id == post_id:
        parent_id = None  # a top-level comment's parent is the post itself
    text = opt_str(value, "message", f"{path}.value") or ""
    author = _author(value, f"{path}.value", handle_key=None)
    created_at = _created(value.get("created_time"), entry_time, f"{path}.value.created_time")

    edited_at = None
    if verb is Verb.EDITED:
        edited_at = entry_time or created_at
        # Without the change time, the text tells two edits apart (retries still agree).
        eid = event_id(Platform.FACEBOOK, comment_id, verb, edited_at, None if entry_time else text)
    else:
        eid = event_id(Platform.FACEBOOK, comment_id, verb, created_at)
    return build_event(
        path,
        event_id=eid,
        tenant=tenant.id,
        account_id=page_id,
        platform=Platform.FACEBOOK,
        verb=verb,
        object_id=comment_id,
        thread_id=post_id,
        parent_id=parent_id,
        author=author,
        text=text,
        url=_facebook_url(value, comment_id, post_id, parent_id),
        created_at=created_at,
        edited_at=edited_at,
        received_at=received_at,
        is_own_reply=author.id == page_id or tenant.is_own(author.id),
    )


def _instagram_comment(
    value: Json,
    tenant: Tenant,
    account_id: str,
    entry_time: datetime | None,
    received_at: datetime,
    path: str,
) -> SocialEvent:
    vpath = f"{path}.value"
    comment_id = req_str(value, "id", vpath)
    media_id = req_str(obj(value.get("media"), f"{vpath}.media"), "id", f"{vpath}.media")
    author = _author(value, vpath, handle_key="username")
    # Instagram comment webhooks carry no comment time: the change time (`entry.time`) stands for it.
    created_at = _created(value.get("timestamp"), entry_time, f"{vpath}.timestamp")
    return build_event(
        path,
        event_id=event_id(Platform.INSTAGRAM, comment_id, Verb.ADD, created_at),
        tenant=tenant.id,
        account_id=account_id,
        platform=Platform.INSTAGRAM,
        object_id=comment_id,
        thread_id=media_id,
        parent_id=opt_str(value, "parent_id", vpath),
        author=author,
        text=opt_str(value, "text", vpath) or "",
        created_at=created_at,
        received_at=received_at,
        is_own_reply=author.id == account_id or tenant.is_own(author.id),
    )


def _author(value: Json, path: str, handle_key: str | None) -> Author:
    # Meta omits `from` when the app may not see the commenter: the author is then unknown ("").
    raw = value.get("from")
    if raw is None:
        return Author(id="")
    sender = obj(raw, f"{path}.from")
    handle = opt_str(sender, handle_key, f"{path}.from") if handle_key else None
    return Author(
        id=opt_str(sender, "id", f"{path}.from") or "",
        handle=handle,
        display_name=opt_str(sender, "name", f"{path}.from") or handle,
    )


def _created(raw: Any, entry_time: datetime | None, path: str) -> datetime:
    if raw is None:
        if entry_time is None:
            raise NormalisationError(f"{path}: required (and no entry.time to fall back on)", platform="meta")
        return entry_time
    return parse_time(raw, path)


def _facebook_url(value: Json, comment_id: str, post_id: str, parent_id: str | None) -> str:
    """Permalink: the post's (given, or built from `PAGE_POST`) with Facebook's comment parameters."""
    short = comment_id.rpartition("_")[2]
    post = value.get("post")
    base = post.get("permalink_url") if isinstance(post, dict) else None
    if not isinstance(base, str) or not base.startswith("https://"):
        page, sep, post_short = post_id.partition("_")
        base = (
            f"https://www.facebook.com/{page}/posts/{post_short}"
            if sep
            else f"https://www.facebook.com/{post_id}"
        )
    if parent_id:
        query = {"comment_id": parent_id.rpartition("_")[2], "reply_comment_id": short}
    else:
        query = {"comment_id": short}
    return f"{base}{'&' if '?' in base else '?'}{urlencode(query)}"
