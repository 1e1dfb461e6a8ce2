"""Fuzzed WebSocket frames: decoding gives a typed frame or a typed error, and the client's read
loop survives any frame (counted and logged as bad), still delivering the next good one."""

from __future__ import annotations

import asyncio
import contextlib
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from websockets.asyncio.server import serve

from btcbot.btcturk.ws_decode import WsDecodeError, decode_frame
from tests.btcturk.fuzz_seeds import broken_bodies
from tests.btcturk.test_ws_client import BTCTRY, PRIVATE_FRAMES, FakeFeed, client_for
from tests.helpers import eventually

FEED = FakeFeed()
MARKET_FRAMES = [
    FEED.snapshot("BTCTRY"),
    FEED.diff("BTCTRY", [{"CP": 1, "P": "99.5", "A": "4"}]),
    '[402,{"PS":"BTCTRY","H":"3064856","L":"2993840","LA":"3037028","O":"3059148",'
    '"V":"23.38","BA":"1","AA":"1","A":"3036622","B":"3035109","AV":"3038275","D":"-22526",'
    '"DP":"-0.72","DS":"TRY","NS":"BTC","PId":0,"type":402}]',
    '[422,{"D":"1700000000000","I":"100163785789620","A":"0.01","P":"3000000","PS":"BTCTRY",'
    '"S":0,"type":422}]',
]
SEEDS = [frame.encode() for frame in (*PRIVATE_FRAMES, *MARKET_FRAMES)]
frames = st.sampled_from(SEEDS).flatmap(broken_bodies)


@settings(max_examples=300, deadline=None)
@given(frame=frames | st.binary(max_size=120))
def test_decoding_a_broken_frame_gives_a_frame_or_a_typed_error(frame: bytes) -> None:
    with contextlib.suppress(WsDecodeError):
        decode_frame(frame)


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(groups=st.lists(st.lists(frames, min_size=1, max_size=4), min_size=1, max_size=8))
def test_the_read_loop_survives_any_frame_and_delivers_the_next_good_one(
    groups: list[list[bytes]],
) -> None:
    asyncio.run(_survives(groups))


async def _survives(groups: list[list[bytes]]) -> int:
    """Push each group of bad frames, then good ones; return how many frames were dropped."""
    feed = FakeFeed()
    async with serve(feed.handler, "127.0.0.1", 0) as server:
        feed.server = server
        async with client_for(feed.url) as client:
            book = await client.order_book(BTCTRY)
            async with asyncio.timeout(5):
                await client.wait_ready()
            await eventually(lambda: book.is_synced)
            for number, bad in enumerate(groups):
                for frame in bad:
                    await feed.push(frame.decode("utf-8", "replace"))
                # the good frames after: a fresh snapshot, then one diff on it
                feed.cs = 10_000 * (number + 1)
                await feed.push(feed.snapshot("BTCTRY"))
                price = Decimal(40 + number)
                await feed.push(feed.diff("BTCTRY", [{"CP": 1, "P": str(price), "A": "7"}]))
                await eventually(lambda: book.sequence == feed.cs)
                assert any(level.price == price for level in book.order_book().bids)
            assert client.sessions == 1  # the same connection: nothing crashed or reconnected
            return client.decode_errors


UNUSABLE_VALUES = [
    ("423 fee", PRIVATE_FRAMES[3].replace('"fee":"-0.01"', '"fee":"abc"')),
    ("423 side", PRIVATE_FRAMES[3].replace('"orderType":"buy"', '"orderType":"hold"')),
    ("441 symbol", PRIVATE_FRAMES[2].replace('"symbol":"BTCTRY"', '"symbol":"??"')),
    ("451 price", PRIVATE_FRAMES[1].replace('"price":"100"', '"price":"NaN"')),
    ("452 left", PRIVATE_FRAMES[4].replace('"numLeft":"0.5', '"numLeft":"x0.5')),
    ("402 pair", MARKET_FRAMES[2].replace('"PS":"BTCTRY"', '"PS":""')),
    ("422 amount", MARKET_FRAMES[3].replace('"A":"0.01"', '"A":"Infinity"')),
]


def test_frames_with_unusable_values_are_dropped_and_counted() -> None:
    assert all(before not in (*PRIVATE_FRAMES, *MARKET_FRAMES) for _, before in UNUSABLE_VALUES)
    dropped = asyncio.run(_survives([[frame.encode() for _, frame in UNUSABLE_VALUES]]))
    assert dropped == len(UNUSABLE_VALUES)
