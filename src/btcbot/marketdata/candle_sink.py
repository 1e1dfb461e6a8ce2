"""A Parquet candle dataset (:mod:`btcbot.data.parquet`) as the sink of a candle download.

The file is read once when the sink opens; appended candles are kept in memory and the file is
rewritten whole at each :meth:`DatasetSink.commit` (the dataset writer replaces it atomically,
so a reader or an interruption never sees half a file). Gaps between candles are marked in the
dataset's metadata at each commit, as ``btcbot data import`` marks them.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from btcbot.data import DatasetInfo, RawCandle, check_rows, read_dataset_rows, write_dataset
from btcbot.data.timeframes import format_duration
from btcbot.domain.market import Candle
from btcbot.domain.symbols import Symbol
from btcbot.exchange.datasets import DatasetError


class DatasetSink:
    def __init__(self, path: Path, symbol: Symbol, interval_ms: int, source: str) -> None:
        """Open ``path`` (a new file, or a dataset of the same pair and timeframe to extend).
        Raises :class:`DatasetError` naming the file when it cannot be extended."""
        if path.is_dir():
            raise DatasetError(f"{path} is a directory: name the dataset file to write")
        self.path = path
        self.symbol = symbol
        self.interval_ms = interval_ms
        self.source = source
        self._rows: list[RawCandle] = []
        if path.exists():
            info, rows = read_dataset_rows(path)
            if info.symbol != symbol or info.interval_ms != interval_ms:
                raise DatasetError(
                    f"{path} holds {info.symbol.normalized} {info.timeframe} candles, not "
                    f"{symbol.normalized} {format_duration(interval_ms)}: choose another --out"
                )
            self._rows = list(rows)
        self.stored_before = len(self._rows)
        self._dirty = False

    @property
    def rows(self) -> int:
        return len(self._rows)

    def last_open_ms(self) -> int | None:
        return self._rows[-1].open_ms if self._rows else None

    def append(self, candles: Sequence[Candle]) -> None:
        last = self.last_open_ms()
        for candle in candles:
            open_ms = candle.open_time_s * 1000
            if last is not None and open_ms <= last:
                raise DatasetError(f"{self.path}: candle {open_ms} is not after {last}")
            row = RawCandle(
                f"{self.path}:row {len(self._rows) + 1}",
                open_ms,
                candle.open,
                candle.high,
                candle.low,
                candle.close,
                candle.volume,
            )
            problem = row.problem()
            if problem is not None:
                raise DatasetError(f"the exchange sent a candle that is not one: {problem}")
            self._rows.append(row)
            last = open_ms
            self._dirty = True

    def commit(self) -> None:
        if not self._dirty or not self._rows:
            return
        gaps = check_rows(self._rows, self.interval_ms).gaps
        write_dataset(
            self.path, DatasetInfo(self.symbol, self.interval_ms, self.source, gaps), self._rows
        )
        self._dirty = False
