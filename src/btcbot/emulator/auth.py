"""HMAC authentication of REST (X-PCK / X-Stamp / X-Signature) and WS login (type 114).

REST: ``X-Signature = base64(HMAC-SHA256(base64decode(secret), publicKey + stampMs))`` and the
stamp must be within ±5000 ms of the emulator clock (API_CONTRACT.md §2.1).
WS: the same HMAC over ``publicKey + str(nonce)`` (§2.2).
"""

import base64
import binascii
import hashlib
import hmac
from dataclasses import dataclass

STAMP_TOLERANCE_MS = 5000

INVALID_NONCE = "Unauthorized - Invalid Nonce"
INVALID_SIGNATURE = "Unauthorized - Invalid Signature"
INVALID_PUBLIC_KEY = "Unauthorized - Invalid Public key"
HEADERS_MISSING = "Unauthorized - Headers are missing"


def sign(public_key: str, secret_b64: str, message_suffix: str) -> str:
    """``base64(HMAC-SHA256(base64decode(secret), public_key + message_suffix))``."""
    key = base64.b64decode(secret_b64)
    digest = hmac.new(key, (public_key + message_suffix).encode(), hashlib.sha256).digest()
    return base64.b64encode(digest).decode()


def signature_matches(public_key: str, secret_b64: str, suffix: str, signature: str) -> bool:
    try:
        expected = sign(public_key, secret_b64, suffix)
    except (binascii.Error, ValueError):
        return False
    return hmac.compare_digest(expected, signature)


@dataclass(frozen=True)
class RestCredentials:
    public_key: str
    stamp: str
    signature: str


def check_rest(creds: RestCredentials, secret_b64: str | None, now_ms: int) -> str | None:
    """None when the request is authentic, else the BTCTurk 401 message."""
    if secret_b64 is None:
        return INVALID_PUBLIC_KEY
    try:
        stamp = int(creds.stamp)
    except ValueError:
        return INVALID_NONCE
    if abs(stamp - now_ms) > STAMP_TOLERANCE_MS:
        return INVALID_NONCE
    if not signature_matches(creds.public_key, secret_b64, creds.stamp, creds.signature):
        return INVALID_SIGNATURE
    return None
