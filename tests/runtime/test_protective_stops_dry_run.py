"""A dry run keeps its protective stop on paper like a live run keeps it on the exchange:
placed after the entry, restored by a restarted process, triggered by a fall of the live book,
its fill booked — and not one request that changes anything reaches the exchange."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from btcbot.config import load_config
from btcbot.domain import OrderMethod, OrderStatus, Symbol
from btcbot.emulator import EmulatorConfig, running_emulator
from btcbot.runtime.factory import open_runtime
from btcbot.runtime.report import CycleReport
from btcbot.store import OrderRepository, unit_of_work
from btcbot.store.schema import orders
from tests.runtime.conftest import paper, point_at

BTC_TRY = Symbol("BTC", "TRY")


async def test_a_paper_stop_is_placed_restored_and_triggered(
    workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    quiet = EmulatorConfig(seed=11, port=0, tick_seconds=0.0, rate_limit_scale=None)
    async with running_emulator(quiet) as emu:
        point_at(monkeypatch, emu)
        paper(monkeypatch)
        for name, value in {
            "SYMBOLS": "BTC_TRY",
            "ENTRY_NOTIONAL_TRY": "1000",
            "TARGET_TRY": "1000",
            "PROTECTIVE_STOP_BPS": "200",
            # every paper read sees the book as it is now, not the one read before the fall
            # (REST books are otherwise reused for ORDERBOOK_TTL_MS)
            "ORDERBOOK_TTL_MS": "0",
        }.items():
            monkeypatch.setenv(name, value)
        config = load_config(3)
        async with open_runtime(config) as runtime:
            first = [await runtime.runner.run_once() for _ in range(2)]
        with unit_of_work(runtime.engine) as conn:
            (stop,) = [o for o in OrderRepository(conn).live_orders() if o.order.request.is_stop]
        assert stop.order.request.method is OrderMethod.STOP_MARKET
        assert stop.status is OrderStatus.OPEN

        async with open_runtime(config) as restarted:  # a new process: paper state rebuilt
            (waiting,) = await restarted.runner.port.open_orders(BTC_TRY)
            assert (waiting.order_id, waiting.stop_price) == (
                stop.order.exchange_order_id,
                stop.order.request.stop_price,
            )
            emu.simulator.set_price("BTCTRY", emu.exchange.last_price("BTCTRY") * Decimal("0.9"))
            await emu.step(3)
            after: list[CycleReport] = [await restarted.runner.run_once() for _ in range(2)]
            with unit_of_work(restarted.engine) as conn:
                sold = OrderRepository(conn).require(stop.client_order_id)
                methods = {row.method for row in conn.execute(orders.select())}
                ledger = restarted.runner.ledger
        assert all(r.skipped is None for r in first + after), [r.line() for r in first + after]
        assert sold.status is OrderStatus.FILLED
        assert sold.order.filled_quantity == stop.order.request.quantity
        assert methods == {"limit", "stopmarket"}
        assert ledger is None or ledger.consecutive == 0
        assert emu.faults.counters.mutating_total == 0
