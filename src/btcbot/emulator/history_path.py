"""The seeded price path behind the emulator's candle history (minutes before it started).

The log price moves in one-minute steps. Every draw is keyed by the absolute UTC day that holds
the minute (``random.Random(f"{seed}:{pair}:{day}:walk")`` for the steps, ``...:shape`` for the
wiggles and volumes :mod:`btcbot.emulator.history` uses), so a minute's draws never depend on
what else was asked, nor on when: the same seed gives the same path shape.

The path is pinned to *knots* ``(minute, log price)``. The last knot is the emulator's start
minute at the price the market simulator starts from, so the history runs into the live
market without a jump. A pair driven by ``--price-series`` has one more knot per series row
before the start row (the row's close, one series step apart, ending at the start). Between
two knots the path is a Brownian bridge made of the same steps; before the first knot it is
the free walk. Steps are uniform with the standard deviation :data:`STEP_SIGMA` (≈ 2.3 % a
day), cheap to draw and Gaussian enough once summed.
"""

from __future__ import annotations

import math
import random
from array import array
from bisect import bisect_right
from collections.abc import Sequence
from functools import lru_cache
from itertools import accumulate

DAY_MINUTES = 1440
STEP_SIGMA = 0.0006
_HALF_WIDTH = STEP_SIGMA * math.sqrt(3.0)  # uniform(-a, a) has standard deviation a / sqrt(3)
DAYS_CACHED = 256


class PricePath:
    """Log prices at minute boundaries (``minute * 60`` s) up to the anchor (the last knot)."""

    def __init__(self, seed: int, pair: str, knots: Sequence[tuple[int, float]]) -> None:
        if not knots:
            raise ValueError("a price path needs at least its anchor knot")
        ordered = sorted(knots)
        if len({minute for minute, _ in ordered}) != len(ordered):
            raise ValueError("two knots at one minute")
        self.key = f"{seed}:{pair}"
        self._knot_minutes = [minute for minute, _ in ordered]
        self._knot_values = [value for _, value in ordered]
        self.anchor_minute = self._knot_minutes[-1]
        self._anchor_day, self._anchor_offset = divmod(self.anchor_minute, DAY_MINUTES)
        self._back = [0.0]  # _back[n]: sum of the steps of the n full days before the anchor's
        self._prefix = lru_cache(maxsize=DAYS_CACHED)(self._day_prefix)

    @property
    def first_knot_minute(self) -> int:
        return self._knot_minutes[0]

    def log_price(self, minute: int) -> float:
        """The log price at the start of ``minute`` (``minute <= anchor_minute``)."""
        if minute > self.anchor_minute:
            raise ValueError(f"minute {minute} is after the anchor {self.anchor_minute}")
        index = bisect_right(self._knot_minutes, minute) - 1
        if index < 0:  # before the first knot: the free walk
            first = self._knot_minutes[0]
            return self._knot_values[0] + self._walk(minute) - self._walk(first)
        if index == len(self._knot_minutes) - 1:
            return self._knot_values[index]
        start, end = self._knot_minutes[index], self._knot_minutes[index + 1]
        fraction = (minute - start) / (end - start)
        low, high = self._knot_values[index], self._knot_values[index + 1]
        walk_start = self._walk(start)
        drift = (self._walk(end) - walk_start) * fraction
        return low + (high - low) * fraction + self._walk(minute) - walk_start - drift

    def log_prices(self, first: int, end: int) -> list[float]:
        """``log_price(m)`` for every ``m`` in ``[first, end]`` (inclusive), computed in bulk:
        within one day and one knot segment the price is a straight line plus the day's
        cumulative steps."""
        if end > self.anchor_minute:
            raise ValueError(f"minute {end} is after the anchor {self.anchor_minute}")
        values: list[float] = []
        minute = first
        while minute <= end:
            day = minute // DAY_MINUTES
            stop = min(end, (day + 1) * DAY_MINUTES - 1, self._segment_end(minute))
            values.extend(self._piece(minute, stop))
            minute = stop + 1
        return values

    def _segment_end(self, minute: int) -> int:
        """The last minute that shares ``minute``'s formula (up to the next knot)."""
        index = bisect_right(self._knot_minutes, minute)
        return self._knot_minutes[index] - 1 if index < len(self._knot_minutes) else minute

    def _piece(self, first: int, last: int) -> list[float]:
        """Log prices of ``[first, last]`` (one day, one segment): ``a + b * m + prefix``."""
        day = first // DAY_MINUTES
        prefix = self._prefix(day)
        shift = self._walk(first) - prefix[first - day * DAY_MINUTES]  # walk = prefix + shift
        index = bisect_right(self._knot_minutes, first) - 1
        if index < 0:
            a, b = self._knot_values[0] - self._walk(self._knot_minutes[0]) + shift, 0.0
        elif index == len(self._knot_minutes) - 1:
            return [self._knot_values[index]] * (last - first + 1)
        else:
            start, end = self._knot_minutes[index], self._knot_minutes[index + 1]
            low, high = self._knot_values[index], self._knot_values[index + 1]
            walk_start = self._walk(start)
            b = ((high - low) - (self._walk(end) - walk_start)) / (end - start)
            a = low - walk_start + shift - b * start
        base = day * DAY_MINUTES
        return [a + b * m + prefix[m - base] for m in range(first, last + 1)]

    def _walk(self, minute: int) -> float:
        """The free walk at ``minute`` minus the free walk at the anchor."""
        day, offset = divmod(minute, DAY_MINUTES)
        anchor_part = self._prefix(self._anchor_day)[self._anchor_offset]
        if day == self._anchor_day:
            return self._prefix(day)[offset] - anchor_part
        if day > self._anchor_day:
            raise ValueError(f"minute {minute} is after the anchor day")
        prefix = self._prefix(day)
        whole_days = self._anchor_day - day - 1
        return prefix[offset] - prefix[DAY_MINUTES] - self._full_days(whole_days) - anchor_part

    def _full_days(self, count: int) -> float:
        while len(self._back) <= count:
            day = self._anchor_day - len(self._back)
            self._back.append(self._back[-1] + self._prefix(day)[DAY_MINUTES])
        return self._back[count]

    def _day_prefix(self, day: int) -> array[float]:
        """Cumulative steps of ``day``: ``prefix[i]`` = sum of its first ``i`` steps."""
        draw = random.Random(f"{self.key}:{day}:walk").random
        steps = ((draw() * 2.0 - 1.0) * _HALF_WIDTH for _ in range(DAY_MINUTES))
        return array("d", accumulate(steps, initial=0.0))


def shape_draws(key: str, day: int) -> tuple[array[float], array[float], array[float]]:
    """Three uniform draws in [0, 1) per minute of ``day``: high wiggle, low wiggle, volume."""
    draw = random.Random(f"{key}:{day}:shape").random
    high = array("d", (draw() for _ in range(DAY_MINUTES)))
    low = array("d", (draw() for _ in range(DAY_MINUTES)))
    volume = array("d", (draw() for _ in range(DAY_MINUTES)))
    return high, low, volume
