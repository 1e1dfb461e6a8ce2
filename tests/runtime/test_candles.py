"""Hourly candles for profile 7: from the emulator's graph API, from a replay, and cached."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from itertools import pairwise

from btcbot.btcturk.exchange import BtcturkExchange
from btcbot.btcturk.rest_client import BtcturkRestClient
from btcbot.config import ExchangeSettings, evaluate_arming
from btcbot.config.common import CommonSettings
from btcbot.domain import Candle, Symbol
from btcbot.emulator import EmulatorConfig, running_emulator
from btcbot.exchange.errors import ServerError
from btcbot.runtime.candles import CandleCache

BTC_TRY = Symbol("BTC", "TRY")
HOUR_MS = 3_600_000


class FakeClock:
    def __init__(self, start_ms: int) -> None:
        self.ms = start_ms

    def __call__(self) -> int:
        return self.ms


async def test_closed_hourly_candles_come_from_the_graph_api() -> None:
    clock = FakeClock(1_790_000_000_000 - 1_790_000_000_000 % HOUR_MS)
    config = EmulatorConfig(seed=4, port=0, tick_seconds=0.0, rate_limit_scale=None, clock_ms=clock)
    async with running_emulator(config) as emu:
        for _ in range(4):  # trades in four consecutive hours
            await emu.step(20)
            clock.ms += HOUR_MS
        settings = ExchangeSettings.model_validate(
            {"base_url": emu.rest_url, "graph_url": emu.graph_url}
        )
        async with BtcturkRestClient.from_settings(settings) as client:
            arming = evaluate_arming(CommonSettings.model_validate({}), False)
            port = BtcturkExchange(client, lambda: arming, wall_clock_s=lambda: clock.ms / 1000)
            candles = await port.recent_candles(BTC_TRY, 3)
    assert len(candles) == 3
    starts = [c.open_time_s for c in candles]
    assert starts == sorted(starts)
    assert all(b - a == 3600 for a, b in pairwise(starts))
    assert starts[-1] * 1000 < clock.ms - HOUR_MS + 1  # the open hour is left out
    assert all(c.low <= c.close <= c.high for c in candles)


class CountingPort:
    """A market-data port fake that counts candle requests and can fail on demand."""

    def __init__(self) -> None:
        self.calls = 0
        self.fail = False

    async def recent_candles(self, symbol: Symbol, count: int) -> Sequence[Candle]:
        self.calls += 1
        if self.fail:
            raise ServerError("graph api down", http_status=503)
        one = Decimal(self.calls)
        return (Candle(symbol, self.calls, one, one, one, one, one),)


async def test_cache_refreshes_each_symbol_at_most_every_refresh_interval() -> None:
    port = CountingPort()
    cache = CandleCache(port, refresh_ms=1000)  # type: ignore[arg-type]
    first = await cache.get([BTC_TRY], 21, now_ms=0)
    again = await cache.get([BTC_TRY], 21, now_ms=999)
    assert port.calls == 1
    assert again == first
    port.fail = True
    kept = await cache.get([BTC_TRY], 21, now_ms=1000)
    assert port.calls == 2
    assert kept == first, "a failed refresh keeps the previous candles"
    port.fail = False
    fresh = await cache.get([BTC_TRY], 21, now_ms=2000)
    assert fresh[BTC_TRY][0].open_time_s == 3
