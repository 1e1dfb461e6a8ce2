"""Wall time of the command line starting up: ``btcbot --help``, ``btcbot version`` and one
command's own help, each a fresh ``python -m btcbot`` process (import cost included).

Run: .venv/bin/python bench/cli_startup.py [--repeats 15] [--src PATH]

``--src`` runs another checkout's ``src`` with this interpreter and its packages (e.g. the main
branch, for a before/after comparison).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

CASES = (("--help",), ("version",), ("status", "--help"))


def wall_ms(args: tuple[str, ...], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "btcbot", *args],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=True,
    )
    return (time.perf_counter() - started) * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeats", type=int, default=15)
    parser.add_argument("--src", type=Path, default=Path(__file__).resolve().parents[1] / "src")
    options = parser.parse_args()
    env = {**os.environ, "PYTHONPATH": str(options.src.resolve())}
    print(f"command: {sys.executable} {' '.join(sys.argv)}")
    print(f"source: {options.src.resolve()}; {options.repeats} fresh processes per case")
    for args in CASES:
        wall_ms(args, env)  # warm the file cache and bytecode
        runs = [wall_ms(args, env) for _ in range(options.repeats)]
        print(
            f"  btcbot {' '.join(args):<16} median {statistics.median(runs):7.1f} ms  "
            f"min {min(runs):7.1f} ms"
        )


if __name__ == "__main__":
    main()
