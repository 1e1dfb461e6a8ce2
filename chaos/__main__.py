"""``python -m chaos``: run seeded chaos scenarios against the agent; exit 1 on any violation.

Run from the repository root (``make chaos`` does): the scenario directories with the agent's
logs, state databases and schedules go under ``--workdir`` (default ``.chaos/``).
"""

from __future__ import annotations

import argparse
import asyncio
import shlex
import sys
import time
from pathlib import Path

from chaos.config import STAGES, RunOptions
from chaos.report import table, violations
from chaos.scenario import ScenarioResult, harness_failure, run_scenario
from chaos.schedule import ALL_KINDS, unknown_kinds


def parse(argv: list[str]) -> RunOptions:
    parser = argparse.ArgumentParser(
        prog="python -m chaos",
        description="Seeded faults and crashes against the real agent on the emulator.",
    )
    parser.add_argument("--seed", type=int, default=1, help="seed of scenario 1 (then +1 each)")
    parser.add_argument("--scenarios", type=int, default=3, help="how many scenarios")
    parser.add_argument(
        "--stages", default="3,4,7", help="profiles, taken in turn per scenario (default 3,4,7)"
    )
    parser.add_argument("--seconds", type=float, default=60.0, help="fault phase per scenario")
    parser.add_argument("--faults", type=int, default=24, help="faults per scenario")
    parser.add_argument("--crashes", type=int, default=3, help="SIGKILLs per scenario")
    parser.add_argument(
        "--kinds", default="", help=f"only these kinds (comma-separated) of: {', '.join(ALL_KINDS)}"
    )
    parser.add_argument(
        "--no-probe", action="store_true", help="skip the persistent-failure probe (invariant 6)"
    )
    parser.add_argument(
        "--quiet-seconds", type=float, default=15.0, help="fault-free time before the checks"
    )
    parser.add_argument("--jobs", type=int, default=1, help="scenarios run at the same time")
    parser.add_argument("--workdir", type=Path, default=Path(".chaos"), help="logs and state")
    args = parser.parse_args(argv)
    try:
        stages = tuple(int(s) for s in args.stages.split(",") if s.strip())
    except ValueError:
        parser.error(f"--stages {args.stages!r}: give profiles like 3,4,7")
    if not stages or any(s not in STAGES for s in stages):
        parser.error(f"--stages {args.stages!r}: choose from 3, 4, 7")
    kinds = tuple(k.strip() for k in args.kinds.split(",") if k.strip())
    if unknown := unknown_kinds(kinds):
        parser.error(f"--kinds: unknown {', '.join(unknown)}; known: {', '.join(ALL_KINDS)}")
    if args.scenarios < 1 or args.seconds < 10 or args.faults < 0 or args.crashes < 0:
        parser.error("--scenarios >= 1, --seconds >= 10, --faults and --crashes >= 0")
    if not 1 <= args.jobs <= 4:
        parser.error("--jobs: 1 to 4 (each job is an emulator plus an agent process)")
    if args.quiet_seconds < 5:
        parser.error("--quiet-seconds >= 5: in-flight orders need time to be resolved")
    return RunOptions(
        seed=args.seed,
        scenarios=args.scenarios,
        stages=stages,
        fault_seconds=args.seconds,
        faults=args.faults,
        crashes=args.crashes,
        kinds=kinds,
        persistent_failure=not args.no_probe,
        quiet_s=args.quiet_seconds,
        workdir=args.workdir,
        jobs=args.jobs,
    )


async def run_all(options: RunOptions) -> list[ScenarioResult]:
    """Every scenario (``options.jobs`` at a time); results in scenario order."""
    slots = asyncio.Semaphore(options.jobs)
    done = 0

    async def one(index: int) -> ScenarioResult:
        nonlocal done
        async with slots:
            try:
                result = await run_scenario(options, index)
            except Exception as exc:  # noqa: BLE001 - reported with its seed; the rest still run
                result = harness_failure(options, index, exc)
        done += 1
        status = "ok" if not result.violations else f"{len(result.violations)} VIOLATION(S)"
        print(
            f"scenario {done}/{options.scenarios} seed {result.seed} stage {result.stage}: "
            f"{sum(result.faults.values())} faults, {sum(result.crashes.values())} crashes, "
            f"{result.orders} orders, {result.seconds:.0f}s: {status}",
            flush=True,
        )
        return result

    return list(await asyncio.gather(*(one(i) for i in range(options.scenarios))))


def main(argv: list[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else argv
    options = parse(arguments)
    started = time.monotonic()
    results = asyncio.run(run_all(options))
    command = "python -m chaos " + shlex.join(arguments)
    print(table(results, command.strip(), time.monotonic() - started))
    print(violations(results))
    return 1 if any(r.violations for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
