"""Replay datasets: the format, the real shared series, and errors that name file and line."""

from __future__ import annotations

from bisect import bisect_right
from decimal import Decimal
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from btcbot.domain import Symbol
from btcbot.exchange.datasets import (
    DatasetError,
    ReplayDataset,
    Series,
    closed_by,
    load_dataset,
    parse_timestamp_ms,
    read_series,
    write_series,
)
from tests.exchange.factories import (
    BTC_TRY,
    COMMITTED_DATASET,
    HOUR_MS,
    T0,
    generated_btc_try,
    hourly_series,
)
from tests.helpers import shared_path

D = Decimal
HEADER = "ts,open,high,low,close,volume\n"


def write(tmp_path: Path, text: str, name: str = "BTC_TRY.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1576836000", 1_576_836_000_000),
        ("1576836000000", 1_576_836_000_000),
        ("1576836000.5", 1_576_836_000_500),
        ("2019-12-20 10:00:00", 1_576_836_000_000),
        ("2019-12-20T10:00:00Z", 1_576_836_000_000),
        ("2023-03-01 00:00:00+00:00", 1_677_628_800_000),
        ("2023-03-01 03:00:00+03:00", 1_677_628_800_000),
        ("2021-12-31 23:01:00.000000", 1_640_991_660_000),
    ],
)
def test_timestamps_in_seconds_milliseconds_or_iso(text: str, expected: int) -> None:
    assert parse_timestamp_ms(text) == expected


def test_committed_dataset_is_the_generators_output(tmp_path: Path) -> None:
    fresh = tmp_path / "BTC_TRY.csv"
    write_series(fresh, generated_btc_try())
    committed = COMMITTED_DATASET / "BTC_TRY.csv"
    assert committed.read_text(encoding="utf-8") == fresh.read_text(encoding="utf-8")
    dataset = load_dataset(COMMITTED_DATASET)
    series = dataset.series[BTC_TRY]
    assert dataset.symbols == (BTC_TRY,) and len(series.bars) == 72
    assert series.interval_ms == HOUR_MS and series.bars[0].open_ms == T0
    assert series == Series(BTC_TRY, HOUR_MS, generated_btc_try().bars, str(committed))


def test_round_trip_keeps_bid_and_ask(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "timestamp,open,high,low,close,volume,best_bid,best_ask\n"
        "1700000000,100,102,99,101,5,100.5,101.5\n"
        "1700000060,101,103,100,102,0,,\n",
    )
    series = read_series(path, BTC_TRY)
    assert series.interval_ms == 60_000
    first, second = series.bars
    assert (first.bid, first.ask, first.close_ms) == (D("100.5"), D("101.5"), 1_700_000_060_000)
    assert (second.bid, second.ask, second.candle.volume) == (None, None, D(0))
    copy = tmp_path / "copy" / "BTCTRY.csv"
    copy.parent.mkdir()
    write_series(copy, series)
    assert load_dataset(copy.parent).series[BTC_TRY].bars == series.bars


def test_window_and_explicit_interval(tmp_path: Path) -> None:
    rows = "".join(f"{T0 // 1000 + i * 3600},100,101,99,100,1\n" for i in range(10))
    path = write(tmp_path, HEADER + rows)
    series = read_series(path, BTC_TRY, start_ms=T0 + 2 * HOUR_MS, end_ms=T0 + 5 * HOUR_MS)
    assert [b.open_ms for b in series.bars] == [T0 + i * HOUR_MS for i in (2, 3, 4)]
    with pytest.raises(DatasetError, match="requested window"):
        read_series(path, BTC_TRY, start_ms=T0 + 99 * HOUR_MS)
    with pytest.raises(DatasetError, match="starts before"):
        read_series(path, BTC_TRY, interval_ms=2 * HOUR_MS)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            "1700000000,100,101,99,100,1\nyesterday,100,101,99,100,1\n",
            r":3: bad timestamp 'yesterday'",
        ),
        (
            "1700000060,100,101,99,100,1\n1700000000,100,101,99,100,1\n",
            r":3: timestamp 1700000000000 ms is not after line 2",
        ),
        ("1700000000,100,101,99,100,1\n1700000000,100,101,99,100,1\n", r":3: .* not after line 2"),
        ("1700000000,100,abc,99,100,1\n", r":2: high 'abc' is not a decimal"),
        ("1700000000,100,101,99,102,1\n", r":2: inconsistent candle"),
        ("1700000000,100,101,99,100,-1\n", r":2: volume -1 is negative"),
        ("1700000000,0,101,0,100,1\n", r":2: prices must be positive"),
        ("1700000000,100,101,99,100\n", r":2: 5 cells, the header has 6"),
        ("1700000000,100,101,99,100,1\n", r"one candle only"),
    ],
)
def test_bad_rows_are_named_by_file_and_line(tmp_path: Path, body: str, message: str) -> None:
    path = write(tmp_path, HEADER + body)
    with pytest.raises(DatasetError, match=message) as caught:
        read_series(path, BTC_TRY)
    assert str(path) in str(caught.value)


