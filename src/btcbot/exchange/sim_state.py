"""The state a simulated venue keeps: wallet, orders (indexed), fills (indexed).

Indexed so that a long replay stays linear: resting orders are kept per symbol, finished orders
and fills in time order per symbol, and pending cancels in their own set, so no read or clock
step scans every order or fill ever made.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from btcbot.domain.fills import Fill
from btcbot.domain.market import Balance
from btcbot.domain.money import ZERO, format_decimal
from btcbot.domain.orders import OrderRequest, OrderStatus, Side
from btcbot.domain.rules import SymbolRules
from btcbot.domain.symbols import Symbol
from btcbot.exchange.reports import ExchangeOrder, SubmitAck

_RESTING = frozenset({OrderStatus.OPEN, OrderStatus.PARTIALLY_FILLED})


def tidy(value: Decimal) -> Decimal:
    """A zero without a scale (``0`` rather than ``0E-8``), anything else unchanged."""
    return value if value else ZERO


class Overdrawn(ValueError):
    """A wallet operation would leave a free or locked amount below zero."""


class Wallet:
    """Free and locked amounts per asset; every operation keeps both non-negative."""

    def __init__(self, starting: Mapping[str, Decimal]) -> None:
        self.free: dict[str, Decimal] = {}
        self.locked: dict[str, Decimal] = {}
        for asset, amount in starting.items():
            if not isinstance(amount, Decimal) or amount < ZERO:
                raise ValueError(f"starting balance of {asset} must be a Decimal >= 0")
            self.free[asset.upper()] = amount
            self.locked[asset.upper()] = ZERO

    def available(self, asset: str) -> Decimal:
        return self.free.get(asset, ZERO)

    def add_free(self, asset: str, amount: Decimal) -> None:
        value = self.free.get(asset, ZERO) + amount
        if value < ZERO:
            raise Overdrawn(f"{asset} free balance would become {format_decimal(value)}")
        self.free[asset] = tidy(value)
        self.locked.setdefault(asset, ZERO)

    def lock(self, asset: str, amount: Decimal) -> None:
        self.add_free(asset, -amount)
        self.locked[asset] += amount

    def unlock(self, asset: str, amount: Decimal, *, to_free: bool = True) -> None:
        """Move ``amount`` out of locked: back to free, or spent (``to_free=False``)."""
        value = self.locked.get(asset, ZERO) - amount
        if value < ZERO:
            raise Overdrawn(f"{asset} locked balance would become {format_decimal(value)}")
        self.locked[asset] = tidy(value)
        if to_free:
            self.add_free(asset, amount)

    def balances(self) -> dict[str, Balance]:
        return {a: Balance(a, self.free[a], self.locked.get(a, ZERO)) for a in sorted(self.free)}


@dataclass(slots=True)
class SimOrder:
    """One simulated order (mutable, private to the venue; reported as ``ExchangeOrder``)."""

    order_id: int
    request: OrderRequest
    rules: SymbolRules
    created_ms: int
    updated_ms: int
    left: Decimal  # base, or quote for a market BUY (as BTCTurk reports it)
    locked: Decimal = ZERO
    status: OrderStatus = OrderStatus.OPEN
    first_price: Decimal | None = None
    cancel_due_ms: int | None = None
    triggered: bool = True
    """False while a stop order waits for its price (open, funds locked, not trading)."""
    rests_from_ms: int | None = None
    """When it began to rest as a limit order (a stop-limit: its trigger); None = created."""

    @property
    def symbol(self) -> Symbol:
        return self.request.symbol

    @property
    def side(self) -> Side:
        return self.request.side

    @property
    def lock_asset(self) -> str:
        return self.symbol.quote if self.side is Side.BUY else self.symbol.base

    @property
    def is_resting(self) -> bool:
        """Open on the venue: resting in the book, or a stop waiting for its price."""
        return self.status in _RESTING

    @property
    def waiting_for_stop(self) -> bool:
        return not self.triggered

    @property
    def matchable_since(self) -> int | None:
        """Since when a later book may fill it at its limit; ``None``: it does not rest (an
        untriggered stop, a market or stop-market order)."""
        if not self.triggered or not self.request.method.has_limit_price:
            return None
        return self.created_ms if self.rests_from_ms is None else self.rests_from_ms

    @property
    def total(self) -> Decimal:
        """The order's size as BTCTurk reports it: the quote amount of a market BUY."""
        if self.request.is_market_buy:
            return self.request.quote_amount or ZERO
        return self.request.quantity

    def priority(self) -> tuple[int, Decimal, int]:
        """Best price first (highest buy, lowest sell), then time (order id)."""
        price = self.request.price or ZERO
        return (0, -price, self.order_id) if self.side is Side.BUY else (1, price, self.order_id)

    def report(self) -> ExchangeOrder:
        """As BTCTurk shows it: a market order's price is its first fill's, an untriggered
        stop-market's its stop price."""
        request = self.request
        limit = request.price if request.method.has_limit_price else None
        shown = limit if limit is not None else self.first_price or request.stop_price or ZERO
        return ExchangeOrder(
            order_id=self.order_id,
            client_order_id=self.request.client_order_id,
            symbol=self.symbol,
            side=self.side,
            method=self.request.method,
            venue_method=self.request.method.value,
            status=self.status,
            price=shown,
            quantity=self.total,
            left_amount=tidy(self.left),
            stop_price=request.stop_price,
            created_ms=self.created_ms,
            updated_ms=self.updated_ms,
        )

    def ack(self) -> SubmitAck:
        return SubmitAck(
            order_id=self.order_id,
            client_order_id=self.request.client_order_id,
            symbol=self.symbol,
            side=self.side,
            method=self.request.method,
            price=self.request.price,
            quantity=self.total,
            timestamp_ms=self.created_ms,
        )


