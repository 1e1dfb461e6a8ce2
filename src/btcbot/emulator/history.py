"""Candle history from before the emulator started, for the graph API and the legacy OHLC.

Each pair gets a :class:`SymbolHistory` over a :class:`~btcbot.emulator.history_path.PricePath`
(seeded, ending at the price the market simulator starts from; see that module). It covers the
minutes from ``history_days`` UTC days before the start (further back when a price series
reaches further) up to the start minute; the live trades' candles take over from there.

Minute ``m``'s candle opens at the path's price at ``m`` and closes at its price at ``m + 1``
(so consecutive candles join exactly and the last one closes at the simulator's start price);
its high and low stick out by seeded wiggles of at most :data:`WIGGLE` of the price; its volume
is seeded around :data:`NOTIONAL_PER_MINUTE` minimum order values. Prices are integers in units
of the pair's price scale and volumes in units of its quantity scale, so every aggregation
(5 min, 1 h, 1 day, …) is exact and equals the sum of its minutes. Whole days are cached.
"""

from __future__ import annotations

import math
from array import array
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from math import exp

from btcbot.emulator.candles import Candle
from btcbot.emulator.history_path import DAY_MINUTES, PricePath, shape_draws
from btcbot.exchange.symbol_table import SymbolRule

WIGGLE = 0.0006
NOTIONAL_PER_MINUTE = 300
DAYS_CACHED = 256


@dataclass(slots=True)
class _Units:
    """A candle in integer units (prices: 10**-price_scale, volume: 10**-quantity_scale)."""

    start_minute: int
    open: int
    high: int
    low: int
    close: int
    volume: int
    total: int  # sum of mid price x volume, in price units x volume units

    def merge(self, other: _Units) -> None:
        self.high = max(self.high, other.high)
        self.low = min(self.low, other.low)
        self.close = other.close
        self.volume += other.volume
        self.total += other.total


