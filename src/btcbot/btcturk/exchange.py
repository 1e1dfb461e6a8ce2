"""``BtcturkExchange``: the live :class:`~btcbot.exchange.port.ExchangePort` over the REST client.

Safety: every mutating call (submit, cancel) first asks an injected arming check for the
*current* decision — evaluated right before the request, so a kill switch tripped a millisecond
earlier still stops it — and raises :class:`NotArmed` (definitive: nothing was sent) when the
decision forbids it. A submit needs ``armed``; a cancel only needs ``cancel_allowed`` (a cancel
removes risk, so the kill switch does not block it; SAFE_MODE and not-live do).

The module also maps the WebSocket client's private events onto the order manager's evidence
types (:func:`evidence_from_ws`), so WS and REST evidence take the same code paths.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from typing import Protocol

import structlog

from btcbot.btcturk import endpoints, ws_events
from btcbot.btcturk.rest_client import BtcturkRestClient
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
from btcbot.exchange.errors import DefinitiveReject, OrderNotFound
from btcbot.exchange.events import (
    OrderDeleteSeen,
    OrderInsertSeen,
    OrderMatchSeen,
    PrivateEvidence,
    StreamGap,
)
from btcbot.exchange.read_budget import ReadKind
from btcbot.exchange.reports import CancelAck, ExchangeOrder, SubmitAck

log = structlog.get_logger(__name__)
HOUR_S = 3600

NOT_ARMED = "NOT_ARMED"

# The rate-limit group each optional read draws from (see ``endpoints``).
_READ_GROUPS = {
    ReadKind.ORDER_BOOK: endpoints.ORDER_BOOK.group,
    ReadKind.OPEN_ORDERS: endpoints.OPEN_ORDERS.group,
    ReadKind.FILLS: endpoints.USER_TRADES.group,
}


class Arming(Protocol):
    """What :class:`btcbot.config.gates.ArmingDecision` offers (structural)."""

    @property
    def armed(self) -> bool: ...

    @property
    def reasons(self) -> tuple[str, ...]: ...

    @property
    def cancel_allowed(self) -> bool: ...


ArmingCheck = Callable[[], Arming]


class NotArmed(DefinitiveReject):
    """The live gates forbid this mutation right now; the request was NOT sent."""

    def __init__(self, action: str, reasons: Sequence[str]) -> None:
        why = ",".join(reasons) or "unknown"
        super().__init__(f"{action} blocked before sending: {why}", reason=f"{NOT_ARMED}:{why}")
        self.reasons = tuple(reasons)


class BtcturkExchange:
    """The exchange port for real BTCTurk (or the loopback emulator)."""

    def __init__(
        self,
        client: BtcturkRestClient,
        arming: ArmingCheck,
        *,
        orders_page_limit: int = 500,
        orders_max_pages: int = 10,
        wall_clock_s: Callable[[], float] = time.time,
    ) -> None:
        self._client = client
        self._arming = arming
        self._wall_clock_s = wall_clock_s
        self._page_limit = orders_page_limit
        self._max_pages = orders_max_pages

    @property
    def client(self) -> BtcturkRestClient:
        return self._client

    def spare(self, read: ReadKind) -> bool:
        """The rate budget's answer for an optional read (:mod:`btcbot.exchange.read_budget`)."""
        return self._client.session.limiter.spare(_READ_GROUPS[read])

    # --- market data ---------------------------------------------------------------------

    async def exchange_rules(self) -> Mapping[Symbol, SymbolRules]:
        return {rules.symbol: rules for rules in await self._client.exchange_info()}

    async def order_book(self, symbol: Symbol, limit: int = 25) -> OrderBook:
        return await self._client.order_book(symbol, limit)

    async def tickers(self) -> Mapping[Symbol, Ticker]:
        return {ticker.symbol: ticker for ticker in await self._client.ticker()}

    async def recent_candles(self, symbol: Symbol, count: int) -> Sequence[Candle]:
        """Hourly klines from the graph API; the still-open hour is left out."""
        now_s = int(self._wall_clock_s())
        hour_start = now_s - now_s % HOUR_S
        candles = await self._client.klines(symbol, 60, hour_start - (count + 1) * HOUR_S, now_s)
        closed = [candle for candle in candles if candle.open_time_s < hour_start]
        return closed[-count:] if count > 0 else []

    # --- account ---------------------------------------------------------------------------

    async def balances(self) -> Mapping[str, Balance]:
        return {balance.asset: balance for balance in await self._client.balances()}

    async def open_orders(self, symbol: Symbol) -> Sequence[ExchangeOrder]:
        return await self._client.open_orders(symbol)

    async def recent_orders(self, symbol: Symbol, since_ms: int) -> Sequence[ExchangeOrder]:
        """``allOrders`` created at or after ``since_ms``, every page up to the page cap."""
        found: list[ExchangeOrder] = []
        for page in range(1, self._max_pages + 1):
            chunk = await self._client.all_orders(
                symbol, start_ms=since_ms, page=page, limit=self._page_limit
            )
            found.extend(chunk)
            if len(chunk) < self._page_limit:
                return found
        log.warning(
            "all_orders_truncated", symbol=str(symbol), since_ms=since_ms, pages=self._max_pages
        )
        return found

    async def order(self, exchange_order_id: int) -> ExchangeOrder | None:
        try:
            return await self._client.order(exchange_order_id)
        except OrderNotFound:
            return None

    async def fills(self, symbol: Symbol, since_ms: int) -> Sequence[Fill]:
        return await self._client.user_trades(symbol=symbol, start_ms=since_ms)

    async def account_fills(self, since_ms: int) -> Sequence[Fill]:
        """``users/transactions/trade`` without ``pairSymbol``: every pair (D-utx)."""
        return await self._client.user_trades(start_ms=since_ms)

    # --- trading (gated) -------------------------------------------------------------------

    async def submit(self, request: OrderRequest) -> SubmitAck:
        decision = self._arming()
        if not decision.armed:
            raise NotArmed("submit", decision.reasons)
        return await self._client.submit_order(request)

    async def cancel(self, exchange_order_id: int) -> CancelAck:
        decision = self._arming()
        if not decision.cancel_allowed:
            raise NotArmed("cancel", decision.reasons)
        return await self._client.cancel_order(exchange_order_id)


def evidence_from_ws(event: ws_events.PrivateEvent) -> PrivateEvidence | None:
    """The order manager's evidence for one private WS event (``None``: not order evidence)."""
    match event:
        case Fill():
            return event
        case ws_events.OrderInserted():
            return OrderInsertSeen(
                event.order_id, event.symbol, event.client_order_id, event.remaining
            )
        case ws_events.OrderDeleted():
            return OrderDeleteSeen(
                event.order_id, event.symbol, event.client_order_id, event.remaining
            )
        case ws_events.OrderMatched():
            return OrderMatchSeen(event.order_id, event.symbol, event.client_order_id)
        case ws_events.StreamReset():
            return StreamGap(event.connection)
        case _:
            return None
