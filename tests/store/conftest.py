from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from btcbot.store import DbRole, open_store, sqlite_url
from tests.postgres import fresh_database


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "state.db"


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, db_path: Path) -> str:
    """Every store test that takes ``engine`` runs on SQLite and on a real PostgreSQL."""
    if request.param == "sqlite":
        return sqlite_url(db_path)
    return fresh_database(request.getfixturevalue("postgres"))


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    engine = open_store(database_url, DbRole.DRY_RUN)
    yield engine
    engine.dispose()


class FakeClock:
    """Injected epoch-millisecond clock: tests move time, nothing sleeps."""

    def __init__(self, now_ms: int = 1_700_000_000_000) -> None:
        self.now_ms = now_ms

    def __call__(self) -> int:
        return self.now_ms

    def advance(self, seconds: float) -> None:
        self.now_ms += int(seconds * 1000)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()
