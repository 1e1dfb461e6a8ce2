"""REST books read once and shared; refreshed as the budget allows; ages honest (emulator)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

import pytest

from btcbot.btcturk.exchange import BtcturkExchange
from btcbot.btcturk.rest_client import BtcturkRestClient
from btcbot.config import ExchangeSettings
from btcbot.config.gates import ArmingDecision
from btcbot.domain import Symbol
from btcbot.emulator import Emulator, EmulatorConfig, running_emulator
from btcbot.exchange.read_budget import ReadKind
from btcbot.marketdata import MarketDataService, RestBooks, SharedBooksMarket

BTC_TRY = Symbol("BTC", "TRY")
BOOKS = "GET /api/v2/orderbook"


class Monotonic:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


@dataclass
class Budget:
    spare_now: bool = True
    asked: int = 0

    def spare(self, read: ReadKind) -> bool:
        assert read is ReadKind.ORDER_BOOK
        self.asked += 1
        return self.spare_now


@asynccontextmanager
async def port() -> AsyncIterator[tuple[Emulator, BtcturkExchange]]:
    config = EmulatorConfig(seed=3, port=0, tick_seconds=0.0)
    async with running_emulator(config) as emu:
        settings = ExchangeSettings.model_validate({"base_url": emu.rest_url})
        async with BtcturkRestClient.from_settings(settings) as rest:
            yield emu, BtcturkExchange(rest, lambda: ArmingDecision(False, ("test",)))


def reads(emu: Emulator, path: str = BOOKS) -> int:
    return emu.faults.counters.requests[path]


async def test_a_young_book_is_shared_by_the_snapshot_and_the_paper_account() -> None:
    clock, budget = Monotonic(), Budget()
    async with port() as (emu, live):
        books = RestBooks(live, ttl_ms=2000, max_staleness_ms=5000, budget=budget, monotonic=clock)
        service = MarketDataService(mode="rest", rest=books, monotonic=clock)
        paper_market = SharedBooksMarket(live, books, monotonic=clock)
        first = await service.snapshot([BTC_TRY])
        clock.now += 1.5
        again = await service.snapshot([BTC_TRY])
        matched = await paper_market.order_book(BTC_TRY)
        assert reads(emu) == 1
    assert again.books[BTC_TRY].book == first.books[BTC_TRY].book == matched
    assert again.books[BTC_TRY].age_ms == 1500  # the age is the time since the read
    assert budget.asked == 0  # younger than the TTL: no question asked
    assert (books.reads, books.reused) == (1, 2)


@pytest.mark.parametrize(("spare", "expected_reads"), [(True, 2), (False, 1)])
async def test_an_older_book_is_read_again_only_while_the_budget_has_room_to_spare(
    spare: bool, expected_reads: int
) -> None:
    clock, budget = Monotonic(), Budget(spare_now=spare)
    async with port() as (emu, live):
        books = RestBooks(live, ttl_ms=2000, max_staleness_ms=5000, budget=budget, monotonic=clock)
        await books.book(BTC_TRY)
        clock.now += 3.0
        _, age = await books.book(BTC_TRY)
        assert reads(emu) == expected_reads
    assert budget.asked == 1
    assert age == (0 if spare else 3000)


async def test_past_the_staleness_limit_a_book_is_always_read() -> None:
    clock, budget = Monotonic(), Budget(spare_now=False)
    async with port() as (emu, live):
        books = RestBooks(live, ttl_ms=2000, max_staleness_ms=5000, budget=budget, monotonic=clock)
        await books.book(BTC_TRY)
        clock.now += 5.0
        _, age = await books.book(BTC_TRY)
        assert reads(emu) == 2
    assert age == 0


async def test_a_deeper_book_than_the_cached_one_is_read() -> None:
    clock = Monotonic()
    async with port() as (emu, live):
        books = RestBooks(live, ttl_ms=2000, max_staleness_ms=5000, monotonic=clock)
        await books.book(BTC_TRY, 5)
        await books.book(BTC_TRY, 25)
        await books.book(BTC_TRY, 10)
        assert reads(emu) == 2


async def test_without_a_cache_every_call_reads_and_rules_are_reused_for_the_paper_account() -> (
    None
):
    clock = Monotonic()
    async with port() as (emu, live):
        service = MarketDataService(mode="rest", rest=live, monotonic=clock)
        await service.snapshot([BTC_TRY])
        await service.snapshot([BTC_TRY])
        assert reads(emu) == 2
        paper_market = SharedBooksMarket(
            live, RestBooks(live, ttl_ms=0, max_staleness_ms=0), rules_ttl_s=300, monotonic=clock
        )
        await paper_market.exchange_rules()
        clock.now += 299
        await paper_market.exchange_rules()
        assert reads(emu, "GET /api/v2/server/exchangeinfo") == 1
        clock.now += 1
        await paper_market.exchange_rules()
        assert reads(emu, "GET /api/v2/server/exchangeinfo") == 2


def test_a_ttl_above_the_staleness_limit_is_refused() -> None:
    with pytest.raises(ValueError, match="TTL"):
        RestBooks(Budget(), ttl_ms=6000, max_staleness_ms=5000)  # type: ignore[arg-type]
