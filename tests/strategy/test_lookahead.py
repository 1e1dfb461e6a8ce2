"""No lookahead: a decision sees candles and indicators only up to its last closed candle.

Two proofs. The guard: a strategy reading a later row fails, naming the column. The
truncation proof: for many cut points the SMA example's plan computed with the indicators of
the whole dataset (what a backtest precomputes) equals the plan computed from the data cut at
that point (what the strategy could have known); a planted strategy whose indicator peeks one
candle ahead is caught by the engine's check, which names the indicator.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from btcbot.backtest.lookahead import (
    LookaheadDetected,
    check_no_lookahead,
    cut_points,
    replay_frames,
)
from btcbot.config.params import Profile3Params
from btcbot.decision.frames import Frame, LookaheadError
from btcbot.domain import Symbol
from btcbot.exchange.datasets import ReplayDataset
from btcbot.kernel.builtin import strategy_profile
from btcbot.kernel.kernel import PlanningKernel
from btcbot.kernel.profile import Profile
from btcbot.strategy.api import BaseStrategy, DataKind, Intent, Requirements, StrategyView
from btcbot.strategy.loader import load_strategy
from btcbot.strategy.parameters import Params
from tests.backtest.factories import wave_dataset
from tests.helpers import REPO_ROOT
from tests.kernel.factories import balance, book, rules_for, snapshot

BTC = Symbol("BTC", "TRY")
SMA = f"{REPO_ROOT / 'examples' / 'sma_crossover.py'}:SmaCrossover"
FAST_SLOW = {"fast": "3", "slow": "8", "notional_try": "500"}


class Peeking(BaseStrategy):
    """Planted: its indicator is the NEXT candle's close (a shift the wrong way)."""

    def requirements(self, params: Params) -> Requirements:
        return Requirements(data=frozenset({DataKind.BOOKS, DataKind.CANDLES}), warmup_bars=2)

    def indicators(self, frame: Frame, params: Params) -> Mapping[str, Sequence[Any]]:
        close = frame.columns["close"]
        return {"next_close": [*close[1:], None]}

    def decide(self, view: StrategyView) -> Iterable[Intent]:
        for symbol in view.symbols:
            upcoming = view.series(symbol, "next_close")[-1]
            if upcoming is not None and upcoming > view.series(symbol, "close")[-1]:
                intent = view.buy(symbol, notional_try=Decimal(500), reason="peeked_up")
                if intent is not None:
                    yield intent


class ReadsAhead(BaseStrategy):
    """Planted: reads the close one row past the current candle."""

    def requirements(self, params: Params) -> Requirements:
        return Requirements(data=frozenset({DataKind.BOOKS, DataKind.CANDLES}))

    def decide(self, view: StrategyView) -> Iterable[Intent]:
        for symbol in view.symbols:
            close = view.series(symbol, "close")
            close[len(close)]  # the candle after the current one
        return ()


def profile_of(strategy: BaseStrategy | Any, given: Mapping[str, object]) -> Profile:
    return strategy_profile(strategy, type(strategy).__name__, given, Profile3Params())


def cycle_snapshot(frame: Frame, cycle: int) -> Any:
    """A cycle at the frame's last visible candle: fresh book around its close, cash to buy."""
    close = frame.columns["close"][frame.end - 1]
    return snapshot(
        cycle_id=f"cut-{cycle}",
        books={BTC: book(BTC, close - 100, close + 100)},
        tickers={},
        rules={BTC: rules_for(BTC)},
        data_age_ms={BTC: 0},
        balances={"TRY": balance("TRY", "20000")},
        frames={BTC: frame},
    )


def cut_frame(dataset: ReplayDataset, rows: int, profile: Profile) -> Frame:
    """What a strategy could know after ``rows`` candles: the data cut there, indicators
    computed on it alone."""
    candles = [bar.candle for bar in dataset.series[BTC].bars[:rows]]
    base = Frame.of_candles(BTC, candles)
    return base.with_columns(profile.indicators(base))


def test_the_sma_examples_decisions_match_those_made_on_the_data_cut_at_each_point() -> None:
    dataset = wave_dataset(120)
    profile = profile_of(load_strategy(SMA), FAST_SLOW)
    whole = replay_frames(dataset, profile.indicators)
    kernel = PlanningKernel()
    submits = 0
    for rows in range(1, 121):  # every candle: each cross is one decision among many holds
        precomputed = whole.frames[BTC].at(rows)
        plan_whole = kernel.plan(cycle_snapshot(precomputed, rows), profile)
        plan_cut = kernel.plan(cycle_snapshot(cut_frame(dataset, rows, profile), rows), profile)
        assert plan_whole.fingerprint() == plan_cut.fingerprint(), rows
        submits += len(plan_whole.submits)
    assert submits > 0  # the cuts include crosses: the comparison covers real decisions
    check_no_lookahead(whole, profile.indicators)


def test_a_peeking_indicator_changes_decisions_and_the_check_names_it() -> None:
    dataset = wave_dataset(120)
    profile = profile_of(Peeking(), {})
    whole = replay_frames(dataset, profile.indicators)
    kernel = PlanningKernel()
    differ = [
        rows
        for rows in cut_points(120, 40)
        if kernel.plan(cycle_snapshot(whole.frames[BTC].at(rows), rows), profile).fingerprint()
        != kernel.plan(
            cycle_snapshot(cut_frame(dataset, rows, profile), rows), profile
        ).fingerprint()
    ]
    assert differ  # the truncation comparison sees the leak in the decisions ...
    with pytest.raises(LookaheadDetected, match=r"indicator 'next_close' of BTC_TRY at bar"):
        check_no_lookahead(whole, profile.indicators)  # ... and the engine's check names it


def test_reading_a_later_row_raises_and_names_the_column() -> None:
    frame = Frame.of_candles(BTC, [bar.candle for bar in wave_dataset(10).series[BTC].bars])
    visible = frame.at(4)
    close = visible.series("close")
    assert len(close) == 4 and list(close) == list(frame.columns["close"][:4])
    assert close[-1] == frame.columns["close"][3] == close.last
    assert close[:100] == frame.columns["close"][:4]  # a slice is clipped to the current bar
    with pytest.raises(LookaheadError, match=r"BTC_TRY column 'close' row 4 read at bar 3"):
        close[4]
    profile = profile_of(ReadsAhead(), {})
    with pytest.raises(LookaheadError, match="column 'close'"):
        PlanningKernel().plan(cycle_snapshot(visible, 1), profile)


def test_cut_points_cover_both_ends() -> None:
    assert cut_points(5, 24) == [1, 2, 3, 4, 5]
    points = cut_points(56_479)
    assert points[0] == 1 and points[-1] == 56_479 and len(points) == 24


def test_replay_frames_show_only_candles_closed_by_the_cycle(tmp_path: Path) -> None:
    dataset = wave_dataset(10)
    frames = replay_frames(dataset, lambda frame: {})
    bars = dataset.series[BTC].bars
    assert frames.at(bars[0].close_ms - 1)[BTC].end == 0
    assert frames.at(bars[3].close_ms)[BTC].end == 4
    assert frames.at(bars[-1].close_ms + 10**9)[BTC].end == 10
