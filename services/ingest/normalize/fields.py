"""Small typed readers for untrusted JSON: each failure says which field and why, not its content."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

from pydantic import ValidationError

from schemas import EventKind, SocialEvent, stable_id
from schemas.base import short_hash

from .errors import NormalisationError

Json = dict[str, Any]

_NUMERIC = re.compile(r"^-?\d+(\.\d+)?$")


def obj(value: Any, path: str) -> Json:
    if not isinstance(value, dict):
        raise NormalisationError(f"{path}: expected an object, got {_type(value)}")
    return value


def array(value: Any, path: str) -> list[Any]:
    if not isinstance(value, list):
        raise NormalisationError(f"{path}: expected an array, got {_type(value)}")
    return value


def opt_str(data: Json, key: str, path: str) -> str | None:
    """A string field; ids sent as JSON numbers are accepted as their decimal text."""
    value = data.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise NormalisationError(f"{path}.{key}: expected a string, got {_type(value)}")
    return str(value)


def req_str(data: Json, key: str, path: str) -> str:
    value = opt_str(data, key, path)
    if value is None or not value.strip():
        raise NormalisationError(f"{path}.{key}: required")
    return value


def parse_time(value: Any, path: str, *, naive_is_utc: bool = False) -> datetime:
    """Unix seconds (number or numeric string) or ISO 8601 (`Z`, `+0000` and `+00:00` offsets)."""
    if isinstance(value, bool) or value is None or value == "":
        raise NormalisationError(f"{path}: required timestamp")
    try:
        if isinstance(value, int | float) or (isinstance(value, str) and _NUMERIC.match(value.strip())):
            return datetime.fromtimestamp(float(value), UTC)
        if isinstance(value, str):
            parsed = datetime.fromisoformat(value.strip())
            if parsed.tzinfo is None:
                if not naive_is_utc:
                    raise NormalisationError(f"{path}: timestamp without a time zone")
                parsed = parsed.replace(tzinfo=UTC)
            return parsed.astimezone(UTC)
    except (ValueError, OverflowError, OSError) as error:
        if isinstance(error, NormalisationError):
            raise
        raise NormalisationError(f"{path}: not a valid timestamp") from None
    raise NormalisationError(f"{path}: expected a timestamp, got {_type(value)}")


def event_id(
    platform: str, object_id: str, verb: str, edit_time: datetime, content: str | None = None
) -> str:
    """`SocialEvent.make_id` with the edit time as UTC ISO text, the one spelling every source uses.

    `content` is added only where a source gives no edit time (WordPress edits), so that two edits of
    one comment still get two ids while a retry of the same edit gets the same one.
    """
    marker = edit_time.astimezone(UTC).isoformat()
    if content is not None:
        marker += "#" + short_hash(content)
    return SocialEvent.make_id(platform, object_id, verb, marker)


def pseudonym(*parts: str) -> str:
    """A stable id for an author the platform names but does not identify (no personal data in it)."""
    return "anon:" + stable_id("author", *parts)[:18]


def _type(value: Any) -> str:
    return {dict: "an object", list: "an array", str: "a string", bool: "a boolean"}.get(
        type(value), "null" if value is None else "a number"
    )


def build_event(path: str, **fields: Any) -> SocialEvent:
    """A SocialEvent from a webhook, its first validation problem turned into a NormalisationError."""
    fields.setdefault("kind", EventKind.COMMENT)
    fields.setdefault("source", "webhook")
    try:
        return SocialEvent(**fields)
    except ValidationError as error:
        raise NormalisationError(f"{path}: {describe(error)}", platform=fields.get("platform")) from None


def describe(error: ValidationError, limit: int = 3) -> str:
    """`loc: message` for the first few problems; pydantic's input values are left out on purpose."""
    items = error.errors()
    parts = [f"{'.'.join(str(p) for p in e['loc']) or '(root)'}: {e['msg']}" for e in items[:limit]]
    if len(items) > limit:
        parts.append(f"and {len(items) - limit} more")
    return "; ".join(parts)
