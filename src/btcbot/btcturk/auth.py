"""BTCTurk request signing (API_CONTRACT §2).

REST: ``X-Signature = base64(HMAC-SHA256(base64decode(secret), publicKey + stampMs))`` —
nothing else is signed. WebSocket login (type 114) signs ``publicKey + str(nonce)`` with the same
key. The secret is held as a :class:`Secret` so it never prints, logs or pickles in clear.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
from dataclasses import dataclass, field


class Secret:
    """A credential that renders as ``***`` everywhere except :meth:`reveal`."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def reveal(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return "Secret('***')"

    def __str__(self) -> str:
        return "***"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Secret) and hmac.compare_digest(self._value, other._value)

    def __hash__(self) -> int:
        return hash(("Secret", len(self._value)))

    def __reduce__(self) -> tuple[object, ...]:
        raise TypeError("a Secret cannot be pickled")


class CredentialsError(ValueError):
    """The API key pair is malformed (the message never contains the secret)."""


@dataclass(frozen=True, slots=True)
class Credentials:
    api_key: str
    api_secret: Secret = field(repr=False)
    _key_bytes: bytes = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self.api_key.strip():
            raise CredentialsError(
                "BTCTURK_API_KEY is empty: set the public key of your API key pair"
            )
        try:
            key_bytes = base64.b64decode(self.api_secret.reveal(), validate=True)
        except (binascii.Error, ValueError):
            raise CredentialsError(
                "BTCTURK_API_SECRET is not valid base64: paste the private key exactly as "
                "BTCTurk showed it"
            ) from None
        if not key_bytes:
            raise CredentialsError("BTCTURK_API_SECRET is empty")
        object.__setattr__(self, "_key_bytes", key_bytes)

    def sign(self, message: str) -> str:
        digest = hmac.new(self._key_bytes, message.encode(), hashlib.sha256).digest()
        return base64.b64encode(digest).decode()

    def rest_headers(self, stamp_ms: int) -> dict[str, str]:
        """Headers for a private REST call stamped at ``stamp_ms`` (server-clock ms)."""
        return {
            "X-PCK": self.api_key,
            "X-Stamp": str(stamp_ms),
            "X-Signature": self.sign(f"{self.api_key}{stamp_ms}"),
        }

    def ws_login_payload(self, timestamp_ms: int, nonce: int) -> dict[str, object]:
        """Body of the ``[114, {...}]`` login frame: the signature covers key + nonce."""
        return {
            "type": 114,
            "publicKey": self.api_key,
            "timestamp": timestamp_ms,
            "nonce": nonce,
            "signature": self.sign(f"{self.api_key}{nonce}"),
        }
