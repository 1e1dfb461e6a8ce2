"""A planted API secret never appears in logs, the state database or error text."""

from __future__ import annotations

import base64
import io
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from btcbot.commands.common import config_secrets
from btcbot.config import load_config
from btcbot.emulator import Account, EmulatorConfig, running_emulator
from btcbot.exchange.errors import ExchangeError
from btcbot.execution import ReconciliationFailed
from btcbot.obs.logging import configure_logging, reset_logging
from btcbot.runtime.factory import open_runtime
from tests.runtime.conftest import arm_with, point_at

PLAIN = "planted-secret-7f3a9c-do-not-leak"
SECRET = base64.b64encode(PLAIN.encode()).decode()
API_KEY = "planted-key-5be21d"
ACCOUNT = Account(API_KEY, SECRET, {"TRY": Decimal(50000)})


def leaks(text: str) -> list[str]:
    return [needle for needle in (SECRET, PLAIN) if needle in text]


@pytest.fixture
def log_stream() -> Iterator[io.StringIO]:
    stream = io.StringIO()
    yield stream
    reset_logging()


async def test_secret_stays_out_of_logs_and_database(
    workdir: Path, monkeypatch: pytest.MonkeyPatch, log_stream: io.StringIO
) -> None:
    emulator = EmulatorConfig(
        seed=2, port=0, tick_seconds=0.02, rate_limit_scale=None, accounts=(ACCOUNT,)
    )
    async with running_emulator(emulator) as emu:
        point_at(monkeypatch, emu)
        arm_with(monkeypatch, API_KEY, SECRET)
        config = load_config(3)
        configure_logging("DEBUG", json=True, secrets=config_secrets(config), stream=log_stream)
        async with open_runtime(config) as runtime:
            for _ in range(4):
                await runtime.runner.run_once()
        assert emu.faults.counters.mutating["submit"] > 0  # it really traded, signed
    assert log_stream.getvalue(), "the run logged"
    assert not leaks(log_stream.getvalue())
    assert not database_leaks(workdir)


def database_leaks(folder: Path) -> list[str]:
    """The SQLite files (main, WAL, SHM) scanned as raw bytes."""
    found = []
    for path in folder.glob("state.db*"):
        found += [f"{path.name}: {n}" for n in leaks(path.read_bytes().decode("latin-1"))]
    return found


async def test_secret_stays_out_of_error_text_when_the_exchange_refuses_it(
    workdir: Path, monkeypatch: pytest.MonkeyPatch, log_stream: io.StringIO
) -> None:
    emulator = EmulatorConfig(
        seed=2, port=0, tick_seconds=0.0, rate_limit_scale=None, accounts=(ACCOUNT,)
    )
    wrong = base64.b64encode(b"wrong-" + PLAIN.encode()).decode()
    async with running_emulator(emulator) as emu:
        point_at(monkeypatch, emu)
        arm_with(monkeypatch, API_KEY, wrong)
        config = load_config(3)
        configure_logging("DEBUG", json=False, secrets=config_secrets(config), stream=log_stream)
        with pytest.raises((ReconciliationFailed, ExchangeError)) as caught:
            async with open_runtime(config):
                pass
    text = f"{caught.value!s} {caught.value!r} {log_stream.getvalue()}"
    assert "Unauthorized" in text or "auth" in text.lower()
    assert wrong not in text
    assert not leaks(text)
