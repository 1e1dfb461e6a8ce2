"""Profile 7 on 20 TRY pairs x one year of 1-minute candles: time and peak memory (issue 7 §6).

Run: .venv/bin/python bench/stage7_year.py [--days 365] [--symbols 20] [--segments 10]
     [--tracemalloc] [--cprofile FILE]

Target: the whole year (525,600 cycles, 20 symbols each) in under 10 minutes on one core.

Dataset: generated once and cached under ``bench/.cache/stage7_year/`` (git-ignored; re-runs
reuse it): one Parquet dataset per pair in the layout ``btcbot data import`` writes (schema 1,
exact decimal128 columns, 1m timeframe), 525,600 candles from 2025-01-01 00:00 UTC. Each pair
is a seeded geometric random walk from its reference price with its own annual volatility
(per-minute sigma = annual / sqrt(525,600)), high/low a half-sigma wick beyond open/close, and
a lognormal per-minute volume around the pair's daily TRY turnover. Prices are rounded to the
pair's price scale. The data are synthetic: the figures measure the replay, not a strategy.

Pairs: the symbol table the project ships lists 6 TRY pairs (BTC, ETH, XRP, USDT, SOL, AVAX);
the other 14 are BTCTurk TRY listings, with the shipped table's scale conventions for their
price level. Their exchange rules are written beside the data as ``exchangeinfo.json``, in the
shape of BTCTurk's ``exchangeinfo`` response, and given to the replay as ``btcbot backtest
--rules`` gives them; nothing else in the run differs from ``btcbot backtest --stage 7
--data DIR --rules DIR/exchangeinfo.json``.

Run: ``open_dataset`` on a directory of the first ``--symbols`` datasets, keeping the first
``--days`` days (what ``btcbot backtest --data DIR`` loads), then ``run_backtest``: stage 7 with
its defaults (STAGE7_UNIVERSE_SIZE=20, so with 20 pairs every one is a candidate and the
universe is all of them), 100,000 TRY, seed 7, 10 bps synthetic spread, one cycle per minute,
fast engine (state in memory, written to SQLite once at the end). One process, one thread of
Python; Arrow is limited to one thread, so the run uses one core (CPU time is printed beside
wall time; on a shared machine CPU time is the figure other processes do not inflate).

Memory: the peak resident set (``resource.getrusage`` ru_maxrss, the process's high-water
mark) after loading and after the run. ``--tracemalloc`` also traces Python allocations and
prints their peak; it slows the run several-fold, so it is off by default.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import json
import logging
import math
import os
import pstats
import resource
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
import structlog

from btcbot.backtest import BacktestResult, open_dataset, read_rules_file, run_backtest
from btcbot.config import load_config
from btcbot.config.params import Profile7Params
from btcbot.data.parquet import SCHEMA_VERSION, TS_FIELD_METADATA, VERSION_KEY
from btcbot.domain import Symbol, SymbolRules
from btcbot.exchange.datasets import ReplayDataset
from btcbot.exchange.symbol_table import SymbolTable, load_symbol_table
from btcbot.runtime.report import CycleReport

ROOT = Path(__file__).resolve().parents[1]
CACHE = ROOT / "bench/.cache/stage7_year"
DATA_VERSION = "v1"  # bump when the generator changes: a new cache directory is built
RULES_FILE = "exchangeinfo.json"  # the pairs' exchange rules, beside the data (--rules)
MINUTE_MS = 60_000
DAY_MS = 86_400_000
YEAR_DAYS = 365
BARS = YEAR_DAYS * 1440  # 525,600
START_MS = 1_735_689_600_000  # 2025-01-01T00:00:00Z
SEED = 7
TARGET_SECONDS = 600.0
STARTING_TRY = Decimal(100_000)


@dataclass(frozen=True, slots=True)
class Pair:
    """One replayed pair: reference price (TRY), annual volatility, daily TRY turnover, and
    for pairs the shipped table lacks, the bench's table row (scales, hasFraction)."""

    base: str
    price: str
    annual_vol: float
    daily_try: float
    scales: tuple[int, int] | None = None  # (numeratorScale, denominatorScale); None: shipped


