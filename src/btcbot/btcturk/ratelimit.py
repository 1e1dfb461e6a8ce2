"""Client-side rate limiting by BTCTurk's documented endpoint groups (API_CONTRACT §4.3).

Each group draws from one or more buckets; a bucket enforces one or more ``count per period``
limits with a sliding log (stricter than the venue's fixed windows). Every limit is scaled by
a safety ``margin`` (``BTCTURK_RATE_LIMIT_MARGIN``, 0.8 → use 80 %). A 429 puts the group's
buckets (or all of them) on hold for Retry-After. Clock and sleep are injected, so tests
drive time by hand.

Who goes first:

* **Mutations have budgets of their own.** Submit and cancel draw only from their own buckets
  (the venue counts them apart from every read), and so does the server-time read that may
  precede a signed call; a read that waits, or a read group on hold after a 429, never
  delays a cancel or a submit.
* **Waiters are served by priority** — cancel, then submit, then reads — and in arrival order
  within one priority. This matters where groups share a bucket (the graph host budget
  today; any shared budget the venue may add): a cancel never waits behind a read for a
  slot both want.
* **Optional reads ask first.** :meth:`RateLimiter.spare` says whether a group has room to
  spare now (no hold, more than a reserve left in every window); callers that could serve
  from a cache or read later (order books, sweeps for orders that are not ours) read only
  then, so the cycle does not wait for what it can do without.

Every wait is logged at INFO (endpoint group, wait in ms) and tallied with the 429 answers;
the runtime takes the tally once per cycle (:meth:`RateLimiter.take_tally`) for the cycle
line, the metrics and the adaptation's "throttled" input.
"""

from __future__ import annotations

import asyncio
import itertools
import math
import time
from collections import Counter, defaultdict, deque
from collections.abc import Awaitable, Callable, Iterable, Mapping
from dataclasses import dataclass
from enum import IntEnum
from types import MappingProxyType
from typing import Final

import structlog

from btcbot.exchange.throttle import RateLimitTally

Clock = Callable[[], float]
Sleep = Callable[[float], Awaitable[None]]

log = structlog.get_logger(__name__)


@dataclass(frozen=True, slots=True)
class Limit:
    count: int
    period_s: float


# Buckets as documented (D-rl). "public_other" (exchangeinfo) and "server_time" are
# undocumented: we budget each like the smallest documented public limit. Server time has a
# bucket of its own because a signed call (a cancel too) may need a clock sync first.
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
        "server_time": (Limit(90, 60),),
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


class Priority(IntEnum):
    """Lower goes first when callers wait for the same bucket."""

    CANCEL = 0
    SUBMIT = 1
    READ = 2


MUTATIONS: Final[Mapping[str, Priority]] = MappingProxyType(
    {"order_cancel": Priority.CANCEL, "order_submit": Priority.SUBMIT}
)

#: Fraction of every window an optional read leaves for the reads a cycle cannot do without.
SPARE_RESERVE: Final = 0.25
#: How long a waiter that found room, but a better-ranked waiter ahead of it, pauses before
#: it looks again (the better one is due to take the slot at that very moment).
_YIELD_S: Final = 0.005


def scaled(limit: Limit, margin: float) -> int:
    """How many calls per period we allow ourselves: ``floor(count × margin)``, at least 1."""
    return max(1, math.floor(limit.count * margin))


def priority_of(group: str) -> Priority:
    return MUTATIONS.get(group, Priority.READ)


class _Window:
    """Sliding log of call times for one limit."""

    def __init__(self, count: int, period_s: float) -> None:
        self.count = count
        self.period_s = period_s
        self._times: deque[float] = deque()

    def _prune(self, now: float) -> None:
        while self._times and self._times[0] <= now - self.period_s:
            self._times.popleft()

    def wait(self, now: float) -> float:
        self._prune(now)
        if len(self._times) < self.count:
            return 0.0
        return self._times[0] + self.period_s - now

    def free(self, now: float) -> int:
        self._prune(now)
        return self.count - len(self._times)

    def record(self, now: float) -> None:
        self._times.append(now)


Ticket = tuple[int, int]  # (priority, arrival)


