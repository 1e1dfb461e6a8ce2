"""Per-symbol prices the cycle decides with: best bid/ask, mid, spread, freshness; and the
rates that turn each quote currency into the account currency (TRY).

The order book is the source; the ticker's bid/ask stand in when there is no book. Every
symbol is priced from its own data (the predecessor priced drift of all symbols with the
first symbol's mid).

Every cap is named in the account currency, so a pair quoted in anything else (``BTC_USDT``)
is sized and checked through a *fresh* rate: the mid of the ``USDT_TRY`` book, no older than
the freshness limit. A currency without one gets a problem code instead of a rate
(``quote_rate_unavailable``: no book; ``quote_rate_stale``: too old) and its pairs get no new
risk (a ticker has no age, so it never counts as a fresh rate).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from operator import attrgetter
from types import MappingProxyType

from btcbot.decision.snapshot import Snapshot
from btcbot.domain import Symbol
from btcbot.domain.money import BPS, ONE, ZERO
from btcbot.domain.slots import fast_init

TWO = Decimal(2)
_SYMBOL_KEY = attrgetter("base", "quote")


def by_symbol(symbols: Iterable[Symbol]) -> list[Symbol]:
    """Sorted like ``sorted(symbols)`` but with a C-level key (Symbol's generated ``__lt__``
    is Python code and showed up in the latency profile)."""
    return sorted(symbols, key=_SYMBOL_KEY)


@fast_init
@dataclass(frozen=True, slots=True)
class Quote:
    symbol: Symbol
    bid: Decimal
    ask: Decimal
    mid: Decimal
    spread_bps: Decimal
    age_ms: int | None
    fresh: bool


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


RATE_UNAVAILABLE = "quote_rate_unavailable"
RATE_STALE = "quote_rate_stale"


def _conversion_rates(
    snapshot: Snapshot, currencies: Iterable[str], max_age_ms: int
) -> tuple[dict[str, Decimal], dict[str, str]]:
    """Fresh account-currency rates per currency, and why the others have none."""
    account = snapshot.quote_currency
    rates = {account: Decimal(1)}
    problems: dict[str, str] = {}
    for currency in sorted(set(currencies) - {account}):
        pair = Symbol(currency, account)
        book = snapshot.conversion_books.get(pair) or snapshot.books.get(pair)
        mid = book.mid if book is not None else None
        if mid is None or mid <= ZERO:
            problems[currency] = RATE_UNAVAILABLE
            continue
        age = snapshot.data_age_ms.get(pair)
        if age is None or not 0 <= age <= max_age_ms:
            problems[currency] = RATE_STALE
            continue
        rates[currency] = mid
    return rates, problems


@fast_init
@dataclass(frozen=True, slots=True)
class MarketView:
    quotes: Mapping[Symbol, Quote]
    rates: Mapping[str, Decimal] = field(default_factory=lambda: MappingProxyType({"TRY": ONE}))
    """Account-currency value of one unit of each quote currency with a fresh rate (the
    account currency itself is 1)."""
    rate_problems: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    """Quote currencies without a fresh rate, with the reason code."""
    account: str = "TRY"
    """The currency rates are expressed in (``Snapshot.quote_currency``)."""

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
        rates, problems = _conversion_rates(snapshot, {s.quote for s in quotes}, max_age_ms)
        return cls(
            MappingProxyType(quotes),
            MappingProxyType(rates),
            MappingProxyType(problems),
            snapshot.quote_currency,
        )

    def mid(self, symbol: Symbol) -> Decimal | None:
        quote = self.quotes.get(symbol)
        return quote.mid if quote is not None else None

    def rate(self, currency: str) -> Decimal | None:
        """Account-currency value of one unit of ``currency`` (fresh), or None."""
        return self.rates.get(currency)

    def rate_problem(self, currency: str) -> str:
        """The reason code for a currency without a fresh rate."""
        return self.rate_problems.get(currency, RATE_UNAVAILABLE)

    def marks_by_base(self, quote_currency: str) -> dict[str, Decimal]:
        """Value of one unit of each asset in ``quote_currency``, for valuing balances: the
        mid of ``ASSET/quote`` where it is quoted so; in the account currency also an asset
        quoted only in another currency (its mid times that currency's fresh rate) and each
        such currency itself (its rate)."""
        marks = {s.base: q.mid for s, q in self.quotes.items() if s.quote == quote_currency}
        if quote_currency != self.account:
            return marks
        for currency, value in self.rates.items():
            if currency != quote_currency:
                marks.setdefault(currency, value)
        rates = self.rates
        for symbol, quote in self.quotes.items():
            if symbol.quote != quote_currency:  # only these need a rate (most pairs: none)
                rate = rates.get(symbol.quote)
                if rate is not None:
                    marks.setdefault(symbol.base, quote.mid * rate)
        return marks
