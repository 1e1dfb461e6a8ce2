"""What an exchange reports back to the core: acknowledgements and order reports.

These are the port's own types: the BTCTurk adapter, the paper executor and the replay
executor all speak them, so the OMS never sees a venue's wire format.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from btcbot.domain import OrderMethod, OrderStatus, Side, Symbol


@dataclass(frozen=True, slots=True)
class SubmitAck:
    """The exchange accepted a submit and named the order."""

    exchange_order_id: int
    client_order_id: str
    timestamp_ms: int


@dataclass(frozen=True, slots=True)
class OrderReport:
    """The exchange's view of one order (open, recent, or looked up by id).

    ``status`` is already mapped to the domain vocabulary: ``OPEN``, ``PARTIALLY_FILLED``,
    ``FILLED`` or ``CANCELED``.
    """

    exchange_order_id: int
    client_order_id: str | None
    symbol: Symbol
    side: Side
    method: OrderMethod
    price: Decimal
    quantity: Decimal
    left_quantity: Decimal
    status: OrderStatus
    updated_ms: int

    @property
    def filled_quantity(self) -> Decimal:
        return self.quantity - self.left_quantity
