"""``PaperExchange``: dry-run trading against live public market data.

The paper exchange implements the whole :class:`~btcbot.exchange.port.ExchangePort`, but it only
ever holds a :class:`~btcbot.exchange.port.MarketDataPort`: rules, books and tickers come from
the live (or emulated) exchange, while balances, orders, fills, submits and cancels are answered
by a :class:`~btcbot.exchange.venue.SimulatedVenue`. No private or mutating call can reach the
real exchange, because the paper exchange has no object that could make one.

Orders are simulated by :class:`~btcbot.exchange.fill_model.FillModel`: a marketable order walks
the live book (taker fee, optional extra slippage, 5 % market protection), the remainder of a
limit order rests and fills at its price (maker fee) when a later live book crosses it. Resting
orders are matched lazily: every account read first applies due cancels and matches resting
orders against a freshly read book (``match_on_read``; ``match_interval_ms`` caps how often a
read fetches a book, to spare the public rate limits), and :meth:`PaperExchange.match_resting`
does it on demand. Stop orders wait with their funds locked and trigger on the same reads when
the live book's touch reaches the stop (a sell stop: best bid at or below it; a buy stop: best
ask at or above it — where the live market's trades print), then walk that book like the
order they become. A cancel is acknowledged at once and takes effect ``cancel_latency_ms``
later, as on BTCTurk, where it may lose the race against a fill.

Restart: paper state lives in memory only. The OMS store keeps every order and fill, so a
restarted process rebuilds the paper account with :meth:`PaperExchange.restore`: the starting
balances plus the effect of every stored fill, with the still-open limit orders locked again.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal

from btcbot.domain.fills import Fill
from btcbot.domain.market import Balance, Candle, OrderBook, Ticker
from btcbot.domain.orders import OrderRequest
from btcbot.domain.rules import SymbolRules
from btcbot.domain.symbols import Symbol
from btcbot.exchange.fill_model import FillModel
from btcbot.exchange.port import MarketDataPort
from btcbot.exchange.reports import CancelAck, ExchangeOrder, SubmitAck
from btcbot.exchange.venue import SimulatedVenue


def wall_clock_ms() -> int:
    return time.time_ns() // 1_000_000


class PaperExchange:
    """A full exchange port whose account is simulated against live market data."""

    def __init__(
        self,
        market: MarketDataPort,
        starting_balances: Mapping[str, Decimal],
        *,
        clock_ms: Callable[[], int] = wall_clock_ms,
        fill_model: FillModel | None = None,
        cancel_latency_ms: int = 0,
        match_on_read: bool = True,
        match_interval_ms: int = 0,
        book_depth: int = 25,
        first_order_id: int = 1,
        first_trade_id: int = 1,
    ) -> None:
        if cancel_latency_ms < 0 or match_interval_ms < 0 or book_depth < 1:
            raise ValueError("latency and interval must be >= 0, book_depth >= 1")
        self._market = market
        self._clock_ms = clock_ms
        self._cancel_latency_ms = cancel_latency_ms
        self._match_on_read = match_on_read
        self._match_interval_ms = match_interval_ms
        self._last_match: dict[Symbol, int] = {}
        self._book_depth = book_depth
        self._venue = SimulatedVenue(
            starting_balances,
            fill_model or FillModel(),
            first_order_id=first_order_id,
            first_trade_id=first_trade_id,
            where="paper",
        )

    def now_ms(self) -> int:
        """The paper clock (injected; the wall clock by default)."""
        return self._clock_ms()

    # ----------------------------------------------------------------------------- market data
    async def exchange_rules(self) -> Mapping[Symbol, SymbolRules]:
        return await self._market.exchange_rules()

    async def order_book(self, symbol: Symbol, limit: int = 25) -> OrderBook:
        return await self._market.order_book(symbol, limit)

    async def tickers(self) -> Mapping[Symbol, Ticker]:
        return await self._market.tickers()

    async def recent_candles(self, symbol: Symbol, count: int) -> Sequence[Candle]:
        return await self._market.recent_candles(symbol, count)

    # ----------------------------------------------------------------------------- account
    async def balances(self) -> Mapping[str, Balance]:
        await self._sync()
        return self._venue.balances()

    async def open_orders(self, symbol: Symbol) -> Sequence[ExchangeOrder]:
        await self._sync(symbol)
        return self._venue.open_orders(symbol)

    async def recent_orders(self, symbol: Symbol, since_ms: int) -> Sequence[ExchangeOrder]:
        await self._sync(symbol)
        return self._venue.recent_orders(symbol, since_ms)

    async def order(self, exchange_order_id: int) -> ExchangeOrder | None:
        await self._sync()
        return self._venue.order(exchange_order_id)

    async def fills(self, symbol: Symbol, since_ms: int) -> Sequence[Fill]:
        await self._sync(symbol)
        return self._venue.fills(symbol, since_ms)

    async def account_fills(self, since_ms: int) -> Sequence[Fill]:
        await self._sync()
        return self._venue.fills_since(since_ms)

    # ----------------------------------------------------------------------------- trading
    async def submit(self, request: OrderRequest) -> SubmitAck:
        """Validate like BTCTurk (a refusal raises ``BusinessReject``), then trade the
        marketable part against the live book; the rest of a limit order rests."""
        rules = (await self._market.exchange_rules()).get(request.symbol)
        if rules is None:  # unlisted: the venue rejects it like BTCTurk, no book to read
            book = OrderBook(request.symbol, (), (), self._clock_ms())
        else:
            book = await self._market.order_book(request.symbol, self._book_depth)
        now = self._clock_ms()
        self._venue.apply_cancels(now)
        self._venue.trigger_at_touch(book, now)
        self._venue.match(book, now)
        return self._venue.submit(request, rules, book, now)

    async def cancel(self, exchange_order_id: int) -> CancelAck:
        """Acknowledge now; the order is canceled ``cancel_latency_ms`` later unless it fills."""
        now = self._clock_ms()
        return self._venue.request_cancel(exchange_order_id, now, self._cancel_latency_ms)

    # ----------------------------------------------------------------------------- simulation
    async def match_resting(self, symbols: Iterable[Symbol] | None = None) -> tuple[Fill, ...]:
        """Apply due cancels, then match resting orders against fresh live books."""
        self._venue.apply_cancels(self._clock_ms())
        wanted = None if symbols is None else set(symbols)
        fills: list[Fill] = []
        for symbol in self._venue.resting_symbols():
            if wanted is None or symbol in wanted:
                fills.extend(await self._match(symbol))
        return tuple(fills)

    async def _match(self, symbol: Symbol) -> tuple[Fill, ...]:
        book = await self._market.order_book(symbol, self._book_depth)
        now = self._clock_ms()
        self._last_match[symbol] = now
        return self._venue.trigger_at_touch(book, now) + self._venue.match(book, now)

    async def restore(self, fills: Iterable[Fill], open_orders: Iterable[ExchangeOrder]) -> None:
        """Rebuild the paper account after a restart from the OMS store's fills and open
        orders (see the module docstring). Raises ``ValueError`` on inconsistent input."""
        rules = await self._market.exchange_rules()
        pairs: list[tuple[ExchangeOrder, SymbolRules]] = []
        for report in open_orders:
            found = rules.get(report.symbol)
            if found is None:
                what = f"order {report.order_id} on {report.symbol}"
                raise ValueError(f"cannot restore {what}: the market lists no rules for it")
            pairs.append((report, found))
        self._venue.restore(fills, pairs)

    async def _sync(self, symbol: Symbol | None = None) -> None:
        """Before an account read: apply due cancels and (``match_on_read``) match resting
        orders, reading each symbol's book at most once per ``match_interval_ms``."""
        now = self._clock_ms()
        self._venue.apply_cancels(now)
        if not self._match_on_read:
            return
        for resting in self._venue.resting_symbols():
            last = self._last_match.get(resting)
            fresh = last is not None and now - last < self._match_interval_ms
            if (symbol is None or resting == symbol) and not fresh:
                await self._match(resting)
