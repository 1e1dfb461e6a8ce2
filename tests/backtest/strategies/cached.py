"""Planted strategies that look ahead by accident, through state kept between computations
(test data for the lookahead checks, not examples).

Each caches a computation keyed without the frame's length, as if data only ever grew: in a
backtest the first computation is the whole dataset's, so a later one on cut data gets
whole-data rows back, unless it runs on a copy of the strategy that has computed nothing.
"""

from __future__ import annotations

import functools
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
    Symbol,
)

_BY_SYMBOL: dict[Symbol, list[Any]] = {}
_CLOSES: dict[Symbol, Sequence[Any]] = {}
_HIGHEST: dict[Symbol, Any] = {}


def _next_closes(close: Sequence[Any]) -> list[Any]:
    """The NEXT candle's close on each row: reads ahead (what the checks must catch)."""
    return [close[i + 1] if i + 1 < len(close) else None for i in range(len(close))]


class _Base(BaseStrategy):
    def requirements(self, params: Params) -> Requirements:
        return Requirements(
            data=frozenset({DataKind.BOOKS, DataKind.CANDLES}), timeframe="1h", warmup_bars=2
        )

    def decide(self, view: StrategyView) -> Iterator[Intent]:
        for symbol in view.symbols:
            upcoming = view.series(symbol, "next_close")[-1]
            if upcoming is not None and upcoming > view.series(symbol, "close")[-1]:
                intent = view.buy(symbol, notional_try=Decimal(300), reason="rises_next")
                if intent is not None:
                    yield intent
            else:
                view.hold(symbol, "wait")


class ModuleCache(_Base):
    """A module-level dict keyed by symbol, sliced to the frame's rows."""

    def indicators(self, frame: Frame, params: Params) -> Mapping[str, Sequence[Any]]:
        rows = frame.rows
        cached = _BY_SYMBOL.get(frame.symbol)
        if cached is None or len(cached) < rows:
            cached = _BY_SYMBOL[frame.symbol] = _next_closes(frame.columns["close"])
        return {"next_close": cached[:rows]}


class InstanceCache(_Base):
    """The same cache kept on the instance."""

    def __init__(self) -> None:
        self.cache: dict[Symbol, list[Any]] = {}

    def indicators(self, frame: Frame, params: Params) -> Mapping[str, Sequence[Any]]:
        rows = frame.rows
        cached = self.cache.get(frame.symbol)
        if cached is None or len(cached) < rows:
            cached = self.cache[frame.symbol] = _next_closes(frame.columns["close"])
        return {"next_close": cached[:rows]}


@functools.lru_cache(maxsize=16)
def _column_of(symbol: Symbol) -> list[Any]:
    return _next_closes(_CLOSES[symbol])


class LruCache(_Base):
    """``functools.lru_cache`` keyed by the symbol alone."""

    def indicators(self, frame: Frame, params: Params) -> Mapping[str, Sequence[Any]]:
        _CLOSES.setdefault(frame.symbol, frame.columns["close"])
        return {"next_close": _column_of(frame.symbol)[: frame.rows]}


class RemembersTheHighest(BaseStrategy):
    """Keeps the highest close its decisions have seen at module level (honest within one
    run: only closes already shown) and buys at a new high. A run that found another run's
    highest there (the whole data's, left by the full run) would decide otherwise on cut data:
    a difference that is not the strategy's lookahead."""

    def requirements(self, params: Params) -> Requirements:
        return Requirements(
            data=frozenset({DataKind.BOOKS, DataKind.CANDLES}), timeframe="1h", warmup_bars=2
        )

    def decide(self, view: StrategyView) -> Iterator[Intent]:
        for symbol in view.symbols:
            now = view.series(symbol, "close")[-1]
            highest = _HIGHEST[symbol] = max(_HIGHEST.get(symbol, now), now)
            if now >= highest and view.position(symbol) == 0:
                intent = view.buy(symbol, notional_try=Decimal(300), reason="new_high")
                if intent is not None:
                    yield intent
            else:
                view.hold(symbol, "wait", f"highest={highest}")
