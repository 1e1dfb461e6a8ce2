"""The in-memory store's flush writes exactly the rows SQLAlchemy's plain ``table.insert()``
of the same row dictionaries writes: every table read back raw (no result processing), value
and type, on SQLite (where the rows go to the driver as tuples) and on PostgreSQL."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, event, text

from btcbot.domain import Fill, OrderEvent, OrderMethod, OrderRequest, Side, Symbol
from btcbot.store import DbRole, ExecutionMode, MemoryStateStore, open_store, sqlite_url
from btcbot.store import memory as memory_module
from btcbot.store.cycles import CycleRecord, DecisionRecord, SleptCycles
from btcbot.store.engine import unit_of_work
from btcbot.store.schema import op_state
from tests.postgres import fresh_database

NOW = 1_700_000_000_000
EXCHANGE_ID = 2**53 + 7
HUGE_TRADE_ID = 2**63 + 5  # beyond BIGINT: stored as text by IntText
UNICODE = "İşlem durduruldu: ₺ fiyat ≥ 2.150.000 — 🚀"
LONG = "uzun " * 5_000 + UNICODE
BTC, ETH = Symbol("BTC", "TRY"), Symbol("ETH", "TRY")
CYCLES = 40


def build_store(store: MemoryStateStore | None = None) -> MemoryStateStore:
    """A store (``store``, else a new one) with every table filled: orders with their events,
    ours and foreign fills, cycles (recorded, finished, slept) with decisions (None, unicode
    and long details), risk documents and operational switches; decimals with trailing zeros
    and exponents."""
    store = MemoryStateStore() if store is None else store
    replay = ExecutionMode.REPLAY
    buy = store.orders.insert_pending(
        OrderRequest(
            BTC,
            Side.BUY,
            OrderMethod.LIMIT,
            "c-buy",
            quantity=Decimal("0.00012340"),
            price=Decimal("2150000.120"),
        ),
        mode=replay,
        now_ms=NOW,
        reason=UNICODE,
    )
    accepted = buy.order.on(OrderEvent.ACCEPTED, exchange_order_id=EXCHANGE_ID)
    buy = store.orders.record_change(buy, accepted, "ACCEPTED", now_ms=NOW + 1, detail=None)
    partial = accepted.on(OrderEvent.PARTIAL_FILL, filled_quantity=Decimal("0.00010000"))
    store.orders.record_change(buy, partial, "PARTIAL_FILL", now_ms=NOW + 2, detail=LONG)
    stop = store.orders.insert_pending(
        OrderRequest(
            ETH,
            Side.SELL,
            OrderMethod.STOP_MARKET,
            "c-stop",
            quantity=Decimal("1E+1"),
            stop_price=Decimal("2.05E+6"),
        ),
        mode=replay,
        now_ms=NOW + 3,
    )
    store.orders.record_schedule(stop, next_resolve_ms=NOW + 60_000, error=LONG, now_ms=NOW + 4)
    store.orders.insert_pending(
        OrderRequest(BTC, Side.BUY, OrderMethod.MARKET, "c-market", quote_amount=Decimal("100.00")),
        mode=ExecutionMode.DRY_RUN,
        now_ms=NOW + 5,
    )
    for trade_id, client in ((HUGE_TRADE_ID, "c-buy"), (17, None)):
        fill = Fill(
            trade_id=trade_id,
            order_id=EXCHANGE_ID,
            client_order_id=client,
            symbol=BTC,
            side=Side.BUY,
            price=Decimal("2150000.00"),
            quantity=Decimal("0.00005000"),
            fee=Decimal("0.1075000"),
            tax=Decimal("0"),
            timestamp_ms=NOW + 2,
        )
        store.fills.insert(fill, now_ms=NOW + 3)
    for index in range(CYCLES):
        store.cycles.record(
            CycleRecord(
                cycle_id=f"cycle-{index:04d}",
                stage=7,
                started_ms=NOW + index * 60_000,
                mode=replay,
                ended_ms=None if index % 5 == 0 else NOW + index * 60_000 + 9,
                risk_mode=None if index % 3 == 0 else "NORMAL",
                submits=index % 2,
                realized_pnl=None if index % 4 == 0 else Decimal("1.500") * index,
                equity=Decimal("1E+3") + index,
                plan_fingerprint=None if index % 2 else f"plan-{index}",
                summary={"note": UNICODE, "pnl": Decimal("0.10"), "index": index},
            ),
            [
                DecisionRecord("strategy", "SUBMIT", "entry", symbol="BTCTRY", detail=UNICODE),
                DecisionRecord("risk_policy", "BLOCK", "cap", symbol=None, detail=None),
                DecisionRecord("execution", "HOLD", "wait", "ETHTRY", LONG if index == 1 else None),
                DecisionRecord("universe", "EXCLUDE", "thin", f"X{index % 3}TRY", str(index)),
            ],
        )
    store.cycles.finish(
        "cycle-0000",
        ended_ms=NOW + 10,
        fills=1,
        realized_pnl=Decimal("2.50"),
        equity=Decimal("1000.00"),
        summary={"done": True},
    )
    store.cycles.record_slept(
        SleptCycles(
            id_prefix="slept",
            stage=7,
            mode=replay,
            first_sequence=CYCLES,
            starts=[NOW + CYCLES * 60_000, NOW + (CYCLES + 1) * 60_000],
            equity=[Decimal("10.0"), None],
            realized_pnl=[None, Decimal("-0.50")],
            summary={"slept": UNICODE},
        )
    )
    store.documents.put("main", {"peak": Decimal("1000.50"), "note": UNICODE}, now_ms=NOW)
    store.documents.put("other", {}, now_ms=NOW + 1)
    store.op_state.set_kill_switch("main", active=True, source="operator", reason=LONG, now_ms=NOW)
    store.op_state.set_stop_entries("main", active=True, reason="drawdown", now_ms=NOW + 1)
    store.op_state.set_freeze("other", reason=UNICODE, now_ms=NOW + 2)
    store.op_state.set_degrade_override(
        "third", mode="REDUCED", reason=None, until_ms=NOW + 9, now_ms=NOW + 3
    )
    store.op_state.record_reconcile_failure("third", error="timeout", threshold=3, now_ms=NOW + 4)
    return store


def reference_flush(store: MemoryStateStore, engine: Engine) -> None:
    """The plain SQLAlchemy path: each table's row dictionaries to ``table.insert()``."""
    with unit_of_work(engine) as connection:
        for table, rows in store.table_rows():
            batch = list(rows)
            if batch:
                connection.execute(table.insert(), batch)


