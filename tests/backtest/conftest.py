"""Backtest fixtures: two finished runs to compare, settings isolated from the developer's."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from btcbot.backtest import run_backtest
from tests.backtest.factories import START, lively, wave_dataset
from tests.helpers import isolate_settings


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return isolate_settings(tmp_path, monkeypatch)


async def finished_run(out: Path, *, seed: int = 1, hours: int = 48) -> Path:
    await run_backtest(
        wave_dataset(hours),
        stage=3,
        params=lively(3),
        out_db=out,
        starting_balances=START,
        seed=seed,
        spread_bps=Decimal(10),
    )
    return out
