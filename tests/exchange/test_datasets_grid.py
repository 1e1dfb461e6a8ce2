"""The replay loader's interval, grid, epoch units, BOM and one-candle refusals."""

from __future__ import annotations

from pathlib import Path

import pytest

from btcbot.exchange.datasets import DatasetError, parse_timestamp_ms, read_series
from tests.exchange.factories import BTC_TRY, HOUR_MS, T0

HEADER = "ts,open,high,low,close,volume\n"
HALF_HOUR_MS = HOUR_MS // 2


def rows(times_ms: list[int], unit: int = 1) -> str:
    """One made-up candle per time; ``unit`` scales ms to the file's epoch unit (1000: µs)."""
    return "".join(f"{ms * unit},100,101,99,100,1\n" for ms in times_ms)


def write(tmp_path: Path, text: str, name: str = "BTC_TRY.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_one_off_grid_row_in_an_hourly_file_is_refused_naming_its_line(tmp_path: Path) -> None:
    hours = [T0 + i * HOUR_MS for i in range(10)]
    stray = T0 + 5 * HOUR_MS + HALF_HOUR_MS  # between the candles of 05:00 and 06:00
    path = write(tmp_path, HEADER + rows(sorted([*hours, stray])))
    with pytest.raises(DatasetError) as refused:
        read_series(path, BTC_TRY)
    message = str(refused.value)
    assert f"{path}:8: the candle at 2023-11-15T03:30:00Z opens off the file's 1h grid" in message
    assert "2023-11-15T03:00:00Z, 2023-11-15T04:00:00Z" in message
    assert "remove or correct the row" in message and "btcbot data validate" in message


def test_a_grid_offset_from_the_hour_is_the_files_own(tmp_path: Path) -> None:
    # candles opening at :30 throughout are on their own grid; only a stray row is off it
    times = [T0 + HALF_HOUR_MS + i * HOUR_MS for i in range(6)]
    series = read_series(write(tmp_path, HEADER + rows(times)), BTC_TRY)
    assert [bar.open_ms for bar in series.bars] == times and series.interval_ms == HOUR_MS
    stray = write(tmp_path, HEADER + rows(sorted([*times, T0 + 2 * HOUR_MS])), "stray.csv")
    with pytest.raises(DatasetError, match=r"stray\.csv:4: .* opens off the file's 1h grid"):
        read_series(stray, BTC_TRY)


def test_epoch_numbers_in_any_common_unit() -> None:
    units = {"s": 1, "ms": 1_000, "µs": 10**6, "ns": 10**9}
    read = {unit: parse_timestamp_ms(str(1_735_347_600 * scale)) for unit, scale in units.items()}
    assert read == dict.fromkeys(units, 1_735_347_600_000)


def test_microsecond_and_nanosecond_files_load_as_their_millisecond_twin(tmp_path: Path) -> None:
    hours = [T0 + i * HOUR_MS for i in range(5)]
    ms = read_series(write(tmp_path, HEADER + rows(hours), "ms.csv"), BTC_TRY)
    for unit in (1_000, 1_000_000):
        other = read_series(write(tmp_path, HEADER + rows(hours, unit), f"{unit}.csv"), BTC_TRY)
        assert other.bars == ms.bars and other.interval_ms == HOUR_MS


def test_an_epoch_past_the_year_9999_is_a_bad_timestamp(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="past the year 9999"):
        parse_timestamp_ms("9" * 25)
    path = write(tmp_path, HEADER + rows([T0]) + f"{'9' * 25},100,101,99,100,1\n")
    with pytest.raises(DatasetError, match=r":3: bad timestamp '9{25}'"):
        read_series(path, BTC_TRY)


def test_a_byte_order_mark_before_the_header_is_not_part_of_it(tmp_path: Path) -> None:
    text = "\ufeffOpen_Time,Open,High,Low,Close,Volume\n" + rows([T0, T0 + HOUR_MS])
    series = read_series(write(tmp_path, text), BTC_TRY)
    assert [bar.open_ms for bar in series.bars] == [T0, T0 + HOUR_MS]


def test_one_candle_says_what_the_user_can_do(tmp_path: Path) -> None:
    path = write(tmp_path, HEADER + rows([T0]))
    with pytest.raises(DatasetError) as refused:
        read_series(path, BTC_TRY)
    message = str(refused.value)
    assert "interval_ms" not in message  # no command has such an option
    assert "at least two candles" in message
    assert f"btcbot data import {path} --symbol PAIR --timeframe" in message
