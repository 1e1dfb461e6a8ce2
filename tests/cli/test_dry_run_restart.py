"""A dry run restarted on its database: the paper account is rebuilt from the stored fills and
live orders (``PaperExchange.restore``), whatever the last process left behind."""

from __future__ import annotations

import sqlite3
from decimal import Decimal
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


def test_a_fill_stored_just_before_a_crash_is_not_traded_again_after_the_restart(
    tmp_path: Path,
) -> None:
    """A kill -9 between storing a fill and advancing its order (two transactions) leaves the
    order live with its filled quantity behind its stored fills; the paper account rebuilt
    on restart must not rest it again, or it fills twice."""
    db = tmp_path / "state.db"
    with threaded_emulator() as emu:
        env = {**emulator_env(emu), **paper_env(db)}
        first = cli("run", "--stage", "3", "--cycles", "2", "--cycle-seconds", "0", env=env)
        assert first.code == 0, first.output
        with sqlite3.connect(db) as conn:  # the state a crash right after the fill left
            (order_id,) = conn.execute(
                "SELECT exchange_order_id FROM orders WHERE status = 'FILLED' LIMIT 1"
            ).fetchone()
            conn.execute(
                "UPDATE orders SET status = 'OPEN', filled_quantity = '0' "
                "WHERE exchange_order_id = ?",
                (order_id,),
            )
        again = cli("run", "--stage", "3", "--cycles", "2", "--cycle-seconds", "0", env=env)
    assert again.code == 0, again.output
    with sqlite3.connect(db) as conn:
        status, quantity, filled = conn.execute(
            "SELECT status, quantity, filled_quantity FROM orders WHERE exchange_order_id = ?",
            (order_id,),
        ).fetchone()
        fills = conn.execute(
            "SELECT quantity FROM fills WHERE order_id = ?", (order_id,)
        ).fetchall()
    assert status == "FILLED"
    assert Decimal(filled) == Decimal(quantity)
    assert sum(Decimal(q) for (q,) in fills) == Decimal(quantity), fills
    assert "live_order_unknown_to_exchange" not in again.stderr


def test_a_restart_with_another_paper_balance_is_refused_until_the_ledger_is_rebased(
    tmp_path: Path,
) -> None:
    """Its ledger baseline holds the paper account the dry run started with: another start
    made every check a mismatch (read as a deposit, which a paper account cannot have) until
    the kill switch tripped; `ledger rebase` is the way to give it more."""
    db = tmp_path / "state.db"
    with threaded_emulator() as emu:
        env = {**emulator_env(emu), **paper_env(db)}
        first = cli("run", "--stage", "3", "--cycles", "2", "--cycle-seconds", "0", env=env)
        assert first.code == 0, first.output
        richer = {**env, "DRY_RUN_TRY_BALANCE": "8000"}
        refused = cli("run", "--stage", "3", "--cycles", "1", "--cycle-seconds", "0", env=richer)
        assert refused.code == 2, refused.output
        assert refused.stderr.strip().splitlines() == [
            "error: DRY_RUN_TRY_BALANCE 8000: this dry run's database holds a paper account "
            "that started with 5000 TRY, and its ledger checks the paper balances against that "
            "start; set DRY_RUN_TRY_BALANCE=5000 again, run `btcbot ledger rebase` first to "
            "give it the new balance, or start a new dry run on another STATE_DB_PATH"
        ]
        assert cli("ledger", "rebase", "--yes", env=env).code == 0
        rebased = cli("run", "--stage", "3", "--cycles", "4", "--cycle-seconds", "0", env=richer)
        assert rebased.code == 0, rebased.output
        assert "LEDGER MISMATCH" not in rebased.output, rebased.output
        again = cli("run", "--stage", "3", "--cycles", "1", "--cycle-seconds", "0", env=richer)
        assert again.code == 0, again.output  # the new start is the dry run's now
    assert cli("kill-switch", "status", env=env).stdout.count("runtime kill switch:  off") == 1
