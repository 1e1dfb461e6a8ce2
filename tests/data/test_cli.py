"""``btcbot data import|validate`` through the real CLI app, in process."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from btcbot.cli import app
from btcbot.store import DbRole, open_store
from tests.cli.runner import Result
from tests.data import factories
from tests.data.factories import HOUR_MS, T0


def btcbot(*args: str) -> Result:
    result = CliRunner().invoke(app, list(args), catch_exceptions=False)
    return Result(result.exit_code, result.stdout, result.stderr)


def test_import_then_validate_clean(tmp_path: Path) -> None:
    source = factories.coinbase(tmp_path / "cb.csv")
    out = tmp_path / "sub" / "btc.parquet"
    imported = btcbot("data", "import", str(source), "--symbol", "BTC_USDT", "--out", str(out))
    assert imported.code == 0, imported.output
    assert "CryptoDataDownload layout, header on line 2 after 1 banner line(s)" in imported.stdout
    assert "volume from 'volume_btc'" in imported.stdout
    assert "rows: 5 (newest first, sorted)" in imported.stdout
    assert f"wrote {out}: BTC_USDT 1h, 5 candles, 2024-01-01T00:00Z -> 2024-01-01T04:00Z" in (
        imported.stdout
    )
    valid = btcbot("data", "validate", str(out))
    assert valid.code == 0, valid.output
    assert "Parquet dataset BTC_USDT 1h (cb.csv (CryptoDataDownload))" in valid.stdout
    assert valid.stdout.rstrip().endswith("CLEAN")
    again = btcbot("data", "import", str(source), "--symbol", "BTC_USDT", "--out", str(out))
    assert again.code == 2 and "already exists (pass --overwrite" in again.stderr
    replaced = btcbot(
        "data", "import", str(source), "--symbol", "BTC_USDT", "--out", str(out), "--overwrite"
    )
    assert replaced.code == 0, replaced.output


def test_overwrite_replaces_only_a_dataset(tmp_path: Path) -> None:
    source = factories.coinbase(tmp_path / "cb.csv")
    state = tmp_path / "state.db"
    open_store(f"sqlite:///{state}", DbRole.LIVE).dispose()
    for other in (state, source):
        before = other.read_bytes()
        args = ("data", "import", str(source), "--symbol", "BTC_USDT", "--out", str(other))
        result = btcbot(*args, "--overwrite")
        assert result.code == 2 and "is not a Parquet dataset" in result.stderr, result.output
        assert other.read_bytes() == before


def test_validate_reports_each_problem_and_exits_1(tmp_path: Path) -> None:
    times = [T0, T0 + HOUR_MS, T0 + 4 * HOUR_MS, T0 + 3 * HOUR_MS, T0 + 3 * HOUR_MS]
    source = factories.binance_tr(tmp_path / "bad.csv", times)
    lines = source.read_text().splitlines()
    lines[1] = lines[1].replace("99.75", "101.5")  # low above open and close on line 2
    source.write_text("\n".join(lines) + "\n")
    result = btcbot("data", "validate", str(source))
    assert result.code == 1, result.output
    out = result.stdout
    assert "out of order: 1" in out and "bad.csv:5: 2024-01-01T03:00Z after" in out
    assert "duplicates: 1" in out and "bad.csv:6: 2024-01-01T03:00Z repeats" in out
    assert "with different values" in out
    assert "OHLC violations: 1" in out and "bad.csv:2: inconsistent candle" in out
    assert "gaps: 1" in out and "2024-01-01T01:00Z -> 2024-01-01T03:00Z: 1 candle(s) missing" in out
    assert "PROBLEMS FOUND: 3" in out


def test_gaps_are_problems_only_with_strict_unless_marked(tmp_path: Path) -> None:
    times = [T0, T0 + HOUR_MS, T0 + 2 * HOUR_MS, T0 + 5 * HOUR_MS, T0 + 6 * HOUR_MS]
    source = factories.binance_tr(tmp_path / "gappy.csv", times)
    assert btcbot("data", "validate", str(source)).code == 0
    strict = btcbot("data", "validate", str(source), "--strict")
    assert strict.code == 1 and "gaps: 1" in strict.stdout
    out = tmp_path / "gappy.parquet"
    assert btcbot("data", "import", str(source), "--symbol", "BTC_TRY", "--out", str(out)).code == 0
    marked = btcbot("data", "validate", str(out), "--strict")
    assert marked.code == 0, marked.output
    assert "gaps: 1 (1 marked in the dataset)" in marked.stdout


def test_unreadable_inputs_exit_2_naming_the_file(tmp_path: Path) -> None:
    binary = tmp_path / "blob.csv"
    binary.write_bytes(b"\x00\x01\x02")
    for args in (
        ("data", "validate", str(binary)),
        ("data", "validate", str(tmp_path / "missing.csv")),
        ("data", "import", str(binary), "--symbol", "BTC_TRY", "--out", str(tmp_path / "x.pq")),
    ):
        result = btcbot(*args)
        assert result.code == 2, (args, result.output)
        assert "Traceback" not in result.output
        assert result.stderr.startswith("error: ") and str(tmp_path) in result.stderr
    bad_symbol = btcbot("data", "import", str(binary), "--symbol", "BTC", "--out", "x.parquet")
    assert bad_symbol.code == 2 and "--symbol 'BTC' is not a trading pair" in bad_symbol.stderr
    bad_tf = btcbot("data", "validate", str(binary), "--timeframe", "hourly")
    assert bad_tf.code == 2 and "--timeframe: 'hourly' is not a duration" in bad_tf.stderr
    assert not (tmp_path / "x.pq").exists()
