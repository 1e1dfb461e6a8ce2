from __future__ import annotations

from decimal import Decimal

from btcbot.config.params import RiskLimits
from btcbot.decision.intents import Intent
from btcbot.decision.plan import DecisionLog
from btcbot.domain import Side
from btcbot.risk.policy import PolicyContext, evaluate
from tests.kernel.factories import BTC, ETH, NOW, d, rules_for

RULES = {BTC: rules_for(BTC), ETH: rules_for(ETH)}
LIMITS = RiskLimits()


def ctx(**kw):
    fields = {
        "now_ms": NOW,
        "rules": RULES,
        "last_submit_ms": {},
        "open_counts": {},
        "investable": d(700),
        "exposure_quantity": {},
        "mids": {BTC: d(1000), ETH: d(100)},
        "rates": {"TRY": d(1)},
    }
    fields.update(kw)
    if isinstance(fields["investable"], Decimal):  # TRY cash, the usual case
        fields["investable"] = {"TRY": fields["investable"]}
    return PolicyContext(**fields)


def buy(symbol=BTC, price="1000", qty="0.1") -> Intent:
    return Intent(symbol, Side.BUY, d(price), d(qty), "conservative_entry")


def sell(symbol=BTC, price="1000", qty="0.1") -> Intent:
    return Intent(symbol, Side.SELL, d(price), d(qty), "take_profit")


def run(intents, context=None, limits=LIMITS):
    log = DecisionLog()
    approved = evaluate(intents, context or ctx(), limits, log)
    return approved, [(x.action.value, x.reason_code) for x in log.freeze()]


def test_max_orders_per_cycle_truncates_before_evaluating():
    approved, codes = run([buy(), buy(ETH, "100"), sell()])
    assert len(approved) == 2
    assert codes == [("CAP", "RISK_DROP_MAX_ORDERS_PER_CYCLE")]


def test_max_open_orders_per_symbol_counts_live_and_same_cycle_orders():
    _, codes = run([buy()], ctx(open_counts={BTC: 1}))
    assert codes == [("BLOCK", "RISK_BLOCK_MAX_OPEN_ORDERS")]
    approved, codes = run([buy(), sell()])
    assert len(approved) == 1 and codes == [("BLOCK", "RISK_BLOCK_MAX_OPEN_ORDERS")]


def test_cooldown_just_before_and_at_expiry():
    last = {(BTC, Side.BUY): NOW - 60_000 + 1}
    _, codes = run([buy()], ctx(last_submit_ms=last))
    assert codes == [("BLOCK", "cooldown")]
    approved, _ = run([buy()], ctx(last_submit_ms={(BTC, Side.BUY): NOW - 60_000}))
    assert len(approved) == 1
    other_side, _ = run([sell()], ctx(last_submit_ms=last))
    assert len(other_side) == 1


def test_rules_missing_blocks():
    _, codes = run([buy()], ctx(rules={}))
    assert codes == [("BLOCK", "exchange_rules_unavailable")]


def test_quantize_to_passive_side_and_zero_quantity():
    approved, _ = run([buy(price="1000.129", qty="0.123456789")])
    assert approved[0].price == d("1000.12") and approved[0].quantity == d("0.12345678")
    approved, _ = run([sell(price="1000.121", qty="0.1")])
    assert approved[0].price == d("1000.13")
    _, codes = run([buy(qty="0.000000001")])
    assert codes == [("BLOCK", "non_positive_after_quantize")]


def test_min_notional_is_the_larger_of_exchange_and_ours():
    approved, _ = run([buy(qty="0.01")])  # 10 TRY exactly
    assert len(approved) == 1
    _, codes = run([buy(qty="0.00999999")])
    assert codes == [("BLOCK", "min_notional")]
    _, codes = run([buy(qty="0.015")], limits=RiskLimits(min_order_notional=d(20)))
    assert codes == [("BLOCK", "min_notional")]


