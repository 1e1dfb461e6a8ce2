"""Cancel-and-replace, armed on stage 4 against the emulator: the replacement goes out only
after the exchange proves the cancel, and every limit holds at every instant as the exchange
counts it (its own order records, with open and close times, read through the admin API)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx
import pytest

from btcbot.config import load_config
from btcbot.domain import OrderStatus, Symbol
from btcbot.emulator import Account, Emulator, EmulatorConfig, running_emulator
from btcbot.emulator.accounts import demo_account
from btcbot.emulator.orders import OrderRequest
from btcbot.runtime.factory import Runtime, open_runtime
from btcbot.runtime.report import CycleReport
from btcbot.store import FillRepository, unit_of_work
from btcbot.store.schema import orders
from tests.helpers import eventually
from tests.runtime.conftest import arm, point_at

BTC_TRY = Symbol("BTC", "TRY")
SELLER = Account("seller-key", "c2VsbGVyLXNlY3JldA==", {"BTC": Decimal(10)})


@pytest.fixture
async def quiet() -> AsyncIterator[Emulator]:
    """No simulated trading between steps: our mid-priced orders rest until we act."""
    config = EmulatorConfig(
        seed=5,
        port=0,
        tick_seconds=0.0,
        rate_limit_scale=None,
        accounts=(demo_account(), SELLER),
    )
    async with running_emulator(config) as emu:
        yield emu


def configure(monkeypatch: pytest.MonkeyPatch, emu: Emulator) -> None:
    point_at(monkeypatch, emu)
    arm(monkeypatch, emu)
    for name, value in {
        "SYMBOLS": "BTC_TRY",
        "TTL_SECONDS": "1",
        "OFFSET_BPS": "0",  # buy at mid: the order rests (the quiet book does not cross it)
        "COOLDOWN_SECONDS": "0",  # nothing but the cancel proof may hold a replacement back
        "MAX_OPEN_ORDERS_PER_SYMBOL": "1",
    }.items():
        monkeypatch.setenv(name, value)


async def exchange_orders(emu: Emulator) -> list[dict[str, Any]]:
    key = emu.demo_account.api_key
    async with httpx.AsyncClient(base_url=emu.rest_url) as client:
        response = await client.get("/_emulator/orders", params={"apiKey": key})
    response.raise_for_status()
    rows: list[dict[str, Any]] = response.json()
    return rows


def max_open_at_once(rows: list[dict[str, Any]], pair: str) -> int:
    """The most orders of ours open together on ``pair``, from open/close times."""
    events = []
    for row in rows:
        if row["pair"] != pair:
            continue
        events.append((row["createdMs"], 1))
        if row["closedMs"] is not None:
            events.append((row["closedMs"], -1))
    open_now = peak = 0
    for _, change in sorted(events, key=lambda e: (e[0], e[1])):  # a close before an open
        open_now += change
        peak = max(peak, open_now)
    return peak


async def cycle_until_cancel(runtime: Runtime) -> list[CycleReport]:
    reports: list[CycleReport] = []

    async def cancelled() -> bool:
        reports.append(await runtime.runner.run_once())
        return reports[-1].cancels_sent > 0

    await eventually(cancelled, timeout=15, interval=0.05)
    return reports


def stored_status(runtime: Runtime) -> dict[str, str]:
    with unit_of_work(runtime.engine) as conn:
        return {row.client_order_id: row.status for row in conn.execute(orders.select())}


async def test_a_cancel_lost_to_a_5xx_sends_no_replacement_and_the_old_fill_is_booked_once(
    workdir: Path, quiet: Emulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The probe's case: the cancel answers 503 (it never happened); the old order then fills.
    No second order may exist on the exchange, and the position is exactly the one fill."""
    configure(monkeypatch, quiet)
    quiet.faults.update({"http_5xx_route": "DELETE /api/v1/order", "http_5xx_next": 1})
    async with open_runtime(load_config(4)) as runtime:
        reports = await cycle_until_cancel(runtime)
        assert quiet.faults.counters.faults["http_5xx_next"] == 1
        first = await exchange_orders(quiet)
        assert [(o["pair"], o["status"]) for o in first] == [("BTCTRY", "Untouched")]
        for _ in range(5):  # the cancel is unproven: nothing new goes out meanwhile
            reports.append(await runtime.runner.run_once())
        assert len(await exchange_orders(quiet)) == 1, [r.line() for r in reports]
        assert list(stored_status(runtime).values()) == [OrderStatus.PENDING_CANCEL.value]
        assert all(r.planned_submits == 0 for r in reports[-5:]), [r.line() for r in reports]
        # another client's market sell fills our resting buy: the race the cancel lost
        seller = quiet.exchange.user_by_key(SELLER.api_key)
        assert seller is not None
        quiet.exchange.submit(
            seller.user_id, OrderRequest("BTCTRY", "sell", "market", Decimal(1), None, None)
        )
        for _ in range(3):
            reports.append(await runtime.runner.run_once())
        history = await exchange_orders(quiet)
        statuses = stored_status(runtime)
        with unit_of_work(runtime.engine) as conn:
            fills = FillRepository(conn).all()
    assert [o["status"] for o in history if o["side"] == "buy"] == ["Closed"]
    assert list(statuses.values()) == [OrderStatus.FILLED.value]
    bought = sum((f.quantity for f in fills if f.side.value == "buy"), Decimal(0))
    assert bought == Decimal(history[0]["quantity"])  # one fill of one order, not two
    assert max_open_at_once(history, "BTCTRY") == 1


async def test_a_dropped_cancel_reply_is_proven_before_the_replacement_goes_out(
    workdir: Path, quiet: Emulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The cancel happens but its reply is lost: the order stays PENDING_CANCEL until
    ``order/{id}`` shows Canceled, and only then does its replacement go out."""
    configure(monkeypatch, quiet)
    quiet.faults.update({"drop_cancel_response_next": 1})
    async with open_runtime(load_config(4)) as runtime:
        reports = await cycle_until_cancel(runtime)
        assert quiet.faults.counters.faults["drop_cancel_response_next"] == 1

        async def replaced() -> bool:
            reports.append(await runtime.runner.run_once())
            return len(await exchange_orders(quiet)) >= 2

        await eventually(replaced, timeout=10, interval=0.05)
        history = await exchange_orders(quiet)
        statuses = stored_status(runtime)
    old, new = history[0], history[1]
    assert old["status"] == "Canceled" and old["closedMs"] is not None
    assert new["createdMs"] >= old["closedMs"], (old, new)
    assert statuses[old["clientId"]] == OrderStatus.CANCELED.value
    assert max_open_at_once(history, "BTCTRY") == 1


async def test_without_faults_the_exchange_never_holds_two_of_our_orders_on_a_pair(
    workdir: Path, quiet: Emulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    """TTL 1 s on stage 4: several cancel/replace rounds, and MAX_OPEN_ORDERS_PER_SYMBOL=1
    holds at every instant on the exchange (the predecessor's same-cycle replace left two
    orders resting for 7-15 ms each round)."""
    configure(monkeypatch, quiet)
    async with open_runtime(load_config(4)) as runtime:
        reports: list[CycleReport] = []

        async def rounds() -> bool:
            reports.append(await runtime.runner.run_once())
            return sum(r.cancels_sent for r in reports) >= 3

        await eventually(rounds, timeout=30, interval=0.2)
        history = await exchange_orders(quiet)
    assert len(history) >= 3, history  # replacements did go out, one at a time
    assert max_open_at_once(history, "BTCTRY") == 1, history
