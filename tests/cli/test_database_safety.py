"""No command deletes, overwrites or writes into a database it does not own (issue 6 §1).

* inspection commands open the state database read-only: an empty file stays empty, a file
  that is not a database is left as it was, a live database is never changed by looking;
* operator commands change only live and dry-run databases, never a backtest's;
* a run refuses a database stamped with another role, or another program's, before writing;
* ``backtest --out X --overwrite`` replaces only a database a backtest wrote.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from btcbot.store import DbRole, OpState, open_store, unit_of_work
from tests.backtest.factories import write_wave
from tests.cli.runner import Result, cli, run_cli
from tests.helpers import free_port, isolate_settings

INSPECTION: tuple[tuple[str, ...], ...] = (
    ("status",),
    ("status", "--json"),
    ("orders", "--all"),
    ("doctor",),
    ("preflight",),
    ("lock", "status"),
    ("ledger", "status"),
    ("kill-switch", "status"),
    ("freeze", "status"),
    ("degrade", "status"),
)
OPERATOR: tuple[tuple[str, ...], ...] = (
    ("kill-switch", "on", "--reason", "test"),
    ("kill-switch", "off", "--yes"),
    ("freeze", "clear", "--yes"),
    ("degrade", "clear", "--yes"),
    ("degrade", "override", "--mode", "OBSERVE_ONLY", "--reason", "test"),
    ("lock", "release", "--yes", "--force"),
    ("ledger", "rebase", "--yes"),
)


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    isolate_settings(tmp_path, monkeypatch)


def fingerprint(path: Path) -> tuple[str, int]:
    return hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns


def stamped(path: Path, role: DbRole) -> Path:
    engine = open_store(f"sqlite:///{path}", role)
    with unit_of_work(engine) as conn:  # something an overwrite would lose
        OpState(conn).set_freeze("main", reason="order 42 unknown", now_ms=1)
    engine.dispose()
    return path


def run(*args: str, db: Path) -> Result:
    env = {
        "STATE_DB_PATH": str(db),
        "BTCTURK_BASE_URL": f"http://127.0.0.1:{free_port()}",
        "BTCTURK_REST_MAX_RETRIES": "0",
    }
    return cli(*args, env=env)


@pytest.mark.parametrize("args", INSPECTION + OPERATOR, ids=" ".join)
def test_an_empty_file_stays_empty(args: tuple[str, ...], tmp_path: Path) -> None:
    db = tmp_path / "state.db"
    db.touch()
    result = run(*args, db=db)
    assert result.code == 2, result.output
    assert "Traceback" not in result.output
    assert db.stat().st_size == 0, "SQLite initialised the empty file"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["state.db"]


@pytest.mark.parametrize("args", INSPECTION + OPERATOR, ids=" ".join)
def test_a_file_that_is_not_a_database_is_left_as_it_was(
    args: tuple[str, ...], tmp_path: Path
) -> None:
    db = tmp_path / "state.db"
    db.write_bytes(os.urandom(16_384))
    before = fingerprint(db)
    result = run(*args, db=db)
    assert result.code == 2, result.output
    assert "Traceback" not in result.output
    assert fingerprint(db) == before
    if args[0] not in ("doctor", "preflight"):
        assert "not a SQLite database" in result.stderr


@pytest.mark.parametrize("args", INSPECTION, ids=" ".join)
def test_inspecting_a_live_database_never_changes_it(args: tuple[str, ...], tmp_path: Path) -> None:
    db = stamped(tmp_path / "live.db", DbRole.LIVE)
    before = fingerprint(db)
    result = run(*args, db=db)
    assert "Traceback" not in result.output
    assert result.code in (0, 2), result.output  # doctor/preflight: the exchange is down
    assert fingerprint(db) == before


def test_an_inspection_connection_cannot_write(tmp_path: Path) -> None:
    from btcbot.store import open_for_inspection

    db = stamped(tmp_path / "live.db", DbRole.LIVE)
    engine = open_for_inspection(f"sqlite:///{db}", "STATE_DB_PATH")
    try:
        with pytest.raises(Exception, match="readonly"), unit_of_work(engine) as conn:
            OpState(conn).set_kill_switch("main", active=True, source="x", reason="x", now_ms=1)
    finally:
        engine.dispose()


@pytest.mark.parametrize("args", OPERATOR, ids=" ".join)
def test_operator_commands_never_change_a_backtest_database(
    args: tuple[str, ...], tmp_path: Path
) -> None:
    db = stamped(tmp_path / "replay.db", DbRole.REPLAY)
    before = fingerprint(db)
    result = run(*args, db=db)
    assert result.code == 2, result.output
    assert "has role replay; this command changes only dry_run or live databases" in result.stderr
    assert fingerprint(db) == before


@pytest.mark.parametrize("role", [DbRole.DRY_RUN, DbRole.LIVE])
def test_operator_commands_do_change_live_and_dry_run_databases(
    role: DbRole, tmp_path: Path
) -> None:
    db = stamped(tmp_path / "state.db", role)
    assert run("freeze", "clear", "--yes", db=db).code == 0
    assert "freeze: off" in run("freeze", "status", db=db).stdout


ARMED = {
    "DRY_RUN": "false",
    "KILL_SWITCH": "false",
    "SAFE_MODE": "false",
    "LIVE_TRADING": "true",
    "LIVE_TRADING_ACK": "I_UNDERSTAND",
    "BTCTURK_API_KEY": "public-key",
    "BTCTURK_API_SECRET": "c2VjcmV0",
}


@pytest.mark.parametrize(
    ("stamped_role", "run_role"),
    [
        (DbRole.REPLAY, DbRole.DRY_RUN),
        (DbRole.LIVE, DbRole.DRY_RUN),
        (DbRole.REPLAY, DbRole.LIVE),
        (DbRole.DRY_RUN, DbRole.LIVE),
    ],
)
def test_a_run_refuses_a_database_of_another_role_before_writing(
    stamped_role: DbRole, run_role: DbRole, tmp_path: Path
) -> None:
    db = stamped(tmp_path / "state.db", stamped_role)
    before = fingerprint(db)
    env = {
        "STATE_DB_PATH": str(db),
        "BTCTURK_BASE_URL": f"http://127.0.0.1:{free_port()}",
        **(ARMED if run_role is DbRole.LIVE else {}),
    }
    result = cli("run", env=env)
    assert result.code == 2, result.output
    assert (
        f"belongs to {stamped_role.value} runs and cannot be opened for a {run_role.value} run"
        in result.stderr
    )
    assert "nothing was written" in result.stderr
    assert fingerprint(db) == before


def test_a_run_never_writes_into_another_programs_database(tmp_path: Path) -> None:
    db = tmp_path / "photos.db"
    with sqlite3.connect(db) as connection:
        connection.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY)")
    connection.close()
    before = fingerprint(db)
    result = run("run", db=db)
    assert result.code == 2, result.output
    assert "another program's tables (photos)" in result.stderr
    assert fingerprint(db) == before
    with sqlite3.connect(db) as connection:  # still in its own journal mode: never touched
        assert connection.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    connection.close()


@pytest.mark.parametrize("role", [DbRole.LIVE, DbRole.DRY_RUN])
def test_backtest_overwrite_never_replaces_a_state_database(role: DbRole, tmp_path: Path) -> None:
    data = write_wave(tmp_path / "BTC_TRY.csv", 12)
    db = stamped(tmp_path / "LIVE.db", role)
    before = fingerprint(db)
    result = cli("backtest", "--data", str(data), "--out", str(db), "--overwrite")
    assert result.code == 2, result.output
    assert f"is a {role.value} state database" in result.stderr
    assert "nothing was changed" in result.stderr
    assert fingerprint(db) == before


def test_backtest_overwrite_never_replaces_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    data = write_wave(tmp_path / "BTC_TRY.csv", 12)
    notes = tmp_path / "notes.txt"
    notes.write_text("my notes")
    result = cli("backtest", "--data", str(data), "--out", str(notes), "--overwrite")
    assert result.code == 2, result.output
    assert notes.read_text() == "my notes"


NOBODY = ("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups")


@pytest.fixture
def shut_directory(tmp_path: Path) -> Iterator[Path]:
    """A directory holding a live database that the commands run by :func:`run_shut` can read
    but not create a file in (root ignores permission bits: they run as nobody then)."""
    if os.geteuid() == 0:
        if shutil.which("setpriv") is None:
            pytest.skip("root ignores permission bits, and setpriv is not here to drop them")
        directory = Path(tempfile.mkdtemp(prefix="btcbot-shut-"))  # /tmp: nobody can reach it
    else:
        directory = tmp_path / "shut"
        directory.mkdir()
    stamped(directory / "state.db", DbRole.LIVE).chmod(0o644)
    directory.chmod(0o555)
    yield directory
    directory.chmod(0o755)
    if os.geteuid() == 0:
        shutil.rmtree(directory)


def run_shut(*args: str, directory: Path) -> Result:
    env = {"STATE_DB_PATH": str(directory / "state.db"), "LOCK_DIR": str(directory / "locks")}
    wrapper = NOBODY if os.geteuid() == 0 else ()
    return run_cli(*args, cwd=directory, env=env, wrapper=wrapper)


READS = (("status",), ("orders", "--all"), ("kill-switch", "status"), ("lock", "status"))


@pytest.mark.parametrize("args", READS, ids=" ".join)
def test_inspection_reads_a_database_in_a_directory_it_cannot_write(
    args: tuple[str, ...], shut_directory: Path
) -> None:
    """A WAL database needs a -shm file beside it even to be read: with none there and no
    right to create one, the file (nothing waiting in a -wal) is read as it is."""
    db = shut_directory / "state.db"
    before = fingerprint(db)
    result = run_shut(*args, directory=shut_directory)
    assert result.code == 0, result.output
    assert "Traceback" not in result.output
    if args == ("status",):
        assert "freeze: ON" in result.stdout or "order 42 unknown" in result.stdout
    assert fingerprint(db) == before
    assert sorted(p.name for p in shut_directory.iterdir()) == ["state.db"]


def test_a_reader_that_cannot_write_the_directory_sees_a_running_writer_changes(
    shut_directory: Path,
) -> None:
    """While a writer has the database open (its -wal and -shm beside it), what it wrote and
    has not checkpointed is read too: no stale immutable look."""
    db = shut_directory / "state.db"
    shut_directory.chmod(0o755)
    writer = sqlite3.connect(db, isolation_level=None)
    try:
        writer.execute("PRAGMA journal_mode=WAL")
        writer.execute("PRAGMA wal_autocheckpoint=0")
        writer.execute("UPDATE op_state SET freeze_reason = 'order 43 unknown'")
        for side in ("-wal", "-shm"):
            Path(f"{db}{side}").chmod(0o644)
        shut_directory.chmod(0o555)
        result = run_shut("status", directory=shut_directory)
    finally:
        writer.close()
    assert result.code == 0, result.output
    assert "order 43 unknown" in result.stdout


@pytest.mark.parametrize(
    "reason",
    ["\udced\udca0\udc80 bytes that are not UTF-8", "caf\udce9", "two\nlines", "nul\x00byte"],
    ids=["surrogates", "latin-1", "newline", "nul"],
)
@pytest.mark.parametrize(
    "args",
    [("kill-switch", "on"), ("entries", "stop"), ("degrade", "override", "--mode", "OBSERVE_ONLY")],
    ids=" ".join,
)
def test_a_reason_that_is_not_one_line_of_text_is_refused(
    args: tuple[str, ...], reason: str, tmp_path: Path
) -> None:
    """Bytes that are not UTF-8 on the command line (a Latin-1 terminal) were a traceback
    from SQLite; control characters garbled status and the logs."""
    db = stamped(tmp_path / "state.db", DbRole.LIVE)
    before = fingerprint(db)
    result = run(*args, "--reason", reason, db=db)
    assert result.code == 2, result.output
    assert "Traceback" not in result.output
    [line] = result.stderr.strip().splitlines()
    assert line == (
        "error: reason: one line of plain text (it holds a control character or bytes that "
        "are not UTF-8)"
    )
    assert fingerprint(db)[0] == before[0]
