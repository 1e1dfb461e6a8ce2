"""Where a replay cycle's time goes: the SMA 10/50 example's cycle, split by part.

Run: .venv/bin/python bench/replay_cycle_split.py [--bars 20000] [--stage 3] [--strategy none]

The workload of ``bench/strategy_vs_peers.py`` (``examples/sma_crossover.py`` through
``run_backtest``, fast engine, stage 3 knobs, 10,000 TRY, seed 123, 10 bps spread) on the
first ``--bars`` candles of the real BTC/TRY 1h series; ``--strategy none`` runs the stage's
own profile instead. Each part of the cycle (a method of the cycle runner, the replay
exchange, the OMS or the kernel) is wrapped in a timer for the run, so the figures are wall
time in this process, medians not taken: each part's total over the loop, and that total per
*planned* cycle (the ones that report). The cycles recorded as slept report nothing: those that
reconciled the previous cycle's fill and found the account idle are the "found idle" row (after
their reconciliation, counted above it), the runs slept between a strategy's triggers the
"slept runs" row. The timers cost under 1 µs a call (a few µs a cycle, in the rest), and parts
nest: indented rows are inside the row above them. Compare the parts of one run, not runs on a
busy machine.
"""

from __future__ import annotations

import argparse
import asyncio
import functools
import inspect
import logging
import os
import sys
import tempfile
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import structlog

from btcbot.backtest import open_dataset, run_backtest
from btcbot.config import load_config
from btcbot.exchange import replay
from btcbot.exchange.replay import ReplayExchange
from btcbot.execution.oms import OrderManager
from btcbot.kernel.builtin import strategy_profile
from btcbot.kernel.kernel import PlanningKernel
from btcbot.marketdata.service import MarketDataService
from btcbot.runtime import cycle
from btcbot.runtime.cycle import CycleRunner
from btcbot.strategy.loader import load_strategy

ROOT = Path(__file__).resolve().parents[1]
SERIES = ROOT.parent / "shared/data/binance_tr_btctry_1h/BTCTRY_1h_2019-12-20_2026-05-31.csv"
SMA = f"{ROOT / 'examples/sma_crossover.py'}:SmaCrossover"

# (depth, label, owner, attribute): the parts, in the order a cycle runs them
PARTS: list[tuple[int, str, Any, str]] = [
    (0, "reconciliation (OMS pass)", OrderManager, "reconcile"),
    (0, "state read", CycleRunner, "_read_state"),
    (0, "foreign-order check", CycleRunner, "_raise_foreign_alarms"),
    (0, "ledger check", CycleRunner, "_refuse_unknown_state"),
    (0, "market data", CycleRunner, "_gather"),
    (1, "rules (price band)", ReplayExchange, "exchange_rules"),
    (1, "24 h tickers", ReplayExchange, "tickers"),
    (1, "market-data service", MarketDataService, "snapshot"),
    (0, "recent candles", CycleRunner, "_recent_candles"),
    (0, "holdings valued (readings, report)", cycle, "held_value"),
    (0, "anomaly readings", CycleRunner, "_readings"),
    (0, "snapshot", CycleRunner, "_snapshot"),
    (0, "kernel plan", PlanningKernel, "plan"),
    (0, "act, cycle report, valuation", CycleRunner, "_act"),
    (0, "decision records, fingerprint", CycleRunner, "_persist"),
    (0, "reject bookkeeping", CycleRunner, "_record_rejects"),
    (0, "found idle: recorded as slept", CycleRunner, "_rest"),
    (0, "slept runs between triggers", CycleRunner, "sleep_through"),
    (0, "replay clock step", ReplayExchange, "step"),
]
# parts timed wherever they are called (they are inside the rows above, under several)
ANYWHERE: list[tuple[str, Any, str]] = [
    ("synthetic book levels (touch, or deeper)", replay, "synthesize_book"),
    ("synthetic book draws (once a candle)", replay, "book_weights"),
]


def timed(spent: list[float], method: Callable[..., Any]) -> Callable[..., Any]:
    """``method`` adding its wall seconds to ``spent[0]``."""
    clock = time.perf_counter
    if inspect.iscoroutinefunction(method):

        @functools.wraps(method)
        async def async_wrapper(*args: Any, **kwargs: Any) -> Any:
            began = clock()
            try:
                return await method(*args, **kwargs)
            finally:
                spent[0] += clock() - began

        return async_wrapper

    @functools.wraps(method)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        began = clock()
        try:
            return method(*args, **kwargs)
        finally:
            spent[0] += clock() - began

    return wrapper


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bars", type=int, default=20_000)
    parser.add_argument("--stage", type=int, default=3, choices=(3, 4, 7))
    parser.add_argument("--strategy", default=SMA, help="path.py:Class, or 'none'")
    args = parser.parse_args()
    if not SERIES.exists():
        sys.exit(f"the series is missing: {SERIES}")
    structlog.configure(wrapper_class=structlog.make_filtering_bound_logger(logging.WARNING))
    os.chdir(tempfile.gettempdir())  # no stray .env is read
    print(f"command: {sys.executable} {' '.join(sys.argv)}")
    full = next(iter(open_dataset(SERIES, symbol="BTC_TRY").series.values()))
    end_ms = full.bars[min(args.bars, len(full.bars)) - 1].close_ms
    dataset = open_dataset(SERIES, symbol="BTC_TRY", end_ms=end_ms)
    config = load_config(args.stage, None)
    profile = None
    if args.strategy != "none":
        params = {"fast": 10, "slow": 50, "notional_try": 500} if args.strategy == SMA else {}
        profile = strategy_profile(
            load_strategy(args.strategy), args.strategy, params, config.params
        )
    everywhere = [(label, owner, name) for _, label, owner, name in PARTS] + ANYWHERE
    spent = {label: [0.0] for label, _, _ in everywhere}
    for label, owner, name in everywhere:
        setattr(owner, name, timed(spent[label], getattr(owner, name)))
    marks: list[float] = []
    with tempfile.TemporaryDirectory() as folder:
        result = asyncio.run(
            run_backtest(
                dataset,
                stage=args.stage,
                params=config.params,
                profile=profile,
                out_db=Path(folder) / "run.db",
                starting_balances={"TRY": Decimal(10_000)},
                seed=123,
                spread_bps=Decimal(10),
                on_report=lambda _: marks.append(time.perf_counter()),
            )
        )
    reported = len(marks)
    loop = marks[-1] - marks[0]
    print(
        f"{result.cycles} cycles ({reported} planned, {result.slept} recorded as slept),"
        f" {result.summary.fills} fills; wall time over the loop, and per planned cycle:"
    )
    print(f"  {'loop (first to last cycle report)':<40}{loop * 1e3:8.0f} ms")
    accounted = 0.0
    for depth, label, _, _ in PARTS:
        total = spent[label][0]
        accounted += total if depth == 0 else 0.0
        _row(f"{'  ' * depth}{label}", total, reported)
    _row("the rest (runner glue, timers)", loop - accounted, reported)
    print("  inside the rows above, wherever called:")
    for label, _, _ in ANYWHERE:
        _row(label, spent[label][0], reported)


def _row(label: str, seconds: float, planned: int) -> None:
    print(f"    {label:<38}{seconds * 1e3:8.0f} ms{seconds / planned * 1e6:9.1f} µs")


if __name__ == "__main__":
    main()
