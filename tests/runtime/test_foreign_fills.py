"""Another client's trade on the account: stored for the record, never booked as ours; it
trips the sticky unknown-order freeze naming the trade, the ledger check names it too, and
``btcbot ledger rebase`` + ``btcbot freeze clear`` bring the agent back (armed, emulator)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from btcbot.accounting import build_ledger
from btcbot.cli import app
from btcbot.config import load_config
from btcbot.domain import Symbol
from btcbot.emulator import EmulatorConfig, running_emulator
from btcbot.emulator.orders import OrderRequest
from btcbot.obs.logging import reset_logging
from btcbot.runtime.factory import open_runtime
from btcbot.store import FillRepository, OpState, unit_of_work
from tests.cli.runner import Result
from tests.runtime.conftest import arm, point_at

BTC_TRY = Symbol("BTC", "TRY")


def cli(*args: str) -> Result:
    from typer.testing import CliRunner

    try:
        result = CliRunner().invoke(app, list(args), catch_exceptions=False)
    finally:
        reset_logging()
    return Result(result.exit_code, result.stdout, result.stderr)


async def test_another_clients_market_buy_is_not_ours_and_trips_the_freeze(
    workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stepped = EmulatorConfig(seed=11, port=0, tick_seconds=0.0, rate_limit_scale=None)
    async with running_emulator(stepped) as emu:
        point_at(monkeypatch, emu)
        arm(monkeypatch, emu)
        monkeypatch.setenv("SYMBOLS", "BTC_TRY")
        async with open_runtime(load_config(4)) as runtime:
            runner = runtime.runner
            first = await runner.run_once()  # takes the ledger baseline, trades as usual
            assert first.skipped is None, first.line()
            await emu.step(3)
            user = emu.exchange.user_by_key(emu.demo_account.api_key)
            assert user is not None
            manual = emu.exchange.submit(  # the operator's phone app, same account
                user.user_id, OrderRequest("BTCTRY", "buy", "market", Decimal(500), None, "app")
            )
            foreign_ids = {
                f.trade_id for f in emu.exchange.fills[user.user_id] if f.order_id == manual.id
            }
            assert foreign_ids
            hit = await runner.run_once()
            with unit_of_work(runtime.engine) as conn:
                stored = FillRepository(conn)
                everything = {f.trade_id for f in stored.all()}
                ours = stored.ours()
                op = OpState(conn).get("main")
            # stored for the record, never booked
            assert foreign_ids <= everything
            assert not foreign_ids & {f.trade_id for f in ours}
            position = build_ledger(ours).position(BTC_TRY).quantity
            bought_by_us = sum(
                (
                    f.amount
                    for f in emu.exchange.fills[user.user_id]
                    if f.order_id != manual.id and f.side == "buy"
                ),
                Decimal(0),
            ) - sum(
                (
                    f.amount
                    for f in emu.exchange.fills[user.user_id]
                    if f.order_id != manual.id and f.side == "sell"
                ),
                Decimal(0),
            )
            assert position == bought_by_us
            # the alarm: the sticky freeze names the trade and the commands that resolve it
            assert op.freeze_active and op.freeze_reason is not None
            assert str(min(foreign_ids)) in op.freeze_reason
            assert "btcbot ledger rebase" in op.freeze_reason
            assert "btcbot freeze clear" in op.freeze_reason
            # the ledger check cannot explain the balances and says what to do
            assert hit.skipped is not None and "btcbot ledger rebase" in hit.skipped
            assert str(min(foreign_ids)) in hit.skipped
            frozen = await runner.run_once()
            assert frozen.skipped is not None  # still unexplained: nothing is planned

            # the operator checks, accepts the change and lifts the freeze
            assert cli("ledger", "rebase", "--yes").code == 0
            assert cli("freeze", "clear", "--yes").code == 0
            after = await runner.run_once()
            again = await runner.run_once()
            with unit_of_work(runtime.engine) as conn:
                op = OpState(conn).get("main")
                ours_after = FillRepository(conn).ours()
        assert after.skipped is None and again.skipped is None, (after.line(), again.line())
        assert not op.freeze_active  # reported once: the same fill does not freeze again
        assert not foreign_ids & {f.trade_id for f in ours_after}
