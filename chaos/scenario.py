"""One scenario: a fresh emulator and state database, the agent armed against them, a seeded
schedule of faults, crashes and account events, then a quiet end and the invariant checks.

The end of a scenario is how an operator closes a session: every fault cleared, the
unknown-order freeze and a tripped kill switch released, a quiet period (longer than the
in-flight resolution ladder), then the runtime kill switch on and the market paused so that
balances stop moving, one more successful cycle to book the last fills, SIGTERM.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import time
import traceback
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from btcbot.emulator import Emulator, EmulatorConfig, running_emulator
from chaos import lanes, probe
from chaos.agent import AgentFailed, AgentProcess
from chaos.agent_db import AgentDb
from chaos.config import CHAOS_SECRET, RunOptions, chaos_account, chaos_key
from chaos.foreign import MANUAL_PREFIX, ForeignClient
from chaos.invariants import ExchangeRecords, Findings, Limits, Violation, check_all
from chaos.operator import Operator
from chaos.rig import Rig
from chaos.schedule import Schedule, generate
from chaos.timeline import GateWindow, Timeline, now_ms

FINAL_CYCLE_WAIT_S = 60.0
KEEP_ENV = ("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR", "SYSTEMROOT", "VIRTUAL_ENV")


@dataclass
class ScenarioResult:
    seed: int
    stage: int
    seconds: float
    faults: Counter[str] = field(default_factory=Counter)
    not_fired: Counter[str] = field(default_factory=Counter)
    crashes: Counter[str] = field(default_factory=Counter)
    gate_flips: int = 0
    violations: list[Violation] = field(default_factory=list)
    recoveries_ms: list[int] = field(default_factory=list)
    in_flight_at_end: int = 0
    orders: int = 0
    fills: int = 0
    restart_refusals: int = 0
    longest_restart_ms: int = 0
    kill_switch_trips: int = 0
    logdir: str = ""
    reproduce: str = ""


def harness_failure(options: RunOptions, index: int, exc: Exception) -> ScenarioResult:
    """A scenario the harness itself could not run: a violation, with the traceback kept."""
    seed, stage = options.scenario_seed(index), options.scenario_stage(index)
    logdir = (options.workdir / f"seed{seed}-stage{stage}").resolve()
    logdir.mkdir(parents=True, exist_ok=True)
    trace = "".join(traceback.format_exception(exc))
    (logdir / "harness-error.txt").write_text(trace, "utf-8")
    result = ScenarioResult(seed, stage, 0.0, logdir=str(logdir))
    result.reproduce = options.reproduce(index)
    result.violations.append(Violation(0, f"the harness failed: {type(exc).__name__}: {exc}"))
    return result


def base_environment() -> dict[str, str]:
    """The agent and the CLI start from nothing of the developer's shell but the basics."""
    return {name: value for name, value in os.environ.items() if name in KEEP_ENV}


async def run_scenario(options: RunOptions, index: int) -> ScenarioResult:
    seed, stage = options.scenario_seed(index), options.scenario_stage(index)
    schedule = generate(
        seed,
        stage,
        seconds=options.fault_seconds,
        faults=options.faults,
        crashes=options.crashes,
        kinds=options.kinds,
        probe=options.persistent_failure,
    )
    logdir = (options.workdir / f"seed{seed}-stage{stage}").resolve()
    shutil.rmtree(logdir, ignore_errors=True)
    logdir.mkdir(parents=True)
    (logdir / "schedule.txt").write_text(
        "\n".join(e.describe() for e in schedule.events) + "\n", "utf-8"
    )
    config = EmulatorConfig(
        seed=seed,
        port=0,
        tick_seconds=0.2,
        accounts=(chaos_account(seed),),
        rate_limit_scale=options.rate_limit_scale,
    )
    started = time.monotonic()
    async with running_emulator(config) as emu:
        result = await _run(emu, options, schedule, logdir)
    result.seconds = time.monotonic() - started
    result.reproduce = options.reproduce(index)
    return result


async def _run(
    emu: Emulator, options: RunOptions, schedule: Schedule, logdir: Path
) -> ScenarioResult:
    timeline = Timeline()
    db_path = logdir / "state.db"
    api_key = chaos_key(schedule.seed)
    env = {
        **base_environment(),
        **options.agent.environment(
            api_key=api_key, base_url=emu.rest_url, ws_url=emu.ws_url, db_path=db_path
        ),
    }
    user = emu.exchange.user_by_key(api_key)
    assert user is not None
    agent = AgentProcess(schedule.stage, env, logdir, options.agent.cycle_seconds, timeline)
    db = AgentDb(db_path, options.agent.account_key)
    rig = Rig(
        emu=emu,
        agent=agent,
        operator=Operator(env, str(logdir), timeline),
        foreign=ForeignClient(emu, api_key, CHAOS_SECRET),
        db=db,
        timeline=timeline,
        options=options,
        user_id=user.user_id,
        pairs=tuple(s.replace("_", "") for s in options.agent.symbols.split(",")),
    )
    result = ScenarioResult(schedule.seed, schedule.stage, 0.0, logdir=str(logdir))
    try:
        await agent.start()
        rig.started = time.monotonic()
        await _lanes(rig, schedule)
        end_ms = await _close_session(rig)
    except AgentFailed as exc:
        await agent.stop()
        result.violations.append(Violation(0, f"the agent could not run: {exc}"))
        db.close()
        return result
    findings, exchange = _check(rig, schedule.stage, end_ms)
    db.close()
    _write_events(logdir / "events.txt", timeline, findings)
    return _result(result, rig, findings, exchange)


