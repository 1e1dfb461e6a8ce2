"""Wall time of the command line starting up: ``btcbot --help``, ``btcbot version`` and one
command's own help, each a fresh ``python -m btcbot`` process (import cost included). The CPU
time (user + system) of the process is printed too: on a busy machine it is the steadier
figure.

Run: .venv/bin/python bench/cli_startup.py [--repeats 15] [--src PATH]

``--src`` runs another checkout's ``src`` with this interpreter and its packages (e.g. the main
branch, for a before/after comparison).
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

CASES = (("--help",), ("version",), ("status", "--help"))


def timed(args: tuple[str, ...], env: dict[str, str]) -> tuple[float, float]:
    """(wall ms, cpu ms) of one fresh process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "btcbot", *args],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=True,
    )
    wall = (time.perf_counter() - started) * 1000
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime) * 1000
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeats", type=int, default=15)
    parser.add_argument("--src", type=Path, default=Path(__file__).resolve().parents[1] / "src")
    options = parser.parse_args()
    env = {**os.environ, "PYTHONPATH": str(options.src.resolve())}
    print(f"command: {sys.executable} {' '.join(sys.argv)}")
    print(f"source: {options.src.resolve()}; {options.repeats} fresh processes per case")
    for args in CASES:
        timed(args, env)  # warm the file cache and bytecode
        runs = [timed(args, env) for _ in range(options.repeats)]
        wall, cpu = [w for w, _ in runs], [c for _, c in runs]
        print(
            f"  btcbot {' '.join(args):<16} wall median {statistics.median(wall):7.1f} ms "
            f"(min {min(wall):7.1f})  cpu median {statistics.median(cpu):7.1f} ms"
        )


if __name__ == "__main__":
    main()
