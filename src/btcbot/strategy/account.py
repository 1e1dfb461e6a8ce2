"""Cash and inventory the cycle may commit, net of what our own live orders already hold.

Funds of orders the exchange has acknowledged are locked there (``Balance.locked``); funds of
orders still submitting or in flight may show as free, so they are reserved here again.
A partially filled order's remainder stays open exposure.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from types import MappingProxyType

from btcbot.domain import Side, Symbol
from btcbot.domain.money import ZERO
from btcbot.kernel.snapshot import OpenOrder, Snapshot
from btcbot.strategy.market import by_symbol


@dataclass(frozen=True, slots=True)
class AccountView:
    investable: Decimal
    """Free quote above the cash reserve, minus buys whose funds the exchange has not locked."""
    open_buy_quantity: Mapping[Symbol, Decimal]
    """Remaining base quantity of all our live buys per symbol (worst case they all fill)."""
    sellable: Mapping[Symbol, Decimal]
    """Free base inventory minus sells whose funds the exchange has not locked."""

    @classmethod
    def of(cls, snapshot: Snapshot, reserve: Decimal) -> AccountView:
        unlocked_buys = ZERO
        open_buys: dict[Symbol, Decimal] = defaultdict(lambda: ZERO)
        unlocked_sells: dict[Symbol, Decimal] = defaultdict(lambda: ZERO)
        symbols: set[Symbol] = set(snapshot.positions) | set(snapshot.rules)
        for order in snapshot.open_orders:
            symbols.add(order.symbol)
            if order.side is Side.BUY:
                open_buys[order.symbol] += order.remaining
                if not order.funds_locked_on_exchange:
                    unlocked_buys += order.remaining * order.price
            elif not order.funds_locked_on_exchange:
                unlocked_sells[order.symbol] += order.remaining
        free_quote = snapshot.free(snapshot.quote_currency)
        investable = max(free_quote - reserve - unlocked_buys, ZERO)
        sellable = {
            s: max(snapshot.free(s.base) - unlocked_sells[s], ZERO) for s in by_symbol(symbols)
        }
        return cls(investable, MappingProxyType(dict(open_buys)), MappingProxyType(sellable))

    def position_quantity(self, snapshot: Snapshot, symbol: Symbol) -> Decimal:
        position = snapshot.positions.get(symbol)
        return position.quantity if position is not None else ZERO


def orders_by_symbol(orders: tuple[OpenOrder, ...]) -> dict[Symbol, list[OpenOrder]]:
    grouped: dict[Symbol, list[OpenOrder]] = defaultdict(list)
    for order in orders:
        grouped[order.symbol].append(order)
    return grouped
