"""A book's age is judged when the plan is made, not when the book was read: whatever the
cycle waits for between the two (candles over a slow graph API, the server clock) ages it."""

from __future__ import annotations

from pathlib import Path

import pytest

from btcbot.config import load_config
from btcbot.emulator import Emulator
from btcbot.runtime.factory import open_runtime
from btcbot.store import unit_of_work
from btcbot.store.schema import decisions
from tests.runtime.conftest import paper, point_at


async def test_a_book_that_aged_past_the_limit_while_candles_loaded_prices_no_order(
    workdir: Path, emulator: Emulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    point_at(monkeypatch, emulator)
    paper(monkeypatch)
    monkeypatch.setenv("DRY_RUN_TRY_BALANCE", "100000")
    monkeypatch.setenv("MAX_MARKET_DATA_AGE_MS", "1000")
    monkeypatch.setenv("ORDERBOOK_TTL_MS", "0")
    async with open_runtime(load_config(7)) as runtime:
        # the candles stage 7 ranks volatility on load after the books, 0.4 s per pair (six
        # pairs: the books are 2.4 s older when the plan is made than when they were read)
        emulator.faults.update({"latency_ms": 400, "latency_path_prefix": "/v1/klines"})
        report = await runtime.runner.run_once()
        emulator.faults.clear()
        with unit_of_work(runtime.engine) as conn:
            codes = [row.reason_code for row in conn.execute(decisions.select())]
    assert emulator.faults.counters.faults["latency_ms"] >= 1
    assert "stale_market_data" in codes, codes  # the strategy wanted to trade ...
    assert report.accepted == 0, report.line()  # ... on books over 1 s old: no order
    assert all(age > 1000 for _, age in report.data_ages_ms), report.data_ages_ms


async def test_the_cycle_line_names_the_symbols_whose_book_is_too_old(
    workdir: Path, emulator: Emulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    point_at(monkeypatch, emulator)
    paper(monkeypatch)
    monkeypatch.setenv("SYMBOLS", "BTC_TRY,ETH_TRY")
    monkeypatch.setenv("MAX_MARKET_DATA_AGE_MS", "1000")
    monkeypatch.setenv("ORDERBOOK_TTL_MS", "0")
    async with open_runtime(load_config(3)) as runtime:
        # every order book read takes 1.2 s: each book is older than the limit when it arrives
        emulator.faults.update({"latency_ms": 1200, "latency_path_prefix": "/api/v2/orderbook"})
        report = await runtime.runner.run_once()
        emulator.faults.clear()
    assert {symbol for symbol, _ in report.data_ages_ms} == {"BTC_TRY", "ETH_TRY"}
    assert report.old_symbols == ("BTC_TRY", "ETH_TRY")
    assert " | stale BTC_TRY,ETH_TRY" in report.line(), report.line()


async def test_a_book_read_first_ages_while_the_others_are_read(
    workdir: Path, emulator: Emulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    point_at(monkeypatch, emulator)
    paper(monkeypatch)
    monkeypatch.setenv("DRY_RUN_TRY_BALANCE", "100000")
    monkeypatch.setenv("SYMBOLS", "BTC_TRY,ETH_TRY,SOL_TRY")
    monkeypatch.setenv("MAX_MARKET_DATA_AGE_MS", "1000")
    monkeypatch.setenv("ORDERBOOK_TTL_MS", "0")
    async with open_runtime(load_config(3)) as runtime:
        # each read takes 0.6 s: BTC_TRY's book, read first, is 1.8 s old once all are read
        emulator.faults.update({"latency_ms": 600, "latency_path_prefix": "/api/v2/orderbook"})
        report = await runtime.runner.run_once()
        emulator.faults.clear()
        with unit_of_work(runtime.engine) as conn:
            btc = [
                row.reason_code
                for row in conn.execute(decisions.select())
                if row.symbol == "BTC_TRY"
            ]
    ages = dict(report.data_ages_ms)
    assert ages["BTC_TRY"] >= 1200, ages
    assert "BTC_TRY" in report.old_symbols, report.line()
    assert btc == ["stale_market_data"], btc
