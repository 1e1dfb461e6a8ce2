"""Protective stops planned by the real kernel: placed, kept, yielded to a take-profit, resized,
cancelled when flat or switched off, and what every mode lets through."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from btcbot.config.params import (
    Profile3Params,
    Profile4Params,
    Profile7Params,
    ProfileParams,
    ProtectiveStopParams,
)
from btcbot.decision.modes import Mode
from btcbot.decision.plan import Action, Layer, Plan
from btcbot.decision.risk_state import RiskState
from btcbot.decision.snapshot import OpenOrder, Snapshot
from btcbot.domain import OrderMethod, OrderStatus, Side
from btcbot.domain.reasons import explain
from btcbot.kernel.builtin import builtin_profile
from btcbot.kernel.kernel import PlanningKernel
from tests.kernel.factories import (
    BTC,
    ETH,
    NOW,
    PRICES,
    balance,
    market,
    open_order,
    position,
    snapshot,
)

KERNEL = PlanningKernel()
ON = ProtectiveStopParams(bps=Decimal(200))
P3 = Profile3Params(protective_stop=ON)
HOLDING = "2000000"  # average cost at the bid: no take-profit (threshold 30 bps above)
IN_PROFIT = "1990000"  # bid 2000000 is 50 bps above: the strategy takes profit


def holding(qty: str = "0.001", cost: str = HOLDING, **overrides: object) -> Snapshot:
    fields: dict[str, object] = {
        **market({BTC: PRICES[BTC]}),  # BTC only: no entry on another symbol in these plans
        "positions": {BTC: position(BTC, qty, cost)},
        "balances": {"TRY": balance("TRY", "1000"), "BTC": balance("BTC", qty)},
    }
    fields.update(overrides)
    return snapshot(**fields)


def our_stop(
    qty: str = "0.001",
    stop: str = "1960000",
    status: OrderStatus = OrderStatus.OPEN,
    exchange_id: int | None = 77,
) -> OpenOrder:
    order = open_order(BTC, Side.SELL, stop, qty, cid="k0-BTCTRY-p", status=status)
    return replace(order, stop_price=Decimal(stop), exchange_order_id=exchange_id)


def covered(qty: str = "0.001", stop: OpenOrder | None = None, **overrides: object) -> Snapshot:
    """The position with our stop resting on the exchange (its inventory locked there)."""
    stop = stop or our_stop(qty)
    balances = {"TRY": balance("TRY", "1000"), "BTC": balance("BTC", "0", stop.remaining)}
    return holding(qty, balances=balances, open_orders=(stop,), **overrides)


def stop_decisions(plan: Plan) -> list[tuple[Action, str]]:
    return [(d.action, d.reason_code) for d in plan.decisions if d.layer is Layer.PROTECTIVE_STOP]


def stops_in(plan: Plan) -> list[tuple[Decimal, Decimal | None]]:
    return [(s.request.quantity, s.request.stop_price) for s in plan.submits if s.request.is_stop]


@pytest.mark.parametrize("params", [Profile3Params(), Profile4Params(), Profile7Params()])
def test_off_by_default_nothing_is_planned(params: ProfileParams) -> None:
    plan = KERNEL.plan(holding(), builtin_profile(params))
    assert stops_in(plan) == [] and stop_decisions(plan) == []
    assert params.protective_stop.bps is None


@pytest.mark.parametrize(
    "params", [P3, Profile4Params(protective_stop=ON), Profile7Params(protective_stop=ON)]
)
def test_a_position_gets_a_stop_market_sell_below_its_average_cost(params: ProfileParams) -> None:
    plan = KERNEL.plan(holding(), builtin_profile(params))
    (stop,) = [s for s in plan.submits if s.request.is_stop]
    request = stop.request
    assert (request.method, request.side, request.symbol) == (
        OrderMethod.STOP_MARKET,
        Side.SELL,
        BTC,
    )
    # the position not committed to a strategy sell of this plan (profile 7 rebalances)
    selling = sum(
        s.request.quantity
        for s in plan.submits
        if s.request.side is Side.SELL and s.request.symbol == BTC and not s.request.is_stop
    )
    assert request.quantity == Decimal("0.001") - selling > 0
    assert request.stop_price == Decimal("1960000.00")
    assert stop.reason == "protective_stop" and request.client_order_id.endswith("-BTCTRY-p")
    assert (Action.SUBMIT, "protective_stop") in stop_decisions(plan)


def test_a_stop_of_the_right_size_stays_and_blocks_nothing() -> None:
    plan = KERNEL.plan(covered(), builtin_profile(P3))
    assert plan.submits == () and plan.cancels == ()
    assert stop_decisions(plan) == [(Action.HOLD, "protective_stop_in_place")]


def test_a_take_profit_waits_for_the_stop_to_yield_then_both_go() -> None:
    # cycle 1: the whole position is locked by our stop; the take-profit needs a quarter of it
    first = KERNEL.plan(covered(cost=IN_PROFIT), builtin_profile(P3))
    assert [s.request.is_stop for s in first.submits] == []  # the sell waits
    assert [(c.client_order_id, c.reason) for c in first.cancels] == [
        ("k0-BTCTRY-p", "protective_stop_yield")
    ]
    assert (Action.BLOCK, "protective_stop_yield") in stop_decisions(first)
    # the cycle after: the cancel is proven, the stop is gone, the inventory is free
    second = KERNEL.plan(holding(cost=IN_PROFIT, cycle_id="cycle-2"), builtin_profile(P3))
    sells = [(s.request.method, s.request.quantity, s.reason) for s in second.submits]
    assert sells == [
        (OrderMethod.LIMIT, Decimal("0.00025"), "take_profit"),
        (OrderMethod.STOP_MARKET, Decimal("0.00075"), "protective_stop"),
    ]


def test_a_resting_take_profit_leaves_the_stop_the_rest() -> None:
    take_profit = open_order(BTC, Side.SELL, "2010000", "0.00025", cid="tp", exchange_id=5)
    stop = our_stop("0.00075")
    balances = {"TRY": balance("TRY", "1000"), "BTC": balance("BTC", "0", "0.001")}
    snap = holding(balances=balances, open_orders=(take_profit, stop))
    plan = KERNEL.plan(snap, builtin_profile(P3))
    assert plan.submits == () and plan.cancels == ()
    assert stop_decisions(plan) == [(Action.HOLD, "protective_stop_in_place")]


def test_a_grown_position_resizes_the_stop_after_its_cancel_is_proven() -> None:
    snap = covered("0.001", positions={BTC: position(BTC, "0.002", HOLDING)})
    snap = replace(
        snap, balances={"TRY": balance("TRY", "1000"), "BTC": balance("BTC", "0.001", "0.001")}
    )
    plan = KERNEL.plan(snap, builtin_profile(P3))
    assert stops_in(plan) == []  # never two stops: the new one waits for the cancel's proof
    assert [c.reason for c in plan.cancels] == ["protective_stop_resize"]
    proven = holding("0.002", cycle_id="cycle-2")
    assert stops_in(KERNEL.plan(proven, builtin_profile(P3))) == [
        (Decimal("0.002"), Decimal("1960000.00"))
    ]


@pytest.mark.parametrize(
    "status", [OrderStatus.PENDING_SUBMIT, OrderStatus.IN_FLIGHT, OrderStatus.PENDING_CANCEL]
)
def test_an_unsettled_stop_holds_everything(status: OrderStatus) -> None:
    exchange_id = None if status is not OrderStatus.PENDING_CANCEL else 77
    stop = our_stop(status=status, exchange_id=exchange_id)
    plan = KERNEL.plan(holding(open_orders=(stop,)), builtin_profile(P3))
    assert stops_in(plan) == [] and plan.cancels == ()
    assert stop_decisions(plan) == [(Action.HOLD, "protective_stop_pending")]


def test_a_stop_without_a_position_is_cancelled() -> None:
    snap = covered(positions={})
    plan = KERNEL.plan(snap, builtin_profile(P3))
    assert [c.reason for c in plan.cancels] == ["protective_stop_flat"]
    assert stops_in(plan) == []


def test_switched_off_our_stops_are_cancelled() -> None:
    plan = KERNEL.plan(covered(), builtin_profile(Profile3Params()))
    assert [c.reason for c in plan.cancels] == ["protective_stop_off"]
    assert stops_in(plan) == []


def test_under_water_the_stop_goes_below_the_bid() -> None:
    plan = KERNEL.plan(holding(cost="2100000"), builtin_profile(P3))
    assert stops_in(plan) == [(Decimal("0.001"), Decimal("1960000.00"))]  # 2 % under the bid
    assert (Action.CAP, "protective_stop_below_bid") in stop_decisions(plan)


def test_a_stop_the_exchange_would_refuse_is_not_sent() -> None:
    plan = KERNEL.plan(
        holding(qty="0.000001"), builtin_profile(P3)
    )  # 1.96 TRY: below the 10 TRY minimum
    assert stops_in(plan) == []
    assert any(d.reason_code == "FAILED_MIN_TOTAL_AMOUNT" for d in plan.decisions)


def test_stale_data_places_no_stop() -> None:
    plan = KERNEL.plan(holding(data_age_ms={BTC: 60_000}), builtin_profile(P3))
    assert stops_in(plan) == [] and (Action.SKIP, "stale_market_data") in stop_decisions(plan)


def test_reduce_risk_only_places_protective_stops() -> None:
    state = RiskState(degrade_level=1, degrade_cooldown_until_ms=NOW + 1)
    plan = KERNEL.plan(
        holding(risk_state=state), builtin_profile(Profile4Params(protective_stop=ON))
    )
    assert plan.mode is Mode.REDUCE_RISK_ONLY
    assert stops_in(plan) == [(Decimal("0.001"), Decimal("1960000.00"))]


def test_observe_only_sends_nothing_new_and_keeps_some_cover() -> None:
    missing = KERNEL.plan(holding(kill_switch=True), builtin_profile(P3))
    assert missing.mode is Mode.OBSERVE_ONLY and missing.submits == ()
    assert (Action.BLOCK, "mode_observe_only") in stop_decisions(missing)
    grown = replace(
        covered(kill_switch=True, positions={BTC: position(BTC, "0.002", HOLDING)}),
        balances={"TRY": balance("TRY", "1000"), "BTC": balance("BTC", "0.001", "0.001")},
    )
    kept = KERNEL.plan(grown, builtin_profile(P3))  # too small now, but the only cover there is
    assert kept.cancels == () and kept.submits == ()
    assert stop_decisions(kept) == [(Action.HOLD, "mode_observe_only")]
    assert [
        c.reason
        for c in KERNEL.plan(replace(grown, kill_switch=False), builtin_profile(P3)).cancels
    ] == ["protective_stop_resize"]
    shrunk = covered(kill_switch=True, positions={BTC: position(BTC, "0.0005", HOLDING)})
    over = KERNEL.plan(
        shrunk, builtin_profile(P3)
    )  # covers more than the position: it could sell other coins
    assert [c.reason for c in over.cancels] == ["protective_stop_resize"]


def test_safe_mode_freezes_stops_too() -> None:
    plan = KERNEL.plan(covered(safe_mode=True, positions={}), builtin_profile(P3))
    assert plan.cancels == () and plan.submits == () and stop_decisions(plan) == []


def test_stops_do_not_count_against_the_open_orders_limit() -> None:
    """A resting stop does not block its symbol's take-profit (which makes it yield) nor
    another symbol's entry; and the same snapshot plans the same (pure)."""
    snap = replace(covered(cost=IN_PROFIT), **market())
    plan = KERNEL.plan(snap, builtin_profile(P3))
    codes = [d.reason_code for d in plan.decisions]
    assert "RISK_BLOCK_MAX_OPEN_ORDERS" not in codes and "protective_stop_yield" in codes
    assert [(s.request.symbol, s.reason) for s in plan.submits] == [(ETH, "conservative_entry")]
    assert KERNEL.plan(snap, builtin_profile(P3)).fingerprint() == plan.fingerprint()


