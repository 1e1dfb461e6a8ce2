"""Only one writer trades an account: a DB lock row with heartbeat + TTL, and an OS file lock.

* The ``process_locks`` row (one per account key) names the holder: instance id, pid, host,
  start and last heartbeat. Another instance may take the row over only once the heartbeat is
  older than the holder's TTL (stale: crashed or hung). This works across hosts on PostgreSQL.
* Next to a SQLite file, an ``fcntl`` lock on ``<db>.<account>.lock`` is held for the life of
  the lock. The kernel drops it when the process dies, so a live local holder is never
  mistaken for a stale one even if its heartbeat is late.

Acquiring while another live holder exists raises :class:`LockConflict` naming it.
"""

from __future__ import annotations

import fcntl
import os
import re
import socket
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from sqlalchemy import Connection, Engine, Row, select

from btcbot.store.engine import sqlite_file
from btcbot.store.errors import LockConflict, LockLost
from btcbot.store.schema import process_locks

Clock = Callable[[], int]  # epoch milliseconds


def wall_clock_ms() -> int:
    return time.time_ns() // 1_000_000


@dataclass(frozen=True, slots=True)
class LockHolder:
    account_key: str
    instance_id: str
    pid: int
    host: str
    started_ms: int
    heartbeat_ms: int
    ttl_ms: int

    def age_ms(self, now_ms: int) -> int:
        """Time since the last heartbeat."""
        return max(now_ms - self.heartbeat_ms, 0)

    def is_stale(self, now_ms: int) -> bool:
        return self.age_ms(now_ms) > self.ttl_ms

    def describe(self, now_ms: int) -> str:
        state = "stale" if self.is_stale(now_ms) else "live"
        return (
            f"instance {self.instance_id} (pid {self.pid} on {self.host}, last heartbeat "
            f"{self.age_ms(now_ms) / 1000:.1f}s ago, {state})"
        )


