"""``Plan.fingerprint()`` writes the canonical JSON text directly: the very bytes
``json.dumps(plan.to_canonical(), separators=(",", ":"))`` gives, for every kind of value a
plan holds (the pins in ``test_plan_fingerprints`` hold the hashes themselves)."""

from __future__ import annotations

import hashlib
import json
import random
from dataclasses import replace
from decimal import Decimal

import pytest

from btcbot.decision.modes import Mode
from btcbot.decision.plan import (
    Action,
    Decision,
    Layer,
    Plan,
    PlannedCancel,
    PlannedSubmit,
    PortfolioReport,
)
from btcbot.decision.risk_state import RiskState
from btcbot.domain import OrderMethod, OrderRequest, Side, Symbol
from btcbot.kernel.builtin import builtin_profile
from btcbot.kernel.kernel import PlanningKernel
from tests.kernel.test_plan_fingerprints import random_params, random_snapshot

BTC, ETH = Symbol("BTC", "TRY"), Symbol("ETH", "USDT")


def canonical_fingerprint(plan: Plan) -> str:
    text = json.dumps(plan.to_canonical(), separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()


def awkward_plan() -> Plan:
    """Every value kind: text needing escapes, None and bools, mappings, nested tuples, a
    portfolio report, a stop order's optional fields set and unset."""
    stop = OrderRequest(
        BTC,
        Side.SELL,
        OrderMethod.STOP_MARKET,
        "c-stop",
        quantity=Decimal("0.5"),
        stop_price=Decimal("1.50E+6"),
    )
    limit = OrderRequest(
        ETH, Side.BUY, OrderMethod.LIMIT, 'c-"1"', quantity=Decimal("2"), price=Decimal("0.10")
    )
    state = RiskState(
        mode=Mode.REDUCE_RISK_ONLY,
        mode_reasons=("fee_burn", "ü"),
        peak_equity=Decimal("-0.000"),
        previous_mids={ETH: Decimal("3.1"), BTC: Decimal("2E+3")},
        reject_times_ms={BTC: (1, 2, 3)},
        cursor_stall={ETH: 4, BTC: 10},
        universe=(ETH, BTC),
        universe_changes=((5, 1),),
        strategy_state={"z": "last\ncross", "a": "日本"},
    )
    return Plan(
        submits=(PlannedSubmit(stop, "protective_stop"), PlannedSubmit(limit, "entry")),
        cancels=(PlannedCancel("old", None, BTC, "ttl_expired"), PlannedCancel("x", 7, ETH, "")),
        decisions=(
            Decision(None, Layer.KERNEL, Action.BLOCK, "safe_mode", "tab\there \\ \x00 ‰"),
            Decision(BTC, Layer.STRATEGY, Action.HOLD, "sma_no_cross", "fast=1.00 slow=2.00"),
        ),
        mode=Mode.OBSERVE_ONLY,
        next_risk_state=state,
        portfolio=PortfolioReport((BTC,), ((ETH, "spread_above_max"),), ((BTC, Decimal(1)),), 3),
    )


def test_an_awkward_plan_is_written_as_json_dumps_spells_it() -> None:
    plan = awkward_plan()
    assert plan.fingerprint() == canonical_fingerprint(plan)
    unset = replace(plan, next_risk_state=RiskState(), portfolio=None)
    assert unset.fingerprint() == canonical_fingerprint(unset)


def test_kernel_plans_of_every_profile_are_written_as_json_dumps_spells_them() -> None:
    kernel = PlanningKernel()
    for index in range(60):
        rng = random.Random(7000 + index)
        snapshot = random_snapshot(rng, index)
        symbols = sorted({*snapshot.books, *snapshot.tickers, *snapshot.rules})
        plan = kernel.plan(snapshot, builtin_profile(random_params(rng, symbols)))
        assert plan.fingerprint() == canonical_fingerprint(plan), index


def test_a_value_it_cannot_spell_is_refused() -> None:
    plan = replace(awkward_plan(), decisions=(1.5,))  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="cannot fingerprint float"):
        plan.fingerprint()


def test_audit_lines_remembered_from_earlier_plans_are_written_as_json_dumps_spells_them() -> None:
    """A decision's text is remembered per value (a cycle mostly repeats the last one's),
    also past the memory's bound: more distinct lines than it keeps, each seen twice."""
    plan = awkward_plan()
    lines = [
        Decision(BTC if n % 2 else None, Layer.UNIVERSE, Action.SKIP, f"r{n % 7}", f"n={n}")
        for n in range(5000)
    ]
    for first in (0, 4000, 0):  # the same lines again, after the memory was emptied
        batch = replace(plan, decisions=tuple(lines[first : first + 1000]))
        assert batch.fingerprint() == canonical_fingerprint(batch)
    equal = Decision(BTC, Layer.UNIVERSE, Action.SKIP, "r1", "n=1")  # equal to one of them
    alone = replace(plan, decisions=(equal,))
    assert alone.fingerprint() == canonical_fingerprint(alone)
