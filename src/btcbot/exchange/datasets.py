"""Replay datasets: historical candles per symbol, loaded from CSV and validated.

Format
------
A dataset is one CSV file per symbol; a dataset directory holds them side by side, each named
after its pair (``BTC_TRY.csv`` or ``BTCTRY.csv``; ``load_dataset`` can map other file names to
symbols). Each file has a header row and one row per candle, oldest first::

    ts,open,high,low,close,volume[,bid,ask]
    2024-01-01T00:00:00Z,1280000,1284000,1279000,1283000,12.5,1282900,1283100

* ``ts`` is the candle's OPEN time: an epoch number or ISO-8601 (``2019-12-20 10:00:00``; no
  zone means UTC). An epoch number's unit is told by its size, as for the common candle files:
  seconds (10 digits today), milliseconds (13), microseconds (16) or nanoseconds (19); each
  unit's range starts in 1973 and ends in the year 5138. Header aliases ``timestamp``, ``time``,
  ``open_time``, ``date`` and ``datetime`` are accepted, and header names are case-insensitive,
  so the shared Binance TR file (``Open_Time,Open,High,Low,Close,Volume``) and the 1m sets
  (``timestamp``/``open_time,open,...``) load as they are.
* ``open``/``high``/``low``/``close`` are positive decimals with ``low <= open, close <= high``;
  ``volume`` is the base volume (>= 0).
* ``bid``/``ask`` (aliases ``best_bid``/``best_ask``) are optional: the best prices at the
  candle's close. When present, the replay builds its book on them instead of on a synthetic
  spread around ``close``. A row may leave both empty.
* Timestamps strictly increase. Gaps (exchange maintenance) are allowed; the candle interval
  is the most common step between rows unless given explicitly, and then every row must open
  on that interval's grid (:mod:`btcbot.exchange.candle_grid`): a row at ``05:30`` in an hourly
  file is refused rather than read as a 30-minute interval. A one-row file has no interval to
  tell: import it with ``btcbot data import --timeframe``.

Every rejected row raises :class:`DatasetError` naming the file and line. Money stays Decimal.
"""

from __future__ import annotations

import csv
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal
from itertools import pairwise
from pathlib import Path
from types import MappingProxyType

from btcbot.domain.market import Candle
from btcbot.domain.money import ZERO, MoneyError, format_decimal, to_decimal
from btcbot.domain.slots import fast_init
from btcbot.domain.symbols import Symbol, SymbolError
from btcbot.exchange.candle_grid import (
    dominant_step_ms,
    grid_neighbours,
    grid_phase,
    off_grid,
    off_grid_message,
)

COLUMNS = ("ts", "open", "high", "low", "close", "volume")
ALIASES: Mapping[str, str] = MappingProxyType(
    {
        "timestamp": "ts",
        "time": "ts",
        "open_time": "ts",
        "date": "ts",
        "datetime": "ts",
        "best_bid": "bid",
        "best_ask": "ask",
    }
)
# An epoch number's unit by its size: a unit's values run from 10**11 of the next finer unit
# (the year 1973) up to 10**11 of its own (the year 5138). (lowest value, ms = value *
# multiplier / divisor), finest unit first.
_EPOCH_UNITS = (
    (10**17, 1, 1_000_000),  # nanoseconds
    (10**14, 1, 1_000),  # microseconds
    (10**11, 1, 1),  # milliseconds
    (0, 1_000, 1),  # seconds
)
_MAX_MS = 253_402_300_800_000  # 10000-01-01: past every unit's range and datetime's


class DatasetError(ValueError):
    """A dataset file cannot be used; the message names the file and line."""


@fast_init
@dataclass(frozen=True, slots=True)
class Bar:
    """One candle with its exact open/close times in ms and optional best bid/ask at close."""

    candle: Candle
    open_ms: int
    close_ms: int
    bid: Decimal | None = None
    ask: Decimal | None = None


@dataclass(frozen=True, slots=True)
class Series:
    """The candles of one symbol, strictly increasing in time."""

    symbol: Symbol
    interval_ms: int
    bars: tuple[Bar, ...]
    source: str = "memory"

    def __post_init__(self) -> None:
        if self.interval_ms <= 0:
            raise DatasetError(f"{self.source}: interval must be positive")
        if not self.bars:
            raise DatasetError(f"{self.source}: no candles for {self.symbol}")
        for before, after in pairwise(self.bars):
            if after.open_ms < before.open_ms + self.interval_ms:
                raise DatasetError(
                    f"{self.source}: candle at {after.open_ms} ms starts before the candle at "
                    f"{before.open_ms} ms ends (interval {self.interval_ms} ms)"
                )

    @property
    def start_ms(self) -> int:
        return self.bars[0].open_ms

    @property
    def end_ms(self) -> int:
        return self.bars[-1].close_ms


