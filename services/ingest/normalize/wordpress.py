"""WordPress comment payloads (sent by the site, signed with `X-Vigie-Signature`) → SocialEvents.

A delivery is one comment object, a list of them, or `{"site_url": ..., "comments": [...]}`. A
comment carries the `wp_comments` columns (`comment_ID`, `comment_post_ID`, `comment_author`,
`comment_content`, `comment_date_gmt` like `2026-11-27 22:30:00`, `comment_parent` "0" for none,
`user_id` "0" for guests), the post URL (`post_url`) or the comment's (`comment_link`), the site
(`site_url`, or `blog_id` on multisite) unless the envelope gives it, and optionally what happened:
`verb` (add/edited/remove) or the WordPress hook name in `action`.

`comment_author_email` and `comment_author_IP` are read by nobody here: they never reach an event.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from schemas import Author, Platform, SocialEvent, Verb
from services.ingest.tenants import Tenant, TenantRegistry, site_key

from .errors import NormalisationError, UnknownTenantError
from .fields import Json, array, build_event, event_id, obj, opt_str, parse_time, pseudonym, req_str

_VERBS = {
    "add": Verb.ADD,
    "edited": Verb.EDITED,
    "remove": Verb.REMOVE,
    # WordPress action hooks a site may name instead
    "comment_post": Verb.ADD,
    "wp_insert_comment": Verb.ADD,
    "edit_comment": Verb.EDITED,
    "delete_comment": Verb.REMOVE,
    "trash_comment": Verb.REMOVE,
    "spam_comment": Verb.REMOVE,
}
_SITE_KEYS = ("site_url", "home_url", "blog_id", "site_id")


def _comments(payload: Any) -> list[tuple[str, Json, str | None]]:
    """(path, comment, site given by the envelope) for each comment in the delivery."""
    if isinstance(payload, list):
        items, envelope_site, prefix = payload, None, "comments"
    elif isinstance(payload, dict) and "comments" in payload:
        items, envelope_site, prefix = (
            array(payload["comments"], "comments"),
            _site(payload, "payload"),
            "comments",
        )
    else:
        return [("payload", obj(payload, "payload"), None)]
    if not items:
        raise NormalisationError(f"{prefix}: empty", platform="wordpress")
    return [(f"{prefix}[{i}]", obj(item, f"{prefix}[{i}]"), envelope_site) for i, item in enumerate(items)]


def _site(data: Json, path: str) -> str | None:
    return next((v for k in _SITE_KEYS if (v := opt_str(data, k, path))), None)


def _site_and_tenant(
    comment: Json, path: str, envelope_site: str | None, registry: TenantRegistry
) -> tuple[str, Tenant]:
    site = _site(comment, path) or envelope_site
    if not site:
        raise NormalisationError(f"{path}.site_url: required (or blog_id)", platform="wordpress")
    tenant = registry.by_wordpress_site(site)
    if tenant is None:
        raise UnknownTenantError(f"{path}.site_url: no tenant has this WordPress site", platform="wordpress")
    return site, tenant


def wordpress_tenant(payload: Any, registry: TenantRegistry) -> Tenant:
    """The one tenant owning the delivery's site (its `wordpress_secret` signed the body)."""
    tenants = {t.id: t for t in (_site_and_tenant(c, p, s, registry)[1] for p, c, s in _comments(payload))}
    if len(tenants) != 1:
        raise NormalisationError(
            "site_url: one delivery must come from one tenant's sites", platform="wordpress"
        )
    return next(iter(tenants.values()))


def normalise_wordpress(payload: Any, registry: TenantRegistry, received_at: datetime) -> list[SocialEvent]:
    return [_comment(c, p, s, registry, received_at) for p, c, s in _comments(payload)]


def _comment(
    comment: Json, path: str, envelope_site: str | None, registry: TenantRegistry, received_at: datetime
) -> SocialEvent:
    site, tenant = _site_and_tenant(comment, path, envelope_site, registry)
    raw_verb = opt_str(comment, "verb", path) or opt_str(comment, "action", path) or "add"
    if raw_verb not in _VERBS:
        raise NormalisationError(f"{path}.verb: expected add, edited or remove", platform="wordpress")
    verb = _VERBS[raw_verb]
    comment_id = req_str(comment, "comment_ID", path)
    post_id = req_str(comment, "comment_post_ID", path)
    parent = opt_str(comment, "comment_parent", path)
    text = opt_str(comment, "comment_content", path) or ""
    created_at = _gmt(comment.get("comment_date_gmt"), f"{path}.comment_date_gmt")

    # Comment ids are per site, so the site goes into the event id: two sites never share one.
    object_key = f"{site_key(site)}/{comment_id}"
    edited_at = None
    if verb is Verb.EDITED:
        # WordPress keeps no edit time: the text tells edits apart, the receipt time stands for it.
        edited_at = received_at
        eid = event_id(Platform.WORDPRESS, object_key, verb, created_at, text)
    else:
        eid = event_id(Platform.WORDPRESS, object_key, verb, created_at)

    user_id = opt_str(comment, "user_id", path)
    name = opt_str(comment, "comment_author", path)
    registered = bool(user_id) and user_id != "0"
    author = Author(
        id=user_id if registered and user_id else pseudonym(site_key(site), (name or "").strip().lower()),
        display_name=name,
    )
    return build_event(
        path,
        event_id=eid,
        tenant=tenant.id,
        account_id=site,
        platform=Platform.WORDPRESS,
        verb=verb,
        object_id=comment_id,
        thread_id=post_id,
        parent_id=None if parent in (None, "", "0") else parent,
        author=author,
        text=text,
        url=_url(comment, path, comment_id),
        created_at=created_at,
        edited_at=edited_at,
        received_at=received_at,
        is_own_reply=registered and tenant.is_own(user_id),
    )


def _gmt(raw: Any, path: str) -> datetime:
    if isinstance(raw, str) and raw.startswith("0000-00-00"):
        raise NormalisationError(f"{path}: unset (0000-00-00)", platform="wordpress")
    return parse_time(raw, path, naive_is_utc=True)  # *_gmt columns are UTC without an offset


def _url(comment: Json, path: str, comment_id: str) -> str | None:
    link = opt_str(comment, "comment_link", path)
    if link and link.startswith(("https://", "http://")):
        return link
    post_url = opt_str(comment, "post_url", path)
    if post_url and post_url.startswith(("https://", "http://")):
        return f"{post_url.split('#')[0]}#comment-{comment_id}"
    return None
