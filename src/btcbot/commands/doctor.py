"""``btcbot doctor`` (what is wrong?) and ``btcbot preflight`` (can this start live now?).

Doctor checks, each PASS / WARN / FAIL: the settings load and the live gates agree (the arming
decision with every reason), the state database (reachable, schema, role vs run mode), the
process lock, the runtime switches, the exchange (reachable, clock offset), the rules of every
configured symbol against the profile's per-order budget, the credentials (a signed read when
configured), the market data mode, and service levels over recent cycles. Exit 0 when nothing
FAILs, 2 otherwise. No check sends an order or a cancel, and no check creates or migrates
the database.

Preflight runs the same checks, reads every WARN or SKIP on a live-critical check as a FAIL,
and FAILs unless the settings are armed. Exit 0 only when a live start would go ahead.
"""

from __future__ import annotations

import asyncio
import json
from typing import Annotated, Any, Final, NoReturn

import typer

from btcbot.commands.checks import (
    CheckResult,
    DoctorReport,
    failed,
    passed,
    render,
    render_summary,
    warned,
)
from btcbot.commands.common import EnvFile, config_secrets, now_ms
from btcbot.commands.logs import configure_logs
from btcbot.commands.probes import probe_exchange
from btcbot.commands.run import Stage, banner
from btcbot.commands.state_checks import check_state
from btcbot.config import (
    AppConfig,
    ArmingDecision,
    BlockReason,
    ConfigError,
    evaluate_arming,
    load_config,
)
from btcbot.config.redaction import redact_url_password
from btcbot.store import OpStatus

Json = Annotated[bool, typer.Option("--json", help="One JSON document on stdout.")]

FIXES: Final[dict[str, str]] = {
    BlockReason.DRY_RUN: "set DRY_RUN=false",
    BlockReason.KILL_SWITCH: "set KILL_SWITCH=false",
    BlockReason.RUNTIME_KILL_SWITCH: "release it: btcbot kill-switch off",
    BlockReason.SAFE_MODE: "set SAFE_MODE=false",
    BlockReason.NOT_ARMED: "set LIVE_TRADING=true",
    BlockReason.ACK_MISSING: "set LIVE_TRADING_ACK=I_UNDERSTAND",
    BlockReason.NO_CREDENTIALS: "set BTCTURK_API_KEY and BTCTURK_API_SECRET",
}


def describe_blocks(arming: ArmingDecision) -> str:
    return ", ".join(f"{reason} ({FIXES.get(reason, 'see docs')})" for reason in arming.reasons)


def route_logs(config: AppConfig, level: str | None = None) -> None:
    """Log lines go to stderr (stdout carries the report) with the settings' secrets
    redacted; ``level`` defaults to ``LOG_LEVEL``."""
    configure_logs(level or config.common.log_level, config_secrets(config))


def config_check(config: AppConfig) -> CheckResult:
    loaded = f"stage {config.params.stage} settings loaded and validated"
    if config.warnings:
        return warned("config", f"{loaded}; " + "; ".join(config.warnings))
    return passed("config", loaded)


def gates_check(config: AppConfig, op: OpStatus | None) -> tuple[CheckResult, ArmingDecision]:
    """The arming decision, including a runtime kill switch stored in the database."""
    arming = evaluate_arming(
        config.common,
        config.has_credentials,
        runtime_kill_switch=op is not None and op.kill_switch,
    )
    if arming.armed:
        detail = f"ARMED: real orders go to {redact_url_password(config.exchange.base_url)}"
        return passed("gates", detail, critical=True), arming
    if arming.live_account:
        detail = f"LIVE with no new risk (cancels only): {describe_blocks(arming)}"
        return warned("gates", detail, critical=True), arming
    detail = f"not armed, runs as a DRY RUN: {describe_blocks(arming)}"
    if config.common.live_trading:  # asked for live, something still blocks it
        return warned("gates", f"LIVE_TRADING=true but {detail}", critical=True), arming
    return passed("gates", detail), arming


async def diagnose(config: AppConfig) -> DoctorReport:
    state = check_state(config, now_ms())
    gates, arming = gates_check(config, state.op)
    exchange = await probe_exchange(config)
    checks = (config_check(config), gates, *state.checks, *exchange.checks)
    return DoctorReport(checks=checks, rules=exchange.rules, arming=arming, rates=exchange.rates)


def preflight(report: DoctorReport) -> DoctorReport:
    """Doctor's findings read strictly, plus: not armed is a FAIL."""
    strict = report.strict()
    arming = report.arming
    if arming is None or arming.armed:
        return strict
    missing = failed("gates", f"not armed, a live start is impossible: {describe_blocks(arming)}")
    checks = tuple(missing if c.name == "gates" else c for c in strict.checks)
    return DoctorReport(checks=checks, rules=strict.rules, arming=arming, rates=strict.rates)


def load_for_doctor(stage: int, env_file: EnvFile) -> AppConfig | DoctorReport:
    try:
        return load_config(stage, env_file)
    except ConfigError as exc:
        return DoctorReport(checks=(failed("config", str(exc)),))


def emit(report: DoctorReport, what: str, *, as_json: bool, extra: dict[str, Any]) -> NoReturn:
    if as_json:
        typer.echo(json.dumps({"command": what, **extra, **report.as_dict()}, indent=2))
    else:
        render(report.checks)
        render_summary(report, what)
    raise typer.Exit(report.exit_code)


def _run(stage: int, env_file: EnvFile, *, as_json: bool, strict: bool) -> None:
    what = "preflight" if strict else "doctor"
    loaded = load_for_doctor(stage, env_file)
    if isinstance(loaded, DoctorReport):
        emit(loaded, what, as_json=as_json, extra={"stage": stage})
    route_logs(loaded, "DEBUG" if loaded.common.log_level == "DEBUG" else "WARNING")
    if not as_json:
        typer.secho(banner(loaded), bold=True)
    report = asyncio.run(diagnose(loaded))
    emit(preflight(report) if strict else report, what, as_json=as_json, extra={"stage": stage})


def doctor_command(stage: Stage = 3, as_json: Json = False, env_file: EnvFile = None) -> None:
    """Check everything a run needs; read-only. Exit 0 unless a check FAILs (then 2).

    Settings and gates, state database, lock, runtime switches, exchange and clock, symbol
    rules vs the per-order budget, credentials, market data mode, recent service levels.
    """
    _run(stage, env_file, as_json=as_json, strict=False)


def preflight_command(stage: Stage = 3, as_json: Json = False, env_file: EnvFile = None) -> None:
    """Can this start live right now? Exit 0 only when ready, 2 otherwise.

    Doctor's checks, with a warning on a live-critical check read as a failure; settings
    that are not armed fail.
    """
    _run(stage, env_file, as_json=as_json, strict=True)


__all__ = [
    "diagnose",
    "doctor_command",
    "gates_check",
    "preflight",
    "preflight_command",
    "route_logs",
]
