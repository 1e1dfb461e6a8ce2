"""Timeframes and durations as operators write them: ``1m``, ``15m``, ``1h``, ``1d``, ``1w``."""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

_UNITS_MS = {"s": 1_000, "m": 60_000, "h": 3_600_000, "d": 86_400_000, "w": 604_800_000}
_PATTERN = re.compile(r"^\s*(\d+)\s*([smhdw])\s*$")


def parse_duration_ms(text: str) -> int:
    """``"7d"`` → 604800000. Raises ``ValueError`` naming the accepted form."""
    found = _PATTERN.match(text.lower())
    if found is None or int(found.group(1)) == 0:
        raise ValueError(
            f"{text!r} is not a duration: use a positive number and a unit s, m, h, d or w "
            "(e.g. 1h, 15m, 7d)"
        )
    return int(found.group(1)) * _UNITS_MS[found.group(2)]


def format_duration(ms: int) -> str:
    """The largest whole unit: 3600000 → ``1h``, 5400000 → ``90m``."""
    for unit in ("w", "d", "h", "m", "s"):
        size = _UNITS_MS[unit]
        if ms > 0 and ms % size == 0:
            return f"{ms // size}{unit}"
    return f"{ms}ms"


def dominant_step_ms(times_ms: Sequence[int]) -> int | None:
    """The most common positive step between consecutive sorted timestamps (ties: the
    smallest); None with fewer than two distinct timestamps. Gaps and duplicates do not
    change it while most rows are regular."""
    counts: dict[int, int] = {}
    for before, after in pairwise(sorted(times_ms)):
        step = after - before
        if step > 0:
            counts[step] = counts.get(step, 0) + 1
    if not counts:
        return None
    return min(counts, key=lambda step: (-counts[step], step))
