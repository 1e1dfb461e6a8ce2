"""Test rig for operator commands: the emulator on a background thread, env helpers.

The emulator runs its own event loop in a thread, so a test can drive the real CLI in-process
(``tests.cli.runner.cli``, whose command calls ``asyncio.run``) or in a subprocess while the
emulator keeps answering.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator, Mapping
from contextlib import AbstractAsyncContextManager, contextmanager
from decimal import Decimal
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from btcbot.emulator import Account, Emulator, EmulatorConfig, running_emulator
from btcbot.obs.logging import reset_logging
from tests.cli.runner import Result
from tests.helpers import free_port, isolate_settings

# A distinctive secret (base64 of "planted-secret-3f9c1e-do-not-print"): it must never appear
# in any command's output.
PLANTED_KEY = "planted-key-7d41"
PLANTED_SECRET = "cGxhbnRlZC1zZWNyZXQtM2Y5YzFlLWRvLW5vdC1wcmludA=="
PLANTED_SECRET_PLAIN = "planted-secret-3f9c1e-do-not-print"


@contextmanager
def threaded_emulator(seed: int = 11, symbols_file: Path | None = None) -> Iterator[Emulator]:
    """A quiet emulator (manual clock) with a planted-secret account; ``symbols_file``
    replaces its symbol table."""
    accounts = (Account(PLANTED_KEY, PLANTED_SECRET, {"TRY": Decimal(100_000), "BTC": Decimal(1)}),)
    config = EmulatorConfig(
        seed=seed,
        port=0,
        tick_seconds=0.0,
        rate_limit_scale=None,
        accounts=accounts,
        symbols_file=symbols_file,
    )
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, name="emulator", daemon=True)
    thread.start()
    manager: AbstractAsyncContextManager[Emulator] = running_emulator(config)
    try:
        emu = asyncio.run_coroutine_threadsafe(manager.__aenter__(), loop).result(30)
        try:
            yield emu
        finally:
            asyncio.run_coroutine_threadsafe(manager.__aexit__(None, None, None), loop).result(30)
    finally:
        loop.call_soon_threadsafe(loop.stop)
        thread.join(10)
        loop.close()


def emulator_env(emu: Emulator) -> dict[str, str]:
    return {
        "BTCTURK_BASE_URL": emu.rest_url,
        "BTCTURK_GRAPH_URL": emu.graph_url,
        "BTCTURK_WS_URL": emu.ws_url,
    }


def paper_env(db: Path) -> dict[str, str]:
    return {
        "STATE_DB_PATH": str(db),
        "DRY_RUN": "true",
        "KILL_SWITCH": "false",
        "SAFE_MODE": "false",
        "DRY_RUN_TRY_BALANCE": "5000",
    }


def armed_env(db: Path, key: str = PLANTED_KEY, secret: str = PLANTED_SECRET) -> dict[str, str]:
    return {
        "STATE_DB_PATH": str(db),
        "DRY_RUN": "false",
        "KILL_SWITCH": "false",
        "SAFE_MODE": "false",
        "LIVE_TRADING": "true",
        "LIVE_TRADING_ACK": "I_UNDERSTAND",
        "BTCTURK_API_KEY": key,
        "BTCTURK_API_SECRET": secret,
    }


def invoke(app: typer.Typer, args: list[str], env: Mapping[str, str]) -> Result:
    """Run a command in-process through ``app`` (``tests.cli.runner.cli`` also scrubs the
    caller's settings: prefer it)."""
    try:
        result = CliRunner().invoke(app, args, env=dict(env), catch_exceptions=False)
    finally:
        reset_logging()  # the command bound its log handler to the runner's closed stderr
    return Result(result.exit_code, result.stdout, result.stderr)


def isolate(monkeypatch: pytest.MonkeyPatch, workdir: Path) -> None:
    """No stray .env, no developer settings: each test sets what it means."""
    isolate_settings(workdir, monkeypatch)


def closed_port() -> int:
    """A loopback port nothing listens on (connections are refused at once)."""
    return free_port()
