"""Ctrl-C and SIGTERM stop a long computation (a backtest, a sweep's trial) where it is.

``asyncio.run`` answers SIGINT by cancelling its main task; the cancellation lands at the
next ``await`` that really suspends. A replay never suspends (its clock is simulated), so
Ctrl-C went unheard until the run had finished (and installed its result, replacing the
previous one under ``--overwrite``), and SIGTERM killed the process before any ``finally``
ran, leaving the run's partial file behind. Inside :func:`interruptible` both signals raise
:class:`Interrupted` in the running code instead, so every ``finally`` and ``except
BaseException`` on the way out (the backtest's removal of its partial file) runs.
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


@contextmanager
def interruptible() -> Iterator[None]:
    """SIGINT and SIGTERM raise :class:`Interrupted` where the main thread is (once: a second
    signal while the first one unwinds is ignored, so the clean-up is not cut short). Outside
    the main thread, where no handler can be set, nothing changes."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    raised = False

    def stop(signum: int, frame: FrameType | None) -> None:
        nonlocal raised
        if not raised:
            raised = True
            raise Interrupted(signum)

    previous = {signum: signal.signal(signum, stop) for signum in SIGNALS}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, signal.SIG_DFL if handler is None else handler)


__all__ = ["Interrupted", "interruptible"]
