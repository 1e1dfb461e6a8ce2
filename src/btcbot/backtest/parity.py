"""Run fingerprints: two runs that planned the same and ended with the same balances match.

The fingerprint is the SHA-256 of the canonical JSON of

* every recorded cycle in order (started_ms, cycle_id): its start time and the fingerprint of
  the plan the kernel made (``Plan.fingerprint()``: submits, cancels, every decision, mode and
  next risk state);
* the final balances the ledger explains (baseline + every booked fill), zeros left out.

Anything that changes a decision or a fill changes it; the wall clock, row ids and the
database path do not enter it. It is computed from the database alone, so a backtest can be
compared with another backtest, or with a replay of a live run.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from itertools import zip_longest
from pathlib import Path

from btcbot.backtest.canonical import digest
from btcbot.backtest.records import (
    CycleRow,
    RunData,
    existing_run,
    read_run,
    require_finished,
)
from btcbot.domain.money import ZERO

FINGERPRINT_VERSION = 1


def run_fingerprint(run: RunData) -> str:
    return digest(
        {
            "version": FINGERPRINT_VERSION,
            "cycles": [[row.started_ms, row.plan_fingerprint] for row in run.cycles],
            "balances": nonzero(run.balances),
        }
    )


def nonzero(balances: Mapping[str, Decimal]) -> dict[str, Decimal]:
    return {asset: amount for asset, amount in sorted(balances.items()) if amount != ZERO}


@dataclass(frozen=True, slots=True)
class Divergence:
    """The first cycle at which two runs differ (None on a side that has no such cycle)."""

    index: int
    a: CycleRow | None
    b: CycleRow | None


@dataclass(frozen=True, slots=True)
class ParityResult:
    fingerprint_a: str
    fingerprint_b: str
    cycles_a: int
    cycles_b: int
    divergence: Divergence | None
    balances_a: Mapping[str, Decimal]
    balances_b: Mapping[str, Decimal]

    @property
    def match(self) -> bool:
        return self.fingerprint_a == self.fingerprint_b

    def lines(self) -> list[str]:
        """What an operator reads: both fingerprints and, when they differ, where."""
        out = [
            f"A {self.fingerprint_a}  ({self.cycles_a} cycles)",
            f"B {self.fingerprint_b}  ({self.cycles_b} cycles)",
        ]
        if self.match:
            return [*out, "MATCH: same plans in every cycle, same final balances"]
        divergence = self.divergence
        if divergence is not None:
            out.append(f"first divergence at cycle #{divergence.index + 1}:")
            out.append(f"  A {_describe(divergence.a)}")
            out.append(f"  B {_describe(divergence.b)}")
        if self.balances_a != self.balances_b:
            out.append(f"final balances differ: A {_money(self.balances_a)}")
            out.append(f"                       B {_money(self.balances_b)}")
        return [*out, "DIFFER"]


def compare(run_a: RunData, run_b: RunData) -> ParityResult:
    return ParityResult(
        fingerprint_a=run_fingerprint(run_a),
        fingerprint_b=run_fingerprint(run_b),
        cycles_a=len(run_a.cycles),
        cycles_b=len(run_b.cycles),
        divergence=first_divergence(run_a.cycles, run_b.cycles),
        balances_a=nonzero(run_a.balances),
        balances_b=nonzero(run_b.balances),
    )


def compare_runs(db_a: Path, db_b: Path) -> ParityResult:
    """Compare two run databases (raises ``RunDatabaseError`` for a missing/bad file, or an
    unfinished backtest's)."""
    with existing_run(db_a) as engine_a, existing_run(db_b) as engine_b:
        run_a = require_finished(read_run(engine_a), db_a)
        return compare(run_a, require_finished(read_run(engine_b), db_b))


def first_divergence(a: tuple[CycleRow, ...], b: tuple[CycleRow, ...]) -> Divergence | None:
    for index, (row_a, row_b) in enumerate(zip_longest(a, b)):
        if _key(row_a) != _key(row_b):
            return Divergence(index, row_a, row_b)
    return None


def _key(row: CycleRow | None) -> tuple[int, str | None] | None:
    return None if row is None else (row.started_ms, row.plan_fingerprint)


def _describe(row: CycleRow | None) -> str:
    if row is None:
        return "(no such cycle)"
    return f"{row.cycle_id} at {row.started_ms} mode {row.risk_mode} plan {row.plan_fingerprint}"


def _money(balances: Mapping[str, Decimal]) -> str:
    return ", ".join(f"{asset} {amount}" for asset, amount in balances.items()) or "(none)"
