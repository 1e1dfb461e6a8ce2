"""Submitting persisted intents: every outcome class recorded at once, nothing resent."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from btcbot.config.gates import ArmingDecision
from btcbot.domain import OrderMethod, OrderRequest, OrderStatus, Side
from btcbot.execution import IntentNotPersisted, ResubmitRefused, SubmitResult
from tests.execution.rig import BTC_TRY, rig


async def test_accepted_submit_stores_the_exchange_id(tmp_path: Path) -> None:
    async with rig(tmp_path) as r:
        request = await r.resting_buy("sub-ok")
        r.persist(request)
        outcome = await r.oms.submit(request, "test")
        stored = r.stored("sub-ok")
        on_book = [o.order_id for o in await r.client.open_orders(BTC_TRY)]
    assert outcome.result is SubmitResult.ACCEPTED and outcome.status is OrderStatus.OPEN
    assert stored.status is OrderStatus.OPEN
    assert stored.order.exchange_order_id == outcome.exchange_order_id
    assert outcome.exchange_order_id in on_book
    assert r.sent == {"submit": 1}


async def test_business_reject_is_rejected_with_the_venue_reason(tmp_path: Path) -> None:
    async with rig(tmp_path) as r:
        tiny = OrderRequest(
            BTC_TRY, Side.BUY, OrderMethod.MARKET, "sub-tiny", quote_amount=Decimal("1")
        )
        r.persist(tiny)
        outcome = await r.oms.submit(tiny, "test")
        stored = r.stored("sub-tiny")
    assert outcome.result is SubmitResult.REJECTED
    assert outcome.reason == "FAILED_MIN_TOTAL_AMOUNT"
    assert stored.status is OrderStatus.REJECTED


async def test_not_armed_is_rejected_and_nothing_is_sent(tmp_path: Path) -> None:
    async with rig(tmp_path) as r:
        request = await r.resting_buy("sub-blocked")
        r.persist(request)
        r.gate.decision = ArmingDecision(armed=False, reasons=("RUNTIME_KILL_SWITCH",))
        outcome = await r.oms.submit(request, "test")
        stored = r.stored("sub-blocked")
    assert outcome.result is SubmitResult.REJECTED
    assert outcome.reason == "NOT_ARMED:RUNTIME_KILL_SWITCH"
    assert stored.status is OrderStatus.REJECTED
    assert r.sent == {}


async def test_rate_limited_submit_was_not_placed(tmp_path: Path) -> None:
    async with rig(tmp_path) as r:
        request = await r.resting_buy("sub-429")
        r.persist(request)
        r.fault(http_429_next=1)
        outcome = await r.oms.submit(request, "test")
        on_book = await r.client.open_orders(BTC_TRY)
    assert outcome.result is SubmitResult.REJECTED and outcome.reason == "TOO_MANY_REQUESTS"
    assert on_book == []


async def test_dropped_reply_goes_in_flight_with_the_first_look_in_five_seconds(
    tmp_path: Path,
) -> None:
    async with rig(tmp_path) as r:
        request = await r.resting_buy("sub-drop")
        r.persist(request)
        r.fault(drop_submit_response_next=1)
        outcome = await r.oms.submit(request, "test")
        stored = r.stored("sub-drop")
        with pytest.raises(ResubmitRefused):
            await r.oms.submit(request, "again")
    assert outcome.result is SubmitResult.IN_FLIGHT
    assert stored.status is OrderStatus.IN_FLIGHT and stored.order.exchange_order_id is None
    assert stored.next_resolve_ms == r.clock() + 5_000
    assert r.sent == {"submit": 1}  # never resent


async def test_an_intent_must_be_persisted_first(tmp_path: Path) -> None:
    async with rig(tmp_path) as r:
        request = await r.resting_buy("sub-unsaved")
        with pytest.raises(IntentNotPersisted):
            await r.oms.submit(request, "test")
        r.persist(request)
        changed = OrderRequest(
            BTC_TRY, Side.SELL, OrderMethod.LIMIT, "sub-unsaved", Decimal(1), Decimal(1)
        )
        with pytest.raises(IntentNotPersisted):
            await r.oms.submit(changed, "test")
    assert r.sent == {}
