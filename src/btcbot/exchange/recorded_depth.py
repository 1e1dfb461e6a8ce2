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
from typing import Protocol

from btcbot.domain.market import OrderBook
from btcbot.domain.symbols import Symbol

DEFAULT_MAX_AGE_MS = 60_000


@dataclass(frozen=True, slots=True)
class Outage:
    """No trustworthy book of the symbol from ``from_ms`` until ``to_ms``."""

    from_ms: int
    to_ms: int


class BookSeries(Protocol):
    """The recorded books of one pair, in receive order (``times`` ascending)."""

    @property
    def times(self) -> Sequence[int]: ...

    def book(self, index: int) -> OrderBook:
        """The book received at ``times[index]`` (its ``timestamp_ms``)."""
        ...


class BookList:
    """A :class:`BookSeries` held in memory."""

    def __init__(self, books: Sequence[OrderBook]) -> None:
        self._books = sorted(books, key=lambda book: book.timestamp_ms)
        self._times = [book.timestamp_ms for book in self._books]

    @property
    def times(self) -> Sequence[int]:
        return self._times

    def book(self, index: int) -> OrderBook:
        return self._books[index]


class RecordedDepth:
    def __init__(
        self,
        series: Mapping[Symbol, BookSeries],
        outages: Mapping[Symbol, Sequence[Outage]],
        *,
        max_age_ms: int = DEFAULT_MAX_AGE_MS,
    ) -> None:
        if max_age_ms <= 0:
            raise ValueError("max_age_ms must be > 0")
        self.max_age_ms = max_age_ms
        self._series = dict(series)
        self._outages = {s: sorted(o.from_ms for o in found) for s, found in outages.items()}

    @classmethod
    def from_books(
        cls,
        books: Mapping[Symbol, Sequence[OrderBook]],
        outages: Mapping[Symbol, Sequence[Outage]],
        *,
        max_age_ms: int = DEFAULT_MAX_AGE_MS,
    ) -> RecordedDepth:
        """From books whose ``timestamp_ms`` is their receive time (any order)."""
        series = {symbol: BookList(found) for symbol, found in books.items()}
        return cls(series, outages, max_age_ms=max_age_ms)

    @property
    def symbols(self) -> tuple[Symbol, ...]:
        return tuple(sorted(s for s, series in self._series.items() if series.times))

    def count(self, symbol: Symbol) -> int:
        series = self._series.get(symbol)
        return len(series.times) if series is not None else 0

    def book_at(self, symbol: Symbol, at_ms: int) -> OrderBook | None:
        series = self._series.get(symbol)
        if series is None:
            return None
        index = bisect_right(series.times, at_ms) - 1
        if index < 0:
            return None
        received = series.times[index]
        if at_ms - received > self.max_age_ms or self._outage_between(symbol, received, at_ms):
            return None
        return series.book(index)

    def _outage_between(self, symbol: Symbol, after_ms: int, until_ms: int) -> bool:
        starts = self._outages.get(symbol, ())
        index = bisect_left(starts, after_ms)
        return index < len(starts) and starts[index] <= until_ms
