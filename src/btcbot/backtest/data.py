"""Open a backtest's market data: one CSV or Parquet file (one symbol) or a directory of them."""

from __future__ import annotations

import gc
import hashlib
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from btcbot.data import is_dataset_file, read_dataset
from btcbot.domain import Symbol
from btcbot.domain.money import format_decimal
from btcbot.domain.symbols import KNOWN_QUOTES, SymbolError
from btcbot.exchange.datasets import (
    DatasetError,
    ReplayDataset,
    Series,
    load_dataset,
    read_series,
)


def open_dataset(
    path: Path,
    *,
    symbol: str | None = None,
    warmup_from_ms: int | None = None,
    end_ms: int | None = None,
) -> ReplayDataset:
    """A file is one symbol: a Parquet dataset (``btcbot data import``) names its own; a CSV
    file's is ``symbol``, else the file name read as a pair. A directory holds one
    ``<PAIR>.csv`` or Parquet dataset (``*.parquet``) per symbol. Candles opening before
    ``warmup_from_ms`` or at/after ``end_ms`` are dropped (the whole file is still validated).
    Raises :class:`DatasetError` naming the file (and line) for anything unusable."""
    with _collector_paused():
        return _open(path, symbol, warmup_from_ms, end_ms)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """The cyclic garbage collector off while a dataset loads: a year of minute candles is
    tens of millions of new objects (bars, candles), which would set off full collections
    that walk every object made so far and find nothing (the bars and their candles hold no
    cycles). It is switched back on after (when it was on before)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _open(
    path: Path, symbol: str | None, warmup_from_ms: int | None, end_ms: int | None
) -> ReplayDataset:
    start, end = warmup_from_ms, end_ms
    if path.is_dir():
        if symbol is not None:
            raise DatasetError(f"{path}: --symbol applies to a single file, not a directory")
        datasets = sorted(path.glob("*.parquet"))
        if not datasets:
            return load_dataset(path, start_ms=start, end_ms=end)
        csvs = sorted(path.glob("*.csv"))
        every = [read_dataset(one, start_ms=start, end_ms=end) for one in datasets]
        every += [read_series(one, _pair(one, None), start_ms=start, end_ms=end) for one in csvs]
        return ReplayDataset.of(*every)
    if not path.is_file():
        raise DatasetError(f"{path}: no such file or directory")
    if is_dataset_file(path):
        return ReplayDataset.of(_checked(read_dataset(path, start_ms=start, end_ms=end), symbol))
    series = read_series(path, _pair(path, symbol), start_ms=start, end_ms=end)
    return ReplayDataset.of(series)


def _checked(series: Series, symbol: str | None) -> Series:
    if symbol is not None and _parse(symbol) != series.symbol:
        raise DatasetError(
            f"{series.source}: the dataset is {series.symbol.normalized}, not {symbol} "
            "(leave out --symbol for a Parquet dataset)"
        )
    return series


def _parse(text: str) -> Symbol | None:
    try:
        return Symbol.parse(text)
    except SymbolError:
        return None


def _pair(path: Path, symbol: str | None) -> Symbol:
    """``symbol`` when given; else the file name, only when it reads as a listed pair."""
    text = symbol if symbol is not None else path.stem
    pair = _parse(text)
    if pair is not None and (symbol is not None or pair.quote in KNOWN_QUOTES):
        return pair
    hint = "" if symbol is not None else ": name the file like BTC_TRY.csv or pass --symbol"
    raise DatasetError(f"{path}: {text!r} is not a trading pair{hint}")


def dataset_digest(dataset: ReplayDataset) -> str:
    """SHA-256 over every candle of every series (symbol order): names the data a run used.

    A dataset is a value (frozen, its series and bars too), so its digest is computed once per
    dataset object and remembered while the object lives: a sweep replays one dataset for
    every trial, and each run's manifest names it."""
    key = id(dataset)
    digest = _DIGESTS.get(key)
    if digest is None:
        digest = _DIGESTS[key] = _digest(dataset)
        weakref.finalize(dataset, _DIGESTS.pop, key, None)  # forgotten with the dataset
    return digest


_DIGESTS: dict[int, str] = {}  # by the id of a live dataset


def _digest(dataset: ReplayDataset) -> str:
    hasher = hashlib.sha256()
    for symbol in dataset.symbols:
        series = dataset.series[symbol]
        hasher.update(f"{symbol.normalized}:{series.interval_ms}\n".encode())
        for bar in series.bars:
            c = bar.candle
            cells = (c.open, c.high, c.low, c.close, c.volume, bar.bid, bar.ask)
            text = ",".join("" if v is None else format_decimal(v) for v in cells)
            hasher.update(f"{bar.open_ms},{text}\n".encode())
    return hasher.hexdigest()