def test_bad_files_and_quotes(tmp_path: Path) -> None:
    with pytest.raises(DatasetError, match="lacks \\['volume'\\]") as missing:
        read_series(write(tmp_path, "ts,open,high,low,close\n1,1,1,1,1\n"), BTC_TRY)
    assert str(missing.value).endswith("convert it with btcbot data import)")
    with pytest.raises(DatasetError, match="empty file"):
        read_series(write(tmp_path, ""), BTC_TRY)
    with pytest.raises(DatasetError, match="cannot open"):
        read_series(tmp_path / "missing.csv", BTC_TRY)
    quoted = "ts,open,high,low,close,volume,bid,ask\n"
    with pytest.raises(DatasetError, match=":2: give both bid and ask"):
        read_series(write(tmp_path, quoted + "1700000000,100,101,99,100,1,100,\n"), BTC_TRY)
    with pytest.raises(DatasetError, match=":2: need 0 < bid < ask"):
        read_series(write(tmp_path, quoted + "1700000000,100,101,99,100,1,101,100\n"), BTC_TRY)


def test_directory_symbols_come_from_names_or_a_mapping(tmp_path: Path) -> None:
    body = HEADER + "1700000000,100,101,99,100,1\n1700000060,100,101,99,100,1\n"
    write(tmp_path, body, "ETHTRY.csv")
    write(tmp_path, body, "prices2023.csv")
    with pytest.raises(DatasetError, match="cannot tell the pair"):
        load_dataset(tmp_path)
    dataset = load_dataset(tmp_path, symbols={"prices2023": Symbol("BTC", "USDT")})
    assert dataset.symbols == (Symbol("BTC", "USDT"), Symbol("ETH", "TRY"))
    with pytest.raises(DatasetError, match=r"no \*\.csv"):
        load_dataset(tmp_path / "nothing-here")
    with pytest.raises(DatasetError, match="two series"):
        ReplayDataset.of(hourly_series([1, 2]), hourly_series([3, 4]))


@pytest.mark.shared
def test_real_btctry_hourly_series_loads() -> None:
    path = shared_path("data", "binance_tr_btctry_1h", "BTCTRY_1h_2019-12-20_2026-05-31.csv")
    series = read_series(path, BTC_TRY)
    assert len(series.bars) == 56_479 and series.interval_ms == HOUR_MS
    assert series.bars[0].open_ms == parse_timestamp_ms("2019-12-20 10:00:00")
    assert series.bars[0].candle.close == D("42124.0")
    assert series.end_ms == parse_timestamp_ms("2026-06-01 00:00:00")
    gaps = [b.open_ms - a.open_ms for a, b in pairwise(series.bars)]
    assert max(gaps) > HOUR_MS  # maintenance gaps are allowed, not errors


@pytest.mark.shared
@pytest.mark.parametrize(
    "name", ["binanceus_BTCUSDT_1m_20230301_20230321.csv", "btc-perp-20211231-20220201_1m.csv"]
)
def test_real_one_minute_sets_load_under_a_configured_symbol(name: str) -> None:
    folder = shared_path("data", "btc_1m")
    usdt = Symbol("BTC", "USDT")
    series = read_series(folder / name, usdt)
    assert series.symbol == usdt and series.interval_ms == 60_000 and len(series.bars) > 30_000


@given(
    closes=st.lists(st.integers(0, 60), max_size=30).map(sorted),
    times=st.lists(st.integers(-5, 70), min_size=1, max_size=40),
    forward=st.booleans(),
    stray=st.lists(st.integers(0, 40), max_size=40),
)
def test_closed_by_answers_as_bisect_whatever_the_hint(
    closes: list[int], times: list[int], forward: bool, stray: list[int]
) -> None:
    """Stepping on from the last answer gives ``bisect_right``: a clock moving forward by a bar,
    by many, not at all, or (never in a replay, still right) going back; and any hint at all
    (another clock's answer, past the end) gives it too."""
    if forward:
        times.sort()
    hint = 0
    for now in times:
        hint = closed_by(closes, now, hint)
        assert hint == bisect_right(closes, now)
    for now, other in zip(times, stray, strict=False):
        assert closed_by(closes, now, other) == bisect_right(closes, now), (now, other)