def test_every_reason_the_planner_gives_is_registered() -> None:
    scenarios = [
        KERNEL.plan(holding(), builtin_profile(P3)),
        KERNEL.plan(covered(), builtin_profile(P3)),
        KERNEL.plan(covered(cost=IN_PROFIT), builtin_profile(P3)),
        KERNEL.plan(covered(positions={}), builtin_profile(P3)),
        KERNEL.plan(covered(), builtin_profile(Profile3Params())),
        KERNEL.plan(holding(cost="2100000"), builtin_profile(P3)),
        KERNEL.plan(
            holding(open_orders=(our_stop(status=OrderStatus.IN_FLIGHT),)), builtin_profile(P3)
        ),
        KERNEL.plan(holding("0.000001"), builtin_profile(P3)),
    ]
    codes = {d.reason_code for plan in scenarios for d in plan.decisions}
    assert {"protective_stop", "protective_stop_yield", "protective_stop_flat"} <= codes
    assert [code for code in sorted(codes) if explain(code) is None] == []


def test_a_stop_has_no_ttl_and_no_drift() -> None:
    old = replace(our_stop(), created_ms=NOW - 10 * 3_600_000)  # far past TTL, far from mid
    plan = KERNEL.plan(covered(stop=old), builtin_profile(Profile4Params(protective_stop=ON)))
    assert plan.cancels == ()
    assert stop_decisions(plan) == [(Action.HOLD, "protective_stop_in_place")]
