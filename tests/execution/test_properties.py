"""Property: the fills of an order may arrive shuffled and duplicated, over WS or REST — the
order ends in the same state, and each fill is stored once."""

from __future__ import annotations

import itertools
from decimal import Decimal
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from btcbot.domain import Fill, OrderStatus, Side
from btcbot.execution import EventResult, OrderDeleteSeen, OrderManager, persist_intents
from btcbot.store import DbRole, FillRepository, open_store, sqlite_url, unit_of_work
from btcbot.store.orders import OrderRepository
from tests.execution.rig import BTC_TRY, FakeClock, limit

PRICE = Decimal(3_000_000)
QUANTITY = Decimal("0.001")


class NoExchange:
    """Event handling must not need the exchange at all."""

    def __getattr__(self, name: str) -> Any:
        raise AssertionError(f"unexpected exchange call {name}")


def split(parts: int) -> list[Decimal]:
    piece = (QUANTITY / parts).quantize(Decimal("1e-8"))
    return [piece] * (parts - 1) + [QUANTITY - piece * (parts - 1)]


def test_fill_arrival_order_and_duplicates_do_not_matter(tmp_path: Path) -> None:
    engine = open_store(sqlite_url(tmp_path / "state.db"), DbRole.LIVE)
    oms = OrderManager(engine, NoExchange(), mode="live", clock_ms=FakeClock())  # type: ignore[arg-type]
    numbers = itertools.count()

    @settings(max_examples=40, deadline=None)
    @given(data=st.data())
    def check(data: st.DataObject) -> None:
        n = next(numbers)
        coid, order_id = f"prop-{n}", 50_000_000 + n
        amounts = split(data.draw(st.integers(1, 4), label="parts"))
        delivered = data.draw(st.sets(st.sampled_from(range(len(amounts))), min_size=1))
        fills = [
            Fill(
                2**60 + n * 10 + i,
                order_id,
                coid,
                BTC_TRY,
                Side.BUY,
                PRICE,
                q,
                Decimal("0.1"),
                Decimal("0.02"),
                1_000 + i,
            )
            for i, q in enumerate(amounts)
            if i in delivered
        ]
        events: list[Fill | OrderDeleteSeen] = fills + data.draw(
            st.lists(st.sampled_from(fills), max_size=3), label="duplicates"
        )
        complete = len(delivered) == len(amounts)
        if complete and data.draw(st.booleans(), label="with 452"):
            events.append(OrderDeleteSeen(order_id, BTC_TRY, None, Decimal(0)))
        events = data.draw(st.permutations(events), label="arrival")
        with unit_of_work(engine) as conn:
            persist_intents(conn, [limit(coid, PRICE)], "live", 0)
        results = [oms.on_private_event(event) for event in events]
        with unit_of_work(engine) as conn:
            stored = OrderRepository(conn).require(coid)
            kept = [f for f in FillRepository(conn).all(BTC_TRY) if f.order_id == order_id]
        assert EventResult.UNKNOWN_FILL not in results
        assert sorted(kept, key=lambda f: f.trade_id) == fills
        assert stored.order.exchange_order_id == order_id
        assert stored.order.filled_quantity == sum(f.quantity for f in fills)
        expected = OrderStatus.FILLED if complete else OrderStatus.PARTIALLY_FILLED
        assert stored.status is expected

    check()
    engine.dispose()
