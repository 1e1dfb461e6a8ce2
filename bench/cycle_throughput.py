"""Full trading cycles per second: live wiring against the loopback emulator, and replay.

Run: .venv/bin/python bench/cycle_throughput.py [--cycles N] [--replay-cycles N]
     [--market-data rest,ws] [--stage 3] [--with-limiter]

(a) emulator: ``btcbot.runtime.factory.open_runtime`` with a dry-run configuration from the
    environment pointed at an in-process emulator (``rate_limit_scale=None``, market moving
    every 0.2 s), SYMBOLS=BTC_TRY,ETH_TRY,SOL_TRY, a fresh SQLite state file. Cycles run back
    to back (no pause) after 3 warm-up cycles; each ``runner.run_once()`` is timed. The
    client's own BTCTurk rate limiter has its ``acquire`` patched to a no-op, so the figures
    are the cycle's own cost; ``--with-limiter`` adds runs as configured. ``ORDERBOOK_TTL_MS=0``
    so every cycle reads its books (REST mode: three a cycle); with the limiter on, books are
    then refreshed while the 144/min budget has room to spare and reused (up to
    ``ORDERBOOK_MAX_STALENESS_MS``) when it has not — ``bench/rate_limit_waits.py`` measures
    what that does to a paced run.
    Emulator and bot share one event loop and one core: the figures include the server's CPU.
(b) replay: ``btcbot.backtest.run_backtest`` (same cycle runner) over the real BTC/TRY 1h
    series in ../shared/data (a generated random walk when absent), stage defaults, one cycle
    per candle; per-cycle time is the wall time between consecutive cycle reports (it
    includes the replay clock's step and the equity bookkeeping).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import itertools
import logging
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from unittest import mock

import structlog

from btcbot.backtest import open_dataset, run_backtest
from btcbot.btcturk.ratelimit import RateLimiter
from btcbot.config import load_config
from btcbot.domain import Symbol
from btcbot.emulator import EmulatorConfig, running_emulator
from btcbot.exchange.datasets import ReplayDataset, parse_timestamp_ms, series_from_bars
from btcbot.runtime.factory import open_runtime
from btcbot.runtime.report import CycleReport

SHARED_SERIES = (
    Path(__file__).resolve().parents[1].parent
    / "shared/data/binance_tr_btctry_1h/BTCTRY_1h_2019-12-20_2026-05-31.csv"
)
REPLAY_FROM = "2022-01-01"
HOUR_MS = 3_600_000


def percentiles(samples_ms: list[float]) -> tuple[float, float]:
    ordered = sorted(samples_ms)
    p99 = ordered[max(0, int(len(ordered) * 0.99) - 1)]
    return statistics.median(ordered), p99


def line(name: str, cycles: int, seconds: float, samples_ms: list[float], extra: str = "") -> None:
    p50, p99 = percentiles(samples_ms)
    print(
        f"  {name:44s} {cycles / seconds:8.1f} cycles/s   p50 {p50:7.2f} ms   "
        f"p99 {p99:7.2f} ms{extra}"
    )


@contextlib.contextmanager
def limiter(enabled: bool) -> Iterator[None]:
    if enabled:
        yield
        return

    async def free(self: RateLimiter, group: str) -> None:
        return None

    with mock.patch.object(RateLimiter, "acquire", free):
        yield


async def emulator_case(stage: int, mode: str, cycles: int, limited: bool) -> None:
    config = EmulatorConfig(seed=7, port=0, tick_seconds=0.2, rate_limit_scale=None)
    with tempfile.TemporaryDirectory() as folder:
        async with running_emulator(config) as emu:
            env = {
                "BTCTURK_BASE_URL": emu.rest_url,
                "BTCTURK_GRAPH_URL": emu.graph_url,
                "BTCTURK_WS_URL": emu.ws_url,
                "DRY_RUN": "true",
                "KILL_SWITCH": "false",
                "SAFE_MODE": "false",
                "LIVE_TRADING": "false",
                "SYMBOLS": "BTC_TRY,ETH_TRY,SOL_TRY",
                "MARKET_DATA_MODE": mode,
                "STATE_DB_PATH": str(Path(folder) / "state.db"),
                "DRY_RUN_TRY_BALANCE": "10000",
                "ORDERBOOK_TTL_MS": "0",  # the cost of reading every book every cycle
            }
            with mock.patch.dict(os.environ, env), limiter(limited):
                samples, seconds, accepted = await timed_cycles(stage, cycles)
    name = f"emulator {mode:4s} limiter {'on ' if limited else 'off'} ({cycles} cycles)"
    line(name, cycles, seconds, samples, f"   orders accepted while timed {accepted}")


async def timed_cycles(stage: int, cycles: int) -> tuple[list[float], float, int]:
    samples: list[float] = []
    accepted = 0
    async with open_runtime(load_config(stage, None)) as runtime:
        for _ in range(3):  # warm-up: rules cached, connections open
            await runtime.runner.run_once()
        began = time.perf_counter()
        for _ in range(cycles):
            started = time.perf_counter()
            report = await runtime.runner.run_once()
            samples.append((time.perf_counter() - started) * 1000)
            accepted += report.accepted
            if report.skipped:
                print(f"    skipped: {report.skipped}")
        seconds = time.perf_counter() - began
    return samples, seconds, accepted


def replay_dataset(cycles: int) -> tuple[ReplayDataset, str]:
    if SHARED_SERIES.exists():
        start = parse_timestamp_ms(REPLAY_FROM)
        dataset = open_dataset(
            SHARED_SERIES,
            symbol="BTC_TRY",
            warmup_from_ms=start - 86_400_000,
            end_ms=start + (cycles + 2) * HOUR_MS,
        )
        return dataset, f"real BTC/TRY 1h from {REPLAY_FROM}"
    rng, price = random.Random(5), 1_000_000
    rows: list[tuple[int, Decimal, Decimal, Decimal, Decimal, Decimal]] = []
    for index in range(cycles + 26):
        close = price + price * rng.randint(-100, 100) // 10_000
        high, low = max(price, close) + 2000, min(price, close) - 2000
        prices = (Decimal(price), Decimal(high), Decimal(low), Decimal(close))
        rows.append((index * HOUR_MS, *prices, Decimal(3)))
        price = close
    series = series_from_bars(Symbol("BTC", "TRY"), HOUR_MS, rows, source="generated")
    return ReplayDataset.of(series), "generated random walk (shared data absent)"


async def replay_case(stage: int, cycles: int) -> None:
    dataset, source = replay_dataset(cycles)
    marks: list[float] = []

    def tick(_: CycleReport) -> None:
        marks.append(time.perf_counter())

    with tempfile.TemporaryDirectory() as folder:
        began = time.perf_counter()
        result = await run_backtest(
            dataset,
            stage=stage,
            params=load_config(stage, None).params,
            out_db=Path(folder) / "replay.db",
            starting_balances={"TRY": Decimal(10_000)},
            seed=123,
            spread_bps=Decimal(10),
            start_ms=parse_timestamp_ms(REPLAY_FROM) if SHARED_SERIES.exists() else None,
            max_cycles=cycles,
            on_report=tick,
        )
        total = time.perf_counter() - began
    samples = [(b - a) * 1000 for a, b in itertools.pairwise(marks)]
    print(f"  dataset: {source}; {result.summary.fills} fills")
    line(
        f"replay stage {stage} ({result.cycles} cycles)",
        len(samples),
        marks[-1] - marks[0],
        samples,
    )
    whole = "  whole run incl. set-up and final reconcile"
    print(f"  {whole:44s} {result.cycles / total:8.1f} cycles/s")


async def main_async(args: argparse.Namespace) -> None:
    print(f"(a) emulator on loopback, dry-run stage {args.stage}, 3 symbols")
    for mode in filter(None, args.market_data.split(",")):
        await emulator_case(args.stage, mode, args.cycles, limited=False)
        if args.with_limiter:
            await emulator_case(args.stage, mode, args.cycles, limited=True)
    if not args.with_limiter:
        print(
            "  (client rate limiter patched off; --with-limiter adds the as-configured runs, "
            "where REST books are reused while the order-book budget has no room to spare)"
        )
    print(f"(b) replay backtest, stage {args.stage}")
    await replay_case(args.stage, args.replay_cycles)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cycles", type=int, default=100)
    parser.add_argument("--replay-cycles", type=int, default=1000)
    parser.add_argument("--market-data", default="rest,ws")
    parser.add_argument("--stage", type=int, default=3, choices=(3, 4, 7))
    parser.add_argument(
        "--with-limiter",
        action="store_true",
        help="also run with the client rate limiter on (REST books then reused as budgeted)",
    )
    args = parser.parse_args()
    structlog.configure(wrapper_class=structlog.make_filtering_bound_logger(logging.WARNING))
    os.chdir(tempfile.gettempdir())  # no stray .env is read
    print(f"command: {sys.executable} {' '.join(sys.argv)}")
    asyncio.run(main_async(args))


if __name__ == "__main__":
    main()
