"""Profile 7's bounded parameter adaptation, run by the runtime between cycles.

The kernel's :func:`~btcbot.kernel.adaptation.adapt` is pure; this module gives it a window of
cycle metrics, persists every parameter version (append-only, with checkpoints) and applies
the active version at start-up, so a restart keeps what was learned and an operator can read
the history in ``params_versions``.

Only the adaptable fields are stored (the "overlay"): order offset, orders per cycle, turnover
cap per cycle and minimum quote volume. Everything else always comes from the settings.
Checkpoints: the settings' own values are the first checkpoint; a version that goes through a
full evaluation window needing no change becomes a checkpoint; a drawdown beyond the rollback
level returns to the last checkpoint.

Measured per cycle: rejects, missing marks, drawdown, and throttling — the exchange calls the
client's rate limiter held back in that cycle (waits for the budget plus HTTP 429 answers,
:attr:`CycleReport.throttled`), which drives the "one order per cycle fewer" rule.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any

import structlog
from sqlalchemy import Engine

from btcbot.domain.money import BPS, ZERO, format_decimal, to_decimal
from btcbot.kernel.adaptation import CycleMetrics, adapt
from btcbot.kernel.params import Profile7Params
from btcbot.runtime.report import CycleReport
from btcbot.store import ParamsRepository, unit_of_work

log = structlog.get_logger(__name__)
PROFILE = 7


def overlay_of(params: Profile7Params) -> dict[str, Any]:
    return {
        "order_offset_bps": format_decimal(params.portfolio.order_offset_bps),
        "max_orders_per_cycle": params.limits.max_orders_per_cycle,
        "notional_cap_per_cycle": format_decimal(params.limits.notional_cap_per_cycle),
        "min_quote_volume": format_decimal(params.universe.min_quote_volume),
        "params_version": params.params_version,
    }


def apply_overlay(params: Profile7Params, overlay: dict[str, Any]) -> Profile7Params:
    return replace(
        params,
        portfolio=replace(
            params.portfolio, order_offset_bps=to_decimal(overlay["order_offset_bps"])
        ),
        limits=replace(
            params.limits,
            max_orders_per_cycle=int(overlay["max_orders_per_cycle"]),
            notional_cap_per_cycle=to_decimal(overlay["notional_cap_per_cycle"]),
        ),
        universe=replace(params.universe, min_quote_volume=to_decimal(overlay["min_quote_volume"])),
        params_version=int(overlay["params_version"]),
    )


@dataclass
class ParamsAdapter:
    engine: Engine
    _window: deque[CycleMetrics] = field(default_factory=deque)
    _peak: Decimal | None = None
    _checkpoint: Profile7Params | None = None

    def start(self, params: Profile7Params, now_ms: int) -> Profile7Params:
        """The active parameters: the latest stored version, or the settings' values stored
        as the first checkpoint."""
        with unit_of_work(self.engine) as conn:
            repo = ParamsRepository(conn)
            latest = repo.latest(PROFILE)
            checkpoint = repo.latest(PROFILE, checkpoint_only=True)
            if latest is None:
                repo.append(
                    PROFILE, overlay_of(params), reason="settings", checkpoint=True, now_ms=now_ms
                )
                self._checkpoint = params
                return params
        active = apply_overlay(params, latest.params)
        self._checkpoint = apply_overlay(params, checkpoint.params) if checkpoint else None
        log.info("adaptation_params_restored", version=active.params_version)
        return active

    def after_cycle(
        self, report: CycleReport, params: Profile7Params, now_ms: int
    ) -> Profile7Params:
        """Record the cycle; every ``every_cycles`` cycles evaluate and maybe change params."""
        self._window.append(self._metrics(report))
        if len(self._window) < params.adaptation.every_cycles:
            return params
        window, self._window = tuple(self._window), deque()
        result = adapt(window, params, self._checkpoint)
        with unit_of_work(self.engine) as conn:
            repo = ParamsRepository(conn)
            if not result.changes:
                repo.append(
                    PROFILE,
                    overlay_of(params),
                    reason="healthy window",
                    checkpoint=True,
                    now_ms=now_ms,
                )
                self._checkpoint = params
                return params
            reason = (
                "rollback"
                if result.rolled_back
                else "; ".join(f"{c.field} {c.old}->{c.new} ({c.reason})" for c in result.changes)
            )
            repo.append(PROFILE, overlay_of(result.params), reason=reason, now_ms=now_ms)
        log.warning(
            "adaptation_params_changed", version=result.params.params_version, reason=reason
        )
        return result.params

    def _metrics(self, report: CycleReport) -> CycleMetrics:
        drawdown = ZERO
        if report.equity is not None:
            self._peak = report.equity if self._peak is None else max(self._peak, report.equity)
            if self._peak > ZERO:
                drawdown = (self._peak - report.equity) / self._peak * BPS
        return CycleMetrics(
            rejects=report.rejected,
            throttled=report.throttled,
            missing_marks=len(report.stale_symbols),
            drawdown_bps=drawdown,
        )
