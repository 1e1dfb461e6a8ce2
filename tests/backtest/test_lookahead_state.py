"""The lookahead checks are not answered by state the whole-data computation left behind.

Planted strategies (tests/backtest/strategies/cached.py) cache a column keyed without the
frame's length. In one process the whole-data computation comes first; a recomputation on
cut data by the same module or instance would get whole-data rows back and pass. The checks
recompute on a copy of the strategy loaded afresh from its file.
"""

from __future__ import annotations

import builtins
from decimal import Decimal
from pathlib import Path

import pytest

from btcbot.backtest import BacktestSetupError, run_backtest
from btcbot.backtest.lookahead import LookaheadDetected
from btcbot.backtest.truncation import ReplaySetup, check_decisions
from btcbot.config.params import Profile3Params, Profile4Params
from btcbot.kernel.builtin import builtin_profile, strategy_profile
from btcbot.kernel.profile import Profile
from btcbot.strategy.loader import fresh_copy, load_strategy
from tests.backtest.factories import START, wave_dataset
from tests.helpers import REPO_ROOT

CACHED = REPO_ROOT / "tests" / "backtest" / "strategies" / "cached.py"


def profile_of(name: str) -> Profile:
    spec = f"{CACHED}:{name}"
    return strategy_profile(load_strategy(spec), spec, {}, Profile3Params())


async def backtest(profile: Profile, out: Path) -> None:
    await run_backtest(
        wave_dataset(120),
        stage=3,
        params=Profile3Params(),
        profile=profile,
        out_db=out,
        starting_balances=START,
        seed=5,
        spread_bps=Decimal(10),
    )


@pytest.mark.parametrize("name", ["ModuleCache", "InstanceCache", "LruCache"])
async def test_a_cache_keyed_without_the_length_is_refused_by_the_backtest(
    name: str, tmp_path: Path
) -> None:
    profile = profile_of(name)
    with pytest.raises(LookaheadDetected, match=r"indicator 'next_close' of BTC_TRY at bar"):
        await backtest(profile, tmp_path / "run.db")
    assert not (tmp_path / "run.db").exists()
    # a second backtest in the same process (a sweep's next trial) is refused as well
    with pytest.raises(LookaheadDetected, match=r"indicator 'next_close'"):
        await backtest(profile, tmp_path / "again.db")


async def test_the_decision_check_replays_each_cut_on_a_copy_that_saw_nothing(
    tmp_path: Path,
) -> None:
    # each run starts from a copy that remembers nothing: no cut run finds the full run's high
    profile = profile_of("RemembersTheHighest")
    setup = ReplaySetup(Profile3Params(), START, seed=5, spread_bps=Decimal(10))
    verdict = await check_decisions(wave_dataset(120), profile, setup, cuts=3, scratch=tmp_path)
    assert verdict.difference is None and verdict.compared > 0, verdict.describe()


def test_a_fresh_copy_starts_with_empty_module_and_instance_state() -> None:
    loaded = load_strategy(f"{CACHED}:InstanceCache")
    frame_cache = loaded.cache  # type: ignore[attr-defined]
    frame_cache["kept"] = [1]
    copy = fresh_copy(loaded)
    assert type(copy).__name__ == "InstanceCache" and type(copy) is not type(loaded)
    assert copy.cache == {}  # type: ignore[attr-defined]
    module_cache = vars(__import__(type(loaded).__module__))["_BY_SYMBOL"]
    module_cache["kept"] = [1]
    assert vars(__import__(type(copy).__module__))["_BY_SYMBOL"] == {}


def test_a_built_in_strategy_is_its_own_fresh_copy() -> None:
    built_in = builtin_profile(Profile4Params()).strategy
    assert fresh_copy(built_in) is built_in


ONCE = """
import builtins
from btcbot.strategy.api import BaseStrategy, DataKind, Requirements
if getattr(builtins, "_btcbot_runs_once", False):
    raise RuntimeError("this file runs only once")
builtins._btcbot_runs_once = True
class Once(BaseStrategy):
    def requirements(self, params):
        return Requirements(data=frozenset({DataKind.BOOKS, DataKind.CANDLES}), timeframe="1h")
    def decide(self, view):
        return []
"""


async def test_a_file_that_fails_when_run_again_is_one_clear_error(tmp_path: Path) -> None:
    once = tmp_path / "once.py"
    once.write_text(ONCE)
    try:
        spec = f"{once}:Once"
        profile = strategy_profile(load_strategy(spec), spec, {}, Profile3Params())
        with pytest.raises(
            BacktestSetupError,
            match=r"once\.py: running it again for the lookahead check failed: RuntimeError: "
            "this file runs only once",
        ):
            await backtest(profile, tmp_path / "run.db")
    finally:
        vars(builtins).pop("_btcbot_runs_once", None)