class _Bucket:
    def __init__(self, limits: Iterable[Limit], margin: float) -> None:
        self.windows = [_Window(scaled(limit, margin), limit.period_s) for limit in limits]
        self.hold_until = 0.0
        self.waiting: set[Ticket] = set()

    def wait(self, now: float) -> float:
        return max([self.hold_until - now, *(window.wait(now) for window in self.windows)])

    def first_in_line(self, ticket: Ticket) -> bool:
        return all(ticket <= other for other in self.waiting)

    def spare(self, now: float, reserve: float) -> bool:
        if self.hold_until > now:
            return False
        return all(w.free(now) > math.floor(w.count * reserve) for w in self.windows)

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
        self._arrivals = itertools.count()
        self._waited_s: defaultdict[str, float] = defaultdict(float)
        self._waits: Counter[str] = Counter()
        self._refusals: Counter[str] = Counter()

    def allowance(self, bucket: str) -> tuple[int, ...]:
        """The per-period call counts we allow ourselves in ``bucket`` (after the margin)."""
        return tuple(window.count for window in self._buckets[bucket].windows)

    def _members(self, group: str) -> list[_Bucket]:
        try:
            return [self._buckets[name] for name in self._groups[group]]
        except KeyError:
            raise ValueError(f"unknown rate-limit group {group!r}") from None

    async def acquire(self, group: str, priority: Priority | None = None) -> float:
        """Wait until every bucket of ``group`` has room and no better-ranked caller waits
        for it, then take one slot in each; return the seconds waited.

        Check-and-record happens without an ``await`` in between, so it is atomic on the
        event loop; no lock is needed. ``priority`` defaults to the group's own (cancel,
        submit, read).
        """
        members = self._members(group)
        rank = priority_of(group) if priority is None else priority
        ticket: Ticket = (rank, next(self._arrivals))  # behind everyone already waiting
        started = self._clock()
        queued = False
        try:
            while True:
                now = self._clock()
                delay = max(bucket.wait(now) for bucket in members)
                if delay <= 0 and all(bucket.first_in_line(ticket) for bucket in members):
                    for bucket in members:
                        bucket.record(now)
                    return self._waited(group, now - started) if queued else 0.0
                if not queued:
                    queued = True
                    for bucket in members:
                        bucket.waiting.add(ticket)
                    log.info(
                        "rate_limit_wait",
                        group=group,
                        wait_ms=round(max(delay, 0.0) * 1000),
                        priority=rank.name.lower(),
                    )
                await self._sleep(delay if delay > 0 else _YIELD_S)
        finally:
            if queued:
                for bucket in members:
                    bucket.waiting.discard(ticket)

    def spare(self, group: str, reserve: float = SPARE_RESERVE) -> bool:
        """Whether a call of ``group`` now would neither wait nor dig into the last
        ``reserve`` of any window: an optional read goes ahead only then."""
        now = self._clock()
        return all(bucket.spare(now, reserve) for bucket in self._members(group))

    def hold(self, group: str, seconds: float) -> None:
        """After a 429: no call of ``group`` for ``seconds``."""
        until = self._clock() + max(0.0, seconds)
        for bucket in self._members(group):
            bucket.hold_until = max(bucket.hold_until, until)
        self._refusals[group] += 1
        log.warning("rate_limit_hold", group=group, seconds=seconds)

    def hold_all(self, seconds: float) -> None:
        """No read of any group for ``seconds``; mutations (and the clock sync a signed call
        may need) keep their own budgets."""
        until = self._clock() + max(0.0, seconds)
        spared = {"server_time", *MUTATIONS}
        kept = {name for group in spared for name in self._groups.get(group, ())}
        for name, bucket in self._buckets.items():
            if name not in kept:
                bucket.hold_until = max(bucket.hold_until, until)
        log.warning("rate_limit_hold_all", seconds=seconds)

    def take_tally(self) -> RateLimitTally:
        """Waits and 429s since the last call (the runtime takes it once per cycle)."""
        tally = RateLimitTally(
            waited_s=tuple(sorted(self._waited_s.items(), key=lambda kv: (-kv[1], kv[0]))),
            waits=tuple(sorted(self._waits.items())),
            refusals=tuple(sorted(self._refusals.items())),
        )
        self._waited_s.clear()
        self._waits.clear()
        self._refusals.clear()
        return tally

    def _waited(self, group: str, seconds: float) -> float:
        self._waited_s[group] += seconds
        self._waits[group] += 1
        return seconds
