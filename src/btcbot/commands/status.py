"""``btcbot status``: what the state database says about the bot, read-only.

The database is opened as it is (never created, migrated or stamped); exit 0 when it could be
read, 2 when it is missing or at another schema. The report ends with a health verdict
(ok / degraded / failing) computed by :func:`btcbot.obs.health.assess_health` from what the
database holds; its market data and WebSocket checks need a running process and are left
out, and a ``process`` check (lock holder live, stale, dead or absent) is added.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime
from decimal import Decimal
from typing import Annotated, Any

import typer
from sqlalchemy import Engine, func, select

from btcbot.commands.common import EnvFile, inspected_store, load_common, now_ms
from btcbot.commands.lock import api_key_setting, current_lock
from btcbot.config import CommonSettings
from btcbot.decision.risk_state import RiskState
from btcbot.domain.money import format_decimal, to_decimal
from btcbot.domain.trips import Trip, trips_in_force
from btcbot.obs.health import Check, HealthInputs, HealthReport, HealthStatus, assess_health
from btcbot.risk.rejects import cooling_symbols
from btcbot.runtime.risk_state_codec import decode_risk_state
from btcbot.store import (
    CycleRecord,
    CycleRepository,
    HolderView,
    Liveness,
    LockIdentity,
    OpState,
    OpStatus,
    OrderRepository,
    RiskStateRepository,
    current_revision,
    peek_role,
)
from btcbot.store.run_settings import RunSettingsRepository
from btcbot.store.schema import fills

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
    common = load_common(env_file)
    with inspected_store(common) as engine:
        view = read_status(engine, common, cycles, now_ms(), api_key=api_key_setting(env_file))
    if as_json:
        typer.echo(json.dumps(view, indent=2))
    else:
        print_status(view)


def read_status(
    engine: Engine, shell: CommonSettings, limit: int, now: int, *, api_key: str | None = None
) -> dict[str, Any]:
    identity, holder = current_lock(engine, shell, api_key, now)
    with engine.connect() as conn:
        recorded = RunSettingsRepository(conn).get(shell.account_key)
        common = run_common(shell, recorded)
        op = OpState(conn).get(common.account_key)
        recent = CycleRepository(conn).latest(max(limit, 1))
        live = Counter(s.status.value for s in OrderRepository(conn).live_orders())
        risk = decode_risk_state(RiskStateRepository(conn).get(common.account_key))
        fill_count = conn.execute(select(func.count()).select_from(fills)).scalar_one()
    health = status_health(common, op, holder, recent, now)
    return {
        "database": {
            "location": _location(common),
            "role": _role(engine),
            "schema": current_revision(engine),
        },
        "account": common.account_key,
        "run_settings": _run_settings(recorded),
        "health": health.to_dict(),
        "trips": [trip.to_dict() for trip in _trips(common, op, now)],
        "kill_switch": _kill_switch(common, op),
        "freeze": {
            "active": op.freeze_active,
            "reason": op.freeze_reason,
            "since": when(op.freeze_since_ms) if op.freeze_active else None,
        },
        "degrade_override": _override(op, now),
        "risk": _risk(risk, now),
        "reconcile_failures": {
            "consecutive": op.reconcile_failures,
            "threshold": common.reconcile_failure_threshold,
            "last_error": op.last_reconcile_error,
        },
        "lock": _lock(identity, holder, now),
        "cycles": [_cycle(c) for c in recent[:limit]],
        "live_orders": dict(sorted(live.items())),
        "fills": int(fill_count),
    }


def _trips(common: CommonSettings, op: OpStatus, now: int) -> list[Trip]:
    """What holds the bot back, each with the command that resolves it."""
    return list(
        trips_in_force(
            op,
            settings_kill_switch=common.kill_switch,
            settings_safe_mode=common.safe_mode,
            reconcile_threshold=common.reconcile_failure_threshold,
            now_ms=now,
        )
    )


# knobs the report reads, from the settings the running (or last) instance started with
_RECORDED: dict[str, tuple[str, Callable[[str], object]]] = {
    "kill_switch": ("KILL_SWITCH", lambda text: text == "true"),
    "safe_mode": ("SAFE_MODE", lambda text: text == "true"),
    "cycle_seconds": ("CYCLE_SECONDS", float),
    "reconcile_failure_threshold": ("RECONCILE_FAILURE_THRESHOLD", int),
    "max_market_data_age_ms": ("MAX_MARKET_DATA_AGE_MS", int),
}


def run_common(shell: CommonSettings, recorded: dict[str, Any] | None) -> CommonSettings:
    """The shell's common settings with the knobs the report reads replaced by the values the
    instance started with (the shell's own settings may differ from the running bot's)."""
    if recorded is None:
        return shell
    settings = recorded.get("settings", {})
    update = {
        field: parse(settings[name])
        for field, (name, parse) in _RECORDED.items()
        if isinstance(settings.get(name), str)
    }
    return shell.model_copy(update=update)


def _run_settings(recorded: dict[str, Any] | None) -> dict[str, Any] | None:
    if recorded is None:
        return None
    return {
        "started": when(recorded.get("started_ms")),
        "pid": recorded.get("pid"),
        "stage": recorded.get("stage"),
        "armed": recorded.get("armed"),
        "not_armed": recorded.get("not_armed", []),
        "settings": recorded.get("settings", {}),
        "changed": recorded.get("changed", []),
    }


def _location(common: CommonSettings) -> str:
    return "STATE_DB_URL (value hidden)" if common.state_db_url else str(common.state_db_path)


def _role(engine: Engine) -> str | None:
    role = peek_role(engine)
    return None if role is None else role.value


def _kill_switch(common: CommonSettings, op: OpStatus) -> dict[str, Any]:
    return {
        "settings": common.kill_switch,
        "runtime": op.kill_switch,
        "source": op.kill_switch_source if op.kill_switch else None,
        "reason": op.kill_switch_reason if op.kill_switch else None,
        "since": when(op.kill_switch_since_ms) if op.kill_switch else None,
    }


def _override(op: OpStatus, now: int) -> dict[str, Any] | None:
    mode = op.degrade_override_at(now)
    if mode is None:
        return None
    until = when(op.degrade_override_until_ms)
    return {"mode": mode, "reason": op.degrade_override_reason, "until": until}


def _risk(state: RiskState, now: int) -> dict[str, Any]:
    """The risk layer's memory: mode, degrade level, last anomalies, cooldowns, universe."""
    held = state.degrade_cooldown_until_ms
    return {
        "mode": state.mode.value,
        "reasons": list(state.mode_reasons),
        "degrade_level": state.degrade_level,
        "degrade_held_until": when(held) if state.degrade_level and held > now else None,
        "anomalies": list(state.anomalies),
        "reject_cooldowns": {
            symbol.normalized: when(until)
            for symbol, until in sorted(cooling_symbols(state, now).items())
        },
        "universe": [symbol.normalized for symbol in state.universe],
    }


