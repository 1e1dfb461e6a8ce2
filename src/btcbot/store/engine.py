"""Engines: SQLite file by default (WAL, busy timeout, foreign keys), PostgreSQL by URL.

SQLite runs with SQLAlchemy in charge of transactions and every transaction opened with
``BEGIN IMMEDIATE``: the write lock is taken up front, so two writers queue on
``busy_timeout`` instead of failing with "database is locked" when a read upgrades to a write,
and DDL in migrations is transactional.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url

BUSY_TIMEOUT_MS = 5_000


def sqlite_url(path: str | Path) -> str:
    return f"sqlite+pysqlite:///{Path(path)}"


def database_url(db_path: str | Path, db_url: str | None = None) -> str:
    """``STATE_DB_URL`` wins when set; otherwise a SQLite file at ``STATE_DB_PATH``."""
    return db_url if db_url else sqlite_url(db_path)


def make_engine(url: str, *, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> Engine:
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
