"""``btcbot db backup`` / ``btcbot db restore`` on state databases written by real armed runs
against the emulator (in-process through the CLI app; a real bot process where a running bot
is the point)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from btcbot.cli import app
from btcbot.emulator import Emulator
from tests.cli.rig import armed_env, emulator_env, invoke, isolate, paper_env, threaded_emulator
from tests.cli.runner import Result
from tests.cli.test_single_writer import bot_env, running_bot

Dump = dict[str, list[tuple[Any, ...]]]


@pytest.fixture
def emu() -> Iterator[Emulator]:
    with threaded_emulator() as emulator:
        yield emulator


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    isolate(monkeypatch, tmp_path)


def live_env(emu: Emulator, db: Path) -> dict[str, str]:
    # Entries at the ask fill at once; no cooldown, so every run trades again.
    return {**emulator_env(emu), **armed_env(db), "COOLDOWN_SECONDS": "0"}


def cli(env: dict[str, str], *args: str) -> Result:
    return invoke(app, list(args), env)


def trade(emu: Emulator, db: Path, cycles: int = 2) -> None:
    args = ("run", "--stage", "3", "--cycles", str(cycles), "--cycle-seconds", "0")
    result = cli(live_env(emu, db), *args)
    assert result.code == 0, result.output


def dump(db: Path) -> Dump:
    """Every row of every table except the process locks (they describe processes)."""
    with sqlite3.connect(db) as conn:
        names = [
            row[0]
            for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            if not row[0].startswith("sqlite_") and row[0] != "process_locks"
        ]
        return {
            name: sorted(conn.execute(f"SELECT * FROM {name}").fetchall(), key=repr)
            for name in names
        }


def count(db: Path, table: str) -> int:
    with sqlite3.connect(db) as conn:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def test_backup_mutate_restore_gives_back_the_backed_up_state(
    emu: Emulator, tmp_path: Path
) -> None:
    db = tmp_path / "state.db"
    env = {"STATE_DB_PATH": str(db)}
    trade(emu, db)
    assert count(db, "orders") > 0 and count(db, "fills") > 0
    saved = dump(db)

    backup = tmp_path / "backups" / "state-1.db"
    backup.parent.mkdir()
    made = cli(env, "db", "backup", "--out", str(backup))
    assert made.code == 0, made.output
    assert "backup written and verified" in made.stdout and "integrity ok" in made.stdout
    assert f"orders {count(db, 'orders')}, fills {count(db, 'fills')}" in made.stdout
    assert dump(backup) == saved
    assert not list(backup.parent.glob("*.partial")) and not Path(f"{backup}-wal").exists()

    # Mutate: more cycles (holding now: no new entries), and an operator's kill switch.
    trade(emu, db)
    switched = cli(env, "kill-switch", "on", "--reason", "before restore")
    assert switched.code == 0, switched.output
    mutated = dump(db)
    assert count(db, "cycles") > len(saved["cycles"]) and mutated != saved

    restored = cli(env, "db", "restore", str(backup), "--yes")
    assert restored.code == 0, restored.output
    assert dump(db) == saved
    (kept,) = tmp_path.glob("state.db.replaced-*")
    assert dump(kept) == mutated  # nothing lost: the replaced state is kept
    assert f"kept the replaced database as {kept}" in restored.stdout
    status = cli(env, "status")
    assert status.code == 0, status.output
    # The restored database trades on: the bot starts on it and reconciles.
    trade(emu, db, cycles=1)


def test_backups_taken_while_a_bot_trades_are_consistent(emu: Emulator, tmp_path: Path) -> None:
    db = tmp_path / "state.db"
    env = {"STATE_DB_PATH": str(db)}
    copies = []
    with running_bot(bot_env(emu, tmp_path, "state.db", "main"), tmp_path):
        for n in range(3):
            out = tmp_path / f"during-{n}.db"
            made = cli(env, "db", "backup", "--out", str(out))
            assert made.code == 0, made.output
            copies.append(out)
        refused = cli(env, "db", "restore", str(copies[0]), "--yes")
    # Every copy passed integrity_check in the command; each is a snapshot that only grows.
    cycles = [count(copy, "cycles") for copy in copies]
    assert cycles == sorted(cycles) and cycles[0] >= 1
    assert refused.code == 2, refused.output
    assert "holds a lock" in refused.stderr and "stop that bot first" in refused.stderr
    assert not list(tmp_path.glob("state.db.replaced-*"))


def test_restore_refuses_a_database_of_another_role_without_the_flag(
    emu: Emulator, tmp_path: Path
) -> None:
    live_db, paper_db = tmp_path / "live.db", tmp_path / "paper.db"
    trade(emu, live_db, cycles=1)
    paper = cli({**emulator_env(emu), **paper_env(paper_db)}, "run", "--stage", "3")
    assert paper.code == 0, paper.output
    backup = tmp_path / "paper-backup.db"
    assert cli({"STATE_DB_PATH": str(paper_db)}, "db", "backup", "--out", str(backup)).code == 0
    env = {"STATE_DB_PATH": str(live_db)}
    before = dump(live_db)

    refused = cli(env, "db", "restore", str(backup), "--yes")
    assert refused.code == 2, refused.output
    assert "is a live database and the backup is dry_run" in refused.stderr
    assert dump(live_db) == before and not list(tmp_path.glob("live.db.replaced-*"))

    allowed = cli(env, "db", "restore", str(backup), "--yes", "--allow-other-role")
    assert allowed.code == 0, allowed.output
    assert dump(live_db) == dump(paper_db)
    (kept,) = tmp_path.glob("live.db.replaced-*")
    assert dump(kept) == before


def test_restore_into_a_missing_database_creates_it(emu: Emulator, tmp_path: Path) -> None:
    db = tmp_path / "state.db"
    trade(emu, db, cycles=1)
    backup = tmp_path / "b.db"
    assert cli({"STATE_DB_PATH": str(db)}, "db", "backup", "--out", str(backup)).code == 0
    fresh = tmp_path / "new" / "state.db"
    fresh.parent.mkdir()
    result = cli({"STATE_DB_PATH": str(fresh)}, "db", "restore", str(backup), "--yes")
    assert result.code == 0, result.output
    assert dump(fresh) == dump(db) and "kept the replaced" not in result.stdout


def test_bad_requests_exit_2_and_touch_nothing(emu: Emulator, tmp_path: Path) -> None:
    db = tmp_path / "state.db"
    trade(emu, db, cycles=1)
    env = {"STATE_DB_PATH": str(db)}
    existing = tmp_path / "taken.db"
    existing.write_text("keep me")
    before = dump(db)

    overwrite = cli(env, "db", "backup", "--out", str(existing))
    assert overwrite.code == 2 and "already exists" in overwrite.stderr
    assert existing.read_text() == "keep me"
    no_dir = cli(env, "db", "backup", "--out", str(tmp_path / "nope" / "b.db"))
    assert no_dir.code == 2 and "does not exist" in no_dir.stderr
    no_db = cli({"STATE_DB_PATH": str(tmp_path / "none.db")}, "db", "backup", "--out", "x.db")
    assert no_db.code == 2 and "no state database" in no_db.stderr
    foreign = cli({"STATE_DB_PATH": str(existing)}, "db", "backup", "--out", str(tmp_path / "f.db"))
    assert foreign.code == 2 and "cannot be read as a SQLite database" in foreign.stderr
    assert not (tmp_path / "f.db").exists()
    not_a_backup = cli(env, "db", "restore", str(existing), "--yes")
    assert not_a_backup.code == 2 and "not restoring" in not_a_backup.stderr
    missing = cli(env, "db", "restore", str(tmp_path / "gone.db"), "--yes")
    assert missing.code == 2 and "no backup file" in missing.stderr
    for result in (overwrite, no_dir, no_db, foreign, not_a_backup, missing):
        assert "Traceback" not in result.output
        assert result.stderr.count("error: ") == 1
    assert dump(db) == before and not list(tmp_path.glob("state.db.replaced-*"))


def test_an_unreadable_database_is_not_replaced(emu: Emulator, tmp_path: Path) -> None:
    db = tmp_path / "state.db"
    trade(emu, db, cycles=1)
    backup = tmp_path / "b.db"
    assert cli({"STATE_DB_PATH": str(db)}, "db", "backup", "--out", str(backup)).code == 0
    broken = tmp_path / "broken.db"
    broken.write_bytes(b"this is not a database" * 100)
    result = cli({"STATE_DB_PATH": str(broken)}, "db", "restore", str(backup), "--yes")
    assert result.code == 2, result.output  # bad input: the operator moves the file aside
    assert "move the file aside" in result.stderr
    assert result.stderr.count("error: ") == 1 and "Traceback" not in result.output
    assert broken.read_bytes() == b"this is not a database" * 100


def test_postgresql_is_pointed_at_pg_dump(tmp_path: Path) -> None:
    env = {"STATE_DB_URL": "postgresql+psycopg://bot:s3cret-pw@127.0.0.1:5432/btcbot"}
    for args in (["db", "backup", "--out", "x.dump"], ["db", "restore", "x.dump", "--yes"]):
        result = cli(env, *args)
        assert result.code == 2, result.output
        assert "pg_dump --format=custom" in result.stderr and "pg_restore" in result.stderr
        assert "s3cret-pw" not in result.output


@pytest.mark.parametrize("suffix", ["-wal", "-shm", "-journal", ".main.lock", ".api-x.lock"])
def test_a_backup_onto_a_file_sqlite_or_the_lock_keeps_beside_the_database_is_refused(
    emu: Emulator, tmp_path: Path, suffix: str
) -> None:
    # The next open of the database deletes or rewrites these files, and a backup with them.
    db = tmp_path / "state.db"
    trade(emu, db, cycles=1)
    before = dump(db)
    out = tmp_path / f"state.db{suffix}"
    out.unlink(missing_ok=True)
    result = cli({"STATE_DB_PATH": str(db)}, "db", "backup", "--out", str(out))
    assert result.code == 2, result.output
    assert f"--out {out} is" in result.stderr and "another name" in result.stderr
    assert result.stderr.count("error: ") == 1 and "Traceback" not in result.output
    assert not out.exists() and "written" not in result.stdout
    assert dump(db) == before
    # the same file name beside another database is an ordinary backup target
    elsewhere = tmp_path / "other"
    elsewhere.mkdir()
    fine = cli({"STATE_DB_PATH": str(db)}, "db", "backup", "--out", str(elsewhere / out.name))
    assert fine.code == 0, fine.output


def test_a_backup_or_restore_into_a_directory_that_cannot_be_written_is_bad_input(
    emu: Emulator, tmp_path: Path
) -> None:
    # /proc refuses new files even to root (a read-only directory does not stop root).
    db = tmp_path / "state.db"
    trade(emu, db, cycles=1)
    unwritable = Path("/proc")
    made = cli({"STATE_DB_PATH": str(db)}, "db", "backup", "--out", str(unwritable / "b.db"))
    assert made.code == 2, made.output
    assert "cannot write the backup in /proc" in made.stderr
    backup = tmp_path / "b.db"
    assert cli({"STATE_DB_PATH": str(db)}, "db", "backup", "--out", str(backup)).code == 0
    for target in (unwritable / "state.db", tmp_path / "missing" / "state.db"):
        restored = cli({"STATE_DB_PATH": str(target)}, "db", "restore", str(backup), "--yes")
        assert restored.code == 2, restored.output
        assert "not restoring" in restored.stderr and str(target.parent) in restored.stderr
    for result in (made, restored):
        assert result.stderr.count("error: ") == 1 and "Traceback" not in result.output
    assert not (tmp_path / "missing").exists()
