"""``btcbot backtest`` / ``btcbot parity`` through ``btcbot.cli`` in-process."""

from __future__ import annotations

import re
from pathlib import Path

from tests.backtest.factories import write_wave
from tests.cli.runner import Result, cli

FINGERPRINT = re.compile(r"fingerprint\s+([0-9a-f]{64})")


def invoke(*args: str) -> Result:
    return cli(*args)


def backtest(data: Path, out: Path, *extra: str) -> Result:
    return invoke("backtest", "--data", str(data), "--out", str(out), *extra)


def fingerprint(result: Result) -> str:
    found = FINGERPRINT.search(result.stdout)
    assert found is not None, result.output
    return found.group(1)


def test_backtest_prints_progress_summary_and_fingerprint(workdir: Path) -> None:
    data = write_wave(workdir / "BTC_TRY.csv", 48)
    result = backtest(data, workdir / "a.db", "--progress-every", "10", "--seed", "5")
    assert result.code == 0, result.output
    assert "BACKTEST (replay, no exchange contacted): stage 3, BTC_TRY, seed 5" in result.stdout
    assert result.stdout.count("cycle ") >= 4  # progress every 10 of 48 cycles
    assert "ran 48 cycle(s), 0 skipped" in result.stdout
    for label in ("final equity", "return %", "max drawdown", "fees + tax", "risk modes"):
        assert label in result.stdout
    assert "order_submit" not in result.output  # INFO events are below --log-level WARNING
    again = backtest(data, workdir / "b.db", "--progress-every", "0", "--seed", "5")
    assert fingerprint(again) == fingerprint(result)
    assert invoke("parity", str(workdir / "a.db"), str(workdir / "b.db")).code == 0


def test_the_database_engine_gives_the_fast_engines_fingerprint(workdir: Path) -> None:
    data = write_wave(workdir / "BTC_TRY.csv", 48)
    fast = backtest(data, workdir / "fast.db", "--progress-every", "0")
    db = backtest(data, workdir / "db.db", "--progress-every", "0", "--engine", "db")
    assert fast.code == 0 and db.code == 0, fast.output + db.output
    assert "engine fast" in fast.stdout and "engine db" in db.stdout
    assert fingerprint(fast) == fingerprint(db)
    assert invoke("parity", str(workdir / "fast.db"), str(workdir / "db.db")).code == 0
    refused = backtest(data, workdir / "x.db", "--engine", "turbo")
    assert refused.code == 2 and "turbo" in refused.output
    assert not (workdir / "x.db").exists()


def test_window_and_stage_options(workdir: Path) -> None:
    data = write_wave(workdir / "BTC_TRY.csv", 72)
    result = backtest(
        data,
        workdir / "w.db",
        "--stage", "7",
        "--start", "2024-01-01T12:00",
        "--end", "2024-01-02",
        "--step-bars", "2",
        "--balance-try", "50000",
    )  # fmt: skip
    assert result.code == 0, result.output
    assert "ran 7 cycle(s)" in result.stdout  # 12:00, 14:00 ... 24:00
    assert "2024-01-01T12:00Z -> 2024-01-02T02:00Z" in result.stdout
    assert "initial equity             50000" in result.stdout


def test_parity_exit_codes(workdir: Path) -> None:
    data = write_wave(workdir / "BTC_TRY.csv", 48)
    assert backtest(data, workdir / "a.db").code == 0
    assert backtest(data, workdir / "b.db", "--spread-bps", "30").code == 0
    differ = invoke("parity", str(workdir / "a.db"), str(workdir / "b.db"))
    assert differ.code == 1 and "DIFFER" in differ.stdout
    missing = invoke("parity", str(workdir / "a.db"), str(workdir / "nope.db"))
    assert missing.code == 2 and "nope.db" in missing.stderr


def test_refusals_exit_2_with_the_reason(workdir: Path) -> None:
    data = write_wave(workdir / "BTC_TRY.csv", 8)
    (workdir / "taken.db").write_text("x")
    taken = backtest(data, workdir / "taken.db")
    assert taken.code == 2 and "already exists" in taken.stderr
    assert (workdir / "taken.db").read_text() == "x"
    missing = backtest(workdir / "nope.csv", workdir / "n.db")
    assert missing.code == 2 and "nope.csv: no such file" in missing.stderr
    lines = data.read_text().splitlines()
    lines[5] = "not-a-time" + lines[5][lines[5].index(",") :]
    bad = workdir / "ETH_TRY.csv"
    bad.write_text("\n".join(lines) + "\n")
    row = backtest(bad, workdir / "r.db")
    assert row.code == 2 and "ETH_TRY.csv:6: bad timestamp" in row.stderr
    unnamed = data.rename(workdir / "candles.csv")
    assert "pass --symbol" in backtest(unnamed, workdir / "u.db").stderr
    when = backtest(unnamed, workdir / "t.db", "--symbol", "BTC_TRY", "--start", "soon")
    assert when.code == 2 and "--start 'soon'" in when.stderr
    odd = backtest(unnamed, workdir / "o.db", "--symbol", "DOGE_TRY")
    assert odd.code == 2 and "no exchange rules for DOGE_TRY" in odd.stderr
    assert not any(workdir.glob("[nrtuo].db"))


def test_relative_paths_and_a_second_run_into_the_same_file(workdir: Path) -> None:
    data = write_wave(workdir / "BTC_TRY.csv", 24)
    first = cli("backtest", "--data", "BTC_TRY.csv", "--out", "a.db", cwd=workdir)
    assert first.code == 0, first.output
    second = cli("backtest", "--data", str(data), "--out", "b.db", cwd=workdir)
    assert fingerprint(second) == fingerprint(first)
    assert cli("parity", "a.db", "b.db", cwd=workdir).code == 0
    again = cli("backtest", "--data", str(data), "--out", "a.db", cwd=workdir)
    assert again.code == 2 and "already exists" in again.stderr
    replaced = cli("backtest", "--data", str(data), "--out", "a.db", "--overwrite", cwd=workdir)
    assert replaced.code == 0, replaced.output  # its own replay database
    assert fingerprint(replaced) == fingerprint(first)


def test_a_strategy_with_triggers_sleeps_unless_every_bar_is_asked(workdir: Path) -> None:
    data = write_wave(workdir / "BTC_TRY.csv", 120)
    sma = str(Path(__file__).resolve().parents[2] / "examples/sma_crossover.py") + ":SmaCrossover"
    args = ("--strategy", sma, "--param", "fast=3", "--param", "slow=8", "--progress-every", "0")
    slept = backtest(data, workdir / "a.db", *args)
    every = backtest(data, workdir / "b.db", *args, "--every-bar")
    assert slept.code == 0 and every.code == 0, slept.output + every.output
    found = re.search(
        r"ran 120 cycle\(s\) \((\d+) planned, (\d+) slept between triggers\)", slept.stdout
    )
    assert found is not None, slept.stdout
    assert int(found.group(2)) > 60 and int(found.group(1)) + int(found.group(2)) == 120
    assert "ran 120 cycle(s), 0 skipped" in every.stdout
    # the same trades and valuation (only the slept cycles' plans differ: no plan)
    same = re.compile(
        r"^ +(fills \(buy|final equity|final balances|max drawdown|realized).*$", re.M
    )
    assert len(same.findall(slept.stdout)) == 5
    assert [m.group(0) for m in same.finditer(slept.stdout)] == [
        m.group(0) for m in same.finditer(every.stdout)
    ]