async def _lanes(rig: Rig, schedule: Schedule) -> None:
    network, crash, account = (
        lanes.NetworkLane(rig),
        lanes.CrashLane(rig),
        lanes.AccountLane(rig),
    )
    await asyncio.gather(
        lanes.run_lane(rig, schedule.lane("network"), network.run),
        lanes.run_lane(rig, schedule.lane("stream"), network.run),
        lanes.run_lane(rig, schedule.lane("crash"), crash.run),
        lanes.run_lane(rig, schedule.lane("account"), account.run),
    )
    for event in schedule.lane("probe"):
        await rig.at(event.at_s)
        await probe.persistent_failure(rig, event)


async def _close_session(rig: Rig) -> int:
    """Clear everything, let the agent settle, freeze the market, book the last fills, stop.
    Returns when the checked period ended (the final kill switch went on)."""
    rig.emu.faults.clear()
    await rig.agent_up()
    await _release_operator_holds(rig)
    await asyncio.sleep(rig.options.quiet_s)
    await _release_operator_holds(rig)
    await rig.operator.kill_switch_on()
    closed = now_ms()
    rig.emu.pause_market()
    await rig.ok_cycle_since(now_ms(), FINAL_CYCLE_WAIT_S)
    await rig.ok_cycle_since(now_ms(), FINAL_CYCLE_WAIT_S)
    stopping = now_ms()
    rig.timeline.gates.append(GateWindow("final kill switch", closed, stopping, 1_000))
    rc = await rig.agent.stop()
    if rc not in (0, None):
        rig.timeline.unexpected_exits.append(f"exit {rc} after SIGTERM")
    return closed


async def _release_operator_holds(rig: Rig) -> None:
    """A foreign order still open is canceled by its owner; then freeze and kill switch off."""
    for order in rig.emu.exchange.user_orders(rig.user_id):
        if order.is_open and order.client_id.startswith(MANUAL_PREFIX):
            await rig.foreign.cancel(order.id)
    await rig.lift_holds()


def _check(rig: Rig, stage: int, end_ms: int) -> tuple[Findings, ExchangeRecords]:
    history = rig.emu.order_history
    exchange = ExchangeRecords(
        orders=tuple(o for o in history.orders.values() if o.user_id == rig.user_id),
        fills=tuple(f for f in history.fills if f.user_id == rig.user_id),
        requests=tuple(r for r in history.requests if r.user_id == rig.user_id),
    )
    user = rig.emu.exchange.users[rig.user_id]
    balances = {asset: user.wallet.total(asset) for asset in user.wallet.assets()}
    agent = rig.db.records()
    ledger = rig.db.ledger_check(balances)
    options = rig.options
    limits = Limits(
        stage=stage,
        max_open_per_symbol=options.agent.max_open_orders_per_symbol,
        max_notional_try=options.agent.max_notional_per_order_try,
        reconcile_threshold=options.agent.reconcile_failure_threshold,
        resolution_window_ms=int(options.resolution_window_s * 1000),
        recovery_limit_ms=int(options.recovery_limit_s * 1000),
        trip_within_ms=int(options.trip_within_s * 1000),
    )
    timeline = rig.timeline
    findings = check_all(
        exchange,
        agent,
        ledger,
        limits=limits,
        unhealthy=timeline.unhealthy(),
        disturbances=timeline.disturbances(),
        gates=timeline.gates,
        probes=timeline.probes,
        end_ms=end_ms,
    )
    findings.violations.extend(Violation(0, f"agent: {text}") for text in timeline.unexpected_exits)
    findings.violations.extend(
        Violation(0, f"operator: {text}") for text in timeline.operator_failures
    )
    if not exchange.agent_orders():
        findings.violations.append(Violation(0, "the agent placed no order: nothing was tested"))
    return findings, exchange


def _write_events(path: Path, timeline: Timeline, findings: Findings) -> None:
    """What happened, for a human reading a failed scenario: every window, then findings."""
    lines = [
        f"{w.start_ms} .. {w.end_ms} {w.lane:8} {w.kind:28} "
        f"{'fired' if w.fired else 'NOT FIRED'} {w.detail}"
        for w in sorted(timeline.windows, key=lambda w: w.start_ms)
    ]
    lines += [f"{a} .. {b} agent down" for a, b in timeline.downtime]
    lines += [f"{g.start_ms} .. {g.end_ms} gate closed: {g.kind}" for g in timeline.gates]
    lines += [f"restart: {r}" for r in timeline.restarts]
    lines += [f"probe: {p}" for p in timeline.probes]
    lines += [f"violation: {v.describe()}" for v in findings.violations]
    path.write_text("\n".join(lines) + "\n", "utf-8")


def _result(
    result: ScenarioResult, rig: Rig, findings: Findings, exchange: ExchangeRecords
) -> ScenarioResult:
    timeline = rig.timeline
    for window in timeline.windows:
        if window.lane == "crash":
            (result.crashes if window.fired else result.not_fired)[window.kind] += 1
        elif window.kind in ("kill_switch", "observe_only"):
            result.gate_flips += 1
        else:
            (result.faults if window.fired else result.not_fired)[window.kind] += 1
    result.violations.extend(findings.violations)
    result.recoveries_ms = findings.recoveries_ms
    result.in_flight_at_end = findings.in_flight_at_end
    result.orders = len(exchange.agent_orders())
    result.fills = len(exchange.agent_fills())
    result.restart_refusals = sum(r.attempts for r in timeline.restarts)
    result.longest_restart_ms = max((r.waited_ms for r in timeline.restarts), default=0)
    result.kill_switch_trips = timeline.kill_switch_trips
    return result
