"""Ctrl-C and SIGTERM stop a long computation (a backtest, a sweep's trials) where it is.

``asyncio.run`` answers SIGINT by cancelling its main task; the cancellation lands at the
next ``await`` that really suspends. A replay never suspends (its clock is simulated), so
Ctrl-C went unheard until the run had finished (and installed its result, replacing the
previous one under ``--overwrite``), and SIGTERM killed the process before any ``finally``
ran, leaving the run's partial file behind. Inside :func:`interruptible` both signals raise
:class:`Interrupted` in the running code instead, so every ``finally`` and ``except
BaseException`` on the way out (the backtest's removal of its partial file) runs.

:func:`held` marks a few steps that must not be cut in two (a sweep taking a trial from the
shared study and noting that it holds it): a signal in there is raised when they are done.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

SIGNALS = (signal.SIGINT, signal.SIGTERM)


class Interrupted(KeyboardInterrupt):
    """A stop signal arrived while an :func:`interruptible` block ran."""

    def __init__(self, signum: int) -> None:
        self.signal = signal.Signals(signum)
        super().__init__(self.signal.name)

    @property
    def exit_code(self) -> int:
        """The shell's code for a process ended by this signal (130 for Ctrl-C)."""
        return 128 + int(self.signal)


class _State:
    """Signal handlers run in the main thread, between two of its bytecodes: no lock."""

    depth = 0  # held() blocks open
    pending: int | None = None  # a signal that arrived while held
    raised = False  # Interrupted was raised: what follows is the clean-up


def _raise(signum: int) -> None:
    _State.raised = True
    raise Interrupted(signum)


@contextmanager
def interruptible() -> Iterator[None]:
    """SIGINT and SIGTERM raise :class:`Interrupted` where the main thread is (once: a second
    signal while the first one unwinds is ignored, so the clean-up is not cut short). Outside
    the main thread, where no handler can be set, nothing changes."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, frame: FrameType | None) -> None:
        if _State.raised:
            return
        if _State.depth:
            _State.pending = signum
            return
        _raise(signum)

    previous = {signum: signal.signal(signum, stop) for signum in SIGNALS}
    _State.pending, _State.raised = None, False
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, signal.SIG_DFL if handler is None else handler)
        _State.pending, _State.raised = None, False


@contextmanager
def held() -> Iterator[None]:
    """A stop signal arriving in this block is raised (as :class:`Interrupted`) when the
    outermost one ends."""
    _State.depth += 1
    try:
        yield
    finally:
        _State.depth -= 1
        if not _State.depth and _State.pending is not None:
            signum, _State.pending = _State.pending, None
            _raise(signum)


__all__ = ["Interrupted", "held", "interruptible"]