def _updated(order: SimOrder) -> int:
    return order.updated_ms


class OrderIndex:
    """Every order by id, resting orders per symbol, finished ones per symbol by update time."""

    def __init__(self) -> None:
        self._all: dict[int, SimOrder] = {}
        self._resting: dict[Symbol, dict[int, SimOrder]] = {}
        self._finished: dict[Symbol, list[SimOrder]] = {}
        self._cancels: set[int] = set()

    def add(self, order: SimOrder) -> None:
        self._all[order.order_id] = order
        self._resting.setdefault(order.symbol, {})[order.order_id] = order

    def get(self, order_id: int) -> SimOrder | None:
        return self._all.get(order_id)

    def finished(self, order: SimOrder) -> None:
        """Record that ``order`` reached a terminal status (call after setting it)."""
        self._resting.get(order.symbol, {}).pop(order.order_id, None)
        self._cancels.discard(order.order_id)
        insort(self._finished.setdefault(order.symbol, []), order, key=_updated)

    def resting(self, symbol: Symbol) -> list[SimOrder]:
        return list(self._resting.get(symbol, {}).values())

    def has_resting(self, symbol: Symbol) -> bool:
        return bool(self._resting.get(symbol))

    def resting_symbols(self) -> list[Symbol]:
        return sorted(symbol for symbol, orders in self._resting.items() if orders)

    def recent(self, symbol: Symbol, since_ms: int) -> list[SimOrder]:
        done = self._finished.get(symbol, [])
        found = done[bisect_left(done, since_ms, key=_updated) :]
        found += [o for o in self.resting(symbol) if max(o.created_ms, o.updated_ms) >= since_ms]
        return sorted(found, key=lambda o: o.order_id)

    def cancel_requested(self, order: SimOrder) -> None:
        self._cancels.add(order.order_id)

    def pending_cancels(self) -> list[SimOrder]:
        return [self._all[order_id] for order_id in sorted(self._cancels)]


def _stamp(fill: Fill) -> int:
    return fill.timestamp_ms


class FillLog:
    """Fills in execution order, and per symbol in time order for ``since`` queries."""

    def __init__(self) -> None:
        self._all: list[Fill] = []
        self._by_symbol: dict[Symbol, list[Fill]] = {}
        self._all_in_time_order = True  # no fill so far is older than one before it

    def add(self, fill: Fill) -> None:
        if self._all and fill.timestamp_ms < self._all[-1].timestamp_ms:
            self._all_in_time_order = False
        self._all.append(fill)
        insort(self._by_symbol.setdefault(fill.symbol, []), fill, key=_stamp)

    def since(self, symbol: Symbol, since_ms: int) -> list[Fill]:
        fills = self._by_symbol.get(symbol, [])
        return fills[bisect_left(fills, since_ms, key=_stamp) :]

    def all_since(self, since_ms: int) -> list[Fill]:
        """Every symbol's fills at or after ``since_ms``, in execution order: found by
        bisection while fills came in time order (a replay's always do), not by reading all."""
        if self._all_in_time_order:
            return self._all[bisect_left(self._all, since_ms, key=_stamp) :]
        return [fill for fill in self._all if fill.timestamp_ms >= since_ms]

    def all(self) -> tuple[Fill, ...]:
        return tuple(self._all)
