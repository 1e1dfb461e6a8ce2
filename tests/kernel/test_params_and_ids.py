from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest

from btcbot.config.params import (
    LifecycleParams,
    Profile3Params,
    Profile4Params,
    Profile7Params,
    ProfitAwareParams,
    RiskLimits,
)
from btcbot.decision.modes import Mode
from btcbot.decision.plan import Plan
from btcbot.decision.risk_state import RiskState
from btcbot.decision.snapshot import Snapshot
from btcbot.domain import Side, Symbol
from btcbot.kernel.client_ids import client_order_id, cycle_tag


def test_predecessor_defaults():
    p3 = Profile3Params()
    assert (p3.limits.max_orders_per_cycle, p3.limits.cooldown_seconds) == (2, 60)
    assert p3.limits.notional_cap_per_cycle == 1000 and p3.limits.max_position_per_symbol == 5000
    assert p3.limits.cash_reserve == 300 and p3.strategy.take_profit_bps == 30
    assert p3.strategy.sell_fraction == Decimal("0.25") and p3.lifecycle.drift_bps is None
    p4 = Profile4Params()
    assert p4.strategy.take_profit_bps == 55 and p4.lifecycle.drift_bps == 25
    assert p4.stops.max_drawdown_bps == 1000 and p4.degrade.policy(3).cooldown_seconds == 1800
    p7 = Profile7Params()
    assert p7.limits.max_position_per_symbol == 8000 and p7.budget.max_drawdown_bps == 2500
    assert p7.universe.size == 20 and p7.portfolio.order_offset_bps == 5


def test_params_are_frozen_and_validated():
    with pytest.raises(dataclasses.FrozenInstanceError):
        Profile3Params().stage = 4  # type: ignore[misc]
    with pytest.raises(ValueError, match="sell_fraction"):
        ProfitAwareParams(sell_fraction=Decimal(0))
    with pytest.raises(ValueError, match="ttl"):
        LifecycleParams(ttl_seconds=0)
    with pytest.raises(ValueError, match="max_data_age_ms"):
        RiskLimits(max_data_age_ms=0)


def test_profiles_do_not_share_sections_they_do_not_use():
    assert not hasattr(Profile3Params(), "universe")
    assert not hasattr(Profile3Params(), "degrade")
    assert not hasattr(Profile7Params(), "strategy")


def test_client_order_id_fits_and_is_clean_even_for_long_pairs():
    long = Symbol("A" * 16, "B" * 16)
    cid = client_order_id(cycle_tag("x" * 200), long, Side.SELL, 123)
    assert len(cid) == 50 and cid.endswith("-s123") and cid.replace("-", "").isalnum()
    assert cycle_tag("c") == cycle_tag("c") != cycle_tag("d")


def test_snapshot_is_immutable_copy():
    books: dict = {}
    snap = Snapshot(cycle_id="c", now_ms=0, books=books)
    books[Symbol("BTC", "TRY")] = object()
    assert len(snap.books) == 0
    with pytest.raises(TypeError):
        snap.books[Symbol("BTC", "TRY")] = None  # type: ignore[index]
    with pytest.raises(ValueError, match="cycle_id"):
        Snapshot(cycle_id="", now_ms=0)


def test_fingerprint_is_canonical():
    plan = Plan((), (), (), Mode.NORMAL, RiskState())
    assert plan.fingerprint() == Plan((), (), (), Mode.NORMAL, RiskState()).fingerprint()
    other = Plan((), (), (), Mode.OBSERVE_ONLY, RiskState())
    assert plan.fingerprint() != other.fingerprint()
