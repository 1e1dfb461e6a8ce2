"""BTCTurk-only reference data that is not part of the exchange port."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class CurrencyInfo:
    symbol: str
    precision: int | None
