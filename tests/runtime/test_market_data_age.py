"""A book's age is judged when the plan is made, not when the book was read: whatever the
cycle waits for between the two (candles over a slow graph API, the server clock, the other
books) ages it."""

from __future__ import annotations

from pathlib import Path

import pytest

from btcbot.config import load_config
from btcbot.emulator import Emulator
from btcbot.runtime.factory import open_runtime
from btcbot.runtime.report import CycleReport
from btcbot.store import unit_of_work
from btcbot.store.schema import decisions
from tests.runtime.conftest import arm, paper, point_at


async def slow_cycle(
    emulator: Emulator,
    monkeypatch: pytest.MonkeyPatch,
    stage: int,
    latency: tuple[int, str],
    **settings: str,
) -> tuple[CycleReport, list[tuple[str | None, str]]]:
    """One paper cycle whose reads under ``latency``'s path each take its milliseconds, with
    a 1 s freshness limit and no book cache; its report and (symbol, reason code) decisions."""
    point_at(monkeypatch, emulator)
    paper(monkeypatch)
    for name, value in {
        "MAX_MARKET_DATA_AGE_MS": "1000",
        "ORDERBOOK_TTL_MS": "0",
        **settings,
    }.items():
        monkeypatch.setenv(name, value)
    async with open_runtime(load_config(stage)) as runtime:
        emulator.faults.update({"latency_ms": latency[0], "latency_path_prefix": latency[1]})
        report = await runtime.runner.run_once()
        emulator.faults.clear()
        with unit_of_work(runtime.engine) as conn:
            taken = [(row.symbol, row.reason_code) for row in conn.execute(decisions.select())]
    assert emulator.faults.counters.faults["latency_ms"] >= 1
    return report, taken


async def test_a_book_that_aged_past_the_limit_while_candles_loaded_prices_no_order(
    workdir: Path, emulator: Emulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the candles stage 7 ranks volatility on load after the books, 0.4 s per pair (six
    # pairs: the books are 2.4 s older when the plan is made than when they were read)
    report, taken = await slow_cycle(
        emulator, monkeypatch, 7, (400, "/v1/klines"), DRY_RUN_TRY_BALANCE="100000"
    )
    codes = [code for _, code in taken]
    assert "stale_market_data" in codes, codes  # the strategy wanted to trade ...
    assert report.accepted == 0, report.line()  # ... on books over 1 s old: no order
    assert all(age > 1000 for _, age in report.data_ages_ms), report.data_ages_ms


async def test_the_cycle_line_names_the_symbols_whose_book_is_too_old(
    workdir: Path, emulator: Emulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    # every order book read takes 1.2 s: each book is older than the limit when it arrives
    report, _ = await slow_cycle(
        emulator, monkeypatch, 3, (1200, "/api/v2/orderbook"), SYMBOLS="BTC_TRY,ETH_TRY"
    )
    assert {symbol for symbol, _ in report.data_ages_ms} == {"BTC_TRY", "ETH_TRY"}
    assert report.old_symbols == ("BTC_TRY", "ETH_TRY")
    assert " | stale BTC_TRY,ETH_TRY" in report.line(), report.line()


async def test_a_book_read_first_ages_while_the_others_are_read(
    workdir: Path, emulator: Emulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    # each read takes 0.6 s: BTC_TRY's book, read first, is 1.8 s old once all are read
    report, taken = await slow_cycle(
        emulator,
        monkeypatch,
        3,
        (600, "/api/v2/orderbook"),
        DRY_RUN_TRY_BALANCE="100000",
        SYMBOLS="BTC_TRY,ETH_TRY,SOL_TRY",
    )
    ages = dict(report.data_ages_ms)
    assert ages["BTC_TRY"] >= 1200, ages
    assert "BTC_TRY" in report.old_symbols, report.line()
    btc = [code for symbol, code in taken if symbol == "BTC_TRY"]
    assert btc == ["stale_market_data"], btc


async def test_a_submit_whose_book_aged_while_the_others_were_sent_is_held_back(
    workdir: Path, emulator: Emulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Armed, each order takes 1.2 s to send: the first goes out on a fresh book, the ones
    after it would be priced on books over the 1 s limit, and are not sent."""
    point_at(monkeypatch, emulator)
    arm(monkeypatch, emulator)
    for name, value in {
        "SYMBOLS": "BTC_TRY,ETH_TRY,SOL_TRY",
        "MAX_MARKET_DATA_AGE_MS": "1000",
        "ORDERBOOK_TTL_MS": "0",
    }.items():
        monkeypatch.setenv(name, value)
    async with open_runtime(load_config(3)) as runtime:
        emulator.faults.update({"latency_ms": 1200, "latency_path_prefix": "/api/v1/order"})
        report = await runtime.runner.run_once()
        emulator.faults.clear()
    assert report.planned_submits >= 2, report.line()
    assert report.accepted + report.in_flight == 1, report.line()
    held = report.planned_submits - 1
    assert ("stale_market_data", held) in report.blocked, report.line()
    assert len(emulator.order_history.orders) == 1
