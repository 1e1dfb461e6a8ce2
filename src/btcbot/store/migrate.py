"""Programmatic Alembic: migrate to head at startup, refuse a database newer than the code."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from btcbot.store.errors import SchemaVersionError

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def _config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(_config()).get_current_head()
    if head is None:
        raise SchemaVersionError(f"no migrations found under {MIGRATIONS}")
    return head


def current_revision(engine: Engine) -> str | None:
    """The database's revision (None for an empty database)."""
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def _require_known(revision: str | None) -> None:
    if revision is None:
        return
    known = {script.revision for script in ScriptDirectory.from_config(_config()).walk_revisions()}
    if revision not in known:
        raise SchemaVersionError(
            f"database schema is at revision {revision!r}, which this btcbot does not know: "
            "it was written by a newer version. Upgrade btcbot or use another STATE_DB_PATH."
        )


def upgrade_to_head(engine: Engine) -> str:
    """Apply every pending migration in one transaction; return the head revision."""
    _require_known(current_revision(engine))
    config = _config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    return check_schema(engine)


def check_schema(engine: Engine) -> str:
    """Raise unless the database is exactly at head; return the revision."""
    revision = current_revision(engine)
    _require_known(revision)
    head = head_revision()
    if revision != head:
        raise SchemaVersionError(
            f"database schema is at revision {revision!r}, expected {head!r}: "
            "run btcbot once with migrations enabled (upgrade_to_head) before using it"
        )
    return head
