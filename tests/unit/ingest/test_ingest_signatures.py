"""Signature and token checks. Expected values are computed here independently of the module."""

from __future__ import annotations

import base64
import hashlib
import hmac
from collections.abc import Callable

import pytest

from services.ingest.signatures import (
    SignatureError,
    SignatureFailure,
    authenticate_bearer,
    meta_signature,
    verify_bearer,
    verify_meta,
    verify_wordpress,
    verify_x,
    wordpress_signature,
    x_crc_response,
    x_signature,
)

SECRET = "app-secret-4f1c9e"
BODY = b'{"object":"page","entry":[{"id":"105360279071416","time":1795818603,"changes":[]}]}'


def hex_hmac(secret: str, body: bytes) -> str:
    return hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def b64_hmac(secret: str, body: bytes) -> str:
    return base64.b64encode(hmac.new(secret.encode(), body, hashlib.sha256).digest()).decode()


def failure(call: Callable[[], object]) -> SignatureFailure:
    with pytest.raises(SignatureError) as caught:
        call()
    return caught.value.failure


# --- Meta -------------------------------------------------------------------------------------------


def test_meta_valid_signature_passes() -> None:
    verify_meta(BODY, "sha256=" + hex_hmac(SECRET, BODY), SECRET)
    verify_meta(BODY, "sha256=" + hex_hmac(SECRET, BODY).upper(), SECRET)  # hex case is not meaningful
    assert meta_signature(BODY, SECRET) == "sha256=" + hex_hmac(SECRET, BODY)


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (None, SignatureFailure.MISSING),
        ("", SignatureFailure.MISSING),
        ("   ", SignatureFailure.MISSING),
        ("sha1=" + hashlib.sha1(BODY).hexdigest(), SignatureFailure.WRONG_ALGORITHM),
        (hex_hmac(SECRET, BODY), SignatureFailure.WRONG_ALGORITHM),  # no algorithm prefix at all
        ("sha256=", SignatureFailure.MALFORMED),
        ("sha256=zz" + hex_hmac(SECRET, BODY)[2:], SignatureFailure.MALFORMED),
        ("sha256=" + hex_hmac(SECRET, BODY)[:-2], SignatureFailure.MALFORMED),  # truncated digest
        ("sha256=" + b64_hmac(SECRET, BODY), SignatureFailure.MALFORMED),  # base64 where hex is due
        ("sha256=" + hex_hmac("another-secret", BODY), SignatureFailure.MISMATCH),
    ],
)
def test_meta_rejects_bad_headers(header: str | None, expected: SignatureFailure) -> None:
    assert failure(lambda: verify_meta(BODY, header, SECRET)) is expected


def test_meta_rejects_tampered_body() -> None:
    header = "sha256=" + hex_hmac(SECRET, BODY)
    tampered = BODY.replace(b"105360279071416", b"105360279071417")
    assert failure(lambda: verify_meta(tampered, header, SECRET)) is SignatureFailure.MISMATCH
    # Re-serialising the JSON (other whitespace) is tampering too: the raw bytes are what is signed.
    assert (
        failure(lambda: verify_meta(BODY.replace(b",", b", "), header, SECRET)) is SignatureFailure.MISMATCH
    )


def test_meta_without_configured_secret_fails_closed() -> None:
    header = "sha256=" + hex_hmac("", BODY)  # what an attacker could sign if an empty secret were used
    assert failure(lambda: verify_meta(BODY, header, None)) is SignatureFailure.NO_SECRET
    assert failure(lambda: verify_meta(BODY, header, "")) is SignatureFailure.NO_SECRET


def test_error_message_is_safe_for_a_401_body() -> None:
    with pytest.raises(SignatureError) as caught:
        verify_meta(BODY, "sha256=" + "0" * 64, SECRET)
    message = str(caught.value)
    assert SECRET not in message
    assert hex_hmac(SECRET, BODY) not in message
    assert message == "signature or credentials do not match"


# --- X ----------------------------------------------------------------------------------------------


