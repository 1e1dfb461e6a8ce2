"""BtcturkWsClient over a real loopback WebSocket, against a tiny scripted BTCTurk-like feed.

The feed replays recorded-shape frames, checks the 114 signature, acks or refuses 151s, sends a
431 snapshot on every obdiff join, can drop every connection or go silent, and counts connects.
"""

from __future__ import annotations

import asyncio
import json
import random
from collections.abc import AsyncIterator
from decimal import Decimal
from typing import Any

import pytest
from websockets.asyncio.server import Server, ServerConnection, serve
from websockets.exceptions import ConnectionClosed

from btcbot.btcturk import ws_events as ev
from btcbot.btcturk.auth import Credentials, Secret
from btcbot.btcturk.ws_client import BtcturkWsClient
from btcbot.btcturk.ws_config import WsAuthError, WsClientConfig, WsSubscriptionError
from btcbot.btcturk.ws_limiter import ConnectLimiter
from btcbot.domain import Fill, Side, Symbol
from tests.helpers import eventually

BTCTRY = Symbol("BTC", "TRY")
CREDS = Credentials("public-key", Secret("c2VjcmV0LWtleQ=="))
HELLO = '[991,{"type":991,"current":"6.0.0","min":"2.3.0"}]'


class FakeFeed:
    def __init__(self) -> None:
        self.connects = 0
        self.silent = False
        self.refuse_channel: str | None = None
        self.cs = 100
        self.received: list[list[Any]] = []
        self.conns: list[ServerConnection] = []
        self.server: Server | None = None

    @property
    def url(self) -> str:
        assert self.server is not None
        host, port = self.server.sockets[0].getsockname()[:2]
        return f"ws://{host}:{port}"

    async def handler(self, conn: ServerConnection) -> None:
        self.connects += 1
        self.conns.append(conn)
        if self.silent:
            await conn.wait_closed()
            return
        await conn.send(HELLO)
        try:
            async for raw in conn:
                await self._on_frame(conn, json.loads(raw))
        except ConnectionClosed:
            pass

    async def _on_frame(self, conn: ServerConnection, frame: list[Any]) -> None:
        self.received.append(frame)
        kind, body = frame
        if kind == 114:
            ok = body["signature"] == CREDS.sign(f"{body['publicKey']}{body['nonce']}")
            message = None if ok else "Unauthorized - Invalid Request"
            await conn.send(json.dumps([114, {"type": 114, "id": 7, "ok": ok, "message": message}]))
        elif kind == 151:
            ok = body["channel"] != self.refuse_channel
            verb = "join" if body["join"] else "leave"
            msg = f"{verb}|{body['channel']}:{body['event']}"
            await conn.send(json.dumps([100, {"type": 100, "ok": ok, "message": msg}]))
            if ok and body["channel"] == "obdiff" and body["join"]:
                await conn.send(self.snapshot(body["event"]))

    def snapshot(self, pair: str) -> str:
        body = {
            "CS": self.cs,
            "PS": pair,
            "AO": [{"A": "1.5", "P": "101"}],
            "BO": [{"A": "2.5", "P": "99"}],
            "channel": "obdiff",
            "event": pair,
            "type": 431,
        }
        return json.dumps([431, body])

    def diff(self, pair: str, bids: list[dict[str, Any]], cs: int | None = None) -> str:
        self.cs = self.cs + 1 if cs is None else cs
        body = {"CS": self.cs, "PS": pair, "AO": [], "BO": bids, "event": pair, "type": 432}
        return json.dumps([432, body])

    async def push(self, frame: str) -> None:
        for conn in list(self.conns):
            if conn.state.name == "OPEN":
                await conn.send(frame)

    async def drop_all(self) -> None:
        for conn in list(self.conns):
            await conn.close(code=1011)
        self.conns.clear()

    def joins(self, channel: str) -> list[tuple[str, bool]]:
        return [
            (b["event"], b["join"])
            for t, b in self.received
            if t == 151 and b["channel"] == channel
        ]


@pytest.fixture
async def feed() -> AsyncIterator[FakeFeed]:
    fake = FakeFeed()
    async with serve(fake.handler, "127.0.0.1", 0) as server:
        fake.server = server
        yield fake


