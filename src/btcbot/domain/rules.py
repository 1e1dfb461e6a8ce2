"""Exchange rules for one symbol, built from BTCTurk ``exchangeinfo``, with quantize/validate.

What BTCTurk actually enforces (API_CONTRACT §5.2): price decimals by ``hasFraction`` /
``denominatorScale`` (integer price when ``hasFraction`` is false; ``tickSize`` is UI-only),
quantity decimals by ``numeratorScale``, a minimum quote notional ``minExchangeValue``, and a
limit-price band (``minimumLimitOrderPrice``/``maximumLimitOrderPrice`` and PRICE_FILTER
``minPrice``/``maxPrice``). A market BUY is sized in quote currency, so its scale is the quote's.

Stop orders (base-sized): the stop price obeys the price scale (``FAILED_INVALID_STOP_PRICE_SCALE``)
and the band; a stop-market's value is its quantity at the stop price. A stop must not be
triggered already: a sell stop below the best bid, a buy stop above the best ask. We read the
error names ``FAILED_STOP_PRICE_LESS_THAN_BEST_BID`` / ``..._GREATER_THAN_BEST_ASK`` (API_CONTRACT
§4.2) as these requirements — the contract gives the names only, so this reading is ours.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from btcbot.domain.money import ZERO, decimals_of, format_decimal, quantize_down, quantize_up
from btcbot.domain.orders import OrderMethod, OrderRequest, Side
from btcbot.domain.slots import fast_init
from btcbot.domain.symbols import Symbol


class Violation(StrEnum):
    """Why an order would be refused; values mirror the exchange's error names."""

    NOT_TRADING = "SYMBOL_NOT_TRADING"
    NON_POSITIVE = "NON_POSITIVE_AMOUNT"
    PRICE_SCALE = "FAILED_INVALID_PRICE_SCALE"
    QUANTITY_SCALE = "FAILED_INVALID_QUANTITY_SCALE"
    MIN_TOTAL = "FAILED_MIN_TOTAL_AMOUNT"
    PRICE_BELOW_BAND = "ORDER_MIN_PRICE_EXCEEDED"
    PRICE_ABOVE_BAND = "ORDER_MAX_PRICE_EXCEEDED"
    MAX_ORDER_AMOUNT = "MAXIMUM_ORDER_AMOUNT_EXCEEDED"
    NO_REFERENCE_PRICE = "NO_REFERENCE_PRICE"
    STOP_PRICE_SCALE = "FAILED_INVALID_STOP_PRICE_SCALE"
    STOP_NOT_BELOW_BID = "FAILED_STOP_PRICE_LESS_THAN_BEST_BID"
    STOP_NOT_ABOVE_ASK = "FAILED_STOP_PRICE_GREATER_THAN_BEST_ASK"


@dataclass(frozen=True, slots=True)
class RuleCheck:
    """A failed check: which rule, and a sentence an operator can act on."""

    violation: Violation
    detail: str


