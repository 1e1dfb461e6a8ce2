"""One error taxonomy for every BTCTurk call (RELIABILITY.md "Outcome taxonomy").

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

Classification keys on the ``message`` string, never on the integer ``code``: BTCTurk
renumbered its codes in 2024 (API_CONTRACT §4.2). Exception texts carry the HTTP status,
the endpoint path and the venue message, never headers, keys or signatures.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

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
    """Base of every error the BTCTurk adapter raises."""

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


# Venue messages (API_CONTRACT §4.2, §3.2) that mean "this order/id does not exist".
NOT_FOUND_MESSAGES: Final = frozenset(
    {"NO_ORDER_MATCHES_YOUR_REQUEST", "ORDER NOT FOUND", "ORDER_NOT_FOUND"}
)

# Documented business refusals. Unknown 4xx messages are still BusinessReject; this table
# exists so that a reader (and a test) can see which names we have met and why.
KNOWN_REJECTS: Final[Mapping[str, str]] = MappingProxyType(
    {
        "FAILED_ORDER_PARAMETER": "malformed order parameters",
        "PARAMETERS_ERROR": "malformed parameters",
        "BALANCE_NOT_ENOUGH": "insufficient balance",
        "BALANCE_NOT_ENOUGH_WITHOUT_OPEN_ORDERS": "insufficient balance",
        "FAILED_ORDER_WITH_OPEN_ORDERS": "insufficient free balance (the usual reply)",
        "FAILED_MIN_TOTAL_AMOUNT": "quantity x price below minExchangeValue",
        "MIN_TOTAL": "below minimum total (old name)",
        "FAILED_MARKET_ORDER": "market orders closed for the pair",
        "FAILED_LIMIT_ORDER": "limit order refused",
        "FAILED_STOP_PRICE_GREATER_THAN_BEST_ASK": "stop price above best ask",
        "FAILED_STOP_PRICE_LESS_THAN_BEST_BID": "stop price below best bid",
        "STOP_PRICE_GREATER_THAN_MARKET": "stop price above market",
        "STOP_PRICE_LESS_THAN_MARKET": "stop price below market",
        "FAILED_INVALID_PRICE_SCALE": "too many price decimals",
        "FAILED_INVALID_QUANTITY_SCALE": "too many quantity decimals",
        "FAILED_INVALID_STOP_PRICE_SCALE": "too many stop price decimals",
        "ORDER_METHOD_NOT_SUPPORTED": "order method not supported",
        "ORDER_TYPE_NOT_SUPPORTED": "order type not supported",
        "PRICE_MUST_BE_LESS_THAN_MAXPRICE": "price above PRICE_FILTER maxPrice",
        "PRICE_MUST_BE_LESS_THAN_MINPRICE": "price outside PRICE_FILTER band",
        "ORDER_MIN_PRICE_EXCEEDED": "price below 1/10 of the current price",
        "ORDER_MAX_PRICE_EXCEEDED": "price above 10x the current price",
        "MAXIMUM_ORDER_AMOUNT_EXCEEDED": "quantity above maximumOrderAmount",
        "NO_ORDER_MATCHES_YOUR_REQUEST": "unknown order id",
        "ORDER_COULD_NOT_BE_CANCELED": "order already closed, market, or not cancelable",
        "ORDER_CANCEL_BLOCKED": "pair under maintenance: cancels blocked",
        "Order not found": "unknown order id",
    }
)

INVALID_NONCE: Final = "Unauthorized - Invalid Nonce"
TOO_MANY_REQUESTS: Final = "TOO_MANY_REQUESTS"


def reject_for_message(message: str, *, http_status: int | None, where: str) -> DefinitiveReject:
    """The definitive error a venue ``message`` names (used for 4xx and ``success:false``)."""
    detail = f"{where}: HTTP {http_status} {message}"
    text = message.strip()
    if text.lower().startswith("unauthorized"):
        cls: type[AuthError] = InvalidNonce if text == INVALID_NONCE else AuthError
        return cls(detail, reason=text, http_status=http_status)
    if text.upper() in NOT_FOUND_MESSAGES:
        return OrderNotFound(detail, reason=text, http_status=http_status)
    return BusinessReject(detail, reason=text, http_status=http_status)
