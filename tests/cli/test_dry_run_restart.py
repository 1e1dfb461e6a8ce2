"""A dry run restarted on its database: the paper account is rebuilt from the stored fills and
live orders (``PaperExchange.restore``), whatever the last process left behind."""

from __future__ import annotations

from pathlib import Path

from btcbot.store import (
    DbRole,
    ExecutionMode,
    FillRepository,
    OrderRepository,
    open_store,
    sqlite_url,
    unit_of_work,
)
from tests.cli.rig import emulator_env, paper_env, threaded_emulator
from tests.cli.runner import cli


def test_a_restart_with_less_paper_money_than_the_dry_run_spent_is_refused_plainly(
    tmp_path: Path,
) -> None:
    db = tmp_path / "state.db"
    with threaded_emulator() as emu:
        env = {**emulator_env(emu), **paper_env(db)}
        first = cli("run", "--stage", "3", "--cycles", "2", "--cycle-seconds", "0", env=env)
        assert first.code == 0, first.output
        with unit_of_work(open_store(sqlite_url(db), DbRole.DRY_RUN)) as conn:
            spent = FillRepository(conn).all() or OrderRepository(conn).live_orders(
                ExecutionMode.DRY_RUN
            )
        assert spent, "the first dry run neither filled nor left an order resting"
        again = cli("run", "--stage", "3", env={**env, "DRY_RUN_TRY_BALANCE": "1"})
    assert again.code == 2, again.output
    assert "Traceback" not in again.output
    errors = [line for line in again.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, again.stderr
    assert "DRY_RUN_TRY_BALANCE" in errors[0]
