from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, inspect, text

from btcbot.store import (
    SchemaVersionError,
    check_schema,
    current_revision,
    head_revision,
    make_engine,
    sqlite_url,
    upgrade_to_head,
)
from btcbot.store.migrate import MIGRATIONS
from btcbot.store.schema import metadata

TABLES = {
    "orders",
    "order_events",
    "fills",
    "cycles",
    "decisions",
    "risk_state",
    "op_state",
    "process_locks",
    "params_versions",
    "meta",
}


def test_migrations_run_from_an_empty_database(tmp_path: Path) -> None:
    engine = make_engine(sqlite_url(tmp_path / "empty.db"))
    assert current_revision(engine) is None
    with pytest.raises(SchemaVersionError, match="expected"):
        check_schema(engine)
    assert upgrade_to_head(engine) == head_revision()
    assert set(inspect(engine).get_table_names()) >= TABLES
    assert upgrade_to_head(engine) == head_revision()  # idempotent at start-up
    engine.dispose()


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)  # SQLite-specific
def test_sqlite_runs_in_wal_mode_with_busy_timeout_and_foreign_keys(engine: Engine) -> None:
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_schema_metadata_matches_the_migrated_database(engine: Engine) -> None:
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        assert compare_metadata(context, metadata) == []


def test_a_database_from_a_newer_btcbot_is_refused(engine: Engine) -> None:
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    with pytest.raises(SchemaVersionError, match="newer version"):
        upgrade_to_head(engine)
    with pytest.raises(SchemaVersionError, match="9999_future"):
        check_schema(engine)


def test_migration_files_ship_inside_the_package() -> None:
    assert (MIGRATIONS / "env.py").is_file()
    assert (MIGRATIONS / "script.py.mako").is_file()
    assert list((MIGRATIONS / "versions").glob("v*.py"))
