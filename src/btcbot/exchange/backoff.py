"""Exponential backoff with full jitter, randomized per process.

The predecessor seeded its jitter with a constant (17, 23, 7), so every process retried in
lock-step (audit G3). Here the generator is seeded once per process from the OS entropy pool
unless a test injects its own ``random.Random``.
"""

from __future__ import annotations

import os
import random
from dataclasses import dataclass

_PROCESS_RNG = random.Random(int.from_bytes(os.urandom(8), "big"))


def process_rng() -> random.Random:
    """The process-wide jitter source (seeded from ``os.urandom`` at import)."""
    return _PROCESS_RNG


@dataclass(frozen=True, slots=True)
class Backoff:
    """``delay(n) = uniform(0, min(max_delay, base * 2**n))`` for attempt ``n`` (0-based)."""

    base_seconds: float
    max_seconds: float

    def __post_init__(self) -> None:
        if self.base_seconds < 0 or self.max_seconds < self.base_seconds:
            raise ValueError("backoff needs 0 <= base_seconds <= max_seconds")

    def ceiling(self, attempt: int) -> float:
        return float(min(self.max_seconds, self.base_seconds * (2.0 ** max(0, attempt))))

    def delay(self, attempt: int, rng: random.Random | None = None) -> float:
        return (rng or _PROCESS_RNG).uniform(0.0, self.ceiling(attempt))
