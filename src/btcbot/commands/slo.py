"""Service-level checks over the most recent cycles in the state database.

Thresholds are the predecessor doctor's (``DOCTOR_SLO_*``, lookback 20 cycles) where it had
one; the skipped-cycle rate is ours (the predecessor did not measure it). A check whose data
the database does not hold is left out rather than passed.

==================  ==========  ==========  ===============================================
check               WARN at     FAIL at     data
==================  ==========  ==========  ===============================================
reject rate         5 %         10 %        REJECTED / orders sent since the oldest cycle
skipped cycles      10 %        25 %        cycles whose summary records ``skipped``
cycle latency       1000 ms     2000 ms     median ``ended_ms - started_ms``
drawdown            10 %        20 %        peak-to-trough of recorded cycle equity
==================  ==========  ==========  ===============================================
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from decimal import Decimal
from typing import Final

from sqlalchemy import Connection, func, select

from btcbot.commands.checks import CheckResult, failed, passed, warned
from btcbot.domain import OrderStatus
from btcbot.store import CycleRecord, CycleRepository
from btcbot.store.schema import orders

LOOKBACK_CYCLES: Final = 20
REJECT_RATE: Final = (0.05, 0.10)
SKIPPED_RATE: Final = (0.10, 0.25)
LATENCY_MS: Final = (1000.0, 2000.0)
DRAWDOWN: Final = (0.10, 0.20)


def slo_checks(conn: Connection, lookback: int = LOOKBACK_CYCLES) -> list[CheckResult]:
    cycles, unreadable = CycleRepository(conn).latest_readable(lookback)
    damaged = (
        [
            failed(
                "slo cycles",
                f"{len(unreadable)} recent cycle row(s) cannot be read, measured without them: "
                + "; ".join(f"{cycle_id}: {problem}" for cycle_id, problem in unreadable[:3])
                + "; restore the database from a backup or correct the row",
                critical=False,
            )
        ]
        if unreadable
        else []
    )
    if not cycles:
        return damaged or [passed("slo", "no cycles recorded yet: nothing to measure")]
    since = min(c.started_ms for c in cycles)
    results = [*damaged, _reject_rate(conn, since, len(cycles))]
    for check in (_skipped_rate(cycles), _latency(cycles), _drawdown(cycles)):
        if check is not None:
            results.append(check)
    return results


def _grade(
    name: str, value: float, limits: tuple[float, float], text: str, *, ms: bool = False
) -> CheckResult:
    warn, fail = (f"{x:.0f} ms" if ms else f"{x:.0%}" for x in limits)
    if value >= limits[1]:
        return failed(name, f"{text} (fail at {fail})", critical=False)
    if value >= limits[0]:
        return warned(name, f"{text} (warn at {warn}, fail at {fail})")
    return passed(name, f"{text} (warn at {warn})")


def _reject_rate(conn: Connection, since_ms: int, n_cycles: int) -> CheckResult:
    query = (
        select(orders.c.status, func.count())
        .where(orders.c.created_ms >= since_ms)
        .where(orders.c.status != OrderStatus.PENDING_SUBMIT.value)
        .group_by(orders.c.status)
    )
    counts = {status: int(n) for status, n in conn.execute(query)}
    sent = sum(counts.values())
    if sent == 0:
        return passed("slo reject rate", f"no orders sent in the last {n_cycles} cycle(s)")
    rejected = counts.get(OrderStatus.REJECTED.value, 0)
    rate = rejected / sent
    text = f"{rejected}/{sent} orders rejected in the last {n_cycles} cycle(s) = {rate:.1%}"
    return _grade("slo reject rate", rate, REJECT_RATE, text)


def _skipped_rate(cycles: Sequence[CycleRecord]) -> CheckResult | None:
    recorded = [c for c in cycles if "skipped" in c.summary]
    if not recorded:
        return None
    skipped = sum(1 for c in recorded if c.summary.get("skipped"))
    rate = skipped / len(recorded)
    text = f"{skipped}/{len(recorded)} cycles skipped = {rate:.1%}"
    return _grade("slo skipped cycles", rate, SKIPPED_RATE, text)


def _latency(cycles: Sequence[CycleRecord]) -> CheckResult | None:
    durations = [c.ended_ms - c.started_ms for c in cycles if c.ended_ms is not None]
    if not durations:
        return None
    median = float(statistics.median(durations))
    text = f"median cycle time {median:.0f} ms over {len(durations)} cycle(s)"
    return _grade("slo cycle latency", median, LATENCY_MS, text, ms=True)


def _drawdown(cycles: Sequence[CycleRecord]) -> CheckResult | None:
    equities = [c.equity for c in sorted(cycles, key=lambda c: c.started_ms) if c.equity]
    if len(equities) < 2:
        return None
    peak, worst = equities[0], Decimal(0)
    for equity in equities:
        peak = max(peak, equity)
        worst = max(worst, (peak - equity) / peak)
    text = f"max drawdown {float(worst):.1%} over {len(equities)} cycle(s)"
    return _grade("slo drawdown", float(worst), DRAWDOWN, text)
