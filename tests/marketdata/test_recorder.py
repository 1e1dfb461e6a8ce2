"""The WebSocket recorder against the loopback emulator: books, trades, gaps, sessions.

The emulator's own faults break the feed (``ws_disconnect_now``, ``changeset_gap_next``); the
recording must mark each break as a gap, resnapshot, never write a trade twice, and continue
in a new session when started again on the same directory.
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from decimal import Decimal
from pathlib import Path

import pytest

from btcbot.btcturk.ws_client import BtcturkWsClient
from btcbot.btcturk.ws_config import WsClientConfig
from btcbot.domain import Symbol
from btcbot.emulator import EmulatorConfig, running_emulator
from btcbot.emulator.server import Emulator
from btcbot.marketdata.recorded_books import load_recorded_depth
from btcbot.marketdata.recorder import MarketRecorder, RecorderSettings
from btcbot.marketdata.recording_files import (
    RecordingWriter,
    read_books,
    read_events,
    read_trades,
)
from tests.helpers import eventually

BTC_TRY, ETH_TRY = Symbol("BTC", "TRY"), Symbol("ETH", "TRY")
FAST = RecorderSettings(depth=5, flush_every_s=0.05, keepalive_s=0.2)


def ws_client(emu: Emulator) -> BtcturkWsClient:
    config = WsClientConfig(
        url=emu.ws_url,
        reconnect_base_delay_ms=0,
        reconnect_max_delay_ms=20,
        stale_after_seconds=None,
        max_connects_per_minute=15,
    )
    return BtcturkWsClient(config, rng=random.Random(3))


@asynccontextmanager
async def recording(emu: Emulator, directory: Path) -> AsyncIterator[MarketRecorder]:
    """A recorder running in the background until the block ends."""
    stop = asyncio.Event()
    async with ws_client(emu) as client:
        recorder = MarketRecorder(
            client, RecordingWriter(directory), [BTC_TRY, ETH_TRY], settings=FAST
        )
        task = asyncio.create_task(recorder.run(stop=stop))
        try:
            yield recorder
        finally:
            stop.set()
            await task


@pytest.fixture
async def emu() -> AsyncIterator[Emulator]:
    config = EmulatorConfig(seed=11, port=0, tick_seconds=0.0, rate_limit_scale=None)
    async with running_emulator(config) as emulator:
        yield emulator


def emulator_book(
    emu: Emulator, pair: str, depth: int
) -> tuple[list[tuple[Decimal, Decimal]], ...]:
    book = emu.exchange.books[pair]
    return book.bids.depth(depth), book.asks.depth(depth)


async def test_books_trades_gaps_and_a_resumed_session(emu: Emulator, tmp_path: Path) -> None:
    async with recording(emu, tmp_path) as recorder:
        await eventually(lambda: recorder.summary.books >= 2)
        await emu.step(5)
        await eventually(lambda: recorder.summary.trades >= 1)
        emu.faults.update({"ws_disconnect_now": True})
        await eventually(lambda: recorder.summary.gaps.get("disconnect", 0) >= 2)
        emu.faults.update({"changeset_gap_next": 50})
        await emu.step(3)
        await eventually(lambda: recorder.summary.gaps.get("changeset_gap", 0) >= 1)
        emu.faults.update({"changeset_gap_next": 0})
        await emu.step(4)
        await eventually(lambda: recorder.client.is_connected)
        await emu.step(1)

        def caught_up() -> bool:
            rows = read_books(tmp_path, "BTC_TRY")
            return bool(rows) and (
                [(level.price, level.amount) for level in rows[-1].bids],
                [(level.price, level.amount) for level in rows[-1].asks],
            ) == emulator_book(emu, "BTCTRY", 5)

        await eventually(caught_up)
        first_trades = {t.id for t in emu.exchange.trades["BTCTRY"]}

    events = read_events(tmp_path)
    kinds = [(e.kind, e.symbol) for e in events]
    assert kinds[0] == ("session_start", None) and kinds[-1] == ("session_end", None)
    assert ("disconnect", "BTC_TRY") in kinds and ("disconnect", "ETH_TRY") in kinds
    assert any(kind == "changeset_gap" for kind, _ in kinds)
    for gap in events:
        if gap.kind in ("disconnect", "changeset_gap"):
            assert gap.from_ms is not None and gap.to_ms is not None and gap.from_ms <= gap.to_ms
            during = [
                b for b in read_books(tmp_path, gap.symbol) if gap.from_ms < b.recv_ms < gap.to_ms
            ]
            assert during == []  # nothing recorded while the book was not trustworthy
            resnapshot = [b for b in read_books(tmp_path, gap.symbol) if b.recv_ms >= gap.to_ms]
            assert resnapshot and resnapshot[0].snapshot  # the book after a gap is a fresh 431

    books = read_books(tmp_path, "BTC_TRY")
    assert books[0].snapshot and all(len(b.bids) <= 5 and len(b.asks) <= 5 for b in books)
    assert all(b.session == 1 for b in books)
    trades = read_trades(tmp_path, "BTC_TRY")
    ids = [t.trade_id for t in trades]
    assert len(ids) == len(set(ids))  # the 421 replays after each rejoin were not written again
    assert {int(i) for i in ids} <= first_trades
    assert all(t.exchange_ms <= t.recv_ms + 1000 and t.price > 0 for t in trades)

    await emu.step(3)
    async with recording(emu, tmp_path) as again:
        await eventually(lambda: again.summary.books >= 2)
        await emu.step(3)
        await eventually(lambda: again.summary.trades >= 1)
    assert again.summary.session == 2 and again.summary.resumed
    starts = [e for e in read_events(tmp_path) if e.kind == "session_start"]
    assert [(e.session, e.detail) for e in starts] == [(1, "new"), (2, "resumed after session 1")]
    every = [t.trade_id for t in read_trades(tmp_path)]
    assert len(every) == len(set(every))  # the new session's 421 repeats none of session 1
    assert again.summary.duplicate_trades >= 1


async def test_recorded_books_feed_the_depth_source_without_lookahead(
    emu: Emulator, tmp_path: Path
) -> None:
    async with recording(emu, tmp_path) as recorder:
        await eventually(lambda: recorder.summary.books >= 2)
        await emu.step(3)
        emu.faults.update({"ws_disconnect_now": True})
        await eventually(lambda: recorder.summary.gaps.get("disconnect", 0) >= 2)
        await emu.step(3)
        await eventually(lambda: recorder.summary.books >= 8)
    depth = load_recorded_depth(tmp_path)
    books = read_books(tmp_path, "BTC_TRY")
    (gap,) = [e for e in read_events(tmp_path) if e.kind == "disconnect" and e.symbol == "BTC_TRY"]
    assert gap.from_ms is not None and gap.to_ms is not None
    before = [b for b in books if b.recv_ms < gap.from_ms]
    after = [b for b in books if b.recv_ms >= gap.to_ms]
    assert depth.book_at(BTC_TRY, books[0].recv_ms - 1) is None  # nothing recorded yet
    last_before = before[-1]
    seen = depth.book_at(BTC_TRY, last_before.recv_ms)
    assert seen is not None and seen.bids == last_before.bids
    assert depth.book_at(BTC_TRY, gap.from_ms) is None  # the outage began
    assert depth.book_at(BTC_TRY, gap.to_ms - 1) is None
    first_after = depth.book_at(BTC_TRY, after[0].recv_ms)
    assert first_after is not None and first_after.asks == after[0].asks
    (ended,) = [e for e in read_events(tmp_path) if e.kind == "session_end"]
    last = depth.book_at(BTC_TRY, ended.recv_ms)
    assert last is not None and last.bids == books[-1].bids
    assert depth.book_at(BTC_TRY, ended.recv_ms + 1) is None  # the recorder stopped there
