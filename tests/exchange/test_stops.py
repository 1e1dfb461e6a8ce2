"""Stop orders on the simulated venues: the paper exchange (triggered by the live book's touch)
and the replay exchange (triggered by a later candle's range), as BTCTurk would."""

from __future__ import annotations

from decimal import Decimal

import pytest

from btcbot.domain import Balance, OrderMethod, OrderRequest, OrderStatus, Side
from btcbot.exchange.datasets import ReplayDataset, series_from_bars
from btcbot.exchange.errors import BusinessReject
from btcbot.exchange.paper import PaperExchange
from btcbot.exchange.replay import ReplayExchange
from tests.exchange.factories import BTC_TRY, HOUR_MS, T0, Clock, FakeMarket, book, rules

D = Decimal
BOOK = book(bids=((99, 1), (98, 2)), asks=((100, 1), (101, 2)))


def stop(
    side: Side, quantity: str, stop_price: str | int, price: str | int | None = None
) -> OrderRequest:
    return OrderRequest(
        BTC_TRY,
        side,
        OrderMethod.STOP_MARKET if price is None else OrderMethod.STOP_LIMIT,
        f"stop-{side.value}",
        quantity=D(quantity),
        price=None if price is None else D(str(price)),
        stop_price=D(str(stop_price)),
    )


def paper(**options: object) -> tuple[PaperExchange, FakeMarket, Clock]:
    market, clock = FakeMarket(books={BTC_TRY: BOOK}), Clock()
    start = {"TRY": D(10_000), "BTC": D(1)}
    return PaperExchange(market, start, clock_ms=clock, **options), market, clock  # type: ignore[arg-type]


async def test_a_paper_stop_waits_with_its_funds_locked_then_sells_on_a_fall() -> None:
    ex, market, clock = paper()
    ack = await ex.submit(stop(Side.SELL, "0.5", 97))
    (waiting,) = await ex.open_orders(BTC_TRY)
    assert (waiting.order_id, waiting.method, waiting.status) == (
        ack.order_id,
        OrderMethod.STOP_MARKET,
        OrderStatus.OPEN,
    )
    assert (waiting.stop_price, waiting.price) == (D(97), D(97))
    assert (await ex.balances())["BTC"] == Balance("BTC", D("0.5"), D("0.5"))
    market.books[BTC_TRY] = book(bids=((98, 5),), asks=((99, 5),))
    clock.now += 1000
    assert (await ex.order(ack.order_id)).status is OrderStatus.OPEN  # type: ignore[union-attr]
    market.books[BTC_TRY] = book(bids=((96, "0.3"), (95, 1)), asks=((97, 1),))
    clock.now += 1000
    order = await ex.order(ack.order_id)
    assert order is not None and order.status is OrderStatus.FILLED
    fills = await ex.fills(BTC_TRY, 0)
    assert [(f.price, f.quantity, f.side) for f in fills] == [
        (D(96), D("0.3"), Side.SELL),
        (D(95), D("0.2"), Side.SELL),
    ]
    balances = await ex.balances()
    proceeds = sum(f.notional - f.cost for f in fills)
    assert balances["BTC"].free == D("0.5") and balances["BTC"].locked == 0
    assert balances["TRY"].free == D(10_000) + proceeds


async def test_a_paper_stop_limit_fills_partly_then_rests_at_its_limit() -> None:
    ex, market, clock = paper()
    ack = await ex.submit(stop(Side.SELL, "1", 97, price=96))
    market.books[BTC_TRY] = book(bids=((96, "0.25"), (90, 5)), asks=((97, 1),))
    clock.now += 1000
    order = await ex.order(ack.order_id)
    assert order is not None and order.status is OrderStatus.PARTIALLY_FILLED
    assert (order.left_amount, order.price, order.stop_price) == (D("0.75"), D(96), D(97))
    market.books[BTC_TRY] = book(bids=((97, 2),), asks=((98, 1),))
    clock.now += 1000
    assert (await ex.order(ack.order_id)).status is OrderStatus.FILLED  # type: ignore[union-attr]
    maker = (await ex.fills(BTC_TRY, 0))[-1]
    assert (maker.price, maker.quantity) == (D(96), D("0.75"))  # rested: filled at its limit


async def test_a_paper_buy_stop_triggers_on_a_rise_within_its_lock() -> None:
    ex, market, clock = paper()
    ack = await ex.submit(stop(Side.BUY, "1", 102))
    locked = (await ex.balances())["TRY"].locked
    assert locked == D(102) * D("1.05") * D("1.00108")
    market.books[BTC_TRY] = book(bids=((102, 1),), asks=((103, 2),))
    clock.now += 1000
    assert (await ex.order(ack.order_id)).status is OrderStatus.FILLED  # type: ignore[union-attr]
    balances = await ex.balances()
    assert balances["BTC"].free == D(2) and balances["TRY"].locked == 0


