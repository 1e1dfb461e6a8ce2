"""A recording directory's order books as the replay's depth source.

Reads the ``books`` and ``events`` parts (:mod:`btcbot.marketdata.recording_files`) into a
:class:`~btcbot.exchange.recorded_depth.RecordedDepth`: one book per row (receive time as its
timestamp), and outages from the gap events (``disconnect``, ``changeset_gap`` for their pair,
``events_dropped`` for every pair) and from the time no recorder ran (from the last row of a
session to the start of the next one, and on after the last session).
"""

from __future__ import annotations

from collections import defaultdict
from itertools import pairwise
from pathlib import Path

from btcbot.domain.market import OrderBook
from btcbot.domain.symbols import Symbol, SymbolError
from btcbot.exchange.recorded_depth import DEFAULT_MAX_AGE_MS, Outage, RecordedDepth
from btcbot.marketdata.recording_files import (
    RecordingError,
    read_books,
    read_events,
    read_table,
)

GAP_KINDS = frozenset({"disconnect", "changeset_gap"})
NEVER = 2**62  # an outage with no end: no recorder ran after it


def load_recorded_depth(directory: Path, *, max_age_ms: int = DEFAULT_MAX_AGE_MS) -> RecordedDepth:
    """The books of every pair recorded in ``directory``. Raises :class:`RecordingError`
    (naming the directory or file) when it holds no recorded book."""
    if not directory.is_dir():
        raise RecordingError(f"{directory}: no such recording directory")
    books: dict[Symbol, list[OrderBook]] = defaultdict(list)
    for row in read_books(directory):
        symbol = _symbol(directory, row.symbol)
        books[symbol].append(OrderBook(symbol, row.bids, row.asks, row.recv_ms, row.sequence))
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
