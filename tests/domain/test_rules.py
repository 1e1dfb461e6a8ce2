from decimal import Decimal

import pytest

from btcbot.domain import OrderMethod, OrderRequest, Side, Symbol, SymbolRules, Violation

BTCTRY = Symbol("BTC", "TRY")
XRPUSDT = Symbol("XRP", "USDT")


def btctry_rules(**overrides: object) -> SymbolRules:
    fields: dict[str, object] = {
        "symbol": BTCTRY,
        "numerator_scale": 8,
        "denominator_scale": 2,
        "has_fraction": False,
        "min_exchange_value": Decimal("99.91"),
        "min_limit_price": Decimal(58950),
        "max_limit_price": Decimal(5895000),
    }
    fields.update(overrides)
    return SymbolRules(**fields)  # type: ignore[arg-type]


def limit(price: str, qty: str, side: Side = Side.BUY, symbol: Symbol = BTCTRY) -> OrderRequest:
    return OrderRequest(symbol, side, OrderMethod.LIMIT, "cid-1", Decimal(qty), Decimal(price))


def test_integer_price_when_has_fraction_is_false() -> None:
    rules = btctry_rules()
    assert rules.price_scale == 0
    assert rules.check(limit("589500.5", "0.001")) is not None
    check = rules.check(limit("589500.5", "0.001"))
    assert check is not None and check.violation is Violation.PRICE_SCALE
    assert "integer" in check.detail
    assert rules.check(limit("589500", "0.001")) is None


def test_price_decimals_follow_denominator_scale_when_fractional() -> None:
    rules = SymbolRules(XRPUSDT, 1, 4, True, Decimal("9.99"))
    assert rules.check(limit("0.2673", "4800", symbol=XRPUSDT)) is None
    check = rules.check(limit("0.26731", "4800", symbol=XRPUSDT))
    assert check is not None and check.violation is Violation.PRICE_SCALE


def test_quantity_scale_min_total_and_band() -> None:
    rules = btctry_rules()
    qty_check = rules.check(limit("600000", "0.000000001"))
    assert qty_check is not None and qty_check.violation is Violation.QUANTITY_SCALE
    total_check = rules.check(limit("600000", "0.0001"))  # 60 TRY
    assert total_check is not None and total_check.violation is Violation.MIN_TOTAL
    low = rules.check(limit("58949", "0.01"))
    assert low is not None and low.violation is Violation.PRICE_BELOW_BAND
    high = rules.check(limit("5895001", "0.01"))
    assert high is not None and high.violation is Violation.PRICE_ABOVE_BAND


def test_market_buy_is_checked_in_quote_units() -> None:
    rules = btctry_rules()
    ok = OrderRequest(BTCTRY, Side.BUY, OrderMethod.MARKET, "c", quote_amount=Decimal("150.25"))
    assert rules.check(ok) is None
    small = OrderRequest(BTCTRY, Side.BUY, OrderMethod.MARKET, "c", quote_amount=Decimal("50"))
    check = rules.check(small)
    assert check is not None and check.violation is Violation.MIN_TOTAL
    fine = OrderRequest(BTCTRY, Side.BUY, OrderMethod.MARKET, "c", quote_amount=Decimal("150.255"))
    check = rules.check(fine)
    assert check is not None and check.violation is Violation.QUANTITY_SCALE


def test_market_sell_needs_a_reference_price_for_min_total() -> None:
    rules = btctry_rules()
    sell = OrderRequest(BTCTRY, Side.SELL, OrderMethod.MARKET, "c", Decimal("0.001"))
    check = rules.check(sell)
    assert check is not None and check.violation is Violation.NO_REFERENCE_PRICE
    assert rules.check(sell, reference_price=Decimal(600000)) is None


def test_quantize_rounds_to_the_passive_side() -> None:
    rules = btctry_rules()
    assert rules.quantize_price(Decimal("600000.7"), Side.BUY) == Decimal(600000)
    assert rules.quantize_price(Decimal("600000.2"), Side.SELL) == Decimal(600001)
    assert rules.quantize_quantity(Decimal("0.123456789")) == Decimal("0.12345678")


def test_not_trading_symbol_is_refused() -> None:
    check = btctry_rules(status="MAINTENANCE").check(limit("600000", "0.01"))
    assert check is not None and check.violation is Violation.NOT_TRADING


def test_rules_refuse_a_foreign_symbol() -> None:
    with pytest.raises(ValueError, match="asked about"):
        btctry_rules().check(limit("1", "100", symbol=XRPUSDT))


def stop(
    stop_price: str,
    qty: str,
    side: Side = Side.SELL,
    price: str | None = None,
) -> OrderRequest:
    method = OrderMethod.STOP_MARKET if price is None else OrderMethod.STOP_LIMIT
    return OrderRequest(
        BTCTRY,
        side,
        method,
        "cid-stop",
        Decimal(qty),
        None if price is None else Decimal(price),
        stop_price=Decimal(stop_price),
    )


@pytest.mark.parametrize(
    ("request_", "reference", "violation"),
    [
        (stop("589500.5", "0.001"), None, Violation.STOP_PRICE_SCALE),
        (stop("50000", "0.01"), None, Violation.PRICE_BELOW_BAND),
        (stop("590000", "0.0001"), None, Violation.MIN_TOTAL),  # 59 TRY at the stop price
        (stop("590000", "0.001", price="589000.5"), None, Violation.PRICE_SCALE),
        (stop("590000", "0.001"), Decimal(590000), Violation.STOP_NOT_BELOW_BID),
        (stop("600000", "0.001", Side.BUY), Decimal(600000), Violation.STOP_NOT_ABOVE_ASK),
    ],
)
def test_stop_orders_are_checked_like_the_exchange(
    request_: OrderRequest, reference: Decimal | None, violation: Violation
) -> None:
    check = btctry_rules().check(request_, reference)
    assert check is not None and check.violation is violation, check


def test_a_stop_below_the_bid_and_above_the_minimum_passes() -> None:
    rules = btctry_rules()
    assert rules.check(stop("590000", "0.001"), Decimal(600000)) is None
    assert rules.check(stop("590000", "0.001", price="585000"), Decimal(600000)) is None
    assert rules.check(stop("610000", "0.001", Side.BUY), Decimal(600000)) is None
    assert rules.check(stop("590000", "0.001")) is None  # no reference: trigger not checked
