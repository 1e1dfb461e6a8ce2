"""BtcturkWsClient against the loopback BTCTurk emulator: book sync equals REST, private
events for a real order, and recovery from the emulator's WS faults."""

from __future__ import annotations

import asyncio
import random
from collections.abc import AsyncIterator
from decimal import Decimal
from typing import Any

import httpx
import pytest

from btcbot.btcturk import ws_events as ev
from btcbot.btcturk.auth import Credentials, Secret
from btcbot.btcturk.orderbook_sync import OrderBookSync
from btcbot.btcturk.ws_client import BtcturkWsClient
from btcbot.btcturk.ws_config import WsClientConfig
from btcbot.domain import Fill, OrderMethod, Side, Symbol
from btcbot.emulator import EmulatorConfig, running_emulator
from tests.helpers import eventually

BTCTRY = Symbol("BTC", "TRY")


@pytest.fixture
async def emu() -> AsyncIterator[Any]:
    config = EmulatorConfig(seed=7, port=0, tick_seconds=0.0, rate_limit_scale=None)
    async with running_emulator(config) as running:
        yield running


def creds(emu: Any) -> Credentials:
    account = emu.demo_account
    return Credentials(account.api_key, Secret(account.api_secret))


def client_for(emu: Any, credentials: Credentials | None = None, **config: Any) -> BtcturkWsClient:
    """A client of ``emu`` that reconnects at once (``config``: other WsClientConfig fields)."""
    settings = WsClientConfig(
        url=emu.ws_url,
        reconnect_base_delay_ms=0,
        reconnect_max_delay_ms=20,
        stale_after_seconds=None,
        max_connects_per_minute=15,
        **config,
    )
    return BtcturkWsClient(settings, credentials, rng=random.Random(3))


async def rest_book(emu: Any) -> tuple[dict[Decimal, Decimal], dict[Decimal, Decimal]]:
    async with httpx.AsyncClient(base_url=emu.rest_url) as http:
        reply = await http.get("/api/v2/orderbook", params={"pairSymbol": "BTCTRY", "limit": 1000})
    data = reply.json()["data"]
    return (
        {Decimal(p): Decimal(a) for p, a in data["bids"]},
        {Decimal(p): Decimal(a) for p, a in data["asks"]},
    )


async def books_agree(emu: Any, sync: OrderBookSync) -> bool:
    return sync.is_synced and sync.as_dicts() == await rest_book(emu)


async def test_synced_book_equals_rest_book_after_steps(emu: Any) -> None:
    async with client_for(emu) as client:
        sync = await client.order_book(BTCTRY)
        await eventually(lambda: sync.is_synced)
        for _ in range(5):
            await emu.step(3)
            await eventually(lambda: books_agree(emu, sync))
        assert sync.sequence is not None and sync.gaps == 0


async def test_own_order_produces_typed_private_events(emu: Any) -> None:
    events: list[ev.PrivateEvent] = []
    credentials = creds(emu)
    async with client_for(emu, credentials) as client:
        consumer = asyncio.create_task(_collect(client.private_events(), events))
        sync = await client.order_book(BTCTRY)
        await eventually(lambda: sync.is_synced)
        ask = sync.best_ask()
        assert ask is not None
        order = {
            "quantity": "0.001",
            "price": str(ask.price),
            "orderMethod": "limit",
            "orderType": "buy",
            "pairSymbol": "BTCTRY",
            "newOrderClientId": "ws-test-1",
        }
        reply = await _signed_post(emu, credentials, "/api/v1/order", order)
        assert reply.status_code == 200, reply.text
        await eventually(lambda: any(isinstance(e, Fill) for e in events))
        resting = await _place_resting_and_cancel(emu, credentials, sync)
        await eventually(
            lambda: any(isinstance(e, ev.OrderDeleted) and e.order_id == resting for e in events)
        )
        consumer.cancel()
    kinds = {type(e) for e in events}
    assert {ev.StreamReset, ev.OrderInserted, ev.OrderMatched, Fill, ev.OrderDeleted} <= kinds
    fill = next(e for e in events if isinstance(e, Fill))
    assert fill.client_order_id == "ws-test-1" and fill.quantity > 0


async def test_a_triggered_stop_produces_typed_private_events(emu: Any) -> None:
    events: list[ev.PrivateEvent] = []
    credentials = creds(emu)
    async with client_for(emu, credentials) as client:
        consumer = asyncio.create_task(_collect(client.private_events(), events))
        await eventually(lambda: any(isinstance(e, ev.StreamReset) for e in events))
        bid = emu.exchange.books["BTCTRY"].bids.best()
        order = {
            "quantity": "0.01",
            "stopPrice": str(bid - 30000),
            "orderMethod": "stopmarket",
            "orderType": "sell",
            "pairSymbol": "BTCTRY",
            "newOrderClientId": "ws-stop-1",
        }
        reply = await _signed_post(emu, credentials, "/api/v1/order", order)
        assert reply.status_code == 200, reply.text
        await eventually(lambda: any(isinstance(e, ev.OrderInserted) for e in events))
        emu.simulator.set_price("BTCTRY", Decimal(2_800_000))

        async def sold() -> bool:
            await emu.step()
            return any(isinstance(e, Fill) for e in events)

        await eventually(sold)
        await eventually(lambda: any(isinstance(e, ev.OrderMatched) for e in events))
        consumer.cancel()
    inserted = next(e for e in events if isinstance(e, ev.OrderInserted))
    matched = next(e for e in events if isinstance(e, ev.OrderMatched))
    fill = next(e for e in events if isinstance(e, Fill))
    assert inserted.method is OrderMethod.STOP_MARKET and inserted.client_order_id == "ws-stop-1"
    assert matched.method is OrderMethod.STOP_MARKET and matched.side is Side.SELL
    assert fill.client_order_id == "ws-stop-1" and fill.side is Side.SELL


