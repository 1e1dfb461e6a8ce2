"""The resolution ladder: in-flight orders found by evidence, or proven never placed."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from btcbot.btcturk.exchange import BtcturkExchange
from btcbot.domain import OrderStatus, Symbol
from btcbot.exchange.reports import ExchangeOrder
from btcbot.execution import OmsSettings
from tests.execution.rig import QTY, Rig, rig


class HiddenOrderHistory(BtcturkExchange):
    """The live port with an ``allOrders`` that lags (shows nothing yet)."""

    async def recent_orders(self, symbol: Symbol, since_ms: int) -> Sequence[ExchangeOrder]:
        return []


async def send_and_drop(r: Rig, client_order_id: str, *, marketable: bool = False) -> None:
    request = await (r.marketable_buy if marketable else r.resting_buy)(client_order_id)
    r.persist(request)
    r.fault(drop_submit_response_next=1)
    await r.oms.submit(request, "test")
    assert r.stored(client_order_id).status is OrderStatus.IN_FLIGHT


async def test_dropped_reply_resolves_to_open_from_open_orders(tmp_path: Path) -> None:
    async with rig(tmp_path) as r:
        await send_and_drop(r, "res-open")
        early = await r.oms.resolve_in_flight()
        r.clock.advance(4.999)
        still_early = await r.oms.resolve_in_flight()
        r.clock.advance(0.001)
        report = await r.oms.resolve_in_flight()
        stored = r.stored("res-open")
        (on_book,) = await r.client.open_orders(stored.order.request.symbol)
    assert early.resolved == () and still_early.resolved == ()
    assert [(x.client_order_id, x.status) for x in report.resolved] == [
        ("res-open", OrderStatus.OPEN)
    ]
    assert report.resolved[0].source.startswith("open_orders")
    assert stored.status is OrderStatus.OPEN and stored.order.exchange_order_id == on_book.order_id
    assert r.sent == {"submit": 1}


async def test_instant_fill_resolves_to_filled_from_all_orders(tmp_path: Path) -> None:
    async with rig(tmp_path) as r:
        await send_and_drop(r, "res-fill", marketable=True)
        r.clock.advance(5)
        report = await r.oms.resolve_in_flight()
        stored = r.stored("res-fill")
    assert report.resolved[0].source.startswith("all_orders")
    assert stored.status is OrderStatus.FILLED and stored.order.filled_quantity == QTY
    assert stored.order.exchange_order_id is not None


async def test_instant_fill_resolves_from_user_trades_when_history_lags(tmp_path: Path) -> None:
    async with rig(tmp_path) as r:
        r.oms = r.new_oms(HiddenOrderHistory(r.client, r.gate))
        await send_and_drop(r, "res-trades", marketable=True)
        r.clock.advance(5)
        report = await r.oms.resolve_in_flight()
        stored = r.stored("res-trades")
        trades = await r.client.user_trades(symbol=stored.order.request.symbol)
    assert report.resolved[0].source == "user_trades"
    assert stored.status is OrderStatus.FILLED and stored.order.filled_quantity == QTY
    assert {t.order_id for t in trades} == {stored.order.exchange_order_id}


async def test_order_that_never_arrived_is_not_placed_only_after_the_ladder(
    tmp_path: Path,
) -> None:
    async with rig(tmp_path) as r:
        request = await r.resting_buy("res-lost")
        r.persist(request)
        r.fault(http_5xx_next=1)  # refused before the matching engine saw it
        await r.oms.submit(request, "test")
        r.clock.advance(5)
        looks = [await r.oms.resolve_in_flight()]
        for _ in range(3):
            r.clock.advance(1.999)
            assert (await r.oms.resolve_in_flight()).waiting == ()  # not due yet
            r.clock.advance(0.001)
            looks.append(await r.oms.resolve_in_flight())
        after_four = r.stored("res-lost")
        r.clock.advance(2)
        last = await r.oms.resolve_in_flight()
        final = r.stored("res-lost")
    assert [look.waiting for look in looks] == [("res-lost",)] * 4
    assert after_four.status is OrderStatus.IN_FLIGHT
    assert last.not_placed == ("res-lost",) and final.status is OrderStatus.NOT_PLACED
    assert r.sent == {"submit": 1}


async def test_a_failed_query_is_no_look_but_a_reconcile_failure(tmp_path: Path) -> None:
    async with rig(tmp_path, exchange={"rest_max_retries": 0}) as r:
        await send_and_drop(r, "res-flaky")
        r.clock.advance(5)
        r.fault(http_5xx_next=1)
        failed = await r.oms.resolve_in_flight()
        after_failure = r.stored("res-flaky")
        failures = r.op_status().reconcile_failures
        report = await r.oms.resolve_in_flight()
        reconciled = await r.oms.reconcile([])
    assert len(failed.errors) == 1 and failed.resolved == () and failed.waiting == ()
    assert after_failure.status is OrderStatus.IN_FLIGHT
    assert after_failure.resolve_attempts == 1  # only the first scheduling: no look counted
    assert failures == 1 and r.oms.last_failure is not None
    assert report.resolved[0].status is OrderStatus.OPEN
    assert reconciled.ok and r.op_status().reconcile_failures == 0


async def test_fresh_pending_submit_is_left_to_its_sender_old_one_is_resolved(
    tmp_path: Path,
) -> None:
    settings = OmsSettings(pending_submit_grace_ms=30_000)
    async with rig(tmp_path, settings=settings) as r:
        r.persist(await r.resting_buy("res-pending"))
        r.clock.advance(29.999)
        young = await r.oms.resolve_in_flight()
        young_status = r.stored("res-pending").status
        r.clock.advance(0.001)
        old = await r.oms.resolve_in_flight()
    assert young.waiting == () and young_status is OrderStatus.PENDING_SUBMIT
    assert old.waiting == ("res-pending",)
    assert r.stored("res-pending").status is OrderStatus.IN_FLIGHT


async def test_restart_resolves_pending_submit_rows_of_the_dead_process(tmp_path: Path) -> None:
    async with rig(tmp_path) as r:
        sent = await r.resting_buy("kill9-sent")
        unsent = await r.resting_buy("kill9-unsent")
        r.persist(sent, unsent)
        await r.client.submit_order(sent)  # reached the exchange; the process died before
        # the reply was stored: a new process starts on the same database
        restarted = r.new_oms()
        report = await restarted.startup([sent.symbol])
        r.clock.advance(2)
        for _ in range(4):
            r.clock.advance(2)
            await restarted.resolve_in_flight()
    assert report.ok and report.in_flight.resolved[0].client_order_id == "kill9-sent"
    assert report.in_flight.waiting == ("kill9-unsent",)
    assert r.stored("kill9-sent").status is OrderStatus.OPEN
    assert r.stored("kill9-unsent").status is OrderStatus.NOT_PLACED


async def test_an_order_declared_not_placed_that_reaches_the_book_late_is_ours_again(
    tmp_path: Path,
) -> None:
    """RELIABILITY: lost orders are never forgotten. A request that reaches the exchange after
    the ladder proved it absent (a late retry by a proxy, a queue in front of the matching
    engine) carries our client id: reconciliation adopts it, it is no foreign order."""
    async with rig(tmp_path) as r:
        request = await r.resting_buy("res-late")
        await r.submit_refused_unseen(request)
        await r.run_the_ladder()
        declared = r.stored("res-late").status
        late = await r.client.submit_order(request)  # the same request, placed late
        r.clock.advance(5)
        report = await r.oms.reconcile([request.symbol])
        adopted = r.stored("res-late")
    assert declared is OrderStatus.NOT_PLACED
    assert report.ok and report.unknown_orders == ()
    assert adopted.status is OrderStatus.OPEN
    assert adopted.order.exchange_order_id == late.order_id
    assert not r.op_status().freeze_active


async def test_an_order_declared_not_placed_that_fills_late_is_ours_again(tmp_path: Path) -> None:
    async with rig(tmp_path) as r:
        request = await r.marketable_buy("res-late-fill")
        await r.submit_refused_unseen(request)
        await r.run_the_ladder()
        declared = r.stored("res-late-fill").status
        await r.client.submit_order(request)  # placed late: it fills at once
        r.clock.advance(5)
        report = await r.oms.reconcile([request.symbol])
        adopted = r.stored("res-late-fill")
    assert declared is OrderStatus.NOT_PLACED
    assert report.ok and report.unknown_orders == ()
    assert report.fills.unknown == ()  # its trade is ours: no foreign fill, no freeze
    assert adopted.status is OrderStatus.FILLED and adopted.order.filled_quantity == QTY
    assert not r.op_status().freeze_active
