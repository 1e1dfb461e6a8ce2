"""Builders for exchange tests: rules, books, a scriptable market, generated datasets."""

from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from btcbot.domain import (
    BookLevel,
    OrderBook,
    OrderMethod,
    OrderRequest,
    Side,
    Symbol,
    SymbolRules,
    Ticker,
)
from btcbot.exchange.datasets import Series, series_from_bars, write_series

D = Decimal
BTC_TRY = Symbol("BTC", "TRY")
ETH_TRY = Symbol("ETH", "TRY")
HOUR_MS = 3_600_000
T0 = 1_700_000_000_000 - 1_700_000_000_000 % HOUR_MS  # a whole hour


def rules(symbol: Symbol = BTC_TRY, **changes: object) -> SymbolRules:
    """BTCTRY-like rules: integer prices, 8 base decimals, 10 TRY minimum."""
    values: dict[str, object] = {
        "symbol": symbol,
        "numerator_scale": 8,
        "denominator_scale": 2,
        "has_fraction": False,
        "min_exchange_value": D(10),
    }
    values.update(changes)
    return SymbolRules(**values)  # type: ignore[arg-type]


def levels(*pairs: tuple[str | int, str | int]) -> tuple[BookLevel, ...]:
    return tuple(BookLevel(D(str(p)), D(str(a))) for p, a in pairs)


def book(
    bids: tuple[tuple[str | int, str | int], ...],
    asks: tuple[tuple[str | int, str | int], ...],
    *,
    symbol: Symbol = BTC_TRY,
    ts: int = T0,
) -> OrderBook:
    return OrderBook(symbol, levels(*bids), levels(*asks), ts)


def limit(side: Side, quantity: str, price: str | int | Decimal, cid: str = "c1") -> OrderRequest:
    return OrderRequest(
        BTC_TRY, side, OrderMethod.LIMIT, cid, quantity=D(quantity), price=D(str(price))
    )


def market_buy(quote: str, cid: str = "m1") -> OrderRequest:
    return OrderRequest(BTC_TRY, Side.BUY, OrderMethod.MARKET, cid, quote_amount=D(quote))


def market_sell(quantity: str, cid: str = "m1") -> OrderRequest:
    return OrderRequest(BTC_TRY, Side.SELL, OrderMethod.MARKET, cid, quantity=D(quantity))


@dataclass
class FakeMarket:
    """A scriptable MarketDataPort: set ``books[symbol]``; counts book reads."""

    books: dict[Symbol, OrderBook] = field(default_factory=dict)
    rules: dict[Symbol, SymbolRules] = field(default_factory=lambda: {BTC_TRY: rules()})
    book_reads: int = 0

    async def exchange_rules(self) -> Mapping[Symbol, SymbolRules]:
        return dict(self.rules)

    async def order_book(self, symbol: Symbol, limit: int = 25) -> OrderBook:
        self.book_reads += 1
        return self.books[symbol]

    async def tickers(self) -> Mapping[Symbol, Ticker]:
        return {}


class Clock:
    def __init__(self, now: int = T0) -> None:
        self.now = now

    def __call__(self) -> int:
        return self.now


def hourly_series(
    closes: list[int], *, symbol: Symbol = BTC_TRY, volume: str = "2", start: int = T0
) -> Series:
    """A generated hourly series: open = previous close, high/low = ±1 % around the body."""
    rows = []
    previous = closes[0]
    for index, close in enumerate(closes):
        o, c = D(previous), D(close)
        high, low = max(o, c) * D("1.01"), min(o, c) * D("0.99")
        rows.append((start + index * HOUR_MS, o, high, low, c, D(volume)))
        previous = close
    return series_from_bars(symbol, HOUR_MS, rows, source="generated")


def write_generated(directory: Path, series: Series) -> Path:
    path = directory / f"{series.symbol.normalized}.csv"
    write_series(path, series)
    return path


COMMITTED_DATASET = Path(__file__).parent / "data"


def generated_btc_try(hours: int = 72, seed: int = 20240101) -> Series:
    """The committed test dataset ``data/BTC_TRY.csv``: a seeded random walk (integers only),
    generated here and NOT copied from any market data source."""
    rng = random.Random(seed)
    price, rows = 1_250_000, []
    for index in range(hours):
        close = price + price * rng.randint(-150, 150) // 10_000
        high = max(price, close) + rng.randint(0, 4000)
        low = min(price, close) - rng.randint(0, 4000)
        volume = D(rng.randint(50, 5000)) / 100
        rows.append((T0 + index * HOUR_MS, D(price), D(high), D(low), D(close), volume))
        price = close
    return series_from_bars(BTC_TRY, HOUR_MS, rows, source="generated_btc_try")


if __name__ == "__main__":  # regenerate: python -m tests.exchange.factories
    write_generated(COMMITTED_DATASET, generated_btc_try())
