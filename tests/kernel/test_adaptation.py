from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from btcbot.config.params import PortfolioParams, Profile7Params, RiskLimits
from btcbot.kernel.adaptation import CycleMetrics, adapt

BASE = Profile7Params()
CALM = [CycleMetrics()] * 5


def fields(result):
    return [c.field for c in result.changes]


def test_too_short_window_changes_nothing():
    result = adapt(CALM[:4], BASE, None)
    assert result.params is BASE and result.changes == ()


def test_healthy_window_expands_turnover_and_bumps_version():
    result = adapt(CALM, BASE, None)
    assert fields(result) == ["limits.notional_cap_per_cycle"]
    assert result.params.limits.notional_cap_per_cycle == Decimal(1100)
    assert result.params.params_version == 1


def test_problems_propose_bounded_changes_max_three():
    window = [CycleMetrics(rejects=3, throttled=1, missing_marks=1, drawdown_bps=Decimal(1300))] * 5
    result = adapt(window, BASE, None)
    assert len(result.changes) == 3
    assert fields(result) == [
        "portfolio.order_offset_bps",
        "limits.max_orders_per_cycle",
        "limits.notional_cap_per_cycle",
    ]
    assert result.params.universe.min_quote_volume == BASE.universe.min_quote_volume


def test_changes_are_clamped_and_a_clamp_at_the_bound_is_no_change():
    at_bounds = replace(
        BASE,
        limits=replace(BASE.limits, max_orders_per_cycle=1),
        portfolio=PortfolioParams(order_offset_bps=Decimal(50)),
    )
    window = [CycleMetrics(rejects=3, throttled=1)] * 5
    result = adapt(window, at_bounds, None)
    assert result.changes == () and result.params is at_bounds


def test_rollback_restores_checkpoint_with_new_version():
    checkpoint = replace(BASE, limits=RiskLimits(notional_cap_per_cycle=Decimal(700)))
    current = replace(BASE, params_version=7)
    window = [*CALM[:4], CycleMetrics(drawdown_bps=Decimal(2500))]
    result = adapt(window, current, checkpoint)
    assert result.rolled_back and result.params.params_version == 8
    assert result.params.limits.notional_cap_per_cycle == Decimal(700)
    assert [c.reason for c in result.changes] == ["rollback"]


def test_rollback_threshold_just_below():
    window = [*CALM[:4], CycleMetrics(drawdown_bps=Decimal(2499))]
    result = adapt(window, BASE, BASE)
    assert not result.rolled_back
