"""Every profile, dry-run and armed, many cycles against the emulator over loopback."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from btcbot.accounting import expected_holdings
from btcbot.config import load_config
from btcbot.domain import OrderStatus
from btcbot.domain.money import to_decimal
from btcbot.emulator import Emulator, EmulatorConfig, running_emulator
from btcbot.runtime.factory import open_runtime
from btcbot.runtime.ledger_guard import baseline_key
from btcbot.runtime.loop import StopSignal, run_cycles
from btcbot.runtime.report import CycleReport
from btcbot.store import (
    CycleRepository,
    FillRepository,
    RiskStateRepository,
    unit_of_work,
)
from btcbot.store.schema import order_events, orders
from tests.runtime.conftest import arm, paper, point_at

CYCLES = 12


async def run(stage: int, cycles: int = CYCLES) -> list[CycleReport]:
    reports: list[CycleReport] = []
    async with open_runtime(load_config(stage)) as runtime:
        await run_cycles(
            runtime.runner,
            cycles=cycles,
            cycle_seconds=0.05,
            stop=StopSignal(),
            on_report=reports.append,
        )
    return reports


def balances_of(emu: Emulator) -> dict[str, Decimal]:
    user = emu.exchange.user_by_key(emu.demo_account.api_key)
    assert user is not None
    return {asset: user.wallet.total(asset) for asset in user.wallet.assets()}


@pytest.mark.parametrize("stage", [3, 4, 7])
async def test_dry_run_trades_on_paper_and_never_mutates_the_exchange(
    stage: int, workdir: Path, emulator: Emulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    point_at(monkeypatch, emulator)
    paper(monkeypatch)
    reports = await run(stage)
    assert len(reports) == CYCLES
    assert all(r.skipped is None for r in reports), [r.line() for r in reports]
    assert emulator.faults.counters.mutating_total == 0
    engine_url = workdir / "state.db"
    assert engine_url.exists()
    assert sum(r.accepted for r in reports) > 0, [r.line() for r in reports]


@pytest.mark.parametrize("stage", [3, 4, 7])
async def test_armed_run_trades_on_the_emulator_and_the_ledger_equals_its_balances(
    stage: int, workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The market moves only between cycles (stepped), so after a final reconciliation the
    ledger must equal the exchange's balances exactly."""
    stepped = EmulatorConfig(seed=11, port=0, tick_seconds=0.0, rate_limit_scale=None)
    async with running_emulator(stepped) as emulator:
        point_at(monkeypatch, emulator)
        arm(monkeypatch, emulator)
        monkeypatch.setenv("TTL_SECONDS", "1")
        config = load_config(stage)
        reports = []
        async with open_runtime(config) as runtime:
            for _ in range(CYCLES):
                reports.append(await runtime.runner.run_once())
                await emulator.step(5)
            final = await runtime.runner.oms.reconcile(config.common.symbols)
            assert final.ok
            with unit_of_work(runtime.engine) as conn:
                fills = FillRepository(conn).all()
                stored = RiskStateRepository(conn).get(baseline_key("main"))
                cycles = CycleRepository(conn).latest(100)
                events = conn.execute(order_events.select()).fetchall()
        assert all(r.skipped is None for r in reports), [r.line() for r in reports]
        assert emulator.faults.counters.mutating["submit"] > 0
        assert fills, "armed runs trade"
        assert len(cycles) == CYCLES
        assert events, "every order transition is journaled"
        assert stored is not None
        baseline = {asset: to_decimal(value) for asset, value in stored.items()}
        expected = expected_holdings(fills, baseline)
        actual = balances_of(emulator)
    for asset in set(expected) | set(actual):
        assert expected.get(asset, Decimal(0)) == actual.get(asset, Decimal(0)), asset


