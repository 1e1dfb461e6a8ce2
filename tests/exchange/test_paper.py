"""The paper exchange against a scripted market: submit, rest, match, cancel, reject, restore."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from btcbot.domain import Balance, OrderMethod, OrderRequest, OrderStatus, Side
from btcbot.exchange.errors import BusinessReject, OrderNotFound
from btcbot.exchange.paper import PaperExchange
from btcbot.exchange.port import ExchangePort
from tests.exchange.factories import (
    BTC_TRY,
    ETH_TRY,
    Clock,
    FakeMarket,
    book,
    limit,
    market_buy,
    market_sell,
)

D = Decimal
BOOK = book(bids=((99, 1), (98, 2)), asks=((100, 1), (101, 2)))


def paper(
    balances: dict[str, Decimal] | None = None, **options: object
) -> tuple[PaperExchange, FakeMarket, Clock]:
    market, clock = FakeMarket(books={BTC_TRY: BOOK}), Clock()
    start = balances if balances is not None else {"TRY": D(10_000), "BTC": D(1)}
    return PaperExchange(market, start, clock_ms=clock, **options), market, clock  # type: ignore[arg-type]


def test_paper_exchange_is_an_exchange_port() -> None:
    exchange: ExchangePort = paper()[0]
    assert exchange is not None


async def test_marketable_limit_buy_fills_at_once_with_taker_fees() -> None:
    ex, _, _ = paper()
    ack = await ex.submit(limit(Side.BUY, "1.5", 101))
    order = await ex.order(ack.order_id)
    assert order is not None and order.status is OrderStatus.FILLED and order.left_amount == 0
    fills = await ex.fills(BTC_TRY, 0)
    assert [(f.price, f.quantity, f.fee, f.tax) for f in fills] == [
        (D(100), D(1), D("0.09"), D("0.018")),
        (D(101), D("0.5"), D("0.04545"), D("0.00909")),
    ]
    balances = await ex.balances()
    spent = D(100) + D("50.5") + D("0.09") + D("0.018") + D("0.04545") + D("0.00909")
    assert balances["TRY"].free == D(10_000) - spent and balances["TRY"].locked == 0
    assert balances["BTC"].free == D("2.5")


async def test_resting_order_locks_funds_then_fills_when_a_later_book_crosses() -> None:
    ex, market, clock = paper()
    ack = await ex.submit(limit(Side.BUY, "2", 97))
    balances = await ex.balances()
    assert balances["TRY"].locked == D(194) * D("1.00108")
    (open_order,) = await ex.open_orders(BTC_TRY)
    assert open_order.status is OrderStatus.OPEN and open_order.order_id == ack.order_id

    clock.now += 1000
    market.books[BTC_TRY] = book(bids=((95, 1),), asks=((96, "0.5"), (97, 1), (99, 5)))
    (order,) = await ex.open_orders(BTC_TRY)
    assert order.status is OrderStatus.PARTIALLY_FILLED and order.left_amount == D("0.5")
    # polling the same book again must not fill the same liquidity twice
    for _ in range(3):
        assert (await ex.order(ack.order_id)).left_amount == D("0.5")  # type: ignore[union-attr]
    fill = (await ex.fills(BTC_TRY, 0))[0]
    assert (fill.price, fill.quantity, fill.fee, fill.tax) == (
        D(97),
        D("1.5"),
        D("0.07275"),
        D("0.01455"),
    )
    assert fill.timestamp_ms == clock.now

    market.books[BTC_TRY] = book(bids=((95, 1),), asks=((97, 3),))
    assert (await ex.match_resting()) != ()
    done = await ex.order(ack.order_id)
    assert done is not None and done.status is OrderStatus.FILLED
    balances = await ex.balances()
    assert balances["TRY"].locked == 0
    assert balances["TRY"].free == D(10_000) - D(194) - D(194) * D("0.0006")
    assert balances["BTC"].free == D(3)


async def test_market_sell_and_market_buy_settle_like_btcturk() -> None:
    ex, _, _ = paper()
    sold = await ex.submit(market_sell("0.5"))
    assert (await ex.order(sold.order_id)).status is OrderStatus.FILLED  # type: ignore[union-attr]
    bought = await ex.submit(market_buy("50"))
    order = await ex.order(bought.order_id)
    assert order is not None and order.quantity == D(50) and order.price == D(100)
    balances = await ex.balances()
    # sell 0.5 @ 99: +49.5 - 0.04455 - 0.00891; buy 0.5 @ 100: -50 - 0.045 - 0.009
    assert balances["TRY"].free == D(10_000) + D("49.5") - D("0.05346") - D("50.054")
    assert balances["BTC"].free == D(1) and balances["TRY"].locked == 0


async def test_market_order_beyond_protection_ends_canceled_with_its_fills() -> None:
    ex, market, _ = paper()
    market.books[BTC_TRY] = book(bids=((99, 1),), asks=((100, 1), (200, 10)))
    ack = await ex.submit(market_buy("1000"))
    order = await ex.order(ack.order_id)
    assert order is not None and order.status is OrderStatus.CANCELED
    assert order.left_amount == D(900) and (await ex.balances())["TRY"].locked == 0


@pytest.mark.parametrize(
    ("request_", "reason"),
    [
        (limit(Side.BUY, "0.01", 100), "FAILED_MIN_TOTAL_AMOUNT"),
        (limit(Side.BUY, "1", "100.5"), "FAILED_INVALID_PRICE_SCALE"),
        (limit(Side.BUY, "0.123456789", 100), "FAILED_INVALID_QUANTITY_SCALE"),
        (limit(Side.BUY, "200", 100), "FAILED_ORDER_WITH_OPEN_ORDERS"),
        (limit(Side.SELL, "2", 100), "FAILED_ORDER_WITH_OPEN_ORDERS"),
        (market_buy("5"), "FAILED_MIN_TOTAL_AMOUNT"),
    ],
)
async def test_rule_and_balance_violations_are_definitive_rejects(
    request_: OrderRequest, reason: str
) -> None:
    ex, _, _ = paper()
    with pytest.raises(BusinessReject) as caught:
        await ex.submit(request_)
    assert caught.value.reason == reason and caught.value.http_status == 400
    assert await ex.open_orders(BTC_TRY) == [] and await ex.recent_orders(BTC_TRY, 0) == []
    assert (await ex.balances())["TRY"].free == D(10_000)


async def test_unknown_pair_band_and_empty_book_are_rejected() -> None:
    ex, market, _ = paper()
    eth = OrderRequest(ETH_TRY, Side.BUY, OrderMethod.LIMIT, "e", quantity=D(1), price=D(100))
    with pytest.raises(BusinessReject, match="PAIR_NOT_FOUND"):
        await ex.submit(eth)
    market.rules[BTC_TRY] = replace(market.rules[BTC_TRY], max_limit_price=D(1000))
    with pytest.raises(BusinessReject, match="ORDER_MAX_PRICE_EXCEEDED"):
        await ex.submit(limit(Side.SELL, "0.1", 1001))
    market.books[BTC_TRY] = book(bids=(), asks=())
    with pytest.raises(BusinessReject, match="FAILED_MARKET_ORDER"):
        await ex.submit(market_sell("0.5"))


async def test_cancel_is_acknowledged_then_takes_effect() -> None:
    ex, _, clock = paper(cancel_latency_ms=500)
    ack = await ex.submit(limit(Side.SELL, "0.5", 150))
    assert (await ex.balances())["BTC"].locked == D("0.5")
    cancel = await ex.cancel(ack.order_id)
    assert cancel.order_id == ack.order_id
    still = await ex.order(ack.order_id)
    assert still is not None and still.status is OrderStatus.OPEN  # acknowledged, not yet done
    clock.now += 500
    gone = await ex.order(ack.order_id)
    assert gone is not None and gone.status is OrderStatus.CANCELED and gone.updated_ms == clock.now
    balances = await ex.balances()
    assert balances["BTC"] == Balance("BTC", D(1), D(0))
    with pytest.raises(BusinessReject, match="ORDER_COULD_NOT_BE_CANCELED"):
        await ex.cancel(ack.order_id)
    with pytest.raises(OrderNotFound):
        await ex.cancel(424242)


async def test_a_fill_can_win_the_race_against_a_pending_cancel() -> None:
    ex, market, clock = paper(cancel_latency_ms=1000)
    ack = await ex.submit(limit(Side.SELL, "0.5", 150))
    await ex.cancel(ack.order_id)
    clock.now += 10
    market.books[BTC_TRY] = book(bids=((151, 1),), asks=((152, 1),))
    order = await ex.order(ack.order_id)
    assert order is not None and order.status is OrderStatus.FILLED


async def test_match_on_read_can_be_turned_off() -> None:
    ex, market, _ = paper(match_on_read=False)
    await ex.submit(limit(Side.BUY, "1", 97))
    reads = market.book_reads
    market.books[BTC_TRY] = book(bids=((95, 1),), asks=((96, 5),))
    assert (await ex.open_orders(BTC_TRY))[0].left_amount == 1
    assert market.book_reads == reads
    (fill,) = await ex.match_resting([BTC_TRY])
    assert fill.price == D(97) and fill.quantity == 1


async def test_restore_rebuilds_balances_and_open_orders() -> None:
    ex, market, clock = paper()
    await ex.submit(limit(Side.BUY, "1.5", 101))
    clock.now += 1
    await ex.submit(market_sell("0.25", cid="s"))
    resting = await ex.submit(limit(Side.BUY, "1", 90, cid="r"))
    fills, open_orders = await ex.fills(BTC_TRY, 0), await ex.open_orders(BTC_TRY)
    before = await ex.balances()

    again, _, _ = paper()
    again._market = market  # same market
    await again.restore([*fills, *fills], open_orders)  # duplicates are harmless
    assert await again.balances() == before
    assert [o.order_id for o in await again.open_orders(BTC_TRY)] == [resting.order_id]
    later = await again.submit(limit(Side.BUY, "0.2", 95, cid="n"))
    assert later.order_id > resting.order_id
    market.books[BTC_TRY] = book(bids=((85, 1),), asks=((88, 5),))
    new_fills = await again.match_resting()
    assert {f.order_id for f in new_fills} == {resting.order_id, later.order_id}
    assert min(f.trade_id for f in new_fills) > max(f.trade_id for f in fills)


async def test_restore_refuses_inconsistent_input() -> None:
    ex, _, _ = paper()
    await ex.submit(limit(Side.BUY, "1", 101))
    fills = await ex.fills(BTC_TRY, 0)
    poor, _, _ = paper({"TRY": D(5)})
    with pytest.raises(ValueError, match="TRY free balance"):
        await poor.restore(fills, [])


async def test_match_interval_spares_book_reads_between_matches() -> None:
    ex, market, clock = paper(match_interval_ms=5000)
    await ex.submit(limit(Side.BUY, "1", 97))
    await ex.balances()
    reads = market.book_reads
    clock.now += 4999
    await ex.balances()
    await ex.open_orders(BTC_TRY)
    assert market.book_reads == reads
    clock.now += 1
    await ex.balances()
    assert market.book_reads == reads + 1
