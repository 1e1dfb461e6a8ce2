"""The ledger must explain the exchange balances: a deposit it cannot explain blocks trading,
trips the kill switch at the threshold, and `btcbot ledger rebase` accepts it."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from contextlib import asynccontextmanager
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from btcbot.config import load_config
from btcbot.domain import Fill
from btcbot.emulator import EmulatorConfig, running_emulator
from btcbot.runtime.factory import open_runtime
from btcbot.store import FillRepository, OpState, RiskStateRepository, unit_of_work
from tests.cli.runner import cli
from tests.runtime.conftest import arm, point_at


@asynccontextmanager
async def armed_bot(monkeypatch: pytest.MonkeyPatch, stage: int) -> AsyncIterator[Any]:
    """An armed live runtime of ``stage`` on a stepped emulator: yields (emulator, runtime)."""
    stepped = EmulatorConfig(seed=3, port=0, tick_seconds=0.0, rate_limit_scale=None)
    async with running_emulator(stepped) as emu:
        point_at(monkeypatch, emu)
        arm(monkeypatch, emu)
        async with open_runtime(load_config(stage)) as runtime:
            yield emu, runtime


def wallet(emu: Any) -> Any:
    """The demo account's wallet on the emulator (a deposit the bot did not make goes here)."""
    user = emu.exchange.user_by_key(emu.demo_account.api_key)
    assert user is not None
    return user.wallet


async def test_unexplained_deposit_blocks_then_trips_then_rebase_accepts_it(
    workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with armed_bot(monkeypatch, 3) as (emu, runtime):
        runner = runtime.runner
        assert (await runner.run_once()).skipped is None
        account = wallet(emu)
        account.free["TRY"] += Decimal(1000)  # a deposit the bot did not make
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
    async with armed_bot(monkeypatch, 3) as (_, runtime):
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


def _day_and_peak(engine: Any) -> tuple[str, str]:
    with unit_of_work(engine) as conn:
        state = RiskStateRepository(conn).get("main") or {}
    return state["day_start_equity"], state["peak_equity"]


async def _rebase(runner: Any, workdir: Path) -> Any:
    """The operator's steps after a balance change the bot did not make: the mismatch is
    seen, ``btcbot ledger rebase`` accepts it, the next cycle runs."""
    assert "ledger disagrees" in ((await runner.run_once()).skipped or "")
    env = {"STATE_DB_PATH": str(workdir / "state.db")}
    assert cli("ledger", "rebase", "--yes", cwd=workdir, env=env).code == 0
    report = await runner.run_once()
    assert report.skipped is None, report.line()
    return report


async def test_a_rebased_deposit_does_not_lift_the_daily_loss_stop(
    workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Profile 4 stops at MAX_DAILY_LOSS_TRY (1000) lost since the UTC day began; 20000 TRY
    deposited and accepted is not the day's profit (it lifted the stop)."""
    monkeypatch.setenv("SYMBOLS", "BTC_TRY")
    monkeypatch.setenv("ORDERBOOK_TTL_MS", "0")  # each cycle reads the book the price moved
    async with armed_bot(monkeypatch, 4) as (emu, runtime):
        runner = runtime.runner
        assert (await runner.run_once()).risk_mode == "NORMAL"
        # The account's 0.05 BTC loses 3 % (about 4500 TRY).
        emu.simulator.set_price("BTCTRY", emu.simulator.refs["BTCTRY"] * Decimal("0.97"))
        await emu.step(3)
        fell = await runner.run_once()
        assert fell.risk_mode == "OBSERVE_ONLY" and "max_daily_loss" in fell.line()
        start, peak = _day_and_peak(runtime.engine)
        account = wallet(emu)
        account.free["TRY"] += Decimal(20000)
        after = await _rebase(runner, workdir)
        assert after.risk_mode == "OBSERVE_ONLY", after.line()
        assert "max_daily_loss" in after.line()
        moved = _day_and_peak(runtime.engine)
        assert moved == (str(Decimal(start) + 20000), str(Decimal(peak) + 20000))
        # Taken in once: the next cycles keep the same day start.
        assert (await runner.run_once()).risk_mode == "OBSERVE_ONLY"
        assert _day_and_peak(runtime.engine) == moved


async def test_a_rebased_withdrawal_is_no_loss_and_no_drawdown(
    workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Withdrawing 15 % of the account is neither the day's loss nor a drawdown: profile 4
    stopped on both (MAX_DRAWDOWN_PCT 10, against a peak that never comes back)."""
    monkeypatch.setenv("SYMBOLS", "BTC_TRY")
    async with armed_bot(monkeypatch, 4) as (emu, runtime):
        runner = runtime.runner
        assert (await runner.run_once()).risk_mode == "NORMAL"
        account = wallet(emu)
        account.free["TRY"] -= Decimal(90000)
        after = await _rebase(runner, workdir)
        assert after.risk_mode == "NORMAL", after.line()
        assert "max_drawdown" not in after.line() and "max_daily_loss" not in after.line()


async def test_a_mismatch_streak_ends_when_the_ledger_agrees_again(
    workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two mismatches, then a rebase: the next cycles agree, so the streak is over. It was
    kept: every cycle still showed LEDGER MISMATCH, and one later deposit (a single
    mismatch) tripped the kill switch as if it were the third in a row."""
    from btcbot.domain.trips import TripKind

    async with armed_bot(monkeypatch, 3) as (emu, runtime):
        runner = runtime.runner
        assert (await runner.run_once()).skipped is None
        account = wallet(emu)
        account.free["TRY"] += Decimal(1000)
        assert (await runner.run_once()).skipped  # mismatch 1, then the rebase's cycle
        after = await _rebase(runner, workdir)  # (mismatch 2)
        assert TripKind.LEDGER_MISMATCH not in {trip.kind for trip in after.trips}
        assert "LEDGER MISMATCH" not in after.line()
        assert runner.ledger is not None and runner.ledger.consecutive == 0
        account.free["TRY"] += Decimal(500)  # one more deposit: mismatch 1 of 3
        again = await runner.run_once()
        assert again.skipped and not again.kill_switch_tripped, again.line()
        with unit_of_work(runtime.engine) as conn:
            assert not OpState(conn).get("main").kill_switch


async def test_a_rebased_coin_deposit_moves_the_day_start_by_its_value_at_the_equity_marks(
    workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A deposit of a coin the bot does not trade is valued as equity values it (the mid of
    its TRY pair): the day's PnL does not move by a hair."""
    monkeypatch.setenv("SYMBOLS", "BTC_TRY")
    async with armed_bot(monkeypatch, 4) as (emu, runtime):
        runner = runtime.runner
        assert (await runner.run_once()).risk_mode == "NORMAL"
        start, _ = _day_and_peak(runtime.engine)
        account = wallet(emu)
        account.free["AVAX"] += Decimal(100)
        await _rebase(runner, workdir)
        with unit_of_work(runtime.engine) as conn:
            state = RiskStateRepository(conn).get("main") or {}
        mid = Decimal(state["previous_mids"]["AVAX_TRY"])
        assert Decimal(state["day_start_equity"]) == Decimal(start) + 100 * mid
