"""Opening a state database without harming it, on SQLite and a real PostgreSQL."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import Connection, Engine
from sqlalchemy.exc import DBAPIError

from btcbot.store import (
    DatabaseRoleError,
    DatabaseUnreachable,
    DatabaseUnusable,
    DbRole,
    OpState,
    open_for_inspection,
    open_for_operator,
    open_store,
    peek_role,
    sqlite_url,
    unit_of_work,
)


def test_an_inspection_engine_reads_but_cannot_write(engine: Engine, database_url: str) -> None:
    with unit_of_work(engine) as conn:
        OpState(conn).set_freeze("main", reason="order 7 unknown", now_ms=1)
    inspecting = open_for_inspection(database_url, "STATE_DB_URL")
    try:
        with inspecting.connect() as conn:
            assert OpState(conn).get("main").freeze_reason == "order 7 unknown"
        with pytest.raises(DBAPIError, match=r"(?i)read.?only"), unit_of_work(inspecting) as conn:
            OpState(conn).clear_freeze("main", now_ms=2)
    finally:
        inspecting.dispose()
    with engine.connect() as conn:
        assert OpState(conn).get("main").freeze_active


def test_operator_commands_open_only_live_or_dry_run_databases(
    engine: Engine, database_url: str
) -> None:
    open_for_operator(database_url, "STATE_DB_URL").dispose()  # a dry-run database: fine
    with pytest.raises(DatabaseRoleError, match="changes only live databases"):
        open_for_operator(database_url, "STATE_DB_URL", roles={DbRole.LIVE})


def test_an_unreachable_server_is_a_runtime_failure_that_hides_the_password() -> None:
    url = "postgresql+psycopg://bot:hunter2-secret@127.0.0.1:1/btcbot"
    with pytest.raises(DatabaseUnreachable) as info:
        open_store(url, DbRole.DRY_RUN)
    assert "cannot reach the database of STATE_DB_URL (value hidden)" in str(info.value)
    assert "hunter2-secret" not in str(info.value)


def test_a_run_vets_an_existing_sqlite_file_read_only_first(tmp_path: Path) -> None:
    foreign = tmp_path / "other.db"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE notes (text TEXT)")
    conn.close()
    with pytest.raises(DatabaseUnusable, match=r"another program's tables \(notes\)"):
        open_store(sqlite_url(foreign), DbRole.DRY_RUN)
    with sqlite3.connect(foreign) as conn:  # not switched to WAL, no btcbot table added
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("delete",)
        names = [row[0] for row in conn.execute("SELECT name FROM sqlite_master")]
    conn.close()
    assert names == ["notes"]


def test_an_empty_file_becomes_a_new_database_for_a_run(tmp_path: Path) -> None:
    empty = tmp_path / "state.db"
    empty.touch()
    with pytest.raises(DatabaseUnusable, match="empty file"):
        open_for_inspection(sqlite_url(empty), "STATE_DB_PATH")
    assert empty.stat().st_size == 0
    engine = open_store(sqlite_url(empty), DbRole.DRY_RUN)
    assert peek_role(engine) is DbRole.DRY_RUN
    engine.dispose()


def test_opening_a_database_this_process_already_writes_keeps_its_commits(
    tmp_path: Path,
) -> None:
    """The agent's store is open when its API (or ``serve``'s writer beside its reader) vets
    the same file. Reading its first bytes through a descriptor of our own and closing it
    dropped SQLite's locks: another program's read then deleted the write-ahead log, and every
    later commit of this process went to the deleted file (a kill switch answered "done" and
    was lost)."""
    path = tmp_path / "state.db"
    url = sqlite_url(path)
    writer = open_store(url, DbRole.DRY_RUN)
    try:
        with unit_of_work(writer) as conn:
            _kill_switch(conn, "first", now_ms=1)
        open_for_inspection(url, "STATE_DB_PATH").dispose()
        open_for_operator(url, "STATE_DB_PATH").dispose()
        outside = [sys.executable, "-c", _OUTSIDE_READ, str(path)]
        assert subprocess.run(outside, capture_output=True, text=True, check=True).stdout == (
            "first\n"
        )
        assert Path(f"{path}-wal").exists()  # the other program did not take it for the last
        with unit_of_work(writer) as conn:
            _kill_switch(conn, "second", now_ms=2)
        seen = subprocess.run(outside, capture_output=True, text=True, check=True).stdout
    finally:
        writer.dispose()
    assert seen == "second\n"


def _kill_switch(conn: Connection, reason: str, *, now_ms: int) -> None:
    OpState(conn).set_kill_switch(
        "main", active=True, source="operator", reason=reason, now_ms=now_ms
    )


# another program (sqlite3, a backup, the bot restarting) opening the database and closing it
_OUTSIDE_READ = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1])
print(conn.execute("SELECT kill_switch_reason FROM op_state").fetchone()[0])
conn.close()
"""
