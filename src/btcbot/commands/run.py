"""``btcbot run``: the trading loop for one stage profile, live or dry-run by the settings."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import AsyncExitStack, asynccontextmanager, contextmanager
from typing import Annotated

import typer
from sqlalchemy import Engine

from btcbot.commands.api_hosting import ApiPlan, plan_api, serving, thread_safe_setter
from btcbot.commands.common import (
    EXIT_CONFIG,
    EXIT_RUNTIME,
    EnvFile,
    config_secrets,
    cycle_seconds_option,
    db_setting,
    db_url,
    fail,
)
from btcbot.commands.logs import configure_logs
from btcbot.commands.strategies import (
    ParamOption,
    Selection,
    StageOption,
    StrategyOption,
    select_profile,
)
from btcbot.config import AppConfig, CommonSettings, ConfigError, load_config
from btcbot.config.redaction import redact_url_password
from btcbot.domain.trips import Trip, TripKind, resolution, trips_in_force
from btcbot.exchange.errors import ExchangeError
from btcbot.execution import ReconciliationFailed
from btcbot.kernel.profile import Profile
from btcbot.marketdata import MarketDataUnavailable
from btcbot.obs.metrics import Metrics, check_listen
from btcbot.operator import RequestExecutor
from btcbot.runtime.factory import Runtime, open_runtime, wall_clock_ms
from btcbot.runtime.loop import StopSignal, run_cycles, stop_on_signals
from btcbot.runtime.report import CycleReport
from btcbot.runtime.startup import ExchangeUnavailable, StartupStopped
from btcbot.runtime.telemetry import Telemetry
from btcbot.store import (
    DamagedRow,
    DatabaseRoleError,
    DatabaseUnreachable,
    DatabaseUnusable,
    LockConflict,
    LockLost,
    LockUnavailable,
    OpState,
    SchemaVersionError,
    open_for_inspection,
    unit_of_work,
)

Stage = Annotated[
    int,
    typer.Option(
        "--stage", help="Strategy profile: 3 (profit-aware), 4 (+ order lifecycle), 7 (portfolio)."
    ),
]


def banner(config: AppConfig, selection: Selection | None = None) -> str:
    """The effective side effects, said plainly before anything happens."""
    exchange = redact_url_password(config.exchange.base_url)
    what = selection.label if selection is not None else f"stage {config.params.stage}"
    symbols = _symbols(config, selection)
    if config.arming.armed:
        return f"LIVE: armed, real orders will be sent to {exchange} ({what}, symbols {symbols})"
    reasons = ", ".join(config.arming.reasons)
    if config.arming.live_account:
        return (
            f"LIVE, NO NEW RISK ({reasons}=true): the real account on {exchange} is reconciled "
            f"and only cancels are sent, never a new order ({what}, symbols {symbols}); set "
            f"{reasons}=false to trade"
        )
    return (
        f"DRY RUN: paper fills on live market data from {exchange}; no order reaches the "
        f"exchange ({what}, symbols {symbols}; not armed: {reasons})"
    )


def stored_trips(engine: Engine, common: CommonSettings) -> tuple[Trip, ...]:
    """The trips the account's stored switches hold in force (a runtime kill switch, a
    freeze, stopped entries, ...): they outlive a restart, so a run the banner calls armed
    may still take no new risk. The settings' own switches are the banner's to say."""
    with unit_of_work(engine) as connection:
        op = OpState(connection).get(common.account_key)
    return trips_in_force(
        op,
        settings_kill_switch=False,
        reconcile_threshold=common.reconcile_failure_threshold,
        now_ms=wall_clock_ms(),
    )


def _symbols(config: AppConfig, selection: Selection | None) -> str:
    declared = selection.profile.requirements.symbols if selection is not None else ()
    return ",".join(symbol.normalized for symbol in declared or config.common.symbols)


def load_or_exit(stage: int, env_file: EnvFile) -> AppConfig:
    if env_file is not None and not env_file.exists():
        fail(f"--env-file {env_file} does not exist")
    try:
        return load_config(stage, env_file)
    except ConfigError as exc:
        fail(str(exc))


def print_report(report: CycleReport) -> None:
    worst = max((trip.level for trip in report.trips), default=logging.NOTSET)
    color = None
    if report.skipped or not report.reconcile_ok or worst >= logging.ERROR:
        color = typer.colors.RED
    elif worst >= logging.WARNING or report.rate_limits:
        color = typer.colors.YELLOW
    typer.secho(report.line(), fg=color)
    for rejection in report.rejections:
        typer.secho(f"  rejected {rejection}", fg=typer.colors.YELLOW)


async def run_config(
    config: AppConfig,
    *,
    cycles: int | None,
    cycle_seconds: float,
    profile: Profile | None = None,
    api: ApiPlan | None = None,
) -> int:
    """Open the runtime and run the cycles; map known refusals to exit codes.

    Exit 2: settings or safety refusals a restart cannot fix (including another live writer
    on the exchange account). Exit 1: runtime failures (the exchange still unusable after the
    start-up wait, the single-writer lock lost while running). A stop signal during start-up
    is a clean stop (exit 0).
    """
    with stop_on_signals() as stop:
        try:
            done = await _run(
                config, stop, cycles=cycles, cycle_seconds=cycle_seconds, profile=profile, api=api
            )
        except StartupStopped:
            done = 0
        except LockLost as exc:
            stop.lose_lock(str(exc))
            done = 0
        except LockConflict as exc:
            fail(f"{exc}. To resolve: {resolution(TripKind.LOCK_HELD)}", EXIT_CONFIG)
        except (
            ConfigError,
            DamagedRow,
            DatabaseRoleError,
            DatabaseUnusable,
            LockUnavailable,
            MarketDataUnavailable,
            SchemaVersionError,
        ) as exc:
            fail(str(exc), EXIT_CONFIG)
        except DatabaseUnreachable as exc:
            fail(str(exc), EXIT_RUNTIME)
        except ReconciliationFailed as exc:
            # Only a definitive refusal gets here (outages are waited for): settings.
            fail(
                f"start-up reconciliation failed, refusing to trade: {exc.report.error}; "
                "check BTCTURK_API_KEY / the private key, the key's permissions and its IP "
                "whitelist",
                EXIT_CONFIG,
            )
        except ExchangeUnavailable as exc:
            fail(f"exchange unavailable, refusing to trade: {exc}", EXIT_RUNTIME)
        except ExchangeError as exc:
            fail(f"exchange unavailable: {exc}", EXIT_RUNTIME)
    if stop.lock_lost is not None:
        fail(
            f"stopped after {done} cycle(s): {stop.lock_lost}. Another instance may be trading "
            f"this exchange account. To resolve: {resolution(TripKind.LOCK_LOST)}",
            EXIT_RUNTIME,
        )
    reason = f" (stopped by {stop.signal_name})" if stop.signal_name else ""
    typer.echo(f"stopped cleanly after {done} cycle(s){reason}")
    return done


async def _run(
    config: AppConfig,
    stop: StopSignal,
    *,
    cycles: int | None,
    cycle_seconds: float,
    profile: Profile | None,
    api: ApiPlan | None = None,
) -> int:
    async with (
        open_runtime(config, stop=stop, profile=profile) as runtime,
        _telegram(config, runtime) as tell,
    ):
        for trip in stored_trips(runtime.engine, config.common):
            typer.secho(trip.describe(), fg=typer.colors.YELLOW, bold=True)
        requests = RequestExecutor(  # operator requests (cancel all), between cycles
            runtime.engine,
            runtime.runner.oms,
            config.common.account_key,
            runtime.execution,
            wall_clock_ms,
        )
        wake = asyncio.Event()
        async with AsyncExitStack() as stack:
            if api is not None:
                await stack.enter_async_context(_agent_api(api, config, runtime, wake))
            with _observed(runtime, config, cycle_seconds) as report:
                return await run_cycles(
                    runtime.runner,
                    cycles=cycles,
                    cycle_seconds=cycle_seconds,
                    stop=stop,
                    on_report=report if tell is None else _both(report, tell),
                    between=requests.run_pending,
                    wake=wake,
                )
    raise AssertionError("unreachable")  # pragma: no cover - the block returns


@asynccontextmanager
async def _agent_api(
    api: ApiPlan, config: AppConfig, runtime: Runtime, wake: asyncio.Event
) -> AsyncIterator[None]:
    """The control API served by the running bot: reads over the state database opened
    read-only, writes through the run's own engine, cancel-all executed by this process."""
    common = config.common
    url = db_url(common)
    reader = open_for_inspection(url, db_setting(common))
    try:
        async with serving(
            api,
            common,
            reader=reader,
            writer=runtime.engine,
            api_key=config.exchange.api_key if config.has_credentials else None,
            in_agent=True,
            wake=thread_safe_setter(wake),
            secrets=config_secrets(config),
        ):
            yield
    finally:
        reader.dispose()


