"""A stop order is an order like any other to the OMS: persisted before it is sent, resolved
when its reply is lost, reconciled, cancelled on proof, and a triggered stop's fills booked
exactly — against the emulator over loopback, on a real SQLite store."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from btcbot.domain import OrderMethod, OrderRequest, OrderStatus, Side
from btcbot.execution import IntentNotPersisted
from btcbot.store import FillRepository, unit_of_work
from tests.execution.rig import BTC_TRY, QTY, Rig, rig
from tests.helpers import eventually


async def stop_sell(r: Rig, client_order_id: str) -> OrderRequest:
    """A stop-market sell 1 % under the bid: the quiet market never reaches it by itself."""
    book = await r.client.order_book(BTC_TRY, 5)
    assert book.best_bid is not None
    return OrderRequest(
        BTC_TRY,
        Side.SELL,
        OrderMethod.STOP_MARKET,
        client_order_id,
        quantity=QTY,
        stop_price=(book.best_bid * Decimal("0.99")).quantize(Decimal(1)),
    )


async def fall_through(r: Rig, exchange_order_id: int) -> None:
    """Move the simulated market 8 % down until the stop has traded."""
    r.emu.simulator.set_price("BTCTRY", r.emu.exchange.last_price("BTCTRY") * Decimal("0.92"))
    order = r.emu.exchange.orders[exchange_order_id]
    for _ in range(20):
        if order.status == "Closed":
            return
        await r.emu.step()
    raise AssertionError(f"the stop did not trade: {order.status}")


async def test_a_stop_is_sent_only_once_persisted(tmp_path: Path) -> None:
    async with rig(tmp_path) as r:
        request = await stop_sell(r, "stop-unsaved")
        with pytest.raises(IntentNotPersisted):
            await r.oms.submit(request, "protective_stop")
        r.persist(request)
        outcome = await r.oms.submit(request, "protective_stop")
        stored = r.stored("stop-unsaved")
    assert outcome.status is OrderStatus.OPEN and r.sent == {"submit": 1}
    assert stored.order.request == request  # the stop price survived the round trip


async def test_a_lost_stop_reply_is_resolved_from_open_orders(tmp_path: Path) -> None:
    async with rig(tmp_path) as r:
        request = await stop_sell(r, "stop-lost")
        r.persist(request)
        r.fault(drop_submit_response_next=1)
        await r.oms.submit(request, "protective_stop")
        assert r.stored("stop-lost").status is OrderStatus.IN_FLIGHT
        r.clock.advance(5)
        report = await r.oms.resolve_in_flight()
        stored = r.stored("stop-lost")
        (waiting,) = await r.client.open_orders(BTC_TRY)
    assert [(x.client_order_id, x.status) for x in report.resolved] == [
        ("stop-lost", OrderStatus.OPEN)
    ]
    assert stored.order.exchange_order_id == waiting.order_id
    assert waiting.method is OrderMethod.STOP_MARKET and r.sent == {"submit": 1}


async def test_a_triggered_stop_is_booked_exactly_after_a_restart(tmp_path: Path) -> None:
    """The agent places its stop, goes away, the price falls through it; a new process's
    start-up reconciliation finds it filled and books the exchange's very fills."""
    async with rig(tmp_path) as r:
        request = await stop_sell(r, "stop-away")
        r.persist(request)
        ack = await r.oms.submit(request, "protective_stop")
        assert ack.exchange_order_id is not None
        await fall_through(r, ack.exchange_order_id)
        restarted = r.new_oms()
        report = await restarted.startup([BTC_TRY])
        stored = r.stored("stop-away")
        with unit_of_work(r.engine) as conn:
            booked = FillRepository(conn).all()
        user = r.emu.exchange.user_by_key(r.emu.demo_account.api_key)
        assert user is not None
        on_exchange = r.emu.exchange.fills[user.user_id]
    assert report.ok and stored.status is OrderStatus.FILLED and stored.order.filled_quantity == QTY
    assert [(f.trade_id, f.price, f.quantity, f.fee, f.tax) for f in booked] == [
        (f.trade_id, f.price, f.amount, f.fee, f.tax) for f in on_exchange
    ]
    assert all(f.client_order_id == "stop-away" and f.side is Side.SELL for f in booked)
    assert max(f.price for f in booked) <= (request.stop_price or 0)


async def test_a_stop_cancel_is_proven_and_releases_the_inventory(tmp_path: Path) -> None:
    async with rig(tmp_path) as r:
        request = await stop_sell(r, "stop-cancel")
        r.persist(request)
        ack = await r.oms.submit(request, "protective_stop")
        during = (await r.port.balances())["BTC"]
        outcome = await r.oms.cancel("stop-cancel", "protective_stop_yield")
        assert r.stored("stop-cancel").status is OrderStatus.PENDING_CANCEL

        async def proven() -> bool:
            await r.oms.prove_pending_cancels()
            return r.stored("stop-cancel").status is OrderStatus.CANCELED

        await eventually(proven)
        after = (await r.port.balances())["BTC"]
        assert ack.exchange_order_id is not None
        await fall_through_canceled(r, ack.exchange_order_id)
    assert outcome.status is OrderStatus.PENDING_CANCEL and r.sent == {"submit": 1, "cancel": 1}
    assert during.locked == QTY and after.locked == 0


async def fall_through_canceled(r: Rig, exchange_order_id: int) -> None:
    r.emu.simulator.set_price("BTCTRY", r.emu.exchange.last_price("BTCTRY") * Decimal("0.92"))
    await r.emu.step(5)
    order = r.emu.exchange.orders[exchange_order_id]
    assert (order.status, order.triggered) == ("Canceled", False)  # gone: it never sold
