"""A throwaway PostgreSQL server for tests: initdb + pg_ctl on a free loopback port.

Real PostgreSQL, not a mock: the store's PostgreSQL paths (``ON CONFLICT DO NOTHING``,
``SELECT ... FOR UPDATE``, BIGINT ids, exact decimals) run against it. Tests skip with a clear
reason when the server binaries or the psycopg driver are absent; ``.ci/run`` installs both.
"""

from __future__ import annotations

import glob
import itertools
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.helpers import free_port

_BIN_GLOB = "/usr/lib/postgresql/*/bin"


def _binaries() -> Path | None:
    found = sorted(glob.glob(_BIN_GLOB))
    return Path(found[-1]) if found else None


def _as_postgres(args: list[str]) -> list[str]:
    """PostgreSQL refuses to run as root: run its tools as the postgres user then."""
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *args]
    return args


@contextmanager
def postgres_server() -> Iterator[str]:
    """Start a server; yield a SQLAlchemy URL prefix ``postgresql+psycopg://...:PORT/``."""
    binaries = _binaries()
    if binaries is None:
        pytest.skip(f"no PostgreSQL server binaries under {_BIN_GLOB} (apt-get install postgresql)")
    pytest.importorskip("psycopg", reason="psycopg not installed (pip install -e '.[postgres]')")
    root = Path(tempfile.mkdtemp(prefix="btcbot-pg-"))
    if os.geteuid() == 0:
        shutil.chown(root, "postgres")
    data, port = root / "data", free_port()
    subprocess.run(
        _as_postgres([str(binaries / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres"]),
        check=True,
        capture_output=True,
    )
    options = f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off"
    pg_ctl = str(binaries / "pg_ctl")
    subprocess.run(
        _as_postgres(
            [pg_ctl, "-D", str(data), "-o", options, "-l", str(root / "log"), "-w", "start"]
        ),
        check=True,
        capture_output=True,
    )
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/"
    finally:
        subprocess.run(
            _as_postgres([pg_ctl, "-D", str(data), "-m", "immediate", "stop"]),
            check=False,
            capture_output=True,
        )
        shutil.rmtree(root, ignore_errors=True)


_NAMES = itertools.count(1)


def fresh_database(server_url: str) -> str:
    """CREATE DATABASE for one test; return its URL."""
    import psycopg

    name = f"btcbot_test_{os.getpid()}_{next(_NAMES)}"
    dsn = server_url.replace("postgresql+psycopg://", "postgresql://") + "postgres"
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return server_url + name