def _lock(identity: LockIdentity, view: HolderView | None, now: int) -> dict[str, Any] | None:
    if view is None:
        return None
    holder = view.holder
    return {
        "key": identity.key,
        "instance": holder.instance_id,
        "pid": holder.pid,
        "host": holder.host,
        "started": when(holder.started_ms),
        "heartbeat_age_s": round(holder.age_ms(now) / 1000, 1),
        "state": view.liveness.value,
        "evidence": view.evidence,
        "stale": view.liveness is not Liveness.LIVE,
    }


def _cycle(cycle: CycleRecord) -> dict[str, Any]:
    return {
        "cycle_id": cycle.cycle_id,
        "time": when(cycle.started_ms),
        "stage": cycle.stage,
        "mode": cycle.mode.value,
        "risk_mode": cycle.risk_mode,
        "submits": cycle.submits,
        "cancels": cycle.cancels,
        "equity": money(cycle.equity),
    }


def status_health(
    common: CommonSettings,
    op: OpStatus,
    holder: HolderView | None,
    recent: list[CycleRecord],
    now: int,
) -> HealthReport:
    """The health model over what the database knows; the process check replaces the loop
    check when no bot holds the lock (a stopped bot is not a stuck one)."""
    last = recent[0] if recent else None
    inputs = HealthInputs(
        now_ms=now,
        started_ms=holder.holder.started_ms if holder else now,
        cycle_seconds=common.cycle_seconds,
        last_cycle_ms=None if last is None else (last.ended_ms or last.started_ms),
        kill_switch_active=common.kill_switch or op.kill_switch,
        kill_switch_source=op.kill_switch_source if op.kill_switch else "settings",
        reconcile_failures=op.reconcile_failures,
        reconcile_failure_threshold=common.reconcile_failure_threshold,
        max_market_data_age_ms=common.max_market_data_age_ms,
    )
    running = holder is not None and holder.liveness is Liveness.LIVE
    keep = {"kill_switch", "reconcile"} | ({"cycle"} if running else set())
    checks = [c for c in assess_health(inputs).checks if c.name in keep]
    checks += [_process(holder, now), *_switches(op, now)]
    worst = max((c.status for c in checks), key=lambda s: s.severity)
    return HealthReport(status=worst, checks=tuple(checks))


def _process(view: HolderView | None, now: int) -> Check:
    if view is None:
        return Check("process", HealthStatus.OK, "no bot running (lock free)")
    holder = view.holder
    if view.liveness is Liveness.DEAD:
        return Check(
            "process",
            HealthStatus.FAILING,
            f"lock holder pid {holder.pid} on {holder.host} is dead ({view.evidence}): "
            + (
                "crashed; the next start takes the lock over"
                if view.takeover_now
                else "crashed; free the lock with `btcbot lock release`"
            ),
        )
    if view.liveness is Liveness.STALE:
        return Check(
            "process",
            HealthStatus.FAILING,
            f"lock holder pid {holder.pid} on {holder.host} stopped heartbeating "
            f"{holder.age_ms(now) / 1000:.0f}s ago: crashed or hung",
        )
    return Check("process", HealthStatus.OK, f"running: pid {holder.pid} on {holder.host}")


def _switches(op: OpStatus, now: int) -> list[Check]:
    checks = []
    if op.freeze_active:
        checks.append(Check("freeze", HealthStatus.DEGRADED, f"no new risk: {op.freeze_reason}"))
    override = op.degrade_override_at(now)
    if override is not None:
        detail = f"{override} forced: {op.degrade_override_reason}"
        checks.append(Check("degrade_override", HealthStatus.DEGRADED, detail))
    return checks


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
    for line in _run_settings_lines(view["run_settings"]):
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
    typer.echo(f"live orders: {sum(live.values())} ({counts})")
    typer.echo(f"fills: {view['fills']}")


def _run_settings_lines(run: dict[str, Any] | None) -> list[str]:
    if run is None:
        return [
            "run settings: none recorded (no run has started on this database); the switches "
            "below show this shell's settings"
        ]
    mode = "LIVE (armed)" if run["armed"] else f"DRY RUN (not armed: {', '.join(run['not_armed'])})"
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


__all__ = ["age", "money", "read_status", "status_command", "status_health", "when"]
