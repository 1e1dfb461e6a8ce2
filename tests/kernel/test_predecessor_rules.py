"""The predecessor's protections, driven through the whole kernel with its thresholds."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from btcbot.config.params import (
    DegradeParams,
    Profile3Params,
    Profile4Params,
    Profile7Params,
    RiskLimits,
)
from btcbot.decision.modes import Mode
from btcbot.decision.risk_state import RiskState
from btcbot.kernel.builtin import builtin_profile
from btcbot.kernel.kernel import PlanningKernel
from tests.kernel.factories import BTC, ETH, NOW, PRICES, SOL, balance, d, market, snapshot

KERNEL = PlanningKernel()
P4 = Profile4Params()
LIMITS = RiskLimits(max_orders_per_cycle=5, notional_cap_per_cycle=d(10_000))


def codes(plan):
    return [(x.symbol, x.reason_code) for x in plan.decisions]


def test_pnl_divergence_error_drives_level_three():
    plan = KERNEL.plan(snapshot(pnl_divergence=d(200)), builtin_profile(P4))
    assert plan.next_risk_state.degrade_level == 3 and plan.mode is Mode.OBSERVE_ONLY
    assert "PNL_DIVERGENCE" in plan.next_risk_state.anomalies
    warned = KERNEL.plan(snapshot(pnl_divergence=d(-60)), builtin_profile(P4))
    assert warned.next_risk_state.degrade_level == 0  # one warning is below the threshold
    assert warned.next_risk_state.warn_history == (1,)


def test_latency_and_clock_skew_are_reported_but_not_counted_by_default():
    state = RiskState(warn_history=(1, 1))
    snap = snapshot(risk_state=state, previous_cycle_ms=2500, clock_offset_ms=31_000)
    plan = KERNEL.plan(snap, builtin_profile(P4))
    assert {"EXCHANGE_LATENCY_SPIKE", "CLOCK_SKEW"} <= set(plan.next_risk_state.anomalies)
    assert plan.next_risk_state.degrade_level == 0
    counted = replace(P4, degrade=DegradeParams(warn_codes=("EXCHANGE_LATENCY_SPIKE",)))
    assert KERNEL.plan(snap, builtin_profile(counted)).next_risk_state.degrade_level == 1


def test_cursor_stall_is_counted_in_live_runs_only():
    state = RiskState(fills_cursor={BTC: 7}, cursor_stall={BTC: 4})
    live = KERNEL.plan(snapshot(risk_state=state, fills_cursor={BTC: 7}), builtin_profile(P4))
    assert live.next_risk_state.cursor_stall == {BTC: 5}
    assert (BTC, "CURSOR_STALL") in codes(live)
    dry = KERNEL.plan(snapshot(risk_state=state), builtin_profile(P4))
    assert dry.next_risk_state.cursor_stall == {} and (BTC, "CURSOR_STALL") not in codes(dry)


def _three_symbols():
    prices = {**PRICES, SOL: (d(5000), d("5002.5"))}
    return snapshot(**market(prices), balances={"TRY": balance("TRY", "5000")})


def test_default_reduced_levels_block_every_buy():
    state = RiskState(degrade_level=1, degrade_cooldown_until_ms=NOW + 1)
    plan = KERNEL.plan(
        replace(_three_symbols(), risk_state=state), builtin_profile(replace(P4, limits=LIMITS))
    )
    assert plan.mode is Mode.REDUCE_RISK_ONLY and plan.submits == ()


def test_reduced_levels_buy_shrinks_and_caps_the_universe():
    shrinking = replace(P4, limits=LIMITS, degrade=DegradeParams(reduced_levels_buy=True))
    calm = KERNEL.plan(_three_symbols(), builtin_profile(shrinking))
    full = {s.request.symbol: s.request.quantity for s in calm.submits}
    assert set(full) == {BTC, ETH, SOL}
    level1 = RiskState(degrade_level=1, degrade_cooldown_until_ms=NOW + 1)
    plan = KERNEL.plan(replace(_three_symbols(), risk_state=level1), builtin_profile(shrinking))
    assert plan.mode is Mode.NORMAL
    half = {s.request.symbol: s.request.quantity for s in plan.submits}
    assert set(half) == {BTC, ETH, SOL}  # cap 8 keeps all three
    for symbol, quantity in half.items():
        assert abs(quantity - full[symbol] / 2) <= Decimal("0.00000001"), symbol
    capped = replace(
        shrinking,
        degrade=DegradeParams(
            reduced_levels_buy=True,
            levels=(
                *DegradeParams().levels[:1],
                replace(DegradeParams().levels[1], universe_cap=2),
                *DegradeParams().levels[2:],
            ),
        ),
    )
    plan = KERNEL.plan(replace(_three_symbols(), risk_state=level1), builtin_profile(capped))
    assert {s.request.symbol for s in plan.submits} == {BTC, ETH}  # first two in pair order
    assert (SOL, "degrade_universe_cap") in codes(plan)


def test_level_two_quarter_size():
    shrinking = replace(P4, limits=LIMITS, degrade=DegradeParams(reduced_levels_buy=True))
    full = {
        s.request.symbol: s.request.quantity
        for s in KERNEL.plan(_three_symbols(), builtin_profile(shrinking)).submits
    }
    level2 = RiskState(degrade_level=2, degrade_cooldown_until_ms=NOW + 1)
    plan = KERNEL.plan(replace(_three_symbols(), risk_state=level2), builtin_profile(shrinking))
    for s in plan.submits:
        assert abs(s.request.quantity - full[s.request.symbol] / 4) <= Decimal("0.00000001")


def test_reject_cooldown_blocks_submits_in_every_profile_until_it_ends():
    state = RiskState(symbol_cooldown_until_ms={BTC: NOW + 1})
    for params in (Profile3Params(), P4):
        plan = KERNEL.plan(snapshot(risk_state=state), builtin_profile(params))
        assert {s.request.symbol for s in plan.submits} == {ETH}
        assert (BTC, "SYMBOL_ON_COOLDOWN_1123") in codes(plan)
    ended = RiskState(symbol_cooldown_until_ms={BTC: NOW})
    plan = KERNEL.plan(snapshot(risk_state=ended), builtin_profile(Profile3Params()))
    assert BTC in {s.request.symbol for s in plan.submits}
    off = replace(Profile3Params(), reject_cooldown=replace(P4.reject_cooldown, enabled=False))
    assert BTC in {
        s.request.symbol
        for s in KERNEL.plan(snapshot(risk_state=state), builtin_profile(off)).submits
    }


def test_degrade_override_makes_the_mode_worse_never_better():
    plan = KERNEL.plan(
        snapshot(mode_override=Mode.REDUCE_RISK_ONLY), builtin_profile(Profile3Params())
    )
    assert plan.mode is Mode.REDUCE_RISK_ONLY and plan.submits == ()
    assert (None, "degrade_override") in codes(plan)
    kill = KERNEL.plan(
        snapshot(mode_override=Mode.NORMAL, kill_switch=True), builtin_profile(Profile3Params())
    )
    assert kill.mode is Mode.OBSERVE_ONLY


def test_profile7_keeps_its_universe_while_degraded():
    first = KERNEL.plan(snapshot(), builtin_profile(Profile7Params()))
    assert first.next_risk_state.universe == (BTC, ETH)
    previous = replace(first.next_risk_state, universe=(BTC,), mode=Mode.REDUCE_RISK_ONLY)
    plan = KERNEL.plan(snapshot(risk_state=previous), builtin_profile(Profile7Params()))
    assert plan.portfolio is not None and plan.portfolio.universe == (BTC,)
    assert (None, "universe_frozen") in codes(plan)
    calm = replace(previous, mode=Mode.NORMAL)
    plan = KERNEL.plan(snapshot(risk_state=calm), builtin_profile(Profile7Params()))
    assert plan.portfolio is not None and plan.portfolio.universe == (BTC, ETH)
    assert (ETH, "universe_added") in codes(plan)
