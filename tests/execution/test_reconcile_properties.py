"""Property: whatever happens to the private stream — events shuffled, duplicated or dropped —
the order manager ends with the exchange's truth: each order's status and filled quantity,
each fill stored once, and the same ledger. With nothing dropped the stream alone gets there;
with drops one REST reconciliation does (RELIABILITY: "resolve by evidence")."""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from btcbot.accounting import build_ledger, expected_holdings
from btcbot.domain import Balance, Fill, OrderMethod, OrderRequest, OrderStatus, Side, Symbol
from btcbot.exchange.events import OrderDeleteSeen, OrderInsertSeen, OrderMatchSeen, StreamGap
from btcbot.exchange.reports import CancelAck, ExchangeOrder, SubmitAck
from btcbot.execution import OrderManager, persist_intents
from btcbot.store import DbRole, FillRepository, open_store, sqlite_url, unit_of_work
from btcbot.store.orders import OrderRepository
from tests.execution.rig import BTC_TRY, FakeClock

PRICE = Decimal(3_000_000)
QUANTITY = Decimal("0.004")
FINAL = [OrderStatus.OPEN, OrderStatus.PARTIALLY_FILLED, OrderStatus.FILLED, OrderStatus.CANCELED]


@dataclass
class TruthOrder:
    """One order as the exchange knows it: its fills and where it ended."""

    request: OrderRequest
    order_id: int
    fills: list[Fill]
    status: OrderStatus

    @property
    def filled(self) -> Decimal:
        return sum((f.quantity for f in self.fills), Decimal(0))

    def report(self) -> ExchangeOrder:
        return ExchangeOrder(
            order_id=self.order_id,
            client_order_id=self.request.client_order_id,
            symbol=BTC_TRY,
            side=self.request.side,
            method=OrderMethod.LIMIT,
            venue_method="limit",
            status=self.status,
            price=PRICE,
            quantity=QUANTITY,
            left_amount=QUANTITY - self.filled,
            stop_price=None,
            created_ms=None,
            updated_ms=None,
        )

    def stream(self) -> list[object]:
        """Every private event the exchange sends about this order, in its order."""
        events: list[object] = [
            OrderInsertSeen(self.order_id, BTC_TRY, self.request.client_order_id, QUANTITY)
        ]
        for fill in self.fills:
            events += [OrderMatchSeen(self.order_id, BTC_TRY, fill.client_order_id), fill]
        if self.status in (OrderStatus.FILLED, OrderStatus.CANCELED):
            left = QUANTITY - self.filled
            events.append(OrderDeleteSeen(self.order_id, BTC_TRY, None, left))
        return events


class TruthExchange:
    """A hand-written exchange port that answers every query with the truth."""

    def __init__(self, orders: Sequence[TruthOrder]) -> None:
        self.orders = {o.request.client_order_id: o for o in orders}

    async def submit(self, request: OrderRequest) -> SubmitAck:
        order = self.orders[request.client_order_id]
        return SubmitAck(
            order.order_id, request.client_order_id, BTC_TRY, request.side, OrderMethod.LIMIT,
            PRICE, QUANTITY, None,
        )  # fmt: skip

    async def cancel(self, exchange_order_id: int) -> CancelAck:
        raise AssertionError("nothing is canceled here")

    async def open_orders(self, symbol: Symbol) -> Sequence[ExchangeOrder]:
        live = (OrderStatus.OPEN, OrderStatus.PARTIALLY_FILLED)
        return [o.report() for o in self.orders.values() if o.status in live]

    async def recent_orders(self, symbol: Symbol, since_ms: int) -> Sequence[ExchangeOrder]:
        return [o.report() for o in self.orders.values()]

    async def order(self, exchange_order_id: int) -> ExchangeOrder | None:
        found = [o for o in self.orders.values() if o.order_id == exchange_order_id]
        return found[0].report() if found else None

    async def fills(self, symbol: Symbol, since_ms: int) -> Sequence[Fill]:
        return [f for o in self.orders.values() for f in o.fills]

    async def balances(self) -> Mapping[str, Balance]:
        return {}