# The 6 shipped TRY pairs first, then 14 more BTCTurk TRY listings (approximate mid-2026
# prices at USDT/TRY ~42). Scales follow the shipped rows of a similar price level.
PAIRS = (
    Pair("BTC", "3037000", 0.55, 2.0e9),
    Pair("ETH", "105400", 0.70, 8.0e8),
    Pair("XRP", "94.125", 0.85, 6.0e8),
    Pair("USDT", "41.982", 0.05, 1.5e9),
    Pair("SOL", "6150.0", 0.90, 3.0e8),
    Pair("AVAX", "812.40", 0.95, 1.0e8),
    Pair("ADA", "29.40", 0.90, 1.5e8, (2, 3)),
    Pair("DOGE", "8.400", 1.00, 2.0e8, (1, 4)),
    Pair("LTC", "3780.0", 0.80, 8.0e7, (4, 1)),
    Pair("LINK", "630.00", 0.90, 9.0e7, (4, 2)),
    Pair("DOT", "210.00", 0.90, 6.0e7, (4, 2)),
    Pair("TRX", "10.500", 0.60, 7.0e7, (1, 4)),
    Pair("ATOM", "252.00", 0.90, 4.0e7, (4, 2)),
    Pair("XLM", "12.600", 0.85, 5.0e7, (1, 4)),
    Pair("UNI", "336.00", 0.95, 3.0e7, (4, 2)),
    Pair("NEAR", "126.00", 1.00, 3.0e7, (4, 2)),
    Pair("ARB", "21.000", 1.00, 2.5e7, (2, 3)),
    Pair("USDC", "41.980", 0.05, 2.0e8, (2, 3)),
    Pair("AAVE", "10500", 0.95, 2.0e7, (8, 2)),
    Pair("FET", "33.600", 1.10, 2.0e7, (2, 3)),
)


def exchange_info_json(shipped: SymbolTable) -> dict[str, Any]:
    """The bench's 20 pairs as BTCTurk's ``exchangeinfo`` response lists them (what
    ``btcbot backtest --rules`` reads): the shipped table's rules for the pairs it knows, the
    bench's scales for the others."""
    symbols = []
    for index, pair in enumerate(PAIRS, start=1):
        rule = shipped.find(f"{pair.base}TRY")
        if pair.scales is None:
            if rule is None:
                raise SystemExit(f"{pair.base}TRY is not in the shipped symbol table")
            scales = (rule.numerator_scale, rule.denominator_scale)
            fraction, minimum = rule.has_fraction, str(rule.min_exchange_value)
        else:
            scales, fraction, minimum = pair.scales, True, "99.91"
        symbols.append(
            {
                "id": index,
                "name": f"{pair.base}TRY",
                "nameNormalized": f"{pair.base}_TRY",
                "status": "TRADING",
                "numerator": pair.base,
                "denominator": "TRY",
                "numeratorScale": scales[0],
                "denominatorScale": scales[1],
                "hasFraction": fraction,
                "filters": [
                    {
                        "filterType": "PRICE_FILTER",
                        "minPrice": "0.0000000000001",
                        "maxPrice": "100000000000",
                        "tickSize": str(Decimal(1).scaleb(-scales[1])),
                        "minExchangeValue": minimum,
                    }
                ],
                "orderMethods": ["MARKET", "LIMIT", "STOP_MARKET", "STOP_LIMIT"],
            }
        )
    info = {"timeZone": "UTC", "serverTime": START_MS, "symbols": symbols, "currencies": []}
    return {"data": info, "success": True, "message": None, "code": 0}


def price_scale(pair: Pair, shipped: SymbolTable) -> int:
    """Decimals a price of the pair carries (the table's ``price_scale``)."""
    if pair.scales is not None:
        return pair.scales[1]
    rule = shipped.find(f"{pair.base}TRY")
    assert rule is not None
    return rule.price_scale


