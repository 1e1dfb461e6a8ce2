"""Reading a Parquet dataset: the column-wise checks name the row, decimals stay exact."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from btcbot.data import read_dataset
from btcbot.data.parquet import SCHEMA_VERSION, TS_FIELD_METADATA, VERSION_KEY
from btcbot.exchange.datasets import DatasetError

MINUTE_MS = 60_000


def _write(
    path: Path,
    times: list[int | None],
    closes: list[str],
    volume_scale: int = 4,
    symbol: str = "BTC_TRY",
) -> Path:
    prices = pa.array([Decimal(c) for c in closes], pa.decimal128(18, 2))
    volumes = pa.array([Decimal(1).scaleb(-volume_scale)] * len(times), pa.decimal128(18, 4))
    columns = {
        "ts": pa.array(times, pa.int64()),
        "open": prices,
        "high": prices,
        "low": prices,
        "close": prices,
        "volume": volumes,
    }
    fields = [pa.field("ts", pa.int64(), metadata=TS_FIELD_METADATA)]
    fields += [pa.field(name, array.type) for name, array in list(columns.items())[1:]]
    metadata = {
        VERSION_KEY: SCHEMA_VERSION,
        "symbol": symbol,
        "timeframe": "1m",
        "interval_ms": str(MINUTE_MS),
        "source": "test",
        "gaps": "[]",
    }
    table = pa.Table.from_arrays(list(columns.values()), schema=pa.schema(fields, metadata))
    pq.write_table(table, path)
    return path


@pytest.mark.parametrize(
    ("times", "message"),
    [
        ([0, MINUTE_MS, MINUTE_MS], "row 3: ts 60000 is not after the previous row's 60000"),
        ([0, 3 * MINUTE_MS, MINUTE_MS], "row 3: ts 60000 is not after the previous row's 180000"),
        ([0, None, MINUTE_MS], "row 2: ts is null"),
    ],
)
def test_the_first_row_out_of_order_is_named(
    times: list[int | None], message: str, tmp_path: Path
) -> None:
    path = _write(tmp_path / "d.parquet", times, ["10.00"] * len(times))
    with pytest.raises(DatasetError, match=message):
        read_dataset(path)


def test_equal_prices_are_one_exact_decimal_and_each_column_keeps_its_digits(
    tmp_path: Path,
) -> None:
    path = _write(tmp_path / "d.parquet", [0, MINUTE_MS, 2 * MINUTE_MS], ["10.50", "10.50", "11"])
    bars = read_dataset(path).bars
    closes = [bar.candle.close for bar in bars]
    assert [str(c) for c in closes] == ["10.50", "10.50", "11.00"]
    assert closes[0] is closes[1] and bars[1].candle.open is closes[1]  # shared, not copied
    assert str(bars[0].candle.volume) == "0.0001"
    assert [bar.close_ms for bar in bars] == [MINUTE_MS, 2 * MINUTE_MS, 3 * MINUTE_MS]
    assert bars[0].close_ms is bars[1].open_ms  # a close is the next open, not a new int


def test_a_directorys_pairs_share_their_common_times(tmp_path: Path) -> None:
    """Twenty pairs over a year hold the same ~500,000 minutes: loaded together, a time they
    share is one int object (in ms and in seconds), not one per pair."""
    from btcbot.backtest import open_dataset
    from btcbot.domain import Symbol

    start = 1_700_000_000_000
    btc_times = [start + i * MINUTE_MS for i in range(6)]
    eth_times = [t for t in btc_times if t != start + 2 * MINUTE_MS] + [start + 9 * MINUTE_MS]
    _write(tmp_path / "BTC_TRY.parquet", btc_times, ["10"] * len(btc_times))  # type: ignore[arg-type]
    _write(tmp_path / "ETH_TRY.parquet", eth_times, ["2"] * len(eth_times), symbol="ETH_TRY")  # type: ignore[arg-type]
    dataset = open_dataset(tmp_path)
    btc = {bar.open_ms: bar for bar in dataset.series[Symbol("BTC", "TRY")].bars}
    eth = {bar.open_ms: bar for bar in dataset.series[Symbol("ETH", "TRY")].bars}
    assert sorted(btc) == btc_times and sorted(eth) == eth_times
    for ms in set(btc) & set(eth):
        assert btc[ms].open_ms is eth[ms].open_ms
        assert btc[ms].candle.open_time_s is eth[ms].candle.open_time_s
    for bar in (*btc.values(), *eth.values()):
        assert bar.candle.open_time_s == bar.open_ms // 1000
    assert eth[start + 5 * MINUTE_MS].close_ms == start + 6 * MINUTE_MS  # before a gap
    alone = read_dataset(tmp_path / "ETH_TRY.parquet").bars  # read alone: its own objects
    assert alone[0].open_ms == eth_times[0] and alone[0].open_ms is not btc[start].open_ms