def test_cash_reserve_blocks_buys_beyond_investable_but_not_sells():
    _, codes = run([buy(qty="0.8")], ctx(investable=d(700)))
    assert codes == [("BLOCK", "RISK_BLOCK_CASH_RESERVE_TARGET")]
    approved, _ = run([buy(qty="0.7")], ctx(investable=d(700)))
    assert len(approved) == 1
    _, codes = run([buy(qty="0.1")], ctx(investable=Decimal(0)))
    assert codes == [("BLOCK", "RISK_BLOCK_CASH_RESERVE_TARGET")]
    approved, _ = run([sell(qty="0.1")], ctx(investable=Decimal(0)))
    assert len(approved) == 1


def test_cash_is_consumed_across_intents():
    approved, codes = run([buy(qty="0.4"), buy(ETH, "100", "4")], ctx(investable=d(700)))
    assert len(approved) == 1 and codes == [("BLOCK", "RISK_BLOCK_CASH_RESERVE_TARGET")]


def test_per_order_cap_shrinks_none_is_off_and_zero_allows_nothing():
    limits = RiskLimits(max_notional_per_order=d(50))
    approved, codes = run([buy(qty="0.1")], limits=limits)
    assert approved[0].notional == d(50) and codes == [("CAP", "RISK_CAP_MAX_NOTIONAL_PER_ORDER")]
    approved, codes = run([buy(qty="0.1")])  # unset: no per-order cap
    assert approved[0].notional == d(100) and codes == []
    _, codes = run([buy(qty="0.1")], limits=RiskLimits(max_notional_per_order=d(5)))
    assert codes == [("BLOCK", "RISK_BLOCK_MAX_NOTIONAL_PER_ORDER")]
    approved, codes = run(
        [buy(qty="0.1"), sell(qty="0.1")], limits=RiskLimits(max_notional_per_order=d(0))
    )
    assert approved == []
    assert codes == [("BLOCK", "RISK_BLOCK_MAX_NOTIONAL_PER_ORDER")] * 2


def test_position_cap_counts_position_and_open_buys():
    limits = RiskLimits(max_position_per_symbol=d(1000))
    context = ctx(exposure_quantity={BTC: d("0.95")})  # 950 held at mid 1000
    approved, codes = run([buy(qty="0.1")], context, limits)
    assert approved[0].notional == d(50) and codes == [("CAP", "RISK_CAP_POSITION")]
    context = ctx(exposure_quantity={BTC: d("0.995")})
    _, codes = run([buy(qty="0.1")], context, limits)
    assert codes == [("BLOCK", "RISK_BLOCK_POSITION_CAP")]
    approved, _ = run([sell(qty="0.1")], context, limits)
    assert len(approved) == 1


def test_position_cap_counts_buys_approved_earlier_in_the_cycle():
    """Before: each buy was compared with the position and the live buys only, so three 400
    TRY buys of one strategy on one symbol all passed a 500 TRY position cap (1200 bought)."""
    limits = RiskLimits(
        max_position_per_symbol=d(500),
        max_open_orders_per_symbol=5,
        max_orders_per_cycle=5,
        notional_cap_per_cycle=d(5000),
    )
    context = ctx(investable=d(5000))
    approved, codes = run([buy(qty="0.4"), buy(qty="0.4"), buy(qty="0.4")], context, limits)
    assert sum(i.notional for i in approved) <= d(500), approved
    assert [i.notional for i in approved] == [d(400), d(100)]
    assert codes == [("CAP", "RISK_CAP_POSITION"), ("BLOCK", "RISK_BLOCK_POSITION_CAP")]


def test_cycle_notional_cap_counts_buys_and_sells():
    limits = RiskLimits(notional_cap_per_cycle=d(150), max_orders_per_cycle=3)
    approved, codes = run([sell(qty="0.1"), buy(ETH, "100", "0.6")], ctx(), limits)
    assert len(approved) == 1 and codes == [("BLOCK", "notional_cap")]
    approved, _ = run([sell(qty="0.1"), buy(ETH, "100", "0.5")], ctx(), limits)
    assert len(approved) == 2
