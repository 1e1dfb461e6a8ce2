"""What holds the agent back at the end of a cycle, read for the cycle report and logged.

The trips in force come from the stored switches and the settings
(:func:`btcbot.domain.trips.trips_in_force`) plus the ledger guard's running count of
mismatches; each is logged on every cycle while it lasts, at its own level, with the command
that resolves it. Rate-limit waits are logged by the limiter as they happen; their sum for the
cycle is logged here when there was any.
"""

from __future__ import annotations

import structlog

from btcbot.domain.trips import Trip, TripKind, ledger_mismatch, trips_in_force
from btcbot.runtime.ledger_guard import LedgerGuard
from btcbot.runtime.report import CycleReport, rate_limit_text
from btcbot.store import StateStore

log = structlog.get_logger(__name__)


def read_trips(
    store: StateStore,
    account_key: str,
    *,
    settings_kill_switch: bool,
    settings_safe_mode: bool,
    reconcile_threshold: int,
    ledger: LedgerGuard | None,
    now_ms: int,
) -> tuple[Trip, ...]:
    with store.session() as session:
        op = session.op_state.get(account_key)
    trips = trips_in_force(
        op,
        settings_kill_switch=settings_kill_switch,
        settings_safe_mode=settings_safe_mode,
        reconcile_threshold=reconcile_threshold,
        now_ms=now_ms,
    )
    tripped = any(trip.kind is TripKind.KILL_SWITCH_LEDGER for trip in trips)
    if ledger is not None and ledger.consecutive and not tripped:
        trips += (ledger_mismatch(ledger.last_mismatch, ledger.consecutive, ledger.threshold),)
    return trips


def log_held_back(report: CycleReport) -> None:
    for trip in report.trips:
        log.log(
            trip.level,
            "trip_in_force",
            cycle_id=report.cycle_id,
            trip=trip.kind.value,
            detail=trip.detail,
            resolve=trip.resolution,
        )
    if report.rate_limits:
        log.info(
            "cycle_rate_limit_waits",
            cycle_id=report.cycle_id,
            wait_ms=round(report.rate_limits.total_wait_s * 1000),
            summary=rate_limit_text(report.rate_limits),
        )
