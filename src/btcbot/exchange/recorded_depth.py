"""Order books recorded from the live feed, as the replay's depth source.

:meth:`RecordedDepth.book_at` answers the book a trader had at time ``t``: the last one
received at or before ``t`` — never one received after it, so a replay cannot look ahead —
provided it is at most ``max_age_ms`` old and no outage began when or after it was received
and by ``t`` (a disconnect, a changeset gap, a lost stretch of events, the time between two recorder
sessions: the book was not known then). Otherwise it answers ``None`` and the replay falls
back to its synthetic book for that candle.

Pure and in memory: the recording's files are read by
:func:`btcbot.marketdata.recorded_books.load_recorded_depth`.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from btcbot.domain.market import OrderBook
from btcbot.domain.symbols import Symbol

DEFAULT_MAX_AGE_MS = 60_000


@dataclass(frozen=True, slots=True)
class Outage:
    """No trustworthy book of the symbol from ``from_ms`` until ``to_ms``."""

    from_ms: int
    to_ms: int


class RecordedDepth:
    def __init__(
        self,
        books: Mapping[Symbol, Sequence[OrderBook]],
        outages: Mapping[Symbol, Sequence[Outage]],
        *,
        max_age_ms: int = DEFAULT_MAX_AGE_MS,
    ) -> None:
        """``books`` per symbol with ``timestamp_ms`` = receive time (any order)."""
        if max_age_ms <= 0:
            raise ValueError("max_age_ms must be > 0")
        self.max_age_ms = max_age_ms
        self._books = {s: sorted(b, key=lambda book: book.timestamp_ms) for s, b in books.items()}
        self._times = {s: [book.timestamp_ms for book in b] for s, b in self._books.items()}
        self._outages = {s: sorted(o.from_ms for o in found) for s, found in outages.items()}

    @property
    def symbols(self) -> tuple[Symbol, ...]:
        return tuple(sorted(s for s, books in self._books.items() if books))

    def count(self, symbol: Symbol) -> int:
        return len(self._books.get(symbol, ()))

    def book_at(self, symbol: Symbol, at_ms: int) -> OrderBook | None:
        times = self._times.get(symbol)
        if not times:
            return None
        index = bisect_right(times, at_ms) - 1
        if index < 0:
            return None
        book = self._books[symbol][index]
        received = book.timestamp_ms
        if at_ms - received > self.max_age_ms or self._outage_between(symbol, received, at_ms):
            return None
        return book

    def _outage_between(self, symbol: Symbol, after_ms: int, until_ms: int) -> bool:
        starts = self._outages.get(symbol, ())
        index = bisect_left(starts, after_ms)
        return index < len(starts) and starts[index] <= until_ms