class FileLock:
    """An exclusive, non-blocking ``flock`` on one file; the pid is written for operators."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._handle: IO[str] | None = None

    def acquire(self) -> None:
        handle = self.path.open("a+", encoding="utf-8")
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            owner = handle.read().strip() or "unknown"
            handle.close()
            raise LockConflict(
                f"another process (pid {owner}) holds {self.path}: only one writer may trade "
                "this account; stop it first"
            ) from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"{os.getpid()}\n")
        handle.flush()
        self._handle = handle

    def release(self) -> None:
        if self._handle is not None:
            fcntl.flock(self._handle.fileno(), fcntl.LOCK_UN)
            self._handle.close()
            self._handle = None


def lock_file_for(db_file: Path, account_key: str) -> Path:
    safe = re.sub(r"[^A-Za-z0-9_.-]", "_", account_key)
    return db_file.with_name(f"{db_file.name}.{safe}.lock")


class ProcessLock:
    """This process's claim on one account (``acquire`` → ``heartbeat``... → ``release``)."""

    def __init__(
        self,
        engine: Engine,
        *,
        clock_ms: Clock = wall_clock_ms,
        instance_id: str | None = None,
        pid: int | None = None,
        host: str | None = None,
        file_lock: bool = True,
    ) -> None:
        self._engine = engine
        self._clock = clock_ms
        self.instance_id = instance_id or uuid.uuid4().hex
        self._pid = os.getpid() if pid is None else pid
        self._host = host or socket.gethostname()
        self._db_file = sqlite_file(engine) if file_lock else None
        self._file_lock: FileLock | None = None
        self._account_key: str | None = None

    def acquire(self, account_key: str, ttl_seconds: float) -> LockHolder:
        """Claim ``account_key``; raise :class:`LockConflict` if a live holder exists."""
        file_lock = self._lock_file(account_key)
        try:
            with self._engine.begin() as conn:
                holder = self._claim_row(conn, account_key, int(ttl_seconds * 1000))
        except BaseException:
            if file_lock is not None:
                file_lock.release()
            raise
        self._file_lock, self._account_key = file_lock, account_key
        return holder

    def heartbeat(self) -> None:
        """Refresh our row; raise :class:`LockLost` if it was force-released or taken over."""
        account_key = self._require_held()
        with self._engine.begin() as conn:
            updated = conn.execute(
                process_locks.update()
                .where(process_locks.c.account_key == account_key)
                .where(process_locks.c.instance_id == self.instance_id)
                .values(heartbeat_ms=self._clock())
            )
        if updated.rowcount != 1:
            raise LockLost(
                f"lost the lock on account {account_key!r}: it was force-released or taken "
                "over; stop trading and restart"
            )

    def release(self) -> None:
        """Give the account up (idempotent)."""
        if self._account_key is not None:
            with self._engine.begin() as conn:
                conn.execute(
                    process_locks.delete()
                    .where(process_locks.c.account_key == self._account_key)
                    .where(process_locks.c.instance_id == self.instance_id)
                )
        if self._file_lock is not None:
            self._file_lock.release()
        self._file_lock, self._account_key = None, None

    def status(self, account_key: str) -> LockHolder | None:
        with self._engine.connect() as conn:
            return read_holder(conn, account_key)

    def force_release(self, account_key: str) -> LockHolder | None:
        """Operator action: delete whatever row holds ``account_key``; return it."""
        with self._engine.begin() as conn:
            holder = read_holder(conn, account_key)
            conn.execute(process_locks.delete().where(process_locks.c.account_key == account_key))
        return holder

    def _lock_file(self, account_key: str) -> FileLock | None:
        if self._db_file is None:
            return None
        file_lock = FileLock(lock_file_for(self._db_file, account_key))
        file_lock.acquire()
        return file_lock

    def _claim_row(self, conn: Connection, account_key: str, ttl_ms: int) -> LockHolder:
        now = self._clock()
        holder = read_holder(conn, account_key, for_update=True)
        other = holder is not None and holder.instance_id != self.instance_id
        if holder is not None and other and not holder.is_stale(now):
            raise LockConflict(
                f"account {account_key!r} is held by {holder.describe(now)}: only one "
                "writer may trade an account; stop it, or after a crash wait for the TTL "
                "or force-release the lock"
            )
        mine = LockHolder(account_key, self.instance_id, self._pid, self._host, now, now, ttl_ms)
        values = _holder_values(mine)
        if holder is None:
            conn.execute(process_locks.insert().values(values))
        else:
            conn.execute(
                process_locks.update()
                .where(process_locks.c.account_key == account_key)
                .values(values)
            )
        return mine

    def _require_held(self) -> str:
        if self._account_key is None:
            raise LockLost("this process holds no lock: acquire() first")
        return self._account_key


def read_holder(
    conn: Connection, account_key: str, *, for_update: bool = False
) -> LockHolder | None:
    query = select(process_locks).where(process_locks.c.account_key == account_key)
    if for_update and conn.dialect.name != "sqlite":  # SQLite: BEGIN IMMEDIATE already locks
        query = query.with_for_update()
    row = conn.execute(query).first()
    return None if row is None else _to_holder(row)


def _holder_values(holder: LockHolder) -> dict[str, Any]:
    return {
        "account_key": holder.account_key,
        "instance_id": holder.instance_id,
        "pid": holder.pid,
        "host": holder.host,
        "started_ms": holder.started_ms,
        "heartbeat_ms": holder.heartbeat_ms,
        "ttl_ms": holder.ttl_ms,
    }


def _to_holder(row: Row[Any]) -> LockHolder:
    return LockHolder(
        account_key=row.account_key,
        instance_id=row.instance_id,
        pid=row.pid,
        host=row.host,
        started_ms=row.started_ms,
        heartbeat_ms=row.heartbeat_ms,
        ttl_ms=row.ttl_ms,
    )
