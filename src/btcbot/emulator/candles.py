"""Per-symbol trade statistics: one-minute candles, 24 h ticker stats, graph aggregation.

The graph endpoints see one candle series per pair: the seeded history from before the
emulator started (:mod:`btcbot.emulator.history`, attached as :attr:`CandleStore.history`)
followed by the candles of the trades since.
"""

from dataclasses import dataclass
from decimal import Decimal
from typing import Protocol

MINUTE_MS = 60_000
DAY_MINUTES = 1440
KEEP_MINUTES = 8 * DAY_MINUTES


@dataclass
class Candle:
    start_s: int
    open: Decimal
    high: Decimal
    low: Decimal
    close: Decimal
    volume: Decimal
    total: Decimal

    def add(self, price: Decimal, amount: Decimal) -> None:
        self.high = max(self.high, price)
        self.low = min(self.low, price)
        self.close = price
        self.volume += amount
        self.total += price * amount

    def merge(self, other: "Candle") -> None:
        self.high = max(self.high, other.high)
        self.low = min(self.low, other.low)
        self.close = other.close
        self.volume += other.volume
        self.total += other.total


@dataclass(frozen=True)
class DailyStats:
    open: Decimal
    high: Decimal
    low: Decimal
    last: Decimal
    volume: Decimal
    average: Decimal


class History(Protocol):
    def aggregate(self, first_minute: int, end_minute: int, span_minutes: int) -> list[Candle]:
        """Candles of the minutes ``[first_minute, end_minute)`` before the live ones."""
        ...


class CandleStore:
    """Minute candles of one symbol's trades, pruned to the last eight days, after an optional
    history of the time before the emulator started."""

    def __init__(self) -> None:
        self.minutes: dict[int, Candle] = {}
        self.history: History | None = None

    def record(self, time_ms: int, price: Decimal, amount: Decimal) -> None:
        minute = time_ms // MINUTE_MS
        candle = self.minutes.get(minute)
        if candle is None:
            self.minutes[minute] = Candle(
                minute * 60, price, price, price, price, amount, price * amount
            )
            self._prune(minute)
        else:
            candle.add(price, amount)

    def _prune(self, minute: int) -> None:
        if len(self.minutes) > KEEP_MINUTES:
            for old in [m for m in self.minutes if m < minute - KEEP_MINUTES]:
                del self.minutes[old]

    def daily(self, now_ms: int, fallback: Decimal) -> DailyStats:
        first = now_ms // MINUTE_MS - DAY_MINUTES
        recent = [self.minutes[m] for m in sorted(self.minutes) if m > first]
        if not recent:
            zero = Decimal(0)
            return DailyStats(fallback, fallback, fallback, fallback, zero, fallback)
        volume = sum((c.volume for c in recent), Decimal(0))
        total = sum((c.total for c in recent), Decimal(0))
        return DailyStats(
            open=recent[0].open,
            high=max(c.high for c in recent),
            low=min(c.low for c in recent),
            last=recent[-1].close,
            volume=volume,
            average=total / volume if volume else recent[-1].close,
        )

    def aggregate(self, from_s: int, to_s: int, resolution_minutes: int) -> list[Candle]:
        """Candles of ``resolution_minutes`` (aligned to the epoch) with start in
        ``(from_s - span, to_s]``: history first, then the live trades' candles."""
        span = resolution_minutes * 60
        first, last = from_s - from_s % span, to_s - to_s % span
        if last < first:
            return []
        buckets: dict[int, Candle] = {}
        if self.history is not None:
            end_minute = last // 60 + resolution_minutes
            for candle in self.history.aggregate(first // 60, end_minute, resolution_minutes):
                buckets[candle.start_s] = candle
        for minute in sorted(self.minutes):
            source = self.minutes[minute]
            start = source.start_s - source.start_s % span
            if not first <= start <= last:
                continue
            bucket = buckets.get(start)
            if bucket is None:
                buckets[start] = Candle(
                    start,
                    source.open,
                    source.high,
                    source.low,
                    source.close,
                    source.volume,
                    source.total,
                )
            else:
                bucket.merge(source)
        return [buckets[key] for key in sorted(buckets)]
