"""Parquet candle datasets: one symbol per file, exact decimals, a declared schema.

Schema (version 1)
------------------
=========================  ====================  ===============================================
column                     Arrow type            meaning
=========================  ====================  ===============================================
``ts``                     int64, not null       candle OPEN time, epoch milliseconds, UTC
``open high low close``    decimal128(p, s)      prices in the quote currency, exact
``volume``                 decimal128(p, s)      base volume, exact
``bid ask`` (optional)     decimal128(p, s)      best bid/ask at the candle's close; null = none
=========================  ====================  ===============================================

Each decimal column has its own scale ``s``, the most decimal places any of its values has, and
the precision ``p`` (at most 38) its values need, so every value round-trips exactly
(``42330.0`` reads back as ``42330.0``). A reader also accepts
the same columns as strings (``"42330.0"``). Rows are sorted by ``ts``, one row per ``ts``.

File metadata (UTF-8 key/values): ``btcbot.dataset`` (schema version), ``symbol`` (``BTC_TRY``),
``timeframe`` (``1h``) and ``interval_ms``, ``source`` (where the rows came from) and ``gaps``
(JSON ``[[after_ms, before_ms], ...]``: the known holes, marked at import).
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from itertools import pairwise
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from btcbot.data.checks import Gap
from btcbot.data.rows import RawCandle, to_series
from btcbot.data.timeframes import format_duration
from btcbot.domain import Symbol
from btcbot.domain.market import Candle
from btcbot.domain.money import MoneyError, to_decimal
from btcbot.domain.symbols import SymbolError
from btcbot.exchange.datasets import Bar, DatasetError, Series

SCHEMA_VERSION = "1"
VERSION_KEY = "btcbot.dataset"
DECIMAL_COLUMNS = ("open", "high", "low", "close", "volume")
QUOTE_COLUMNS = ("bid", "ask")
MAX_PRECISION = 38
TS_FIELD_METADATA = {"unit": "ms", "timezone": "UTC", "meaning": "candle open time"}


@dataclass(frozen=True, slots=True)
class DatasetInfo:
    """A Parquet dataset's declared metadata."""

    symbol: Symbol
    interval_ms: int
    source: str
    gaps: tuple[Gap, ...]

    @property
    def timeframe(self) -> str:
        return format_duration(self.interval_ms)


def write_dataset(path: Path, info: DatasetInfo, rows: Sequence[RawCandle]) -> None:
    """Write sorted, unique rows; the file appears whole or not at all (temp file + rename)."""
    quoted = any(row.bid is not None for row in rows)
    columns: dict[str, pa.Array] = {"ts": pa.array([r.open_ms for r in rows], pa.int64())}
    for name in DECIMAL_COLUMNS + (QUOTE_COLUMNS if quoted else ()):
        columns[name] = _decimal_array(name, [getattr(r, name) for r in rows])
    fields = [pa.field("ts", pa.int64(), nullable=False, metadata=TS_FIELD_METADATA)]
    fields += [
        pa.field(name, array.type, nullable=name in QUOTE_COLUMNS)
        for name, array in columns.items()
        if name != "ts"
    ]
    schema = pa.schema(fields, metadata=_metadata(info))
    table = pa.Table.from_arrays(list(columns.values()), schema=schema)
    temporary = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    try:
        pq.write_table(table, temporary, compression="zstd")
        temporary.replace(path)
    finally:
        temporary.unlink(missing_ok=True)


def _decimal_array(name: str, values: Sequence[Decimal | None]) -> pa.Array:
    present = [v for v in values if v is not None]
    scale = max((max(0, -int(v.as_tuple().exponent)) for v in present), default=0)
    digits = max((len(str(abs(int(v)))) for v in present), default=1)
    if digits + scale > MAX_PRECISION:
        raise DatasetError(
            f"{name}: values need {digits + scale} digits, more than decimal128's {MAX_PRECISION}"
        )
    unit = Decimal(1).scaleb(-scale)
    exact = [None if v is None else v.quantize(unit) for v in values]
    return pa.array(exact, pa.decimal128(digits + scale, scale))