async def _place_resting_and_cancel(emu: Any, credentials: Credentials, sync: OrderBookSync) -> int:
    bid = sync.best_bid()
    assert bid is not None
    low = (bid.price * Decimal("0.95")).quantize(Decimal(1))
    order = {
        "quantity": "0.001",
        "price": str(low),
        "orderMethod": "limit",
        "orderType": "buy",
        "pairSymbol": "BTCTRY",
        "newOrderClientId": "ws-test-2",
    }
    placed = await _signed_post(emu, credentials, "/api/v1/order", order)
    assert placed.status_code == 200, placed.text
    order_id = int(placed.json()["data"]["id"])
    async with httpx.AsyncClient(base_url=emu.rest_url) as http:
        headers = credentials.rest_headers(emu.now_ms())
        cancel = await http.delete("/api/v1/order", params={"id": order_id}, headers=headers)
    assert cancel.status_code == 200, cancel.text
    return order_id


async def test_disconnect_fault_reconnects_and_resnapshots(emu: Any) -> None:
    async with client_for(emu) as client:
        sync = await client.order_book(BTCTRY)
        await eventually(lambda: sync.is_synced)
        emu.faults.update({"ws_disconnect_now": True})
        await eventually(lambda: client.sessions >= 2 and sync.snapshots >= 2 and sync.is_synced)
        await emu.step(3)
        await eventually(lambda: books_agree(emu, sync))


async def test_changeset_gap_fault_triggers_resnapshot(emu: Any) -> None:
    async with client_for(emu) as client:
        sync = await client.order_book(BTCTRY)
        await eventually(lambda: sync.is_synced)
        # The fault hits the next diffs of any pair, so arm several, then disarm.
        emu.faults.update({"changeset_gap_next": 50})
        await emu.step(3)
        await eventually(lambda: sync.gaps >= 1)
        emu.faults.update({"changeset_gap_next": 0})
        await eventually(lambda: sync.snapshots >= 2 and sync.is_synced)
        await emu.step(2)
        await eventually(lambda: books_agree(emu, sync))
        assert client.sessions == 1  # healed by leave + rejoin, no reconnect


async def _signed_post(
    emu: Any, credentials: Credentials, path: str, body: dict[str, str]
) -> httpx.Response:
    async with httpx.AsyncClient(base_url=emu.rest_url) as http:
        return await http.post(path, json=body, headers=credentials.rest_headers(emu.now_ms()))


async def _collect(stream: AsyncIterator[Any], into: list[Any]) -> None:
    async for item in stream:
        into.append(item)


async def test_a_lost_resnapshot_is_asked_for_again(emu: Any) -> None:
    async with client_for(emu, snapshot_timeout_seconds=1.0) as client:
        sync = await client.order_book(BTCTRY)
        await eventually(lambda: sync.is_synced)
        emu.faults.update({"changeset_gap_next": 50})
        await emu.step(1)  # a gap: the client leaves and joins obdiff again ...
        emu.feed.stall(0.3)  # ... and the 431 that join brings is lost
        await eventually(lambda: sync.gaps >= 1)
        emu.faults.update({"changeset_gap_next": 0})
        await eventually(lambda: not emu.feed.is_stalled())
        assert not sync.is_synced
        assert sync.snapshots == 1

        async def resynced() -> bool:
            await emu.step(1)  # the connection stays busy: no reconnect heals it
            return sync.is_synced

        await eventually(resynced, timeout=5.0, interval=0.05)
        assert client.sessions == 1
        assert sync.snapshots == 2
        await eventually(lambda: books_agree(emu, sync))


async def test_a_pair_joined_while_the_connection_drops_syncs_after_the_reconnect(
    emu: Any,
) -> None:
    async with client_for(emu) as client:
        first = await client.order_book(BTCTRY)
        await eventually(lambda: first.is_synced)
        dropping = asyncio.create_task(emu.feed.disconnect_all())
        joined = []
        # join a new pair at every turn of the loop until the client has seen the drop: one
        # join lands while the socket is closing but not yet noticed by the read loop
        for base in ("ETH", "SOL", "XRP", "AVAX", "ADA", "DOGE", "LTC", "LINK", "DOT", "TRX"):
            joined.append(await client.order_book(Symbol(base, "TRY")))
            if not client.is_connected:
                break
            await asyncio.sleep(0)
        await dropping
        await emu.step(1)
        await eventually(lambda: client.sessions >= 2 and all(s.is_synced for s in joined))
