"""Generic test helpers shared by every test package."""

import asyncio
import inspect
import os
import socket
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TypeVar

import pytest

T = TypeVar("T")

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED = REPO_ROOT.parent / "shared"
FIXTURES = SHARED / "btcturk" / "fixtures"
DATA = SHARED / "data"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test with a clear reason when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} not present: shared/ must sit beside the checkout (CI has it)")
    return path


async def eventually(
    predicate: Callable[[], T | Awaitable[T]], timeout: float = 5.0, interval: float = 0.01
) -> T:
    """Poll ``predicate`` (sync or async) until it returns a truthy value; return that value.

    Raises ``AssertionError`` after ``timeout`` seconds. Use instead of fixed sleeps.
    """
    deadline = time.monotonic() + timeout
    while True:
        result = predicate()
        if inspect.isawaitable(result):
            result = await result
        if result:
            return result
        if time.monotonic() >= deadline:
            raise AssertionError(f"condition not met within {timeout}s: {predicate!r}")
        await asyncio.sleep(interval)


# Settings a developer's shell (or .env) could carry that would change what a test runs.
SETTINGS_VARIABLES = (
    "DRY_RUN",
    "KILL_SWITCH",
    "SAFE_MODE",
    "LIVE_TRADING",
    "LIVE_TRADING_ACK",
    "BTCTURK_API_KEY",
    "BTCTURK_API_SECRET",
    "BTCTURK_API_SECRET_FILE",
    "MARKET_DATA_MODE",
    "SYMBOLS",
    "STATE_DB_PATH",
    "STATE_DB_URL",
)


def isolate_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run in ``tmp_path`` (no stray .env) with none of btcbot's settings variables set, and
    the single-writer lock files in ``tmp_path`` (the emulator's demo key is the same
    everywhere: tests running at the same time on one host must not contend for one account
    lock)."""
    monkeypatch.chdir(tmp_path)
    for name in SETTINGS_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    for name in list(os.environ):
        if is_setting(name):
            monkeypatch.delenv(name)
    monkeypatch.setenv("LOCK_DIR", str(tmp_path / "locks"))
    return tmp_path


def is_setting(name: str) -> bool:
    """Whether an environment variable would configure btcbot (or look like a misspelling)."""
    from btcbot.config.names import known_names

    upper = name.upper()
    return upper in known_names() or upper.startswith(_SETTING_PREFIXES)


_SETTING_PREFIXES = ("BTCTURK_", "STAGE7_", "STAGE4_", "RISK_", "LOG_LEVEL")


def free_port() -> int:
    """A loopback port nothing listens on right now (bind one, then release it)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])
