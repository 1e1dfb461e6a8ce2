"""What an exchange reports about our orders, in domain units (reconciliation input).

These are the exchange port's own types: the BTCTurk adapter, the paper executor and the replay
executor all produce them, so the OMS never sees a venue's wire format.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from btcbot.domain.money import ZERO
from btcbot.domain.orders import OrderMethod, OrderStatus, Side
from btcbot.domain.slots import fast_init
from btcbot.domain.symbols import Symbol


@fast_init
@dataclass(frozen=True, slots=True)
class ExchangeOrder:
    """One order as ``order/{id}``, ``openOrders`` or ``allOrders`` shows it.

    The raw venue name of ``method`` stays in ``venue_method``. ``price`` is only the first
    fill's price for a multi-fill order (API_CONTRACT §3.2): use fills for execution prices;
    an untriggered stop-market shows its stop price there. ``stop_price`` is ``None`` unless
    the order is a stop order (the venue reports ``"0"`` for the others).
    """

    order_id: int
    client_order_id: str | None
    symbol: Symbol
    side: Side
    method: OrderMethod
    venue_method: str
    status: OrderStatus
    price: Decimal
    quantity: Decimal
    left_amount: Decimal
    stop_price: Decimal | None
    created_ms: int | None
    updated_ms: int | None

    @property
    def filled_quantity(self) -> Decimal:
        return max(ZERO, self.quantity - self.left_amount)


@fast_init
@dataclass(frozen=True, slots=True)
class SubmitAck:
    """HTTP 200 to ``POST /api/v1/order``: the order exists with ``order_id``."""

    order_id: int
    client_order_id: str | None
    symbol: Symbol
    side: Side
    method: OrderMethod
    price: Decimal | None
    quantity: Decimal
    timestamp_ms: int | None


@dataclass(frozen=True, slots=True)
class CancelAck:
    """HTTP 200 to ``DELETE /api/v1/order``: the request was RECEIVED, nothing more.

    Since 2024-04-01 BTCTurk cancels asynchronously; the order may still fill. The truth is
    WS 452 or the order's status from ``order/{id}`` (API_CONTRACT §7).
    """

    order_id: int
    message: str | None
