"""The exchange port: everything the trading core needs from an exchange.

The core owns this interface; the BTCTurk adapter, the paper executor (dry-run fills against the
live book) and the replay executor implement it, so one OMS and one kernel serve all three.

Reads may be retried by the implementation. Mutations never are: ``submit`` either returns a
:class:`SubmitAck`, raises a definitive rejection, or raises "outcome unknown" — and the OMS then
resolves the order by evidence (open orders, all orders, user trades, private WS events).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Protocol

from btcbot.domain import (
    Balance,
    Candle,
    Fill,
    OrderBook,
    OrderRequest,
    Symbol,
    SymbolRules,
    Ticker,
)
from btcbot.exchange.reports import CancelAck, ExchangeOrder, SubmitAck


class MarketDataPort(Protocol):
    async def exchange_rules(self) -> Mapping[Symbol, SymbolRules]: ...

    async def order_book(self, symbol: Symbol, limit: int = 25) -> OrderBook: ...

    async def tickers(self) -> Mapping[Symbol, Ticker]: ...

    async def recent_candles(self, symbol: Symbol, count: int) -> Sequence[Candle]:
        """Up to ``count`` most recent closed hourly candles, oldest first."""
        ...


class AccountPort(Protocol):
    async def balances(self) -> Mapping[str, Balance]: ...

    async def open_orders(self, symbol: Symbol) -> Sequence[ExchangeOrder]: ...

    async def recent_orders(self, symbol: Symbol, since_ms: int) -> Sequence[ExchangeOrder]: ...

    async def order(self, exchange_order_id: int) -> ExchangeOrder | None: ...

    async def fills(self, symbol: Symbol, since_ms: int) -> Sequence[Fill]: ...

    async def account_fills(self, since_ms: int) -> Sequence[Fill]:
        """The account's fills on every pair since ``since_ms``, in one request."""
        ...


class TradingPort(Protocol):
    async def submit(self, request: OrderRequest) -> SubmitAck: ...

    async def cancel(self, exchange_order_id: int) -> CancelAck:
        """Ask for a cancel. The ack only means the exchange received the request."""
        ...


class ExchangePort(MarketDataPort, AccountPort, TradingPort, Protocol):
    """A full exchange: market data, account state and order entry."""


class AccountActivity(Protocol):
    """A venue that sees every change to its account: only a simulated one can (the replay's).

    The reconciliation uses it to skip a pass it can prove would find nothing new (see
    :class:`~btcbot.execution.reconcile.Reconciler`); a live exchange offers no such proof."""

    def account_version(self) -> int:
        """A number that changes whenever an order is accepted, changed, filled, cancelled or
        finished, or a balance moves, and stays the same otherwise."""
        ...
