from decimal import Decimal

import pytest

from btcbot.domain import (
    IllegalTransition,
    Order,
    OrderEvent,
    OrderMethod,
    OrderRequest,
    OrderStatus,
    Side,
    Symbol,
    next_status,
)
from btcbot.domain.money import ONE, ZERO
from btcbot.domain.orders import TRANSITIONS

S, E = OrderStatus, OrderEvent


def request() -> OrderRequest:
    return OrderRequest(
        Symbol("BTC", "TRY"), Side.BUY, OrderMethod.LIMIT, "cid-1", Decimal("0.01"), Decimal(1)
    )


def test_happy_path_submit_fill() -> None:
    order = Order(request()).on(E.ACCEPTED, exchange_order_id=42)
    order = order.on(E.PARTIAL_FILL, filled_quantity=Decimal("0.004"))
    assert order.status is S.PARTIALLY_FILLED
    order = order.on(E.FILL, filled_quantity=Decimal("0.01"))
    assert order.status is S.FILLED and order.exchange_order_id == 42


def test_ambiguous_submit_stays_in_flight_until_evidence() -> None:
    order = Order(request()).on(E.AMBIGUOUS)
    assert order.status is S.IN_FLIGHT and order.status.is_live
    assert order.on(E.AMBIGUOUS).status is S.IN_FLIGHT
    assert order.on(E.FILL).status is S.FILLED  # filled instantly, never seen open
    assert order.on(E.NOT_FOUND).status is S.NOT_PLACED


def test_an_ambiguous_order_cannot_be_marked_rejected() -> None:
    with pytest.raises(IllegalTransition):
        Order(request()).on(E.AMBIGUOUS).on(E.REJECTED)


def test_fill_after_pending_cancel_and_fill_winning_the_race() -> None:
    pending = Order(request()).on(E.ACCEPTED).on(E.CANCEL_REQUESTED)
    assert pending.status is S.PENDING_CANCEL
    partly = pending.on(E.PARTIAL_FILL, filled_quantity=Decimal("0.002"))
    assert partly.status is S.PENDING_CANCEL
    assert partly.on(E.FILL).status is S.FILLED
    assert partly.on(E.CANCEL_CONFIRMED).status is S.CANCELED


def test_refused_cancel_returns_to_the_right_resting_state() -> None:
    pending = Order(request()).on(E.ACCEPTED).on(E.CANCEL_REQUESTED)
    assert pending.on(E.CANCEL_REFUSED).status is S.OPEN
    partly = pending.on(E.PARTIAL_FILL, filled_quantity=Decimal("0.002"))
    assert partly.on(E.CANCEL_REFUSED).status is S.PARTIALLY_FILLED


def test_cancel_then_late_fill_report_keeps_canceled() -> None:
    canceled = Order(request()).on(E.ACCEPTED).on(E.CANCEL_CONFIRMED)
    late = canceled.on(E.PARTIAL_FILL, filled_quantity=Decimal("0.003"))
    assert late.status is S.CANCELED and late.filled_quantity == Decimal("0.003")


def test_late_evidence_reopens_a_not_placed_order() -> None:
    lost = Order(request()).on(E.AMBIGUOUS).on(E.NOT_FOUND)
    assert lost.status is S.NOT_PLACED and lost.status.is_terminal
    assert lost.on(E.ACCEPTED, exchange_order_id=7).status is S.OPEN


@pytest.mark.parametrize("terminal", [S.FILLED, S.CANCELED, S.REJECTED, S.NOT_PLACED])
def test_terminal_states_never_go_back_to_cancel_pending(terminal: OrderStatus) -> None:
    with pytest.raises(IllegalTransition):
        next_status(terminal, E.CANCEL_REQUESTED, has_fills=False)


def test_every_state_is_reachable_and_rejected_is_final() -> None:
    targets = set(TRANSITIONS.values()) | {S.PENDING_SUBMIT}
    assert targets == set(OrderStatus)
    assert not [key for key in TRANSITIONS if key[0] is S.REJECTED]


def test_request_validation() -> None:
    with pytest.raises(ValueError, match="50"):
        OrderRequest(
            Symbol("BTC", "TRY"), Side.BUY, OrderMethod.LIMIT, "x" * 51, Decimal(1), Decimal(1)
        )
    with pytest.raises(ValueError, match="quote_amount"):
        OrderRequest(Symbol("BTC", "TRY"), Side.BUY, OrderMethod.MARKET, "c", Decimal(1))
    with pytest.raises(ValueError, match="price"):
        OrderRequest(Symbol("BTC", "TRY"), Side.SELL, OrderMethod.LIMIT, "c", Decimal(1))


def test_stop_requests_need_a_stop_price_and_only_stops_carry_one() -> None:
    btc = Symbol("BTC", "TRY")
    with pytest.raises(ValueError, match="stop_price"):
        OrderRequest(btc, Side.SELL, OrderMethod.STOP_MARKET, "c", Decimal(1))
    with pytest.raises(ValueError, match="stop_price"):
        OrderRequest(btc, Side.SELL, OrderMethod.STOP_MARKET, "c", Decimal(1), stop_price=ZERO)
    with pytest.raises(ValueError, match="stoplimit order needs a positive price"):
        OrderRequest(btc, Side.SELL, OrderMethod.STOP_LIMIT, "c", Decimal(1), stop_price=ONE)
    with pytest.raises(ValueError, match="only stop orders"):
        OrderRequest(btc, Side.SELL, OrderMethod.LIMIT, "c", ONE, ONE, stop_price=ONE)
    stop = OrderRequest(btc, Side.BUY, OrderMethod.STOP_MARKET, "c", ONE, stop_price=ONE)
    assert stop.is_stop and not stop.is_market_buy  # a stop-market is base-sized
    assert not OrderMethod.STOP_MARKET.has_limit_price and OrderMethod.STOP_LIMIT.has_limit_price
