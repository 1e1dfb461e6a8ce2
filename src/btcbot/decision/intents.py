"""What a strategy wants, before risk limits and exchange rules."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from btcbot.domain import Side, Symbol
from btcbot.domain.slots import slot_setter


@dataclass(frozen=True, slots=True)
class Intent:
    """A limit order a strategy would like; price and quantity are not yet quantized."""

    symbol: Symbol
    side: Side
    price: Decimal
    quantity: Decimal
    reason: str

    def __init__(
        self,
        symbol: Symbol,
        side: Side,
        price: Decimal,
        quantity: Decimal,
        reason: str,
    ) -> None:
        # Hot (intents per symbol per cycle, re-made at every sizing step): see
        # btcbot.domain.slots.
        _set_symbol(self, symbol)
        _set_side(self, side)
        _set_price(self, price)
        _set_quantity(self, quantity)
        _set_reason(self, reason)

    @property
    def notional(self) -> Decimal:
        return self.price * self.quantity

    def with_quantity(self, quantity: Decimal) -> Intent:
        # Direct construction: ``dataclasses.replace`` costs twice as much in the hot path.
        return type(self)(self.symbol, self.side, self.price, quantity, self.reason)


_set_symbol = slot_setter(Intent, "symbol")
_set_side = slot_setter(Intent, "side")
_set_price = slot_setter(Intent, "price")
_set_quantity = slot_setter(Intent, "quantity")
_set_reason = slot_setter(Intent, "reason")
