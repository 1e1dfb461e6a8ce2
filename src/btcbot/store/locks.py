"""Only one writer trades an exchange account: a DB lock row with heartbeat + TTL, and an OS
file lock on the host.

* **Identity.** With API credentials the lock is keyed by the exchange account: a fingerprint
  of the API key (:func:`account_fingerprint`, a truncated SHA-256 under a fixed domain tag;
  never the key, and not reversible into it). Without keys (a paper run on public data) it is
  keyed by ``ACCOUNT_KEY`` within one database. :class:`LockIdentity` carries the row key, the
  lock file and a label for messages.
* **The row** (``process_locks``, one per key) names the holder: instance id, pid, host, start
  and last heartbeat. Another instance may take it over once the heartbeat is older than the
  holder's TTL (stale: crashed or hung). This works across hosts that share one database
  (PostgreSQL); hosts with separate databases are not protected from each other.
* **The lock file** (``fcntl.flock``, exclusive) is held for the life of the lock; it names its
  holder (pid, instance) and the last few holders before it. The kernel drops the lock when
  the process dies, so:

  - two processes on one host with the same API key are refused even with different
    ``ACCOUNT_KEY`` values or different databases (the file lives in a per-host directory);
  - a holder on this host that is *provably dead* is taken over at once: this process got the
    file lock, and the file names the instance the row names as one of its holders, so that
    process released it (it exited or was killed). The takeover is logged at WARNING with the
    old pid/instance.

Acquiring while another live holder exists raises :class:`LockConflict` naming it.
Read-only inspection (:func:`assess_holder`) never creates or writes a file: it opens an
existing lock file read-only and probes it with a shared, non-blocking ``flock``.
"""

from __future__ import annotations

import errno
import fcntl
import hashlib
import json
import os
import re
import socket
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import IO, Any

import structlog
from sqlalchemy import ColumnElement, Connection, Engine, Row, and_, select

from btcbot.store.engine import sqlite_file
from btcbot.store.errors import LockConflict, LockLost, LockUnavailable
from btcbot.store.schema import process_locks

Clock = Callable[[], int]  # epoch milliseconds

log = structlog.get_logger(__name__)

#: Domain tag of the account fingerprint: the same key hashed for another purpose gives
#: another value, and a change of scheme changes every fingerprint (v1).
FINGERPRINT_TAG = b"btcbot/exchange-account-lock/v1\x00"
FINGERPRINT_HEX = 24  # 96 bits: collisions between accounts are out of reach
#: How long ``acquire`` keeps trying a file lock that a read-only probe holds shared for a
#: moment (``btcbot status`` run at the same time as a start).
PROBE_GRACE_SECONDS = 0.5
#: Holders a lock file remembers (the current one first): a crashed holder stays provably gone
#: even if other processes took and released the file before the restart.
FILE_HISTORY = 16


def wall_clock_ms() -> int:
    return time.time_ns() // 1_000_000


def this_host() -> str:
    return socket.gethostname()


def account_fingerprint(api_key: str) -> str:
    """A stable, non-reversible name for the exchange account an API key belongs to."""
    digest = hashlib.sha256(FINGERPRINT_TAG + api_key.encode("utf-8")).hexdigest()
    return f"api-{digest[:FINGERPRINT_HEX]}"


@dataclass(frozen=True, slots=True)
class LockIdentity:
    """What one writer locks: the row key, the OS lock file (None: no file lock), a label."""

    key: str
    lock_file: Path | None
    label: str


def exchange_account_identity(api_key: str, lock_dir: Path) -> LockIdentity:
    """The lock of the exchange account behind ``api_key``: one per host and per database."""
    key = account_fingerprint(api_key)
    return LockIdentity(key, lock_dir / f"{key}.lock", f"exchange account {key}")


def database_account_identity(account_key: str, db_file: Path | None) -> LockIdentity:
    """The lock of a run without API keys: ``account_key`` within one database (the file lock
    sits next to a SQLite file; a PostgreSQL database has the row only)."""
    lock_file = None if db_file is None else lock_file_for(db_file, account_key)
    return LockIdentity(account_key, lock_file, f"account {account_key!r} in this database")


