"""A rolling-window limiter for WebSocket connection attempts.

BTCTurk counts connection *requests* (15 per minute, then a 60 s block), so every attempt is
counted, successful or not. ``acquire`` waits until one more attempt stays within the limit.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Awaitable, Callable

WINDOW_SECONDS = 60.0


class ConnectLimiter:
    def __init__(
        self,
        max_per_window: int,
        *,
        clock: Callable[[], float],
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        window_seconds: float = WINDOW_SECONDS,
    ) -> None:
        if max_per_window < 1:
            raise ValueError("max_per_window must be >= 1")
        self._max = max_per_window
        self._clock = clock
        self._sleep = sleep
        self._window = window_seconds
        self._stamps: deque[float] = deque()

    def attempts_in_window(self) -> int:
        self._expire(self._clock())
        return len(self._stamps)

    async def acquire(self) -> None:
        while True:
            now = self._clock()
            self._expire(now)
            if len(self._stamps) < self._max:
                self._stamps.append(now)
                return
            await self._sleep(self._stamps[0] + self._window - now)

    def _expire(self, now: float) -> None:
        while self._stamps and self._stamps[0] <= now - self._window:
            self._stamps.popleft()