def decimal_column(units: np.ndarray[Any, np.dtype[np.int64]], scale: int) -> pa.Array:
    """decimal128(18, scale) from unscaled non-negative int64 values, built from the buffer
    (little-endian 128-bit two's complement: the value, then its sign word)."""
    words = np.zeros((len(units), 2), dtype=np.int64)
    words[:, 0] = units
    words[:, 1] = units >> 63
    return pa.Array.from_buffers(
        pa.decimal128(18, scale), len(units), [None, pa.py_buffer(words.tobytes())]
    )


def generate(pair: Pair, index: int, scale: int) -> pa.Table:
    """One pair's year of 1m candles as a dataset table (schema 1)."""
    rng = np.random.default_rng(SEED * 1000 + index)
    sigma = pair.annual_vol / math.sqrt(BARS)
    returns = rng.normal(0.0, sigma, BARS)
    closes = float(pair.price) * np.exp(np.cumsum(returns))
    opens = np.concatenate(([float(pair.price)], closes[:-1]))
    unit = 10.0**scale
    o = np.maximum(np.rint(opens * unit), 1).astype(np.int64)
    c = np.maximum(np.rint(closes * unit), 1).astype(np.int64)
    o[1:] = c[:-1]  # each candle opens at the previous close, exactly
    wick_up = np.abs(rng.normal(0.0, sigma / 2, BARS))
    wick_down = np.abs(rng.normal(0.0, sigma / 2, BARS))
    top, bottom = np.maximum(o, c), np.minimum(o, c)
    h = np.maximum(np.rint(top * (1 + wick_up)), top).astype(np.int64)
    low = np.maximum(np.minimum(np.rint(bottom * (1 - wick_down)), bottom), 1).astype(np.int64)
    quote = rng.lognormal(math.log(pair.daily_try / 1440) - 0.5, 1.0, BARS)
    volume = np.rint(quote / closes * 10_000).astype(np.int64)  # base units, 4 decimals
    ts = START_MS + MINUTE_MS * np.arange(BARS, dtype=np.int64)
    columns = {
        "ts": pa.array(ts, pa.int64()),
        "open": decimal_column(o, scale),
        "high": decimal_column(h, scale),
        "low": decimal_column(low, scale),
        "close": decimal_column(c, scale),
        "volume": decimal_column(volume, 4),
    }
    fields = [pa.field("ts", pa.int64(), nullable=False, metadata=TS_FIELD_METADATA)]
    fields += [pa.field(name, array.type, nullable=False) for name, array in columns.items()][1:]
    metadata = {
        VERSION_KEY: SCHEMA_VERSION,
        "symbol": f"{pair.base}_TRY",
        "timeframe": "1m",
        "interval_ms": str(MINUTE_MS),
        "source": f"generated: seeded random walk (bench/stage7_year.py {DATA_VERSION}, "
        f"seed {SEED}, annual vol {pair.annual_vol})",
        "gaps": "[]",
    }
    return pa.Table.from_arrays(list(columns.values()), schema=pa.schema(fields, metadata))


def build_dataset(folder: Path) -> float | None:
    """Write whatever of the dataset is missing; the seconds it took, None when cached."""
    shipped = load_symbol_table()
    rules_file = folder / RULES_FILE
    missing = [p for p in PAIRS if not (folder / f"{p.base}_TRY.parquet").exists()]
    if not missing and rules_file.exists():
        return None
    began = time.perf_counter()
    folder.mkdir(parents=True, exist_ok=True)
    for index, pair in enumerate(PAIRS):
        if pair not in missing:
            continue
        path = folder / f"{pair.base}_TRY.parquet"
        temporary = path.with_name(f".{path.name}.tmp-{os.getpid()}")
        pq.write_table(
            generate(pair, index, price_scale(pair, shipped)), temporary, compression="zstd"
        )
        temporary.replace(path)
    rules_file.write_text(json.dumps(exchange_info_json(shipped), indent=1), "utf-8")
    return time.perf_counter() - began


