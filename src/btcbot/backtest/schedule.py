"""How many cycles a backtest will run: the total its progress bar counts towards."""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from btcbot.exchange.datasets import ReplayDataset
from btcbot.exchange.replay import timeline


def planned_cycles(
    dataset: ReplayDataset,
    *,
    start_ms: int | None = None,
    end_ms: int | None = None,
    step_bars: int = 1,
    max_cycles: int | None = None,
) -> int:
    """Cycles :func:`~btcbot.backtest.runner.run_backtest` runs with these options: one at the
    first step of the replay clock at or after ``start_ms``, then one every ``step_bars`` steps
    (candle closes of any symbol, and candle intervals through gaps in the data) while the
    clock is at or before ``end_ms`` and data remains."""
    closes = timeline(dataset)
    begin = closes[0] if start_ms is None else max(start_ms, closes[0])
    if end_ms is not None and end_ms < begin:
        return 0
    later = closes[bisect_right(closes, begin) :]
    if end_ms is not None:
        later = later[: bisect_left(later, end_ms + 1)]
    cycles = 1 + len(later) // step_bars
    return cycles if max_cycles is None else min(cycles, max_cycles)
