"""Back up and restore a SQLite state database with SQLite's online backup API.

* :func:`backup` copies a database that a bot may be writing right now: the backup API reads
  one consistent snapshot (committed WAL content included, a cycle's transaction either in
  or out) without blocking the writer. The copy is written beside its destination under a
  temporary name, switched to a single self-contained file (rollback journal, no ``-wal``),
  verified (``PRAGMA integrity_check``, a schema revision this btcbot knows, the same revision
  and role as the source) and only then renamed into place. An existing file is never
  overwritten.
* :func:`restore` verifies the backup the same way, keeps the database it replaces as a
  timestamped copy beside it (itself made with the backup API and verified), then copies the
  backup into the database file through the backup API, so SQLite itself replaces every page
  and its WAL. The lock rows that came with the backup describe processes of the past and are
  removed; the next ``btcbot run`` takes the lock afresh. Callers check the single-writer lock
  and the role first (:mod:`btcbot.commands.db`).

PostgreSQL databases are backed up with ``pg_dump`` (docs/operations/backup.md).
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from alembic.config import Config
from alembic.script import ScriptDirectory

from btcbot.store.errors import StoreError
from btcbot.store.migrate import MIGRATIONS
from btcbot.store.role import ROLE_KEY

#: Tables whose rows are counted in reports (what an operator recognises).
COUNTED = ("orders", "fills", "cycles")


class BackupError(StoreError):
    """A backup or restore that could not be made or did not verify; nothing was replaced."""


class BackupRefused(BackupError):
    """The request itself is wrong (a file that exists, a missing directory or database)."""


@dataclass(frozen=True, slots=True)
class DatabaseFacts:
    """What a verified database file holds."""

    path: Path
    revision: str
    role: str | None
    rows: dict[str, int]
    size_bytes: int

    def describe(self) -> str:
        counts = ", ".join(f"{name} {count}" for name, count in self.rows.items())
        role = self.role or "not stamped"
        return (
            f"{self.path} ({self.size_bytes} bytes, schema {self.revision}, role {role}, "
            f"integrity ok; {counts})"
        )


@dataclass(frozen=True, slots=True)
class RestoreResult:
    restored: DatabaseFacts
    replaced: DatabaseFacts | None  # the kept copy of the database that was replaced
    locks_cleared: int


def known_revisions() -> frozenset[str]:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return frozenset(s.revision for s in ScriptDirectory.from_config(config).walk_revisions())


@contextlib.contextmanager
def _connect(path: Path, *, create: bool = False) -> Iterator[sqlite3.Connection]:
    """A plain sqlite3 connection that never creates a file unless asked to."""
    mode = "rwc" if create else "rw"
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode={mode}", uri=True)
    try:
        yield connection
    finally:
        connection.close()


def inspect_database(path: Path) -> DatabaseFacts:
    """Verify a database file: integrity, a known schema revision; read its role and counts.
    Raises :class:`BackupError` saying what is wrong."""
    try:
        with _connect(path) as conn:
            problems = [row[0] for row in conn.execute("PRAGMA integrity_check")]
            if problems != ["ok"]:
                raise BackupError(f"{path} fails PRAGMA integrity_check: {'; '.join(problems)}")
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
            if "alembic_version" not in tables:
                raise BackupError(f"{path} is not a btcbot state database (no schema version)")
            revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            role = None
            if "meta" in tables:
                found = conn.execute("SELECT value FROM meta WHERE key = ?", (ROLE_KEY,))
                role_row = found.fetchone()
                role = None if role_row is None else str(role_row[0])
            rows = {
                name: int(conn.execute(f"SELECT count(*) FROM {name}").fetchone()[0])
                for name in COUNTED  # fixed names, never input
                if name in tables
            }
    except sqlite3.DatabaseError as exc:
        raise BackupError(f"{path} cannot be read as a SQLite database: {exc}") from None
    if revision is None or revision[0] not in known_revisions():
        found_revision = None if revision is None else revision[0]
        raise BackupError(
            f"{path} has schema revision {found_revision!r}, which this btcbot does not know "
            "(written by a newer version?)"
        )
    return DatabaseFacts(path, str(revision[0]), role, rows, path.stat().st_size)


def _copy(source: Path, destination: Path) -> None:
    """Online backup of ``source`` into a new file ``destination`` (one self-contained file)."""
    with _connect(source) as src, _connect(destination, create=True) as dst:
        src.backup(dst)
        dst.execute("PRAGMA journal_mode=DELETE")  # no -wal beside a backup file
    _fsync(destination)


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _partial(out: Path) -> Path:
    return out.with_name(f".{out.name}.partial")


def _create_new(path: Path, what: str) -> None:
    """Create the empty file ``path`` (it must not exist); a directory this process cannot
    write in (read-only, not a directory, a special file system) is the request's fault."""
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except OSError as exc:
        raise BackupRefused(
            f"cannot write {what} in {path.parent} ({exc.strerror or exc}): choose a "
            "directory you can write to"
        ) from None


