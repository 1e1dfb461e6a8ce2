"""Market data values: order books, tickers, public trades, balances, candles."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from btcbot.domain.money import BPS, ZERO
from btcbot.domain.orders import Side
from btcbot.domain.slots import fast_init
from btcbot.domain.symbols import Symbol


@fast_init
@dataclass(frozen=True, slots=True)
class BookLevel:
    price: Decimal
    amount: Decimal


@fast_init
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


@fast_init
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

    @property
    def quote_volume(self) -> Decimal:
        return self.volume * self.average


@dataclass(frozen=True, slots=True)
class PublicTrade:
    symbol: Symbol
    trade_id: str
    price: Decimal
    amount: Decimal
    side: Side | None
    timestamp_ms: int


@fast_init
@dataclass(frozen=True, slots=True)
class Balance:
    asset: str
    free: Decimal
    locked: Decimal

    @property
    def total(self) -> Decimal:
        return self.free + self.locked


@fast_init
@dataclass(frozen=True, slots=True)
class Candle:
    symbol: Symbol
    open_time_s: int
    open: Decimal
    high: Decimal
    low: Decimal
    close: Decimal
    volume: Decimal
