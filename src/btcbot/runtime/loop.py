"""Run cycles until done or told to stop; SIGTERM/SIGINT finish the current cycle cleanly.

A cycle is never interrupted half way (an order may be between "persisted" and "sent"): the
signal only stops the loop before the next cycle. The same stop signal ends a start-up that is
waiting for the exchange, and the lock heartbeat sets it when the single-writer lock is lost.
Exceptions are not caught here: a bug stops the process loudly, and the next start's
reconciliation picks up where it left off.
"""

from __future__ import annotations

import asyncio
import signal
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager

from btcbot.runtime.cycle import CycleRunner
from btcbot.runtime.report import CycleReport


class StopSignal:
    """An event set by SIGTERM/SIGINT (or by a caller) that the loop checks between cycles."""

    def __init__(self) -> None:
        self.event = asyncio.Event()
        self.signal_name: str | None = None
        self.lock_lost: str | None = None  # why, when the single-writer lock was lost

    def install(self) -> None:
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(sig, self._on_signal, sig)

    def uninstall(self) -> None:
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.remove_signal_handler(sig)

    def _on_signal(self, sig: signal.Signals) -> None:
        self.signal_name = sig.name
        self.event.set()

    def lose_lock(self, reason: str) -> None:
        """Stop because another instance now holds the account (or it was force-released)."""
        self.lock_lost = reason
        self.event.set()

    @property
    def requested(self) -> bool:
        return self.event.is_set()


async def run_cycles(
    runner: CycleRunner,
    *,
    cycles: int | None,
    cycle_seconds: float,
    stop: StopSignal,
    on_report: Callable[[CycleReport], None],
    between: Callable[[], Awaitable[object]] | None = None,
    wake: asyncio.Event | None = None,
) -> int:
    """Run ``cycles`` cycles (None = until stopped); return how many ran.

    ``between`` (operator requests, such as a cancel of every open order) runs before each
    cycle, never during one, and also while waiting for the next cycle whenever ``wake`` is
    set."""
    done = 0
    while not stop.requested and (cycles is None or done < cycles):
        if between is not None:
            await between()
        report = await runner.run_once()
        done += 1
        on_report(report)
        if cycles is not None and done >= cycles:
            break
        await _pause(cycle_seconds, stop, between, wake)
    return done


async def _pause(
    seconds: float,
    stop: StopSignal,
    between: Callable[[], Awaitable[object]] | None,
    wake: asyncio.Event | None,
) -> None:
    """Wait ``seconds`` or until stopped; run ``between`` each time ``wake`` is set."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + seconds
    while not stop.requested and loop.time() < deadline:
        waits = {asyncio.ensure_future(stop.event.wait())}
        if wake is not None and between is not None:
            waits.add(asyncio.ensure_future(wake.wait()))
        _, pending = await asyncio.wait(
            waits, timeout=max(deadline - loop.time(), 0), return_when=asyncio.FIRST_COMPLETED
        )
        for task in pending:
            task.cancel()
        if wake is not None and between is not None and wake.is_set():
            wake.clear()
            await between()


@contextmanager
def stop_on_signals() -> Iterator[StopSignal]:
    """A :class:`StopSignal` with SIGTERM/SIGINT handlers installed (in a running loop)."""
    stop = StopSignal()
    stop.install()
    try:
        yield stop
    finally:
        stop.uninstall()


async def run_until_stopped(
    runner: CycleRunner,
    *,
    cycles: int | None,
    cycle_seconds: float,
    on_report: Callable[[CycleReport], None],
) -> tuple[int, StopSignal]:
    """:func:`run_cycles` with SIGTERM/SIGINT handlers installed for its duration."""
    with stop_on_signals() as stop:
        done = await run_cycles(
            runner, cycles=cycles, cycle_seconds=cycle_seconds, stop=stop, on_report=on_report
        )
    return done, stop
