"""WS-first order books with REST fallback and freshness gates.

* ``rest`` mode: books are read over REST through :class:`~btcbot.marketdata.rest_books.RestBooks`
  (reused while young, refreshed as the order-book budget allows; age = time since the read;
  or, with ``book_clock_ms``, time since the book's own ``timestamp_ms`` on that clock: a
  replayed venue stamps each book with the moment its data was observed, so it ages through a
  gap in the data).
* ``ws`` mode: books come from the WebSocket order-book sync (431 snapshot + 432 diffs). A book
  is fresh while it is synced and the connection delivers frames; its age is the time since the
  last frame. When it is not fresh, ``rest_fallback`` fetches it over REST; without fallback the
  symbol is reported stale and the kernel blocks new risk on it (fail closed).
* Starting in ``ws`` mode with no live feed is refused (:class:`MarketDataUnavailable`), instead
  of being discovered cycles later (audit G1).

A symbol whose book cannot be had at all is absent from ``books`` and listed in ``missing``:
missing data is "unknown", never "zero".
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Literal, Protocol

import structlog

from btcbot.btcturk.orderbook_sync import OrderBookSync
from btcbot.btcturk.ws_config import WsAuthError, WsError
from btcbot.domain import OrderBook, Symbol
from btcbot.domain.slots import fast_init
from btcbot.exchange.errors import ExchangeError
from btcbot.marketdata.rest_books import BookReader, RestBooks

log = structlog.get_logger(__name__)

Source = Literal["ws", "rest"]


class BookFeed(Protocol):
    """The part of the WebSocket client the service needs."""

    @property
    def is_stale(self) -> bool: ...

    @property
    def last_message_at(self) -> float | None: ...

    async def order_book(self, symbol: Symbol) -> OrderBookSync: ...

    async def wait_ready(self) -> None: ...


class MarketDataUnavailable(RuntimeError):
    """The configured market data source cannot serve: refuse to trade on it."""


class MarketDataRefused(MarketDataUnavailable):
    """The exchange refused the feed (its login or a subscription): waiting will not help."""


@fast_init
@dataclass(frozen=True, slots=True)
class BookView:
    book: OrderBook
    age_ms: int
    source: Source

    def aged(self, elapsed_ms: int) -> BookView:
        """This book ``elapsed_ms`` later."""
        if elapsed_ms <= 0:
            return self
        return BookView(self.book, self.age_ms + elapsed_ms, self.source)


@fast_init
@dataclass(frozen=True, slots=True)
class MarketSnapshot:
    books: Mapping[Symbol, BookView]
    missing: Mapping[Symbol, str] = field(default_factory=dict)

    @property
    def ages_ms(self) -> dict[Symbol, int]:
        return {symbol: view.age_ms for symbol, view in self.books.items()}

    def count(self, source: Source) -> int:
        return sum(1 for view in self.books.values() if view.source == source)

    def too_old(self, max_age_ms: int) -> tuple[Symbol, ...]:
        """The symbols whose book is older than ``max_age_ms``."""
        return tuple(symbol for symbol, view in self.books.items() if view.age_ms > max_age_ms)

    def aged(self, elapsed_ms: int) -> MarketSnapshot:
        """These books ``elapsed_ms`` later: a book read at the start of a cycle is that much
        older when the plan is made (candles and the server clock are read in between)."""
        if elapsed_ms <= 0:
            return self
        books = {symbol: view.aged(elapsed_ms) for symbol, view in self.books.items()}
        return MarketSnapshot(books, self.missing)


class MarketDataService:
    def __init__(
        self,
        *,
        mode: Literal["rest", "ws"],
        rest: BookReader | RestBooks,
        feed: BookFeed | None = None,
        rest_fallback: bool = False,
        depth: int = 25,
        monotonic: Callable[[], float] = time.monotonic,
        book_clock_ms: Callable[[], int] | None = None,
    ) -> None:
        if mode == "ws" and feed is None:
            raise MarketDataUnavailable(
                "MARKET_DATA_MODE=ws needs a running WebSocket feed; none is attached "
                "(set MARKET_DATA_MODE=rest or enable the feed)"
            )
        self.mode = mode
        self._rest = (
            rest
            if isinstance(rest, RestBooks)
            else RestBooks(rest, ttl_ms=0, max_staleness_ms=0, monotonic=monotonic)
        )
        self._feed = feed
        self._rest_fallback = rest_fallback
        self._depth = depth
        self._monotonic = monotonic
        self._book_clock_ms = book_clock_ms
        self.rest_fallbacks = 0

    async def start(self, symbols: Iterable[Symbol], ready_timeout: float) -> None:
        """Subscribe every book; in ws mode wait until each is synced or refuse to start."""
        if self._feed is None:
            return
        feed = self._feed
        syncs = [await feed.order_book(symbol) for symbol in symbols]
        try:
            async with asyncio.timeout(ready_timeout):
                await feed.wait_ready()
                # The book sync exposes state, not an event: poll it.
                while not all(sync.is_synced for sync in syncs):  # noqa: ASYNC110
                    await asyncio.sleep(0.02)
        except WsError as exc:  # the client has stopped: a refusal, not an outage
            why = (
                "check BTCTURK_API_KEY / the private key and the key's permissions"
                if isinstance(exc, WsAuthError)
                else "use MARKET_DATA_MODE=rest"
            )
            raise MarketDataRefused(f"{exc}; {why}") from None
        except TimeoutError:
            waiting = [sync.symbol.normalized for sync in syncs if not sync.is_synced]
            raise MarketDataUnavailable(
                f"WebSocket market data not live after {ready_timeout:.0f}s "
                f"(books not synced: {', '.join(waiting) or 'connection not ready'}); "
                "check BTCTURK_WS_URL or use MARKET_DATA_MODE=rest"
            ) from None

    async def snapshot(self, symbols: Iterable[Symbol]) -> MarketSnapshot:
        """Every book at its age once the last one is read (the first read keeps ageing
        while the others are read)."""
        books: dict[Symbol, BookView] = {}
        read_at: dict[Symbol, float] = {}
        missing: dict[Symbol, str] = {}
        for symbol in symbols:
            view, problem = await self._book(symbol)
            if view is not None:
                books[symbol] = view
                read_at[symbol] = self._monotonic()
            if problem is not None:
                missing[symbol] = problem
        done = self._monotonic()
        aged = {s: view.aged(int((done - read_at[s]) * 1000)) for s, view in books.items()}
        return MarketSnapshot(aged, missing)

    async def _book(self, symbol: Symbol) -> tuple[BookView | None, str | None]:
        if self._feed is not None:
            view = await self._ws_book(self._feed, symbol)
            if view is not None:
                return view, None
            if not self._rest_fallback:
                return None, "ws book not fresh and REST fallback is off"
            self.rest_fallbacks += 1
        return await self._rest_book(symbol)

    async def _ws_book(self, feed: BookFeed, symbol: Symbol) -> BookView | None:
        sync = await feed.order_book(symbol)
        last = feed.last_message_at
        if not sync.is_synced or feed.is_stale or last is None:
            return None
        age_ms = int(max(0.0, self._monotonic() - last) * 1000)
        return BookView(sync.order_book(self._depth), age_ms, "ws")

    async def _rest_book(self, symbol: Symbol) -> tuple[BookView | None, str | None]:
        try:
            book, age_ms = await self._rest.book(symbol, self._depth)
        except ExchangeError as exc:
            log.warning("rest_book_unavailable", symbol=symbol.normalized, error=str(exc))
            return None, f"REST order book failed: {exc}"
        if self._book_clock_ms is not None:
            age_ms = max(0, self._book_clock_ms() - book.timestamp_ms)
        return BookView(book, age_ms, "rest"), None
