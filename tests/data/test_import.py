"""CSV layouts → Parquet datasets, on files the tests write (no shared data needed)."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from btcbot.backtest import dataset_digest, open_dataset
from btcbot.data import import_csv, read_dataset, read_dataset_rows
from btcbot.domain import Symbol
from btcbot.exchange.datasets import DatasetError
from tests.data import factories
from tests.data.factories import CANDLES, HOUR_MS, T0

BTC_TRY = Symbol("BTC", "TRY")
LAYOUTS: dict[str, Callable[[Path], Path]] = {
    "Binance TR export": factories.binance_tr,
    "Binance klines": factories.binance_us,
    "CryptoDataDownload": factories.coinbase,
    "timestamp (NautilusTrader)": factories.nautilus,
    "btcbot": factories.btcbot_csv,
}


@pytest.mark.parametrize("layout", LAYOUTS)
def test_every_layout_imports_to_the_same_exact_candles(layout: str, tmp_path: Path) -> None:
    source = LAYOUTS[layout](tmp_path / "in.csv")
    result = import_csv(source, BTC_TRY, tmp_path / "out.parquet")
    assert result.source.layout == layout
    series = read_dataset(result.out)
    assert series.symbol == BTC_TRY and series.interval_ms == HOUR_MS
    assert [bar.open_ms for bar in series.bars] == [T0 + i * HOUR_MS for i in range(5)]
    got = [tuple(getattr(bar.candle, n) for n in ("open", "high", "low", "close", "volume"))
           for bar in series.bars]  # fmt: skip
    assert got == [tuple(Decimal(v) for v in row) for row in CANDLES]
    assert result.findings.newest_first is (layout == "CryptoDataDownload")


def test_the_declared_schema_and_metadata(tmp_path: Path) -> None:
    out = import_csv(factories.btcbot_csv(tmp_path / "in.csv"), BTC_TRY, tmp_path / "d.parquet").out
    schema = pq.read_schema(out)
    assert str(schema.field("ts").type) == "int64" and not schema.field("ts").nullable
    assert schema.field("ts").metadata == {b"unit": b"ms", b"timezone": b"UTC",
                                           b"meaning": b"candle open time"}  # fmt: skip
    assert str(schema.field("close").type) == "decimal128(6, 3)"  # 101.75 .. 100.125: 3 + 3
    meta = schema.metadata
    assert meta[b"btcbot.dataset"] == b"1" and meta[b"symbol"] == b"BTC_TRY"
    assert meta[b"timeframe"] == b"1h" and meta[b"interval_ms"] == b"3600000"
    assert meta[b"source"] == b"in.csv (btcbot)" and meta[b"gaps"] == b"[]"
    assert "bid" not in schema.names


def test_a_parquet_dataset_replays_like_its_csv(tmp_path: Path) -> None:
    csv = factories.btcbot_csv(tmp_path / "BTC_TRY.csv")
    out = import_csv(csv, BTC_TRY, tmp_path / "btc.parquet").out
    from_csv, from_parquet = open_dataset(csv), open_dataset(out)
    assert dataset_digest(from_parquet) == dataset_digest(from_csv)
    window = open_dataset(out, warmup_from_ms=T0 + HOUR_MS, end_ms=T0 + 3 * HOUR_MS)
    assert [b.open_ms for b in window.series[BTC_TRY].bars] == [T0 + HOUR_MS, T0 + 2 * HOUR_MS]
    with pytest.raises(DatasetError, match="the dataset is BTC_TRY, not ETH_TRY"):
        open_dataset(out, symbol="ETH_TRY")
    with pytest.raises(DatasetError, match="two series for BTC_TRY"):
        open_dataset(tmp_path)  # a directory with the same symbol twice is refused, not merged
    csv.unlink()
    assert open_dataset(tmp_path).symbols == (BTC_TRY,)  # a directory of datasets


def test_gaps_are_marked_and_duplicates_refused_unless_dropped(tmp_path: Path) -> None:
    times = [T0, T0 + HOUR_MS, T0 + 4 * HOUR_MS, T0 + 5 * HOUR_MS, T0 + 5 * HOUR_MS]
    source = factories.binance_tr(tmp_path / "in.csv", times)
    with pytest.raises(DatasetError, match=r"in\.csv:6: open time .* repeats .*in\.csv:5 .*"
                       r"1 with different values.*--drop-duplicates"):  # fmt: skip
        import_csv(source, BTC_TRY, tmp_path / "d.parquet")
    assert not (tmp_path / "d.parquet").exists()
    result = import_csv(source, BTC_TRY, tmp_path / "d.parquet", drop_duplicates=True)
    assert result.rows == 4 and result.dropped_duplicates == 1
    info, rows = read_dataset_rows(result.out)
    assert [(g.after_ms, g.before_ms, g.missing) for g in info.gaps] == [
        (T0 + HOUR_MS, T0 + 4 * HOUR_MS, 2)
    ]
    assert rows[-1].close == Decimal(CANDLES[3][3])  # the first row of the repeated time


def test_ohlc_violations_refuse_the_import_naming_the_line(tmp_path: Path) -> None:
    source = factories.btcbot_csv(tmp_path / "in.csv")
    lines = source.read_text().splitlines()
    lines[3] = lines[3].replace("103", "99")  # high below open on line 4
    source.write_text("\n".join(lines) + "\n")
    with pytest.raises(DatasetError, match=r"in\.csv:4: inconsistent candle"):
        import_csv(source, BTC_TRY, tmp_path / "d.parquet")


def test_a_coarser_timeframe_than_the_rows_is_refused(tmp_path: Path) -> None:
    source = factories.btcbot_csv(tmp_path / "in.csv")
    with pytest.raises(DatasetError, match="rows 1h apart are finer than the timeframe 1d"):
        import_csv(source, BTC_TRY, tmp_path / "d.parquet", interval_ms=86_400_000)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", r": empty file"),
        (b"PK\x03\x04\x00\x00binary", r":1: binary data"),
        (b"ts,open,high,low,close,volume\n", r":1: no candle rows after the header"),
        (b"a,b,c\n1,2,3\n", r":1: no header with open, high, low and close"),
        (b"date,open,high,low,close\n2024-01-01,1,1,1,1\n", r":1: header .* lacks a base volume"),
        (b"ts,open,high,low,close,volume\nyesterday,1,1,1,1,1\n", r":2: bad time 'yesterday'"),
        (b"ts,open,high,low,close,volume\n1704067200,1,x,1,1,1\n", r":2: high 'x' is not a dec"),
        (b"ts,open,high,low,close,volume\n1704067200,1,1\n", r":2: 3 cells, the header has 6"),
        (b"\xff\xfeo\x00p\x00", r":1: binary data"),
    ],
)
def test_unreadable_files_name_the_file_and_line(
    content: bytes, message: str, tmp_path: Path
) -> None:
    source = tmp_path / "bad.csv"
    source.write_bytes(content)
    with pytest.raises(DatasetError, match=r"bad\.csv" + message):
        import_csv(source, BTC_TRY, tmp_path / "d.parquet")


def test_a_foreign_parquet_file_is_named_and_refused(tmp_path: Path) -> None:
    import pyarrow as pa

    path = tmp_path / "other.parquet"
    pq.write_table(pa.table({"x": [1, 2]}), path)
    with pytest.raises(DatasetError, match=r"other\.parquet: not a btcbot dataset"):
        read_dataset(path)
    with pytest.raises(DatasetError, match=r"other\.parquet: not a btcbot dataset"):
        open_dataset(path)
