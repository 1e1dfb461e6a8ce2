"""SMA 10/50 crossover on hourly candles: a complete btcbot strategy in one file.

Buy ``notional_try`` worth when the fast SMA crosses above the slow one (and we are flat);
sell the whole position when it crosses below. Everything after these intents (risk limits,
modes, lifecycle, quantization, protective stops, the live gates) is btcbot's. The per-cycle
notional cap (``NOTIONAL_CAP_TRY_PER_CYCLE``, 1000 TRY by default) bounds sells too, so the
default entry is half of it: the exit fits unless the position's value has doubled.

    .venv/bin/btcbot backtest --strategy examples/sma_crossover.py:SmaCrossover ...

The strategy API reference is the docstring of ``btcbot.strategy.api``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from decimal import Decimal
from typing import Any, ClassVar

from btcbot.strategy.api import (
    BaseStrategy,
    DataKind,
    DecimalParam,
    Frame,
    Intent,
    IntParam,
    Param,
    ParameterError,
    Params,
    Requirements,
    StrategyView,
)
from btcbot.strategy.indicators import crosses, sma


class SmaCrossover(BaseStrategy):
    parameters: ClassVar[Mapping[str, Param]] = {
        "fast": IntParam(10, low=2, high=200, help="fast SMA length, in candles"),
        "slow": IntParam(50, low=3, high=1000, help="slow SMA length, in candles"),
        "notional_try": DecimalParam(
            Decimal(500), Decimal(10), Decimal(1_000_000), help="TRY spent per entry"
        ),
    }

    def requirements(self, params: Params) -> Requirements:
        fast, slow = int(params["fast"]), int(params["slow"])
        if fast >= slow:
            raise ParameterError(f"parameter fast: {fast} must be shorter than slow ({slow})")
        return Requirements(
            data=frozenset({DataKind.BOOKS, DataKind.CANDLES}),
            timeframe="1h",
            warmup_bars=slow + 1,  # a cross needs the previous candle's slow SMA too
            triggers="cross",  # decide acts only on a crossing candle: a backtest sleeps between
        )

    def indicators(self, frame: Frame, params: Params) -> Mapping[str, Sequence[Any]]:
        close = frame.columns["close"]
        fast = sma(close, int(params["fast"]))
        slow = sma(close, int(params["slow"]))
        return {"sma_fast": fast, "sma_slow": slow, "cross": crosses(fast, slow)}

    def decide(self, view: StrategyView) -> Iterator[Intent]:
        for symbol in view.symbols:
            fast = view.series(symbol, "sma_fast")
            slow = view.series(symbol, "sma_slow")
            if len(slow) < 2 or slow[-2] is None:
                view.hold(symbol, "sma_warming_up", f"{len(slow)} candles")
                continue
            was_above, is_above = fast[-2] > slow[-2], fast[-1] > slow[-1]
            held = view.sellable(symbol)
            intent = None
            if is_above and not was_above and view.position(symbol) == 0:
                notional = Decimal(str(view.params["notional_try"]))
                intent = view.buy(symbol, notional_try=notional, reason="sma_cross_up")
            elif was_above and not is_above and held > 0:
                intent = view.sell(symbol, quantity=held, reason="sma_cross_down")
            else:
                view.hold(symbol, "sma_no_cross", f"fast={fast[-1]:.2f} slow={slow[-1]:.2f}")
            if intent is not None:
                yield intent
