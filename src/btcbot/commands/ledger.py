"""``btcbot ledger``: the balance baseline the ledger check compares against (through the
operator services, :mod:`btcbot.operator`)."""

from __future__ import annotations

import typer

from btcbot.commands.common import EnvFile, Yes, load_common
from btcbot.commands.operator_access import cli_actor, reading, writing
from btcbot.operator import Action

ledger_app = typer.Typer(
    help="The ledger's balance baseline (baseline + fills must equal exchange balances).",
    no_args_is_help=True,
)


@ledger_app.command("status")
def ledger_status(env_file: EnvFile = None) -> None:
    """Show the stored baseline per asset."""
    with reading(env_file) as services:
        baseline = services.ledger().baseline
    if baseline is None:
        typer.echo("ledger baseline: none yet (taken from balances at the next cycle)")
        return
    typer.echo("ledger baseline (balances before the booked fills):")
    for asset, amount in sorted(baseline.items()):
        typer.echo(f"  {asset:<8} {amount}")


@ledger_app.command("rebase")
def ledger_rebase(
    yes: Yes = False,
    env_file: EnvFile = None,
) -> None:
    """Accept a balance change the agent did not make (deposit, withdrawal, another client's
    trade on the account): the next cycle takes a new baseline from the exchange balances."""
    load_common(env_file)
    if not yes:
        typer.confirm(
            "Only after a deposit, a withdrawal or trades outside the agent that you have "
            "checked: the next cycle accepts the exchange balances as the new baseline (fills "
            "of orders the agent did not place stay out of its positions). Continue?",
            abort=True,
        )
    with writing(env_file) as services:
        typer.echo(services.apply_now(Action.LEDGER_REBASE, {}, actor=cli_actor()).message)
