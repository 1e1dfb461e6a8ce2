"""``btcbot data validate|import`` on off-grid rows, a wrong --timeframe, epoch units and
directories: problems reported, refusals with one message and nothing written."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from btcbot.data import DatasetInfo, RawCandle, read_dataset_rows, write_dataset
from btcbot.domain import Symbol
from tests.data.test_cli import btcbot

HOUR_MS = 3_600_000
T0 = 1_735_347_600_000  # 2024-12-28T01:00Z


def candles(path: Path, times_ms: list[int], unit: int = 1, header: str = "timestamp") -> Path:
    """A made-up candle per time, the time in epoch ms times ``unit`` (1000: µs, 10**6: ns)."""
    lines = [f"{header},open,high,low,close,volume"]
    lines += [f"{ms * unit},100,101,99,100,1" for ms in times_ms]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def hourly_with_a_half_hour_row(path: Path) -> Path:
    hours = [T0 + i * HOUR_MS for i in range(12)]
    return candles(path, sorted([*hours, T0 + 5 * HOUR_MS + HOUR_MS // 2]))


def test_validate_reports_an_off_grid_row_as_a_problem(tmp_path: Path) -> None:
    source = hourly_with_a_half_hour_row(tmp_path / "half.csv")
    result = btcbot("data", "validate", str(source))
    assert result.code == 1, result.output
    assert "interval 1h" in result.stdout
    assert "off the 1h grid (a replay refuses such a row: remove or correct it): 1" in (
        result.stdout
    )
    assert f"{source}:8: 2024-12-28T06:30Z, between 2024-12-28T06:00Z and 2024-12-28T07:00Z" in (
        result.stdout
    )
    assert "PROBLEMS FOUND: 1" in result.stdout and "CLEAN" not in result.stdout


def test_import_refuses_an_off_grid_row_and_writes_nothing(tmp_path: Path) -> None:
    source = hourly_with_a_half_hour_row(tmp_path / "half.csv")
    out = tmp_path / "half.parquet"
    result = btcbot("data", "import", str(source), "--symbol", "BTC_TRY", "--out", str(out))
    assert result.code == 2, result.output
    assert result.stderr.startswith(
        f"error: {source}:8: the candle at 2024-12-28T06:30:00Z opens off the file's 1h grid"
    )
    assert "Traceback" not in result.output and "(nothing written)" in result.stderr
    assert not out.exists()


def test_import_refuses_a_timeframe_finer_than_the_rows(tmp_path: Path) -> None:
    source = candles(tmp_path / "ok.csv", [T0 + i * HOUR_MS for i in range(6)])
    out = tmp_path / "ok.parquet"
    args = ("data", "import", str(source), "--symbol", "BTC_TRY", "--out", str(out))
    finer = btcbot(*args, "--timeframe", "30m")
    assert finer.code == 2, finer.output
    assert "--timeframe 30m is finer than the file's candles, which are never less than 1h " in (
        finer.stderr
    )
    assert "pass --timeframe 1h or leave --timeframe out" in finer.stderr
    assert not out.exists()
    own = btcbot(*args, "--timeframe", "1h")
    assert own.code == 0, own.output
    assert read_dataset_rows(out)[0].interval_ms == HOUR_MS


def test_microsecond_and_nanosecond_files_validate_and_import(tmp_path: Path) -> None:
    hours = [T0 + i * HOUR_MS for i in range(6)]
    expected = [row.open_ms for row in read_dataset_rows(_imported(tmp_path, hours, 1))[1]]
    assert expected == hours
    for unit in (1_000, 1_000_000):
        source = candles(tmp_path / f"u{unit}.csv", hours, unit)
        valid = btcbot("data", "validate", str(source))
        assert valid.code == 0, valid.output
        assert "rows: 6, interval 1h, 2024-12-28T01:00Z -> 2024-12-28T06:00Z" in valid.stdout
        assert [row.open_ms for row in read_dataset_rows(_imported(tmp_path, hours, unit))[1]] == (
            expected
        )


def _imported(tmp_path: Path, hours: list[int], unit: int) -> Path:
    source = candles(tmp_path / f"in{unit}.csv", hours, unit)
    out = tmp_path / f"out{unit}.parquet"
    result = btcbot("data", "import", str(source), "--symbol", "BTC_TRY", "--out", str(out))
    assert result.code == 0, result.output
    assert "2024-12-28T01:00Z -> 2024-12-28T06:00Z" in result.stdout
    return out


def test_a_timestamp_past_the_year_9999_is_refused_and_nothing_written(tmp_path: Path) -> None:
    source = candles(tmp_path / "far.csv", [T0, T0 + HOUR_MS])
    source.write_text(source.read_text() + f"{'9' * 22},100,101,99,100,1\n")
    out = tmp_path / "far.parquet"
    for args in (
        ("data", "validate", str(source)),
        ("data", "import", str(source), "--symbol", "BTC_TRY", "--out", str(out)),
    ):
        result = btcbot(*args)
        assert result.code == 2, result.output
        assert result.stderr.startswith(f"error: {source}:4: bad time '{'9' * 22}'")
        assert "Traceback" not in result.output
    assert not out.exists()


def test_validate_takes_a_directory_of_datasets_and_csv_files(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    candles(folder / "BTC_TRY.csv", [T0 + i * HOUR_MS for i in range(4)])
    (folder / "notes.txt").write_text("not a candle file")
    source = candles(tmp_path / "ada.csv", [T0 + i * HOUR_MS for i in range(3)])
    dataset = folder / "ADA_TRY.parquet"
    imported = btcbot("data", "import", str(source), "--symbol", "ADA_TRY", "--out", str(dataset))
    assert imported.code == 0, imported.output
    clean = btcbot("data", "validate", str(folder))
    assert clean.code == 0, clean.output
    assert f"{dataset}: Parquet dataset ADA_TRY 1h" in clean.stdout
    assert f"{folder / 'BTC_TRY.csv'}: CSV" in clean.stdout and "notes.txt" not in clean.output
    assert clean.stdout.rstrip().endswith("CLEAN")
    hourly_with_a_half_hour_row(folder / "ETH_TRY.csv")
    found = btcbot("data", "validate", str(folder))
    assert found.code == 1, found.output
    assert f"{folder / 'BTC_TRY.csv'}: CSV" in found.stdout
    assert f"{folder / 'ETH_TRY.csv'}:8: 2024-12-28T06:30Z" in found.stdout
    (folder / "XRP_TRY.csv").write_bytes(b"\x00\x01")
    unreadable = btcbot("data", "validate", str(folder))
    assert unreadable.code == 2 and unreadable.stdout == "", unreadable.output
    assert unreadable.stderr.startswith(f"error: {folder / 'XRP_TRY.csv'}:1: binary data")
    empty = tmp_path / "empty"
    empty.mkdir()
    nothing = btcbot("data", "validate", str(empty))
    assert nothing.code == 2 and "no *.csv or *.parquet file" in nothing.stderr


def test_validate_names_a_parquet_time_past_the_year_9999_without_a_traceback(
    tmp_path: Path,
) -> None:
    far = T0 + 10**11 * HOUR_MS  # epoch ms: some eleven million years on, on the grid
    rows = [RawCandle(f"r{i}", ms, *(Decimal(1),) * 5) for i, ms in enumerate([T0, far])]
    out = tmp_path / "far.parquet"
    write_dataset(out, DatasetInfo(Symbol.parse("BTC_TRY"), HOUR_MS, "test", ()), rows)
    result = btcbot("data", "validate", str(out))
    assert result.code == 0, result.output
    assert f"2024-12-28T01:00Z -> {far} ms" in result.stdout


def test_validate_names_quotes_no_trade_of_their_candle_reached(tmp_path: Path) -> None:
    """A book at the close far from every trade of the candle (a quote from another market or
    time) makes a replay's fills better than the candle allows: shown, and a problem with
    --strict, as gaps are."""
    lines = ["timestamp,open,high,low,close,volume,bid,ask"]
    quotes = {3: "50,51", 7: "102,103"}  # ask below the low; bid above the high
    lines += [
        f"{T0 + i * HOUR_MS},100,101,99,100,1,{quotes.get(i, '99.9,100.1')}" for i in range(10)
    ]
    source = tmp_path / "BTC_TRY.csv"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    shown = btcbot("data", "validate", str(source))
    assert shown.code == 0 and "CLEAN" in shown.stdout, shown.output
    assert "quotes off their candle's range (a replay fills at them: check their source): 2" in (
        shown.stdout
    )
    assert f"{source}:5: ask 51 below the candle's low 99" in shown.stdout
    assert f"{source}:9: bid 102 above the candle's high 101" in shown.stdout
    strict = btcbot("data", "validate", "--strict", str(source))
    assert strict.code == 1 and "PROBLEMS FOUND: 2" in strict.stdout, strict.output
    within = candles(tmp_path / "ETH_TRY.csv", [T0 + i * HOUR_MS for i in range(10)])
    plain = btcbot("data", "validate", "--strict", str(within))
    assert plain.code == 0 and "quotes off" not in plain.stdout, plain.output
