from __future__ import annotations

from decimal import Decimal

import pytest

from btcbot.config.params import PortfolioParams, RiskLimits
from btcbot.decision.account import AccountView
from btcbot.decision.market import MarketView
from btcbot.decision.plan import DecisionLog
from btcbot.domain import Side
from btcbot.strategy.order_builder import build_intents
from btcbot.strategy.portfolio import Rebalance, rebalance, target_weights
from tests.kernel.factories import BTC, ETH, SOL, balance, d, market, open_order, snapshot

PRICES = {BTC: (d(999), d(1001)), ETH: (d(99), d(101)), SOL: (d(9), d(11))}
LIMITS = RiskLimits(max_position_per_symbol=d(8000), notional_cap_per_cycle=d(1000))


def plan(snap, weights, limits=LIMITS):
    log = DecisionLog()
    view = MarketView.of(snap, 15_000)
    account = AccountView.of(snap, limits.cash_reserve)
    return rebalance(weights, snap, view, account, limits, log), log.freeze()


def test_equal_weights_and_configured_targets():
    assert target_weights((BTC, ETH), PortfolioParams()) == ((BTC, d("0.5")), (ETH, d("0.5")))
    params = PortfolioParams(targets=(("BTCTRY", d("0.7")), ("XRPTRY", d("0.3"))))
    assert target_weights((BTC, ETH), params) == ((BTC, d("0.7")),)


def test_sells_come_first_then_larger_buys_and_turnover_is_consumed():
    snap = snapshot(
        **market(PRICES),
        balances={"TRY": balance("TRY", "1300"), "BTC": balance("BTC", "2")},
    )
    # equity = 1300 + 2000 = 3300, investable 3000; equal thirds = 1000 each
    moves, _ = plan(snap, ((BTC, d(1) / 3), (ETH, d(1) / 3), (SOL, d(1) / 3)))
    assert moves[0].side is Side.SELL and moves[0].symbol == BTC
    assert sum(m.notional for m in moves) <= LIMITS.notional_cap_per_cycle
    assert [m.side for m in moves] == sorted((m.side for m in moves), key=lambda s: s is Side.BUY)


def test_buys_are_allocated_from_cash_across_symbols():
    snap = snapshot(**market(PRICES), balances={"TRY": balance("TRY", "500")})
    limits = RiskLimits(notional_cap_per_cycle=d(10_000))
    moves, _ = plan(snap, ((BTC, d("0.5")), (ETH, d("0.5"))), limits)
    # equity 500, investable 200 -> 100 + 100; cash (200) suffices
    assert [m.notional for m in moves] == [d(100), d(100)]


def test_target_capped_at_position_limit():
    snap = snapshot(**market(PRICES), balances={"TRY": balance("TRY", "100000")})
    limits = RiskLimits(max_position_per_symbol=d(500), notional_cap_per_cycle=d(10_000))
    moves, _ = plan(snap, ((BTC, d(1)),), limits)
    assert moves == [Rebalance(BTC, Side.BUY, d(500))]


def test_open_buys_count_as_held():
    snap = snapshot(
        **market(PRICES),
        balances={"TRY": balance("TRY", "1300")},
        open_orders=(open_order(BTC, price="1000", qty="1", filled="0.5"),),
    )
    moves, decisions = plan(snap, ((BTC, d(1)),), RiskLimits(max_position_per_symbol=d(500)))
    assert moves == [] and decisions[-1].reason_code == "within_target"


def test_small_delta_holds_and_cap_exhaustion_logged():
    snap = snapshot(**market(PRICES), balances={"TRY": balance("TRY", "305")})
    moves, decisions = plan(snap, ((BTC, d(1)),))
    assert moves == [] and decisions[0].reason_code == "within_target"


def build(moves, snap, offset=Decimal(5)):
    log = DecisionLog()
    view = MarketView.of(snap, 15_000)
    account = AccountView.of(snap, Decimal(300))
    params = PortfolioParams(order_offset_bps=offset)
    return build_intents(moves, view, snap.rules, account, params, LIMITS, log), log.freeze()


def test_order_builder_prices_and_quantizes():
    snap = snapshot(**market(PRICES), balances={"TRY": balance("TRY", "1000")})
    intents, _ = build([Rebalance(BTC, Side.BUY, d(100))], snap)
    buy = intents[0]
    assert buy.price == d("1000.50") and buy.quantity == d("0.09995002")


def test_order_builder_sell_requires_inventory():
    snap = snapshot(**market(PRICES), balances={"BTC": balance("BTC", "0.05")})
    intents, _ = build([Rebalance(BTC, Side.SELL, d(100))], snap)
    assert intents[0].quantity == d("0.05")
    empty = snapshot(**market(PRICES), balances={})
    none, decisions = build([Rebalance(BTC, Side.SELL, d(100))], empty)
    assert none == [] and decisions[0].reason_code == "spot_sell_requires_inventory"


def test_order_builder_min_notional():
    snap = snapshot(**market(PRICES), balances={"BTC": balance("BTC", "0.005")})
    none, decisions = build([Rebalance(BTC, Side.SELL, d(100))], snap)
    assert none == [] and decisions[0].reason_code == "insufficient_notional_after_buffers"


def test_moves_come_in_move_order():
    """_deltas sorts on precomputed keys; the order is that of sort(key=_move_order)."""
    from btcbot.strategy.portfolio import _deltas, _move_order

    snap = snapshot(
        **market(PRICES),
        balances={"TRY": balance("TRY", d(20_000)), "ETH": balance("ETH", d(90))},
    )
    view = MarketView.of(snap, 15_000)
    account = AccountView.of(snap, LIMITS.cash_reserve)
    weights = ((BTC, d("0.4")), (ETH, d("0.2")), (SOL, d("0.4")))
    moves = _deltas(weights, snap, view, account, LIMITS, DecisionLog())
    assert len(moves) == 3 and moves[0].side is Side.SELL
    assert moves == sorted(moves, key=_move_order)


def test_rebalance_fast_init_keeps_dataclass_semantics():
    import dataclasses
    import pickle

    move = Rebalance(BTC, Side.BUY, d(5))
    assert move == Rebalance(symbol=BTC, side=Side.BUY, notional=d(5))
    assert hash(move) == hash(Rebalance(BTC, Side.BUY, d(5)))
    assert dataclasses.replace(move, notional=d(6)).notional == d(6)
    assert pickle.loads(pickle.dumps(move)) == move
    with pytest.raises(dataclasses.FrozenInstanceError):
        move.notional = d(1)  # type: ignore[misc]
