"""The run's table (Markdown, so it pastes into the README as is) and its violations."""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Sequence

from chaos.invariants import NAMES
from chaos.scenario import ScenarioResult


def table(results: Sequence[ScenarioResult], command: str, wall_s: float) -> str:
    faults: Counter[str] = Counter()
    crashes: Counter[str] = Counter()
    not_fired: Counter[str] = Counter()
    for result in results:
        faults.update(result.faults)
        crashes.update(result.crashes)
        not_fired.update(result.not_fired)
    recoveries = [ms for result in results for ms in result.recoveries_ms]
    violations = [v for result in results for v in result.violations]
    stages = Counter(result.stage for result in results)
    rows = [
        ("command", f"`{command}`"),
        (
            "scenarios",
            f"{len(results)} ({', '.join(f'stage {s}: {n}' for s, n in sorted(stages.items()))}),"
            f" {sum(r.seconds for r in results) / 60:.1f} min of scenarios in"
            f" {wall_s / 60:.1f} min",
        ),
        ("faults (fired)", f"{sum(faults.values())}: {_kinds(faults)}"),
        ("crashes (SIGKILL + restart)", f"{sum(crashes.values())}: {_kinds(crashes)}"),
        ("gate flips through the CLI", str(sum(r.gate_flips for r in results))),
        (
            "agent orders / fills on the exchange",
            f"{sum(r.orders for r in results)} / {sum(r.fills for r in results)}",
        ),
        ("violations", str(len(violations))),
        ("recovery time (median, max)", _recovery(recoveries)),
        ("orders in flight at the end", str(sum(r.in_flight_at_end for r in results))),
        (
            "restarts refused (lock held / start-up failed), longest restart",
            f"{sum(r.restart_refusals for r in results)}, "
            f"{max((r.longest_restart_ms for r in results), default=0) / 1000:.1f} s",
        ),
        (
            "kill switch trips released by the operator",
            str(sum(r.kill_switch_trips for r in results)),
        ),
        ("armed but never triggered", _kinds(not_fired) or "-"),
    ]
    lines = ["| what | value |", "|---|---|"]
    lines += [f"| {what} | {value} |" for what, value in rows]
    return "\n".join(lines)


def violations(results: Sequence[ScenarioResult]) -> str:
    lines = []
    for result in results:
        for violation in result.violations:
            lines.append(
                f"- seed {result.seed} stage {result.stage}: {violation.describe()}\n"
                f"  reproduce: `{result.reproduce}` (logs: {result.logdir})"
            )
    if not lines:
        return "no violations"
    by_invariant = Counter(v.invariant for r in results for v in r.violations)
    head = ", ".join(f"{NAMES[i]}: {n}" for i, n in sorted(by_invariant.items()))
    return f"{len(lines)} violation(s) ({head}):\n" + "\n".join(lines)


def _kinds(counts: Counter[str]) -> str:
    return ", ".join(f"{kind} {n}" for kind, n in sorted(counts.items()))


def _recovery(recoveries: list[int]) -> str:
    if not recoveries:
        return "-"
    median = statistics.median(recoveries) / 1000
    return f"{median:.1f} s, {max(recoveries) / 1000:.1f} s ({len(recoveries)} measured)"