@dataclass(frozen=True, slots=True, weakref_slot=True)
class ReplayDataset:
    """Series by symbol: everything a :class:`~btcbot.exchange.replay.ReplayExchange` replays."""

    series: Mapping[Symbol, Series] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.series:
            raise DatasetError("a replay dataset needs at least one series")
        for symbol, one in self.series.items():
            if one.symbol != symbol:
                raise DatasetError(f"series of {one.symbol} filed under {symbol}")

    @classmethod
    def of(cls, *series: Series) -> ReplayDataset:
        by_symbol: dict[Symbol, Series] = {}
        for one in series:
            if one.symbol in by_symbol:
                raise DatasetError(f"two series for {one.symbol}: {one.source}")
            by_symbol[one.symbol] = one
        return cls(MappingProxyType(by_symbol))

    @property
    def symbols(self) -> tuple[Symbol, ...]:
        return tuple(sorted(self.series))

    @property
    def start_ms(self) -> int:
        return min(one.start_ms for one in self.series.values())

    @property
    def end_ms(self) -> int:
        return max(one.end_ms for one in self.series.values())


# --------------------------------------------------------------------------------- parsing
def closed_by(closes: Sequence[int], now_ms: int, hint: int) -> int:
    """How many of the ascending ``closes`` are at or before ``now_ms`` (``bisect_right``),
    for a clock that moves forward: ``hint`` is the answer at an earlier time. The answer is
    the hint or the next index (the clock moved by a bar at most), else a bisection on from it;
    a hint past the answer (the clock went back) bisects the whole.

    A bisection of a year of minute bars dereferences ~19 int objects spread over memory;
    this reads one or two."""
    size = len(closes)
    if hint > size or (hint > 0 and closes[hint - 1] > now_ms):
        return bisect_right(closes, now_ms)
    if hint < size and closes[hint] <= now_ms:
        hint += 1
        if hint < size and closes[hint] <= now_ms:
            return bisect_right(closes, now_ms, hint + 1)
    return hint


def parse_timestamp_ms(text: str) -> int:
    """An epoch number (seconds, ms, µs or ns, told by its size: see the module) or ISO-8601
    (naive = UTC) to epoch ms; ``ValueError`` if not, or past the year 9999."""
    raw = text.strip()
    if raw.replace(".", "", 1).isdigit():
        value = Decimal(raw)
        multiplier, divisor = next((m, d) for low, m, d in _EPOCH_UNITS if value >= low)
        millis = value * multiplier / divisor
        if millis >= _MAX_MS:
            raise ValueError(f"{raw!r} is past the year 9999 in any epoch unit")
        if millis != millis.to_integral_value():
            raise ValueError(f"{raw!r} is not a whole number of milliseconds")
        return int(millis)
    moment = datetime.fromisoformat(raw.replace("Z", "+00:00"))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    delta = moment - datetime(1970, 1, 1, tzinfo=UTC)
    return (delta.days * 86_400 + delta.seconds) * 1000 + delta.microseconds // 1000


@dataclass(frozen=True, slots=True)
class _Row:
    line: int
    open_ms: int
    values: tuple[Decimal, Decimal, Decimal, Decimal, Decimal]
    bid: Decimal | None
    ask: Decimal | None


