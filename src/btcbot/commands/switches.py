"""Runtime switches stored in the state database: kill switch, stop new entries, unknown-order
freeze, degrade override. The running bot reads them at the start of every cycle.

Reads and writes go through the operator services (:mod:`btcbot.operator`), which audit every
write as ``cli:<user>``; the prompts here are the CLI's confirmation step.
"""

from __future__ import annotations

from datetime import UTC, datetime
from enum import StrEnum
from typing import Annotated

import typer

from btcbot.commands.common import EnvFile, Yes, load_common
from btcbot.commands.operator_access import cli_actor, reading, writing
from btcbot.decision.modes import Mode
from btcbot.operator import Action
from btcbot.operator.actions import MAX_OVERRIDE_MINUTES
from btcbot.operator.views import StatusView

kill_switch_app = typer.Typer(
    help="The runtime kill switch: no new risk while on (cancels still allowed).",
    no_args_is_help=True,
)
entries_app = typer.Typer(
    help="Stop new entries: no new buys while stopped (sells, stops and cancels go on).",
    no_args_is_help=True,
)
freeze_app = typer.Typer(
    help="The unknown-order freeze: no new risk while an order's fate is unknown.",
    no_args_is_help=True,
)
degrade_app = typer.Typer(
    help="Degraded mode: inspect it, clear a manual override, or force a mode.",
    no_args_is_help=True,
)


def _when(ms: int | None) -> str:
    if ms is None:
        return "-"
    return datetime.fromtimestamp(ms / 1000, tz=UTC).strftime("%Y-%m-%d %H:%M:%S UTC")


def _status(env_file: EnvFile) -> StatusView:
    with reading(env_file) as services:
        return services.status(cycles=1)


def _do_confirmed(env_file: EnvFile, yes: bool, question: str, action: Action) -> None:
    """A write that lets the bot take more risk: asked on the terminal first (or ``--yes``),
    once the settings are known to load."""
    load_common(env_file)
    if not yes:
        typer.confirm(question, abort=True)
    _do(env_file, action)


def _do(env_file: EnvFile, action: Action, **params: object) -> None:
    with writing(env_file) as services:
        typer.echo(services.apply_now(action, params, actor=cli_actor()).message)


def _describe_kill_switch(status: StatusView, settings_on: bool) -> str:
    kill = status.kill_switch
    lines = [
        f"settings KILL_SWITCH: {'ON' if settings_on else 'off'}",
        f"runtime kill switch:  {'ON' if kill.runtime else 'off'}",
    ]
    if kill.runtime:
        lines.append(f"  source: {kill.source}  since: {_when(kill.since_ms)}")
        lines.append(f"  reason: {kill.reason}")
    lines.append(f"consecutive reconciliation failures: {status.reconcile_failures.consecutive}")
    return "\n".join(lines)


@kill_switch_app.command("status")
def kill_switch_status(env_file: EnvFile = None) -> None:
    """Show the settings and runtime kill switches."""
    common = load_common(env_file)
    typer.echo(_describe_kill_switch(_status(env_file), common.kill_switch))


@kill_switch_app.command("on")
def kill_switch_on(
    reason: Annotated[str, typer.Option(help="Why (kept with the switch).")] = "operator",
    env_file: EnvFile = None,
) -> None:
    """Trip the runtime kill switch: the bot stops opening risk at its next cycle."""
    _do(env_file, Action.KILL_SWITCH_ON, reason=reason)


@kill_switch_app.command("off")
def kill_switch_off(
    yes: Yes = False,
    env_file: EnvFile = None,
) -> None:
    """Release the runtime kill switch (the settings KILL_SWITCH still applies)."""
    _do_confirmed(
        env_file,
        yes,
        "Release the runtime kill switch and allow new risk again?",
        Action.KILL_SWITCH_OFF,
    )


@entries_app.command("status")
def entries_status(env_file: EnvFile = None) -> None:
    """Show whether new entries are stopped and why."""
    switch = _status(env_file).stop_entries
    if not switch.active:
        typer.echo("new entries: allowed")
        return
    typer.echo(f"new entries: STOPPED since {_when(switch.since_ms)}\n  reason: {switch.reason}")


@entries_app.command("stop")
def entries_stop(
    reason: Annotated[str, typer.Option(help="Why (kept with the switch).")] = "operator",
    env_file: EnvFile = None,
) -> None:
    """Stop new entries: no new buys from the next cycle; sells, stops and cancels go on."""
    _do(env_file, Action.STOP_ENTRIES, reason=reason)


@entries_app.command("resume")
def entries_resume(
    yes: Yes = False,
    env_file: EnvFile = None,
) -> None:
    """Allow new entries (buys) again."""
    _do_confirmed(env_file, yes, "Allow new buys again?", Action.RESUME_ENTRIES)


@freeze_app.command("status")
def freeze_status(env_file: EnvFile = None) -> None:
    """Show whether the unknown-order freeze is active and why."""
    freeze = _status(env_file).freeze
    if not freeze.active:
        typer.echo("freeze: off")
        return
    typer.echo(f"freeze: ON since {_when(freeze.since_ms)}\n  reason: {freeze.reason}")


@freeze_app.command("clear")
def freeze_clear(
    yes: Yes = False,
    env_file: EnvFile = None,
) -> None:
    """Clear the sticky freeze once you have checked the unknown orders yourself."""
    _do_confirmed(
        env_file, yes, "Have you resolved the unknown orders on the exchange?", Action.FREEZE_CLEAR
    )


@degrade_app.command("status")
def degrade_status(env_file: EnvFile = None) -> None:
    """Show any manual degrade override."""
    override = _status(env_file).degrade_override
    if override is None:
        typer.echo("degrade override: none (the risk layer decides the mode)")
        return
    typer.echo(
        f"degrade override: {override.mode} until {_when(override.until_ms)}\n"
        f"  reason: {override.reason}"
    )


@degrade_app.command("clear")
def degrade_clear(
    yes: Yes = False,
    env_file: EnvFile = None,
) -> None:
    """Remove a manual degrade override (asks first: the risk layer alone decides again)."""
    _do_confirmed(
        env_file,
        yes,
        "Remove the override and let the risk layer decide the mode?",
        Action.DEGRADE_CLEAR,
    )


class ForcedMode(StrEnum):
    """What an override may force (:data:`btcbot.operator.actions.FORCED_MODES`)."""

    REDUCE_RISK_ONLY = Mode.REDUCE_RISK_ONLY.value
    OBSERVE_ONLY = Mode.OBSERVE_ONLY.value


@degrade_app.command("override")
def degrade_override(
    mode: Annotated[
        ForcedMode,
        typer.Option(help="Mode to force (more cautious than NORMAL).", case_sensitive=False),
    ],
    reason: Annotated[str, typer.Option(help="Why (required, kept with the override).")],
    minutes: Annotated[
        int,
        typer.Option(
            min=1, max=MAX_OVERRIDE_MINUTES, help="How long the override lasts (at most a week)."
        ),
    ] = 15,
    env_file: EnvFile = None,
) -> None:
    """Force a mode (the worse of this and the risk layer's mode applies)."""
    _do(env_file, Action.DEGRADE_OVERRIDE, mode=mode.value, reason=reason, minutes=minutes)
