"""The fill model: book walks, resting fills, fees and tax to the last decimal, protection."""

from __future__ import annotations

from decimal import Decimal

import pytest

from btcbot.domain import Side
from btcbot.exchange.fill_model import Execution, FeeSchedule, FillModel, IdSequence
from tests.exchange.factories import book, levels, limit, market_buy, market_sell, rules

D = Decimal
MODEL = FillModel()
RULES = rules()


def test_fee_and_tax_are_rounded_half_up_to_eight_decimals() -> None:
    fees = FeeSchedule()
    assert fees.charge(D("12.3456789"), maker=False) == (D("0.01111111"), D("0.00222222"))
    assert fees.charge(D(100), maker=True) == (D("0.05"), D("0.01"))
    assert fees.charge(D("0.0000125"), maker=False) == (D("0.00000001"), D("0"))
    assert fees.reserve_rate == D("0.00108")


def test_fee_schedule_refuses_nonsense() -> None:
    with pytest.raises(ValueError, match="maker"):
        FeeSchedule(maker=D(-1))
    with pytest.raises(ValueError, match="taker"):
        FeeSchedule(taker=0.001)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="slippage"):
        FillModel(slippage_bps=D(-1))


def test_limit_buy_walks_levels_within_its_price() -> None:
    b = book(bids=((99, 1),), asks=((100, 1), (101, 1), (102, 1)))
    taken = MODEL.take(limit(Side.BUY, "1.5", 101), b, RULES)
    assert [(e.price, e.quantity, e.maker) for e in taken.executions] == [
        (D(100), D(1), False),
        (D(101), D("0.5"), False),
    ]
    # taker 0.0009: 100 -> fee 0.09, tax 0.018; 50.5 -> 0.04545, 0.00909
    assert [(e.fee, e.tax) for e in taken.executions] == [
        (D("0.09"), D("0.018")),
        (D("0.04545"), D("0.00909")),
    ]
    assert taken.remaining == 0
    assert taken.book.asks == levels((101, "0.5"), (102, 1))
    assert taken.book.bids == b.bids


def test_limit_order_partly_fills_and_keeps_the_rest() -> None:
    b = book(bids=((99, 1),), asks=((100, 1), (101, 1), (102, 1)))
    taken = MODEL.take(limit(Side.BUY, "3", 101), b, RULES)
    assert taken.quantity == D(2) and taken.remaining == D(1)
    assert taken.book.asks == levels((102, 1))
    untouched = MODEL.take(limit(Side.BUY, "1", 99), b, RULES)
    assert untouched.executions == () and untouched.remaining == 1 and untouched.book == b


def test_limit_sell_walks_bids() -> None:
    b = book(bids=((100, "0.2"), (99, 1), (98, 1)), asks=((101, 1),))
    taken = MODEL.take(limit(Side.SELL, "0.7", 99), b, RULES)
    assert [(e.price, e.quantity) for e in taken.executions] == [
        (D(100), D("0.2")),
        (D(99), D("0.5")),
    ]
    assert taken.book.bids == levels((99, "0.5"), (98, 1))


def test_market_buy_spends_a_quote_amount_and_stops_at_dust() -> None:
    b = book(bids=((99, 1),), asks=((100, 1), (101, 1)))
    taken = MODEL.take(market_buy("150"), b, RULES)
    first, second = taken.executions
    assert (first.price, first.quantity) == (D(100), D(1))
    # 50 TRY left buys floor(50 / 101, 8 dp) = 0.49504950 BTC for 49.9999995 TRY
    assert (second.price, second.quantity) == (D(101), D("0.49504950"))
    assert taken.remaining == D("0.0000005") and taken.dust
    assert second.fee == D("0.045") and second.tax == D("0.009")


def test_market_orders_respect_five_percent_protection() -> None:
    b = book(bids=((100, 1), (96, 1), (94, 1)), asks=((100, 1), (104, 1), (106, 1)))
    bought = MODEL.take(market_buy("1000"), b, RULES)
    assert [e.price for e in bought.executions] == [D(100), D(104)]
    assert bought.remaining == D(796) and not bought.dust
    sold = MODEL.take(market_sell("3"), b, RULES)
    assert [e.price for e in sold.executions] == [D(100), D(96)]
    assert sold.remaining == D(1)


def test_market_order_against_an_empty_side_does_nothing() -> None:
    b = book(bids=(), asks=())
    taken = MODEL.take(market_sell("1"), b, RULES)
    assert taken.executions == () and taken.remaining == 1


def test_slippage_is_adverse_legal_and_capped_by_the_limit() -> None:
    slippy = FillModel(slippage_bps=D(25))
    b = book(bids=((1000, 1),), asks=((1000, 1), (1010, 1)))
    bought = slippy.take(market_buy("3000"), b, RULES)
    # 1000 * 1.0025 = 1002.5 -> integer price rounded against the taker: 1003
    assert bought.executions[0].price == D(1003)
    capped = slippy.take(limit(Side.BUY, "1", 1001), b, RULES)
    assert capped.executions[0].price == D(1001)
    sold = slippy.take(market_sell("1"), b, RULES)
    assert sold.executions[0].price == D(997)  # 997.5 rounded down


def test_resting_order_fills_at_its_price_against_crossing_levels() -> None:
    b = book(bids=((98, 1),), asks=((99, "0.3"), (100, "0.5"), (101, 1)))
    taken = MODEL.rest(Side.BUY, D(100), D(1), b, RULES)
    (fill,) = taken.executions
    assert fill == Execution(D(100), D("0.8"), D("0.04"), D("0.008"), maker=True)
    assert taken.remaining == D("0.2")
    assert taken.book.asks == levels((101, 1))
    nothing = MODEL.rest(Side.SELL, D(99), D(1), b, RULES)
    assert nothing.executions == () and nothing.book == b


def test_resting_sell_takes_only_what_it_needs() -> None:
    b = book(bids=((105, 2), (101, 1)), asks=((106, 1),))
    taken = MODEL.rest(Side.SELL, D(100), D("2.5"), b, RULES)
    assert taken.executions[0].quantity == D("2.5") and taken.remaining == 0
    assert taken.book.bids == levels((101, "0.5"))


def test_ids_are_monotonic_and_can_skip_past_used_ones() -> None:
    ids = IdSequence(10)
    assert [ids.next(), ids.next()] == [10, 11]
    ids.skip_past(99)
    ids.skip_past(5)
    assert ids.next() == 100
    with pytest.raises(ValueError, match="start at 1"):
        IdSequence(0)
