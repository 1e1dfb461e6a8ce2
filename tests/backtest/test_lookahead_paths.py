"""The decision check compares each decision's code path as well as its outcome."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from btcbot.backtest.lookahead import DecisionRecord, first_difference
from btcbot.backtest.truncation import ReplaySetup, check_decisions
from btcbot.config.params import Profile3Params
from btcbot.kernel.builtin import strategy_profile
from btcbot.strategy.loader import load_strategy
from tests.backtest.factories import START, wave_dataset
from tests.helpers import REPO_ROOT

SPARSE = f"{REPO_ROOT / 'tests' / 'backtest' / 'strategies' / 'sparse.py'}:PeeksWithoutActing"
SMA = f"{REPO_ROOT / 'examples' / 'sma_crossover.py'}:SmaCrossover"
SETUP = ReplaySetup(Profile3Params(), START, seed=5, spread_bps=Decimal(10))


def record(now_ms: int, *lines: int) -> DecisionRecord:
    return DecisionRecord(
        now_ms, (), ("BTC_TRY HOLD wait",), None, tuple(("s.py", n) for n in lines)
    )


def test_the_same_outcome_by_other_lines_is_a_difference() -> None:
    full = [record(1, 10, 11), record(2, 10, 12, 13)]
    assert first_difference(full, [record(1, 10, 11), record(2, 10, 12, 13)], 2) is None
    difference = first_difference(full, [record(1, 10, 11), record(2, 10, 11)], 2)
    assert difference is not None and difference.at_ms == 2
    text = difference.describe()
    assert "came to the same [no intent; BTC_TRY HOLD wait] by another way" in text
    assert "the full run went on at s.py:12, the cut run at s.py:11" in text


async def test_a_peek_that_never_changes_the_outcome_is_found_by_its_code_path(
    tmp_path: Path,
) -> None:
    profile = strategy_profile(load_strategy(SPARSE), SPARSE, {}, Profile3Params())
    verdict = await check_decisions(wave_dataset(80), profile, SETUP, cuts=3, scratch=tmp_path)
    assert verdict.difference is not None, verdict.describe()
    text = verdict.describe()
    assert "by another way" in text and "sparse.py:" in text
    assert "upcoming = whole[len(close)]" in text and 'view.hold(symbol, "wait")' in text


async def test_an_honest_strategy_runs_the_same_lines_on_cut_data(tmp_path: Path) -> None:
    given = {"fast": 3, "slow": 8}
    profile = strategy_profile(load_strategy(SMA), SMA, given, Profile3Params())
    verdict = await check_decisions(wave_dataset(120), profile, SETUP, cuts=6, scratch=tmp_path)
    assert verdict.clean, verdict.describe()
    assert verdict.compared > 100
