"""Order-validation rules (API_CONTRACT.md §5) over the shipped symbol table.

The table and its loader are the exchange port's (:mod:`btcbot.exchange.symbol_table`, data in
``btcbot/exchange/data/symbols.json``): the replay reads the same table. Validation follows
the contract's order of realism: scale, then minimum notional, then the dynamic ÷10/×10
limit-price band. Balance checks, and whether a stop would trigger at once, live in the engine
because they need account and book state.
"""

from decimal import Decimal

from btcbot.emulator import errors
from btcbot.emulator.errors import OrderRejected
from btcbot.exchange.symbol_table import SymbolRule

BAND_FACTOR = Decimal(10)


def decimal_places(value: Decimal) -> int:
    exponent = value.normalize().as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def price_band(ref_price: Decimal) -> tuple[Decimal, Decimal]:
    """``minimumLimitOrderPrice`` / ``maximumLimitOrderPrice``: current price ÷10 and ×10."""
    return ref_price / BAND_FACTOR, ref_price * BAND_FACTOR


def validate_limit(rule: SymbolRule, quantity: Decimal, price: Decimal, ref: Decimal) -> None:
    """Scale, min notional and price band of a limit order; raises :class:`OrderRejected`."""
    if decimal_places(price) > rule.price_scale:
        raise OrderRejected(errors.FAILED_INVALID_PRICE_SCALE)
    if decimal_places(quantity) > rule.numerator_scale:
        raise OrderRejected(errors.FAILED_INVALID_QUANTITY_SCALE)
    if quantity * price < rule.min_exchange_value:
        raise OrderRejected(errors.FAILED_MIN_TOTAL_AMOUNT)
    low, high = price_band(ref)
    if price < low:
        raise OrderRejected(errors.ORDER_MIN_PRICE_EXCEEDED)
    if price > high:
        raise OrderRejected(errors.ORDER_MAX_PRICE_EXCEEDED)


def validate_market(rule: SymbolRule, side: str, quantity: Decimal, ref: Decimal) -> None:
    """Market BUY quantity is quote currency (quote scale); market SELL is base quantity."""
    scale = rule.denominator_scale if side == "buy" else rule.numerator_scale
    if decimal_places(quantity) > scale:
        raise OrderRejected(errors.FAILED_INVALID_QUANTITY_SCALE)
    notional = quantity if side == "buy" else quantity * ref
    if notional < rule.min_exchange_value:
        raise OrderRejected(errors.FAILED_MIN_TOTAL_AMOUNT)


def validate_stop(
    rule: SymbolRule, quantity: Decimal, stop: Decimal, price: Decimal | None, ref: Decimal
) -> None:
    """A stop order (base-sized): the stop price's scale first, then a stop-limit like a limit
    order, a stop-market by its quantity at the stop price; the stop price inside the band."""
    if decimal_places(stop) > rule.price_scale:
        raise OrderRejected(errors.FAILED_INVALID_STOP_PRICE_SCALE)
    if price is not None:
        validate_limit(rule, quantity, price, ref)
    else:
        if decimal_places(quantity) > rule.numerator_scale:
            raise OrderRejected(errors.FAILED_INVALID_QUANTITY_SCALE)
        if quantity * stop < rule.min_exchange_value:
            raise OrderRejected(errors.FAILED_MIN_TOTAL_AMOUNT)
    low, high = price_band(ref)
    if stop < low:
        raise OrderRejected(errors.ORDER_MIN_PRICE_EXCEEDED)
    if stop > high:
        raise OrderRejected(errors.ORDER_MAX_PRICE_EXCEEDED)
