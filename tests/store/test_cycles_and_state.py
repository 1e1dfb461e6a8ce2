from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest
from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError

from btcbot.config.common import MAX_PG_ACCOUNT_KEY
from btcbot.runtime.ledger_guard import baseline_key
from btcbot.store import (
    CycleRecord,
    CycleRepository,
    DecisionRecord,
    ExecutionMode,
    OpState,
    ParamsRepository,
    RiskStateRepository,
    unit_of_work,
)
from btcbot.store.schema import decisions

ACCOUNT = "main"


def test_cycle_and_decisions_round_trip_with_exact_money(engine: Engine) -> None:
    cycle = CycleRecord(
        cycle_id="cy-1",
        stage=3,
        started_ms=10,
        ended_ms=20,
        mode=ExecutionMode.DRY_RUN,
        risk_mode="NORMAL",
        submits=2,
        realized_pnl=Decimal("-1.25"),
        equity=Decimal("1000.10"),
        plan_fingerprint="abc",
        summary={"planned_spend_try": Decimal("199.99"), "rejects": ["min_notional"]},
    )
    made = [
        DecisionRecord("risk_policy", "BLOCK", "min_notional", "BTC_TRY", "9.99 < 10"),
        DecisionRecord("market_data", "BLOCK", "stale"),
    ]
    with unit_of_work(engine) as conn:
        CycleRepository(conn).record(cycle, made)
    with unit_of_work(engine) as conn:
        cycles = CycleRepository(conn)
        stored = cycles.get("cy-1")
        assert stored == replace(cycle, summary={**cycle.summary, "planned_spend_try": "199.99"})
        assert cycles.decisions("cy-1") == made
        assert [c.cycle_id for c in cycles.latest(5)] == ["cy-1"]


def test_decisions_need_their_cycle(engine: Engine) -> None:
    values = {"cycle_id": "nope", "layer": "x", "action": "y", "reason_code": "z"}
    with pytest.raises(IntegrityError), unit_of_work(engine) as conn:
        conn.execute(decisions.insert().values(values))


def test_kill_switch_and_sticky_freeze(engine: Engine) -> None:
    with unit_of_work(engine) as conn:
        ops = OpState(conn)
        assert ops.get(ACCOUNT).kill_switch is False
        ops.set_kill_switch(ACCOUNT, active=True, source="operator", reason="maint", now_ms=5)
        ops.set_freeze(ACCOUNT, reason="external order without client id", now_ms=6)
        ops.set_freeze(ACCOUNT, reason="again", now_ms=7)
        status = ops.get(ACCOUNT)
        assert (status.kill_switch, status.kill_switch_source, status.kill_switch_since_ms) == (
            True,
            "operator",
            5,
        )
        assert (status.freeze_reason, status.freeze_since_ms) == (
            "external order without client id",
            6,
        )
        ops.clear_freeze(ACCOUNT, now_ms=8)
        assert ops.get(ACCOUNT).freeze_active is False
        assert ops.get("other").kill_switch is False


def test_degrade_override_expires(engine: Engine) -> None:
    with unit_of_work(engine) as conn:
        ops = OpState(conn)
        ops.set_degrade_override(
            ACCOUNT, mode="OBSERVE_ONLY", reason="incident", until_ms=100, now_ms=0
        )
        status = ops.get(ACCOUNT)
    assert status.degrade_override_at(99) == "OBSERVE_ONLY"
    assert status.degrade_override_at(100) is None


def test_consecutive_reconcile_failures_trip_the_kill_switch(engine: Engine) -> None:
    with unit_of_work(engine) as conn:
        ops = OpState(conn)
        first = ops.record_reconcile_failure(ACCOUNT, error="timeout", threshold=3, now_ms=1)
        ops.reset_reconcile_failures(ACCOUNT, now_ms=2)
        counts = [
            ops.record_reconcile_failure(ACCOUNT, error=f"e{i}", threshold=3, now_ms=3 + i)
            for i in range(3)
        ]
        status = ops.get(ACCOUNT)
    assert (first.failures, first.tripped) == (1, False)
    assert [(c.failures, c.tripped) for c in counts] == [(1, False), (2, False), (3, True)]
    assert status.kill_switch and status.kill_switch_source == "reconcile"
    assert status.kill_switch_reason == "3 consecutive reconciliation failures; last: e2"


def test_risk_state_is_one_json_document_per_account(engine: Engine) -> None:
    with unit_of_work(engine) as conn:
        risk = RiskStateRepository(conn)
        assert risk.get(ACCOUNT) is None
        risk.put(ACCOUNT, {"mode": "NORMAL", "peak": Decimal("1000.5")}, now_ms=1)
        risk.put(ACCOUNT, {"mode": "REDUCE_RISK_ONLY", "peak": Decimal("1000.5")}, now_ms=2)
        assert risk.get(ACCOUNT) == {"mode": "REDUCE_RISK_ONLY", "peak": "1000.5"}


def test_params_versions_increment_and_find_checkpoints(engine: Engine) -> None:
    with unit_of_work(engine) as conn:
        params = ParamsRepository(conn)
        assert params.latest(7) is None
        params.append(7, {"order_offset_bps": 5}, reason="initial", checkpoint=True, now_ms=1)
        second = params.append(7, {"order_offset_bps": 4}, reason="reject_spike", now_ms=2)
        assert second.version == 2
        assert params.latest(7) == second
        checkpoint = params.latest(7, checkpoint_only=True)
    assert checkpoint is not None and checkpoint.params == {"order_offset_bps": 5}


def test_the_longest_postgresql_account_key_keeps_its_ledger_baseline(engine: Engine) -> None:
    """ACCOUNT_KEY is at most MAX_PG_ACCOUNT_KEY long with PostgreSQL: its baseline fits."""
    key = baseline_key("k" * MAX_PG_ACCOUNT_KEY)
    with unit_of_work(engine) as conn:
        RiskStateRepository(conn).put(key, {"TRY": "1"}, now_ms=1)
    with engine.connect() as conn:
        assert RiskStateRepository(conn).get(key) == {"TRY": "1"}
