from __future__ import annotations

from decimal import Decimal

from btcbot.config.params import LifecycleParams
from btcbot.decision.intents import Intent
from btcbot.decision.market import MarketView
from btcbot.decision.plan import DecisionLog
from btcbot.domain import OrderStatus, Side
from btcbot.strategy.lifecycle import find_stale, is_duplicate, match_open_orders, stale_reason
from tests.kernel.factories import BTC, ETH, NOW, d, market, open_order, snapshot

P4 = LifecycleParams(drift_bps=d(25))
TTL_MS = 120_000


def test_ttl_just_before_and_at_expiry():
    order = open_order(price="2000500")
    assert stale_reason(order, None, P4, order.created_ms + TTL_MS - 1) is None
    assert stale_reason(order, None, P4, order.created_ms + TTL_MS) == "ttl_expired"


def test_drift_just_below_and_at_threshold():
    mid = d(10000)
    near = open_order(price="10024.99", created_ms=NOW)
    far = open_order(price="10025", created_ms=NOW)
    assert stale_reason(near, mid, P4, NOW) is None
    assert stale_reason(far, mid, P4, NOW) == "price_drift"


def test_drift_disabled_for_profile3_defaults():
    far = open_order(price="1", created_ms=NOW)
    assert stale_reason(far, d(10000), LifecycleParams(), NOW) is None


def test_each_symbol_uses_its_own_mid():
    # BTC mid 2000500, ETH mid 100025: an ETH order at 100025 is not drifted even though it
    # is far from BTC's mid (the predecessor's single-mid quirk would cancel it)
    snap = snapshot()
    view = MarketView.of(snap, 15_000)
    eth = open_order(ETH, price="100025", created_ms=NOW, cid="e")
    btc = open_order(BTC, price="1990000", created_ms=NOW, cid="b")
    stale = find_stale([eth, btc], view, P4, NOW)
    assert [(s.order.client_order_id, s.reason) for s in stale] == [("b", "price_drift")]


def test_only_cancellable_orders_are_stale():
    old = NOW - 10 * TTL_MS
    orders = [
        open_order(cid="p", status=OrderStatus.PENDING_SUBMIT, created_ms=old),
        open_order(cid="f", status=OrderStatus.IN_FLIGHT, created_ms=old),
        open_order(cid="c", status=OrderStatus.PENDING_CANCEL, created_ms=old),
        open_order(cid="n", exchange_id=None, created_ms=old),
        open_order(cid="x", status=OrderStatus.PARTIALLY_FILLED, filled="0.00001", created_ms=old),
    ]
    stale = find_stale(orders, MarketView.of(snapshot(), 15_000), P4, NOW)
    assert [s.order.client_order_id for s in stale] == ["x"]


def intent(price: str, qty: str, side: Side = Side.BUY) -> Intent:
    return Intent(BTC, side, d(price), d(qty), "conservative_entry")


def test_dedupe_bounds():
    order = open_order(price="10000", qty="1", filled="0")
    assert is_duplicate(intent("10005", "1.01"), order, P4)
    assert not is_duplicate(intent("10005.01", "1"), order, P4)
    assert not is_duplicate(intent("10000", "1.0101"), order, P4)
    assert not is_duplicate(intent("10000", "1", Side.SELL), order, P4)


def test_dedupe_compares_with_remaining_of_partial_fill():
    order = open_order(price="10000", qty="1", filled="0.5", status=OrderStatus.PARTIALLY_FILLED)
    assert is_duplicate(intent("10000", "0.5"), order, P4)


def test_match_drops_duplicates_of_orders_that_stay():
    live = open_order(price="10000", qty="1", cid="live")
    log = DecisionLog()
    kept = match_open_orders([intent("10000", "1")], {BTC: [live]}, frozenset(), P4, log)
    assert kept == [] and log.freeze()[0].reason_code == "duplicate_of_open_order"
    other = match_open_orders([intent("9000", "1")], {BTC: [live]}, frozenset(), P4, log)
    assert [i.price for i in other] == [d(9000)]


def test_replacement_waits_while_the_cancel_is_in_this_plan():
    """No replacement in the same plan as its predecessor's cancel: the cancel is only a
    request, the old order may still fill."""
    live = open_order(price="9000", qty="1", cid="live")
    log = DecisionLog()
    kept = match_open_orders([intent("10000", "1")], {BTC: [live]}, frozenset({"live"}), P4, log)
    assert kept == []
    assert [(x.reason_code, x.detail) for x in log.freeze()] == [("replace_awaits_cancel", "live")]


def test_replacement_waits_while_a_cancel_is_pending_or_unknown():
    pending = open_order(price="9000", qty="1", cid="p", status=OrderStatus.PENDING_CANCEL)
    log = DecisionLog()
    kept = match_open_orders([intent("10000", "1")], {BTC: [pending]}, frozenset(), P4, log)
    assert kept == [] and log.freeze()[0].reason_code == "replace_awaits_cancel"
    # the other side is not a replacement of it (the risk policy still counts the order)
    sell = match_open_orders(
        [intent("10000", "1", Side.SELL)], {BTC: [pending]}, frozenset(), P4, DecisionLog()
    )
    assert [i.side for i in sell] == [Side.SELL]


def test_remaining_never_negative():
    over = open_order(qty="1", filled="2")
    assert over.remaining == Decimal(0)
    assert market()["rules"]  # factories sanity
