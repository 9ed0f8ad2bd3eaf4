"""Request authentication for ingest: webhook HMAC signatures and the API bearer token.

Every comparison goes through `hmac.compare_digest`, so the time taken does not reveal how much of a
forged signature was right. Failures raise `SignatureError`, whose message is a fixed sentence per
`SignatureFailure` (never the secret, never the expected digest): safe to return in a 401 body.

Headers by source:
- Meta (Facebook Page, Instagram): `X-Hub-Signature-256: sha256=<hex HMAC-SHA256(app secret, raw body)>`.
- X Account Activity: `x-twitter-webhooks-signature: sha256=<base64 HMAC-SHA256(consumer secret, raw body)>`;
  the CRC check (`GET ?crc_token=`) is answered with `x_crc_response`.
- WordPress (Vigie's own contract, WordPress has no native webhook signature):
  `X-Vigie-Signature: sha256=<hex HMAC-SHA256(wordpress_secret, raw body)>`, lower- or upper-case hex.
  In PHP: `'sha256=' . hash_hmac('sha256', $body, $secret)` over the exact bytes sent as the body.
- Canonical API: `Authorization: Bearer <api_token>`.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
from collections.abc import Mapping
from enum import StrEnum

META_HEADER = "X-Hub-Signature-256"
X_HEADER = "x-twitter-webhooks-signature"
WORDPRESS_HEADER = "X-Vigie-Signature"
PREFIX = "sha256="
_DIGEST_SIZE = hashlib.sha256().digest_size


class SignatureFailure(StrEnum):
    """Why a request was not authenticated (bounded: usable as a metric label)."""

    MISSING = "missing"
    WRONG_ALGORITHM = "wrong_algorithm"
    MALFORMED = "malformed"
    MISMATCH = "mismatch"
    NO_SECRET = "no_secret"


_MESSAGES = {
    SignatureFailure.MISSING: "missing signature or credentials",
    SignatureFailure.WRONG_ALGORITHM: "unsupported signature algorithm, expected sha256=",
    SignatureFailure.MALFORMED: "malformed signature or credentials",
    SignatureFailure.MISMATCH: "signature or credentials do not match",
    SignatureFailure.NO_SECRET: "no secret configured for this source",
}


class SignatureError(Exception):
    """Authentication failed; `str(error)` is safe to send back to the caller."""

    def __init__(self, failure: SignatureFailure) -> None:
        super().__init__(_MESSAGES[failure])
        self.failure = failure


def _hmac(secret: str, data: bytes) -> bytes:
    return hmac.new(secret.encode(), data, hashlib.sha256).digest()


def _split(header: str | None) -> str:
    """The digest part of `sha256=<digest>`, or the matching failure."""
    if header is None or not header.strip():
        raise SignatureError(SignatureFailure.MISSING)
    algorithm, sep, digest = header.strip().partition("=")
    if not sep or algorithm.lower() != "sha256":
        raise SignatureError(SignatureFailure.WRONG_ALGORITHM)
    if not digest:
        raise SignatureError(SignatureFailure.MALFORMED)
    return digest


def _decode_hex(digest: str) -> bytes:
    try:
        raw = bytes.fromhex(digest)
    except ValueError:
        raise SignatureError(SignatureFailure.MALFORMED) from None
    if len(raw) != _DIGEST_SIZE:
        raise SignatureError(SignatureFailure.MALFORMED)
    return raw


def _decode_base64(digest: str) -> bytes:
    try:
        raw = base64.b64decode(digest, validate=True)
    except (binascii.Error, ValueError):
        raise SignatureError(SignatureFailure.MALFORMED) from None
    if len(raw) != _DIGEST_SIZE:
        raise SignatureError(SignatureFailure.MALFORMED)
    return raw


def _check(expected: bytes, given: bytes) -> None:
    if not hmac.compare_digest(expected, given):
        raise SignatureError(SignatureFailure.MISMATCH)


def _require_secret(secret: str | None) -> str:
    if not secret:
        raise SignatureError(SignatureFailure.NO_SECRET)
    return secret


# --- Meta -------------------------------------------------------------------------------------------


def meta_signature(body: bytes, app_secret: str) -> str:
    """The `X-Hub-Signature-256` value Meta sends for `body` (also used by tests and tools)."""
    return PREFIX + _hmac(app_secret, body).hex()


def verify_meta(body: bytes, header: str | None, app_secret: str | None) -> None:
    """Raise `SignatureError` unless `header` is Meta's signature of the raw `body`."""
    digest = _split(header)
    secret = _require_secret(app_secret)
    _check(_hmac(secret, body), _decode_hex(digest))


# --- X ----------------------------------------------------------------------------------------------


def x_signature(body: bytes, consumer_secret: str) -> str:
    """The `x-twitter-webhooks-signature` value X sends for `body`."""
    return PREFIX + base64.b64encode(_hmac(consumer_secret, body)).decode()


def verify_x(body: bytes, header: str | None, consumer_secret: str | None) -> None:
    """Raise `SignatureError` unless `header` is X's signature of the raw `body`."""
    digest = _split(header)
    secret = _require_secret(consumer_secret)
    _check(_hmac(secret, body), _decode_base64(digest))


def x_crc_response(crc_token: str, consumer_secret: str | None) -> dict[str, str]:
    """JSON body answering X's challenge-response check (`GET /webhooks/x?crc_token=...`)."""
    if not crc_token:
        raise SignatureError(SignatureFailure.MISSING)
    secret = _require_secret(consumer_secret)
    return {"response_token": PREFIX + base64.b64encode(_hmac(secret, crc_token.encode())).decode()}


# --- WordPress --------------------------------------------------------------------------------------


def wordpress_signature(body: bytes, secret: str) -> str:
    """The `X-Vigie-Signature` value a WordPress site must send for `body`."""
    return PREFIX + _hmac(secret, body).hex()


def verify_wordpress(body: bytes, header: str | None, secret: str | None) -> None:
    """Raise `SignatureError` unless `header` is the HMAC of the raw `body` with the site's secret."""
    digest = _split(header)
    key = _require_secret(secret)
    _check(_hmac(key, body), _decode_hex(digest))


# --- Canonical API bearer token ---------------------------------------------------------------------


def _bearer(authorization: str | None) -> bytes:
    if authorization is None or not authorization.strip():
        raise SignatureError(SignatureFailure.MISSING)
    scheme, _, token = authorization.strip().partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise SignatureError(SignatureFailure.MALFORMED)
    return token.strip().encode()


def verify_bearer(authorization: str | None, token: str | None) -> None:
    """Raise `SignatureError` unless `authorization` is `Bearer <token>`."""
    given = _bearer(authorization)
    expected = _require_secret(token)
    _check(expected.encode(), given)


def authenticate_bearer(authorization: str | None, tokens: Mapping[str, str | None]) -> str:
    """The tenant whose API token is presented (`tokens`: tenant → token).

    Every configured token is compared, with no early exit, so timing does not reveal which tenant
    (or how many) a guessed token came close to.
    """
    given = _bearer(authorization)
    match: str | None = None
    for tenant, token in tokens.items():
        if token and hmac.compare_digest(token.encode(), given) and match is None:
            match = tenant
    if match is None:
        raise SignatureError(SignatureFailure.MISMATCH)
    return match
