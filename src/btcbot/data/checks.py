"""What is wrong with a sequence of candle rows: the findings ``btcbot data validate`` prints.

* **out of order**: a row that steps against the file's direction: before the previous row
  in an oldest-first file, after it in a newest-first one (a file is newest first when most of
  its steps go back in time, as in CryptoDataDownload's exports);
* **duplicate**: a second row with an open time already seen (``identical`` when every value
  matches the first one, else conflicting);
* **OHLC violation**: a row that is not a candle (a price <= 0, negative volume,
  ``low > min(open, close)`` or ``high < max(open, close)``, a lone or crossed bid/ask);
* **off grid**: a row whose open time is off the interval's grid, the open time modulo the
  interval that most rows share (a row at ``05:30`` in an hourly file,
  :mod:`btcbot.exchange.candle_grid`): a replay refuses it, since it would close the candles
  around it at the wrong time;
* **quote off range**: a row whose bid is above its high or whose ask is below its low: a
  book at the close that no trade of the candle touched. Possible (a thin pair whose book
  moved after its last trade) but more often a quote from another market or time; a replay
  fills at those quotes, so they can make fills better than the candle's trades allow. Shown,
  and a problem only with ``--strict``, as gaps are;
* **gap**: consecutive open times (after sorting, duplicates removed) further apart than one
  interval; ``missing`` is how many candles would fit in it.

The interval is the one given (a dataset's declared timeframe) or the most common step.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from btcbot.data.rows import RawCandle
from btcbot.exchange.candle_grid import dominant_step_ms, grid_neighbours, grid_phase, off_grid


@dataclass(frozen=True, slots=True)
class OutOfOrder:
    where: str
    open_ms: int
    previous_where: str
    previous_ms: int


@dataclass(frozen=True, slots=True)
class Duplicate:
    where: str
    first_where: str
    open_ms: int
    identical: bool


@dataclass(frozen=True, slots=True)
class Violation:
    where: str
    message: str


@dataclass(frozen=True, slots=True)
class OffGrid:
    """A row opening at ``open_ms``, between the grid times ``before_ms`` and ``after_ms``."""

    where: str
    open_ms: int
    before_ms: int
    after_ms: int


@dataclass(frozen=True, slots=True)
class OffRange:
    """A row's quote that its candle's trades never reached (bid above high, ask below low)."""

    where: str
    message: str


@dataclass(frozen=True, slots=True)
class Gap:
    """No candle opens strictly between ``after_ms`` and ``before_ms``."""

    after_ms: int
    before_ms: int
    missing: int


@dataclass(frozen=True, slots=True)
class Findings:
    rows: int
    interval_ms: int | None
    first_ms: int | None
    last_ms: int | None
    newest_first: bool  # most steps go back in time (a reversed export)
    out_of_order: tuple[OutOfOrder, ...]
    duplicates: tuple[Duplicate, ...]
    violations: tuple[Violation, ...]
    gaps: tuple[Gap, ...]
    off_grid: tuple[OffGrid, ...] = ()
    off_range: tuple[OffRange, ...] = ()

    @property
    def clean(self) -> bool:
        """No row a replay would refuse (gaps are allowed: exchanges pause)."""
        return not (self.out_of_order or self.duplicates or self.violations or self.off_grid)


def check_rows(rows: Sequence[RawCandle], interval_ms: int | None = None) -> Findings:
    times = [row.open_ms for row in rows]
    interval = interval_ms or dominant_step_ms(times)
    steps = [b.open_ms - a.open_ms for a, b in pairwise(rows)]
    newest_first = sum(step < 0 for step in steps) > sum(step > 0 for step in steps)
    return Findings(
        rows=len(rows),
        interval_ms=interval,
        first_ms=min(times, default=None),
        last_ms=max(times, default=None),
        newest_first=newest_first,
        out_of_order=_out_of_order(rows, newest_first),
        duplicates=_duplicates(rows),
        violations=tuple(
            Violation(row.where, problem) for row in rows if (problem := row.problem()) is not None
        ),
        gaps=_gaps(sorted(set(times)), interval),
        off_grid=_off_grid(rows, times, interval),
        off_range=tuple(found for row in rows if (found := _off_range(row)) is not None),
    )


def _off_range(row: RawCandle) -> OffRange | None:
    bid, ask = row.bid, row.ask
    if bid is None or ask is None or row.problem() is not None:  # a violation says it
        return None
    if bid > row.high:
        return OffRange(row.where, f"{row.where}: bid {bid} above the candle's high {row.high}")
    if ask < row.low:
        return OffRange(row.where, f"{row.where}: ask {ask} below the candle's low {row.low}")
    return None


def _off_grid(
    rows: Sequence[RawCandle], times: Sequence[int], interval_ms: int | None
) -> tuple[OffGrid, ...]:
    if not interval_ms:
        return ()
    phase = grid_phase(times, interval_ms)
    found: list[OffGrid] = []
    for index in off_grid(times, interval_ms, phase):
        row = rows[index]
        before, after = grid_neighbours(row.open_ms, phase, interval_ms)
        found.append(OffGrid(row.where, row.open_ms, before, after))
    return tuple(found)


def _out_of_order(rows: Sequence[RawCandle], newest_first: bool) -> tuple[OutOfOrder, ...]:
    found: list[OutOfOrder] = []
    for before, after in pairwise(rows):
        if (after.open_ms > before.open_ms) if newest_first else (after.open_ms < before.open_ms):
            found.append(OutOfOrder(after.where, after.open_ms, before.where, before.open_ms))
    return tuple(found)


def _duplicates(rows: Sequence[RawCandle]) -> tuple[Duplicate, ...]:
    first: dict[int, RawCandle] = {}
    found: list[Duplicate] = []
    for row in rows:
        seen = first.setdefault(row.open_ms, row)
        if seen is not row:
            found.append(Duplicate(row.where, seen.where, row.open_ms, _same(seen, row)))
    return tuple(found)


def _same(a: RawCandle, b: RawCandle) -> bool:
    values = ("open", "high", "low", "close", "volume", "bid", "ask")
    return all(getattr(a, name) == getattr(b, name) for name in values)


def _gaps(times: Sequence[int], interval_ms: int | None) -> tuple[Gap, ...]:
    if not interval_ms:
        return ()
    return tuple(
        Gap(a, b, (b - a) // interval_ms - 1) for a, b in pairwise(times) if b - a > interval_ms
    )
