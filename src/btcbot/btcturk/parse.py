"""Wire structs → domain values. Every venue↔domain enum map lives here, and only here."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from types import MappingProxyType
from typing import Any, Final, TypeVar

import msgspec

from btcbot.btcturk import wire_schemas as w
from btcbot.btcturk.reports import CurrencyInfo
from btcbot.domain.fills import Fill
from btcbot.domain.market import Balance, BookLevel, Candle, OrderBook, PublicTrade, Ticker
from btcbot.domain.money import ZERO, MoneyError, to_decimal
from btcbot.domain.orders import OrderMethod, OrderStatus, Side
from btcbot.domain.rules import SymbolRules
from btcbot.domain.symbols import Symbol, SymbolError
from btcbot.exchange.reports import ExchangeOrder, SubmitAck

_V = TypeVar("_V")


class WireError(ValueError):
    """A payload decoded but its values make no sense in the domain (unknown enum, …)."""


#: No price, amount, fee or timestamp on BTCTurk comes near 10**30 (or 10**-30): a number
#: that does is garbage, like NaN and Infinity (which msgspec reads into Decimal as they are).
MAX_EXPONENT: Final = 30


def sound(value: _V) -> _V:
    """``value`` (a decoded wire struct) if every number in it is finite and of a sane
    magnitude; else :class:`WireError` — never a NaN or infinite amount passed on."""
    _check_numbers(value, "")
    return value


def _check_numbers(value: Any, where: str) -> None:
    if isinstance(value, Decimal):
        if not value.is_finite() or (value and abs(value.adjusted()) > MAX_EXPONENT):
            raise WireError(f"not a sound number at {where or 'top level'}: {value}")
    elif isinstance(value, msgspec.Struct):
        for name in value.__struct_fields__:
            _check_numbers(getattr(value, name), f"{where}.{name}")
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            _check_numbers(item, f"{where}[{index}]")


# --- venue ↔ domain enums (keys lower-cased: the venue mixes "Buy"/"buy", "Limit"/"limit")
SIDES: Final[Mapping[str, Side]] = MappingProxyType({"buy": Side.BUY, "sell": Side.SELL})
METHODS: Final[Mapping[str, OrderMethod]] = MappingProxyType(
    {
        "limit": OrderMethod.LIMIT,
        "market": OrderMethod.MARKET,
        "stoplimit": OrderMethod.STOP_LIMIT,  # docs; SW1's "stopLimit" lower-cases to it
        "stopmarket": OrderMethod.STOP_MARKET,
        "stop_limit": OrderMethod.STOP_LIMIT,  # exchangeinfo spells STOP_LIMIT
        "stop_market": OrderMethod.STOP_MARKET,
    }
)
STATUSES: Final[Mapping[str, OrderStatus]] = MappingProxyType(
    {
        "untouched": OrderStatus.OPEN,
        "partial": OrderStatus.PARTIALLY_FILLED,
        "closed": OrderStatus.FILLED,
        "filled": OrderStatus.FILLED,  # D-all prose says "filled"; captures say "Closed"
        "canceled": OrderStatus.CANCELED,
        "cancelled": OrderStatus.CANCELED,
    }
)
VENUE_SIDE: Final[Mapping[Side, str]] = MappingProxyType({Side.BUY: "buy", Side.SELL: "sell"})
VENUE_METHOD: Final[Mapping[OrderMethod, str]] = MappingProxyType(
    {
        OrderMethod.LIMIT: "limit",
        OrderMethod.MARKET: "market",
        OrderMethod.STOP_LIMIT: "stoplimit",
        OrderMethod.STOP_MARKET: "stopmarket",
    }
)


def _lookup(table: Mapping[str, _V], raw: str, what: str) -> _V:
    try:
        return table[raw.strip().lower()]
    except KeyError:
        raise WireError(f"unknown {what} {raw!r}") from None


def side_of(raw: str) -> Side:
    return _lookup(SIDES, raw, "order side")


def method_of(raw: str) -> OrderMethod:
    return _lookup(METHODS, raw, "order method")


def status_of(raw: str) -> OrderStatus:
    return _lookup(STATUSES, raw, "order status")


def symbol_of(text: str) -> Symbol:
    try:
        return Symbol.parse(text)
    except SymbolError as exc:
        raise WireError(str(exc)) from None


def pair_of(numerator: str, denominator: str) -> Symbol:
    try:
        return Symbol(numerator.strip().upper(), denominator.strip().upper())
    except SymbolError as exc:
        raise WireError(str(exc)) from None


# --- exchange info -------------------------------------------------------------------------


def symbol_rules(item: w.ExchangeSymbol) -> SymbolRules:
    """Rules from one exchangeinfo symbol. ``tickSize`` is informational (UI arrows only)."""
    price_filter = next((f for f in item.filters if f.filter_type == "PRICE_FILTER"), None)
    min_value = price_filter.min_exchange_value if price_filter else None
    return SymbolRules(
        symbol=pair_of(item.numerator, item.denominator),
        numerator_scale=item.numerator_scale,
        denominator_scale=item.denominator_scale,
        has_fraction=item.has_fraction,
        min_exchange_value=min_value if min_value is not None else ZERO,
        status=item.status,
        min_price=price_filter.min_price if price_filter else None,
        max_price=price_filter.max_price if price_filter else None,
        min_limit_price=item.minimum_limit_order_price,
        max_limit_price=item.maximum_limit_order_price,
        max_order_amount=item.maximum_order_amount,
        tick_size=price_filter.tick_size if price_filter else None,
    )


def all_symbol_rules(info: w.ExchangeInfo) -> list[SymbolRules]:
    return [symbol_rules(item) for item in info.symbols]


def currencies(info: w.ExchangeInfo) -> list[CurrencyInfo]:
    return [CurrencyInfo(c.symbol.upper(), c.precision) for c in info.currencies]


# --- market data ---------------------------------------------------------------------------


def _required(value: Decimal | None, field: str, pair: str) -> Decimal:
    if value is None:
        raise WireError(f"ticker {pair} lacks {field!r}")
    return value


def ticker(item: w.TickerItem) -> Ticker:
    pair = item.pair_normalized
    return Ticker(
        symbol=pair_of(item.numerator_symbol, item.denominator_symbol),
        last=_required(item.last, "last", pair),
        bid=_required(item.bid, "bid", pair),
        ask=_required(item.ask, "ask", pair),
        high=_required(item.high, "high", pair),
        low=_required(item.low, "low", pair),
        volume=_required(item.volume, "volume", pair),
        average=_required(item.average, "average", pair),
        timestamp_ms=item.timestamp,
    )


def _levels(rows: Iterable[tuple[Decimal, Decimal]]) -> tuple[BookLevel, ...]:
    return tuple(BookLevel(price, amount) for price, amount in rows)


def order_book(data: w.OrderBookData, symbol: Symbol) -> OrderBook:
    """The REST book carries no pair name: ``symbol`` is the one that was asked for."""
    bids = sorted(_levels(data.bids), key=lambda level: level.price, reverse=True)
    asks = sorted(_levels(data.asks), key=lambda level: level.price)
    return OrderBook(symbol, tuple(bids), tuple(asks), timestamp_ms=int(data.timestamp))


def public_trade(item: w.PublicTradeItem) -> PublicTrade:
    if item.numerator and item.denominator:
        symbol = pair_of(item.numerator, item.denominator)
    else:
        symbol = symbol_of(item.pair_normalized or item.pair)
    return PublicTrade(
        symbol=symbol,
        trade_id=item.tid,
        price=item.price,
        amount=item.amount,
        side=side_of(item.side) if item.side else None,
        timestamp_ms=item.date,
    )


def ohlc_candle(item: w.OhlcItem) -> Candle:
    return Candle(
        symbol=symbol_of(item.pair),
        open_time_s=item.time,
        open=item.open,
        high=item.high,
        low=item.low,
        close=item.close,
        volume=item.volume,
    )


def kline_candles(data: w.Klines, symbol: Symbol) -> list[Candle]:
    """UDF columns → candles; ``s == "no_data"`` is an empty range, not an error."""
    if data.s != "ok":
        return []
    columns = (data.t, data.o, data.h, data.l, data.c, data.v)
    if len({len(column) for column in columns}) != 1:
        raise WireError("klines columns have different lengths")
    return [Candle(symbol, t, o, h, low, c, v) for t, o, h, low, c, v in zip(*columns, strict=True)]


# --- account -------------------------------------------------------------------------------


def balance(item: w.BalanceItem) -> Balance:
    """Accepts the doc example's comma decimals ("27223,72") via ``to_decimal``."""
    try:
        free, locked = to_decimal(item.free), to_decimal(item.locked)
    except MoneyError as exc:
        raise WireError(f"balance {item.asset}: {exc}") from None
    _check_numbers(free, f"balance {item.asset} free")
    _check_numbers(locked, f"balance {item.asset} locked")
    return Balance(item.asset.upper(), free, locked)


