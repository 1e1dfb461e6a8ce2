"""Open a backtest's market data: one CSV file (one symbol) or a directory of them."""

from __future__ import annotations

import hashlib
from pathlib import Path

from btcbot.domain import Symbol
from btcbot.domain.money import format_decimal
from btcbot.domain.symbols import KNOWN_QUOTES, SymbolError
from btcbot.exchange.datasets import DatasetError, ReplayDataset, load_dataset, read_series


def open_dataset(
    path: Path,
    *,
    symbol: str | None = None,
    warmup_from_ms: int | None = None,
    end_ms: int | None = None,
) -> ReplayDataset:
    """A file is one symbol (``symbol``, else the file name read as a pair); a directory
    holds one ``<PAIR>.csv`` per symbol. Candles opening before ``warmup_from_ms`` or at/after
    ``end_ms`` are dropped (the whole file is still validated). Raises :class:`DatasetError`
    naming the file (and line) for anything unusable."""
    if path.is_dir():
        if symbol is not None:
            raise DatasetError(f"{path}: --symbol applies to a single CSV file, not a directory")
        return load_dataset(path, start_ms=warmup_from_ms, end_ms=end_ms)
    if not path.is_file():
        raise DatasetError(f"{path}: no such file or directory")
    pair = _pair(path, symbol)
    series = read_series(path, pair, start_ms=warmup_from_ms, end_ms=end_ms)
    return ReplayDataset.of(series)


def _pair(path: Path, symbol: str | None) -> Symbol:
    """``symbol`` when given; else the file name, only when it reads as a listed pair."""
    text = symbol if symbol is not None else path.stem
    try:
        pair = Symbol.parse(text)
    except SymbolError:
        pair = None
    if pair is not None and (symbol is not None or pair.quote in KNOWN_QUOTES):
        return pair
    hint = "" if symbol is not None else ": name the file like BTC_TRY.csv or pass --symbol"
    raise DatasetError(f"{path}: {text!r} is not a trading pair{hint}")


def dataset_digest(dataset: ReplayDataset) -> str:
    """SHA-256 over every candle of every series (symbol order): names the data a run used."""
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
