"""Every TRY cap holds in TRY on a pair quoted in another currency (BTC_USDT), through a fresh
USDT_TRY rate; without one the pair gets no new risk, with its own reason code."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from btcbot.config.params import (
    Profile3Params,
    Profile4Params,
    Profile7Params,
    ProfileParams,
    RiskLimits,
    UniverseParams,
)
from btcbot.decision.account import AccountView
from btcbot.decision.market import MarketView
from btcbot.decision.plan import Plan
from btcbot.decision.risk_state import RiskState
from btcbot.decision.snapshot import Snapshot
from btcbot.domain import OrderStatus, Side, Symbol
from btcbot.kernel.builtin import builtin_profile
from btcbot.kernel.kernel import PlanningKernel
from tests.kernel.factories import NOW, balance, book, d, open_order, position, rules_for, ticker

BTC_USDT = Symbol("BTC", "USDT")
USDT_TRY = Symbol("USDT", "TRY")
RATE = d(40)  # USDT_TRY mid
KERNEL = PlanningKernel()


def usdt_snapshot(*, rate_age_ms: int | None = 1_000, with_rate: bool = True, **kw) -> Snapshot:
    ages = {BTC_USDT: 1_000}
    conversion = {}
    if with_rate:
        conversion[USDT_TRY] = book(USDT_TRY, RATE - 1, RATE + 1)
        if rate_age_ms is not None:
            ages[USDT_TRY] = rate_age_ms
    fields = {
        "cycle_id": "c1",
        "now_ms": NOW,
        "books": {BTC_USDT: book(BTC_USDT, "50000", "50010")},
        "conversion_books": conversion,
        "tickers": {BTC_USDT: ticker(BTC_USDT, d(50000), d(50010))},
        "rules": {BTC_USDT: rules_for(BTC_USDT, min_value="1")},
        "data_age_ms": ages,
        "balances": {"TRY": balance("TRY", "100000"), "USDT": balance("USDT", "5000")},
    }
    fields.update(kw)
    return Snapshot(**fields)


def try_value(plan: Plan) -> list[Decimal]:
    values = []
    for submit in plan.submits:
        request = submit.request
        assert request.price is not None
        values.append(request.price * request.quantity * RATE)
    return values


def codes(plan: Plan) -> set[str]:
    return {x.reason_code for x in plan.decisions}


@pytest.mark.parametrize("params", [Profile3Params(), Profile4Params()])
def test_entry_budget_is_spent_in_try_not_in_usdt(params: ProfileParams) -> None:
    plan = KERNEL.plan(usdt_snapshot(), builtin_profile(params))
    values = try_value(plan)
    assert len(values) == 1 and plan.submits[0].request.side is Side.BUY
    assert d(90) < values[0] <= d(100), values  # 100 TRY, not 100 USDT (= 4000 TRY)


def test_per_order_cap_and_cycle_cap_hold_in_try() -> None:
    limits = RiskLimits(max_notional_per_order=d(60))
    plan = KERNEL.plan(usdt_snapshot(), builtin_profile(replace(Profile3Params(), limits=limits)))
    assert [v <= d(60) for v in try_value(plan)] == [True]
    assert "RISK_CAP_MAX_NOTIONAL_PER_ORDER" in codes(plan)
    tight = RiskLimits(notional_cap_per_cycle=d(50))
    blocked = KERNEL.plan(usdt_snapshot(), builtin_profile(replace(Profile3Params(), limits=tight)))
    assert blocked.submits == () and "notional_cap" in codes(blocked)


def test_position_cap_counts_open_usdt_exposure_in_try() -> None:
    limits = RiskLimits(max_position_per_symbol=d(250), max_open_orders_per_symbol=2)
    snap = usdt_snapshot(open_orders=(open_order(BTC_USDT, price="50000", qty="0.0001"),))
    capped = KERNEL.plan(snap, builtin_profile(replace(Profile3Params(), limits=limits)))
    # the open buy of 0.0001 BTC is 5 USDT = 200 TRY of the 250 TRY cap: at most 50 TRY more
    assert [v <= d(50) for v in try_value(capped)] == [True]
    assert "RISK_CAP_POSITION" in codes(capped)


def test_min_order_notional_is_compared_in_try() -> None:
    limits = RiskLimits(min_order_notional=d(150))  # the 100 TRY entry is below it
    plan = KERNEL.plan(usdt_snapshot(), builtin_profile(replace(Profile3Params(), limits=limits)))
    assert plan.submits == () and "min_notional" in codes(plan)


def test_cash_reserve_is_a_try_amount_on_the_usdt_balance() -> None:
    poor = {"TRY": balance("TRY", "100000"), "USDT": balance("USDT", "10")}  # 400 TRY
    limits = RiskLimits(cash_target=d(350))  # leaves 50 TRY of USDT to spend
    plan = KERNEL.plan(
        usdt_snapshot(balances=poor), builtin_profile(replace(Profile3Params(), limits=limits))
    )
    assert [v <= d(50) for v in try_value(plan)] == [True]
    broke = {"TRY": balance("TRY", "100000"), "USDT": balance("USDT", "5")}  # 200 TRY
    none = KERNEL.plan(
        usdt_snapshot(balances=broke), builtin_profile(replace(Profile3Params(), limits=limits))
    )
    assert none.submits == () and "no_investable_cash" in codes(none)


@pytest.mark.parametrize(
    ("kwargs", "code"),
    [
        ({"with_rate": False}, "quote_rate_unavailable"),
        ({"rate_age_ms": 15_001}, "quote_rate_stale"),
        ({"rate_age_ms": None}, "quote_rate_stale"),
    ],
)
@pytest.mark.parametrize("params", [Profile3Params(), Profile4Params()])
def test_no_fresh_rate_means_no_new_risk_but_cancels_go_on(
    kwargs: dict[str, object], code: str, params: ProfileParams
) -> None:
    stale_order = open_order(BTC_USDT, price="50000", created_ms=NOW - 200_000)
    snap = usdt_snapshot(open_orders=(stale_order,), **kwargs)  # type: ignore[arg-type]
    plan = KERNEL.plan(snap, builtin_profile(params))
    assert plan.submits == ()
    assert code in codes(plan)
    assert [c.client_order_id for c in plan.cancels] == ["old-1"]


def test_take_profit_on_a_pair_without_rate_is_held_too() -> None:
    held = {BTC_USDT: position(BTC_USDT, "0.001", "40000")}
    snap = usdt_snapshot(with_rate=False, positions=held, balances={"BTC": balance("BTC", "0.001")})
    plan = KERNEL.plan(snap, builtin_profile(Profile3Params()))
    assert plan.submits == () and "quote_rate_unavailable" in codes(plan)
    sold = KERNEL.plan(
        replace(
            snap,
            conversion_books={USDT_TRY: book(USDT_TRY, "39", "41")},
            data_age_ms={BTC_USDT: 1_000, USDT_TRY: 1_000},
        ),
        builtin_profile(Profile3Params()),
    )
    assert [s.request.side for s in sold.submits] == [Side.SELL]


def test_equity_and_fees_are_valued_in_try() -> None:
    snap = usdt_snapshot(
        balances={
            "TRY": balance("TRY", "1000"),
            "USDT": balance("USDT", "10"),
            "BTC": balance("BTC", "0.001"),
        },
        positions={BTC_USDT: position(BTC_USDT, "0.001", "40000", fees="2")},
    )
    market = MarketView.of(snap, 15_000)
    marks = market.marks_by_base("TRY")
    assert marks["USDT"] == RATE and marks["BTC"] == d("50005") * RATE
    plan = KERNEL.plan(snap, builtin_profile(Profile4Params()))
    state = plan.next_risk_state
    assert state.peak_equity == d(1000) + 10 * RATE + d("0.001") * d("50005") * RATE
    fresh_day = KERNEL.plan(
        replace(snap, risk_state=RiskState()), builtin_profile(Profile4Params())
    )
    started = fresh_day.next_risk_state
    assert started.day_start_fees == 0  # the TRY fees; the USDT ones are kept in USDT
    assert started.day_start_fees_by_quote == {"USDT": d(2)}


def test_account_keeps_cash_per_quote_currency() -> None:
    snap = usdt_snapshot(
        balances={"TRY": balance("TRY", "1000"), "USDT": balance("USDT", "100")},
        open_orders=(
            open_order(BTC_USDT, price="50000", qty="0.001", status=OrderStatus.IN_FLIGHT),
        ),
    )
    view = AccountView.of(snap, d(300), {"TRY": d(1), "USDT": RATE})
    assert view.investable_in("TRY") == d(700)
    assert view.investable_in("USDT") == (d(100) - d(50)) * RATE - d(300)  # in-flight buy


def test_profile7_targets_and_turnover_are_in_try() -> None:
    params = Profile7Params(
        limits=RiskLimits(notional_cap_per_cycle=d(120), max_position_per_symbol=d(8000)),
        universe=UniverseParams(quote="USDT", size=1),
    )
    plan = KERNEL.plan(usdt_snapshot(), builtin_profile(params))
    values = try_value(plan)
    assert values and all(v <= d(120) for v in values), values
    stale = KERNEL.plan(usdt_snapshot(rate_age_ms=60_000), builtin_profile(params))
    assert stale.submits == () and "quote_rate_stale" in codes(stale)
