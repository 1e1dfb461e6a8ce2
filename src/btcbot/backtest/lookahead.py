"""Indicators computed once over a whole dataset, and the proof that they do not look ahead.

In a replay a strategy's :meth:`indicators` runs once over each symbol's whole series
(:func:`replay_frames`); each cycle then sees the columns only up to its last closed candle
(:class:`ReplayFrames`, and :class:`~btcbot.decision.frames.Series` raises on a later row).
That guard cannot see inside an indicator: a column computed from later candles (a shift the
wrong way, a centred window, a normalisation by the series' maximum) would leak the future
into rows the decision may read. :func:`check_no_lookahead` catches it: it recomputes the
indicators on the data cut at many points and requires every row up to the cut to be the
same as in the whole-dataset run; the first difference is reported with the column, the
symbol and the bar (:class:`LookaheadDetected`). A backtest runs this check before its first
cycle.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from btcbot.decision.frames import CANDLE_COLUMNS, Frame
from btcbot.domain import Symbol
from btcbot.exchange.datasets import ReplayDataset

Indicators = Callable[[Frame], Mapping[str, Sequence[Any]]]
CHECK_POINTS = 24
"""Cuts per symbol: spread evenly over the series (and always its first and last rows)."""


class LookaheadDetected(ValueError):
    """An indicator's value at some bar depends on later candles."""


@dataclass(frozen=True, slots=True)
class ReplayFrames:
    """Each symbol's whole-dataset frame; :meth:`at` shows the rows closed by a time."""

    frames: Mapping[Symbol, Frame]
    close_ms: Mapping[Symbol, Sequence[int]]

    def at(self, now_ms: int) -> Mapping[Symbol, Frame]:
        return {
            symbol: frame.at(bisect_right(self.close_ms[symbol], now_ms))
            for symbol, frame in self.frames.items()
        }


def replay_frames(dataset: ReplayDataset, indicators: Indicators) -> ReplayFrames:
    """Candle columns of every series plus its indicators, computed once."""
    frames: dict[Symbol, Frame] = {}
    closes: dict[Symbol, Sequence[int]] = {}
    for symbol, series in sorted(dataset.series.items()):
        base = Frame.of_candles(symbol, [bar.candle for bar in series.bars])
        frames[symbol] = base.with_columns(indicators(base))
        closes[symbol] = [bar.close_ms for bar in series.bars]
    return ReplayFrames(frames, closes)


def cut_points(rows: int, count: int = CHECK_POINTS) -> list[int]:
    """Row counts to cut a series at: ``count`` spread over ``1..rows`` (both ends in)."""
    if rows <= 0:
        return []
    if rows <= count:
        return list(range(1, rows + 1))
    step = (rows - 1) / (count - 1)
    return sorted({1 + round(i * step) for i in range(count)})


def check_no_lookahead(
    frames: ReplayFrames, indicators: Indicators, count: int = CHECK_POINTS
) -> None:
    """Raise :class:`LookaheadDetected` unless every indicator row up to each cut is the same
    computed on the data up to the cut as on the whole dataset."""
    for symbol, full in frames.frames.items():
        candles = {name: full.columns[name] for name in CANDLE_COLUMNS}
        for rows in cut_points(full.rows, count):
            cut = Frame(symbol, {name: column[:rows] for name, column in candles.items()}, rows)
            part = indicators(cut)
            _compare(symbol, full, part, rows)


def _compare(symbol: Symbol, full: Frame, part: Mapping[str, Sequence[Any]], rows: int) -> None:
    names = set(full.columns) - set(CANDLE_COLUMNS)
    if set(part) != names:
        raise LookaheadDetected(
            f"lookahead check: the indicators of {symbol.normalized} computed on its first "
            f"{rows} candles are {sorted(part)}, on the whole dataset {sorted(names)}: "
            "indicators must not depend on how much data follows"
        )
    for name in sorted(names):
        whole, cut = full.columns[name], part[name]
        if len(cut) != rows:
            raise LookaheadDetected(
                f"lookahead check: indicator {name!r} of {symbol.normalized} has {len(cut)} "
                f"values for {rows} candles: give one value per candle (None where unknown)"
            )
        for row in range(rows):
            if whole[row] != cut[row]:
                when = _when(full, row)
                raise LookaheadDetected(
                    f"lookahead: indicator {name!r} of {symbol.normalized} at bar {row} "
                    f"({when}) is {whole[row]!r} computed on the whole dataset but "
                    f"{cut[row]!r} computed on the candles up to bar {rows - 1}: it reads "
                    "candles that had not closed yet"
                )


def _when(frame: Frame, row: int) -> str:
    opened = int(frame.columns["open_time_s"][row])
    return datetime.fromtimestamp(opened, UTC).strftime("%Y-%m-%dT%H:%MZ")


__all__ = [
    "CHECK_POINTS",
    "LookaheadDetected",
    "ReplayFrames",
    "check_no_lookahead",
    "cut_points",
    "replay_frames",
]
