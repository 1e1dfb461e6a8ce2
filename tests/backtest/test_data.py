"""Opening datasets for a backtest: file or directory, symbol from the name or given."""

from __future__ import annotations

from pathlib import Path

import pytest

from btcbot.backtest import open_dataset
from btcbot.domain import Symbol
from btcbot.exchange.datasets import DatasetError, ReplayDataset, write_series
from tests.backtest.factories import BTC_TRY, HOUR_MS, T0, wave_series, write_wave


def test_a_file_named_like_a_pair(tmp_path: Path) -> None:
    dataset = open_dataset(write_wave(tmp_path / "BTCTRY.csv", 24))
    assert dataset.symbols == (BTC_TRY,)
    assert len(dataset.series[BTC_TRY].bars) == 24


def test_any_file_name_with_a_symbol(tmp_path: Path) -> None:
    path = write_wave(tmp_path / "BTCTRY_1h_2024.csv", 24)
    with pytest.raises(DatasetError, match="pass --symbol"):
        open_dataset(path)
    window = open_dataset(
        path, symbol="btc_try", warmup_from_ms=T0 + 2 * HOUR_MS, end_ms=T0 + 5 * HOUR_MS
    )
    assert [bar.open_ms for bar in window.series[BTC_TRY].bars] == [
        T0 + 2 * HOUR_MS,
        T0 + 3 * HOUR_MS,
        T0 + 4 * HOUR_MS,
    ]


def test_a_directory_of_pairs(tmp_path: Path) -> None:
    write_wave(tmp_path / "BTC_TRY.csv", 24)
    write_series(tmp_path / "ETH_TRY.csv", wave_series(24, symbol=Symbol("ETH", "TRY")))
    assert open_dataset(tmp_path).symbols == (BTC_TRY, Symbol("ETH", "TRY"))
    with pytest.raises(DatasetError, match="single file"):
        open_dataset(tmp_path, symbol="BTC_TRY")


def test_unusable_paths_and_rows_are_named(tmp_path: Path) -> None:
    with pytest.raises(DatasetError, match="no such file"):
        open_dataset(tmp_path / "missing.csv")
    path = write_wave(tmp_path / "BTC_TRY.csv", 5)
    lines = path.read_text().splitlines()
    lines[3] = lines[3].replace(",", ",-", 1)  # a negative open price on line 4
    path.write_text("\n".join(lines) + "\n")
    with pytest.raises(DatasetError, match=r"BTC_TRY\.csv:4: prices must be positive"):
        open_dataset(path)


def test_no_full_collection_runs_while_a_dataset_loads(tmp_path: Path) -> None:
    """The collector is off during the load (so many new bars would set off collections that
    find nothing) and as it was after, also when the load fails. With a threshold of one
    allocation, a load with the collector on would collect thousands of times (once per new
    bar at least); paused, only the allocations after it is switched back on can."""
    import gc

    path = write_wave(tmp_path / "BTC_TRY.csv", 2_000)
    collections: list[int] = []

    def seen(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            collections.append(info["generation"])

    threshold = gc.get_threshold()
    gc.callbacks.append(seen)
    gc.set_threshold(1)  # would collect at every allocation of a tracked object
    try:
        dataset = open_dataset(path)
        assert len(collections) < 100
        assert gc.isenabled()
        gc.disable()
        with pytest.raises(DatasetError):
            open_dataset(tmp_path / "missing.csv")
        assert not gc.isenabled()  # left as it was
    finally:
        gc.enable()
        gc.set_threshold(*threshold)
        gc.callbacks.remove(seen)
    assert len(dataset.series[BTC_TRY].bars) == 2_000


def test_a_datasets_digest_is_remembered_only_while_it_lives(tmp_path: Path) -> None:
    """Each dataset object has the digest of its own candles (an equal dataset the same one,
    a cut of it another), and the remembered digests go with their datasets."""
    import gc

    from btcbot.backtest import data

    path = write_wave(tmp_path / "BTC_TRY.csv", 48)
    whole, again = open_dataset(path), open_dataset(path)
    cut = open_dataset(path, end_ms=T0 + 24 * HOUR_MS)
    assert data.dataset_digest(whole) == data.dataset_digest(again) == data._digest(whole)
    assert data.dataset_digest(whole) == data.dataset_digest(whole)
    assert data.dataset_digest(cut) == data._digest(cut) != data.dataset_digest(whole)
    remembered = {id(whole), id(again), id(cut)}
    assert remembered <= set(data._DIGESTS)
    del whole, again, cut
    gc.collect()
    assert not remembered & set(data._DIGESTS)


def _digest_spelt_out(dataset: ReplayDataset) -> str:
    """The digest as its definition spells it: a line of text per bar."""
    import hashlib

    from btcbot.domain.money import format_decimal

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


@pytest.mark.parametrize("chunk", [1, 7, 65_536])
def test_the_digest_is_the_text_of_every_bar(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, chunk: int
) -> None:
    """Written column-wise a chunk at a time, with each value's text remembered per object,
    the digest is still that of the text of every bar: quotes present or absent, equal prices
    spelt differently (1.50, 1.5, 15E-1), the same object in many cells, two series."""
    from decimal import Decimal

    from btcbot.backtest import data
    from btcbot.domain import Candle
    from btcbot.exchange.datasets import Bar, Series

    monkeypatch.setattr(data, "_DIGEST_CHUNK", chunk)
    eth = Symbol("ETH", "TRY")
    shared = Decimal("100.10")

    def bars(symbol: Symbol, quoted: bool) -> tuple[Bar, ...]:
        out = []
        for i in range(20):
            low = Decimal("1.50") if i % 3 == 0 else Decimal("15E-1") if i % 3 else Decimal("1.5")
            close = shared if i % 2 else Decimal(f"100.{i}0")
            quote = (low, close) if quoted and i % 4 else (None, None)
            candle = Candle(symbol, (T0 + i * HOUR_MS) // 1000, close, close, low, close, low)
            out.append(Bar(candle, T0 + i * HOUR_MS, T0 + (i + 1) * HOUR_MS, *quote))
        return tuple(out)

    dataset = ReplayDataset(
        {
            BTC_TRY: Series(BTC_TRY, HOUR_MS, bars(BTC_TRY, quoted=True)),
            eth: Series(eth, HOUR_MS, bars(eth, quoted=False)),
        }
    )
    assert data._digest(dataset) == _digest_spelt_out(dataset)
    loaded = open_dataset(write_wave(tmp_path / "BTC_TRY.csv", 300))
    assert data._digest(loaded) == _digest_spelt_out(loaded)
