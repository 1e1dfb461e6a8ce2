"""No public route of a frame a replay shows, or of its series, reads a row after the bar."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path

import pytest

from btcbot.backtest import run_backtest
from btcbot.backtest.lookahead import check_no_lookahead, replay_frames
from btcbot.config.params import Profile3Params
from btcbot.decision.frames import Frame, LookaheadError
from btcbot.domain import Symbol
from btcbot.kernel.builtin import strategy_profile
from btcbot.strategy.api import BaseStrategy, DataKind, Intent, Params, Requirements
from btcbot.strategy.indicators import sma
from btcbot.strategy.view import StrategyView
from tests.backtest.factories import START, wave_dataset

BTC = Symbol("BTC", "TRY")
LATER = r"lookahead: BTC_TRY column 'close' row 4 read at bar 3"


def whole() -> Frame:
    return Frame.of_candles(BTC, [bar.candle for bar in wave_dataset(10).series[BTC].bars])


def test_a_cut_frames_columns_end_at_its_bar() -> None:
    frame = whole()
    shown = frame.at(4)
    close = shown.columns["close"]
    assert shown.rows == 4 and len(close) == 4
    assert list(close) == list(frame.columns["close"][:4]) and close[-1] == close.last
    assert list(shown.columns.get("close") or ()) == list(close)
    assert [len(column) for column in shown.columns.values()] == [4] * 6
    with pytest.raises(LookaheadError, match=LATER):
        close[4]
    with pytest.raises(LookaheadError, match=LATER):
        dict(shown.columns.items())["close"][4]
    assert "Decimal" not in repr(shown)  # the repr does not print the columns either


def test_a_cut_frame_cannot_be_widened_again() -> None:
    shown = whole().at(4)
    with pytest.raises(ValueError, match=r"frame end 5 outside 0\.\.4"):
        shown.at(5)
    with pytest.raises(ValueError, match=r"frame end 10 outside 0\.\.4"):
        dataclasses.replace(shown, end=10)
    assert shown.at(2).series("close")[-1] == whole().columns["close"][1]
    with pytest.raises(LookaheadError, match=r"row 2 read at bar 1"):
        shown.at(2).columns["close"][2]
    extended = shown.with_columns({"flag": [True] * 4})
    assert extended.rows == 4 and extended.series("flag")[-1] is True
    with pytest.raises(LookaheadError):
        extended.columns["close"][4]
    made = Frame(BTC, dict(whole().columns), 4)  # built with end short of its rows
    with pytest.raises(LookaheadError, match=LATER):
        made.columns["close"][4]


def test_a_whole_frame_keeps_its_plain_columns_for_column_wise_indicators() -> None:
    frame = whole()
    assert frame.at(10).columns["close"] is frame.columns["close"]
    frames = replay_frames(wave_dataset(40), lambda f: {"sma": sma(f.columns["close"], 3)})
    check_no_lookahead(frames, lambda f: {"sma": sma(f.columns["close"], 3)})
    assert frames.frames[BTC].columns["sma"][-1] is not None


class ReadsTheNextRow(BaseStrategy):
    """Planted: reads the next candle's close from the frame's whole column."""

    def requirements(self, params: Params) -> Requirements:
        return Requirements(data=frozenset({DataKind.BOOKS, DataKind.CANDLES}), warmup_bars=2)

    def decide(self, view: StrategyView) -> Iterable[Intent]:
        for symbol in view.symbols:
            frame = view.frame(symbol)
            assert frame is not None
            if frame.columns["close"][frame.end] > frame.columns["close"][frame.end - 1]:
                view.hold(symbol, "rises_next")
        return ()


async def test_a_backtest_stops_a_decision_reading_the_next_row_of_the_frame(
    tmp_path: Path,
) -> None:
    profile = strategy_profile(ReadsTheNextRow(), "reads", {}, Profile3Params())
    with pytest.raises(LookaheadError, match=r"BTC_TRY column 'close' row \d+ read at bar"):
        await run_backtest(
            wave_dataset(60),
            stage=3,
            params=Profile3Params(),
            profile=profile,
            out_db=tmp_path / "run.db",
            starting_balances=START,
            seed=5,
            spread_bps=Decimal(10),
        )