class SymbolHistory:
    """The minute candles of one pair before ``path.anchor_minute``, aggregated on demand."""

    def __init__(self, rule: SymbolRule, path: PricePath, first_minute: int) -> None:
        self.rule = rule
        self.path = path
        self.first_minute = first_minute
        self.end_minute = path.anchor_minute  # exclusive: live candles start here
        self._price_unit = 10**rule.price_scale
        anchor_price = math.exp(path.log_price(self.end_minute))
        per_minute = float(rule.min_exchange_value) * NOTIONAL_PER_MINUTE / anchor_price
        self._volume_base = max(1.0, per_minute * 10**rule.numerator_scale)
        self._day_summary = lru_cache(maxsize=DAYS_CACHED)(self._summarize_day)
        self._shapes = lru_cache(maxsize=DAYS_CACHED)(self._day_shapes)

    def aggregate(self, first_minute: int, end_minute: int, span_minutes: int) -> list[Candle]:
        """Candles of ``span_minutes`` (aligned to the epoch) from the history minutes in
        ``[first_minute, end_minute)``; a bucket the range cuts holds only its minutes inside."""
        first, end = max(first_minute, self.first_minute), min(end_minute, self.end_minute)
        buckets: dict[int, _Units] = {}
        for piece in self._pieces(first, end, day_sized=span_minutes % DAY_MINUTES == 0):
            start = piece.start_minute - piece.start_minute % span_minutes
            bucket = buckets.get(start)
            if bucket is None:
                piece.start_minute = start
                buckets[start] = piece
            else:
                bucket.merge(piece)
        return [self._candle(buckets[key]) for key in sorted(buckets)]

    # --- minutes and days ------------------------------------------------------------------

    def _pieces(self, first: int, end: int, *, day_sized: bool) -> Iterable[_Units]:
        """Minute candles in ``[first, end)``, or whole-day summaries where a bucket is a
        multiple of a day and the day lies inside the range."""
        minute = first
        while minute < end:
            day = minute // DAY_MINUTES
            day_end = min(end, (day + 1) * DAY_MINUTES)
            if day_sized and minute == day * DAY_MINUTES and day_end == minute + DAY_MINUTES:
                summary = self._day_summary(day)
                yield _Units(minute, *summary)
            else:
                yield from self._minutes(minute, day_end)
            minute = day_end

    def _summarize_day(self, day: int) -> tuple[int, int, int, int, int, int]:
        opens, highs, lows, closes, volumes, totals = self._columns(
            day * DAY_MINUTES, (day + 1) * DAY_MINUTES
        )
        return opens[0], max(highs), min(lows), closes[-1], sum(volumes), sum(totals)

    def _minutes(self, first: int, end: int) -> Iterable[_Units]:
        """Minute candles of one day's minutes ``[first, end)``."""
        if first >= end:
            return
        columns = self._columns(first, end)
        for minute, values in zip(range(first, end), zip(*columns, strict=True), strict=True):
            yield _Units(minute, *values)

    def _columns(self, first: int, end: int) -> tuple[list[int], ...]:
        """Open, high, low, close, volume and total of each minute of ``[first, end)`` (one
        day at most), column by column."""
        unit = self._price_unit
        prices = [max(1, round(exp(value) * unit)) for value in self.path.log_prices(first, end)]
        high_draws, low_draws, volume_draws = self._shapes(first // DAY_MINUTES)
        cut = slice(first % DAY_MINUTES, first % DAY_MINUTES + end - first)
        opens, closes = prices[:-1], prices[1:]
        highs = [
            top + int(top * WIGGLE * draw)
            for top, draw in zip(map(max, opens, closes), high_draws[cut], strict=True)
        ]
        lows = [
            max(1, bottom - int(bottom * WIGGLE * draw))
            for bottom, draw in zip(map(min, opens, closes), low_draws[cut], strict=True)
        ]
        base = self._volume_base
        volumes = [max(1, int(base * (0.25 + 1.5 * draw))) for draw in volume_draws[cut]]
        totals = [(o + c) // 2 * v for o, c, v in zip(opens, closes, volumes, strict=True)]
        return opens, highs, lows, closes, volumes, totals

    def _day_shapes(self, day: int) -> tuple[array[float], array[float], array[float]]:
        return shape_draws(self.path.key, day)

    def _candle(self, units: _Units) -> Candle:
        price, volume = -self.rule.price_scale, -self.rule.numerator_scale
        return Candle(
            units.start_minute * 60,
            Decimal(units.open).scaleb(price),
            Decimal(units.high).scaleb(price),
            Decimal(units.low).scaleb(price),
            Decimal(units.close).scaleb(price),
            Decimal(units.volume).scaleb(volume),
            Decimal(units.total).scaleb(price + volume),
        )


@dataclass(frozen=True)
class SeriesKnots:
    """The closes of a price series before its start row, one ``step_minutes`` apart."""

    closes: tuple[Decimal, ...]  # rows 0 .. start row (the last is the start price)
    step_minutes: int


def build_history(
    rule: SymbolRule,
    *,
    seed: int,
    start_minute: int,
    start_price: Decimal,
    history_days: int,
    series: SeriesKnots | None = None,
) -> SymbolHistory:
    """The history of one pair: the free seeded walk ending at ``start_price``, or the price
    series' closes ending at the start (then the free walk before the series' first row)."""
    knots = [(start_minute, math.log(start_price))]
    if series is not None:
        last = len(series.closes) - 1
        knots = [
            (start_minute - (last - row) * series.step_minutes, math.log(close))
            for row, close in enumerate(series.closes)
        ]
    path = PricePath(seed, rule.name, knots)
    first_day = start_minute // DAY_MINUTES - history_days
    first_minute = min(first_day * DAY_MINUTES, path.first_knot_minute)
    return SymbolHistory(rule, path, first_minute)


def build_histories(
    rules: Iterable[SymbolRule],
    prices: Mapping[str, Decimal],
    *,
    seed: int,
    start_minute: int,
    history_days: int,
    series: Mapping[str, SeriesKnots] | None = None,
) -> dict[str, SymbolHistory]:
    """One history per pair, each ending at its simulator start price in ``prices``."""
    knots = series or {}
    return {
        rule.name: build_history(
            rule,
            seed=seed,
            start_minute=start_minute,
            start_price=prices[rule.name],
            history_days=history_days,
            series=knots.get(rule.name),
        )
        for rule in rules
    }