@pytest.mark.parametrize("stage", [3, 4, 7])
async def test_armed_run_cancels_its_stale_orders_and_proves_the_cancels(
    stage: int, workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A quiet market (no simulated trading) leaves our mid-priced orders resting; after the
    TTL the bot cancels them, and the cancels end as CANCELED both here and on the exchange."""
    quiet = EmulatorConfig(seed=5, port=0, tick_seconds=0.0, rate_limit_scale=None)
    async with running_emulator(quiet) as emu:
        point_at(monkeypatch, emu)
        arm(monkeypatch, emu)
        for name in ("OFFSET_BPS", "STAGE7_ORDER_OFFSET_BPS"):
            monkeypatch.setenv(name, "0")
        monkeypatch.setenv("TTL_SECONDS", "1")
        async with open_runtime(load_config(stage)) as runtime:
            await run_cycles(
                runtime.runner,
                cycles=14,
                cycle_seconds=0.2,
                stop=StopSignal(),
                on_report=lambda _: None,
            )
            with unit_of_work(runtime.engine) as conn:
                rows = conn.execute(orders.select()).fetchall()
        assert emu.faults.counters.mutating["cancel"] > 0
        canceled = [row for row in rows if row.status == OrderStatus.CANCELED.value]
        assert canceled, [(row.client_order_id, row.status) for row in rows]
        for row in canceled:
            assert emu.exchange.orders[row.exchange_order_id].status == "Canceled"


async def test_the_settings_kill_switch_keeps_a_live_bot_cancelling_and_sending_no_order(
    workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``KILL_SWITCH=true`` with every other live gate set (the documented emergency setting:
    no new risk, cancels still sent). It used to make the run a dry run, which the live
    database refuses: the bot did not start and its resting orders were left to the market.
    Now the run works the live account: stale orders are cancelled, no order is sent."""
    quiet = EmulatorConfig(seed=5, port=0, tick_seconds=0.0, rate_limit_scale=None)
    async with running_emulator(quiet) as emu:
        point_at(monkeypatch, emu)
        arm(monkeypatch, emu)
        monkeypatch.setenv("OFFSET_BPS", "0")  # at the mid: they rest in a quiet market
        monkeypatch.setenv("TTL_SECONDS", "1")
        async with open_runtime(load_config(4)) as runtime:
            await run_cycles(
                runtime.runner, cycles=1, cycle_seconds=0, stop=StopSignal(), on_report=print
            )
            with unit_of_work(runtime.engine) as conn:
                ours = [row.exchange_order_id for row in conn.execute(orders.select())]
        resting = [i for i in ours if i is not None and emu.exchange.orders[i].is_open]
        assert resting, "the armed cycle left orders resting on the exchange"
        submits = emu.faults.counters.mutating["submit"]

        monkeypatch.setenv("KILL_SWITCH", "true")
        config = load_config(4)
        assert not config.arming.armed and config.arming.live_account
        reports: list[CycleReport] = []
        async with open_runtime(config) as runtime:
            await run_cycles(
                runtime.runner,
                cycles=8,
                cycle_seconds=0.3,
                stop=StopSignal(),
                on_report=reports.append,
            )
    assert emu.faults.counters.mutating["submit"] == submits  # not one order sent
    assert sum(r.cancels_sent for r in reports) >= len(resting)
    assert all(emu.exchange.orders[i].status == "Canceled" for i in resting)
    assert all(r.accepted == 0 for r in reports)


async def test_the_paper_account_charges_the_fees_of_the_settings(
    workdir: Path, emulator: Emulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``DRY_RUN_MAKER_FEE_BPS`` / ``DRY_RUN_TAKER_FEE_BPS``: every paper fill pays one of
    them on its notional (and the 20 % tax on it), as the backtest's venue would."""
    point_at(monkeypatch, emulator)
    paper(monkeypatch)
    monkeypatch.setenv("DRY_RUN_MAKER_FEE_BPS", "12")
    monkeypatch.setenv("DRY_RUN_TAKER_FEE_BPS", "31")
    monkeypatch.setenv("STAGE7_ORDER_OFFSET_BPS", "100")  # limits through the touch: they take
    async with open_runtime(load_config(7)) as runtime:
        await run_cycles(
            runtime.runner, cycles=CYCLES, cycle_seconds=0.05, stop=StopSignal(), on_report=print
        )
        with unit_of_work(runtime.engine) as conn:
            stored = FillRepository(conn).all()
    assert stored, "profile 7 trades at once through the touch"
    quantum = Decimal("1e-8")
    for fill in stored:
        charged = {
            (fill.notional * Decimal(bps) / 10_000).quantize(quantum, rounding="ROUND_HALF_UP")
            for bps in (12, 31)
        }
        assert fill.fee in charged, fill
        assert fill.tax == (fill.fee * Decimal("0.2")).quantize(quantum, rounding="ROUND_HALF_UP")
