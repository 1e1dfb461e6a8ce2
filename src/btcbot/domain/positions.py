"""Positions: what the agent holds of one base asset, at what average cost."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from btcbot.domain.money import ZERO
from btcbot.domain.slots import fast_init
from btcbot.domain.symbols import Symbol


@fast_init
@dataclass(frozen=True, slots=True)
class Position:
    """Holding of ``symbol.base`` valued in ``symbol.quote``.

    ``average_cost`` includes buy-side fees and taxes (the break-even price before selling
    costs); ``realized_pnl`` is net of all fees and taxes, in quote currency.
    """

    symbol: Symbol
    quantity: Decimal = ZERO
    average_cost: Decimal = ZERO
    realized_pnl: Decimal = ZERO
    fees_paid: Decimal = ZERO

    @property
    def is_flat(self) -> bool:
        return self.quantity == ZERO

    def cost_basis(self) -> Decimal:
        return self.quantity * self.average_cost

    def unrealized_pnl(self, mark: Decimal) -> Decimal:
        return (mark - self.average_cost) * self.quantity

    def market_value(self, mark: Decimal) -> Decimal:
        return self.quantity * mark
