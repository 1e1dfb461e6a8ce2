"""Timeframes and durations as operators write them: ``1m``, ``15m``, ``1h``, ``1d``, ``1w``."""

from __future__ import annotations

import re

from btcbot.exchange.candle_grid import UNITS_MS as _UNITS_MS
from btcbot.exchange.candle_grid import dominant_step_ms, format_duration

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


__all__ = ["dominant_step_ms", "format_duration", "parse_duration_ms"]