def config(url: str, **overrides: Any) -> WsClientConfig:
    knobs: dict[str, Any] = {
        "url": url,
        "reconnect_base_delay_ms": 0,
        "reconnect_max_delay_ms": 10,
        "stale_after_seconds": 5.0,
        "handshake_timeout_seconds": 2.0,
        "max_connects_per_minute": 15,
    }
    knobs.update(overrides)
    return WsClientConfig(**knobs)


def client_for(url: str, creds: Credentials | None = CREDS, **overrides: Any) -> BtcturkWsClient:
    return BtcturkWsClient(config(url, **overrides), creds, rng=random.Random(1))


async def collect(stream: AsyncIterator[Any], into: list[Any]) -> None:
    async for item in stream:
        into.append(item)


async def test_login_subscribe_and_book_sync(feed: FakeFeed) -> None:
    async with client_for(feed.url) as client:
        book = await client.order_book(BTCTRY)
        async with asyncio.timeout(5):
            await client.wait_ready()
        await eventually(lambda: book.is_synced)
        assert client.user_id == 7
        login = next(body for kind, body in feed.received if kind == 114)
        assert login["nonce"] == 3000 and login["publicKey"] == "public-key"
        assert feed.joins("obdiff") == [("BTCTRY", True)]
        await feed.push(feed.diff("BTCTRY", [{"CP": 1, "P": "99.5", "A": "4"}]))
        await eventually(lambda: book.sequence == 101)
        assert book.order_book().best_bid == Decimal("99.5")
        assert book.best_ask() is not None and book.best_ask().price == 101
        assert not client.is_stale


async def test_private_frames_become_typed_events(feed: FakeFeed) -> None:
    events: list[ev.PrivateEvent] = []
    async with client_for(feed.url) as client:
        consumer = asyncio.create_task(collect(client.private_events(), events))
        async with asyncio.timeout(5):
            await client.wait_ready()
        for frame in PRIVATE_FRAMES:
            await feed.push(frame)
        await eventually(lambda: len(events) == 5)
        consumer.cancel()
    reset, inserted, matched, fill, deleted = events
    assert reset == ev.StreamReset(1)
    assert isinstance(inserted, ev.OrderInserted) and inserted.side is Side.BUY
    assert isinstance(matched, ev.OrderMatched) and matched.amount == Decimal("0.5")
    assert isinstance(fill, Fill) and fill.trade_id == 2**60 + 1 and fill.fee == Decimal("0.01")
    assert isinstance(deleted, ev.OrderDeleted) and deleted.remaining == Decimal("0.5")


PRIVATE_FRAMES = [
    '[451,{"type":451,"pairId":0,"symbol":"BTCTRY","id":0,"method":0,"userId":0,"orderType":0,'
    '"price":"0","amount":"0","numLeft":"0.00","denomLeft":"0","newOrderClientId":null}]',
    '[451,{"type":451,"pairId":1,"symbol":"BTCTRY","id":55,"method":0,"userId":7,"orderType":0,'
    '"price":"100","amount":"1","numLeft":"1","denomLeft":"100.1","newOrderClientId":"c1"}]',
    '[441,{"type":441,"id":55,"user":7,"isBid":true,"method":0,"pair":1,"symbol":"BTCTRY",'
    '"amount":"0.5000000000","price":"100.0000000000","clientId":"c1"}]',
    '[423,{"id":1152921504606846977,"orderId":55,"timestamp":1700000000000,'
    '"numeratorSymbol":"BTC","denominatorSymbol":"TRY","amount":"0.5","fee":"-0.01",'
    '"tax":"-0.002","price":"100","orderType":"buy","orderClientId":"c1","preciseAmount":0.5}]',
    '[452,{"type":452,"pairId":1,"symbol":"BTCTRY","id":55,"method":0,"userId":7,"orderType":0,'
    '"price":"100.0000000000000000","amount":"1.0000000000000000",'
    '"numLeft":"0.5000000000000000","denomLeft":"50","newOrderClientId":"c1"}]',
]


