"""Engines: SQLite file by default (WAL, busy timeout, foreign keys), PostgreSQL by URL.

SQLite runs with SQLAlchemy in charge of transactions and every transaction opened with
``BEGIN IMMEDIATE``: the write lock is taken up front, so two writers queue on
``busy_timeout`` instead of failing with "database is locked" when a read upgrades to a write,
and DDL in migrations is transactional.

A *read-only* engine (``make_engine(url, read_only=True)``) is what inspection commands use:
SQLite opens the file with ``mode=ro`` (it cannot create, initialise or change it; the journal
mode is left as it is), PostgreSQL sessions start with ``default_transaction_read_only``. A
write through it fails instead of landing.

A WAL database needs its ``-shm`` file even to be read, and SQLite creates it beside the file.
Where that directory is not writable (another user's directory, a read-only mount) and no
``-wal`` or ``-journal`` is there (nothing was left un-checkpointed, no writer has it open), the
file is whole and is opened ``immutable``; each use opens a new connection that decides again,
so a writer that starts later is read through its ``-wal`` instead.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

BUSY_TIMEOUT_MS = 5_000


def sqlite_url(path: str | Path) -> str:
    return f"sqlite+pysqlite:///{Path(path)}"


def database_url(db_path: str | Path, db_url: str | None = None) -> str:
    """``STATE_DB_URL`` wins when set; otherwise a SQLite file at ``STATE_DB_PATH``."""
    return db_url if db_url else sqlite_url(db_path)


def sqlite_path(url: str) -> Path | None:
    """The file of a file-based SQLite URL (None for PostgreSQL or an in-memory database)."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(str(parsed.database))


def make_engine(
    url: str, *, busy_timeout_ms: int = BUSY_TIMEOUT_MS, read_only: bool = False
) -> Engine:
    path = sqlite_path(url)
    if read_only and path is not None:
        return _read_only_sqlite(path, busy_timeout_ms)
    if read_only:
        options = "-c default_transaction_read_only=on"
        return create_engine(url, connect_args={"options": options})
    engine = create_engine(url)
    if engine.dialect.name == "sqlite":
        _configure_sqlite(engine, busy_timeout_ms)
    return engine


def sqlite_file(engine: Engine) -> Path | None:
    """The database file of a file-based SQLite engine (None for PostgreSQL or memory)."""
    url = make_url(str(engine.url))
    if engine.dialect.name != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    return Path(str(url.database)).resolve()


def _read_only_sqlite(path: Path, busy_timeout_ms: int) -> Engine:
    resolved = path.resolve()

    def connect() -> sqlite3.Connection:
        connection = sqlite3.connect(read_only_uri(resolved), uri=True, check_same_thread=False)
        connection.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
        connection.execute("PRAGMA query_only=ON")  # belt and braces over mode=ro
        return connection

    if _directory_writable(resolved):
        return create_engine("sqlite+pysqlite://", creator=connect)
    # every use decides again between immutable and a plain read-only open (see above)
    return create_engine("sqlite+pysqlite://", creator=connect, poolclass=NullPool)


def read_only_uri(path: Path) -> str:
    """The URI a read-only connection to ``path`` opens: ``mode=ro``, and ``immutable`` where
    SQLite could not create the ``-shm`` it needs and nothing waits in a ``-wal``/``-journal``."""
    uri = f"{path.as_uri()}?mode=ro"
    if _directory_writable(path) or any(
        Path(f"{path}{suffix}").exists() for suffix in ("-wal", "-journal")
    ):
        return uri
    return f"{uri}&immutable=1"


def _directory_writable(path: Path) -> bool:
    return os.access(path.parent, os.W_OK | os.X_OK)


def _configure_sqlite(engine: Engine, busy_timeout_ms: int) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # SQLAlchemy emits BEGIN itself (below)
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA synchronous=NORMAL")  # WAL: durable at checkpoints, safe
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")


@contextmanager
def unit_of_work(engine: Engine) -> Iterator[Connection]:
    """One transaction (one per cycle): commit on success, roll back on any error.

    Every repository takes the yielded connection, so a cycle's orders, fills, decisions and
    state land together or not at all.
    """
    with engine.begin() as connection:
        yield connection
