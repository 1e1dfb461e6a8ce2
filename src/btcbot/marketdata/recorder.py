"""Capture BTCTurk's public WebSocket (order books and trades) into a recording directory.

The recorder is a consumer of the ordinary :class:`~btcbot.btcturk.ws_client.BtcturkWsClient`
(no login): it joins ``obdiff`` (431 snapshot, then 432 diffs, kept in sync by
:class:`~btcbot.btcturk.orderbook_sync.OrderBookSync`), ``trade`` (421 list, 422 trades) and
``ticker`` (only so the client's stale-feed watchdog sees a frame every second) for each pair.
It does not know whether it talks to BTCTurk or to the emulator: only the URL differs.

What it writes (:mod:`btcbot.marketdata.recording_files`):

* a book row (top ``depth`` levels) for every book change, and one every ``keepalive_s``
  seconds while a book stays unchanged and in sync (so a replay can tell "quiet" from "lost");
* each public trade once (the feed repeats recent trades in a 421 after every join);
* gaps as events: when the client invalidates a book (the connection dropped, a changeset
  was skipped) the event opens at that moment and closes at the book's next snapshot, which
  is recorded with ``snapshot`` true; ``events_dropped`` when the client's bounded queue lost
  events;
* ``session_start`` / ``session_end`` around each run: a restart appends a new session (the
  trades the previous session already holds are not written again).

Receive times are the recorder's wall clock (injectable) when it takes the event from the
client, in the same process right after the frame arrived. Rows are flushed every
``flush_every_s`` seconds and at the end, so an interruption loses at most that much.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import structlog

from btcbot.btcturk import ws_events as ev
from btcbot.btcturk.orderbook_sync import BookNotSynced, OrderBookSync
from btcbot.btcturk.ws_client import BtcturkWsClient
from btcbot.domain.market import PublicTrade
from btcbot.domain.symbols import Symbol
from btcbot.marketdata.recording_files import (
    BookRow,
    EventRow,
    RecordingWriter,
    TradeRow,
    read_trades,
)

log = structlog.get_logger(__name__)


def wall_ms() -> int:
    return time.time_ns() // 1_000_000


SEEN_TRADES_KEPT = 10_000  # a 421 repeats at most the last 50 trades: plenty to catch repeats


class RecentIds:
    """The last ``size`` ids seen (set membership, oldest forgotten first)."""

    def __init__(self, size: int) -> None:
        self._order: deque[str] = deque()
        self._ids: set[str] = set()
        self._size = size

    def add(self, trade_id: str) -> bool:
        """Remember ``trade_id``; False when it was already there."""
        if trade_id in self._ids:
            return False
        self._ids.add(trade_id)
        self._order.append(trade_id)
        if len(self._order) > self._size:
            self._ids.discard(self._order.popleft())
        return True


@dataclass(frozen=True, slots=True)
class RecorderSettings:
    #: Levels per side kept in each book row.
    depth: int = 20
    #: Seconds between flushes of buffered rows to new part files.
    flush_every_s: float = 5.0
    #: A book row at least this often (seconds) while the book is unchanged and in sync.
    keepalive_s: float = 10.0

    def __post_init__(self) -> None:
        if self.depth < 1 or self.flush_every_s <= 0 or self.keepalive_s <= 0:
            raise ValueError("depth must be >= 1, flush_every_s and keepalive_s > 0")


@dataclass
class RecordingSummary:
    session: int
    resumed: bool
    books: int = 0
    trades: int = 0
    duplicate_trades: int = 0
    gaps: dict[str, int] = field(default_factory=dict)


@dataclass
class _PairState:
    sync: OrderBookSync
    last_book_ms: int | None = None
    gap: ev.BookInvalidated | None = None
    awaiting_snapshot: bool = True


class MarketRecorder:
    def __init__(
        self,
        client: BtcturkWsClient,
        writer: RecordingWriter,
        symbols: Sequence[Symbol],
        *,
        settings: RecorderSettings | None = None,
        clock_ms: Callable[[], int] = wall_ms,
    ) -> None:
        if not symbols:
            raise ValueError("record at least one symbol")
        self.client = client
        self.writer = writer
        self.symbols = tuple(symbols)
        self.settings = settings or RecorderSettings()
        self._clock = clock_ms
        self._pairs: dict[Symbol, _PairState] = {}
        self._seen_trades = {s.normalized: RecentIds(SEEN_TRADES_KEPT) for s in self.symbols}
        self._dropped = 0
        self.summary = RecordingSummary(writer.session, writer.resumed)

    async def run(self, duration_s: float | None = None, stop: asyncio.Event | None = None) -> None:
        """Record until ``duration_s`` passes or ``stop`` is set (or the client fails)."""
        self._remember_recorded_trades()
        session = self.writer.session
        detail = f"resumed after session {session - 1}" if self.writer.resumed else "new"
        self._event("session_start", detail=detail)
        for symbol in self.symbols:
            self._pairs[symbol] = _PairState(await self.client.order_book(symbol))
            await self.client.subscribe_trades(symbol)
            await self.client.subscribe_ticker(symbol)
        consumer = asyncio.create_task(self._consume(), name="recorder")
        flusher = asyncio.create_task(self._flush_loop(), name="recorder-flush")
        waiter = asyncio.create_task((stop or asyncio.Event()).wait())
        try:
            done, _ = await asyncio.wait(
                {consumer, waiter}, timeout=duration_s, return_when=asyncio.FIRST_COMPLETED
            )
            if consumer in done:
                consumer.result()  # the client failed for good: raise its error
        finally:
            for task in (consumer, flusher, waiter):
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task
            self._close_session()

    # --- events --------------------------------------------------------------------------

    async def _consume(self) -> None:
        async for event in self.client.market_events():
            now = self._clock()
            self._check_dropped(now)
            match event:
                case ev.BookUpdated():
                    self._on_book(event, now)
                case ev.BookInvalidated():
                    self._on_invalidated(event)
                case PublicTrade():
                    self._on_trade(event, now)
                case _:
                    pass

    def _on_book(self, event: ev.BookUpdated, now: int) -> None:
        state = self._pairs.get(event.symbol)
        if state is None:
            return
        if event.snapshot:
            self._close_gap(event.symbol, state, now)
            state.awaiting_snapshot = False
        if state.awaiting_snapshot or state.gap is not None:
            return  # a diff before the first snapshot or during a gap is not a book
        self._record_book(event.symbol, state, now, snapshot=event.snapshot)

    def _record_book(self, symbol: Symbol, state: _PairState, now: int, *, snapshot: bool) -> None:
        try:
            book = state.sync.order_book(self.settings.depth)
        except BookNotSynced:
            return
        self.writer.add_book(
            BookRow(
                symbol.normalized,
                now,
                book.sequence,
                self.writer.session,
                snapshot,
                book.bids,
                book.asks,
            )
        )
        state.last_book_ms = now
        self.summary.books += 1

    def _on_invalidated(self, event: ev.BookInvalidated) -> None:
        state = self._pairs.get(event.symbol)
        if state is None or state.gap is not None:
            return
        state.gap = event
        log.warning("recording_gap_opened", symbol=event.symbol.pair, reason=event.reason)

    def _close_gap(self, symbol: Symbol, state: _PairState, now: int) -> None:
        gap = state.gap
        if gap is None:
            return
        state.gap = None
        self._event(
            gap.reason,
            symbol=symbol.normalized,
            from_ms=gap.at_ms,
            to_ms=now,
            detail=f"book resnapshot at changeset {state.sync.sequence}",
        )
        self.summary.gaps[gap.reason] = self.summary.gaps.get(gap.reason, 0) + 1

    def _on_trade(self, trade: PublicTrade, now: int) -> None:
        seen = self._seen_trades.get(trade.symbol.normalized)
        if seen is None:
            return
        if not seen.add(trade.trade_id):
            self.summary.duplicate_trades += 1
            return
        self.writer.add_trade(
            TradeRow(
                trade.symbol.normalized,
                now,
                trade.timestamp_ms,
                trade.trade_id,
                trade.price,
                trade.amount,
                trade.side.value if trade.side is not None else None,
                self.writer.session,
            )
        )
        self.summary.trades += 1

    def _check_dropped(self, now: int) -> None:
        dropped = self.client.market_events_dropped
        if dropped > self._dropped:
            self._event("events_dropped", from_ms=now, to_ms=now, detail=f"{dropped} in total")
            self._dropped = dropped

    # --- housekeeping --------------------------------------------------------------------

    async def _flush_loop(self) -> None:
        while True:
            await asyncio.sleep(min(self.settings.flush_every_s, self.settings.keepalive_s))
            self._keepalive(self._clock())
            self.writer.flush()

    def _keepalive(self, now: int) -> None:
        every_ms = self.settings.keepalive_s * 1000
        for symbol, state in self._pairs.items():
            quiet = state.last_book_ms is not None and now - state.last_book_ms >= every_ms
            healthy = self.client.is_connected and state.sync.is_synced
            if quiet and healthy and state.gap is None and not state.awaiting_snapshot:
                self._record_book(symbol, state, now, snapshot=False)

    def _close_session(self) -> None:
        now = self._clock()
        for symbol, state in self._pairs.items():
            if state.gap is not None:  # still open: it lasts until the session's end
                gap, state.gap = state.gap, None
                self._event(gap.reason, symbol=symbol.normalized, from_ms=gap.at_ms, to_ms=now)
        self._event(
            "session_end", detail=f"{self.summary.books} books, {self.summary.trades} trades"
        )
        self.writer.flush()

    def _event(
        self,
        kind: str,
        *,
        symbol: str | None = None,
        from_ms: int | None = None,
        to_ms: int | None = None,
        detail: str = "",
    ) -> None:
        row = EventRow(kind, self.writer.session, self._clock(), symbol, from_ms, to_ms, detail)
        self.writer.add_event(row)

    def _remember_recorded_trades(self) -> None:
        """Trades the previous session already holds are not written twice."""
        if not self.writer.resumed:
            return
        last = self.writer.previous_sessions[-1]
        for row in read_trades(self.writer.directory, session=last):
            if row.symbol in self._seen_trades:
                self._seen_trades[row.symbol].add(row.trade_id)
