from __future__ import annotations

from dataclasses import replace

from btcbot.config.params import Profile3Params, Profile4Params, Profile7Params, RiskLimits
from btcbot.decision.modes import Mode
from btcbot.decision.risk_state import RiskState
from btcbot.domain import OrderStatus, Side
from btcbot.kernel.builtin import builtin_profile
from btcbot.kernel.kernel import PlanningKernel
from btcbot.risk.equity import DAY_MS
from tests.kernel.factories import BTC, ETH, NOW, balance, d, market, open_order, position, snapshot

KERNEL = PlanningKernel()
P3, P4, P7 = Profile3Params(), Profile4Params(), Profile7Params()
OLD = NOW - 120_000  # exactly at TTL


def reasons(plan):
    return {(x.layer.value, x.action.value, x.reason_code) for x in plan.decisions}


def test_profile3_enters_flat_symbols_with_allocated_budget():
    plan = KERNEL.plan(snapshot(), builtin_profile(P3))
    assert plan.mode is Mode.NORMAL
    assert [(s.request.symbol, s.request.side, s.reason) for s in plan.submits] == [
        (BTC, Side.BUY, "conservative_entry"),
        (ETH, Side.BUY, "conservative_entry"),
    ]
    for submit in plan.submits:
        assert KERNEL is not None and submit.request.price is not None
        assert submit.request.quantity * submit.request.price <= d(100)


def test_same_snapshot_gives_identical_plan_and_fingerprint():
    for params in (P3, P4, P7):
        a, b = (
            KERNEL.plan(snapshot(), builtin_profile(params)),
            KERNEL.plan(snapshot(), builtin_profile(params)),
        )
        assert a == b and a.fingerprint() == b.fingerprint()
    other = KERNEL.plan(snapshot(cycle_id="cycle-2"), builtin_profile(P3))
    assert other.fingerprint() != KERNEL.plan(snapshot(), builtin_profile(P3)).fingerprint()


def test_client_ids_are_deterministic_short_and_clean():
    ids = [s.request.client_order_id for s in KERNEL.plan(snapshot(), builtin_profile(P3)).submits]
    assert len(set(ids)) == 2
    assert all(len(i) <= 50 and i.replace("-", "").isalnum() for i in ids)


def test_kill_switch_blocks_new_risk_but_cancels_stale_orders():
    stale = open_order(created_ms=OLD)
    plan = KERNEL.plan(snapshot(kill_switch=True, open_orders=(stale,)), builtin_profile(P4))
    assert plan.mode is Mode.OBSERVE_ONLY and plan.submits == ()
    assert [(c.client_order_id, c.reason) for c in plan.cancels] == [("old-1", "ttl_expired")]
    assert ("kernel", "BLOCK", "kill_switch") in reasons(plan)


def test_safe_mode_freezes_submits_and_cancels():
    plan = KERNEL.plan(
        snapshot(safe_mode=True, open_orders=(open_order(created_ms=OLD),)), builtin_profile(P4)
    )
    assert plan.submits == () and plan.cancels == ()
    assert ("kernel", "BLOCK", "safe_mode") in reasons(plan)


def test_unknown_order_freeze_and_opt_out():
    frozen = KERNEL.plan(snapshot(unknown_order_count=1), builtin_profile(P3))
    assert frozen.submits == () and ("kernel", "BLOCK", "unknown_order_freeze") in reasons(frozen)
    free = KERNEL.plan(
        snapshot(unknown_order_count=1),
        builtin_profile(replace(P3, freeze_on_unknown_orders=False)),
    )
    assert len(free.submits) == 2


def test_an_order_of_ours_still_resolving_blocks_new_risk_without_calling_it_a_freeze():
    """A lost submit answer is ours to resolve (no operator step): it was reported as the
    unknown-order freeze, whose resolution (``freeze clear``) does nothing here."""
    waiting = KERNEL.plan(snapshot(unresolved_orders=1), builtin_profile(P3))
    assert waiting.submits == ()
    assert ("kernel", "BLOCK", "order_unresolved") in reasons(waiting)
    assert all(code != "unknown_order_freeze" for _, _, code in reasons(waiting))


def test_ttl_just_before_expiry_keeps_the_order():
    young = open_order(created_ms=OLD + 1, price="2000500")
    plan = KERNEL.plan(snapshot(open_orders=(young,)), builtin_profile(P3))
    assert plan.cancels == ()
    assert [s.request.symbol for s in plan.submits] == [ETH]  # BTC slot still taken


