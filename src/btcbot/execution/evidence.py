"""Evidence about one order, from any source, as one domain event.

Every source — a submit or cancel reply, ``openOrders``, ``allOrders``, ``order/{id}``, user
trades, a private WS event — is turned into an :class:`Evidence` here, and the journal applies
all of them the same way (so WS and REST cannot disagree on what a report means).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from types import MappingProxyType

from btcbot.domain import OrderEvent, OrderRequest, OrderStatus
from btcbot.domain.money import ZERO
from btcbot.domain.slots import fast_init
from btcbot.exchange.events import OrderDeleteSeen, OrderInsertSeen, OrderSeen
from btcbot.exchange.reports import ExchangeOrder

_REPORTED = MappingProxyType(
    {
        OrderStatus.OPEN: OrderEvent.ACCEPTED,
        OrderStatus.PARTIALLY_FILLED: OrderEvent.PARTIAL_FILL,
        OrderStatus.FILLED: OrderEvent.FILL,
        OrderStatus.CANCELED: OrderEvent.CANCEL_CONFIRMED,
    }
)


@fast_init
@dataclass(frozen=True, slots=True)
class Evidence:
    """``filled_quantity`` is the cumulative BASE quantity when the source tells it."""

    event: OrderEvent
    source: str
    exchange_order_id: int | None = None
    filled_quantity: Decimal | None = None


def from_report(report: ExchangeOrder, request: OrderRequest, source: str) -> Evidence:
    """What an exchange order report proves (a market BUY reports quote, not base)."""
    event = _REPORTED.get(report.status)
    if event is None:
        raise ValueError(f"an exchange report cannot have status {report.status}")
    filled = None if request.is_market_buy else report.filled_quantity
    return Evidence(event, f"{source}:{report.status.value}", report.order_id, filled)


def from_fill_total(
    request: OrderRequest, exchange_order_id: int, total: Decimal, source: str
) -> Evidence:
    """Cumulative fills: complete when they reach the quantity (market BUYs: never by size;
    the exchange's status proves those)."""
    complete = not request.is_market_buy and total >= request.quantity
    event = OrderEvent.FILL if complete else OrderEvent.PARTIAL_FILL
    return Evidence(event, source, exchange_order_id, total)


def from_stream(seen: OrderSeen, request: OrderRequest) -> Evidence:
    """WS 451/441 prove the order exists; 452 proves it left the book (filled or canceled)."""
    if not isinstance(seen, OrderDeleteSeen):
        source = "ws_451" if isinstance(seen, OrderInsertSeen) else "ws_441"
        return Evidence(OrderEvent.ACCEPTED, source, seen.order_id)
    filled = None if request.is_market_buy else max(ZERO, request.quantity - seen.remaining)
    if seen.remaining <= ZERO:
        return Evidence(OrderEvent.FILL, "ws_452:filled", seen.order_id, filled)
    return Evidence(OrderEvent.CANCEL_CONFIRMED, "ws_452:canceled", seen.order_id, filled)


def same_order(request: OrderRequest, report: ExchangeOrder) -> bool:
    """Client ids are not unique on BTCTurk: symbol and side must agree too. (Not the price:
    a report may show the first fill's price instead of the limit, API_CONTRACT §3.2.)"""
    return report.side is request.side and report.symbol == request.symbol
