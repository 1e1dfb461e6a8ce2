"""Shared inputs of the sweep tests: a generated hourly series and the strategies' paths."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.backtest.factories import write_wave
from tests.helpers import REPO_ROOT

SMA = str(REPO_ROOT / "examples" / "sma_crossover.py") + ":SmaCrossover"
PEEKING = REPO_ROOT / "tests" / "research" / "strategies" / "peeking.py"
# a small, fast search: SMA lengths that cross within a few days of hourly candles
SMA_SEARCH = ("--range", "fast=2..12", "--range", "slow=13..40", "--param", "notional_try=500")
# profile 3 on the wave: three trials, one window, some of them trading
STAGE3_SEARCH = ("--trials", "3", "--objective", "return", "--lookahead-cuts", "2",
                 "--range", "min_profit_bps=10..60", "--range", "entry_budget=100..2000",
                 "--param", "sell_cost_buffer_bps=0", "--param", "sell_fraction=1",
                 "--param", "max_entry_spread_bps=100", "--param", "offset_bps=20")  # fmt: skip


@pytest.fixture(scope="session")
def wave_csv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """300 hourly candles (12.5 days) of a seeded wave: the SMA crossover trades on it."""
    return write_wave(tmp_path_factory.mktemp("sweep-data") / "BTC_TRY.csv", 300)