async def test_bad_login_is_a_clear_fatal_error(feed: FakeFeed) -> None:
    wrong = Credentials("public-key", Secret("b3RoZXI="))
    async with client_for(feed.url, creds=wrong) as client:
        with pytest.raises(WsAuthError, match="Unauthorized - Invalid Request"):
            async with asyncio.timeout(5):
                await client.wait_ready()
        with pytest.raises(WsAuthError):
            async for _ in client.private_events():
                pass
    assert feed.connects == 1  # a refused key is not retried


async def test_refused_subscription_is_fatal(feed: FakeFeed) -> None:
    feed.refuse_channel = "ticker"
    async with client_for(feed.url, creds=None) as client:
        await client.subscribe_ticker(BTCTRY)
        with pytest.raises(WsSubscriptionError, match="ticker:BTCTRY"):
            async for _ in client.market_events():
                pass


async def test_drop_reconnects_resubscribes_and_resnapshots(feed: FakeFeed) -> None:
    events: list[ev.PrivateEvent] = []
    async with client_for(feed.url) as client:
        consumer = asyncio.create_task(collect(client.private_events(), events))
        book = await client.order_book(BTCTRY)
        await client.subscribe_trades(BTCTRY)
        await eventually(lambda: book.is_synced)
        feed.cs = 500
        await feed.drop_all()
        await eventually(lambda: book.snapshots == 2 and book.is_synced)
        assert book.sequence == 500
        assert feed.connects == 2
        assert feed.joins("obdiff") == [("BTCTRY", True)] * 2
        assert feed.joins("trade") == [("BTCTRY", True)] * 2
        await eventually(lambda: ev.StreamReset(2) in events)
        consumer.cancel()


async def test_changeset_gap_triggers_leave_and_rejoin(feed: FakeFeed) -> None:
    async with client_for(feed.url, creds=None) as client:
        book = await client.order_book(BTCTRY)
        await eventually(lambda: book.is_synced)
        await feed.push(feed.diff("BTCTRY", [{"CP": 1, "P": "98", "A": "1"}], cs=105))
        await eventually(lambda: book.gaps == 1 and book.snapshots == 2 and book.is_synced)
        assert feed.joins("obdiff") == [("BTCTRY", True), ("BTCTRY", False), ("BTCTRY", True)]
        assert book.sequence == 105
        assert feed.connects == 1


async def test_silent_feed_is_stale_and_reconnected(feed: FakeFeed) -> None:
    async with client_for(feed.url, creds=None, stale_after_seconds=0.2) as client:
        async with asyncio.timeout(5):
            await client.wait_ready()
        assert not client.is_stale
        await eventually(lambda: client.is_stale)  # no frame for > 0.2 s
        await eventually(lambda: feed.connects >= 2)  # the watchdog reconnected


async def test_server_that_never_says_hello_is_retried(feed: FakeFeed) -> None:
    feed.silent = True
    async with client_for(
        feed.url, creds=None, handshake_timeout_seconds=0.1, stale_after_seconds=None
    ) as client:
        await eventually(lambda: feed.connects >= 2)
        assert not client.is_connected and client.is_stale


async def test_connect_limiter_caps_attempts_per_rolling_minute(feed: FakeFeed) -> None:
    feed.silent = True
    waits: list[float] = []
    forever: asyncio.Future[None] = asyncio.get_running_loop().create_future()

    async def sleep(seconds: float) -> None:
        if seconds > 1:
            waits.append(seconds)
            await forever
        await asyncio.sleep(0)

    client = BtcturkWsClient(
        config(feed.url, max_connects_per_minute=3, handshake_timeout_seconds=0.05),
        sleep=sleep,
        rng=random.Random(1),
    )
    async with client:
        await eventually(lambda: bool(waits))
        assert feed.connects == 3
        assert 55 < waits[0] <= 60


async def test_limiter_unit_rolling_window() -> None:
    now = [0.0]
    slept: list[float] = []

    async def sleep(seconds: float) -> None:
        slept.append(seconds)
        now[0] += seconds

    limiter = ConnectLimiter(2, clock=lambda: now[0], sleep=sleep)
    for at in (0.0, 10.0, 20.0):
        now[0] = max(now[0], at)
        await limiter.acquire()
    assert slept == [40.0]  # third attempt waits until the first leaves the 60 s window
    assert limiter.attempts_in_window() == 2
