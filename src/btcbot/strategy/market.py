"""Per-symbol prices the cycle decides with: best bid/ask, mid, spread, freshness.

The order book is the source; the ticker's bid/ask stand in when there is no book. Every
symbol is priced from its own data (the predecessor priced drift of all symbols with the
first symbol's mid).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from operator import attrgetter
from types import MappingProxyType

from btcbot.domain import Symbol
from btcbot.domain.money import BPS, ZERO
from btcbot.kernel.slots import slot_setter
from btcbot.kernel.snapshot import Snapshot

TWO = Decimal(2)
_SYMBOL_KEY = attrgetter("base", "quote")


def by_symbol(symbols: Iterable[Symbol]) -> list[Symbol]:
    """Sorted like ``sorted(symbols)`` but with a C-level key (Symbol's generated ``__lt__``
    is Python code and showed up in the latency profile)."""
    return sorted(symbols, key=_SYMBOL_KEY)


@dataclass(frozen=True, slots=True)
class Quote:
    symbol: Symbol
    bid: Decimal
    ask: Decimal
    mid: Decimal
    spread_bps: Decimal
    age_ms: int | None
    fresh: bool

    def __init__(
        self,
        symbol: Symbol,
        bid: Decimal,
        ask: Decimal,
        mid: Decimal,
        spread_bps: Decimal,
        age_ms: int | None,
        fresh: bool,
    ) -> None:
        # Hot (a quote per symbol per cycle): see btcbot.kernel.slots.
        _set_symbol(self, symbol)
        _set_bid(self, bid)
        _set_ask(self, ask)
        _set_mid(self, mid)
        _set_spread_bps(self, spread_bps)
        _set_age_ms(self, age_ms)
        _set_fresh(self, fresh)


_set_symbol = slot_setter(Quote, "symbol")
_set_bid = slot_setter(Quote, "bid")
_set_ask = slot_setter(Quote, "ask")
_set_mid = slot_setter(Quote, "mid")
_set_spread_bps = slot_setter(Quote, "spread_bps")
_set_age_ms = slot_setter(Quote, "age_ms")
_set_fresh = slot_setter(Quote, "fresh")


def _bid_ask(snapshot: Snapshot, symbol: Symbol) -> tuple[Decimal, Decimal] | None:
    book = snapshot.books.get(symbol)
    if book is not None and book.bids and book.asks:
        bid, ask = book.bids[0].price, book.asks[0].price
    else:
        ticker = snapshot.tickers.get(symbol)
        if ticker is None:
            return None
        bid, ask = ticker.bid, ticker.ask
    if bid <= ZERO or ask <= ZERO or ask < bid:
        return None
    return bid, ask


def quote_for(snapshot: Snapshot, symbol: Symbol, max_age_ms: int) -> Quote | None:
    sides = _bid_ask(snapshot, symbol)
    if sides is None:
        return None
    bid, ask = sides
    mid = (bid + ask) / TWO
    age = snapshot.data_age_ms.get(symbol)
    fresh = age is not None and 0 <= age <= max_age_ms
    return Quote(symbol, bid, ask, mid, (ask - bid) / mid * BPS, age, fresh)


@dataclass(frozen=True, slots=True)
class MarketView:
    quotes: Mapping[Symbol, Quote]

    @classmethod
    def of(cls, snapshot: Snapshot, max_age_ms: int) -> MarketView:
        # ``quote_for`` for every symbol, inlined (this runs for every symbol every cycle).
        books, tickers, ages = snapshot.books, snapshot.tickers, snapshot.data_age_ms
        quotes = {}
        for symbol in by_symbol(books.keys() | tickers.keys()):
            book = books.get(symbol)
            if book is not None and book.bids and book.asks:
                bid, ask = book.bids[0].price, book.asks[0].price
            else:
                ticker = tickers.get(symbol)
                if ticker is None:
                    continue
                bid, ask = ticker.bid, ticker.ask
            if bid <= ZERO or ask <= ZERO or ask < bid:
                continue
            mid = (bid + ask) / TWO
            age = ages.get(symbol)
            fresh = age is not None and 0 <= age <= max_age_ms
            quotes[symbol] = Quote(symbol, bid, ask, mid, (ask - bid) / mid * BPS, age, fresh)
        return cls(MappingProxyType(quotes))

    def mid(self, symbol: Symbol) -> Decimal | None:
        quote = self.quotes.get(symbol)
        return quote.mid if quote is not None else None

    def marks_by_base(self, quote_currency: str) -> dict[str, Decimal]:
        """Mid of ``ASSET/quote`` keyed by the asset, for valuing balances."""
        return {s.base: q.mid for s, q in self.quotes.items() if s.quote == quote_currency}
