"""Why a parsed payload could not become SocialEvents (HTTP 422 and a dead letter)."""

from __future__ import annotations


class NormalisationError(ValueError):
    """Valid JSON that cannot be normalised. `reason` names the field, never its content."""

    def __init__(self, reason: str, *, platform: str | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.platform = platform


class UnknownTenantError(NormalisationError):
    """No tenant owns the page/account/site the payload is for (so there is no secret to check it)."""
