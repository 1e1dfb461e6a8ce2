"""``btcbot db backup`` and ``btcbot db restore``: the SQLite state database, safely.

A backup is taken with SQLite's online backup API, so it is consistent while the bot runs, and
verified before it is kept (:mod:`btcbot.store.backup`). A restore refuses while a bot holds a
lock in the database (live, or stale and perhaps only hung), refuses to replace a database
stamped with another role (live, dry_run, replay) unless ``--allow-other-role``, and keeps the
database it replaces as a timestamped copy beside it. With ``STATE_DB_URL`` pointing at
PostgreSQL both commands refuse and say how to use ``pg_dump`` / ``pg_restore`` instead.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Final

import typer
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from btcbot.commands.common import EXIT_RUNTIME, EnvFile, Yes, fail, load_common, now_ms
from btcbot.config import CommonSettings
from btcbot.runtime.writer_lock import lock_dir
from btcbot.store import (
    HolderView,
    Liveness,
    LockHolder,
    assess_holder,
    database_account_identity,
    make_engine,
    sqlite_url,
)
from btcbot.store.access import SQLITE_SIDECARS
from btcbot.store.backup import (
    BackupError,
    BackupRefused,
    DatabaseFacts,
    backup,
    inspect_database,
    restore,
)
from btcbot.store.locks import read_all_holders
from btcbot.store.role import peek_role

POSTGRES: Final = (
    "STATE_DB_URL points at a PostgreSQL database, which btcbot does not copy itself: back it "
    "up with `pg_dump --format=custom --file=btcbot.dump postgresql://USER@HOST/DB` and "
    "restore it with `pg_restore --clean --if-exists --dbname=postgresql://USER@HOST/DB "
    "btcbot.dump` (the URL is STATE_DB_URL without '+psycopg'; stop the bot before a "
    "restore), see docs/operations/backup.md"
)

db_app = typer.Typer(help="Back up and restore the state database (SQLite).", no_args_is_help=True)


def sqlite_database(common: CommonSettings) -> Path:
    """The SQLite file the bot uses; PostgreSQL is refused with the pg_dump recipe."""
    if common.state_db_url is None:
        return Path(common.state_db_path)
    try:
        url = make_url(common.state_db_url.get_secret_value())
    except ArgumentError:
        fail("STATE_DB_URL is not a database URL (e.g. postgresql+psycopg://user@host/db)")
    if url.get_backend_name() != "sqlite":
        fail(POSTGRES)
    if url.database in (None, "", ":memory:"):
        fail("STATE_DB_URL names an in-memory SQLite database: there is nothing to copy")
    return Path(str(url.database))


@db_app.command("backup")
def db_backup(
    out: Annotated[
        Path,
        typer.Option("--out", help="The backup file to write (must not exist yet)."),
    ],
    env_file: EnvFile = None,
) -> None:
    """Copy the state database to FILE while the bot may run (SQLite online backup), then
    verify the copy: integrity check, schema version, role."""
    source = sqlite_database(load_common(env_file))
    refuse_sidecar(source, out)
    try:
        facts = backup(source, out)
    except BackupRefused as exc:
        fail(str(exc))
    except (BackupError, OSError) as exc:
        fail(f"backup of {source} failed, nothing written to {out}: {exc}", EXIT_RUNTIME)
    typer.echo(f"backup written and verified: {facts.describe()}")


@db_app.command("restore")
def db_restore(
    backup_file: Annotated[
        Path, typer.Argument(help="A file written by `btcbot db backup`.", show_default=False)
    ],
    allow_other_role: Annotated[
        bool,
        typer.Option(
            "--allow-other-role",
            help="Replace a database stamped with another role (live, dry_run, replay).",
        ),
    ] = False,
    yes: Yes = False,
    env_file: EnvFile = None,
) -> None:
    """Replace the state database by BACKUP_FILE. Refused while a bot holds its lock; the
    replaced database is kept beside it as <name>.replaced-<UTC time>."""
    common = load_common(env_file)
    target = sqlite_database(common)
    if not backup_file.is_file():
        fail(f"no backup file at {backup_file}")
    try:
        wanted = inspect_database(backup_file)
    except BackupError as exc:
        fail(f"not restoring: {exc}")
    if target.exists():
        refuse_unless_replaceable(common, target, wanted, allow_other_role=allow_other_role)
    if not yes:
        typer.confirm(f"Replace {target} by {backup_file}?", abort=True)
    try:
        result = restore(backup_file, target, now=datetime.now(UTC))
    except BackupRefused as exc:
        fail(f"not restoring: {exc}")
    except (BackupError, OSError) as exc:
        fail(f"restore failed: {exc}", EXIT_RUNTIME)
    if result.replaced is not None:
        typer.echo(f"kept the replaced database as {result.replaced.describe()}")
    typer.echo(f"restored: {result.restored.describe()}")
    if result.locks_cleared:
        typer.echo(f"removed {result.locks_cleared} lock row(s) of processes that held it then")
    typer.echo(
        "next: `btcbot status`, then start the bot; it reconciles with the exchange at "
        "start-up, and orders or fills made after the backup was taken show up as activity "
        "it does not know (freeze and ledger check: see docs/operations/backup.md)"
    )


def sidecar_of(database: Path, path: Path) -> str | None:
    """What ``path`` is to ``database`` when SQLite or btcbot keeps it beside the database
    (its write-ahead log, shared memory, rollback journal or a lock file), else None."""
    database = database.resolve()
    path = path.parent.resolve() / path.name
    if path.parent != database.parent or not path.name.startswith(database.name):
        return None
    suffix = path.name[len(database.name) :]
    if suffix in SQLITE_SIDECARS:
        return f"the SQLite {suffix} file"
    if suffix.startswith(".") and suffix.endswith(".lock"):
        return "a lock file"
    return None


def refuse_sidecar(source: Path, out: Path) -> None:
    """Exit 2 when ``out`` is a file kept beside the state database: the next open of the
    database would delete or overwrite the backup."""
    what = sidecar_of(source, out)
    if what is not None:
        fail(
            f"--out {out} is {what} of the state database {source}: SQLite or btcbot deletes "
            "or rewrites it, and the backup with it; write the backup to another name, e.g. "
            f"{source.with_name(source.stem + '-backup.db')}"
        )


def refuse_unless_replaceable(
    common: CommonSettings, target: Path, wanted: DatabaseFacts, *, allow_other_role: bool
) -> None:
    """Exit 2 while a bot may be using ``target``, if its role differs from the backup's
    (unless allowed), or if it cannot be read at all (then nobody can tell whether a bot
    uses it: the operator moves it aside)."""
    engine = make_engine(sqlite_url(target))
    try:
        holders = read_all_holders(engine)
        role = peek_role(engine)
    except (SQLAlchemyError, ValueError) as exc:
        fail(
            f"the database at {target} cannot be read ({type(exc).__name__}), so whether a bot "
            "uses it cannot be checked: stop every bot, move the file aside (keep it), then "
            "restore into the empty path"
        )
    finally:
        engine.dispose()
    now = now_ms()
    for view in (assess(common, target, holder, now) for holder in holders):
        if view.liveness is not Liveness.DEAD:
            fail(
                f"not restoring: {view.describe(now)} holds a lock in {target}; stop that bot "
                "first (`btcbot lock status`; `btcbot lock release` once it is gone)"
            )
    current = None if role is None else role.value
    if current is not None and current != wanted.role and not allow_other_role:
        fail(
            f"not restoring: {target} is a {current} database and the backup is "
            f"{wanted.role or 'not stamped'}; pass --allow-other-role if you mean to replace "
            "it (it is kept as a copy)"
        )


def assess(common: CommonSettings, target: Path, holder: LockHolder, now: int) -> HolderView:
    """A holder as `btcbot lock status` sees it: by its lock file and pid on this host."""
    lock_file: Path | None
    if holder.account_key.startswith("api-"):  # an exchange account's lock: in LOCK_DIR
        lock_file = lock_dir(common) / f"{holder.account_key}.lock"
    else:
        lock_file = database_account_identity(holder.account_key, target.resolve()).lock_file
    return assess_holder(holder, lock_file, now)
