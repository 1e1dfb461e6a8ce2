"""Start-up waits for the exchange instead of failing on the first outage.

Before the first cycle the run must have its market data and a successful start-up
reconciliation (live trading never starts on state it could not compare). When the exchange
is down — maintenance, 5xx, timeouts, a WebSocket feed that does not come up — the attempt is
repeated with capped exponential backoff and jitter, each failure logged at WARNING with the
next delay, for at most ``STARTUP_EXCHANGE_WAIT_SECONDS`` (then :class:`ExchangeUnavailable`:
exit 1, and the service manager starts the bot again later). A definitive refusal (HTTP 401:
key, permission or IP whitelist) is not waited for: a retry cannot fix settings. SIGTERM and
SIGINT end the wait at once (:class:`StartupStopped`), also in the middle of an attempt.

Every failed start-up reconciliation is counted like any other (the kill switch trips on the
same count and time bounds), so a long outage is not hidden by waiting.
"""

from __future__ import annotations

import asyncio
import contextlib
import random
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TypeVar

import structlog

from btcbot.exchange.backoff import Backoff, process_rng
from btcbot.exchange.errors import ExchangeError
from btcbot.execution import ReconciliationFailed
from btcbot.execution.failures import is_retryable
from btcbot.marketdata import MarketDataRefused, MarketDataUnavailable
from btcbot.runtime.loop import StopSignal

T = TypeVar("T")

log = structlog.get_logger(__name__)


class StartupStopped(Exception):
    """A stop signal (or the loss of the lock) ended the start-up before trading began."""


class ExchangeUnavailable(RuntimeError):
    """The exchange did not become usable within the start-up wait."""


@dataclass(frozen=True, slots=True)
class StartupWait:
    max_wait_seconds: float  # 0: fail on the first error
    base_delay_seconds: float
    max_delay_seconds: float

    def delay(self, attempt: int, rng: random.Random) -> float:
        """Capped exponential backoff with "equal jitter": never less than half the step, so
        restarts of many bots spread out without a hot loop."""
        ceiling = Backoff(self.base_delay_seconds, self.max_delay_seconds).ceiling(attempt)
        return ceiling / 2 + rng.uniform(0.0, ceiling / 2)


def transient(error: Exception) -> bool:
    """Whether waiting can help: outages yes, a definitive refusal (e.g. a 401) no."""
    if isinstance(error, ReconciliationFailed):
        return error.report.retryable
    if isinstance(error, ExchangeError):
        return is_retryable(error)
    return isinstance(error, MarketDataUnavailable) and not isinstance(error, MarketDataRefused)


def describe(error: Exception) -> str:
    if isinstance(error, ReconciliationFailed):
        return f"start-up reconciliation failed: {error.report.error}"
    return f"{type(error).__name__}: {error}"


async def wait_for_exchange(
    attempt: Callable[[], Awaitable[T]],
    *,
    wait: StartupWait,
    stop: StopSignal,
    started: float | None = None,
    rng: random.Random | None = None,
    monotonic: Callable[[], float] = time.monotonic,
) -> T:
    """``attempt()`` until it succeeds, a non-transient error, the stop signal or the bound
    (counted from ``started``, a ``monotonic()`` reading: several steps share one bound)."""
    started = monotonic() if started is None else started
    tries = 0
    while True:
        try:
            return await _unless_stopped(attempt, stop)
        except (ReconciliationFailed, ExchangeError, MarketDataUnavailable) as exc:
            if not transient(exc):
                raise
            tries += 1
            waited = monotonic() - started
            remaining = wait.max_wait_seconds - waited
            if remaining <= 0:
                raise ExchangeUnavailable(
                    f"the exchange was not usable for {waited:.0f}s of start-up ({tries} "
                    f"attempt(s), STARTUP_EXCHANGE_WAIT_SECONDS {wait.max_wait_seconds:g}); "
                    f"last: {describe(exc)}"
                ) from None
            delay = min(wait.delay(tries - 1, rng or process_rng()), remaining)
            log.warning(
                "startup_waiting_for_exchange",
                attempt=tries,
                error=describe(exc),
                retry_in_s=round(delay, 1),
                waited_s=round(waited, 1),
                max_wait_s=wait.max_wait_seconds,
            )
            await _sleep_unless_stopped(delay, stop)


async def _unless_stopped(attempt: Callable[[], Awaitable[T]], stop: StopSignal) -> T:
    """Run ``attempt()``; cancel it and raise :class:`StartupStopped` if ``stop`` fires first."""
    if stop.requested:
        raise StartupStopped(_why(stop))
    task = asyncio.ensure_future(attempt())
    stopper = asyncio.ensure_future(stop.event.wait())
    try:
        await asyncio.wait({task, stopper}, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for pending in (task, stopper):
            if not pending.done():
                pending.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await pending
    if task.done() and not task.cancelled():
        return task.result()
    raise StartupStopped(_why(stop))


async def _sleep_unless_stopped(seconds: float, stop: StopSignal) -> None:
    try:
        async with asyncio.timeout(seconds):
            await stop.event.wait()
    except TimeoutError:
        return
    raise StartupStopped(_why(stop))


def _why(stop: StopSignal) -> str:
    if stop.lock_lost is not None:
        return stop.lock_lost
    return f"stopped by {stop.signal_name or 'request'} during start-up"
