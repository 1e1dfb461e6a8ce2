"""Market data service over the real emulator: REST mode, WS mode, fallback, refusal."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import pytest

from btcbot.btcturk.rest_client import BtcturkRestClient
from btcbot.btcturk.ws_client import BtcturkWsClient
from btcbot.btcturk.ws_config import WsClientConfig
from btcbot.config import ExchangeSettings
from btcbot.domain import Symbol
from btcbot.emulator import Emulator, EmulatorConfig, running_emulator
from btcbot.marketdata import MarketDataService, MarketDataUnavailable
from tests.helpers import eventually, free_port

BTC_TRY = Symbol("BTC", "TRY")
ETH_TRY = Symbol("ETH", "TRY")


@asynccontextmanager
async def emulator_and_rest(
    tick: float = 0.05,
) -> AsyncIterator[tuple[Emulator, BtcturkRestClient]]:
    config = EmulatorConfig(seed=3, port=0, tick_seconds=tick, ws_publish_seconds=0.05)
    async with running_emulator(config) as emu:
        settings = ExchangeSettings.model_validate(
            {"base_url": emu.rest_url, "graph_url": emu.graph_url}
        )
        async with BtcturkRestClient.from_settings(settings) as rest:
            yield emu, rest


def ws_config(url: str, stale_after: float = 2.0) -> WsClientConfig:
    return WsClientConfig(
        url=url,
        stale_after_seconds=stale_after,
        reconnect_base_delay_ms=10,
        reconnect_max_delay_ms=50,
        handshake_timeout_seconds=2.0,
        open_timeout_seconds=2.0,
    )


async def test_rest_mode_serves_every_symbol_with_its_age() -> None:
    async with emulator_and_rest(tick=0.0) as (_, rest):
        service = MarketDataService(mode="rest", rest=rest)
        snapshot = await service.snapshot([BTC_TRY, ETH_TRY])
    assert set(snapshot.books) == {BTC_TRY, ETH_TRY}
    assert snapshot.count("rest") == 2
    view = snapshot.books[BTC_TRY]
    assert view.book.best_bid is not None
    assert view.book.best_ask is not None
    assert view.book.best_bid < view.book.best_ask
    assert view.age_ms >= 0
    assert not snapshot.missing


async def test_ws_mode_books_match_the_exchange() -> None:
    async with (
        emulator_and_rest() as (emu, rest),
        BtcturkWsClient(ws_config(emu.ws_url)) as feed,
    ):
        service = MarketDataService(mode="ws", rest=rest, feed=feed)
        await service.start([BTC_TRY, ETH_TRY], ready_timeout=10)
        snapshot = await service.snapshot([BTC_TRY, ETH_TRY])
        assert snapshot.count("ws") == 2
        book = snapshot.books[BTC_TRY].book
        assert book.best_bid is not None
        assert book.best_ask is not None
        assert book.best_bid < book.best_ask
        assert snapshot.books[BTC_TRY].age_ms < 2000
    assert service.rest_fallbacks == 0


async def test_ws_mode_falls_back_to_rest_when_the_feed_is_stale() -> None:
    async with (
        emulator_and_rest() as (emu, rest),
        BtcturkWsClient(ws_config(emu.ws_url)) as feed,
    ):
        service = MarketDataService(mode="ws", rest=rest, feed=feed, rest_fallback=True)
        await service.start([BTC_TRY], ready_timeout=10)
        emu.faults.update({"ws_disconnect_every_s": 0.01})

        async def fell_back() -> bool:
            snap = await service.snapshot([BTC_TRY])
            return snap.count("rest") == 1

        await eventually(fell_back, timeout=10)
    assert service.rest_fallbacks >= 1


async def test_ws_mode_without_fallback_reports_the_symbol_missing() -> None:
    async with (
        emulator_and_rest() as (emu, rest),
        BtcturkWsClient(ws_config(emu.ws_url)) as feed,
    ):
        service = MarketDataService(mode="ws", rest=rest, feed=feed, rest_fallback=False)
        await service.start([BTC_TRY], ready_timeout=10)
        emu.faults.update({"ws_disconnect_every_s": 0.01})

        async def missing() -> bool:
            snap = await service.snapshot([BTC_TRY])
            return BTC_TRY in snap.missing and BTC_TRY not in snap.books

        await eventually(missing, timeout=10)


async def test_ws_mode_without_a_live_feed_is_refused_at_startup() -> None:
    async with emulator_and_rest(tick=0.0) as (_, rest):
        dead = f"ws://127.0.0.1:{free_port()}/"
        async with BtcturkWsClient(ws_config(dead)) as feed:
            service = MarketDataService(mode="ws", rest=rest, feed=feed)
            with pytest.raises(MarketDataUnavailable, match="MARKET_DATA_MODE=rest"):
                await service.start([BTC_TRY], ready_timeout=0.5)


def test_ws_mode_with_no_feed_attached_is_refused() -> None:
    with pytest.raises(MarketDataUnavailable, match="needs a running WebSocket feed"):
        MarketDataService(mode="ws", rest=None, feed=None)  # type: ignore[arg-type]
