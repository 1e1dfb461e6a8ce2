"""CSV candle file → Parquet dataset: detect the layout, sort, handle duplicates, mark gaps.

A row that is not a candle (OHLC violation) or opens off the grid of the others (a row at
``05:30`` in an hourly file) refuses the import: nothing is written, the
message names the file and line. Repeated open times refuse it too unless ``drop_duplicates``
(then the first row of each time, in file order, is kept). Rows in any order are sorted.
Gaps are kept (exchanges pause) and marked in the dataset's metadata. The timeframe is the
file's most common step unless given; a given one must be the smallest step between the rows
(a finer one would label 1h candles 30m, a coarser one 1m candles 1h).
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

from btcbot.data.checks import Findings, check_rows
from btcbot.data.csv_formats import CsvCandles, read_candles_csv
from btcbot.data.parquet import DatasetInfo, write_dataset
from btcbot.data.rows import RawCandle
from btcbot.data.timeframes import format_duration
from btcbot.domain import Symbol
from btcbot.exchange.candle_grid import off_grid_message
from btcbot.exchange.datasets import DatasetError


@dataclass(frozen=True, slots=True)
class ImportResult:
    source: CsvCandles
    findings: Findings  # of the rows as the file had them
    info: DatasetInfo  # what was written
    rows: int  # rows written
    dropped_duplicates: int
    out: Path


def import_csv(
    source: Path,
    symbol: Symbol,
    out: Path,
    *,
    interval_ms: int | None = None,
    drop_duplicates: bool = False,
) -> ImportResult:
    """Read ``source`` (any layout of :mod:`btcbot.data.csv_formats`) into a dataset at ``out``.

    Raises :class:`DatasetError` (naming file and line) and writes nothing when the file
    cannot be used as it is."""
    candles = read_candles_csv(source, base=symbol.base)
    findings = check_rows(candles.rows, interval_ms)
    _refuse_violations(findings)
    if findings.duplicates and not drop_duplicates:
        _refuse_duplicates(findings)
    rows = _first_of_each_time(candles.rows)
    interval = _interval(source, rows, interval_ms, findings)
    info = DatasetInfo(
        symbol=symbol,
        interval_ms=interval,
        source=f"{source.name} ({candles.layout})",
        gaps=check_rows(rows, interval).gaps,
    )
    write_dataset(out, info, rows)
    return ImportResult(candles, findings, info, len(rows), len(candles.rows) - len(rows), out)


def _refuse_violations(findings: Findings) -> None:
    if findings.violations:
        more = len(findings.violations) - 1
        tail = f" (and {more} more such rows)" if more else ""
        raise DatasetError(f"{findings.violations[0].message}{tail}")


def _refuse_duplicates(findings: Findings) -> None:
    first = findings.duplicates[0]
    conflicting = sum(not d.identical for d in findings.duplicates)
    raise DatasetError(
        f"{first.where}: open time {first.open_ms} repeats {first.first_where} "
        f"({len(findings.duplicates)} repeated rows, {conflicting} with different values): "
        "pass --drop-duplicates to keep the first row of each time"
    )


def _first_of_each_time(rows: tuple[RawCandle, ...]) -> list[RawCandle]:
    kept: dict[int, RawCandle] = {}
    for row in rows:
        kept.setdefault(row.open_ms, row)
    return sorted(kept.values(), key=lambda row: row.open_ms)


def _interval(source: Path, rows: list[RawCandle], given: int | None, findings: Findings) -> int:
    """The dataset's interval: ``given`` (--timeframe) only when it is the smallest step
    between the rows, else the most common step; refused (naming what to pass) when it cannot
    be told or a row opens off its grid."""
    steps = [b.open_ms - a.open_ms for a, b in pairwise(rows)]
    interval = given or findings.interval_ms
    if interval is None:
        raise DatasetError(f"{source}: one candle only: pass --timeframe")
    if given is not None and steps and given != min(steps):
        smallest = format_duration(min(steps))
        if given < min(steps):
            raise DatasetError(
                f"{source}: --timeframe {format_duration(given)} is finer than the file's "
                f"candles, which are never less than {smallest} apart: pass --timeframe "
                f"{smallest} or leave --timeframe out"
            )
        raise DatasetError(
            f"{source}: rows {smallest} apart are finer than the timeframe "
            f"{format_duration(given)}: pass the file's own timeframe ({smallest}) or leave "
            "--timeframe out"
        )
    if findings.off_grid:
        first = findings.off_grid[0]
        raise DatasetError(
            off_grid_message(
                first.where,
                str(source),
                first.open_ms,
                interval,
                first.before_ms,
                len(findings.off_grid) - 1,
            )
        )
    return interval