def lock_file_for(db_file: Path, account_key: str) -> Path:
    safe = re.sub(r"[^A-Za-z0-9_.-]", "_", account_key)
    return db_file.with_name(f"{db_file.name}.{safe}.lock")


@dataclass(frozen=True, slots=True)
class LockHolder:
    account_key: str  # the row key: an account fingerprint, or ACCOUNT_KEY without keys
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

    def describe(self, now_ms: int, state: str | None = None) -> str:
        state = state or ("stale" if self.is_stale(now_ms) else "live")
        return (
            f"instance {self.instance_id} (pid {self.pid} on {self.host}, last heartbeat "
            f"{self.age_ms(now_ms) / 1000:.1f}s ago, {state})"
        )


# --- the lock file --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LockFileRecord:
    """What a lock file says about the process that holds (or last held) it."""

    pid: int | None
    instance_id: str | None = None
    host: str | None = None
    account_key: str | None = None  # the holder's ACCOUNT_KEY setting (a name, not a secret)
    since_ms: int | None = None

    def to_text(self) -> str:
        values = {
            "pid": self.pid,
            "instance": self.instance_id,
            "host": self.host,
            "account_key": self.account_key,
            "since_ms": self.since_ms,
        }
        return json.dumps(values, sort_keys=True) + "\n"

    @classmethod
    def parse_all(cls, text: str) -> tuple[LockFileRecord, ...]:
        """Every holder a lock file names, the current (or last) one first."""
        found = (cls.parse(line) for line in text.splitlines())
        return tuple(record for record in found if record is not None)

    @classmethod
    def parse(cls, text: str) -> LockFileRecord | None:
        text = text.strip()
        if not text:
            return None
        if text.isdigit():  # written by an older btcbot: the pid alone
            return cls(pid=int(text))
        try:
            values = json.loads(text)
        except ValueError:
            return None
        if not isinstance(values, dict):
            return None
        pid = values.get("pid")
        since = values.get("since_ms")
        return cls(
            pid=pid if isinstance(pid, int) else None,
            instance_id=_str_or_none(values.get("instance")),
            host=_str_or_none(values.get("host")),
            account_key=_str_or_none(values.get("account_key")),
            since_ms=since if isinstance(since, int) else None,
        )

    def describe(self) -> str:
        parts = [f"pid {self.pid if self.pid is not None else 'unknown'}"]
        if self.instance_id:
            parts.append(f"instance {self.instance_id}")
        if self.account_key:
            parts.append(f"ACCOUNT_KEY {self.account_key!r}")
        return ", ".join(parts)


