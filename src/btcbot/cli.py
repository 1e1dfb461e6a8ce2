"""The operator's command line: ``btcbot --help``.

Each command is a thin shell: it parses options, builds the real components and maps known
failures to exit codes (2 = configuration/safety refusal, 1 = runtime failure). The work lives
in the packages the commands call.

Commands are loaded lazily (:class:`LazyGroup`): ``btcbot --help`` lists them from the table
below without importing a single command module, and ``btcbot status`` imports only what
``status`` needs. A test keeps each listed line equal to the command's own first help line.
"""

from __future__ import annotations

import difflib
import importlib
import os
from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated, Any

import typer
from typer.core import TyperCommand, TyperGroup

from btcbot import __version__


@dataclass(frozen=True, slots=True)
class LazyCommand:
    target: str  # "module:attribute": a command function or a typer.Typer group
    help: str  # the line ``btcbot --help`` shows (= the command's first help line)

    def load(self, name: str) -> Any:
        module, _, attribute = self.target.partition(":")
        found = getattr(importlib.import_module(module), attribute)
        if isinstance(found, typer.Typer):
            command: Any = typer.main.get_group(found)
        else:
            holder = typer.Typer()
            holder.command(name)(found)
            command = typer.main.get_command(holder)
        command.name = name
        return command


COMMANDS: dict[str, LazyCommand] = {
    "run": LazyCommand(
        "btcbot.commands.run:run_command",
        "Run the trading agent. Dry-run (paper fills) unless all five live gates are set.",
    ),
    "demo": LazyCommand(
        "btcbot.commands.demo:demo_command",
        "Run the agent end to end on the embedded emulator and SQLite: no keys, no network.",
    ),
    "status": LazyCommand(
        "btcbot.commands.status:status_command",
        "Show the bot's state and health from the state database (read-only).",
    ),
    "orders": LazyCommand(
        "btcbot.commands.orders:orders_command",
        "List our orders from the state database (live ones by default), newest first.",
    ),
    "serve": LazyCommand(
        "btcbot.commands.serve:serve_command",
        "Serve the control API and web dashboard over the state database (no trading).",
    ),
    "doctor": LazyCommand(
        "btcbot.commands.doctor:doctor_command",
        "Check everything a run needs; read-only. Exit 0 unless a check FAILs (then 2).",
    ),
    "preflight": LazyCommand(
        "btcbot.commands.doctor:preflight_command",
        "Can this start live right now? Exit 0 only when ready, 2 otherwise.",
    ),
    "canary": LazyCommand(
        "btcbot.commands.canary:canary_app",
        "A guarded first live run: one symbol, a small notional cap, a short TTL, doctor first.",
    ),
    "kill-switch": LazyCommand(
        "btcbot.commands.switches:kill_switch_app",
        "The runtime kill switch: no new risk while on (cancels still allowed).",
    ),
    "entries": LazyCommand(
        "btcbot.commands.switches:entries_app",
        "Stop new entries: no new buys while stopped (sells, stops and cancels go on).",
    ),
    "freeze": LazyCommand(
        "btcbot.commands.switches:freeze_app",
        "The unknown-order freeze: no new risk while an order's fate is unknown.",
    ),
    "degrade": LazyCommand(
        "btcbot.commands.switches:degrade_app",
        "Degraded mode: inspect it, clear a manual override, or force a mode.",
    ),
    "lock": LazyCommand("btcbot.commands.lock:lock_app", "The single-writer process lock."),
    "ledger": LazyCommand(
        "btcbot.commands.ledger:ledger_app",
        "The ledger's balance baseline (baseline + fills must equal exchange balances).",
    ),
    "reasons": LazyCommand(
        "btcbot.commands.reasons:reasons_command",
        "Explain reason codes (cycle lines, decisions, blocked intents), one line each.",
    ),
    "backtest": LazyCommand(
        "btcbot.commands.backtest:backtest_command",
        "Backtest a stage profile or a strategy on historical candles via the live cycle runner.",
    ),
    "parity": LazyCommand(
        "btcbot.commands.backtest:parity_command",
        "Compare two runs' fingerprints: exit 0 when they match, 1 when they differ.",
    ),
    "sweep": LazyCommand(
        "btcbot.commands.sweep:sweep_command",
        "Search a strategy's parameters with Optuna; walk-forward validation, lookahead check.",
    ),
    "lookahead": LazyCommand(
        "btcbot.commands.lookahead:lookahead_command",
        "Check a strategy for lookahead: replay on data cut at many points, compare decisions.",
    ),
    "report": LazyCommand(
        "btcbot.commands.report:report_command",
        "Report a run: return, CAGR, drawdown, Sharpe, Sortino, Calmar, round trips, fees, charts.",
    ),
    "data": LazyCommand(
        "btcbot.commands.data:data_app",
        "Market data: import CSV files into Parquet datasets, validate files, download candles "
        "from BTCTurk, record its WebSocket.",
    ),
    "secrets": LazyCommand(
        "btcbot.commands.secrets:secrets_app", "The BTCTurk API key: age and a signed probe."
    ),
    "db": LazyCommand(
        "btcbot.commands.db:db_app", "Back up and restore the state database (SQLite)."
    ),
    "emulator": LazyCommand(
        "btcbot.emulator.command:emulator_command",
        "Run a BTCTurk-compatible exchange on loopback (no network, no real keys).",
    ),
}