def test_profile3_cancels_stale_and_waits_for_confirmation():
    plan = KERNEL.plan(snapshot(open_orders=(open_order(created_ms=OLD),)), builtin_profile(P3))
    assert [c.reason for c in plan.cancels] == ["ttl_expired"]
    assert [s.request.symbol for s in plan.submits] == [ETH]
    assert ("lifecycle", "HOLD", "replace_awaits_cancel") in reasons(plan)


def test_profile4_cancels_stale_order_and_replaces_only_after_proof():
    """Cycle 1 only cancels; while the cancel is pending nothing new goes out on the symbol;
    once the order is gone (cancel proven) the next plan enters again."""
    plan = KERNEL.plan(snapshot(open_orders=(open_order(created_ms=OLD),)), builtin_profile(P4))
    assert [s.request.symbol for s in plan.submits] == [ETH]
    assert [(c.client_order_id, c.reason) for c in plan.cancels] == [("old-1", "ttl_expired")]
    assert ("lifecycle", "HOLD", "replace_awaits_cancel") in reasons(plan)
    pending = open_order(created_ms=OLD, status=OrderStatus.PENDING_CANCEL)
    waiting = KERNEL.plan(snapshot(open_orders=(pending,)), builtin_profile(P4))
    assert [s.request.symbol for s in waiting.submits] == [ETH]
    assert waiting.cancels == ()  # the OMS re-sends and proves pending cancels itself
    assert ("lifecycle", "HOLD", "replace_awaits_cancel") in reasons(waiting)
    proven = KERNEL.plan(snapshot(), builtin_profile(P4))
    assert [s.request.symbol for s in proven.submits] == [BTC, ETH]


def test_pending_cancel_and_in_flight_orders_count_against_open_order_limit():
    for status in (OrderStatus.PENDING_CANCEL, OrderStatus.IN_FLIGHT):
        busy = open_order(ETH, price="100025", created_ms=NOW, cid="eth-1", status=status)
        plan = KERNEL.plan(
            snapshot(open_orders=(busy,)),
            builtin_profile(replace(P4, freeze_on_unknown_orders=False)),
        )
        assert [s.request.symbol for s in plan.submits] == [BTC], status


def test_profile4_drift_uses_own_symbol_mid():
    drifted = open_order(ETH, price="99000", created_ms=NOW, cid="eth-1")
    plan = KERNEL.plan(snapshot(open_orders=(drifted,)), builtin_profile(P4))
    assert [(c.client_order_id, c.reason) for c in plan.cancels] == [("eth-1", "price_drift")]


def test_partial_fill_remainder_is_not_rebought():
    partial = open_order(
        price="2000500", qty="0.0001", filled="0.00005", status=OrderStatus.PARTIALLY_FILLED
    )
    snap = snapshot(
        open_orders=(partial,),
        positions={BTC: position(BTC, "0.00005", "2100000")},
        balances={"TRY": balance("TRY", "1000"), "BTC": balance("BTC", "0.00005")},
    )
    plan = KERNEL.plan(snap, builtin_profile(P4))
    assert all(s.request.symbol != BTC for s in plan.submits)


def test_reduce_mode_cancels_open_buys_and_only_sells():
    state = RiskState(degrade_level=1, degrade_cooldown_until_ms=NOW + 1)
    buy = open_order(ETH, price="100025", created_ms=NOW, cid="eth-buy")
    snap = snapshot(
        risk_state=state,
        open_orders=(buy,),
        positions={BTC: position(BTC, "0.001", "1000000")},
        balances={"TRY": balance("TRY", "1000"), "BTC": balance("BTC", "0.001")},
    )
    plan = KERNEL.plan(snap, builtin_profile(P4))
    assert plan.mode is Mode.REDUCE_RISK_ONLY
    assert [s.request.side for s in plan.submits] == [Side.SELL]
    assert [(c.client_order_id, c.reason) for c in plan.cancels] == [
        ("eth-buy", "mode_reduce_risk")
    ]


def test_profile4_exchange_errors_degrade_to_observe_only():
    plan = KERNEL.plan(snapshot(exchange_error_streak=3), builtin_profile(P4))
    assert plan.mode is Mode.OBSERVE_ONLY and plan.submits == ()
    assert plan.next_risk_state.degrade_level == 3
    assert plan.next_risk_state.degrade_cooldown_until_ms == NOW + 1_800_000


