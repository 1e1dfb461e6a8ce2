"""Market data values: order books, tickers, public trades, balances, candles."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from btcbot.domain.money import BPS, ZERO
from btcbot.domain.orders import Side
from btcbot.domain.slots import slot_setter
from btcbot.domain.symbols import Symbol


@dataclass(frozen=True, slots=True)
class BookLevel:
    price: Decimal
    amount: Decimal

    def __init__(self, price: Decimal, amount: Decimal) -> None:
        # Hot (ten per synthetic book, a book per symbol per replayed bar): see
        # btcbot.domain.slots.
        _level_price(self, price)
        _level_amount(self, amount)


_level_price = slot_setter(BookLevel, "price")
_level_amount = slot_setter(BookLevel, "amount")


@dataclass(frozen=True, slots=True)
class OrderBook:
    """An immutable book view: bids best (highest) first, asks best (lowest) first."""

    symbol: Symbol
    bids: tuple[BookLevel, ...]
    asks: tuple[BookLevel, ...]
    timestamp_ms: int
    sequence: int | None = None

    @property
    def best_bid(self) -> Decimal | None:
        return self.bids[0].price if self.bids else None

    @property
    def best_ask(self) -> Decimal | None:
        return self.asks[0].price if self.asks else None

    @property
    def mid(self) -> Decimal | None:
        if self.best_bid is None or self.best_ask is None:
            return None
        return (self.best_bid + self.best_ask) / 2

    @property
    def spread_bps(self) -> Decimal | None:
        mid = self.mid
        if mid is None or mid == ZERO or self.best_ask is None or self.best_bid is None:
            return None
        return (self.best_ask - self.best_bid) / mid * BPS


@dataclass(frozen=True, slots=True)
class Ticker:
    symbol: Symbol
    last: Decimal
    bid: Decimal
    ask: Decimal
    high: Decimal
    low: Decimal
    volume: Decimal  # base volume over 24 h
    average: Decimal
    timestamp_ms: int

    def __init__(
        self,
        symbol: Symbol,
        last: Decimal,
        bid: Decimal,
        ask: Decimal,
        high: Decimal,
        low: Decimal,
        volume: Decimal,
        average: Decimal,
        timestamp_ms: int,
    ) -> None:
        # Hot (a replay serves a ticker per symbol per cycle): see btcbot.domain.slots.
        _ticker_symbol(self, symbol)
        _ticker_last(self, last)
        _ticker_bid(self, bid)
        _ticker_ask(self, ask)
        _ticker_high(self, high)
        _ticker_low(self, low)
        _ticker_volume(self, volume)
        _ticker_average(self, average)
        _ticker_timestamp_ms(self, timestamp_ms)

    @property
    def quote_volume(self) -> Decimal:
        return self.volume * self.average


_ticker_symbol = slot_setter(Ticker, "symbol")
_ticker_last = slot_setter(Ticker, "last")
_ticker_bid = slot_setter(Ticker, "bid")
_ticker_ask = slot_setter(Ticker, "ask")
_ticker_high = slot_setter(Ticker, "high")
_ticker_low = slot_setter(Ticker, "low")
_ticker_volume = slot_setter(Ticker, "volume")
_ticker_average = slot_setter(Ticker, "average")
_ticker_timestamp_ms = slot_setter(Ticker, "timestamp_ms")


@dataclass(frozen=True, slots=True)
class PublicTrade:
    symbol: Symbol
    trade_id: str
    price: Decimal
    amount: Decimal
    side: Side | None
    timestamp_ms: int


@dataclass(frozen=True, slots=True)
class Balance:
    asset: str
    free: Decimal
    locked: Decimal

    @property
    def total(self) -> Decimal:
        return self.free + self.locked


@dataclass(frozen=True, slots=True)
class Candle:
    symbol: Symbol
    open_time_s: int
    open: Decimal
    high: Decimal
    low: Decimal
    close: Decimal
    volume: Decimal

    def __init__(
        self,
        symbol: Symbol,
        open_time_s: int,
        open: Decimal,
        high: Decimal,
        low: Decimal,
        close: Decimal,
        volume: Decimal,
    ) -> None:
        # Hot (a dataset load makes one per row: half a million per year of 1m candles per
        # pair): see btcbot.domain.slots.
        _candle_symbol(self, symbol)
        _candle_open_time_s(self, open_time_s)
        _candle_open(self, open)
        _candle_high(self, high)
        _candle_low(self, low)
        _candle_close(self, close)
        _candle_volume(self, volume)


_candle_symbol = slot_setter(Candle, "symbol")
_candle_open_time_s = slot_setter(Candle, "open_time_s")
_candle_open = slot_setter(Candle, "open")
_candle_high = slot_setter(Candle, "high")
_candle_low = slot_setter(Candle, "low")
_candle_close = slot_setter(Candle, "close")
_candle_volume = slot_setter(Candle, "volume")
