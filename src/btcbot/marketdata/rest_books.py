"""REST order books read once and shared, refreshed as the order-book budget allows.

BTCTurk allows 180 order-book reads a minute per IP (we use 80 % of it). A cycle that read
every book it looks at — and a paper account that read them again to match its resting
orders — spent that budget in seconds and then waited for it, silently, for most of a minute.
Instead every REST book goes through :class:`RestBooks`:

* a book younger than ``ttl_ms`` (``ORDERBOOK_TTL_MS``) is served from the cache;
* an older one is read again when the order-book budget has room to spare
  (:class:`~btcbot.exchange.read_budget.ReadBudget`), else served from the cache;
* one older than ``max_staleness_ms`` (``ORDERBOOK_MAX_STALENESS_MS``), or not cached, is
  always read (waiting for the budget if it must).

Every book carries the time it was read, so its age is honest: the kernel's freshness gate
(``MAX_MARKET_DATA_AGE_MS``) sees how old it really is. A failed read propagates; the cached
copy is not served in its place past the staleness limit.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from btcbot.domain import Candle, OrderBook, Symbol, SymbolRules, Ticker
from btcbot.domain.slots import fast_init
from btcbot.exchange.port import MarketDataPort
from btcbot.exchange.read_budget import UNLIMITED, ReadBudget, ReadKind


@fast_init
@dataclass(frozen=True, slots=True)
class _Cached:
    book: OrderBook
    depth: int
    read_at: float  # monotonic seconds when the read started


class BookReader(Protocol):
    async def order_book(self, symbol: Symbol, limit: int = 25) -> OrderBook: ...


class RestBooks:
    """Order books cached and refreshed as the module says (``ttl_ms=0`` and
    ``max_staleness_ms=0``: no cache, every call reads)."""

    def __init__(
        self,
        reader: BookReader,
        *,
        ttl_ms: int,
        max_staleness_ms: int,
        budget: ReadBudget = UNLIMITED,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        if not 0 <= ttl_ms <= max_staleness_ms:
            raise ValueError("order book TTL must be >= 0 and not above the staleness limit")
        self._reader = reader
        self._ttl_s = ttl_ms / 1000
        self._stale_s = max_staleness_ms / 1000
        self._budget = budget
        self._monotonic = monotonic
        self._books: dict[Symbol, _Cached] = {}
        self.reads = 0  # books read from the exchange
        self.reused = 0  # books served from the cache

    async def order_book(self, symbol: Symbol, limit: int = 25) -> OrderBook:
        return (await self.book(symbol, limit))[0]

    async def book(self, symbol: Symbol, limit: int = 25) -> tuple[OrderBook, int]:
        """The book and its age in ms (time since its read started)."""
        now = self._monotonic()
        if not self._stale_s:  # no cache: every call reads (a replay's books are its own)
            book = await self._reader.order_book(symbol, limit)
            self.reads += 1
            return book, _ms(self._monotonic() - now)
        cached = self._books.get(symbol)
        if cached is not None and cached.depth >= limit and self._reusable(now - cached.read_at):
            self.reused += 1
            return cached.book, _ms(now - cached.read_at)
        book = await self._reader.order_book(symbol, limit)
        self.reads += 1
        self._books[symbol] = _Cached(book, limit, now)
        return book, _ms(self._monotonic() - now)

    def _reusable(self, age_s: float) -> bool:
        if age_s < self._ttl_s:
            return True
        if age_s >= self._stale_s:
            return False
        return not self._budget.spare(ReadKind.ORDER_BOOK)


class SharedBooksMarket:
    """A :class:`MarketDataPort` for the paper account: its order books come from the same
    :class:`RestBooks` as the snapshot's, exchange rules are reused for ``rules_ttl_s``
    (a paper submit checks them every time), tickers and candles pass through."""

    def __init__(
        self,
        market: MarketDataPort,
        books: RestBooks,
        *,
        rules_ttl_s: float = 300.0,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self._market = market
        self._books = books
        self._rules_ttl_s = rules_ttl_s
        self._monotonic = monotonic
        self._rules: tuple[float, Mapping[Symbol, SymbolRules]] | None = None

    async def order_book(self, symbol: Symbol, limit: int = 25) -> OrderBook:
        return await self._books.order_book(symbol, limit)

    async def exchange_rules(self) -> Mapping[Symbol, SymbolRules]:
        now = self._monotonic()
        if self._rules is None or now - self._rules[0] >= self._rules_ttl_s:
            self._rules = (now, await self._market.exchange_rules())
        return self._rules[1]

    async def tickers(self) -> Mapping[Symbol, Ticker]:
        return await self._market.tickers()

    async def recent_candles(self, symbol: Symbol, count: int) -> Sequence[Candle]:
        return await self._market.recent_candles(symbol, count)


def _ms(seconds: float) -> int:
    return int(max(0.0, seconds) * 1000)
