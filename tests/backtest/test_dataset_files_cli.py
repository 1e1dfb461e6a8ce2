"""``btcbot backtest --data FILE.csv`` on files that once misled it: a stray off-grid row, epoch
microseconds, a byte order mark, a single candle."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tests.backtest.factories import write_wave
from tests.backtest.test_cli import backtest, fingerprint

HALF_HOUR_MS = 1_800_000


def rewritten(source: Path, target: Path, edit: Callable[[list[str]], list[str]]) -> Path:
    """``source`` with its rows edited, written to ``target`` (in a directory of its own)."""
    header, *rows = source.read_text().splitlines()
    target.parent.mkdir()
    target.write_text("\n".join([header, *edit(rows)]) + "\n", encoding="utf-8")
    return target


def test_an_off_grid_row_is_refused_instead_of_halving_the_interval(workdir: Path) -> None:
    data = write_wave(workdir / "BTC_TRY.csv", 24)

    def stray(rows: list[str]) -> list[str]:
        ts, rest = rows[5].split(",", 1)
        return [*rows[:6], f"{int(ts) + HALF_HOUR_MS},{rest}", *rows[6:]]

    half = rewritten(data, workdir / "half" / "BTC_TRY.csv", stray)
    result = backtest(half, workdir / "h.db", "--progress-every", "0")
    assert result.code == 2, result.output
    assert f"{half}:8: the candle at " in result.stderr
    assert "opens off the file's 1h grid" in result.stderr
    assert "Traceback" not in result.output and "ran " not in result.stdout
    assert not (workdir / "h.db").exists()


def test_epoch_microseconds_replay_as_milliseconds_do(workdir: Path) -> None:
    data = write_wave(workdir / "BTC_TRY.csv", 24)

    def micro(rows: list[str]) -> list[str]:
        return [row.replace(",", "000,", 1) for row in rows]

    us = rewritten(data, workdir / "us" / "BTC_TRY.csv", micro)
    ms_run = backtest(data, workdir / "ms.db", "--progress-every", "0")
    us_run = backtest(us, workdir / "us.db", "--progress-every", "0")
    assert us_run.code == 0, us_run.output
    assert "ran 24 cycle(s)" in us_run.stdout
    assert fingerprint(us_run) == fingerprint(ms_run)


def test_a_byte_order_mark_before_the_header_is_read_past(workdir: Path) -> None:
    data = write_wave(workdir / "BTC_TRY.csv", 24)
    bom = workdir / "bom" / "BTC_TRY.csv"
    bom.parent.mkdir()
    bom.write_bytes(b"\xef\xbb\xbf" + data.read_bytes())
    plain = backtest(data, workdir / "plain.db", "--progress-every", "0")
    marked = backtest(bom, workdir / "bom.db", "--progress-every", "0")
    assert marked.code == 0, marked.output
    assert fingerprint(marked) == fingerprint(plain)


def test_one_candle_names_what_the_commands_accept(workdir: Path) -> None:
    data = write_wave(workdir / "BTC_TRY.csv", 24)
    one = workdir / "one" / "BTC_TRY.csv"
    one.parent.mkdir()
    one.write_text("\n".join(data.read_text().splitlines()[:2]) + "\n")
    result = backtest(one, workdir / "one.db")
    assert result.code == 2, result.output
    assert "interval_ms" not in result.stderr
    assert "needs at least two candles" in result.stderr
    assert f"btcbot data import {one} --symbol PAIR --timeframe" in result.stderr
    assert not (workdir / "one.db").exists()