def peak_rss_mib() -> float:
    """The process's resident-set high-water mark (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class Marks:
    """(wall, CPU) at the first cycle report, every ``every`` reports after it, and the last."""

    def __init__(self, every: int) -> None:
        self.every = every
        self.count = 0
        self.marks: list[tuple[float, float]] = []
        self.last = (0.0, 0.0)

    def __call__(self, _: CycleReport) -> None:
        now = (time.perf_counter(), time.process_time())
        if self.count % self.every == 0:
            self.marks.append(now)
            if len(self.marks) > 1:  # progress of a long run, as it goes
                (wall, cpu), (wall_0, cpu_0) = now, self.marks[-2]
                print(
                    f"  ... {self.count} cycles: {self.every / (wall - wall_0):.0f} cycles/s wall, "
                    f"{self.every / (cpu - cpu_0):.0f} CPU; peak RSS {peak_rss_mib():.0f} MiB",
                    flush=True,
                )
        self.count += 1
        self.last = now


async def replay(
    data: ReplayDataset, rules: Mapping[Symbol, SymbolRules], marks: Marks
) -> BacktestResult:
    """``run_backtest`` as ``btcbot backtest --stage 7 --engine fast --rules FILE`` calls it."""
    with tempfile.TemporaryDirectory() as folder:
        return await run_backtest(
            data,
            stage=7,
            params=load_config(7, None).params,
            out_db=Path(folder) / "run.db",
            starting_balances={"TRY": STARTING_TRY},
            seed=SEED,
            spread_bps=Decimal(10),
            on_report=marks,
            engine="fast",
            rules=rules,
        )


def load(folder: Path, symbols: int, days: int) -> ReplayDataset:
    """The first ``symbols`` pairs' first ``days`` days, through ``open_dataset`` on a directory
    of them (what ``btcbot backtest --data DIR`` loads)."""
    with tempfile.TemporaryDirectory() as chosen:
        for pair in PAIRS[:symbols]:
            name = f"{pair.base}_TRY.parquet"
            (Path(chosen) / name).symlink_to(folder / name)
        return open_dataset(Path(chosen), end_ms=START_MS + days * DAY_MS)


def report(
    args: argparse.Namespace, result: BacktestResult, marks: Marks, timing: dict[str, float]
) -> None:
    cycles, symbols = marks.count, args.symbols
    first, last = marks.marks[0], marks.last
    loop_wall, loop_cpu = last[0] - first[0], last[1] - first[1]
    print(
        f"run: {result.cycles} cycles ({result.skipped} skipped), {result.summary.fills} fills, "
        f"fingerprint {result.summary.fingerprint[:16]}"
    )
    print(
        f"  replay loop      {(cycles - 1) / loop_wall:8.0f} cycles/s  "
        f"{(cycles - 1) * symbols / loop_wall:9.0f} bars/s  "
        f"({loop_wall:.1f} s wall, CPU {(cycles - 1) / loop_cpu:.0f} cycles/s, {loop_cpu:.1f} s)"
    )
    for clock, name in ((0, "wall"), (1, "CPU")):
        rates = [
            f"{marks.every / (after[clock] - before[clock]):.0f}"
            for before, after in zip(marks.marks, marks.marks[1:], strict=False)
        ]
        print(f"  cycles/s per {marks.every} cycles ({name}): " + " ".join(rates))
    run_wall, run_cpu = timing["run_wall"], timing["run_cpu"]
    print(f"  whole run_backtest  {run_wall:7.1f} s wall  {run_cpu:7.1f} s CPU")
    total_wall = timing["load_wall"] + run_wall
    total_cpu = timing["load_cpu"] + run_cpu
    print(f"  load + run          {total_wall:7.1f} s wall  {total_cpu:7.1f} s CPU")
    print(f"memory: peak RSS {peak_rss_mib():.0f} MiB (ru_maxrss, whole process)", end="")
    if args.tracemalloc:
        _, peak = tracemalloc.get_traced_memory()
        print(f"; tracemalloc peak {peak / 2**20:.0f} MiB (Python allocations)")
    else:
        print("; tracemalloc off (--tracemalloc: several times slower)")
    if args.days == YEAR_DAYS and args.symbols == len(PAIRS):
        verdict = "MET" if total_wall < TARGET_SECONDS else "NOT MET"
        print(
            f"target < {TARGET_SECONDS:.0f} s for 20 symbols x 365 days (load + run, wall): "
            f"{verdict} ({total_wall:.0f} s wall, {total_cpu:.0f} s CPU)"
        )
    else:
        factor = YEAR_DAYS / args.days
        what = (
            "20 symbols x 365 days"
            if args.symbols == len(PAIRS)
            else (f"{args.symbols} symbols x 365 days (not the 20-symbol target workload)")
        )
        print(
            f"EXTRAPOLATION (not measured) to {what}: run_backtest x {factor:.1f} = "
            f"~{run_wall * factor:.0f} s wall, ~{run_cpu * factor:.0f} s CPU; with the load "
            f"also x {factor:.1f} (it is partly fixed: every file is checked whole): "
            f"~{total_wall * factor:.0f} s wall, ~{total_cpu * factor:.0f} s CPU "
            f"(target {TARGET_SECONDS:.0f} s)"
        )


async def main_async(args: argparse.Namespace) -> None:
    folder = CACHE / f"{DATA_VERSION}-seed{SEED}"
    built = build_dataset(folder)
    if built is None:
        print(f"dataset: cached in {folder}")
    else:
        print(f"dataset: built in {built:.1f} s into {folder} (20 pairs x {BARS} 1m candles)")
    rules = read_rules_file(folder / RULES_FILE)
    if args.tracemalloc:
        tracemalloc.start()
    began, cpu = time.perf_counter(), time.process_time()
    data = load(folder, args.symbols, args.days)
    timing = {"load_wall": time.perf_counter() - began, "load_cpu": time.process_time() - cpu}
    bars = sum(len(one.bars) for one in data.series.values())
    print(
        f"load: {bars} candles ({args.symbols} pairs x {bars // args.symbols}) in "
        f"{timing['load_wall']:.1f} s wall, {timing['load_cpu']:.1f} s CPU; "
        f"peak RSS so far {peak_rss_mib():.0f} MiB"
    )
    marks = Marks(max(1, args.days * 1440 // args.segments))
    began, cpu = time.perf_counter(), time.process_time()
    result = await replay(data, rules, marks)
    timing |= {"run_wall": time.perf_counter() - began, "run_cpu": time.process_time() - cpu}
    report(args, result, marks, timing)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--days", type=int, default=YEAR_DAYS, help="days replayed (1..365)")
    parser.add_argument("--symbols", type=int, default=len(PAIRS), help="pairs (1..20)")
    parser.add_argument("--segments", type=int, default=10, help="rate reported per segment")
    parser.add_argument("--tracemalloc", action="store_true", help="also trace allocations")
    parser.add_argument("--cprofile", type=Path, help="write a cProfile of the run here")
    args = parser.parse_args()
    if not 1 <= args.days <= YEAR_DAYS or not 1 <= args.symbols <= len(PAIRS):
        parser.error(f"--days must be 1..{YEAR_DAYS} and --symbols 1..{len(PAIRS)}")
    structlog.configure(wrapper_class=structlog.make_filtering_bound_logger(logging.WARNING))
    pa.set_cpu_count(1)
    pa.set_io_thread_count(1)
    os.chdir(tempfile.gettempdir())  # no stray .env is read
    print(f"command: {sys.executable} {' '.join(sys.argv)}")
    params = load_config(7, None).params
    assert isinstance(params, Profile7Params)
    print(
        f"workload: stage 7 settings (STAGE7_UNIVERSE_SIZE={params.universe.size}: every "
        f"pair is a candidate, up to {params.universe.size} selected), "
        f"{args.symbols} TRY pairs x {args.days} days of 1m candles, "
        f"{STARTING_TRY} TRY, seed {SEED}, fast engine, one process"
    )
    if args.cprofile is None:
        asyncio.run(main_async(args))
        return
    profiler = cProfile.Profile()
    profiler.runcall(asyncio.run, main_async(args))
    profiler.dump_stats(args.cprofile)
    pstats.Stats(str(args.cprofile)).sort_stats("cumulative").print_stats(30)


if __name__ == "__main__":
    main()
