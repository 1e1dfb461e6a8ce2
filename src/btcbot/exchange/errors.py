"""The outcome taxonomy of the exchange port (RELIABILITY.md "Outcome taxonomy").

Every exchange the core talks to (the BTCTurk adapter, the paper and replay venues) raises
these, and the core (OMS, reconciliation, runtime) reacts to them by class alone. Which venue
answer maps to which class is the adapter's business (BTCTurk's message tables and
classification: :mod:`btcbot.btcturk.errors`, :mod:`btcbot.btcturk.classify`).

::

    ExchangeError
    ├── DefinitiveReject ........ the exchange certainly did NOT act (safe to mark REJECTED)
    │   ├── BusinessReject ...... HTTP 400 + message (FAILED_MIN_TOTAL_AMOUNT, ...)
    │   │   └── OrderNotFound ... NO_ORDER_MATCHES_YOUR_REQUEST / "Order not found"
    │   ├── AuthError ........... HTTP 401 "Unauthorized - ..." (checked before any processing)
    │   │   └── InvalidNonce .... X-Stamp outside ±5 s: resync the clock, then re-sign
    │   ├── NotSent * ........... connect failed: the request never left this machine
    │   └── RateLimited * ....... HTTP 429: refused unprocessed; ``retry_after`` seconds
    ├── OutcomeUnknown .......... a MUTATING call may or may not have taken effect:
    │                             timeout/reset after send, 5xx, unparsable body.
    │                             Keep the order IN_FLIGHT and resolve it by evidence.
    └── RetryableError .......... transient; trying again later is safe
        ├── ServerError ......... 5xx / 503 maintenance on a READ
        ├── TransportFailure .... timeout / reset on a READ
        ├── MalformedResponse ... a READ answered with a body we cannot parse
        ├── NotSent *
        └── RateLimited *

    * in both branches: nothing happened at the exchange AND the caller may try again later.

Exception texts carry the HTTP status, the endpoint path and the venue message, never
headers, keys or signatures.
"""

from __future__ import annotations

__all__ = [
    "AuthError",
    "BusinessReject",
    "DefinitiveReject",
    "ExchangeError",
    "InvalidNonce",
    "MalformedResponse",
    "NotSent",
    "OrderNotFound",
    "OutcomeUnknown",
    "RateLimited",
    "RetryableError",
    "ServerError",
    "TransportFailure",
]


class ExchangeError(Exception):
    """Base of every error an exchange (the BTCTurk adapter, the paper and replay venues)
    raises through the port."""

    def __init__(
        self, detail: str, *, reason: str | None = None, http_status: int | None = None
    ) -> None:
        super().__init__(detail)
        self.detail = detail
        self.reason = reason
        self.http_status = http_status


class DefinitiveReject(ExchangeError):
    """The exchange (or the client before sending) positively did not act on the request."""


class BusinessReject(DefinitiveReject):
    """A business rule refused the request; ``reason`` is the venue message, e.g.
    ``FAILED_MIN_TOTAL_AMOUNT``."""


class OrderNotFound(BusinessReject):
    """The order id is unknown to the exchange (cancel or single-order query)."""


class AuthError(DefinitiveReject):
    """HTTP 401: key, signature, permission or IP whitelist problem. Never retried blindly."""


class InvalidNonce(AuthError):
    """``Unauthorized - Invalid Nonce``: our stamp drifted; resync the server clock."""


class OutcomeUnknown(ExchangeError):
    """A mutating call whose effect is unknown. Never 'failed': resolve by evidence."""


class RetryableError(ExchangeError):
    """A transient failure of a call that may safely be repeated."""


class ServerError(RetryableError):
    """HTTP 5xx on a read."""


class TransportFailure(RetryableError):
    """Timeout or connection failure on a read."""


class MalformedResponse(RetryableError):
    """A read whose body did not match the documented schema."""


class NotSent(RetryableError, DefinitiveReject):
    """The connection could not be established (refused, DNS, TLS, connect/pool timeout).

    No byte of the request reached the exchange, so a submit is certainly not placed.
    """


class RateLimited(RetryableError, DefinitiveReject):
    """HTTP 429 ``TOO_MANY_REQUESTS``: refused before processing; wait ``retry_after``."""

    def __init__(
        self,
        detail: str,
        *,
        retry_after: float,
        reason: str | None = "TOO_MANY_REQUESTS",
        http_status: int | None = 429,
    ) -> None:
        super().__init__(detail, reason=reason, http_status=http_status)
        self.retry_after = retry_after