def test_x_valid_signature_passes() -> None:
    verify_x(BODY, "sha256=" + b64_hmac(SECRET, BODY), SECRET)
    assert x_signature(BODY, SECRET) == "sha256=" + b64_hmac(SECRET, BODY)


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (None, SignatureFailure.MISSING),
        ("sha1=" + base64.b64encode(hashlib.sha1(BODY).digest()).decode(), SignatureFailure.WRONG_ALGORITHM),
        ("sha256=" + hex_hmac(SECRET, BODY), SignatureFailure.MALFORMED),  # hex where base64 is due
        ("sha256=not*base64!", SignatureFailure.MALFORMED),
        ("sha256=" + b64_hmac("another-secret", BODY), SignatureFailure.MISMATCH),
    ],
)
def test_x_rejects_bad_headers(header: str | None, expected: SignatureFailure) -> None:
    assert failure(lambda: verify_x(BODY, header, SECRET)) is expected


def test_x_rejects_tampered_body() -> None:
    header = "sha256=" + b64_hmac(SECRET, BODY)
    assert failure(lambda: verify_x(BODY + b" ", header, SECRET)) is SignatureFailure.MISMATCH


def test_x_crc_response_matches_an_independently_computed_vector() -> None:
    consumer_secret = "kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw"
    crc_token = "9b4507b3-9040-4669-9ff0-ecb0e3e3d3d0"
    digest = hmac.new(consumer_secret.encode(), crc_token.encode(), hashlib.sha256).digest()
    expected = "sha256=" + base64.b64encode(digest).decode()
    assert x_crc_response(crc_token, consumer_secret) == {"response_token": expected}
    # Known-answer check of the primitive itself, so a broken helper above cannot hide a broken one here.
    assert hmac.new(b"key", b"The quick brown fox jumps over the lazy dog", hashlib.sha256).hexdigest() == (
        "f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8"
    )


def test_x_crc_without_token_or_secret_is_refused() -> None:
    assert failure(lambda: x_crc_response("", SECRET)) is SignatureFailure.MISSING
    assert failure(lambda: x_crc_response("abc", None)) is SignatureFailure.NO_SECRET


# --- WordPress --------------------------------------------------------------------------------------


def test_wordpress_signature_round_trip_and_failures() -> None:
    header = "sha256=" + hex_hmac(SECRET, BODY)
    verify_wordpress(BODY, header, SECRET)
    assert wordpress_signature(BODY, SECRET) == header
    assert failure(lambda: verify_wordpress(BODY, None, SECRET)) is SignatureFailure.MISSING
    assert failure(lambda: verify_wordpress(BODY, "md5=abc", SECRET)) is SignatureFailure.WRONG_ALGORITHM
    assert failure(lambda: verify_wordpress(BODY + b"x", header, SECRET)) is SignatureFailure.MISMATCH
    assert failure(lambda: verify_wordpress(BODY, header, "other")) is SignatureFailure.MISMATCH


# --- Bearer token -----------------------------------------------------------------------------------


def test_bearer_token() -> None:
    verify_bearer("Bearer tok-123", "tok-123")
    verify_bearer("bearer   tok-123  ", "tok-123")
    assert failure(lambda: verify_bearer(None, "tok-123")) is SignatureFailure.MISSING
    assert failure(lambda: verify_bearer("Basic dXNlcjpwYXNz", "tok-123")) is SignatureFailure.MALFORMED
    assert failure(lambda: verify_bearer("Bearer", "tok-123")) is SignatureFailure.MALFORMED
    assert failure(lambda: verify_bearer("Bearer tok-124", "tok-123")) is SignatureFailure.MISMATCH
    assert failure(lambda: verify_bearer("Bearer tok-123", None)) is SignatureFailure.NO_SECRET


def test_authenticate_bearer_finds_the_tenant_and_skips_unset_tokens() -> None:
    tokens: dict[str, str | None] = {"acme": "tok-acme", "globex": "tok-globex", "initech": None}
    assert authenticate_bearer("Bearer tok-globex", tokens) == "globex"
    assert failure(lambda: authenticate_bearer("Bearer tok-nobody", tokens)) is SignatureFailure.MISMATCH
    assert failure(lambda: authenticate_bearer("Bearer ", tokens)) is SignatureFailure.MALFORMED
    assert failure(lambda: authenticate_bearer("Bearer x", {})) is SignatureFailure.MISMATCH
