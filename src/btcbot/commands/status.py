"""``btcbot status``: what the state database says about the bot, read-only.

The database is opened as it is (never created, migrated or stamped); exit 0 when it could be
read, 2 when it is missing or at another schema. The answer comes from the operator services
(:meth:`btcbot.operator.OperatorServices.status`); this module only prints it. The report
ends with a health verdict (ok / degraded / failing).
"""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import UTC, datetime
from decimal import Decimal
from typing import Annotated, Any

import typer

from btcbot.commands.common import EnvFile
from btcbot.commands.operator_access import reading
from btcbot.config.redaction import redact_url_password
from btcbot.domain.money import format_decimal, to_decimal
from btcbot.operator.views import (
    CycleView,
    DegradeOverrideView,
    LockView,
    RiskView,
    RunSettingsView,
    StatusView,
    SwitchView,
    TripView,
)
from btcbot.store import Liveness

Json = Annotated[bool, typer.Option("--json", help="One JSON document on stdout.")]


def when(ms: int | None) -> str:
    if ms is None:
        return "-"
    return datetime.fromtimestamp(ms / 1000, tz=UTC).strftime("%Y-%m-%d %H:%M:%S UTC")


def age(ms: int) -> str:
    seconds = max(ms, 0) // 1000
    if seconds < 120:
        return f"{seconds}s"
    if seconds < 7200:
        return f"{seconds // 60}m{seconds % 60:02d}s"
    return f"{seconds // 3600}h{seconds % 3600 // 60:02d}m"


def money(value: Any) -> str | None:
    return None if value is None else format_decimal(value)


def _cents(text: str | None) -> str:
    """Equity for reading: two decimals (the JSON output keeps the exact value)."""
    return "-" if text is None else format_decimal(to_decimal(text).quantize(Decimal("0.01")))


def status_command(
    cycles: Annotated[int, typer.Option("--cycles", min=0, help="Recent cycles to list.")] = 5,
    as_json: Json = False,
    env_file: EnvFile = None,
) -> None:
    """Show the bot's state and health from the state database (read-only).

    Database role and schema, the settings the running (or last) instance started with, kill
    switch, freeze, degrade override, reconciliation failures, lock holder, recent cycles,
    live orders, fills and a health verdict.
    """
    with reading(env_file) as services:
        view = status_document(services.status(cycles), cycles)
    if as_json:
        typer.echo(json.dumps(view, indent=2))
    else:
        print_status(view)


def status_document(status: StatusView, limit: int) -> dict[str, Any]:
    """The status as ``btcbot status --json`` prints it (times as UTC text)."""
    kill = status.kill_switch
    return {
        "database": asdict(status.database),
        "account": status.account,
        "run_settings": _run_settings(status.run_settings),
        "accounts": list(status.accounts),
        "health": {
            "status": status.health.status,
            "checks": [asdict(check) for check in status.health.checks],
        },
        "trips": [_trip(trip) for trip in status.trips],
        "kill_switch": {
            "settings": kill.settings,
            "runtime": kill.runtime,
            "source": kill.source,
            "reason": kill.reason,
            "since": when(kill.since_ms) if kill.runtime else None,
        },
        "freeze": _switch(status.freeze),
        "stop_entries": _switch(status.stop_entries),
        "degrade_override": _override(status.degrade_override),
        "risk": _risk(status.risk),
        "reconcile_failures": asdict(status.reconcile_failures),
        "lock": _lock(status.lock),
        "cycles": [_cycle(c) for c in status.cycles[:limit]],
        "live_orders": status.live_orders,
        "unreadable_orders": [asdict(row) for row in status.unreadable_orders],
        "fills": status.fills,
    }


def _trip(trip: TripView) -> dict[str, Any]:
    return {
        "kind": trip.kind,
        "severity": trip.severity,
        "headline": trip.headline,
        "detail": trip.detail,
        "since": when(trip.since_ms) if trip.since_ms is not None else None,
        "resolve": trip.resolve,
    }


