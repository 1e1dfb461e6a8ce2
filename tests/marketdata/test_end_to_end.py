"""End to end on loopback: record the emulator's WebSocket (with a disconnect and a changeset
gap), download its candles into a Parquet dataset, then backtest on both through the CLI.

One simulated clock drives the emulator, the WebSocket client and the recorder, so twenty
minutes of market pass in a few seconds and the recorded books, the live candles and the
replay's candle closes share one time line.
"""

from __future__ import annotations

import asyncio
import random
import sqlite3
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from btcbot.btcturk.rest_client import BtcturkRestClient
from btcbot.btcturk.ws_client import BtcturkWsClient
from btcbot.btcturk.ws_config import WsClientConfig
from btcbot.cli import app
from btcbot.config import ExchangeSettings
from btcbot.data import read_dataset_rows
from btcbot.domain import Symbol
from btcbot.emulator import EmulatorConfig, running_emulator
from btcbot.marketdata.candle_download import TIMEFRAMES, download_candles
from btcbot.marketdata.candle_sink import DatasetSink
from btcbot.marketdata.recorded_books import load_recorded_depth
from btcbot.marketdata.recorder import MarketRecorder, RecorderSettings
from btcbot.marketdata.recording_files import RecordingWriter, read_books, read_events
from tests.helpers import eventually, isolate_settings

BTC_TRY = Symbol("BTC", "TRY")
MINUTE = 60_000
START_MS = 1_780_000_000_000 - 1_780_000_000_000 % MINUTE + 7_000
STEP_MS = 5_000


@dataclass
class SimClock:
    now: int

    def __call__(self) -> int:
        return self.now


async def capture(home: Path, clock: SimClock) -> tuple[Path, Path]:
    config = EmulatorConfig(
        seed=21, port=0, tick_seconds=0.0, clock_ms=clock, rate_limit_scale=None
    )
    recording, dataset = home / "recording", home / "BTC_TRY-1m.parquet"
    async with running_emulator(config) as emu:
        ws = WsClientConfig(
            url=emu.ws_url,
            reconnect_base_delay_ms=0,
            reconnect_max_delay_ms=20,
            stale_after_seconds=None,
            max_connects_per_minute=15,
        )
        client = BtcturkWsClient(ws, rng=random.Random(1), wall_clock_ms=clock)
        settings = RecorderSettings(depth=10, flush_every_s=0.05, keepalive_s=30)
        stop = asyncio.Event()
        async with client:
            recorder = MarketRecorder(
                client, RecordingWriter(recording), [BTC_TRY], settings=settings, clock_ms=clock
            )
            task = asyncio.create_task(recorder.run(stop=stop))
            await eventually(lambda: recorder.summary.books >= 1)
            for step in range(20 * MINUTE // STEP_MS):  # twenty simulated minutes
                clock.now += STEP_MS
                books = recorder.summary.books
                await emu.step(1)
                await eventually(lambda: client.is_connected)
                if step == 60:
                    emu.faults.update({"ws_disconnect_now": True})
                    await eventually(lambda: recorder.summary.gaps.get("disconnect", 0) >= 1)
                elif step == 150:
                    emu.faults.update({"changeset_gap_next": 3})
                    await emu.step(3)
                    await eventually(lambda: recorder.summary.gaps.get("changeset_gap", 0) >= 1)
                else:
                    await eventually(lambda seen=books: recorder.summary.books > seen)
            stop.set()
            await task
        rest = ExchangeSettings.model_validate(
            {"base_url": emu.rest_url, "graph_url": emu.graph_url}
        )
        async with BtcturkRestClient.from_settings(rest) as http:
            sink = DatasetSink(dataset, BTC_TRY, MINUTE, f"emulator {emu.graph_url}")
            await download_candles(
                http,
                sink,
                BTC_TRY,
                TIMEFRAMES["1m"],
                START_MS - 60 * MINUTE,
                clock.now,
                now_ms=clock.now,
            )
    return recording, dataset


def backtest(data: Path, out: Path, *more: str) -> str:
    args = ["backtest", "--data", str(data), "--out", str(out), "--stage", "3", "--no-progress"]
    result = CliRunner().invoke(app, [*args, *more], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


def placed(db: Path) -> list[tuple[int, str, Decimal]]:
    with sqlite3.connect(db) as conn:
        rows = conn.execute("select created_ms, side, price from orders order by created_ms")
        return [(created, side, Decimal(price)) for created, side, price in rows if price]


def test_record_download_and_backtest_on_loopback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = isolate_settings(tmp_path, monkeypatch)
    clock = SimClock(START_MS)
    recording, dataset = asyncio.run(capture(home, clock))

    kinds = [event.kind for event in read_events(recording)]
    assert "disconnect" in kinds and "changeset_gap" in kinds
    info, rows = read_dataset_rows(dataset)
    assert (info.symbol, info.interval_ms) == (BTC_TRY, MINUTE)
    assert rows[0].open_ms == START_MS - START_MS % MINUTE - 59 * MINUTE  # history before start
    assert rows[-1].open_ms + MINUTE <= clock.now  # closed candles only
    live = [row for row in rows if row.open_ms >= START_MS - START_MS % MINUTE]
    assert len(live) >= 15  # the recorded twenty minutes traded

    window = ("--start", str(START_MS))  # cycles from the recording's start on
    recorded_run = backtest(dataset, home / "books.db", "--books", str(recording), *window)
    synthetic_run = backtest(dataset, home / "synthetic.db", *window)
    depth = load_recorded_depth(recording)
    orders = placed(home / "books.db")
    within = [order for order in orders if depth.book_at(BTC_TRY, order[0]) is not None]
    assert within, recorded_run  # the strategy traded while recorded books existed
    for created, side, price in within:
        book = depth.book_at(BTC_TRY, created)
        assert book is not None
        touch = {level.price for level in book.bids + book.asks}
        assert price in touch, (created, side, price, book)  # priced off the recorded book
    books = read_books(recording)
    assert all(b.recv_ms <= clock.now for b in books)
    assert placed(home / "synthetic.db") != orders  # the recorded depth changed the run
    assert synthetic_run
