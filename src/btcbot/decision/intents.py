"""What a strategy wants, before risk limits and exchange rules."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from btcbot.domain import Side, Symbol
from btcbot.domain.slots import fast_init


@fast_init
@dataclass(frozen=True, slots=True)
class Intent:
    """A limit order a strategy would like; price and quantity are not yet quantized."""

    symbol: Symbol
    side: Side
    price: Decimal
    quantity: Decimal
    reason: str

    @property
    def notional(self) -> Decimal:
        return self.price * self.quantity

    def with_quantity(self, quantity: Decimal) -> Intent:
        # Direct construction: ``dataclasses.replace`` costs twice as much in the hot path.
        return type(self)(self.symbol, self.side, self.price, quantity, self.reason)
