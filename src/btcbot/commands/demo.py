"""``btcbot demo``: the agent trading on the embedded BTCTurk emulator (no keys, no network)."""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table
from sqlalchemy import Engine

from btcbot.accounting import check_balances, expected_holdings
from btcbot.commands.common import EXIT_RUNTIME, EnvFile, cycle_seconds_option, fail
from btcbot.commands.demo_settings import DemoError, DemoOptions, demo_config
from btcbot.commands.logs import configure_logs
from btcbot.commands.run import print_report
from btcbot.config import ConfigError
from btcbot.domain import Balance, Fill
from btcbot.domain.money import to_decimal
from btcbot.domain.trips import TripKind, resolution
from btcbot.emulator import Emulator, EmulatorConfig, running_emulator
from btcbot.runtime.factory import open_runtime
from btcbot.runtime.ledger_guard import baseline_key
from btcbot.runtime.loop import run_until_stopped
from btcbot.store import FillRepository, OrderRepository, RiskStateRepository, unit_of_work
from btcbot.store.errors import LockLost
from btcbot.store.locks import probe_lock_file
from btcbot.store.schema import orders

DEMO_DIR = Path(".btcbot-demo")


def demo_command(
    stage: Annotated[int, typer.Option("--stage", help="Strategy profile: 3, 4 or 7.")] = 3,
    cycles: Annotated[int, typer.Option("--cycles", min=1, help="Cycles to run.")] = 20,
    cycle_seconds: Annotated[
        float, typer.Option("--cycle-seconds", help="Pause between cycles (0 to 86400).")
    ] = 1.0,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Paper-trade instead of placing emulator orders.")
    ] = False,
    seed: Annotated[int, typer.Option("--seed", help="Emulator market seed.")] = 1,
    ttl_seconds: Annotated[
        int, typer.Option("--ttl-seconds", min=1, help="Order time-to-live for the demo.")
    ] = 10,
    env_file: EnvFile = None,
) -> None:
    """Run the agent end to end on the embedded emulator and SQLite: no keys, no network.

    The agent is armed against the emulator (loopback only; no real exchange is reachable)
    with the emulator's demo account, unless --dry-run. State goes to .btcbot-demo/state.db,
    recreated on every demo run.
    """
    if stage not in (3, 4, 7):
        fail(f"--stage {stage}: choose 3, 4 or 7")
    cycle_seconds_option(cycle_seconds)
    configure_logs("WARNING")  # the cycle lines tell the story; --log-level INFO shows more
    options = DemoOptions(stage, _fresh_db(), dry_run, ttl_seconds)
    try:
        asyncio.run(_demo(options, seed, cycles, cycle_seconds, env_file))
    except LockLost as exc:
        fail(
            f"the demo stopped: {exc}. To resolve: {resolution(TripKind.LOCK_LOST)}",
            EXIT_RUNTIME,
        )


def _fresh_db() -> Path:
    DEMO_DIR.mkdir(exist_ok=True)
    _refuse_a_running_demo()
    for old in DEMO_DIR.glob("state.db*"):
        old.unlink()
    return DEMO_DIR / "state.db"


def _refuse_a_running_demo() -> None:
    """Exit 2 while another demo runs here: recreating the database would delete the one it
    is writing (its lock, taken later, is in the demo's own lock directory)."""
    for lock_file in sorted((DEMO_DIR / "locks").glob("*.lock")):
        probe = probe_lock_file(lock_file)
        if probe.held:
            who = probe.records[0].describe() if probe.records else "pid unknown"
            fail(
                f"another btcbot demo ({who}) is running in this directory: a new one would "
                f"delete the database it writes ({DEMO_DIR / 'state.db'}); wait for it to end "
                "or stop it, or start this demo from another directory"
            )


async def _demo(
    options: DemoOptions, seed: int, cycles: int, cycle_seconds: float, env_file: Path | None
) -> None:
    emulator_config = EmulatorConfig(seed=seed, port=0, tick_seconds=0.2)
    async with running_emulator(emulator_config) as emu:
        try:
            config = demo_config(emu, options, env_file)
        except (ConfigError, DemoError) as exc:
            fail(str(exc))
        mode = "PAPER (dry-run)" if options.dry_run else "ARMED against the emulator"
        typer.secho(
            f"btcbot demo: embedded BTCTurk emulator at {emu.rest_url} (loopback; no real "
            f"exchange is reachable)\n  agent: {mode}, stage {options.stage}, symbols "
            f"{','.join(s.normalized for s in config.common.symbols)}, "
            f"TTL {options.ttl_seconds}s, state {options.db_path}",
            bold=True,
        )
        async with open_runtime(config) as runtime:
            await run_until_stopped(
                runtime.runner, cycles=cycles, cycle_seconds=cycle_seconds, on_report=print_report
            )
            # Freeze the market, then book what the last cycle's orders did, so the summary
            # compares the ledger with balances that no longer move.
            emu.pause_market()
            await runtime.runner.oms.reconcile(config.common.symbols)
            _summary(runtime.engine, emu, options)


def _summary(engine: Engine, emu: Emulator, options: DemoOptions) -> None:
    with unit_of_work(engine) as conn:
        statuses = Counter(row.status for row in conn.execute(orders.select()))
        fills = FillRepository(conn).all()
        baseline_doc = RiskStateRepository(conn).get(baseline_key("main")) or {}
        live = OrderRepository(conn).live_orders()
    table = Table(title="demo summary")
    table.add_column("what")
    table.add_column("value", justify="right")
    for status, count in sorted(statuses.items()):
        table.add_row(f"orders {status}", str(count))
    table.add_row("fills booked", str(len(fills)))
    table.add_row("orders still working", str(len(live)))
    if not options.dry_run:
        table.add_row("ledger equals exchange balances", _ledger_matches(emu, fills, baseline_doc))
    Console().print(table)
    typer.echo(
        f"inspect the state: STATE_DB_PATH={options.db_path} btcbot status | orders | "
        "kill-switch status"
    )


def _ledger_matches(emu: Emulator, fills: list[Fill], baseline_doc: Mapping[str, Any]) -> str:
    user = emu.exchange.user_by_key(emu.demo_account.api_key)
    if user is None:
        return "no demo account"
    balances = [
        Balance(asset, user.wallet.total(asset), Decimal(0)) for asset in user.wallet.assets()
    ]
    baseline = {asset: to_decimal(str(value)) for asset, value in baseline_doc.items()}
    check = check_balances(expected_holdings(fills, baseline), balances)
    if check.ok:
        return "yes"
    return "NO: " + "; ".join(m.describe() for m in check.mismatches)
