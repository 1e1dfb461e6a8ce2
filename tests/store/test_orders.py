from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import Engine, text

from btcbot.domain import (
    IllegalTransition,
    OrderEvent,
    OrderMethod,
    OrderRequest,
    OrderStatus,
    Side,
    Symbol,
)
from btcbot.store import ExecutionMode, OrderNotFound, OrderRepository, unit_of_work

NOW = 1_700_000_000_000
EXCHANGE_ID = 2**53 + 7


def request(coid: str = "c-1", price: str = "2150000.12") -> OrderRequest:
    return OrderRequest(
        symbol=Symbol("BTC", "TRY"),
        side=Side.BUY,
        method=OrderMethod.LIMIT,
        client_order_id=coid,
        quantity=Decimal("0.00012345"),
        price=Decimal(price),
    )


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)  # SQLite-specific
def test_intent_is_stored_pending_with_exact_decimals(engine: Engine) -> None:
    with unit_of_work(engine) as conn:
        stored = OrderRepository(conn).insert_pending(
            request(), mode=ExecutionMode.DRY_RUN, now_ms=NOW, reason="conservative_entry"
        )
    assert stored.status is OrderStatus.PENDING_SUBMIT
    assert stored.order.request == request()
    with engine.connect() as conn:
        row = conn.execute(text("SELECT typeof(price), price, quantity FROM orders")).one()
    assert tuple(row) == ("text", "2150000.12", "0.00012345")


def test_a_stop_order_round_trips_with_its_stop_price(engine: Engine) -> None:
    stop = OrderRequest(
        symbol=Symbol("BTC", "TRY"),
        side=Side.SELL,
        method=OrderMethod.STOP_MARKET,
        client_order_id="k1-BTCTRY-p0",
        quantity=Decimal("0.00012345"),
        stop_price=Decimal("2050000"),
    )
    with unit_of_work(engine) as conn:
        OrderRepository(conn).insert_pending(stop, mode=ExecutionMode.LIVE, now_ms=NOW)
    with unit_of_work(engine) as conn:
        stored = OrderRepository(conn).require("k1-BTCTRY-p0")
    assert stored.order.request == stop
    assert stored.order.request.stop_price == Decimal("2050000")
    assert stored.order.request.price is None


def test_events_follow_the_domain_transition_table(engine: Engine) -> None:
    with unit_of_work(engine) as conn:
        orders = OrderRepository(conn)
        orders.insert_pending(request(), mode=ExecutionMode.LIVE, now_ms=NOW)
        orders.apply_event("c-1", OrderEvent.AMBIGUOUS, now_ms=NOW + 1, reason="timeout")
        orders.apply_event(
            "c-1", OrderEvent.ACCEPTED, now_ms=NOW + 2, exchange_order_id=EXCHANGE_ID
        )
        stored = orders.apply_event(
            "c-1", OrderEvent.PARTIAL_FILL, now_ms=NOW + 3, filled_quantity=Decimal("0.0001")
        )
        assert stored.status is OrderStatus.PARTIALLY_FILLED
        assert stored.order.exchange_order_id == EXCHANGE_ID
        assert orders.by_exchange_id(EXCHANGE_ID) == stored
        history = orders.events("c-1")
    assert [(e.event, e.to_status) for e in history] == [
        ("INTENT", OrderStatus.PENDING_SUBMIT),
        ("AMBIGUOUS", OrderStatus.IN_FLIGHT),
        ("ACCEPTED", OrderStatus.OPEN),
        ("PARTIAL_FILL", OrderStatus.PARTIALLY_FILLED),
    ]
    assert history[1].from_status is OrderStatus.PENDING_SUBMIT


def test_an_impossible_event_raises_and_changes_nothing(engine: Engine) -> None:
    with unit_of_work(engine) as conn:
        OrderRepository(conn).insert_pending(request(), mode=ExecutionMode.LIVE, now_ms=NOW)
    with pytest.raises(IllegalTransition), unit_of_work(engine) as conn:
        OrderRepository(conn).apply_event("c-1", OrderEvent.CANCEL_REFUSED, now_ms=NOW)
    with unit_of_work(engine) as conn:
        assert OrderRepository(conn).require("c-1").status is OrderStatus.PENDING_SUBMIT


def test_live_orders_exclude_terminal_ones(engine: Engine) -> None:
    with unit_of_work(engine) as conn:
        orders = OrderRepository(conn)
        for coid in ("a", "b", "c"):
            orders.insert_pending(request(coid), mode=ExecutionMode.LIVE, now_ms=NOW)
        orders.apply_event("a", OrderEvent.REJECTED, now_ms=NOW, reason="FAILED_MIN_TOTAL")
        orders.update_status("b", OrderStatus.CANCELED, now_ms=NOW, note="operator")
        assert [o.client_order_id for o in orders.live_orders()] == ["c"]
        assert orders.live_orders(ExecutionMode.DRY_RUN) == []


def test_resolution_schedule_counts_attempts(engine: Engine) -> None:
    with unit_of_work(engine) as conn:
        orders = OrderRepository(conn)
        orders.insert_pending(request(), mode=ExecutionMode.LIVE, now_ms=NOW)
        orders.apply_event("c-1", OrderEvent.AMBIGUOUS, now_ms=NOW)
        assert [o.client_order_id for o in orders.due_for_resolution(NOW)] == ["c-1"]
        orders.schedule_resolve("c-1", next_resolve_ms=NOW + 2000, error="503", now_ms=NOW)
        assert orders.due_for_resolution(NOW + 1999) == []
        [due] = orders.due_for_resolution(NOW + 2000)
    assert due.resolve_attempts == 1 and due.last_error == "503"


def test_unit_of_work_rolls_back_everything_on_error(engine: Engine) -> None:
    def failing_cycle() -> None:
        with unit_of_work(engine) as conn:
            OrderRepository(conn).insert_pending(request(), mode=ExecutionMode.LIVE, now_ms=NOW)
            raise RuntimeError("boom")

    with pytest.raises(RuntimeError, match="boom"):
        failing_cycle()
    with unit_of_work(engine) as conn:
        assert OrderRepository(conn).get("c-1") is None
        with pytest.raises(OrderNotFound, match="c-1"):
            OrderRepository(conn).require("c-1")
