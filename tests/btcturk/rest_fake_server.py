"""A tiny BTCTurk look-alike on real loopback HTTP, for REST client tests.

It serves canned bodies shaped like the recorded payloads (``/work/shared/btcturk/fixtures``),
checks HMAC headers and the ±5 s stamp window against its own (optionally skewed) clock, and
plays scripted faults per route: an HTTP status with body/headers, a delay, or dropping the
connection after reading the request.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import json
import random
import socket
import time
from collections import defaultdict, deque
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field

from aiohttp import web

from btcbot.btcturk.rest_client import BtcturkRestClient
from btcbot.config import ExchangeSettings

API_KEY = "public-key"
API_SECRET = base64.b64encode(b"secret-key").decode()

SUBMIT_OK = {
    "httpStatusCode": 200,
    "data": {
        "id": 1048728402,
        "quantity": "4800.0000",
        "price": "0.2673",
        "stopPrice": "0",
        "newOrderClientId": "15566",
        "type": "buy",
        "method": "limit",
        "pairSymbol": "XRPUSDT",
        "pairSymbolNormalized": "XRP_USDT",
        "datetime": 1610726704865,
    },
    "success": True,
    "message": "SUCCESS",
    "code": 0,
}
ORDER_ROW = {
    "id": 61912740,
    "price": "20000.00",
    "amount": "0.12345678",
    "quantity": "0.12345678",
    "stopPrice": "0",
    "pairSymbol": "BTCTRY",
    "pairSymbolNormalized": "BTC_TRY",
    "type": "sell",
    "method": "limit",
    "orderClientId": "cid-1",
    "time": 1647883449587,
    "updateTime": 1647883449587,
    "status": "Untouched",
    "leftAmount": "0.1234567800000000",
}
TICKER = {
    "pair": "BTCTRY",
    "pairNormalized": "BTC_TRY",
    "timestamp": 1774252925783,
    "last": 3037028,
    "high": 3064856,
    "low": 2993840,
    "bid": 3035109,
    "ask": 3036622,
    "open": 3059148,
    "volume": 23.38654925,
    "average": 3038275,
    "daily": -22526,
    "dailyPercent": -0.72,
    "denominatorSymbol": "TRY",
    "numeratorSymbol": "BTC",
}


def _envelope(data: object) -> dict[str, object]:
    return {"data": data, "success": True, "message": None, "code": 0}


DEFAULT_BODIES: dict[tuple[str, str], object] = {
    ("GET", "/api/v2/ticker"): _envelope([TICKER]),
    ("GET", "/api/v2/orderbook"): _envelope(
        {
            "timestamp": 1643883463379.0,
            "bids": [["36370", "0.24053385"], ["36371", "0.0008"]],
            "asks": [["36401", "0.0037"], ["36402", "0.00276815"]],
        }
    ),
    ("GET", "/api/v1/users/balances"): _envelope(
        [{"asset": "TRY", "balance": "10.5", "locked": "0.5", "free": "10", "precision": 2}]
    ),
    ("GET", "/api/v1/openOrders"): _envelope({"asks": [ORDER_ROW], "bids": []}),
    ("GET", "/api/v1/order/61912740"): _envelope(ORDER_ROW),
    ("POST", "/api/v1/order"): SUBMIT_OK,
    ("DELETE", "/api/v1/order"): {"success": True, "message": "SUCCESS", "code": 0},
}


@dataclass
class Fault:
    status: int | None = None
    body: object = None
    headers: dict[str, str] = field(default_factory=dict)
    delay_s: float = 0.0
    drop: bool = False  # read the request, then close the connection without answering
    raw: bytes | None = None  # a literal body (e.g. not JSON)


@dataclass
class Seen:
    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    body: bytes


class FakeBtcturk:
    def __init__(self) -> None:
        self.bodies: dict[tuple[str, str], object] = dict(DEFAULT_BODIES)
        self.faults: dict[tuple[str, str], deque[Fault]] = defaultdict(deque)
        self.seen: list[Seen] = []
        self.skew_ms = 0  # the server clock runs this far ahead of ours
        self.url = ""

    def script(self, method: str, path: str, *faults: Fault) -> None:
        self.faults[(method, path)].extend(faults)

    def hits(self, method: str, path: str) -> int:
        return sum(1 for s in self.seen if s.method == method and s.path == path)

    def now_ms(self) -> int:
        return time.time_ns() // 1_000_000 + self.skew_ms

    async def handle(self, request: web.Request) -> web.StreamResponse:
        body = await request.read()
        key = (request.method, request.path)
        self.seen.append(
            Seen(request.method, request.path, dict(request.query), dict(request.headers), body)
        )
        queue = self.faults.get(key)
        fault = queue.popleft() if queue else None
        if fault is not None:
            return await self._fault(request, fault)
        if request.path == "/api/v2/server/time":
            return web.json_response({"serverTime": self.now_ms(), "serverTime2": "x"})
        if request.path.startswith("/api/v1/") and (denied := self._auth(request)):
            return denied
        if key not in self.bodies:
            return web.json_response({"success": False, "message": "NOT_FOUND"}, status=404)
        return web.json_response(self.bodies[key])

    async def _fault(self, request: web.Request, fault: Fault) -> web.StreamResponse:
        if fault.delay_s:
            await asyncio.sleep(fault.delay_s)
        if fault.drop:
            assert request.transport is not None
            request.transport.close()
            return web.Response(status=200)
        if fault.raw is not None:
            return web.Response(status=fault.status or 200, body=fault.raw, headers=fault.headers)
        payload = (
            fault.body
            if fault.body is not None
            else self.bodies.get((request.method, request.path), {})
        )
        return web.json_response(payload, status=fault.status or 200, headers=fault.headers)

    def _auth(self, request: web.Request) -> web.Response | None:
        key, stamp = request.headers.get("X-PCK"), request.headers.get("X-Stamp", "")
        message = f"{key}{stamp}".encode()
        digest = hmac.new(base64.b64decode(API_SECRET), message, hashlib.sha256).digest()
        expected = base64.b64encode(digest).decode()
        if key != API_KEY or request.headers.get("X-Signature") != expected:
            return _unauthorized("Unauthorized - Invalid Signature")
        if not stamp.isdigit() or abs(int(stamp) - self.now_ms()) > 5000:
            return _unauthorized("Unauthorized - Invalid Nonce")
        return None


def _unauthorized(message: str) -> web.Response:
    body = {"success": True, "message": message, "code": 1037}
    return web.Response(status=401, text=json.dumps(body), content_type="application/json")


@asynccontextmanager
async def running_fake() -> AsyncIterator[FakeBtcturk]:
    fake = FakeBtcturk()
    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", fake.handle)
    runner = web.AppRunner(app, handle_signals=False, access_log=None)
    await runner.setup()
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    site = web.SockSite(runner, sock)
    await site.start()
    fake.url = f"http://127.0.0.1:{sock.getsockname()[1]}"
    try:
        yield fake
    finally:
        await runner.cleanup()


@dataclass
class FakeTime:
    """A monotonic clock that only moves when someone sleeps on it."""

    now: float = 1000.0
    sleeps: list[float] = field(default_factory=list)

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


@dataclass
class Harness:
    fake: FakeBtcturk
    client: BtcturkRestClient
    time: FakeTime

    @property
    def sleeps(self) -> list[float]:
        return self.time.sleeps


def fast_settings(url: str, **overrides: object) -> ExchangeSettings:
    values: dict[str, object] = {
        "base_url": url,
        "graph_url": url,
        "api_key": API_KEY,
        "api_secret": API_SECRET,
        "rest_timeout_seconds": 2.0,
        "rest_connect_timeout_seconds": 1.0,
        "rest_max_retries": 3,
        "rest_base_delay_ms": 100,
        "rest_max_delay_ms": 800,
        **overrides,
    }
    return ExchangeSettings.model_validate(values)


@asynccontextmanager
async def loopback_client(
    rng: random.Random | None = None, **overrides: object
) -> AsyncIterator[Harness]:
    """A fake server plus a client built ``from_settings``. Backoff and limiter sleeps move a
    fake monotonic clock instead of waiting, so retry tests run instantly; HTTP is real."""
    fake_time = FakeTime()
    async with running_fake() as fake:
        settings = fast_settings(fake.url, **overrides)
        client = BtcturkRestClient.from_settings(
            settings, rng=rng or random.Random(1), sleep=fake_time.sleep, monotonic=fake_time
        )
        async with client:
            yield Harness(fake, client, fake_time)
