from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from btcbot.config.params import ProfitAwareParams
from btcbot.decision.account import AccountView
from btcbot.decision.market import MarketView
from btcbot.decision.plan import DecisionLog
from btcbot.domain import Side
from btcbot.strategy.profit_aware import profit_aware_intents
from tests.kernel.factories import BTC, ETH, SOL, balance, d, market, position, snapshot

P = ProfitAwareParams()


def run(snap, params=P, reserve=Decimal(300)):
    log = DecisionLog()
    view = MarketView.of(snap, 15_000)
    account = AccountView.of(snap, reserve)
    intents = profit_aware_intents(sorted(snap.books), snap.positions, view, account, params, log)
    return intents, log.freeze()


def codes(decisions):
    return [(x.symbol, x.reason_code) for x in decisions]


def one_symbol(bid: str, ask: str, **kw):
    return snapshot(**market({BTC: (d(bid), d(ask))}), **kw)


def test_take_profit_at_exact_threshold_sells_a_quarter_at_bid():
    # avg 1000, threshold 1003: bid exactly at it sells
    snap = one_symbol(
        "1003",
        "1004",
        positions={BTC: position(BTC, "2", "1000")},
        balances={"TRY": balance("TRY", "0"), "BTC": balance("BTC", "2")},
    )
    intents, _ = run(snap)
    assert len(intents) == 1
    sell = intents[0]
    assert (sell.side, sell.quantity, sell.price, sell.reason) == (
        Side.SELL,
        d("0.5"),
        d(1003),
        "take_profit",
    )


def test_take_profit_just_below_threshold_holds():
    snap = one_symbol(
        "1002.99",
        "1004",
        positions={BTC: position(BTC, "2", "1000")},
        balances={"BTC": balance("BTC", "2")},
    )
    intents, decisions = run(snap)
    assert intents == []
    assert (BTC, "below_profit_threshold") in codes(decisions)


def test_take_profit_is_capped_by_free_inventory():
    snap = one_symbol(
        "1100",
        "1101",
        positions={BTC: position(BTC, "2", "1000")},
        balances={"BTC": balance("BTC", "0.1", "1.9")},
    )
    intents, _ = run(snap)
    assert intents[0].quantity == d("0.1")


def test_take_profit_without_free_inventory_skips():
    snap = one_symbol("1100", "1101", positions={BTC: position(BTC, "2", "1000")}, balances={})
    intents, decisions = run(snap)
    assert intents == [] and (BTC, "no_free_inventory") in codes(decisions)


def test_sell_cost_buffer_raises_threshold():
    params = ProfitAwareParams(sell_cost_buffer_bps=d(25))  # 55 bps in total
    pos = {BTC: position(BTC, "1", "1000")}
    bal = {"BTC": balance("BTC", "1")}
    below, _ = run(one_symbol("1005.49", "1006", positions=pos, balances=bal), params)
    at, _ = run(one_symbol("1005.5", "1006", positions=pos, balances=bal), params)
    assert below == [] and len(at) == 1


def test_entry_buys_budget_at_ask():
    intents, _ = run(one_symbol("1000", "1001"))
    buy = intents[0]
    assert (buy.side, buy.price, buy.reason) == (Side.BUY, d(1001), "conservative_entry")
    assert buy.notional == d(100)


def test_entry_spread_exactly_one_percent_allowed_above_skipped():
    at, _ = run(one_symbol("1000", "1010"))
    above, decisions = run(one_symbol("1000", "1010.01"))
    assert len(at) == 1
    assert above == [] and (BTC, "spread_too_wide") in codes(decisions)


def test_offset_caps_entry_price_on_wide_spread():
    # spread 80 bps > 2 x 20 bps offset: buy at mid + 20 bps instead of the ask
    intents, _ = run(one_symbol("1000", "1008"))
    assert intents[0].price == d("1004") * (1 + d(20) / d(10000))


def test_entry_budget_is_decremented_across_symbols():
    prices = {BTC: (d(1000), d(1001)), ETH: (d(500), d(501)), SOL: (d(10), d("10.01"))}
    snap = snapshot(**market(prices), balances={"TRY": balance("TRY", "450")})
    intents, decisions = run(snap)
    # investable 450 - 300 = 150: BTC 100, ETH 50, SOL nothing
    assert [(i.symbol, i.notional) for i in intents] == [(BTC, d(100)), (ETH, d(50))]
    assert (SOL, "no_investable_cash") in codes(decisions)


def test_pending_buys_reserve_cash():
    from btcbot.domain import OrderStatus
    from tests.kernel.factories import open_order

    pending = open_order(ETH, price="500", qty="0.2", status=OrderStatus.PENDING_SUBMIT)
    snap = snapshot(
        **market({BTC: (d(1000), d(1001))}),
        balances={"TRY": balance("TRY", "450")},
        open_orders=(pending,),
    )
    intents, _ = run(snap)
    assert intents[0].notional == d(50)  # 150 - 100 reserved by the unacknowledged buy


def test_held_position_below_threshold_gets_no_entry():
    snap = one_symbol("900", "901", positions={BTC: position(BTC, "1", "1000")})
    intents, _ = run(snap)
    assert intents == []


def test_stale_and_missing_data_skip():
    snap = snapshot(**market({BTC: (d(1000), d(1001))}, age_ms=15_001))
    intents, decisions = run(snap)
    assert intents == [] and (BTC, "stale_market_data") in codes(decisions)
    fresh, _ = run(snapshot(**market({BTC: (d(1000), d(1001))}, age_ms=15_000)))
    assert len(fresh) == 1


def test_take_profit_never_commits_more_than_the_position():
    """Live sells (pending cancels too: they can still fill) already promise part of the
    position; a new take-profit sells at most the rest, so all of them filling cannot make
    the agent short on a spot account, even when the exchange holds more than it bought."""
    from btcbot.domain import OrderStatus
    from tests.kernel.factories import open_order

    live_sell = open_order(
        BTC, Side.SELL, price="1003", qty="0.9", status=OrderStatus.PENDING_CANCEL, cid="s"
    )
    snap = one_symbol(
        "1003",
        "1004",
        positions={BTC: position(BTC, "1", "1000")},
        balances={"TRY": balance("TRY", "0"), "BTC": balance("BTC", "5", locked="0.9")},
        open_orders=(live_sell,),
    )
    intents, _ = run(snap)
    assert [(i.side, i.quantity) for i in intents] == [(Side.SELL, d("0.1"))]
    committed = replace(live_sell, quantity=d(1))
    intents, decisions = run(replace(snap, open_orders=(committed,)))
    assert intents == [] and (BTC, "no_free_inventory") in codes(decisions)
