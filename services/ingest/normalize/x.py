"""X Account Activity API deliveries → SocialEvents.

`{"for_user_id": "...", "tweet_create_events": [{"id_str", "text", "truncated", "extended_tweet":
{"full_text"}, "user": {"id_str", "screen_name", "name", "followers_count", "verified"}, "created_at":
"Wed Oct 10 20:19:24 +0000 2018", "in_reply_to_status_id_str", "in_reply_to_user_id_str", "lang"}]}`.
Other activity (likes, follows, deletes, DMs) is skipped. A reply is a `comment`, any other tweet that
reaches the account (a mention, a quote) is a `mention`. Tweets by the account itself are its own
replies; its own top-level tweets and all retweets carry no comment and are skipped.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from schemas import Author, EventKind, Platform, SocialEvent, Verb
from services.ingest.tenants import Tenant, TenantRegistry

from .errors import NormalisationError, UnknownTenantError
from .fields import Json, array, build_event, event_id, obj, opt_str, req_str

_MONTHS = {
    m: i
    for i, m in enumerate(
        ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"), start=1
    )
}


def parse_x_time(raw: str) -> datetime:
    """`Wed Oct 10 20:19:24 +0000 2018`, parsed without strptime so the process locale cannot matter."""
    _, month, day, clock, offset, year = raw.split()
    return datetime.fromisoformat(f"{year}-{_MONTHS[month]:02d}-{int(day):02d}T{clock}{offset}").astimezone(
        UTC
    )


def x_tenant(payload: Any, registry: TenantRegistry) -> Tenant:
    """The tenant whose account `for_user_id` is (its consumer secret signed the body)."""
    user_id = req_str(obj(payload, "payload"), "for_user_id", "payload")
    tenant = registry.by_x_user(user_id)
    if tenant is None:
        raise UnknownTenantError("for_user_id: no tenant has this X account", platform="x")
    return tenant


def normalise_x(payload: Any, registry: TenantRegistry, received_at: datetime) -> list[SocialEvent]:
    body = obj(payload, "payload")
    tenant = x_tenant(body, registry)
    for_user_id = req_str(body, "for_user_id", "payload")
    events = []
    for i, raw in enumerate(array(body.get("tweet_create_events", []), "tweet_create_events")):
        event = _tweet(obj(raw, f"tweet_create_events[{i}]"), tenant, for_user_id, received_at, i)
        if event is not None:
            events.append(event)
    return events


def _tweet(
    tweet: Json, tenant: Tenant, for_user_id: str, received_at: datetime, i: int
) -> SocialEvent | None:
    path = f"tweet_create_events[{i}]"
    if "retweeted_status" in tweet:
        return None  # a retweet adds no words of its own
    tweet_id = opt_str(tweet, "id_str", path) or req_str(tweet, "id", path)
    user = obj(tweet.get("user"), f"{path}.user")
    upath = f"{path}.user"
    author_id = opt_str(user, "id_str", upath) or req_str(user, "id", upath)
    screen_name = opt_str(user, "screen_name", upath)
    reply_to = opt_str(tweet, "in_reply_to_status_id_str", path)
    own = author_id == for_user_id or tenant.is_own(author_id)
    if own and not reply_to:
        return None  # the organisation's own post starts a thread; it is not a comment on one
    created_at = _created_at(tweet, path)
    return build_event(
        path,
        event_id=event_id(Platform.X, tweet_id, Verb.ADD, created_at),
        tenant=tenant.id,
        account_id=for_user_id,
        platform=Platform.X,
        kind=EventKind.COMMENT if reply_to else EventKind.MENTION,
        object_id=tweet_id,
        # The conversation root when X gives it; otherwise the tweet answered (or the tweet itself).
        thread_id=opt_str(tweet, "conversation_id_str", path)
        or opt_str(tweet, "conversation_id", path)
        or reply_to
        or tweet_id,
        parent_id=reply_to,
        author=Author(
            id=author_id,
            handle=screen_name,
            display_name=opt_str(user, "name", upath),
            followers=_followers(user, upath),
            verified=user.get("verified") is True,
        ),
        text=_text(tweet, path),
        url=f"https://x.com/{screen_name or 'i/web'}/status/{tweet_id}",
        lang_hint=_lang(tweet),
        created_at=created_at,
        received_at=received_at,
        is_own_reply=own,
    )


def _text(tweet: Json, path: str) -> str:
    """Long tweets arrive truncated in `text`, whole in `extended_tweet.full_text`."""
    extended = tweet.get("extended_tweet")
    if isinstance(extended, dict) and opt_str(extended, "full_text", f"{path}.extended_tweet"):
        return str(extended["full_text"])
    return opt_str(tweet, "full_text", path) or opt_str(tweet, "text", path) or ""


def _created_at(tweet: Json, path: str) -> datetime:
    raw = tweet.get("created_at")
    if isinstance(raw, str):
        try:
            return parse_x_time(raw)
        except (ValueError, KeyError):
            raise NormalisationError(
                f"{path}.created_at: expected like 'Wed Oct 10 20:19:24 +0000 2018'", platform="x"
            ) from None
    millis = opt_str(tweet, "timestamp_ms", path)
    if millis and millis.isdigit():
        return datetime.fromtimestamp(int(millis) / 1000, UTC)
    raise NormalisationError(f"{path}.created_at: required", platform="x")


def _followers(user: Json, path: str) -> int | None:
    value = user.get("followers_count")
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise NormalisationError(f"{path}.followers_count: expected a non-negative integer", platform="x")
    return value


def _lang(tweet: Json) -> str | None:
    lang = tweet.get("lang")
    return lang if isinstance(lang, str) and lang and lang != "und" else None
