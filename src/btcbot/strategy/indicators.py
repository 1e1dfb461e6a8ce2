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


def crosses(fast: Sequence[Decimal | None], slow: Sequence[Decimal | None]) -> list[bool]:
    """True at each row where ``fast`` moved to the other side of ``slow`` (above → not above,
    or the reverse) since the row before; False where either row is unknown. A crossover
    strategy acts only there: the column to name as its ``triggers``."""
    out: list[bool] = []
    for i in range(len(slow)):
        if i == 0 or slow[i - 1] is None or slow[i] is None:
            out.append(False)
            continue
        before, now = fast[i - 1], fast[i]
        if before is None or now is None:
            out.append(False)
            continue
        out.append((before > slow[i - 1]) != (now > slow[i]))  # type: ignore[operator]
    return out


__all__ = ["crosses", "sma"]
