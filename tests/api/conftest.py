"""A real dry run of profile 3 against the emulator, serving the control API on loopback.

The agent runs in a thread with its own event loop (``btcbot run``'s own code path: the API in
the same loop as the cycles), so tests talk to it over real HTTP while it trades on paper.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from btcbot.commands.api_hosting import ApiPlan
from btcbot.commands.run import _run
from btcbot.config import load_config
from btcbot.config.api import ApiSettings
from btcbot.obs.logging import configure_logging, reset_logging
from btcbot.runtime.factory import open_runtime
from btcbot.runtime.loop import StopSignal, run_cycles
from btcbot.store import OrderRepository, make_engine, sqlite_url
from tests.cli.rig import emulator_env, isolate, paper_env, threaded_emulator
from tests.cli.runner import cli
from tests.helpers import free_port

TOKEN = "alice-token-0123456789abcdef"
OTHER_TOKEN = "bob-token-0123456789abcdef"


@dataclass
class Agent:
    url: str
    db: Path
    reports: Path

    def client(self, token: str | None = TOKEN) -> httpx.Client:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        return httpx.Client(base_url=self.url, headers=headers, timeout=30)


async def _fill_some() -> None:
    """Profile 3 at the ask: entries fill on paper (fills, positions, equity)."""
    async with open_runtime(load_config(3)) as runtime:
        await run_cycles(
            runtime.runner, cycles=3, cycle_seconds=0.0, stop=StopSignal(), on_report=lambda r: None
        )


def _wait_until_up(url: str) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            reply = httpx.get(f"{url}/api/status", headers={"Authorization": f"Bearer {TOKEN}"})
            if reply.status_code == 200 and reply.json()["cycles"]:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.1)
    raise AssertionError("the API of the running agent did not come up")


@pytest.fixture(scope="module")
def agent(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Agent]:
    workdir = tmp_path_factory.mktemp("agent")
    db, reports = workdir / "state.db", workdir / "reports"
    reports.mkdir()
    with threaded_emulator() as emu, pytest.MonkeyPatch.context() as patch:
        isolate(patch, workdir)
        for name, value in {**emulator_env(emu), **paper_env(db)}.items():
            patch.setenv(name, value)
        asyncio.run(_fill_some())
        out = str(reports / "last-week.html")
        made = cli("report", "--format", "html", "--out", out, env={"STATE_DB_PATH": str(db)})
        assert made.code == 0, made.output
        patch.setenv("SYMBOLS", "XRP_TRY,AVAX_TRY")
        patch.setenv("OFFSET_BPS", "0")  # entries at mid in a quiet market: they rest
        # a test's degrade override cancels the resting entries; the next test needs them back
        # at once, not after the default 60 s cooldown since their submit
        patch.setenv("COOLDOWN_SECONDS", "0")
        plan = ApiPlan(
            ApiSettings(api_reports_dir=reports),
            {TOKEN: "alice", OTHER_TOKEN: "bob"},
            "127.0.0.1",
            free_port(),
        )
        config = load_config(3)
        configure_logging("INFO", json=True, secrets=[TOKEN, OTHER_TOKEN])  # as `btcbot run`
        started: dict[str, object] = {}

        async def main() -> None:
            stop = StopSignal()
            started["loop"], started["stop"] = asyncio.get_running_loop(), stop
            await _run(config, stop, cycles=None, cycle_seconds=0.3, profile=None, api=plan)

        thread = threading.Thread(target=asyncio.run, args=(main(),), name="agent")
        thread.start()
        url = f"http://127.0.0.1:{plan.port}"
        try:
            _wait_until_up(url)
            yield Agent(url, db, reports)
        finally:
            loop, stop = started["loop"], started["stop"]
            assert isinstance(loop, asyncio.AbstractEventLoop) and isinstance(stop, StopSignal)
            loop.call_soon_threadsafe(stop.event.set)
            thread.join(60)
            reset_logging()
            assert not thread.is_alive()


def live_orders(db: Path) -> list[str]:
    engine = make_engine(sqlite_url(db), read_only=True)
    try:
        with engine.connect() as conn:
            return [s.client_order_id for s in OrderRepository(conn).live_orders()]
    finally:
        engine.dispose()