@pytest.mark.parametrize(
    ("request_", "message"),
    [
        (stop(Side.SELL, "0.5", 99), "FAILED_STOP_PRICE_LESS_THAN_BEST_BID"),
        (stop(Side.BUY, "0.5", 100), "FAILED_STOP_PRICE_GREATER_THAN_BEST_ASK"),
        (stop(Side.SELL, "0.5", "97.5"), "FAILED_INVALID_STOP_PRICE_SCALE"),
        (stop(Side.SELL, "0.05", 97), "FAILED_MIN_TOTAL_AMOUNT"),
        (stop(Side.SELL, "2", 97), "FAILED_ORDER_WITH_OPEN_ORDERS"),
    ],
)
async def test_paper_refuses_stops_like_btcturk(request_: OrderRequest, message: str) -> None:
    ex, _, _ = paper()
    with pytest.raises(BusinessReject) as caught:
        await ex.submit(request_)
    assert caught.value.reason == message
    assert (await ex.balances())["BTC"].locked == 0


async def test_a_cancelled_paper_stop_never_triggers_and_releases_its_funds() -> None:
    ex, market, clock = paper(cancel_latency_ms=50)
    ack = await ex.submit(stop(Side.SELL, "0.5", 97))
    await ex.cancel(ack.order_id)
    clock.now += 100
    assert (await ex.order(ack.order_id)).status is OrderStatus.CANCELED  # type: ignore[union-attr]
    market.books[BTC_TRY] = book(bids=((90, 5),), asks=((91, 1),))
    clock.now += 1000
    assert (await ex.order(ack.order_id)).status is OrderStatus.CANCELED  # type: ignore[union-attr]
    assert await ex.fills(BTC_TRY, 0) == []
    assert (await ex.balances())["BTC"].free == D(1)


async def test_a_waiting_paper_stop_survives_a_restart() -> None:
    ex, market, clock = paper()
    ack = await ex.submit(stop(Side.SELL, "0.5", 97))
    (report,) = await ex.open_orders(BTC_TRY)
    restarted = PaperExchange(market, {"TRY": D(10_000), "BTC": D(1)}, clock_ms=clock)
    await restarted.restore([], [report])
    assert (await restarted.balances())["BTC"].locked == D("0.5")
    market.books[BTC_TRY] = book(bids=((96, 5),), asks=((97, 1),))
    clock.now += 1000
    order = await restarted.order(ack.order_id)
    assert order is not None and order.status is OrderStatus.FILLED
    assert order.stop_price == D(97)


def candles(*rows: tuple[int, int, int, int, str]) -> ReplayDataset:
    bars = [
        (T0 + i * HOUR_MS, D(o), D(h), D(low), D(c), D(v))
        for i, (o, h, low, c, v) in enumerate(rows)
    ]
    return ReplayDataset.of(series_from_bars(BTC_TRY, HOUR_MS, bars))


def replay(dataset: ReplayDataset) -> ReplayExchange:
    return ReplayExchange(dataset, {BTC_TRY: rules()}, {"TRY": D(10_000), "BTC": D(1)})


async def test_a_replay_stop_triggers_on_a_later_candle_at_its_stop() -> None:
    ex = replay(
        candles((100, 101, 99, 100, "20"), (100, 101, 98, 99, "20"), (99, 100, 96, 97, "20"))
    )
    ack = await ex.submit(stop(Side.SELL, "0.5", 97))
    assert ex.advance_to(T0 + 2 * HOUR_MS) == ()  # low 98: not reached
    fills = ex.advance_to(T0 + 3 * HOUR_MS)  # low 96 reaches the stop: sold at the stop
    assert [(f.order_id, f.price, f.quantity) for f in fills] == [(ack.order_id, D(97), D("0.5"))]
    assert (await ex.order(ack.order_id)).status is OrderStatus.FILLED  # type: ignore[union-attr]


async def test_a_replay_stop_gapped_through_sells_at_the_open() -> None:
    ex = replay(candles((100, 101, 99, 100, "20"), (93, 94, 90, 92, "20")))
    ack = await ex.submit(stop(Side.SELL, "0.5", 97))
    (fill,) = ex.advance_to(T0 + 2 * HOUR_MS)
    assert (fill.order_id, fill.price) == (ack.order_id, D(93))


async def test_a_replay_stop_limit_gapped_below_its_limit_rests_for_later_candles() -> None:
    ex = replay(candles((100, 101, 99, 100, "20"), (93, 94, 90, 92, "20"), (92, 97, 91, 96, "20")))
    ack = await ex.submit(stop(Side.SELL, "0.5", 97, price=95))
    assert ex.advance_to(T0 + 2 * HOUR_MS) == ()
    order = await ex.order(ack.order_id)
    assert order is not None and order.status is OrderStatus.OPEN  # triggered, resting at 95
    (fill,) = ex.advance_to(T0 + 3 * HOUR_MS)  # high 97 crosses the resting limit
    assert (fill.price, fill.quantity) == (D(95), D("0.5"))
