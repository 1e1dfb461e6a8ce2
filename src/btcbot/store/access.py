"""Opening a state database without harming it.

Every command names its database by a setting (``STATE_DB_PATH``/``STATE_DB_URL`` or an option
such as ``--out``) and opens it in one of three ways:

* :func:`open_for_inspection` — read-only (``status``, ``orders``, ``doctor``, ``parity``, the
  ``... status`` commands): the database must already exist with btcbot's schema; it is never
  created, initialised, migrated or stamped, and a write through it fails;
* :func:`open_for_operator` — an existing live or dry-run database that an operator command
  changes (kill switch, freeze, degrade override, lock release, ledger rebase): vetted
  read-only first, then opened for writing;
* :func:`btcbot.store.open_store` — a run's own database: created when missing, vetted
  (another program's database, another role) *before* anything is written, then migrated.

What is at a SQLite path is read from its first bytes before SQLite touches it: nothing, an
empty file, a SQLite database, or something else (refused). Driver errors become
:class:`DatabaseUnusable` (bad input: fix the path or URL) or :class:`DatabaseUnreachable`
(the server did not answer), naming the setting and never echoing a URL (it may carry a
password).
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Collection, Iterable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path

from sqlalchemy import Engine, inspect
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, SQLAlchemyError

from btcbot.store.engine import make_engine, sqlite_path
from btcbot.store.errors import DatabaseRoleError, DatabaseUnreachable, DatabaseUnusable
from btcbot.store.migrate import check_schema, current_revision
from btcbot.store.role import DbRole, peek_role
from btcbot.store.schema import meta

SQLITE_MAGIC = b"SQLite format 3\x00"
#: The files SQLite keeps beside a database ``NAME`` (``NAME-wal`` ...): deleted or rewritten
#: by the next open of the database.
SQLITE_SIDECARS = ("-wal", "-shm", "-journal")
OPERATOR_ROLES = frozenset({DbRole.LIVE, DbRole.DRY_RUN})


class FileKind(StrEnum):
    MISSING = "missing"
    EMPTY = "empty"
    SQLITE = "sqlite"
    FOREIGN = "foreign"  # not a SQLite database: corrupted, or another kind of file


def describe(url: str, setting: str) -> str:
    """How messages name a database: the path for SQLite, never the URL itself."""
    path = sqlite_path(url)
    return f"{setting} {path}" if path is not None else f"{setting} (value hidden)"


def file_kind(path: Path, setting: str) -> FileKind:
    if not path.exists():
        return FileKind.MISSING
    if path.is_dir():
        raise DatabaseUnusable(f"{setting} {path} is a directory: name a database file")
    try:
        head = _first_bytes(path, len(SQLITE_MAGIC))
    except OSError as exc:
        raise DatabaseUnusable(f"{setting} {path}: cannot read it ({exc.strerror})") from None
    if not head:
        return FileKind.EMPTY
    return FileKind.SQLITE if head == SQLITE_MAGIC else FileKind.FOREIGN


def _first_bytes(path: Path, count: int) -> bytes:
    """The first ``count`` bytes of ``path``, read without closing a descriptor of a file this
    process has open in SQLite.

    POSIX record locks belong to a process and a file, not to a descriptor: closing any
    descriptor of the file drops every lock the process holds on it, SQLite's included
    (sqlite.org/howtocorrupt.html, 2.2). Another process then believes it is the database's
    last user and deletes its write-ahead log on closing, and this process's later commits go
    to the deleted file: lost. So when this process already has the file open (a connection
    of its own: the agent's store beside the API's reader), the bytes are read through that
    descriptor (``pread``: no offset moved, nothing closed); only a file it does not hold is
    opened and closed here."""
    held = _descriptor_of(path)
    if held is not None:
        try:
            return os.pread(held, count, 0)
        except OSError:
            pass  # closed meanwhile by another thread: the file is no longer held here
    with path.open("rb") as handle:
        return handle.read(count)


def _descriptor_of(path: Path) -> int | None:
    """A descriptor this process holds on ``path``'s file (None: none, or no ``/proc``)."""
    try:
        wanted = path.stat()
        names = os.listdir("/proc/self/fd")
    except OSError:
        return None
    for name in names:
        try:
            found = os.fstat(int(name))
        except OSError:
            continue  # the listing's own descriptor, closed by now
        if found.st_ino == wanted.st_ino and found.st_dev == wanted.st_dev:
            return int(name)
    return None


def not_a_database(path: Path, setting: str) -> DatabaseUnusable:
    return DatabaseUnusable(
        f"{setting} {path} is not a SQLite database (corrupted, or another kind of file): "
        f"nothing was written to it; restore it from a backup or point {setting} at your "
        "bot's database"
    )


def check_writable_location(path: Path, setting: str) -> FileKind:
    """A writer may create or open ``path``: its directory exists and is writable (SQLite also
    creates ``-wal``/``-shm`` files there) and an existing file is empty or SQLite."""
    kind = file_kind(path, setting)
    if kind is FileKind.FOREIGN:
        raise not_a_database(path, setting)
    directory = path.parent
    if not directory.is_dir():
        why = "does not exist" if not directory.exists() else "is not a directory"
        raise DatabaseUnusable(
            f"{setting} {path}: the directory {directory} {why}: create it, or point "
            f"{setting} at a file in an existing directory"
        )
    if not os.access(directory, os.W_OK | os.X_OK):
        raise DatabaseUnusable(
            f"{setting} {path}: the directory {directory} is not writable (SQLite keeps its "
            f"journal files beside the database): fix its permissions or point {setting} "
            "elsewhere"
        )
    if kind is not FileKind.MISSING and not os.access(path, os.R_OK | os.W_OK):
        raise DatabaseUnusable(
            f"{setting} {path} is read-only for this user: fix its permissions or point "
            f"{setting} elsewhere"
        )
    return kind