TABLES = {
    "orders": "client_order_id",
    "order_events": "event_id",
    "fills": "trade_id",
    "cycles": "cycle_id",
    "decisions": "decision_id",
    "risk_state": "account_key",
    "op_state": "account_key",
}


def dump(engine: Engine) -> dict[str, list[list[tuple[str, Any]]]]:
    """Every table's rows as the driver returns them, each value with its type."""
    with engine.connect() as connection:
        return {
            name: [
                [(type(value).__name__, value) for value in row]
                for row in connection.execute(text(f"SELECT * FROM {name} ORDER BY {key}"))
            ]
            for name, key in TABLES.items()
        }


@pytest.fixture
def engines(
    database_url: str, request: pytest.FixtureRequest, tmp_path: Path
) -> Iterator[tuple[Engine, Engine]]:
    """Two fresh migrated databases of the same dialect: flushed, and written by reference."""
    if database_url.startswith("sqlite"):
        other = sqlite_url(tmp_path / "reference.db")
    else:
        other = fresh_database(request.getfixturevalue("postgres"))
    pair = (open_store(database_url, DbRole.REPLAY), open_store(other, DbRole.REPLAY))
    yield pair
    for engine in pair:
        engine.dispose()


@pytest.mark.parametrize("batch", [memory_module.FLUSH_BATCH, 7, 1])
def test_flush_writes_the_rows_of_a_plain_insert(
    engines: tuple[Engine, Engine], batch: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    flushed, reference = engines
    monkeypatch.setattr(memory_module, "FLUSH_BATCH", batch)
    build_store().flush(flushed)
    reference_flush(build_store(), reference)
    written, expected = dump(flushed), dump(reference)
    assert {name: len(rows) for name, rows in written.items()} == {
        "orders": 3,
        "order_events": 5,
        "fills": 2,
        "cycles": CYCLES + 2,
        "decisions": 4 * CYCLES,
        "risk_state": 2,
        "op_state": 3,
    }
    assert written == expected


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_on_sqlite_every_table_goes_to_the_driver_as_tuples(
    engines: tuple[Engine, Engine],
) -> None:
    flushed, _ = engines
    inserts: list[tuple[str, bool, int]] = []

    @event.listens_for(flushed, "before_cursor_execute")
    def record(_conn: Any, _cursor: Any, sql: str, params: Any, context: Any, many: bool) -> None:
        if sql.startswith("INSERT"):
            inserts.append((sql.split()[2], context.compiled is None, len(params) if many else 1))

    build_store().flush(flushed)
    assert inserts == [
        ("orders", True, 3),
        ("order_events", True, 5),
        ("fills", True, 2),
        ("cycles", True, CYCLES + 2),
        ("decisions", True, 4 * CYCLES),
        ("risk_state", True, 2),
        ("op_state", True, 3),
    ]


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_a_batch_of_rows_with_other_keys_goes_through_sqlalchemy(
    engines: tuple[Engine, Engine], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A row that leaves a column out gets what SQLAlchemy gives it (here the server
    default of ``stop_entries``), in its place among the table's rows."""
    flushed, _ = engines
    store = build_store()
    full = list(store.op_state.rows())
    short = {**full[1], "account_key": "short"}
    del short["stop_entries"]
    monkeypatch.setattr(store.op_state, "rows", lambda: iter([full[0], short, full[2]]))
    monkeypatch.setattr(memory_module, "FLUSH_BATCH", 1)
    store.flush(flushed)
    with flushed.connect() as connection:
        written = connection.execute(
            text("SELECT account_key, stop_entries, freeze_active FROM op_state ORDER BY rowid")
        ).all()
    assert [tuple(row) for row in written] == [("main", 1, 0), ("short", 0, 1), ("third", 0, 0)]
    assert op_state.c.stop_entries.server_default is not None


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_the_processors_shape_the_values_even_where_the_driver_takes_raw_ones(
    engines: tuple[Engine, Engine], monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the driver able to bind a ``Decimal`` itself (as its ``str``), a money value left
    unprocessed would land with its trailing zeros and an id as an integer: the rows must
    still be the reference's, value and type."""
    flushed, reference = engines
    monkeypatch.setitem(sqlite3.adapters, (Decimal, sqlite3.PrepareProtocol), str)
    build_store().flush(flushed)
    reference_flush(build_store(), reference)
    assert dump(flushed) == dump(reference)


@pytest.mark.parametrize("spill", [1, 7, 60])
def test_cycles_written_as_they_go_give_the_rows_of_one_write_at_the_end(
    engines: tuple[Engine, Engine], spill: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A store writing into a transaction whenever ``spill`` cycle and decision rows are
    held: the same database once committed, a cycle finished after it was written updated
    there (cycle-0000, finished after 39 others), and never more than ``spill`` rows plus one
    record's held."""
    written, reference = engines
    monkeypatch.setattr(memory_module, "SPILL_ROWS", spill)
    store = MemoryStateStore()
    held: list[int] = []
    record = store.cycles.record

    def counted(cycle: CycleRecord, decided: Any = ()) -> None:
        record(cycle, decided)
        held.append(len(list(store.cycles.rows())) + len(list(store.cycles.decision_rows())))

    monkeypatch.setattr(store.cycles, "record", counted)
    with unit_of_work(written) as connection:
        store.write_into(connection)
        build_store(store)
        finished = store.cycles.get("cycle-0000")
        assert finished is not None and finished.summary == {"done": True}
        assert finished.equity == Decimal("1000.00")
        store.write_rest(connection)
    assert max(held) < spill + 5  # one record adds a cycle and its four decisions
    if spill < CYCLES:
        assert min(held) < 5 * CYCLES  # some were written before the end
    reference_flush(build_store(), reference)
    assert dump(written) == dump(reference)


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_a_run_that_fails_leaves_none_of_the_cycles_it_wrote(
    engines: tuple[Engine, Engine], monkeypatch: pytest.MonkeyPatch
) -> None:
    written, _ = engines
    monkeypatch.setattr(memory_module, "SPILL_ROWS", 3)
    store = MemoryStateStore()
    with written.connect() as connection:
        connection.begin()
        store.write_into(connection)
        build_store(store)
        counted = connection.execute(text("SELECT count(*) FROM cycles")).scalar_one()
        assert counted > 0  # written into the transaction
    # closed without a commit: rolled back
    assert all(not rows for rows in dump(written).values())
