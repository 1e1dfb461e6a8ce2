"""A fast, exact, mutable L2 book for BTCTurk 431/432 frames.

Why it is fast: the hot path never builds a ``Decimal``. A price string is mapped once to an
exact scaled integer (``price * 10**PRICE_SCALE``; memoised, since the same price strings come
back again and again) and amounts are kept as the wire's exact strings. Bid keys are negated
so both sides are "smallest key = best". Sorting is lazy: adds and deletes only invalidate a
cached sorted key list; the best key comes from a min-heap of the keys with lazy deletion (a
new level is pushed, a deleted one is popped only when it reaches the top), so reading the best
level after it was deleted costs O(log n), not a scan of the side. ``Decimal`` values are built
only when a domain :class:`~btcbot.domain.market.OrderBook` is materialised.

Why it is exact: the scaled integer is computed from the digits, never through a float, and
prices with more than ``PRICE_SCALE`` significant decimals are refused (:class:`BookError`).
BTCTurk pads to at most 16 decimals, so ``PRICE_SCALE = 16``.

Diff semantics: ``CP`` 3 deletes the level, anything else sets the level's amount to ``A`` —
``A`` is taken as the new total (see :mod:`btcbot.btcturk.ws_schemas`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Context, Decimal, InvalidOperation
from heapq import heapify, heappop, heappush, nsmallest
from typing import Protocol

from btcbot.domain.market import BookLevel

PRICE_SCALE = 16
_MEMO_LIMIT = 250_000
_WIDE = Context(prec=200)


class BookError(ValueError):
    """A price could not be represented exactly in the book."""


class _Row(Protocol):
    @property
    def P(self) -> str: ...

    @property
    def A(self) -> str: ...


class _DiffRow(_Row, Protocol):
    @property
    def CP(self) -> int: ...


def scaled_price(text: str) -> int:
    """``text`` as an exact integer number of ``10**-PRICE_SCALE`` units."""
    whole, _, frac = text.partition(".")
    try:
        if len(frac) > PRICE_SCALE or "_" in text:
            raise ValueError(text)
        return int(whole + frac.ljust(PRICE_SCALE, "0"))
    except ValueError:
        return _scaled_via_decimal(text)


def _scaled_via_decimal(text: str) -> int:
    """The slow, general path (exponents, whitespace); refuses anything inexact."""
    try:
        if "_" in text:  # Decimal() would accept "1_000"; the wire never means that
            raise InvalidOperation(text)
        value = Decimal(text.strip())
    except InvalidOperation:
        raise BookError(f"not a decimal price: {text!r}") from None
    if not value.is_finite():
        raise BookError(f"not a finite price: {text!r}")
    scaled = value.scaleb(PRICE_SCALE, context=_WIDE)
    if scaled != scaled.to_integral_value(context=_WIDE):
        raise BookError(f"price {text!r} has more than {PRICE_SCALE} decimals")
    return int(scaled)


def unscaled_price(key: int) -> Decimal:
    """Inverse of :func:`scaled_price`, without exponent or trailing zeros."""
    digits = str(abs(key)).rjust(PRICE_SCALE + 1, "0")
    whole, frac = digits[:-PRICE_SCALE], digits[-PRICE_SCALE:].rstrip("0")
    text = f"{whole}.{frac}" if frac else whole
    return Decimal(f"-{text}" if key < 0 else text)


class BookSide:
    """One side: ``levels`` maps a signed key (best = smallest) to the exact amount string.

    Each side memoises price string → signed key (bids are negated), so the hot path does one
    ``dict.get`` per row instead of parsing; the memo is bounded and simply cleared when full.
    """

    __slots__ = ("_heap", "_levels", "_memo", "_sign", "_sorted")

    def __init__(self, sign: int) -> None:
        self._sign = sign
        self._memo: dict[str, int] = {}
        self._levels: dict[int, str] = {}
        self._sorted: list[int] | None = []
        self._heap: list[int] = []  # every live key, and deleted ones not yet popped

    def __len__(self) -> int:
        return len(self._levels)

    def clear(self) -> None:
        self._levels.clear()
        self._sorted, self._heap = [], []

    def key(self, price: str) -> int:
        key = self._memo.get(price)
        if key is None:
            key = self._memo[price] = self._sign * scaled_price(price)
        return key

    def load(self, rows: Iterable[_Row]) -> None:
        self._trim_memo()
        key = self.key
        self._levels = {key(row.P): row.A for row in rows}
        self._sorted, self._heap = None, list(self._levels)
        heapify(self._heap)

    def apply(self, rows: Sequence[_DiffRow]) -> None:
        """The hot path: one memo lookup and one dict operation per row (and a heap push for
        a new level), no ``Decimal``."""
        levels, memo, sign, heap = self._levels, self._memo, self._sign, self._heap
        get = memo.get
        for row in rows:
            price = row.P
            key = get(price)
            if key is None:  # an unseen price string: parse once (inlined scaled_price)
                whole, _, frac = price.partition(".")
                try:
                    if len(frac) > PRICE_SCALE or "_" in price:
                        raise ValueError(price)
                    key = sign * int(whole + frac.ljust(PRICE_SCALE, "0"))
                except ValueError:
                    key = sign * _scaled_via_decimal(price)
                memo[price] = key
            if row.CP == 3:
                levels.pop(key, None)
            else:
                if key not in levels:
                    heappush(heap, key)
                levels[key] = row.A
        self._sorted = None
        if len(heap) > 2 * len(levels) + 1024:  # too many deleted keys: rebuild, O(n)
            self._heap = list(levels)
            heapify(self._heap)
        self._trim_memo()

    def _trim_memo(self) -> None:
        if len(self._memo) > _MEMO_LIMIT:
            self._memo.clear()

    def best_key(self) -> int | None:
        heap, levels = self._heap, self._levels
        while heap and heap[0] not in levels:
            heappop(heap)
        return heap[0] if heap else None

    def best(self) -> BookLevel | None:
        key = self.best_key()
        if key is None:
            return None
        return BookLevel(unscaled_price(self._sign * key), Decimal(self._levels[key]))

    def sorted_keys(self, depth: int | None = None) -> list[int]:
        if depth is not None and self._sorted is None and depth * 8 < len(self._levels):
            return nsmallest(depth, self._levels)
        if self._sorted is None:
            self._sorted = sorted(self._levels)
        return self._sorted if depth is None else self._sorted[:depth]

    def levels(self, depth: int | None = None) -> tuple[BookLevel, ...]:
        """Best first; zero-amount levels (if the feed ever sends them) are left out."""
        sign, amounts = self._sign, self._levels
        out = (
            BookLevel(unscaled_price(sign * key), Decimal(amounts[key]))
            for key in self.sorted_keys(depth)
        )
        return tuple(level for level in out if level.amount)

    def as_dict(self) -> dict[Decimal, Decimal]:
        """Exact ``price → amount`` (for comparisons in tests and benchmarks)."""
        sign = self._sign
        return {unscaled_price(sign * k): Decimal(a) for k, a in self._levels.items()}


class FastBook:
    """Both sides of one pair."""

    __slots__ = ("asks", "bids")

    def __init__(self) -> None:
        self.bids = BookSide(sign=-1)
        self.asks = BookSide(sign=1)

    def clear(self) -> None:
        self.bids.clear()
        self.asks.clear()

    def load(self, bids: Iterable[_Row], asks: Iterable[_Row]) -> None:
        """Replace the whole book (a 431 snapshot's ``BO``/``AO``)."""
        self.bids.load(bids)
        self.asks.load(asks)

    def apply(self, bids: Sequence[_DiffRow], asks: Sequence[_DiffRow]) -> None:
        """Apply one 432 diff's ``BO``/``AO`` rows."""
        if bids:
            self.bids.apply(bids)
        if asks:
            self.asks.apply(asks)
