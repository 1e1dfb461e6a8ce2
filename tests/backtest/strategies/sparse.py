"""A planted strategy whose peek changes its code path but never its outcome (test data).

It reads the next candle's close through the columns its ``indicators`` saw (a replay
computes indicators once, on the whole dataset, in a copy of the strategy of their own; the
cycle's own columns hold no later row, private storage included), which it keeps where the
deciding copy finds them (``sys.modules`` outlives a fresh copy of its file), and holds
either way: only the lines it ran tell the run on cut data from the run on the whole data.
"""

from __future__ import annotations

import sys
import types
from collections.abc import Iterator, Mapping, Sequence
from decimal import Decimal
from typing import Any

from btcbot.strategy.api import (
    BaseStrategy,
    DataKind,
    Frame,
    Intent,
    Params,
    Requirements,
    StrategyView,
)

_KEPT = sys.modules.setdefault("_sparse_kept", types.ModuleType("_sparse_kept"))


class PeeksWithoutActing(BaseStrategy):
    def requirements(self, params: Params) -> Requirements:
        return Requirements(
            data=frozenset({DataKind.BOOKS, DataKind.CANDLES}), timeframe="1h", warmup_bars=2
        )

    def indicators(self, frame: Frame, params: Params) -> Mapping[str, Sequence[Any]]:
        _KEPT.frame = frame  # planted: in a replay, the whole dataset's columns
        return {}

    def decide(self, view: StrategyView) -> Iterator[Intent]:
        for symbol in view.symbols:
            close = view.series(symbol, "close")
            whole = _KEPT.frame.columns["close"]
            if len(close) >= len(whole):
                view.hold(symbol, "wait")
                continue
            upcoming = whole[len(close)]
            if upcoming > close[-1] * Decimal(100):  # never on this data: same outcome
                intent = view.buy(symbol, notional_try=Decimal(300), reason="rises_next")
                if intent is not None:
                    yield intent
            else:
                view.hold(symbol, "wait")
