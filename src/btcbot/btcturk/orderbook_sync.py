"""Keep one pair's order book in sync with the ``obdiff`` channel (RELIABILITY.md, market data).

Protocol: joining ``obdiff`` yields one 431 full book (changeset ``CS``) followed by 432 diffs
with ``CS`` = previous + 1. The sync:

* buffers diffs that arrive before a snapshot (bounded; the oldest are dropped first);
* on a snapshot, drops buffered diffs with ``CS`` ≤ the snapshot's and replays the rest;
* drops late diffs with ``CS`` ≤ the last applied one;
* on a gap (``CS`` != last + 1), or a diff it cannot apply (a price it refuses: the rows before
  it are applied already), stops trusting the book and asks for a resnapshot through the
  injected ``request_resnapshot`` (the WS client unsubscribes and resubscribes ``obdiff``);
* is :meth:`reset` on every reconnect, so the book is rebuilt from the fresh 431.

While not synced, :meth:`order_book` refuses (fail closed); :meth:`age_seconds` measures
freshness against the injected clock.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from decimal import Decimal
from enum import StrEnum

import structlog

from btcbot.btcturk.book import BookError, FastBook
from btcbot.btcturk.ws_schemas import BookDiff, BookFull
from btcbot.domain.market import BookLevel, OrderBook
from btcbot.domain.symbols import Symbol

log = structlog.get_logger(__name__)

DEFAULT_MAX_BUFFER = 2_000


class BookNotSynced(RuntimeError):
    """The book is being (re)built; trading on it now would use stale or partial data."""


class SyncState(StrEnum):
    AWAITING_SNAPSHOT = "AWAITING_SNAPSHOT"
    SYNCED = "SYNCED"


class OrderBookSync:
    def __init__(
        self,
        symbol: Symbol,
        request_resnapshot: Callable[[Symbol], None],
        *,
        clock: Callable[[], float] = time.time,
        max_buffer: int = DEFAULT_MAX_BUFFER,
    ) -> None:
        self.symbol = symbol
        self._request_resnapshot = request_resnapshot
        self._clock = clock
        self._book = FastBook()
        self._buffer: deque[BookDiff] = deque(maxlen=max_buffer)
        self._state = SyncState.AWAITING_SNAPSHOT
        self._sequence: int | None = None
        self._updated_at: float | None = None
        self.snapshots = 0
        self.gaps = 0
        self.stale_dropped = 0

    # --- state ---------------------------------------------------------------------------

    @property
    def state(self) -> SyncState:
        return self._state

    @property
    def is_synced(self) -> bool:
        return self._state is SyncState.SYNCED

    @property
    def sequence(self) -> int | None:
        """The changeset the book reflects (``None`` before the first snapshot)."""
        return self._sequence

    @property
    def last_update(self) -> float | None:
        """Clock time of the last snapshot or applied diff."""
        return self._updated_at

    def age_seconds(self) -> float | None:
        if self._updated_at is None:
            return None
        return self._clock() - self._updated_at

    # --- input ---------------------------------------------------------------------------

    def on_snapshot(self, full: BookFull) -> None:
        self._book.load(full.BO, full.AO)
        self._sequence = full.CS
        self._state = SyncState.SYNCED
        self._updated_at = self._clock()
        self.snapshots += 1
        pending, self._buffer = list(self._buffer), deque(maxlen=self._buffer.maxlen)
        for diff in pending:
            if self._state is not SyncState.SYNCED:
                break
            self.on_diff(diff)

    def on_diff(self, diff: BookDiff) -> bool:
        """Apply ``diff`` if it is the next changeset; return whether the book changed."""
        if self._state is SyncState.AWAITING_SNAPSHOT:
            self._buffer.append(diff)
            return False
        assert self._sequence is not None
        if self._sequence >= diff.CS:
            self.stale_dropped += 1
            return False
        if self._sequence + 1 != diff.CS:
            self._on_gap(diff.CS)
            return False
        try:
            self._book.apply(diff.BO, diff.AO)
        except BookError:
            # the rows before the refused one are applied: the book is no longer the exchange's
            self._distrust("unreadable diff")
            raise
        self._sequence = diff.CS
        self._updated_at = self._clock()
        return True

    def reset(self, reason: str) -> None:
        """Forget sync state (reconnect, resubscribe): wait for the next 431."""
        if self._state is SyncState.SYNCED:
            log.info("orderbook_resync", symbol=self.symbol.pair, reason=reason)
        self._state = SyncState.AWAITING_SNAPSHOT
        self._buffer.clear()

    def _on_gap(self, got: int) -> None:
        self.gaps += 1
        log.warning(
            "orderbook_changeset_gap", symbol=self.symbol.pair, expected=self._sequence, got=got
        )
        self._distrust("changeset gap")

    def _distrust(self, reason: str) -> None:
        self.reset(reason)
        self._request_resnapshot(self.symbol)

    # --- output --------------------------------------------------------------------------

    def best_bid(self) -> BookLevel | None:
        self._require_synced()
        return self._book.bids.best()

    def best_ask(self) -> BookLevel | None:
        self._require_synced()
        return self._book.asks.best()

    def order_book(self, depth: int | None = None) -> OrderBook:
        """An immutable domain view (``Decimal`` built here, never in the hot path)."""
        self._require_synced()
        assert self._updated_at is not None
        return OrderBook(
            symbol=self.symbol,
            bids=self._book.bids.levels(depth),
            asks=self._book.asks.levels(depth),
            timestamp_ms=int(self._updated_at * 1000),
            sequence=self._sequence,
        )

    def as_dicts(self) -> tuple[dict[Decimal, Decimal], dict[Decimal, Decimal]]:
        """Exact ``(bids, asks)`` maps regardless of sync state (tests, diagnostics)."""
        return self._book.bids.as_dict(), self._book.asks.as_dict()

    def _require_synced(self) -> None:
        if self._state is not SyncState.SYNCED:
            raise BookNotSynced(f"{self.symbol.pair} order book is resyncing ({self._state})")
