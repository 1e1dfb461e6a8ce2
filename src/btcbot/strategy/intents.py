"""What a strategy wants, before risk limits and exchange rules."""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal

from btcbot.domain import Side, Symbol


@dataclass(frozen=True, slots=True)
class Intent:
    """A limit order a strategy would like; price and quantity are not yet quantized."""

    symbol: Symbol
    side: Side
    price: Decimal
    quantity: Decimal
    reason: str
    replaces: str | None = None

    @property
    def notional(self) -> Decimal:
        return self.price * self.quantity

    def with_quantity(self, quantity: Decimal) -> Intent:
        return replace(self, quantity=quantity)
