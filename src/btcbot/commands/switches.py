"""Runtime switches stored in the state database: kill switch, unknown-order freeze, degrade
override. The running bot reads them at the start of every cycle."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

import typer

from btcbot.commands.common import (
    EnvFile,
    fail,
    inspected_store,
    load_common,
    now_ms,
    operator_store,
)
from btcbot.decision.modes import Mode
from btcbot.store import OpState, OpStatus, unit_of_work

kill_switch_app = typer.Typer(
    help="The runtime kill switch: no new risk while on (cancels still allowed).",
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


def _status(env_file: EnvFile) -> OpStatus:
    common = load_common(env_file)
    with inspected_store(common) as engine, engine.connect() as conn:
        return OpState(conn).get(common.account_key)


def _describe_kill_switch(status: OpStatus, settings_on: bool) -> str:
    runtime = "ON" if status.kill_switch else "off"
    lines = [
        f"settings KILL_SWITCH: {'ON' if settings_on else 'off'}",
        f"runtime kill switch:  {runtime}",
    ]
    if status.kill_switch:
        lines.append(
            f"  source: {status.kill_switch_source}  since: {_when(status.kill_switch_since_ms)}"
        )
        lines.append(f"  reason: {status.kill_switch_reason}")
    lines.append(f"consecutive reconciliation failures: {status.reconcile_failures}")
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
    common = load_common(env_file)
    with operator_store(common) as engine, unit_of_work(engine) as conn:
        OpState(conn).set_kill_switch(
            common.account_key, active=True, source="operator", reason=reason, now_ms=now_ms()
        )
    typer.echo(f"runtime kill switch ON for account {common.account_key!r}: {reason}")


@kill_switch_app.command("off")
def kill_switch_off(
    yes: Annotated[bool, typer.Option("--yes", help="Confirm without a prompt.")] = False,
    env_file: EnvFile = None,
) -> None:
    """Release the runtime kill switch (the settings KILL_SWITCH still applies)."""
    common = load_common(env_file)
    if not yes:
        typer.confirm("Release the runtime kill switch and allow new risk again?", abort=True)
    with operator_store(common) as engine, unit_of_work(engine) as conn:
        state = OpState(conn)
        state.set_kill_switch(
            common.account_key, active=False, source="operator", reason="released", now_ms=now_ms()
        )
        state.reset_reconcile_failures(common.account_key, now_ms=now_ms())
    typer.echo(f"runtime kill switch off for account {common.account_key!r}")
    if common.kill_switch:
        typer.echo("note: settings KILL_SWITCH=true still blocks new risk")


@freeze_app.command("status")
def freeze_status(env_file: EnvFile = None) -> None:
    """Show whether the unknown-order freeze is active and why."""
    status = _status(env_file)
    if not status.freeze_active:
        typer.echo("freeze: off")
        return
    typer.echo(
        f"freeze: ON since {_when(status.freeze_since_ms)}\n  reason: {status.freeze_reason}"
    )


@freeze_app.command("clear")
def freeze_clear(
    yes: Annotated[bool, typer.Option("--yes", help="Confirm without a prompt.")] = False,
    env_file: EnvFile = None,
) -> None:
    """Clear the sticky freeze once you have checked the unknown orders yourself."""
    common = load_common(env_file)
    if not yes:
        typer.confirm("Have you resolved the unknown orders on the exchange?", abort=True)
    with operator_store(common) as engine, unit_of_work(engine) as conn:
        OpState(conn).clear_freeze(common.account_key, now_ms=now_ms())
    typer.echo("freeze cleared")


@degrade_app.command("status")
def degrade_status(env_file: EnvFile = None) -> None:
    """Show any manual degrade override."""
    status = _status(env_file)
    mode = status.degrade_override_at(now_ms())
    if mode is None:
        typer.echo("degrade override: none (the risk layer decides the mode)")
        return
    typer.echo(
        f"degrade override: {mode} until {_when(status.degrade_override_until_ms)}\n"
        f"  reason: {status.degrade_override_reason}"
    )


@degrade_app.command("clear")
def degrade_clear(env_file: EnvFile = None) -> None:
    """Remove a manual degrade override."""
    common = load_common(env_file)
    with operator_store(common) as engine, unit_of_work(engine) as conn:
        OpState(conn).set_degrade_override(
            common.account_key, mode=None, reason=None, until_ms=None, now_ms=now_ms()
        )
    typer.echo("degrade override cleared")


@degrade_app.command("override")
def degrade_override(
    mode: Annotated[Mode, typer.Option(help="Mode to force.", case_sensitive=False)],
    reason: Annotated[str, typer.Option(help="Why (required, kept with the override).")],
    minutes: Annotated[int, typer.Option(min=1, help="How long the override lasts.")] = 15,
    env_file: EnvFile = None,
) -> None:
    """Force a mode (the worse of this and the risk layer's mode applies)."""
    common = load_common(env_file)
    if not reason.strip():
        fail("--reason must say why the mode is forced")
    now = now_ms()
    until = now + minutes * 60_000
    with operator_store(common) as engine, unit_of_work(engine) as conn:
        OpState(conn).set_degrade_override(
            common.account_key, mode=mode.value, reason=reason, until_ms=until, now_ms=now
        )
    typer.echo(f"degrade override {mode.value} until {_when(until)}")
