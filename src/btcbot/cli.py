"""The operator's command line: ``btcbot --help``.

Each command is a thin shell: it parses options, builds the real components and maps known
failures to exit codes (2 = configuration/safety refusal, 1 = runtime failure). The work lives
in the packages the commands call.
"""

from __future__ import annotations

import os
from typing import Annotated

import typer

from btcbot import __version__
from btcbot.commands.backtest import backtest_command, parity_command
from btcbot.commands.canary import canary_app
from btcbot.commands.common import LOG_OPTIONS, configure_logs, environment_secrets
from btcbot.commands.data import data_app
from btcbot.commands.db import db_app
from btcbot.commands.demo import demo_command
from btcbot.commands.doctor import doctor_command, preflight_command
from btcbot.commands.ledger import ledger_app
from btcbot.commands.lock import lock_app
from btcbot.commands.orders import orders_command
from btcbot.commands.report import report_command
from btcbot.commands.run import run_command
from btcbot.commands.secrets import secrets_app
from btcbot.commands.status import status_command
from btcbot.commands.switches import degrade_app, freeze_app, kill_switch_app
from btcbot.emulator.command import emulator_command

app = typer.Typer(
    name="btcbot",
    help="A careful spot trading agent for BTCTurk, with a loopback BTCTurk emulator.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def global_options(
    log_level: Annotated[
        str | None,
        typer.Option(
            "--log-level",
            help="DEBUG, INFO, WARNING or ERROR (default: LOG_LEVEL, else the command's own).",
        ),
    ] = None,
    log_json: Annotated[
        bool, typer.Option("--log-json", help="Log JSON lines (for unattended runs).")
    ] = False,
) -> None:
    """Logs go to stderr with every known secret value redacted."""
    LOG_OPTIONS.level = log_level or os.environ.get("LOG_LEVEL")
    LOG_OPTIONS.json = log_json
    configure_logs("INFO", environment_secrets())


app.command(
    "emulator",
    help="Run the BTCTurk-compatible exchange emulator on loopback (REST + WebSocket).",
)(emulator_command)


app.command("demo")(demo_command)
app.command("run")(run_command)
app.command("backtest")(backtest_command)
app.command("parity")(parity_command)
app.command("report")(report_command)
app.command("status")(status_command)
app.command("orders")(orders_command)
app.command("doctor")(doctor_command)
app.command("preflight")(preflight_command)
app.add_typer(canary_app, name="canary")
app.add_typer(kill_switch_app, name="kill-switch")
app.add_typer(freeze_app, name="freeze")
app.add_typer(degrade_app, name="degrade")
app.add_typer(lock_app, name="lock")
app.add_typer(ledger_app, name="ledger")
app.add_typer(data_app, name="data")
app.add_typer(secrets_app, name="secrets")
app.add_typer(db_app, name="db")


@app.command("version")
def version_command() -> None:
    """Print the btcbot version."""
    typer.echo(__version__)


def main() -> None:
    app()
