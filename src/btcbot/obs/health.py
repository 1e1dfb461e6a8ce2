"""A small health model: a few named checks, each ok / degraded / failing, and the worst wins.

:func:`assess_health` is a pure function of :class:`HealthInputs` (no clock, no I/O), so the
same inputs always give the same report; ``btcbot status --json``, the doctor and the
exporter's ``/healthz`` and ``/livez`` all read one report.

=============  ==============================================================================
check          rule
=============  ==============================================================================
cycle          last cycle (or process start) older than 2x / 3x the cycle pause (at least
               20 s / 30 s): degraded / failing. Failing means the loop is stuck: ``live``.
kill_switch    off: ok; on by the operator or by the settings (``KILL_SWITCH=true``):
               degraded; tripped by the bot itself (reconcile, ledger, ...): failing.
reconcile      consecutive failures: 0 ok, below the kill-switch threshold degraded, at or
               above it failing.
market_data    every symbol fresh: ok; some stale or missing: degraded (no new risk on them);
               all stale: failing.
websocket      REST mode, or WS connected: ok; WS mode and disconnected: degraded.
=============  ==============================================================================
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Final

__all__ = ["Check", "HealthInputs", "HealthReport", "HealthStatus", "assess_health"]

SELF_IMPOSED_SOURCES: Final = frozenset({"operator", "settings"})
_MIN_DEGRADED_MS: Final = 20_000
_MIN_FAILING_MS: Final = 30_000
_LISTED_SYMBOLS: Final = 5


class HealthStatus(StrEnum):
    OK = "ok"
    DEGRADED = "degraded"
    FAILING = "failing"

    @property
    def severity(self) -> int:
        return _SEVERITY[self]


_SEVERITY: Final = {HealthStatus.OK: 0, HealthStatus.DEGRADED: 1, HealthStatus.FAILING: 2}


@dataclass(frozen=True, slots=True)
class Check:
    name: str
    status: HealthStatus
    detail: str


@dataclass(frozen=True, slots=True)
class HealthReport:
    status: HealthStatus
    checks: tuple[Check, ...]

    @property
    def live(self) -> bool:
        """False only when the loop itself is stuck (the ``cycle`` check is failing): the one
        condition a restart can cure. A tripped kill switch is not cured by restarting."""
        return all(c.status is not HealthStatus.FAILING for c in self.checks if c.name == "cycle")

    def to_dict(self) -> dict[str, object]:
        return {
            "status": self.status.value,
            "checks": [
                {"name": c.name, "status": c.status.value, "detail": c.detail} for c in self.checks
            ],
        }


@dataclass(frozen=True, slots=True)
class HealthInputs:
    """What the runtime knows about itself at ``now_ms`` (all times epoch milliseconds)."""

    now_ms: int
    started_ms: int
    cycle_seconds: float
    last_cycle_ms: int | None  # end of the last finished cycle; None before the first one
    kill_switch_active: bool
    kill_switch_source: str | None  # "settings", "operator", "reconcile", "ledger", ...
    reconcile_failures: int  # consecutive
    reconcile_failure_threshold: int
    max_market_data_age_ms: int
    market_data_age_ms: Mapping[str, int | None] = field(default_factory=dict)  # None: no data
    ws_mode: bool = False
    ws_connected: bool = False


def assess_health(inputs: HealthInputs) -> HealthReport:
    checks = (
        _cycle(inputs),
        _kill_switch(inputs),
        _reconcile(inputs),
        _market_data(inputs),
        _websocket(inputs),
    )
    worst = max((c.status for c in checks), key=lambda status: status.severity)
    return HealthReport(status=worst, checks=checks)


def _cycle(i: HealthInputs) -> Check:
    pause_ms = i.cycle_seconds * 1000
    degraded_after = max(2 * pause_ms, _MIN_DEGRADED_MS)
    failing_after = max(3 * pause_ms, _MIN_FAILING_MS)
    if i.last_cycle_ms is None:
        waited = max(i.now_ms - i.started_ms, 0)
        if waited > failing_after:
            return Check(
                "cycle", HealthStatus.FAILING, f"no cycle finished since start {_s(waited)} ago"
            )
        return Check("cycle", HealthStatus.OK, f"started {_s(waited)} ago, first cycle pending")
    age = max(i.now_ms - i.last_cycle_ms, 0)
    limits = f"(pause {i.cycle_seconds:g}s)"
    if age > failing_after:
        return Check(
            "cycle", HealthStatus.FAILING, f"last cycle {_s(age)} ago {limits}: loop stuck"
        )
    if age > degraded_after:
        return Check("cycle", HealthStatus.DEGRADED, f"last cycle {_s(age)} ago {limits}: slow")
    return Check("cycle", HealthStatus.OK, f"last cycle {_s(age)} ago")


def _kill_switch(i: HealthInputs) -> Check:
    if not i.kill_switch_active:
        return Check("kill_switch", HealthStatus.OK, "off")
    source = i.kill_switch_source or "unknown"
    if source in SELF_IMPOSED_SOURCES:
        return Check("kill_switch", HealthStatus.DEGRADED, f"on ({source}): no new risk")
    return Check("kill_switch", HealthStatus.FAILING, f"tripped by {source}: no new risk")


def _reconcile(i: HealthInputs) -> Check:
    n, limit = i.reconcile_failures, i.reconcile_failure_threshold
    if n <= 0:
        return Check("reconcile", HealthStatus.OK, "last reconciliation succeeded")
    text = f"{n} consecutive failure(s), kill switch at {limit}"
    status = HealthStatus.FAILING if n >= limit else HealthStatus.DEGRADED
    return Check("reconcile", status, text)


def _market_data(i: HealthInputs) -> Check:
    ages = i.market_data_age_ms
    if not ages:
        return Check("market_data", HealthStatus.OK, "no symbols reported yet")
    stale = sorted(s for s, age in ages.items() if age is None or age > i.max_market_data_age_ms)
    limit = f"max age {_s(i.max_market_data_age_ms)}"
    if not stale:
        return Check("market_data", HealthStatus.OK, f"{len(ages)} symbol(s) fresh ({limit})")
    listed = ", ".join(stale[:_LISTED_SYMBOLS])
    if len(stale) > _LISTED_SYMBOLS:
        listed += f" +{len(stale) - _LISTED_SYMBOLS} more"
    if len(stale) == len(ages):
        return Check("market_data", HealthStatus.FAILING, f"all stale ({limit}): {listed}")
    return Check("market_data", HealthStatus.DEGRADED, f"stale ({limit}), no new risk: {listed}")


def _websocket(i: HealthInputs) -> Check:
    if not i.ws_mode:
        return Check("websocket", HealthStatus.OK, "not used (REST market data)")
    if i.ws_connected:
        return Check("websocket", HealthStatus.OK, "connected")
    return Check("websocket", HealthStatus.DEGRADED, "disconnected")


def _s(ms: float) -> str:
    return f"{ms / 1000:.1f}s"
