"""Candle rows as read from a file, before any check: what import and validate work on."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from btcbot.domain import Symbol
from btcbot.domain.market import Candle
from btcbot.exchange.datasets import Bar, DatasetError, Series, check_candle, check_quote


@dataclass(frozen=True, slots=True)
class RawCandle:
    """One row: ``where`` names it for messages (``file.csv:12`` or ``file.parquet:row 12``)."""

    where: str
    open_ms: int
    open: Decimal
    high: Decimal
    low: Decimal
    close: Decimal
    volume: Decimal
    bid: Decimal | None = None
    ask: Decimal | None = None

    def problem(self) -> str | None:
        """Why this row is not a valid candle (OHLC, signs, bid/ask), or None."""
        try:
            check_candle(self.where, self.open, self.high, self.low, self.close, self.volume)
            check_quote(self.where, self.bid, self.ask)
        except DatasetError as exc:
            return str(exc)
        return None


def to_series(
    symbol: Symbol,
    interval_ms: int,
    rows: Sequence[RawCandle],
    source: str,
    *,
    start_ms: int | None = None,
    end_ms: int | None = None,
) -> Series:
    """A replay series from rows sorted by time, keeping those opening in ``[start_ms,
    end_ms)``; every row is checked either way (:class:`DatasetError` names the first bad one)."""
    bars: list[Bar] = []
    for row in rows:
        problem = row.problem()
        if problem is not None:
            raise DatasetError(problem)
        if (start_ms is not None and row.open_ms < start_ms) or (
            end_ms is not None and row.open_ms >= end_ms
        ):
            continue
        candle = Candle(
            symbol, row.open_ms // 1000, row.open, row.high, row.low, row.close, row.volume
        )
        bars.append(Bar(candle, row.open_ms, row.open_ms + interval_ms, row.bid, row.ask))
    if not bars:
        raise DatasetError(f"{source}: no candle opens in the requested window")
    return Series(symbol, interval_ms, tuple(bars), source)
