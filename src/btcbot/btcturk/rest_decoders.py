"""Body bytes → domain values, one function per endpoint: the production decoders.

Wire decoding and domain translation happen together, inside the call engine, so every
failure (schema mismatch, unknown enum, missing field, a NaN or absurd number) is classified
the same way: a :class:`MalformedResponse` on a read, :class:`OutcomeUnknown` on a mutation.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from btcbot.btcturk import parse
from btcbot.btcturk import wire_schemas as w
from btcbot.btcturk.reports import CurrencyInfo
from btcbot.domain.fills import Fill
from btcbot.domain.market import Balance, Candle, OrderBook, PublicTrade, Ticker
from btcbot.domain.rules import SymbolRules
from btcbot.domain.symbols import Symbol
from btcbot.exchange.reports import ExchangeOrder, SubmitAck

T = TypeVar("T")


def data(body: bytes, data_type: type[T]) -> T:
    """The ``data`` of an enveloped body; a success without data is malformed."""
    envelope = w.decode_envelope(body, data_type)
    if envelope.data is None:
        raise parse.WireError("response has no data")
    return parse.sound(envelope.data)


def bare(body: bytes, data_type: type[T]) -> T:
    """A body without an envelope (server time, graph)."""
    return parse.sound(w.decode_bare(body, data_type))


def server_time(body: bytes) -> int:
    return bare(body, w.ServerTime).server_time


def symbol_rules(body: bytes) -> list[SymbolRules]:
    return parse.all_symbol_rules(data(body, w.ExchangeInfo))


def currencies(body: bytes) -> list[CurrencyInfo]:
    return parse.currencies(data(body, w.ExchangeInfo))


def tickers(body: bytes) -> list[Ticker]:
    return [parse.ticker(item) for item in data(body, list[w.TickerItem])]


def order_book(symbol: Symbol) -> Callable[[bytes], OrderBook]:
    return lambda body: parse.order_book(data(body, w.OrderBookData), symbol)


def public_trades(body: bytes) -> list[PublicTrade]:
    return [parse.public_trade(item) for item in data(body, list[w.PublicTradeItem])]


def ohlc_candles(body: bytes) -> list[Candle]:
    return [parse.ohlc_candle(item) for item in bare(body, list[w.OhlcItem])]


def kline_candles(symbol: Symbol) -> Callable[[bytes], list[Candle]]:
    return lambda body: parse.kline_candles(bare(body, w.Klines), symbol)


def balances(body: bytes) -> list[Balance]:
    return [parse.balance(item) for item in data(body, list[w.BalanceItem])]


def open_orders(body: bytes) -> list[ExchangeOrder]:
    return parse.open_orders(data(body, w.OpenOrders))


def orders(body: bytes) -> list[ExchangeOrder]:
    return [parse.exchange_order(item) for item in data(body, list[w.OrderItem])]


def order(body: bytes) -> ExchangeOrder:
    return parse.exchange_order(data(body, w.OrderItem))


def fills(body: bytes) -> list[Fill]:
    return [parse.fill(item) for item in data(body, list[w.UserTradeItem])]


def submit_ack(body: bytes) -> SubmitAck:
    return parse.submit_ack(data(body, w.SubmitResult))


def cancel_message(body: bytes) -> str | None:
    """The cancel 200 has no ``data``; anything but ``success: true`` is unreadable."""
    ack = w.decode_bare(body, w.ErrorBody)
    if ack.success is not True:
        raise parse.WireError("cancel response without success:true")
    return ack.message