def _metadata(info: DatasetInfo) -> dict[str, str]:
    return {
        VERSION_KEY: SCHEMA_VERSION,
        "symbol": info.symbol.normalized,
        "timeframe": info.timeframe,
        "interval_ms": str(info.interval_ms),
        "source": info.source,
        "gaps": json.dumps([[gap.after_ms, gap.before_ms] for gap in info.gaps]),
    }


def read_dataset_rows(path: Path) -> tuple[DatasetInfo, tuple[RawCandle, ...]]:
    """The declared metadata and every row as stored (unchecked, in file order)."""
    table = _table(path)
    info = _info(path, table.schema.metadata or {})
    _check_columns(path, table.schema)
    names = [
        name for name in ("ts", *DECIMAL_COLUMNS, *QUOTE_COLUMNS) if name in table.schema.names
    ]
    data = {name: table.column(name).to_pylist() for name in names}
    rows = []
    for index, open_ms in enumerate(data["ts"]):
        where = f"{path}:row {index + 1}"
        if open_ms is None:
            raise DatasetError(f"{where}: ts is null")
        values = [_value(where, name, data[name][index]) for name in DECIMAL_COLUMNS]
        quotes = [_value(where, n, data[n][index]) if n in data else None for n in QUOTE_COLUMNS]
        if any(v is None for v in values):
            raise DatasetError(f"{where}: open/high/low/close/volume must not be null")
        o, h, low, c, v = (value for value in values if value is not None)
        rows.append(RawCandle(where, int(open_ms), o, h, low, c, v, quotes[0], quotes[1]))
    return info, tuple(rows)


def read_dataset_info(path: Path) -> DatasetInfo:
    """A dataset's declared metadata alone (its footer: no row is read)."""
    try:
        schema = pq.read_schema(path)
    except (pa.ArrowException, OSError) as exc:
        raise DatasetError(f"{path}: not a readable Parquet file: {exc}") from None
    return _info(path, schema.metadata or {})


def read_dataset(
    path: Path,
    *,
    start_ms: int | None = None,
    end_ms: int | None = None,
    times: SharedTimes | None = None,
) -> Series:
    """The replay series of a dataset, keeping candles that open in ``[start_ms, end_ms)``.

    The whole file is checked either way (column-wise; :class:`DatasetError` names the first
    bad row). Only the kept rows become Python objects. ``times``: shared with the other series
    read alongside (a directory's), so that a time they have in common is one int object (20
    pairs × a year of minutes: ~0.5 GB fewer)."""
    table = _table(path)
    info = _info(path, table.schema.metadata or {})
    _check_columns(path, table.schema)
    if not all(pa.types.is_decimal(table.schema.field(n).type) for n in DECIMAL_COLUMNS):
        _, rows = read_dataset_rows(path)  # string columns: checked row by row
        _check_order(path, rows)
        window = {"start_ms": start_ms, "end_ms": end_ms}
        return to_series(info.symbol, info.interval_ms, rows, str(path), **window)
    _check_table(path, table)
    kept = _window(table, start_ms, end_ms)
    if kept.num_rows == 0:
        raise DatasetError(f"{path}: no candle opens in the requested window")
    return _series(path, info, kept, {} if times is None else times)


