"""Symbol table and order-validation rules (API_CONTRACT.md §5).

The table is data (``data/symbols.json``). Validation follows the contract's order of
realism: scale, then minimum notional, then the dynamic ÷10/×10 limit-price band. Balance
checks, and whether a stop would trigger at once, live in the engine because they need
account and book state.
"""

import json
from dataclasses import dataclass
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Any

from btcbot.emulator import errors
from btcbot.emulator.errors import OrderRejected

BAND_FACTOR = Decimal(10)


@dataclass(frozen=True)
class Currency:
    id: int
    symbol: str
    name: str
    precision: int
    min_withdrawal: str
    min_deposit: str


@dataclass(frozen=True)
class SymbolRule:
    id: int
    name: str
    numerator: str
    denominator: str
    numerator_scale: int
    denominator_scale: int
    has_fraction: bool
    tick_size: str
    min_exchange_value: Decimal
    display_format: str
    order: int
    ref_price: Decimal

    @property
    def normalized(self) -> str:
        return f"{self.numerator}_{self.denominator}"

    @property
    def price_scale(self) -> int:
        """Decimals a limit price may carry: integer prices when ``hasFraction`` is false."""
        return self.denominator_scale if self.has_fraction else 0

    def quantize_price(self, price: Decimal) -> Decimal:
        return price.quantize(Decimal(1).scaleb(-self.price_scale))

    def quantize_quantity(self, quantity: Decimal) -> Decimal:
        return quantity.quantize(Decimal(1).scaleb(-self.numerator_scale), rounding="ROUND_DOWN")


@dataclass(frozen=True)
class SymbolTable:
    symbols: tuple[SymbolRule, ...]
    currencies: tuple[Currency, ...]

    def find(self, pair: str) -> SymbolRule | None:
        """Look a pair up as ``BTCTRY``, ``BTC_TRY`` or any casing of those."""
        key = pair.replace("_", "").upper()
        for rule in self.symbols:
            if rule.name == key:
                return rule
        return None

    def by_id(self, symbol_id: int) -> SymbolRule | None:
        return next((rule for rule in self.symbols if rule.id == symbol_id), None)

    def currency(self, symbol: str) -> Currency | None:
        return next((cur for cur in self.currencies if cur.symbol == symbol.upper()), None)


def load_symbol_table(path: Path | None = None) -> SymbolTable:
    """Load the symbol table from ``path`` or the packaged ``data/symbols.json``."""
    if path is None:
        text = resources.files("btcbot.emulator").joinpath("data/symbols.json").read_text("utf-8")
    else:
        text = path.read_text("utf-8")
    raw = json.loads(text)
    return SymbolTable(
        symbols=tuple(_symbol(item) for item in raw["symbols"]),
        currencies=tuple(_currency(item) for item in raw["currencies"]),
    )


def _symbol(item: dict[str, Any]) -> SymbolRule:
    return SymbolRule(
        id=int(item["id"]),
        name=str(item["name"]),
        numerator=str(item["numerator"]),
        denominator=str(item["denominator"]),
        numerator_scale=int(item["numeratorScale"]),
        denominator_scale=int(item["denominatorScale"]),
        has_fraction=bool(item["hasFraction"]),
        tick_size=str(item["tickSize"]),
        min_exchange_value=Decimal(str(item["minExchangeValue"])),
        display_format=str(item["displayFormat"]),
        order=int(item["order"]),
        ref_price=Decimal(str(item["refPrice"])),
    )


def _currency(item: dict[str, Any]) -> Currency:
    return Currency(
        id=int(item["id"]),
        symbol=str(item["symbol"]),
        name=str(item["name"]),
        precision=int(item["precision"]),
        min_withdrawal=str(item["minWithdrawal"]),
        min_deposit=str(item["minDeposit"]),
    )


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