# Commands that read no settings: a broken LOG_LEVEL must not stop them.
_NO_SETTINGS = frozenset({"version", "reasons"})


class LazyGroup(TyperGroup):
    """A group that imports a command's module only when that command runs (or shows its
    own help), and turns a known bad-input error escaping a command into exit code 2."""

    def __init__(self, **attrs: Any) -> None:
        super().__init__(**attrs)
        self._listing = False

    def list_commands(self, ctx: Any) -> list[str]:
        return [*COMMANDS, *(name for name in super().list_commands(ctx) if name not in COMMANDS)]

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        command = super().get_command(ctx, cmd_name)
        lazy = COMMANDS.get(cmd_name)
        if command is not None or lazy is None:
            return command
        if self._listing:  # the command list of --help: name and line, nothing imported
            return TyperCommand(name=cmd_name, help=lazy.help)
        command = lazy.load(cmd_name)
        self.commands[cmd_name] = command
        return command

    def format_help(self, ctx: Any, formatter: Any) -> None:
        self._listing = True
        try:
            super().format_help(ctx, formatter)
        finally:
            self._listing = False

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        names = self.list_commands(ctx)
        if args and not args[0].startswith("-") and args[0] not in names:
            close = difflib.get_close_matches(args[0], names)
            hint = f" Did you mean {', '.join(repr(name) for name in close)}?" if close else ""
            ctx.fail(f"No such command {args[0]!r}.{hint}")
        return super().resolve_command(ctx, args)

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except Exception as exc:
            if type(exc).__module__.startswith("typer"):
                raise  # the command line's own exits and usage errors
            from btcbot.commands.boundary import exit_for

            exit_for(exc)  # a known bad-input error: one line, exit 2 (or 1)
            raise


app = typer.Typer(
    name="btcbot",
    cls=LazyGroup,
    help="A careful spot trading agent for BTCTurk, with a loopback BTCTurk emulator.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class LogLevel(StrEnum):
    DEBUG = "DEBUG"
    INFO = "INFO"
    WARNING = "WARNING"
    ERROR = "ERROR"
    CRITICAL = "CRITICAL"


@app.callback()
def global_options(
    ctx: typer.Context,
    log_level: Annotated[
        LogLevel | None,
        typer.Option(
            "--log-level",
            case_sensitive=False,
            help="DEBUG, INFO, WARNING or ERROR (default: LOG_LEVEL, else the command's own).",
        ),
    ] = None,
    log_json: Annotated[
        bool, typer.Option("--log-json", help="Log JSON lines (for unattended runs).")
    ] = False,
) -> None:
    """Logs go to stderr with every known secret value redacted."""
    if ctx.invoked_subcommand in _NO_SETTINGS:
        return
    from btcbot.commands.logs import LOG_OPTIONS, configure_logs, environment_secrets

    LOG_OPTIONS.level = log_level.value if log_level is not None else _env_log_level()
    LOG_OPTIONS.json = log_json
    configure_logs("INFO", environment_secrets())


def _env_log_level() -> str | None:
    text = os.environ.get("LOG_LEVEL", "").strip()
    if not text:
        return None
    if text.upper() not in LogLevel.__members__:
        typer.secho(
            "error: LOG_LEVEL is not a log level (the value is not shown): set it to one of "
            f"{', '.join(LogLevel)} (or unset it)",
            fg=typer.colors.RED,
            err=True,
        )
        raise typer.Exit(2)
    return text.upper()


@app.command("version")
def version_command() -> None:
    """Print the btcbot version."""
    typer.echo(__version__)


def main() -> None:
    app()
