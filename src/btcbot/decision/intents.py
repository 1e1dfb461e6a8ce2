"""What a strategy wants, before risk limits and exchange rules."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from types import GeneratorType
from typing import TypeGuard

from btcbot.domain import Side, Symbol, SymbolRules
from btcbot.domain.slots import fast_init

MAX_INTENT_AMOUNT = Decimal("1e15")
"""No price or quantity of an order comes near this (a quadrillion): above it a value is a
strategy's bug, and would overflow the 28 digits a quantization to the exchange's scales
has."""

INVALID_INTENT = "invalid_intent"
"""The reason code of an intent the kernel refuses to weigh (:func:`intent_problem`)."""


@fast_init
@dataclass(frozen=True, slots=True)
class Intent:
    """A limit order a strategy would like; price and quantity are not yet quantized."""

    symbol: Symbol
    side: Side
    price: Decimal
    quantity: Decimal
    reason: str

    @property
    def notional(self) -> Decimal:
        return self.price * self.quantity

    def with_quantity(self, quantity: Decimal) -> Intent:
        # Direct construction: ``dataclasses.replace`` costs twice as much in the hot path.
        return type(self)(self.symbol, self.side, self.price, quantity, self.reason)


def intent_problem(
    intent: object, rules: SymbolRules | None = None, *, positive: bool = True
) -> str | None:
    """What makes ``intent`` unfit to weigh (None: nothing): not an :class:`Intent`, a symbol
    side or reason of the wrong type, a price or quantity that is not a finite positive ``Decimal``
    at most :data:`MAX_INTENT_AMOUNT`, or (given ``rules``) one that cannot be quantized to
    the symbol's scales. Risk limits, exchange rules and arithmetic assume none of these.
    ``positive`` False lets a zero or negative amount pass (a size that came to nothing is
    an intent to skip, not a broken one)."""
    if not isinstance(intent, Intent):
        return f"{type(intent).__name__} {short_repr(intent)} is not an Intent"
    if not isinstance(intent.symbol, Symbol):
        return f"symbol {short_repr(intent.symbol)} is not a Symbol (use Symbol.parse)"
    if not isinstance(intent.side, Side):
        return f"side {short_repr(intent.side)} is not a Side (Side.BUY or Side.SELL)"
    if not isinstance(intent.reason, str):
        return f"reason {short_repr(intent.reason)} is not a string"
    for name, value in (("price", intent.price), ("quantity", intent.quantity)):
        problem = _amount_problem(name, value, positive)
        if problem is not None:
            return problem
    if rules is not None and intent.price > 0 and intent.quantity > 0:
        try:
            rules.quantize_price(intent.price, intent.side)
            rules.quantize_quantity(intent.quantity)
        except InvalidOperation:
            return (
                f"price {intent.price} / quantity {intent.quantity} cannot be quantized to "
                f"{intent.symbol.normalized}'s scales"
            )
    return None


def _amount_problem(name: str, value: object, positive: bool) -> str | None:
    if not isinstance(value, Decimal):
        return f"{name} {short_repr(value)} is a {type(value).__name__}: give a Decimal"
    if not value.is_finite():
        return f"{name} {value} is not a finite number"
    if value <= 0:
        return f"{name} {value} is not positive" if positive else None
    if value > MAX_INTENT_AMOUNT:
        return f"{name} {value} is absurdly large (above {MAX_INTENT_AMOUNT:.0E})"
    return None


def short_repr(value: object) -> str:
    """``repr(value)`` cut to 60 characters: what a strategy handed over, in a message."""
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def is_intent_collection(value: object) -> TypeGuard[Iterable[object]]:
    """Whether what ``decide`` returned can hold intents: any iterable but text and mappings
    (None is none). Plain lists, tuples and generators skip the slow ABC checks."""
    if type(value) in _PLAIN_COLLECTIONS:
        return True
    return isinstance(value, Iterable) and not isinstance(value, (str, bytes, Mapping))


_PLAIN_COLLECTIONS = frozenset({list, tuple, GeneratorType})