@fast_init
@dataclass(frozen=True, slots=True)
class SymbolRules:
    symbol: Symbol
    numerator_scale: int
    denominator_scale: int
    has_fraction: bool
    min_exchange_value: Decimal
    status: str = "TRADING"
    min_price: Decimal | None = None
    max_price: Decimal | None = None
    min_limit_price: Decimal | None = None
    max_limit_price: Decimal | None = None
    max_order_amount: Decimal | None = None
    tick_size: Decimal | None = None  # informational only: BTCTurk validates by scale

    @property
    def price_scale(self) -> int:
        return self.denominator_scale if self.has_fraction else 0

    @property
    def is_trading(self) -> bool:
        return self.status.upper() == "TRADING"

    def quantize_price(self, price: Decimal, side: Side) -> Decimal:
        """Round to a legal price on the passive side: a buy never pays more, a sell never
        asks less than intended."""
        if side is Side.BUY:
            return quantize_down(price, self.price_scale)
        return quantize_up(price, self.price_scale)

    def quantize_quantity(self, quantity: Decimal) -> Decimal:
        return quantize_down(quantity, self.numerator_scale)

    def quantize_quote(self, amount: Decimal) -> Decimal:
        return quantize_down(amount, self.denominator_scale)

    def check(
        self, request: OrderRequest, reference_price: Decimal | None = None
    ) -> RuleCheck | None:
        """Return the first rule ``request`` breaks, or ``None`` when the exchange should
        accept it. ``reference_price`` (best ask for a buy, best bid for a sell) sizes market
        orders for the minimum-notional check and tells whether a stop would trigger at once;
        without it that stop check is skipped."""
        if request.symbol != self.symbol:
            raise ValueError(f"rules for {self.symbol} asked about {request.symbol}")
        if not self.is_trading:
            return RuleCheck(Violation.NOT_TRADING, f"{self.symbol} status is {self.status}")
        if request.is_market_buy:
            return self._check_market_buy(request)
        return self._check_base_sized(request, reference_price)

    def _check_market_buy(self, request: OrderRequest) -> RuleCheck | None:
        amount = request.quote_amount or ZERO
        if decimals_of(amount) > self.denominator_scale:
            return RuleCheck(
                Violation.QUANTITY_SCALE,
                f"market buy amount {format_decimal(amount)} has more than "
                f"{self.denominator_scale} decimals of {self.symbol.quote}",
            )
        return self._check_total(amount)

    def _check_base_sized(
        self, request: OrderRequest, reference_price: Decimal | None
    ) -> RuleCheck | None:
        if decimals_of(request.quantity) > self.numerator_scale:
            return RuleCheck(
                Violation.QUANTITY_SCALE,
                f"quantity {format_decimal(request.quantity)} has more than "
                f"{self.numerator_scale} decimals",
            )
        if self.max_order_amount is not None and request.quantity > self.max_order_amount:
            return RuleCheck(
                Violation.MAX_ORDER_AMOUNT,
                f"quantity {format_decimal(request.quantity)} exceeds the maximum "
                f"{format_decimal(self.max_order_amount)}",
            )
        if request.is_stop:
            return self._check_stop(request, reference_price)
        price = request.price if request.method is OrderMethod.LIMIT else reference_price
        if price is None:
            return RuleCheck(Violation.NO_REFERENCE_PRICE, "no price to size the order with")
        if request.method is OrderMethod.LIMIT:
            band = self._check_price(price)
            if band is not None:
                return band
        return self._check_total(request.quantity * price)

    def _check_stop(self, request: OrderRequest, reference: Decimal | None) -> RuleCheck | None:
        stop = request.stop_price or ZERO
        if decimals_of(stop) > self.price_scale:
            return RuleCheck(
                Violation.STOP_PRICE_SCALE,
                f"stop price {format_decimal(stop)} must have {self._scale_text()}",
            )
        price = request.price if request.method is OrderMethod.STOP_LIMIT else None
        for checked in (stop, price):
            found = None if checked is None else self._check_price(checked)
            if found is not None:
                return found
        triggered = _already_triggered(request.side, stop, reference)
        if triggered is not None:
            return triggered
        return self._check_total(request.quantity * (price if price is not None else stop))

    def _scale_text(self) -> str:
        return "an integer" if self.price_scale == 0 else f"at most {self.price_scale} decimals"

    def _check_price(self, price: Decimal) -> RuleCheck | None:
        if decimals_of(price) > self.price_scale:
            return RuleCheck(
                Violation.PRICE_SCALE,
                f"price {format_decimal(price)} must have {self._scale_text()}",
            )
        low = _max_of(self.min_price, self.min_limit_price)
        high = _min_of(self.max_price, self.max_limit_price)
        if low is not None and price < low:
            return RuleCheck(
                Violation.PRICE_BELOW_BAND,
                f"price {format_decimal(price)} is below {format_decimal(low)}",
            )
        if high is not None and price > high:
            return RuleCheck(
                Violation.PRICE_ABOVE_BAND,
                f"price {format_decimal(price)} is above {format_decimal(high)}",
            )
        return None

    def _check_total(self, total: Decimal) -> RuleCheck | None:
        if total <= ZERO:
            return RuleCheck(Violation.NON_POSITIVE, "order total must be positive")
        if total < self.min_exchange_value:
            return RuleCheck(
                Violation.MIN_TOTAL,
                f"total {format_decimal(total)} {self.symbol.quote} is below the minimum "
                f"{format_decimal(self.min_exchange_value)}",
            )
        return None


def _already_triggered(side: Side, stop: Decimal, reference: Decimal | None) -> RuleCheck | None:
    """A sell stop at or above the best bid (a buy stop at or below the best ask) would
    trigger at once: the exchange refuses it."""
    if reference is None:
        return None
    if side is Side.SELL and stop >= reference:
        return RuleCheck(
            Violation.STOP_NOT_BELOW_BID,
            f"sell stop {format_decimal(stop)} is not below the best bid "
            f"{format_decimal(reference)}",
        )
    if side is Side.BUY and stop <= reference:
        return RuleCheck(
            Violation.STOP_NOT_ABOVE_ASK,
            f"buy stop {format_decimal(stop)} is not above the best ask "
            f"{format_decimal(reference)}",
        )
    return None


def _max_of(a: Decimal | None, b: Decimal | None) -> Decimal | None:
    values = [v for v in (a, b) if v is not None]
    return max(values) if values else None


def _min_of(a: Decimal | None, b: Decimal | None) -> Decimal | None:
    values = [v for v in (a, b) if v is not None]
    return min(values) if values else None
