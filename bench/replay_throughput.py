"""Replay throughput: bars per second of ``btcbot backtest``'s two engines on real candles.

Run: .venv/bin/python bench/replay_throughput.py [--stages 3,7] [--bars N] [--db-bars 3000]
     [--rounds 3] [--segment 10000]

Series: the real BTC/TRY 1h candles in ../shared/data/binance_tr_btctry_1h (56,479 bars,
2019-12-20 .. 2026-05-31, 15 maintenance gaps the replay steps through hour by hour), or a
generated random walk of the same length when ../shared is absent. Stage defaults, 10,000 TRY,
seed 123, 10 bps synthetic spread, one cycle per candle (``run_backtest``: the live cycle
runner, OMS, kernel, risk and ledger on the replayed venue).

(a) fast engine (state in memory, written to SQLite once at the end) over the whole series
    (or its first ``--bars``), per stage: bars/s of the replay loop (first to last timed
    cycle report: the clocks are read every 1,000 reports, see ``MARK_EVERY``), bars/s of
    the whole run (set-up, start-up reconciliation, loop, final reconciliation, the bulk
    write and the summary read back), and bars/s per ``--segment`` bars, to show the rate
    does not fall as fills accumulate. Rates are wall-clock; the loop and the segments are
    also given in this process's CPU time, which other processes on a shared machine do not
    inflate.
(b) fast vs db engine (every write a SQLite transaction, as live) on the first ``--db-bars``
    bars, the two variants alternated round by round; medians of the loop rate and their
    ratio. Both runs must end with the same fingerprint (checked).
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import logging
import os
import random
import statistics
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

import structlog

from btcbot.backtest import BacktestResult, open_dataset, run_backtest
from btcbot.backtest.storage import BacktestEngine
from btcbot.config import load_config
from btcbot.domain import Symbol
from btcbot.exchange.datasets import ReplayDataset, series_from_bars
from btcbot.runtime.report import CycleReport

SHARED_SERIES = (
    Path(__file__).resolve().parents[1].parent
    / "shared/data/binance_tr_btctry_1h/BTCTRY_1h_2019-12-20_2026-05-31.csv"
)
HOUR_MS = 3_600_000
BARS = 56_479
# The clocks are read at every MARK_EVERY-th cycle report only: reading the process CPU clock
# costs 10-75 µs on this machine's VM (``time.process_time`` after real work), a third of a
# cycle, so reading it at every report slowed the loop it measured by ~15 %.
MARK_EVERY = 1_000


def dataset(bars: int | None) -> tuple[ReplayDataset, str]:
    """The real series (its first ``bars`` candles, all when None), or a random walk."""
    if SHARED_SERIES.exists():
        full = open_dataset(SHARED_SERIES, symbol="BTC_TRY")
        if bars is None:
            return full, "real BTC/TRY 1h (Binance TR)"
        series = next(iter(full.series.values()))
        end = series.bars[min(bars, len(series.bars)) - 1].close_ms
        return open_dataset(SHARED_SERIES, symbol="BTC_TRY", end_ms=end), "real BTC/TRY 1h"
    rng, price = random.Random(5), 100_000
    rows: list[tuple[int, Decimal, Decimal, Decimal, Decimal, Decimal]] = []
    for index in range(bars or BARS):
        close = max(1_000, price + price * rng.randint(-150, 150) // 10_000)
        high, low = max(price, close) + price // 500, min(price, close) - price // 500
        prices = (Decimal(price), Decimal(high), Decimal(low), Decimal(close))
        rows.append((index * HOUR_MS, *prices, Decimal(rng.randint(1, 40)) / 10))
        price = close
    series = series_from_bars(Symbol("BTC", "TRY"), HOUR_MS, rows, source="generated")
    return ReplayDataset.of(series), "generated random walk (shared data absent)"


async def replay(
    data: ReplayDataset, stage: int, engine: BacktestEngine
) -> tuple[BacktestResult, list[tuple[float, float]], float]:
    """One backtest; the (wall, CPU) time of the first and of every ``MARK_EVERY``-th cycle
    report after it, and the whole run's wall seconds."""
    marks: list[tuple[float, float]] = []
    reports = itertools.count()

    def tick(_: CycleReport) -> None:
        if next(reports) % MARK_EVERY == 0:
            marks.append((time.perf_counter(), time.process_time()))

    with tempfile.TemporaryDirectory() as folder:
        began = time.perf_counter()
        result = await run_backtest(
            data,
            stage=stage,
            params=load_config(stage, None).params,
            out_db=Path(folder) / "run.db",
            starting_balances={"TRY": Decimal(10_000)},
            seed=123,
            spread_bps=Decimal(10),
            on_report=tick,
            engine=engine,
        )
        whole = time.perf_counter() - began
    return result, marks, whole


