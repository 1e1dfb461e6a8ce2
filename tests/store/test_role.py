from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine

from btcbot.store import (
    DatabaseRoleError,
    DbRole,
    current_revision,
    make_engine,
    open_store,
    peek_role,
    sqlite_url,
    stamp_role,
    unit_of_work,
)


def test_first_run_stamps_its_role(engine: Engine) -> None:
    assert peek_role(engine) is DbRole.DRY_RUN


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)  # SQLite-specific
def test_live_run_refuses_a_dry_run_database(engine: Engine, db_path: Path) -> None:
    with pytest.raises(DatabaseRoleError, match="belongs to dry_run runs") as info:
        open_store(sqlite_url(db_path), DbRole.LIVE)
    assert "STATE_DB_PATH" in str(info.value)
    with unit_of_work(engine) as conn, pytest.raises(DatabaseRoleError):
        stamp_role(conn, DbRole.LIVE)


def test_dry_run_refuses_a_live_database_before_migrating_it(tmp_path: Path) -> None:
    url = sqlite_url(tmp_path / "live.db")
    open_store(url, DbRole.LIVE).dispose()
    with pytest.raises(DatabaseRoleError, match="belongs to live runs"):
        open_store(url, DbRole.DRY_RUN)
    reopened = open_store(url, DbRole.LIVE)
    assert peek_role(reopened) is DbRole.LIVE
    reopened.dispose()


def test_an_empty_database_has_no_role(tmp_path: Path) -> None:
    engine = make_engine(sqlite_url(tmp_path / "fresh.db"))
    assert peek_role(engine) is None
    assert current_revision(engine) is None
    engine.dispose()
