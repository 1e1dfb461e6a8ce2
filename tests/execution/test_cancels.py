"""Cancels: requested, proven by the exchange, and never assumed (the fill may win)."""

from __future__ import annotations

from pathlib import Path

from btcbot.config.gates import ArmingDecision
from btcbot.domain import OrderRequest, OrderStatus
from btcbot.execution import CancelResult
from tests.execution.rig import QTY, Rig, rig
from tests.helpers import eventually


async def place(r: Rig, client_order_id: str, *, at_top: bool = False) -> OrderRequest:
    request = await r.resting_buy(client_order_id, at_top=at_top)
    r.persist(request)
    await r.oms.submit(request, "test")
    assert r.stored(client_order_id).status is OrderStatus.OPEN
    return request


async def proven(r: Rig, client_order_id: str) -> OrderStatus | None:
    await r.oms.prove_pending_cancels()
    status = r.stored(client_order_id).status
    return None if status is OrderStatus.PENDING_CANCEL else status


async def test_acknowledged_cancel_is_pending_until_proven(tmp_path: Path) -> None:
    async with rig(tmp_path) as r:
        await place(r, "cxl-ok")
        outcome = await r.oms.cancel("cxl-ok", "ttl")
        pending = r.stored("cxl-ok").status
        final = await eventually(lambda: proven(r, "cxl-ok"))
    assert outcome.result is CancelResult.REQUESTED
    assert pending is OrderStatus.PENDING_CANCEL
    assert final is OrderStatus.CANCELED


async def test_dropped_cancel_reply_stays_pending_then_is_proven(tmp_path: Path) -> None:
    async with rig(tmp_path) as r:
        await place(r, "cxl-drop")
        r.fault(drop_cancel_response_next=1)
        outcome = await r.oms.cancel("cxl-drop", "ttl")
        pending = r.stored("cxl-drop").status
        final = await eventually(lambda: proven(r, "cxl-drop"))
    assert outcome.result is CancelResult.UNKNOWN
    assert pending is OrderStatus.PENDING_CANCEL
    assert final is OrderStatus.CANCELED


async def test_fill_that_wins_the_race_with_a_pending_cancel_is_filled(tmp_path: Path) -> None:
    async with rig(tmp_path, emulator={"cancel_delay_seconds": 30.0}) as r:
        request = await place(r, "cxl-race", at_top=True)
        outcome = await r.oms.cancel("cxl-race", "ttl")
        assert request.price is not None
        r.fill_from_outside(request.price)  # before the exchange gets to the cancel
        proof = await r.oms.prove_pending_cancels()
        fills = await r.oms.sync_fills([request.symbol])
        stored = r.stored("cxl-race")
    assert outcome.result is CancelResult.REQUESTED
    assert [(p.client_order_id, p.status) for p in proof.proven] == [
        ("cxl-race", OrderStatus.FILLED)
    ]
    assert stored.status is OrderStatus.FILLED and stored.order.filled_quantity == QTY
    assert fills.inserted == 1 and fills.unknown == ()


async def test_cancel_of_an_order_that_already_filled_learns_its_fate(tmp_path: Path) -> None:
    async with rig(tmp_path) as r:
        request = await place(r, "cxl-late", at_top=True)
        assert request.price is not None
        r.fill_from_outside(request.price)
        outcome = await r.oms.cancel("cxl-late", "ttl")
        stored = r.stored("cxl-late")
    assert outcome.result is CancelResult.REFUSED
    assert outcome.reason == "ORDER_COULD_NOT_BE_CANCELED"
    assert outcome.status is OrderStatus.FILLED and stored.status is OrderStatus.FILLED


async def test_safe_mode_blocks_a_cancel_but_a_kill_switch_does_not(tmp_path: Path) -> None:
    async with rig(tmp_path) as r:
        await place(r, "cxl-gate")
        r.gate.decision = ArmingDecision(armed=False, reasons=("SAFE_MODE", "KILL_SWITCH"))
        blocked = await r.oms.cancel("cxl-gate", "ttl")
        after_block = r.stored("cxl-gate").status
        sent_while_blocked = r.sent.get("cancel", 0)
        r.gate.decision = ArmingDecision(armed=False, reasons=("KILL_SWITCH",))
        allowed = await r.oms.cancel("cxl-gate", "ttl")
    assert blocked.result is CancelResult.REFUSED
    assert blocked.reason == "NOT_ARMED:SAFE_MODE,KILL_SWITCH"
    assert after_block is OrderStatus.OPEN and sent_while_blocked == 0
    assert allowed.result is CancelResult.REQUESTED and r.sent["cancel"] == 1


async def test_in_flight_order_cannot_be_canceled_before_it_is_resolved(tmp_path: Path) -> None:
    async with rig(tmp_path) as r:
        request = await r.resting_buy("cxl-inflight")
        r.persist(request)
        r.fault(drop_submit_response_next=1)
        await r.oms.submit(request, "test")
        deferred = await r.oms.cancel("cxl-inflight", "ttl")
        r.clock.advance(5)
        await r.oms.resolve_in_flight()
        requested = await r.oms.cancel("cxl-inflight", "ttl")
    assert deferred.result is CancelResult.DEFERRED
    assert deferred.status is OrderStatus.IN_FLIGHT
    assert requested.result is CancelResult.REQUESTED


async def test_pending_cancel_still_open_is_sent_again(tmp_path: Path) -> None:
    async with rig(tmp_path, emulator={"cancel_delay_seconds": 30.0}) as r:
        await place(r, "cxl-stuck")
        await r.oms.cancel("cxl-stuck", "ttl")
        soon = await r.oms.prove_pending_cancels()
        r.clock.advance(15)
        later = await r.oms.prove_pending_cancels()
    assert soon.still_pending == ("cxl-stuck",) and soon.resent == ()
    assert later.resent == ("cxl-stuck",) and r.sent["cancel"] == 2
    assert r.stored("cxl-stuck").status is OrderStatus.PENDING_CANCEL