def _writable_directory(directory: Path, what: str) -> None:
    """Refuse a missing directory, or one where no file can be created."""
    if not directory.is_dir():
        raise BackupRefused(f"the directory {directory} does not exist")
    probe = directory / f".btcbot-write-probe-{os.getpid()}"
    _create_new(probe, what)
    probe.unlink()


def backup(source: Path, out: Path) -> DatabaseFacts:
    """Copy the live database ``source`` to the new file ``out`` and verify the copy."""
    if not source.is_file():
        raise BackupRefused(f"no state database at {source}")
    if out.exists():
        raise BackupRefused(f"{out} already exists: choose a new file name (nothing overwritten)")
    if not out.parent.is_dir():
        raise BackupRefused(f"the directory {out.parent} does not exist")
    try:
        original = inspect_database(source)
    except BackupError as exc:  # not a state database this btcbot can read: the wrong file
        raise BackupRefused(str(exc)) from None
    partial = _partial(out)
    partial.unlink(missing_ok=True)
    _create_new(partial, "the backup")
    try:
        _copy(source, partial)
        partial.chmod(0o600)
        copy = inspect_database(partial)
        if (copy.revision, copy.role) != (original.revision, original.role):
            raise BackupError(
                f"the copy has schema {copy.revision} and role {copy.role}, the database "
                f"{original.revision} and {original.role}: not written"
            )
        partial.rename(out)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return DatabaseFacts(out, copy.revision, copy.role, copy.rows, copy.size_bytes)


def _has_locks(conn: sqlite3.Connection) -> bool:
    query = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'process_locks'"
    return conn.execute(query).fetchone() is not None


def replaced_copy_path(target: Path, now: datetime) -> Path:
    stamp = now.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    return target.with_name(f"{target.name}.replaced-{stamp}")


def restore(backup_file: Path, target: Path, *, now: datetime) -> RestoreResult:
    """Replace the database ``target`` by ``backup_file``; keep ``target`` as a timestamped
    copy first. The caller has checked the lock and the roles."""
    restored_facts = inspect_database(backup_file)
    _writable_directory(target.parent, "the restored database and the copy of the one it replaces")
    replaced: DatabaseFacts | None = None
    if target.exists():
        kept = replaced_copy_path(target, now)
        if kept.exists():
            raise BackupError(f"{kept} already exists: try again in a second")
        _copy(target, kept)
        kept.chmod(0o600)
        replaced = inspect_database(kept)
    with _connect(backup_file) as src, _connect(target, create=True) as dst:
        src.backup(dst)
        cleared = dst.execute("DELETE FROM process_locks").rowcount if _has_locks(dst) else 0
        dst.commit()
    facts = inspect_database(target)
    if facts.revision != restored_facts.revision or facts.rows != restored_facts.rows:
        raise BackupError(
            f"{target} does not match {backup_file} after the restore; the replaced database "
            f"is kept as {replaced.path if replaced else 'nothing (there was none)'}"
        )
    return RestoreResult(facts, replaced, max(cleared, 0))