def _run_settings(run: RunSettingsView | None) -> dict[str, Any] | None:
    if run is None:
        return None
    return {
        "started": when(run.started_ms),
        "pid": run.pid,
        "stage": run.stage,
        "armed": run.armed,
        "live": run.live,
        "not_armed": list(run.not_armed),
        # recorded before URL passwords were redacted on the way in: redact on the way out
        "settings": {name: redact_url_password(value) for name, value in run.settings.items()},
        "changed": list(run.changed),
    }


def _switch(switch: SwitchView) -> dict[str, Any]:
    return {
        "active": switch.active,
        "reason": switch.reason,
        "since": when(switch.since_ms) if switch.active else None,
    }


def _override(override: DegradeOverrideView | None) -> dict[str, Any] | None:
    if override is None:
        return None
    return {"mode": override.mode, "reason": override.reason, "until": when(override.until_ms)}


def _risk(risk: RiskView) -> dict[str, Any]:
    held = risk.degrade_held_until_ms
    return {
        "mode": risk.mode,
        "reasons": list(risk.reasons),
        "degrade_level": risk.degrade_level,
        "degrade_held_until": when(held) if held is not None else None,
        "anomalies": list(risk.anomalies),
        "reject_cooldowns": {
            symbol: when(until) for symbol, until in risk.reject_cooldowns.items()
        },
        "universe": list(risk.universe),
    }


def _lock(lock: LockView | None) -> dict[str, Any] | None:
    if lock is None:
        return None
    return {
        "key": lock.key,
        "instance": lock.instance,
        "pid": lock.pid,
        "host": lock.host,
        "started": when(lock.started_ms),
        "heartbeat_age_s": lock.heartbeat_age_s,
        "state": lock.state,
        "evidence": lock.evidence,
        "stale": lock.stale,
    }


def _cycle(cycle: CycleView) -> dict[str, Any]:
    return {
        "cycle_id": cycle.cycle_id,
        "time": when(cycle.started_ms),
        "stage": cycle.stage,
        "mode": cycle.mode,
        "risk_mode": cycle.risk_mode,
        "submits": cycle.submits,
        "cancels": cycle.cancels,
        "equity": money(cycle.equity),
    }


_SEVERITY_COLORS = {
    "error": typer.colors.RED,
    "warning": typer.colors.YELLOW,
    "info": None,
}
_HEALTH_COLORS = {
    "ok": typer.colors.GREEN,
    "degraded": typer.colors.YELLOW,
    "failing": typer.colors.RED,
}


def print_status(view: dict[str, Any]) -> None:
    db = view["database"]
    typer.echo(f"state database: {db['location']} (role {db['role']}, schema {db['schema']})")
    for line in _run_settings_lines(view["run_settings"], view["account"], view["accounts"]):
        typer.echo(line)
    health = view["health"]
    typer.secho(
        f"health: {health['status'].upper()}", fg=_HEALTH_COLORS[health["status"]], bold=True
    )
    for check in health["checks"]:
        typer.echo(f"  {check['name']:<16} {check['status']:<9} {check['detail']}")
    for trip in view["trips"]:
        typer.secho(trip["headline"], fg=_SEVERITY_COLORS[trip["severity"]], bold=True)
        typer.echo(f"  to resolve: {trip['resolve']}")
    for line in _switch_lines(view):
        typer.echo(line)
    _print_cycles(view["cycles"])
    live = view["live_orders"]
    counts = ", ".join(f"{status} {n}" for status, n in live.items()) or "none"
    unreadable = view["unreadable_orders"]
    also = f", {len(unreadable)} unreadable" if unreadable else ""
    typer.echo(f"live orders: {sum(live.values())} ({counts}){also}")
    for row in view["unreadable_orders"]:
        typer.secho(
            f"  unreadable order row {row['client_order_id']}: {row['problem']}",
            fg=typer.colors.RED,
        )
    typer.echo(f"fills: {view['fills']}")


