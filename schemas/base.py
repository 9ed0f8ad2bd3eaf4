"""Shared building blocks for every Vigie record: base model, UTC datetimes, deterministic ids."""

from __future__ import annotations

import hashlib
import uuid
from datetime import UTC, datetime
from typing import Annotated, Any, ClassVar

from pydantic import AfterValidator, AwareDatetime, BaseModel, ConfigDict

# Namespace for every uuid5 Vigie derives, so that ids are stable across processes and versions.
VIGIE_NAMESPACE = uuid.UUID("6f1c2a9e-3d4b-5c6d-8e7f-90a1b2c3d4e5")


def _to_utc(value: datetime) -> datetime:
    return value.astimezone(UTC)


# Timezone-aware input is required (naive datetimes are rejected); stored and emitted as UTC.
UtcDatetime = Annotated[AwareDatetime, AfterValidator(_to_utc)]


def utc_now() -> datetime:
    return datetime.now(UTC)


def stable_id(*parts: object) -> str:
    """A uuid5 over the parts: the same inputs always give the same id, so retries are harmless."""
    return str(uuid.uuid5(VIGIE_NAMESPACE, "\x1f".join(str(p) for p in parts)))


def short_hash(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:16]


class VigieRecord(BaseModel):
    """Base of every record on a topic.

    Consumers tolerate fields added by a newer producer (`extra="ignore"`); producers can only emit
    the declared fields because they serialise the model itself.
    """

    model_config = ConfigDict(extra="ignore", frozen=True, populate_by_name=True)

    # Name and major version published in the `vigie-schema` header and the JSON Schema files.
    SCHEMA_NAME: ClassVar[str]
    SCHEMA_VERSION: ClassVar[int] = 1

    def to_json_bytes(self) -> bytes:
        return self.model_dump_json().encode()

    @classmethod
    def from_json_bytes(cls, raw: bytes | str) -> Any:
        return cls.model_validate_json(raw)

    @classmethod
    def schema_header(cls) -> str:
        return f"{cls.SCHEMA_NAME}/v{cls.SCHEMA_VERSION}"