@asynccontextmanager
async def _telegram(
    config: AppConfig, runtime: Runtime
) -> AsyncIterator[Callable[[CycleReport], None] | None]:
    """The Telegram bot and notifications (TELEGRAM_ENABLED=true), in this event loop."""
    if not config.telegram.telegram_enabled:
        yield None
        return
    from btcbot.telegram.surface import run_surface  # python-telegram-bot only when enabled

    mode = runtime.execution.value
    async with run_surface(config, runtime.engine, mode=mode, clock_ms=wall_clock_ms) as tell:
        yield tell


def _both(
    first: Callable[[CycleReport], None], second: Callable[[CycleReport], None]
) -> Callable[[CycleReport], None]:
    def report(cycle: CycleReport) -> None:
        first(cycle)
        second(cycle)

    return report


@contextmanager
def _observed(
    runtime: Runtime, config: AppConfig, cycle_seconds: float
) -> Iterator[Callable[[CycleReport], None]]:
    """Print every cycle; with METRICS_PORT also export metrics and /healthz while running."""
    port = config.common.metrics_port
    if port is None:
        yield print_report
        return
    telemetry = Telemetry(
        Metrics(),
        config,
        runtime.engine,
        execution=runtime.execution.value,
        cycle_seconds=cycle_seconds,
        clock_ms=wall_clock_ms,
        ws_connected=runtime.ws_connected,
    )
    try:
        server = telemetry.metrics.serve(port, config.common.metrics_host, health=telemetry.health)
    except OSError as exc:  # taken since the check at start-up
        fail(metrics_port_message(config, exc))
    typer.echo(f"metrics and health on {server.url}")

    def report(cycle: CycleReport) -> None:
        print_report(cycle)
        telemetry.on_report(cycle)

    try:
        yield report
    finally:
        server.stop()