@contextmanager
def driver_errors(url: str, setting: str, secrets: Iterable[str] = ()) -> Iterator[None]:
    """Turn database driver errors into store errors that name the setting, not the URL."""
    where = describe(url, setting)
    hidden = [url, *secrets]
    try:
        yield
    except (ArgumentError, NoSuchModuleError) as exc:
        raise DatabaseUnusable(f"{where}: not a usable database URL ({_first_line(exc)})") from None
    except DBAPIError as exc:
        cause = _scrub(_first_line(exc.orig), hidden)
        if isinstance(exc.orig, sqlite3.Error):
            raise DatabaseUnusable(f"{where}: {cause}: {_sqlite_hint(cause, setting)}") from None
        if exc.connection_invalidated or _is_connect_failure(exc):
            raise DatabaseUnreachable(
                f"cannot reach the database of {where}: {cause}; check that the server runs "
                "and the host, port and credentials are right"
            ) from None
        raise DatabaseUnusable(f"{where}: {cause}") from None
    except SQLAlchemyError as exc:
        raise DatabaseUnusable(f"{where}: {_scrub(_first_line(exc), hidden)}") from None


def _either(setting: str) -> str:
    """``STATE_DB_PATH (or STATE_DB_URL)``, the other way round when the URL was set."""
    other = "STATE_DB_PATH" if setting == "STATE_DB_URL" else "STATE_DB_URL"
    return f"{setting} (or {other})"


def open_for_inspection(url: str, setting: str) -> Engine:
    """An existing state database, read-only, schema at head (else :class:`DatabaseUnusable`
    or :class:`~btcbot.store.errors.SchemaVersionError`). Dispose the engine when done."""
    where = describe(url, setting)
    path = sqlite_path(url)
    if path is not None:
        kind = file_kind(path, setting)
        if kind is FileKind.MISSING:
            raise DatabaseUnusable(
                f"no state database at {path}: set {_either(setting)} to the database your "
                "bot uses, or run the bot once"
            )
        if kind is FileKind.EMPTY:
            raise DatabaseUnusable(
                f"{where} is an empty file, not a btcbot state database: point {setting} at "
                "your bot's database (a run initialises a new one)"
            )
        if kind is FileKind.FOREIGN:
            raise not_a_database(path, setting)
    engine = make_engine(url, read_only=True)
    try:
        with driver_errors(url, setting):
            if current_revision(engine) is None:
                raise DatabaseUnusable(
                    f"{where} holds no btcbot state (no schema): point {setting} at your bot's "
                    "database"
                )
            check_schema(engine)
    except BaseException:
        engine.dispose()
        raise
    return engine


def open_for_operator(url: str, setting: str, roles: Collection[DbRole] = OPERATOR_ROLES) -> Engine:
    """An existing database of one of ``roles``, opened for writing after a read-only vet."""
    vetted = open_for_inspection(url, setting)
    try:
        with driver_errors(url, setting):
            role = peek_role(vetted)
    finally:
        vetted.dispose()
    if role not in roles:
        stamped = "no role" if role is None else f"role {role.value}"
        allowed = " or ".join(sorted(r.value for r in roles))
        raise DatabaseRoleError(
            f"{describe(url, setting)} has {stamped}; this command changes only {allowed} "
            f"databases: point {setting} at your bot's database"
        )
    return make_engine(url)


def require_ours(engine: Engine, url: str, setting: str) -> None:
    """Refuse a database that holds tables but not btcbot's (another program's data)."""
    with engine.connect() as connection:
        names = sorted(inspect(connection).get_table_names())
    if names and "alembic_version" not in names and meta.name not in names:
        shown = ", ".join(names[:5]) + (", ..." if len(names) > 5 else "")
        raise DatabaseUnusable(
            f"{describe(url, setting)} holds another program's tables ({shown}): btcbot does "
            f"not write into it; point {setting} at a new file"
        )


def _first_line(exc: BaseException | None) -> str:
    lines = str(exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__


def _scrub(text: str, secrets: Iterable[str]) -> str:
    for secret in secrets:
        if secret and len(secret) >= 4:
            text = text.replace(secret, "***")
    return text


def _sqlite_hint(cause: str, setting: str) -> str:
    lowered = cause.lower()
    if "malformed" in lowered or "not a database" in lowered:
        return (
            f"the file is corrupted or not a SQLite database: restore it from a backup or point "
            f"{setting} at another file"
        )
    if "readonly" in lowered or "read-only" in lowered:
        return (
            f"the file or its directory is read-only: fix permissions or point {setting} elsewhere"
        )
    if "unable to open" in lowered:
        return f"check that the directory exists and is writable, or point {setting} elsewhere"
    return f"check the file, or point {setting} at another database"


def _is_connect_failure(exc: DBAPIError) -> bool:
    return type(exc.orig).__name__ in {"OperationalError", "InterfaceError"}
