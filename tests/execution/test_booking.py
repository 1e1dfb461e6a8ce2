"""Property: the ledger the OMS carries in memory is the ledger the store's fills give.

Fills arrive in any order, before or after their order learns its exchange id, with or
without a client id, mixed with fills of orders that are not ours — after every event the
carried book (positions, PnL, balance effect, count, foreign fills) equals what
``build_ledger(FillRepository.ours())`` and ``expected_holdings`` compute from the store, on
the database store and on the in-memory one."""

from __future__ import annotations

import itertools
from decimal import Decimal
from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st

from btcbot.accounting import build_ledger, expected_holdings
from btcbot.domain import Fill, OrderEvent, Side
from btcbot.execution import persist_intents
from btcbot.execution.evidence import Evidence
from btcbot.execution.journal import Journal
from btcbot.runtime.readings import fills_cursor
from btcbot.store import (
    DbRole,
    ExecutionMode,
    MemoryStateStore,
    SqlStateStore,
    StateStore,
    open_store,
    sqlite_url,
)
from tests.execution.rig import BTC_TRY, FakeClock, limit

ORDERS = 3
PRICE = Decimal(3_000_000)

# (kind, order, detail): "persist" an intent, "ack" it with its exchange id, a "fill" of it
# (detail: 0 with client id and its id, 1 without client id, 2 with client id but another
# exchange id), or a "foreign" fill (another client's order).
event = st.tuples(
    st.sampled_from(["persist", "ack", "fill", "fill", "foreign"]),
    st.integers(0, ORDERS - 1),
    st.integers(0, 2),
    st.integers(0, 50),  # fill timestamp: arrival order is not time order
    st.sampled_from([Side.BUY, Side.SELL]),
)


def replay_events(store: StateStore, events: list[tuple[str, int, int, int, Side]]) -> None:
    journal = Journal(store, ExecutionMode.LIVE, FakeClock())
    trade_ids = itertools.count(1)
    persisted: set[int] = set()
    for kind, k, detail, ts, side in events:
        coid = f"o{k}"
        if kind == "persist" and k not in persisted:
            with store.session() as session:
                stored = persist_intents(session.orders, [limit(coid, PRICE)], "live", 0)
            journal.track(stored)
            persisted.add(k)
        elif kind == "ack" and k in persisted:
            journal.apply(coid, Evidence(OrderEvent.ACCEPTED, "test", 1_000 + k))
        elif kind == "fill":
            order_id = 9_000 + k if detail == 2 else 1_000 + k
            client = None if detail == 1 else coid
            journal.record_fill(fill(next(trade_ids), order_id, client, side, ts))
        elif kind == "foreign":
            journal.record_fill(fill(next(trade_ids), 5_000 + k, "app", side, ts))
        check(store, journal)


def fill(trade_id: int, order_id: int, client: str | None, side: Side, ts: int) -> Fill:
    quantity = Decimal("0.0001") * (trade_id % 3 + 1)
    return Fill(
        trade_id, order_id, client, BTC_TRY, side, PRICE + trade_id, quantity,
        Decimal("0.3"), Decimal("0.06"), 1_000 + ts,
    )  # fmt: skip


def check(store: StateStore, journal: Journal) -> None:
    with store.session() as session:
        ours = session.fills.ours()
        foreign = session.fills.foreign_recorded()
    carried = journal.book.ledger()
    rebuilt = build_ledger(ours)
    assert dict(carried.positions) == dict(rebuilt.positions)
    assert carried.fills == len(ours)
    expected = expected_holdings(ours)
    assets = set(expected) | set(carried.effect)
    assert {a: carried.effect.get(a, 0) for a in assets} == {a: expected.get(a, 0) for a in assets}
    assert journal.book.foreign_recorded_since(None) == [f for f, _ in foreign]
    assert dict(carried.cursor) == fills_cursor(ours)


# Two fills arrive before their intent, the second as old as a fill already booked: the
# intent claims both at once (a rebuild that booked the second twice once hid here).
CLAIMED_TOGETHER = [
    ("persist", 0, 0, 0, Side.BUY),
    ("fill", 0, 0, 1, Side.BUY),
    ("fill", 2, 0, 0, Side.BUY),
    ("fill", 2, 0, 1, Side.BUY),
    ("persist", 2, 0, 0, Side.BUY),
]


@settings(max_examples=400, deadline=None)
@example(events=CLAIMED_TOGETHER)
@given(events=st.lists(event, max_size=25))
def test_the_carried_ledger_is_the_stored_one_in_memory(
    events: list[tuple[str, int, int, int, Side]],
) -> None:
    replay_events(MemoryStateStore(), events)


def test_the_carried_ledger_is_the_stored_one_on_a_database(tmp_path: Path) -> None:
    databases = itertools.count()

    @settings(max_examples=30, deadline=None)
    @given(events=st.lists(event, max_size=20))
    def check_on_database(events: list[tuple[str, int, int, int, Side]]) -> None:
        path = tmp_path / f"{next(databases)}.db"
        engine = open_store(sqlite_url(path), DbRole.LIVE)
        try:
            replay_events(SqlStateStore(engine), events)
        finally:
            engine.dispose()

    check_on_database()
