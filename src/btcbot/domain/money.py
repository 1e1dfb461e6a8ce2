"""Decimal money helpers.

Money is ``Decimal`` everywhere in btcbot. Floats are refused at this boundary because a float
has already lost the exact value the exchange sent; wire values arrive as strings (or JSON
numbers decoded straight to ``Decimal``) and leave as plain strings without exponents.
"""

from __future__ import annotations

import functools
from decimal import ROUND_DOWN, ROUND_UP, Decimal, InvalidOperation

ZERO = Decimal(0)
ONE = Decimal(1)
BPS = Decimal(10_000)


class MoneyError(ValueError):
    """A value could not be read as an exact decimal amount."""


def to_decimal(value: Decimal | str | int) -> Decimal:
    """Read an exact decimal from a wire string, an int or a Decimal; refuse floats.

    Accepts the comma decimal separator that one official doc example uses ("27223,72").
    """
    if isinstance(value, (bool, float)):
        kind = type(value).__name__
        raise MoneyError(f"refusing {kind} {value!r}: money must be str, int or Decimal")
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, int):
        result = Decimal(value)
    else:
        text = value.strip().replace(",", ".")
        try:
            result = Decimal(text)
        except InvalidOperation as exc:
            raise MoneyError(f"not a decimal amount: {value!r}") from exc
    if not result.is_finite():
        raise MoneyError(f"not a finite amount: {value!r}")
    return result


@functools.cache
def step_for_scale(scale: int) -> Decimal:
    """The smallest increment with ``scale`` decimals (scale 2 -> 0.01, scale 0 -> 1);
    cached: every quantization asks for one of a few scales."""
    if scale < 0:
        raise MoneyError(f"scale must be >= 0, got {scale}")
    return Decimal(1).scaleb(-scale)


def quantize_down(value: Decimal, scale: int) -> Decimal:
    """Round toward zero to ``scale`` decimals (never spend or sell more than asked)."""
    return value.quantize(step_for_scale(scale), rounding=ROUND_DOWN)


def quantize_up(value: Decimal, scale: int) -> Decimal:
    """Round away from zero to ``scale`` decimals."""
    return value.quantize(step_for_scale(scale), rounding=ROUND_UP)


def decimals_of(value: Decimal) -> int:
    """How many significant decimals ``value`` carries (trailing zeros ignored)."""
    text = format_decimal(value)
    return len(text.partition(".")[2])


def format_decimal(value: Decimal) -> str:
    """Plain string without exponent or trailing zeros, as the exchange expects."""
    if not value.is_finite():
        raise MoneyError(f"not a finite amount: {value!r}")
    text = format(value, "f")  # exact: normalize() would round to the context precision
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in {"-0", ""} else text


def bps_of(part: Decimal, whole: Decimal) -> Decimal:
    """``part`` as basis points of ``whole``."""
    if whole == ZERO:
        raise MoneyError("basis points of zero are undefined")
    return part / whole * BPS


def apply_bps(value: Decimal, bps: Decimal | int) -> Decimal:
    """``value`` moved by ``bps`` basis points (positive up, negative down)."""
    return value * (ONE + Decimal(bps) / BPS)
