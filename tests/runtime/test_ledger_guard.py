"""The ledger must explain the exchange balances: a deposit it cannot explain blocks trading,
trips the kill switch at the threshold, and `btcbot ledger rebase` accepts it."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from btcbot.config import load_config
from btcbot.domain import Fill
from btcbot.emulator import EmulatorConfig, running_emulator
from btcbot.runtime.factory import open_runtime
from btcbot.store import FillRepository, OpState, unit_of_work
from tests.cli.runner import cli
from tests.runtime.conftest import arm, point_at


async def test_unexplained_deposit_blocks_then_trips_then_rebase_accepts_it(
    workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stepped = EmulatorConfig(seed=3, port=0, tick_seconds=0.0, rate_limit_scale=None)
    async with running_emulator(stepped) as emu:
        point_at(monkeypatch, emu)
        arm(monkeypatch, emu)
        async with open_runtime(load_config(3)) as runtime:
            runner = runtime.runner
            assert (await runner.run_once()).skipped is None
            user = emu.exchange.user_by_key(emu.demo_account.api_key)
            assert user is not None
            user.wallet.free["TRY"] += Decimal(1000)  # a deposit the bot did not make
            reports = [await runner.run_once() for _ in range(3)]
            assert all(r.skipped and "ledger disagrees" in r.skipped for r in reports)
            assert "TRY" in (reports[0].skipped or "")
            assert reports[-1].kill_switch_tripped
            with unit_of_work(runtime.engine) as conn:
                status = OpState(conn).get("main")
            assert status.kill_switch
            assert status.kill_switch_source == "ledger"

            env = {"STATE_DB_PATH": str(workdir / "state.db")}
            rebased = cli("ledger", "rebase", "--yes", cwd=workdir, env=env)
            assert rebased.code == 0, rebased.output
            assert "baseline cleared" in rebased.stdout
            after = await runner.run_once()
            assert after.skipped is None
            assert after.kill_switch, "the tripped kill switch stays until an operator clears it"


class _LaggingTrades:
    """The exchange's balances already hold a trade its user-trades read does not show yet
    (the trade landed between the two reads): once armed, the next user-trades read hides
    every trade it returns."""

    def __init__(self) -> None:
        self.armed = False
        self.hidden = 0

    def wrap(self, read: Callable[..., Awaitable[Sequence[Fill]]]) -> Callable[..., Any]:
        async def lagging(*args: object) -> Sequence[Fill]:
            fills = await read(*args)
            if not self.armed:
                return fills
            self.armed = False
            self.hidden += len(fills)
            return []

        return lagging


async def test_a_trade_landing_between_the_trades_and_balance_reads_is_not_a_mismatch(
    workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stepped = EmulatorConfig(seed=3, port=0, tick_seconds=0.0, rate_limit_scale=None)
    async with running_emulator(stepped) as emu:
        point_at(monkeypatch, emu)
        arm(monkeypatch, emu)
        async with open_runtime(load_config(3)) as runtime:
            runner = runtime.runner
            lag = _LaggingTrades()
            monkeypatch.setattr(runner.port, "fills", lag.wrap(runner.port.fills))
            monkeypatch.setattr(runner.port, "account_fills", lag.wrap(runner.port.account_fills))
            first = await runner.run_once()
            assert first.skipped is None and first.accepted >= 1, first.line()
            lag.armed = True  # cycle 2's pass reads trades before the buy shows up there
            second = await runner.run_once()
            assert lag.hidden >= 1, "the entry of cycle 1 should have filled on the exchange"
            assert second.skipped is None, second.line()
            assert runner.ledger is not None and runner.ledger.consecutive == 0
            with unit_of_work(runtime.engine) as conn:
                assert FillRepository(conn).ours(), "the late trade is booked by the re-check"
