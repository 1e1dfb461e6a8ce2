"""A cycle costs the same after a long history as on day one: what it asks the database does
not depend on how many orders, fills and cycles are stored, and a cycle that sends nothing
writes its decision in one transaction."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event

from btcbot.backtest.rules import venue_rules
from btcbot.domain import Fill, Order, OrderMethod, OrderRequest, OrderStatus, Side
from btcbot.exchange.replay import ReplayExchange
from btcbot.execution import OrderManager
from btcbot.kernel.builtin import builtin_profile
from btcbot.marketdata import MarketDataService
from btcbot.runtime.cycle import CycleRunner, CycleSettings
from btcbot.runtime.ledger_guard import LedgerGuard
from btcbot.store import (
    CycleRecord,
    DbRole,
    ExecutionMode,
    SqlStateStore,
    StoredOrder,
    open_store,
    sqlite_url,
    unit_of_work,
)
from btcbot.store.cycles import cycle_row
from btcbot.store.fills import fill_row
from btcbot.store.orders import order_row
from btcbot.store.schema import cycles, fills, orders
from tests.backtest.factories import BTC_TRY, START, T0, lively, wave_dataset

HISTORY_START = T0 - 400 * 86_400_000  # long before the replayed days


def seed_history(engine: Engine, count: int) -> None:
    """``count`` finished orders of ours, each with one fill, and ``count`` cycles."""
    order_rows, fill_rows, cycle_rows = [], [], []
    for n in range(count):
        at = HISTORY_START + n * 60_000
        side = Side.BUY if n % 2 == 0 else Side.SELL
        request = OrderRequest(
            BTC_TRY, side, OrderMethod.LIMIT, f"old-{n}", quantity=Decimal("0.001"), price=D1M
        )
        order = Order(request, OrderStatus.FILLED, 10**9 + n, Decimal("0.001"))
        order_rows.append(order_row(StoredOrder(order, ExecutionMode.REPLAY, at, at)))
        fill = Fill(
            10**12 + n, 10**9 + n, f"old-{n}", BTC_TRY, side, D1M, Decimal("0.001"),
            Decimal("1"), Decimal("0.1"), at,
        )  # fmt: skip
        fill_rows.append(fill_row(fill, at))
        cycle_rows.append(cycle_row(CycleRecord(f"old-{n}", 3, at, ExecutionMode.REPLAY)))
    with unit_of_work(engine) as conn:
        for table, rows in ((orders, order_rows), (fills, fill_rows), (cycles, cycle_rows)):
            if rows:
                conn.execute(table.insert(), rows)


D1M = Decimal(1_000_000)


def runner_on(engine: Engine) -> CycleRunner:
    """The backtest's wiring on the database engine (every write a transaction)."""
    dataset = wave_dataset(48)
    replay = ReplayExchange(
        dataset, venue_rules(dataset.symbols), START, spread_bps=Decimal(10), seed=1
    )
    store = SqlStateStore(engine)
    oms = OrderManager(store, replay, mode=ExecutionMode.REPLAY, clock_ms=replay.now_ms)
    return CycleRunner(
        store=store,
        port=replay,
        oms=oms,
        market=MarketDataService(mode="rest", rest=replay, book_clock_ms=replay.now_ms),
        profile=builtin_profile(lively(3)),
        settings=CycleSettings(
            stage=3,
            mode=ExecutionMode.REPLAY,
            account_key="main",
            symbols=(BTC_TRY,),
            kill_switch=False,
            safe_mode=True,  # observe only: every cycle plans nothing to send
        ),
        clock_ms=replay.now_ms,
        ledger=LedgerGuard(store, "main", 3),
    )


@contextmanager
def statements(engine: Engine) -> Iterator[list[tuple[str, Any]]]:
    seen: list[tuple[str, Any]] = []

    def record(conn: Any, cursor: Any, statement: str, parameters: Any, *args: Any) -> None:
        seen.append((" ".join(statement.split()), parameters))

    event.listen(engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", record)


async def steady_cycle(tmp_path: Path, history: int) -> tuple[list[str], list[str]]:
    """The statements of one cycle after a few warm-up cycles, on ``history`` old rows, and
    how SQLite plans each of its reads."""
    path = tmp_path / f"h{history}.db"
    engine = open_store(sqlite_url(path), DbRole.REPLAY)
    try:
        seed_history(engine, history)
        runner = runner_on(engine)
        replay = runner.port
        assert isinstance(replay, ReplayExchange)
        for _ in range(3):
            assert (await runner.run_once()).skipped is None
            replay.step()
        with statements(engine) as seen:
            report = await runner.run_once()
        assert report.skipped is None and report.planned_submits == 0
    finally:
        engine.dispose()
    connection = sqlite3.connect(path)
    try:
        plans = [
            row[3]
            for statement, parameters in seen
            if statement.startswith("SELECT")
            for row in connection.execute(f"EXPLAIN QUERY PLAN {statement}", parameters)
        ]
    finally:
        connection.close()
    return [statement for statement, _ in seen], plans


async def test_a_cycle_asks_the_same_whatever_the_history(tmp_path: Path) -> None:
    small, _ = await steady_cycle(tmp_path, 10)
    large, plans = await steady_cycle(tmp_path, 3_000)
    assert small == large
    # every read goes through a key or an index that skips the history (no full scan)
    assert plans and not [p for p in plans if p.startswith("SCAN")], plans
    assert [p for p in plans if "orders" in p] == [
        "SEARCH orders USING INDEX ix_orders_status (status=?)"
    ], plans
    reads = [s for s in small if s.startswith("SELECT")]
    assert reads and not [s for s in reads if "FROM fills" in s or "GROUP BY" in s], reads
    assert not [s for s in reads if "FROM cycles" in s or "FROM decisions" in s], reads
    # reads of orders are by key or of the live ones only (an index on status)
    assert all(
        "WHERE orders.status IN" in s or "orders.client_order_id =" in s
        for s in reads
        if "FROM orders" in s
    ), reads
    # an idle cycle: refresh of the live orders, the state read, one write transaction, and
    # the switches read again for the cycle line's trips
    assert sum(s.startswith("BEGIN") for s in small) == 4
    assert sum(s.startswith(("INSERT", "UPDATE")) for s in small) == 3  # risk, cycle, decisions
