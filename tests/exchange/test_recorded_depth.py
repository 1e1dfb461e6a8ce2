"""Recorded order books as the replay's depth source: no lookahead, outages, partial fills."""

from __future__ import annotations

from decimal import Decimal

import pytest

from btcbot.domain import OrderStatus, Side
from btcbot.exchange.datasets import ReplayDataset, series_from_bars
from btcbot.exchange.recorded_depth import Outage, RecordedDepth
from btcbot.exchange.replay import ReplayExchange
from tests.exchange.factories import BTC_TRY, HOUR_MS, T0, book, limit, market_buy, rules

D = Decimal
MINUTE = 60_000


def depth(
    *books: tuple[int, int], outages: tuple[Outage, ...] = (), max_age: int = 600_000
) -> RecordedDepth:
    """Books received at the given times, each with asks at ``price`` (0.002 BTC)."""
    recorded = [book(((price - 10, "0.5"),), ((price, "0.002"),), ts=at) for at, price in books]
    return RecordedDepth.from_books({BTC_TRY: recorded}, {BTC_TRY: outages}, max_age_ms=max_age)


def test_the_last_book_received_by_then_and_never_a_later_one() -> None:
    source = depth((T0 + 1000, 100), (T0 + 5000, 200))
    assert source.book_at(BTC_TRY, T0 + 999) is None
    first = source.book_at(BTC_TRY, T0 + 1000)
    assert first is not None and first.best_ask == 100
    still = source.book_at(BTC_TRY, T0 + 4999)
    assert still is not None and still.best_ask == 100  # the 200 book is in the future then
    later = source.book_at(BTC_TRY, T0 + 5000)
    assert later is not None and later.best_ask == 200


def test_an_old_book_or_one_before_an_outage_is_not_used() -> None:
    source = depth(
        (T0, 100), (T0 + 10_000, 200), outages=(Outage(T0 + 10_000, T0 + 20_000),), max_age=5000
    )
    assert source.book_at(BTC_TRY, T0 + 5000) is not None
    assert source.book_at(BTC_TRY, T0 + 5001) is None  # older than max_age
    assert source.book_at(BTC_TRY, T0 + 10_000) is None  # the outage starts with this book
    gapped = depth((T0, 100), outages=(Outage(T0 + 100, T0 + 200),))
    assert gapped.book_at(BTC_TRY, T0 + 99) is not None
    assert gapped.book_at(BTC_TRY, T0 + 100) is None and gapped.book_at(BTC_TRY, T0 + 300) is None
    with pytest.raises(ValueError, match="max_age_ms"):
        RecordedDepth({}, {}, max_age_ms=0)


def replay(recorded: RecordedDepth | None) -> ReplayExchange:
    rows = [
        (T0 + i * HOUR_MS, D(100_000), D(110_000), D(90_000), D(100_000), D(5)) for i in range(3)
    ]
    dataset = ReplayDataset.of(series_from_bars(BTC_TRY, HOUR_MS, rows))
    return ReplayExchange(dataset, {BTC_TRY: rules()}, {"TRY": D(1_000_000)}, recorded=recorded)


async def test_the_replay_trades_on_recorded_depth_at_its_own_clock() -> None:
    first_close = T0 + HOUR_MS
    recorded = depth((first_close - MINUTE, 120_000), (first_close + MINUTE, 130_000))
    exchange = replay(recorded)
    assert exchange.now_ms() == first_close
    seen = await exchange.order_book(BTC_TRY)
    assert (seen.best_bid, seen.best_ask) == (119_990, 120_000)  # not the later 130_000 book
    assert seen.timestamp_ms == first_close

    ack = await exchange.submit(limit(Side.BUY, "0.005", 125_000, cid="deep"))
    (order,) = await exchange.open_orders(BTC_TRY)
    assert order.order_id == ack.order_id and order.status is OrderStatus.PARTIALLY_FILLED
    fills = exchange.all_fills()
    assert [(f.price, f.quantity) for f in fills] == [(D(120_000), D("0.002"))]  # depth ran out
    await exchange.submit(market_buy("1000", cid="more"))
    assert len(exchange.all_fills()) == 1  # the recorded asks are used up at this instant

    exchange.advance_to(first_close + MINUTE)
    later = await exchange.order_book(BTC_TRY)
    assert later.best_ask == 130_000


async def test_without_a_recorded_book_the_replay_synthesises_one() -> None:
    stale = replay(depth((T0 - HOUR_MS, 120_000)))  # recorded long before the replay's first close
    synthetic = replay(None)
    assert await stale.order_book(BTC_TRY) == await synthetic.order_book(BTC_TRY)
