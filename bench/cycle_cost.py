"""Cost of one cycle against the size of the history in the state database.

Run: .venv/bin/python bench/cycle_cost.py [--sizes 1000,10000,100000,500000] [--rounds 5]
     [--cycles 20]

For each size N a SQLite state database is seeded (bulk INSERT) with N finished orders of ours,
each with one fill, and N cycle records with one decision each — ETH_TRY, a year before the
replayed period. On it, the replay cycle runner with the SQL store (every write a transaction
of its own, the path live and dry runs take) trades BTC/TRY hourly candles: stage 3, 10,000
TRY, a short cooldown and whole-position take-profits so that cycles place orders and book
fills. Start-up (schema check, reading the history into the journal and the ledger book,
start-up reconciliation) is timed once per N; then rounds of ``--cycles`` cycles, the sizes
alternated round by round (the order rotated), each cycle timed from ``run_once`` to the
replay clock's step. Every size replays the same candles, so the cycles decide the same.

Printed per size: start-up seconds, median and p90 cycle time (wall), median SQL statements
per cycle, and the median's ratio to the smallest size (1.0 = history does not matter).
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path
from typing import Any

import structlog
from sqlalchemy import Engine, event

from btcbot.backtest import open_dataset
from btcbot.backtest.rules import venue_rules
from btcbot.config import load_config
from btcbot.config.params import Profile3Params
from btcbot.domain import Symbol
from btcbot.exchange.datasets import ReplayDataset, parse_timestamp_ms, series_from_bars
from btcbot.exchange.replay import ReplayExchange
from btcbot.execution import OrderManager
from btcbot.kernel.builtin import builtin_profile
from btcbot.marketdata import MarketDataService
from btcbot.runtime.cycle import CycleRunner, CycleSettings
from btcbot.runtime.ledger_guard import LedgerGuard
from btcbot.store import DbRole, ExecutionMode, SqlStateStore, open_store, sqlite_url

SHARED_SERIES = (
    Path(__file__).resolve().parents[1].parent
    / "shared/data/binance_tr_btctry_1h/BTCTRY_1h_2019-12-20_2026-05-31.csv"
)
REPLAY_FROM = "2022-01-01"
HOUR_MS = 3_600_000
YEAR_MS = 365 * 86_400_000
BTC_TRY = Symbol("BTC", "TRY")


def candles(count: int) -> ReplayDataset:
    start = parse_timestamp_ms(REPLAY_FROM)
    if SHARED_SERIES.exists():
        end = start + (count + 2) * HOUR_MS
        return open_dataset(SHARED_SERIES, symbol="BTC_TRY", warmup_from_ms=start, end_ms=end)
    rng, price = random.Random(5), 1_000_000
    rows: list[tuple[int, Decimal, Decimal, Decimal, Decimal, Decimal]] = []
    for index in range(count + 2):
        close = price + price * rng.randint(-100, 100) // 10_000
        high, low = max(price, close) + 2000, min(price, close) - 2000
        prices = (Decimal(price), Decimal(high), Decimal(low), Decimal(close))
        rows.append((start + index * HOUR_MS, *prices, Decimal(3)))
        price = close
    return ReplayDataset.of(series_from_bars(BTC_TRY, HOUR_MS, rows, source="generated"))


def seed_history(path: Path, count: int, before_ms: int) -> None:
    """``count`` filled ETH_TRY orders with a fill each, ``count`` cycles with a decision."""
    first = before_ms - YEAR_MS
    orders, fills, cycles, decisions = [], [], [], []
    for n in range(count):
        at = first + n * 1_000
        side = "buy" if n % 2 == 0 else "sell"
        coid, order_id = f"hist-{n}", 10**9 + n
        orders.append(
            (coid, order_id, "ETH_TRY", side, "limit", "100000", "0.01", None, "FILLED",
             "0.01", "entry", "replay", at, at, 0, None, None)
        )  # fmt: skip
        fills.append(
            (str(10**12 + n), order_id, coid, "ETH_TRY", side, "100000", "0.01", "1", "0.2",
             at, at)
        )  # fmt: skip
        cycles.append(
            (coid, 3, at, at, "replay", "NORMAL", 1, 0, 1, "0", "10000", "0" * 64, "{}")
        )  # fmt: skip
        decisions.append((coid, "ETH_TRY", "strategy", "SUBMIT", "entry", None))
    connection = sqlite3.connect(path)
    with connection:
        for table, columns, rows in (
            ("orders", ORDER_COLUMNS, orders),
            ("fills", FILL_COLUMNS, fills),
            ("cycles", CYCLE_COLUMNS, cycles),
            ("decisions", DECISION_COLUMNS, decisions),
        ):
            marks = ", ".join("?" * len(columns))
            statement = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})"
            connection.executemany(statement, rows)
    connection.close()


ORDER_COLUMNS = [
    "client_order_id",
    "exchange_order_id",
    "symbol",
    "side",
    "method",
    "price",
    "quantity",
    "quote_amount",
    "status",
    "filled_quantity",
    "reason",
    "mode",
    "created_ms",
    "updated_ms",
    "resolve_attempts",
    "next_resolve_ms",
    "last_error",
]
FILL_COLUMNS = [
    "trade_id",
    "order_id",
    "client_order_id",
    "symbol",
    "side",
    "price",
    "quantity",
    "fee",
    "tax",
    "timestamp_ms",
    "recorded_ms",
]
CYCLE_COLUMNS = [
    "cycle_id",
    "stage",
    "started_ms",
    "ended_ms",
    "mode",
    "risk_mode",
    "submits",
    "cancels",
    "fills",
    "realized_pnl",
    "equity",
    "plan_fingerprint",
    "summary",
]
DECISION_COLUMNS = ["cycle_id", "symbol", "layer", "action", "reason_code", "detail"]


def active_params() -> Profile3Params:
    params = load_config(3, None).params
    assert isinstance(params, Profile3Params)
    strategy = replace(params.strategy, sell_fraction=Decimal(1), min_profit_bps=Decimal(20))
    limits = replace(params.limits, cooldown_seconds=0, cash_target=Decimal(0))
    return replace(params, strategy=strategy, limits=replace(limits, cash_max=Decimal(0)))


@dataclass
class Case:
    size: int
    engine: Engine
    replay: ReplayExchange
    runner: CycleRunner
    startup_s: float
    samples_ms: list[float]
    statements: list[int]


async def open_case(size: int, folder: Path, data: ReplayDataset) -> Case:
    path = folder / f"state-{size}.db"
    begin = open_store(sqlite_url(path), DbRole.REPLAY)  # migrated, role stamped
    begin.dispose()
    seed_history(path, size, data.start_ms)
    began = time.perf_counter()
    engine = open_store(sqlite_url(path), DbRole.REPLAY)
    replay = ReplayExchange(
        data, venue_rules(data.symbols), {"TRY": Decimal(10_000)}, spread_bps=Decimal(10), seed=1
    )
    store = SqlStateStore(engine)
    oms = OrderManager(store, replay, mode=ExecutionMode.REPLAY, clock_ms=replay.now_ms)
    runner = CycleRunner(
        store=store,
        port=replay,
        oms=oms,
        market=MarketDataService(mode="rest", rest=replay, book_clock_ms=replay.now_ms),
        profile=builtin_profile(active_params()),
        settings=CycleSettings(
            stage=3,
            mode=ExecutionMode.REPLAY,
            account_key="main",
            symbols=(BTC_TRY,),
            kill_switch=False,
            safe_mode=False,
        ),
        clock_ms=replay.now_ms,
        ledger=LedgerGuard(store, "main", 3),
    )
    await oms.startup((BTC_TRY,))
    startup = time.perf_counter() - began
    return Case(size, engine, replay, runner, startup, [], [])


async def timed_cycles(case: Case, cycles: int) -> None:
    count = 0

    def counted(*_: Any) -> None:
        nonlocal count
        count += 1

    event.listen(case.engine, "before_cursor_execute", counted)
    try:
        for _ in range(cycles):
            count = 0
            started = time.perf_counter()
            report = await case.runner.run_once()
            case.replay.step()
            case.samples_ms.append((time.perf_counter() - started) * 1000)
            case.statements.append(count)
            if report.skipped:
                print(f"    N={case.size}: skipped: {report.skipped}")
    finally:
        event.remove(case.engine, "before_cursor_execute", counted)


async def main_async(args: argparse.Namespace) -> None:
    sizes = [int(s) for s in args.sizes.split(",")]
    data = candles(args.rounds * args.cycles + 5)
    with tempfile.TemporaryDirectory() as folder:
        cases = []
        for size in sizes:
            seeded = time.perf_counter()
            case = await open_case(size, Path(folder), data)
            took = time.perf_counter() - seeded
            print(f"  N={size:>7}: seeded and started in {took:.1f} s")
            cases.append(case)
        for case in cases:  # warm-up: the first cycles take the baseline, fill the caches
            await timed_cycles(case, 3)
            case.samples_ms.clear()
            case.statements.clear()
        for round_ in range(args.rounds):
            shift = round_ % len(cases)
            for case in cases[shift:] + cases[:shift]:
                await timed_cycles(case, args.cycles)
        positions = {case.runner.oms.ledger().position(BTC_TRY) for case in cases}
        base = statistics.median(cases[0].samples_ms)
        print(
            f"  {'history N':>10} {'start-up s':>11} {'median ms':>10} {'p90 ms':>8} "
            f"{'SQL/cycle':>10} {'vs first':>9}"
        )
        for case in cases:
            ordered = sorted(case.samples_ms)
            median = statistics.median(ordered)
            p90 = ordered[int(len(ordered) * 0.9) - 1]
            print(
                f"  {case.size:>10} {case.startup_s:>11.2f} {median:>10.2f} {p90:>8.2f} "
                f"{statistics.median(case.statements):>10.0f} {median / base:>9.2f}"
            )
            case.engine.dispose()
        assert len(positions) == 1, "every size must have traded the same"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000,500000")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--cycles", type=int, default=20)
    args = parser.parse_args()
    structlog.configure(wrapper_class=structlog.make_filtering_bound_logger(logging.WARNING))
    os.chdir(tempfile.gettempdir())  # no stray .env is read
    print(f"command: {sys.executable} {' '.join(sys.argv)}")
    print(f"stage 3 replay cycles on the SQL store, BTC/TRY 1h from {REPLAY_FROM}")
    asyncio.run(main_async(args))


if __name__ == "__main__":
    main()
