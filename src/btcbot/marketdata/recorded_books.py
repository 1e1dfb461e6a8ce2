"""A recording directory's order books as the replay's depth source.

Reads the ``books`` and ``events`` parts (:mod:`btcbot.marketdata.recording_files`) into a
:class:`~btcbot.exchange.recorded_depth.RecordedDepth`: one book per row (receive time as its
timestamp; kept as Arrow columns, a row becomes an ``OrderBook`` only when the replay asks for
it, so a day of books fits in memory), and outages from the gap events (``disconnect``,
``changeset_gap`` for their pair, ``events_dropped`` for every pair) and from the time no
recorder ran (from the last row of a session to the start of the next one, and on after the
last session).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from functools import lru_cache
from itertools import pairwise
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc

from btcbot.domain.market import BookLevel, OrderBook
from btcbot.domain.symbols import Symbol, SymbolError
from btcbot.exchange.recorded_depth import (
    DEFAULT_MAX_AGE_MS,
    BookSeries,
    Outage,
    RecordedDepth,
)
from btcbot.marketdata.recording_files import RecordingError, read_events, read_table

GAP_KINDS = frozenset({"disconnect", "changeset_gap"})
NEVER = 2**62  # an outage with no end: no recorder ran after it


def load_recorded_depth(directory: Path, *, max_age_ms: int = DEFAULT_MAX_AGE_MS) -> RecordedDepth:
    """The books of every pair recorded in ``directory``. Raises :class:`RecordingError`
    (naming the directory or file) when it holds no recorded book."""
    if not directory.is_dir():
        raise RecordingError(f"{directory}: no such recording directory")
    table = read_table(directory, "books")
    books: dict[Symbol, BookSeries] = {}
    for name in sorted(set(table.column("symbol").to_pylist())):
        symbol = _symbol(directory, name)
        mine = table.filter(pc.equal(table.column("symbol"), name)).sort_by("recv_ms")
        books[symbol] = ArrowBooks(symbol, mine)
    if not books:
        raise RecordingError(
            f"{directory}: no recorded order book (record with btcbot data record)"
        )
    outages: dict[Symbol, list[Outage]] = defaultdict(list)
    for event in read_events(directory):
        if event.from_ms is None or event.to_ms is None:
            continue
        if event.kind in GAP_KINDS and event.symbol is not None:
            outages[_symbol(directory, event.symbol)].append(Outage(event.from_ms, event.to_ms))
        elif event.kind == "events_dropped":
            for symbol in books:
                outages[symbol].append(Outage(event.from_ms, event.to_ms))
    for outage in _unrecorded(directory):
        for symbol in books:
            outages[symbol].append(outage)
    return RecordedDepth(books, outages, max_age_ms=max_age_ms)


class ArrowBooks:
    """One pair's recorded book rows (sorted by receive time) as a lazy book series."""

    def __init__(self, symbol: Symbol, table: pa.Table) -> None:
        self.symbol = symbol
        self._table = table
        self._times: list[int] = table.column("recv_ms").to_pylist()
        self._cached = lru_cache(maxsize=256)(self._build)

    @property
    def times(self) -> Sequence[int]:
        return self._times

    def book(self, index: int) -> OrderBook:
        return self._cached(index)

    def _build(self, index: int) -> OrderBook:
        row = self._table.slice(index, 1).to_pylist()[0]
        bids = tuple(map(BookLevel, row["bid_price"], row["bid_amount"]))
        asks = tuple(map(BookLevel, row["ask_price"], row["ask_amount"]))
        return OrderBook(self.symbol, bids, asks, row["recv_ms"], row["sequence"])


def _unrecorded(directory: Path) -> list[Outage]:
    """From each session's last row to the next session's first (or for ever)."""
    bounds: dict[int, list[int]] = {}
    for kind in ("books", "trades", "events"):
        table = read_table(directory, kind)
        for session, recv_ms in zip(
            table.column("session").to_pylist(), table.column("recv_ms").to_pylist(), strict=True
        ):
            low_high = bounds.setdefault(session, [recv_ms, recv_ms])
            low_high[0], low_high[1] = min(low_high[0], recv_ms), max(low_high[1], recv_ms)
    ordered = [bounds[session] for session in sorted(bounds)]
    ends = [Outage(before[1] + 1, after[0]) for before, after in pairwise(ordered)]
    return [*ends, Outage(ordered[-1][1] + 1, NEVER)] if ordered else ends


def _symbol(directory: Path, text: str) -> Symbol:
    try:
        return Symbol.parse(text)
    except SymbolError:
        raise RecordingError(f"{directory}: {text!r} is not a trading pair") from None
