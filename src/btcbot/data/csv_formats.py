"""Candle CSV files in the common layouts, read into :class:`RawCandle` rows as they are.

Detected from the file itself (no option needed):

============================  ==================================================================
layout                        what identifies it
============================  ==================================================================
Binance TR export             header ``Open_Time,Open,High,Low,Close,Volume``; naive UTC times
Binance / Binance.US klines   header ``open_time,open,high,low,close,volume``; ``+00:00`` times
CryptoDataDownload            banner line(s) before the header ``[unix,]date,symbol,open,...,
                              volume_<base>,volume``; dates like ``2019-10-17 09-AM``; newest
                              rows first (Coinbase, Bitstamp ... exports)
timestamp (NautilusTrader)    header ``timestamp,open,high,low,close,volume``
btcbot                        header ``ts,open,high,low,close,volume[,bid,ask]``
============================  ==================================================================

Header names are case-insensitive and spaces count as underscores (``Volume BTC`` is
``volume_btc``). Up to :data:`MAX_BANNER_LINES` lines before the header are skipped as a banner.
The time column is the first of ``ts, unix, timestamp, open_time, time, datetime, date``: epoch
seconds, milliseconds, microseconds or nanoseconds (told by size, see
:mod:`btcbot.exchange.datasets`), ISO-8601 (naive means UTC) or ``YYYY-MM-DD HH-AM``; it is
the candle's OPEN time. Base volume is ``volume_<base>`` when the file has it
(CryptoDataDownload's ``volume`` is the quote volume), else ``volume``.

Rows are returned in file order, unchecked: sorting, duplicates and OHLC consistency are for
:mod:`btcbot.data.checks`. What cannot be read at all (binary data, no header, a cell that is
not a number or a time) raises :class:`DatasetError` naming the file and line.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

from btcbot.data.rows import RawCandle
from btcbot.domain.money import MoneyError, to_decimal
from btcbot.exchange.datasets import DatasetError, parse_timestamp_ms

MAX_BANNER_LINES = 3
TIME_COLUMNS = ("ts", "unix", "timestamp", "open_time", "time", "datetime", "date")
PRICE_COLUMNS = ("open", "high", "low", "close")
_QUOTE_ALIASES = {"bid": ("bid", "best_bid"), "ask": ("ask", "best_ask")}
_TEXT_FORMATS = ("%Y-%m-%d %I-%p",)  # CryptoDataDownload hourly: 2019-10-17 09-AM


@dataclass(frozen=True, slots=True)
class CsvCandles:
    """What was read from one CSV file, and how."""

    path: Path
    layout: str
    header_line: int  # 1-based; the lines before it were a banner
    time_column: str
    volume_column: str
    rows: tuple[RawCandle, ...]


def read_candles_csv(path: Path, base: str | None = None) -> CsvCandles:
    """Read every candle row of ``path``; ``base`` (e.g. ``BTC``) picks ``volume_btc``."""
    lines = _text(path).splitlines()
    table = list(csv.reader(lines))
    header_index = _header_index(path, table)
    header = table[header_index]
    columns = _Columns.of(path, header_index + 1, header, base)
    rows: list[RawCandle] = []
    for index in range(header_index + 1, len(table)):
        cells = table[index]
        if not cells or all(not cell.strip() for cell in cells):
            continue
        rows.append(columns.row(f"{path}:{index + 1}", cells))
    if not rows:
        raise DatasetError(f"{path}:{header_index + 1}: no candle rows after the header")
    banner = header_index > 0
    return CsvCandles(
        path=path,
        layout=_layout(header, columns.names, banner),
        header_line=header_index + 1,
        time_column=columns.names[columns.time],
        volume_column=columns.names[columns.volume],
        rows=tuple(rows),
    )


def _text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except IsADirectoryError:
        raise DatasetError(f"{path}: is a directory, not a CSV file") from None
    except OSError as exc:
        raise DatasetError(f"{path}: cannot open: {exc.strerror}") from None
    if not data.strip():
        raise DatasetError(f"{path}: empty file (a header row and candle rows are required)")
    if b"\x00" in data[:65536]:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise DatasetError(f"{path}:{line}: binary data (a NUL byte): not a CSV text file")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise DatasetError(f"{path}:{line}: not UTF-8 text: not a CSV text file") from None


def _names(header: Sequence[str]) -> list[str]:
    return ["_".join(cell.strip().lower().split()) for cell in header]


def _header_index(path: Path, table: list[list[str]]) -> int:
    for index, cells in enumerate(table[: MAX_BANNER_LINES + 1]):
        if set(PRICE_COLUMNS) <= set(_names(cells)):
            return index
    first = ",".join(table[0])[:80] if table else ""
    raise DatasetError(
        f"{path}:1: no header with open, high, low and close columns in the first "
        f"{MAX_BANNER_LINES + 1} lines (line 1 is {first!r}); expected e.g. "
        "ts,open,high,low,close,volume"
    )


@dataclass(frozen=True, slots=True)
class _Columns:
    names: list[str]
    time: int
    prices: tuple[int, int, int, int]
    volume: int
    bid: int | None
    ask: int | None

    @classmethod
    def of(cls, path: Path, line: int, header: Sequence[str], base: str | None) -> _Columns:
        names = _names(header)
        time = next((names.index(n) for n in TIME_COLUMNS if n in names), None)
        volume_names = ([f"volume_{base.lower()}"] if base else []) + ["volume"]
        volume = next((names.index(n) for n in volume_names if n in names), None)
        if time is None or volume is None:
            lacking = "a time column" if time is None else "a base volume column"
            raise DatasetError(
                f"{path}:{line}: header {list(header)} lacks {lacking}; time is one of "
                f"{', '.join(TIME_COLUMNS)}, volume is {' or '.join(volume_names)}"
            )
        o, h, low, c = (names.index(n) for n in PRICE_COLUMNS)
        quotes = {
            key: next((names.index(a) for a in aliases if a in names), None)
            for key, aliases in _QUOTE_ALIASES.items()
        }
        return cls(names, time, (o, h, low, c), volume, quotes["bid"], quotes["ask"])

    def row(self, where: str, cells: Sequence[str]) -> RawCandle:
        if len(cells) != len(self.names):
            raise DatasetError(f"{where}: {len(cells)} cells, the header has {len(self.names)}")
        o, h, low, c = (self._decimal(where, cells, i) for i in self.prices)
        return RawCandle(
            where,
            _time_ms(where, cells[self.time]),
            o,
            h,
            low,
            c,
            self._decimal(where, cells, self.volume),
            self._optional(where, cells, self.bid),
            self._optional(where, cells, self.ask),
        )

    def _decimal(self, where: str, cells: Sequence[str], index: int) -> Decimal:
        text = cells[index]
        try:
            return to_decimal(text)
        except MoneyError:
            name = self.names[index]
            raise DatasetError(f"{where}: {name} {text!r} is not a decimal number") from None

    def _optional(self, where: str, cells: Sequence[str], index: int | None) -> Decimal | None:
        if index is None or not cells[index].strip():
            return None
        return self._decimal(where, cells, index)


def _time_ms(where: str, text: str) -> int:
    try:
        return parse_timestamp_ms(text)
    except ValueError:
        pass
    for pattern in _TEXT_FORMATS:
        try:
            moment = datetime.strptime(text.strip(), pattern).replace(tzinfo=UTC)
        except ValueError:
            continue
        return int(moment.timestamp()) * 1000
    raise DatasetError(
        f"{where}: bad time {text!r}: use epoch seconds, ms, µs or ns (a whole number of ms), "
        "ISO-8601 or YYYY-MM-DD HH-AM"
    )


def _layout(header: Sequence[str], names: Sequence[str], banner: bool) -> str:
    if banner or ("date" in names and "symbol" in names):
        return "CryptoDataDownload"
    if header[0].strip() == "Open_Time":
        return "Binance TR export"
    first = names[0]
    return {
        "open_time": "Binance klines",
        "timestamp": "timestamp (NautilusTrader)",
        "ts": "btcbot",
    }.get(first, "generic")