def _str_or_none(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


class FileLock:
    """An exclusive, non-blocking ``flock`` on one file, which names its holder."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._handle: IO[str] | None = None

    def acquire(
        self, record: LockFileRecord, label: str = "this account"
    ) -> tuple[LockFileRecord, ...]:
        """Take the lock and write ``record`` first; return the holders the file named before
        (each of them released it: provably gone) or raise :class:`LockConflict` naming the
        live holder."""
        handle = self._open()
        deadline = time.monotonic() + PROBE_GRACE_SECONDS
        while True:
            try:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() < deadline:  # a read-only probe holds it for a moment
                    time.sleep(0.01)
                    continue
                handle.seek(0)
                owners = LockFileRecord.parse_all(handle.read())
                owner = owners[0] if owners else None
                handle.close()
                who = owner.describe() if owner is not None else "pid unknown"
                raise LockConflict(
                    f"another process ({who}) holds the lock on {label} ({self.path}): only "
                    "one writer may trade an exchange account; stop it first"
                ) from None
        handle.seek(0)
        previous = LockFileRecord.parse_all(handle.read())
        handle.seek(0)
        handle.truncate()
        history = (record, *previous[: FILE_HISTORY - 1])
        handle.write("".join(entry.to_text() for entry in history))
        handle.flush()
        self._handle = handle
        return previous

    def release(self) -> None:
        if self._handle is not None:
            fcntl.flock(self._handle.fileno(), fcntl.LOCK_UN)
            self._handle.close()
            self._handle = None

    def _open(self) -> IO[str]:
        try:
            self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            return self.path.open("a+", encoding="utf-8")
        except OSError as exc:
            raise LockUnavailable(
                f"cannot create the lock file {self.path} ({exc.strerror or exc}): set "
                "LOCK_DIR to a local directory this user can write"
            ) from None


@dataclass(frozen=True, slots=True)
class FileProbe:
    """A read-only look at a lock file: does it exist, is it held, whom does it name."""

    exists: bool
    held: bool | None  # None: could not be probed (no permission)
    records: tuple[LockFileRecord, ...] = ()  # the current (or last) holder first

    def current_is(self, instance_id: str) -> bool:
        return bool(self.records) and self.records[0].instance_id == instance_id

    def names(self, instance_id: str) -> bool:
        return any(record.instance_id == instance_id for record in self.records)


def probe_lock_file(path: Path) -> FileProbe:
    """Look without creating or writing anything: a shared, non-blocking ``flock`` on a
    read-only handle succeeds only when no process holds the file exclusively."""
    try:
        handle = path.open("r", encoding="utf-8")
    except FileNotFoundError:
        return FileProbe(exists=False, held=None)
    except OSError:
        return FileProbe(exists=True, held=None)
    with handle:
        records = LockFileRecord.parse_all(handle.read())
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            return FileProbe(exists=True, held=True, records=records)
        except OSError:
            return FileProbe(exists=True, held=None, records=records)
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
        return FileProbe(exists=True, held=False, records=records)


def pid_running(pid: int) -> bool:
    """Whether a process with this pid exists on this host (it may be another process that
    reused the pid: "running" proves nothing, "not running" proves the holder is gone)."""
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # exists, owned by another user
        return True
    except OSError as exc:
        return exc.errno != errno.ESRCH
    return True


# --- liveness of a holder (read-only) --------------------------------------------------------


class Liveness(StrEnum):
    LIVE = "live"  # heartbeat fresh (and, on this host, the process holds the lock file)
    STALE = "stale"  # heartbeat older than the TTL: crashed or hung, may be taken over
    DEAD = "dead"  # on this host and provably gone (lock file released, or no such pid)


@dataclass(frozen=True, slots=True)
class HolderView:
    holder: LockHolder
    liveness: Liveness
    evidence: str  # why: what the lock file, the pid or the heartbeat showed
    #: A run started now would take the lock over: the heartbeat is stale, or the lock file
    #: proves the holder gone. A pid that does not exist is not enough for a run (another
    #: pid namespace may share the host name), only for an operator's ``lock release``.
    takeover_now: bool = False

    def describe(self, now_ms: int) -> str:
        return f"{self.holder.describe(now_ms, self.liveness.value)}: {self.evidence}"


def assess_holder(
    holder: LockHolder,
    lock_file: Path | None,
    now_ms: int,
    *,
    host: str | None = None,
    is_running: Callable[[int], bool] = pid_running,
) -> HolderView:
    """Whether ``holder`` is live, stale or dead, never writing anything.

    On another host only the heartbeat can tell (the TTL rule). On this host the lock file
    and the pid are looked at too: a holder whose lock file is free (and names it), or whose
    pid does not exist, is dead whatever its heartbeat says.
    """
    ttl_s = holder.ttl_ms / 1000
    if holder.host != (host or this_host()):
        if holder.is_stale(now_ms):
            return HolderView(
                holder, Liveness.STALE, f"no heartbeat for more than {ttl_s:.0f}s", True
            )
        return HolderView(holder, Liveness.LIVE, "heartbeat fresh (on another host)")
    probe = probe_lock_file(lock_file) if lock_file is not None else FileProbe(False, None)
    holds_it = probe.held is True and probe.current_is(holder.instance_id)
    if probe.held is not None and not holds_it and probe.names(holder.instance_id):
        gone = "it released its lock file: the process is gone"
        return HolderView(holder, Liveness.DEAD, gone, True)
    stale = holder.is_stale(now_ms)
    if not is_running(holder.pid):
        gone = f"pid {holder.pid} is not running on this host"
        return HolderView(holder, Liveness.DEAD, gone, stale)
    if stale:
        return HolderView(holder, Liveness.STALE, f"no heartbeat for more than {ttl_s:.0f}s", True)
    if holds_it:
        return HolderView(holder, Liveness.LIVE, "running and holding its lock file")
    return HolderView(holder, Liveness.LIVE, f"pid {holder.pid} is running, heartbeat fresh")


# --- the lock --------------------------------------------------------------------------------


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
        account_key: str | None = None,
    ) -> None:
        self._engine = engine
        self._clock = clock_ms
        self.instance_id = instance_id or uuid.uuid4().hex
        self._pid = os.getpid() if pid is None else pid
        self._host = host or this_host()
        self._db_file = sqlite_file(engine) if file_lock else None
        self._file_locks = file_lock
        self._account_name = account_key  # ACCOUNT_KEY, written into the lock file
        self._file_lock: FileLock | None = None
        self._key: str | None = None

    @property
    def host(self) -> str:
        return self._host

    def identity(self, key: str) -> LockIdentity:
        """The default identity for a bare key: ``key`` in this database."""
        return database_account_identity(key, self._db_file)

    def acquire(self, target: str | LockIdentity, ttl_seconds: float) -> LockHolder:
        """Claim ``target``; raise :class:`LockConflict` if a live holder exists.

        A holder whose heartbeat is older than its TTL is taken over; so is a holder on this
        host whose lock file we now hold and which names it (the kernel released it when that
        process died). Both takeovers are logged at WARNING.
        """
        identity = self.identity(target) if isinstance(target, str) else target
        file_lock, previous = self._lock_file(identity)
        try:
            with self._engine.begin() as conn:
                holder = self._claim_row(conn, identity, int(ttl_seconds * 1000), previous)
        except BaseException:
            if file_lock is not None:
                file_lock.release()
            raise
        self._file_lock, self._key = file_lock, identity.key
        return holder

    def heartbeat(self) -> None:
        """Refresh our row; raise :class:`LockLost` if it was force-released or taken over."""
        key = self._require_held()
        with self._engine.begin() as conn:
            updated = conn.execute(
                process_locks.update().where(self._our_row(key)).values(heartbeat_ms=self._clock())
            )
        if updated.rowcount != 1:
            raise LockLost(
                f"lost the single-writer lock ({key}): it was force-released or taken over "
                "by another instance; this process stopped trading"
            )

    def holds(self, conn: Connection) -> bool:
        """Whether our row still holds the account, read in ``conn`` (the arming check reads
        it in its own transaction before every submit and cancel, so a force-release or a
        takeover blocks the very next order, not the one after the next heartbeat)."""
        if self._key is None:
            return False
        row = conn.execute(
            select(process_locks.c.instance_id).where(self._our_row(self._key))
        ).first()
        return row is not None

    def _our_row(self, key: str) -> ColumnElement[bool]:
        """The lock row of ``key`` as long as this instance holds it."""
        return and_(
            process_locks.c.account_key == key, process_locks.c.instance_id == self.instance_id
        )

    def release(self) -> None:
        """Give the account up (idempotent)."""
        if self._key is not None:
            with self._engine.begin() as conn:
                conn.execute(process_locks.delete().where(self._our_row(self._key)))
        if self._file_lock is not None:
            self._file_lock.release()
        self._file_lock, self._key = None, None

    def status(self, key: str) -> LockHolder | None:
        with self._engine.connect() as conn:
            return read_holder(conn, key)

    def force_release(self, key: str) -> LockHolder | None:
        """Operator action: delete whatever row holds ``key``; return it."""
        with self._engine.begin() as conn:
            holder = read_holder(conn, key)
            conn.execute(process_locks.delete().where(process_locks.c.account_key == key))
        return holder

    def _lock_file(
        self, identity: LockIdentity
    ) -> tuple[FileLock | None, tuple[LockFileRecord, ...]]:
        if identity.lock_file is None or not self._file_locks:
            return None, ()
        file_lock = FileLock(identity.lock_file)
        mine = LockFileRecord(
            pid=self._pid,
            instance_id=self.instance_id,
            host=self._host,
            account_key=self._account_name,
            since_ms=self._clock(),
        )
        previous = file_lock.acquire(mine, identity.label)
        return file_lock, previous

    def _claim_row(
        self,
        conn: Connection,
        identity: LockIdentity,
        ttl_ms: int,
        previous: tuple[LockFileRecord, ...],
    ) -> LockHolder:
        now = self._clock()
        holder = read_holder(conn, identity.key, for_update=True)
        if holder is not None and holder.instance_id != self.instance_id:
            self._take_over_or_refuse(holder, identity, now, previous)
        mine = LockHolder(identity.key, self.instance_id, self._pid, self._host, now, now, ttl_ms)
        values = _holder_values(mine)
        if holder is None:
            conn.execute(process_locks.insert().values(values))
        else:
            conn.execute(
                process_locks.update()
                .where(process_locks.c.account_key == identity.key)
                .values(values)
            )
        return mine

    def _take_over_or_refuse(
        self,
        holder: LockHolder,
        identity: LockIdentity,
        now: int,
        previous: tuple[LockFileRecord, ...],
    ) -> None:
        if holder.is_stale(now):
            why = f"its heartbeat is {holder.age_ms(now) / 1000:.1f}s old (TTL {holder.ttl_ms}ms)"
        elif self._provably_gone(holder, previous):
            why = "this process now holds its OS file lock, so the old process is gone"
        else:
            raise LockConflict(_conflict_message(holder, identity, now, self._host))
        log.warning(
            "lock_taken_over",
            lock=identity.key,
            old_instance=holder.instance_id,
            old_pid=holder.pid,
            old_host=holder.host,
            old_heartbeat_age_s=round(holder.age_ms(now) / 1000, 1),
            why=why,
        )

    def _provably_gone(self, holder: LockHolder, previous: tuple[LockFileRecord, ...]) -> bool:
        """We hold the lock file (only then is ``previous`` read), and the file names the
        row's holder among its holders: it released the file, which a live holder never does
        before deleting its row (or the kernel did: it died)."""
        return holder.host == self._host and any(
            record.instance_id == holder.instance_id for record in previous
        )

    def _require_held(self) -> str:
        if self._key is None:
            raise LockLost("this process holds no lock: acquire() first")
        return self._key


def _conflict_message(holder: LockHolder, identity: LockIdentity, now: int, host: str) -> str:
    head = (
        f"{identity.label} is held by {holder.describe(now, 'heartbeat fresh')}: only one "
        "writer may trade an exchange account."
    )
    ttl_s = holder.ttl_ms / 1000
    if holder.host != host:
        return (
            f"{head} Stop that bot; if its host is down, the lock may be taken over "
            f"{ttl_s:.0f}s after its last heartbeat (PROCESS_INSTANCE_TTL_SECONDS), or release "
            "it with `btcbot lock release --force` once you are sure it is gone"
        )
    running = pid_running(holder.pid)
    state = "is running" if running else "is not running"
    return (
        f"{head} Its pid {holder.pid} {state} on this host, but its lock file does not prove "
        f"it gone (another LOCK_DIR?). Stop that bot, or check with `btcbot lock status` and "
        f"release it with `btcbot lock release`; otherwise the lock is taken over {ttl_s:.0f}s "
        "after its last heartbeat"
    )


def read_holder(conn: Connection, key: str, *, for_update: bool = False) -> LockHolder | None:
    query = select(process_locks).where(process_locks.c.account_key == key)
    if for_update and conn.dialect.name != "sqlite":  # SQLite: BEGIN IMMEDIATE already locks
        query = query.with_for_update()
    row = conn.execute(query).first()
    return None if row is None else _to_holder(row)


def read_all_holders(engine: Engine) -> list[LockHolder]:
    """Every lock row of the database (for operators: several accounts may share one)."""
    with engine.connect() as conn:
        rows = conn.execute(select(process_locks).order_by(process_locks.c.account_key))
        return [_to_holder(row) for row in rows]


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