def _run_settings_lines(run: dict[str, Any] | None, account: str, accounts: list[str]) -> list[str]:
    if run is None and accounts:
        ran = ", ".join(repr(a) for a in accounts)
        return [
            f"run settings: account {account!r} (ACCOUNT_KEY) has never run on this database; "
            f"the bot here runs as {ran}: set ACCOUNT_KEY to see (and switch) that bot; the "
            f"switches below are account {account!r}'s, which no bot here reads"
        ]
    if run is None:
        return [
            "run settings: none recorded (no run has started on this database); the switches "
            "below show this shell's settings"
        ]
    blocks = ", ".join(run["not_armed"])
    mode = (
        "LIVE (armed)"
        if run["armed"]
        else f"LIVE, NO NEW RISK (cancels only: {blocks})"
        if run.get("live")
        else f"DRY RUN (not armed: {blocks})"
    )
    settings = run["settings"]
    changed = " ".join(f"{name}={settings[name]}" for name in run["changed"] if name in settings)
    return [
        f"run settings: as started by pid {run['pid']} at {run['started']}: stage "
        f"{run['stage']}, {mode}",
        "  changed from defaults: " + (changed or "none"),
    ]


def _switch_lines(view: dict[str, Any]) -> list[str]:
    kill = view["kill_switch"]
    runtime = "ON" if kill["runtime"] else "off"
    lines = [f"kill switch: settings {'ON' if kill['settings'] else 'off'}, runtime {runtime}"]
    if kill["runtime"]:
        lines.append(f"  source {kill['source']} since {kill['since']}: {kill['reason']}")
    freeze = view["freeze"]
    lines.append(
        f"freeze: ON since {freeze['since']}: {freeze['reason']}"
        if freeze["active"]
        else "freeze: off"
    )
    override = view["degrade_override"]
    lines.append(
        "degrade override: none"
        if override is None
        else f"degrade override: {override['mode']} until {override['until']}: {override['reason']}"
    )
    lines.extend(_risk_lines(view["risk"]))
    rec = view["reconcile_failures"]
    lines.append(
        f"reconciliation failures: {rec['consecutive']} in a row (kill switch at "
        f"{rec['threshold']})" + (f"; last: {rec['last_error']}" if rec["consecutive"] else "")
    )
    lines.append(_lock_line(view["lock"], view["account"]))
    return lines


def _risk_lines(risk: dict[str, Any]) -> list[str]:
    reasons = f" ({', '.join(risk['reasons'])})" if risk["reasons"] else ""
    level = f"degrade level {risk['degrade_level']}"
    if risk["degrade_held_until"]:
        level += f" held until {risk['degrade_held_until']}"
    lines = [f"risk mode: {risk['mode']}{reasons}; {level}"]
    lines.append("anomalies (last cycle): " + (", ".join(risk["anomalies"]) or "none"))
    cooldowns = risk["reject_cooldowns"]
    lines.append(
        "reject cooldowns: " + (", ".join(f"{s} until {t}" for s, t in cooldowns.items()) or "none")
    )
    if risk["universe"]:
        lines.append("universe: " + ",".join(risk["universe"]))
    return lines


def _lock_line(lock: dict[str, Any] | None, account: str) -> str:
    if lock is None:
        return f"lock: free (account {account!r})"
    live = lock["state"] == Liveness.LIVE.value
    state = "[live]" if live else f"[{lock['state'].upper()}] {lock['evidence']}"
    return (
        f"lock: held by pid {lock['pid']} on {lock['host']} (instance {lock['instance']}), "
        f"heartbeat {lock['heartbeat_age_s']}s ago {state}"
    )


def _print_cycles(cycles: list[dict[str, Any]]) -> None:
    if not cycles:
        typer.echo("cycles: none recorded yet")
        return
    typer.echo(f"last {len(cycles)} cycle(s):")
    typer.echo(f"  {'time':<23} {'stage':>5} {'mode':<8} {'risk mode':<17} sub can equity")
    for c in cycles:
        typer.echo(
            f"  {c['time']:<23} {c['stage']:>5} {c['mode']:<8} {c['risk_mode'] or '-':<17} "
            f"{c['submits']:>3} {c['cancels']:>3} {_cents(c['equity'])}"
        )


__all__ = ["age", "money", "status_command", "status_document", "when"]