def exchange_order(item: w.OrderItem) -> ExchangeOrder:
    left = item.left_amount if item.left_amount is not None else item.quantity
    return ExchangeOrder(
        order_id=item.id,
        client_order_id=item.order_client_id,
        symbol=symbol_of(item.pair_symbol_normalized or item.pair_symbol),
        side=side_of(item.type),
        method=method_of(item.method),
        venue_method=item.method,
        status=status_of(item.status),
        price=item.price,
        quantity=item.quantity,
        left_amount=left,
        stop_price=_stop_price(item.stop_price),
        created_ms=item.time or None,  # the docs show "time": 0 for open orders
        updated_ms=item.update_time,
    )


def _stop_price(value: Decimal | None) -> Decimal | None:
    """Limit and market orders report ``"stopPrice": "0"`` (or null): no stop."""
    return value if value is not None and value > ZERO else None


def open_orders(data: w.OpenOrders) -> list[ExchangeOrder]:
    return [exchange_order(item) for item in (*data.bids, *data.asks)]


def submit_ack(data: w.SubmitResult) -> SubmitAck:
    return SubmitAck(
        order_id=data.id,
        client_order_id=data.new_order_client_id,
        symbol=symbol_of(data.pair_symbol_normalized or data.pair_symbol),
        side=side_of(data.type),
        method=method_of(data.method),
        price=data.price,
        quantity=data.quantity,
        timestamp_ms=data.datetime,
    )


def fill(item: w.UserTradeItem) -> Fill:
    """Fees, taxes and sell amounts are negative on the wire; the domain keeps magnitudes."""
    if item.order_type:
        side = side_of(item.order_type)
    else:
        side = Side.SELL if item.amount < ZERO else Side.BUY
    return Fill(
        trade_id=item.id,
        order_id=item.order_id,
        client_order_id=item.order_client_id,
        symbol=pair_of(item.numerator_symbol, item.denominator_symbol),
        side=side,
        price=item.price,
        quantity=abs(item.amount),
        fee=abs(item.fee),
        tax=abs(item.tax),
        timestamp_ms=item.timestamp,
    )
