"""What an exchange client's rate limiter reports to the runtime once per cycle.

The BTCTurk adapter's limiter (:class:`btcbot.btcturk.ratelimit.RateLimiter`) fills it in; the
runtime reads it for the cycle line, the metrics and the adaptation's "throttled" input
without knowing which limiter made it.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class RateLimitTally:
    """What the limiter did since the last ``take_tally()``, by endpoint group:
    seconds waited, calls that waited, and HTTP 429 answers."""

    waited_s: tuple[tuple[str, float], ...] = ()  # largest first
    waits: tuple[tuple[str, int], ...] = ()
    refusals: tuple[tuple[str, int], ...] = ()

    @property
    def total_wait_s(self) -> float:
        return sum(seconds for _, seconds in self.waited_s)

    @property
    def throttled(self) -> int:
        """Calls the rate limits held back: waits plus 429 answers."""
        return sum(n for _, n in self.waits) + sum(n for _, n in self.refusals)

    def __bool__(self) -> bool:
        return bool(self.waits or self.refusals)
