"""Fixtures for the emulator suite: a running emulator, signed REST client, WS reader."""

import asyncio
import contextlib
import json
import time
from collections.abc import AsyncIterator
from dataclasses import replace
from importlib import resources
from typing import Any

import httpx
import pytest
import websockets

from btcbot.emulator import EmulatorConfig, running_emulator
from btcbot.emulator.auth import sign
from btcbot.emulator.server import Emulator
from tests.emulator.schema_check import check
from tests.helpers import eventually

BASE_CONFIG = EmulatorConfig(
    seed=7, port=0, tick_seconds=0.0, rate_limit_scale=None, cancel_delay_seconds=0.01
)


def _contract(name: str) -> dict[str, Any]:
    text = resources.files("btcbot.emulator").joinpath(f"contract/{name}").read_text("utf-8")
    return dict(json.loads(text))


OPENAPI = _contract("openapi.json")
WS_SCHEMA = _contract("ws_frames.json")


def check_rest(response: httpx.Response, path: str, method: str = "get") -> Any:
    """Validate a response body against the pinned OpenAPI schema of path/method/status."""
    operation = OPENAPI["paths"][path][method]
    schema = operation["responses"][str(response.status_code)]["content"]["application/json"][
        "schema"
    ]
    body = response.json()
    check(body, schema, OPENAPI)
    return body


def check_frame(frame: Any, name: str | None = None) -> Any:
    key = name or f"frame_{frame[0]}"
    check(frame, {"$ref": f"#/$defs/{key}"}, WS_SCHEMA)
    return frame


class Signed:
    """httpx client that signs every request with an account's HMAC credentials."""

    def __init__(self, client: httpx.AsyncClient, key: str, secret: str, emu: Emulator) -> None:
        self.client, self.key, self.secret, self.emu = client, key, secret, emu

    def headers(self, stamp: int | None = None) -> dict[str, str]:
        text = str(stamp if stamp is not None else int(time.time() * 1000))
        return {
            "X-PCK": self.key,
            "X-Stamp": text,
            "X-Signature": sign(self.key, self.secret, text),
        }

    async def get(self, path: str, **kwargs: Any) -> httpx.Response:
        return await self.client.get(path, headers=self.headers(), **kwargs)

    async def post(self, path: str, **kwargs: Any) -> httpx.Response:
        return await self.client.post(path, headers=self.headers(), **kwargs)

    async def delete(self, path: str, **kwargs: Any) -> httpx.Response:
        return await self.client.delete(path, headers=self.headers(), **kwargs)

    async def submit(self, **fields: Any) -> httpx.Response:
        body = {"orderMethod": "limit", "pairSymbol": "BTCTRY"} | fields
        return await self.post("/api/v1/order", json=body)


class WsReader:
    """Collects every frame of a WS connection in the background."""

    def __init__(self, conn: Any) -> None:
        self.conn = conn
        self.frames: list[Any] = []
        self.closed = False
        self._task = asyncio.create_task(self._read())

    async def _read(self) -> None:
        with contextlib.suppress(websockets.ConnectionClosed):
            async for message in self.conn:
                self.frames.append(json.loads(message))
        self.closed = True

    async def send(self, frame: Any) -> None:
        await self.conn.send(json.dumps(frame))

    def of_type(self, frame_type: int) -> list[dict[str, Any]]:
        return [body for kind, body in self.frames if kind == frame_type]

    async def wait_for(self, frame_type: int, count: int = 1) -> list[dict[str, Any]]:
        await eventually(lambda: len(self.of_type(frame_type)) >= count)
        return self.of_type(frame_type)

    async def subscribe(self, channel: str, event: str) -> None:
        await self.send([151, {"type": 151, "channel": channel, "event": event, "join": True}])

    async def close(self) -> None:
        await self.conn.close()
        await self._task


@pytest.fixture
async def emu() -> AsyncIterator[Emulator]:
    async with running_emulator(BASE_CONFIG) as emulator:
        yield emulator


@pytest.fixture
def make_config() -> Any:
    def build(**changes: Any) -> EmulatorConfig:
        return replace(BASE_CONFIG, **changes)

    return build


@pytest.fixture
async def http(emu: Emulator) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(base_url=emu.rest_url, timeout=5.0) as client:
        yield client


@pytest.fixture
def signed(http: httpx.AsyncClient, emu: Emulator) -> Signed:
    account = emu.demo_account
    return Signed(http, account.api_key, account.api_secret, emu)


@contextlib.asynccontextmanager
async def ws_reader(url: str) -> AsyncIterator[WsReader]:
    async with websockets.connect(url) as conn:
        reader = WsReader(conn)
        try:
            yield reader
        finally:
            await reader.close()


def login_frame(key: str, secret: str, nonce: int = 3000) -> list[Any]:
    return [
        114,
        {
            "type": 114,
            "publicKey": key,
            "timestamp": int(time.time() * 1000),
            "nonce": nonce,
            "signature": sign(key, secret, str(nonce)),
        },
    ]
