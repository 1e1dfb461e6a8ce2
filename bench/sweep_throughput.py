"""Sweep throughput: trials per minute on one core, and with 2 workers sharing one study.

Run: .venv/bin/python bench/sweep_throughput.py [--trials 12] [--rounds 3] [--bars 720]

Workload: ``btcbot sweep`` of the SMA crossover example (``examples/sma_crossover.py``; fast
2..12, slow 13..40, 500 TRY entries) on a generated, seeded hourly BTC/TRY wave of ``--bars``
candles, objective Sharpe, no validation split (every trial replays the whole series), the
lookahead check at 2 cuts. Each trial is one fast-engine replay plus its report figures.

* one core: one ``btcbot sweep --jobs 1`` process, studies in memory;
* 2 workers: two ``btcbot sweep`` processes started together with the same
  ``--storage postgresql+psycopg://... --study NAME`` on a PostgreSQL server this script starts
  the way the tests do (``tests/postgres.py``); each round a fresh database.

Trials/min = ``--trials`` / wall seconds from the processes' start to the last one's exit
(so start-up and the lookahead check count, as they do for a user). Rounds alternate the two
set-ups; medians are printed. The 2-worker figure can reach 2x only on 2 idle cores.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # tests.postgres starts the server, tests.backtest the data

from tests.backtest.factories import write_wave  # noqa: E402
from tests.postgres import fresh_database, postgres_server  # noqa: E402

SMA = f"{ROOT / 'examples' / 'sma_crossover.py'}:SmaCrossover"


def command(data: Path, out: Path, trials: int, *extra: str) -> list[str]:
    return [
        sys.executable, "-m", "btcbot", "sweep", "--strategy", SMA, "--dataset", str(data),
        "--out", str(out), "--trials", str(trials), "--objective", "sharpe",
        "--range", "fast=2..12", "--range", "slow=13..40", "--param", "notional_try=500",
        "--lookahead-cuts", "2", "--no-progress", *extra,
    ]  # fmt: skip


def timed(commands: list[list[str]]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the processes)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BTCTURK_", "STATE_DB"))}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    processes = [
        subprocess.Popen(c, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for c in commands
    ]
    for process in processes:
        out, err = process.communicate()
        if process.returncode != 0:
            raise SystemExit(f"sweep failed ({process.returncode}):\n{out.decode()}{err.decode()}")
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=12)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--bars", type=int, default=720)
    args = parser.parse_args()
    print(f"command: .venv/bin/python bench/sweep_throughput.py --trials {args.trials} "
          f"--rounds {args.rounds} --bars {args.bars}")  # fmt: skip
    work = Path(tempfile.mkdtemp(prefix="sweep-bench-"))
    data = write_wave(work / "BTC_TRY.csv", args.bars)
    print(f"workload: SMA crossover, {args.bars} hourly candles, {args.trials} trials a sweep")
    one: list[float] = []
    two: list[float] = []
    cpu: dict[str, list[float]] = {"one": [], "two": []}
    with postgres_server() as server:
        for round_ in range(args.rounds):
            order = ("one", "two") if round_ % 2 == 0 else ("two", "one")
            for setup in order:
                if setup == "one":
                    seconds, used = timed([command(data, work / f"one-{round_}", args.trials)])
                    one.append(args.trials / seconds * 60)
                else:
                    url = fresh_database(server)
                    shared = ("--storage", url, "--study", "bench")
                    seconds, used = timed([
                        command(data, work / f"two-{round_}-{i}", args.trials, *shared)
                        for i in range(2)
                    ])  # fmt: skip
                    two.append(args.trials / seconds * 60)
                cpu[setup].append(used)
                print(
                    f"round {round_} {setup}: {args.trials / seconds * 60:.1f} trials/min "
                    f"(wall {seconds:.1f} s, CPU {used:.1f} s)"
                )
    print(f"load average at the end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(
        f"one core (--jobs 1, in memory): median {statistics.median(one):.1f} trials/min, "
        f"CPU {statistics.median(cpu['one']):.1f} s a sweep"
    )
    print(
        f"2 workers, one PostgreSQL study: median {statistics.median(two):.1f} trials/min "
        f"({statistics.median(two) / statistics.median(one):.2f}x), CPU "
        f"{statistics.median(cpu['two']):.1f} s a sweep (both processes)"
    )


if __name__ == "__main__":
    main()
