"""The backtest's progress bar: its total is the cycles the run makes; drawn on a terminal only."""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path

import pytest
from rich.console import Console

from btcbot.backtest import run_backtest
from btcbot.backtest.schedule import planned_cycles
from btcbot.commands.progress import ProgressBar, wanted
from tests.backtest.factories import HOUR_MS, START, T0, lively, wave_dataset, write_wave
from tests.backtest.test_cli import backtest


@pytest.mark.parametrize(
    "options",
    [
        {},
        {"max_cycles": 5},
        {"step_bars": 3},
        {"start_ms": T0 + 10 * HOUR_MS, "end_ms": T0 + 20 * HOUR_MS, "step_bars": 2},
        {"start_ms": T0 + 30 * HOUR_MS + 1},
    ],
)
async def test_planned_cycles_match_the_run(options: dict[str, int], tmp_path: Path) -> None:
    dataset = wave_dataset(36)
    result = await run_backtest(
        dataset, stage=3, params=lively(3), out_db=tmp_path / "r.db", starting_balances=START,
        seed=1, spread_bps=Decimal(10), **options,  # type: ignore[arg-type]
    )  # fmt: skip
    assert planned_cycles(dataset, **options) == result.cycles


def test_the_bar_counts_with_an_eta_on_a_terminal() -> None:
    screen = io.StringIO()
    console = Console(file=screen, force_terminal=True, width=100)
    with ProgressBar(3, enabled=True, console=console) as bar:
        for _ in range(3):
            bar.advance()
    assert "cycles" in screen.getvalue() and "3/3" in screen.getvalue()
    assert "ETA" in screen.getvalue()
    quiet = io.StringIO()
    with ProgressBar(3, enabled=False, console=Console(file=quiet)) as bar:
        bar.advance()
    assert quiet.getvalue() == ""


def test_no_bar_when_switched_off_or_not_a_terminal(workdir: Path) -> None:
    assert wanted(disabled=True) is False
    data = write_wave(workdir / "BTC_TRY.csv", 12)
    result = backtest(data, workdir / "a.db", "--no-progress")
    assert result.code == 0, result.output
    piped = backtest(data, workdir / "b.db")  # CliRunner's stderr is no terminal
    assert piped.code == 0 and "━" not in piped.stderr and "ETA" not in piped.output
