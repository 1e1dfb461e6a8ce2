"""Pytest configuration shared by every test package."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.postgres import postgres_server


@pytest.fixture(scope="session")
def postgres() -> Iterator[str]:
    """A real PostgreSQL server for the whole test session (skips when unavailable)."""
    with postgres_server() as url:
        yield url
