"""Column-wise indicators for strategies (exact, and each row depends only on earlier rows)."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal


def sma(values: Sequence[Decimal], length: int) -> list[Decimal | None]:
    """Simple moving average over ``length`` rows; None for the first ``length - 1`` rows.

    A running sum in exact decimals: row ``i`` is computed from rows ``i - length + 1 .. i``
    only, in the same operations whatever follows, so a cut series gives the same values."""
    if length < 1:
        raise ValueError("sma length must be >= 1")
    out: list[Decimal | None] = []
    total = Decimal(0)
    for i, value in enumerate(values):
        total += value
        if i >= length:
            total -= values[i - length]
        out.append(total / length if i >= length - 1 else None)
    return out


__all__ = ["sma"]
