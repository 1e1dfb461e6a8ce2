"""Open a backtest's market data: one CSV or Parquet file (one symbol) or a directory of them."""

from __future__ import annotations

import gc
import hashlib
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from btcbot.data import SharedTimes, is_dataset_file, read_dataset, read_dataset_info
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


@dataclass(frozen=True, slots=True)
class DatasetOutline:
    """What a dataset's file names and Parquet metadata tell without a candle read."""

    pairs: tuple[Symbol, ...]
    interval_ms: int | None  # the longest candle interval, when every file declares its own

    def reach_ms(self, end_ms: int | None, intervals: int) -> int | None:
        """Where candles stop mattering to a replay whose last cycle is at ``end_ms`` and
        that reads ``intervals`` candle intervals on from it (None: all of them matter, when
        there is no end or no declared interval)."""
        if end_ms is None or self.interval_ms is None:
            return None
        return end_ms + intervals * self.interval_ms


def dataset_outline(path: Path, *, symbol: str | None = None) -> DatasetOutline | None:
    """The pairs :func:`open_dataset` would load from ``path`` and their longest interval,
    read from the file names and the Parquet files' metadata alone: what a command checks its
    inputs against, and cuts a window by, before a long load. None when they cannot be told
    so (the load then names the problem)."""
    try:
        if path.is_dir():
            if symbol is not None:
                return None
            datasets, csvs = sorted(path.glob("*.parquet")), sorted(path.glob("*.csv"))
            if not datasets:
                return DatasetOutline(_sorted({Symbol.parse(one.stem) for one in csvs}), None)
            infos = [read_dataset_info(one) for one in datasets]
            pairs = [info.symbol for info in infos] + [_pair(one, None) for one in csvs]
            longest = None if csvs else max(info.interval_ms for info in infos)
            return DatasetOutline(_sorted(set(pairs)), longest)
        if is_dataset_file(path):
            info = read_dataset_info(path)
            return DatasetOutline((info.symbol,), info.interval_ms)
        return DatasetOutline((_pair(path, symbol),), None) if path.is_file() else None
    except (DatasetError, SymbolError):
        return None


def _sorted(pairs: set[Symbol]) -> tuple[Symbol, ...]:
    return tuple(sorted(pairs, key=lambda pair: pair.normalized))


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
        times: SharedTimes = {}  # the pairs' common times: one int object each
        every = [read_dataset(one, start_ms=start, end_ms=end, times=times) for one in datasets]
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
    """The SHA-256 of the text, per series (symbol order), ``PAIR:interval_ms`` then a line
    per bar ``open_ms,open,high,low,close,volume,bid,ask`` (:func:`format_decimal`; an absent
    quote is empty).

    Written a column and a chunk of bars at a time: a price's text is formatted once per
    Decimal object of the series (a candle opens at the last close, a walk comes back to its
    prices: loaded datasets share one object per value) and looked up by the object's
    identity, which holds while the dataset keeps every object alive."""
    hasher = hashlib.sha256()
    for symbol in dataset.symbols:
        series = dataset.series[symbol]
        hasher.update(f"{symbol.normalized}:{series.interval_ms}\n".encode())
        texts: dict[int, str] = {id(None): ""}  # by id(value); one series' values
        bars = series.bars
        for start in range(0, len(bars), _DIGEST_CHUNK):
            chunk = bars[start : start + _DIGEST_CHUNK]
            candles = [bar.candle for bar in chunk]
            columns = (
                list(map(str, [bar.open_ms for bar in chunk])),
                _texts(texts, [c.open for c in candles]),
                _texts(texts, [c.high for c in candles]),
                _texts(texts, [c.low for c in candles]),
                _texts(texts, [c.close for c in candles]),
                _texts(texts, [c.volume for c in candles]),
                _texts(texts, [bar.bid for bar in chunk]),
                _texts(texts, [bar.ask for bar in chunk]),
            )
            lines = "\n".join(map(",".join, zip(*columns, strict=True)))
            hasher.update(f"{lines}\n".encode())
    return hasher.hexdigest()


_DIGEST_CHUNK = 65_536  # bars a step: the text held at once stays a few megabytes


def _texts(texts: dict[int, str], values: list[Decimal | None]) -> list[str]:
    """The text of each of ``values`` (empty for None), remembered in ``texts`` by identity."""
    found = list(map(texts.get, map(id, values)))
    if None in found:  # compares strings and None only
        for index, text in enumerate(found):
            if text is None:
                value = values[index]
                text = texts.get(id(value))
                if text is None:
                    text = texts[id(value)] = "" if value is None else format_decimal(value)
                found[index] = text
    return found  # type: ignore[return-value]  # no None left
