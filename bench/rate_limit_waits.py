"""Rate-limit waits of a real run: cycles per minute and seconds waited per minute.

Run: .venv/bin/python bench/rate_limit_waits.py [--minutes 3] [--cycle-seconds 1]
     [--symbols BTC_TRY,ETH_TRY,SOL_TRY,XRP_TRY,AVAX_TRY] [--stage 7] [--market-data rest]
     [--dry-run]

Workload: an in-process emulator with its documented rate limits ON (``rate_limit_scale=1``,
API_CONTRACT §4.3; the market moving every 0.2 s) and ``btcbot.runtime.factory.open_runtime``
armed against it on the emulator's demo account (or paper trading with ``--dry-run``): stage 7,
REST market data, the given symbols, ``TTL_SECONDS=20`` so resting orders are cancelled and
replaced, a fresh SQLite state file, one cycle every ``--cycle-seconds`` for ``--minutes``
minutes. The client's own limiter keeps the configured margin (``BTCTURK_RATE_LIMIT_MARGIN``,
0.8 of each documented limit).

Measured here, independently of what the bot reports: the time spent inside
``RateLimiter.acquire`` (wrapped, so the figure compares across versions of the limiter; a
call counts from 1 ms, so a busy machine's scheduling hiccups show up as hundredths), by
endpoint group; cycle durations; HTTP 429 answers counted by the emulator. The bot's own
figure (the waits its cycle reports carry, where the version has them) is printed beside it.
The first minute fills the sliding windows, so the figures are printed for the whole run and
for its steady state (everything after the first minute).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import os
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from unittest import mock

import structlog

from btcbot.btcturk.ratelimit import RateLimiter
from btcbot.config import load_config
from btcbot.emulator import EmulatorConfig, running_emulator
from btcbot.runtime.factory import open_runtime

WARM_UP_S = 60.0


class WaitLog:
    """(wall time, group, seconds) of every limiter wait."""

    def __init__(self) -> None:
        self.entries: list[tuple[float, str, float]] = []

    @contextlib.contextmanager
    def wrapped(self) -> Iterator[None]:
        original = RateLimiter.acquire
        entries = self.entries

        async def timed(self: RateLimiter, group: str, *args: object, **kw: object) -> object:
            began = time.monotonic()
            result = await original(self, group, *args, **kw)  # type: ignore[arg-type]
            waited = time.monotonic() - began
            if waited > 0.001:
                entries.append((began, group, waited))
            return result

        with mock.patch.object(RateLimiter, "acquire", timed):
            yield


def summary(
    title: str,
    cycles: list[tuple[float, float]],
    waits: list[tuple[float, str, float]],
    since: float,
    until: float,
) -> None:
    minutes = (until - since) / 60
    durations = [d for start, d in cycles if start >= since]
    by_group: dict[str, float] = defaultdict(float)
    for start, group, seconds in waits:
        if start >= since:
            by_group[group] += seconds
    total = sum(by_group.values())
    groups = ", ".join(f"{g} {s / minutes:.2f}" for g, s in sorted(by_group.items())) or "-"
    print(f"  {title}: {minutes:.1f} min")
    print(f"    cycles/min              {len(durations) / minutes:8.1f}")
    print(f"    rate-limit wait s/min   {total / minutes:8.2f}   ({groups})")
    if durations:
        print(
            f"    cycle duration          p50 {statistics.median(durations):.2f} s   "
            f"max {max(durations):.2f} s"
        )


async def run(args: argparse.Namespace) -> None:
    config = EmulatorConfig(seed=7, port=0, tick_seconds=0.2, rate_limit_scale=1.0)
    waits = WaitLog()
    cycles: list[tuple[float, float]] = []
    reported = 0.0  # seconds of waits the bot's own cycle reports carry
    with tempfile.TemporaryDirectory() as folder:
        async with running_emulator(config) as emu:
            account = emu.demo_account
            env = {
                "BTCTURK_BASE_URL": emu.rest_url,
                "BTCTURK_GRAPH_URL": emu.graph_url,
                "BTCTURK_WS_URL": emu.ws_url,
                "SYMBOLS": args.symbols,
                "MARKET_DATA_MODE": args.market_data,
                "STATE_DB_PATH": str(Path(folder) / "state.db"),
                "KILL_SWITCH": "false",
                "SAFE_MODE": "false",
                "TTL_SECONDS": "20",
                "DRY_RUN_TRY_BALANCE": "10000",
            }
            if args.dry_run:
                env |= {"DRY_RUN": "true", "LIVE_TRADING": "false"}
            else:
                env |= {
                    "DRY_RUN": "false",
                    "LIVE_TRADING": "true",
                    "LIVE_TRADING_ACK": "I_UNDERSTAND",
                    "BTCTURK_API_KEY": account.api_key,
                    "BTCTURK_API_SECRET": account.api_secret,
                }
            with mock.patch.dict(os.environ, env), waits.wrapped():
                async with open_runtime(load_config(args.stage, None)) as runtime:
                    began = time.monotonic()
                    deadline = began + args.minutes * 60
                    while time.monotonic() < deadline:
                        start = time.monotonic()
                        report = await runtime.runner.run_once()
                        cycles.append((start, time.monotonic() - start))
                        tally = getattr(report, "rate_limits", None)
                        reported += tally.total_wait_s if tally is not None else 0.0
                        if report.skipped:
                            print(f"    skipped: {report.skipped}")
                        await asyncio.sleep(args.cycle_seconds)
                    ended = time.monotonic()
            refused = dict(emu.faults.counters.rate_limited)
            requests = dict(emu.faults.counters.requests)
    mode = "dry-run" if args.dry_run else "armed"
    print(
        f"stage {args.stage} {args.market_data} {mode}, symbols {args.symbols}, "
        f"--cycle-seconds {args.cycle_seconds}"
    )
    summary("whole run", cycles, waits.entries, began, ended)
    if ended - began > WARM_UP_S * 1.5:
        summary("steady state (after the first minute)", cycles, waits.entries, began + 60, ended)
    print(f"  waits in the bot's own cycle reports: {reported / ((ended - began) / 60):.2f} s/min")
    print(f"  HTTP 429 answers from the emulator: {refused or 0}")
    print(f"  requests by path: {requests}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=3.0)
    parser.add_argument("--cycle-seconds", type=float, default=1.0)
    parser.add_argument("--symbols", default="BTC_TRY,ETH_TRY,SOL_TRY,XRP_TRY,AVAX_TRY")
    parser.add_argument("--stage", type=int, default=7, choices=(3, 4, 7))
    parser.add_argument("--market-data", default="rest", choices=("rest", "ws"))
    parser.add_argument("--dry-run", action="store_true")
    args = parser.parse_args()
    structlog.configure(wrapper_class=structlog.make_filtering_bound_logger(logging.WARNING))
    os.chdir(tempfile.gettempdir())  # no stray .env is read
    print(f"command: {sys.executable} {' '.join(sys.argv)}")
    asyncio.run(run(args))


if __name__ == "__main__":
    main()
