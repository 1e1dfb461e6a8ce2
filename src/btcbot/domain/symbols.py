"""Trading pairs: ``BTC_TRY`` (normalized) ⇄ ``BTCTRY`` (pair symbol) ⇄ numerator/denominator."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Quote (denominator) currencies BTCTurk lists, longest first so that "USDT" wins over "USD".
KNOWN_QUOTES: tuple[str, ...] = ("USDT", "USDC", "TRY", "EUR", "BTC", "ETH")
_ASSET = re.compile(r"^[A-Z0-9]{1,16}$")


class SymbolError(ValueError):
    """A text could not be read as a trading pair."""


class _Derived:
    """Slots for values derived from a :class:`Symbol`'s fields, computed when it is made.

    Kept out of the dataclass fields, so ``fields()``, ``repr``, ordering and ``replace``
    see only ``base`` and ``quote``.
    """

    __slots__ = ("_normalized", "_pair")
    _pair: str
    _normalized: str


@dataclass(frozen=True, slots=True, order=True, init=False)
class Symbol(_Derived):
    """A spot pair: ``base`` (numerator) priced in ``quote`` (denominator).

    Symbols are interned: ``Symbol("BTC", "TRY")`` is the same object every time it is made
    (also through ``replace``, pickle and copy), so equality is identity and hashing is the
    interpreter's own, in C. Symbols key most mappings of a cycle (books, tickers, rules,
    candles, positions), and a hash written in Python cost a fifth of a microsecond on every
    lookup: hundreds of them a cycle in profile 7. A process meets the pairs of one
    exchange (hundreds): the table of them is kept for its life.
    """

    base: str
    quote: str

    __eq__ = object.__eq__  # one object per pair: equal is identical
    __hash__ = object.__hash__

    def __new__(cls, base: str, quote: str) -> Symbol:
        known = _INTERNED.get((base, quote))
        if known is not None:
            return known
        for asset in (base, quote):
            if not isinstance(asset, str) or not _ASSET.match(asset):
                raise SymbolError(f"bad asset code {asset!r}: use upper-case letters/digits")
        symbol = object.__new__(cls)
        for name, value in (
            ("base", base),
            ("quote", quote),
            ("_pair", f"{base}{quote}"),
            ("_normalized", f"{base}_{quote}"),
        ):
            object.__setattr__(symbol, name, value)
        return _INTERNED.setdefault((base, quote), symbol)  # the first one made, if raced

    def __reduce__(self) -> tuple[type[Symbol], tuple[str, str]]:
        return Symbol, (self.base, self.quote)  # pickle and copy give the interned object

    @property
    def pair(self) -> str:
        """BTCTurk ``pairSymbol`` form, e.g. ``BTCTRY``."""
        return self._pair

    @property
    def normalized(self) -> str:
        """BTCTurk ``pairSymbolNormalized`` form, e.g. ``BTC_TRY``."""
        return self._normalized

    def __str__(self) -> str:
        return self.normalized

    @classmethod
    def parse(cls, text: str, quotes: tuple[str, ...] = KNOWN_QUOTES) -> Symbol:
        """Read ``BTC_TRY``, ``btc-try``, ``BTC/TRY`` or ``BTCTRY`` (quote found by suffix)."""
        raw = text.strip().upper()
        for separator in ("_", "/", "-"):
            if separator in raw:
                base, _, quote = raw.partition(separator)
                return cls(base, quote)
        for quote in sorted(quotes, key=len, reverse=True):
            if raw.endswith(quote) and len(raw) > len(quote):
                return cls(raw[: -len(quote)], quote)
        raise SymbolError(
            f"cannot split {text!r} into base and quote: write it as BASE_QUOTE, e.g. BTC_TRY"
        )


_INTERNED: dict[tuple[str, str], Symbol] = {}


def pair_of(base: str, quote: str) -> Symbol:
    """``Symbol(base, quote)``, read from the table of pairs made so far without the class
    call: for code that names a pair from an asset every cycle (a held asset's pair). Raises
    like ``Symbol``."""
    return _INTERNED.get((base, quote)) or Symbol(base, quote)
