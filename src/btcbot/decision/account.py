"""Cash and inventory the cycle may commit, net of what our own live orders already hold.

Funds of orders the exchange has acknowledged are locked there (``Balance.locked``); funds of
orders still submitting or in flight may show as free, so they are reserved here again.
A partially filled order's remainder stays open exposure, and so does an order whose cancel
is not proven yet (``PENDING_CANCEL``): it can still fill.

Cash is kept per quote currency (a ``BTC_USDT`` buy spends USDT, not TRY) and valued in the
account currency (TRY) through the cycle's fresh rates, so every budget compares TRY with TRY.
Each quote currency keeps the cash reserve (``TRY_CASH_TARGET``, a TRY amount) free; a quote
currency without a fresh rate has no investable cash at all.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from types import MappingProxyType

from btcbot.decision.market import by_symbol
from btcbot.decision.snapshot import OpenOrder, Snapshot
from btcbot.domain import Side, Symbol
from btcbot.domain.money import ONE, ZERO
from btcbot.domain.slots import fast_init


@fast_init
@dataclass(frozen=True, slots=True)
class AccountView:
    investable: Mapping[str, Decimal]
    """Per quote currency: its free cash above the reserve, minus buys whose funds the
    exchange has not locked, valued in the account currency. Absent: nothing to invest."""
    open_buy_quantity: Mapping[Symbol, Decimal]
    """Remaining base quantity of all our live buys per symbol (worst case they all fill)."""
    open_sell_quantity: Mapping[Symbol, Decimal]
    """Remaining base quantity of all our live sells per symbol, pending cancels and orders
    in flight included (worst case they all fill); protective stops are not counted (they
    are cover, and yield to a sale)."""
    sellable: Mapping[Symbol, Decimal]
    """Free base inventory minus sells whose funds the exchange has not locked, plus what our
    protective stops lock on the exchange (a sell needing it waits until the stop yields:
    :mod:`btcbot.kernel.protective_stops`)."""

    @classmethod
    def of(
        cls,
        snapshot: Snapshot,
        reserve: Decimal,
        rates: Mapping[str, Decimal] | None = None,
    ) -> AccountView:
        """``rates``: account-currency value of each quote currency (default: only the
        account currency, at 1)."""
        unlocked_buys: dict[str, Decimal] = {}
        open_buys: dict[Symbol, Decimal] = {}
        open_sells: dict[Symbol, Decimal] = {}
        unlocked_sells: dict[Symbol, Decimal] = {}
        stop_locked: dict[Symbol, Decimal] = {}
        symbols: set[Symbol] = snapshot.positions.keys() | snapshot.rules.keys()
        buy = Side.BUY
        for order in snapshot.open_orders:
            symbol = order.symbol
            symbols.add(symbol)
            remaining = order.remaining
            if order.side is buy:
                open_buys[symbol] = open_buys.get(symbol, ZERO) + remaining
                if not order.funds_locked_on_exchange:
                    quote = symbol.quote
                    unlocked_buys[quote] = unlocked_buys.get(quote, ZERO) + remaining * order.price
            else:
                if not order.funds_locked_on_exchange:
                    unlocked_sells[symbol] = unlocked_sells.get(symbol, ZERO) + remaining
                elif order.stop_price is not None:
                    stop_locked[symbol] = stop_locked.get(symbol, ZERO) + remaining
                if order.stop_price is None:  # a protective stop is cover, not a sale
                    open_sells[symbol] = open_sells.get(symbol, ZERO) + remaining
        known = rates if rates is not None else {snapshot.quote_currency: ONE}
        investable = {}
        for currency, rate in known.items():
            cash = snapshot.free(currency) - unlocked_buys.get(currency, ZERO)
            investable[currency] = max(cash * rate - reserve, ZERO)
        balances = snapshot.balances
        sellable = {}
        for s in by_symbol(symbols):
            balance = balances.get(s.base)
            free = balance.free if balance is not None else ZERO
            sellable[s] = max(free - unlocked_sells.get(s, ZERO), ZERO) + stop_locked.get(s, ZERO)
        return cls(
            MappingProxyType(investable),
            MappingProxyType(open_buys),
            MappingProxyType(open_sells),
            MappingProxyType(sellable),
        )

    def investable_in(self, currency: str) -> Decimal:
        """Investable cash of ``currency`` in the account currency (0 when unknown)."""
        return self.investable.get(currency, ZERO)

    def position_quantity(self, snapshot: Snapshot, symbol: Symbol) -> Decimal:
        position = snapshot.positions.get(symbol)
        return position.quantity if position is not None else ZERO


def orders_by_symbol(orders: tuple[OpenOrder, ...]) -> dict[Symbol, list[OpenOrder]]:
    grouped: dict[Symbol, list[OpenOrder]] = defaultdict(list)
    for order in orders:
        grouped[order.symbol].append(order)
    return grouped
