"""Trading pairs: ``BTC_TRY`` (normalized) ⇄ ``BTCTRY`` (pair symbol) ⇄ numerator/denominator."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from btcbot.domain.slots import fast_init

# Quote (denominator) currencies BTCTurk lists, longest first so that "USDT" wins over "USD".
KNOWN_QUOTES: tuple[str, ...] = ("USDT", "USDC", "TRY", "EUR", "BTC", "ETH")
_ASSET = re.compile(r"^[A-Z0-9]{1,16}$")


class SymbolError(ValueError):
    """A text could not be read as a trading pair."""


class _Derived:
    """Slots for values derived from a :class:`Symbol`'s fields, computed once.

    Kept out of the dataclass fields, so ``fields()``, ``repr``, equality, ordering, pickling
    and ``replace`` see only ``base`` and ``quote``. Filled lazily: an instance restored by
    ``__setstate__`` (pickle, copy) has them unset until first use.
    """

    __slots__ = ("_hash", "_normalized", "_pair")
    _hash: int
    _pair: str
    _normalized: str


@fast_init
@dataclass(frozen=True, slots=True, order=True)
class Symbol(_Derived):
    """A spot pair: ``base`` (numerator) priced in ``quote`` (denominator)."""

    base: str
    quote: str

    def __post_init__(self) -> None:
        for asset in (self.base, self.quote):
            if not _ASSET.match(asset):
                raise SymbolError(f"bad asset code {asset!r}: use upper-case letters/digits")

    def __hash__(self) -> int:
        # Same value as the generated ``hash((base, quote))``, cached: symbols key most of the
        # kernel's mappings and the generated hash showed up in its latency profile.
        try:
            return self._hash
        except AttributeError:
            value = hash((self.base, self.quote))
            object.__setattr__(self, "_hash", value)
            return value

    @property
    def pair(self) -> str:
        """BTCTurk ``pairSymbol`` form, e.g. ``BTCTRY``."""
        try:
            return self._pair
        except AttributeError:
            value = f"{self.base}{self.quote}"
            object.__setattr__(self, "_pair", value)
            return value

    @property
    def normalized(self) -> str:
        """BTCTurk ``pairSymbolNormalized`` form, e.g. ``BTC_TRY``."""
        try:  # cached: every decision record and synthetic book key spells it
            return self._normalized
        except AttributeError:
            value = f"{self.base}_{self.quote}"
            object.__setattr__(self, "_normalized", value)
            return value

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


@functools.lru_cache(maxsize=4096)
def pair_of(base: str, quote: str) -> Symbol:
    """``Symbol(base, quote)``, made (and validated) once per pair: for code that names a
    pair from an asset every cycle (a held asset's pair). Raises like ``Symbol``."""
    return Symbol(base, quote)
