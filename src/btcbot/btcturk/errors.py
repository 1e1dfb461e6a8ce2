"""BTCTurk's side of the outcome taxonomy: which venue ``message`` means which port error.

The classes live in the exchange port (:mod:`btcbot.exchange.errors`, the tree); this module
holds the messages BTCTurk answers with and :func:`reject_for_message`, which turns a 4xx or
``success:false`` message into the definitive error it names (:mod:`btcbot.btcturk.classify`
applies it to HTTP outcomes).

Classification keys on the ``message`` string, never on the integer ``code``: BTCTurk
renumbered its codes in 2024 (API_CONTRACT §4.2).
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

from btcbot.exchange.errors import (
    AuthError,
    BusinessReject,
    DefinitiveReject,
    InvalidNonce,
    OrderNotFound,
)

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
