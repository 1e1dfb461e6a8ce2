"""The real candle files in ../shared/data (skipped with a reason when shared/ is absent)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from btcbot.backtest import dataset_digest, open_dataset
from btcbot.data import check_rows, import_csv, read_candles_csv, read_dataset
from btcbot.domain import Symbol
from btcbot.exchange.datasets import parse_timestamp_ms
from tests.helpers import shared_path

BTC_TRY, BTC_USDT = Symbol("BTC", "TRY"), Symbol("BTC", "USDT")
HOUR_MS, MINUTE_MS = 3_600_000, 60_000

FILES = {
    # path under shared/data: (layout, interval, rows, gaps, first open, last open)
    "binance_tr_btctry_1h/BTCTRY_1h_2019-12-20_2026-05-31.csv": (
        "Binance TR export",
        HOUR_MS,
        56_479,
        15,
        "2019-12-20 10:00",
        "2026-05-31 23:00",
    ),
    "btc_1m/binanceus_BTCUSDT_1m_20230301_20230321.csv": (
        "Binance klines",
        MINUTE_MS,
        30_240,
        0,
        "2023-03-01 00:00",
        "2023-03-21 23:59",
    ),
    "btc_1m/btc-perp-20211231-20220201_1m.csv": (
        "timestamp (NautilusTrader)",
        MINUTE_MS,
        45_031,
        0,
        "2021-12-31 23:01",
        "2022-02-01 05:31",
    ),
    "btc_1h/Coinbase_BTCUSD_1h.csv": (
        "CryptoDataDownload",
        HOUR_MS,
        20_111,
        0,
        "2017-07-01 11:00",
        "2019-10-17 09:00",
    ),
}


@pytest.mark.shared
@pytest.mark.parametrize("name", FILES)
def test_each_shared_file_imports(name: str, tmp_path: Path) -> None:
    layout, interval, rows, gaps, first, last = FILES[name]
    source = shared_path("data", *name.split("/"))
    symbol = BTC_TRY if "BTCTRY" in name else BTC_USDT
    result = import_csv(source, symbol, tmp_path / "d.parquet")
    assert result.source.layout == layout
    assert (result.info.interval_ms, result.rows, len(result.info.gaps)) == (interval, rows, gaps)
    series = read_dataset(result.out)
    assert series.bars[0].open_ms == parse_timestamp_ms(first)
    assert series.bars[-1].open_ms == parse_timestamp_ms(last)


@pytest.mark.shared
def test_btctry_parquet_equals_the_csv_exactly(tmp_path: Path) -> None:
    source = shared_path("data", "binance_tr_btctry_1h", "BTCTRY_1h_2019-12-20_2026-05-31.csv")
    out = import_csv(source, BTC_TRY, tmp_path / "btctry.parquet").out
    assert dataset_digest(open_dataset(out)) == dataset_digest(
        open_dataset(source, symbol="BTC_TRY")
    )
    first = read_dataset(out).bars[0].candle
    assert (first.open, first.volume) == (Decimal("42330.0"), Decimal("0.12805"))


@pytest.mark.shared
def test_coinbase_is_newest_first_with_five_rows_out_of_place() -> None:
    source = shared_path("data", "btc_1h", "Coinbase_BTCUSD_1h.csv")
    findings = check_rows(read_candles_csv(source, base="BTC").rows)
    assert findings.newest_first and not findings.duplicates and not findings.violations
    assert [o.where.rsplit(":", 1)[1] for o in findings.out_of_order] == [
        "16901", "16903", "16905", "16907", "16909"
    ]  # fmt: skip
