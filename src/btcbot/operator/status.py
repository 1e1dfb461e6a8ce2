"""Status and health from the state database: switches, trips with their resolutions, risk
mode with its reasons, lock holder, last cycles and lag, and a health verdict.

The verdict is :func:`btcbot.obs.health.assess_health` over what the database holds; its market
data and WebSocket checks need a running process and are left out, and a ``process`` check
(lock holder live, stale, dead or absent) is added.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, func, select

from btcbot.config import CommonSettings
from btcbot.decision.risk_state import RiskState
from btcbot.domain.trips import Trip, trips_in_force
from btcbot.obs.health import Check, HealthInputs, HealthReport, HealthStatus, assess_health
from btcbot.operator.views import (
    CheckView,
    CycleView,
    DatabaseInfo,
    DegradeOverrideView,
    HealthView,
    KillSwitchView,
    LockView,
    ReconcileView,
    RiskView,
    RunSettingsView,
    StatusView,
    SwitchView,
    TripView,
    UnreadableOrderView,
)
from btcbot.risk.rejects import cooling_symbols
from btcbot.runtime.risk_state_codec import decode_risk_state
from btcbot.runtime.writer_lock import lock_identity
from btcbot.store import (
    CycleRecord,
    CycleRepository,
    HolderView,
    Liveness,
    LockIdentity,
    OpState,
    OpStatus,
    OrderRepository,
    ProcessLock,
    RiskStateRepository,
    assess_holder,
    current_revision,
    peek_role,
    sqlite_file,
)
from btcbot.store.orders import UnreadableOrder
from btcbot.store.run_settings import RunSettingsRepository
from btcbot.store.schema import fills


def current_lock(
    engine: Engine, common: CommonSettings, api_key: str | None, now: int
) -> tuple[LockIdentity, HolderView | None]:
    """The lock a run with these settings would take, and who holds it (read-only). Without
    the API key the lock the last run recorded it took is looked at (its key is the exchange
    account's fingerprint), so an operator's shell needs no credentials to see it."""
    recorded = None if api_key else _recorded_lock(engine, common.account_key)
    identity = recorded or lock_identity(common, api_key, sqlite_file(engine))
    holder = ProcessLock(engine, file_lock=False).status(identity.key)
    if holder is None:
        return identity, None
    return identity, assess_holder(holder, identity.lock_file, now)


def _recorded_lock(engine: Engine, account_key: str) -> LockIdentity | None:
    with engine.connect() as conn:
        recorded, _ = RunSettingsRepository(conn).get_readable(account_key)
    lock = None if recorded is None else recorded.get("lock")
    if not isinstance(lock, dict) or not isinstance(lock.get("key"), str):
        return None
    file = lock.get("file")
    return LockIdentity(
        lock["key"], Path(file) if isinstance(file, str) else None, str(lock.get("label", ""))
    )


def read_status(
    engine: Engine, shell: CommonSettings, limit: int, now: int, *, api_key: str | None = None
) -> StatusView:
    identity, holder = current_lock(engine, shell, api_key, now)
    with engine.connect() as conn:
        runs = RunSettingsRepository(conn)
        (recorded, settings_problem), accounts = (
            runs.get_readable(shell.account_key),
            runs.accounts(),
        )
        common = run_common(shell, recorded)
        op = OpState(conn).get(common.account_key)
        recent, bad_cycles = CycleRepository(conn).latest_readable(max(limit, 1))
        readable, unreadable = OrderRepository(conn).live_orders_readable()
        live = Counter(s.status.value for s in readable)
        risk, risk_problem = _risk_state(conn, common.account_key)
        fill_count = _count_fills(conn)
    damaged = _damaged(bad_cycles, risk_problem, common.account_key)
    if settings_problem is not None:
        damaged.append(
            Check(
                "run_settings",
                HealthStatus.FAILING,
                f"the recorded run settings of account {common.account_key!r} cannot be read "
                f"({settings_problem}): the next start records them again",
            )
        )
    last = recent[0] if recent else None
    last_ms = None if last is None else (last.ended_ms or last.started_ms)
    return StatusView(
        database=DatabaseInfo(_location(common), _role(engine), current_revision(engine)),
        account=common.account_key,
        armed=bool(recorded and recorded.get("armed")),
        run_settings=_run_settings(recorded),
        accounts=tuple(accounts),
        health=_health_view(status_health(common, op, holder, recent, now, unreadable, damaged)),
        trips=tuple(trip_view(trip) for trip in _trips(common, op, now)),
        kill_switch=KillSwitchView(
            settings=common.kill_switch,
            runtime=op.kill_switch,
            source=op.kill_switch_source if op.kill_switch else None,
            reason=op.kill_switch_reason if op.kill_switch else None,
            since_ms=op.kill_switch_since_ms if op.kill_switch else None,
        ),
        freeze=SwitchView(
            op.freeze_active, op.freeze_reason, op.freeze_since_ms if op.freeze_active else None
        ),
        stop_entries=SwitchView(op.stop_entries, op.stop_entries_reason, op.stop_entries_since_ms),
        degrade_override=_override(op, now),
        risk=_risk(risk, now),
        reconcile_failures=ReconcileView(
            op.reconcile_failures, common.reconcile_failure_threshold, op.last_reconcile_error
        ),
        lock=_lock(identity, holder, now),
        cycles=tuple(cycle_view(c) for c in recent[:limit]),
        last_cycle_ms=last_ms,
        lag_s=None if last_ms is None else round(max(now - last_ms, 0) / 1000, 1),
        live_orders=dict(sorted(live.items())),
        unreadable_orders=tuple(
            UnreadableOrderView(u.client_order_id, u.problem) for u in unreadable
        ),
        fills=fill_count,
        now_ms=now,
    )


def _risk_state(conn: Connection, account_key: str) -> tuple[RiskState, str | None]:
    """The risk layer's memory, or (a document edited by hand or damaged) a fresh one and
    what is wrong with the stored one."""
    try:
        return decode_risk_state(RiskStateRepository(conn).get(account_key)), None
    except (ValueError, TypeError, KeyError, AttributeError, ArithmeticError) as exc:
        return RiskState(), f"{type(exc).__name__}: {str(exc)[:200]}"


def _damaged(
    bad_cycles: Sequence[tuple[str, str]], risk_problem: str | None, account_key: str
) -> list[Check]:
    """Failing checks naming the rows status could not read (and left out)."""
    checks = []
    if bad_cycles:
        shown = "; ".join(f"{cycle_id}: {problem}" for cycle_id, problem in bad_cycles[:3])
        more = f" (and {len(bad_cycles) - 3} more)" if len(bad_cycles) > 3 else ""
        checks.append(
            Check(
                "cycles",
                HealthStatus.FAILING,
                f"{len(bad_cycles)} recent cycle row(s) in the state database cannot be read "
                f"(not listed): {shown}{more}; restore the database from a backup or correct "
                "the row",
            )
        )
    if risk_problem is not None:
        checks.append(
            Check(
                "risk_state",
                HealthStatus.FAILING,
                f"the risk state of account {account_key!r} cannot be read ({risk_problem}); "
                "the risk mode shown is a fresh one's: restore the database from a backup",
            )
        )
    return checks


def _count_fills(conn: Connection) -> int:
    return int(conn.execute(select(func.count()).select_from(fills)).scalar_one())


def trip_view(trip: Trip) -> TripView:
    shown = trip.to_dict()
    return TripView(
        kind=trip.kind.value,
        severity=str(shown["severity"]),
        headline=trip.headline,
        detail=trip.detail,
        since_ms=trip.since_ms,
        resolve=trip.resolution,
    )


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


def _run_settings(recorded: dict[str, Any] | None) -> RunSettingsView | None:
    if recorded is None:
        return None
    return RunSettingsView(
        started_ms=recorded.get("started_ms"),
        pid=recorded.get("pid"),
        stage=recorded.get("stage"),
        armed=bool(recorded.get("armed")),
        live=bool(recorded.get("live", recorded.get("armed"))),
        not_armed=tuple(recorded.get("not_armed", [])),
        settings=dict(recorded.get("settings", {})),
        changed=tuple(recorded.get("changed", [])),
    )


def _location(common: CommonSettings) -> str:
    return "STATE_DB_URL (value hidden)" if common.state_db_url else str(common.state_db_path)


def _role(engine: Engine) -> str | None:
    role = peek_role(engine)
    return None if role is None else role.value


def _override(op: OpStatus, now: int) -> DegradeOverrideView | None:
    mode = op.degrade_override_at(now)
    if mode is None:
        return None
    return DegradeOverrideView(mode, op.degrade_override_reason, op.degrade_override_until_ms)


def _risk(state: RiskState, now: int) -> RiskView:
    held = state.degrade_cooldown_until_ms
    return RiskView(
        mode=state.mode.value,
        reasons=tuple(state.mode_reasons),
        degrade_level=state.degrade_level,
        degrade_held_until_ms=held if state.degrade_level and held > now else None,
        anomalies=tuple(state.anomalies),
        reject_cooldowns={
            symbol.normalized: until
            for symbol, until in sorted(cooling_symbols(state, now).items())
        },
        universe=tuple(symbol.normalized for symbol in state.universe),
    )


def _lock(identity: LockIdentity, view: HolderView | None, now: int) -> LockView | None:
    if view is None:
        return None
    holder = view.holder
    return LockView(
        key=identity.key,
        instance=holder.instance_id,
        pid=holder.pid,
        host=holder.host,
        started_ms=holder.started_ms,
        heartbeat_age_s=round(holder.age_ms(now) / 1000, 1),
        state=view.liveness.value,
        evidence=view.evidence,
        stale=view.liveness is not Liveness.LIVE,
    )


def cycle_view(cycle: CycleRecord) -> CycleView:
    skipped = cycle.summary.get("skipped")
    return CycleView(
        cycle_id=cycle.cycle_id,
        started_ms=cycle.started_ms,
        ended_ms=cycle.ended_ms,
        stage=cycle.stage,
        mode=cycle.mode.value,
        risk_mode=cycle.risk_mode,
        submits=cycle.submits,
        cancels=cycle.cancels,
        fills=cycle.fills,
        equity=cycle.equity,
        realized_pnl=cycle.realized_pnl,
        skipped=skipped if isinstance(skipped, str) else None,
    )


def _health_view(report: HealthReport) -> HealthView:
    return HealthView(
        status=report.status.value,
        checks=tuple(CheckView(c.name, c.status.value, c.detail) for c in report.checks),
    )


def status_health(
    common: CommonSettings,
    op: OpStatus,
    holder: HolderView | None,
    recent: list[CycleRecord],
    now: int,
    unreadable: Sequence[UnreadableOrder] = (),
    damaged: Sequence[Check] = (),
) -> HealthReport:
    """The health model over what the database knows; the process check replaces the loop
    check when no bot holds the lock (a stopped bot is not a stuck one). A live order row that
    does not read back fails an ``orders`` check naming it (a bot cannot start over it)."""
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
    checks += [_process(holder, now), *_switches(op, now), *_unreadable(unreadable), *damaged]
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


def _unreadable(unreadable: Sequence[UnreadableOrder]) -> list[Check]:
    if not unreadable:
        return []
    shown = "; ".join(u.describe() for u in unreadable[:3])
    more = f" (and {len(unreadable) - 3} more)" if len(unreadable) > 3 else ""
    detail = (
        f"{len(unreadable)} live order row(s) in the state database cannot be read: "
        f"{shown}{more}; restore the database from a backup or correct the row"
    )
    return [Check("orders", HealthStatus.FAILING, detail)]


def _switches(op: OpStatus, now: int) -> list[Check]:
    checks = []
    if op.freeze_active:
        checks.append(Check("freeze", HealthStatus.DEGRADED, f"no new risk: {op.freeze_reason}"))
    if op.stop_entries:
        detail = f"no new buys: {op.stop_entries_reason}"
        checks.append(Check("stop_entries", HealthStatus.DEGRADED, detail))
    override = op.degrade_override_at(now)
    if override is not None:
        detail = f"{override} forced: {op.degrade_override_reason}"
        checks.append(Check("degrade_override", HealthStatus.DEGRADED, detail))
    return checks


def agent_running(engine: Engine, common: CommonSettings, api_key: str | None, now: int) -> bool:
    """A bot holds this account's lock and heartbeats (it executes queued requests)."""
    _, holder = current_lock(engine, common, api_key, now)
    return holder is not None and holder.liveness is Liveness.LIVE