@st.composite
def exchange_truths(draw: st.DrawFn, number: int) -> list[TruthOrder]:
    orders = []
    trade_ids = itertools.count(2**60 + number * 100)
    for index in range(draw(st.integers(1, 3))):
        coid, order_id = f"p{number}-{index}", 70_000_000 + number * 10 + index
        side = draw(st.sampled_from([Side.BUY, Side.SELL]))
        request = OrderRequest(
            BTC_TRY, side, OrderMethod.LIMIT, coid, quantity=QUANTITY, price=PRICE
        )
        status = draw(st.sampled_from(FINAL))
        parts = {
            OrderStatus.OPEN: 0,
            OrderStatus.PARTIALLY_FILLED: draw(st.integers(1, 3)),
            OrderStatus.FILLED: draw(st.integers(1, 3)),
            OrderStatus.CANCELED: draw(st.integers(0, 2)),
        }[status]
        whole = parts + (0 if status is OrderStatus.FILLED else 1)  # an unfilled rest, if any
        piece = (QUANTITY / whole).quantize(Decimal("1e-8")) if whole else QUANTITY
        amounts = [piece] * parts
        if status is OrderStatus.FILLED:
            amounts[-1] = QUANTITY - piece * (parts - 1)
        fills = [
            Fill(next(trade_ids), order_id, coid, BTC_TRY, side, PRICE + i, amount,
                 Decimal("1.5"), Decimal("0.3"), 1_700_000_000_000 + i)
            for i, amount in enumerate(amounts)
        ]  # fmt: skip
        orders.append(TruthOrder(request, order_id, fills, status))
    return orders


def test_shuffled_duplicated_and_dropped_events_end_in_the_exchanges_truth(
    tmp_path: Path,
) -> None:
    engine = open_store(sqlite_url(tmp_path / "state.db"), DbRole.LIVE)
    clock = FakeClock()
    numbers = itertools.count()

    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(data=st.data())
    def check(data: st.DataObject) -> None:
        truth = data.draw(exchange_truths(next(numbers)), label="truth")
        port = TruthExchange(truth)
        oms = OrderManager(engine, port, mode="live", clock_ms=clock)  # type: ignore[arg-type]
        with unit_of_work(engine) as conn:
            persist_intents(conn, [o.request for o in truth], "live", clock())
        for order in truth:
            asyncio.run(oms.submit(order.request, "property"))
        events = [event for order in truth for event in order.stream()]
        kept = data.draw(st.lists(st.booleans(), min_size=len(events), max_size=len(events)))
        delivered = [e for e, keep in zip(events, kept, strict=True) if keep]
        delivered += data.draw(st.lists(st.sampled_from(events), max_size=4), label="repeats")
        delivered = data.draw(st.permutations(delivered), label="arrival")
        if not all(kept):
            delivered.append(StreamGap(1))  # the feed noticed it lost something
        for event in delivered:
            oms.on_private_event(event)  # type: ignore[arg-type]
        if all(kept):
            assert_truth(engine, truth, "the stream alone")
        report = asyncio.run(oms.reconcile([BTC_TRY]))
        assert report.ok, report.error
        assert not report.unknown_orders
        assert_truth(engine, truth, "after one reconciliation")
        assert not oms.reconcile_requested

    check()
    engine.dispose()


def assert_truth(engine: object, truth: Sequence[TruthOrder], when: str) -> None:
    with unit_of_work(engine) as conn:  # type: ignore[arg-type]
        repo = OrderRepository(conn)
        stored_fills = {
            f.trade_id: f
            for f in FillRepository(conn).all(BTC_TRY)
            if any(f.order_id == o.order_id for o in truth)
        }
        for order in truth:
            stored = repo.require(order.request.client_order_id)
            assert (stored.status, stored.order.filled_quantity) == (
                order.status,
                order.filled,
            ), f"{when}: {order.request.client_order_id}"
            assert stored.order.exchange_order_id == order.order_id
    every_fill = [f for o in truth for f in o.fills]
    assert stored_fills == {f.trade_id: f for f in every_fill}, when
    assert build_ledger(stored_fills.values()) == build_ledger(every_fill), when
    holdings = expected_holdings(build_ledger(stored_fills.values()).fills)
    assert holdings == expected_holdings(build_ledger(every_fill).fills), when
