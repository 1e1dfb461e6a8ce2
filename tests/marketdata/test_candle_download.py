"""Candle download through the real REST client from the loopback emulator's graph API.

The emulator's clock is pinned, so its history (and "now") is fixed; the sink here is a
hand-written in-memory one that records what was committed.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

import pytest

from btcbot.btcturk.rest_client import BtcturkRestClient
from btcbot.config import ExchangeSettings
from btcbot.domain import Symbol
from btcbot.domain.market import Candle
from btcbot.emulator import EmulatorConfig, running_emulator
from btcbot.emulator.server import Emulator
from btcbot.exchange.errors import ServerError
from btcbot.marketdata.candle_download import (
    PAGE_CANDLES,
    TIMEFRAMES,
    DownloadReport,
    download_candles,
)
from tests.btcturk.rest_fake_server import FakeTime

BTC_TRY = Symbol("BTC", "TRY")
NOW_MS = 1_780_000_123_456
MINUTE, HOUR, DAY = 60_000, 3_600_000, 86_400_000


@dataclass
class MemorySink:
    committed: list[Candle] = field(default_factory=list)
    pending: list[Candle] = field(default_factory=list)
    commits: int = 0

    def last_open_ms(self) -> int | None:
        rows = self.committed + self.pending
        return rows[-1].open_time_s * 1000 if rows else None

    def append(self, candles: Sequence[Candle]) -> None:
        last = self.last_open_ms()
        assert last is None or candles[0].open_time_s * 1000 > last
        self.pending += candles

    def commit(self) -> None:
        self.committed += self.pending
        self.pending = []
        self.commits += 1


@dataclass
class Rig:
    emu: Emulator
    client: BtcturkRestClient
    time: FakeTime


@asynccontextmanager
async def rig(**settings: Any) -> AsyncIterator[Rig]:
    config = EmulatorConfig(seed=5, port=0, tick_seconds=0.0, clock_ms=lambda: NOW_MS)
    async with running_emulator(config) as emu:
        values = {"base_url": emu.rest_url, "graph_url": emu.graph_url} | settings
        fake = FakeTime()
        client = BtcturkRestClient.from_settings(
            ExchangeSettings.model_validate(values), sleep=fake.sleep, monotonic=fake
        )
        async with client:
            yield Rig(emu, client, fake)


def expected(emu: Emulator, first_ms: int, stop_ms: int, minutes: int) -> list[tuple[Any, ...]]:
    candles = emu.exchange.candles["BTCTRY"].aggregate(first_ms // 1000, stop_ms // 1000, minutes)
    return [
        (c.start_s, c.open, c.high, c.low, c.close, c.volume)
        for c in candles
        if first_ms <= c.start_s * 1000 < stop_ms
    ]


def stored(candles: list[Candle]) -> list[tuple[Any, ...]]:
    return [(c.open_time_s, c.open, c.high, c.low, c.close, c.volume) for c in candles]


async def test_minutes_in_pages_up_to_the_last_closed_candle() -> None:
    async with rig() as r:
        open_minute = NOW_MS - NOW_MS % MINUTE
        start = open_minute - 2500 * MINUTE - 17_000  # not aligned: the first candle is next
        sink = MemorySink()
        report = await download_candles(
            r.client, sink, BTC_TRY, TIMEFRAMES["1m"], start, NOW_MS + DAY, now_ms=NOW_MS
        )
        assert report.start_ms == open_minute - 2500 * MINUTE
        assert report.stop_ms == open_minute  # the candle still open is not stored
        assert report.requests == 4 and report.candles == 2500 and report.complete
        assert stored(sink.committed) == expected(r.emu, report.start_ms, open_minute, 1)
        assert sink.pending == []
        counted = r.emu.faults.counters.requests
        # one daily probe for where the data starts, then three pages of minutes
        assert counted["GET /v1/ohlcs"] == 1 and counted["GET /v1/klines/history"] == 3


async def test_hours_from_klines_and_days_from_ohlcs() -> None:
    async with rig() as r:
        hours, days = MemorySink(), MemorySink()
        frame = TIMEFRAMES["1h"]
        await download_candles(
            r.client, hours, BTC_TRY, frame, NOW_MS - 50 * HOUR, NOW_MS, now_ms=NOW_MS
        )
        first_hour = NOW_MS - NOW_MS % HOUR - 49 * HOUR
        assert stored(hours.committed) == expected(r.emu, first_hour, first_hour + 49 * HOUR, 60)
        report = await download_candles(
            r.client, days, BTC_TRY, TIMEFRAMES["1d"], NOW_MS - 40 * DAY, NOW_MS, now_ms=NOW_MS
        )
        assert r.emu.faults.counters.requests["GET /v1/ohlcs"] == 2  # the probe, the days
        today = NOW_MS - NOW_MS % DAY
        assert stored(days.committed) == expected(r.emu, report.start_ms, today, 1440)
        assert len(days.committed) == 39  # today's candle has not closed


async def test_a_stopped_run_resumes_after_its_last_candle_and_fetches_nothing_twice() -> None:
    async with rig() as r:
        window = (NOW_MS - 3 * PAGE_CANDLES * MINUTE, NOW_MS)
        frame = TIMEFRAMES["1m"]
        stop = asyncio.Event()

        def after_first_page(report: DownloadReport) -> None:
            stop.set()

        sink = MemorySink()
        first = await download_candles(
            r.client,
            sink,
            BTC_TRY,
            frame,
            *window,
            now_ms=NOW_MS,
            stop=stop,
            on_page=after_first_page,
        )
        assert first.stopped and first.requests == 2 and len(sink.committed) == PAGE_CANDLES
        second = await download_candles(r.client, sink, BTC_TRY, frame, *window, now_ms=NOW_MS)
        assert second.resumed_after_ms == sink.committed[PAGE_CANDLES - 1].open_time_s * 1000
        assert second.requests == 2 and second.candles == 2 * PAGE_CANDLES - 1
        whole = MemorySink()
        await download_candles(r.client, whole, BTC_TRY, frame, *window, now_ms=NOW_MS)
        assert stored(sink.committed) == stored(whole.committed)
        again = await download_candles(r.client, sink, BTC_TRY, frame, *window, now_ms=NOW_MS)
        assert again.requests == 0 and again.candles == 0  # up to date: nothing asked


async def test_a_failing_exchange_keeps_what_was_fetched() -> None:
    async with rig(rest_max_retries=0) as r:

        def fail_from_now_on(report: DownloadReport) -> None:
            r.emu.faults.update({"http_5xx_probability": 1.0})

        sink = MemorySink()
        with pytest.raises(ServerError):
            await download_candles(
                r.client,
                sink,
                BTC_TRY,
                TIMEFRAMES["1m"],
                NOW_MS - 2 * PAGE_CANDLES * MINUTE,
                NOW_MS,
                now_ms=NOW_MS,
                on_page=fail_from_now_on,
            )
        assert len(sink.committed) == PAGE_CANDLES and sink.pending == []


async def test_pages_wait_for_the_graph_rate_limit() -> None:
    """graph-api allows 600 calls per 10 min; at a 1 % margin that is 6: the 7th page waits
    (on the client's injected clock) for the window to pass."""
    async with rig(rate_limit_margin=0.01) as r:
        sink = MemorySink()
        report = await download_candles(
            r.client,
            sink,
            BTC_TRY,
            TIMEFRAMES["1m"],
            NOW_MS - 8 * PAGE_CANDLES * MINUTE,
            NOW_MS,
            now_ms=NOW_MS,
        )
        assert report.requests == 9 and len(sink.committed) == 8 * PAGE_CANDLES - 1
        assert sum(r.time.sleeps) >= 600 - 1


async def test_a_window_starting_before_the_history_skips_to_its_first_day() -> None:
    config = EmulatorConfig(
        seed=5, port=0, tick_seconds=0.0, clock_ms=lambda: NOW_MS, history_days=2
    )
    async with running_emulator(config) as emu:
        values = {"base_url": emu.rest_url, "graph_url": emu.graph_url}
        async with BtcturkRestClient.from_settings(ExchangeSettings.model_validate(values)) as rest:
            sink = MemorySink()
            report = await download_candles(
                rest, sink, BTC_TRY, TIMEFRAMES["1m"], NOW_MS - 400 * DAY, NOW_MS, now_ms=NOW_MS
            )
            nothing = MemorySink()
            untraded = await download_candles(
                rest, nothing, BTC_TRY, TIMEFRAMES["1h"], NOW_MS - 900 * DAY, NOW_MS - 800 * DAY,
                now_ms=NOW_MS,
            )  # fmt: skip
    first_day = NOW_MS - NOW_MS % DAY - 2 * DAY
    assert sink.committed[0].open_time_s * 1000 == first_day
    minutes = (NOW_MS - NOW_MS % MINUTE - first_day) // MINUTE
    assert report.candles == minutes and report.requests == 1 + -(-minutes // PAGE_CANDLES)
    assert (untraded.requests, untraded.candles, nothing.committed) == (1, 0, [])