class _Reader:
    """Turns the rows of one CSV file into validated ``_Row`` values."""

    def __init__(self, source: str, header: Sequence[str]) -> None:
        self.source = source
        names = [ALIASES.get(name.strip().lower(), name.strip().lower()) for name in header]
        missing = [column for column in COLUMNS if column not in names]
        if missing:
            raise DatasetError(
                f"{source}:1: header {list(header)} lacks {missing}; "
                f"expected {','.join(COLUMNS)}[,bid,ask] (a CSV in another layout, e.g. "
                "Binance's, Coinbase's or CryptoDataDownload's: convert it with btcbot data "
                "import)"
            )
        self.index = {name: names.index(name) for name in (*COLUMNS, "bid", "ask") if name in names}
        self.width = len(names)

    def row(self, line: int, cells: Sequence[str]) -> _Row:
        where = f"{self.source}:{line}"
        if len(cells) != self.width:
            raise DatasetError(f"{where}: {len(cells)} cells, the header has {self.width}")
        try:
            open_ms = parse_timestamp_ms(cells[self.index["ts"]])
        except ValueError:
            text = cells[self.index["ts"]]
            raise DatasetError(
                f"{where}: bad timestamp {text!r}: use epoch seconds, ms, µs or ns (a whole "
                "number of ms) or ISO-8601"
            ) from None
        values = tuple(self._decimal(where, cells, name) for name in COLUMNS[1:])
        o, h, low, c, v = values
        check_candle(where, o, h, low, c, v)
        bid, ask = self._optional(where, cells, "bid"), self._optional(where, cells, "ask")
        check_quote(where, bid, ask)
        return _Row(line, open_ms, (o, h, low, c, v), bid, ask)

    def _decimal(self, where: str, cells: Sequence[str], name: str) -> Decimal:
        text = cells[self.index[name]]
        try:
            return to_decimal(text)
        except MoneyError:
            raise DatasetError(f"{where}: {name} {text!r} is not a decimal number") from None

    def _optional(self, where: str, cells: Sequence[str], name: str) -> Decimal | None:
        if name not in self.index or not cells[self.index[name]].strip():
            return None
        return self._decimal(where, cells, name)


def check_candle(where: str, o: Decimal, h: Decimal, low: Decimal, c: Decimal, v: Decimal) -> None:
    """Raise :class:`DatasetError` (prefixed ``where``) unless the candle is consistent."""
    if min(o, h, low, c) <= ZERO:
        raise DatasetError(f"{where}: prices must be positive")
    if v < ZERO:
        raise DatasetError(f"{where}: volume {format_decimal(v)} is negative")
    if not low <= min(o, c) <= max(o, c) <= h:
        raise DatasetError(
            f"{where}: inconsistent candle: need low <= open, close <= high, got "
            f"open {format_decimal(o)} high {format_decimal(h)} low {format_decimal(low)} "
            f"close {format_decimal(c)}"
        )


def check_quote(where: str, bid: Decimal | None, ask: Decimal | None) -> None:
    """Raise :class:`DatasetError` unless bid/ask are both absent or ``0 < bid < ask``."""
    if (bid is None) != (ask is None):
        raise DatasetError(f"{where}: give both bid and ask, or neither")
    if bid is not None and ask is not None and not ZERO < bid < ask:
        raise DatasetError(f"{where}: need 0 < bid < ask, got {bid} / {ask}")


def _rows(path: Path) -> Iterator[_Row]:
    source = str(path)
    try:
        handle = path.open(newline="", encoding="utf-8-sig")  # a leading BOM is not the header
    except OSError as exc:
        raise DatasetError(f"{source}: cannot open: {exc.strerror}") from None
    with handle:
        table = csv.reader(handle)
        try:
            yield from _table_rows(source, table)
        except UnicodeDecodeError:
            raise DatasetError(
                f"{source}:{table.line_num + 1}: not UTF-8 text: is it a CSV of candles "
                "(ts,open,high,low,close,volume)?"
            ) from None
        except csv.Error as exc:
            raise DatasetError(f"{source}:{table.line_num}: not a CSV of candles ({exc})") from None


def _table_rows(source: str, table: Iterator[list[str]]) -> Iterator[_Row]:
    header = next(table, None)
    if header is None:
        raise DatasetError(f"{source}: empty file (a header row is required)")
    reader = _Reader(source, header)
    previous: _Row | None = None
    for line, cells in enumerate(table, start=2):
        if not cells:
            continue
        row = reader.row(line, cells)
        if previous is not None and row.open_ms <= previous.open_ms:
            raise DatasetError(
                f"{source}:{line}: timestamp {row.open_ms} ms is not after line "
                f"{previous.line} ({previous.open_ms} ms): rows must be strictly increasing"
            )
        previous = row
        yield row


def _infer_interval(source: str, rows: Sequence[_Row]) -> int:
    """The most common step (a stray row does not set it; see :func:`_refuse_off_grid`)."""
    interval = dominant_step_ms([row.open_ms for row in rows])
    if interval is None:
        raise DatasetError(
            f"{source}: one candle only, so its interval cannot be told: a replay needs at "
            f"least two candles, or import it with `btcbot data import {source} --symbol PAIR "
            "--timeframe INTERVAL --out DATASET.parquet` (e.g. --timeframe 1h) and pass the "
            "dataset"
        )
    return interval


