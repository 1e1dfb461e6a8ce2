"""Server-clock offset for ``X-Stamp`` (BTCTurk refuses stamps more than ±5 s off).

``offset = server_time − midpoint(request sent, response received)``, measured against
``GET /api/v2/server/time``; re-measured every ``BTCTURK_CLOCK_SYNC_INTERVAL_SECONDS`` and at
once after ``Unauthorized - Invalid Nonce``. Wall clock and monotonic clock are injected.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable

import structlog

log = structlog.get_logger(__name__)


def _wall_ms() -> int:
    return time.time_ns() // 1_000_000


class ServerClock:
    def __init__(
        self,
        *,
        sync_interval_s: float = 300.0,
        wall_ms: Callable[[], int] = _wall_ms,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.sync_interval_s = sync_interval_s
        self.offset_ms = 0
        self.last_rtt_ms: int | None = None
        self._wall_ms = wall_ms
        self._monotonic = monotonic
        self._synced_at: float | None = None
        self._lock = asyncio.Lock()

    def stamp_ms(self) -> int:
        """Now, in server milliseconds."""
        return self._wall_ms() + self.offset_ms

    def needs_sync(self) -> bool:
        if self._synced_at is None:
            return True
        return self._monotonic() - self._synced_at >= self.sync_interval_s

    def invalidate(self) -> None:
        """Force a resync before the next private call (e.g. after Invalid Nonce)."""
        self._synced_at = None

    async def sync(self, fetch_server_ms: Callable[[], Awaitable[int]]) -> int:
        """Measure the offset once; returns it in ms."""
        sent = self._wall_ms()
        server_ms = await fetch_server_ms()
        received = self._wall_ms()
        self.offset_ms = server_ms - (sent + received) // 2
        self.last_rtt_ms = received - sent
        self._synced_at = self._monotonic()
        log.info("server_clock_synced", offset_ms=self.offset_ms, rtt_ms=self.last_rtt_ms)
        return self.offset_ms

    async def ensure_synced(self, fetch_server_ms: Callable[[], Awaitable[int]]) -> None:
        """Sync if due; concurrent callers share one measurement."""
        if not self.needs_sync():
            return
        async with self._lock:
            if self.needs_sync():
                await self.sync(fetch_server_ms)
