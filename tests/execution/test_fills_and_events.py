"""Fills stored once and driving order state; private WS events as the same evidence."""

from __future__ import annotations

from pathlib import Path

from btcbot.domain import OrderStatus
from btcbot.execution import EventResult, OrderDeleteSeen, OrderInsertSeen, StreamGap
from btcbot.store import FillRepository, unit_of_work
from tests.execution.rig import BTC_TRY, QTY, Rig, rig


async def drop_submit(r: Rig, client_order_id: str, *, marketable: bool) -> None:
    request = await (r.marketable_buy if marketable else r.resting_buy)(client_order_id)
    r.persist(request)
    r.fault(drop_submit_response_next=1)
    await r.oms.submit(request, "test")


async def test_fills_are_stored_once_and_fill_the_order(tmp_path: Path) -> None:
    async with rig(tmp_path) as r:
        request = await r.marketable_buy("fill-1")
        r.persist(request)
        await r.oms.submit(request, "test")
        first = await r.oms.sync_fills([BTC_TRY])
        second = await r.oms.sync_fills([BTC_TRY])
        (trade,) = await r.client.user_trades(symbol=BTC_TRY)
        again = r.oms.on_private_event(trade)
        stored = r.stored("fill-1")
        with unit_of_work(r.engine) as conn:
            kept = FillRepository(conn).all(BTC_TRY)
    assert (first.inserted, first.duplicates, first.unknown) == (1, 0, ())
    assert (second.inserted, second.duplicates) == (0, 1)
    assert again is EventResult.DUPLICATE_FILL
    assert stored.status is OrderStatus.FILLED and stored.order.filled_quantity == QTY
    assert kept == [trade]


async def test_fills_of_orders_that_are_not_ours_are_kept_and_flagged(tmp_path: Path) -> None:
    async with rig(tmp_path) as r:
        await r.client.submit_order(await r.marketable_buy("someone-else"))
        report = await r.oms.sync_fills([BTC_TRY])
        with unit_of_work(r.engine) as conn:
            kept = FillRepository(conn).all(BTC_TRY)
    assert [f.client_order_id for f in report.unknown] == ["someone-else"]
    assert kept == list(report.unknown)


async def test_a_fill_before_the_insert_event_is_applied_not_dropped(tmp_path: Path) -> None:
    async with rig(tmp_path) as r:
        await drop_submit(r, "ws-early", marketable=True)
        (trade,) = await r.client.user_trades(symbol=BTC_TRY)
        delete = OrderDeleteSeen(trade.order_id, BTC_TRY, None, remaining=QTY * 0)
        results = [
            r.oms.on_private_event(delete),  # no client id, exchange id not known yet
            r.oms.on_private_event(trade),  # 423 with the client id: the order is found
            r.oms.on_private_event(OrderInsertSeen(trade.order_id, BTC_TRY, "ws-early", QTY)),
        ]
        stored = r.stored("ws-early")
    assert results == [EventResult.BUFFERED, EventResult.APPLIED, EventResult.IGNORED]
    assert stored.status is OrderStatus.FILLED and stored.order.filled_quantity == QTY
    assert stored.order.exchange_order_id == trade.order_id


async def test_a_delete_before_the_insert_is_buffered_and_replayed(tmp_path: Path) -> None:
    async with rig(tmp_path) as r:
        await drop_submit(r, "ws-late", marketable=False)
        (order,) = await r.client.open_orders(BTC_TRY)
        await r.client.cancel_order(order.order_id)  # canceled by hand on the exchange
        delete = OrderDeleteSeen(order.order_id, BTC_TRY, None, remaining=QTY)
        insert = OrderInsertSeen(order.order_id, BTC_TRY, "ws-late", QTY)
        results = [r.oms.on_private_event(delete), r.oms.on_private_event(insert)]
        stored = r.stored("ws-late")
    assert results == [EventResult.BUFFERED, EventResult.APPLIED]
    assert stored.status is OrderStatus.CANCELED  # the buffered 452, replayed
    assert stored.order.exchange_order_id == order.order_id


async def test_a_stream_gap_asks_for_reconciliation(tmp_path: Path) -> None:
    async with rig(tmp_path) as r:
        result = r.oms.on_private_event(StreamGap(2))
        requested = r.oms.reconcile_requested
        await r.oms.reconcile([BTC_TRY])
    assert result is EventResult.RECONCILE_NEEDED and requested
    assert not r.oms.reconcile_requested
