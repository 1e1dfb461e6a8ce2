"""Planted peeking strategies for the decision-level lookahead check (test data, not examples).

Each trades like the SMA example but cheats in one way the indicator-column check cannot see.
"""

from __future__ import annotations

import itertools
import sys
import types
from collections.abc import Iterator, Mapping, Sequence
from decimal import Decimal
from typing import Any, ClassVar

from btcbot.strategy.api import (
    BaseStrategy,
    DataKind,
    Frame,
    Intent,
    IntParam,
    Param,
    Params,
    Requirements,
    StrategyView,
)

_KEPT = sys.modules.setdefault("_peeking_kept", types.ModuleType("_peeking_kept"))
"""Shared by every copy of this file: ``sys.modules`` outlives a fresh copy's module."""


class _Base(BaseStrategy):
    parameters: ClassVar[Mapping[str, Param]] = {
        "lookback": IntParam(3, low=2, high=10, help="candles compared"),
    }

    def requirements(self, params: Params) -> Requirements:
        return Requirements(
            data=frozenset({DataKind.BOOKS, DataKind.CANDLES}), timeframe="1h", warmup_bars=12
        )


class PeeksPastTheSeries(_Base):
    """Reads the next candle's close from a series' private column (the frame's public
    columns end at the current bar: ``closes[now]`` would raise there). A replay's private
    column ends at the current bar too: the peek never finds a later row."""

    def decide(self, view: StrategyView) -> Iterator[Intent]:
        for symbol in view.symbols:
            closes = view.series(symbol, "close")._values  # the private whole column
            now = view.bars(symbol)
            if now < 2:
                continue
            if now < len(closes) and closes[now] > closes[now - 1]:  # the future: a rise
                intent = view.buy(symbol, notional_try=Decimal(300), reason="knows_it_rises")
                if intent is not None:
                    yield intent
            elif view.sellable(symbol) > 0:
                intent = view.sell(symbol, quantity=view.sellable(symbol), reason="exit")
                if intent is not None:
                    yield intent
            else:
                view.hold(symbol, "flat")


class StashesTheSeries(_Base):
    """Keeps the candles its indicators saw (the whole dataset in a backtest) where the copy
    of it that decides can find them, a module its file's fresh copies share (the attribute
    of an instance would not do: a backtest computes the indicators in a copy of their own),
    and reads the last of them: the dataset's final close."""

    def indicators(self, frame: Frame, params: Params) -> Mapping[str, Sequence[Any]]:
        _KEPT.closes = frame.columns["close"]
        return {}

    def decide(self, view: StrategyView) -> Iterator[Intent]:
        closes: Sequence[Any] = getattr(_KEPT, "closes", ())
        for symbol in view.symbols:
            if view.bars(symbol) == 0:
                continue
            now = view.series(symbol, "close")[-1]
            if closes and closes[-1] > now and view.position(symbol) == 0:
                intent = view.buy(symbol, notional_try=Decimal(300), reason="ends_higher")
                if intent is not None:
                    yield intent
            else:
                view.hold(symbol, "wait", f"last={closes[-1] if closes else None}")


class Honest(_Base):
    """Buys after ``lookback`` rising closes, sells after as many falling ones."""

    def decide(self, view: StrategyView) -> Iterator[Intent]:
        n = int(view.params["lookback"])
        for symbol in view.symbols:
            closes = view.series(symbol, "close")
            if len(closes) < n:
                view.hold(symbol, "warming_up")
                continue
            recent = [closes[-i] for i in range(n, 0, -1)]
            rising = all(a < b for a, b in itertools.pairwise(recent))
            falling = all(a > b for a, b in itertools.pairwise(recent))
            if rising and view.position(symbol) == 0:
                intent = view.buy(symbol, notional_try=Decimal(300), reason="rising")
            elif falling and view.sellable(symbol) > 0:
                intent = view.sell(symbol, quantity=view.sellable(symbol), reason="falling")
            else:
                intent = None
                view.hold(symbol, "no_signal")
            if intent is not None:
                yield intent