def check_metrics_port(config: AppConfig) -> None:
    """Refuse (exit 2) before anything starts when METRICS_PORT cannot be served."""
    port = config.common.metrics_port
    if port is None:
        return
    try:
        check_listen(config.common.metrics_host, port)
    except OSError as exc:
        fail(metrics_port_message(config, exc))


def metrics_port_message(config: AppConfig, exc: OSError) -> str:
    host, port = config.common.metrics_host, config.common.metrics_port
    why = exc.strerror or str(exc)
    return (
        f"METRICS_PORT={port}: cannot serve metrics on {host}:{port} ({why}): stop what uses "
        "the port or choose another METRICS_PORT (and check METRICS_HOST)"
    )


def run_command(
    stage: StageOption = None,
    strategy: StrategyOption = None,
    param: ParamOption = None,
    once: Annotated[bool, typer.Option("--once", help="Run one cycle and exit (default).")] = False,
    loop: Annotated[bool, typer.Option("--loop", help="Run cycles until SIGTERM/SIGINT.")] = False,
    cycles: Annotated[
        int | None, typer.Option("--cycles", min=1, help="Run this many cycles, then exit.")
    ] = None,
    cycle_seconds: Annotated[
        float | None,
        typer.Option(
            "--cycle-seconds", help="Pause between cycles, 0 to 86400 (default CYCLE_SECONDS)."
        ),
    ] = None,
    env_file: EnvFile = None,
) -> None:
    """Run the trading agent. Dry-run (paper fills) unless all five live gates are set."""
    if once and (loop or cycles is not None):
        fail("--once cannot be combined with --loop or --cycles")
    if cycle_seconds is not None:
        cycle_seconds_option(cycle_seconds)
    selection = select_profile(stage, strategy, param, env_file)
    config = selection.config
    configure_logs(config.common.log_level, config_secrets(config))
    for warning in config.warnings:
        typer.secho(f"warning: {warning}", fg=typer.colors.YELLOW, err=True)
    check_metrics_port(config)
    api = _api_plan(env_file)
    typer.secho(banner(config, selection), bold=True)
    count = None if loop and cycles is None else (cycles or 1)
    pause = config.common.cycle_seconds if cycle_seconds is None else cycle_seconds
    asyncio.run(
        run_config(config, cycles=count, cycle_seconds=pause, profile=selection.profile, api=api)
    )


def _api_plan(env_file: EnvFile) -> ApiPlan | None:
    """With API_PORT set: the API's settings and tokens, checked before anything starts."""
    from btcbot.config.api import ApiSettings
    from btcbot.config.loader import build, env_path

    try:
        port = build(ApiSettings, env_path(env_file)).api_port
    except ConfigError as exc:
        fail(str(exc))
    if port is None:
        return None
    plan = plan_api(env_file)
    try:
        check_listen(plan.host, plan.port)
    except OSError as exc:
        fail(
            f"API_PORT={plan.port}: cannot serve the API on {plan.host}:{plan.port} "
            f"({exc.strerror or exc}): stop what uses the port or choose another API_PORT"
        )
    return plan


__all__ = ["EXIT_CONFIG", "banner", "run_command", "run_config"]
