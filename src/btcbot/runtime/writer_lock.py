"""The single-writer lock of a run: which lock (from the settings) and its heartbeat thread.

* :func:`lock_identity` — with an API key the lock is the exchange account's (a fingerprint of
  the key, with its OS lock file in ``LOCK_DIR``); without one, ``ACCOUNT_KEY`` in the state
  database (a paper run on public data).
* :class:`LockHeartbeat` — refreshes the lock row from its own thread, on its own schedule,
  with its own pooled database connection, so a cycle stuck for a minute in read retries (or
  a blocked event loop) never lets the lock go stale for another host to take. When it finds
  the lock lost (force-released, taken over, or not refreshable for a whole TTL) it marks it
  lost at once and calls ``on_lost`` so the run stops with a clear message. The arming check
  before every submit and cancel asks :meth:`LockHeartbeat.still_held`: the flag, and the lock
  row itself in the arming's transaction, so an order is never sent in the seconds between a
  force-release (or a takeover) and the next heartbeat.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Protocol

import structlog
from sqlalchemy import Connection
from sqlalchemy.exc import SQLAlchemyError

from btcbot.config import CommonSettings
from btcbot.store import (
    LockIdentity,
    LockLost,
    database_account_identity,
    exchange_account_identity,
)

log = structlog.get_logger(__name__)

FALLBACK_LOCK_DIR = Path("/tmp/btcbot-locks")


def lock_dir(common: CommonSettings, environ: Mapping[str, str] | None = None) -> Path:
    """``LOCK_DIR``, else ``$XDG_RUNTIME_DIR/btcbot``, else ``/tmp/btcbot-locks``."""
    if common.lock_dir is not None:
        return common.lock_dir.expanduser().resolve()
    runtime_dir = (os.environ if environ is None else environ).get("XDG_RUNTIME_DIR")
    return Path(runtime_dir) / "btcbot" if runtime_dir else FALLBACK_LOCK_DIR


def lock_identity(
    common: CommonSettings,
    api_key: str | None,
    db_file: Path | None,
    environ: Mapping[str, str] | None = None,
) -> LockIdentity:
    """The lock a run with these settings takes (read-only commands look at the same one)."""
    if api_key:
        return exchange_account_identity(api_key, lock_dir(common, environ))
    return database_account_identity(common.account_key, db_file)


class HeldLock(Protocol):
    """What the heartbeat needs of :class:`btcbot.store.ProcessLock`."""

    @property
    def instance_id(self) -> str: ...

    def heartbeat(self) -> None: ...

    def holds(self, conn: Connection) -> bool: ...


class LockHeartbeat:
    """Keeps a held :class:`~btcbot.store.ProcessLock` fresh from a daemon thread
    (``start`` … ``stop``)."""

    def __init__(
        self,
        lock: HeldLock,
        *,
        interval_seconds: float,
        ttl_seconds: float,
        on_lost: Callable[[str], None] = lambda _reason: None,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self._lock = lock
        self._interval = interval_seconds
        self._ttl = ttl_seconds
        self._on_lost = on_lost
        self._monotonic = monotonic
        self._stop = threading.Event()
        self._lost = threading.Event()
        self._lost_reason: str | None = None
        self._thread = threading.Thread(target=self._run, name="btcbot-lock-heartbeat", daemon=True)
        self.beats = 0  # successful refreshes (for tests and metrics)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        """Stop beating (before the lock is released); idempotent."""
        self._stop.set()
        if self._thread.is_alive() and self._thread is not threading.current_thread():
            self._thread.join(timeout=max(self._interval, 5.0) + 5.0)

    @property
    def lost(self) -> bool:
        return self._lost.is_set()

    @property
    def lost_reason(self) -> str | None:
        return self._lost_reason

    def still_held(self, conn: Connection) -> bool:
        """Whether the lock is ours, read in ``conn``: once the row is gone (force-released,
        taken over) the lock is lost at once, as the heartbeat would find it."""
        if self._lost.is_set():
            return False
        if self._lock.holds(conn):
            return True
        self._lose(
            "lost the single-writer lock: its row was force-released or taken over by another "
            "instance; this process stopped trading"
        )
        return False

    def check(self) -> None:
        """Raise :class:`LockLost` once the lock is lost (cheap: no database access)."""
        if self._lost.is_set():
            raise LockLost(self._lost_reason or "lost the single-writer lock")

    def _run(self) -> None:
        last_ok = self._monotonic()
        try:
            while not self._stop.wait(self._interval):
                try:
                    self._lock.heartbeat()
                except LockLost as exc:
                    self._lose(str(exc))
                    return
                except SQLAlchemyError as exc:
                    silent = self._monotonic() - last_ok
                    log.warning(
                        "lock_heartbeat_failed",
                        error=type(exc).__name__,
                        seconds_without_heartbeat=round(silent, 1),
                        ttl_s=self._ttl,
                    )
                    if silent >= self._ttl:
                        self._lose(
                            f"could not refresh the single-writer lock for {silent:.0f}s "
                            f"({type(exc).__name__}): another instance may have taken it over; "
                            "this process stopped trading"
                        )
                        return
                    continue
                last_ok = self._monotonic()
                self.beats += 1
        finally:
            if not self._stop.is_set() and not self._lost.is_set():
                self._lose("the lock heartbeat thread ended unexpectedly; stopped trading")

    def _lose(self, reason: str) -> None:
        if self._lost.is_set():  # the heartbeat and the arming check may both find it
            return
        self._lost_reason = reason
        self._lost.set()
        log.error("lock_lost", reason=reason, instance=self._lock.instance_id)
        self._on_lost(reason)
