"""``btcbot ledger``: the balance baseline the ledger check compares against."""

from __future__ import annotations

from typing import Annotated

import typer

from btcbot.commands.common import EnvFile, inspected_store, load_common, operator_store
from btcbot.runtime.ledger_guard import baseline_key
from btcbot.store import RiskStateRepository, unit_of_work

ledger_app = typer.Typer(
    help="The ledger's balance baseline (baseline + fills must equal exchange balances).",
    no_args_is_help=True,
)


@ledger_app.command("status")
def ledger_status(env_file: EnvFile = None) -> None:
    """Show the stored baseline per asset."""
    common = load_common(env_file)
    with inspected_store(common) as engine, engine.connect() as conn:
        baseline = RiskStateRepository(conn).get(baseline_key(common.account_key))
    if baseline is None:
        typer.echo("ledger baseline: none yet (taken from balances at the next cycle)")
        return
    typer.echo("ledger baseline (balances before the booked fills):")
    for asset, amount in sorted(baseline.items()):
        typer.echo(f"  {asset:<8} {amount}")


@ledger_app.command("rebase")
def ledger_rebase(
    yes: Annotated[bool, typer.Option("--yes", help="Confirm without a prompt.")] = False,
    env_file: EnvFile = None,
) -> None:
    """Accept a balance change the agent did not make (deposit, withdrawal, another client's
    trade on the account): the next cycle takes a new baseline from the exchange balances."""
    common = load_common(env_file)
    if not yes:
        typer.confirm(
            "Only after a deposit, a withdrawal or trades outside the agent that you have "
            "checked: the next cycle accepts the exchange balances as the new baseline (fills "
            "of orders the agent did not place stay out of its positions). Continue?",
            abort=True,
        )
    with operator_store(common) as engine, unit_of_work(engine) as conn:
        removed = RiskStateRepository(conn).delete(baseline_key(common.account_key))
    typer.echo(
        "ledger baseline cleared: the next cycle takes a new one"
        if removed
        else "no ledger baseline was stored"
    )
    typer.echo("if the kill switch tripped on the mismatch, release it: btcbot kill-switch off")
    typer.echo("if foreign fills froze new risk, lift the freeze: btcbot freeze clear")
