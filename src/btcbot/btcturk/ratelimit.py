"""Client-side rate limiting by BTCTurk's documented endpoint groups (API_CONTRACT §4.3).

Each group draws from one or more buckets; a bucket enforces one or more ``count per period``
limits with a sliding log (stricter than the venue's fixed windows). Every limit is scaled by
a safety ``margin`` (``BTCTURK_RATE_LIMIT_MARGIN``, 0.8 → use 80 %). A 429 puts the group's
buckets (or all of them) on hold for Retry-After. Clock and sleep are injected, so tests
drive time by hand.
"""

from __future__ import annotations

import asyncio
import math
import time
from collections import deque
from collections.abc import Awaitable, Callable, Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Final

import structlog

Clock = Callable[[], float]
Sleep = Callable[[float], Awaitable[None]]

log = structlog.get_logger(__name__)


@dataclass(frozen=True, slots=True)
class Limit:
    count: int
    period_s: float


# Buckets as documented (D-rl). "public_other" (server time, exchangeinfo) is undocumented:
# we budget it like the smallest documented public limit.
BUCKETS: Final[Mapping[str, tuple[Limit, ...]]] = MappingProxyType(
    {
        "balances": (Limit(120, 60),),
        "order_submit": (Limit(300, 60), Limit(10, 1)),
        "order_cancel": (Limit(300, 60), Limit(10, 1)),
        "order_query": (Limit(900, 60), Limit(30, 1)),
        "order_lists": (Limit(300, 60),),  # openOrders + allOrders share one row
        "user_trades": (Limit(120, 60),),
        "ticker": (Limit(600, 60),),
        "orderbook": (Limit(180, 60),),
        "trades": (Limit(90, 60),),
        "graph_ohlcs": (Limit(120, 60),),
        "graph_all": (Limit(600, 600),),  # graph-api.btcturk.com*: 600 per 10 min
        "public_other": (Limit(90, 60),),
    }
)

# Endpoint group → the buckets one call consumes.
GROUPS: Final[Mapping[str, tuple[str, ...]]] = MappingProxyType(
    {
        **{name: (name,) for name in BUCKETS if not name.startswith("graph")},
        "graph_ohlcs": ("graph_ohlcs", "graph_all"),
        "graph_klines": ("graph_all",),
    }
)


def scaled(limit: Limit, margin: float) -> int:
    """How many calls per period we allow ourselves: ``floor(count × margin)``, at least 1."""
    return max(1, math.floor(limit.count * margin))


class _Window:
    """Sliding log of call times for one limit."""

    def __init__(self, count: int, period_s: float) -> None:
        self.count = count
        self.period_s = period_s
        self._times: deque[float] = deque()

    def wait(self, now: float) -> float:
        while self._times and self._times[0] <= now - self.period_s:
            self._times.popleft()
        if len(self._times) < self.count:
            return 0.0
        return self._times[0] + self.period_s - now

    def record(self, now: float) -> None:
        self._times.append(now)


class _Bucket:
    def __init__(self, limits: Iterable[Limit], margin: float) -> None:
        self.windows = [_Window(scaled(limit, margin), limit.period_s) for limit in limits]
        self.hold_until = 0.0

    def wait(self, now: float) -> float:
        return max([self.hold_until - now, *(window.wait(now) for window in self.windows)])

    def record(self, now: float) -> None:
        for window in self.windows:
            window.record(now)


class RateLimiter:
    """``await limiter.acquire("order_submit")`` before each call of that group."""

    def __init__(
        self,
        margin: float = 0.8,
        *,
        buckets: Mapping[str, tuple[Limit, ...]] = BUCKETS,
        groups: Mapping[str, tuple[str, ...]] = GROUPS,
        clock: Clock = time.monotonic,
        sleep: Sleep = asyncio.sleep,
    ) -> None:
        if not 0 < margin <= 1:
            raise ValueError("rate limit margin must be in (0, 1]")
        self.margin = margin
        self._buckets = {name: _Bucket(limits, margin) for name, limits in buckets.items()}
        self._groups = dict(groups)
        self._clock = clock
        self._sleep = sleep

    def allowance(self, bucket: str) -> tuple[int, ...]:
        """The per-period call counts we allow ourselves in ``bucket`` (after the margin)."""
        return tuple(window.count for window in self._buckets[bucket].windows)

    def _members(self, group: str) -> list[_Bucket]:
        try:
            return [self._buckets[name] for name in self._groups[group]]
        except KeyError:
            raise ValueError(f"unknown rate-limit group {group!r}") from None

    async def acquire(self, group: str) -> None:
        """Wait until every bucket of ``group`` has room, then take one slot in each.

        Check-and-record happens without an ``await`` in between, so it is atomic on the
        event loop; no lock is needed.
        """
        members = self._members(group)
        while True:
            now = self._clock()
            delay = max(bucket.wait(now) for bucket in members)
            if delay <= 0:
                for bucket in members:
                    bucket.record(now)
                return
            log.debug("rate_limit_wait", group=group, delay_s=round(delay, 3))
            await self._sleep(delay)

    def hold(self, group: str, seconds: float) -> None:
        """After a 429: no call of ``group`` for ``seconds``."""
        until = self._clock() + max(0.0, seconds)
        for bucket in self._members(group):
            bucket.hold_until = max(bucket.hold_until, until)
        log.warning("rate_limit_hold", group=group, seconds=seconds)

    def hold_all(self, seconds: float) -> None:
        until = self._clock() + max(0.0, seconds)
        for bucket in self._buckets.values():
            bucket.hold_until = max(bucket.hold_until, until)
        log.warning("rate_limit_hold_all", seconds=seconds)
