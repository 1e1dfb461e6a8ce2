"""The time grid of a candle series: its interval and the rows that open off it.

A candle file's interval is its most common step between consecutive open times (gaps and a
stray row do not change it while most rows are regular). Its candles open on a grid of that
interval: the open time modulo the interval that most rows share (``:00`` for the hourly files
most exchanges export). A row opening off the grid (an hourly file with a row at ``05:30``) is
not a candle of that interval: replaying it would close the candle before or after it at the
wrong time, so every reader refuses or reports it.

Shared by the replay loader (:mod:`btcbot.exchange.datasets`) and :mod:`btcbot.data` (import,
validate), which import it from here because the exchange layer sits below the data layer.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from itertools import pairwise

UNITS_MS = {"s": 1_000, "m": 60_000, "h": 3_600_000, "d": 86_400_000, "w": 604_800_000}


def format_duration(ms: int) -> str:
    """The largest whole unit: 3600000 → ``1h``, 5400000 → ``90m``."""
    for unit in ("w", "d", "h", "m", "s"):
        size = UNITS_MS[unit]
        if ms > 0 and ms % size == 0:
            return f"{ms // size}{unit}"
    return f"{ms}ms"


def dominant_step_ms(times_ms: Sequence[int]) -> int | None:
    """The most common positive step between consecutive sorted timestamps (ties: the
    smallest); None with fewer than two distinct timestamps. Gaps, duplicates and a stray
    off-grid row do not change it while most rows are regular."""
    counts: dict[int, int] = {}
    for before, after in pairwise(sorted(times_ms)):
        step = after - before
        if step > 0:
            counts[step] = counts.get(step, 0) + 1
    if not counts:
        return None
    return min(counts, key=lambda step: (-counts[step], step))


def grid_phase(times_ms: Sequence[int], interval_ms: int) -> int:
    """The open time modulo ``interval_ms`` that most distinct times share (ties: the phase of
    the earliest time among them); 0 for no times."""
    counts: dict[int, int] = {}
    for time in sorted(set(times_ms)):
        phase = time % interval_ms
        counts[phase] = counts.get(phase, 0) + 1
    if not counts:
        return 0
    best = max(counts.values())
    return next(phase for phase, count in counts.items() if count == best)


def off_grid(times_ms: Sequence[int], interval_ms: int, phase: int) -> list[int]:
    """The indexes of ``times_ms`` whose time is off the grid of ``phase`` (the series' own:
    :func:`grid_phase`, which the caller also needs for :func:`grid_neighbours`)."""
    return [index for index, time in enumerate(times_ms) if time % interval_ms != phase]


def grid_neighbours(time_ms: int, phase: int, interval_ms: int) -> tuple[int, int]:
    """The grid times (of ``phase``, see :func:`grid_phase`) just before and just after
    ``time_ms``: where an off-grid row's candle could open."""
    before = time_ms - (time_ms - phase) % interval_ms
    return before, before + interval_ms


def off_grid_message(
    where: str, source: str, open_ms: int, interval_ms: int, before_ms: int, more: int
) -> str:
    """The refusal of an off-grid row at ``where`` (``file:line``) of ``source``, the first of
    ``more + 1``; ``before_ms`` is the grid time just before it."""
    others = f" ({more} more such rows)" if more else ""
    return (
        f"{where}: the candle at {iso_ms(open_ms)} opens off the file's "
        f"{format_duration(interval_ms)} grid (its candles open at {iso_ms(before_ms)}, "
        f"{iso_ms(before_ms + interval_ms)}, ...){others}: remove or correct the row; "
        f"`btcbot data validate {source}` lists every such row"
    )


def iso_ms(ms: int) -> str:
    """Epoch ms as ``2025-01-01T05:30:00Z``."""
    return datetime.fromtimestamp(ms / 1000, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
