"""Invariants of the simulated account under random order flow (hypothesis).

Whatever is submitted, filled, rejected or canceled: no balance ever goes negative, a refusal
changes nothing, and every asset's total equals its starting amount plus the fills' effect net of
fees and tax (value is conserved except fees). Once every order is canceled, nothing is locked.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from contextlib import suppress
from dataclasses import dataclass
from decimal import Decimal

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from btcbot.domain import Fill, OrderBook, OrderMethod, OrderRequest, Side
from btcbot.exchange.errors import BusinessReject
from btcbot.exchange.fill_model import FillModel
from btcbot.exchange.paper import PaperExchange
from tests.exchange.factories import BTC_TRY, Clock, FakeMarket, book, rules

D = Decimal
START = {"TRY": D(5000), "BTC": D(2)}
RULES = rules(has_fraction=True, min_exchange_value=D(10))
CENT, SATOSHI = D("0.01"), D("1e-8")


@dataclass(frozen=True)
class NewBook:
    mid: Decimal
    spread_bps: int
    sizes: list[Decimal]


@dataclass(frozen=True)
class Limit:
    side: Side
    quantity: Decimal
    offset_bps: int


@dataclass(frozen=True)
class Market:
    side: Side
    amount: Decimal  # quote for a buy; base x 1000 for a sell


@dataclass(frozen=True)
class Cancel:
    index: int


Op = NewBook | Limit | Market | Cancel

prices = st.decimals(min_value=D(100), max_value=D(2000), places=2)
amounts = st.decimals(min_value=SATOSHI, max_value=D(3), places=8)
sides = st.sampled_from([Side.BUY, Side.SELL])
operations = st.lists(
    st.one_of(
        st.builds(NewBook, prices, st.integers(1, 300), st.lists(amounts, min_size=1, max_size=4)),
        st.builds(Limit, sides, amounts, st.integers(-300, 300)),
        st.builds(Market, sides, st.decimals(min_value=D(1), max_value=D(4000), places=2)),
        st.builds(Cancel, st.integers(0, 10)),
    ),
    max_size=30,
)


def expected_totals(fills: Sequence[Fill]) -> dict[str, Decimal]:
    totals = dict(START)
    for f in fills:
        sign = 1 if f.side is Side.BUY else -1
        totals["BTC"] += sign * f.quantity
        totals["TRY"] += -sign * f.notional - f.cost
    return totals


async def check(ex: PaperExchange) -> None:
    balances = await ex.balances()
    assert all(b.free >= 0 and b.locked >= 0 for b in balances.values()), balances
    fills = await ex.fills(BTC_TRY, 0)
    assert {a: b.total for a, b in balances.items()} == expected_totals(fills)
    assert all(f.fee >= 0 and f.tax >= 0 and f.quantity > 0 for f in fills)


def make_book(op: NewBook) -> OrderBook:
    half = (op.mid * op.spread_bps / 20_000).quantize(CENT) + CENT
    bids = tuple((str(op.mid - half - i), str(size)) for i, size in enumerate(op.sizes))
    asks = tuple((str(op.mid + half + i), str(size)) for i, size in enumerate(op.sizes))
    return book(bids=bids, asks=asks)


def request_for(market: FakeMarket, op: Limit | Market, cid: str) -> OrderRequest:
    if isinstance(op, Limit):
        mid = market.books[BTC_TRY].mid or D(1000)
        price = (mid * (1 + D(op.offset_bps) / 10_000)).quantize(CENT)
        return OrderRequest(
            BTC_TRY, op.side, OrderMethod.LIMIT, cid, quantity=op.quantity, price=price
        )
    if op.side is Side.BUY:
        return OrderRequest(BTC_TRY, op.side, OrderMethod.MARKET, cid, quote_amount=op.amount)
    quantity = max((op.amount / 1000).quantize(SATOSHI), SATOSHI)
    return OrderRequest(BTC_TRY, op.side, OrderMethod.MARKET, cid, quantity=quantity)


async def apply(ex: PaperExchange, market: FakeMarket, op: Op, cid: str, placed: list[int]) -> None:
    if isinstance(op, NewBook):
        market.books[BTC_TRY] = make_book(op)
    elif isinstance(op, Cancel):
        if placed:
            with suppress(BusinessReject):  # already finished: refused like BTCTurk
                await ex.cancel(placed[op.index % len(placed)])
    else:
        before = await ex.balances()
        try:
            ack = await ex.submit(request_for(market, op, cid))
        except BusinessReject:
            event("rejected")
            assert await ex.balances() == before  # a refusal changes nothing
            return
        placed.append(ack.order_id)
        report = await ex.order(ack.order_id)
        event(f"order ended {report.status if report else None}")


async def scenario(ops: list[Op], slippage: int) -> None:
    market, clock = FakeMarket(rules={BTC_TRY: RULES}), Clock()
    market.books[BTC_TRY] = make_book(NewBook(D(1000), 10, [D(1)]))
    model = FillModel(slippage_bps=D(slippage))
    ex = PaperExchange(market, START, clock_ms=clock, fill_model=model)
    placed: list[int] = []
    for number, op in enumerate(ops):
        clock.now += 1000
        await apply(ex, market, op, f"c{number}", placed)
        await check(ex)
    for order in await ex.open_orders(BTC_TRY):
        await ex.cancel(order.order_id)
    clock.now += 1000
    await check(ex)
    assert all(b.locked == 0 for b in (await ex.balances()).values())


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ops=operations, slippage=st.sampled_from([0, 25]))
def test_paper_balances_never_go_negative_and_value_is_conserved(
    ops: list[Op], slippage: int
) -> None:
    asyncio.run(scenario(ops, slippage))