def test_profile4_daily_loss_stop():
    day = NOW // DAY_MS
    state = RiskState(day_key=day, day_start_equity=d(2000), peak_equity=d(2000))
    plan = KERNEL.plan(snapshot(risk_state=state), builtin_profile(P4))  # equity 1000: -1000
    assert plan.mode is Mode.OBSERVE_ONLY and ("risk_budget", "BLOCK", "max_daily_loss") in reasons(
        plan
    )
    state = RiskState(day_key=day, day_start_equity=d(1999), peak_equity=d(1100))
    assert KERNEL.plan(snapshot(risk_state=state), builtin_profile(P4)).mode is Mode.NORMAL


def test_profile4_remembers_mids_for_price_jumps():
    plan = KERNEL.plan(snapshot(), builtin_profile(P4))
    assert plan.next_risk_state.previous_mids[BTC] == d(2_000_500)


def test_stale_symbol_gets_no_intent_in_profile7():
    fields = market()
    fields["data_age_ms"] = {BTC: 1000, ETH: 20_000}
    plan = KERNEL.plan(snapshot(**fields), builtin_profile(P7))
    assert [s.request.symbol for s in plan.submits] == [BTC]
    assert ("kernel", "SKIP", "stale_market_data") in reasons(plan)


def test_profile7_reports_universe_and_weights():
    plan = KERNEL.plan(snapshot(), builtin_profile(replace(P7, params_version=4)))
    assert plan.portfolio is not None
    assert plan.portfolio.universe == (BTC, ETH)
    assert plan.portfolio.target_weights == ((BTC, d("0.5")), (ETH, d("0.5")))
    assert plan.portfolio.params_version == 4 and plan.next_risk_state.params_version == 4
    assert {s.reason for s in plan.submits} == {"rebalance_buy"}


def test_profile7_budget_cooldown_is_carried():
    plan = KERNEL.plan(snapshot(kill_switch=True), builtin_profile(P7))
    assert plan.mode is Mode.OBSERVE_ONLY
    held = KERNEL.plan(
        snapshot(now_ms=NOW + 1000, risk_state=plan.next_risk_state), builtin_profile(P7)
    )
    assert held.mode is Mode.OBSERVE_ONLY and held.submits == ()
    later = KERNEL.plan(
        snapshot(now_ms=NOW + 900_000, risk_state=plan.next_risk_state), builtin_profile(P7)
    )
    assert later.mode is Mode.NORMAL


def test_rules_check_failure_is_reported():
    fields = market()
    fields["rules"] = {
        s: replace(r, max_order_amount=d("0.000001")) for s, r in fields["rules"].items()
    }
    plan = KERNEL.plan(snapshot(**fields), builtin_profile(P3))
    assert plan.submits == ()
    assert ("rules", "BLOCK", "MAXIMUM_ORDER_AMOUNT_EXCEEDED") in reasons(plan)


def test_per_cycle_cap_applies_in_kernel():
    params = replace(P3, limits=RiskLimits(notional_cap_per_cycle=d(150)))
    plan = KERNEL.plan(snapshot(), builtin_profile(params))
    assert len(plan.submits) == 1 and ("risk_policy", "BLOCK", "notional_cap") in reasons(plan)


def test_stopped_entries_drop_every_buy_and_keep_sells_and_resting_orders():
    buy = open_order(ETH, price="100025", created_ms=NOW, cid="eth-buy")
    snap = snapshot(
        stop_entries=True,
        open_orders=(buy,),
        positions={BTC: position(BTC, "0.001", "1000000")},
        balances={"TRY": balance("TRY", "1000"), "BTC": balance("BTC", "0.001")},
    )
    plan = KERNEL.plan(snap, builtin_profile(P3))
    assert plan.mode is Mode.NORMAL  # not a risk mode: only entries stop
    assert [s.request.side for s in plan.submits] == [Side.SELL]
    assert plan.cancels == ()  # a resting buy stays (the operator's cancel-all removes it)
    assert ("mode_gate", "BLOCK", "stop_entries") in reasons(plan)
    entries = KERNEL.plan(snapshot(stop_entries=True), builtin_profile(P3))
    assert entries.submits == () and ("mode_gate", "BLOCK", "stop_entries") in reasons(entries)
    assert {s.request.side for s in KERNEL.plan(snapshot(), builtin_profile(P3)).submits} == {
        Side.BUY
    }