def _check_table(path: Path, table: pa.Table) -> None:
    ts = table.column("ts")
    if len(ts) == 0:
        raise DatasetError(f"{path}: no candle rows")
    if ts.null_count:
        row = int(pc.index(pc.is_null(ts), True).as_py())
        raise DatasetError(f"{path}:row {row + 1}: ts is null")
    # column-wise: a year of 1m candles is half a million rows
    times = ts.combine_chunks()
    backwards = pc.less_equal(times.slice(1), times.slice(0, len(times) - 1))
    row = int(pc.index(backwards, True).as_py())
    if row >= 0:
        before, after = times[row].as_py(), times[row + 1].as_py()
        raise DatasetError(
            f"{path}:row {row + 2}: ts {after} is not after the previous row's {before}: "
            f"run btcbot data validate {path}"
        )
    try:
        bad = _first_bad_row(table)
    except pa.ArrowException:  # decimal types too wide to compare: check row by row
        bad = next((i for i, r in enumerate(read_dataset_rows(path)[1]) if r.problem()), None)
    if bad is not None:
        _, rows = read_dataset_rows(path)
        raise DatasetError(rows[bad].problem() or f"{path}:row {bad + 1}: not a candle")


def _first_bad_row(table: pa.Table) -> int | None:
    """Index of the first row that is not a candle (tested column-wise), or None."""
    o, h, low, c, v = (table.column(name) for name in DECIMAL_COLUMNS)
    zero = pa.scalar(Decimal(0))
    tests = [
        pc.less_equal(low, zero),
        pc.less(v, zero),
        pc.greater(low, o),
        pc.greater(low, c),
        pc.less(h, o),
        pc.less(h, c),
        *(pc.is_null(table.column(name)) for name in DECIMAL_COLUMNS),
    ]
    if "bid" in table.schema.names and "ask" in table.schema.names:
        bid, ask = table.column("bid"), table.column("ask")
        tests.append(pc.xor(pc.is_null(bid), pc.is_null(ask)))
        tests.append(pc.fill_null(pc.less_equal(bid, zero), False))
        tests.append(pc.fill_null(pc.greater_equal(bid, ask), False))
    bad = tests[0]
    for test in tests[1:]:
        bad = pc.or_(bad, test)
    index = int(pc.index(pc.fill_null(bad, True), True).as_py())
    return None if index < 0 else index


def _window(table: pa.Table, start_ms: int | None, end_ms: int | None) -> pa.Table:
    if start_ms is not None:
        table = table.filter(pc.greater_equal(table.column("ts"), start_ms))
    if end_ms is not None:
        table = table.filter(pc.less(table.column("ts"), end_ms))
    return table


SharedTimes = dict[int, tuple[int, int]]
"""A candle open (ms) -> the int objects of it in ms and in seconds."""