def loop_rate(marks: list[tuple[float, float]], clock: int = 0) -> float:
    """Cycles per second between the first and the last timed report (``clock`` 1: CPU time
    of this process, which other processes on the machine do not inflate)."""
    return (len(marks) - 1) * MARK_EVERY / (marks[-1][clock] - marks[0][clock])


async def whole_series(stage: int, bars: int | None, segment: int) -> None:
    data, source = dataset(bars)
    result, marks, whole = await replay(data, stage, "fast")
    print(f"  stage {stage}: {source}, {result.cycles} cycles, {result.summary.fills} fills")
    cpu = loop_rate(marks, 1)
    print(f"    replay loop      {loop_rate(marks):8.0f} bars/s  (CPU time: {cpu:.0f})")
    print(f"    whole run        {result.cycles / whole:8.0f} bars/s  ({whole:.1f} s)")
    for clock, name in ((0, "wall"), (1, "CPU")):
        step = segment // MARK_EVERY
        rates = [
            f"{segment / (marks[first + step][clock] - marks[first][clock]):.0f}"
            for first in range(0, len(marks) - step, step)
        ]
        print(f"    per {segment} bars ({name}) " + " ".join(rates))


async def engines(stage: int, bars: int, rounds: int) -> None:
    data, source = dataset(bars)
    rates: dict[BacktestEngine, list[float]] = {"fast": [], "db": []}
    prints: set[str] = set()
    for round_ in range(rounds):
        order: list[BacktestEngine] = ["fast", "db"] if round_ % 2 == 0 else ["db", "fast"]
        for engine in order:
            result, marks, _ = await replay(data, stage, engine)
            rates[engine].append(loop_rate(marks))
            prints.add(result.summary.fingerprint)
    assert len(prints) == 1, f"the engines disagree: {sorted(prints)}"
    fast, db = statistics.median(rates["fast"]), statistics.median(rates["db"])
    print(f"  stage {stage}: {source}, first {bars} bars, {rounds} rounds, same fingerprint")
    print(f"    fast {fast:8.0f} bars/s   db {db:8.0f} bars/s   fast/db {fast / db:5.1f}x (wall)")


async def main_async(args: argparse.Namespace) -> None:
    stages = [int(s) for s in args.stages.split(",")]
    print("(a) fast engine, whole series" if args.bars is None else f"(a) first {args.bars} bars")
    for stage in stages:
        await whole_series(stage, args.bars, args.segment)
    print(f"(b) fast vs db engine, medians over {args.rounds} alternated rounds")
    for stage in stages:
        await engines(stage, args.db_bars, args.rounds)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stages", default="3,7")
    parser.add_argument("--bars", type=int, default=None)
    parser.add_argument("--db-bars", type=int, default=3_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--segment", type=int, default=10_000)
    args = parser.parse_args()
    if args.segment % MARK_EVERY or min(args.db_bars, args.bars or BARS) <= MARK_EVERY:
        parser.error(f"--segment must be a multiple of {MARK_EVERY}; --bars, --db-bars above it")
    structlog.configure(wrapper_class=structlog.make_filtering_bound_logger(logging.WARNING))
    os.chdir(tempfile.gettempdir())  # no stray .env is read
    print(f"command: {sys.executable} {' '.join(sys.argv)}")
    asyncio.run(main_async(args))


if __name__ == "__main__":
    main()
