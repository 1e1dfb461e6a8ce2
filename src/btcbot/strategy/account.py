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
        open_buys: dict[Symbol, Decimal] = {}
        unlocked_sells: dict[Symbol, Decimal] = {}
        symbols: set[Symbol] = snapshot.positions.keys() | snapshot.rules.keys()
        buy = Side.BUY
        for order in snapshot.open_orders:
            symbol = order.symbol
            symbols.add(symbol)
            if order.side is buy:
                remaining = order.remaining
                open_buys[symbol] = open_buys.get(symbol, ZERO) + remaining
                if not order.funds_locked_on_exchange:
                    unlocked_buys += remaining * order.price
            elif not order.funds_locked_on_exchange:
                unlocked_sells[symbol] = unlocked_sells.get(symbol, ZERO) + order.remaining
        balances = snapshot.balances
        free_quote = snapshot.free(snapshot.quote_currency)
        investable = max(free_quote - reserve - unlocked_buys, ZERO)
        sellable = {}
        for s in by_symbol(symbols):
            balance = balances.get(s.base)
            free = balance.free if balance is not None else ZERO
            sellable[s] = max(free - unlocked_sells.get(s, ZERO), ZERO)
        return cls(investable, MappingProxyType(open_buys), MappingProxyType(sellable))

    def position_quantity(self, snapshot: Snapshot, symbol: Symbol) -> Decimal:
        position = snapshot.positions.get(symbol)
        return position.quantity if position is not None else ZERO


def orders_by_symbol(orders: tuple[OpenOrder, ...]) -> dict[Symbol, list[OpenOrder]]:
    grouped: dict[Symbol, list[OpenOrder]] = defaultdict(list)
    for order in orders:
        grouped[order.symbol].append(order)
    return grouped