def _series(path: Path, info: DatasetInfo, table: pa.Table, times: SharedTimes) -> Series:
    names = [n for n in (*DECIMAL_COLUMNS, *QUOTE_COLUMNS) if n in table.schema.names]
    values = dict(zip(names, _decimals([table.column(name) for name in names]), strict=True))
    none: list[Decimal | None] = [None] * table.num_rows
    symbol, interval = info.symbol, info.interval_ms
    known = times.get
    shared = [
        known(ts) or times.setdefault(ts, (ts, ts // 1000)) for ts in table.column("ts").to_pylist()
    ]
    opens, seconds = [ms for ms, _ in shared], [s for _, s in shared]
    # a candle closes when the next one opens (no gap): the same int object serves both
    closes = [b if b == a + interval else a + interval for a, b in pairwise(opens)]
    closes.append(opens[-1] + interval)
    bars = [
        Bar(Candle(symbol, second, o, h, low, c, v), ts, close, bid, ask)
        for ts, second, close, o, h, low, c, v, bid, ask in zip(
            opens,
            seconds,
            closes,
            *(values[name] for name in DECIMAL_COLUMNS),
            values.get("bid", none),
            values.get("ask", none),
            strict=True,
        )
    ]
    return Series(symbol, interval, tuple(bars), str(path))


def _decimals(columns: Sequence[pa.ChunkedArray]) -> list[list[Any]]:
    """Exact Decimals of each column, through text (faster than Arrow's own decimal-to-Python
    conversion), one Decimal object per distinct text over all the columns: a candle opens at
    the last close and a random walk comes back to its prices, so most prices are shared
    (a year of 1m candles holds ~10 M of them). Equal texts are the same digits and exponent,
    so a shared value is exactly the value that would have been built."""
    texts = [pc.cast(column, pa.string()) for column in columns]
    pool = pa.chunked_array([c for column in texts for c in column.chunks], pa.string())
    encoded = pool.combine_chunks().dictionary_encode()
    distinct = [Decimal(text) for text in encoded.dictionary.to_pylist()]
    found, out, at = distinct.__getitem__, [], 0
    for column in texts:
        indexes = encoded.indices.slice(at, len(column)).to_pylist()
        at += len(column)
        if column.null_count:
            out.append([None if i is None else distinct[i] for i in indexes])
        else:
            out.append(list(map(found, indexes)))
    return out


def _check_order(path: Path, rows: Sequence[RawCandle]) -> None:
    if not rows:
        raise DatasetError(f"{path}: no candle rows")
    for before, after in pairwise(rows):
        if after.open_ms <= before.open_ms:
            raise DatasetError(
                f"{after.where}: ts {after.open_ms} is not after the previous row's "
                f"{before.open_ms}: run btcbot data validate {path}"
            )


def is_dataset_file(path: Path) -> bool:
    """A Parquet file by its magic bytes (whatever its name)."""
    try:
        with path.open("rb") as handle:
            return handle.read(4) == b"PAR1"
    except OSError:
        return False


def _table(path: Path) -> pa.Table:
    if not path.is_file():
        raise DatasetError(f"{path}: no such file")
    try:
        return pq.read_table(path)
    except (pa.ArrowException, OSError) as exc:
        raise DatasetError(f"{path}: not a readable Parquet file: {exc}") from None


def _info(path: Path, raw: dict[bytes, bytes]) -> DatasetInfo:
    meta = {key.decode(): value.decode() for key, value in raw.items()}
    if meta.get(VERSION_KEY) != SCHEMA_VERSION:
        found = meta.get(VERSION_KEY)
        raise DatasetError(
            f"{path}: not a btcbot dataset (metadata {VERSION_KEY}={found!r}, expected "
            f"{SCHEMA_VERSION!r}): create it with btcbot data import"
        )
    try:
        symbol = Symbol.parse(meta["symbol"])
        interval = int(meta["interval_ms"])
        gaps = tuple(Gap(a, b, (b - a) // interval - 1) for a, b in json.loads(meta["gaps"]))
    except (KeyError, ValueError, TypeError, SymbolError) as exc:
        raise DatasetError(f"{path}: bad dataset metadata: {exc}") from None
    if interval <= 0:
        raise DatasetError(f"{path}: bad dataset metadata: interval_ms {interval}")
    return DatasetInfo(symbol, interval, meta.get("source", ""), gaps)


def _check_columns(path: Path, schema: pa.Schema) -> None:
    missing = [name for name in ("ts", *DECIMAL_COLUMNS) if name not in schema.names]
    if missing:
        raise DatasetError(f"{path}: columns {missing} are missing (schema has {schema.names})")
    if not pa.types.is_int64(schema.field("ts").type):
        raise DatasetError(f"{path}: ts is {schema.field('ts').type}, expected int64 (epoch ms)")
    for name in (*DECIMAL_COLUMNS, *QUOTE_COLUMNS):
        if name not in schema.names:
            continue
        kind = schema.field(name).type
        if not (pa.types.is_decimal(kind) or pa.types.is_string(kind)):
            raise DatasetError(f"{path}: {name} is {kind}, expected decimal128 or string")


def _value(where: str, name: str, value: Any) -> Decimal | None:
    if value is None or isinstance(value, Decimal):
        return value
    try:
        return to_decimal(str(value))
    except MoneyError:
        raise DatasetError(f"{where}: {name} {value!r} is not a decimal number") from None
