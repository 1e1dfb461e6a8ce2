"""End-to-end rig: the real emulator in-process, real settings from env, a real SQLite DB."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from btcbot.emulator import Emulator, EmulatorConfig, running_emulator
from tests.helpers import isolate_settings


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    isolate_settings(tmp_path, monkeypatch)
    monkeypatch.setenv("STATE_DB_PATH", str(tmp_path / "state.db"))
    return tmp_path


@pytest.fixture
async def emulator() -> AsyncIterator[Emulator]:
    config = EmulatorConfig(seed=11, port=0, tick_seconds=0.02, rate_limit_scale=None)
    async with running_emulator(config) as emu:
        yield emu


def point_at(monkeypatch: pytest.MonkeyPatch, emu: Emulator) -> None:
    monkeypatch.setenv("BTCTURK_BASE_URL", emu.rest_url)
    monkeypatch.setenv("BTCTURK_GRAPH_URL", emu.graph_url)
    monkeypatch.setenv("BTCTURK_WS_URL", emu.ws_url)


def arm(monkeypatch: pytest.MonkeyPatch, emu: Emulator) -> None:
    arm_with(monkeypatch, emu.demo_account.api_key, emu.demo_account.api_secret)


def arm_with(monkeypatch: pytest.MonkeyPatch, api_key: str, api_secret: str) -> None:
    """All five live gates set, with these credentials."""
    for name, value in {
        "DRY_RUN": "false",
        "KILL_SWITCH": "false",
        "SAFE_MODE": "false",
        "LIVE_TRADING": "true",
        "LIVE_TRADING_ACK": "I_UNDERSTAND",
        "BTCTURK_API_KEY": api_key,
        "BTCTURK_API_SECRET": api_secret,
    }.items():
        monkeypatch.setenv(name, value)


def paper(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DRY_RUN", "true")
    monkeypatch.setenv("KILL_SWITCH", "false")
    monkeypatch.setenv("SAFE_MODE", "false")
    monkeypatch.setenv("DRY_RUN_TRY_BALANCE", "5000")
