"""Pytest configuration shared by every test package."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.postgres import postgres_server

# A relative PYTHONPATH (``PYTHONPATH=src pytest``) means nothing to the btcbot subprocesses
# the tests start in a temporary directory: they imported whichever btcbot is installed (in a
# worktree, the main checkout's) and tested that instead. Made absolute once, here.
if os.environ.get("PYTHONPATH"):
    os.environ["PYTHONPATH"] = os.pathsep.join(
        str(Path(entry).resolve()) if entry else entry
        for entry in os.environ["PYTHONPATH"].split(os.pathsep)
    )


@pytest.fixture(scope="session")
def postgres() -> Iterator[str]:
    """A real PostgreSQL server for the whole test session (skips when unavailable)."""
    with postgres_server() as url:
        yield url