def _refuse_off_grid(source: str, rows: Sequence[_Row], interval_ms: int) -> None:
    """Refuse a row that opens off the grid of the others: replaying it would close its
    neighbours' candles before they really close."""
    times = [row.open_ms for row in rows]
    phase = grid_phase(times, interval_ms)
    stray = off_grid(times, interval_ms, phase)
    if not stray:
        return
    row = rows[stray[0]]
    before, _ = grid_neighbours(row.open_ms, phase, interval_ms)
    where = f"{source}:{row.line}"
    raise DatasetError(
        off_grid_message(where, source, row.open_ms, interval_ms, before, len(stray) - 1)
    )


def read_series(
    path: Path | str,
    symbol: Symbol,
    *,
    interval_ms: int | None = None,
    start_ms: int | None = None,
    end_ms: int | None = None,
) -> Series:
    """Load one symbol's CSV (any supported header), keeping candles that open in
    ``[start_ms, end_ms)``. The whole file is validated either way."""
    path = Path(path)
    rows = list(_rows(path))
    if not rows:
        raise DatasetError(f"{path}: no candle rows")
    interval = interval_ms
    if interval is None:  # told by the rows: then every row must be on its grid
        interval = _infer_interval(str(path), rows)
        _refuse_off_grid(str(path), rows, interval)
    kept = [
        _bar(symbol, interval, row)
        for row in rows
        if (start_ms is None or row.open_ms >= start_ms)
        and (end_ms is None or row.open_ms < end_ms)
    ]
    if not kept:
        raise DatasetError(f"{path}: no candle opens in the requested window")
    return Series(symbol, interval, tuple(kept), str(path))


def _bar(symbol: Symbol, interval_ms: int, row: _Row) -> Bar:
    o, h, low, c, v = row.values
    candle = Candle(symbol, row.open_ms // 1000, o, h, low, c, v)
    return Bar(candle, row.open_ms, row.open_ms + interval_ms, row.bid, row.ask)


def load_dataset(
    directory: Path | str,
    *,
    symbols: Mapping[str, Symbol] | None = None,
    interval_ms: int | None = None,
    start_ms: int | None = None,
    end_ms: int | None = None,
) -> ReplayDataset:
    """Load every ``*.csv`` of ``directory``; a file's symbol is ``symbols[file stem]`` or the
    stem read as a pair (``BTC_TRY``, ``BTCTRY``)."""
    folder = Path(directory)
    files = sorted(folder.glob("*.csv"))
    if not files:
        raise DatasetError(f"{folder}: no *.csv files")
    series = []
    for path in files:
        symbol = _symbol_for(path, symbols or {})
        window = {"interval_ms": interval_ms, "start_ms": start_ms, "end_ms": end_ms}
        series.append(read_series(path, symbol, **window))
    return ReplayDataset.of(*series)


def _symbol_for(path: Path, symbols: Mapping[str, Symbol]) -> Symbol:
    if path.stem in symbols:
        return symbols[path.stem]
    try:
        return Symbol.parse(path.stem)
    except SymbolError:
        raise DatasetError(
            f"{path}: cannot tell the pair from the file name: name it like BTC_TRY.csv "
            "or map it with symbols={...}"
        ) from None


def series_from_bars(
    symbol: Symbol,
    interval_ms: int,
    rows: Iterable[tuple[int, Decimal, Decimal, Decimal, Decimal, Decimal]],
    source: str = "memory",
) -> Series:
    """A series from ``(open_ms, open, high, low, close, volume)`` tuples (tests, captures)."""
    bars: list[Bar] = []
    for number, (open_ms, o, h, low, c, v) in enumerate(rows, start=1):
        check_candle(f"{source}:row {number}", o, h, low, c, v)
        candle = Candle(symbol, open_ms // 1000, o, h, low, c, v)
        bars.append(Bar(candle, open_ms, open_ms + interval_ms))
    return Series(symbol, interval_ms, tuple(bars), source)


def write_series(path: Path | str, series: Series) -> None:
    """Write ``series`` in the dataset format (ts in epoch ms; bid/ask when any bar has them)."""
    quoted = any(bar.bid is not None for bar in series.bars)
    with Path(path).open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle, lineterminator="\n")
        out.writerow([*COLUMNS, *(("bid", "ask") if quoted else ())])
        for bar in series.bars:
            c = bar.candle
            prices = (c.open, c.high, c.low, c.close, c.volume)
            row = [str(bar.open_ms), *(format_decimal(p) for p in prices)]
            if quoted:
                row += [_text(bar.bid), _text(bar.ask)]
            out.writerow(row)


def _text(value: Decimal | None) -> str:
    return "" if value is None else format_decimal(value)
