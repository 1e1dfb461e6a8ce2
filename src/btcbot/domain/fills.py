"""Fills (user trades): the only source of truth for what an order did."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from btcbot.domain.orders import Side
from btcbot.domain.slots import fast_init
from btcbot.domain.symbols import Symbol


@fast_init
@dataclass(frozen=True, slots=True)
class Fill:
    """One execution of one of our orders.

    ``trade_id`` exceeds 2**53 on BTCTurk, so it is an ``int`` end to end (never a float).
    ``quantity`` is the positive base amount; ``fee`` and ``tax`` are positive amounts in the
    quote (denominator) currency, whatever sign the wire used.
    """

    trade_id: int
    order_id: int
    client_order_id: str | None
    symbol: Symbol
    side: Side
    price: Decimal
    quantity: Decimal
    fee: Decimal
    tax: Decimal
    timestamp_ms: int

    @property
    def notional(self) -> Decimal:
        return self.price * self.quantity

    @property
    def cost(self) -> Decimal:
        """Fee plus tax, in quote currency."""
        return self.fee + self.tax
