"""``BtcturkExchange``: the live exchange port against the emulator, and its arming gate."""

from __future__ import annotations

import itertools
from decimal import Decimal
from pathlib import Path

import pytest

from btcbot.btcturk import ws_events
from btcbot.btcturk.exchange import BtcturkExchange, NotArmed, evidence_from_ws
from btcbot.config import ACK_PHRASE, CommonSettings, evaluate_arming
from btcbot.config.gates import ArmingDecision
from btcbot.domain import Balance, Fill, OrderMethod, OrderRequest, Side
from btcbot.exchange.errors import BusinessReject, OrderNotFound
from btcbot.execution import OrderDeleteSeen, OrderInsertSeen, OrderMatchSeen, StreamGap
from tests.execution.rig import BTC_TRY, Rig, rig

TINY_BUY = OrderRequest(
    BTC_TRY, Side.BUY, OrderMethod.MARKET, "gate-probe", quote_amount=Decimal("1")
)
UNKNOWN_ORDER_ID = 123


def every_decision() -> list[ArmingDecision]:
    """Every combination of the five settings gates, credentials and the runtime switch."""
    decisions = []
    for dry, kill, safe, live, ack, creds, runtime in itertools.product([False, True], repeat=7):
        common = CommonSettings(
            dry_run=dry,
            kill_switch=kill,
            safe_mode=safe,
            live_trading=live,
            live_trading_ack=ACK_PHRASE if ack else None,
        )
        decisions.append(evaluate_arming(common, creds, runtime_kill_switch=runtime))
    return decisions


async def probe_submit(r: Rig) -> bool:
    """True when the submit reached the exchange (which refuses it: below the minimum)."""
    try:
        await r.port.submit(TINY_BUY)
    except NotArmed:
        return False
    except BusinessReject:
        return True
    raise AssertionError("the probe order must be refused by the exchange")


async def probe_cancel(r: Rig) -> bool:
    try:
        await r.port.cancel(UNKNOWN_ORDER_ID)
    except NotArmed:
        return False
    except OrderNotFound:
        return True
    raise AssertionError("the probe cancel must be refused by the exchange")


async def test_every_gate_combination_blocks_or_permits_as_decided(tmp_path: Path) -> None:
    decisions = every_decision()
    async with rig(tmp_path) as r:
        for decision in decisions:
            r.gate.decision = decision
            before = dict(r.sent)
            submitted = await probe_submit(r)
            canceled = await probe_cancel(r)
            sent = {k: r.sent.get(k, 0) - before.get(k, 0) for k in ("submit", "cancel")}
            assert submitted is decision.armed, decision
            assert canceled is decision.cancel_allowed, decision
            assert sent == {"submit": int(decision.armed), "cancel": int(canceled)}, decision
    assert len(decisions) == 128
    assert sum(d.armed for d in decisions) == 1  # only the fully armed combination trades


async def test_blocked_port_sends_nothing_and_reads_still_work(tmp_path: Path) -> None:
    async with rig(tmp_path) as r:
        r.gate.decision = ArmingDecision(armed=False, reasons=("SAFE_MODE",))
        with pytest.raises(NotArmed) as submit_blocked:
            await r.port.submit(TINY_BUY)
        with pytest.raises(NotArmed):
            await r.port.cancel(UNKNOWN_ORDER_ID)
        balances = await r.port.balances()
    assert submit_blocked.value.reason == "NOT_ARMED:SAFE_MODE"
    assert r.emu.faults.counters.mutating_total == 0
    assert isinstance(balances["TRY"], Balance)


async def test_the_decision_is_read_right_before_each_call(tmp_path: Path) -> None:
    async with rig(tmp_path) as r:
        request = await r.resting_buy("gate-fresh")
        calls = r.gate.calls
        ack = await r.port.submit(request)
        r.gate.decision = ArmingDecision(armed=False, reasons=("RUNTIME_KILL_SWITCH",))
        with pytest.raises(NotArmed):
            await r.port.submit(await r.resting_buy("gate-stale"))
        await r.port.cancel(ack.order_id)  # a kill switch never blocks a cancel
    assert r.gate.calls == calls + 3
    assert r.sent == {"submit": 1, "cancel": 1}


async def test_reads_map_to_the_port_types(tmp_path: Path) -> None:
    async with rig(tmp_path) as r:
        rules = await r.port.exchange_rules()
        tickers = await r.port.tickers()
        book = await r.port.order_book(BTC_TRY, 3)
        ack = await r.port.submit(await r.resting_buy("port-read"))
        unknown = await r.port.order(UNKNOWN_ORDER_ID)
        known = await r.port.order(ack.order_id)
        opened = await r.port.open_orders(BTC_TRY)
        recent = await r.port.recent_orders(BTC_TRY, since_ms=0)
        future = await r.port.recent_orders(BTC_TRY, since_ms=r.emu.now_ms() + 60_000)
        fills = await r.port.fills(BTC_TRY, since_ms=0)
    assert rules[BTC_TRY].symbol == BTC_TRY and tickers[BTC_TRY].symbol == BTC_TRY
    assert len(book.bids) <= 3
    assert unknown is None and known is not None and known.client_order_id == "port-read"
    assert [o.order_id for o in opened] == [ack.order_id] == [o.order_id for o in recent]
    assert future == [] and fills == []


async def test_recent_orders_reads_every_page(tmp_path: Path) -> None:
    async with rig(tmp_path) as r:
        paged = BtcturkExchange(r.client, r.gate, orders_page_limit=2, orders_max_pages=10)
        capped = BtcturkExchange(r.client, r.gate, orders_page_limit=2, orders_max_pages=2)
        ids = [(await paged.submit(await r.resting_buy(f"page-{i}"))).order_id for i in range(5)]
        everything = await paged.recent_orders(BTC_TRY, since_ms=0)
        truncated = await capped.recent_orders(BTC_TRY, since_ms=0)
    assert sorted(o.order_id for o in everything) == sorted(ids)
    assert len(truncated) == 4


def test_private_ws_events_map_to_order_evidence() -> None:
    amount, left = Decimal("0.5"), Decimal("0.2")
    inserted = ws_events.OrderInserted(7, BTC_TRY, Side.BUY, 0, Decimal(1), amount, left, "c")
    deleted = ws_events.OrderDeleted(7, BTC_TRY, Side.BUY, 0, Decimal(1), amount, left, None)
    matched = ws_events.OrderMatched(7, BTC_TRY, Side.BUY, 0, Decimal(1), amount, "c", None)
    assert evidence_from_ws(inserted) == OrderInsertSeen(7, BTC_TRY, "c", left)
    assert evidence_from_ws(deleted) == OrderDeleteSeen(7, BTC_TRY, None, left)
    assert evidence_from_ws(matched) == OrderMatchSeen(7, BTC_TRY, "c")
    assert evidence_from_ws(ws_events.StreamReset(3)) == StreamGap(3)
    assert evidence_from_ws(ws_events.BalanceChanged(1)) is None
    fill = Fill(2**60, 7, "c", BTC_TRY, Side.BUY, Decimal(1), amount, Decimal(0), Decimal(0), 1)
    assert evidence_from_ws(fill) is fill
